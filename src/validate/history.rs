//! A resubmission against the unit's previous version of the same report: what changed, and
//! the claims that were not updated with it (a stale NPSS after a revised indicator).

use crate::model::amount::display2;
use crate::model::{BudgetScope, Claim, Code, Finding, Report, Scorecard, Value};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Whether the previous version printed the same number.
fn same(before: Option<&Decimal>, now: &str) -> bool {
    before.is_some_and(|before| now.parse::<Decimal>().ok() == Some(*before))
}

/// What the previous version said: its inputs and the values it computed itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Indicator code → (target, realisasi).
    inputs: HashMap<String, (Value, Value)>,
    /// Finding subject → the value the previous version claimed (NPSS, NKP, NSS, capaian, …).
    claims: HashMap<String, Decimal>,
}

impl Previous {
    /// From what the ledger kept of it: each indicator's (code, target, realisasi), and its
    /// claims by subject.
    pub fn new(
        inputs: impl IntoIterator<Item = (String, Value, Value)>,
        claims: impl IntoIterator<Item = (String, Decimal)>,
    ) -> Previous {
        Previous {
            inputs: inputs.into_iter().map(|(code, target, realisasi)| (code, (target, realisasi))).collect(),
            claims: claims.into_iter().collect(),
        }
    }

    /// From a scored report, as it is compared with its next version.
    pub fn of(report: &Report, card: &Scorecard) -> Previous {
        Previous::new(
            report.indicators.iter().map(|i| (i.code.clone(), i.target.value.clone(), i.realisasi.value.clone())),
            claims(report, card).into_iter().map(|(subject, claim)| (subject, claim.value)),
        )
    }
}

/// The values a scored report computed itself, by the subject its claim finding names; the
/// first of a subject printed twice.
pub fn claims<'r>(report: &'r Report, card: &Scorecard) -> Vec<(String, &'r Claim)> {
    let mut all: Vec<(String, &Claim)> = Vec::new();
    let mut add = |subject: String, claim: &'r Option<Claim>| {
        if let Some(claim) = claim
            && !all.iter().any(|(s, _)| *s == subject)
        {
            all.push((subject, claim));
        }
    };
    for row in &report.indicators {
        add(row.code.clone(), &row.capaian);
    }
    for row in &report.goals {
        add(row.code.clone(), &row.nss);
    }
    for perspective in &card.perspectives {
        if let Some(row) = report.perspectives.iter().find(|r| r.name == perspective.name) {
            add(format!("NKP {}", row.name), &row.nkp);
            add(format!("Skor {}", row.name), &row.skor);
        }
    }
    add("NPSS".into(), &report.npss);
    // The budget tables' own claims: a secondary table left from the previous version.
    for row in &report.budget {
        add(format!("Serapan {}", row.code), &row.serapan);
        add(format!("Sisa {}", row.code), &row.sisa);
        add(format!("Efisiensi {}", row.code), &row.efisiensi);
    }
    all
}

/// Add what changed since `previous`, and turn the claim findings whose printed value is the
/// previous version's into `STALE_CLAIM` when the inputs beneath changed, in every table: the
/// scorecard's claims and the budget tables' serapan, sisa and efficiency (an efficiency computed
/// from the previous version's capaian too).
pub fn compare(report: &Report, card: &Scorecard, previous: &Previous, findings: &mut Vec<Finding>) {
    let mut changed = false;
    for indicator in &report.indicators {
        let Some((target, realisasi)) = previous.inputs.get(&indicator.code) else { continue };
        for (what, before, now) in
            [("Target", target, &indicator.target.value), ("Realisasi", realisasi, &indicator.realisasi.value)]
        {
            if before != now {
                changed = true;
                let at = if what == "Target" { &indicator.target.at } else { &indicator.realisasi.at };
                findings.push(
                    Finding::new(Code::Changed, at.clone(), format!("{what} {}", indicator.code))
                        .found(before.shown("(kosong)"))
                        .expected(now.shown("(kosong)")),
                );
            }
        }
    }
    if !changed {
        return;
    }
    for finding in findings.iter_mut() {
        let key = match finding.code {
            Code::ClaimNpss => "NPSS".to_string(),
            Code::ClaimNkp => format!("NKP {}", finding.subject),
            Code::ClaimSkor => format!("Skor {}", finding.subject),
            Code::ClaimNss | Code::ClaimCapaian => finding.subject.clone(),
            Code::ClaimSerapan => format!("Serapan {}", finding.subject),
            Code::ClaimSisa => format!("Sisa {}", finding.subject),
            Code::ClaimEfisiensi => format!("Efisiensi {}", finding.subject),
            Code::EfficiencyBasis => {
                // Said of the capaian it was computed from; stale when the efficiency printed is
                // the previous version's.
                let line = report
                    .budget
                    .iter()
                    .zip(&card.budget)
                    .find(|(row, _)| row.scope == BudgetScope::Goal && row.code == finding.subject);
                let Some((Some(printed), Some(computed))) =
                    line.map(|(row, line)| (row.efisiensi.as_ref(), line.efisiensi))
                else {
                    continue;
                };
                let key = format!("Efisiensi {}", finding.subject);
                if same(previous.claims.get(&key), &printed.value.normalize().to_string()) {
                    finding.code = Code::StaleClaim;
                    finding.severity = Code::StaleClaim.default_severity();
                    finding.subject = key;
                    finding.found = printed.value.normalize().to_string();
                    finding.expected = display2(computed);
                }
                continue;
            }
            _ => continue,
        };
        if same(previous.claims.get(&key), &finding.found) {
            finding.code = Code::StaleClaim;
            finding.severity = Code::StaleClaim.default_severity();
            finding.subject = key;
        }
    }
}
