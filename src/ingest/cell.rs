//! Cell values as units write them: Indonesian and English numbers, percent signs, rupiah
//! spellings, `N/A`, provisional marks, opinions, value-plus-unit cells, Excel's own types.
//!
//! A text number is read both ways, Indonesian (`.` thousands, `,` decimal) and English; the
//! column decides when the two disagree (see [`Style::of_column`]).

use super::sheet::Data;
use crate::model::amount::decimal_from_f64;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A number style, as evidenced by an unambiguous cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `1.079.227.170.000`, `99,27`.
    Indonesian,
    /// `56.50`, `1,234.5`.
    English,
}

impl Style {
    /// The style of a column: the one its unambiguous cells show, `None` if they show both
    /// or neither.
    pub fn of_column<'a>(cells: impl IntoIterator<Item = CellValue<'a>>) -> Option<Style> {
        let (mut id, mut en) = (false, false);
        for cell in cells {
            match cell.kind {
                Kind::Text(candidates) => match candidates.evidence() {
                    Some(Style::Indonesian) => id = true,
                    Some(Style::English) => en = true,
                    None => {}
                },
                _ => continue,
            }
        }
        match (id, en) {
            (true, false) => Some(Style::Indonesian),
            (false, true) => Some(Style::English),
            _ => None,
        }
    }
}

/// A number with the count of decimals it was written with.
pub type Written = (Decimal, u32);

/// The two readings of a text number; either may be impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidates {
    pub indonesian: Option<Written>,
    pub english: Option<Written>,
    /// Both marks, each before three digits (`29,960.485`, `1.234,567`): every mark read as a
    /// thousands separator, as counts and amounts in whole rupiah are (PLANS.md §3), beside the
    /// one style that reads it with three decimals (an amount in thousands). `None` otherwise.
    pub grouped: Option<Written>,
}

impl Candidates {
    /// A number written with marks of one kind, or with no mark: both styles read it alike.
    fn of(indonesian: Option<Written>, english: Option<Written>) -> Candidates {
        Candidates { indonesian, english, grouped: None }
    }

    fn evidence(&self) -> Option<Style> {
        match (self.indonesian, self.english, self.grouped) {
            (Some(_), None, None) => Some(Style::Indonesian),
            (None, Some(_), None) => Some(Style::English),
            _ => None,
        }
    }

    /// Both readings possible and different: `1.203`, `4,057`.
    pub fn is_ambiguous(&self) -> bool {
        matches!((self.indonesian, self.english), (Some(a), Some(b)) if a.0 != b.0)
    }

    /// The reading in `style`, or the only possible one.
    pub fn read(&self, style: Style) -> Option<Written> {
        let (preferred, other) = match style {
            Style::Indonesian => (self.indonesian, self.english),
            Style::English => (self.english, self.indonesian),
        };
        preferred.or(other)
    }

    /// For an ambiguous number with no column to decide: the whole-number reading for counts
    /// and amounts, the fractional reading otherwise. Whole is the reading written without
    /// decimals: `92,000` is 92000 as an amount, though its other reading, 92,000, has no fraction.
    pub fn read_by_measure(&self, whole: bool) -> Option<Written> {
        let (a, b) = (self.indonesian?, self.english?);
        let a_is_whole = a.1 == 0;
        Some(if a_is_whole == whole { a } else { b })
    }
}

/// What a cell holds, before a column decides how to read ambiguous numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Empty,
    NotApplicable,
    /// An opinion such as `WTP`, or another word of two to five letters (its code:
    /// [`CellValue::opinion`]).
    Opinion,
    /// A number cell, exact.
    Stored(Written),
    /// A number written as text.
    Text(Candidates),
    /// A date (Excel turned a number such as `3.7` into 3 July).
    Date,
    /// A formula whose cached value is an error (`#DIV/0!`).
    FormulaError,
    /// A formula saved without its value.
    Uncalculated,
    Unreadable,
}

