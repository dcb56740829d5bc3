//! The consolidated workbook for planners: one per year and period, rebuilt from the ledger's
//! report that counts for each registered unit (its current version) and its outcome, written
//! aside and renamed into place.
//!
//! Sheets: Ringkasan (every unit: rank, scores, band colours, outcome; BKN apart; a chart of the
//! ranked units' NPSS), Capaian IKU (an Excel table), Anggaran, Status Pengiriman (every unit,
//! also those that sent nothing), Temuan (errors first), Tren (the same period across years),
//! Agregat BKN (BKN's indicators computed from its units' reports, `crate::rollup`), and for a
//! year with plans, Rencana and Rencana vs Realisasi (`plan`).
//! Numbers are numbers with display formats; the figures are the ledger's typed rows (one query
//! per sheet, no report's JSON parsed), scores rounded half-up to 2 decimals, amounts exact.

mod aggregate;
pub mod annotate;
mod mark;
mod plan;

use crate::config::Config;
use crate::ingest::{DELIVERY_SHEET, INDICATORS_SHEET};
use crate::model::text::{LINE_HEIGHT, shown_name, wrapped_height};
use crate::model::time::local;
use crate::model::{Code, Field, Kind, Language, Period, Verdict};
use crate::store::{Latest, Ledger, Scope, Standing, StoreError};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Color, Format, Table, TableColumn, Workbook, Worksheet, XlsxError};
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

/// A column as wide as the longest of `texts` (and its header), up to about 60 characters: for
/// the columns whose texts are known before their rows are written, which autofit cannot see.
fn fit_column<'t>(
    sheet: &mut Worksheet,
    col: u16,
    header: &str,
    texts: impl Iterator<Item = &'t str>,
) -> Result<(), XlsxError> {
    let longest = texts.map(|t| t.chars().count()).chain([header.chars().count()]).max().unwrap_or(0);
    sheet.set_column_width(col, (longest + 2).clamp(MIN_COLUMN_CHARS, WIDEST_COLUMN_CHARS) as f64)?;
    Ok(())
}

/// A score, rounded half-up to two places as every workbook shows it.
fn write_score(sheet: &mut Worksheet, row: u32, col: u16, value: Option<Decimal>, f: &Format) -> Result<(), XlsxError> {
    write_amount(sheet, row, col, value.map(|v| crate::model::amount::round_half_up(v, 2)), f)
}

/// An exact number (an amount, a target, a realisasi).
fn write_amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    f: &Format,
) -> Result<(), XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    match value.and_then(|v| v.to_f64()) {
        Some(n) => sheet.write_number_with_format(row, col, n, f).map(|_| ()),
        None => Ok(()),
    }
}

/// The narrowest column, in characters: fits `999,999,999,999` (a rupiah amount) and a score.
const MIN_COLUMN_CHARS: usize = 16;

/// The width of a column of finding codes (the Rekap's and an annotated copy's *Temuan*): the
/// longest code, with room for its capitals, so that none is cut by the cell beside it.
fn code_column_chars() -> f64 {
    let longest = crate::model::Code::ALL.iter().map(|c| c.as_str().len()).max().unwrap_or(MIN_COLUMN_CHARS);
    (longest + 3) as f64
}

/// The widest a column grows to fit its text, in pixels (the writer's unit): about 60 characters.
const WIDEST_COLUMN_PX: u32 = 425;
const WIDEST_COLUMN_CHARS: usize = 60;

/// Widths fitted, and printed A4 landscape, fit to width, the header row on every page.
fn finish(sheet: &mut Worksheet) {
    sheet.set_autofit_max_width(WIDEST_COLUMN_PX);
    sheet.autofit();
    print_setup(sheet, 0);
}

/// Printed A4 landscape, fit to width, the header row on every page.
fn print_setup(sheet: &mut Worksheet, header_row: u32) {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    let _ = sheet.set_repeat_rows(header_row, header_row);
}

