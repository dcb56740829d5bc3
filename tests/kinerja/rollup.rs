//! BKN's own figures from its units: 26 unit workbooks built from the BKN 2023 tables (Tabel
//! 3.12, the IKU.4 list, Tabel 3.19–3.20) in three Kanreg layouts and the central units' own
//! numbering, dropped into the inbox; `kinerja rollup`, the Rekap's *Agregat BKN* sheet and BKN's
//! own report held to them.

use crate::common::fixture;
use crate::common::smtp::plain;
use crate::service::{Service, wait_for};
use calamine::{Data, Range, Reader, open_workbook_auto};
use serde_json::Value as Json;
use std::process::Command;
use std::time::Duration;

fn units() -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixture("rollup_2023"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    all.sort();
    all
}

fn rollup(service: &Service) -> Json {
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--config", "kinerja.toml", "rollup", "--year", "2023", "--format", "json"])
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn indicator<'a>(rollup: &'a Json, code: &str) -> &'a Json {
    rollup["indicators"].as_array().unwrap().iter().find(|i| i["code"] == code).unwrap()
}

/// The findings of BKN's report that counts, as (code, cell, expected).
fn bkn_findings(service: &Service) -> Vec<(String, Option<String>, String)> {
    let findings = service.ledger().open_findings(2023, kinerja::model::Period::Year).unwrap();
    findings.into_iter().filter(|f| f.unit == "BKN").map(|f| (f.code, f.cell, f.expected)).collect()
}

fn row_of(range: &Range<Data>, code: &str) -> Vec<Data> {
    range.rows().find(|r| r.first() == Some(&Data::String(code.into()))).unwrap().to_vec()
}

