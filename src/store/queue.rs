//! What the ledger queues for an arrival: the messages composed from the facts it decided, in
//! the arrival's own transaction, so each is queued exactly once and none is lost to a crash.
//! The ledger knows nothing of how a message reads; whoever records an arrival brings the
//! composer.

use super::{Arrival, Reading, Recorded, Standing};
use serde::{Deserialize, Serialize};

/// What the ledger decided about an arrival, as its messages are composed from it.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub arrival: &'a Arrival,
    pub sha256: &'a str,
    pub recorded: &'a Recorded,
    /// What reading the file gave, when it was read.
    pub reading: Option<&'a Reading>,
    /// Why it was refused or rejected, as the ledger recorded it.
    pub reason: Option<&'a str>,
    /// The report that counts once the arrival made a version.
    pub current: Option<&'a Standing>,
}

/// Composes an arrival's messages from its facts.
pub type Compose = Box<dyn Fn(&Facts<'_>) -> Vec<Draft> + Send>;

/// A file to attach: from disk, or inline text (the findings as CSV).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub path: Option<String>,
    pub text: Option<String>,
}

/// One message to one recipient, ready for the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
}

/// What came of one attempt to deliver a queued message, to be marked on it.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    /// The server accepted it at this time (Unix milliseconds).
    Sent { at_ms: i64 },
    /// Not sent yet: tried again at `at_ms`.
    Retry { at_ms: i64, error: String },
    /// Never to be sent (a permanent failure).
    Failed { error: String },
}
