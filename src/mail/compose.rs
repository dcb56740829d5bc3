//! The messages to a submitting unit, composed from what the ledger recorded: a receipt, a
//! discrepancy report, a duplicate notice, or a rejection notice. Pure: no I/O.
//!
//! Nothing read from a workbook or a file name reaches a header unsanitised: subjects are built
//! from codes and outcomes, and every value that enters one is stripped of line breaks and
//! control characters.

use crate::model::amount::{display2_in, stored_decimal};
use crate::model::plan::Source;
use crate::model::time::{Zone, local};
use crate::model::{Code, Field, Language, Severity, Verdict};
use crate::store::{Attachment, Draft, Facts, FindingRow, Reading, Recorded, Standing};
use rust_decimal::Decimal;

/// Who hears about an arrival, decided when it is taken (from the unit registry).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub recipients: Vec<String>,
    pub unit: String,
    pub unit_name: String,
    pub language: Language,
    /// The zone of the unit's seat: times in its messages are in it.
    pub zone: Zone,
    /// The unit's annotated copy, to attach to a discrepancy report.
    pub annotated: Option<String>,
    /// Report deadlines: (year, period, the day).
    pub deadlines: Vec<(u16, crate::model::Period, jiff::civil::Date)>,
    /// Who the unit may ask.
    pub contact: Option<String>,
    /// Why a submission is reported on again, when it is.
    pub again: Option<Again>,
}

/// The kinds of the messages that tell a report's outcome: accepted, and blocked.
pub(super) const RECEIPT: &str = "receipt";
pub(super) const DISCREPANCY: &str = "discrepancy";

/// Why a submission read before is reported on again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Again {
    /// Read again after the rules or the configuration changed (`kinerja reprocess --notify`).
    Reprocessed,
    /// Sent before the year's agreement (or plan) and reviewed against it once it arrived.
    Governed { kind: crate::model::Kind, year: u16, submission_id: i64 },
    /// Held again to its units' reports that count now (BKN's), and its outcome is no longer
    /// the one it was last told.
    Held,
}

impl Again {
    /// The key submission `id`'s messages are queued under, `<why>:<id>:<which>`: a re-review
    /// against one agreement is told once, however often it is done (again after a stop cut it
    /// short).
    pub(super) fn key(self, id: i64, now_ms: i64) -> String {
        let (why, which) = match self {
            Again::Reprocessed => ("again", now_ms),
            Again::Governed { submission_id, .. } => ("governed", submission_id),
            Again::Held => ("held", now_ms),
        };
        format!("{why}:{id}:{which}")
    }

    /// The `LIKE` pattern every key [`Self::key`] makes for submission `id` matches (an
    /// arrival's id, the key of the messages it is answered with, holds no colon).
    pub(super) fn keys_of(id: i64) -> String {
        format!("%:{id}:%")
    }

    fn sentence(self, lang: Language) -> String {
        let replaces =
            lang.pick("hasil di bawah menggantikan hasil sebelumnya.", "the result below replaces the earlier one.");
        match self {
            Again::Reprocessed => format!(
                "{}; {replaces}",
                lang.pick(
                    "Berkas ini dinilai ulang karena aturan atau konfigurasi penilaian berubah",
                    "This file was assessed again because the assessment rules or configuration changed"
                )
            ),
            Again::Held => format!(
                "{}; {replaces}",
                lang.pick(
                    "Laporan ini dicocokkan ulang dengan laporan unit kerja yang kini berlaku (agregat BKN)",
                    "This report was checked again against the units' reports that count now (BKN's roll-up)"
                )
            ),
            Again::Governed { kind, year, .. } => {
                let document = match kind {
                    crate::model::Kind::Plan => lang.pick("Rencana Kerja", "work plan"),
                    _ => lang.pick("Perjanjian Kinerja", "performance agreement"),
                };
                format!(
                    "{} {document} {year} {}; {replaces}",
                    lang.pick("Laporan ini dikirim sebelum", "This report was sent before the"),
                    lang.pick(
                        "diterima, dan kini dinilai ulang terhadapnya",
                        "was received, and has now been assessed against it"
                    ),
                )
            }
        }
    }
}

impl Notice {
    /// The deadline of a year and period, as a sentence writes it.
    fn deadline(&self, year: i64, period: &str) -> Option<String> {
        let (_, _, date) = self.deadlines.iter().find(|(y, p, _)| i64::from(*y) == year && p.as_str() == period)?;
        Some(crate::model::time::day_words(*date, self.language))
    }

