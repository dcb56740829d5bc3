//! `kinerja serve`: owns the concurrency, threads handing work on through bounded channels. A
//! scanner thread watches the inbox (native events plus polling, since network shares deliver
//! no events) and takes settled, complete files; bounded lanes carry them to a fixed number of
//! worker threads (plus one for heavy files), each file handled top to bottom by
//! [`pipeline::process`] against one ledger (one writer thread commits their records in
//! batches). SIGINT or SIGTERM stops the scanner (nothing new is taken) and lets the workers
//! finish what is in flight.

use crate::config::Config;
use crate::pipeline::{self, Job, Rekaps, Workplace};
use crate::store::{SharedLedger, StoreError};
use crate::watch::{self, Settler};
use notify::Watcher;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tracing::{error, info, warn};

/// Why the service could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Another `kinerja serve` works in the same state folder.
    #[error("another kinerja serve already works in {path} ({holder}); stop it first")]
    Locked { path: std::path::PathBuf, holder: String },
    /// The lock file could not be created or locked.
    #[error("cannot lock {path}: {source}")]
    Lock { path: std::path::PathBuf, source: std::io::Error },
    /// A failure that leaves the service unable to record anything (the ledger cannot be
    /// written: disk full, read-only). Files in flight stay in `processing/`.
    #[error("stopped: {0}")]
    Fatal(String),
    #[error(transparent)]
    Pipeline(#[from] pipeline::PipelineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Installing the signal handlers failed.
    #[error("cannot listen for signals: {0}")]
    Signal(std::io::Error),
}

/// Why the service stops.
enum Stopping {
    Signal,
    /// The ledger cannot be written: nothing more can be recorded.
    Fatal(String),
}

