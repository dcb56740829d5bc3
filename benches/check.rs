//! `cargo bench`: the cost of `check` (read, score, validate) next to a bare calamine
//! open-and-read of the same file, on a realistic unit workbook and on a 5,000-row one.
//! Target: check costs at most 1.5x the bare read.

use calamine::{Data, Reader, open_workbook_auto};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Open the workbook and touch every cell of every sheet: the least any reader must do.
fn bare_read(path: &Path) -> usize {
    let mut workbook = open_workbook_auto(path).expect("fixture opens");
    let mut cells = 0;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).expect("sheet reads");
        cells += range.used_cells().filter(|(_, _, d)| !matches!(d, Data::Empty)).count();
    }
    cells
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Median times of `a` and `b`, measured alternately so that both see the same machine.
fn race(iterations: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    a();
    b();
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let start = Instant::now();
        a();
        ta.push(start.elapsed());
        let start = Instant::now();
        b();
        tb.push(start.elapsed());
    }
    (median(ta), median(tb))
}

/// Peak resident memory of this process so far (VmHWM), in MiB.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let config = Config::builtin();
    println!(
        "{:<34} {:>12} {:>12} {:>7} {:>10} {:>10}",
        "workbook", "calamine", "check", "ratio", "files/s", "peak MiB"
    );
    for (name, iterations) in [("kr07_2024_budget_columns.xlsx", 200), ("large_5000_rows.xlsx", 15)] {
        let path = fixtures.join(name);
        let (bare, check) = race(
            iterations,
            || {
                std::hint::black_box(bare_read(&path));
            },
            || {
                std::hint::black_box(kinerja::check::check(&path, &config, &Overrides::default()));
            },
        );
        println!(
            "{:<34} {:>10.2?} {:>12.2?} {:>6.2}x {:>10.1} {:>10.1}",
            name,
            bare,
            check,
            check.as_secs_f64() / bare.as_secs_f64(),
            1.0 / check.as_secs_f64(),
            peak_mib()
        );
    }
}
