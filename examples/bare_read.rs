//! The least any reader must do with a workbook: open it with calamine and touch every cell of
//! every sheet. The comparator (`benches/compare/run`) divides kinerja's cost per file by this.
//!
//! ```sh
//! cargo run --release --example bare_read -- --rounds 5 a.xlsx b.xlsx …
//! ```
//! Prints one line: the mean time per file in microseconds, over every round after a first
//! one that warms the page cache.

use calamine::{Data, Reader, open_workbook_auto};
use std::time::Instant;

fn read(path: &str) -> usize {
    let mut workbook = open_workbook_auto(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cells = 0;
    for name in workbook.sheet_names() {
        if let Ok(range) = workbook.worksheet_range(&name) {
            cells += range.used_cells().filter(|(_, _, d)| !matches!(d, Data::Empty)).count();
        }
    }
    cells
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 3;
    if let Some(i) = args.iter().position(|a| a == "--rounds") {
        rounds = args.get(i + 1).and_then(|r| r.parse().ok()).expect("--rounds N");
        args.drain(i..i + 2);
    }
    assert!(!args.is_empty(), "usage: bare_read [--rounds N] FILE…");
    let cells: usize = args.iter().map(|p| read(p)).sum();
    let start = Instant::now();
    for _ in 0..rounds {
        for path in &args {
            std::hint::black_box(read(path));
        }
    }
    let per_file = start.elapsed().as_secs_f64() * 1e6 / (rounds * args.len()) as f64;
    println!("{per_file:.1} µs per file ({} files, {cells} cells, {rounds} rounds)", args.len());
}