/// Run until SIGINT or SIGTERM.
///
/// Every part of the service is a thread that blocks on its own work (reading files, SQLite,
/// writing workbooks, one SMTP conversation), and they hand work on through bounded channels:
/// scanner → lanes → workers (each file handled top to bottom by [`pipeline::process`], waiting
/// for its commit) → consolidator and mailer. Stopping closes the channels in that order, and
/// each thread ends once its channel is closed and drained.
///
/// # Errors
/// [`ServiceError`] when the folders or the ledger cannot be prepared, or signals cannot be
/// handled. Failures on single files are logged and leave the file in `processing/`.
pub fn run(config: Config) -> Result<(), ServiceError> {
    // A secret missing now would fail every message later, silently: refuse to start instead.
    if let crate::config::mail::Transport::Smtp { username: Some(user), .. } = &config.mail.transport
        && std::env::var_os(crate::config::mail::PASSWORD_VARIABLE).is_none()
    {
        return Err(ServiceError::Fatal(format!(
            "mail.username is `{user}` but {} is not set; set it, or remove mail.username",
            crate::config::mail::PASSWORD_VARIABLE
        )));
    }
    let work = Workplace::new(&config);
    work.prepare()?;
    let _lock = lock(&work)?;
    // Only once the lock is held: a second `serve` that finds the folders made knows another
    // holds the workplace, and one started at the same moment never makes them.
    work.open_inbox(&config)?;
    let (stopping, stops) = mpsc::channel::<Stopping>();
    listen_for_signals(stopping.clone())?;
    let ledger = Arc::new(SharedLedger::open(&work.ledger())?);
    let refused_before = crate::store::Ledger::open(&work.ledger())?.refused_in_place()?;
    let config = Arc::new(config);
    let (wake, woken) = mpsc::channel::<()>();
    let mailer = {
        let (settings, path, outbox) = (config.mail.clone(), work.ledger(), work.outbox.clone());
        let sender = crate::mail::Sender::new(settings, crate::store::Ledger::open(&path)?, outbox)?;
        let reminders = (config.clone(), crate::store::Ledger::open(&path)?);
        spawn("mailer", move || mail(&sender, &reminders, &woken))?
    };
    let (changed, changes) = mpsc::channel::<String>();
    // Arrivals recorded before a stop cut their consolidation short: consolidated first.
    let left = crate::store::Ledger::open(&work.ledger())?.unconsolidated()?;
    if !left.is_empty() {
        info!(count = left.len(), "consolidating arrivals recorded before the last stop");
    }
    for id in left {
        review_governed(&config, &work, &id)?;
        let _ = changed.send(id);
    }
    let consolidator = {
        let (config, work, wake) = (config.clone(), work.clone(), wake.clone());
        spawn("consolidator", move || consolidate(&changes, &config, &work, &wake))?
    };
    let workers = config.service.workers;
    let (light, light_queue) = mpsc::sync_channel::<Queued>(workers * 4);
    // Heavy files (much unpacked content) have a lane and a worker of their own, so a big or
    // slow file never holds back the small ones behind it.
    let (heavy, heavy_queue) = mpsc::sync_channel::<Queued>(4);
    let (light_queue, heavy_queue) = (Arc::new(Mutex::new(light_queue)), Arc::new(Mutex::new(heavy_queue)));
    let mut handles = Vec::new();
    // Each light worker waits for its file's commit, so more than one per `workers` keep the
    // cores checking while the others wait. Three: 200-file bursts, five runs each, 826-1,016
    // files/s against 781-913 with two, the 2,000-file peak 1.18-1.19 times the 20-file one
    // against 1.19-1.23 (four or six were faster again but held more: 1.18-1.23).
    let threads = workers * 3;
    for n in 0..=threads {
        let queue = if n == threads { heavy_queue.clone() } else { light_queue.clone() };
        let hands = Hands {
            config: config.clone(),
            work: work.clone(),
            ledger: ledger.clone(),
            changed: changed.clone(),
            wake: wake.clone(),
            stopping: stopping.clone(),
        };
        handles.push(spawn(&format!("worker-{n}"), move || worker(n, &queue, &hands))?);
    }
    drop((changed, wake, stopping));
    let (look, looks) = mpsc::channel::<Look>();
    let jobs = Lanes { light, heavy, in_flight: Arc::new(InFlight::new(look.clone())) };
    let (recovered, poison) = pipeline::recover(&work)?;
    if !recovered.is_empty() {
        info!(count = recovered.len(), "resuming files taken before the last stop");
    }
    for job in &poison {
        let name = crate::model::text::shown_name(&job.arrival.file_name);
        warn!(file = %name, "was in processing at two stops in a row: rejected unread");
    }
    // Files a previous run took: each unit's in the order taken, one after the other (the
    // scanner takes no file of a unit while one is in flight).
    for job in poison.into_iter().chain(recovered) {
        let flight = jobs.in_flight.wait_start(&job.arrival.folder);
        let _ = jobs.light.send((job, Some(flight)));
    }
    info!(inbox = %work.inbox.display(), workers, "watching the inbox");
    let stop = Arc::new(AtomicBool::new(false));
    let scanner = {
        let (config, work, stop) = (config.clone(), work.clone(), stop.clone());
        spawn("scanner", move || supervise_scanner(&config, &work, &jobs, (&look, &looks), &stop, refused_before))?
    };
    let failure = match stops.recv() {
        Ok(Stopping::Fatal(reason)) => Some(reason),
        Ok(Stopping::Signal) | Err(_) => None,
    };
    match &failure {
        None => info!("stopping: taking no new files, finishing those in flight"),
        Some(reason) => error!("stopping: {reason}; files in flight stay in processing/ for the next start"),
    }
    // The scanner ends first, and its lanes close with it; the workers drain them and end; then
    // the writer commits what waits, the consolidator rebuilds what is pending, and the mailer
    // makes a last attempt at what is due (the rest waits in the queue for the next start).
    stop.store(true, Ordering::SeqCst);
    let _ = scanner.join();
    for handle in handles {
        let _ = handle.join();
    }
    if let Ok(ledger) = Arc::try_unwrap(ledger) {
        ledger.close();
    }
    let _ = consolidator.join();
    let _ = mailer.join();
    info!("stopped");
    failure.map_or(Ok(()), |reason| Err(ServiceError::Fatal(reason)))
}

