//! Budget: realisasi within pagu, and every view adding up — a total row to its lines, a
//! program to its kegiatan and a kegiatan to its RO, and each view (per SS, per jenis belanja,
//! per program, the overall budget) to the same total.

use crate::model::amount::{checked_sum, display_rupiah};
use crate::model::plan::{Level, Levels};
use crate::model::{BudgetLine, BudgetRow, BudgetScope, CellRef, Code, Finding, Report, Scorecard, Value};
use rust_decimal::Decimal;

type Line<'a> = (&'a BudgetRow, &'a BudgetLine);

/// One view of the budget (a table's lines): where they stand among all lines, the lines, and
/// each one's parent among them.
struct View<'a> {
    places: Vec<usize>,
    rows: Vec<Line<'a>>,
    parent_of: Vec<Option<usize>>,
}

/// Pagu and realisasi added up; `None` where one of them lacks the amount.
fn sums(amounts: impl Iterator<Item = [Option<Decimal>; 2]> + Clone) -> [Option<Decimal>; 2] {
    [checked_sum(amounts.clone().map(|[pagu, _]| pagu)), checked_sum(amounts.map(|[_, spent]| spent))]
}

fn amounts(line: &BudgetLine) -> [Option<Decimal>; 2] {
    [line.pagu, line.realisasi]
}

/// Findings for the amounts (pagu, realisasi) that differ from what they should add up to;
/// `place` names where the expected figure comes from, when it is another table.
fn mismatch(
    code: Code,
    subject: &str,
    at: [&CellRef; 2],
    stated: [Option<Decimal>; 2],
    sum: [Option<Decimal>; 2],
    place: &str,
) -> Vec<Finding> {
    ["pagu", "realisasi"]
        .iter()
        .zip(at)
        .zip(stated.iter().zip(sum))
        .filter_map(|((what, at), (stated, sum))| match (stated, sum) {
            (Some(stated), Some(sum)) if *stated != sum => Some(
                Finding::new(code, Some(at.clone()), format!("{what}{subject}"))
                    .found(display_rupiah(*stated))
                    .expected(format!("{}{place}", display_rupiah(sum))),
            ),
            _ => None,
        })
        .collect()
}

/// Where a line prints its pagu and its realisasi: their cells, else its label's.
fn amount_cells(row: &BudgetRow) -> [&CellRef; 2] {
    [&row.pagu, &row.realisasi].map(|amount| amount.at.as_ref().unwrap_or(&row.at))
}

/// `child` is somewhere under `parent` in a coded hierarchy (`088.WA` → `088.WA.4370`).
fn under(parent: &str, child: &str) -> bool {
    child.len() > parent.len() + 1 && child.starts_with(parent) && child.as_bytes()[parent.len()] == b'.'
}

/// `child` sits directly under `parent`, with no code of `all` between them.
fn is_child(parent: &str, child: &str, all: &[&str]) -> bool {
    under(parent, child) && !all.iter().any(|mid| under(parent, mid) && under(mid, child))
}