/// A header row wrapped in up to three lines over columns of the given widths (characters), frozen.
fn write_narrow_header(sheet: &mut Worksheet, headers: &[(&str, f64)], format: &Format) -> Result<(), XlsxError> {
    let wrapped = format.clone().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    sheet.set_row_height(0, 45)?;
    for (col, (header, width)) in headers.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
        sheet.write_string_with_format(0, col as u16, *header, &wrapped)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A row of a constant-memory sheet whose wrapped cells make it as tall as the longest of them
/// wraps (viewers keep the height a row has; they do not fit it to wrapped text).
struct Tall {
    r: u32,
    height: f64,
}

impl Tall {
    fn new(r: u32) -> Self {
        Tall { r, height: LINE_HEIGHT }
    }

    /// `text` in column `col`, `width` characters wide, wrapped by `format`.
    fn write(
        &mut self,
        sheet: &mut Worksheet,
        col: u16,
        text: &str,
        width: usize,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.height = self.height.max(wrapped_height(text, width));
        sheet.write_string_with_format(self.r, col, text, format).map(|_| ())
    }

    /// The row's height, where a cell wrapped to more than one line.
    fn set(self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        if self.height > LINE_HEIGHT {
            sheet.set_row_height(self.r, self.height)?;
        }
        Ok(())
    }
}

/// A registered unit as the Rekap shows it: the report that counts, or what it sent instead.
struct Line<'a> {
    unit: &'a crate::model::Unit,
    report: Option<Standing>,
    /// The report's NPSS band and perspective scores (name, score, NKP), from the ledger's rows.
    figures: Vec<crate::store::StoredScore>,
    latest: Option<Latest>,
    rank: Option<usize>,
}

impl Line<'_> {
    fn verdict(&self) -> Verdict {
        Verdict::of_unit(self.report.as_ref().map(Standing::verdict), self.latest.as_ref().map(|l| l.verdict))
    }

    /// The NPSS shown, rounded as it is displayed.
    fn npss(&self) -> Option<Decimal> {
        let npss = self.report.as_ref()?.npss.as_deref()?.parse().ok()?;
        Some(crate::model::amount::round_half_up(npss, 2))
    }
}

/// Rank the units whose report counts (diterima, with an NPSS) by NPSS as displayed, highest
/// first; equal scores share a rank (1, 2, 2, 4). BKN itself is not ranked among its units.
fn rank(lines: &mut [Line]) {
    let ranked = |line: &Line| line.verdict() == Verdict::Diterima && line.unit.code != "BKN";
    let scores: Vec<Decimal> = lines.iter().filter(|l| ranked(l)).filter_map(Line::npss).collect();
    for line in lines.iter_mut() {
        if ranked(line)
            && let Some(npss) = line.npss()
        {
            line.rank = Some(1 + scores.iter().filter(|other| **other > npss).count());
        }
    }
}

/// The order of the summary: ranked units by rank, then the blocked, refused and silent ones.
fn order(line: &Line) -> (u8, usize, Verdict) {
    match line.rank {
        Some(rank) => (0, rank, Verdict::Diterima),
        None => (1, 0, line.verdict()),
    }
}

/// A report's outcome in the Rekap's words, coloured by what it asks of the planner.
fn write_verdict(
    sheet: &mut Worksheet,
    r: u32,
    col: u16,
    verdict: Verdict,
    language: Language,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(r, col, verdict.label(language), &verdict_format(verdict)).map(|_| ())
}

fn verdict_format(verdict: Verdict) -> Format {
    let fill = match verdict {
        Verdict::Diterima | Verdict::Duplikat => return Format::new(),
        Verdict::PerluPerbaikan => 0xFFE699,
        Verdict::Ditolak => 0xF8CBAD,
        Verdict::BelumMengirim => 0xE0E0E0,
    };
    Format::new().set_background_color(Color::RGB(fill))
}

