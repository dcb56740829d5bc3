//! Who reports, for which year and period, from a workbook's titles ("LAPORAN CAPAIAN KINERJA
//! KANTOR REGIONAL VII BKN PALEMBANG TAHUN 2024", "Triwulan IV", "TW IV").

use super::sheet::Sheet;
use crate::model::unit::normalise;
use crate::model::{Period, Unit, UnitRegistry};

/// What the titles say, each part `None` when they do not say it.
#[derive(Debug, Default, PartialEq)]
pub struct Declared {
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub period: Option<Period>,
    /// Years and periods other titles name, each a title of one year ("… Tahun 2023") or one
    /// period ("Triwulan II") that contradicts the one taken: a stale title left from an
    /// earlier report, which leaves the identity in doubt.
    pub contradicted: Contradicted,
    /// Whether the period is the year only because a title names a year and no quarter,
    /// semester or months (BKN's annual reports are titled so).
    pub implied_annual: bool,
    /// Whether a title is a Perjanjian Kinerja's ("PERJANJIAN KINERJA … TAHUN 2024", "Lampiran
    /// Perjanjian Kinerja …").
    pub agreement: bool,
    /// Whether a title is a report's: "Laporan Kinerja …", "… Capaian Kinerja …", "Realisasi …".
    pub report: bool,
    /// A title naming the unit taken with another regional office's seat ("Kanreg VII BKN
    /// Medan"): that seat and the title's index.
    pub other_seat: Option<(String, usize)>,
    /// Every unit but the organisation others belong to that a report's, an NPSS's or an
    /// agreement's title names (each title its longest alias), with the index of the first title
    /// naming it: titles of two units, as a workbook copied from another unit's keeps them, leave
    /// who reports in doubt.
    pub units: Vec<(String, usize)>,
}

/// Each with the index of the first text that names it.
#[derive(Debug, Default, PartialEq)]
pub struct Contradicted {
    pub years: Vec<(u16, usize)>,
    pub periods: Vec<(Period, usize)>,
}

/// The one year or period a text names, however often: "Tahun 2023 dan 2024" compares, it does
/// not name.
fn sole<T: PartialEq + Copy>(named: &[T]) -> Option<T> {
    match named {
        [first, rest @ ..] if rest.iter().all(|n| n == first) => Some(*first),
        _ => None,
    }
}

/// Keep, with the index of its text, the one year or period a title names, the first time one
/// names it.
fn sole_named<T: PartialEq + Copy>(named: &[T], index: usize, titled: &mut Vec<(T, usize)>) {
    if let Some(first) = sole(named)
        && !titled.iter().any(|(n, _)| *n == first)
    {
        titled.push((first, index));
    }
}

/// The number of a quarter or semester as titles write it: `III`, `3`, `ketiga`.
fn roman_or_digit(word: &str) -> Option<u32> {
    match word {
        "i" | "1" | "pertama" | "kesatu" | "satu" => Some(1),
        "ii" | "2" | "kedua" | "dua" => Some(2),
        "iii" | "3" | "ketiga" | "tiga" => Some(3),
        "iv" | "4" | "keempat" | "empat" => Some(4),
        _ => None,
    }
}

fn year_of(word: &str) -> Option<u16> {
    let year: u16 = word.parse().ok()?;
    (2000..2100).contains(&year).then_some(year)
}

/// Where the word a title means after word `i` stands: past the fillers of "Triwulan ke-3",
/// "Tahun Anggaran 2024", "T.A. 2024", "Tri Wulan III".
fn next_index(words: &[&str], i: usize) -> usize {
    match words.get(i + 1).copied().unwrap_or("") {
        "ke" | "anggaran" => i + 2,
        "a" if words[i] == "t" => i + 2,
        "wulan" if words[i] == "tri" => i + 2,
        _ => i + 1,
    }
}

fn next_word<'w>(words: &[&'w str], i: usize) -> &'w str {
    words.get(next_index(words, i)).copied().unwrap_or("")
}

