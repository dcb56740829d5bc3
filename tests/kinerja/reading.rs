//! Reading findings: cells, identity, claims, and files that are not workbooks at all.

use crate::common::*;
use kinerja::ingest::Overrides;
use kinerja::model::{Code, Kind, Period, Severity, Value};

#[test]
fn claims_that_differ_are_pointed_at_their_cells() {
    // IKU.4 realisasi 91.26 (the prose figure, 000 L1092) while the sheet still prints 100.18,
    // and a title NPSS of 98.74.
    let outcome = check_fixture("bkn_2023_wrong_claims.xlsx");
    assert_eq!(outcome.exit_code(), 1);
    assert_eq!(places(&outcome, Code::ClaimCapaian), ["Tabel 3.1!D11"]);
    assert_eq!(places(&outcome, Code::ClaimNss), ["Tabel 3.1!F9"]);
    assert_eq!(places(&outcome, Code::ClaimSkor), ["Tabel 3.1!H8"]);
    assert_eq!(places(&outcome, Code::ClaimNkp), ["Tabel 3.1!I8"]);
    let npss = findings(&outcome, Code::ClaimNpss);
    assert_eq!((npss[0].found.as_str(), npss[0].expected.as_str()), ("98.74", "98.49"));
    let capaian = findings(&outcome, Code::ClaimCapaian)[0];
    assert_eq!((capaian.subject.as_str(), capaian.expected.as_str()), ("IKU.4", "100.29"));
}

/// Weights printed other than BKN's 25 % each, the NKP beside them computed with 25 %: the
/// printed weights were not read, so nothing said the unit's Bobot column was wrong.
#[test]
fn printed_weights_are_claims_held_to_the_weights_in_force() {
    let outcome = check_fixture("kr07_2024_bobot_uneven.xlsx");
    assert_eq!(places(&outcome, Code::ClaimBobot), ["Tabel 3.1!C3", "Tabel 3.1!C4", "Tabel 3.1!C5", "Tabel 3.1!C6"]);
    let weights = findings(&outcome, Code::ClaimBobot);
    assert_eq!(
        (weights[0].subject.as_str(), weights[0].found.as_str(), weights[0].expected.as_str()),
        ("Stakeholder", "30", "25.00")
    );
    assert!(findings(&outcome, Code::ClaimNkp).is_empty());
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(outcome.exit_code(), 1);
    // A perspective with no score yet prints "-": the others' 33,33 % are the weights in force.
    assert!(findings(&check_fixture("kr07_2024_perspective_na.xlsx"), Code::ClaimBobot).is_empty());
}

#[test]
fn efficiency_table_of_bkn_2023_shows_its_known_discrepancies() {
    // 000 Tabel 3.41 prints capaian per SS that differ from the scorecard's NSS.
    let outcome = check_fixture("bkn_2023_efficiency_per_ss.xlsx");
    let subjects = |code| findings(&outcome, code).iter().map(|f| f.subject.clone()).collect::<Vec<_>>();
    assert_eq!(subjects(Code::ClaimCapaian), ["SS.1", "SS.2", "SS.5", "SS.7"]);
    // Each printed efficiency agrees with the capaian printed beside it: the basis is wrong.
    assert_eq!(subjects(Code::EfficiencyBasis), ["SS.1", "SS.2", "SS.5", "SS.7"]);
    assert!(findings(&outcome, Code::ClaimEfisiensi).is_empty());
    let ss2 = findings(&outcome, Code::EfficiencyBasis)[1];
    assert_eq!((ss2.found.as_str(), ss2.expected.as_str()), ("100.43", "100.75"));
    assert_eq!(ss2.at.as_ref().unwrap().to_string(), "Tabel 3.41!E5");
    // The scorecard itself is clean.
    assert!(findings(&outcome, Code::ClaimNpss).is_empty());
}

