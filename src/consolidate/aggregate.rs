//! The Rekap's *Agregat BKN* sheet: BKN's indicators computed from its units' reports that
//! count (the roll-up), beside what BKN's own report prints, then the units behind each value.

use crate::model::amount::round_half_up;
use crate::model::text::wrapped_height;
use crate::model::{Language, Value};
use crate::rollup::{Completeness, Rollup, rule_label};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, Worksheet, XlsxError};

fn fill(rgb: u32) -> Format {
    Format::new().set_background_color(Color::RGB(rgb))
}

const AMBER: u32 = 0xFFE699;
const RED: u32 = 0xF8CBAD;

fn score(sheet: &mut Worksheet, r: u32, c: u16, value: Option<Decimal>, format: &Format) -> Result<(), XlsxError> {
    if let Some(v) = value.and_then(|v| round_half_up(v, 2).to_f64()) {
        sheet.write_number_with_format(r, c, v, format)?;
    }
    Ok(())
}

fn value(sheet: &mut Worksheet, r: u32, c: u16, v: &Value, format: &Format) -> Result<(), XlsxError> {
    match v {
        Value::Number(n) => score(sheet, r, c, Some(*n), format),
        Value::Missing => Ok(()),
        other => sheet.write_string(r, c, other.shown("")).map(|_| ()),
    }
}

fn completeness(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    status: Completeness,
    language: Language,
) -> Result<(), XlsxError> {
    let format = match status {
        Completeness::Incomplete => fill(AMBER),
        _ => Format::new(),
    };
    sheet.write_string_with_format(r, c, status.label(language), &format).map(|_| ())
}

/// `headers` across row `r` from the first column.
fn header_row(sheet: &mut Worksheet, r: u32, headers: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(r, c as u16, *h, format)?;
    }
    Ok(())
}

/// The width of the column of units missing, and the characters of unit codes (capitals, wider
/// than the digits a width counts) one of its lines holds.
const MISSING_WIDTH: f64 = 30.0;
const MISSING_CHARS: usize = 24;

