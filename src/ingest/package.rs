//! Bounds before parsing: a zip package (.xlsx, .xlsm, .xlsb, .ods) is measured before any
//! reader sees it, so no count or size declared in a file drives an allocation past a limit.
//!
//! The declared unpacked sizes are what is measured: the zip reader stops any part that
//! inflates past its declared size with an error, so a part that lies about its size is
//! unreadable, never larger than it said.

use super::Failure;
use crate::config::Limits;
use std::io::Cursor;
use std::time::Instant;
use zip::ZipArchive;

/// What a package may hold, and what to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    Parts,
    PartSize,
    Unpacked,
    Ratio,
    Cells,
    Strings,
    TimeBudget,
    /// Rows × columns between the first and last cell of an .xls sheet, which is read densely.
    Area,
}

impl Limit {
    /// The limit as a unit's staff reads it, in the message's language.
    pub fn label(self, language: crate::model::Language) -> &'static str {
        use crate::model::Language::{En, Id};
        match (self, language) {
            (Limit::FileSize, Id) => "ukuran berkas",
            (Limit::FileSize, En) => "file size",
            (Limit::Parts, Id) => "jumlah bagian dalam paket berkas",
            (Limit::Parts, En) => "number of parts in the package",
            (Limit::PartSize, Id) => "ukuran satu bagian paket setelah dibuka",
            (Limit::PartSize, En) => "unpacked size of one part",
            (Limit::Unpacked, Id) => "ukuran seluruh paket setelah dibuka",
            (Limit::Unpacked, En) => "unpacked size of the package",
            (Limit::Ratio, Id) => "rasio kompresi",
            (Limit::Ratio, En) => "compression ratio",
            (Limit::Cells, Id) => "jumlah sel terisi",
            (Limit::Cells, En) => "number of filled cells",
            (Limit::Strings, Id) => "jumlah teks bersama (shared strings)",
            (Limit::Strings, En) => "number of shared strings",
            (Limit::TimeBudget, Id) => "waktu pemrosesan",
            (Limit::TimeBudget, En) => "processing time",
            (Limit::Area, Id) => "luas lembar .xls (baris × kolom antara sel pertama dan terakhir)",
            (Limit::Area, En) => "area of an .xls sheet (rows × columns between its first and last cell)",
        }
    }

    /// A measure of this limit, shown with its unit (`70 MiB`, `1.200.000`, `20 s`).
    pub fn shown(self, value: u64) -> String {
        match self {
            Limit::FileSize | Limit::PartSize | Limit::Unpacked => {
                let mib = value as f64 / (1024.0 * 1024.0);
                if mib >= 1.0 { format!("{mib:.0} MiB") } else { format!("{} KiB", value.div_ceil(1024)) }
            }
            Limit::Ratio => format!("{value} : 1"),
            Limit::TimeBudget => format!("{value} s"),
            Limit::Parts | Limit::Cells | Limit::Strings | Limit::Area => {
                crate::model::amount::display_rupiah(rust_decimal::Decimal::from(value))
            }
        }
    }
}

/// How much is left of one file's allowance while it is read.
pub struct Budget {
    start: Instant,
    allowed: std::time::Duration,
    cells_left: usize,
    cells_max: usize,
}

impl Budget {
    /// The allowance of `limits` for a file whose handling began at `start`.
    pub fn new(limits: &Limits, start: Instant) -> Self {
        Budget { start, allowed: limits.time_budget, cells_left: limits.cells, cells_max: limits.cells }
    }

    /// Count one filled cell.
    pub fn cell(&mut self) -> Result<(), Failure> {
        if self.cells_left == 0 {
            return Err(Failure::TooLarge {
                limit: Limit::Cells,
                found: self.cells_max as u64 + 1,
                max: self.cells_max as u64,
            });
        }
        self.cells_left -= 1;
        if self.cells_left.is_multiple_of(1024) { self.time() } else { Ok(()) }
    }

    /// Whether the time budget is spent.
    ///
    /// # Errors
    /// [`Failure::TooLarge`] with [`Limit::TimeBudget`] once it is.
    pub fn time(&self) -> Result<(), Failure> {
        let spent = self.start.elapsed();
        if spent > self.allowed {
            return Err(Failure::TooLarge {
                limit: Limit::TimeBudget,
                found: spent.as_secs().max(1),
                max: self.allowed.as_secs(),
            });
        }
        Ok(())
    }
}

const MIB: u64 = 1024 * 1024;

fn too_large(limit: Limit, found: u64, max: u64) -> Failure {
    Failure::TooLarge { limit, found, max }
}

/// What a file unpacks to, by its zip central directory (declared sizes, which the zip reader
/// holds parts to), or `size` when it is not a zip package: how much work reading it is.
pub fn unpacked<R: std::io::Read + std::io::Seek>(reader: R, size: u64) -> u64 {
    match ZipArchive::new(reader) {
        // From the central directory alone: no part's own header is read.
        Ok(archive) => {
            let directory = archive.metadata();
            (0..directory.len())
                .filter_map(|i| directory.entry(i).ok().map(|part| part.size()))
                .fold(size, u64::saturating_add)
        }
        Err(_) => size,
    }
}

