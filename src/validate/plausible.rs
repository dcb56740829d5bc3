//! Scores no real report can hold. A capaian is never capped (a PNBP target set too low gave a
//! published 455 %), but above 1,000 % the inputs were almost surely misread — a thousands
//! separator taken for a decimal point, a count read as a score, another year's column — and an
//! NPSS above 200 cannot come from a real report. Either is an error that names the inputs,
//! never a score reported as if it were sure. So is a percentage (or a score out of 100) under 1
//! that looks like a fraction left without Excel's `%` format, and money spent that a thousand or
//! a million times would make a real share of its pagu (written in thousands or millions).

use crate::model::amount::{display_rupiah, display2, percent_of};
use crate::model::{BudgetRow, Code, Finding, IndicatorRow, Measure, Reading, Report, Scorecard, Value};
use crate::validate::ranges::range_for;
use rust_decimal::Decimal;

/// The highest capaian (%) taken as read with confidence.
const CAPAIAN: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
/// The highest NPSS taken as read with confidence.
const NPSS: Decimal = Decimal::from_parts(200, 0, 0, false, 0);
/// The scales an amount may be written in without a word saying so: thousands and millions.
const THOUSAND: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

fn input(what: &str, reading: &Reading) -> String {
    let value = reading.value.shown("kosong");
    match &reading.at {
        Some(at) => format!("{what} {value} di {at}"),
        None => format!("{what} {value}"),
    }
}

/// A percentage kept as a fraction without Excel's `%` format (0,9167 for 91,67 %) reads as
/// under 1 %, and so does a score of a hundred kept as one (0,8501 for an IP ASN of 85,01): where
/// the measure runs to 100, the target is above 1 and a hundred times the realisasi would score
/// like a real report (50–200 %), the realisasi is in doubt.
fn fraction_of_hundred(row: &IndicatorRow) -> Option<Finding> {
    let (Value::Number(target), Value::Number(realisasi)) = (&row.target.value, &row.realisasi.value) else {
        return None;
    };
    // A realisasi of 1 or less only: a hundred times it is in range, whatever a workbook holds.
    let hundredfold = (*realisasi <= Decimal::ONE).then(|| realisasi * Decimal::ONE_HUNDRED)?;
    let of_hundred = range_for(row.measure, &row.name).is_some_and(|(_, high)| high == Some(Decimal::ONE_HUNDRED));
    let likely = of_hundred
        && *target > Decimal::ONE
        && *realisasi > Decimal::ZERO
        && target.checked_mul(Decimal::TWO).is_some_and(|twice| (target / Decimal::TWO..=twice).contains(&hundredfold));
    likely.then(|| {
        let at = row.realisasi.at.clone().or_else(|| Some(row.at.clone()));
        let (realisasi, target, hundredfold) =
            (row.realisasi.value.shown(""), row.target.value.shown(""), display2(hundredfold));
        let finding = Finding::new(Code::ReadingUncertain, at, format!("Realisasi {}", row.code));
        if row.measure == Measure::Percent {
            finding.found(format!("{realisasi} % terhadap target {target} %")).expected(format!(
                "mungkin {hundredfold} % yang tersimpan sebagai pecahan tanpa format persen; tulis {hundredfold} atau beri format %"
            ))
        } else {
            finding.found(format!("{realisasi} terhadap target {target}")).expected(format!(
                "mungkin {hundredfold} yang tersimpan sebagai seperseratusnya (pecahan); tulis {hundredfold}"
            ))
        }
    })
}

/// A recap's perspective score kept as a fraction (1,10 for 110): no real report scores a
/// perspective under 2 %, and a hundred times it would score like one (20–200).
fn recap_fraction(report: &Report) -> impl Iterator<Item = Finding> + '_ {
    let recap = report.is_recap();
    (report.perspectives.iter().filter(move |_| recap)).filter_map(|p| {
        let skor = p.skor.as_ref().filter(|s| s.value > Decimal::ZERO && s.value <= Decimal::TWO)?;
        let hundredfold = display2(skor.value * Decimal::ONE_HUNDRED);
        Some(
            Finding::new(Code::ReadingUncertain, Some(skor.at.clone()), format!("Skor perspektif {}", p.name))
                .found(display2(skor.value))
                .expected(format!(
                    "mungkin {hundredfold} yang tersimpan sebagai seperseratusnya (pecahan); tulis {hundredfold}"
                )),
        )
    })
}

