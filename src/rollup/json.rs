//! The roll-up as JSON, documented in the README ("`kinerja rollup`"): typed views serialized
//! directly, keys in the documented order.

use super::{Contribution, Rolled, Rollup};
use crate::model::Language;
use crate::model::amount::JsonScalar as Json;
use crate::model::amount::{json_exact, json2};
use serde::Serialize;

fn rounded(v: Option<rust_decimal::Decimal>) -> Json {
    v.map_or(Json::Null, json2)
}

#[derive(Serialize)]
struct RollupJson<'a> {
    unit: &'a str,
    year: u16,
    period: &'static str,
    targets_from: Option<&'static str>,
    report: Option<OwnJson>,
    indicators: Vec<IndicatorJson<'a>>,
    goals: Vec<ScoreJson<'a>>,
    perspectives: Vec<PerspectiveJson<'a>>,
    npss: Json,
    npss_status: &'static str,
}

#[derive(Serialize)]
struct OwnJson {
    submission: i64,
    version: i64,
    errors: i64,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    code: &'a str,
    name: &'a str,
    rule: &'static str,
    value: Json,
    status: &'static str,
    expected: &'a [String],
    contributors: Vec<ContributorJson<'a>>,
    missing: &'a [String],
    target: Json,
    capaian: Json,
    reported: Json,
    reported_cell: Option<&'a str>,
    agrees: Option<bool>,
}

#[derive(Serialize)]
struct ContributorJson<'a> {
    unit: &'a str,
    indicator: Option<&'a str>,
    value: Json,
    status: &'static str,
    submission: i64,
    version: i64,
    reported: Json,
    cell: Option<&'a str>,
    numerator: Json,
    denominator: Json,
    reason: Option<String>,
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    code: &'a str,
    nss: Json,
}

#[derive(Serialize)]
struct PerspectiveJson<'a> {
    name: &'a str,
    score: Json,
    nkp: Json,
}

fn contributor(c: &Contribution, language: Language) -> ContributorJson<'_> {
    ContributorJson {
        unit: &c.unit,
        indicator: c.indicator.as_deref(),
        value: rounded(c.value),
        status: c.status.as_str(),
        submission: c.submission,
        version: c.version,
        reported: c.reported.to_json(),
        cell: c.cell.as_deref(),
        numerator: c.parts.map_or(Json::Null, |(n, _)| json_exact(n)),
        denominator: c.parts.map_or(Json::Null, |(_, d)| json_exact(d)),
        reason: match &c.status {
            super::Standing::NoValue(why) => Some(why.text(language)),
            _ => None,
        },
    }
}

fn indicator(r: &Rolled, language: Language) -> IndicatorJson<'_> {
    IndicatorJson {
        code: &r.code,
        name: &r.name,
        rule: r.rule,
        value: rounded(r.value),
        status: r.status.as_str(),
        expected: &r.expected,
        contributors: r.contributors.iter().map(|c| contributor(c, language)).collect(),
        missing: &r.missing,
        target: r.target.to_json(),
        capaian: rounded(r.capaian),
        reported: r.reported.as_ref().map_or(Json::Null, |v| v.to_json()),
        reported_cell: r.reported_cell.as_deref(),
        agrees: (r.computed() && r.status != super::Completeness::Incomplete && r.reported.is_some())
            .then(|| r.disagrees().is_none()),
    }
}

/// The roll-up as pretty JSON; reasons in `language`.
pub fn to_json_text(rollup: &Rollup, language: Language) -> String {
    let view = RollupJson {
        unit: &rollup.unit,
        year: rollup.year,
        period: rollup.period.as_str(),
        targets_from: rollup.targets_from,
        report: rollup.own.map(|(submission, version, errors)| OwnJson { submission, version, errors }),
        indicators: rollup.indicators.iter().map(|r| indicator(r, language)).collect(),
        goals: rollup.scores.goals.iter().map(|(code, nss)| ScoreJson { code, nss: rounded(*nss) }).collect(),
        perspectives: rollup
            .scores
            .perspectives
            .iter()
            .map(|(name, score, nkp)| PerspectiveJson { name, score: rounded(*score), nkp: rounded(*nkp) })
            .collect(),
        npss: rounded(rollup.scores.npss),
        npss_status: rollup.scores.status.as_str(),
    };
    serde_json::to_string_pretty(&view).expect("the roll-up serializes")
}
