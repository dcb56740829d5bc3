//! `kinerja serve` end to end: the real binary on a temporary directory, the real file system,
//! the real SQLite ledger.

use crate::common::{distinct_copy, fixture};
use kinerja::config::Config;
use kinerja::store::Ledger;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running service in its own temporary directory; killed when dropped.
pub struct Service {
    pub dir: PathBuf,
    child: Option<Child>,
    /// Services share the machine; a test that measures latency runs alone (see [`alone`]).
    _sharing: Option<std::sync::RwLockReadGuard<'static, ()>>,
}

static MACHINE: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// The machine to oneself: no other test's service runs until the guard is dropped. For the
/// tests that measure latency; the others share it.
pub fn alone() -> std::sync::RwLockWriteGuard<'static, ()> {
    MACHINE.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Write `bytes` to `path`, last modified `age` seconds ago.
fn write_aged(path: &Path, bytes: &[u8], age: u64) {
    std::fs::write(path, bytes).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::now() - Duration::from_secs(age)).unwrap();
}

impl Service {
    pub fn start(name: &str) -> Service {
        Service::start_with(name, "settle = \"200ms\"\npoll_interval = \"500ms\"\nworkers = 2\n")
    }

    pub fn start_with(name: &str, config: &str) -> Service {
        let sharing = MACHINE.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut service = Service::create(name, config);
        service._sharing = Some(sharing);
        service.spawn();
        service
    }

    /// A workplace with its configuration, the service not yet started.
    pub fn create(name: &str, config: &str) -> Service {
        let dir = std::env::temp_dir().join(format!("kinerja-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("kinerja.toml"), config).unwrap();
        Service { dir, child: None, _sharing: None }
    }

    pub fn spawn(&mut self) {
        let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "serve"])
            .current_dir(&self.dir)
            .stdout(Stdio::null())
            .stderr(
                std::fs::File::create(self.dir.join(format!("serve-{}.log", kinerja::model::time::now_ms()))).unwrap(),
            )
            .spawn()
            .expect("the service starts");
        self.child = Some(child);
        wait_for("the unit folders", Duration::from_secs(20), || self.inbox("KR07").is_dir());
    }

    pub fn inbox(&self, unit: &str) -> PathBuf {
        self.dir.join("inbox").join(unit)
    }

    /// Drop a file the way a careful copier does: write aside, then rename into place. (The
    /// service makes the units' folders one after the other as it starts; a test may reach one
    /// first.)
    pub fn drop_file(&self, folder: &str, name: &str, bytes: &[u8]) {
        let folder = if folder.is_empty() { self.dir.join("inbox") } else { self.inbox(folder) };
        std::fs::create_dir_all(&folder).unwrap();
        let part = folder.join(format!(".{name}.part"));
        std::fs::write(&part, bytes).unwrap();
        std::fs::rename(&part, folder.join(name)).unwrap();
    }

    /// Drop `files` into `folder` at once, each older than the next by a second, as a unit's
    /// files copied in one go arrive in the order of their modification times.
    pub fn drop_in_order(&self, folder: &str, files: &[(&str, Vec<u8>)]) {
        for (i, (name, bytes)) in files.iter().enumerate() {
            let part = self.inbox(folder).join(format!(".{name}.part"));
            write_aged(&part, bytes, (files.len() - i) as u64);
            std::fs::rename(&part, self.inbox(folder).join(name)).unwrap();
        }
    }

