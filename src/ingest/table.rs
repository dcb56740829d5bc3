//! Reading the body of a found table into perspectives, goals, indicators, budget lines and
//! claims, with a finding for every cell that could not be understood.

use super::cell::{self, CellValue, Kind, Style};
use super::header::{Family, Header, Role};
use super::sheet::{Data, Sheet};
use crate::model::amount::{checked_sum, efisiensi, percent_of};
use crate::model::plan::Level;
use crate::model::text::or_empty;
use crate::model::unit::normalise;
use crate::model::{
    BudgetRow, BudgetScope, CategoryRow, CategoryTable, CellRef, Claim, Code, Finding, GoalRow, IndicatorRow, Measure,
    PerspectiveRow, Polarity, Reading, Value,
};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What the tables of a workbook add up to.
#[derive(Debug, Default, Clone)]
pub struct Parts {
    pub perspectives: Vec<PerspectiveRow>,
    pub goals: Vec<GoalRow>,
    pub indicators: Vec<IndicatorRow>,
    pub budget: Vec<BudgetRow>,
    pub npss: Option<Claim>,
    /// NPSS printed on a row of an indicator table (a total row at its foot).
    pub npss_rows: Vec<Claim>,
    pub categories: Vec<CategoryTable>,
    /// See [`crate::model::Report::unnumbered_feet`].
    pub unnumbered_feet: Vec<CellRef>,
    pub findings: Vec<Finding>,
    /// Where the last indicator table read stopped: a table carrying it on starts there.
    pub stopped: Option<Stopped>,
}

/// The perspective and goal the rows of an indicator table stand under once it is read: its last
/// goal, or a perspective row printed after it (a header repeated below "Internal Process
/// Perspective" carries on under Internal Process, not under the goal above the row).
#[derive(Debug, Clone, Default)]
pub struct Stopped {
    perspective: String,
    goal: Option<String>,
    /// Whether `goal` stands in for goal rows the table does not have (named in parentheses).
    synthetic: bool,
}

/// Whether a row's label names the overall score: `NPSS`, `Nilai Pencapaian Sasaran Strategis`,
/// `Total NPSS`, `Jumlah (NPSS)`, or the organisation's score as units also call it when the
/// label starts with it (`Nilai Kinerja Organisasi (NKO)`, `NKO Kanreg VII BKN`): an indicator
/// measuring such a score is numbered or coded first (`15. Nilai Kinerja Organisasi …`).
pub fn npss_label(text: &str) -> bool {
    let words = normalise(text);
    let rest = [" total", " jumlah"].iter().find_map(|w| words.strip_prefix(w)).unwrap_or(&words);
    let organisation = ORGANISATION_NAMES.iter().any(|name| named_at(rest, name).any(|at| at == 1));
    NPSS_NAMES.iter().any(|name| named_at(&words, name).next().is_some()) || organisation
}

/// The overall score's names, lower-cased: the NPSS's, and the organisation's score as units also
/// call it.
pub const NPSS_NAMES: [&str; 2] = ["npss", "nilai pencapaian sasaran strategis"];
pub const ORGANISATION_NAMES: [&str; 2] = ["nko", "nilai kinerja organisasi"];

/// Where `name` stands as whole words in `normalise`d text.
fn named_at<'a>(words: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    (words.match_indices(name).map(|(at, _)| at))
        .filter(move |&at| words[..at].ends_with(' ') && words[at + name.len()..].starts_with(' '))
}

/// Whether a row's label sums up the rows above it (`Jumlah`, `Total`, `Rata-rata Capaian
/// Kinerja`, `Rerata`): no goal or indicator of its own.
fn summary_label(text: &str) -> bool {
    let words = normalise(text);
    let starts = [" jumlah", " total", " rata rata", " rerata"].iter().any(|w| words.starts_with(w));
    starts && words.split_whitespace().count() <= 5
}

/// Whether a label is a summary's alone (`Jumlah`, `Total`, `Rata-rata`, `Nilai Rata-rata`,
/// `Capaian Kinerja Rata-rata`): a summing word and words for what every row holds, nothing an
/// indicator is named by. Such a row is no indicator even where it prints figures (the sums or
/// means of the rows above, which kinerja computes itself); `Jumlah Pegawai` or `Nilai rata-rata
/// uji kompetensi` may be one.
pub(crate) fn bare_summary(text: &str) -> bool {
    const SUMMING: [&str; 4] = ["jumlah", "total", "rata", "rerata"];
    const EVERY_ROW: [&str; 12] = [
        "capaian",
        "kinerja",
        "nilai",
        "skor",
        "persentase",
        "iku",
        "indikator",
        "utama",
        "sasaran",
        "strategis",
        "organisasi",
        "keseluruhan",
    ];
    let words = normalise(text);
    let mut words = words.split_whitespace();
    words.clone().any(|w| SUMMING.contains(&w)) && words.all(|w| SUMMING.contains(&w) || EVERY_ROW.contains(&w))
}

/// Whether a summary label names what it sums up as no indicator is named: a word or two
/// (`Total`, `Rata-rata`), or the capaian (`Rata-rata Capaian Kinerja`).
fn sums_up(text: &str) -> bool {
    let words = normalise(text);
    words.split_whitespace().count() <= 2 || words.contains(" capaian")
}

/// Whether a cell where a computed value belongs holds a status instead (`Tercapai`, `Baik`, a
/// coloured dot, a tick): like the printed dots, it carries no value to check.
fn status_mark(text: &str) -> bool {
    const WORDS: [&str; 13] = [
        " tercapai ",
        " tidak tercapai ",
        " belum tercapai ",
        " melampaui target ",
        " melebihi target ",
        " sangat baik ",
        " baik ",
        " cukup ",
        " kurang ",
        " sangat kurang ",
        " memuaskan ",
        " sangat memuaskan ",
        " belum ada skor ",
    ];
    let trimmed = text.trim();
    ["✓", "√", "✔", "●", "○", "⬤"].contains(&trimmed) || WORDS.contains(&normalise(trimmed).as_str())
}

/// The rows that belong to the table under `header`: from below the header to the first blank
/// row, footnote or next header after the data began.
pub fn body(sheet: &Sheet, header: &Header) -> (u32, u32) {
    let (first_col, last_col) = header.span();
    let (_, last_row) = sheet.row_bounds();
    let mut start = None;
    let mut end = header.last_row;
    let mut blanks = 0;
    for row in header.last_row + 1..=last_row {
        let blank = sheet.row_is_blank(row, first_col, last_col);
        if start.is_none() {
            if !blank {
                start = Some(row);
                end = row;
            }
            continue;
        }
        // Blank rows part a table's groups (a spacer under each perspective) when the row after
        // them carries it on; else they end it.
        if blank {
            blanks += 1;
            if blanks > MAX_SPACER_ROWS {
                break;
            }
            continue;
        }
        let first_text = sheet.first_text(row);
        if is_footnote(first_text)
            || signed_from(sheet, row)
            || (might_be_header(sheet, row) && super::header::header_at(sheet, row).is_some())
            || blanks > 0 && !carries_on(sheet, header, row) && !carries_on(sheet, header, row + 1)
        {
            break;
        }
        blanks = 0;
        end = row;
    }
    (start.unwrap_or(header.last_row + 1), end)
}

/// The most blank rows in a row that may part a table's groups.
const MAX_SPACER_ROWS: u32 = 3;

/// A whole amount that marks a column as whole rupiah: Rp 1 juta, which a column of amounts in
/// thousands reaches only for a budget line of a miliar or more.
const WHOLE_RUPIAH: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The bound PMK 214/PMK.02/2017 clamps an efficiency to: one printed inside it was not clamped.
const EFFICIENCY_BOUND: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// Whether `row` carries a table on below blank rows (itself or, for a goal's name on its own,
/// the row after it): a perspective row, a row labelled with a goal's code, or one holding a
/// value (a number, N/A, an opinion) under a target, realisasi, pagu or realisasi anggaran
/// heading, or in a table of none of those (a perspective summary, BKN's efficiency per SS:
/// every figure the unit's own) under a score, weight, NKP, capaian, serapan or efficiency
/// heading. A title, a note (even one naming an indicator, "IKU 1: data belum tersedia") or a
/// signature below the table is none of these.
fn carries_on(sheet: &Sheet, header: &Header, row: u32) -> bool {
    let first_text = sheet.first_text(row);
    let valued = |col: u32| !matches!(cell::read(sheet.get(row, col)).kind, Kind::Empty | Kind::Unreadable);
    let claims_only = header.value_cols().next().is_none();
    perspective_name(first_text, true).is_some()
        || sheet.texts_in_row(row).any(|(_, text)| prefixed_code(text, &GOAL_PREFIXES).is_some())
        || header.value_cols().any(valued)
        || claims_only && header.claim_cols().any(valued)
}

/// A perspective row labelled without the word "perspektif", or with it mistyped ("Customer",
/// "Pelanggan", "Perspekif Customer"): a label of three words at most, alone on its row (but for
/// status marks), naming a perspective, coding no goal or indicator, and with nothing else in a
/// No. or code column (an indicator of a few words, its values blank, keeps its number).
fn bare_perspective(sheet: &Sheet, header: &Header, row: u32, label: &str) -> Option<String> {
    let alone =
        sheet.texts_in_row(row).filter(|(_, t)| !t.trim().is_empty()).all(|(_, t)| t == label || status_mark(t));
    let numbered = header
        .columns
        .iter()
        .filter(|(_, role)| matches!(role, Role::No | Role::Code | Role::GoalCode | Role::IndicatorCode))
        .any(|(col, _)| !sheet.is_blank(row, *col) && sheet.text(row, *col) != Some(label));
    let coded = numbered
        || prefixed_code(label, &GOAL_PREFIXES).is_some()
        || prefixed_code(label, &INDICATOR_PREFIXES).is_some();
    (alone && !coded && normalise(label).split_whitespace().count() <= 3)
        .then(|| perspective_name(label, false))
        .flatten()
}

/// A cheap test before the full header test: header rows hold only words, three or more, and
/// nothing that starts like a number, a numbering or an amount.
fn might_be_header(sheet: &Sheet, row: u32) -> bool {
    let mut words = 0;
    for (_, data) in sheet.cells_in_row(row) {
        match data {
            Data::Empty => {}
            Data::String(s) => {
                let s = s.trim();
                let numeric = s.starts_with(|c: char| c.is_ascii_digit())
                    || s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp"));
                if numeric {
                    return false;
                }
                words += usize::from(!s.is_empty());
            }
            _ => return false,
        }
    }
    words >= 3
}

/// Whether a row holds the block a report is signed with, below its tables: the place and date
/// (`Palembang, 15 Oktober 2024`; `Jakarta,` beside a date), `Mengetahui,` over an approver, or
/// the signer's `NIP. 19690101 199003 1 001`, and no figure (a row of a table explained in its
/// keterangan holds its target or realisasi). Typed under a table's last row, often under its
/// figure columns, none of it is the table's. Nor is it a title, or anything under it: the place
/// and date a document was signed on names no period of it (a Renja for 2025 is signed in 2024,
/// a year's report in January of the next).
pub(crate) fn signs(sheet: &Sheet, row: u32) -> bool {
    let cells = || sheet.cells_in_row(row).map(|(_, d)| d);
    let dated = || cells().any(|d| matches!(d, Data::DateTime(_) | Data::DateTimeIso(_)));
    let figure = |d: &Data| matches!(cell::read(d).kind, Kind::Stored(_) | Kind::Text(_)) && !nip_digits(d);
    sheet.texts_in_row(row).any(|(_, text)| signature_line(text, dated)) && !cells().any(figure)
}

/// Whether the block a table is signed with starts at `row`, under its last row: a line of
/// [`signs`], or the signer's office or name typed with no place and date above it: words alone
/// in one cell, no figure, with the NIP a few lines below (each line between one cell of words at
/// most: `ttd`, the name, the rank), or an office's title ending in a comma (`Kepala Kantor
/// Regional VII BKN Palembang,`). Not asked of titles: a cover's lines above its signer are
/// what the report says it is.
pub(crate) fn signed_from(sheet: &Sheet, row: u32) -> bool {
    if signs(sheet, row) {
        return true;
    }
    // One cell of words at most, no number however typed: a row of a table's many cells is
    // told at its second.
    let words_alone = |r: u32| {
        let mut filled = sheet.cells_in_row(r).map(|(_, d)| d).filter(|d| !super::sheet::blank(d));
        match (filled.next(), filled.next()) {
            (None, _) => true,
            (Some(d), None) => {
                matches!(d, Data::String(t) if t.chars().any(char::is_alphabetic)) && !cell::read(d).kind.is_number()
            }
            _ => false,
        }
    };
    let Some(line) = sheet.texts_in_row(row).map(|(_, t)| t).find(|t| !t.is_empty()) else { return false };
    if !words_alone(row) {
        return false;
    }
    const OFFICES: [&str; 7] = [" kepala ", " plt ", " plh ", " pj ", " a n ", " sekretaris ", " direktur "];
    let office = line.trim_end().ends_with(',') && OFFICES.iter().any(|o| normalise(line).starts_with(o));
    let nip_below = (row + 1..=row + 8)
        .take_while(|r| signs(sheet, *r) || words_alone(*r))
        .any(|r| sheet.texts_in_row(r).any(|(_, t)| signature_line(t, || false) && normalise(t).starts_with(" nip ")));
    office || nip_below
}

/// A civil servant's number (NIP, 18 digits) typed alone, as text or as a number.
fn nip_digits(data: &Data) -> bool {
    match data {
        Data::String(text) => text.bytes().filter(u8::is_ascii_digit).count() >= 15,
        Data::Int(n) => n.unsigned_abs() >= 10u64.pow(14),
        Data::Float(n) | Data::Fixed(n, _) => n.abs() >= 1e14,
        _ => false,
    }
}

