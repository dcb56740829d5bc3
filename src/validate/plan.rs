//! The review of a plan (PLANS.md §5): targets of one IKU and year that differ between the
//! Renstra, the Renja and the PK; the budget tree's sums against every parent and printed total;
//! an RO whose amount differs between two tables even when every total adds up (two ROs'
//! amounts swapped); a realisasi restated differently; the evaluation's printed capaian and
//! targets on another scale; kegiatan filed under another program than the configured one;
//! indicators that come and go between years.

use crate::config::Config;
use crate::model::amount::{checked_sum, percent_of, round_half_up, rupiah};
use crate::model::plan::{HistoryRow, Level, Plan, PlanLine, PlanTarget, PrintedCapaian, Source};
use crate::model::text::EMPTY;
use crate::model::unit::normalise as words;
use crate::model::{Claim, Code, Finding, Measure, Severity, Value};
use crate::validate::claims::compare;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the ledger knows of the years before a plan's.
#[derive(Debug, Default)]
pub struct Earlier {
    /// The indicators that governed the year before (its agreement's, or its plan's).
    pub set: Option<Vec<String>>,
    /// By year, the realisasi the unit's annual report gives each IKU.
    pub reported: Vec<(u16, Vec<(String, Value)>)>,
}

/// Every finding of a plan for `year`, the plan's own year.
pub fn review(plan: &Plan, year: Option<u16>, earlier: &Earlier, config: &Config) -> Vec<Finding> {
    let mut findings = targets(plan);
    findings.extend(programs(plan, config));
    findings.extend(budget_sums(plan));
    findings.extend(spending(plan));
    findings.extend(details(plan));
    findings.extend(split(plan));
    findings.extend(amounts_across_tables(plan));
    findings.extend(names_across_tables(plan));
    findings.extend(matrix_gaps(plan, year));
    findings.extend(restated_realisasi(plan));
    findings.extend(history_against_reports(plan, &earlier.reported));
    findings.extend(evaluation_capaian(plan));
    findings.extend(target_scales(plan));
    if let Some(year) = year {
        findings.extend(evaluation_targets(plan, year));
        findings.extend(below_last_year(plan, year, &earlier.reported));
        findings.extend(indicator_set(plan, year, earlier.set.as_deref()));
    }
    findings
}

/// A realisasi the plan's evaluation prints against the unit's annual report of that year, to
/// the decimals the plan prints.
fn history_against_reports(plan: &Plan, reported: &[(u16, Vec<(String, Value)>)]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in plan.history_by_year() {
        let Some(value) = reported_value(reported, row.year, &row.code) else { continue };
        let agrees = match (&row.realisasi, value) {
            (Value::Missing, _) | (_, Value::Missing) => true,
            (Value::Number(printed), Value::Number(reported)) => round_half_up(*reported, printed.scale()) == *printed,
            (printed, reported) => printed == reported,
        };
        if !agrees {
            findings.push(
                Finding::new(Code::HistoryMismatch, Some(row.at.clone()), subject(&row.code, row.year))
                    .found(row.realisasi.shown(EMPTY))
                    .expected(format!("{} pada laporan tahunan {} yang diterima", value.shown(EMPTY), row.year)),
            );
        }
    }
    findings
}

/// Each capaian the evaluation prints against its year's realisasi over target × 100, with the
/// tolerance of every value a unit computes itself (one unit of its last printed decimal).
fn evaluation_capaian(plan: &Plan) -> Vec<Finding> {
    let history = plan.history_by_year();
    let claimed = |printed: &PrintedCapaian| {
        let Value::Number(value) = printed.value else { return None };
        Some(Claim { value, decimals: value.scale(), unit: Decimal::ONE, at: printed.at.clone() })
    };
    plan.capaian
        .iter()
        .filter_map(|printed| {
            let row = history.iter().find(|h| h.key() == printed.key && h.year == printed.year)?;
            let subject = subject(&printed.key, printed.year);
            compare(Code::ClaimCapaian, &subject, claimed(printed).as_ref(), capaian(&history, row))
        })
        .collect()
}

/// Capaian of an earlier year as the evaluation table computes it: realisasi over target × 100;
/// none for a target on another scale than its indicator's other years ([`off_scale`]).
pub fn capaian(history: &[HistoryRow], row: &HistoryRow) -> Option<Decimal> {
    if off_scale(history, row).is_some() {
        return None;
    }
    percent_of(row.realisasi.number()?, row.target.number()?)
}

