//! `kinerja check`: one workbook read, scored and checked — the whole flow for one file.

mod json;
mod text;

pub use json::to_json;
pub use text::to_text;

use crate::config::Config;
use crate::ingest::{self, Overrides};
use crate::model::{Code, Finding, Kind, Language, Period, Report, Scorecard, Severity, Unit};
use crate::validate::history::Previous;
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
    /// The language its messages are rendered in.
    pub language: Language,
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

/// What the review needs besides the workbook: the unit's governing agreement for the year,
/// and its previous version of the same report.
pub trait Context {
    fn agreement(&self, unit: &str, year: u16) -> Option<Report>;
    fn previous(&self, unit: &str, year: u16, period: Period, kind: Kind) -> Option<Previous>;
}

/// An agreement and a previous version given directly (`--agreement`, `--previous`), or none.
#[derive(Debug, Default)]
pub struct Given {
    pub agreement: Option<Report>,
    pub previous: Option<Previous>,
}

impl Context for Given {
    fn agreement(&self, _: &str, _: u16) -> Option<Report> {
        self.agreement.clone()
    }

    fn previous(&self, _: &str, _: u16, _: Period, _: Kind) -> Option<Previous> {
        self.previous.clone()
    }
}

/// Read, score and check the workbook at `path`, on its own.
pub fn check(path: &Path, config: &Config, overrides: &Overrides) -> Outcome {
    check_with(path, config, overrides, &Given::default())
}

/// [`check`] with an agreement and a previous version to review against.
pub fn check_with(path: &Path, config: &Config, overrides: &Overrides, context: &dyn Context) -> Outcome {
    let sha256 = std::fs::read(path).map(|bytes| hex(&Sha256::digest(&bytes))).unwrap_or_default();
    check_hashed(path, sha256, config, overrides, context)
}

/// The whole review of one workbook whose SHA-256 the caller has: read; for a realisasi report,
/// put it in its agreement's shape; score; review against its claims, budget, ranges and
/// previous version; apply the configured severities.
pub fn check_hashed(
    path: &Path,
    sha256: String,
    config: &Config,
    overrides: &Overrides,
    context: &dyn Context,
) -> Outcome {
    let language = config.review.language;
    let mut outcome =
        Outcome { file: path.to_path_buf(), sha256, unit: None, scored: None, findings: Vec::new(), language };
    let (mut report, mut findings) = match ingest::read(path, &config.units, overrides) {
        Ok(read) => read,
        Err(e) => {
            outcome.findings.push(e.finding());
            return outcome;
        }
    };
    let identity = report.identity.clone();
    if report.kind == Kind::Realisasi
        && let (Some(unit), Some(year)) = (&identity.unit, identity.year)
        && let Some(agreement) = context.agreement(unit, year)
    {
        findings.extend(validate::agreement::apply(&mut report, &agreement));
        // The agreement places every goal: a missing perspective row no longer matters.
        findings.retain(|f| f.code != Code::PerspectiveMissing);
    }
    let (card, scoring) = score::score(&report, &config.rules);
    findings.extend(scoring);
    let previous = match (&identity.unit, identity.year, identity.period) {
        (Some(unit), Some(year), Some(period)) => context.previous(unit, year, period, report.kind),
        _ => None,
    };
    findings.extend(validate::review(&report, &card, &config.rules, previous.as_ref()));
    for finding in &mut findings {
        finding.severity = config.review.severity(finding.code);
    }
    outcome.unit = identity.unit.as_deref().and_then(|code| config.units.get(code)).cloned();
    outcome.findings = findings;
    outcome.scored = Some((report, card));
    outcome
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
