//! `kinerja status`: for every registered unit, the report that counts for each year and period
//! and its outcome, its agreement on a line of its own, and a later file that did not become a
//! version (refused, or a duplicate); units that sent nothing say so.

use crate::config::Config;
use crate::model::amount::{JsonScalar, display2_in, json2, stored_decimal};
use crate::model::time::local;
use crate::model::{Kind, Language, Verdict};
use crate::store::{Latest, Ledger, Scope, Standing, StoreError};
use serde::Serialize;
use std::fmt::Write as _;

/// One line of `status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub unit: String,
    pub name: String,
    /// realisasi, agreement or plan; `None` for a file that did not become a version. A unit's
    /// missing report is `realisasi`, of the year and period asked for.
    pub kind: Option<&'static str>,
    pub year: Option<i64>,
    pub period: Option<String>,
    pub version: Option<i64>,
    /// The earlier version this one re-sends.
    pub same_as: Option<i64>,
    /// The submission id (`kinerja reprocess` and `kinerja annotate` take it).
    pub submission: Option<i64>,
    /// In the unit's own time zone.
    pub received: Option<String>,
    pub received_ms: Option<i64>,
    pub timezone: &'static str,
    pub outcome: Verdict,
    pub label: &'static str,
    pub errors: Option<i64>,
    pub warnings: Option<i64>,
    /// Rounded half-up to two places, as every workbook shows it.
    pub npss: Option<JsonScalar>,
    /// When this version has errors: the latest version without errors, and its NPSS.
    pub valid_version: Option<i64>,
    pub valid_npss: Option<JsonScalar>,
    pub file: Option<String>,
    pub reason: Option<String>,
}

/// What `status` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub year: Option<i64>,
    pub period: Option<String>,
    pub rows: Vec<Row>,
    pub mail: Mail,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mail {
    pub waiting: i64,
    pub failed: i64,
}

fn npss(value: Option<&str>) -> Option<JsonScalar> {
    stored_decimal(value).map(json2)
}

/// The status of every registered unit (or the one `scope.unit` names) within `scope`.
///
/// # Errors
/// [`StoreError`] when the ledger cannot be read.
pub fn gather(config: &Config, ledger: &Ledger, scope: Scope, language: Language) -> Result<Status, StoreError> {
    // A unit's agreement (or plan) is the year's, whatever the period asked for: its line
    // stands beside every period's report, as in every period's Rekap.
    let of_year = ledger.standings(Scope { period: None, ..scope })?;
    let standings: Vec<Standing> = of_year
        .into_iter()
        .filter(|s| s.kind != Kind::Realisasi.as_str() || scope.period.is_none_or(|p| s.period == p))
        .collect();
    let latest = ledger.latest_arrivals(scope)?;
    let mut rows = Vec::new();
    for unit in config.units.units().iter().filter(|u| scope.unit.is_none_or(|c| u.code.eq_ignore_ascii_case(c))) {
        let blank = |verdict: Verdict| Row {
            unit: unit.code.clone(),
            name: unit.name.clone(),
            kind: None,
            year: None,
            period: None,
            version: None,
            same_as: None,
            submission: None,
            received: None,
            received_ms: None,
            timezone: unit.zone.as_str(),
            outcome: verdict,
            label: verdict.label(language),
            errors: None,
            warnings: None,
            npss: None,
            valid_version: None,
            valid_npss: None,
            file: None,
            reason: None,
        };
        let mine: Vec<&Standing> = standings.iter().filter(|s| s.unit == unit.code).collect();
        for s in &mine {
            let kind = Kind::parse(&s.kind).unwrap_or(Kind::Realisasi);
            let verdict = s.verdict();
            rows.push(Row {
                kind: Some(kind.as_str()),
                year: Some(s.year),
                period: Some(s.period.clone()),
                version: Some(s.version),
                same_as: s.same_as,
                submission: Some(s.submission_id),
                received: Some(local(s.received_ms, unit.zone)),
                received_ms: Some(s.received_ms),
                errors: Some(s.errors),
                warnings: Some(s.warnings),
                npss: if kind == Kind::Realisasi { npss(s.npss.as_deref()) } else { None },
                valid_version: s.valid.as_ref().map(|(v, _)| *v),
                valid_npss: s.valid.as_ref().and_then(|(_, n)| npss(n.as_deref())),
                file: Some(s.file_name.clone()),
                ..blank(verdict)
            });
        }
        // Beside the newest report (the agreement has its own line, and never stands in its place).
        let report = mine.iter().filter(|s| s.kind == Kind::Realisasi.as_str()).map(|s| s.arrival_id.as_str()).max();
        let later: Option<&Latest> = latest.iter().find(|l| l.unit == unit.code).filter(|l| l.after(report));
        if let Some(l) = later {
            rows.push(Row {
                submission: l.submission_id,
                received: Some(local(l.received_ms, unit.zone)),
                received_ms: Some(l.received_ms),
                file: Some(l.file_name.clone()),
                reason: l.reason.clone(),
                ..blank(l.verdict)
            });
        }
        // No report, and no refusal in its place: the line names what was not sent, so that it
        // does not read as "nothing at all" beside an agreement or a plan.
        if report.is_none() && later.is_none_or(|l| l.verdict != Verdict::Ditolak) {
            rows.push(Row {
                kind: Some(Kind::Realisasi.as_str()),
                year: scope.year,
                period: scope.period.map(str::to_string),
                ..blank(Verdict::BelumMengirim)
            });
        }
    }
    let (waiting, _, failed) = ledger.mail_counts()?;
    Ok(Status { year: scope.year, period: scope.period.map(str::to_string), rows, mail: Mail { waiting, failed } })
}

