//! Layouts units use that kinerja once read wrong without a word: each is now read exactly, or
//! an error finding says what could not be read with confidence. Expected values are worked out
//! by hand in tests/fixtures/README.md.

use crate::common::{
    check_as_published, check_clean, check_fixture, check_held_to, check_named, error_codes, findings, places, shown,
};
use kinerja::check::Outcome;
use kinerja::model::{Code, Severity, Value};
use rust_decimal::Decimal;

#[test]
fn fractions_under_a_percent_format_read_as_the_percent_shown() {
    let outcome = check_fixture("kr07_2024_percent_cells.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    let iku7 = report.indicators.iter().find(|i| i.code == "IKU.7").unwrap();
    assert_eq!(iku7.realisasi.value, Value::Number("91.67".parse().unwrap()));
    assert_eq!(shown(&card.npss), "99.27");
    // The printed capaian (fractions too) agree with the recomputed ones.
    assert!(findings(&outcome, Code::ClaimCapaian).is_empty(), "{:#?}", outcome.findings);
    assert_eq!(outcome.exit_code(), 0);
}

#[test]
fn an_npss_at_the_foot_of_the_table_that_differs_from_the_summary_is_a_conflict() {
    let outcome = check_fixture("kr07_2024_npss_foot_row_conflict.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    // The total row is not an indicator.
    assert_eq!(report.indicators.len(), 14);
    assert_eq!(shown(&card.npss), "99.27");
    let conflict = findings(&outcome, Code::ClaimConflict);
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].at.as_ref().unwrap().to_string(), "Tabel 3.2!F23");
    assert!(conflict[0].expected.contains("Tabel 3.1!D7"), "{:?}", conflict[0]);
    assert_eq!(outcome.exit_code(), 1);
}

#[test]
fn an_npss_printed_as_a_label_and_a_value_beside_it_is_checked() {
    let right = check_fixture("bkn_2023_npss_label_value.xlsx");
    assert_eq!(right.scored.as_ref().unwrap().0.npss.as_ref().unwrap().at.to_string(), "Tabel 3.1!B2");
    assert_eq!(right.exit_code(), 0, "{:#?}", right.findings);
    let wrong = check_fixture("bkn_2023_npss_label_value_wrong.xlsx");
    assert_eq!(places(&wrong, Code::ClaimNpss), ["Tabel 3.1!B2"]);
    let claim = findings(&wrong, Code::ClaimNpss)[0];
    assert_eq!((claim.found.as_str(), claim.expected.as_str()), ("98.74", "98.47"));
    // Typed as text, "98,74": the row "NPSS | 98,74" was taken for the top row of the table's
    // header, and the NPSS within a table's header is none printed: unchecked, exit 0.
    let text = check_fixture("bkn_2023_npss_label_text_wrong.xlsx");
    assert_eq!(places(&text, Code::ClaimNpss), ["Tabel 3.1!B2"]);
    assert_eq!(findings(&text, Code::ClaimNpss)[0].found, "98.74");
}

/// The overall score named in a title by the organisation's score (`NKO 98,74`, `Nilai Kinerja
/// Organisasi (NKO): 98,47`) or by its name in full with the short one in parentheses (`Nilai
/// Pencapaian Sasaran Strategis (NPSS) 98,74`) claimed nothing: a wrong one passed, exit 0.
#[test]
fn the_overall_score_named_in_a_title_in_any_form_is_checked() {
    let right = check_fixture("bkn_2023_nko_title.xlsx");
    assert_eq!(right.scored.as_ref().unwrap().0.npss.as_ref().unwrap().at.to_string(), "Tabel 3.1!A2");
    assert_eq!(right.exit_code(), 0, "{:#?}", right.findings);
    for wrong in ["bkn_2023_nko_title_wrong.xlsx", "bkn_2023_npss_title_named_wrong.xlsx"] {
        let wrong = check_fixture(wrong);
        assert_eq!(error_codes(&wrong), ["CLAIM_NPSS"], "{:#?}", wrong.findings);
        let claim = findings(&wrong, Code::ClaimNpss)[0];
        assert_eq!((claim.found.as_str(), claim.expected.as_str()), ("98.74", "98.47"));
        assert_eq!(places(&wrong, Code::ClaimNpss), ["Tabel 3.1!A2"]);
    }
}

/// A year after the overall score's name is the title's year, not a score the unit printed:
/// "Capaian NPSS 2023" claimed an NPSS of 2023 (CLAIM_NPSS), and a title "… (NPSS) TAHUN" with
/// the year in the cell right of it an NPSS of 2024 (CLAIM_CONFLICT beside Tabel 3.1's 99,27):
/// false errors that blocked sound reports. Neither claims anything. A score in the cell right
/// after the year's is the one printed (before: nothing claimed, a wrong one passed).
#[test]
fn a_year_after_the_overall_scores_name_is_no_score() {
    for (name, npss) in [("bkn_2023_npss_title_year.xlsx", "98.47"), ("kr07_2024_npss_title_year_cell.xlsx", "99.27")] {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), npss, "{name}");
    }
    let scored = check_fixture("kr07_2024_npss_title_year_cell_score_wrong.xlsx");
    assert_eq!(error_codes(&scored), ["CLAIM_CONFLICT"]);
    let conflict = findings(&scored, Code::ClaimConflict)[0];
    assert_eq!(conflict.at.as_ref().unwrap().to_string(), "Tabel 3.1!C1");
    assert_eq!(conflict.found, "99.72 di Tabel 3.1!C1");
}

/// Tabel 3.1 on Tabel 3.2's sheet, two blank columns right or left of it. Read as one table the
/// width of the sheet, the summary's header stood in for the indicators' or one of its
/// perspectives claimed another's figures (GOAL_MOVED, CLAIM_SKOR, CLAIM_NKP, INDICATORS_UNREAD,
/// UNIT_UNKNOWN: false errors that blocked sound reports). Each is now read as though on a sheet
/// of its own, the summary's claims still held to kinerja's scores at their own cells.
#[test]
fn a_summary_beside_the_indicator_table_is_a_table_of_its_own() {
    for (name, npss_at) in
        [("kr07_2024_summary_beside.xlsx", "Tabel 3.2!L8"), ("kr07_2024_summary_beside_left.xlsx", "Tabel 3.2!D7")]
    {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        let (report, card) = outcome.scored.as_ref().unwrap();
        assert_eq!(report.indicators.len(), 14, "{name}");
        assert_eq!(shown(&card.npss), "99.27", "{name}");
        let claimed = report.npss.as_ref().expect("the summary NPSS is read");
        assert_eq!(claimed.at.to_string(), npss_at, "{name}");
    }
    let wrong = check_fixture("kr07_2024_summary_beside_claim_wrong.xlsx");
    assert_eq!(error_codes(&wrong), ["CLAIM_NKP"], "{:#?}", wrong.findings);
    assert_eq!(places(&wrong, Code::ClaimNkp), ["Tabel 3.2!L6"]);
}

/// A signature block typed right under Tabel 3.2's last row, its first line the signer's office
/// (no place and date above it): under the realisasi it was a row of the table holding words
/// where a figure stands (ROW_UNREAD, a false error), under the names it went on IKU.14's name
/// (NAME_CONTINUED). The NIP a few lines below, or an office's title ending in a comma, opens
/// the block: the table ends above it.
#[test]
fn a_signature_block_right_under_the_table_opens_with_its_office() {
    let published = check_fixture("kr07_2024_capaian.xlsx");
    let (published, _) = published.scored.as_ref().unwrap();
    for name in ["kr07_2024_signed_under_figures.xlsx", "kr07_2024_signed_under_names.xlsx"] {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        assert!(findings(&outcome, Code::NameContinued).is_empty(), "{name}: {:#?}", outcome.findings);
        let (report, card) = outcome.scored.as_ref().unwrap();
        assert_eq!(report.indicators, published.indicators, "{name}");
        assert_eq!(shown(&card.npss), "99.27", "{name}");
    }
}

#[test]
fn counts_named_like_scores_keep_their_thousands() {
    let outcome = check_fixture("puspenkom_2024_counts_penilaian.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    let number = |code: &str| {
        let row = report.indicators.iter().find(|i| i.code == code).unwrap();
        (row.target.value.clone(), row.realisasi.value.clone())
    };
    let n = |s: &str| Value::Number(s.parse().unwrap());
    assert_eq!(number("IKU.1"), (n("60000"), n("61500")));
    assert_eq!(number("IKU.2"), (n("2892"), n("3037")));
    assert_eq!(number("IKU.3"), (n("85.5"), n("86.45")));
    assert_eq!(shown(&card.npss), "102.43");
    assert!(findings(&outcome, Code::ClaimCapaian).is_empty(), "{:#?}", outcome.findings);
    // Shortened with their word ("60 ribu", "61,5 ribu orang"), the same counts: before, 60 and
    // 61,5, the capaian alike and the Rekap's figures a thousand times too small.
    let words = check_fixture("puspenkom_2024_counts_words.xlsx");
    let (report, _) = words.scored.as_ref().unwrap();
    let iku1 = report.indicators.iter().find(|i| i.code == "IKU.1").unwrap();
    assert_eq!((iku1.target.value.clone(), iku1.realisasi.value.clone()), (n("60000"), n("61500")));
}

#[test]
fn a_capaian_no_report_can_hold_is_an_error_naming_its_inputs() {
    let outcome = check_fixture("bkn_2023_implausible_realisasi.xlsx");
    let uncertain = findings(&outcome, Code::ReadingUncertain);
    assert_eq!(uncertain.len(), 1, "{uncertain:#?}");
    assert_eq!(uncertain[0].at.as_ref().unwrap().to_string(), "Tabel 3.1!C10");
    assert!(uncertain[0].found.contains("Tabel 3.1!B10") && uncertain[0].found.contains("9220"));
    // What rests on it has no score (NPSS 1352,29 before), and the unit's right printed NSS,
    // perspective score, NKP and NPSS are not called wrong against it.
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!(shown(&card.npss), "N/A");
    assert_eq!(error_codes(&outcome), ["READING_UNCERTAIN", "VALUE_OUT_OF_RANGE"]);
    assert_eq!(outcome.exit_code(), 1);
    // A large but real capaian is not an error: the capaian is never capped.
    let published = check_fixture("bkn_2023_scorecard.xlsx");
    assert!(findings(&published, Code::ReadingUncertain).is_empty());
}

