//! Finding tables by their header words: which column holds what, over one or two header rows.

use super::identity::{periods_named, says_until};
use super::sheet::{Data, Sheet, heads_nothing, is_year};
use super::table::{GOAL_PREFIXES, INDICATOR_PREFIXES, code_alone, prefixed_code};
use crate::model::Period;
use crate::model::plan::Source;
use crate::model::unit::normalise;
use rust_decimal::Decimal;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// One label column holding perspective, SS and IKU rows ("Sasaran Strategis / Indikator").
    Tree,
    Goal,
    GoalCode,
    Indicator,
    IndicatorCode,
    Perspective,
    No,
    Satuan,
    Polarity,
    Target,
    Realisasi,
    Capaian,
    Nss,
    Skor,
    Nkp,
    Weight,
    Pagu,
    BudgetRealisasi,
    Serapan,
    Sisa,
    Efisiensi,
    Note,
    Status,
    /// A budget line's code: jenis belanja, program, kegiatan, KRO/RO.
    Code,
    /// A budget line's description ("Uraian").
    Description,
    /// A category's label ("Kategori").
    Category,
    /// How many fall in a category ("Jumlah").
    Count,
    /// A category's share of the total ("Persentase").
    Share,
}

/// The table families of DOMAIN.md, told apart by the roles their headers carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Scorecard or capaian table: indicators with realisasi.
    Performance,
    /// Perjanjian Kinerja: indicators with targets, no realisasi.
    Agreement,
    /// Budget per SS: goals with pagu, no indicators.
    GoalBudget,
    /// Perspective | Skor SS | Bobot | NKP, with an NPSS row.
    PerspectiveSummary,
    /// Budget by jenis belanja or program → kegiatan → RO (Kode | Uraian | Pagu | Realisasi),
    /// or the overall budget alone (Pagu | Realisasi | Sisa).
    BudgetView,
    /// Kategori | Jumlah | Persentase, with a TOTAL row.
    Category,
}

#[derive(Debug, Clone)]
pub struct Header {
    pub family: Family,
    pub first_row: u32,
    pub last_row: u32,
    /// (column, role), left to right; a role may occur twice (two `No.` columns).
    pub columns: Vec<(u32, Role)>,
    /// The year a column's header names (`TARGET` over `2020 … 2024`), by column.
    pub years: Vec<(u32, u16)>,
    /// The period a column's header names (`Realisasi` over `TW I … TW IV`), by column.
    pub periods: Vec<(u32, Period)>,
    /// What a column's amounts count in where its header says (`Pagu (Rp Ribu)`, `Anggaran
    /// (dalam jutaan rupiah)` over its columns): 1.000, 1.000.000, …, by column.
    pub scales: Vec<(u32, Decimal)>,
    /// Whether a column's header names it revised (`Pagu Revisi`, `Target Perubahan`: true) or
    /// original (`Pagu Awal`, `Pagu sebelum revisi`: false), by column.
    pub revised: Vec<(u32, bool)>,
    /// The plan a column's figures come from where its header names one (`Target Renstra`,
    /// `Target PK`), by column.
    pub sources: Vec<(u32, Source)>,
    /// The columns whose headers name their figures to date (`s.d. TW III`, `Kumulatif`,
    /// `Jumlah` beside the quarters).
    pub to_date: Vec<u32>,
    /// The columns whose headers name their figures an estimate or provisional (`Prognosa
    /// Realisasi`, `Realisasi Sementara`), with the header's text.
    pub estimates: Vec<(u32, String)>,
    /// Set by [`Header::for_report`]: realisasi anggaran columns naming one part of the year
    /// each, from January to the report's period's end (`TW I | TW II | TW III`, `Semester I |
    /// Semester II`), none naming its figures to date, with their parts: each a part's money
    /// alone, added up as the money spent to date. The last is the role's column; empty where
    /// the money spent is read from one column.
    pub spent_by_part: Vec<(u32, Period)>,
    /// Set by [`Header::for_report`]: where a role's columns are one revised and the others its
    /// originals, one of the plan that binds and the others of plans it outranks, or one of
    /// money spent to date and the others a quarter's alone, the one kept and those set aside.
    pub superseded: Vec<Superseded>,
}

/// A role's columns of which one is read and the others set aside by what their headers name.
#[derive(Debug, Clone, PartialEq)]
pub struct Superseded {
    pub role: Role,
    pub set_aside: Vec<u32>,
    pub kept: u32,
    pub why: Supersedes,
}

/// Why a column is read over the others of its role.
#[derive(Debug, Clone, PartialEq)]
pub enum Supersedes {
    /// It is the revised one.
    Revision,
    /// It is the binding plan's: the plans of the columns set aside, and its own.
    Plan(Vec<Source>, Source),
    /// It is money spent to date, the others one quarter's alone.
    ToDate,
    /// It is the realisasi, the others an estimate of it (`Prognosa s.d. Akhir Tahun`).
    Final,
}

