//! Exact numbers: the two crossings between `f64` and `Decimal`, and display rounding.
//!
//! calamine hands numeric cells over as `f64`. A float becomes a decimal through its shortest
//! round-trip text (`56.5_f64` → `"56.5"` → `56.5`), never through its binary expansion, so what
//! Excel shows is what we compute with. Everything after that is `Decimal` at full precision;
//! rounding happens only for display, half-up (away from zero), to two places.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// A float as the decimal Excel displays, with the number of decimals its shortest text carries.
/// `None` for NaN, infinities and magnitudes a `Decimal` cannot hold.
pub fn decimal_from_f64(value: f64) -> Option<(Decimal, u32)> {
    if !value.is_finite() {
        return None;
    }
    // Whole numbers (most targets and amounts) need no text at all.
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        return Some((Decimal::from(value as i64), 0));
    }
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, frac)| frac.len() as u32);
    Decimal::from_str(&text).ok().map(|d| (d.normalize(), decimals))
}

/// Round half-up (away from zero) to `places` decimals: 86.025 → 86.03, 101.245 → 101.25.
pub fn round_half_up(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// The display form of a score: two decimals, half-up.
pub fn display2(value: Decimal) -> String {
    format!("{:.2}", round_half_up(value, 2))
}

/// [`display2`] as the text around it writes it: `99,27` in Indonesian, `99.27` in English.
pub fn display2_in(value: Decimal, language: crate::model::Language) -> String {
    let shown = display2(value);
    match language {
        crate::model::Language::Id => shown.replace('.', ","),
        crate::model::Language::En => shown,
    }
}

/// An exact decimal kept as text (the ledger's form), back as a decimal.
pub fn stored_decimal(text: Option<&str>) -> Option<Decimal> {
    text.and_then(|t| t.parse().ok())
}

/// A number, a text or nothing in kinerja's JSON output, serialized as it is (never built into
/// a `serde_json::Value` first). A decimal is written as an integer when it is one, else as the
/// double nearest its exact text, which JSON prints shortest: 99.27 stays `99.27`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum JsonScalar {
    #[default]
    Null,
    Number(Decimal),
    Text(String),
}

impl serde::Serialize for JsonScalar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use rust_decimal::prelude::ToPrimitive;
        match self {
            JsonScalar::Null => serializer.serialize_unit(),
            JsonScalar::Text(text) => serializer.serialize_str(text),
            JsonScalar::Number(value) => {
                let value = value.normalize();
                match (value.scale(), value.to_i64()) {
                    (0, Some(whole)) => serializer.serialize_i64(whole),
                    _ => serializer.serialize_f64(value.to_string().parse().unwrap_or(f64::NAN)),
                }
            }
        }
    }
}

/// A score as a JSON number rounded half-up to two decimals.
pub fn json2(value: Decimal) -> JsonScalar {
    JsonScalar::Number(round_half_up(value, 2))
}

/// An amount (rupiah) as a JSON number, exact.
pub fn json_exact(value: Decimal) -> JsonScalar {
    JsonScalar::Number(value)
}

/// The sum of `values`; `None` when one is missing or the sum leaves the range of an exact
/// decimal (a hostile workbook's amounts must not stop the review).
pub fn checked_sum(values: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v?))
}

/// `part` as a percentage of `whole`: `None` for a zero whole or a result out of range.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_div(whole)?.checked_mul(Decimal::ONE_HUNDRED)
}

/// Efficiency (PMK 214/PMK.02/2017) = (capaian − serapan) / capaian × 100, clamped to ±`clamp`:
/// `None` for a capaian of zero or a result out of range.
pub fn efisiensi(capaian: Decimal, serapan: Decimal, clamp: Decimal) -> Option<Decimal> {
    let e = percent_of(capaian.checked_sub(serapan)?, capaian)?;
    Some(e.clamp(-clamp, clamp))
}

/// Rupiah named as such: `Rp 750.000`, where a value could be a decimal otherwise.
pub fn rupiah(value: Decimal) -> String {
    format!("Rp {}", display_rupiah(value))
}

/// Rupiah with Indonesian grouping: 1079227170000 → `1.079.227.170.000`.
pub fn display_rupiah(value: Decimal) -> String {
    let rounded = round_half_up(value, 0);
    let digits = rounded.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn json_numbers_are_written_as_they_read() {
        let shown = |value: JsonScalar| serde_json::to_string(&value).unwrap();
        assert_eq!(shown(json2("99.2650".parse().unwrap())), "99.27");
        assert_eq!(shown(json2("-0.285".parse().unwrap())), "-0.29");
        assert_eq!(shown(json_exact("1079227170000".parse().unwrap())), "1079227170000");
        assert_eq!(shown(json_exact("30400000.00".parse().unwrap())), "30400000");
        assert_eq!(shown(json_exact("0.1".parse().unwrap())), "0.1");
        assert_eq!(shown(JsonScalar::Text("N/A".into())), "\"N/A\"");
        assert_eq!(shown(JsonScalar::Null), "null");
    }

    #[test]
    fn floats_cross_through_their_shortest_text() {
        assert_eq!(decimal_from_f64(56.5), Some((dec!(56.5), 1)));
        assert_eq!(decimal_from_f64(86.025), Some((dec!(86.025), 3)));
        assert_eq!(decimal_from_f64(0.1 + 0.2).unwrap().0, dec!(0.30000000000000004));
        assert_eq!(decimal_from_f64(f64::NAN), None);
    }

    #[test]
    fn display_rounds_half_up_not_to_even() {
        assert_eq!(display2(dec!(101.245)), "101.25");
        assert_eq!(display2(dec!(96.715)), "96.72");
        assert_eq!(display2(dec!(86.025)), "86.03");
        assert_eq!(display2(dec!(-0.285)), "-0.29");
    }

    #[test]
    fn rupiah_grouping() {
        assert_eq!(display_rupiah(dec!(1079227170000)), "1.079.227.170.000");
        assert_eq!(display_rupiah(dec!(0)), "0");
        assert_eq!(display_rupiah(dec!(-1500)), "-1.500");
    }
}
