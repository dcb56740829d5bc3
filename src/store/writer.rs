//! The ledger shared by the service's workers: one connection for their reads, and one writer
//! thread that commits whatever records are waiting in a single transaction (group commit), so a
//! burst costs one fsync per batch rather than one per file. A worker's `record` returns only
//! once its record is committed.

use super::{Known, Ledger, Record, Recorded, StoreError};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

type Reply = mpsc::Sender<Result<Recorded, StoreError>>;

/// At most this many records share one transaction.
const BATCH: usize = 64;

pub struct SharedLedger {
    reader: Mutex<Ledger>,
    writer: Mutex<mpsc::Sender<(Record, Reply)>>,
}

impl SharedLedger {
    /// Open the ledger twice (reads, writes) and start the writer thread, which ends when the
    /// `SharedLedger` is dropped.
    ///
    /// # Errors
    /// [`StoreError`] when the ledger cannot be opened or migrated.
    pub fn open(path: &Path) -> Result<SharedLedger, StoreError> {
        let mut writing = Ledger::open(path)?;
        let reader = Mutex::new(Ledger::open(path)?);
        let (send, receive) = mpsc::channel::<(Record, Reply)>();
        std::thread::Builder::new()
            .name("ledger-writer".into())
            .spawn(move || {
                while let Ok(first) = receive.recv() {
                    let mut batch = vec![first];
                    while batch.len() < BATCH {
                        match receive.try_recv() {
                            Ok(next) => batch.push(next),
                            Err(_) => break,
                        }
                    }
                    let (records, replies): (Vec<Record>, Vec<Reply>) = batch.into_iter().unzip();
                    match writing.record_batch(&records) {
                        Ok(results) => {
                            for (reply, result) in replies.into_iter().zip(results) {
                                let _ = reply.send(result);
                            }
                        }
                        Err(e) => {
                            let message = e.to_string();
                            for reply in replies {
                                let _ = reply.send(Err(StoreError::Batch(message.clone())));
                            }
                        }
                    }
                }
            })
            .map_err(|e| StoreError::Batch(format!("cannot start the ledger writer: {e}")))?;
        Ok(SharedLedger { reader, writer: Mutex::new(send) })
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

    /// Record, and wait until the record is committed.
    ///
    /// # Errors
    /// [`StoreError`] when the record or its batch's transaction failed.
    pub fn record(&self, record: Record) -> Result<Recorded, StoreError> {
        let (reply, answer) = mpsc::channel();
        let sent = self.writer.lock().unwrap_or_else(PoisonError::into_inner).send((record, reply));
        sent.map_err(|_| StoreError::Batch("the ledger writer has stopped".into()))?;
        answer.recv().map_err(|_| StoreError::Batch("the ledger writer has stopped".into()))?
    }
}