#[test]
fn bkn_2023_rolls_up_from_its_units_as_published() {
    let config = "settle = \"200ms\"\npoll_interval = \"300ms\"\nworkers = 2\n\n\
                  [mail]\nplanners = [\"rekap@bkn.go.id\"]\nplanner_interval = \"0s\"\n";
    let mut service = Service::start_with("rollup", config);
    let units = units();
    assert_eq!(units.len(), 26);
    // Every unit but Kanreg IX, then BKN's agreement and its report.
    let mut count = 0;
    for (unit, bytes) in units.iter().filter(|(u, _)| u != "KR09") {
        service.drop_file(unit, "laporan kinerja 2023.xlsx", bytes);
        count += 1;
    }
    service.wait_for_arrivals("the units' reports", count, Duration::from_secs(60));
    service.drop_file("BKN", "pk 2023.xlsx", &std::fs::read(fixture("bkn_2023_agreement.xlsx")).unwrap());
    service.wait_for_arrivals("BKN's agreement", count + 1, Duration::from_secs(20));
    service.drop_file("BKN", "lkj 2023.xlsx", &std::fs::read(fixture("bkn_2023_scorecard.xlsx")).unwrap());
    service.wait_for_arrivals("BKN's report", count + 2, Duration::from_secs(20));

    // One unit missing: incomplete, named, and no NPSS from the roll-up.
    let partial = rollup(&service);
    for code in ["IKU.3", "IKU.4", "IKU.7"] {
        let rolled = indicator(&partial, code);
        assert_eq!(rolled["status"], "incomplete", "{code}");
        assert_eq!(rolled["missing"], serde_json::json!(["KR09"]), "{code}");
        assert!(rolled["agrees"].is_null(), "{code}");
    }
    assert_eq!(indicator(&partial, "IKU.3")["contributors"].as_array().unwrap().len(), 17);
    assert!(partial["npss"].is_null());
    assert_eq!(partial["npss_status"], "incomplete");
    // BKN's report could not be held to IKU.3, 4 and 7 yet, and says which unit is missing.
    let incomplete: Vec<_> = bkn_findings(&service).into_iter().filter(|f| f.0 == "ROLLUP_INCOMPLETE").collect();
    assert_eq!(incomplete.len(), 3, "{incomplete:?}");
    assert!(incomplete.iter().all(|f| f.2.contains("KR09")), "{incomplete:?}");

    let kr09 = &units.iter().find(|(u, _)| u == "KR09").unwrap().1;
    service.drop_file("KR09", "laporan kinerja 2023.xlsx", kr09);
    service.wait_for_arrivals("Kanreg IX's report", count + 3, Duration::from_secs(20));
    // BKN's report is held to Kanreg IX's too once the Rekap is rebuilt: no finding says it is
    // missing any longer, in the ledger or in the workbook's Temuan.
    wait_for("BKN's report held to every unit's", Duration::from_secs(20), || {
        !bkn_findings(&service).iter().any(|f| f.0 == "ROLLUP_INCOMPLETE")
    });

    // Every unit in: the published values, every contributor listed.
    let full = rollup(&service);
    assert_eq!(
        (full["unit"].as_str(), full["year"].as_i64(), full["period"].as_str()),
        (Some("BKN"), Some(2023), Some("TAHUNAN"))
    );
    for (code, rule, value, contributors) in
        [("IKU.3", "mean", 92.2, 18), ("IKU.4", "mean", 91.16, 24), ("IKU.7", "mean_of_shares", 92.78, 15)]
    {
        let rolled = indicator(&full, code);
        assert_eq!((rolled["rule"].as_str(), rolled["value"].as_f64()), (Some(rule), Some(value)), "{code}");
        assert_eq!((rolled["status"].as_str(), rolled["missing"].as_array().unwrap().len()), (Some("final"), 0));
        let listed = rolled["contributors"].as_array().unwrap();
        assert_eq!(listed.len(), contributors, "{code}");
        assert_eq!(rolled["expected"].as_array().unwrap().len(), contributors, "{code}");
        for c in listed {
            assert_eq!(c["status"], "final", "{code}: {c}");
            assert!(c["submission"].as_i64().is_some() && c["version"] == 1 && c["indicator"].is_string(), "{c}");
        }
        assert_eq!(rolled["agrees"], true, "{code}");
    }
    // Central units feed by the names of their own indicators; Deputi Mutasi's 15 of 20 services.
    let iku3 = indicator(&full, "IKU.3");
    let pusbinjf = iku3["contributors"].as_array().unwrap().iter().find(|c| c["unit"] == "PUSBINJF").unwrap();
    assert_eq!((pusbinjf["indicator"].as_str(), pusbinjf["value"].as_f64()), (Some("IKU.3"), Some(89.53)));
    let iku7 = indicator(&full, "IKU.7");
    let mutasi = iku7["contributors"].as_array().unwrap().iter().find(|c| c["unit"] == "DEPMUTASI").unwrap();
    assert_eq!((mutasi["reported"].as_f64(), mutasi["value"].as_f64()), (Some(15.0), Some(75.0)));
    // BKN's NPSS from the roll-up, against its agreement: the published 98.47.
    assert_eq!((full["targets_from"].as_str(), full["npss"].as_f64()), (Some("agreement"), Some(98.47)));
    assert_eq!(full["npss_status"], "final");
    assert_eq!(indicator(&full, "IKU.3")["capaian"], 101.32);

    // BKN sends a version printing IKU.3 as 92,50: flagged at its cell, naming the value and units.
    let differs = std::fs::read(fixture("bkn_2023_iku3_differs.xlsx")).unwrap();
    service.drop_file("BKN", "lkj 2023 revisi.xlsx", &differs);
    service.wait_for_arrivals("BKN's second version", count + 4, Duration::from_secs(20));
    let mismatch: Vec<_> = bkn_findings(&service).into_iter().filter(|f| f.0 == "ROLLUP_MISMATCH").collect();
    assert_eq!(mismatch.len(), 1, "{mismatch:?}");
    assert_eq!(mismatch[0].1.as_deref(), Some("C10"));
    assert!(mismatch[0].2.starts_with("92,20 (rata-rata 18 unit: DEPBINMEN 93,26;"), "{}", mismatch[0].2);
    // Every one of the 18 units behind the value, to the last.
    let named = mismatch[0].2.split("; ").count();
    assert!(named == 18 && mismatch[0].2.ends_with(')') && mismatch[0].2.contains("KR14 "), "{}", mismatch[0].2);
    let after = rollup(&service);
    assert_eq!(
        (indicator(&after, "IKU.3")["reported"].as_f64(), indicator(&after, "IKU.3")["agrees"].as_bool()),
        (Some(92.5), Some(false))
    );

    // The planners read it in their mail before they open the workbook.
    let said = "  - IKU.3: 92,50 ≠ 92,20 (rata-rata 18 unit: DEPBINMEN 93,26;";
    wait_for("the planners' mail naming the difference", Duration::from_secs(20), || {
        service.files_in("outbox/mail").iter().any(|m| {
            let data = std::fs::read_to_string(m).unwrap_or_default();
            data.contains("rekap@bkn.go.id") && data.contains("text/plain") && plain(&data).contains(said)
        })
    });

    let rekap = service.dir.join("outbox/2023/Rekap Kinerja 2023 TAHUNAN.xlsx");
    assert!(service.stop().success());
    let mut book = open_workbook_auto(&rekap).unwrap();
    let sheet = book.worksheet_range("Agregat BKN").unwrap();
    let iku3 = row_of(&sheet, "IKU.3");
    assert_eq!(iku3[2], Data::String("rata-rata".into()));
    assert_eq!((iku3[3].clone(), iku3[4].clone()), (Data::Float(92.2), Data::String("final".into())));
    assert_eq!((iku3[5].clone(), iku3[6].clone()), (Data::Float(18.0), Data::Float(18.0)));
    assert_eq!((iku3[8].clone(), iku3[9].clone()), (Data::Float(92.5), Data::String("TIDAK".into())));
    assert_eq!(row_of(&sheet, "IKU.4")[3], Data::Float(91.16));
    assert_eq!(row_of(&sheet, "IKU.7")[3], Data::Float(92.78));
    assert_eq!(row_of(&sheet, "NPSS")[2], Data::Float(98.47));
    let kr09 = sheet.rows().find(|r| r.get(1) == Some(&Data::String("KR09".into()))).unwrap();
    assert_eq!((kr09[0].clone(), kr09[3].clone()), (Data::String("IKU.3".into()), Data::Float(82.0)));
}