/// The median of the indicator's other years' targets, where `row`'s target is ten times above
/// or below it (002 prints IKU 10's 2020–2021 targets as 3 and 3,2 beside percentages): on a
/// bounded scale only (a percentage, index or score; a count may grow tenfold).
fn off_scale(history: &[HistoryRow], row: &HistoryRow) -> Option<Decimal> {
    if !matches!(row.measure, Measure::Percent | Measure::Index | Measure::Score) {
        return None;
    }
    let target = row.target.number().filter(|t| *t > Decimal::ZERO)?;
    let mut others: Vec<Decimal> = (history.iter())
        .filter(|h| h.key() == row.key() && h.year != row.year)
        .filter_map(|h| h.target.number())
        .collect();
    others.sort_unstable();
    let middle = others.len() / 2;
    let median = match others.len() {
        0 => return None,
        n if n % 2 == 0 => (others[middle - 1] + others[middle]) / Decimal::TWO,
        _ => others[middle],
    };
    (target * Decimal::TEN < median || target > median * Decimal::TEN).then_some(median)
}

/// What the unit's annual report of `year` gives an IKU, as the ledger told.
fn reported_value<'a>(reported: &'a [(u16, Vec<(String, Value)>)], year: u16, code: &str) -> Option<&'a Value> {
    reported.iter().find(|(y, _)| *y == year)?.1.iter().find(|(c, _)| c == code).map(|(_, v)| v)
}

/// Each budget line printed in another table before, with that earlier line: the same code under
/// the same kegiatan, among the lines `kept`, compared with the first table that printed it.
fn restated(plan: &Plan, kept: impl Fn(&PlanLine) -> bool) -> Vec<(&PlanLine, &PlanLine)> {
    let mut first: HashMap<(Level, &str, Option<&str>), &PlanLine> = HashMap::new();
    let mut pairs = Vec::new();
    for line in plan.budget.iter().filter(|l| kept(l)) {
        let key = (line.level, line.code.as_str(), kegiatan_of(plan, line));
        match first.get(&key) {
            None => {
                first.insert(key, line);
            }
            Some(earlier) if earlier.table != line.table => pairs.push((line, *earlier)),
            Some(_) => {}
        }
    }
    pairs
}

fn shown(target: &PlanTarget) -> String {
    format!("{} {} ({})", target.source.label(), target.value.shown(EMPTY), target.at)
}

fn subject(code: &str, year: u16) -> String {
    format!("{code} tahun {year}")
}

/// Renja against PK (an error), Renstra against Renja (a warning, information where the Renja
/// prints its reason).
fn targets(plan: &Plan) -> Vec<Finding> {
    let mut by_key: BTreeMap<(&str, u16), Vec<&PlanTarget>> = BTreeMap::new();
    for t in plan.targets.iter().filter(|t| t.value != Value::Missing) {
        by_key.entry((&t.code, t.year)).or_default().push(t);
    }
    let mut findings = Vec::new();
    for ((code, year), printed) in by_key {
        let first = |source: Source| printed.iter().find(|t| t.source == source).copied();
        let (renstra, renja, pk) = (first(Source::Renstra), first(Source::Renja), first(Source::Pk));
        if let (Some(renja), Some(pk)) = (renja, pk)
            && renja.value != pk.value
        {
            findings.push(
                Finding::new(Code::PlanTargetMismatch, Some(renja.at.clone()), subject(code, year))
                    .found(shown(renja))
                    .expected(shown(pk)),
            );
        }
        // Two Renja tables that restate the target differently.
        for other in printed.iter().filter(|t| t.source == Source::Renja).skip(1) {
            if let Some(renja) = renja
                && other.value != renja.value
            {
                findings.push(
                    Finding::new(Code::PlanTargetMismatch, Some(other.at.clone()), subject(code, year))
                        .found(shown(other))
                        .expected(shown(renja)),
                );
            }
        }
        // One printed and not the other: the PK binds the Renja's set.
        if let (Some(one), None) | (None, Some(one)) = (renja, pk)
            && targets_of(plan, Source::Pk, year) > 0
            && targets_of(plan, Source::Renja, year) > 0
        {
            let other = if one.source == Source::Pk { Source::Renja } else { Source::Pk };
            let expected = match code.starts_with("IKU.") {
                true => format!("{}: tidak ada", other.label()),
                false => format!("{}: kode {code} belum dipadankan dengan kode IKU", other.label()),
            };
            findings.push(
                Finding::new(Code::PlanTargetMismatch, Some(one.at.clone()), subject(code, year))
                    .found(shown(one))
                    .expected(expected),
            );
        }
        if let (Some(renstra), Some(renja)) = (renstra, renja.or(pk))
            && renstra.value != renja.value
        {
            let justified = printed.iter().any(|t| t.justification.is_some());
            let mut finding = Finding::new(Code::PlanTargetMismatch, Some(renja.at.clone()), subject(code, year))
                .found(shown(renja))
                .expected(shown(renstra));
            finding.severity = if justified { Severity::Info } else { Severity::Warning };
            findings.push(finding);
        }
    }
    findings
}

