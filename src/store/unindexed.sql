-- Version 8: no index of indicators by code. Every query reaches a report's indicators through
-- its submission (the rows' own key); the index only cost each recorded reading fourteen inserts
-- scattered over its pages.

DROP INDEX IF EXISTS indicators_code;
