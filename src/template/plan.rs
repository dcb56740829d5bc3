//! A blank Rencana Kerja for a unit: the evaluation of the four years before (targets and
//! realisasi), the Renstra's and the Renja's target for the year side by side with the reason for
//! a difference, the budget by kegiatan and RO, and the responsibility matrix, each laid out as
//! kinerja reads plans (README, "Plans"). Labels are locked, input cells yellow.

use super::{Line, NAME_WIDTH, TemplateError, print_setup};
use crate::model::text::wrapped_height;
use crate::model::{CellRef, Unit};
use rust_xlsxwriter::{Color, Format, FormatBorder, Formula, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Rows left open for the budget and the matrix.
const BUDGET_ROWS: u32 = 40;
const MATRIX_ROWS: u32 = 30;

const INSTRUCTIONS: &[&str] = &[
    "Petunjuk pengisian Rencana Kerja",
    "1. Isi hanya sel berwarna kuning. Kode dan nama indikator terkunci.",
    "2. Evaluasi: target dan realisasi empat tahun sebelumnya, dan target tahun rencana; isi - bila indikator belum/tidak berlaku pada tahun itu, N/A bila belum dapat diukur.",
    "3. Renstra vs Renja: target Renstra dan target Renja tahun rencana; bila berbeda, tuliskan alasannya. Target Renja sama dengan target PK yang ditandatangani.",
    "4. Anggaran: satu baris per kegiatan (kode 4 angka, misalnya 4842) diikuti RO-nya (misalnya EBC.954), volume dengan satuannya (97 Orang), dan alokasi dalam rupiah (angka saja). Total dihitung dari baris kegiatan.",
    "5. Matriks: tulis \"Unit Kerja: <nama>\" pada satu baris, lalu kegiatan dan IKU yang menjadi tanggung jawabnya.",
    "6. Jangan mengubah judul, urutan kolom, atau lembar tersembunyi; simpan sebagai .xlsx dan kirim ke folder inbox unit Anda.",
];

struct Formats {
    title: Format,
    header: Format,
    locked: Format,
    input: Format,
    band: Format,
}

/// Write the plan template for `unit` and `year` to `path`.
///
/// # Errors
/// [`TemplateError`] when the workbook cannot be built or saved.
pub fn write(path: &Path, unit: &Unit, year: u16, lines: &[Line]) -> Result<(), TemplateError> {
    let failed = |source| TemplateError::Write { path: path.to_path_buf(), source };
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)).set_border(FormatBorder::Thin);
    let f = Formats {
        title: Format::new().set_bold().set_font_size(13),
        header: header.set_text_wrap(),
        locked: Format::new().set_text_wrap(),
        input: Format::new().set_unlocked().set_background_color(Color::RGB(0xFFF2CC)),
        band: Format::new().set_bold().set_background_color(Color::RGB(0xEDEDED)),
    };
    let title = format!("RENCANA KERJA {} TAHUN {year}", unit.name.to_uppercase());
    let mut book = Workbook::new();
    evaluation(book.add_worksheet(), &title, year, lines, &f).map_err(failed)?;
    renstra(book.add_worksheet(), &title, year, lines, &f).map_err(failed)?;
    budget(book.add_worksheet(), &title, year, &f).map_err(failed)?;
    matrix(book.add_worksheet(), &title, &f).map_err(failed)?;
    super::help_and_name(&mut book, INSTRUCTIONS, unit, year, "plan").map_err(failed)?;
    book.save(path).map_err(failed)
}

/// The sheet's name and title, its header rows repeated on every printed page, labels locked.
fn start(sheet: &mut Worksheet, name: &str, title: &str, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, title, &f.title)?;
    sheet.protect();
    Ok(())
}

/// Each line under its perspective and goal rows, from `first`; `row` writes the line's own
/// cells; returns the row after the last.
fn tree(
    sheet: &mut Worksheet,
    first: u32,
    lines: &[Line],
    f: &Formats,
    mut row: impl FnMut(&mut Worksheet, u32, &Line) -> Result<(), XlsxError>,
) -> Result<u32, XlsxError> {
    let (mut r, mut perspective, mut goal) = (first, "", "");
    for line in lines {
        if line.perspective != perspective {
            perspective = &line.perspective;
            sheet.write_string_with_format(r, 0, format!("{} PERSPECTIVE", perspective.to_uppercase()), &f.band)?;
            r += 1;
        }
        if line.goal != goal {
            goal = &line.goal;
            sheet.write_string_with_format(r, 0, &line.goal, &f.locked)?;
            sheet.write_string_with_format(r, 1, &line.goal_name, &f.locked)?;
            sheet.set_row_height(r, wrapped_height(&line.goal_name, NAME_WIDTH))?;
            r += 1;
        }
        sheet.write_string_with_format(r, 0, &line.code, &f.locked)?;
        sheet.write_string_with_format(r, 1, &line.name, &f.locked)?;
        sheet.set_row_height(r, wrapped_height(&line.name, NAME_WIDTH))?;
        row(sheet, r, line)?;
        r += 1;
    }
    Ok(r)
}

