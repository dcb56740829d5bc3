//! Values that cannot be right for their unit of measure, and N/A without a reason.

use crate::ingest::cell::contains_ignore_case;
use crate::model::{Code, Finding, Measure, Reading, Report, Value};
use rust_decimal::Decimal;

/// The range an indicator's measure allows: shares 0–100, IKM 25–100 (PermenPANRB 14/2017), the
/// SPBE maturity index 1–5, IP ASN and scores 0–100, counts and rupiah from 0. Templates validate
/// their input cells by it too.
pub fn range_for(measure: Measure, name: &str) -> Option<(Decimal, Option<Decimal>)> {
    let named = |word| contains_ignore_case(name, word);
    let hundred = Some(Decimal::ONE_HUNDRED);
    match measure {
        Measure::Percent | Measure::Score => Some((Decimal::ZERO, hundred)),
        Measure::Index if named("spbe") => Some((Decimal::ONE, Some(Decimal::from(5)))),
        Measure::Index if named("kepuasan") || named("ikm") => Some((Decimal::from(25), hundred)),
        Measure::Index if named("profesionalitas") => Some((Decimal::ZERO, hundred)),
        Measure::Count | Measure::Rupiah => Some((Decimal::ZERO, None)),
        _ => None,
    }
}

fn out_of_range(what: &str, code: &str, reading: &Reading, range: (Decimal, Option<Decimal>)) -> Option<Finding> {
    let value = reading.number()?;
    let (low, high) = range;
    if value >= low && high.is_none_or(|h| value <= h) {
        return None;
    }
    let shown = match high {
        Some(h) => format!("{low}–{h}"),
        None => format!("≥ {low}"),
    };
    Some(
        Finding::new(Code::OutOfRange, reading.at.clone(), format!("{what} {code}"))
            .found(value.normalize().to_string())
            .expected(shown),
    )
}

pub fn check(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for indicator in &report.indicators {
        if let Some(range) = range_for(indicator.measure, &indicator.name) {
            findings.extend(out_of_range("Target", &indicator.code, &indicator.target, range));
            findings.extend(out_of_range("Realisasi", &indicator.code, &indicator.realisasi, range));
        }
        let explained = indicator.note.as_deref().is_some_and(|n| !n.trim().is_empty());
        if indicator.realisasi.value == Value::NotApplicable && !explained {
            let at = indicator.realisasi.at.clone().or(Some(indicator.at.clone()));
            findings.push(Finding::new(Code::NaUnexplained, at, format!("Realisasi {}", indicator.code)));
        }
    }
    for row in &report.budget {
        for (what, reading) in [("Pagu", &row.pagu), ("Realisasi anggaran", &row.realisasi)] {
            findings.extend(out_of_range(what, &row.code, reading, (Decimal::ZERO, None)));
        }
    }
    findings
}
