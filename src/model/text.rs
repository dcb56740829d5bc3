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

/// A sheet name fit to be quoted anywhere: no control characters, at most 64 characters,
/// never blank.
pub fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).take(64).collect();
    if clean.trim().is_empty() { "(tanpa nama)".into() } else { clean }
}

/// Text cut to what one workbook cell can hold (line breaks kept).
pub fn fit_cell(text: &str) -> &str {
    match text.char_indices().nth(CELL_CHARACTERS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
