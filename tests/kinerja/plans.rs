//! Plan workbooks (PLANS.md): Kanreg VI Medan's Renja 2024 and PUSPENKOM's Renja 2025 with its
//! PK's pagu annex, read into the documented JSON exactly, every planted inconsistency an error at
//! its cells, a consistent plan without one.

use crate::cli::check_json;
use crate::common::fixture;
use kinerja::config::Config;
use serde_json::{Value, json};

/// PLANS.md §4, "Targets by source, KR06 2024".
const RENSTRA: [i64; 14] = [70, 95, 95, 95, 100, 95, 90, 70, 80, 80, 90, 85, 98, 100];
const RENJA: [i64; 14] = [100, 100, 95, 99, 100, 100, 91, 100, 89, 100, 86, 70, 95, 100];

fn errors(json: &Value) -> Vec<(String, String)> {
    let listed = json["findings"].as_array().unwrap();
    listed
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                format!("{}!{}", f["sheet"].as_str().unwrap(), f["cell"].as_str().unwrap()),
            )
        })
        .collect()
}

/// The subjects of the findings of `code` at `severity`, in order.
fn subjects<'a>(json: &'a Value, code: &str, severity: &str) -> Vec<&'a str> {
    let listed = json["findings"].as_array().unwrap().iter();
    listed.filter(|f| f["code"] == code && f["severity"] == severity).map(|f| f["subject"].as_str().unwrap()).collect()
}

/// The `fields` of each finding of `code`, in order.
fn fields_of<'a>(json: &'a Value, code: &str, fields: [&str; 3]) -> Vec<[&'a str; 3]> {
    let listed = json["findings"].as_array().unwrap().iter().filter(|f| f["code"] == code);
    listed.map(|f| fields.map(|field| f[field].as_str().unwrap())).collect()
}

fn of_source<'a>(json: &'a Value, source: &str) -> Vec<&'a Value> {
    json["targets"].as_array().unwrap().iter().filter(|t| t["source"] == source).collect()
}

/// Each target of `source` as read: its code, value and goal.
fn targets_of(json: &Value, source: &str) -> Vec<[Value; 3]> {
    of_source(json, source).iter().map(|t| ["code", "value", "goal"].map(|field| t[field].clone())).collect()
}

/// The check of `name` and of `published`, which it reads as: the same exit code and the same
/// targets of each of `sources`.
fn read_as(name: &str, published: &str, sources: &[&str]) -> (Value, Value) {
    let (code, json) = check_json(name, &[]);
    let (published_code, published) = check_json(published, &[]);
    assert_eq!(code, published_code, "{name}");
    for source in sources {
        assert_eq!(targets_of(&json, source), targets_of(&published, source), "{name}: {source}");
    }
    (json, published)
}

#[test]
fn kanreg_vi_renja_is_read_exactly_and_raises_no_error() {
    let (code, json) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!((code, json["kind"].as_str(), json["year"].as_u64()), (0, Some("plan"), Some(2024)));
    assert_eq!(json["unit"]["code"], "KR06");
    assert_eq!(errors(&json), Vec::<(String, String)>::new());
    // Every target by source: Renstra and Renja from Tabel 15-28, the PK's from its sheet.
    for (source, expected) in [("renstra", RENSTRA), ("renja", RENJA), ("pk", RENJA)] {
        let targets = of_source(&json, source);
        let values: Vec<(String, i64, u64)> = targets
            .iter()
            .map(|t| {
                (t["code"].as_str().unwrap().to_string(), t["value"].as_i64().unwrap(), t["year"].as_u64().unwrap())
            })
            .collect();
        let wanted: Vec<(String, i64, u64)> =
            expected.iter().enumerate().map(|(i, v)| (format!("IKU.{}", i + 1), *v, 2024)).collect();
        assert_eq!(values, wanted, "{source}");
    }
    let pk_iku7 = of_source(&json, "pk")[6];
    assert_eq!((pk_iku7["goal"].as_str(), pk_iku7["perspective"].as_str()), (Some("SS.5"), Some("Internal Process")));
    // The Renstra's rows take goal and perspective from the PK's.
    assert_eq!(of_source(&json, "renstra")[0]["goal"], "SS.1");
    // Renja departs from the Renstra for 11 IKU (not 3, 5, 14), each with its reason: information.
    let departures: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PLAN_TARGET_MISMATCH")
        .map(|f| {
            assert_eq!(f["severity"], "info", "{f}");
            f["subject"].as_str().unwrap()
        })
        .collect();
    assert_eq!(departures.len(), 11);
    assert!(!departures.iter().any(|s| s.starts_with("IKU.3 ") || s.starts_with("IKU.5 ") || s.starts_with("IKU.14 ")));
    // Targets below the 2023 realisasi for IKU 4, 7, 9 and 13 (PLANS.md §4): warnings.
    let below = subjects(&json, "TARGET_BELOW_REALISASI", "warning");
    assert_eq!(below, ["IKU.4 tahun 2024", "IKU.7 tahun 2024", "IKU.9 tahun 2024", "IKU.13 tahun 2024"]);
    // History: 4 earlier years of 14 IKU, one row each; IKU 12's 2023 capaian 68,50 / 80 = 85,63.
    let history = json["history"].as_array().unwrap();
    assert_eq!(history.len(), 56);
    let iku12 = history.iter().find(|h| h["code"] == "IKU.12" && h["year"] == 2023).unwrap();
    assert_eq!((&iku12["target"], &iku12["realisasi"], &iku12["capaian"]), (&json!(80), &json!(68.50), &json!(85.63)));
    let iku1 = history.iter().find(|h| h["code"] == "IKU.1" && h["year"] == 2023).unwrap();
    assert_eq!((&iku1["realisasi"], &iku1["capaian"]), (&json!("N/A"), &Value::Null));
    // Tabel 29: every line with its level and parent, amounts from comma thousands, volumes whole.
    let budget: Vec<(&str, &str, Option<&str>, i64)> = json["budget_plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["level"].as_str().unwrap(),
                b["code"].as_str().unwrap(),
                b["parent"].as_str(),
                b["pagu"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(budget.len(), 18);
    assert_eq!(budget[0], ("kegiatan", "4842", None, 159_500_000));
    assert_eq!(budget[4], ("ro", "EBA.994", Some("4843"), 12_603_696_000));
    assert_eq!(budget[13], ("ro", "BAB.002", Some("4846"), 78_500_000));
    let kegiatan: i64 = budget.iter().filter(|b| b.0 == "kegiatan").map(|b| b.3).sum();
    assert_eq!(kegiatan, 13_454_430_000);
    let faa = json["budget_plan"].as_array().unwrap().iter().find(|b| b["code"] == "FAA.002").unwrap();
    assert_eq!((&faa["volume"], &faa["satuan"]), (&json!(180_104), &json!("Dokumen")));
    // PLANS.md §4's derived program totals, by the built-in programs.
    assert_eq!(
        json["budget_programs"],
        json!([
            {"program": "Program Dukungan Manajemen", "kegiatan": ["4842", "4843"], "pagu": 12_871_774_000_i64, "source": "renja"},
            {"program": "Program Kebijakan, Pembinaan Profesi, dan Tata Kelola ASN", "kegiatan": ["4846", "4847", "4848"], "pagu": 582_656_000, "source": "renja"},
        ])
    );
    // Lampiran 3: 14 IKU owned, kegiatan carried to continuation rows.
    let owners = json["responsibility"].as_array().unwrap();
    assert_eq!(owners.len(), 14);
    assert_eq!(
        owners[1],
        json!({"unit_kerja": "Bagian Umum", "program": null, "kegiatan": "4842", "iku": "IKU.11", "cell": "Matriks!C6"})
    );
    // The printed total, read through the library: 13.454.430.000.
    let config = Config::builtin();
    let (report, findings) =
        kinerja::ingest::read(&fixture("kr06_2024_renja.xlsx"), &config.units, &Default::default(), &config.limits)
            .unwrap();
    let plan = report.plan.unwrap();
    let totals: Vec<String> = plan.totals.iter().map(|t| format!("{} {}", t.value, t.at)).collect();
    // Tabel 30: Belanja Pegawai, Belanja Barang Operasional and Non Operasional.
    let spending: Vec<(String, String)> =
        plan.spending.iter().map(|s| (s.name.clone(), s.amount.to_string())).collect();
    assert_eq!(
        spending,
        [
            ("Belanja Pegawai".to_string(), "8612986000".to_string()),
            ("Belanja Barang Operasional".to_string(), "1904000000".to_string()),
            ("Belanja Barang Non Operasional".to_string(), "2937444000".to_string())
        ]
    );
    assert_eq!(totals, ["13454430000 Anggaran!D22", "13454430000 Jenis Belanja!D5", "13454430000 Lampiran 2!D35"]);
    // Lampiran 2 repaired as PLANS.md §4 says: each rincian's sum, the labels a row high put right
    // by the details' words (two warnings), the amounts a column early and the rincian in the jenis
    // column read where they stand.
    let rincian = |name: &str| -> String {
        plan.details.iter().filter(|d| d.rincian == name).map(|d| d.amount).sum::<rust_decimal::Decimal>().to_string()
    };
    let sums: Vec<String> =
        ["Gaji dan Tunjangan", "Honorarium, Lembur dan Tunjangan Khusus", "Operasional", "Non Operasional"]
            .into_iter()
            .chain(["Persediaan", "Pemeliharaan", "Perjalanan Dinas", "Jasa"])
            .map(rincian)
            .collect();
    assert_eq!(
        sums,
        ["8548986000", "64000000", "1904000000", "105500000", "443500000", "849033000", "700120000", "839291000"]
    );
    let moved: Vec<String> = findings
        .iter()
        .filter(|f| f.code == kinerja::model::Code::SpendingClass)
        .map(|f| format!("{} {}", f.at.as_ref().unwrap(), f.expected))
        .collect();
    assert_eq!(moved, ["Lampiran 2!D26 Pemeliharaan", "Lampiran 2!D28 Perjalanan Dinas"]);
}

#[test]
fn every_planted_inconsistency_is_an_error_at_its_cells() {
    let (code, json) = check_json("kr06_2024_renja_planted.xlsx", &[]);
    assert_eq!(code, 1);
    let found = errors(&json);
    let expected = [
        // The Renja restates IKU 4's target as 99,23 against the PK's 99, and the evaluation's 2024 target.
        ("PLAN_TARGET_MISMATCH", "Renstra vs Renja!H8"),
        ("PLAN_TARGET_MISMATCH", "Evaluasi!G12"),
        // Kegiatan 4842's ROs add up to 157.500.000, not the 159.500.000 printed.
        ("BUDGET_TOTAL", "Anggaran!D4"),
        // A malformed RO code; its amount is then missing from kegiatan 4843.
        ("RO_CODE", "Anggaran!A13"),
        ("BUDGET_TOTAL", "Anggaran!D7"),
        // Tabel 30's parts add up to 13.453.986.000, not its JUMLAH; its non operasional part is
        // not what Lampiran 2's details of Belanja Barang beyond Operasional add up to.
        ("BUDGET_TOTAL", "Jenis Belanja!D5"),
        ("BUDGET_VIEWS", "Jenis Belanja!C5"),
        // IKU 4's 2023 realisasi restated as 99,2 against the evaluation's 99,23.
        ("HISTORY_MISMATCH", "Renstra vs Renja!F8"),
    ];
    let mut sorted = found.clone();
    sorted.sort();
    let mut wanted: Vec<(String, String)> = expected.iter().map(|(c, at)| (c.to_string(), at.to_string())).collect();
    wanted.sort();
    assert_eq!(sorted, wanted);
    let pk = json["findings"].as_array().unwrap().iter().find(|f| f["cell"] == "H8").unwrap();
    assert!(pk["message"].as_str().unwrap().contains("PK 99 (PK!E9)"), "{pk}");
    // The matrix leaves kegiatan 4848 and its IKU without an owner: warnings.
    let gaps = subjects(&json, "MATRIX_GAP", "warning");
    assert_eq!(gaps, ["IKU.1", "IKU.2", "IKU.5", "IKU.8", "kegiatan 4848"]);
    // IKU 7 departs from the Renstra without a reason: a warning.
    let warnings: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "warning" && f["code"] == "PLAN_TARGET_MISMATCH")
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0]["code"].as_str(), warnings[0]["subject"].as_str()),
        (Some("PLAN_TARGET_MISMATCH"), Some("IKU.7 tahun 2024"))
    );
}

