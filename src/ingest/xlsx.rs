//! A bounded reader for Office Open XML workbooks (.xlsx, .xlsm): the workbook's sheet list,
//! shared strings, which styles show dates or percentages, and every worksheet's cells, streamed from the
//! package with counts checked as they grow and the time budget checked as it goes.
//!
//! Why not calamine here: it reserves the shared-strings table from the count the file declares
//! and lays every sheet out as the dense rectangle between its first and last cell, so a 2 KB
//! file can ask for terabytes; and one cached error it does not know (`#SPILL!`, `#CALC!`)
//! fails the whole sheet. This reader keeps cells sparse, allocates only for what it has read,
//! and keeps every error value as text.

use super::Failure;
use super::package::{Archive, Budget, Limit};
use super::sheet::{Data, Layout, Sheet};
use crate::config::Limits;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::io::{BufReader, Cursor};

/// What reading a workbook found: its sheets, and the sheets that could not be read with why.
#[derive(Default)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    pub unreadable: Vec<(String, String)>,
}

type Xml<'a, 'b> = Reader<BufReader<zip::read::ZipFile<'a, Cursor<&'b [u8]>>>>;

/// Why one part could not be read.
enum PartError {
    /// The whole workbook stops (a limit, the time budget).
    Stop(Failure),
    /// Only this part is unreadable.
    Broken(String),
}

impl From<quick_xml::Error> for PartError {
    fn from(e: quick_xml::Error) -> Self {
        PartError::Broken(e.to_string())
    }
}

impl From<Failure> for PartError {
    fn from(f: Failure) -> Self {
        PartError::Stop(f)
    }
}

pub(crate) fn open<'a, 'b>(archive: &'a mut Archive<'b>, name: &str) -> Option<Xml<'a, 'b>> {
    let index = archive.index_for_name(name)?;
    let part = archive.by_index(index).ok()?;
    let mut reader = Reader::from_reader(BufReader::new(part));
    reader.config_mut().trim_text(false);
    Some(reader)
}

/// An attribute's value, entities resolved; borrowed from the element when it has none.
pub(crate) fn attr<'a>(e: &'a BytesStart, name: &str) -> Option<Cow<'a, str>> {
    let found = e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name)?;
    Some(match found.value {
        Cow::Borrowed(raw) if !raw.contains('&') => Cow::Borrowed(raw),
        value => {
            let unescaped = quick_xml::escape::unescape(&value).map(|v| v.into_owned());
            Cow::Owned(unescaped.unwrap_or_else(|_| value.into_owned()))
        }
    })
}

pub(crate) struct SheetEntry {
    pub(crate) name: String,
    pub(crate) hidden: bool,
    pub(crate) part: Option<String>,
}

/// Read the workbook in a package already measured by [`super::package::inspect`].
///
/// # Errors
/// [`Failure::Unreadable`] when the package has no readable workbook part; [`Failure::TooLarge`]
/// when a limit is reached while reading (the time budget among them).
pub fn read(mut archive: Archive<'_>, limits: &Limits, budget: &mut Budget) -> Result<Workbook, Failure> {
    let main = main_part(&mut archive);
    let WorkbookPart { entries, date1904, recalculate, rels } = workbook(&mut archive, &main)?;
    let related = |suffix: &str| rels.iter().find(|(_, kind, _)| kind.ends_with(suffix)).map(|(_, _, t)| t.clone());
    let strings = match related("/sharedStrings") {
        Some(part) => shared_strings(&mut archive, &part, limits, budget)?,
        None => Vec::new(),
    };
    let formats = related("/styles").map(|part| number_formats(&mut archive, &part)).unwrap_or_default();
    let context = Context { strings: &strings, formats: &formats, date1904, recalculate };
    let mut book = Workbook::default();
    for entry in entries {
        let Some(part) = entry.part else {
            // A chart sheet or dialog sheet: no cells.
            continue;
        };
        match worksheet(&mut archive, &part, &context, budget) {
            Ok((cells, layout)) => book.sheets.push(Sheet::new(entry.name, entry.hidden, cells).with_layout(layout)),
            Err(PartError::Stop(failure)) => return Err(failure),
            Err(PartError::Broken(reason)) => book.unreadable.push((entry.name, reason)),
        }
    }
    Ok(book)
}

