//! The JSON form of a check, documented in the README ("JSON output"): typed views of the
//! outcome, serialized directly, keys in the documented order.

use super::Outcome;
use crate::model::amount::JsonScalar as Json;
use crate::model::amount::{json_exact, json2};
use crate::model::plan::Plan;
use crate::model::{Claim, Score, Severity};
use serde::Serialize;

fn score(s: &Score) -> Json {
    s.value.map_or(Json::Null, json2)
}

fn claimed(c: &Option<Claim>) -> Json {
    c.as_ref().map_or(Json::Null, |c| json_exact(c.value))
}

fn exact(v: Option<rust_decimal::Decimal>) -> Json {
    v.map_or(Json::Null, json_exact)
}

fn rounded(v: Option<rust_decimal::Decimal>) -> Json {
    v.map_or(Json::Null, json2)
}

/// One check as JSON: the fields every outcome has, then those of a workbook that was read.
#[derive(Serialize)]
pub struct CheckJson<'a> {
    file: String,
    sha256: &'a str,
    unit: Option<UnitJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    summary: SummaryJson,
    #[serde(flatten)]
    scored: Option<ScoredJson<'a>>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    code: &'a str,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    severity: Severity,
    sheet: Option<&'a str>,
    cell: Option<String>,
    subject: &'a str,
    found: &'a str,
    expected: &'a str,
    message: String,
}

#[derive(Serialize)]
struct SummaryJson {
    errors: usize,
    warnings: usize,
    info: usize,
}

#[derive(Serialize)]
struct ScoredJson<'a> {
    kind: &'static str,
    year: Option<u16>,
    period: Option<&'static str>,
    npss: Json,
    npss_status: &'static str,
    band: &'a str,
    claimed_npss: Json,
    perspectives: Vec<PerspectiveJson<'a>>,
    goals: Vec<GoalJson<'a>>,
    indicators: Vec<IndicatorJson<'a>>,
    budget: Vec<BudgetJson<'a>>,
    /// A plan's tables (README, "A plan in JSON").
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    plan: Option<PlanJson<'a>>,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    targets: Vec<TargetJson<'a>>,
    history: Vec<HistoryJson>,
    budget_plan: Vec<PlanLineJson<'a>>,
    budget_programs: Vec<ProgramJson<'a>>,
    responsibility: Vec<ResponsibilityJson<'a>>,
}

#[derive(Serialize)]
struct ProgramJson<'a> {
    program: Option<&'a str>,
    kegiatan: &'a [String],
    pagu: Json,
    source: &'static str,
}

#[derive(Serialize)]
struct TargetJson<'a> {
    code: &'a str,
    name: &'a str,
    goal: Option<&'a str>,
    perspective: Option<&'a str>,
    satuan: &'static str,
    year: u16,
    source: &'static str,
    value: Json,
    justification: Option<&'a str>,
    cell: String,
}

#[derive(Serialize)]
struct HistoryJson {
    code: Option<String>,
    name: String,
    year: u16,
    target: Json,
    realisasi: Json,
    capaian: Json,
    cell: String,
}

#[derive(Serialize)]
struct PlanLineJson<'a> {
    level: &'static str,
    code: &'a str,
    name: &'a str,
    volume: Json,
    satuan: Option<&'a str>,
    pagu: Json,
    parent: Option<&'a str>,
    source: &'static str,
    cell: String,
}

#[derive(Serialize)]
struct ResponsibilityJson<'a> {
    unit_kerja: &'a str,
    program: Option<&'a str>,
    kegiatan: &'a str,
    iku: Option<&'a str>,
    cell: String,
}

