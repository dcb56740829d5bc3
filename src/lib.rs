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
//! - [`watch`]: which inbox files are candidates, and when one has settled and is complete.
//! - [`store`]: the SQLite ledger of arrivals, submissions, versions, findings and scores.
//! - [`pipeline`]: one taken file carried through: check → ledger → archive or rejected.
//! - [`consolidate`]: the planners' workbook of a year and period, from the ledger.
//! - [`template`]: blank report and agreement workbooks for units.
//! - [`mail`]: messages to the submitting unit, queued in the ledger and delivered.
//! - [`files`]: files written in kinerja's own folders: aside, then renamed; never through a link.
//! - [`status`]: per unit and period, the report that counts and its outcome, from the ledger.
//! - [`service`]: `kinerja serve`: the watcher, the bounded queue, the workers, shutdown.

pub mod check;
pub mod config;
pub mod consolidate;
pub mod files;
pub mod ingest;
pub mod mail;
pub mod model;
pub mod pipeline;
pub mod rollup;
pub mod score;
pub mod service;
pub mod status;
pub mod store;
pub mod template;
pub mod validate;
pub mod watch;