impl Kind {
    /// A number, stored as one or written as text.
    pub fn is_number(&self) -> bool {
        matches!(self, Kind::Stored(_) | Kind::Text(_))
    }

    /// The finding for a cell that holds something, but no value kinerja can read with
    /// confidence: a date, a formula's error, a formula saved without its value, other text.
    pub fn unreadable(&self) -> Option<crate::model::Code> {
        use crate::model::Code;
        match self {
            Kind::Date => Some(Code::CellDate),
            Kind::FormulaError => Some(Code::FormulaError),
            Kind::Uncalculated => Some(Code::FormulaUncalculated),
            Kind::Unreadable => Some(Code::CellUnreadable),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellValue<'a> {
    pub kind: Kind,
    /// Marked `*)`, `*`, or after the number "sementara" or a word of an estimate ("prognosa").
    pub provisional: bool,
    /// A `%` sign followed the number.
    pub percent: bool,
    /// Text that is only a number, the way Excel stores a number typed into a text cell.
    pub plain_text_number: bool,
    /// The cell as printed; empty for number cells, which need no quoting.
    pub text: Cow<'a, str>,
}

impl CellValue<'_> {
    pub fn is_empty(&self) -> bool {
        self.kind == Kind::Empty
    }

    /// The opinion an `Opinion` cell holds, by its code: `WTP` for `wtp*)`, `Opini WTP`,
    /// "Wajar Tanpa Pengecualian" or "WTP (Wajar Tanpa Pengecualian)".
    pub fn opinion(&self) -> String {
        opinion_code(unmarked(&self.text).0).unwrap_or_default()
    }
}

/// Audit opinions written out, and their codes.
const OPINION_WORDS: [(&str, &str); 5] = [
    ("WAJAR TANPA PENGECUALIAN", "WTP"),
    ("WAJAR DENGAN PENGECUALIAN", "WDP"),
    ("TIDAK WAJAR", "TW"),
    ("TIDAK MENYATAKAN PENDAPAT", "TMP"),
    ("TIDAK MEMBERIKAN PENDAPAT", "TMP"),
];

/// A word of two to five letters (an opinion's code, or another word to be told unknown), or an
/// audit opinion written out; after "Opini", and before its words in parentheses.
fn opinion_code(text: &str) -> Option<String> {
    let upper = text.to_uppercase();
    let named = upper.strip_prefix("OPINI").map_or(upper.as_str(), |rest| rest.trim_start_matches([':', ' ']));
    let (head, remark) = match named.split_once('(') {
        Some((head, remark)) => (head.trim_end(), Some(remark)),
        None => (named, None),
    };
    if let Some((_, code)) = OPINION_WORDS.iter().find(|(words, _)| *words == head) {
        return Some((*code).to_string());
    }
    let word = (2..=5).contains(&head.len()) && head.chars().all(|c| c.is_ascii_alphabetic());
    (word && remark.is_none_or(|r| r.ends_with(')'))).then(|| head.to_string())
}

/// A cell's text without its provisional marks (`*)` or `*` after it, `*` before it), and
/// whether it had one.
fn unmarked(text: &str) -> (&str, bool) {
    let mut body = text;
    let mut provisional = false;
    for mark in ["*)", "*"] {
        if let Some(rest) = body.strip_suffix(mark) {
            body = rest.trim_end();
            provisional = true;
        }
    }
    if let Some(rest) = body.strip_prefix('*') {
        body = rest.trim_start();
        provisional = true;
    }
    (body, provisional)
}

/// Read one cell.
pub fn read(data: &Data) -> CellValue<'_> {
    let plain = |kind, text: Cow<'static, str>| CellValue {
        kind,
        provisional: false,
        percent: false,
        plain_text_number: false,
        text,
    };
    match data {
        Data::Empty => plain(Kind::Empty, Cow::Borrowed("")),
        Data::Int(i) => plain(Kind::Stored((Decimal::from(*i), 0)), Cow::Borrowed("")),
        Data::Float(f) => match decimal_from_f64(*f) {
            Some(written) => plain(Kind::Stored(written), Cow::Borrowed("")),
            None => plain(Kind::Unreadable, Cow::Owned(f.to_string())),
        },
        // As many decimals as its format shows: `104` under `0` is written to the unit.
        Data::Fixed(f, shown) => match decimal_from_f64(*f) {
            Some((value, _)) => plain(Kind::Stored((value, u32::from(*shown))), Cow::Borrowed("")),
            None => plain(Kind::Unreadable, Cow::Owned(f.to_string())),
        },
        // The number as the cell shows it: 0.9417 under a percentage format is 94,17 %.
        Data::Percent(f, shown) => match decimal_from_f64(*f) {
            Some((fraction, _)) => CellValue {
                percent: true,
                ..plain(Kind::Stored((fraction * Decimal::ONE_HUNDRED, u32::from(*shown))), Cow::Borrowed(""))
            },
            None => plain(Kind::Unreadable, Cow::Owned(f.to_string())),
        },
        Data::String(s) => read_text(s),
        Data::Bool(b) => plain(Kind::Unreadable, Cow::Owned(b.to_string())),
        Data::DateTime(serial) => plain(Kind::Date, Cow::Owned(excel_date(*serial))),
        Data::DateTimeIso(s) => plain(Kind::Date, Cow::Owned(iso_date(s))),
        Data::Error(e) => plain(Kind::FormulaError, Cow::Owned(e.clone())),
        Data::Uncalculated => plain(Kind::Uncalculated, Cow::Borrowed("")),
    }
}

