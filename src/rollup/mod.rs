//! BKN's own figures from its units' reports (DOMAIN.md, "Roll-up into BKN's own IKU"): for each
//! of BKN's indicators, the value its cascade rule gives from the reports that count, every unit
//! behind it, the units still missing; then BKN's capaian, NSS, perspective scores and NPSS from
//! those values where every input is present.

mod json;
mod text;

pub use json::to_json_text;
pub use text::to_text;

use crate::config::{Cascade, Config, Rule, Source};
use crate::model::amount::{display2_in, round_half_up};
use crate::model::{
    CellRef, Code, Finding, GoalRow, Identity, IndicatorRow, Kind, Language, Measure, Period, Reading, Report,
    Scorecard, Value,
};
use crate::store::{Counted, Ledger, StoreError, StoredIndicator};
use rust_decimal::Decimal;
use std::collections::HashMap;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// How sure a rolled-up value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// Every expected unit's figure is in it, none provisional.
    Final,
    /// Every expected unit's figure is in it, some provisional.
    Provisional,
    /// Some expected unit's figure is not (yet) in it.
    Incomplete,
}

impl Completeness {
    pub fn as_str(self) -> &'static str {
        match self {
            Completeness::Final => "final",
            Completeness::Provisional => "provisional",
            Completeness::Incomplete => "incomplete",
        }
    }

    pub fn label(self, language: Language) -> &'static str {
        match self {
            Completeness::Final => language.pick("final", "final"),
            Completeness::Provisional => language.pick("sementara", "provisional"),
            Completeness::Incomplete => language.pick("belum lengkap", "incomplete"),
        }
    }
}

/// What one unit's report that counts gives a roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub unit: String,
    /// The unit's indicator that feeds, when one was found.
    pub indicator: Option<String>,
    /// `Sheet!A1` of that indicator's row.
    pub cell: Option<String>,
    /// The realisasi as the unit reported it.
    pub reported: Value,
    /// What enters the rule: the realisasi, the share in percent, or the unit's own ratio.
    pub value: Option<Decimal>,
    /// Numerator and denominator of a ratio of sums.
    pub parts: Option<(Decimal, Decimal)>,
    pub status: Standing,
    pub submission: i64,
    pub version: i64,
}

/// Whether a unit's figure is in the roll-up, and why not.
#[derive(Debug, Clone, PartialEq)]
pub enum Standing {
    Final,
    Provisional,
    /// The report that counts has errors: never rolled up until corrected.
    Blocked,
    /// No indicator feeds, or its realisasi is not a number.
    NoValue(Why),
}

/// Why a unit's report that counts gives a roll-up no figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The indicator configured for the unit (or BKN's code, for a Kanreg) is not in its report.
    NotInReport(String),
    /// No indicator (no count, for a ratio of sums) is named so: the words looked for.
    NotNamed { counts: bool, names: String },
    /// Several indicators are named so.
    Ambiguous(Vec<String>),
    /// The indicator's realisasi is blank, N/A or an opinion: as shown.
    NotANumber { code: String, shown: String },
    /// A ratio's numerator or denominator is blank, or the denominator zero.
    NoCounts,
}

impl Why {
    pub fn text(&self, language: Language) -> String {
        match (self, language) {
            (Why::NotInReport(code), Language::Id) => format!("{code} tidak ada dalam laporannya"),
            (Why::NotInReport(code), Language::En) => format!("{code} is not in its report"),
            (Why::NotNamed { counts, names }, Language::Id) => {
                format!("tidak ada indikator{} bernama \"{names}\"", if *counts { " jumlah" } else { "" })
            }
            (Why::NotNamed { counts, names }, Language::En) => {
                format!("no {}indicator named \"{names}\"", if *counts { "count " } else { "" })
            }
            (Why::Ambiguous(codes), Language::Id) => {
                format!("lebih dari satu indikator cocok ({}): tetapkan di [[rollup]] indicators", codes.join(", "))
            }
            (Why::Ambiguous(codes), Language::En) => {
                format!("more than one indicator matches ({}): name one in [[rollup]] indicators", codes.join(", "))
            }
            (Why::NotANumber { code, shown }, Language::Id) => format!("realisasi {code} {shown}"),
            (Why::NotANumber { code, shown }, Language::En) => format!("realisasi of {code} is {shown}"),
            (Why::NoCounts, Language::Id) => "jumlahnya kosong atau penyebutnya nol".into(),
            (Why::NoCounts, Language::En) => "a count is blank or the denominator zero".into(),
        }
    }
}

