//! A worksheet's cells with absolute positions (cached formula values), stored sparsely: a
//! stray cell at `XFD1048576` next to a small table costs one cell, not the rectangle between.

use std::sync::Arc;

/// A cell as the workbook stores it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Data {
    #[default]
    Empty,
    Int(i64),
    Float(f64),
    /// A number under a format that shows a fixed count of decimals (`0.00`, `#,##0`): the
    /// number stored, and how many decimals the unit sees.
    Fixed(f64, u8),
    String(String),
    Bool(bool),
    /// A number under a percentage format: the fraction stored (0.9417 for 94,17 %), and how many
    /// decimals the percentage shows.
    Percent(f64, u8),
    /// A number under a date or time format: the Excel serial day.
    DateTime(f64),
    /// A date or duration written as ISO text (`t="d"`, ODS).
    DateTimeIso(String),
    /// A formula's cached error value, as Excel prints it (`#DIV/0!`, `#SPILL!`).
    Error(String),
    /// A formula saved without its value, or with one in a workbook that asks to be calculated
    /// again on opening (a file written by a program that does not calculate): what the cell
    /// shows in Excel is not in the file.
    Uncalculated,
}

impl Data {
    /// A number with no fraction (a No., a code, a year), however the cell stores it.
    pub fn whole(&self) -> Option<i64> {
        match self {
            Data::Int(i) => Some(*i),
            Data::Float(f) | Data::Fixed(f, _) if f.fract() == 0.0 => Some(*f as i64),
            _ => None,
        }
    }
}

/// One worksheet: its name, whether it is hidden, and its filled cells by row.
pub struct Sheet {
    pub name: Arc<str>,
    /// Hidden sheets are read for tables but not for titles: they hold lists and lookups.
    pub hidden: bool,
    /// Row numbers with at least one cell, ascending.
    rows: Vec<u32>,
    /// Where each row's cells start in `cells`; one more entry than `rows`.
    starts: Vec<usize>,
    /// (column, value), ordered by row then column.
    cells: Vec<(u32, Data)>,
    /// What the workbook hides and merges inside the sheet (`.xlsx` only).
    layout: Layout,
}

impl Layout {
    /// Keep a merged range, first and last cell (row, column), when it merges cells down one
    /// column, up to as many ranges as Excel keeps in a sheet; whether more may come.
    pub fn merge(&mut self, (r1, c1): (u32, u32), (r2, c2): (u32, u32)) -> bool {
        if c1 == c2 && r1 != r2 {
            self.merged_down.push((c1, r1.min(r2), r1.max(r2)));
        }
        self.merged_down.len() < 65_536
    }
}

/// Rows and columns a worksheet hides, and the cells it merges.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Layout {
    /// Hidden rows that hold a cell, ascending.
    pub hidden_rows: Vec<u32>,
    /// Ranges of hidden columns (first, last).
    pub hidden_cols: Vec<(u32, u32)>,
    /// Cells merged down one column, (column, first row, last row): the first cell holds the
    /// value. Sorted by [`Sheet::with_layout`].
    pub merged_down: Vec<(u32, u32, u32)>,
}

static EMPTY: Data = Data::Empty;