/// Word `i` is a year opening or closing a span or a pair of years ("Tahun 2020-2023", "2020
/// s.d. 2024", "2020 sampai (dengan) 2024", "Tahun 2023 dan 2024", "2023 dengan 2024"): a
/// table's years, or two years compared, not the one a title reports.
fn in_span(words: &[&str], i: usize) -> bool {
    let year = |j: usize| words.get(j).is_some_and(|w| year_of(w).is_some());
    // Where the year after a span's joiner would stand, the joiner starting at `from`.
    let joined = |from: usize| match words.get(from).copied() {
        Some("s") if words.get(from + 1) == Some(&"d") => from + 2,
        Some("sampai") if words.get(from + 1) == Some(&"dengan") => from + 2,
        Some("sd" | "sampai" | "hingga" | "dan" | "dengan" | "serta" | "vs" | "versus") => from + 1,
        _ => from,
    };
    year(i) && (year(joined(i + 1)) || (1..=3).any(|back| i >= back && year(i - back) && joined(i - back + 1) == i))
}

/// The period of a kind numbered `n`: [`Period::quarter`] or [`Period::semester`].
type Numbering = fn(u32) -> Option<Period>;

/// The period a word names with the word after it ("Triwulan III", "TW 3", "TWIII", "Trimester
/// III", "Kuartal III", "Q3", "Semester I", "Tahunan"), and whether it numbers a period kinerja
/// cannot name ("Triwulan Kelima", "Triwulan V", "Caturwulan II", "Periode III": not an annual
/// report; "triwulan sebelumnya" in a note numbers nothing).
fn period_at(word: &str, next: &str) -> (Option<Period>, bool) {
    let numeral =
        next.starts_with("ke") || (!next.is_empty() && next.chars().all(|c| c.is_ascii_digit() || "ivx".contains(c)));
    match word {
        "triwulan" | "tw" | "trw" | "tri" | "trimester" | "kuartal" | "kw" | "quarter" | "semester" | "smt" | "sem" => {
            let semester = matches!(word, "semester" | "smt" | "sem");
            // "Triwulan Akhir", "Semester Terakhir": the year's last.
            let last = matches!(next, "akhir" | "terakhir").then_some(if semester { 2 } else { 4 });
            let number = roman_or_digit(next).or(last);
            let period = if semester { number.and_then(Period::semester) } else { number.and_then(Period::quarter) };
            (period, number.is_none() && numeral)
        }
        // Numbered periods kinerja has none of: a caturwulan's four months, a "Periode III".
        "caturwulan" | "cawu" => (None, numeral),
        "periode" => (None, numeral && year_of(next).is_none()),
        "tahunan" => (Some(Period::Year), false),
        w => {
            let number = w.strip_prefix("tw").and_then(roman_or_digit).or_else(|| w.strip_prefix('q')?.parse().ok());
            (number.and_then(Period::quarter), false)
        }
    }
}

/// The number of a month as titles and headers write it: Indonesian and English, in full or
/// shortened (`Jan`, `Sept`, `Agt`, `Des`).
pub(crate) fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["januari", "january", "jan"],
        &["februari", "february", "feb", "peb"],
        &["maret", "march", "mar"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["agustus", "august", "agu", "agt", "ags", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nov", "nop"],
        &["desember", "december", "des", "dec"],
    ];
    (1..).zip(MONTHS).find(|(_, names)| names.contains(&word)).map(|(n, _)| n)
}

/// The months `words` span, first to last: a range ("Januari s.d. September", "Juli -
/// September") or up to one month ("s.d. September", "sampai dengan 30 September", "per 30
/// September", "posisi 30 September", cumulative from January). `Err` for one month on its own
/// ("Bulan Juni"), which spans no period.
fn month_span(words: &[&str]) -> Option<Result<(u32, u32), ()>> {
    let months: Vec<(usize, u32)> = words.iter().enumerate().filter_map(|(i, w)| Some((i, month_of(w)?))).collect();
    match months[..] {
        [] => None,
        [(i, month)] => {
            let before = |n: usize| i.checked_sub(n).map_or("", |j| words[j]);
            let (said, prior) = match before(1).parse::<u8>() {
                Ok(_) => (before(2), before(3)),
                Err(_) => (before(1), before(2)),
            };
            match said {
                "bulan" => Some(Err(())),
                "sd" | "sampai" | "hingga" | "dengan" | "per" | "posisi" | "keadaan" => Some(Ok((1, month))),
                "d" if prior == "s" => Some(Ok((1, month))),
                _ => None,
            }
        }
        [(_, first), .., (_, last)] => Some(Ok((first, last))),
    }
}