#[test]
fn sementara_in_the_keterangan_marks_the_realisasi_provisional() {
    let outcome = check_fixture("kr07_2024_sementara_keterangan.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    let iku7 = report.indicators.iter().find(|i| i.code == "IKU.7").unwrap();
    assert!(iku7.realisasi.provisional);
    assert!(card.npss.provisional);
    assert_eq!(shown(&card.npss), "99.27");
    assert_eq!(places(&outcome, Code::Provisional), ["Tabel 3.2!G13"]);
    // An estimate of the year's end written after the number ("73,05 (prognosa)") is no final
    // figure either.
    let estimated = check_fixture("kr07_2024_realisasi_prognosa.xlsx");
    let (report, card) = estimated.scored.as_ref().unwrap();
    let iku12 = report.indicators.iter().find(|i| i.code == "IKU.12").unwrap();
    assert_eq!((iku12.realisasi.value.clone(), iku12.realisasi.provisional), (n("73.05"), true));
    assert!(card.npss.provisional);
    assert_eq!(shown(&card.npss), "99.27");
    // So is a column of them headed as an estimate, said once at its header; beside the
    // realisasi, such a column is set aside, not compared with it.
    let column = check_fixture("kr07_2024_realisasi_column_prognosa.xlsx");
    assert!(column.scored.as_ref().unwrap().1.npss.provisional);
    assert_eq!(places(&column, Code::Provisional), ["Tabel 3.2!E3"]);
    let beside = check_fixture("kr07_2024_tw3_realisasi_and_prognosa.xlsx");
    let card = &beside.scored.as_ref().unwrap().1;
    assert_eq!((shown(&card.npss), card.npss.provisional), ("99.27".to_string(), false));
    let set_aside = findings(&beside, Code::ColumnsEstimate);
    assert_eq!((set_aside[0].found.as_str(), set_aside[0].expected.as_str()), ("G", "E"));
    assert_eq!(beside.exit_code(), 0, "{:#?}", beside.findings);
}

#[test]
fn the_report_years_columns_are_read_among_several_years() {
    let outcome = check_fixture("kr07_2023_evaluation_years.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.identity.year, Some(2023));
    let iku1 = report.indicators.iter().find(|i| i.code == "IKU.1").unwrap();
    assert_eq!((iku1.target.value.clone(), iku1.realisasi.value.clone()), (n("95"), n("96.9")));
    assert_eq!(shown(&card.npss), "100.88");
    // An excerpt of three IKUs: the Renstra's eleven others are said left out, and nothing else.
    assert_eq!(error_codes(&outcome), ["INDICATOR_MISSING"; 11], "{:#?}", outcome.findings);
    let ignored = findings(&outcome, Code::ColumnsIgnored);
    assert_eq!(ignored.len(), 2);
    assert_eq!(ignored[0].found, "2020, 2021, 2022, 2024");
    // Asked for 2024, which has targets but no realisasi: nothing of another year is scored.
    let given = kinerja::ingest::Overrides { year: Some(2024), ..Default::default() };
    let later = crate::common::check_with("kr07_2023_evaluation_years.xlsx", given);
    let uncertain: Vec<_> = findings(&later, Code::ReadingUncertain).iter().map(|f| f.subject.clone()).collect();
    assert_eq!(uncertain, ["Kolom Realisasi"]);
    assert_eq!(places(&later, Code::ReadingUncertain), ["Evaluasi!A3"]);
    // Its capaian columns, a claim of 2023 only, are left unchecked, not in doubt.
    let unchecked = findings(&later, Code::ColumnsIgnored);
    assert!(unchecked.iter().any(|f| f.subject.starts_with("Capaian") && f.found == "2023"), "{unchecked:#?}");
    assert!(findings(&later, Code::RealisasiEmpty).is_empty(), "said by READING_UNCERTAIN");
    assert_eq!(shown(&later.scored.as_ref().unwrap().1.npss), "N/A");
    assert_eq!(later.exit_code(), 1);
}

/// The same evaluation with its years typed as Excel keeps a typed year, as numbers: the row of
/// years was read as the first row of figures, TARGET and REALISASI of 2020 scored as the report's
/// (NPSS 100,40 for 100,88; ROW_UNREAD at the years, CLAIM_CAPAIAN at IKU.1). A year under a group
/// header heads its column whether typed as text or as a number.
#[test]
fn years_typed_as_numbers_head_their_columns() {
    let text = check_fixture("kr07_2023_evaluation_years.xlsx");
    let numbers = check_fixture("kr07_2023_evaluation_years_as_numbers.xlsx");
    assert_eq!(shown(&numbers.scored.as_ref().unwrap().1.npss), "100.88");
    assert_eq!(indicator_values(&numbers), indicator_values(&text));
    assert_eq!(error_codes(&numbers), error_codes(&text));
    assert_eq!(findings(&numbers, Code::ColumnsIgnored)[0].found, "2020, 2021, 2022, 2024");
}

/// Each indicator's code, target and realisasi as read.
fn indicator_values(outcome: &kinerja::check::Outcome) -> Vec<(String, Value, Value)> {
    let report = &outcome.scored.as_ref().unwrap().0;
    report.indicators.iter().map(|i| (i.code.clone(), i.target.value.clone(), i.realisasi.value.clone())).collect()
}

fn n(text: &str) -> Value {
    Value::Number(text.parse().unwrap())
}

const BKN_2023_GOALS: [&str; 7] = ["SS.1", "SS.2", "SS.3", "SS.4", "SS.5", "SS.6", "SS.7"];

/// BKN 2023 read as its Tabel 3.1: IKU.1 … IKU.13 under `goals`, the published perspective
/// scores and NPSS 98,47, no error.
fn check_as_tabel_3_1(name: &str, goals: &[&str]) -> kinerja::check::Outcome {
    let outcome = check_fixture(name);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let codes: Vec<&str> = report.indicators.iter().map(|i| i.code.as_str()).collect();
    let expected: Vec<String> = (1..=13).map(|n| format!("IKU.{n}")).collect();
    assert_eq!(codes, expected, "{name}");
    assert_eq!(report.goals.iter().map(|g| g.code.as_str()).collect::<Vec<_>>(), goals, "{name}");
    let perspectives: Vec<String> = card.perspectives.iter().map(|p| shown(&p.score)).collect();
    assert_eq!(perspectives, ["97.08", "100.75", "99.72", "96.35"], "{name}");
    assert_eq!(shown(&card.npss), "98.47", "{name}");
    assert_eq!(outcome.exit_code(), 0, "{name}: {:#?}", outcome.findings);
    outcome
}

#[test]
fn codes_in_a_no_column_tell_goal_rows_from_indicator_rows() {
    check_as_tabel_3_1("bkn_2023_codes_in_no_column.xlsx", &BKN_2023_GOALS);
    // Without goal rows, each indicator under the goal BKN's structure gives it.
    check_as_tabel_3_1("bkn_2023_codes_in_no_column_no_goals.xlsx", &BKN_2023_GOALS);
}

#[test]
fn codes_written_with_a_hyphen_are_read() {
    check_as_tabel_3_1("bkn_2023_codes_hyphen.xlsx", &BKN_2023_GOALS);
}

/// Goal rows written "Sasaran Strategis 1: …" were passed over without a word: each
/// perspective's indicators under one made-up goal.
#[test]
fn goal_rows_written_out_are_goals() {
    check_as_tabel_3_1("bkn_2023_goals_written_out.xlsx", &BKN_2023_GOALS);
}

#[test]
fn codes_in_a_kode_column_beside_the_labels_are_read() {
    let outcome = check_as_tabel_3_1("bkn_2023_codes_column.xlsx", &BKN_2023_GOALS);
    let name = &outcome.scored.as_ref().unwrap().0.indicators[0].name;
    assert_eq!(
        name,
        "Persentase instansi pemerintah yang telah menyelenggarakan Tata Kelola Manajemen ASN sesuai NSPK (minimal bernilai A dan B)"
    );
}

/// The scorecard's label column headed "Sasaran Strategis/IKU": no heading said indicator, so no
/// table was found (NO_TABLE).
#[test]
fn a_label_column_headed_ss_iku_is_the_scorecards() {
    check_as_tabel_3_1("bkn_2023_label_headed_ss_iku.xlsx", &BKN_2023_GOALS);
}

/// Headed "Kinerja", with no NKP or NPSS printed: the Stakeholder row under the header was taken
/// for a second header row, the table for a perspective summary of three perspectives (NPSS
/// 98,94, exit 0). Its codes make the column the scorecard's labels.
#[test]
fn a_label_column_headed_otherwise_is_known_by_its_codes() {
    check_as_tabel_3_1("bkn_2023_label_headed_kinerja.xlsx", &BKN_2023_GOALS);
}

/// Tabel 3.2's indicators headed "Uraian" (numbered, no codes) beside Tabel 3.1's perspective
/// scores: the report was scored from the perspectives as printed, without a word on its 14 IKU
/// (accepted, exit 0). With no indicator table read, the unread figures are an error. Beside
/// indicators read, a table of other figures (a sheet of services' counts) is a warning.
#[test]
fn a_report_table_left_unread_is_said() {
    let outcome = check_fixture("kr07_2024_indicators_headed_uraian.xlsx");
    assert_eq!(places(&outcome, Code::IndicatorsUnread), ["Tabel 3.2!A5"]);
    assert_eq!(findings(&outcome, Code::IndicatorsUnread)[0].found, "14");
    assert!(outcome.scored.as_ref().unwrap().0.indicators.is_empty());
    assert_eq!(error_codes(&outcome), ["INDICATORS_UNREAD"]);
    let beside = check_fixture("kr07_2024_table_unread.xlsx");
    assert_eq!(places(&beside, Code::TableUnread), ["Tabel 3.5!B4"]);
    assert_eq!(shown(&beside.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(error_codes(&beside), Vec::<&str>::new());
    assert!(findings(&check_fixture("kr07_2024_capaian.xlsx"), Code::TableUnread).is_empty());
}

/// A row holding a target or realisasi that names no SS or IKU was left out without a word (a
/// table of such rows gave NPSS N/A and no finding at all).
#[test]
fn a_row_of_values_that_names_no_indicator_is_an_error() {
    let lost = check_fixture("bkn_2023_label_without_code.xlsx");
    assert_eq!(places(&lost, Code::RowUnread), ["Tabel 3.1!B14"]);
    let unread = &findings(&lost, Code::RowUnread)[0];
    assert_eq!(unread.found, "Persentase pemenuhan regulasi teknis dan instrumen manajemen ASN");
    assert!(!lost.scored.as_ref().unwrap().0.indicators.iter().any(|i| i.code == "IKU.5"));
    assert!(findings(&lost, Code::IndicatorsNone).is_empty());
    // SS.3, left holding nothing read, is not GOAL_EMPTY as well: the unread row under it says why.
    assert!(findings(&lost, Code::GoalEmpty).is_empty());

    let outline = check_fixture("bkn_2023_outline_no_codes.xlsx");
    let rows = places(&outline, Code::RowUnread);
    assert_eq!(rows.len(), 13, "{rows:?}");
    assert_eq!((rows[0].as_str(), rows[12].as_str()), ("Tabel 3.1!C6", "Tabel 3.1!C27"));
    assert_eq!(places(&outline, Code::IndicatorsNone), ["Tabel 3.1!A3"]);
    assert!(outline.scored.as_ref().unwrap().1.npss.value.is_none());
    assert_eq!(outline.exit_code(), 1);
}

#[test]
fn an_average_row_at_the_foot_of_the_table_is_no_goal() {
    let outcome = check_as_published("kr07_2024_average_row.xlsx");
    let goals: Vec<&str> = outcome.scored.as_ref().unwrap().0.goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(goals, BKN_2023_GOALS);
}

/// A table broken over two sheets is one table: the second was set aside with an information
/// finding, and the indicators on it (NPSS 99,50 of IKU 1-11).
/// A second table printing the first's indicators again is still set aside, and where it prints
/// another realisasi than the table scored, that is an error at its cell: which the unit meant
/// went unsaid, the information finding alone.
#[test]
fn a_table_carried_on_to_a_second_sheet_is_read_whole() {
    let continued = check_as_published("kr07_2024_table_continued.xlsx");
    let report = &continued.scored.as_ref().unwrap().0;
    assert_eq!(report.indicators.len(), 14);
    // Carried on in the middle of SS 7, with no goal or perspective row: still SS 7's.
    let goals: Vec<&str> = report.indicators[11..].iter().map(|i| i.goal.as_str()).collect();
    assert_eq!(goals, ["SS.7", "SS.7", "SS.7"]);
    assert_eq!(report.goals.len(), 7);
    assert_eq!(places(&continued, Code::TableContinued), ["Tabel 3.2 (lanjutan)!A3"]);
    assert_eq!(findings(&continued, Code::TableContinued)[0].expected, "Tabel 3.2!A3");
    let repeated = check_fixture("kr07_2024_second_table_repeats.xlsx");
    assert_eq!(places(&repeated, Code::TableIgnored), ["Tabel 3.3!A3"]);
    assert!(findings(&repeated, Code::TableContinued).is_empty());
    let conflicts = findings(&repeated, Code::TableConflict);
    // Every numeric realisasi but IKU 1's N/A, which the second prints as N/A too.
    assert_eq!(conflicts.len(), 13);
    let iku7 = conflicts.iter().find(|f| f.subject == "Realisasi IKU.7").unwrap();
    assert_eq!(iku7.at.as_ref().unwrap().to_string(), "Tabel 3.3!E13");
    assert_eq!((iku7.found.as_str(), iku7.expected.as_str()), ("90", "91.67 di Tabel 3.2!E13"));
    assert_eq!(shown(&repeated.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(repeated.exit_code(), 1);
}

/// The unit's PK kept on a sheet after its report: where it sets another target than the report
/// prints, that is an error at the PK's cell, as a second table's realisasi is (before: set aside
/// with an information finding, the report scored against a target its own PK contradicts).
/// Whether the PK's table is read as a table of targets or, under a title calling the workbook a
/// report, as a second table of the report. A PK that agrees says nothing; next year's PK kept
/// there is set aside by its year (before: YEAR_MISMATCH, an error), and this year's is not, even
/// where the file's name states another year (before: set aside as that year's).
#[test]
fn a_pk_kept_beside_the_report_holds_the_report_to_its_targets() {
    for fixture in ["kr07_2024_agreement_beside.xlsx", "kr07_2024_agreement_beside_plain_title.xlsx"] {
        let outcome = check_fixture(fixture);
        assert_eq!(error_codes(&outcome), ["TABLE_CONFLICT"], "{fixture}");
        let conflict = findings(&outcome, Code::TableConflict)[0];
        assert_eq!(conflict.at.as_ref().unwrap().to_string(), "PK 2024!E8", "{fixture}");
        let said = (conflict.subject.as_str(), conflict.found.as_str(), conflict.expected.as_str());
        assert_eq!(said, ("Target IKU.3", "90", "95 di Tabel 3.2!D8"), "{fixture}");
        assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "99.27");
    }
    let agrees = check_as_published("kr07_2024_agreement_beside_agrees.xlsx");
    assert_eq!(places(&agrees, Code::TableIgnored), ["PK 2024!A3"]);
    let next =
        check_named("kr07_2024_agreement_beside_next_year.xlsx", "Capaian Kinerja KR07.xlsx", Default::default());
    assert_eq!(error_codes(&next), Vec::<&str>::new(), "{:#?}", next.findings);
    assert_eq!(next.scored.as_ref().unwrap().0.identity.year, Some(2024));
    let aside: Vec<(&str, &str)> =
        findings(&next, Code::PeriodSheetsIgnored).iter().map(|f| (f.subject.as_str(), f.found.as_str())).collect();
    assert_eq!(aside, [("2025", "PK 2025")]);
    // A file named for another year than its titles and its PK's: the PK is the report's year's
    // still, its targets held to the report's (the name's year is said).
    let misnamed = check_named("kr07_2024_agreement_beside.xlsx", "Capaian Kinerja KR07 2025.xlsx", Default::default());
    assert_eq!(error_codes(&misnamed), ["TABLE_CONFLICT"], "{:#?}", misnamed.findings);
    assert_eq!(findings(&misnamed, Code::NameDiffers).len(), 1);
}

/// A header printed again right under a perspective row (a table pasted page by page): the goals
/// below it stood under the perspective of the goal above the row, each a GOAL_MOVED (an error)
/// that the unit never made.
#[test]
fn a_header_repeated_under_a_perspective_row_carries_on_under_that_perspective() {
    let outcome = check_as_published("kr07_2024_header_repeated.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    let placed: Vec<(&str, &str)> = report.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
    assert_eq!(
        placed[2..6],
        [
            ("SS.3", "Internal Process"),
            ("SS.4", "Internal Process"),
            ("SS.5", "Internal Process"),
            ("SS.6", "Internal Process")
        ]
    );
    assert_eq!(places(&outcome, Code::TableContinued), ["Tabel 3.2!A11"]);
}

/// A code in a label cell with the name beside it, in the unheaded half of a header merged over
/// both: goals and indicators were nameless, and measured by nothing. Likewise with a blank
/// column between the code and the name under that header (before, every indicator nameless
/// without a word, an index measured by nothing).
#[test]
fn a_name_printed_beside_its_code_is_the_name() {
    for fixture in ["kr07_2024_codes_beside_names.xlsx", "kr07_2024_codes_beside_names_spaced.xlsx"] {
        let outcome = check_as_published(fixture);
        let report = &outcome.scored.as_ref().unwrap().0;
        assert!(report.indicators[0].name.starts_with("Persentase Instansi Pemerintah yang telah"), "{fixture}");
        assert_eq!(report.indicators[0].measure, kinerja::model::Measure::Percent);
        assert_eq!(report.indicators[2].measure, kinerja::model::Measure::Index, "{fixture}");
        assert!(report.goals[0].name.starts_with("Terwujudnya instansi pemerintah"));
        let named =
            report.indicators.iter().all(|i| !i.name.is_empty()) && report.goals.iter().all(|g| !g.name.is_empty());
        assert!(named, "{fixture}");
    }
}

/// A target column of the binding PK beside the Renstra's is the one read: the first column was,
/// against the Renstra.
#[test]
fn the_pks_target_is_read_beside_the_renstras() {
    let outcome = check_as_published("kr07_2024_targets_renstra_pk.xlsx");
    let outranked = findings(&outcome, Code::ColumnsOutranked);
    let said: Vec<_> = outranked.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("Target (Tabel 3.2)", "Renstra (D)", "E (PK)")]);
    assert_eq!(places(&outcome, Code::ColumnsOutranked), ["Tabel 3.2!A3"]);
    let iku1 = &outcome.scored.as_ref().unwrap().0.indicators[0];
    assert_eq!(iku1.target.at.as_ref().unwrap().to_string(), "Tabel 3.2!E5");
}

#[test]
fn an_na_explained_by_its_footnote_needs_no_keterangan() {
    let outcome = check_fixture("kr07_2024_na_footnote.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    let iku1 = report.indicators.iter().find(|i| i.code == "IKU.1").unwrap();
    assert_eq!(iku1.realisasi.value, Value::NotApplicable);
    assert!(iku1.note.as_deref().unwrap().starts_with("Penilaian implementasi NSPK"), "{:?}", iku1.note);
    // The mark points to a footnote; an N/A is not provisional.
    assert!(!iku1.realisasi.provisional && !card.npss.provisional);
    assert!(findings(&outcome, Code::NaUnexplained).is_empty());
    assert!(findings(&outcome, Code::Provisional).is_empty());
    assert_eq!(shown(&card.npss), "99.27");
}

#[test]
fn a_secondary_table_left_from_the_previous_version_is_stale() {
    use kinerja::check::{Given, check, check_with};
    let config = kinerja::config::Config::builtin();
    let fixture = crate::common::fixture;
    let first = check(&fixture("bkn_2023_efficiency_consistent.xlsx"), &config, &Default::default());
    assert_eq!(first.exit_code(), 0, "{:#?}", first.findings);
    let given = Given { agreement: None, previous: first.said() };
    let second = check_with(&fixture("bkn_2023_v2_efficiency_stale.xlsx"), &config, &Default::default(), &given);
    let stale: Vec<(String, String, String, String)> = findings(&second, Code::StaleClaim)
        .iter()
        .map(|f| (f.at.as_ref().unwrap().to_string(), f.subject.clone(), f.found.clone(), f.expected.clone()))
        .collect();
    let row = |at: &str, subject: &str, found: &str, expected: &str| {
        (at.to_string(), subject.to_string(), found.to_string(), expected.to_string())
    };
    assert!(stale.contains(&row("Tabel 3.41!E5", "Efisiensi SS.2", "8.21", "8.26")), "{stale:?}");
    assert!(stale.contains(&row("Tabel 3.41!C5", "SS.2", "100.75", "100.80")), "{stale:?}");
    assert!(findings(&second, Code::EfficiencyBasis).is_empty());
    // The scorecard itself was updated: nothing stale there.
    assert_eq!(shown(&second.scored.as_ref().unwrap().1.npss), "98.49");
    assert!(findings(&second, Code::ClaimNpss).is_empty());
}

#[test]
fn without_an_agreement_the_renstra_structure_places_each_goal() {
    let outcome = check_fixture("kr07_2024_goal_under_wrong_perspective.xlsx");
    let moved = findings(&outcome, Code::GoalMoved);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].subject.as_str(), moved[0].found.as_str(), moved[0].expected.as_str()),
        ("SS.6", "Learn & Growth", "Internal Process")
    );
    // Told as the Renstra's structure's placing, not a PK's: none governs.
    assert!(
        moved[0].message().ends_with(
            "SS.6 dilaporkan di perspektif Learn & Growth, padahal struktur Renstra yang berlaku menempatkannya di perspektif Internal Process; dinilai di perspektif Internal Process."
        ),
        "{}",
        moved[0].message()
    );
    let card = &outcome.scored.as_ref().unwrap().1;
    let scores: Vec<String> = card.perspectives.iter().map(|p| shown(&p.score)).collect();
    assert_eq!(scores, ["100.00", "101.25", "99.12", "96.72"]);
    assert_eq!(shown(&card.npss), "99.27");
    assert_eq!(outcome.exit_code(), 1);
}

#[test]
fn category_shares_add_up_and_follow_their_counts() {
    let published = check_fixture("bkn_2023_nspk_categories.xlsx");
    let share = findings(&published, Code::ClaimShare);
    assert_eq!(share.len(), 1);
    assert_eq!(share[0].at.as_ref().unwrap().to_string(), "Tabel 3.4!C6");
    assert_eq!((share[0].found.as_str(), share[0].expected.as_str()), ("29.51", "19.52"));
    let total = findings(&published, Code::CategoryTotal);
    assert_eq!(total.len(), 1);
    assert_eq!((total[0].found.as_str(), total[0].expected.as_str()), ("100", "109.97"));
    // 278 of 620 printed 44,83 % (44.839 cut, not rounded): within one unit of its last decimal.
    let consistent = check_fixture("bkn_2023_nspk_categories_consistent.xlsx");
    assert_eq!(consistent.exit_code(), 0, "{:#?}", consistent.findings);
}

#[test]
fn without_an_agreement_the_renstra_structure_places_each_indicator() {
    let outcome = check_fixture("kr07_2024_indicator_under_wrong_goal.xlsx");
    let moved = findings(&outcome, Code::IndicatorMoved);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].subject.as_str(), moved[0].found.as_str(), moved[0].expected.as_str()),
        ("IKU.2", "SS.2", "SS.1")
    );
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!(shown(&card.perspectives[0].score), "100.00");
    assert_eq!(shown(&card.npss), "99.27");
}

#[test]
fn without_an_agreement_an_indicator_reported_twice_is_scored_once() {
    let outcome = check_fixture("kr07_2024_indicator_twice.xlsx");
    assert_eq!(places(&outcome, Code::IndicatorDuplicate), ["Tabel 3.2!C12"]);
    assert_eq!(findings(&outcome, Code::IndicatorDuplicate)[0].expected, "Tabel 3.2!C11");
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!(shown(&card.npss), "99.27");
    // The unit's own figures agree with the first row: no claim is off.
    assert!(error_codes(&outcome).iter().all(|c| *c == "INDICATOR_DUPLICATE"), "{:#?}", outcome.findings);
    assert_eq!(outcome.exit_code(), 1);
}