    /// The findings recorded for the submission of `file`, in order: (code, severity, subject).
    pub fn findings_of(&self, file: &str) -> Vec<(String, String, String)> {
        self.rows(
            "SELECT f.code, f.severity, f.subject FROM findings f JOIN submissions s ON s.id = f.submission_id
              WHERE s.file_name = ?1 ORDER BY f.seq",
            [file],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// The codes of the findings recorded for the submission of `file`, in order.
    pub fn codes_of(&self, file: &str) -> Vec<String> {
        self.findings_of(file).into_iter().map(|f| f.0).collect()
    }

    /// The codes of the error findings recorded for the submission of `file`, in order.
    pub fn errors_of(&self, file: &str) -> Vec<String> {
        self.findings_of(file).into_iter().filter(|f| f.1 == "error").map(|f| f.0).collect()
    }

    pub fn ledger(&self) -> Ledger {
        Ledger::open(&self.dir.join("state/ledger.sqlite")).unwrap()
    }

    /// The rows `sql` selects from the ledger, each as `row` reads it.
    pub fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Vec<T> {
        let conn = rusqlite::Connection::open(self.dir.join("state/ledger.sqlite")).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map(params, row).unwrap().map(Result::unwrap).collect()
    }

    /// Every arrival's (folder, outcome, reason), in the order taken.
    pub fn outcomes(&self) -> Vec<(String, String, Option<String>)> {
        self.rows("SELECT folder, outcome, reason FROM arrivals ORDER BY id", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
    }

    /// (new, duplicate, rejected arrivals, submissions).
    pub fn counts(&self) -> (i64, i64, i64, i64) {
        self.ledger().counts().unwrap()
    }

    pub fn arrivals(&self) -> i64 {
        let (new, duplicate, rejected, _) = self.counts();
        new + duplicate + rejected
    }

    /// Drop each (file name, fixture) into `folder` in turn, each recorded before the next is
    /// dropped: the arrival order a test means.
    pub fn drop_one_by_one(&self, folder: &str, drops: &[(&str, &str)]) {
        let before = self.arrivals();
        for (i, (name, fixture)) in drops.iter().enumerate() {
            self.drop_file(folder, name, &bytes(fixture));
            self.wait_for_arrivals(name, before + i as i64 + 1, Duration::from_secs(20));
        }
    }

    /// Wait until `count` arrivals are recorded and their files have left `processing/` (a file
    /// is moved right after its record is committed).
    pub fn wait_for_arrivals(&self, what: &str, count: i64, limit: Duration) {
        let done = waited(limit, || self.arrivals() == count && self.files_in("state/processing").is_empty());
        let processing = self.files_in("state/processing");
        assert!(
            done,
            "timed out waiting for {what}: {} of {count} recorded, in processing {processing:?}",
            self.arrivals()
        );
    }

    /// `kinerja status --format json` with `args`.
    pub fn status(&self, args: &[&str]) -> serde_json::Value {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "status", "--format", "json"])
            .args(args)
            .current_dir(&self.dir)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// SIGTERM, and wait for the graceful stop.
    pub fn stop(&mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
        child.wait().unwrap()
    }

    /// The plain text of every message written to `outbox/mail` (mail to files), not a file
    /// being written beside them.
    pub fn mail_texts(&self) -> Vec<String> {
        let written = self.files_in("outbox/mail").into_iter().filter(|m| m.extension().is_some_and(|e| e == "eml"));
        written.map(|m| crate::common::smtp::plain(&std::fs::read_to_string(m).unwrap())).collect()
    }

    /// The plain text of every message written about the file named `name` ("Berkas: name").
    pub fn mail_texts_about(&self, name: &str) -> Vec<String> {
        self.mail_texts().into_iter().filter(|t| t.contains(&format!("Berkas: {name}"))).collect()
    }

    /// The subject of every message written, in the order queued (a long header unfolded).
    pub fn mail_subjects(&self) -> Vec<String> {
        let written = self.files_in("outbox/mail").into_iter().filter(|m| m.extension().is_some_and(|e| e == "eml"));
        let unfolded = written.map(|m| std::fs::read_to_string(m).unwrap().replace("\r\n ", " ").replace("\n ", " "));
        unfolded.map(|m| m.lines().find_map(|l| l.strip_prefix("Subject: ")).unwrap_or_default().to_string()).collect()
    }

    pub fn files_in(&self, sub: &str) -> Vec<PathBuf> {
        let mut files = Vec::new();
        let mut stack = vec![self.dir.join(sub)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() { stack.push(path) } else { files.push(path) }
            }
        }
        files.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
        files.sort();
        files
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.kill();
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

pub fn wait_for(what: &str, limit: Duration, done: impl FnMut() -> bool) {
    assert!(waited(limit, done), "timed out waiting for {what}");
}

/// Whether `done` came true within about `limit`: counted in polls, not on a clock, since a
/// virtual machine paused and resumed moves its clocks on by the pause, which the service never had.
fn waited(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    const POLL: Duration = Duration::from_millis(20);
    for _ in 0..limit.as_millis().div_ceil(POLL.as_millis()) {
        if done() {
            return true;
        }
        std::thread::sleep(POLL);
    }
    done()
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn sha(bytes: &[u8]) -> String {
    kinerja::check::sha256(bytes)
}

#[test]
fn a_slow_copy_is_taken_once_after_it_completes() {
    let service = Service::start("slow");
    let content = bytes("kr07_2024_budget_columns.xlsx");
    let target = service.inbox("KR07").join("laporan.xlsx");
    let mut file = std::fs::File::create(&target).unwrap();
    // Ten chunks, 350 ms apart: each pause is longer than the settle window.
    let chunks: Vec<&[u8]> = content.chunks(content.len().div_ceil(10)).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        use std::io::Write;
        file.write_all(chunk).unwrap();
        file.flush().unwrap();
        if i + 1 < chunks.len() {
            std::thread::sleep(Duration::from_millis(350));
            assert_eq!(service.arrivals(), 0, "taken before the copy completed");
        }
    }
    drop(file);
    service.wait_for_arrivals("the slow copy", 1, Duration::from_secs(20));
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(service.counts(), (1, 0, 0, 1));
    let archived = service.files_in("state/archive");
    assert_eq!(archived, [service.dir.join(format!("state/archive/{}.xlsx", sha(&content)))]);
    assert_eq!(std::fs::read(&archived[0]).unwrap(), content);
    assert!(!target.exists());
}

#[test]
fn lock_and_temporary_files_are_left_alone() {
    let service = Service::start("locks");
    let content = bytes("kr07_2024_capaian.xlsx");
    for name in ["~$laporan.xlsx", ".~lock.laporan.xlsx#", "laporan.xlsx.tmp", "unduhan.xlsx.crdownload", "salin.part"]
    {
        std::fs::write(service.inbox("KR07").join(name), &content).unwrap();
    }
    service.drop_file("KR07", "laporan.xlsx", &content);
    service.wait_for_arrivals("the real file", 1, Duration::from_secs(20));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(service.arrivals(), 1);
    let left: Vec<String> =
        service.files_in("inbox/KR07").iter().map(|p| p.file_name().unwrap().to_string_lossy().into()).collect();
    assert_eq!(left.len(), 5, "{left:?}");
}

#[test]
fn resubmission_supersedes_and_duplicates_are_recognised() {
    let mut service = Service::start("versions");
    service.drop_file("KR07", "laporan v1.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.wait_for_arrivals("version 1", 1, Duration::from_secs(20));
    service.drop_file("KR07", "laporan v2.xlsx", &bytes("kr07_2024_budget_columns.xlsx"));
    service.wait_for_arrivals("version 2", 2, Duration::from_secs(20));
    // Dropped in the inbox root, and a BKN report in Kanreg VII's folder: both refused, neither
    // filed as a submission (the BKN report stays BKN's to send).
    service.drop_file("", "salah tempat.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.drop_file("KR07", "bkn.xlsx", &bytes("bkn_2023_scorecard.xlsx"));
    service.wait_for_arrivals("the rejections", 4, Duration::from_secs(20));
    service.drop_file("KR07", "laporan v2 (salinan).xlsx", &bytes("kr07_2024_budget_columns.xlsx"));
    service.wait_for_arrivals("the duplicate", 5, Duration::from_secs(20));
    assert_eq!(service.counts(), (2, 1, 2, 2));

    let status = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "status", "--year", "2024", "--period", "TAHUNAN"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    let text = String::from_utf8(status.stdout).unwrap();
    let kr07: Vec<&str> = text.lines().filter(|l| l.starts_with("KR07")).collect();
    assert!(kr07[0].contains("diterima") && kr07[0].contains("laporan v2.xlsx"), "{text}");
    assert!(kr07[1].contains("duplikat") && kr07[1].contains("laporan v2 (salinan).xlsx"), "{text}");
    let bkn = text.lines().find(|l| l.starts_with("BKN ")).unwrap();
    assert!(bkn.contains("belum mengirim"), "{text}");

    let json = service.status(&["--year", "2024", "--period", "TAHUNAN", "--unit", "KR07"]);
    let rows = json["rows"].as_array().unwrap();
    assert_eq!((rows[0]["version"].as_i64(), rows[0]["outcome"].as_str()), (Some(2), Some("diterima")));
    assert_eq!(rows[1]["outcome"], "duplikat");
    assert_eq!(service.files_in("state/archive").len(), 2);
    assert_eq!(service.files_in("state/rejected").len(), 2);
    assert!(service.files_in("inbox").is_empty());
    assert!(service.stop().success());

    // Read a stored submission again, by id and by a prefix of its hash.
    let reprocess = |key: &str| {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "reprocess", key])
            .current_dir(&service.dir)
            .output()
            .unwrap()
    };
    let by_id = reprocess("2");
    assert_eq!(by_id.status.code(), Some(0));
    let said = String::from_utf8_lossy(&by_id.stdout);
    assert!(said.contains("Submission 2 read again"), "{said}");
    // Its consolidated workbook follows the ledger.
    assert!(said.contains("Rekap Kinerja 2024 TAHUNAN.xlsx"), "{said}");
    let prefix = &sha(&bytes("kr07_2024_capaian.xlsx"))[..10];
    assert!(String::from_utf8_lossy(&reprocess(prefix).stdout).contains("Submission 1 read again"));
    assert_eq!(reprocess("999").status.code(), Some(2));

    // Nothing is mailed by a reprocess unless asked; asked, the unit hears the new result of
    // the version that counts, and only of that one.
    let mails = || service.files_in("outbox/mail").len();
    let before = mails();
    let notify = |key: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "reprocess", key, "--notify"])
            .current_dir(&service.dir)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(notify("1").contains("not the version that counts"));
    assert_eq!(mails(), before);
    assert!(notify("2").contains("1 messages queued for KR07, 1 sent"));
    assert_eq!(mails(), before + 1);
}

/// `reprocess` records what the service recorded when nothing about reading changed: each
/// version reviewed against the agreement and the version before it, not against none (which
/// changed the NPSS) nor against the version that counts now.
#[test]
fn reading_a_submission_again_reviews_it_as_the_service_did() {
    let mut service = Service::start("reprocess-context");
    let drops = [
        ("pk.xlsx", "kr07_2024_agreement_kode.xlsx"),
        ("laporan.xlsx", "kr07_2024_review_errors.xlsx"),
        ("laporan perbaikan.xlsx", "kr07_2024_capaian.xlsx"),
    ];
    service.drop_one_by_one("KR07", &drops);
    assert!(service.stop().success());
    let recorded = |id: i64| -> Vec<(String, String, String, String, String)> {
        let mut rows = service.rows(
            "SELECT 'NPSS', '', COALESCE(npss, ''), errors, '' FROM submissions WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?.to_string(), r.get(4)?)),
        );
        rows.extend(service.rows(
            "SELECT code, COALESCE(sheet || '!' || cell, ''), subject, found, expected FROM findings
              WHERE submission_id = ?1 ORDER BY seq",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        ));
        rows
    };
    for id in [2, 3] {
        let before = recorded(id);
        assert!(before.len() > 1, "{before:?}");
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "reprocess", &id.to_string()])
            .current_dir(&service.dir)
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&output.stdout).contains("read again"), "{output:?}");
        assert_eq!(recorded(id), before, "submission {id}");
    }
    let codes = |id: i64| recorded(id).into_iter().map(|row| row.0).collect::<Vec<_>>();
    assert!(codes(2).contains(&"TARGET_MISMATCH".to_string()) && !codes(2).contains(&"CHANGED".to_string()));
    assert!(codes(3).contains(&"CHANGED".to_string()), "{:?}", codes(3));
}

