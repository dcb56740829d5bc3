//! A resubmission against the unit's previous version of the same report: what changed, and
//! the claims that were not updated with it (a stale NPSS after a revised indicator).

use crate::model::amount::{display2, rupiah};
use crate::model::text::{EMPTY, NOT_REPORTED};
use crate::model::{
    BudgetAmounts, BudgetLine, BudgetScope, CellRef, Claim, Code, Finding, Input, Report, Scorecard, Value,
};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Whether the previous version printed the same number.
fn same(before: Option<&Decimal>, now: &str) -> bool {
    before.is_some_and(|before| now.parse::<Decimal>().ok() == Some(*before))
}

/// What the previous version said: its inputs, its budget and the values it computed itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Each indicator's target and realisasi, in the order printed.
    inputs: Vec<Input>,
    /// Indicator code → its place in `inputs`.
    index: HashMap<String, usize>,
    /// Each budget line's (scope, code, pagu, realisasi), in the order printed.
    budget: Vec<BudgetAmounts>,
    /// (scope, code) → the place of the first such line in `budget`.
    budget_index: HashMap<(String, String), usize>,
    /// Finding subject → the value the previous version claimed (NPSS, NKP, NSS, capaian, …).
    claims: HashMap<String, Decimal>,
}

impl Previous {
    /// From what the ledger kept of it: each indicator's target and realisasi, each budget
    /// line's (scope, code, pagu, realisasi), and its claims by subject.
    pub fn new(
        inputs: Vec<Input>,
        budget: Vec<BudgetAmounts>,
        claims: impl IntoIterator<Item = (String, Decimal)>,
    ) -> Previous {
        let mut index = HashMap::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            index.entry(input.code.clone()).or_insert(i);
        }
        let mut budget_index = HashMap::with_capacity(budget.len());
        for (i, (scope, code, ..)) in budget.iter().enumerate() {
            budget_index.entry((scope.clone(), code.clone())).or_insert(i);
        }
        Previous { inputs, index, budget, budget_index, claims: claims.into_iter().collect() }
    }

    /// From a scored report, as it is compared with its next version.
    pub fn of(report: &Report, card: &Scorecard) -> Previous {
        Previous::new(
            report.printed.iter().map(Input::from).collect(),
            card.budget.iter().map(|l| (l.scope.as_str().to_string(), l.code.clone(), l.pagu, l.realisasi)).collect(),
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

/// A `CHANGED` finding: `subject` was `before` in the previous version and is `now`.
fn changed(at: Option<&CellRef>, subject: String, before: String, now: String) -> Finding {
    Finding::new(Code::Changed, at.cloned(), subject).found(before).expected(now)
}

/// Whether an indicator's `what` ("Target" or "Realisasi") is said when the indicator is added or
/// left out: its target always, its realisasi when it has one (an agreement has none).
fn said_alone(what: &str, value: &Value) -> bool {
    what == "Target" || *value != Value::Missing
}

/// What changed in the indicators' targets and realisasi as printed since `previous`, an
/// indicator added or left out included; whether anything did. What the workbooks print, not
/// what governed them: a revised agreement between two versions changes no cell of the unit's.
fn indicator_changes(report: &Report, previous: &Previous, findings: &mut Vec<Finding>) -> bool {
    let before = findings.len();
    for indicator in &report.printed {
        let was =
            previous.index.get(&indicator.code).map(|&i| (&previous.inputs[i].target, &previous.inputs[i].realisasi));
        for (what, now, at) in [
            ("Target", &indicator.target.value, &indicator.target.at),
            ("Realisasi", &indicator.realisasi.value, &indicator.realisasi.at),
        ] {
            let was = match (was, what) {
                // Read from no cell (no such column, or only another year's): not a change the
                // unit made; its table's error says why.
                (Some(_), _) if at.is_none() => continue,
                (None, _) if said_alone(what, now) => NOT_REPORTED.into(),
                (Some((target, _)), "Target") if target != now => target.shown(EMPTY),
                (Some((_, realisasi)), "Realisasi") if realisasi != now => realisasi.shown(EMPTY),
                _ => continue,
            };
            let subject = format!("{what} {}", indicator.code);
            findings.push(changed(at.as_ref(), subject, was, now.shown(EMPTY)));
        }
    }
    let mut reported: HashSet<&str> = report.printed.iter().map(|i| i.code.as_str()).collect();
    for Input { code, target, realisasi } in &previous.inputs {
        if reported.insert(code) {
            for (what, was) in
                [("Target", target), ("Realisasi", realisasi)].into_iter().filter(|(w, v)| said_alone(w, v))
            {
                findings.push(changed(None, format!("{what} {code}"), was.shown(EMPTY), NOT_REPORTED.into()));
            }
        }
    }
    findings.len() > before
}

/// What changed in the budget lines' pagu and realisasi anggaran since `previous`, a line added
/// or left out included (the first line of a scope and code); whether anything did.
fn budget_changes(report: &Report, card: &Scorecard, previous: &Previous, findings: &mut Vec<Finding>) -> bool {
    let before = findings.len();
    let shown = |amount: Option<Decimal>| amount.map_or_else(|| EMPTY.into(), rupiah);
    let mut printed = HashSet::new();
    for (row, line) in report.budget.iter().zip(&card.budget) {
        let key = (line.scope.as_str().to_string(), line.code.clone());
        if !printed.insert(key.clone()) {
            continue;
        }
        let was = previous.budget_index.get(&key).map(|&i| (previous.budget[i].2, previous.budget[i].3));
        for (what, was, now, at) in [
            ("Pagu", was.map(|w| w.0), line.pagu, &row.pagu.at),
            ("Realisasi anggaran", was.map(|w| w.1), line.realisasi, &row.realisasi.at),
        ] {
            if was != Some(now) {
                let was = was.map_or_else(|| NOT_REPORTED.into(), shown);
                let at = at.as_ref().unwrap_or(&row.at);
                findings.push(changed(Some(at), format!("{what} {}", line.code), was, shown(now)));
            }
        }
    }
    for (scope, code, pagu, realisasi) in &previous.budget {
        if printed.insert((scope.clone(), code.clone())) {
            for (what, was) in [("Pagu", pagu), ("Realisasi anggaran", realisasi)] {
                findings.push(changed(None, format!("{what} {code}"), shown(*was), NOT_REPORTED.into()));
            }
        }
    }
    findings.len() > before
}

/// The claims the unit corrected: printed again with another value while nothing they rest on
/// changed (a capaian beside its unchanged target and realisasi; an NSS, score, NKP, NPSS or a
/// budget table's claim where no target, realisasi or budget line changed, `rests_changed`
/// false). A claim following a changed input says nothing the input's change does not.
fn claim_changes(
    report: &Report,
    card: &Scorecard,
    previous: &Previous,
    rests_changed: bool,
    findings: &mut Vec<Finding>,
) {
    let inputs =
        |code: &str| report.printed.iter().find(|i| i.code == code).map(|i| (&i.target.value, &i.realisasi.value));
    let was =
        |code: &str| previous.index.get(code).map(|&i| (&previous.inputs[i].target, &previous.inputs[i].realisasi));
    for (subject, claim) in claims(report, card) {
        let Some(before) = previous.claims.get(&subject).filter(|before| **before != claim.value) else { continue };
        let label = if report.indicators.iter().any(|row| row.code == subject) {
            if inputs(&subject) != was(&subject) {
                continue;
            }
            format!("Capaian {subject}")
        } else if rests_changed {
            continue;
        } else if report.goals.iter().any(|row| row.code == subject) {
            format!("NSS {subject}")
        } else {
            subject
        };
        let (before, now) = (before.normalize().to_string(), claim.value.normalize().to_string());
        findings.push(changed(Some(&claim.at), label, before, now));
    }
}

/// Whether every realisasi a report prints (`printed`, as [`Input`]s), and every realisasi
/// anggaran where both print a budget, is `other`'s, at least one of them a number: the same
/// figures sent again under another period's title or another unit's name (or, rarely, figures
/// that truly are the same).
pub fn same_realisasi(printed: &[Input], budget: &[BudgetLine], other: &Previous) -> bool {
    let same_indicators = printed.len() == other.inputs.len()
        && printed.iter().all(|i| other.index.get(&i.code).is_some_and(|&k| other.inputs[k].realisasi == i.realisasi));
    let numbers = printed.iter().any(|i| matches!(i.realisasi, Value::Number(_)));
    let same_budget = budget.is_empty()
        || other.budget.is_empty()
        || budget.iter().map(|l| l.realisasi).eq(other.budget.iter().map(|l| l.3));
    numbers && same_indicators && same_budget
}

/// Add what changed since `previous`, and turn the claim findings whose printed value is the
/// previous version's into `STALE_CLAIM` when what they rest on changed, in every table: the
/// scorecard's claims on the indicators' inputs, the budget tables' serapan and sisa on the
/// budget, an efficiency on both (computed from the previous version's capaian too).
pub fn compare(report: &Report, card: &Scorecard, previous: &Previous, findings: &mut Vec<Finding>) {
    let inputs_changed = indicator_changes(report, previous, findings);
    let budget_changed = budget_changes(report, card, previous, findings);
    claim_changes(report, card, previous, inputs_changed || budget_changed, findings);
    if !inputs_changed && !budget_changed {
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
        let rests_on_change = match finding.code {
            Code::ClaimSerapan | Code::ClaimSisa => budget_changed,
            Code::ClaimEfisiensi => inputs_changed || budget_changed,
            _ => inputs_changed,
        };
        if rests_on_change && same(previous.claims.get(&key), &finding.found) {
            finding.code = Code::StaleClaim;
            finding.severity = Code::StaleClaim.default_severity();
            finding.subject = key;
        }
    }
}
