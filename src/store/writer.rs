//! The ledger shared by the service's workers: one connection for their reads, and one writer
//! thread that commits whatever records are waiting in a single transaction (group commit). A
//! worker hands its record over and waits for the commit; records handed over meanwhile by the
//! other workers share the transaction, so a burst costs one fsync per batch, not one per file.

use super::{Known, Ledger, Record, Recorded, StoreError};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};
use std::thread::JoinHandle;

/// Where the writer answers a record's worker once it is committed (or has failed).
type Reply = mpsc::SyncSender<Result<Recorded, StoreError>>;

/// At most this many records share one transaction.
const BATCH: usize = 128;
/// Records waiting for the writer; a full queue holds the workers back.
const WAITING: usize = 256;

pub struct SharedLedger {
    reader: Mutex<Ledger>,
    writer: mpsc::SyncSender<(Record, Reply)>,
    thread: JoinHandle<()>,
}

impl SharedLedger {
    /// Open the ledger twice (reads, writes) and start the writer thread.
    ///
    /// # Errors
    /// [`StoreError`] when the ledger cannot be opened or migrated.
    pub fn open(path: &Path) -> Result<SharedLedger, StoreError> {
        let mut writing = Ledger::open(path)?;
        let reader = Mutex::new(Ledger::open(path)?);
        let (writer, waiting) = mpsc::sync_channel::<(Record, Reply)>(WAITING);
        let thread = std::thread::Builder::new()
            .name("ledger-writer".into())
            .spawn(move || {
                while let Ok(first) = waiting.recv() {
                    let mut batch = vec![first];
                    while batch.len() < BATCH {
                        match waiting.try_recv() {
                            Ok(next) => batch.push(next),
                            Err(_) => break,
                        }
                    }
                    let (records, replies): (Vec<Record>, Vec<Reply>) = batch.into_iter().unzip();
                    // A panic here must not take the writer down with it: the batch fails, the
                    // files stay in processing/, and the writer goes on.
                    let committed =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| writing.record_batch(&records)))
                            .unwrap_or_else(|_| Err(StoreError::Batch("recording the batch panicked".into())));
                    let results: Vec<Result<Recorded, StoreError>> = match committed {
                        Ok(results) => results,
                        Err(e) => {
                            let message = e.to_string();
                            records.iter().map(|_| Err(StoreError::Batch(message.clone()))).collect()
                        }
                    };
                    for (reply, result) in replies.into_iter().zip(results) {
                        let _ = reply.send(result);
                    }
                }
            })
            .map_err(|e| StoreError::Batch(format!("cannot start the ledger writer: {e}")))?;
        Ok(SharedLedger { reader, writer, thread })
    }

    fn read(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.reader.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn arrival_stored_path(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.read().arrival_stored_path(id)
    }

    pub fn known(&self, sha256: &str) -> Result<Option<Known>, StoreError> {
        self.read().known(sha256)
    }

    pub fn counts_again(&self, submission_id: i64) -> Result<bool, StoreError> {
        self.read().counts_again(submission_id)
    }

    /// Record `record` in the writer's next transaction; what it became, once committed.
    ///
    /// # Errors
    /// [`StoreError`] when its transaction failed or the writer has stopped.
    pub fn record(&self, record: Record) -> Result<Recorded, StoreError> {
        let stopped = || StoreError::Batch("the ledger writer has stopped".into());
        let (reply, answer) = mpsc::sync_channel(1);
        self.writer.send((record, reply)).map_err(|_| stopped())?;
        answer.recv().map_err(|_| stopped())?
    }

    /// Finish every record handed over, then stop the writer.
    pub fn close(self) {
        drop(self.writer);
        let _ = self.thread.join();
    }
}

impl super::ReadLedger for SharedLedger {
    /// A query of the reading connection, which the workers take in turn.
    fn reading<T>(&self, query: impl FnOnce(&Ledger) -> T) -> T {
        query(&self.read())
    }
}
