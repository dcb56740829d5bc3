//! The ledger: every arrival, submission, finding and score, in SQLite, written in transactions.
//!
//! An *arrival* is one dropped file; a *submission* is one distinct content (SHA-256) that was
//! read. A second arrival of the same content is a duplicate of the first submission. Accepted
//! submissions of one unit, year, period and kind are numbered versions; each new version
//! supersedes the one before, and both stay on record.

mod rows;
mod writer;

pub use rows::Reading;
pub use writer::SharedLedger;

use crate::model::{Kind, Period};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one script per version; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

/// Why the ledger could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open ledger {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    /// A statement failed (disk full, database locked beyond the busy timeout, corruption).
    #[error("ledger: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A batch of records could not be committed (the message of the failure).
    #[error("ledger: {0}")]
    Batch(String),
    /// The database was written by a newer kinerja.
    #[error("ledger schema version {found} is newer than this kinerja supports ({supported})")]
    TooNew { found: usize, supported: usize },
}

/// One dropped file, as taken from the inbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    /// Unique and increasing in the order files were taken.
    pub id: String,
    /// The inbox subfolder it was dropped in (the unit that sent it); empty for the inbox root.
    pub folder: String,
    pub file_name: String,
    pub received_ms: i64,
}

/// What to record for an arrival.
#[derive(Debug)]
pub enum Decision {
    /// Refused before reading: dropped in the inbox root or in a folder of no unit.
    Refused { reason: String },
    /// Content the ledger already has: not read again.
    Duplicate,
    /// Read: accepted, or rejected for what its content says (unreadable, another unit, no year).
    Read { reading: Box<Reading>, rejected: Option<String> },
}

/// One arrival to record, and where its file will be kept (relative to the state directory).
#[derive(Debug)]
pub struct Record {
    pub arrival: Arrival,
    pub sha256: String,
    pub decision: Decision,
    pub stored_path: String,
    /// Who is told about it: its messages are queued in the same transaction.
    pub notice: Option<crate::mail::Notice>,
}

/// A message waiting in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<crate::mail::Attachment>,
    pub attempts: i64,
}

/// What the ledger made of an arrival.
#[derive(Debug, Clone, PartialEq)]
pub enum Recorded {
    New {
        submission_id: i64,
        accepted: bool,
        version: Option<i64>,
    },
    Duplicate {
        submission_id: i64,
        first_received_ms: i64,
        /// Where the first file of this content is kept.
        stored_path: String,
    },
    Refused,
    /// Recorded before a crash; only the file's last move was left to do.
    Recovered,
}

/// A submission and where its file is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: i64,
    /// Relative to the state directory.
    pub stored_path: String,
    pub unit: Option<String>,
    /// The name it arrived under.
    pub file_name: String,
}

/// An earlier submission of the same content.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub submission_id: i64,
    pub received_ms: i64,
    pub stored_path: String,
    /// The unit it was received for.
    pub unit: Option<String>,
}

/// A unit's latest valid (accepted, error-free) realisasi report for a period, for the
/// consolidated workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    pub unit: String,
    pub submission_id: i64,
    pub version: Option<i64>,
    pub report_json: String,
}

/// A finding of a unit's latest version.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenFinding {
    pub unit: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub code: String,
    pub severity: String,
    pub message: String,
}

/// A unit's latest arrival, for `kinerja status`.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRow {
    pub unit: String,
    pub sha256: String,
    pub file_name: String,
    pub received_ms: i64,
    /// accepted, rejected, duplicate or superseded.
    pub result: String,
    pub version: Option<i64>,
    pub year: Option<i64>,
    pub period: Option<String>,
    pub errors: i64,
    pub warnings: i64,
    pub npss: Option<String>,
    pub reason: Option<String>,
}

pub struct Ledger {
    conn: Connection,
}

