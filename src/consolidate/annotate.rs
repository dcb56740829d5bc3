//! The unit's annotated copy: for an .xlsx, the unit's own package with the cells that have
//! findings filled by severity (error red, warning amber) and carrying the messages as notes,
//! every claim noted with kinerja's recomputation, and two sheets added (*Hasil kinerja*,
//! *Temuan* with links to the cells) — see [`super::mark`]. Any other format (.xls, .xlsm, .ods,
//! .xlsb), or an .xlsx whose parts cannot be edited, is re-rendered from its cells, and the copy
//! says so.

use super::ConsolidateError;
use super::mark::{Added, Cell, Fill, Mark};
use crate::check::Outcome;
use crate::config::Limits;
use crate::ingest::sheet::Data;
use crate::ingest::{FINDINGS_SHEET, RESULTS_SHEET};
use crate::model::amount::display2;
use crate::model::{Claim, Code, Field, Kind, Severity, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, Note, Url, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Where the annotated copy of a submission goes: `outbox/<year>/<UNIT>/`.
pub fn path(outbox: &Path, year: u16, unit: &str, file_name: &str, sha256: &str) -> PathBuf {
    let stem = crate::model::text::unmarked_stem(file_name);
    // A name the file system takes: no separators or control characters, at most 150 bytes.
    let stem: String = stem.chars().map(|c| if c.is_control() || c == '/' { '_' } else { c }).collect();
    let cut = stem.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|end| *end <= 150).last().unwrap_or(0);
    let stem = if cut == 0 { "laporan" } else { &stem[..cut] };
    outbox.join(year.to_string()).join(unit).join(format!("{stem} (dinilai {}).xlsx", &sha256[..sha256.len().min(8)]))
}

type Marks = HashMap<String, BTreeMap<(u32, u32), Mark>>;

/// Per sheet and cell: the fill of its most severe finding, and the lines of its note (the
/// findings' messages, then kinerja's recomputation of a claim).
fn marks(outcome: &Outcome) -> Marks {
    let mut marks: Marks = HashMap::new();
    for f in &outcome.findings {
        let Some(at) = &f.at else { continue };
        let mark = marks.entry(at.sheet.to_string()).or_default().entry((at.row, at.col)).or_default();
        let fill = match f.severity {
            Severity::Error => Fill::Error,
            Severity::Warning => Fill::Warning,
            Severity::Info => Fill::None,
        };
        mark.fill = mark.fill.max(Some(fill));
        mark.lines.push(f.message_in(outcome.language));
    }
    let Some((report, card)) = &outcome.scored else { return marks };
    let mut put = |claim: &Option<Claim>, computed: Option<rust_decimal::Decimal>| {
        if let (Some(c), Some(v)) = (claim, computed) {
            let mark = marks.entry(c.at.sheet.to_string()).or_default().entry((c.at.row, c.at.col)).or_default();
            mark.lines.push(format!("{}{}", super::mark::COMPUTED, display2(v)));
        }
    };
    for (row, scored) in report.indicators.iter().zip(&card.indicators) {
        put(&row.capaian, scored.capaian.value);
    }
    for (row, scored) in report.goals.iter().zip(&card.goals) {
        put(&row.nss, scored.nss.value);
    }
    for row in &report.perspectives {
        if let Some(p) = card.perspectives.iter().find(|p| p.name == row.name) {
            put(&row.skor, p.score.value);
            put(&row.nkp, p.nkp.value);
        }
    }
    put(&report.npss, card.npss.value);
    for (row, line) in report.budget.iter().zip(&card.budget) {
        put(&row.serapan, line.serapan);
        put(&row.efisiensi, line.efisiensi);
    }
    marks
}

fn number(value: rust_decimal::Decimal) -> Cell {
    value.to_f64().map_or(Cell::Empty, Cell::Number)
}

