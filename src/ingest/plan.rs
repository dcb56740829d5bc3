//! Plan workbooks (PLANS.md): the Renja's tables as units lay them out. Tables are found by their
//! header words after normalising (case, spaces, punctuation): the Renstra-vs-Renja table
//! (`REALISASI` years and `TARGET <year>` over `RENSTRA` `RENJA`), the multi-year evaluation
//! (`TARGET` and `REALISASI` over years), indicator targets (`KODE IKU` `INDIKATOR …` `TARGET`,
//! the Renja's or, on a PK sheet, the PK's), budgets by code (`KODE/KRO` with `ALOKASI ANGGARAN`,
//! `ANGGARAN` or `PAGU`; the level told by the code's form) and the responsibility matrix
//! (`KODE` `KEGIATAN` `IKU`).

use super::Overrides;
use super::cell::{self, CellValue, Kind as CellKind, contains_ignore_case};
use super::header::{caption_scale, in_rupiah, scale_in, year_in};
use super::identity;
use super::sheet::{Data, Sheet};
use super::table::{
    GOAL_PREFIXES, INDICATOR_PREFIXES, at_least, bare_summary, code_alone, go_on, goes_on, leading_number, marked,
    measure_of, next_code, perspective_name, prefixed_code, said_going_on, signed_from, signs,
};
use crate::model::amount::checked_sum;
use crate::model::plan::{
    HistoryRow, Level, Levels, Plan, PlanLine, PlanTarget, PlanTotal, PrintedCapaian, Responsibility, Source, Spending,
    SpendingDetail, SplitPart,
};
use crate::model::text::EMPTY;
use crate::model::unit::normalise;
use crate::model::{
    CellRef, Code, Finding, GoalRow, Identity, IndicatorRow, Kind, Measure, Period, Polarity, Reading, Report,
    UnitRegistry, Value,
};
use rust_decimal::Decimal;
use std::sync::Arc;

/// The kinds of table a plan holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Table {
    RenstraRenja,
    Evaluation,
    Targets(Source),
    Budget(Source),
    Matrix,
    /// The budget by jenis belanja: Belanja Pegawai, Belanja Barang (operasional, non
    /// operasional), Jumlah.
    Spending,
    /// A target split between units: Unit Kerja, Target, with a total row.
    Split,
    /// The budget's detail: Jenis Belanja, Rincian Belanja, Detil Belanja, the allocation.
    Details,
}

/// A table found: where its header is and which column holds what.
#[derive(Debug, Clone)]
struct Found {
    table: Table,
    /// First and last header row.
    header: (u32, u32),
    columns: Columns,
}

#[derive(Debug, Clone, Default)]
struct Columns {
    code: Option<u32>,
    name: Option<u32>,
    goal_code: Option<u32>,
    goal_name: Option<u32>,
    target: Option<u32>,
    renstra: Option<u32>,
    renja: Option<u32>,
    reason: Option<u32>,
    amount: Option<u32>,
    volume: Option<u32>,
    /// The volume's satuan, where it has a column of its own.
    satuan: Option<u32>,
    iku: Option<u32>,
    /// The budget detail's jenis and rincian belanja.
    jenis: Option<u32>,
    rincian: Option<u32>,
    /// (column, year, is realisasi) of the evaluation's year columns and the Renstra table's
    /// realisasi years.
    years: Vec<(u32, u16, bool)>,
    /// The year a `TARGET <year>` header names.
    target_year: Option<u16>,
    /// (column, year) of the evaluation's printed capaian.
    capaian: Vec<(u32, u16)>,
}

/// A cell's text without markup such as `<u>…</u>`.
fn without_markup(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for ch in text.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => plain.push(ch),
            _ => {}
        }
    }
    plain
}

/// A header cell's words: lower case, single spaces, padded (` kode kro `); markup and footnote
/// stars dropped (with the rest of the punctuation).
fn words(text: &str) -> String {
    normalise(&without_markup(text))
}

/// Whether a label names a total row (`Total …`, `Jumlah`).
fn is_total(text: &str) -> bool {
    let w = words(text);
    w.starts_with(" total ") || w.starts_with(" jumlah ")
}

/// A cell's year, whether typed as a number or as text (`2020`, `TA 2020`, `Tahun 2020`).
fn year_cell(data: &Data) -> Option<u16> {
    if let Some(n) = data.whole() {
        return u16::try_from(n).ok().filter(|y| (2000..2100).contains(y));
    }
    match data {
        Data::String(s) => {
            let w = words(s);
            let w =
                ["tahun ", "thn ", "th ", "t a ", "ta "].iter().fold(w.trim(), |w, p| w.strip_prefix(p).unwrap_or(w));
            w.parse::<u16>().ok().filter(|y| (2000..2100).contains(y))
        }
        _ => None,
    }
}

/// The row's header cells as words, by column; the Renja's older name spelled out
/// (`Rencana Kinerja Tahunan`) as its initials.
fn header_words(sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    sheet.texts_in_row(row).map(|(c, t)| (c, words(t).replace(" rencana kinerja tahunan ", " rkt "))).collect()
}

fn find(cells: &[(u32, String)], test: impl Fn(&str) -> bool) -> Option<u32> {
    cells.iter().find(|(_, w)| test(w)).map(|(c, _)| *c)
}

/// Whether a sheet's name or the titles above a row say it is the Perjanjian Kinerja (or
/// Penetapan Kinerja, its older name; a sheet named `Perjanjian`).
fn source_of(sheet: &Sheet, row: u32) -> Source {
    let says_pk = |w: &str| [" perjanjian kinerja ", " penetapan kinerja ", " pk "].iter().any(|pk| w.contains(pk));
    let titles = sheet.rows().filter(|r| *r < row && *r + 6 >= row).flat_map(|r| header_words(sheet, r));
    let named = words(&sheet.name);
    if says_pk(&named) || named.starts_with(" perjanjian ") || titles.into_iter().any(|(_, w)| says_pk(&w)) {
        Source::Pk
    } else {
        Source::Renja
    }
}

