//! What a workbook says, as read: the inputs (targets, realisasi, pagu) and, kept apart, the
//! values the unit computed itself (claims), each with the cell it came from.

use super::finding::CellRef;
use super::period::Period;
use rust_decimal::Decimal;

/// A value cell as kinerja understood it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Decimal),
    /// A qualitative value such as an audit opinion (`WTP`).
    Opinion(String),
    /// Marked `N/A` ("Belum Ada Skor"): left out of every mean.
    NotApplicable,
    /// Blank, `-`, or unreadable (the reading produced a finding).
    Missing,
}

impl Value {
    /// The value as messages and text output print it; `missing` stands for a blank cell.
    pub fn shown(&self, missing: &str) -> String {
        match self {
            Value::Number(n) => n.normalize().to_string(),
            Value::Opinion(o) => o.clone(),
            Value::NotApplicable => "N/A".into(),
            Value::Missing => missing.into(),
        }
    }

    /// The number, when the value is one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value as the ledger keeps it: an exact decimal, the opinion, `N/A`, or `None` when blank.
    pub fn stored(&self) -> Option<String> {
        match self {
            Value::Missing => None,
            other => Some(other.shown("")),
        }
    }

    /// A value the ledger kept ([`Value::stored`]).
    pub fn from_stored(text: Option<&str>) -> Value {
        match text {
            None => Value::Missing,
            Some("N/A") => Value::NotApplicable,
            Some(text) => text.parse().map_or_else(|_| Value::Opinion(text.to_string()), Value::Number),
        }
    }

    /// The value in JSON: an exact number, the opinion or `"N/A"` as a string, or `null`.
    pub fn to_json(&self) -> super::amount::JsonScalar {
        match self {
            Value::Number(n) => super::amount::json_exact(*n),
            Value::Missing => super::amount::JsonScalar::Null,
            other => super::amount::JsonScalar::Text(other.shown("")),
        }
    }
}

/// One input cell: its value, whether it is marked provisional, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: Value,
    pub provisional: bool,
    pub at: Option<CellRef>,
}

impl Reading {
    pub fn missing() -> Self {
        Reading { value: Value::Missing, provisional: false, at: None }
    }

    pub fn number(&self) -> Option<Decimal> {
        self.value.number()
    }
}

/// A value the unit computed itself (capaian, NSS, NKP, NPSS, serapan, efisiensi), to verify.
/// `decimals` is how many it printed: the tolerance is one unit of the last of them, in what the
/// column counts in (`unit`: 1, or 1.000 for an amount printed in thousands of rupiah; `value`
/// is already in rupiah).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub value: Decimal,
    pub decimals: u32,
    pub unit: Decimal,
    pub at: CellRef,
}

impl Claim {
    /// Whether `computed` is what the unit printed: within one unit of its last printed decimal
    /// (±0.01 for `100,20`, ±0.1 for `101,2%`, ±1 for `92%`), as units round, truncate, and
    /// compute from their own rounded intermediates.
    /// A difference beyond an exact decimal's range (a hostile workbook's amounts) admits nothing.
    pub fn admits(&self, computed: Decimal) -> bool {
        let tolerance = Decimal::new(1, self.decimals).checked_mul(self.unit);
        let apart = self.value.checked_sub(computed).map(|d| d.abs());
        apart.zip(tolerance).is_some_and(|(apart, tolerance)| apart <= tolerance)
    }

    /// The value with the decimals it was printed with (`98.00` under a format showing two).
    pub fn as_printed(&self) -> String {
        let mut printed = self.value.normalize();
        if printed.scale() < self.decimals {
            printed.rescale(self.decimals);
        }
        printed.to_string()
    }
}

/// How an indicator is measured; it decides how ambiguous numbers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Percent,
    Index,
    Score,
    Count,
    Rupiah,
    Opinion,
    Other,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Percent => "%",
            Measure::Index => "indeks",
            Measure::Score => "nilai",
            Measure::Count => "jumlah",
            Measure::Rupiah => "Rp",
            Measure::Opinion => "opini",
            Measure::Other => "",
        }
    }

    /// The measure a [`Measure::label`] names.
    pub fn from_label(label: &str) -> Measure {
        [Measure::Percent, Measure::Index, Measure::Score, Measure::Count, Measure::Rupiah, Measure::Opinion]
            .into_iter()
            .find(|m| m.label() == label)
            .unwrap_or(Measure::Other)
    }

    /// Whether `1.203` in this measure is more naturally one thousand two hundred three.
    pub fn counts_whole_things(self) -> bool {
        matches!(self, Measure::Count | Measure::Rupiah)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// Capaian = realisasi / target × 100.
    Higher,
    /// Capaian = (2 − realisasi / target) × 100 (PermenPANRB).
    Lower,
}

