//! Blank workbooks for units: a report template (indicators from the unit's agreement, or the
//! built-in BKN set) and an agreement template. Labels, targets and formulas are locked; input
//! cells are open and validated; an instruction sheet in Bahasa Indonesia; a hidden sheet names
//! the template, its version, the unit and the year. A filled template reads back through
//! `kinerja check` like any unit workbook.

pub mod plan;

use crate::config::Line;
use crate::model::text::wrapped_height;
use crate::model::{Measure, Period, Report, Unit, Value};
use rust_xlsxwriter::{Color, DataValidation, Format, Formula, Workbook, XlsxError};
use std::path::{Path, PathBuf};

/// The version written into every template's hidden sheet.
pub const VERSION: &str = "1";

/// Why a template could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: XlsxError },
}

/// The lines of a stored agreement.
pub fn from_agreement(agreement: &Report) -> Vec<Line> {
    agreement
        .indicators
        .iter()
        .map(|i| {
            let goal = agreement.goals.iter().find(|g| g.code == i.goal);
            Line {
                perspective: goal.map_or_else(String::new, |g| g.perspective.clone()),
                goal: i.goal.clone(),
                goal_name: goal.map_or_else(String::new, |g| g.name.clone()),
                code: i.code.clone(),
                name: i.name.clone(),
                satuan: i.measure.label().to_string(),
                target: match &i.target.value {
                    Value::Number(n) => n.normalize().to_string(),
                    Value::Opinion(o) => o.clone(),
                    _ => String::new(),
                },
            }
        })
        .collect()
}

/// A report period as titles write it, so the template's own title tells it.
pub fn period_title(period: Period) -> &'static str {
    match period {
        Period::Tw1 => "Triwulan I",
        Period::Tw2 => "Triwulan II",
        Period::Tw3 => "Triwulan III",
        Period::Tw4 => "Triwulan IV",
        Period::S1 => "Semester I",
        Period::S2 => "Semester II",
        Period::Year => "Tahunan",
    }
}

/// Which template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Realisasi(Period),
    Agreement,
}

/// The instructions of a report template.
const INSTRUCTIONS: &[&str] = &[
    "Petunjuk pengisian",
    "1. Isi hanya sel berwarna kuning. Sel lain (nama indikator, target, rumus capaian) terkunci.",
    "2. Realisasi diisi angka dengan koma desimal sesuai pengaturan Excel Anda, misalnya 92,78; persen tanpa tanda %.",
    "3. Bila indikator belum dapat diukur, isi N/A dan tuliskan alasannya di kolom Keterangan.",
    "4. Nilai sementara diberi tanda pada kolom Keterangan (\"sementara\").",
    "5. Untuk opini laporan keuangan, pilih WTP, WDP, TW, atau TMP. Pagu dan realisasi anggaran per IKU diisi dalam rupiah (angka saja, tanpa Rp); kosongkan bila IKU tidak beranggaran.",
    "6. Jangan mengubah judul, urutan kolom, atau lembar tersembunyi; simpan sebagai .xlsx.",
    "7. Kirim berkas ke folder inbox unit Anda. Tanda terima atau laporan ketidaksesuaian akan dikirim melalui surel.",
];

/// The instructions of an agreement template: targets are what the unit fills in.
const AGREEMENT_INSTRUCTIONS: &[&str] = &[
    "Petunjuk pengisian Perjanjian Kinerja",
    "1. Isi kolom Target (sel berwarna kuning) sesuai Perjanjian Kinerja yang ditandatangani pimpinan unit. Nama indikator dan satuan terkunci.",
    "2. Target diisi angka dengan koma desimal sesuai pengaturan Excel Anda, misalnya 95 atau 3,7; persen tanpa tanda %.",
    "3. Untuk opini laporan keuangan, isi WTP.",
    "4. Bila Perjanjian Kinerja direvisi, kirim berkas revisinya: versi terakhir yang berlaku, dan laporan berikutnya dinilai terhadapnya.",
    "5. Jangan mengubah judul, urutan kolom, atau lembar tersembunyi; simpan sebagai .xlsx.",
    "6. Kirim berkas ke folder inbox unit Anda. Tanda terima berisi indikator dan target yang dicatat akan dikirim melalui surel.",
];

/// Widths, in characters, of the wrapped columns: the indicator's name, the goal, the instructions.
pub(crate) const NAME_WIDTH: usize = 60;
const GOAL_WIDTH: usize = 40;
const HELP_WIDTH: usize = 100;

/// A4 landscape, fit to one page wide, the header rows (if any) on every page.
pub(crate) fn print_setup(sheet: &mut rust_xlsxwriter::Worksheet, header_rows: Option<(u32, u32)>) {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    if let Some((first, last)) = header_rows {
        let _ = sheet.set_repeat_rows(first, last);
    }
}