/// A plan's tables as JSON; history only for the years before the plan's.
fn plan_json(plan: &Plan, year: Option<u16>) -> PlanJson<'_> {
    let targets = plan
        .targets
        .iter()
        .map(|t| TargetJson {
            code: &t.code,
            name: &t.name,
            goal: t.goal.as_deref(),
            perspective: t.perspective.as_deref(),
            satuan: t.satuan,
            year: t.year,
            source: t.source.as_str(),
            value: t.value.to_json(),
            justification: t.justification.as_deref(),
            cell: t.at.to_string(),
        })
        .collect();
    let rows = plan.history_by_year();
    let history = rows
        .iter()
        .filter(|h| year.is_none_or(|y| h.year < y))
        .map(|h| HistoryJson {
            code: (!h.code.is_empty()).then(|| h.code.clone()),
            name: h.name.clone(),
            year: h.year,
            target: h.target.to_json(),
            realisasi: h.realisasi.to_json(),
            capaian: rounded(crate::validate::plan::capaian(&rows, h)),
            cell: h.at.to_string(),
        })
        .collect();
    let budget_plan = plan
        .budget
        .iter()
        .map(|b| PlanLineJson {
            level: b.level.as_str(),
            code: &b.code,
            name: &b.name,
            volume: exact(b.volume),
            satuan: b.satuan.as_deref(),
            pagu: exact(b.pagu),
            parent: b.parent.as_deref(),
            source: b.source.as_str(),
            cell: b.pagu_at.as_ref().unwrap_or(&b.at).to_string(),
        })
        .collect();
    let source_of = |table: &str| plan.budget.iter().find(|l| &*l.table == table).map_or("", |l| l.source.as_str());
    let budget_programs = plan
        .programs
        .iter()
        .flat_map(|(table, sums)| sums.iter().map(move |p| (table, p)))
        .map(|(table, p)| ProgramJson {
            program: p.name.as_deref(),
            kegiatan: &p.kegiatan,
            pagu: exact(p.pagu),
            source: source_of(table),
        })
        .collect();
    let responsibility = plan
        .responsibility
        .iter()
        .map(|r| ResponsibilityJson {
            unit_kerja: &r.unit_kerja,
            program: r.program.as_deref(),
            kegiatan: &r.kegiatan,
            iku: r.iku.as_deref(),
            cell: r.at.to_string(),
        })
        .collect();
    PlanJson { targets, history, budget_plan, budget_programs, responsibility }
}

#[derive(Serialize)]
struct PerspectiveJson<'a> {
    name: &'a str,
    score: Json,
    weight: Json,
    nkp: Json,
    band: &'a str,
    status: &'static str,
    claimed_score: Json,
    claimed_nkp: Json,
}

#[derive(Serialize)]
struct GoalJson<'a> {
    code: &'a str,
    name: &'a str,
    perspective: &'a str,
    nss: Json,
    band: &'a str,
    status: &'static str,
    claimed_nss: Json,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    code: &'a str,
    name: &'a str,
    goal: &'a str,
    perspective: &'a str,
    satuan: &'static str,
    polarity: &'static str,
    target: Json,
    realisasi: Json,
    capaian: Json,
    status: &'static str,
    band: &'a str,
    claimed_capaian: Json,
    cell: String,
}

#[derive(Serialize)]
struct BudgetJson<'a> {
    scope: &'static str,
    code: &'a str,
    pagu: Json,
    realisasi: Json,
    serapan: Json,
    sisa: Json,
    efisiensi: Json,
    claimed_serapan: Json,
    claimed_sisa: Json,
    claimed_efisiensi: Json,
    table: &'a str,
}

