//! The messages to a submitting unit, composed from what the ledger recorded: a receipt, a
//! discrepancy report, a duplicate notice, or a rejection notice. Pure: no I/O.
//!
//! Nothing read from a workbook or a file name reaches a header unsanitised: subjects are built
//! from codes and outcomes, and every value that enters one is stripped of line breaks and
//! control characters.

use crate::model::Language;
use crate::store::{Arrival, Reading, Recorded};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// Who hears about an arrival, decided when it is taken (from the unit registry).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub recipients: Vec<String>,
    pub unit: String,
    pub unit_name: String,
    pub language: Language,
    /// The unit's annotated copy, to attach to a discrepancy report.
    pub annotated: Option<String>,
}

/// A file to attach: from disk, or inline text (the findings as CSV).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub path: Option<String>,
    pub text: Option<String>,
}

/// One message to one recipient, ready for the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
}

/// Strip what could break a header or a line: control characters, line breaks.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn t(language: Language, id: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Id => id,
        Language::En => en,
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The messages for one recorded arrival, one per recipient.
pub fn compose(
    notice: &Notice,
    arrival: &Arrival,
    sha256: &str,
    recorded: &Recorded,
    reading: Option<&Reading>,
    reason: Option<&str>,
) -> Vec<Draft> {
    let lang = notice.language;
    let file = clean(&arrival.file_name);
    let unit = clean(&notice.unit);
    let when = crate::store::utc(arrival.received_ms);
    let period = reading
        .map(|r| format!("{} {}", r.period.unwrap_or("?"), r.year.map_or("?".into(), |y| y.to_string())))
        .unwrap_or_default();
    let mut lines = vec![
        format!("{}: {} ({})", t(lang, "Unit", "Unit"), clean(&notice.unit_name), unit),
        format!("{}: {file}", t(lang, "Berkas", "File")),
        format!("SHA-256: {sha256}"),
        format!("{}: {when} UTC", t(lang, "Diterima", "Received")),
    ];
    let (kind, subject, attachments, html): (&'static str, String, Vec<Attachment>, Option<String>) = match recorded {
        Recorded::Duplicate { first_received_ms, .. } => {
            lines.push(String::new());
            lines.push(format!(
                "{} {} UTC. {}",
                t(lang, "Berkas yang sama persis sudah diterima pada", "The very same file was already received on"),
                crate::store::utc(*first_received_ms),
                t(lang, "Berkas ini tidak dinilai ulang.", "It is not scored again.")
            ));
            (
                "duplicate",
                format!("[kinerja] {unit}: {} {file}", t(lang, "sudah diterima", "already received")),
                vec![],
                None,
            )
        }
        Recorded::Refused | Recorded::New { accepted: false, .. } => {
            lines.push(String::new());
            lines.push(format!("{}: {}", t(lang, "Alasan", "Reason"), clean(reason.unwrap_or(""))));
            lines.push(
                t(
                    lang,
                    "Perbaiki lalu kirim kembali ke folder inbox unit Anda.",
                    "Correct it and send it again to your unit's inbox folder.",
                )
                .into(),
            );
            ("rejection", format!("[kinerja] {unit}: {} {file}", t(lang, "ditolak", "rejected")), vec![], None)
        }
        Recorded::New { accepted: true, version, .. } => {
            let reading = reading.expect("an accepted arrival was read");
            let json: Json = serde_json::from_str(&reading.report_json).unwrap_or(Json::Null);
            let version = version.unwrap_or(1);
            lines.push(format!(
                "{}: {period}, {} {version}",
                t(lang, "Periode", "Period"),
                t(lang, "versi", "version")
            ));
            let npss = json["npss"].as_f64().map_or("N/A".into(), |n| format!("{n:.2}"));
            lines.push(format!("NPSS: {npss} ({})", json["band"].as_str().unwrap_or("")));
            for p in json["perspectives"].as_array().into_iter().flatten() {
                let score = p["score"].as_f64().map_or("N/A".into(), |n| format!("{n:.2}"));
                let nkp = p["nkp"].as_f64().map_or("N/A".into(), |n| format!("{n:.2}"));
                lines.push(format!("  {}: {score}, NKP {nkp}", clean(p["name"].as_str().unwrap_or(""))));
            }
            if reading.errors == 0 {
                lines.push(format!("{}: {}", t(lang, "Peringatan", "Warnings"), reading.warnings));
                for f in reading.findings.iter().filter(|f| f.severity == "warning") {
                    lines.push(format!("  - {}", f.message));
                }
                let subject = format!(
                    "[kinerja] {unit} {period}: {} ({} {version})",
                    t(lang, "tanda terima", "receipt"),
                    t(lang, "versi", "version")
                );
                ("receipt", subject, vec![], None)
            } else {
                lines.push(String::new());
                lines.push(format!(
                    "{} {}",
                    reading.errors,
                    t(
                        lang,
                        "kesalahan harus diperbaiki sebelum laporan dapat direkap:",
                        "errors must be corrected before the report can be consolidated:"
                    )
                ));
                let columns = match lang {
                    Language::Id => ["Lembar", "Sel", "Perihal", "Tertulis", "Seharusnya", "Pesan"],
                    Language::En => ["Sheet", "Cell", "Subject", "Found", "Expected", "Message"],
                };
                let mut table = String::from("<table border=\"1\" cellpadding=\"4\"><tr>");
                for column in columns {
                    table.push_str(&format!("<th>{column}</th>"));
                }
                table.push_str("</tr>");
                let mut csv = String::from("kode,tingkat,lembar,sel,perihal,tertulis,seharusnya,pesan\n");
                for f in &reading.findings {
                    let (sheet, cell) = (f.sheet.as_deref().unwrap_or(""), f.cell.as_deref().unwrap_or(""));
                    if f.severity == "error" {
                        lines.push(format!("  - {}", f.message));
                        table.push_str(&format!(
                            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                            escape(sheet),
                            escape(cell),
                            escape(&f.subject),
                            escape(&f.found),
                            escape(&f.expected),
                            escape(&f.message)
                        ));
                    }
                    let fields = [f.code, f.severity, sheet, cell, &f.subject, &f.found, &f.expected, &f.message];
                    csv.push_str(&fields.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(","));
                    csv.push('\n');
                }
                table.push_str("</table>");
                let html =
                    format!("<p>{}</p>{table}", lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>"));
                let mut attachments = vec![Attachment { name: "temuan.csv".into(), path: None, text: Some(csv) }];
                if let Some(path) = &notice.annotated {
                    attachments.push(Attachment {
                        name: format!("{} (dinilai).xlsx", file.trim_end_matches(".xlsx")),
                        path: Some(path.clone()),
                        text: None,
                    });
                }
                let subject = format!(
                    "[kinerja] {unit} {period}: {} ({} {})",
                    t(lang, "laporan ketidaksesuaian", "discrepancy report"),
                    reading.errors,
                    t(lang, "kesalahan", "errors")
                );
                ("discrepancy", subject, attachments, Some(html))
            }
        }
        Recorded::Recovered => return Vec::new(),
    };
    let text = lines.join("\n") + "\n";
    let html =
        html.or_else(|| Some(format!("<p>{}</p>", lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>"))));
    notice
        .recipients
        .iter()
        .map(|recipient| Draft {
            kind,
            recipient: clean(recipient),
            subject: clean(&subject),
            text: text.clone(),
            html: html.clone(),
            attachments: attachments.clone(),
        })
        .collect()
}

/// The consolidated workbook, to the planners.
pub fn planners(recipients: &[String], year: u16, period: &str, workbook: &str, language: Language) -> Vec<Draft> {
    let text = format!(
        "{} {period} {year} {}\n",
        t(language, "Rekap kinerja", "The performance summary for"),
        t(language, "telah diperbarui; berkas terlampir.", "was updated; the workbook is attached.")
    );
    let name =
        std::path::Path::new(workbook).file_name().map_or("rekap.xlsx".into(), |n| n.to_string_lossy().into_owned());
    recipients
        .iter()
        .map(|r| Draft {
            kind: "rekap",
            recipient: clean(r),
            subject: format!("[kinerja] {} {period} {year}", t(language, "Rekap kinerja", "Performance summary")),
            text: text.clone(),
            html: None,
            attachments: vec![Attachment { name: name.clone(), path: Some(workbook.to_string()), text: None }],
        })
        .collect()
}

/// A reminder to a unit that has not sent a valid report by (or shortly before) its deadline.
pub fn reminder(notice: &Notice, year: u16, period: &str, deadline: &str) -> Vec<Draft> {
    let lang = notice.language;
    let text = format!(
        "{} {} ({}) {} {period} {year}. {} {deadline}.\n{}\n",
        t(lang, "Yth.", "To"),
        clean(&notice.unit_name),
        clean(&notice.unit),
        t(
            lang,
            "belum mengirim laporan kinerja yang valid untuk periode",
            "has not yet sent a valid performance report for"
        ),
        t(lang, "Batas waktunya", "It is due on"),
        t(lang, "Kirim laporan ke folder inbox unit Anda.", "Please send it to your unit's inbox folder.")
    );
    notice
        .recipients
        .iter()
        .map(|r| Draft {
            kind: "reminder",
            recipient: clean(r),
            subject: format!("[kinerja] {} {period} {year}: {}", clean(&notice.unit), t(lang, "pengingat", "reminder")),
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
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
