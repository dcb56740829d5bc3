//! The ledger: every arrival, submission, finding and score, in SQLite, written in transactions.
//!
//! An *arrival* is one dropped file; a *submission* is one distinct content (SHA-256) that was
//! read. A second arrival of the same content is a duplicate of the first submission. Accepted
//! submissions of one unit, year, period and kind are numbered versions (`versions`); the latest
//! is the report that counts, and every earlier one stays on record. Re-sending earlier content
//! makes it the latest again, as a new version pointing to the stored content.

mod queue;
mod rows;
mod writer;

pub use queue::{Attachment, Compose, Delivery, Draft, Facts};
pub use rows::{
    BudgetLineRow, ClaimRow, FindingRow, GoalLine, IndicatorLine, InputRow, PlanBudgetRow, PlanHistoryRow,
    PlanTargetRow, Reading, ScoreRow,
};
pub use writer::SharedLedger;

use crate::model::time::now_ms;
use crate::model::{
    self, CellRef, GoalRow, Identity, IndicatorRow, Kind, Measure, Period, Polarity, Report, Value, Verdict,
};
use rusqlite::{Connection, OptionalExtension, ToSql, TransactionBehavior, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one script per version; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("versions.sql"),
    include_str!("indicators.sql"),
    include_str!("budget.sql"),
    include_str!("typed.sql"),
    include_str!("plans.sql"),
    include_str!("scores.sql"),
    include_str!("indexes.sql"),
    include_str!("unused.sql"),
    include_str!("consolidated.sql"),
    include_str!("inputs.sql"),
    include_str!("tables.sql"),
];

/// The messages due at ?1 (Unix milliseconds), oldest first, at most ?2: down the index of those
/// still queued, never a read of every message sent.
const DUE_MAIL: &str = "SELECT id, recipient, subject, body_text, body_html, attachments, attempts FROM mail_queue
                         WHERE status = 'queued' AND next_attempt_ms <= ?1 ORDER BY id LIMIT ?2";

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
    /// A submission read again would be another one: another unit, year, period or kind, or
    /// accepted where it was rejected (or the other way round). Which version counts rests on
    /// those, so its record is kept as it is.
    #[error(
        "submission {id} read again is {now}, where the ledger has {recorded}: its record is kept as it is \
         (which version counts rests on what it is)"
    )]
    Reidentified { id: i64, recorded: String, now: String },
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
    /// Content the ledger already has. A duplicate of what counts is not read again; earlier
    /// content that counts again (sent again after a later version) is reviewed again as of its
    /// arrival, and `again` is what that found.
    Known { again: Option<Box<Reading>> },
    /// Read: accepted, or rejected for what its content says (unreadable, another unit, no year).
    Read { reading: Box<Reading>, rejected: Option<String> },
}

/// One arrival to record, and where its file will be kept (relative to the state directory).
pub struct Record {
    pub arrival: Arrival,
    pub sha256: String,
    pub decision: Decision,
    pub stored_path: String,
    /// Who is told about it, and how: its messages are queued in the same transaction.
    pub messages: Option<Compose>,
}

/// A message waiting in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
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
    /// Content of an earlier version, sent again: it is the current version again.
    Resent {
        submission_id: i64,
        version: i64,
        /// Whether its findings and scores are those of its review as of this arrival (they
        /// are unless that review read it as another identity: then they stay as they were).
        reviewed: bool,
        /// The earlier version it equals.
        same_as: i64,
        /// The report's year, period and kind.
        year: i64,
        period: String,
        kind: String,
    },
    Refused,
    /// Recorded before a crash; only the file's last move was left to do.
    Recovered,
}

/// The agreement or plan that governs a unit's reports of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Governing {
    pub submission_id: i64,
    pub kind: Kind,
    /// It arrived after the arrival it was asked for: that report was sent before it.
    pub later: bool,
}

/// A submission and where its file is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: i64,
    /// The arrival it is reviewed as of: the one that made its latest version (its content sent
    /// again counts as of the resend), else the one that first brought its content.
    pub arrival_id: String,
    /// Its content's SHA-256, as received.
    pub sha256: String,
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
    /// The unit it was received for: the one it was read for, else its first arrival's folder.
    pub unit: Option<String>,
}

/// A ledger to read from: a connection of one's own, or the service's reading connection,
/// shared by its workers.
pub trait ReadLedger {
    fn reading<T>(&self, query: impl FnOnce(&Ledger) -> T) -> T;
}

impl ReadLedger for Ledger {
    fn reading<T>(&self, query: impl FnOnce(&Ledger) -> T) -> T {
        query(self)
    }
}

/// What a submission is: unit, year, period, kind, and whether it was rejected.
type What = (Option<String>, Option<i64>, Option<String>, Option<String>, bool);

/// The report that counts for a unit, year, period and kind: its current version.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub unit: String,
    pub year: i64,
    pub period: String,
    /// realisasi or agreement.
    pub kind: String,
    pub version: i64,
    /// The earlier version whose content it re-sends.
    pub same_as: Option<i64>,
    pub submission_id: i64,
    pub sha256: String,
    /// The arrival that made it current: its id (taken-in order), name and time.
    pub arrival_id: String,
    pub file_name: String,
    pub received_ms: i64,
    pub errors: i64,
    pub warnings: i64,
    pub npss: Option<String>,
    pub provisional: bool,
    /// The latest version without error findings (number and NPSS), when this one has errors.
    pub valid: Option<(i64, Option<String>)>,
}

impl Latest {
    /// Whether it came after the unit's report (the arrival that made it current, if it has
    /// one): then it is shown beside it, or in its place. By taken-in order, not by time: a
    /// duplicate recorded within the millisecond its unit's next report is taken in came before it.
    pub fn after(&self, report_arrival: Option<&str>) -> bool {
        report_arrival.is_none_or(|report| self.arrival_id.as_str() > report)
    }
}

impl Standing {
    pub fn verdict(&self) -> Verdict {
        Verdict::of_report(self.errors)
    }
}

/// A report that counts with typed rows of one kind as the ledger keeps them: its indicators
/// (the default), budget lines or scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted<T = StoredIndicator> {
    pub unit: String,
    pub version: i64,
    pub submission_id: i64,
    pub errors: i64,
    pub rows: Vec<T>,
}

/// What an arrival made ([`Ledger::made`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// The inbox folder it came from.
    pub folder: String,
    /// Whether it was read now (not a duplicate, not refused unread).
    pub read: bool,
    /// Whether it made a version of a unit's report, agreement or plan.
    pub versioned: bool,
    /// Whether its content was new (not an earlier version's sent again).
    pub new_content: bool,
    pub submission_id: Option<i64>,
    /// Its version's identity, else its submission's as far as it was read.
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub period: Option<Period>,
    pub kind: Option<Kind>,
}

/// Which reports [`Ledger::grouped`] reads.
#[derive(Debug, Clone, Copy)]
enum Versions {
    /// Every report of a kind that counts within a year (and period).
    Counted(u16, Option<Period>, Kind),
    /// One submission, as its latest version.
    Of(i64),
}

const INDICATOR_COLUMNS: &str = "t.code, t.name, t.goal, t.perspective, t.satuan, t.polarity, t.target, t.realisasi,
                       t.provisional, t.cell, t.capaian";
const INDICATORS: &str = "indicators t ON t.submission_id = v.submission_id";

/// A value as the ledger writes it ([`Value::stored`]), from column `i` of a row.
fn stored_value(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Value> {
    Ok(Value::from_stored(r.get::<_, Option<String>>(i)?.as_deref()))
}

/// An indicator's (code, target, realisasi) as printed, from the columns of `inputs` at `first`
/// and the two after it.
fn stored_input(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<model::Input> {
    Ok(model::Input {
        code: r.get(first)?,
        target: stored_value(r, first + 1)?,
        realisasi: stored_value(r, first + 2)?,
    })
}

/// A row of [`INDICATOR_COLUMNS`], from index 4 on.
fn stored_indicator(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredIndicator> {
    Ok(StoredIndicator {
        code: r.get(4)?,
        name: r.get(5)?,
        goal: r.get(6)?,
        perspective: r.get(7)?,
        measure: Measure::from_label(&r.get::<_, String>(8)?),
        polarity: Polarity::from_name(&r.get::<_, String>(9)?),
        target: stored_value(r, 10)?,
        realisasi: stored_value(r, 11)?,
        provisional: r.get(12)?,
        cell: r.get(13)?,
        capaian: decimal(r.get(14)?),
    })
}

/// What a report said that its next version is compared with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    /// Each indicator's target and realisasi as printed.
    pub inputs: Vec<model::Input>,
    /// Each budget line's scope, code, pagu and realisasi.
    pub budget: Vec<model::BudgetAmounts>,
    /// Each value the unit computed itself, by the subject its finding names.
    pub claims: Vec<(String, rust_decimal::Decimal)>,
}

/// Cells as the ledger writes them (`Sheet!A1`), typed again, each sheet's name shared.
#[derive(Default)]
struct Sheets(HashMap<String, std::sync::Arc<str>>);

impl Sheets {
    /// The cell at `Sheet!A1`; the first cell of a sheet without a name when the text is no address.
    fn cell(&mut self, text: &str) -> CellRef {
        let (sheet, address) = text.rsplit_once('!').unwrap_or(("", ""));
        let name = self.0.entry(sheet.to_string()).or_insert_with(|| sheet.into());
        let (row, col) = CellRef::parse_a1(address).unwrap_or((0, 0));
        CellRef::new(name, row, col)
    }
}

/// A budget line of the ledger, typed again.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredBudgetLine {
    /// iku, ss, akun or total.
    pub scope: String,
    pub code: String,
    /// The table it was read from (`Tabel 3.40!A2`); none for lines recorded before it was kept.
    pub table: Option<String>,
    pub pagu: Option<rust_decimal::Decimal>,
    pub realisasi: Option<rust_decimal::Decimal>,
    pub sisa: Option<rust_decimal::Decimal>,
    pub serapan: Option<rust_decimal::Decimal>,
    pub efisiensi: Option<rust_decimal::Decimal>,
}

/// The NPSS or a perspective's score (and NKP) of a reading, with its band.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredScore {
    /// npss or perspective.
    pub level: String,
    /// The perspective's name, or `NPSS`.
    pub name: String,
    pub value: Option<rust_decimal::Decimal>,
    pub nkp: Option<rust_decimal::Decimal>,
    pub band: String,
}

