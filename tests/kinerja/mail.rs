//! Mail end to end: the real service, a real SMTP conversation on loopback, the messages read
//! back — recipients, subjects, both bodies, the attachments opened.

use crate::common::fixture;
use crate::common::smtp::{SmtpServer, attachment, plain};
use crate::service::{Service, wait_for};
use calamine::{Reader, open_workbook_auto};
use std::time::Duration;

fn mail_config(port: u16) -> String {
    format!(
        "settle = \"200ms\"\npoll_interval = \"500ms\"\n\n[[unit]]\ncode = \"KR07\"\nemail = [\"kanreg7@bkn.go.id\"]\n\n\
         [[unit]]\ncode = \"BKN\"\nemail = [\"renstra@bkn.go.id\", \"biro.perencanaan@bkn.go.id\"]\n\n\
         [mail]\ntransport = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\nfrom = \"kinerja <kinerja@bkn.go.id>\"\ntimeout = \"2s\"\n\
         contact = \"Biro Perencanaan, renstra@bkn.go.id\"\n"
    )
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

#[test]
fn units_hear_back_by_smtp() {
    let smtp = SmtpServer::start(0);
    let service = Service::start_with("mail", &mail_config(smtp.port));
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.drop_file("BKN", "revisi.xlsx", &bytes("bkn_2023_wrong_claims.xlsx"));
    wait_for("two units' messages", Duration::from_secs(20), || smtp.messages().len() == 3);
    // A copy: a duplicate notice. A file whose name tries to add a header.
    service.drop_file("KR07", "salinan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.drop_file("KR07", "x\r\nBcc: luar@contoh.com.xlsx", &bytes("bkn_2023_scorecard.xlsx"));
    wait_for("the notices", Duration::from_secs(20), || smtp.messages().len() == 5);
    let messages = smtp.messages();
    let to = |address: &str| messages.iter().filter(|m| m.recipients == [address]).cloned().collect::<Vec<_>>();

    let receipt = &to("kanreg7@bkn.go.id")[0];
    assert!(receipt.data.contains("Subject: [kinerja] KR07 TAHUNAN 2024: diterima (versi 1)"), "{}", receipt.data);
    assert!(receipt.data.contains("NPSS: 99,27 (Baik)"));
    assert!(receipt.data.contains("text/plain") && receipt.data.contains("text/html"));

    let reports = to("renstra@bkn.go.id");
    assert_eq!(reports.len(), 1);
    assert_eq!(to("biro.perencanaan@bkn.go.id").len(), 1);
    let report = &reports[0].data;
    assert!(report.contains("Subject: [kinerja] BKN TAHUNAN 2023: perlu perbaikan (versi 1, 5 kesalahan)"), "{report}");
    assert!(report.contains("text/plain") && report.contains("text/html"));
    // What to do next, a closing, and whom to ask.
    assert!(report.contains("Langkah berikutnya:"), "{report}");
    assert!(
        report.contains("Salam,") && report.contains("Pertanyaan: Biro Perencanaan, renstra@bkn.go.id"),
        "{report}"
    );
    let csv = String::from_utf8(attachment(report, "temuan.csv").unwrap_or_else(|| panic!("{report}"))).unwrap();
    // Opens as a table in an Indonesian-locale Excel: UTF-8 byte-order mark, `;` between fields.
    assert!(csv.starts_with("\u{feff}kode;tingkat;lembar;sel"), "{csv}");
    assert!(csv.contains("CLAIM_CAPAIAN;kesalahan;Tabel 3.1;D11"), "{csv}");
    let workbook = attachment(report, "revisi (dinilai).xlsx").unwrap();
    let path = service.dir.join("attached.xlsx");
    std::fs::write(&path, workbook).unwrap();
    let book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Tabel 3.1", "Hasil kinerja", "Temuan"]);

    let kr07 = to("kanreg7@bkn.go.id");
    assert!(kr07.iter().any(|m| m.data.contains("Subject: [kinerja] KR07: duplikat salinan.xlsx")));
    let rejection = kr07.iter().find(|m| m.data.contains("ditolak")).expect("a rejection notice");
    assert_eq!(rejection.recipients, ["kanreg7@bkn.go.id"]);
    assert!(!rejection.data.contains("\nBcc:"), "{}", rejection.data);
    assert!(messages.iter().all(|m| m.recipients.len() == 1 && !m.recipients[0].contains("luar")));
}

#[test]
fn mail_waits_out_an_outage_and_is_delivered_once() {
    // A port nobody listens on yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut service = Service::start_with("outage", &mail_config(port));
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    service.drop_file("KR07", "perbaikan.xlsx", &bytes("kr07_2024_budget_columns.xlsx"));
    service.wait_for_arrivals("the reports", 2, Duration::from_secs(20));
    let ledger = service.ledger();
    wait_for("a failed attempt", Duration::from_secs(20), || {
        let (queued, sent, failed) = ledger.mail_counts().unwrap();
        queued == 2 && sent == 0 && failed == 0 && ledger.due_mail(i64::MAX, 10).unwrap().iter().any(|m| m.attempts > 0)
    });
    // The server comes up; the queue drains; a restart sends nothing twice.
    let smtp = SmtpServer::start(port);
    wait_for("delivery after the outage", Duration::from_secs(30), || smtp.messages().len() == 2);
    assert!(service.stop().success());
    service.spawn();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(smtp.messages().len(), 2);
    assert_eq!(service.ledger().mail_counts().unwrap(), (0, 2, 0));
}

#[test]
fn planners_get_the_workbook_and_late_units_one_reminder() {
    let smtp = SmtpServer::start(0);
    let config = mail_config(smtp.port)
        + "planners = [\"rekap@bkn.go.id\"]\nplanner_interval = \"1h\"\nremind_days_before = 3\n\n\
           [[mail.deadline]]\nyear = 2024\nperiod = \"TAHUNAN\"\ndate = \"2025-02-28\"\n";
    let mut service = Service::start_with("planners", &config);
    service.drop_file("KR07", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"));
    // Every unit with an address and no valid 2024 report yet gets one reminder (KR07's may come
    // before its report does); BKN has two addresses.
    wait_for("receipt, reminder and workbook", Duration::from_secs(20), || {
        let m = smtp.messages();
        m.iter().any(|m| m.recipients == ["rekap@bkn.go.id"])
            && m.iter().filter(|m| m.recipients == ["renstra@bkn.go.id"]).count() == 1
    });
    let messages = smtp.messages();
    let rekap = messages.iter().find(|m| m.recipients == ["rekap@bkn.go.id"]).unwrap();
    assert!(rekap.data.contains("Subject: [kinerja] Rekap kinerja TAHUNAN 2024"));
    // A summary before the workbook: who is in, who is missing.
    let summary = plain(&rekap.data);
    assert!(summary.contains("\nditerima: 1 unit\nperlu perbaikan: 0 unit\nditolak: 0 unit\n"), "{summary}");
    assert!(summary.contains("\nbelum mengirim: 28 unit (BKN, KR01,"), "{summary}");
    let workbook = attachment(&rekap.data, "Rekap Kinerja 2024 TAHUNAN.xlsx").unwrap();
    let path = service.dir.join("rekap.xlsx");
    std::fs::write(&path, workbook).unwrap();
    assert_eq!(open_workbook_auto(&path).unwrap().sheet_names()[0], "Ringkasan");
    let reminder = messages.iter().find(|m| m.recipients == ["renstra@bkn.go.id"]).unwrap();
    assert!(reminder.data.contains("Subject: [kinerja] BKN TAHUNAN 2024: pengingat"), "{}", reminder.data);
    // Addressed to the head of the unit, not a sentence starting with "Yth.".
    assert!(reminder.data.contains("Yth. Kepala Badan Kepegawaian Negara,"), "{}", reminder.data);
    let text = plain(&reminder.data);
    assert!(text.contains("Batas waktunya 28 Februari 2025.") && text.contains("\nSalam,\n"), "{text}");

    // A restart sends no reminder twice; `consolidate --send` mails the planners at once.
    assert!(service.stop().success());
    service.spawn();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(service.stop().success());
    let reminders =
        |to: &str| smtp.messages().iter().filter(|m| m.recipients == [to] && m.data.contains("pengingat")).count();
    assert_eq!(reminders("renstra@bkn.go.id"), 1);
    assert_eq!(reminders("biro.perencanaan@bkn.go.id"), 1);
    assert!(reminders("kanreg7@bkn.go.id") <= 1);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "consolidate", "--year", "2024", "--send"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1 messages sent"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(smtp.messages().iter().filter(|m| m.recipients == ["rekap@bkn.go.id"]).count(), 2);
}

#[test]
fn a_plan_is_versioned_summarised_to_its_unit_and_governs_until_the_pk_arrives() {
    let smtp = SmtpServer::start(0);
    let config = mail_config(smtp.port) + "\n[[unit]]\ncode = \"KR06\"\nemail = [\"kanreg6@bkn.go.id\"]\n";
    let service = Service::start_with("plan-mail", &config);
    service.drop_file("KR06", "Renja 2024.xlsx", &bytes("kr06_2024_renja.xlsx"));
    wait_for("the plan's receipt", Duration::from_secs(20), || smtp.messages().len() == 1);
    let receipt = &smtp.messages()[0];
    assert_eq!(receipt.recipients, ["kanreg6@bkn.go.id"]);
    assert!(
        receipt.data.contains("Subject: [kinerja] KR06 Rencana Kerja 2024: diterima (versi 1)"),
        "{}",
        receipt.data
    );
    let text = plain(&receipt.data);
    assert!(text.contains("Target yang dicatat:"), "{text}");
    assert!(
        text.contains(
            "IKU.4 Indeks Kepuasan Masyarakat terhadap Layanan Kepegawaian: Renstra 2024 95, Renja 2024 99, PK 2024 99"
        ),
        "{text}"
    );
    assert!(text.contains("Anggaran (Renja): Rp 13.454.430.000 — 5 kegiatan, 0 KRO, 13 RO, 0 komponen"), "{text}");
    // A realisasi report of the year, no PK yet: scored against the plan's targets, and told so.
    let report = crate::common::report_of_kanreg(&bytes("kr07_2024_capaian.xlsx"), "VI", "Medan");
    service.drop_file("KR06", "laporan 2024.xlsx", &report);
    wait_for("the report's message", Duration::from_secs(20), || smtp.messages().len() == 2);
    // The unit is told which targets its report was held to, and why a target differs.
    let told = plain(&smtp.messages()[1].data);
    assert!(told.contains("target dan pohon kinerja diambil dari Rencana Kerja yang berlaku"), "{told}");
    let conn = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
    // The report's findings, as (code, subject).
    let findings = || -> Vec<(String, String)> {
        conn.prepare(
            "SELECT f.code, f.subject FROM findings f JOIN submissions s ON s.id = f.submission_id
              WHERE s.file_name = 'laporan 2024.xlsx' ORDER BY f.seq",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let codes: Vec<String> = findings().into_iter().map(|(code, subject)| format!("{code} {subject}")).collect();
    assert!(codes.contains(&"TARGET_FROM_PLAN KR06 2024".to_string()), "{codes:?}");
    // Kanreg VII's IKU 4 target 95 is not the plan's 99.
    assert!(codes.contains(&"TARGET_MISMATCH IKU.4".to_string()), "{codes:?}");
    let kinds: Vec<(String, i64)> = conn
        .prepare("SELECT kind, version FROM versions ORDER BY arrival_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(kinds, [("plan".to_string(), 1), ("realisasi".to_string(), 1)]);

    // The PK arrives, as TARGET_FROM_PLAN asked: the report is reviewed against it, and told.
    let agreement = crate::common::report_of_kanreg(&bytes("kr07_2024_agreement_kode.xlsx"), "VI", "Medan");
    service.drop_file("KR06", "pk 2024.xlsx", &agreement);
    wait_for("the agreement's receipt and the report's review", Duration::from_secs(30), || smtp.messages().len() == 4);
    let again = smtp.messages().into_iter().map(|m| plain(&m.data)).find(|t| t.contains("dinilai ulang")).unwrap();
    assert!(again.contains("Laporan ini dikirim sebelum Perjanjian Kinerja 2024 diterima"), "{again}");
    assert!(again.contains("Status: diterima"), "{again}");
    let codes: Vec<String> = findings().into_iter().map(|(code, _)| code).collect();
    assert!(!codes.iter().any(|c| c == "TARGET_FROM_PLAN" || c == "TARGET_MISMATCH"), "{codes:?}");

    // The plan again with its programs' rows over their kegiatan: its receipt counts them.
    service.drop_file("KR06", "Renja 2024 program.xlsx", &bytes("kr06_2024_renja_budget_programs.xlsx"));
    let second = "Rencana Kerja 2024: diterima (versi 2)";
    wait_for("the second plan's receipt", Duration::from_secs(20), || {
        smtp.messages().iter().any(|m| m.data.contains(second))
    });
    let receipt = smtp.messages().into_iter().map(|m| m.data).find(|d| d.contains(second)).unwrap();
    let text = plain(&receipt);
    assert!(text.contains("Rp 13.454.430.000 — 2 program, 5 kegiatan, 0 KRO, 13 RO, 0 komponen"), "{text}");
}

/// A blocked agreement governs nothing, as its receipt says; a report sent before any agreement
/// governed it is reviewed against the first valid one when it arrives, and the unit is told.
/// Before, the blocked one governed and the report kept its review without one for good.
#[test]
fn a_report_sent_before_its_agreement_is_reviewed_against_it_when_it_arrives() {
    let smtp = SmtpServer::start(0);
    let service = Service::start_with("mail-governed", &mail_config(smtp.port));
    let texts = || smtp.messages().iter().map(|m| plain(&m.data)).collect::<Vec<_>>();
    service.drop_file("KR07", "pk.xlsx", &bytes("kr07_2024_agreement_target_blank.xlsx"));
    wait_for("the blocked agreement's receipt", Duration::from_secs(20), || smtp.messages().len() == 1);
    // IKU 3 90 and IKU 11 60, where the valid agreement sets 95 and 85 (the blocked one 85 too).
    service.drop_file("KR07", "tw3.xlsx", &bytes("kr07_2024_tw3_interim_targets_unmarked.xlsx"));
    wait_for("the report's receipt", Duration::from_secs(20), || smtp.messages().len() == 2);
    let receipt = texts().pop().unwrap();
    assert!(receipt.contains("Status: diterima"), "{receipt}");
    // Told that no agreement held it, and what will happen when one arrives.
    assert!(receipt.contains("Peringatan: 2"), "{receipt}");
    assert!(
        receipt.contains("  - Belum ada Perjanjian Kinerja KR07 2024 yang berlaku: laporan ini dinilai dengan target"),
        "{receipt}"
    );
    service.drop_file("KR07", "pk revisi.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"));
    wait_for("the agreement's receipt and the report's review", Duration::from_secs(30), || smtp.messages().len() == 4);
    let texts = texts();
    let again =
        texts.iter().find(|t| t.contains("Laporan ini dikirim sebelum")).unwrap_or_else(|| panic!("{texts:#?}"));
    assert!(
        again.contains(
            "Laporan ini dikirim sebelum Perjanjian Kinerja 2024 diterima, dan kini dinilai ulang terhadapnya; \
             hasil di bawah menggantikan hasil sebelumnya."
        ),
        "{again}"
    );
    assert!(again.contains("Status: perlu perbaikan"), "{again}");
    assert!(!again.contains("Belum ada Perjanjian Kinerja"), "{again}");
    // The warnings below the errors, as in a receipt.
    assert!(again.contains("\n\nPeringatan: 1\n  - Tabel 3.2!E5: Realisasi IKU.1 diisi N/A"), "{again}");
    assert!(again.contains("Target IKU.3 tertulis 90, sedangkan Perjanjian Kinerja yang berlaku menetapkan 95."));
    assert!(again.contains("Target IKU.11 tertulis 60, sedangkan Perjanjian Kinerja yang berlaku menetapkan 85."));
    // With its annotated copy, as any discrepancy report: the target cells the new result names.
    let message = smtp.messages().into_iter().find(|m| plain(&m.data).contains("Laporan ini dikirim sebelum")).unwrap();
    let copy = attachment(&message.data, "tw3 (dinilai).xlsx").unwrap_or_else(|| panic!("{}", message.data));
    let path = service.dir.join("attached.xlsx");
    std::fs::write(&path, copy).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    let temuan = book.worksheet_range("Temuan").unwrap();
    let mismatches = temuan.rows().filter(|r| r.iter().any(|c| *c == "TARGET_MISMATCH")).count();
    assert_eq!(mismatches, 2);
    // The copy's Temuan and the CSV list the errors first, as the mail and the Rekap do: the
    // warning and the information found in reading below the review's errors.
    let in_copy: Vec<String> = temuan.rows().skip(1).map(|r| r[1].to_string()).collect();
    let csv = String::from_utf8(attachment(&message.data, "temuan.csv").unwrap()).unwrap();
    let in_csv: Vec<String> = csv.lines().skip(1).map(|l| l.split(';').nth(1).unwrap().to_string()).collect();
    let expected: Vec<String> =
        [vec!["kesalahan"; 9], vec!["peringatan"], vec!["info"; 4]].concat().into_iter().map(String::from).collect();
    assert_eq!((&in_copy, &in_csv), (&expected, &expected));
    // The ledger, status and the Rekap say the same.
    let mismatches = service.rows(
        "SELECT COUNT(*) FROM findings f JOIN submissions s ON s.id = f.submission_id
          WHERE s.period = 'TW3' AND f.code = 'TARGET_MISMATCH'",
        [],
        |r| r.get::<_, i64>(0),
    );
    assert_eq!(mismatches, [2]);
    let status = service.status(&["--year", "2024", "--period", "TW3", "--unit", "KR07"]);
    let row = status["rows"].as_array().unwrap().iter().find(|r| r["kind"] == "realisasi").unwrap();
    assert_eq!((row["outcome"].as_str(), row["errors"].as_i64()), (Some("perlu_perbaikan"), Some(9)), "{row}");
    let workbook = service.dir.join("outbox/2024/Rekap Kinerja 2024 TW3.xlsx");
    let counts = || {
        let mut book = open_workbook_auto(&workbook).ok()?;
        let summary = book.worksheet_range("Ringkasan").ok()?;
        summary.get_value((1, 0)).map(|made| made.to_string())
    };
    wait_for("the Rekap with the report blocked", Duration::from_secs(20), || {
        counts().is_some_and(|made| made.contains(" 0 diterima, 1 perlu perbaikan, "))
    });
}

#[test]
fn an_agreement_receipt_says_what_was_taken_and_what_it_governs() {
    let smtp = SmtpServer::start(0);
    let service = Service::start_with("mail-agreement", &mail_config(smtp.port));
    service.drop_file("KR07", "pk.xlsx", &bytes("kr07_2024_agreement_target_blank.xlsx"));
    wait_for("the first agreement's message", Duration::from_secs(20), || smtp.messages().len() == 1);
    service.drop_file("KR07", "pk revisi.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"));
    wait_for("the second agreement's message", Duration::from_secs(20), || smtp.messages().len() == 2);
    let messages = smtp.messages();
    let first = plain(&messages[0].data);
    let subject = messages[0].data.replace("\r\n ", " ");
    assert!(
        subject.contains("Subject: [kinerja] KR07 Perjanjian Kinerja 2024: perlu perbaikan (versi 1, 1 kesalahan)")
    );
    // An empty target is named as such, and a first version has nothing to compare with.
    assert!(
        first.contains("IKU.3 Indeks Kepuasan Masyarakat terhadap Pembinaan Manajemen ASN: target (kosong) indeks"),
        "{first}"
    );
    assert!(!first.contains("versi sebelumnya"), "{first}");
    assert!(first.contains("sampai itu Perjanjian Kinerja ini tidak dipakai untuk menilai laporan:"), "{first}");
    assert!(first.contains("  - PK!E8: Target IKU.3 kosong"), "{first}");
    let second = plain(&messages[1].data);
    assert!(second.contains("target 95 indeks"), "{second}");
    assert!(second.contains("Perubahan dari versi sebelumnya:"), "{second}");
    // The warnings stand apart from the changes above them.
    assert!(second.contains("dibanding versi sebelumnya.\n\nPeringatan: 0"), "{second}");
}
