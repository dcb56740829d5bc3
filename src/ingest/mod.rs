//! Reading: a workbook file in, a [`Report`] and the findings of reading out.
//!
//! Tables are found by their header words anywhere in any sheet ([`header`]), their bodies read
//! row by row ([`table`]) with every cell understood the way units write it ([`cell`]), and the
//! unit, year and period told from the titles ([`identity`]) unless the caller says them.

pub mod cell;
pub mod header;
pub mod identity;
pub mod sheet;
pub mod table;

use crate::model::{Code, Finding, Identity, Kind, Period, Report, UnitRegistry};
use calamine::{Reader, SheetVisible, open_workbook_auto};
use header::{Family, Header};
use sheet::Sheet;
use std::path::{Path, PathBuf};

/// Why a file could not be read at all. Each becomes one finding for the unit
/// ([`IngestError::finding`]); `kinerja check` exits with status 2.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Not a workbook calamine can open (a renamed text file, a truncated archive).
    #[error("{path}: not a readable workbook: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    /// A password-protected workbook (an encrypted OOXML package or a protected .xls/.ods).
    #[error("{path}: workbook is password protected")]
    Encrypted { path: PathBuf },
    /// A workbook with no cell filled in.
    #[error("{path}: workbook is empty")]
    Empty { path: PathBuf },
    /// A workbook with data but no table kinerja recognises.
    #[error("{path}: no performance, agreement, budget or perspective table found")]
    NoTable { path: PathBuf },
}

impl IngestError {
    /// The finding the unit reads about this failure.
    pub fn finding(&self) -> Finding {
        match self {
            IngestError::Unreadable { reason, .. } => {
                Finding::new(Code::FileUnreadable, None, "").found(reason.clone())
            }
            IngestError::Encrypted { .. } => Finding::new(Code::FileEncrypted, None, ""),
            IngestError::Empty { .. } => Finding::new(Code::FileEmpty, None, ""),
            IngestError::NoTable { .. } => Finding::new(Code::NoTable, None, ""),
        }
    }
}

/// What the caller already knows about a workbook (the command line, or the inbox folder).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub period: Option<Period>,
}

/// The magic bytes of an OLE compound file: how Office wraps an encrypted .xlsx.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn open(path: &Path) -> Result<Vec<Sheet>, IngestError> {
    let unreadable = |reason: String| IngestError::Unreadable { path: path.into(), reason };
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        let text = e.to_string();
        let head = std::fs::read(path).map(|bytes| bytes.into_iter().take(8).collect::<Vec<_>>()).unwrap_or_default();
        let ooxml = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.to_lowercase().starts_with("xls") && e.len() == 4);
        if text.contains("password") || (ooxml && head == COMPOUND_FILE) {
            IngestError::Encrypted { path: path.into() }
        } else {
            unreadable(text)
        }
    })?;
    let mut sheets = Vec::new();
    let metadata: Vec<(String, bool)> =
        workbook.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible != SheetVisible::Visible)).collect();
    for (name, hidden) in metadata {
        // Chart sheets have no cells; a sheet that fails alone does not sink the workbook.
        if let Ok(range) = workbook.worksheet_range(&name) {
            sheets.push(Sheet::new(name, hidden, range));
        }
    }
    Ok(sheets)
}

struct Found {
    sheet: usize,
    header: Header,
    rows: (u32, u32),
}

fn find_tables(sheets: &[Sheet]) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, sheet) in sheets.iter().enumerate() {
        let (first, last) = sheet.row_bounds();
        let mut row = first;
        while row <= last {
            match header::header_at(sheet, row) {
                Some(header) => {
                    let rows = table::body(sheet, &header);
                    row = rows.1.max(header.last_row) + 1;
                    found.push(Found { sheet: index, header, rows });
                }
                None => row += 1,
            }
        }
    }
    found
}

/// Text outside the tables (titles, captions, footnotes) and the sheet names: where a
/// workbook says who it is from and what it claims overall (`NPSS 98.47`).
fn free_text<'a>(sheets: &'a [Sheet], tables: &[Found]) -> Vec<&'a str> {
    let mut texts = Vec::new();
    for (index, sheet) in sheets.iter().enumerate().filter(|(_, s)| !s.hidden) {
        texts.push(&*sheet.name);
        let (first, last) = sheet.row_bounds();
        for row in first..=last {
            let inside = tables.iter().any(|t| t.sheet == index && row >= t.header.first_row && row <= t.rows.1);
            if !inside {
                texts.extend(sheet.texts_in_row(row).map(|(_, t)| t));
            }
        }
    }
    texts
}

