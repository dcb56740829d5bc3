//! Who sent what, and what is blocked: one scenario, and the same truth in the ledger, `status`,
//! every sheet of the Rekap and every message.

use crate::common::smtp::{SmtpServer, plain};
use crate::common::{fixture, report_of_kanreg};
use crate::service::{Service, wait_for};
use calamine::{Data, Range, Reader, open_workbook_auto};
use serde_json::Value as Json;
use std::time::Duration;

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn config(port: u16) -> String {
    let mut config = String::from("settle = \"200ms\"\npoll_interval = \"500ms\"\n\n");
    for (code, address) in
        [("KR01", "kr01"), ("KR06", "kr06"), ("KR07", "kr07"), ("KR08", "kr08"), ("KR09", "kr09"), ("BKN", "bkn")]
    {
        config.push_str(&format!("[[unit]]\ncode = \"{code}\"\nemail = [\"{address}@bkn.go.id\"]\n\n"));
    }
    config.push_str(&format!(
        "[mail]\ntransport = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\n\
         from = \"kinerja <kinerja@bkn.go.id>\"\ntimeout = \"2s\"\n\n\
         [[mail.deadline]]\nyear = 2024\nperiod = \"TAHUNAN\"\ndate = \"2030-02-28\"\n"
    ));
    config
}

/// The rows of `status --format json` for a unit.
fn rows<'a>(status: &'a Json, unit: &str) -> Vec<&'a Json> {
    status["rows"].as_array().unwrap().iter().filter(|r| r["unit"] == unit).collect()
}

/// The row of a sheet whose column `col` holds `code`.
fn row_of(range: &Range<Data>, col: usize, code: &str) -> Vec<Data> {
    range.rows().find(|r| r.get(col) == Some(&Data::String(code.into()))).unwrap_or_else(|| panic!("{code}")).to_vec()
}

fn text(value: &str) -> Data {
    Data::String(value.into())
}

