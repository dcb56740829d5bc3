//! Scoring exactly as BKN does (Keputusan Kepala BKN 1.8/KEP/2020, PMK 214/PMK.02/2017):
//! capaian per IKU, NSS per SS, perspective score, NKP, NPSS, status band, serapan, sisa,
//! efisiensi. Pure: a report and the rules in, a scorecard and the findings of scoring out.
//!
//! ```
//! use kinerja::score::capaian_ratio;
//! use kinerja::model::Polarity;
//! use kinerja::config::LowerFormula;
//! use rust_decimal_macros::dec;
//! // 000 IKU.1: realisasi 56.50 against target 60.
//! let c = capaian_ratio(dec!(60), dec!(56.50), Polarity::Higher, LowerFormula::TwoMinusRatio).unwrap();
//! assert_eq!(kinerja::model::amount::display2(c), "94.17");
//! ```

use crate::config::{LowerFormula, NaPolicy, ProvisionalPolicy, Rules};
use crate::model::amount::{display2, efisiensi, percent_of};
use crate::model::{
    BudgetLine, BudgetRow, BudgetScope, CellRef, Code, Finding, GoalScore, IndicatorRow, IndicatorScore, Kind,
    PerspectiveRow, PerspectiveScore, Polarity, Report, Score, Scorecard, Value,
};
use rust_decimal::Decimal;
use std::collections::HashMap;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Capaian of a numeric indicator; `None` when the target is zero (or, for the inverse
/// formula, the realisasi is), or the result is out of range.
pub fn capaian_ratio(target: Decimal, realisasi: Decimal, polarity: Polarity, lower: LowerFormula) -> Option<Decimal> {
    match (polarity, lower) {
        (Polarity::Higher, _) => percent_of(realisasi, target),
        (Polarity::Lower, LowerFormula::TwoMinusRatio) => {
            Decimal::TWO.checked_sub(realisasi.checked_div(target)?)?.checked_mul(HUNDRED)
        }
        (Polarity::Lower, LowerFormula::InverseRatio) => percent_of(target, realisasi),
    }
}

/// A running mean of the children that have a score; N/A when none has. The provisional flag
/// of any child travels up.
#[derive(Debug, Clone, Copy, Default)]
struct Mean {
    sum: Decimal,
    count: u32,
    provisional: bool,
    /// Whether the sum went beyond an exact decimal's range (a hostile workbook's figures, each
    /// said where it was read): the mean is none then.
    overflowed: bool,
}

impl Mean {
    fn add(&mut self, child: Score) {
        self.provisional |= child.provisional;
        if let Some(v) = child.value {
            match self.sum.checked_add(v) {
                Some(sum) => self.sum = sum,
                None => self.overflowed = true,
            }
            self.count += 1;
        }
    }

    fn score(self) -> Score {
        let value = (self.count > 0 && !self.overflowed).then(|| self.sum / Decimal::from(self.count));
        Score { value, provisional: self.provisional }
    }
}

/// The mean of the children that have a score; N/A when none has.
pub fn mean(children: impl IntoIterator<Item = Score>) -> Score {
    let mut mean = Mean::default();
    children.into_iter().for_each(|child| mean.add(child));
    mean.score()
}

fn indicator_capaian(ind: &IndicatorRow, kind: Kind, rules: &Rules, findings: &mut Vec<Finding>) -> Score {
    let provisional = ind.target.provisional || ind.realisasi.provisional;
    let at = ind.realisasi.at.clone().or_else(|| Some(ind.at.clone()));
    let target_at = ind.target.at.clone().or_else(|| Some(ind.at.clone()));
    let mut finding = |code, at: &Option<CellRef>, found: String, expected: String| {
        findings.push(Finding::new(code, at.clone(), &ind.code).found(found).expected(expected));
    };
    let rung =
        |o: &str| rules.qualitative_ladder.iter().position(|x| x == o).map(|i| rules.qualitative_ladder.len() - i);
    let ladder = || rules.qualitative_ladder.join(", ");
    let value = match (&ind.target.value, &ind.realisasi.value) {
        (_, Value::NotApplicable) => None,
        (_, Value::Missing) => {
            match kind {
                // A capaian printed beside it says the indicator is no N/A one: a realisasi was
                // left out (a formula's 0 over a blank says nothing).
                Kind::Realisasi => match ind.capaian.as_ref().filter(|c| !c.value.is_zero()) {
                    Some(claimed) => finding(Code::CapaianWithoutRealisasi, &at, claimed.as_printed(), String::new()),
                    None => finding(Code::RealisasiMissing, &at, String::new(), String::new()),
                },
                // An agreement's target is what every report of the year is scored against: a
                // word no report can be scored against is said here, at its cell.
                Kind::Agreement => match &ind.target.value {
                    Value::Number(t) if !t.is_zero() => {}
                    Value::Opinion(t) if rung(t).is_some() => {}
                    Value::Opinion(t) => finding(Code::QualitativeUnknown, &target_at, t.clone(), ladder()),
                    target => finding(Code::TargetMissing, &target_at, target.shown(""), String::new()),
                },
                Kind::Plan => {}
            }
            None
        }
        (Value::Number(t), Value::Number(r)) => {
            let c = capaian_ratio(*t, *r, ind.polarity, rules.lower_is_better);
            if c.is_none() {
                finding(Code::TargetMissing, &target_at, ind.target.value.shown(""), String::new());
            }
            c
        }
        (Value::Missing | Value::NotApplicable, _) => {
            finding(Code::TargetMissing, &target_at, ind.target.value.shown(""), String::new());
            None
        }
        // A word no ladder knows, where it stands: the target's or the realisasi's.
        (Value::Opinion(t), _) if rung(t).is_none() => {
            finding(Code::QualitativeUnknown, &target_at, t.clone(), ladder());
            None
        }
        (_, Value::Opinion(r)) if rung(r).is_none() => {
            finding(Code::QualitativeUnknown, &at, r.clone(), ladder());
            None
        }
        // Opinions on the ladder, both.
        (Value::Opinion(t), Value::Opinion(r)) if t == r => Some(HUNDRED),
        (Value::Opinion(t), Value::Opinion(r)) => {
            finding(Code::QualitativeLadder, &at, r.clone(), t.clone());
            rung(t).zip(rung(r)).map(|(tr, rr)| Decimal::from(rr) / Decimal::from(tr) * HUNDRED)
        }
        // An opinion beside a number: the two kinds differ.
        (Value::Opinion(_), Value::Number(_)) | (Value::Number(_), Value::Opinion(_)) => {
            finding(Code::ValueKindsDiffer, &at, ind.realisasi.value.shown(""), ind.target.value.shown(""));
            None
        }
    };
    let value = match rules.cap {
        Some(cap) => value.map(|v| v.min(cap)),
        None => value,
    };
    let value = match (rules.provisional, provisional) {
        (ProvisionalPolicy::Exclude, true) => None,
        _ => value,
    };
    let value = match (rules.na, &ind.realisasi.value) {
        (NaPolicy::Zero, Value::NotApplicable) => Some(Decimal::ZERO),
        _ => value,
    };
    Score { value, provisional }
}

fn budget_line(row: &BudgetRow, basis: Option<Decimal>, rules: &Rules) -> BudgetLine {
    let pagu = row.pagu.number();
    let realisasi = row.realisasi.number();
    let serapan = match (pagu, realisasi) {
        (Some(p), Some(r)) => percent_of(r, p),
        // A table of percentages (000 Tabel 3.41) states serapan as an input.
        (None, None) => row.serapan.as_ref().map(|c| c.value),
        _ => None,
    };
    let sisa = pagu.zip(realisasi).map(|(p, r)| p - r);
    let efisiensi = match (row.scope, basis, serapan) {
        (BudgetScope::Total | BudgetScope::Account, _, _) => None,
        (_, Some(c), Some(s)) => efisiensi(c, s, rules.efficiency_clamp),
        _ => None,
    };
    BudgetLine { scope: row.scope, code: row.code.clone(), pagu, realisasi, serapan, sisa, efisiensi }
}

/// Score a report.
/// Each perspective's weight, NKP and band, and the NPSS. Every perspective has its share of
/// 100 % (equal unless configured); a perspective with no score yet (every indicator N/A, as the
/// annual ones are in a quarter) is left out as an N/A indicator is left out of its goal's mean:
/// its share goes to the others in proportion to theirs, and `PERSPECTIVE_NA` says so. Each NKP
/// and the NPSS divide once, by the shares scored: with three perspectives a third is no exact
/// decimal, and the sum of 0,333…3 × each of 90,22, 69,02 and 50,715 shows 69,98 where their
/// mean, 69,985, shows 69,99.
///
/// A perspective `unknown`, its score resting on a cell that could not be read, is no N/A one:
/// it keeps its share, has no score or NKP, and the NPSS is unknown with it; the others' weights
/// and NKP are those the report has once the cell is read, not those of leaving it out.
fn weigh(
    rows: &[PerspectiveRow],
    scores: &[(&str, Score)],
    unknown: &[&str],
    rules: &Rules,
    findings: &mut Vec<Finding>,
) -> (Vec<PerspectiveScore>, Score) {
    let share = |name: &str| match rules.weights.is_empty() {
        true => Decimal::ONE,
        false => rules.weights.get(name).copied().unwrap_or_default(),
    };
    let counts = |name: &str, score: &Score| score.value.is_some() || unknown.contains(&name);
    let scored: Decimal = scores.iter().filter(|(name, s)| counts(name, s)).map(|(name, _)| share(name)).sum();
    let weight = |name: &str| if scored.is_zero() { Decimal::ZERO } else { share(name) * HUNDRED / scored };
    let perspectives: Vec<PerspectiveScore> = scores
        .iter()
        .map(|(name, score)| {
            let weight = if counts(name, score) { weight(name) } else { Decimal::ZERO };
            let score = Score { value: score.value.filter(|_| !unknown.contains(name)), ..*score };
            // Shares that all weigh nothing (configured weights naming none of the report's
            // perspectives) weigh nothing here, as before, rather than dividing by zero.
            let part = |s: Decimal| (s * share(name)).checked_div(scored).unwrap_or(Decimal::ZERO);
            let nkp = Score { value: score.value.map(part), provisional: score.provisional };
            PerspectiveScore { name: name.to_string(), band: rules.band(score.value).clone(), score, weight, nkp }
        })
        .collect();
    let weighed: Vec<Decimal> = perspectives.iter().filter_map(|p| p.score.value.map(|v| v * share(&p.name))).collect();
    let npss = Score {
        value: (unknown.is_empty() && !weighed.is_empty())
            .then(|| weighed.iter().sum::<Decimal>().checked_div(scored).unwrap_or(Decimal::ZERO)),
        provisional: scores.iter().any(|(_, s)| s.provisional),
    };
    let left_out: Vec<&str> = scores.iter().filter(|(name, s)| !counts(name, s)).map(|(name, _)| *name).collect();
    if perspectives.iter().any(|p| p.score.value.is_some()) && !left_out.is_empty() {
        let shares: Vec<String> = perspectives
            .iter()
            .zip(scores)
            .filter(|(_, (name, s))| counts(name, s))
            .map(|(p, _)| format!("{} {} %", p.name, display2(p.weight)))
            .collect();
        for name in left_out {
            let at = rows.iter().find(|p| p.name == name).map(|p| p.at.clone());
            findings.push(Finding::new(Code::PerspectiveNa, at, name).expected(shares.join(", ")));
        }
    }
    (perspectives, npss)
}

/// The perspectives and NPSS of a scorecard weighed again where the scores of the perspectives
/// `unknown` rest on a cell that could not be read (see `weigh`), with `PERSPECTIVE_NA` for
/// those left out as N/A.
pub fn weigh_unknown(card: &mut Scorecard, rows: &[PerspectiveRow], unknown: &[&str], rules: &Rules) -> Vec<Finding> {
    let names: Vec<String> = card.perspectives.iter().map(|p| p.name.clone()).collect();
    let scores: Vec<(&str, Score)> =
        names.iter().map(String::as_str).zip(card.perspectives.iter().map(|p| p.score)).collect();
    let mut findings = Vec::new();
    (card.perspectives, card.npss) = weigh(rows, &scores, unknown, rules, &mut findings);
    card.band = rules.band(card.npss.value).clone();
    findings
}

pub fn score(report: &Report, rules: &Rules) -> (Scorecard, Vec<Finding>) {
    let mut findings = Vec::new();
    let indicators: Vec<IndicatorScore> = report
        .indicators
        .iter()
        .map(|ind| {
            let capaian = indicator_capaian(ind, report.kind, rules, &mut findings);
            IndicatorScore { code: ind.code.clone(), band: rules.band(capaian.value).clone(), capaian }
        })
        .collect();
    let goal_index: HashMap<&str, usize> = report.goals.iter().enumerate().map(|(i, g)| (g.code.as_str(), i)).collect();
    let mut nss = vec![Mean::default(); report.goals.len()];
    for (row, scored) in report.indicators.iter().zip(&indicators) {
        if let Some(&i) = goal_index.get(row.goal.as_str()) {
            nss[i].add(scored.capaian);
        }
    }
    let goals: Vec<GoalScore> = report
        .goals
        .iter()
        .zip(nss)
        .map(|(goal, mean)| {
            let nss = mean.score();
            GoalScore { code: goal.code.clone(), band: rules.band(nss.value).clone(), nss }
        })
        .collect();
    // In the tree's order (a perspective whose row is read elsewhere, or not at all, keeps its
    // goals' place), then those only a summary names (a recap's).
    let mut names: Vec<&str> = Vec::new();
    for name in
        report.goals.iter().map(|g| g.perspective.as_str()).chain(report.perspectives.iter().map(|p| p.name.as_str()))
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if !report.is_recap() {
        names.retain(|name| report.goals.iter().any(|g| g.perspective == *name));
    }
    let scores: Vec<(&str, Score)> = names
        .iter()
        .map(|name| {
            let score = if report.is_recap() {
                // The perspective scores are the inputs.
                let claimed = report.perspectives.iter().find(|p| p.name == *name).and_then(|p| p.skor.as_ref());
                Score { value: claimed.map(|c| c.value), provisional: false }
            } else {
                mean(report.goals.iter().zip(&goals).filter(|(row, _)| row.perspective == *name).map(|(_, g)| g.nss))
            };
            (*name, score)
        })
        .collect();
    let (perspectives, npss) = weigh(&report.perspectives, &scores, &[], rules, &mut findings);
    let capaian_of: HashMap<&str, Option<Decimal>> =
        indicators.iter().map(|i| (i.code.as_str(), i.capaian.value)).collect();
    let nss_of: HashMap<&str, Option<Decimal>> = goals.iter().map(|g| (g.code.as_str(), g.nss.value)).collect();
    let budget = report
        .budget
        .iter()
        .map(|row| {
            let basis = match row.scope {
                BudgetScope::Indicator => capaian_of.get(row.code.as_str()).copied().flatten(),
                BudgetScope::Goal => nss_of.get(row.code.as_str()).copied().flatten(),
                BudgetScope::Total | BudgetScope::Account => None,
            };
            budget_line(row, basis, rules)
        })
        .collect();
    let band = rules.band(npss.value).clone();
    (Scorecard { indicators, goals, perspectives, npss, band, budget }, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::amount::display2;
    use rust_decimal_macros::dec;

    #[test]
    fn lower_is_better_uses_permenpanrb_by_default() {
        let c = capaian_ratio(dec!(10), dec!(8), Polarity::Lower, LowerFormula::TwoMinusRatio);
        assert_eq!(c, Some(dec!(120)));
        let c = capaian_ratio(dec!(10), dec!(8), Polarity::Lower, LowerFormula::InverseRatio);
        assert_eq!(c, Some(dec!(125)));
        assert_eq!(capaian_ratio(dec!(0), dec!(8), Polarity::Higher, LowerFormula::TwoMinusRatio), None);
    }

    /// A capaian or a mean beyond an exact decimal's range is none, never a failure (a realisasi
    /// of 28 digits against a target of 1, or two of 27 in one goal, stopped the review).
    #[test]
    fn a_capaian_out_of_range_is_none() {
        let huge = Decimal::MAX / dec!(10);
        assert_eq!(capaian_ratio(Decimal::ONE, huge, Polarity::Higher, LowerFormula::TwoMinusRatio), None);
        assert_eq!(capaian_ratio(Decimal::ONE, huge, Polarity::Lower, LowerFormula::TwoMinusRatio), None);
        // Two capaian in range whose sum is not: their mean is none.
        let half = Score { value: Some(Decimal::MAX / dec!(2) + Decimal::ONE), provisional: false };
        assert_eq!(mean([half, half]).value, None);
        assert_eq!(
            capaian_ratio(dec!(0.01), Decimal::ONE, Polarity::Higher, LowerFormula::TwoMinusRatio),
            Some(dec!(10000))
        );
        assert_eq!(capaian_ratio(dec!(80), dec!(100), Polarity::Lower, LowerFormula::TwoMinusRatio), Some(dec!(75)));
        assert_eq!(capaian_ratio(dec!(80), dec!(100), Polarity::Lower, LowerFormula::InverseRatio), Some(dec!(80)));
    }

    #[test]
    fn efficiency_matches_the_published_figures() {
        let clamp = Config::builtin().rules.efficiency_clamp;
        let serapan = |p: Decimal, r: Decimal| r / p * HUNDRED;
        // 004 IKU 4, 6, 7.
        let iku4 = efisiensi(dec!(93.36) / dec!(95) * HUNDRED, serapan(dec!(30400000), dec!(29960485)), clamp);
        assert_eq!(display2(iku4.unwrap()), "-0.29");
        let iku6 = efisiensi(HUNDRED, serapan(dec!(72928000), dec!(72804577)), clamp);
        assert_eq!(display2(iku6.unwrap()), "0.17");
        let iku7 = efisiensi(dec!(91.67) / dec!(95) * HUNDRED, serapan(dec!(200000000), dec!(184103028)), clamp);
        assert_eq!(display2(iku7.unwrap()), "4.60");
        // 000 SS.2 as printed in Tabel 3.41.
        assert_eq!(display2(efisiensi(dec!(100.43), dec!(92.48), clamp).unwrap()), "7.92");
        assert_eq!(efisiensi(dec!(50), dec!(100), clamp), Some(dec!(-20)));
    }

    #[test]
    fn perspectives_the_weights_do_not_name_score_nothing_without_a_panic() {
        let mut rules = Config::builtin().rules;
        for name in ["Stakeholder", "Customer", "Internal Process", "Learn & Growth"] {
            rules.weights.insert(name.to_string(), Decimal::ZERO);
        }
        let s = |v: Decimal| Score { value: Some(v), provisional: false };
        let (perspectives, npss) =
            weigh(&[], &[("Stakeholder", s(dec!(100))), ("Customer", s(dec!(90)))], &[], &rules, &mut Vec::new());
        assert_eq!(npss.value, Some(Decimal::ZERO));
        assert!(perspectives.iter().all(|p| p.nkp.value == Some(Decimal::ZERO) && p.weight.is_zero()));
    }

    #[test]
    fn means_skip_na_and_carry_provisional() {
        let s = |v: Option<Decimal>, p| Score { value: v, provisional: p };
        let m = mean([s(None, false), s(Some(dec!(100)), false), s(Some(dec!(90)), true)]);
        assert_eq!(m, s(Some(dec!(95)), true));
        assert_eq!(mean([s(None, false), s(None, false)]).value, None);
    }
}