/// Start a named thread of the service.
fn spawn(name: &str, body: impl FnOnce() + Send + 'static) -> Result<JoinHandle<()>, ServiceError> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(body)
        .map_err(|e| ServiceError::Fatal(format!("cannot start the {name} thread: {e}")))
}

/// Wait for SIGINT or SIGTERM on a thread of its own (tokio's signal handling, the one part of
/// the service that waits on the operating system rather than on a channel), and say so on
/// `stopping`. The handlers are installed before this returns.
fn listen_for_signals(stopping: mpsc::Sender<Stopping>) -> Result<(), ServiceError> {
    use tokio::signal::unix::{SignalKind, signal};
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build().map_err(ServiceError::Signal)?;
    let (mut interrupt, mut terminate) = {
        let _inside = runtime.enter();
        (
            signal(SignalKind::interrupt()).map_err(ServiceError::Signal)?,
            signal(SignalKind::terminate()).map_err(ServiceError::Signal)?,
        )
    };
    spawn("signals", move || {
        runtime.block_on(async {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        });
        let _ = stopping.send(Stopping::Signal);
    })
    .map(drop)
}

/// The exclusive lock of the state folder, held while the service runs: a second `serve` on
/// the same workplace refuses at once, naming the holder.
fn lock(work: &Workplace) -> Result<std::fs::File, ServiceError> {
    use std::io::{Read, Seek, Write};
    let path = work.state.join("kinerja.lock");
    let failed = |source| ServiceError::Lock { path: path.clone(), source };
    // Never through a link planted in its place: the holder is written into this file.
    let mut file = std::os::unix::fs::OpenOptionsExt::custom_flags(
        std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false),
        rustix::fs::OFlags::NOFOLLOW.bits() as i32,
    )
    .open(&path)
    .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder =
                if holder.trim().is_empty() { "holder unknown".to_string() } else { holder.trim().to_string() };
            return Err(ServiceError::Locked { path: work.state.clone(), holder });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
    }
    let holder =
        format!("process {} since {} UTC", std::process::id(), crate::model::time::utc(crate::model::time::now_ms()));
    file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(holder.as_bytes())).map_err(failed)?;
    Ok(file)
}

/// What a worker hands a file's results to.
struct Hands {
    config: Arc<Config>,
    work: Workplace,
    ledger: Arc<SharedLedger>,
    /// The consolidator: the arrival recorded.
    changed: mpsc::Sender<String>,
    /// The mailer: a file was recorded, with its messages queued.
    wake: mpsc::Sender<()>,
    stopping: mpsc::Sender<Stopping>,
}

/// What makes the scanner look at the inbox again, besides its tick.
enum Look {
    /// File-system events name these paths.
    Changed(Vec<std::path::PathBuf>),
    /// The watcher lost events: walk the whole inbox.
    Walk,
    /// A unit's file was recorded: its next one may be taken.
    Turn,
}

/// The units with a file taken and not yet recorded. The scanner takes one file of a unit at a
/// time, oldest first, and the next only once the one before is recorded: a report is always
/// reviewed against the agreement and the earlier version that arrived before it, whatever the
/// timing. Other units' files keep flowing meanwhile, and waiting files wait in the inbox.
struct InFlight {
    units: std::sync::Mutex<std::collections::HashSet<String>>,
    landed: Condvar,
    /// The scanner, told when a unit's file lands so that it takes the next one at once.
    look: mpsc::Sender<Look>,
}

