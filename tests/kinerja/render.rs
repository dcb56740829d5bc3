//! What planners and units see, printed: the Rekap, an annotated copy and a template converted to
//! PDF by LibreOffice headless, every page's text checked (no `###`, every header whole, the
//! title there). Needs `soffice` and `pdftotext` (Debian: libreoffice-calc-nogui, poppler-utils;
//! `.ci/run` installs them and sets KINERJA_REQUIRE_RENDER so that the test cannot be skipped).

use crate::common::fixture;
use crate::service::Service;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Whether `tool` is installed (it starts).
fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// The text of each page of `workbook` printed to PDF.
fn pages(workbook: &Path, out: &Path) -> Vec<String> {
    std::fs::create_dir_all(out).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", out.join("profile").display());
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .arg(workbook)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let pdf = out.join(workbook.with_extension("pdf").file_name().unwrap());
    let text = Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().unwrap();
    assert!(text.status.success());
    String::from_utf8(text.stdout).unwrap().split('\u{c}').filter(|p| !p.trim().is_empty()).map(String::from).collect()
}

/// Every page is free of `###` (a number too wide for its column).
fn no_hashes(what: &str, pages: &[String]) {
    for (i, page) in pages.iter().enumerate() {
        assert!(!page.contains("###"), "{what}, page {}: a number does not fit its column\n{page}", i + 1);
    }
}

/// The page that starts a sheet holds every word of each of its headers (wrapped headers break
/// between words, never inside one).
fn headers_whole(what: &str, pages: &[String], first: &str, headers: &[&str]) {
    let page = pages.iter().find(|p| p.contains(first)).unwrap_or_else(|| panic!("{what}: no page with {first}"));
    let words: Vec<&str> = page.split_whitespace().collect();
    for header in headers {
        for word in header.split_whitespace() {
            assert!(words.contains(&word), "{what}: header word {word:?} of {header:?} cut\n{page}");
        }
    }
}