impl Polarity {
    /// Its name in the ledger and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Higher => "higher",
            Polarity::Lower => "lower",
        }
    }

    /// The polarity an [`Polarity::as_str`] names; higher-is-better for anything else.
    pub fn from_name(name: &str) -> Polarity {
        if name == "lower" { Polarity::Lower } else { Polarity::Higher }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// `IKU.<n>`.
    pub code: String,
    pub name: String,
    /// Code of the goal (`SS.<n>`) it sits under; the goal has the perspective.
    pub goal: String,
    pub measure: Measure,
    pub polarity: Polarity,
    pub target: Reading,
    pub realisasi: Reading,
    pub capaian: Option<Claim>,
    /// Explanation from a keterangan column.
    pub note: Option<String>,
    pub at: CellRef,
}

/// An indicator's target and realisasi as the workbook printed them, before an agreement
/// governs them: what a unit's next version is compared with, and compared by.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub code: String,
    pub target: Reading,
    pub realisasi: Reading,
}

impl Printed {
    pub fn of(row: &IndicatorRow) -> Printed {
        Printed { code: row.code.clone(), target: row.target.clone(), realisasi: row.realisasi.clone() }
    }
}

/// An indicator's target and realisasi values as a version printed them (where is not kept):
/// what the ledger keeps of a version for the next one to be compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub code: String,
    pub target: Value,
    pub realisasi: Value,
}

impl From<&Printed> for Input {
    fn from(printed: &Printed) -> Input {
        Input {
            code: printed.code.clone(),
            target: printed.target.value.clone(),
            realisasi: printed.realisasi.value.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    /// `SS.<n>`.
    pub code: String,
    pub name: String,
    pub perspective: String,
    pub nss: Option<Claim>,
    pub at: CellRef,
}

impl GoalRow {
    /// A goal the table does not print, stood in for by kinerja: named in parentheses, as the
    /// perspective of a goal under none is.
    pub fn stood_in(code: &str, perspective: &str, at: CellRef) -> Self {
        GoalRow { code: code.into(), name: "(tanpa baris SS)".into(), perspective: perspective.into(), nss: None, at }
    }

    /// Whether the table prints this goal: not one kinerja stands in for (named in parentheses).
    pub fn printed(&self) -> bool {
        !self.name.starts_with('(')
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveRow {
    /// Canonical name (Stakeholder, Customer, Internal Process, Learn & Growth) or the label.
    pub name: String,
    /// The perspective score ("Skor SS"); the input itself when a workbook carries no goals.
    pub skor: Option<Claim>,
    pub nkp: Option<Claim>,
    /// The weight printed beside it ("Bobot", in percent).
    pub bobot: Option<Claim>,
    pub at: CellRef,
    /// In a recap, the cell of the score that is the input, read or not: what rests on it is
    /// unknown where it could not be read.
    pub input: Option<CellRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetScope {
    Indicator,
    Goal,
    /// A line of another view of the budget: jenis belanja (`51`, `52`, `53`) or program →
    /// kegiatan → KRO/RO (`088.WA`, `088.WA.4370`, …), nested by code.
    Account,
    Total,
}

impl BudgetScope {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetScope::Indicator => "iku",
            BudgetScope::Goal => "ss",
            BudgetScope::Account => "akun",
            BudgetScope::Total => "total",
        }
    }
}

/// A budget line's amounts as a report said them, to compare with its next version: (scope, code,
/// pagu, realisasi).
pub type BudgetAmounts = (String, String, Option<Decimal>, Option<Decimal>);

/// A budget line: per indicator (columns beside the capaian table), per goal or per account
/// (separate tables), or the total row of such a table.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRow {
    pub scope: BudgetScope,
    pub code: String,
    /// The table it was read from (`Sheet!A1` of its header): rows of one view add up together.
    pub view: std::sync::Arc<str>,
    pub pagu: Reading,
    pub realisasi: Reading,
    pub capaian: Option<Claim>,
    pub serapan: Option<Claim>,
    pub sisa: Option<Claim>,
    pub efisiensi: Option<Claim>,
    pub at: CellRef,
}

/// Realisasi report or agreement (Perjanjian Kinerja: targets only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Realisasi,
    Agreement,
    /// A Rencana Kerja with the Renstra's and the PK's targets beside its own, and its budget.
    Plan,
}

impl Kind {
    /// Its name in the ledger and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Realisasi => "realisasi",
            Kind::Agreement => "agreement",
            Kind::Plan => "plan",
        }
    }

    /// The kind [`Kind::as_str`] names.
    pub fn parse(name: &str) -> Option<Kind> {
        [Kind::Realisasi, Kind::Agreement, Kind::Plan].into_iter().find(|k| k.as_str() == name)
    }

    /// What people call it.
    pub fn label(self, language: crate::model::Language) -> &'static str {
        match (self, language) {
            (Kind::Realisasi, crate::model::Language::Id) => "laporan realisasi",
            (Kind::Realisasi, crate::model::Language::En) => "realisasi report",
            (Kind::Agreement, crate::model::Language::Id) => "perjanjian kinerja",
            (Kind::Agreement, crate::model::Language::En) => "performance agreement",
            (Kind::Plan, crate::model::Language::Id) => "rencana kerja",
            (Kind::Plan, crate::model::Language::En) => "work plan",
        }
    }
}

