//! Findings: what kinerja has to say about a workbook, each pointed at a cell.
//!
//! A discrepancy in a workbook is data, not an error: every finding is collected and none stops
//! the others. Each has a stable code, a severity and a message from one catalogue
//! ([`Code::template`]), in Bahasa Indonesia, naming the place the way the unit sees it.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// How much a finding matters. `Error` blocks consolidation; the others are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "peringatan",
            Severity::Error => "kesalahan",
        }
    }
}

/// A cell of a workbook: sheet name and zero-based row and column, shown as `Sheet!A1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    /// Shared by every cell of a sheet: a workbook has thousands of cell references.
    pub sheet: Arc<str>,
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(sheet: &Arc<str>, row: u32, col: u32) -> Self {
        CellRef { sheet: Arc::clone(sheet), row, col }
    }

    /// The A1 address of the cell: column letters then the one-based row.
    pub fn a1(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.col + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect::<String>() + &(self.row + 1).to_string()
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}", self.sheet, self.a1())
    }
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident, $template:literal;)*) => {
        /// Every finding kinerja can raise. The string codes are stable: units and planners
        /// filter on them, and the README documents each one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code, as written in JSON and in the README.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The severity a finding has unless configuration says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The message in Bahasa Indonesia, with `{subject}`, `{found}` and `{expected}`
            /// standing for the finding's fields.
            pub fn template(self) -> &'static str {
                match self { $(Code::$variant => $template,)* }
            }
        }
    };
}

codes! {
    FileUnreadable => "FILE_UNREADABLE", Error,
        "Berkas tidak dapat dibaca sebagai buku kerja Excel/ODS ({found}). Simpan ulang sebagai .xlsx lalu kirim kembali.";
    FileEncrypted => "FILE_ENCRYPTED", Error,
        "Berkas dilindungi kata sandi sehingga tidak dapat dibaca. Hapus kata sandi lalu kirim kembali.";
    FileEmpty => "FILE_EMPTY", Error,
        "Buku kerja tidak berisi data apa pun.";
    NoTable => "NO_TABLE", Error,
        "Tidak ditemukan tabel kinerja: tidak ada baris judul kolom dengan Indikator Kinerja dan Target/Realisasi, tabel anggaran, atau tabel perspektif.";
    CellUnreadable => "CELL_UNREADABLE", Error,
        "Nilai {subject} tidak dapat dibaca: \"{found}\". Isi dengan angka (misalnya 92,78), N/A, atau opini (WTP).";
    CellDate => "CELL_DATE", Error,
        "Nilai {subject} tersimpan sebagai tanggal ({found}), bukan angka. Format sel sebagai angka lalu ketik ulang nilainya.";
    FormulaError => "FORMULA_ERROR", Error,
        "Rumus pada {subject} menghasilkan galat {found}. Perbaiki rumusnya.";
    NumberAmbiguous => "NUMBER_AMBIGUOUS", Warning,
        "Angka {subject} \"{found}\" dapat dibaca dua cara; dibaca sebagai {expected}. Tulis dengan koma desimal (92,78) atau titik ribuan (1.203) yang konsisten dalam satu kolom.";
    NumberAsText => "NUMBER_AS_TEXT", Info,
        "Kolom {subject} berisi angka yang tersimpan sebagai teks (mulai sel ini, \"{found}\"; {expected} sel). Angka tetap dibaca; simpan sebagai angka agar rumus Excel ikut menghitungnya.";
    Provisional => "PROVISIONAL", Info,
        "Nilai {subject} ditandai sementara (\"{found}\"); dinilai apa adanya dan tanda sementara dibawa ke NSS, perspektif, dan NPSS.";
    RealisasiMissing => "REALISASI_MISSING", Warning,
        "Realisasi {subject} kosong; indikator tidak dinilai (dianggap N/A).";
    TargetMissing => "TARGET_MISSING", Error,
        "Target {subject} kosong atau nol sehingga capaian tidak dapat dihitung.";
    QualitativeLadder => "QUALITATIVE_LADDER", Info,
        "Capaian {subject} dihitung dengan tangga opini ({found} terhadap target {expected}).";
    QualitativeUnknown => "QUALITATIVE_UNKNOWN", Error,
        "Opini {subject} \"{found}\" tidak dikenal; yang dikenal: {expected}.";
    PerspectiveMissing => "PERSPECTIVE_MISSING", Warning,
        "{subject} tidak berada di bawah baris perspektif; dinilai dalam perspektif \"{found}\".";
    UnitUnknown => "UNIT_UNKNOWN", Error,
        "Unit kerja tidak dapat dikenali dari judul buku kerja. Cantumkan nama unit (misalnya \"Kantor Regional VII BKN Palembang\") pada judul.";
    UnitMismatch => "UNIT_MISMATCH", Error,
        "Buku kerja menyebut unit {found}, sedangkan laporan ini atas nama {expected}.";
    YearUnknown => "YEAR_UNKNOWN", Error,
        "Tahun laporan tidak dapat dikenali. Cantumkan \"Tahun 2024\" pada judul.";
    PeriodUnknown => "PERIOD_UNKNOWN", Error,
        "Periode laporan tidak dapat dikenali. Cantumkan \"Triwulan I\" … \"Triwulan IV\", \"Semester I/II\", atau \"Tahunan\" pada judul.";
    TableIgnored => "TABLE_IGNORED", Info,
        "Tabel kinerja kedua ({found}) tidak dibaca; yang dinilai adalah tabel pada {expected}.";
    ClaimCapaian => "CLAIM_CAPAIAN", Error,
        "Capaian {subject} tertulis {found}, hasil hitung ulang {expected}.";
    ClaimNss => "CLAIM_NSS", Error,
        "NSS {subject} tertulis {found}, hasil hitung ulang {expected}.";
    ClaimSkor => "CLAIM_SKOR", Error,
        "Skor perspektif {subject} tertulis {found}, hasil hitung ulang {expected}.";
    ClaimNkp => "CLAIM_NKP", Error,
        "NKP perspektif {subject} tertulis {found}, hasil hitung ulang {expected}.";
    ClaimNpss => "CLAIM_NPSS", Error,
        "NPSS tertulis {found}, hasil hitung ulang {expected}.";
    ClaimSerapan => "CLAIM_SERAPAN", Error,
        "Serapan anggaran {subject} tertulis {found}, hasil hitung ulang {expected}.";
    ClaimSisa => "CLAIM_SISA", Error,
        "Sisa anggaran {subject} tertulis {found}, seharusnya pagu − realisasi = {expected}.";
    ClaimEfisiensi => "CLAIM_EFISIENSI", Error,
        "Efisiensi {subject} tertulis {found}, hasil hitung ulang {expected}.";
}