impl InFlight {
    fn new(look: mpsc::Sender<Look>) -> Self {
        InFlight { units: Default::default(), landed: Condvar::new(), look }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, std::collections::HashSet<String>> {
        self.units.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Mark `folder` in flight, unless it already is; the returned guard clears it when dropped.
    fn start(self: &Arc<Self>, folder: &str) -> Option<Flight> {
        self.lock().insert(folder.to_string()).then(|| Flight { units: self.clone(), folder: folder.to_string() })
    }

    /// Mark `folder` in flight once its file in flight, if any, has landed.
    fn wait_start(self: &Arc<Self>, folder: &str) -> Flight {
        let mut units = self.lock();
        while units.contains(folder) {
            units = self.landed.wait(units).unwrap_or_else(PoisonError::into_inner);
        }
        units.insert(folder.to_string());
        Flight { units: self.clone(), folder: folder.to_string() }
    }
}

/// A taken file, with its unit's flight when its review depends on the unit's earlier files.
type Queued = (Job, Option<Flight>);

/// A unit's file in flight; dropped once its record is committed (or its handling gave up).
struct Flight {
    units: Arc<InFlight>,
    folder: String,
}

impl Drop for Flight {
    fn drop(&mut self) {
        self.units.lock().remove(&self.folder);
        self.units.landed.notify_all();
        let _ = self.units.look.send(Look::Turn);
    }
}

/// A worker: takes files from its lane until the lane closes, each handled top to bottom by
/// [`pipeline::process`] (read, check, record, keep), then tells the consolidator and the
/// mailer, and lets the unit's next file be taken.
fn worker(n: usize, queue: &Mutex<mpsc::Receiver<Queued>>, hands: &Hands) {
    loop {
        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((job, flight)) = next else { break };
        let name = crate::model::text::shown_name(&job.arrival.file_name).into_owned();
        // Reading, scoring and the annotated copy catch their own panics; anything else that
        // panics leaves its file in processing/ (rejected unread after a second stop), and the
        // worker goes on with the next file.
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pipeline::process(job, &hands.config, &hands.work, &hands.ledger)
        }));
        match handled {
            Ok(Ok(processed)) => {
                info!(worker = n, sha256 = %processed.sha256.get(..12).unwrap_or("-"), "{}", processed.summary());
                if processed.may_govern()
                    && let Err(e) = review_governed(&hands.config, &hands.work, &processed.arrival.id)
                {
                    let _ = hands.stopping.send(Stopping::Fatal(format!("the ledger cannot be written ({e})")));
                }
                let _ = hands.changed.send(processed.arrival.id);
                let _ = hands.wake.send(());
            }
            Ok(Err(pipeline::PipelineError::Store(e))) => {
                let _ = hands.stopping.send(Stopping::Fatal(format!("the ledger cannot be written ({e})")));
            }
            Ok(Err(e)) => error!(worker = n, file = %name, "left in processing, resumed at next start: {e}"),
            Err(_) => error!(worker = n, file = %name, "handling the file panicked; it stays in processing/"),
        }
        drop(flight);
    }
}

/// The mailer: sends what is due whenever a file is done, and at least every second (retries
/// come due by the clock); once the service stops telling it, one last pass, and it ends.
fn mail(
    sender: &crate::mail::Sender,
    (config, ledger): &(Arc<Config>, crate::store::Ledger),
    woken: &mpsc::Receiver<()>,
) {
    let mut reminded: Option<Instant> = None;
    loop {
        // A panic in one pass is logged and the next pass runs: the mailer never stays down.
        let pass = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if reminded.is_none_or(|at| at.elapsed() >= REMIND_EVERY) {
                reminded = Some(Instant::now());
                match crate::mail::remind(config, ledger) {
                    Ok(0) => {}
                    Ok(n) => info!(count = n, "reminders queued"),
                    Err(e) => error!("reminders: {e}"),
                }
            }
            if let Err(e) = sender.run_once() {
                error!("mail queue: {e}");
            }
        }));
        if pass.is_err() {
            error!("a mail pass panicked; the next one runs in a second");
        }
        match woken.recv_timeout(Duration::from_secs(1)) {
            Ok(()) => while woken.try_recv().is_ok() {},
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
}

/// How often the mailer looks for units to remind: reminders fall due by the day, so once a
/// minute is on time, and a burst of files does not ask the ledger for every unit's standing once
/// per file.
const REMIND_EVERY: Duration = Duration::from_secs(60);