/// Who reports, for which year and period; `None` where neither the caller nor the workbook
/// could tell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub period: Option<Period>,
}

/// Everything read from one workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub identity: Identity,
    pub kind: Kind,
    pub perspectives: Vec<PerspectiveRow>,
    pub goals: Vec<GoalRow>,
    pub indicators: Vec<IndicatorRow>,
    /// The indicators' targets and realisasi as printed, before an agreement governed them (set
    /// by the review; empty in a report as read).
    pub printed: Vec<Printed>,
    pub budget: Vec<BudgetRow>,
    pub npss: Option<Claim>,
    /// The quarter or semester the target column names (`Target TW III`) in a report of that
    /// period: its targets are the period's (target antara), not the year's the agreement sets.
    pub targets_for: Option<super::Period>,
    /// Tables of categories and their shares (000 Tabel 3.4: Kategori | Jumlah | Persentase).
    pub categories: Vec<CategoryTable>,
    /// A plan's targets by year and source, history, budget and owners; `None` for reports
    /// and agreements.
    pub plan: Option<Box<super::plan::Plan>>,
    /// Where indicators stand that were read by their place alone at the foot of a table whose
    /// rows carry no number or code at all: a summary under a label kinerja does not know would
    /// read as one too, so the review holds their figures to the score of the rows above.
    pub unnumbered_feet: Vec<CellRef>,
}

impl Report {
    /// The cell of goal `code`'s row, where the table prints it: where an indicator of it left out
    /// of the report is said.
    pub fn goal_printed_at(&self, code: &str) -> Option<CellRef> {
        self.goals.iter().find(|g| g.code == code && g.printed()).map(|g| g.at.clone())
    }

    /// A report that is only a tree of goals and indicators with their targets: an agreement as
    /// the ledger keeps it, a plan's binding set.
    pub fn tree(identity: Identity, kind: Kind, goals: Vec<GoalRow>, indicators: Vec<IndicatorRow>) -> Report {
        Report {
            identity,
            kind,
            perspectives: Vec::new(),
            goals,
            indicators,
            printed: Vec::new(),
            budget: Vec::new(),
            npss: None,
            targets_for: None,
            categories: Vec::new(),
            plan: None,
            unnumbered_feet: Vec::new(),
        }
    }

    /// A recap (000 L2080): no goal to score, so its perspectives' printed scores are the inputs.
    pub fn is_recap(&self) -> bool {
        self.goals.is_empty()
    }
}

/// Counts by category and the share of each, with the total row the unit printed: the counts
/// add up to the total, each share is its count over the total, and the shares add up to 100.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryTable {
    /// The table's header cell, naming it in findings.
    pub at: CellRef,
    pub rows: Vec<CategoryRow>,
    pub total: Option<CategoryRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub label: String,
    pub count: Reading,
    pub share: Option<Claim>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn claim(value: Decimal, decimals: u32) -> Claim {
        Claim { value, decimals, unit: Decimal::ONE, at: CellRef::new(&"S".into(), 0, 0) }
    }

    #[test]
    fn tolerance_is_one_unit_of_the_last_printed_decimal() {
        assert!(claim(dec!(98.48), 2).admits(dec!(98.4747)));
        assert!(claim(dec!(101.2), 1).admits(dec!(101.2024)));
        assert!(claim(dec!(92), 0).admits(dec!(92.9)));
        assert!(!claim(dec!(100.43), 2).admits(dec!(100.75)));
        assert!(!claim(dec!(102.4), 1).admits(dec!(102.24)));
        // A sisa printed as 440 thousand rupiah is within a thousand of 439.515.
        let thousands = Claim { unit: dec!(1000), ..claim(dec!(440000), 0) };
        assert!(thousands.admits(dec!(439515)));
        assert!(!thousands.admits(dec!(438515)));
        assert!(!claim(Decimal::MAX, 0).admits(Decimal::MIN));
    }
}
