//! The Rekap's plan sheets, for a year with plans: *Rencana* (each unit's targets by year and
//! source, then its budget by kegiatan, KRO, RO and komponen) and *Rencana vs Realisasi* (each
//! unit's IKU over the Renstra period: target, realisasi and capaian by year, and the trend).

use super::{Formats, write_amount, write_narrow_header, write_score};
use crate::config::Config;
use crate::model::amount::{checked_sum, percent_of};
use crate::model::plan::{Level, program_sums};
use crate::model::{Kind, Language, Period, Value, Verdict};
use crate::store::{Counted, Ledger, StoreError, StoredPlanHistory, StoredPlanLine, StoredPlanTarget};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

/// Years of the Renstra period a plan is shown against: its own and the four before.
const PERIOD_YEARS: u16 = 5;

/// What the plan sheets show, read from the ledger in one query each.
pub struct Plans {
    targets: Vec<Counted<StoredPlanTarget>>,
    history: HashMap<String, Vec<StoredPlanHistory>>,
    budget: HashMap<String, Vec<StoredPlanLine>>,
    /// (unit, year) → the annual realisasi that counts without errors, by IKU code.
    reported: HashMap<(String, i64), HashMap<String, Value>>,
}

impl Plans {
    /// The plans that count for `year`, or `None` when no unit has one.
    pub fn read(ledger: &Ledger, year: u16) -> Result<Option<Plans>, StoreError> {
        let targets = ledger.plan_targets(year)?;
        if targets.is_empty() {
            return Ok(None);
        }
        let history = ledger.plan_history(year)?.into_iter().map(|c| (c.unit, c.rows)).collect();
        let budget = ledger.plan_budget(year)?.into_iter().map(|c| (c.unit, c.rows)).collect();
        let mut reported = HashMap::new();
        for y in year.saturating_sub(PERIOD_YEARS - 1)..=year {
            for report in ledger.counted(y, Some(Period::Year), Kind::Realisasi)?.into_iter().filter(|c| c.errors == 0)
            {
                let values = report.rows.into_iter().map(|i| (i.code, i.realisasi)).collect();
                reported.insert((report.unit, i64::from(y)), values);
            }
        }
        Ok(Some(Plans { targets, history, budget, reported }))
    }
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::Opinion(o) => Some(o.clone()),
        Value::NotApplicable => Some("N/A".into()),
        _ => None,
    }
}

/// A target or realisasi: a number as a number, an opinion or N/A as text, nothing when blank.
fn write_value(sheet: &mut Worksheet, row: u32, col: u16, value: &Value) -> Result<(), XlsxError> {
    match value {
        Value::Number(n) => write_amount(sheet, row, col, Some(*n), &Format::new()),
        other => match value_text(other) {
            Some(text) => sheet.write_string(row, col, text).map(|_| ()),
            None => Ok(()),
        },
    }
}

/// An indicator's name in column C, wrapped within `width` characters, its row as tall as it needs.
fn write_name(sheet: &mut Worksheet, row: u32, name: &str, width: usize) -> Result<(), XlsxError> {
    sheet.set_row_height(row, crate::model::text::wrapped_height(name, width))?;
    sheet.write_string_with_format(row, 2, name, &super::wrap())?;
    Ok(())
}

/// Each IKU code of a plan, in the order first printed.
fn codes(targets: &[StoredPlanTarget]) -> Vec<(&str, &str)> {
    let mut codes: Vec<(&str, &str)> = Vec::new();
    for t in targets {
        if !codes.iter().any(|(c, _)| *c == t.code) {
            codes.push((&t.code, &t.name));
        }
    }
    codes
}