/// The plan a column header names: `Target Renstra`, `Target Renja 2024`, `Target PK`, `Target
/// (Perjanjian Kinerja)`; none for two or none. Of two such columns, the PK's binds and the
/// Renja's outranks the Renstra's (PLANS.md §1): [`Source`]'s order.
pub fn source_named(text: &str) -> Option<Source> {
    let words = normalise(text);
    let named: Vec<Source> = [
        (Source::Renstra, &[" renstra "][..]),
        (Source::Renja, &[" renja ", " rencana kerja "][..]),
        (Source::Pk, &[" pk ", " perjanjian kinerja "][..]),
    ]
    .into_iter()
    .filter(|(_, names)| names.iter().any(|n| words.contains(n)))
    .map(|(source, _)| source)
    .collect();
    match named[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Of `cols`, each marked, the one marked above all the others: it and the others.
fn one_above<T: Ord + Copy>(cols: &[u32], mark: impl Fn(u32) -> Option<T>) -> Option<(u32, Vec<u32>)> {
    let marks: Vec<T> = cols.iter().map(|c| mark(*c)).collect::<Option<_>>()?;
    let top = *marks.iter().max()?;
    let [kept] = cols.iter().zip(&marks).filter(|(_, m)| **m == top).map(|(c, _)| *c).collect::<Vec<_>>()[..] else {
        return None;
    };
    Some((kept, cols.iter().copied().filter(|c| *c != kept).collect()))
}

/// The roles whose values a table's reading rests on: its inputs.
const VALUE_ROLES: [Role; 4] = [Role::Target, Role::Realisasi, Role::Pagu, Role::BudgetRealisasi];

/// The roles whose values the unit computed and kinerja recomputes.
const CLAIM_ROLES: [Role; 8] =
    [Role::Capaian, Role::Nss, Role::Skor, Role::Nkp, Role::Weight, Role::Serapan, Role::Sisa, Role::Efisiensi];

/// Whether a column header names its figures to date: `s.d. TW III`, `s/d September`, `Sampai
/// dengan Triwulan III`, `Kumulatif`, or a `Jumlah` or `Total` (of the quarters beside it).
pub fn to_date_named(text: &str) -> bool {
    let words = normalise(text);
    let split: Vec<&str> = words.split_whitespace().collect();
    says_until(&split) || [" kumulatif ", " jumlah ", " total "].iter().any(|w| words.contains(w))
}

/// Whether a column header names its figures revised (true) or original (false): `sebelum
/// revisi` is the original. "Akhir" and "awal" before a span of time or a plan name when, not a
/// revision: `Target Akhir Renstra` is the Renstra's last year's target, `Realisasi Akhir Tahun`
/// the year's.
pub fn revision_named(text: &str) -> Option<bool> {
    const WHEN: [&str; 9] = ["renstra", "periode", "tahun", "triwulan", "tw", "semester", "bulan", "jangka", "rpjmn"];
    let normalised = normalise(text);
    let split: Vec<&str> = normalised.split_whitespace().collect();
    let when = |i: usize| split.get(i + 1).is_some_and(|next| WHEN.contains(next));
    let kept: Vec<&str> = split
        .iter()
        .enumerate()
        .filter(|(i, w)| !(matches!(**w, "akhir" | "awal") && when(*i)))
        .map(|(_, w)| *w)
        .collect();
    let words = format!(" {} ", kept.join(" "));
    let has = |names: &[&str]| names.iter().any(|name| words.contains(name));
    if has(&[" awal ", " semula ", " sebelum ", " murni "]) {
        Some(false)
    } else if has(&[" revisi ", " akhir ", " perubahan ", " setelah ", " pemutakhiran ", " menjadi "]) {
        Some(true)
    } else {
        None
    }
}

/// What choosing the report's columns did to a header with one column per year (or per period)
/// side by side.
#[derive(Debug, PartialEq)]
pub struct ColumnChoice<T> {
    /// (role, the years or periods left out) for each role whose other columns were set aside.
    pub ignored: Vec<(Role, Vec<T>)>,
    /// (role, the years or periods on offer) for each role whose columns could not be chosen
    /// between: the report's year or period is unknown, or none of them is the report's.
    pub uncertain: Vec<(Role, Vec<T>)>,
    /// (role, its columns) for each role with two or more columns of the wanted year or period
    /// (`Realisasi TW III` beside `Realisasi s.d. TW III`): the first is kept.
    pub twice: Vec<(Role, Vec<u32>)>,
}

impl<T> Default for ColumnChoice<T> {
    fn default() -> Self {
        ColumnChoice { ignored: Vec::new(), uncertain: Vec::new(), twice: Vec::new() }
    }
}

/// Each of `roles` once, in the order they first come.
fn roles_in_order(roles: impl Iterator<Item = Role>) -> Vec<Role> {
    let mut ordered: Vec<Role> = Vec::new();
    for role in roles {
        if !ordered.contains(&role) {
            ordered.push(role);
        }
    }
    ordered
}

/// `header` with, for each role that has two or more columns marked in `marks` (by year, by
/// period), or one whose marks are all `foreign` to `wanted` for that role (`Realisasi 2023` in a
/// 2024 report is last year's, whatever stands beside it; `Realisasi TW III` in an annual report
/// is not the year's), only the `wanted` one kept. Where none is wanted, a column of the role
/// that names no mark stays its column (`Target` beside `Target TW I … TW IV` in an agreement)
/// and the marked ones are set aside; without one, the role keeps none of them and the choice
/// says so: its values are then missing, never another year's or quarter's (in doubt for a
/// target, realisasi or budget; merely unchecked for a claim).
fn choose<T: Copy + PartialEq>(
    mut header: Header,
    marks: &[(u32, T)],
    wanted: Option<T>,
    foreign: impl Fn(Role, T) -> bool,
) -> (Header, ColumnChoice<T>) {
    let mut choice = ColumnChoice::default();
    // A column may bear more than one mark: "s.d. Juni" is the second quarter to date or the
    // first semester.
    let marks_of = |col: u32| marks.iter().filter(move |(c, _)| *c == col).map(|(_, m)| *m);
    let marked_col = |col: u32| marks_of(col).next().is_some();
    let wanted_in = |col: u32| wanted.is_some_and(|w| marks_of(col).any(|m| m == w));
    for role in roles_in_order(header.columns.iter().map(|(_, role)| *role)) {
        let of_role = header.cols_of(role);
        let marked: Vec<u32> = of_role.iter().copied().filter(|c| marked_col(*c)).collect();
        let other = marked.iter().any(|c| marks_of(*c).all(|m| foreign(role, m)));
        if marked.len() < 2 && !other {
            continue;
        }
        let unmarked = of_role.iter().any(|c| !marked_col(*c));
        // Every column bearing the wanted mark stays: a choice by period may still tell apart
        // those of the report's year ("s.d. Juni 2024" beside "s.d. September 2024").
        let same: Vec<u32> = marked.iter().copied().filter(|c| wanted_in(*c)).collect();
        let keep = same.first().copied();
        if same.len() > 1 {
            choice.twice.push((role, same.clone()));
        }
        header.columns.retain(|(c, r)| *r != role || same.contains(c) || !marked_col(*c));
        let mut offered: Vec<T> = Vec::new();
        for m in marked.iter().flat_map(|c| marks_of(*c)) {
            if !offered.contains(&m) {
                offered.push(m);
            }
        }
        // A value the unit computed (a capaian, a serapan) feeds no score: without its
        // report's column it is left unchecked, not in doubt.
        let claimed = !VALUE_ROLES.contains(&role);
        match (keep, unmarked) {
            (Some(_), _) => choice.ignored.push((role, offered.into_iter().filter(|m| Some(*m) != wanted).collect())),
            (None, true) => choice.ignored.push((role, offered)),
            (None, false) if claimed => choice.ignored.push((role, offered)),
            (None, false) => choice.uncertain.push((role, offered)),
        }
    }
    (header, choice)
}

impl Header {
    /// What the amounts of column `col` count in: 1 unless its header says otherwise.
    pub fn scale(&self, col: u32) -> Decimal {
        self.scales.iter().find(|(c, _)| *c == col).map_or(Decimal::ONE, |(_, s)| *s)
    }

    /// Every column of `role`, left to right.
    fn cols_of(&self, role: Role) -> Vec<u32> {
        self.columns.iter().filter(|(_, r)| *r == role).map(|(c, _)| *c).collect()
    }

    /// The columns whose values are read: targets, realisasi, pagu and realisasi anggaran.
    pub fn value_cols(&self) -> impl Iterator<Item = u32> + '_ {
        self.columns.iter().filter(|(_, r)| VALUE_ROLES.contains(r)).map(|(c, _)| *c)
    }

    /// The columns of values the unit computed: capaian, NSS, scores, weights, NKP, serapan …
    pub fn claim_cols(&self) -> impl Iterator<Item = u32> + '_ {
        self.columns.iter().filter(|(_, r)| CLAIM_ROLES.contains(r)).map(|(c, _)| *c)
    }

    /// The columns a value of `role` is read from: the parts of the year added up for the money
    /// spent by quarter or semester alone, else the role's column.
    pub fn cols_read(&self, role: Role) -> Vec<u32> {
        match role {
            Role::BudgetRealisasi if !self.spent_by_part.is_empty() => {
                self.spent_by_part.iter().map(|(c, _)| *c).collect()
            }
            _ => self.col(role).into_iter().collect(),
        }
    }

    pub fn col(&self, role: Role) -> Option<u32> {
        self.columns.iter().find(|(_, r)| *r == role).map(|(c, _)| *c)
    }

    /// Whether the column of `role` names `period` (`Target TW III`, `Target s.d. Juni` for the
    /// second quarter or the first semester).
    pub fn names_period(&self, role: Role, period: Period) -> bool {
        self.col(role).is_some_and(|col| self.periods.contains(&(col, period)))
    }

    pub fn has(&self, role: Role) -> bool {
        self.col(role).is_some()
    }

    /// This header with, for each role that has one column per year, only the report year's
    /// column kept, and for each role that has one per period (`Realisasi TW I … TW IV`), only
    /// the report period's: see [`choose`].
    pub fn for_report(
        &self,
        year: Option<u16>,
        period: Option<Period>,
    ) -> (Header, ColumnChoice<u16>, ColumnChoice<Period>) {
        let (header, mut years) = choose(self.clone(), &self.years, year, |_, y| year.is_some_and(|w| w != y));
        // A realisasi alone names the report's period also in other words (`Realisasi TW IV` in
        // an annual report: both end in December); a target alone is the period's or the
        // year's (`Target TW IV` in a report of the third quarter), never another part's
        // (`Target TW II` there).
        let foreign_period = |role: Role, p: Period| {
            let other = period.is_some_and(|w| w.last_month() != p.last_month());
            match role {
                Role::Realisasi | Role::BudgetRealisasi => other,
                Role::Target => other && p.last_month() != Period::Year.last_month(),
                _ => false,
            }
        };
        // Parts of the year whose money is added up are no choice between periods.
        let parts = header.parts_to_add(period);
        let added = |col: u32| parts.iter().any(|(c, _)| *c == col);
        let marks: Vec<(u32, Period)> = self.periods.iter().copied().filter(|(c, _)| !added(*c)).collect();
        let (mut header, mut periods) = choose(header, &marks, period, foreign_period);
        if let Some((last, _)) = parts.last() {
            header.columns.retain(|(c, r)| *r != Role::BudgetRealisasi || !added(*c) || c == last);
            header.spent_by_part = parts;
        }
        if let Some(interim) = period.filter(|p| *p != Period::Year) {
            header.keep_interim_target(interim, &mut periods);
            header.keep_spent_to_date(&mut periods);
        }
        header.keep_superseding();
        // Columns left twice are said once, as they are left after both choices.
        for (role, cols) in years.twice.iter_mut().chain(periods.twice.iter_mut()) {
            cols.retain(|c| header.columns.contains(&(*c, *role)));
        }
        years.twice.retain(|(role, cols)| cols.len() > 1 && !periods.twice.iter().any(|(r, _)| r == role));
        periods.twice.retain(|(_, cols)| cols.len() > 1);
        (header, years, periods)
    }

    /// In a report of part of the year, one target column naming its period (`Target TW III`)
    /// beside others naming none (`Target PK 2024`, `Target`) is the quarter's target, the
    /// others the year's: set aside as `Tahunan`, as `Target Tahunan` would be, rather than two
    /// target columns that differ.
    fn keep_interim_target(&mut self, interim: Period, periods: &mut ColumnChoice<Period>) {
        let targets = self.cols_of(Role::Target);
        let (named, yearly): (Vec<u32>, Vec<u32>) =
            targets.iter().partition(|c| self.periods.iter().any(|(col, _)| col == *c));
        if named.len() != 1 || yearly.is_empty() || !self.periods.contains(&(named[0], interim)) {
            return;
        }
        self.columns.retain(|(c, r)| *r != Role::Target || !yearly.contains(c));
        periods.ignored.push((Role::Target, vec![Period::Year]));
    }

    /// Money spent is counted from January: where every realisasi anggaran column names one part
    /// of the year, and those ending by the report's period's end follow one another from January
    /// to it, left to right (`TW I | TW II | TW III` in the third quarter's report, `Semester I |
    /// Semester II` or `TW I … TW IV` in the year's), those columns with their parts, to be added
    /// up. Later parts' columns (an empty `TW IV`) are left to the choice by period. Nothing where
    /// a column names its figures to date (`s.d. TW III`, a `Jumlah`), or there is one part.
    fn parts_to_add(&self, period: Option<Period>) -> Vec<(u32, Period)> {
        let Some(end) = period.map(Period::last_month) else { return Vec::new() };
        let part = |col: u32| {
            let marks: Vec<Period> = self.periods.iter().filter(|(c, _)| *c == col).map(|(_, p)| *p).collect();
            match marks[..] {
                [one] => Some((col, one)),
                _ => None,
            }
        };
        let cols = self.cols_of(Role::BudgetRealisasi);
        let Some(named) = cols.iter().map(|c| part(*c)).collect::<Option<Vec<_>>>() else {
            return Vec::new();
        };
        let to_add: Vec<(u32, Period)> = named.into_iter().filter(|(_, p)| p.last_month() <= end).collect();
        let follow = to_add.windows(2).all(|pair| pair[1].1.first_month() == pair[0].1.last_month() + 1);
        let span = (to_add.first().map(|(_, p)| p.first_month()), to_add.last().map(|(_, p)| p.last_month()));
        if !follow || span != (Some(1), Some(end)) || to_add.len() < 2 || cols.iter().any(|c| self.to_date.contains(c))
        {
            return Vec::new();
        }
        to_add
    }

    /// In a report of part of the year, money spent is counted from January: of the realisasi
    /// anggaran columns left, one named to date (`s.d. TW III`, or `Jumlah` beside `TW I … TW
    /// III`) beside others naming a period alone (`TW III`) is read, the others set aside.
    fn keep_spent_to_date(&mut self, periods: &mut ColumnChoice<Period>) {
        let role = Role::BudgetRealisasi;
        let (to_date, alone): (Vec<u32>, Vec<u32>) = self.cols_of(role).iter().partition(|c| self.to_date.contains(c));
        let named = |col: &u32| self.periods.iter().any(|(c, _)| c == col);
        let [kept] = to_date[..] else { return };
        if alone.is_empty() || !alone.iter().all(named) {
            return;
        }
        self.columns.retain(|(c, r)| *r != role || *c == kept);
        periods.twice.retain(|(r, _)| *r != role);
        self.superseded.push(Superseded { role, set_aside: alone, kept, why: Supersedes::ToDate });
    }

    /// A Perjanjian Kinerja's table with earlier years' realisasi or capaian beside its targets
    /// (a baseline, "Realisasi 2023" in the PK of 2024), where every realisasi, capaian, NSS or
    /// NKP column names a year before `year`: made the agreement's, those columns set aside, and
    /// the years of each role set aside returned. `None` (and nothing changed) where any names
    /// `year` or no year, or the table has no target.
    pub fn set_baseline_aside(&mut self, year: u16) -> Option<ColumnChoice<u16>> {
        let performance = [Role::Realisasi, Role::Capaian, Role::Nss, Role::Nkp, Role::Skor];
        let year_of = |col: u32| self.years.iter().find(|(c, _)| *c == col).map(|(_, y)| *y);
        let history: Vec<(u32, Role, u16)> = self
            .columns
            .iter()
            .filter(|(_, role)| performance.contains(role))
            .map(|(col, role)| year_of(*col).filter(|y| *y < year).map(|y| (*col, *role, y)))
            .collect::<Option<_>>()?;
        if history.is_empty() || !self.has(Role::Target) {
            return None;
        }
        self.family = Family::Agreement;
        self.columns.retain(|(col, _)| !history.iter().any(|(h, ..)| h == col));
        let ignored = roles_in_order(history.iter().map(|(_, role, _)| *role))
            .into_iter()
            .map(|role| (role, history.iter().filter(|(_, r, _)| *r == role).map(|(_, _, y)| *y).collect()))
            .collect();
        Some(ColumnChoice { ignored, ..ColumnChoice::default() })
    }

    /// For each role whose values are read with one column named revised and every other named
    /// original (`Pagu Awal | Pagu Revisi`; for a target or pagu, also one named nothing: `Target
    /// | Target Perubahan`), only the revised one kept: it is what counts. Likewise
    /// one named of the binding plan beside others of plans it outranks (`Target Renstra | Target
    /// PK`): the PK's.
    fn keep_superseding(&mut self) {
        for role in VALUE_ROLES {
            let cols = self.cols_of(role);
            let named = |col: u32| self.revised.iter().find(|(c, _)| *c == col).map(|(_, r)| *r);
            // Beside a target or pagu named revised, one named neither way is its original
            // ("Target | Target Perubahan", "Pagu | Pagu Revisi").
            let plans = matches!(role, Role::Target | Role::Pagu);
            let any_revised = plans && cols.iter().any(|c| named(*c) == Some(true));
            let revised = |col: u32| named(col).or(any_revised.then_some(false));
            let source = |col: u32| self.sources.iter().find(|(c, _)| *c == col).map(|(_, s)| *s);
            // Beside realisasi, an estimate of it (`Prognosa Realisasi s.d. Akhir Tahun`).
            let spent = matches!(role, Role::Realisasi | Role::BudgetRealisasi);
            let figure = |col: u32| spent.then(|| !self.estimates.iter().any(|(c, _)| *c == col));
            let chosen = match one_above(&cols, revised) {
                Some((kept, set_aside)) => Some(Superseded { role, set_aside, kept, why: Supersedes::Revision }),
                None => one_above(&cols, source)
                    .map(|(kept, set_aside)| {
                        let sources = set_aside.iter().filter_map(|c| source(*c)).collect();
                        let why = source(kept).map_or(Supersedes::Revision, |k| Supersedes::Plan(sources, k));
                        Superseded { role, kept, why, set_aside }
                    })
                    .or_else(|| {
                        let (kept, set_aside) = one_above(&cols, figure)?;
                        Some(Superseded { role, kept, why: Supersedes::Final, set_aside })
                    }),
            };
            if let Some(chosen) = chosen.filter(|_| cols.len() > 1) {
                self.columns.retain(|(c, r)| *r != role || !chosen.set_aside.contains(c));
                self.superseded.push(chosen);
            }
        }
    }

    /// This header without the columns of a claimed or read role (capaian, NSS, scores,
    /// serapan …; target, realisasi, pagu) that are blank in every row (`filled` false) where
    /// another column of that role is not: an empty column added beside the printed one holds
    /// nothing, and reading it first left every printed claim unchecked, or every realisasi
    /// "kosong" beside COLUMNS_DIFFER.
    pub fn without_blank_columns(&mut self, filled: impl Fn(u32) -> bool) {
        for role in CLAIM_ROLES.into_iter().chain(VALUE_ROLES) {
            let cols = self.cols_of(role);
            if cols.len() > 1 && cols.iter().any(|c| filled(*c)) {
                self.columns.retain(|(c, r)| *r != role || filled(*c));
            }
        }
    }

    /// The roles whose values are read (targets, realisasi, pagu and realisasi anggaran) that
    /// still have two columns or more, and those columns: only the first is read. Roles in
    /// `said` are left out (named with the year or period they share already).
    pub fn read_twice(&self, said: &[Role]) -> Vec<(Role, Vec<u32>)> {
        VALUE_ROLES
            .into_iter()
            .filter(|role| !said.contains(role))
            .map(|role| (role, self.cols_of(role)))
            .filter(|(_, cols)| cols.len() > 1)
            .collect()
    }

    pub fn span(&self) -> (u32, u32) {
        let cols = self.columns.iter().map(|(c, _)| *c);
        (cols.clone().min().unwrap_or(0), cols.max().unwrap_or(0))
    }

    /// Whether a column of the table says what each row is (a perspective, goal, indicator,
    /// budget line or category), so that the table stands on its own: not the amounts beside
    /// another table's rows.
    pub fn names_its_rows(&self) -> bool {
        self.columns.iter().any(|(_, role)| LABEL_ROLES.contains(role))
    }
}

