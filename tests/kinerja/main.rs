//! kinerja's integration tests: real workbooks written by an independent writer
//! (tests/fixtures/generate.py), read through the library and through the binary.

mod annotated;
mod cli;
mod common;
mod config_file;
mod hostile;
mod layers;
mod layouts;
mod mail;
mod plans;
mod published;
mod reading;
mod render;
mod review;
mod rollup;
mod service;
mod template;
mod truth;
