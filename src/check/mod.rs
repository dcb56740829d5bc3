//! `kinerja check`: one workbook read, scored and checked — the whole flow for one file.

mod json;
mod rows;
mod text;

pub use json::{to_json, write_json};
pub use text::to_text;

use crate::config::Config;
use crate::ingest::{self, Overrides};
use crate::model::{BudgetScope, CellRef, Code, Finding, Kind, Language, Period, Report, Scorecard, Severity, Unit};
use crate::validate::history::Previous;
use crate::{score, validate};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Everything `check` learned about one file.
#[derive(Debug)]
pub struct Outcome {
    pub file: PathBuf,
    /// Hex SHA-256 of the file's bytes; empty when the file could not be read at all.
    pub sha256: String,
    pub unit: Option<Unit>,
    /// `None` when the file could not be read as a workbook at all.
    pub scored: Option<(Report, Scorecard)>,
    pub findings: Vec<Finding>,
    /// The language its messages are rendered in.
    pub language: Language,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// 0 when there is no error finding, 1 when there is, 2 when the file could not be read.
    pub fn exit_code(&self) -> i32 {
        match (&self.scored, self.count(Severity::Error)) {
            (None, _) => 2,
            (Some(_), 0) => 0,
            (Some(_), _) => 1,
        }
    }
}

/// What the review needs besides the workbook: the unit's governing agreement for the year,
/// and its previous version of the same report.
pub trait Context {
    fn agreement(&self, unit: &str, year: u16) -> Option<Report>;
    fn previous(&self, unit: &str, year: u16, period: Period, kind: Kind) -> Option<Previous>;
    /// Whether the unit's agreements are kept here (the ledger), so that a report without one is
    /// told so; `kinerja check` is given one or not.
    fn keeps_agreements(&self) -> bool {
        false
    }
    /// The roll-up of the units' reports that count, which the report of a unit whose
    /// indicators are computed from them (BKN) is held to.
    fn rollup(&self, _unit: &str, _year: u16, _period: Period) -> Option<crate::rollup::Rollup> {
        None
    }
    /// The unit's report of the latest period of `year` that ends before `period` does, with
    /// that period: what a report that changed nothing since is told of.
    fn earlier(&self, _unit: &str, _year: u16, _period: Period) -> Option<(Period, Previous)> {
        None
    }
    /// The other units' current reports of `year` and `period` as they stood when the report
    /// arrived, each with its unit: what a report carrying another unit's figures is told of.
    fn others(&self, _unit: &str, _year: u16, _period: Period) -> Vec<(String, Previous)> {
        Vec::new()
    }
    /// The realisasi of each IKU the unit's annual report of `year` gives, when that report
    /// counts without errors: what a plan's history is held to.
    fn reported(&self, _unit: &str, _year: u16) -> Option<Vec<(String, crate::model::Value)>> {
        None
    }
}

/// An agreement and a previous version given directly (`--agreement`, `--previous`), or none.
#[derive(Debug, Default)]
pub struct Given {
    pub agreement: Option<Report>,
    pub previous: Option<Previous>,
}

impl Context for Given {
    /// The agreement given governs its own unit's year only (where its titles say them): a
    /// plan's review asks for the year before, and a PK of another year is no report's.
    fn agreement(&self, unit: &str, year: u16) -> Option<Report> {
        let identity = &self.agreement.as_ref()?.identity;
        let governs = identity.unit.as_deref().is_none_or(|u| u == unit) && identity.year.is_none_or(|y| y == year);
        self.agreement.clone().filter(|_| governs)
    }

    fn previous(&self, _: &str, _: u16, _: Period, _: Kind) -> Option<Previous> {
        self.previous.clone()
    }
}

/// Read, score and check the workbook at `path`, on its own.
pub fn check(path: &Path, config: &Config, overrides: &Overrides) -> Outcome {
    check_with(path, config, overrides, &Given::default())
}

/// [`check`] with an agreement and a previous version to review against. A link given here is
/// followed; the file it names must be a regular file.
pub fn check_with(path: &Path, config: &Config, overrides: &Overrides, context: &dyn Context) -> Outcome {
    let start = Instant::now();
    match ingest::load(path, &config.limits, true) {
        Ok(bytes) => check_bytes(path, &bytes, sha256(&bytes), config, overrides, context, start),
        Err(e) => Outcome {
            file: path.to_path_buf(),
            sha256: String::new(),
            unit: None,
            scored: None,
            findings: vec![e.finding()],
            language: config.review.language,
        },
    }
}

