//! A bounded reader for OpenDocument spreadsheets (.ods, as LibreOffice saves them): the number
//! styles that show percentages, fixed decimals and dates, which sheets, rows and columns are
//! hidden, the cells merged, and every sheet's cells, streamed from `content.xml` with counts
//! checked as they grow and the time budget checked as it goes.
//!
//! Why not calamine here: it gives a percentage as its bare fraction (100 % reads 1), knows
//! neither merged nor hidden cells in this format, and loops for ever on some malformed
//! content. This reader sees the workbook as the unit sees it, as [`super::xlsx`] does.

use super::Failure;
use super::package::{Archive, Budget};
use super::sheet::{Data, Layout, Sheet};
use super::xlsx::{Shown, Workbook, attr, entity, open};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::BufRead;

/// The rows and columns a sheet can hold (LibreOffice's, as Excel's).
const ROWS: u32 = 1_048_576;
const COLUMNS: u32 = 16_384;

/// Read the spreadsheet in a package already measured by [`super::package::inspect`].
///
/// # Errors
/// [`Failure::Encrypted`] for a document saved with a password; [`Failure::Unreadable`] when its
/// content is missing, malformed or cut short; [`Failure::TooLarge`] when a limit is reached.
pub fn read(mut archive: Archive<'_>, budget: &mut Budget) -> Result<Workbook, Failure> {
    if encrypted(&mut archive) {
        return Err(Failure::Encrypted);
    }
    let mut styles = Styles::default();
    // Styles named in `styles.xml` (a cell style "Persen") are there; the body's own are in
    // `content.xml`, read in the same pass as the cells.
    if let Some(mut xml) = open(&mut archive, "styles.xml") {
        let _ = read_styles(&mut xml, &mut styles, budget, &mut Vec::new());
    }
    let mut xml = open(&mut archive, "content.xml").ok_or_else(|| unreadable("bagian content.xml tidak ada"))?;
    content(&mut xml, &mut styles, budget)
}

/// Whether the manifest lists a part saved encrypted (a document with a password).
fn encrypted(archive: &mut Archive<'_>) -> bool {
    let Some(mut xml) = open(archive, "META-INF/manifest.xml") else { return false };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "encryption-data" => return true,
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

fn unreadable(what: &str) -> Failure {
    Failure::Unreadable(format!("content.xml: {what}"))
}

fn broken(e: quick_xml::Error) -> Failure {
    unreadable(&e.to_string())
}

/// What the styles say of cells and sheets, by style name.
#[derive(Default)]
struct Styles {
    /// How a number style shows its number.
    numbers: HashMap<String, Shown>,
    /// A cell style's number style and the style it inherits from.
    cells: HashMap<String, (Option<String>, Option<String>)>,
    /// Table styles that hide their sheet.
    hidden_tables: Vec<String>,
}

impl Styles {
    /// How a cell of style `name` shows a number, through the styles it inherits from.
    fn shown(&self, name: Option<&str>) -> Shown {
        let mut name = name;
        for _ in 0..8 {
            let Some((number, parent)) = name.and_then(|n| self.cells.get(n)) else { break };
            if let Some(shown) = number.as_deref().and_then(|n| self.numbers.get(n)) {
                return *shown;
            }
            name = parent.as_deref();
        }
        Shown::Plain(None)
    }
}

/// The style definitions up to the end of the element holding them (`office:styles`,
/// `office:automatic-styles`, or the whole of `styles.xml`).
fn read_styles<R: BufRead>(
    xml: &mut Reader<R>,
    styles: &mut Styles,
    budget: &Budget,
    buf: &mut Vec<u8>,
) -> Result<(), Failure> {
    // The number style being read: its name, what it shows, and its decimals once given.
    let mut number: Option<(String, Shown)> = None;
    let mut table_style: Option<String> = None;
    let mut depth = 0usize;
    let mut events = 0usize;
    loop {
        buf.clear();
        let event = xml.read_event_into(buf).map_err(broken)?;
        events += 1;
        if events.is_multiple_of(4096) {
            budget.time()?;
        }
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    "number-style" | "currency-style" | "percentage-style" | "date-style" | "time-style" => {
                        let shown = match local.as_ref() {
                            "percentage-style" => Shown::Percent(0),
                            "date-style" | "time-style" => Shown::Date,
                            _ => Shown::Plain(None),
                        };
                        if let Some(name) = attr(e, "name") {
                            number = Some((name.into_owned(), shown));
                        }
                    }
                    // The number's own part of its style: how many decimals it shows.
                    "number" => {
                        let decimals = attr(e, "decimal-places").and_then(|d| d.parse::<u8>().ok());
                        if let (Some((_, shown)), Some(decimals)) = (number.as_mut(), decimals) {
                            *shown = match shown {
                                Shown::Percent(_) => Shown::Percent(decimals),
                                _ => Shown::Plain(Some(decimals)),
                            };
                        }
                    }
                    "style" => {
                        let name = attr(e, "name").map(|n| n.into_owned());
                        match attr(e, "family").as_deref() {
                            Some("table-cell") => {
                                if let Some(name) = name {
                                    let data = attr(e, "data-style-name").map(|n| n.into_owned());
                                    let parent = attr(e, "parent-style-name").map(|n| n.into_owned());
                                    styles.cells.insert(name, (data, parent));
                                }
                            }
                            Some("table") => table_style = name,
                            _ => {}
                        }
                    }
                    "table-properties" if attr(e, "display").as_deref() == Some("false") => {
                        styles.hidden_tables.extend(table_style.clone());
                    }
                    _ => {}
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(e) => {
                if matches!(
                    e.local_name().as_ref(),
                    "number-style" | "currency-style" | "percentage-style" | "date-style" | "time-style"
                ) && let Some((name, shown)) = number.take()
                {
                    styles.numbers.insert(name, shown);
                }
                if e.local_name().as_ref() == "style" {
                    table_style = None;
                }
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
            }
            Event::Eof if depth == 0 => return Ok(()),
            Event::Eof => return Err(unreadable("terpotong")),
            _ => {}
        }
    }
}