/// Rebuild the consolidated workbook of `year` and `period` from the ledger: every registered
/// unit, with the report that counts and its outcome (ARCHITECTURE.md, "Which report counts").
///
/// # Errors
/// [`ConsolidateError`] when the ledger cannot be read or the workbook cannot be written.
pub fn rebuild(config: &Config, ledger: &Ledger, year: u16, period: Period) -> Result<PathBuf, ConsolidateError> {
    let target = path(config, year, period);
    let write = |source| ConsolidateError::Write { path: target.clone(), source };
    let language = config.review.language;
    let scope = Scope { year: Some(i64::from(year)), period: Some(period.as_str()), unit: None };
    // One query per sheet, typed rows only: no report's JSON is parsed.
    let mut figures: std::collections::HashMap<String, Vec<crate::store::StoredScore>> =
        ledger.counted_scores(year, period)?.into_iter().map(|c| (c.unit, c.rows)).collect();
    let mut reports: std::collections::HashMap<String, Standing> =
        ledger.standings(scope)?.into_iter().filter(|s| s.kind == "realisasi").map(|s| (s.unit.clone(), s)).collect();
    let mut latest: std::collections::HashMap<String, Latest> =
        ledger.latest_arrivals(scope)?.into_iter().map(|l| (l.unit.clone(), l)).collect();
    let agreements: std::collections::HashMap<String, Standing> = ledger
        .standings(Scope { year: Some(i64::from(year)), period: None, unit: None })?
        .into_iter()
        .filter(|s| s.kind == "agreement")
        .map(|s| (s.unit.clone(), s))
        .collect();
    let mut lines: Vec<Line> = config
        .units
        .units()
        .iter()
        .map(|unit| {
            let report = reports.remove(&unit.code);
            let figures = figures.remove(&unit.code).unwrap_or_default();
            Line { unit, report, figures, latest: latest.remove(&unit.code), rank: None }
        })
        .collect();
    rank(&mut lines);
    lines.sort_by_key(order);
    let missing = lines.iter().filter(|l| l.report.is_none()).count() as u32;
    let findings = ledger.open_findings(year, period)?;
    let trend = ledger.standings(Scope { year: None, period: Some(period.as_str()), unit: None })?;

    let mut book = Workbook::new();
    // Compressed as Excel compresses its own files (level 3, not the zip default 6): the Rekap is
    // rebuilt after every burst, and saves about a third faster for a file about 5 % larger.
    book.set_zip_compression_level(3);
    let formats = Formats {
        header: Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)),
        score: Format::new().set_num_format("0.00"),
        rupiah: Format::new().set_num_format("#,##0"),
        missing: Format::new().set_background_color(Color::RGB(0xFCE4D6)),
    };
    let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
    summary(sheet, &lines, &formats, &config.rules, (year, period), language).map_err(write)?;
    // Units without a report that counts get one row in each table, saying why.
    let without = |sheet: &mut Worksheet, r: &mut u32, status_col: u16| -> Result<(), XlsxError> {
        for line in lines.iter().filter(|l| l.report.is_none()) {
            *r += 1;
            sheet.write_string(*r, 0, &line.unit.code)?;
            write_verdict(sheet, *r, status_col, line.verdict(), language)?;
        }
        Ok(())
    };
    // Every unit's indicators, typed, in one query: their sheet, and BKN's roll-up from them.
    let rollup = {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        let counted = ledger.counted(year, Some(period), Kind::Realisasi)?;
        let count: u32 = counted.iter().map(|c| c.rows.len().max(1) as u32).sum();
        let mut rows = indicators_start(sheet, count + missing).map_err(write)?;
        for report in &counted {
            indicator_rows(sheet, &mut rows, report, &formats, &config.rules, language).map_err(write)?;
        }
        without(sheet, &mut rows, STATUS_COLUMN).map_err(write)?;
        finish(sheet);
        if config.cascades_of("BKN", year).is_empty() {
            None
        } else {
            let agreement = ledger.governing_agreement("BKN", year)?;
            Some(crate::rollup::roll(config, "BKN", year, period, &counted, agreement.as_ref()))
        }
    };
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        let reports = ledger.counted_budget(year, period)?;
        let mut rows = budget_start(sheet, &reports, &formats).map_err(write)?;
        for report in &reports {
            budget_rows(sheet, &mut rows, report, &formats, language).map_err(write)?;
        }
        without(sheet, &mut rows, BUDGET_STATUS_COLUMN).map_err(write)?;
        finish(sheet);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name(DELIVERY_SHEET.name).map_err(write)?;
        let widths = [14.0, 34.0, 15.0, 7.0, 9.0, 9.0, 21.0, 22.0, 14.0, 10.0, 10.0, 9.0, 11.0, 11.0, 36.0, 8.0];
        let headers: Vec<(&str, f64)> = DELIVERY_SHEET.header.iter().copied().zip(widths).collect();
        let failed_mail = ledger.failed_mail_by_unit()?;
        write_narrow_header(sheet, &headers, &formats.header).map_err(write)?;
        let mut by_code: Vec<&Line> = lines.iter().collect();
        by_code.sort_by_key(|l| config.units.units().iter().position(|u| u.code == l.unit.code));
        for (i, line) in by_code.iter().enumerate() {
            let r = i as u32 + 1;
            let verdict = line.verdict();
            let zone = line.unit.zone;
            sheet.write_string(r, 0, &line.unit.code).map_err(write)?;
            sheet.write_string(r, 1, &line.unit.name).map_err(write)?;
            write_verdict(sheet, r, 2, verdict, language).map_err(write)?;
            match (&line.report, &line.latest) {
                (Some(s), _) => {
                    sheet.write_number(r, 3, s.version as f64).map_err(write)?;
                    if let Some(same) = s.same_as {
                        sheet.write_number(r, 4, same as f64).map_err(write)?;
                    }
                    sheet.write_number(r, 5, s.submission_id as f64).map_err(write)?;
                    sheet.write_string(r, 6, local(s.received_ms, zone)).map_err(write)?;
                    sheet.write_string(r, 7, shown_name(&s.file_name)).map_err(write)?;
                    sheet.write_string(r, 8, s.sha256.get(..12).unwrap_or(&s.sha256)).map_err(write)?;
                    sheet.write_number(r, 9, s.errors as f64).map_err(write)?;
                    sheet.write_number(r, 10, s.warnings as f64).map_err(write)?;
                    write_decimal(sheet, r, 11, s.npss.as_deref(), &formats.score).map_err(write)?;
                    if let Some((_, npss)) = &s.valid {
                        write_decimal(sheet, r, 12, npss.as_deref(), &formats.score).map_err(write)?;
                    }
                }
                // A refusal stands in place of the report it was not; a duplicate (of the
                // agreement) beside no report is the latest file only, as `status` has it.
                (None, Some(l)) if l.verdict == verdict => {
                    if let Some(id) = l.submission_id {
                        sheet.write_number(r, 5, id as f64).map_err(write)?;
                    }
                    sheet.write_string(r, 6, local(l.received_ms, zone)).map_err(write)?;
                    sheet.write_string(r, 7, shown_name(&l.file_name)).map_err(write)?;
                    sheet.write_string(r, 8, l.sha256.get(..12).unwrap_or(&l.sha256)).map_err(write)?;
                }
                (None, _) => {}
            }
            let wrapped = wrap();
            let mut tall = Tall::new(r);
            let mut write_wrapped =
                |col: u16, text: &str| tall.write(sheet, col, text, widths[col as usize] as usize, &wrapped);
            if let Some(a) = agreements.get(&line.unit.code) {
                // A blocked agreement governs nothing: said beside its version.
                let blocked = match a.errors {
                    0 => String::new(),
                    _ => format!(", {}", a.verdict().label(language)),
                };
                let label = format!("{} {}{blocked}", language.pick("versi", "version"), a.version);
                write_wrapped(13, &label).map_err(write)?;
            }
            if let Some(l) =
                line.latest.as_ref().filter(|l| l.after(line.report.as_ref().map(|s| s.arrival_id.as_str())))
            {
                write_wrapped(14, &later(l, zone, language)).map_err(write)?;
            }
            tall.set(sheet).map_err(write)?;
            if let Some(failed) = failed_mail.get(&line.unit.code) {
                sheet.write_number_with_format(r, 15, *failed as f64, &formats.missing).map_err(write)?;
            }
        }
        print_setup(sheet, 0);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name("Temuan").map_err(write)?;
        let headers = ["Unit", "Lembar", "Sel", "Kode", "Tingkat", "Perihal", "Tertulis", "Seharusnya", "Pesan"];
        write_header(sheet, &headers, &formats.header).map_err(write)?;
        sheet.set_column_width(3, code_column_chars()).map_err(write)?;
        // Autofit sees only the last row here: the long texts wrap within widths of their own,
        // each row as tall as its longest, so none is cut by the cell beside it or the page.
        let wrapped_cols = [
            (1, MIN_COLUMN_CHARS),
            (5, FINDING_SUBJECT_CHARS),
            (6, MIN_COLUMN_CHARS),
            (7, MIN_COLUMN_CHARS),
            (8, MESSAGE_CHARS),
        ];
        for (col, chars) in wrapped_cols {
            sheet.set_column_width(col, chars as f64).map_err(write)?;
        }
        let wrapped = wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
        let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
        for (i, f) in findings.iter().enumerate() {
            let r = i as u32 + 1;
            let severity =
                crate::model::Severity::from_name(&f.severity).map_or(f.severity.as_str(), |s| s.label(language));
            let found = Code::shown_by_name(&f.code, Field::Found, &f.found, language);
            let expected = Code::shown_by_name(&f.code, Field::Expected, &f.expected, language);
            let cells = [
                f.unit.as_str(),
                f.sheet.as_deref().unwrap_or(""),
                f.cell.as_deref().unwrap_or(""),
                &f.code,
                severity,
                &f.subject,
                &found,
                &expected,
                &f.message,
            ];
            let mut tall = Tall::new(r);
            for (col, value) in cells.iter().enumerate() {
                let col = col as u16;
                match wrapped_cols.iter().find(|(c, _)| *c == col) {
                    Some((_, chars)) => tall.write(sheet, col, value, *chars, &wrapped).map_err(write)?,
                    None => sheet.write_string_with_format(r, col, *value, &top).map(|_| ()).map_err(write)?,
                }
            }
            tall.set(sheet).map_err(write)?;
        }
        print_setup(sheet, 0);
    }
    {
        let sheet = book.add_worksheet_with_constant_memory().map_err(write)?;
        sheet.set_name("Tren").map_err(write)?;
        let mut years: Vec<i64> = trend.iter().filter(|t| t.kind == "realisasi").map(|t| t.year).collect();
        years.sort();
        years.dedup();
        sheet.write_string_with_format(0, 0, "Unit", &formats.header).map_err(write)?;
        for (c, y) in years.iter().enumerate() {
            let header = format!("{y} {period}");
            sheet.write_string_with_format(0, c as u16 + 1, header, &formats.header).map_err(write)?;
        }
        let blocked = Format::new().set_num_format("0.00").set_background_color(Color::RGB(0xFFE699));
        for (i, unit) in config.units.units().iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, &unit.code).map_err(write)?;
            for standing in trend.iter().filter(|t| t.kind == "realisasi" && t.unit == unit.code) {
                let col = years.iter().position(|y| *y == standing.year).unwrap_or(0) as u16 + 1;
                let format = if standing.errors == 0 { &formats.score } else { &blocked };
                write_decimal(sheet, r, col, standing.npss.as_deref(), format).map_err(write)?;
            }
        }
        let note = config.units.units().len() as u32 + 2;
        let legend = language.pick(
            "NPSS laporan yang berlaku untuk periode yang sama di setiap tahun; kuning: laporan perlu perbaikan.",
            "NPSS of the report that counts for the same period in each year; amber: the report needs correction.",
        );
        sheet.write_string(note, 0, legend).map_err(write)?;
        sheet.set_freeze_panes(1, 1).map_err(write)?;
        finish(sheet);
    }
    if let Some(plans) = plan::Plans::read(ledger, year)? {
        plan::add(&mut book, &plans, config, year, &formats).map_err(write)?;
    }
    if let Some(rollup) = rollup {
        let sheet = book.add_worksheet();
        aggregate::write(sheet, &rollup, &formats.header, &formats.score, language).map_err(write)?;
    }
    let bytes = book.save_to_buffer().map_err(write)?;
    crate::files::write(&config.service.outbox, &target, &bytes)
        .map_err(|source| ConsolidateError::Rename { path: target.clone(), source })?;
    Ok(target)
}

