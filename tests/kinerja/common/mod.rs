//! Shared helpers: fixture paths, checking a fixture, finding lookups.

use kinerja::check::{Outcome, check};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::amount::display2;
use kinerja::model::{Code, Finding, Score};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn check_fixture(name: &str) -> Outcome {
    check_with(name, Overrides::default())
}

pub fn check_with(name: &str, overrides: Overrides) -> Outcome {
    check(&fixture(name), &Config::builtin(), &overrides)
}

/// A fixture checked held to the agreement another fixture holds.
pub fn check_held_to(name: &str, agreement: &str) -> Outcome {
    let config = Config::builtin();
    let pk = check(&fixture(agreement), &config, &Overrides::default());
    let given = kinerja::check::Given { agreement: Some(pk.scored.expect("the agreement reads").0), previous: None };
    kinerja::check::check_with(&fixture(name), &config, &Overrides::default(), &given)
}

/// A score as displayed: two decimals half-up, or `N/A`.
pub fn shown(score: &Score) -> String {
    score.value.map_or_else(|| "N/A".to_string(), display2)
}

/// Each perspective of a report as scored: name, score, weight and NKP, two decimals each.
pub fn weighed(outcome: &Outcome) -> Vec<[String; 4]> {
    let card = &outcome.scored.as_ref().expect("a scored report").1;
    (card.perspectives.iter()).map(|p| [p.name.clone(), shown(&p.score), display2(p.weight), shown(&p.nkp)]).collect()
}

/// A report whose errors are `code` alone, at `cells`, with the scores above them unknown: no
/// NPSS, and `perspective` with no score or NKP, keeping its share (25 % of four).
pub fn assert_unknown_above(outcome: &Outcome, code: Code, cells: &[&str], perspective: &str) {
    assert_eq!(error_codes(outcome), vec![code.as_str(); cells.len()], "{:#?}", outcome.findings);
    assert_eq!(places(outcome, code), cells);
    assert_eq!(shown(&outcome.scored.as_ref().expect("a scored report").1.npss), "N/A");
    let row = weighed(outcome).into_iter().find(|[name, ..]| name == perspective);
    assert_eq!(row, Some([perspective, "N/A", "25.00", "N/A"].map(String::from)));
}

pub fn findings(outcome: &Outcome, code: Code) -> Vec<&Finding> {
    outcome.findings.iter().filter(|f| f.code == code).collect()
}

/// The `Sheet!A1` places of the findings with `code`.
pub fn places(outcome: &Outcome, code: Code) -> Vec<String> {
    findings(outcome, code).iter().filter_map(|f| f.at.as_ref().map(|a| a.to_string())).collect()
}

/// A KR07 2024 layout checked: read without an error, to the published NPSS 99,27.
pub fn check_as_published(name: &str) -> Outcome {
    check_clean(name, "99.27")
}

/// A fixture checked: read without an error, to `npss`.
pub fn check_clean(name: &str, npss: &str) -> Outcome {
    let outcome = check_fixture(name);
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), npss, "{name}");
    outcome
}

/// `fixture` copied under another file name, checked. Each call has a folder of its own, removed
/// after, so tests running at once never share one and none is left behind.
pub fn check_named(fixture_name: &str, file_name: &str, overrides: Overrides) -> Outcome {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("kinerja-named-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(file_name);
    std::fs::copy(fixture(fixture_name), &path).unwrap();
    let outcome = check(&path, &Config::builtin(), &overrides);
    std::fs::remove_dir_all(&dir).unwrap();
    outcome
}

pub fn error_codes(outcome: &Outcome) -> Vec<&'static str> {
    outcome.findings.iter().filter(|f| f.severity == kinerja::model::Severity::Error).map(|f| f.code.as_str()).collect()
}

pub mod smtp;

#[path = "distinct.rs"]
mod distinct;
pub use distinct::{distinct_copy, report_of_kanreg};
