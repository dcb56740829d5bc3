//! The unit's own .xlsx package, marked: every part kept as the unit sent it (sheets, formats,
//! merges, widths, validation, protection, hidden state), but for the cells with findings, whose
//! style gains a fill by severity (error red, warning amber) and a note with the messages, and two
//! sheets added at the end: *Hasil kinerja* and *Temuan*. Only the parts that change are
//! rewritten; every other part is copied byte for byte.

use crate::ingest::package::Archive;
use crate::ingest::xlsx::{WorkbookPart, main_part, position, relationships, workbook};
use quick_xml::escape::escape;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};
use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read, Write};

/// How a marked cell is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fill {
    None,
    Warning,
    Error,
}

/// What goes on one cell: its fill (the most severe finding's) and its note's lines.
#[derive(Debug, Clone, Default)]
pub struct Mark {
    pub fill: Option<Fill>,
    pub lines: Vec<String>,
}

/// A sheet kinerja adds: its name, column widths, rows of cells, internal links (cell → target).
pub struct Added {
    pub name: String,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
}

impl Added {
    /// The height of row `r`, in points: as tall as its longest text wrapped between words
    /// (viewers keep the height a row has); the header two lines.
    pub fn height(&self, r: usize) -> f64 {
        use crate::model::text::{LINE_HEIGHT, wrapped_height};
        if r == 0 {
            return 2.0 * LINE_HEIGHT;
        }
        let wrapped = self.rows[r].iter().zip(&self.widths).map(|(cell, width)| match cell {
            Cell::Text(t) | Cell::Link(t, _) => wrapped_height(t, *width as usize),
            _ => LINE_HEIGHT,
        });
        wrapped.fold(LINE_HEIGHT, f64::max)
    }
}

/// A cell of an added sheet.
pub enum Cell {
    Header(String),
    Text(String),
    Number(f64),
    /// Text linking to a place in the workbook (`'Tabel 3.1'!D11`).
    Link(String, String),
    Empty,
}

const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const COMMENTS_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";

fn read_part(archive: &mut Archive<'_>, name: &str) -> Result<String, String> {
    let mut part = archive.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut text = String::new();
    part.read_to_string(&mut text).map_err(|e| format!("{name}: {e}"))?;
    Ok(text)
}

/// Insert `what` before the first `marker` in `text`.
fn insert_before(text: &mut String, marker: &str, what: &str) -> Result<(), String> {
    let at = text.find(marker).ok_or_else(|| format!("no {marker}"))?;
    text.insert_str(at, what);
    Ok(())
}

/// The styles part, extended: fills for warnings, errors and headers, a bold font, and a copy of
/// every cell style a marked cell had with the fill of its mark. In a copy kinerja marked before,
/// a cell style filled by that marking (a warning's or an error's fill over its cell style's own)
/// has a copy without it, so that a cell the unit has corrected shows no old mark.
struct Styles {
    xml: String,
    xfs: Vec<String>,
    added: Vec<String>,
    fills: (usize, usize, usize),
    copies: HashMap<(u32, Fill), u32>,
    bold: usize,
    /// The fills an earlier marking added (none unless the copy was marked before).
    marking_fills: Vec<u32>,
    /// The fill of each cell style (`cellStyleXfs`) a cell's format builds on.
    style_fills: Vec<u32>,
    unmarked: HashMap<u32, u32>,
}

/// How a note on a claim opens: kinerja's recomputation of it follows.
pub const COMPUTED: &str = "kinerja menghitung: ";

/// The fill colours of a cell with a warning and with an error (RGB).
const WARNING_RGB: &str = "FFEB9C";
const ERROR_RGB: &str = "FFC7CE";

/// The value of `attribute` in an element's opening `tag`.
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    tag.split(&format!(" {attribute}=\"")).nth(1)?.split('"').next()
}

/// The element body between `<name ...>` and `</name>`, and where the body starts and ends.
fn section<'a>(xml: &'a str, name: &str) -> Option<(usize, usize, &'a str)> {
    let open = xml.find(&format!("<{name}"))?;
    let body = open + xml[open..].find('>')? + 1;
    let end = body + xml[body..].find(&format!("</{name}>"))?;
    Some((body, end, &xml[body..end]))
}