/// The workbook part the package's relationships name (`xl/workbook.xml` by default).
pub(crate) fn main_part(archive: &mut Archive<'_>) -> String {
    relationships(archive, "_rels/.rels")
        .into_iter()
        .find(|(_, kind, _)| kind.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_string(), |(_, _, target)| resolve("", &target))
}

/// A part's path from a relationship target: absolute (`/xl/worksheets/sheet1.xml`) or
/// relative to the folder of the part that names it.
pub(crate) fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> =
        if let Some(absolute) = target.strip_prefix('/') { vec![absolute] } else { vec![folder, target] };
    parts.retain(|p| !p.is_empty());
    let joined = parts.join("/");
    let mut path: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            s => path.push(s),
        }
    }
    path.join("/")
}

/// (id, type, target as a part path) of the relationships in `rels_part`.
pub(crate) fn relationships(archive: &mut Archive<'_>, rels_part: &str) -> Vec<(String, String, String)> {
    let folder = rels_part.split("/_rels/").next().filter(|_| rels_part.contains("/_rels/")).unwrap_or("");
    let Some(mut xml) = open(archive, rels_part) else { return Vec::new() };
    let mut found = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if attr(&e, "TargetMode").is_some_and(|m| m == "External") {
                    continue;
                }
                if let (Some(id), Some(kind), Some(target)) = (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target")) {
                    found.push((id.into_owned(), kind.into_owned(), resolve(folder, &target)));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    found
}

/// What the workbook part says of the whole workbook.
pub(crate) struct WorkbookPart {
    /// The sheets in workbook order.
    pub(crate) entries: Vec<SheetEntry>,
    /// Dates count from 1904.
    date1904: bool,
    /// Every formula is to be calculated again when the workbook is opened.
    recalculate: bool,
    /// The workbook's relationships: id, kind, target.
    pub(crate) rels: Vec<(String, String, String)>,
}

/// Read the workbook part `part`.
pub(crate) fn workbook(archive: &mut Archive<'_>, part: &str) -> Result<WorkbookPart, Failure> {
    let (folder, name) = part.rsplit_once('/').unwrap_or(("", part));
    let rels = relationships(archive, format!("{folder}/_rels/{name}.rels").trim_start_matches('/'));
    let mut xml = open(archive, part).ok_or_else(|| Failure::Unreadable(format!("bagian {part} tidak ada")))?;
    let mut entries = Vec::new();
    let (mut date1904, mut recalculate) = (false, false);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(|e| Failure::Unreadable(e.to_string()))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "workbookPr" => date1904 = flag(&e, "date1904"),
                "calcPr" => recalculate = flag(&e, "fullCalcOnLoad"),
                "sheet" => {
                    let state = attr(&e, "state").unwrap_or_default();
                    let id = attr(&e, "id").unwrap_or_default();
                    let part = rels
                        .iter()
                        .find(|(rid, kind, _)| *rid == id && kind.ends_with("/worksheet"))
                        .map(|(_, _, target)| target.clone());
                    let name = crate::model::text::sheet_name(&attr(&e, "name").unwrap_or_default());
                    entries.push(SheetEntry { name, hidden: !state.is_empty() && state != "visible", part });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(WorkbookPart { entries, date1904, recalculate, rels })
}

/// Whether the boolean attribute `name` of `e` is set (`1` or `true`).
fn flag(e: &BytesStart<'_>, name: &str) -> bool {
    attr(e, name).is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// The text of an `<si>` or `<is>` element whose start the reader has just passed: its `<t>`
/// runs, without phonetic runs (`<rPh>`), `_xHHHH_` escapes decoded, cut at Excel's limit.
fn rich_text(xml: &mut Xml<'_, '_>, end: &str, buf: &mut Vec<u8>) -> Result<String, PartError> {
    let mut text = String::new();
    let (mut in_t, mut in_phonetic) = (false, false);
    loop {
        buf.clear();
        match xml.read_event_into(buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                name if name == end => break,
                _ => {}
            },
            Event::Text(t) if in_t && !in_phonetic => text.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && !in_phonetic => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_t && !in_phonetic => entity(&r, &mut text),
            Event::Eof => return Err(PartError::Broken("teks terpotong".into())),
            _ => {}
        }
    }
    tidy(&mut text);
    Ok(text)
}

/// A predefined entity or character reference; anything else (a DTD's entities) reads as nothing.
pub(crate) fn entity(r: &quick_xml::events::BytesRef, text: &mut String) {
    if let Some(resolved) = quick_xml::escape::resolve_predefined_entity(r) {
        text.push_str(resolved);
    } else if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
    }
}

/// `_x000D_` → carriage return: how OOXML writes characters XML cannot hold.
fn decode_escapes(text: String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let code = candidate
            .get(2..6)
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| candidate.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &candidate[7..];
            }
            None => {
                out.push_str("_x");
                rest = &candidate[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Cell text as Excel holds it: `_xHHHH_` escapes decoded, odd spaces plain (`plain_spaces`), cut
/// at Excel's cell limit on a character boundary.
fn tidy(text: &mut String) {
    if text.contains("_x") {
        *text = decode_escapes(std::mem::take(text));
    }
    crate::model::text::tidy_cell(text);
}

fn shared_strings(
    archive: &mut Archive<'_>,
    part: &str,
    limits: &Limits,
    budget: &Budget,
) -> Result<Vec<String>, Failure> {
    let Some(mut xml) = open(archive, part) else { return Ok(Vec::new()) };
    let mut strings = Vec::new();
    let mut buf = Vec::new();
    let mut inner = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => {
                if strings.len() >= limits.strings {
                    return Err(Failure::TooLarge {
                        limit: Limit::Strings,
                        found: strings.len() as u64 + 1,
                        max: limits.strings as u64,
                    });
                }
                match rich_text(&mut xml, "si", &mut inner) {
                    Ok(text) => strings.push(text),
                    Err(PartError::Stop(f)) => return Err(f),
                    Err(PartError::Broken(reason)) => return Err(Failure::Unreadable(reason)),
                }
                if strings.len().is_multiple_of(4096) {
                    budget.time()?;
                }
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => strings.push(String::new()),
            Ok(Event::Eof) => break,
            Err(e) => return Err(Failure::Unreadable(format!("{part}: {e}"))),
            _ => {}
        }
    }
    Ok(strings)
}

/// How a cell style shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// As a number: with a fixed count of decimals (`0.00`, `#,##0`), or as General shows it.
    Plain(Option<u8>),
    /// A date or a time: the number is a serial day.
    Date,
    /// A percentage with as many decimals: the number is a fraction (0.9417 shows as 94,17 %).
    Percent(u8),
}

/// How each cell style (by index) shows numbers.
fn number_formats(archive: &mut Archive<'_>, part: &str) -> Vec<Shown> {
    let Some(mut xml) = open(archive, part) else { return Vec::new() };
    let mut custom: Vec<(String, Shown)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        custom.push((id.into_owned(), shown_by(&code)));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let id = attr(&e, "numFmtId").unwrap_or_default();
                    let shown = custom.iter().find(|(c, _)| *c == id).map_or_else(|| builtin(&id), |(_, s)| *s);
                    styles.push(shown);
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles
}

impl Shown {
    /// A number stored under this format where the format changes what the unit sees: a
    /// percentage's fraction, fixed decimals. None for General, and for a date (each reader
    /// counts its days its own way).
    pub(crate) fn formatted(self, n: f64) -> Option<Data> {
        match self {
            Shown::Percent(decimals) => Some(Data::Percent(n, decimals)),
            Shown::Plain(Some(decimals)) => Some(Data::Fixed(n, decimals)),
            Shown::Plain(None) | Shown::Date => None,
        }
    }
}

/// Excel's built-in formats: dates and times (14–22, 45–47, and the East Asian 27–36, 50–58),
/// percentages (9, 10).
pub(crate) fn builtin(id: &str) -> Shown {
    match id.parse::<u32>() {
        Ok(14..=22 | 27..=36 | 45..=47 | 50..=58) => Shown::Date,
        Ok(9) => Shown::Percent(0),
        Ok(10) => Shown::Percent(2),
        Ok(1 | 3 | 37 | 38) => Shown::Plain(Some(0)),
        Ok(2 | 4 | 39 | 40) => Shown::Plain(Some(2)),
        _ => Shown::Plain(None),
    }
}

/// How a custom number format shows a number, by its first section: a date or time for a `d`,
/// `m`, `y`, `h` or `s`, a percentage for a `%`, outside quotes, brackets and escapes; else a
/// number with as many decimals as digit places follow its point (`#,##0.00` two, `0` none), or
/// as General shows it where it has no digit place or shows an exponent.
pub(crate) fn shown_by(code: &str) -> Shown {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    let (mut places, mut decimals, mut point) = (false, 0u8, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            ';' => break,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return Shown::Date,
            '%' => return Shown::Percent(decimals),
            'e' | 'E' => return Shown::Plain(None),
            '.' => point = true,
            '0' | '#' | '?' => {
                places = true;
                decimals += u8::from(point);
            }
            _ => {}
        }
    }
    Shown::Plain(places.then_some(decimals))
}

