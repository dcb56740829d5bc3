//! The whole flow for one file taken from the inbox: take → read, score, check → record in the
//! ledger → keep the file (archive by content hash, or rejected with its reason).
//!
//! Where a file is at every moment: `inbox/<UNIT>/` until taken; `state/processing/` (renamed
//! atomically, its name carrying the arrival id, folder and original name) until its arrival is
//! committed to the ledger; then `state/archive/<sha256>.<ext>` or `state/rejected/`. A crash
//! leaves it in one of those places, and [`recover`] resumes the ones in `processing/`.

use crate::check::{self, Outcome};
use crate::config::Config;
use crate::ingest::Overrides;
use crate::model::text::shown_name;
use crate::model::time::now_ms;
use crate::model::{Code, Kind, Period, Report, Severity, Verdict};
use crate::store::{
    Arrival, Decision, Ledger, Made, ReadLedger, Reading, Record, Recorded, SharedLedger, StoreError, Stored,
};
use crate::validate::history::Previous;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Why a taken file could not be carried through. The file stays in `processing/` and is
/// resumed at the next start.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// Reading, renaming or creating a file or folder failed.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PipelineError + '_ {
    move |source| PipelineError::Io { path: path.to_path_buf(), source }
}

/// The folders the service works in.
#[derive(Debug, Clone)]
pub struct Workplace {
    pub inbox: PathBuf,
    pub outbox: PathBuf,
    pub state: PathBuf,
}

impl Workplace {
    pub fn new(config: &Config) -> Self {
        let s = &config.service;
        Workplace { inbox: s.inbox.clone(), outbox: s.outbox.clone(), state: s.state.clone() }
    }

    pub fn processing(&self) -> PathBuf {
        self.state.join("processing")
    }

    pub fn ledger(&self) -> PathBuf {
        self.state.join("ledger.sqlite")
    }

    /// Create the outbox and the state folders and check them (the units' folders are
    /// [`Workplace::open_inbox`]'s).
    ///
    /// # Errors
    /// [`PipelineError::Io`] when a folder cannot be created, or is a link.
    pub fn prepare(&self) -> Result<(), PipelineError> {
        let dirs = [self.outbox.clone(), self.processing(), self.state.join("archive"), self.state.join("rejected")];
        for dir in &dirs {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        // kinerja moves files into these and writes beneath them: a link planted in their place
        // would send them elsewhere. (The inbox, outbox and state folders themselves may be
        // links an operator made, to a mount for instance.)
        for dir in [self.processing(), self.state.join("archive"), self.state.join("rejected")] {
            if !std::fs::symlink_metadata(&dir).map_err(io(&dir))?.is_dir() {
                let error = std::io::Error::new(std::io::ErrorKind::InvalidInput, "a link or file, not a folder");
                return Err(io(&dir)(error));
            }
        }
        // The ledger is opened by SQLite, which would follow a link planted in its place.
        let ledger = self.ledger();
        if std::fs::symlink_metadata(&ledger).is_ok_and(|m| m.file_type().is_symlink()) {
            let error = std::io::Error::new(std::io::ErrorKind::InvalidInput, "a link, not the ledger file");
            return Err(io(&ledger)(error));
        }
        Ok(())
    }

    /// The units' folders in the inbox, made by the service that holds the workplace's lock,
    /// once its state folders have been checked: a unit's staff (or a script) finding them there
    /// knows the service that took the workplace is the one running (a state folder removed from
    /// now on is made again where it is needed).
    ///
    /// # Errors
    /// [`PipelineError::Io`] when a folder cannot be created.
    pub fn open_inbox(&self, config: &Config) -> Result<(), PipelineError> {
        for dir in config.units.units().iter().map(|u| self.inbox.join(&u.code)) {
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        }
        Ok(())
    }
}

/// A file taken from the inbox, waiting in `processing/`; or an entry refused where it is.
#[derive(Debug, Clone)]
pub struct Job {
    pub arrival: Arrival,
    pub path: PathBuf,
    pub origin: Origin,
}

/// Where a job comes from, which decides what is done with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Taken from the inbox now: a new arrival, recorded by nobody yet.
    Taken,
    /// Left in `processing/` by a run that stopped: its arrival may be recorded already.
    Resumed,
    /// Resumed once already and the process went down again: rejected without being read.
    Poison,
    /// Not a regular file (a link, FIFO, socket or device): recorded as refused and left where
    /// it is, never opened, moved or read.
    Special(&'static str),
}

static TAKEN: AtomicU64 = AtomicU64::new(0);

/// The longest file name most file systems allow, in bytes.
const NAME_BYTES: usize = 255;

fn new_arrival(folder: &str, file_name: String) -> Arrival {
    let received_ms = now_ms();
    let id = format!("{received_ms:013}-{:08x}-{:06}", std::process::id(), TAKEN.fetch_add(1, Ordering::Relaxed));
    Arrival { id, folder: folder.to_string(), file_name, received_ms }
}

/// `<id>__<folder>__<name>`, cut to what a file name may hold; the full name of a cut one is
/// kept beside it in `<id>.name`.
fn processing_name(arrival: &Arrival) -> (String, bool) {
    let folder = if arrival.folder.is_empty() { "-" } else { arrival.folder.as_str() };
    let folder: String = folder.replace("__", "_").chars().take(40).collect();
    let head = format!("{}__{folder}__", arrival.id);
    let room = NAME_BYTES - head.len();
    let name = &arrival.file_name;
    let cut = name.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|end| *end <= room).last().unwrap_or(0);
    (format!("{head}{}", &name[..cut]), cut < name.len())
}