/// A unit's latest arrival that did not become a version: what and when, and why refused.
fn later(latest: &Latest, zone: crate::model::time::Zone, language: Language) -> String {
    let mut said = format!(
        "{}: {} ({})",
        latest.verdict.label(language),
        shown_name(&latest.file_name),
        local(latest.received_ms, zone)
    );
    if let Some(reason) = &latest.reason {
        said.push_str(" — ");
        said.push_str(&crate::model::text::one_line(reason, 200));
    }
    said
}

/// An exact decimal from the ledger, as a number rounded half-up to two places.
fn write_decimal(sheet: &mut Worksheet, row: u32, col: u16, value: Option<&str>, f: &Format) -> Result<(), XlsxError> {
    write_score(sheet, row, col, crate::model::amount::stored_decimal(value), f)
}

/// The row of the summary's header: a title block (title; created at and counts; band legend)
/// sits above it.
const SUMMARY_HEADER: u32 = 4;

/// The bands as the rules check them, in order: `Sangat Baik > 100`, `Baik ≥ 80`, …
fn band_legend(rules: &crate::config::Rules) -> Vec<(String, std::sync::Arc<str>)> {
    let mut legend: Vec<(String, std::sync::Arc<str>)> = rules
        .bands
        .iter()
        .map(|band| {
            let bound = match (band.lower, band.inclusive) {
                (Some(lower), true) => format!(" ≥ {}", lower.normalize()),
                (Some(lower), false) => format!(" > {}", lower.normalize()),
                (None, _) => String::new(),
            };
            (format!("{}{bound}", band.name), band.name.clone())
        })
        .collect();
    legend.push((format!("{}: N/A", rules.na_band), rules.na_band.clone()));
    legend
}