/// How many targets of `year` a source prints.
fn targets_of(plan: &Plan, source: Source, year: u16) -> usize {
    plan.targets.iter().filter(|t| t.source == source && t.year == year).count()
}

/// The evaluation table's target for the plan's own year restates the Renja's.
fn evaluation_targets(plan: &Plan, year: u16) -> Vec<Finding> {
    let renja: HashMap<&str, &PlanTarget> = plan
        .targets
        .iter()
        .filter(|t| t.year == year && t.source == Source::Renja)
        .map(|t| (t.code.as_str(), t))
        .collect();
    plan.history
        .iter()
        .filter(|h| h.year == year && h.target != Value::Missing)
        .filter_map(|h| {
            let renja = renja.get(h.code.as_str()).filter(|t| t.value != Value::Missing && t.value != h.target)?;
            Some(
                Finding::new(Code::PlanTargetMismatch, Some(h.at.clone()), subject(&h.code, year))
                    .found(format!("tabel evaluasi {} ({})", h.target.shown(EMPTY), h.at))
                    .expected(shown(renja)),
            )
        })
        .collect()
}

/// Each line with lines beneath it against their sum, and each printed total against the sum of
/// its table's top lines: never every row added up.
fn budget_sums(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for line in &plan.budget {
        let children: Vec<&PlanLine> = plan.beneath(line).collect();
        let (Some(printed), false) = (line.pagu, children.is_empty()) else { continue };
        let Some(sum) = checked_sum(children.iter().map(|c| c.pagu)) else { continue };
        if sum != printed {
            findings.push(
                Finding::new(Code::BudgetTotal, line.pagu_at.clone(), line.subject())
                    .found(rupiah(printed))
                    .expected(rupiah(sum)),
            );
        }
    }
    for total in &plan.totals {
        let top: Vec<&PlanLine> = plan.budget.iter().filter(|l| l.table == total.table && l.parent.is_none()).collect();
        let Some(sum) = checked_sum(top.iter().map(|l| l.pagu)) else { continue };
        if !top.is_empty() && sum != total.value {
            findings.push(
                Finding::new(Code::BudgetTotal, Some(total.at.clone()), "Total")
                    .found(rupiah(total.value))
                    .expected(rupiah(sum)),
            );
        }
    }
    findings
}

/// The budget by jenis belanja: its parts against its `JUMLAH`, and that against the total of
/// each budget table of the Renja (every view of the budget adds up to the same).
fn spending(plan: &Plan) -> Vec<Finding> {
    let Some(first) = plan.spending.first() else { return Vec::new() };
    let table: &str = &first.at.sheet;
    let Some(total) = plan.totals.iter().find(|t| *t.at.sheet == *table && t.at.row == first.at.row) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let parts = plan.spending.iter().filter(|s| s.at.row == first.at.row).map(|s| Some(s.amount));
    let Some(sum) = checked_sum(parts) else { return Vec::new() };
    if sum != total.value {
        findings.push(
            Finding::new(Code::BudgetTotal, Some(total.at.clone()), "Jenis belanja")
                .found(rupiah(total.value))
                .expected(rupiah(sum)),
        );
    }
    for other in plan.totals.iter().filter(|t| t.table != total.table && t.source == Source::Renja) {
        if other.value != total.value {
            findings.push(
                Finding::new(Code::BudgetViews, Some(total.at.clone()), "jenis belanja")
                    .found(rupiah(total.value))
                    .expected(format!("{} ({})", rupiah(other.value), other.at)),
            );
        }
    }
    findings
}

