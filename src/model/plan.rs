//! What a plan workbook says: the Renja (Rencana Kerja) of a unit for a year, with the Renstra's
//! and the PK's targets beside its own, the evaluation of earlier years, the budget by kegiatan,
//! KRO, RO and komponen, and who owns which kegiatan and IKU (PLANS.md).

use super::{CellRef, Language, Measure, Value};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Where a target or an amount is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// The five-year Renstra (its target for the year, as the Renja restates it).
    Renstra,
    /// The Rencana Kerja itself.
    Renja,
    /// The Perjanjian Kinerja, binding: in the plan workbook or its annex.
    Pk,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Renstra => "renstra",
            Source::Renja => "renja",
            Source::Pk => "pk",
        }
    }

    /// The source [`Source::as_str`] names.
    pub fn parse(name: &str) -> Option<Source> {
        [Source::Renstra, Source::Renja, Source::Pk].into_iter().find(|s| s.as_str() == name)
    }

    /// As planners write it.
    pub fn label(self) -> &'static str {
        match self {
            Source::Renstra => "Renstra",
            Source::Renja => "Renja",
            Source::Pk => "PK",
        }
    }
}

/// One IKU's target for one year from one source.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTarget {
    /// `IKU.<n>`.
    pub code: String,
    pub name: String,
    /// `SS.<n>` where the table prints it.
    pub goal: Option<String>,
    pub perspective: Option<String>,
    /// The unit of measure (`%`, `indeks`, …), from the indicator's name or target.
    pub satuan: &'static str,
    pub year: u16,
    pub source: Source,
    /// A number, an opinion (`WTP`), or missing (`-`: not in force).
    pub value: Value,
    /// A printed reason for a Renja target that departs from the Renstra's.
    pub justification: Option<String>,
    pub at: CellRef,
}

/// An earlier year as the plan's evaluation table prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// `IKU.<n>`; empty where the table knows its rows by name only.
    pub code: String,
    pub name: String,
    pub year: u16,
    pub target: Value,
    pub realisasi: Value,
    /// The realisasi's cell (the target's where no realisasi is printed).
    pub at: CellRef,
    /// The target's cell, where the table prints one.
    pub target_at: Option<CellRef>,
    /// What the indicator measures, by its name.
    pub measure: Measure,
}

/// A capaian the evaluation table prints for an earlier year: a claim, held to that year's
/// realisasi over its target.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedCapaian {
    /// What the row is known by ([`HistoryRow::key`]).
    pub key: String,
    pub year: u16,
    pub value: Value,
    pub at: CellRef,
}

/// A level of the budget tree, told by the form of its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Program,
    /// `4842`.
    Kegiatan,
    /// `3663.ADE`.
    Kro,
    /// `EBC.954`.
    Ro,
    /// `EBB.951.055`.
    Komponen,
}

impl Level {
    const ALL: [Level; 5] = [Level::Program, Level::Kegiatan, Level::Kro, Level::Ro, Level::Komponen];

    /// The level [`Level::as_str`] names.
    pub fn parse(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == name)
    }

    /// How many steps in a line of this level stands in a table whose highest level is `top`: a
    /// kegiatan at the margin, or the program over it where the table prints one.
    pub fn indent(self, top: Level) -> usize {
        self as usize - top.min(Level::Kegiatan) as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Program => "program",
            Level::Kegiatan => "kegiatan",
            Level::Kro => "kro",
            Level::Ro => "ro",
            Level::Komponen => "komponen",
        }
    }

    /// As planners write it in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Level::Program => "program",
            Level::Kegiatan => "kegiatan",
            Level::Kro => "KRO",
            Level::Ro => "RO",
            Level::Komponen => "komponen",
        }
    }

    /// A budget code as the DIPA prints it, its letters upper-case (`ebc.954` → `EBC.954`, as a
    /// sheet typed in lower or title case holds it); words (a line known by its name, no digit)
    /// as written.
    pub fn code_case(code: &str) -> String {
        let coded = code.bytes().any(|b| b.is_ascii_digit()) && !code.contains(char::is_whitespace);
        if coded { code.to_uppercase() } else { code.to_string() }
    }

    /// The level of a budget code by its form (PLANS.md §2): `4842`, `3663.ADE`, `EBC.954`,
    /// `EBB.951.055`; a program's, never printed in the plans read, as the DIPA writes it:
    /// `088.WA`, `088.01.WA`.
    pub fn of_code(code: &str) -> Option<Level> {
        let parts: Vec<&str> = code.split('.').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let letters_of = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
        let letters = |s: &str| letters_of(s, 3);
        match parts.as_slice() {
            [k, p] if digits(k, 3) && letters_of(p, 2) => Some(Level::Program),
            [k, u, p] if digits(k, 3) && digits(u, 2) && letters_of(p, 2) => Some(Level::Program),
            [k] if digits(k, 4) => Some(Level::Kegiatan),
            [k, x] if digits(k, 4) && letters(x) => Some(Level::Kro),
            [x, n] if letters(x) && digits(n, 3) => Some(Level::Ro),
            [x, n, m] if letters(x) && digits(n, 3) && digits(m, 3) => Some(Level::Komponen),
            _ => None,
        }
    }
}