/// The child elements `<child .../>` or `<child ...>…</child>` of a section body, in order.
fn children(body: &str, child: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = body;
    let open = format!("<{child}");
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let tag_end = at + rest[at..].find('>').unwrap_or(rest.len() - at - 1) + 1;
        let end = if rest[..tag_end].ends_with("/>") {
            tag_end
        } else {
            let close = format!("</{child}>");
            rest[tag_end..].find(&close).map_or(tag_end, |c| tag_end + c + close.len())
        };
        found.push(rest[at..end].to_string());
        rest = &rest[end..];
    }
    found
}

/// `tag` with `attribute` set to `value` (replaced, or added after the element name).
fn with_attribute(tag: &str, name: &str, attribute: &str, value: &str) -> String {
    let key = format!(" {attribute}=\"");
    if let Some(at) = tag.find(&key) {
        let start = at + key.len();
        let end = start + tag[start..].find('"').unwrap_or(0);
        format!("{}{value}{}", &tag[..start], &tag[end..])
    } else {
        let insert = 1 + name.len();
        format!("{} {attribute}=\"{value}\"{}", &tag[..insert], &tag[insert..])
    }
}

impl Styles {
    /// The styles part `xml`; `marked_before` where the copy is one kinerja marked before.
    fn new(mut xml: String, marked_before: bool) -> Result<Styles, String> {
        let solid = |rgb: &str| {
            format!(
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF{rgb}\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            )
        };
        let (_, _, fills) = section(&xml, "fills").ok_or("no fills")?;
        let fills = children(fills, "fill");
        let marking = |fill: &String| {
            let fill = fill.to_ascii_uppercase();
            fill.contains("PATTERNTYPE=\"SOLID\"")
                && [WARNING_RGB, ERROR_RGB].iter().any(|rgb| fill.contains(&format!("RGB=\"FF{rgb}\"")))
        };
        let marking_fills =
            fills.iter().enumerate().filter(|(_, f)| marked_before && marking(f)).map(|(i, _)| i as u32).collect();
        let fill_of = |xf: &String| attribute(xf, "fillId").and_then(|v| v.parse().ok()).unwrap_or(0);
        let style_fills =
            section(&xml, "cellStyleXfs").map(|(_, _, body)| children(body, "xf").iter().map(fill_of).collect());
        let base = fills.len();
        insert_before(&mut xml, "</fills>", &(solid(WARNING_RGB) + &solid(ERROR_RGB) + &solid("DDEBF7")))?;
        xml = recount(&xml, "fills", base + 3);
        let (_, _, fonts) = section(&xml, "fonts").ok_or("no fonts")?;
        let bold = children(fonts, "font").len();
        insert_before(
            &mut xml,
            "</fonts>",
            "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        )?;
        xml = recount(&xml, "fonts", bold + 1);
        let (_, _, cell_xfs) = section(&xml, "cellXfs").ok_or("no cellXfs")?;
        let xfs = children(cell_xfs, "xf");
        Ok(Styles {
            xml,
            xfs,
            added: Vec::new(),
            fills: (base, base + 1, base + 2),
            copies: HashMap::new(),
            bold,
            marking_fills,
            style_fills: style_fills.unwrap_or_default(),
            unmarked: HashMap::new(),
        })
    }

    /// Cell style `s` without an earlier marking's fill: the fill of the cell style it builds on.
    fn unmarked(&mut self, s: u32) -> u32 {
        if self.marking_fills.is_empty() {
            return s;
        }
        if let Some(&unmarked) = self.unmarked.get(&s) {
            return unmarked;
        }
        let Some(xf) = self.xfs.get(s as usize) else { return s };
        let number = |name: &str| attribute(xf, name).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        let (fill, own) = (number("fillId"), self.style_fills.get(number("xfId") as usize).copied().unwrap_or(0));
        let unmarked = if self.marking_fills.contains(&fill) && fill != own {
            let tag_end = xf.find('>').unwrap_or(xf.len() - 1) + 1;
            let (tag, rest) = xf.split_at(tag_end);
            let tag = with_attribute(tag, "xf", "fillId", &own.to_string());
            self.add(format!("{tag}{rest}"))
        } else {
            s
        };
        self.unmarked.insert(s, unmarked);
        unmarked
    }

    fn add(&mut self, xf: String) -> u32 {
        self.added.push(xf);
        (self.xfs.len() + self.added.len() - 1) as u32
    }

    /// The style of a cell that had style `s`, filled for `fill` (an earlier marking's fill
    /// taken off first).
    fn marked(&mut self, s: u32, fill: Fill) -> u32 {
        let s = self.unmarked(s);
        if fill == Fill::None {
            return s;
        }
        if let Some(&copy) = self.copies.get(&(s, fill)) {
            return copy;
        }
        let original =
            self.xfs.get(s as usize).cloned().unwrap_or_else(|| {
                "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>".to_string()
            });
        let id = if fill == Fill::Error { self.fills.1 } else { self.fills.0 };
        let tag_end = original.find('>').unwrap_or(original.len() - 1) + 1;
        let (tag, rest) = original.split_at(tag_end);
        let tag = with_attribute(&with_attribute(tag, "xf", "fillId", &id.to_string()), "xf", "applyFill", "1");
        let copy = self.add(format!("{tag}{rest}"));
        self.copies.insert((s, fill), copy);
        copy
    }

    fn finish(mut self) -> Result<String, String> {
        let total = self.xfs.len() + self.added.len();
        insert_before(&mut self.xml, "</cellXfs>", &self.added.concat())?;
        Ok(recount(&self.xml, "cellXfs", total))
    }
}

/// `<name count="…">` set to `count`.
fn recount(xml: &str, name: &str, count: usize) -> String {
    let Some(open) = xml.find(&format!("<{name}")) else { return xml.to_string() };
    let tag_end = open + xml[open..].find('>').unwrap_or(0);
    let tag = &xml[open..tag_end];
    let tag =
        if tag.contains(" count=\"") { with_attribute(tag, name, "count", &count.to_string()) } else { tag.into() };
    format!("{}{tag}{}", &xml[..open], &xml[tag_end..])
}

fn a1(row: u32, col: u32) -> String {
    crate::model::CellRef::new(&"".into(), row, col).a1()
}

/// A sheet part with the marked cells' styles changed (cells that were not written are added,
/// in order) and, when `notes` is given, a `legacyDrawing` pointing to it.
fn mark_sheet(
    xml: &str,
    marks: &BTreeMap<(u32, u32), Mark>,
    styles: &mut Styles,
    notes: Option<&str>,
) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new(Cursor::new(Vec::new()));
    let fail = |e: std::io::Error| e.to_string();
    let mut pending: BTreeMap<u32, BTreeMap<u32, Fill>> = BTreeMap::new();
    for ((row, col), mark) in marks {
        pending.entry(*row).or_default().insert(*col, mark.fill.unwrap_or(Fill::None));
    }
    let (mut depth, mut row, mut col, mut in_row) = (0usize, 0u32, 0u32, BTreeMap::<u32, Fill>::new());
    let mut note_written = notes.is_none();
    let after_legacy = [
        "legacyDrawingHF",
        "drawingHF",
        "picture",
        "oleObjects",
        "controls",
        "webPublishItems",
        "tableParts",
        "extLst",
    ];
    let empty_cell = |styles: &mut Styles, r: u32, c: u32, fill: Fill| {
        let s = styles.marked(0, fill);
        Event::Empty(BytesStart::new("c").with_attributes([("r", a1(r, c).as_str()), ("s", s.to_string().as_str())]))
    };
    let write_rows =
        |writer: &mut Writer<Cursor<Vec<u8>>>, styles: &mut Styles, rows: BTreeMap<u32, BTreeMap<u32, Fill>>| {
            for (r, cells) in rows {
                writer.write_event(Event::Start(
                    BytesStart::new("row").with_attributes([("r", (r + 1).to_string().as_str())]),
                ))?;
                for (c, fill) in cells {
                    writer.write_event(empty_cell(styles, r, c, fill))?;
                }
                writer.write_event(Event::End(BytesEnd::new("row")))?;
            }
            Ok::<(), std::io::Error>(())
        };
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let name = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.local_name().as_ref().to_string()),
            Event::End(e) => Some(e.local_name().as_ref().to_string()),
            _ => None,
        };
        let name = name.as_deref().unwrap_or("");
        // The depth of the element's parent: 1 for the children of <worksheet>.
        let level = match &event {
            Event::Start(_) => {
                depth += 1;
                depth - 1
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                depth
            }
            _ => depth,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) if name == "row" => {
                let r = number_attribute(e, "r").map_or(row, |r| r - 1);
                let before: BTreeMap<u32, BTreeMap<u32, Fill>> =
                    pending.range(..r).map(|(k, v)| (*k, v.clone())).collect();
                before.keys().for_each(|k| {
                    pending.remove(k);
                });
                write_rows(&mut writer, styles, before).map_err(fail)?;
                row = r;
                col = 0;
                in_row = pending.remove(&r).unwrap_or_default();
                // A cell filled for a warning or an error the unit could not see: its hidden row
                // is shown (information alone leaves it as the unit kept it).
                let e = if in_row.values().any(|f| *f != Fill::None) { shown(e) } else { e.to_owned() };
                let end = BytesEnd::new(e.name().as_ref().to_string());
                if matches!(event, Event::Empty(_)) && !in_row.is_empty() {
                    writer.write_event(Event::Start(e)).map_err(fail)?;
                    for (c, fill) in std::mem::take(&mut in_row) {
                        writer.write_event(empty_cell(styles, r, c, fill)).map_err(fail)?;
                    }
                    writer.write_event(Event::End(end)).map_err(fail)?;
                    continue;
                }
                writer.write_event(same_kind(&event, e)).map_err(fail)?;
                continue;
            }
            Event::Start(e) | Event::Empty(e) if name == "col" => {
                let bound = |key: &str| number_attribute(e, key).unwrap_or(0).saturating_sub(1);
                let (first, last) = (bound("min"), bound("max"));
                let filled = |m: &Mark| m.fill.is_some_and(|f| f != Fill::None);
                if marks.iter().any(|((_, c), m)| (first..=last).contains(c) && filled(m)) {
                    writer.write_event(same_kind(&event, shown(e))).map_err(fail)?;
                    continue;
                }
            }
            Event::Start(e) | Event::Empty(e) if name == "c" => {
                let at =
                    e.try_get_attribute("r").ok().flatten().and_then(|a| position(&a.value)).map_or(col, |(_, c)| c);
                let earlier: Vec<(u32, Fill)> = in_row.range(..at).map(|(c, f)| (*c, *f)).collect();
                for (c, fill) in earlier {
                    in_row.remove(&c);
                    writer.write_event(empty_cell(styles, row, c, fill)).map_err(fail)?;
                }
                col = at + 1;
                let s = number_attribute(e, "s").unwrap_or(0);
                let restyled = styles.marked(s, in_row.remove(&at).unwrap_or(Fill::None));
                if restyled != s {
                    let mut changed = BytesStart::new(e.name().as_ref().to_string());
                    for attribute in e.attributes().flatten().filter(|a| a.key.local_name().as_ref() != "s") {
                        changed.push_attribute(attribute);
                    }
                    changed.push_attribute(("s", restyled.to_string().as_str()));
                    writer.write_event(same_kind(&event, changed)).map_err(fail)?;
                    continue;
                }
            }
            Event::End(_) if name == "row" => {
                for (c, fill) in std::mem::take(&mut in_row) {
                    writer.write_event(empty_cell(styles, row, c, fill)).map_err(fail)?;
                }
                row += 1;
            }
            Event::End(_) if name == "sheetData" => {
                write_rows(&mut writer, styles, std::mem::take(&mut pending)).map_err(fail)?;
            }
            Event::Empty(e) if name == "sheetData" => {
                writer.write_event(Event::Start(e.to_owned())).map_err(fail)?;
                write_rows(&mut writer, styles, std::mem::take(&mut pending)).map_err(fail)?;
                writer.write_event(Event::End(BytesEnd::new(e.name().as_ref().to_string()))).map_err(fail)?;
                continue;
            }
            Event::Start(_) | Event::Empty(_) if level == 1 && !note_written && after_legacy.contains(&name) => {
                write_legacy(&mut writer, notes).map_err(fail)?;
                note_written = true;
            }
            Event::End(_) if level == 0 && name == "worksheet" && !note_written => {
                write_legacy(&mut writer, notes).map_err(fail)?;
                note_written = true;
            }
            Event::Eof => break,
            _ => {}
        }
        writer.write_event(event).map_err(fail)?;
    }
    Ok(writer.into_inner().into_inner())
}

