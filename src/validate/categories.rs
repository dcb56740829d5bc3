//! Category tables (000 Tabel 3.4: instansi by NSPK category A–E): the counts add up to the
//! total printed, each share is its count over that total, and the shares add up to 100.

use crate::model::amount::{checked_sum, display2, percent_of};
use crate::model::{CategoryTable, Code, Finding, Report};
use rust_decimal::Decimal;

fn check_table(table: &CategoryTable, findings: &mut Vec<Finding>) {
    // Checked: a crafted count near Decimal's limit gives no total rather than a panic.
    let sum = checked_sum(table.rows.iter().map(|r| r.count.number()));
    let printed_total = table.total.as_ref().and_then(|t| t.count.number());
    if let (Some(total), Some(sum), Some(row)) = (printed_total, sum, &table.total)
        && total != sum
    {
        findings.push(
            Finding::new(Code::CategoryTotal, row.count.at.clone(), format!("Jumlah {}", row.label))
                .found(total.normalize().to_string())
                .expected(sum.normalize().to_string()),
        );
    }
    let Some(whole) = printed_total.or(sum).filter(|w| !w.is_zero()) else { return };
    for row in &table.rows {
        let (Some(share), Some(count)) = (&row.share, row.count.number()) else { continue };
        let Some(computed) = percent_of(count, whole) else { continue };
        if !share.admits(computed) {
            findings.push(
                Finding::new(Code::ClaimShare, Some(share.at.clone()), format!("kategori {}", row.label))
                    .found(share.value.normalize().to_string())
                    .expected(display2(computed)),
            );
        }
    }
    let shares = || table.rows.iter().map(|r| r.share.as_ref().map(|s| s.value));
    if let Some(sum) = checked_sum(shares()) {
        // Each share rounded to its last decimal may move the sum by half a unit.
        let slack = Decimal::new(5, 3) * Decimal::from(shares().count()) + Decimal::new(1, 2);
        if sum.checked_sub(Decimal::ONE_HUNDRED).is_none_or(|off| off.abs() > slack) {
            // The whole is 100 %, printed on the total row or not.
            let total = table.total.as_ref().and_then(|t| t.share.as_ref());
            let at = total.map(|s| s.at.clone()).or(Some(table.at.clone()));
            let printed = total.map_or(Decimal::ONE_HUNDRED, |s| s.value);
            findings.push(
                Finding::new(Code::CategoryTotal, at, "Total persentase")
                    .found(printed.normalize().to_string())
                    .expected(sum.normalize().to_string()),
            );
        }
    }
}

pub fn check(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for table in &report.categories {
        check_table(table, &mut findings);
    }
    findings
}
