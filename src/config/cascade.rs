//! The cascade: how BKN's own indicators come from its units' figures (DOMAIN.md, "Roll-up into
//! BKN's own IKU"), built in for the Renstra 2020–2024 and changed key by key by the config file.

use super::{ConfigError, value_error};
use crate::model::UnitRegistry;
use crate::model::unit::normalise;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRollup {
    unit: Option<String>,
    iku: String,
    from: u16,
    to: u16,
    rule: Option<String>,
    units: Option<Vec<String>>,
    names: Option<Vec<Vec<String>>>,
    exclude: Option<Vec<String>>,
    #[serde(default)]
    indicators: BTreeMap<String, String>,
    share_of: Option<u32>,
    #[serde(default)]
    share_of_unit: BTreeMap<String, u32>,
    numerator: Option<RawSource>,
    denominator: Option<RawSource>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    #[serde(default)]
    names: Vec<Vec<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    indicators: BTreeMap<String, String>,
}

/// How BKN's value of one indicator is computed from its units' figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// The unweighted mean of the units' realisasi (IKU.3, IKU.4).
    Mean,
    /// The mean of each unit's share in percent of a number of services: the unit's count over
    /// its `share_of`, or its percentage taken back to the whole count it rounds (IKU.7: Deputi
    /// Mutasi of 20, each Kanreg of 12).
    MeanOfShares { share_of: Decimal, share_of_unit: BTreeMap<String, Decimal> },
    /// Σ numerators ÷ Σ denominators × 100, each a count the unit reports (IKU.6, IKU.8).
    RatioOfSums { numerator: Source, denominator: Source },
    /// Not computed from the units: BKN's own figure stands; the units' figures are shown.
    None,
}

impl Rule {
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::Mean => "mean",
            Rule::MeanOfShares { .. } => "mean_of_shares",
            Rule::RatioOfSums { .. } => "ratio_of_sums",
            Rule::None => "none",
        }
    }
}

/// Which of a unit's indicators feeds a roll-up: the code configured for the unit; else, for a
/// unit that cascades BKN's tree, the indicator with BKN's code (`cascaded`); else the one
/// indicator whose name holds every word of one of `names` and none of `exclude`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    /// Normalised words (see [`normalise`]), each list one way of naming the indicator.
    pub names: Vec<Vec<String>>,
    pub exclude: Vec<String>,
    /// Unit code → the unit's indicator code.
    pub indicators: BTreeMap<String, String>,
    /// Whether a unit cascading BKN's tree reports it under BKN's code.
    pub cascaded: bool,
}

impl Source {
    /// Whether an indicator named `name` is this source by its words.
    pub fn names_match(&self, name: &str) -> bool {
        let name = normalise(name);
        self.names.iter().any(|words| words.iter().all(|w| name.contains(w.as_str())))
            && !self.exclude.iter().any(|w| name.contains(w.as_str()))
    }
}

/// One of BKN's indicators as its units' figures give it, over some years.
#[derive(Debug, Clone, PartialEq)]
pub struct Cascade {
    /// Whose indicator it computes: BKN.
    pub unit: String,
    pub iku: String,
    pub years: (u16, u16),
    pub rule: Rule,
    /// The units expected to contribute, in the order they are listed.
    pub units: Vec<String>,
    pub source: Source,
}

impl super::Config {
    /// The cascades that hold for `unit`'s indicators in `year`, one per indicator.
    pub fn cascades_of(&self, unit: &str, year: u16) -> Vec<&Cascade> {
        self.cascades
            .iter()
            .filter(|c| c.unit.eq_ignore_ascii_case(unit) && (c.years.0..=c.years.1).contains(&year))
            .collect()
    }
}

/// The built-in entries, each changed by the config file's entries for the same indicator and
/// years (the keys they give; `indicators` and `share_of_unit` add to the built-in ones), then
/// the config file's new entries.
pub(super) fn cascades(
    defaults: Vec<RawRollup>,
    user: Vec<RawRollup>,
    registry: &UnitRegistry,
) -> Result<Vec<Cascade>, ConfigError> {
    let mut merged: Vec<RawRollup> = Vec::new();
    for raw in defaults.into_iter().chain(user) {
        let same = |m: &&mut RawRollup| m.iku == raw.iku && m.from == raw.from && m.to == raw.to && m.unit == raw.unit;
        match merged.iter_mut().find(same) {
            Some(base) => overlay(base, raw),
            None => merged.push(raw),
        }
    }
    merged.into_iter().map(|raw| cascade(raw, registry)).collect()
}

