//! Budget: realisasi within pagu, and totals that add up to their parts.

use crate::model::amount::display_rupiah;
use crate::model::{BudgetScope, Code, Finding, Report, Scorecard};
use rust_decimal::Decimal;

pub fn check(report: &Report, card: &Scorecard) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (row, line) in report.budget.iter().zip(&card.budget) {
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
    // A total row (Jumlah/Total) against the goal rows of its table.
    let parts: Vec<_> = report.budget.iter().zip(&card.budget).filter(|(r, _)| r.scope == BudgetScope::Goal).collect();
    for (row, line) in report.budget.iter().zip(&card.budget).filter(|(r, _)| r.scope == BudgetScope::Total) {
        let sums = [
            ("pagu", line.pagu, parts.iter().map(|(_, l)| l.pagu).sum::<Option<Decimal>>(), &row.pagu.at),
            (
                "realisasi",
                line.realisasi,
                parts.iter().map(|(_, l)| l.realisasi).sum::<Option<Decimal>>(),
                &row.realisasi.at,
            ),
        ];
        for (what, total, sum, at) in sums {
            if let (Some(total), Some(sum)) = (total, sum)
                && total != sum
            {
                findings.push(
                    Finding::new(Code::BudgetTotal, at.clone().or(Some(row.at.clone())), what)
                        .found(display_rupiah(total))
                        .expected(display_rupiah(sum)),
                );
            }
        }
    }
    findings
}