fn summary(
    sheet: &mut Worksheet,
    lines: &[Line],
    f: &Formats,
    rules: &crate::config::Rules,
    (year, period): (u16, Period),
    language: Language,
) -> Result<(), XlsxError> {
    sheet.set_name("Ringkasan")?;
    let mut headers = vec!["Peringkat", "Kode", "Unit"];
    headers.extend(PERSPECTIVES);
    let nkp: Vec<String> = PERSPECTIVES.iter().map(|p| format!("NKP {p}")).collect();
    headers.extend(nkp.iter().map(String::as_str));
    headers.extend(["NPSS", "Predikat", "Status", "Versi", "NPSS versi valid terakhir", "Sementara"]);
    let last = headers.len() as u16 - 1;
    // Rows of a constant-memory sheet go in order: the title block first.
    let title = format!("Rekap Kinerja {year} {}", period.as_str());
    sheet.merge_range(0, 0, 0, last, &title, &Format::new().set_bold().set_font_size(14))?;
    let count = |verdict: Verdict| lines.iter().filter(|l| l.verdict() == verdict).count();
    let counts = [Verdict::Diterima, Verdict::PerluPerbaikan, Verdict::Ditolak, Verdict::BelumMengirim].map(count);
    let when = local(crate::model::time::now_ms(), crate::model::time::Zone::Wib);
    let [accepted, blocked, refused, silent] = counts;
    let created = match language {
        Language::Id => format!(
            "Dibuat {when} · {} unit terdaftar: {accepted} diterima, {blocked} perlu perbaikan, {refused} ditolak, \
             {silent} belum mengirim",
            lines.len()
        ),
        Language::En => format!(
            "Created {when} · {} registered units: {accepted} accepted, {blocked} needing correction, {refused} \
             refused, {silent} not sent",
            lines.len()
        ),
    };
    sheet.merge_range(1, 0, 1, last, &created, &Format::new())?;
    sheet.write_string_with_format(2, 0, language.pick("Predikat", "Band"), &Format::new().set_bold())?;
    for (i, (label, band)) in band_legend(rules).iter().enumerate() {
        let col = 3 + 2 * i as u16;
        let format = Format::new().set_background_color(band_color(band));
        sheet.merge_range(2, col, 2, col + 1, label, &format)?;
    }
    let wrapped = f.header.clone().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    sheet.set_row_height(SUMMARY_HEADER, 30)?;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(SUMMARY_HEADER, col as u16, *header, &wrapped)?;
    }
    for (col, width) in [(0, 9.0), (1, 14.0), (2, 46.0)] {
        sheet.set_column_width(col, width)?;
    }
    for col in 3..=last {
        sheet.set_column_width(col, 12.0)?;
    }
    sheet.set_column_width(12, 13.0)?;
    sheet.set_column_width(13, 15.0)?;
    sheet.set_freeze_panes(SUMMARY_HEADER + 1, 3)?;
    sheet.set_repeat_rows(SUMMARY_HEADER, SUMMARY_HEADER)?;
    // BKN is shown apart, below its units.
    let (units, bkn): (Vec<&Line>, Vec<&Line>) = lines.iter().partition(|l| l.unit.code != "BKN");
    let mut r = SUMMARY_HEADER;
    for line in &units {
        r += 1;
        summary_row(sheet, r, line, f, language)?;
    }
    if let Some(line) = bkn.first() {
        r += 2;
        let apart =
            language.pick("BKN (tingkat organisasi, tidak diperingkat)", "BKN (organisation level, not ranked)");
        sheet.write_string_with_format(r, 0, apart, &Format::new().set_bold())?;
        r += 1;
        summary_row(sheet, r, line, f, language)?;
    }
    let ranked = units.iter().take_while(|l| l.rank.is_some()).count() as u32;
    if ranked > 0 {
        let (first, last) = (SUMMARY_HEADER + 1, SUMMARY_HEADER + ranked);
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(language.pick("NPSS unit yang diterima", "NPSS of accepted units"));
        chart
            .add_series()
            .set_name("NPSS")
            .set_categories(("Ringkasan", first, 1, last, 1))
            .set_values(("Ringkasan", first, 11, last, 11))
            .set_data_label(rust_xlsxwriter::ChartDataLabel::new().show_value());
        chart.legend().set_hidden();
        // Tall enough for one bar per unit with its label.
        chart.set_height(120 + 18 * ranked).set_width(720);
        // Rank 1 at the top, as in the table.
        chart.x_axis().set_reverse();
        sheet.insert_chart(r + 2, 1, &chart)?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn summary_row(sheet: &mut Worksheet, r: u32, line: &Line, f: &Formats, language: Language) -> Result<(), XlsxError> {
    if let Some(rank) = line.rank {
        sheet.write_number(r, 0, rank as f64)?;
    }
    sheet.write_string(r, 1, &line.unit.code)?;
    sheet.write_string(r, 2, &line.unit.name)?;
    write_verdict(sheet, r, 13, line.verdict(), language)?;
    let Some(report) = &line.report else { return Ok(()) };
    for (p, name) in PERSPECTIVES.iter().enumerate() {
        let found = line.figures.iter().find(|x| x.level == "perspective" && x.name == *name);
        if let Some(x) = found {
            write_score(sheet, r, 3 + p as u16, x.value, &f.score)?;
            write_score(sheet, r, 7 + p as u16, x.nkp, &f.score)?;
        }
    }
    let band = line.figures.iter().find(|x| x.level == "npss").map_or("", |x| x.band.as_str());
    let colored = Format::new().set_num_format("0.00").set_background_color(band_color(band));
    write_decimal(sheet, r, 11, report.npss.as_deref(), &colored)?;
    sheet.write_string_with_format(r, 12, band, &Format::new().set_background_color(band_color(band)))?;
    sheet.write_number(r, 14, report.version as f64)?;
    if let Some((_, npss)) = &report.valid {
        write_decimal(sheet, r, 15, npss.as_deref(), &f.score)?;
    }
    if report.provisional && report.npss.is_some() {
        sheet.write_string(r, 16, language.pick("sementara", "provisional"))?;
    }
    Ok(())
}

/// The column of the report's outcome in *Capaian IKU*.
const STATUS_COLUMN: u16 = 11;

/// The column of the report's outcome in *Anggaran*.
const BUDGET_STATUS_COLUMN: u16 = 9;

/// The sheet and its Excel table (filters, banded rows) over the `rows` to come: a
/// constant-memory sheet takes its rows in order, so the table and its header come first.
fn indicators_start(sheet: &mut Worksheet, rows: u32) -> Result<u32, XlsxError> {
    sheet.set_name(INDICATORS_SHEET.name)?;
    let headers = INDICATORS_SHEET.header;
    let columns: Vec<TableColumn> = headers.iter().map(|h| TableColumn::new().set_header(*h)).collect();
    sheet.add_table(0, 0, rows.max(1), headers.len() as u16 - 1, &Table::new().set_columns(&columns))?;
    header_widths(sheet, headers)?;
    sheet.set_column_width(INDICATOR_NAME_COLUMN, NAME_CHARS as f64)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(0)
}

/// Characters on one line of a finding's subject and of its message in *Temuan*.
const FINDING_SUBJECT_CHARS: usize = 30;
const MESSAGE_CHARS: usize = 90;

/// The column of the indicator's name in *Capaian IKU*: wrapped, its row as tall as the name.
const INDICATOR_NAME_COLUMN: u16 = 4;

/// Characters of a long name on one line of its column.
const NAME_CHARS: usize = 52;

/// Long text wrapped within its cell, at the bottom as the row's codes and numbers sit, so a
/// name reads on the line of its own row's figures (at the top it sat beside the row above).
fn wrap() -> Format {
    Format::new().set_text_wrap()
}

fn indicator_rows(
    sheet: &mut Worksheet,
    r: &mut u32,
    report: &crate::store::Counted,
    f: &Formats,
    rules: &crate::config::Rules,
    language: Language,
) -> Result<(), XlsxError> {
    let verdict = Verdict::of_report(report.errors);
    let outcome = |sheet: &mut Worksheet, r: u32| -> Result<(), XlsxError> {
        sheet.write_string(r, 0, &report.unit)?;
        write_verdict(sheet, r, STATUS_COLUMN, verdict, language)?;
        sheet.write_number(r, STATUS_COLUMN + 1, report.version as f64)?;
        Ok(())
    };
    if report.rows.is_empty() {
        *r += 1;
        return outcome(sheet, *r);
    }
    let wrap = wrap();
    for ind in &report.rows {
        *r += 1;
        sheet.set_row_height(*r, wrapped_height(&ind.name, NAME_CHARS))?;
        outcome(sheet, *r)?;
        for (col, text) in [(1u16, &ind.perspective), (2, &ind.goal), (3, &ind.code)] {
            sheet.write_string(*r, col, text)?;
        }
        sheet.write_string(*r, 5, ind.measure.label())?;
        sheet.write_string_with_format(*r, INDICATOR_NAME_COLUMN, &ind.name, &wrap)?;
        for (col, value) in [(6u16, &ind.target), (7, &ind.realisasi)] {
            match value {
                crate::model::Value::Number(n) => write_amount(sheet, *r, col, Some(*n), &f.score)?,
                crate::model::Value::Missing => {}
                other => sheet.write_string(*r, col, other.shown("")).map(|_| ())?,
            }
        }
        write_score(sheet, *r, 8, ind.capaian, &f.score)?;
        let status = match (ind.capaian, ind.provisional) {
            (None, _) => crate::model::Status::NotApplicable,
            (Some(_), true) => crate::model::Status::Provisional,
            (Some(_), false) => crate::model::Status::Final,
        };
        sheet.write_string(*r, 9, score_status(status, language))?;
        sheet.write_string(*r, 10, &**rules.band(ind.capaian))?;
    }
    Ok(())
}

/// A score's status in the Rekap's words.
fn score_status(status: crate::model::Status, language: Language) -> &'static str {
    use crate::model::Status;
    match status {
        Status::Final => "final",
        Status::Provisional => language.pick("sementara", "provisional"),
        Status::NotApplicable => language.pick("belum ada skor", "not scored"),
    }
}