/// A plan's target of the ledger, typed again.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPlanTarget {
    pub code: String,
    pub name: String,
    pub year: i64,
    /// renstra, renja or pk.
    pub source: String,
    pub value: Value,
}

/// An earlier year of an IKU as a plan of the ledger prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPlanHistory {
    pub code: String,
    pub year: i64,
    pub target: Value,
    pub realisasi: Value,
}

/// A plan's budget line of the ledger, typed again.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPlanLine {
    /// program, kegiatan, kro, ro or komponen.
    pub level: String,
    pub code: String,
    pub name: String,
    pub volume: Option<rust_decimal::Decimal>,
    pub satuan: Option<String>,
    pub pagu: Option<rust_decimal::Decimal>,
    pub parent: Option<String>,
    /// renja or pk.
    pub source: String,
}

/// An exact decimal the ledger keeps as text, from a row.
fn decimal(text: Option<String>) -> Option<rust_decimal::Decimal> {
    crate::model::amount::stored_decimal(text.as_deref())
}

/// An indicator row of the ledger, typed again.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredIndicator {
    pub code: String,
    pub name: String,
    pub goal: String,
    pub perspective: String,
    pub measure: Measure,
    pub polarity: Polarity,
    pub target: Value,
    pub realisasi: Value,
    pub provisional: bool,
    /// Exact; `None` when N/A.
    pub capaian: Option<rust_decimal::Decimal>,
    /// `Sheet!A1` of its row.
    pub cell: String,
}

/// A unit's latest file that became no version: refused, or a duplicate of the version that
/// counted then.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub unit: String,
    /// Its arrival's id (taken-in order).
    pub arrival_id: String,
    pub file_name: String,
    pub received_ms: i64,
    pub sha256: String,
    /// The submission it was read as or is a duplicate of.
    pub submission_id: Option<i64>,
    /// Ditolak or duplikat.
    pub verdict: Verdict,
    pub reason: Option<String>,
}

/// A finding of a report that counts.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenFinding {
    pub unit: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub code: String,
    pub severity: String,
    pub subject: String,
    pub found: String,
    pub expected: String,
    pub message: String,
}