struct Context<'a> {
    strings: &'a [String],
    formats: &'a [Shown],
    date1904: bool,
    /// The workbook asks to be recalculated when opened (`calcPr fullCalcOnLoad`): what
    /// programs that write formulas without calculating them say (XlsxWriter, openpyxl), so a
    /// formula's saved value (XlsxWriter's 0) is no value read.
    recalculate: bool,
}

/// `B12` → (11, 1).
pub(crate) fn position(reference: &str) -> Option<(u32, u32)> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = reference[..letters].bytes().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1));
    let row: u32 = reference[letters..].parse().ok()?;
    ((1..=1_048_576).contains(&row) && col <= 16_384).then(|| (row - 1, col - 1))
}

/// The ranges `<mergeCells>` lists after a worksheet's data (see [`Layout::merge`]). The schema
/// puts it right after the data and a few parts of its own; what follows (conditional formats,
/// validations, page setup), or XML that breaks off, is not read.
fn merged_cells<R: std::io::BufRead>(xml: &mut Reader<R>, buf: &mut Vec<u8>, layout: &mut Layout) {
    const BEFORE: [&str; 8] = [
        "sheetCalcPr",
        "sheetProtection",
        "protectedRanges",
        "scenarios",
        "autoFilter",
        "sortState",
        "dataConsolidate",
        "customSheetViews",
    ];
    // The depth below <worksheet>'s children: 0 between them.
    let mut depth = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "mergeCell" => {
                let range = attr(&e, "ref").and_then(|r| {
                    let (first, last) = r.split_once(':')?;
                    Some((position(first)?, position(last)?))
                });
                if let Some((first, last)) = range
                    && !layout.merge(first, last)
                {
                    break;
                }
            }
            Ok(Event::Start(e) | Event::Empty(e))
                if depth == 0
                    && !matches!(e.local_name().as_ref(), "mergeCells")
                    && !BEFORE.contains(&e.local_name().as_ref()) =>
            {
                break;
            }
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(e)) if e.local_name().as_ref() == "mergeCells" => break,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// A worksheet's filled cells: (row, column, value).
type Cells = Vec<(u32, u32, Data)>;

