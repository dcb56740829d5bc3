//! The roll-up as text for the terminal: one block per indicator, its units beneath it.

use super::{Completeness, Rollup};
use crate::model::Language;
use crate::model::amount::display2_in;
use std::fmt::Write;

/// The roll-up for an operator or planner reading a terminal.
pub fn to_text(rollup: &Rollup, language: Language) -> String {
    let shown = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "-".to_string(), |v| display2_in(v, language));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {} {}",
        language.pick("Agregat", "Roll-up"),
        rollup.unit,
        rollup.year,
        rollup.period.as_str()
    );
    for r in &rollup.indicators {
        let counted = r.contributors.iter().filter(|c| c.status.counts()).count();
        let _ = write!(out, "\n{:<7} {:<15} {:>8}  {}", r.code, r.rule, shown(r.value), r.status.label(language));
        if r.computed() {
            let _ = write!(out, "  ({counted}/{} unit)", r.expected.len());
        }
        if let Some(reported) = &r.reported {
            let _ = write!(out, "  {} {}", language.pick("laporan BKN:", "BKN's report:"), reported.shown("-"));
            if r.disagrees().is_some() {
                let _ = write!(out, "  {}", language.pick("TIDAK SESUAI", "MISMATCH"));
            }
        }
        out.push('\n');
        for c in &r.contributors {
            let _ = writeln!(
                out,
                "    {:<13} {:<8} {:>8}  v{}  {}",
                c.unit,
                c.indicator.as_deref().unwrap_or("-"),
                shown(c.value),
                c.version,
                c.status.label(language)
            );
        }
        if r.computed() && !r.missing.is_empty() {
            let _ = writeln!(out, "    {} {}", language.pick("belum ada:", "missing:"), r.missing.join(", "));
        }
    }
    let _ = writeln!(
        out,
        "\nNPSS {} {}",
        shown(rollup.scores.npss),
        match rollup.scores.status {
            Completeness::Incomplete => language.pick(
                "(belum lengkap: tidak dihitung sampai setiap nilai dan target ada)",
                "(incomplete: not computed until every value and target is in)",
            ),
            other => other.label(language),
        }
    );
    out
}