/// The whole review of one workbook already in memory, whose SHA-256 the caller has: read; for
/// a realisasi report, put it in its agreement's shape; score; review against its claims,
/// budget, ranges and previous version; apply the configured severities. `start` is when the
/// file's handling began, for the time budget.
///
/// A panic anywhere in that work is caught: the file gets one `PROCESSING_FAILED` finding and
/// no score, and the caller goes on with the next file.
pub fn check_bytes(
    path: &Path,
    bytes: &[u8],
    sha256: String,
    config: &Config,
    overrides: &Overrides,
    context: &dyn Context,
    start: Instant,
) -> Outcome {
    let language = config.review.language;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        review(path, bytes, config, overrides, context, start)
    }));
    let (scored, findings) = match caught {
        Ok(Ok((report, card, findings))) => (Some((report, card)), findings),
        Ok(Err(e)) => (None, vec![e.finding()]),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "kesalahan internal".into());
            tracing::error!(file = %path.display(), "reading failed with a panic: {what}");
            (None, vec![Finding::new(Code::ProcessingFailed, None, "").found(format!("kesalahan internal: {what}"))])
        }
    };
    let unit = scored
        .as_ref()
        .and_then(|(report, _): &(Report, Scorecard)| report.identity.unit.as_deref())
        .and_then(|code| config.units.get(code))
        .cloned();
    Outcome { file: path.to_path_buf(), sha256, unit, scored, findings, language }
}

type Reviewed = (Report, Scorecard, Vec<Finding>);

/// A realisasi report for a period that has not begun where the unit is (Tahun 2042 typed for
/// 2024): nothing can have been realised in it, so its year or period is mistyped, and filed
/// under it the report would count for no year anyone reads.
fn not_started(identity: &crate::model::Identity, config: &Config) -> Option<Finding> {
    let (year, period) = (identity.year?, identity.period?);
    let zone =
        identity.unit.as_deref().and_then(|code| config.units.get(code)).map(|unit| unit.zone).unwrap_or_default();
    let today = crate::model::time::today(zone);
    let begins = crate::model::time::period_begins(year, period)?;
    let said = crate::model::time::day_words(today, config.review.language);
    (begins > today)
        .then(|| Finding::new(Code::PeriodNotStarted, None, "").found(format!("{period} {year}")).expected(said))
}

/// What the reader says of a goal's perspective when its perspective rows leave it in doubt (a
/// row blank, skipped or with nothing under it): settled where the agreement or the structure
/// places the goal.
const PERSPECTIVE_DOUBTS: [Code; 3] = [Code::PerspectiveBlank, Code::PerspectiveSkipped, Code::PerspectiveEmpty];