impl Sheet {
    /// A sheet from its non-empty cells in any order; a later cell at the same place wins.
    pub fn new(name: String, hidden: bool, mut cells: Vec<(u32, u32, Data)>) -> Self {
        cells.retain(|(_, _, d)| *d != Data::Empty);
        // Workbooks list cells in order; sort only the ones that do not. Stable, so of two
        // cells at one place the later one stays last.
        if !cells.is_sorted_by_key(|(row, col, _)| (*row, *col)) {
            cells.sort_by_key(|(row, col, _)| (*row, *col));
        }
        cells.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                std::mem::swap(&mut later.2, &mut earlier.2);
            }
            same
        });
        drop_column_numbers(&mut cells);
        let mut rows = Vec::new();
        let mut starts = Vec::new();
        for (i, (row, _, _)) in cells.iter().enumerate() {
            if rows.last() != Some(row) {
                rows.push(*row);
                starts.push(i);
            }
        }
        starts.push(cells.len());
        let cells = cells.into_iter().map(|(_, col, data)| (col, data)).collect();
        Sheet { name: name.into(), hidden, rows, starts, cells, layout: Layout::default() }
    }

    /// This sheet with the rows and columns its workbook hides and the cells it merges.
    pub fn with_layout(mut self, mut layout: Layout) -> Self {
        layout.merged_down.sort_unstable();
        self.layout = layout;
        self
    }

    /// The first row of the cells merged down column `col` that cover `row` below it: the cell
    /// printed across them. (Merged ranges never overlap: the one starting last above `row` is
    /// the only one that can.)
    pub fn merged_from(&self, row: u32, col: u32) -> Option<u32> {
        self.merged_rows(row, col).map(|(first, _)| first).filter(|first| *first < row)
    }

    /// The rows, first and last, of the cells merged down column `col` over `row`, its first row
    /// included.
    pub fn merged_rows(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        let merged = &self.layout.merged_down;
        let above = merged.partition_point(|(c, first, _)| (*c, *first) <= (col, row));
        let (c, first, last) = merged.get(above.checked_sub(1)?)?;
        (*c == col && row <= *last).then_some((*first, *last))
    }

    /// The hidden rows from `first` to `last` that hold a cell.
    pub fn hidden_rows(&self, first: u32, last: u32) -> impl Iterator<Item = u32> + '_ {
        self.layout.hidden_rows.iter().copied().filter(move |r| (first..=last).contains(r))
    }

    pub fn col_hidden(&self, col: u32) -> bool {
        self.layout.hidden_cols.iter().any(|(first, last)| (*first..=*last).contains(&col))
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cells of a row, left to right.
    fn row(&self, row: u32) -> &[(u32, Data)] {
        match self.rows.binary_search(&row) {
            Ok(i) => &self.cells[self.starts[i]..self.starts[i + 1]],
            Err(_) => &[],
        }
    }

    pub fn get(&self, row: u32, col: u32) -> &Data {
        let cells = self.row(row);
        match cells.binary_search_by_key(&col, |(c, _)| *c) {
            Ok(i) => &cells[i].1,
            Err(_) => &EMPTY,
        }
    }

    /// The trimmed text of a string cell, if it has any.
    pub fn text(&self, row: u32, col: u32) -> Option<&str> {
        trimmed_text(self.get(row, col))
    }

    /// First and last row (inclusive), or `(1, 0)` for an empty sheet.
    pub fn row_bounds(&self) -> (u32, u32) {
        match (self.rows.first(), self.rows.last()) {
            (Some(first), Some(last)) => (*first, *last),
            _ => (1, 0),
        }
    }

    /// The rows that hold a cell, ascending.
    pub fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        self.rows.iter().copied()
    }

    /// Up to `count` row numbers with a cell, below `row`.
    pub fn rows_below(&self, row: u32, count: usize) -> &[u32] {
        let first = self.rows.partition_point(|r| *r <= row);
        &self.rows[first..self.rows.len().min(first + count)]
    }

    /// The cells of a row that hold something, left to right.
    pub fn cells_in_row(&self, row: u32) -> impl Iterator<Item = (u32, &Data)> {
        self.row(row).iter().map(|(col, data)| (*col, data))
    }

    /// The string cells of a row, left to right.
    pub fn texts_in_row(&self, row: u32) -> impl Iterator<Item = (u32, &str)> {
        self.row(row).iter().filter_map(|(col, data)| trimmed_text(data).map(|t| (*col, t)))
    }

    /// The row's texts as headings, and each year typed as a number (2023: Excel keeps a year
    /// typed under a group header as a number) as its text.
    pub fn headings_in_row(&self, row: u32) -> impl Iterator<Item = (u32, String)> {
        self.row(row).iter().filter_map(|(col, data)| {
            let year = || data.whole().filter(|y| is_year(*y)).map(|y| y.to_string());
            trimmed_text(data).map(str::to_string).or_else(year).map(|t| (*col, t))
        })
    }

    /// The columns that hold a cell in some row, ascending.
    pub fn columns(&self) -> Vec<u32> {
        let mut used = vec![false; self.cells.iter().map(|(col, _)| *col as usize + 1).max().unwrap_or(0)];
        for (col, _) in &self.cells {
            used[*col as usize] = true;
        }
        (0..).zip(used).filter_map(|(col, used)| used.then_some(col)).collect()
    }

    /// The columns `first` to `last` of this sheet alone, each cell where it stands, with what
    /// the workbook hides and merges among them: one of two tables side by side, to be read as
    /// though on a sheet of its own.
    pub fn band(&self, first: u32, last: u32) -> Sheet {
        let within = |col: u32| (first..=last).contains(&col);
        let (mut rows, mut starts, mut cells) = (Vec::new(), Vec::new(), Vec::new());
        for (i, row) in self.rows.iter().enumerate() {
            let start = cells.len();
            cells
                .extend(self.cells[self.starts[i]..self.starts[i + 1]].iter().filter(|(col, _)| within(*col)).cloned());
            if cells.len() > start {
                rows.push(*row);
                starts.push(start);
            }
        }
        starts.push(cells.len());
        let layout = Layout {
            hidden_rows: self.layout.hidden_rows.iter().copied().filter(|r| rows.binary_search(r).is_ok()).collect(),
            hidden_cols: self.layout.hidden_cols.iter().copied().filter(|(f, l)| *f <= last && *l >= first).collect(),
            merged_down: self.layout.merged_down.iter().copied().filter(|(col, _, _)| within(*col)).collect(),
        };
        Sheet { name: Arc::clone(&self.name), hidden: self.hidden, rows, starts, cells, layout }
    }

    /// The first text of a row (its label, wherever it starts), or "".
    pub fn first_text(&self, row: u32) -> &str {
        self.texts_in_row(row).map(|(_, t)| t).next().unwrap_or("")
    }

    /// Whether a cell is empty or holds only white space.
    pub fn is_blank(&self, row: u32, col: u32) -> bool {
        blank(self.get(row, col))
    }

    /// Whether every cell of the row between `first` and `last` is blank.
    pub fn row_is_blank(&self, row: u32, first: u32, last: u32) -> bool {
        self.row(row).iter().filter(|(col, _)| (first..=last).contains(col)).all(|(_, data)| blank(data))
    }

    /// Whether every cell of the row outside the columns `cols` is blank.
    pub fn blank_outside(&self, row: u32, cols: &[u32]) -> bool {
        self.row(row).iter().all(|(col, data)| cols.contains(col) || blank(data))
    }

    /// Whether every cell of the column on `rows` (first and last) is blank.
    pub fn col_is_blank(&self, col: u32, (first, last): (u32, u32)) -> bool {
        (first..=last).all(|row| self.is_blank(row, col))
    }

    /// Whether the column's header on `rows` (first and last) heads it with nothing: each cell
    /// blank, or a mark alone ("-", "…") where a heading would stand.
    pub fn heading_is_blank(&self, col: u32, (first, last): (u32, u32)) -> bool {
        (first..=last).all(|row| match self.get(row, col) {
            Data::String(text) => heads_nothing(text),
            data => blank(data),
        })
    }
}