/// An Excel serial day as the unit sees it in its cell: `45476` → `3 Juli 2024`. Excel's 1900
/// calendar counts a 29 February 1900 that never was (serial 60), so later serials are one day
/// ahead of a plain count from 31 December 1899. A serial out of any calendar stays a number.
pub fn excel_date(serial: f64) -> String {
    if !(1.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    crate::model::time::excel_day(serial.floor() as i64)
        .map_or_else(|| serial.to_string(), |day| crate::model::time::day_words(day, crate::model::Language::Id))
}

/// A date written as ISO text (`2024-07-03`, `2024-07-03T00:00:00`) as the unit sees it in its
/// cell: `3 Juli 2024`; a time or duration stays as written.
fn iso_date(text: &str) -> String {
    let day = text.get(..10).filter(|_| text.len() == 10 || text[10..].starts_with('T'));
    day.and_then(crate::model::time::date)
        .map_or_else(|| text.to_string(), |day| crate::model::time::day_words(day, crate::model::Language::Id))
}

/// Whether `haystack` contains `needle` (ASCII, lower-case) ignoring ASCII case.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

const NOT_APPLICABLE: [&str; 7] = ["N/A", "NA", "N.A", "N.A.", "#N/A", "BELUM ADA SKOR", "TIDAK ADA SKOR"];

/// Whether words written after a number, or over a column of them, make it no final figure:
/// "sementara", or an estimate ("prognosa", "proyeksi", "estimasi", "perkiraan").
pub fn names_estimate(text: &str) -> bool {
    ["sementara", "prognosa", "proyeksi", "estimasi", "perkiraan", "prakiraan"]
        .iter()
        .any(|w| contains_ignore_case(text, w))
}

/// Read a text cell (also used for numbers found inside titles, such as `NPSS 98.47`).
pub fn read_text(raw: &str) -> CellValue<'_> {
    let trimmed = raw.trim();
    let bytes = trimmed.as_bytes();
    let irregular_space = bytes.windows(2).any(|w| w == b"  ")
        || bytes.iter().any(|b| matches!(b, b'\t' | b'\n' | b'\r'))
        || (!trimmed.is_ascii() && trimmed.contains(|c: char| c.is_whitespace() && c != ' '));
    let text = if irregular_space {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(trimmed)
    };
    let (body, mut provisional) = unmarked(&text);
    let (mut percent, mut plain_text_number) = (false, false);
    let amount = after_currency(body);
    let numeric_start = amount.is_some() || body.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    // A dash for nothing, also after `Rp` (`Rp -`, as Excel's accounting format shows a zero).
    let unsaid = amount.unwrap_or(body);
    let kind = if unsaid.is_empty() || ["-", "–", "—"].contains(&unsaid) {
        Kind::Empty
    } else if numeric_start && let Some((candidates, with_percent, plain, remark)) = read_number_text(body) {
        // `78,57 (sementara)`, `99,01 (prognosa)`: the remark after a number may mark it
        // provisional, an estimate of the year's end rather than its figure.
        provisional |= names_estimate(remark);
        percent = with_percent;
        plain_text_number = plain;
        Kind::Text(candidates)
    } else if NOT_APPLICABLE.iter().any(|na| body.eq_ignore_ascii_case(na)) {
        Kind::NotApplicable
    } else if opinion_code(body).is_some() {
        Kind::Opinion
    } else {
        Kind::Unreadable
    };
    CellValue { kind, provisional, percent, plain_text_number, text }
}