/// What a query of reports is limited to; `None` is every one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scope<'a> {
    pub year: Option<i64>,
    pub period: Option<&'a str>,
    pub unit: Option<&'a str>,
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
        // Every statement stays prepared, the multi-row inserts' sizes included.
        conn.set_prepared_statement_cache_capacity(128);
        // Switching a new ledger to WAL while another process opens it too (the service and a
        // command started together) is refused at once, without the busy handler: try again.
        let started = std::time::Instant::now();
        while let Err(e) = conn.pragma_update(None, "journal_mode", "WAL") {
            let busy = e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy);
            if !busy || started.elapsed() > Duration::from_secs(30) {
                return Err(e.into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // FULL: a record the service reported is on disk, even across a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 512 KiB of pages per connection instead of SQLite's 2 MiB: the service holds five, and
        // what a file needs (the newest rows, the indices' upper levels) fits; the system's page
        // cache keeps the rest. A 2,000-file burst peaked at 16-18 MiB instead of 18-21, as fast.
        conn.pragma_update(None, "cache_size", -512)?;
        let mut ledger = Ledger { conn };
        ledger.migrate()?;
        Ok(ledger)
    }

    /// Commits of this connection survive a crash of kinerja but not always a power cut (WAL,
    /// `synchronous = NORMAL`): for the mailer, whose only writes say a message was sent or
    /// failed. Losing such a mark sends the message once more; nothing is lost, and a burst no
    /// longer waits on one disk flush per message.
    ///
    /// # Errors
    /// [`StoreError::Sql`] when the setting cannot be changed.
    pub fn with_marks_that_may_repeat(self) -> Result<Ledger, StoreError> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(self)
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
        let mut stmt = self.conn.prepare_cached("SELECT stored_path FROM arrivals WHERE id = ?1")?;
        Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
    }

    /// The arrivals whose consolidated workbooks are not yet rebuilt (see `consolidated.sql`), in
    /// the order they were taken.
    pub fn unconsolidated(&self) -> Result<Vec<String>, StoreError> {
        let mut query = self.conn.prepare("SELECT id FROM arrivals WHERE consolidated_ms IS NULL ORDER BY id")?;
        let rows = query.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What an arrival made, as the consolidated workbooks are concerned with it.
    pub fn made(&self, arrival_id: &str) -> Result<Option<Made>, StoreError> {
        let mut query = self.conn.prepare_cached(
            "SELECT a.folder, a.outcome = 'new', v.submission_id IS NOT NULL, s.arrival_id = a.id, s.id,
                    COALESCE(v.unit, s.unit), COALESCE(v.year, s.year), COALESCE(v.period, s.period),
                    COALESCE(v.kind, s.kind)
               FROM arrivals a
               LEFT JOIN versions v ON v.arrival_id = a.id
               LEFT JOIN submissions s ON s.id = a.submission_id
              WHERE a.id = ?1",
        )?;
        let made = query
            .query_row([arrival_id], |r| {
                Ok(Made {
                    folder: r.get(0)?,
                    read: r.get(1)?,
                    versioned: r.get(2)?,
                    new_content: r.get::<_, Option<bool>>(3)?.unwrap_or(false),
                    submission_id: r.get(4)?,
                    unit: r.get(5)?,
                    year: r.get::<_, Option<i64>>(6)?.and_then(|y| u16::try_from(y).ok()),
                    period: r.get::<_, Option<String>>(7)?.and_then(|p| p.parse().ok()),
                    kind: r.get::<_, Option<String>>(8)?.and_then(|k| Kind::parse(&k)),
                })
            })
            .optional()?;
        Ok(made)
    }

    /// Mark arrivals consolidated: the workbooks they change are rebuilt.
    pub fn mark_consolidated(&mut self, arrival_ids: &[String]) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut mark = tx.prepare_cached("UPDATE arrivals SET consolidated_ms = ?2 WHERE id = ?1")?;
            for id in arrival_ids {
                mark.execute(params![id, now_ms()])?;
            }
        }
        tx.commit()?;
        Ok(())
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
        known(&self.conn, sha256)
    }

    /// Whether a submission is earlier content of its unit that would count again if sent
    /// again: a version of it is recorded, and a later one counts now.
    pub fn counts_again(&self, submission_id: i64) -> Result<bool, StoreError> {
        Ok(counts_again(&self.conn, submission_id)?.is_some())
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
        // Optimistic: the whole batch in one transaction. A record that fails (rare: a record is
        // checked before it gets here) sends the batch round again with each record in a
        // savepoint of its own, so that it fails alone; a savepoint for every record always
        // would journal every page it touches a second time.
        {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let recorded: Result<Vec<Recorded>, StoreError> = records.iter().map(|r| record_one(&tx, r)).collect();
            if let Ok(recorded) = recorded {
                tx.commit()?;
                return Ok(recorded.into_iter().map(Ok).collect());
            }
        }
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

    /// The unit's governing agreement for the year (see [`Self::governing`]) as the ledger keeps
    /// it: its tree of goals and its indicators with their targets, polarity and unit of measure.
    /// Without an agreement, the unit's plan for the year governs in its place (its PK's
    /// indicators where it prints them, else its Renja's), as a `Report` of kind `Plan`.
    pub fn agreement(&self, unit: &str, year: u16, before: Option<&str>) -> Result<Option<Report>, StoreError> {
        let Some(Governing { submission_id, kind, .. }) = self.governing(unit, year, before)? else { return Ok(None) };
        let mut sheets = Sheets::default();
        let goals = self
            .conn
            .prepare_cached("SELECT code, name, perspective, cell FROM goals WHERE submission_id = ?1 ORDER BY seq")?
            .query_map([submission_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?)))?
            .collect::<Result<Vec<(String, String, String, String)>, _>>()?
            .into_iter()
            .map(|(code, name, perspective, cell)| GoalRow {
                code,
                name,
                perspective,
                nss: None,
                at: sheets.cell(&cell),
            })
            .collect();
        let indicators = self
            .conn
            .prepare_cached(
                "SELECT code, name, goal, satuan, polarity, target, provisional, cell FROM indicators
                  WHERE submission_id = ?1 ORDER BY seq",
            )?
            .query_map([submission_id], |r| {
                Ok((
                    (r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                    (r.get::<_, String>(3)?, r.get::<_, String>(4)?, r.get::<_, Option<String>>(5)?),
                    (r.get::<_, bool>(6)?, r.get::<_, String>(7)?),
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|((code, name, goal), (satuan, polarity, target), (provisional, cell))| {
                let at = sheets.cell(&cell);
                IndicatorRow {
                    code,
                    name,
                    goal,
                    measure: Measure::from_label(&satuan),
                    polarity: Polarity::from_name(&polarity),
                    target: model::Reading {
                        value: Value::from_stored(target.as_deref()),
                        provisional,
                        at: Some(at.clone()),
                    },
                    realisasi: model::Reading::missing(),
                    capaian: None,
                    note: None,
                    at,
                }
            })
            .collect();
        let identity = Identity { unit: Some(unit.to_string()), year: Some(year), period: None };
        Ok(Some(Report::tree(identity, kind, goals, indicators)))
    }

    /// Each other unit's current realisasi report of a year and period, `before` an arrival (the
    /// versions taken before it, so a report is compared with what had arrived when it did): its
    /// indicators' (code, target, realisasi) as printed, in unit order.
    pub fn others_printed(
        &self,
        unit: &str,
        year: u16,
        period: Period,
        before: Option<&str>,
    ) -> Result<Vec<(String, Vec<model::Input>)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.unit, i.code, i.target, i.realisasi
               FROM versions v JOIN inputs i ON i.submission_id = v.submission_id
              WHERE v.year = ?1 AND v.period = ?2 AND v.kind = 'realisasi' AND v.unit <> ?3
                AND (?4 IS NULL OR v.arrival_id < ?4)
                AND v.version = (SELECT MAX(w.version) FROM versions w
                                  WHERE w.unit = v.unit AND w.year = v.year AND w.period = v.period
                                    AND w.kind = v.kind AND (?4 IS NULL OR w.arrival_id < ?4))
              ORDER BY v.unit, i.seq",
        )?;
        let rows = stmt.query_map(params![year, period.as_str(), unit, before], |r| {
            Ok((r.get::<_, String>(0)?, stored_input(r, 1)?))
        })?;
        let mut all: Vec<(String, Vec<model::Input>)> = Vec::new();
        for row in rows {
            let (unit, input) = row?;
            match all.last_mut() {
                Some((last, inputs)) if *last == unit => inputs.push(input),
                _ => all.push((unit, vec![input])),
            }
        }
        Ok(all)
    }

    /// What the unit's current version of a report said, as the next one is compared with it:
    /// each indicator's (code, target, realisasi) and its claims by subject. `before` an
    /// arrival: the version current when that arrival was taken.
    pub fn previous(
        &self,
        unit: &str,
        year: u16,
        period: Period,
        kind: Kind,
        before: Option<&str>,
    ) -> Result<Option<Said>, StoreError> {
        let Some(submission_id) = self.current(unit, year, period, kind, before)? else { return Ok(None) };
        let inputs = self
            .conn
            .prepare_cached("SELECT code, target, realisasi FROM inputs WHERE submission_id = ?1 ORDER BY seq")?
            .query_map([submission_id], |r| stored_input(r, 0))?
            .collect::<Result<_, _>>()?;
        let budget = self
            .conn
            .prepare_cached(
                "SELECT scope, code, pagu, realisasi FROM budget_lines WHERE submission_id = ?1 ORDER BY seq",
            )?
            .query_map([submission_id], |r| Ok((r.get(0)?, r.get(1)?, decimal(r.get(2)?), decimal(r.get(3)?))))?
            .collect::<Result<_, _>>()?;
        let claims = self
            .conn
            .prepare_cached("SELECT subject, value FROM claims WHERE submission_id = ?1")?
            .query_map([submission_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|row| match row {
                Ok((subject, value)) => Some(Ok((subject, decimal(Some(value))?))),
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()?;
        Ok(Some(Said { inputs, budget, claims }))
    }

    /// What governs the unit's reports of the year, as the ledger stood `before` an arrival (all
    /// of it without): its agreement's latest version without errors (a blocked agreement governs
    /// nothing, as its receipt says); a report that arrived before any is governed by the first
    /// to arrive after it. Only without an agreement does the plan stand in, its latest version
    /// before the arrival, else the first after. So the year's first agreement governs the
    /// reports sent before it, those scored against the plan in its place too (whose
    /// TARGET_FROM_PLAN asked for it), and they are reviewed again when it arrives.
    pub fn governing(&self, unit: &str, year: u16, before: Option<&str>) -> Result<Option<Governing>, StoreError> {
        // ?5: the versions taken before the arrival (the latest), or after it (the earliest).
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.submission_id FROM versions v JOIN submissions s ON s.id = v.submission_id
              WHERE v.unit = ?1 AND v.year = ?2 AND v.kind = ?3 AND (s.errors = 0 OR v.kind = 'plan')
                AND v.period = (SELECT MIN(period) FROM versions WHERE unit = ?1 AND year = ?2 AND kind = ?3)
                AND (?4 IS NULL OR (v.arrival_id >= ?4) = ?5)
              ORDER BY CASE WHEN ?5 THEN v.version ELSE -v.version END
              LIMIT 1",
        )?;
        let passes: &[bool] = if before.is_some() { &[false, true] } else { &[false] };
        for kind in [Kind::Agreement, Kind::Plan] {
            for &later in passes {
                let found =
                    stmt.query_row(params![unit, year, kind.as_str(), before, later], |r| r.get(0)).optional()?;
                if let Some(submission_id) = found {
                    return Ok(Some(Governing { submission_id, kind, later }));
                }
            }
        }
        Ok(None)
    }

    /// The submission of the unit's current version of a report: its latest version of the
    /// period. One step down `versions_kind`, not a look at every version of the unit's year.
    /// With `before`, only versions made by arrivals taken before that one count (arrival ids
    /// sort in the order files were taken). (An agreement's or plan's is [`Self::governing`].)
    fn current(
        &self,
        unit: &str,
        year: u16,
        period: Period,
        kind: Kind,
        before: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT submission_id FROM versions
              WHERE unit = ?1 AND year = ?2 AND period = ?3 AND kind = ?4 AND (?5 IS NULL OR arrival_id < ?5)
              ORDER BY version DESC LIMIT 1",
        )?;
        Ok(stmt.query_row(params![unit, year, period.as_str(), kind.as_str(), before], |r| r.get(0)).optional()?)
    }

    /// The stored submission of the unit's current version of a report, if it has one.
    pub fn current_stored(
        &self,
        unit: &str,
        year: u16,
        period: Period,
        kind: Kind,
    ) -> Result<Option<Stored>, StoreError> {
        match self.current(unit, year, period, kind, None)? {
            Some(id) => self.find_submission(&id.to_string()),
            None => Ok(None),
        }
    }

    /// The stored file and folder of a submission, by id or by a unique SHA-256 prefix.
    pub fn find_submission(&self, key: &str) -> Result<Option<Stored>, StoreError> {
        let by_id = key.parse::<i64>().ok();
        let mut stmt = self.conn.prepare(
            "SELECT s.id, COALESCE((SELECT v.arrival_id FROM versions v WHERE v.submission_id = s.id
                                      ORDER BY v.version DESC LIMIT 1), s.arrival_id),
                    s.sha256, s.stored_path, s.unit, s.file_name
               FROM submissions s
              WHERE s.id = ?1 OR (?2 <> '' AND s.sha256 LIKE ?2 || '%') LIMIT 2",
        )?;
        let prefix = if key.len() >= 6 && key.chars().all(|c| c.is_ascii_hexdigit()) { key } else { "" };
        let rows: Vec<Stored> = stmt
            .query_map(params![by_id, prefix], |r| {
                Ok(Stored {
                    id: r.get(0)?,
                    arrival_id: r.get(1)?,
                    sha256: r.get(2)?,
                    stored_path: r.get(3)?,
                    unit: r.get(4)?,
                    file_name: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(if rows.len() == 1 { rows.into_iter().next() } else { None })
    }

    /// Replace what a submission's reading found with a fresh reading of the same file.
    ///
    /// # Errors
    /// [`StoreError::Reidentified`] when the fresh reading is of another unit, year, period or
    /// kind, or `rejected` disagrees with the recorded result: nothing is replaced.
    pub fn replace_reading(
        &mut self,
        submission_id: i64,
        reading: &Reading,
        rejected: Option<&str>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        replace_rows(&tx, submission_id, reading, rejected)?;
        tx.commit()?;
        Ok(())
    }

    /// The periods of a year that have realisasi reports (the annual one too when it has a plan).
    pub fn periods(&self, year: u16) -> Result<Vec<Period>, StoreError> {
        Ok(self.all_periods()?.into_iter().filter(|(y, _)| *y == year).map(|(_, period)| period).collect())
    }

    /// Every year and period with realisasi reports, and the annual one of every year with a
    /// plan: the consolidated workbooks there are.
    pub fn all_periods(&self) -> Result<Vec<(u16, Period)>, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT DISTINCT year, period FROM versions WHERE kind IN ('realisasi', 'plan')")?;
        let rows: Vec<(i64, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        let mut periods: Vec<(u16, Period)> = rows
            .into_iter()
            .filter_map(|(year, period)| Some((u16::try_from(year).ok()?, period.parse().ok()?)))
            .collect();
        periods.sort();
        Ok(periods)
    }

    /// The reports that count (each unit's current version) within `scope`, in unit, year,
    /// period and kind order.
    pub fn standings(&self, scope: Scope) -> Result<Vec<Standing>, StoreError> {
        let from = "current_versions v";
        let filter = "(?1 IS NULL OR v.year = ?1) AND (?2 IS NULL OR v.period = ?2) AND (?3 IS NULL OR v.unit = ?3)";
        let mut all = Vec::new();
        standings(&self.conn, (from, filter), params![scope.year, scope.period, scope.unit], |standing| {
            all.push(standing);
            Ok::<(), StoreError>(())
        })?;
        Ok(all)
    }

    /// The unit's submissions of `kind` for the year, every version of every period, each once
    /// and in the order they were first taken, with whether it is a version that counts.
    pub fn versioned(&self, unit: &str, year: u16, kind: Kind) -> Result<Vec<(i64, bool)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.submission_id,
                    EXISTS (SELECT 1 FROM current_versions c WHERE c.submission_id = v.submission_id)
               FROM versions v
              WHERE v.unit = ?1 AND v.year = ?2 AND v.kind = ?3
              GROUP BY v.submission_id
              ORDER BY MIN(v.arrival_id)",
        )?;
        let rows = stmt.query_map(params![unit, year, kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Each folder's latest file that became no version, within `scope`. A file refused before
    /// its year or period was known counts in every scope: the unit sent something, and was told
    /// why it was refused.
    pub fn latest_arrivals(&self, scope: Scope) -> Result<Vec<Latest>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            // One pass over the arrivals, grouped by folder (not a search per arrival: the
            // Rekap asks after every burst).
            "SELECT a.folder, a.file_name, a.received_ms, a.sha256, a.submission_id, a.outcome, s.result,
                    COALESCE(a.reason, s.reason), a.id
               FROM (SELECT MAX(b.id) AS id FROM arrivals b LEFT JOIN submissions t ON t.id = b.submission_id
                      WHERE NOT EXISTS (SELECT 1 FROM versions w WHERE w.arrival_id = b.id)
                        AND (?1 IS NULL OR t.year = ?1 OR t.year IS NULL)
                        AND (?2 IS NULL OR t.period = ?2 OR t.period IS NULL)
                        AND (?3 IS NULL OR b.folder = ?3)
                      GROUP BY b.folder) latest
               JOIN arrivals a ON a.id = latest.id
               LEFT JOIN submissions s ON s.id = a.submission_id
              ORDER BY a.folder",
        )?;
        let rows = stmt.query_map(params![scope.year, scope.period, scope.unit], |r| {
            let outcome: String = r.get(5)?;
            let result: Option<String> = r.get(6)?;
            // A duplicate of content that was refused is refused too.
            let refused = outcome == "rejected" || result.as_deref() == Some("rejected");
            Ok(Latest {
                unit: r.get(0)?,
                arrival_id: r.get(8)?,
                file_name: r.get(1)?,
                received_ms: r.get(2)?,
                sha256: r.get(3)?,
                submission_id: r.get(4)?,
                verdict: if refused { Verdict::Ditolak } else { Verdict::Duplikat },
                reason: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reports of `kind` that count for a year (and period, for realisasi), each with its
    /// indicators, in unit order: one query for every unit.
    pub fn counted(&self, year: u16, period: Option<Period>, kind: Kind) -> Result<Vec<Counted>, StoreError> {
        self.grouped(INDICATOR_COLUMNS, INDICATORS, Versions::Counted(year, period, kind), stored_indicator)
    }

    /// The unit's agreement that governs its year now (see [`Self::governing`]; a plan governing
    /// in its place is not one), with its indicators as [`Self::counted`] gives them.
    pub fn governing_agreement(&self, unit: &str, year: u16) -> Result<Option<Counted>, StoreError> {
        match self.governing(unit, year, None)? {
            Some(Governing { submission_id, kind: Kind::Agreement, .. }) => Ok(self
                .grouped(INDICATOR_COLUMNS, INDICATORS, Versions::Of(submission_id), stored_indicator)?
                .into_iter()
                .next()),
            _ => Ok(None),
        }
    }

    /// The realisasi reports that count for a year and period, each with its budget lines.
    pub fn counted_budget(&self, year: u16, period: Period) -> Result<Vec<Counted<StoredBudgetLine>>, StoreError> {
        let columns = "t.scope, t.code, t.pagu, t.realisasi, t.sisa, t.serapan, t.efisiensi, t.tabel";
        let join = "budget_lines t ON t.submission_id = v.submission_id";
        self.grouped(columns, join, Versions::Counted(year, Some(period), Kind::Realisasi), |r| {
            Ok(StoredBudgetLine {
                scope: r.get(4)?,
                code: r.get(5)?,
                pagu: decimal(r.get(6)?),
                realisasi: decimal(r.get(7)?),
                sisa: decimal(r.get(8)?),
                serapan: decimal(r.get(9)?),
                efisiensi: decimal(r.get(10)?),
                table: r.get(11)?,
            })
        })
    }

    /// The realisasi reports that count for a year and period, each with its NPSS and perspective
    /// scores (NPSS first).
    pub fn counted_scores(&self, year: u16, period: Period) -> Result<Vec<Counted<StoredScore>>, StoreError> {
        let join = "scores t ON t.submission_id = v.submission_id AND t.level IN ('npss', 'perspective')";
        let counted = Versions::Counted(year, Some(period), Kind::Realisasi);
        self.grouped("t.level, t.code, t.value, t.nkp, t.band", join, counted, |r| {
            Ok(StoredScore {
                level: r.get(4)?,
                name: r.get(5)?,
                value: decimal(r.get(6)?),
                nkp: decimal(r.get(7)?),
                band: r.get(8)?,
            })
        })
    }

    /// The plans that count for a year, each with its targets by year and source.
    pub fn plan_targets(&self, year: u16) -> Result<Vec<Counted<StoredPlanTarget>>, StoreError> {
        let join = "plan_targets t ON t.submission_id = v.submission_id";
        self.grouped(
            "t.code, t.name, t.year, t.source, t.value",
            join,
            Versions::Counted(year, None, Kind::Plan),
            |r| {
                Ok(StoredPlanTarget {
                    code: r.get(4)?,
                    name: r.get(5)?,
                    year: r.get(6)?,
                    source: r.get(7)?,
                    value: stored_value(r, 8)?,
                })
            },
        )
    }

    /// The plans that count for a year, each with the earlier years its evaluation prints.
    pub fn plan_history(&self, year: u16) -> Result<Vec<Counted<StoredPlanHistory>>, StoreError> {
        let join = "plan_history t ON t.submission_id = v.submission_id";
        self.grouped("t.code, t.year, t.target, t.realisasi", join, Versions::Counted(year, None, Kind::Plan), |r| {
            Ok(StoredPlanHistory {
                code: r.get(4)?,
                year: r.get(5)?,
                target: stored_value(r, 6)?,
                realisasi: stored_value(r, 7)?,
            })
        })
    }

    /// The plans that count for a year, each with its budget lines.
    pub fn plan_budget(&self, year: u16) -> Result<Vec<Counted<StoredPlanLine>>, StoreError> {
        let columns = "t.level, t.code, t.name, t.volume, t.satuan, t.pagu, t.parent, t.source";
        let join = "plan_budget t ON t.submission_id = v.submission_id";
        self.grouped(columns, join, Versions::Counted(year, None, Kind::Plan), |r| {
            Ok(StoredPlanLine {
                level: r.get(4)?,
                code: r.get(5)?,
                name: r.get(6)?,
                volume: decimal(r.get(7)?),
                satuan: r.get(8)?,
                pagu: decimal(r.get(9)?),
                parent: r.get(10)?,
                source: r.get(11)?,
            })
        })
    }

    /// The reports `versions` names, with the rows of `join` that `row` reads from `columns`
    /// (from index 4 on): one query, grouped by report.
    fn grouped<T>(
        &self,
        columns: &str,
        join: &str,
        versions: Versions,
        row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<Counted<T>>, StoreError> {
        let (from, filter) = match versions {
            Versions::Counted(..) => {
                ("current_versions", "v.year = ?1 AND (?2 IS NULL OR v.period = ?2) AND v.kind = ?3")
            }
            Versions::Of(_) => (
                "versions",
                "v.submission_id = ?1 AND v.version = (SELECT MAX(version) FROM versions WHERE submission_id = ?1)",
            ),
        };
        let sql = format!(
            "SELECT v.unit, v.version, v.submission_id, s.errors, {columns}
               FROM {from} v
               JOIN submissions s ON s.id = v.submission_id
               LEFT JOIN {join}
              WHERE {filter}
              ORDER BY v.unit, v.period, t.seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut all: Vec<Counted<T>> = Vec::new();
        let mut rows = match versions {
            Versions::Counted(year, period, kind) => {
                stmt.query(params![year, period.map(|p| p.as_str()), kind.as_str()])?
            }
            Versions::Of(submission_id) => stmt.query([submission_id])?,
        };
        while let Some(r) = rows.next()? {
            let submission_id: i64 = r.get(2)?;
            if all.last().is_none_or(|last| last.submission_id != submission_id) {
                all.push(Counted {
                    unit: r.get(0)?,
                    version: r.get(1)?,
                    submission_id,
                    errors: r.get(3)?,
                    rows: Vec::new(),
                });
            }
            // A report without such rows has one row of NULLs.
            if r.get_ref(4)?.data_type() == rusqlite::types::Type::Null {
                continue;
            }
            let item = row(r)?;
            all.last_mut().expect("pushed above").rows.push(item);
        }
        Ok(all)
    }

    /// The findings of the reports that count for a year and period: errors first, then
    /// warnings, then information, each unit's in the order they were found.
    pub fn open_findings(&self, year: u16, period: Period) -> Result<Vec<OpenFinding>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT v.unit, f.sheet, f.cell, f.code, f.severity, f.subject, f.found, f.expected, f.message
               FROM current_versions v JOIN findings f ON f.submission_id = v.submission_id
              WHERE v.year = ?1 AND v.period = ?2 AND v.kind = 'realisasi'
              ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, v.unit, f.seq",
        )?;
        let rows = stmt.query_map(params![year, period.as_str()], |r| {
            Ok(OpenFinding {
                unit: r.get(0)?,
                sheet: r.get(1)?,
                cell: r.get(2)?,
                code: r.get(3)?,
                severity: r.get(4)?,
                subject: r.get(5)?,
                found: r.get(6)?,
                expected: r.get(7)?,
                message: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Queue messages under `key` (once per key, kind and recipient); how many were new.
    pub fn enqueue(&self, key: &str, drafts: &[Draft]) -> Result<usize, StoreError> {
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

    /// The kind of the latest message queued of a submission among `kinds`: one answering an
    /// arrival of it, or one whose key matches `keys` (a `LIKE` pattern); `None` when there is none.
    pub fn last_told(&self, submission_id: i64, keys: &str, kinds: [&str; 2]) -> Result<Option<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind FROM mail_queue
              WHERE kind IN (?3, ?4)
                AND (arrival_id IN (SELECT id FROM arrivals WHERE submission_id = ?1) OR arrival_id LIKE ?2)
              ORDER BY id DESC LIMIT 1",
        )?;
        Ok(stmt.query_row(params![submission_id, keys, kinds[0], kinds[1]], |r| r.get(0)).optional()?)
    }

    /// Messages due to be sent, oldest first.
    pub fn due_mail(&self, now: i64, limit: i64) -> Result<Vec<QueuedMail>, StoreError> {
        let mut stmt = self.conn.prepare_cached(DUE_MAIL)?;
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

    /// Mark what came of delivering each message, all in one transaction: the mailer waits for
    /// the write lock once for a whole batch, not once per message.
    ///
    /// # Errors
    /// [`StoreError::Sql`] when the marks cannot be written; none of them is then.
    pub fn mark_mail(&self, marks: &[(i64, Delivery)]) -> Result<(), StoreError> {
        if marks.is_empty() {
            return Ok(());
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        for (id, delivery) in marks {
            match delivery {
                Delivery::Sent { at_ms } => tx
                    .prepare_cached(
                        "UPDATE mail_queue SET status = 'sent', sent_ms = ?2, attempts = attempts + 1 WHERE id = ?1",
                    )?
                    .execute(params![id, at_ms])?,
                Delivery::Retry { at_ms, error } => tx
                    .prepare_cached(
                        "UPDATE mail_queue SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3 WHERE id = ?1",
                    )?
                    .execute(params![id, at_ms, error])?,
                Delivery::Failed { error } => tx
                    .prepare_cached(
                        "UPDATE mail_queue SET attempts = attempts + 1, status = 'failed', last_error = ?2 WHERE id = ?1",
                    )?
                    .execute(params![id, error])?,
            };
        }
        tx.commit()?;
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

/// The reports that count that `filter` keeps of the versions in `from` (named `v`), in unit,
/// year, period and kind order.
fn standings<E: From<StoreError>>(
    conn: &Connection,
    (from, filter): (&str, &str),
    parameters: &[&dyn ToSql],
    mut each: impl FnMut(Standing) -> Result<(), E>,
) -> Result<(), E> {
    let sql = format!(
        "SELECT v.unit, v.year, v.period, v.kind, v.version, v.submission_id, s.sha256, a.file_name, a.received_ms,
                s.errors, s.warnings, s.npss, s.provisional,
                (SELECT MAX(e.version) FROM versions e WHERE e.submission_id = v.submission_id AND e.version < v.version
                    AND e.unit = v.unit AND e.year = v.year AND e.period = v.period AND e.kind = v.kind),
                g.version, gs.npss, v.arrival_id
           FROM {from}
           JOIN submissions s ON s.id = v.submission_id
           JOIN arrivals a ON a.id = v.arrival_id
           -- When the current version has errors: the latest version without.
           LEFT JOIN versions g
             ON s.errors > 0 AND g.unit = v.unit AND g.year = v.year AND g.period = v.period AND g.kind = v.kind
            AND g.version = (SELECT MAX(x.version) FROM versions x JOIN submissions y ON y.id = x.submission_id
                              WHERE y.errors = 0 AND x.unit = v.unit AND x.year = v.year
                                AND x.period = v.period AND x.kind = v.kind)
           LEFT JOIN submissions gs ON gs.id = g.submission_id
          WHERE {filter}
          ORDER BY v.unit, v.year, v.period, v.kind DESC"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(StoreError::from)?;
    let rows = stmt
        .query_map(parameters, |r| {
            let standing = Standing {
                unit: r.get(0)?,
                year: r.get(1)?,
                period: r.get(2)?,
                kind: r.get(3)?,
                version: r.get(4)?,
                submission_id: r.get(5)?,
                sha256: r.get(6)?,
                arrival_id: r.get(16)?,
                file_name: r.get(7)?,
                received_ms: r.get(8)?,
                errors: r.get(9)?,
                warnings: r.get(10)?,
                npss: r.get(11)?,
                provisional: r.get(12)?,
                same_as: r.get(13)?,
                valid: r.get::<_, Option<i64>>(14)?.map(|v| Ok::<_, rusqlite::Error>((v, r.get(15)?))).transpose()?,
            };
            Ok(standing)
        })
        .map_err(StoreError::from)?;
    for standing in rows {
        each(standing.map_err(StoreError::from)?)?;
    }
    Ok(())
}

/// Replace a submission's findings, scores and typed rows with `reading`'s, when it reads as the
/// identity and result recorded ([`StoreError::Reidentified`] otherwise: nothing is replaced).
fn replace_rows(
    tx: &Connection,
    submission_id: i64,
    reading: &Reading,
    rejected: Option<&str>,
) -> Result<(), StoreError> {
    let recorded: What = tx.query_row(
        "SELECT unit, year, period, kind, result = 'rejected' FROM submissions WHERE id = ?1",
        [submission_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let now: What = (
        reading.unit.clone(),
        reading.year,
        reading.period.map(str::to_string),
        reading.kind.map(str::to_string),
        rejected.is_some(),
    );
    if recorded != now {
        let shown = |(unit, year, period, kind, rejected): &What| {
            let part = |p: &Option<String>| p.clone().unwrap_or_else(|| "-".into());
            let year = year.map_or_else(|| "-".into(), |y| y.to_string());
            let result = if *rejected { "rejected" } else { "accepted" };
            format!("{} {year} {} {}, {result}", part(unit), part(period), part(kind))
        };
        return Err(StoreError::Reidentified { id: submission_id, recorded: shown(&recorded), now: shown(&now) });
    }
    tx.execute("DELETE FROM findings WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM scores WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM indicators WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM inputs WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM budget_lines WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM goals WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM claims WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM plan_targets WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM plan_budget WHERE submission_id = ?1", [submission_id])?;
    tx.execute("DELETE FROM plan_history WHERE submission_id = ?1", [submission_id])?;
    tx.execute(
        "UPDATE submissions SET errors = ?2, warnings = ?3, infos = ?4, npss = ?5, provisional = ?6,
             report_json = NULL, processed_ms = ?7, reason = ?8 WHERE id = ?1",
        params![
            submission_id,
            reading.errors,
            reading.warnings,
            reading.infos,
            reading.npss,
            reading.provisional,
            now_ms(),
            rejected,
        ],
    )?;
    insert_rows(tx, submission_id, reading)?;
    Ok(())
}

fn record_one(conn: &Connection, record: &Record) -> Result<Recorded, StoreError> {
    let recorded = record_arrival(conn, record)?;
    if let Some(compose) = &record.messages {
        let (reading, reason) = match &record.decision {
            Decision::Read { reading, rejected } => (Some(reading.as_ref()), rejected.as_deref()),
            Decision::Refused { reason } => (None, Some(reason.as_str())),
            // Earlier content sent again tells what its review as of now found, when recorded.
            Decision::Known { again } => {
                (again.as_deref().filter(|_| matches!(recorded, Recorded::Resent { reviewed: true, .. })), None)
            }
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
        let current = match &recorded {
            Recorded::New { version: Some(_), .. } | Recorded::Resent { .. } => current_of(conn, &record.arrival.id)?,
            _ => None,
        };
        let facts = Facts {
            arrival: &record.arrival,
            sha256: &record.sha256,
            recorded: &recorded,
            reading,
            reason,
            current: current.as_ref(),
        };
        let drafts = compose(&facts);
        enqueue(conn, &record.arrival.id, &drafts)?;
    }
    Ok(recorded)
}

/// The version an arrival made current, as the report that counts: the version it added is the
/// latest of its report, so it is found by the arrival alone (by index, whatever the ledger's size).
fn current_of(conn: &Connection, arrival_id: &str) -> Result<Option<Standing>, StoreError> {
    let mut found = None;
    let no: Option<i64> = None;
    standings(conn, ("versions v", "v.arrival_id = ?4"), params![no, no, no, arrival_id], |standing| {
        found = Some(standing);
        Ok::<(), StoreError>(())
    })?;
    Ok(found)
}

fn enqueue(conn: &Connection, key: &str, drafts: &[Draft]) -> Result<usize, StoreError> {
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
    match (known(conn, sha256)?, decision) {
        // Identity first, also when the same content came from two units at once: another
        // unit's report is refused for this folder, never recorded as this folder's duplicate.
        (Some(Known { unit: Some(owner), .. }), decision) if !owner.eq_ignore_ascii_case(&arrival.folder) => {
            let reason = match decision {
                Decision::Read { rejected: Some(reason), .. } => reason.clone(),
                _ => crate::model::Finding::new(crate::model::Code::SentByOtherUnit, None, "")
                    .found(owner)
                    .expected(&arrival.folder)
                    .message(),
            };
            insert_arrival("rejected", Some(&reason), None, stored_path)?;
            Ok(Recorded::Refused)
        }
        (Some(Known { submission_id, received_ms, stored_path: stored, .. }), decision) => {
            insert_arrival("duplicate", None, Some(submission_id), &stored)?;
            let again = match decision {
                Decision::Known { again } => again.as_deref(),
                _ => None,
            };
            match resend(conn, submission_id, &arrival.id, again)? {
                Some(resent) => Ok(resent),
                None => Ok(Recorded::Duplicate { submission_id, first_received_ms: received_ms, stored_path: stored }),
            }
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

/// The submission with this content, if any.
fn known(conn: &Connection, sha256: &str) -> Result<Option<Known>, StoreError> {
    // The unit it was read for, or, when it was read for none (it could not be read, or named
    // no unit), the folder of its first arrival: content has one sender either way.
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.received_ms, s.stored_path, COALESCE(s.unit, a.folder)
           FROM submissions s LEFT JOIN arrivals a ON a.id = s.arrival_id
          WHERE s.sha256 = ?1",
    )?;
    let known = |r: &rusqlite::Row<'_>| {
        Ok(Known { submission_id: r.get(0)?, received_ms: r.get(1)?, stored_path: r.get(2)?, unit: r.get(3)? })
    };
    Ok(stmt.query_row([sha256], known).optional()?)
}

/// Earlier content of the unit sent again, when it is not the version that counts now: it
/// becomes a new version pointing to the stored content, its findings and scores those of
/// `again`, its review as of this arrival.
fn resend(
    conn: &Connection,
    submission_id: i64,
    arrival_id: &str,
    again: Option<&Reading>,
) -> Result<Option<Recorded>, StoreError> {
    let Some((unit, year, period, kind, same_as)) = counts_again(conn, submission_id)? else { return Ok(None) };
    let version = add_version(conn, (&unit, year, &period, &kind), submission_id, arrival_id)?;
    let reviewed = match again.map(|reading| replace_rows(conn, submission_id, reading, None)) {
        Some(Ok(())) => true,
        Some(Err(StoreError::Reidentified { .. })) | None => false,
        Some(Err(e)) => return Err(e),
    };
    Ok(Some(Recorded::Resent { submission_id, version, reviewed, same_as, year, period, kind }))
}

/// The identity a version was recorded under (unit, year, period, kind), and a version number.
type VersionOf = (String, i64, String, String, i64);

/// The identity of earlier content, and its latest version, when it is not the version that
/// counts now: sent again, it would count again.
fn counts_again(conn: &Connection, submission_id: i64) -> Result<Option<VersionOf>, StoreError> {
    let earlier: Option<VersionOf> = conn
        .prepare_cached(
            "SELECT unit, year, period, kind, MAX(version) FROM versions WHERE submission_id = ?1
              GROUP BY unit, year, period, kind",
        )?
        .query_row([submission_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    let Some((unit, year, period, kind, same_as)) = earlier else { return Ok(None) };
    let current: i64 = conn
        .prepare_cached(
            "SELECT submission_id FROM current_versions WHERE unit = ?1 AND year = ?2 AND period = ?3 AND kind = ?4",
        )?
        .query_row(params![unit, year, period, kind], |r| r.get(0))?;
    Ok((current != submission_id).then_some((unit, year, period, kind, same_as)))
}

/// Number the next version of a unit's report: versions follow the order files are recorded,
/// which is their arrival order, since the service takes one file of a unit at a time.
fn add_version(
    conn: &Connection,
    (unit, year, period, kind): (&str, i64, &str, &str),
    submission_id: i64,
    arrival_id: &str,
) -> Result<i64, StoreError> {
    let version: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE unit = ?1 AND year = ?2 AND period = ?3 AND kind = ?4",
        )?
        .query_row(params![unit, year, period, kind], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO versions (unit, year, period, kind, version, submission_id, arrival_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![unit, year, period, kind, version, submission_id, arrival_id])?;
    Ok(version)
}

fn insert_submission(
    conn: &Connection,
    record: &Record,
    reading: &Reading,
    rejected: Option<&str>,
) -> Result<(i64, Option<i64>), StoreError> {
    let Reading { unit, year, period, kind, .. } = reading;
    conn.prepare_cached(
        "INSERT INTO submissions (sha256, unit, year, period, kind, file_name, received_ms, processed_ms, result,
                                  reason, errors, warnings, infos, npss, provisional, stored_path, arrival_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
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
        reading.errors,
        reading.warnings,
        reading.infos,
        reading.npss,
        reading.provisional,
        record.stored_path,
        record.arrival.id,
    ])?;
    let id = conn.last_insert_rowid();
    let version = match (rejected, unit, year, period, kind) {
        (None, Some(unit), Some(year), Some(period), Some(kind)) => {
            Some(add_version(conn, (unit, *year, period, kind), id, &record.arrival.id)?)
        }
        _ => None,
    };
    insert_rows(conn, id, reading)?;
    Ok((id, version))
}

fn insert_rows(conn: &Connection, submission_id: i64, reading: &Reading) -> Result<(), StoreError> {
    fn table<'a, T>(conn: &'a Connection, id: i64, table: &'a str, items: &'a [T]) -> RowTable<'a, T> {
        RowTable { conn, table, submission_id: id, items }
    }
    table(
        conn,
        submission_id,
        "findings (submission_id, seq, code, severity, sheet, cell, subject, found, expected, message)",
        &reading.findings,
    )
    .insert(|f| [&f.code, &f.severity, &f.sheet, &f.cell, &f.subject, &f.found, &f.expected, &f.message])?;
    table(conn, submission_id, "scores (submission_id, seq, level, code, value, status, band, nkp)", &reading.scores)
        .insert(|s| [&s.level, &s.code, &s.value, &s.status, &s.band, &s.nkp])?;
    table(
        conn,
        submission_id,
        "budget_lines (submission_id, seq, scope, code, pagu, realisasi, sisa, serapan, efisiensi, tabel)",
        &reading.budget,
    )
    .insert(|b| [&b.scope, &b.code, &b.pagu, &b.realisasi, &b.sisa, &b.serapan, &b.efisiensi, &b.table])?;
    table(
        conn,
        submission_id,
        "indicators (submission_id, seq, code, name, goal, perspective, satuan, polarity, target, realisasi,
                     provisional, capaian, band, cell)",
        &reading.indicators,
    )
    .insert(|i| {
        [
            &i.code,
            &i.name,
            &i.goal,
            &i.perspective,
            &i.satuan,
            &i.polarity,
            &i.target,
            &i.realisasi,
            &i.provisional,
            &i.capaian,
            &i.band,
            &i.cell,
        ]
    })?;
    table(
        conn,
        submission_id,
        "goals (submission_id, seq, code, name, perspective, nss, status, band, cell)",
        &reading.goals,
    )
    .insert(|g| [&g.code, &g.name, &g.perspective, &g.nss, &g.status, &g.band, &g.cell])?;
    table(conn, submission_id, "inputs (submission_id, seq, code, target, realisasi)", &reading.inputs)
        .insert(|i| [&i.code, &i.target, &i.realisasi])?;
    table(conn, submission_id, "claims (submission_id, subject, value)", &reading.claims)
        .insert_keyed(|c| [&c.subject, &c.value])?;
    table(
        conn,
        submission_id,
        "plan_targets (submission_id, seq, code, name, year, source, value, cell)",
        &reading.plan_targets,
    )
    .insert(|t| [&t.code, &t.name, &t.year, &t.source, &t.value, &t.cell])?;
    table(
        conn,
        submission_id,
        "plan_history (submission_id, seq, code, name, year, target, realisasi, cell)",
        &reading.plan_history,
    )
    .insert(|h| [&h.code, &h.name, &h.year, &h.target, &h.realisasi, &h.cell])?;
    table(
        conn,
        submission_id,
        "plan_budget (submission_id, seq, level, code, name, volume, satuan, pagu, parent, source, cell)",
        &reading.plan_budget,
    )
    .insert(|b| [&b.level, &b.code, &b.name, &b.volume, &b.satuan, &b.pagu, &b.parent, &b.source, &b.cell])?;
    Ok(())
}

/// Rows of one reading for one table: `table` names it and its columns, the submission first,
/// then (for most tables) the row's place in the reading.
struct RowTable<'a, T> {
    conn: &'a Connection,
    table: &'a str,
    submission_id: i64,
    items: &'a [T],
}

/// Rows per INSERT, largest first: a reading's rows go in as few statements as these sizes add up
/// to (14 indicators: 8 + 4 + 2), and the statements stay few enough to be kept prepared.
const ROWS_PER_INSERT: [usize; 6] = [32, 16, 8, 4, 2, 1];

impl<T> RowTable<'_, T> {
    /// Insert every item as (submission, seq, …values).
    fn insert<const N: usize>(&self, values: impl for<'v> Fn(&'v T) -> [&'v dyn ToSql; N]) -> Result<(), StoreError> {
        let seqs: Vec<i64> = (0..self.items.len() as i64).collect();
        self.each_statement(N + 2, |at, item, params| {
            params.push(&self.submission_id);
            params.push(&seqs[at]);
            params.extend(values(item));
        })
    }

    /// Insert every item as (submission, …values): a table keyed by a column of its own.
    fn insert_keyed<const N: usize>(
        &self,
        values: impl for<'v> Fn(&'v T) -> [&'v dyn ToSql; N],
    ) -> Result<(), StoreError> {
        self.each_statement(N + 1, |_, item, params| {
            params.push(&self.submission_id);
            params.extend(values(item));
        })
    }

    /// Run one multi-row INSERT per run of [`ROWS_PER_INSERT`], `bind` adding each item's
    /// `width` parameters.
    fn each_statement<'p>(
        &'p self,
        width: usize,
        bind: impl Fn(usize, &'p T, &mut Vec<&'p dyn ToSql>),
    ) -> Result<(), StoreError> {
        let mut at = 0;
        while at < self.items.len() {
            let left = self.items.len() - at;
            let rows = ROWS_PER_INSERT.into_iter().find(|&n| n <= left).unwrap_or(1);
            let row = format!("({})", vec!["?"; width].join(", "));
            let sql = format!("INSERT INTO {} VALUES {}", self.table, vec![row; rows].join(", "));
            let mut params: Vec<&dyn ToSql> = Vec::with_capacity(rows * width);
            for (offset, item) in self.items[at..at + rows].iter().enumerate() {
                bind(at + offset, item, &mut params);
            }
            self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(params))?;
            at += rows;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder of its own for a test's ledger, and the ledger's path in it.
    fn fresh(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("kinerja-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ledger.sqlite");
        let _ = std::fs::remove_file(&path);
        (dir, path)
    }

    /// A record that cannot be written fails alone: the batch goes round again, each record in
    /// a savepoint of its own, and the others are committed.
    #[test]
    fn one_failing_record_fails_alone_in_its_batch() {
        let (dir, path) = fresh("batch");
        let mut ledger = Ledger::open(&path).unwrap();
        let refused = |id: &str| Record {
            arrival: Arrival { id: id.into(), folder: "X".into(), file_name: "a.xlsx".into(), received_ms: 1 },
            sha256: String::new(),
            decision: Decision::Refused { reason: "not a unit".into() },
            stored_path: format!("rejected/{id}"),
            messages: None,
        };
        // Same arrival id twice: the second cannot be written.
        let results = ledger.record_batch(&[refused("a1"), refused("a2"), refused("a1"), refused("a3")]).unwrap();
        let failed: Vec<bool> = results.iter().map(Result::is_err).collect();
        assert_eq!(failed, [false, false, true, false]);
        for id in ["a1", "a2", "a3"] {
            assert_eq!(ledger.arrival_stored_path(id).unwrap(), Some(format!("rejected/{id}")), "{id}");
        }
        let clean = ledger.record_batch(&[refused("a4"), refused("a5")]).unwrap();
        assert_eq!(clean.iter().map(Result::is_ok).collect::<Vec<_>>(), [true, true]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// What governs a report: a valid agreement that had arrived before it, else the first to
    /// arrive after it; a blocked agreement never; a plan (the same way) only without one.
    #[test]
    fn the_governing_agreement_by_arrival() {
        let (dir, path) = fresh("governing");
        let ledger = Ledger::open(&path).unwrap();
        // (submission, kind, version, arrival, errors): a plan, a blocked agreement, a valid one.
        for (id, kind, version, arrival, errors) in
            [(1, "plan", 1, "1", 0), (2, "agreement", 1, "2", 1), (3, "agreement", 2, "4", 0)]
        {
            ledger
                .conn
                .execute(
                    "INSERT INTO submissions (id, sha256, arrival_id, unit, year, period, kind, file_name, received_ms,
                                              processed_ms, result, stored_path, errors)
                     VALUES (?1, ?1, ?2, 'KR07', 2024, 'TAHUNAN', ?3, 'a.xlsx', 0, 0, 'accepted', 'x', ?4)",
                    params![id, arrival, kind, errors],
                )
                .unwrap();
            ledger
                .conn
                .execute(
                    "INSERT INTO versions (unit, year, period, kind, version, submission_id, arrival_id)
                     VALUES ('KR07', 2024, 'TAHUNAN', ?1, ?2, ?3, ?4)",
                    params![kind, version, id, arrival],
                )
                .unwrap();
        }
        let governing = |before: Option<&str>| {
            ledger.governing("KR07", 2024, before).unwrap().map(|g| (g.submission_id, g.kind, g.later))
        };
        assert_eq!(governing(None), Some((3, Kind::Agreement, false)));
        assert_eq!(governing(Some("5")), Some((3, Kind::Agreement, false)));
        // After the plan and the blocked agreement: the first valid agreement to come, not the
        // plan standing in for it; before everything, the same.
        assert_eq!(governing(Some("3")), Some((3, Kind::Agreement, true)));
        assert_eq!(governing(Some("0")), Some((3, Kind::Agreement, true)));
        assert_eq!(ledger.governing("KR08", 2024, Some("0")).unwrap(), None);
        // A unit with a plan and no agreement: the plan, as it stood or as it came after.
        ledger
            .conn
            .execute_batch(
                "INSERT INTO submissions (id, sha256, arrival_id, unit, year, period, kind, file_name, received_ms,
                                          processed_ms, result, stored_path)
                 VALUES (4, '4', '6', 'KR09', 2024, 'TAHUNAN', 'plan', 'a.xlsx', 0, 0, 'accepted', 'x');
                 INSERT INTO versions VALUES ('KR09', 2024, 'TAHUNAN', 'plan', 1, 4, '6');",
            )
            .unwrap();
        let governing = |before| ledger.governing("KR09", 2024, before).unwrap().map(|g| (g.submission_id, g.later));
        assert_eq!((governing(Some("7")), governing(Some("5"))), (Some((4, false)), Some((4, true))));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The mailer's question at every pass reads the queued messages only, through their index.
    #[test]
    fn due_mail_is_asked_of_the_queued_only() {
        let (dir, path) = fresh("due-mail");
        let ledger = Ledger::open(&path).unwrap();
        let plan: Vec<String> = ledger
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {DUE_MAIL}"))
            .unwrap()
            .query_map(params![0, 100], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(plan, ["SCAN mail_queue USING INDEX mail_queue_queued"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A ledger written before the indicators, budget, goal and claim tables gets its readings'
    /// rows from their JSON, numbers exactly as written.
    #[test]
    fn versions_three_to_five_fill_typed_rows_from_the_stored_json() {
        let (dir, path) = fresh("migrate");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.execute_batch(MIGRATIONS[1]).unwrap();
            conn.pragma_update(None, "user_version", 2).unwrap();
            let json = r#"{"indicators":[
                {"code":"IKU.3","name":"Indeks kepuasan","goal":"SS.2","perspective":"Customer","satuan":"indeks",
                 "target":91,"realisasi":92.20,"capaian":101.32,"status":"final","cell":"Tabel 3.1!C10",
                 "claimed_capaian":101.3},
                {"code":"IKU.13","name":"Opini","goal":"SS.7","perspective":"Learn & Growth","satuan":"opini",
                 "target":"WTP","realisasi":null,"capaian":null,"status":"na","cell":"Tabel 3.1!C20"}],
                "budget":[{"scope":"iku","code":"IKU.4","pagu":30400000,"realisasi":29960485,"sisa":439515,
                 "serapan":98.55,"efisiensi":null,"claimed_serapan":98.6,"claimed_sisa":null}],
                "goals":[{"code":"SS.2","name":"Layanan","perspective":"Customer","claimed_nss":100.5}],
                "perspectives":[{"name":"Customer","claimed_score":null,"claimed_nkp":30.1}],
                "claimed_npss":99.10}"#;
            conn.execute(
                "INSERT INTO submissions (sha256, arrival_id, unit, year, period, kind, file_name, received_ms,
                                          processed_ms, result, stored_path, report_json)
                 VALUES ('ab', '1', 'BKN', 2023, 'TAHUNAN', 'realisasi', 'a.xlsx', 0, 0, 'accepted', 'x', ?1)",
                [json],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO versions (unit, year, period, kind, version, submission_id, arrival_id)
                 VALUES ('BKN', 2023, 'TAHUNAN', 'realisasi', 1, 1, '1')",
                [],
            )
            .unwrap();
        }
        let ledger = Ledger::open(&path).unwrap();
        let counted = ledger.counted(2023, Some(Period::Year), Kind::Realisasi).unwrap();
        let rows: Vec<(&str, &Value, &Value, Polarity)> = counted
            .iter()
            .flat_map(|c| &c.rows)
            .map(|i| (i.code.as_str(), &i.target, &i.realisasi, i.polarity))
            .collect();
        let number = |text: &str| Value::Number(text.parse().unwrap());
        // Version 4: the budget lines from the same JSON.
        let budget = ledger.counted_budget(2023, Period::Year).unwrap();
        let line = &budget[0].rows[0];
        assert_eq!(
            (line.code.as_str(), line.pagu, line.serapan),
            ("IKU.4", Some(30_400_000.into()), "98.55".parse().ok())
        );
        assert_eq!(line.efisiensi, None);
        assert_eq!(
            rows,
            vec![
                ("IKU.3", &number("91"), &number("92.20"), Polarity::Higher),
                ("IKU.13", &Value::Opinion("WTP".into()), &Value::Missing, Polarity::Higher),
            ]
        );
        // Version 5: the claims, by the subject a finding names, and the inputs beside them.
        let said = ledger.previous("BKN", 2023, Period::Year, Kind::Realisasi, None).unwrap().unwrap();
        let mut claims: Vec<(String, String)> = said.claims.iter().map(|(s, v)| (s.clone(), v.to_string())).collect();
        claims.sort();
        let expected = [("IKU.3", "101.3"), ("NKP Customer", "30.1"), ("NPSS", "99.10"), ("SS.2", "100.5")];
        let expected = expected.iter().chain(&[("Serapan IKU.4", "98.6")]).map(|(s, v)| (s.to_string(), v.to_string()));
        assert_eq!(claims, expected.collect::<Vec<_>>());
        let input = |code: &str, target, realisasi| model::Input { code: code.into(), target, realisasi };
        assert_eq!(said.inputs[0], input("IKU.3", number("91"), number("92.20")));
        let goal: (String, String, String) = ledger
            .conn
            .query_row("SELECT code, perspective, cell FROM goals", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(goal, ("SS.2".into(), "Customer".into(), "Tabel 3.1!C10".into()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Version 7 moves a goal's score onto its row of `goals` and an indicator's band onto its
    /// row of `indicators`; `scores` keeps the NPSS and the perspectives.
    #[test]
    fn version_seven_puts_goal_and_indicator_scores_on_their_rows() {
        let (dir, path) = fresh("migrate7");
        {
            let conn = Connection::open(&path).unwrap();
            for script in &MIGRATIONS[..6] {
                conn.execute_batch(script).unwrap();
            }
            conn.pragma_update(None, "user_version", 6).unwrap();
            conn.execute_batch(
                "INSERT INTO submissions (sha256, arrival_id, unit, year, period, kind, file_name, received_ms,
                                          processed_ms, result, stored_path)
                 VALUES ('ab', '1', 'KR07', 2024, 'TAHUNAN', 'realisasi', 'a.xlsx', 0, 0, 'accepted', 'x');
                 INSERT INTO goals VALUES (1, 0, 'SS.1', 'Layanan', 'Customer', 'Tabel!B5'),
                                          (1, 1, 'SS.2', 'Kinerja', 'Customer', 'Tabel!B9');
                 INSERT INTO indicators VALUES (1, 0, 'IKU.1', 'Indeks', 'SS.1', 'Customer', 'indeks', 'higher',
                                                '90', '92', 0, '102.22', 'Tabel!C6');
                 INSERT INTO scores VALUES (1, 0, 'npss', 'NPSS', NULL, '101.5', 'final', 'Sangat Baik', NULL),
                                           (1, 1, 'perspective', 'Customer', NULL, '101.5', 'final', 'Sangat Baik', '30.45'),
                                           (1, 2, 'goal', 'SS.1', 'Customer', '102.22', 'final', 'Sangat Baik', NULL),
                                           (1, 3, 'goal', 'SS.2', 'Customer', NULL, 'na', 'N/A', NULL),
                                           (1, 4, 'indicator', 'IKU.1', 'SS.1', '102.22', 'final', 'Sangat Baik', NULL);",
            )
            .unwrap();
        }
        let ledger = Ledger::open(&path).unwrap();
        let rows = |sql: &str| -> Vec<Vec<Option<String>>> {
            let mut stmt = ledger.conn.prepare(sql).unwrap();
            let width = stmt.column_count();
            let rows = stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect()).unwrap();
            rows.map(Result::unwrap).collect()
        };
        let some = |values: &[&str]| values.iter().map(|v| (!v.is_empty()).then(|| v.to_string())).collect::<Vec<_>>();
        assert_eq!(
            rows("SELECT code, nss, status, band FROM goals ORDER BY seq"),
            [some(&["SS.1", "102.22", "final", "Sangat Baik"]), some(&["SS.2", "", "na", "N/A"])]
        );
        assert_eq!(rows("SELECT code, band FROM indicators"), [some(&["IKU.1", "Sangat Baik"])]);
        assert_eq!(
            rows("SELECT level, nkp FROM scores ORDER BY seq"),
            [some(&["npss", ""]), some(&["perspective", "30.45"])]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Versions 10 and 11: arrivals recorded before were consolidated by the service that took
    /// them; a report recorded before is compared by the inputs it was scored with.
    /// A duplicate and the unit's next report taken in within one millisecond: the report came
    /// after (the duplicate was shown as the unit's latest file beside it, by time, in `status`
    /// and the Rekap).
    #[test]
    fn a_later_file_is_later_by_taken_in_order_not_by_the_millisecond() {
        let duplicate = Latest {
            unit: "KR13".into(),
            arrival_id: "1764860000000-0000abcd-000005".into(),
            file_name: "05 lagi.xlsx".into(),
            received_ms: 1_764_860_000_000,
            sha256: String::new(),
            submission_id: Some(1),
            verdict: Verdict::Duplikat,
            reason: None,
        };
        assert!(!duplicate.after(Some("1764860000000-0000abcd-000006")));
        assert!(duplicate.after(Some("1764860000000-0000abcd-000004")));
        assert!(duplicate.after(None));
    }

    #[test]
    fn versions_ten_and_eleven_keep_what_was_recorded_before() {
        let (dir, path) = fresh("migrate11");
        {
            let conn = Connection::open(&path).unwrap();
            for script in &MIGRATIONS[..9] {
                conn.execute_batch(script).unwrap();
            }
            conn.pragma_update(None, "user_version", 9).unwrap();
            conn.execute_batch(
                "INSERT INTO submissions (sha256, arrival_id, unit, year, period, kind, file_name, received_ms,
                                          processed_ms, result, stored_path)
                 VALUES ('ab', '1', 'KR07', 2024, 'TAHUNAN', 'realisasi', 'a.xlsx', 0, 0, 'accepted', 'x');
                 INSERT INTO arrivals (id, folder, file_name, sha256, received_ms, outcome, submission_id, stored_path)
                 VALUES ('1', 'KR07', 'a.xlsx', 'ab', 5, 'new', 1, 'x');
                 INSERT INTO versions VALUES ('KR07', 2024, 'TAHUNAN', 'realisasi', 1, 1, '1');
                 INSERT INTO indicators (submission_id, seq, code, name, goal, perspective, satuan, polarity, target,
                                         realisasi, provisional, cell)
                 VALUES (1, 0, 'IKU.3', 'Indeks', 'SS.2', 'Customer', 'indeks', 'higher', '95', '99.01', 0, 'T!C8');",
            )
            .unwrap();
        }
        let ledger = Ledger::open(&path).unwrap();
        assert!(ledger.unconsolidated().unwrap().is_empty());
        let said = ledger.previous("KR07", 2024, Period::Year, Kind::Realisasi, None).unwrap().unwrap();
        let number = |text: &str| Value::Number(text.parse().unwrap());
        let input = model::Input { code: "IKU.3".into(), target: number("95"), realisasi: number("99.01") };
        assert_eq!(said.inputs, [input]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