/// Where the full name of an arrival whose processing name was cut is kept, in `dir`.
fn name_note(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.name"))
}

/// Take `path` out of the inbox: one atomic rename of the entry itself (never a link's target)
/// into `processing/`, recreated if it went missing.
///
/// # Errors
/// [`PipelineError::Io`] when the rename fails (the file vanished, or is locked on a share);
/// the file is then still where it was.
pub fn take(work: &Workplace, folder: &str, path: &Path) -> Result<Job, PipelineError> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let arrival = new_arrival(folder, file_name);
    let (name, cut) = processing_name(&arrival);
    let processing = work.processing();
    if !processing.is_dir() {
        std::fs::create_dir_all(&processing).map_err(io(&processing))?;
    }
    if cut {
        let keep = name_note(&processing, &arrival.id);
        std::fs::write(&keep, arrival.file_name.as_bytes()).map_err(io(&keep))?;
    }
    let target = processing.join(name);
    // rename(2) moves the entry itself: a link swapped in since the scan moves as a link, and
    // is refused unopened when it is read.
    std::fs::rename(path, &target).map_err(io(path))?;
    Ok(Job { arrival, path: target, origin: Origin::Taken })
}

/// An inbox entry that is not a regular file, to be recorded as refused where it is.
pub fn refuse_in_place(folder: &str, path: &Path, what: &'static str) -> Job {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Job { arrival: new_arrival(folder, file_name), path: path.to_path_buf(), origin: Origin::Special(what) }
}

/// The files a previous run took but did not finish, oldest first. A file already resumed once
/// (it sits in `processing/retried/`) brought the process down twice: it is returned apart, to
/// be rejected without being read again, so a poison file can never crash-loop the service.
///
/// # Errors
/// [`PipelineError::Io`] when `processing/` cannot be listed or a file cannot be moved.
pub fn recover(work: &Workplace) -> Result<(Vec<Job>, Vec<Job>), PipelineError> {
    let dir = work.processing();
    let retried = dir.join("retried");
    std::fs::create_dir_all(&retried).map_err(io(&retried))?;
    let mut again = list(&retried)?;
    for job in &mut again {
        job.origin = Origin::Poison;
    }
    let mut fresh = Vec::new();
    for mut job in list(&dir)? {
        let target = retried.join(job.path.file_name().unwrap_or_default());
        match std::fs::rename(&job.path, &target) {
            Ok(()) => {}
            // Gone since it was listed (the folder removed meanwhile): nothing left to resume.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io(&job.path)(e)),
        }
        job.path = target;
        fresh.push(job);
    }
    Ok((fresh, again))
}

/// The files a folder of `processing/` holds; none where the folder is gone (removed since it
/// was made, as an operator clearing the state folder may: it is made again where needed).
fn list(dir: &Path) -> Result<Vec<Job>, PipelineError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut jobs = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut parts = name.splitn(3, "__");
        let (Some(id), Some(folder), Some(file_name)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let received_ms = id.split('-').next().and_then(|ms| ms.parse().ok()).unwrap_or_else(now_ms);
        let folder = if folder == "-" { String::new() } else { folder.to_string() };
        let full =
            std::fs::read(name_note(dir, id)).or_else(|_| std::fs::read(name_note(dir.parent().unwrap_or(dir), id)));
        let file_name = full.map_or_else(|_| file_name.to_string(), |b| String::from_utf8_lossy(&b).into_owned());
        jobs.push(Job {
            arrival: Arrival { id: id.to_string(), folder, file_name, received_ms },
            path: entry.path(),
            origin: Origin::Resumed,
        });
    }
    jobs.sort_by(|a, b| a.arrival.id.cmp(&b.arrival.id));
    Ok(jobs)
}