/// The roles that say what a row is.
const LABEL_ROLES: [Role; 9] = [
    Role::Tree,
    Role::Perspective,
    Role::Goal,
    Role::GoalCode,
    Role::Indicator,
    Role::IndicatorCode,
    Role::Code,
    Role::Description,
    Role::Category,
];

/// The role of a header cell, from its words.
pub fn classify(text: &str) -> Option<Role> {
    let trimmed = text.trim();
    if ["%", "(%)", "% capaian"].contains(&trimmed.to_lowercase().as_str()) {
        return Some(Role::Capaian);
    }
    let words = normalise(trimmed);
    let has = |w: &str| words.contains(w);
    let is = |w: &str| words.trim() == w;
    // `KODE SK`, `Kode IKK`: a central unit's own goal and indicator codes.
    let code_of = |names: &[&str]| {
        let mut split = words.split_whitespace();
        split.next().is_some_and(|w| ["kode", "kd", "no", "nomor"].contains(&w))
            && split.next().is_some_and(|w| names.contains(&w))
    };
    // Last year's realisasi or capaian, or the capaian against the Renstra's target, printed
    // beside the year's for comparison: no column of the report.
    let last_year = has(" tahun lalu ") || has(" tahun sebelumnya ");
    let medium_term = has(" renstra ") || has(" jangka menengah ");
    if has(" capaian ") && (last_year || medium_term) || has(" realisasi ") && last_year {
        return None;
    }
    // "% Realisasi", "Persentase Realisasi": the share reached (of the target, or of the pagu in
    // a table of money), not a realisasi.
    let share_of_realisasi =
        (trimmed.starts_with('%') || words.starts_with(" persentase ") || words.starts_with(" prosentase "))
            && (has(" realisasi") || has(" realisais"));
    // "Realisasi/Target", "Realisasi terhadap Target (%)": the realisasi over the target, the
    // capaian ("Target/Realisasi" names the two, not a ratio).
    let realisasi_at = words.find(" realisasi").or_else(|| words.find(" realisais"));
    let over_target = realisasi_at.zip(words.find(" target")).is_some_and(|(r, t)| r < t)
        && (trimmed.contains('/') || [" terhadap ", " thd ", " dibanding"].iter().any(|w| has(w)));
    // Where the first of some words stands.
    let first_of = |any: &[&str]| any.iter().filter_map(|w| words.find(w)).min();
    // Words of money: "Anggaran" (and its short form "Angg."), "Keuangan", "Belanja", "Dana";
    // and of an amount in rupiah.
    let money = [" anggaran", " angg ", " keuangan", " belanja", " dana "].iter().any(|w| has(w));
    let rupiah = has(" rp ") || has(" rupiah");
    let perspective = has(" perspekti") || has(" perspective");
    let role = if words.starts_with(" status") {
        Role::Status
    } else if share_of_realisasi && money {
        // "Persentase Realisasi Anggaran": the share of the pagu spent.
        Role::Serapan
    } else if share_of_realisasi || over_target {
        Role::Capaian
    } else if first_of(&[" sasaran", " ss "]).zip(first_of(&[" indikator", " iku "])).is_some_and(|(g, i)| g < i) {
        // "Sasaran Strategis / Indikator Kinerja Utama", "Sasaran Strategis/IKU", "SS / IKU" (but
        // "Indikator Sasaran Strategis" names the indicators).
        Role::Tree
    } else if has(" nkp ") || has(" bobot") && (has(" skor") || has(" nss ")) || has(" tertimbang") {
        // "Bobot x Skor", "Nilai Tertimbang": the score weighed, the NKP.
        Role::Nkp
    } else if has(" nss ") {
        Role::Nss
    } else if has(" kode ss") || has(" kode sasaran") || has(" no ss") || code_of(&["sk", "sp"]) {
        Role::GoalCode
    } else if has(" kode iku") || has(" kode indikator") || code_of(&["ikk", "ikp"]) {
        Role::IndicatorCode
    } else if perspective && has(" kinerja") && has(" nilai") {
        // "Nilai Kinerja Perspektif": the NKP.
        Role::Nkp
    } else if perspective && (has(" skor") || has(" nilai") || has(" capaian")) {
        // "Skor Perspektif", "Nilai Perspektif", "Capaian Perspektif": the perspective's score,
        // not its name.
        Role::Skor
    } else if perspective && has(" bobot") {
        Role::Weight
    } else if perspective {
        Role::Perspective
    } else if (has(" sasaran") || is("ss")) && !words.starts_with(" indikator ") {
        Role::Goal
    } else if has(" indikator") || is("iku") {
        Role::Indicator
    } else if has(" satuan") {
        Role::Satuan
    } else if has(" polarit") {
        Role::Polarity
    } else if has(" sisa") {
        // "Sisa Anggaran", "Sisa Pagu": what is left of the pagu.
        Role::Sisa
    } else if has(" pagu") || is("alokasi") || is("dipa") {
        Role::Pagu
    } else if has(" efisiensi") {
        Role::Efisiensi
    } else if has(" capaian") && !has(" kinerja") && money {
        // "Capaian Anggaran", "Capaian (%)" over "Keuangan": the share of the pagu spent.
        Role::Serapan
    } else if (has(" serapan") || has(" penyerapan")) && rupiah {
        // "Serapan (Rp)": the money absorbed, not its share.
        Role::BudgetRealisasi
    } else if has(" serapan") || has(" penyerapan") {
        Role::Serapan
    } else if (has(" realisasi") || has(" realisais")) && (money || rupiah) || has(" terserap") || has(" terpakai") {
        // Money spent: "Realisasi Anggaran", "Realisasi Keuangan", "Realisasi (Rp)", "Anggaran
        // Terserap", "Terpakai".
        Role::BudgetRealisasi
    } else if words.starts_with(" anggaran ")
        || words.starts_with(" alokasi anggaran ")
        || has(" rencana anggaran")
        || has(" target anggaran")
    {
        // "Anggaran", "Anggaran (Rp Ribu)", "Alokasi Anggaran", "Rencana Anggaran": the pagu,
        // where nothing above says realisasi, sisa, serapan or efisiensi.
        Role::Pagu
    } else if has(" target") || is("rencana") || has(" rencana tingkat capaian") || has(" rencana capaian") {
        // PermenPANRB's "Rencana Tingkat Capaian" is the target.
        Role::Target
    } else if has(" realisasi") || has(" realisais") {
        Role::Realisasi
    } else if has(" capaian") {
        Role::Capaian
    } else if has(" skor") {
        Role::Skor
    } else if has(" bobot") {
        Role::Weight
    } else if words.starts_with(" kode") || is("kro ro") || is("ro") || is("akun") {
        Role::Code
    } else if has(" uraian") || is("jenis belanja") || is("nama") || words.starts_with(" nama ") || is("kegiatan") {
        // "Uraian", "Nama Kegiatan", "Kegiatan": what a budget line is.
        Role::Description
    } else if has(" keterangan") || is("ket") || has(" penjelasan") {
        Role::Note
    } else if is("no") || is("nomor") {
        Role::No
    } else if has(" kategori") {
        Role::Category
    } else if words.starts_with(" jumlah") && words.split_whitespace().count() <= 3 {
        Role::Count
    } else if has(" persentase") || has(" prosentase") {
        Role::Share
    } else {
        return None;
    };
    Some(role)
}

