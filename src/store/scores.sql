-- Version 7: a goal's score sits on its row of `goals` (nss, status, band) and an indicator's
-- band on its row of `indicators` (its capaian and provisional mark were there already), instead
-- of a row of `scores` each; `scores` keeps the NPSS and the perspectives with their NKP. A
-- reading of fourteen indicators in seven goals writes 21 rows fewer. And versions get a key by
-- kind (below).

ALTER TABLE goals ADD COLUMN nss TEXT;         -- exact decimal; NULL when N/A or unscored
ALTER TABLE goals ADD COLUMN status TEXT;      -- 'final' | 'provisional' | 'na'; NULL unscored
ALTER TABLE goals ADD COLUMN band TEXT;
ALTER TABLE indicators ADD COLUMN band TEXT;

UPDATE goals SET (nss, status, band) = (
    SELECT s.value, s.status, s.band FROM scores s
     WHERE s.submission_id = goals.submission_id AND s.level = 'goal' AND s.code = goals.code
     ORDER BY s.seq LIMIT 1);
UPDATE indicators SET band = (
    SELECT s.band FROM scores s
     WHERE s.submission_id = indicators.submission_id AND s.level = 'indicator' AND s.code = indicators.code
     ORDER BY s.seq LIMIT 1);
DELETE FROM scores WHERE level IN ('goal', 'indicator');
ALTER TABLE scores DROP COLUMN parent;     -- a goal's perspective, an indicator's goal: on their rows

-- A unit's current agreement or plan of a year (any period) is one step down this key, where the
-- versions' own key (unit, year, period, kind) would pass every report of the year.
CREATE INDEX versions_kind ON versions (unit, year, kind, period, version);