/// The table whose header ends at `row`, if any.
fn header_at(sheet: &Sheet, row: u32) -> Option<Found> {
    let here = header_words(sheet, row);
    // The header's row above: the one just above, or the one above a blank row parting a two-row
    // header (three headings or more: a title above a blank is no header's row).
    let above_row = row.checked_sub(1).map(|r| match r.checked_sub(1) {
        Some(over) if sheet.row_is_blank(r, 0, u32::MAX) && header_words(sheet, over).len() >= 3 => over,
        _ => r,
    });
    let above = above_row.map(|r| header_words(sheet, r)).unwrap_or_default();
    let top = above_row.unwrap_or(row);
    let both: Vec<(u32, String)> = above.iter().chain(&here).cloned().collect();
    let is = |w: &str, word: &str| w.trim() == word;
    let code_in = |cells: &[(u32, String)]| {
        find(cells, |w| {
            matches!(w.trim(), "kode iku" | "kode" | "no" | "kode ikk" | "kode indikator" | "iku" | "no iku" | "nomor")
                || w.starts_with(" kode iku ")
        })
    };
    let name_in = |cells: &[(u32, String)]| {
        find(cells, |w| w.starts_with(" indikator ") || w.contains(" indikator kinerja ") || is(w, "uraian"))
    };
    // A code column headed in no word kinerja knows, or not at all: IKU codes alone in its cells,
    // left of the names or just right of them.
    let code_or_below = |found: Option<u32>, name: Option<u32>| {
        found
            .or_else(|| coded_below(sheet, row, name?).map(|coded| coded.iku))
            .or_else(|| coded_beside(sheet, row, name? + 1))
    };
    let name = name_in(&both);
    let code = code_or_below(code_in(&both), name);
    // Renstra vs Renja: RENSTRA and RENJA side by side under TARGET <year>, or each naming itself
    // on one row (`Target Renstra 2024`, `Target Renja 2024`), realisasi years beside them.
    // RKT (Rencana Kinerja Tahunan) is the Renja's older name.
    let plan_target = |words: &[&str]| {
        let heading = |w: &str| {
            w.split_whitespace().any(|t| words.contains(&t))
                && w.split_whitespace()
                    .all(|t| words.contains(&t) || t == "target" || t == "tahun" || year_in(t).is_some())
        };
        find(&here, heading)
    };
    // A report's header may name both plans' targets too, beside its realisasi and capaian.
    let capaian = find(&here, |w| w.contains(" capaian "));
    let (renstra, renja) = (plan_target(&["renstra"]), plan_target(&["renja", "rkt"]));
    let sub_header =
        |col: u32| here.iter().any(|(c, w)| *c == col && (is(w, "renstra") || is(w, "renja") || is(w, "rkt")));
    // One of the two under TARGET <year> with its own header left blank (RENSTRA | (blank)): the
    // table is still the Renstra vs Renja, the blank column said when it is read.
    let lone = match (renstra, renja) {
        (Some(col), None) | (None, Some(col)) => {
            sub_header(col) && find(&above, |w| w.starts_with(" target ")).is_some()
        }
        _ => false,
    };
    if (renstra.is_some() && renja.is_some() || lone) && capaian.is_none() {
        let two_rows = renstra.is_some_and(sub_header) || renja.is_some_and(sub_header);
        let (code, name) = if two_rows {
            (code, name)
        } else {
            let name = name_in(&here);
            (code_or_below(code_in(&here), name), name)
        };
        let realisasi_year = |c: u32, d: &Data| {
            year_cell(d).or_else(|| {
                let w = &here.iter().find(|(hc, _)| *hc == c)?.1;
                w.contains(" realisasi ").then(|| year_in(w)).flatten()
            })
        };
        let years = sheet.cells_in_row(row).filter_map(|(c, d)| realisasi_year(c, d).map(|y| (c, y, true))).collect();
        let named_year =
            here.iter().filter(|(c, _)| [renstra, renja].contains(&Some(*c))).find_map(|(_, w)| year_in(w));
        let target_year =
            named_year.or_else(|| above.iter().find(|(_, w)| w.starts_with(" target ")).and_then(|(_, w)| year_in(w)));
        let reason =
            find(&both, |w| w.contains(" alasan ") || w.contains(" justifikasi ") || w.contains(" keterangan "));
        let columns = Columns { code, name, renstra, renja, reason, years, target_year, ..Columns::default() };
        let first = if two_rows { top } else { row };
        return Some(Found { table: Table::RenstraRenja, header: (first, row), columns });
    }
    // The budget by jenis belanja, its Belanja Barang over Operasional and Non Operasional.
    if find(&above, |w| spending_part(w) == Some(SPENDING_PARTS[0])).is_some()
        && find(&above, |w| w.contains(" barang ")).is_some()
        && find(&here, |w| spending_part(w) == Some(SPENDING_PARTS[2])).is_some()
    {
        return Some(Found { table: Table::Spending, header: (top, row), columns: Columns::default() });
    }
    // The budget's detail by jenis, rincian and detil.
    if let (Some(jenis), Some(rincian), Some(amount)) = (
        find(&here, |w| is(w, "jenis belanja")),
        find(&here, |w| is(w, "rincian belanja")),
        find(&here, |w| w.contains(" alokasi ") || w.contains(" anggaran ")),
    ) {
        let columns =
            Columns { jenis: Some(jenis), rincian: Some(rincian), amount: Some(amount), ..Columns::default() };
        return Some(Found { table: Table::Details, header: (row, row), columns });
    }
    // A target split between units. Its columns also headed otherwise (`SATKER`, `KANTOR`,
    // `JUMLAH`, nothing): the units named in the two rows below, a figure right of them.
    let split_unit = find(&here, |w| ["unit kerja", "unit", "satuan kerja"].contains(&w.trim()));
    let split_target = find(&here, |w| w.starts_with(" target "));
    let by_rows = || {
        let &[first, second] = sheet.rows_below(row, 2) else { return None };
        let listed = |c: &u32| {
            !identity::names_unit(sheet, row, *c) && [first, second].iter().all(|r| identity::names_unit(sheet, *r, *c))
        };
        let unit = sheet.cells_in_row(first).map(|(c, _)| c).find(listed)?;
        let target = sheet
            .cells_in_row(first)
            .map(|(c, _)| c)
            .find(|c| *c > unit && amount_of(sheet.get(first, *c)).is_some())?;
        Some((unit, target))
    };
    if let Some((unit, target)) = split_unit.zip(split_target).or_else(by_rows) {
        let columns = Columns { name: Some(unit), target: Some(target), ..Columns::default() };
        return Some(Found { table: Table::Split, header: (row, row), columns });
    }
    // The evaluation: TARGET and REALISASI over years (`TARGET KINERJA`, `REALISASI KINERJA`).
    if let (Some(target), Some(realisasi)) =
        (find(&above, |w| w.starts_with(" target ")), find(&above, |w| w.starts_with(" realisasi ")))
    {
        let years: Vec<(u32, u16, bool)> = sheet
            .cells_in_row(row)
            .filter_map(|(c, d)| year_cell(d).map(|y| (c, y)))
            .filter(|(c, _)| *c >= target.min(realisasi))
            // Realisasi's years start at its column when it stands right of TARGET.
            .map(|(c, y)| (c, y, if realisasi > target { c >= realisasi } else { c < target }))
            .collect();
        if years.len() >= 2 {
            // "CAPAIAN RENSTRA S.D. 2023": the capaian of the year it names, else of the last
            // realisasi.
            let last = years.iter().filter(|y| y.2).map(|y| y.1).max();
            let capaian = both
                .iter()
                .filter(|(c, w)| w.starts_with(" capaian ") && *c > target.max(realisasi))
                .filter_map(|(c, w)| Some((*c, year_in(w).or(last)?)))
                .take(1)
                .collect();
            let columns = Columns { code, name, years, capaian, ..Columns::default() };
            return Some(Found { table: Table::Evaluation, header: (top, row), columns });
        }
    }
    // The evaluation of two years: each year over its Target and Realisasi (003 Tabel 1).
    // The year over a column, also in words (`Tahun 2023`, `TA 2023`, `2023 (Renstra)`).
    let year_above = |col: u32| {
        let cells: Vec<(u32, &Data)> = above_row.map(|r| sheet.cells_in_row(r).collect()).unwrap_or_default();
        let year = |d: &Data| match d {
            Data::String(s) => year_in(&words(s)),
            other => year_cell(other),
        };
        cells.into_iter().filter(|(c, _)| *c <= col).filter_map(|(c, d)| year(d).map(|y| (c, y))).next_back()
    };
    let realisasi = |w: &str| w.starts_with(" realisasi ");
    let pairs: Vec<(u32, u16, bool)> = here
        .iter()
        .filter(|(_, w)| w.starts_with(" target ") || realisasi(w))
        .filter_map(|(c, w)| year_above(*c).map(|(_, y)| (*c, y, realisasi(w))))
        .collect();
    if pairs.iter().filter(|p| p.2).count() >= 2 && pairs.iter().filter(|p| !p.2).count() >= 2 {
        let capaian = (here.iter().filter(|(_, w)| is(w, "capaian")))
            .filter_map(|(c, _)| year_above(*c).map(|(_, y)| (*c, y)))
            .collect();
        let columns = Columns { code, name, years: pairs, capaian, ..Columns::default() };
        return Some(Found { table: Table::Evaluation, header: (top, row), columns });
    }
    // A budget by code: KODE/KRO with an amount; or a plain KODE whose first code below is a
    // budget code (a kegiatan's four digits, an RO's letters). No realisasi beside the amount: a
    // table of what was spent by RO is a report's.
    // A code column also headed `KRO/RO`, `RO` or `No` when budget codes stand below it.
    let budget_code = find(&here, |w| w.starts_with(" kode ") && w.contains(" kro ")).or_else(|| {
        here.iter()
            .filter(|(_, w)| w.starts_with(" kode ") || w.contains(" kro ") || is(w, "ro") || is(w, "no"))
            .map(|(c, _)| *c)
            .find(|col| budget_codes_below(sheet, row, *col))
    });
    let amount = find(&here, |w| {
        [" alokasi ", " anggaran ", " pagu ", " biaya ", " rp ", " rupiah "].iter().any(|a| w.contains(a))
            || is(w, "nilai")
            || is(w, "jumlah")
    });
    let spent = here.iter().any(|(_, w)| w.contains(" realisasi "));
    if let (Some(code), Some(amount), false) = (budget_code, amount, spent) {
        let others = here.iter().filter(|(c, _)| *c != code && *c != amount).cloned().collect::<Vec<_>>();
        let name = find(&others, |w| {
            [" kegiatan ", " uraian ", " nama ", " rincian ", " program "].iter().any(|n| w.contains(n))
        })
        .or_else(|| named_right_of(sheet, row, code, amount));
        let others: Vec<(u32, String)> = others.into_iter().filter(|(c, _)| Some(*c) != name).collect();
        let volume = find(&others, |w| {
            [" volume ", " vol ", " target ", " keluaran ", " jumlah output "].iter().any(|v| w.contains(v))
                || is(w, "output")
        });
        let satuan = find(&others, |w| is(w, "satuan"));
        // A SATUAN column holding `97 Orang` is the volume with its satuan…
        let counted = |col: u32| {
            (row + 1..=row + 4)
                .map(|r| text_of(sheet, r, Some(col)))
                .find(|t| !t.is_empty())
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        };
        // … and so is a column headed nothing between the names and the amount.
        let unheaded = || {
            let first = name.unwrap_or(code) + 1;
            (first..amount).find(|col| here.iter().all(|(c, _)| c != col) && counted(*col))
        };
        let (volume, satuan) = match (volume, satuan) {
            (None, Some(col)) if counted(col) => (Some(col), None),
            (None, None) => (unheaded(), None),
            other => other,
        };
        let columns = Columns { code: Some(code), name, amount: Some(amount), volume, satuan, ..Columns::default() };
        return Some(Found { table: Table::Budget(source_of(sheet, row)), header: (row, row), columns });
    }
    // The responsibility matrix: KODE, KEGIATAN, IKU (`KODE KEGIATAN`, `NAMA KEGIATAN`,
    // `INDIKATOR KINERJA UTAMA`, `IKU TERKAIT`).
    // No target: a central unit's PK (`KODE SK` | `SASARAN KEGIATAN` | … | `TARGET`) is none.
    let matrix_code = find(&here, |w| w.starts_with(" kode "));
    let matrix_name = find(&here, |w| {
        w.contains(" kegiatan ") && ![" kode ", " sasaran ", " indikator "].iter().any(|s| w.starts_with(s))
    });
    let matrix_iku = find(&here, |w| w.contains(" iku ") || w.starts_with(" indikator "));
    let targeted = find(&here, |w| w.contains(" target ")).is_some();
    let by_words = match (matrix_code, matrix_name, matrix_iku) {
        (Some(code), Some(_), Some(iku)) => Some((code, iku)),
        _ => None,
    };
    // One column headed so, the others otherwise (`NO` or nothing over the kegiatan's codes,
    // `URAIAN` over their names, `KETERKAITAN` over the IKUs): the columns below tell.
    let named = [matrix_code, matrix_name, matrix_iku].iter().flatten().count();
    let by_rows = || {
        let agrees =
            |(code, iku): &(u32, u32)| matrix_code.is_none_or(|c| c == *code) && matrix_iku.is_none_or(|i| i == *iku);
        let header = here.len() >= 2 && matrix_cells(sheet, row).is_empty();
        (named >= 1 && header).then(|| matrix_below(sheet, row)).flatten().filter(agrees)
    };
    if let (Some((code, iku)), false) = (by_words.or_else(by_rows), targeted) {
        let columns = Columns { code: Some(code), iku: Some(iku), ..Columns::default() };
        return Some(Found { table: Table::Matrix, header: (row, row), columns });
    }
    // Indicator targets: an indicator and a TARGET column, no realisasi; the indicator's code in
    // a KODE or No. column left of it, or in its label (`IKU.1 …` under `Sasaran Strategis /
    // Indikator Kinerja`, its goals' rows `SS.1 …` among them).
    let target = find(&here, |w| w.starts_with(" target "));
    let here_name = find(&here, |w| w.starts_with(" indikator "))
        .or_else(|| find(&here, |w| ["iku", "ikk", "ikp"].contains(&w.trim())));
    let tree = find(&here, |w| w.starts_with(" sasaran ") && w.contains(" indikator "));
    // The code's column beside its names: left of them (a KODE or No.), or a KODE right of them.
    let numbered = |col: u32, kode: &[&str]| {
        let left = here.iter().rfind(|(c, _)| *c < col).filter(|(_, w)| kode.contains(&w.trim()) || w.trim() == "no");
        let right = || here.iter().find(|(c, _)| *c > col).filter(|(_, w)| kode.contains(&w.trim()));
        left.or_else(right).map(|(c, _)| *c)
    };
    // Columns headed otherwise (`URAIAN` or nothing over the names, nothing over the codes): the
    // codes below tell.
    let coded = target.and_then(|target| coded_below(sheet, row, target));
    let coded = coded.filter(|c| here_name.is_none_or(|name| c.iku < name));
    let here_code = here_name
        .and_then(|name| numbered(name, &["kode iku", "kode ikk", "kode", "no iku", "iku"]))
        .or(coded.as_ref().map(|c| c.iku));
    let here_name = here_name.or(tree).or(coded.as_ref().and_then(|c| c.name));
    // A report's header of two rows is none: its first row may name the target and leave the
    // realisasi and capaian to the row below, under a group ("Kinerja").
    let reached = |w: &str| w.starts_with(" realisasi") || w.starts_with(" capaian");
    // A goal's column beside the names and no code column (the PK's own form: No. | SASARAN
    // STRATEGIS | INDIKATOR KINERJA | TARGET): a targets table still, its rows said unread
    // unless their names carry their codes, never passed over as no table.
    let goals_beside = find(&here, |w| w.starts_with(" sasaran ")).is_some();
    if let (Some(target), Some(name)) = (target, here_name)
        && (here_code.is_some() || tree.is_some() || goals_beside)
        && !here.iter().any(|(_, w)| w.contains(" realisasi "))
        && !header_words(sheet, row + 1).iter().any(|(_, w)| reached(w))
        // Nor is a target over years (an evaluation whose realisasi is headed otherwise).
        && year_cell(sheet.get(row + 1, target)).is_none()
    {
        let code = here_code;
        let goal_name = find(&here, |w| w.starts_with(" sasaran ") && Some(name) != tree)
            .or(coded.as_ref().and_then(|c| c.goal_name));
        let goal_code =
            goal_name.and_then(|col| numbered(col, &["kode ss", "kode sk"])).or(coded.as_ref().and_then(|c| c.goal));
        let target_year = here.iter().find(|(c, _)| *c == target).and_then(|(_, w)| year_in(w));
        let columns = Columns {
            code,
            name: Some(name),
            goal_code,
            goal_name,
            target: Some(target),
            target_year,
            ..Columns::default()
        };
        // A lone target naming the Renstra is the Renstra's, whatever the sheet.
        let renstra = here.iter().any(|(c, w)| *c == target && w.contains(" renstra "));
        let source = if renstra { Source::Renstra } else { source_of(sheet, row) };
        return Some(Found { table: Table::Targets(source), header: (row, row), columns });
    }
    None
}

/// The columns of a table of indicators told by what stands below its header: the first row
/// (within eight) holding an IKU's code alone in a cell left of `before`; the goal's code alone
/// left of it on that row; each code's name, the first text right of it.
struct Coded {
    iku: u32,
    name: Option<u32>,
    goal: Option<u32>,
    goal_name: Option<u32>,
}