/// Money spent written in thousands or millions of rupiah beside a pagu in rupiah (`30,4` for
/// Rp 30,4 juta, `Rp30.400` for Rp 30.400.000) reads as almost nothing spent: serapan 0,00 % and
/// efisiensi 20 "baik". Where a thousand or a million times it would be half to all of the pagu,
/// the amount is in doubt, as a serapan of 0,05–0,1 % (or of a millionth of that) seldom is.
fn amount_scale(row: &BudgetRow) -> Option<Finding> {
    let (pagu, spent) = (row.pagu.value.number()?, row.realisasi.value.number()?);
    let (scale, word) = [(THOUSAND, "ribuan"), (MILLION, "jutaan")].into_iter().find(|(scale, _)| {
        let whole = spent.checked_mul(*scale);
        spent > Decimal::ZERO && whole.is_some_and(|whole| whole >= pagu / Decimal::TWO && whole <= pagu)
    })?;
    let (whole, pagu_shown) = (display_rupiah(spent * scale), display_rupiah(pagu));
    let at = row.realisasi.at.clone().or_else(|| Some(row.at.clone()));
    let serapan = |spent: Decimal| percent_of(spent, pagu).map(display2).unwrap_or_default();
    // Whole rupiah grouped (`Rp 30.400`), a fraction as a plain decimal (`30,4`).
    let typed = match spent.fract().is_zero() {
        true => format!("Rp {}", display_rupiah(spent)),
        false => spent.normalize().to_string(),
    };
    Some(
        Finding::new(Code::ReadingUncertain, at, format!("Realisasi anggaran {}", row.code))
            .found(format!("{typed} terhadap pagu Rp {pagu_shown} (serapan {} %)", serapan(spent)))
            .expected(format!(
                "mungkin Rp {whole} yang ditulis dalam {word} rupiah (serapan {} %); tulis dalam rupiah penuh",
                serapan(spent * scale)
            )),
    )
}

pub fn check(report: &Report, card: &Scorecard) -> Vec<Finding> {
    let mut findings: Vec<Finding> = report.indicators.iter().filter_map(fraction_of_hundred).collect();
    findings.extend(recap_fraction(report));
    findings.extend(report.budget.iter().filter_map(amount_scale));
    let mut implausible = false;
    for (row, scored) in report.indicators.iter().zip(&card.indicators) {
        let Some(capaian) = scored.capaian.value.filter(|c| c.abs() > CAPAIAN) else { continue };
        implausible = true;
        let at = row.realisasi.at.clone().or_else(|| Some(row.at.clone()));
        findings.push(
            Finding::new(Code::ReadingUncertain, at, format!("Capaian {}", row.code))
                .found(format!(
                    "{} % dari {} dan {}",
                    display2(capaian),
                    input("target", &row.target),
                    input("realisasi", &row.realisasi)
                ))
                .expected(format!(
                    "di luar yang mungkin untuk laporan kinerja (paling tinggi {CAPAIAN} %), kemungkinan salah terbaca \
                     (pemisah ribuan dan desimal, satuan, atau kolom tahun lain)"
                )),
        );
    }
    // An NPSS resting on an implausible capaian has no score (see `check`); one beyond the
    // possible from capaian each possible is said.
    if let Some(npss) = card.npss.value.filter(|n| n.abs() > NPSS && !implausible) {
        findings.push(
            Finding::new(Code::ReadingUncertain, None, "NPSS")
                .found(format!("{} (dari semua indikator)", display2(npss)))
                .expected(format!("di luar yang mungkin untuk laporan kinerja (paling tinggi {NPSS})")),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetScope, CellRef};
    use rust_decimal_macros::dec;
    use std::sync::Arc;

    fn line(pagu: Decimal, spent: Decimal) -> BudgetRow {
        let sheet: Arc<str> = Arc::from("Tabel 3.2");
        let at = |col| Some(CellRef::new(&sheet, 9, col));
        let reading = |value, col| Reading { value: Value::Number(value), provisional: false, at: at(col) };
        BudgetRow {
            scope: BudgetScope::Indicator,
            code: "IKU.4".into(),
            view: Arc::clone(&sheet),
            pagu: reading(pagu, 6),
            realisasi: reading(spent, 7),
            capaian: None,
            serapan: None,
            sisa: None,
            efisiensi: None,
            at: CellRef::new(&sheet, 9, 2),
        }
    }

    /// In doubt only where a thousand or a million times the amount is half to all of the pagu;
    /// nothing spent, a little spent and amounts near the decimal's bounds pass without a panic.
    #[test]
    fn money_spent_in_thousands_or_millions() {
        let pagu = dec!(30400000);
        for (spent, doubt) in [
            (dec!(30400), true),
            (dec!(29.96), true),
            (dec!(15200), true),
            (dec!(15000), false),
            (dec!(0), false),
            (dec!(29960485), false),
            (dec!(35000), false),
        ] {
            assert_eq!(amount_scale(&line(pagu, spent)).is_some(), doubt, "{spent}");
        }
        assert!(amount_scale(&line(Decimal::MAX, Decimal::MAX / dec!(1500))).is_some());
        assert!(amount_scale(&line(Decimal::MAX, Decimal::MAX)).is_none());
    }
}
