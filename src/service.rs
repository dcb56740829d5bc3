//! `kinerja serve`: owns the concurrency. A scanner thread watches the inbox (native events
//! plus polling, since network shares deliver no events) and takes settled, complete files;
//! a bounded queue carries them to a fixed number of workers sharing one ledger (one writer
//! thread commits their records in batches), running the blocking pipeline on tokio's blocking pool. SIGINT or SIGTERM stops
//! the scanner (nothing new is taken) and lets the workers finish what is in flight.

use crate::config::Config;
use crate::model::Period;
use crate::pipeline::{self, Job, Workplace};
use crate::store::{SharedLedger, StoreError};
use crate::watch::{self, Settler, State};
use notify::Watcher;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, mpsc};
use tracing::{error, info, warn};

/// Why the service could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Pipeline(#[from] pipeline::PipelineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Installing the signal handlers failed.
    #[error("cannot listen for signals: {0}")]
    Signal(std::io::Error),
}

/// Run until SIGINT or SIGTERM.
///
/// # Errors
/// [`ServiceError`] when the folders or the ledger cannot be prepared, or signals cannot be
/// handled. Failures on single files are logged and leave the file in `processing/`.
pub async fn run(config: Config) -> Result<(), ServiceError> {
    let work = Workplace::new(&config);
    work.prepare(&config)?;
    let ledger = Arc::new(SharedLedger::open(&work.ledger())?);
    let config = Arc::new(config);
    let workers = config.service.workers;
    let (jobs, queue) = mpsc::channel::<Job>(workers * 4);
    let queue = Arc::new(Mutex::new(queue));
    let (wake, woken) = std::sync::mpsc::channel::<()>();
    let mail_stop = Arc::new(AtomicBool::new(false));
    let mailer = {
        let (settings, path, outbox, stop) =
            (config.mail.clone(), work.ledger(), work.outbox.clone(), mail_stop.clone());
        let sender = crate::mail::Sender::new(settings, crate::store::Ledger::open(&path)?, outbox);
        let reminders = (config.clone(), crate::store::Ledger::open(&path)?);
        std::thread::spawn(move || mail(&sender, &reminders, &woken, &stop))
    };
    let (changed, changes) = mpsc::unbounded_channel::<(u16, Period)>();
    let consolidator = tokio::spawn(consolidate(changes, config.clone(), work.clone(), wake.clone()));
    let mut handles = Vec::new();
    for n in 0..workers {
        let context = (config.clone(), work.clone(), ledger.clone(), changed.clone(), wake.clone());
        handles.push(tokio::spawn(worker(n, queue.clone(), context)));
    }
    drop(changed);
    let recovered = pipeline::recover(&work)?;
    if !recovered.is_empty() {
        info!(count = recovered.len(), "resuming files taken before the last stop");
    }
    for job in recovered {
        let _ = jobs.send(job).await;
    }
    info!(inbox = %work.inbox.display(), workers, "watching the inbox");
    let stop = Arc::new(AtomicBool::new(false));
    let scanner = {
        let (config, work, stop) = (config.clone(), work.clone(), stop.clone());
        std::thread::spawn(move || scan(&config, &work, &jobs, &stop))
    };
    shutdown_signal().await?;
    info!("stopping: taking no new files, finishing those in flight");
    stop.store(true, Ordering::SeqCst);
    let _ = tokio::task::spawn_blocking(move || scanner.join()).await;
    for handle in handles {
        let _ = handle.await;
    }
    // Every worker is done: the ledger has the only handle left; let it commit what waits.
    if let Ok(ledger) = Arc::try_unwrap(ledger) {
        tokio::task::spawn_blocking(move || ledger.close()).await.ok();
    }
    // With every file recorded, the consolidator rebuilds what is pending and ends, and the
    // mailer makes a last attempt at what is due (the rest waits in the queue for the next start).
    let _ = consolidator.await;
    mail_stop.store(true, Ordering::SeqCst);
    drop(wake);
    let _ = tokio::task::spawn_blocking(move || mailer.join()).await;
    info!("stopped");
    Ok(())
}

async fn shutdown_signal() -> Result<(), ServiceError> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).map_err(ServiceError::Signal)?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result.map_err(ServiceError::Signal),
        _ = term.recv() => Ok(()),
    }
}

type WorkerContext =
    (Arc<Config>, Workplace, Arc<SharedLedger>, mpsc::UnboundedSender<(u16, Period)>, std::sync::mpsc::Sender<()>);

async fn worker(
    n: usize,
    queue: Arc<Mutex<mpsc::Receiver<Job>>>,
    (config, work, ledger, changed, wake): WorkerContext,
) {
    loop {
        let Some(job) = queue.lock().await.recv().await else { break };
        let (config, work, ledger, changed, wake) =
            (config.clone(), work.clone(), ledger.clone(), changed.clone(), wake.clone());
        let name = job.arrival.file_name.clone();
        let done: pipeline::Done = Box::new(move |result| match result {
            Ok(processed) => {
                info!(worker = n, sha256 = %&processed.sha256[..12], "{}", processed.summary());
                if let Some(key) = processed.consolidates() {
                    let _ = changed.send(key);
                }
                let _ = wake.send(());
            }
            Err(e) => error!(worker = n, file = %name, "left in processing, resumed at next start: {e}"),
        });
        if let Err(e) = tokio::task::spawn_blocking(move || pipeline::process(job, &config, &work, &ledger, done)).await
        {
            return error!(worker = n, "worker failed: {e}");
        }
    }
}