/// The sheet being read: its cells and layout, the row and column the reader stands at, and the
/// default cell style of each column.
struct Table {
    name: String,
    hidden: bool,
    cells: Vec<(u32, u32, Data)>,
    layout: Layout,
    row: u32,
    columns: Vec<(u32, u32, String)>,
    /// Whether more merged ranges are kept (see [`Layout::merge`]).
    merging: bool,
}

impl Table {
    /// The default style of column `col` (the columns are in order, one range each).
    fn column_style(&self, col: u32) -> Option<&str> {
        let after = self.columns.partition_point(|(first, _, _)| *first <= col);
        let (_, last, style) = self.columns.get(after.checked_sub(1)?)?;
        (col <= *last).then_some(style.as_str())
    }
}

/// The body of `content.xml`: its automatic styles, then each `table:table` as a sheet.
fn content<R: BufRead>(xml: &mut Reader<R>, styles: &mut Styles, budget: &mut Budget) -> Result<Workbook, Failure> {
    let mut book = Workbook::default();
    let (mut buf, mut text) = (Vec::new(), String::new());
    let mut table: Option<Table> = None;
    let mut column = 0u32;
    // The row being read: its cells, how often it repeats, whether hidden, its default style.
    let mut row_cells: Vec<(u32, Data)> = Vec::new();
    let (mut row_repeat, mut row_hidden, mut row_style) = (1u32, false, None::<String>);
    let mut depth = 0usize;
    let mut events = 0usize;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(broken)?;
        events += 1;
        if events.is_multiple_of(4096) {
            budget.time()?;
        }
        match &event {
            Event::Start(e) if matches!(e.local_name().as_ref(), "automatic-styles" | "styles") => {
                read_styles(xml, styles, budget, &mut Vec::new())?;
            }
            Event::Start(e) if e.local_name().as_ref() == "table" => {
                depth += 1;
                let name =
                    attr(e, "name").map_or_else(|| format!("Sheet{}", book.sheets.len() + 1), |n| n.into_owned());
                let hidden = attr(e, "style-name").is_some_and(|s| styles.hidden_tables.iter().any(|h| *h == s));
                let layout = Layout::default();
                table =
                    Some(Table { name, hidden, cells: Vec::new(), layout, row: 0, columns: Vec::new(), merging: true });
                column = 0;
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "table-column" => {
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
                if let Some(table) = table.as_mut() {
                    let repeat = repeated(e, "number-columns-repeated");
                    let last = column.saturating_add(repeat - 1).min(COLUMNS - 1);
                    if column < COLUMNS {
                        if attr(e, "visibility").is_some_and(|v| v != "visible")
                            && table.layout.hidden_cols.len() < 16_384
                        {
                            table.layout.hidden_cols.push((column, last));
                        }
                        if let Some(style) = attr(e, "default-cell-style-name") {
                            table.columns.push((column, last, style.into_owned()));
                        }
                    }
                    column = column.saturating_add(repeat);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "table-row" => {
                row_cells.clear();
                row_repeat = repeated(e, "number-rows-repeated");
                row_hidden = attr(e, "visibility").is_some_and(|v| v != "visible");
                row_style = attr(e, "default-cell-style-name").map(|s| s.into_owned());
                column = 0;
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                } else if let Some(table) = table.as_mut() {
                    table.row = table.row.saturating_add(row_repeat);
                }
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(e.local_name().as_ref(), "table-cell" | "covered-table-cell") =>
            {
                let repeat = repeated(e, "number-columns-repeated");
                let covered = e.local_name().as_ref() == "covered-table-cell";
                let has_content = matches!(event, Event::Start(_));
                let Some(table) = table.as_mut() else {
                    if has_content {
                        skip(xml, &mut Vec::new())?;
                    }
                    continue;
                };
                if has_content {
                    cell_text(xml, &mut text, budget)?;
                } else {
                    text.clear();
                }
                if !covered && column < COLUMNS && table.row < ROWS {
                    let own = attr(e, "style-name");
                    let style = own.as_deref().or(row_style.as_deref()).or_else(|| table.column_style(column));
                    let data = value(e, &text, styles.shown(style));
                    let (rows, cols) = (repeated(e, "number-rows-spanned"), repeated(e, "number-columns-spanned"));
                    if (rows > 1 || cols > 1) && table.merging {
                        let last = (table.row.saturating_add(rows - 1), column.saturating_add(cols - 1));
                        table.merging = table.layout.merge((table.row, column), last);
                    }
                    if data != Data::Empty {
                        for at in column..column.saturating_add(repeat).min(COLUMNS) {
                            budget.cell()?;
                            row_cells.push((at, data.clone()));
                        }
                    }
                }
                column = column.saturating_add(repeat);
            }
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                depth = depth.saturating_sub(1);
                if let Some(table) = table.as_mut() {
                    for row in table.row..table.row.saturating_add(row_repeat).min(ROWS) {
                        if !row_cells.is_empty() && row_hidden {
                            table.layout.hidden_rows.push(row);
                        }
                        for (col, data) in &row_cells {
                            // A repeated row's cells are counted again: each is a cell of the sheet.
                            if row > table.row {
                                budget.cell()?;
                            }
                            table.cells.push((row, *col, data.clone()));
                        }
                    }
                    table.row = table.row.saturating_add(row_repeat);
                }
                row_cells.clear();
            }
            Event::End(e) if e.local_name().as_ref() == "table" => {
                depth = depth.saturating_sub(1);
                if let Some(Table { name, hidden, cells, layout, .. }) = table.take() {
                    let name = crate::model::text::sheet_name(&name);
                    book.sheets.push(Sheet::new(name, hidden, cells).with_layout(layout));
                }
            }
            // What a sheet holds besides its cells (shapes, named ranges, filters): not read.
            Event::Start(e) if table.is_some() && !is_table_structure(e.local_name().as_ref()) => {
                skip(xml, &mut Vec::new())?;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof if depth == 0 && table.is_none() => return Ok(book),
            Event::Eof => return Err(unreadable(&format!("terpotong ({} elemen tidak ditutup)", depth.max(1)))),
            _ => {}
        }
    }
}

/// The elements that group a sheet's rows and columns.
fn is_table_structure(name: &str) -> bool {
    matches!(
        name,
        "table-rows"
            | "table-row-group"
            | "table-header-rows"
            | "table-columns"
            | "table-column-group"
            | "table-header-columns"
    )
}

/// How often a row or column repeats, or how many a cell spans: at least 1.
fn repeated(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name).and_then(|n| n.trim().parse::<u32>().ok()).filter(|n| *n >= 1).unwrap_or(1)
}

/// Skip the element whose start the reader has just passed, whatever it holds.
fn skip<R: BufRead>(xml: &mut Reader<R>, buf: &mut Vec<u8>) -> Result<(), Failure> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(buf).map_err(broken)? {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return Ok(()),
            Event::End(_) => depth -= 1,
            Event::Eof => return Err(unreadable("terpotong")),
            _ => {}
        }
    }
}