/// An element's number attribute (`r`, `s`, `min`), if it has one that reads.
fn number_attribute(e: &BytesStart, key: &str) -> Option<u32> {
    e.try_get_attribute(key).ok().flatten().and_then(|a| a.value.parse::<u32>().ok())
}

/// `e` written as `event` was: empty (`<col …/>`) or opening its content.
fn same_kind<'a>(event: &Event, e: BytesStart<'a>) -> Event<'a> {
    if matches!(event, Event::Empty(_)) { Event::Empty(e) } else { Event::Start(e) }
}

/// A `<row>` or `<col>` element as it was, but shown: without `hidden`.
fn shown(e: &BytesStart) -> BytesStart<'static> {
    let mut shown = BytesStart::new(e.name().as_ref().to_string());
    for attribute in e.attributes().flatten().filter(|a| a.key.local_name().as_ref() != "hidden") {
        shown.push_attribute(attribute);
    }
    shown
}

fn write_legacy(writer: &mut Writer<Cursor<Vec<u8>>>, notes: Option<&str>) -> std::io::Result<()> {
    let Some(id) = notes else { return Ok(()) };
    let legacy = BytesStart::new("legacyDrawing").with_attributes([("xmlns:r", RELS), ("r:id", id)]);
    writer.write_event(Event::Empty(legacy))
}

