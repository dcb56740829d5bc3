//! A resubmission against the unit's previous version of the same report: what changed, and
//! the claims that were not updated with it (a stale NPSS after a revised indicator).

use crate::model::amount::display2;
use crate::model::{BudgetScope, Code, Finding, Report, Scorecard};
use serde_json::Value as Json;
use std::collections::HashMap;

/// Whether the previous version printed the same number.
fn same(before: Option<&String>, now: &str) -> bool {
    before
        .is_some_and(|before| before.parse::<rust_decimal::Decimal>().ok() == now.parse::<rust_decimal::Decimal>().ok())
}

/// What the previous version said, from its check JSON (as kept in the ledger).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Indicator code → (target, realisasi) as the JSON wrote them.
    inputs: HashMap<String, (Json, Json)>,
    /// Finding subject → the value the previous version claimed (NPSS, NKP, NSS, capaian).
    claims: HashMap<String, String>,
}

fn text(value: &Json) -> String {
    match value {
        Json::Null => "(kosong)".into(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn number_text(value: &Json) -> Option<String> {
    value.as_number().map(|n| n.to_string())
}

impl Previous {
    pub fn from_json(json: &Json) -> Previous {
        let list = |key: &str| json.get(key).and_then(Json::as_array).cloned().unwrap_or_default();
        let field = |item: &Json, key: &str| item.get(key).cloned().unwrap_or(Json::Null);
        let mut inputs = HashMap::new();
        let mut claims = HashMap::new();
        for item in list("indicators") {
            let code = text(&field(&item, "code"));
            inputs.insert(code.clone(), (field(&item, "target"), field(&item, "realisasi")));
            if let Some(c) = number_text(&field(&item, "claimed_capaian")) {
                claims.insert(code, c);
            }
        }
        for item in list("goals") {
            if let Some(c) = number_text(&field(&item, "claimed_nss")) {
                claims.insert(text(&field(&item, "code")), c);
            }
        }
        for item in list("perspectives") {
            let name = text(&field(&item, "name"));
            if let Some(c) = number_text(&field(&item, "claimed_nkp")) {
                claims.insert(format!("NKP {name}"), c);
            }
            if let Some(c) = number_text(&field(&item, "claimed_score")) {
                claims.insert(format!("Skor {name}"), c);
            }
        }
        if let Some(c) = number_text(&field(json, "claimed_npss")) {
            claims.insert("NPSS".into(), c);
        }
        // The budget tables' own claims: a secondary table left from the previous version.
        for item in list("budget") {
            let code = text(&field(&item, "code"));
            for (what, key) in
                [("Serapan", "claimed_serapan"), ("Sisa", "claimed_sisa"), ("Efisiensi", "claimed_efisiensi")]
            {
                if let Some(c) = number_text(&field(&item, key)) {
                    claims.insert(format!("{what} {code}"), c);
                }
            }
        }
        Previous { inputs, claims }
    }
}

/// Add what changed since `previous`, and turn the claim findings whose printed value is the
/// previous version's into `STALE_CLAIM` when the inputs beneath changed, in every table: the
/// scorecard's claims and the budget tables' serapan, sisa and efficiency (an efficiency computed
/// from the previous version's capaian too).
pub fn compare(report: &Report, card: &Scorecard, previous: &Previous, findings: &mut Vec<Finding>) {
    let mut changed = false;
    for indicator in &report.indicators {
        let Some((target, realisasi)) = previous.inputs.get(&indicator.code) else { continue };
        for (what, before, now) in [
            ("Target", target, indicator.target.value.to_json()),
            ("Realisasi", realisasi, indicator.realisasi.value.to_json()),
        ] {
            if *before != now {
                changed = true;
                let at = if what == "Target" { &indicator.target.at } else { &indicator.realisasi.at };
                findings.push(
                    Finding::new(Code::Changed, at.clone(), format!("{what} {}", indicator.code))
                        .found(text(before))
                        .expected(text(&now)),
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
            finding.subject = key;
        }
    }
}
