//! The report against the unit's Perjanjian Kinerja. The agreement's tree (which SS in which
//! perspective, which IKU in which SS), its targets, polarity and units of measure govern the
//! scoring; every way the report departs from it is a finding.

use crate::model::text::EMPTY;
use crate::model::unit::normalise;
use crate::model::{CellRef, Code, Finding, GoalRow, Governing, IndicatorRow, Kind, Measure, Report, Value};
use std::collections::{HashMap, HashSet};

/// Each IKU once: a row with the code of an earlier one is left out of the report (and so of
/// every score) and said so, whether or not an agreement governs it.
pub fn distinct(report: &mut Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut first: HashMap<String, CellRef> = HashMap::new();
    report.indicators.retain(|indicator| match first.get(&indicator.code) {
        Some(at) => {
            let duplicate = Finding::new(Code::IndicatorDuplicate, Some(indicator.at.clone()), &indicator.code);
            findings.push(duplicate.expected(at.to_string()));
            false
        }
        None => {
            first.insert(indicator.code.clone(), indicator.at.clone());
            true
        }
    });
    findings
}

/// A goal the report codes otherwise than the agreement (a central unit's report numbering as
/// `SS.2` what its PK codes `SK.1`) is the agreement's goal where it bears its name, and takes
/// its code. Only a code the agreement does not have is so renamed.
fn agreement_codes(report: &mut Report, agreement: &Report) {
    let renamed: HashMap<String, String> = report
        .goals
        .iter()
        .filter(|g| !g.name.trim().is_empty() && !agreement.goals.iter().any(|p| p.code == g.code))
        .filter_map(|g| {
            let pk = agreement.goals.iter().find(|p| normalise(&p.name) == normalise(&g.name))?;
            Some((g.code.clone(), pk.code.clone()))
        })
        .collect();
    let codes = report.goals.iter_mut().map(|g| &mut g.code).chain(report.indicators.iter_mut().map(|i| &mut i.goal));
    for code in codes {
        if let Some(agreed) = renamed.get(code.as_str()) {
            *code = agreed.clone();
        }
    }
}

/// Each row bearing, as written, not its own indicator's name in `named` (code, name) but
/// another's: IKU 3's and IKU 4's numbers swapped, each name with its figures (both IKM, both
/// targets 95, one goal), are scored under the numbers they carry, and nothing else may differ.
pub fn renumbered(report: &Report, named: &[(&str, &str)], governing: Governing) -> Vec<Finding> {
    let named: Vec<(&str, String)> = named.iter().map(|(code, name)| (*code, normalise(name))).collect();
    let mut findings = Vec::new();
    for indicator in &report.indicators {
        let name = normalise(&indicator.name);
        if named.iter().find(|(code, _)| *code == indicator.code).is_none_or(|(_, own)| *own == name) {
            continue;
        }
        if let Some((other, _)) = named.iter().find(|(code, other)| *code != indicator.code && *other == name) {
            let said = Finding::new(Code::IndicatorRenumbered, Some(indicator.at.clone()), &indicator.code);
            findings.push(said.governed_by(governing).found(indicator.name.trim()).expected(*other));
        }
    }
    findings
}

/// Put `report` in the agreement's shape (a PK's, or a plan's standing in for it) and say where
/// it departed from it.
pub fn apply(report: &mut Report, agreement: &Report) -> Vec<Finding> {
    agreement_codes(report, agreement);
    let governing = match agreement.kind {
        Kind::Plan => Governing::Plan,
        Kind::Agreement | Kind::Realisasi => Governing::Agreement,
    };
    let departs = |code, at, subject: &str| Finding::new(code, at, subject).governed_by(governing);
    let mut findings = Vec::new();
    let agreed: HashMap<&str, &IndicatorRow> = agreement.indicators.iter().map(|i| (i.code.as_str(), i)).collect();
    let year = agreement.identity.year.or(report.identity.year).map_or_else(|| "?".to_string(), |y| y.to_string());
    let named: Vec<(&str, &str)> = agreement.indicators.iter().map(|i| (i.code.as_str(), i.name.as_str())).collect();
    findings.extend(renumbered(report, &named, governing));
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for mut indicator in std::mem::take(&mut report.indicators) {
        seen.insert(indicator.code.clone());
        let Some(pk) = agreed.get(indicator.code.as_str()) else {
            let subject = format!("{} {}", indicator.code, indicator.name);
            findings.push(departs(Code::IndicatorUnknown, Some(indicator.at.clone()), subject.trim()).expected(&year));
            continue;
        };
        if indicator.goal != pk.goal {
            findings.push(
                departs(Code::IndicatorMoved, Some(indicator.at.clone()), &indicator.code)
                    .found(&indicator.goal)
                    .expected(&pk.goal),
            );
            indicator.goal = pk.goal.clone();
        }
        let differs = match (&indicator.target.value, &pk.target.value) {
            (_, Value::Missing) | (Value::Missing, _) => false,
            (mine, agreed) => mine != agreed,
        };
        // A quarter's target (target antara) is the report's own: the agreement sets the year's.
        let interim = report.targets_for.is_some() && indicator.target.value != Value::Missing;
        if differs {
            let at = indicator.target.at.clone().or(Some(indicator.at.clone()));
            let code = if interim { Code::TargetInterim } else { Code::TargetMismatch };
            findings.push(
                departs(code, at, &indicator.code)
                    .found(indicator.target.value.shown(EMPTY))
                    .expected(pk.target.value.shown(EMPTY)),
            );
        }
        if pk.target.value != Value::Missing && !interim {
            indicator.target.value = pk.target.value.clone();
        }
        indicator.polarity = pk.polarity;
        if pk.measure != Measure::Other {
            indicator.measure = pk.measure;
        }
        kept.push(indicator);
    }
    for pk in &agreement.indicators {
        if !seen.contains(&pk.code) {
            let subject = format!("{} {}", pk.code, pk.name);
            let at = report.goal_printed_at(&pk.goal);
            findings.push(departs(Code::IndicatorMissing, at, subject.trim()).expected(&pk.goal));
        }
    }
    report.indicators = kept;
    // The goals, in the agreement's order and perspectives, with what the report claimed.
    let mut goals = Vec::new();
    let mut placed = HashSet::new();
    for pk in &agreement.goals {
        let reported = report.goals.iter().find(|g| g.code == pk.code);
        if let Some(goal) = reported
            && goal.perspective != pk.perspective
            && !goal.perspective.starts_with('(')
            && !pk.perspective.starts_with('(')
        {
            findings.push(
                departs(Code::GoalMoved, Some(goal.at.clone()), &goal.code)
                    .found(&goal.perspective)
                    .expected(&pk.perspective),
            );
        }
        placed.insert(pk.code.clone());
        // A goal the agreement prints under no perspective stays where the report prints it.
        let perspective = match reported {
            Some(goal) if pk.perspective.starts_with('(') => &goal.perspective,
            _ => &pk.perspective,
        };
        // A goal the report prints without its name (blank, or its row gone and stood in for)
        // is named as the agreement names it.
        let named = reported.filter(|g| g.printed() && !g.name.trim().is_empty()).map(|g| &g.name);
        goals.push(GoalRow {
            code: pk.code.clone(),
            name: named.unwrap_or(&pk.name).clone(),
            perspective: perspective.clone(),
            nss: reported.and_then(|g| g.nss.clone()),
            at: reported.map_or(pk.at.clone(), |g| g.at.clone()),
        });
    }
    report.goals = goals;
    report.indicators.retain(|i| placed.contains(&i.goal));
    findings
}
