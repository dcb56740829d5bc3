//! The JSON form of a check, documented in the README ("JSON output").

use super::Outcome;
use crate::model::amount::{json_exact, json2};
use crate::model::{Claim, Kind, Score};
use serde_json::{Value as Json, json};

fn score(s: &Score) -> Json {
    s.value.map_or(Json::Null, json2)
}

fn claimed(c: &Option<Claim>) -> Json {
    c.as_ref().map_or(Json::Null, |c| json_exact(c.value))
}

pub fn to_json(outcome: &Outcome) -> Json {
    let findings: Vec<Json> = outcome
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code.as_str(),
                "severity": f.severity,
                "sheet": f.at.as_ref().map(|a| a.sheet.to_string()),
                "cell": f.at.as_ref().map(|a| a.a1()),
                "subject": f.subject,
                "found": f.found,
                "expected": f.expected,
                "message": f.message_in(outcome.language),
            })
        })
        .collect();
    let unit = outcome.unit.as_ref().map(|u| json!({ "code": u.code, "name": u.name }));
    let mut object = json!({
        "file": outcome.file.display().to_string(),
        "sha256": outcome.sha256,
        "unit": unit,
        "findings": findings,
        "summary": {
            "errors": outcome.count(crate::model::Severity::Error),
            "warnings": outcome.count(crate::model::Severity::Warning),
            "info": outcome.count(crate::model::Severity::Info),
        },
    });
    let Some((report, card)) = &outcome.scored else {
        return object;
    };
    let perspectives: Vec<Json> = card
        .perspectives
        .iter()
        .map(|p| {
            let row = report.perspectives.iter().find(|r| r.name == p.name);
            json!({
                "name": p.name,
                "score": score(&p.score),
                "weight": json2(p.weight),
                "nkp": score(&p.nkp),
                "band": &*p.band,
                "status": p.score.status().as_str(),
                "claimed_score": row.map_or(Json::Null, |r| claimed(&r.skor)),
                "claimed_nkp": row.map_or(Json::Null, |r| claimed(&r.nkp)),
            })
        })
        .collect();
    let goals: Vec<Json> = card
        .goals
        .iter()
        .zip(&report.goals)
        .map(|(g, row)| {
            json!({
                "code": g.code,
                "name": row.name,
                "perspective": row.perspective,
                "nss": score(&g.nss),
                "band": &*g.band,
                "status": g.nss.status().as_str(),
                "claimed_nss": claimed(&row.nss),
            })
        })
        .collect();
    let perspective_of: std::collections::HashMap<&str, &str> =
        report.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
    let indicators: Vec<Json> = card
        .indicators
        .iter()
        .zip(&report.indicators)
        .map(|(i, row)| {
            json!({
                "code": i.code,
                "name": row.name,
                "goal": row.goal,
                "perspective": perspective_of.get(row.goal.as_str()).copied().unwrap_or_default(),
                "satuan": row.measure.label(),
                "target": row.target.value.to_json(),
                "realisasi": row.realisasi.value.to_json(),
                "capaian": score(&i.capaian),
                "status": i.capaian.status().as_str(),
                "band": &*i.band,
                "claimed_capaian": claimed(&row.capaian),
                "cell": row.at.to_string(),
            })
        })
        .collect();
    let budget: Vec<Json> = card
        .budget
        .iter()
        .zip(&report.budget)
        .map(|(b, row)| {
            let exact = |v: Option<rust_decimal::Decimal>| v.map_or(Json::Null, json_exact);
            let rounded = |v: Option<rust_decimal::Decimal>| v.map_or(Json::Null, json2);
            json!({
                "scope": b.scope.as_str(),
                "code": b.code,
                "pagu": exact(b.pagu),
                "realisasi": exact(b.realisasi),
                "serapan": rounded(b.serapan),
                "sisa": exact(b.sisa),
                "efisiensi": rounded(b.efisiensi),
                "claimed_serapan": claimed(&row.serapan),
                "claimed_sisa": claimed(&row.sisa),
                "claimed_efisiensi": claimed(&row.efisiensi),
            })
        })
        .collect();
    let extra = json!({
        "kind": match report.kind { Kind::Realisasi => "realisasi", Kind::Agreement => "agreement" },
        "year": report.identity.year,
        "period": report.identity.period.map(|p| p.as_str()),
        "npss": score(&card.npss),
        "npss_status": card.npss.status().as_str(),
        "band": &*card.band,
        "claimed_npss": claimed(&report.npss),
        "perspectives": perspectives,
        "goals": goals,
        "indicators": indicators,
        "budget": budget,
    });
    if let (Json::Object(base), Json::Object(more)) = (&mut object, extra) {
        base.extend(more);
    }
    if outcome.unit.is_none()
        && let Some(code) = &report.identity.unit
    {
        object["unit"] = json!({ "code": code, "name": Json::Null });
    }
    object
}
