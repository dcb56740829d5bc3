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

/// The same workbook repackaged with a zip archive comment, so each copy has its own SHA-256
/// while its content stays the fixture's.
pub fn distinct_copy(bytes: &[u8], comment: &str) -> Vec<u8> {
    let end = bytes.len() - 22;
    assert_eq!(&bytes[end..end + 4], b"PK\x05\x06", "fixture has no archive comment yet");
    let mut out = bytes.to_vec();
    let len = comment.len() as u16;
    out[end + 20..end + 22].copy_from_slice(&len.to_le_bytes());
    out.extend_from_slice(comment.as_bytes());
    out
}
