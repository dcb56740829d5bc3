//! Mail to the submitting unit: messages composed when an arrival is recorded (in the same
//! transaction, so each is queued exactly once), and a sender that delivers the queue over SMTP
//! or into `outbox/mail/` as `.eml` files, retrying with growing back-off.

mod compose;
mod send;

pub use compose::{Attachment, Draft, Notice, clean, compose};
pub use send::{Sender, Settings, Transport};

/// The `security` setting of an SMTP server.
pub mod send_security {
    pub use super::send::Security;
}
