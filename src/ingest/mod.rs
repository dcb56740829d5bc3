//! Reading: a workbook file in, a [`Report`] and the findings of reading out.
//!
//! Tables are found by their header words anywhere in any sheet ([`header`]), their bodies read
//! row by row ([`table`]) with every cell understood the way units write it ([`cell`]), and the
//! unit, year and period told from the titles ([`identity`]) unless the caller says them.

pub mod cell;
pub mod cfb;
pub mod header;
pub mod identity;
pub mod ods;
pub mod package;
pub mod plan;
pub mod sheet;
pub mod table;
pub mod xlsx;

use crate::config::Limits;
use crate::model::text::or_empty;
use crate::model::{Code, Finding, Identity, IndicatorRow, Kind, Period, Report, UnitRegistry, Value};
use calamine::{Reader, SheetType, SheetVisible};
use header::{Family, Header};
use package::{Budget, Limit};
use sheet::{Data, Sheet};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;
use xlsx::Workbook;

/// Why a file could not be read at all. Each becomes one finding for the unit
/// ([`IngestError::finding`]); `kinerja check` exits with status 2.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Not a workbook kinerja can open (a renamed text file, a truncated archive).
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
    /// A workbook kinerja wrote itself for planners (the Rekap), dropped where units' files go.
    #[error("{path}: a workbook kinerja wrote ({what}), not a unit's file")]
    OwnOutput { path: PathBuf, what: String },
    /// Over one of the [`Limits`]: refused before or while reading, never read on.
    #[error("{path}: over the limit on {}: {} (at most {})", limit.label(crate::model::Language::En), limit.shown(*found), limit.shown(*max))]
    TooLarge { path: PathBuf, limit: Limit, found: u64, max: u64 },
    /// Not a regular file: a symbolic link (where links are not followed), a folder, a FIFO, a
    /// socket or a device. It is never opened for reading.
    #[error("{path}: not a regular file ({what})")]
    NotAFile { path: PathBuf, what: &'static str },
    /// The file could not be opened or read (permissions, a vanished file).
    /// (`cause`, not `source`: the message already says it, and a chain would say it twice.)
    #[error("{path}: {cause}")]
    Io { path: PathBuf, cause: std::io::Error },
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
            IngestError::OwnOutput { what, .. } => Finding::new(Code::FileOwnOutput, None, "").found(what.clone()),
            IngestError::TooLarge { limit, found, max, .. } => {
                Finding::new(Code::FileTooLarge, None, limit.label(crate::model::Language::Id))
                    .found(limit.shown(*found))
                    .expected(limit.shown(*max))
            }
            IngestError::NotAFile { what, .. } => Finding::new(Code::FileNotRegular, None, "").found(*what),
            IngestError::Io { cause, .. } => Finding::new(Code::FileUnreadable, None, "").found(cause.to_string()),
        }
    }
}

/// Why a workbook's bytes could not be read; the caller adds the path.
#[derive(Debug)]
pub enum Failure {
    Unreadable(String),
    Encrypted,
    TooLarge { limit: Limit, found: u64, max: u64 },
}

impl Failure {
    fn at(self, path: &Path) -> IngestError {
        let path = path.to_path_buf();
        match self {
            Failure::Unreadable(reason) => IngestError::Unreadable { path, reason },
            Failure::Encrypted => IngestError::Encrypted { path },
            Failure::TooLarge { limit, found, max } => IngestError::TooLarge { path, limit, found, max },
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

/// The magic bytes of an OLE compound file: .xls, and how Office wraps an encrypted .xlsx.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The bytes of the regular file at `path`, at most `limits.file_bytes` of them. With
/// `follow_links` false a symbolic link is refused, not followed; a FIFO, socket, device or
/// folder is always refused, without waiting on it.
///
/// # Errors
/// [`IngestError::NotAFile`], [`IngestError::TooLarge`] or [`IngestError::Io`].
pub fn load(path: &Path, limits: &Limits, follow_links: bool) -> Result<Vec<u8>, IngestError> {
    use rustix::fs::{Mode, OFlags};
    let io = |cause: std::io::Error| IngestError::Io { path: path.to_path_buf(), cause };
    let mut flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
    if !follow_links {
        flags |= OFlags::NOFOLLOW;
    }
    let fd = match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => fd,
        Err(rustix::io::Errno::LOOP) if !follow_links => {
            return Err(IngestError::NotAFile { path: path.to_path_buf(), what: "tautan simbolik (symlink)" });
        }
        Err(e) => return Err(io(e.into())),
    };
    let file = std::fs::File::from(fd);
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(IngestError::NotAFile { path: path.to_path_buf(), what });
    }
    if meta.len() > limits.file_bytes {
        return Err(Failure::TooLarge { limit: Limit::FileSize, found: meta.len(), max: limits.file_bytes }.at(path));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.file_bytes + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limits.file_bytes {
        let found = bytes.len() as u64;
        return Err(Failure::TooLarge { limit: Limit::FileSize, found, max: limits.file_bytes }.at(path));
    }
    Ok(bytes)
}

/// What a file system entry is when it is not a regular file, as a unit's staff reads it.
pub fn not_regular(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        None
    } else if kind.is_symlink() {
        Some("tautan simbolik (symlink)")
    } else if kind.is_dir() {
        Some("folder")
    } else if kind.is_fifo() {
        Some("FIFO")
    } else if kind.is_socket() {
        Some("soket")
    } else if kind.is_block_device() || kind.is_char_device() {
        Some("perangkat (device)")
    } else {
        Some("berkas khusus")
    }
}

/// The sheets of the workbook in `bytes`, within `limits`: zip packages are measured first;
/// .xlsx, .xlsm and .ods go through kinerja's own bounded readers, .xlsb and .xls through calamine.
///
/// # Errors
/// [`IngestError`] when the bytes are not a workbook, are encrypted, or exceed a limit.
pub fn open(path: &Path, bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<Workbook, IngestError> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let archive = package::inspect(bytes, limits).map_err(|f| f.at(path))?;
        let book = match (extension.as_str(), zip_kind(&archive)) {
            (_, ZipKind::NotWorkbook(what)) => Err(Failure::Unreadable(what)),
            ("xlsb", _) | (_, ZipKind::Xlsb) => {
                let workbook = calamine::Xlsb::new(Cursor::new(bytes)).map_err(|e| unreadable(e, path))?;
                calamine_sheets(workbook, budget, |_, _| (Vec::new(), None))
            }
            (_, ZipKind::Ods) => ods::read(archive, budget),
            (_, ZipKind::Xlsx) => xlsx::read(archive, limits, budget),
        };
        return book.map_err(|f| f.at(path));
    }
    if bytes.starts_with(&COMPOUND_FILE) {
        let cfb::Inspected { streams, sheets } = cfb::inspect(bytes, limits).map_err(|f| f.at(path))?;
        let has = |name: &str| streams.iter().any(|s| s == name);
        if has("EncryptedPackage") {
            // A workbook saved with a password: Office wraps the encrypted package in a compound file.
            return Err(IngestError::Encrypted { path: path.into() });
        }
        let document =
            [("WordDocument", "dokumen Word (.doc)"), ("PowerPoint Document", "presentasi PowerPoint (.ppt)")];
        if !has("Workbook")
            && !has("Book")
            && let Some((_, what)) = document.iter().find(|(stream, _)| has(stream))
        {
            return Err(IngestError::Unreadable { path: path.into(), reason: instead(what) });
        }
        let workbook = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(e, path))?;
        let looks = |book: &calamine::Xls<_>, name: &str| {
            let merges = book.merge_cells_by_sheet_name(name).unwrap_or_default();
            (merges, sheets.iter().find(|s| s.name == name))
        };
        return calamine_sheets(workbook, budget, looks).map_err(|f| f.at(path));
    }
    let head: String = bytes.iter().take(16).map(|b| if b.is_ascii_graphic() { *b as char } else { '.' }).collect();
    let reason = not_workbook(bytes)
        .unwrap_or_else(|| format!("bukan berkas .xlsx, .xlsm, .xlsb, .xls atau .ods (diawali \"{head}\")"));
    Err(IngestError::Unreadable { path: path.into(), reason })
}

fn unreadable(e: impl std::fmt::Display, path: &Path) -> IngestError {
    let text = e.to_string();
    if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
        IngestError::Encrypted { path: path.into() }
    } else {
        IngestError::Unreadable { path: path.into(), reason: text }
    }
}

enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
    /// Not a workbook: what to tell the unit it is instead.
    NotWorkbook(String),
}

fn zip_kind(archive: &package::Archive<'_>) -> ZipKind {
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("xl/workbook.bin") {
        return ZipKind::Xlsb;
    }
    if has("content.xml") {
        return ZipKind::Ods;
    }
    let document =
        [("word/document.xml", "dokumen Word (.docx)"), ("ppt/presentation.xml", "presentasi PowerPoint (.pptx)")];
    if let Some((_, what)) = document.iter().find(|(part, _)| has(part)) {
        return ZipKind::NotWorkbook(instead(what));
    }
    if has("[Content_Types].xml") {
        return ZipKind::Xlsx;
    }
    let inside: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|name| {
            let extension = name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
            ["xlsx", "xlsm", "xlsb", "xls", "ods"].contains(&extension.as_str())
        })
        .map(|name| name.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    if !inside.is_empty() {
        return ZipKind::NotWorkbook(format!(
            "arsip zip berisi {}, bukan buku kerja; kirim buku kerjanya sendiri, satu berkas per laporan",
            inside.join(", ")
        ));
    }
    ZipKind::Xlsx
}

