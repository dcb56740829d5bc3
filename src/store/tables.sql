-- Version 12: the table each budget line was read from (the cell of its header, `Tabel 3.40!A2`):
-- lines of several views (per jenis belanja, per program, the overall budget) stand apart in the
-- consolidated workbook. Lines recorded before this version have none.

ALTER TABLE budget_lines ADD COLUMN tabel TEXT;