/// The lines of a budget table read so far that a later line may stand under, nearest last: a
/// line's parent is the nearest line above of a higher level (kegiatan over KRO over RO over
/// komponen), as the budget tables print them (PLANS.md §2).
#[derive(Debug)]
pub struct Levels<T> {
    open: Vec<(Level, T)>,
}

impl<T> Default for Levels<T> {
    fn default() -> Self {
        Levels { open: Vec::new() }
    }
}

impl<T: Clone> Levels<T> {
    /// The parent of the next line, of `level`, known as `line`; that line is open from now on.
    pub fn place(&mut self, level: Level, line: T) -> Option<T> {
        while self.open.last().is_some_and(|(above, _)| *above >= level) {
            self.open.pop();
        }
        let parent = self.open.last().map(|(_, above)| above.clone());
        self.open.push((level, line));
        parent
    }
}

/// A line of a budget table: kegiatan, KRO, RO or komponen, with its pagu.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    pub level: Level,
    pub code: String,
    pub name: String,
    pub volume: Option<Decimal>,
    pub satuan: Option<String>,
    /// Whole rupiah: as printed, else what the lines beneath it add up to; `None` when neither
    /// gives one.
    pub pagu: Option<Decimal>,
    /// The code of the nearest line above it of a higher level (`None` at the top).
    pub parent: Option<String>,
    pub source: Source,
    /// The table it was read from (`Sheet!A1` of its header): lines of one table add up together.
    pub table: Arc<str>,
    /// The code's cell.
    pub at: CellRef,
    /// The amount's cell.
    pub pagu_at: Option<CellRef>,
}

impl PlanLine {
    /// The line as a finding names it: `RO EBB.951`, `kegiatan 4842`.
    pub fn subject(&self) -> String {
        format!("{} {}", self.level.label(), self.code)
    }
}

/// A program's part of a budget table (PLANS.md §4's derived program totals): the program its
/// kegiatan are configured under (`None` for those no program holds), those kegiatan in the order
/// they come, and their pagu added up (`None` where one has none).
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSum {
    pub name: Option<String>,
    pub kegiatan: Vec<String>,
    pub pagu: Option<Decimal>,
}

impl ProgramSum {
    /// `Program Dukungan Manajemen (4842, 4843)`; `Tanpa program (…)` for kegiatan none holds.
    pub fn label(&self, language: Language) -> String {
        let name = self.name.as_deref().unwrap_or(language.pick("Tanpa program", "No program"));
        format!("{name} ({})", self.kegiatan.join(", "))
    }
}

/// The programs of a table's kegiatan (code, pagu) as `program_of` files them, in the order
/// their first kegiatan comes.
pub fn program_sums<'a>(
    kegiatan: impl IntoIterator<Item = (&'a str, Option<Decimal>)>,
    program_of: impl Fn(&str) -> Option<String>,
) -> Vec<ProgramSum> {
    let mut sums: Vec<ProgramSum> = Vec::new();
    for (code, pagu) in kegiatan {
        let name = program_of(code);
        match sums.iter_mut().find(|s| s.name == name) {
            Some(sum) => {
                sum.kegiatan.push(code.to_string());
                sum.pagu = super::amount::checked_sum([sum.pagu, pagu]);
            }
            None => sums.push(ProgramSum { name, kegiatan: vec![code.to_string()], pagu }),
        }
    }
    sums
}

/// A total row of a budget table.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTotal {
    pub table: Arc<str>,
    pub source: Source,
    pub value: Decimal,
    pub at: CellRef,
}

/// A row of the responsibility matrix: a part of the unit owns a kegiatan and an IKU.
#[derive(Debug, Clone, PartialEq)]
pub struct Responsibility {
    pub unit_kerja: String,
    /// The program a `Program: …` row above files it under, as printed.
    pub program: Option<String>,
    pub kegiatan: String,
    /// `IKU.<n>`; `None` where the row names no indicator.
    pub iku: Option<String>,
    pub at: CellRef,
}