/// BKN's report, accepted while its units were missing, is blocked once they are all in and its
/// IKU.3 and IKU.4 differ from theirs (Kanreg IX's first report carries Kanreg VII's figures),
/// and accepted again when Kanreg IX corrects it: BKN is told each new result once, and nothing
/// at the rebuilds that leave it as it was, nor after the message answering its report sent again.
#[test]
fn bkn_is_told_when_its_units_reports_change_its_outcome() {
    let service = Service::start_with("rollup-told", "settle = \"200ms\"\npoll_interval = \"300ms\"\nworkers = 2\n");
    service.drop_file("BKN", "lkj 2023.xlsx", &std::fs::read(fixture("bkn_2023_scorecard.xlsx")).unwrap());
    service.wait_for_arrivals("BKN's report", 1, Duration::from_secs(20));
    let units = units();
    let kr07 = &units.iter().find(|(u, _)| u == "KR07").unwrap().1;
    for (unit, bytes) in &units {
        let sent = if unit == "KR09" { crate::common::report_of_kanreg(kr07, "IX", "Jayapura") } else { bytes.clone() };
        service.drop_file(unit, "laporan kinerja 2023.xlsx", &sent);
    }
    let mut count = 1 + units.len() as i64;
    service.wait_for_arrivals("the units' reports", count, Duration::from_secs(60));
    let consolidated = || service.ledger().unconsolidated().unwrap().is_empty();
    wait_for("the Rekap after the last report", Duration::from_secs(20), consolidated);
    let told = || service.mail_subjects().into_iter().filter(|s| s.starts_with("[kinerja] BKN")).collect::<Vec<_>>();
    wait_for("BKN's second message", Duration::from_secs(20), || told().len() == 2);
    assert_eq!(told()[0], "[kinerja] BKN TAHUNAN 2023: diterima (versi 1)");
    assert!(told()[1].starts_with("[kinerja] BKN TAHUNAN 2023: perlu perbaikan (versi 1, "), "{:?}", told());
    let text = service.mail_texts().into_iter().find(|t| t.contains("dicocokkan ulang")).unwrap();
    assert!(text.contains("Realisasi IKU.3 tertulis 92,20") && text.contains("KR09 96,89"), "{text}");
    // Another file, another rebuild: BKN's report is held again, its outcome unchanged, and BKN
    // hears nothing more.
    service.drop_file("KR01", "catatan.txt", b"bukan buku kerja");
    count += 1;
    service.wait_for_arrivals("a refused file", count, Duration::from_secs(20));
    wait_for("the Rekap after the refused file", Duration::from_secs(20), consolidated);
    assert_eq!(told().len(), 2, "{:?}", told());
    // Kanreg IX sends its own figures: the roll-up agrees with BKN again.
    let kr09 = &units.iter().find(|(u, _)| u == "KR09").unwrap().1;
    service.drop_file("KR09", "laporan kinerja 2023 revisi.xlsx", kr09);
    service.wait_for_arrivals("Kanreg IX's correction", count + 1, Duration::from_secs(20));
    wait_for("BKN's third message", Duration::from_secs(20), || told().len() == 3);
    assert_eq!(told()[2], "[kinerja] BKN TAHUNAN 2023: diterima (versi 1)");
    // BKN sends another version, Kanreg IX its wrong figures again, and BKN its first report
    // again: that content counts once more, now blocked, and BKN is told so once, by the
    // message answering the file it sent (before, the rebuild told it again).
    let wrong = std::fs::read(fixture("bkn_2023_wrong_claims.xlsx")).unwrap();
    service.drop_file("BKN", "lkj 2023 revisi.xlsx", &wrong);
    service.wait_for_arrivals("BKN's second version", count + 2, Duration::from_secs(20));
    service.drop_file(
        "KR09",
        "laporan kinerja 2023 lagi.xlsx",
        &crate::common::report_of_kanreg(kr07, "IX", "Jayapura"),
    );
    service.wait_for_arrivals("Kanreg IX's first figures again", count + 3, Duration::from_secs(20));
    wait_for("the Rekap after Kanreg IX's", Duration::from_secs(20), consolidated);
    let first = std::fs::read(fixture("bkn_2023_scorecard.xlsx")).unwrap();
    service.drop_file("BKN", "lkj 2023 lagi.xlsx", &first);
    service.wait_for_arrivals("BKN's first report again", count + 4, Duration::from_secs(20));
    wait_for("the Rekap after BKN's", Duration::from_secs(20), consolidated);
    wait_for("BKN's fifth message", Duration::from_secs(20), || told().len() >= 5);
    assert_eq!(told()[3], "[kinerja] BKN TAHUNAN 2023: perlu perbaikan (versi 2, 6 kesalahan)");
    assert_eq!(told()[4..], ["[kinerja] BKN TAHUNAN 2023: perlu perbaikan (versi 3 = versi 1, 3 kesalahan)"]);
}

