//! The discrepancy review: each rule caught where it should be, and no false alarm on the
//! published reports as printed.

use crate::common::*;
use kinerja::check::{Given, check_with, to_json};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::{Code, Finding, Language, Severity, Value};

/// The agreement as the service keeps it: checked (its codes through the configured crosswalk).
fn agreement(name: &str) -> kinerja::model::Report {
    let outcome = kinerja::check::check(&fixture(name), &Config::builtin(), &Overrides::default());
    outcome.scored.expect("the agreement is read").0
}

fn against(report: &str, pk: &str) -> kinerja::check::Outcome {
    let given = Given { agreement: Some(agreement(pk)), previous: None };
    check_with(&fixture(report), &Config::builtin(), &Overrides::default(), &given)
}

fn subjects(outcome: &kinerja::check::Outcome, code: Code) -> Vec<String> {
    findings(outcome, code).iter().map(|f| f.subject.clone()).collect()
}

#[test]
fn the_published_reports_raise_no_error_against_their_agreements() {
    let bkn = against("bkn_2023_scorecard.xlsx", "bkn_2023_agreement.xlsx");
    assert_eq!(error_codes(&bkn), Vec::<&str>::new(), "{:#?}", bkn.findings);
    assert_eq!(shown(&bkn.scored.as_ref().unwrap().1.npss), "98.47");
    let kr07 = against("kr07_2024_budget_columns.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&kr07), Vec::<&str>::new(), "{:#?}", kr07.findings);
    assert_eq!(shown(&kr07.scored.as_ref().unwrap().1.npss), "99.27");
    // IKU 1 is N/A with its reason only in the report's prose: a warning, not an error.
    assert_eq!(subjects(&kr07, Code::NaUnexplained), ["Realisasi IKU.1"]);
}

/// A row bearing another indicator's name of the agreement, or of the unit's built-in set where
/// none is on file (IKU 3's and IKU 4's numbers swapped, each name with its figures, both targets
/// 95 in one goal), is said at the row: nothing else differed, and IKU.3, rolled up into BKN's
/// IKM pembinaan, was the unit's IKM of layanan.
#[test]
fn a_row_named_as_another_indicator_of_the_agreement_is_said() {
    let outcome = against("kr07_2024_indicators_swapped.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&outcome), ["INDICATOR_RENUMBERED", "INDICATOR_RENUMBERED"]);
    assert_eq!(places(&outcome, Code::IndicatorRenumbered), ["Tabel 3.2!C8", "Tabel 3.2!C9"]);
    let said = findings(&outcome, Code::IndicatorRenumbered)[0].message();
    assert!(
        said.contains(
            "Baris IKU.4 bernama \"Indeks Kepuasan Masyarakat terhadap Pembinaan Manajemen ASN\", yaitu nama IKU.3 \
             dalam Perjanjian Kinerja yang berlaku"
        ),
        "{said}"
    );
    // Numbered as the agreement numbers them, the report raises none.
    let published = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert!(findings(&published, Code::IndicatorRenumbered).is_empty());
    // With no agreement on file, the unit's built-in set names the indicators as well.
    let unheld = check_fixture("kr07_2024_indicators_swapped.xlsx");
    assert_eq!(places(&unheld, Code::IndicatorRenumbered), ["Tabel 3.2!C8", "Tabel 3.2!C9"]);
    let said = findings(&unheld, Code::IndicatorRenumbered)[1].message();
    assert!(said.contains("yaitu nama IKU.4 dalam struktur Renstra yang berlaku"), "{said}");
    assert!(findings(&check_fixture("kr07_2024_capaian.xlsx"), Code::IndicatorRenumbered).is_empty());
}

#[test]
fn every_departure_from_the_agreement_is_reported_and_the_agreement_governs() {
    let outcome = against("kr07_2024_review_errors.xlsx", "kr07_2024_agreement_kode.xlsx");
    let target = &findings(&outcome, Code::TargetMismatch)[0];
    assert_eq!((target.subject.as_str(), target.found.as_str(), target.expected.as_str()), ("IKU.3", "90", "95"));
    assert_eq!(places(&outcome, Code::TargetMismatch), ["Tabel 3.2!D9"]);
    assert_eq!(
        target.message(),
        "Tabel 3.2!D9: Target IKU.3 tertulis 90, sedangkan Perjanjian Kinerja yang berlaku menetapkan 95."
    );
    let moved = &findings(&outcome, Code::IndicatorMoved)[0];
    assert_eq!((moved.subject.as_str(), moved.found.as_str(), moved.expected.as_str()), ("IKU.7", "SS.6", "SS.5"));
    assert_eq!(places(&outcome, Code::IndicatorDuplicate), ["Tabel 3.2!C22"]);
    assert_eq!(subjects(&outcome, Code::IndicatorUnknown), ["IKU.15 Jumlah inovasi layanan"]);
    let unknown = &findings(&outcome, Code::IndicatorUnknown)[0];
    assert_eq!(
        unknown.message(),
        "Tabel 3.2!C23: IKU.15 Jumlah inovasi layanan tidak ada dalam Perjanjian Kinerja tahun 2024 yang berlaku; tidak dinilai."
    );
    assert_eq!(
        unknown.message_in(Language::En),
        "Tabel 3.2!C23: IKU.15 Jumlah inovasi layanan is not in the governing performance agreement for 2024; not scored."
    );
    assert_eq!(subjects(&outcome, Code::IndicatorMissing), ["IKU.9 Indeks Profesionalitas ASN Kanreg VII BKN"]);
    // Said at the row of its goal, SS.7, where the unit would have printed it.
    assert_eq!(places(&outcome, Code::IndicatorMissing), ["Tabel 3.2!B17"]);
    let goal = &findings(&outcome, Code::GoalMoved)[0];
    assert_eq!(
        (goal.subject.as_str(), goal.found.as_str(), goal.expected.as_str()),
        ("SS.6", "Learn & Growth", "Internal Process")
    );
    assert_eq!(places(&outcome, Code::BudgetOverspent), ["Tabel 3.2!H10"]);
    let total = &findings(&outcome, Code::BudgetTotal)[0];
    assert_eq!(
        (total.subject.as_str(), total.found.as_str(), total.expected.as_str()),
        ("pagu", "600.000.000", "593.299.000")
    );
    assert_eq!(places(&outcome, Code::OutOfRange), ["Tabel 3.2!E12"]);
    assert_eq!(places(&outcome, Code::NaUnexplained), ["Tabel 3.2!E6"]);
    // Scored by the agreement: IKU 3 against 95, IKU 7 back under SS.5, SS.6 in Internal
    // Process, IKU 15 not scored.
    let (report, card) = outcome.scored.as_ref().unwrap();
    let goal_of = |code: &str| report.indicators.iter().find(|i| i.code == code).map(|i| i.goal.clone());
    assert_eq!(goal_of("IKU.7").as_deref(), Some("SS.5"));
    assert_eq!(goal_of("IKU.15"), None);
    let ss6 = report.goals.iter().find(|g| g.code == "SS.6").unwrap();
    assert_eq!(ss6.perspective, "Internal Process");
    let iku3 = report.indicators.iter().position(|i| i.code == "IKU.3").unwrap();
    assert_eq!(shown(&card.indicators[iku3].capaian), "104.22");
    assert_eq!(outcome.exit_code(), 1);
}

#[test]
fn the_revised_agreement_governs_its_targets() {
    // 000: IKU.4 was 90 in the PK of 19 Dec 2022 and 91 in the PK of 1 Jun 2023.
    let old = against("bkn_2023_scorecard.xlsx", "bkn_2023_agreement_dec2022.xlsx");
    let target = &findings(&old, Code::TargetMismatch)[0];
    assert_eq!((target.subject.as_str(), target.found.as_str(), target.expected.as_str()), ("IKU.4", "91", "90"));
    let revised = against("bkn_2023_scorecard.xlsx", "bkn_2023_agreement.xlsx");
    assert!(findings(&revised, Code::TargetMismatch).is_empty());
}

/// An agreement printing SS.7 under the one "Internal Process" heading, as Kanreg XII's PK for
/// 2024 prints SS.3–SS.7 (DOMAIN.md: its reports are still scored by the Renstra's tree). Before,
/// the published report held to it was GOAL_MOVED and scored on three perspectives (NPSS 99,96
/// and four claim errors). The agreement places SS.7 in Learn & Growth and says so (a warning);
/// the report is scored as published.
#[test]
fn an_agreement_printing_a_goal_under_another_heading_keeps_the_renstras_tree() {
    let pk = check_fixture("kr07_2024_agreement_one_internal_heading.xlsx");
    assert_eq!(error_codes(&pk), Vec::<&str>::new());
    let placed = &findings(&pk, Code::GoalPlaced)[0];
    assert_eq!(
        (placed.subject.as_str(), placed.found.as_str(), placed.expected.as_str()),
        ("SS.7", "Internal Process", "Learn & Growth")
    );
    let held = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_one_internal_heading.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.27");
}

/// Kanreg VII's PK with its SS.4 row left blank: IKU.6 stood under SS.3 in the agreement, and the
/// published report held to it had IKU.6 INDICATOR_MOVED into SS.3 (NPSS 99.20 for 99.27). The
/// Renstra's structure puts IKU.6 under SS.4, stood in: INDICATOR_PLACED, a warning.
#[test]
fn an_agreement_printing_an_indicator_under_another_goal_keeps_the_renstras_tree() {
    let pk = check_fixture("kr07_2024_agreement_goal_row_blank.xlsx");
    assert_eq!(error_codes(&pk), Vec::<&str>::new());
    let placed = &findings(&pk, Code::IndicatorPlaced)[0];
    assert_eq!((placed.subject.as_str(), placed.found.as_str(), placed.expected.as_str()), ("IKU.6", "SS.3", "SS.4"));
    assert_eq!(places(&pk, Code::IndicatorPlaced), ["PK!A16"]);
    let held = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_goal_row_blank.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.27");
}

/// A goal coded other than the Renstra's, its indicators all known to it (SS.7 typed SS.8): the
/// report without an agreement, or the agreement itself, went without a word (a report with a goal
/// the structure does not know was taken to follow another tree), and the reports held to such a
/// PK were each told IKU.9–IKU.13 had moved. GOAL_UNKNOWN says where the Renstra puts them.
#[test]
fn a_goal_the_renstra_does_not_know_is_an_error() {
    for (name, at) in [
        ("bkn_2023_scorecard_goal_code_unknown.xlsx", "Tabel 3.1!A22"),
        ("bkn_2023_agreement_goal_code_unknown.xlsx", "PK 2023!B16"),
    ] {
        let outcome = check_fixture(name);
        assert_eq!(error_codes(&outcome), ["GOAL_UNKNOWN"], "{name}: {:#?}", outcome.findings);
        assert_eq!(places(&outcome, Code::GoalUnknown), [at]);
        let said = &findings(&outcome, Code::GoalUnknown)[0];
        assert_eq!((said.subject.as_str(), said.found.as_str(), said.expected.as_str()), ("SS.8", "SS.7", "BKN 2023"));
    }
}

/// BKN's PK with SS.3's name left blank (its number "3" still in the goals' No. column): before,
/// IKU.5 was read under SS.2 (Customer), so the scorecard held to it was told IKU.5 had moved,
/// and scored under the wrong goal. The number opens the goal.
#[test]
fn a_goal_whose_name_is_left_blank_is_opened_by_its_number() {
    let pk = agreement("bkn_2023_agreement_goal_name_blank.xlsx");
    let goal_of = |code: &str| pk.indicators.iter().find(|i| i.code == code).unwrap().goal.clone();
    assert_eq!((goal_of("IKU.5"), goal_of("IKU.6")), ("SS.3".to_string(), "SS.4".to_string()));
    let ss3 = pk.goals.iter().find(|g| g.code == "SS.3").unwrap();
    assert_eq!(ss3.perspective, "Internal Process");
    let held = against("bkn_2023_scorecard.xlsx", "bkn_2023_agreement_goal_name_blank.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "98.47");
}

/// A quarter's report holding indicators to its quarter's target (target antara) under "Target TW
/// III" is scored as printed and told the agreement's annual target; before, every such target was
/// a TARGET_MISMATCH error and scored against the year's, so the report was blocked.
#[test]
fn a_quarter_target_column_holds_the_quarter_to_its_own_targets() {
    let outcome = against("kr07_2024_tw3_interim_targets.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let interim = findings(&outcome, Code::TargetInterim);
    let said: Vec<_> = interim.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("IKU.3", "90", "95"), ("IKU.11", "60", "85")]);
    assert_eq!(places(&outcome, Code::TargetInterim), ["Tabel 3.2!D8", "Tabel 3.2!D18"]);
    assert_eq!(interim[0].severity, Severity::Warning);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let iku3 = report.indicators.iter().position(|i| i.code == "IKU.3").unwrap();
    assert_eq!(shown(&card.indicators[iku3].capaian), "104.22");
    assert_eq!(shown(&card.npss), "99.27");
    // A plain "Target" column is the year's: the same figures differ from the agreement.
    let unmarked = against("kr07_2024_tw3_interim_targets_unmarked.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(subjects(&unmarked, Code::TargetMismatch), ["IKU.3", "IKU.11"]);
    assert!(findings(&unmarked, Code::TargetInterim).is_empty());
    // Beside a "Target PK 2024" column of the year's targets, "Target TW III" is still the
    // quarter's: before, two target columns that differ (COLUMNS_DIFFER), the year's scored and
    // every claim resting on IKU 3 and IKU 11 an error (NPSS 97,42).
    let both = against("kr07_2024_tw3_interim_and_year_targets.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&both), Vec::<&str>::new(), "{:#?}", both.findings);
    assert_eq!(places(&both, Code::TargetInterim), ["Tabel 3.2!E8", "Tabel 3.2!E18"]);
    assert_eq!(findings(&both, Code::PeriodColumnsIgnored)[0].found, "TAHUNAN");
    assert_eq!(shown(&both.scored.as_ref().unwrap().1.npss), "99.27");
}

/// `second` checked as the next version of `first`.
fn resubmitted(first: &str, second: &str) -> kinerja::check::Outcome {
    let config = Config::builtin();
    let first = kinerja::check::check(&fixture(first), &config, &Overrides::default());
    let given = Given { agreement: None, previous: first.said() };
    check_with(&fixture(second), &config, &Overrides::default(), &given)
}

#[test]
fn a_resubmission_shows_what_changed_and_the_claims_left_stale() {
    let config = Config::builtin();
    let second = resubmitted("bkn_2023_scorecard.xlsx", "bkn_2023_v2_stale_claims.xlsx");
    let changed = &findings(&second, Code::Changed)[0];
    assert_eq!(
        (changed.subject.as_str(), changed.found.as_str(), changed.expected.as_str()),
        ("Realisasi IKU.4", "91.16", "91.26")
    );
    assert_eq!(subjects(&second, Code::StaleClaim), ["IKU.4", "SS.2", "Skor Customer", "NKP Customer", "NPSS"]);
    let npss = findings(&second, Code::StaleClaim).into_iter().find(|f| f.subject == "NPSS").unwrap();
    assert_eq!((npss.found.as_str(), npss.expected.as_str()), ("98.47", "98.49"));
    // The same workbook without its previous version: plain claim findings.
    let alone = kinerja::check::check(&fixture("bkn_2023_v2_stale_claims.xlsx"), &config, &Overrides::default());
    assert!(findings(&alone, Code::StaleClaim).is_empty());
    assert_eq!(findings(&alone, Code::ClaimNpss).len(), 1);
}

/// A resent report whose only change is a claim the unit corrected (the NPSS, its figures as
/// before) says so: it was "Tidak ada perubahan dari versi sebelumnya". A claim that follows a
/// changed realisasi is not said again: the realisasi's change says it.
#[test]
fn a_corrected_claim_is_a_change() {
    let corrected = resubmitted("bkn_2023_wrong_claims.xlsx", "bkn_2023_v2_stale_claims.xlsx");
    let said: Vec<_> = findings(&corrected, Code::Changed)
        .iter()
        .map(|f| (f.subject.clone(), f.found.clone(), f.expected.clone(), f.at.as_ref().map(|a| a.a1())))
        .collect();
    assert_eq!(said, [("NPSS".into(), "98.74".into(), "98.47".into(), Some("A2".into()))]);
    let revised = resubmitted("bkn_2023_v2_stale_claims.xlsx", "bkn_2023_scorecard.xlsx");
    assert_eq!(subjects(&revised, Code::Changed), ["Realisasi IKU.4"]);
}

/// A resent report whose realisasi column could not be read (no column headed Realisasi) or
/// whose columns name only another year changed none of its values: they were not read. Before,
/// every realisasi (or target) was said to have changed to "(kosong)".
#[test]
fn values_read_from_no_column_are_not_changes() {
    for (second, code) in [
        ("kr07_2024_realisasi_column_none.xlsx", "REALISASI_COLUMN_NONE"),
        ("kr07_2024_headed_last_year.xlsx", "READING_UNCERTAIN"),
    ] {
        let resent = resubmitted("kr07_2024_capaian.xlsx", second);
        assert!(error_codes(&resent).contains(&code), "{second}");
        assert!(findings(&resent, Code::Changed).is_empty(), "{second}: {:#?}", findings(&resent, Code::Changed));
    }
}

#[test]
fn severities_and_language_come_from_the_configuration() {
    let dir = std::env::temp_dir().join(format!("kinerja-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kinerja.toml");
    std::fs::write(
        &path,
        "[review]\nlanguage = \"en\"\nseverity = { NA_UNEXPLAINED = \"error\", CLAIM_NPSS = \"warning\" }\n",
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(config.review.language, Language::En);
    let outcome = kinerja::check::check(&fixture("kr07_2024_capaian.xlsx"), &config, &Overrides::default());
    let na = &findings(&outcome, Code::NaUnexplained)[0];
    assert_eq!(na.severity, Severity::Error);
    let json = to_json(&outcome);
    let message =
        json["findings"].as_array().unwrap().iter().find(|f| f["code"] == "NA_UNEXPLAINED").unwrap()["message"]
            .as_str()
            .unwrap()
            .to_string();
    assert_eq!(
        message,
        "Tabel 3.2!E5: Realisasi IKU.1 is N/A without an explanation; give the reason in a keterangan column."
    );
    // The readable form speaks the same language around the findings.
    let text = kinerja::check::to_text(&outcome);
    for english in [
        "File     :",
        "Year     : 2024   Period: TAHUNAN",
        "score 100.00  weight 25.00%",
        "Findings: errors 1, warnings 0",
    ] {
        assert!(text.contains(english), "{english}: {text}");
    }
    assert!(!text.contains("Temuan:") && !text.contains("rinciannya") && !text.contains("bobot"), "{text}");
    let wrong = kinerja::check::check(&fixture("bkn_2023_wrong_claims.xlsx"), &config, &Overrides::default());
    assert_eq!(findings(&wrong, Code::ClaimNpss)[0].severity, Severity::Warning);
    // kinerja's own words inside a finding's values too: a row the next version left out.
    let before = kinerja::check::check(&fixture("kr07_2024_budget_columns.xlsx"), &config, &Overrides::default());
    let (report, card) = before.scored.as_ref().unwrap();
    let previous = Some(kinerja::validate::history::Previous::of(report, card));
    let given = Given { agreement: None, previous };
    let next = check_with(&fixture("kr07_2024_v2_budget_revised.xlsx"), &config, &Overrides::default(), &given);
    let left_out = findings(&next, Code::Changed).into_iter().find(|f| f.subject == "Target IKU.14").unwrap();
    assert_eq!(
        left_out.message_in(Language::En),
        "Target IKU.14 changed from 100 to (not reported) since the previous version."
    );
}

#[test]
fn every_view_of_the_budget_adds_up_to_the_same_total() {
    let config = Config::builtin();
    let consistent = kinerja::check::check(&fixture("bkn_2023_budget_views.xlsx"), &config, &Overrides::default());
    assert_eq!(error_codes(&consistent), Vec::<&str>::new(), "{:#?}", consistent.findings);
    let (report, _) = consistent.scored.as_ref().unwrap();
    let accounts: Vec<&str> = report
        .budget
        .iter()
        .filter(|b| b.scope == kinerja::model::BudgetScope::Account)
        .map(|b| b.code.as_str())
        .collect();
    assert_eq!(&accounts[..4], ["51", "52", "53", "088.WA"]);

    let off =
        kinerja::check::check(&fixture("bkn_2023_budget_views_inconsistent.xlsx"), &config, &Overrides::default());
    let views = &findings(&off, Code::BudgetViews)[0];
    assert_eq!(
        (views.subject.as_str(), views.found.as_str(), views.expected.as_str()),
        ("realisasi", "1.029.677.308.609", "1.028.677.308.609 (Tabel 3.39!A2)")
    );
    assert_eq!(subjects(&off, Code::BudgetTotal), ["pagu 088.WA", "pagu 088.WA.4370"]);
    assert_eq!(places(&off, Code::BudgetTotal), ["Program!C3", "Program!C4"]);
    let sisa = &findings(&off, Code::ClaimSisa)[0];
    assert_eq!((sisa.found.as_str(), sisa.expected.as_str()), ("40.611.791.676", "39.611.791.676"));
}

/// Each budget line as (scope, code, pagu, realisasi).
fn budget_lines(outcome: &kinerja::check::Outcome) -> Vec<(String, String, String, String)> {
    let amount = |r: &kinerja::model::Reading| format!("{:?}", r.value);
    let lines = outcome.scored.as_ref().unwrap().0.budget.iter();
    lines.map(|b| (b.scope.as_str().to_string(), b.code.clone(), amount(&b.pagu), amount(&b.realisasi))).collect()
}

/// Budget views headed as units also head them: the overall budget in two columns, realisasi
/// first (`Realisasi | Pagu`); accounts under `Akun | Jenis Belanja | … | % Realisasi`; programs
/// known by name alone (`Uraian | …`, no code). Before, the overall table was no table, every
/// account row was read as a total of its own (three "TOTAL" lines) or, with `% Realisasi`, the
/// table refused for two realisasi columns, and the programs were left out without a word, so a
/// program's realisasi that did not add up went unseen.
#[test]
fn budget_views_headed_otherwise_read_to_the_same_lines_and_are_held_to_each_other() {
    let laid_out = check_fixture("bkn_2023_budget_views_laid_out.xlsx");
    assert_eq!(error_codes(&laid_out), Vec::<&str>::new(), "{:#?}", laid_out.findings);
    let lines = budget_lines(&laid_out);
    assert_eq!(lines[..4], budget_lines(&check_fixture("bkn_2023_budget_views.xlsx"))[..4]);
    let programs: Vec<&str> = lines[4..].iter().map(|l| l.1.as_str()).collect();
    assert_eq!(programs, ["Program Dukungan Manajemen", "Program Manajemen ASN"]);
    // Each line names the table it was read from, as the Rekap's Anggaran sheet shows it.
    let json = to_json(&laid_out);
    let tables: Vec<&str> = json["budget"].as_array().unwrap().iter().map(|b| b["table"].as_str().unwrap()).collect();
    assert_eq!(
        tables,
        ["Tabel 3.39!A2", "Tabel 3.40!A2", "Tabel 3.40!A2", "Tabel 3.40!A2", "Per Program!A2", "Per Program!A2"]
    );
    let off = check_fixture("bkn_2023_budget_views_laid_out_inconsistent.xlsx");
    assert_eq!(error_codes(&off), ["BUDGET_VIEWS"]);
    assert_eq!(places(&off, Code::BudgetViews), ["Per Program!A3"]);
}

/// A report's spending by kegiatan and RO (`4842` over `EBC.954` and `EBC.996`, then `4843` over
/// `EBA.956`, and its Jumlah): each RO is under the kegiatan above it, as in a plan's budget,
/// though its code does not extend the kegiatan's. Before, every line was a top line: the Jumlah
/// was held to kegiatan and RO added together (two BUDGET_TOTAL errors against a right table)
/// and a kegiatan was never held to its RO.
#[test]
fn spending_by_kegiatan_and_ro_adds_up_level_by_level() {
    let right = check_fixture("kr07_2024_budget_per_ro.xlsx");
    assert_eq!(error_codes(&right), Vec::<&str>::new(), "{:#?}", right.findings);
    let off = check_fixture("kr07_2024_budget_per_ro_inconsistent.xlsx");
    assert_eq!(error_codes(&off), ["BUDGET_TOTAL"]);
    assert_eq!(subjects(&off, Code::BudgetTotal), ["realisasi 4842"]);
    assert_eq!(places(&off, Code::BudgetTotal), ["Anggaran per RO!D3"]);
}

/// A central unit's report numbering its goals 1., 2., 3. against its PK coding them SP.1, SK.1,
/// SK.2 (and its indicators IKP.1, IKK.n): the same goals by their names, the same indicators by
/// the crosswalk. Once every indicator was INDICATOR_UNKNOWN; then every one INDICATOR_MOVED.
#[test]
fn a_report_coding_its_goals_otherwise_than_its_pk_is_held_to_it_by_their_names() {
    let outcome = against("puspenkom_2025_numbered_goals.xlsx", "puspenkom_2025_agreement.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let goals: Vec<&str> = report.goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(goals, ["SP.1", "SK.1", "SK.2"]);
    let placed: Vec<(&str, &str)> = report.indicators.iter().map(|i| (i.code.as_str(), i.goal.as_str())).collect();
    assert_eq!(placed[..2], [("IKU.1", "SP.1"), ("IKU.2", "SK.1")]);
    assert_eq!(placed[7], ("IKU.8", "SK.2"));
    // (104.039 + 100.194 + 93.929) / 3: its goals weigh alike with no perspective row.
    assert_eq!(shown(&card.npss), "99.39");
}

/// The same report with goal 2's name left blank, its number kept in No.: No. was taken for the
/// indicators' numbers ("1", "2" on rows of one goal), SS.2 lost and IKU.2–4 scored under SS.1,
/// NPSS 97,54, exit 0. A No. column numbering fewer than half the indicator rows numbers goals.
#[test]
fn a_goal_numbered_with_its_name_left_blank_keeps_its_indicators() {
    let tree = |outcome: &kinerja::check::Outcome| {
        let (report, card) = outcome.scored.as_ref().unwrap();
        let placed: Vec<(String, String)> =
            report.indicators.iter().map(|i| (i.code.clone(), i.goal.clone())).collect();
        (placed, shown(&card.npss))
    };
    let published = check_fixture("puspenkom_2025_numbered_goals.xlsx");
    let blank = check_fixture("puspenkom_2025_numbered_goals_name_blank.xlsx");
    assert_eq!(tree(&blank), tree(&published));
    assert_eq!(tree(&blank).1, "99.39");
    assert_eq!(tree(&blank).0[1], ("IKU.2".to_string(), "SS.2".to_string()));
    // With the goals' No. right of Sasaran (Sasaran | No. | Indikator Kinerja), it was taken for
    // the indicators' numbers: SS.2 lost, IKU.2–4 under SS.1, NPSS 97.54, warnings only.
    let no_after = check_fixture("puspenkom_2025_numbered_goals_name_blank_no_after.xlsx");
    assert_eq!(tree(&no_after), tree(&published));
}

/// The same with the blank-named goal numbered 3 where 2 is meant: the goal 3 printed below it
/// joined it, IKU.2–8 under one goal (NPSS 100.33 for 99.39), warnings only. A goal known by its
/// number alone, holding indicators, is another goal than a named one numbered alike.
#[test]
fn a_goal_number_typed_again_after_a_blank_named_goal_is_a_duplicate() {
    let outcome = check_fixture("puspenkom_2025_numbered_goals_name_blank_number_twice.xlsx");
    assert_eq!(error_codes(&outcome), ["GOAL_DUPLICATE"], "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::GoalDuplicate), ["Capaian!B8"]);
}

/// Kanreg VII's TW III with quarter columns and SS.4's name left blank (its number 4 kept, the
/// No. column numbering goals only): 4 beside IKU.6 was taken for an indicator's number, SS.4
/// lost and IKU.6 scored under SS.3 (NPSS 99.20), exit 0. A No. column that leaves most rows
/// below a goal's first unnumbered numbers goals.
#[test]
fn a_goal_numbered_in_a_column_numbering_goals_only_is_opened_by_its_number() {
    let blank = check_fixture("kr07_2024_tw3_goal_name_blank.xlsx");
    assert_eq!(error_codes(&blank), Vec::<&str>::new(), "{:#?}", blank.findings);
    let (report, card) = blank.scored.as_ref().unwrap();
    let goal_of = |code: &str| report.indicators.iter().find(|i| i.code == code).map(|i| i.goal.as_str());
    assert_eq!((goal_of("IKU.6"), goal_of("IKU.7")), (Some("SS.4"), Some("SS.5")));
    assert_eq!(shown(&card.npss), "99.27");
    // Held to its PK, SS.4 is named as the PK names it (it kept its blank name).
    let held = against("kr07_2024_tw3_goal_name_blank.xlsx", "kr07_2024_agreement_kode.xlsx");
    let ss4 = held.scored.as_ref().unwrap().0.goals.iter().find(|g| g.code == "SS.4").unwrap().name.clone();
    assert_eq!(ss4, "Terwujudnya peningkatan kualitas data dan sistem informasi ASN");
}

/// An indicator below a perspective row whose goal cell is left blank was scored under the goal
/// above the perspective row: PUSPENKOM's IKU.2–4 under SP.1 (NPSS 97.54 for 99.39), exit 0.
/// GOAL_BLANK, an error at the blank goal cell; held to the PK, the agreement's INDICATOR_MOVED
/// says where each is scored. BKN's scorecard with its SS.2 row's label blank: its NSS unread
/// (ROW_UNREAD), the Renstra's structure stands SS.2 in, in Customer, and moves IKU.3–4 there
/// (INDICATOR_MOVED), the NPSS BKN's 98.47 (it was 98.33, the goal the structure gives them not
/// printed).
#[test]
fn an_indicator_below_a_perspective_row_with_its_goal_blank_is_an_error() {
    let alone = check_fixture("puspenkom_2025_goal_blank.xlsx");
    assert_eq!(error_codes(&alone), ["GOAL_BLANK"], "{:#?}", alone.findings);
    let said = &findings(&alone, Code::GoalBlank)[0];
    assert_eq!(places(&alone, Code::GoalBlank), ["Capaian!B7"]);
    assert_eq!((said.subject.as_str(), said.expected.as_str()), ("IKU.2", "Customer"));
    let scorecard = check_fixture("bkn_2023_scorecard_goal_row_blank.xlsx");
    let moved = ["ROW_UNREAD", "INDICATOR_MOVED", "INDICATOR_MOVED"];
    assert_eq!(error_codes(&scorecard), moved, "{:#?}", scorecard.findings);
    assert_eq!(places(&scorecard, Code::RowUnread), ["Tabel 3.1!F9"]);
    // Its label blank, the row is named so, not by its NSS's status dot ("●").
    assert_eq!(findings(&scorecard, Code::RowUnread)[0].found, "(kosong)");
    let (report, card) = scorecard.scored.as_ref().unwrap();
    let ss2 = report.goals.iter().find(|g| g.code == "SS.2").unwrap();
    assert_eq!((ss2.name.as_str(), ss2.perspective.as_str()), ("(tanpa baris SS)", "Customer"));
    assert_eq!(shown(&card.npss), "98.47");
    // Its SS.4 cell cleared, kinerja's template had IKU.6 under SS.3 (98.45), exit 0.
    let template = check_fixture("template_bkn_2023_goal_blank.xlsx");
    assert_eq!(error_codes(&template), ["INDICATOR_MOVED"], "{:#?}", template.findings);
    assert_eq!(shown(&template.scored.as_ref().unwrap().1.npss), "98.47");
    let held = against("puspenkom_2025_goal_blank.xlsx", "puspenkom_2025_agreement.xlsx");
    assert_eq!(error_codes(&held), ["INDICATOR_MOVED"; 3], "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.39");
}

/// Kanreg VII's report for 2025 (no structure configured past 2024) printing each goal on a row
/// of its own in the indicator column, SS.4's row left blank: IKU.6 was scored under SS.3 (NPSS
/// 99.20 for 99.27), exit 0. The goals read skip SS.4 with a blank row just above IKU.6:
/// GOAL_SKIPPED there. Where the structure places IKU.6 (2024), its INDICATOR_MOVED says it.
#[test]
fn a_goal_row_left_blank_among_its_perspectives_goals_is_an_error() {
    let outcome = check_fixture("kr07_2025_goal_row_blank.xlsx");
    assert_eq!(error_codes(&outcome), ["GOAL_SKIPPED"], "{:#?}", outcome.findings);
    let said = &findings(&outcome, Code::GoalSkipped)[0];
    assert_eq!(places(&outcome, Code::GoalSkipped), ["Tabel 3.2!B15"]);
    assert_eq!((said.subject.as_str(), said.found.as_str(), said.expected.as_str()), ("IKU.6", "SS.3", "SS.4"));
    // Every goal printed, nothing skipped: the published layout says nothing.
    let published = check_fixture("kr07_2024_goal_rows_in_indicator_column.xlsx");
    assert!(findings(&published, Code::GoalSkipped).is_empty());
    // A Kanreg's PK with its SS.4 row blank is placed by the structure (INDICATOR_PLACED) alone.
    let agreement = check_fixture("kr07_2024_agreement_goal_row_blank.xlsx");
    assert_eq!(error_codes(&agreement), Vec::<&str>::new(), "{:#?}", agreement.findings);
}

/// PUSPENKOM's report with goal 2's number and name left blank on IKU.2's row (its goals printed
/// beside their first indicator): IKU.2–4 scored under SS.1 (NPSS 97,54 for 99,39), warnings
/// only. Kanreg VII's for 2025 with SS.4's row deleted: IKU.6 under SS.3 (99,20 for 99,27), exit
/// 0. No blank row stands where the goal was, but the goals' numbers skip it: GOAL_GAP at the
/// goal above. Held to the PK, the agreement places each indicator and the skip is its to settle;
/// a PK's own numbering is not held against it.
#[test]
fn a_skip_in_the_goals_numbers_without_a_blank_row_is_an_error() {
    let beside = check_fixture("puspenkom_2025_numbered_goals_goal_cells_blank.xlsx");
    assert_eq!(error_codes(&beside), ["GOAL_GAP"], "{:#?}", beside.findings);
    let said = &findings(&beside, Code::GoalGap)[0];
    assert_eq!(places(&beside, Code::GoalGap), ["Capaian!B4"]);
    assert_eq!((said.subject.as_str(), said.found.as_str(), said.expected.as_str()), ("SS.2", "SS.1", "SS.3"));
    let deleted = check_fixture("kr07_2025_goal_row_deleted.xlsx");
    assert_eq!(error_codes(&deleted), ["GOAL_GAP"], "{:#?}", deleted.findings);
    assert_eq!(places(&deleted, Code::GoalGap), ["Tabel 3.2!A13"]);
    let held = against("puspenkom_2025_numbered_goals_goal_cells_blank.xlsx", "puspenkom_2025_agreement.xlsx");
    assert_eq!(error_codes(&held), ["INDICATOR_MOVED"; 3], "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.39");
    // A PK numbering its goals SK.1, SK.3 is the reference its reports are held to: not said.
    let agreement = check_fixture("puspenkom_2025_agreement_goal_numbers_skip.xlsx");
    assert_eq!(error_codes(&agreement), Vec::<&str>::new(), "{:#?}", agreement.findings);
}

/// The same report for 2025 with IKU.7's row traded with its goal's (SS.5) above it: IKU.7 went
/// under SS.4 and SS.5 stood with nothing under it, unscored, Internal Process's score the mean
/// of the others' (NPSS 99,34 for 99,27), exit 0. GOAL_EMPTY at SS.5. (Where the structure
/// places IKU.7, in 2024, INDICATOR_MOVED says it and SS.5 holds it again.)
#[test]
fn a_goal_with_no_indicator_under_it_is_an_error() {
    let outcome = check_fixture("kr07_2025_indicator_above_its_goal.xlsx");
    assert_eq!(error_codes(&outcome), ["GOAL_EMPTY"], "{:#?}", outcome.findings);
    let said = &findings(&outcome, Code::GoalEmpty)[0];
    assert_eq!((said.subject.as_str(), said.found.as_str()), ("SS.5", "Internal Process"));
}

/// PUSPENKOM's report numbering its third goal 2 again: its indicators went under the first
/// goal 2, in Customer (NPSS 100.33 for 99.39), exit 0. GOAL_DUPLICATE at the second.
#[test]
fn a_goal_code_used_again_for_another_goal_is_an_error() {
    let outcome = check_fixture("puspenkom_2025_goal_number_twice.xlsx");
    assert_eq!(error_codes(&outcome), ["GOAL_DUPLICATE"], "{:#?}", outcome.findings);
    let said = &findings(&outcome, Code::GoalDuplicate)[0];
    assert_eq!(places(&outcome, Code::GoalDuplicate), ["Capaian!B11"]);
    assert_eq!((said.subject.as_str(), said.expected.as_str()), ("SS.2", "Capaian!B7"));
    assert_eq!(said.found, "Terwujudnya tata kelola yang akuntabel");
}

/// Kanreg VII's Tabel 3.2 carried on over a second sheet, numbering a goal there 3 again: it
/// was looked for within one table only, IKU 13–14 went under the SS.3 of the first sheet (a
/// unit without a structure to move them: exit 0). GOAL_DUPLICATE at the second; the goal the
/// first sheet stopped in, printed again atop the second under another name ("(lanjutan)"),
/// goes on and is no finding.
#[test]
fn a_goal_code_used_again_in_a_table_carried_on_is_an_error() {
    let outcome = check_fixture("kr07_2024_table_continued_goal_number_twice.xlsx");
    assert_eq!(places(&outcome, Code::GoalDuplicate), ["Tabel 3.2 (lanjutan)!B5"]);
    assert_eq!(findings(&outcome, Code::GoalDuplicate)[0].expected, "Tabel 3.2!B11");
    check_as_published("kr07_2024_table_continued_goal_printed_again.xlsx");
}

/// The same report with its Internal Process row labelled "Perspekif Internal Process"
/// (mistyped): without the word "perspektif", the row was passed over and SK.2 scored under
/// Customer (NPSS 100.55 for 99.39), exit 0; so was a row labelled "Customer" alone. A short
/// label alone on its row naming a perspective is a perspective row.
#[test]
fn a_perspective_row_labelled_without_the_word_perspektif_is_read() {
    let outcome = check_fixture("puspenkom_2025_perspective_rows_bare.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let placed: Vec<&str> = report.goals.iter().map(|g| g.perspective.as_str()).collect();
    assert_eq!(placed, ["Stakeholder", "Customer", "Internal Process"]);
    assert_eq!(shown(&card.npss), "99.39");
}

/// The same report with its Internal Process row typed "Perspektif Customer": SK.2 scored in
/// Customer, two perspectives (NPSS 100.55 for 99.39), exit 0. A perspective printed again after
/// goals is PERSPECTIVE_REPEATED at the row.
#[test]
fn a_perspective_row_printed_again_after_goals_is_an_error() {
    let outcome = check_fixture("puspenkom_2025_perspective_row_again.xlsx");
    assert_eq!(error_codes(&outcome), ["PERSPECTIVE_REPEATED"], "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::PerspectiveRepeated), ["Capaian!A10"]);
    assert_eq!(findings(&outcome, Code::PerspectiveRepeated)[0].expected, "Capaian!A6");
}

/// A PK naming each goal's perspective in a Perspektif column on the goal's row: each row was
/// taken for a perspective row, the goals' names lost ("(tanpa baris SS)", stood in by the
/// structure). A perspective column's label beside a goal is the goal's perspective, and the
/// same perspective on each of its goals' rows is no repetition.
#[test]
fn a_perspective_column_beside_each_goal_keeps_the_goals() {
    let pk = check_fixture("kr07_2024_agreement_perspective_column.xlsx");
    assert_eq!(error_codes(&pk), Vec::<&str>::new(), "{:#?}", pk.findings);
    let report = &pk.scored.as_ref().unwrap().0;
    let ss4 = report.goals.iter().find(|g| g.code == "SS.4").unwrap();
    assert!(ss4.name.starts_with("Terwujudnya peningkatan kualitas data"), "{}", ss4.name);
    assert_eq!(ss4.perspective, "Internal Process");
    let held = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_perspective_column.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.27");
}

/// BKN's scorecard with SS.3's code typed "S.S.3": the row opened no goal and held no target or
/// realisasi, so it went without a word, IKU.5 under SS.2 (NPSS 98.39, refused only by the claims
/// it broke; a unit with no structure and no claims, exit 0). A row holding an NSS that opens no
/// goal is ROW_UNREAD at its NSS; the structure puts IKU.5 back under SS.3.
#[test]
fn a_goal_row_whose_code_cannot_be_read_is_said_at_its_nss() {
    let outcome = check_fixture("bkn_2023_scorecard_goal_code_mistyped.xlsx");
    assert_eq!(error_codes(&outcome), ["ROW_UNREAD", "INDICATOR_MOVED"], "{:#?}", outcome.findings);
    assert_eq!(places(&outcome, Code::RowUnread), ["Tabel 3.1!F13"]);
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "98.47");
}

/// A PK without perspective rows (KODE SS | SASARAN STRATEGIS | KODE IKU | … | TARGET only): its
/// goals go where the unit's Renstra structure puts them. They stayed "(tanpa perspektif)", and
/// the published report held to it had each goal GOAL_MOVED into no perspective (NPSS 99.21).
#[test]
fn an_agreement_without_perspective_rows_is_placed_by_the_structure() {
    let pk = check_fixture("kr07_2024_agreement_no_perspectives.xlsx");
    assert!(findings(&pk, Code::PerspectiveMissing).is_empty(), "{:#?}", pk.findings);
    let placed: Vec<(&str, &str)> =
        pk.scored.as_ref().unwrap().0.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
    assert_eq!(placed[..2], [("SS.1", "Stakeholder"), ("SS.2", "Customer")]);
    assert_eq!(placed[6], ("SS.7", "Learn & Growth"));
    let outcome = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_no_perspectives.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    assert_eq!(shown(&outcome.scored.as_ref().unwrap().1.npss), "99.27");
}

/// A central unit's report printing a perspective row above each goal, held to a PK that prints
/// none and a unit with no configured structure: the report's perspectives stand. Each goal was
/// GOAL_MOVED "into (tanpa perspektif)", three errors against a right report.
#[test]
fn a_report_keeps_its_perspectives_where_its_agreement_prints_none() {
    let outcome = against("puspenkom_2025_perspective_rows.xlsx", "puspenkom_2025_agreement.xlsx");
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
    let (report, card) = outcome.scored.as_ref().unwrap();
    let placed: Vec<(&str, &str)> = report.goals.iter().map(|g| (g.code.as_str(), g.perspective.as_str())).collect();
    assert_eq!(placed, [("SP.1", "Stakeholder"), ("SK.1", "Customer"), ("SK.2", "Internal Process")]);
    // One goal a perspective, a third each: the same 99.39 as without the rows.
    assert_eq!(shown(&card.npss), "99.39");
}

/// The same report with its Customer row left blank: SK.1 was scored under Stakeholder, the goal
/// above it (NPSS 98.02 for 99.39), exit 0, alone or held to its PK (which prints no perspective).
/// The blank row where a perspective row stood is an error at that row; a Kanreg's report so
/// left is placed by the Renstra's structure (GOAL_MOVED), and says nothing more.
#[test]
fn a_perspective_row_left_blank_is_an_error_where_nothing_places_the_goal() {
    said_alone_and_held(
        "puspenkom_2025_perspective_row_blank.xlsx",
        Code::PerspectiveBlank,
        "Capaian!A6",
        "Stakeholder",
    );
    let placed = check_fixture("kr07_2024_perspective_row_blank.xlsx");
    assert_eq!(error_codes(&placed), ["GOAL_MOVED"], "{:#?}", placed.findings);
    let card = &placed.scored.as_ref().unwrap().1;
    assert_eq!(shown(&card.npss), "99.27");
    // Customer, placed back, stands in the tree's order (it was listed last, after Learn & Growth).
    let order: Vec<&str> = card.perspectives.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(order, ["Stakeholder", "Customer", "Internal Process", "Learn & Growth"]);
}

/// The same report with its Customer row deleted outright: SK.1 was scored under Stakeholder
/// (NPSS 98.02 for 99.39), exit 0, alone or held to its PK, with no blank row to say it. The
/// perspective rows skip Customer, and the perspective above holds two goals: an error at the
/// second. A Kanreg's report so left is placed by the Renstra's structure (GOAL_MOVED) alone.
#[test]
fn a_perspective_row_deleted_is_an_error_where_nothing_places_the_goal() {
    let said = said_alone_and_held(
        "puspenkom_2025_perspective_row_deleted.xlsx",
        Code::PerspectiveSkipped,
        "Capaian!B6",
        "Stakeholder",
    );
    assert_eq!(said.expected, "Customer");
    let placed = check_fixture("kr07_2024_perspective_row_deleted.xlsx");
    assert_eq!(error_codes(&placed), ["GOAL_MOVED"], "{:#?}", placed.findings);
    assert_eq!(shown(&placed.scored.as_ref().unwrap().1.npss), "99.27");
}

/// The first goal's row moved below the Customer row (a cut and paste one row too far):
/// Stakeholder's row stood with nothing under it, and PUSPENKOM was scored over two perspectives
/// at 50 % each, the goal in Customer, NPSS 98,02 for 99,39, exit 0, alone or held to its PK
/// (which prints no perspective).
#[test]
fn a_perspective_row_with_nothing_under_it_is_an_error_where_nothing_places_the_goal() {
    let fixture = "puspenkom_2025_goal_row_below_next_perspective.xlsx";
    let said = said_alone_and_held(fixture, Code::PerspectiveEmpty, "Capaian!B6", "Customer");
    assert_eq!(said.expected, "Stakeholder");
    // The same perspective's row printed twice, one under the other, empties none.
    check_clean("puspenkom_2025_perspective_row_twice.xlsx", "99.39");
}

/// Kanreg VII's Tabel 3.2 without its Learn & Growth rows (SS.7 and IKU 9–14), no Tabel 3.1 to
/// claim them, no PK yet: scored over three perspectives at a third each, NPSS 100,12 for
/// 99,27, exit 0. The Renstra's structure names the indicators it leaves out, each an error,
/// with its name.
#[test]
fn a_report_leaving_out_its_structures_indicators_is_told_which() {
    let outcome = check_fixture("kr07_2024_learn_growth_left_out.xlsx");
    assert_eq!(error_codes(&outcome), ["INDICATOR_MISSING"; 6], "{:#?}", outcome.findings);
    let left: Vec<(&str, &str)> =
        findings(&outcome, Code::IndicatorMissing).iter().map(|f| (f.subject.as_str(), f.expected.as_str())).collect();
    // Named as the Kantor Regional's built-in set names them (the structure knows codes only).
    assert_eq!(left[0], ("IKU.9 Indeks Profesionalitas ASN Kantor Regional VII BKN Palembang", "SS.7"));
    assert_eq!(left[5], ("IKU.14 Persentase tindak lanjut temuan hasil audit BPK/Inspektorat", "SS.7"));
    assert!(findings(&outcome, Code::IndicatorMissing)[0].message().contains("struktur Renstra"));
    // SS.7 is not printed either: no row to point at.
    assert_eq!(places(&outcome, Code::IndicatorMissing), Vec::<String>::new());
    // Under a goal the report prints, at that goal's row.
    let evaluation = check_fixture("kr07_2023_evaluation_years.xlsx");
    assert_eq!(places(&evaluation, Code::IndicatorMissing), ["Evaluasi!B9"]);
    // BKN's own tree has no IKU.14: its scorecard leaves nothing out.
    let bkn = check_fixture("bkn_2023_scorecard.xlsx");
    assert!(findings(&bkn, Code::IndicatorMissing).is_empty(), "{:#?}", bkn.findings);
}

/// `fixture`'s one error, `code` at `at` reading the goal in the perspective `read_in`, the same
/// alone and held to PUSPENKOM's PK (which prints no perspective); the finding, for what it
/// expected.
fn said_alone_and_held(fixture: &str, code: Code, at: &str, read_in: &str) -> Finding {
    let alone = check_fixture(fixture);
    let held = against(fixture, "puspenkom_2025_agreement.xlsx");
    for outcome in [&alone, &held] {
        assert_eq!(error_codes(outcome), [code.as_str()], "{:#?}", outcome.findings);
        assert_eq!(places(outcome, code), [at]);
        assert_eq!(findings(outcome, code)[0].found, read_in);
    }
    findings(&held, code)[0].clone()
}

/// The same report with its first perspective row (Stakeholder) blank, held to its PK, which
/// prints no perspective: SP.1 was scored under a made-up "(tanpa perspektif)" without a word
/// (the agreement was taken to place every goal). It is PERSPECTIVE_MISSING, by the PK's code.
#[test]
fn a_goal_neither_the_report_nor_its_agreement_places_is_said() {
    let outcome = against("puspenkom_2025_first_perspective_blank.xlsx", "puspenkom_2025_agreement.xlsx");
    assert_eq!(subjects(&outcome, Code::PerspectiveMissing), ["SP.1"]);
    assert_eq!(error_codes(&outcome), Vec::<&str>::new(), "{:#?}", outcome.findings);
}

/// A bare `%` right of the pagu in a budget table per SS is the share spent: it was read as the
/// goal's capaian kinerja, and two right figures were errors against the NSS.
#[test]
fn a_percent_beside_the_budget_is_its_serapan() {
    let outcome = check_fixture("bkn_2023_budget_percent_column.xlsx");
    assert_eq!(error_codes(&outcome), ["CLAIM_SERAPAN"]);
    assert_eq!(places(&outcome, Code::ClaimSerapan), ["Tabel 3.40!E5"]);
    let claim = &findings(&outcome, Code::ClaimSerapan)[0];
    assert_eq!((claim.subject.as_str(), claim.found.as_str(), claim.expected.as_str()), ("SS.2", "92.84", "92.48"));
}

/// A column headed only `%` under a group ("Kinerja", "Anggaran") is that group's percentage: it
/// had no role, and neither the capaian nor the serapan printed there was checked.
#[test]
fn a_percent_under_a_group_header_is_checked() {
    let outcome = check_fixture("kr07_2024_budget_percent_columns.xlsx");
    assert_eq!(error_codes(&outcome), ["CLAIM_SERAPAN"]);
    assert_eq!(places(&outcome, Code::ClaimSerapan), ["Tabel 3.2!I14"]);
    let report = &outcome.scored.as_ref().unwrap().0;
    let claimed = report.indicators.iter().filter(|i| i.capaian.is_some()).count();
    assert_eq!(claimed, 13, "every capaian but IKU 1's N/A is claimed");
    let serapan = report.budget.iter().filter(|b| b.serapan.is_some()).count();
    assert_eq!(serapan, 4);
}

/// A table with no target column: without an agreement, said once (not "kosong atau nol" for
/// each IKU); with one, its targets govern and nothing is missing.
#[test]
fn a_report_without_a_target_column_is_said_to_lack_it_unless_its_agreement_gives_them() {
    let alone = check_fixture("kr07_2024_target_column_none.xlsx");
    assert_eq!(error_codes(&alone), ["TARGET_COLUMN_NONE"]);
    assert_eq!(findings(&alone, Code::TargetColumnNone)[0].found, "14");
    let held = against("kr07_2024_target_column_none.xlsx", "kr07_2024_agreement_kode.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
    assert_eq!(shown(&held.scored.as_ref().unwrap().1.npss), "99.27");
}

/// A PK printing last year's realisasi beside its targets is the agreement: it was filed as the
/// year's report, scored on last year's figures, without a word.
#[test]
fn an_agreement_beside_last_years_realisasi_is_the_agreement() {
    let pk = check_fixture("kr07_2024_agreement_baseline.xlsx");
    let report = &pk.scored.as_ref().unwrap().0;
    assert_eq!(report.kind, kinerja::model::Kind::Agreement);
    assert_eq!(error_codes(&pk), Vec::<&str>::new());
    let ignored = findings(&pk, Code::ColumnsIgnored);
    let said: Vec<_> = ignored.iter().map(|f| (f.subject.as_str(), f.found.as_str(), f.expected.as_str())).collect();
    assert_eq!(said, [("Realisasi (PK)", "2023", "2024")]);
    let plain = agreement("kr07_2024_agreement_kode.xlsx");
    let targets = |r: &kinerja::model::Report| r.indicators.iter().map(|i| i.target.value.clone()).collect::<Vec<_>>();
    assert_eq!(targets(report), targets(&plain));
    assert!(report.indicators.iter().all(|i| i.realisasi.at.is_none()), "last year's realisasi is not read");
    let held = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_baseline.xlsx");
    assert_eq!(error_codes(&held), Vec::<&str>::new(), "{:#?}", held.findings);
}

#[test]
fn an_agreement_with_an_empty_target_is_not_accepted() {
    let outcome = check_fixture("kr07_2024_agreement_target_blank.xlsx");
    assert_eq!(places(&outcome, Code::TargetMissing), ["PK!E8"]);
    assert_eq!(subjects(&outcome, Code::TargetMissing), ["IKU.3"]);
    assert_eq!(error_codes(&outcome), ["TARGET_MISSING"]);
    assert_eq!(check_fixture("kr07_2024_agreement_kode.xlsx").exit_code(), 0);
}

#[test]
fn the_agreements_polarity_column_sets_the_capaian_formula() {
    let pk = check_fixture("kr07_2024_agreement_polarity.xlsx");
    assert_eq!(places(&pk, Code::PolarityUnknown), ["PK!F19"]);
    assert_eq!(findings(&pk, Code::PolarityUnknown)[0].found, "Stabil");
    assert_eq!(error_codes(&pk), ["POLARITY_UNKNOWN"]);
    // "Menurun": lower is better, (2 − 93,36 / 95) × 100.
    let report = against("kr07_2024_capaian.xlsx", "kr07_2024_agreement_polarity.xlsx");
    let (read, card) = report.scored.as_ref().unwrap();
    assert_eq!(read.indicators.iter().find(|i| i.code == "IKU.4").unwrap().polarity, kinerja::model::Polarity::Lower);
    let iku4 = card.indicators.iter().find(|i| i.code == "IKU.4").unwrap();
    assert_eq!(shown(&iku4.capaian), "101.73");
    assert_eq!(findings(&report, Code::ClaimCapaian)[0].expected, "101.73");
    // A polarity printed once across two indicators, merged down over their rows, is each one's.
    let merged = kinerja::ingest::read(
        &fixture("kr07_2024_agreement_polarity_merged.xlsx"),
        &Config::builtin().units,
        &Overrides::default(),
        &Default::default(),
    )
    .unwrap()
    .0;
    let polarity = |code: &str| merged.indicators.iter().find(|i| i.code == code).unwrap().polarity;
    assert_eq!(
        (polarity("IKU.4"), polarity("IKU.5")),
        (kinerja::model::Polarity::Lower, kinerja::model::Polarity::Lower)
    );
    assert_eq!(polarity("IKU.6"), kinerja::model::Polarity::Higher);
}

/// A resubmission that revises a budget amount or leaves an indicator out has changed: both are
/// `CHANGED` (the receipt said "Tidak ada perubahan"), and the claims resting on them that were
/// left as they were are stale; the claims resting on neither are not.
#[test]
fn a_revised_budget_amount_and_an_indicator_left_out_are_changes() {
    let second = resubmitted("kr07_2024_budget_columns.xlsx", "kr07_2024_v2_budget_revised.xlsx");
    let changed: Vec<(String, &str, &str, &str)> = findings(&second, Code::Changed)
        .iter()
        .map(|f| (f.at.as_ref().map_or("-".into(), |at| at.to_string()), &*f.subject, &*f.found, &*f.expected))
        .collect();
    assert_eq!(
        changed,
        [
            ("-".to_string(), "Target IKU.14", "100", "(tidak dilaporkan)"),
            ("-".to_string(), "Realisasi IKU.14", "100", "(tidak dilaporkan)"),
            ("Tabel 3.2!H10".to_string(), "Realisasi anggaran IKU.4", "Rp 29.960.485", "Rp 30.100.000"),
        ]
    );
    let stale = subjects(&second, Code::StaleClaim);
    assert_eq!(stale, ["Skor Learn & Growth", "NKP Learn & Growth", "NPSS", "Efisiensi IKU.4"]);
    // Customer's score rests on neither change and was right: no finding about it.
    assert!(second.findings.iter().all(|f| !f.subject.contains("Customer")), "{:#?}", second.findings);
    // Budget columns added to a report that had none: each amount is new.
    let added = resubmitted("kr07_2024_capaian.xlsx", "kr07_2024_budget_columns.xlsx");
    let iku4: Vec<(&str, &str, &str)> = findings(&added, Code::Changed)
        .iter()
        .filter(|f| f.subject.ends_with(" IKU.4"))
        .map(|f| (&*f.subject, &*f.found, &*f.expected))
        .collect();
    assert_eq!(
        iku4,
        [
            ("Pagu IKU.4", "(tidak dilaporkan)", "Rp 30.400.000"),
            ("Realisasi anggaran IKU.4", "(tidak dilaporkan)", "Rp 29.960.485")
        ]
    );
    assert!(subjects(&added, Code::StaleClaim).is_empty());
    // An agreement's indicator taken out is its target taken out; it has no realisasi to name.
    let revised = resubmitted("kr07_2024_agreement_kode.xlsx", "kr07_2024_agreement_v2.xlsx");
    let changed: Vec<(&str, &str, &str)> =
        findings(&revised, Code::Changed).iter().map(|f| (&*f.subject, &*f.found, &*f.expected)).collect();
    assert_eq!(changed, [("Target IKU.3", "95", "96"), ("Target IKU.14", "100", "(tidak dilaporkan)")]);
}

/// A target written as its lower bound ("≥ 95", "Minimal 84"), as agreements often print them, is
/// that number: the agreement governs with it (it was CELL_UNREADABLE, and the PK blocked).
#[test]
fn a_target_written_as_its_lower_bound_is_that_number() {
    let config = Config::builtin();
    let pk = kinerja::check::check(&fixture("kr07_2024_agreement_bounds.xlsx"), &config, &Overrides::default());
    assert_eq!(pk.exit_code(), 0, "{:#?}", pk.findings);
    let (report, _) = pk.scored.as_ref().unwrap();
    let target = |code: &str| report.indicators.iter().find(|i| i.code == code).map(|i| i.target.value.clone());
    assert_eq!(target("IKU.3"), Some(kinerja::model::Value::Number(95.into())));
    assert_eq!(target("IKU.9"), Some(kinerja::model::Value::Number(84.into())));
}

/// A target that cannot be read leaves the scores above it unknown, not computed without it: the
/// NPSS was shown as 100,02 "Sangat Baik", and the unit's right printed NSS, perspective score,
/// NKP and NPSS there were called wrong against that gap. A claim elsewhere still is checked.
#[test]
fn scores_above_an_unread_target_are_unknown_and_not_held_against_the_unit() {
    let outcome = check_fixture("kr07_2024_target_range.xlsx");
    assert_eq!(error_codes(&outcome), ["CELL_UNREADABLE", "CELL_UNREADABLE", "CLAIM_NKP"]);
    assert_eq!(places(&outcome, Code::CellUnreadable), ["Tabel 3.2!D18", "Tabel 3.2!D19"]);
    assert_eq!(subjects(&outcome, Code::ClaimNkp), ["Customer"]);
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!((shown(&card.npss), card.band.as_ref()), ("N/A".into(), "Belum Ada Skor"));
    let scores: Vec<(&str, String, String)> =
        card.perspectives.iter().map(|p| (p.name.as_str(), shown(&p.score), shown(&p.nkp))).collect();
    assert_eq!(scores[1], ("Customer", "101.25".into(), "25.31".into()));
    assert_eq!(scores[3], ("Learn & Growth", "N/A".into(), "N/A".into()));
    let ss7 = card.goals.iter().find(|g| g.code == "SS.7").unwrap();
    assert_eq!(shown(&ss7.nss), "N/A");
}

/// A perspective whose every score rests on an unread cell (IKU 2's realisasi typed "Tercapai",
/// IKU 1 N/A) is unknown, not N/A: it keeps its share. It was left out as N/A, so Customer,
/// Internal Process and Learn & Growth weighed 33,33 % each and the unit's right weights and NKP
/// (25 %, 25,31, …) were six errors.
#[test]
fn a_perspective_resting_on_an_unread_cell_keeps_its_share() {
    let outcome = check_fixture("kr07_2024_perspective_unread.xlsx");
    assert_unknown_above(&outcome, Code::CellUnreadable, &["Tabel 3.2!E6"], "Stakeholder");
    assert!(findings(&outcome, Code::PerspectiveNa).is_empty());
    assert_eq!(
        weighed(&outcome),
        [
            ["Stakeholder", "N/A", "25.00", "N/A"],
            ["Customer", "101.25", "25.00", "25.31"],
            ["Internal Process", "99.12", "25.00", "24.78"],
            ["Learn & Growth", "96.72", "25.00", "24.18"],
        ]
    );
}

/// A realisasi beside a target typed "-" has a capaian no one can compute: TARGET_MISSING at the
/// target's cell (it pointed at the realisasi), and the scores above it unknown, as above an
/// unread cell. IKU 3 was left out as N/A: NPSS 98,53, and the unit's right Customer score, NKP
/// and NPSS were three errors.
#[test]
fn scores_above_a_missing_target_are_unknown() {
    let outcome = check_fixture("kr07_2024_target_dash.xlsx");
    assert_unknown_above(&outcome, Code::TargetMissing, &["Tabel 3.2!D8"], "Customer");
    let ss2 = outcome.scored.as_ref().unwrap().1.goals.iter().find(|g| g.code == "SS.2").unwrap();
    assert_eq!(shown(&ss2.nss), "N/A");
}

/// A realisasi left blank beside a capaian printed (98,27 %) is no N/A: it was left out. It was
/// REALISASI_MISSING, a warning, with the NPSS computed without IKU 4 (100,02) and the unit's
/// right Customer score, NKP and NPSS called wrong: corrected to kinerja's figures, the report
/// would have passed at 100,02. A formula's 0 over the blank cell claims nothing: N/A, as before.
#[test]
fn a_capaian_printed_beside_a_blank_realisasi_is_an_error_and_scores_nothing() {
    let outcome = check_fixture("kr07_2024_realisasi_blank_capaian.xlsx");
    assert_unknown_above(&outcome, Code::CapaianWithoutRealisasi, &["Tabel 3.2!E9"], "Customer");
    assert!(findings(&outcome, Code::RealisasiMissing).is_empty());
    let message = findings(&outcome, Code::CapaianWithoutRealisasi)[0].message();
    assert!(message.contains("Realisasi IKU.4 kosong, padahal capaiannya tertulis 98,27"), "{message}");

    let zero = check_fixture("kr07_2024_realisasi_blank_capaian_zero.xlsx");
    assert!(findings(&zero, Code::CapaianWithoutRealisasi).is_empty());
    assert_eq!(places(&zero, Code::RealisasiMissing), ["Tabel 3.2!E9"]);
    assert_eq!(shown(&zero.scored.as_ref().unwrap().1.npss), "100.02");
}

/// A count where a percentage belongs ("12 Instansi" for a share of instansi whose target is
/// 100%) is no percentage: read as one, 12 of 12 scored 12 % (NPSS 77,27). A target and
/// realisasi counted alike ("5 Dokumen" each) are the indicator's own measure and score.
#[test]
fn a_count_where_a_percentage_belongs_and_the_other_way_round_is_not_read() {
    let outcome = check_fixture("kr07_2024_count_for_percent.xlsx");
    assert_unknown_above(&outcome, Code::CountForPercent, &["Tabel 3.2!E6"], "Stakeholder");
    let message = findings(&outcome, Code::CountForPercent)[0].message();
    assert!(message.contains("Realisasi IKU.2 tertulis \"12 Instansi\", sebuah jumlah"), "{message}");
    let iku5 = outcome.scored.as_ref().unwrap().1.indicators.iter().find(|i| i.code == "IKU.5").unwrap();
    assert_eq!(shown(&iku5.capaian), "100.00");
    // Things counted other than by the words that make a name a count: services, recommendations
    // (11 % and 12 %, NPSS 88,46, exit 0 where nothing printed said otherwise).
    let things = check_fixture("kr07_2024_count_for_percent_things.xlsx");
    assert_unknown_above(&things, Code::CountForPercent, &["Tabel 3.2!E13", "Tabel 3.2!E14"], "Internal Process");
    let typed: Vec<&str> = findings(&things, Code::CountForPercent).iter().map(|f| f.found.as_str()).collect();
    assert_eq!(typed, ["11 Layanan", "12 Rekomendasi"]);
    // Nor is a percentage where a count belongs (100 of 12 documents scored 833,33 %), typed or
    // under a percentage format.
    let counts = check_fixture("kr07_2024_percent_for_count.xlsx");
    assert_unknown_above(&counts, Code::PercentForCount, &["Tabel 3.2!E11", "Tabel 3.2!E12"], "Internal Process");
    let typed: Vec<&str> = findings(&counts, Code::PercentForCount).iter().map(|f| f.found.as_str()).collect();
    assert_eq!(typed, ["100%", "100%"]);
}

/// A share's target in a PK kept as a fraction without its percent format (0.95, "1") is in doubt:
/// 95 % or 0,95 %? No realisasi beside it tells, and accepted as 0,95 %, it blocked the unit's
/// reports printing 95 % with TARGET_MISMATCH. A target typed with its sign ("0,5%") stands.
#[test]
fn a_shares_target_kept_as_a_fraction_is_in_doubt() {
    let pk = check_fixture("kr07_2024_agreement_target_fraction.xlsx");
    assert_eq!(error_codes(&pk), ["READING_UNCERTAIN", "READING_UNCERTAIN"]);
    assert_eq!(places(&pk, Code::ReadingUncertain), ["PK!E13", "PK!E17"]);
    let said = findings(&pk, Code::ReadingUncertain)[0].message();
    assert!(
        said.contains(
            "Target IKU.7: 0,95 tanpa tanda atau format persen; mungkin 95 % yang tersimpan sebagai pecahan; \
                       tulis 95, atau 0,95 % bila memang demikian."
        ),
        "{said}"
    );
    let report = &pk.scored.as_ref().unwrap().0;
    let target = |code: &str| report.indicators.iter().find(|i| i.code == code).unwrap().target.value.clone();
    assert_eq!((target("IKU.7"), target("IKU.10")), (Value::Missing, Value::Missing));
    assert_eq!(target("IKU.14"), Value::Number(rust_decimal::Decimal::new(5, 1)));
    assert!(findings(&pk, Code::TargetMissing).is_empty());
}

/// A target or realisasi typed as a word: one no ladder knows is said where it stands (in a PK,
/// at the target it sets, so the PK governs nothing); an opinion beside a number says the two
/// differ in kind. Either leaves the scores above it unknown, as an unread cell does: before, the
/// PK with "Baik" for an index was accepted, and the report was told "Opini IKU.9 "WTP" tidak
/// dikenal; yang dikenal: WTP, …" and scored as if both were N/A.
#[test]
fn a_word_where_a_number_belongs_is_said_where_it_stands_and_scores_nothing() {
    let pk = check_fixture("kr07_2024_agreement_target_word.xlsx");
    assert_eq!(error_codes(&pk), ["QUALITATIVE_UNKNOWN"]);
    assert_eq!(places(&pk, Code::QualitativeUnknown), ["PK!E16"]);
    assert_eq!(subjects(&pk, Code::QualitativeUnknown), ["IKU.9"]);
    // An index typed as a word is told so, not called an opinion no one knows.
    let word = findings(&pk, Code::QualitativeUnknown)[0].message();
    assert!(
        word.contains("Nilai IKU.9 \"BAIK\" bukan angka dan bukan opini yang dikenal (WTP, WDP, TW, TMP)"),
        "{word}"
    );

    let outcome = check_fixture("kr07_2024_values_of_two_kinds.xlsx");
    assert_eq!(error_codes(&outcome), ["VALUE_KINDS_DIFFER", "QUALITATIVE_UNKNOWN"]);
    assert_eq!(places(&outcome, Code::ValueKindsDiffer), ["Tabel 3.2!E16"]);
    assert_eq!(places(&outcome, Code::QualitativeUnknown), ["Tabel 3.2!E19"]);
    let differ = findings(&outcome, Code::ValueKindsDiffer)[0];
    assert_eq!((differ.found.as_str(), differ.expected.as_str()), ("85.01", "WTP"));
    assert!(differ.message().contains("Realisasi IKU.9 85,01 dan targetnya WTP tidak sejenis"), "{}", differ.message());
    let card = &outcome.scored.as_ref().unwrap().1;
    assert_eq!(shown(&card.npss), "N/A");
    let ss7 = card.goals.iter().find(|g| g.code == "SS.7").unwrap();
    assert_eq!(shown(&ss7.nss), "N/A");
    let customer = card.perspectives.iter().find(|p| p.name == "Customer").unwrap();
    assert_eq!(shown(&customer.score), "101.25");
}