fn family(columns: &[(u32, Role)]) -> Option<Family> {
    let has = |role| columns.iter().any(|(_, r)| *r == role);
    let labelled = has(Role::Tree) || has(Role::Indicator);
    let claims = [Role::Capaian, Role::Nss, Role::Nkp, Role::Skor].into_iter().any(has);
    // Two headings make a table only when they are a scorecard's label and its target (a PK
    // annex: "Sasaran Strategis / Indikator Kinerja Utama | Target"), or the overall budget's
    // pagu and realisasi.
    let overall = has(Role::Pagu) && (has(Role::Realisasi) || has(Role::BudgetRealisasi));
    if columns.len() < 3 && !(has(Role::Tree) && has(Role::Target)) && !(columns.len() == 2 && overall) {
        None
    } else if labelled && (has(Role::Realisasi) || has(Role::Target) && claims) {
        // Capaian, NSS or NKP beside targets: a report, even where no column says realisasi.
        Some(Family::Performance)
    } else if labelled && has(Role::Target) {
        Some(Family::Agreement)
    } else if has(Role::Target)
        && has(Role::Realisasi)
        && [Role::Capaian, Role::Goal, Role::GoalCode].into_iter().any(has)
    {
        // Targets, realisasi and capaian or goals with no label column read (headed blank): a
        // report's indicators unread, never a budget by goal or a budget view of the amounts
        // beside them.
        None
    } else if (has(Role::Goal) || has(Role::GoalCode))
        && (has(Role::Pagu) || has(Role::Efisiensi) || has(Role::BudgetRealisasi))
    {
        Some(Family::GoalBudget)
    } else if has(Role::Perspective) && (has(Role::Skor) || has(Role::Nkp) || has(Role::Nss)) {
        Some(Family::PerspectiveSummary)
    } else if has(Role::Pagu) && (has(Role::Realisasi) || has(Role::BudgetRealisasi)) && !has(Role::Goal) && !labelled {
        Some(Family::BudgetView)
    } else if has(Role::Category) && (has(Role::Count) || has(Role::Share)) {
        Some(Family::Category)
    } else {
        None
    }
}

/// "Target | Capaian | Persentase Capaian": where no column is headed realisasi, a plain
/// `Capaian` followed by a percentage of capaian (`%`, `Persentase`, `Tingkat Capaian`) before
/// any pagu holds the value reached, the realisasi.
fn settle_capaian_columns(columns: &mut [(u32, Role)], texts: &[(u32, String)]) {
    if columns.iter().any(|(_, r)| *r == Role::Realisasi) {
        return;
    }
    let pagu = columns.iter().find(|(_, r)| *r == Role::Pagu).map_or(u32::MAX, |(c, _)| *c);
    let text = |col: u32| texts.iter().find(|(c, _)| *c == col).map(|(_, t)| t.as_str()).unwrap_or("");
    let percentage = |col: u32| {
        let words = normalise(text(col));
        text(col).contains('%')
            || [" persentase ", " prosentase ", " persen ", " tingkat "].iter().any(|w| words.contains(w))
    };
    let shares = |role: Role| matches!(role, Role::Capaian | Role::Share);
    let plain = columns.iter().position(|(c, r)| *r == Role::Capaian && *c < pagu && !percentage(*c));
    if let Some(plain) = plain
        && columns[plain + 1..].iter().any(|(c, r)| shares(*r) && *c < pagu && percentage(*c))
    {
        columns[plain].1 = Role::Realisasi;
    }
}