/// What a file that is no workbook is, by its first bytes, for the kinds units send instead.
fn not_workbook(bytes: &[u8]) -> Option<String> {
    let kinds: [(&[u8], &str); 4] = [
        (b"%PDF", "berkas PDF"),
        (b"\x89PNG", "gambar PNG"),
        (b"\xFF\xD8\xFF", "gambar JPEG"),
        (b"{\\rtf", "dokumen RTF"),
    ];
    kinds.iter().find(|(head, _)| bytes.starts_with(head)).map(|(_, what)| instead(what))
}

fn instead(what: &str) -> String {
    format!("{what}, bukan buku kerja; kirim laporan sebagai buku kerja Excel (.xlsx)")
}

/// The sheets of a workbook calamine reads (.xlsb, .xls): every worksheet's used cells,
/// counted against the budget, each number as its format shows it and the rows and columns
/// hidden where `looks` knows them (an .xls); a sheet calamine cannot read is named, not dropped.
fn calamine_sheets<'l, RS, R>(
    mut workbook: R,
    budget: &mut Budget,
    looks: impl Fn(&R, &str) -> (Vec<calamine::Dimensions>, Option<&'l cfb::Looks>),
) -> Result<Workbook, Failure>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let metadata: Vec<(String, bool, SheetType)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible, s.typ))
        .collect();
    let mut book = Workbook::default();
    for (name, hidden, kind) in metadata {
        if kind != SheetType::WorkSheet {
            continue;
        }
        match workbook.worksheet_range(&name) {
            Ok(range) => {
                let mut cells = Vec::new();
                let (merges, shown) = looks(&workbook, &name);
                // calamine counts a range's cells from its first one: the sheet's place is A1's.
                let (top, left) = range.start().unwrap_or_default();
                for (row, col, data) in range.used_cells() {
                    budget.cell()?;
                    let (row, col) = (top + row as u32, left + col as u32);
                    let format = shown.map_or(xlsx::Shown::Plain(None), |s| s.shown_at(row, col));
                    cells.push((row, col, as_shown(from_calamine(data), format)));
                }
                // A formula saved without its value (written by a program that does not
                // calculate) is no empty cell.
                if let Ok(formulas) = workbook.worksheet_formula(&name) {
                    let (top, left) = formulas.start().unwrap_or_default();
                    for (row, col, _) in formulas.used_cells().filter(|(_, _, f)| !f.trim().is_empty()) {
                        let at = (top + row as u32, left + col as u32);
                        if range.get_value(at).is_none_or(|d| *d == calamine::Data::Empty) {
                            budget.cell()?;
                            cells.push((at.0, at.1, Data::Uncalculated));
                        }
                    }
                }
                let mut layout = sheet::Layout::default();
                for range in merges {
                    if !layout.merge(range.start, range.end) {
                        break;
                    }
                }
                if let Some(looks) = shown {
                    // A hidden row is kept once it holds a cell, as the .xlsx reader keeps it.
                    let filled: std::collections::HashSet<u32> = cells.iter().map(|(row, _, _)| *row).collect();
                    layout.hidden_rows = looks.hidden_rows.iter().copied().filter(|r| filled.contains(r)).collect();
                    layout.hidden_rows.sort_unstable();
                    layout.hidden_cols.clone_from(&looks.hidden_cols);
                }
                let sheet = Sheet::new(crate::model::text::sheet_name(&name), hidden, cells);
                book.sheets.push(sheet.with_layout(layout));
            }
            Err(e) => book.unreadable.push((crate::model::text::sheet_name(&name), e.to_string())),
        }
    }
    Ok(book)
}

/// A number as its cell's format shows it: a percentage's fraction, or fixed decimals.
fn as_shown(data: Data, format: xlsx::Shown) -> Data {
    let number = match data {
        Data::Float(n) => n,
        Data::Int(n) => n as f64,
        _ => return data,
    };
    format.formatted(number).unwrap_or(data)
}

fn from_calamine(data: &calamine::Data) -> Data {
    use calamine::Data as C;
    match data {
        C::Empty => Data::Empty,
        C::Int(i) => Data::Int(*i),
        C::Float(f) => Data::Float(*f),
        C::String(s) => {
            let mut text = s.clone();
            crate::model::text::tidy_cell(&mut text);
            Data::String(text)
        }
        C::Bool(b) => Data::Bool(*b),
        C::DateTime(d) => Data::DateTime(d.as_f64()),
        C::DateTimeIso(s) | C::DurationIso(s) => Data::DateTimeIso(s.clone()),
        C::Error(e) => Data::Error(e.to_string()),
    }
}

struct Found {
    sheet: usize,
    header: Header,
    rows: (u32, u32),
}

fn find_tables(sheets: &[Sheet], budget: &Budget) -> Result<Vec<Found>, Failure> {
    let mut found = Vec::new();
    for (index, sheet) in sheets.iter().enumerate() {
        // The first row not yet inside a table found above it.
        let mut next = 0;
        for (n, row) in sheet.rows().enumerate() {
            if n % 1024 == 1023 {
                budget.time()?;
            }
            if row < next {
                continue;
            }
            if let Some(header) = header::header_at(sheet, row) {
                let rows = table::body(sheet, &header);
                next = rows.1.max(header.last_row) + 1;
                found.push(Found { sheet: index, header, rows });
            }
        }
    }
    // Tables on visible sheets first: a hidden sheet's table never stands in for a visible one.
    found.sort_by_key(|t| sheets[t.sheet].hidden);
    Ok(found)
}

/// Most gaps of blank columns on a sheet weighed as the edge between two tables side by side:
/// a sheet whose cells stand in more groups than that is read whole.
const MOST_GAPS: usize = 4;

/// The sheets to read, each whole, or where tables stand side by side on one (a perspective
/// summary placed right of the indicator table) in one band of columns for each, as though on
/// sheets of their own, so that neither takes the other's headings or figures for its own. Two
/// tables are parted at a gap of blank columns where a table of the columns left of it ends
/// next to the gap and one of the columns right of it starts next to it, each naming its own
/// rows, as a report's table or a plan's. A blank column inside one table (between the
/// indicators and the Anggaran beside them) parts nothing: amounts alone name no rows.
fn side_by_side(sheets: Vec<Sheet>, budget: &Budget) -> Result<Vec<Sheet>, Failure> {
    // Whether the workbook is a plan, asked only of one whose cells stand apart.
    let planned = std::cell::OnceCell::new();
    let a_plan = || *planned.get_or_init(|| plan::is_plan(&sheets));
    let cuts = sheets.iter().map(|sheet| cuts(sheet, &a_plan, budget)).collect::<Result<Vec<_>, _>>()?;
    if cuts.iter().all(Vec::is_empty) {
        return Ok(sheets);
    }
    let mut bands = Vec::with_capacity(sheets.len() + cuts.iter().map(Vec::len).sum::<usize>());
    for (sheet, cuts) in sheets.iter().zip(cuts) {
        let mut first = 0;
        for (start, end) in cuts {
            bands.push(sheet.band(first, start - 1));
            first = end + 1;
        }
        bands.push(sheet.band(first, u32::MAX));
    }
    Ok(bands)
}

/// The gaps of blank columns (first and last) where `sheet`'s tables part; `a_plan` tells
/// whether the workbook is a plan, whose tables are found by their own headers.
fn cuts(sheet: &Sheet, a_plan: &impl Fn() -> bool, budget: &Budget) -> Result<Vec<(u32, u32)>, Failure> {
    let columns = sheet.columns();
    let gaps: Vec<(u32, u32)> = columns.windows(2).filter(|w| w[1] > w[0] + 1).map(|w| (w[0] + 1, w[1] - 1)).collect();
    if gaps.len() > MOST_GAPS {
        return Ok(Vec::new());
    }
    // The columns (first and last) of each table of a band that stands on its own.
    let tables = |band: Sheet| -> Result<Vec<(u32, u32)>, Failure> {
        let found = find_tables(std::slice::from_ref(&band), budget)?;
        let plans = if a_plan() { plan::standing_tables(&band) } else { Vec::new() };
        Ok(found.into_iter().filter(|t| t.header.names_its_rows()).map(|t| t.header.span()).chain(plans).collect())
    };
    let mut cuts: Vec<(u32, u32)> = Vec::new();
    for (i, &(start, end)) in gaps.iter().enumerate() {
        let from = cuts.last().map_or(0, |cut| cut.1 + 1);
        let (before, after) = (if i == 0 { 0 } else { gaps[i - 1].1 }, gaps.get(i + 1).map_or(u32::MAX, |g| g.0));
        let ends_here = tables(sheet.band(from, start - 1))?.iter().any(|(_, last)| *last > before);
        if ends_here && tables(sheet.band(end + 1, u32::MAX))?.iter().any(|(first, _)| *first < after) {
            cuts.push((start, end));
        }
    }
    Ok(cuts)
}