/// Which consolidated workbooks an arrival changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rekaps {
    /// The one of a year and period.
    Of(u16, Period),
    /// Every one the ledger has reports for.
    Every,
    /// Every one, for an agreement or plan this submission recorded (the unit's reports of the
    /// year sent before anything governed them are reviewed against it first, see
    /// [`review_governed`]).
    Governed { unit: String, year: u16, kind: Kind, submission_id: i64 },
}

/// What became of one file.
#[derive(Debug)]
pub struct Processed {
    pub arrival: Arrival,
    pub sha256: String,
    pub recorded: Recorded,
    /// Why it was refused or rejected.
    pub reason: Option<String>,
    /// The reading, for files that were read now.
    pub outcome: Option<Outcome>,
}

impl Rekaps {
    /// The consolidated workbooks an arrival changes, by what the ledger says it made: every
    /// arrival in a unit's folder changes what the Rekap says of that unit (its report, its
    /// outcome, its latest file).
    pub fn changed_by(made: &Made, config: &Config) -> Option<Rekaps> {
        config.units.get(&made.folder)?;
        let (Some(year), Some(kind)) = (made.year, made.kind) else { return Some(Rekaps::Every) };
        match (kind, made.period) {
            (Kind::Realisasi, Some(period)) if made.versioned || made.read => Some(Rekaps::Of(year, period)),
            (Kind::Agreement | Kind::Plan, _) if made.versioned && made.new_content => {
                match (&made.unit, made.submission_id) {
                    (Some(unit), Some(submission_id)) => {
                        Some(Rekaps::Governed { unit: unit.clone(), year, kind, submission_id })
                    }
                    _ => Some(Rekaps::Every),
                }
            }
            // An agreement sent again (its version is shown beside every period's report), a
            // duplicate, or a file refused before its year or period was known.
            _ => Some(Rekaps::Every),
        }
    }
}

impl Processed {
    /// Whether it is new content read as an agreement or a plan: one that may now govern the
    /// unit's reports sent before anything did.
    pub fn may_govern(&self) -> bool {
        let kind = self.outcome.as_ref().and_then(|o| o.scored.as_ref()).map(|(report, _)| report.kind);
        matches!(self.recorded, Recorded::New { accepted: true, .. })
            && matches!(kind, Some(Kind::Agreement | Kind::Plan))
    }

    /// The progress line of the service log, in the outcome's words.
    pub fn summary(&self) -> String {
        let name = shown_name(&self.arrival.file_name);
        let place = if self.arrival.folder.is_empty() {
            name.into_owned()
        } else {
            format!("{}/{name}", shown_name(&self.arrival.folder))
        };
        let errors = self.outcome.as_ref().map_or(0, |o| o.count(Severity::Error));
        let counts = self.outcome.as_ref().map(|o| {
            let npss =
                o.scored.as_ref().and_then(|(_, c)| c.npss.value).map_or("N/A".into(), crate::model::amount::display2);
            format!("NPSS {npss}, {errors} errors, {} warnings", o.count(Severity::Warning))
        });
        let said = |verdict: Verdict| verdict.label(crate::model::Language::Id);
        match (&self.recorded, &self.reason) {
            (Recorded::New { accepted: true, version, .. }, _) => format!(
                "{place}: {} as version {} ({})",
                said(Verdict::of_report(errors as i64)),
                version.unwrap_or(1),
                counts.unwrap_or_default()
            ),
            (Recorded::Resent { version, same_as, submission_id, reviewed: true, .. }, _) => format!(
                "{place}: sent again: version {version} = version {same_as} (submission {submission_id}), reviewed again: \
                 {} ({})",
                said(Verdict::of_report(errors as i64)),
                counts.unwrap_or_default()
            ),
            (Recorded::Resent { version, same_as, submission_id, .. }, _) => format!(
                "{place}: sent again: version {version} = version {same_as} (submission {submission_id}), findings kept"
            ),
            (Recorded::Duplicate { submission_id, .. }, _) => {
                format!("{place}: {} of submission {submission_id}, not scored again", said(Verdict::Duplikat))
            }
            (Recorded::Recovered, _) => format!("{place}: recorded before a restart; moved to its keeping place"),
            (_, reason) => format!("{place}: {}: {}", said(Verdict::Ditolak), reason.as_deref().unwrap_or("")),
        }
    }
}

