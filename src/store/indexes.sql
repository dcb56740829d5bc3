-- Version 8: indexes that follow the queries.
--
-- No index of indicators by code: every query reaches a report's indicators through its
-- submission (the rows' own key); the index only cost each recorded reading fourteen inserts
-- scattered over its pages.
--
-- The mailer's queue by what is still to send: the mailer asks for it at every pass (every
-- second, and whenever a file is recorded), and without this index each ask read the whole
-- queue, every message ever sent with its body (4.7 ms at 2,000 messages, growing by the day).

DROP INDEX IF EXISTS indicators_code;
CREATE INDEX mail_queue_queued ON mail_queue (id) WHERE status = 'queued';