/// A report whose every realisasi is the unit's report of an earlier period's (last quarter's
/// file sent again under this period's title, or a quarter that changed nothing) is told so, a
/// warning that blocks nothing; a report that changed since says nothing. Each held to the latest
/// period before its own that the unit reported. So is a report carrying another unit's figures
/// for the same period (its report copied and retitled).
#[test]
fn a_report_unchanged_since_an_earlier_period_is_said() {
    let mut service = Service::start("unchanged");
    let drops = [
        // TW II: IKU 3 at 85.
        ("Capaian TW II 2024.xlsx", "kr07_2024_quarter_sheets.xlsx"),
        // The year's, against TW II: changed.
        ("laporan tahunan.xlsx", "kr07_2024_capaian.xlsx"),
        // TW III, against TW II: changed; its figures are the year's.
        ("Capaian TW III 2024.xlsx", "kr07_2024_quarter_sheets_next_empty.xlsx"),
        // The year's again, against TW III: unchanged.
        ("laporan tahunan perbaikan.xls", "kr07_2024_capaian.xls"),
    ];
    service.drop_one_by_one("KR07", &drops);
    // Kanreg VIII's year, Kanreg VII's figures under its own titles.
    service.drop_one_by_one("KR08", &[("Laporan Kinerja KR08 2024.xlsx", "kr08_2024_copied_from_kr07.xlsx")]);
    assert!(service.stop().success());
    for (name, _) in &drops[..3] {
        assert!(!service.codes_of(name).contains(&"PERIOD_UNCHANGED".to_string()), "{name}");
    }
    let unchanged: Vec<(String, String, String)> = service.rows(
        "SELECT f.severity, f.found, s.errors FROM findings f JOIN submissions s ON s.id = f.submission_id
          WHERE f.code = 'PERIOD_UNCHANGED'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?.to_string())),
    );
    assert_eq!(unchanged, [("warning".to_string(), "TW3 2024".to_string(), "0".to_string())]);
    assert!(service.codes_of("laporan tahunan perbaikan.xls").contains(&"PERIOD_UNCHANGED".to_string()));
    let copied: Vec<(String, String, String)> = service.rows(
        "SELECT s.unit, f.subject, f.found FROM findings f JOIN submissions s ON s.id = f.submission_id
          WHERE f.code = 'FIGURES_OF_OTHER_UNIT'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    let said = ("KR08".to_string(), "KR07".to_string(), "Kantor Regional VII BKN Palembang".to_string());
    assert_eq!(copied, [said]);
    // Read again, each is compared with what had arrived when it did: KR07's year names no
    // KR08 that came after it, KR08's still names KR07.
    for file in ["laporan tahunan perbaikan.xls", "Laporan Kinerja KR08 2024.xlsx"] {
        let before = service.codes_of(file);
        let id: Vec<i64> = service.rows("SELECT id FROM submissions WHERE file_name = ?1", [file], |r| r.get(0));
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "reprocess", &id[0].to_string()])
            .current_dir(&service.dir)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        assert_eq!(service.codes_of(file), before, "{file}");
    }
}

/// A kept file that is no longer what was received (damaged, or replaced by hand) is not read as
/// its submission: `reprocess` and `annotate` refuse, and the ledger keeps its record.
#[test]
fn a_changed_kept_file_is_not_read_as_its_submission() {
    let mut service = Service::start("reprocess-changed");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    assert!(service.stop().success());
    let kept = service.files_in("state/archive").pop().unwrap();
    std::fs::write(&kept, bytes("kr07_2024_review_errors.xlsx")).unwrap();
    let findings = || service.rows("SELECT code FROM findings ORDER BY seq", [], |r| r.get::<_, String>(0));
    let before = findings();
    for command in ["reprocess", "annotate"] {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", command, "1"])
            .current_dir(&service.dir)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command}: {said}");
        assert!(said.contains("is not the file submission 1 was received as"), "{command}: {said}");
    }
    assert_eq!(findings(), before);
    assert!(service.files_in("outbox/2024/KR07").is_empty());
}

/// A reading of another year (or an outcome that flips) replaces nothing: which version counts
/// rests on what the submission is.
#[test]
fn a_reading_of_another_identity_replaces_nothing() {
    use kinerja::store::{Arrival, Decision, Reading, Record, Recorded, StoreError};
    let dir = std::env::temp_dir().join(format!("kinerja-reidentified-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ledger.sqlite");
    let mut ledger = Ledger::open(&path).unwrap();
    let overrides = kinerja::ingest::Overrides { unit: Some("KR07".into()), ..Default::default() };
    let reading = kinerja::check::check(&fixture("kr07_2024_capaian.xlsx"), &Config::builtin(), &overrides).reading();
    let record = Record {
        arrival: Arrival { id: "a1".into(), folder: "KR07".into(), file_name: "laporan.xlsx".into(), received_ms: 1 },
        sha256: "5a".into(),
        decision: Decision::Read { reading: Box::new(reading.clone()), rejected: None },
        stored_path: "archive/5a.xlsx".into(),
        messages: None,
    };
    let Ok(Recorded::New { submission_id, .. }) = ledger.record(&record) else { panic!("recorded") };
    let errors = || -> i64 {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("SELECT errors FROM submissions", [], |r| r.get(0))
            .unwrap()
    };
    let recorded = errors();
    let other_year = Reading { year: Some(2023), errors: recorded + 7, ..reading.clone() };
    let refused = ledger.replace_reading(submission_id, &other_year, None).unwrap_err().to_string();
    assert!(refused.contains("is KR07 2023 TAHUNAN realisasi, accepted, where the ledger has KR07 2024"), "{refused}");
    let more_errors = Reading { errors: recorded + 7, ..reading };
    assert!(matches!(
        ledger.replace_reading(submission_id, &more_errors, Some("tidak dapat dibaca")),
        Err(StoreError::Reidentified { .. })
    ));
    assert_eq!(errors(), recorded);
    ledger.replace_reading(submission_id, &more_errors, None).unwrap();
    assert_eq!(errors(), recorded + 7);
    drop(ledger);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_burst_of_500_files_is_all_accounted_for() {
    let service = Service::start("burst");
    let content = bytes("kr07_2024_capaian.xlsx");
    for i in 0..500 {
        // Each a distinct content: a new version of Kanreg VII's report.
        let copy = distinct_copy(&content, &format!("salinan {i}"));
        service.drop_file("KR07", &format!("laporan-{i:03}.xlsx"), &copy);
    }
    service.wait_for_arrivals("500 files", 500, Duration::from_secs(300));
    assert_eq!(service.counts(), (500, 0, 0, 500));
    assert_eq!(service.files_in("state/archive").len(), 500);
    assert_eq!(service.status(&["--unit", "KR07"])["rows"][0]["version"], 500);
    assert!(service.files_in("inbox").is_empty());
    assert!(service.files_in("state/processing").is_empty());
}

#[test]
fn killed_at_random_moments_it_loses_nothing_and_counts_nothing_twice() {
    let mut service = Service::start("crash");
    let content = bytes("kr07_2024_capaian.xlsx");
    let mut seed = kinerja::model::time::now_ms() as u64 | 1;
    let mut random = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let mut dropped = Vec::new();
    for round in 0..6 {
        for i in 0..25 {
            let n = round * 25 + i;
            // Every fifth file repeats the content of the one before, under another name.
            let same_as = if n % 5 == 1 { n - 1 } else { n };
            let copy = distinct_copy(&content, &format!("crash {same_as}"));
            let name = format!("laporan-{n:03}.xlsx");
            service.drop_file("KR07", &name, &copy);
            dropped.push((name, sha(&copy)));
            std::thread::sleep(Duration::from_millis(random(40)));
        }
        std::thread::sleep(Duration::from_millis(random(400)));
        service.kill();
        service.spawn();
    }
    wait_for("every dropped file", Duration::from_secs(120), || {
        service.arrivals() == dropped.len() as i64 && service.files_in("state/processing").is_empty()
    });
    std::thread::sleep(Duration::from_millis(800));
    assert!(service.stop().success());
    let ledger = service.ledger();
    let (new, duplicate, rejected, submissions) = ledger.counts().unwrap();
    let contents: std::collections::HashSet<&String> = dropped.iter().map(|(_, sha)| sha).collect();
    assert_eq!(rejected, 0);
    assert_eq!(new + duplicate, dropped.len() as i64, "one arrival per dropped file");
    assert_eq!(submissions, contents.len() as i64, "one submission per content");
    assert_eq!(new, contents.len() as i64);
    let archive: Vec<String> = service
        .files_in("state/archive")
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(archive.len(), contents.len());
    for sha in &contents {
        assert!(archive.contains(sha), "content {sha} lost");
    }
    assert!(service.files_in("inbox").is_empty());
    // Versions 1..=n, each once, in the order the contents arrived.
    let versions: Vec<i64> = service.rows("SELECT version FROM versions ORDER BY arrival_id", [], |r| r.get(0));
    assert_eq!(versions, (1..=contents.len() as i64).collect::<Vec<_>>(), "versions counted once each, in order");
}

#[test]
fn the_stored_agreement_and_the_previous_version_inform_the_review() {
    let service = Service::start("review");
    service.drop_file("KR07", "pk 2024.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"));
    service.wait_for_arrivals("the agreement", 1, Duration::from_secs(20));
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_review_errors.xlsx"));
    service.wait_for_arrivals("the report", 2, Duration::from_secs(20));
    service.drop_file("KR07", "laporan perbaikan.xlsx", &bytes("kr07_2024_budget_columns.xlsx"));
    service.wait_for_arrivals("the corrected report", 3, Duration::from_secs(20));
    let first = service.codes_of("laporan.xlsx");
    for code in ["TARGET_MISMATCH", "INDICATOR_MISSING", "INDICATOR_MOVED", "GOAL_MOVED", "BUDGET_OVERSPENT"] {
        assert!(first.iter().any(|c| c == code), "{code} missing from {first:?}");
    }
    let second = service.codes_of("laporan perbaikan.xlsx");
    assert!(second.iter().any(|c| c == "CHANGED"), "{second:?}");
    assert!(!second.iter().any(|c| c == "TARGET_MISMATCH"), "{second:?}");
    let agreements: Vec<i64> = service.rows(
        "SELECT COUNT(*) FROM versions WHERE unit = 'KR07' AND year = 2024 AND kind = 'agreement'",
        [],
        |r| r.get(0),
    );
    assert_eq!(agreements, [1]);

    // The unit's next template carries its stored agreement's indicators.
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "template", "--unit", "KR07", "--year", "2024", "--period", "TW1"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("14 indicators from its stored agreement"), "{said}");
    assert!(service.dir.join("outbox/2024/KR07/Template Laporan KR07 2024 TW1.xlsx").exists());
}