/// Why a read workbook cannot be filed, if it cannot: unreadable, declaring another unit, or
/// without a year or period, or for a period not yet begun.
fn rejection(outcome: &Outcome) -> Option<String> {
    let blocking = [Code::UnitMismatch, Code::YearUnknown, Code::PeriodUnknown, Code::PeriodNotStarted];
    match &outcome.scored {
        None => outcome.findings.first().map(|f| f.message_in(outcome.language)),
        Some(_) => {
            let reasons: Vec<String> = outcome
                .findings
                .iter()
                .filter(|f| blocking.contains(&f.code))
                .map(|f| f.message_in(outcome.language))
                .collect();
            (!reasons.is_empty()).then(|| reasons.join(" "))
        }
    }
}

fn refusal(folder: &str) -> String {
    if folder.is_empty() {
        "Berkas diletakkan langsung di folder inbox; letakkan di inbox/<KODE UNIT>/ milik unit Anda.".into()
    } else {
        format!("Folder inbox/{folder}/ bukan folder unit kerja yang terdaftar.")
    }
}

/// The review's context from the ledger: the unit's governing agreement for the year and its
/// previous version of the same report, as the ledger keeps them (`before` an arrival: as they
/// stood when it was taken), and the units' reports that count now.
struct LedgerContext<'a, L> {
    ledger: &'a L,
    config: &'a Config,
    before: Option<&'a str>,
    /// A ledger lookup that failed: the review would have gone on without what it needed, so
    /// the file is not recorded with it (no silent "no agreement").
    failed: std::cell::RefCell<Option<StoreError>>,
}

impl<'a, L: ReadLedger> LedgerContext<'a, L> {
    fn new(ledger: &'a L, config: &'a Config, before: Option<&'a str>) -> Self {
        LedgerContext { ledger, config, before, failed: Default::default() }
    }

    /// What the ledger answered, or `None` with its error kept for [`Self::check`] to return.
    fn read<T>(&self, query: impl FnOnce(&Ledger) -> Result<T, StoreError>) -> Option<T> {
        match self.ledger.reading(query) {
            Ok(answer) => Some(answer),
            Err(error) => {
                self.failed.borrow_mut().get_or_insert(error);
                None
            }
        }
    }

    /// Check a workbook in this context; an error when the ledger failed to answer.
    fn check(
        self,
        source: &Path,
        bytes: &[u8],
        sha256: &str,
        overrides: &Overrides,
        start: Instant,
    ) -> Result<Outcome, StoreError> {
        let outcome = check::check_bytes(source, bytes, sha256.to_string(), self.config, overrides, &self, start);
        match self.failed.into_inner() {
            Some(error) => Err(error),
            None => Ok(outcome),
        }
    }
}

impl<L: ReadLedger> check::Context for LedgerContext<'_, L> {
    fn keeps_agreements(&self) -> bool {
        true
    }

    fn agreement(&self, unit: &str, year: u16) -> Option<Report> {
        self.read(|ledger| ledger.agreement(unit, year, self.before)).flatten()
    }

    fn rollup(&self, unit: &str, year: u16, period: Period) -> Option<crate::rollup::Rollup> {
        self.read(|ledger| crate::rollup::compute(self.config, ledger, unit, year, period))
    }

    fn reported(&self, unit: &str, year: u16) -> Option<Vec<(String, crate::model::Value)>> {
        let counted = self.read(|ledger| ledger.counted(year, Some(Period::Year), Kind::Realisasi))?;
        counted
            .into_iter()
            .find(|c| c.unit == unit && c.errors == 0)
            .map(|c| c.rows.into_iter().map(|i| (i.code, i.realisasi)).collect())
    }

    fn previous(&self, unit: &str, year: u16, period: Period, kind: Kind) -> Option<Previous> {
        let said = self.read(|ledger| ledger.previous(unit, year, period, kind, self.before)).flatten()?;
        Some(Previous::new(said.inputs, said.budget, said.claims))
    }

    fn earlier(&self, unit: &str, year: u16, period: Period) -> Option<(Period, Previous)> {
        let before = [Period::Tw3, Period::Tw2, Period::S1, Period::Tw1].into_iter();
        before
            .filter(|p| p.last_month() < period.last_month())
            .find_map(|p| self.previous(unit, year, p, Kind::Realisasi).map(|previous| (p, previous)))
    }

    fn others(&self, unit: &str, year: u16, period: Period) -> Vec<(String, Previous)> {
        let others = self.read(|ledger| ledger.others_printed(unit, year, period, self.before)).unwrap_or_default();
        others.into_iter().map(|(unit, inputs)| (unit, Previous::new(inputs, Vec::new(), Vec::new()))).collect()
    }
}