fn overlay(base: &mut RawRollup, raw: RawRollup) {
    base.rule = raw.rule.or(base.rule.take());
    base.units = raw.units.or(base.units.take());
    base.names = raw.names.or(base.names.take());
    base.exclude = raw.exclude.or(base.exclude.take());
    base.indicators.extend(raw.indicators);
    base.share_of = raw.share_of.or(base.share_of);
    base.share_of_unit.extend(raw.share_of_unit);
    base.numerator = raw.numerator.or(base.numerator.take());
    base.denominator = raw.denominator.or(base.denominator.take());
}

fn cascade(raw: RawRollup, registry: &UnitRegistry) -> Result<Cascade, ConfigError> {
    let key = |k: &str| format!("rollup.{k} ({})", raw.iku);
    let known = |k: &str, code: &str| {
        registry
            .get(code)
            .map(|u| u.code.clone())
            .ok_or_else(|| value_error(&key(k), format!("`{code}` is not a unit code of the registry")))
    };
    if raw.from > raw.to {
        return Err(value_error(&key("from"), format!("years {}–{}", raw.from, raw.to)));
    }
    let unit = known("unit", raw.unit.as_deref().unwrap_or("BKN"))?;
    let units = raw.units.unwrap_or_default().iter().map(|u| known("units", u)).collect::<Result<Vec<_>, _>>()?;
    let source = |k: &str, raw: RawSource, cascaded: bool| -> Result<Source, ConfigError> {
        let words = |list: Vec<String>| list.iter().map(|w| normalise(w)).filter(|w| w.trim() != "").collect();
        let mut indicators = BTreeMap::new();
        for (code, indicator) in raw.indicators {
            indicators.insert(known(k, &code)?, indicator.trim().to_string());
        }
        Ok(Source {
            names: raw.names.into_iter().map(words).filter(|w: &Vec<String>| !w.is_empty()).collect(),
            exclude: words(raw.exclude),
            indicators,
            cascaded,
        })
    };
    let top = RawSource {
        names: raw.names.unwrap_or_default(),
        exclude: raw.exclude.unwrap_or_default(),
        indicators: raw.indicators,
    };
    let positive = |k: &str, n: u32| {
        if n == 0 { Err(value_error(&key(k), "at least 1".into())) } else { Ok(Decimal::from(n)) }
    };
    let rule = match raw.rule.as_deref().unwrap_or("none") {
        "mean" => Rule::Mean,
        "none" => Rule::None,
        "mean_of_shares" => {
            let share_of = raw
                .share_of
                .ok_or_else(|| value_error(&key("share_of"), "mean_of_shares needs the number of services".into()))?;
            let mut per_unit = BTreeMap::new();
            for (code, n) in raw.share_of_unit {
                per_unit.insert(known("share_of_unit", &code)?, positive("share_of_unit", n)?);
            }
            Rule::MeanOfShares { share_of: positive("share_of", share_of)?, share_of_unit: per_unit }
        }
        "ratio_of_sums" => {
            let (Some(numerator), Some(denominator)) = (raw.numerator, raw.denominator) else {
                return Err(value_error(&key("rule"), "ratio_of_sums needs [numerator] and [denominator]".into()));
            };
            Rule::RatioOfSums {
                numerator: source("numerator", numerator, false)?,
                denominator: source("denominator", denominator, false)?,
            }
        }
        other => {
            return Err(value_error(
                &key("rule"),
                format!("`{other}`: use \"mean\", \"mean_of_shares\", \"ratio_of_sums\" or \"none\""),
            ));
        }
    };
    Ok(Cascade {
        unit,
        iku: raw.iku.trim().to_string(),
        years: (raw.from, raw.to),
        rule,
        units,
        source: source("indicators", top, true)?,
    })
}
