//! Mail to the submitting unit: messages composed when an arrival is recorded (in the same
//! transaction, so each is queued exactly once), and a sender that delivers the queue over SMTP
//! or into `outbox/mail/` as `.eml` files, retrying with growing back-off.

mod compose;
mod send;

pub use compose::{Again, Notice, clean, compose, planners, reminder};
pub use send::Sender;

use crate::config::Config;
use crate::config::mail::Transport;
use crate::model::time::now_ms;
use crate::store::{Ledger, Scope, StoreError};

/// Who is told about a file from `unit`: its addresses; with mail going to files and no
/// address registered, an `.invalid` one so the message is still written for planners to see.
pub fn notice_for(config: &Config, unit: &crate::model::Unit, annotated: Option<String>) -> Option<Notice> {
    let recipients = match (&unit.email[..], &config.mail.transport) {
        ([], Transport::File(_)) => vec![format!("{}@kinerja.invalid", unit.code.to_lowercase())],
        ([], _) => return None,
        (addresses, _) => addresses.to_vec(),
    };
    let recipients = match config.mail.copy_planners {
        true => recipients.into_iter().chain(config.mail.planners.iter().cloned()).collect(),
        false => recipients,
    };
    Some(Notice {
        recipients,
        unit: unit.code.clone(),
        unit_name: unit.name.clone(),
        language: config.review.language,
        zone: unit.zone,
        annotated,
        deadlines: config.mail.deadlines.clone(),
        contact: config.mail.contact.clone(),
        again: None,
    })
}

/// Tell the unit the new result of submission `id`, read again for `again` (the rows recorded,
/// and its annotated copy when one was written), when it is the version that counts: how many
/// messages were queued, or why nobody is told, in words for the operator.
///
/// # Errors
/// [`StoreError`] when the ledger cannot answer or queue the messages.
pub fn notify_again(
    config: &Config,
    ledger: &Ledger,
    (id, unit): (i64, Option<&str>),
    (reading, annotated): (&crate::store::Reading, Option<String>),
    again: Again,
) -> Result<Result<usize, String>, StoreError> {
    let Some(unit) = unit.and_then(|code| config.units.get(code)) else {
        return Ok(Err(format!("Submission {id} belongs to no registered unit: nobody is told.")));
    };
    let scope = Scope { year: reading.year, period: reading.period, unit: Some(&unit.code) };
    let Some(current) = ledger.standings(scope)?.into_iter().find(|s| s.submission_id == id) else {
        return Ok(Err(format!("Submission {id} is not the version that counts for {}: nothing is sent.", unit.code)));
    };
    let Some(mut notice) = notice_for(config, unit, annotated) else {
        return Ok(Err(format!("No e-mail address is registered for {}: nobody is told.", unit.code)));
    };
    notice.again = Some(again);
    let arrival = crate::store::Arrival {
        id: again.key(id, now_ms()),
        folder: unit.code.clone(),
        file_name: current.file_name.clone(),
        received_ms: current.received_ms,
    };
    let recorded = crate::store::Recorded::New { submission_id: id, accepted: true, version: Some(current.version) };
    let facts = crate::store::Facts {
        arrival: &arrival,
        sha256: &current.sha256,
        recorded: &recorded,
        reading: Some(reading),
        reason: None,
        current: Some(&current),
    };
    Ok(Ok(ledger.enqueue(&arrival.id, &compose(&notice, &facts))?))
}

/// Whether the unit was last told of submission `id` another outcome than its reading's now
/// (`blocked` or not), by its receipt or discrepancy report or a message since; false when it was
/// never told.
///
/// # Errors
/// [`StoreError`] when the ledger cannot be read.
pub fn told_otherwise(ledger: &Ledger, id: i64, blocked: bool) -> Result<bool, StoreError> {
    let told = ledger.last_told(id, &Again::keys_of(id), [compose::RECEIPT, compose::DISCREPANCY])?;
    let now = if blocked { compose::DISCREPANCY } else { compose::RECEIPT };
    Ok(told.is_some_and(|kind| kind != now))
}

/// Queue the reminders that are due: for every configured deadline within
/// `remind_days_before` days (or past), every unit without a valid report for that year and
/// period gets one reminder, recorded so it is never sent twice. How many were queued.
///
/// # Errors
/// [`StoreError`] when the ledger cannot be read or written.
pub fn remind(config: &Config, ledger: &Ledger) -> Result<usize, StoreError> {
    let mut queued = 0;
    let ahead = jiff::ToSpan::days(i64::from(config.mail.remind_days_before));
    for (year, period, date) in &config.mail.deadlines {
        // Due by the day where each unit is.
        let due: Vec<&crate::model::Unit> = config
            .units
            .units()
            .iter()
            .filter(|unit| crate::model::time::today(unit.zone).checked_add(ahead).is_ok_and(|day| day >= *date))
            .collect();
        if due.is_empty() {
            continue;
        }
        // Units whose report counts are not reminded; those whose report is blocked are.
        let scope = Scope { year: Some(i64::from(*year)), period: Some(period.as_str()), unit: None };
        let sent: Vec<String> = ledger
            .standings(scope)?
            .into_iter()
            .filter(|s| s.kind == "realisasi" && s.verdict() == crate::model::Verdict::Diterima)
            .map(|s| s.unit)
            .collect();
        for unit in due.into_iter().filter(|u| !sent.contains(&u.code)) {
            let Some(notice) = notice_for(config, unit, None) else { continue };
            let drafts = reminder(&notice, *year, period.as_str(), *date);
            queued += ledger.enqueue(&format!("reminder:{}:{year}:{period}", unit.code), &drafts)?;
        }
    }
    Ok(queued)
}