impl Standing {
    pub fn as_str(&self) -> &'static str {
        match self {
            Standing::Final => "final",
            Standing::Provisional => "provisional",
            Standing::Blocked => "blocked",
            Standing::NoValue(_) => "no_value",
        }
    }

    pub fn counts(&self) -> bool {
        matches!(self, Standing::Final | Standing::Provisional)
    }

    pub fn label(&self, language: Language) -> String {
        match self {
            Standing::Final => language.pick("final", "final").into(),
            Standing::Provisional => language.pick("sementara", "provisional").into(),
            Standing::Blocked => {
                language.pick("perlu perbaikan: tidak dihitung", "needs correction: not counted").into()
            }
            Standing::NoValue(why) => why.text(language),
        }
    }
}

/// One of BKN's indicators, rolled up.
#[derive(Debug, Clone, PartialEq)]
pub struct Rolled {
    pub code: String,
    pub name: String,
    pub rule: &'static str,
    /// Computed from the units (or BKN's own figure under `none`); with `Incomplete`, from the
    /// units that are in.
    pub value: Option<Decimal>,
    pub status: Completeness,
    pub expected: Vec<String>,
    pub contributors: Vec<Contribution>,
    pub missing: Vec<String>,
    /// What BKN's own report says, when it is in the ledger.
    pub reported: Option<Value>,
    pub reported_cell: Option<String>,
    pub target: Value,
    /// Capaian of the rolled-up value against BKN's target.
    pub capaian: Option<Decimal>,
}

impl Rolled {
    /// Whether the value is computed from the units (not BKN's own figure).
    pub fn computed(&self) -> bool {
        self.rule != Rule::None.as_str()
    }

    /// Whether BKN's own report disagrees with a complete computed value at the decimals it
    /// printed (92,2 agrees with 92,1972).
    pub fn disagrees(&self) -> Option<(Decimal, Decimal)> {
        let Some(Value::Number(reported)) = &self.reported else { return None };
        self.disagrees_with(*reported).map(|value| (*reported, value))
    }

    /// The complete computed value, when `printed` differs from it at the decimals printed.
    fn disagrees_with(&self, printed: Decimal) -> Option<Decimal> {
        let value = self.value.filter(|_| self.computed() && self.status != Completeness::Incomplete)?;
        (round_half_up(value, printed.normalize().scale()) != printed.normalize()).then_some(value)
    }
}

/// BKN's scores from the rolled-up values; `None` fields where an input is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Per goal, its NSS.
    pub goals: Vec<(String, Option<Decimal>)>,
    /// Per perspective, its score and NKP.
    pub perspectives: Vec<(String, Option<Decimal>, Option<Decimal>)>,
    pub npss: Option<Decimal>,
    pub status: Completeness,
}

/// The roll-up of one year and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub unit: String,
    pub year: u16,
    pub period: Period,
    /// BKN's own report that counts: submission, version, errors.
    pub own: Option<(i64, i64, i64)>,
    /// Where BKN's targets come from: `agreement`, `report`, or nowhere.
    pub targets_from: Option<&'static str>,
    pub indicators: Vec<Rolled>,
    pub scores: Scores,
}

/// Roll the units' reports that count for `year` and `period` up into `unit`'s indicators (BKN's).
pub fn compute(config: &Config, ledger: &Ledger, unit: &str, year: u16, period: Period) -> Result<Rollup, StoreError> {
    let reports = ledger.counted(year, Some(period), Kind::Realisasi)?;
    let agreement = ledger.governing_agreement(unit, year)?;
    Ok(roll(config, unit, year, period, &reports, agreement.as_ref()))
}