/// A `Realisasi` column right of a `Pagu` column is money spent. In a goal-level budget table
/// (000 Tabel 3.41: "Realisasi (%) Kinerja | Anggaran") a goal's realisasi is its capaian, and
/// budget realisasi with no pagu beside it is a percentage: serapan.
///
/// A `%` or `Capaian` right of the pagu with no Serapan column beside it is the share spent
/// ("Pagu Anggaran | Realisasi Anggaran | %"), unless its header says kinerja.
///
/// A goal's realisasi in rupiah (`Kode SS | Sasaran | Realisasi | Pagu`, its amounts a thousand
/// or more) is money spent wherever it stands, where no other column is.
fn settle_budget_columns(columns: &mut [(u32, Role)], family: Family, texts: &[(u32, String)], below: &Below) {
    let pagu = columns.iter().find(|(_, r)| *r == Role::Pagu).map(|(c, _)| *c);
    let spent = columns.iter().any(|(_, r)| *r == Role::BudgetRealisasi);
    let serapan = columns.iter().any(|(_, r)| *r == Role::Serapan);
    let performance = |col: u32| texts.iter().any(|(c, t)| *c == col && normalise(t).contains(" kinerja "));
    let percent = |col: u32| texts.iter().any(|(c, t)| *c == col && t.contains('%'));
    for (col, role) in columns.iter_mut() {
        let right_of_pagu = pagu.is_some_and(|p| *col > p);
        *role = match (*role, family) {
            // In a table of money alone, "Realisasi (%)" is the share spent; any other realisasi
            // the money spent, wherever it stands.
            (Role::Realisasi | Role::BudgetRealisasi, Family::BudgetView) if percent(*col) => Role::Serapan,
            (Role::Realisasi, _) if right_of_pagu || family == Family::BudgetView => Role::BudgetRealisasi,
            (Role::Realisasi, Family::GoalBudget) if pagu.is_some() && !spent && amounts_in_rupiah(below, *col) => {
                Role::BudgetRealisasi
            }
            (Role::Realisasi, Family::GoalBudget) => Role::Capaian,
            (Role::BudgetRealisasi, Family::GoalBudget) if pagu.is_none() => Role::Serapan,
            // In a table of money alone, "%", "Capaian" or "Persentase" is the share spent.
            (Role::Capaian | Role::Share, Family::BudgetView) => Role::Serapan,
            (Role::Capaian, _) if right_of_pagu && !serapan && !performance(*col) => Role::Serapan,
            (role, _) => role,
        };
    }
}

/// In a perspective summary with no Skor or NSS column, a "Capaian" column is the perspectives'
/// score (the mean of their goals' capaian).
fn settle_summary_columns(columns: &mut [(u32, Role)], family: Family) {
    let scored = columns.iter().any(|(_, r)| matches!(r, Role::Skor | Role::Nss));
    if family == Family::PerspectiveSummary && !scored {
        for (_, role) in columns.iter_mut().filter(|(_, r)| *r == Role::Capaian).take(1) {
            *role = Role::Skor;
        }
    }
}

fn roles_of(texts: impl Iterator<Item = (u32, String)>) -> Vec<(u32, Role)> {
    texts.filter_map(|(col, text)| classify(&text).map(|role| (col, role))).collect()
}

/// The year a header cell names as a word of its own (`TARGET 2023`, `Realisasi 2021`); none
/// where it names two (`Target Renstra 2020–2024` spans the report year).
pub(super) fn year_in(text: &str) -> Option<u16> {
    let mut years = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .filter(|y| is_year(i64::from(*y)));
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// The amount an amount column counts in, where its header names one: `ribu`/`ribuan`, `Rp 1.000`
/// or `Rp 000` 1.000; `juta`/`jutaan` or `Rp 1.000.000` 1.000.000; `miliar`/`milyar` or
/// `Rp 1.000.000.000` 1.000.000.000. The largest one named counts (`Rp 1.000.000` is not thousands).
pub fn scale_in(text: &str) -> Option<Decimal> {
    let words = normalise(text);
    let names = |names: &[&str]| names.iter().any(|name| words.contains(name));
    let power = if names(&[" miliar ", " milyar ", " rp 1 000 000 000 "]) {
        9
    } else if names(&[" juta ", " jutaan ", " rp 1 000 000 "]) {
        6
    } else if names(&[" ribu ", " ribuan ", " rp 1 000 ", " rp 000 "]) {
        3
    } else {
        return None;
    };
    Some(Decimal::from(10u64.pow(power)))
}

/// What an amount cell says it counts in by a word after its number, as units shorten it: `Rp
/// 30,4 juta`, `29,96 jt`, `184 ribu`, `185 rb`, `Rp 1,5 M`, `Rp 1,2 miliar`, `2 T`, `triliun`.
pub fn written_scale(text: &str) -> Option<Decimal> {
    let words = normalise(text);
    let power = words.split_whitespace().find_map(|word| match word {
        "ribu" | "rb" => Some(3),
        "juta" | "jt" => Some(6),
        "miliar" | "milyar" | "m" => Some(9),
        "triliun" | "t" => Some(12),
        _ => None,
    })?;
    Some(Decimal::from(10u64.pow(power)))
}

/// An amount in whole rupiah (or a count in whole things), from one written in its cell `text`:
/// the cell's own word counts (`Rp 30,4 juta`, `60 ribu`), else what its `column` counts in (its
/// header's or caption's unit, or 1).
pub fn in_rupiah(amount: Decimal, text: &str, column: Decimal) -> Decimal {
    (amount * written_scale(text).unwrap_or(column)).normalize()
}

/// What a caption in the two rows above a table's header says its amounts count in, where it
/// says so with `dalam` (`(dalam ribuan rupiah)`, `Anggaran dalam Jutaan Rupiah`): the columns
/// whose own header names none count in it.
pub fn caption_scale(sheet: &Sheet, header_row: u32) -> Option<Decimal> {
    (header_row.saturating_sub(2)..header_row)
        .flat_map(|row| sheet.texts_in_row(row))
        .filter(|(_, text)| normalise(text).contains(" dalam "))
        .find_map(|(_, text)| scale_in(text))
}

/// The first rows under a header (sixty, as many as any table's first goals and indicators
/// take): what its columns hold, where the header's words leave a column's role open.
struct Below<'a> {
    sheet: &'a Sheet,
    rows: &'a [u32],
}

impl Below<'_> {
    fn texts(&self, col: u32) -> impl Iterator<Item = &str> {
        self.rows.iter().filter_map(move |row| self.sheet.text(*row, col))
    }

    /// Whether column `col` carries a code with one of `prefixes` (`IKU.1 …`, `SK.1`).
    fn codes(&self, col: u32, prefixes: &[&str]) -> bool {
        self.texts(col).any(|t| prefixed_code(t, prefixes).is_some())
    }

    /// The code column `col` is by the codes its rows carry, goals' only (`SK.1`) or indicators'
    /// only (`IKK.1`); with `alone`, every text of it such a code and nothing else.
    fn code_role(&self, col: u32, alone: bool) -> Option<Role> {
        let carries = |prefixes: &[&str]| {
            if alone {
                self.texts(col).next().is_some() && self.texts(col).all(|t| code_alone(t, prefixes))
            } else {
                self.codes(col, prefixes)
            }
        };
        match (carries(&GOAL_PREFIXES), carries(&INDICATOR_PREFIXES)) {
            (true, false) => Some(Role::GoalCode),
            (false, true) => Some(Role::IndicatorCode),
            _ => None,
        }
    }
}

/// The first column of targets or realisasi, where a table's values start.
fn first_value(columns: &[(u32, Role)]) -> Option<u32> {
    columns.iter().filter(|(_, r)| matches!(r, Role::Target | Role::Realisasi)).map(|(c, _)| *c).min()
}

/// A report's label column headed in words no rule knows ("Kinerja", "Uraian", "Sasaran
/// Strategis" over goals and indicators alike): where no column is headed as the indicators'
/// and the rows below a column left of the targets carry indicator codes (`IKU.1 …`), that
/// column holds the indicators, and the goals too where it also carries goal codes (`SS.1 …`).
fn label_by_codes(below: &Below, columns: &mut Vec<(u32, Role)>) {
    let has = |role| columns.iter().any(|(_, r)| *r == role);
    if has(Role::Tree) || has(Role::Indicator) || !(has(Role::Target) || has(Role::Realisasi)) {
        return;
    }
    let Some(first_value) = first_value(columns) else { return };
    let role_at = |col: u32| columns.iter().find(|(c, _)| *c == col).map(|(_, r)| *r);
    let open = |c: &u32| matches!(role_at(*c), None | Some(Role::Goal | Role::Description));
    let Some(col) = (0..first_value).filter(open).find(|c| below.codes(*c, &INDICATOR_PREFIXES)) else { return };
    let role = match (below.codes(col, &GOAL_PREFIXES), role_at(col)) {
        (true, _) => Role::Tree,
        (false, Some(Role::Goal)) => return,
        (false, _) => Role::Indicator,
    };
    columns.retain(|(c, _)| *c != col);
    columns.push((col, role));
    columns.sort_unstable_by_key(|(c, _)| *c);
}

/// A `No.` column whose rows carry codes of one kind only, goals' (`SK.1`) or indicators'
/// (`IKK.1`), is that code column: a central unit's codes keep their prefix (and go through its
/// crosswalk) rather than being read as row numbers. One carrying both (`SS.1` on goal rows,
/// `IKU.1` on indicator rows) still tells the two apart as a No. column.
fn codes_in_no_columns(below: &Below, columns: &mut [(u32, Role)]) {
    for (col, role) in columns.iter_mut().filter(|(_, r)| *r == Role::No) {
        *role = below.code_role(*col, false).unwrap_or(Role::No);
    }
}