/// What the planners read before they open the workbook: how many units are in, blocked, refused
/// or silent (naming the last three), and the first errors that block.
fn rekap_summary(
    config: &Config,
    ledger: &Ledger,
    year: u16,
    period: crate::model::Period,
) -> Result<Vec<String>, StoreError> {
    use crate::model::Verdict;
    let language = config.review.language;
    let scope = Scope { year: Some(i64::from(year)), period: Some(period.as_str()), unit: None };
    let status = crate::status::gather(config, ledger, scope, language)?;
    // Each unit's outcome as the Rekap shows it: its report's, or what stands in its place.
    let mut by_verdict: std::collections::BTreeMap<Verdict, Vec<&str>> = Default::default();
    for unit in config.units.units() {
        let mine = || status.rows.iter().filter(|r| r.unit == unit.code);
        let report = mine().find(|r| r.kind == Some("realisasi")).map(|r| r.outcome);
        let latest = mine().find(|r| r.kind.is_none() && r.outcome != Verdict::BelumMengirim).map(|r| r.outcome);
        let verdict = Verdict::of_unit(report, latest);
        by_verdict.entry(verdict).or_default().push(&unit.code);
    }
    let mut lines = Vec::new();
    for verdict in [Verdict::Diterima, Verdict::PerluPerbaikan, Verdict::Ditolak, Verdict::BelumMengirim] {
        let units = by_verdict.get(&verdict).map(Vec::as_slice).unwrap_or_default();
        let named = match (verdict, units) {
            (Verdict::Diterima, _) | (_, []) => String::new(),
            (_, units) => format!(" ({})", units.join(", ")),
        };
        lines.push(format!("{}: {} unit{named}", verdict.label(language), units.len()));
    }
    // What BKN's own report prints against its units' figures: what a planner checks before
    // the report is signed.
    if !config.cascades_of("BKN", year).is_empty() {
        let rollup = crate::rollup::compute(config, ledger, "BKN", year, period)?;
        let disagreeing: Vec<String> = rollup
            .indicators
            .iter()
            .filter_map(|r| {
                let (printed, value) = r.disagrees()?;
                let printed = crate::model::amount::display2_in(printed, language);
                Some(format!("  - {}: {printed} ≠ {}", r.code, crate::rollup::explain(r, value, language)))
            })
            .collect();
        if !disagreeing.is_empty() {
            lines.push(String::new());
            lines.push(
                language
                    .pick(
                        "Laporan BKN berbeda dengan hasil agregasi laporan unit kerja:",
                        "BKN's report differs from its units' figures:",
                    )
                    .to_string(),
            );
            lines.extend(disagreeing);
        }
    }
    let errors: Vec<crate::store::OpenFinding> =
        ledger.open_findings(year, period)?.into_iter().filter(|f| f.severity == "error").collect();
    if !errors.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "{} ({} {}):",
            language.pick("Kesalahan yang menahan laporan", "Errors that block reports"),
            errors.len(),
            language.pick("seluruhnya", "in all")
        ));
        for f in errors.iter().take(TOP_FINDINGS) {
            let at = match (&f.sheet, &f.cell) {
                (Some(sheet), Some(cell)) => format!(" {sheet}!{cell}"),
                _ => String::new(),
            };
            lines.push(format!("  - {}{at}: {}", f.unit, crate::model::text::one_line(&f.message, 200)));
        }
    }
    Ok(lines)
}

/// How many blocking findings the planners' mail lists; the workbook's *Temuan* has them all.
const TOP_FINDINGS: usize = 5;

/// Queue the consolidated workbook for the planners, unless one went out for the same year and
/// period within the planner interval (`force`: regardless). Whether it was queued.
///
/// # Errors
/// [`StoreError`] when the ledger cannot be read or written.
pub fn send_consolidated(
    config: &Config,
    ledger: &Ledger,
    year: u16,
    period: crate::model::Period,
    workbook: &str,
    force: bool,
) -> Result<bool, StoreError> {
    let to = &config.mail.planners;
    if to.is_empty() {
        return Ok(false);
    }
    let prefix = format!("rekap:{year}:{period}:");
    let interval = config.mail.planner_interval.as_millis() as i64;
    if !force && ledger.last_queued("rekap", &prefix)?.is_some_and(|last| now_ms() - last < interval) {
        return Ok(false);
    }
    let summary = rekap_summary(config, ledger, year, period)?;
    let drafts = planners(to, year, period.as_str(), workbook, &summary, config.review.language);
    Ok(ledger.enqueue(&format!("{prefix}{}", now_ms()), &drafts)? > 0)
}