fn signature_line(text: &str, dated: impl Fn() -> bool) -> bool {
    const OPENINGS: [&str; 5] = ["nip", "mengetahui", "menyetujui", "disetujui", "diketahui"];
    let opens = |w: &str| text.get(..w.len()).is_some_and(|start| start.eq_ignore_ascii_case(w));
    // Short lines only: a name or a note running on with commas is none.
    if text.len() > 60 || !text.contains(',') && !OPENINGS.into_iter().any(opens) {
        return false;
    }
    let words = normalise(text);
    let words: Vec<&str> = words.split_whitespace().collect();
    // The place: a few words, no figure (`Palembang`, `Tanjung Pinang`); the date after the
    // comma, its day left blank or not (`Jakarta,     Januari 2025`). A title naming its period
    // after a comma ("…, Periode Januari s.d. September 2024") is none.
    let (place, date) = text.rsplit_once(',').unwrap_or((text, ""));
    let place = normalise(place);
    let place = place.split_whitespace().count() <= 3 && !place.bytes().any(|b| b.is_ascii_digit());
    let year = |w: &str| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1990..2100).contains(&y));
    let day = |w: &str| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    let date = normalise(date);
    let date: Vec<&str> = date.split_whitespace().collect();
    let month = |w: &str| super::identity::month_of(w).is_some();
    let place_and_date = place
        && match date.as_slice() {
            [d, m, y] => day(d) && month(m) && year(y),
            [m, y] => month(m) && year(y),
            _ => false,
        };
    let place_beside_date = text.trim_end().ends_with(',') && words.len() <= 3 && dated();
    let approver = matches!(words.first(), Some(&("mengetahui" | "menyetujui" | "disetujui" | "diketahui")));
    let nip = words.first() == Some(&"nip") && words[1..].iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()));
    place_and_date || place_beside_date || approver || nip
}

fn is_footnote(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with('*')
        || ["sumber", "catatan", "keterangan", "ket.", "ket :", "note"].iter().any(|p| lower.starts_with(p))
}

/// The footnotes printed under a table (`*) angka sementara`, `**) survei belum dilaksanakan`):
/// (number of stars, text), from the rows just below its last row.
fn footnotes_below(sheet: &Sheet, last_row: u32) -> Vec<(usize, String)> {
    (last_row + 1..=last_row + 12)
        .filter_map(|row| sheet.texts_in_row(row).next())
        .filter_map(|(_, text)| {
            let stars = text.chars().take_while(|c| *c == '*').count();
            let rest = text[stars..].trim_start();
            (stars > 0 && rest.starts_with(')')).then(|| (stars, rest[1..].trim().to_string()))
        })
        .collect()
}

/// The footnote mark after a value (`N/A*)` → 1, `N/A **)` → 2), if any.
fn footnote_mark(text: &str) -> Option<usize> {
    let body = text.trim_end().trim_end_matches(')').trim_end();
    let stars = body.chars().rev().take_while(|c| *c == '*').count();
    (stars > 0).then_some(stars)
}

/// The canonical name of a perspective label, if the text is one. `strict` asks for the word
/// "perspective"/"perspektif" (rows inside an indicator table); summary tables name them bare.
pub fn perspective_name(text: &str, strict: bool) -> Option<String> {
    let words = normalise(text);
    let marked = words.contains("perspekti") || words.contains("perspective");
    if strict && !marked || words.split_whitespace().count() > 6 {
        return None;
    }
    let has = |w: &str| words.contains(w);
    let [stakeholder, customer, internal, learning] = PERSPECTIVES;
    let name = if has(" stakeholder") || has(" pemangku") {
        stakeholder
    } else if has(" customer") || has(" pelanggan") {
        customer
    } else if has(" internal") || has(" proses") {
        internal
    } else if has(" learn") || has(" growth") || has(" pembelajaran") || has(" pertumbuhan") {
        learning
    } else if marked {
        return Some(text.trim().to_string());
    } else {
        return None;
    };
    Some(name.to_string())
}

/// The Balanced Scorecard's perspectives, in the order every table prints them.
const PERSPECTIVES: [&str; 4] = ["Stakeholder", "Customer", "Internal Process", "Learn & Growth"];

/// The code after `code` (`SS.2` after `SS.1`, `IKU.5` after `IKU.4`).
pub fn next_code(code: &str) -> Option<String> {
    let (prefix, number) = code.rsplit_once('.')?;
    Some(format!("{prefix}.{}", number.parse::<u32>().ok()? + 1))
}

/// `SS.1 Terwujudnya…`, `SS. 3 …`, `SS 1. …`, `IKU4`, `IKU-01 …` → ("1", "Terwujudnya…").
pub fn leading_code<'t>(text: &'t str, prefix: &str) -> Option<(String, &'t str)> {
    let text = text.trim();
    let head = text.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    leading_digits(after_prefix(&text[prefix.len()..]))
}

/// What follows a code's prefix, its separator dropped: `.`, a space or a line break, `-`, `–`,
/// `_`.
fn after_prefix(text: &str) -> &str {
    text.trim_start_matches(|c: char| matches!(c, '.' | '-' | '–' | '_') || c.is_whitespace())
}

/// The codes a goal row and an indicator row may carry: BKN's and the Kantor Regional's `SS` and
/// `IKU`, and a central unit's own (`SP`/`SK` sasaran, `IKP`/`IKK` indicators), kept as printed:
/// the configured crosswalk says which IKU each is, never the row's place.
pub const GOAL_PREFIXES: [&str; 3] = ["SS", "SP", "SK"];
pub const INDICATOR_PREFIXES: [&str; 3] = ["IKU", "IKP", "IKK"];

/// Whether `text` is a code of one of `prefixes` and nothing else (`IKK.1`, not `IKK.1 Jumlah…`).
pub fn code_alone(text: &str, prefixes: &[&str]) -> bool {
    prefixed_code(text, prefixes).is_some_and(|(_, rest)| rest.is_empty())
}

/// The code `text` starts with, of one of `prefixes`, and the rest: `IKK 2. Jumlah…` →
/// (`IKK.2`, "Jumlah…"). A word that only starts like one (`SP2D`) is none.
pub fn prefixed_code<'t>(text: &'t str, prefixes: &[&str]) -> Option<(String, &'t str)> {
    // Written out: "Sasaran Strategis 1: Terwujudnya…", "Indikator Kinerja Utama 3 …".
    let written = [("Sasaran Strategis", "SS"), ("Indikator Kinerja Utama", "IKU")];
    let spelled = written.iter().filter(|(_, code)| prefixes.contains(code)).find_map(|(words, code)| {
        let (number, rest) = leading_code(text, words)?;
        Some((format!("{code}.{number}"), rest))
    });
    spelled.or_else(|| {
        prefixes.iter().find_map(|prefix| {
            let (number, rest) = leading_code(text, prefix)?;
            let after = after_prefix(&text.trim()[prefix.len()..]);
            let next = after.trim_start_matches(|c: char| c.is_ascii_digit()).chars().next();
            next.is_none_or(|c| !c.is_alphabetic()).then(|| (format!("{prefix}.{number}"), rest))
        })
    })
}

/// The number a target written as its lower bound names: `≥ 95`, `>= 95`, `Min. 95`, `Minimal
/// 95`, `Sekurang-kurangnya 95` → `95`. (An upper bound, `≤ 5` or `Maks. 5`, says the indicator is
/// lower-is-better, which the polarity must say: it stays unreadable.)
pub fn at_least(text: &str) -> Option<&str> {
    let text = text.trim();
    let lower = text.to_lowercase();
    ["≥", ">=", "minimal", "minimum", "min.", "min", "sekurang-kurangnya", "paling sedikit", "paling rendah"]
        .iter()
        .find(|bound| lower.starts_with(*bound))
        .and_then(|bound| text.get(bound.len()..))
        .map(|rest| rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace()))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// `1. Persentase…` or `1) …` → ("1", "Persentase…").
pub fn leading_number(text: &str) -> Option<(String, &str)> {
    let text = text.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = text[digits..].chars().next();
    if digits == 0 || !matches!(after, Some('.' | ')')) {
        return None;
    }
    leading_digits(text)
}

/// The rest of a label numbered in outline form (`1.1 Persentase…`, `2.3. Indeks…`, `1.2) …`):
/// the indicator's place within its goal, which names no indicator of the unit's set.
fn outline_rest(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let levels: Vec<&str> = text[..end].trim_end_matches('.').split('.').collect();
    let outline = levels.len() >= 2 && levels.iter().all(|l| (1..=2).contains(&l.len()));
    outline.then(|| text[end..].trim_start_matches([')', ' ']).trim())
}

fn leading_digits(text: &str) -> Option<(String, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let number = text[..digits].trim_start_matches('0');
    let rest = text[digits..].trim_start_matches(['.', ')', ' ', ':']);
    Some((if number.is_empty() { "0" } else { number }.to_string(), rest.trim()))
}

/// The code (`SS.n`, `IKU.n`, a central unit's `IKK.n`) and name of a goal or indicator row: the
/// code from its code column, else the label's own prefix (`SS.1 …`, `1. …`), else a No.
/// column, else its position; a bare number is the first of `prefixes`'. A label numbered in
/// outline form (`1.1 …`, `1.2 …` under goal 1) names its place in the goal, not its code: it is
/// named without the number and coded by the other sources. The flag: coded by position alone.
fn code_and_name(
    code_cell: Option<&str>,
    label: &str,
    prefixes: &[&str],
    numbered: Option<String>,
    position: usize,
) -> (String, String, bool) {
    let bare = |n: String| format!("{}.{n}", prefixes[0]);
    let explicit =
        code_cell.and_then(|t| prefixed_code(t, prefixes).map(|(c, _)| c).or_else(|| Some(bare(leading_digits(t)?.0))));
    let outline = outline_rest(label);
    let from_text = outline
        .is_none()
        .then(|| prefixed_code(label, prefixes).or_else(|| leading_number(label).map(|(n, rest)| (bare(n), rest))))
        .flatten();
    let name = outline.or(from_text.as_ref().map(|(_, rest)| *rest)).unwrap_or(label).to_string();
    match explicit.or(from_text.map(|(c, _)| c)).or(numbered.map(bare)) {
        Some(code) => (code, name, false),
        None => (bare(position.to_string()), name, true),
    }
}

/// Where a goal's or indicator's label is printed: row, column, and its index among the goals
/// or indicators read.
type Label = (u32, u32, usize);

/// Whether a label carries a code or number of its own (`SS.1 …`, `IKU 2 …`, `3. …`).
pub(super) fn marked(text: &str) -> bool {
    prefixed_code(text, &GOAL_PREFIXES).is_some()
        || prefixed_code(text, &INDICATOR_PREFIXES).is_some()
        || leading_number(text).is_some()
}

/// A component's label under an indicator: a small letter marked off ("a. …", "b) …") or a dash
/// or bullet ("- …", "• …"), as units break an indicator into its dimensions.
fn component_label(text: &str) -> bool {
    let text = text.trim_start();
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('-' | '–' | '•'), Some(' '), _) => true,
        (Some(letter), Some('.' | ')'), Some(' ')) => letter.is_ascii_lowercase(),
        _ => false,
    }
}

/// `name` going on with the words of the row below it.
pub(super) fn go_on(name: &mut String, words: &str) {
    *name = format!("{} {words}", name.trim_end());
}

/// `code`'s name going on with the words printed at `at`, and what is said of it.
fn continue_name(name: &mut String, code: &str, words: &str, at: CellRef) -> Option<Finding> {
    go_on(name, words);
    said_going_on(code, words, at)
}

/// NAME_CONTINUED, where words read as `code`'s name going on begin with a capital and could
/// have opened a name of their own.
pub(super) fn said_going_on(code: &str, words: &str, at: CellRef) -> Option<Finding> {
    (!goes_on(words)).then(|| Finding::new(Code::NameContinued, Some(at), code).found(words))
}

/// Whether a label's words carry on a sentence from the row above: a small letter or a bracket
/// first ("dalam menerapkan …", "(IKM)"), as no goal's or indicator's name starts.
pub fn goes_on(text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase() || c == '(')
}

/// Words that say a figure counts things (`60.000 Orang`, `12 Instansi`).
const COUNT_WORDS: [&str; 9] =
    ["jumlah", "orang", "dokumen", "instansi", "peserta", "pegawai", "unit", "kegiatan", "laporan"];

/// Things units count, written after a number (`12 Layanan`, `5 Rekomendasi`, `3 Kali`), beyond
/// [`COUNT_WORDS`]: a figure so written is a count, though the words do not make an indicator's
/// name one ("Persentase Layanan …" is a share).
const COUNTED_THINGS: [&str; 22] = [
    "layanan",
    "rekomendasi",
    "kali",
    "satker",
    "lembaga",
    "kabupaten",
    "kota",
    "provinsi",
    "asn",
    "pns",
    "berkas",
    "sistem",
    "aplikasi",
    "usulan",
    "instrumen",
    "regulasi",
    "temuan",
    "jabatan",
    "formasi",
    "surat",
    "paket",
    "buah",
];

/// The word of count written after a number in `text` (`12 Instansi` → `instansi`), not a
/// remark in brackets.
fn counted_as(text: &str) -> Option<String> {
    let word: String = cell::remark(text)?.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    (COUNT_WORDS.contains(&word.as_str()) || COUNTED_THINGS.contains(&word.as_str())).then_some(word)
}