/// A part of the budget by jenis belanja (Belanja Pegawai, Belanja Barang Operasional, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    pub name: String,
    pub amount: Decimal,
    pub at: CellRef,
}

/// A line of the budget's detail by jenis belanja (Lampiran 2): jenis → rincian → detil.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendingDetail {
    /// Belanja Pegawai, Belanja Barang, …
    pub jenis: String,
    /// Gaji dan Tunjangan, Operasional, Pemeliharaan, …
    pub rincian: String,
    pub detail: String,
    pub amount: Decimal,
    /// The amount's cell.
    pub at: CellRef,
}

/// A unit's part of a target split between units.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitPart {
    /// The unit's code (`BKN`, `KR13`), or its name as printed when kinerja does not know it.
    pub unit: String,
    pub value: Decimal,
    pub at: CellRef,
}

/// Everything a plan workbook holds beyond the year's indicator tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub targets: Vec<PlanTarget>,
    pub history: Vec<HistoryRow>,
    pub capaian: Vec<PrintedCapaian>,
    pub budget: Vec<PlanLine>,
    /// Printed totals: of a budget table, or the `JUMLAH` of the budget by jenis belanja.
    pub totals: Vec<PlanTotal>,
    pub responsibility: Vec<Responsibility>,
    pub spending: Vec<Spending>,
    pub details: Vec<SpendingDetail>,
    pub split: Vec<SplitPart>,
    pub split_total: Option<(Decimal, CellRef)>,
    /// Each budget table's programs, as configured (see [`Plan::file_programs`]).
    pub programs: Vec<(Arc<str>, Vec<ProgramSum>)>,
}

impl HistoryRow {
    /// What the row is known by: its code, else its name.
    pub fn key(&self) -> &str {
        if self.code.is_empty() { &self.name } else { &self.code }
    }
}

impl Plan {
    /// Whether nothing of a plan was read: no target, earlier year, budget line, owner, jenis
    /// belanja, detail or split (a printed total alone is no table read).
    pub fn is_empty(&self) -> bool {
        self.read() == 0
    }

    /// How many targets, earlier years, budget lines, owners, jenis belanja, details and split
    /// parts were read: a table that adds none was read as nothing.
    pub fn read(&self) -> usize {
        self.targets.len()
            + self.history.len()
            + self.budget.len()
            + self.responsibility.len()
            + self.spending.len()
            + self.details.len()
            + self.split.len()
    }

    /// Files each budget table's kegiatan under their programs as `program_of` names them.
    pub fn file_programs(&mut self, program_of: impl Fn(&str) -> Option<String>) {
        let mut programs: Vec<(Arc<str>, Vec<ProgramSum>)> = Vec::new();
        for line in &self.budget {
            if !programs.iter().any(|(table, _)| *table == line.table) {
                let of_table = self.budget.iter().filter(|l| l.table == line.table && l.level == Level::Kegiatan);
                programs
                    .push((line.table.clone(), program_sums(of_table.map(|l| (l.code.as_str(), l.pagu)), &program_of)));
            }
        }
        self.programs = programs;
    }

    /// The budget lines of `line`'s table right beneath it.
    pub fn beneath<'p>(&'p self, line: &'p PlanLine) -> impl Iterator<Item = &'p PlanLine> + 'p {
        self.budget.iter().filter(|c| c.table == line.table && c.parent.as_deref() == Some(&line.code))
    }

    /// Each indicator's earlier years once: the target and realisasi of every table that prints
    /// them (the evaluation prints both, the Renstra table restates the realisasi), in the order
    /// first printed.
    pub fn history_by_year(&self) -> Vec<HistoryRow> {
        let mut merged: Vec<HistoryRow> = Vec::new();
        for row in &self.history {
            match merged.iter_mut().find(|m| m.key() == row.key() && m.year == row.year) {
                Some(m) => {
                    if m.target == Value::Missing {
                        m.target = row.target.clone();
                        m.target_at = row.target_at.clone();
                    }
                    if m.realisasi == Value::Missing {
                        m.realisasi = row.realisasi.clone();
                        m.at = row.at.clone();
                    }
                }
                None => merged.push(row.clone()),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_code_tells_its_level_by_its_form() {
        let levels: Vec<Option<Level>> =
            ["4842", "3663.ADE", "EBC.954", "EBB.951.055", "EBB-951", "EB.951", "484", "4843.EB"]
                .into_iter()
                .map(Level::of_code)
                .collect();
        assert_eq!(
            levels,
            [Some(Level::Kegiatan), Some(Level::Kro), Some(Level::Ro), Some(Level::Komponen), None, None, None, None]
        );
    }
}