    /// The foot of every message to the unit: a closing and, when configured, whom to ask.
    fn closing(&self, lines: &mut Vec<String>) {
        let lang = self.language;
        lines.push(String::new());
        lines.push(lang.pick("Salam,", "Regards,").into());
        lines.push(
            lang.pick("kinerja - penilaian laporan kinerja BKN", "kinerja - BKN's performance report review").into(),
        );
        if let Some(contact) = &self.contact {
            lines.push(format!("{}: {}", lang.pick("Pertanyaan", "Questions"), clean(contact)));
        }
    }
}

/// A line of a body: control characters out, its indentation kept.
fn clean_line(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Strip what could break a header or a line: control characters, line breaks.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// A field of the findings CSV: `;`-separated, since Excel in an Indonesian locale (where the
/// comma is the decimal mark) splits on `;`.
fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// A score as the text around it writes it (`99,27` in Indonesian), or that it has none.
fn score_text(value: Option<Decimal>, language: Language) -> String {
    value.map_or_else(|| language.pick("N/A (Belum Ada Skor)", "N/A (not scored)").into(), |v| display2_in(v, language))
}

/// The messages for one recorded arrival, one per recipient. `current` is the version the
/// arrival made current, when it made one (a new report, or earlier content sent again).
/// That the file's content is an earlier version's, counting again.
fn resent_line(lines: &mut Vec<String>, c: &Standing, lang: Language) {
    lines.push(String::new());
    lines.push(format!(
        "{} {} {}; {} {}.",
        lang.pick("Isi berkas ini sama dengan", "This file's content equals"),
        lang.pick("versi", "version"),
        c.same_as.unwrap_or(c.version),
        lang.pick("kini berlaku kembali sebagai versi", "it counts again as version"),
        c.version
    ));
}

/// How many warnings, and each one's message.
fn warning_lines(lines: &mut Vec<String>, reading: &Reading, lang: Language) {
    lines.push(format!("{}: {}", lang.pick("Peringatan", "Warnings"), reading.warnings));
    lines.extend(reading.findings.iter().filter(|f| f.severity == "warning").map(|f| format!("  - {}", f.message)));
}

pub fn compose(notice: &Notice, facts: &Facts<'_>) -> Vec<Draft> {
    let &Facts { arrival, sha256, recorded, reading, reason, current } = facts;
    let lang = notice.language;
    let file = clean(&arrival.file_name);
    let unit = clean(&notice.unit);
    let when = local(arrival.received_ms, notice.zone);
    let verdict = match (recorded, current) {
        (Recorded::Recovered, _) => return Vec::new(),
        (Recorded::Refused | Recorded::New { accepted: false, .. }, _) => Verdict::Ditolak,
        (_, Some(current)) => current.verdict(),
        _ => Verdict::Duplikat,
    };
    let mut lines = vec![
        format!("{} {},", lang.pick("Yth. Kepala", "To the head of"), clean(&notice.unit_name)),
        String::new(),
        format!("{}: {} ({})", lang.pick("Unit", "Unit"), clean(&notice.unit_name), unit),
        format!("{}: {file}", lang.pick("Berkas", "File")),
        format!("SHA-256: {sha256}"),
        format!("{}: {when}", lang.pick("Diterima", "Received")),
        format!("Status: {}", verdict.label(lang)),
    ];
    if let Some(again) = notice.again {
        lines.push(String::new());
        lines.push(again.sentence(lang));
    }
    let scope = current.map_or(String::new(), |c| match c.kind.as_str() {
        "agreement" => format!("{} {}", lang.pick("Perjanjian Kinerja", "Performance agreement"), c.year),
        "plan" => format!("{} {}", lang.pick("Rencana Kerja", "Work plan"), c.year),
        _ => format!("{} {}", c.period, c.year),
    });
    let version_words = |c: &Standing| match c.same_as {
        Some(same) => {
            format!("{} {} = {} {same}", lang.pick("versi", "version"), c.version, lang.pick("versi", "version"))
        }
        None => format!("{} {}", lang.pick("versi", "version"), c.version),
    };
    let mut attachments = Vec::new();
    let mut table = None;
    let subject = match (recorded, current) {
        (Recorded::Duplicate { first_received_ms, .. }, _) => {
            lines.push(String::new());
            lines.push(format!(
                "{} {}. {}",
                lang.pick("Berkas yang sama persis sudah diterima pada", "The very same file was already received on"),
                local(*first_received_ms, notice.zone),
                lang.pick(
                    "Berkas ini tidak dinilai ulang; versi yang berlaku tidak berubah.",
                    "It is not scored again; the version that counts is unchanged."
                )
            ));
            format!("[kinerja] {unit}: {} {file}", verdict.label(lang))
        }
        (Recorded::Resent { reviewed: false, .. }, Some(c)) => {
            resent_line(&mut lines, c, lang);
            if c.kind == "realisasi" {
                lines.push(format!("NPSS: {}", score_text(stored_decimal(c.npss.as_deref()), lang)));
            }
            lines.push(format!("{}: {}", lang.pick("Kesalahan", "Errors"), c.errors));
            format!("[kinerja] {unit} {scope}: {} ({})", verdict.label(lang), version_words(c))
        }
        (Recorded::New { accepted: true, .. } | Recorded::Resent { reviewed: true, .. }, Some(c)) => {
            let reading = reading.expect("an accepted arrival was read, and content sent again reviewed again");
            if matches!(recorded, Recorded::Resent { .. }) {
                resent_line(&mut lines, c, lang);
                lines.push(String::new());
            }
            lines.push(format!("{}: {scope}, {}", lang.pick("Periode", "Period"), version_words(c)));
            if c.kind == "agreement" {
                agreement_lines(&mut lines, reading, c.version, lang);
            } else if c.kind == "plan" {
                plan_lines(&mut lines, reading, lang);
            } else {
                if let Some(npss) = reading.scores.iter().find(|s| s.level == "npss") {
                    // Without a score, score_text says so already ("N/A (Belum Ada Skor)").
                    let shown = match stored_decimal(npss.value.as_deref()) {
                        Some(value) => format!("{} ({})", display2_in(value, lang), npss.band),
                        None => score_text(None, lang),
                    };
                    lines.push(format!("NPSS: {shown}"));
                }
                for p in reading.scores.iter().filter(|s| s.level == "perspective") {
                    lines.push(format!(
                        "  {}: {}, NKP {}",
                        clean(&p.code),
                        score_text(stored_decimal(p.value.as_deref()), lang),
                        score_text(stored_decimal(p.nkp.as_deref()), lang)
                    ));
                }
                if let Some((version, npss)) = &c.valid {
                    lines.push(format!(
                        "{} {version}: NPSS {}",
                        lang.pick(
                            "Versi terakhir yang diterima tanpa kesalahan adalah versi",
                            "The last version accepted without errors is version"
                        ),
                        score_text(stored_decimal(npss.as_deref()), lang)
                    ));
                }
            }
            if c.kind == "realisasi" && c.version > 1 {
                changes_lines(&mut lines, reading, lang);
            }
            let deadline = (c.kind == "realisasi").then(|| notice.deadline(c.year, &c.period)).flatten();
            if reading.errors == 0 {
                // The warnings apart from the scores or changes above them.
                if lines.last().is_some_and(|l| !l.is_empty()) {
                    lines.push(String::new());
                }
                warning_lines(&mut lines, reading, lang);
                format!("[kinerja] {unit} {scope}: {} ({})", verdict.label(lang), version_words(c))
            } else {
                lines.push(String::new());
                let until = match c.kind.as_str() {
                    "plan" => lang.pick(
                        "kesalahan harus diperbaiki; sampai itu rencana kerja ini ditandai perlu perbaikan dalam rekap:",
                        "errors must be corrected; until then this work plan is marked as needing correction in the summary:",
                    ),
                    "agreement" => lang.pick(
                        "kesalahan harus diperbaiki; sampai itu Perjanjian Kinerja ini tidak dipakai untuk menilai laporan:",
                        "errors must be corrected; until then this agreement is not used to assess reports:",
                    ),
                    _ => lang.pick(
                        "kesalahan harus diperbaiki; sampai itu laporan ini tidak dihitung dalam rekap:",
                        "errors must be corrected; until then this report does not count in the summary:",
                    ),
                };
                lines.push(format!("{} {until}", reading.errors));
                lines.extend(
                    reading.findings.iter().filter(|f| f.severity == "error").map(|f| format!("  - {}", f.message)),
                );
                // The warnings too, below: they often say where an error hides (a hidden row).
                if reading.warnings > 0 {
                    lines.push(String::new());
                    warning_lines(&mut lines, reading, lang);
                }
                lines.push(String::new());
                lines.push(
                    lang.pick(
                        "Langkah berikutnya: perbaiki sel yang disebut (lihat lampiran), lalu letakkan kembali berkasnya di folder inbox unit Anda.",
                        "What to do next: correct the cells named (see the attachments), then drop the file again in your unit's inbox folder.",
                    )
                    .into(),
                );
                if let Some(date) = &deadline {
                    lines.push(format!(
                        "{} {} {}: {date}.",
                        lang.pick("Batas waktu laporan", "The deadline for the report of"),
                        c.period,
                        c.year
                    ));
                }
                table = Some(findings_table(reading, lang));
                attachments.push(Attachment {
                    name: "temuan.csv".into(),
                    path: None,
                    text: Some(findings_csv(reading, lang)),
                });
                if let Some(path) = &notice.annotated {
                    attachments.push(Attachment {
                        name: format!("{} (dinilai).xlsx", crate::model::text::unmarked_stem(&file)),
                        path: Some(path.clone()),
                        text: None,
                    });
                }
                format!(
                    "[kinerja] {unit} {scope}: {} ({}, {} {})",
                    verdict.label(lang),
                    version_words(c),
                    reading.errors,
                    lang.pick("kesalahan", "errors")
                )
            }
        }
        _ => {
            lines.push(String::new());
            lines.push(format!("{}: {}", lang.pick("Alasan", "Reason"), clean(reason.unwrap_or(""))));
            lines.push(
                lang.pick(
                    "Perbaiki lalu kirim kembali ke folder inbox unit Anda.",
                    "Correct it and send it again to your unit's inbox folder.",
                )
                .into(),
            );
            format!("[kinerja] {unit}: {} {file}", verdict.label(lang))
        }
    };
    // Content sent again is told as any arrival of its kind: its receipt or discrepancy report
    // says the outcome it has now, which `told_otherwise` reads.
    let kind = match (verdict, current.map(|c| c.kind.as_str())) {
        (Verdict::Ditolak, _) => "rejection",
        (Verdict::Duplikat, _) => "duplicate",
        (_, Some("agreement")) => "agreement",
        (_, Some("plan")) => "plan",
        (Verdict::PerluPerbaikan, _) => DISCREPANCY,
        _ => RECEIPT,
    };
    notice.closing(&mut lines);
    let text = lines.join("\n") + "\n";
    let html = format!(
        "<p>{}</p>{}",
        lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>"),
        table.unwrap_or_default()
    );
    notice
        .recipients
        .iter()
        .map(|recipient| Draft {
            kind,
            recipient: clean(recipient),
            subject: clean(&subject),
            text: text.clone(),
            html: Some(html.clone()),
            attachments: attachments.clone(),
        })
        .collect()
}

/// An agreement's receipt: the indicators and targets taken, per perspective and SS, and what
/// changed from the previous agreement. Never an NPSS: an agreement has no realisasi.
fn agreement_lines(lines: &mut Vec<String>, reading: &Reading, version: i64, lang: Language) {
    lines.push(String::new());
    lines.push(lang.pick("Indikator dan target yang dicatat:", "Indicators and targets recorded:").into());
    for p in reading.scores.iter().filter(|s| s.level == "perspective") {
        lines.push(format!("  {}", clean(&p.code)));
        for g in reading.goals.iter().filter(|g| g.perspective == p.code) {
            lines.push(format!("    {} {}", g.code, clean(&g.name)));
            for i in reading.indicators.iter().filter(|i| i.goal == g.code) {
                let stored = i.target.as_deref();
                let target = match stored_decimal(stored) {
                    Some(n) => score_text(Some(n), lang).trim_end_matches(",00").trim_end_matches(".00").to_string(),
                    None if stored.is_none_or(|t| t.trim().is_empty()) => lang.pick("(kosong)", "(empty)").into(),
                    None => clean(stored.unwrap_or_default()),
                };
                lines.push(format!("      {} {}: target {target} {}", i.code, clean(&i.name), clean(i.satuan)));
            }
        }
    }
    if version > 1 {
        changes_lines(lines, reading, lang);
    }
}

/// A plan's receipt: each IKU's targets by source and year, and each budget table's total over
/// its kegiatan, with how many lines of each level it holds.
fn plan_lines(lines: &mut Vec<String>, reading: &Reading, lang: Language) {
    lines.push(String::new());
    lines.push(lang.pick("Target yang dicatat:", "Targets recorded:").into());
    let mut codes: Vec<&str> = Vec::new();
    for t in &reading.plan_targets {
        if !codes.contains(&t.code.as_str()) {
            codes.push(&t.code);
        }
    }
    for code in codes {
        let of_code: Vec<_> = reading.plan_targets.iter().filter(|t| t.code == code).collect();
        let values: Vec<String> = of_code
            .iter()
            .map(|t| {
                let value = t.value.as_deref().unwrap_or("-");
                let shown = stored_decimal(Some(value)).map_or_else(|| clean(value), |n| score_text(Some(n), lang));
                let shown = shown.trim_end_matches(",00").trim_end_matches(".00").to_string();
                format!("{} {} {shown}", Source::parse(t.source).map_or("", Source::label), t.year)
            })
            .collect();
        lines.push(format!("  {code} {}: {}", clean(&of_code[0].name), values.join(", ")));
    }
    for source in ["renja", "pk"] {
        let budget: Vec<_> = reading.plan_budget.iter().filter(|b| b.source == source).collect();
        if budget.is_empty() {
            continue;
        }
        let top = budget.iter().filter(|b| b.parent.is_none()).map(|b| stored_decimal(b.pagu.as_deref()));
        let total =
            crate::model::amount::checked_sum(top).map_or_else(|| "-".into(), crate::model::amount::display_rupiah);
        let count = |level: &str| budget.iter().filter(|b| b.level == level).count();
        // Programs are named where the plan prints their rows.
        let programs = match count("program") {
            0 => String::new(),
            n => format!("{n} program, "),
        };
        lines.push(format!(
            "{} ({}): Rp {} — {programs}{} kegiatan, {} KRO, {} RO, {} {}",
            lang.pick("Anggaran", "Budget"),
            Source::parse(source).map_or("", Source::label),
            total,
            count("kegiatan"),
            count("kro"),
            count("ro"),
            count("komponen"),
            lang.pick("komponen", "components"),
        ));
    }
}

/// What changed from the previous version (the `CHANGED` findings), or that nothing did.
fn changes_lines(lines: &mut Vec<String>, reading: &Reading, lang: Language) {
    let changes: Vec<&str> =
        reading.findings.iter().filter(|f| f.code == "CHANGED").map(|f| f.message.as_str()).collect();
    lines.push(String::new());
    if changes.is_empty() {
        lines.push(
            lang.pick("Tidak ada perubahan dari versi sebelumnya.", "Nothing changed from the previous version.")
                .into(),
        );
    } else {
        lines.push(lang.pick("Perubahan dari versi sebelumnya:", "Changes from the previous version:").into());
        lines.extend(changes.iter().map(|c| format!("  - {c}")));
    }
}

/// The error findings as an HTML table.
fn findings_table(reading: &Reading, lang: Language) -> String {
    let columns = match lang {
        Language::Id => ["Lembar", "Sel", "Perihal", "Tertulis", "Seharusnya", "Pesan"],
        Language::En => ["Sheet", "Cell", "Subject", "Found", "Expected", "Message"],
    };
    let mut table = String::from("<table border=\"1\" cellpadding=\"4\"><tr>");
    for column in columns {
        table.push_str(&format!("<th>{column}</th>"));
    }
    table.push_str("</tr>");
    for f in reading.findings.iter().filter(|f| f.severity == "error") {
        let found = Code::shown_by_name(f.code, Field::Found, &f.found, lang);
        let expected = Code::shown_by_name(f.code, Field::Expected, &f.expected, lang);
        let cells = [
            f.sheet.as_deref().unwrap_or(""),
            f.cell.as_deref().unwrap_or(""),
            &f.subject,
            &found,
            &expected,
            &f.message,
        ];
        table.push_str("<tr>");
        for cell in cells {
            table.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        table.push_str("</tr>");
    }
    table.push_str("</table>");
    table
}

/// Every finding as CSV an Indonesian-locale Excel opens as a table: a byte-order mark (so the
/// text is read as UTF-8), `;` between fields, errors first, severities in the message's language.
fn findings_csv(reading: &Reading, lang: Language) -> String {
    let header = match lang {
        Language::Id => "kode;tingkat;lembar;sel;perihal;tertulis;seharusnya;pesan",
        Language::En => "code;severity;sheet;cell;subject;found;expected;message",
    };
    let mut csv = format!("\u{feff}{header}\r\n");
    let severity = |f: &&FindingRow| Severity::from_name(f.severity).unwrap_or(Severity::Info);
    for f in crate::model::worst_first(reading.findings.iter().collect(), severity) {
        let (sheet, cell) = (f.sheet.as_deref().unwrap_or(""), f.cell.as_deref().unwrap_or(""));
        let severity = Severity::from_name(f.severity).map_or(f.severity, |s| s.label(lang));
        let found = Code::shown_by_name(f.code, Field::Found, &f.found, lang);
        let expected = Code::shown_by_name(f.code, Field::Expected, &f.expected, lang);
        let fields = [f.code, severity, sheet, cell, &f.subject, &found, &expected, &f.message];
        csv.push_str(&fields.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(";"));
        csv.push_str("\r\n");
    }
    csv
}

/// The consolidated workbook, to the planners, with a summary of who is in, blocked and missing.
pub fn planners(
    recipients: &[String],
    year: u16,
    period: &str,
    workbook: &str,
    summary: &[String],
    language: Language,
) -> Vec<Draft> {
    let mut lines = vec![format!(
        "{} {period} {year} {}",
        language.pick("Rekap kinerja", "The performance summary for"),
        language.pick("telah diperbarui; berkas terlampir.", "was updated; the workbook is attached.")
    )];
    lines.push(String::new());
    lines.extend(summary.iter().map(|l| clean_line(l)));
    let text = lines.join("\n") + "\n";
    let name =
        std::path::Path::new(workbook).file_name().map_or("rekap.xlsx".into(), |n| n.to_string_lossy().into_owned());
    recipients
        .iter()
        .map(|r| Draft {
            kind: "rekap",
            recipient: clean(r),
            subject: format!("[kinerja] {} {period} {year}", language.pick("Rekap kinerja", "Performance summary")),
            text: text.clone(),
            html: None,
            attachments: vec![Attachment { name: name.clone(), path: Some(workbook.to_string()), text: None }],
        })
        .collect()
}

/// A reminder to a unit that has not sent a valid report by (or shortly before) its deadline.
pub fn reminder(notice: &Notice, year: u16, period: &str, deadline: jiff::civil::Date) -> Vec<Draft> {
    let lang = notice.language;
    let due = crate::model::time::day_words(deadline, lang);
    let mut lines = vec![
        format!("{} {},", lang.pick("Yth. Kepala", "To the head of"), clean(&notice.unit_name)),
        String::new(),
        format!(
            "{} {} ({}) {} {period} {year}. {} {due}.",
            lang.pick(
                "Kami belum menerima laporan kinerja yang dapat dihitung dari",
                "We have not yet received a performance report that counts from"
            ),
            clean(&notice.unit_name),
            clean(&notice.unit),
            lang.pick("untuk periode", "for"),
            lang.pick("Batas waktunya", "It is due on"),
        ),
        lang.pick(
            "Letakkan laporan (atau perbaikannya) di folder inbox unit Anda.",
            "Please drop the report (or its correction) in your unit's inbox folder.",
        )
        .into(),
    ];
    notice.closing(&mut lines);
    let text = lines.join("\n") + "\n";
    notice
        .recipients
        .iter()
        .map(|r| Draft {
            kind: "reminder",
            recipient: clean(r),
            subject: format!(
                "[kinerja] {} {period} {year}: {}",
                clean(&notice.unit),
                lang.pick("pengingat", "reminder")
            ),
            text: text.clone(),
            html: None,
            attachments: vec![],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_from_a_workbook_breaks_a_header() {
        assert_eq!(clean("laporan\r\nBcc: x@y.z.xlsx"), "laporanBcc: x@y.z.xlsx");
        assert_eq!(escape("<b>&"), "&lt;b&gt;&amp;");
        assert_eq!(csv_field("a;\"b\""), "\"a;\"\"b\"\"\"");
        assert_eq!(csv_field("99,27"), "99,27");
    }
}