fn review(
    path: &Path,
    bytes: &[u8],
    config: &Config,
    overrides: &Overrides,
    context: &dyn Context,
    start: Instant,
) -> Result<Reviewed, ingest::IngestError> {
    let (mut report, mut findings) = ingest::read_bytes(path, bytes, &config.units, overrides, &config.limits, start)?;
    let identity = report.identity.clone();
    if let (Some(unit), Some(year)) = (&identity.unit, identity.year) {
        crosswalk(&mut report, &mut findings, config, unit, year);
    }
    if let Some(plan) = report.plan.as_deref_mut() {
        plan.file_programs(|kegiatan| config.program_name(kegiatan));
    }
    findings.extend(validate::agreement::distinct(&mut report));
    if report.kind == Kind::Realisasi {
        findings.extend(not_started(&identity, config));
    }
    report.printed = report.indicators.iter().map(crate::model::Printed::of).collect();
    let structure = identity.unit.as_deref().zip(identity.year).and_then(|(unit, year)| config.structure(unit, year));
    // Whether an agreement governs the report's tree: what its goals hold is then its to say.
    let mut governed = false;
    if report.kind == Kind::Realisasi
        && let (Some(unit), Some(year)) = (&identity.unit, identity.year)
    {
        if let Some(agreement) = context.agreement(unit, year) {
            governed = true;
            if agreement.kind == Kind::Plan {
                findings.push(Finding::new(Code::TargetFromPlan, None, format!("{unit} {year}")));
            }
            findings.extend(validate::agreement::apply(&mut report, &agreement));
            // The agreement places its goals: a missing perspective row no longer matters, nor a
            // blank one, above a goal it prints under a perspective. One it prints under none
            // either stays under none, said by the agreement's code.
            let placed = |code: &str| agreement.goals.iter().any(|g| g.code == code && !g.perspective.starts_with('('));
            findings.retain(|f| match f.code {
                Code::PerspectiveMissing => false,
                code if PERSPECTIVE_DOUBTS.contains(&code) => !placed(&f.subject),
                _ => true,
            });
            findings.extend(report.goals.iter().filter(|g| g.perspective.starts_with('(')).map(|goal| {
                Finding::new(Code::PerspectiveMissing, Some(goal.at.clone()), &goal.code).found(&goal.perspective)
            }));
        } else {
            if context.keeps_agreements() {
                findings.push(Finding::new(Code::AgreementNone, None, format!("{unit} {year}")));
            }
            if let Some(structure) = structure {
                let names = config.units.get(unit).and_then(crate::config::indicator_set).unwrap_or_default();
                findings.extend(validate::structure::place(&mut report, structure, &names));
            }
            // No goal printed, none known: the NSS and NPSS rest on a guess at the tree.
            if let Some(first) = validate::structure::guessed(&report, structure) {
                findings.push(Finding::new(Code::GoalsNone, Some(first.at.clone()), format!("{unit} {year}")));
            }
        }
    }
    if matches!(report.kind, Kind::Agreement | Kind::Plan)
        && let Some(structure) = structure
    {
        findings.extend(validate::structure::place_agreement(&mut report, structure));
    }
    // A goal placed nowhere yet (an agreement without perspective rows, or one held to an
    // agreement that has none) is where the unit's structure puts it.
    if let (Some(structure), Some(unit), Some(year)) = (structure, &identity.unit, identity.year) {
        validate::structure::fill(&mut report, structure);
        // Every goal is where the structure puts it: a blank or skipped perspective row says nothing.
        if validate::structure::follows(&report, structure) {
            findings.retain(|f| !PERSPECTIVE_DOUBTS.contains(&f.code));
        }
        // A goal the structure does not know, under no perspective row: an error, not a warning.
        let unknown = validate::structure::unplaced(&report, structure);
        let placed = |f: &Finding| report.goals.iter().any(|g| f.subject == g.code && !g.perspective.starts_with('('));
        let said = |f: &Finding| unknown.iter().any(|g| f.subject == g.code);
        findings.retain(|f| f.code != Code::PerspectiveMissing || !placed(f) && !said(f));
        findings.extend(unknown.iter().map(|goal| {
            Finding::new(Code::GoalUnplaced, Some(goal.at.clone()), &goal.code)
                .found(&goal.perspective)
                .expected(format!("{unit} {year}"))
        }));
    }
    // An indicator below a blank goal cell or row that the agreement or structure moved (or,
    // in an agreement, placed) is said where it is scored.
    let moved: Vec<String> = (findings.iter())
        .filter(|f| matches!(f.code, Code::IndicatorMoved | Code::IndicatorPlaced))
        .map(|f| f.subject.clone())
        .collect();
    findings.retain(|f| !matches!(f.code, Code::GoalBlank | Code::GoalSkipped) || !moved.contains(&f.subject));
    // A skip in the goals' numbers is the agreement's or the structure's to settle, by code (an
    // agreement's own numbering is the reference its reports are held to); a goal after it whose
    // code the structure does not know is the mistyped one (SS.7 typed SS.8).
    let settled = governed
        || report.kind != Kind::Realisasi
        || structure.is_some_and(|structure| validate::structure::follows(&report, structure));
    let unknown: Vec<String> =
        findings.iter().filter(|f| f.code == Code::GoalUnknown).map(|f| f.subject.clone()).collect();
    findings.retain(|f| f.code != Code::GoalGap || !settled && !unknown.contains(&f.expected));
    // A goal left holding no indicator, where no agreement says which it holds (an indicator it
    // names and the report leaves out is INDICATOR_MISSING).
    if !governed {
        let unread: Vec<&CellRef> =
            findings.iter().filter(|f| f.code == Code::RowUnread).filter_map(|f| f.at.as_ref()).collect();
        let empty = validate::structure::empty_goals(&report, &unread);
        findings.extend(empty);
    }
    let (mut card, mut scoring) = score::score(&report, &config.rules);
    let summaries = summaries_as_indicators(&report, &config.rules);
    // A summary taken for an indicator prints a capaian and no realisasi: its finding says why,
    // and the row is left out as an N/A one.
    let summary = |code: &str| {
        let row = report.indicators.iter().find(|i| i.code == code);
        row.is_some_and(|row| summaries.iter().any(|f| f.at.as_ref() == Some(&row.at)))
    };
    scoring.retain(|f| f.code != Code::CapaianWithoutRealisasi || !summary(&f.subject));
    findings.extend(summaries);
    findings.extend(validate::plausible::check(&report, &card));
    // The cells kinerja could not read with confidence, or whose word it cannot score.
    let unread_cells: Vec<CellRef> =
        findings.iter().chain(&scoring).filter(|f| f.code.unread()).filter_map(|f| f.at.clone()).collect();
    unknown_above_unread(&mut card, &mut scoring, &report, &unread_cells, &config.rules);
    // A target or realisasi that could not be read has its error at its cell already: not "kosong"
    // as well.
    let unread =
        |at: &Option<CellRef>| at.is_some() && findings.iter().any(|e| e.severity == Severity::Error && e.at == *at);
    // Nor, where no realisasi column was read (none there, or only another year's or period's),
    // "kosong" for each indicator: the table's error says why.
    let no_column = report.indicators.iter().all(|i| i.realisasi.at.is_none())
        && findings.iter().any(|f| matches!(f.code, Code::RealisasiColumnNone | Code::ReadingUncertain));
    // Nor, for a pagu that could not be read, "tanpa pagu"; nor a value that could not be read
    // changed to "(kosong)" since the previous version.
    let said = |f: &Finding| match f.code {
        Code::RealisasiMissing | Code::CapaianWithoutRealisasi => no_column || unread(&f.at),
        Code::TargetMissing => report.indicators.iter().any(|i| i.code == f.subject && unread(&i.target.at)),
        Code::PaguMissing | Code::BudgetRealisasiMissing => unread(&f.at),
        Code::Changed => f.at.as_ref().is_some_and(|at| unread_cells.contains(at)),
        _ => false,
    };
    let mut scoring: Vec<Finding> = scoring.into_iter().filter(|f| !said(f)).collect();
    // A report whose every realisasi is blank (a template sent back unfilled) is no report yet:
    // one error, so that it blocks and the last valid version's NPSS stays the one shown.
    let empty = scoring.iter().filter(|f| f.code == Code::RealisasiMissing).count();
    if empty > 0 && empty == report.indicators.len() {
        scoring.retain(|f| f.code != Code::RealisasiMissing);
        scoring.push(Finding::new(Code::RealisasiEmpty, None, "").found(empty.to_string()));
    }
    // Nor is a report whose table has no target column and no agreement to give the targets:
    // said once, not as each target "kosong".
    let untargeted = scoring.iter().any(|f| f.code == Code::TargetMissing);
    if untargeted && report.indicators.iter().all(|i| i.target.at.is_none()) {
        scoring.retain(|f| f.code != Code::TargetMissing);
        let count = report.indicators.len().to_string();
        scoring.push(Finding::new(Code::TargetColumnNone, None, "").found(count));
    }
    let previous = match (&identity.unit, identity.year, identity.period) {
        (Some(unit), Some(year), Some(period)) => context.previous(unit, year, period, report.kind),
        _ => None,
    };
    let review: Vec<Finding> =
        validate::review(&report, &card, &config.rules, previous.as_ref()).into_iter().filter(|f| !said(f)).collect();
    findings.extend(scoring);
    findings.extend(review);
    // The same figures as the unit's report of an earlier period, or as another unit's of this
    // period: a file copied and retitled without its figures updated.
    if let (Some(unit), Some(year), Some(period)) = (&identity.unit, identity.year, identity.period)
        && report.kind == Kind::Realisasi
    {
        let printed: Vec<crate::model::Input> = report.printed.iter().map(crate::model::Input::from).collect();
        let same = |other: &Previous| validate::history::same_realisasi(&printed, &card.budget, other);
        if let Some((before, _)) = context.earlier(unit, year, period).filter(|(_, earlier)| same(earlier)) {
            findings.push(Finding::new(Code::PeriodUnchanged, None, "").found(format!("{before} {year}")));
        }
        for (other, _) in context.others(unit, year, period).into_iter().filter(|(_, theirs)| same(theirs)) {
            let name = config.units.get(&other).map_or(String::new(), |u| u.name.clone());
            findings.push(Finding::new(Code::FiguresOfOtherUnit, None, other.as_str()).found(name));
        }
    }
    if let Some(plan) = &report.plan {
        findings.extend(plan_review(plan, &identity, context, config));
    }
    if let (Some(unit), Some(year), Some(period)) = (&identity.unit, identity.year, identity.period)
        && report.kind == Kind::Realisasi
        && !config.cascades_of(unit, year).is_empty()
        && let Some(rollup) = context.rollup(unit, year, period)
    {
        findings.extend(crate::rollup::review(&rollup, &report, config.review.language));
    }
    for finding in &mut findings {
        if let Some(severity) = config.review.configured(finding.code) {
            finding.severity = severity;
        }
    }
    Ok((report, card, findings))
}

