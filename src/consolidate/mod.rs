//! The consolidated workbook for planners: one per year and period, rebuilt from the ledger's
//! latest valid submission of each unit, written aside and renamed into place.
//!
//! Sheets: Ringkasan (scores, rank, band colours, a chart of NPSS), Capaian IKU (an Excel
//! table), Anggaran, Status Pengiriman (every unit, also those that sent nothing), Temuan, Tren.
//! Numbers are numbers with display formats; the figures are the ledger's, as its JSON rounds
//! them (scores half-up to 2 decimals, amounts exact).

pub mod annotate;

use crate::config::Config;
use crate::model::Period;
use crate::store::{Ledger, StoreError, utc};
use rust_xlsxwriter::{Chart, ChartType, Color, Format, Table, TableColumn, Workbook, Worksheet, XlsxError};
use serde_json::Value as Json;
use std::path::PathBuf;

/// Why a consolidated workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ConsolidateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The workbook could not be built or saved (the path is the one being written).
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: XlsxError },
    /// The finished workbook could not be put in place.
    #[error("{path}: {source}")]
    Rename { path: PathBuf, source: std::io::Error },
}

/// Where the consolidated workbook of a year and period lives: `outbox/<year>/` and the
/// configured name.
pub fn path(config: &Config, year: u16, period: Period) -> PathBuf {
    let name =
        config.service.consolidated_name.replace("{year}", &year.to_string()).replace("{period}", period.as_str());
    config.service.outbox.join(year.to_string()).join(name)
}

const PERSPECTIVES: [&str; 4] = ["Stakeholder", "Customer", "Internal Process", "Learn & Growth"];

fn band_color(band: &str) -> Color {
    match band {
        "Sangat Baik" => Color::RGB(0x4CAF50),
        "Baik" => Color::RGB(0x8BC34A),
        "Cukup" => Color::RGB(0xFFC107),
        "Kurang" => Color::RGB(0xF44336),
        _ => Color::RGB(0xE0E0E0),
    }
}

fn number(value: &Json) -> Option<f64> {
    value.as_f64()
}

fn text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

struct Formats {
    header: Format,
    score: Format,
    rupiah: Format,
    missing: Format,
}

fn write_header(sheet: &mut Worksheet, headers: &[&str], format: &Format) -> Result<(), XlsxError> {
    header_widths(sheet, headers)?;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, format)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// In constant-memory mode autofit sees only the last row written, so each column starts as
/// wide as its header and wide enough for a score or a rupiah amount; autofit only widens it.
fn header_widths(sheet: &mut Worksheet, headers: &[&str]) -> Result<(), XlsxError> {
    for (col, header) in headers.iter().enumerate() {
        let width = (header.chars().count() + 2).max(MIN_COLUMN_CHARS);
        sheet.set_column_width(col as u16, width as f64)?;
    }
    Ok(())
}

fn write_number(sheet: &mut Worksheet, row: u32, col: u16, value: &Json, format: &Format) -> Result<(), XlsxError> {
    match number(value) {
        Some(n) => sheet.write_number_with_format(row, col, n, format).map(|_| ()),
        None => sheet.write_string(row, col, text(value)).map(|_| ()),
    }
}

/// The narrowest column, in characters: fits `999,999,999,999` (a rupiah amount) and a score.
const MIN_COLUMN_CHARS: usize = 16;

/// The widest a column grows to fit its text, in pixels (the writer's unit): about 60 characters.
const WIDEST_COLUMN_PX: u32 = 425;

fn finish(sheet: &mut Worksheet) {
    sheet.set_autofit_max_width(WIDEST_COLUMN_PX);
    sheet.autofit();
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
}