fn evaluation(sheet: &mut Worksheet, title: &str, year: u16, lines: &[Line], f: &Formats) -> Result<(), XlsxError> {
    start(sheet, "Evaluasi", title, f)?;
    let years: Vec<u16> = (year - 4..=year).collect();
    let (target, realisasi) = (2u16, 2 + years.len() as u16);
    let capaian = realisasi + years.len() as u16 - 1;
    sheet.merge_range(2, 0, 3, 0, "KODE", &f.header)?;
    sheet.merge_range(2, 1, 3, 1, "INDIKATOR KINERJA", &f.header)?;
    sheet.merge_range(2, target, 2, realisasi - 1, "TARGET", &f.header)?;
    sheet.merge_range(2, realisasi, 2, capaian - 1, "REALISASI", &f.header)?;
    sheet.merge_range(2, capaian, 3, capaian, &format!("CAPAIAN {} (%)", year - 1), &f.header)?;
    let headers = years.iter().chain(&years[..years.len() - 1]);
    for (i, y) in headers.enumerate() {
        sheet.write_string_with_format(3, target + i as u16, y.to_string(), &f.header)?;
    }
    tree(sheet, 4, lines, f, |sheet, r, _| {
        for col in target..capaian {
            sheet.write_blank(r, col, &f.input)?;
        }
        // The year before the plan's: realisasi over target × 100.
        let (t, v) = (
            format!("{}{}", CellRef::column_letters(u32::from(realisasi - 2)), r + 1),
            format!("{}{}", CellRef::column_letters(u32::from(capaian - 1)), r + 1),
        );
        let formula = format!("=IF(AND(ISNUMBER({v}),ISNUMBER({t}),{t}<>0),ROUND({v}/{t}*100,2),\"\")");
        sheet.write_formula_with_format(
            r,
            capaian,
            Formula::new(formula).set_result(" "),
            &Format::new().set_num_format("0.00"),
        )?;
        Ok(())
    })?;
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, NAME_WIDTH as f64)?;
    for col in target..capaian {
        sheet.set_column_width(col, 9)?;
    }
    sheet.set_column_width(capaian, 12)?;
    sheet.set_row_height(3, 30)?;
    sheet.set_freeze_panes(4, 2)?;
    print_setup(sheet, Some((2, 3)));
    Ok(())
}

fn renstra(sheet: &mut Worksheet, title: &str, year: u16, lines: &[Line], f: &Formats) -> Result<(), XlsxError> {
    start(sheet, "Renstra vs Renja", title, f)?;
    sheet.merge_range(2, 0, 3, 0, "KODE IKU", &f.header)?;
    sheet.merge_range(2, 1, 3, 1, "INDIKATOR KINERJA UTAMA", &f.header)?;
    sheet.merge_range(2, 2, 2, 3, &format!("TARGET {year}"), &f.header)?;
    sheet.merge_range(2, 4, 3, 4, "ALASAN PERBEDAAN", &f.header)?;
    sheet.write_string_with_format(3, 2, "RENSTRA", &f.header)?;
    sheet.write_string_with_format(3, 3, "RENJA", &f.header)?;
    for (i, line) in lines.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write_string_with_format(r, 0, &line.code, &f.locked)?;
        sheet.write_string_with_format(r, 1, &line.name, &f.locked)?;
        sheet.set_row_height(r, wrapped_height(&line.name, NAME_WIDTH))?;
        for col in 2..=4 {
            sheet.write_blank(r, col, &f.input)?;
        }
    }
    for (col, width) in [(0, 10.0), (1, NAME_WIDTH as f64), (2, 10.0), (3, 10.0), (4, 50.0)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(4, 2)?;
    print_setup(sheet, Some((2, 3)));
    Ok(())
}

fn budget(sheet: &mut Worksheet, title: &str, year: u16, f: &Formats) -> Result<(), XlsxError> {
    start(sheet, "Anggaran", title, f)?;
    let headers = ["KODE/KRO", "KEGIATAN", "JUMLAH VOLUME OUTPUT", &format!("ALOKASI ANGGARAN TAHUN {year}")];
    sheet.set_row_height(2, 30)?;
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *h, &f.header)?;
    }
    let code = f.input.clone().set_num_format("@");
    let amount = f.input.clone().set_num_format("#,##0");
    for r in 3..3 + BUDGET_ROWS {
        sheet.write_blank(r, 0, &code)?;
        sheet.write_blank(r, 1, &f.input)?;
        sheet.write_blank(r, 2, &f.input)?;
        sheet.write_blank(r, 3, &amount)?;
    }
    let total = 3 + BUDGET_ROWS;
    let (first, last) = (4, 3 + BUDGET_ROWS);
    // The total of the kegiatan rows (codes of four characters): their ROs are in them already.
    let sum = format!("=SUMPRODUCT((LEN(A{first}:A{last})=4)*D{first}:D{last})");
    sheet.write_string_with_format(total, 1, "Total Pagu Alokasi Anggaran", &f.band)?;
    let bold = Format::new().set_bold().set_num_format("#,##0");
    sheet.write_formula_with_format(total, 3, Formula::new(sum).set_result("0"), &bold)?;
    for (col, width) in [(0, 12.0), (1, NAME_WIDTH as f64), (2, 18.0), (3, 20.0)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(3, 0)?;
    print_setup(sheet, Some((2, 2)));
    Ok(())
}

fn matrix(sheet: &mut Worksheet, title: &str, f: &Formats) -> Result<(), XlsxError> {
    start(sheet, "Matriks", title, f)?;
    for (col, h) in ["KODE", "KEGIATAN", "IKU"].iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *h, &f.header)?;
    }
    sheet.write_string_with_format(3, 0, "Unit Kerja: ", &f.input)?;
    let code = f.input.clone().set_num_format("@");
    for r in 4..4 + MATRIX_ROWS {
        sheet.write_blank(r, 0, &code)?;
        sheet.write_blank(r, 1, &f.input)?;
        sheet.write_blank(r, 2, &f.input)?;
    }
    for (col, width) in [(0, 24.0), (1, 50.0), (2, NAME_WIDTH as f64)] {
        sheet.set_column_width(col, width)?;
    }
    print_setup(sheet, Some((2, 2)));
    Ok(())
}
