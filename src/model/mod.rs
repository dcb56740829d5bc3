//! The shared nouns: units, periods, what a workbook says, what kinerja computes, findings.
//! No I/O lives here.

pub mod amount;
pub mod finding;
pub mod period;
pub mod plan;
pub mod report;
pub mod scorecard;
pub mod text;
pub mod time;
pub mod unit;
pub mod verdict;

pub use finding::{CellRef, Code, Field, Finding, Governing, Language, Severity, worst_first};
pub use period::Period;
pub use report::{
    BudgetAmounts, BudgetRow, BudgetScope, CategoryRow, CategoryTable, Claim, GoalRow, Identity, IndicatorRow, Input,
    Kind, Measure, PerspectiveRow, Polarity, Printed, Reading, Report, Value,
};
pub use scorecard::{BudgetLine, GoalScore, IndicatorScore, PerspectiveScore, Score, Scorecard, Status};
pub use unit::{Unit, UnitRegistry};
pub use verdict::Verdict;
