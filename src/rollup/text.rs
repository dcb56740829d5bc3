//! The roll-up as text for the terminal: one block per indicator, its units beneath it.

use super::{Completeness, Rollup};
use crate::model::amount::display2_in;
use crate::model::{Language, Value};
use std::fmt::Write;

/// Characters of an indicator's name on its line beneath the code.
const NAME_CHARS: usize = 90;

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
        match (&r.reported, r.computed()) {
            (Some(Value::Number(n)), true) => {
                let _ =
                    write!(out, "  {} {}", language.pick("laporan BKN:", "BKN's report:"), display2_in(*n, language));
                if r.disagrees().is_some() {
                    let _ = write!(out, "  {}", language.pick("TIDAK SESUAI", "MISMATCH"));
                }
            }
            (Some(other), false) if r.value.is_none() => {
                let _ = write!(out, "  ({})", other.shown("-"));
            }
            _ => {}
        }
        out.push('\n');
        if !r.name.is_empty() {
            let _ = writeln!(out, "    {}", crate::model::text::one_line(&r.name, NAME_CHARS));
        }
        // Under `none` the units' figures are shown beside BKN's; those without one are named once.
        let (listed, unnamed): (Vec<_>, Vec<_>) =
            r.contributors.iter().partition(|c| r.computed() || c.status.counts());
        for c in listed {
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
        if !unnamed.is_empty() {
            let units: Vec<&str> = unnamed.iter().map(|c| c.unit.as_str()).collect();
            let _ = writeln!(out, "    {} {}", language.pick("tanpa angka:", "no figure:"), units.join(", "));
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
