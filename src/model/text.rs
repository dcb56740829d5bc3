//! Text from a workbook or a file name, fit for the places kinerja writes it: a finding quotes
//! at most a readable length, a workbook cell holds at most Excel's limit, and a name shown in
//! a log, a mail or a CSV line has no control characters.

use std::borrow::Cow;

/// Characters of cell text a finding quotes before it cuts with an ellipsis.
pub const QUOTED_CHARACTERS: usize = 200;
/// Excel's limit on the characters of one cell.
pub const CELL_CHARACTERS: usize = 32_767;

/// `text` with control characters (line breaks, tabs, escapes) as spaces, cut at `max`
/// characters with an ellipsis.
pub fn one_line(text: &str, max: usize) -> Cow<'_, str> {
    let clean = !text.chars().any(char::is_control) && text.chars().nth(max).is_none();
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out: String = text.chars().take(max).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    Cow::Owned(out)
}

/// Cell text as a finding quotes it.
pub fn quoted(text: &str) -> Cow<'_, str> {
    one_line(text, QUOTED_CHARACTERS)
}

/// A file or folder name as logs, mail and CSV show it.
pub fn shown_name(name: &str) -> Cow<'_, str> {
    one_line(name, 120)
}

/// A file's name without its extension and without the marks kinerja gave its annotated copy
/// (`laporan (dinilai 1a2b3c4d).xlsx` is `laporan`): a copy sent back and marked again is named
/// as the unit's file, never `laporan (dinilai …) (dinilai …)`.
pub fn unmarked_stem(file_name: &str) -> &str {
    let mut stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem).trim_end();
    while let Some(rest) = stem.strip_suffix(')')
        && let Some(open) = rest.rfind(" (dinilai")
        && rest[open + " (dinilai".len()..].chars().all(|c| c == ' ' || c.is_ascii_hexdigit())
    {
        stem = stem[..open].trim_end();
    }
    stem
}

/// A sheet name fit to be quoted anywhere: no control characters, at most 64 characters,
/// never blank.
pub fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).take(64).collect();
    if clean.trim().is_empty() { "(tanpa nama)".into() } else { clean }
}

/// Cell text with the spaces a copy from a web page, a PDF or Word brings (no-break, thin,
/// ideographic) as plain spaces and the invisible characters (zero-width, a byte-order mark)
/// gone, so `SS.\u{a0}3` reads as `SS. 3`; line breaks and tabs stay.
pub fn plain_spaces(text: &mut String) {
    let invisible = |c: char| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
    let odd_space = |c: char| c != ' ' && c.is_whitespace() && !c.is_control();
    if text.contains(|c: char| invisible(c) || odd_space(c)) {
        *text = text.chars().filter(|c| !invisible(*c)).map(|c| if odd_space(c) { ' ' } else { c }).collect();
    }
}

/// Cell text as kinerja keeps it, whatever reader took it: its spaces plain ([`plain_spaces`]),
/// cut to what one cell holds ([`fit_cell`]).
pub fn tidy_cell(text: &mut String) {
    plain_spaces(text);
    let kept = fit_cell(text).len();
    text.truncate(kept);
}

/// Text cut to what one workbook cell can hold (line breaks kept).
pub fn fit_cell(text: &str) -> &str {
    match text.char_indices().nth(CELL_CHARACTERS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// What a finding's value says of a cell with nothing in it.
pub const EMPTY: &str = "(kosong)";

/// A cell's text as a finding quotes it: trimmed, or [`EMPTY`] where nothing is left.
pub fn or_empty(text: &str) -> &str {
    let text = text.trim();
    if text.is_empty() { EMPTY } else { text }
}

/// What a finding's value says of an indicator or line a version left out.
pub const NOT_REPORTED: &str = "(tidak dilaporkan)";

/// A finding's value in `language`: kinerja's own words for an empty cell and a left-out line
/// are Indonesian where the finding is made, and English in an English message.
pub fn markers_in(value: &str, language: crate::model::Language) -> Cow<'_, str> {
    if language == crate::model::Language::Id || !value.contains("(") {
        return Cow::Borrowed(value);
    }
    Cow::Owned(value.replace(EMPTY, "(empty)").replace(NOT_REPORTED, "(not reported)"))
}

/// Numbers in `text` as a sentence in `language` writes them: in Bahasa Indonesia the decimal
/// point of a plain decimal becomes a comma (`99.27` → `99,27`, `-0.29` → `-0,29`). Left alone:
/// part of a word or code (`IKU.3`, `v1.2`), thousands already grouped (`1.079.227`), rupiah
/// (`Rp 750.000`), a sheet name before `!` (`Tabel 3.2!E12`) and a table's number
/// (`Tabel 3.2 (lanjutan)!A3`).
pub fn numbers_in(text: &str, language: crate::model::Language) -> Cow<'_, str> {
    if language == crate::model::Language::En || !text.contains('.') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts =
            chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_alphanumeric() || ".,_".contains(chars[i - 1])));
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len()).find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '.')).unwrap_or(chars.len());
        let run: String = chars[i..end].iter().collect();
        let next = chars.get(end).copied();
        let before: String = chars[i.saturating_sub(6)..i].iter().collect::<String>().to_lowercase();
        let numbered = ["tabel ", "table ", "rp "].iter().any(|w| before.ends_with(w));
        let plain = run.matches('.').count() == 1
            && !numbered
            && !run.starts_with('.')
            && !run.ends_with('.')
            && next.is_none_or(|c| !(c.is_alphanumeric() || c == '!' || c == '_'));
        out.push_str(&if plain { run.replace('.', ",") } else { run });
        i = end;
    }
    Cow::Owned(out)
}

