//! The hostile corpus (tests/hostile/, written by generate.py there): every case gives exactly
//! its expected outcome under `kinerja check`, in bounded time, with bounded output; and
//! `kinerja serve` takes the whole corpus, plus links, FIFOs and a device, while good reports
//! keep flowing and nothing outside the workplace is opened, moved or changed.

use crate::common::{distinct_copy, report_of_kanreg};

/// A copy with its own SHA-256: a zip comment appended (the rewritten packages have none yet).
fn distinct_copy_any(bytes: &[u8], n: usize) -> Vec<u8> {
    distinct_copy(bytes, &format!("copy {n}"))
}
use crate::service::{Service, wait_for};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

#[derive(serde::Deserialize)]
struct Case {
    file: String,
    args: Vec<String>,
    exit: i32,
    codes: Vec<String>,
    absent: Vec<String>,
    npss: Option<String>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap()).unwrap()
}

/// `kinerja check <file> --format json <args>` in `dir`, killed if it runs past `limit`.
fn check(dir: &Path, args: &[String], file: &str, limit: Duration) -> (i32, serde_json::Value, usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", file, "--format", "json"])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{file}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    let code = output.status.code().unwrap_or_else(|| panic!("{file}: killed by a signal (a crash)"));
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{file}: JSON: {e}"));
    (code, json, output.stdout.len())
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_hostile_workbook_gives_its_expected_outcome() {
    for case in cases() {
        let (code, json, size) = check(&corpus(), &case.args, &case.file, Duration::from_secs(20));
        let found = codes(&json);
        assert_eq!(code, case.exit, "{}: exit status; findings {found:?}", case.file);
        for expected in &case.codes {
            assert!(found.contains(expected), "{}: no {expected} in {found:?}", case.file);
        }
        for absent in &case.absent {
            assert!(!found.contains(absent), "{}: {absent} in {found:?}", case.file);
        }
        if let Some(npss) = &case.npss {
            assert_eq!(json["npss"].to_string(), *npss, "{}: NPSS", case.file);
        }
        // Content never breaks an output: quotes are cut, messages are one line.
        assert!(size < 200_000, "{}: {size} bytes of JSON", case.file);
        for finding in json["findings"].as_array().unwrap() {
            let message = finding["message"].as_str().unwrap();
            assert!(!message.contains(['\n', '\r']), "{}: {message}", case.file);
        }
    }
}

/// A link to a device, a FIFO and a folder, made at run time (git keeps none of them).
fn special_entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let fifo = dir.join("antrian.xlsx");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero = dir.join("nol.xlsx");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    vec![fifo, zero, dir.to_path_buf()]
}

