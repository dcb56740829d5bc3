//! Delivering the queue. Every message is in the ledger before it is sent and marked sent only
//! once the server accepted it (the marks of a batch together, at least every second: a crash
//! may send a message again, never lose one); temporary failures and an unreachable server are
//! retried with growing back-off (1 s, 2 s, 4 s … up to 5 min); permanent ones are recorded as
//! failed. A restart resumes the queue where it stood.

use crate::config::mail::{PASSWORD_VARIABLE, Security, Settings, Transport};
use crate::model::time::now_ms;
use crate::store::{Delivery, Ledger, QueuedMail, StoreError};
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

enum Error {
    Connect(std::io::Error),
    /// The host cannot be verified over TLS: no retry changes that.
    Tls(lettre::transport::smtp::Error),
    Smtp(lettre::transport::smtp::Error),
}

impl From<lettre::transport::smtp::Error> for Error {
    fn from(e: lettre::transport::smtp::Error) -> Self {
        Error::Smtp(e)
    }
}

/// One message in one SMTP conversation, over a connection kinerja opens itself so that it can
/// turn Nagle's algorithm off: lettre writes a message and its end marker as two writes, and
/// with Nagle on the marker waits for the server's delayed acknowledgement of the message (40 ms
/// on Linux, on every message). lettre sets `TCP_NODELAY` itself from its next release (upstream
/// pull request 1159); until then only a connection handed to it can have it. Implicit TLS
/// (port 465) is set up by lettre on its own connection, and keeps the stall until then.
async fn smtp(host: &str, port: u16, security: Security, username: Option<&str>, email: &Message) -> Result<(), Error> {
    let hello = ClientId::default();
    let tls = || TlsParameters::new(host.to_string()).map_err(Error::Tls);
    let mut connection = if security == Security::Tls {
        AsyncSmtpConnection::connect_tokio1((host, port), None, &hello, Some(tls()?), None).await?
    } else {
        let socket = tokio::net::TcpStream::connect((host, port)).await.map_err(Error::Connect)?;
        socket.set_nodelay(true).map_err(Error::Connect)?;
        AsyncSmtpConnection::connect_with_transport(Box::new(socket), &hello).await?
    };
    if security == Security::Starttls {
        // Required, as lettre's own STARTTLS relay does: credentials never go over plain text.
        connection.starttls(tls()?, &hello).await?;
    }
    if let Some(user) = username {
        // Present: the service does not start without it.
        let password = std::env::var(PASSWORD_VARIABLE).unwrap_or_default();
        connection.auth(DEFAULT_MECHANISMS, &Credentials::new(user.to_string(), password)).await?;
    }
    connection.send(email.envelope(), &email.formatted()).await?;
    // The message is accepted; a failed goodbye changes nothing.
    let _ = connection.quit().await;
    Ok(())
}

/// The sender: delivers what is due, one message at a time, each in its own connection so a
/// broken one is simply replaced.
pub struct Sender {
    settings: Settings,
    ledger: Ledger,
    /// Attachment paths are relative to it (the outbox).
    base: PathBuf,
    /// What the SMTP conversations run on: made for the first one, then kept.
    runtime: std::cell::OnceCell<tokio::runtime::Runtime>,
}