/// How an indicator is measured, from a satuan cell, else its name, else its target. Words are
/// matched whole (`penilaian` is not `nilai`), and a count word outranks a score word: "Jumlah
/// peserta penilaian kompetensi" counts people.
pub fn measure_of(satuan: Option<&str>, name: &str, target: &CellValue) -> Measure {
    let from_words = |text: &str| {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let has = |options: &[&str]| words.iter().any(|w| options.contains(&w.as_str()));
        if text.contains('%') || has(&["persen", "persentase", "prosentase"]) {
            Some(Measure::Percent)
        } else if has(&["indeks", "index", "ikm", "ikp"]) {
            Some(Measure::Index)
        } else if has(&["opini"]) {
            Some(Measure::Opinion)
        } else if has(&["rupiah", "rp"]) {
            Some(Measure::Rupiah)
        } else if has(&COUNT_WORDS) {
            Some(Measure::Count)
        } else if has(&["nilai", "skor", "score"]) {
            Some(Measure::Score)
        } else {
            None
        }
    };
    let starts_percent =
        ["persentase", "prosentase"].iter().any(|w| name.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)));
    satuan
        .and_then(from_words)
        .or_else(|| if starts_percent { Some(Measure::Percent) } else { from_words(name) })
        .or(match target.kind {
            Kind::Opinion => Some(Measure::Opinion),
            _ if target.percent => Some(Measure::Percent),
            _ => None,
        })
        .unwrap_or(Measure::Other)
}

pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Target => "Target",
        Role::Realisasi => "Realisasi",
        Role::Capaian => "Capaian",
        Role::Nss => "NSS",
        Role::Skor => "Skor",
        Role::Nkp => "NKP",
        Role::Pagu => "Pagu",
        Role::BudgetRealisasi => "Realisasi anggaran",
        Role::Serapan => "Serapan",
        Role::Sisa => "Sisa",
        Role::Efisiensi => "Efisiensi",
        _ => "Nilai",
    }
}

/// Numbers stored as text in one column: reported once per column, at its first such cell.
struct AsText {
    first: CellRef,
    subject: String,
    text: String,
}

/// Reads the value cells of one table, deciding ambiguous numbers per column.
struct Reader<'a> {
    sheet: &'a Sheet,
    header: &'a Header,
    rows: (u32, u32),
    styles: Vec<(u32, Option<Style>)>,
    as_text: Vec<(u32, AsText)>,
    parts: PartSums,
    findings: &'a mut Vec<Finding>,
}

/// What a table's money spent by part of the year alone ([`Header::spent_by_part`]) showed as its
/// lines were added up: whether the parts hold each a part's money or running totals.
#[derive(Default)]
struct PartSums {
    /// Each line whose sum differs from its last part's amount, by its row: that amount as read,
    /// what the line is if the parts are running totals.
    differ: HashMap<u32, Reading>,
    /// Whether some line spent less in a part than in the one before: no running total.
    falling: bool,
}