#[test]
fn cell_quirks_are_read_or_reported() {
    let outcome = check_fixture("puspenkom_2024_tw3_quirks.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    // Identity from the visible title, not from the hidden list sheet.
    assert_eq!(report.identity.unit.as_deref(), Some("PUSPENKOM"));
    assert_eq!(report.identity.year, Some(2024));
    assert_eq!(report.identity.period, Some(Period::Tw3));
    let ind = |code: &str| report.indicators.iter().find(|i| i.code == code).unwrap();
    assert_eq!(ind("IKU.1").realisasi.value, Value::Number("97.45".parse().unwrap()));
    // `1.203` in a count column that mixes styles: read as a count, reported.
    assert_eq!(ind("IKU.2").target.value, Value::Number("1203".parse().unwrap()));
    // `4,057` in an index: three decimals, reported.
    assert_eq!(ind("IKU.3").realisasi.value, Value::Number("4.057".parse().unwrap()));
    let ambiguous = places(&outcome, Code::NumberAmbiguous);
    assert_eq!(ambiguous, ["Realisasi TW III!G10", "Realisasi TW III!F10", "Realisasi TW III!F12"]);
    assert_eq!(places(&outcome, Code::FormulaError), ["Realisasi TW III!F13"]);
    assert_eq!(places(&outcome, Code::CellDate), ["Realisasi TW III!F16"]);
    assert_eq!(places(&outcome, Code::Provisional), ["Realisasi TW III!F15"]);
    assert_eq!(ind("IKU.7").realisasi.value, Value::NotApplicable);
    assert_eq!(ind("IKU.7").note.as_deref(), Some("Survei IP ASN belum dilaksanakan"));
    // The capaian cells are formulas in a workbook asking to be calculated again on opening
    // (XlsxWriter's): their saved values claim nothing.
    assert!(findings(&outcome, Code::ClaimCapaian).is_empty(), "{:#?}", outcome.findings);
    // Perspectives named in Indonesian map onto the four of the scorecard.
    let names: Vec<&str> = card.perspectives.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Stakeholder", "Customer", "Internal Process", "Learn & Growth"]);
    assert_eq!(card.perspectives[3].score.value, None);
    assert!(card.npss.provisional);
    // The footnotes below the table are not indicators.
    assert_eq!(report.indicators.len(), 7);
    assert_eq!(outcome.exit_code(), 1);
}

/// A workbook written by a program that puts formulas in cells without calculating them asks to
/// be calculated again on opening, and saves 0 as each formula's value (XlsxWriter): IKU 5's
/// realisasi `=100` is not read as 0, nor its capaian and Tabel 3.1's NPSS, formulas too, as
/// claims of 0. Before, IKU 5 scored 0, NPSS 93,02, and the unit was told its Internal Process
/// score, NKP and "NPSS 0" were wrong.
#[test]
fn a_formula_value_never_calculated_is_not_read() {
    let outcome = check_fixture("kr07_2024_formulas_not_calculated.xlsx");
    assert_eq!(error_codes(&outcome), ["FORMULA_UNCALCULATED"], "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::FormulaUncalculated), ["Tabel 3.2!E11"]);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let iku5 = report.indicators.iter().find(|i| i.code == "IKU.5").unwrap();
    assert_eq!(iku5.realisasi.value, Value::Missing);
    assert_eq!(card.npss.value, None);
    // Sent as the next version of the report that printed IKU 5's 100: that realisasi is not
    // told as changed to "(kosong)"; the error at its cell says what it is.
    let given = kinerja::check::Given { agreement: None, previous: check_fixture("kr07_2024_capaian.xlsx").said() };
    let config = kinerja::config::Config::builtin();
    let path = fixture("kr07_2024_formulas_not_calculated.xlsx");
    let next = kinerja::check::check_with(&path, &config, &Overrides::default(), &given);
    assert_eq!(error_codes(&next), ["FORMULA_UNCALCULATED"], "{:#?}", next.findings);
    assert!(findings(&next, Code::Changed).is_empty(), "{:#?}", next.findings);
    // In .ods, such a formula has no value at all (before, an empty cell: IKU 5 N/A, NPSS 99,20).
    let ods = check_fixture("kr07_2024_formulas_not_calculated.ods");
    assert_eq!(error_codes(&ods), ["FORMULA_UNCALCULATED"], "{:#?}", ods.findings);
    assert_eq!(places(&ods, Code::FormulaUncalculated), ["Tabel 3.2!E11"]);
    // A formula shared down from the cell above (`<f t="shared" si="0"/>`), saved without a
    // value, is one too, and a number formula saved with an empty one, whatever the workbook
    // asks: not an empty cell (before, IKU 6 and IKU 7 were "kosong", a warning, and N/A).
    let shared = check_fixture("kr07_2024_formulas_shared_unsaved.xlsx");
    assert_eq!(places(&shared, Code::FormulaUncalculated), ["Tabel 3.2!E11", "Tabel 3.2!E12", "Tabel 3.2!E13"]);
    assert!(findings(&shared, Code::RealisasiMissing).is_empty(), "{:#?}", shared.findings);
}

#[test]
fn agreements_are_recognised_in_both_layouts() {
    let outcome = check_fixture("bkn_2023_agreement.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, _) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.kind, Kind::Agreement);
    assert_eq!(report.indicators.len(), 13);
    let ind = |code: &str| report.indicators.iter().find(|i| i.code == code).unwrap();
    assert_eq!(ind("IKU.10").target.value, Value::Number("3.7".parse().unwrap()));
    assert_eq!(ind("IKU.13").target.value, Value::Opinion("WTP".into()));
    assert_eq!(ind("IKU.9").goal, "SS.7");
    let goal_of_iku8 = report.goals.iter().find(|g| g.code == ind("IKU.8").goal).unwrap();
    assert_eq!(goal_of_iku8.perspective, "Internal Process");
    let goals: Vec<&str> = report.goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(goals, ["SS.1", "SS.2", "SS.3", "SS.4", "SS.5", "SS.6", "SS.7"]);

    let outcome = check_fixture("kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, _) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.kind, Kind::Agreement);
    assert_eq!(report.identity.unit.as_deref(), Some("KR07"));
    let codes: Vec<String> = report.indicators.iter().map(|i| format!("{}/{}", i.goal, i.code)).collect();
    assert_eq!(codes[0], "SS.1/IKU.1");
    assert_eq!(codes[13], "SS.7/IKU.14");
    assert_eq!(report.indicators[13].target.value, Value::Number("100".parse().unwrap()));
}

/// "INDIKATOR SASARAN STRATEGIS" over the PK's indicators, as Renstra documents head them, was
/// read as a second goal column: NO_TABLE. It is the same agreement as headed "INDIKATOR KINERJA
/// UTAMA".
#[test]
fn an_agreement_headed_indikator_sasaran_is_read_as_published() {
    let targets = |name: &str| {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        let report = outcome.scored.unwrap().0;
        report.indicators.into_iter().map(|i| (i.goal, i.code, i.target.value)).collect::<Vec<_>>()
    };
    let published = targets("kr07_2024_agreement_kode.xlsx");
    assert_eq!(published.len(), 14);
    assert_eq!(targets("kr07_2024_agreement_indikator_sasaran.xlsx"), published);
}

/// A PK annex of two columns, "Sasaran Strategis / Indikator Kinerja Utama | Target": no table was
/// found (NO_TABLE), as for any two headings.
#[test]
fn an_agreement_of_a_label_and_a_target_column_is_read() {
    let outcome = check_fixture("kr07_2024_agreement_two_columns.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let report = &outcome.scored.as_ref().unwrap().0;
    assert_eq!(report.kind, Kind::Agreement);
    assert_eq!(report.indicators.len(), 14);
    let (iku3, iku9) = (&report.indicators[2], &report.indicators[8]);
    assert_eq!((iku3.goal.as_str(), &iku3.target.value), ("SS.2", &Value::Number(95.into())));
    assert_eq!((iku9.goal.as_str(), &iku9.target.value), ("SS.7", &Value::Number(84.into())));
}

#[test]
fn missing_identity_is_a_finding_not_a_guess() {
    let outcome = check_fixture("no_identity.xlsx");
    assert_eq!(error_codes(&outcome), ["UNIT_UNKNOWN", "YEAR_UNKNOWN", "PERIOD_UNKNOWN"]);
    let given = Overrides { unit: Some("KR07".into()), year: Some(2024), period: Some(Period::Tw4) };
    let outcome = check_with("no_identity.xlsx", given);
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
    assert_eq!(outcome.unit.as_ref().unwrap().code, "KR07");
}

/// BKN's scorecard with its labels as a copy from a web page or a PDF brings them: no-break
/// spaces, a zero-width space before each goal's code, an indicator's name on a line under its
/// code. "SS.\u{a0}1" was no code: every goal row ROW_UNREAD, seven errors. Read as published.
#[test]
fn labels_with_copied_spaces_read_as_typed_ones() {
    let copied = check_fixture("bkn_2023_scorecard_copied_spaces.xlsx");
    assert_eq!(error_codes(&copied), Vec::<&str>::new(), "{:#?}", copied.findings);
    let published = check_fixture("bkn_2023_scorecard.xlsx");
    let (copied, published) = (&copied.scored.as_ref().unwrap().0, &published.scored.as_ref().unwrap().0);
    assert_eq!((&copied.goals, &copied.indicators), (&published.goals, &published.indicators));
    assert_eq!(
        copied.indicators[2].name,
        "Indeks kepuasan masyarakat terhadap Pembinaan Manajemen ASN yang diselenggarakan BKN"
    );
}

/// Kanreg VII's 2024 report titled "Tahun 2099" was read as the annual report of 2099, exit 0
/// (in the service, filed under a year no Rekap reads). A realisasi report for a period that
/// has not begun is an error naming it and today; the same report given its year reads as ever.
#[test]
fn a_report_for_a_period_not_yet_begun_is_an_error() {
    let outcome = check_fixture("kr07_2099_year_typed.xlsx");
    assert_eq!(error_codes(&outcome), ["PERIOD_NOT_STARTED"], "{:#?}", outcome.findings);
    assert_eq!(findings(&outcome, Code::PeriodNotStarted)[0].found, "TAHUNAN 2099");
    let given = Overrides { year: Some(2024), ..Overrides::default() };
    let outcome = check_with("kr07_2099_year_typed.xlsx", given);
    assert!(!error_codes(&outcome).contains(&"PERIOD_NOT_STARTED"), "{:#?}", outcome.findings);
}

/// A file named for a quarter whose title names only its year was filed as the annual report
/// without a word; the name fills a year and period no title gives.
#[test]
fn the_file_name_states_the_year_and_quarter_too() {
    let annual_title = check_named("kr07_2024_capaian.xlsx", "Capaian Kinerja TW III 2024.xlsx", Overrides::default());
    let mismatch = findings(&annual_title, Code::NameMismatch);
    assert_eq!(mismatch.len(), 1, "{:#?}", annual_title.findings);
    assert_eq!((mismatch[0].found.as_str(), mismatch[0].expected.as_str()), ("TW3", "TAHUNAN"));
    assert!(findings(&annual_title, Code::NameDiffers).is_empty(), "said once: {:#?}", annual_title.findings);
    assert_eq!(annual_title.exit_code(), 1);
    // An annual report named for its fourth quarter, or for its year, agrees.
    for name in ["Laporan TW IV 2024.xlsx", "LKj Kanreg VII 2024.xlsx"] {
        let agrees = check_named("kr07_2024_capaian.xlsx", name, Overrides::default());
        assert_eq!(agrees.exit_code(), 0, "{name}: {:#?}", agrees.findings);
    }
    // A year or a quarter the titles state outright stands over the name's: a file kept under
    // last quarter's (or last year's) name, or last quarter's titles left in this quarter's
    // file. Which, kinerja cannot tell: it says so, a warning the receipt carries (before, not
    // a word).
    for (name, named) in [("Capaian 2023.xlsx", "2023"), ("Capaian TW II 2024.xlsx", "TW2")] {
        let stale = check_named("kr07_2024_tw3_quarter_columns.xlsx", name, Overrides::default());
        let identity = &stale.scored.as_ref().unwrap().0.identity;
        assert_eq!((identity.year, identity.period), (Some(2024), Some(Period::Tw3)), "{name}");
        assert_eq!(stale.exit_code(), 0, "{name}: {:#?}", stale.findings);
        let differs: Vec<(&str, &str)> =
            findings(&stale, Code::NameDiffers).iter().map(|f| (f.found.as_str(), f.expected.as_str())).collect();
        let titled = if named == "2023" { "2024" } else { "TW3" };
        assert_eq!(differs, [(named, titled)], "{name}");
    }

    let unit = Overrides { unit: Some("KR07".into()), ..Overrides::default() };
    let silent_titles = check_named("no_identity.xlsx", "laporan_kinerja_tw3_2024.xlsx", unit);
    let identity = &silent_titles.scored.as_ref().unwrap().0.identity;
    assert_eq!((identity.year, identity.period), (Some(2024), Some(Period::Tw3)));
    let taken: Vec<&str> = findings(&silent_titles, Code::NameIdentity).iter().map(|f| f.found.as_str()).collect();
    assert_eq!(taken, ["TW3 2024"]);
    assert_eq!(silent_titles.exit_code(), 0, "{:#?}", silent_titles.findings);
}

#[test]
fn a_workbook_declaring_another_unit_is_reported() {
    let given = Overrides { unit: Some("KR08".into()), ..Overrides::default() };
    let outcome = check_with("kr07_2024_capaian.xlsx", given);
    let mismatch = findings(&outcome, Code::UnitMismatch);
    assert_eq!((mismatch[0].found.as_str(), mismatch[0].expected.as_str()), ("KR07", "KR08"));
    assert_eq!(outcome.exit_code(), 1);
}

/// Titles of two units over one unit's figures (Kanreg VII's report with Tabel 3.1 titled for
/// Kanreg VIII): read as either unit's, the other's title is an error at its cell, and the
/// workbook is that unit's to correct; read as a third unit's, it is another unit's workbook.
#[test]
fn titles_naming_two_units_leave_who_reports_in_doubt() {
    let file = "kr07_2024_titles_two_units.xlsx";
    for (unit, other, at) in [("KR07", "KR08", "Tabel 3.1!A1"), ("KR08", "KR07", "Tabel 3.2!A1")] {
        let outcome = check_with(file, Overrides { unit: Some(unit.into()), ..Overrides::default() });
        let said: Vec<(&str, &str, String)> = findings(&outcome, Code::UnitContradicted)
            .iter()
            .map(|f| (f.found.as_str(), f.expected.as_str(), f.at.as_ref().map(|a| a.to_string()).unwrap_or_default()))
            .collect();
        assert_eq!(said, [(other, unit, at.to_string())]);
        assert!(findings(&outcome, Code::UnitMismatch).is_empty());
        assert_eq!(outcome.exit_code(), 1);
    }
    let alone = check_fixture(file);
    assert_eq!(findings(&alone, Code::UnitContradicted).len(), 1);
    assert_eq!(alone.exit_code(), 1);
    let third = check_with(file, Overrides { unit: Some("KR09".into()), ..Overrides::default() });
    assert_eq!(findings(&third, Code::UnitMismatch).len(), 1);
    assert!(findings(&third, Code::UnitContradicted).is_empty());
    // The report as published, read as its own unit's, names no other.
    let own = check_with("kr07_2024_capaian.xlsx", Overrides { unit: Some("KR07".into()), ..Overrides::default() });
    assert!(findings(&own, Code::UnitContradicted).is_empty());
}

#[test]
fn files_that_cannot_be_read_get_one_clear_finding() {
    for (name, code) in [
        ("not_a_workbook.xlsx", Code::FileUnreadable),
        ("encrypted.xlsx", Code::FileEncrypted),
        ("empty.xlsx", Code::FileEmpty),
        ("no_table.xlsx", Code::NoTable),
        ("does_not_exist.xlsx", Code::FileUnreadable),
        ("kr07_2024_zipped.zip", Code::FileUnreadable),
        ("lkj_2024.docx", Code::FileUnreadable),
        ("lkj_2024.pdf", Code::FileUnreadable),
        ("lkj_2024.doc", Code::FileUnreadable),
    ] {
        let outcome = check_fixture(name);
        assert_eq!(outcome.exit_code(), 2, "{name}");
        assert_eq!(outcome.findings.len(), 1, "{name}");
        assert_eq!(outcome.findings[0].code, code, "{name}");
        assert_eq!(outcome.findings[0].severity, Severity::Error);
        assert!(outcome.scored.is_none());
    }
}

/// What units send instead of a workbook is named for what it is: workbooks inside a zip
/// archive (what it holds, and to send them themselves), their LKj as a Word document or a PDF;
/// not "a part of the package is missing" or the file's first bytes.
#[test]
fn what_units_send_instead_of_a_workbook_is_named_for_what_it_is() {
    let said = |name: &str| check_fixture(name).findings[0].found.clone();
    assert_eq!(
        said("kr07_2024_zipped.zip"),
        "arsip zip berisi kr07_2024_capaian.xlsx, kr07_2024_agreement_kode.xlsx, bukan buku kerja; \
         kirim buku kerjanya sendiri, satu berkas per laporan"
    );
    let instead = "bukan buku kerja; kirim laporan sebagai buku kerja Excel (.xlsx)";
    assert_eq!(said("lkj_2024.docx"), format!("dokumen Word (.docx), {instead}"));
    assert_eq!(said("lkj_2024.pdf"), format!("berkas PDF, {instead}"));
    assert_eq!(said("lkj_2024.doc"), format!("dokumen Word (.doc), {instead}"));
}

/// A workbook saved with a password is known by what it holds, whatever it is named: as .xls
/// it was "Cfb error: Cannot find Workbook stream".
#[test]
fn a_password_protected_workbook_is_said_to_be_one_by_any_name() {
    let renamed = std::env::temp_dir().join(format!("kinerja-locked-{}.xls", std::process::id()));
    std::fs::copy(fixture("encrypted.xlsx"), &renamed).unwrap();
    let outcome = kinerja::check::check(&renamed, &kinerja::config::Config::builtin(), &Overrides::default());
    std::fs::remove_file(&renamed).unwrap();
    assert_eq!(outcome.findings.iter().map(|f| f.code).collect::<Vec<_>>(), [Code::FileEncrypted]);
}

#[test]
fn a_large_workbook_reads_every_row() {
    let outcome = check_fixture("large_5000_rows.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.indicators.len(), 5000);
    assert_eq!(report.budget.len(), 5000);
    assert_eq!(card.perspectives.len(), 4);
    assert_eq!(report.identity.period, Some(Period::Tw4));
    assert_eq!(error_codes(&outcome), Vec::<&str>::new());
}