/// A header cell's text that names nothing: no letter or digit, no `%` or `#`.
pub fn heads_nothing(text: &str) -> bool {
    !text.chars().any(|c| c.is_alphanumeric() || c == '%' || c == '#')
}

pub(super) fn blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Drops each row numbering the columns of the header just above it (`1 | 2 | 3 …`, `(1) | (2) |
/// (3)=(2)/(1) …`, as government tables print under their headings): no part of the table, read
/// as one it would be a row of figures. It numbers three columns or more from 1, in order, under
/// a row of two headings or more (words or years), starting no right of that row's first:
/// quarters numbered under their group header ("Triwulan" over `1 | 2 | 3 | 4`) start right of
/// it and stay.
fn drop_column_numbers(cells: &mut Vec<(u32, u32, Data)>) {
    let ordinal = |data: &Data| match data {
        Data::String(text) => {
            let text = text.trim();
            let text = text.strip_prefix('(').unwrap_or(text);
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            let rest = text[digits..].trim_start_matches(')').trim_start();
            (rest.is_empty() || rest.starts_with('=')).then(|| text[..digits].parse().ok()).flatten()
        }
        other => other.whole(),
    };
    let heading = |data: &Data| match trimmed_text(data) {
        Some(text) => text.chars().any(char::is_alphabetic) || text.parse().is_ok_and(is_year),
        None => data.whole().is_some_and(is_year),
    };
    let heads = |above: &[(u32, u32, Data)], row: &[(u32, u32, Data)]| {
        above[0].0 + 1 == row[0].0 && row[0].1 <= above[0].1 && above.iter().filter(|c| heading(&c.2)).count() >= 2
    };
    let mut numbering = Vec::new();
    let mut above: Option<&[(u32, u32, Data)]> = None;
    for row in cells.chunk_by(|a, b| a.0 == b.0) {
        let numbers = row.len() >= 3 && (1..).zip(row).all(|(n, (_, _, data))| ordinal(data) == Some(n));
        if numbers && above.is_some_and(|above| heads(above, row)) {
            numbering.push(row[0].0);
        }
        above = Some(row);
    }
    if !numbering.is_empty() {
        cells.retain(|(row, _, _)| !numbering.contains(row));
    }
}

/// Whether a whole number is a year of the plans and reports kinerja reads, in a header's words
/// or typed as a number.
pub(super) fn is_year(number: i64) -> bool {
    (2000..=2100).contains(&number)
}