/// [`compute`] over what the ledger returned: the reports that count and `unit`'s agreement that
/// governs.
pub fn roll(
    config: &Config,
    unit: &str,
    year: u16,
    period: Period,
    reports: &[Counted],
    agreement: Option<&Counted>,
) -> Rollup {
    let by_unit: HashMap<&str, &Counted> = reports.iter().map(|c| (c.unit.as_str(), c)).collect();
    let own = by_unit.get(unit).copied();
    let (tree, targets_from) = match (agreement, own) {
        (Some(a), _) => (a.rows.as_slice(), Some("agreement")),
        (None, Some(o)) => (o.rows.as_slice(), Some("report")),
        (None, None) => (&[][..], None),
    };
    let cascades = config.cascades_of(unit, year);
    let mut codes: Vec<&str> = tree.iter().map(|i| i.code.as_str()).collect();
    codes.extend(cascades.iter().map(|c| c.iku.as_str()).filter(|code| !tree.iter().any(|i| i.code == *code)));
    let cascading = |member: &str| {
        let theirs = config.structure(member, year);
        theirs.is_some() && theirs.map(std::ptr::from_ref) == config.structure(unit, year).map(std::ptr::from_ref)
    };
    let mut indicators: Vec<Rolled> = codes
        .iter()
        .map(|code| {
            let planned = tree.iter().find(|i| i.code == *code);
            let reported = own.and_then(|o| o.rows.iter().find(|i| i.code == *code));
            let cascade = cascades.iter().find(|c| c.iku == *code).copied();
            rolled(unit, code, planned.or(reported), reported, cascade, &by_unit, &cascading)
        })
        .collect();
    // Before the unit's agreement or report is in, its indicators are named as its built-in set
    // names them.
    if indicators.iter().any(|r| r.name.is_empty()) {
        let set = config.units.get(unit).and_then(crate::config::indicator_set).unwrap_or_default();
        for r in indicators.iter_mut().filter(|r| r.name.is_empty()) {
            r.name = set.iter().find(|line| line.code == r.code).map(|line| line.name.clone()).unwrap_or_default();
        }
    }
    let (indicators, scores) = score(config, unit, year, period, tree, indicators);
    Rollup {
        unit: unit.to_string(),
        year,
        period,
        own: own.map(|o| (o.submission_id, o.version, o.errors)),
        targets_from,
        indicators,
        scores,
    }
}

fn rolled(
    unit: &str,
    code: &str,
    planned: Option<&StoredIndicator>,
    reported: Option<&StoredIndicator>,
    cascade: Option<&Cascade>,
    by_unit: &HashMap<&str, &Counted>,
    cascading: &dyn Fn(&str) -> bool,
) -> Rolled {
    let rule = cascade.map_or(&Rule::None, |c| &c.rule);
    let expected: Vec<String> = cascade.map(|c| c.units.clone()).unwrap_or_default();
    let contributors: Vec<Contribution> = cascade
        .map(|c| {
            c.units
                .iter()
                .filter_map(|u| by_unit.get(u.as_str()).map(|report| contribution(c, code, report, cascading(u))))
                .collect()
        })
        .unwrap_or_default();
    let counted: Vec<&Contribution> = contributors.iter().filter(|c| c.status.counts()).collect();
    let own_value = reported.map(|r| r.realisasi.clone());
    let (value, missing, status) = match rule {
        Rule::None => {
            let status = match reported {
                None => Completeness::Incomplete,
                Some(r) if r.provisional => Completeness::Provisional,
                Some(_) => Completeness::Final,
            };
            let missing = if reported.is_some() { Vec::new() } else { vec![unit.to_string()] };
            (own_value.as_ref().and_then(number), missing, status)
        }
        _ => {
            let missing: Vec<String> =
                expected.iter().filter(|u| !counted.iter().any(|c| &c.unit == *u)).cloned().collect();
            let value = match rule {
                Rule::RatioOfSums { .. } => {
                    let (n, d) = counted
                        .iter()
                        .filter_map(|c| c.parts)
                        .fold((Decimal::ZERO, Decimal::ZERO), |(n, d), (a, b)| (n + a, d + b));
                    (!d.is_zero()).then(|| n / d * HUNDRED)
                }
                _ => {
                    let values: Vec<Decimal> = counted.iter().filter_map(|c| c.value).collect();
                    (!values.is_empty()).then(|| values.iter().sum::<Decimal>() / Decimal::from(values.len()))
                }
            };
            let status = if !missing.is_empty() || value.is_none() {
                Completeness::Incomplete
            } else if counted.iter().any(|c| c.status == Standing::Provisional) {
                Completeness::Provisional
            } else {
                Completeness::Final
            };
            (value, missing, status)
        }
    };
    let source = planned.or(reported);
    Rolled {
        code: code.to_string(),
        name: source.map(|i| i.name.clone()).unwrap_or_default(),
        rule: rule.as_str(),
        value,
        status,
        expected,
        contributors,
        missing,
        reported: own_value,
        reported_cell: reported.map(|r| r.cell.clone()),
        target: planned.map_or(Value::Missing, |i| i.target.clone()),
        capaian: None,
    }
}