/// A plan's target or amount that is no number is an error at its cell, never a silent "not in
/// force" or a number found further along the row: words, and formulas saved without their
/// value. The template's own total formula, saved so, claims nothing (no error).
#[test]
fn a_plans_target_or_amount_that_cannot_be_read_is_an_error_at_its_cell() {
    let (code, json) = check_json("template_kr06_2024_plan_unreadable.xlsx", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        errors(&json),
        [
            ("FORMULA_UNCALCULATED".to_string(), "Anggaran!D5".to_string()),
            ("CELL_UNREADABLE".to_string(), "Renstra vs Renja!D6".to_string()),
            ("FORMULA_UNCALCULATED".to_string(), "Renstra vs Renja!D7".to_string())
        ]
    );
    let (_, filled) = check_json("template_kr06_2024_plan_filled.xlsx", &[]);
    assert_eq!(errors(&filled), []);
}

/// The PK's IKU.2 with its code cell left blank: its target was passed over, and only the
/// Renja's IKU.2 missing from the PK (PLAN_TARGET_MISMATCH) hinted at it. ROW_UNREAD at the
/// target the row holds.
#[test]
fn a_plans_pk_row_with_its_indicator_code_left_blank_is_said() {
    let (code, json) = check_json("kr06_2024_renja_pk_iku_code_blank.xlsx", &[]);
    assert_eq!(code, 1);
    let said = fields_of(&json, "ROW_UNREAD", ["sheet", "cell", "found"]);
    assert_eq!(said.len(), 1, "{json}");
    assert_eq!((said[0][0], said[0][1]), ("PK", "E6"));
    assert!(said[0][2].starts_with("Persentase Instansi Pemerintah yang Melakukan Pengukuran"), "{}", said[0][2]);
}