/// The height of one line of text in a spreadsheet row at the default font (points): a row's
/// default height.
pub const LINE_HEIGHT: f64 = 15.0;

/// The height of a row whose `text` wraps in a column `width` characters wide: LibreOffice and
/// print keep the height a row has, they do not fit it to wrapped text. Lines break between
/// words, as a spreadsheet wraps them (a word longer than a line takes lines of its own).
pub fn wrapped_height(text: &str, width: usize) -> f64 {
    let width = width.max(1);
    let (mut lines, mut used) = (1, 0);
    // Each word is at least one character long.
    for word in text.split_whitespace().map(|w| w.chars().count()) {
        if used > 0 && used + 1 + word <= width {
            used += 1 + word;
            continue;
        }
        lines += usize::from(used > 0) + (word - 1) / width;
        used = (word - 1) % width + 1;
    }
    LINE_HEIGHT * lines as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines break between words: IKU.4's 24 units missing, in a column of 24 characters, take
    /// ten lines, where their 196 characters divided by 24 give nine.
    #[test]
    fn a_row_is_as_tall_as_its_words_wrap() {
        assert_eq!(wrapped_height("", 24), 15.0);
        assert_eq!(wrapped_height("versi 2", 14), 15.0);
        // 31 characters, two lines: the third word does not fit beside the first two.
        assert_eq!(wrapped_height("DEPBINMEN, DEPSINKA, PUSRENBANG", 24), 30.0);
        assert_eq!(wrapped_height("KR01, KR02, KR03, KR04, KR05", 24), 30.0);
        // A word longer than a line takes lines of its own.
        assert_eq!(wrapped_height(&"X".repeat(50), 24), 45.0);
        assert_eq!(wrapped_height(&format!("a {}", "X".repeat(24)), 24), 30.0);
        let missing = "DEPMUTASI, DEPSINKA, DEPWASDAL, SETTAMA, PUSRENBANG, PUSBANGSISEL, PUSPENKOM, PUSBANGPEG, \
                       PUSKONBANKUM, SETBPASN, KR01, KR02, KR03, KR04, KR05, KR06, KR07, KR08, KR09, KR10, KR11, \
                       KR12, KR13, KR14";
        assert_eq!(wrapped_height(missing, 24), 15.0 * 10.0);
    }

    #[test]
    fn a_copys_marks_are_not_part_of_its_stem() {
        assert_eq!(unmarked_stem("laporan TW III.xlsx"), "laporan TW III");
        assert_eq!(unmarked_stem("laporan (dinilai 1a2b3c4d).xlsx"), "laporan");
        assert_eq!(unmarked_stem("laporan (dinilai) (dinilai b00ba62d).xlsx"), "laporan");
        assert_eq!(unmarked_stem("PK 2024 (revisi).xls"), "PK 2024 (revisi)");
        assert_eq!(unmarked_stem("Kinerja (dinilai ulang oleh unit).xlsx"), "Kinerja (dinilai ulang oleh unit)");
    }

    #[test]
    fn indonesian_text_writes_decimal_commas_and_leaves_codes_alone() {
        use crate::model::Language::{En, Id};
        let said =
            "Tabel 3.1!D11: Capaian IKU.4 tertulis 100.18, hasil hitung ulang 100.29 (-0.29; 1.079.227; v1.2; 3.7).";
        assert_eq!(
            numbers_in(said, Id),
            "Tabel 3.1!D11: Capaian IKU.4 tertulis 100,18, hasil hitung ulang 100,29 (-0,29; 1.079.227; v1.2; 3,7)."
        );
        assert_eq!(numbers_in("Tabel 3.2 (lanjutan)!A3 tertulis 3.5", Id), "Tabel 3.2 (lanjutan)!A3 tertulis 3,5");
        assert_eq!(numbers_in("Rp 750.000 dari 2.5", Id), "Rp 750.000 dari 2,5");
        assert_eq!(numbers_in(said, En), said);
        assert_eq!(numbers_in("Tabel 3.2!E12", Id), "Tabel 3.2!E12");
    }

    #[test]
    fn copied_spaces_are_plain_and_invisible_characters_gone() {
        let plain = |text: &str| {
            let mut text = text.to_string();
            plain_spaces(&mut text);
            text
        };
        assert_eq!(plain("\u{feff}SS.\u{a0}3\u{202f}Terwujudnya\u{200b}"), "SS. 3 Terwujudnya");
        assert_eq!(plain("Target\n2024\tTW\u{3000}I"), "Target\n2024\tTW I");
    }

    #[test]
    fn names_and_quotes_are_one_readable_line() {
        assert_eq!(shown_name("laporan\nTW1\r.xlsx"), "laporan TW1 .xlsx");
        assert!(matches!(quoted("99,27"), Cow::Borrowed("99,27")));
        let long = "x".repeat(10_000_000);
        let cut = quoted(&long);
        assert_eq!(cut.chars().count(), QUOTED_CHARACTERS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(fit_cell(&long).len(), CELL_CHARACTERS);
    }
}