/// Write the sheet; `header` formats the header rows, `number` the scores.
pub fn write(
    sheet: &mut Worksheet,
    rollup: &Rollup,
    header: &Format,
    number: &Format,
    language: Language,
) -> Result<(), XlsxError> {
    sheet.set_name(language.pick("Agregat BKN", "BKN roll-up"))?;
    let title = match language {
        Language::Id => format!(
            "Agregat {} {} {}: indikator yang dihitung dari laporan unit kerja yang berlaku",
            rollup.unit,
            rollup.year,
            rollup.period.as_str()
        ),
        Language::En => format!(
            "{} roll-up {} {}: indicators computed from the units' reports that count",
            rollup.unit,
            rollup.year,
            rollup.period.as_str()
        ),
    };
    sheet.merge_range(0, 0, 0, 11, &title, &Format::new().set_bold().set_font_size(13))?;
    let headers = [
        language.pick("Kode", "Code"),
        language.pick("Indikator", "Indicator"),
        language.pick("Aturan", "Rule"),
        language.pick("Nilai agregat", "Rolled-up value"),
        "Status",
        language.pick("Unit masuk", "Units in"),
        language.pick("Unit diharapkan", "Units expected"),
        language.pick("Belum ada", "Missing"),
        language.pick("Laporan BKN", "BKN's report"),
        language.pick("Sesuai", "Agrees"),
        "Target",
        "Capaian",
    ];
    let top = 2;
    header_row(sheet, top, &headers, header)?;
    let mut r = top;
    for rolled in &rollup.indicators {
        r += 1;
        let counted = rolled.contributors.iter().filter(|c| c.status.counts()).count();
        sheet.write_string(r, 0, &rolled.code)?;
        sheet.write_string(r, 1, &rolled.name)?;
        let missing = rolled.missing.join(", ");
        // As tall as the name or the units missing (IKU.4's 24 early in the year), whichever
        // wraps to more lines.
        let height = wrapped_height(&rolled.name, super::NAME_CHARS).max(wrapped_height(&missing, MISSING_CHARS));
        sheet.set_row_height(r, height)?;
        sheet.write_string(r, 2, rule_label(rolled.rule, language))?;
        match (&rolled.reported, rolled.computed()) {
            (Some(own), false) => value(sheet, r, 3, own, number)?,
            _ => score(sheet, r, 3, rolled.value, number)?,
        }
        completeness(sheet, r, 4, rolled.status, language)?;
        if rolled.computed() {
            sheet.write_number(r, 5, counted as f64)?;
            sheet.write_number(r, 6, rolled.expected.len() as f64)?;
            sheet.write_string(r, 7, missing)?;
        }
        if let Some(reported) = &rolled.reported {
            value(sheet, r, 8, reported, number)?;
        }
        if rolled.computed() && rolled.status != Completeness::Incomplete && rolled.reported.is_some() {
            let (word, format) = match rolled.disagrees() {
                Some(_) => (language.pick("TIDAK", "NO"), fill(RED)),
                None => (language.pick("ya", "yes"), Format::new()),
            };
            sheet.write_string_with_format(r, 9, word, &format)?;
        }
        value(sheet, r, 10, &rolled.target, number)?;
        score(sheet, r, 11, rolled.capaian, number)?;
    }

    r += 2;
    let label = language.pick("Nilai BKN dari hasil agregasi", "BKN's scores from the roll-up");
    sheet.write_string_with_format(r, 0, label, &Format::new().set_bold())?;
    r += 1;
    header_row(sheet, r, &[language.pick("Perspektif", "Perspective"), language.pick("Skor", "Score"), "NKP"], header)?;
    for (name, skor, nkp) in &rollup.scores.perspectives {
        r += 1;
        sheet.write_string(r, 0, name)?;
        score(sheet, r, 1, *skor, number)?;
        score(sheet, r, 2, *nkp, number)?;
    }
    r += 1;
    sheet.write_string_with_format(r, 0, "NPSS", &Format::new().set_bold())?;
    score(sheet, r, 2, rollup.scores.npss, number)?;
    completeness(sheet, r, 3, rollup.scores.status, language)?;
    if rollup.scores.status == Completeness::Incomplete {
        let why = language.pick(
            "Tidak dihitung sampai setiap indikator BKN punya nilai dan target.",
            "Not computed until every BKN indicator has its value and target.",
        );
        sheet.write_string(r, 4, why)?;
    }

    r += 2;
    let detail = [
        language.pick("Indikator BKN", "BKN indicator"),
        "Unit",
        language.pick("Indikator unit", "Unit's indicator"),
        language.pick("Dilaporkan", "Reported"),
        language.pick("Masuk perhitungan", "Enters as"),
        language.pick("Versi", "Version"),
        language.pick("ID kiriman", "Submission"),
        "Status",
        language.pick("Sel", "Cell"),
    ];
    header_row(sheet, r, &detail, header)?;
    for rolled in &rollup.indicators {
        // Under `none` BKN's own figure stands: the units' figures are shown where they have one.
        for c in rolled.contributors.iter().filter(|c| rolled.computed() || c.status.counts()) {
            r += 1;
            sheet.write_string(r, 0, &rolled.code)?;
            sheet.write_string(r, 1, &c.unit)?;
            sheet.write_string(r, 2, c.indicator.as_deref().unwrap_or(""))?;
            value(sheet, r, 3, &c.reported, number)?;
            score(sheet, r, 4, c.value, number)?;
            sheet.write_number(r, 5, c.version as f64)?;
            sheet.write_number(r, 6, c.submission as f64)?;
            let format = if c.status.counts() { Format::new() } else { fill(AMBER) };
            sheet.write_string_with_format(r, 7, c.status.label(language), &format)?;
            sheet.write_string(r, 8, c.cell.as_deref().unwrap_or(""))?;
        }
        if rolled.computed() {
            for unit in rolled.missing.iter().filter(|u| !rolled.contributors.iter().any(|c| &c.unit == *u)) {
                r += 1;
                sheet.write_string(r, 0, &rolled.code)?;
                sheet.write_string(r, 1, unit)?;
                let label = crate::model::Verdict::BelumMengirim.label(language);
                sheet.write_string_with_format(r, 7, label, &fill(AMBER))?;
            }
        }
    }
    let wrap = super::wrap();
    for (col, width) in [(0, 14.0), (1, super::NAME_CHARS as f64), (2, 26.0), (7, MISSING_WIDTH), (8, 14.0)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_format(1, &wrap)?;
    sheet.set_column_format(7, &wrap)?;
    // The figures' columns: as wide as the longest header either table puts there (bold, with
    // room for its padding), and never narrower than a score needs.
    for col in [3, 4, 5, 6, 9, 10, 11] {
        let longest = [headers.get(col), detail.get(col)].into_iter().flatten().map(|h| h.chars().count()).max();
        sheet.set_column_width(col as u16, (longest.unwrap_or(0) as f64 + 3.0).max(16.0))?;
    }
    sheet.set_freeze_panes(top + 1, 1)?;
    sheet.set_repeat_rows(top, top)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}
