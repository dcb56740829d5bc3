//! `cargo bench --bench consolidate`: rebuilding the consolidated workbook from a ledger of 250,
//! 500 and 1,000 units' reports (each the realistic Kanreg VII workbook, 14 IKU with budget).
//! Each size runs in a fresh process so that its peak memory is its own. Target: 1,000 units in
//! under 2 s, memory flat as units grow.

use kinerja::check::check;
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::Period;
use kinerja::store::{Arrival, Decision, Ledger, Reading, Record};
use std::path::Path;
use std::time::Instant;

fn status_kib(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN)
}

/// Rebuild the workbook of `units` units; `keep`: copy it there (the comparator reads its cells).
fn run(units: usize, keep: Option<&str>) {
    let dir = std::env::temp_dir().join(format!("kinerja-bench-consolidate-{units}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("state")).unwrap();
    std::fs::create_dir_all(dir.join("outbox")).unwrap();
    let mut toml = String::new();
    for i in 0..units {
        toml.push_str(&format!("[[unit]]\ncode = \"U{i:04}\"\nname = \"Unit {i}\"\n\n"));
    }
    std::fs::write(dir.join("kinerja.toml"), toml).unwrap();
    let config = Config::load(&dir.join("kinerja.toml")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_budget_columns.xlsx");
    let outcome = check(&fixture, &config, &Overrides::default());
    let reading = outcome.reading();
    let mut ledger = Ledger::open(&dir.join("state/ledger.sqlite")).unwrap();
    let records: Vec<Record> = (0..units)
        .map(|i| Record {
            arrival: Arrival {
                id: format!("{i:013}-00000000-000000"),
                folder: format!("U{i:04}"),
                file_name: "laporan.xlsx".into(),
                received_ms: i as i64,
            },
            sha256: format!("{i:064x}"),
            decision: Decision::Read {
                reading: Box::new(Reading { unit: Some(format!("U{i:04}")), ..reading.clone() }),
                rejected: None,
            },
            stored_path: format!("archive/{i}.xlsx"),
            messages: None,
        })
        .collect();
    ledger.record_batch(&records).unwrap();
    drop(records);
    // The peak so far is the setup's: start the count again (Linux), so that the peak read after
    // the rebuild is the rebuild's own and not hidden below the setup's.
    std::fs::write("/proc/self/clear_refs", "5").expect("resetting the peak RSS (Linux)");
    let before = status_kib("VmRSS:");
    let start = Instant::now();
    let path = kinerja::consolidate::rebuild(&config, &ledger, 2024, Period::Year).unwrap();
    let elapsed = start.elapsed();
    let peak = status_kib("VmHWM:");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "{units:>6} units: {:>7.0} ms, peak RSS during the rebuild +{:.1} MiB, workbook {:.1} MiB",
        elapsed.as_secs_f64() * 1000.0,
        (peak - before).max(0.0) / 1024.0,
        size as f64 / 1024.0 / 1024.0
    );
    if let Some(keep) = keep {
        std::fs::copy(&path, keep).unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    let arg = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    if let Some(units) = arg("--units") {
        return run(units.parse().unwrap(), arg("--keep").as_deref());
    }
    println!("consolidated workbook rebuild (target: 1,000 units under 2 s, memory flat):");
    for units in [250, 500, 1000] {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--units", &units.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}