/// "Positif", "Maximize", "Semakin tinggi semakin baik" and the like are higher-is-better;
/// "Negatif", "Minimize", "Menurun", "Semakin kecil semakin baik" lower-is-better; `None` for
/// words that say neither, or both.
fn polarity_of(text: &str) -> Option<Polarity> {
    const LOWER: [&str; 10] = ["negati", "lower", "rendah", "minim", "turun", "nurun", "kecil", "decreas", "less", "↓"];
    const HIGHER: [&str; 11] =
        ["positi", "higher", "tinggi", "maks", "maxim", "naik", "meningkat", "besar", "increas", "more", "↑"];
    let words = normalise(text);
    let says = |marks: &[&str]| marks.iter().any(|m| words.contains(m) || text.contains(m));
    match (says(&LOWER), says(&HIGHER)) {
        (true, false) => Some(Polarity::Lower),
        (false, true) => Some(Polarity::Higher),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    fn new(sheet: &'a Sheet, header: &'a Header, rows: (u32, u32), findings: &'a mut Vec<Finding>) -> Self {
        Reader { sheet, header, rows, styles: Vec::new(), as_text: Vec::new(), parts: PartSums::default(), findings }
    }

    /// Whether the numbers under `col` count whole things: every count, and rupiah where the
    /// column names no scale (`dalam ribuan`) and one of its cells holds a whole million or more
    /// (`Rp289.951.706`). Amounts in thousands (`29.960,485`), captioned or not, keep three
    /// decimals.
    fn holds_whole_things(&self, col: u32, measure: Measure) -> bool {
        let million = |kind: Kind| {
            let written = match kind {
                Kind::Stored(w) => Some(w),
                Kind::Text(c) if c.grouped.is_none() && !c.is_ambiguous() => c.read(Style::Indonesian),
                _ => None,
            };
            written.is_some_and(|(n, places)| places == 0 && n.abs() >= WHOLE_RUPIAH)
        };
        match measure {
            Measure::Count => true,
            Measure::Rupiah => {
                self.header.scale(col) == Decimal::ONE
                    && (self.rows.0..=self.rows.1).any(|r| million(cell::read(self.sheet.get(r, col)).kind))
            }
            _ => false,
        }
    }

    /// The number style of a column, worked out the first time an ambiguous number needs it.
    fn column_style(&mut self, col: u32) -> Option<Style> {
        if let Some((_, style)) = self.styles.iter().find(|(c, _)| *c == col) {
            return *style;
        }
        let cells = (self.rows.0..=self.rows.1).filter_map(|r| match self.sheet.get(r, col) {
            Data::String(s) => Some(cell::read_text(s)),
            _ => None,
        });
        let style = Style::of_column(cells);
        self.styles.push((col, style));
        style
    }

    fn text(&self, row: u32, role: Role) -> Option<&'a str> {
        let col = self.header.col(role)?;
        self.sheet.text(self.printed_at(row, col, role), col)
    }

    /// The row of the cell printed for `row` under `role`: the first of the cells merged down
    /// over it, for what one cell may state for several indicators ("100%" as their target, "%"
    /// as their unit); a budget cell so merged is shared, not repeated.
    fn printed_at(&self, row: u32, col: u32, role: Role) -> u32 {
        let shared = matches!(role, Role::Target | Role::Realisasi | Role::Satuan | Role::Polarity);
        match self.sheet.merged_from(row, col) {
            Some(first) if shared && first >= self.rows.0 => first,
            _ => row,
        }
    }

    /// The cell under `role`, as a number, N/A, opinion or missing; findings for what it cannot
    /// read.
    fn reading(&mut self, row: u32, role: Role, measure: Measure, code: &str) -> Reading {
        if role == Role::BudgetRealisasi && !self.header.spent_by_part.is_empty() {
            return self.spent_to_date(row, code);
        }
        let Some(col) = self.header.col(role) else {
            return Reading::missing();
        };
        self.reading_in(row, col, role, measure, code)
    }

    /// The money spent to date where the table prints it by quarter (or semester) alone: the
    /// parts' amounts added up (a part left blank spent nothing), at the report's part's cell; as
    /// that cell reads where no part holds an amount. Whether they are running totals instead is
    /// settled once the table is read ([`Reader::settle_parts`]).
    fn spent_to_date(&mut self, row: u32, code: &str) -> Reading {
        let readings: Vec<Reading> = (self.header.spent_by_part.iter())
            .map(|(col, _)| self.reading_in(row, *col, Role::BudgetRealisasi, Measure::Rupiah, code))
            .collect();
        let amounts: Vec<Option<Decimal>> = readings.iter().map(Reading::number).collect();
        let provisional = readings.iter().any(|r| r.provisional);
        let Some(last) = readings.into_iter().last() else { return Reading::missing() };
        if amounts.iter().all(Option::is_none) {
            return last;
        }
        let falls = |pair: &[Option<Decimal>]| matches!(pair, [Some(before), Some(after)] if after < before);
        self.parts.falling |= amounts.windows(2).any(falls);
        // Amounts beyond an exact decimal's range add up to nothing to read, as one such cell is.
        let Some(sum) = checked_sum(amounts.iter().map(|a| Some(a.unwrap_or_default()))) else {
            return Reading { value: Value::Missing, ..last };
        };
        if last.number() != Some(sum) {
            self.parts.differ.insert(row, last.clone());
        }
        Reading { value: Value::Number(sum), provisional, ..last }
    }

    /// The cell under `role` in column `col` (see [`Reader::reading`]).
    fn reading_in(&mut self, row: u32, col: u32, role: Role, measure: Measure, code: &str) -> Reading {
        let row = self.printed_at(row, col, role);
        let data = self.sheet.get(row, col);
        let cell = cell::read(data);
        let at = CellRef::new(&self.sheet.name, row, col);
        // A target written as its lower bound ("≥ 95", "Min. 95") is that number.
        let bound = match (&cell.kind, data, role) {
            (Kind::Unreadable, Data::String(text), Role::Target) => {
                at_least(text).map(|rest| Data::String(rest.into()))
            }
            _ => None,
        };
        let cell = bound.as_ref().map(cell::read).filter(|c| c.kind.is_number()).unwrap_or(cell);
        let value = match cell.kind {
            Kind::Empty => Value::Missing,
            // A percentage where rupiah belong (the serapan typed in the money's column) is no
            // amount: read as rupiah, 99,99 % was Rp 99,99 spent, serapan 0 %.
            _ if measure == Measure::Rupiah && cell.percent && cell.kind.is_number() => {
                let shown = match cell.kind {
                    Kind::Stored((n, _)) => n.normalize().to_string(),
                    _ => cell.text.trim().trim_end_matches('%').trim_end().to_string(),
                };
                let finding = Finding::new(Code::AmountAsPercent, Some(at.clone()), subject((role, code)));
                self.findings.push(finding.found(shown));
                Value::Missing
            }
            Kind::NotApplicable => Value::NotApplicable,
            Kind::Opinion if measure != Measure::Rupiah => Value::Opinion(cell.opinion()),
            Kind::Stored((n, _)) => Value::Number(n),
            Kind::Text(c) => match self.decide(&cell, c, col, measure, &at, (role, code)) {
                Some((n, _)) => Value::Number(n),
                None => Value::Missing,
            },
            // A word where an amount belongs ("belum", "DIPA") is no opinion.
            Kind::Opinion | Kind::Date | Kind::FormulaError | Kind::Uncalculated | Kind::Unreadable => {
                self.unreadable(&cell, &at, (role, code));
                Value::Missing
            }
        };
        // Amounts printed in thousands (or millions) of rupiah, as the cell ("30,4 juta") or the
        // header says, in rupiah.
        let value = match value {
            Value::Number(n) if measure == Measure::Rupiah => {
                Value::Number(super::header::in_rupiah(n, &cell.text, self.header.scale(col)))
            }
            // A count shortened with its own word (`60 ribu`, `1,2 juta orang`).
            Value::Number(n) if measure == Measure::Count => {
                Value::Number(super::header::in_rupiah(n, &cell.text, rust_decimal::Decimal::ONE))
            }
            value => value,
        };
        // A mark after N/A points to a footnote that explains it; nothing to score is provisional.
        let marked = cell.provisional && value != Value::NotApplicable;
        if marked {
            self.findings.push(
                Finding::new(Code::Provisional, Some(at.clone()), subject((role, code))).found(cell.text.as_ref()),
            );
        }
        // Realisasi under a header naming them an estimate (`Realisasi (Prognosa)`), said once
        // at the header.
        let estimated = role == Role::Realisasi
            && self.header.estimates.iter().any(|(c, _)| *c == col)
            && matches!(value, Value::Number(_) | Value::Opinion(_));
        Reading { value, provisional: marked || estimated, at: Some(at) }
    }

    /// The indicator's polarity from its Polaritas cell: higher-is-better when there is none, and
    /// an error finding (scored higher-is-better) for words that say neither.
    fn polarity(&mut self, row: u32, code: &str) -> Polarity {
        let Some(col) = self.header.col(Role::Polarity) else { return Polarity::Higher };
        let row = self.printed_at(row, col, Role::Polarity);
        let Some(text) = self.sheet.text(row, col) else {
            return Polarity::Higher;
        };
        match polarity_of(text) {
            Some(polarity) => polarity,
            None => {
                let at = CellRef::new(&self.sheet.name, row, col);
                self.findings.push(Finding::new(Code::PolarityUnknown, Some(at), code).found(text.trim()));
                Polarity::Higher
            }
        }
    }

    /// A value the unit computed, to verify; `None` when blank, N/A or unreadable.
    fn claim(&mut self, row: u32, role: Role, code: &str) -> Option<Claim> {
        let col = self.header.col(role)?;
        self.claim_in(row, col, role, code)
    }

    /// The value the unit printed in any cell of the table (a total row's last number).
    fn claim_at(&mut self, row: u32, col: u32, code: &str) -> Option<Claim> {
        self.claim_in(row, col, Role::Capaian, code)
    }

    fn claim_in(&mut self, row: u32, col: u32, role: Role, code: &str) -> Option<Claim> {
        let cell = cell::read(self.sheet.get(row, col));
        let at = CellRef::new(&self.sheet.name, row, col);
        // A claim is held to one unit of its last decimal shown, at most the hundredth: a number
        // cell shows as many as its format fixes (`0.0`, `#,##0`), else (General) as it was
        // stored (`104` is a whole number; 104,2211… two); text shows its own.
        let (value, decimals) = match cell.kind {
            Kind::Stored((n, shown)) => (n, shown.min(2)),
            Kind::Text(c) => {
                let (n, d) = self.decide(&cell, c, col, Measure::Percent, &at, (role, code))?;
                (n, d.min(2))
            }
            // A status where the value belongs (`Tercapai`, `Baik`, `●`) claims nothing, nor does
            // an opinion as the capaian of an indicator measured by one (`WTP` for `WTP`).
            Kind::Unreadable | Kind::Opinion if status_mark(&cell.text) => return None,
            Kind::Opinion if role == Role::Capaian && self.measured_by_opinion(row) => return None,
            // Any other word (`TBD`, `abc`) is a claim that cannot be read.
            Kind::Date | Kind::FormulaError | Kind::Unreadable | Kind::Opinion => {
                self.unreadable(&cell, &at, (role, code));
                return None;
            }
            // A claim saved without its value claims nothing: kinerja's recomputation stands.
            Kind::Empty | Kind::NotApplicable | Kind::Uncalculated => return None,
        };
        // A sisa printed in thousands of rupiah (by its header, or its own word: `Rp 315,8 juta`)
        // claims its value in rupiah, to a thousand's (a hundred thousand's) tolerance.
        let unit = match role {
            Role::Sisa => super::header::written_scale(&cell.text).unwrap_or(self.header.scale(col)),
            _ => rust_decimal::Decimal::ONE,
        };
        Some(Claim { value: value * unit, decimals, unit, at })
    }

    /// Whether `row`'s target or realisasi is an opinion (`WTP`).
    fn measured_by_opinion(&self, row: u32) -> bool {
        let opinion = |col: u32| cell::read(self.sheet.get(row, col)).kind == Kind::Opinion;
        [Role::Target, Role::Realisasi].into_iter().filter_map(|role| self.header.col(role)).any(opinion)
    }

    fn decide(
        &mut self,
        cell: &CellValue,
        candidates: cell::Candidates,
        col: u32,
        measure: Measure,
        at: &CellRef,
        about: (Role, &str),
    ) -> Option<cell::Written> {
        let style = if candidates.is_ambiguous() { self.column_style(col) } else { None };
        let grouped = candidates.grouped.filter(|_| self.holds_whole_things(col, measure));
        let (written, sure) = if let Some(grouped) = grouped {
            // Both marks before three digits (`Rp29,960.485`) among whole amounts: every mark
            // separates thousands (not Rp 29.960 and a fraction), said as the reading taken.
            (Some(grouped), false)
        } else if !candidates.is_ambiguous() {
            (candidates.read(Style::Indonesian), true)
        } else if measure.counts_whole_things() {
            // `60.000` people or rupiah: a count has no thousandths, whatever style the other rows
            // of the column are written in; said when the column itself does not confirm it.
            let taken = candidates.read_by_measure(true);
            (taken, style.is_some_and(|s| candidates.read(s) == taken))
        } else if let Some(style) = style {
            (candidates.read(style), true)
        } else {
            (candidates.read_by_measure(false), false)
        };
        if !sure {
            let shown = written.map(|w| w.0.to_string()).unwrap_or_default();
            self.findings.push(
                Finding::new(Code::NumberAmbiguous, Some(at.clone()), subject(about))
                    .found(cell.text.as_ref())
                    .expected(shown),
            );
        }
        if cell.plain_text_number && written.is_some() && !self.as_text.iter().any(|(c, _)| *c == col) {
            let first =
                AsText { first: at.clone(), subject: role_label(about.0).to_string(), text: cell.text.to_string() };
            self.as_text.push((col, first));
        }
        written
    }

    /// A row of an indicator table that holds a target or realisasi but names no goal or
    /// indicator kinerja can tell, or, opening no goal either, an NSS (a goal's row whose code
    /// is typed otherwise, "S.S.3": its indicators would stay under the goal above): not
    /// scored, and said at its first such cell.
    fn unread(&mut self, row: u32, label: &str, no_goal: bool) {
        let nss = Some(Role::Nss).filter(|_| no_goal);
        if let Some(col) = self.filled(row, [Role::Target, Role::Realisasi].into_iter().chain(nss)) {
            let at = CellRef::new(&self.sheet.name, row, col);
            let said = Finding::new(Code::RowUnread, Some(at), (row + 1).to_string());
            self.findings.push(said.found(or_empty(label)));
        }
    }

    /// A row coded by its place alone in a table whose `role` column carries the codes of the
    /// other rows: its code cell left blank, the code a guess (`IKU.1` for PUSPENKOM's `IKK.1`).
    /// Whether it was said.
    fn code_blank(&mut self, row: u32, role: Role, by_place: bool, code: &str) -> bool {
        let prefixes: &[&str] = if role == Role::GoalCode { &GOAL_PREFIXES } else { &INDICATOR_PREFIXES };
        let coded = |col: &u32| {
            let (first, last) = self.rows;
            (first..=last).any(|r| self.sheet.text(r, *col).is_some_and(|t| prefixed_code(t, prefixes).is_some()))
        };
        let blank = self.header.col(role).filter(|col| by_place && coded(col));
        if let Some(col) = blank {
            let at = CellRef::new(&self.sheet.name, row, col);
            self.findings.push(Finding::new(Code::CodeBlank, Some(at), "").found(code));
        }
        blank.is_some()
    }

    /// A goal opened below a blank row, in a table whose perspectives stand on rows of their
    /// own and none since the goal before it: the blank row may be a perspective row left
    /// blank, the goal then in another perspective than the one it is scored in.
    fn perspective_blank(&mut self, row: u32, code: &str, perspective: &str) {
        let (first, last) = self.header.span();
        if row > self.rows.0 && self.sheet.row_is_blank(row - 1, first, last) {
            let at = CellRef::new(&self.sheet.name, row - 1, first);
            self.findings.push(Finding::new(Code::PerspectiveBlank, Some(at), code).found(perspective));
        }
    }

    /// A perspective the table's perspective rows skip (Stakeholder, then Internal Process): its
    /// row may have been deleted, its goals then read in the perspective printed above. A unit may
    /// have three perspectives, so only where the perspective above holds two goals or more is any
    /// goal in doubt: said at the second, the first that may be the skipped perspective's, unless
    /// a blank row above one of them already says so (`PERSPECTIVE_BLANK`).
    fn perspective_skipped(&mut self, rows: &[(String, CellRef)], goals: &[GoalRow]) {
        let rank = |name: &str| PERSPECTIVES.iter().position(|p| *p == name);
        for pair in rows.windows(2) {
            let ((above, from), (below, to)) = (&pair[0], &pair[1]);
            let (Some(first), Some(next)) = (rank(above), rank(below)) else { continue };
            let within = |g: &&GoalRow| g.perspective == *above && g.at.row > from.row && g.at.row < to.row;
            let blank =
                |g: &GoalRow| self.findings.iter().any(|f| f.code == Code::PerspectiveBlank && f.subject == g.code);
            if next <= first + 1 || goals.iter().filter(within).any(blank) {
                continue;
            }
            if let Some(goal) = goals.iter().filter(within).nth(1) {
                let skipped = PERSPECTIVES[first + 1..next].join(", ");
                let said = Finding::new(Code::PerspectiveSkipped, Some(goal.at.clone()), &goal.code);
                self.findings.push(said.found(above).expected(skipped));
            }
        }
    }

    /// A perspective row with nothing under it, followed by another that holds goals: a goal's
    /// row moved below the next perspective row (or that row typed one goal too early) reads the
    /// goal in the wrong perspective and leaves its own unscored, its weight shared by the others.
    /// Said at the first goal under the next perspective, the one that may be the empty one's. An
    /// empty perspective last in the table leaves no goal in doubt.
    fn perspective_empty(&mut self, rows: &[(String, CellRef)], goals: &[GoalRow], indicators: &[IndicatorRow]) {
        for pair in rows.windows(2) {
            let ((empty, from), (next, to)) = (&pair[0], &pair[1]);
            // The same perspective's row printed again (a page's heading repeated) empties none.
            if empty == next {
                continue;
            }
            let between = |row: u32| row >= from.row && row < to.row;
            // Indicators there without a goal are GOAL_BLANK's to say.
            if goals.iter().any(|g| between(g.at.row)) || indicators.iter().any(|i| between(i.at.row)) {
                continue;
            }
            if let Some(goal) = goals.iter().find(|g| g.perspective == *next && g.at.row >= to.row) {
                let said = Finding::new(Code::PerspectiveEmpty, Some(goal.at.clone()), &goal.code);
                self.findings.push(said.found(next).expected(empty));
            }
        }
    }

    /// An indicator at `row` below the perspective row, in a table printing its goals, with no
    /// goal opened since: its goal cell left blank, it is scored under `above`, the goal of the
    /// perspective above. Said at its goal cell, or a scorecard's blank row between the two.
    fn goal_blank(&mut self, (perspective_row, row): (u32, u32), code: &str, (above, perspective): (&str, &str)) {
        let tree = self.header.col(Role::Tree);
        let col = tree.or(self.header.col(Role::Goal)).unwrap_or(self.header.span().0);
        let at = match tree {
            Some(tree) if row - 1 > perspective_row && self.sheet.is_blank(row - 1, tree) => row - 1,
            _ => row,
        };
        let at = CellRef::new(&self.sheet.name, at, col);
        self.findings.push(Finding::new(Code::GoalBlank, Some(at), code).found(above).expected(perspective));
    }

    /// A goal's row left blank among its perspective's goals: its indicators stay under the goal
    /// above, and the goals read skip its number (SS.3, then SS.5). Said at the blank row just
    /// above the first indicator after it, still under the goal above; with no such row, the
    /// skip alone is said (GOAL_GAP), at the goal above.
    fn goal_skipped(&mut self, goals: &[GoalRow], indicators: &[IndicatorRow]) {
        let (first, last) = self.header.span();
        for pair in goals.windows(2) {
            let (above, next) = (&pair[0], &pair[1]);
            let Some(skipped) = next_code(&above.code) else { continue };
            if next_code(&skipped).as_ref() != Some(&next.code) {
                continue;
            }
            let below_blank = |i: &&IndicatorRow| {
                let row = i.at.row;
                i.goal == above.code
                    && row > above.at.row + 1
                    && row < next.at.row
                    && self.sheet.row_is_blank(row - 1, first, last)
            };
            if let Some(indicator) = indicators.iter().find(below_blank) {
                let at = CellRef::new(&self.sheet.name, indicator.at.row - 1, indicator.at.col);
                self.findings.push(
                    Finding::new(Code::GoalSkipped, Some(at), &indicator.code).found(&above.code).expected(skipped),
                );
            } else if indicators.iter().any(|i| i.goal == above.code) && !self.gap_explained(above, next) {
                // No blank row in its place: the goal's cell left blank on its first indicator's
                // row (goals printed beside their indicators), or its row deleted.
                let said = Finding::new(Code::GoalGap, Some(above.at.clone()), skipped);
                self.findings.push(said.found(&above.code).expected(&next.code));
            }
        }
    }

    /// A skip in the goals' numbers from `above` to `next` that a finding already accounts for:
    /// a goal cell left blank below a perspective row (GOAL_BLANK), `next`'s number typed twice.
    fn gap_explained(&self, above: &GoalRow, next: &GoalRow) -> bool {
        self.findings.iter().any(|f| {
            f.code == Code::GoalBlank && f.found == above.code
                || f.code == Code::GoalDuplicate && f.subject == next.code
        })
    }

    /// Each column inside the table, or right of its last headed one, with no header (blank in
    /// every header row) that holds figures on the table's `rows` read (Pagu | (blank): the
    /// realisasi anggaran with its header left blank): not read, and said at its header cell
    /// rather than dropped without a word.
    fn unheaded(&mut self, rows: &[u32]) {
        let (first, last) = self.header.span();
        let figures =
            |col: u32| rows.iter().filter(|row| cell::read(self.sheet.get(**row, col)).kind.is_number()).count();
        let header_blank = |col: u32| self.sheet.heading_is_blank(col, (self.header.first_row, self.header.last_row));
        let headed = |col: &u32| self.header.columns.iter().any(|(c, _)| c == col);
        let inside = (first..=last).filter(|c| !headed(c) && header_blank(*c)).map(|c| (c, figures(c)));
        let right = (last + 1..).map(|c| (c, figures(c))).take_while(|(c, n)| header_blank(*c) && *n > 0);
        let unheaded: Vec<(u32, usize)> = inside.filter(|(_, n)| *n > 0).chain(right).collect();
        for (col, count) in unheaded {
            let at = CellRef::new(&self.sheet.name, self.header.last_row, col);
            self.findings.push(Finding::new(Code::ColumnUnheaded, Some(at), "").found(count.to_string()));
        }
    }

    /// The first column of `roles` that holds something on `row`.
    fn filled(&self, row: u32, roles: impl IntoIterator<Item = Role>) -> Option<u32> {
        roles.into_iter().flat_map(|r| self.header.cols_read(r)).find(|c| !self.sheet.is_blank(row, *c))
    }

    /// A row holding something under one of `roles` that names nothing the table's reader
    /// knows (a budget line with neither code nor label, a summary row whose label is blank or
    /// no perspective's): not read, its figures unchecked, and said as `code` at its first such
    /// cell, with the label it has.
    fn figures_unread(&mut self, row: u32, roles: &[Role], code: Code, label: &str) {
        if let Some(col) = self.filled(row, roles.iter().copied()) {
            let at = CellRef::new(&self.sheet.name, row, col);
            self.findings.push(Finding::new(code, Some(at), (row + 1).to_string()).found(or_empty(label)));
        }
    }

    fn unreadable(&mut self, cell: &CellValue, at: &CellRef, about: (Role, &str)) {
        let code = cell.kind.unreadable().unwrap_or(Code::CellUnreadable);
        self.findings.push(Finding::new(code, Some(at.clone()), subject(about)).found(cell.text.as_ref()));
    }

    /// How money spent by part of the year alone is read, once the table's lines are: each part's
    /// money, added up (`COLUMNS_SUMMED`), where some line spent less in a part than in the one
    /// before, or where the serapan, sisa and efisiensi printed on the lines whose sum differs
    /// from their last part's amount agree with their sums (an efisiensi with the line's
    /// `capaian` as printed, and only where it was not clamped); running totals, the last part's
    /// amounts read (`COLUMNS_RUNNING`), where those agree with these instead. Where no line tells
    /// (none whose sum differs prints a serapan, sisa or efisiensi to hold it to), the sums are
    /// read and cannot be confirmed: `READING_UNCERTAIN` at the header.
    fn settle_parts(&mut self, lines: &mut [BudgetRow], capaian: impl Fn(&BudgetRow) -> Option<Decimal>) {
        let parts = &self.header.spent_by_part;
        let Some(&(last_col, last_part)) = parts.last() else { return };
        // Each line's last part's amount where it differs from the line's sum: the line read two ways.
        let lasts: Vec<Option<&Reading>> =
            lines.iter().map(|line| self.parts.differ.get(&line.realisasi.at.as_ref()?.row)).collect();
        // An efficiency tells beside the capaian printed for it, where it was not clamped: inside
        // ±20, PMK 214/2017's bound (a unit prints what it computed, whatever kinerja's setting).
        let telling = |line: &BudgetRow| line.efisiensi.as_ref().is_some_and(|e| e.value.abs() < EFFICIENCY_BOUND);
        let basis = |line: &BudgetRow| capaian(line).filter(|_| telling(line));
        let agrees = |line: &BudgetRow, spent: &Reading| {
            let (pagu, spent) = (line.pagu.number(), spent.number());
            let serapan = pagu.zip(spent).and_then(|(p, s)| percent_of(s, p));
            let sisa = pagu.zip(spent).and_then(|(p, s)| p.checked_sub(s));
            let efficiency = basis(line).zip(serapan).and_then(|(c, s)| efisiensi(c, s, Decimal::MAX));
            [(&line.serapan, serapan), (&line.sisa, sisa), (&line.efisiensi, efficiency)]
                .iter()
                .all(|(claim, value)| claim.as_ref().zip(*value).is_none_or(|(c, v)| c.admits(v)))
        };
        let two_ways = || lines.iter().zip(&lasts).filter_map(|(line, last)| Some((line, (*last)?)));
        let told: Vec<(bool, bool)> = two_ways()
            .filter(|(line, _)| line.serapan.is_some() || line.sisa.is_some() || basis(line).is_some())
            .map(|(line, last)| (agrees(line, &line.realisasi), agrees(line, last)))
            .collect();
        let falling = self.parts.falling;
        let running = !falling && !told.is_empty() && told.iter().all(|t| t.1) && !told.iter().all(|t| t.0);
        let unchecked = !falling
            && told.is_empty()
            && two_ways().next().is_some()
            && !two_ways().any(|(l, _)| l.efisiensi.is_some());
        let letters: Vec<String> = parts.iter().map(|(c, _)| CellRef::column_letters(*c)).collect();
        let (last, listed, heading) = (CellRef::column_letters(last_col), letters.join(", "), last_part.heading());
        let at = Some(CellRef::new(&self.sheet.name, self.header.first_row, self.header.span().0));
        let subject = format!("{} ({})", role_label(Role::BudgetRealisasi), self.sheet.name);
        let finding = if running {
            for (line, last) in lines.iter_mut().zip(&lasts) {
                if let Some(last) = last {
                    line.realisasi = (*last).clone();
                }
            }
            Finding::new(Code::ColumnsRunning, at, subject).found(listed).expected(last)
        } else if unchecked {
            let found = format!(
                "per periode ({listed}), tanpa kolom sampai dengan periode laporan, dan tanpa serapan, sisa atau efisiensi yang tertulis"
            );
            let expected = format!(
                "angkanya dijumlahkan sebagai realisasi sejak Januari, tetapi bila tiap kolom sudah kumulatif, yang benar kolom {last} saja; beri judul \"s.d. {heading}\" pada kolom kumulatif, atau tambahkan kolom Jumlah"
            );
            Finding::new(Code::ReadingUncertain, at, format!("Kolom {subject}")).found(found).expected(expected)
        } else {
            Finding::new(Code::ColumnsSummed, at, subject).found(listed).expected(heading)
        };
        self.findings.push(finding);
    }

    /// The per-column findings, once the table is read.
    fn finish(self) {
        for (_, column) in self.as_text {
            self.findings.push(Finding::new(Code::NumberAsText, Some(column.first), column.subject).found(column.text));
        }
    }
}