/// A submission kinerja keeps, read again as the service read it: reviewed against the unit's
/// agreement and previous version as they stood when it arrived (its content sent again: when
/// that made it count again), and against the units' reports that count now. `kinerja
/// reprocess` records what this finds; `kinerja annotate` marks it in the unit's copy.
///
/// # Errors
/// [`StoreError`] when the ledger cannot answer: the review is not done without its context.
pub fn reread(config: &Config, ledger: &Ledger, stored: &Stored, bytes: &[u8]) -> Result<Outcome, StoreError> {
    let overrides = Overrides { unit: stored.unit.clone(), ..Overrides::default() };
    LedgerContext::new(ledger, config, Some(&stored.arrival_id)).check(
        Path::new(&stored.file_name),
        bytes,
        &stored.sha256,
        &overrides,
        Instant::now(),
    )
}

/// The bytes kinerja keeps for a submission, read without following links (nothing planted in
/// the state folder is read through), and only while they are what was received: a damaged or
/// replaced copy is not read as the submission.
///
/// # Errors
/// Why not, in words for the operator.
pub fn kept(config: &Config, state: &Path, stored: &Stored) -> Result<Vec<u8>, String> {
    let path = state.join(&stored.stored_path);
    let bytes =
        crate::ingest::load(&path, &config.limits, false).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let sha256 = check::sha256(&bytes);
    if sha256 != stored.sha256 {
        return Err(format!(
            "{} is not the file submission {} was received as (its SHA-256 is {sha256}, not {}): it was changed \
             or damaged since, so it is not read as that submission; its record is kept",
            path.display(),
            stored.id,
            stored.sha256
        ));
    }
    Ok(bytes)
}

/// Rebuild the consolidated workbook of a year and period from the ledger, after holding each
/// report that is held to its units' reports (BKN's) to the ones that count now: its roll-up
/// findings are those of when it arrived, and a unit that reported since would still be named
/// as missing in *Temuan* beside an *Agregat BKN* sheet that counts it. A report that cannot be
/// read again keeps its findings, and says why in the log. The Rekap's path, and the reports
/// held again with what reading them made (the service tells a unit whose outcome changed).
///
/// # Errors
/// What [`crate::consolidate::rebuild`] returns.
pub fn rekap(
    config: &Config,
    ledger: &mut Ledger,
    state: &Path,
    year: u16,
    period: Period,
) -> Result<(PathBuf, Vec<(Stored, ReadAgain)>), crate::consolidate::ConsolidateError> {
    let held: Vec<&str> = config
        .units
        .units()
        .iter()
        .map(|u| u.code.as_str())
        .filter(|code| !config.cascades_of(code, year).is_empty())
        .collect();
    let mut again = Vec::new();
    for unit in held {
        match review_again(config, ledger, state, unit, (year, period)) {
            Ok(read) => again.extend(read),
            Err(why) => tracing::warn!(
                unit,
                year,
                period = period.as_str(),
                "its report was not held to its units' reports again: {why}"
            ),
        }
    }
    Ok((crate::consolidate::rebuild(config, ledger, year, period)?, again))
}

/// `unit`'s reports of the year that were sent before anything governed them, read again now
/// that `submission_id`, its agreement or plan, governs them (see [`Ledger::governing`]), what
/// they find recorded, oldest first: every version, so an earlier one is never shown as the last
/// valid version on the strength of a review the agreement would not pass. The versions that
/// count, each with what reading it again made (their units are told). A report that cannot be
/// read again keeps its findings, and says why in the log.
///
/// # Errors
/// [`StoreError`] when the ledger cannot say which reports those are.
pub fn review_governed(
    config: &Config,
    ledger: &mut Ledger,
    state: &Path,
    (unit, year): (&str, u16),
    submission_id: i64,
) -> Result<Vec<(Stored, ReadAgain)>, StoreError> {
    let mut reviewed = Vec::new();
    for (id, counts) in ledger.versioned(unit, year, Kind::Realisasi)? {
        let Some(stored) = ledger.find_submission(&id.to_string())? else { continue };
        let governing = ledger.governing(unit, year, Some(&stored.arrival_id))?;
        if !governing.is_some_and(|g| g.later && g.submission_id == submission_id) {
            continue;
        }
        match read_again(config, ledger, state, &stored) {
            Ok(again) if counts => reviewed.push((stored, again)),
            Ok(_) => {
                tracing::info!(unit, year, submission = stored.id, "superseded version reviewed against its agreement")
            }
            Err(why) => tracing::warn!(unit, year, submission = stored.id, "not reviewed against its agreement: {why}"),
        }
    }
    Ok(reviewed)
}