fn trimmed_text(data: &Data) -> Option<&str> {
    match data {
        Data::String(s) if !s.trim().is_empty() => Some(s.trim()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_far_cell_costs_one_cell() {
        let sheet = Sheet::new(
            "S".into(),
            false,
            vec![
                (0, 0, Data::String("a".into())),
                (1_048_575, 16_383, Data::Float(1.0)),
                (0, 2, Data::String("c".into())),
                (0, 2, Data::String("later".into())),
                (5, 1, Data::Empty),
            ],
        );
        assert_eq!(sheet.row_bounds(), (0, 1_048_575));
        assert_eq!(sheet.rows().collect::<Vec<_>>(), vec![0, 1_048_575]);
        assert_eq!(sheet.texts_in_row(0).collect::<Vec<_>>(), vec![(0, "a"), (2, "later")]);
        assert_eq!(sheet.get(1_048_575, 16_383), &Data::Float(1.0));
        assert!(sheet.is_blank(5, 1));
        assert!(sheet.row_is_blank(0, 1, 1));
        assert!(!sheet.row_is_blank(0, 0, 1));
        assert_eq!(sheet.columns(), [0, 2, 16_383]);
    }

    #[test]
    fn a_band_keeps_its_columns_where_they_stand() {
        let text = |t: &str| Data::String(t.into());
        let cells = vec![(0, 0, text("a")), (0, 3, text("b")), (1, 0, text("c")), (2, 4, text("d"))];
        let layout =
            Layout { hidden_rows: vec![1, 2], hidden_cols: vec![(0, 1), (4, 4)], merged_down: vec![(3, 0, 1)] };
        let band = Sheet::new("S".into(), true, cells).with_layout(layout).band(3, 9);
        assert_eq!((&*band.name, band.hidden), ("S", true));
        assert_eq!(band.rows().collect::<Vec<_>>(), [0, 2]);
        assert_eq!((band.text(0, 3), band.text(2, 4), band.text(0, 0)), (Some("b"), Some("d"), None));
        assert_eq!(
            band.layout,
            Layout { hidden_rows: vec![2], hidden_cols: vec![(4, 4)], merged_down: vec![(3, 0, 1)] }
        );
    }

    #[test]
    fn a_row_numbering_the_columns_under_a_header_is_dropped() {
        let text = |t: &str| Data::String(t.into());
        let sheet = |rows: Vec<Vec<(u32, Data)>>| {
            let cells = (0..).zip(rows).flat_map(|(r, row)| row.into_iter().map(move |(c, d)| (r, c, d))).collect();
            Sheet::new("S".into(), false, cells).rows().collect::<Vec<_>>()
        };
        let header = || vec![(0, text("No.")), (1, text("Indikator")), (2, text("Target")), (3, text("Realisasi"))];
        let numbers = vec![(0, Data::Int(1)), (1, text("(2)")), (2, Data::Float(3.0)), (3, text("(4)=(3)/(2)"))];
        let figures = || vec![(0, Data::Int(1)), (1, text("IKU.1")), (2, text("90")), (3, text("95"))];
        assert_eq!(sheet(vec![header(), numbers.clone(), figures()]), [0, 2]);
        // Under a row of figures, or numbered otherwise, it is a row of the table.
        assert_eq!(sheet(vec![header(), figures(), numbers.clone()]), [0, 1, 2]);
        let skipping = vec![(0, Data::Int(1)), (1, Data::Int(2)), (2, Data::Int(4))];
        assert_eq!(sheet(vec![header(), skipping]), [0, 1]);
        // Quarters numbered under their group header start right of the header's first cell.
        let group = vec![(0, text("Indikator")), (1, text("Triwulan"))];
        let quarters = vec![(1, Data::Int(1)), (2, Data::Int(2)), (3, Data::Int(3)), (4, Data::Int(4))];
        assert_eq!(sheet(vec![group, quarters]), [0, 1]);
    }

    #[test]
    fn a_cell_merged_down_is_found_from_any_row_below_its_first() {
        let merged_down = vec![(3, 10, 12), (1, 4, 5), (3, 2, 3)];
        let sheet = Sheet::new("S".into(), false, Vec::new()).with_layout(Layout { merged_down, ..Layout::default() });
        let from = |row, col| sheet.merged_from(row, col);
        assert_eq!((from(11, 3), from(12, 3), from(3, 3), from(5, 1)), (Some(10), Some(10), Some(2), Some(4)));
        // Its first row, rows past it, between two ranges, other columns: none.
        assert_eq!((from(10, 3), from(13, 3), from(6, 3), from(11, 2), from(4, 1)), (None, None, None, None, None));
        // The whole range, from its first row too.
        assert_eq!((sheet.merged_rows(10, 3), sheet.merged_rows(5, 1)), (Some((10, 12)), Some((4, 5))));
        assert_eq!((sheet.merged_rows(13, 3), sheet.merged_rows(9, 3)), (None, None));
    }
}
