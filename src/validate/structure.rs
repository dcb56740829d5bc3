//! The built-in (or configured) performance tree, for a report that has no agreement to govern
//! it: each SS is scored in the perspective the Renstra puts it in; and for an agreement printing
//! a goal under another perspective's heading, placed there too.

use crate::config::{Line, Structure};
use crate::model::{CellRef, Code, Finding, GoalRow, Governing, Kind, Report};
use std::collections::HashSet;

/// Put each goal of `report` in the perspective `structure` gives it, and each indicator under
/// its goal; one printed elsewhere is moved and said so (`GOAL_MOVED`, `INDICATOR_MOVED`), a
/// goal printed under no perspective is placed.
/// Only a report whose goals are all in the structure is held to it (a report with goals the
/// structure does not know follows another tree, each said as `GOAL_UNKNOWN` where the structure
/// knows every indicator), and only goals the table prints: one kinerja stands in for, named in
/// parentheses, has no place to keep. `names`, the unit's built-in indicator set, names the
/// indicators the report leaves out (the structure knows codes only), and tells a row bearing
/// another indicator's name (`INDICATOR_RENUMBERED`).
pub fn place(report: &mut Report, structure: &Structure, names: &[Line]) -> Vec<Finding> {
    if !follows(report, structure) {
        return unknown(report, structure);
    }
    let mut findings = Vec::new();
    stand_in(report, structure);
    findings.extend(place_goals(report, structure, Code::GoalMoved));
    findings.extend(place_indicators(report, structure, Code::IndicatorMoved));
    findings.extend(missing(report, structure, names));
    let named: Vec<(&str, &str)> = names.iter().map(|line| (line.code.as_str(), line.name.as_str())).collect();
    findings.extend(super::agreement::renumbered(report, &named, Governing::Structure));
    findings
}

/// Each indicator of `structure` a report of indicators leaves out (a recap of perspective
/// scores prints none), in the structure's goals' order: a Kanreg's Learn & Growth rows deleted
/// were scored over three perspectives at a third each without a word until its agreement
/// arrived. Each named as `names` name it, so that the unit can tell it without its Renstra at
/// hand.
fn missing(report: &Report, structure: &Structure, names: &[Line]) -> Vec<Finding> {
    if report.indicators.is_empty() {
        return Vec::new();
    }
    let number = |code: &str| code.rsplit('.').next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(u32::MAX);
    let mut left: Vec<(&String, &String)> =
        structure.indicators.iter().filter(|(code, _)| !report.indicators.iter().any(|i| i.code == **code)).collect();
    left.sort_by_key(|(code, goal)| (number(goal), number(code)));
    let named = |code: &str| names.iter().find(|line| line.code == code).map(|line| format!("{code} {}", line.name));
    (left.into_iter())
        .map(|(code, goal)| {
            let subject = named(code).unwrap_or_else(|| code.clone());
            let at = report.goal_printed_at(goal);
            Finding::new(Code::IndicatorMissing, at, subject).governed_by(Governing::Structure).expected(goal)
        })
        .collect()
}

/// Each indicator under the goal `structure` gives it, one printed under another goal moved and
/// said with `code`. Its goal not printed (the goal's cell left blank, its indicators under the
/// goal above) stands in where the structure puts it, after the one the indicator was under.
fn place_indicators(report: &mut Report, structure: &Structure, code: Code) -> Vec<Finding> {
    let mut findings = Vec::new();
    let goals: Vec<String> = report.goals.iter().filter(|g| g.printed()).map(|g| g.code.clone()).collect();
    for indicator in &mut report.indicators {
        let Some(goal) = structure.indicators.get(&indicator.code) else { continue };
        if indicator.goal == *goal || !goals.contains(&indicator.goal) {
            continue;
        }
        if !report.goals.iter().any(|g| g.code == *goal) {
            let Some(perspective) = structure.goals.get(goal) else { continue };
            let after =
                report.goals.iter().position(|g| g.code == indicator.goal).map_or(report.goals.len(), |i| i + 1);
            report.goals.insert(after, GoalRow::stood_in(goal, perspective, indicator.at.clone()));
        }
        findings.push(by_structure(code, &indicator.at, &indicator.code, (&indicator.goal, goal)));
        indicator.goal = goal.clone();
    }
    findings
}

