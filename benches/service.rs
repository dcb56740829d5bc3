//! `cargo bench --bench service`: the real `kinerja serve` on a temporary directory.
//!
//! - latency: from the moment a file is complete in the inbox (renamed into place) to its
//!   ledger record, minus the settle window; median and p99 over files dropped one by one.
//!   Target: median below 50 ms.
//! - throughput: a burst of 500 distinct files (of one unit, then from 14 units), from the first
//!   take to the last record, next to
//!   the comparator: the same workbook checked in-process back to back on as many threads as
//!   the service has workers (the reading itself).

#[path = "../tests/kinerja/common/distinct.rs"]
mod distinct;
#[path = "../tests/kinerja/common/smtp.rs"]
mod smtp;

use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::time::now_ms;
use kinerja::store::Ledger;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SETTLE_MS: i64 = 200;
const WORKERS: usize = 2;

struct Service {
    dir: PathBuf,
    child: Child,
}

impl Service {
    fn start(name: &str, extra: &str) -> Service {
        let dir = std::env::temp_dir().join(format!("kinerja-bench-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config = format!("settle = \"{SETTLE_MS}ms\"\npoll_interval = \"1s\"\nworkers = {WORKERS}\n{extra}");
        std::fs::write(dir.join("kinerja.toml"), config).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "serve"])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while !dir.join("inbox/KR07").is_dir() {
            std::thread::sleep(Duration::from_millis(10));
        }
        Service { dir, child }
    }

    /// Write aside, rename into place: the file is complete at the returned instant.
    fn drop_file(&self, name: &str, bytes: &[u8]) -> i64 {
        self.drop_in("KR07", name, bytes)
    }

    fn drop_in(&self, unit: &str, name: &str, bytes: &[u8]) -> i64 {
        let part = self.dir.join(format!("inbox/{unit}/.{name}.part"));
        std::fs::write(&part, bytes).unwrap();
        std::fs::rename(&part, self.dir.join("inbox").join(unit).join(name)).unwrap();
        now_ms()
    }

    fn timings(&self) -> Vec<(String, i64, i64)> {
        Ledger::open(&self.dir.join("state/ledger.sqlite")).unwrap().timings().unwrap()
    }

    fn wait_for(&self, count: usize) -> Vec<(String, i64, i64)> {
        let start = Instant::now();
        loop {
            let timings = self.timings();
            if timings.len() >= count {
                return timings;
            }
            assert!(start.elapsed() < Duration::from_secs(600), "service stalled");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Peak resident memory of the service so far, in MiB.
    fn peak_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn percentile(sorted: &[i64], p: f64) -> i64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_budget_columns.xlsx");
    let content = std::fs::read(&fixture).unwrap();

    let service = Service::start("latency", "");
    let mut dropped = HashMap::new();
    for i in 0..60 {
        let name = format!("laporan-{i:03}.xlsx");
        dropped.insert(name.clone(), service.drop_file(&name, &distinct::distinct_copy(&content, &name)));
        std::thread::sleep(Duration::from_millis(120));
    }
    let mut latency: Vec<i64> =
        service.wait_for(60).iter().map(|(name, _, recorded)| recorded - dropped[name] - SETTLE_MS).collect();
    latency.sort();
    println!(
        "drop → ledger record, after the {SETTLE_MS} ms settle window ({} files): median {} ms, p99 {} ms (target: median < 50 ms)",
        latency.len(),
        percentile(&latency, 0.5),
        percentile(&latency, 0.99)
    );
    drop(service);

    let service = Service::start("burst", "");
    let copies: Vec<Vec<u8>> = (0..500).map(|i| distinct::distinct_copy(&content, &format!("burst {i}"))).collect();
    for (i, copy) in copies.iter().enumerate() {
        service.drop_file(&format!("burst-{i:03}.xlsx"), copy);
    }
    let timings = service.wait_for(500);
    let first_taken = timings.iter().map(|t| t.1).min().unwrap();
    let last_recorded = timings.iter().map(|t| t.2).max().unwrap();
    let service_rate = 500.0 / ((last_recorded - first_taken) as f64 / 1000.0);
    let peak = service.peak_mib();
    drop(service);

    // The same burst from the 14 Kantor Regional, each its own report: units run in parallel,
    // each unit's files one after the other.
    let service = Service::start("burst-units", "");
    let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"];
    let seats = [
        "Yogyakarta",
        "Surabaya",
        "Bandung",
        "Makassar",
        "Jakarta",
        "Medan",
        "Palembang",
        "Banjarmasin",
        "Jayapura",
        "Denpasar",
        "Manado",
        "Pekanbaru",
        "Banda Aceh",
        "Manokwari",
    ];
    let reports: Vec<Vec<u8>> =
        romans.iter().zip(seats).map(|(roman, seat)| distinct::report_of_kanreg(&content, roman, seat)).collect();
    for i in 0..500 {
        let unit = format!("KR{:02}", i % 14 + 1);
        service.drop_in(
            &unit,
            &format!("burst-{i:03}.xlsx"),
            &distinct::distinct_copy(&reports[i % 14], &format!("{i}")),
        );
    }
    let timings = service.wait_for(500);
    let first_taken = timings.iter().map(|t| t.1).min().unwrap();
    let last_recorded = timings.iter().map(|t| t.2).max().unwrap();
    let units_rate = 500.0 / ((last_recorded - first_taken) as f64 / 1000.0);
    drop(service);

    // Drop → message accepted by an SMTP server on loopback.
    let server = smtp::SmtpServer::start(0);
    let mail = format!(
        "[[unit]]\ncode = \"KR07\"\nemail = [\"kanreg7@bkn.go.id\"]\n\n[mail]\ntransport = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n",
        server.port
    );
    let service = Service::start("mail", &mail);
    let mut dropped = Vec::new();
    for i in 0..40 {
        let name = format!("surel-{i:03}.xlsx");
        dropped.push(service.drop_file(&name, &distinct::distinct_copy(&content, &name)));
        std::thread::sleep(Duration::from_millis(150));
    }
    let start = Instant::now();
    while server.messages().len() < 40 {
        assert!(start.elapsed() < Duration::from_secs(120), "mail stalled");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut received: Vec<i64> = server.messages().iter().map(|m| m.at_ms).collect();
    received.sort();
    let mut mail_latency: Vec<i64> = received.iter().zip(&dropped).map(|(r, d)| r - d - SETTLE_MS).collect();
    mail_latency.sort();
    println!(
        "drop → message accepted by the SMTP server, after the settle window ({} files): median {} ms, p99 {} ms",
        mail_latency.len(),
        percentile(&mail_latency, 0.5),
        percentile(&mail_latency, 0.99)
    );
    drop(service);

    let config = Config::builtin();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                for _ in 0..500 / WORKERS {
                    std::hint::black_box(kinerja::check::check(&fixture, &config, &Overrides::default()));
                }
            });
        }
    });
    let reading_rate = 500.0 / start.elapsed().as_secs_f64();
    println!(
        "burst of 500 files of one unit (one after the other): {service_rate:.0} files/s; from 14 units: \
         {units_rate:.0} files/s ({WORKERS} workers, peak RSS {peak:.1} MiB); reading alone on {WORKERS} threads: \
         {reading_rate:.0} files/s"
    );
}