fn coded_below(sheet: &Sheet, row: u32, before: u32) -> Option<Coded> {
    (row + 1..=row + 8).find_map(|r| {
        let texts: Vec<(u32, &str)> = sheet.texts_in_row(r).filter(|(c, _)| *c < before).collect();
        let iku = texts.iter().find(|(_, t)| code_alone(t, &INDICATOR_PREFIXES))?.0;
        let goal = texts.iter().find(|(c, t)| *c < iku && code_alone(t, &GOAL_PREFIXES)).map(|(c, _)| *c);
        let name_after = |col: u32, end: u32| {
            texts.iter().find(|(c, t)| *c > col && *c < end && t.chars().any(char::is_alphabetic)).map(|(c, _)| *c)
        };
        Some(Coded { iku, name: name_after(iku, before), goal, goal_name: goal.and_then(|g| name_after(g, iku)) })
    })
}

/// Column `col` where, within eight rows below the header ending at `row`, a cell holds an
/// IKU's code alone: the codes printed right of their names.
fn coded_beside(sheet: &Sheet, row: u32, col: u32) -> Option<u32> {
    (row + 1..=row + 8).any(|r| code_alone(&text_of(sheet, r, Some(col)), &INDICATOR_PREFIXES)).then_some(col)
}

/// The first column right of a budget's code column, left of its amount, whose cells below
/// (within four rows) hold a name: where the names' column is headed in no word kinerja knows,
/// or not at all.
fn named_right_of(sheet: &Sheet, row: u32, code: u32, amount: u32) -> Option<u32> {
    (row + 1..=row + 4).find_map(|r| {
        let name = sheet.texts_in_row(r).find(|(c, t)| *c > code && *c < amount && t.chars().any(char::is_alphabetic));
        name.map(|(c, _)| c)
    })
}

/// What a matrix's cell holds: a kegiatan's code (`4842`) or an IKU (`IKU 9. Indeks …`).
#[derive(PartialEq)]
enum MatrixCell {
    Kegiatan,
    Iku,
}

/// The kegiatan codes and IKUs of a row, by column.
fn matrix_cells(sheet: &Sheet, row: u32) -> Vec<(u32, MatrixCell)> {
    let of = |text: String| {
        if Level::of_code(&budget_code(&text)) == Some(Level::Kegiatan) {
            Some(MatrixCell::Kegiatan)
        } else {
            iku_code(&text, false).map(|_| MatrixCell::Iku)
        }
    };
    sheet.cells_in_row(row).filter_map(|(c, _)| Some((c, of(text_of(sheet, row, Some(c)))?))).collect()
}

/// The columns of a responsibility matrix below a header row, by what stands in them: within a
/// few rows, a row holding a kegiatan's code and, right of it, an IKU.
fn matrix_below(sheet: &Sheet, row: u32) -> Option<(u32, u32)> {
    (row + 1..=row + 4).find_map(|r| {
        let cells = matrix_cells(sheet, r);
        let code = cells.iter().find(|(_, m)| *m == MatrixCell::Kegiatan)?.0;
        let iku = cells.iter().find(|(c, m)| *c > code && *m == MatrixCell::Iku)?.0;
        Some((code, iku))
    })
}

/// Whether the first code under `(row, col)` (within a few rows) is a budget code.
fn budget_codes_below(sheet: &Sheet, row: u32, col: u32) -> bool {
    (row + 1..=row + 4)
        .map(|r| budget_code(&text_of(sheet, r, Some(col))))
        .find(|code| !code.is_empty())
        .is_some_and(|code| Level::of_code(&code).is_some())
}

/// Every plan table of a sheet, with the rows of its body (up to the next table).
fn tables(sheet: &Sheet) -> Vec<(Found, (u32, u32))> {
    let mut found: Vec<Found> = Vec::new();
    for row in sheet.rows() {
        let Some(next) = header_at(sheet, row) else { continue };
        // A table of one indicator named above it (002's evaluation, one table per IKU) is its
        // own table, however alike its header is to the one before.
        let own =
            next.columns.code.is_none() && next.columns.name.is_none() && named_above(sheet, next.header.0).is_some();
        match found.last_mut() {
            // A header of two rows is one table, not the one-row table its first row looks like.
            Some(last) if last.header.0 == next.header.0 && last.header.1 < next.header.1 => *last = next,
            // A header repeated after a page break is the same table going on.
            Some(last) if last.header.1 >= next.header.0 || repeats(sheet, last, row) && !own => {}
            _ => found.push(next),
        }
    }
    let (_, last_row) = sheet.row_bounds();
    let ends: Vec<u32> = found.iter().skip(1).map(|f| f.header.0 - 1).chain([last_row]).collect();
    found
        .into_iter()
        .zip(ends)
        .map(|(f, end)| {
            // Up to the next table, or the block the plan is signed with.
            let signed = body(sheet, (f.header.1 + 1, end)).find(|row| signed_from(sheet, *row));
            let body = (f.header.1 + 1, signed.map_or(end, |row| row - 1));
            (f, body)
        })
        .collect()
}

/// The columns (first and last) of each plan table of `sheet` that says what its figures are:
/// its rows named (an IKU's or goal's code or name, a budget line's code, a jenis belanja), or
/// its header naming each amount (the budget by jenis belanja). Such a table stands on its own,
/// not figures beside another's rows.
pub(super) fn standing_tables(sheet: &Sheet) -> Vec<(u32, u32)> {
    let stands = |found: &Found| {
        let c = &found.columns;
        found.table == Table::Spending
            || [c.code, c.name, c.goal_code, c.goal_name, c.iku, c.jenis, c.rincian].iter().any(Option::is_some)
    };
    (tables(sheet).into_iter())
        .filter(|(found, _)| stands(found))
        .filter_map(|(found, _)| {
            let cols: Vec<u32> =
                (found.header.0..=found.header.1).flat_map(|row| sheet.texts_in_row(row).map(|(c, _)| c)).collect();
            Some((*cols.iter().min()?, *cols.iter().max()?))
        })
        .collect()
}

/// Whether `row` repeats the header of `table` (a page break in the middle of it).
fn repeats(sheet: &Sheet, table: &Found, row: u32) -> bool {
    let texts = |r: u32| header_words(sheet, r).into_iter().map(|(_, w)| w).collect::<Vec<_>>();
    texts(row) == texts(table.header.1)
}

/// Whether the workbook is a plan: it prints a Renstra-vs-Renja table, a budget by KRO and RO,
/// or a responsibility matrix, or a title calls it a Rencana Kerja.
///
/// Asked of every workbook, so a row is looked at closely only when one of its texts holds a word
/// of those headers (`RENSTRA`, `KRO`, `KEGIATAN`): a report of 5,000 rows holds none.
pub fn is_plan(sheets: &[Sheet]) -> bool {
    let marks = |text: &str| ["renstra", "kro", "kegiatan"].iter().any(|m| contains_ignore_case(text, m));
    sheets.iter().filter(|s| !s.is_empty()).any(|sheet| {
        let titled = |w: &str| w.contains(" rencana kerja ") || w.contains(" renja ");
        titled(&words(&sheet.name))
            || sheet.rows().take(12).any(|r| header_words(sheet, r).iter().any(|(_, w)| titled(w)))
            || sheet.rows().filter(|r| sheet.texts_in_row(*r).any(|(_, t)| marks(t))).any(|r| {
                header_at(sheet, r)
                    .is_some_and(|f| matches!(f.table, Table::RenstraRenja | Table::Budget(_) | Table::Matrix))
            })
    })
}

/// An IKU code however it is printed: `IKU. 1`, `IKU.1`, `IKU 1.`, `IKU4`; a bare number in a
/// code column.
fn iku_code(text: &str, bare_number: bool) -> Option<(String, String)> {
    let text = text.trim();
    // A central unit's PK: the program indicator IKP.n and the activity indicators IKK.n, kept as
    // printed (the configured crosswalk says which IKU each is).
    if let Some((code, rest)) = prefixed_code(text, &INDICATOR_PREFIXES) {
        return Some((code, rest.to_string()));
    }
    if bare_number && let Some((n, rest)) = leading_number(text).or_else(|| digits_only(text)) {
        return Some((format!("IKU.{n}"), rest.to_string()));
    }
    None
}

fn digits_only(text: &str) -> Option<(String, &str)> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (text.trim_start_matches('0').to_string(), ""))
}

/// A code or name cell as text (numbers as written).
fn text_of(sheet: &Sheet, row: u32, col: Option<u32>) -> String {
    let Some(col) = col else { return String::new() };
    match sheet.get(row, col) {
        Data::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Data::Int(i) => i.to_string(),
        Data::Float(f) | Data::Fixed(f, _) => f.to_string(),
        _ => String::new(),
    }
}

/// A target or realisasi cell: a number (a count's ambiguous `60.000` read whole), an opinion,
/// N/A, or missing (`-`: not in force).
fn value_of(sheet: &Sheet, row: u32, col: u32, whole: bool) -> Value {
    value_in(printed(sheet, row, col), whole)
}

/// The cell a target, realisasi or reason is printed in for `row`: the first of the cells merged
/// down over it, as in a report (one "95" merged over two IKUs' rows is each one's target).
fn printed(sheet: &Sheet, row: u32, col: u32) -> &Data {
    sheet.get(printed_row(sheet, row, col), col)
}

fn printed_row(sheet: &Sheet, row: u32, col: u32) -> u32 {
    sheet.merged_from(row, col).unwrap_or(row)
}

/// A target cell: as [`value_of`], and one written as its lower bound (`≥ 86`, `Minimal 86`) is
/// that number, as in a report or an agreement.
fn target_of(sheet: &Sheet, row: u32, col: u32, whole: bool) -> Value {
    let data = printed(sheet, row, col);
    match (value_in(data, whole), data) {
        (Value::Missing, Data::String(text)) => {
            at_least(text).map_or(Value::Missing, |bound| value_in(&Data::String(bound.into()), whole))
        }
        (value, _) => value,
    }
}

fn value_in(data: &Data, whole: bool) -> Value {
    let cell = cell::read(data);
    match cell.kind {
        CellKind::Stored((n, _)) => Value::Number(n),
        CellKind::Text(c) => match (c.indonesian, c.english) {
            (Some(a), Some(b)) if a.0 != b.0 => c.read_by_measure(whole).map_or(Value::Missing, |w| Value::Number(w.0)),
            (Some(a), _) | (None, Some(a)) => Value::Number(a.0),
            (None, None) => Value::Missing,
        },
        CellKind::NotApplicable => Value::NotApplicable,
        CellKind::Opinion => Value::Opinion(cell.opinion()),
        _ => Value::Missing,
    }
}

/// An amount in whole rupiah: every `.` or `,` before three digits separates thousands, a
/// trailing `,-` or `,00` is no decimal.
pub(super) fn amount_of(data: &Data) -> Option<Decimal> {
    amount_in(&cell::read(data))
}

/// [`amount_of`] a cell already read.
fn amount_in(cell: &CellValue) -> Option<Decimal> {
    match cell.kind {
        CellKind::Stored((n, _)) => Some(n),
        CellKind::Text(c) => c.read_by_measure(true).or(c.indonesian).or(c.english).map(|w| w.0),
        _ => None,
    }
}

/// What a budget row holds under its amount column.
enum Held {
    /// An amount and the column it stands in.
    Amount(Decimal, u32),
    /// No amount: the cell is blank ([`EMPTY`]) or holds words (quoted).
    Nothing(String),
    /// A value that cannot be read (a formula's error, a date, a formula saved without its
    /// value), already reported.
    Reported,
}

/// The amount in a row's amount column, from `col` to the column before `end` (the next column
/// with a header of its own): `Rp` may stand in a cell of its own before it, and `-` (`Rp -`)
/// is nil, Rp 0. Words are no amount, never passed over for a number further right; a cell
/// whose value cannot be read ends the look with a finding about `subject`. A printed total is
/// a claim: saved without its value, it claims nothing.
fn amount_from(
    sheet: &Sheet,
    (row, col, end): (u32, u32, u32),
    (subject, claim): (&str, bool),
    findings: &mut Vec<Finding>,
) -> Held {
    for (c, data) in sheet.cells_in_row(row).filter(|(c, _)| (col..end).contains(c)) {
        let cell = cell::read(data);
        if let Some(amount) = amount_in(&cell) {
            return Held::Amount(amount, c);
        }
        if unreadable(sheet, (row, c), &cell, (subject, claim), findings) {
            return Held::Reported;
        }
        let text = cell.text.trim();
        match cell.kind {
            _ if text.is_empty() || is_currency(text) => {}
            CellKind::Empty => return Held::Amount(Decimal::ZERO, c),
            _ => return Held::Nothing(format!("\"{text}\"")),
        }
    }
    Held::Nothing(EMPTY.to_string())
}