/// Each line's parent in its table (an index into `rows`): the line whose code its own extends
/// (`088.WA` → `088.WA.4370`), else, for the codes of the budget's own forms (kegiatan `4842`,
/// KRO `4842.EBC`, RO `EBC.954`, komponen `EBC.954.051`), the nearest line above of a higher
/// level, as a plan's budget is read. A total row has none. In a view whose codes nest nothing
/// (lines known by their names), the parts [`by_sums`] finds, unless the view's total row holds
/// every line rather than the headings alone.
fn parents(rows: &[Line<'_>]) -> Vec<Option<usize>> {
    let lines = || rows.iter().enumerate().filter(|(_, (r, _))| r.scope != BudgetScope::Total);
    let codes: Vec<&str> = lines().map(|(_, (r, _))| r.code.as_str()).collect();
    let mut levels = Levels::default();
    let mut parent_of = vec![None; rows.len()];
    for (i, (row, _)) in lines() {
        let coded = lines().find(|(_, (p, _))| is_child(&p.code, &row.code, &codes)).map(|(j, _)| j);
        let by_level = Level::of_code(&row.code).and_then(|level| levels.place(level, i));
        parent_of[i] = coded.or(by_level);
    }
    if parent_of.iter().all(Option::is_none) {
        let top = |parent_of: &[Option<usize>]| {
            sums(lines().filter(|(i, _)| parent_of[*i].is_none()).map(|(_, (_, line))| amounts(line)))
        };
        let nested = by_sums(rows);
        let total = rows.iter().find(|(r, _)| r.scope == BudgetScope::Total).map(|(_, line)| amounts(line));
        if nested.iter().any(Option::is_some)
            && total.is_none_or(|total| top(&nested) == total && top(&parent_of) != total)
        {
            return nested;
        }
    }
    parent_of
}

/// Each line's heading among `rows` by their amounts: a line of the view is the heading of the
/// two lines or more right under it whose pagu and realisasi add up to its own (`Belanja
/// Pegawai` over `Gaji` and `Tunjangan`).
fn by_sums(rows: &[Line<'_>]) -> Vec<Option<usize>> {
    let line = |i: usize| rows.get(i).filter(|(r, _)| r.scope == BudgetScope::Account).map(|(_, line)| amounts(line));
    let mut parent_of = vec![None; rows.len()];
    let mut i = 0;
    while i < rows.len() {
        let parts = line(i).filter(|own| own[0].is_some()).and_then(|own| {
            let mut sum = [Some(Decimal::ZERO); 2];
            (i + 1..).map_while(line).enumerate().find_map(|(n, part)| {
                sum = sums([sum, part].into_iter());
                (n >= 1 && sum == own).then_some(n + 1)
            })
        });
        let end = i + parts.unwrap_or(0);
        parent_of[i + 1..=end].fill(Some(i));
        i = end + 1;
    }
    parent_of
}

pub fn check(report: &Report, card: &Scorecard) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines: Vec<Line<'_>> = report.budget.iter().zip(&card.budget).collect();
    // A table of indicators printing their budgets is no view of the budget, a goal's line in it
    // (printed once for its indicators) included: it need not cover the whole.
    let mut views: Vec<&str> = Vec::new();
    let per_indicator: Vec<&str> =
        lines.iter().filter(|(r, _)| r.scope == BudgetScope::Indicator).map(|(r, _)| &*r.view).collect();
    for (row, _) in lines.iter().filter(|(r, _)| r.scope != BudgetScope::Indicator) {
        if !views.contains(&&*row.view) && !per_indicator.contains(&&*row.view) {
            views.push(&row.view);
        }
    }
    let views: Vec<View<'_>> = views
        .into_iter()
        .map(|view| {
            let places: Vec<usize> = (0..lines.len()).filter(|&i| &*lines[i].0.view == view).collect();
            let rows: Vec<Line<'_>> = places.iter().map(|&i| lines[i]).collect();
            let parent_of = parents(&rows);
            View { places, rows, parent_of }
        })
        .collect();
    // A line with lines beneath it is what they add up to when it prints no amount itself.
    let mut has_lines = vec![false; lines.len()];
    for view in &views {
        for &p in view.parent_of.iter().flatten() {
            has_lines[view.places[p]] = true;
        }
    }
    for (i, (row, line)) in lines.iter().enumerate() {
        // Money spent with no ceiling beside it: its serapan, sisa and efficiency are unknown.
        if line.pagu.is_none()
            && let Some(spent) = line.realisasi.filter(|spent| *spent > Decimal::ZERO)
        {
            let at = row.pagu.at.clone().or(Some(row.at.clone()));
            findings.push(Finding::new(Code::PaguMissing, at, &row.code).found(display_rupiah(spent)));
        }
        // A ceiling with nothing said spent beside it, where the table has a realisasi column.
        if line.realisasi.is_none()
            && row.realisasi.at.is_some()
            && !has_lines[i]
            && let Some(pagu) = line.pagu.filter(|pagu| *pagu > Decimal::ZERO)
        {
            let at = row.realisasi.at.clone();
            findings.push(Finding::new(Code::BudgetRealisasiMissing, at, &row.code).found(display_rupiah(pagu)));
        }
        if let (Some(pagu), Some(spent)) = (line.pagu, line.realisasi)
            && spent > pagu
        {
            let at = row.realisasi.at.clone().or(Some(row.at.clone()));
            findings.push(
                Finding::new(Code::BudgetOverspent, at, &row.code)
                    .found(display_rupiah(spent))
                    .expected(display_rupiah(pagu)),
            );
        }
    }
    // Indicator budgets often cover only part of the budget; the other views cover all of it.
    let mut reference: Option<(String, [Option<Decimal>; 2])> = None;
    for View { rows, parent_of, .. } in &views {
        let children_of =
            |p: Option<usize>| parent_of.iter().enumerate().filter(move |(_, q)| **q == p).map(|(i, _)| i);
        // What each line's own lines add up to, and each line's amounts, or for a line printing
        // none, its lines' (children stand below it).
        let mut held: Vec<[Option<Decimal>; 2]> = rows.iter().map(|(_, line)| amounts(line)).collect();
        // A line left blank, with no lines beneath it, beside lines that print the amount holds
        // none of it: nil, so that the view's total is still held to its lines (a blank line left
        // it unchecked). A view printing no amount at all (percentages per SS) sums to none.
        let printed =
            |k: usize| rows.iter().any(|(r, line)| r.scope != BudgetScope::Total && amounts(line)[k].is_some());
        let printed = [printed(0), printed(1)];
        for (i, (row, _)) in rows
            .iter()
            .enumerate()
            .filter(|(i, (r, _))| r.scope != BudgetScope::Total && children_of(Some(*i)).next().is_none())
        {
            for (k, reading) in [&row.pagu, &row.realisasi].into_iter().enumerate() {
                if printed[k] && held[i][k].is_none() && reading.value == Value::Missing {
                    held[i][k] = Some(Decimal::ZERO);
                }
            }
        }
        let mut beneath: Vec<Option<[Option<Decimal>; 2]>> = vec![None; rows.len()];
        for i in (0..rows.len()).rev().filter(|&i| rows[i].0.scope == BudgetScope::Account) {
            if children_of(Some(i)).next().is_some() {
                let sum = sums(children_of(Some(i)).map(|c| held[c]));
                held[i] = [held[i][0].or(sum[0]), held[i][1].or(sum[1])];
                beneath[i] = Some(sum);
            }
        }
        for (i, sum) in beneath.iter().enumerate().filter_map(|(i, sum)| Some((i, (*sum)?))) {
            let (parent, line) = rows[i];
            let subject = format!(" {}", parent.code);
            findings.extend(mismatch(Code::BudgetTotal, &subject, amount_cells(parent), amounts(line), sum, ""));
        }
        let top: Vec<usize> = children_of(None).filter(|&i| rows[i].0.scope != BudgetScope::Total).collect();
        let top_sum = sums(top.iter().map(|&i| held[i]));
        // Every total row of the view is held to its lines: a total typed twice, the second
        // mistyped, is no second truth.
        let mut totals = rows.iter().filter(|(r, _)| r.scope == BudgetScope::Total).peekable();
        let total = totals.peek().copied();
        for (row, line) in totals.filter(|_| !top.is_empty()) {
            findings.extend(mismatch(Code::BudgetTotal, "", amount_cells(row), amounts(line), top_sum, ""));
        }
        let (at, stated) = match total {
            Some((row, line)) => (amount_cells(row), amounts(line)),
            None => {
                let first = &top.first().map_or(rows[0], |&i| rows[i]).0.at;
                ([first, first], top_sum)
            }
        };
        let view = &rows[0].0.view;
        match &reference {
            None => reference = Some((view.to_string(), stated)),
            Some((first, expected)) => {
                findings.extend(mismatch(Code::BudgetViews, "", at, stated, *expected, &format!(" ({first})")))
            }
        }
    }
    findings.extend(scale(&lines));
    findings
}

/// The largest amount a unit's budget can print in rupiah and still be in doubt: amounts in
/// thousands or millions with no word saying so (no `ribu`, `juta`, `Rp 1.000` in a header or
/// caption) read as rupiah, so a budget whose every amount stays below Rp 10 juta, a tenth of
/// what one IKU's activities cost at the least, was most likely written in thousands.
const SMALLEST_BUDGET: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);

/// A budget whose largest amount is below [`SMALLEST_BUDGET`]: said at that amount's cell, as a
/// warning (nothing is computed from an amount alone: serapan, sisa and efisiensi are ratios).
fn scale(lines: &[Line<'_>]) -> Option<Finding> {
    let amounts = lines.iter().flat_map(|(row, line)| amount_cells(row).into_iter().zip(amounts(line)));
    let (at, largest) = amounts.filter_map(|(at, amount)| Some((at, amount?))).max_by_key(|(_, amount)| *amount)?;
    (largest > Decimal::ZERO && largest < SMALLEST_BUDGET)
        .then(|| Finding::new(Code::BudgetScale, Some(at.clone()), "").found(display_rupiah(largest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coded_hierarchies() {
        let all = ["088.WA", "088.WA.4370", "088.WA.4370.EBA", "088.WB"];
        assert!(is_child("088.WA", "088.WA.4370", &all));
        assert!(!is_child("088.WA", "088.WA.4370.EBA", &all));
        assert!(is_child("088.WA.4370", "088.WA.4370.EBA", &all));
        assert!(!is_child("088.W", "088.WA", &all));
        assert!(!is_child("51", "52", &all));
    }
}
