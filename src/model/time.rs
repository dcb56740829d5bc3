//! Time as units read it: ledger instants (Unix milliseconds) shown in a unit's own zone, and
//! calendar dates. Indonesia keeps no daylight saving time, so its three zones are fixed offsets
//! from UTC and need no time-zone database.

use serde::{Deserialize, Serialize};
use std::fmt;

/// (year, month, day) of a count of days since 1970-01-01 (Howard Hinnant's civil_from_days),
/// for ledger times and Excel's serial dates alike.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the inverse of [`civil_from_days`]).
pub fn days_from_date(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// A day (days since 1970-01-01) as a sentence writes it: `31 Januari 2025`, `31 January 2025`.
pub fn day_words(days: i64, language: crate::model::Language) -> String {
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = civil_from_days(days);
    let names = match language {
        crate::model::Language::Id => &BULAN,
        crate::model::Language::En => &MONTHS,
    };
    format!("{day} {} {year}", names[(month - 1) as usize])
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// Indonesia's three time zones, by a unit's seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    #[default]
    #[serde(rename = "WIB")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi).
    #[serde(rename = "WITA")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    #[serde(rename = "WIT")]
    Wit,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    fn offset_ms(self) -> i64 {
        let hours = match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        };
        hours * 3_600_000
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `YYYY-MM-DD HH:MM:SS` of an instant shifted by `offset_ms`.
fn clock(ms: i64, offset_ms: i64) -> String {
    let secs = (ms + offset_ms).div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM:SS` UTC (logs and the ledger's own notes).
pub fn utc(ms: i64) -> String {
    clock(ms, 0)
}

/// Unix milliseconds as the unit reads them: `YYYY-MM-DD HH:MM WIB`.
pub fn local(ms: i64, zone: Zone) -> String {
    let mut shown = clock(ms, zone.offset_ms());
    shown.truncate(16);
    format!("{shown} {zone}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_to_days_and_back() {
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2000-02-29").map(|d| utc(d * 86_400_000)), Some("2000-02-29 00:00:00".into()));
        assert_eq!(days_from_date("2025-13-01"), None);
        assert_eq!(civil_from_days(days_from_date("2024-03-07").unwrap()), (2024, 3, 7));
        let due = days_from_date("2025-01-31").unwrap();
        assert_eq!(day_words(due, crate::model::Language::Id), "31 Januari 2025");
        assert_eq!(day_words(due, crate::model::Language::En), "31 January 2025");
    }

    #[test]
    fn instants_in_utc_and_in_each_zone() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(1_764_098_400_000), "2025-11-25 19:20:00");
        // 19:20 UTC is past midnight in Jayapura.
        assert_eq!(local(1_764_098_400_000, Zone::Wib), "2025-11-26 02:20 WIB");
        assert_eq!(local(1_764_098_400_000, Zone::Wita), "2025-11-26 03:20 WITA");
        assert_eq!(local(1_764_098_400_000, Zone::Wit), "2025-11-26 04:20 WIT");
    }
}