/// Each goal the report prints in the perspective `structure` gives it, one printed under another
/// perspective's heading moved and said with `code`.
fn place_goals(report: &mut Report, structure: &Structure, code: Code) -> Vec<Finding> {
    let mut findings = Vec::new();
    for goal in report.goals.iter_mut().filter(|g| g.printed()) {
        let Some(perspective) = structure.goals.get(&goal.code) else { continue };
        if goal.perspective == *perspective {
            continue;
        }
        // A goal printed under no perspective (a plan's PK printing none above it) is placed
        // without a word, as one kinerja stood in for.
        if !goal.perspective.is_empty() && !goal.perspective.starts_with('(') {
            findings.push(by_structure(code, &goal.at, &goal.code, (&goal.perspective, perspective)));
        }
        goal.perspective = perspective.clone();
    }
    findings
}

/// `code` said of `subject` at `at`: printed where `found` says, placed where the structure puts
/// it, `expected`.
fn by_structure(code: Code, at: &CellRef, subject: &str, (found, expected): (&str, &str)) -> Finding {
    Finding::new(code, Some(at.clone()), subject).governed_by(Governing::Structure).found(found).expected(expected)
}

/// An agreement printing a goal under another perspective's heading than the Renstra's (Kanreg
/// XII's PK for 2024 prints SS.3–SS.7 under one "Internal Process"): its reports are still
/// scored by the Renstra's tree (DOMAIN.md), so the goal is placed there, and an indicator
/// printed under another goal under the Renstra's, said as warnings (`GOAL_PLACED`,
/// `INDICATOR_PLACED`) rather than held against the reports. An agreement with goals the
/// structure does not know follows its own tree (each said as `GOAL_UNKNOWN` where the structure
/// knows every indicator). So is a plan's PK, which the reports held to the plan follow.
pub fn place_agreement(report: &mut Report, structure: &Structure) -> Vec<Finding> {
    if !follows(report, structure) {
        return unknown(report, structure);
    }
    let mut findings = place_goals(report, structure, Code::GoalPlaced);
    findings.extend(place_indicators(report, structure, Code::IndicatorPlaced));
    let document = if report.kind == Kind::Plan { Governing::Plan } else { Governing::Agreement };
    findings.into_iter().map(|f| f.governed_by(document)).collect()
}

/// The goals `report` prints under a perspective row that `structure` does not know, where it
/// knows the goal of every indicator: a mistyped code (SS.8 holding SS.7's indicators) rather
/// than another tree, scored as printed, so the NPSS need not be the Renstra's. A goal under no
/// perspective row is `GOAL_UNPLACED` instead.
fn unknown(report: &Report, structure: &Structure) -> Vec<Finding> {
    if !knows_every_goal(report, structure) {
        return Vec::new();
    }
    let (unit, year) = (report.identity.unit.as_deref().unwrap_or("?"), report.identity.year.unwrap_or_default());
    let off = |g: &&GoalRow| g.printed() && !g.perspective.starts_with('(') && !structure.goals.contains_key(&g.code);
    let mut findings = Vec::new();
    for goal in report.goals.iter().filter(off) {
        let mut homes: Vec<&str> = Vec::new();
        for indicator in report.indicators.iter().filter(|i| i.goal == goal.code) {
            let home = goal_of(structure, &indicator.code).expect("every indicator's goal is known");
            if !homes.contains(&home.as_str()) {
                homes.push(home);
            }
        }
        if homes.is_empty() {
            continue;
        }
        findings.push(
            Finding::new(Code::GoalUnknown, Some(goal.at.clone()), &goal.code)
                .found(homes.join(", "))
                .expected(format!("{unit} {year}")),
        );
    }
    findings
}

/// A table that prints no goal at all has one goal stood in for per perspective (named in
/// parentheses); where `structure` knows the goal of every indicator, the indicators stand under
/// those goals instead, so each NSS is its own goal's (a perspective of two goals of unequal
/// size is not the mean of its indicators).
fn stand_in(report: &mut Report, structure: &Structure) {
    if report.goals.iter().any(|g| g.printed()) || !knows_every_goal(report, structure) {
        return;
    }
    let stood_in = report.goals.first().map(|g| g.name.clone()).unwrap_or_default();
    let mut goals: Vec<GoalRow> = Vec::new();
    for indicator in &mut report.indicators {
        let code = goal_of(structure, &indicator.code).expect("every indicator's goal is known").clone();
        if !goals.iter().any(|g| g.code == code) {
            let perspective = structure.goals[&code].clone();
            goals.push(GoalRow {
                code: code.clone(),
                name: stood_in.clone(),
                perspective,
                nss: None,
                at: indicator.at.clone(),
            });
        }
        indicator.goal = code;
    }
    report.goals = goals;
}

/// The goal `structure` gives the indicator `code`, where it knows that goal's perspective.
fn goal_of<'s>(structure: &'s Structure, code: &str) -> Option<&'s String> {
    structure.indicators.get(code).filter(|goal| structure.goals.contains_key(*goal))
}