fn subject((role, code): (Role, &str)) -> String {
    format!("{} {code}", role_label(role))
}

/// Read the table under `header` on `sheet` into `parts`.
pub fn read(sheet: &Sheet, header: &Header, rows: (u32, u32), parts: &mut Parts) {
    match header.family {
        Family::Performance | Family::Agreement => read_indicators(sheet, header, rows, parts),
        Family::GoalBudget | Family::BudgetView => read_budget_table(sheet, header, rows, parts),
        Family::PerspectiveSummary => read_perspective_summary(sheet, header, rows, parts),
        Family::Category => read_category_table(sheet, header, rows, parts),
    }
}

fn upsert_perspective(parts: &mut Parts, row: PerspectiveRow) {
    match parts.perspectives.iter_mut().find(|p| p.name == row.name) {
        Some(existing) => {
            existing.skor = existing.skor.take().or(row.skor);
            existing.nkp = existing.nkp.take().or(row.nkp);
            existing.bobot = existing.bobot.take().or(row.bobot);
            existing.input = existing.input.take().or(row.input);
        }
        None => parts.perspectives.push(row),
    }
}

/// The number a No. column holds at `row`: a whole number, or a text's leading digits or `IKU`/
/// `SS` code (not an outline number, `1.1`).
fn row_number(sheet: &Sheet, row: u32, col: u32) -> Option<String> {
    let data = sheet.get(row, col);
    if let Some(n) = data.whole() {
        return Some(n.to_string());
    }
    match data {
        Data::String(s) if outline_rest(s).is_none() => ["IKU", "SS"]
            .iter()
            .find_map(|prefix| leading_code(s, prefix))
            .or_else(|| leading_digits(s.trim()))
            .map(|(n, _)| n),
        _ => None,
    }
}

/// Whether column `no` holds two different numbers on consecutive rows of one goal: the row below
/// has its goal cell blank (merged down from above) or the same goal as the row above. A column
/// that leaves most indicator rows below a goal's first unnumbered numbers goals, whatever it
/// holds beside a goal's name left blank ("4" on a row with no goal name).
fn numbers_within_goal(sheet: &Sheet, rows: (u32, u32), no: u32, goal: u32, indicator: Option<u32>) -> bool {
    // An indicator's component ("a. …") is no row the column leaves unnumbered.
    let labelled = |row: u32| {
        indicator.is_none_or(|col| !sheet.is_blank(row, col) && !sheet.text(row, col).is_some_and(component_label))
    };
    let below_first = || {
        (rows.0..=rows.1).filter(|row| {
            sheet.is_blank(*row, goal) && labelled(*row) && perspective_name(sheet.first_text(*row), true).is_none()
        })
    };
    let numbered = below_first().filter(|row| row_number(sheet, *row, no).is_some()).count();
    let unnumbered = below_first().count() - numbered;
    numbered >= unnumbered
        && (rows.0 + 1..=rows.1).any(|row| {
            let above = row - 1;
            let same_goal = sheet.is_blank(row, goal) || sheet.text(row, goal) == sheet.text(above, goal);
            let numbers = (row_number(sheet, above, no), row_number(sheet, row, no));
            same_goal && matches!(numbers, (Some(a), Some(b)) if a != b)
        })
}

