//! The unit's own workbook, re-rendered: its cells as sent, the cells with findings highlighted
//! and carrying the message as a note, every claim annotated with kinerja's recomputation, a
//! sheet of computed values, and a sheet of findings linked to their cells.

use super::ConsolidateError;
use crate::check::Outcome;
use crate::config::Limits;
use crate::ingest::sheet::Data;
use crate::model::Claim;
use crate::model::amount::display2;
use rust_xlsxwriter::{Color, Format, Note, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where the annotated copy of a submission goes: `outbox/<year>/<UNIT>/`.
pub fn path(outbox: &Path, year: u16, unit: &str, file_name: &str, sha256: &str) -> PathBuf {
    let stem = Path::new(file_name).file_stem().map_or("laporan".into(), |s| s.to_string_lossy().into_owned());
    // A name the file system takes: no separators or control characters, at most 150 bytes.
    let stem: String = stem.chars().map(|c| if c.is_control() || c == '/' { '_' } else { c }).collect();
    let cut = stem.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|end| *end <= 150).last().unwrap_or(0);
    let stem = if cut == 0 { "laporan" } else { &stem[..cut] };
    outbox.join(year.to_string()).join(unit).join(format!("{stem} (dinilai {}).xlsx", &sha256[..sha256.len().min(8)]))
}

type Notes = HashMap<(String, u32, u32), Vec<String>>;

