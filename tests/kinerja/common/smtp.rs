//! A real SMTP server on loopback for the tests: it speaks the protocol (EHLO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT) over TCP and keeps every message it accepts.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// One accepted message: its envelope recipients and its data as sent.
#[derive(Debug, Clone)]
#[allow(dead_code)] // the benchmark that shares this file reads only the time
pub struct Received {
    pub recipients: Vec<String>,
    pub data: String,
    /// When the server accepted it, in Unix milliseconds.
    pub at_ms: i64,
}

pub struct SmtpServer {
    pub port: u16,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    /// Listen on `port` (0: any free one).
    pub fn start(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("loopback port");
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let store = store.clone();
                std::thread::spawn(move || {
                    let _ = converse(stream, &store);
                });
            }
        });
        SmtpServer { port, received }
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn converse(stream: TcpStream, store: &Mutex<Vec<Received>>) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut input = BufReader::new(stream);
    out.write_all(b"220 localhost ESMTP test\r\n")?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_uppercase();
        if command.starts_with("EHLO") || command.starts_with("HELO") {
            out.write_all(b"250-localhost\r\n250 8BITMIME\r\n")?;
        } else if command.starts_with("MAIL FROM") {
            recipients.clear();
            out.write_all(b"250 OK\r\n")?;
        } else if command.starts_with("RCPT TO") {
            let address = line.trim_end()[8..].trim().trim_start_matches('<').trim_end_matches('>').to_string();
            recipients.push(address);
            out.write_all(b"250 OK\r\n")?;
        } else if command == "DATA" {
            out.write_all(b"354 go ahead\r\n")?;
            let mut data = String::new();
            loop {
                line.clear();
                input.read_line(&mut line)?;
                if line == ".\r\n" || line.is_empty() {
                    break;
                }
                data.push_str(&line);
            }
            let at_ms =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
            store.lock().unwrap().push(Received { recipients: recipients.clone(), data, at_ms });
            out.write_all(b"250 OK queued\r\n")?;
        } else if command == "QUIT" {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            out.write_all(b"250 OK\r\n")?;
        }
    }
}

#[allow(dead_code)] // used by the tests, not by the benchmark that shares this file
/// The body of the MIME part whose headers mention `marker` (a file name), decoded from base64
/// or quoted-printable as its headers say.
pub fn attachment(data: &str, marker: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let start = data.find(marker)?;
    let rest = &data[start..];
    let body_start = rest.find("\r\n\r\n")? + 4;
    let headers = &rest[..body_start];
    let body = &rest[body_start..];
    let body = &body[..body.find("\r\n--").unwrap_or(body.len())];
    if headers.contains("Content-Transfer-Encoding: 7bit") || headers.contains("Content-Transfer-Encoding: 8bit") {
        return Some(body.as_bytes().to_vec());
    }
    if headers.contains("quoted-printable") {
        let joined = body.replace("=\r\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'=' && i + 2 < bytes.len() + 1 {
                out.push(u8::from_str_radix(&joined[i + 1..i + 3], 16).ok()?);
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        return Some(out);
    }
    let encoded: String = body.split_whitespace().collect();
    base64::engine::general_purpose::STANDARD.decode(encoded).ok()
}

#[allow(dead_code)] // used by the tests, not by the benchmark that shares this file
/// The plain-text body of a message, decoded, with `\n` line ends.
pub fn plain(data: &str) -> String {
    let body = attachment(data, "text/plain").unwrap_or_else(|| panic!("no text/plain part: {data}"));
    String::from_utf8(body).unwrap().replace("\r\n", "\n")
}