/// Whether `structure` gives the goal of every indicator of `report`.
fn knows_every_goal(report: &Report, structure: &Structure) -> bool {
    report.indicators.iter().all(|i| goal_of(structure, &i.code).is_some())
}

/// The first goal of a report that prints none, where the tree is a guess: no `structure` gives
/// every indicator's goal, and a perspective's one goal stood in for holds two indicators or
/// more, so its NSS need not be the mean of its true goals' (see [`stand_in`]).
pub fn guessed<'r>(report: &'r Report, structure: Option<&Structure>) -> Option<&'r GoalRow> {
    let known = structure.is_some_and(|s| knows_every_goal(report, s));
    let shared = |goal: &GoalRow| report.indicators.iter().filter(|i| i.goal == goal.code).count() > 1;
    let stood_in = report.goals.iter().all(|g| !g.printed());
    report.goals.first().filter(|_| stood_in && !known && report.goals.iter().any(shared))
}

/// Each goal a report or agreement prints with no indicator under it, once its tree is placed
/// (by the structure; an agreement's tree is the agreement's to say): a goal's rows traded with
/// the goal's above or below, or a goal printed with nothing under it. Its NSS would go unscored
/// and its perspective's score rest on the others without a word. Not a goal above the next with
/// a row there said `unread` (ROW_UNREAD: its indicator's row, its code not read, says why).
pub fn empty_goals(report: &Report, unread: &[&CellRef]) -> Vec<Finding> {
    let held: HashSet<&str> = report.indicators.iter().map(|i| i.goal.as_str()).collect();
    let holds = |goal: &GoalRow| held.contains(goal.code.as_str());
    let next_row = |goal: &GoalRow| {
        let below = report.goals.iter().filter(|g| g.at.sheet == goal.at.sheet && g.at.row > goal.at.row);
        below.map(|g| g.at.row).min().unwrap_or(u32::MAX)
    };
    let unread_under = |goal: &GoalRow| {
        let next = next_row(goal);
        unread.iter().any(|at| at.sheet == goal.at.sheet && at.row > goal.at.row && at.row < next)
    };
    (report.goals.iter())
        .filter(|g| report.kind != Kind::Plan && g.printed() && !holds(g) && !unread_under(g))
        .map(|g| Finding::new(Code::GoalEmpty, Some(g.at.clone()), &g.code).found(&g.perspective))
        .collect()
}

/// Put each goal of `report` printed under no perspective in the one `structure` gives it,
/// leaving the others where they are: an agreement's tree, or a report's held to one, is the
/// printed one, and the structure only fills its gaps (a PK with no perspective rows).
pub fn fill(report: &mut Report, structure: &Structure) {
    if !follows(report, structure) {
        return;
    }
    for goal in report.goals.iter_mut().filter(|g| g.printed() && g.perspective.starts_with('(')) {
        if let Some(perspective) = structure.goals.get(&goal.code) {
            goal.perspective = perspective.clone();
        }
    }
}

/// The goals of `report` the table prints under no perspective row and `structure` does not know:
/// nothing places them, and scored under a made-up perspective they leave the NPSS other than
/// BKN's.
pub fn unplaced<'r>(report: &'r Report, structure: &Structure) -> Vec<&'r GoalRow> {
    report
        .goals
        .iter()
        .filter(|g| g.printed() && g.perspective.starts_with('(') && !structure.goals.contains_key(&g.code))
        .collect()
}

/// Whether every goal `report` prints is in `structure`: one with goals it does not know follows
/// another tree.
pub fn follows(report: &Report, structure: &Structure) -> bool {
    report.goals.iter().all(|g| structure.goals.contains_key(&g.code) || !g.printed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, GoalRow, Identity, Kind};

    #[test]
    fn a_goal_under_another_perspective_is_moved_back() {
        let goal = |code: &str, perspective: &str| GoalRow {
            code: code.into(),
            name: "Terwujudnya …".into(),
            perspective: perspective.into(),
            nss: None,
            at: CellRef::new(&"S".into(), 1, 1),
        };
        let goals =
            vec![goal("SS.5", "Internal Process"), goal("SS.6", "Learn & Growth"), goal("SS.7", "(tanpa perspektif)")];
        let mut report = Report::tree(Identity::default(), Kind::Realisasi, goals, Vec::new());
        let structure = crate::config::Config::builtin().structure("KR07", 2024).cloned().unwrap();
        let findings = place(&mut report, &structure, &[]);
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].found.as_str(), findings[0].expected.as_str()), ("Learn & Growth", "Internal Process"));
        let placed: Vec<&str> = report.goals.iter().map(|g| g.perspective.as_str()).collect();
        assert_eq!(placed, ["Internal Process", "Internal Process", "Learn & Growth"]);
    }
}