/// The periods of kinerja's a span of months can be: a quarter's own months or a quarter to
/// date ("Juli - September", "s.d. September": TW III), a semester (S1 or TW II to date for
/// "Januari - Juni"; S2), the year (or TW IV to date). None for any other span.
fn periods_spanned((first, last): (u32, u32)) -> Vec<Period> {
    let quarter = (last % 3 == 0 && (first == 1 || first + 2 == last)).then(|| Period::quarter(last / 3)).flatten();
    match (first, last) {
        (1, 12) => vec![Period::Year, Period::Tw4],
        (7, 12) => vec![Period::S2],
        (1, 6) => vec![Period::Tw2, Period::S1],
        _ => quarter.into_iter().collect(),
    }
}

/// What a title's months say of the period it reports: the one its span of months names
/// ([`month_span`]; "Januari - Desember" is the annual report). Only in a report's title, which
/// names the report (laporan, kinerja, capaian), its year and (the caller sees to it) its unit:
/// a note's months are the note's ("Survei IKM Juli - September 2024", "Realisasi capaian
/// kinerja s.d. September 2024"), and a date ("Palembang, 10 Januari 2025") names none. `Err`
/// for months that name no period of kinerja's ("Bulan Juni", "Februari - April") or two
/// ("Januari - Juni": the second quarter, cumulative, or the first semester).
fn months_named(words: &[&str]) -> Option<Result<Period, ()>> {
    let titled = words.iter().any(|w| ["laporan", "kinerja", "capaian", "lkj", "lakip"].contains(w));
    if !titled || !words.iter().any(|w| year_of(w).is_some()) {
        return None;
    }
    Some(month_span(words)?.and_then(|span| match periods_spanned(span)[..] {
        [Period::Year, ..] => Ok(Period::Year),
        [one] => Ok(one),
        _ => Err(()),
    }))
}

/// The periods a column header names: the one it names by its words ("Realisasi TW III",
/// "Triwulan II", "Tahunan"), or up to its end those that span can be ("s.d. TW IV": the year,
/// or TW IV to date; "s.d. Semester II" likewise), else those its months can be ("Realisasi s.d.
/// September 2024": TW III; "Januari - Juni": TW II or S1). Empty when it names none.
pub fn periods_named(text: &str) -> Vec<Period> {
    let words = normalise(text);
    let words: Vec<&str> = words.split_whitespace().collect();
    if let Some(period) = period_named(&words) {
        return match says_until(&words) {
            true => periods_spanned((1, period.last_month())),
            false => vec![period],
        };
    }
    match month_span(&words) {
        Some(Ok(span)) => periods_spanned(span),
        _ => Vec::new(),
    }
}

/// Whether normalised words say "up to" (`s.d.`, `s/d`, `sd`, `sampai`, `hingga`): what follows
/// is counted from the start of the year.
pub fn says_until(words: &[&str]) -> bool {
    words.windows(2).any(|w| w == ["s", "d"]) || words.iter().any(|w| ["sd", "sampai", "hingga"].contains(w))
}

/// The one period a column header's words name ("Realisasi TW III", "Triwulan II", "Tahunan"), if
/// they name exactly one.
fn period_named(words: &[&str]) -> Option<Period> {
    let named: Vec<Period> = (0..words.len()).filter_map(|i| period_at(words[i], next_word(words, i)).0).collect();
    sole(&named)
}

/// The year and the quarter or semester a file's name states, each only where it names one:
/// "Capaian TW III 2024", "laporan_kinerja_smt_1_2024" (a name's "Tahunan" or bare year names no
/// quarter or semester; "2024 rev 2025" names no year).
pub fn named_in_file(stem: &str) -> (Option<u16>, Option<Period>) {
    let words = normalise(stem);
    let words: Vec<&str> = words.split_whitespace().collect();
    let years: Vec<u16> = words.iter().filter_map(|w| year_of(w)).collect();
    let periods: Vec<Period> = (0..words.len())
        .filter_map(|i| period_at(words[i], next_word(&words, i)).0)
        .filter(|p| *p != Period::Year)
        .collect();
    (sole(&years), sole(&periods))
}

/// Whether a cell is the name of a Kantor Regional or of BKN's own offices, not a text that
/// mentions one: a row of a list of units (a target split between them, an annex by unit).
pub fn names_unit(sheet: &Sheet, row: u32, col: u32) -> bool {
    let w = normalise(sheet.text(row, col).unwrap_or_default());
    [" kantor regional ", " kanreg ", " bkn "].iter().any(|u| w.starts_with(u))
}

/// Whether a cell names a unit above or below another in its column: a list of units, read or
/// not, never who reports.
pub fn listed_unit(sheet: &Sheet, row: u32, col: u32) -> bool {
    names_unit(sheet, row, col) && [row.wrapping_sub(1), row + 1].iter().any(|r| names_unit(sheet, *r, col))
}

