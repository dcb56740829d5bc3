//! Who reports, for which year and period, from a workbook's titles ("LAPORAN CAPAIAN KINERJA
//! KANTOR REGIONAL VII BKN PALEMBANG TAHUN 2024", "Triwulan IV", "TW IV").

use crate::model::unit::normalise;
use crate::model::{Period, UnitRegistry};

/// What the titles say, each part `None` when they do not say it.
#[derive(Debug, Default, PartialEq)]
pub struct Declared {
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub period: Option<Period>,
}

fn roman_or_digit(word: &str) -> Option<u32> {
    match word {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

fn year_of(word: &str) -> Option<u16> {
    let year: u16 = word.parse().ok()?;
    (2000..2100).contains(&year).then_some(year)
}

/// Read the identity from title texts. The longest unit alias wins; a year after "Tahun"
/// outranks a bare one; a title that names a year but no quarter or semester is annual
/// ("Laporan Kinerja … Tahun 2023" is how annual reports are titled).
pub fn declared<'a>(texts: impl Iterator<Item = &'a str>, units: &UnitRegistry) -> Declared {
    let mut unit: Option<(String, usize)> = None;
    let (mut year, mut bare_year, mut period) = (None, None, None);
    let mut says_tahun = false;
    for text in texts {
        if let Some((found, len)) = units.find_in(text)
            && unit.as_ref().is_none_or(|(_, best)| len > *best)
        {
            unit = Some((found.code.clone(), len));
        }
        let words = normalise(text);
        let words: Vec<&str> = words.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let next = words.get(i + 1).copied().unwrap_or("");
            match *word {
                "tahun" | "ta" => {
                    if let Some(y) = year_of(next) {
                        year = year.or(Some(y));
                        says_tahun = true;
                    }
                }
                "triwulan" | "tw" | "trw" | "tri" => {
                    period = period.or(roman_or_digit(next).and_then(Period::quarter));
                }
                "semester" | "smt" => period = period.or(roman_or_digit(next).and_then(Period::semester)),
                "tahunan" => period = period.or(Some(Period::Year)),
                w => {
                    bare_year = bare_year.or(year_of(w));
                    let quarter = w.strip_prefix("tw").and_then(roman_or_digit).and_then(Period::quarter);
                    period = period.or(quarter);
                }
            }
        }
    }
    let year = year.or(bare_year);
    Declared { unit: unit.map(|(code, _)| code), year, period: period.or((says_tahun).then_some(Period::Year)) }
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
        assert_eq!(bkn, Declared { unit: Some("BKN".into()), year: Some(2023), period: Some(Period::Year) });
        let kr = read(&["Data Capaian Kinerja Kantor Regional VII BKN Tahun 2024", "Triwulan IV"]);
        assert_eq!(kr, Declared { unit: Some("KR07".into()), year: Some(2024), period: Some(Period::Tw4) });
        let tw = read(&["Kanreg VIII", "Realisasi TW II 2025"]);
        assert_eq!(tw, Declared { unit: Some("KR08".into()), year: Some(2025), period: Some(Period::Tw2) });
        let semester = read(&["Puspenkom", "Semester 1 2024"]);
        assert_eq!(semester.period, Some(Period::S1));
    }

    #[test]
    fn silence_is_not_guessed() {
        assert_eq!(read(&["Capaian Kinerja"]), Declared::default());
        assert_eq!(read(&["Capaian 2024"]).period, None);
    }
}
