//! The worked examples of DOMAIN.md, read from workbooks in the layouts the reports print.

use crate::common::*;
use kinerja::model::{Code, Severity, Status};

#[test]
fn bkn_2023_scorecard_gives_npss_98_47() {
    let outcome = check_fixture("bkn_2023_scorecard.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.identity.unit.as_deref(), Some("BKN"));
    assert_eq!(report.identity.year, Some(2023));
    let capaian: Vec<String> = card.indicators.iter().map(|i| shown(&i.capaian)).collect();
    assert_eq!(
        capaian,
        [
            "94.17", "100.00", "101.32", "100.18", "100.00", "100.00", "103.09", "95.79", "102.14", "98.92", "94.66",
            "86.03", "100.00"
        ]
    );
    let nss: Vec<(String, String)> = card.goals.iter().map(|g| (g.code.clone(), shown(&g.nss))).collect();
    let expected = [
        ("SS.1", "97.08"),
        ("SS.2", "100.75"),
        ("SS.3", "100.00"),
        ("SS.4", "100.00"),
        ("SS.5", "103.09"),
        ("SS.6", "95.79"),
        ("SS.7", "96.35"),
    ];
    assert_eq!(nss, expected.map(|(a, b)| (a.to_string(), b.to_string())));
    let perspectives: Vec<(String, String, String)> =
        card.perspectives.iter().map(|p| (p.name.clone(), shown(&p.score), shown(&p.nkp))).collect();
    assert_eq!(
        perspectives,
        [
            ("Stakeholder", "97.08", "24.27"),
            ("Customer", "100.75", "25.19"),
            ("Internal Process", "99.72", "24.93"),
            ("Learn & Growth", "96.35", "24.09")
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    assert_eq!(shown(&card.npss), "98.47");
    assert_eq!(&*card.band, "Baik");
    // Full precision, not the sum of printed NKPs (98.48).
    assert_eq!(card.npss.value.unwrap().round_dp(4).to_string(), "98.4747");
}

#[test]
fn bkn_2022_recap_gives_npss_99_66() {
    let outcome = check_fixture("bkn_2022_recap.xlsx");
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
    let (_, card) = outcome.scored.as_ref().unwrap();
    let nkp: Vec<String> = card.perspectives.iter().map(|p| shown(&p.nkp)).collect();
    assert_eq!(nkp, ["27.50", "25.54", "23.40", "23.22"]);
    assert_eq!(shown(&card.npss), "99.66");
}

/// The recap headed "Nilai Perspektif" | "Bobot x Skor": the first was a second perspective column
/// (NPSS N/A, no finding, exit 0 where the NKP is headed NKP), the second a weight (NPSS 24,92).
/// Headed in words no rule knows, with no score column left, it is an error, not an N/A in silence;
/// so is a score kept as a fraction or written as a word, the recap's scores being its inputs.
#[test]
fn the_recap_headed_otherwise_gives_the_same_npss_or_says_why_not() {
    let outcome = check_fixture("bkn_2022_recap_headed_otherwise.xlsx");
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
    let card = &outcome.scored.as_ref().unwrap().1;
    let nkp: Vec<String> = card.perspectives.iter().map(|p| shown(&p.nkp)).collect();
    assert_eq!(nkp, ["27.50", "25.54", "23.40", "23.22"]);
    assert_eq!(shown(&card.npss), "99.66");
    let unread = check_fixture("bkn_2022_recap_scores_unread.xlsx");
    assert_eq!(places(&unread, Code::SkorColumnNone), ["NPSS 2022!A3"]);
    assert_eq!(unread.exit_code(), 1);
    // A recap printing no NKP or NPSS to compare with: Stakeholder's 110 kept as a fraction (1,10)
    // gave NPSS 72,44, and "Sangat Baik" for it left Stakeholder out (96,21), each exit 0.
    let fraction = check_fixture("bkn_2022_recap_score_fraction.xlsx");
    assert_eq!(places(&fraction, Code::ReadingUncertain), ["NPSS 2022!B4"]);
    assert_eq!(
        findings(&fraction, Code::ReadingUncertain)[0].expected,
        "mungkin 110.00 yang tersimpan sebagai seperseratusnya (pecahan); tulis 110.00"
    );
    let word = check_fixture("bkn_2022_recap_score_word.xlsx");
    assert_eq!(places(&word, Code::CellUnreadable), ["NPSS 2022!B4"]);
    assert_eq!((fraction.exit_code(), word.exit_code()), (1, 1));
    // A recap has no indicators, and a score is no opinion: the messages say neither.
    let said: Vec<String> = word.findings.iter().map(|f| f.message()).collect();
    assert_eq!(
        said,
        ["NPSS 2022!B4: Nilai NSS Stakeholder tidak dapat dibaca: \"Sangat Baik\". Isi dengan angka (misalnya 92,78) \
         atau N/A; opini (WTP) hanya untuk indikator yang diukur dengan opini."]
    );
    // Either way Stakeholder's score is unknown, not N/A: it keeps its share, and the NPSS is
    // unknown until the cell is corrected (it was 72,44 from the fraction; 96,21 without
    // Stakeholder, the others weighed 33,33 % each).
    for outcome in [&fraction, &word] {
        assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "N/A");
        let weights: Vec<[String; 2]> = weighed(outcome).into_iter().map(|[_, _, weight, nkp]| [nkp, weight]).collect();
        assert_eq!(weights, [["N/A", "25.00"], ["25.54", "25.00"], ["23.40", "25.00"], ["23.22", "25.00"]]);
    }
    // Beside an indicator table, a summary with no score column is claims only: nothing to say.
    assert!(findings(&check_fixture("bkn_2023_scorecard.xlsx"), Code::SkorColumnNone).is_empty());
}

/// The recap printing no NKP or NPSS with Stakeholder's score left blank: Stakeholder left out
/// of the NPSS (96,21) with PERSPECTIVE_NA, an info, alone. Blank is not written N/A:
/// SCORE_MISSING, a warning at the cell, as an indicator's blank realisasi is; written N/A, the
/// info alone still.
#[test]
fn a_recaps_perspective_score_left_blank_is_said() {
    let blank = check_fixture("bkn_2022_recap_score_blank.xlsx");
    assert_eq!(places(&blank, Code::ScoreMissing), ["NPSS 2022!B4"]);
    assert_eq!(findings(&blank, Code::ScoreMissing)[0].severity, Severity::Warning);
    assert_eq!(shown(&blank.scored.as_ref().unwrap().1.npss), "96.21");
    let na = check_fixture("bkn_2022_recap_score_na.xlsx");
    assert!(findings(&na, Code::ScoreMissing).is_empty());
    assert_eq!(places(&na, Code::PerspectiveNa), ["NPSS 2022!A4"]);
    assert_eq!((blank.exit_code(), na.exit_code()), (0, 0));
}

#[test]
fn kanreg_vii_2024_gives_npss_99_27_with_iku_1_not_applicable() {
    let outcome = check_fixture("kr07_2024_capaian.xlsx");
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.identity.unit.as_deref(), Some("KR07"));
    assert_eq!(report.indicators.len(), 14);
    assert_eq!(card.indicators[0].capaian.status(), Status::NotApplicable);
    assert_eq!(&*card.indicators[0].band, "Belum Ada Skor");
    let capaian: Vec<String> = card.indicators.iter().map(|i| shown(&i.capaian)).collect();
    assert_eq!(
        capaian,
        [
            "N/A", "100.00", "104.22", "98.27", "100.00", "100.00", "96.49", "100.00", "101.20", "96.24", "95.47",
            "85.94", "101.44", "100.00"
        ]
    );
    let scores: Vec<String> = card.perspectives.iter().map(|p| shown(&p.score)).collect();
    assert_eq!(scores, ["100.00", "101.25", "99.12", "96.72"]);
    let nkp: Vec<String> = card.perspectives.iter().map(|p| shown(&p.nkp)).collect();
    assert_eq!(nkp, ["25.00", "25.31", "24.78", "24.18"]);
    assert_eq!(shown(&card.npss), "99.27");
    // The summary table's claims were read and agree.
    assert_eq!(report.npss.as_ref().unwrap().value.to_string(), "99.27");
    assert!(report.perspectives.iter().all(|p| p.skor.is_some() && p.nkp.is_some()));
}

/// A perspective whose every indicator is N/A (the annual ones in a quarter) is left out as an N/A
/// indicator is left out of its goal: its weight goes to the others, never counted as zero (which
/// gave 74,27, "Cukup", for this report).
#[test]
fn a_perspective_with_no_score_yet_shares_its_weight_instead_of_scoring_zero() {
    let outcome = check_fixture("kr07_2024_perspective_na.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (_, card) = outcome.scored.as_ref().unwrap();
    let perspectives: Vec<(String, String, String)> = card
        .perspectives
        .iter()
        .map(|p| (p.name.clone(), kinerja::model::amount::display2(p.weight), shown(&p.nkp)))
        .collect();
    assert_eq!(
        perspectives,
        [
            ("Stakeholder", "0.00", "N/A"),
            ("Customer", "33.33", "33.75"),
            ("Internal Process", "33.33", "33.04"),
            ("Learn & Growth", "33.33", "32.24")
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    // (101,245 + 99,1225 + 96,715) / 3, as the report prints it.
    assert_eq!(shown(&card.npss), "99.03");
    assert_eq!(&*card.band, "Baik");
    let said = findings(&outcome, kinerja::model::Code::PerspectiveNa);
    assert_eq!(places(&outcome, kinerja::model::Code::PerspectiveNa), ["Tabel 3.2!A4"]);
    assert_eq!(said[0].expected, "Customer 33.33 %, Internal Process 33.33 %, Learn & Growth 33.33 %");
}

/// Three perspectives' NKP and NPSS divide once by three: 50,715 / 3 = 16,905 exactly, 16,91 half
/// up, and the NPSS 209,955 / 3 = 69,985, 69,99; the sum of a third of each (0,333…3 × each) was
/// 69,98499…, shown 69,98 without a word (the recap's 69,99 is within a claim's tolerance).
#[test]
fn three_perspectives_nkp_and_npss_are_exact_at_the_half() {
    let outcome = check_fixture("bkn_2022_recap_three_perspectives.xlsx");
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
    let (_, card) = outcome.scored.as_ref().unwrap();
    let nkp: Vec<String> = card.perspectives.iter().map(|p| shown(&p.nkp)).collect();
    assert_eq!(nkp, ["30.07", "23.01", "16.91"]);
    assert_eq!(card.npss.value.unwrap().to_string(), "69.985");
    assert_eq!(shown(&card.npss), "69.99");
}

#[test]
fn every_format_reads_the_same() {
    let reference = check_fixture("kr07_2024_capaian.xlsx");
    let (_, expected) = reference.scored.as_ref().unwrap();
    for name in ["kr07_2024_capaian.xls", "kr07_2024_capaian.xlsm", "kr07_2024_capaian.ods"] {
        let outcome = check_fixture(name);
        let (_, card) = outcome.scored.as_ref().unwrap_or_else(|| panic!("{name}: {:#?}", outcome.findings));
        assert_eq!(card, expected, "{name}");
        assert_eq!(outcome.exit_code(), 0, "{name}");
    }
}

#[test]
fn kanreg_vii_budget_columns_give_published_efficiency() {
    let outcome = check_fixture("kr07_2024_budget_columns.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (_, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(shown(&card.npss), "99.27");
    let line = |code: &str| card.budget.iter().find(|b| b.code == code).unwrap();
    let e = |code: &str| line(code).efisiensi.map(kinerja::model::amount::display2);
    assert_eq!(e("IKU.4").as_deref(), Some("-0.29"));
    assert_eq!(e("IKU.6").as_deref(), Some("0.17"));
    assert_eq!(e("IKU.7").as_deref(), Some("4.60"));
    // Capaian N/A: no efficiency, but serapan still computed; pagu 0: nothing to compute.
    assert_eq!(e("IKU.1"), None);
    assert_eq!(line("IKU.1").serapan.map(kinerja::model::amount::display2).as_deref(), Some("99.99"));
    assert_eq!(line("IKU.2").serapan, None);
    assert_eq!(line("IKU.4").pagu.unwrap().to_string(), "30400000");
}

/// IKU.13's opinion written out, as reports often print it: it was CELL_UNREADABLE, an error
/// that left Learn & Growth and the NPSS without a score.
#[test]
fn an_opinion_written_out_is_its_code() {
    let outcome = check_fixture("bkn_2023_opinion_in_words.xlsx");
    let (report, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(report.indicators[12].realisasi.value, kinerja::model::Value::Opinion("WTP".into()));
    assert_eq!(shown(&card.indicators[12].capaian), "100.00");
    assert_eq!(shown(&card.npss), "98.47");
    assert_eq!(outcome.exit_code(), 0, "{:#?}", outcome.findings);
}

#[test]
fn provisional_mark_travels_to_npss() {
    let outcome = check_fixture("bkn_2023_provisional_iku1.xlsx");
    let (_, card) = outcome.scored.as_ref().unwrap();
    assert_eq!(card.indicators[0].capaian.status(), Status::Provisional);
    assert!(card.goals[0].nss.provisional);
    assert!(card.perspectives[0].score.provisional);
    assert!(!card.perspectives[1].score.provisional);
    assert!(card.npss.provisional);
    assert_eq!(shown(&card.npss), "98.47");
    assert_eq!(places(&outcome, kinerja::model::Code::Provisional), ["Tabel 3.1!C6"]);
}
