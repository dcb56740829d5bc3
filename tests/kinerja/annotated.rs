//! The unit's annotated copy is the unit's own workbook, marked: every part it sent kept, the
//! cells with findings filled by severity and noted, two sheets added. An .xls is re-rendered,
//! and says so.

use crate::common::fixture;
use calamine::{Data, Range, Reader, SheetVisible, open_workbook_auto};
use kinerja::check::{Given, Outcome, check_with};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::Code;
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

/// The cell format (`<xf …>` and its alignment) of the style of `cell` in a sheet part.
fn xf_of(parts: &BTreeMap<String, Vec<u8>>, sheet: &str, cell: &str) -> Option<String> {
    let xml = text(parts, sheet);
    let start = xml.find(&format!("<c r=\"{cell}\""))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let s: usize = tag.split(" s=\"").nth(1).map_or(Some(0), |v| v.split('"').next()?.parse().ok())?;
    let styles = text(parts, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs")?..styles.find("</cellXfs>")?];
    xfs.split("<xf ").nth(s + 1).map(String::from)
}

/// The fill colour (ARGB) of the style of `cell` in a sheet part.
fn fill_of(parts: &BTreeMap<String, Vec<u8>>, sheet: &str, cell: &str) -> Option<String> {
    let xf = xf_of(parts, sheet, cell)?;
    let styles = text(parts, "xl/styles.xml");
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
        let findings = o.findings.iter().filter(|f| f.code != Code::OwnSheetIgnored);
        (npss, findings.map(|f| (f.code, f.at.as_ref().map(|a| a.to_string()))).collect::<Vec<_>>())
    };
    for pk in [pk, None] {
        let (sent, back) = (said(&reviewed("kr07_2024_review_errors.xlsx", pk)), said(&reviewed_at(&copy, pk)));
        assert_eq!(sent, back, "held to {pk:?}");
        // Kinerja's sheets are said to be set aside, by name.
        assert_eq!(set_aside(&reviewed_at(&copy, pk)), ["Hasil kinerja", "Temuan"]);
    }
    // Marked again, it is named as the unit's file, not "laporan (dinilai …) (dinilai …)".
    let again_at =
        kinerja::consolidate::annotate::path(&dir, 2024, "KR07", "laporan (dinilai b00ba62d).xlsx", "c0ffee99");
    assert_eq!(again_at, dir.join("2024/KR07/laporan (dinilai c0ffee99).xlsx"));
    // Annotated again, this check's sheets take the place of the old ones.
    let again = annotate(&reviewed_at(&copy, pk), "kr07 lagi", &dir);
    assert_eq!(said(&reviewed_at(&again, None)), said(&reviewed("kr07_2024_review_errors.xlsx", None)));
    let names = |path: &Path| ranges(path).into_iter().map(|(name, _, _)| name).collect::<Vec<_>>();
    assert_eq!(names(&again), names(&copy));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The sheets a check says it set aside as kinerja's own (`OWN_SHEET_IGNORED`).
fn set_aside(outcome: &Outcome) -> Vec<String> {
    outcome.findings.iter().filter(|f| f.code == Code::OwnSheetIgnored).map(|f| f.found.clone()).collect()
}

/// A package with some parts' text changed: `edit(name, text)` gives a part's new text.
fn edited(path: &Path, target: &Path, edit: impl Fn(&str, String) -> String) {
    let mut out = zip::ZipWriter::new(std::fs::File::create(target).unwrap());
    for (name, bytes) in parts(path) {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        let bytes = match String::from_utf8(bytes) {
            Ok(text) => edit(&name, text).into_bytes(),
            Err(e) => e.into_bytes(),
        };
        std::io::Write::write_all(&mut out, &bytes).unwrap();
    }
    out.finish().unwrap();
}

/// A unit corrects the cells of its annotated copy and sends it back (through an editor that
/// keeps notes but not their author, as LibreOffice does): the new copy is marked afresh. The
/// corrected cell had kept the old check's red fill and note ("120, di luar rentang 0–100")
/// while the new copy said nothing of it, and the old *Hasil kinerja* and *Temuan* stood first,
/// beside "Temuan (kinerja 2)".
#[test]
fn a_corrected_copy_sent_back_is_marked_afresh() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-corrected-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pk = Some("kr07_2024_agreement_kode.xlsx");
    let copy = annotate(&reviewed("kr07_2024_review_errors.xlsx", pk), "kr07", &dir);
    let sheet = "xl/worksheets/sheet1.xml";
    let corrected = dir.join("kr07 diperbaiki.xlsx");
    edited(&copy, &corrected, |name, text| {
        if name == sheet {
            // 120 (a shared string) typed again as 95.
            let at = text.find("<c r=\"E12\"").unwrap();
            let (value, end) = (at + text[at..].find("<v>").unwrap(), at + text[at..].find("</v>").unwrap());
            let tag = text[at..value].replace(" t=\"s\"", "");
            format!("{}{tag}<v>95{}", &text[..at], &text[end..])
        } else if name.starts_with("xl/comments") {
            text.replace("<author>kinerja</author>", "<author> </author>")
        } else {
            text
        }
    });
    let outcome = reviewed_at(&corrected, pk);
    assert!(!outcome.findings.iter().any(|f| f.at.as_ref().is_some_and(|a| a.a1() == "E12")));
    let again = annotate(&outcome, "kr07 lagi", &dir);

    let names = |path: &Path| ranges(path).into_iter().map(|(name, _, _)| name).collect::<Vec<_>>();
    assert_eq!(names(&again), names(&copy));
    let (sent, after) = (parts(&fixture("kr07_2024_review_errors.xlsx")), parts(&again));
    // The corrected cell as the unit sent it first; the cells still wrong still marked.
    assert_eq!(fill_of(&after, sheet, "E12"), fill_of(&sent, sheet, "E12"));
    assert_eq!(fill_of(&after, sheet, "D9").as_deref(), Some("FFFFC7CE"));
    assert_eq!(fill_of(&after, sheet, "E6").as_deref(), Some("FFFFEB9C"));
    // One set of notes per sheet, as in the first copy: this check's.
    let comments = |parts: &BTreeMap<String, Vec<u8>>| parts.keys().filter(|k| k.starts_with("xl/comments")).count();
    assert_eq!(comments(&after), comments(&parts(&copy)));
    assert!(text(&after, "xl/worksheets/_rels/sheet1.xml.rels").contains("../comments1.xml"));
    let notes = text(&after, "xl/comments1.xml");
    assert!(!notes.contains("ref=\"E12\"") && notes.contains("ref=\"D9\""), "{notes}");
    let temuan = ranges(&again).pop().unwrap().2;
    let codes: Vec<String> = temuan.rows().skip(1).filter_map(|r| r.first().map(|c| c.to_string())).collect();
    assert!(!codes.contains(&"VALUE_OUT_OF_RANGE".to_string()) && codes.contains(&"TARGET_MISMATCH".into()));
    assert_eq!(set_aside(&outcome), ["Hasil kinerja", "Temuan"]);
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

/// The figures of the sheets kinerja adds stand at the top of their rows, as the texts beside
/// them do, in a copy of the unit's .xlsx and in one re-rendered from an .xls: at the foot of a
/// row three lines tall (an indicator's long name), IKU.1's target stood two lines below it.
#[test]
fn the_added_sheets_figures_stand_at_the_top_of_their_rows() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-top-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (report, name) in [("kr07_2024_review_errors.xlsx", "xlsx"), ("kr07_2024_capaian_rounded.xls", "xls")] {
        let copy = parts(&annotate(&reviewed(report, None), name, &dir));
        // The added sheets: parts the unit did not send, after as many as it sent (a re-rendered
        // copy's sheets are all new parts).
        let sent = if name == "xlsx" { parts(&fixture(report)) } else { BTreeMap::new() };
        let kept = ranges(&fixture(report)).len();
        let number = |part: &str| part.trim_start_matches("xl/worksheets/sheet").trim_end_matches(".xml").parse();
        let added = copy.keys().filter(|k| !sent.contains_key(*k) && number(k).is_ok_and(|n: usize| n > kept));
        // The figures are the cells with a value and no type: numbers.
        let figures: Vec<(String, String)> = added
            .flat_map(|sheet| {
                let xml = text(&copy, sheet);
                let cells = xml.split("<c r=\"").skip(1).filter(|c| !c.split('>').next().unwrap().contains(" t=\""));
                let figures = cells.filter(|c| c.split_once('>').unwrap().1.starts_with("<v>"));
                figures.map(|c| (sheet.clone(), c.split('"').next().unwrap().to_string())).collect::<Vec<_>>()
            })
            .collect();
        assert!(figures.len() > 50, "{report}: {figures:?}");
        for (sheet, cell) in figures {
            let xf = xf_of(&copy, &sheet, &cell).unwrap();
            assert!(xf.contains("vertical=\"top\""), "{report} {sheet} {cell}: {xf}");
        }
    }
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

/// Every .xlsx fixture's annotated copy, sent back unchanged, reads as the workbook the unit
/// sent (its findings but for the sheets set aside) and is marked again exactly as the first
/// time: the same sheets, and the same cells filled.
#[test]
fn every_copy_sent_back_is_marked_as_the_first() {
    let dir = std::env::temp_dir().join(format!("kinerja-annotated-every-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let said = |o: &Outcome| {
        let findings = o.findings.iter().filter(|f| f.code != Code::OwnSheetIgnored);
        findings.map(|f| (f.code, f.at.as_ref().map(|a| a.to_string()))).collect::<Vec<_>>()
    };
    // Each sheet's cells whose style is filled for a finding, by the fill's colour.
    let filled = |path: &Path| {
        let parts = parts(path);
        let styles = text(&parts, "xl/styles.xml");
        let section = |name: &str| {
            let start = styles.find(&format!("<{name}")).unwrap();
            styles[start..start + styles[start..].find(&format!("</{name}>")).unwrap()].to_string()
        };
        let fills: Vec<String> = section("fills").split("<fill>").skip(1).map(String::from).collect();
        let marking = |fill: usize| {
            let fill = fills.get(fill)?;
            ["FFFFC7CE", "FFFFEB9C"].into_iter().find(|rgb| fill.contains(rgb)).map(String::from)
        };
        let xfs: Vec<Option<String>> = section("cellXfs")
            .split("<xf ")
            .skip(1)
            .map(|xf| xf.split("fillId=\"").nth(1).and_then(|v| v.split('"').next()?.parse().ok()).and_then(marking))
            .collect();
        let mut cells = Vec::new();
        for (sheet, bytes) in parts.iter().filter(|(k, _)| k.starts_with("xl/worksheets/sheet")) {
            for cell in String::from_utf8_lossy(bytes).split("<c r=\"").skip(1) {
                let tag = &cell[..cell.find('>').unwrap()];
                let s: usize = tag.split(" s=\"").nth(1).map_or(0, |v| v.split('"').next().unwrap().parse().unwrap());
                if let Some(rgb) = xfs.get(s).cloned().flatten() {
                    cells.push((sheet.clone(), tag.split('"').next().unwrap().to_string(), rgb));
                }
            }
        }
        cells
    };
    let (mut checked, mut cells) = (0, 0);
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "xlsx") {
            continue;
        }
        let outcome = reviewed_at(&path, None);
        if outcome.scored.is_none() {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let copy = annotate(&outcome, &name, &dir);
        let back = reviewed_at(&copy, None);
        assert_eq!(said(&back), said(&outcome), "{name}");
        let again = annotate(&back, &format!("{name} lagi"), &dir);
        let names = |path: &Path| ranges(path).into_iter().map(|(name, _, _)| name).collect::<Vec<_>>();
        assert_eq!(names(&again), names(&copy), "{name}");
        let marked = filled(&copy);
        assert_eq!(filled(&again), marked, "{name}");
        checked += 1;
        cells += marked.len();
    }
    assert!(checked > 200 && cells > 500, "{checked} copies, {cells} cells marked");
    std::fs::remove_dir_all(&dir).unwrap();
}