/// A column headed nothing, left of the targets, whose rows carry codes alone of one kind, goals'
/// (`SK.1`) or indicators' (`IKK.1`): that code column, as if headed so (a central unit's codes
/// keep their prefix and go through its crosswalk, rather than the rows being coded by place).
fn codes_in_blank_columns(below: &Below, columns: &mut Vec<(u32, Role)>) {
    let Some(first_value) = first_value(columns) else { return };
    let unheaded: Vec<u32> = (0..first_value).filter(|c| columns.iter().all(|(hc, _)| hc != c)).collect();
    for col in unheaded {
        let Some(role) = below.code_role(col, true) else { continue };
        if columns.iter().all(|(_, r)| *r != role) {
            columns.push((col, role));
        }
    }
    columns.sort_unstable_by_key(|(c, _)| *c);
}

/// "Serapan" or "Penyerapan" over amounts in rupiah beside a pagu, where no column is headed as
/// the money spent: the realisasi anggaran, not its share (a share of the pagu is never a
/// thousand percent). Most of the column's amounts other than 0 decide.
fn serapan_in_rupiah(below: &Below, columns: &mut [(u32, Role)]) {
    let has = |role| columns.iter().any(|(_, r)| *r == role);
    if !has(Role::Pagu) || has(Role::BudgetRealisasi) {
        return;
    }
    let Some((col, role)) = columns.iter_mut().find(|(_, r)| *r == Role::Serapan) else { return };
    if amounts_in_rupiah(below, *col) {
        *role = Role::BudgetRealisasi;
    }
}

/// Whether most of the amounts other than 0 below in column `col` are a thousand or more: rupiah,
/// not a percentage.
fn amounts_in_rupiah(below: &Below, col: u32) -> bool {
    let amounts: Vec<Decimal> = (below.rows.iter())
        .filter_map(|row| super::plan::amount_of(below.sheet.get(*row, col)))
        .filter(|a| !a.is_zero())
        .collect();
    let large = amounts.iter().filter(|a| a.abs() >= Decimal::ONE_THOUSAND).count();
    large * 2 > amounts.len()
}

/// Whether a row holds a figure: a number with a fraction, a percentage, or a whole number
/// neither a column's number nor a year, typed as a number or as text (`979.227.170.000`). The
/// first row of a table's body ("Stakeholder Perspective | 97,08 | 24,27") is no sub-header,
/// however short its words.
fn holds_figures(sheet: &Sheet, row: u32) -> bool {
    let figure = |n: i64| !((0..=50).contains(&n) || (1990..=2100).contains(&n));
    sheet.cells_in_row(row).any(|(_, data)| match data {
        Data::Percent(..) => true,
        Data::Int(_) | Data::Float(..) | Data::Fixed(..) => data.whole().is_none_or(figure),
        Data::String(_) => match super::cell::read(data).kind {
            super::cell::Kind::Text(c) => c
                .indonesian
                .or(c.english)
                .is_some_and(|(n, _)| !n.fract().is_zero() || i64::try_from(n).is_ok_and(figure)),
            _ => false,
        },
        _ => false,
    })
}

/// The quarters' Roman numerals, in order, as a sub-header row numbers them under "Realisasi".
const QUARTER_NUMERALS: [&str; 4] = ["I", "II", "III", "IV"];