#[test]
fn the_rekap_an_annotated_copy_and_a_template_print_whole() {
    if !(have("soffice") && have("pdftotext")) {
        assert!(
            std::env::var_os("KINERJA_REQUIRE_RENDER").is_none(),
            "soffice and pdftotext are needed: apt-get install libreoffice-calc-nogui poppler-utils"
        );
        eprintln!("render test skipped: install libreoffice-calc-nogui and poppler-utils to run it");
        return;
    }
    let mut service = Service::start_with("render", "settle = \"200ms\"\npoll_interval = \"300ms\"\nworkers = 2\n");
    let mut count = 0;
    for entry in std::fs::read_dir(fixture("rollup_2023")).unwrap() {
        let path = entry.unwrap().path();
        let unit = path.file_stem().unwrap().to_string_lossy().into_owned();
        service.drop_file(&unit, "laporan kinerja tahunan 2023.xlsx", &std::fs::read(&path).unwrap());
        count += 1;
    }
    service.wait_for_arrivals("the units' reports", count, Duration::from_secs(60));
    // BKN's report disagrees with its claims: blocked, with an annotated copy and a long note.
    service.drop_file(
        "BKN",
        "laporan kinerja bkn 2023.xlsx",
        &std::fs::read(fixture("bkn_2023_wrong_claims.xlsx")).unwrap(),
    );
    service.wait_for_arrivals("BKN's report", count + 1, Duration::from_secs(20));
    service.drop_file("BKN", "catatan.txt", b"bukan buku kerja");
    service.wait_for_arrivals("a refused file", count + 2, Duration::from_secs(20));
    // A plan with errors: its copy lists findings with the longest codes there are.
    service.drop_file("KR06", "renja 2024.xlsx", &std::fs::read(fixture("kr06_2024_renja_planted.xlsx")).unwrap());
    service.wait_for_arrivals("KR06's plan", count + 3, Duration::from_secs(20));
    // A 2024 report with an error whose code is among the longest: INDICATOR_DUPLICATE.
    service.drop_file("KR07", "laporan 2024.xlsx", &std::fs::read(fixture("kr07_2024_indicator_twice.xlsx")).unwrap());
    service.wait_for_arrivals("KR07's 2024 report", count + 4, Duration::from_secs(20));
    // A third quarter's report whose findings name long subjects beside what was printed.
    let running = std::fs::read(fixture("kr07_2024_tw3_budget_quarters_running.xlsx")).unwrap();
    service.drop_file("KR07", "laporan tw3 2024.xlsx", &running);
    service.wait_for_arrivals("KR07's third quarter", count + 5, Duration::from_secs(20));
    let rekap = service.dir.join("outbox/2023/Rekap Kinerja 2023 TAHUNAN.xlsx");
    assert!(service.stop().success());
    let out = service.dir.join("pdf");

    let printed = pages(&rekap, &out);
    no_hashes("Rekap", &printed);
    assert!(printed[0].contains("Rekap Kinerja 2023 TAHUNAN"), "{}", printed[0]);
    assert!(printed[0].contains("Dibuat ") && printed[0].contains("Sangat Baik > 100"), "{}", printed[0]);
    let summary = ["Peringkat", "Kode", "Unit", "NKP Internal Process", "NPSS versi valid terakhir", "Sementara"];
    headers_whole("Ringkasan", &printed, "Rekap Kinerja 2023", &summary);
    let sent = [
        "Sama dengan versi",
        "ID kiriman",
        "Diterima (waktu setempat)",
        "Kesalahan",
        "Peringatan",
        "NPSS versi valid terakhir",
        "Perjanjian Kinerja",
        "Kiriman terakhir",
        "Surel gagal",
    ];
    headers_whole("Status Pengiriman", &printed, "Diterima (waktu", &sent);
    headers_whole("Capaian IKU", &printed, "Status nilai", &["Kode IKU", "Indikator", "Realisasi", "Status laporan"]);
    let rolled = ["Nilai agregat", "Unit diharapkan", "Laporan BKN", "Dilaporkan", "Masuk perhitungan", "Versi"];
    headers_whole("Agregat BKN", &printed, "Agregat BKN 2023", &rolled);
    // A long indicator name is printed whole, wrapped: its last words are there.
    assert!(printed.iter().any(|p| p.contains("Jabatan Fungsional Kepegawaian")));

    // Every finding's code, subject and message prints whole in the Rekap's Temuan, whichever
    // row it is on: a long subject wraps rather than being cut by what was printed beside it.
    for (rekap, code) in [("TAHUNAN", "INDICATOR_DUPLICATE"), ("TW3", "COLUMNS_RUNNING")] {
        temuan_whole(&service.dir.join(format!("outbox/2024/Rekap Kinerja 2024 {rekap}.xlsx")), code, &out);
    }

    let annotated: Vec<PathBuf> = walk(&service.dir.join("outbox/2023/BKN"));
    assert_eq!(annotated.len(), 1, "{annotated:?}");
    let copy = pages(&annotated[0], &out);
    no_hashes("annotated copy", &copy);
    assert!(copy.iter().any(|p| p.contains("CLAIM_NPSS")), "the Temuan sheet prints");
    headers_whole("Hasil kinerja", &copy, "Capaian", &["Capaian (hitung)", "Capaian (tertulis)", "Status"]);
    headers_whole(
        "Temuan",
        &copy,
        "Seharusnya",
        &["Kode", "Tingkat", "Sel", "Perihal", "Tertulis", "Seharusnya", "Pesan"],
    );

    let plan: Vec<PathBuf> = walk(&service.dir.join("outbox/2024/KR06"));
    let plan = pages(&plan[0], &out);
    let words: Vec<&str> = plan.iter().flat_map(|p| p.split_whitespace()).collect();
    for code in ["PLAN_TARGET_MISMATCH", "TARGET_BELOW_REALISASI", "SPENDING_CLASS"] {
        assert!(words.contains(&code), "{code} is cut in the plan's Temuan");
    }

    let template = service.dir.join("template KR07 2024.xlsx");
    let made = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["template", "--unit", "KR07", "--year", "2024", "--out"])
        .arg(&template)
        .current_dir(&service.dir)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let blank = pages(&template, &out);
    no_hashes("template", &blank);
    assert!(blank[0].contains("LAPORAN CAPAIAN KINERJA KANTOR REGIONAL VII BKN PALEMBANG TAHUN 2024"), "{blank:?}");
    headers_whole("template", &blank, "LAPORAN CAPAIAN", &["Sasaran Strategis", "Indikator Kinerja", "Capaian (%)"]);
    assert!(blank.iter().any(|p| p.contains("melalui surel")), "the instructions print whole: {blank:?}");
}