/// The column of the budget by jenis belanja a detail of Lampiran 2 adds to: Belanja Pegawai,
/// Belanja Barang's rincian Operasional, or the rest of Belanja Barang (non operasional).
fn spending_column(jenis: &str, rincian: &str) -> String {
    let (jenis, rincian) = (words(jenis), words(rincian));
    match (jenis.starts_with(" belanja barang "), rincian.trim() == "operasional") {
        (true, true) => " belanja barang operasional ".into(),
        (true, false) => " belanja barang non operasional ".into(),
        _ => jenis,
    }
}

/// Lampiran 2: its details against its `JUMLAH`, and each jenis belanja's sum against the budget
/// by jenis belanja.
fn details(plan: &Plan) -> Vec<Finding> {
    let Some(first) = plan.details.first() else { return Vec::new() };
    let mut findings = Vec::new();
    let Some(sum) = checked_sum(plan.details.iter().map(|d| Some(d.amount))) else { return Vec::new() };
    let total = plan.totals.iter().find(|t| *t.at.sheet == *first.at.sheet && t.at.row > first.at.row);
    if let Some(total) = total.filter(|t| t.value != sum) {
        findings.push(
            Finding::new(Code::BudgetTotal, Some(total.at.clone()), "Rincian belanja")
                .found(rupiah(total.value))
                .expected(rupiah(sum)),
        );
    }
    for part in &plan.spending {
        let column = words(&part.name);
        let of_part = plan.details.iter().filter(|d| spending_column(&d.jenis, &d.rincian) == column);
        let sum = checked_sum(of_part.map(|d| Some(d.amount)));
        if let Some(sum) = sum.filter(|sum| *sum != part.amount) {
            findings.push(
                Finding::new(Code::BudgetViews, Some(part.at.clone()), part.name.to_lowercase())
                    .found(rupiah(part.amount))
                    .expected(format!("{} ({})", rupiah(sum), first.at.sheet)),
            );
        }
    }
    findings
}

/// A target split between units: the parts against the total printed.
fn split(plan: &Plan) -> Vec<Finding> {
    let Some((total, at)) = &plan.split_total else { return Vec::new() };
    let Some(sum) = checked_sum(plan.split.iter().map(|p| Some(p.value))) else { return Vec::new() };
    if plan.split.is_empty() || sum == *total {
        return Vec::new();
    }
    vec![
        Finding::new(Code::CategoryTotal, Some(at.clone()), "Target per unit kerja")
            .found(total.normalize().to_string())
            .expected(sum.normalize().to_string()),
    ]
}

/// The kegiatan a line belongs to (its own code for a kegiatan): the same RO code may stand
/// under two kegiatan.
fn kegiatan_of<'a>(plan: &'a Plan, line: &'a PlanLine) -> Option<&'a str> {
    let mut current = line;
    for _ in 0..8 {
        if current.level == Level::Kegiatan {
            return Some(&current.code);
        }
        let parent = current.parent.as_deref()?;
        current = plan.budget.iter().find(|l| l.table == current.table && l.code == parent)?;
    }
    None
}

/// The same RO (or kegiatan, KRO, komponen) with another amount in another table. Two lines of
/// one kegiatan whose differences cancel out are said to have traded their amounts.
fn amounts_across_tables(plan: &Plan) -> Vec<Finding> {
    let differing: Vec<(&PlanLine, &PlanLine)> =
        restated(plan, |l| l.pagu.is_some()).into_iter().filter(|(line, earlier)| line.pagu != earlier.pagu).collect();
    let difference =
        |(line, earlier): &(&PlanLine, &PlanLine)| line.pagu.unwrap_or_default() - earlier.pagu.unwrap_or_default();
    let at = |l: &PlanLine| l.pagu_at.clone().unwrap_or_else(|| l.at.clone());
    let side = |l: &PlanLine| format!("{} {} ({})", l.source.label(), rupiah(l.pagu.unwrap_or_default()), at(l));
    differing
        .iter()
        .map(|pair @ (line, earlier)| {
            let traded = differing.iter().find(|other @ (o, _)| {
                o.code != line.code
                    && kegiatan_of(plan, o) == kegiatan_of(plan, line)
                    && difference(other) == -difference(pair)
            });
            let mut expected = side(earlier);
            if let Some((other, _)) = traded {
                expected.push_str(&format!(
                    "; selisihnya berlawanan dengan {} {}: pagu keduanya tertukar",
                    other.level.label(),
                    other.code
                ));
            }
            Finding::new(Code::RoAmountMismatch, Some(at(line)), line.subject()).found(side(line)).expected(expected)
        })
        .collect()
}