/// The instruction sheet, and the hidden sheet naming the template, its version, the unit, the
/// year and the kind.
pub(crate) fn help_and_name(
    book: &mut Workbook,
    instructions: &[&str],
    unit: &Unit,
    year: u16,
    kind: &str,
) -> Result<(), XlsxError> {
    let help = book.add_worksheet();
    help.set_name("Petunjuk")?;
    let wrapped = Format::new().set_text_wrap();
    for (i, text) in instructions.iter().enumerate() {
        help.set_row_height(i as u32, wrapped_height(text, HELP_WIDTH))?;
        help.write_string_with_format(i as u32, 0, *text, &wrapped)?;
    }
    help.set_column_width(0, HELP_WIDTH as f64)?;
    print_setup(help, None);
    let meta = book.add_worksheet();
    meta.set_name("kinerja")?;
    let year = year.to_string();
    for (i, (key, value)) in
        [("template", "kinerja"), ("versi", VERSION), ("unit", &unit.code), ("tahun", &year), ("jenis", kind)]
            .iter()
            .enumerate()
    {
        meta.write_string(i as u32, 0, *key)?;
        meta.write_string(i as u32, 1, *value)?;
    }
    meta.set_hidden(true);
    Ok(())
}

/// Columns of a report template: the budget per IKU (pagu, then its realisasi), then keterangan.
const PAGU: u16 = 8;
const KETERANGAN: u16 = 10;