/// BKN's agreement with an error governs nothing, as its receipt says: not the review of its
/// reports, and not the targets its roll-up is scored against either.
#[test]
fn a_blocked_agreement_gives_bkn_no_targets() {
    let mut service = Service::start_with("rollup_blocked", "settle = \"200ms\"\npoll_interval = \"300ms\"\n");
    let blocked = std::fs::read(fixture("bkn_2023_agreement_blocked.xlsx")).unwrap();
    service.drop_file("BKN", "pk 2023.xlsx", &blocked);
    service.wait_for_arrivals("BKN's blocked agreement", 1, Duration::from_secs(20));
    service.drop_file("BKN", "lkj 2023.xlsx", &std::fs::read(fixture("bkn_2023_scorecard.xlsx")).unwrap());
    service.wait_for_arrivals("BKN's report", 2, Duration::from_secs(20));

    let blocked_targets = rollup(&service);
    assert_eq!(blocked_targets["targets_from"], "report");
    assert_eq!(indicator(&blocked_targets, "IKU.4")["target"], 91.0);

    // Its valid version governs once it comes.
    let agreement = std::fs::read(fixture("bkn_2023_agreement_dec2022.xlsx")).unwrap();
    service.drop_file("BKN", "pk 2023 perbaikan.xlsx", &agreement);
    service.wait_for_arrivals("BKN's agreement mended", 3, Duration::from_secs(20));
    let mended = rollup(&service);
    assert_eq!(mended["targets_from"], "agreement");
    assert_eq!(indicator(&mended, "IKU.4")["target"], 90.0);
    assert!(service.stop().success());
}