/// The same code (under the same kegiatan) named otherwise in another table, after normalising
/// case, spaces and punctuation.
fn names_across_tables(plan: &Plan) -> Vec<Finding> {
    restated(plan, |l| !l.name.is_empty())
        .into_iter()
        .filter(|(line, earlier)| words(&earlier.name) != words(&line.name))
        .map(|(line, earlier)| {
            Finding::new(Code::BudgetName, Some(line.at.clone()), line.subject())
                .found(&line.name)
                .expected(&earlier.name)
        })
        .collect()
}

/// With a responsibility matrix: every indicator of the year and every kegiatan of the budget
/// has an owner.
fn matrix_gaps(plan: &Plan, year: Option<u16>) -> Vec<Finding> {
    let Some(first) = plan.responsibility.first() else { return Vec::new() };
    let matrix = format!("lembar {}", first.at.sheet);
    let owned_iku: BTreeSet<&str> = plan.responsibility.iter().filter_map(|r| r.iku.as_deref()).collect();
    let owned_kegiatan: BTreeSet<&str> = plan.responsibility.iter().map(|r| r.kegiatan.as_str()).collect();
    let unowned = plan
        .targets
        .iter()
        .filter(|t| t.source != Source::Renstra && Some(t.year) == year)
        .filter(|t| t.code.starts_with("IKU.") && !owned_iku.contains(t.code.as_str()));
    let mut gaps: Vec<Finding> = Vec::new();
    let mut said = BTreeSet::new();
    for target in unowned {
        if said.insert(target.code.as_str()) {
            gaps.push(Finding::new(Code::MatrixGap, Some(target.at.clone()), &target.code).expected(&matrix));
        }
    }
    for line in plan.budget.iter().filter(|l| l.level == Level::Kegiatan && !owned_kegiatan.contains(l.code.as_str())) {
        if said.insert(&line.code) {
            let subject = format!("kegiatan {}", line.code);
            gaps.push(Finding::new(Code::MatrixGap, Some(line.at.clone()), subject).expected(&matrix));
        }
    }
    gaps
}

/// A kegiatan the responsibility matrix files under another program than the configured one (a
/// kegiatan in one program everywhere; 002's Lampiran 3 puts all five under Program Kebijakan),
/// once per kegiatan.
fn programs(plan: &Plan, config: &Config) -> Vec<Finding> {
    let mut said = BTreeSet::new();
    plan.responsibility
        .iter()
        .filter_map(|r| {
            let printed = r.program.as_deref()?;
            let configured = config.program_of(&r.kegiatan)?;
            let bare = |name: &str| words(name).trim_start().trim_start_matches("program ").to_string();
            let differs = bare(printed) != bare(&configured.name) && said.insert(&r.kegiatan);
            differs.then(|| {
                Finding::new(Code::ProgramMismatch, Some(r.at.clone()), format!("Kegiatan {}", r.kegiatan))
                    .found(printed)
                    .expected(&configured.name)
            })
        })
        .collect()
}

/// A higher-is-better target for the plan's year below the year before's realisasi (SMART-C):
/// the binding target (the PK's, else the Renja's), against what the plan prints for the year
/// before, else what the unit reported.
fn below_last_year(plan: &Plan, year: u16, reported: &[(u16, Vec<(String, Value)>)]) -> Vec<Finding> {
    let history = plan.history_by_year();
    let last = |code: &str| -> Option<Decimal> {
        let printed = history.iter().find(|h| h.code == code && h.year == year - 1).map(|h| &h.realisasi);
        printed.filter(|v| **v != Value::Missing).or_else(|| reported_value(reported, year - 1, code))?.number()
    };
    let binding =
        if plan.targets.iter().any(|t| t.source == Source::Pk && t.year == year) { Source::Pk } else { Source::Renja };
    plan.targets
        .iter()
        .filter(|t| t.source == binding && t.year == year)
        .filter_map(|t| {
            let Value::Number(target) = t.value else { return None };
            let before = last(&t.code).filter(|before| target < *before)?;
            Some(
                Finding::new(Code::TargetBelowRealisasi, Some(t.at.clone()), subject(&t.code, year))
                    .found(target.normalize().to_string())
                    .expected(format!("{} pada {}", before.normalize(), year - 1)),
            )
        })
        .collect()
}

