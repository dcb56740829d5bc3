//! The built-in indicator sets, by unit family (`indicators.toml`): what a unit's template holds
//! when the ledger has no agreement for it, and how BKN's indicators are named before its own
//! agreement or report is in.

use crate::model::Unit;
use serde::Deserialize;

/// One indicator of a built-in set (or of a template), under its goal and perspective.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Line {
    pub perspective: String,
    pub goal: String,
    pub goal_name: String,
    pub code: String,
    pub name: String,
    pub satuan: String,
    pub target: String,
}

#[derive(Debug, Deserialize)]
struct Builtin {
    set: Vec<Set>,
}

/// The indicators a family of units shares.
#[derive(Debug, Deserialize)]
struct Set {
    units: Vec<String>,
    indicator: Vec<Line>,
}

/// The built-in indicator set of `unit`'s family (BKN's revised PK 2023; the 14 IKU of the
/// Kantor Regional, targets left to the unit), its names written for the unit; `None` for a unit
/// of no known family.
pub fn indicator_set(unit: &Unit) -> Option<Vec<Line>> {
    // Parsed once: every Rekap rebuild names BKN's indicators from it until BKN sends.
    static SETS: std::sync::OnceLock<Builtin> = std::sync::OnceLock::new();
    let sets = SETS.get_or_init(builtin);
    let set = sets.set.iter().find(|s| s.units.iter().any(|u| u.eq_ignore_ascii_case(&unit.code)))?;
    let named = |text: &str| text.replace("{unit}", &unit.name);
    Some(
        set.indicator
            .iter()
            .map(|line| Line { name: named(&line.name), goal_name: named(&line.goal_name), ..line.clone() })
            .collect(),
    )
}

/// `indicators.toml`, turned into JSON by build.rs: parsing the TOML took a tenth of a `check`.
fn builtin() -> Builtin {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/indicators.json"))).expect("the built-in sets parse")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sets_read_from_their_build_time_json_are_the_toml() {
        let from_toml: Builtin = toml::from_str(include_str!("indicators.toml")).unwrap();
        assert_eq!(format!("{:?}", builtin()), format!("{from_toml:?}"));
    }
}
