//! A worksheet's cells with absolute positions, as calamine reads them (cached formula values).

use calamine::{Data, Range};
use std::sync::Arc;

pub struct Sheet {
    pub name: Arc<str>,
    /// Hidden sheets are read for tables but not for titles: they hold lists and lookups.
    pub hidden: bool,
    range: Range<Data>,
}

static EMPTY: Data = Data::Empty;

impl Sheet {
    pub fn new(name: String, hidden: bool, range: Range<Data>) -> Self {
        Sheet { name: name.into(), hidden, range }
    }

    pub fn is_empty(&self) -> bool {
        self.range.used_cells().next().is_none()
    }

    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&EMPTY)
    }

    /// The trimmed text of a string cell, if it has any.
    pub fn text(&self, row: u32, col: u32) -> Option<&str> {
        match self.get(row, col) {
            Data::String(s) if !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        }
    }

    /// First and last row (inclusive), or `(1, 0)` for an empty sheet.
    pub fn row_bounds(&self) -> (u32, u32) {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => (s.0, e.0),
            _ => (1, 0),
        }
    }

    pub fn col_bounds(&self) -> (u32, u32) {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => (s.1, e.1),
            _ => (1, 0),
        }
    }

    /// The string cells of a row, left to right.
    pub fn texts_in_row(&self, row: u32) -> impl Iterator<Item = (u32, &str)> {
        let (first, last) = self.col_bounds();
        (first..=last).filter_map(move |col| self.text(row, col).map(|t| (col, t)))
    }

    /// Whether a cell is empty or holds only white space.
    pub fn is_blank(&self, row: u32, col: u32) -> bool {
        match self.get(row, col) {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// Whether every cell of the row between `first` and `last` is blank.
    pub fn row_is_blank(&self, row: u32, first: u32, last: u32) -> bool {
        (first..=last).all(|col| self.is_blank(row, col))
    }
}