/// The Rekap's Temuan lists `code`, and prints every finding's code and message whole, and its
/// subject whole in its own column (read off the page where its words stand).
fn temuan_whole(rekap: &Path, code: &str, out: &Path) {
    let listed: Vec<[String; 3]> = {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(rekap).unwrap();
        let temuan = book.worksheet_range("Temuan").unwrap();
        temuan.rows().skip(1).map(|r| [3, 5, 8].map(|c| r[c].to_string())).collect()
    };
    assert!(listed.iter().any(|[listed, ..]| listed == code), "{listed:?}");
    let printed = pages(rekap, out);
    let words: Vec<&str> = printed.iter().flat_map(|p| p.split_whitespace()).collect();
    for [code, _, message] in &listed {
        for word in [code.as_str()].into_iter().chain(message.split_whitespace()) {
            assert!(words.contains(&word), "{word:?} of {code}'s message is cut in the Rekap's Temuan");
        }
    }
    let subjects: Vec<&str> = listed.iter().map(|[_, subject, _]| subject.as_str()).collect();
    assert_eq!(subjects_printed(&out.join(rekap.with_extension("pdf").file_name().unwrap())), subjects);
}

/// A word printed on a page: where it starts, and its text.
struct Word {
    x: f64,
    y: f64,
    text: String,
}

/// The words of each page of `pdf`, as `pdftotext -bbox` places them.
fn placed_words(pdf: &Path) -> Vec<Vec<Word>> {
    let html = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let unescape = |t: &str| t.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    let word = |line: &str| {
        let (tag, rest) = line.trim().strip_prefix("<word ")?.split_once('>')?;
        let text = unescape(rest.strip_suffix("</word>")?);
        Some(Word { x: attr(tag, "xMin"), y: attr(tag, "yMin"), text })
    };
    html.split("<page ").skip(1).map(|page| page.lines().filter_map(word).collect()).collect()
}

/// The subject of each finding printed in the Temuan sheet of the Rekap printed to `pdf`: the
/// words under "Perihal" and left of "Tertulis", from the row's unit down to the next row's.
fn subjects_printed(pdf: &Path) -> Vec<String> {
    let mut subjects = Vec::new();
    for words in placed_words(pdf) {
        let header = |text: &str| words.iter().find(|w| w.text == text);
        let (Some(unit), Some(from), Some(to)) = (header("Unit"), header("Perihal"), header("Tertulis")) else {
            continue;
        };
        if (from.y - unit.y).abs() > 1.0 {
            continue;
        }
        let starts: Vec<f64> =
            words.iter().filter(|w| (w.x - unit.x).abs() < 1.0 && w.y > unit.y + 1.0).map(|w| w.y).collect();
        for (i, top) in starts.iter().enumerate() {
            let bottom = starts.get(i + 1).copied().unwrap_or(f64::MAX);
            let mut under: Vec<&Word> = words
                .iter()
                .filter(|w| w.x >= from.x - 0.5 && w.x < to.x - 0.5 && w.y >= top - 0.5 && w.y < bottom - 0.5)
                .collect();
            under.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap());
            subjects.push(under.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
        }
    }
    subjects
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).filter(|p| p.is_file()).collect()
}