/// Kanreg VI's Renja with the PK sheet's SS.2 code left blank beside its name: IKU 3–4 stood
/// under SS.1, and with the Customer row left blank SS.2 stood in Stakeholder, without a word;
/// a report held to the plan was then told it had moved them. The code is taken by its place
/// (CODE_BLANK, an error: it may be wrong), and the structure places a goal the PK prints under
/// another perspective (GOAL_PLACED), as for a PK of its own.
#[test]
fn a_plans_pk_with_a_goal_code_or_perspective_row_left_blank_is_said() {
    let goal_of = |json: &Value, code: &str| -> String {
        let indicators = json["indicators"].as_array().unwrap();
        indicators.iter().find(|i| i["code"] == code).unwrap()["goal"].as_str().unwrap().to_string()
    };
    let (code, json) = check_json("kr06_2024_renja_pk_goal_code_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (1, vec![("CODE_BLANK".to_string(), "PK!A8".to_string())]));
    assert_eq!(fields_of(&json, "CODE_BLANK", ["sheet", "cell", "found"]), [["PK", "A8", "SS.2"]]);
    assert_eq!((goal_of(&json, "IKU.3"), goal_of(&json, "IKU.4")), ("SS.2".into(), "SS.2".into()));
    let (code, json) = check_json("kr06_2024_renja_pk_perspective_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(
        fields_of(&json, "GOAL_PLACED", ["subject", "found", "expected"]),
        [["SS.2", "Stakeholder", "Customer"]]
    );
    // The reports that follow it are held to the plan, not to a Perjanjian Kinerja.
    let said = fields_of(&json, "GOAL_PLACED", ["message", "subject", "found"])[0][0];
    assert!(said.contains("laporan yang berpegang pada Rencana Kerja ini"), "{said}");
    let goals = json["goals"].as_array().unwrap();
    assert_eq!(goals.iter().find(|g| g["code"] == "SS.2").unwrap()["perspective"], "Customer");
    // The evaluation's SS.2 row with its code left blank: the Renstra targets of IKU 3–4 took
    // their goal from it, SS.1, without a word.
    let (code, json) = check_json("kr06_2024_renja_evaluation_goal_code_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (1, vec![("CODE_BLANK".to_string(), "Evaluasi!A10".to_string())]));
    let renstra = of_source(&json, "renstra");
    let goal = |iku: &str| renstra.iter().find(|t| t["code"] == iku).unwrap()["goal"].as_str().unwrap();
    assert_eq!((goal("IKU.3"), goal("IKU.4")), ("SS.2", "SS.2"));
    // Its IKU 1's code left blank: the row was kept by name, IKU.1's history split in two (the
    // evaluation's targets under no code, the Renstra table's realisasi under IKU.1).
    let (code, json) = check_json("kr06_2024_renja_evaluation_iku_code_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (1, vec![("CODE_BLANK".to_string(), "Evaluasi!A7".to_string())]));
    assert_eq!(fields_of(&json, "CODE_BLANK", ["sheet", "cell", "found"]), [["Evaluasi", "A7", "IKU.1"]]);
    let history = json["history"].as_array().unwrap();
    assert!(history.iter().all(|h| h["code"].is_string()), "{history:?}");
    let first = history.iter().find(|h| h["code"] == "IKU.1" && h["year"] == 2020 && h["target"].is_number());
    assert_eq!(first.unwrap()["target"], 60);
}

/// Kanreg VI's Tabel 29 with FAA.002's code left blank (the one RO of kegiatan 4847): the line
/// and its Rp 212.156.000 were dropped, the kegiatan's pagu then unchecked, without a word.
/// BUDGET_ROW_UNREAD (a warning) at the code cell, with the line's name.
#[test]
fn a_plans_budget_line_with_its_code_left_blank_is_said() {
    let (code, json) = check_json("kr06_2024_renja_ro_code_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    let said = fields_of(&json, "BUDGET_ROW_UNREAD", ["cell", "subject", "found"]);
    assert_eq!(said, [["A19", "19", "Dokumen Arsip Kepegawaian ASN"]]);
    assert!(subjects(&check_json("kr06_2024_renja.xlsx", &[]).1, "BUDGET_ROW_UNREAD", "warning").is_empty());
}

/// Kanreg VI's evaluation with its first target year (2020, under TARGET) left blank: the
/// fourteen 2020 targets were dropped (each 2020 row left with a realisasi only) without a word.
/// COLUMN_UNHEADED at the year's cell, with how many rows hold figures there.
#[test]
fn an_evaluations_year_or_a_renstra_header_left_blank_is_said() {
    let (code, json) = check_json("kr06_2024_renja_evaluation_year_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(fields_of(&json, "COLUMN_UNHEADED", ["sheet", "cell", "found"]), [["Evaluasi", "C4", "14"]]);
    assert!(subjects(&check_json("kr06_2024_renja.xlsx", &[]).1, "COLUMN_UNHEADED", "warning").is_empty());
    // The Renstra vs Renja table with RENSTRA left blank under TARGET 2024: the table was not
    // read at all (taken for an evaluation of realisasi alone), its fourteen Renstra targets
    // and the reasons for the Renja's departing from them dropped without a word. Read, the
    // blank column said.
    let (code, json) = check_json("kr06_2024_renja_renstra_header_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(fields_of(&json, "COLUMN_UNHEADED", ["sheet", "cell", "found"]), [["Renstra vs Renja", "G4", "14"]]);
    assert_eq!(of_source(&json, "renja").len(), 14);
}

/// Kanreg VI's Renstra vs Renja with its codes left blank (KODE IKU still headed): every row was
/// passed over for want of a code, its 28 targets dropped without a word. A table found by its
/// header that reads nothing is TABLE_UNREAD, as figures outside every table are.
#[test]
fn a_plan_table_whose_rows_read_nothing_is_said() {
    let (code, json) = check_json("kr06_2024_renja_renstra_codes_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(fields_of(&json, "TABLE_UNREAD", ["sheet", "cell", "found"]), [["Renstra vs Renja", "C4", "15"]]);
    assert!(of_source(&json, "renstra").is_empty());
    assert!(subjects(&check_json("kr06_2024_renja.xlsx", &[]).1, "TABLE_UNREAD", "warning").is_empty());
}

/// Kanreg VI's Renja without its PK, IKU.1's code cell left blank in the Renstra vs Renja table
/// that alone sets the year's targets: the row was passed over, a plan of 13 IKU, exit 0. Its
/// row is ROW_UNREAD at its first target, quoting the name; a table no row of which reads is
/// still said once, as TABLE_UNREAD (above).
#[test]
fn a_renstra_vs_renja_row_without_its_code_is_said() {
    let (code, json) = check_json("kr06_2024_renja_renstra_code_blank.xlsx", &[]);
    assert_eq!((code, errors(&json)), (1, vec![("ROW_UNREAD".to_string(), "Renstra vs Renja!G4".to_string())]));
    let said = fields_of(&json, "ROW_UNREAD", ["subject", "found", "cell"]);
    assert_eq!(
        said[0][..2],
        ["4", "Persentase Instansi Pemerintah yang telah mengimplementasikan Manajemen ASN Sesu…"]
    );
    assert_eq!(of_source(&json, "renja").len(), 13);
}

/// Kanreg VI's PK with its KODE IKU column deleted (KODE SS | SASARAN STRATEGIS | INDIKATOR
/// KINERJA | TARGET, the PK's own form): no table kinerja knew, its 14 targets lost without a
/// word and the Renja's standing in for them, exit 0. A targets table still, beside its goals:
/// each row ROW_UNREAD at its target, quoting the name.
#[test]
fn a_pk_without_its_iku_codes_is_said_row_by_row() {
    let (code, json) = check_json("kr06_2024_renja_pk_iku_codes_deleted.xlsx", &[]);
    assert_eq!(code, 1);
    let said = fields_of(&json, "ROW_UNREAD", ["sheet", "cell", "subject"]);
    assert_eq!((said.len(), said[0]), (14, ["PK", "D5", "5"]));
    assert!(of_source(&json, "pk").is_empty());
    // The column kept, each of its cells left blank: each row said too (a target a row, no
    // table of figures to say whole).
    let (code, json) = check_json("kr06_2024_renja_pk_iku_codes_blank.xlsx", &[]);
    let said = fields_of(&json, "ROW_UNREAD", ["sheet", "cell", "subject"]);
    assert_eq!((code, said.len(), said[0]), (1, 14, ["PK", "E5", "5"]));
}

/// Kanreg VI's PK with IKU.2's row traded above IKU.1's, which carries SS.1's code and name:
/// IKU.2 stood in the year's tree under no goal and no perspective, exit 0. INDICATOR_UNPLACED
/// at its code.
#[test]
fn a_plans_indicator_above_the_first_goal_is_said() {
    let (code, json) = check_json("kr06_2024_renja_pk_indicator_above_first_goal.xlsx", &[]);
    assert_eq!((code, errors(&json)), (1, vec![("INDICATOR_UNPLACED".to_string(), "PK!C5".to_string())]));
    assert_eq!(subjects(&json, "INDICATOR_UNPLACED", "error"), ["IKU.2"]);
    assert!(subjects(&check_json("kr06_2024_renja.xlsx", &[]).1, "INDICATOR_UNPLACED", "error").is_empty());
}

/// Kanreg VI's Renstra vs Renja with a blank row between its two header rows (TARGET 2024 over
/// RENSTRA | RENJA): the code and name columns, headed on the row above the blank, were not
/// found, and every row of the table was passed over: its fourteen Renstra targets dropped
/// without a word. The table reads as printed without the blank.
#[test]
fn a_plan_table_whose_header_rows_a_blank_row_parts_is_read_whole() {
    let (json, published) = read_as("kr06_2024_renja_header_spaced.xlsx", "kr06_2024_renja.xlsx", &["renstra"]);
    assert_eq!(targets_of(&published, "renstra").len(), 14);
    assert_eq!(json["history"], published["history"]);
}

/// Kanreg VI's Renja with a row numbering the columns under the header of its evaluation, its
/// Renstra vs Renja (1 … 12, 1 … 9, typed as numbers), its RO budget and its PK (`(1)` …, as
/// text): each was read as a row of the table (18 errors: INDICATOR_DUPLICATE, CODE_BLANK,
/// HISTORY_MISMATCH …). Read as the Renja printed without them.
#[test]
fn a_row_numbering_a_plan_tables_columns_is_no_part_of_it() {
    let sources = ["pk", "renstra", "renja"];
    let (json, published) = read_as("kr06_2024_renja_column_numbers.xlsx", "kr06_2024_renja.xlsx", &sources);
    assert_eq!(errors(&json), vec![]);
    assert_eq!(targets_of(&published, "pk").len(), 14);
    assert_eq!(budget_lines(&json), budget_lines(&published));
    assert_eq!(json["goals"], published["goals"]);
    assert_eq!(history_figures(&json), history_figures(&published));
}

/// Kanreg VI's Renja with two of its tables on one sheet, two blank columns apart: Tabel 29's
/// budget by RO right of the Renstra vs Renja table, whose eighteen lines were dropped without a
/// word; the Renstra vs Renja right of the responsibility matrix, read as the matrix's rows
/// (ROW_UNREAD, PLAN_TARGET_MISMATCH, its Renstra and Renja targets lost). Each is read as
/// though on a sheet of its own: the Renja as published.
#[test]
fn plan_tables_side_by_side_are_each_read_whole() {
    let sources = ["pk", "renstra", "renja"];
    for name in ["kr06_2024_renja_budget_beside.xlsx", "kr06_2024_renja_matrix_beside.xlsx"] {
        let (json, published) = read_as(name, "kr06_2024_renja.xlsx", &sources);
        assert_eq!(errors(&json), vec![], "{name}");
        assert_eq!(budget_lines(&published).len(), 18);
        assert_eq!(budget_lines(&json), budget_lines(&published), "{name}");
        assert_eq!(history_figures(&json), history_figures(&published), "{name}");
    }
}

/// Names typed line by line in a Renja (the evaluation's IKU 1, the Renstra vs Renja's IKU.2,
/// the PK's SS.2 and IKU.3): the evaluation's and the PK's rows going on with a name were read as
/// goals whose code was left blank (CODE_BLANK, SS.2 and SS.3 by place), and the names were cut
/// at their first line. Read as the Renja, its IKUs' names whole.
#[test]
fn a_plan_name_typed_line_by_line_opens_no_goal() {
    let sources = ["pk", "renstra", "renja"];
    let (json, published) = read_as("kr06_2024_renja_names_broken_over_rows.xlsx", "kr06_2024_renja.xlsx", &sources);
    assert_eq!(errors(&json), vec![]);
    let goals = |json: &Value| {
        json["goals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["code"].clone(), g["perspective"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(goals(&json), goals(&published));
    assert_eq!(history_figures(&json), history_figures(&published));
    let names =
        |json: &Value, list: &str| json[list].as_array().unwrap().iter().map(|t| t["name"].clone()).collect::<Vec<_>>();
    for list in ["targets", "history", "indicators"] {
        assert_eq!(names(&json, list), names(&published, list), "{list}");
    }
    // Words with a capital first, where codes stand in a column of their own.
    assert_eq!(subjects(&json, "NAME_CONTINUED", "info"), ["IKU.3"]);
}

/// Kanreg VI's PK with KODE IKU right of INDIKATOR KINERJA: the table was passed over, its
/// fourteen PK targets and its tree dropped with only TABLE_UNREAD (a warning), the Renja's
/// targets standing in. A KODE column right of the names codes them as one left of them does.
#[test]
fn a_plan_table_coding_its_indicators_right_of_their_names_is_read() {
    let (json, published) = read_as("kr06_2024_renja_pk_code_after_name.xlsx", "kr06_2024_renja.xlsx", &["pk"]);
    assert_eq!(targets_of(&published, "pk").len(), 14);
    assert_eq!(json["goals"], published["goals"]);
    assert!(subjects(&json, "TABLE_UNREAD", "warning").is_empty());
    // The Renstra vs Renja and the evaluation with their codes unheaded right of the names: the
    // first table's 28 targets were dropped without a word, the second's years kept uncoded.
    let after = "kr06_2024_renja_codes_unheaded_after_names.xlsx";
    let (json, blank) = read_as(after, "kr06_2024_renja_headers_blank.xlsx", &["renstra", "renja"]);
    assert_eq!(json["history"], blank["history"]);
}

/// A plan's annotated copy marks its findings and lists them; it has no results to show, so it
/// gets no *Hasil kinerja* sheet (that sheet listed every IKU as "na" under an NPSS row).
#[test]
fn a_plans_annotated_copy_lists_its_findings_and_no_results() {
    let config = Config::builtin();
    let overrides = kinerja::ingest::Overrides { unit: Some("KR06".into()), ..Default::default() };
    let path = fixture("kr06_2024_renja_planted.xlsx");
    let outcome = kinerja::check::check(&path, &config, &overrides);
    let outbox = std::env::temp_dir().join(format!("kinerja-plan-copy-{}", std::process::id()));
    std::fs::create_dir_all(&outbox).unwrap();
    let written = kinerja::pipeline::annotate(&outcome, "renja.xlsx", &std::fs::read(&path).unwrap(), &config, &outbox)
        .expect("an annotated copy");
    let book = calamine::open_workbook_auto(outbox.join(written)).unwrap();
    let names = calamine::Reader::sheet_names(&book);
    assert_eq!(names.last().map(String::as_str), Some("Temuan"), "{names:?}");
    assert!(!names.iter().any(|n| n == "Hasil kinerja"), "{names:?}");
    std::fs::remove_dir_all(&outbox).unwrap();
}

#[test]
fn puspenkom_ro_amounts_traded_between_renja_and_pk_are_caught_though_every_total_agrees() {
    let (code, json) = check_json("puspenkom_2025_renja_pk.xlsx", &[]);
    assert_eq!((code, json["unit"]["code"].as_str(), json["year"].as_u64()), (1, Some("PUSPENKOM"), Some(2025)));
    let found = errors(&json);
    assert_eq!(
        found,
        [
            ("RO_AMOUNT_MISMATCH".to_string(), "Lampiran PK!D13".to_string()),
            ("RO_AMOUNT_MISMATCH".to_string(), "Lampiran PK!D15".to_string())
        ]
    );
    let ebb951 = &json["findings"].as_array().unwrap().iter().find(|f| f["cell"] == "D13").unwrap()["message"];
    let ebb951 = ebb951.as_str().unwrap();
    assert!(ebb951.contains("Renja 2025!C24") && ebb951.contains("tertukar"), "{ebb951}");
    // Targets `IKU. 1` … `IKU. 8` with `8,17%`.
    let renja: Vec<(String, f64)> = of_source(&json, "renja")
        .iter()
        .map(|t| (t["code"].as_str().unwrap().to_string(), t["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(renja[0], ("IKU.1".to_string(), 8.17));
    assert_eq!(renja.len(), 8);
    // The PK's annex: every level, each under its parent; `<u>3663.ADE</u>` read as its code.
    let lines = json["budget_plan"].as_array().unwrap();
    let pk: Vec<(&str, &str, Option<&str>)> = lines
        .iter()
        .filter(|b| b["source"] == "pk")
        .map(|b| (b["level"].as_str().unwrap(), b["code"].as_str().unwrap(), b["parent"].as_str()))
        .collect();
    assert_eq!(pk[1], ("kro", "3663.ADE", Some("3663")));
    assert_eq!(pk[2], ("ro", "ADE.001", Some("3663.ADE")));
    assert_eq!(pk[10], ("komponen", "EBB.951.055", Some("EBB.951")));
    // Tabel 4's `642.639.000,-` and its total `4.142.639.000 ,-`; the page-break header skipped.
    let renja_4843 = lines.iter().find(|b| b["source"] == "renja" && b["code"] == "4843").unwrap();
    assert_eq!(renja_4843["pagu"], json!(642_639_000));
    // Its programs as its prose gives them (003 L397–400), in the Renja and in the PK alike.
    let programs = |source: &str| -> Vec<(String, i64)> {
        let programs = json["budget_programs"].as_array().unwrap().iter().filter(|p| p["source"] == source);
        programs.map(|p| (p["program"].as_str().unwrap().to_string(), p["pagu"].as_i64().unwrap())).collect()
    };
    let prose = [
        ("Program Kebijakan, Pembinaan Profesi, dan Tata Kelola ASN".to_string(), 3_500_000_000),
        ("Program Dukungan Manajemen".to_string(), 642_639_000),
    ];
    assert_eq!((programs("renja"), programs("pk")), (prose.to_vec(), prose.to_vec()));
    assert_eq!(lines.iter().filter(|b| b["source"] == "renja").count(), 7);
    // Names drift between the Renja and the PK for 3663, ADE.001, AFA.001 and BAA.001: warnings.
    let renamed: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "BUDGET_NAME")
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    assert_eq!(renamed, ["kegiatan 3663", "RO ADE.001", "RO AFA.001", "RO BAA.001"]);
    // Tabel 1 knows its rows by name: two years of 14, three retired in 2024 (`-`).
    let history = json["history"].as_array().unwrap();
    assert_eq!(history.len(), 28);
    let counted = history
        .iter()
        .find(|h| h["year"] == 2024 && h["name"] == "Jumlah pegawai yang dipetakan/dinilai kompetensinya");
    let counted = counted.unwrap();
    assert_eq!(
        (&counted["code"], &counted["target"], &counted["realisasi"]),
        (&Value::Null, &json!(60_000), &json!(13_164))
    );
    let retired: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "INDICATOR_RETIRED")
        .map(|f| (f["cell"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(retired, [("E9", "info"), ("E5", "info"), ("E8", "info")]);
    let config = Config::builtin();
    let (report, _) = kinerja::ingest::read(
        &fixture("puspenkom_2025_renja_pk.xlsx"),
        &config.units,
        &Default::default(),
        &config.limits,
    )
    .unwrap();
    let plan = report.plan.unwrap();
    let totals: Vec<String> = plan.totals.iter().map(|t| t.value.to_string()).collect();
    assert_eq!(totals, ["4142639000", "4142639000"]);
    // Tabel 3: IKU 1's target split between BKN Pusat and the 14 Kantor Regional, 314.450 in all.
    let parts: Vec<&str> = plan.split.iter().map(|p| p.unit.as_str()).collect();
    assert_eq!(parts.len(), 15);
    assert_eq!((parts[0], parts[13]), ("BKN", "KR13"));
    let sum: rust_decimal::Decimal = plan.split.iter().map(|p| p.value).sum();
    assert_eq!(
        (sum.to_string(), plan.split_total.map(|(t, _)| t.to_string())),
        ("314450".into(), Some("314450".into()))
    );
}

#[test]
fn no_report_or_agreement_of_the_fixtures_is_taken_for_a_plan() {
    let config = Config::builtin();
    let plans = [
        "kr06_2024_renja.xlsx",
        "kr06_2024_renja_planted.xlsx",
        "puspenkom_2025_renja_pk.xlsx",
        "template_kr06_2024_plan_filled.xlsx",
        "template_kr06_2024_plan_unreadable.xlsx",
        "kr06_2024_renja_amounts_unreadable.xlsx",
        "kr06_2024_renja_amounts_missing.xlsx",
        "kr06_2024_renja_capaian_misprinted.xlsx",
        "kr06_2024_renja_lower_bounds.xlsx",
        "kr06_2024_renja_matrix_programs.xlsx",
        "kr06_2024_renja_iku10_scale.xlsx",
        "kr06_2024_renja_evaluation_targets_unread.xlsx",
        "puspenkom_2025_renja_capaian_per_year.xlsx",
        "puspenkom_2025_renja_average_row.xlsx",
        "kr06_2024_renja_signed.xlsx",
        "kr06_2024_renja_figures_merged.xlsx",
        "kr06_2024_renja_budget_subtotals.xlsx",
        "kr06_2024_renja_codes_lower.xlsx",
        "kr06_2024_renja_budget_programs.xlsx",
        "kr06_2024_renja_budget_restated.xlsx",
        "kr06_2024_renja_in_thousands.xlsx",
        "kr06_2024_renja_one_row_headers.xlsx",
        "kr06_2024_renja_pk_numbered.xlsx",
        "kr06_2024_renja_pk_tree.xlsx",
        "kr06_2024_renja_evaluation_per_iku.xlsx",
        "kr06_2024_renja_unread.xlsx",
        "kr06_2024_renja_evaluation_only.xlsx",
        "kr06_2024_renja_title_without_year.xlsx",
        "kr07_2024_renja_target_out_of_range.xlsx",
        "kr06_2024_renja_headed_otherwise.xlsx",
        "kr06_2024_renja_budget_unread.xlsx",
        "kr06_2024_renja_matrix_headed_otherwise.xlsx",
        "kr06_2024_renja_matrix_unread.xlsx",
        "kr06_2024_renja_headers_blank.xlsx",
        "kr06_2024_renja_headed_in_other_words.xlsx",
        "kr06_2024_renja_pk_target_unread.xlsx",
        "puspenkom_2025_renja_split_unheaded.xlsx",
        "puspenkom_2025_renja_headed_otherwise.xlsx",
        "puspenkom_2025_renja_table_unread.xlsx",
        "kr06_2024_renja_pk_goal_code_blank.xlsx",
        "kr06_2024_renja_pk_iku_code_blank.xlsx",
        "kr06_2024_renja_pk_perspective_blank.xlsx",
        "kr06_2024_renja_ro_code_blank.xlsx",
        "kr06_2024_renja_evaluation_year_blank.xlsx",
        "kr06_2024_renja_renstra_header_blank.xlsx",
        "kr06_2024_renja_header_spaced.xlsx",
        "kr06_2024_renja_pk_code_after_name.xlsx",
        "kr06_2024_renja_codes_unheaded_after_names.xlsx",
        "kr06_2024_renja_renstra_codes_blank.xlsx",
        "kr06_2024_renja_renstra_code_blank.xlsx",
        "kr06_2024_renja_pk_indicator_above_first_goal.xlsx",
        "kr06_2024_renja_pk_iku_codes_deleted.xlsx",
        "kr06_2024_renja_column_numbers.xlsx",
        "kr06_2024_renja_names_broken_over_rows.xlsx",
        "kr06_2024_renja_pk_iku_codes_blank.xlsx",
        "kr06_2024_renja_evaluation_goal_code_blank.xlsx",
        "kr06_2024_renja_evaluation_iku_code_blank.xlsx",
        "kr06_2024_renja_budget_beside.xlsx",
        "kr06_2024_renja_matrix_beside.xlsx",
    ];
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if plans.contains(&name.as_str()) || path.is_dir() {
            continue;
        }
        if let Ok((report, _)) = kinerja::ingest::read(&path, &config.units, &Default::default(), &config.limits) {
            assert_ne!(report.kind, kinerja::model::Kind::Plan, "{name}");
        }
    }
}

#[test]
fn the_rekap_shows_each_plan_and_its_targets_against_what_was_achieved() {
    use calamine::{Data, Reader, open_workbook_auto};
    let service = crate::service::Service::start("plan-rekap");
    service.drop_file("KR06", "Renja 2024.xlsx", &std::fs::read(fixture("kr06_2024_renja.xlsx")).unwrap());
    let rekap = service.dir.join("outbox/2024/Rekap Kinerja 2024 TAHUNAN.xlsx");
    crate::service::wait_for("the plan's Rekap", std::time::Duration::from_secs(20), || rekap.exists());
    let mut book = open_workbook_auto(&rekap).unwrap();
    let names = book.sheet_names();
    assert!(names.contains(&"Rencana".to_string()) && names.contains(&"Rencana vs Realisasi".to_string()), "{names:?}");
    let plans = book.worksheet_range("Rencana").unwrap();
    let row = |code: &str| -> Vec<Data> {
        plans
            .rows()
            .find(|r| r[0] == Data::String("KR06".into()) && r[1] == Data::String(code.into()))
            .unwrap()
            .to_vec()
    };
    // IKU.4: Renstra 95, Renja 99, PK 99.
    assert_eq!(row("IKU.4")[3..7], [Data::Float(2024.0), Data::Float(95.0), Data::Float(99.0), Data::Float(99.0)]);
    // Units without a plan are listed to chase.
    assert!(plans.rows().any(|r| r[0] == Data::String("KR07".into()) && r[2] == Data::String("belum mengirim rencana kerja".into())));
    // The budget: RO FAA.002 under kegiatan 4847, and the Renja's total.
    let faa = plans.rows().find(|r| r[1] == Data::String("FAA.002".into())).unwrap().to_vec();
    assert_eq!(
        (faa[5].clone(), faa[7].clone(), faa[8].clone()),
        (Data::Float(180_104.0), Data::Float(212_156_000.0), Data::String("4847".into()))
    );
    assert!(plans.rows().any(|r| r[2] == Data::String("Jumlah".into()) && r[7] == Data::Float(13_454_430_000.0)));
    // Under it, the total by program.
    let program = |name: &str| plans.rows().find(|r| r[2] == Data::String(name.into())).map(|r| r[7].clone());
    assert_eq!(program("Program Dukungan Manajemen (4842, 4843)"), Some(Data::Float(12_871_774_000.0)));
    let kebijakan = program("Program Kebijakan, Pembinaan Profesi, dan Tata Kelola ASN (4846, 4847, 4848)");
    assert_eq!(kebijakan, Some(Data::Float(582_656_000.0)));
    let against = book.worksheet_range("Rencana vs Realisasi").unwrap();
    assert_eq!(against.get_value((0, 3)), Some(&Data::String("Target 2020".into())));
    let iku12 = against.rows().find(|r| r[1] == Data::String("IKU.12".into())).unwrap().to_vec();
    // 2023 from the plan's evaluation: 68,50 of 80 = 85,63 %; 2024's target the PK's 70.
    assert_eq!(iku12[12..15], [Data::Float(80.0), Data::Float(68.5), Data::Float(85.63)]);
    assert_eq!(iku12[15], Data::Float(70.0));
    // 2020 → 2023: 74, 76,5, 79,1, 68,5: down.
    assert_eq!(iku12[18], Data::String("turun".into()));
    assert!(matches!(row("IKU.4").get(7), None | Some(Data::Empty)), "a plan without errors is not marked");

    // A second version with errors counts now, and is marked as needing correction.
    service.drop_file(
        "KR06",
        "Renja 2024 revisi.xlsx",
        &std::fs::read(fixture("kr06_2024_renja_planted.xlsx")).unwrap(),
    );
    let marked = || -> bool {
        let Ok(mut book) = open_workbook_auto(&rekap) else { return false };
        let Ok(plans) = book.worksheet_range("Rencana") else { return false };
        plans
            .rows()
            .any(|r| r[0] == Data::String("KR06".into()) && r.get(7) == Some(&Data::String("perlu perbaikan".into())))
    };
    crate::service::wait_for("the plan marked in the Rekap", std::time::Duration::from_secs(20), marked);
}

#[test]
fn the_plan_template_reads_back_as_the_plan_a_unit_fills_in() {
    let dir = std::env::temp_dir().join(format!("kinerja-plan-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let blank = dir.join("renja.xlsx");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["template", "--plan", "--unit", "KR06", "--year", "2024", "--out", blank.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let config = Config::builtin();
    let (report, findings) = kinerja::ingest::read(&blank, &config.units, &Default::default(), &config.limits).unwrap();
    assert_eq!(report.kind, kinerja::model::Kind::Plan);
    assert_eq!((report.identity.unit.as_deref(), report.identity.year), (Some("KR06"), Some(2024)));
    // Sent back unfilled, it is no plan yet: each blank Renja target is an error at its cell
    // (it was accepted without a word, a plan with no target to hold reports to).
    let missing: Vec<(&str, String, String)> =
        findings.iter().map(|f| (f.code.as_str(), f.subject.clone(), f.at.as_ref().unwrap().to_string())).collect();
    let expected: Vec<(&str, String, String)> = (1..=14)
        .map(|n| ("TARGET_MISSING", format!("IKU.{n} tahun 2024 (Renja)"), format!("Renstra vs Renja!D{}", n + 4)))
        .collect();
    assert_eq!(missing, expected);
    let plan = report.plan.unwrap();
    // Each of the 14 IKU with its Renstra and Renja target for the year, open; four earlier years.
    assert_eq!(plan.targets.len(), 28);
    assert!(plan.targets.iter().all(|t| t.value == kinerja::model::Value::Missing && t.goal.is_some()));
    assert_eq!(plan.history_by_year().len(), 14 * 5);
    std::fs::remove_dir_all(&dir).unwrap();
    // Filled in by openpyxl with Kanreg VI's figures: the same plan as the unit's own layout.
    let (_, filled) = check_json("template_kr06_2024_plan_filled.xlsx", &[]);
    let (_, own) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!(errors(&filled), Vec::<(String, String)>::new());
    let keep = |items: &Value, drop: &[&str], skip_pk: bool| -> Vec<Value> {
        items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| !(skip_pk && i["source"] == "pk"))
            .map(|i| {
                let mut i = i.clone();
                for key in drop {
                    i.as_object_mut().unwrap().remove(*key);
                }
                i
            })
            .collect()
    };
    let target_keys = ["cell", "name", "justification"];
    assert_eq!(keep(&filled["targets"], &target_keys, true), keep(&own["targets"], &target_keys, true));
    // The template names each IKU in the catalogue's words, the unit's layout in its own.
    assert_eq!(keep(&filled["history"], &["cell", "name"], false), keep(&own["history"], &["cell", "name"], false));
    for key in ["budget_plan", "responsibility"] {
        assert_eq!(keep(&filled[key], &["cell"], false), keep(&own[key], &["cell"], false), "{key}");
    }
    assert_eq!(filled["indicators"].as_array().unwrap().len(), 14);
}

#[test]
fn a_plan_is_held_to_what_the_unit_reported_and_to_the_set_that_governed_the_year_before() {
    // Kanreg VI's annual report of 2023 first, accepted without errors; then its Renja 2024.
    let service = crate::service::Service::start("plan-history");
    service.drop_file("KR06", "laporan 2023.xlsx", &std::fs::read(fixture("rollup_2023/KR06.xlsx")).unwrap());
    service.wait_for_arrivals("the 2023 report", 1, std::time::Duration::from_secs(20));
    service.drop_file("KR06", "Renja 2024.xlsx", &std::fs::read(fixture("kr06_2024_renja.xlsx")).unwrap());
    service.wait_for_arrivals("the plan", 2, std::time::Duration::from_secs(20));
    let conn = rusqlite::Connection::open(service.dir.join("state/ledger.sqlite")).unwrap();
    let found: Vec<(String, String)> = conn
        .prepare(
            "SELECT f.subject, f.sheet || '!' || f.cell FROM findings f JOIN submissions s ON s.id = f.submission_id
              WHERE s.file_name = 'Renja 2024.xlsx' AND f.code = 'HISTORY_MISMATCH' ORDER BY f.seq",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The plan prints N/A for IKU 1 and 11, and other figures for IKU 8, 9, 12 and 13, than the
    // report kinerja accepted (IKU 3's 94,78 and IKU 4's 99,23 agree).
    let subjects: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    let expected: Vec<String> = [1, 8, 9, 11, 12, 13].iter().map(|n| format!("IKU.{n} tahun 2023")).collect();
    assert_eq!(subjects, expected);
    assert_eq!(found[0].1, "Evaluasi!K7");

    // The set that governed the year before, as the ledger knows it: IKU 14 is new, an IKU 15
    // retired.
    let config = Config::builtin();
    let (report, _) =
        kinerja::ingest::read(&fixture("kr06_2024_renja.xlsx"), &config.units, &Default::default(), &config.limits)
            .unwrap();
    let set: Vec<String> = (1..=13).chain([15]).map(|n| format!("IKU.{n}")).collect();
    let earlier = kinerja::validate::plan::Earlier { set: Some(set), reported: Vec::new() };
    let changes: Vec<(String, String)> =
        kinerja::validate::plan::review(&report.plan.unwrap(), Some(2024), &earlier, &config)
            .into_iter()
            .filter(|f| matches!(f.code, kinerja::model::Code::IndicatorNew | kinerja::model::Code::IndicatorRetired))
            .map(|f| (f.code.as_str().to_string(), f.subject))
            .collect();
    assert_eq!(
        changes,
        [("INDICATOR_NEW".to_string(), "IKU.14".to_string()), ("INDICATOR_RETIRED".to_string(), "IKU.15".to_string())]
    );
}

#[test]
fn a_central_units_pk_codes_are_its_renja_codes_by_the_configured_crosswalk_never_by_guess() {
    // Built in: PUSPENKOM's IKP.1 = IKU.1, IKK.n = IKU.(n+1); the PK binds all 8 targets, which agree.
    let (_, json) = check_json("puspenkom_2025_renja_pk.xlsx", &[]);
    let pk: Vec<(String, f64, String)> = of_source(&json, "pk")
        .iter()
        .map(|t| (t["code"].as_str().unwrap().into(), t["value"].as_f64().unwrap(), t["goal"].as_str().unwrap().into()))
        .collect();
    assert_eq!(pk.len(), 8);
    assert_eq!((pk[0].0.as_str(), pk[0].1, pk[0].2.as_str()), ("IKU.1", 8.17, "SP.1"));
    assert_eq!((pk[7].0.as_str(), pk[7].1, pk[7].2.as_str()), ("IKU.8", 100.0, "SK.2"));
    let codes: Vec<&str> = json["indicators"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["IKU.1", "IKU.2", "IKU.3", "IKU.4", "IKU.5", "IKU.6", "IKU.7", "IKU.8"]);
    assert!(!json["findings"].as_array().unwrap().iter().any(|f| f["code"] == "PLAN_TARGET_MISMATCH"));
    // Without the crosswalk, the two sets cannot be matched: each side's indicator is said, the
    // PK's codes as not yet matched to an IKU code.
    let mut config = Config::builtin();
    config.crosswalks.clear();
    let outcome = kinerja::check::check(&fixture("puspenkom_2025_renja_pk.xlsx"), &config, &Default::default());
    let unmatched: Vec<&kinerja::model::Finding> =
        outcome.findings.iter().filter(|f| f.code == kinerja::model::Code::PlanTargetMismatch).collect();
    assert_eq!(unmatched.len(), 16);
    let ikk1 = unmatched.iter().find(|f| f.subject == "IKK.1 tahun 2025").unwrap();
    assert!(ikk1.expected.contains("belum dipadankan"), "{ikk1:?}");
}

/// A report in the central unit's PK layout names its indicators by the same crosswalk: the
/// activity indicators alone (no program row) are IKU.2 … IKU.8, not IKU.1 … IKU.7 by their place,
/// and are held to the plan's targets for those codes.
#[test]
fn a_central_units_report_in_its_pk_layout_takes_its_codes_from_the_crosswalk() {
    let (_, json) = check_json("puspenkom_2025_tw3_ikk_codes.xlsx", &[]);
    let codes: Vec<&str> = json["indicators"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["IKU.2", "IKU.3", "IKU.4", "IKU.5", "IKU.6", "IKU.7", "IKU.8"]);
    let goals: Vec<&str> = json["goals"].as_array().unwrap().iter().map(|g| g["code"].as_str().unwrap()).collect();
    assert_eq!(goals, ["SK.1", "SK.2"]);

    let service = crate::service::Service::start("crosswalk-report");
    service.drop_file("PUSPENKOM", "Renja 2025.xlsx", &std::fs::read(fixture("puspenkom_2025_renja_pk.xlsx")).unwrap());
    service.wait_for_arrivals("the plan", 1, std::time::Duration::from_secs(20));
    let report = std::fs::read(fixture("puspenkom_2025_tw3_ikk_codes.xlsx")).unwrap();
    service.drop_file("PUSPENKOM", "Capaian TW III.xlsx", &report);
    service.wait_for_arrivals("the report", 2, std::time::Duration::from_secs(20));
    // Only the program's IKU.1, which the report leaves out: told as the plan's, the document
    // that governs, not a PK the unit never sent.
    assert_eq!(service.errors_of("Capaian TW III.xlsx"), ["INDICATOR_MISSING"]);
    crate::service::wait_for("the report's message", std::time::Duration::from_secs(20), || {
        !service.mail_texts_about("Capaian TW III.xlsx").is_empty()
    });
    let told = &service.mail_texts_about("Capaian TW III.xlsx")[0];
    assert!(told.contains("ada dalam Rencana Kerja yang berlaku di bawah SP.1 tetapi tidak dilaporkan."), "{told}");
}

#[test]
fn an_amount_that_cannot_be_read_in_any_budget_view_is_an_error_at_its_cell() {
    let (code, json) = check_json("kr06_2024_renja_amounts_unreadable.xlsx", &[]);
    assert_eq!(code, 1);
    let found = errors(&json);
    for place in ["Jenis Belanja!B5", "Lampiran 2!D4", "Anggaran!C5"] {
        assert!(found.contains(&("FORMULA_ERROR".to_string(), place.to_string())), "{place}: {found:?}");
    }
}

/// An RO's pagu left blank or written in words is an error at its cell, never the number of the
/// column to its right (Tabel 29's PROPORSI (%): EBA.994's 93,68 was its pagu, Rp 94, and every
/// sum above it an error at another cell). A kegiatan printing no amount counts as what its ROs
/// add up to (its pagu), so the total is still held to them; `-` is nil, Rp 0.
#[test]
fn a_pagu_left_blank_or_in_words_is_an_error_at_its_cell_not_the_next_column() {
    let (code, json) = check_json("kr06_2024_renja_amounts_missing.xlsx", &[]);
    assert_eq!(code, 1);
    let expected = [("PAGU_UNREAD", "Anggaran!D6"), ("PAGU_UNREAD", "Anggaran!D8"), ("BUDGET_TOTAL", "Anggaran!D20")];
    assert_eq!(errors(&json), expected.map(|(c, at)| (c.to_string(), at.to_string())));
    let said = |cell: &str| {
        let findings = json["findings"].as_array().unwrap().iter();
        findings.filter(|f| f["cell"] == cell).map(|f| f["message"].as_str().unwrap().to_string()).collect::<String>()
    };
    assert!(
        said("D6").contains("Pagu RO EBC.996 tidak dapat dibaca sebagai rupiah: \"menunggu DIPA\""),
        "{}",
        said("D6")
    );
    assert!(said("D8").contains("Pagu RO EBA.994 tidak dapat dibaca sebagai rupiah: (kosong)"), "{}", said("D8"));
    let pagu = |code: &str| budget_lines(&json).into_iter().find(|l| l[0] == code).unwrap()[2].clone();
    assert_eq!(
        ["EBC.996", "EBA.994", "4847", "BIC.007", "FAA.002"].map(pagu),
        [json!(null), json!(null), json!(212156000), json!(0), json!(212156000)]
    );
}

/// The capaian an evaluation table prints is held to realisasi over target × 100 (PLANS.md §5),
/// with the tolerance of every value a unit computes itself (DOMAIN.md): the "CAPAIAN RENSTRA S.D. 2023" column of KR06's, and a
/// Capaian under each year of a two-year table. Before, neither was read, so a capaian misprinted
/// passed without a word.
#[test]
fn a_capaian_the_evaluation_prints_is_held_to_realisasi_over_target() {
    for fixture in ["kr06_2024_renja.xlsx", "kr06_2024_renja_evaluation_per_iku.xlsx"] {
        let (code, json) = check_json(fixture, &[]);
        assert_eq!((code, errors(&json)), (0, vec![]), "{fixture}");
    }
    fn claims(json: &Value) -> Vec<&str> {
        fields_of(json, "CLAIM_CAPAIAN", ["cell", "found", "expected"]).concat()
    }
    let (code, json) = check_json("kr06_2024_renja_capaian_misprinted.xlsx", &[]);
    assert_eq!(code, 1);
    // IKU 7's 101,85 for 101,8556 is cut, not rounded: within one unit of its last decimal.
    assert_eq!(claims(&json), ["L11", "99.00", "99.77", "L27", "86.25", "85.63"]);
    assert_eq!(errors(&json).len(), 2);

    let (code, json) = check_json("puspenkom_2025_renja_capaian_per_year.xlsx", &[]);
    assert_eq!(code, 1);
    assert_eq!(claims(&json), ["G12", "21.49", "21.94"]);
    let (_, plain) = check_json("puspenkom_2025_renja_pk.xlsx", &[]);
    let cells = |json: &Value| -> Vec<Value> {
        let rows = json["history"].as_array().unwrap().iter();
        rows.map(|h| json!([h["name"], h["year"], h["target"], h["realisasi"], h["capaian"]])).collect()
    };
    assert_eq!(cells(&json), cells(&plain));
}

/// A Renja signed under its PK and its evaluation: "Mengetahui," under the goals' names read as a
/// goal with its code blank (CODE_BLANK, PERSPECTIVE_BLANK: errors), the signing date ("Medan, 20
/// Desember 2023") as no part of the plan nor its year.
#[test]
fn a_signature_under_a_plan_table_is_none_of_its_rows() {
    let parts = ["year", "targets", "history", "goals", "indicators", "budget"];
    reads_as("kr06_2024_renja_signed.xlsx", "kr06_2024_renja.xlsx", &parts);
}

/// `fixture` checked as `plain` is: the same exit status and errors, the same `parts`.
fn reads_as(fixture: &str, plain: &str, parts: &[&str]) {
    let (code, json) = check_json(fixture, &[]);
    let (plain_code, plain) = check_json(plain, &[]);
    assert_eq!((code, errors(&json)), (plain_code, errors(&plain)), "{fixture}");
    for part in parts {
        assert_eq!(json[part], plain[part], "{fixture}: {part}");
    }
}

/// Figures two IKUs share printed once, merged over both rows, are each one's, as in a report:
/// the PK's target of IKU.2 was TARGET_MISSING, the Renja's reason for IKU.7 missing
/// (PLAN_TARGET_MISMATCH), and the Renstra's target of IKU.3 and an evaluation target were left
/// out without a word.
#[test]
fn a_plan_figure_merged_over_two_rows_is_each_ones() {
    reads_as("kr06_2024_renja_figures_merged.xlsx", "kr06_2024_renja.xlsx", &["targets", "history", "indicators"]);
}

/// A Renja's budget by RO printing each kegiatan's allocation on a "Jumlah" row under its ROs
/// (the kegiatan's own row blank): each Jumlah was a total of the whole table, ten errors
/// (BUDGET_TOTAL, BUDGET_VIEWS) that blocked a sound plan. Each is its kegiatan's amount, held
/// to its ROs as a printed one is.
#[test]
fn a_jumlah_under_a_kegiatans_ros_is_the_kegiatans_amount() {
    let lines = |json: &Value| -> Vec<(String, String)> {
        let lines = json["budget_plan"].as_array().unwrap().iter();
        lines.map(|l| (l["code"].to_string(), l["pagu"].to_string())).collect()
    };
    let (code, json) = check_json("kr06_2024_renja_budget_subtotals.xlsx", &[]);
    let (plain_code, plain) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!((code, errors(&json)), (plain_code, errors(&plain)));
    assert_eq!(lines(&json), lines(&plain));
    assert_eq!(json["budget_programs"], plain["budget_programs"]);
    let kegiatan = &json["budget_plan"][0];
    assert_eq!((&kegiatan["code"], &kegiatan["cell"]), (&"4842".into(), &"Anggaran!D7".into()));
    // The allocation printed on the kegiatan's own row too: each Jumlah restates it.
    let (code, restated) = check_json("kr06_2024_renja_budget_restated.xlsx", &[]);
    assert_eq!((code, errors(&restated)), (plain_code, errors(&plain)));
    assert_eq!(lines(&restated), lines(&plain));
}

/// A Renja's budget whose codes are typed in lower case (`ebc.954`): RO_CODE at each RO, and the
/// ROs under no kegiatan. Read as the plain Renja.
#[test]
fn a_plans_budget_codes_in_lower_case_are_its_codes() {
    reads_as("kr06_2024_renja_codes_lower.xlsx", "kr06_2024_renja.xlsx", &["budget_plan", "budget_programs"]);
}

/// A Renja's budget printing each program's row over its kegiatan, coded as the DIPA codes it
/// (`088.WA`): RO_CODE, an error, at each. A program is a line over its kegiatan, held to them.
#[test]
fn a_program_row_over_its_kegiatan_is_a_line_of_the_budget() {
    let (code, json) = check_json("kr06_2024_renja_budget_programs.xlsx", &[]);
    let (plain_code, plain) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!((code, errors(&json)), (plain_code, errors(&plain)));
    let line = |code: &str| json["budget_plan"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap().clone();
    assert_eq!(
        (line("088.WA")["level"].clone(), line("088.WA")["pagu"].clone()),
        (json!("program"), json!(12871774000u64))
    );
    assert_eq!(line("4846")["parent"], "088.DL");
    assert_eq!(json["budget_programs"], plain["budget_programs"]);
}

/// A row "Rata-rata" with figures at the foot of an evaluation known by names was an IKU of that
/// name with a history of its own, without a word.
#[test]
fn an_average_row_of_an_evaluation_is_no_indicator() {
    reads_as("puspenkom_2025_renja_average_row.xlsx", "puspenkom_2025_renja_pk.xlsx", &["history"]);
}

/// A target written as its lower bound (`≥ 95`, `Minimal 99`, `Min. 90`) is that number in a plan
/// as in a report or an agreement: in the PK, the Renja, the Renstra and the evaluation alike.
/// Before, each was CELL_UNREADABLE and its PK target left out of governance.
#[test]
fn a_plan_target_written_as_its_lower_bound_is_that_number() {
    let (code, json) = check_json("kr06_2024_renja_lower_bounds.xlsx", &[]);
    let (_, plain) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    for source in ["renstra", "renja", "pk"] {
        assert_eq!(values_of(&json, source), values_of(&plain, source), "{source}");
    }
    let history = |json: &Value| -> Vec<Value> {
        json["history"].as_array().unwrap().iter().map(|h| json!([h["code"], h["year"], h["target"]])).collect()
    };
    assert_eq!(history(&json), history(&plain));
}

/// A target of the evaluation that cannot be read is an error naming it a target, in an earlier
/// year (before: nothing said, the year's capaian left out) and in the plan's year, which prints
/// no realisasi (before: "Nilai Realisasi IKU.5 tahun 2024").
#[test]
fn an_evaluation_target_that_cannot_be_read_is_an_error_naming_the_target() {
    let (code, json) = check_json("kr06_2024_renja_evaluation_targets_unread.xlsx", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        errors(&json),
        [("CELL_UNREADABLE", "Evaluasi!C11"), ("CELL_UNREADABLE", "Evaluasi!G15")].map(|(c, at)| (c.into(), at.into()))
    );
    let unread = fields_of(&json, "CELL_UNREADABLE", ["cell", "subject", "found"]);
    assert_eq!(
        unread,
        [["C11", "Target IKU.3 tahun 2020", "delapan puluh lima"], ["G15", "Target IKU.5 tahun 2024", "seratus"]]
    );
}

/// Each kegiatan is in one program everywhere (PLANS.md §5): a responsibility matrix that files
/// a kegiatan under another program than the configured one (002's Lampiran 3 puts 4842 and 4843
/// under Program Kebijakan) is a warning once per kegiatan, naming both programs. Before, the
/// `Program: …` rows were not read.
#[test]
fn a_kegiatan_the_matrix_files_under_another_program_is_a_warning() {
    let (code, json) = check_json("kr06_2024_renja_matrix_programs.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    let kebijakan = "Program Kebijakan, Pembinaan Profesi, dan Tata Kelola ASN";
    assert_eq!(
        fields_of(&json, "PROGRAM_MISMATCH", ["subject", "found", "expected"]),
        [
            ["Kegiatan 4842", kebijakan, "Program Dukungan Manajemen"],
            ["Kegiatan 4843", kebijakan, "Program Dukungan Manajemen"]
        ]
    );
    let programs: Vec<&Value> = json["responsibility"].as_array().unwrap().iter().map(|r| &r["program"]).collect();
    assert!(programs.len() == 14 && programs.iter().all(|p| *p == kebijakan), "{programs:?}");
    let (_, plain) = check_json("kr06_2024_renja.xlsx", &[]);
    assert!(plain["responsibility"].as_array().unwrap().iter().all(|r| r["program"].is_null()));
}

/// An evaluation target on another scale than its indicator's other years (002's IKU 10: 3 and
/// 3,2 in 2020–2021 beside 80 and 100) is flagged (PLANS.md §3), and its year has no capaian:
/// before, the history gave 72 / 3 = 2.400 % without a word.
#[test]
fn an_evaluation_target_on_another_scale_is_flagged_and_gets_no_capaian() {
    let (code, json) = check_json("kr06_2024_renja_iku10_scale.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    let flagged = fields_of(&json, "TARGET_SCALE", ["cell", "found", "expected"]);
    assert_eq!(flagged, [["C25", "3", "90"], ["D25", "3.2", "90"]]);
    let iku10: Vec<Value> = json["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["code"] == "IKU.10")
        .map(|h| json!([h["year"], h["capaian"]]))
        .collect();
    assert_eq!(iku10, [json!([2020, null]), json!([2021, null]), json!([2022, 106.25]), json!([2023, 100])]);
}

/// A Renja whose amounts are printed in thousands of rupiah, as a column's header or a caption
/// above the table says ("(Rp ribu)", "(dalam ribuan rupiah)", "(Rp 1.000)"), reads to the same
/// rupiah in every budget view as the one printed in rupiah (`Rp 10,000` thousand is 10.000.000,
/// not 10.000; `Rp 92 juta`, its own word, 92.000.000); before, each was a thousand times too
/// small and every view agreed with the others.
#[test]
fn a_renja_in_thousands_of_rupiah_reads_to_the_rupiah_of_the_one_printed_whole() {
    let (code, json) = check_json("kr06_2024_renja_in_thousands.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    let (_, whole) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!(json["budget_plan"], whole["budget_plan"]);
    let config = Config::builtin();
    let read = |name: &str| {
        let (report, _) =
            kinerja::ingest::read(&fixture(name), &config.units, &Default::default(), &config.limits).unwrap();
        let plan = report.plan.unwrap();
        let amounts: Vec<String> = (plan.spending.iter().map(|s| s.amount))
            .chain(plan.details.iter().map(|d| d.amount))
            .chain(plan.totals.iter().map(|t| t.value))
            .map(|amount| amount.to_string())
            .collect();
        amounts
    };
    let thousands = read("kr06_2024_renja_in_thousands.xlsx");
    assert_eq!(thousands.len(), 3 + 31 + 3);
    assert_eq!(thousands, read("kr06_2024_renja.xlsx"));
}

/// The targets of `source` as (code, value) in order.
fn values_of(json: &Value, source: &str) -> Vec<(String, i64)> {
    of_source(json, source)
        .iter()
        .map(|t| (t["code"].as_str().unwrap().to_string(), t["value"].as_i64().unwrap()))
        .collect()
}

fn printed(values: [i64; 14]) -> Vec<(String, i64)> {
    values.iter().enumerate().map(|(i, v)| (format!("IKU.{}", i + 1), *v)).collect()
}

/// Each budget line as (code, parent, pagu, volume, satuan): what a layout must not change.
/// Each year of the evaluation as read: its code, year, target, realisasi and capaian.
fn history_figures(json: &Value) -> Vec<Value> {
    let rows = json["history"].as_array().unwrap().iter();
    rows.map(|h| json!([h["code"], h["year"], h["target"], h["realisasi"], h["capaian"]])).collect()
}

fn budget_lines(json: &Value) -> Vec<Value> {
    let lines = json["budget_plan"].as_array().unwrap().iter();
    lines.map(|b| json!([b["code"], b["parent"], b["pagu"], b["volume"], b["satuan"]])).collect()
}

/// Tables headed on one row, as units also head them: `Target Renstra 2024 | Target Renja 2024`
/// beside `Realisasi 2020` … `Realisasi 2023`, and Tabel 29 under `KODE | URAIAN | TARGET OUTPUT |
/// SATUAN | PAGU`. Before, the Renstra's targets were taken for the Renja's (IKU 1 "Renja 70",
/// exit status 0, since no PK said otherwise) and the budget was not read at all.
#[test]
fn a_renja_headed_on_one_row_reads_to_the_same_targets_and_budget() {
    let (code, json) = check_json("kr06_2024_renja_one_row_headers.xlsx", &[]);
    assert_eq!((code, json["kind"].as_str(), errors(&json)), (0, Some("plan"), vec![]));
    assert_eq!(values_of(&json, "renstra"), printed(RENSTRA));
    assert_eq!(values_of(&json, "renja"), printed(RENJA));
    let reasons = of_source(&json, "renja").iter().filter(|t| t["justification"].is_string()).count();
    assert_eq!(reasons, 11);
    // The realisasi years beside the targets are read too (the evaluation's are shown; these are
    // held to them).
    let config = Config::builtin();
    let fixture = fixture("kr06_2024_renja_one_row_headers.xlsx");
    let (report, _) = kinerja::ingest::read(&fixture, &config.units, &Default::default(), &config.limits).unwrap();
    let history = report.plan.unwrap().history;
    let beside: Vec<String> =
        history.iter().filter(|h| &*h.at.sheet == "Renstra vs Renja").map(|h| format!("{} {}", h.year, h.at)).collect();
    assert_eq!(beside.len(), 56);
    assert_eq!(beside[3..5], ["2023 Renstra vs Renja!F4", "2020 Renstra vs Renja!C5"]);
    let (_, whole) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!(budget_lines(&json), budget_lines(&whole));
    assert_eq!(json["budget_plan"][1]["cell"], "Anggaran!E5");
}

/// A PK laid out with No. columns (the goal's number on its first row) or with one label column
/// holding goals' and indicators' rows reads to the same binding targets, goals and perspectives
/// as the PK with KODE columns; before, neither was read (no PK target, without a word).
#[test]
fn a_plans_pk_with_numbered_or_tree_labels_reads_to_its_targets_and_places() {
    let (_, kode) = check_json("kr06_2024_renja.xlsx", &[]);
    let places = |json: &Value| -> Vec<(String, String, String)> {
        let pk = of_source(json, "pk");
        pk.iter()
            .map(|t| {
                let text = |key: &str| t[key].as_str().unwrap_or_default().to_string();
                (text("code"), text("goal"), text("perspective"))
            })
            .collect()
    };
    let goals = |json: &Value| -> Vec<Value> {
        let listed = json["goals"].as_array().unwrap().iter();
        listed.map(|g| json!([g["code"], g["name"], g["perspective"]])).collect()
    };
    assert_eq!(goals(&kode).len(), 7);
    for name in ["kr06_2024_renja_pk_numbered.xlsx", "kr06_2024_renja_pk_tree.xlsx"] {
        let (code, json) = check_json(name, &[]);
        assert_eq!((code, errors(&json)), (0, vec![]), "{name}");
        assert_eq!(values_of(&json, "pk"), printed(RENJA), "{name}");
        assert_eq!(places(&json), places(&kode), "{name}");
        assert_eq!(goals(&json), goals(&kode), "{name}");
    }
}

/// 002's own evaluation layout (PLANS.md §2): one table per IKU, named on the line above
/// (`1. IKU 1. Persentase …`), its caption, TARGET over 2020–2024 and REALISASI over 2020–2023,
/// one row of figures, no code or name column. Before, no row was read (no code, no name) and
/// the Renja's earlier targets and capaian were lost without a word; as one table, each table's
/// header would have been taken for a page break's repeat and every row for IKU 1.
#[test]
fn an_evaluation_printed_one_table_per_iku_reads_to_the_same_history() {
    let (code, json) = check_json("kr06_2024_renja_evaluation_per_iku.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    let (_, merged) = check_json("kr06_2024_renja.xlsx", &[]);
    assert_eq!(history_figures(&json), history_figures(&merged));
    let iku12 = json["history"].as_array().unwrap().iter().find(|h| h["code"] == "IKU.12" && h["year"] == 2023);
    assert_eq!(iku12.map(|h| (&h["capaian"], &h["cell"])), Some((&json!(85.63), &json!("Evaluasi!I71"))));
}

/// A workbook titled Rencana Kerja whose tables kinerja cannot read as a plan's: an error saying
/// which tables it looks for. Before, it was a plan of no indicator and no finding, exit status 0.
#[test]
fn a_plan_with_nothing_read_says_so() {
    let (code, json) = check_json("kr06_2024_renja_unread.xlsx", &[]);
    assert_eq!((code, json["kind"].as_str()), (1, Some("plan")));
    let found: Vec<(&Value, &Value)> =
        json["findings"].as_array().unwrap().iter().map(|f| (&f["code"], &f["severity"])).collect();
    assert_eq!(found, [(&json!("PLAN_EMPTY"), &json!("error"))]);
}

/// A report is not a plan for naming one in its title ("… terhadap Target Rencana Kerja (Renja)
/// Tahun 2024") or for a sheet of the budget spent per kegiatan and RO (KODE/KRO | URAIAN | PAGU |
/// REALISASI): each was read as a plan of no indicator, exit status 0, and in the service filed
/// as the unit's plan, its report never counted. Nor is a report headed on two rows whose first
/// row alone (No. | Sasaran Strategis | Kode IKU | Indikator Kinerja | Target, the realisasi
/// below under "Kinerja") looks like a plan's table of targets.
#[test]
fn a_report_titled_after_its_renja_or_spending_by_ro_is_a_report() {
    for name in [
        "kr07_2024_titled_after_renja.xlsx",
        "kr07_2024_titled_after_renja_two_header_rows.xlsx",
        "kr07_2024_budget_per_ro.xlsx",
    ] {
        let (code, json) = check_json(name, &["--unit", "KR07"]);
        assert_eq!((code, json["kind"].as_str(), json["npss"].as_f64()), (0, Some("realisasi"), Some(99.27)), "{name}");
    }
    let (_, json) = check_json("kr07_2024_budget_per_ro.xlsx", &["--unit", "KR07"]);
    let ro: Vec<&str> = json["budget"].as_array().unwrap().iter().filter_map(|b| b["code"].as_str()).collect();
    assert_eq!(ro[ro.len() - 6..], ["4842", "EBC.954", "EBC.996", "4843", "EBA.956", "TOTAL"]);
}

/// Nor is such a report whose realisasi columns lost their headers (blank on its one header row,
/// or the sub-headers under "Kinerja" deleted), though what is left of its table (No. | Sasaran
/// Strategis | Indikator Kinerja | Target) is a plan's table of targets: the second was a plan of
/// 14 targets, exit status 0 (filed as the unit's Renja without a word), the first PLAN_EMPTY.
/// Each is the report it is, blocked for the headers it lacks.
#[test]
fn a_report_titled_after_its_renja_with_its_realisasi_unheaded_is_a_blocked_report() {
    for (name, unheaded) in [
        ("kr07_2024_titled_after_renja_realisasi_unheaded.xlsx", vec!["Tabel 3.2!E3", "Tabel 3.2!F3"]),
        ("kr07_2024_titled_after_renja_sub_headers_blank.xlsx", vec![]),
    ] {
        let (code, json) = check_json(name, &["--unit", "KR07"]);
        assert_eq!((code, json["kind"].as_str()), (1, Some("realisasi")), "{name}");
        assert_eq!(errors(&json), [("REALISASI_COLUMN_NONE".into(), "Tabel 3.2!A3".into())], "{name}");
        let sheet_cell = |[sheet, cell, _]: [&str; 3]| format!("{sheet}!{cell}");
        let said: Vec<String> =
            fields_of(&json, "COLUMN_UNHEADED", ["sheet", "cell", "code"]).into_iter().map(sheet_cell).collect();
        assert_eq!(said, unheaded, "{name}");
    }
}

/// A Renja that prints the year's targets only in its evaluation's TARGET 2024 column: they are
/// the Renja's (PLANS.md §2), each IKU with its name. Before, a plan of no indicator.
#[test]
fn a_renja_with_its_evaluation_alone_takes_the_years_targets_from_it() {
    let (code, json) = check_json("kr06_2024_renja_evaluation_only.xlsx", &[]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(values_of(&json, "renja"), printed(RENJA));
    assert_eq!(json["indicators"].as_array().unwrap().len(), 14);
    let iku12 = of_source(&json, "renja")[11];
    assert_eq!(
        (&iku12["name"], &iku12["cell"]),
        (&json!("Skor Hasil Evaluasi Akuntabilitas Kinerja (SAKIP)"), &json!("Evaluasi!E71"))
    );
}

/// A Renja whose title names no year, its evaluation's captions a span each ("Capaian IKU 1 …
/// Tahun 2020-2023"): read as the Renja of 2020, its targets the evaluation's TARGET 2020, exit
/// 0. The span names no year: YEAR_UNKNOWN, and with the year given the targets are 2024's.
#[test]
fn a_span_of_years_in_a_caption_is_not_the_plans_year() {
    let (code, json) = check_json("kr06_2024_renja_title_without_year.xlsx", &[]);
    assert_eq!((code, subjects(&json, "YEAR_UNKNOWN", "error"), &json["year"]), (1, vec![""], &Value::Null));
    let (code, json) = check_json("kr06_2024_renja_title_without_year.xlsx", &["--year", "2024"]);
    assert_eq!((code, errors(&json)), (0, vec![]));
    assert_eq!(values_of(&json, "renja"), printed(RENJA));
}

/// KR06's Renja headed in other words (Tabel 29's "KRO/RO" and "BIAYA (Rp)", the Renstra table's
/// "IKU", "RENSTRA 2020-2024" and "RKT", the evaluation's "IKU", the PK's "NO. IKU" | "IKU", the
/// matrix's "KODE KEGIATAN" | "NAMA KEGIATAN" | "IKU TERKAIT"): exit 0 with no budget line, no
/// target and no owner read, and 84 rows of history that were the goals' names. Read as the
/// published headers are; with the amount headed "DANA", no column kinerja knows, the table's
/// codes are BUDGET_UNREAD (a warning) at the first, never left out in silence.
#[test]
fn a_plans_tables_headed_otherwise_are_read_or_said_unread() {
    let (_, published) = check_json("kr06_2024_renja.xlsx", &[]);
    let (code, json) = check_json("kr06_2024_renja_headed_otherwise.xlsx", &[]);
    assert_eq!(code, 0);
    for key in ["budget_plan", "targets", "budget_programs", "history", "responsibility", "indicators", "goals"] {
        assert_eq!(json[key], published[key], "{key}");
    }
    assert_eq!(of_source(&json, "renja").len(), 14);
    let (code, json) = check_json("kr06_2024_renja_budget_unread.xlsx", &[]);
    assert_eq!((code, json["budget_plan"].as_array().unwrap().len()), (0, 0));
    let unread = fields_of(&json, "BUDGET_UNREAD", ["severity", "cell", "subject"]);
    assert_eq!(unread, [["warning", "A5", "EBC.954, EBC.996, …"]]);
}

/// A responsibility matrix whose kegiatan codes are headed "NO" and its IKUs "KETERKAITAN" (one
/// column headed as kinerja knows): before, exit 0 with no owner read and no MATRIX_GAP looked
/// for. Read by what stands in its columns, as the published one is; headed in no word kinerja
/// knows ("NO" | "URAIAN" | "KETERKAITAN"), it is MATRIX_UNREAD at its first row.
#[test]
fn a_matrix_headed_otherwise_is_read_or_said_unread() {
    let (_, published) = check_json("kr06_2024_renja.xlsx", &[]);
    let (code, json) = check_json("kr06_2024_renja_matrix_headed_otherwise.xlsx", &[]);
    assert_eq!((code, &json["responsibility"]), (0, &published["responsibility"]));
    assert_eq!(json["responsibility"].as_array().unwrap().len(), 14);
    let (code, json) = check_json("kr06_2024_renja_matrix_unread.xlsx", &[]);
    assert_eq!((code, json["responsibility"].as_array().unwrap().len()), (0, 0));
    let unread = fields_of(&json, "MATRIX_UNREAD", ["severity", "cell", "found"]);
    assert_eq!(unread, [["warning", "A5", "14"]]);
}

/// KR06's Renja with the headers units leave blank (the code columns, the PK's every column but
/// TARGET, Tabel 29's names and volumes): before, exit 0 with no target, indicator, goal or owner
/// read (the PLAN_TARGET_MISMATCH checks gone with them). Headed in words the published Renja
/// does not use ("TARGET KINERJA" | "REALISASI KINERJA", "RENCANA KINERJA TAHUNAN", "URAIAN",
/// "KODE KEGIATAN/KRO/RO" | "RINCIAN OUTPUT" | "SATUAN", "PEGAWAI" | "OPS" | "NON-OPS" |
/// "TOTAL", years "TA 2020"): before, taken for the unit's Perjanjian Kinerja. Both read as the published one,
/// the budget by jenis belanja too; the PK's targets headed "TGT" are said unread.
#[test]
fn a_plan_headed_blank_or_in_other_words_is_read_as_published() {
    let config = kinerja::config::Config::builtin();
    let read = |name: &str| kinerja::ingest::read(&fixture(name), &config.units, &Default::default(), &config.limits);
    let (published, _) = read("kr06_2024_renja.xlsx").unwrap();
    let (_, published_json) = check_json("kr06_2024_renja.xlsx", &[]);
    for name in ["kr06_2024_renja_headers_blank.xlsx", "kr06_2024_renja_headed_in_other_words.xlsx"] {
        let (code, json) = check_json(name, &[]);
        assert_eq!((code, &json["kind"]), (0, &published_json["kind"]), "{name}");
        for key in ["budget_plan", "targets", "budget_programs", "history", "responsibility", "indicators", "goals"] {
            assert_eq!(json[key], published_json[key], "{name} {key}");
        }
        assert_eq!(json["findings"], published_json["findings"], "{name}");
        let (report, _) = read(name).unwrap();
        let spending = |r: &kinerja::model::Report| {
            let plan = r.plan.as_ref().unwrap();
            (plan.spending.iter().map(|s| (s.name.clone(), s.amount)).collect::<Vec<_>>(), plan.totals.len())
        };
        assert_eq!(spending(&report), spending(&published), "{name}");
    }
    let names: Vec<String> = published.plan.as_ref().unwrap().spending.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, ["Belanja Pegawai", "Belanja Barang Operasional", "Belanja Barang Non Operasional"]);
    let (code, json) = check_json("kr06_2024_renja_pk_target_unread.xlsx", &[]);
    assert_eq!((code, of_source(&json, "pk").len()), (0, 0));
    assert_eq!(fields_of(&json, "TABLE_UNREAD", ["severity", "cell", "found"]), [["warning", "E5", "14"]]);
}

/// PUSPENKOM's Tabel 3 (ASN to be mapped, by unit) with its header row left blank: before, its
/// fifteen unit names were read as titles and the longest named the plan's unit (Kantor
/// Regional VIII's plan, or UNIT_MISMATCH in PUSPENKOM's folder), the split itself unread. Read
/// as the published one by the units named below, the plan PUSPENKOM's.
#[test]
fn a_split_by_unit_with_no_header_is_read_and_names_no_unit() {
    let (published_code, published) = check_json("puspenkom_2025_renja_pk.xlsx", &[]);
    let (code, json) = check_json("puspenkom_2025_renja_split_unheaded.xlsx", &[]);
    assert_eq!((code, &json["unit"]["code"]), (published_code, &json!("PUSPENKOM")));
    assert_eq!(json["findings"], published["findings"]);
    let config = kinerja::config::Config::builtin();
    let split = |name: &str| {
        let (report, _) =
            kinerja::ingest::read(&fixture(name), &config.units, &Default::default(), &config.limits).unwrap();
        let plan = report.plan.unwrap();
        let parts: Vec<(String, String)> = plan.split.iter().map(|p| (p.unit.clone(), p.value.to_string())).collect();
        (parts, plan.split_total.map(|(total, at)| (total.to_string(), at.to_string())))
    };
    let (parts, total) = split("puspenkom_2025_renja_split_unheaded.xlsx");
    assert_eq!(
        (parts.len(), &parts[0], total.clone()),
        (15, &("BKN".to_string(), "3600".to_string()), Some(("314450".to_string(), "Tabel 3!B19".to_string())))
    );
    assert_eq!((parts, total), split("puspenkom_2025_renja_pk.xlsx"));
}

/// PUSPENKOM's Renja headed in other words (Tabel 1's "Uraian", "Tahun 2023" | "TA 2024" over
/// "Target Kinerja" | "Realisasi Kinerja"; Tabel 3's "Satuan Kerja" | "Target Peserta"; the PK's
/// "IKK"): its 28 rows of history and the PK's 8 targets were left out without a word. Read as
/// the published headers are, to the same findings.
#[test]
fn a_central_units_plan_headed_otherwise_is_read_as_published() {
    let (_, published) = check_json("puspenkom_2025_renja_pk.xlsx", &[]);
    let (_, json) = check_json("puspenkom_2025_renja_headed_otherwise.xlsx", &[]);
    for key in ["budget_plan", "targets", "history", "indicators", "goals"] {
        assert_eq!(json[key], published[key], "{key}");
    }
    let codes = |json: &Value| {
        let findings = json["findings"].as_array().unwrap().iter();
        findings.map(|f| (f["code"].clone(), f["cell"].clone(), f["severity"].clone())).collect::<Vec<_>>()
    };
    assert_eq!(codes(&json), codes(&published));
    // Its targets headed "Tgt", a word kinerja does not read: the table is said unread at its
    // first figure, not left out without a word.
    let (code, json) = check_json("puspenkom_2025_renja_table_unread.xlsx", &[]);
    assert_eq!((code, json["history"].as_array().unwrap().len()), (1, 0));
    assert_eq!(fields_of(&json, "TABLE_UNREAD", ["severity", "cell", "found"]), [["warning", "B3", "15"]]);
}
