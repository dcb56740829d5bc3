//! The review: every check a careful planner makes, each finding pointed at its cell. Pure
//! functions over a report, its scorecard, the governing agreement and the previous version:
//! no files, no clock. All findings are collected in one pass; none stops the others.
//!
//! - [`agreement::distinct`] runs first, for every report: an IKU reported twice is scored once.
//! - [`agreement::apply`] runs before scoring: the agreement's tree and targets govern; without
//!   an agreement, [`structure::place`] puts each SS in the perspective the Renstra gives it.
//! - [`plausible::check`] runs right after scoring: inputs read but in doubt, whose scores are
//!   then unknown (as those above a cell that could not be read).
//! - [`review`] runs after: claims, budget, ranges, explanations, and the previous version.

pub mod agreement;
mod budget;
mod categories;
mod claims;
pub mod history;
pub mod plan;
pub mod plausible;
pub mod ranges;
pub mod structure;

use crate::config::Rules;
use crate::model::{Finding, Report, Scorecard};
use history::Previous;

/// Every check that needs the scorecard.
pub fn review(report: &Report, card: &Scorecard, rules: &Rules, previous: Option<&Previous>) -> Vec<Finding> {
    let mut findings = claims::claims(report, card, rules.efficiency_clamp);
    findings.extend(budget::check(report, card));
    findings.extend(ranges::check(report));
    findings.extend(categories::check(report));
    if let Some(previous) = previous {
        history::compare(report, card, previous, &mut findings);
    }
    findings
}