/// The typed JSON view of an outcome, borrowing from it.
pub fn view(outcome: &Outcome) -> CheckJson<'_> {
    let findings = outcome
        .findings
        .iter()
        .map(|f| FindingJson {
            code: f.code.as_str(),
            severity: f.severity,
            sheet: f.at.as_ref().map(|a| &*a.sheet),
            cell: f.at.as_ref().map(|a| a.a1()),
            subject: &f.subject,
            found: &f.found,
            expected: &f.expected,
            message: f.message_in(outcome.language),
        })
        .collect();
    let identity_unit = outcome.scored.as_ref().and_then(|(report, _)| report.identity.unit.as_deref());
    let unit = match &outcome.unit {
        Some(u) => Some(UnitJson { code: &u.code, name: Some(&u.name) }),
        // A code outside the registry: named as the workbook or the caller gave it.
        None => identity_unit.map(|code| UnitJson { code, name: None }),
    };
    let summary = SummaryJson {
        errors: outcome.count(Severity::Error),
        warnings: outcome.count(Severity::Warning),
        info: outcome.count(Severity::Info),
    };
    let scored = outcome.scored.as_ref().map(|(report, card)| {
        let perspectives = card
            .perspectives
            .iter()
            .map(|p| {
                let row = report.perspectives.iter().find(|r| r.name == p.name);
                PerspectiveJson {
                    name: &p.name,
                    score: score(&p.score),
                    weight: json2(p.weight),
                    nkp: score(&p.nkp),
                    band: &p.band,
                    status: p.score.status().as_str(),
                    claimed_score: row.map_or(Json::Null, |r| claimed(&r.skor)),
                    claimed_nkp: row.map_or(Json::Null, |r| claimed(&r.nkp)),
                }
            })
            .collect();
        let goals = card
            .goals
            .iter()
            .zip(&report.goals)
            .map(|(g, row)| GoalJson {
                code: &g.code,
                name: &row.name,
                perspective: &row.perspective,
                nss: score(&g.nss),
                band: &g.band,
                status: g.nss.status().as_str(),
                claimed_nss: claimed(&row.nss),
            })
            .collect();
        let perspective_of: std::collections::HashMap<&str, &str> =
            report.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
        let indicators = card
            .indicators
            .iter()
            .zip(&report.indicators)
            .map(|(i, row)| IndicatorJson {
                code: &i.code,
                name: &row.name,
                goal: &row.goal,
                perspective: perspective_of.get(row.goal.as_str()).copied().unwrap_or_default(),
                satuan: row.measure.label(),
                polarity: row.polarity.as_str(),
                target: row.target.value.to_json(),
                realisasi: row.realisasi.value.to_json(),
                capaian: score(&i.capaian),
                status: i.capaian.status().as_str(),
                band: &i.band,
                claimed_capaian: claimed(&row.capaian),
                cell: row.at.to_string(),
            })
            .collect();
        let budget = card
            .budget
            .iter()
            .zip(&report.budget)
            .map(|(b, row)| BudgetJson {
                scope: b.scope.as_str(),
                code: &b.code,
                pagu: exact(b.pagu),
                realisasi: exact(b.realisasi),
                serapan: rounded(b.serapan),
                sisa: exact(b.sisa),
                efisiensi: rounded(b.efisiensi),
                claimed_serapan: claimed(&row.serapan),
                claimed_sisa: claimed(&row.sisa),
                claimed_efisiensi: claimed(&row.efisiensi),
                table: &row.view,
            })
            .collect();
        ScoredJson {
            kind: report.kind.as_str(),
            year: report.identity.year,
            period: report.identity.period.map(|p| p.as_str()),
            npss: score(&card.npss),
            npss_status: card.npss.status().as_str(),
            band: &card.band,
            claimed_npss: claimed(&report.npss),
            perspectives,
            goals,
            indicators,
            budget,
            plan: report.plan.as_deref().map(|plan| plan_json(plan, report.identity.year)),
        }
    });
    CheckJson { file: outcome.file.display().to_string(), sha256: &outcome.sha256, unit, findings, summary, scored }
}

/// The outcome as a JSON value (for the review of a later version).
pub fn to_json(outcome: &Outcome) -> serde_json::Value {
    serde_json::to_value(view(outcome)).expect("a check serializes")
}

/// Write the outcome as the JSON text `kinerja check --format json` prints, serialized straight
/// into `out` (a 5,000-row report is 3.5 MB of text, never held whole).
///
/// # Errors
/// The writer's error.
pub fn write_json(outcome: &Outcome, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &view(outcome))?;
    out.write_all(b"\n")?;
    out.flush()
}