/// The unit or remark written after a number that no `%` follows (`60.000 Orang` → `Orang`,
/// `78,57 (sementara)` → `(sementara)`): none where the text is no number, or a percentage.
pub fn remark(text: &str) -> Option<&str> {
    let (body, _) = unmarked(text.trim());
    read_number_text(body).filter(|(_, percent, _, _)| !percent).map(|(.., tail)| tail)
}

/// A number in text: optional `Rp`, the digits, an optional `%`, and an optional unit or
/// remark after it (`60.000 Orang`, `100% (628 Instansi Pemerintah)`). Returns the readings,
/// whether a `%` followed, whether the text was nothing but the number, and the remark.
fn read_number_text(body: &str) -> Option<(Candidates, bool, bool, &str)> {
    let mut rest = body.trim();
    let mut plain = true;
    if let Some(amount) = after_currency(rest) {
        rest = amount;
        plain = false;
    }
    // Thousands grouped by spaces (`67 500 000`, as copied from a document) are read without
    // them; the number goes on after the last group (`67 500 000,00`).
    let spaced = spaced_groups(rest);
    let (groups, after) = rest.split_at(spaced);
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && spaced == 0 && (c == '-' || c == '+')))
        })
        .map_or(after.len(), |(i, _)| i);
    let (token, tail) = after.split_at(end);
    let token: Cow<str> = match spaced {
        0 => Cow::Borrowed(token),
        _ => Cow::Owned(groups.replace(' ', "") + token),
    };
    let token = token.trim_end_matches(['.', ',']);
    // Rupiah written `1.500.000.000,-`, `642.639.000 ,-` or `1.028.677.308.609-`: the dash
    // closes the amount.
    let tail = match tail.trim_start().strip_prefix(",-").or_else(|| tail.strip_prefix('-')) {
        Some(rest) => {
            plain = false;
            rest
        }
        None => tail,
    };
    let percent = tail.trim_start().starts_with('%');
    let tail = if percent {
        plain = false;
        &tail.trim_start()[1..]
    } else {
        tail
    };
    if !remark_follows(tail) {
        return None;
    }
    let tail = tail.trim_start();
    if !tail.is_empty() {
        plain = false;
    }
    let candidates = if token.contains('.') && token.contains(',') {
        let grouped = parse_grouped(&token.replace(',', "."), b'.', b',');
        Candidates { grouped, ..Candidates::of(parse_grouped(token, b'.', b','), parse_grouped(token, b',', b'.')) }
    } else if token.contains(['.', ',']) {
        Candidates::of(parse_grouped(token, b'.', b','), parse_grouped(token, b',', b'.'))
    } else {
        // No separator: both styles read it alike.
        let plain = parse_grouped(token, b'.', b',');
        Candidates::of(plain, plain)
    };
    (candidates.indonesian.is_some() || candidates.english.is_some()).then_some((candidates, percent, plain, tail))
}