fn number(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => Some(*n),
        _ => None,
    }
}

/// The unit's indicator that `source` names, or why there is none.
fn feeding<'a>(
    source: &Source,
    bkn_code: &str,
    report: &'a Counted,
    cascading: bool,
    counts_only: bool,
) -> Result<&'a StoredIndicator, Why> {
    let by_code = |code: &str| {
        report.rows.iter().find(|i| i.code.eq_ignore_ascii_case(code)).ok_or(Why::NotInReport(code.into()))
    };
    if let Some(code) = source.indicators.get(&report.unit) {
        return by_code(code);
    }
    if source.cascaded && cascading {
        return by_code(bkn_code);
    }
    let found: Vec<&StoredIndicator> = report
        .rows
        .iter()
        .filter(|i| source.names_match(&i.name) && (!counts_only || i.measure == Measure::Count))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(Why::NotNamed {
            counts: counts_only,
            names: source
                .names
                .iter()
                .map(|w| w.iter().map(|x| x.trim()).collect::<Vec<_>>().join(" … "))
                .collect::<Vec<_>>()
                .join("\" | \""),
        }),
        many => Err(Why::Ambiguous(many.iter().map(|i| i.code.clone()).collect())),
    }
}

fn contribution(cascade: &Cascade, bkn_code: &str, report: &Counted, cascading: bool) -> Contribution {
    let mut c = Contribution {
        unit: report.unit.clone(),
        indicator: None,
        cell: None,
        reported: Value::Missing,
        value: None,
        parts: None,
        status: Standing::Blocked,
        submission: report.submission_id,
        version: report.version,
    };
    let result = match &cascade.rule {
        Rule::RatioOfSums { numerator, denominator } => {
            feeding(numerator, bkn_code, report, false, true).and_then(|n| {
                let d = feeding(denominator, bkn_code, report, false, true)?;
                c.indicator = Some(format!("{} / {}", n.code, d.code));
                c.cell = Some(n.cell.clone());
                c.reported = n.realisasi.clone();
                match (number(&n.realisasi), number(&d.realisasi)) {
                    (Some(a), Some(b)) if !b.is_zero() => {
                        c.parts = Some((a, b));
                        c.value = Some(a / b * HUNDRED);
                        Ok(n.provisional || d.provisional)
                    }
                    _ => Err(Why::NoCounts),
                }
            })
        }
        rule => feeding(&cascade.source, bkn_code, report, cascading, false).and_then(|i| {
            c.indicator = Some(i.code.clone());
            c.cell = Some(i.cell.clone());
            c.reported = i.realisasi.clone();
            let value = number(&i.realisasi)
                .ok_or_else(|| Why::NotANumber { code: i.code.clone(), shown: i.realisasi.shown("-") })?;
            c.value = Some(match rule {
                Rule::MeanOfShares { share_of, share_of_unit } => {
                    share(value, i.measure, share_of_unit.get(&report.unit).copied().unwrap_or(*share_of))
                }
                _ => value,
            });
            Ok(i.provisional)
        }),
    };
    c.status = match (report.errors > 0, result) {
        (true, _) => Standing::Blocked,
        (false, Ok(true)) => Standing::Provisional,
        (false, Ok(false)) => Standing::Final,
        (false, Err(why)) => Standing::NoValue(why),
    };
    c
}

