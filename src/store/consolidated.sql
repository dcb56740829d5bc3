-- Version 10: when each arrival's consolidated workbooks were rebuilt. An arrival is recorded
-- with none; the consolidator marks it once the Rekaps it changes are rebuilt (and the reports
-- an accepted agreement or plan now governs reviewed again). An arrival left unmarked by a stop
-- or a crash is consolidated at the next start: no Rekap stays behind the ledger. Arrivals
-- recorded before this version were consolidated by the service that recorded them.

ALTER TABLE arrivals ADD COLUMN consolidated_ms INTEGER;
UPDATE arrivals SET consolidated_ms = received_ms;