/// The header starting at `row`, if that row (alone, or with the row below it as sub-headers
/// under merged group headers) names a table family.
pub fn header_at(sheet: &Sheet, row: u32) -> Option<Header> {
    // A mark alone where a heading would stand ("-") heads nothing: the column is unheaded.
    let texts_in = |r: u32| sheet.texts_in_row(r).filter(|(_, t)| !heads_nothing(t));
    let top: Vec<(u32, String)> = texts_in(row).map(|(c, t)| (c, t.to_string())).collect();
    // A row holding a figure is none ("NPSS | 98,47" above the header, the number typed as text).
    if top.len() < 2 || holds_figures(sheet, row) {
        return None;
    }
    let single = (roles_of(top.iter().cloned()), top.clone());
    // The sub-headers' row: the next, or, under a row of three headings or more, the one after a
    // blank row parting the two.
    let under_row = match row + 1 {
        next if single.0.len() >= 3 && sheet.row_is_blank(next, 0, u32::MAX) && texts_in(next + 1).count() >= 2 => {
            next + 1
        }
        next => next,
    };
    // Whether a heading names a period its sub-headers number ("Realisasi Triwulan" over 1 | 2 …,
    // "Semester" over I | II): a number after it, Arabic or Roman, names the period.
    let numbers_periods = top.iter().any(|(_, t)| !periods_named(&format!("{t} 1")).is_empty());
    // A year under a group header (TARGET over 2020 | 2021 | …) may be typed as a number, and so
    // may a quarter under one naming quarters ("Realisasi Triwulan" over 1 | 2 | 3 | 4).
    let quarter = |data: &Data| data.whole().filter(|n| numbers_periods && (1..=4).contains(n)).map(|n| n.to_string());
    let below: Vec<(u32, String)> = (sheet.headings_in_row(under_row))
        .chain(sheet.cells_in_row(under_row).filter_map(|(c, data)| quarter(data).map(|q| (c, q))))
        .filter(|(_, t)| !heads_nothing(t))
        .collect();
    let sub_headers =
        below.iter().all(|(_, t)| classify(t).is_some() || t.len() < 40) && !holds_figures(sheet, under_row);
    let double = (!below.is_empty() && sub_headers)
        .then(|| {
            // A group header ("Kinerja", "Anggaran") merged over the sub-headers below it.
            // Only the columns between the two rows' first and last text matter.
            let cols = top.iter().chain(&below).map(|(c, _)| *c);
            let (first, last) = (cols.clone().min().unwrap_or(0), cols.max().unwrap_or(0));
            let mut group = String::new();
            let mut combined = Vec::new();
            // Three quarters or more numbered in order (again from I under each group: Target's,
            // then Realisasi's), no numeral past IV (months I … XII are no quarters), and no
            // period named above them.
            // In capitals or not (i | ii | iii | iv).
            let numeral =
                |t: &str| !t.is_empty() && t.chars().all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X'));
            let quarter = |t: &str| QUARTER_NUMERALS.iter().position(|q| q.eq_ignore_ascii_case(t.trim()));
            let places: Vec<usize> = below.iter().filter_map(|(_, t)| quarter(t)).collect();
            let past_iv = below.iter().any(|(_, t)| numeral(t.trim()) && quarter(t).is_none());
            let numbered_quarters = !past_iv
                && places.first() == Some(&0)
                && places.windows(2).all(|w| w[1] == w[0] + 1 || w[1] == 0)
                && places.contains(&2)
                && !numbers_periods;
            for col in first..=last {
                let over = top.iter().find(|(c, _)| *c == col).map(|(_, t)| t.as_str());
                let under = below.iter().find(|(c, _)| *c == col).map(|(_, t)| t.as_str());
                if let Some(over) = over {
                    group = over.to_string();
                }
                match (over, under) {
                    // A bare `%` is a percentage whatever group it stands in ("Kinerja", "Anggaran").
                    (_, Some(under)) if ["%", "(%)"].contains(&under.trim()) => combined.push((col, under.to_string())),
                    // A sub-header already naming its group ("Anggaran" under "Anggaran") stands alone.
                    (_, Some(under)) if normalise(under).contains(&normalise(&group)) => {
                        combined.push((col, under.to_string()))
                    }
                    // Quarters numbered I | II | III … under a group naming no period ("Realisasi").
                    (_, Some(under)) if numbered_quarters && quarter(under).is_some() => {
                        combined.push((col, format!("{group} TW {}", under.to_ascii_uppercase())))
                    }
                    (_, Some(under)) => combined.push((col, format!("{group} {under}"))),
                    // A header with nothing under its own column is a column of its own (merged
                    // down), the group of none right of it: "Indikator Kinerja" beside a group
                    // header left blank over Target | Realisasi.
                    (Some(over), None) => {
                        combined.push((col, over.to_string()));
                        group.clear();
                    }
                    (None, None) => group.clear(),
                }
            }
            (roles_of(combined.iter().cloned()), combined)
        })
        .filter(|(roles, _)| roles.len() > single.0.len());
    let ((mut columns, texts), last_row) = match double {
        Some(chosen) => (chosen, under_row),
        None => (single, row),
    };
    settle_capaian_columns(&mut columns, &texts);
    let below = Below { sheet, rows: sheet.rows_below(last_row, 60) };
    label_by_codes(&below, &mut columns);
    codes_in_no_columns(&below, &mut columns);
    codes_in_blank_columns(&below, &mut columns);
    serapan_in_rupiah(&below, &mut columns);
    let family = family(&columns)?;
    settle_budget_columns(&mut columns, family, &texts, &below);
    settle_summary_columns(&mut columns, family);
    let years = texts.iter().filter_map(|(col, text)| year_in(text).map(|y| (*col, y))).collect();
    let periods =
        texts.iter().flat_map(|(col, text)| periods_named(text).into_iter().map(move |p| (*col, p))).collect();
    let caption = caption_scale(sheet, row);
    let scales = texts.iter().filter_map(|(col, text)| scale_in(text).or(caption).map(|s| (*col, s))).collect();
    let revised = texts.iter().filter_map(|(col, text)| revision_named(text).map(|r| (*col, r))).collect();
    let sources = texts.iter().filter_map(|(col, text)| source_named(text).map(|s| (*col, s))).collect();
    let to_date = texts.iter().filter(|(_, text)| to_date_named(text)).map(|(col, _)| *col).collect();
    let estimates = texts.iter().filter(|(_, text)| super::cell::names_estimate(text)).cloned().collect();
    let superseded = Vec::new();
    Some(Header {
        family,
        first_row: row,
        last_row,
        columns,
        years,
        periods,
        scales,
        revised,
        sources,
        to_date,
        estimates,
        spent_by_part: Vec::new(),
        superseded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_years_columns_are_chosen_among_several() {
        let header = Header {
            family: Family::Performance,
            first_row: 0,
            last_row: 1,
            columns: vec![
                (0, Role::Indicator),
                (1, Role::Target),
                (2, Role::Target),
                (3, Role::Realisasi),
                (4, Role::Realisasi),
            ],
            years: vec![(1, 2022), (2, 2023), (3, 2022), (4, 2023)],
            periods: Vec::new(),
            scales: Vec::new(),
            revised: Vec::new(),
            sources: Vec::new(),
            superseded: Vec::new(),
            to_date: Vec::new(),
            estimates: Vec::new(),
            spent_by_part: Vec::new(),
        };
        let for_year = |year| {
            let (header, years, _) = header.for_report(year, None);
            (header, years)
        };
        let (chosen, choice) = for_year(Some(2023));
        assert_eq!((chosen.col(Role::Target), chosen.col(Role::Realisasi)), (Some(2), Some(4)));
        assert_eq!(choice.ignored, vec![(Role::Target, vec![2022]), (Role::Realisasi, vec![2022])]);
        let (unknown, choice) = for_year(None);
        assert_eq!((unknown.col(Role::Target), unknown.col(Role::Realisasi)), (None, None));
        assert_eq!(choice.uncertain.len(), 2);
        let (missing, choice) = for_year(Some(2024));
        assert_eq!(missing.col(Role::Realisasi), None);
        assert_eq!(choice.uncertain, vec![(Role::Target, vec![2022, 2023]), (Role::Realisasi, vec![2022, 2023])]);
        assert_eq!(year_in("TARGET 2023"), Some(2023));
        // An agreement's annual Target beside its quarters' targets is its target.
        let quarters = Header {
            columns: vec![(0, Role::Indicator), (1, Role::Target), (2, Role::Target), (3, Role::Target)],
            years: Vec::new(),
            periods: vec![(2, Period::Tw1), (3, Period::Tw2)],
            ..header.clone()
        };
        let (annual, _, choice) = quarters.for_report(Some(2024), Some(Period::Year));
        assert_eq!(annual.col(Role::Target), Some(1));
        assert_eq!(choice.ignored, vec![(Role::Target, vec![Period::Tw1, Period::Tw2])]);
        // A lone target is the report period's or the year's, never another part's.
        let lone = |period: Period| Header {
            columns: vec![(0, Role::Indicator), (1, Role::Target), (2, Role::Realisasi)],
            years: Vec::new(),
            periods: vec![(1, period)],
            ..header.clone()
        };
        for (period, kept) in
            [(Period::Tw3, true), (Period::Tw4, true), (Period::Year, true), (Period::Tw2, false), (Period::S1, false)]
        {
            let (chosen, _, choice) = lone(period).for_report(Some(2024), Some(Period::Tw3));
            assert_eq!(chosen.has(Role::Target), kept, "{period}");
            assert_eq!(choice.uncertain.is_empty(), kept, "{period}");
        }
        // The revised pagu, not the original beside it.
        let budget = Header {
            columns: vec![(0, Role::Indicator), (1, Role::Pagu), (2, Role::Pagu), (3, Role::BudgetRealisasi)],
            years: Vec::new(),
            revised: ["Pagu Awal", "Pagu Setelah Revisi", "Realisasi Anggaran"]
                .iter()
                .zip(1..)
                .filter_map(|(text, col)| revision_named(text).map(|r| (col, r)))
                .collect(),
            ..header.clone()
        };
        let (chosen, _, _) = budget.for_report(Some(2024), None);
        let revision = Superseded { role: Role::Pagu, set_aside: vec![1], kept: 2, why: Supersedes::Revision };
        assert_eq!((chosen.col(Role::Pagu), chosen.superseded.clone()), (Some(2), vec![revision]));
        // Money spent by quarter or semester alone is added up from January to the report's end.
        let spent = |parts: &[Period], to_date: &[u32]| Header {
            columns: (1..=parts.len() as u32).map(|c| (c, Role::BudgetRealisasi)).collect(),
            periods: (1..).zip(parts.iter().copied()).collect(),
            to_date: to_date.to_vec(),
            years: Vec::new(),
            ..header.clone()
        };
        let added = |parts: &[Period], to_date: &[u32], period: Period| {
            let (chosen, _, choice) = spent(parts, to_date).for_report(Some(2024), Some(period));
            let cols: Vec<u32> = chosen.spent_by_part.iter().map(|(c, _)| *c).collect();
            (cols, chosen.col(Role::BudgetRealisasi), choice.ignored)
        };
        let [q1, q2, q3, q4] = [Period::Tw1, Period::Tw2, Period::Tw3, Period::Tw4];
        assert_eq!(added(&[q1, q2, q3], &[], Period::Tw3), (vec![1, 2, 3], Some(3), vec![]));
        assert_eq!(added(&[q1, q2, q3, q4], &[], Period::Year).0, [1, 2, 3, 4]);
        assert_eq!(added(&[q1, q2], &[], Period::S1).0, [1, 2]);
        assert_eq!(added(&[Period::S1, Period::S2], &[], Period::Year).0, [1, 2]);
        assert_eq!(added(&[Period::S1, q3], &[], Period::Tw3).0, [1, 2]);
        // A later quarter's column (an empty TW IV) is set aside by period.
        let later = (vec![1, 2, 3], Some(3), vec![(Role::BudgetRealisasi, vec![q4])]);
        assert_eq!(added(&[q1, q2, q3, q4], &[], Period::Tw3), later);
        // Nothing to add: one part to read, a part missing or out of order, a column to date.
        assert_eq!(added(&[q1, q2, q3], &[], Period::Tw1).0, Vec::<u32>::new());
        assert_eq!(added(&[q1, q3], &[], Period::Tw3).0, Vec::<u32>::new());
        assert_eq!(added(&[q2, q1, q3], &[], Period::Tw3).0, Vec::<u32>::new());
        assert_eq!(added(&[q1, q2, q3], &[3], Period::Tw3).0, Vec::<u32>::new());
        assert_eq!(added(&[Period::S1, Period::S2], &[], Period::Tw3).0, Vec::<u32>::new());
        // The PK's target, not the Renstra's beside it; two PK columns name none above the other.
        let plans = |names: &[&str]| Header {
            columns: vec![(0, Role::Indicator), (1, Role::Target), (2, Role::Target), (3, Role::Realisasi)],
            sources: names.iter().zip(1..).filter_map(|(text, col)| source_named(text).map(|s| (col, s))).collect(),
            years: Vec::new(),
            ..header.clone()
        };
        let (chosen, _, _) = plans(&["Target Renstra", "Target PK 2024"]).for_report(Some(2024), None);
        let binding = Superseded {
            role: Role::Target,
            set_aside: vec![1],
            kept: 2,
            why: Supersedes::Plan(vec![Source::Renstra], Source::Pk),
        };
        assert_eq!((chosen.col(Role::Target), chosen.superseded), (Some(2), vec![binding]));
        let (unsure, _, _) = plans(&["Target (Perjanjian Kinerja)", "Target PK"]).for_report(Some(2024), None);
        assert!(unsure.superseded.is_empty());
        assert_eq!(source_named("Target Renja vs Renstra"), None);
        assert_eq!(source_named("Target Kinerja"), None);
        assert_eq!(revision_named("Pagu sebelum revisi"), Some(false));
        assert_eq!((revision_named("Target Semula"), revision_named("Target Menjadi")), (Some(false), Some(true)));
        assert_eq!(periods_named("Realisasi TW III"), [Period::Tw3]);
        assert_eq!(periods_named("Target Triwulan ke-2"), [Period::Tw2]);
        assert_eq!(periods_named("Realisasi"), []);
        // Months name the periods they can be.
        assert_eq!(periods_named("Realisasi s.d. September 2024"), [Period::Tw3]);
        assert_eq!(periods_named("Realisasi Juli - September"), [Period::Tw3]);
        assert_eq!(periods_named("Realisasi s.d. Juni 2024"), [Period::Tw2, Period::S1]);
        assert_eq!(periods_named("Realisasi s.d. TW IV"), [Period::Year, Period::Tw4]);
        assert_eq!(periods_named("sampai dengan Semester II"), [Period::Year, Period::Tw4]);
        assert_eq!(periods_named("s/d TW II"), [Period::Tw2, Period::S1]);
        assert_eq!(periods_named("s.d. TW III"), [Period::Tw3]);
        assert_eq!(periods_named("Januari - Desember"), [Period::Year, Period::Tw4]);
        assert_eq!(periods_named("Realisasi Februari - April"), []);
        assert_eq!(periods_named("Realisasi Jan-Sept 2024"), [Period::Tw3]);
        assert_eq!(periods_named("Realisasi Okt - Des"), [Period::Tw4]);
        assert_eq!(year_in("Target (Rp 1.000)"), None);
        assert_eq!(year_in("Target Renstra 2020–2024"), None);
        assert_eq!(year_in("Realisasi s.d. 31 Desember 2024 (2024)"), Some(2024));
    }

    #[test]
    fn quarters_numbered_under_their_group_name_their_periods() {
        let periods = |over: &[(u32, &str)], under: Vec<(u32, Data)>| {
            let top = over.iter().map(|(c, t)| (0, *c, Data::String(t.to_string())));
            let cells = top.chain(under.into_iter().map(|(c, d)| (1, c, d))).collect();
            header_at(&Sheet::new("T".into(), false, cells), 0).map(|h| h.periods).unwrap_or_default()
        };
        let text = |c: u32, t: &str| (c, Data::String(t.into()));
        let quarters = [Period::Tw1, Period::Tw2, Period::Tw3, Period::Tw4];
        // Target's quarters, then Realisasi's, each numbered again from I.
        let both = vec![text(1, "I"), text(2, "II"), text(3, "III"), text(4, "IV"), text(5, "I"), text(6, "II")];
        let read = periods(&[(0, "Indikator"), (1, "Target"), (5, "Realisasi")], both);
        assert_eq!(read.iter().map(|(_, p)| *p).collect::<Vec<_>>(), [&quarters[..], &quarters[..2]].concat());
        // Two numerals may be a half-year's, and I … VI months: no quarter is named.
        assert!(periods(&[(0, "Indikator"), (1, "Realisasi")], vec![text(1, "I"), text(2, "II")]).is_empty());
        let months = ["I", "II", "III", "IV", "V", "VI"].iter().zip(1..).map(|(t, c)| text(c, t)).collect();
        assert!(periods(&[(0, "Indikator"), (1, "Realisasi")], months).is_empty());
        // Typed as numbers under a heading naming quarters.
        let typed = (1..=4).map(|n| (n as u32, Data::Int(n))).collect();
        let read = periods(&[(0, "Indikator"), (1, "Realisasi Triwulan")], typed);
        assert_eq!(read.iter().map(|(_, p)| *p).collect::<Vec<_>>(), quarters);
    }

    #[test]
    fn header_words() {
        assert_eq!(revision_named("Target Akhir Renstra"), None);
        assert_eq!(revision_named("Realisasi s.d. Akhir Tahun"), None);
        assert_eq!(revision_named("Pagu Akhir"), Some(true));
        assert_eq!(revision_named("Pagu Awal"), Some(false));
        assert_eq!(classify("Realisasi Tahun Lalu"), None);
        assert_eq!(classify("Capaian terhadap Target Akhir Renstra"), None);
        assert_eq!(classify("Capaian Tahun Sebelumnya"), None);
        assert_eq!(classify("Target Renstra"), Some(Role::Target));
        assert_eq!(classify("Rencana Tingkat Capaian"), Some(Role::Target));
        assert_eq!(classify("Rencana"), Some(Role::Target));
        assert_eq!(classify("Rencana Aksi"), None);
        // Realisasi over target is the capaian; the two named side by side are not.
        for over in ["Realisasi/Target", "Realisasi terhadap Target (%)", "Realisasi thd Target", "% Realisasi"] {
            assert_eq!(classify(over), Some(Role::Capaian), "{over}");
        }
        assert_eq!(classify("Target/Realisasi"), Some(Role::Target));
        // The money planned and absorbed, however headed.
        for (text, role) in [
            ("Rencana Anggaran", Role::Pagu),
            ("Target Anggaran (Rp)", Role::Pagu),
            ("Serapan (Rp)", Role::BudgetRealisasi),
            ("Penyerapan Anggaran (Rupiah)", Role::BudgetRealisasi),
            ("Serapan (%)", Role::Serapan),
        ] {
            assert_eq!(classify(text), Some(role), "{text}");
        }
        assert_eq!(classify("Sasaran Strategis / Indikator Kinerja Utama"), Some(Role::Tree));
        assert_eq!(classify("Sasaran Strategis/IKU"), Some(Role::Tree));
        assert_eq!(classify("SS / IKU"), Some(Role::Tree));
        assert_eq!(classify("Indikator Sasaran Strategis"), Some(Role::Indicator));
        assert_eq!(classify("Realisais\nKinerja"), Some(Role::Realisasi));
        assert_eq!(classify("Capaian (Kinerja)"), Some(Role::Capaian));
        assert_eq!(classify("%"), Some(Role::Capaian));
        assert_eq!(classify("Realisasi Anggaran"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Realisasi (Rp)"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Realisasi Keuangan"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Realisasi Fisik"), Some(Role::Realisasi));
        assert_eq!(classify("Pagu Anggaran"), Some(Role::Pagu));
        assert_eq!(classify("Anggaran (Rp)"), Some(Role::Pagu));
        assert_eq!(classify("Anggaran (Rp Ribu)"), Some(Role::Pagu));
        assert_eq!(classify("Sisa Anggaran"), Some(Role::Sisa));
        assert_eq!(classify("Sisa Pagu"), Some(Role::Sisa));
        assert_eq!(classify("Alokasi"), Some(Role::Pagu));
        assert_eq!(classify("DIPA"), Some(Role::Pagu));
        // The money spent, and its share of the pagu, in the words units use.
        assert_eq!(classify("Anggaran Terserap"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Terpakai"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Realisasi Angg."), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Realisasi Dana"), Some(Role::BudgetRealisasi));
        assert_eq!(classify("Persentase Realisasi Anggaran"), Some(Role::Serapan));
        assert_eq!(classify("Persentase Realisasi Kinerja"), Some(Role::Capaian));
        assert_eq!(classify("Capaian (%) Keuangan"), Some(Role::Serapan));
        assert_eq!(classify("Capaian Kinerja"), Some(Role::Capaian));
        assert_eq!(classify("Efisiensi (%)"), Some(Role::Efisiensi));
        assert_eq!(classify("KODE SS"), Some(Role::GoalCode));
        assert_eq!(classify("KODE SK"), Some(Role::GoalCode));
        assert_eq!(classify("Kode IKK"), Some(Role::IndicatorCode));
        assert_eq!(classify("NO IKK"), Some(Role::IndicatorCode));
        assert_eq!(classify("KD SK"), Some(Role::GoalCode));
        assert_eq!(classify("No. SK"), Some(Role::GoalCode));
        assert_eq!(classify("Kode SKPD"), Some(Role::Code));
        assert_eq!(classify("INDIKATOR KINERJA UTAMA"), Some(Role::Indicator));
        assert_eq!(classify("Skor SS"), Some(Role::Skor));
        assert_eq!(classify("No."), Some(Role::No));
        assert_eq!(classify("Status NSS"), Some(Role::Status));
        assert_eq!(classify("Nilai Kinerja Perspektif (NKP)"), Some(Role::Nkp));
        assert_eq!(classify("Nilai Kinerja Perspektif"), Some(Role::Nkp));
        assert_eq!(classify("Skor Perspektif"), Some(Role::Skor));
        assert_eq!(classify("Nilai Perspektif"), Some(Role::Skor));
        assert_eq!(classify("Capaian Perspektif"), Some(Role::Skor));
        assert_eq!(classify("Bobot Perspektif"), Some(Role::Weight));
        assert_eq!(classify("Bobot x Skor"), Some(Role::Nkp));
        assert_eq!(classify("Nilai Tertimbang"), Some(Role::Nkp));
        assert_eq!(classify("Bobot"), Some(Role::Weight));
        assert_eq!(classify("Perspektif"), Some(Role::Perspective));
        assert_eq!(classify("Kode"), Some(Role::Code));
        assert_eq!(classify("Uraian"), Some(Role::Description));
        assert_eq!(classify("Nama Kegiatan"), Some(Role::Description));
        assert_eq!(classify("Nama Indikator"), Some(Role::Indicator));
        assert_eq!(classify("Terwujudnya instansi pemerintah"), None);
        assert_eq!(classify("Kategori"), Some(Role::Category));
        assert_eq!(classify("Jumlah"), Some(Role::Count));
        assert_eq!(classify("Persentase"), Some(Role::Share));
    }

    #[test]
    fn what_an_amount_column_counts_in() {
        let scale = |text: &str| scale_in(text).map(|s| s.to_string());
        assert_eq!(scale("Pagu (Rp Ribu)").as_deref(), Some("1000"));
        assert_eq!(scale("Anggaran (dalam ribuan rupiah)").as_deref(), Some("1000"));
        assert_eq!(scale("Realisasi (Rp 1.000)").as_deref(), Some("1000"));
        assert_eq!(scale("Realisasi (Rp '000)").as_deref(), Some("1000"));
        assert_eq!(scale("Pagu (Rp 1.000.000)").as_deref(), Some("1000000"));
        assert_eq!(scale("Pagu (dalam jutaan rupiah)").as_deref(), Some("1000000"));
        assert_eq!(scale("Pagu (Rp 1.000.000.000)").as_deref(), Some("1000000000"));
        assert_eq!(scale("Pagu (Rp miliar)").as_deref(), Some("1000000000"));
        assert_eq!(scale("Pagu Anggaran (Rp)"), None);
        assert_eq!(scale("Pagu 2024"), None);
        let written = |text: &str| written_scale(text).map(|s| s.to_string());
        assert_eq!(written("Rp 30,4 juta").as_deref(), Some("1000000"));
        assert_eq!(written("29,96 jt").as_deref(), Some("1000000"));
        assert_eq!(written("184 rb").as_deref(), Some("1000"));
        assert_eq!(written("Rp 1,5 M").as_deref(), Some("1000000000"));
        assert_eq!(written("Rp 1.500.000"), None);
    }
}