/// The last row of a table that numbers none of its rows, read as an indicator by its place
/// alone, whose figure (its capaian, else its realisasi, printed with two decimals or more) is
/// the NPSS or the mean capaian of the indicators above it: a summary under a label kinerja does
/// not know ("Capaian Kinerja Organisasi"), scored as an indicator (`SUMMARY_AS_INDICATOR`).
fn summaries_as_indicators(report: &Report, rules: &crate::config::Rules) -> Vec<Finding> {
    let figure = |row: &crate::model::IndicatorRow| {
        let realisasi = || {
            let value = row.realisasi.number()?;
            let at = row.realisasi.at.clone()?;
            Some(crate::model::Claim { value, decimals: value.scale(), unit: rust_decimal::Decimal::ONE, at })
        };
        row.capaian.clone().or_else(realisasi).filter(|claim| claim.decimals >= 2)
    };
    let mut found = Vec::new();
    for at in &report.unnumbered_feet {
        let Some((row, printed)) = report.indicators.iter().find(|i| i.at == *at).and_then(|i| Some((i, figure(i)?)))
        else {
            continue;
        };
        let mut above = report.clone();
        above.indicators.retain(|i| i.at != *at);
        let (card, _) = score::score(&above, rules);
        let mean = score::mean(card.indicators.iter().map(|i| i.capaian)).value;
        if let Some(score) = [card.npss.value, mean].into_iter().flatten().find(|score| printed.admits(*score)) {
            found.push(
                Finding::new(Code::SummaryAsIndicator, Some(row.at.clone()), row.name.trim())
                    .found(printed.as_printed())
                    .expected(crate::model::amount::display2(score)),
            );
        }
    }
    found
}