#[test]
fn titles_that_name_another_year_or_quarter_leave_the_report_blocked() {
    let stale = check_fixture("kr07_2024_titles_disagree.xlsx");
    let identity = &stale.scored.as_ref().unwrap().0.identity;
    assert_eq!(identity.year, Some(2023));
    assert_eq!(places(&stale, Code::YearMismatch), ["Tabel 3.1!A1"]);
    let said = &findings(&stale, Code::YearMismatch)[0];
    assert_eq!((said.found.as_str(), said.expected.as_str()), ("2024", "2023"));
    assert_eq!(stale.exit_code(), 1);
    let quarters = check_fixture("kr07_2024_titles_disagree_quarters.xlsx");
    assert_eq!(places(&quarters, Code::PeriodMismatch), ["Tabel 3.1!A1"]);
    let said = &findings(&quarters, Code::PeriodMismatch)[0];
    assert_eq!((said.found.as_str(), said.expected.as_str()), ("TW2", "TW3"));
    // The published layout names 2024 in every title: nothing to say. Nor does a title comparing
    // two years ("Perbandingan NPSS Tahun 2023 dan 2024") name either.
    assert!(findings(&check_fixture("kr07_2024_capaian.xlsx"), Code::YearMismatch).is_empty());
    // A range of quarters whose second numeral stands alone ("Triwulan I s.d. III") is the
    // last's report: its column is read.
    let range = check_fixture("kr07_2024_tw3_quarters_titled_range.xlsx");
    assert_eq!(range.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    assert_eq!(shown(&range.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(error_codes(&range), Vec::<&str>::new());
    let compared = check_fixture("kr07_2024_npss_years_compared.xlsx");
    assert_eq!(compared.scored.as_ref().unwrap().0.identity.year, Some(2024));
    assert_eq!(error_codes(&compared), Vec::<&str>::new());
}

/// A title naming its period by months ("Periode Januari s.d. September Tahun 2024") reports that
/// period: before, "Tahun" made it the annual report, filed and counted as the year's.
#[test]
fn months_in_the_title_name_the_period() {
    let outcome = check_as_published("kr07_2024_months_title.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    // January to June is the second quarter to date or the first semester: the unit is asked.
    let unsure = check_fixture("kr07_2024_months_title_january_june.xlsx");
    assert_eq!(unsure.scored.as_ref().unwrap().0.identity.period, None);
    assert_eq!(error_codes(&unsure), ["PERIOD_UNKNOWN"]);
    assert_eq!(unsure.exit_code(), 1);
}

/// Rows and columns a table hides are read and scored as any other, and said: the unit's printout
/// leaves them out (here last year's IKU 15, hidden rather than deleted, and the Capaian column).
#[test]
fn hidden_rows_and_columns_of_a_table_are_said() {
    let outcome = check_fixture("kr07_2024_hidden_rows.xlsx");
    let hidden = findings(&outcome, Code::HiddenInTable);
    let said: Vec<_> = hidden.iter().map(|f| (f.subject.as_str(), f.found.as_str())).collect();
    assert_eq!(said, [("Tabel 3.2", "baris 22 dan kolom F")]);
    assert_eq!(places(&outcome, Code::HiddenInTable), ["Tabel 3.2!A3"]);
    assert_eq!(hidden[0].severity, kinerja::model::Severity::Warning);
    let (report, _) = outcome.scored.as_ref().unwrap();
    assert!(report.indicators.iter().any(|i| i.code == "IKU.15"));
    assert!(findings(&check_fixture("kr07_2024_capaian.xlsx"), Code::HiddenInTable).is_empty());
}

/// A target or realisasi printed once across the indicators it holds for, merged down over their
/// rows, is each one's: before, the second was blank (TARGET_MISSING, an error).
#[test]
fn a_target_merged_down_over_indicators_is_each_ones() {
    let outcome = check_as_published("kr07_2024_merged_targets.xlsx");
    let (report, _) = outcome.scored.as_ref().unwrap();
    let iku6 = report.indicators.iter().find(|i| i.code == "IKU.6").unwrap();
    assert_eq!((&iku6.target.value, &iku6.realisasi.value), (&Value::Number(100.into()), &Value::Number(100.into())));
    // Said at the cell that prints it, IKU 5's row.
    assert_eq!(iku6.target.at.as_ref().unwrap().to_string(), "Tabel 3.2!D11");
    // Saved as .xls, the same.
    check_as_published("kr07_2024_merged_targets.xls");
}

#[test]
fn a_percentage_kept_as_a_fraction_is_in_doubt() {
    let outcome = check_fixture("kr07_2024_fraction_for_percent.xlsx");
    assert_eq!(places(&outcome, Code::ReadingUncertain), ["Tabel 3.2!E13"]);
    let doubt = &findings(&outcome, Code::ReadingUncertain)[0];
    assert_eq!(doubt.subject, "Realisasi IKU.7");
    assert!(doubt.expected.starts_with("mungkin 91.67 %"), "{}", doubt.expected);
    // What rests on the doubtful value has no score, and the unit's printed figures above it
    // (right for 91,67 %) are not called wrong: before, NPSS 93,30 and three CLAIM_* errors.
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!((shown(&card.indicators[6].capaian), shown(&card.npss)), ("N/A".into(), "N/A".into()));
    assert_eq!(shown(&card.perspectives[0].score), "100.00", "other perspectives are scored");
    assert_eq!(error_codes(&outcome), ["READING_UNCERTAIN"]);
    // The same realisasi written as a percentage is sure.
    assert!(findings(&check_fixture("kr07_2024_percent_cells.xlsx"), Code::ReadingUncertain).is_empty());
    // So is a score out of 100 kept as its hundredth (IKU 9's IP ASN 85,01 as 0,8501): before,
    // capaian 1,01 % and, its capaian left blank, NPSS 95,10 with no error at all.
    let index = check_fixture("kr07_2024_fraction_for_index.xlsx");
    assert_eq!(places(&index, Code::ReadingUncertain), ["Tabel 3.2!E16"]);
    let doubt = &findings(&index, Code::ReadingUncertain)[0];
    assert_eq!(
        (doubt.found.as_str(), doubt.expected.as_str()),
        ("0.8501 terhadap target 84", "mungkin 85.01 yang tersimpan sebagai seperseratusnya (pecahan); tulis 85.01")
    );
    assert_eq!(shown(&index.scored.as_ref().unwrap().1.npss), "N/A");
    assert_eq!(error_codes(&index), ["READING_UNCERTAIN"]);
}

type BudgetLine = (String, Option<Decimal>, Option<Decimal>, Option<Decimal>, Option<Decimal>, Option<Decimal>);

/// Each budget line's code, pagu, realisasi, sisa, serapan and efficiency.
fn budget_lines(outcome: &kinerja::check::Outcome) -> Vec<BudgetLine> {
    let card = &outcome.scored.as_ref().unwrap().1;
    card.budget.iter().map(|l| (l.code.clone(), l.pagu, l.realisasi, l.sisa, l.serapan, l.efisiensi)).collect()
}

/// Budget columns headed in words units use: the realisasi anggaran headed "Serapan" over
/// amounts in rupiah was read as shares of the pagu (its realisasi, sisa and efficiency dropped
/// without a word); 000 Tabel 3.41's group "Persentase Realisasi" over "Kinerja" | "Angg." was
/// two capaian columns (the serapan and efficiency dropped); a budget by RO's realisasi headed
/// "TERPAKAI" was a table left unread; 000's budget views headed "Alokasi | Penyerapan | Sisa |
/// Persentase" and "DIPA | Terserap | Sisa Pagu | Realisasi (%)" lost the overall view
/// (BUDGET_VIEWS). Each reads as the budget headed as published.
#[test]
fn budget_columns_headed_otherwise_are_the_same_budget() {
    let rupiah = check_fixture("kr07_2024_budget_columns.xlsx");
    let serapan = check_fixture("kr07_2024_budget_serapan_in_rupiah.xlsx");
    assert_eq!(budget_lines(&serapan), budget_lines(&rupiah));
    assert_eq!(error_codes(&serapan), error_codes(&rupiah));
    let published = check_fixture("bkn_2023_efficiency_per_ss.xlsx");
    let persentase = check_fixture("bkn_2023_efficiency_headed_otherwise.xlsx");
    assert_eq!(budget_lines(&persentase), budget_lines(&published));
    assert_eq!(places(&persentase, Code::EfficiencyBasis), places(&published, Code::EfficiencyBasis));
    assert_eq!(places(&persentase, Code::EfficiencyBasis).len(), 4);
    let views = check_fixture("bkn_2023_budget_views.xlsx");
    let views_otherwise = check_fixture("bkn_2023_budget_views_headed_otherwise.xlsx");
    assert_eq!(budget_lines(&views_otherwise), budget_lines(&views));
    assert_eq!(error_codes(&views_otherwise), Vec::<&str>::new());
    let terpakai = check_fixture("kr07_2024_budget_per_ro_terpakai.xlsx");
    let ebc954 = budget_lines(&terpakai).into_iter().find(|l| l.0 == "EBC.954").unwrap();
    assert_eq!((ebc954.1, ebc954.2), (Some(Decimal::from(67_500_000)), Some(Decimal::from(60_000_000))));
    assert!(places(&terpakai, Code::BudgetUnread).is_empty());
}

/// A budget per SS headed `Kode SS | Sasaran Strategis | Realisasi | Pagu`: the realisasi, left of
/// the pagu in a table of goals, was taken for each goal's capaian (four CLAIM_CAPAIAN errors
/// against amounts in rupiah, no serapan or efficiency). Amounts of a thousand or more there are
/// money spent.
#[test]
fn a_goals_realisasi_in_rupiah_left_of_its_pagu_is_money_spent() {
    let outcome = check_fixture("kr07_2024_budget_per_ss_realisasi_first.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let lines = budget_lines(&outcome);
    let spent = |code: &str| lines.iter().find(|l| l.0 == code).and_then(|l| l.2);
    assert_eq!(spent("SS.1"), Some(Decimal::from(289_951_706)));
    assert_eq!(spent("TOTAL"), Some(Decimal::from(576_819_796)));
}

/// 000's budget views with headers left blank: the Program view's "Uraian" made its first line
/// (088.WA, figures written as text) a second header row, dropped without a word; Tabel 3.39's
/// "Pagu" left its one row of figures unread without a word. The first is read as published
/// (a row of figures is never a header, as text or as numbers); the second is TABLE_UNREAD.
#[test]
fn budget_views_with_headers_left_blank_are_read_or_said_unread() {
    let views = check_fixture("bkn_2023_budget_views.xlsx");
    let blank = check_fixture("bkn_2023_budget_views_headers_blank.xlsx");
    let without_total: Vec<BudgetLine> = budget_lines(&views).into_iter().filter(|l| l.0 != "TOTAL").collect();
    assert_eq!(budget_lines(&blank), without_total);
    assert!(budget_lines(&blank).iter().any(|l| l.0 == "088.WA"));
    let unread = findings(&blank, Code::TableUnread);
    assert_eq!(
        unread.iter().map(|f| (f.at.as_ref().unwrap().to_string(), f.found.as_str())).collect::<Vec<_>>(),
        [("Tabel 3.39!A3".to_string(), "1")]
    );
    assert_eq!(error_codes(&blank), Vec::<&str>::new());
}

/// Kanreg VII's Tabel 3.2 with its budget columns and a header left blank. The group header
/// "Kinerja" over Target | Realisasi | Capaian: "Indikator Kinerja" beside it was taken for
/// their group, the table read as a budget by SS, its 14 IKU lost and the NPSS taken from
/// Tabel 3.1 without a word (exit 0); read as published now. The indicator column's header:
/// the same silence; INDICATORS_UNREAD now, the NPSS resting on printed scores said.
#[test]
fn a_performance_table_with_a_header_left_blank_is_read_or_refused() {
    let published = check_fixture("kr07_2024_budget_columns.xlsx");
    let group = check_fixture("kr07_2024_budget_columns_group_blank.xlsx");
    assert_eq!(indicator_values(&group).len(), 14);
    assert_eq!(indicator_values(&group), indicator_values(&published));
    assert_eq!(budget_lines(&group), budget_lines(&published));
    assert_eq!(error_codes(&group), error_codes(&published));
    let label = check_fixture("kr07_2024_budget_columns_indicator_blank.xlsx");
    assert_eq!(error_codes(&label), ["INDICATORS_UNREAD"]);
    assert_eq!(places(&label, Code::IndicatorsUnread), ["Tabel 3.2!A6"]);
    assert_eq!(label.exit_code(), 1);
}

/// Kanreg VII's Tabel 3.2 with its budget columns and Tabel 3.1, each with a row numbering its
/// columns under the header, as government tables print them (`(1)` … `(6)=(5)/(4)` …, and 1 …
/// 4 typed as numbers): read as a row of figures, the report was blocked (NPSS N/A; ROW_UNREAD,
/// CLAIM_NPSS and others at the numbers). It is no part of the table: read as published.
#[test]
fn a_row_numbering_the_columns_under_the_header_is_no_part_of_the_table() {
    let published = check_fixture("kr07_2024_budget_columns.xlsx");
    let numbered = check_fixture("kr07_2024_column_numbers.xlsx");
    assert_eq!(indicator_values(&numbered).len(), 14);
    assert_eq!(indicator_values(&numbered), indicator_values(&published));
    assert_eq!(budget_lines(&numbered), budget_lines(&published));
    assert_eq!(shown(&numbered.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!((error_codes(&numbered), numbered.exit_code()), (vec![], 0), "{:#?}", numbered.findings);
    let iku1 = &numbered.scored.as_ref().unwrap().0.indicators[0];
    assert_eq!(iku1.realisasi.at.as_ref().map(ToString::to_string).as_deref(), Some("Tabel 3.2!E7"));
}

#[test]
fn a_name_typed_line_by_line_goes_on_over_the_rows_that_carry_it_on() {
    let published = check_fixture("kr07_2024_capaian.xlsx");
    let broken = check_fixture("kr07_2024_names_broken_over_rows.xlsx");
    assert_eq!(indicator_values(&broken), indicator_values(&published));
    assert_eq!(shown(&broken.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!((error_codes(&broken), broken.exit_code()), (vec![], 0), "{:#?}", broken.findings);
    let names = |outcome: &kinerja::check::Outcome| {
        let report = &outcome.scored.as_ref().unwrap().0;
        let goals = report.goals.iter().map(|g| (g.code.clone(), g.name.clone()));
        goals.chain(report.indicators.iter().map(|i| (i.code.clone(), i.name.clone()))).collect::<Vec<_>>()
    };
    assert_eq!(names(&broken), names(&published));
    // Words with a capital first might have opened an indicator of their own: said, as an info.
    let continued: Vec<String> = broken
        .findings
        .iter()
        .filter(|f| f.code == kinerja::model::Code::NameContinued)
        .map(|f| format!("{} {}", f.at.as_ref().unwrap(), f.subject))
        .collect();
    assert_eq!(continued, ["Tabel 3.2!C9 IKU.3"]);
    // IKU.7's figures on the line going on its name, its number on the first.
    let iku7 = &broken.scored.as_ref().unwrap().0.indicators[6];
    assert_eq!(iku7.realisasi.at.as_ref().map(ToString::to_string).as_deref(), Some("Tabel 3.2!E15"));
    assert_eq!(iku7.at.to_string(), "Tabel 3.2!C14");
    // In capitals, SS.1's second line beside IKU.2 read as a goal of its own (SS.2 by its place:
    // GOAL_DUPLICATE, GOAL_MOVED, INDICATOR_MOVED): the goal's number merged down over the row
    // says it is SS.1's.
    let capitals = check_fixture("kr07_2024_names_broken_over_rows_capitals.xlsx");
    assert_eq!(indicator_values(&capitals), indicator_values(&published));
    assert_eq!((error_codes(&capitals), capitals.exit_code()), (vec![], 0), "{:#?}", capitals.findings);
    let ss1 = &capitals.scored.as_ref().unwrap().0.goals[0];
    assert_eq!(ss1.name, "TERWUJUDNYA INSTANSI PEMERINTAH YANG PROFESIONAL DALAM MENERAPKAN MANAJEMEN ASN");
    // Names unnumbered: an indicator whose figures are left blank is one of its own, not the
    // first line of the next one's name.
    let unnumbered = check_fixture("kr07_2024_unnumbered_figures_left_blank.xlsx");
    let values = indicator_values(&unnumbered);
    assert_eq!(values.len(), 14);
    assert_eq!(values[2], ("IKU.3".to_string(), Value::Missing, Value::Missing));
    assert_eq!(values[3], indicator_values(&published)[3]);
    // One label column: the words of a row of their own go on where they carry on a sentence.
    let tree = check_as_tabel_3_1("bkn_2023_names_broken_over_rows.xlsx", &BKN_2023_GOALS);
    assert_eq!(names(&tree), names(&check_fixture("bkn_2023_scorecard.xlsx")));
}

#[test]
fn amounts_printed_in_thousands_are_read_in_rupiah() {
    let thousands = check_fixture("kr07_2024_budget_in_thousands.xlsx");
    let rupiah = check_fixture("kr07_2024_budget_columns.xlsx");
    let lines = budget_lines;
    assert_eq!(lines(&thousands), lines(&rupiah));
    // Said by a caption above the table ("(dalam ribuan rupiah)") rather than by the header.
    assert_eq!(lines(&check_fixture("kr07_2024_budget_caption_thousands.xlsx")), lines(&rupiah));
    // Said by the cell itself, shortened as units write it ("Rp 30,4 juta", "Rp 0,2 M").
    let words = check_fixture("kr07_2024_budget_words.xlsx");
    assert_eq!(lines(&words), lines(&rupiah));
    assert!(error_codes(&words).is_empty(), "{:#?}", words.findings);
    let iku4 = lines(&thousands).into_iter().find(|l| l.0 == "IKU.4").unwrap();
    assert_eq!(iku4.1.unwrap().to_string(), "30400000");
    assert_eq!(iku4.2.unwrap().normalize().to_string(), "29960485");
    assert!(error_codes(&thousands).is_empty(), "{:#?}", thousands.findings);
    // A sisa claimed with its own word is compared in rupiah, to a unit of its last decimal.
    let sisa = check_fixture("bkn_2023_budget_sisa_words.xlsx");
    assert_eq!(error_codes(&sisa), ["CLAIM_SISA"], "{:#?}", sisa.findings);
    let wrong = &findings(&sisa, Code::ClaimSisa)[0];
    assert_eq!(
        (wrong.at.as_ref().unwrap().to_string(), wrong.found.as_str()),
        ("Tabel 3.40!E3".into(), "9.200.000.000")
    );
    // In thousands with nothing saying so, the amounts read as rupiah: too small for a unit's
    // budget, which is said at the largest (before: Rp 289.971 reached the Rekap without a word).
    let uncaptioned = check_fixture("kr07_2024_budget_thousands_uncaptioned.xlsx");
    let scale = findings(&uncaptioned, Code::BudgetScale);
    let said: Vec<(String, &str)> =
        scale.iter().map(|f| (f.at.as_ref().unwrap().to_string(), f.found.as_str())).collect();
    assert_eq!(said, [("Tabel 3.2!G6".to_string(), "289.971")]);
    assert!(scale[0].message_in(kinerja::model::Language::Id).contains("hanya Rp 289.971,"));
    for sound in [&thousands, &rupiah, &words] {
        assert!(findings(sound, Code::BudgetScale).is_empty());
    }
}

/// A percentage in a column of rupiah (the serapan typed where the money spent belongs, as text or
/// under a percentage format) is no amount: read as rupiah, it was Rp 98,55 spent, serapan 0 %
/// and efisiensi 20 "baik", exit 0.
#[test]
fn a_percentage_where_rupiah_belong_is_no_amount() {
    let outcome = check_fixture("kr07_2024_budget_percent_for_amount.xlsx");
    assert_eq!(error_codes(&outcome), ["AMOUNT_AS_PERCENT", "AMOUNT_AS_PERCENT"]);
    assert_eq!(places(&outcome, Code::AmountAsPercent), ["Tabel 3.2!H10", "Tabel 3.2!H14"]);
    assert!(findings(&outcome, Code::BudgetRealisasiMissing).is_empty());
    let said: Vec<String> =
        findings(&outcome, Code::AmountAsPercent).iter().map(|f| f.message_in(kinerja::model::Language::Id)).collect();
    assert!(said[0].contains("Realisasi anggaran IKU.4 tertulis sebagai persentase, 98,55 %,"), "{}", said[0]);
    assert!(said[1].contains("tertulis sebagai persentase, 92,05 %,"), "{}", said[1]);
    let spent: Vec<(String, Option<Decimal>)> = budget_lines(&outcome)
        .into_iter()
        .filter(|l| ["IKU.4", "IKU.7"].contains(&l.0.as_str()))
        .map(|l| (l.0, l.2))
        .collect();
    assert_eq!(spent, [("IKU.4".to_string(), None), ("IKU.7".to_string(), None)]);
}

/// Money spent typed in millions or thousands beside a pagu in rupiah ("29,96" for Rp 29,96 juta,
/// "184.103" for Rp 184.103.000) is in doubt, not almost nothing spent: read as rupiah, it was
/// serapan 0,00 % and 0,09 % and efisiensi 20 "baik" each, exit 0.
#[test]
fn money_spent_a_thousandth_of_its_pagu_is_in_doubt() {
    let outcome = check_fixture("kr07_2024_budget_spent_in_thousands.xlsx");
    assert_eq!(error_codes(&outcome), ["READING_UNCERTAIN", "READING_UNCERTAIN"]);
    assert_eq!(places(&outcome, Code::ReadingUncertain), ["Tabel 3.2!H10", "Tabel 3.2!H14"]);
    let said: Vec<String> =
        findings(&outcome, Code::ReadingUncertain).iter().map(|f| f.message_in(kinerja::model::Language::Id)).collect();
    assert!(
        said[0].contains("29,96 terhadap pagu Rp 30.400.000 (serapan 0,00 %); mungkin Rp 29.960.000"),
        "{}",
        said[0]
    );
    assert!(said[1].contains("ditulis dalam ribuan rupiah (serapan 92,05 %)"), "{}", said[1]);
    assert!(findings(&outcome, Code::BudgetRealisasiMissing).is_empty());
    let lines = budget_lines(&outcome);
    let line = |code: &str| lines.iter().find(|l| l.0 == code).unwrap().clone();
    let pagu = Some(Decimal::from(30_400_000));
    assert_eq!(line("IKU.4"), ("IKU.4".to_string(), pagu, None, None, None, None));
    assert_eq!(line("IKU.7").2, None);
    let published = budget_lines(&check_fixture("kr07_2024_budget_columns.xlsx"));
    assert_eq!(line("IKU.6"), published.iter().find(|l| l.0 == "IKU.6").unwrap().clone());
}

/// An amount typed with both marks, each before three digits ("Rp29,960.485"), is whole rupiah:
/// every mark separates thousands (PLANS.md §3), and the reading taken is said. Read as
/// Rp 29.960,485 it was serapan 0,10 % and efisiensi 20 "baik", exit 0; a pagu "Rp72.928,000"
/// was Rp 72.928, overspent.
#[test]
fn an_amount_typed_with_both_marks_is_whole_rupiah() {
    let outcome = check_fixture("kr07_2024_budget_marks_mixed.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::NumberAmbiguous), ["Tabel 3.2!H10", "Tabel 3.2!G13"]);
    let said = findings(&outcome, Code::NumberAmbiguous)[0].message_in(kinerja::model::Language::Id);
    assert!(said.contains("\"Rp29,960.485\" dapat dibaca dua cara; dibaca sebagai 29960485."), "{said}");
    assert_eq!(budget_lines(&outcome), budget_lines(&check_fixture("kr07_2024_budget_columns.xlsx")));
    let spent = budget_lines(&outcome).into_iter().find(|l| l.0 == "IKU.4").unwrap();
    assert_eq!(
        (spent.2, spent.4.map(|s| s.round_dp(2))),
        (Some(Decimal::from(29_960_485)), Some(Decimal::new(9855, 2)))
    );
}

/// Indicators numbered within their goal (1.1, 1.2, 2.1, …) are the unit's indicators in order,
/// named without the number: read as 1.1 → IKU.1, 1.2 → IKU.1 again, they were seven
/// INDICATOR_DUPLICATE and a wrong NPSS.
#[test]
fn indicators_numbered_within_their_goal_read_as_the_plain_numbering() {
    let outline = check_fixture("kr07_2024_outline_numbers.xlsx");
    let plain = check_fixture("kr07_2024_capaian.xlsx");
    assert_eq!(error_codes(&outline), Vec::<&str>::new(), "{:#?}", outline.findings);
    let ((report, card), (plain_report, plain_card)) = (outline.scored.unwrap(), plain.scored.unwrap());
    assert_eq!(card, plain_card);
    let named =
        |r: &kinerja::model::Report| r.indicators.iter().map(|i| (i.code.clone(), i.name.clone())).collect::<Vec<_>>();
    assert_eq!(named(&report), named(&plain_report));
}

/// A quarter's report with one realisasi column per quarter scores the report's quarter, not the
/// first column (TW I, a quarter of the figures, was scored without a word: NPSS about 25).
#[test]
fn the_report_quarters_column_is_scored_among_the_quarters() {
    let outcome = check_as_published("kr07_2024_tw3_quarter_columns.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    let set_aside = findings(&outcome, Code::PeriodColumnsIgnored);
    assert_eq!(places(&outcome, Code::PeriodColumnsIgnored), ["Capaian TW!A3"]);
    assert_eq!((set_aside[0].found.as_str(), set_aside[0].expected.as_str()), ("TW1, TW2, TW4", "TW3"));
    // Checked as the annual report, none of the quarters is the year's: nothing is read.
    let overrides = kinerja::ingest::Overrides { period: Some(kinerja::model::Period::Year), ..Default::default() };
    let annual = crate::common::check_with("kr07_2024_tw3_quarter_columns.xlsx", overrides);
    let doubt = findings(&annual, Code::ReadingUncertain);
    assert_eq!(doubt.len(), 1, "{:#?}", annual.findings);
    assert_eq!(doubt[0].found, "ada untuk periode TW1, TW2, TW3, TW4");
    assert_eq!(annual.scored.as_ref().unwrap().1.npss.value, None);
    // Two columns of the report's quarter (TW III and s.d. TW III): the first, and both named.
    let twice = check_fixture("kr07_2024_tw3_quarter_and_cumulative.xlsx");
    assert_eq!(shown(&twice.scored.as_ref().unwrap().1.npss), "99.27");
    let said = findings(&twice, Code::ColumnsTwice);
    let named: Vec<_> = said.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(named, [("Realisasi TW3 (Capaian TW)", "G, H", "G")]);
    assert!(findings(&check_fixture("kr07_2024_tw3_quarter_columns.xlsx"), Code::ColumnsTwice).is_empty());
}

/// The quarters typed under "Realisasi Triwulan" as Excel keeps a typed number, 1 | 2 | 3 | 4:
/// the row was read as the table's first row of figures and TW I's column as the realisasi
/// (NPSS 24,82; ROW_UNREAD and VALUE_OUT_OF_RANGE). They head their quarters as TW I … TW IV do,
/// and so do I | II | III | IV under "Realisasi".
#[test]
fn quarters_typed_as_numbers_or_numbered_head_their_columns() {
    let named = check_fixture("kr07_2024_tw3_quarter_columns.xlsx");
    let numbers = check_as_published("kr07_2024_tw3_quarters_as_numbers.xlsx");
    assert_eq!(indicator_values(&numbers), indicator_values(&named));
    assert_eq!(places(&numbers, Code::PeriodColumnsIgnored), ["Capaian TW!A3"]);
    assert_eq!(findings(&numbers, Code::PeriodColumnsIgnored)[0].found, "TW1, TW2, TW4");
    // Numbered I | II | III | IV under "Realisasi", no word naming them quarters: TW I's column
    // was the realisasi (NPSS 24,82, COLUMNS_DIFFER).
    let numbered = check_as_published("kr07_2024_tw3_quarters_numbered.xlsx");
    assert_eq!(indicator_values(&numbered), indicator_values(&named));
    // So are they in small letters, i | ii | iii | iv (COLUMNS_DIFFER and NPSS 24,82 before).
    let lower = check_as_published("kr07_2024_tw3_quarters_numbered_lower.xlsx");
    assert_eq!(indicator_values(&lower), indicator_values(&named));
}

/// Quarters headed by their months are told apart as quarters headed TW I … TW IV are: by the
/// months ("Juli - September") or the months to date ("s.d. September 2024", each column of the
/// report's year); the first column (January to March) was read without a word.
#[test]
fn the_report_quarters_column_is_told_by_its_months() {
    for (fixture, ignored) in [
        ("kr07_2024_tw3_month_columns.xlsx", "TW1, TW2, TW4"),
        ("kr07_2024_tw3_months_to_date.xlsx", "TW1, TW2, S1, TAHUNAN, TW4"),
    ] {
        let outcome = check_as_published(fixture);
        let set_aside = findings(&outcome, Code::PeriodColumnsIgnored);
        assert_eq!((set_aside[0].found.as_str(), set_aside[0].expected.as_str()), (ignored, "TW3"), "{fixture}");
        assert!(findings(&outcome, Code::ColumnsTwice).is_empty(), "{fixture}");
    }
    // Headed by words that name nothing apart: the first is read, and the score is not trusted.
    let unmarked = check_fixture("kr07_2024_tw3_unmarked_columns.xlsx");
    let differ = findings(&unmarked, Code::ColumnsDiffer);
    assert_eq!(places(&unmarked, Code::ColumnsDiffer), ["Capaian TW!F7"]);
    assert_eq!(differ[0].found, "E7: 25,00 | F7: 50,00 | G7: 100%");
    assert_eq!((differ[0].subject.as_str(), differ[0].expected.as_str()), ("Realisasi (Capaian TW)", "E"));
    assert_eq!(unmarked.exit_code(), 1);
}

/// A pagu printed twice, original beside revised ("Pagu Awal | Pagu Revisi"): the revised one
/// counts, the original is named as set aside, and the budget reads as with the revised alone.
#[test]
fn the_revised_pagu_counts_over_the_original_beside_it() {
    let both = check_fixture("kr07_2024_budget_pagu_revised.xlsx");
    let alone = check_fixture("kr07_2024_budget_columns.xlsx");
    assert_eq!(error_codes(&both), Vec::<&str>::new(), "{:#?}", both.findings);
    assert_eq!(both.scored.as_ref().unwrap().1.budget, alone.scored.as_ref().unwrap().1.budget);
    let set_aside = findings(&both, Code::ColumnsSuperseded);
    let said: Vec<_> = set_aside.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("Pagu (Tabel 3.2)", "G", "H")]);

    // A plain "Target" beside "Target Perubahan" is its original: the revised one counts. Before,
    // the first was read (COLUMNS_DIFFER, five claim errors against the right figures).
    let target = check_as_published("kr07_2024_target_perubahan.xlsx");
    let set_aside = findings(&target, Code::ColumnsSuperseded);
    let said: Vec<_> = set_aside.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("Target (Tabel 3.2)", "D", "E")]);
}

/// "Target | Capaian | Persentase Capaian": the plain Capaian is the value reached. With no column
/// headed Realisasi the table was taken for a Perjanjian Kinerja: NPSS N/A and not one finding.
#[test]
fn a_capaian_beside_its_percentage_is_the_realisasi() {
    let outcome = check_as_published("kr07_2024_capaian_as_realisasi.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    assert_eq!(report.kind, kinerja::model::Kind::Realisasi);
    let iku3 = report.indicators.iter().find(|i| i.code == "IKU.3").unwrap();
    assert_eq!(iku3.realisasi.at.as_ref().unwrap().to_string(), "Tabel 3.2!E8");
    assert_eq!(report.indicators.iter().filter(|i| i.capaian.is_some()).count(), 13, "the percentages are claims");
}

/// Capaian beside targets with no column for the realisasi: a report that cannot be scored, said
/// once at its header, not an agreement and not "every realisasi empty".
#[test]
fn a_report_without_a_realisasi_column_is_said_to_lack_it() {
    let outcome = check_fixture("kr07_2024_realisasi_column_none.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.kind, kinerja::model::Kind::Realisasi);
    assert_eq!(error_codes(&outcome), ["REALISASI_COLUMN_NONE"]);
    assert_eq!(places(&outcome, Code::RealisasiColumnNone), ["Tabel 3.2!A3"]);
    assert_eq!(findings(&outcome, Code::RealisasiColumnNone)[0].found, "Target, Capaian, Keterangan");
    assert!(findings(&outcome, Code::RealisasiMissing).is_empty());
    assert_eq!(outcome.exit_code(), 1);
}

/// A lone target column naming an earlier part of the year ("TARGET TW II" in a report of the
/// third quarter) is not the period's target: it was scored as one, NPSS 97,06 without a word.
/// It is READING_UNCERTAIN at the header and nothing is scored; a target of the year ("TARGET
/// TW IV") stays the target (unit test in ingest::header).
#[test]
fn a_lone_target_of_another_part_of_the_year_is_not_the_periods() {
    let outcome = check_fixture("puspenkom_2025_tw3_target_tw2.xlsx");
    assert_eq!(error_codes(&outcome), ["READING_UNCERTAIN", "TARGET_COLUMN_NONE"]);
    let uncertain = &findings(&outcome, Code::ReadingUncertain)[0];
    assert_eq!(uncertain.at.as_ref().unwrap().to_string(), "Capaian TW III!A3");
    assert_eq!(uncertain.found, "ada untuk periode TW2");
    assert_eq!(outcome.scored.as_ref().unwrap().1.npss.value, None);
}

/// A column headed with another year is that year's, alone or not: last year's realisasi before
/// the year's was read as the year's (14 claims wrong), and a table headed 2023 under a 2024 title
/// was read as 2024 without a word.
#[test]
fn a_column_headed_with_another_year_is_not_the_report_years() {
    let beside = check_as_published("kr07_2024_last_year_beside.xlsx");
    let ignored = findings(&beside, Code::ColumnsIgnored);
    let said: Vec<_> = ignored.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("Realisasi (Tabel 3.2)", "2023", "2024")]);
    let iku3 = beside.scored.as_ref().unwrap().0.indicators.iter().find(|i| i.code == "IKU.3").unwrap().clone();
    assert_eq!(iku3.realisasi.at.unwrap().to_string(), "Tabel 3.2!F8");

    let headed = check_fixture("kr07_2024_headed_last_year.xlsx");
    assert_eq!(error_codes(&headed), ["READING_UNCERTAIN", "READING_UNCERTAIN"]);
    let uncertain = findings(&headed, Code::ReadingUncertain);
    let said: Vec<_> = uncertain.iter().map(|f| f.subject.as_str()).collect();
    assert_eq!(said, ["Kolom Target", "Kolom Realisasi"]);
    assert!(uncertain.iter().all(|f| f.found == "ada untuk tahun 2023"), "{uncertain:#?}");
    assert_eq!(shown(&headed.scored.as_ref().unwrap().1.npss), "N/A");

    // Likewise a realisasi column naming a quarter in an annual report; one ending in December
    // is the year's.
    let quarter = check_fixture("kr07_2024_annual_realisasi_quarter.xlsx");
    assert_eq!(error_codes(&quarter), ["READING_UNCERTAIN"]);
    assert_eq!(findings(&quarter, Code::ReadingUncertain)[0].found, "ada untuk periode TW3");
    assert_eq!(shown(&quarter.scored.as_ref().unwrap().1.npss), "N/A");
}

/// A workbook kept through the year with a sheet per quarter is the latest quarter's report, or
/// the one its name states; the other sheets' tables and titles are not read. Before, the first
/// sheet (TW I) was scored and the other sheets' titles blocked it. A latest sheet holding the
/// very figures of the one before it leaves the quarter in doubt.
#[test]
fn a_sheet_per_quarter_is_read_for_the_reports_quarter() {
    let outcome = check_as_published("kr07_2024_quarter_sheets.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    assert_eq!(report.identity.period, Some(kinerja::model::Period::Tw3));
    let iku3 = report.indicators.iter().find(|i| i.code == "IKU.3").unwrap();
    assert_eq!(iku3.realisasi.at.as_ref().unwrap().to_string(), "TW III!E8");
    let aside = findings(&outcome, Code::PeriodSheetsIgnored);
    let said: Vec<_> = aside.iter().map(|f| (f.subject.as_str(), f.found.as_str())).collect();
    assert_eq!(said, [("TW1", "TW I"), ("TW2", "TW II")]);

    let second = check_named("kr07_2024_quarter_sheets.xlsx", "Capaian Kinerja TW II 2024.xlsx", Default::default());
    let report = &second.scored.as_ref().unwrap().0;
    assert_eq!(report.identity.period, Some(kinerja::model::Period::Tw2));
    let iku3 = report.indicators.iter().find(|i| i.code == "IKU.3").unwrap();
    assert_eq!(
        (iku3.realisasi.value.clone(), iku3.realisasi.at.clone().unwrap().to_string()),
        (n("85"), "TW II!E8".into())
    );
    assert_eq!(error_codes(&second), Vec::<&str>::new(), "{:#?}", second.findings);

    // A sheet prepared for the next quarter, not filled yet, is not the report: the latest
    // filled one is.
    let prepared = check_as_published("kr07_2024_quarter_sheets_next_empty.xlsx");
    assert_eq!(prepared.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    let aside: Vec<String> = findings(&prepared, Code::PeriodSheetsIgnored).iter().map(|f| f.subject.clone()).collect();
    assert_eq!(aside, ["TW1", "TW2", "TW4"]);
    // So is one holding only the N/A copied from the quarter before: it was the TW IV report,
    // every other indicator REALISASI_MISSING, NPSS N/A without an error.
    let copied = check_as_published("kr07_2024_quarter_sheets_next_na.xlsx");
    assert_eq!(copied.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    // And one whose every figure is 0, as formulas over blank cells give: it was the TW IV report,
    // NPSS 0.
    let zeros = check_as_published("kr07_2024_quarter_sheets_next_zeros.xlsx");
    assert_eq!(zeros.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    // A sheet copied whole for the next quarter and retitled, every figure the quarter's before:
    // which quarter is reported cannot be told. The sheet the figures were typed for is read and
    // the report refused (before: the TW IV report with TW III's figures, exit 0), unless the
    // file's name states the quarter.
    let whole = check_fixture("kr07_2024_quarter_sheets_next_copied.xlsx");
    assert_eq!(whole.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    assert_eq!(error_codes(&whole), ["PERIOD_SHEET_COPIED"]);
    let doubt = findings(&whole, Code::PeriodSheetCopied)[0];
    assert_eq!(doubt.at.as_ref().unwrap().to_string(), "TW IV!A3");
    let said = (doubt.subject.as_str(), doubt.found.as_str(), doubt.expected.as_str());
    assert_eq!(said, ("TW IV", "TW III", "TW IV"));
    for (name, period) in [
        ("Capaian TW IV 2024.xlsx", kinerja::model::Period::Tw4),
        ("Capaian TW III 2024.xlsx", kinerja::model::Period::Tw3),
    ] {
        let named = check_named("kr07_2024_quarter_sheets_next_copied.xlsx", name, Default::default());
        assert_eq!(error_codes(&named), Vec::<&str>::new(), "{name}");
        assert_eq!(named.scored.as_ref().unwrap().0.identity.period, Some(period), "{name}");
    }

    // The latest sheet with its realisasi header left blank, its capaian filled: before, passed
    // over for TW II's as not filled yet (NPSS 97,43 of TW II, exit 0); it is the report, and
    // its missing realisasi column is an error.
    let blank = check_fixture("kr07_2024_quarter_sheets_realisasi_blank.xlsx");
    assert_eq!(blank.scored.as_ref().unwrap().0.identity.period, Some(kinerja::model::Period::Tw3));
    assert_eq!(error_codes(&blank), ["REALISASI_COLUMN_NONE"]);
    assert_eq!(places(&blank, Code::RealisasiColumnNone), ["TW III!A3"]);
}

/// A workbook kept from year to year with a sheet per year ("2023", "2024") is the report of the
/// year its name states, else of the latest year filled; another year's table kept for comparison
/// ("Tabel 3.3 … Tahun 2023") is set aside alike, and so is a PK's sheet of another year. Before, the first sheet was scored (the 2023
/// figures as the report, NPSS 93,63) or the second table of last year was TABLE_CONFLICT at
/// each of its realisasi, and its title a YEAR_MISMATCH: a sound report blocked.
#[test]
fn a_sheet_per_year_is_read_for_the_reports_year() {
    let aside = |outcome: &Outcome| -> Vec<(String, String)> {
        findings(outcome, Code::PeriodSheetsIgnored).iter().map(|f| (f.subject.clone(), f.found.clone())).collect()
    };
    let iku3 = |outcome: &Outcome| {
        let report = &outcome.scored.as_ref().unwrap().0;
        let iku3 = report.indicators.iter().find(|i| i.code == "IKU.3").unwrap();
        (report.identity.year, iku3.realisasi.value.clone(), iku3.realisasi.at.clone().unwrap().to_string())
    };
    let latest = check_named("kr07_2024_year_sheets.xlsx", "Capaian Kinerja KR07.xlsx", Default::default());
    assert_eq!(error_codes(&latest), Vec::<&str>::new(), "{:#?}", latest.findings);
    assert_eq!(shown(&latest.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(iku3(&latest), (Some(2024), n("99.01"), "2024!E8".into()));
    assert_eq!(aside(&latest), [("2023".into(), "2023".into())]);

    let named = check_named("kr07_2024_year_sheets.xlsx", "Capaian Kinerja 2023.xlsx", Default::default());
    assert_eq!(error_codes(&named), Vec::<&str>::new(), "{:#?}", named.findings);
    assert_eq!(iku3(&named), (Some(2023), n("90"), "2023!E8".into()));
    assert_eq!(aside(&named), [("2024".into(), "2024".into())]);

    // Sheets named for their years alone, one prepared for the next year: the latest filled.
    let untitled = check_named("kr07_2024_year_sheets_untitled.xlsx", "Capaian Kinerja.xlsx", Default::default());
    assert_eq!(iku3(&untitled), (Some(2024), n("99.01"), "2024!E8".into()));
    let years: Vec<String> = aside(&untitled).into_iter().map(|(year, _)| year).collect();
    assert_eq!(years, ["2022", "2023", "2025"]);

    let compared = check_as_published("kr07_2024_last_year_table.xlsx");
    assert_eq!(iku3(&compared), (Some(2024), n("99.01"), "Tabel 3.2!E8".into()));
    assert_eq!(aside(&compared), [("2023".into(), "Tabel 3.3".into())]);

    // The PK kept so, a sheet per year: the latest year's agreement.
    let agreement =
        check_named("kr07_2024_agreement_year_sheets.xlsx", "Perjanjian Kinerja KR07.xlsx", Default::default());
    assert_eq!(error_codes(&agreement), Vec::<&str>::new(), "{:#?}", agreement.findings);
    let report = &agreement.scored.as_ref().unwrap().0;
    let iku3 = report.indicators.iter().find(|i| i.code == "IKU.3").unwrap();
    assert_eq!((report.identity.year, iku3.target.at.clone().unwrap().to_string()), (Some(2024), "PK 2024!E8".into()));
    assert_eq!(aside(&agreement), [("2023".into(), "PK 2023".into())]);
    // Next year's PK keeping this year's targets is no copy in doubt, as a report's sheet would
    // be: the latest year's agreement, without an error.
    let kept =
        check_named("kr07_2025_agreement_year_sheets_same_targets.xlsx", "Perjanjian Kinerja.xlsx", Default::default());
    assert_eq!(error_codes(&kept), Vec::<&str>::new(), "{:#?}", kept.findings);
    assert_eq!(kept.scored.as_ref().unwrap().0.identity.year, Some(2025));
}

/// Each goal's indicators numbered from 1 again: the numbers are places in the goal, the
/// indicators are IKU.1 … IKU.14 in order. Before, the numbers were codes (IKU.1 under SS.1, SS.2,
/// SS.3 …): eight INDICATOR_DUPLICATE errors and a wrong tree.
#[test]
fn indicators_numbered_within_their_goal_are_read_in_order() {
    let outcome = check_as_published("kr07_2024_numbered_within_goal.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    let codes: Vec<&str> = report.indicators.iter().map(|i| i.code.as_str()).collect();
    let expected: Vec<String> = (1..=14).map(|n| format!("IKU.{n}")).collect();
    assert_eq!(codes, expected);
    let iku3 = &report.indicators[2];
    assert_eq!(
        (iku3.goal.as_str(), iku3.name.as_str()),
        ("SS.2", "Indeks Kepuasan Masyarakat terhadap Pembinaan Manajemen ASN")
    );
    let held = check_held_to("kr07_2024_numbered_within_goal.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
}

/// IKU 9 broken into its dimensions on the rows under it ("a. Dimensi Kualifikasi", "b. …", or
/// "- …"), each with figures of its own: before, the first was IKU.10 by its place, the next two
/// indicators duplicates, and the report blocked with an NPSS of 99,24 from a dimension's figures.
/// They are IKU 9's components, said and not scored; held to the PK, nothing is unknown. Under a
/// No. column numbering the indicators beside goal names printed on each row, the components'
/// blank numbers no longer make it the goals' numbers (GOAL_GAP, GOAL_UNKNOWN).
#[test]
fn an_indicators_components_under_it_are_not_indicators() {
    let fixtures = [
        "kr07_2024_indicator_components.xlsx",
        "kr07_2024_indicator_components_dashed.xlsx",
        "kr07_2024_indicator_components_goals_repeated.xlsx",
    ];
    for fixture in fixtures {
        let outcome = check_as_published(fixture);
        let report = &outcome.scored.as_ref().unwrap().0;
        assert_eq!(report.indicators.len(), 14, "{fixture}");
        let iku9 = report.indicators.iter().find(|i| i.code == "IKU.9").unwrap();
        assert_eq!((iku9.target.value.clone(), iku9.realisasi.value.clone()), (n("84"), n("85.01")));
        assert_eq!(places(&outcome, Code::IndicatorComponent), ["Tabel 3.2!C17", "Tabel 3.2!C18"], "{fixture}");
        assert!(findings(&outcome, Code::IndicatorComponent).iter().all(|f| f.found == "IKU.9"));
        let held = check_held_to(fixture, "kr07_2024_agreement_kode.xlsx");
        assert_eq!(error_codes(&held), Vec::<&str>::new(), "{fixture}: {:#?}", held.findings);
        assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.27");
    }
}

/// A status where the capaian belongs ("Tercapai", "Tidak Tercapai") carries no value, as the
/// printed dots do: it was a CELL_UNREADABLE error in each row, blocking a right report.
#[test]
fn a_status_in_the_capaian_column_claims_nothing() {
    let outcome = check_as_published("kr07_2024_capaian_status_words.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    assert!(report.indicators.iter().all(|i| i.capaian.is_none()));
    // A short word that is no status ("TBD" for IKU 4, beside "Baik" for IKU 12) was taken for an
    // opinion, and claimed nothing without a word: the claim cannot be read.
    let word = check_fixture("kr07_2024_capaian_word.xlsx");
    assert_eq!(error_codes(&word), ["CELL_UNREADABLE"], "{:#?}", word.findings);
    assert_eq!(places(&word, Code::CellUnreadable), ["Tabel 3.2!F9"]);
}

/// "Rencana Tingkat Capaian", PermenPANRB's name for the target: no target column was found and
/// every IKU's target was said to be empty.
#[test]
fn the_rencana_tingkat_capaian_is_the_target() {
    let outcome = check_as_published("kr07_2024_rencana_tingkat_capaian.xlsx");
    let iku3 = outcome.scored.as_ref().unwrap().0.indicators.iter().find(|i| i.code == "IKU.3").unwrap().clone();
    assert_eq!(iku3.target.at.unwrap().to_string(), "Tabel 3.2!D8");
}

/// The goals of a KR07 2024 report as read: code and perspective, in order.
fn goals_placed(outcome: &kinerja::check::Outcome) -> Vec<(String, String)> {
    outcome.scored.as_ref().unwrap().0.goals.iter().map(|g| (g.code.clone(), g.perspective.clone())).collect()
}

const KR07_2024_TREE: [(&str, &str); 7] = [
    ("SS.1", "Stakeholder"),
    ("SS.2", "Customer"),
    ("SS.3", "Internal Process"),
    ("SS.4", "Internal Process"),
    ("SS.5", "Internal Process"),
    ("SS.6", "Internal Process"),
    ("SS.7", "Learn & Growth"),
];

/// A KR07 2024 layout read to the published NPSS without an error, its seven goals in their
/// perspectives.
fn check_as_placed(name: &str) -> kinerja::check::Outcome {
    let outcome = check_as_published(name);
    let tree: Vec<(String, String)> = KR07_2024_TREE.iter().map(|(g, p)| (g.to_string(), p.to_string())).collect();
    assert_eq!(goals_placed(&outcome), tree, "{name}");
    outcome
}

/// With no goal column, each goal on its own row of the indicator column ("SS.1 Terwujudnya …"):
/// those rows were read as indicators coded by the No. column (INDICATOR_DUPLICATE, NPSS 99.57
/// over four made-up goals).
#[test]
fn a_goal_row_in_the_indicator_column_opens_its_goal() {
    let outcome = check_as_placed("kr07_2024_goal_rows_in_indicator_column.xlsx");
    let report = &outcome.scored.as_ref().unwrap().0;
    assert_eq!(report.indicators.len(), 14);
    assert_eq!((report.indicators[2].code.as_str(), report.indicators[2].goal.as_str()), ("IKU.3", "SS.2"));
}

/// A No. column numbering each indicator's row (1 to 14) left of a goal column merged down: the
/// goals were coded by it (SS.1, SS.3, SS.5 … SS.9), fitted no structure and were scored under
/// one made-up perspective, NPSS 99.21 with warnings only.
#[test]
fn a_no_column_numbering_rows_within_a_goal_numbers_the_indicators() {
    check_as_placed("kr07_2024_rows_numbered_beside_goals.xlsx");
}

/// A goal's name printed again on each of its indicators' rows: each row opened a goal of its own
/// (SS.1 … SS.14), NPSS 98.41 under one made-up perspective, warnings only.
#[test]
fn a_goal_name_repeated_on_its_indicators_rows_is_one_goal() {
    check_as_placed("kr07_2024_goal_name_each_row.xlsx");
    // Typed again over two lines with a double space: SS.1's second row opened SS.2 (GOAL_UNPLACED).
    check_as_placed("kr07_2024_goal_name_each_row_broken.xlsx");
}

/// "Rata-rata Capaian Kinerja" at the foot of the indicator column was read as a fifteenth
/// indicator with its realisasi missing.
#[test]
fn an_average_row_in_the_indicator_column_is_no_indicator() {
    let outcome = check_as_published("kr07_2024_average_row_indicator_column.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.indicators.len(), 14);
    assert!(findings(&outcome, Code::RealisasiMissing).is_empty(), "{:#?}", outcome.findings);
}

/// "Rata-rata" at the foot of the indicator column with the table's mean target, realisasi and
/// capaian, and no number of its own, was read as IKU.15 by its place (NPSS 99,31 for 99,27;
/// where the unit printed no perspective summary to hold it to, without a word).
#[test]
fn an_average_row_printing_figures_is_no_indicator() {
    let outcome = check_as_published("kr07_2024_average_row_with_figures.xlsx");
    let codes: Vec<&str> = outcome.scored.as_ref().unwrap().0.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes.len(), 14);
    assert_eq!(codes.last(), Some(&"IKU.14"));
}

/// "Nilai Rata-rata" with the table's means under an indicator whose figures were left blank: the
/// indicator took the average's figures as its own (its name going on with "Nilai Rata-rata"),
/// without a word where no perspective summary held it (NPSS 99,18 for 99,11).
#[test]
fn an_average_row_gives_no_figures_to_the_indicator_above() {
    let outcome = check_clean("kr07_2024_average_row_under_blank_figures.xlsx", "99.11");
    let scored = &outcome.scored.as_ref().unwrap().0;
    let iku14 = scored.indicators.iter().find(|i| i.code == "IKU.14").unwrap();
    assert_eq!(iku14.name, "Persentase Tindak Lanjut Temuan Hasil Audit BPK/Inspektorat");
    assert_eq!(iku14.realisasi.value, Value::Missing);
    assert_eq!(findings(&outcome, Code::RealisasiMissing).len(), 1);
    assert!(findings(&outcome, Code::NameContinued).is_empty(), "{:#?}", outcome.findings);
}

/// The organisation's score at the foot of the table ("Nilai Kinerja Organisasi (NKO)" with a
/// target of 100 and the NPSS as realisasi and capaian, no number of its own) was read as IKU.15
/// by its place: NPSS 99,36 for 99,27 without a word where no perspective summary held the table.
/// It is the NPSS the unit printed: held to kinerja's, wherever it stands and however written.
#[test]
fn the_organisations_score_at_the_foot_is_the_npss_printed() {
    let outcome = check_as_published("kr07_2024_nko_row.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.indicators.len(), 14);
    let wrong = check_fixture("kr07_2024_nko_row_wrong.xlsx");
    assert_eq!(shown(&wrong.scored.as_ref().unwrap().1.npss), "99.27");
    assert_eq!(error_codes(&wrong), ["CLAIM_NPSS"], "{:#?}", wrong.findings);
    assert_eq!(places(&wrong, Code::ClaimNpss), ["Tabel 3.2!E22"]);
}

/// A row at the foot of a table whose indicators are each numbered in their label, with figures
/// and a label kinerja knows for no summary ("Capaian Kinerja Organisasi"), was IKU.15 by its
/// place without a word: it may be the unit's overall score. Still read by its place, it is said.
#[test]
fn an_unnumbered_row_below_numbered_indicators_is_said() {
    let outcome = check_fixture("kr07_2024_foot_row_unnumbered.xlsx");
    assert_eq!(error_codes(&outcome), ["INDICATOR_UNNUMBERED"], "{:#?}", outcome.findings);
    let said = findings(&outcome, Code::IndicatorUnnumbered);
    assert_eq!(said[0].at.as_ref().unwrap().to_string(), "Tabel 3.2!C22");
    assert_eq!((said[0].subject.as_str(), said[0].found.as_str()), ("Capaian Kinerja Organisasi", "IKU.15"));
}

/// In a table whose indicators carry no number or code at all, a summary at its foot under a
/// label kinerja knows for none ("Capaian Kinerja Organisasi" printing the NPSS, "Skor Akhir" the
/// mean capaian) was the fifteenth indicator by its place without a word (NPSS 99,36 for 99,27).
/// Its figure, the score of the rows above it, tells it.
#[test]
fn a_summary_at_the_foot_of_an_unnumbered_table_is_told_by_its_figures() {
    for (file, expected) in [
        ("kr07_2024_foot_row_unnumbered_table.xlsx", "99.27"),
        ("kr07_2024_foot_row_mean_unnumbered_table.xlsx", "98.41"),
    ] {
        let outcome = check_fixture(file);
        assert_eq!(error_codes(&outcome), ["SUMMARY_AS_INDICATOR"], "{file}: {:#?}", outcome.findings);
        let said = findings(&outcome, Code::SummaryAsIndicator)[0];
        assert_eq!(said.at.as_ref().unwrap().to_string(), "Tabel 3.2!C22");
        assert_eq!((said.found.as_str(), said.expected.as_str()), (expected, expected));
    }
    // The same table without the summary: its last indicator's figures are its own.
    let clean = check_fixture("kr07_2024_unnumbered_figures_left_blank.xlsx");
    assert!(findings(&clean, Code::SummaryAsIndicator).is_empty(), "{:#?}", clean.findings);
}

/// A report signed under its tables (the place and date, the office, the signer's name and NIP
/// typed right under the last row, under the figure columns) was read as rows of those tables:
/// ROW_UNREAD at "Palembang, 15 Oktober 2024" and the office under Tabel 3.2, SUMMARY_ROW_UNREAD
/// under the perspective summary, CELL_UNREADABLE at each line under the overall budget's amounts:
/// errors that blocked a report with nothing wrong in it.
#[test]
fn a_signature_under_the_tables_is_none_of_their_rows() {
    let signed = check_as_published("kr07_2024_signed_below_tables.xlsx");
    let loud: Vec<&str> =
        signed.findings.iter().filter(|f| f.severity != Severity::Info).map(|f| f.code.as_str()).collect();
    assert_eq!(loud, ["NA_UNEXPLAINED"]);
    let budget = |outcome: &Outcome| format!("{:?}", outcome.scored.as_ref().unwrap().0.budget);
    let views = check_fixture("bkn_2023_budget_views_signed.xlsx");
    assert_eq!(error_codes(&views), Vec::<&str>::new());
    assert_eq!(budget(&views), budget(&check_fixture("bkn_2023_budget_views.xlsx")));
}

/// Budget columns headed on the one header row, "Anggaran | Realisasi (Rp)": the rupiah column
/// was a second realisasi (COLUMNS_DIFFER) and no budget was read.
#[test]
fn budget_columns_headed_on_one_row_are_the_budget() {
    let outcome = check_as_published("kr07_2024_budget_one_header_row.xlsx");
    let budget = &outcome.scored.as_ref().unwrap().0.budget;
    assert_eq!(budget.len(), 7);
    let iku7 = budget.iter().find(|b| b.code == "IKU.7").unwrap();
    assert_eq!(
        (iku7.pagu.value.clone(), iku7.realisasi.value.clone()),
        (Value::Number("200000000".parse().unwrap()), Value::Number("184103028".parse().unwrap()))
    );
}

/// Goal rows written from the code column ("Kode IKU": `SS.1 Terwujudnya …` there, `IKU.1` on the
/// indicators' rows): every indicator went under one made-up goal and perspective, NPSS 98.41
/// with one warning.
#[test]
fn a_goal_row_written_from_the_code_column_opens_its_goal() {
    check_as_placed("kr07_2024_goal_rows_in_code_column.xlsx");
}

/// A blank row above each perspective row: the table ended at the first, and only Stakeholder
/// was scored (NPSS 100; without Tabel 3.1 beside it, without an error). A note under the table
/// naming an indicator ("IKU 1: …") does not carry it on.
#[test]
fn blank_rows_between_a_tables_groups_do_not_end_it() {
    let outcome = check_as_placed("kr07_2024_spacer_rows.xlsx");
    assert_eq!(outcome.scored.as_ref().unwrap().0.indicators.len(), 14);
}

/// A table off A1 in an .xls or .ods (title in C4, header on rows 6–7): calamine counts a sheet's
/// cells from its first, so every finding pointed two columns left and three rows up, and in the
/// .xls the merged cells, placed where Excel puts them, fell on other cells: IKU 2 took IKU 1's
/// N/A, NPSS 100.81 with seven errors against a right table.
#[test]
fn a_table_off_a1_in_xls_and_ods_is_read_where_it_stands() {
    for name in ["kr07_2024_shifted.xls", "kr07_2024_shifted.ods"] {
        let outcome = check_as_published(name);
        let report = &outcome.scored.as_ref().unwrap().0;
        assert_eq!(report.indicators[0].at.to_string(), "Tabel 3.2!E9", "{name}");
        assert_eq!(places(&outcome, Code::NaUnexplained), ["Tabel 3.2!G9"], "{name}");
        assert_eq!(report.budget.len(), 7, "{name}");
    }
}

/// An .ods as LibreOffice saves it, an .xls as Excel 97–2003 does: percentages under a
/// percentage format (the fraction stored), numbers under fixed decimals, cells merged down,
/// hidden rows and columns. calamine gives a percentage as its bare fraction (Kanreg VII's
/// realisasi typed into % cells: 100 % read as 1, seven READING_UNCERTAIN errors and six
/// CLAIM_CAPAIAN against a right table), and knew neither merges in an .ods (IKU 6 without its
/// merged target and realisasi: NPSS 99,20 for 99,27) nor hidden cells in either (last year's
/// IKU 15 scored without HIDDEN_IN_TABLE). Each reads now as its .xlsx twin.
#[test]
fn an_ods_or_xls_reads_as_the_same_workbook_in_xlsx() {
    for format in ["ods", "xls"] {
        for name in ["percent_cells", "merged_targets", "hidden_rows", "capaian_rounded"] {
            let xlsx = check_fixture(&format!("kr07_2024_{name}.xlsx"));
            let other = check_fixture(&format!("kr07_2024_{name}.{format}"));
            assert_eq!(other.findings, xlsx.findings, "{name}.{format}");
            assert_eq!(other.scored.map(|s| s.1), xlsx.scored.map(|s| s.1), "{name}.{format}");
        }
    }
}

/// What stands under a table is not its title: a source naming last year's LKj ("… Tahun 2023")
/// under a table titled "… TW III 2024" filed the report as 2023's without a word (a year after
/// "Tahun" outranked the title's bare one).
/// Nor does the place and date it was signed, on a cover sheet of no table: "Palembang, Januari
/// 2025" filed the report as TW III 2025's without a word.
#[test]
fn notes_under_a_table_do_not_name_the_report() {
    for fixture in ["kr07_2024_notes_below.xlsx", "kr07_2024_cover_signed_next_year.xlsx"] {
        let outcome = check_fixture(fixture);
        let identity = &outcome.scored.as_ref().unwrap().0.identity;
        assert_eq!((identity.year, identity.period), (Some(2024), Some(kinerja::model::Period::Tw3)), "{fixture}");
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{fixture}: {:#?}", outcome.findings);
    }
}

/// "Anggaran" over "Anggaran | Realisasi | Efisiensi (%)": the pagu's column was headed
/// "Anggaran Anggaran", no role, and every budget line went without its pagu (no serapan, no
/// efficiency) without a word.
#[test]
fn a_sub_header_repeating_its_group_is_read_alone() {
    let outcome = check_as_published("kr07_2024_budget_anggaran_under_anggaran.xlsx");
    let budget = &outcome.scored.as_ref().unwrap().0.budget;
    let iku4 = budget.iter().find(|b| b.code == "IKU.4").unwrap();
    assert_eq!(iku4.pagu.value, Value::Number("30400000".parse().unwrap()));
}

/// Capaian cells the unit rounded, held to one unit of what each shows (DOMAIN.md: ±1 for
/// `92%`): 104 under `0`, 101,4 under `0.0`, 96 under General and 0,95 under `0%` were
/// CLAIM_CAPAIAN errors against 104,22, 101,44, 96,49 and 95,47, as if every number cell showed
/// two decimals; 98 under `0.00` (98,00) and 0,86 under `0.00%` (86,00 %) are (quoted as shown).
#[test]
fn a_number_claim_is_held_to_the_decimals_it_shows() {
    let outcome = check_fixture("kr07_2024_capaian_rounded.xlsx");
    assert_eq!(places(&outcome, Code::ClaimCapaian), ["Tabel 3.2!F9", "Tabel 3.2!F19"]);
    let shown: Vec<(&str, &str)> =
        findings(&outcome, Code::ClaimCapaian).iter().map(|f| (f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(shown, [("98.00", "98.27"), ("86.00", "85.94")]);
    assert_eq!(error_codes(&outcome), ["CLAIM_CAPAIAN", "CLAIM_CAPAIAN"]);
}

/// A capaian column alone headed with another year ("Capaian 2023" in a 2024 report) feeds no
/// score: it is left unchecked and said (COLUMNS_IGNORED, information). It was READING_UNCERTAIN,
/// an error blocking a report whose targets and realisasi are the year's.
#[test]
fn a_claim_column_of_another_year_is_left_unchecked() {
    let outcome = check_as_published("kr07_2024_capaian_headed_last_year.xlsx");
    let ignored = findings(&outcome, Code::ColumnsIgnored);
    assert_eq!((ignored.len(), ignored[0].found.as_str()), (1, "2023"));
    assert!(outcome.scored.as_ref().unwrap().0.indicators.iter().all(|i| i.capaian.is_none()));
}

/// "Target Akhir Renstra" (the Renstra's target for its last year) beside the year's Target was
/// taken for the revised target ("akhir" as in "Pagu Akhir"): the report was scored on the
/// Renstra's figures, NPSS 98.19 with one information finding. "Akhir" before a span of time or
/// a plan names when: the two targets differ, and that is said (COLUMNS_DIFFER).
#[test]
fn the_renstras_last_year_target_is_no_revision() {
    let outcome = check_fixture("kr07_2024_target_akhir_renstra.xlsx");
    assert!(findings(&outcome, Code::ColumnsSuperseded).is_empty(), "{:#?}", outcome.findings);
    assert_eq!(error_codes(&outcome), ["COLUMNS_DIFFER"]);
}

/// The comparisons an LKj prints beside the year's figures, "Realisasi Tahun Lalu" and "Capaian
/// terhadap Target Akhir Renstra": last year's realisasi was a second realisasi column
/// (COLUMNS_DIFFER) and the capaian against the Renstra was taken for the year's (CLAIM_CAPAIAN
/// against right figures). Neither is a column of the report.
#[test]
fn comparison_columns_beside_the_years_are_not_the_reports() {
    let outcome = check_as_published("kr07_2024_comparison_columns.xlsx");
    let iku3 = outcome.scored.as_ref().unwrap().0.indicators.iter().find(|i| i.code == "IKU.3").unwrap().clone();
    assert_eq!(iku3.capaian.unwrap().at.to_string(), "Tabel 3.2!H8");
}

/// Goals coded one off the Renstra's (SS.2 … SS.8) with no perspective row: none could be placed,
/// and the report was scored under one made-up perspective, NPSS 99.21 with warnings only — not
/// the NPSS BKN computes with four perspectives. The goal the structure does not know is an error.
#[test]
fn a_goal_the_structure_does_not_know_under_no_perspective_is_an_error() {
    let outcome = check_fixture("kr07_2024_goals_off_structure.xlsx");
    assert_eq!(error_codes(&outcome), ["GOAL_UNPLACED"]);
    assert_eq!(places(&outcome, Code::GoalUnplaced), ["Tabel 3.2!A18"]);
    let said = &findings(&outcome, Code::GoalUnplaced)[0];
    assert_eq!((said.subject.as_str(), said.expected.as_str()), ("SS.8", "KR07 2024"));
    assert_eq!(outcome.exit_code(), 1);
}

/// Money spent with no pagu beside it: IKU 7's pagu left blank went without a word (no serapan,
/// sisa or efficiency). It is PAGU_MISSING, a warning; IKU 4's pagu written in words has its
/// CELL_UNREADABLE at the cell and nothing more.
#[test]
fn a_budget_spent_without_its_pagu_is_said() {
    let outcome = check_fixture("kr07_2024_budget_pagu_blank.xlsx");
    assert_eq!(places(&outcome, Code::PaguMissing), ["Tabel 3.2!G14"]);
    assert_eq!(findings(&outcome, Code::PaguMissing)[0].found, "184.103.028");
    assert_eq!(places(&outcome, Code::CellUnreadable), ["Tabel 3.2!G10"]);
}

/// A pagu with nothing spent said beside it: IKU 7's realisasi anggaran left blank and IKU 6's
/// a dash went without a word (no serapan, sisa or efficiency), and IKU 4's word "belum" was taken
/// for an opinion and dropped as well. The first two are BUDGET_REALISASI_MISSING, a warning with
/// the pagu; the word is CELL_UNREADABLE at its cell and nothing more.
#[test]
fn a_pagu_with_no_realisasi_beside_it_is_said() {
    let outcome = check_fixture("kr07_2024_budget_realisasi_blank.xlsx");
    assert_eq!(places(&outcome, Code::BudgetRealisasiMissing), ["Tabel 3.2!H13", "Tabel 3.2!H14"]);
    let found: Vec<&str> = findings(&outcome, Code::BudgetRealisasiMissing).iter().map(|f| f.found.as_str()).collect();
    assert_eq!(found, ["72.928.000", "200.000.000"]);
    assert_eq!(places(&outcome, Code::CellUnreadable), ["Tabel 3.2!H10"]);
    assert_eq!(error_codes(&outcome), ["CELL_UNREADABLE"]);
}

/// A report whose budget by RO heads its realisasi in words that name none ("S.D. DESEMBER"; so
/// was "TERPAKAI" before it was read): the sheet's KODE/KRO | PAGU made the workbook a plan's
/// budget, the report beside it never scored (exit 0, no NPSS). It is the report it is, NPSS
/// 99,27, and the budget table it cannot read is BUDGET_UNREAD at its first RO code, not left
/// out without a word.
#[test]
fn a_reports_budget_headed_otherwise_leaves_it_a_report_and_is_said_unread() {
    let outcome = check_fixture("kr07_2024_budget_per_ro_realisasi_unknown.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!((report.kind, shown(&card.npss)), (kinerja::model::Kind::Realisasi, "99.27".to_string()));
    assert_eq!(places(&outcome, Code::BudgetUnread), ["Anggaran per RO!A4"]);
    assert_eq!(error_codes(&outcome), Vec::<&str>::new());
}

/// A table whose goal column kinerja cannot read ("Tujuan" for Sasaran Strategis) prints no
/// goal: each perspective was scored under one goal stood in for it, IKU.7 under "SS.3" of four
/// indicators. Where the unit's structure knows every indicator's goal they stand under those
/// goals (IKU.7 under SS.5), each NSS its own; where nothing knows the tree and a perspective
/// holds two indicators or more, the NPSS rests on a guess: PUSPENKOM's TW III without its SK
/// columns gave NPSS 96,61 against 97,06 with them, exit 0. It is GOALS_NONE, an error.
#[test]
fn a_report_printing_no_goal_stands_under_the_known_tree_or_is_an_error() {
    let outcome = check_fixture("kr07_2024_goal_column_unknown.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    let goal_of = |code: &str| report.indicators.iter().find(|i| i.code == code).map(|i| i.goal.as_str());
    assert_eq!((goal_of("IKU.7"), goal_of("IKU.14"), report.goals.len()), (Some("SS.5"), Some("SS.7"), 7));
    assert_eq!((shown(&card.npss), error_codes(&outcome)), ("99.27".to_string(), Vec::<&str>::new()));

    let guessed = check_fixture("puspenkom_2025_tw3_no_goals.xlsx");
    assert_eq!(error_codes(&guessed), ["GOALS_NONE"]);
    assert_eq!(places(&guessed, Code::GoalsNone), ["Capaian TW III!A4"]);
    let governed = check_fixture("puspenkom_2025_tw3_ikk_codes.xlsx");
    assert_eq!(shown(&governed.scored.as_ref().unwrap().1.npss), "97.06");
}

/// PUSPENKOM's TW III with its first indicator's row above the column headers (a sort that took
/// the header row along): the row was a title's, IKK.1 was left out without a word (NPSS 97,11
/// for 97,06, exit 0). It is an error at its label (in a table with no label column, at its first
/// figure); a claim `NPSS | 98,47` above a header stays the report's claim.
#[test]
fn a_row_above_its_tables_header_is_an_error() {
    let outcome = check_fixture("puspenkom_2025_tw3_row_above_header.xlsx");
    assert_eq!(error_codes(&outcome), ["ROW_ABOVE_HEADER"], "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::RowAboveHeader), ["Capaian TW III!B3"]);
    let said = &findings(&outcome, Code::RowAboveHeader)[0];
    assert_eq!((said.subject.as_str(), said.found.as_str()), ("Meningkatnya kualitas layanan penilaian", "100"));
    let claimed = check_fixture("bkn_2023_npss_label_value.xlsx");
    assert!(places(&claimed, Code::RowAboveHeader).is_empty(), "{:#?}", claimed.findings);
    // BKN's Tabel 3.39 (Pagu | Realisasi | Sisa | Capaian, no label column) with its one row of
    // figures above the header: the budget's total was lost without a word. Its first figure
    // stands for the label.
    let total = check_fixture("bkn_2023_budget_total_above_header.xlsx");
    assert_eq!(error_codes(&total), ["ROW_ABOVE_HEADER"], "{:#?}", total.findings);
    let said = &findings(&total, Code::RowAboveHeader)[0];
    assert_eq!(places(&total, Code::RowAboveHeader), ["Tabel 3.39!A2"]);
    assert_eq!((said.subject.as_str(), said.found.as_str()), ("Rp.1.079.227.170.000", "Rp.1.028.677.308.609-"));
}

/// PUSPENKOM's TW III with its code columns headed "NO": `IKK.1` … were read as row numbers,
/// IKU.1 … under SS.1 (the crosswalk's IKU.2 … and its SK codes lost), exit 0. With its
/// realisasi headed "R", a word naming nothing, the report of TW III was filed as an agreement,
/// exit 0: a table of targets titled as a quarter's report is that report, missing its realisasi.
#[test]
fn a_central_units_report_headed_otherwise_keeps_its_codes_and_stays_a_report() {
    let tree = |outcome: &kinerja::check::Outcome| {
        let report = &outcome.scored.as_ref().unwrap().0;
        report.indicators.iter().map(|i| (i.code.clone(), i.goal.clone())).collect::<Vec<_>>()
    };
    let published = check_fixture("puspenkom_2025_tw3_ikk_codes.xlsx");
    let under_no = check_fixture("puspenkom_2025_tw3_codes_under_no.xlsx");
    assert_eq!(tree(&under_no), tree(&published));
    assert_eq!(tree(&under_no)[0], ("IKU.2".to_string(), "SK.1".to_string()));
    assert_eq!(shown(&under_no.scored.as_ref().unwrap().1.npss), "97.06");
    // Its code columns headed nothing: the rows were coded by place (IKU.1 … under SS.1), and
    // an indicator whose name was left blank was dropped, both NPSS 97,11, exit 0. Read as
    // published: the codes standing alone in a column tell it, and a code tells its row.
    for name in ["puspenkom_2025_tw3_codes_unheaded.xlsx", "puspenkom_2025_tw3_name_blank.xlsx"] {
        let outcome = check_fixture(name);
        assert_eq!(tree(&outcome), tree(&published), "{name}");
        assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "97.06", "{name}");
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}");
    }
    // One code cell left blank in a column that codes the others: coded by place it would be
    // IKU.1 (PUSPENKOM's IKP.1), a guess, said as an error at the cell.
    let blank = check_fixture("puspenkom_2025_tw3_code_blank.xlsx");
    assert_eq!(error_codes(&blank), ["CODE_BLANK"]);
    let said = &findings(&blank, Code::CodeBlank)[0];
    assert_eq!((said.at.as_ref().unwrap().to_string(), said.found.as_str()), ("Capaian TW III!C4".into(), "IKU.1"));
    // So is an annual report titled "Data Capaian Kinerja …" (it was Kanreg VII's PK for 2024).
    for name in ["puspenkom_2025_tw3_realisasi_unknown.xlsx", "kr07_2024_realisasi_headed_unknown.xlsx"] {
        let unknown = check_fixture(name);
        assert_eq!(unknown.scored.as_ref().unwrap().0.kind, kinerja::model::Kind::Realisasi, "{name}");
        assert_eq!(error_codes(&unknown), ["REALISASI_COLUMN_NONE"], "{name}");
        // Naming every headed value column, the one no rule knows too (it said only "Target").
        let found = &findings(&unknown, Code::RealisasiColumnNone)[0].found;
        assert!(found.to_lowercase() == "target, r", "{name}: {found}");
    }
}

/// Tabel 3.2's realisasi anggaran with its header left blank (under "Anggaran", beside Pagu):
/// its seven amounts were dropped without a word, the efisiensi printed beside them unchecked.
/// COLUMN_UNHEADED at the header cell, with how many of the rows read hold figures there; so is
/// one headed with a mark alone ("-").
#[test]
fn a_column_of_figures_with_its_header_left_blank_is_said() {
    let outcome = check_fixture("kr07_2024_budget_realisasi_unheaded.xlsx");
    assert_eq!(places(&outcome, Code::ColumnUnheaded), ["Tabel 3.2!H4"]);
    assert_eq!(findings(&outcome, Code::ColumnUnheaded)[0].found, "7");
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "99.27");
    // The perspective summary's NKP so left (its last column): its claims went unchecked.
    let summary = check_fixture("kr07_2024_summary_nkp_unheaded.xlsx");
    assert_eq!(places(&summary, Code::ColumnUnheaded), ["Tabel 3.1!D2"]);
    assert_eq!(findings(&summary, Code::ColumnUnheaded)[0].found, "4");
    // A blank header whose column holds no figure is no finding: the published table has none.
    assert!(findings(&check_fixture("kr07_2024_budget_columns.xlsx"), Code::ColumnUnheaded).is_empty());
    // Headed "-", it was "Anggaran -", a second Pagu column (COLUMNS_DIFFER against the first);
    // a mark alone heads nothing, as a blank does.
    let dash = check_fixture("kr07_2024_budget_realisasi_headed_dash.xlsx");
    assert_eq!(error_codes(&dash), Vec::<&str>::new(), "{:#?}", dash.findings);
    assert_eq!(places(&dash, Code::ColumnUnheaded), ["Tabel 3.2!H4"]);
}

/// A budget by RO whose codes are headed "NO" and names "NAMA KEGIATAN": its ROs read as top
/// lines (BUDGET_TOTAL at twice the sum), or its Jumlah dropped and left unchecked. Read as the
/// published headers are.
#[test]
fn a_reports_budget_by_ro_headed_no_and_nama_is_read_as_published() {
    let (_, published) = crate::cli::check_json("kr07_2024_budget_per_ro.xlsx", &[]);
    let (code, json) = crate::cli::check_json("kr07_2024_budget_per_ro_headed_otherwise.xlsx", &[]);
    assert_eq!((code, &json["budget"]), (0, &published["budget"]));
    assert_eq!(json["budget"].as_array().unwrap().len(), 6);
}

/// A budget by RO printing each kegiatan's amounts on a "Jumlah" row under its ROs (the
/// kegiatan's own row blank): each Jumlah was a total of the whole view, the first held to it
/// (BUDGET_TOTAL twice: errors that blocked a sound report), three TOTAL lines and two kegiatan
/// with no amount. Each is its kegiatan's amounts, held to its ROs as printed ones are.
#[test]
fn a_jumlah_under_a_kegiatans_ros_is_the_kegiatans_amounts() {
    let subtotals = check_fixture("kr07_2024_budget_per_ro_subtotals.xlsx");
    assert_eq!(error_codes(&subtotals), Vec::<&str>::new(), "{:#?}", subtotals.findings);
    assert_eq!(budget_lines(&subtotals), budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
    let kegiatan = &subtotals.scored.as_ref().unwrap().0.budget[0];
    assert_eq!(kegiatan.pagu.at.as_ref().map(ToString::to_string).as_deref(), Some("Anggaran per RO!C6"));
    // The kegiatan's amounts printed on its own row too: each Jumlah restates them, one row too
    // many (before, BUDGET_TOTAL twice).
    let restated = check_fixture("kr07_2024_budget_per_ro_restated.xlsx");
    assert_eq!(error_codes(&restated), Vec::<&str>::new(), "{:#?}", restated.findings);
    assert_eq!(budget_lines(&restated), budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
    // A "Rata-rata" of the lines under the Jumlah was a line of its own (BUDGET_TOTAL twice,
    // CLAIM_SERAPAN); it is none.
    let average = check_fixture("kr07_2024_budget_per_ro_average_row.xlsx");
    assert_eq!(error_codes(&average), Vec::<&str>::new(), "{:#?}", average.findings);
    assert_eq!(budget_lines(&average), budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
}

/// A budget view's total typed twice, the second mistyped (159.000.000 spent where its lines add
/// up to 159.500.000): only a view's first total was held to its lines, so the second stood as a
/// TOTAL line of the report's budget without a word. Every total row is held to them.
#[test]
fn every_total_row_of_a_budget_view_is_held_to_its_lines() {
    let twice = check_fixture("kr07_2024_budget_per_ro_total_twice.xlsx");
    assert_eq!(error_codes(&twice), ["BUDGET_TOTAL"], "{:#?}", twice.findings);
    let total = &findings(&twice, Code::BudgetTotal)[0];
    let at = total.at.as_ref().map(ToString::to_string);
    assert_eq!(
        (at.as_deref(), total.found.as_str(), total.expected.as_str()),
        (Some("Anggaran per RO!D9"), "159.000.000", "159.500.000")
    );
}

/// Tabel 3.40 known by names alone, each jenis belanja over its parts: its amounts on its own row
/// (then the view's Jumlah), or its row blank and its parts closed by a Jumlah of their own (no
/// total of the view). Both the headings and their parts counted in the view's sum (BUDGET_TOTAL
/// of twice the budget), or the last group's Jumlah stood as the view's total (BUDGET_VIEWS
/// against Tabel 3.39). A line is the heading of the lines right under it that add up to it;
/// a part mistyped still leaves the view's total unmet, said.
#[test]
fn a_budget_known_by_names_adds_up_its_headings_over_their_parts() {
    for name in ["bkn_2023_budget_named_parts.xlsx", "bkn_2023_budget_named_subtotals.xlsx"] {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        let lines = budget_lines(&outcome);
        let amounts = |code: &str| lines.iter().find(|l| l.0 == code).map(|l| (l.1, l.2));
        let rupiah = |n: i64| Some(Decimal::from(n));
        assert_eq!(amounts("Belanja Pegawai"), Some((rupiah(356_489_232_000), rupiah(346_866_997_060))), "{name}");
        assert_eq!(amounts("Belanja Honorarium"), Some((rupiah(56_489_232_000), rupiah(51_866_997_060))), "{name}");
        assert_eq!(lines.iter().filter(|l| l.0 != "TOTAL").count(), 10, "{name}");
    }
    let wrong = check_fixture("bkn_2023_budget_named_parts_wrong.xlsx");
    // Pagu and realisasi, both: the view no longer reads as headings over their parts.
    assert_eq!(places(&wrong, Code::BudgetTotal), ["Tabel 3.40!B13", "Tabel 3.40!C13"], "{:#?}", wrong.findings);
}

/// A budget line left blank (Belanja Barang, coded 52 or named only) beside lines that print
/// their amounts left the view's total unchecked: a Jumlah whose pagu was 100 million short of
/// its lines passed without a word. The blank line holds nil; the total is held to the others.
#[test]
fn a_budget_line_left_blank_leaves_the_total_checked() {
    let sound = check_fixture("kr07_2024_budget_line_blank.xlsx");
    assert_eq!(error_codes(&sound), Vec::<&str>::new(), "{:#?}", sound.findings);
    // At the Jumlah's pagu cell (C7, or B7 where no code column stands before it).
    let wrongs = [
        ("kr07_2024_budget_line_blank_total_wrong.xlsx", "Anggaran!C7"),
        ("kr07_2024_budget_named_line_blank_total_wrong.xlsx", "Anggaran!B7"),
    ];
    for (name, place) in wrongs {
        let wrong = check_fixture(name);
        assert_eq!(error_codes(&wrong), ["BUDGET_TOTAL"], "{name}: {:#?}", wrong.findings);
        let total = &findings(&wrong, Code::BudgetTotal)[0];
        let at = total.at.as_ref().map(ToString::to_string);
        assert_eq!(
            (at.as_deref(), total.found.as_str(), total.expected.as_str()),
            (Some(place), "1.400.000.000", "1.500.000.000"),
            "{name}"
        );
    }
}

/// A budget printed once for SS 2's two indicators, its cells merged down over their rows, was
/// IKU 3's alone: its efficiency held to IKU 3's capaian (5,44), the 2,66 printed an error, and
/// IKU 4 without a budget. It is SS 2's, its efficiency against SS 2's NSS. Merged over two of
/// SS 7's six indicators, the budget answers no one capaian: it was IKU 9's without a word; now
/// BUDGET_SHARED says so at its cell.
#[test]
fn a_budget_merged_over_a_goals_indicators_is_the_goals() {
    let goal = check_as_published("kr07_2024_budget_merged_goal.xlsx");
    let card = &goal.scored.as_ref().unwrap().1;
    let lines: Vec<(&str, Option<String>)> =
        card.budget.iter().map(|l| (l.code.as_str(), l.efisiensi.map(kinerja::model::amount::display2))).collect();
    assert_eq!(lines[2], ("SS.2", Some("2.66".into())));
    assert!(!lines.iter().any(|(code, _)| ["IKU.3", "IKU.4"].contains(code)), "{lines:?}");
    assert_eq!(card.budget[2].scope, kinerja::model::BudgetScope::Goal);

    let part = check_fixture("kr07_2024_budget_merged_part.xlsx");
    assert_eq!(error_codes(&part), ["BUDGET_SHARED"], "{:#?}", part.findings);
    let shared = &findings(&part, Code::BudgetShared)[0];
    assert_eq!(
        (shared.at.as_ref().unwrap().to_string(), shared.subject.as_str(), shared.found.as_str()),
        ("Tabel 3.2!G17".into(), "IKU.9", "IKU.9, IKU.10")
    );
}

/// A third quarter's budget by RO printing the money spent by quarter, `TW I | TW II | TW III`,
/// then to date (`s.d. TW III`, or their `Jumlah`): TW III's column alone was read, COLUMNS_DIFFER
/// and each printed serapan an error against it. The money spent to date is read, and
/// COLUMNS_TO_DATE names the quarter's column set aside. In the year's report, `s.d. TW IV` is
/// the year's column.
#[test]
fn a_quarters_money_spent_is_read_to_date() {
    let published = budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx"));
    for name in ["kr07_2024_tw3_budget_quarters_to_date.xlsx", "kr07_2024_tw3_budget_quarters_jumlah.xlsx"] {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{name}: {:#?}", outcome.findings);
        assert_eq!(budget_lines(&outcome), published, "{name}");
        let to_date = findings(&outcome, Code::ColumnsToDate);
        assert_eq!((to_date.len(), to_date[0].found.as_str(), to_date[0].expected.as_str()), (1, "F", "G"));
    }
    // The year's report with TW I … TW IV and "s.d. TW IV": the year to date is the year's column
    // (before, READING_UNCERTAIN: no column named the year).
    let year = check_fixture("kr07_2024_budget_quarters_to_date.xlsx");
    assert_eq!(error_codes(&year), Vec::<&str>::new(), "{:#?}", year.findings);
    assert_eq!(budget_lines(&year), published);
}

/// The same budget printing the money spent by quarter alone, `TW I | TW II | TW III`, no column
/// to date (or the year's by semester): TW III's column alone was read (the semesters neither:
/// READING_UNCERTAIN), the serapan of one quarter without a word where no
/// % was printed. Each quarter's money is added up where a printed serapan agrees with the sums,
/// or a line spent less in a quarter than in the one before (COLUMNS_SUMMED); quarters holding
/// running totals, as the printed serapan says, are read from TW III alone (COLUMNS_RUNNING);
/// where nothing tells the two apart, the sums are read and READING_UNCERTAIN says so.
#[test]
fn money_spent_by_quarter_alone_is_added_up_to_date() {
    let published = budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx"));
    let read = |name: &str, code: Code| {
        let outcome = check_fixture(name);
        assert_eq!(budget_lines(&outcome), published, "{name}");
        let said = findings(&outcome, code);
        assert_eq!(said.len(), 1, "{name}: {:#?}", outcome.findings);
        (error_codes(&outcome), said[0].found.clone(), said[0].expected.clone())
    };
    let none = Vec::<&str>::new();
    let summed = |name| read(name, Code::ColumnsSummed);
    let expected = (none.clone(), "D, E, F".to_string(), "TW III".to_string());
    assert_eq!(summed("kr07_2024_tw3_budget_quarters_alone.xlsx"), expected);
    assert_eq!(summed("kr07_2024_tw3_budget_quarters_alone_falling.xlsx"), expected);
    // The year's report by semester: Semester I | Semester II, added up to the year's end.
    let semesters = summed("kr07_2024_budget_semesters_alone.xlsx");
    assert_eq!(semesters, (none.clone(), "D, E".to_string(), "Semester II".to_string()));
    // TW I's column hidden is still added up, and said as any column read while hidden.
    let hidden = check_fixture("kr07_2024_tw3_budget_quarters_hidden.xlsx");
    assert_eq!(budget_lines(&hidden), published);
    let said: Vec<&str> = findings(&hidden, Code::HiddenInTable).iter().map(|f| f.found.as_str()).collect();
    assert_eq!(said, ["kolom D"]);
    let running = read("kr07_2024_tw3_budget_quarters_running.xlsx", Code::ColumnsRunning);
    assert_eq!(running, (none, "D, E, F".to_string(), "F".to_string()));
    let (errors, found, expected) = read("kr07_2024_tw3_budget_quarters_alone_unchecked.xlsx", Code::ReadingUncertain);
    assert_eq!(errors, ["READING_UNCERTAIN"]);
    assert!(found.starts_with("per periode (D, E, F)"), "{found}");
    assert!(expected.contains("kolom F saja") && expected.contains("\"s.d. TW III\""), "{expected}");
}

/// Each IKU's money spent printed by quarter as running totals beside its pagu and efisiensi, no
/// column for the year: the quarters were added up (COLUMNS_SUMMED), BUDGET_OVERSPENT and a false
/// CLAIM_EFISIENSI at every line whose efisiensi, printed beside its capaian, said otherwise. The
/// efisiensi tells sums from running totals as a serapan does: TW IV's amounts are read.
#[test]
fn an_efficiency_beside_its_capaian_tells_running_totals_by_quarter() {
    let outcome = check_as_published("kr07_2024_budget_columns_quarters_running.xlsx");
    assert_eq!(budget_lines(&outcome), budget_lines(&check_fixture("kr07_2024_budget_columns.xlsx")));
    let said: Vec<(&str, &str)> =
        findings(&outcome, Code::ColumnsRunning).iter().map(|f| (f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("H, I, J, K", "K")]);
}

/// The same budget with its pagu grouped by non-breaking spaces, as copied from a document
/// (`67 500 000`), and its realisasi written after `IDR`: twelve CELL_UNREADABLE errors, the
/// amounts lost. They read as the published amounts.
#[test]
fn amounts_grouped_by_spaces_or_after_idr_are_read() {
    let spaced = check_fixture("kr07_2024_budget_per_ro_amounts_spaced.xlsx");
    assert_eq!(error_codes(&spaced), Vec::<&str>::new(), "{:#?}", spaced.findings);
    assert_eq!(budget_lines(&spaced), budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
}

/// A budget by RO whose codes are typed in lower case (`ebc.954`): its ROs had no level, so each
/// was a line of its own beside its kegiatan (BUDGET_TOTAL at twice the sum). Codes are read
/// upper-case, as the DIPA prints them.
#[test]
fn budget_codes_in_lower_case_are_read_as_printed_upper_case() {
    let lower = check_fixture("kr07_2024_budget_per_ro_codes_lower.xlsx");
    assert_eq!(error_codes(&lower), Vec::<&str>::new(), "{:#?}", lower.findings);
    assert_eq!(budget_lines(&lower), budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
}

/// A budget by RO with the program's row over its kegiatan, coded as the DIPA codes it
/// (`088.WA`): the program was a line beside its kegiatan, BUDGET_TOTAL at twice the sum. It is
/// the line over them.
#[test]
fn a_program_row_over_its_kegiatan_is_their_line() {
    let program = check_fixture("kr07_2024_budget_per_ro_program_row.xlsx");
    assert_eq!(error_codes(&program), Vec::<&str>::new(), "{:#?}", program.findings);
    let mut lines = budget_lines(&program);
    assert_eq!(lines.remove(0).0, "088.WA");
    assert_eq!(lines, budget_lines(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
}

/// A budget by RO whose "Jumlah" label is left blank: its total row, neither coded nor labelled,
/// was dropped with the check it carries, without a word. BUDGET_ROW_UNREAD at its first amount.
#[test]
fn a_budget_row_with_neither_code_nor_label_is_said_unread() {
    let outcome = check_fixture("kr07_2024_budget_per_ro_jumlah_blank.xlsx");
    assert_eq!(places(&outcome, Code::BudgetRowUnread), ["Anggaran per RO!C8"]);
    assert_eq!(findings(&outcome, Code::BudgetRowUnread)[0].severity, kinerja::model::Severity::Warning);
    let published = check_fixture("kr07_2024_budget_per_ro.xlsx");
    assert!(places(&published, Code::BudgetRowUnread).is_empty());
}

/// The budget by RO with its title row below its header (the two traded): the title became a
/// budget line coded "Realisasi Anggaran per Rincian Output Tahun 2024", without an amount. A
/// caption of four words or more in the code column with nothing beside it is no line; nor are
/// words with neither code nor amount where the lines carry codes (a description going on).
#[test]
fn a_title_or_a_description_going_on_is_no_budget_line() {
    let codes = |outcome: &kinerja::check::Outcome| -> Vec<String> {
        outcome.scored.as_ref().unwrap().0.budget.iter().map(|b| b.code.clone()).collect()
    };
    let traded = check_fixture("kr07_2024_budget_per_ro_title_below_header.xlsx");
    assert_eq!(codes(&traded), codes(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
    assert_eq!(error_codes(&traded), Vec::<&str>::new(), "{:#?}", traded.findings);
    // Descriptions typed line by line: their second lines were lines coded by their words.
    let broken = check_fixture("kr07_2024_budget_per_ro_names_broken.xlsx");
    assert_eq!(codes(&broken), codes(&check_fixture("kr07_2024_budget_per_ro.xlsx")));
}

/// BKN's efficiency per SS (Tabel 3.41) with its "Total" label left blank: the total row's
/// kinerja and anggaran (99,08 / 95,32) were dropped unchecked without a word. BUDGET_ROW_UNREAD
/// at its first figure; the SS lines read as published.
#[test]
fn an_efficiency_total_with_its_label_blank_is_said_unread() {
    let outcome = check_fixture("bkn_2023_efficiency_total_blank.xlsx");
    assert_eq!(places(&outcome, Code::BudgetRowUnread), ["Tabel 3.41!C11"]);
    assert_eq!(findings(&outcome, Code::BudgetRowUnread)[0].found, "(kosong)");
    let (published_code, published) = crate::cli::check_json("bkn_2023_efficiency_per_ss.xlsx", &[]);
    let (code, json) = crate::cli::check_json("bkn_2023_efficiency_total_blank.xlsx", &[]);
    let lines = json["budget"].as_array().unwrap();
    assert_eq!((code, lines.as_slice()), (published_code, &published["budget"].as_array().unwrap()[..7]));
    assert!(places(&check_fixture("bkn_2023_efficiency_per_ss.xlsx"), Code::BudgetRowUnread).is_empty());
}

/// Tabel 3.1 with a blank row before Learn & Growth: the table ended at the blank (its rows are
/// bare perspective names, no "Perspektif" nor target or realisasi to carry it on), and Learn &
/// Growth's printed score and NKP went unchecked without a word. They are the table's; so is
/// the Total of BKN's Tabel 3.41 below a blank row (its 99,08 / 95,32 were dropped).
#[test]
fn a_perspective_summary_carries_on_below_a_blank_row() {
    let perspectives = |name: &str| {
        let (code, json) = crate::cli::check_json(name, &[]);
        (code, json["perspectives"].clone(), json["claimed_npss"].clone())
    };
    let published = perspectives("kr07_2024_capaian.xlsx");
    assert_eq!(published.1[3]["claimed_nkp"], 24.18);
    assert_eq!(perspectives("kr07_2024_summary_spaced.xlsx"), published);
    // So does BKN's efficiency per SS, all percentages, above its Total.
    let budget = |name: &str| {
        let (code, json) = crate::cli::check_json(name, &[]);
        (code, json["budget"].clone())
    };
    let published = budget("bkn_2023_efficiency_per_ss.xlsx");
    assert_eq!(published.1.as_array().unwrap().len(), 8);
    assert_eq!(budget("bkn_2023_efficiency_total_spaced.xlsx"), published);
}

/// Tabel 3.2 with a blank row between its two header rows (Kinerja | Anggaran over Target …
/// Efisiensi): the sub-headers were read as a header of their own, without the indicator
/// columns, and the budget's pagu, realisasi and efficiency were left unread (warnings only);
/// BKN's template so parted was read as a budget per SS with no amounts, NPSS N/A, exit 0. The
/// two rows either side of the blank are the header.
#[test]
fn a_header_whose_two_rows_a_blank_row_parts_is_read_whole() {
    let read = |name: &str| {
        let (code, json) = crate::cli::check_json(name, &[]);
        let codes: Vec<serde_json::Value> =
            json["findings"].as_array().unwrap().iter().map(|f| f["code"].clone()).collect();
        // Each indicator as read, but for its cell (a row lower).
        let mut indicators = json["indicators"].as_array().unwrap().clone();
        indicators.iter_mut().for_each(|i| _ = i.as_object_mut().unwrap().remove("cell"));
        (code, json["npss"].clone(), indicators, json["budget"].clone(), codes)
    };
    let published = read("kr07_2024_budget_columns.xlsx");
    assert_eq!(published.3.as_array().unwrap().len(), 7);
    assert_eq!(read("kr07_2024_budget_columns_header_spaced.xlsx"), published);
}

/// An empty column headed "Capaian (%)" added before Target: it was read as the capaian column
/// (the first of two), and every capaian the unit printed under "Capaian Kinerja" went unchecked
/// without a word. An empty "Realisasi" added before the printed one: every realisasi "kosong"
/// (REALISASI_EMPTY) beside COLUMNS_DIFFER. The empty one holds nothing; the printed figures
/// and claims are read as published.
#[test]
fn an_empty_second_column_leaves_the_printed_figures_read() {
    let read = |name: &str| {
        let (code, json) = crate::cli::check_json(name, &[]);
        let indicators = json["indicators"].as_array().unwrap().clone();
        let figures = ["code", "realisasi", "claimed_capaian"];
        (code, indicators.iter().map(|i| figures.map(|f| i[f].clone())).collect::<Vec<_>>())
    };
    let (published_code, published) = read("kr07_2024_capaian.xlsx");
    assert_eq!(published.iter().filter(|[_, _, claimed]| claimed.is_number()).count(), 13);
    assert_eq!(read("kr07_2024_capaian_column_added_blank.xlsx"), (published_code, published.clone()));
    assert_eq!(read("kr07_2024_realisasi_column_added_blank.xlsx"), (published_code, published));
}

/// BKN's efficiency per SS with SS.2's anggaran (serapan) left blank: its printed efficiency
/// 7,92, which kinerja computes from the serapan, went unchecked without a word (the line's
/// EFISIENSI_BASIS disappeared). EFISIENSI_UNCHECKED, a warning, at the efficiency.
#[test]
fn an_efficiency_whose_serapan_is_blank_is_said_unchecked() {
    let outcome = check_fixture("bkn_2023_efficiency_serapan_blank.xlsx");
    assert_eq!(places(&outcome, Code::EfficiencyUnchecked), ["Tabel 3.41!E5"]);
    let unchecked = &findings(&outcome, Code::EfficiencyUnchecked)[0];
    assert_eq!((unchecked.severity, unchecked.found.as_str()), (kinerja::model::Severity::Warning, "7.92"));
    assert!(places(&check_fixture("bkn_2023_efficiency_per_ss.xlsx"), Code::EfficiencyUnchecked).is_empty());
}

/// Tabel 3.1 (the perspective summary) with Customer's label and the NPSS row's left blank:
/// their score, NKP and the printed NPSS were dropped unchecked without a word.
/// SUMMARY_ROW_UNREAD, a warning, at each row's first figure; the NPSS is the indicators'.
#[test]
fn a_summary_row_whose_label_is_no_perspective_is_said_unread() {
    let outcome = check_fixture("kr07_2024_summary_labels_blank.xlsx");
    assert_eq!(places(&outcome, Code::SummaryRowUnread), ["Tabel 3.1!B4", "Tabel 3.1!D7"]);
    assert!(findings(&outcome, Code::SummaryRowUnread).iter().all(|f| f.severity == kinerja::model::Severity::Warning));
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "99.27");
    assert!(places(&check_fixture("kr07_2024_capaian.xlsx"), Code::SummaryRowUnread).is_empty());
}

/// A kegiatan printing no realisasi is what its RO add up to: the Jumlah a million short of
/// its lines went unchecked (the kegiatan's blank left the sum unknown). It is BUDGET_TOTAL at
/// the Jumlah, and the kegiatan's own blank is no finding (its RO say what was spent).
#[test]
fn a_kegiatan_printing_no_realisasi_is_its_lines_sum() {
    let outcome = check_fixture("kr07_2024_budget_per_ro_kegiatan_blank.xlsx");
    assert_eq!(error_codes(&outcome), ["BUDGET_TOTAL"]);
    let total = &findings(&outcome, Code::BudgetTotal)[0];
    assert_eq!((total.found.as_str(), total.expected.as_str()), ("158.500.000", "159.500.000"));
    assert!(findings(&outcome, Code::BudgetRealisasiMissing).is_empty());
}

/// BKN's scorecard with an annex listing four Kantor Regional and a figure each ("SATKER" |
/// "NILAI", no table kinerja reads): before, the longest name in the list was taken for the
/// title, and the scorecard scored as Kantor Regional VIII's (exit 0). A list of units names no
/// one: BKN's, as published.
#[test]
fn a_list_of_units_in_an_annex_names_no_one() {
    let published = check_fixture("bkn_2023_scorecard.xlsx");
    let outcome = check_fixture("bkn_2023_scorecard_units_annex.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.identity, published.scored.as_ref().unwrap().0.identity);
    assert_eq!(report.identity.unit.as_deref(), Some("BKN"));
    assert_eq!(shown(&card.npss), "98.47");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new());
}

/// Kanreg VII's report titled "Kanreg VII BKN Medan" (Medan the seat of Kanreg VI): read as
/// KR07's without a word on the city, in KR07's folder. The number is taken, the other seat said
/// at the title: UNIT_SEAT_DIFFERS, a warning. A title naming the office's own seat says nothing.
#[test]
fn a_regional_office_titled_with_another_offices_seat_is_said() {
    let outcome = check_fixture("kr07_2024_titled_with_kr06_seat.xlsx");
    assert_eq!(outcome.unit.as_ref().map(|u| u.code.as_str()), Some("KR07"));
    let said = &findings(&outcome, Code::UnitSeatDiffers)[0];
    assert_eq!((said.subject.as_str(), said.found.as_str()), ("KR07", "Medan"));
    assert_eq!(said.expected, "Kantor Regional VII BKN Palembang");
    assert_eq!(places(&outcome, Code::UnitSeatDiffers), ["Tabel 3.2!A1"]);
    assert!(findings(&check_fixture("kr07_2024_capaian.xlsx"), Code::UnitSeatDiffers).is_empty());
}