/// One thing kinerja has to say about a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// Where it is; `None` for findings about the whole file.
    pub at: Option<CellRef>,
    /// The indicator, goal, perspective or column it concerns, as the unit names it.
    pub subject: String,
    pub found: String,
    pub expected: String,
}

impl Finding {
    pub fn new(code: Code, at: Option<CellRef>, subject: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.default_severity(),
            at,
            subject: subject.into(),
            found: String::new(),
            expected: String::new(),
        }
    }

    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = found.into();
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = expected.into();
        self
    }

    /// The message in Bahasa Indonesia, with the place prefixed where the finding has one.
    pub fn message(&self) -> String {
        let body = self
            .code
            .template()
            .replace("{subject}", &self.subject)
            .replace("{found}", &self.found)
            .replace("{expected}", &self.expected);
        match &self.at {
            Some(at) => format!("{at}: {body}"),
            None => body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_addresses() {
        assert_eq!(CellRef::new(&"S".into(), 0, 0).a1(), "A1");
        assert_eq!(CellRef::new(&"S".into(), 9, 25).a1(), "Z10");
        assert_eq!(CellRef::new(&"S".into(), 0, 26).a1(), "AA1");
        assert_eq!(CellRef::new(&"S".into(), 4, 701).a1(), "ZZ5");
        assert_eq!(CellRef::new(&"Tabel 3.2".into(), 4, 2).to_string(), "Tabel 3.2!C5");
    }

    #[test]
    fn codes_are_unique_and_messages_fill_every_placeholder() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {}", code.as_str());
            let f = Finding::new(*code, None, "IKU.1").found("1").expected("2");
            assert!(!f.message().contains('{'), "{}", code.as_str());
        }
    }
}
