//! The binary: exit statuses, text and JSON output.

use crate::common::fixture;
use serde_json::Value;
use std::process::Command;

fn kinerja(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("the binary runs");
    (output.status.code().unwrap_or(-1), String::from_utf8(output.stdout).expect("UTF-8 output"))
}

pub fn check_json(name: &str, extra: &[&str]) -> (i32, Value) {
    let path = fixture(name);
    let mut args = vec!["check", path.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out) = kinerja(&args);
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

#[test]
fn json_carries_the_documented_fields() {
    let (code, json) = check_json("kr07_2024_capaian.xlsx", &[]);
    assert_eq!(code, 0);
    assert_eq!(json["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["unit"]["code"], "KR07");
    assert_eq!(json["unit"]["name"], "Kantor Regional VII BKN Palembang");
    assert_eq!(json["year"], 2024);
    assert_eq!(json["period"], "TAHUNAN");
    assert_eq!(json["npss"], serde_json::json!(99.27));
    let p = &json["perspectives"][1];
    assert_eq!(
        (p["name"].as_str(), p["score"].as_f64(), p["weight"].as_f64(), p["nkp"].as_f64()),
        (Some("Customer"), Some(101.25), Some(25.0), Some(25.31))
    );
    assert_eq!(p["band"], "Sangat Baik");
    assert_eq!(json["goals"][0]["code"], "SS.1");
    assert_eq!(json["goals"][0]["perspective"], "Stakeholder");
    assert_eq!(json["goals"][0]["nss"], serde_json::json!(100));
    let iku1 = &json["indicators"][0];
    assert_eq!(
        (iku1["code"].as_str(), iku1["goal"].as_str(), iku1["status"].as_str()),
        (Some("IKU.1"), Some("SS.1"), Some("na"))
    );
    assert_eq!(iku1["capaian"], Value::Null);
    assert_eq!(iku1["realisasi"], "N/A");
    assert_eq!(json["indicators"][2]["capaian"], serde_json::json!(104.22));
    assert_eq!(json["indicators"][2]["target"], serde_json::json!(95));
    let finding = &json["findings"][0];
    for key in ["code", "severity", "sheet", "cell", "subject", "found", "expected", "message"] {
        assert!(finding.get(key).is_some(), "finding lacks {key}");
    }
}

#[test]
fn exit_status_follows_the_findings() {
    let (code, json) = check_json("bkn_2023_wrong_claims.xlsx", &[]);
    assert_eq!(code, 1);
    let npss = json["findings"].as_array().unwrap().iter().find(|f| f["code"] == "CLAIM_NPSS").unwrap();
    assert_eq!(
        (npss["sheet"].as_str(), npss["cell"].as_str(), npss["severity"].as_str()),
        (Some("Tabel 3.1"), Some("A2"), Some("error"))
    );
    assert!(npss["message"].as_str().unwrap().contains("NPSS tertulis 98,74"));
    let (code, json) = check_json("encrypted.xlsx", &[]);
    assert_eq!(code, 2);
    assert_eq!(json["findings"][0]["code"], "FILE_ENCRYPTED");
    let (code, json) = check_json("no_identity.xlsx", &["--unit", "kr07", "--year", "2024", "--period", "TW4"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["period"], "TW4");
}

#[test]
fn text_output_is_a_tree_with_findings() {
    let path = fixture("bkn_2023_wrong_claims.xlsx");
    let (code, out) = kinerja(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("Unit     : BKN — Badan Kepegawaian Negara"), "{out}");
    assert!(out.contains("\nCustomer  skor 100,80  bobot 25,00%  NKP 25,20  Sangat Baik\n"), "{out}");
    assert!(out.contains("  SS.2 Terwujudnya pembinaan"), "{out}");
    assert!(out.contains("    IKU.4 Indeks kepuasan masyarakat"), "{out}");
    assert!(
        out.contains(
            "[kesalahan] CLAIM_CAPAIAN Tabel 3.1!D11: Capaian IKU.4 tertulis 100,18, hasil hitung ulang 100,29."
        ),
        "{out}"
    );
}

#[test]
fn bad_arguments_are_refused_clearly() {
    let path = fixture("kr07_2024_capaian.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", path.to_str().unwrap(), "--unit", "NOPE"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown unit code `NOPE`"));
}

#[test]
fn commands_that_read_the_ledger_say_when_there_is_none() {
    let empty = std::env::temp_dir().join(format!("kinerja-no-ledger-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    for args in [&["status"][..], &["rollup", "--year", "2023"], &["consolidate", "--year", "2023"]] {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).current_dir(&empty).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("no ledger at state/ledger.sqlite: nothing has been recorded"), "{args:?}: {said}");
    }
    assert!(!empty.join("state").exists(), "nothing is created by asking");
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn check_against_an_agreement_and_a_previous_version() {
    let agreement = fixture("bkn_2023_agreement_dec2022.xlsx");
    let previous = fixture("bkn_2023_scorecard.xlsx");
    let (code, json) = check_json(
        "bkn_2023_v2_stale_claims.xlsx",
        &["--agreement", agreement.to_str().unwrap(), "--previous", previous.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    let codes: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    for expected in ["TARGET_MISMATCH", "CHANGED", "STALE_CLAIM"] {
        assert!(codes.contains(&expected), "{expected} missing from {codes:?}");
    }
    // A workbook that is not an agreement is refused as one.
    let not_pk = fixture("kr07_2024_capaian.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", previous.to_str().unwrap(), "--agreement", not_pk.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a performance agreement"));
    // Nor does another unit's or year's agreement govern: the report was held to BKN's 2023 PK,
    // every indicator of KR07's 2024 report checked against targets that are not its own.
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", not_pk.to_str().unwrap(), "--agreement", fixture("bkn_2023_agreement.xlsx").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("is the agreement of BKN 2023") && said.contains("the report of KR07 2024"), "{said}");
    assert!(output.stdout.is_empty());
    // An agreement with errors governs nothing, as in the service: it governed here, IKU.9's
    // target "Baik" passed over and the report's own target standing in its place.
    let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", not_pk.to_str().unwrap(), "--agreement"])
        .arg(fixture("kr07_2024_agreement_target_word.xlsx"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("has 1 error finding(s) and governs nothing") && said.contains("QUALITATIVE_UNKNOWN PK!E16"),
        "{said}"
    );
    assert!(output.stdout.is_empty());
    // One whose titles name no unit is the report's unit's, as the unit's folder makes it in the
    // service: it governs.
    let (code, json) = check_json(
        "kr07_2024_capaian.xlsx",
        &["--agreement", fixture("kr07_2024_agreement_untitled.xlsx").to_str().unwrap()],
    );
    assert_eq!((code, json["npss"].as_f64()), (0, Some(99.27)));
    // A file that is not there is said once, and a previous version that cannot be read says why.
    let stderr = |flag: &str, path: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["check", previous.to_str().unwrap(), flag, path])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let missing = stderr("--agreement", "/nonexistent/pk.xlsx");
    assert_eq!(missing.matches("/nonexistent/pk.xlsx").count(), 1, "{missing}");
    assert_eq!(missing.matches("os error 2").count(), 1, "{missing}");
    let empty = stderr("--previous", fixture("empty.xlsx").to_str().unwrap());
    assert!(empty.trim_end().ends_with("cannot be read: Buku kerja tidak berisi data apa pun."), "{empty}");
}

#[test]
fn a_year_or_period_that_the_titles_contradict_is_said() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["check", &fixture("kr07_2024_capaian.xlsx").to_string_lossy(), "--format", "json"])
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["--year", "2023"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("YEAR_MISMATCH"));
    let output = run(&["--period", "TW3"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("PERIOD_MISMATCH"));
    // A year outside 2000–2100 is the command line's mistake.
    assert_eq!(run(&["--year", "24"]).status.code(), Some(2));
}
