//! Delivering the queue. Every message is in the ledger before it is sent and marked sent only
//! once the server accepted it; temporary failures and an unreachable server are retried with
//! growing back-off (1 s, 2 s, 4 s … up to 5 min); permanent ones are recorded as failed. A
//! restart resumes the queue where it stood.

use crate::config::mail::{PASSWORD_VARIABLE, Security, Settings, Transport};
use crate::model::time::now_ms;
use crate::store::{Ledger, QueuedMail, StoreError};
use lettre::message::header::ContentType;
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport as _};
use std::path::{Path, PathBuf};

enum Failure {
    Retry(String),
    Permanent(String),
}

fn message(settings: &Settings, mail: &QueuedMail, base: &Path) -> Result<Message, Failure> {
    let to: Mailbox =
        mail.recipient.parse().map_err(|e| Failure::Permanent(format!("recipient {}: {e}", mail.recipient)))?;
    let body = match &mail.html {
        Some(html) => MultiPart::alternative_plain_html(mail.text.clone(), html.clone()),
        None => MultiPart::mixed().singlepart(SinglePart::plain(mail.text.clone())),
    };
    let mut all = MultiPart::mixed().multipart(body);
    for a in &mail.attachments {
        let (bytes, kind) = match (&a.path, &a.text) {
            (Some(path), _) => match std::fs::read(base.join(path)) {
                Ok(bytes) => (bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                // The annotated copy is a courtesy: its absence does not hold the message back.
                Err(_) => continue,
            },
            (None, Some(text)) => (text.clone().into_bytes(), "text/csv; charset=utf-8"),
            (None, None) => continue,
        };
        let kind = ContentType::parse(kind).map_err(|e| Failure::Permanent(e.to_string()))?;
        all = all.singlepart(Part::new(crate::mail::clean(&a.name)).body(bytes, kind));
    }
    Message::builder()
        .from(settings.from.clone())
        .to(to)
        .subject(crate::mail::clean(&mail.subject))
        .multipart(all)
        .map_err(|e| Failure::Permanent(e.to_string()))
}

/// The sender: delivers what is due, one message at a time, each in its own connection so a
/// broken one is simply replaced.
pub struct Sender {
    settings: Settings,
    ledger: Ledger,
    /// Attachment paths are relative to it (the outbox).
    base: PathBuf,
}

impl Sender {
    /// A sender on its own connection to the ledger, whose marks may repeat a message after a
    /// power cut but never lose one ([`Ledger::with_marks_that_may_repeat`]).
    ///
    /// # Errors
    /// [`StoreError`] when the connection cannot be set up.
    pub fn new(settings: Settings, ledger: Ledger, base: PathBuf) -> Result<Self, StoreError> {
        Ok(Sender { settings, ledger: ledger.with_marks_that_may_repeat()?, base })
    }

    fn deliver(&self, id: i64, email: &Message) -> Result<(), Failure> {
        match &self.settings.transport {
            // Named by its place in the queue and written aside: a message delivered again after a
            // crash replaces its own file instead of adding a second one.
            Transport::File(dir) => {
                crate::files::write(&self.base, &dir.join(format!("{id:08}.eml")), &email.formatted())
                    .map_err(|e| Failure::Retry(e.to_string()))
            }
            Transport::Smtp { host, port, security, username } => {
                let builder = match security {
                    Security::None => SmtpTransport::builder_dangerous(host),
                    Security::Starttls => {
                        SmtpTransport::starttls_relay(host).map_err(|e| Failure::Permanent(e.to_string()))?
                    }
                    Security::Tls => SmtpTransport::relay(host).map_err(|e| Failure::Permanent(e.to_string()))?,
                };
                let mut builder = builder.port(*port).timeout(Some(self.settings.timeout));
                if let Some(user) = username {
                    // Present: the service does not start without it.
                    let password = std::env::var(PASSWORD_VARIABLE).unwrap_or_default();
                    builder = builder.credentials(Credentials::new(user.clone(), password));
                }
                builder.build().send(email).map(|_| ()).map_err(|e| {
                    if e.is_permanent() { Failure::Permanent(e.to_string()) } else { Failure::Retry(e.to_string()) }
                })
            }
        }
    }

    /// Send what is due now; the number sent.
    ///
    /// # Errors
    /// [`StoreError`] when the queue cannot be read or updated.
    pub fn run_once(&self) -> Result<usize, StoreError> {
        let mut sent = 0;
        let mut failed_in_a_row = 0;
        for mail in self.ledger.due_mail(now_ms(), 100)? {
            match message(&self.settings, &mail, &self.base).and_then(|email| self.deliver(mail.id, &email)) {
                Ok(()) => {
                    self.ledger.mail_sent(mail.id)?;
                    sent += 1;
                    failed_in_a_row = 0;
                }
                Err(Failure::Permanent(e)) => {
                    tracing::error!(to = %mail.recipient, "mail failed for good: {e}");
                    self.ledger.mail_failed(mail.id, &e, None)?;
                }
                Err(Failure::Retry(e)) => {
                    let wait = 1000i64 << mail.attempts.clamp(0, 9);
                    tracing::warn!(to = %mail.recipient, retry_in_ms = wait.min(300_000), "mail not sent yet: {e}");
                    self.ledger.mail_failed(mail.id, &e, Some(now_ms() + wait.min(300_000)))?;
                    // One stuck message or connection does not hold the others back; two
                    // failures in a row say the server is down: the rest wait for the next pass.
                    failed_in_a_row += 1;
                    if failed_in_a_row == 2 {
                        break;
                    }
                }
            }
        }
        Ok(sent)
    }
}