/// Whether a cell only names the currency of the amount beside it: `Rp`, `Rp.`, `IDR`.
fn is_currency(text: &str) -> bool {
    matches!(text.trim_end_matches(['.', ':']).to_lowercase().as_str(), "rp" | "idr")
}

/// The column after the last one under the header of `col`: the next column right of it whose
/// header rows hold a text of their own (a merged header leaves its other cells empty).
fn header_end(sheet: &Sheet, (top, last): (u32, u32), col: u32) -> u32 {
    (top..=last).filter_map(|row| sheet.texts_in_row(row).map(|(c, _)| c).find(|c| *c > col)).min().unwrap_or(u32::MAX)
}

/// The amount at `(row, col)` in rupiah: by its cell's own word, else the column's `scale`.
fn rupiah_at(sheet: &Sheet, (row, col): (u32, u32), amount: Decimal, scale: Decimal) -> Decimal {
    in_rupiah(amount, sheet.text(row, col).unwrap_or_default(), scale)
}

/// What the amounts under a column headed `header` count in: what the header names (`Pagu (Rp
/// ribu)`), else what a caption above the table names (`(dalam ribuan rupiah)`), else rupiah.
fn scale_of(sheet: &Sheet, table: &Found, header: &str) -> Decimal {
    scale_in(header).or_else(|| caption_scale(sheet, table.header.0)).unwrap_or(Decimal::ONE)
}

/// Whether the cell holds a value that cannot be read as an amount (a formula's error, a date, a
/// formula saved without its value), not words; if so, an error about `subject` at the cell,
/// unless it is a printed total (a claim) saved without its value, which claims nothing.
fn unreadable_amount(sheet: &Sheet, at: (u32, u32), said: (&str, bool), findings: &mut Vec<Finding>) -> bool {
    unreadable(sheet, at, &cell::read(sheet.get(at.0, at.1)), said, findings)
}

/// [`unreadable_amount`] for the cell at `(row, col)` already read.
fn unreadable(
    sheet: &Sheet,
    (row, col): (u32, u32),
    cell: &CellValue,
    (subject, claim): (&str, bool),
    findings: &mut Vec<Finding>,
) -> bool {
    let Some(code) = cell.kind.unreadable().filter(|code| *code != Code::CellUnreadable) else { return false };
    if !(claim && code == Code::FormulaUncalculated) {
        let at = CellRef::new(&sheet.name, row, col);
        findings.push(Finding::new(code, Some(at), subject).found(cell.text.as_ref()));
    }
    true
}

/// `97 Orang`, `180.104 Dokumen` → (97, Orang), (180104, Dokumen).
fn volume_of(sheet: &Sheet, row: u32, col: u32) -> (Option<Decimal>, Option<String>) {
    let data = sheet.get(row, col);
    let number = amount_of(data);
    let satuan = match data {
        Data::String(s) => {
            let rest: String =
                s.trim().trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim().into();
            (!rest.is_empty()).then_some(rest)
        }
        _ => None,
    };
    (number, satuan)
}

/// Targets and past realisasi whose cell holds something that could not be read (a date, a
/// formula's error, a formula saved without its value, text that is no number): each an error
/// at its cell, never a silent "not in force". So is a blank cell where the year's Renja or PK
/// target stands (`-` says an indicator is not in force; a blank says nothing was typed, as in
/// a template sent unfilled): reports are held to these targets.
fn unread(sheets: &[Sheet], plan: &Plan, year: Option<u16>) -> Vec<Finding> {
    let binding = |t: &&PlanTarget| Some(t.year) == year && matches!(t.source, Source::Renja | Source::Pk);
    let blank = plan.targets.iter().filter(|t| t.value == Value::Missing).filter(binding).filter_map(|t| {
        let sheet = sheets.iter().find(|s| s.name == t.at.sheet)?;
        sheet.is_blank(t.at.row, t.at.col).then(|| {
            let subject = format!("{} tahun {} ({})", t.code, t.year, t.source.label());
            Finding::new(Code::TargetMissing, Some(t.at.clone()), subject)
        })
    });
    let targets =
        plan.targets.iter().filter(|t| t.value == Value::Missing).map(|t| ("Target", t.code.as_str(), t.year, &t.at));
    let history_targets = (plan.history.iter().filter(|h| h.target == Value::Missing))
        .filter_map(|h| Some(("Target", h.key(), h.year, h.target_at.as_ref()?)));
    // A year printing no realisasi has its target's cell as its own.
    let realisasi = (plan.history.iter())
        .filter(|h| h.realisasi == Value::Missing && h.target_at.as_ref() != Some(&h.at))
        .map(|h| ("Realisasi", h.key(), h.year, &h.at));
    targets
        .chain(history_targets)
        .chain(realisasi)
        .filter_map(|(what, code, year, at)| {
            let sheet = sheets.iter().find(|s| s.name == at.sheet)?;
            let cell = cell::read(sheet.get(at.row, at.col));
            let finding = cell.kind.unreadable()?;
            Some(
                Finding::new(finding, Some(at.clone()), format!("{what} {code} tahun {year}"))
                    .found(cell.text.as_ref()),
            )
        })
        .chain(blank)
        .collect()
}

/// Budget codes of KRO, RO or komponen (`EBC.954`) standing outside every table read on a
/// visible sheet, two or more: a budget table whose header kinerja does not know, said at its
/// first code rather than left out without a word (in a plan, and in a report beside its
/// scorecard).
pub(super) fn budget_unread(sheet: &Sheet, inside: &impl Fn(u32) -> bool) -> Option<Finding> {
    if sheet.hidden {
        return None;
    }
    let codes: Vec<(String, CellRef)> = sheet
        .rows()
        .filter(|r| !inside(*r))
        .flat_map(|row| sheet.texts_in_row(row).map(move |(col, text)| (row, col, budget_code(text))))
        .filter(|(_, _, code)| matches!(Level::of_code(code), Some(Level::Kro | Level::Ro | Level::Komponen)))
        .map(|(row, col, code)| (code, CellRef::new(&sheet.name, row, col)))
        .collect();
    let [(first, at), (second, _), ..] = codes.as_slice() else { return None };
    let more = if codes.len() > 2 { ", …" } else { "" };
    Some(
        Finding::new(Code::BudgetUnread, Some(at.clone()), format!("{first}, {second}{more}"))
            .found(codes.len().to_string()),
    )
}

/// Two rows or more of figures (two numbers each, or one beside an IKU's code) outside every
/// table read on a visible sheet, or one row of three figures or more under a row of headers: a
/// table whose header kinerja does not know (an evaluation headed `Tgt` | `Capaian`, a report's
/// indicators headed `Uraian`, a PK's targets headed `TGT`, a budget's total of one row with its
/// pagu's header left blank), said at its first figure rather than left out without a word.
pub(super) fn table_unread(sheet: &Sheet, inside: &impl Fn(u32) -> bool, code: Code) -> Option<Finding> {
    if sheet.hidden {
        return None;
    }
    let coded = |row: u32| sheet.texts_in_row(row).any(|(_, t)| code_alone(t, &INDICATOR_PREFIXES));
    let rows: Vec<(u32, u32, usize)> = sheet
        .rows()
        .filter(|r| !inside(*r))
        .filter_map(|row| {
            let figures: Vec<u32> =
                sheet.cells_in_row(row).filter(|(_, d)| cell::read(d).kind.is_number()).map(|(c, _)| c).collect();
            let enough = figures.len() >= 2 || !figures.is_empty() && coded(row);
            enough.then(|| (row, figures[0], figures.len()))
        })
        .collect();
    let headed = |row: u32| row > 0 && !inside(row - 1) && sheet.texts_in_row(row - 1).count() >= 2;
    let (row, col) = match rows.as_slice() {
        [(row, col, _), _, ..] => (row, col),
        [(row, col, figures)] if *figures >= 3 && headed(*row) => (row, col),
        _ => return None,
    };
    Some(Finding::new(code, Some(CellRef::new(&sheet.name, *row, *col)), "").found(rows.len().to_string()))
}

/// Rows naming IKUs outside every table read on a visible sheet, one of them beside a kegiatan's
/// code: a responsibility matrix whose header kinerja does not know, said at its first row rather
/// than left unread (and unchecked) without a word.
fn matrix_unread(sheet: &Sheet, inside: &impl Fn(u32) -> bool) -> Option<Finding> {
    if sheet.hidden {
        return None;
    }
    let rows: Vec<(u32, Vec<(u32, MatrixCell)>)> = (sheet.rows().filter(|r| !inside(*r)))
        .map(|row| (row, matrix_cells(sheet, row)))
        .filter(|(_, cells)| cells.iter().any(|(_, m)| *m == MatrixCell::Iku))
        .collect();
    let linked = rows.iter().any(|(_, cells)| cells.iter().any(|(_, m)| *m == MatrixCell::Kegiatan));
    let [(row, cells), _, ..] = rows.as_slice() else { return None };
    let at = CellRef::new(&sheet.name, *row, cells[0].0);
    linked.then(|| Finding::new(Code::MatrixUnread, Some(at), "").found(rows.len().to_string()))
}

/// Everything read from the plan's sheets.
#[derive(Default)]
struct Parts {
    plan: Plan,
    /// The year's goals and indicators by the source that prints them.
    goals: Vec<(Source, GoalRow)>,
    /// (IKU, goal, perspective) where a tree table places an indicator.
    placed: Vec<(String, String, Option<String>)>,
    indicators: Vec<(Source, IndicatorRow)>,
    findings: Vec<Finding>,
}