/// Rebuild the consolidated workbook of `year` and `period` from the ledger.
///
/// # Errors
/// [`ConsolidateError`] when the ledger cannot be read or the workbook cannot be written.
pub fn rebuild(config: &Config, ledger: &Ledger, year: u16, period: Period) -> Result<PathBuf, ConsolidateError> {
    let target = path(config, year, period);
    let write = |source| ConsolidateError::Write { path: target.clone(), source };
    // Reports are read from the ledger one at a time, once per sheet, so memory stays flat as
    // units grow; only a line per unit is kept for the summary and its ranking.
    let each = |f: &mut dyn FnMut(&str, &Json) -> Result<(), ConsolidateError>| {
        ledger.each_valid(year, period, |valid| {
            let json = serde_json::from_str(&valid.report_json).unwrap_or(Json::Null);
            f(&valid.unit, &json)
        })
    };
    let mut reports: Vec<(String, Json)> = Vec::new();
    let mut indicator_count = 0u32;
    each(&mut |unit, json| {
        indicator_count += json["indicators"].as_array().map_or(0, |a| a.len() as u32);
        let keep = ["npss", "npss_status", "band", "perspectives"];
        let small: serde_json::Map<String, Json> = keep.iter().map(|k| (k.to_string(), json[*k].clone())).collect();
        reports.push((unit.to_string(), Json::Object(small)));
        Ok(())
    })?;
    let codes: Vec<String> = config.units.units().iter().map(|u| u.code.clone()).collect();
    let status = ledger.status(&codes, Some(i64::from(year)), Some(period.as_str()))?;
    let findings = ledger.open_findings(year, period)?;
    let trend = ledger.trend()?;

    let mut book = Workbook::new();
    let formats = Formats {
        header: Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)),
        score: Format::new().set_num_format("0.00"),
        rupiah: Format::new().set_num_format("#,##0"),
        missing: Format::new().set_background_color(Color::RGB(0xFCE4D6)),
    };
    summary(book.add_worksheet_with_constant_memory().map_err(write)?, &reports, &formats, config).map_err(write)?;
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        let mut rows = indicators_start(sheet, indicator_count).map_err(write)?;
        each(&mut |unit, json| indicator_rows(sheet, &mut rows, unit, json, &formats).map_err(write))?;
        finish(sheet);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        let mut rows = budget_start(sheet, &formats).map_err(write)?;
        each(&mut |unit, json| budget_rows(sheet, &mut rows, unit, json, &formats).map_err(write))?;
        finish(sheet);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name("Status Pengiriman").map_err(write)?;
        let headers = [
            "Kode",
            "Unit",
            "Versi",
            "Diterima (UTC)",
            "Berkas",
            "Hash",
            "Hasil",
            "Kesalahan",
            "Peringatan",
            "Surel gagal",
        ];
        let failed_mail = ledger.failed_mail_by_unit()?;
        write_header(sheet, &headers, &formats.header).map_err(write)?;
        for (i, (unit, row)) in config.units.units().iter().zip(&status).enumerate() {
            let r = i as u32 + 1;
            // Units that have sent nothing are highlighted.
            let plain = Format::new();
            let format = if row.is_none() { &formats.missing } else { &plain };
            sheet.write_string_with_format(r, 0, &unit.code, format).map_err(write)?;
            sheet.write_string_with_format(r, 1, &unit.name, format).map_err(write)?;
            match row {
                None => {
                    sheet.write_string_with_format(r, 6, "belum mengirim", format).map_err(write)?;
                }
                Some(s) => {
                    if let Some(v) = s.version {
                        sheet.write_number(r, 2, v as f64).map_err(write)?;
                    }
                    sheet.write_string(r, 3, utc(s.received_ms)).map_err(write)?;
                    sheet.write_string(r, 4, &s.file_name).map_err(write)?;
                    sheet.write_string(r, 5, s.sha256.get(..12).unwrap_or(&s.sha256)).map_err(write)?;
                    sheet.write_string(r, 6, &s.result).map_err(write)?;
                    sheet.write_number(r, 7, s.errors as f64).map_err(write)?;
                    sheet.write_number(r, 8, s.warnings as f64).map_err(write)?;
                    if let Some(failed) = failed_mail.get(&unit.code) {
                        sheet.write_number_with_format(r, 9, *failed as f64, &formats.missing).map_err(write)?;
                    }
                }
            }
        }
        finish(sheet);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name("Temuan").map_err(write)?;
        write_header(sheet, &["Unit", "Lembar", "Sel", "Kode", "Tingkat", "Pesan"], &formats.header).map_err(write)?;
        for (i, f) in findings.iter().enumerate() {
            let r = i as u32 + 1;
            let cells = [
                &f.unit,
                f.sheet.as_deref().unwrap_or(""),
                f.cell.as_deref().unwrap_or(""),
                &f.code,
                &f.severity,
                &f.message,
            ];
            for (col, value) in cells.iter().enumerate() {
                sheet.write_string(r, col as u16, *value).map_err(write)?;
            }
        }
        finish(sheet);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name("Tren").map_err(write)?;
        let mut years: Vec<i64> = trend.iter().map(|t| t.1).collect();
        years.sort();
        years.dedup();
        sheet.write_string_with_format(0, 0, "Unit", &formats.header).map_err(write)?;
        for (c, y) in years.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16 + 1, y.to_string(), &formats.header).map_err(write)?;
        }
        let mut units: Vec<&str> = trend.iter().map(|t| t.0.as_str()).collect();
        units.dedup();
        for (i, unit) in units.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, *unit).map_err(write)?;
            for (_, year, npss) in trend.iter().filter(|t| t.0 == *unit) {
                let col = years.iter().position(|y| y == year).unwrap_or(0) as u16 + 1;
                let rounded = crate::model::amount::json2(npss.parse().unwrap_or_default());
                write_number(sheet, r, col, &rounded, &formats.score).map_err(write)?;
            }
        }
        sheet.set_freeze_panes(1, 1).map_err(write)?;
        finish(sheet);
    }
    let bytes = book.save_to_buffer().map_err(write)?;
    crate::files::write(&config.service.outbox, &target, &bytes)
        .map_err(|source| ConsolidateError::Rename { path: target.clone(), source })?;
    Ok(target)
}