/// The scores resting on a target or realisasi whose cell could not be read with confidence
/// (unreadable, or read but uncertain: a fraction without its percent format), on a realisasi
/// whose target is missing, or on a capaian printed beside a blank realisasi, lack its value: the
/// indicator's capaian, its goal's NSS, its perspective's score and NKP (a recap's perspective
/// score is the input), the NPSS (and the efficiency of their budget lines) are unknown until the
/// cell is corrected, shown as having no score rather than as figures computed without it or from
/// a doubtful value, and the unit's printed ones are not held against them (so are a budget line's
/// figures resting on an amount in doubt). Such a perspective keeps its share of the weights,
/// unlike an N/A one: `PERSPECTIVE_NA` is said again for the N/A ones alone. The cell's error
/// blocks the report meanwhile.
fn unknown_above_unread(
    card: &mut Scorecard,
    scoring: &mut Vec<Finding>,
    report: &Report,
    cells: &[CellRef],
    rules: &crate::config::Rules,
) {
    let unread = |at: &Option<CellRef>| at.as_ref().is_some_and(|at| cells.contains(at));
    // A budget line's amount in doubt (written in thousands beside a pagu in rupiah) leaves it
    // with no realisasi, serapan, sisa or efficiency.
    for (row, line) in report.budget.iter().zip(card.budget.iter_mut()) {
        let (pagu, spent) = (unread(&row.pagu.at), unread(&row.realisasi.at));
        if pagu || spent {
            (line.serapan, line.sisa, line.efisiensi) = (None, None, None);
        }
        line.pagu = line.pagu.filter(|_| !pagu);
        line.realisasi = line.realisasi.filter(|_| !spent);
    }
    // A realisasi beside a target left blank, or 0, has a capaian no one can compute, and a
    // capaian printed beside a blank realisasi says one was left out: the indicator is not N/A.
    let unscorable = |code: &str| {
        (scoring.iter())
            .any(|f| matches!(f.code, Code::TargetMissing | Code::CapaianWithoutRealisasi) && f.subject == code)
    };
    let (indicators, goals): (Vec<&str>, Vec<&str>) = report
        .indicators
        .iter()
        .filter(|i| unread(&i.target.at) || unread(&i.realisasi.at) || unscorable(&i.code))
        .map(|i| (i.code.as_str(), i.goal.as_str()))
        .unzip();
    // In a recap, the perspective scores are the inputs.
    let recap = report.perspectives.iter().filter(|p| unread(&p.input)).map(|p| p.name.as_str());
    let perspectives: Vec<&str> = (report.goals.iter())
        .filter(|g| goals.contains(&g.code.as_str()))
        .map(|g| g.perspective.as_str())
        .chain(recap)
        .collect();
    if perspectives.is_empty() {
        return;
    }
    let none = rules.band(None);
    for indicator in card.indicators.iter_mut().filter(|i| indicators.contains(&i.code.as_str())) {
        (indicator.capaian.value, indicator.band) = (None, none.clone());
    }
    for goal in card.goals.iter_mut().filter(|g| goals.contains(&g.code.as_str())) {
        (goal.nss.value, goal.band) = (None, none.clone());
    }
    // An agreement's or a plan's perspectives score nothing: no weights to share.
    if report.kind == Kind::Realisasi {
        scoring.retain(|f| f.code != Code::PerspectiveNa);
        scoring.extend(score::weigh_unknown(card, &report.perspectives, &perspectives, rules));
    }
    let resting = |line: &crate::model::BudgetLine| match line.scope {
        BudgetScope::Indicator => indicators.contains(&line.code.as_str()),
        BudgetScope::Goal => goals.contains(&line.code.as_str()),
        BudgetScope::Total | BudgetScope::Account => false,
    };
    for line in card.budget.iter_mut().filter(|l| resting(l)) {
        line.efisiensi = None;
    }
}

