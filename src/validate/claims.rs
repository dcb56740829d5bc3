//! Every value the unit computed itself, checked against kinerja's recomputation with
//! DOMAIN.md's tolerance.

use crate::model::amount::{display_rupiah, display2, efisiensi};
use crate::model::{BudgetScope, Claim, Code, Finding, Report, Scorecard};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A finding for a claim beyond the tolerance of the value recomputed, naming both.
pub fn compare(code: Code, subject: &str, claim: Option<&Claim>, computed: Option<Decimal>) -> Option<Finding> {
    let (claim, computed) = (claim?, computed?);
    if claim.admits(computed) {
        return None;
    }
    // Amounts read as rupiah; scores as two decimals beside the figure as printed (`98,00`
    // under a format showing two decimals).
    let (found, expected) = match code {
        Code::ClaimSisa => (display_rupiah(claim.value), display_rupiah(computed)),
        _ => (claim.as_printed(), display2(computed)),
    };
    Some(Finding::new(code, Some(claim.at.clone()), subject).found(found).expected(expected))
}

/// A printed weight in percent: a fraction (`0,25`) is the percent it stands for, held to the
/// percent it shows (`0,3` is 30 %, not within a tenth of 25 %).
fn in_percent(claim: &Claim, weight: Decimal) -> Claim {
    if claim.value <= Decimal::ONE && weight > Decimal::ONE {
        Claim { value: claim.value * Decimal::ONE_HUNDRED, decimals: claim.decimals.saturating_sub(2), ..claim.clone() }
    } else {
        claim.clone()
    }
}

/// Findings for every claim that differs from the recomputed value beyond the tolerance.
pub fn claims(report: &Report, card: &Scorecard, clamp: Decimal) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (row, scored) in report.indicators.iter().zip(&card.indicators) {
        findings.extend(compare(Code::ClaimCapaian, &row.code, row.capaian.as_ref(), scored.capaian.value));
    }
    for (row, scored) in report.goals.iter().zip(&card.goals) {
        findings.extend(compare(Code::ClaimNss, &row.code, row.nss.as_ref(), scored.nss.value));
    }
    for row in &report.perspectives {
        let Some(scored) = card.perspectives.iter().find(|p| p.name == row.name) else {
            continue;
        };
        if !report.goals.is_empty() {
            findings.extend(compare(Code::ClaimSkor, &row.name, row.skor.as_ref(), scored.score.value));
        }
        findings.extend(compare(Code::ClaimNkp, &row.name, row.nkp.as_ref(), scored.nkp.value));
        // A perspective with no score carries no weight of its own (the others share it): its
        // printed weight is not held to 0.
        if let Some(bobot) = row.bobot.as_ref().filter(|_| scored.score.value.is_some()) {
            findings.extend(compare(
                Code::ClaimBobot,
                &row.name,
                Some(&in_percent(bobot, scored.weight)),
                Some(scored.weight),
            ));
        }
    }
    findings.extend(compare(Code::ClaimNpss, "NPSS", report.npss.as_ref(), card.npss.value));
    let nss_of: HashMap<&str, Option<Decimal>> = card.goals.iter().map(|g| (g.code.as_str(), g.nss.value)).collect();
    for (row, line) in report.budget.iter().zip(&card.budget) {
        let amounts = line.pagu.is_some() && line.realisasi.is_some();
        if amounts {
            findings.extend(compare(Code::ClaimSerapan, &row.code, row.serapan.as_ref(), line.serapan));
        }
        findings.extend(compare(Code::ClaimSisa, &row.code, row.sisa.as_ref(), line.sisa));
        // Only goal lines carry a capaian to hold against the scorecard's NSS.
        let nss = match row.scope {
            BudgetScope::Goal => nss_of.get(row.code.as_str()).copied().flatten(),
            _ => None,
        };
        let efficiency = compare(Code::ClaimEfisiensi, &row.code, row.efisiensi.as_ref(), line.efisiensi);
        // 000 Tabel 3.41: the efficiency agrees with the capaian printed beside it, and that
        // capaian is not the scorecard's NSS. Say so, rather than only that the figure is off.
        let basis = match (&efficiency, row.scope, &row.capaian, &row.efisiensi, line.serapan, nss) {
            (Some(_), BudgetScope::Goal, Some(capaian), Some(claimed), Some(serapan), Some(nss))
                if efisiensi(capaian.value, serapan, clamp).is_some_and(|e| claimed.admits(e)) =>
            {
                Some(
                    Finding::new(Code::EfficiencyBasis, Some(claimed.at.clone()), &row.code)
                        .found(capaian.value.normalize().to_string())
                        .expected(display2(nss)),
                )
            }
            _ => None,
        };
        findings.extend(basis.or(efficiency));
        // An efficiency printed where kinerja computes none, its serapan or capaian missing.
        if let Some(claimed) = row.efisiensi.as_ref().filter(|_| line.efisiensi.is_none())
            && !matches!(row.scope, BudgetScope::Total | BudgetScope::Account)
        {
            let unchecked = Finding::new(Code::EfficiencyUnchecked, Some(claimed.at.clone()), &row.code);
            findings.push(unchecked.found(claimed.value.normalize().to_string()));
        }
        if row.scope == BudgetScope::Goal {
            findings.extend(compare(Code::ClaimCapaian, &row.code, row.capaian.as_ref(), nss));
        }
    }
    findings
}
