//! A check's outcome as the rows the ledger stores, built before the ledger is locked.

use super::Outcome;
use crate::model::plan::Plan;
use crate::model::{CellRef, Kind, Score, Severity};
use crate::store::{
    BudgetLineRow, ClaimRow, FindingRow, GoalLine, IndicatorLine, InputRow, PlanBudgetRow, PlanHistoryRow,
    PlanTargetRow, Reading, ScoreRow,
};
use crate::validate::history::Previous;

impl Outcome {
    /// What this outcome's report said, as its next version is compared with it; `None` when
    /// nothing could be read.
    pub fn said(&self) -> Option<Previous> {
        self.scored.as_ref().map(|(report, card)| Previous::of(report, card))
    }

    /// The rows the ledger stores for this outcome.
    pub fn reading(&self) -> Reading {
        let scored = self.scored.as_ref();
        let identity = scored.map(|(report, _)| &report.identity);
        let findings = self
            .findings
            .iter()
            .map(|f| FindingRow {
                code: f.code.as_str(),
                severity: f.severity.as_str(),
                sheet: f.at.as_ref().map(|a| a.sheet.to_string()),
                cell: f.at.as_ref().map(|a| a.a1()),
                subject: f.subject.clone(),
                found: f.found.clone(),
                expected: f.expected.clone(),
                message: f.message_in(self.language),
            })
            .collect();
        let mut scores = Vec::new();
        let mut indicators = Vec::new();
        let mut inputs = Vec::new();
        let mut budget = Vec::new();
        let mut goals = Vec::new();
        let mut claims = Vec::new();
        let (mut plan_targets, mut plan_history, mut plan_budget) = (Vec::new(), Vec::new(), Vec::new());
        if let Some((report, card)) = scored {
            let perspective_of: std::collections::HashMap<&str, &str> =
                report.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
            // A plan governs in a PK's place errors and all (a budget that does not add up is no
            // reason to drop its targets), but a target it holds an error at is no target to hold
            // a report to: kept without it, so a report is scored against its own there.
            let unsound = |at: &Option<CellRef>| {
                report.kind == Kind::Plan
                    && at.is_some()
                    && self.findings.iter().any(|f| f.severity == Severity::Error && &f.at == at)
            };
            indicators = report
                .indicators
                .iter()
                .zip(&card.indicators)
                .map(|(row, scored)| IndicatorLine {
                    code: row.code.clone(),
                    name: row.name.clone(),
                    goal: row.goal.clone(),
                    perspective: perspective_of.get(row.goal.as_str()).copied().unwrap_or_default().to_string(),
                    satuan: row.measure.label(),
                    polarity: row.polarity.as_str(),
                    target: if unsound(&row.target.at) { None } else { row.target.value.stored() },
                    realisasi: row.realisasi.value.stored(),
                    provisional: row.target.provisional || row.realisasi.provisional,
                    capaian: scored.capaian.value.map(|v| v.to_string()),
                    band: scored.band.to_string(),
                    cell: row.at.to_string(),
                })
                .collect();
            inputs = report
                .printed
                .iter()
                .map(|i| InputRow {
                    code: i.code.clone(),
                    target: i.target.value.stored(),
                    realisasi: i.realisasi.value.stored(),
                })
                .collect();
            let row = |level, code: &str, s: &Score, band: &str, nkp: Option<&Score>| ScoreRow {
                level,
                code: code.to_string(),
                value: s.value.map(|v| v.to_string()),
                status: s.status().as_str(),
                band: band.to_string(),
                nkp: nkp.and_then(|n| n.value).map(|v| v.to_string()),
            };
            scores.push(row("npss", "NPSS", &card.npss, &card.band, None));
            scores
                .extend(card.perspectives.iter().map(|p| row("perspective", &p.name, &p.score, &p.band, Some(&p.nkp))));
            let exact = |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string());
            budget = card
                .budget
                .iter()
                .zip(&report.budget)
                .map(|(b, row)| BudgetLineRow {
                    scope: b.scope.as_str(),
                    code: b.code.clone(),
                    pagu: exact(b.pagu),
                    realisasi: exact(b.realisasi),
                    sisa: exact(b.sisa),
                    serapan: exact(b.serapan),
                    efisiensi: exact(b.efisiensi),
                    table: row.view.to_string(),
                })
                .collect();
            goals = report
                .goals
                .iter()
                .enumerate()
                .map(|(at, g)| {
                    let scored = card.goals.get(at);
                    GoalLine {
                        code: g.code.clone(),
                        name: g.name.clone(),
                        perspective: g.perspective.clone(),
                        nss: scored.and_then(|s| s.nss.value).map(|v| v.to_string()),
                        status: scored.map(|s| s.nss.status().as_str()),
                        band: scored.map(|s| s.band.to_string()),
                        cell: g.at.to_string(),
                    }
                })
                .collect();
            claims = crate::validate::history::claims(report, card)
                .into_iter()
                .map(|(subject, claim)| ClaimRow { subject, value: claim.value.normalize().to_string() })
                .collect();
            if let Some(plan) = &report.plan {
                (plan_targets, plan_history, plan_budget) = plan_rows(plan);
            }
        }
        Reading {
            unit: identity.and_then(|i| i.unit.clone()),
            year: identity.and_then(|i| i.year).map(i64::from),
            period: identity.and_then(|i| i.period).map(|p| p.as_str()),
            kind: scored.map(|(report, _)| report.kind.as_str()),
            errors: self.count(Severity::Error) as i64,
            warnings: self.count(Severity::Warning) as i64,
            infos: self.count(Severity::Info) as i64,
            npss: scored.and_then(|(_, card)| card.npss.value).map(|v| v.to_string()),
            provisional: scored.is_some_and(|(_, card)| card.npss.provisional),
            findings,
            scores,
            indicators,
            inputs,
            budget,
            goals,
            claims,
            plan_targets,
            plan_history,
            plan_budget,
        }
    }
}

/// A plan's targets, earlier years and budget lines as the ledger keeps them.
fn plan_rows(plan: &Plan) -> (Vec<PlanTargetRow>, Vec<PlanHistoryRow>, Vec<PlanBudgetRow>) {
    let targets = plan
        .targets
        .iter()
        .map(|t| PlanTargetRow {
            code: t.code.clone(),
            name: t.name.clone(),
            year: i64::from(t.year),
            source: t.source.as_str(),
            value: t.value.stored(),
            cell: t.at.to_string(),
        })
        .collect();
    let history = plan
        .history_by_year()
        .into_iter()
        .map(|h| PlanHistoryRow {
            code: h.code,
            name: h.name,
            year: i64::from(h.year),
            target: h.target.stored(),
            realisasi: h.realisasi.stored(),
            cell: h.at.to_string(),
        })
        .collect();
    let exact = |v: Option<rust_decimal::Decimal>| v.map(|v| v.normalize().to_string());
    let budget = plan
        .budget
        .iter()
        .map(|b| PlanBudgetRow {
            level: b.level.as_str(),
            code: b.code.clone(),
            name: b.name.clone(),
            volume: exact(b.volume),
            satuan: b.satuan.clone(),
            pagu: exact(b.pagu),
            parent: b.parent.clone(),
            source: b.source.as_str(),
            cell: b.pagu_at.as_ref().unwrap_or(&b.at).to_string(),
        })
        .collect();
    (targets, history, budget)
}
