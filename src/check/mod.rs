//! `kinerja check`: one workbook read, scored and checked — the whole flow for one file.

mod json;
mod text;

pub use json::to_json;
pub use text::to_text;

use crate::config::Config;
use crate::ingest::{self, Overrides};
use crate::model::{Finding, Report, Scorecard, Severity, Unit};
use crate::{score, validate};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Everything `check` learned about one file.
#[derive(Debug)]
pub struct Outcome {
    pub file: PathBuf,
    /// Hex SHA-256 of the file's bytes; empty when the file could not be read at all.
    pub sha256: String,
    pub unit: Option<Unit>,
    /// `None` when the file could not be read as a workbook at all.
    pub scored: Option<(Report, Scorecard)>,
    pub findings: Vec<Finding>,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// 0 when there is no error finding, 1 when there is, 2 when the file could not be read.
    pub fn exit_code(&self) -> i32 {
        match (&self.scored, self.count(Severity::Error)) {
            (None, _) => 2,
            (Some(_), 0) => 0,
            (Some(_), _) => 1,
        }
    }
}

/// Read, score and check the workbook at `path`.
pub fn check(path: &Path, config: &Config, overrides: &Overrides) -> Outcome {
    let sha256 = std::fs::read(path).map(|bytes| hex(&Sha256::digest(&bytes))).unwrap_or_default();
    check_hashed(path, sha256, config, overrides)
}

/// [`check`] for a file whose SHA-256 the caller already has.
pub fn check_hashed(path: &Path, sha256: String, config: &Config, overrides: &Overrides) -> Outcome {
    let mut outcome = Outcome { file: path.to_path_buf(), sha256, unit: None, scored: None, findings: Vec::new() };
    match ingest::read(path, &config.units, overrides) {
        Err(e) => outcome.findings.push(e.finding()),
        Ok((report, mut findings)) => {
            let (card, mut scoring) = score::score(&report, &config.rules);
            findings.append(&mut scoring);
            findings.extend(validate::claims(&report, &card));
            outcome.unit = report.identity.unit.as_deref().and_then(|code| config.units.get(code)).cloned();
            outcome.findings = findings;
            outcome.scored = Some((report, card));
        }
    }
    outcome
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