/// Read the identity from title texts. A unit of the organisation outranks the organisation, a
/// report's title other text, and then the longest alias wins; a year after "Tahun" outranks a
/// bare one; a title that names a year but no quarter or semester is annual
/// ("Laporan Kinerja … Tahun 2023" is how annual reports are titled).
pub fn declared<'a>(texts: impl Iterator<Item = &'a str>, units: &UnitRegistry) -> Declared {
    // The unit with how surely it is named: the organisation's unit before the organisation,
    // then a report's title before other text, then the longest alias.
    let mut unit: Option<(String, (bool, bool, usize))> = None;
    let (mut year, mut bare_year, mut period) = (None, None, None);
    let (mut says_tahun, mut unsure, mut agreement, mut report) = (false, false, false, false);
    let mut other_seat = None;
    let mut units_named: Vec<(String, usize)> = Vec::new();
    // Per title, the years after "Tahun" and the quarters or semesters it names.
    let mut titled = Contradicted::default();
    for (index, text) in texts.enumerate() {
        let normalised = normalise(text);
        let words: Vec<&str> = normalised.split_whitespace().collect();
        let opening = words.strip_prefix(&["lampiran"][..]).unwrap_or(&words);
        let agrees = opening.starts_with(&["perjanjian", "kinerja"]);
        // "Target Capaian Kinerja", "Rencana Capaian Kinerja" title targets, not a report.
        let reached =
            words.windows(3).any(|w| w[1..] == ["capaian", "kinerja"] && !["target", "rencana"].contains(&w[0]))
                || words.starts_with(&["capaian", "kinerja"]);
        let reports = opening.starts_with(&["laporan"]) || reached || words.contains(&"realisasi");
        (agreement, report) = (agreement || agrees, report || reports);
        // A title of what a unit reports or agrees to states who reports; a caption or an
        // indicator's name may name another unit ("Temuan Hasil Audit BPK/Inspektorat").
        let title = agrees || reports || words.contains(&"npss");
        // A source ("Sumber: Inspektorat", "data diolah dari sumber Pusat Penilaian Kompetensi")
        // names where figures came from, not who reports: only the words before it count.
        let reporting = normalised.find(" sumber ").map_or(normalised.as_str(), |at| &normalised[..=at]);
        let named = (!reporting.trim().is_empty()).then(|| units.find_in_normalised(reporting)).flatten();
        if let Some((found, (unit_of_organisation, length))) = named {
            let rank = (unit_of_organisation, title, length);
            if unit.as_ref().is_none_or(|(_, best)| rank > *best) {
                unit = Some((found.code.clone(), rank));
                other_seat = other_seat_named(reporting, found, units).map(|seat| (seat.to_string(), index));
            }
            if unit_of_organisation && title && !units_named.iter().any(|(code, _)| *code == found.code) {
                units_named.push((found.code.clone(), index));
            }
        }
        let (mut years, mut periods) = (Vec::new(), Vec::new());
        // How the last quarter or semester named was numbered, and where its numeral stands.
        let mut chain: Option<(Numbering, usize)> = None;
        for (i, word) in words.iter().enumerate() {
            let next = next_word(&words, i);
            if matches!(*word, "tahun" | "ta" | "thn" | "t") {
                if let Some(y) = year_of(next).filter(|_| !in_span(&words, next_index(&words, i))) {
                    years.push(y);
                    says_tahun = true;
                }
                continue;
            }
            bare_year = bare_year.or(year_of(word).filter(|_| !in_span(&words, i)));
            // "Triwulan I s.d. IV", "TW I, II, III", "Triwulan ke-1 s.d. ke-3": a numeral written
            // as the one that numbered a quarter or semester (Roman or Arabic, "Triwulan III dan
            // 4 IKU" counts indicators), after it with only "s.d.", "sampai dengan", "hingga",
            // "dan" or "ke" between, numbers the same kind of period.
            let arabic = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
            if let (Some((numbered, end)), Some(n)) = (chain, roman_or_digit(word))
                && i > end
                && arabic(word) == arabic(words[end])
                && words[end + 1..i]
                    .iter()
                    .all(|w| ["s", "d", "sd", "sampai", "dengan", "hingga", "dan", "ke"].contains(w))
            {
                periods.extend(numbered(n));
                chain = Some((numbered, i));
                continue;
            }
            let (named, numbered_past_four) = period_at(word, next);
            unsure |= numbered_past_four;
            if let Some(part) = named.filter(|p| *p != Period::Year) {
                let semester = matches!(part, Period::S1 | Period::S2);
                let numbered: Numbering = if semester { Period::semester } else { Period::quarter };
                chain = Some((numbered, if roman_or_digit(next).is_some() { next_index(&words, i) } else { i }));
            }
            periods.extend(named);
        }
        // Months name the period in a title that names who reports, never in a note.
        if periods.is_empty() && named.is_some() {
            match months_named(&words) {
                Some(Ok(named)) => periods.push(named),
                Some(Err(())) => unsure = true,
                None => {}
            }
        }
        year = year.or(years.first().copied());
        // "Triwulan I s.d. Triwulan III" reports up to the third quarter, and so do "TW I - TW
        // III" and "Triwulan II dan III", quarters named in order; "Triwulan III (dibandingkan
        // Triwulan II)" reports the first.
        let through =
            words.windows(2).any(|w| w == ["s", "d"]) || words.iter().any(|w| ["sd", "sampai", "hingga"].contains(w));
        let in_order = periods.windows(2).all(|w| w[1].last_month() > w[0].last_month());
        period = period.or(if through || in_order { periods.last() } else { periods.first() }.copied());
        sole_named(&years, index, &mut titled.years);
        sole_named(&periods, index, &mut titled.periods);
    }
    let year = year.or(bare_year);
    let implied_annual = period.is_none() && says_tahun && !unsure;
    let period = period.or(implied_annual.then_some(Period::Year));
    let contradicted = Contradicted {
        years: titled.years.into_iter().filter(|(y, _)| Some(*y) != year).collect(),
        // An annual report may well print its fourth quarter: only quarters and semesters clash.
        periods: titled
            .periods
            .into_iter()
            .filter(|(p, _)| *p != Period::Year && period.is_some_and(|t| t != *p && t != Period::Year))
            .collect(),
    };
    let unit = unit.map(|(code, _)| code);
    Declared { unit, year, period, contradicted, implied_annual, agreement, report, other_seat, units: units_named }
}