/// A unit's share in percent of `of` services: a count over `of`; a percentage as printed
/// (91,67, or 91,7, or 92) taken back to the whole count it rounds (11 of 12 → 91,666…) when it
/// is within half a unit of its last printed decimal (of the second at most), so the mean is
/// exact.
fn share(value: Decimal, measure: Measure, of: Decimal) -> Decimal {
    if measure == Measure::Count {
        return value / of * HUNDRED;
    }
    let count = round_half_up(value * of / HUNDRED, 0);
    let exact = count / of * HUNDRED;
    let printed = value.normalize().scale().min(2);
    if (exact - value).abs() <= Decimal::new(5, printed + 1) { exact } else { value }
}

/// BKN's capaian per indicator from the rolled-up values, and its NSS, perspective scores and
/// NPSS when every indicator has its value and target.
fn score(
    config: &Config,
    unit: &str,
    year: u16,
    period: Period,
    tree: &[StoredIndicator],
    mut indicators: Vec<Rolled>,
) -> (Vec<Rolled>, Scores) {
    let sheet: std::sync::Arc<str> = "Agregat BKN".into();
    let at = CellRef::new(&sheet, 0, 0);
    let reading = |value: Value, provisional| Reading { value, provisional, at: None };
    let rows: Vec<IndicatorRow> = tree
        .iter()
        .map(|planned| {
            let rolled = indicators.iter().find(|r| r.code == planned.code);
            let value = match rolled {
                Some(r) if r.computed() => r.value.map_or(Value::Missing, Value::Number),
                Some(r) => r.reported.clone().unwrap_or(Value::Missing),
                None => Value::Missing,
            };
            IndicatorRow {
                code: planned.code.clone(),
                name: planned.name.clone(),
                goal: planned.goal.clone(),
                measure: planned.measure,
                polarity: planned.polarity,
                target: reading(planned.target.clone(), false),
                realisasi: reading(value, rolled.is_some_and(|r| r.status == Completeness::Provisional)),
                capaian: None,
                note: None,
                at: at.clone(),
            }
        })
        .collect();
    let mut goals: Vec<GoalRow> = Vec::new();
    for planned in tree {
        if !goals.iter().any(|g| g.code == planned.goal) {
            goals.push(GoalRow {
                code: planned.goal.clone(),
                name: String::new(),
                perspective: planned.perspective.clone(),
                nss: None,
                at: at.clone(),
            });
        }
    }
    let identity = Identity { unit: Some(unit.to_string()), year: Some(year), period: Some(period) };
    let report = Report::tree(identity, Kind::Realisasi, goals, rows);
    let (card, _): (Scorecard, Vec<Finding>) = crate::score::score(&report, &config.rules);
    for (row, scored) in report.indicators.iter().zip(&card.indicators) {
        if let Some(r) = indicators.iter_mut().find(|r| r.code == row.code)
            && r.status != Completeness::Incomplete
        {
            r.capaian = scored.capaian.value;
        }
    }
    let complete = !tree.is_empty()
        && report.indicators.iter().all(|i| !matches!(i.target.value, Value::Missing))
        && indicators.iter().all(|r| r.status != Completeness::Incomplete);
    let status = match (complete, indicators.iter().any(|r| r.status == Completeness::Provisional)) {
        (false, _) => Completeness::Incomplete,
        (true, true) => Completeness::Provisional,
        (true, false) => Completeness::Final,
    };
    let shown = |v: Option<Decimal>| if complete { v } else { None };
    let scores = Scores {
        goals: card.goals.iter().map(|g| (g.code.clone(), shown(g.nss.value))).collect(),
        perspectives: card
            .perspectives
            .iter()
            .map(|p| (p.name.clone(), shown(p.score.value), shown(p.nkp.value)))
            .collect(),
        npss: shown(card.npss.value),
        status,
    };
    (indicators, scores)
}