/// *Rencana*: each unit's targets by year and source, then each unit's budget lines.
pub fn write_plans(
    sheet: &mut Worksheet,
    plans: &Plans,
    config: &Config,
    f: &Formats,
    language: Language,
) -> Result<(), XlsxError> {
    sheet.set_name("Rencana")?;
    let headers =
        [("Unit", 10.0), ("Kode", 12.0), ("Indikator", 60.0), ("Tahun", 10.0), ("Renstra", 10.0), ("Renja", 12.0)];
    write_narrow_header(sheet, &[&headers[..], &[("PK", 10.0), ("Status", 19.0)]].concat(), &f.header)?;
    // The budget's amount and parent columns.
    sheet.set_column_width(7, 19)?;
    sheet.set_column_width(8, 10)?;
    let mut r = 0;
    for plan in &plans.targets {
        for (code, name) in codes(&plan.rows) {
            let mut years: Vec<i64> = plan.rows.iter().filter(|t| t.code == code).map(|t| t.year).collect();
            years.dedup();
            for year in years {
                r += 1;
                sheet.write_string(r, 0, &plan.unit)?;
                sheet.write_string(r, 1, code)?;
                write_name(sheet, r, name, 60)?;
                sheet.write_number(r, 3, year as f64)?;
                for (col, source) in [(4, "renstra"), (5, "renja"), (6, "pk")] {
                    let printed = plan.rows.iter().find(|t| t.code == code && t.year == year && t.source == source);
                    if let Some(t) = printed {
                        write_value(sheet, r, col, &t.value)?;
                    }
                }
                // A plan with errors is shown, marked, as every blocked report is.
                if plan.errors > 0 {
                    let label = Verdict::PerluPerbaikan.label(language);
                    sheet.write_string_with_format(r, 7, label, &f.missing)?;
                }
            }
        }
    }
    // Units without a plan for the year: one row each, to chase.
    for unit in config.units.units().iter().filter(|u| !plans.targets.iter().any(|p| p.unit == u.code)) {
        r += 1;
        sheet.write_string(r, 0, &unit.code)?;
        sheet.write_string_with_format(
            r,
            2,
            language.pick("belum mengirim rencana kerja", "no work plan sent"),
            &f.missing,
        )?;
    }
    // The budget on a page of its own, under the targets, its code and name in the targets' code and name columns.
    let budget_headers = ["Unit", "Kode", "Uraian", "Tingkat", "Sumber", "Volume", "Satuan", "Pagu (Rp)", "Induk"];
    r += 2;
    sheet.set_page_breaks(&[r])?;
    for (col, header) in budget_headers.iter().enumerate() {
        sheet.write_string_with_format(r, col as u16, *header, &f.header)?;
    }
    let mut units: Vec<&String> = plans.budget.keys().collect();
    units.sort();
    for unit in units {
        for source in ["renja", "pk"] {
            let lines: Vec<&StoredPlanLine> = plans.budget[unit].iter().filter(|l| l.source == source).collect();
            let level = |line: &StoredPlanLine| Level::parse(&line.level).unwrap_or(Level::Kegiatan);
            let top = lines.iter().map(|l| level(l)).min().unwrap_or(Level::Kegiatan);
            for line in &lines {
                r += 1;
                sheet.write_string(r, 0, unit)?;
                sheet.write_string(r, 1, &line.code)?;
                let indent = "  ".repeat(level(line).indent(top));
                write_name(sheet, r, &format!("{indent}{}", line.name), 60)?;
                sheet.write_string(r, 3, &line.level)?;
                sheet.write_string(r, 4, if source == "pk" { "PK" } else { "Renja" })?;
                write_amount(sheet, r, 5, line.volume, &f.rupiah)?;
                if let Some(satuan) = &line.satuan {
                    sheet.write_string(r, 6, satuan)?;
                }
                write_amount(sheet, r, 7, line.pagu, &f.rupiah)?;
                if let Some(parent) = &line.parent {
                    sheet.write_string(r, 8, parent)?;
                }
            }
            if !lines.is_empty() {
                r += 1;
                let total = checked_sum(lines.iter().filter(|l| l.parent.is_none()).map(|l| l.pagu));
                sheet.write_string_with_format(r, 2, language.pick("Jumlah", "Total"), &f.header)?;
                write_amount(sheet, r, 7, total, &f.rupiah)?;
            }
            // The total by program, where the configuration files any of the kegiatan.
            let kegiatan = lines.iter().filter(|l| l.level == "kegiatan").map(|l| (l.code.as_str(), l.pagu));
            let programs = program_sums(kegiatan, |code| config.program_name(code));
            for program in programs.iter().filter(|_| programs.iter().any(|p| p.name.is_some())) {
                r += 1;
                sheet.write_string(r, 0, unit)?;
                write_name(sheet, r, &program.label(language), 60)?;
                sheet.write_string(r, 3, "program")?;
                sheet.write_string(r, 4, if source == "pk" { "PK" } else { "Renja" })?;
                write_amount(sheet, r, 7, program.pagu, &f.rupiah)?;
            }
        }
    }
    // Printed A4 landscape, fit to width; each table brings its own header.
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The word for how the realisasi moved over its last two years.
fn trend(values: &[Option<Decimal>], language: Language) -> &'static str {
    let known: Vec<Decimal> = values.iter().flatten().copied().collect();
    match known.as_slice() {
        [.., before, last] if last > before => language.pick("naik", "up"),
        [.., before, last] if last < before => language.pick("turun", "down"),
        [_, _, ..] => language.pick("tetap", "level"),
        _ => "-",
    }
}