/// An evaluation's target on another scale than its indicator's other years: its year's
/// capaian compares two scales.
fn target_scales(plan: &Plan) -> Vec<Finding> {
    let history = plan.history_by_year();
    (history.iter())
        .filter_map(|row| {
            let median = off_scale(&history, row)?;
            Some(
                Finding::new(Code::TargetScale, Some(row.target_at.clone()?), subject(row.key(), row.year))
                    .found(row.target.shown(EMPTY))
                    .expected(median.normalize().to_string()),
            )
        })
        .collect()
}

/// A realisasi of one IKU and year printed twice (the evaluation and the Renstra table) with
/// two values.
fn restated_realisasi(plan: &Plan) -> Vec<Finding> {
    let mut first: HashMap<(&str, u16), &HistoryRow> = HashMap::new();
    let mut findings = Vec::new();
    for row in plan.history.iter().filter(|h| h.realisasi != Value::Missing) {
        match first.get(&(row.key(), row.year)) {
            None => {
                first.insert((row.key(), row.year), row);
            }
            Some(earlier) if earlier.realisasi != row.realisasi => findings.push(
                Finding::new(Code::HistoryMismatch, Some(row.at.clone()), subject(row.key(), row.year))
                    .found(row.realisasi.shown(EMPTY))
                    .expected(format!("{} di {}", earlier.realisasi.shown(EMPTY), earlier.at)),
            ),
            Some(_) => {}
        }
    }
    findings
}