/// Read `unit`'s report that counts for the year and period again, and record what it finds.
fn review_again(
    config: &Config,
    ledger: &mut Ledger,
    state: &Path,
    unit: &str,
    (year, period): (u16, Period),
) -> Result<Option<(Stored, ReadAgain)>, String> {
    match ledger.current_stored(unit, year, period, Kind::Realisasi).map_err(|e| e.to_string())? {
        Some(stored) => read_again(config, ledger, state, &stored).map(|read| Some((stored, read))),
        None => Ok(None),
    }
}

/// A kept submission read again as the service read it ([`kept`], [`reread`]), what it finds
/// recorded in place of what it found before (`kinerja reprocess`, and BKN's report before its
/// Rekap is rebuilt, and a report its agreement arrived after); the outcome, and the rows
/// recorded from it (which a message to the unit is composed from).
///
/// # Errors
/// Why not, in words for the operator: the kept file is not what was received, the ledger
/// cannot answer, or the reading would make it another submission (nothing is replaced).
pub fn read_again(config: &Config, ledger: &mut Ledger, state: &Path, stored: &Stored) -> Result<ReadAgain, String> {
    let bytes = kept(config, state, stored)?;
    let outcome = reread(config, ledger, stored, &bytes).map_err(|e| e.to_string())?;
    let reading = outcome.reading();
    ledger.replace_reading(stored.id, &reading, rejection(&outcome).as_deref()).map_err(|e| e.to_string())?;
    // The annotated copy follows the ledger: written when the new result has errors (its
    // discrepancy report attaches it), rewritten where one was written before, so the copy in
    // the outbox never shows findings the ledger no longer has.
    let outbox = &config.service.outbox;
    let written_before = annotated_path(&outcome, &stored.file_name, outbox).is_some_and(|path| path.is_file());
    let annotated = if outcome.count(crate::model::Severity::Error) > 0 || written_before {
        annotate(&outcome, &stored.file_name, &bytes, config, outbox)
    } else {
        None
    };
    Ok(ReadAgain { outcome, reading, annotated })
}

/// A kept submission read again ([`read_again`]).
pub struct ReadAgain {
    pub outcome: Outcome,
    /// The rows recorded from it.
    pub reading: Reading,
    /// Its annotated copy, relative to the outbox, when one was written.
    pub annotated: Option<String>,
}

/// Where the unit's annotated copy of a read report goes: `outbox/<year>/<UNIT>/`.
fn annotated_path(outcome: &Outcome, file_name: &str, outbox: &Path) -> Option<PathBuf> {
    let (report, _) = outcome.scored.as_ref()?;
    let (Some(unit), Some(year)) = (&report.identity.unit, report.identity.year) else { return None };
    Some(crate::consolidate::annotate::path(outbox, year, unit, file_name, &outcome.sha256))
}

/// Unpacked bytes above which a workbook gets no annotated copy: a report unpacks to 20–300 KB,
/// and re-rendering a workbook of a million cells would take more memory than reading it.
const ANNOTATE_UNPACKED: u64 = 16 * 1024 * 1024;

/// Write the unit's annotated copy of a read report to `outbox/<year>/<UNIT>/`; its path
/// relative to the outbox. A failure (a panic included) is logged: the copy is a courtesy, the
/// ledger is the record. The service writes it for the reports whose discrepancy report attaches
/// it; `kinerja annotate` writes it for any submission on demand.
pub fn annotate(outcome: &Outcome, file_name: &str, bytes: &[u8], config: &Config, outbox: &Path) -> Option<String> {
    let target = annotated_path(outcome, file_name, outbox)?;
    let unpacked = crate::ingest::package::unpacked(std::io::Cursor::new(bytes), bytes.len() as u64);
    if unpacked > ANNOTATE_UNPACKED {
        let name = shown_name(file_name);
        tracing::info!(file = %name, unpacked, "no annotated copy: the workbook is far larger than a report");
        return None;
    }
    let source = Path::new(file_name);
    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::consolidate::annotate::write(outcome, source, bytes, &config.limits, outbox, &target)
    }));
    match written {
        Ok(Ok(())) => target.strip_prefix(outbox).ok().map(|p| p.to_string_lossy().into_owned()),
        Ok(Err(e)) => {
            tracing::warn!(file = %shown_name(file_name), "annotated copy not written: {e}");
            None
        }
        Err(_) => {
            tracing::error!(file = %shown_name(file_name), "annotated copy not written: it panicked");
            None
        }
    }
}