/// A report's and a plan's indicators by their IKU codes, where a central unit's PK layout calls
/// them by the unit's own (`IKK.1` → `IKU.2`), as the configured crosswalk says; the findings of
/// its reading name them so too.
fn crosswalk(report: &mut Report, findings: &mut [Finding], config: &Config, unit: &str, year: u16) {
    for finding in findings.iter_mut() {
        let words: Vec<&str> = finding.subject.split(' ').map(|w| config.iku_code(unit, year, w)).collect();
        finding.subject = words.join(" ");
    }
    let plan = report.plan.as_deref_mut().into_iter().flat_map(|plan| {
        let targets = plan.targets.iter_mut().map(|t| &mut t.code);
        targets.chain(plan.responsibility.iter_mut().filter_map(|r| r.iku.as_mut()))
    });
    let budget = report.budget.iter_mut().filter(|b| b.scope == crate::model::BudgetScope::Indicator);
    let codes = report.indicators.iter_mut().map(|i| &mut i.code).chain(budget.map(|b| &mut b.code)).chain(plan);
    for code in codes {
        let iku = config.iku_code(unit, year, code);
        if iku != code {
            *code = iku.to_string();
        }
    }
}

/// A plan's review, against the year before as the context knows it (the set of indicators that
/// governed it and what the unit reported for the years the plan's evaluation prints) and the
/// configured programs.
fn plan_review(
    plan: &crate::model::plan::Plan,
    identity: &crate::model::Identity,
    context: &dyn Context,
    config: &Config,
) -> Vec<Finding> {
    let (Some(unit), Some(year)) = (&identity.unit, identity.year) else {
        return validate::plan::review(plan, identity.year, &validate::plan::Earlier::default(), config);
    };
    let set = context.agreement(unit, year - 1).map(|r| r.indicators.into_iter().map(|i| i.code).collect());
    let mut years: Vec<u16> = plan.history.iter().map(|h| h.year).filter(|y| *y < year).collect();
    years.sort_unstable();
    years.dedup();
    let reported = years.into_iter().filter_map(|y| Some((y, context.reported(unit, y)?))).collect();
    validate::plan::review(plan, Some(year), &validate::plan::Earlier { set, reported }, config)
}

/// The SHA-256 of a file's bytes, in lower-case hex: how a content is known in the ledger.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
