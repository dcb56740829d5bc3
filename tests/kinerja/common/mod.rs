//! Shared helpers: fixture paths, checking a fixture, finding lookups.

use kinerja::check::{Outcome, check};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::amount::display2;
use kinerja::model::{Code, Finding, Score};
use std::path::PathBuf;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn check_fixture(name: &str) -> Outcome {
    check_with(name, Overrides::default())
}

pub fn check_with(name: &str, overrides: Overrides) -> Outcome {
    check(&fixture(name), &Config::builtin(), &overrides)
}

/// A score as displayed: two decimals half-up, or `N/A`.
pub fn shown(score: &Score) -> String {
    score.value.map_or_else(|| "N/A".to_string(), display2)
}

pub fn findings(outcome: &Outcome, code: Code) -> Vec<&Finding> {
    outcome.findings.iter().filter(|f| f.code == code).collect()
}

/// The `Sheet!A1` places of the findings with `code`.
pub fn places(outcome: &Outcome, code: Code) -> Vec<String> {
    findings(outcome, code).iter().filter_map(|f| f.at.as_ref().map(|a| a.to_string())).collect()
}

pub fn error_codes(outcome: &Outcome) -> Vec<&'static str> {
    outcome.findings.iter().filter(|f| f.severity == kinerja::model::Severity::Error).map(|f| f.code.as_str()).collect()
}

pub mod smtp;

#[path = "distinct.rs"]
mod distinct;
pub use distinct::distinct_copy;

/// The Kanreg VII report re-titled as another Kantor Regional's (`roman`: "I", "II", …, with its
/// seat), so each unit's folder gets a report of its own: the package rewritten part by part.
pub fn report_of_kanreg(bytes: &[u8], roman: &str, seat: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data).unwrap();
            let text = text
                .replace("Kantor Regional VII BKN Palembang", &format!("Kantor Regional {roman} BKN {seat}"))
                .replace("Kantor Regional VII BKN", &format!("Kantor Regional {roman} BKN"));
            data = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}