fn read_indicators(sheet: &Sheet, header: &Header, rows: (u32, u32), parts: &mut Parts) {
    let mut findings = std::mem::take(&mut parts.findings);
    let mut reader = Reader::new(sheet, header, rows, &mut findings);
    let capacity = (rows.1 + 1).saturating_sub(rows.0) as usize;
    parts.indicators.reserve(capacity);
    if header.has(Role::Pagu) {
        parts.budget.reserve(capacity);
    }
    let view: std::sync::Arc<str> = CellRef::new(&sheet.name, header.first_row, header.span().0).to_string().into();
    let tree = header.col(Role::Tree);
    let goal_col = header.col(Role::Goal);
    // With two `No.` columns, the one right of the goal column numbers indicators.
    let numbers: Vec<u32> = header.columns.iter().filter(|(_, r)| *r == Role::No).map(|(c, _)| *c).collect();
    let goal_no = numbers.iter().copied().find(|c| goal_col.is_none_or(|g| *c < g));
    let indicator_no = numbers.iter().copied().find(|c| goal_col.is_some_and(|g| *c > g));
    // A No. column left of the goal column numbers the goals, merged down beside them (004 Tabel
    // 3.2), unless it numbers rows of one goal differently: then it numbers the indicators. One
    // right of it, alone, numbers the indicators unless it leaves them unnumbered below each
    // goal's first (Sasaran | No. | Indikator with the goals' numbers).
    let within_goal = |no: u32, goal: u32| numbers_within_goal(sheet, rows, no, goal, header.col(Role::Indicator));
    let (goal_no, indicator_no) = match (goal_no, indicator_no, goal_col) {
        (Some(no), None, Some(goal)) if within_goal(no, goal) => (None, Some(no)),
        (None, Some(no), Some(goal)) if !within_goal(no, goal) => (Some(no), None),
        numbering => (numbering.0, numbering.1),
    };
    let code_col = header.col(Role::Code).or(goal_col.is_none().then_some(goal_no).flatten());
    let value_roles = [Role::Target, Role::Realisasi, Role::Capaian];
    let footnotes = footnotes_below(sheet, rows.1);
    // A table carrying on another starts where that one stopped.
    let Stopped { mut perspective, mut goal, mut synthetic } = parts.stopped.take().unwrap_or_default();
    // Each goal's place in `parts.goals`, by code: a table of a thousand goals looks its goal up
    // on every row.
    let mut goal_codes: HashMap<String, usize> =
        parts.goals.iter().enumerate().map(|(i, g)| (g.code.clone(), i)).collect();
    // Indicators numbered within their goal ("1.", "2." again under each SS): from the first goal
    // whose first indicator starts again at 1, a number names a place in the goal, not a code.
    let mut within_goal = false;
    let before = parts.indicators.len();
    // How many of the table's indicators read so far carry a code or number of their own.
    let mut marked_above = 0;
    let goals_before = parts.goals.len();
    let budget_before = parts.budget.len();
    // The goal a table carrying on another starts in: printed again as its first goal, it goes on.
    let mut carried = goal.clone();
    // Whether the table prints perspective rows, and the one printed since the last goal opened:
    // a goal opened below a blank row where one would stand may belong to another perspective,
    // an indicator below one with no goal opened belongs to no goal printed.
    let mut perspective_rows: Vec<(String, CellRef)> = Vec::new();
    let mut headed = None;
    // The last goal's and indicator's label printed with a code or number of its own (row,
    // column, index): a row below may only go on with its name.
    let mut goal_above: Option<Label> = None;
    let mut indicator_above: Option<Label> = None;
    // The row of the last indicator's figures, numbered or not, and the last component row
    // read under it.
    let (mut indicator_row, mut component_above): (Option<Label>, Option<Label>) = (None, None);
    let label_col = tree.or(header.col(Role::Indicator));
    let label_cols: Vec<u32> = [tree, goal_col, header.col(Role::Indicator)].into_iter().flatten().collect();
    let shared = tree.is_some() || goal_col.is_none();
    // A row with no code or number of its own.
    let code_cols: Vec<u32> =
        [header.col(Role::GoalCode), header.col(Role::IndicatorCode), code_col, goal_no, indicator_no]
            .into_iter()
            .flatten()
            .collect();
    let unmarked = |row: u32| code_cols.iter().all(|c| sheet.is_blank(row, *c));
    // The row whose figures an indicator above took (see `figures_below`).
    let mut taken = None;

    for row in rows.0..=rows.1 {
        if taken == Some(row) {
            continue;
        }
        let first_text = sheet.first_text(row);
        if npss_label(first_text) {
            // A total row at the foot of the table: its last number is the NPSS the unit printed.
            let last = sheet.cells_in_row(row).filter(|(_, d)| cell::read(d).kind.is_number()).last().map(|(c, _)| c);
            let printed = header.col(Role::Capaian).filter(|c| !sheet.is_blank(row, *c)).or(last);
            if let Some(col) = printed
                && let Some(claim) = reader.claim_at(row, col, "NPSS")
            {
                parts.npss_rows.push(claim);
            }
            continue;
        }
        // An average or total of the rows above: kinerja computes its own. In the indicator
        // column, only with no target or realisasi and a label no indicator has ("Rata-rata
        // Capaian", "Total"), or a summary's label alone with no code or number of its own,
        // whatever it prints: "Jumlah instansi yang …" is an indicator.
        let blank_under = |roles: &[Role]| roles.iter().all(|r| header.col(*r).is_none_or(|c| sheet.is_blank(row, c)));
        let unvalued = blank_under(&[Role::Target, Role::Realisasi]);
        let summary = summary_label(first_text)
            && (reader.text(row, Role::Indicator).is_none() || unvalued && sums_up(first_text));
        if summary || bare_summary(first_text) && unmarked(row) {
            continue;
        }
        let values_blank = blank_under(&value_roles);
        // A perspective row of its own, not a perspective column's label on a goal's row.
        let beside = [tree, goal_col, header.col(Role::Indicator)]
            .into_iter()
            .flatten()
            .filter_map(|c| sheet.text(row, c))
            .any(|t| t.trim() != first_text.trim());
        if values_blank
            && !beside
            && let Some(name) =
                perspective_name(first_text, true).or_else(|| bare_perspective(sheet, header, row, first_text))
        {
            let skor = reader.claim(row, Role::Skor, &name);
            let nkp = reader.claim(row, Role::Nkp, &name);
            let bobot = reader.claim(row, Role::Weight, &name);
            let at = CellRef::new(&sheet.name, row, header.span().0);
            // Printed again after goals of its own or of another perspective (Internal Process
            // typed as Customer): the goals below it may be another perspective's.
            if let Some((_, first)) = perspective_rows.iter().find(|(printed, _)| *printed == name)
                && (name != perspective || headed.is_none())
            {
                let said = Finding::new(Code::PerspectiveRepeated, Some(at.clone()), &name);
                reader.findings.push(said.expected(first.to_string()));
            }
            perspective_rows.push((name.clone(), at.clone()));
            perspective = name.clone();
            headed = Some(row);
            if synthetic {
                goal = None;
            }
            upsert_perspective(parts, PerspectiveRow { name, skor, nkp, bobot, at, input: None });
            continue;
        }
        if let Some(name) = reader.text(row, Role::Perspective).and_then(|t| perspective_name(t, false)) {
            perspective = name;
        }
        let no = |col: Option<u32>| col.and_then(|c| row_number(sheet, row, c));
        // A code column ("Kode", or a No. column in a table with no goal column) that carries the
        // codes (`SS.1` on goal rows, `IKU 1.` on indicator rows) tells the two apart.
        let coded = |prefixes: &[&str]| {
            code_col.and_then(|c| sheet.text(row, c)).filter(|t| prefixed_code(t, prefixes).is_some())
        };
        // The goal this row opens, if any.
        let (mut goal_text, indicator_text) = match tree {
            Some(col) => {
                let label = sheet.text(row, col).unwrap_or("");
                let says = |prefixes| prefixed_code(label, prefixes).is_some();
                match (says(&GOAL_PREFIXES), says(&INDICATOR_PREFIXES)) {
                    (true, _) => (Some(label), None),
                    (false, true) => (None, Some(label)),
                    _ if coded(&GOAL_PREFIXES).is_some() => (Some(label), None),
                    _ if coded(&INDICATOR_PREFIXES).is_some() => (None, Some(label)),
                    _ => (None, None),
                }
            }
            // With no goal column, a goal row is coded in the code column, or in its own label
            // ("SS.1 Terwujudnya…" in the indicator column, or across from the code column).
            None if goal_col.is_none() => {
                let goal_coded = |t: &&str| prefixed_code(t, &GOAL_PREFIXES).is_some();
                let label = reader.text(row, Role::Indicator);
                let across = reader.text(row, Role::IndicatorCode).filter(goal_coded);
                match coded(&GOAL_PREFIXES).or(across) {
                    Some(code) => (label.or(Some(code)), None),
                    None if label.is_some_and(|t| goal_coded(&t)) => (label, None),
                    None => (reader.text(row, Role::GoalCode), label),
                }
            }
            None => {
                let goal = reader.text(row, Role::Goal).or(reader.text(row, Role::GoalCode));
                // A goal whose name is left blank is known by its number in the goals' No. column.
                let goal = goal.or_else(|| no(goal_no).map(|_| ""));
                (goal, reader.text(row, Role::Indicator))
            }
        };
        // An indicator whose name is left blank is known by its code alone (`IKK.1`).
        let indicator_text = indicator_text.or_else(|| {
            let code = reader.text(row, Role::IndicatorCode).or(coded(&INDICATOR_PREFIXES))?;
            prefixed_code(code, &INDICATOR_PREFIXES).map(|_| "")
        });
        // A component of the indicator above it ("a. Dimensi Kualifikasi", "- …"), with figures
        // of its own, under an indicator printing its own target and realisasi: a detail of that
        // indicator, not one of the unit's set.
        let component = label_col.and_then(|c| sheet.text(row, c)).filter(|t| component_label(t));
        let under = [component_above, indicator_row].into_iter().flatten().find(|(at, ..)| *at + 1 == row);
        if let (Some(text), Some((_, col, index)), None) = (component, under, goal_text)
            && !values_blank
            && unmarked(row)
            && no(indicator_no).is_none()
            && [&parts.indicators[index].target, &parts.indicators[index].realisasi]
                .iter()
                .all(|r| r.value != Value::Missing)
        {
            let at = CellRef::new(&sheet.name, row, label_col.unwrap_or(col));
            let finding = Finding::new(Code::IndicatorComponent, Some(at), text.trim());
            reader.findings.push(finding.found(&parts.indicators[index].code));
            component_above = Some((row, col, index));
            continue;
        }
        // A name broken over rows (typed line by line, or pasted from a document): the words of
        // a row with no code, number or figure of its own go on with the label printed above
        // them in their column. Where goals and indicators share a column, and for a goal's
        // name beside its next indicator, only words that carry on a sentence (a small letter
        // or a bracket first, or the goal's number merged down over the row): a goal whose code
        // was left out would read as words going on. Words that could open a name of their own
        // (a capital first) are said, as NAME_CONTINUED.
        let numbered_over = goal_no.is_some_and(|c| sheet.merged_from(row, c).is_some());
        let continued = |above: Option<Label>, beside: bool| {
            let (_, col, index) = above.filter(|(at, ..)| *at + 1 == row && unmarked(row))?;
            let text = sheet.text(row, col).filter(|t| !marked(t))?;
            let small = goes_on(text);
            let words_only = sheet.blank_outside(row, &label_cols);
            (words_only && (small || !shared) || beside && (small || numbered_over)).then_some((col, index, text))
        };
        if let Some((col, index, text)) = continued(goal_above, true) {
            let goal = &mut parts.goals[index];
            let at = CellRef::new(&sheet.name, row, col);
            reader.findings.extend(continue_name(&mut goal.name, &goal.code, text, at));
            goal_above = Some((row, col, index));
            if Some(col) == tree.or(header.col(Role::Indicator)) {
                continue;
            }
            goal_text = None;
        }
        if let Some((col, index, text)) = continued(indicator_above, false) {
            let indicator = &mut parts.indicators[index];
            let at = CellRef::new(&sheet.name, row, col);
            reader.findings.extend(continue_name(&mut indicator.name, &indicator.code, text, at));
            indicator_above = Some((row, col, index));
            continue;
        }
        // A row of figures that opens no indicator is said, never dropped: the goal row beside
        // an indicator with neither name nor code too.
        if indicator_text.is_none() {
            let label = tree.or(header.col(Role::Indicator)).and_then(|c| sheet.text(row, c));
            // With its label cells blank, the row's first words: no status mark or figure.
            let words = || {
                let figure = |col: u32| cell::read(sheet.get(row, col)).kind.is_number();
                sheet.texts_in_row(row).find(|(col, t)| !status_mark(t) && !figure(*col)).map_or("", |(_, t)| t)
            };
            reader.unread(row, label.or(goal_text).unwrap_or_else(words), goal_text.is_none());
        }
        // A label cell holding only its code (`IKU 1` under a header merged over two columns)
        // has its name in the unheaded column beside it, or the first beyond a blank one.
        let named = |name: String, label_col: Option<u32>| match label_col {
            Some(col) if name.is_empty() => {
                let unheaded = |c: &u32| !header.columns.iter().any(|(headed, _)| headed == c);
                let beside = (col + 1..=header.span().1).take_while(unheaded).find_map(|c| sheet.text(row, c));
                beside.map_or(name, |beside| beside.trim().to_string())
            }
            _ => name,
        };
        // A goal's name printed again on each of its indicators' rows (not merged down) goes on,
        // however its words are spaced or broken over lines.
        let current = goal.as_ref().and_then(|code| goal_codes.get(code)).map(|&i| &parts.goals[i]);
        let repeated = |text: &str| current.is_some_and(|g| normalise(&g.name) == normalise(text));
        if let Some(text) = goal_text.filter(|t| !repeated(t)) {
            let code_cell = reader.text(row, Role::GoalCode).or(coded(&GOAL_PREFIXES));
            let (code, name, by_place) =
                code_and_name(code_cell, text, &GOAL_PREFIXES, no(goal_no), parts.goals.len() + 1);
            reader.code_blank(row, Role::GoalCode, by_place, &code);
            let name = named(name, tree.or(goal_col));
            synthetic = false;
            let at = CellRef::new(&sheet.name, row, tree.or(goal_col).unwrap_or(header.span().0));
            match goal_codes.entry(code.clone()) {
                Entry::Vacant(place) => {
                    if !by_place {
                        goal_above = Some((
                            row,
                            tree.or(goal_col).or(header.col(Role::Indicator)).unwrap_or(0),
                            parts.goals.len(),
                        ));
                    }
                    place.insert(parts.goals.len());
                    let nss = reader.claim(row, Role::Nss, &code);
                    if !perspective_rows.is_empty() && headed.is_none() && !header.has(Role::Perspective) {
                        reader.perspective_blank(row, &code, &perspective);
                    }
                    parts.goals.push(GoalRow { code: code.clone(), name, perspective: perspective.clone(), nss, at });
                }
                // The code of an earlier goal on a goal of another name (SS.2 typed again for
                // SS.3), in this table or one it carries on: its indicators go under the first,
                // said at the second.
                Entry::Occupied(first) if *first.get() >= goals_before || carried.as_ref() != Some(&code) => {
                    let first = &parts.goals[*first.get()];
                    let named = |name: &str| !name.trim().is_empty();
                    // The first known by its number alone: another goal where it holds indicators.
                    let other = if named(&first.name) {
                        normalise(&name) != normalise(&first.name)
                    } else {
                        parts.indicators.iter().any(|i| i.goal == code)
                    };
                    if named(&name) && other {
                        let said = Finding::new(Code::GoalDuplicate, Some(at), &code).found(name.trim());
                        reader.findings.push(said.expected(first.at.to_string()));
                    }
                }
                Entry::Occupied(_) => {}
            }
            carried = None;
            headed = None;
            goal = Some(code);
        }
        let Some(text) = indicator_text else { continue };
        let mut numbered = no(indicator_no.or(if goal_col.is_none() { goal_no } else { None }));
        let code_cell = reader.text(row, Role::IndicatorCode).or(coded(&INDICATOR_PREFIXES));
        let own_mark = code_cell.is_some() || numbered.is_some() || marked(text);
        indicator_above = own_mark.then(|| (row, label_col.unwrap_or(0), parts.indicators.len()));
        let mut text = text;
        let label_number = leading_number(text).filter(|_| prefixed_code(text, &INDICATOR_PREFIXES).is_none());
        let first_in_goal = parts.indicators[before..].last().is_some_and(|i| Some(&i.goal) != goal.as_ref());
        let number = label_number.as_ref().map(|(n, _)| n.as_str()).or(numbered.as_deref());
        within_goal |= first_in_goal && number == Some("1");
        if within_goal {
            numbered = None;
            text = label_number.map_or(text, |(_, rest)| rest);
        }
        let (code, name, by_place) =
            code_and_name(code_cell, text, &INDICATOR_PREFIXES, numbered, parts.indicators.len() + 1);
        let code_blank = reader.code_blank(row, Role::IndicatorCode, by_place, &code);
        let mut name = named(name, label_col);
        // A row with no number or code of its own below indicators that each have one: an
        // indicator whose number was left out, or a summary under a label kinerja does not know.
        let read = parts.indicators.len() - before;
        if !own_mark && !code_blank && read >= 2 && marked_above == read {
            let at = CellRef::new(&sheet.name, row, label_col.unwrap_or(0));
            reader.findings.push(Finding::new(Code::IndicatorUnnumbered, Some(at), name.trim()).found(&code));
        }
        marked_above += usize::from(own_mark);
        // Its figures on the last line of its name typed line by line, its code or number on the
        // first: read there, the name going on.
        let below = row + 1;
        let first_line = indicator_above.is_some() && values_blank && below <= rows.1 && unmarked(below);
        let figures_below = label_col.filter(|_| first_line).and_then(|col| {
            let label =
                |t: &&str| summary_label(t) || bare_summary(t) || npss_label(t) || perspective_name(t, true).is_some();
            let words = sheet.text(below, col).filter(|t| !marked(t) && !label(t) && (!shared || goes_on(t)))?;
            let alone = label_cols.iter().all(|c| *c == col || sheet.is_blank(below, *c));
            let figures = value_roles.iter().any(|r| header.col(*r).is_some_and(|c| !sheet.is_blank(below, c)));
            (alone && figures).then_some((col, words))
        });
        // The row of its figures, which components may follow.
        indicator_row = Some((figures_below.map_or(row, |_| below), label_col.unwrap_or(0), parts.indicators.len()));
        if let Some((col, words)) = figures_below {
            reader.findings.extend(continue_name(&mut name, &code, words, CellRef::new(&sheet.name, below, col)));
            indicator_above = indicator_above.map(|(_, col, index)| (below, col, index));
            taken = Some(below);
        }
        if let (Some(perspective_row), Some(above)) = (headed.take(), goal.as_ref().filter(|_| !synthetic)) {
            reader.goal_blank((perspective_row, row), &code, (above, &perspective));
        }
        let goal_code = match &goal {
            Some(g) => g.clone(),
            None => {
                // An indicator table without goal rows: the indicators of each perspective are
                // scored under one goal of that perspective, so the perspectives stay apart.
                let code = format!("SS.{}", parts.goals.len() + 1);
                synthetic = true;
                if let Entry::Vacant(place) = goal_codes.entry(code.clone()) {
                    place.insert(parts.goals.len());
                    let at = CellRef::new(&sheet.name, row, header.span().0);
                    // A goal the table does not print (see `structure::place`).
                    parts.goals.push(GoalRow::stood_in(&code, &perspective, at));
                }
                goal = Some(code.clone());
                code
            }
        };
        let label_row = row;
        let row = if figures_below.is_some() { below } else { row };
        let target_cell =
            header.col(Role::Target).map(|c| cell::read(sheet.get(row, c))).unwrap_or_else(|| cell::read_text(""));
        let measure = measure_of(reader.text(row, Role::Satuan), &name, &target_cell);
        let polarity = reader.polarity(row, &code);
        let mut target = reader.reading(row, Role::Target, measure, &code);
        let mut realisasi = reader.reading(row, Role::Realisasi, measure, &code);
        // A count where a percentage belongs (`12 Instansi` for a share of instansi, its target
        // 100%) is no percentage: read as one, 12 of 12 scored 12 %; nor is a percentage where a
        // count belongs (`100%` for 12 documents: 833 %). Target and realisasi written alike are
        // the indicator's own measure.
        let printed = |role| header.col(role).map(|col| cell::read(sheet.get(reader.printed_at(row, col, role), col)));
        let (printed_target, printed_realisasi) = (printed(Role::Target), printed(Role::Realisasi));
        let written = |cell: &Option<CellValue>| -> Option<String> {
            let cell = cell.as_ref()?;
            match measure {
                Measure::Percent => counted_as(&cell.text),
                Measure::Count => cell.percent.then(|| "%".to_string()),
                _ => None,
            }
        };
        let (by_target, by_realisasi) = (written(&printed_target), written(&printed_realisasi));
        let code_for = if measure == Measure::Percent { Code::CountForPercent } else { Code::PercentForCount };
        for (role, reading, word) in
            [(Role::Target, &mut target, &by_target), (Role::Realisasi, &mut realisasi, &by_realisasi)]
        {
            if word.is_some() && by_target != by_realisasi && matches!(reading.value, Value::Number(_)) {
                let typed = match reader.text(row, role) {
                    Some(text) => text.trim().to_string(),
                    None => format!("{}%", reading.value.shown("")),
                };
                let at = reading.at.clone();
                reader.findings.push(Finding::new(code_for, at, subject((role, &code))).found(typed));
                reading.value = Value::Missing;
            }
        }
        // A share's target kept as a fraction without its percent format (0,95 for 95 %) in a
        // table of targets alone (an agreement: no realisasi beside it to tell) is in doubt, not
        // a target of 0,95 %: the unit's reports, printing 95, would be held to it.
        if let Some(fraction) = target.value.number().filter(|t| *t > Decimal::ZERO && *t <= Decimal::ONE)
            && measure == Measure::Percent
            && !header.has(Role::Realisasi)
            && printed_target.as_ref().is_some_and(|cell| !cell.percent)
        {
            let (fraction, hundredfold) = (fraction.normalize(), (fraction * Decimal::ONE_HUNDRED).normalize());
            let finding = Finding::new(Code::ReadingUncertain, target.at.clone(), subject((Role::Target, &code)))
                .found(format!("{fraction} tanpa tanda atau format persen"))
                .expected(format!(
                    "mungkin {hundredfold} % yang tersimpan sebagai pecahan; tulis {hundredfold}, \
                     atau {fraction} % bila memang demikian"
                ));
            reader.findings.push(finding);
            target.value = Value::Missing;
        }
        let capaian = reader.claim(row, Role::Capaian, &code);
        // The keterangan column, or for an N/A marked `*)` the footnote under the table it points to.
        let footnote = || {
            let mark = reader.text(row, Role::Realisasi).and_then(footnote_mark)?;
            footnotes.iter().find(|(stars, _)| *stars == mark).map(|(_, text)| text.clone())
        };
        let note = reader
            .text(row, Role::Note)
            .map(str::to_string)
            .or_else(|| (realisasi.value == Value::NotApplicable).then(footnote).flatten());
        // "sementara" in the keterangan marks the realisasi provisional, as kinerja's template asks.
        if let Some(text) = note.as_deref().filter(|n| cell::contains_ignore_case(n, "sementara"))
            && !realisasi.provisional
            && realisasi.value != Value::Missing
        {
            realisasi.provisional = true;
            let at = header.col(Role::Note).map(|c| CellRef::new(&sheet.name, row, c));
            reader.findings.push(Finding::new(Code::Provisional, at, format!("Realisasi {code}")).found(text));
        }
        let at = CellRef::new(&sheet.name, label_row, label_col.unwrap_or(0));
        if header.has(Role::Pagu) || header.has(Role::BudgetRealisasi) {
            let pagu = reader.reading(row, Role::Pagu, Measure::Rupiah, &code);
            let spent = reader.reading(row, Role::BudgetRealisasi, Measure::Rupiah, &code);
            if pagu.value != Value::Missing || spent.value != Value::Missing {
                parts.budget.push(BudgetRow {
                    scope: BudgetScope::Indicator,
                    code: code.clone(),
                    view: view.clone(),
                    pagu,
                    realisasi: spent,
                    capaian: None,
                    serapan: reader.claim(row, Role::Serapan, &code),
                    sisa: reader.claim(row, Role::Sisa, &code),
                    efisiensi: reader.claim(row, Role::Efisiensi, &code),
                    at: at.clone(),
                });
            }
        }
        parts.indicators.push(IndicatorRow {
            code,
            name,
            goal: goal_code,
            measure,
            polarity,
            target,
            realisasi,
            capaian,
            note,
            at,
        });
    }
    shared_budgets(sheet, &parts.indicators[before..], &mut parts.budget[budget_before..], reader.findings);
    // Each indicator's capaian printed, for its budget line's efficiency: looked up only where
    // money spent by part of the year is settled, not on every table.
    if !header.spent_by_part.is_empty() {
        let capaian: HashMap<&str, Decimal> = (parts.indicators[before..].iter())
            .filter_map(|i| Some((i.code.as_str(), i.capaian.as_ref()?.value)))
            .collect();
        reader.settle_parts(&mut parts.budget[budget_before..], |line| capaian.get(line.code.as_str()).copied());
    }
    // A table whose rows carry no number or code at all: its last row is an indicator by its
    // place alone, as a summary under a label kinerja does not know would be.
    if marked_above == 0 && parts.indicators.len() - before >= 3 {
        parts.unnumbered_feet.extend(parts.indicators.last().map(|i| i.at.clone()));
    }
    reader.goal_skipped(&parts.goals[goals_before..], &parts.indicators[before..]);
    reader.perspective_skipped(&perspective_rows, &parts.goals[goals_before..]);
    reader.perspective_empty(&perspective_rows, &parts.goals[goals_before..], &parts.indicators[before..]);
    let read: Vec<u32> = parts.indicators[before..].iter().map(|i| i.at.row).collect();
    reader.unheaded(&read);
    reader.finish();
    parts.findings = findings;
    parts.stopped = Some(Stopped { perspective, goal, synthetic });
}