/// Read a plan workbook.
pub fn read(sheets: &[Sheet], units: &UnitRegistry, overrides: &Overrides) -> (Report, Vec<Finding>) {
    let found: Vec<(usize, Found, (u32, u32))> =
        sheets.iter().enumerate().flat_map(|(i, s)| tables(s).into_iter().map(move |(f, rows)| (i, f, rows))).collect();
    let found_ref = &found;
    let titles = sheets.iter().enumerate().filter(|(_, s)| !s.hidden).flat_map(move |(i, sheet)| {
        let inside = move |r: u32| found_ref.iter().any(|(s, f, rows)| *s == i && r >= f.header.0 && r <= rows.1);
        // Up to the block the plan is signed with: the date it was signed names no year of it.
        let outside = sheet.rows().filter(move |r| !inside(*r)).take_while(move |r| !signs(sheet, *r));
        std::iter::once(&*sheet.name).chain(outside.flat_map(move |r| {
            sheet.texts_in_row(r).filter(move |(c, _)| !identity::listed_unit(sheet, r, *c)).map(|(_, t)| t)
        }))
    });
    let declared = identity::declared(titles, units);
    let year = overrides.year.or(declared.year);
    let mut parts = Parts::default();
    // The tables that read something: one whose every row is passed over (no code found on any)
    // is said as the figures outside the tables are.
    let mut read_tables = Vec::with_capacity(found.len());
    for (index, table, rows) in &found {
        let sheet = &sheets[*index];
        let (before, said) = (parts.plan.read(), parts.findings.len());
        match table.table {
            Table::RenstraRenja => renstra_renja(sheet, table, *rows, year, &mut parts),
            Table::Evaluation => evaluation(sheet, table, *rows, &mut parts),
            Table::Targets(source) => targets(sheet, table, *rows, year, source, &mut parts),
            Table::Budget(source) => budget(sheet, table, *rows, source, &mut parts),
            Table::Matrix => matrix(sheet, table, *rows, &mut parts),
            Table::Spending => spending(sheet, table, *rows, &mut parts),
            Table::Split => split(sheet, table, *rows, units, &mut parts),
            Table::Details => details(sheet, table, *rows, &mut parts),
        }
        if parts.plan.read() > before {
            read_tables.push((*index, table, *rows));
        } else if table_unread(sheet, &|r| r < table.header.0 || r > rows.1, Code::TableUnread).is_some() {
            // A table of which no row reads, its rows of figures enough to be said whole as
            // TABLE_UNREAD below (a Renstra vs Renja with its codes left blank), is not said row
            // by row as well.
            let rows_said = parts.findings.split_off(said);
            parts.findings.extend(rows_said.into_iter().filter(|f| f.code != Code::RowUnread));
        }
    }
    // A Renja that prints the year's targets only in its evaluation (TARGET <year>): they are the
    // Renja's (PLANS.md §2: the evaluation's target for the plan's year restates the Renja's).
    if let Some(year) = year
        && !parts.plan.targets.iter().any(|t| t.source == Source::Renja && t.year == year)
    {
        let evaluated = parts.plan.history.iter().filter(|h| h.year == year && h.target != Value::Missing);
        let targets: Vec<PlanTarget> = evaluated
            .filter(|h| !h.code.is_empty())
            .filter_map(|h| {
                Some(PlanTarget {
                    code: h.code.clone(),
                    name: h.name.clone(),
                    goal: None,
                    perspective: None,
                    satuan: measure_by_name(&h.name).label(),
                    year,
                    source: Source::Renja,
                    value: h.target.clone(),
                    justification: None,
                    at: h.target_at.clone()?,
                })
            })
            .collect();
        parts.plan.targets.extend(targets);
    }
    // A target table without goals (the Renstra's) takes each indicator's goal and perspective
    // from a table that has them (the PK's, the evaluation's tree).
    let mut placed = std::mem::take(&mut parts.placed);
    placed.extend(
        parts.plan.targets.iter().filter_map(|t| Some((t.code.clone(), t.goal.clone()?, t.perspective.clone()))),
    );
    for target in parts.plan.targets.iter_mut().filter(|t| t.goal.is_none()) {
        if let Some((_, goal, perspective)) = placed.iter().find(|(code, ..)| *code == target.code) {
            target.goal = Some(goal.clone());
            target.perspective = perspective.clone();
        }
    }
    // Without a table of the year's targets, the Renja's targets of the Renstra table are the set.
    if parts.indicators.is_empty() {
        let renja = parts.plan.targets.iter().filter(|t| t.source == Source::Renja && Some(t.year) == year);
        parts.indicators = renja.map(|t| (Source::Renja, indicator_of(t, false, t.at.clone()))).collect();
    }
    let mut findings = std::mem::take(&mut parts.findings);
    findings.extend(unread(sheets, &parts.plan, year));
    if parts.plan.is_empty() {
        findings.push(Finding::new(Code::PlanEmpty, None, ""));
    } else {
        findings.extend(sheets.iter().enumerate().flat_map(|(i, sheet)| {
            let inside = |r: u32| read_tables.iter().any(|(s, f, rows)| *s == i && r >= f.header.0 && r <= rows.1);
            let figures = budget_unread(sheet, &inside).or_else(|| table_unread(sheet, &inside, Code::TableUnread));
            figures.into_iter().chain(matrix_unread(sheet, &inside))
        }));
    }
    if let (Some(given), Some(said)) = (overrides.year, declared.year)
        && given != said
    {
        findings.push(Finding::new(Code::YearMismatch, None, "").found(said.to_string()).expected(given.to_string()));
    }
    let given = overrides.unit.as_ref().map(|u| u.to_uppercase());
    findings.extend(super::unit_findings(given.as_deref(), &declared, |_| None));
    let identity = Identity { unit: given.or(declared.unit), year, period: Some(Period::Year) };
    for (missing, code) in [(identity.unit.is_none(), Code::UnitUnknown), (identity.year.is_none(), Code::YearUnknown)]
    {
        if missing {
            findings.push(Finding::new(code, None, ""));
        }
    }
    // The year's indicators: the PK's where the plan prints it, else the Renja's.
    let binding = if parts.indicators.iter().any(|(s, _)| *s == Source::Pk) { Source::Pk } else { Source::Renja };
    let indicators = parts.indicators.into_iter().filter(|(s, _)| *s == binding).map(|(_, i)| i).collect();
    let goals = parts.goals.into_iter().filter(|(s, _)| *s == binding).map(|(_, g)| g).collect();
    let report = Report { plan: Some(Box::new(parts.plan)), ..Report::tree(identity, Kind::Plan, goals, indicators) };
    (report, findings)
}

/// An indicator of the year's set from its target, its row at `at`.
fn indicator_of(target: &PlanTarget, provisional: bool, at: CellRef) -> IndicatorRow {
    IndicatorRow {
        code: target.code.clone(),
        name: target.name.clone(),
        goal: target.goal.clone().unwrap_or_default(),
        measure: Measure::from_label(target.satuan),
        polarity: Polarity::Higher,
        target: Reading { value: target.value.clone(), provisional, at: Some(target.at.clone()) },
        realisasi: Reading::missing(),
        capaian: None,
        note: None,
        at,
    }
}

/// The IKU read last in a table (row, code) and the words going on its name below it.
#[derive(Default)]
struct Names {
    last: Option<(u32, String)>,
    going_on: Vec<(String, String)>,
}

impl Names {
    fn read(&mut self, row: u32, code: &str) {
        self.last = Some((row, code.to_string()));
    }

    /// Whether `row` only goes on with the name of the IKU right above it (a name typed line by
    /// line): words under the name column (and the goals' beside them) alone, no code, number
    /// or figure. Words with a capital first go on only where codes stand in a column of their
    /// own, said as NAME_CONTINUED.
    fn continues(&mut self, sheet: &Sheet, table: &Found, row: u32, findings: &mut Vec<Finding>) -> bool {
        let c = &table.columns;
        let (Some((above, code)), Some(name_col)) = (&self.last, c.name) else { return false };
        let Some(words) = sheet.text(row, name_col).filter(|_| *above + 1 == row) else { return false };
        let names: Vec<u32> = [c.name, c.goal_name].into_iter().flatten().collect();
        let alone = sheet.blank_outside(row, &names);
        if !alone || marked(words) || iku_code(words, false).is_some() || !goes_on(words) && c.code.is_none() {
            return false;
        }
        findings.extend(said_going_on(code, words, CellRef::new(&sheet.name, row, name_col)));
        self.going_on.push((code.clone(), words.to_string()));
        self.last = Some((row, code.clone()));
        true
    }

    /// Each name going on, in the targets, history rows and indicators read since `from`.
    fn join(self, (targets, history, indicators): (usize, usize, usize), parts: &mut Parts) {
        for (code, words) in &self.going_on {
            let names = parts.plan.targets[targets..].iter_mut().filter(|t| t.code == *code).map(|t| &mut t.name);
            let names =
                names.chain(parts.plan.history[history..].iter_mut().filter(|h| h.code == *code).map(|h| &mut h.name));
            let names = names.chain(
                parts.indicators[indicators..].iter_mut().filter(|(_, i)| i.code == *code).map(|(_, i)| &mut i.name),
            );
            names.for_each(|name| go_on(name, words));
        }
    }
}

/// How many targets, history rows and indicators a plan's parts hold so far.
fn counts(parts: &Parts) -> (usize, usize, usize) {
    (parts.plan.targets.len(), parts.plan.history.len(), parts.indicators.len())
}

/// The rows of a table's body that hold something.
fn body(sheet: &Sheet, (first, last): (u32, u32)) -> impl Iterator<Item = u32> + '_ {
    sheet.rows().filter(move |r| *r >= first && *r <= last)
}

/// An indicator's row with a name and a figure under one of `cols` but no code read (its code
/// cell left blank or its column deleted, a code typed otherwise): ROW_UNREAD at the first
/// figure, quoting the name, rather than its targets left out without a word. A row summing up
/// the rows above (`Jumlah`) is none.
fn uncoded(sheet: &Sheet, row: u32, name: &str, cols: impl IntoIterator<Item = u32>) -> Option<Finding> {
    let named = !name.is_empty() && !bare_summary(name);
    let col = cols.into_iter().find(|col| !sheet.is_blank(row, *col)).filter(|_| named)?;
    let at = CellRef::new(&sheet.name, row, col);
    Some(Finding::new(Code::RowUnread, Some(at), (row + 1).to_string()).found(crate::model::text::one_line(name, 80)))
}

fn renstra_renja(sheet: &Sheet, table: &Found, rows: (u32, u32), year: Option<u16>, parts: &mut Parts) {
    let c = &table.columns;
    parts.findings.extend(figures_unheaded(sheet, table, rows));
    let Some(year) = c.target_year.or(year) else { return };
    let (mut names, from) = (Names::default(), counts(parts));
    for row in body(sheet, rows) {
        if repeats(sheet, table, row) || names.continues(sheet, table, row, &mut parts.findings) {
            continue;
        }
        let code_text = text_of(sheet, row, c.code);
        let name_text = text_of(sheet, row, c.name);
        let Some((code, rest)) = iku_code(&code_text, true).or_else(|| iku_code(&name_text, false)) else {
            let figures = [c.renstra, c.renja].into_iter().flatten().chain(c.years.iter().map(|(col, ..)| *col));
            parts.findings.extend(uncoded(sheet, row, &name_text, figures));
            continue;
        };
        let name = if name_text.is_empty() { rest } else { iku_code(&name_text, false).map_or(name_text, |(_, n)| n) };
        names.read(row, &code);
        let reason = c.reason.map(|col| text_of(sheet, printed_row(sheet, row, col), Some(col)));
        let reason = reason.filter(|r| !r.trim().is_empty() && r.trim() != "-");
        let measure = measure_by_name(&name);
        for (source, col) in [(Source::Renstra, c.renstra), (Source::Renja, c.renja)] {
            let Some(col) = col else { continue };
            parts.plan.targets.push(PlanTarget {
                code: code.clone(),
                name: name.clone(),
                goal: None,
                perspective: None,
                satuan: measure.label(),
                year,
                source,
                value: target_of(sheet, row, col, measure.counts_whole_things()),
                justification: if source == Source::Renja { reason.clone() } else { None },
                at: CellRef::new(&sheet.name, row, col),
            });
        }
        for &(col, y, _) in &c.years {
            parts.plan.history.push(HistoryRow {
                code: code.clone(),
                name: name.clone(),
                year: y,
                target: Value::Missing,
                realisasi: value_of(sheet, row, col, measure.counts_whole_things()),
                at: CellRef::new(&sheet.name, row, col),
                target_at: None,
                measure,
            });
        }
    }
    names.join(from, parts);
}

/// What an indicator measures by its name alone (a plan's tables print no satuan column).
fn measure_by_name(name: &str) -> Measure {
    measure_of(None, name, &cell::read(&Data::Empty))
}

/// The perspective and goal the rows of a tree table stand under.
#[derive(Default)]
struct Place {
    perspective: Option<String>,
    goal: Option<String>,
    /// Whether the table prints perspective rows, and one since the last goal opened.
    perspective_rows: bool,
    perspective_since_goal: bool,
}

impl Place {
    /// A perspective row (its name and nothing else): remembered; whether the row was one.
    fn perspective_row(&mut self, sheet: &Sheet, row: u32) -> bool {
        let texts: Vec<(u32, &str)> = sheet.texts_in_row(row).collect();
        let [(_, text)] = texts.as_slice() else { return false };
        let Some(name) = perspective_name(text, false) else { return false };
        self.perspective = Some(name);
        self.perspective_rows = true;
        self.perspective_since_goal = true;
        true
    }