#[test]
fn the_same_truth_in_the_ledger_status_the_rekap_and_mail() {
    let smtp = SmtpServer::start(0);
    let mut service = Service::start_with("truth", &config(smtp.port));
    let valid = bytes("kr07_2024_budget_columns.xlsx");
    let step = |folder: &str, name: &str, content: &[u8], count: i64| {
        service.drop_file(folder, name, content);
        service.wait_for_arrivals(name, count, Duration::from_secs(20));
    };
    // KR07: its agreement, a valid report, then one with errors.
    step("KR07", "pk 2024.xlsx", &bytes("kr07_2024_agreement_kode.xlsx"), 1);
    step("KR07", "laporan.xlsx", &valid, 2);
    step("KR07", "laporan revisi.xlsx", &bytes("kr07_2024_review_errors.xlsx"), 3);

    // Blocked, not accepted: its figures, and the last valid version beside them.
    let status = service.status(&["--year", "2024", "--period", "TAHUNAN"]);
    let kr07 = rows(&status, "KR07");
    let report = kr07.iter().find(|r| r["kind"] == "realisasi").unwrap();
    assert_eq!((report["version"].as_i64(), report["outcome"].as_str()), (Some(2), Some("perlu_perbaikan")));
    assert_eq!(report["label"], "perlu perbaikan");
    assert!(report["errors"].as_i64().unwrap() > 0);
    assert_eq!(report["valid_version"], 1);
    let valid_npss = report["valid_npss"].clone();
    assert_eq!(valid_npss, 99.27);

    // KR07's valid report dropped in KR08's folder and in a subfolder of KR06's; KR07 sends its
    // first version again; KR09 sends only a file that is no workbook.
    step("KR08", "laporan kr07.xlsx", &valid, 4);
    std::fs::create_dir_all(service.inbox("KR06").join("arsip")).unwrap();
    step("KR06/arsip", "laporan.xlsx", &bytes("kr07_2024_capaian.xlsx"), 5);
    step("KR07", "laporan lagi.xlsx", &valid, 6);
    step("KR09", "laporan.csv", b"bukan buku kerja", 7);
    // KR01 sends only its agreement, with an error: its report is still missing.
    let kr01 = report_of_kanreg(&bytes("kr07_2024_agreement_target_blank.xlsx"), "I", "Yogyakarta");
    step("KR01", "pk 2024.xlsx", &kr01, 8);
    // Then the same agreement again: a duplicate, shown as its latest file, never as a report.
    step("KR01", "pk 2024 lagi.xlsx", &kr01, 9);
    wait_for("every message", Duration::from_secs(20), || smtp.messages().len() == 9);
    let rekap = service.dir.join("outbox/2024/Rekap Kinerja 2024 TAHUNAN.xlsx");
    assert!(service.stop().success());

    // The ledger: KR07's versions 1, 2, 3, the third pointing to the first's content.
    let conn = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT version, submission_id FROM versions WHERE unit = 'KR07' AND kind = 'realisasi' ORDER BY version",
        )
        .unwrap();
    let versions: Vec<(i64, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(versions.iter().map(|v| v.0).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(versions[2].1, versions[0].1, "version 3 is version 1's content");
    let foreign: i64 =
        conn.query_row("SELECT COUNT(*) FROM versions WHERE unit IN ('KR06', 'KR08')", [], |r| r.get(0)).unwrap();
    assert_eq!(foreign, 0, "another unit's file is refused, never the folder's own");
    // Its scores as the check computed them: each goal's NSS and band on its row of goals, each
    // indicator's capaian and band on its row, the NPSS and perspectives in scores.
    let computed = crate::common::check_fixture("kr07_2024_budget_columns.xlsx");
    let (_, card) = computed.scored.as_ref().unwrap();
    let listed = |sql: &str| -> Vec<(String, Option<String>, Option<String>)> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([versions[0].1], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let row = |code: &str, value: &kinerja::model::Score, band: &str| {
        (code.to_string(), value.value.map(|v| v.to_string()), Some(band.to_string()))
    };
    let goals: Vec<_> = card.goals.iter().map(|g| row(&g.code, &g.nss, &g.band)).collect();
    assert_eq!(listed("SELECT code, nss, band FROM goals WHERE submission_id = ?1 ORDER BY seq"), goals);
    let bands: Vec<_> = card.indicators.iter().map(|i| row(&i.code, &i.capaian, &i.band)).collect();
    assert_eq!(listed("SELECT code, capaian, band FROM indicators WHERE submission_id = ?1 ORDER BY seq"), bands);
    let levels = listed("SELECT level, code, value FROM scores WHERE submission_id = ?1 ORDER BY seq");
    assert_eq!(levels.len(), 1 + card.perspectives.len());
    assert_eq!((levels[0].0.as_str(), levels[0].2.clone()), ("npss", card.npss.value.map(|v| v.to_string())));

    // status: each unit once, under its own code, with the outcome it really has.
    let status = service.status(&["--year", "2024", "--period", "TAHUNAN"]);
    let kr07 = rows(&status, "KR07");
    assert_eq!(kr07.len(), 2, "{kr07:?}");
    let report = kr07.iter().find(|r| r["kind"] == "realisasi").unwrap();
    assert_eq!(
        (report["version"].as_i64(), report["same_as"].as_i64(), report["outcome"].as_str()),
        (Some(3), Some(1), Some("diterima"))
    );
    assert_eq!(report["npss"], valid_npss);
    assert_eq!(report["file"], "laporan lagi.xlsx");
    assert!(report["received"].as_str().unwrap().ends_with(" WIB"));
    let agreement = kr07.iter().find(|r| r["kind"] == "agreement").unwrap();
    assert_eq!((agreement["version"].as_i64(), agreement["npss"].is_null()), (Some(1), true));
    // The agreement is the year's: beside a quarter's report (here none yet) too, as in every
    // period's Rekap.
    let quarter = service.status(&["--year", "2024", "--period", "TW3"]);
    let kr07_tw3: Vec<(Option<&str>, Option<&str>, Option<i64>)> = rows(&quarter, "KR07")
        .iter()
        .map(|r| (r["kind"].as_str(), r["outcome"].as_str(), r["version"].as_i64()))
        .collect();
    assert_eq!(
        kr07_tw3,
        [(Some("agreement"), Some("diterima"), Some(1)), (Some("realisasi"), Some("belum_mengirim"), None)]
    );
    for unit in ["KR06", "KR08", "KR09"] {
        let only = rows(&status, unit);
        assert_eq!(only.len(), 1, "{unit}: {only:?}");
        assert_eq!(only[0]["outcome"], "ditolak", "{unit}");
    }
    assert!(rows(&status, "KR08")[0]["reason"].as_str().unwrap().contains("KR07"));
    assert_eq!(rows(&status, "KR09")[0]["timezone"], "WIT");
    assert_eq!(rows(&status, "BKN")[0]["outcome"], "belum_mengirim");
    // An agreement has a line of its own and never stands in for the report.
    let kr01: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        rows(&status, "KR01").iter().map(|r| (r["kind"].as_str(), r["outcome"].as_str(), r["file"].as_str())).collect();
    assert_eq!(
        kr01,
        [
            (Some("agreement"), Some("perlu_perbaikan"), Some("pk 2024.xlsx")),
            (None, Some("duplikat"), Some("pk 2024 lagi.xlsx")),
            (Some("realisasi"), Some("belum_mengirim"), None)
        ]
    );

    // The Rekap, every sheet.
    let mut book = open_workbook_auto(&rekap).unwrap();
    let summary = book.worksheet_range("Ringkasan").unwrap();
    let kr07 = row_of(&summary, 1, "KR07");
    assert_eq!((kr07[0].clone(), kr07[11].clone()), (Data::Float(1.0), Data::Float(99.27)));
    assert_eq!((kr07[13].clone(), kr07[14].clone()), (text("diterima"), Data::Float(3.0)));
    for unit in ["KR06", "KR08", "KR09"] {
        let line = row_of(&summary, 1, unit);
        assert_eq!((line[0].clone(), line[13].clone()), (Data::Empty, text("ditolak")), "{unit}");
    }
    assert_eq!(row_of(&summary, 1, "KR01")[13], text("belum mengirim"));
    assert_eq!(row_of(&summary, 1, "KR02")[13], text("belum mengirim"));
    // BKN apart, below a line that says so, and not ranked.
    let apart = summary.rows().position(|r| r[0].to_string().starts_with("BKN (")).unwrap();
    assert_eq!(summary.rows().nth(apart + 1).unwrap()[1], text("BKN"));

    let sent = book.worksheet_range("Status Pengiriman").unwrap();
    let kr07 = row_of(&sent, 0, "KR07");
    assert_eq!(kr07[2..5], [text("diterima"), Data::Float(3.0), Data::Float(1.0)]);
    assert_eq!(kr07[11], Data::Float(99.27));
    assert_eq!(kr07[13], text("versi 1"));
    let kr08 = row_of(&sent, 0, "KR08");
    assert_eq!(kr08[2], text("ditolak"));
    assert!(kr08[14].to_string().contains("KR07"), "{kr08:?}");
    assert_eq!(row_of(&sent, 0, "BKN")[2], text("belum mengirim"));
    // A refusal standing in place of a report: the submission id `status` gives it too.
    let kr09 = row_of(&sent, 0, "KR09");
    let refused = rows(&status, "KR09")[0]["submission"].as_f64().expect("an unreadable file's submission");
    assert_eq!(
        (kr09[2].clone(), kr09[5].clone(), kr09[7].clone()),
        (text("ditolak"), Data::Float(refused), text("laporan.csv"))
    );
    let kr01 = row_of(&sent, 0, "KR01");
    // Its agreement governs nothing while blocked, and the column says so; the duplicate of it
    // is its latest file, not a report's (no file beside "belum mengirim", as in `status`).
    assert_eq!((kr01[2].clone(), kr01[13].clone()), (text("belum mengirim"), text("versi 1, perlu perbaikan")));
    assert_eq!((kr01[6].clone(), kr01[7].clone(), kr01[8].clone()), (Data::Empty, Data::Empty, Data::Empty));
    assert!(kr01[14].to_string().starts_with("duplikat: pk 2024 lagi.xlsx ("), "{kr01:?}");

    let indicators = book.worksheet_range("Capaian IKU").unwrap();
    let kr07: Vec<Vec<Data>> = indicators.rows().filter(|r| r[0] == text("KR07")).map(|r| r.to_vec()).collect();
    assert_eq!(kr07.len(), 14);
    assert!(kr07.iter().all(|r| r[11] == text("diterima") && r[12] == Data::Float(3.0)));
    assert_eq!(row_of(&indicators, 0, "KR08")[11], text("ditolak"));
    let budget = book.worksheet_range("Anggaran").unwrap();
    assert!(budget.rows().filter(|r| r[0] == text("KR07")).all(|r| r[9] == text("diterima")));
    assert_eq!(row_of(&budget, 0, "KR09")[9], text("ditolak"));
    // The version that counts has no error: no error is listed.
    let findings = book.worksheet_range("Temuan").unwrap();
    assert!(findings.rows().skip(1).all(|r| r[4] != text("kesalahan")));
    let trend = book.worksheet_range("Tren").unwrap();
    assert_eq!(row_of(&trend, 0, "KR07")[1], Data::Float(99.27));

    // Every message names the same outcome.
    let messages = smtp.messages();
    let subjects = |address: &str| -> Vec<String> {
        messages
            .iter()
            .filter(|m| m.recipients == [address])
            .map(|m| {
                // A long header is folded onto the lines that follow, each starting with a space.
                let unfolded = m.data.replace("\r\n ", " ").replace("\n ", " ");
                unfolded.lines().find(|l| l.starts_with("Subject: ")).unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(
        subjects("kr07@bkn.go.id"),
        [
            "Subject: [kinerja] KR07 Perjanjian Kinerja 2024: diterima (versi 1)",
            "Subject: [kinerja] KR07 TAHUNAN 2024: diterima (versi 1)",
            "Subject: [kinerja] KR07 TAHUNAN 2024: perlu perbaikan (versi 2, 14 kesalahan)",
            "Subject: [kinerja] KR07 TAHUNAN 2024: diterima (versi 3 = versi 1)",
        ]
    );
    // The correction asked for: what to do, by when, and what changed from version 1.
    let blocked = messages.iter().find(|m| m.data.contains("perlu perbaikan (versi 2")).unwrap();
    let text = plain(&blocked.data);
    assert!(text.contains("\nBatas waktu laporan TAHUNAN 2024: 28 Februari 2030.\n"), "{text}");
    assert!(text.contains("\nPerubahan dari versi sebelumnya:\n  - "), "{text}");
    let agreement = messages.iter().find(|m| m.data.contains("Perjanjian Kinerja 2024: diterima")).unwrap();
    assert!(agreement.data.contains("IKU.1") && !agreement.data.contains("NPSS"), "{}", agreement.data);
    for unit in ["kr06", "kr08", "kr09"] {
        let notice = subjects(&format!("{unit}@bkn.go.id"));
        assert_eq!(notice.len(), 1);
        assert!(notice[0].contains(": ditolak "), "{notice:?}");
    }
}