fn worksheet(
    archive: &mut Archive<'_>,
    part: &str,
    context: &Context<'_>,
    budget: &mut Budget,
) -> Result<(Cells, Layout), PartError> {
    let mut xml = open(archive, part).ok_or_else(|| PartError::Broken(format!("bagian {part} tidak ada")))?;
    let mut cells = Vec::new();
    let mut layout = Layout::default();
    let mut buf = Vec::new();
    let mut scratch = (Vec::new(), Vec::new(), String::new());
    let (mut row, mut col, mut row_hidden) = (None::<u32>, None::<u32>, false);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf)? {
            // Columns a `<col>` hides, one range each (at most one per column of a sheet).
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "col" && flag(&e, "hidden") && layout.hidden_cols.len() < 16_384 =>
            {
                let bound = |name: &str| attr(&e, name).and_then(|n| n.parse::<u32>().ok()).filter(|n| *n >= 1);
                if let (Some(first), Some(last)) = (bound("min"), bound("max")) {
                    layout.hidden_cols.push((first - 1, last.max(first) - 1));
                }
            }
            // The sheet's stated extent sizes the list once, not by doubling as cells come; at
            // most a quarter of a million cells, whatever a hostile file states.
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "dimension" => {
                cells.reserve(attr(&e, "ref").map_or(0, |extent| extent_cells(&extent)).min(1 << 18));
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                let given = attr(&e, "r").and_then(|r| r.parse::<u32>().ok()).filter(|r| (1..=1_048_576).contains(r));
                row = Some(given.map_or_else(|| row.map_or(0, |r| r + 1), |r| r - 1));
                col = None;
                row_hidden = flag(&e, "hidden");
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let cell = cell_attributes(&e)?;
                let at = cell_position(&cell, row, col)?;
                (row, col) = (Some(at.0), Some(at.1));
                let data = cell_value(&mut xml, &cell, context, &mut scratch)?;
                if data != Data::Empty {
                    budget.cell()?;
                    // A hidden row is kept once it holds a cell: as many as the cells, at most.
                    if row_hidden && layout.hidden_rows.last() != Some(&at.0) {
                        layout.hidden_rows.push(at.0);
                    }
                    cells.push((at.0, at.1, data));
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                let at = cell_position(&cell_attributes(&e)?, row, col)?;
                (row, col) = (Some(at.0), Some(at.1));
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                merged_cells(&mut xml, &mut buf, &mut layout);
                break;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((cells, layout))
}

/// How many cells an extent such as `A1:I5007` spans (none where it cannot be read).
fn extent_cells(extent: &str) -> usize {
    let (first, last) = extent.split_once(':').unwrap_or((extent, extent));
    match (position(first), position(last)) {
        (Some((r0, c0)), Some((r1, c1))) => (r1.abs_diff(r0) as usize + 1) * (c1.abs_diff(c0) as usize + 1),
        _ => 0,
    }
}

/// What a `<c>` element's attributes say: its place (`r`), style (`s`) and type (`t`), read in
/// one pass over them.
struct CellAttributes {
    reference: Option<(u32, u32)>,
    style: Option<usize>,
    kind: CellType,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CellType {
    Number,
    Shared,
    Bool,
    Error,
    Formula,
    Inline,
    Date,
}

fn cell_attributes(e: &BytesStart) -> Result<CellAttributes, PartError> {
    let mut cell = CellAttributes { reference: None, style: None, kind: CellType::Number };
    for attribute in e.attributes().flatten() {
        let value = attribute.value.as_ref();
        match attribute.key.local_name().as_ref() {
            "r" => {
                let place = position(value).ok_or_else(|| {
                    PartError::Broken(format!(
                        "alamat sel \"{}\" tidak sah",
                        value.chars().take(20).collect::<String>()
                    ))
                })?;
                cell.reference = Some(place);
            }
            "s" => cell.style = value.parse().ok(),
            "t" => {
                cell.kind = match value {
                    "s" => CellType::Shared,
                    "b" => CellType::Bool,
                    "e" => CellType::Error,
                    "str" => CellType::Formula,
                    "inlineStr" => CellType::Inline,
                    "d" => CellType::Date,
                    _ => CellType::Number,
                }
            }
            _ => {}
        }
    }
    Ok(cell)
}

/// A cell's place: its own reference, else the column after the previous cell of the row.
fn cell_position(cell: &CellAttributes, row: Option<u32>, col: Option<u32>) -> Result<(u32, u32), PartError> {
    match cell.reference {
        Some(place) => Ok(place),
        None => {
            let col = col.map_or(0, |c| c + 1);
            if col >= 16_384 {
                return Err(PartError::Broken("lebih dari 16.384 kolom".into()));
            }
            Ok((row.unwrap_or(0), col))
        }
    }
}

/// The value of the `<c>` element whose start the reader has just passed.
fn cell_value(
    xml: &mut Xml<'_, '_>,
    cell: &CellAttributes,
    context: &Context<'_>,
    (buf, inner, text): &mut (Vec<u8>, Vec<u8>, String),
) -> Result<Data, PartError> {
    // The `<v>` text goes to a buffer kept from cell to cell: most values are numbers and
    // string indexes, parsed from it without an allocation of their own.
    let (mut has_value, mut has_formula) = (false, false);
    let mut inline: Option<String> = None;
    loop {
        buf.clear();
        match xml.read_event_into(buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "v" => {
                    plain_text(xml, "v", inner, text)?;
                    has_value = true;
                }
                "is" => inline = Some(rich_text(xml, "is", inner)?),
                "f" => {
                    let name = e.name().as_ref().to_string();
                    xml.read_to_end_into(quick_xml::name::QName(&name), inner)?;
                    has_formula = true;
                }
                _ => {}
            },
            // A cell sharing the formula of another (`<f t="shared" si="0"/>`).
            Event::Empty(e) if e.local_name().as_ref() == "f" => has_formula = true,
            Event::End(e) if e.local_name().as_ref() == "c" => break,
            Event::Eof => return Err(PartError::Broken("sel terpotong".into())),
            _ => {}
        }
    }
    if cell.kind == CellType::Inline {
        return Ok(inline.map_or(Data::Empty, Data::String));
    }
    // A formula whose value was never calculated: none saved, a number saved empty, or, in a
    // workbook to be calculated again, anything saved but an error (which stands: the formula
    // has to be corrected either way).
    let empty_number = cell.kind == CellType::Number && text.trim().is_empty();
    if has_formula && (!has_value || empty_number || context.recalculate && cell.kind != CellType::Error) {
        return Ok(Data::Uncalculated);
    }
    if !has_value {
        return Ok(Data::Empty);
    }
    let value: &str = text;
    Ok(match cell.kind {
        CellType::Shared => {
            let index = value.trim().parse::<usize>().ok();
            match index.and_then(|i| context.strings.get(i)) {
                Some(text) => Data::String(text.clone()),
                None => {
                    return Err(PartError::Broken(format!(
                        "sel merujuk teks bersama nomor {} yang tidak ada",
                        value.chars().take(20).collect::<String>()
                    )));
                }
            }
        }
        CellType::Bool => Data::Bool(value.trim() == "1" || value.trim().eq_ignore_ascii_case("true")),
        CellType::Error => Data::Error(value.trim().chars().take(32).collect()),
        CellType::Formula | CellType::Inline => Data::String(value.to_string()),
        CellType::Date => Data::DateTimeIso(value.trim().chars().take(64).collect()),
        CellType::Number => match value.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => {
                match cell.style.and_then(|s| context.formats.get(s)).copied().unwrap_or(Shown::Plain(None)) {
                    Shown::Date => Data::DateTime(if context.date1904 { n + 1462.0 } else { n }),
                    shown => shown.formatted(n).unwrap_or(Data::Float(n)),
                }
            }
            // Beyond what a double holds (`1e999`): Excel would show #NUM!.
            Ok(_) => Data::Error("#NUM!".into()),
            _ if value.trim().is_empty() => Data::Empty,
            _ => Data::String(value.to_string()),
        },
    })
}

/// The text content of a simple element (`<v>`) into `text`, entities resolved, cut at Excel's
/// limit.
fn plain_text(xml: &mut Xml<'_, '_>, end: &str, buf: &mut Vec<u8>, text: &mut String) -> Result<(), PartError> {
    text.clear();
    loop {
        buf.clear();
        match xml.read_event_into(buf)? {
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => entity(&r, text),
            Event::End(e) if e.local_name().as_ref() == end => break,
            Event::Eof => return Err(PartError::Broken("nilai terpotong".into())),
            _ => {}
        }
    }
    tidy(text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Merged ranges are read where the schema puts them, past the parts before them, and
    /// nothing after them is read.
    #[test]
    fn merged_ranges_after_the_data() {
        let merged = |tail: &str| {
            let mut xml = Reader::from_reader(tail.as_bytes());
            let mut layout = Layout::default();
            merged_cells(&mut xml, &mut Vec::new(), &mut layout);
            layout.merged_down
        };
        let tail = r#"<sheetProtection sheet="1"/><protectedRanges><protectedRange sqref="A1"/></protectedRanges>
            <mergeCells count="2"><mergeCell ref="D11:D12"/><mergeCell ref="A1:F1"/></mergeCells>
            <pageMargins left="0.7"/></worksheet>"#;
        assert_eq!(merged(tail), [(3, 10, 11)]);
        // A part the schema puts after the merges: the merges are past, none is read.
        let after = r#"<conditionalFormatting sqref="A1"/><mergeCells><mergeCell ref="B2:B3"/></mergeCells>"#;
        assert_eq!(merged(after), []);
    }

    #[test]
    fn positions_and_paths() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(position("XFE1"), None);
        assert_eq!(position("A0"), None);
        assert_eq!(position("A99999999999"), None);
        assert_eq!(extent_cells("A1:I5007"), 9 * 5007);
        assert_eq!(extent_cells("B2"), 1);
        assert_eq!(extent_cells("A1:XFD1048576"), 16_384 * 1_048_576);
        assert_eq!(extent_cells("A1:"), 0);
        assert_eq!(resolve("xl", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/worksheets", "../sharedStrings.xml"), "xl/sharedStrings.xml");
    }

    #[test]
    fn date_formats_and_escapes() {
        assert_eq!(shown_by("d mmmm yyyy"), Shown::Date);
        assert_eq!(shown_by("[$-421]dd/mm/yyyy"), Shown::Date);
        assert_eq!(shown_by("#,##0.00"), Shown::Plain(Some(2)));
        assert_eq!(shown_by("0.00\" hari\""), Shown::Plain(Some(2)));
        assert_eq!(shown_by("[Red]0.00"), Shown::Plain(Some(2)));
        assert_eq!(shown_by("0.0;[Red]-0.0"), Shown::Plain(Some(1)));
        assert_eq!(shown_by("#,##0"), Shown::Plain(Some(0)));
        assert_eq!(shown_by("0.00E+00"), Shown::Plain(None));
        assert_eq!(shown_by("0.00%"), Shown::Percent(2));
        assert_eq!(shown_by("0%"), Shown::Percent(0));
        assert_eq!(shown_by("0.00\"%\""), Shown::Plain(Some(2)));
        assert_eq!(builtin("14"), Shown::Date);
        assert_eq!(builtin("10"), Shown::Percent(2));
        assert_eq!(builtin("2"), Shown::Plain(Some(2)));
        assert_eq!(builtin("0"), Shown::Plain(None));
        assert_eq!(decode_escapes("a_x000D_b_x_c".into()), "a\rb_x_c");
        let mut long = "é".repeat(40_000);
        tidy(&mut long);
        assert_eq!(long.chars().count(), crate::model::text::CELL_CHARACTERS);
    }
}