/// A plan stands in for the PK with its errors, but not with a target it holds an error at: the
/// report printing IKU 5's 100% is not told the plan's 150% (a share cannot pass 100), so
/// it is accepted, held to the plan everywhere else. Before, it was told "the PK sets 150",
/// a capaian off against 150 and 150 out of range at its own cell, and blocked.
#[test]
fn a_report_is_not_held_to_a_plan_target_the_plan_has_an_error_at() {
    let service = Service::start("plan-unsound-target");
    let renja = bytes("kr07_2024_renja_target_out_of_range.xlsx");
    service
        .drop_in_order("KR07", &[("renja 2024.xlsx", renja), ("laporan 2024.xlsx", bytes("kr07_2024_capaian.xlsx"))]);
    service.wait_for_arrivals("the plan and the report", 2, Duration::from_secs(20));
    let plan = service.findings_of("renja 2024.xlsx");
    assert_eq!(plan, [("VALUE_OUT_OF_RANGE".into(), "error".into(), "Target IKU.5".into())]);
    assert_eq!(service.errors_of("laporan 2024.xlsx"), Vec::<String>::new());
    let held: Vec<(String, Option<String>)> = service.rows(
        "SELECT i.code, i.target FROM indicators i JOIN submissions s ON s.id = i.submission_id
          WHERE s.file_name = 'laporan 2024.xlsx' AND i.code IN ('IKU.5', 'IKU.9') ORDER BY i.seq",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    assert_eq!(held, [("IKU.5".into(), Some("100".into())), ("IKU.9".into(), Some("84".into()))]);
    let said = service.codes_of("laporan 2024.xlsx").iter().filter(|c| *c == "TARGET_FROM_PLAN").count();
    assert_eq!(said, 1, "held to the plan everywhere else, and told so");
}

#[test]
fn the_consolidated_workbook_gives_back_the_ledger_figures() {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut service = Service::start("consolidate");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_budget_columns.xlsx"));
    service.drop_file("BKN", "laporan bkn 2023.xlsx", &bytes("bkn_2023_scorecard.xlsx"));
    service.drop_file("BKN", "revisi.xlsx", &bytes("bkn_2023_wrong_claims.xlsx"));
    service.wait_for_arrivals("the reports", 3, Duration::from_secs(20));
    let workbook = service.dir.join("outbox/2024/Rekap Kinerja 2024 TAHUNAN.xlsx");
    wait_for("the consolidated workbook", Duration::from_secs(20), || workbook.exists());
    assert!(service.stop().success());

    // The Rekap says what `kinerja check` says of the report that counts.
    let ledger = service.ledger();
    let scope = kinerja::store::Scope { year: Some(2024), period: Some("TAHUNAN"), unit: None };
    let counted = ledger.standings(scope).unwrap();
    assert_eq!(counted.iter().map(|s| s.unit.as_str()).collect::<Vec<_>>(), ["KR07"]);
    let config = kinerja::config::Config::builtin();
    let overrides = kinerja::ingest::Overrides { unit: Some("KR07".into()), ..Default::default() };
    let json =
        kinerja::check::to_json(&kinerja::check::check(&fixture("kr07_2024_budget_columns.xlsx"), &config, &overrides));
    let mut book = open_workbook_auto(&workbook).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Ringkasan", "Capaian IKU", "Anggaran", "Status Pengiriman", "Temuan", "Tren", "Agregat BKN"]
    );
    let cell = |range: &calamine::Range<Data>, r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);

    let summary = book.worksheet_range("Ringkasan").unwrap();
    // A title block (title; time and counts; the band legend), the header on row 5, then units.
    assert_eq!(cell(&summary, 0, 0), Data::String("Rekap Kinerja 2024 TAHUNAN".into()));
    let made = cell(&summary, 1, 0).to_string();
    assert!(made.starts_with("Dibuat ") && made.contains(" WIB · "), "{made}");
    assert!(made.ends_with("1 diterima, 0 perlu perbaikan, 0 ditolak, 28 belum mengirim"), "{made}");
    assert_eq!(cell(&summary, 2, 3), Data::String("Sangat Baik > 100".into()));
    assert_eq!(cell(&summary, 4, 11), Data::String("NPSS".into()));
    assert_eq!(cell(&summary, 5, 0), Data::Float(1.0));
    assert_eq!(cell(&summary, 5, 1), Data::String("KR07".into()));
    assert_eq!(cell(&summary, 5, 11), Data::Float(json["npss"].as_f64().unwrap()));
    assert_eq!(cell(&summary, 5, 11), Data::Float(99.27));
    assert_eq!(cell(&summary, 5, 4), Data::Float(101.25));
    assert_eq!(cell(&summary, 5, 12), Data::String("Baik".into()));
    assert_eq!(cell(&summary, 5, 13), Data::String("diterima".into()));

    let indicators = book.worksheet_range("Capaian IKU").unwrap();
    let rows: Vec<Vec<Data>> = indicators.rows().skip(1).map(|r| r.to_vec()).collect();
    let units = kinerja::config::Config::builtin().units.units().len();
    assert_eq!(rows.len(), 14 + units - 1, "KR07's indicators and a line for every other unit");
    let rows: Vec<Vec<Data>> = rows.into_iter().filter(|r| r[0] == Data::String("KR07".into())).collect();
    for (row, ind) in rows.iter().zip(json["indicators"].as_array().unwrap()) {
        assert_eq!(row[3], Data::String(ind["code"].as_str().unwrap().into()));
        match ind["capaian"].as_f64() {
            Some(c) => assert_eq!(row[8], Data::Float(c)),
            None => assert_eq!(row[9], Data::String("belum ada skor".into())),
        }
    }

    let budget = book.worksheet_range("Anggaran").unwrap();
    let iku4 = budget.rows().find(|r| r[3] == Data::String("IKU.4".into())).unwrap().to_vec();
    assert_eq!(
        (iku4[2].clone(), iku4[4].clone(), iku4[5].clone(), iku4[8].clone()),
        (Data::String("Tabel 3.2!A3".into()), Data::Float(30400000.0), Data::Float(29960485.0), Data::Float(-0.29))
    );

    let status = book.worksheet_range("Status Pengiriman").unwrap();
    let status_rows: Vec<Vec<Data>> = status.rows().skip(1).map(|r| r.to_vec()).collect();
    assert_eq!(status_rows.len(), kinerja::config::Config::builtin().units.units().len());
    let row_of = |code: &str| status_rows.iter().find(|r| r[0] == Data::String(code.into())).unwrap().clone();
    assert_eq!(row_of("KR07")[2], Data::String("diterima".into()));
    assert_eq!(row_of("BKN")[2], Data::String("belum mengirim".into()));

    let trend = book.worksheet_range("Tren").unwrap();
    assert_eq!(cell(&trend, 0, 1), Data::String("2023 TAHUNAN".into()));
    assert_eq!(cell(&trend, 0, 2), Data::String("2024 TAHUNAN".into()));
    // The 2023 revision has errors: it is the report that counts, shown as blocked.
    let bkn = trend.rows().find(|r| r[0] == Data::String("BKN".into())).unwrap().to_vec();
    assert_eq!(bkn[1], Data::Float(98.49));

    // The unit's annotated copy: its cells as sent, the computed values, the findings linked.
    let sha = sha(&bytes("bkn_2023_wrong_claims.xlsx"));
    let copy = service.dir.join(format!("outbox/2023/BKN/revisi (dinilai {}).xlsx", &sha[..8]));
    let mut annotated = open_workbook_auto(&copy).unwrap();
    assert_eq!(annotated.sheet_names(), ["Tabel 3.1", "Hasil kinerja", "Temuan"]);
    let original = annotated.worksheet_range("Tabel 3.1").unwrap();
    assert_eq!(original.get_value((10, 3)), Some(&Data::Float(100.18)));
    let computed = annotated.worksheet_range("Hasil kinerja").unwrap();
    let iku4 = computed.rows().find(|r| r[0] == Data::String("IKU.4".into())).unwrap().to_vec();
    assert_eq!((iku4[5].clone(), iku4[6].clone()), (Data::Float(100.29), Data::Float(100.18)));
    let listed = annotated.worksheet_range("Temuan").unwrap();
    // Reviewed against the earlier version: the capaian claim is stale, and linked to its cell.
    let claim = listed.rows().find(|r| r[2] == Data::String("Tabel 3.1!D11".into())).unwrap().to_vec();
    assert_eq!(claim[0].to_string(), "STALE_CLAIM", "{claim:?}");

    // The same inputs give the same content (but for the time it was made).
    let first: Vec<Vec<Data>> = summary.rows().skip(2).map(|r| r.to_vec()).collect();
    kinerja::consolidate::rebuild(
        &Config::load(&service.dir.join("kinerja.toml")).unwrap(),
        &ledger,
        2024,
        kinerja::model::Period::Year,
    )
    .unwrap();
    let mut again = open_workbook_auto(&workbook).unwrap();
    let second: Vec<Vec<Data>> =
        again.worksheet_range("Ringkasan").unwrap().rows().skip(2).map(|r| r.to_vec()).collect();
    assert_eq!(first, second);

    // Dropped where a unit's files go, the Rekap is refused as kinerja's own (it was read as a
    // plan of whichever unit its text named first, with dozens of errors).
    let own = kinerja::check::check(&workbook, &config, &kinerja::ingest::Overrides::default());
    let codes: Vec<&str> = own.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["FILE_OWN_OUTPUT"]);
    assert!(own.findings[0].found.contains("Status Pengiriman"), "{:?}", own.findings[0]);
    assert_eq!(own.exit_code(), 2);
    // So is it with that sheet deleted: its Capaian IKU was read as a report of the units'
    // indicators, exit 0.
    let trimmed = service.dir.join("rekap tanpa status.xlsx");
    without_sheet(&workbook, "Status Pengiriman", &trimmed);
    let own = kinerja::check::check(&trimmed, &config, &kinerja::ingest::Overrides::default());
    let codes: Vec<&str> = own.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!((codes.as_slice(), own.exit_code()), (["FILE_OWN_OUTPUT"].as_slice(), 2));
    assert!(own.findings[0].found.contains("Capaian IKU"), "{:?}", own.findings[0]);

    // The same from the command line, for the year's every period.
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "consolidate", "--year", "2023"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Rekap Kinerja 2023 TAHUNAN.xlsx"));
    assert!(service.dir.join("outbox/2023/Rekap Kinerja 2023 TAHUNAN.xlsx").exists());
}