impl Sender {
    /// A sender on its own connection to the ledger, whose marks may repeat a message after a
    /// power cut but never lose one ([`Ledger::with_marks_that_may_repeat`]).
    ///
    /// # Errors
    /// [`StoreError`] when the connection cannot be set up.
    pub fn new(settings: Settings, ledger: Ledger, base: PathBuf) -> Result<Self, StoreError> {
        let ledger = ledger.with_marks_that_may_repeat()?;
        Ok(Sender { settings, ledger, base, runtime: std::cell::OnceCell::new() })
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
                let timeout = self.settings.timeout;
                let conversation = smtp(host, *port, *security, username.as_deref(), email);
                let runtime = match self.runtime.get() {
                    Some(runtime) => runtime,
                    None => {
                        let built = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .map_err(|e| Failure::Retry(e.to_string()))?;
                        self.runtime.get_or_init(|| built)
                    }
                };
                match runtime.block_on(async { tokio::time::timeout(timeout, conversation).await }) {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(Error::Smtp(e))) if e.is_permanent() => Err(Failure::Permanent(e.to_string())),
                    Ok(Err(Error::Smtp(e))) => Err(Failure::Retry(e.to_string())),
                    Ok(Err(Error::Connect(e))) => Err(Failure::Retry(format!("connection to {host}:{port}: {e}"))),
                    Ok(Err(Error::Tls(e))) => Err(Failure::Permanent(format!("TLS for {host}: {e}"))),
                    Err(_) => Err(Failure::Retry(format!("no answer from {host}:{port} within {timeout:?}"))),
                }
            }
        }
    }

    /// Send everything that is due now, batch after batch, until nothing more is due or the
    /// server looks down (two temporary failures in a row: the rest wait for the next pass); the
    /// number sent. A burst's messages go out together, not a batch per pass.
    ///
    /// # Errors
    /// [`StoreError`] when the queue cannot be read or updated.
    pub fn run_once(&self) -> Result<usize, StoreError> {
        let mut sent = 0;
        loop {
            let due = self.ledger.due_mail(now_ms(), BATCH)?;
            let full = due.len() == BATCH as usize;
            let (delivered, down) = self.deliver_batch(due)?;
            sent += delivered;
            if down || !full {
                return Ok(sent);
            }
        }
    }

    /// Deliver `due` in order and mark what came of each, the marks of a batch written together
    /// (at least every [`MARK_AFTER`]); the number sent, and whether the server looks down.
    fn deliver_batch(&self, due: Vec<QueuedMail>) -> Result<(usize, bool), StoreError> {
        let (mut marks, mut since) = (Vec::with_capacity(due.len()), Instant::now());
        let (mut sent, mut failed_in_a_row) = (0, 0);
        for mail in due {
            let delivery =
                match message(&self.settings, &mail, &self.base).and_then(|email| self.deliver(mail.id, &email)) {
                    Ok(()) => {
                        sent += 1;
                        failed_in_a_row = 0;
                        Delivery::Sent { at_ms: now_ms() }
                    }
                    Err(Failure::Permanent(error)) => {
                        tracing::error!(to = %mail.recipient, "mail failed for good: {error}");
                        Delivery::Failed { error }
                    }
                    Err(Failure::Retry(error)) => {
                        let wait = (1000i64 << mail.attempts.clamp(0, 9)).min(300_000);
                        tracing::warn!(to = %mail.recipient, retry_in_ms = wait, "mail not sent yet: {error}");
                        // One stuck message or connection does not hold the others back; two
                        // failures in a row say the server is down.
                        failed_in_a_row += 1;
                        Delivery::Retry { at_ms: now_ms() + wait, error }
                    }
                };
            marks.push((mail.id, delivery));
            if failed_in_a_row == 2 {
                break;
            }
            if since.elapsed() >= MARK_AFTER {
                self.ledger.mark_mail(&marks)?;
                (marks, since) = (Vec::new(), Instant::now());
            }
        }
        self.ledger.mark_mail(&marks)?;
        Ok((sent, failed_in_a_row == 2))
    }
}

/// How many due messages one look at the queue takes, bodies and all. Sending now overlaps a
/// burst's reading, so what the mailer holds adds to the burst's peak: a 2,000-file burst peaked
/// at 1.25 times a 20-file one with 100 at a look, 1.14-1.17 with 25, which send 1,000
/// receipts as soon (the last 0.28 s after the last record, against 0.31).
const BATCH: i64 = 25;

/// Marks of delivered messages wait at most this long to be written: a crash sends again only
/// what was delivered within it.
const MARK_AFTER: Duration = Duration::from_secs(1);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Draft;

    /// A burst queues more than one look at the queue takes: one pass sends them all, each
    /// message marked once, and one that can never be sent is marked failed on the way.
    #[test]
    fn one_pass_sends_everything_due_batch_after_batch() {
        let dir = std::env::temp_dir().join(format!("kinerja-send-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ledger.sqlite");
        let ledger = Ledger::open(&path).unwrap();
        let draft = |recipient: &str| Draft {
            kind: "receipt",
            recipient: recipient.into(),
            subject: "[kinerja] KR07 TAHUNAN 2024: diterima".into(),
            text: "Laporan diterima.".into(),
            html: None,
            attachments: vec![],
        };
        let queued = 2 * BATCH + 1;
        for n in 0..queued {
            let recipient = if n == BATCH / 2 { "bukan alamat" } else { "kanreg7@bkn.go.id" };
            ledger.enqueue(&format!("arrival-{n}"), &[draft(recipient)]).unwrap();
        }
        let mut settings = crate::config::Config::builtin().mail;
        settings.transport = Transport::File(dir.join("mail"));
        let sender = Sender::new(settings, Ledger::open(&path).unwrap(), dir.clone()).unwrap();

        assert_eq!(sender.run_once().unwrap(), usize::try_from(queued - 1).unwrap());
        assert!(ledger.due_mail(i64::MAX, 1_000).unwrap().is_empty());
        let files = std::fs::read_dir(dir.join("mail")).unwrap().count();
        assert_eq!(files, usize::try_from(queued - 1).unwrap());
        let marked: Vec<(String, i64, i64)> = rusqlite::Connection::open(&path)
            .unwrap()
            .prepare("SELECT status, COUNT(*), MAX(attempts) FROM mail_queue GROUP BY status ORDER BY status")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(marked, [("failed".to_string(), 1, 1), ("sent".to_string(), queued - 1, 1)]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