#[test]
fn check_refuses_what_is_not_a_regular_file_at_once() {
    let dir = std::env::temp_dir().join(format!("kinerja-special-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let entries = special_entries(&dir.join("kasus"));
    for path in &entries[..2] {
        let (code, json, _) = check(&dir, &[], &path.to_string_lossy(), Duration::from_secs(5));
        assert_eq!(code, 2, "{}", path.display());
        assert_eq!(codes(&json), vec!["FILE_NOT_REGULAR"], "{}", path.display());
    }
    // A folder or a missing file is the operator's slip: said on standard error, not as a finding.
    for (path, said) in [(entries[2].clone(), "is a folder"), (dir.join("tidak-ada.xlsx"), "no such file")] {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja")).arg("check").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains(said), "{}", path.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every file under `dir` with its length and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let meta = entry.metadata().unwrap();
        files.push((entry.path(), meta.len(), meta.modified().unwrap()));
    }
    files.sort();
    files
}

#[test]
fn the_service_takes_the_hostile_corpus_while_good_reports_flow() {
    // The 2-second bound is about queueing behind the hostile files, not about sharing the two
    // cores with other tests' services.
    let _alone = crate::service::alone();
    let mut service = Service::create("hostile", CONFIG);
    service.spawn();
    // Outside the workplace: a folder and a file that links in the inbox point at.
    let outside = service.dir.with_extension("outside");
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(&outside).unwrap();
    let good = std::fs::read(crate::common::fixture("kr07_2024_capaian.xlsx")).unwrap();
    std::fs::write(outside.join("rahasia.xlsx"), &good).unwrap();
    let before = snapshot(&outside);

    let kr07 = service.inbox("KR07");
    let mut regular = 0;
    for case in cases() {
        std::fs::copy(corpus().join(&case.file), kr07.join(&case.file)).unwrap();
        regular += 1;
    }
    // Names a file system allows and a mail header does not.
    for name in ["laporan\nTW1.xlsx", "-r \"kutip\" 'satu'.xlsx", &format!("{}.xlsx", "panjang".repeat(35))] {
        std::fs::write(kr07.join(name), &good).unwrap();
        regular += 1;
    }
    std::os::unix::fs::symlink(&outside, kr07.join("folder.xlsx")).unwrap();
    std::os::unix::fs::symlink(outside.join("rahasia.xlsx"), kr07.join("tautan.xlsx")).unwrap();
    // The FIFO and the link to a device in a subfolder, and the two links above.
    let specials = special_entries(&kr07.join("khusus")).len() - 1 + 2;

    // Good reports from other units, each its own, dropped while the hostile ones are in the
    // queue (KR07's own files wait their turn behind KR07's earlier ones).
    let units = [
        ("KR01", "I", "Yogyakarta"),
        ("KR02", "II", "Surabaya"),
        ("KR03", "III", "Bandung"),
        ("KR04", "IV", "Makassar"),
        ("KR05", "V", "Jakarta"),
    ];
    let reports: Vec<Vec<u8>> = units.iter().map(|(_, roman, seat)| report_of_kanreg(&good, roman, seat)).collect();
    for i in 0..20 {
        let (code, _, _) = units[i % units.len()];
        service.drop_file(code, &format!("baik-{i}.xlsx"), &distinct_copy_any(&reports[i % units.len()], i));
    }
    let dropped = Instant::now();
    let settle = Duration::from_millis(200);
    let good_recorded = |service: &Service| {
        let ledger = service.ledger();
        ledger.timings().unwrap().iter().filter(|(name, _, _)| name.starts_with("baik-")).count()
    };
    wait_for("the good reports", settle + Duration::from_secs(2), || good_recorded(&service) == 20);
    let took = dropped.elapsed();
    let conn = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
    let accepted: i64 = conn
        .query_row("SELECT COUNT(*) FROM submissions WHERE file_name LIKE 'baik-%' AND result = 'accepted'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(accepted, 20, "each unit's report is its own and accepted");

    // A bound, not a timing: the corpus takes about half a minute alone, longer beside other tests.
    service.wait_for_arrivals("every entry", (regular + 20 + specials) as i64, Duration::from_secs(120));
    // Nothing outside the workplace was opened for writing, moved or changed.
    assert_eq!(snapshot(&outside), before);
    // Links and special files are left where they are, recorded once as refused.
    for name in ["folder.xlsx", "tautan.xlsx", "khusus/antrian.xlsx", "khusus/nol.xlsx"] {
        assert!(kr07.join(name).symlink_metadata().is_ok(), "{name} was moved");
    }
    let archived = service.files_in("state/archive");
    assert!(archived.iter().all(|p| p.symlink_metadata().unwrap().file_type().is_file()), "{archived:?}");
    // Still alive and still taking: one more good file after all that.
    service.drop_file("KR01", "sesudah.xlsx", &distinct_copy_any(&reports[0], 99));
    service.wait_for_arrivals("the last file", (regular + 21 + specials) as i64, Duration::from_secs(10));
    // A second walk of the inbox records nothing again.
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(service.arrivals(), (regular + 21 + specials) as i64);
    assert!(service.stop().success());
    eprintln!("20 good reports recorded {took:?} after they were dropped (settle window {settle:?})");
    std::fs::remove_dir_all(&outside).unwrap();
}

const CONFIG: &str = "settle = \"200ms\"\npoll_interval = \"500ms\"\nworkers = 2\n";

#[test]
fn a_second_service_on_the_same_workplace_refuses_at_once() {
    let service = Service::start("second");
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "serve"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("another kinerja serve already works in") && said.contains("process "), "{said}");
}

#[test]
fn a_file_that_brought_the_service_down_twice_is_rejected_unread() {
    let mut service = Service::create("poison", CONFIG);
    let good = std::fs::read(crate::common::fixture("kr07_2024_capaian.xlsx")).unwrap();
    let processing = service.dir.join("state/processing");
    std::fs::create_dir_all(processing.join("retried")).unwrap();
    // In processing/retried/: taken, and resumed once already, before two stops.
    std::fs::write(processing.join("retried/1700000000000-00000001-000001__KR07__racun.xlsx"), &good).unwrap();
    // In processing/: taken before one stop; resumed.
    std::fs::write(processing.join("1700000000001-00000001-000002__KR07__baru.xlsx"), distinct_copy(&good, "x"))
        .unwrap();
    service.spawn();
    service.wait_for_arrivals("both files", 2, Duration::from_secs(20));
    let (new, _, rejected, _) = service.counts();
    assert_eq!((new, rejected), (1, 1));
    let kept = service.files_in("state/rejected");
    assert!(kept.iter().any(|p| p.to_string_lossy().ends_with("racun.xlsx")), "{kept:?}");
    assert!(service.files_in("state/processing").is_empty());
}

#[test]
fn taking_goes_on_when_processing_is_deleted_while_running() {
    let service = Service::start("processing-gone");
    std::fs::remove_dir_all(service.dir.join("state/processing")).unwrap();
    let good = std::fs::read(crate::common::fixture("kr07_2024_capaian.xlsx")).unwrap();
    service.drop_file("KR07", "laporan.xlsx", &good);
    service.wait_for_arrivals("the file", 1, Duration::from_secs(10));
    assert_eq!(service.files_in("state/archive").len(), 1);
}

#[test]
fn a_mail_server_that_never_answers_holds_nothing_up() {
    // Accepts every connection and never says a word.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    let config = format!(
        "{CONFIG}\n[[unit]]\ncode = \"KR07\"\nemail = [\"kanreg7@bkn.go.id\"]\n\n[mail]\ntransport = \"smtp\"\n\
         host = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\ntimeout = \"1s\"\n"
    );
    let mut service = Service::start_with("stuck-smtp", &config);
    let good = std::fs::read(crate::common::fixture("kr07_2024_capaian.xlsx")).unwrap();
    let started = Instant::now();
    for i in 0..3 {
        service.drop_file("KR07", &format!("laporan-{i}.xlsx"), &distinct_copy(&good, &format!("{i}")));
    }
    service.wait_for_arrivals("the reports", 3, Duration::from_secs(10));
    assert!(started.elapsed() < Duration::from_secs(5), "recording waited on mail: {:?}", started.elapsed());
    let (waiting, sent, failed) = service.ledger().mail_counts().unwrap();
    assert_eq!((waiting, sent, failed), (3, 0, 0));
    let stopping = Instant::now();
    assert!(service.stop().success());
    assert!(stopping.elapsed() < Duration::from_secs(6), "the stop waited {:?}", stopping.elapsed());
}

#[test]
fn a_file_recorded_just_before_two_stops_is_only_moved_to_its_place() {
    let mut service = Service::start("recorded-retried");
    let good = std::fs::read(crate::common::fixture("kr07_2024_capaian.xlsx")).unwrap();
    service.drop_file("KR07", "laporan.xlsx", &good);
    service.wait_for_arrivals("the report", 1, Duration::from_secs(10));
    assert!(service.stop().success());
    // As if both stops came between the commit and the move: the file is still in retried/.
    let conn = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
    let (id, stored): (String, String) =
        conn.query_row("SELECT id, stored_path FROM arrivals", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let retried = service.dir.join("state/processing/retried");
    std::fs::create_dir_all(&retried).unwrap();
    std::fs::rename(service.dir.join("state").join(&stored), retried.join(format!("{id}__KR07__laporan.xlsx")))
        .unwrap();
    service.spawn();
    wait_for("the file back in its place", Duration::from_secs(10), || {
        service.dir.join("state").join(&stored).is_file()
    });
    assert_eq!(service.arrivals(), 1);
    assert!(service.files_in("state/rejected").is_empty());
    assert!(service.stop().success(), "the service stopped cleanly, not for a ledger fault");
}

#[test]
fn links_planted_in_the_state_folder_are_never_written_through() {
    let outside = std::env::temp_dir().join(format!("kinerja-planted-{}", std::process::id()));
    std::fs::write(&outside, b"milik orang lain").unwrap();
    for planted in ["state/kinerja.lock", "state/ledger.sqlite"] {
        let service = Service::create("planted", CONFIG);
        std::fs::create_dir_all(service.dir.join("state")).unwrap();
        std::os::unix::fs::symlink(&outside, service.dir.join(planted)).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--config", "kinerja.toml", "serve"])
            .current_dir(&service.dir)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{planted}");
        assert_eq!(std::fs::read(&outside).unwrap(), b"milik orang lain", "{planted}");
    }
    std::fs::remove_file(&outside).unwrap();
}