/// A copy of the workbook at `path` without its sheet `name` (the workbook part no longer lists
/// it), written to `target`.
fn without_sheet(path: &Path, name: &str, target: &Path) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(target).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes).unwrap();
        let part_name = part.name().unwrap().into_owned();
        if part_name == "xl/workbook.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let at = xml.find(&format!("<sheet name=\"{name}\"")).unwrap();
            let end = at + xml[at..].find("/>").unwrap() + 2;
            bytes = format!("{}{}", &xml[..at], &xml[end..]).into_bytes();
        }
        out.start_file(part_name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, &bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn the_service_refuses_to_start_without_the_smtp_password_its_username_needs() {
    let service = Service::create("no-password", "[mail]\nhost = \"127.0.0.1\"\nusername = \"kinerja\"\n");
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "serve"])
        .current_dir(&service.dir)
        .env_remove("KINERJA_SMTP_PASSWORD")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("mail.username") && said.contains("KINERJA_SMTP_PASSWORD"), "{said}");
}

#[test]
fn a_report_dropped_with_its_agreement_is_always_reviewed_against_it() {
    let service = Service::start("order");
    // Both settle in one scan: the agreement is taken first (older), the report right behind it,
    // and two workers are free.
    service.drop_in_order(
        "KR07",
        &[
            ("pk 2024.xlsx", bytes("kr07_2024_agreement_kode.xlsx")),
            ("laporan.xlsx", bytes("kr07_2024_review_errors.xlsx")),
        ],
    );
    service.wait_for_arrivals("both files", 2, Duration::from_secs(20));
    let codes = service.codes_of("laporan.xlsx");
    // Only the agreement knows IKU 9 is missing and IKU 15 unknown.
    for code in ["INDICATOR_MISSING", "INDICATOR_UNKNOWN", "TARGET_MISMATCH"] {
        assert!(codes.iter().any(|c| c == code), "{code} missing from {codes:?}");
    }
}

/// A report sent before its agreement is reviewed against it as soon as the agreement is
/// recorded, before the unit's next file is taken: the unit hears its report's new result right
/// after the agreement's receipt, whatever comes next. (It used to wait for the Rekap's rebuild,
/// half a second of quiet later: a report dropped meanwhile had become the version that counts,
/// and the first was never reviewed against it, nor its unit told.)
#[test]
fn a_report_is_reviewed_against_the_agreement_after_it_before_the_next_file() {
    let service = Service::start("governed-order");
    service.drop_in_order(
        "KR07",
        &[
            ("tw3.xlsx", bytes("kr07_2024_tw3_interim_targets_unmarked.xlsx")),
            ("pk.xlsx", bytes("kr07_2024_agreement_kode.xlsx")),
            ("laporan.xlsx", bytes("kr07_2024_capaian.xlsx")),
            ("tw3 revisi.xlsx", bytes("kr07_2024_tw3_interim_targets.xlsx")),
        ],
    );
    service.wait_for_arrivals("the four files", 4, Duration::from_secs(20));
    wait_for("five messages", Duration::from_secs(20), || service.mail_texts().len() == 5);
    assert_eq!(
        service.mail_subjects().iter().map(|s| s.trim_start_matches("[kinerja] KR07 ")).collect::<Vec<_>>(),
        [
            "TW3 2024: diterima (versi 1)",
            "Perjanjian Kinerja 2024: diterima (versi 1)",
            "TW3 2024: perlu perbaikan (versi 1, 9 kesalahan)",
            "TAHUNAN 2024: diterima (versi 1)",
            "TW3 2024: diterima (versi 2)",
        ]
    );
    let mismatches: Vec<i64> = service.rows(
        "SELECT COUNT(*) FROM findings f JOIN submissions s ON s.id = f.submission_id
          WHERE s.file_name = 'tw3.xlsx' AND f.code = 'TARGET_MISMATCH'",
        [],
        |r| r.get(0),
    );
    assert_eq!(mismatches, [2]);
}

/// Every version sent before the agreement is reviewed against it, not only the one that counts:
/// the version before stood as the "last valid version" with the NPSS of the targets it printed
/// itself, though the agreement it is now held to finds it as wrong as the one after it. Only the
/// version that counts is mailed about.
#[test]
fn versions_sent_before_the_agreement_are_all_reviewed_against_it() {
    let service = Service::start("governed-versions");
    let quarter = bytes("kr07_2024_tw3_interim_targets_unmarked.xlsx");
    service.drop_in_order(
        "KR07",
        &[
            ("tw3.xlsx", quarter.clone()),
            ("tw3 revisi.xlsx", distinct_copy(&quarter, "revisi")),
            ("pk.xlsx", bytes("kr07_2024_agreement_kode.xlsx")),
        ],
    );
    service.wait_for_arrivals("the three files", 3, Duration::from_secs(20));
    wait_for("four messages", Duration::from_secs(20), || service.mail_texts().len() == 4);
    for file in ["tw3.xlsx", "tw3 revisi.xlsx"] {
        let mismatches = service.codes_of(file).iter().filter(|c| *c == "TARGET_MISMATCH").count();
        assert_eq!(mismatches, 2, "{file}");
    }
    let status = service.status(&["--year", "2024", "--unit", "KR07", "--period", "TW3"]);
    let row = status["rows"].as_array().unwrap().iter().find(|r| r["kind"] == "realisasi").unwrap();
    assert_eq!((row["version"].as_i64(), row["outcome"].as_str()), (Some(2), Some("perlu_perbaikan")), "{row}");
    assert!(row["valid_version"].is_null() && row["valid_npss"].is_null(), "{row}");
    let subjects = service.mail_subjects();
    let told = subjects.iter().filter(|s| s.contains("TW3 2024: perlu perbaikan")).collect::<Vec<_>>();
    assert_eq!(told, ["[kinerja] KR07 TW3 2024: perlu perbaikan (versi 2, 9 kesalahan)"], "{subjects:?}");
    assert!(service.mail_texts().iter().all(|text| !text.contains("versi 1: NPSS")));
}