/// The columns of a budget table that carry a line's amounts or the checks on them.
const BUDGET_FIGURES: [Role; 6] =
    [Role::Pagu, Role::BudgetRealisasi, Role::Capaian, Role::Serapan, Role::Sisa, Role::Efisiensi];

/// A budget printed once for several indicators, its cells merged down over their rows: where
/// they are every indicator of one goal, it is that goal's budget (its efficiency against the
/// goal's NSS, as a budget per SS is); over some of a goal's, or across goals, whose capaian it
/// answers cannot be told (`BUDGET_SHARED`, an error), and it stays on the first.
fn shared_budgets(sheet: &Sheet, indicators: &[IndicatorRow], lines: &mut [BudgetRow], findings: &mut Vec<Finding>) {
    for line in lines {
        let Some(cell) = line.pagu.at.as_ref().or(line.realisasi.at.as_ref()) else { continue };
        let Some((first, last)) = sheet.merged_rows(cell.row, cell.col) else { continue };
        let sharing: Vec<&IndicatorRow> = indicators.iter().filter(|i| (first..=last).contains(&i.at.row)).collect();
        let [one, _, ..] = sharing.as_slice() else { continue };
        let of_goal = indicators.iter().filter(|i| i.goal == one.goal).count();
        if sharing.iter().all(|i| i.goal == one.goal) && of_goal == sharing.len() {
            line.scope = BudgetScope::Goal;
            line.code.clone_from(&one.goal);
        } else {
            let codes: Vec<&str> = sharing.iter().map(|i| i.code.as_str()).collect();
            findings.push(Finding::new(Code::BudgetShared, Some(cell.clone()), &line.code).found(codes.join(", ")));
        }
    }
}

/// A budget table: per SS, or another view (jenis belanja, program → kegiatan → RO), or the
/// overall budget alone.
fn read_budget_table(sheet: &Sheet, header: &Header, rows: (u32, u32), parts: &mut Parts) {
    let mut findings = std::mem::take(&mut parts.findings);
    let mut reader = Reader::new(sheet, header, rows, &mut findings);
    let view: std::sync::Arc<str> = CellRef::new(&sheet.name, header.first_row, header.span().0).to_string().into();
    let before = parts.budget.len();
    for row in rows.0..=rows.1 {
        // The code under `Kode`, else under `No` (a budget by RO numbered by its codes).
        let code_cell = match header.col(Role::Code).or(header.col(Role::No)).map(|c| sheet.get(row, c)) {
            Some(Data::String(s)) if !s.trim().is_empty() => Some(Level::code_case(s.trim())),
            Some(data) => data.whole().map(|n| n.to_string()),
            None => None,
        };
        let label =
            reader.text(row, Role::GoalCode).or(reader.text(row, Role::Goal)).or(reader.text(row, Role::Description));
        let words = normalise(label.or(code_cell.as_deref()).unwrap_or(""));
        let (scope, code) = if words.contains(" jumlah") || words.contains(" total") {
            (BudgetScope::Total, "TOTAL".to_string())
        } else if header.family == Family::BudgetView {
            match (code_cell, label) {
                // A caption in the code column with nothing beside it (the table's title, moved
                // below its header): no line of the budget.
                (Some(code), None)
                    if code.split_whitespace().count() >= 4 && reader.filled(row, BUDGET_FIGURES).is_none() =>
                {
                    continue;
                }
                (Some(code), _) => (BudgetScope::Account, code),
                // Words with neither code nor amount where the lines carry codes: a description
                // going on from the line above (typed line by line), or a group's heading.
                (None, Some(_))
                    if (header.has(Role::Code) || header.has(Role::No))
                        && reader.filled(row, BUDGET_FIGURES).is_none() =>
                {
                    continue;
                }
                // A mean of the lines above (`Rata-rata`) is none of them: kinerja computes its own.
                (None, Some(label)) if bare_summary(label) => continue,
                // A line known by its name alone (`Belanja Pegawai` under `Uraian`).
                (None, Some(label)) => (BudgetScope::Account, label.to_string()),
                // The overall budget alone (000 Tabel 3.39): amounts without a label column.
                (None, None) if !header.has(Role::Code) && !header.has(Role::No) && !header.has(Role::Description) => {
                    (BudgetScope::Total, "TOTAL".to_string())
                }
                // A row of amounts with neither code nor label (a `Jumlah` left blank, or under a
                // label column headed blank): said, never dropped with the check it carries.
                (None, None) => {
                    reader.figures_unread(row, &BUDGET_FIGURES, Code::BudgetRowUnread, "");
                    continue;
                }
            }
        } else if let Some((n, _)) = label.and_then(|l| leading_code(l, "SS").or_else(|| leading_number(l))) {
            (BudgetScope::Goal, format!("SS.{n}"))
        } else if let Some(goal) = parts.goals.iter().find(|g| !g.name.is_empty() && normalise(&g.name) == words) {
            (BudgetScope::Goal, goal.code.clone())
        } else {
            // A goal's line whose code is blank and whose name is no goal's read, or a total
            // whose label is blank: said, never dropped with the checks it carries.
            reader.figures_unread(row, &BUDGET_FIGURES, Code::BudgetRowUnread, label.unwrap_or(""));
            continue;
        };
        let pagu = reader.reading(row, Role::Pagu, Measure::Rupiah, &code);
        let realisasi = reader.reading(row, Role::BudgetRealisasi, Measure::Rupiah, &code);
        parts.budget.push(BudgetRow {
            scope,
            code: code.clone(),
            view: view.clone(),
            pagu,
            realisasi,
            capaian: reader.claim(row, Role::Capaian, &code),
            serapan: reader.claim(row, Role::Serapan, &code),
            sisa: reader.claim(row, Role::Sisa, &code),
            efisiensi: reader.claim(row, Role::Efisiensi, &code),
            at: CellRef::new(
                &sheet.name,
                row,
                header.col(Role::Goal).or(header.col(Role::Code)).or(header.col(Role::No)).unwrap_or(header.span().0),
            ),
        });
    }
    reader.settle_parts(&mut parts.budget[before..], |line| line.capaian.as_ref().map(|c| c.value));
    let read: Vec<u32> = parts.budget[before..].iter().map(|b| b.at.row).collect();
    if header.family == Family::BudgetView {
        fold_subtotals(&mut parts.budget, before);
    }
    reader.unheaded(&read);
    reader.finish();
    parts.findings = findings;
}

/// A `Jumlah` row before the last of its view closes a group (kegiatan 4842's ROs, then
/// `Jumlah`, then kegiatan 4843): its amounts and checks are the group's line, whose heading
/// printed nothing over the lines below it — the nearest such line above not yet closed. So
/// does the last where it adds up that group's lines alone (a view of groups with no total). Where
/// the group's first line printed them, the row restates that heading, one row too many where
/// its amounts and checks are the heading's. Otherwise it stays a total.
fn fold_subtotals(lines: &mut Vec<BudgetRow>, from: usize) {
    fn claims(line: &BudgetRow) -> [&Option<Claim>; 4] {
        [&line.capaian, &line.serapan, &line.sisa, &line.efisiensi]
    }
    let empty = |line: &BudgetRow| {
        line.scope == BudgetScope::Account
            && line.pagu.value == Value::Missing
            && line.realisasi.value == Value::Missing
            && claims(line).iter().all(|c| c.is_none())
    };
    let restates = |subtotal: &BudgetRow, line: &BudgetRow| {
        let claimed = |(said, own): (&Option<Claim>, &Option<Claim>)| {
            said.as_ref().is_none_or(|s| own.as_ref().is_some_and(|o| o.value == s.value))
        };
        (subtotal.pagu.value == line.pagu.value && subtotal.realisasi.value == line.realisasi.value)
            && claims(subtotal).into_iter().zip(claims(line)).all(claimed)
    };
    // The nearest line above `i` whose heading printed nothing, not yet closed.
    let heading = |lines: &[BudgetRow], i: usize| (from..i.saturating_sub(1)).rev().find(|&g| empty(&lines[g]));
    // Whether the view's last total row adds up the lines under that heading alone: it closes
    // the group, and the view prints no total of its own.
    let closes_group = |lines: &[BudgetRow], i: usize| {
        heading(lines, i).is_some_and(|g| {
            let sum =
                |amount: fn(&BudgetRow) -> &Reading| checked_sum(lines[g + 1..i].iter().map(|l| amount(l).number()));
            let (pagu, realisasi) = (sum(|l| &l.pagu), sum(|l| &l.realisasi));
            pagu.is_some() && pagu == lines[i].pagu.number() && realisasi == lines[i].realisasi.number()
        })
    };
    // The first line of the group the next total row closes.
    let mut group_from = from;
    let mut i = from;
    while i < lines.len() {
        if lines[i].scope != BudgetScope::Total || i + 1 == lines.len() && !closes_group(lines, i) {
            i += 1;
            continue;
        }
        match heading(lines, i) {
            Some(group) => {
                let subtotal = lines.remove(i);
                let line = &mut lines[group];
                // The group's line, with the subtotal's amounts, checks and place.
                *line = BudgetRow { scope: line.scope, code: std::mem::take(&mut line.code), ..subtotal };
            }
            None if group_from + 1 < i && restates(&lines[i], &lines[group_from]) => {
                lines.remove(i);
            }
            None => {
                i += 1;
                continue;
            }
        }
        group_from = i;
    }
}