/// `NPSS 98.47 ( ● )` in a title: the overall score the unit claims.
fn npss_in_titles(sheets: &[Sheet], tables: &[Found]) -> Option<crate::model::Claim> {
    for (index, sheet) in sheets.iter().enumerate() {
        let (first, last) = sheet.row_bounds();
        for row in first..=last {
            if tables.iter().any(|t| t.sheet == index && row >= t.header.first_row && row <= t.rows.1) {
                continue;
            }
            for (col, text) in sheet.texts_in_row(row) {
                // Found in the text itself (not a lower-cased copy, whose byte offsets can differ).
                let Some(pos) = text.as_bytes().windows(4).position(|w| w.eq_ignore_ascii_case(b"npss")) else {
                    continue;
                };
                let after = text[pos + 4..].trim_start_matches(|c: char| !c.is_ascii_digit());
                let number: String =
                    after.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
                if let cell::Kind::Text(candidates) = cell::read_text(&number).kind
                    && let Some((value, decimals)) = candidates.read(cell::Style::Indonesian)
                {
                    let at = crate::model::CellRef::new(&sheet.name, row, col);
                    return Some(crate::model::Claim { value, decimals: decimals.min(2), at });
                }
            }
        }
    }
    None
}

/// Read the workbook at `path`.
///
/// # Errors
/// [`IngestError`] when the file is not a workbook, is encrypted, is empty, or holds no table
/// kinerja recognises. Everything short of that is a finding in the returned list.
pub fn read(path: &Path, units: &UnitRegistry, overrides: &Overrides) -> Result<(Report, Vec<Finding>), IngestError> {
    let sheets = open(path)?;
    if sheets.iter().all(Sheet::is_empty) {
        return Err(IngestError::Empty { path: path.into() });
    }
    let tables = find_tables(&sheets);
    let primary_family = [Family::Performance, Family::Agreement]
        .into_iter()
        .find(|family| tables.iter().any(|t| t.header.family == *family));
    if tables.is_empty() {
        return Err(IngestError::NoTable { path: path.into() });
    }
    let mut parts = table::Parts::default();
    let mut primary: Option<&Found> = None;
    // The indicator table first, so budget tables can name goals by their titles.
    let ordered = tables
        .iter()
        .filter(|t| Some(t.header.family) == primary_family)
        .chain(tables.iter().filter(|t| Some(t.header.family) != primary_family));
    for found in ordered {
        let sheet = &sheets[found.sheet];
        let indicator_table = matches!(found.header.family, Family::Performance | Family::Agreement);
        if indicator_table && let Some(first) = primary {
            let place = |f: &Found| {
                crate::model::CellRef::new(&sheets[f.sheet].name, f.header.first_row, f.header.span().0).to_string()
            };
            parts.findings.push(
                Finding::new(
                    Code::TableIgnored,
                    Some(crate::model::CellRef::new(&sheet.name, found.header.first_row, found.header.span().0)),
                    "",
                )
                .found(place(found))
                .expected(place(first)),
            );
            continue;
        }
        if indicator_table {
            primary = Some(found);
        }
        table::read(sheet, &found.header, found.rows, &mut parts);
    }
    let kind = match primary_family {
        Some(Family::Agreement) => Kind::Agreement,
        _ => Kind::Realisasi,
    };
    let declared = identity::declared(free_text(&sheets, &tables).into_iter(), units);
    let mut findings = Vec::new();
    if let (Some(given), Some(said)) = (&overrides.unit, &declared.unit)
        && !given.eq_ignore_ascii_case(said)
    {
        findings.push(Finding::new(Code::UnitMismatch, None, "").found(said.clone()).expected(given.to_uppercase()));
    }
    let identity = Identity {
        unit: overrides.unit.as_ref().map(|u| u.to_uppercase()).or(declared.unit),
        year: overrides.year.or(declared.year),
        period: overrides.period.or(declared.period).or((kind == Kind::Agreement).then_some(Period::Year)),
    };
    for (missing, code) in [
        (identity.unit.is_none(), Code::UnitUnknown),
        (identity.year.is_none(), Code::YearUnknown),
        (identity.period.is_none(), Code::PeriodUnknown),
    ] {
        if missing {
            findings.push(Finding::new(code, None, ""));
        }
    }
    let unplaced = "(tanpa perspektif)";
    for goal in parts.goals.iter_mut().filter(|g| g.perspective.is_empty()) {
        findings.push(Finding::new(Code::PerspectiveMissing, Some(goal.at.clone()), &goal.code).found(unplaced));
        goal.perspective = unplaced.to_string();
    }
    findings.append(&mut parts.findings);
    let npss = parts.npss.or_else(|| npss_in_titles(&sheets, &tables));
    let report = Report {
        identity,
        kind,
        perspectives: parts.perspectives,
        goals: parts.goals,
        indicators: parts.indicators,
        budget: parts.budget,
        npss,
    };
    Ok((report, findings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Range};

    #[test]
    fn npss_in_a_title_after_letters_that_change_length_when_lower_cased() {
        let mut range = Range::new((0, 0), (0, 0));
        range.set_value((0, 0), Data::String("İİİ LAPORAN — NPSS 98.47 ( ● )".into()));
        let sheets = [Sheet::new("Judul".into(), false, range)];
        let claim = npss_in_titles(&sheets, &[]).expect("the claim is found");
        assert_eq!(claim.value.to_string(), "98.47");
        assert_eq!(claim.at.to_string(), "Judul!A1");
    }
}