/// A folder of a unit's older files moved into its inbox folder (`arsip`), and a younger file
/// put beside it right after, are taken in the order of their modification times. Files moved in
/// inside a folder raise no event of their own: the older one was found only at the next walk of
/// the inbox (every `poll_interval`), after the younger had settled and become version 1.
#[test]
fn a_folder_of_files_moved_in_keeps_the_units_order() {
    let service = Service::start_with("folder-order", "settle = \"200ms\"\npoll_interval = \"5s\"\nworkers = 2\n");
    // Past the walk at start: another unit's file, found by its event.
    service.drop_file("KR01", "laporan.csv", b"bukan buku kerja");
    service.wait_for_arrivals("the first file", 1, Duration::from_secs(20));
    let folder = service.dir.join("arsip");
    std::fs::create_dir(&folder).unwrap();
    write_aged(&folder.join("laporan lama.xlsx"), &bytes("kr07_2024_capaian.xlsx"), 2);
    let younger = service.dir.join("laporan baru.xlsx");
    write_aged(&younger, &bytes("kr07_2024_budget_columns.xlsx"), 1);
    std::fs::rename(&folder, service.inbox("KR07").join("arsip")).unwrap();
    std::fs::rename(&younger, service.inbox("KR07").join("laporan baru.xlsx")).unwrap();
    service.wait_for_arrivals("both files", 3, Duration::from_secs(20));
    let versions: Vec<String> = service.rows(
        "SELECT a.file_name FROM versions v JOIN arrivals a ON a.id = v.arrival_id WHERE v.unit = 'KR07' ORDER BY v.version",
        [],
        |r| r.get(0),
    );
    assert_eq!(versions, ["laporan lama.xlsx", "laporan baru.xlsx"]);
}

#[test]
fn a_clean_reports_annotated_copy_is_written_on_demand() {
    let service = Service::start("annotate");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    // No error, so no discrepancy report to attach it to: no copy written on the way.
    assert!(service.files_in("outbox/2024/KR07").is_empty());
    let sha = sha(&bytes("kr07_2024_capaian.xlsx"));
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "annotate", &sha[..10]])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let copy = service.dir.join(format!("outbox/2024/KR07/laporan (dinilai {}).xlsx", &sha[..8]));
    assert!(String::from_utf8_lossy(&output.stdout).trim().ends_with(&*copy.file_name().unwrap().to_string_lossy()));
    let book = calamine::open_workbook_auto(&copy).unwrap();
    assert_eq!(calamine::Reader::sheet_names(&book), ["Tabel 3.2", "Tabel 3.1", "Hasil kinerja", "Temuan"]);
}

#[test]
fn an_accepted_agreement_governs_from_the_ledger_as_it_was_read() {
    let service = Service::start("agreement-rows");
    service.drop_file("KR07", "pk 2024.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"));
    service.wait_for_arrivals("the agreement", 1, Duration::from_secs(20));
    // The archived workbook is damaged after it was accepted: the ledger's rows still govern.
    let stored = service.files_in("state/archive").pop().unwrap();
    std::fs::write(&stored, b"rusak").unwrap();
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_review_errors.xlsx"));
    service.wait_for_arrivals("the report", 2, Duration::from_secs(20));
    let recorded: Vec<(String, String, String)> = service.rows(
        "SELECT f.code, COALESCE(f.sheet || '!' || f.cell, ''), f.subject FROM findings f
           JOIN submissions s ON s.id = f.submission_id WHERE s.file_name = 'laporan.xlsx' ORDER BY f.seq",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    // The same review with the agreement's workbook read directly.
    let config = Config::builtin();
    let overrides = kinerja::ingest::Overrides { unit: Some("KR07".into()), ..Default::default() };
    let (agreement, _) =
        kinerja::ingest::read(&fixture("kr07_2024_agreement_kode.xlsx"), &config.units, &overrides, &config.limits)
            .unwrap();
    let given = kinerja::check::Given { agreement: Some(agreement), previous: None };
    let direct = kinerja::check::check_with(&fixture("kr07_2024_review_errors.xlsx"), &config, &overrides, &given);
    let expected: Vec<(String, String, String)> = direct
        .findings
        .iter()
        .map(|f| {
            (f.code.as_str().to_string(), f.at.as_ref().map(ToString::to_string).unwrap_or_default(), f.subject.clone())
        })
        .collect();
    assert!(recorded.iter().any(|(code, _, _)| code == "TARGET_MISMATCH"), "{recorded:#?}");
    assert_eq!(recorded, expected);
}

#[test]
fn another_units_report_dropped_again_is_refused_not_a_duplicate() {
    let service = Service::start("identity-first");
    let report = bytes("kr07_2024_capaian.xlsx");
    service.drop_file("KR07", "laporan.xlsx", &report);
    service.wait_for_arrivals("KR07's report", 1, Duration::from_secs(20));
    // The same content, later, in KR08's folder.
    service.drop_file("KR08", "laporan kr07.xlsx", &report);
    service.wait_for_arrivals("the copy", 2, Duration::from_secs(20));
    let (new, duplicate, rejected, _) = service.counts();
    assert_eq!((new, duplicate, rejected), (1, 0, 1));
    let arrivals = service.outcomes();
    assert_eq!(arrivals[1], ("KR08".into(), "rejected".into(), Some(sent_by_other_unit("KR07", "KR08"))));
    assert_eq!(service.files_in("state/rejected").len(), 1);
}

/// The refusal of content another unit sent first says so, and claims nothing about what the
/// workbook names: here the first copy was no workbook at all.
#[test]
fn content_another_unit_sent_first_is_refused_for_what_it_is() {
    let service = Service::start("identity-unreadable");
    service.drop_file("KR09", "laporan.csv", b"bukan buku kerja");
    service.wait_for_arrivals("KR09's file", 1, Duration::from_secs(20));
    service.drop_file("KR07", "laporan.csv", b"bukan buku kerja");
    service.wait_for_arrivals("KR07's copy", 2, Duration::from_secs(20));
    let arrivals = service.outcomes();
    assert!(arrivals[0].2.as_deref().is_some_and(|r| r.starts_with("Berkas tidak dapat dibaca")), "{arrivals:?}");
    assert_eq!(
        (arrivals[1].0.as_str(), arrivals[1].1.as_str(), arrivals[1].2.as_deref()),
        ("KR07", "rejected", Some(sent_by_other_unit("KR09", "KR07").as_str()))
    );
}

fn sent_by_other_unit(owner: &str, folder: &str) -> String {
    kinerja::model::Finding::new(kinerja::model::Code::SentByOtherUnit, None, "")
        .found(owner)
        .expected(folder)
        .message()
}

/// A unit that drops another unit's report first does not make it its own: the unit the report
/// names sends it afterwards and it is accepted as that unit's.
#[test]
fn another_units_report_dropped_first_stays_that_units() {
    let service = Service::start("identity-wrong-first");
    let report = bytes("kr07_2024_capaian.xlsx");
    service.drop_file("KR08", "laporan kr07.xlsx", &report);
    service.wait_for_arrivals("the wrong unit's copy", 1, Duration::from_secs(20));
    service.drop_file("KR07", "laporan.xlsx", &report);
    service.wait_for_arrivals("KR07's own", 2, Duration::from_secs(20));
    let arrivals = service.outcomes();
    assert_eq!(arrivals.len(), 2, "{arrivals:?}");
    assert_eq!((arrivals[0].0.as_str(), arrivals[0].1.as_str()), ("KR08", "rejected"));
    assert!(arrivals[0].2.as_deref().is_some_and(|r| r.contains("KR07") && r.contains("KR08")), "{arrivals:?}");
    assert_eq!((arrivals[1].0.as_str(), arrivals[1].1.as_str(), arrivals[1].2.as_deref()), ("KR07", "new", None));
    let submissions: Vec<(String, String)> =
        service.rows("SELECT unit, result FROM submissions", [], |r| Ok((r.get(0)?, r.get(1)?)));
    assert_eq!(submissions, [("KR07".to_string(), "accepted".to_string())]);
    assert_eq!(service.files_in("state/rejected").len(), 1);
    assert_eq!(service.files_in("state/archive").len(), 1);
}