/// *Rencana vs Realisasi*: each unit's IKU over the Renstra period, target, realisasi and capaian
/// by year, and the trend of the realisasi.
pub fn write_against(
    sheet: &mut Worksheet,
    plans: &Plans,
    year: u16,
    f: &Formats,
    language: Language,
) -> Result<(), XlsxError> {
    sheet.set_name("Rencana vs Realisasi")?;
    let years: Vec<i64> = (year.saturating_sub(PERIOD_YEARS - 1)..=year).map(i64::from).collect();
    let mut headers: Vec<(String, f64)> =
        vec![("Unit".into(), 10.0), ("Kode".into(), 10.0), ("Indikator".into(), 45.0)];
    for y in &years {
        headers.extend([
            (format!("Target {y}"), 10.0),
            (format!("Realisasi {y}"), 10.0),
            (format!("Capaian {y} (%)"), 10.0),
        ]);
    }
    headers.push((language.pick("Tren realisasi", "Realisasi trend").into(), 12.0));
    let headers: Vec<(&str, f64)> = headers.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    write_narrow_header(sheet, &headers, &f.header)?;
    let mut r = 0;
    for plan in &plans.targets {
        let history = plans.history.get(&plan.unit).map(Vec::as_slice).unwrap_or_default();
        for (code, name) in codes(&plan.rows) {
            r += 1;
            sheet.write_string(r, 0, &plan.unit)?;
            sheet.write_string(r, 1, code)?;
            write_name(sheet, r, name, 45)?;
            let mut realised = Vec::new();
            for (i, y) in years.iter().enumerate() {
                let printed = history.iter().find(|h| h.code == code && h.year == *y);
                // The year's target: the plan's binding one for its own year, the evaluation's before.
                let target = if *y == i64::from(year) {
                    ["pk", "renja", "renstra"]
                        .iter()
                        .find_map(|s| plan.rows.iter().find(|t| t.code == code && t.year == *y && t.source == *s))
                        .map_or(Value::Missing, |t| t.value.clone())
                } else {
                    printed.map_or(Value::Missing, |h| h.target.clone())
                };
                // What the unit reported for the year in kinerja, else what the plan prints.
                let realisasi = plans
                    .reported
                    .get(&(plan.unit.clone(), *y))
                    .and_then(|values| values.get(code))
                    .cloned()
                    .or_else(|| printed.map(|h| h.realisasi.clone()))
                    .unwrap_or(Value::Missing);
                let col = 3 + 3 * i as u16;
                write_value(sheet, r, col, &target)?;
                write_value(sheet, r, col + 1, &realisasi)?;
                let capaian = realisasi.number().zip(target.number()).and_then(|(v, t)| percent_of(v, t));
                write_score(sheet, r, col + 2, capaian, &f.score)?;
                realised.push(realisasi.number());
            }
            sheet.write_string(r, 3 + 3 * years.len() as u16, trend(&realised, language))?;
        }
    }
    let note = language.pick(
        "Realisasi: laporan tahunan yang diterima kinerja tanpa kesalahan; bila belum ada, yang tercantum pada tabel evaluasi Rencana Kerja. Target tahun rencana: PK, bila tidak ada Renja.",
        "Realisasi: the annual report kinerja accepted without errors; where there is none, what the work plan's evaluation prints. The plan year's target: the PK's, else the Renja's.",
    );
    sheet.write_string(r + 2, 0, note)?;
    sheet.set_freeze_panes(1, 3)?;
    super::print_setup(sheet, 0);
    Ok(())
}

/// Add both plan sheets to `book` when the year has plans.
pub fn add(book: &mut Workbook, plans: &Plans, config: &Config, year: u16, f: &Formats) -> Result<(), XlsxError> {
    let language = config.review.language;
    write_plans(book.add_worksheet_with_constant_memory()?, plans, config, f, language)?;
    write_against(book.add_worksheet_with_constant_memory()?, plans, year, f, language)
}