/// Text above and between the tables (titles, captions) and the sheet names: where a workbook
/// says who it is from and what it claims overall (`NPSS 98.47`). A list of units is none. What
/// stands below a sheet's last table (its sources, notes, the place and date it was signed), or
/// from a signature block down on a sheet of no table, is not the report's title.
fn free_text<'a>(
    sheets: &'a [Sheet],
    tables: &[Found],
    read: impl Fn(usize) -> bool,
) -> Vec<(Option<crate::model::CellRef>, &'a str)> {
    let mut texts: Vec<(Option<crate::model::CellRef>, &str)> = Vec::new();
    for (index, sheet) in sheets.iter().enumerate().filter(|(i, s)| !s.hidden && read(*i)) {
        // A sheet's name once, though its tables are read in bands side by side.
        if !texts.iter().any(|(at, text)| at.is_none() && *text == &*sheet.name) {
            texts.push((None, &*sheet.name));
        }
        let last = tables.iter().filter(|t| t.sheet == index).map(|t| t.rows.1).max();
        let inside =
            |row: &u32| tables.iter().any(|t| t.sheet == index && *row >= t.header.first_row && *row <= t.rows.1);
        let above = sheet.rows().take_while(|row| last.is_none_or(|last| *row <= last)).filter(|row| !inside(row));
        for row in above.take_while(|row| !table::signs(sheet, *row)) {
            texts.extend(
                (sheet.texts_in_row(row))
                    .filter(|(col, _)| !identity::listed_unit(sheet, row, *col))
                    .map(|(col, t)| (Some(crate::model::CellRef::new(&sheet.name, row, col)), t)),
            );
        }
    }
    texts
}

/// Who reports (the caller's unit, else the one the titles name surest) against the units the
/// titles name. A workbook that names another unit and not this one is the other unit's
/// (`UNIT_MISMATCH`, refused); titles naming this unit and another, as a workbook copied from
/// the other's keeps them, leave whose figures these are in doubt: said at each other unit's
/// first title (`UNIT_CONTRADICTED`, blocking).
fn unit_findings(
    given: Option<&str>,
    declared: &identity::Declared,
    title: impl Fn(usize) -> Option<crate::model::CellRef>,
) -> Vec<Finding> {
    let Some(said) = declared.unit.as_deref() else { return Vec::new() };
    let taken = given.unwrap_or(said);
    if said != taken && !declared.units.iter().any(|(unit, _)| unit == taken) {
        return vec![Finding::new(Code::UnitMismatch, None, "").found(said).expected(taken)];
    }
    (declared.units.iter().filter(|(unit, _)| unit != taken))
        .map(|(unit, index)| {
            Finding::new(Code::UnitContradicted, title(*index), "").found(unit.as_str()).expected(taken)
        })
        .collect()
}

/// What the titles of the sheets `read` picks out state of who reports, for which year and
/// period.
fn declared_in(
    sheets: &[Sheet],
    tables: &[Found],
    read: impl Fn(usize) -> bool,
    units: &UnitRegistry,
) -> identity::Declared {
    let titles = free_text(sheets, tables, read);
    identity::declared(titles.iter().map(|(_, text)| *text), units)
}

/// A workbook keeping each report on a sheet of its own: a sheet per quarter ("TW I", "TW II",
/// "TW III") or per year ("2023", "2024", or each sheet's table titled for its year), and so an
/// agreement's ("PK 2023", "PK 2024"). Where two visible sheets or more hold a performance table
/// (else an agreement's), and each sheet's own titles and name state its year and period without
/// contradiction, all different, every sheet stating what differs between them, the report is
/// the one the caller or the file's name states, else the latest whose table holds a realisasi (a
/// sheet prepared for the next quarter or year is not filled yet), else the latest. The other
/// sheets, each with what it states (its period, its year, or both where both differ): their
/// tables and titles are not the report's. Empty where the sheets do not tell. With them, the
/// error where the report's sheet, taken as the latest filled, holds the very figures of the
/// sheet before it.
fn report_sheets(
    sheets: &[Sheet],
    tables: &[Found],
    wanted: (Option<u16>, Option<Period>),
    units: &UnitRegistry,
) -> (Vec<(usize, String)>, Option<Finding>) {
    let visible = |family: Family| tables.iter().filter(move |t| t.header.family == family && !sheets[t.sheet].hidden);
    let family = if visible(Family::Performance).next().is_some() { Family::Performance } else { Family::Agreement };
    let mut read: Vec<usize> = visible(family).map(|t| t.sheet).collect();
    read.dedup();
    if read.len() < 2 {
        return Default::default();
    }
    let mut stated = Vec::with_capacity(read.len());
    for &sheet in &read {
        let declared = declared_in(sheets, tables, |i| i == sheet, units);
        if declared.contradicted != Default::default() {
            return Default::default();
        }
        stated.push((sheet, declared.year, declared.period));
    }
    let varies = |values: Vec<u32>| values.iter().any(|v| *v != values[0]);
    let years_vary = varies(stated.iter().filter_map(|(_, y, _)| y.map(u32::from)).collect());
    let periods_vary = varies(stated.iter().filter_map(|(_, _, p)| p.map(Period::last_month)).collect());
    // Every sheet states what differs between them, and no two state the same.
    let every = |year: &Option<u16>, period: &Option<Period>| {
        (years_vary || periods_vary) && (!years_vary || year.is_some()) && (!periods_vary || period.is_some())
    };
    let key = |(_, y, p): &(usize, Option<u16>, Option<Period>)| {
        (y.filter(|_| years_vary).unwrap_or_default(), p.filter(|_| periods_vary).map_or(0, Period::last_month))
    };
    stated.sort_unstable_by_key(key);
    if !stated.iter().all(|(_, y, p)| every(y, p)) || stated.windows(2).any(|w| key(&w[0]) == key(&w[1])) {
        return Default::default();
    }
    // A sheet's figures: its realisasi, or where no column is headed so (left blank), its
    // capaian (an agreement's: its targets), row by row.
    let figures = |sheet: usize| -> Vec<&Data> {
        let columns = visible(family).filter(|t| t.sheet == sheet).filter_map(|t| {
            let col = match family {
                Family::Performance => t.header.col(header::Role::Realisasi).or(t.header.col(header::Role::Capaian)),
                _ => t.header.col(header::Role::Target),
            };
            col.map(|col| (t.rows, col))
        });
        columns.flat_map(|((first, last), col)| (first..=last).map(move |row| sheets[sheet].get(row, col))).collect()
    };
    // Filled: its figures hold values, not only N/A, dashes or zeros (copied to a sheet prepared
    // for the next quarter with the annual indicators' N/A, or the zeros formulas give while
    // what they add up is blank); such a sheet is the unit's latest, to be read (and refused, if
    // so) rather than passed over for the one before.
    let value = |data: &Data| match cell::read(data).kind {
        cell::Kind::Empty | cell::Kind::NotApplicable => false,
        cell::Kind::Stored((n, _)) => !n.is_zero(),
        cell::Kind::Text(read) => read.indonesian.or(read.english).is_none_or(|(n, _)| !n.is_zero()),
        _ => true,
    };
    let filled = |sheet: usize| figures(sheet).into_iter().any(value);
    let (wanted_year, wanted_period) = wanted;
    let asked = |(_, y, p): &&(usize, Option<u16>, Option<Period>)| {
        (!years_vary || wanted_year.is_none_or(|w| *y == Some(w)))
            && (!periods_vary || wanted_period.is_none_or(|w| *p == Some(w)))
    };
    let candidates: Vec<_> = stated.iter().filter(asked).collect();
    let chosen_here = candidates.len() > 1 || candidates.is_empty();
    let candidates = if candidates.is_empty() { stated.iter().collect() } else { candidates };
    let latest = candidates.iter().rev().find(|(sheet, _, _)| filled(*sheet)).map(|(s, _, _)| *s);
    // What a sheet states that the others do not, its period as the ledger writes it (`TW3`) or
    // as a file's name would (`TW III`).
    let stating = |y: Option<u16>, p: Option<Period>, form: fn(Period) -> &'static str| {
        let period = p.filter(|_| periods_vary).map(|p| form(p).to_string());
        let year = y.filter(|_| years_vary).map(|y| y.to_string());
        [period, year].into_iter().flatten().collect::<Vec<_>>().join(" ")
    };
    // The latest filled sheet of realisasi holding the very figures of the sheet before it:
    // copied for the next period and retitled, not filled yet, or a period that changed nothing.
    // Which one the report is cannot be told unless the caller or the file's name says: the sheet
    // the figures were typed for is read, and the report refused until the unit says. (Next
    // year's PK keeping this year's targets is common: the latest is the agreement.)
    let place = latest.and_then(|k| stated.iter().position(|(s, _, _)| *s == k));
    let copied_at = place.filter(|&i| {
        let earlier = i.checked_sub(1).map(|before| stated[before].0);
        chosen_here
            && family == Family::Performance
            && earlier.is_some_and(|e| candidates.iter().any(|(s, _, _)| *s == e) && figures(e) == figures(stated[i].0))
    });
    let kept = copied_at.map(|i| stated[i - 1].0).or(latest).or(candidates.last().map(|(s, _, _)| *s));
    let copied = copied_at.map(|i| {
        let ((sheet, year, period), earlier) = (stated[i], stated[i - 1].0);
        let table = visible(family).find(|t| t.sheet == sheet).expect("a stated sheet holds a table");
        let at = crate::model::CellRef::new(&sheets[sheet].name, table.header.first_row, table.header.span().0);
        Finding::new(Code::PeriodSheetCopied, Some(at), sheets[sheet].name.to_string())
            .found(sheets[earlier].name.to_string())
            .expected(stating(year, period, Period::heading))
    });
    let aside = stated
        .iter()
        .filter(|(s, _, _)| Some(*s) != kept)
        .map(|&(s, y, p)| (s, stating(y, p, Period::as_str)))
        .collect();
    (aside, copied)
}