/// The text a cell shows: its paragraphs on lines of their own, `text:s` as spaces, tabs and
/// line breaks as typed; comments (`office:annotation`) left out.
fn cell_text<R: BufRead>(xml: &mut Reader<R>, text: &mut String, budget: &Budget) -> Result<(), Failure> {
    text.clear();
    let mut buf = Vec::new();
    let (mut depth, mut paragraphs) = (0usize, 0usize);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(broken)? {
            Event::Start(e) if e.local_name().as_ref() == "annotation" => skip(xml, &mut Vec::new())?,
            Event::Start(e) => {
                if e.local_name().as_ref() == "p" {
                    if paragraphs > 0 {
                        text.push('\n');
                    }
                    paragraphs += 1;
                }
                depth += 1;
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "s" => {
                    let spaces = attr(&e, "c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
                    text.extend(std::iter::repeat_n(' ', spaces.min(crate::model::text::CELL_CHARACTERS)));
                }
                "tab" => text.push('\t'),
                "line-break" => text.push('\n'),
                "p" if paragraphs > 0 => {
                    text.push('\n');
                    paragraphs += 1;
                }
                "p" => paragraphs += 1,
                _ => {}
            },
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => entity(&r, text),
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Eof => return Err(unreadable("sel terpotong")),
            _ => {}
        }
        if text.len() > 4 * crate::model::text::CELL_CHARACTERS {
            // Past what a cell holds: the rest is cut anyway. Skipped to the cell's end, through
            // the elements open inside it.
            budget.time()?;
            for _ in 0..=depth {
                skip(xml, &mut buf)?;
            }
            break;
        }
    }
    crate::model::text::tidy_cell(text);
    Ok(())
}