/// Write the template for `unit` and `year` to `path`.
///
/// # Errors
/// [`TemplateError`] when the workbook cannot be built or saved.
pub fn write(path: &Path, unit: &Unit, year: u16, kind: Kind, lines: &[Line]) -> Result<(), TemplateError> {
    let failed = |source| TemplateError::Write { path: path.to_path_buf(), source };
    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let locked = Format::new().set_text_wrap();
    let input = Format::new().set_unlocked().set_background_color(Color::RGB(0xFFF2CC));
    let band = Format::new().set_bold().set_background_color(Color::RGB(0xEDEDED));
    let sheet = book.add_worksheet();
    let (sheet_name, heading) = match kind {
        Kind::Realisasi(_) => ("Laporan", format!("LAPORAN CAPAIAN KINERJA {} TAHUN {year}", unit.name.to_uppercase())),
        Kind::Agreement => {
            ("Perjanjian Kinerja", format!("PERJANJIAN KINERJA {} TAHUN {year}", unit.name.to_uppercase()))
        }
    };
    sheet.set_name(sheet_name).map_err(failed)?;
    let last = if matches!(kind, Kind::Agreement) { 5 } else { KETERANGAN };
    sheet.merge_range(0, 0, 0, last, &heading, &title).map_err(failed)?;
    if let Kind::Realisasi(period) = kind {
        sheet.write_string(1, 0, "Periode").map_err(failed)?;
        sheet.write_string_with_format(1, 1, period_title(period), &input).map_err(failed)?;
        let periods =
            ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Semester I", "Semester II", "Tahunan"];
        let list = DataValidation::new().allow_list_strings(&periods).map_err(failed)?;
        sheet.add_data_validation(1, 1, 1, 1, &list).map_err(failed)?;
    }
    // The report's header has two rows: Kinerja (target, realisasi, capaian) and Anggaran (pagu,
    // realisasi) grouped above their columns, the others merged down both rows.
    let first_data = match kind {
        Kind::Realisasi(_) => {
            for (col, h) in ["Perspektif", "Sasaran Strategis", "Kode IKU", "Indikator Kinerja", "Satuan"]
                .iter()
                .enumerate()
                .map(|(c, h)| (c as u16, h))
                .chain([(KETERANGAN, &"Keterangan")])
            {
                sheet.merge_range(3, col, 4, col, h, &header).map_err(failed)?;
            }
            sheet.merge_range(3, 5, 3, 7, "Kinerja", &header).map_err(failed)?;
            sheet.merge_range(3, PAGU, 3, PAGU + 1, "Anggaran", &header).map_err(failed)?;
            for (col, h) in ["Target", "Realisasi", "Capaian (%)", "Pagu (Rp)", "Realisasi (Rp)"].iter().enumerate() {
                sheet.write_string_with_format(4, 5 + col as u16, *h, &header).map_err(failed)?;
            }
            5
        }
        Kind::Agreement => {
            let headers =
                ["Perspektif", "Sasaran Strategis", "Kode IKU", "Indikator Kinerja Utama", "Satuan", "Target"];
            for (col, h) in headers.iter().enumerate() {
                sheet.write_string_with_format(3, col as u16, *h, &header).map_err(failed)?;
            }
            4
        }
    };
    let rupiah = input.clone().set_num_format("#,##0");
    let amount = DataValidation::new()
        .allow_decimal_number(rust_xlsxwriter::DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_message("Isi dengan jumlah rupiah (angka, tanpa Rp).")
        .map_err(failed)?;
    // A number in the range its unit of measure allows (the review's VALUE_OUT_OF_RANGE); a
    // realisasi may also be N/A, a target not.
    let in_range = |cell: &str, line: &Line, na: bool| {
        let range = crate::validate::ranges::range_for(Measure::from_label(&line.satuan), &line.name);
        let (test, said) = match range {
            Some((low, Some(high))) => {
                (format!("AND(ISNUMBER({cell}),{cell}>={low},{cell}<={high})"), format!("angka {low}–{high}"))
            }
            Some((low, None)) => (format!("AND(ISNUMBER({cell}),{cell}>={low})"), format!("angka ≥ {low}")),
            None => (format!("ISNUMBER({cell})"), "angka".to_string()),
        };
        let (formula, message) = match na {
            true => (format!("=OR({test},{cell}=\"N/A\")"), format!("Isi dengan {said} atau N/A.")),
            false => (format!("={test}"), format!("Isi dengan {said}.")),
        };
        DataValidation::new().allow_custom(Formula::new(formula)).set_error_message(message)
    };
    let opinions = ["WTP", "WDP", "TW", "TMP", "N/A"];
    let mut row = first_data;
    let mut perspective = "";
    let mut goal = "";
    for line in lines {
        if line.perspective != perspective {
            perspective = &line.perspective;
            sheet.write_string_with_format(row, 0, format!("{perspective} Perspective"), &band).map_err(failed)?;
            row += 1;
        }
        let mut height = wrapped_height(&line.name, NAME_WIDTH);
        if line.goal != goal {
            goal = &line.goal;
            let named = format!("{} {}", line.goal, line.goal_name);
            height = height.max(wrapped_height(&named, GOAL_WIDTH));
            sheet.write_string_with_format(row, 1, named, &locked).map_err(failed)?;
        }
        // Printing keeps the height a row has: as tall as its wrapped name and goal.
        sheet.set_row_height(row, height).map_err(failed)?;
        sheet.write_string_with_format(row, 2, &line.code, &locked).map_err(failed)?;
        sheet.write_string_with_format(row, 3, &line.name, &locked).map_err(failed)?;
        sheet.write_string_with_format(row, 4, &line.satuan, &locked).map_err(failed)?;
        let opinion = line.target.chars().all(|c| c.is_ascii_alphabetic()) && !line.target.is_empty();
        // A target the set leaves to the unit is typed in, as in an agreement.
        let target_format = if kind == Kind::Agreement || line.target.is_empty() { &input } else { &locked };
        match line.target.parse::<f64>() {
            Ok(n) => sheet.write_number_with_format(row, 5, n, target_format),
            Err(_) if line.target.is_empty() => sheet.write_blank(row, 5, target_format),
            Err(_) => sheet.write_string_with_format(row, 5, &line.target, target_format),
        }
        .map_err(failed)?;
        if target_format == &input && !opinion {
            let typed = in_range(&format!("F{}", row + 1), line, false).map_err(failed)?;
            sheet.add_data_validation(row, 5, row, 5, &typed).map_err(failed)?;
        }
        if let Kind::Realisasi(_) = kind {
            sheet.write_blank(row, 6, &input).map_err(failed)?;
            let validation = if opinion {
                DataValidation::new().allow_list_strings(&opinions).map_err(failed)?
            } else {
                in_range(&format!("G{}", row + 1), line, true).map_err(failed)?
            };
            sheet.add_data_validation(row, 6, row, 6, &validation).map_err(failed)?;
            let (g, f) = (format!("G{}", row + 1), format!("F{}", row + 1));
            // Shown blank until the realisasi is typed (LibreOffice shows the stored result; a
            // blank one would show as 0,00).
            let formula = if opinion {
                format!("=IF({g}={f},100,\"\")")
            } else {
                format!("=IF(AND(ISNUMBER({g}),ISNUMBER({f}),{f}<>0),ROUND({g}/{f}*100,2),\"\")")
            };
            sheet
                .write_formula_with_format(
                    row,
                    7,
                    Formula::new(formula).set_result(" "),
                    &Format::new().set_num_format("0.00"),
                )
                .map_err(failed)?;
            for col in [PAGU, PAGU + 1] {
                sheet.write_blank(row, col, &rupiah).map_err(failed)?;
                sheet.add_data_validation(row, col, row, col, &amount).map_err(failed)?;
            }
            sheet.write_blank(row, KETERANGAN, &input).map_err(failed)?;
        }
        row += 1;
    }
    for (col, width) in [
        (0u16, 18.0),
        (1, GOAL_WIDTH as f64),
        (2, 10.0),
        (3, NAME_WIDTH as f64),
        (4, 10.0),
        (5, 10.0),
        (6, 12.0),
        (7, 12.0),
        (PAGU, 16.0),
        (PAGU + 1, 16.0),
        (KETERANGAN, 30.0),
    ] {
        sheet.set_column_width(col, width).map_err(failed)?;
    }
    sheet.set_freeze_panes(first_data, 0).map_err(failed)?;
    print_setup(sheet, Some((3, first_data - 1)));
    sheet.protect();
    let instructions = if kind == Kind::Agreement { AGREEMENT_INSTRUCTIONS } else { INSTRUCTIONS };
    let kind_name = match kind {
        Kind::Realisasi(p) => format!("realisasi {p}"),
        Kind::Agreement => "agreement".into(),
    };
    help_and_name(&mut book, instructions, unit, year, &kind_name).map_err(failed)?;
    book.save(path).map_err(failed)
}