/// The mailer: sends what is due whenever a file is done, and at least every second (retries
/// come due by the clock).
fn mail(
    sender: &crate::mail::Sender,
    (config, ledger): &(Arc<Config>, crate::store::Ledger),
    woken: &std::sync::mpsc::Receiver<()>,
    stop: &AtomicBool,
) {
    loop {
        match crate::mail::remind(config, ledger) {
            Ok(0) => {}
            Ok(n) => info!(count = n, "reminders queued"),
            Err(e) => error!("reminders: {e}"),
        }
        if let Err(e) = sender.run_once() {
            error!("mail queue: {e}");
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if let Ok(()) = woken.recv_timeout(Duration::from_secs(1)) {
            while woken.try_recv().is_ok() {}
        }
    }
}

/// How long the consolidator waits for quiet before it rebuilds: a burst rebuilds once.
const DEBOUNCE: Duration = Duration::from_millis(500);

/// Rebuild the consolidated workbook of every year and period that received an accepted report,
/// once no new one has come for [`DEBOUNCE`].
async fn consolidate(
    mut changes: mpsc::UnboundedReceiver<(u16, Period)>,
    config: Arc<Config>,
    work: Workplace,
    wake: std::sync::mpsc::Sender<()>,
) {
    while let Some(first) = changes.recv().await {
        let mut pending = std::collections::BTreeSet::from([first]);
        loop {
            tokio::select! {
                next = changes.recv() => match next {
                    Some(key) => { pending.insert(key); }
                    None => break,
                },
                _ = tokio::time::sleep(DEBOUNCE) => break,
            }
        }
        let (config, path) = (config.clone(), work.ledger());
        let rebuilt =
            tokio::task::spawn_blocking(move || -> Result<Vec<String>, crate::consolidate::ConsolidateError> {
                let ledger = crate::store::Ledger::open(&path)?;
                let mut rebuilt = Vec::new();
                for (year, period) in pending {
                    let path = crate::consolidate::rebuild(&config, &ledger, year, period)?;
                    let outbox = &config.service.outbox;
                    let relative = path.strip_prefix(outbox).unwrap_or(&path).to_string_lossy().into_owned();
                    crate::mail::send_consolidated(&config, &ledger, year, period, &relative, false)?;
                    rebuilt.push(path.display().to_string());
                }
                Ok(rebuilt)
            })
            .await;
        match rebuilt {
            Ok(Ok(paths)) => {
                paths.iter().for_each(|p| info!(workbook = %p, "consolidated workbook rebuilt"));
                let _ = wake.send(());
            }
            Ok(Err(e)) => error!("consolidated workbook not rebuilt: {e}"),
            Err(e) => error!("consolidation task failed: {e}"),
        }
    }
}

/// The scanner: walks the inbox at start, on every file-system event and every poll interval;
/// stats tracked candidates every tick; takes those settled and complete.
fn scan(config: &Config, work: &Workplace, jobs: &mpsc::Sender<Job>, stop: &AtomicBool) {
    let settle = config.service.settle;
    let tick = (settle / 10).clamp(Duration::from_millis(5), Duration::from_millis(50));
    // Events name the paths that changed: those are tracked directly, and the whole inbox is
    // walked only at start, every poll interval, and when the watcher lost events.
    let (events, changes) = std::sync::mpsc::channel::<Option<Vec<std::path::PathBuf>>>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let _ = events.send(event.ok().filter(|e| !e.need_rescan()).map(|e| e.paths));
    })
    .and_then(|mut w| w.watch(&work.inbox, notify::RecursiveMode::Recursive).map(|()| w));
    if let Err(e) = &watcher {
        warn!("no file-system events ({e}); polling every {:?}", config.service.poll_interval);
    }
    let mut settler = Settler::new(settle);
    let mut folders = std::collections::HashMap::new();
    let mut next_walk = Instant::now();
    // Events name absolute paths: compare them with the inbox made absolute once.
    let inbox = std::fs::canonicalize(&work.inbox).unwrap_or_else(|_| work.inbox.clone());
    while !stop.load(Ordering::SeqCst) {
        let mut changed = Vec::new();
        let first = changes.recv_timeout(tick).ok();
        for event in first.into_iter().chain(std::iter::from_fn(|| changes.try_recv().ok())) {
            match event {
                Some(paths) => changed.extend(paths),
                None => next_walk = Instant::now(),
            }
        }
        let now = Instant::now();
        if now >= next_walk {
            changed.clear();
            for (folder, path) in watch::walk(&work.inbox) {
                settler.track(path.clone(), now);
                folders.insert(path, folder);
            }
            next_walk = now + config.service.poll_interval;
        }
        for path in changed {
            if let Some(folder) = watch::candidate(&inbox, &path) {
                settler.track(path.clone(), now);
                folders.insert(path, folder);
            }
        }
        // Settled and complete files, taken oldest first: the order units sent them in.
        let mut ready = Vec::new();
        for path in settler.paths() {
            let Ok(meta) = std::fs::metadata(&path) else {
                settler.forget(&path);
                folders.remove(&path);
                continue;
            };
            let modified = meta.modified().ok();
            let State::Settled(stable) = settler.observe(&path, meta.len(), modified, Instant::now()) else {
                continue;
            };
            if watch::is_complete(&path).unwrap_or(false) || stable >= settler.give_up() {
                ready.push((modified, path));
            }
        }
        ready.sort();
        for (_, path) in ready {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            settler.forget(&path);
            let folder = folders.remove(&path).unwrap_or_default();
            match pipeline::take(work, &folder, &path) {
                Ok(job) => {
                    info!(folder = %folder, file = %job.arrival.file_name, "taken");
                    if jobs.blocking_send(job).is_err() {
                        return;
                    }
                }
                Err(e) => warn!("not taken, will retry: {e}"),
            }
        }
    }
    drop(watcher);
}
