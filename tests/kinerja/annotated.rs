//! The unit's annotated copy is the unit's own workbook, marked: every part it sent kept, the
//! cells with findings filled by severity and noted, two sheets added. An .xls is re-rendered,
//! and says so.

use crate::common::fixture;
use calamine::{Data, Range, Reader, SheetVisible, open_workbook_auto};
use kinerja::check::{Given, Outcome, check_with};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn reviewed(report: &str, pk: Option<&str>) -> Outcome {
    reviewed_at(&fixture(report), pk)
}

fn reviewed_at(report: &Path, pk: Option<&str>) -> Outcome {
    let config = Config::builtin();
    let agreement = pk
        .map(|pk| kinerja::ingest::read(&fixture(pk), &config.units, &Overrides::default(), &config.limits).unwrap().0);
    check_with(report, &config, &Overrides::default(), &Given { agreement, previous: None })
}

fn annotate(outcome: &Outcome, name: &str, dir: &Path) -> PathBuf {
    let bytes = std::fs::read(&outcome.file).unwrap();
    let target = dir.join(format!("{name} (dinilai).xlsx"));
    let config = Config::builtin();
    kinerja::consolidate::annotate::write(outcome, &outcome.file, &bytes, &config.limits, dir, &target).unwrap();
    target
}

/// Every part of a package, decompressed, by name.
fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap()
}

/// The fill colour (ARGB) of the style of `cell` in a sheet part.
fn fill_of(parts: &BTreeMap<String, Vec<u8>>, sheet: &str, cell: &str) -> Option<String> {
    let xml = text(parts, sheet);
    let start = xml.find(&format!("<c r=\"{cell}\""))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let s: usize = tag.split(" s=\"").nth(1).map_or(Some(0), |v| v.split('"').next()?.parse().ok())?;
    let styles = text(parts, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs")?..styles.find("</cellXfs>")?];
    let xf = xfs.split("<xf ").nth(s + 1)?;
    let fill: usize = xf.split("fillId=\"").nth(1)?.split('"').next()?.parse().ok()?;
    let fills = &styles[styles.find("<fills")?..styles.find("</fills>")?];
    let chosen = fills.split("<fill>").nth(fill + 1)?;
    Some(chosen.split("rgb=\"").nth(1).map_or("none".into(), |v| v.split('"').next().unwrap_or("").to_string()))
}

fn ranges(path: &Path) -> Vec<(String, SheetVisible, Range<Data>)> {
    let mut book = open_workbook_auto(path).unwrap();
    let meta: Vec<(String, SheetVisible)> =
        book.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible)).collect();
    meta.into_iter().map(|(name, visible)| (name.clone(), visible, book.worksheet_range(&name).unwrap())).collect()
}

#[test]
fn the_copy_keeps_the_units_package_and_marks_its_cells() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let outcome = reviewed("kr07_2024_review_errors.xlsx", Some("kr07_2024_agreement_kode.xlsx"));
    let copy = annotate(&outcome, "kr07", &dir);
    let (before, after) = (parts(&fixture("kr07_2024_review_errors.xlsx")), parts(&copy));

    // Every part the unit sent is there; those kinerja does not mark are byte for byte the same.
    let edited = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    for (name, bytes) in &before {
        assert!(after.contains_key(name), "{name} kept");
        if !edited.contains(&name.as_str()) && !name.starts_with("xl/worksheets/") {
            assert_eq!(&after[name], bytes, "{name} unchanged");
        }
    }
    // Merged cells, widths and the like of the marked sheet are as sent.
    let sheet = "xl/worksheets/sheet1.xml";
    let section = |xml: &str, tag: &str| {
        xml.find(&format!("<{tag}")).map(|a| xml[a..].split_once(&format!("</{tag}>")).map(|(s, _)| s.to_string()))
    };
    for tag in ["mergeCells", "cols", "sheetViews"] {
        assert_eq!(section(&text(&before, sheet), tag), section(&text(&after, sheet), tag), "{tag}");
    }
    // Every cell's value as sent, every sheet in its place; two sheets added at the end.
    let (old, new) = (ranges(&fixture("kr07_2024_review_errors.xlsx")), ranges(&copy));
    assert_eq!(new.len(), old.len() + 2);
    for ((name, visible, range), (name2, visible2, range2)) in old.iter().zip(&new) {
        assert_eq!((name, visible), (name2, visible2));
        assert_eq!(range, range2, "{name}");
    }
    assert_eq!((new[old.len()].0.as_str(), new[old.len() + 1].0.as_str()), ("Hasil kinerja", "Temuan"));

    // Filled by severity: an error red (IKU.5's 120 % at E12, IKU.3's target at D9), a warning
    // amber (IKU 1's N/A without a reason at E6), information unmarked (C5).
    assert_eq!(fill_of(&after, sheet, "E12").as_deref(), Some("FFFFC7CE"));
    assert_eq!(fill_of(&after, sheet, "D9").as_deref(), Some("FFFFC7CE"));
    assert_eq!(fill_of(&after, sheet, "E6").as_deref(), Some("FFFFEB9C"));
    assert_eq!(fill_of(&before, sheet, "E13"), fill_of(&after, sheet, "E13"));
    // The messages as notes, and the findings linked to their cells.
    let comments = after.keys().find(|k| k.starts_with("xl/comments")).expect("a comments part");
    let notes = text(&after, comments);
    assert!(notes.contains("ref=\"E12\"") && notes.contains("di luar rentang 0–100"), "{notes}");
    let temuan = new.last().unwrap();
    assert!(temuan.2.rows().any(|r| r.first() == Some(&Data::String("VALUE_OUT_OF_RANGE".into()))));
    let added = after
        .iter()
        .filter(|(k, _)| k.starts_with("xl/worksheets/sheet"))
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .collect::<Vec<_>>();
    assert!(added.iter().any(|x| x.contains("location=\"&apos;Tabel 3.2&apos;!E12\"")), "links to the cells");

    // A hidden sheet stays hidden.
    let quirks = annotate(&reviewed("puspenkom_2024_tw3_quirks.xlsx", None), "puspenkom", &dir);
    let (old, new) = (ranges(&fixture("puspenkom_2024_tw3_quirks.xlsx")), ranges(&quirks));
    for ((name, visible, _), (name2, visible2, _)) in old.iter().zip(&new) {
        assert_eq!((name, visible), (name2, visible2));
    }
    assert!(old.iter().any(|(_, v, _)| *v != SheetVisible::Visible));

    // An .xls cannot be edited in place: re-rendered, and the copy says so.
    let xls = annotate(&reviewed("kr07_2024_capaian.xls", None), "xls", &dir);
    let rendered = ranges(&xls);
    let note =
        rendered.last().unwrap().2.rows().flatten().any(|c| c.to_string().starts_with("Salinan ini dibuat ulang"));
    assert!(note, "the re-rendered copy says so");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A unit corrects its annotated copy and sends it back: kinerja's sheets in it are kinerja's,