/// What BKN's own report says against the roll-up: `ROLLUP_MISMATCH` where a complete value
/// differs at the decimals printed, `ROLLUP_INCOMPLETE` where units are still missing.
pub fn review(rollup: &Rollup, report: &Report, language: Language) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rolled in rollup.indicators.iter().filter(|r| r.computed()) {
        let Some(row) = report.indicators.iter().find(|i| i.code == rolled.code) else { continue };
        let Value::Number(printed) = row.realisasi.value else { continue };
        let at = row.realisasi.at.clone().or_else(|| Some(row.at.clone()));
        let shown = display2_in(printed, language);
        if let Some(value) = rolled.disagrees_with(printed) {
            findings.push(
                Finding::new(Code::RollupMismatch, at, &rolled.code)
                    .found(shown)
                    .expected_whole(explain(rolled, value, language)),
            );
        } else if rolled.status == Completeness::Incomplete {
            let missing = rolled.missing.join(", ");
            let why = match language {
                Language::Id => format!("belum ada angka yang berlaku dari {missing}"),
                Language::En => format!("no figure that counts yet from {missing}"),
            };
            findings.push(Finding::new(Code::RollupIncomplete, at, &rolled.code).found(shown).expected_whole(why));
        }
    }
    findings
}

/// What a rule does, in words.
pub fn rule_label(rule: &str, language: Language) -> &'static str {
    match rule {
        "mean" => language.pick("rata-rata", "mean of"),
        "mean_of_shares" => language.pick("rata-rata persentase layanan", "mean of the shares of"),
        "ratio_of_sums" => {
            language.pick("jumlah pembilang ÷ jumlah penyebut", "sum of numerators ÷ sum of denominators of")
        }
        _ => language.pick("angka BKN sendiri", "BKN's own figure"),
    }
}