/// How long the consolidator waits for quiet before it rebuilds: a burst rebuilds once.
const DEBOUNCE: Duration = Duration::from_millis(500);

/// How long the consolidator gathers at most: files arriving steadily, less than [`DEBOUNCE`]
/// apart, still show in the planners' workbook within seconds.
const GATHER_AT_MOST: Duration = Duration::from_secs(10);

/// Rebuild the consolidated workbooks the recorded arrivals change, once no new one has come for
/// [`DEBOUNCE`] (or [`GATHER_AT_MOST`] after the first), and mark them consolidated; ends once
/// the workers are gone and what they changed is rebuilt.
fn consolidate(changes: &mpsc::Receiver<String>, config: &Config, work: &Workplace, wake: &mpsc::Sender<()>) {
    while let Ok(first) = changes.recv() {
        let pending = gather(changes, first, DEBOUNCE, GATHER_AT_MOST);
        let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rebuild(pending, config, work)));
        match rebuilt {
            Ok(Ok(paths)) => {
                paths.iter().for_each(|p| info!(workbook = %p, "consolidated workbook rebuilt"));
                let _ = wake.send(());
            }
            Ok(Err(e)) => error!("consolidated workbook not rebuilt: {e}"),
            Err(_) => error!("rebuilding the consolidated workbook panicked"),
        }
    }
}

/// `first` and what follows it, until nothing has come for `quiet` or `at_most` has passed.
fn gather<T: Ord>(changes: &mpsc::Receiver<T>, first: T, quiet: Duration, at_most: Duration) -> BTreeSet<T> {
    let until = Instant::now() + at_most;
    let mut pending = BTreeSet::from([first]);
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match changes.recv_timeout(quiet.min(left)) {
            Ok(next) => pending.insert(next),
            Err(_) => break,
        };
    }
    pending
}

/// Rebuild the Rekaps the `arrivals` change and queue their planners' messages; then mark the
/// arrivals consolidated.
/// The Rekaps' paths.
fn rebuild(
    arrivals: BTreeSet<String>,
    config: &Config,
    work: &Workplace,
) -> Result<Vec<String>, crate::consolidate::ConsolidateError> {
    let mut ledger = crate::store::Ledger::open(&work.ledger())?;
    let mut pending = BTreeSet::new();
    for id in &arrivals {
        pending.extend(ledger.made(id)?.and_then(|made| Rekaps::changed_by(&made, config)));
    }
    let mut periods = BTreeSet::new();
    for rekaps in pending {
        match rekaps {
            Rekaps::Of(year, period) => {
                periods.insert((year, period));
            }
            Rekaps::Every => periods.extend(ledger.all_periods()?),
            // The reports it governs were reviewed against it before the unit's next file was
            // taken (see [`review_governed`]); every Rekap shows its version.
            Rekaps::Governed { .. } => periods.extend(ledger.all_periods()?),
        }
    }
    let mut rebuilt = Vec::new();
    for (year, period) in periods {
        let (path, held) = pipeline::rekap(config, &mut ledger, &work.state, year, period)?;
        tell_held(config, &ledger, held)?;
        let outbox = &config.service.outbox;
        let relative = path.strip_prefix(outbox).unwrap_or(&path).to_string_lossy().into_owned();
        crate::mail::send_consolidated(config, &ledger, year, period, &relative, false)?;
        rebuilt.push(path.display().to_string());
    }
    ledger.mark_consolidated(&Vec::from_iter(arrivals))?;
    Ok(rebuilt)
}