fn summary(sheet: &mut Worksheet, reports: &[(String, Json)], f: &Formats, config: &Config) -> Result<(), XlsxError> {
    sheet.set_name("Ringkasan")?;
    let mut headers = vec!["Kode", "Unit"];
    headers.extend(PERSPECTIVES);
    let nkp: Vec<String> = PERSPECTIVES.iter().map(|p| format!("NKP {p}")).collect();
    headers.extend(nkp.iter().map(String::as_str));
    headers.extend(["NPSS", "Status", "Peringkat", "Sementara"]);
    write_header(sheet, &headers, &f.header)?;
    let mut ranked: Vec<(usize, f64)> =
        reports.iter().enumerate().map(|(i, (_, json))| (i, number(&json["npss"]).unwrap_or(f64::MIN))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (i, (unit, json)) in reports.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, unit)?;
        sheet.write_string(r, 1, config.units.get(unit).map_or("", |u| u.name.as_str()))?;
        for (p, name) in PERSPECTIVES.iter().enumerate() {
            let found = json["perspectives"].as_array().and_then(|ps| ps.iter().find(|x| x["name"] == *name));
            if let Some(x) = found {
                write_number(sheet, r, 2 + p as u16, &x["score"], &f.score)?;
                write_number(sheet, r, 6 + p as u16, &x["nkp"], &f.score)?;
            }
        }
        let band = text(&json["band"]);
        let colored = Format::new().set_num_format("0.00").set_background_color(band_color(&band));
        write_number(sheet, r, 10, &json["npss"], &colored)?;
        sheet.write_string_with_format(r, 11, &band, &Format::new().set_background_color(band_color(&band)))?;
        let rank = ranked.iter().position(|(index, _)| *index == i).unwrap_or(0) + 1;
        sheet.write_number(r, 12, rank as f64)?;
        if json["npss_status"] == "provisional" {
            sheet.write_string(r, 13, "sementara")?;
        }
    }
    if !reports.is_empty() {
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name("NPSS per unit");
        let last = reports.len() as u32;
        chart.add_series().set_name("NPSS").set_categories(("Ringkasan", 1, 0, last, 0)).set_values((
            "Ringkasan",
            1,
            10,
            last,
            10,
        ));
        sheet.insert_chart(last + 2, 1, &chart)?;
    }
    finish(sheet);
    Ok(())
}

const INDICATOR_HEADERS: [&str; 11] =
    ["Unit", "Perspektif", "SS", "Kode IKU", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Status", "Band"];

/// The sheet and its Excel table (filters, banded rows) over the `rows` to come: a
/// constant-memory sheet takes its rows in order, so the table and its header come first.
fn indicators_start(sheet: &mut Worksheet, rows: u32) -> Result<u32, XlsxError> {
    sheet.set_name("Capaian IKU")?;
    let columns: Vec<TableColumn> = INDICATOR_HEADERS.iter().map(|h| TableColumn::new().set_header(*h)).collect();
    sheet.add_table(0, 0, rows.max(1), INDICATOR_HEADERS.len() as u16 - 1, &Table::new().set_columns(&columns))?;
    header_widths(sheet, &INDICATOR_HEADERS)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(0)
}

fn indicator_rows(sheet: &mut Worksheet, r: &mut u32, unit: &str, json: &Json, f: &Formats) -> Result<(), XlsxError> {
    for ind in json["indicators"].as_array().into_iter().flatten() {
        *r += 1;
        sheet.write_string(*r, 0, unit)?;
        for (col, key) in [(1u16, "perspective"), (2, "goal"), (3, "code"), (4, "name"), (5, "satuan")] {
            sheet.write_string(*r, col, text(&ind[key]))?;
        }
        write_number(sheet, *r, 6, &ind["target"], &f.score)?;
        write_number(sheet, *r, 7, &ind["realisasi"], &f.score)?;
        write_number(sheet, *r, 8, &ind["capaian"], &f.score)?;
        sheet.write_string(*r, 9, text(&ind["status"]))?;
        sheet.write_string(*r, 10, text(&ind["band"]))?;
    }
    Ok(())
}

fn budget_start(sheet: &mut Worksheet, f: &Formats) -> Result<u32, XlsxError> {
    sheet.set_name("Anggaran")?;
    let headers = ["Unit", "Lingkup", "Kode", "Pagu", "Realisasi", "Sisa", "Serapan (%)", "Efisiensi (%)"];
    write_header(sheet, &headers, &f.header)?;
    Ok(0)
}

fn budget_rows(sheet: &mut Worksheet, r: &mut u32, unit: &str, json: &Json, f: &Formats) -> Result<(), XlsxError> {
    for line in json["budget"].as_array().into_iter().flatten() {
        *r += 1;
        sheet.write_string(*r, 0, unit)?;
        sheet.write_string(*r, 1, text(&line["scope"]))?;
        sheet.write_string(*r, 2, text(&line["code"]))?;
        for (col, key, format) in [(3u16, "pagu", &f.rupiah), (4, "realisasi", &f.rupiah), (5, "sisa", &f.rupiah)] {
            write_number(sheet, *r, col, &line[key], format)?;
        }
        write_number(sheet, *r, 6, &line["serapan"], &f.score)?;
        write_number(sheet, *r, 7, &line["efisiensi"], &f.score)?;
    }
    Ok(())
}