/// *Hasil kinerja*: per indicator, the target and realisasi read, capaian computed and claimed;
/// then NPSS. Only for a realisasi report: an agreement or a plan has targets, no results.
fn results(outcome: &Outcome, name: String) -> Option<Added> {
    let (report, card) = outcome.scored.as_ref().filter(|(report, _)| report.kind == Kind::Realisasi)?;
    let mut rows = vec![RESULTS_SHEET.header.iter().map(|h| Cell::Header(h.to_string())).collect::<Vec<_>>()];
    for (row, scored) in report.indicators.iter().zip(&card.indicators) {
        let value = |v: &Value| match v {
            Value::Number(n) => number(*n),
            Value::Missing => Cell::Empty,
            other => Cell::Text(other.shown("")),
        };
        rows.push(vec![
            Cell::Text(row.code.clone()),
            Cell::Text(row.name.clone()),
            Cell::Text(row.goal.clone()),
            value(&row.target.value),
            value(&row.realisasi.value),
            scored.capaian.value.map_or(Cell::Empty, |v| number(crate::model::amount::round_half_up(v, 2))),
            row.capaian.as_ref().map_or(Cell::Empty, |c| number(c.value)),
            Cell::Text(scored.capaian.status().as_str().into()),
        ]);
    }
    rows.push(vec![]);
    rows.push(vec![
        Cell::Header("NPSS".into()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        card.npss.value.map_or(Cell::Empty, |v| number(crate::model::amount::round_half_up(v, 2))),
    ]);
    Some(Added { name, widths: vec![10.0, 50.0, 8.0, 10.0, 10.0, 12.0, 12.0, 12.0], rows })
}

/// *Temuan*: every finding, errors first, its cell a link to it (`place` gives the link's target).
fn findings(
    outcome: &Outcome,
    name: String,
    place: &dyn Fn(&crate::model::CellRef) -> String,
    note: Option<&str>,
) -> Added {
    let language = outcome.language;
    let mut rows = vec![FINDINGS_SHEET.header.iter().map(|h| Cell::Header(h.to_string())).collect::<Vec<_>>()];
    for f in crate::model::worst_first(outcome.findings.iter().collect(), |f| f.severity) {
        rows.push(vec![
            Cell::Text(f.code.as_str().into()),
            Cell::Text(f.severity.label(language).into()),
            f.at.as_ref().map_or(Cell::Empty, |at| Cell::Link(at.to_string(), place(at))),
            Cell::Text(f.subject.clone()),
            Cell::Text(f.code.shown(Field::Found, &f.found, language).into_owned()),
            Cell::Text(f.code.shown(Field::Expected, &f.expected, language).into_owned()),
            Cell::Text(f.message_in(language)),
        ]);
    }
    if let Some(note) = note {
        rows.push(vec![]);
        rows.push(vec![Cell::Text(note.into())]);
    }
    Added { name, widths: vec![super::code_column_chars(), 11.0, 18.0, 16.0, 14.0, 14.0, 70.0], rows }
}

/// Write the annotated copy of the workbook whose bytes are `bytes` (named `source`) to `target`
/// in `outbox`.
///
/// # Errors
/// [`ConsolidateError`] when the source cannot be read again or the copy cannot be written.
pub fn write(
    outcome: &Outcome,
    source: &Path,
    bytes: &[u8],
    limits: &Limits,
    outbox: &Path,
    target: &Path,
) -> Result<(), ConsolidateError> {
    let failed = |source| ConsolidateError::Write { path: target.to_path_buf(), source };
    let marks = marks(outcome);
    let replaced = earlier_sheets(outcome);
    let extension = source.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let edited = (extension == "xlsx")
        .then(|| crate::ingest::package::inspect(bytes, limits).ok())
        .flatten()
        .and_then(|mut archive| {
            let main = crate::ingest::xlsx::main_part(&mut archive);
            let taken: Vec<String> = crate::ingest::xlsx::workbook(&mut archive, &main)
                .ok()?
                .entries
                .into_iter()
                .map(|e| e.name)
                .filter(|name| !replaced.contains(name))
                .collect();
            let mut added: Vec<Added> = results(outcome, RESULTS_SHEET.name_beside(&taken)).into_iter().collect();
            let place = |at: &crate::model::CellRef| super::mark::place(&at.sheet, at.row, at.col);
            added.push(findings(outcome, FINDINGS_SHEET.name_beside(&taken), &place, None));
            match super::mark::mark(archive, &marks, &added, &replaced) {
                Ok(bytes) => Some(bytes),
                Err(why) => {
                    tracing::warn!(file = %source.display(), "annotated copy re-rendered: the package could not be edited ({why})");
                    None
                }
            }
        });
    let bytes = match edited {
        Some(bytes) => bytes,
        None => rerender(outcome, source, bytes, limits, &marks, &replaced).map_err(failed)?,
    };
    crate::files::write(outbox, target, &bytes)
        .map_err(|source| ConsolidateError::Rename { path: target.to_path_buf(), source })
}

/// The sheets of kinerja's earlier check in a copy the unit sent back (`OWN_SHEET_IGNORED`):
/// this check's take their place.
fn earlier_sheets(outcome: &Outcome) -> Vec<String> {
    outcome.findings.iter().filter(|f| f.code == Code::OwnSheetIgnored).map(|f| f.found.clone()).collect()
}

fn copy_cell(sheet: &mut Worksheet, row: u32, col: u16, data: &Data, format: Option<&Format>) -> Result<(), XlsxError> {
    let plain = Format::new();
    let format = format.unwrap_or(&plain);
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::Error(s) => {
            sheet.write_string_with_format(row, col, crate::model::text::fit_cell(s), format)?
        }
        Data::Float(f) | Data::Fixed(f, _) => sheet.write_number_with_format(row, col, *f, format)?,
        Data::Percent(f, _) => {
            let percent = format.clone().set_num_format("0.00%");
            sheet.write_number_with_format(row, col, *f, &percent)?
        }
        Data::Int(i) => sheet.write_number_with_format(row, col, *i as f64, format)?,
        Data::Bool(b) => sheet.write_boolean_with_format(row, col, *b, format)?,
        Data::DateTime(d) => sheet.write_number_with_format(row, col, *d, format)?,
        Data::Empty | Data::Uncalculated => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// The copy of a workbook whose package is not edited: its cells re-rendered, marked the same
/// way, and the same added sheets; *Temuan* says the unit's formatting is not kept.
fn rerender(
    outcome: &Outcome,
    source: &Path,
    bytes: &[u8],
    limits: &Limits,
    marks: &Marks,
    replaced: &[String],
) -> Result<Vec<u8>, XlsxError> {
    let language = outcome.language;
    let mut budget = crate::ingest::package::Budget::new(limits, std::time::Instant::now());
    let original = crate::ingest::open(source, bytes, limits, &mut budget)
        .map_err(|e| XlsxError::ParameterError(e.to_string()))?;
    let fills = |fill: Option<Fill>| match fill {
        Some(Fill::Error) => Some(Format::new().set_background_color(Color::RGB(0xFFC7CE))),
        Some(Fill::Warning) => Some(Format::new().set_background_color(Color::RGB(0xFFEB9C))),
        _ => None,
    };
    let mut book = Workbook::new();
    let mut names = SheetNames::default();
    for source_sheet in original.sheets.iter().filter(|sheet| !replaced.iter().any(|r| **r == *sheet.name)) {
        let name = source_sheet.name.to_string();
        let sheet = book.add_worksheet();
        sheet.set_name(names.fit(&name))?;
        let empty = BTreeMap::new();
        let here = marks.get(&name).unwrap_or(&empty);
        for row in source_sheet.rows().filter(|r| *r <= EXCEL_LAST_ROW) {
            for (col, data) in source_sheet.cells_in_row(row).filter(|(c, _)| *c <= EXCEL_LAST_COL) {
                let format = fills(here.get(&(row, col)).and_then(|m| m.fill));
                copy_cell(sheet, row, col as u16, data, format.as_ref())?;
            }
        }
        for ((row, col), mark) in here.iter().filter(|((r, c), _)| *r <= EXCEL_LAST_ROW && *c <= EXCEL_LAST_COL) {
            if let Some(format) = fills(mark.fill).filter(|_| *source_sheet.get(*row, *col) == Data::Empty) {
                sheet.write_blank(*row, *col as u16, &format)?;
            }
            if !mark.lines.is_empty() {
                let note = mark.lines.join("\n");
                let note = Note::new(crate::model::text::fit_cell(&note)).set_author("kinerja");
                sheet.insert_note(*row, *col as u16, &note)?;
            }
        }
    }
    let said = language.pick(
        "Salinan ini dibuat ulang dari isi sel berkas Anda (format berkasnya tidak dapat diubah langsung): format, lebar kolom, dan validasi asli tidak dipertahankan.",
        "This copy is re-rendered from your file's cells (its format cannot be edited in place): the original formatting, widths and validation are not kept.",
    );
    let place =
        |at: &crate::model::CellRef| format!("internal:'{}'!{}", names.written(&at.sheet).replace('\'', "''"), at.a1());
    let mut added: Vec<Added> = results(outcome, RESULTS_SHEET.name.into()).into_iter().collect();
    added.push(findings(outcome, FINDINGS_SHEET.name.into(), &place, Some(said)));
    for sheet in &added {
        write_added(book.add_worksheet(), sheet)?;
    }
    book.save_to_buffer()
}

/// An added sheet through the workbook writer (the re-rendered copy).
fn write_added(sheet: &mut Worksheet, added: &Added) -> Result<(), XlsxError> {
    sheet.set_name(&added.name)?;
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let header = wrap.clone().set_bold().set_background_color(Color::RGB(0xDDEBF7));
    let number = Format::new().set_num_format("0.00").set_align(rust_xlsxwriter::FormatAlign::Top);
    for (col, width) in added.widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    for (r, cells) in added.rows.iter().enumerate() {
        sheet.set_row_height(r as u32, added.height(r))?;
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Header(t) => sheet.write_string_with_format(r, c, t, &header).map(|_| ())?,
                Cell::Text(t) => {
                    sheet.write_string_with_format(r, c, crate::model::text::fit_cell(t), &wrap).map(|_| ())?
                }
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n, &number).map(|_| ())?,
                Cell::Link(t, place) => {
                    sheet.write_url_with_format(r, c, Url::new(place.as_str()).set_text(t), &wrap).map(|_| ())?
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

const EXCEL_LAST_ROW: u32 = 1_048_575;
const EXCEL_LAST_COL: u32 = 16_383;

/// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, no two alike
/// (case-insensitively), and never the names of the sheets kinerja adds.
#[derive(Default)]
struct SheetNames {
    written: HashMap<String, String>,
}

impl SheetNames {
    fn fit(&mut self, name: &str) -> String {
        let base: String = name
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c })
            .collect::<String>()
            .trim_matches('\'')
            .chars()
            .take(31)
            .collect();
        let base = if base.trim().is_empty() { "Lembar".to_string() } else { base };
        let taken = |candidate: &str| {
            ["hasil kinerja", "temuan"].contains(&candidate.to_lowercase().as_str())
                || self.written.values().any(|w| w.eq_ignore_ascii_case(candidate))
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while taken(&candidate) {
            let suffix = format!(" ({n})");
            candidate = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
            n += 1;
        }
        self.written.insert(name.to_string(), candidate.clone());
        candidate
    }

    fn written<'a>(&'a self, name: &'a str) -> &'a str {
        self.written.get(name).map_or(name, String::as_str)
    }
}