    /// A goal code (`SS.n`; a central unit's `SP.n`, `SK.n`) printed at `at` with its name:
    /// remembered, and recorded for `source` the first time; whether `code` was one. A goal
    /// opened below a blank row, where the table prints perspective rows and none since the goal
    /// above, may stand in another perspective than the one it takes: PERSPECTIVE_BLANK.
    fn goal(&mut self, sheet: &Sheet, code: &str, name: &str, at: CellRef, source: Source, parts: &mut Parts) -> bool {
        let Some((code, _)) = prefixed_code(code, &GOAL_PREFIXES) else {
            return false;
        };
        let opens = self.goal.as_ref() != Some(&code);
        let blank_above = at.row > 0 && sheet.row_is_blank(at.row - 1, 0, u32::MAX);
        if opens && self.perspective_rows && !self.perspective_since_goal && blank_above {
            let perspective = self.perspective.clone().unwrap_or_default();
            let blank = CellRef::new(&sheet.name, at.row - 1, 0);
            parts.findings.push(Finding::new(Code::PerspectiveBlank, Some(blank), &code).found(perspective));
        }
        self.perspective_since_goal &= !opens;
        if !parts.goals.iter().any(|(s, g)| *s == source && g.code == code) {
            let perspective = self.perspective.clone().unwrap_or_default();
            let goal = GoalRow { code: code.clone(), name: name.trim().into(), perspective, nss: None, at };
            parts.goals.push((source, goal));
        }
        self.goal = Some(code);
        true
    }

    /// A goal's name printed with its code cell blank, in a column that codes other goals:
    /// coded by its place after the goal above (`SS.2` after `SS.1`), which may be wrong, and
    /// said as CODE_BLANK at the cell; never its indicators left under the goal above without a
    /// word. None where the name is the goal above's (printed again beside its indicators).
    fn code_by_place(&self, name: &str, at: CellRef, source: Source, parts: &mut Parts) -> Option<String> {
        let above =
            self.goal.as_ref().and_then(|code| parts.goals.iter().find(|(s, g)| *s == source && g.code == *code));
        if above.is_some_and(|(_, g)| normalise(&g.name) == normalise(name)) {
            return None;
        }
        let code = next_code(above.map_or("SS.0", |(_, goal)| &goal.code))?;
        parts.findings.push(Finding::new(Code::CodeBlank, Some(at), "").found(&code));
        Some(code)
    }

    /// Where an indicator stands, for the tables that print it without its tree.
    fn place(&self, code: &str, parts: &mut Parts) {
        if let Some(goal) = &self.goal {
            parts.placed.push((code.to_string(), goal.clone(), self.perspective.clone()));
        }
    }
}

/// The indicator a table without code or name column is about, named on one of the few lines
/// above its header: 002's evaluation prints one table per IKU under `1. IKU 1. Persentase …`
/// and its caption. The code and the name.
fn named_above(sheet: &Sheet, header: u32) -> Option<(String, String)> {
    (header.saturating_sub(3)..header).rev().find_map(|row| {
        sheet.texts_in_row(row).find_map(|(_, text)| {
            // The list's own numbering first: "1. IKU 1. …".
            let text = text.trim();
            let unnumbered = leading_number(text).map_or(text, |(_, rest)| rest);
            let (code, name) = prefixed_code(unnumbered, &INDICATOR_PREFIXES)?;
            Some((code, name.trim().to_string()))
        })
    })
}

fn evaluation(sheet: &Sheet, table: &Found, rows: (u32, u32), parts: &mut Parts) {
    let c = &table.columns;
    parts.findings.extend(figures_unheaded(sheet, table, rows));
    let name_col = c.name.or(c.code);
    let named = if name_col.is_none() { named_above(sheet, table.header.0) } else { None };
    // A row of figures: values under two of the year columns or more (the label and caption of
    // the next table below hold one cell each).
    let figures = |row: u32| c.years.iter().filter(|(col, ..)| *sheet.get(row, *col) != Data::Empty).count() >= 2;
    let mut place = Place::default();
    let mut last_code: Option<String> = None;
    let (mut names, from) = (Names::default(), counts(parts));
    for row in body(sheet, rows) {
        if repeats(sheet, table, row)
            || place.perspective_row(sheet, row)
            || names.continues(sheet, table, row, &mut parts.findings)
        {
            continue;
        }
        let (code_text, name_text) = match &named {
            Some((code, name)) if figures(row) => (code.clone(), name.clone()),
            _ => (text_of(sheet, row, c.code.filter(|col| Some(*col) != c.name)), text_of(sheet, row, name_col)),
        };
        let at = CellRef::new(&sheet.name, row, c.code.unwrap_or(0));
        // A goal's row with its code left blank: a name, no figure, indicators below it; not
        // words going on with the name above (a name typed line by line).
        let code_text = match c.code.filter(|col| Some(*col) != c.name) {
            Some(col)
                if code_text.is_empty()
                    && !name_text.is_empty()
                    && !goes_on(&name_text)
                    && c.years.iter().all(|(y, ..)| sheet.is_blank(row, *y))
                    && indicator_below(sheet, (row, rows.1), col)
                    && codes_goals(sheet, rows, col) =>
            {
                place.code_by_place(&name_text, at.clone(), Source::Renja, parts).unwrap_or_default()
            }
            _ => code_text,
        };
        if place.goal(sheet, &code_text, &name_text, at, Source::Renja, parts) {
            continue;
        }
        // Rows are known by their IKU code where one is printed, else by name.
        let code = iku_code(&code_text, false)
            .or_else(|| iku_code(&name_text, false))
            .or_else(|| c.code.is_none().then(|| iku_code(&name_text, true)).flatten());
        // The name beside the code (`IKU 1.` | `Persentase …`), or after it in one cell.
        let name = match &code {
            Some((_, rest)) if !rest.trim().is_empty() => rest.trim().to_string(),
            _ => iku_code(&name_text, false).map_or(name_text.clone(), |(_, rest)| rest).trim().to_string(),
        };
        let code = code.map(|(code, _)| code).unwrap_or_default();
        // A row known by name alone with no figure (a goal's, a caption) or summing up the rows
        // above (`Rata-rata`) is no indicator's.
        let blank = c.years.iter().all(|(col, ..)| *sheet.get(row, *col) == Data::Empty);
        if code.is_empty() && (name.is_empty() || blank || bare_summary(&name)) {
            continue;
        }
        // An IKU's row with its code left blank in a column coding the others: the code after
        // the IKU above (CODE_BLANK: it may be wrong), never its history kept apart by name.
        let code = match c.code.filter(|col| Some(*col) != c.name) {
            Some(col) if code.is_empty() && codes_indicators(sheet, rows, col) => {
                let code = next_code(last_code.as_deref().unwrap_or("IKU.0")).unwrap_or_default();
                let at = CellRef::new(&sheet.name, row, col);
                parts.findings.push(Finding::new(Code::CodeBlank, Some(at), "").found(&code));
                code
            }
            _ => code,
        };
        if !code.is_empty() {
            place.place(&code, parts);
            last_code = Some(code.clone());
            names.read(row, &code);
        }
        let measure = measure_by_name(&name_text);
        let years: std::collections::BTreeSet<u16> = c.years.iter().map(|(_, y, _)| *y).collect();
        for y in years {
            let col = |realisasi: bool| c.years.iter().find(|(_, cy, r)| *cy == y && *r == realisasi).map(|(c, ..)| *c);
            let whole = measure.counts_whole_things();
            let at = col(true).or(col(false)).expect("a year of the header has a column");
            parts.plan.history.push(HistoryRow {
                code: code.clone(),
                name: name.clone(),
                year: y,
                target: col(false).map_or(Value::Missing, |col| target_of(sheet, row, col, whole)),
                realisasi: col(true).map_or(Value::Missing, |col| value_of(sheet, row, col, whole)),
                at: CellRef::new(&sheet.name, row, at),
                target_at: col(false).map(|col| CellRef::new(&sheet.name, row, col)),
                measure,
            });
        }
        let key = if code.is_empty() { &name } else { &code };
        for &(col, year) in &c.capaian {
            let at = CellRef::new(&sheet.name, row, col);
            parts.plan.capaian.push(PrintedCapaian {
                key: key.clone(),
                year,
                value: value_in(sheet.get(row, col), false),
                at,
            });
        }
    }
    names.join(from, parts);
}

/// Each column of an evaluation's or a Renstra vs Renja table's years and targets whose header
/// is left blank (`TARGET` over (blank) | 2021 | …, `TARGET 2024` over RENSTRA | (blank), a last
/// realisasi year right of the others) yet holds figures: its targets or realisasi are not
/// read, and said at its header cell as COLUMN_UNHEADED rather than dropped.
fn figures_unheaded(sheet: &Sheet, table: &Found, rows: (u32, u32)) -> Vec<Finding> {
    let c = &table.columns;
    let cols = c.years.iter().map(|(col, ..)| *col).chain(c.renstra).chain(c.renja);
    let (Some(first), Some(last)) = (cols.clone().min(), cols.max()) else { return Vec::new() };
    let known = |col: &u32| {
        c.years.iter().any(|(y, ..)| y == col)
            || c.capaian.iter().any(|(y, _)| y == col)
            || [c.renstra, c.renja, c.reason].contains(&Some(*col))
    };
    let figures = |col: u32| body(sheet, rows).filter(|row| cell::read(sheet.get(*row, col)).kind.is_number()).count();
    let unheaded = |col: &u32| sheet.heading_is_blank(*col, table.header);
    // From the TARGET or REALISASI heading the years stand under, to the last column of figures
    // right of the last year with nothing above it.
    let grouped = |t: &str| ["target", "realisasi"].iter().any(|w| words(t).starts_with(&format!(" {w} ")));
    let group = sheet.texts_in_row(table.header.0).filter(|(_, t)| grouped(t)).map(|(col, _)| col).min();
    let right = (last + 1..).take_while(|col| !known(col) && unheaded(col) && figures(*col) > 0).last();
    (group.map_or(first, |g| g.min(first))..=right.unwrap_or(last))
        .filter(|col| !known(col) && sheet.is_blank(table.header.1, *col))
        .map(|col| (col, figures(col)))
        .filter(|(_, count)| *count > 0)
        .map(|(col, count)| {
            let at = CellRef::new(&sheet.name, table.header.1, col);
            Finding::new(Code::ColumnUnheaded, Some(at), "").found(count.to_string())
        })
        .collect()
}

fn targets(sheet: &Sheet, table: &Found, rows: (u32, u32), year: Option<u16>, source: Source, parts: &mut Parts) {
    let c = &table.columns;
    let Some(year) = c.target_year.or(year) else { return };
    let mut place = Place::default();
    // The indicators read before the table's first goal.
    let mut unplaced = Vec::new();
    let (mut names, from) = (Names::default(), counts(parts));
    for row in body(sheet, rows) {
        let code_text = text_of(sheet, row, c.code);
        let name_text = text_of(sheet, row, c.name);
        if repeats(sheet, table, row)
            || code_text.is_empty() && place.perspective_row(sheet, row)
            || names.continues(sheet, table, row, &mut parts.findings)
        {
            continue;
        }
        // The goal's code and name on its first indicator's row, filled down (a number in a No.
        // column is the goal's); or a goal's row in the label column.
        let at = CellRef::new(&sheet.name, row, c.goal_code.unwrap_or(0));
        let goal_code = goal_code_at(sheet, row, c.goal_code);
        let goal_name = text_of(sheet, row, c.goal_name);
        let goal_code = match c.goal_code {
            Some(col)
                if goal_code.is_empty()
                    && !goal_name.is_empty()
                    && !goes_on(&goal_name)
                    && codes_goals(sheet, rows, col) =>
            {
                place.code_by_place(&goal_name, at.clone(), source, parts).unwrap_or_default()
            }
            _ => goal_code,
        };
        place.goal(sheet, &goal_code, &goal_name, at, source, parts);
        if c.code.is_none()
            && let Some((_, goal_name)) = prefixed_code(&name_text, &GOAL_PREFIXES)
        {
            let at = CellRef::new(&sheet.name, row, c.name.unwrap_or(0));
            place.goal(sheet, &name_text, goal_name, at, source, parts);
            continue;
        }
        let target_col = c.target.expect("a targets table has a target column");
        let Some((code, rest)) = iku_code(&code_text, true).or_else(|| iku_code(&name_text, false)) else {
            // Left out, a PK's target would have the Renja's stand in for it.
            parts.findings.extend(uncoded(sheet, row, &name_text, [target_col]));
            continue;
        };
        let name = iku_code(&name_text, false).map_or(if name_text.is_empty() { rest } else { name_text }, |(_, n)| n);
        let target_cell = cell::read(sheet.get(row, target_col));
        let measure = measure_of(None, &name, &target_cell);
        let value = target_of(sheet, row, target_col, measure.counts_whole_things());
        let at = CellRef::new(&sheet.name, row, target_col);
        parts.plan.targets.push(PlanTarget {
            code: code.clone(),
            name: name.clone(),
            goal: place.goal.clone(),
            perspective: place.perspective.clone(),
            satuan: measure.label(),
            year,
            source,
            value: value.clone(),
            justification: None,
            at: at.clone(),
        });
        let target = parts.plan.targets.last().expect("pushed above");
        let row_at = CellRef::new(&sheet.name, row, c.code.unwrap_or(0));
        if place.goal.is_none() {
            unplaced.push(Finding::new(Code::IndicatorUnplaced, Some(row_at.clone()), &code));
        }
        parts.indicators.push((source, indicator_of(target, target_cell.provisional, row_at)));
        names.read(row, &code);
    }
    names.join(from, parts);
    // In a table printing goals, an indicator above the first (its goal's row traded below it,
    // or the goal's code unreadable) would stand in the year's tree under no goal.
    if place.goal.is_some() {
        parts.findings.extend(unplaced);
    }
}