/// A cell's value from its attributes and the text it shows, under the number style of its
/// cell style.
fn value(e: &BytesStart<'_>, text: &str, shown: Shown) -> Data {
    let number = || attr(e, "value").and_then(|v| v.trim().parse::<f64>().ok()).filter(|n| n.is_finite());
    let formula = attr(e, "formula").is_some();
    // LibreOffice marks a formula's error value apart from the text it shows.
    if value_type(e, "calcext:value-type").as_deref() == Some("error") {
        return Data::Error(text.trim().chars().take(32).collect());
    }
    match value_type(e, "office:value-type").as_deref() {
        Some("float" | "currency") => match number() {
            Some(n) => shown.formatted(n).unwrap_or(Data::Float(n)),
            None if formula => Data::Uncalculated,
            None => Data::Empty,
        },
        Some("percentage") => match (number(), shown) {
            (Some(n), Shown::Percent(decimals)) => Data::Percent(n, decimals),
            (Some(n), _) => Data::Percent(n, shown_decimals(text)),
            (None, _) if formula => Data::Uncalculated,
            (None, _) => Data::Empty,
        },
        Some("date") => {
            attr(e, "date-value").map_or(Data::Empty, |d| Data::DateTimeIso(d.trim().chars().take(64).collect()))
        }
        Some("time") => {
            attr(e, "time-value").map_or(Data::Empty, |d| Data::DateTimeIso(d.trim().chars().take(64).collect()))
        }
        Some("boolean") => Data::Bool(attr(e, "boolean-value").is_some_and(|b| b.trim() == "true")),
        Some(_) => {
            let given = attr(e, "string-value");
            let shown = given.as_deref().unwrap_or(text);
            if shown.is_empty() { Data::Empty } else { Data::String(shown.to_string()) }
        }
        // A formula saved without its value, by a program that does not calculate.
        None if formula => Data::Uncalculated,
        None if text.is_empty() => Data::Empty,
        None => Data::String(text.to_string()),
    }
}