/// not the report's. Its NPSS in *Hasil kinerja* (held to the PK) was read as the unit's claim,
/// a CLAIM_NPSS against the copy read without the PK; *Hasil kinerja* was a table set aside and
/// the figures in *Temuan* a table left unread.
#[test]
fn a_copy_sent_back_reads_as_the_workbook_the_unit_sent() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-back-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pk = Some("kr07_2024_agreement_kode.xlsx");
    let outcome = reviewed("kr07_2024_review_errors.xlsx", pk);
    let copy = annotate(&outcome, "kr07", &dir);
    let said = |o: &Outcome| {
        let npss = o.scored.as_ref().and_then(|(_, card)| card.npss.value);
        (npss, o.findings.iter().map(|f| (f.code, f.at.as_ref().map(|a| a.to_string()))).collect::<Vec<_>>())
    };
    for pk in [pk, None] {
        let (sent, back) = (said(&reviewed("kr07_2024_review_errors.xlsx", pk)), said(&reviewed_at(&copy, pk)));
        assert_eq!(sent, back, "held to {pk:?}");
    }
    // Marked again, it is named as the unit's file, not "laporan (dinilai …) (dinilai …)".
    let again_at =
        kinerja::consolidate::annotate::path(&dir, 2024, "KR07", "laporan (dinilai b00ba62d).xlsx", "c0ffee99");
    assert_eq!(again_at, dir.join("2024/KR07/laporan (dinilai c0ffee99).xlsx"));
    // Annotated again, its new sheets stand beside the old ones, named apart: all kinerja's.
    let again = annotate(&reviewed_at(&copy, pk), "kr07 lagi", &dir);
    assert_eq!(said(&reviewed_at(&again, None)), said(&reviewed("kr07_2024_review_errors.xlsx", None)));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A marked cell in a row the unit hid (last year's IKU 15, hidden rather than deleted) is shown
/// in the copy: the unit could not find it otherwise. Rows and columns without a mark stay hidden.
#[test]
fn a_hidden_row_with_a_finding_is_shown_in_the_copy() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-hidden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let outcome = reviewed("kr07_2024_hidden_rows.xlsx", Some("kr07_2024_agreement_kode.xlsx"));
    let original = text(&parts(&outcome.file), "xl/worksheets/sheet1.xml");
    assert!(original.contains("<row r=\"22\" spans=\"1:6\" hidden=\"1\">"), "{original}");
    let copy = text(&parts(&annotate(&outcome, "hidden", &dir)), "xl/worksheets/sheet1.xml");
    let row = &copy[copy.find("<row r=\"22\"").unwrap()..];
    assert!(!row[..row.find('>').unwrap()].contains("hidden"), "{}", &row[..80]);
    // The Capaian column carries no finding here: still hidden.
    assert!(copy.contains("<col min=\"6\" max=\"6\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>"), "{copy}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The Temuan sheet shows a cell's text as the unit typed it: "289.971" (thousands, in a column
/// in thousands of rupiah) is not turned into "289,971", which reads as two hundred and eighty-nine.
#[test]
fn the_temuan_sheet_quotes_a_cells_text_as_typed() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-typed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copy = annotate(&reviewed("kr07_2024_budget_thousands_ambiguous.xlsx", None), "ribuan", &dir);
    let temuan = ranges(&copy).pop().unwrap().2;
    let row = temuan.rows().find(|r| r.get(2).is_some_and(|c| *c == "Tabel 3.2!G6")).unwrap();
    assert_eq!(row[0], Data::String("NUMBER_AMBIGUOUS".into()));
    // Tertulis as typed; Seharusnya the number kinerja read.
    assert_eq!((row[4].to_string(), row[5].to_string()), ("289.971".to_string(), "289971".to_string()));
    std::fs::remove_dir_all(&dir).unwrap();
}