/// Indicators in force in a year but not the year before (new), or the other way round
/// (retired), for each year the plan prints after another: as its tables print them (`-` where
/// one is not in force), and for the plan's own year against the set that governed the year
/// before in the ledger where it is known. Sets known by codes one year and by names the other
/// are not compared: which indicator became which is configured, never guessed.
fn indicator_set(plan: &Plan, year: u16, earlier: Option<&[String]>) -> Vec<Finding> {
    let in_force = |y: u16| -> BTreeSet<&str> {
        let evaluated = plan
            .history
            .iter()
            .filter(|h| h.year == y && (h.target != Value::Missing || h.realisasi != Value::Missing));
        let planned = plan.targets.iter().filter(|t| t.year == y && t.value != Value::Missing);
        evaluated.map(HistoryRow::key).chain(planned.map(|t| t.code.as_str())).collect()
    };
    let coded = |set: &BTreeSet<&str>| set.iter().all(|k| k.starts_with("IKU."));
    let mut years: Vec<u16> = plan.history.iter().map(|h| h.year).chain([year]).collect();
    years.sort_unstable();
    years.dedup();
    // The row of the year it came or went, else its first.
    let at = |key: &str, year: u16| {
        let rows = || plan.history.iter().filter(move |h| h.key() == key);
        rows().find(|h| h.year == year).or_else(|| rows().next()).map(|h| h.at.clone())
    };
    let mut findings = Vec::new();
    for &now_year in &years {
        let before = match earlier {
            Some(set) if now_year == year => set.iter().map(String::as_str).collect(),
            _ if years.contains(&(now_year - 1)) => in_force(now_year - 1),
            _ => continue,
        };
        let now = in_force(now_year);
        if before.is_empty() || now.is_empty() || coded(&before) != coded(&now) {
            continue;
        }
        let (found, expected) = (format!("tahun {}", now_year - 1), format!("tahun {now_year}"));
        findings
            .extend(now.difference(&before).map(|key| {
                Finding::new(Code::IndicatorNew, at(key, now_year), *key).found(&found).expected(&expected)
            }));
        findings.extend(before.difference(&now).map(|key| {
            Finding::new(Code::IndicatorRetired, at(key, now_year), *key).found(&found).expected(&expected)
        }));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;
    use crate::model::plan::{PlanTotal, Spending, SplitPart};

    fn at(sheet: &str, row: u32, col: u32) -> CellRef {
        CellRef::new(&sheet.into(), row, col)
    }

    #[test]
    fn a_target_tenfold_off_its_other_years_is_another_scale_on_a_bounded_measure_only() {
        let row = |name: &str, measure: Measure, year: u16, target: i64| HistoryRow {
            code: String::new(),
            name: name.into(),
            year,
            target: Value::Number(target.into()),
            realisasi: Value::Number(target.into()),
            at: at("Evaluasi", u32::from(year), 8),
            target_at: Some(at("Evaluasi", u32::from(year), 2)),
            measure,
        };
        let series = |name: &str, measure: Measure| {
            [(2020, 3), (2021, 80), (2022, 90), (2023, 100)].map(|(y, t)| row(name, measure, y, t))
        };
        let history: Vec<HistoryRow> = series("Persentase SI terstandar", Measure::Percent)
            .into_iter()
            .chain(series("Jumlah lembaga", Measure::Count))
            .collect();
        let plan = Plan { history, ..Plan::default() };
        let flagged: Vec<String> = target_scales(&plan).into_iter().map(|f| f.subject).collect();
        assert_eq!(flagged, ["Persentase SI terstandar tahun 2020"]);
    }

    #[test]
    fn amounts_at_the_edge_of_an_exact_decimal_are_not_compared_rather_than_stopping_the_review() {
        let line = |code: &str, parent: Option<&str>, pagu: Decimal| PlanLine {
            level: Level::of_code(code).unwrap(),
            code: code.into(),
            name: String::new(),
            volume: None,
            satuan: None,
            pagu: Some(pagu),
            parent: parent.map(str::to_string),
            source: Source::Renja,
            table: "Anggaran!A3".into(),
            at: at("Anggaran", 3, 0),
            pagu_at: None,
        };
        let plan = Plan {
            budget: vec![
                line("4842", None, Decimal::MAX),
                line("EBC.954", Some("4842"), Decimal::MAX),
                line("EBC.996", Some("4842"), Decimal::MAX),
            ],
            totals: vec![PlanTotal {
                table: "Anggaran!A3".into(),
                source: Source::Renja,
                value: 1.into(),
                at: at("Anggaran", 9, 3),
            }],
            split: vec![SplitPart { unit: "BKN".into(), value: Decimal::MAX, at: at("T", 1, 1) }; 2],
            split_total: Some((1.into(), at("T", 3, 1))),
            ..Plan::default()
        };
        let codes: Vec<&str> = review(&plan, Some(2024), &Earlier::default(), &Config::builtin())
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        // Only the total against the one top line is compared; nothing panics.
        assert_eq!(codes, ["BUDGET_TOTAL"]);
    }

    #[test]
    fn a_split_whose_parts_miss_its_total_and_a_jenis_belanja_total_unlike_the_budget_are_errors() {
        let plan = Plan {
            split: vec![
                SplitPart { unit: "BKN".into(), value: 3600.into(), at: at("Tabel 3", 3, 1) },
                SplitPart { unit: "KR13".into(), value: 1000.into(), at: at("Tabel 3", 4, 1) },
            ],
            split_total: Some((4700.into(), at("Tabel 3", 5, 1))),
            spending: vec![
                Spending { name: "BELANJA PEGAWAI".into(), amount: 60.into(), at: at("Jenis", 4, 0) },
                Spending { name: "BELANJA BARANG".into(), amount: 40.into(), at: at("Jenis", 4, 1) },
            ],
            totals: vec![
                PlanTotal { table: "Jenis!A3".into(), source: Source::Renja, value: 100.into(), at: at("Jenis", 4, 2) },
                PlanTotal {
                    table: "Anggaran!A3".into(),
                    source: Source::Renja,
                    value: 90.into(),
                    at: at("Anggaran", 9, 3),
                },
            ],
            ..Plan::default()
        };
        let found: Vec<(&str, String, String)> = review(&plan, None, &Earlier::default(), &Config::builtin())
            .iter()
            .map(|f| (f.code.as_str(), f.at.as_ref().unwrap().to_string(), f.expected.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("BUDGET_VIEWS", "Jenis!C5".to_string(), "Rp 90 (Anggaran!D10)".to_string()),
                ("CATEGORY_TOTAL", "Tabel 3!B6".to_string(), "4600".to_string()),
            ]
        );
    }
}