/// Beside a report, the sheets holding a PK's table alone that state another year than the
/// report's (next year's PK kept with this year's report), with that year: their tables and
/// titles are not the report's. The report's year is found as the report's own is: the caller's,
/// else the one the other sheets' titles state, else the file's name's; a PK of the report's year
/// stays, its targets held to the report's.
fn agreements_of_other_years(
    sheets: &[Sheet],
    tables: &[Found],
    aside: &[usize],
    (asked, named): (Option<u16>, Option<u16>),
    units: &UnitRegistry,
) -> Vec<(usize, String)> {
    let holds = |sheet: usize, family: Family| tables.iter().any(|t| t.sheet == sheet && t.header.family == family);
    let visible = |sheet: usize| !sheets[sheet].hidden && !aside.contains(&sheet);
    if !(0..sheets.len()).any(|s| visible(s) && holds(s, Family::Performance)) {
        return Vec::new();
    }
    let agreements: Vec<usize> = (0..sheets.len())
        .filter(|&s| visible(s) && holds(s, Family::Agreement) && !holds(s, Family::Performance))
        .collect();
    if agreements.is_empty() {
        return Vec::new();
    }
    let others = |s: usize| !aside.contains(&s) && !agreements.contains(&s);
    let Some(year) = asked.or_else(|| declared_in(sheets, tables, others, units).year).or(named) else {
        return Vec::new();
    };
    let year_of = |s: usize| declared_in(sheets, tables, |i| i == s, units).year;
    agreements.iter().filter_map(|&s| year_of(s).filter(|y| *y != year).map(|y| (s, y.to_string()))).collect()
}

/// The overall score the unit printed outside its tables: `NPSS 98.47 ( ● )` in a title, or a
/// label (`NPSS`, `Nilai Pencapaian Sasaran Strategis`) with its number in a cell to the right.
fn npss_in_titles(sheets: &[Sheet], tables: &[Found], read: impl Fn(usize) -> bool) -> Vec<crate::model::Claim> {
    let mut found = Vec::new();
    for (index, sheet) in sheets.iter().enumerate().filter(|(i, _)| read(*i)) {
        for row in sheet.rows() {
            if tables.iter().any(|t| t.sheet == index && row >= t.header.first_row && row <= t.rows.1) {
                continue;
            }
            for (col, text) in sheet.texts_in_row(row) {
                if !table::npss_label(text) {
                    continue;
                }
                let at = |col| crate::model::CellRef::new(&sheet.name, row, col);
                match number_after_npss(text) {
                    Some((value, decimals)) => found.push(crate::model::Claim {
                        value,
                        decimals,
                        unit: rust_decimal::Decimal::ONE,
                        at: at(col),
                    }),
                    // The label alone: its value is the next filled cell to the right, or,
                    // where that is the year it is of (`NPSS Tahun` | 2024), the cell right
                    // after the year's, if filled (`NPSS Tahun` | 2024 | 98,47).
                    None => {
                        let mut filled = sheet.cells_in_row(row).filter(|(c, d)| *c > col && **d != Data::Empty);
                        let number = |(col, data): (u32, &Data)| number_in(data).map(|n| (col, n));
                        let next = match filled.next().and_then(number) {
                            Some((year, n)) if a_year(n) => {
                                filled.next().filter(|(c, _)| *c == year + 1).and_then(number)
                            }
                            next => next,
                        };
                        if let Some((col, (value, decimals))) = next.filter(|(_, n)| !a_year(*n)) {
                            found.push(crate::model::Claim {
                                value,
                                decimals: decimals.min(2),
                                unit: rust_decimal::Decimal::ONE,
                                at: at(col),
                            });
                        }
                    }
                }
                break;
            }
        }
    }
    found
}

/// The number right after the overall score's name in a text: `NPSS 98.47 ( ● )`, `Nilai
/// Pencapaian Sasaran Strategis (NPSS): 98,47`, `NKO 98,47`, `Nilai Kinerja Organisasi (NKO) =
/// 98,47`, `NPSS sebesar 98,47`, and after the year it is of: `NPSS 2024: 98,47`, `NPSS Tahun
/// 2024 adalah 98,47`. Only spaces, a closing parenthesis, a colon, an equals sign and those
/// words may stand between: `NPSS Tahun 2024` names a year, not a score, and so does `NPSS 2024`.
fn number_after_npss(text: &str) -> Option<(rust_decimal::Decimal, u32)> {
    // Found in the text itself (not a lower-cased copy, whose byte offsets can differ), as whole
    // words: `Bangko` holds no NKO.
    let bytes = text.as_bytes();
    let named_at = |at: usize, name: &str| {
        let end = at + name.len();
        let apart = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_none_or(|b| !b.is_ascii_alphanumeric());
        bytes.get(at..end).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
            && apart(at.checked_sub(1))
            && apart(Some(end))
    };
    let names = || table::NPSS_NAMES.iter().chain(&table::ORGANISATION_NAMES);
    let ends = (0..bytes.len()).flat_map(|at| names().filter(move |n| named_at(at, n)).map(move |n| at + n.len()));
    // Spaces, signs and the words that may stand before the number (or the year).
    fn joining(mut rest: &str) -> &str {
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | ')'));
            let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
            if !["tahun", "sebesar", "adalah", "yaitu"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
                return rest;
            }
            rest = &rest[word.len()..];
        }
    }
    // The number `rest` starts with, and what follows it.
    fn number(rest: &str) -> Option<((rust_decimal::Decimal, u32), &str)> {
        let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
        let read = match cell::read_text(&rest[..digits]).kind {
            cell::Kind::Text(candidates) => candidates.read(cell::Style::Indonesian).map(|(v, d)| (v, d.min(2))),
            _ => None,
        };
        read.map(|n| (n, &rest[digits..]))
    }
    ends.filter_map(|end| {
        let (first, rest) = number(joining(&text[end..]))?;
        if !a_year(first) {
            return Some(first);
        }
        number(joining(rest)).map(|(n, _)| n)
    })
    .find(|n| !a_year(*n))
}

/// Whether a number after the overall score's name is a year (`Capaian NPSS 2024`), not a score.
fn a_year((value, decimals): (rust_decimal::Decimal, u32)) -> bool {
    use rust_decimal::prelude::ToPrimitive;
    decimals == 0 && value.fract().is_zero() && value.to_i64().is_some_and(sheet::is_year)
}

/// A number cell, or text that is a number, as the unit wrote it.
fn number_in(data: &Data) -> Option<(rust_decimal::Decimal, u32)> {
    match cell::read(data).kind {
        cell::Kind::Stored((value, shown)) => Some((value, shown.min(2))),
        cell::Kind::Text(candidates) => candidates.read(cell::Style::Indonesian),
        _ => None,
    }
}

/// The NPSS the workbook prints, from the first place that prints one (a perspective summary, a
/// total row, a title); every other place that prints a different one is a `CLAIM_CONFLICT`.
fn printed_npss(mut places: Vec<crate::model::Claim>, findings: &mut Vec<Finding>) -> Option<crate::model::Claim> {
    let first = (!places.is_empty()).then(|| places.remove(0))?;
    for other in places {
        let decimals = first.decimals.min(other.decimals);
        let round = |v| crate::model::amount::round_half_up(v, decimals);
        if round(first.value) != round(other.value) {
            findings.push(
                Finding::new(Code::ClaimConflict, Some(other.at.clone()), "NPSS")
                    .found(format!("{} di {}", other.value.normalize(), other.at))
                    .expected(format!("{} di {}", first.value.normalize(), first.at)),
            );
        }
    }
    Some(first)
}

/// A second table set aside that prints an indicator's target or realisasi other than the table
/// scored: one workbook holds one of each for the year, and which of the two the unit meant
/// cannot be told (a sheet copied to be revised, the old one left in front; a PK kept beside the
/// report whose target the report does not print), so each is a `TABLE_CONFLICT` at the second
/// table's cell. A blank there (a copy not filled in) says nothing, and neither does a target
/// where the report's are the quarter's own (target antara).
fn table_conflicts(scored: &[IndicatorRow], aside: &[IndicatorRow], interim: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    for second in aside {
        let Some(first) = scored.iter().find(|first| first.code == second.code) else { continue };
        let targets = (!interim).then_some(("Target", &first.target, &second.target));
        for (label, mine, theirs) in targets.into_iter().chain([("Realisasi", &first.realisasi, &second.realisasi)]) {
            if [&mine.value, &theirs.value].contains(&&Value::Missing) || mine.value == theirs.value {
                continue;
            }
            let shown = mine.value.shown("");
            let expected = mine.at.as_ref().map_or(shown.clone(), |at| format!("{shown} di {at}"));
            let subject = format!("{label} {}", second.code);
            let finding = Finding::new(Code::TableConflict, theirs.at.clone(), subject);
            findings.push(finding.found(theirs.value.shown("")).expected(expected));
        }
    }
    findings
}

/// Read the workbook at `path` (a link given here is followed; the file must be regular).
///
/// # Errors
/// [`IngestError`] when the file is not a regular file or not a workbook, is encrypted, is
/// empty, exceeds a limit, or holds no table kinerja recognises. Everything short of that is a
/// finding in the returned list.
pub fn read(
    path: &Path,
    units: &UnitRegistry,
    overrides: &Overrides,
    limits: &Limits,
) -> Result<(Report, Vec<Finding>), IngestError> {
    let start = Instant::now();
    let bytes = load(path, limits, true)?;
    read_bytes(path, &bytes, units, overrides, limits, start)
}

