//! What kinerja computed from a report: the scored tree and the budget lines.

use rust_decimal::Decimal;
use std::sync::Arc;

/// A computed score: `None` when it is N/A (nothing to score), with the provisional flag
/// carried up from any provisional input beneath it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    pub value: Option<Decimal>,
    pub provisional: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Final,
    Provisional,
    NotApplicable,
}

impl Score {
    pub fn status(&self) -> Status {
        match (self.value, self.provisional) {
            (None, _) => Status::NotApplicable,
            (Some(_), true) => Status::Provisional,
            (Some(_), false) => Status::Final,
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Final => "final",
            Status::Provisional => "provisional",
            Status::NotApplicable => "na",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
/// The score of `Report::indicators[i]`, at the same index.
pub struct IndicatorScore {
    pub code: String,
    pub capaian: Score,
    pub band: Arc<str>,
}

#[derive(Debug, Clone, PartialEq)]
/// The score of `Report::goals[i]`, at the same index.
pub struct GoalScore {
    pub code: String,
    pub nss: Score,
    pub band: Arc<str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveScore {
    pub name: String,
    pub score: Score,
    /// Percent of NPSS this perspective carries (25 when four share 100 equally).
    pub weight: Decimal,
    pub nkp: Score,
    pub band: Arc<str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    pub scope: super::report::BudgetScope,
    pub code: String,
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub serapan: Option<Decimal>,
    pub sisa: Option<Decimal>,
    /// Clamped; `None` when pagu is zero or the capaian it rests on is N/A.
    pub efisiensi: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub indicators: Vec<IndicatorScore>,
    pub goals: Vec<GoalScore>,
    pub perspectives: Vec<PerspectiveScore>,
    pub npss: Score,
    pub band: Arc<str>,
    pub budget: Vec<BudgetLine>,
}
