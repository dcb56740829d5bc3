-- Version 9: two indexes no query asks.
--
-- Submissions by unit, year, period and kind: which report counts is asked of `versions`, and a
-- submission is otherwise reached by its id or its content's SHA-256. Each recorded file cost
-- this index an insert at its unit's place, one more page written at every commit.
--
-- Arrivals by submission: arrivals lead to their submission, never back (and no submission is
-- ever deleted, which is when SQLite would look for the arrivals that name it).

DROP INDEX IF EXISTS submissions_identity;
DROP INDEX IF EXISTS arrivals_submission;