/// The seat of a regional office, from its name ("Kantor Regional VII BKN Palembang": Palembang).
fn seat(unit: &Unit) -> Option<&str> {
    unit.name.strip_prefix("Kantor Regional ")?.split_once(" BKN ").map(|(_, seat)| seat)
}

/// Another regional office's seat that `text` (normalised) names beside `unit`, a regional
/// office whose own seat it does not name.
fn other_seat_named<'u>(text: &str, unit: &Unit, units: &'u UnitRegistry) -> Option<&'u str> {
    let names = |seat: &str| text.contains(&normalise(seat));
    if names(seat(unit)?) {
        return None;
    }
    units.units().iter().filter(|u| u.code != unit.code).filter_map(seat).find(|s| names(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn read(texts: &[&str]) -> Declared {
        declared(texts.iter().copied(), &Config::builtin().units)
    }

    #[test]
    fn titles_of_the_published_reports() {
        let bkn = read(&["LAPORAN CAPAIAN KINERJA BADAN KEPEGAWAIAN NEGARA TAHUN 2023", "NPSS 98.47"]);
        let annual = Some(Period::Year);
        let expected = Declared {
            unit: Some("BKN".into()),
            year: Some(2023),
            period: annual,
            implied_annual: true,
            report: true,
            ..Default::default()
        };
        assert_eq!(bkn, expected);
        let kr = read(&["Data Capaian Kinerja Kantor Regional VII BKN Tahun 2024", "Triwulan IV"]);
        assert_eq!(
            kr,
            Declared {
                unit: Some("KR07".into()),
                year: Some(2024),
                period: Some(Period::Tw4),
                report: true,
                units: vec![("KR07".into(), 0)],
                ..Default::default()
            }
        );
        let tw = read(&["Kanreg VIII", "Realisasi TW II 2025"]);
        assert_eq!(
            tw,
            Declared {
                unit: Some("KR08".into()),
                year: Some(2025),
                period: Some(Period::Tw2),
                report: true,
                ..Default::default()
            }
        );
        let semester = read(&["Puspenkom", "Semester 1 2024"]);
        assert_eq!(semester.period, Some(Period::S1));
    }

    #[test]
    fn titles_that_contradict_each_other_are_told() {
        let stale = read(&[
            "Data Capaian Kinerja Kanreg VII Tahun 2023",
            "Tabel 3.1 NPSS Tahun 2024",
            "Sumber: LKj Tahun 2023",
        ]);
        assert_eq!((stale.year, stale.contradicted.years), (Some(2023), vec![(2024, 1)]));
        let quarters = read(&["Kanreg VII Triwulan III Tahun 2024", "NPSS Triwulan II Tahun 2024"]);
        assert_eq!((quarters.period, quarters.contradicted.periods), (Some(Period::Tw3), vec![(Period::Tw2, 1)]));
        // A title comparing two years or quarters names neither; an annual title names no quarter.
        let compared = read(&["Kanreg VII Tahun 2024", "Perbandingan Tahun 2023 dan Tahun 2024", "TW I s.d. TW IV"]);
        assert_eq!(compared.contradicted, Contradicted::default());
        for pair in [
            "Perbandingan NPSS Tahun 2023 dan 2024",
            "Realisasi Tahun 2023 dengan 2024",
            "Target Renstra Tahun 2020 sampai dengan 2024",
        ] {
            let compared = read(&[pair, "Kanreg VII Tahun 2024"]);
            assert_eq!((compared.year, compared.contradicted), (Some(2024), Contradicted::default()), "{pair}");
        }
        let annual = read(&["Laporan Tahunan Kanreg VII Tahun 2024", "Realisasi Triwulan IV"]);
        assert_eq!(annual.contradicted, Contradicted::default());
        // Quarters named in order, or a range's second numeral alone, report the last.
        for (title, period) in [
            ("Kanreg VII Triwulan I s.d. IV Tahun 2024", Period::Tw4),
            ("Kanreg VII TW I, TW II, TW III 2024", Period::Tw3),
            ("Kanreg VII TW I-III 2024", Period::Tw3),
            ("Kanreg VII Triwulan ke-1 s.d. ke-3 2024", Period::Tw3),
            ("Kanreg VII Triwulan II dan Triwulan III 2024", Period::Tw3),
            ("Kanreg VII Triwulan III (dibandingkan Triwulan II) 2024", Period::Tw3),
            ("Kanreg VII Semester I s.d. II 2024", Period::S2),
            ("Kanreg VII Triwulan III dan 4 IKU Baru 2024", Period::Tw3),
        ] {
            assert_eq!(read(&[title]).period, Some(period), "{title}");
        }
        // Report titles of two offices are both kept; a caption comparing offices, an indicator
        // naming another unit and BKN's letterhead state no one who reports, and the report's
        // title outranks the caption's longer alias.
        let copied = read(&["Data Capaian Kinerja Kanreg VII Tahun 2024", "Tabel 3.1 NPSS Kantor Regional VIII BKN"]);
        assert_eq!(copied.units, [("KR07".to_string(), 0), ("KR08".to_string(), 1)]);
        let mentions = read(&[
            "BADAN KEPEGAWAIAN NEGARA",
            "Laporan Kinerja Kanreg VII Tahun 2024",
            "Perbandingan IP ASN Kanreg VII dan Kanreg VIII Tahun 2024",
            "14. Persentase Tindak Lanjut Temuan Hasil Audit BPK/Inspektorat",
        ]);
        assert_eq!((mentions.unit.as_deref(), mentions.units), (Some("KR07"), vec![("KR07".to_string(), 1)]));
    }

    #[test]
    fn years_and_quarters_as_titles_write_them() {
        for title in
            ["Kanreg VII Tahun Anggaran 2024", "Kanreg VII T.A. 2024", "Kanreg VII TA 2024", "Kanreg VII Thn 2024"]
        {
            assert_eq!((read(&[title]).year, read(&[title]).period), (Some(2024), Some(Period::Year)), "{title}");
        }
        for title in [
            "Triwulan Ketiga Tahun 2024",
            "Triwulan ke-3 Tahun 2024",
            "TW 3 2024",
            "Triwulan III TA 2024",
            "Kuartal III Tahun 2024",
            "Kw. III Tahun 2024",
            "Trimester III Tahun 2024",
            "Tri Wulan III Tahun 2024",
            "Q3 2024",
            "Quarter 3 2024",
        ] {
            assert_eq!(read(&[title]).period, Some(Period::Tw3), "{title}");
        }
        assert_eq!(read(&["Semester Pertama Tahun 2024"]).period, Some(Period::S1));
        assert_eq!(read(&["Sem. I Tahun 2024"]).period, Some(Period::S1));
        assert_eq!(read(&["Triwulan Akhir Tahun 2024"]).period, Some(Period::Tw4));
        assert_eq!(read(&["Semester Terakhir Tahun 2024"]).period, Some(Period::S2));
        for title in ["Realisasi Triwulan I s.d. Triwulan III Tahun 2024", "Capaian TW I sampai TW III 2024"] {
            assert_eq!(read(&[title]).period, Some(Period::Tw3), "{title}");
        }
        // A quarter whose number cannot be told, or a numbered period kinerja has none of, is
        // unknown, never the annual report.
        for title in [
            "Triwulan Kelima Tahun 2024",
            "Triwulan V Tahun 2024",
            "Caturwulan II Tahun 2024",
            "Periode III Tahun 2024",
            "3rd Quarter 2024",
        ] {
            assert_eq!(read(&[title]).period, None, "{title}");
        }
        assert_eq!(read(&["Laporan Kinerja Periode Tahun 2024"]).period, Some(Period::Year));
        let noted = read(&["Laporan Kinerja Kanreg VII Tahun 2024", "Realisasi triwulan sebelumnya; Tri Wahyuni"]);
        assert_eq!(noted.period, Some(Period::Year));
    }

    #[test]
    fn months_name_the_period_a_title_reports() {
        for (title, period) in [
            ("Capaian Kinerja Kanreg VII Periode Januari s.d. September Tahun 2024", Some(Period::Tw3)),
            ("Capaian Kinerja Kanreg VII Periode Juli - September Tahun 2024", Some(Period::Tw3)),
            ("Capaian Kinerja Kanreg VII Januari - Maret 2024", Some(Period::Tw1)),
            ("Capaian Kinerja Kanreg VII s.d. September 2024", Some(Period::Tw3)),
            ("Capaian Kinerja Kanreg VII sampai dengan 30 September 2024", Some(Period::Tw3)),
            ("Laporan Capaian Kinerja Kanreg VII per 30 September 2024", Some(Period::Tw3)),
            ("Capaian Kinerja Kanreg VII Posisi 30 Juni 2024", None),
            ("Laporan Kinerja Kanreg VII Tahun 2024 (keadaan per 31 Desember 2024)", Some(Period::Year)),
            ("Capaian Kinerja Kanreg VII per 15 Oktober 2024", None),
            ("Capaian Kinerja Kanreg VII Periode Januari - Desember Tahun 2024", Some(Period::Year)),
            ("Capaian Kinerja Kanreg VII Juli s.d. Desember 2024", Some(Period::S2)),
            // Neither a quarter's nor a semester's end, or both: unknown, never the annual report.
            ("Capaian Kinerja Kanreg VII Periode Januari - Juni Tahun 2024", None),
            ("Capaian Kinerja Kanreg VII Bulan Juni Tahun 2024", None),
            ("Capaian Kinerja Kanreg VII Februari - April Tahun 2024", None),
            // The title's own period word first.
            ("Capaian Kinerja Kanreg VII Triwulan II (Januari - Juni) Tahun 2024", Some(Period::Tw2)),
            ("Capaian Kinerja Kanreg VII Semester I (Januari - Juni) Tahun 2024", Some(Period::S1)),
        ] {
            assert_eq!(read(&[title]).period, period, "{title}");
        }
        // A date or a note's months name no period: the annual title stands.
        let annual = read(&[
            "Laporan Kinerja Kanreg VII Tahun 2024",
            "Realisasi anggaran Januari - Maret",
            "Survei IKM dilaksanakan Juli - September 2024",
            "Data SIASN Januari - Juni 2024",
            "Realisasi capaian kinerja s.d. September 2024 (data sementara)",
            "Palembang, 15 Januari 2025",
        ]);
        assert_eq!(annual.period, Some(Period::Year));
        let stale = read(&["Capaian Kinerja Kanreg VII Januari s.d. September 2024", "NPSS Triwulan II Tahun 2024"]);
        assert_eq!((stale.period, stale.contradicted.periods), (Some(Period::Tw3), vec![(Period::Tw2, 1)]));
    }

    #[test]
    fn the_reporting_unit_comes_before_bkn_and_sources() {
        let letterhead = read(&["BADAN KEPEGAWAIAN NEGARA", "PERJANJIAN KINERJA KANTOR REGIONAL VII TAHUN 2024"]);
        assert_eq!(letterhead.unit.as_deref(), Some("KR07"));
        assert!(letterhead.agreement);
        let bkn = read(&["Laporan Kinerja Badan Kepegawaian Negara Tahun 2023", "Sumber: Inspektorat BKN"]);
        assert_eq!(bkn.unit.as_deref(), Some("BKN"));
        // A report that cites its agreement is not titled as one.
        assert!(!read(&["Laporan Kinerja Kanreg VII Tahun 2024", "Target sesuai Perjanjian Kinerja 2024"]).agreement);
        assert!(read(&["Lampiran Perjanjian Kinerja Kanreg VII Tahun 2024"]).agreement);
        // A report is titled as one, whatever it cites.
        assert!(read(&["Laporan Kinerja Kanreg VII Tahun 2024", "Target sesuai Perjanjian Kinerja 2024"]).report);
        assert!(read(&["Tabel 3. 2. Data Capaian Kinerja Kantor Regional VII BKN Tahun 2024"]).report);
        assert!(!read(&["PERJANJIAN KINERJA KANTOR REGIONAL VII TAHUN 2024"]).report);
        assert!(!read(&["Target Capaian Kinerja Kantor Regional VII Tahun 2024"]).report);
        // A source named after other words of a note is a source too.
        for note in [
            "Data diolah dari sumber Pusat Penilaian Kompetensi ASN",
            "*) Keterangan: sumber data Kantor Regional VII BKN Palembang",
        ] {
            let sourced = read(&["Laporan Kinerja Badan Kepegawaian Negara Tahun 2023", note]);
            assert_eq!(sourced.unit.as_deref(), Some("BKN"), "{note}");
        }
        // A regional office numbered in digits is that office, not BKN (whose name is a word of
        // "Kantor Regional 7 BKN").
        for (title, unit) in [
            ("LAPORAN KINERJA KANTOR REGIONAL 7 BKN TAHUN 2024", "KR07"),
            ("Laporan Kinerja Kanreg 7 Palembang Tahun 2024", "KR07"),
            ("Laporan Kinerja Kantor Regional 14 BKN Tahun 2024", "KR14"),
            // Named after BKN with its number or its seat: the office, not BKN.
            ("Tabel 3. 2. Data Capaian Kinerja BKN Regional VII Palembang Tahun 2024", "KR07"),
            ("Laporan Kinerja BKN Regional 7 Tahun 2024", "KR07"),
            ("Laporan Kinerja BKN Palembang Tahun 2024", "KR07"),
            ("Laporan Kinerja BKN Regional VIII Tahun 2024", "KR08"),
            ("Laporan Kinerja BKN Aceh Tahun 2024", "KR13"),
            // BKN's own offices are in Jakarta, as Kanreg V's: BKN.
            ("Laporan Kinerja BKN Jakarta Tahun 2024", "BKN"),
        ] {
            assert_eq!(read(&[title]).unit.as_deref(), Some(unit), "{title}");
        }
    }

    #[test]
    fn file_names_state_a_year_and_a_quarter() {
        assert_eq!(named_in_file("Capaian TW III 2024"), (Some(2024), Some(Period::Tw3)));
        assert_eq!(named_in_file("laporan_kinerja_smt_1_2024_final"), (Some(2024), Some(Period::S1)));
        assert_eq!(named_in_file("KR07-TW3-2024 (1)"), (Some(2024), Some(Period::Tw3)));
        assert_eq!(named_in_file("Laporan Kinerja Tahunan 2024"), (Some(2024), None));
        assert_eq!(named_in_file("LKj 2024 rev 2025-01-15"), (None, None));
        assert_eq!(named_in_file("TW2 ke TW3"), (None, None));
        assert_eq!(named_in_file("Tri Wahyuni laporan"), (None, None));
    }

    /// "Tabel 1 Capaian IKU 1 … Tahun 2020-2023" above a Renja's evaluation made a Renja whose
    /// title was left without its year the Renja of 2020.
    #[test]
    fn a_span_of_years_names_no_year() {
        for caption in ["Capaian IKU 1 Tahun 2020-2023", "Renstra 2020 s.d. 2024", "Tahun 2020 sampai 2024"] {
            assert_eq!(read(&[caption]).year, None, "{caption}");
        }
        assert_eq!(read(&["Renstra 2020-2024", "Rencana Kerja Tahun 2024"]).year, Some(2024));
    }

    #[test]
    fn silence_is_not_guessed() {
        assert_eq!(read(&["Capaian Kinerja"]), Declared { report: true, ..Declared::default() });
        assert_eq!(read(&["Capaian 2024"]).period, None);
    }
}
