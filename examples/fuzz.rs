//! Structure-aware fuzzing of the reader on the stable toolchain: takes the fixture workbooks,
//! mutates the XML inside their packages (and sometimes the package bytes), and runs the whole
//! check on each result. A panic, or a file that takes longer than its budget, is a finding:
//! the input is saved under `target/fuzz-findings/` and the run fails; add it to the hostile
//! corpus (tests/hostile/) once fixed. An abort or an out-of-memory kill cannot be caught: the
//! input that caused it is `target/fuzz-findings/last-input-<seed>`.
//!
//! ```sh
//! cargo run --release --example fuzz -- --seconds 20          # the short budget of CI
//! cargo run --release --example fuzz -- --seconds 3600 --seed 7
//! ```

use kinerja::check::{Given, check_bytes};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// splitmix64: small, fast, and the same run for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Tokens that have broken readers: huge counts and places, error values, odd types, entities.
const TOKENS: &[&str] = &[
    "<c r=\"XFD1048576\"><v>1</v></c>",
    "<c r=\"A99999999999\"><v>1</v></c>",
    "<c r=\"B2\" t=\"e\"><v>#SPILL!</v></c>",
    "<c r=\"C3\" t=\"s\"><v>4294967296</v></c>",
    "<c r=\"D4\" t=\"x\"><v>1</v></c>",
    "<c r=\"E5\"><v>1e999</v></c>",
    "<c r=\"F6\" t=\"inlineStr\"><is><t>1.234,5*)</t></is></c>",
    "<row r=\"0\">",
    "<row r=\"4294967295\">",
    "uniqueCount=\"18446744073709551615\"",
    "count=\"-1\"",
    "<dimension ref=\"A1:XFD1048576\"/>",
    "&#0;",
    "&#x1F600;",
    "&unknown;",
    "<![CDATA[N/A]]>",
    "_x000D_",
    "state=\"veryHidden\"",
    "<si><t>Tahun 2024 Triwulan IV</t></si>",
    "<si><t>Sasaran Strategis</t></si><si><t>Indikator Kinerja</t></si><si><t>Target</t></si>",
    "</sheetData>",
    "<sheetData>",
    "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>",
    "table:number-columns-repeated=\"16384\"",
    "table:number-rows-spanned=\"4294967295\"",
    "<text:s text:c=\"999999999\"/>",
    "office:value-type=\"percentage\" office:value=\"0.95\"",
    "calcext:value-type=\"error\"",
    "table:visibility=\"collapse\"",
    "\u{0}",
];

fn mutate_text(rng: &mut Rng, data: &mut Vec<u8>) {
    let at = rng.below(data.len() + 1);
    match rng.below(6) {
        0 => data.splice(at..at, TOKENS[rng.below(TOKENS.len())].bytes()).for_each(drop),
        1 => {
            let end = (at + rng.below(64)).min(data.len());
            data.drain(at..end);
        }
        2 => {
            let end = (at + rng.below(256)).min(data.len());
            let copy = data[at..end].to_vec();
            let to = rng.below(data.len() + 1);
            data.splice(to..to, copy).for_each(drop);
        }
        3 if !data.is_empty() => {
            let i = rng.below(data.len());
            data[i] ^= 1 << rng.below(8);
        }
        4 => {
            // A number in the XML made huge, negative or fractional.
            if let Some(i) = (at..data.len()).find(|&i| data[i].is_ascii_digit()) {
                let new = ["99999999999999999999", "-1", "0.5", "18446744073709551616", "1048577"][rng.below(5)];
                data.splice(i..i + 1, new.bytes()).for_each(drop);
            }
        }
        _ => data.truncate(at),
    }
}

/// The fixture's parts, one of them (or the package's raw bytes) mutated a few times.
fn mutant(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let archive = zip::ZipArchive::new(Cursor::new(original));
    if archive.is_err() || rng.below(10) == 0 {
        let mut raw = original.to_vec();
        for _ in 0..1 + rng.below(8) {
            mutate_text(rng, &mut raw);
        }
        return raw;
    }
    let Ok(mut archive) = archive else { unreachable!("checked above") };
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("fixture parts read");
        let mut data = Vec::new();
        part.read_to_end(&mut data).expect("fixture parts read");
        parts.push((part.name().map(|n| n.into_owned()).unwrap_or_default(), data));
    }
    let chosen = rng.below(parts.len());
    for _ in 0..1 + rng.below(4) {
        mutate_text(rng, &mut parts[chosen].1);
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("zip writes");
        out.write_all(data).expect("zip writes");
    }
    out.finish().expect("zip writes").into_inner()
}

fn main() {
    let mut seconds = 20u64;
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_secs());
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        match (pair[0].as_str(), pair.get(1).and_then(|v| v.parse().ok())) {
            ("--seconds", Some(v)) => seconds = v,
            ("--seed", Some(v)) => seed = v,
            _ => panic!("usage: fuzz [--seconds N] [--seed N]"),
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| ["xlsx", "xlsm", "ods", "xls"].contains(&&*e.to_string_lossy())))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < 200_000))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("fixture reads");
            (p, bytes)
        })
        .collect();
    seeds.sort();
    let findings = root.join("target/fuzz-findings");
    std::fs::create_dir_all(&findings).expect("findings folder");
    let last = findings.join(format!("last-input-{seed}"));
    let mut config = Config::builtin();
    config.limits.time_budget = Duration::from_secs(5);
    // Panics are findings, reported below; the default hook would print each one.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let (start, mut runs, mut found) = (Instant::now(), 0u64, 0u32);
    while start.elapsed() < Duration::from_secs(seconds) {
        let (path, original) = &seeds[rng.below(seeds.len())];
        let input = mutant(&mut rng, original);
        let name = Path::new(path.file_name().expect("a file name"));
        // Kept until the next input: an abort or a kill for memory cannot be caught, the file can.
        std::fs::write(&last, &input).expect("last input saved");
        let began = Instant::now();
        let outcome = std::panic::catch_unwind(|| {
            check_bytes(name, &input, String::new(), &config, &Overrides::default(), &Given::default(), began)
        });
        let took = began.elapsed();
        let problem = match outcome {
            Err(_) => Some("panic"),
            Ok(outcome) if outcome.findings.iter().any(|f| f.code.as_str() == "PROCESSING_FAILED") => Some("panic"),
            Ok(_) if took > Duration::from_secs(6) => Some("slow"),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            found += 1;
            std::fs::create_dir_all(&findings).expect("findings folder");
            let saved = findings.join(format!("{problem}-{seed}-{runs}-{}", name.display()));
            std::fs::write(&saved, &input).expect("finding saved");
            eprintln!("{problem} ({took:?}) on a mutant of {}: saved as {}", name.display(), saved.display());
        }
        runs += 1;
    }
    println!("{runs} inputs in {:?} (seed {seed}): {found} findings", start.elapsed());
    if found > 0 {
        std::process::exit(1);
    }
}