fn read_perspective_summary(sheet: &Sheet, header: &Header, rows: (u32, u32), parts: &mut Parts) {
    // With no indicator read before it (the indicator table is read first), the summary is a
    // recap: its scores are the inputs, and a word where one belongs ("Sangat Baik") is no
    // score, never a perspective left out without a word.
    let recap = parts.indicators.is_empty() && parts.goals.is_empty();
    let mut findings = std::mem::take(&mut parts.findings);
    let mut reader = Reader::new(sheet, header, rows, &mut findings);
    let score_role = if header.has(Role::Skor) { Role::Skor } else { Role::Nss };
    let mut read = Vec::new();
    for row in rows.0..=rows.1 {
        let label = reader.text(row, Role::Perspective).unwrap_or("");
        let words = normalise(label);
        if npss_label(label) || words.contains(" total") || words.contains(" jumlah") {
            let claim = reader.claim(row, Role::Nkp, "NPSS").or_else(|| reader.claim(row, score_role, "NPSS"));
            parts.npss = parts.npss.take().or(claim);
        } else if let Some(name) = perspective_name(label, false) {
            let input = header.col(score_role).filter(|_| recap).map(|col| CellRef::new(&sheet.name, row, col));
            if let Some(at) = input.clone() {
                let cell = cell::read(sheet.get(row, at.col));
                // A word or a band claims nothing beside indicators; here it stands for the input.
                if matches!(cell.kind, Kind::Opinion)
                    || matches!(cell.kind, Kind::Unreadable) && status_mark(&cell.text)
                {
                    reader.unreadable(&cell, &at, (score_role, &name));
                } else if matches!(cell.kind, Kind::Empty) {
                    // Left blank, not written N/A: said as an indicator's blank realisasi is.
                    reader.findings.push(Finding::new(Code::ScoreMissing, Some(at), &name));
                }
            }
            let skor = reader.claim(row, score_role, &name);
            let nkp = reader.claim(row, Role::Nkp, &name);
            let bobot = reader.claim(row, Role::Weight, &name);
            let at = CellRef::new(&sheet.name, row, header.col(Role::Perspective).unwrap_or(0));
            upsert_perspective(parts, PerspectiveRow { name, skor, nkp, bobot, at, input });
            read.push(row);
        } else {
            reader.figures_unread(row, &[score_role, Role::Nkp, Role::Weight], Code::SummaryRowUnread, label);
        }
    }
    reader.unheaded(&read);
    reader.finish();
    parts.findings = findings;
}

/// Kategori | Jumlah | Persentase, with its TOTAL (or Jumlah) row.
fn read_category_table(sheet: &Sheet, header: &Header, rows: (u32, u32), parts: &mut Parts) {
    let mut findings = std::mem::take(&mut parts.findings);
    let mut reader = Reader::new(sheet, header, rows, &mut findings);
    let at = CellRef::new(&sheet.name, header.first_row, header.span().0);
    let mut table = CategoryTable { at, rows: Vec::new(), total: None };
    for row in rows.0..=rows.1 {
        let Some(label) = reader.text(row, Role::Category).map(str::to_string) else { continue };
        let count = reader.reading(row, Role::Count, Measure::Count, &label);
        let share = reader.claim(row, Role::Share, &label);
        let line = CategoryRow { label: label.clone(), count, share };
        let words = normalise(&label);
        if words.contains(" total") || words.trim() == "jumlah" {
            table.total = Some(line);
        } else {
            table.rows.push(line);
        }
    }
    reader.finish();
    parts.findings = findings;
    if !table.rows.is_empty() {
        parts.categories.push(table);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_labels() {
        assert_eq!(leading_code("SS.1 Terwujudnya", "SS"), Some(("1".into(), "Terwujudnya")));
        assert_eq!(leading_code("SS. 3 Terwujudnya", "SS"), Some(("3".into(), "Terwujudnya")));
        assert_eq!(leading_code("SS 1. Terwujudnya", "SS"), Some(("1".into(), "Terwujudnya")));
        assert_eq!(leading_code("IKU4", "IKU"), Some(("4".into(), "")));
        assert_eq!(leading_code("IKU 1. Persentase", "IKU"), Some(("1".into(), "Persentase")));
        assert_eq!(leading_code("IKU-01 Persentase", "IKU"), Some(("1".into(), "Persentase")));
        assert_eq!(leading_code("SS – 2 Terwujudnya", "SS"), Some(("2".into(), "Terwujudnya")));
        assert_eq!(prefixed_code("SP2D tepat waktu", &GOAL_PREFIXES), None);
        let written = prefixed_code("Sasaran Strategis 3: Terwujudnya pemenuhan", &GOAL_PREFIXES);
        assert_eq!(written, Some(("SS.3".into(), "Terwujudnya pemenuhan")));
        assert_eq!(prefixed_code("Sasaran Strategis BKN", &GOAL_PREFIXES), None);
        assert_eq!(prefixed_code("IKK 2. Jumlah", &INDICATOR_PREFIXES), Some(("IKK.2".into(), "Jumlah")));
        assert_eq!(prefixed_code("SS\n2.", &GOAL_PREFIXES), Some(("SS.2".into(), "")));
        assert_eq!(leading_code("Indeks Maturitas", "IKU"), None);
        assert_eq!(leading_number("1. Persentase Instansi"), Some(("1".into(), "Persentase Instansi")));
        assert_eq!(leading_number("100% tercapai"), None);
        assert_eq!(at_least("≥ 95"), Some("95"));
        assert_eq!(at_least("Min. 95%"), Some("95%"));
        assert_eq!(at_least("Minimal: 3,5"), Some("3,5"));
        assert_eq!(at_least("≥\n95"), Some("95"));
        assert_eq!(at_least("≤ 5"), None);
        assert_eq!(at_least("Minggu ke-3"), None);
        assert!(status_mark("Tercapai") && status_mark(" Tidak  Tercapai ") && status_mark("●") && status_mark("√"));
        assert!(!status_mark("95,47%") && !status_mark("Tercapai 95%") && !status_mark("WTP"));
        assert_eq!(outline_rest("1.2 Persentase Instansi"), Some("Persentase Instansi"));
        assert_eq!(outline_rest("2.3. Indeks Kepuasan"), Some("Indeks Kepuasan"));
        assert_eq!(outline_rest("1.1"), Some(""));
        assert_eq!(outline_rest("1. Persentase Instansi"), None);
        assert_eq!(outline_rest("1.203 Orang"), None);
    }

    /// A summary row is passed over; an indicator whose name starts like one is read.
    #[test]
    fn summary_rows_and_indicators_named_like_them() {
        let text = |row, col, t: &str| (row, col, Data::String(t.into()));
        let header = ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi"];
        let mut cells: Vec<(u32, u32, Data)> = header.iter().enumerate().map(|(c, t)| text(0, c as u32, t)).collect();
        cells.extend([
            text(1, 1, "1. Terselenggaranya penilaian kompetensi"),
            text(1, 2, "Persentase peserta yang lulus"),
            (1, 3, Data::Int(80)),
            (1, 4, Data::Int(82)),
            text(2, 2, "Jumlah instansi yang menerima layanan"),
            (2, 3, Data::Int(2892)),
            (2, 4, Data::Int(3037)),
            text(3, 1, "Rata-rata Capaian Kinerja"),
            (3, 4, Data::Float(103.75)),
        ]);
        let sheet = Sheet::new("T".into(), false, cells);
        let header = super::super::header::header_at(&sheet, 0).expect("a header");
        let mut parts = Parts::default();
        read(&sheet, &header, (1, 3), &mut parts);
        let indicators: Vec<(&str, &str)> =
            parts.indicators.iter().map(|i| (i.code.as_str(), i.name.as_str())).collect();
        assert_eq!(
            indicators,
            [("IKU.1", "Persentase peserta yang lulus"), ("IKU.2", "Jumlah instansi yang menerima layanan")]
        );
        assert_eq!(parts.goals.len(), 1);
        assert!(parts.findings.is_empty(), "{:?}", parts.findings);
    }

    /// A summary's label alone sums up whatever it prints; a name saying what is summed is an
    /// indicator's.
    #[test]
    fn summary_labels_alone() {
        let alone = ["Rata-rata", "Rata - rata", "JUMLAH", "Total", "Nilai Rata-rata", "Capaian Kinerja Rata-rata"];
        for label in alone.into_iter().chain(["Rerata Capaian IKU", "Rata-rata Nilai Kinerja Organisasi"]) {
            assert!(bare_summary(label), "{label}");
        }
        let named = ["Jumlah Pegawai", "Nilai rata-rata uji kompetensi", "Totalitas layanan", "Nilai IKPA", "Capaian"];
        for label in named {
            assert!(!bare_summary(label), "{label}");
        }
    }

    /// Labels naming the overall score, and indicators and labels that only mention it.
    #[test]
    fn overall_score_labels() {
        let overall = ["NPSS", "Total NPSS", "Jumlah (NPSS)", "Nilai Pencapaian Sasaran Strategis"];
        let organisation =
            ["Nilai Kinerja Organisasi (NKO)", "NKO", "NKO Kanreg VII BKN", "TOTAL NILAI KINERJA ORGANISASI"];
        for label in overall.into_iter().chain(organisation) {
            assert!(npss_label(label), "{label}");
        }
        let other =
            ["15. Nilai Kinerja Organisasi", "IKU.15 NKO", "Indeks Kinerja Organisasi", "Nilai Kinerja Perspektif"];
        for label in other.into_iter().chain(["Totalitas NKO", "NKOM", "Manajemen Kinerja Organisasi"]) {
            assert!(!npss_label(label), "{label}");
        }
    }

    /// The lines a report is signed with, and titles and notes that only look like them.
    #[test]
    fn signature_lines() {
        let signs = ["Palembang, 15 Oktober 2024", "Jakarta,      Januari 2025", "Tanjung Pinang, 2 Des 2024"];
        let approves = ["Mengetahui,", "NIP. 19690101 199003 1 001", "NIP 196901011990031001", "NIP"];
        for line in signs.into_iter().chain(approves) {
            assert!(signature_line(line, || false), "{line}");
        }
        assert!(signature_line("Palembang,", || true));
        let others = [
            "Palembang,",
            "Laporan Capaian Kinerja Kanreg VII BKN, Periode Januari s.d. September 2024",
            "Capaian Kinerja TW III, 2024",
            "Sumber: BKN, Oktober 2024 (data sementara)",
            "Nilai IKPA",
        ];
        for line in others {
            assert!(!signature_line(line, || false), "{line}");
        }
    }

    #[test]
    fn perspective_labels() {
        assert_eq!(perspective_name("Stakeholder Perspective", true).as_deref(), Some("Stakeholder"));
        assert_eq!(perspective_name("CustomerPerspective", true).as_deref(), Some("Customer"));
        assert_eq!(perspective_name("Customer Perspective", true).as_deref(), Some("Customer"));
        assert_eq!(perspective_name("Learn & Growth", false).as_deref(), Some("Learn & Growth"));
        assert_eq!(perspective_name("Learn & Growth", true), None);
        assert_eq!(perspective_name("Perspektif Proses Bisnis Internal", true).as_deref(), Some("Internal Process"));
    }

    #[test]
    fn measures() {
        let none = cell::read_text("");
        assert_eq!(measure_of(None, "Persentase layanan", &none), Measure::Percent);
        assert_eq!(measure_of(None, "Indeks Maturitas SPBE BKN", &none), Measure::Index);
        assert_eq!(measure_of(None, "Opini atas Laporan Keuangan BKN", &none), Measure::Opinion);
        assert_eq!(measure_of(Some("Orang"), "Pegawai terlatih", &none), Measure::Count);
        assert_eq!(measure_of(None, "Something", &cell::read_text("100%")), Measure::Percent);
    }

    #[test]
    fn polarity_words() {
        for text in ["Negatif", "Minimize", "Menurun", "Semakin kecil semakin baik", "Lower is better", "↓"] {
            assert_eq!(polarity_of(text), Some(Polarity::Lower), "{text}");
        }
        for text in ["Positif", "Maximize", "Maksimal", "Semakin tinggi semakin baik", "Meningkat", "↑"] {
            assert_eq!(polarity_of(text), Some(Polarity::Higher), "{text}");
        }
        for text in ["Stabil", "Range", "Tinggi tidak menurun"] {
            assert_eq!(polarity_of(text), None, "{text}");
        }
    }
}