/// Whether the next row after `row` holding text, up to `last`, prints an IKU's code in `col`.
fn indicator_below(sheet: &Sheet, (row, last): (u32, u32), col: u32) -> bool {
    let next = sheet.rows().filter(|r| *r > row && *r <= last).find(|r| sheet.texts_in_row(*r).next().is_some());
    next.is_some_and(|r| iku_code(&text_of(sheet, r, Some(col)), false).is_some())
}

/// Whether the column `col` of a table's `rows` codes IKUs (`IKU 1.`).
fn codes_indicators(sheet: &Sheet, rows: (u32, u32), col: u32) -> bool {
    body(sheet, rows).any(|r| iku_code(&text_of(sheet, r, Some(col)), false).is_some())
}

/// Whether the column `col` of a table's `rows` codes goals (`SS.1`, or a number in a No. column).
fn codes_goals(sheet: &Sheet, rows: (u32, u32), col: u32) -> bool {
    body(sheet, rows).any(|r| prefixed_code(&goal_code_at(sheet, r, Some(col)), &GOAL_PREFIXES).is_some())
}

/// The goal's code a targets table prints at `row` (a number in a No. column is the goal's:
/// `SS.n`), or "".
fn goal_code_at(sheet: &Sheet, row: u32, col: Option<u32>) -> String {
    let code = text_of(sheet, row, col);
    if code.bytes().all(|b| b.is_ascii_digit()) && !code.is_empty() { format!("SS.{code}") } else { code }
}

/// A budget code as printed: markup and spaces dropped (`<u>3663.ADE</u>` → `3663.ADE`), letters
/// upper-case; empty where the cell holds no letter or digit.
fn budget_code(text: &str) -> String {
    let code: String = without_markup(text).chars().filter(|c| !c.is_whitespace()).collect();
    if code.chars().any(char::is_alphanumeric) { Level::code_case(&code) } else { String::new() }
}

/// Whether a cell of the code column is meant as a code (digits, with dots or dashes, no words).
fn looks_like_code(code: &str) -> bool {
    code.len() <= 20
        && code.bytes().any(|b| b.is_ascii_digit())
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'/')
}

fn budget(sheet: &Sheet, table: &Found, rows: (u32, u32), source: Source, parts: &mut Parts) {
    let c = &table.columns;
    let header_cell: Arc<str> = CellRef::new(&sheet.name, table.header.1, c.code.unwrap_or(0)).to_string().into();
    let amount_col = c.amount.expect("a budget table has an amount column");
    let scale = scale_of(sheet, table, sheet.text(table.header.1, amount_col).unwrap_or_default());
    let end = header_end(sheet, table.header, amount_col);
    let mut levels = Levels::default();
    // The lines of this table printing no amount: index in the plan's budget, what the cell holds.
    let mut unpriced: Vec<(usize, String)> = Vec::new();
    // The total rows: how many of the plan's lines stand above each.
    let mut totals: Vec<(usize, PlanTotal)> = Vec::new();
    let first_line = parts.plan.budget.len();
    for row in body(sheet, rows) {
        if repeats(sheet, table, row) {
            continue;
        }
        let code_cell = CellRef::new(&sheet.name, row, c.code.unwrap_or(0));
        let code = budget_code(&text_of(sheet, row, c.code));
        let name = text_of(sheet, row, c.name);
        if sheet.texts_in_row(row).any(|(_, t)| is_total(t)) && Level::of_code(&code).is_none() {
            if let Held::Amount(value, col) =
                amount_from(sheet, (row, amount_col, end), ("Jumlah pagu", true), &mut parts.findings)
            {
                let (value, at) = (rupiah_at(sheet, (row, col), value, scale), CellRef::new(&sheet.name, row, col));
                totals.push((parts.plan.budget.len(), PlanTotal { table: header_cell.clone(), source, value, at }));
            }
            continue;
        }
        if code.is_empty() {
            // A line's amount with its code left blank: no level, no place in the sums; said,
            // never dropped without a word.
            let priced =
                sheet.cells_in_row(row).any(|(c, data)| (amount_col..end).contains(&c) && amount_of(data).is_some());
            if priced {
                let said = Finding::new(Code::BudgetRowUnread, Some(code_cell), (row + 1).to_string());
                parts.findings.push(said.found(crate::model::text::or_empty(&name)));
            }
            continue;
        }
        let Some(level) = Level::of_code(&code) else {
            if looks_like_code(&code) {
                parts.findings.push(
                    Finding::new(Code::RoCode, Some(code_cell), &code).found(&code).expected(
                        "bentuk kode yang sah: program 088.WA, kegiatan 4842, KRO 3663.ADE, RO EBC.954, komponen EBB.951.055",
                    ),
                );
            }
            continue;
        };
        let parent = levels.place(level, code.clone());
        if let Some(parent) = &parent
            && let Some(why) = misplaced(level, &code, parent)
        {
            parts.findings.push(Finding::new(Code::RoCode, Some(code_cell.clone()), &code).found(&code).expected(why));
        }
        let amount =
            match amount_from(sheet, (row, amount_col, end), (&format!("Pagu {code}"), false), &mut parts.findings) {
                Held::Amount(amount, col) => Some((amount, col)),
                Held::Nothing(held) => {
                    unpriced.push((parts.plan.budget.len(), held));
                    None
                }
                Held::Reported => None,
            };
        let (volume, satuan) = c.volume.map_or((None, None), |col| {
            unreadable_amount(sheet, (row, col), (&format!("Volume {code}"), false), &mut parts.findings);
            volume_of(sheet, row, col)
        });
        let satuan = satuan.or_else(|| Some(text_of(sheet, row, c.satuan)).filter(|s| !s.is_empty()));
        parts.plan.budget.push(PlanLine {
            level,
            code: code.clone(),
            name: name.trim().to_string(),
            volume,
            satuan,
            pagu: amount.map(|(a, col)| rupiah_at(sheet, (row, col), a, scale)),
            parent,
            source,
            table: header_cell.clone(),
            at: code_cell,
            pagu_at: amount.map(|(_, col)| CellRef::new(&sheet.name, row, col)),
        });
    }
    // A total row before the table's last closes a group (kegiatan 4842's ROs, then `Jumlah`,
    // then kegiatan 4843): its amount is the group's line, whose heading printed none over the
    // lines below it — the nearest such line above not yet closed. Where the group's first
    // line printed it, the row restates that heading, one row too many where the amount is the
    // heading's. Otherwise it stays a total.
    let (count, lines) = (totals.len(), parts.plan.budget.len());
    let mut group_from = first_line;
    for (n, (above, total)) in totals.into_iter().enumerate() {
        if n + 1 == count && above == lines {
            parts.plan.totals.push(total);
            continue;
        }
        match unpriced.iter().rposition(|(index, _)| index + 1 < above).map(|h| unpriced.remove(h).0) {
            Some(index) => {
                let line = &mut parts.plan.budget[index];
                (line.pagu, line.pagu_at) = (Some(total.value), Some(total.at));
            }
            None if group_from + 1 < above && parts.plan.budget[group_from].pagu == Some(total.value) => {}
            None => parts.plan.totals.push(total),
        }
        group_from = above;
    }
    // A line printing no amount (blank or words) is what the lines beneath it add up to
    // (children first: they stand below it); one with none beneath it leaves every sum above it
    // unchecked.
    let mut unread = Vec::new();
    for (index, held) in unpriced.into_iter().rev() {
        let line = &parts.plan.budget[index];
        let children: Vec<Option<Decimal>> = parts.plan.beneath(line).map(|l| l.pagu).collect();
        if children.is_empty() {
            let at = CellRef::new(&line.at.sheet, line.at.row, amount_col);
            unread.push(Finding::new(Code::PaguUnread, Some(at), line.subject()).found(held));
        } else {
            parts.plan.budget[index].pagu = checked_sum(children);
        }
    }
    parts.findings.extend(unread.into_iter().rev());
}

/// Why a code does not belong under its parent: an RO's letters are its KRO's, a komponen
/// starts with its RO.
fn misplaced(level: Level, code: &str, parent: &str) -> Option<String> {
    match (level, Level::of_code(parent)) {
        (Level::Ro, Some(Level::Kro)) => {
            let kro = parent.split('.').nth(1).unwrap_or_default();
            (!code.starts_with(kro)).then(|| format!("huruf RO sama dengan KRO {parent} di atasnya"))
        }
        (Level::Komponen, Some(Level::Ro)) => {
            (!code.starts_with(&format!("{parent}."))).then(|| format!("komponen diawali kode RO {parent} di atasnya"))
        }
        _ => None,
    }
}

/// The budget by jenis belanja's parts as kinerja names them, whatever words head them
/// (`PEGAWAI`, `BEL. PEGAWAI (51)`; `OPS`; `NON-OPS`, `NONOPERASIONAL`).
const SPENDING_PARTS: [&str; 3] = ["Belanja Pegawai", "Belanja Barang Operasional", "Belanja Barang Non Operasional"];

fn spending_part(w: &str) -> Option<&'static str> {
    let operasional = [" operasional ", " ops "].iter().any(|o| w.contains(o));
    let non = [" non ", " nonoperasional ", " nonops "].iter().any(|n| w.contains(n));
    match (w.contains(" pegawai "), operasional || non, non) {
        (true, false, _) => Some(SPENDING_PARTS[0]),
        (_, true, false) => Some(SPENDING_PARTS[1]),
        (_, _, true) => Some(SPENDING_PARTS[2]),
        _ => None,
    }
}

/// The amounts of the jenis belanja table's first row of figures, each named by its header (the
/// sub-header where there is one, a part by the name kinerja gives it), the `JUMLAH` column its
/// total.
fn spending(sheet: &Sheet, table: &Found, rows: (u32, u32), parts: &mut Parts) {
    let (top, sub) = table.header;
    let label = |col: u32| -> String {
        let over = (0..=col).rev().find_map(|c| sheet.text(top, c).filter(|t| !t.is_empty()));
        let printed = match (over, sheet.text(sub, col).filter(|t| !t.is_empty())) {
            (Some(over), Some(under)) => format!("{over} {under}"),
            (Some(over), None) => over.to_string(),
            (None, under) => under.unwrap_or_default().to_string(),
        };
        spending_part(&words(&printed)).map_or(printed, str::to_string)
    };
    let Some(row) = body(sheet, rows).find(|r| sheet.cells_in_row(*r).any(|(_, d)| amount_of(d).is_some())) else {
        return;
    };
    let table_id: Arc<str> = CellRef::new(&sheet.name, top, 0).to_string().into();
    for (col, data) in sheet.cells_in_row(row) {
        let name = label(col);
        let total = [" jumlah ", " total "].iter().any(|t| words(&name).starts_with(t));
        let Some(amount) = amount_of(data) else {
            unreadable_amount(sheet, (row, col), (&name, total), &mut parts.findings);
            continue;
        };
        let amount = rupiah_at(sheet, (row, col), amount, scale_of(sheet, table, &name));
        let at = CellRef::new(&sheet.name, row, col);
        if total {
            parts.plan.totals.push(PlanTotal { table: table_id.clone(), source: Source::Renja, value: amount, at });
        } else {
            parts.plan.spending.push(Spending { name, amount, at });
        }
    }
}