fn claim_notes(outcome: &Outcome) -> Notes {
    let mut notes: Notes = HashMap::new();
    let Some((report, card)) = &outcome.scored else { return notes };
    let mut put = |claim: &Option<Claim>, computed: Option<rust_decimal::Decimal>| {
        if let (Some(c), Some(v)) = (claim, computed) {
            let key = (c.at.sheet.to_string(), c.at.row, c.at.col);
            notes.entry(key).or_default().push(format!("kinerja menghitung: {}", display2(v)));
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
    notes
}

fn copy_cell(sheet: &mut Worksheet, row: u32, col: u16, data: &Data, format: Option<&Format>) -> Result<(), XlsxError> {
    let plain = Format::new();
    let format = format.unwrap_or(&plain);
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::Error(s) => {
            sheet.write_string_with_format(row, col, crate::model::text::fit_cell(s), format)?
        }
        Data::Float(f) => sheet.write_number_with_format(row, col, *f, format)?,
        Data::Percent(f) => {
            let percent = format.clone().set_num_format("0.00%");
            sheet.write_number_with_format(row, col, *f, &percent)?
        }
        Data::Int(i) => sheet.write_number_with_format(row, col, *i as f64, format)?,
        Data::Bool(b) => sheet.write_boolean_with_format(row, col, *b, format)?,
        Data::DateTime(d) => sheet.write_number_with_format(row, col, *d, format)?,
        Data::Empty => sheet.write_blank(row, col, format)?,
    };
    Ok(())
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
    let mut budget = crate::ingest::package::Budget::new(limits, std::time::Instant::now());
    let original = crate::ingest::open(source, bytes, limits, &mut budget).map_err(|e| ConsolidateError::Write {
        path: source.to_path_buf(),
        source: XlsxError::ParameterError(e.to_string()),
    })?;
    let mut findings: Notes = HashMap::new();
    for f in &outcome.findings {
        if let Some(at) = &f.at {
            findings.entry((at.sheet.to_string(), at.row, at.col)).or_default().push(f.message_in(outcome.language));
        }
    }
    let claims = claim_notes(outcome);
    let marked = Format::new().set_background_color(Color::RGB(0xFFC7CE));
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7));
    let mut book = Workbook::new();
    let mut names = SheetNames::default();
    for source_sheet in &original.sheets {
        let name = source_sheet.name.to_string();
        let sheet = book.add_worksheet();
        sheet.set_name(names.fit(&name)).map_err(failed)?;
        let mut places: Vec<&(String, u32, u32)> =
            findings.keys().chain(claims.keys()).filter(|k| k.0 == name).collect();
        places.sort();
        places.dedup();
        for row in source_sheet.rows().filter(|r| *r <= EXCEL_LAST_ROW) {
            for (col, data) in source_sheet.cells_in_row(row).filter(|(c, _)| *c <= EXCEL_LAST_COL) {
                let format = findings.contains_key(&(name.clone(), row, col)).then_some(&marked);
                copy_cell(sheet, row, col as u16, data, format).map_err(failed)?;
            }
        }
        for key in places.into_iter().filter(|(_, row, col)| *row <= EXCEL_LAST_ROW && *col <= EXCEL_LAST_COL) {
            let (_, row, col) = key;
            let mut lines = findings.get(key).cloned().unwrap_or_default();
            lines.extend(claims.get(key).cloned().unwrap_or_default());
            if findings.contains_key(key) && *source_sheet.get(*row, *col) == Data::Empty {
                sheet.write_blank(*row, *col as u16, &marked).map_err(failed)?;
            }
            let note = lines.join("\n");
            let note = crate::model::text::fit_cell(&note);
            sheet.insert_note(*row, *col as u16, &Note::new(note).set_author("kinerja")).map_err(failed)?;
        }
    }
    if let Some((report, card)) = &outcome.scored {
        let sheet = book.add_worksheet();
        sheet.set_name("Hasil kinerja").map_err(failed)?;
        for (col, h) in
            ["Kode", "Indikator", "SS", "Target", "Realisasi", "Capaian (hitung)", "Capaian (tertulis)", "Status"]
                .iter()
                .enumerate()
        {
            sheet.write_string_with_format(0, col as u16, *h, &header).map_err(failed)?;
        }
        for (i, (row, scored)) in report.indicators.iter().zip(&card.indicators).enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, &row.code).map_err(failed)?;
            sheet.write_string(r, 1, &row.name).map_err(failed)?;
            sheet.write_string(r, 2, &row.goal).map_err(failed)?;
            for (col, value) in [(3u16, &row.target.value), (4, &row.realisasi.value)] {
                match value {
                    crate::model::Value::Number(n) => sheet.write_number(r, col, n.to_string().parse().unwrap_or(0.0)),
                    crate::model::Value::Opinion(o) => sheet.write_string(r, col, o),
                    crate::model::Value::NotApplicable => sheet.write_string(r, col, "N/A"),
                    crate::model::Value::Missing => sheet.write_blank(r, col, &Format::new()),
                }
                .map_err(failed)?;
            }
            if let Some(v) = scored.capaian.value {
                sheet.write_number(r, 5, display2(v).parse().unwrap_or(0.0)).map_err(failed)?;
            }
            if let Some(c) = &row.capaian {
                sheet.write_number(r, 6, c.value.to_string().parse().unwrap_or(0.0)).map_err(failed)?;
            }
            sheet.write_string(r, 7, scored.capaian.status().as_str()).map_err(failed)?;
        }
        let r = report.indicators.len() as u32 + 2;
        sheet.write_string_with_format(r, 0, "NPSS", &header).map_err(failed)?;
        if let Some(v) = card.npss.value {
            sheet.write_number(r, 5, display2(v).parse().unwrap_or(0.0)).map_err(failed)?;
        }
        sheet.autofit();
    }
    let sheet = book.add_worksheet();
    sheet.set_name("Temuan").map_err(failed)?;
    for (col, h) in ["Kode", "Tingkat", "Sel", "Perihal", "Tertulis", "Seharusnya", "Pesan"].iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *h, &header).map_err(failed)?;
    }
    for (i, f) in outcome.findings.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, f.code.as_str()).map_err(failed)?;
        sheet.write_string(r, 1, f.severity.label(outcome.language)).map_err(failed)?;
        if let Some(at) = &f.at {
            let link = format!("internal:'{}'!{}", names.written(&at.sheet).replace('\'', "''"), at.a1());
            sheet.write_url_with_text(r, 2, link.as_str(), at.to_string()).map_err(failed)?;
        }
        for (col, text) in [(3u16, &f.subject), (4, &f.found), (5, &f.expected)] {
            sheet.write_string(r, col, text).map_err(failed)?;
        }
        sheet.write_string(r, 6, f.message_in(outcome.language)).map_err(failed)?;
    }
    sheet.autofit();
    let bytes = book.save_to_buffer().map_err(failed)?;
    crate::files::write(outbox, target, &bytes)
        .map_err(|source| ConsolidateError::Rename { path: target.to_path_buf(), source })
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