#[test]
fn the_same_report_from_two_units_at_once_is_the_first_units() {
    let service = Service::start("identity-race");
    let report = bytes("kr07_2024_capaian.xlsx");
    // Both settle in one scan and run in parallel: different units.
    service.drop_file("KR07", "laporan.xlsx", &report);
    service.drop_file("KR08", "laporan.xlsx", &report);
    service.wait_for_arrivals("both copies", 2, Duration::from_secs(20));
    let arrivals = service.outcomes();
    let outcome = |folder: &str| arrivals.iter().find(|(f, ..)| f == folder).cloned().unwrap();
    assert_eq!(outcome("KR07").1, "new");
    let (_, kr08, reason) = outcome("KR08");
    assert_eq!(kr08, "rejected");
    assert!(reason.unwrap_or_default().contains("KR07"));
}

/// A workbook saved with a password is a compound file, not a zip: it is taken as soon as it
/// settles and refused for what it is, and the unit's next report does not wait behind it (both
/// waited 30 settle windows for a zip end record that never comes).
#[test]
fn a_password_protected_workbook_is_refused_at_once() {
    let service = Service::start("encrypted");
    service.drop_file("KR07", "laporan terkunci.xlsx", &bytes("encrypted.xlsx"));
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.wait_for_arrivals("both files", 2, Duration::from_secs(10));
    let arrivals: Vec<(String, String, Option<String>)> =
        service.rows("SELECT file_name, outcome, reason FROM arrivals ORDER BY id", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        });
    let encrypted = kinerja::model::Finding::new(kinerja::model::Code::FileEncrypted, None, "").message();
    assert_eq!(arrivals[0], ("laporan terkunci.xlsx".into(), "new".into(), Some(encrypted)));
    assert_eq!((arrivals[1].0.as_str(), arrivals[1].1.as_str()), ("laporan.xlsx", "new"));
}

/// Kinerja's template sent back unfilled after a real report blocks (REALISASI_EMPTY): the real
/// report's NPSS stays the one shown, and the unit's mail says both, once each.
#[test]
fn an_unfilled_template_after_a_report_blocks_and_the_report_stays_shown() {
    let service = Service::start("unfilled");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    let config = Config::builtin();
    let unit = config.units.get("KR07").unwrap();
    let blank = service.dir.join("blank.xlsx");
    let lines = kinerja::config::indicator_set(unit).unwrap();
    let kind = kinerja::template::Kind::Realisasi(kinerja::model::Period::Year);
    kinerja::template::write(&blank, unit, 2024, kind, &lines).unwrap();
    service.drop_file("KR07", "laporan revisi.xlsx", &std::fs::read(&blank).unwrap());
    service.wait_for_arrivals("the unfilled template", 2, Duration::from_secs(20));
    let row = &service.status(&["--year", "2024", "--unit", "KR07"])["rows"][0];
    assert_eq!((row["version"].as_i64(), row["outcome"].as_str()), (Some(2), Some("perlu_perbaikan")), "{row}");
    assert_eq!((row["valid_version"].as_i64(), row["valid_npss"].as_f64()), (Some(1), Some(99.27)), "{row}");
    let mut mail = String::new();
    wait_for("the unit's discrepancy report", Duration::from_secs(20), || {
        mail = service.mail_texts().into_iter().find(|text| text.contains("versi 2")).unwrap_or_default();
        !mail.is_empty()
    });
    assert!(mail.contains("Semua realisasi kosong (14 indikator)"), "{mail}");
    assert!(mail.contains("NPSS: N/A (Belum Ada Skor)\n") && !mail.contains("Skor) (Belum"), "{mail}");
    assert!(mail.contains("versi 1: NPSS 99,27"), "{mail}");
}

/// A unit's folder made in another case (Windows shares do not tell `kr09` from `KR09`) is that
/// unit's, in the ledger and in `status` alike.
#[test]
fn a_units_folder_in_lower_case_is_the_units() {
    let service = Service::start("folder-case");
    service.drop_file("kr09", "laporan.csv", b"bukan buku kerja");
    service.wait_for_arrivals("the file", 1, Duration::from_secs(20));
    let folders: Vec<String> = service.rows("SELECT folder FROM arrivals", [], |r| r.get(0));
    assert_eq!(folders, ["KR09"]);
    let status = service.status(&["--unit", "KR09"]);
    let row = &status["rows"][0];
    assert_eq!((row["unit"].as_str(), row["outcome"].as_str()), (Some("KR09"), Some("ditolak")), "{status}");
    // And asked in lower case, `status` reads the same lines (it said "belum mengirim"); the mail
    // queue below them may have sent the unit's message in between.
    assert_eq!(service.status(&["--unit", "kr09"])["rows"], status["rows"]);
}

/// A report for a period not yet begun (its title's year mistyped 2099) is refused, not filed
/// under 2099: the unit is told why, and nothing stands for that year.
#[test]
fn a_report_for_a_period_not_yet_begun_is_refused() {
    let service = Service::start("not-started");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2099_year_typed.xlsx"));
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    let filed: Vec<String> = service.rows("SELECT result FROM submissions", [], |r| r.get(0));
    assert_eq!(filed, ["rejected"]);
    let status = service.status(&["--unit", "KR07"]);
    assert_eq!(status["rows"][0]["outcome"].as_str(), Some("ditolak"), "{status}");
    let mut mail = String::new();
    wait_for("the refusal", Duration::from_secs(20), || {
        mail = service.mail_texts().into_iter().find(|text| text.contains("ditolak")).unwrap_or_default();
        !mail.is_empty()
    });
    assert!(mail.contains("periode TAHUNAN 2099, yang belum dimulai"), "{mail}");
}

#[test]
fn a_unit_whose_only_file_was_refused_has_sent_something() {
    let mut service = Service::start("refused-only");
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    // Not a workbook at all (and, as .csv, taken at once: no archive to wait for).
    service.drop_file("KR09", "laporan.csv", b"bukan buku kerja");
    service.wait_for_arrivals("both files", 2, Duration::from_secs(20));
    assert!(service.stop().success());
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "consolidate", "--year", "2024", "--period", "TAHUNAN"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    use calamine::Reader;
    let mut book =
        calamine::open_workbook_auto(service.dir.join("outbox/2024/Rekap Kinerja 2024 TAHUNAN.xlsx")).unwrap();
    let status = book.worksheet_range("Status Pengiriman").unwrap();
    let kr09 = status.rows().find(|r| r[0] == calamine::Data::String("KR09".into())).unwrap().to_vec();
    assert_eq!(kr09[2], calamine::Data::String("ditolak".into()), "{kr09:?}");
}

#[test]
fn a_unit_titled_under_bkns_name_is_that_unit() {
    // "Perjanjian Kinerja Kantor Regional VII Badan Kepegawaian Negara" under BKN's letterhead:
    // KR07's agreement, refused for BKN's folder (it was refused for KR07's as BKN's).
    let service = Service::start("formal-title");
    service.drop_file("KR07", "PK 2024.xlsx", &bytes("kr07_2024_agreement_formal_title.xlsx"));
    service.wait_for_arrivals("KR07's agreement", 1, Duration::from_secs(20));
    service.drop_file("BKN", "PK 2024.xlsx", &bytes("kr07_2024_agreement_formal_title.xlsx"));
    service.wait_for_arrivals("the copy in BKN's folder", 2, Duration::from_secs(20));
    let outcomes = service.outcomes();
    assert_eq!((outcomes[0].0.as_str(), outcomes[0].1.as_str()), ("KR07", "new"), "{outcomes:?}");
    assert_eq!((outcomes[1].0.as_str(), outcomes[1].1.as_str()), ("BKN", "rejected"), "{outcomes:?}");
    let units: Vec<(String, String)> =
        service.rows("SELECT unit, kind FROM submissions", [], |r| Ok((r.get(0)?, r.get(1)?)));
    assert_eq!(units, [("KR07".to_string(), "agreement".to_string())]);
}