/// Each report held again to its units' reports whose outcome is no longer the one its unit was
/// last told (BKN's, accepted while units were missing, blocked once they are in and its figures
/// differ; or the other way): the unit is told its new result. Compared with what was told, not
/// with the reading before, so a stop between the two leaves nothing untold.
fn tell_held(
    config: &Config,
    ledger: &crate::store::Ledger,
    held: Vec<(crate::store::Stored, pipeline::ReadAgain)>,
) -> Result<(), StoreError> {
    for (stored, read) in held {
        if !crate::mail::told_otherwise(ledger, stored.id, read.reading.errors > 0)? {
            continue;
        }
        let told = (stored.id, stored.unit.as_deref());
        match crate::mail::notify_again(
            config,
            ledger,
            told,
            (&read.reading, read.annotated),
            crate::mail::Again::Held,
        )? {
            Ok(queued) => info!(submission = stored.id, queued, "told its new result against its units' reports"),
            Err(why) => info!(submission = stored.id, "held again to its units' reports: {why}"),
        }
    }
    Ok(())
}

/// The unit's reports of the year that were sent before anything governed them, reviewed
/// against the agreement or plan `arrival_id` recorded, and each unit told its new result: done
/// before the unit's next file is taken, so a report is reviewed against the same agreement and
/// its unit told in the same order whatever the timing (and, for arrivals recorded before a stop,
/// at the next start). Nothing to do for any other arrival.
fn review_governed(config: &Config, work: &Workplace, arrival_id: &str) -> Result<(), StoreError> {
    let mut ledger = crate::store::Ledger::open(&work.ledger())?;
    let governed = ledger.made(arrival_id)?.and_then(|made| Rekaps::changed_by(&made, config));
    let Some(Rekaps::Governed { unit, year, kind, submission_id }) = governed else { return Ok(()) };
    let reviewed = pipeline::review_governed(config, &mut ledger, &work.state, (&unit, year), submission_id)?;
    for (stored, read) in reviewed {
        let again = crate::mail::Again::Governed { kind, year, submission_id };
        let told = (stored.id, Some(unit.as_str()));
        match crate::mail::notify_again(config, &ledger, told, (&read.reading, read.annotated), again)? {
            Ok(queued) => info!(unit, submission = stored.id, queued, "reviewed against its {}", kind.as_str()),
            Err(why) => info!(unit, submission = stored.id, "reviewed against its {}: {why}", kind.as_str()),
        }
    }
    Ok(())
}

/// Where taken files wait for a worker.
struct Lanes {
    light: mpsc::SyncSender<Queued>,
    heavy: mpsc::SyncSender<Queued>,
    in_flight: Arc<InFlight>,
}

/// Unpacked bytes from which a file takes the heavy lane: a unit's report unpacks to 20–300 KB.
const HEAVY: u64 = 1024 * 1024;

impl Lanes {
    /// Queue a job on its lane, waiting while the lane is full; false once the workers are gone.
    fn send(&self, job: Job, flight: Flight) -> bool {
        let lane = if watch::weight(&job.path) > HEAVY { &self.heavy } else { &self.light };
        lane.send((job, Some(flight))).is_ok()
    }
}