/// `92,20 (rata-rata 18 unit: DEPBINMEN 93,26; …)`: the value and the units behind it.
pub fn explain(rolled: &Rolled, value: Decimal, language: Language) -> String {
    let rule = rule_label(rolled.rule, language);
    let units: Vec<String> = rolled
        .contributors
        .iter()
        .filter(|c| c.status.counts())
        .map(|c| format!("{} {}", c.unit, c.value.map(|v| display2_in(v, language)).unwrap_or_default()))
        .collect();
    let count = units.len();
    format!("{} ({rule} {count} unit: {})", display2_in(value, language), units.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn indicator(code: &str, name: &str, measure: Measure, realisasi: Value, provisional: bool) -> StoredIndicator {
        StoredIndicator {
            code: code.into(),
            name: name.into(),
            goal: "SS.1".into(),
            perspective: "Customer".into(),
            measure,
            polarity: crate::model::Polarity::Higher,
            target: Value::Number(dec!(100)),
            realisasi,
            provisional,
            capaian: None,
            cell: "Capaian!D5".into(),
        }
    }

    fn report(unit: &str, errors: i64, indicators: Vec<StoredIndicator>) -> Counted {
        Counted { unit: unit.into(), version: 1, submission_id: 1, errors, rows: indicators }
    }

    /// The configuration `extra` makes, read from a file of its own (tests run in parallel) that
    /// is removed once read.
    fn config(extra: &str) -> Config {
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let made = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("kinerja-rollup-{}-{made}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("k.toml"), extra).unwrap();
        let config = Config::load(&dir.join("k.toml"));
        std::fs::remove_dir_all(&dir).unwrap();
        config.unwrap()
    }

    #[test]
    fn a_printed_share_is_taken_back_to_the_whole_count_it_rounds() {
        assert_eq!(share(dec!(91.67), Measure::Percent, dec!(12)), dec!(11) / dec!(12) * HUNDRED);
        assert_eq!(share(dec!(75), Measure::Percent, dec!(20)), dec!(75));
        assert_eq!(share(dec!(15), Measure::Count, dec!(20)), dec!(75));
        // 91.5 is no whole count of 12: used as printed.
        assert_eq!(share(dec!(91.5), Measure::Percent, dec!(12)), dec!(91.5));
        // Printed with fewer decimals, 11 of 12 still: 91,7 and 92 (they were used as printed,
        // and the mean of fifteen shares was off in its second decimal).
        assert_eq!(share(dec!(91.7), Measure::Percent, dec!(12)), dec!(11) / dec!(12) * HUNDRED);
        assert_eq!(share(dec!(92), Measure::Percent, dec!(12)), dec!(11) / dec!(12) * HUNDRED);
        assert_eq!(share(dec!(58.3), Measure::Percent, dec!(12)), dec!(7) / dec!(12) * HUNDRED);
        // 90 is none either: 10,8 of 12.
        assert_eq!(share(dec!(90), Measure::Percent, dec!(12)), dec!(90));
    }

    /// Early in the year no unit has reported: BKN's report is told every unit its IKU.4 is still
    /// missing (24 of them, past the length a quote from a workbook is cut at), as the Rekap's
    /// Agregat BKN names them.
    #[test]
    fn bkn_is_told_every_unit_still_missing() {
        let config = Config::builtin();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bkn_2023_scorecard.xlsx");
        let (report, _) =
            crate::ingest::read(&path, &config.units, &Default::default(), &config.limits).expect("BKN's report reads");
        let rollup = roll(&config, "BKN", 2023, Period::Year, &[], None);
        let findings = review(&rollup, &report, Language::Id);
        let iku4 = findings.iter().find(|f| f.subject == "IKU.4").expect("IKU.4 held to its units");
        assert_eq!(iku4.code, Code::RollupIncomplete);
        let missing = &rollup.indicators.iter().find(|r| r.code == "IKU.4").unwrap().missing;
        assert_eq!(missing.len(), 24);
        assert_eq!(iku4.expected, format!("belum ada angka yang berlaku dari {}", missing.join(", ")));
        // Named as BKN's built-in set names them, though no agreement or report of BKN is in,
        // in the workbook and on the terminal.
        let iku3 = rollup.indicators.iter().find(|r| r.code == "IKU.3").unwrap();
        assert_eq!(iku3.name, "Indeks kepuasan masyarakat terhadap Pembinaan Manajemen ASN yang diselenggarakan BKN");
        let text = to_text(&rollup, Language::Id);
        assert!(
            text.contains(
                "\n    Indeks kepuasan masyarakat terhadap Pembinaan Manajemen ASN yang diselenggarakan BKN\n"
            ),
            "{text}"
        );
    }

    /// DOMAIN.md: IKU.8 is Σ followed up / Σ issued = 5349 / 5851 = 91.42 when the units report
    /// the counts; a percentage named the same is not a count and does not feed.
    #[test]
    fn a_ratio_of_sums_adds_the_units_counts() {
        let config = config(
            "[[rollup]]\niku = \"IKU.8\"\nfrom = 2020\nto = 2024\nrule = \"ratio_of_sums\"\n\
             units = [\"KR01\", \"KR02\", \"DEPWASDAL\"]\n\
             [rollup.numerator]\nnames = [[\"jumlah\", \"ditindaklanjuti\"]]\n\
             [rollup.denominator]\nnames = [[\"jumlah\", \"rekomendasi\"]]\nexclude = [\"ditindaklanjuti\"]\n",
        );
        let counts = |unit: &str, followed: Decimal, issued: Decimal| {
            report(
                unit,
                0,
                vec![
                    indicator(
                        "IKU.8",
                        "Persentase rekomendasi yang ditindaklanjuti",
                        Measure::Percent,
                        Value::Number(dec!(90)),
                        false,
                    ),
                    indicator(
                        "IKU.15",
                        "Jumlah rekomendasi yang ditindaklanjuti",
                        Measure::Count,
                        Value::Number(followed),
                        false,
                    ),
                    indicator("IKU.16", "Jumlah rekomendasi wasdal", Measure::Count, Value::Number(issued), false),
                ],
            )
        };
        let reports = [
            counts("KR01", dec!(2000), dec!(2100)),
            counts("KR02", dec!(1349), dec!(1551)),
            counts("DEPWASDAL", dec!(2000), dec!(2200)),
        ];
        let rollup = roll(&config, "BKN", 2023, Period::Year, &reports, None);
        let iku8 = rollup.indicators.iter().find(|r| r.code == "IKU.8").unwrap();
        assert_eq!(iku8.rule, "ratio_of_sums");
        assert_eq!(crate::model::amount::display2(iku8.value.unwrap()), "91.42");
        assert_eq!(iku8.status, Completeness::Final);
        assert_eq!(iku8.contributors[0].indicator.as_deref(), Some("IKU.15 / IKU.16"));
        assert_eq!(iku8.contributors[0].parts, Some((dec!(2000), dec!(2100))));
    }

    #[test]
    fn blocked_unmatched_and_provisional_units_are_told_apart() {
        let config =
            config("[[rollup]]\niku = \"IKU.3\"\nfrom = 2020\nto = 2024\nindicators = { PUSBINJF = \"IKU.9\" }\n");
        let cascade = config.cascades_of("BKN", 2023).into_iter().find(|c| c.iku == "IKU.3").unwrap();
        // The config file added one unit's code and kept the built-in rule and units.
        assert_eq!((cascade.rule.as_str(), cascade.units.len()), ("mean", 18));
        assert_eq!(cascade.source.indicators.get("PUSBINJF").map(String::as_str), Some("IKU.9"));
        let ikm = |code: &str, name: &str, v: Decimal, provisional| {
            indicator(code, name, Measure::Index, Value::Number(v), provisional)
        };
        let reports = [
            report(
                "DEPBINMEN",
                0,
                vec![ikm("IKU.2", "Indeks Kepuasan Masyarakat terhadap Pembinaan", dec!(93.26), true)],
            ),
            report(
                "DEPSINKA",
                0,
                vec![
                    ikm("IKU.1", "IKM pembinaan sistem informasi", dec!(88.94), false),
                    ikm("IKU.2", "Indeks kepuasan pembinaan data", dec!(88), false),
                ],
            ),
            report("KR07", 2, vec![ikm("IKU.3", "Indeks Kepuasan Masyarakat terhadap Pembinaan", dec!(96.89), false)]),
            report("PUSBINJF", 0, vec![ikm("IKU.9", "Nilai pembinaan JF", dec!(89.53), false)]),
            report(
                "PUSRENBANG",
                0,
                vec![indicator("IKU.1", "Indeks kepuasan pembinaan", Measure::Index, Value::NotApplicable, false)],
            ),
        ];
        let rollup = roll(&config, "BKN", 2023, Period::Year, &reports, None);
        let iku3 = rollup.indicators.iter().find(|r| r.code == "IKU.3").unwrap();
        let status = |unit: &str| iku3.contributors.iter().find(|c| c.unit == unit).unwrap().status.clone();
        assert_eq!(status("DEPBINMEN"), Standing::Provisional);
        assert_eq!(status("DEPSINKA"), Standing::NoValue(Why::Ambiguous(vec!["IKU.1".into(), "IKU.2".into()])));
        assert_eq!(status("KR07"), Standing::Blocked);
        assert_eq!(status("PUSBINJF"), Standing::Final);
        let na = Why::NotANumber { code: "IKU.1".into(), shown: "N/A".into() };
        assert_eq!(status("PUSRENBANG").label(Language::En), "realisasi of IKU.1 is N/A");
        assert_eq!(status("PUSRENBANG"), Standing::NoValue(na));
        // Only the two counted are in the value; everyone else is missing.
        assert_eq!(iku3.value, Some((dec!(93.26) + dec!(89.53)) / dec!(2)));
        assert_eq!(iku3.status, Completeness::Incomplete);
        assert_eq!(iku3.missing.len(), 16);
        assert!(iku3.missing.contains(&"KR07".to_string()) && iku3.missing.contains(&"DEPSINKA".to_string()));
        assert_eq!(rollup.scores.npss, None);
    }
}
