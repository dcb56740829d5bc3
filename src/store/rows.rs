//! The rows one reading of a workbook adds to the ledger; `check` builds them from its outcome
//! before the ledger is locked.

#[derive(Debug, Clone, PartialEq)]
pub struct FindingRow {
    pub code: &'static str,
    pub severity: &'static str,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub subject: String,
    pub found: String,
    pub expected: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// npss or perspective (a goal's score is on its [`GoalLine`], an indicator's on its
    /// [`IndicatorLine`]).
    pub level: &'static str,
    pub code: String,
    /// Exact decimal; `None` when N/A.
    pub value: Option<String>,
    pub status: &'static str,
    pub band: String,
    /// A perspective's NKP, exact.
    pub nkp: Option<String>,
}

/// A budget line as read and computed: exact decimals, `None` where the line has none.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLineRow {
    /// iku, ss, akun or total.
    pub scope: &'static str,
    pub code: String,
    pub pagu: Option<String>,
    pub realisasi: Option<String>,
    pub sisa: Option<String>,
    pub serapan: Option<String>,
    pub efisiensi: Option<String>,
    /// The table the line was read from: the cell of its header (`Tabel 3.40!A2`).
    pub table: String,
}

/// An indicator as read and scored: what the roll-up and the consolidated workbook query.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub code: String,
    pub name: String,
    pub goal: String,
    pub perspective: String,
    pub satuan: &'static str,
    pub polarity: &'static str,
    /// [`crate::model::Value::stored`].
    pub target: Option<String>,
    pub realisasi: Option<String>,
    pub provisional: bool,
    /// Exact decimal; `None` when N/A.
    pub capaian: Option<String>,
    /// The capaian's band.
    pub band: String,
    /// `Sheet!A1` of the indicator's row.
    pub cell: String,
}

/// An indicator's target and realisasi as the workbook printed them (see `inputs.sql`).
#[derive(Debug, Clone, PartialEq)]
pub struct InputRow {
    pub code: String,
    /// [`crate::model::Value::stored`].
    pub target: Option<String>,
    pub realisasi: Option<String>,
}

/// A goal (SS) of the reading's tree, in the perspective it was scored in.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalLine {
    pub code: String,
    pub name: String,
    pub perspective: String,
    /// Its NSS: exact decimal, `None` when N/A; its status and band (`None` unscored).
    pub nss: Option<String>,
    pub status: Option<&'static str>,
    pub band: Option<String>,
    /// `Sheet!A1` of the goal's row.
    pub cell: String,
}

/// A value the unit computed itself, by the subject its finding names (`IKU.3`, `SS.1`,
/// `NKP Customer`, `Skor Customer`, `NPSS`, `Serapan IKU.4`, …): what the next version is
/// compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub subject: String,
    /// Exact decimal, as printed.
    pub value: String,
}

/// A plan's target for one IKU, year and source.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTargetRow {
    pub code: String,
    pub name: String,
    pub year: i64,
    /// renstra, renja or pk.
    pub source: &'static str,
    /// [`crate::model::Value::stored`].
    pub value: Option<String>,
    pub cell: String,
}

/// An earlier year of an IKU as a plan's evaluation prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanHistoryRow {
    /// Empty where the plan knows the row by name only.
    pub code: String,
    pub name: String,
    pub year: i64,
    /// [`crate::model::Value::stored`].
    pub target: Option<String>,
    pub realisasi: Option<String>,
    pub cell: String,
}

/// A plan's budget line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanBudgetRow {
    /// program, kegiatan, kro, ro or komponen.
    pub level: &'static str,
    pub code: String,
    pub name: String,
    pub volume: Option<String>,
    pub satuan: Option<String>,
    /// Whole rupiah, exact.
    pub pagu: Option<String>,
    pub parent: Option<String>,
    /// renja or pk.
    pub source: &'static str,
    /// The amount's cell (the code's where it prints none).
    pub cell: String,
}

/// What one reading of a workbook adds to the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub unit: Option<String>,
    pub year: Option<i64>,
    pub period: Option<&'static str>,
    pub kind: Option<&'static str>,
    pub errors: i64,
    pub warnings: i64,
    pub infos: i64,
    pub npss: Option<String>,
    pub provisional: bool,
    pub findings: Vec<FindingRow>,
    pub scores: Vec<ScoreRow>,
    pub indicators: Vec<IndicatorLine>,
    /// The indicators' targets and realisasi as printed.
    pub inputs: Vec<InputRow>,
    pub budget: Vec<BudgetLineRow>,
    pub goals: Vec<GoalLine>,
    /// One per subject.
    pub claims: Vec<ClaimRow>,
    pub plan_targets: Vec<PlanTargetRow>,
    pub plan_history: Vec<PlanHistoryRow>,
    pub plan_budget: Vec<PlanBudgetRow>,
}
