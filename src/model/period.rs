//! Reporting periods: quarters, semesters, or the whole year.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Tw1,
    Tw2,
    Tw3,
    Tw4,
    S1,
    S2,
    /// The annual report (Laporan Kinerja tahunan).
    Year,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Tw1 => "TW1",
            Period::Tw2 => "TW2",
            Period::Tw3 => "TW3",
            Period::Tw4 => "TW4",
            Period::S1 => "S1",
            Period::S2 => "S2",
            Period::Year => "TAHUNAN",
        }
    }

    /// The month the period ends in: 3 for the first quarter, 6 for the second and the first
    /// semester, 12 for the fourth, the second semester and the year.
    pub fn last_month(self) -> u32 {
        match self {
            Period::Tw1 => 3,
            Period::Tw2 | Period::S1 => 6,
            Period::Tw3 => 9,
            Period::Tw4 | Period::S2 | Period::Year => 12,
        }
    }

    /// The month the period begins in: 1 for the first quarter, the first semester and the year,
    /// 4, 7 and 10 for the other quarters, 7 for the second semester.
    pub fn first_month(self) -> u32 {
        match self {
            Period::Tw1 | Period::S1 | Period::Year => 1,
            Period::Tw2 => 4,
            Period::Tw3 | Period::S2 => 7,
            Period::Tw4 => 10,
        }
    }

    /// The period as a column's header names it: `TW III`, `Semester I`, `Tahun`.
    pub fn heading(self) -> &'static str {
        match self {
            Period::Tw1 => "TW I",
            Period::Tw2 => "TW II",
            Period::Tw3 => "TW III",
            Period::Tw4 => "TW IV",
            Period::S1 => "Semester I",
            Period::S2 => "Semester II",
            Period::Year => "Tahun",
        }
    }

    pub fn quarter(n: u32) -> Option<Period> {
        [Period::Tw1, Period::Tw2, Period::Tw3, Period::Tw4].get(n.checked_sub(1)? as usize).copied()
    }

    pub fn semester(n: u32) -> Option<Period> {
        [Period::S1, Period::S2].get(n.checked_sub(1)? as usize).copied()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Accepts `TW1`…`TW4`, `S1`, `S2`, and for the year `TAHUNAN`, `Y` or a four-digit year.
impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_uppercase().replace([' ', '-', '_'], "");
        let number = |prefix: &str| upper.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok());
        let period = match upper.as_str() {
            "TAHUNAN" | "Y" | "YEAR" | "TAHUN" => Some(Period::Year),
            y if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => Some(Period::Year),
            _ => number("TW")
                .or_else(|| number("Q"))
                .and_then(Period::quarter)
                .or_else(|| number("S").and_then(Period::semester)),
        };
        period.ok_or_else(|| format!("periode tidak dikenal: {s} (pakai TW1–TW4, S1, S2, atau TAHUNAN)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spellings_of_periods() {
        assert_eq!("tw4".parse(), Ok(Period::Tw4));
        assert_eq!("TW 2".parse(), Ok(Period::Tw2));
        assert_eq!("S2".parse(), Ok(Period::S2));
        assert_eq!("2024".parse(), Ok(Period::Year));
        assert_eq!("Tahunan".parse(), Ok(Period::Year));
        assert!("TW5".parse::<Period>().is_err());
    }
}