/// A value type attribute by its qualified name: ODF's own (`office:`) and LibreOffice's
/// (`calcext:`) differ for error values.
fn value_type(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let found = e.attributes().flatten().find(|a| a.key.as_ref() == name)?;
    Some(found.value.into_owned())
}

/// The decimals a percentage shows in its text (`94,17%` two): for a percentage whose style
/// is not given.
fn shown_decimals(text: &str) -> u8 {
    let digits = text.trim().trim_end_matches('%').trim_end();
    let after = digits.rfind([',', '.']).map_or(0, |at| digits.len() - at - 1);
    u8::try_from(after).unwrap_or(0).min(15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Limits;
    use std::time::Instant;

    const STYLES: &str = r#"<office:automatic-styles>
        <number:percentage-style style:name="N11"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
        <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
        <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N11"/>
        <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
        <style:style style:name="ce3" style:family="table-cell" style:parent-style-name="ce1"/>
        <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
        </office:automatic-styles>"#;

    fn sheets(body: &str) -> Result<Workbook, Failure> {
        let xml = format!(
            "<office:document-content xmlns:office=\"o\" xmlns:table=\"t\" xmlns:text=\"x\" xmlns:style=\"s\" \
             xmlns:number=\"n\" xmlns:calcext=\"c\">{STYLES}<office:body><office:spreadsheet>{body}\
             </office:spreadsheet></office:body></office:document-content>"
        );
        let mut budget = Budget::new(&Limits::default(), Instant::now());
        content(&mut Reader::from_reader(xml.as_bytes()), &mut Styles::default(), &mut budget)
    }

    fn cells(sheet: &Sheet) -> Vec<(u32, u32, Data)> {
        sheet.rows().flat_map(|r| sheet.cells_in_row(r).map(move |(c, d)| (r, c, d.clone()))).collect()
    }

    /// Numbers as the unit sees them: a percentage with its decimals (through an inherited style
    /// too), fixed decimals, a date; text as typed, comments left out.
    #[test]
    fn values_as_shown() {
        let book = sheets(
            r#"<table:table table:name="Tabel 3.2">
            <table:table-row>
              <table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="0.9417"><text:p>94,17%</text:p></table:table-cell>
              <table:table-cell table:style-name="ce3" office:value-type="percentage" office:value="1"><text:p>100,00%</text:p></table:table-cell>
              <table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50,0%</text:p></table:table-cell>
              <table:table-cell table:style-name="ce2" office:value-type="float" office:value="56.5"><text:p>56,50</text:p></table:table-cell>
              <table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>
              <table:table-cell office:value-type="date" office:date-value="2024-07-03"><text:p>03/07/24</text:p></table:table-cell>
            </table:table-row>
            <table:table-row>
              <table:table-cell office:value-type="string"><text:p>SS.<text:s/>1<text:s text:c="2"/>Terwujudnya</text:p><text:p>baris <text:span>dua</text:span><text:line-break/>tiga</text:p><office:annotation><text:p>catatan</text:p></office:annotation></table:table-cell>
              <table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
              <table:table-cell table:formula="of:=[.A1]*2"/>
              <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
            </table:table-row>
            </table:table>"#,
        )
        .unwrap_or_else(|_| panic!("read"));
        let sheet = &book.sheets[0];
        assert_eq!(&*sheet.name, "Tabel 3.2");
        assert_eq!(
            cells(sheet),
            [
                (0, 0, Data::Percent(0.9417, 2)),
                (0, 1, Data::Percent(1.0, 2)),
                (0, 2, Data::Percent(0.5, 1)),
                (0, 3, Data::Fixed(56.5, 2)),
                (0, 4, Data::Float(3.0)),
                (0, 5, Data::DateTimeIso("2024-07-03".into())),
                (1, 0, Data::String("SS. 1  Terwujudnya\nbaris dua\ntiga".into())),
                (1, 1, Data::Error("#DIV/0!".into())),
                (1, 2, Data::Uncalculated),
                (1, 3, Data::Bool(true)),
            ]
        );
    }

    /// Repeated rows and columns, covered cells, spans, hidden rows, columns and sheets, and the
    /// default style a column gives its cells.
    #[test]
    fn layout_as_shown() {
        let book = sheets(
            r#"<table:table table:name="Rekap" table:style-name="ta2">
            <table:table-column table:number-columns-repeated="2"/>
            <table:table-column table:visibility="collapse" table:default-cell-style-name="ce1"/>
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>
            <table:table-row-group><table:table-row table:visibility="collapse">
              <table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
              <table:table-cell office:value-type="percentage" office:value="0.95"><text:p>95%</text:p></table:table-cell>
            </table:table-row></table:table-row-group>
            <table:table-row>
              <table:table-cell table:number-rows-spanned="2" office:value-type="float" office:value="100"><text:p>100</text:p></table:table-cell>
              <table:covered-table-cell table:number-columns-repeated="2"/>
            </table:table-row>
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>
            </table:table>"#,
        )
        .unwrap_or_else(|_| panic!("read"));
        let sheet = &book.sheets[0];
        assert!(sheet.hidden);
        assert_eq!(
            cells(sheet),
            [
                (2, 0, Data::Float(7.0)),
                (2, 1, Data::Float(7.0)),
                (2, 2, Data::Percent(0.95, 2)),
                (3, 0, Data::Float(100.0))
            ]
        );
        assert_eq!(sheet.hidden_rows(0, 10).collect::<Vec<_>>(), [2]);
        assert!(sheet.col_hidden(2) && !sheet.col_hidden(1));
        assert_eq!(sheet.merged_from(4, 0), Some(3));
    }

    /// A cell's text past what a cell holds is cut, and the reader goes on after the cell: the
    /// next cell in its column, and content cut short after it still refused.
    #[test]
    fn a_cell_too_long_is_cut_and_reading_goes_on() {
        let spaces = r#"<text:s text:c="40000"/>"#.repeat(5);
        let row = format!(
            r#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>{spaces}x</text:p><text:p>lagi</text:p></table:table-cell>
            <table:table-cell office:value-type="float" office:value="5"/></table:table-row></table:table>"#
        );
        let book = sheets(&row).unwrap_or_else(|_| panic!("read"));
        assert_eq!(cells(&book.sheets[0]).get(1), Some(&(0, 1, Data::Float(5.0))));
        let cut = format!(
            "<office:document-content><office:body><office:spreadsheet>{row}</office:spreadsheet></office:body>"
        );
        let mut budget = Budget::new(&Limits::default(), Instant::now());
        let read = content(&mut Reader::from_reader(cut.as_bytes()), &mut Styles::default(), &mut budget);
        assert!(matches!(read, Err(Failure::Unreadable(_))));
    }

    /// Content cut short, or a row repeated into more cells than allowed: refused, not read in part.
    #[test]
    fn cut_or_too_many() {
        let cut =
            "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"A\"><table:table-row>";
        let mut budget = Budget::new(&Limits::default(), Instant::now());
        let read = content(&mut Reader::from_reader(cut.as_bytes()), &mut Styles::default(), &mut budget);
        assert!(matches!(read, Err(Failure::Unreadable(_))));
        let bomb = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576">
            <table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>
            </table:table-row></table:table>"#;
        assert!(matches!(sheets(bomb), Err(Failure::TooLarge { .. })));
    }
}