/// What to record for a file, and where it will be kept.
struct Decided {
    decision: Decision,
    stored: String,
    reason: Option<String>,
    outcome: Option<Outcome>,
    annotated: Option<String>,
}

impl Decided {
    fn refused(reason: String, stored: String) -> Self {
        Decided {
            decision: Decision::Refused { reason: reason.clone() },
            stored,
            reason: Some(reason),
            outcome: None,
            annotated: None,
        }
    }
}

/// What happens to one taken file, top to bottom: read it once (never through a link) and hash
/// the bytes; decide what it is (refused for its folder, a duplicate, or read, scored and
/// reviewed); record it with its messages in one transaction, waiting for the commit; move it
/// to its keeping place. A failure leaves the file in `processing/`, resumed at the next start.
///
/// # Errors
/// [`PipelineError`] when the file cannot be read or moved, or the ledger cannot be read or
/// written (`PipelineError::Store`: nothing more can be recorded).
pub fn process(job: Job, config: &Config, work: &Workplace, ledger: &SharedLedger) -> Result<Processed, PipelineError> {
    let start = Instant::now();
    let rejected_path = format!("rejected/{}", processing_name(&job.arrival).0);
    if matches!(job.origin, Origin::Resumed | Origin::Poison)
        && let Some(stored) = ledger.arrival_stored_path(&job.arrival.id)?
    {
        // Recorded before a crash; only the last move is missing.
        keep(&job, &work.state.join(&stored))?;
        let recorded = Recorded::Recovered;
        return Ok(Processed { arrival: job.arrival, sha256: String::new(), recorded, reason: None, outcome: None });
    }
    let (sha256, decided) = match job.origin {
        // Left where it is: never opened, moved or read.
        Origin::Special(what) => {
            let reason = crate::model::Finding::new(Code::FileNotRegular, None, "").found(what).message();
            (String::new(), Decided::refused(reason, String::new()))
        }
        Origin::Poison => {
            let reason = crate::model::Finding::new(Code::ProcessingFailed, None, "")
                .found("pemrosesan berkas ini dua kali menghentikan layanan")
                .message();
            (String::new(), Decided::refused(reason, rejected_path))
        }
        Origin::Taken | Origin::Resumed => match crate::ingest::load(&job.path, &config.limits, false) {
            Ok(bytes) => {
                let sha256 = check::sha256(&bytes);
                let decided = decide(&job, &bytes, &sha256, rejected_path, config, work, ledger, start)?;
                (sha256, decided)
            }
            Err(e @ (crate::ingest::IngestError::NotAFile { .. } | crate::ingest::IngestError::TooLarge { .. })) => {
                // A link or special file swapped in after the scan, or too large to read: refused
                // unopened, the entry itself kept with the rejected files.
                (String::new(), Decided::refused(e.finding().message(), rejected_path))
            }
            Err(e) => {
                let source = std::io::Error::other(e.to_string());
                return Err(PipelineError::Io { path: job.path.clone(), source });
            }
        },
    };
    let Decided { decision, stored, reason, outcome, annotated } = decided;
    let unit = config.units.get(&job.arrival.folder);
    let notice = unit.and_then(|unit| crate::mail::notice_for(config, unit, annotated));
    if let (Some(unit), None) = (unit, &notice) {
        tracing::warn!(unit = %unit.code, "no e-mail address registered for the unit: it is not told");
    }
    let messages =
        notice.map(|notice| -> crate::store::Compose { Box::new(move |facts| crate::mail::compose(&notice, facts)) });
    let record = Record {
        arrival: job.arrival.clone(),
        sha256: sha256.clone(),
        decision,
        stored_path: stored.clone(),
        messages,
    };
    let recorded = ledger.record(record)?;
    // Two files of one content in flight at once: the second is a duplicate.
    let stored = match &recorded {
        Recorded::Duplicate { stored_path, .. } => stored_path.clone(),
        _ => stored,
    };
    if !stored.is_empty() {
        keep(&job, &work.state.join(&stored))?;
    }
    Ok(Processed { arrival: job.arrival, sha256, recorded, reason, outcome })
}

