//! Delivering the queue. Every message is in the ledger before it is sent and marked sent only
//! once the server accepted it; temporary failures and an unreachable server are retried with
//! growing back-off (1 s, 2 s, 4 s … up to 5 min); permanent ones are recorded as failed. A
//! restart resumes the queue where it stood.

use crate::config::mail::{PASSWORD_VARIABLE, Security, Settings, Transport};
use crate::model::time::now_ms;
use crate::store::{Ledger, QueuedMail, StoreError};
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
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