/// Read a workbook already in memory; `path` names it (its extension tells the format) and
/// `start` is when its handling began, for the time budget.
///
/// # Errors
/// As [`read`].
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    units: &UnitRegistry,
    overrides: &Overrides,
    limits: &Limits,
    start: Instant,
) -> Result<(Report, Vec<Finding>), IngestError> {
    let mut budget = Budget::new(limits, start);
    let mut book = open(path, bytes, limits, &mut budget)?;
    // The Rekap is known by any sheet of its own that holds units' figures, kept when others
    // were deleted.
    let own = |kind: &OwnSheet| book.sheets.iter().find(|sheet| kind.is(sheet));
    if let Some(sheet) = own(&DELIVERY_SHEET).or_else(|| own(&INDICATORS_SHEET)) {
        let what = format!("Rekap Kinerja, lembar \"{}\"", sheet.name);
        return Err(IngestError::OwnOutput { path: path.into(), what });
    }
    // An annotated copy sent back: kinerja's sheets in it are set aside, and said.
    let set_aside: Vec<String> = book
        .sheets
        .iter()
        .filter(|sheet| RESULTS_SHEET.is(sheet) || FINDINGS_SHEET.is(sheet))
        .map(|sheet| sheet.name.to_string())
        .collect();
    book.sheets.retain(|sheet| !set_aside.iter().any(|name| **name == *sheet.name));
    book.sheets = side_by_side(std::mem::take(&mut book.sheets), &budget).map_err(|f| f.at(path))?;
    let (report, mut findings) = read_sheets(path, &book, units, overrides, &budget)?;
    findings.extend(set_aside.into_iter().map(|name| Finding::new(Code::OwnSheetIgnored, None, "").found(name)));
    Ok((report, findings))
}

/// A sheet kinerja writes: its name, and its header row.
pub struct OwnSheet {
    pub name: &'static str,
    pub header: &'static [&'static str],
}

/// *Hasil kinerja*, added at the end of a unit's annotated copy: the results kinerja computed.
pub const RESULTS_SHEET: OwnSheet = OwnSheet {
    name: "Hasil kinerja",
    header: &["Kode", "Indikator", "SS", "Target", "Realisasi", "Capaian (hitung)", "Capaian (tertulis)", "Status"],
};

/// *Temuan*, added at the end of a unit's annotated copy: the findings kinerja made.
pub const FINDINGS_SHEET: OwnSheet =
    OwnSheet { name: "Temuan", header: &["Kode", "Tingkat", "Sel", "Perihal", "Tertulis", "Seharusnya", "Pesan"] };

/// *Status Pengiriman* of the Rekap: who sent what, which version counts.
pub const DELIVERY_SHEET: OwnSheet = OwnSheet {
    name: "Status Pengiriman",
    header: &[
        "Kode",
        "Unit",
        "Status",
        "Versi",
        "Sama dengan versi",
        "ID kiriman",
        "Diterima (waktu setempat)",
        "Berkas",
        "Hash",
        "Kesalahan",
        "Peringatan",
        "NPSS",
        "NPSS versi valid terakhir",
        "Perjanjian Kinerja",
        "Kiriman terakhir",
        "Surel gagal",
    ],
};

/// *Capaian IKU* of the Rekap: every unit's indicators, one row each.
pub const INDICATORS_SHEET: OwnSheet = OwnSheet {
    name: "Capaian IKU",
    header: &[
        "Unit",
        "Perspektif",
        "SS",
        "Kode IKU",
        "Indikator",
        "Satuan",
        "Target",
        "Realisasi",
        "Capaian",
        "Status nilai",
        "Predikat",
        "Status laporan",
        "Versi",
    ],
};

impl OwnSheet {
    /// Whether `sheet` is this one as kinerja writes it: named so (or with the suffix an
    /// annotated copy adds where the unit's workbook has the name already) and headed so. A unit
    /// sending its annotated copy back, corrected, sends kinerja's old results and findings
    /// with it, which are not the report's (an NPSS there is kinerja's, not a claim).
    pub fn is(&self, sheet: &Sheet) -> bool {
        let named =
            sheet.name.strip_prefix(self.name).is_some_and(|rest| rest.is_empty() || rest.starts_with(OWN_SUFFIX));
        named && sheet.texts_in_row(0).map(|(_, t)| t).eq(self.header.iter().copied())
    }

    /// The name this sheet takes beside `taken` (a workbook's sheet names): its own, else with
    /// the suffix that keeps it apart (`Temuan (kinerja 2)` where the unit has a `Temuan`).
    pub fn name_beside(&self, taken: &[String]) -> String {
        let clash = |n: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(n));
        if !clash(self.name) {
            return self.name.to_string();
        }
        (2..).map(|n| format!("{}{OWN_SUFFIX}{n})", self.name)).find(|n| !clash(n)).expect("a free name")
    }
}

/// What follows the name of a sheet kinerja adds where the workbook has that name already.
const OWN_SUFFIX: &str = " (kinerja ";

/// How the findings of choosing columns by year or by period name them.
struct ColumnWords {
    /// `tahun` or `periode`.
    noun: &'static str,
    /// The code of the columns set aside.
    ignored: Code,
    /// How a title names one (`Tahun 2024`, `Triwulan III`).
    example: &'static str,
}

const YEAR_WORDS: ColumnWords = ColumnWords { noun: "tahun", ignored: Code::ColumnsIgnored, example: "Tahun 2024" };
const PERIOD_WORDS: ColumnWords =
    ColumnWords { noun: "periode", ignored: Code::PeriodColumnsIgnored, example: "Triwulan III" };

/// The findings of choosing a table's columns by year or by period: the columns set aside
/// (information), or a role whose columns could not be chosen between (an error: its values are
/// missing).
fn column_findings<T: Copy + std::fmt::Display>(
    choice: &header::ColumnChoice<T>,
    wanted: Option<T>,
    words: ColumnWords,
    (at, sheet, rows): (&crate::model::CellRef, &Sheet, (u32, u32)),
    findings: &mut Vec<Finding>,
) {
    let name = &sheet.name;
    let list = |marks: &[T]| marks.iter().map(T::to_string).collect::<Vec<_>>().join(", ");
    for (role, left) in &choice.ignored {
        let subject = format!("{} ({name})", table::role_label(*role));
        let expected = wanted.map(|w| w.to_string()).unwrap_or_default();
        findings.push(Finding::new(words.ignored, Some(at.clone()), subject).found(list(left)).expected(expected));
    }
    if let Some(wanted) = wanted {
        for (role, cols) in &choice.twice {
            let subject = format!("{} {wanted} ({name})", table::role_label(*role));
            findings.extend(columns_twice(subject, cols, at, sheet, rows));
        }
    }
    let noun = words.noun;
    for (role, offered) in &choice.uncertain {
        let subject = format!("Kolom {}", table::role_label(*role));
        let expected = match wanted {
            Some(w) => format!("tidak ada kolom {noun} {w}, {noun} laporan, sehingga kolom ini tidak dinilai"),
            None => format!(
                "{noun} laporan tidak diketahui, sehingga tidak ada yang dinilai; tulis {noun}nya pada judul (misalnya \"{}\")",
                words.example
            ),
        };
        let found = format!("ada untuk {noun} {}", list(offered));
        findings.push(Finding::new(Code::ReadingUncertain, Some(at.clone()), subject).found(found).expected(expected));
    }
}