/// The rincian a detail belongs to by its first words, where they name one (PLANS.md §2: labels
/// printed a row high are put right by the detail's own words).
fn rincian_by_words(detail: &str) -> Option<&'static str> {
    let w = words(detail);
    [(" pemeliharaan ", "Pemeliharaan"), (" perjalanan dinas ", "Perjalanan Dinas")]
        .into_iter()
        .chain([" langganan ", " jasa ", " sewa "].map(|start| (start, "Jasa")))
        .find(|(start, _)| w.starts_with(start))
        .map(|(_, rincian)| rincian)
}

/// Lampiran 2: jenis → rincian → detil with the allocation, labels filled down. The amount is the
/// one cell starting `Rp` (a row may put it a column or two early), the detail the cell before it;
/// a rincian printed in the jenis column is a rincian; a detail whose words name another rincian
/// of the table than the label above it is counted under that one (`SPENDING_CLASS`).
fn details(sheet: &Sheet, table: &Found, rows: (u32, u32), parts: &mut Parts) {
    let c = &table.columns;
    let (Some(jenis_col), Some(rincian_col), Some(amount_col)) = (c.jenis, c.rincian, c.amount) else { return };
    let table_id: Arc<str> = CellRef::new(&sheet.name, table.header.0, 0).to_string().into();
    let scale = scale_of(sheet, table, sheet.text(table.header.1, amount_col).unwrap_or_default());
    let labels: Vec<String> = body(sheet, rows).map(|r| text_of(sheet, r, Some(rincian_col))).collect();
    let (mut jenis, mut rincian) = (String::new(), String::new());
    for row in body(sheet, rows) {
        let texts: Vec<(u32, &str)> = sheet.texts_in_row(row).collect();
        let rupiah = texts.iter().find(|(_, t)| t.trim_start().get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")));
        let amount_cell = rupiah.map(|(c, _)| *c).or_else(|| amount_of(sheet.get(row, amount_col)).map(|_| amount_col));
        let amount =
            amount_cell.and_then(|c| amount_of(sheet.get(row, c)).map(|a| (c, rupiah_at(sheet, (row, c), a, scale))));
        let total = texts.iter().any(|(_, t)| words(t).trim() == "jumlah");
        if amount.is_none() {
            let subject =
                if total { "Jumlah".to_string() } else { text_of(sheet, row, Some(amount_col.saturating_sub(1))) };
            unreadable_amount(sheet, (row, amount_col), (&subject, total), &mut parts.findings);
        }
        if total {
            if let Some((col, value)) = amount {
                let at = CellRef::new(&sheet.name, row, col);
                parts.plan.totals.push(PlanTotal { table: table_id.clone(), source: Source::Renja, value, at });
            }
            continue;
        }
        let detail_col = amount.map(|(c, _)| c.saturating_sub(1));
        let label =
            |col: u32| Some(text_of(sheet, row, Some(col))).filter(|t| !t.is_empty() && Some(col) != detail_col);
        if let Some(first) = label(jenis_col) {
            match words(&first).starts_with(" belanja ") {
                true => (jenis, rincian) = (first, String::new()),
                false => rincian = first,
            }
        }
        if let Some(named) = label(rincian_col) {
            rincian = named;
        }
        let (Some((col, value)), Some(detail_col)) = (amount, detail_col) else { continue };
        let detail = text_of(sheet, row, Some(detail_col));
        let at = CellRef::new(&sheet.name, row, col);
        let mut counted = rincian.clone();
        if let Some(by_words) = rincian_by_words(&detail)
            && !words(&rincian).starts_with(&words(by_words))
            && labels.iter().any(|l| words(l).starts_with(&words(by_words)))
        {
            parts
                .findings
                .push(Finding::new(Code::SpendingClass, Some(at.clone()), &detail).found(&rincian).expected(by_words));
            counted = by_words.to_string();
        }
        parts.plan.details.push(SpendingDetail { jenis: jenis.clone(), rincian: counted, detail, amount: value, at });
    }
}

/// The parts of a target split between units (`BKN PUSAT`, `KANTOR REGIONAL XIII BKN ACEH`) and
/// its total row.
fn split(sheet: &Sheet, table: &Found, rows: (u32, u32), units: &UnitRegistry, parts: &mut Parts) {
    let c = &table.columns;
    let (Some(unit_col), Some(target_col)) = (c.name, c.target) else { return };
    for row in body(sheet, rows) {
        let name = text_of(sheet, row, Some(unit_col));
        let Some(value) = amount_of(sheet.get(row, target_col)) else {
            unreadable_amount(sheet, (row, target_col), (&name, is_total(&name)), &mut parts.findings);
            continue;
        };
        let at = CellRef::new(&sheet.name, row, target_col);
        if is_total(&name) {
            parts.plan.split_total = Some((value, at));
            continue;
        }
        let unit = match units.find_in(&name) {
            Some((unit, _)) => unit.code.clone(),
            None if words(&name).contains(" pusat ") => "BKN".into(),
            None => name.clone(),
        };
        parts.plan.split.push(SplitPart { unit, value, at });
    }
}

fn matrix(sheet: &Sheet, table: &Found, rows: (u32, u32), parts: &mut Parts) {
    let c = &table.columns;
    let (mut unit_kerja, mut program, mut kegiatan) = (String::new(), None, String::new());
    for row in body(sheet, rows) {
        if repeats(sheet, table, row) {
            continue;
        }
        let code_text = text_of(sheet, row, c.code);
        let code = budget_code(&code_text);
        let level = Level::of_code(&code);
        // "Unit Kerja: …" and "Program: …" rows, with no code, name who owns, and where the
        // budget files, the rows below.
        let context = |label: &str| {
            let (_, text) = sheet.texts_in_row(row).find(|(_, t)| words(t).starts_with(&format!(" {label} ")))?;
            Some(text.split_once(':').map_or("", |(_, rest)| rest).trim().to_string())
        };
        if level.is_none()
            && let Some(named) = context("unit kerja")
        {
            unit_kerja = named;
            continue;
        }
        if level.is_none()
            && let Some(named) = context("program")
        {
            program = Some(named).filter(|p| !p.is_empty());
            continue;
        }
        if level == Some(Level::Kegiatan) {
            kegiatan = code;
        }
        let iku = iku_code(&text_of(sheet, row, c.iku), false).map(|(code, _)| code);
        if kegiatan.is_empty() || (iku.is_none() && code_text.is_empty()) {
            continue;
        }
        parts.plan.responsibility.push(Responsibility {
            unit_kerja: unit_kerja.clone(),
            program: program.clone(),
            kegiatan: kegiatan.clone(),
            iku,
            at: CellRef::new(&sheet.name, row, c.iku.unwrap_or(0)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ro_is_under_its_kros_letters_and_a_komponen_under_its_ro() {
        assert_eq!(misplaced(Level::Ro, "EBB.951", "4843.EBB"), None);
        assert!(misplaced(Level::Ro, "EBA.951", "4843.EBB").is_some_and(|why| why.contains("4843.EBB")));
        assert_eq!(misplaced(Level::Komponen, "EBB.951.055", "EBB.951"), None);
        assert!(misplaced(Level::Komponen, "EBB.971.055", "EBB.951").is_some());
        // A Renja prints no KRO: an RO straight under its kegiatan is where it belongs.
        assert_eq!(misplaced(Level::Ro, "EBC.954", "4842"), None);
    }

    /// A PK's table whose goal code cell is left blank beside its name, or whose perspective
    /// row is left blank: the goal's indicators were left under the goal above, or the goal in
    /// the perspective above, without a word.
    #[test]
    fn a_pks_goal_code_or_perspective_row_left_blank_is_said() {
        let text = |row: u32, col: u32, t: &str| (row, col, Data::String(t.into()));
        let mut cells: Vec<(u32, u32, Data)> =
            ["KODE SS", "SASARAN STRATEGIS", "KODE IKU", "INDIKATOR KINERJA", "TARGET"]
                .iter()
                .enumerate()
                .map(|(col, t)| text(0, col as u32, t))
                .collect();
        let rows = [
            (1, ["STAKEHOLDER PERSPECTIVE", "", "", "", ""]),
            (2, ["SS.1", "Terwujudnya instansi profesional", "IKU.1", "Persentase instansi", "100"]),
            (3, ["", "Terwujudnya layanan prima", "IKU.2", "Indeks kepuasan", "95"]),
            (5, ["SS.3", "Terwujudnya kebijakan teknis", "IKU.3", "Persentase regulasi", "100"]),
        ];
        for (row, values) in rows {
            cells.extend(values.iter().enumerate().filter(|(_, t)| !t.is_empty()).map(|(c, t)| text(row, c as u32, t)));
        }
        let sheet = Sheet::new("PK".into(), false, cells);
        let found = header_at(&sheet, 0).expect("a targets table");
        let mut parts = Parts::default();
        targets(&sheet, &found, (1, 5), Some(2024), Source::Pk, &mut parts);
        let goals: Vec<(&str, &str)> =
            parts.goals.iter().map(|(_, g)| (g.code.as_str(), g.perspective.as_str())).collect();
        assert_eq!(goals, [("SS.1", "Stakeholder"), ("SS.2", "Stakeholder"), ("SS.3", "Stakeholder")]);
        let placed: Vec<(&str, Option<&str>)> =
            parts.plan.targets.iter().map(|t| (t.code.as_str(), t.goal.as_deref())).collect();
        assert_eq!(placed, [("IKU.1", Some("SS.1")), ("IKU.2", Some("SS.2")), ("IKU.3", Some("SS.3"))]);
        let said: Vec<(Code, String, &str)> =
            parts.findings.iter().map(|f| (f.code, f.at.as_ref().unwrap().to_string(), f.found.as_str())).collect();
        assert_eq!(
            said,
            [(Code::CodeBlank, "PK!A4".into(), "SS.2"), (Code::PerspectiveBlank, "PK!A5".into(), "Stakeholder")]
        );
    }

    #[test]
    fn a_sheet_named_or_titled_as_the_pk_holds_the_pks_targets() {
        let sheet = |name: &str, title: &str| {
            let cells = vec![(0, 0, Data::String(title.into())), (2, 0, Data::String("KODE IKU".into()))];
            Sheet::new(name.into(), false, cells)
        };
        let source = |name: &str, title: &str| source_of(&sheet(name, title), 2);
        assert_eq!(source("Perjanjian", "Target 2024"), Source::Pk);
        assert_eq!(source("Sheet5", "PENETAPAN KINERJA TAHUN 2024"), Source::Pk);
        assert_eq!(source("Lampiran", "Lampiran: Target PK 2024"), Source::Pk);
        assert_eq!(source("Sheet5", "TARGET KINERJA 2024"), Source::Renja);
    }

    #[test]
    fn amounts_read_whole_in_either_style_with_their_closing_marks() {
        let amounts: Vec<Option<String>> =
            ["Rp 12,603,696,000", "3.500.000.000", "642.639.000,-", "4.142.639.000 ,-", "Rp 13.454.430.000,00", "Rp"]
                .iter()
                .map(|t| amount_of(&Data::String((*t).into())).map(|a| a.normalize().to_string()))
                .collect();
        let whole = |n: &str| Some(n.to_string());
        assert_eq!(
            amounts,
            [
                whole("12603696000"),
                whole("3500000000"),
                whole("642639000"),
                whole("4142639000"),
                whole("13454430000"),
                None
            ]
        );
    }
}
