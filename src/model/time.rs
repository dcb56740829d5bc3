//! Time as units read it: ledger instants (Unix milliseconds) shown in a unit's own zone, and
//! calendar dates, on jiff. Indonesia keeps no daylight saving time, so its three zones are
//! fixed offsets from UTC and need no time-zone database.

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A `YYYY-MM-DD` date, checked against the calendar (there is no 31 February).
pub fn date(text: &str) -> Option<Date> {
    text.trim().parse().ok()
}

/// The day an Excel serial number names. Excel's 1900 calendar counts a 29 February 1900 that
/// never was (serial 60), so later serials are one day ahead of a plain count from 31 December
/// 1899.
pub fn excel_day(serial: i64) -> Option<Date> {
    let start = if serial >= 61 { Date::constant(1899, 12, 30) } else { Date::constant(1899, 12, 31) };
    start.checked_add(serial.days()).ok()
}

/// The first day of `period` in `year`.
pub fn period_begins(year: u16, period: crate::model::Period) -> Option<Date> {
    Date::new(i16::try_from(year).ok()?, i8::try_from(period.first_month()).ok()?, 1).ok()
}

/// A day as a sentence writes it: `31 Januari 2025`, `31 January 2025`.
pub fn day_words(day: Date, language: crate::model::Language) -> String {
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
    let names = match language {
        crate::model::Language::Id => &BULAN,
        crate::model::Language::En => &MONTHS,
    };
    format!("{} {} {}", day.day(), names[day.month() as usize - 1], day.year())
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

/// Today's date where the unit is.
pub fn today(zone: Zone) -> Date {
    Timestamp::now().to_zoned_datetime(zone.time_zone()).date()
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

    fn time_zone(self) -> TimeZone {
        TimeZone::fixed(Offset::constant(match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        }))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Unix milliseconds in `zone`, formatted.
fn clock(ms: i64, zone: TimeZone, format: &str) -> String {
    Timestamp::from_millisecond(ms)
        .map_or_else(|_| ms.to_string(), |t| t.to_zoned_datetime(zone).strftime(format).to_string())
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM:SS` UTC (logs and the ledger's own notes).
pub fn utc(ms: i64) -> String {
    clock(ms, TimeZone::UTC, "%Y-%m-%d %H:%M:%S")
}

/// Unix milliseconds as the unit reads them: `YYYY-MM-DD HH:MM WIB`.
pub fn local(ms: i64, zone: Zone) -> String {
    format!("{} {zone}", clock(ms, zone.time_zone(), "%Y-%m-%d %H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_checked_against_the_calendar() {
        assert_eq!(date("2000-02-29"), Some(Date::constant(2000, 2, 29)));
        assert_eq!(date("2025-02-29"), None, "2025 is not a leap year");
        assert_eq!(date("2025-02-31"), None);
        assert_eq!(date("2025-13-01"), None);
        assert_eq!(date("31-01-2025"), None);
        let due = date(" 2025-01-31 ").unwrap();
        assert_eq!(day_words(due, crate::model::Language::Id), "31 Januari 2025");
        assert_eq!(day_words(due, crate::model::Language::En), "31 January 2025");
    }

    #[test]
    fn a_period_begins_on_the_first_day_of_its_first_month() {
        use crate::model::Period;
        assert_eq!(period_begins(2024, Period::Tw3), Some(Date::constant(2024, 7, 1)));
        assert_eq!(period_begins(2099, Period::Year), Some(Date::constant(2099, 1, 1)));
        assert_eq!(period_begins(2025, Period::Tw4), Some(Date::constant(2025, 10, 1)));
    }

    #[test]
    fn excel_serial_days_count_its_phantom_leap_day() {
        assert_eq!(excel_day(1), Some(Date::constant(1900, 1, 1)));
        assert_eq!(excel_day(59), Some(Date::constant(1900, 2, 28)));
        assert_eq!(excel_day(61), Some(Date::constant(1900, 3, 1)));
        assert_eq!(excel_day(25_569), Some(Date::constant(1970, 1, 1)));
        assert_eq!(excel_day(45_476), Some(Date::constant(2024, 7, 3)));
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