/// A zip package read from memory.
pub type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Measure the zip package in `bytes` against `limits`; the package, opened once, for the
/// reader to go on with.
///
/// # Errors
/// [`Failure::Unreadable`] when it is not a zip package; [`Failure::TooLarge`] naming the
/// first limit it exceeds.
pub fn inspect<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Archive<'a>, Failure> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| Failure::Unreadable(e.to_string()))?;
    if archive.len() > limits.parts {
        return Err(too_large(Limit::Parts, archive.len() as u64, limits.parts as u64));
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let (declared, packed) = {
            let part = archive.by_index_raw(index).map_err(|e| Failure::Unreadable(e.to_string()))?;
            (part.size(), part.compressed_size())
        };
        if declared > limits.part_bytes {
            return Err(too_large(Limit::PartSize, declared, limits.part_bytes));
        }
        if declared > MIB && declared / packed.max(1) > limits.ratio {
            return Err(too_large(Limit::Ratio, declared / packed.max(1), limits.ratio));
        }
        total = total.saturating_add(declared);
        if total > limits.unpacked_bytes {
            return Err(too_large(Limit::Unpacked, total, limits.unpacked_bytes));
        }
    }
    Ok(archive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use zip::write::SimpleFileOptions;

    fn package(parts: &[(&str, &[u8])], declared_lie: bool) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(content).unwrap();
        }
        let mut bytes = zip.finish().unwrap().into_inner();
        if declared_lie {
            // Rewrite every declared unpacked size (local and central headers) to 10 bytes.
            for at in 0..bytes.len().saturating_sub(4) {
                if bytes[at..at + 4] == *b"PK\x03\x04" {
                    bytes[at + 22..at + 26].copy_from_slice(&10u32.to_le_bytes());
                } else if bytes[at..at + 4] == *b"PK\x01\x02" {
                    bytes[at + 24..at + 28].copy_from_slice(&10u32.to_le_bytes());
                }
            }
        }
        bytes
    }

    #[test]
    fn a_bomb_is_refused_by_its_size_and_a_lying_one_reads_no_further_than_it_declares() {
        let zeros = vec![0u8; 3 * MIB as usize];
        let limits = Limits { part_bytes: 2 * MIB, ratio: 1_000_000, ..Limits::default() };
        let honest = package(&[("xl/sharedStrings.xml", &zeros)], false);
        match inspect(&honest, &limits) {
            Err(Failure::TooLarge { limit: Limit::PartSize, found, .. }) => assert!(found > 2 * MIB),
            other => panic!("{other:?}"),
        }
        let lying = package(&[("xl/sharedStrings.xml", &zeros)], true);
        assert!(inspect(&lying, &limits).is_ok());
        let mut archive = ZipArchive::new(Cursor::new(lying.as_slice())).unwrap();
        let mut read = Vec::new();
        let error = archive.by_index(0).unwrap().read_to_end(&mut read).unwrap_err();
        assert!(read.len() <= 64 * 1024, "{} bytes read", read.len());
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
        let bytes = package(&[("a.xml", &zeros)], false);
        assert!(matches!(inspect(&bytes, &Limits::default()), Err(Failure::TooLarge { limit: Limit::Ratio, .. })));
    }

    #[test]
    fn counts_parts_and_accepts_a_real_report() {
        let many: Vec<(String, Vec<u8>)> = (0..30).map(|i| (format!("p{i}.xml"), vec![b'x'; 10])).collect();
        let parts: Vec<(&str, &[u8])> = many.iter().map(|(n, c)| (n.as_str(), c.as_slice())).collect();
        let limits = Limits { parts: 20, ..Limits::default() };
        assert!(matches!(
            inspect(&package(&parts, false), &limits),
            Err(Failure::TooLarge { limit: Limit::Parts, .. })
        ));
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_capaian.xlsx");
        assert!(inspect(&std::fs::read(fixture).unwrap(), &Limits::default()).is_ok());
        assert!(matches!(inspect(b"not a zip", &Limits::default()), Err(Failure::Unreadable(_))));
    }

    #[test]
    fn a_file_weighs_its_size_and_what_its_directory_declares() {
        let honest = package(&[("a.xml", &[b'a'; 1000]), ("b.xml", &[b'b'; 24])], false);
        assert_eq!(unpacked(Cursor::new(&honest), 7), 7 + 1024);
        // The declared sizes, also where they lie: the reader holds each part to them.
        let lying = package(&[("a.xml", &[b'a'; 1000]), ("b.xml", &[b'b'; 24])], true);
        assert_eq!(unpacked(Cursor::new(&lying), 7), 7 + 20);
        assert_eq!(unpacked(Cursor::new(b"not a zip"), 9), 9);
    }
}