/// A report's indicator table with no realisasi column at all (`Target | Capaian | Keterangan`):
/// said at the header, with the value columns as headed, so the unit sees which one it meant.
fn realisasi_column_none(sheet: &Sheet, header: &header::Header) -> Finding {
    use header::Role;
    let labels =
        [Role::Tree, Role::Goal, Role::GoalCode, Role::Indicator, Role::IndicatorCode, Role::Perspective, Role::No];
    let label = |col: u32| header.columns.iter().any(|(c, role)| *c == col && labels.contains(role));
    let headed = |col: u32| (header.first_row..=header.last_row).rev().find_map(|row| sheet.text(row, col));
    // Every headed column, those no rule knows too ("R"): one of them is the realisasi meant.
    let texts = (header.first_row..=header.last_row).flat_map(|row| sheet.texts_in_row(row).map(|(col, _)| col));
    let (first, last) = texts.fold(header.span(), |(first, last), col| (first.min(col), last.max(col)));
    let values: Vec<String> = (first..=last)
        .filter(|col| !label(*col))
        .filter_map(|col| headed(col).map(|text| text.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    let at = crate::model::CellRef::new(&sheet.name, header.first_row, first);
    Finding::new(Code::RealisasiColumnNone, Some(at), "").found(values.join(", "))
}

/// The columns of `subject`, the first of which is read (the others but those empty in every
/// row of the table): `COLUMNS_TWICE` (a warning) while they hold the same in every row, else
/// `COLUMNS_DIFFER` (an error: which one the unit means cannot be told), at the first row where
/// they differ, quoting its cells. Nothing when only the first is left.
fn columns_twice(
    subject: String,
    cols: &[u32],
    at: &crate::model::CellRef,
    sheet: &Sheet,
    rows: (u32, u32),
) -> Option<Finding> {
    let cols: Vec<u32> = (cols.iter().copied().enumerate())
        .filter(|(i, c)| *i == 0 || !sheet.col_is_blank(*c, rows))
        .map(|(_, c)| c)
        .collect();
    if cols.len() < 2 {
        return None;
    }
    let letters: Vec<String> = cols.iter().map(|c| crate::model::CellRef::column_letters(*c)).collect();
    // Compared as the cells show: a number and the same number typed as text are the same.
    let text = |row: u32, col: u32| shown(sheet.get(row, col));
    let differs = (rows.0..=rows.1).find(|row| cols.iter().any(|c| text(*row, *c) != text(*row, cols[0])));
    let Some(row) = differs else {
        let twice = Finding::new(Code::ColumnsTwice, Some(at.clone()), subject);
        return Some(twice.found(letters.join(", ")).expected(&letters[0]));
    };
    let quoted: Vec<String> = cols
        .iter()
        .map(|c| {
            let place = crate::model::CellRef::new(&sheet.name, row, *c);
            let text = text(row, *c);
            format!("{}: {}", place.a1(), or_empty(&text))
        })
        .collect();
    let second = cols.iter().find(|c| text(row, **c) != text(row, cols[0])).copied().unwrap_or(cols[0]);
    let differ = Finding::new(Code::ColumnsDiffer, Some(crate::model::CellRef::new(&sheet.name, row, second)), subject);
    Some(differ.found(quoted.join(" | ")).expected(&letters[0]))
}

/// A cell as the unit sees it (as [`cell::read`] reads it), numbers in Indonesian form
/// (`24,75`, `25%`); empty for none.
fn shown(data: &Data) -> String {
    let cell = cell::read(data);
    match cell.kind {
        cell::Kind::Stored((value, _)) => {
            let number =
                crate::model::text::numbers_in(&value.normalize().to_string(), crate::model::Language::Id).into_owned();
            if cell.percent { number + "%" } else { number }
        }
        _ => cell.text.into_owned(),
    }
}

/// A realisasi column read whose header names its figures an estimate or provisional
/// (`Realisasi (Prognosa)`): each is scored as provisional, said once at the header.
fn estimates_read(header: &header::Header, sheet: &std::sync::Arc<str>) -> Vec<Finding> {
    let read = |col: u32| header.columns.contains(&(col, header::Role::Realisasi));
    (header.estimates.iter().filter(|(col, _)| read(*col)))
        .map(|(col, text)| {
            let at = crate::model::CellRef::new(sheet, header.last_row, *col);
            let subject = format!("{} ({sheet})", table::role_label(header::Role::Realisasi));
            Finding::new(Code::Provisional, Some(at), subject).found(text.as_str())
        })
        .collect()
}

/// The finding for a role's columns of which one is read and the others set aside by what their
/// headers name: the original beside its revision, a plan beside the binding one, a quarter's money
/// spent beside the money spent to date, or an estimate beside the realisasi.
fn superseded(chosen: &header::Superseded, sheet: &str, at: &crate::model::CellRef) -> Finding {
    let letter = |c: u32| crate::model::CellRef::column_letters(c);
    let subject = format!("{} ({sheet})", table::role_label(chosen.role));
    let letters = || chosen.set_aside.iter().map(|c| letter(*c)).collect::<Vec<String>>().join(", ");
    match &chosen.why {
        header::Supersedes::Revision => Finding::new(Code::ColumnsSuperseded, Some(at.clone()), subject)
            .found(letters())
            .expected(letter(chosen.kept)),
        header::Supersedes::ToDate => {
            Finding::new(Code::ColumnsToDate, Some(at.clone()), subject).found(letters()).expected(letter(chosen.kept))
        }
        header::Supersedes::Final => Finding::new(Code::ColumnsEstimate, Some(at.clone()), subject)
            .found(letters())
            .expected(letter(chosen.kept)),
        header::Supersedes::Plan(set_aside, kept) => {
            let named: Vec<String> = set_aside
                .iter()
                .zip(&chosen.set_aside)
                .map(|(source, c)| format!("{} ({})", source.label(), letter(*c)))
                .collect();
            Finding::new(Code::ColumnsOutranked, Some(at.clone()), subject).found(named.join(", ")).expected(format!(
                "{} ({})",
                letter(chosen.kept),
                kept.label()
            ))
        }
    }
}

/// What a file's name states of its year and quarter, against what the titles say: what it
/// alone states is said as taken from it (`NAME_IDENTITY`). Titles that give a year and no
/// period make an annual report; a name stating a quarter or semester then leaves which report
/// this is in doubt (`NAME_MISMATCH`; an annual report named for its fourth quarter agrees). A
/// period or year the titles state outright stands over the name's (a file kept under last
/// quarter's name), and is said where they differ (`NAME_DIFFERS`, a warning: a title left from
/// last quarter's file is told in the receipt, not found in the Rekap).
fn name_findings(
    (year, period): (Option<u16>, Option<Period>),
    (titled_year, titled_period): (Option<u16>, Option<Period>),
    implied_annual: bool,
) -> Vec<Finding> {
    let clash = period.filter(|p| implied_annual && *p != Period::Tw4);
    let taken = [
        period.filter(|_| titled_period.is_none()).map(|p| p.as_str().to_string()),
        year.filter(|_| titled_year.is_none()).map(|y| y.to_string()),
    ];
    let taken: Vec<String> = taken.into_iter().flatten().collect();
    // A name stating the fourth quarter agrees with an annual report.
    let agree = |named: Period, titled: Period| named == titled || (named, titled) == (Period::Tw4, Period::Year);
    // Titles naming a year alone imply the annual report; the name's quarter against it is the
    // clash above, said once.
    let differs = [
        period
            .zip(titled_period.filter(|_| !implied_annual))
            .filter(|(n, t)| !agree(*n, *t))
            .map(|(n, t)| (n.as_str().to_string(), t.as_str().to_string())),
        year.zip(titled_year).filter(|(n, t)| n != t).map(|(n, t)| (n.to_string(), t.to_string())),
    ];
    let (named, titled): (Vec<String>, Vec<String>) = differs.into_iter().flatten().unzip();
    let mut findings = Vec::new();
    match clash {
        Some(named) => findings
            .push(Finding::new(Code::NameMismatch, None, "").found(named.as_str()).expected(Period::Year.as_str())),
        None if !taken.is_empty() => findings.push(Finding::new(Code::NameIdentity, None, "").found(taken.join(" "))),
        None => {}
    }
    if !named.is_empty() {
        findings.push(Finding::new(Code::NameDiffers, None, "").found(named.join(" ")).expected(titled.join(" ")));
    }
    findings
}

/// A row of the table's own right above its header (a sort that took the header along, a row
/// pasted above it): a label beside a figure under one of the table's value columns, read by
/// nothing, its indicator or perspective left out of the scores. Said at its label. A year there
/// (`2024` beside a title) is a title's, and `NPSS | 98,47` the report's claim, read with the
/// titles.
fn row_above_header(sheet: &Sheet, header: &Header, inside: &impl Fn(u32) -> bool) -> Option<Finding> {
    use header::Role;
    const LABELS: [Role; 6] =
        [Role::Tree, Role::Goal, Role::Indicator, Role::Perspective, Role::Description, Role::Category];
    let row = header.first_row.checked_sub(1).filter(|row| !inside(*row))?;
    let role = |col: u32| header.columns.iter().find(|(c, _)| *c == col).map(|(_, r)| *r);
    // The table's inputs and claims, and a category table's counts and shares.
    let counted = |col: u32| role(col).is_some_and(|r| matches!(r, Role::Count | Role::Share));
    let holds_figures = |col: u32| header.value_cols().chain(header.claim_cols()).any(|c| c == col) || counted(col);
    let label = sheet.texts_in_row(row).find(|(col, text)| {
        let label = role(*col).is_some_and(|r| LABELS.contains(&r)) && !cell::read_text(text).kind.is_number();
        label && !table::npss_label(text)
    });
    let mut figures = sheet.cells_in_row(row).filter(|(col, data)| {
        let year = data.whole().is_some_and(|n| (1990..=2100).contains(&n));
        holds_figures(*col) && !year && cell::read(data).kind.is_number()
    });
    let figure = figures.next()?;
    // A table with no label column (Pagu | Realisasi | Sisa | Capaian, a total of one row): two
    // figures or more, the first standing for the label.
    let unlabelled = !header.columns.iter().any(|(_, r)| LABELS.contains(r));
    let (col, label, found) = match (label, unlabelled) {
        (Some((col, label)), _) => (col, label.to_string(), figure.1),
        (None, true) => (figure.0, shown(figure.1), figures.next()?.1),
        (None, false) => return None,
    };
    let at = crate::model::CellRef::new(&sheet.name, row, col);
    Some(Finding::new(Code::RowAboveHeader, Some(at), crate::model::text::one_line(&label, 80)).found(shown(found)))
}

/// The rows and read columns of a table that its sheet hides, said: they are read and scored as
/// any other (an autofilter hides rows that are still the report's), while the unit's printout
/// leaves them out (rows of last year's indicators hidden rather than deleted).
fn hidden_in_table(sheet: &Sheet, header: &Header, last_row: u32, at: &crate::model::CellRef) -> Option<Finding> {
    let rows: Vec<String> = sheet.hidden_rows(header.first_row, last_row).map(|r| (r + 1).to_string()).collect();
    // Every column read, the parts of the year added up among them.
    let read = header.columns.iter().map(|(c, _)| *c).chain(header.spent_by_part.iter().map(|(c, _)| *c));
    let mut cols: Vec<u32> = read.filter(|c| sheet.col_hidden(*c)).collect();
    cols.sort_unstable();
    cols.dedup();
    let cols: Vec<String> = cols.into_iter().map(crate::model::CellRef::column_letters).collect();
    let said: Vec<String> = [("baris", rows), ("kolom", cols)]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(noun, list)| format!("{noun} {}", list.join(", ")))
        .collect();
    (!said.is_empty())
        .then(|| Finding::new(Code::HiddenInTable, Some(at.clone()), sheet.name.to_string()).found(said.join(" dan ")))
}

fn read_sheets(
    path: &Path,
    book: &Workbook,
    units: &UnitRegistry,
    overrides: &Overrides,
    budget: &Budget,
) -> Result<(Report, Vec<Finding>), IngestError> {
    let sheets = &book.sheets;
    if sheets.iter().all(Sheet::is_empty) {
        return Err(match book.unreadable.first() {
            None => IngestError::Empty { path: path.into() },
            Some((name, reason)) => {
                IngestError::Unreadable { path: path.into(), reason: format!("lembar \"{name}\": {reason}") }
            }
        });
    }
    // A workbook a title calls a Rencana Kerja whose only plan table is one a report prints too
    // may be a report titled after the plan it is held to ("Capaian Kinerja terhadap Target Renja
    // 2024"): read as a report where it holds a report's table of indicators, else the plan it
    // says it is (empty, if so). Such tables are a budget by code or a matrix (its budget is what
    // was spent by RO, however its realisasi is headed: "TERPAKAI"), or one source's targets (the
    // report's Target column, its realisasi under sub-headers left blank).
    let report_like = |report: &Report| {
        report.plan.as_ref().is_some_and(|p| {
            let one_source = p.targets.windows(2).all(|w| w[0].source == w[1].source);
            p.history.is_empty() && (p.targets.is_empty() || one_source && p.read() == p.targets.len())
        })
    };
    let planned = match plan::is_plan(sheets).then(|| plan::read(sheets, units, overrides)) {
        Some((report, findings)) if !report_like(&report) => return Ok((report, findings)),
        planned => planned,
    };
    let mut tables = find_tables(sheets, budget).map_err(|f| f.at(path))?;
    if tables.is_empty() {
        return planned.ok_or_else(|| IngestError::NoTable { path: path.into() });
    }
    // The file's name fills a year or a quarter the titles leave unsaid (an agreement's period
    // is its year, whatever its name says).
    let (named_year, named_period) =
        path.file_stem().and_then(|s| s.to_str()).map(identity::named_in_file).unwrap_or_default();
    // A sheet for each quarter or year: only the report's is read, titles and all.
    let wanted = (overrides.year.or(named_year), overrides.period.or(named_period));
    let (mut by_period, copied) = report_sheets(sheets, &tables, wanted, units);
    let reports: Vec<usize> = by_period.iter().map(|(sheet, _)| *sheet).collect();
    by_period.extend(agreements_of_other_years(sheets, &tables, &reports, (overrides.year, named_year), units));
    let aside: Vec<usize> = by_period.iter().map(|(sheet, _)| *sheet).collect();
    tables.retain(|t| !aside.contains(&t.sheet));
    let read = |sheet: usize| !aside.contains(&sheet);
    // Who and when, from the titles: the report year picks its columns where several years
    // stand side by side.
    let titles = free_text(sheets, &tables, read);
    let declared = identity::declared(titles.iter().map(|(_, text)| *text), units);
    // A report's table of indicators: its realisasi read, or its targets alone under a title that
    // calls it a report.
    let reported = |t: &Found| match t.header.family {
        Family::Performance => true,
        Family::Agreement => declared.report && !declared.agreement,
        _ => false,
    };
    if let Some(planned) = planned.filter(|_| !tables.iter().any(reported)) {
        return Ok(planned);
    }
    let year = overrides.year.or(declared.year).or(named_year);
    // A Perjanjian Kinerja printed beside earlier years' realisasi (its baseline) is the
    // agreement: those columns are not read.
    let mut baseline = Vec::new();
    if let Some(year) = year.filter(|_| declared.agreement) {
        for table in tables.iter_mut().filter(|t| t.header.family == Family::Performance) {
            if let Some(history) = table.header.set_baseline_aside(year) {
                let sheet = &sheets[table.sheet];
                let at = crate::model::CellRef::new(&sheet.name, table.header.first_row, table.header.span().0);
                column_findings(&history, Some(year), YEAR_WORDS, (&at, sheet, table.rows), &mut baseline);
            }
        }
    }
    // A table of targets alone titled as a report ("Laporan Capaian Kinerja … Triwulan III",
    // "Data Capaian Kinerja … Tahun 2024") or as a quarter's or a half-year's is that report with
    // its realisasi column headed in words kinerja does not know, never an agreement: a
    // Perjanjian Kinerja is the year's, and titled so.
    let part_of_year = declared.period.or(overrides.period).is_some_and(|p| p != Period::Year);
    if (part_of_year || declared.report) && !declared.agreement {
        for table in tables.iter_mut().filter(|t| t.header.family == Family::Agreement) {
            table.header.family = Family::Performance;
        }
    }
    // The indicator table's family, from a visible sheet when one has an indicator table.
    let primary_family = [Family::Performance, Family::Agreement]
        .into_iter()
        .find(|family| tables.iter().any(|t| t.header.family == *family && !sheets[t.sheet].hidden))
        .or_else(|| {
            [Family::Performance, Family::Agreement]
                .into_iter()
                .find(|family| tables.iter().any(|t| t.header.family == *family))
        });
    let named_period = named_period.filter(|_| primary_family != Some(Family::Agreement));
    let period = overrides.period.or(declared.period).or(named_period);
    let mut parts = table::Parts::default();
    let mut primary: Option<&Found> = None;
    // The indicator table first, so budget tables can name goals by their titles.
    let ordered = tables
        .iter()
        .filter(|t| Some(t.header.family) == primary_family)
        .chain(tables.iter().filter(|t| Some(t.header.family) != primary_family));
    let mut read_families = Vec::new();
    let mut targets_for = None;
    for found in ordered {
        let sheet = &sheets[found.sheet];
        let indicator_table = matches!(found.header.family, Family::Performance | Family::Agreement);
        if sheet.hidden && !indicator_table && read_families.contains(&found.header.family) {
            // A visible table of this family was read; the hidden one does not stand in for it.
            continue;
        }
        let place =
            |f: &Found| crate::model::CellRef::new(&sheets[f.sheet].name, f.header.first_row, f.header.span().0);
        // A second indicator table of the primary's family on a visible sheet may carry on the
        // first (the table broken over two sheets): read, it is kept only if its indicators are
        // none of the first's. Any other is set aside.
        let continuing = primary.filter(|_| indicator_table);
        if let Some(first) = continuing
            && (sheet.hidden || Some(found.header.family) != primary_family)
        {
            // A PK kept beside the report (its table of targets alone): where its sheet names no
            // other year, its targets are the report's.
            let titled = || declared_in(sheets, &tables, |i| i == found.sheet, units).year;
            if !sheet.hidden && found.header.family == Family::Agreement && titled().is_none_or(|y| Some(y) == year) {
                let mut agreed = table::Parts::default();
                table::read(sheet, &found.header.for_report(year, Some(Period::Year)).0, found.rows, &mut agreed);
                parts.findings.extend(table_conflicts(&parts.indicators, &agreed.indicators, targets_for.is_some()));
            }
            parts.findings.push(
                Finding::new(Code::TableIgnored, Some(place(found)), "")
                    .found(place(found).to_string())
                    .expected(place(first).to_string()),
            );
            continue;
        }
        let before = continuing.map(|_| parts.clone());
        if indicator_table && primary.is_none() {
            primary = Some(found);
            if sheet.hidden {
                parts.findings.push(Finding::new(Code::TableHidden, Some(place(found)), sheet.name.to_string()));
            }
        }
        read_families.push(found.header.family);
        let (mut header, years, periods) = found.header.for_report(year, period);
        header.without_blank_columns(|col| !sheet.col_is_blank(col, found.rows));
        if indicator_table && before.is_none() {
            targets_for = period.filter(|p| *p != Period::Year && header.names_period(header::Role::Target, *p));
        }
        let at = place(found);
        column_findings(&years, year, YEAR_WORDS, (&at, sheet, found.rows), &mut parts.findings);
        column_findings(&periods, period, PERIOD_WORDS, (&at, sheet, found.rows), &mut parts.findings);
        parts.findings.extend(header.superseded.iter().map(|chosen| superseded(chosen, &sheet.name, &at)));
        parts.findings.extend(estimates_read(&header, &sheet.name));
        // Two columns of a role that name nothing apart ("Realisasi" over "Kumulatif | Bulan ini"):
        // the first is read, and said.
        let said: Vec<header::Role> = years.twice.iter().chain(&periods.twice).map(|(role, _)| *role).collect();
        for (role, cols) in header.read_twice(&said) {
            let subject = format!("{} ({})", table::role_label(role), sheet.name);
            parts.findings.extend(columns_twice(subject, &cols, &at, sheet, found.rows));
        }
        parts.findings.extend(hidden_in_table(sheet, &header, found.rows.1, &at));
        if header.family == Family::Performance && !found.header.has(header::Role::Realisasi) {
            parts.findings.push(realisasi_column_none(sheet, &header));
        }
        // A recap's perspective scores are its inputs: a summary with no column of them (NKP only,
        // or its scores headed in words kinerja does not know) would score nothing without a word.
        let scores = [header::Role::Skor, header::Role::Nss].iter().any(|r| header.has(*r));
        if found.header.family == Family::PerspectiveSummary && primary_family.is_none() && !scores {
            parts.findings.push(Finding::new(Code::SkorColumnNone, Some(at.clone()), ""));
        }
        table::read(sheet, &header, found.rows, &mut parts);
        if let (Some(before), Some(first)) = (before, continuing) {
            let added = &parts.indicators[before.indicators.len()..];
            let continues =
                !added.is_empty() && !added.iter().any(|i| before.indicators.iter().any(|f| f.code == i.code));
            let code = if continues { Code::TableContinued } else { Code::TableIgnored };
            if !continues {
                let conflicts = table_conflicts(&before.indicators, added, targets_for.is_some());
                parts = before;
                parts.findings.extend(conflicts);
            }
            let said = Finding::new(code, Some(place(found)), "").found(place(found).to_string());
            parts.findings.push(said.expected(place(first).to_string()));
        }
    }
    if let Some(found) = primary.filter(|_| parts.indicators.is_empty()) {
        let at = crate::model::CellRef::new(&sheets[found.sheet].name, found.header.first_row, found.header.span().0);
        parts.findings.push(Finding::new(Code::IndicatorsNone, Some(at), ""));
    }
    let kind = match primary_family {
        Some(Family::Agreement) => Kind::Agreement,
        _ => Kind::Realisasi,
    };
    let mut findings: Vec<Finding> = book
        .unreadable
        .iter()
        .map(|(name, reason)| Finding::new(Code::SheetUnreadable, None, name.clone()).found(reason.clone()))
        .collect();
    let given = overrides.unit.as_ref().map(|u| u.to_uppercase());
    findings.extend(unit_findings(given.as_deref(), &declared, |index| titles[index].0.clone()));
    if let (Some(unit), Some((seat, index))) = (&declared.unit, &declared.other_seat) {
        let own = units.get(unit).map_or("", |u| u.name.as_str());
        let at = titles[*index].0.clone();
        findings.push(Finding::new(Code::UnitSeatDiffers, at, unit.as_str()).found(seat.as_str()).expected(own));
    }
    let identity = Identity {
        unit: given.or(declared.unit),
        year,
        period: period.or((kind == Kind::Agreement).then_some(Period::Year)),
    };
    findings.append(&mut baseline);
    // A table whose headers kinerja does not know: its codes, or its figures, stand in no table read.
    // Where no table of indicators was read either, the figures are likely the indicators: the
    // report's scores would rest on what it prints for its perspectives alone.
    let unread = if primary_family.is_none() { Code::IndicatorsUnread } else { Code::TableUnread };
    for (i, sheet) in sheets.iter().enumerate().filter(|(i, _)| read(*i)) {
        let within = |r: u32| tables.iter().any(|t| t.sheet == i && r >= t.header.first_row && r <= t.rows.1);
        let above: Vec<Finding> = tables
            .iter()
            .filter(|t| t.sheet == i)
            .filter_map(|t| row_above_header(sheet, &t.header, &within))
            .collect();
        let inside = |r: u32| within(r) || above.iter().any(|f| f.at.as_ref().is_some_and(|at| at.row == r));
        findings.extend(plan::budget_unread(sheet, &inside).or_else(|| plan::table_unread(sheet, &inside, unread)));
        findings.extend(above);
    }
    findings.extend(by_period.iter().map(|(sheet, stated)| {
        Finding::new(Code::PeriodSheetsIgnored, None, stated.as_str()).found(sheets[*sheet].name.to_string())
    }));
    findings.extend(copied);
    findings.extend(name_findings(
        (named_year.filter(|_| overrides.year.is_none()), named_period.filter(|_| overrides.period.is_none())),
        (declared.year, declared.period),
        declared.implied_annual,
    ));
    // A year or period the titles name other than the one taken — the caller's, or a title that
    // contradicts the first: which report this is stays in doubt, so it is said and blocks
    // rather than being silently taken.
    let title = |index: &usize| titles[*index].0.clone();
    if let Some(taken) = identity.year {
        let named = declared.contradicted.years.iter().map(|(y, i)| (*y, title(i)));
        for (said, at) in declared.year.map(|y| (y, None)).into_iter().chain(named).filter(|(y, _)| *y != taken) {
            findings.push(Finding::new(Code::YearMismatch, at, "").found(said.to_string()).expected(taken.to_string()));
        }
    }
    if let Some(taken) = identity.period {
        let named = declared.contradicted.periods.iter().map(|(p, i)| (*p, title(i)));
        for (said, at) in declared.period.map(|p| (p, None)).into_iter().chain(named).filter(|(p, _)| *p != taken) {
            findings.push(Finding::new(Code::PeriodMismatch, at, "").found(said.as_str()).expected(taken.as_str()));
        }
    }
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
    let places = parts.npss.into_iter().chain(parts.npss_rows).chain(npss_in_titles(sheets, &tables, read)).collect();
    let npss = printed_npss(places, &mut findings);
    let report = Report {
        identity,
        kind,
        perspectives: parts.perspectives,
        goals: parts.goals,
        indicators: parts.indicators,
        printed: Vec::new(),
        budget: parts.budget,
        npss,
        targets_for,
        categories: parts.categories,
        plan: None,
        unnumbered_feet: parts.unnumbered_feet,
    };
    Ok((report, findings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns told apart by what their cells show: a number and the same number typed as text
    /// are the same; a real difference is quoted as the unit sees it.
    #[test]
    fn columns_twice_compares_cells_as_shown() {
        let cells = vec![
            (1, 0, Data::Float(24.75)),
            (1, 1, Data::String("24,75".into())),
            (2, 0, Data::Percent(0.9167, 2)),
            (2, 1, Data::String("91,67%".into())),
            (3, 0, Data::Int(95)),
            (3, 1, Data::String("95".into())),
        ];
        let mut sheet = Sheet::new("T".into(), false, cells.clone());
        let at = crate::model::CellRef::new(&"T".into(), 0, 0);
        let same = columns_twice("Realisasi".into(), &[0, 1], &at, &sheet, (1, 3)).unwrap();
        assert_eq!((same.code, same.found.as_str()), (Code::ColumnsTwice, "A, B"));
        let mut differing = cells;
        differing.push((4, 0, Data::Float(50.5)));
        differing.push((4, 1, Data::Float(25.25)));
        sheet = Sheet::new("T".into(), false, differing);
        let differ = columns_twice("Realisasi".into(), &[0, 1], &at, &sheet, (1, 4)).unwrap();
        assert_eq!((differ.code, differ.found.as_str()), (Code::ColumnsDiffer, "A5: 50,5 | B5: 25,25"));
        assert_eq!(differ.at.map(|a| a.to_string()), Some("T!B5".to_string()));
    }

    #[test]
    fn npss_in_a_title_after_letters_that_change_length_when_lower_cased() {
        let cells = vec![(0, 0, Data::String("İİİ LAPORAN — NPSS 98.47 ( ● )".into()))];
        let sheets = [Sheet::new("Judul".into(), false, cells)];
        let claim = npss_in_titles(&sheets, &[], |_| true).pop().expect("the claim is found");
        assert_eq!(claim.value.to_string(), "98.47");
        assert_eq!(claim.at.to_string(), "Judul!A1");
    }

    /// The number right after the overall score's name, in each form units print it; a name in
    /// another word or followed by other words claims nothing.
    #[test]
    fn the_number_after_the_overall_scores_name() {
        let read = |text: &str| number_after_npss(text).map(|(value, decimals)| (value.to_string(), decimals));
        let claimed = |value: &str| Some((value.to_string(), 2));
        assert_eq!(read("NPSS 98.47 ( ● )"), claimed("98.47"));
        assert_eq!(read("Nilai Pencapaian Sasaran Strategis (NPSS) 98,47"), claimed("98.47"));
        assert_eq!(read("Nilai Pencapaian Sasaran Strategis: 98,47"), claimed("98.47"));
        assert_eq!(read("Nilai Kinerja Organisasi (NKO) = 98,47"), claimed("98.47"));
        assert_eq!(read("nko: 98,47"), claimed("98.47"));
        assert_eq!(read("NPSS Tahun 2024"), None);
        assert_eq!(read("NKO Kanreg VII BKN 98,47"), None);
        assert_eq!(read("Kantor Regional Bangko 98,47"), None);
        assert_eq!(read("NPSS2024"), None);
        // A year right after the name is the title's year, not a score.
        assert_eq!(read("Capaian NPSS 2024"), None);
        assert_eq!(read("NPSS 98"), Some(("98".to_string(), 0)));
        // After the year it is of, or a joining word: the score.
        assert_eq!(read("NPSS 2024: 98,47"), claimed("98.47"));
        assert_eq!(read("Nilai Pencapaian Sasaran Strategis Tahun 2024 adalah 98,47 (Baik)"), claimed("98.47"));
        assert_eq!(read("NPSS sebesar 98,47"), claimed("98.47"));
        assert_eq!(read("NPSS Tahun 2024 dan 2023"), None);
        assert_eq!(read("NPSS 2024 Kanreg VII 98,47"), None);
    }
}
