//! kinerja: BKN's performance-report workbooks in, checked and scored results out.
//!
//! # Layout
//!
//! - [`model`]: the shared nouns (units, periods, report rows, scores, findings); no I/O.
//! - [`config`]: embedded BKN defaults (units, scoring rules) plus an optional TOML file,
//!   validated once.
//! - [`ingest`]: a workbook file → a [`model::Report`] and the findings of reading it.
//! - [`score`]: a report → a [`model::Scorecard`] (capaian, NSS, NKP, NPSS, serapan,
//!   efisiensi); pure.
//! - [`validate`]: a report and its scorecard → findings on every value the unit computed;
//!   pure.
//! - [`check`]: the flow for one file (read → score → validate) and its text and JSON forms.

pub mod check;
pub mod config;
pub mod ingest;
pub mod model;
pub mod score;
pub mod validate;