/// The comments part and its VML drawing for the notes of one sheet (`block`: a number no other
/// drawing of the workbook uses, for the shapes' ids).
fn notes_parts(marks: &BTreeMap<(u32, u32), Mark>, block: usize) -> (String, String) {
    let mut comments = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"{MAIN}\"><authors><author>kinerja</author></authors><commentList>"
    );
    let mut vml = format!(
        "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>\
         <v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">\
         <v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
    );
    for (i, ((row, col), mark)) in marks.iter().filter(|(_, m)| !m.lines.is_empty()).enumerate() {
        let text = crate::model::text::fit_cell(&mark.lines.join("\n")).to_string();
        comments.push_str(&format!(
            "<comment ref=\"{}\" authorId=\"0\"><text><r><t xml:space=\"preserve\">{}</t></r></text></comment>",
            a1(*row, *col),
            escape(&text)
        ));
        vml.push_str(&format!(
            "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:90pt;z-index:{};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\
             <v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
             <v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
             <x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{}, 15, {}, 2, {}, 15, {}, 16</x:Anchor>\
             <x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>",
            block * 1024 + i + 1,
            i + 1,
            col + 1,
            row,
            col + 4,
            row + 4,
        ));
    }
    comments.push_str("</commentList></comments>");
    vml.push_str("</xml>");
    (comments, vml)
}