/// What to record for a regular file read into `bytes`: refused for its folder, a duplicate,
/// or read and checked.
#[allow(clippy::too_many_arguments)]
fn decide(
    job: &Job,
    bytes: &[u8],
    sha256: &str,
    rejected_path: String,
    config: &Config,
    work: &Workplace,
    ledger: &SharedLedger,
    start: Instant,
) -> Result<Decided, PipelineError> {
    let Some(unit) = config.units.get(&job.arrival.folder) else {
        return Ok(Decided::refused(refusal(&job.arrival.folder), rejected_path));
    };
    let overrides = Overrides { unit: Some(unit.code.clone()), ..Overrides::default() };
    let source = Path::new(&job.arrival.file_name);
    // Read, scored and reviewed against what the ledger holds now.
    let review = || LedgerContext::new(ledger, config, None).check(source, bytes, sha256, &overrides, start);
    if let Some(known) = ledger.known(sha256)? {
        // Identity first: content already received from another unit is that unit's report,
        // refused for this folder, never counted as this unit's duplicate.
        if let Some(owner) = known.unit.as_deref().filter(|owner| !owner.eq_ignore_ascii_case(&unit.code)) {
            let reason = crate::model::Finding::new(Code::SentByOtherUnit, None, "")
                .found(owner)
                .expected(&unit.code)
                .message_in(config.review.language);
            return Ok(Decided::refused(reason, rejected_path));
        }
        // Earlier content sent again counts again: reviewed as a report arriving now is, against
        // what governs now and the version it follows. A duplicate of what counts is not read.
        let (again, outcome, annotated) = if ledger.counts_again(known.submission_id)? {
            let outcome = review()?;
            let annotated = annotated_if_errors(&outcome, job, bytes, config, work);
            (Some(Box::new(outcome.reading())), Some(outcome), annotated)
        } else {
            (None, None, None)
        };
        let decision = Decision::Known { again };
        return Ok(Decided { decision, stored: known.stored_path, reason: None, outcome, annotated });
    }
    let outcome = review()?;
    let reason = rejection(&outcome);
    // A workbook naming another unit is that unit's report: refused for this folder, as when the
    // other unit had sent it first, and never filed under this unit, so the unit it names can
    // still send it (a reading filed here would make this folder its owner).
    if let Some(reason) = reason.as_ref().filter(|_| outcome.findings.iter().any(|f| f.code == Code::UnitMismatch)) {
        return Ok(Decided::refused(reason.clone(), rejected_path));
    }
    let extension: String = source
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or("bin")
        .to_lowercase();
    let stored = match reason {
        Some(_) => rejected_path,
        None => format!("archive/{sha256}.{extension}"),
    };
    let annotated = annotated_if_errors(&outcome, job, bytes, config, work);
    let reading = Box::new(outcome.reading());
    Ok(Decided {
        decision: Decision::Read { reading, rejected: reason.clone() },
        stored,
        reason,
        outcome: Some(outcome),
        annotated,
    })
}

/// The annotated copy of a unit's file with an error: only a discrepancy report attaches it, and
/// a clean report's is written on demand (`kinerja annotate`), not on the way of every file.
fn annotated_if_errors(
    outcome: &Outcome,
    job: &Job,
    bytes: &[u8],
    config: &Config,
    work: &Workplace,
) -> Option<String> {
    (outcome.count(crate::model::Severity::Error) > 0)
        .then(|| annotate(outcome, &job.arrival.file_name, bytes, config, &work.outbox))
        .flatten()
}

/// Move a processed file to where the ledger says it is kept. Content already kept there (a
/// duplicate) is the same bytes, so the rename simply replaces it. A cut name's note goes.
fn keep(job: &Job, to: &Path) -> Result<(), PipelineError> {
    let from = &job.path;
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::rename(from, to).map_err(io(from))?;
    let processing = from.parent().map(|p| if p.ends_with("retried") { p.parent().unwrap_or(p) } else { p });
    if processing_name(&job.arrival).1
        && let Some(dir) = processing
    {
        let _ = std::fs::remove_file(name_note(dir, &job.arrival.id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `processing/` removed between being made and being listed at the start (an operator
    /// clearing the state folder while the service starts) stopped the service: "state/
    /// processing/retried: No such file or directory". A folder gone holds nothing to resume.
    #[test]
    fn a_processing_folder_removed_holds_nothing_to_resume() {
        let gone = std::env::temp_dir().join(format!("kinerja-processing-gone-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&gone);
        assert!(list(&gone.join("retried")).is_ok_and(|jobs| jobs.is_empty()));
    }
}
