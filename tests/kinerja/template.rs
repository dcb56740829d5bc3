//! Templates for units: their structure read back, and a filled template scoring correctly.

use crate::common::*;
use calamine::{Data, Reader, SheetVisible, open_workbook_auto};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::{Kind, Period};
use kinerja::template::{self, Kind as TemplateKind};

#[test]
fn a_filled_template_scores_like_the_published_report() {
    let outcome = check_fixture("template_bkn_2023_filled.xlsx");
    assert_eq!(outcome.findings.len(), 0, "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.identity.unit.as_deref(), Some("BKN"));
    assert_eq!(report.identity.period, Some(Period::Year));
    assert_eq!(shown(&card.npss), "98.47");
    // The budget columns typed for IKU.4 and IKU.7 are read as the IKU's budget lines.
    let lines: Vec<(&str, Option<String>)> =
        card.budget.iter().map(|b| (b.code.as_str(), b.serapan.map(kinerja::model::amount::display2))).collect();
    assert_eq!(lines, [("IKU.4", Some("98.55".into())), ("IKU.7", Some("92.05".into()))]);
}

/// A realisasi typed as a formula by a program that does not calculate (openpyxl) is saved
/// without its value: an error at its cell, never a silent N/A in the NPSS. The template's own
/// capaian formulas, saved the same way, claim nothing and are no error (the filled template
/// above has them too).
#[test]
fn a_formula_saved_without_its_value_is_an_error_where_it_feeds_the_score() {
    let outcome = check_fixture("template_bkn_2023_formula_unsaved.xlsx");
    let errors: Vec<(&str, String)> = outcome
        .findings
        .iter()
        .filter(|f| f.severity == kinerja::model::Severity::Error)
        .map(|f| (f.code.as_str(), f.at.as_ref().map(ToString::to_string).unwrap_or_default()))
        .collect();
    assert_eq!(
        errors,
        [("FORMULA_UNCALCULATED", "Laporan!G10".to_string()), ("FORMULA_UNCALCULATED", "Laporan!F13".to_string())]
    );
    // Not also "Realisasi IKU.3 kosong" or "Target IKU.5 kosong atau nol": the cells are not
    // empty, their values are unknown.
    assert!(
        !outcome.findings.iter().any(|f| f.code == kinerja::model::Code::RealisasiMissing),
        "{:#?}",
        outcome.findings
    );
    assert_eq!(outcome.exit_code(), 1);
}

/// Kanreg VII's blank report template for `year` and `period`, in a folder of its own named by
/// `tag`: the folder and the workbook.
fn kr07_template(tag: &str, year: u16, period: Period) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("kinerja-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = Config::builtin();
    let unit = config.units.get("KR07").unwrap();
    let report = dir.join("laporan.xlsx");
    template::write(
        &report,
        unit,
        year,
        TemplateKind::Realisasi(period),
        &kinerja::config::indicator_set(unit).unwrap(),
    )
    .unwrap();
    (dir, report)
}

/// A template sent back unfilled is no report yet: one error, so that it blocks and the last
/// valid version's NPSS stays the one shown (it was accepted with 14 warnings and NPSS N/A).
#[test]
fn a_template_sent_back_unfilled_is_no_report_yet() {
    let (dir, blank) = kr07_template("template-blank", 2024, Period::Year);
    let outcome = kinerja::check::check(&blank, &Config::builtin(), &Overrides::default());
    let said: Vec<(&str, &str)> = outcome.findings.iter().map(|f| (f.code.as_str(), f.found.as_str())).collect();
    assert_eq!(said, [("REALISASI_EMPTY", "14")]);
    assert_eq!(outcome.exit_code(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn templates_lock_their_labels_and_describe_themselves() {
    let (dir, report) = kr07_template("template", 2025, Period::Tw2);
    let config = Config::builtin();
    let mut book = open_workbook_auto(&report).unwrap();
    assert_eq!(book.sheet_names(), ["Laporan", "Petunjuk", "kinerja"]);
    let hidden: Vec<bool> = book.sheets_metadata().iter().map(|s| s.visible != SheetVisible::Visible).collect();
    assert_eq!(hidden, [false, false, true]);
    let meta = book.worksheet_range("kinerja").unwrap();
    let pairs: Vec<(String, String)> = meta.rows().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    assert_eq!(pairs[0], ("template".into(), "kinerja".into()));
    assert_eq!(pairs[2], ("unit".into(), "KR07".into()));
    assert_eq!(pairs[3], ("tahun".into(), "2025".into()));
    let sheet = book.worksheet_range("Laporan").unwrap();
    assert_eq!(sheet.get_value((1, 1)), Some(&Data::String("Triwulan II".into())));
    let codes: Vec<String> =
        sheet.rows().skip(4).filter_map(|r| r.get(2).map(|c| c.to_string())).filter(|c| c.starts_with("IKU")).collect();
    // The Kantor Regional's own 14 IKU, named for the unit, their targets left to it (from its PK).
    assert_eq!(codes.len(), 14);
    let first = sheet.rows().find(|r| r.get(2) == Some(&Data::String("IKU.1".into()))).unwrap();
    assert!(first[3].to_string().ends_with("di wilayah kerja Kantor Regional VII BKN Palembang"), "{first:?}");
    assert_eq!(first[5], Data::Empty);
    let help = book.worksheet_range("Petunjuk").unwrap();
    assert_eq!(help.get_value((0, 0)), Some(&Data::String("Petunjuk pengisian".into())));
    // Input cells take what the review accepts for the unit of measure: IKM 25–100, a share
    // 0–100, or N/A; a target the unit types, a number in range.
    let mut package = zip::ZipArchive::new(std::fs::File::open(&report).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut package.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut xml).unwrap();
    let ikm_row = 4 + 1 + sheet.rows().skip(4).position(|r| r.get(2) == Some(&Data::String("IKU.3".into()))).unwrap();
    let ikm = format!("AND(ISNUMBER(G{ikm_row}),G{ikm_row}&gt;=25,G{ikm_row}&lt;=100),G{ikm_row}=\"N/A\")");
    assert!(xml.contains(&ikm), "{xml}");
    assert!(
        xml.contains(&format!("<formula1>AND(ISNUMBER(F{ikm_row}),F{ikm_row}&gt;=25,F{ikm_row}&lt;=100)</formula1>")),
        "{xml}"
    );
    // A blank template reads as the unit's report for the period, with nothing yet to score.
    let (read, _) = kinerja::ingest::read(&report, &config.units, &Overrides::default(), &config.limits).unwrap();
    assert_eq!(
        (read.identity.unit.as_deref(), read.identity.year, read.identity.period),
        (Some("KR07"), Some(2025), Some(Period::Tw2))
    );

    let agreement = dir.join("pk.xlsx");
    let bkn = config.units.get("BKN").unwrap();
    template::write(&agreement, bkn, 2025, TemplateKind::Agreement, &kinerja::config::indicator_set(bkn).unwrap())
        .unwrap();
    let (pk, findings) =
        kinerja::ingest::read(&agreement, &config.units, &Overrides::default(), &config.limits).unwrap();
    assert_eq!(pk.kind, Kind::Agreement);
    assert_eq!(pk.indicators.len(), 13);
    assert_eq!(pk.indicators[9].target.value, kinerja::model::Value::Number("3.7".parse().unwrap()));
    let mut book = open_workbook_auto(&agreement).unwrap();
    let help = book.worksheet_range("Petunjuk").unwrap();
    assert_eq!(help.get_value((0, 0)), Some(&Data::String("Petunjuk pengisian Perjanjian Kinerja".into())));
    assert!(findings.iter().all(|f| f.severity != kinerja::model::Severity::Error), "{findings:#?}");
    // A unit of no known family has no set: its template waits for its own agreement.
    assert!(kinerja::config::indicator_set(config.units.get("PUSPENKOM").unwrap()).is_none());
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["template", "--unit", "PUSPENKOM", "--year", "2025", "--out"])
        .arg(dir.join("puspenkom.xlsx"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("PUSPENKOM has no stored agreement for 2025") && said.contains("inbox/PUSPENKOM/"), "{said}");
    assert!(!dir.join("puspenkom.xlsx").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