/// An added sheet's XML: inline strings, a header row (wrapped, frozen), A4 landscape fit to
/// width, internal links.
fn added_sheet(sheet: &Added, styles: &mut Styles) -> String {
    let header = styles.add(format!(
        "<xf numFmtId=\"0\" fontId=\"{}\" fillId=\"{}\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" \
         applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>",
        styles.bold, styles.fills.2
    ));
    let wrap = styles.add(
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>".into(),
    );
    let number = styles.add(
        "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" \
         applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
            .into(),
    );
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{RELS}\">\
         <sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\">\
         <pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>\
         <sheetFormatPr defaultRowHeight=\"15\"/><cols>"
    );
    for (i, width) in sheet.widths.iter().enumerate() {
        xml.push_str(&format!("<col min=\"{0}\" max=\"{0}\" width=\"{width}\" customWidth=\"1\"/>", i + 1));
    }
    xml.push_str("</cols><sheetData>");
    let mut links = Vec::new();
    for (r, cells) in sheet.rows.iter().enumerate() {
        let height = format!(" ht=\"{}\" customHeight=\"1\"", sheet.height(r));
        xml.push_str(&format!("<row r=\"{}\"{height}>", r + 1));
        for (c, cell) in cells.iter().enumerate() {
            let at = a1(r as u32, c as u32);
            let text = |s: u32, t: &str| {
                format!(
                    "<c r=\"{at}\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(crate::model::text::fit_cell(t))
                )
            };
            match cell {
                Cell::Header(t) => xml.push_str(&text(header, t)),
                Cell::Text(t) => xml.push_str(&text(wrap, t)),
                Cell::Number(n) => xml.push_str(&format!("<c r=\"{at}\" s=\"{number}\"><v>{n}</v></c>")),
                Cell::Link(t, place) => {
                    xml.push_str(&text(wrap, t));
                    links.push(format!(
                        "<hyperlink ref=\"{at}\" location=\"{}\" display=\"{}\"/>",
                        escape(place),
                        escape(t)
                    ));
                }
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if !links.is_empty() {
        xml.push_str(&format!("<hyperlinks>{}</hyperlinks>", links.concat()));
    }
    xml.push_str(
        "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>\
         <pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>",
    );
    xml
}

/// The package of `bytes` with `marks` (by sheet name, then (row, col)) and `added` sheets, in
/// place of the sheets named `replaced`: kinerja's own of an earlier check, in a copy the unit
/// sent back. In such a copy, that check's marks on the unit's cells are taken off first: its
/// fills, and its notes where a sheet's notes are all kinerja's.
///
/// # Errors
/// A description of what could not be read or changed: the caller re-renders instead.
pub fn mark(
    mut archive: Archive<'_>,
    marks: &HashMap<String, BTreeMap<(u32, u32), Mark>>,
    added: &[Added],
    replaced: &[String],
) -> Result<Vec<u8>, String> {
    let main = main_part(&mut archive);
    let (folder, main_name) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let WorkbookPart { entries, rels, .. } = workbook(&mut archive, &main).map_err(|e| format!("{e:?}"))?;
    let styles_part = rels
        .iter()
        .find(|(_, kind, _)| kind.ends_with("/styles"))
        .map(|(_, _, t)| t.clone())
        .ok_or("no styles part")?;
    let marked_before = !replaced.is_empty();
    let mut styles = Styles::new(read_part(&mut archive, &styles_part)?, marked_before)?;
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut content_types = read_part(&mut archive, "[Content_Types].xml")?;
    let mut workbook_xml = read_part(&mut archive, &main)?;
    let workbook_rels_part = format!("{folder}/_rels/{main_name}.rels").trim_start_matches('/').to_string();
    let mut workbook_rels = read_part(&mut archive, &workbook_rels_part)?;
    let mut names: Vec<String> = archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
    let rels_of = |part: &str| {
        let (sheet_folder, sheet_file) = part.rsplit_once('/').unwrap_or(("", part));
        format!("{sheet_folder}/_rels/{sheet_file}.rels").trim_start_matches('/').to_string()
    };
    for (index, entry) in entries.iter().enumerate().rev().filter(|(_, e)| replaced.contains(&e.name)) {
        let Some(part) = &entry.part else { continue };
        let Some((id, _, _)) = rels.iter().find(|(_, kind, target)| target == part && kind.ends_with("/worksheet"))
        else {
            continue;
        };
        workbook_xml = without_sheet(&workbook_xml, index, id);
        workbook_rels = without(&workbook_rels, "Relationship", &format!(" Id=\"{id}\""));
        content_types = without(&content_types, "Override", &format!(" PartName=\"/{part}\""));
        names.retain(|n| n != part && *n != rels_of(part));
    }
    let fresh = |stem: &str, ext: &str, taken: &[String], extra: &BTreeMap<String, Vec<u8>>| {
        (1..)
            .map(|n| format!("{stem}{n}.{ext}"))
            .find(|p| !taken.contains(p) && !extra.contains_key(p))
            .expect("a free name")
    };
    let unmarked = BTreeMap::new();
    for (block, entry) in entries.iter().enumerate().filter(|(_, e)| !replaced.contains(&e.name)) {
        let Some(part) = &entry.part else { continue };
        let Some(sheet_marks) = marks.get(&entry.name).or(marked_before.then_some(&unmarked)) else { continue };
        let rels_part = rels_of(part);
        let sheet_rels = relationships(&mut archive, &rels_part);
        let earlier_notes = if marked_before { kinerjas_notes(&mut archive, &entry.name, &sheet_rels) } else { None };
        let has_notes =
            sheet_rels.iter().any(|(_, kind, _)| kind.ends_with("/comments") || kind.ends_with("/vmlDrawing"));
        let with_notes = sheet_marks.values().any(|m| !m.lines.is_empty()) && !has_notes;
        let xml = read_part(&mut archive, part)?;
        let id = "rIdKinerjaNotes";
        let marked = mark_sheet(&xml, sheet_marks, &mut styles, with_notes.then_some(id))?;
        changed.insert(part.clone(), marked);
        // The parts this check's notes go to: the earlier check's, else new ones related here.
        let notes_at = match earlier_notes {
            Some(parts) => Some(parts),
            None if with_notes => {
                let comments_part = fresh("xl/comments", "xml", &names, &changed);
                let vml_part = fresh("xl/drawings/vmlDrawing", "vml", &names, &changed);
                let relative = |target: &str| format!("../{}", target.trim_start_matches("xl/"));
                let mut rels_xml = if names.contains(&rels_part) {
                    read_part(&mut archive, &rels_part)?
                } else {
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".into()
                };
                insert_before(
                    &mut rels_xml,
                    "</Relationships>",
                    &format!(
                        "<Relationship Id=\"{id}\" Type=\"{RELS}/vmlDrawing\" Target=\"{}\"/><Relationship Id=\"rIdKinerjaComments\" Type=\"{RELS}/comments\" Target=\"{}\"/>",
                        relative(&vml_part),
                        relative(&comments_part)
                    ),
                )?;
                changed.insert(rels_part, rels_xml.into_bytes());
                insert_before(
                    &mut content_types,
                    "</Types>",
                    &format!("<Override PartName=\"/{comments_part}\" ContentType=\"{COMMENTS_TYPE}\"/>"),
                )?;
                Some((comments_part, vml_part))
            }
            None => None,
        };
        if let Some((comments_part, vml_part)) = notes_at {
            let (comments, vml) = notes_parts(sheet_marks, 1 + block);
            changed.insert(comments_part, comments.into_bytes());
            changed.insert(vml_part, vml.into_bytes());
        }
    }
    if !content_types.contains("Extension=\"vml\"") {
        insert_before(
            &mut content_types,
            "</Types>",
            "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>",
        )?;
    }
    let mut sheet_id = section(&workbook_xml, "sheets")
        .map(|(_, _, body)| children(body, "sheet"))
        .unwrap_or_default()
        .iter()
        .filter_map(|tag| tag.split("sheetId=\"").nth(1)?.split('"').next()?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    for (i, sheet) in added.iter().enumerate() {
        let part = fresh(&format!("{folder}/worksheets/sheet"), "xml", &names, &changed);
        sheet_id += 1;
        let rid = format!("rIdKinerjaSheet{i}");
        let target = part.strip_prefix(&format!("{folder}/")).unwrap_or(&part).to_string();
        insert_before(
            &mut workbook_xml,
            "</sheets>",
            &format!(
                "<sheet xmlns:r=\"{RELS}\" name=\"{}\" sheetId=\"{sheet_id}\" r:id=\"{rid}\"/>",
                escape(&sheet.name)
            ),
        )?;
        insert_before(
            &mut workbook_rels,
            "</Relationships>",
            &format!("<Relationship Id=\"{rid}\" Type=\"{RELS}/worksheet\" Target=\"{target}\"/>"),
        )?;
        insert_before(
            &mut content_types,
            "</Types>",
            &format!("<Override PartName=\"/{part}\" ContentType=\"{WORKSHEET_TYPE}\"/>"),
        )?;
        let xml = added_sheet(sheet, &mut styles);
        changed.insert(part, xml.into_bytes());
    }
    changed.insert(main.clone(), workbook_xml.into_bytes());
    changed.insert(workbook_rels_part, workbook_rels.into_bytes());
    changed.insert("[Content_Types].xml".into(), content_types.into_bytes());
    changed.insert(styles_part, styles.finish()?.into_bytes());
    // Excel recomputes the calculation chain; a stale one for the added sheets is harmless, but
    // none is cleaner.
    write_package(&mut archive, &names, changed)
}

/// The comments and VML drawing parts of sheet `sheet` whose notes are all kinerja's of an
/// earlier check, to be written again with this check's. A note is known by its text, which
/// editors keep where they may drop its author: it opens with its own cell's place
/// (`Tabel 3.1!D11: …`, a finding) or with kinerja's recomputation.
fn kinerjas_notes(
    archive: &mut Archive<'_>,
    sheet: &str,
    sheet_rels: &[(String, String, String)],
) -> Option<(String, String)> {
    let related = |suffix: &str| sheet_rels.iter().find(|(_, kind, _)| kind.ends_with(suffix)).map(|r| r.2.clone());
    let (comments, vml) = (related("/comments")?, related("/vmlDrawing")?);
    let xml = read_part(archive, &comments).ok()?;
    let notes = children(section(&xml, "commentList")?.2, "comment");
    let kinerjas = |note: &String| {
        let runs: String =
            children(note, "t").iter().filter_map(|t| Some(&t[t.find('>')? + 1..t.rfind("</t>")?])).collect();
        let text = quick_xml::escape::unescape(&runs).map(|t| t.into_owned()).unwrap_or(runs);
        let place = format!("{sheet}!{}: ", attribute(note, "ref").unwrap_or_default());
        text.starts_with(COMPUTED) || text.starts_with(&place)
    };
    let drawing = read_part(archive, &vml).ok()?;
    let notes_only = drawing.matches("<x:ClientData").count() == drawing.matches("ObjectType=\"Note\"").count();
    (!notes.is_empty() && notes.iter().all(kinerjas) && notes_only).then_some((comments, vml))
}

/// `xml` without its `child` elements whose opening tag holds `needle`.
fn without(xml: &str, child: &str, needle: &str) -> String {
    children(xml, child)
        .iter()
        .filter(|element| element[..element.find('>').unwrap_or(0)].contains(needle))
        .fold(xml.to_string(), |xml, element| xml.replacen(element.as_str(), "", 1))
}

/// The workbook part without its sheet `index` (relationship `id`): the names defined for that
/// sheet alone removed, those of the sheets after it and the tab shown moved up one.
fn without_sheet(xml: &str, index: usize, id: &str) -> String {
    let mut xml = without(xml, "sheet", &format!(":id=\"{id}\""));
    let number = |tag: &str, name: &str| attribute(tag, name).and_then(|v| v.parse::<usize>().ok());
    for name in children(&xml, "definedName") {
        let renamed = match number(&name, "localSheetId") {
            Some(n) if n == index => String::new(),
            Some(n) if n > index => with_attribute(&name, "definedName", "localSheetId", &(n - 1).to_string()),
            _ => continue,
        };
        xml = xml.replacen(&name, &renamed, 1);
    }
    for view in children(&xml, "workbookView") {
        let mut moved = view.clone();
        for tab in ["activeTab", "firstSheet"] {
            if let Some(n) = number(&view, tab).filter(|n| *n >= index && *n > 0) {
                moved = with_attribute(&moved, "workbookView", tab, &(n - 1).to_string());
            }
        }
        xml = xml.replacen(&view, &moved, 1);
    }
    xml
}

fn write_package(
    archive: &mut Archive<'_>,
    names: &[String],
    mut changed: BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>, String> {
    let fail = |e: zip::result::ZipError| e.to_string();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for name in names {
        match changed.remove(name) {
            Some(bytes) => {
                out.start_file(name, options).map_err(fail)?;
                out.write_all(&bytes).map_err(|e| e.to_string())?;
            }
            None => {
                let part = archive.by_name(name).map_err(fail)?;
                out.raw_copy_file(part).map_err(fail)?;
            }
        }
    }
    for (name, bytes) in changed {
        out.start_file(name, options).map_err(fail)?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(fail)?.into_inner())
}

/// `'Sheet name'!A1` for a link to a cell.
pub fn place(sheet: &str, row: u32, col: u32) -> String {
    format!("'{}'!{}", sheet.replace('\'', "''"), a1(row, col))
}

#[cfg(test)]
mod tests {
    use super::without_sheet;

    /// Removing the third of four sheets: its print area goes, the fourth's names it as the
    /// third, and the tab shown (the removed one) moves to the sheet before it.
    #[test]
    fn a_removed_sheet_takes_its_names_and_its_tab_with_it() {
        let xml = "<workbook><bookViews><workbookView activeTab=\"2\" firstSheet=\"1\"/></bookViews><sheets>\
                   <sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/>\
                   <sheet name=\"Temuan\" sheetId=\"3\" r:id=\"rId3\"/><sheet name=\"D\" sheetId=\"4\" r:id=\"rId4\"/></sheets>\
                   <definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"2\">Temuan!$A$1:$G$9</definedName>\
                   <definedName name=\"_xlnm.Print_Area\" localSheetId=\"3\">D!$A$1:$B$2</definedName>\
                   <definedName name=\"Total\">A!$B$2</definedName></definedNames></workbook>";
        assert_eq!(
            without_sheet(xml, 2, "rId3"),
            "<workbook><bookViews><workbookView activeTab=\"1\" firstSheet=\"1\"/></bookViews><sheets>\
             <sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/>\
             <sheet name=\"D\" sheetId=\"4\" r:id=\"rId4\"/></sheets>\
             <definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"2\">D!$A$1:$B$2</definedName>\
             <definedName name=\"Total\">A!$B$2</definedName></definedNames></workbook>"
        );
    }
}