/// The *Anggaran* sheet's header, its table and code columns as wide as the longest it will hold
/// (a line known by its name, `Program Dukungan Manajemen`, is its code).
fn budget_start(
    sheet: &mut Worksheet,
    reports: &[crate::store::Counted<crate::store::StoredBudgetLine>],
    f: &Formats,
) -> Result<u32, XlsxError> {
    sheet.set_name("Anggaran")?;
    let headers = [
        "Unit",
        "Lingkup",
        "Tabel",
        "Kode",
        "Pagu",
        "Realisasi",
        "Sisa",
        "Serapan (%)",
        "Efisiensi (%)",
        "Status laporan",
    ];
    write_header(sheet, &headers, &f.header)?;
    let lines = || reports.iter().flat_map(|r| &r.rows);
    fit_column(sheet, 2, headers[2], lines().filter_map(|l| l.table.as_deref()))?;
    fit_column(sheet, 3, headers[3], lines().map(|l| l.code.as_str()))?;
    Ok(0)
}

fn budget_rows(
    sheet: &mut Worksheet,
    r: &mut u32,
    report: &crate::store::Counted<crate::store::StoredBudgetLine>,
    f: &Formats,
    language: Language,
) -> Result<(), XlsxError> {
    let verdict = Verdict::of_report(report.errors);
    if report.rows.is_empty() {
        *r += 1;
        sheet.write_string(*r, 0, &report.unit)?;
        return write_verdict(sheet, *r, BUDGET_STATUS_COLUMN, verdict, language);
    }
    for line in &report.rows {
        *r += 1;
        sheet.write_string(*r, 0, &report.unit)?;
        sheet.write_string(*r, 1, &line.scope)?;
        if let Some(table) = &line.table {
            sheet.write_string(*r, 2, table)?;
        }
        sheet.write_string(*r, 3, &line.code)?;
        for (col, value) in [(4u16, line.pagu), (5, line.realisasi), (6, line.sisa)] {
            write_amount(sheet, *r, col, value, &f.rupiah)?;
        }
        write_score(sheet, *r, 7, line.serapan, &f.score)?;
        write_score(sheet, *r, 8, line.efisiensi, &f.score)?;
        write_verdict(sheet, *r, BUDGET_STATUS_COLUMN, verdict, language)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(unit: &str, npss: &str, errors: i64) -> Standing {
        Standing {
            unit: unit.into(),
            year: 2024,
            period: "TAHUNAN".into(),
            kind: "realisasi".into(),
            version: 1,
            same_as: None,
            submission_id: 1,
            sha256: String::new(),
            arrival_id: String::new(),
            file_name: String::new(),
            received_ms: 0,
            errors,
            warnings: 0,
            npss: Some(npss.into()),
            provisional: false,
            valid: None,
        }
    }

    #[test]
    fn equal_scores_share_a_rank_and_bkn_and_blocked_reports_are_not_ranked() {
        let config = Config::builtin();
        let unit = |code: &str| config.units.get(code).unwrap();
        let reports = [
            ("KR01", "97.1"),
            ("KR02", "99.274"),
            ("KR03", "99.271"),
            ("KR04", "95"),
            ("KR05", "99.9"),
            ("BKN", "100"),
        ];
        let mut lines: Vec<Line> = reports
            .iter()
            .map(|(code, npss)| Line {
                unit: unit(code),
                report: Some(standing(code, npss, 0)),
                figures: Vec::new(),
                latest: None,
                rank: None,
            })
            .collect();
        lines.push(Line {
            unit: unit("KR06"),
            report: Some(standing("KR06", "120", 3)),
            figures: Vec::new(),
            latest: None,
            rank: None,
        });
        rank(&mut lines);
        lines.sort_by_key(order);
        let ranks: Vec<(&str, Option<usize>)> = lines.iter().map(|l| (l.unit.code.as_str(), l.rank)).collect();
        // 99.274 and 99.271 both show as 99.27: one rank, and the next is 4.
        assert_eq!(
            ranks,
            [
                ("KR05", Some(1)),
                ("KR02", Some(2)),
                ("KR03", Some(2)),
                ("KR01", Some(4)),
                ("KR04", Some(5)),
                ("BKN", None),
                ("KR06", None),
            ]
        );
    }
}