/// A workbook whose titles name the folder's unit and another is the folder's to correct: filed
/// under it and blocked, never refused as the other unit's, whichever title is the longer
/// (Kanreg VIII's, so read alone the workbook is KR08's).
#[test]
fn titles_of_two_units_are_filed_as_the_folders_and_blocked() {
    for unit in ["KR07", "KR08"] {
        let service = Service::start(&format!("two-units-{unit}"));
        service.drop_one_by_one(unit, &[("capaian.xlsx", "kr07_2024_titles_two_units.xlsx")]);
        let outcomes: Vec<(String, String)> = service.outcomes().into_iter().map(|(f, o, _)| (f, o)).collect();
        assert_eq!(outcomes, [(unit.to_string(), "new".to_string())]);
        let said = service.findings_of("capaian.xlsx");
        let contradicted: Vec<&str> =
            said.iter().filter(|f| f.0 == "UNIT_CONTRADICTED").map(|f| f.1.as_str()).collect();
        assert_eq!(contradicted, ["error"], "{said:?}");
        let filed: Vec<(String, String, i64)> =
            service.rows("SELECT unit, result, errors FROM submissions", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)));
        assert_eq!(filed, [(unit.to_string(), "accepted".to_string(), 1)]);
    }
}

/// A stop between an arrival's record and its consolidation loses nothing: the next start
/// rebuilds its Rekaps and reviews what an agreement it recorded now governs, and a re-review done
/// again is told once.
#[test]
fn a_stop_before_consolidation_is_made_up_at_the_next_start() {
    let mut service = Service::start("unconsolidated");
    let rekap = service.dir.join("outbox/2024/Rekap Kinerja 2024 TW3.xlsx");
    let unconsolidated = |service: &Service| {
        service.rows("SELECT file_name FROM arrivals WHERE consolidated_ms IS NULL ORDER BY id", [], |r| {
            r.get::<_, String>(0)
        })
    };
    let mismatches = |service: &Service| {
        service.rows("SELECT COUNT(*) FROM findings WHERE code = 'TARGET_MISMATCH'", [], |r| r.get::<_, i64>(0))[0]
    };
    let clear_mark = |service: &Service| {
        let ledger = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
        ledger.execute("UPDATE arrivals SET consolidated_ms = NULL WHERE file_name = 'pk.xlsx'", []).unwrap();
    };
    let told_again = |service: &Service| {
        service
            .mail_texts()
            .iter()
            .filter(|t| t.contains("Laporan ini dikirim sebelum Perjanjian Kinerja 2024 diterima"))
            .count()
    };
    service.drop_file("KR07", "tw3.xlsx", &bytes("kr07_2024_tw3_interim_targets_unmarked.xlsx"));
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    wait_for("the report consolidated", Duration::from_secs(20), || unconsolidated(&service).is_empty());
    assert!(rekap.is_file());

    // Stopped right after the agreement is recorded: the consolidator waits for quiet first.
    service.drop_file("KR07", "pk.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"));
    service.wait_for_arrivals("the agreement", 2, Duration::from_secs(20));
    service.kill();
    // On a machine so loaded that the consolidator finished within its 500 ms before the kill,
    // the arrival's mark is cleared by hand: the restart must still make it up.
    if mismatches(&service) == 0 {
        assert_eq!(unconsolidated(&service), ["pk.xlsx"]);
    } else {
        clear_mark(&service);
    }

    service.spawn();
    wait_for("the agreement consolidated", Duration::from_secs(20), || unconsolidated(&service).is_empty());
    // IKU 3 and IKU 11 against the agreement's 95 and 85; the unit told why, and the Rekap says so.
    assert_eq!(mismatches(&service), 2);
    wait_for("the report's new result", Duration::from_secs(20), || told_again(&service) == 1);
    let mut book = calamine::open_workbook_auto(&rekap).unwrap();
    let summary = calamine::Reader::worksheet_range(&mut book, "Ringkasan").unwrap();
    assert!(summary.get_value((1, 0)).unwrap().to_string().contains(" 0 diterima, 1 perlu perbaikan, "));

    // Stopped after the review's message was queued but before the mark: done again, told once.
    assert!(service.stop().success());
    clear_mark(&service);
    service.spawn();
    wait_for("the agreement consolidated again", Duration::from_secs(20), || unconsolidated(&service).is_empty());
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(told_again(&service), 1);
    assert!(service.stop().success());
}

/// The annotated copy follows the ledger: a report read again under rules that no longer make
/// its finding an error gets its copy rewritten, not left showing the error.
#[test]
fn a_reprocessed_reports_annotated_copy_shows_its_new_findings() {
    let config = "settle = \"200ms\"\npoll_interval = \"500ms\"\n";
    let mut service = Service::start_with(
        "reannotate",
        &format!("{config}\n[review]\nseverity = {{ NA_UNEXPLAINED = \"error\" }}\n"),
    );
    let report = bytes("kr07_2024_capaian.xlsx");
    service.drop_file("KR07", "laporan.xlsx", &report);
    service.wait_for_arrivals("the report", 1, Duration::from_secs(20));
    assert!(service.stop().success());
    let copy = service.dir.join(format!("outbox/2024/KR07/laporan (dinilai {}).xlsx", &sha(&report)[..8]));
    let unexplained = || -> Vec<String> {
        let mut book = calamine::open_workbook_auto(&copy).unwrap();
        let temuan = calamine::Reader::worksheet_range(&mut book, "Temuan").unwrap();
        let row = temuan.rows().find(|r| r.iter().any(|c| *c == "NA_UNEXPLAINED")).unwrap();
        row.iter().map(ToString::to_string).collect()
    };
    assert!(unexplained().iter().any(|c| c == "kesalahan"), "{:?}", unexplained());

    std::fs::write(service.dir.join("kinerja.toml"), config).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "reprocess", "1"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(unexplained().iter().any(|c| c == "peringatan"), "{:?}", unexplained());
}

/// Earlier content sent again counts again, and is reviewed as any report arriving then: against
/// the agreement that governs now and the version it follows, not left with what its first
/// arrival found.
#[test]
fn earlier_content_sent_again_is_reviewed_as_of_its_arrival() {
    let service = Service::start("resent-review");
    let drops = [
        ("pk.xlsx", "kr07_2024_agreement_kode.xlsx"),
        ("laporan.xlsx", "kr07_2024_capaian.xlsx"),
        ("laporan perbaikan.xlsx", "kr07_2024_budget_columns.xlsx"),
        // IKU 3's target 96 where the report prints 95, IKU 14 taken out.
        ("pk revisi.xlsx", "kr07_2024_agreement_v2.xlsx"),
        ("laporan lagi.xlsx", "kr07_2024_capaian.xlsx"),
    ];
    service.drop_one_by_one("KR07", &drops);
    let codes = service.errors_of("laporan.xlsx");
    assert!(codes.iter().any(|c| c == "TARGET_MISMATCH"), "{codes:?}");
    let row = &service.status(&["--year", "2024", "--unit", "KR07", "--period", "TAHUNAN"])["rows"][0];
    assert_eq!((row["version"].as_i64(), row["outcome"].as_str()), (Some(3), Some("perlu_perbaikan")), "{row}");
    assert_eq!(row["errors"].as_i64(), Some(codes.len() as i64), "{row}");
    // The unit is told the new result, as of a report arriving now: what changed from version 2.
    wait_for("the message for the content sent again", Duration::from_secs(20), || {
        service.mail_texts_about("laporan lagi.xlsx").len() == 1
    });
    let text = &service.mail_texts_about("laporan lagi.xlsx")[0];
    assert!(text.contains("Isi berkas ini sama dengan versi 1; kini berlaku kembali sebagai versi 3."), "{text}");
    assert!(text.contains("Status: perlu perbaikan"), "{text}");
    assert!(
        text.contains("Target IKU.3 tertulis 95, sedangkan Perjanjian Kinerja yang berlaku menetapkan 96."),
        "{text}"
    );
    assert!(text.contains("Perubahan dari versi sebelumnya:"), "{text}");
    // What changed is what the workbooks print: its budget columns, not the targets the revised
    // agreement set, nor an indicator it prints that the agreement no longer has.
    assert!(text.contains("  - Pagu IKU.4 berubah dari Rp 30.400.000 menjadi (tidak dilaporkan)"), "{text}");
    assert!(!text.contains("Target IKU.3 berubah") && !text.contains("IKU.14 berubah"), "{text}");

    // Read again, it is reviewed as of the arrival that made it count: the same findings.
    let recorded = |service: &Service| {
        service.rows(
            "SELECT f.code || ' ' || f.subject FROM findings f JOIN submissions s ON s.id = f.submission_id
              WHERE s.file_name = 'laporan.xlsx' ORDER BY f.seq",
            [],
            |r| r.get::<_, String>(0),
        )
    };
    let before = recorded(&service);
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "reprocess", "2"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("read again"), "{output:?}");
    assert_eq!(recorded(&service), before);
}