impl Ledger {
    /// Open (creating if needed) and migrate the ledger at `path`.
    ///
    /// # Errors
    /// [`StoreError`] when the file cannot be opened, was written by a newer kinerja, or a
    /// migration fails.
    pub fn open(path: &Path) -> Result<Ledger, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.into(), source })?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a record the service reported is on disk, even across a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut ledger = Ledger { conn };
        ledger.migrate()?;
        Ok(ledger)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(StoreError::TooNew { found: version, supported: MIGRATIONS.len() });
        }
        for (i, script) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(script)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether an arrival is already recorded (it was, before a crash cut its file's last move).
    pub fn arrival_stored_path(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT stored_path FROM arrivals WHERE id = ?1", [id], |r| r.get(0)).optional()?)
    }

    /// The inbox entries recorded as refused where they are (links and special files), as
    /// (folder, name): each is recorded once, not again on every walk or start.
    pub fn refused_in_place(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut query = self.conn.prepare("SELECT folder, file_name FROM arrivals WHERE stored_path = ''")?;
        let rows = query.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The submission with this content, if any.
    pub fn known(&self, sha256: &str) -> Result<Option<Known>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id, received_ms, stored_path, unit FROM submissions WHERE sha256 = ?1", [sha256], |r| {
                Ok(Known { submission_id: r.get(0)?, received_ms: r.get(1)?, stored_path: r.get(2)?, unit: r.get(3)? })
            })
            .optional()?)
    }

    /// Record an arrival and what was decided about it, in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Sql`] when the transaction fails; nothing is then recorded.
    pub fn record(&mut self, record: &Record) -> Result<Recorded, StoreError> {
        self.record_batch(std::slice::from_ref(record))?.pop().expect("one result per record")
    }

    /// Record several arrivals in one transaction (one fsync), each in its own savepoint so
    /// that one failing record does not undo the others.
    ///
    /// # Errors
    /// The outer [`StoreError`] when the transaction cannot begin or commit: then nothing is
    /// recorded; inner ones for single records that failed.
    pub fn record_batch(&mut self, records: &[Record]) -> Result<Vec<Result<Recorded, StoreError>>, StoreError> {
        let mut tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut results = Vec::with_capacity(records.len());
        for record in records {
            let savepoint = tx.savepoint()?;
            let result = record_one(&savepoint, record);
            if result.is_ok() {
                savepoint.commit()?;
            }
            results.push(result);
        }
        tx.commit()?;
        Ok(results)
    }

    /// Where the unit's governing agreement for the year is kept: its latest accepted version.
    pub fn governing_agreement(&self, unit: &str, year: u16) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT s.stored_path FROM agreements a JOIN submissions s ON s.id = a.submission_id
                  WHERE a.unit = ?1 AND a.year = ?2 ORDER BY a.version DESC LIMIT 1",
            )?
            .query_row(params![unit, year], |r| r.get(0))
            .optional()?)
    }

    /// The check JSON of the unit's latest accepted version of a report (versions follow arrival
    /// order, and the identity index is ordered by arrival).
    pub fn latest_report(
        &self,
        unit: &str,
        year: u16,
        period: Period,
        kind: Kind,
    ) -> Result<Option<String>, StoreError> {
        let kind = match kind {
            Kind::Realisasi => "realisasi",
            Kind::Agreement => "agreement",
        };
        Ok(self
            .conn
            .prepare_cached(
                "SELECT report_json FROM submissions
                  WHERE unit = ?1 AND year = ?2 AND period = ?3 AND kind = ?4 AND result = 'accepted'
                  ORDER BY arrival_id DESC LIMIT 1",
            )?
            .query_row(params![unit, year, period.as_str(), kind], |r| r.get(0))
            .optional()?)
    }

    /// The stored file and folder of a submission, by id or by a unique SHA-256 prefix.
    pub fn find_submission(&self, key: &str) -> Result<Option<Stored>, StoreError> {
        let by_id = key.parse::<i64>().ok();
        let mut stmt = self.conn.prepare(
            "SELECT id, stored_path, unit, file_name FROM submissions
             WHERE id = ?1 OR (?2 <> '' AND sha256 LIKE ?2 || '%') LIMIT 2",
        )?;
        let prefix = if key.len() >= 6 && key.chars().all(|c| c.is_ascii_hexdigit()) { key } else { "" };
        let rows: Vec<Stored> = stmt
            .query_map(params![by_id, prefix], |r| {
                Ok(Stored { id: r.get(0)?, stored_path: r.get(1)?, unit: r.get(2)?, file_name: r.get(3)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(if rows.len() == 1 { rows.into_iter().next() } else { None })
    }

    /// Replace what a submission's reading found with a fresh reading of the same file.
    pub fn replace_reading(&mut self, submission_id: i64, reading: &Reading) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM findings WHERE submission_id = ?1", [submission_id])?;
        tx.execute("DELETE FROM scores WHERE submission_id = ?1", [submission_id])?;
        tx.execute(
            "UPDATE submissions SET errors = ?2, warnings = ?3, infos = ?4, npss = ?5, provisional = ?6,
                 report_json = ?7, processed_ms = ?8 WHERE id = ?1",
            params![
                submission_id,
                reading.errors,
                reading.warnings,
                reading.infos,
                reading.npss,
                reading.provisional,
                reading.report_json,
                now_ms(),
            ],
        )?;
        insert_rows(&tx, submission_id, reading)?;
        tx.commit()?;
        Ok(())
    }

    /// Each folder's latest arrival, optionally only those of one year and period.
    pub fn status(
        &self,
        folders: &[String],
        year: Option<i64>,
        period: Option<&str>,
    ) -> Result<Vec<Option<StatusRow>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.folder, a.file_name, a.received_ms, a.outcome, a.reason, s.result, s.superseded_by, s.version,
                    s.year, s.period, s.errors, s.warnings, s.npss, s.reason, a.sha256
               FROM arrivals a LEFT JOIN submissions s ON s.id = a.submission_id
              WHERE a.folder = ?1
                -- A file refused before its year or period was known counts in every view:
                -- the unit sent something, and was told why it was refused.
                AND (?2 IS NULL OR s.year = ?2 OR s.year IS NULL)
                AND (?3 IS NULL OR s.period = ?3 OR s.period IS NULL)
              ORDER BY a.id DESC LIMIT 1",
        )?;
        folders
            .iter()
            .map(|folder| {
                stmt.query_row(params![folder, year, period], |r| {
                    let outcome: String = r.get(3)?;
                    let result: Option<String> = r.get(5)?;
                    let superseded: Option<i64> = r.get(6)?;
                    let shown = match (outcome.as_str(), result.as_deref(), superseded) {
                        ("duplicate", _, _) => "duplicate",
                        ("rejected", _, _) | (_, Some("rejected"), _) => "rejected",
                        (_, _, Some(_)) => "superseded",
                        _ => "accepted",
                    };
                    Ok(StatusRow {
                        unit: r.get(0)?,
                        sha256: r.get(14)?,
                        file_name: r.get(1)?,
                        received_ms: r.get(2)?,
                        result: shown.to_string(),
                        version: r.get(7)?,
                        year: r.get(8)?,
                        period: r.get(9)?,
                        errors: r.get::<_, Option<i64>>(10)?.unwrap_or(0),
                        warnings: r.get::<_, Option<i64>>(11)?.unwrap_or(0),
                        npss: r.get(12)?,
                        reason: r.get::<_, Option<String>>(4)?.or(r.get(13)?),
                    })
                })
                .optional()
                .map_err(StoreError::from)
            })
            .collect()
    }

    /// The periods of a year that have accepted realisasi reports.
    pub fn periods(&self, year: u16) -> Result<Vec<Period>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT period FROM submissions WHERE year = ?1 AND kind = 'realisasi' AND result = 'accepted'",
        )?;
        let names: Vec<String> = stmt.query_map([year], |r| r.get(0))?.collect::<Result<_, _>>()?;
        let mut periods: Vec<Period> = names.iter().filter_map(|n| n.parse().ok()).collect();
        periods.sort();
        Ok(periods)
    }

    /// Each unit's latest valid realisasi report for a year and period.
    pub fn latest_valid(&self, year: u16, period: Period) -> Result<Vec<Valid>, StoreError> {
        let mut all = Vec::new();
        self.each_valid(year, period, |valid| {
            all.push(valid);
            Ok::<(), StoreError>(())
        })?;
        Ok(all)
    }

    /// [`Ledger::latest_valid`] one at a time, in unit order, without holding them all.
    pub fn each_valid<E: From<StoreError>>(
        &self,
        year: u16,
        period: Period,
        mut each: impl FnMut(Valid) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.unit, s.id, s.version, s.report_json FROM submissions s
                  WHERE s.year = ?1 AND s.period = ?2 AND s.kind = 'realisasi' AND s.result = 'accepted' AND s.errors = 0
                    AND s.arrival_id = (SELECT MAX(t.arrival_id) FROM submissions t
                                         WHERE t.unit = s.unit AND t.year = s.year AND t.period = s.period
                                           AND t.kind = 'realisasi' AND t.result = 'accepted' AND t.errors = 0)
                  ORDER BY s.unit",
            )
            .map_err(StoreError::from)?;
        let rows = stmt
            .query_map(params![year, period.as_str()], |r| {
                Ok(Valid { unit: r.get(0)?, submission_id: r.get(1)?, version: r.get(2)?, report_json: r.get(3)? })
            })
            .map_err(StoreError::from)?;
        for row in rows {
            each(row.map_err(StoreError::from)?)?;
        }
        Ok(())
    }

    /// The findings of each unit's latest accepted version for a year and period.
    pub fn open_findings(&self, year: u16, period: Period) -> Result<Vec<OpenFinding>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.unit, f.sheet, f.cell, f.code, f.severity, f.message FROM findings f
               JOIN submissions s ON s.id = f.submission_id
              WHERE s.year = ?1 AND s.period = ?2 AND s.kind = 'realisasi' AND s.result = 'accepted'
                AND s.superseded_by IS NULL
              ORDER BY s.unit, f.seq",
        )?;
        let rows = stmt.query_map(params![year, period.as_str()], |r| {
            Ok(OpenFinding {
                unit: r.get(0)?,
                sheet: r.get(1)?,
                cell: r.get(2)?,
                code: r.get(3)?,
                severity: r.get(4)?,
                message: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// (unit, year, NPSS) of each unit's latest valid realisasi report of every year.
    pub fn trend(&self) -> Result<Vec<(String, i64, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.unit, s.year, s.npss FROM submissions s
              WHERE s.kind = 'realisasi' AND s.result = 'accepted' AND s.errors = 0 AND s.npss IS NOT NULL
                AND s.arrival_id = (SELECT MAX(t.arrival_id) FROM submissions t
                                     WHERE t.unit = s.unit AND t.year = s.year AND t.kind = 'realisasi'
                                       AND t.result = 'accepted' AND t.errors = 0 AND t.npss IS NOT NULL)
              ORDER BY s.unit, s.year",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Queue messages under `key` (once per key, kind and recipient); how many were new.
    pub fn enqueue(&self, key: &str, drafts: &[crate::mail::Draft]) -> Result<usize, StoreError> {
        enqueue(&self.conn, key, drafts)
    }

    /// When a message of `kind` was last queued under a key starting with `prefix`.
    pub fn last_queued(&self, kind: &str, prefix: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.conn.query_row(
            "SELECT MAX(created_ms) FROM mail_queue WHERE kind = ?1 AND arrival_id LIKE ?2 || '%'",
            params![kind, prefix],
            |r| r.get(0),
        )?)
    }

    /// Messages due to be sent, oldest first.
    pub fn due_mail(&self, now: i64, limit: i64) -> Result<Vec<QueuedMail>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, recipient, subject, body_text, body_html, attachments, attempts FROM mail_queue
              WHERE status = 'queued' AND next_attempt_ms <= ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![now, limit], |r| {
            let attachments: String = r.get(5)?;
            Ok(QueuedMail {
                id: r.get(0)?,
                recipient: r.get(1)?,
                subject: r.get(2)?,
                text: r.get(3)?,
                html: r.get(4)?,
                attachments: serde_json::from_str(&attachments).unwrap_or_default(),
                attempts: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The server accepted the message.
    pub fn mail_sent(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE mail_queue SET status = 'sent', sent_ms = ?2, attempts = attempts + 1 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        Ok(())
    }

    /// A failure: tried again at `retry_ms`, or never again (`None`: a permanent failure).
    pub fn mail_failed(&self, id: i64, error: &str, retry_ms: Option<i64>) -> Result<(), StoreError> {
        match retry_ms {
            Some(at) => self.conn.execute(
                "UPDATE mail_queue SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3 WHERE id = ?1",
                params![id, at, error],
            )?,
            None => self.conn.execute(
                "UPDATE mail_queue SET attempts = attempts + 1, status = 'failed', last_error = ?2 WHERE id = ?1",
                params![id, error],
            )?,
        };
        Ok(())
    }

    /// Messages that failed for good, per unit (the inbox folder of the arrival they answer).
    pub fn failed_mail_by_unit(&self) -> Result<HashMap<String, i64>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.folder, COUNT(*) FROM mail_queue m JOIN arrivals a ON a.id = m.arrival_id
              WHERE m.status = 'failed' GROUP BY a.folder",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// (queued, sent, failed) messages.
    pub fn mail_counts(&self) -> Result<(i64, i64, i64), StoreError> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FILTER (WHERE status = 'queued'), COUNT(*) FILTER (WHERE status = 'sent'),
                    COUNT(*) FILTER (WHERE status = 'failed') FROM mail_queue",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    }

    /// (file name, taken at, recorded at) of every submission, in Unix milliseconds.
    pub fn timings(&self) -> Result<Vec<(String, i64, i64)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT file_name, received_ms, processed_ms FROM submissions ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts of arrivals by outcome and of submissions, for checks and reports.
    pub fn counts(&self) -> Result<(i64, i64, i64, i64), StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM arrivals WHERE outcome = 'new'),
                    (SELECT COUNT(*) FROM arrivals WHERE outcome = 'duplicate'),
                    (SELECT COUNT(*) FROM arrivals WHERE outcome = 'rejected'),
                    (SELECT COUNT(*) FROM submissions)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?)
    }
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM:SS` UTC.
pub fn utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = crate::model::period::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (H. Hinnant's algorithm).
pub fn days_from_date(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn record_one(conn: &Connection, record: &Record) -> Result<Recorded, StoreError> {
    let recorded = record_arrival(conn, record)?;
    if let Some(notice) = &record.notice {
        let (reading, reason) = match &record.decision {
            Decision::Read { reading, rejected } => (Some(reading.as_ref()), rejected.as_deref()),
            Decision::Refused { reason } => (None, Some(reason.as_str())),
            Decision::Duplicate => (None, None),
        };
        // A refusal says what the ledger recorded as its reason, whatever decided it.
        let recorded_reason: Option<String> = match recorded {
            Recorded::Refused => conn
                .prepare_cached("SELECT reason FROM arrivals WHERE id = ?1")?
                .query_row([&record.arrival.id], |r| r.get(0))
                .optional()?
                .flatten(),
            _ => None,
        };
        let reason = recorded_reason.as_deref().or(reason);
        let drafts = crate::mail::compose(notice, &record.arrival, &record.sha256, &recorded, reading, reason);
        enqueue(conn, &record.arrival.id, &drafts)?;
    }
    Ok(recorded)
}

fn enqueue(conn: &Connection, key: &str, drafts: &[crate::mail::Draft]) -> Result<usize, StoreError> {
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO mail_queue (arrival_id, kind, recipient, subject, body_text, body_html, attachments, created_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut added = 0;
    for d in drafts {
        let attachments = serde_json::to_string(&d.attachments).unwrap_or_else(|_| "[]".into());
        added += insert.execute(params![key, d.kind, d.recipient, d.subject, d.text, d.html, attachments, now_ms()])?;
    }
    Ok(added)
}

fn record_arrival(conn: &Connection, record: &Record) -> Result<Recorded, StoreError> {
    let Record { arrival, sha256, decision, stored_path, .. } = record;
    let insert_arrival = |outcome: &str, reason: Option<&str>, submission: Option<i64>, stored: &str| {
        conn.prepare_cached(
            "INSERT INTO arrivals (id, folder, file_name, sha256, received_ms, outcome, reason, submission_id, stored_path)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            arrival.id,
            arrival.folder,
            arrival.file_name,
            sha256,
            arrival.received_ms,
            outcome,
            reason,
            submission,
            stored
        ])
    };
    if let Decision::Refused { reason } = decision {
        insert_arrival("rejected", Some(reason), None, stored_path)?;
        return Ok(Recorded::Refused);
    }
    let known: Option<(i64, i64, String, Option<String>)> = conn
        .prepare_cached("SELECT id, received_ms, stored_path, unit FROM submissions WHERE sha256 = ?1")?
        .query_row([sha256], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    match (known, decision) {
        // Identity first, also when the same content came from two units at once: another
        // unit's report is refused for this folder, never recorded as this folder's duplicate.
        (Some((_, _, _, Some(owner))), decision) if !owner.eq_ignore_ascii_case(&arrival.folder) => {
            let reason = match decision {
                Decision::Read { rejected: Some(reason), .. } => reason.clone(),
                _ => crate::model::Finding::new(crate::model::Code::UnitMismatch, None, "")
                    .found(owner)
                    .expected(&arrival.folder)
                    .message(),
            };
            insert_arrival("rejected", Some(&reason), None, stored_path)?;
            Ok(Recorded::Refused)
        }
        (Some((id, first_received_ms, stored, _)), _) => {
            insert_arrival("duplicate", None, Some(id), &stored)?;
            Ok(Recorded::Duplicate { submission_id: id, first_received_ms, stored_path: stored })
        }
        (None, Decision::Read { reading, rejected }) => {
            let (submission_id, version) = insert_submission(conn, record, reading, rejected.as_deref())?;
            insert_arrival("new", rejected.as_deref(), Some(submission_id), stored_path)?;
            Ok(Recorded::New { submission_id, accepted: rejected.is_none(), version })
        }
        // Submissions are never deleted, so a known content stays known.
        (None, _) => Err(StoreError::Sql(rusqlite::Error::QueryReturnedNoRows)),
    }
}

fn insert_submission(
    conn: &Connection,
    record: &Record,
    reading: &Reading,
    rejected: Option<&str>,
) -> Result<(i64, Option<i64>), StoreError> {
    let Reading { unit, year, period, kind, .. } = reading;
    let mine = &record.arrival.id;
    // Versions follow arrival order, whatever order the workers finish in: a file that arrived
    // before one already recorded slots in before it, and the later ones move up.
    let same = "unit IS ?1 AND year IS ?2 AND period IS ?3 AND kind IS ?4 AND result = 'accepted'";
    let neighbour = |order: &str, side: &str| -> Result<Option<(i64, i64)>, StoreError> {
        let sql = format!(
            "SELECT id, version FROM submissions WHERE {same} AND arrival_id {side} ?5 ORDER BY arrival_id {order} LIMIT 1"
        );
        Ok(conn
            .prepare_cached(&sql)?
            .query_row(params![unit, year, period, kind, mine], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    };
    let (previous, next) = match rejected {
        Some(_) => (None, None),
        None => (neighbour("DESC", "<")?, neighbour("ASC", ">")?),
    };
    let version = rejected.is_none().then(|| previous.map_or(1, |(_, v)| v + 1));
    if next.is_some() {
        conn.prepare_cached(&format!("UPDATE submissions SET version = version + 1 WHERE {same} AND arrival_id > ?5"))?
            .execute(params![unit, year, period, kind, mine])?;
    }
    conn.prepare_cached(
        "INSERT INTO submissions (sha256, unit, year, period, kind, file_name, received_ms, processed_ms, result,
                                  reason, version, errors, warnings, infos, npss, provisional, stored_path, report_json,
                                  arrival_id, superseded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        record.sha256,
        unit,
        year,
        period,
        kind,
        record.arrival.file_name,
        record.arrival.received_ms,
        now_ms(),
        if rejected.is_some() { "rejected" } else { "accepted" },
        rejected,
        version,
        reading.errors,
        reading.warnings,
        reading.infos,
        reading.npss,
        reading.provisional,
        record.stored_path,
        reading.report_json,
        mine,
        next.map(|(id, _)| id),
    ])?;
    let id = conn.last_insert_rowid();
    if let Some((previous_id, _)) = previous {
        conn.prepare_cached("UPDATE submissions SET superseded_by = ?1 WHERE id = ?2")?
            .execute(params![id, previous_id])?;
    }
    if let (None, Some("agreement"), Some(unit), Some(year), Some(version)) = (rejected, *kind, unit, year, version) {
        conn.execute(
            "INSERT INTO agreements (submission_id, unit, year, version, effective_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, unit, year, version, record.arrival.received_ms],
        )?;
    }
    insert_rows(conn, id, reading)?;
    Ok((id, version))
}

fn insert_rows(conn: &Connection, submission_id: i64, reading: &Reading) -> Result<(), StoreError> {
    let mut finding = conn.prepare_cached(
        "INSERT INTO findings (submission_id, seq, code, severity, sheet, cell, subject, found, expected, message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (seq, f) in reading.findings.iter().enumerate() {
        finding.execute(params![
            submission_id,
            seq as i64,
            f.code,
            f.severity,
            f.sheet,
            f.cell,
            f.subject,
            f.found,
            f.expected,
            f.message
        ])?;
    }
    let mut score = conn.prepare_cached(
        "INSERT INTO scores (submission_id, seq, level, code, parent, value, status, band)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, s) in reading.scores.iter().enumerate() {
        score.execute(params![submission_id, seq as i64, s.level, s.code, s.parent, s.value, s.status, s.band])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_to_days_and_back() {
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2000-02-29").map(|d| utc(d * 86_400_000)), Some("2000-02-29 00:00:00".into()));
        assert_eq!(days_from_date("2025-13-01"), None);
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(1_764_098_400_000), "2025-11-25 19:20:00");
        assert_eq!(utc(951_782_400_000), "2000-02-29 00:00:00");
    }
}
