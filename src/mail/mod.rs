//! Mail to the submitting unit: messages composed when an arrival is recorded (in the same
//! transaction, so each is queued exactly once), and a sender that delivers the queue over SMTP
//! or into `outbox/mail/` as `.eml` files, retrying with growing back-off.

mod compose;
mod send;

pub use compose::{Attachment, Draft, Notice, clean, compose, planners, reminder};
pub use send::{PASSWORD_VARIABLE, Sender, Settings, Transport};

/// The `security` setting of an SMTP server.
pub mod send_security {
    pub use super::send::Security;
}

use crate::config::Config;
use crate::model::time::{days_from_date, now_ms};
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
    })
}

/// Queue the reminders that are due: for every configured deadline within
/// `remind_days_before` days (or past), every unit without a valid report for that year and
/// period gets one reminder, recorded so it is never sent twice. How many were queued.
///
/// # Errors
/// [`StoreError`] when the ledger cannot be read or written.
pub fn remind(config: &Config, ledger: &Ledger) -> Result<usize, StoreError> {
    let today = now_ms().div_euclid(86_400_000);
    let mut queued = 0;
    for (year, period, date) in &config.mail.deadlines {
        let Some(due) = days_from_date(date) else { continue };
        if today + i64::from(config.mail.remind_days_before) < due {
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
        for unit in config.units.units().iter().filter(|u| !sent.contains(&u.code)) {
            let Some(notice) = notice_for(config, unit, None) else { continue };
            let drafts = reminder(&notice, *year, period.as_str(), date);
            queued += ledger.enqueue(&format!("reminder:{}:{year}:{period}", unit.code), &drafts)?;
        }
    }
    Ok(queued)
}

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
    let drafts = planners(to, year, period.as_str(), workbook, config.review.language);
    Ok(ledger.enqueue(&format!("{prefix}{}", now_ms()), &drafts)? > 0)
}