/// `status` as a table to read.
pub fn to_text(status: &Status, language: Language) -> String {
    let mut out = String::new();
    let dash = || "-".to_string();
    let _ = writeln!(
        out,
        "{:<13} {:<22} {:<13} {:>7} {:>5}  {:<21} {:<16} {:>9} {:>10} {:>7}  {}",
        language.pick("unit", "unit"),
        language.pick("jenis", "kind"),
        language.pick("periode", "period"),
        language.pick("versi", "version"),
        "id",
        language.pick("diterima", "received"),
        "status",
        language.pick("kesalahan", "errors"),
        language.pick("peringatan", "warnings"),
        "NPSS",
        language.pick("berkas", "file"),
    );
    for row in &status.rows {
        let kind = row.kind.map_or("-", |k| Kind::parse(k).unwrap_or(Kind::Realisasi).label(language));
        let period = match (row.year, &row.period) {
            (Some(y), Some(p)) => format!("{y} {p}"),
            _ => dash(),
        };
        let version = match (row.version, row.same_as) {
            (Some(v), Some(same)) => format!("{v}={same}"),
            (Some(v), None) => v.to_string(),
            _ => dash(),
        };
        let number = |value: &Option<JsonScalar>| match value {
            Some(JsonScalar::Number(n)) => display2_in(*n, language),
            _ => dash(),
        };
        let mut file = row.file.as_deref().map(|f| crate::model::text::shown_name(f).into_owned()).unwrap_or_default();
        if let (Some(v), Some(_)) = (row.valid_version, &row.valid_npss) {
            let _ = write!(
                file,
                " ({} {v}: NPSS {})",
                language.pick("valid terakhir versi", "last valid version"),
                number(&row.valid_npss)
            );
        }
        if let Some(reason) = &row.reason {
            let _ = write!(file, " ({})", crate::model::text::one_line(reason, 160));
        }
        let _ = writeln!(
            out,
            "{:<13} {:<22} {:<13} {:>7} {:>5}  {:<21} {:<16} {:>9} {:>10} {:>7}  {}",
            row.unit,
            kind,
            period,
            version,
            row.submission.map_or_else(dash, |s| s.to_string()),
            row.received.clone().unwrap_or_else(dash),
            row.label,
            row.errors.map_or_else(dash, |e| e.to_string()),
            row.warnings.map_or_else(dash, |w| w.to_string()),
            number(&row.npss),
            file.trim(),
        );
    }
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}",
        language.pick("surel", "mail"),
        status.mail.waiting,
        language.pick("menunggu", "waiting"),
        status.mail.failed,
        language.pick("gagal terkirim", "failed for good"),
    );
    out
}