/// What follows a currency written before an amount (`Rp`, `Rp.`, `IDR`), none where there is
/// none.
fn after_currency(text: &str) -> Option<&str> {
    ["rp", "idr"].iter().find_map(|currency| {
        let rest = text.get(currency.len()..).filter(|_| text[..currency.len()].eq_ignore_ascii_case(currency))?;
        Some(rest.trim_start_matches(['.', ' ']))
    })
}

/// The length of the whole number at the start of `text` written with its thousands grouped by
/// single spaces, at least two groups of three after the first (`67 500 000`: fewer, `95 100`,
/// could be two numbers); 0 where there is none.
fn spaced_groups(text: &str) -> usize {
    let bytes = text.as_bytes();
    let lead = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let group = |at: usize| {
        bytes.get(at) == Some(&b' ')
            && bytes.get(at + 1..at + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !bytes.get(at + 4).is_some_and(u8::is_ascii_digit)
    };
    let (mut end, mut groups) = (lead, 0);
    while (1..=3).contains(&lead) && group(end) {
        end += 4;
        groups += 1;
    }
    if groups >= 2 { end } else { 0 }
}

/// Whether what follows a number (and its `%`) is nothing, a remark in parentheses, or a unit
/// word after a space (`Orang`, `dokumen (sementara)`). A letter right against the digits (`9O`,
/// `1,0e2`) or a second number outside parentheses (`45 dari 50`) means the cell is not one
/// number as written, so it is not read as one.
fn remark_follows(tail: &str) -> bool {
    let spaced = tail.starts_with(char::is_whitespace);
    let tail = tail.trim_start();
    let Some(first) = tail.chars().next() else { return true };
    let before_parenthesis = tail.split('(').next().unwrap_or_default();
    first == '(' || (spaced && first.is_alphabetic() && !before_parenthesis.contains(|c: char| c.is_ascii_digit()))
}

/// Parse `token` with `group` as the thousands separator and `point` as the decimal point:
/// groups after the first are exactly three digits, at most one point, digits on both sides.
fn parse_grouped(token: &str, group: u8, point: u8) -> Option<Written> {
    let bytes = token.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (mut mantissa, mut scale) = (0i128, 0u32);
    let (mut run, mut groups, mut in_fraction) = (0usize, 0usize, false);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                run += 1;
                if in_fraction {
                    scale += 1;
                }
            }
            _ if b == group && !in_fraction => {
                // The first group has 1–3 digits, every later one exactly 3.
                if run == 0 || run > 3 || (groups > 0 && run != 3) {
                    return None;
                }
                groups += 1;
                run = 0;
            }
            _ if b == point && !in_fraction => {
                if run == 0 || (groups > 0 && run != 3) {
                    return None;
                }
                in_fraction = true;
                run = 0;
            }
            _ => return None,
        }
    }
    if run == 0 || (!in_fraction && groups > 0 && run != 3) || scale > 28 {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale).ok()?;
    Some((value, scale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn both(text: &str) -> (Option<Decimal>, Option<Decimal>) {
        match read_text(text).kind {
            Kind::Text(c) => (c.indonesian.map(|w| w.0), c.english.map(|w| w.0)),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn indonesian_and_english_numbers() {
        assert_eq!(both("99,27"), (Some(dec!(99.27)), None));
        assert_eq!(both("56.50"), (None, Some(dec!(56.50))));
        assert_eq!(both("1.079.227.170.000"), (Some(dec!(1079227170000)), None));
        assert_eq!(both("1.203"), (Some(dec!(1203)), Some(dec!(1.203))));
        assert_eq!(both("4,057"), (Some(dec!(4.057)), Some(dec!(4057))));
        assert_eq!(both("1.234,5"), (Some(dec!(1234.5)), None));
        assert_eq!(both("1,234.5"), (None, Some(dec!(1234.5))));
        assert_eq!(both("100"), (Some(dec!(100)), Some(dec!(100))));
    }

    #[test]
    fn percent_rupiah_and_units() {
        for (text, value) in [
            ("97,45 %", dec!(97.45)),
            ("101,2%", dec!(101.2)),
            ("86,025%", dec!(86.025)),
            ("Rp 1.500.000.000", dec!(1500000000)),
            ("Rp1.500.000.000,-", dec!(1500000000)),
            ("Rp.2.846.111.059,-", dec!(2846111059)),
            ("Rp. 5.380.479.949", dec!(5380479949)),
            ("Rp.1.028.677.308.609-", dec!(1028677308609)),
            ("Rp0", dec!(0)),
            ("IDR 67.500.000", dec!(67500000)),
            ("Rp 67\u{a0}500\u{a0}000,00", dec!(67500000)),
            ("1 028 677 308 609 (sementara)", dec!(1028677308609)),
            ("60.000 Orang", dec!(60000)),
            ("100% (628 Instansi Pemerintah)", dec!(100)),
        ] {
            let cell = read_text(text);
            let Kind::Text(c) = cell.kind else { panic!("{text}: {:?}", cell.kind) };
            assert_eq!(c.read(Style::Indonesian).map(|w| w.0), Some(value), "{text}");
            assert!(!cell.plain_text_number, "{text}");
        }
        let spaced = read_text("67 500 000");
        assert_eq!(spaced.kind, Kind::Text(Candidates::of(Some((dec!(67500000), 0)), Some((dec!(67500000), 0)))));
        // Two numbers, or a group short of three digits, are no spaced thousands.
        for text in ["95 100", "67 500 00", "1 500 000 2"] {
            assert!(!matches!(read_text(text).kind, Kind::Text(_)), "{text}");
        }
        assert!(read_text("97,45 %").percent);
        assert!(read_text("92.78").plain_text_number);
        let negative = read_text("-0,29");
        assert_eq!(negative.kind, Kind::Text(Candidates::of(Some((dec!(-0.29), 2)), None)));
    }

    #[test]
    fn marks() {
        assert_eq!(read_text("N/A").kind, Kind::NotApplicable);
        for nothing in ["-", "–", "Rp -", "Rp-", "Rp.  -", "rp —"] {
            assert_eq!(read_text(nothing).kind, Kind::Empty, "{nothing}");
        }
        assert_eq!(read_text("WTP").kind, Kind::Opinion);
        for (text, code) in [
            ("wtp*)", "WTP"),
            ("Opini WTP", "WTP"),
            ("Wajar Tanpa Pengecualian", "WTP"),
            ("WTP (Wajar Tanpa Pengecualian)", "WTP"),
            ("wajar  dengan pengecualian", "WDP"),
            ("Tidak Menyatakan Pendapat", "TMP"),
            ("Baik", "BAIK"),
        ] {
            assert_eq!((read_text(text).kind, read_text(text).opinion()), (Kind::Opinion, code.to_string()), "{text}");
        }
        for text in ["Opini", "WTP (belum", "Opini atas laporan keuangan"] {
            assert_ne!(read_text(text).kind, Kind::Opinion, "{text}");
        }
        let provisional = read_text("56,50*)");
        assert!(provisional.provisional);
        assert_eq!(provisional.kind, Kind::Text(Candidates::of(Some((dec!(56.50), 2)), None)));
        assert!(read_text("*91").provisional);
        assert!(read_text("78,57 (sementara)").provisional);
        for estimate in ["99,01 (prognosa)", "99,01 (Angka Proyeksi)", "1.250 orang (estimasi)", "85 (perkiraan)"] {
            assert!(read_text(estimate).provisional, "{estimate}");
        }
        assert_eq!(read_text("✓").kind, Kind::Unreadable);
        assert_eq!(read_text("12 / 7").kind, Kind::Unreadable);
        // Letters against the digits or a second number are not a unit: `9O` is no 9.
        for text in ["9O", "1,0e2", "93,36x", "45 dari 50", "85 of 90 (sementara)"] {
            assert_eq!(read_text(text).kind, Kind::Unreadable, "{text}");
        }
        for text in
            ["60.000 Orang", "3 dokumen (sementara)", "100%(628 Instansi)", "100 % dari target", "75 (2 dari 3)"]
        {
            assert!(matches!(read_text(text).kind, Kind::Text(_)), "{text}");
        }
    }

    #[test]
    fn dates_read_as_the_cell_shows_them() {
        assert_eq!(excel_date(45476.0), "3 Juli 2024");
        assert_eq!(excel_date(45358.0), "7 Maret 2024");
        assert_eq!(excel_date(1.0), "1 Januari 1900");
        assert_eq!(excel_date(61.0), "1 Maret 1900");
        assert_eq!(excel_date(-3.0), "-3");
        // Written as text (an .ods date, an .xlsx `t="d"` cell): the same day, the same words.
        assert_eq!(iso_date("2024-07-03"), "3 Juli 2024");
        assert_eq!(iso_date("2024-07-03T00:00:00"), "3 Juli 2024");
        assert_eq!(iso_date("PT10H30M00S"), "PT10H30M00S");
        assert_eq!(iso_date("2024-02-30"), "2024-02-30");
    }

    #[test]
    fn excel_types() {
        assert_eq!(read(&Data::Float(56.5)).kind, Kind::Stored((dec!(56.5), 1)));
        let percent = read(&Data::Percent(0.9417, 2));
        assert_eq!(percent.kind, Kind::Stored((dec!(94.17), 2)));
        assert!(percent.percent);
        assert_eq!(read(&Data::Error("#DIV/0!".into())).text, "#DIV/0!");
        for error in ["#SPILL!", "#CALC!", "#GETTING_DATA", "#BLOCKED!"] {
            assert_eq!(read(&Data::Error(error.into())).kind, Kind::FormulaError, "{error}");
        }
    }

    /// PLANS.md §3: in rupiah and counts every mark before three digits separates thousands,
    /// whichever mark it is; a number with a fraction of one or two digits is no such reading.
    #[test]
    fn marks_of_both_kinds_before_three_digits_group_thousands() {
        let Kind::Text(c) = read_text("Rp29,960.485").kind else { unreachable!() };
        assert_eq!((c.indonesian, c.english, c.grouped), (None, Some((dec!(29960.485), 3)), Some((dec!(29960485), 0))));
        let Kind::Text(c) = read_text("72.928,000").kind else { unreachable!() };
        assert_eq!((c.indonesian, c.english, c.grouped), (Some((dec!(72928.000), 3)), None, Some((dec!(72928000), 0))));
        for fraction in ["1.234,5", "1,234.56", "1.234.567,00"] {
            let Kind::Text(c) = read_text(fraction).kind else { unreachable!() };
            assert!(c.grouped.is_none(), "{fraction}");
        }
        assert_eq!(read_text("1,234.567.890").kind, Kind::Unreadable);
    }

    #[test]
    fn columns_decide_ambiguous_numbers() {
        let cells: Vec<CellValue> = ["1.203", "15.000", "1.500.000"].iter().map(|t| read_text(t)).collect();
        assert_eq!(Style::of_column(cells), Some(Style::Indonesian));
        let mixed: Vec<CellValue> = ["99,27", "56.50"].iter().map(|t| read_text(t)).collect();
        assert_eq!(Style::of_column(mixed), None);
        let Kind::Text(c) = read_text("1.203").kind else { unreachable!() };
        assert_eq!(c.read_by_measure(true).unwrap().0, dec!(1203));
        assert_eq!(c.read_by_measure(false).unwrap().0, dec!(1.203));
        // Three zeros after the mark: both readings have no fraction, only one no decimals.
        let Kind::Text(c) = read_text("92,000").kind else { unreachable!() };
        assert_eq!(c.read_by_measure(true).unwrap().0, dec!(92000));
        assert_eq!(c.read_by_measure(false).unwrap(), (dec!(92.000), 3));
    }
}