/// Run the scanner, restarting it if it panics, until the service stops.
fn supervise_scanner(
    config: &Config,
    work: &Workplace,
    jobs: &Lanes,
    looks: Looks<'_>,
    stop: &AtomicBool,
    refused_before: Vec<(String, String)>,
) {
    let mut refused: std::collections::HashSet<(String, String)> = refused_before.into_iter().collect();
    while !stop.load(Ordering::SeqCst) {
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            scan(config, work, jobs, looks, stop, &mut refused)
        }));
        match ran {
            Ok(Scan::Stopped) => return,
            Ok(Scan::QueueClosed) => return error!("the workers are gone; nothing more is taken"),
            Err(_) => {
                error!("the scanner panicked; restarting it in a second");
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
}

/// What the scanner does about a watcher's event: looks at the paths it names, walks the inbox
/// when events were lost, and nothing when an entry was only opened or read (by the scanner
/// itself, looking at a file or walking a folder): nothing changed then. Any other event, a
/// close that may end a write among them, is looked into.
fn look_for(event: notify::Result<notify::Event>) -> Option<Look> {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match event {
        Ok(event) if event.need_rescan() => Some(Look::Walk),
        Ok(event) => match event.kind {
            EventKind::Access(AccessKind::Open(_) | AccessKind::Read | AccessKind::Close(AccessMode::Read)) => None,
            _ => Some(Look::Changed(event.paths)),
        },
        Err(_) => Some(Look::Walk),
    }
}

/// The scanner's channel: both ends, since its watcher is built (and rebuilt after a panic) by
/// the scanner itself.
type Looks<'a> = (&'a mpsc::Sender<Look>, &'a mpsc::Receiver<Look>);

enum Scan {
    Stopped,
    QueueClosed,
}

/// The scanner: walks the inbox at start, when the watcher lost events and every poll interval;
/// stats a tracked candidate when it is named and when its settle window ends; takes those
/// settled and complete. Links, FIFOs, sockets and devices are recorded once as refused and left
/// where they are.
fn scan(
    config: &Config,
    work: &Workplace,
    jobs: &Lanes,
    (look, looks): Looks<'_>,
    stop: &AtomicBool,
    refused: &mut std::collections::HashSet<(String, String)>,
) -> Scan {
    let settle = config.service.settle;
    let tick = (settle / 10).clamp(Duration::from_millis(5), Duration::from_millis(50));
    // Events name the paths that changed: those are tracked directly, and the whole inbox is
    // walked only at start, every poll interval, and when the watcher lost events.
    let events = look.clone();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Some(look) = look_for(event) {
            let _ = events.send(look);
        }
    })
    .and_then(|mut w| w.watch(&work.inbox, notify::RecursiveMode::Recursive).map(|()| w));
    if let Err(e) = &watcher {
        warn!("no file-system events ({e}); polling every {:?}", config.service.poll_interval);
    }
    let mut settler = Settler::new(settle);
    let mut next_walk = Instant::now();
    // Events name absolute paths: compare them with the inbox made absolute once (the inbox
    // itself may be a link to a mount; nothing beneath it is followed).
    let inbox = std::fs::canonicalize(&work.inbox).unwrap_or_else(|_| work.inbox.clone());
    while !stop.load(Ordering::SeqCst) {
        let mut changed = Vec::new();
        let wait = settler.next_due(Instant::now()).map_or(tick, |due| due.saturating_duration_since(Instant::now()));
        let first = looks.recv_timeout(wait.min(tick)).ok();
        for event in first.into_iter().chain(std::iter::from_fn(|| looks.try_recv().ok())) {
            match event {
                Look::Changed(paths) => changed.extend(paths),
                Look::Walk => next_walk = Instant::now(),
                Look::Turn => {}
            }
        }
        let now = Instant::now();
        let mut found = Vec::new();
        if now >= next_walk {
            changed.clear();
            found = watch::walk(&inbox);
            next_walk = now + config.service.poll_interval;
        }
        // A rename names its new path twice (its `to` event and the pair of both paths).
        changed.sort_unstable();
        changed.dedup();
        found.extend(
            changed
                .into_iter()
                .filter_map(|path| watch::candidate(&inbox, &path).map(|(folder, entry)| (folder, path, entry))),
        );
        let mut named = Vec::new();
        for (folder, path, entry) in found {
            // A unit's folder written in another case (`inbox/kr09/`, as Windows shares allow) is
            // that unit's: its files carry the unit's code, so that the ledger, `status`, the Rekap
            // and the one-file-at-a-time order of the unit all see one unit.
            let folder = config.units.get(&folder).map_or(folder, |unit| unit.code.clone());
            match entry {
                watch::Entry::File => {
                    settler.track(path.clone(), &folder, now);
                    named.push(path);
                }
                // Files a unit put in a folder before the watcher watched it raise no event: a
                // walk right after (a tick, by when the watcher watches it) finds them before
                // the unit's younger files elsewhere settle, so the unit's order holds.
                watch::Entry::Folder => next_walk = next_walk.min(now + tick),
                watch::Entry::Special(what) => {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    if refused.insert((folder.clone(), name)) {
                        warn!(folder = %folder, file = %crate::model::text::shown_name(&path.to_string_lossy()), "a {what} in the inbox: refused and left where it is");
                        // Refused unread: nothing of the unit's review depends on it.
                        let job = pipeline::refuse_in_place(&folder, &path, what);
                        if jobs.light.send((job, None)).is_err() {
                            return Scan::QueueClosed;
                        }
                    }
                }
            }
        }
        // A file is looked at when named (an event, a walk), when its settle window is over,
        // and right before it is taken.
        let mut looks_due = settler.due(now);
        looks_due.extend(named);
        looks_due.sort_unstable();
        looks_due.dedup();
        for path in looks_due {
            settler.look_at(&path, Instant::now());
        }
        // Settled and whole files, taken oldest first: the order units sent them in; of each
        // unit only its oldest, once the one before is recorded, and not while an older file of
        // the unit is still being written.
        let mut turns = Vec::new();
        for (modified, path, folder) in settler.ready() {
            if settler.oldest_unsettled(folder).is_some_and(|oldest| modified.is_some_and(|m| m > oldest)) {
                continue;
            }
            if let Some(flight) = jobs.in_flight.start(folder) {
                turns.push((path.to_path_buf(), folder.to_string(), flight));
            }
        }
        for (path, folder, flight) in turns {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            // Looked at once more: changed since it settled, it waits to settle again.
            if settler.look_at(&path, Instant::now()) != watch::Seen::Ready {
                continue;
            }
            settler.forget(&path);
            match pipeline::take(work, &folder, &path) {
                Ok(job) => {
                    info!(folder = %folder, file = %crate::model::text::shown_name(&job.arrival.file_name), "taken");
                    if !jobs.send(job, flight) {
                        return Scan::QueueClosed;
                    }
                }
                Err(e) => warn!("not taken, will retry: {}", crate::model::text::shown_name(&e.to_string())),
            }
        }
    }
    drop(watcher);
    Scan::Stopped
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, Flag, ModifyKind, RenameMode};

    /// Changes coming steadily, less than the quiet time apart, are gathered for a bounded time
    /// (without the bound, for as long as they come); a burst that ends is gathered whole.
    #[test]
    fn a_steady_stream_of_changes_is_gathered_for_a_bounded_time() {
        let (send, changes) = mpsc::channel();
        let feeder = std::thread::spawn(move || {
            for n in 1..=100 {
                send.send(n).unwrap();
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let first = gather(&changes, 0, Duration::from_millis(200), Duration::from_millis(300));
        assert!(first.len() < 50, "gathered {} changes of a stream lasting two seconds", first.len());
        feeder.join().unwrap();
        let rest = gather(&changes, -1, Duration::from_millis(200), Duration::from_secs(60));
        assert_eq!(first.len() + rest.len(), 102);
        assert!(first.union(&rest).copied().eq(-1..=100_i32));
    }

    fn look(kind: EventKind) -> Option<Look> {
        look_for(Ok(notify::Event::new(kind).add_path("/inbox/KR07/laporan.xlsx".into())))
    }

    #[test]
    fn an_entry_only_opened_is_not_looked_at_again_and_a_change_is() {
        assert!(look(EventKind::Access(AccessKind::Open(AccessMode::Any))).is_none());
        assert!(look(EventKind::Access(AccessKind::Read)).is_none());
        assert!(look(EventKind::Access(AccessKind::Close(AccessMode::Read))).is_none());
        for changed in [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            // A close the watcher cannot tell apart may end a write.
            EventKind::Access(AccessKind::Close(AccessMode::Any)),
            EventKind::Access(AccessKind::Any),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Any),
        ] {
            assert!(matches!(look(changed), Some(Look::Changed(paths)) if paths.len() == 1), "{changed:?}");
        }
        let lost = notify::Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(matches!(look_for(Ok(lost)), Some(Look::Walk)));
        assert!(matches!(look_for(Err(notify::Error::generic("queue overflow"))), Some(Look::Walk)));
    }
}
