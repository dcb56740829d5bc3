//! Findings: what kinerja has to say about a workbook, each pointed at a cell.
//!
//! A discrepancy in a workbook is data, not an error: every finding is collected and none stops
//! the others. Each has a stable code, a severity and a message from one catalogue
//! ([`Code::template`]), in Bahasa Indonesia, naming the place the way the unit sees it.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;
use std::sync::Arc;

/// How much a finding matters. `Error` blocks consolidation; the others are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Its name in the ledger and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity named [`Severity::as_str`].
    pub fn from_name(name: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Error].into_iter().find(|s| s.as_str() == name)
    }

    /// What people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Severity::Info, Language::Id) => "info",
            (Severity::Warning, Language::Id) => "peringatan",
            (Severity::Error, Language::Id) => "kesalahan",
            (Severity::Info, Language::En) => "info",
            (Severity::Warning, Language::En) => "warning",
            (Severity::Error, Language::En) => "error",
        }
    }
}

/// Findings in the order people read them: errors first, then warnings, then information, each
/// in the order found. The text output, the annotated copy's *Temuan* and the mail's CSV list
/// them so; the Rekap's *Temuan* is queried in that order.
pub fn worst_first<T>(mut findings: Vec<T>, severity: impl Fn(&T) -> Severity) -> Vec<T> {
    findings.sort_by_key(|f| std::cmp::Reverse(severity(f)));
    findings
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
        Self::column_letters(self.col) + &(self.row + 1).to_string()
    }

    /// The letters of a zero-based column: A … Z, AA ….
    pub fn column_letters(col: u32) -> String {
        let mut letters = Vec::new();
        let mut n = col + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }

    /// The zero-based (row, column) of an A1 address; `None` when it is not one.
    pub fn parse_a1(address: &str) -> Option<(u32, u32)> {
        let split = address.find(|c: char| !c.is_ascii_uppercase())?;
        let (letters, digits) = address.split_at(split);
        let col = letters.bytes().try_fold(0u32, |n, b| n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1))?;
        let row: u32 = digits.parse().ok()?;
        Some((row.checked_sub(1)?, col.checked_sub(1)?))
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}", self.sheet, self.a1())
    }
}

/// One of a finding's two values: what the workbook says, or what it should.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Found,
    Expected,
}

impl Code {
    /// Whether the finding says a cell holds something kinerja could not read with confidence
    /// (not that what it read is wrong), or a word it cannot score (no opinion on the ladder, or
    /// one beside a number): the scores resting on that cell lack its value.
    pub fn unread(self) -> bool {
        matches!(
            self,
            Code::CellUnreadable
                | Code::CellDate
                | Code::FormulaError
                | Code::FormulaUncalculated
                | Code::ReadingUncertain
                | Code::QualitativeUnknown
                | Code::ValueKindsDiffer
                | Code::AmountAsPercent
                | Code::CountForPercent
                | Code::PercentForCount
        )
    }

    /// A finding's value as its message, a Temuan sheet, a mail's table or CSV shows it: quoted
    /// in the message, it is the cell's text as the unit typed it (`"289.971"`, thousands);
    /// otherwise a number kinerja writes, with the decimal mark of `language` (`99,27`).
    pub fn shown<'v>(self, field: Field, value: &'v str, language: Language) -> Cow<'v, str> {
        let quoted = match field {
            Field::Found => "\"{found}\"",
            Field::Expected => "\"{expected}\"",
        };
        let value = super::text::markers_in(value, language);
        match value {
            _ if self.template(language).contains(quoted) || self.whole_numbers() => value,
            Cow::Borrowed(value) => super::text::numbers_in(value, language),
            Cow::Owned(value) => Cow::Owned(super::text::numbers_in(&value, language).into_owned()),
        }
    }

    /// Whether the code's values are whole numbers grouped in thousands (rupiah, counts), as
    /// Indonesian writes them: `2.511` is two thousand five hundred and eleven, no decimal to
    /// write with a comma.
    fn whole_numbers(self) -> bool {
        matches!(
            self,
            Code::FileTooLarge
                | Code::PaguMissing
                | Code::BudgetRealisasiMissing
                | Code::BudgetOverspent
                | Code::BudgetTotal
                | Code::BudgetViews
                | Code::BudgetScale
                | Code::ClaimSisa
        )
    }

    /// [`Code::shown`] for a finding recorded by its code's name.
    pub fn shown_by_name<'v>(code: &str, field: Field, value: &'v str, language: Language) -> Cow<'v, str> {
        match Code::parse(code) {
            Some(code) => code.shown(field, value, language),
            None => super::text::numbers_in(value, language),
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident, $id:literal, $en:literal;)*) => {
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

            /// The code written as `as_str` gives it.
            pub fn parse(code: &str) -> Option<Code> {
                match code { $($code => Some(Code::$variant),)* _ => None }
            }

            /// The severity a finding has unless configuration says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The message, with `{subject}`, `{found}` and `{expected}` standing for the
            /// finding's fields.
            pub fn template(self, language: Language) -> &'static str {
                match (self, language) {
                    $((Code::$variant, Language::Id) => $id, (Code::$variant, Language::En) => $en,)*
                }
            }
        }
    };
}

/// The language of messages: Bahasa Indonesia for units by default, English when configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Id,
    En,
}

impl Language {
    /// The text in this language, of an Indonesian and an English one.
    pub fn pick(self, id: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Id => id,
            Language::En => en,
        }
    }
}

codes! {
    FileUnreadable => "FILE_UNREADABLE", Error,
        "Berkas tidak dapat dibaca sebagai buku kerja Excel/ODS ({found}). Simpan ulang sebagai .xlsx lalu kirim kembali.",
        "The file cannot be read as an Excel/ODS workbook ({found}). Save it again as .xlsx and resend it.";
    FileEncrypted => "FILE_ENCRYPTED", Error,
        "Berkas dilindungi kata sandi sehingga tidak dapat dibaca. Hapus kata sandi lalu kirim kembali.",
        "The file is password protected and cannot be read. Remove the password and resend it.";
    FileEmpty => "FILE_EMPTY", Error,
        "Buku kerja tidak berisi data apa pun.",
        "The workbook holds no data.";
    NoTable => "NO_TABLE", Error,
        "Tidak ditemukan tabel kinerja: tidak ada baris judul kolom dengan Indikator Kinerja dan Target/Realisasi, tabel anggaran, atau tabel perspektif.",
        "No performance table found: no header row with Indikator Kinerja and Target/Realisasi, no budget table, no perspective table.";
    FileOwnOutput => "FILE_OWN_OUTPUT", Error,
        "Berkas ini buatan kinerja untuk perencana ({found}), bukan laporan, Perjanjian Kinerja, atau rencana unit; isinya tidak dinilai. Kirim berkas unit Anda sendiri.",
        "This file was made by kinerja for planners ({found}), not a unit's report, agreement or plan; it is not reviewed. Send your unit's own file.";
    FileTooLarge => "FILE_TOO_LARGE", Error,
        "Berkas melampaui batas {subject}: {found}, sedangkan batasnya {expected}; berkas tidak dibaca. Laporan kinerja biasa jauh di bawah batas ini: hapus lembar, gambar, dan baris atau kolom yang tidak diperlukan (juga sel terisi jauh di luar tabel), simpan ulang sebagai .xlsx, lalu kirim kembali.",
        "The file exceeds the limit on {subject}: {found}, while the limit is {expected}; it is not read. A performance report stays far below this limit: delete the sheets, pictures and rows or columns it does not need (also filled cells far outside the table), save it again as .xlsx and resend it.";
    FileNotRegular => "FILE_NOT_REGULAR", Error,
        "Yang diletakkan bukan berkas biasa ({found}); isinya tidak dibuka. Letakkan berkas buku kerja itu sendiri (.xlsx), bukan pintasan atau tautan.",
        "What was dropped is not a regular file ({found}); it is not opened. Drop the workbook file itself (.xlsx), not a shortcut or link.";
    SheetUnreadable => "SHEET_UNREADABLE", Error,
        "Lembar \"{subject}\" tidak dapat dibaca ({found}); isinya tidak ikut dinilai. Buka dan simpan ulang buku kerja di Excel, lalu kirim kembali.",
        "Sheet \"{subject}\" cannot be read ({found}); its content is not scored. Open and save the workbook again in Excel, then resend it.";
    TableHidden => "TABLE_HIDDEN", Warning,
        "Tabel kinerja yang dinilai ada pada lembar tersembunyi \"{subject}\"; tidak ada tabel kinerja pada lembar yang terlihat. Pastikan tabel ini memang laporan yang dimaksud.",
        "The performance table scored is on the hidden sheet \"{subject}\"; no visible sheet has one. Make sure this table is the report you meant.";
    ProcessingFailed => "PROCESSING_FAILED", Error,
        "kinerja gagal memproses berkas ini ({found}). Berkas disimpan dan tim perencanaan diberi tahu; tidak perlu mengirim ulang kecuali diminta.",
        "kinerja failed to process this file ({found}). The file is kept and the planners are told; do not resend it unless asked.";
    ReadingUncertain => "READING_UNCERTAIN", Error,
        "{subject}: {found}; {expected}. Nilai ini belum dapat dipastikan: periksa dan perbaiki sel yang disebut.",
        "{subject}: {found}; {expected}. This value cannot be confirmed: check and correct the cells named.";
    CellUnreadable => "CELL_UNREADABLE", Error,
        "Nilai {subject} tidak dapat dibaca: \"{found}\". Isi dengan angka (misalnya 92,78) atau N/A; opini (WTP) hanya untuk indikator yang diukur dengan opini.",
        "{subject} cannot be read: \"{found}\". Enter a number (such as 92,78) or N/A; an opinion (WTP) only for an indicator measured by one.";
    CellDate => "CELL_DATE", Error,
        "Nilai {subject} tersimpan sebagai tanggal ({found}), bukan angka. Format sel sebagai angka lalu ketik ulang nilainya.",
        "{subject} is stored as a date ({found}), not a number. Format the cell as a number and type the value again.";
    FormulaError => "FORMULA_ERROR", Error,
        "Rumus pada {subject} menghasilkan galat {found}. Perbaiki rumusnya.",
        "The formula of {subject} gives the error {found}. Correct the formula.";
    FormulaUncalculated => "FORMULA_UNCALCULATED", Error,
        "Rumus pada {subject} tersimpan tanpa nilai yang sudah dihitung (berkas dibuat oleh program yang tidak menghitung rumus), sehingga nilainya tidak dapat dibaca. Buka berkas di Excel, simpan ulang (di LibreOffice, tekan Ctrl+Shift+F9 sebelum menyimpan), lalu kirim kembali.",
        "The formula of {subject} is saved without a calculated value (the file was written by a program that does not calculate), so its value cannot be read. Open the file in Excel and save it again (in LibreOffice, press Ctrl+Shift+F9 before saving), then resend it.";
    NumberAmbiguous => "NUMBER_AMBIGUOUS", Warning,
        "Angka {subject} \"{found}\" dapat dibaca dua cara; dibaca sebagai {expected}. Tulis dengan koma desimal (92,78) atau titik ribuan (1.203) yang konsisten dalam satu kolom.",
        "The number {subject} \"{found}\" reads two ways; read as {expected}. Use decimal commas (92,78) or thousands dots (1.203) consistently in a column.";
    NumberAsText => "NUMBER_AS_TEXT", Info,
        "Kolom {subject} berisi angka yang tersimpan sebagai teks (mulai sel ini, \"{found}\"). Angka tetap dibaca; simpan sebagai angka agar rumus Excel ikut menghitungnya.",
        "Column {subject} holds numbers stored as text (from this cell, \"{found}\"). They are read; store them as numbers so Excel formulas count them.";
    NameContinued => "NAME_CONTINUED", Info,
        "Baris ini dibaca sebagai lanjutan nama {subject} di atasnya (\"{found}\"), bukan sebagai sasaran atau indikator tersendiri. Bila baris ini sasaran atau indikator lain, isi kode atau nomornya.",
        "This row is read as the name of {subject} above it going on (\"{found}\"), not as a goal or indicator of its own. If it is another, give it its code or number.";
    Provisional => "PROVISIONAL", Info,
        "Nilai {subject} ditandai sementara (\"{found}\"); dinilai apa adanya dan tanda sementara dibawa ke NSS, perspektif, dan NPSS.",
        "{subject} is marked provisional (\"{found}\"); it is scored as it is and the mark carries to NSS, perspective and NPSS.";
    RealisasiMissing => "REALISASI_MISSING", Warning,
        "Realisasi {subject} kosong; indikator tidak dinilai (dianggap N/A).",
        "Realisasi of {subject} is empty; the indicator is not scored (taken as N/A).";
    CapaianWithoutRealisasi => "CAPAIAN_WITHOUT_REALISASI", Error,
        "Realisasi {subject} kosong, padahal capaiannya tertulis {found}: indikator ini tidak dapat dinilai, begitu pula skor di atasnya. Isi realisasinya, atau tulis N/A (dan kosongkan capaiannya) bila memang belum ada.",
        "The realisasi of {subject} is empty while its capaian is printed as {found}: the indicator cannot be scored, nor the scores above it. Fill in its realisasi, or write N/A (and clear its capaian) if there is none yet.";
    ScoreMissing => "SCORE_MISSING", Warning,
        "Skor perspektif {subject} kosong; perspektif ini tidak dinilai (dianggap N/A) dan bobotnya dibagi ke perspektif lain. Isi skornya, atau tulis N/A bila memang belum ada skor.",
        "The score of perspective {subject} is empty; the perspective is not scored (taken as N/A) and its weight is shared by the others. Fill in its score, or write N/A if it has none yet.";
    RealisasiEmpty => "REALISASI_EMPTY", Error,
        "Semua realisasi kosong ({found} indikator): laporan ini belum dapat dinilai. Isi realisasinya lalu kirim kembali.",
        "Every realisasi is empty ({found} indicators): this report cannot be scored yet. Fill in the realisasi and resend it.";
    RealisasiColumnNone => "REALISASI_COLUMN_NONE", Error,
        "Tabel kinerja ini tidak memiliki kolom Realisasi (kolom nilainya: {found}), sehingga tidak satu pun capaian dapat dihitung. Beri judul \"Realisasi\" pada kolom nilai yang dicapai (dan \"Capaian (%)\" pada kolom persentasenya), lalu kirim kembali.",
        "This performance table has no Realisasi column (its value columns: {found}), so no capaian can be computed. Head the column of values reached \"Realisasi\" (and its percentage column \"Capaian (%)\"), then resend it.";
    SkorColumnNone => "SKOR_COLUMN_NONE", Error,
        "Tabel perspektif ini tidak memiliki kolom skor perspektif yang dikenali, dan tidak ada tabel indikator, sehingga NPSS tidak dapat dihitung. Beri judul \"Skor\" (atau \"NSS\") pada kolom skor perspektifnya.",
        "This perspective table has no column of perspective scores kinerja recognises, and there is no indicator table, so the NPSS cannot be computed. Head the perspectives' score column \"Skor\" (or \"NSS\").";
    TargetColumnNone => "TARGET_COLUMN_NONE", Error,
        "Tabel kinerja ini tidak memiliki kolom Target, dan tidak ada Perjanjian Kinerja yang berlaku untuk mengisinya ({found} indikator), sehingga capaian tidak dapat dihitung. Beri judul \"Target\" pada kolom targetnya, lalu kirim kembali.",
        "This performance table has no Target column, and no agreement in force gives the targets ({found} indicators), so no capaian can be computed. Head the target column \"Target\", then resend it.";
    TargetMissing => "TARGET_MISSING", Error,
        "Target {subject} kosong atau nol sehingga capaian tidak dapat dihitung.",
        "The target of {subject} is empty or zero, so capaian cannot be computed.";
    PolarityUnknown => "POLARITY_UNKNOWN", Error,
        "Polaritas {subject} tidak dikenali: \"{found}\"; capaian dihitung sebagai semakin tinggi semakin baik. Tulis \"positif\" (semakin tinggi semakin baik) atau \"negatif\" (semakin rendah semakin baik).",
        "The polarity of {subject} is not recognised: \"{found}\"; capaian is computed as higher-is-better. Write \"positif\" (higher is better) or \"negatif\" (lower is better).";
    QualitativeLadder => "QUALITATIVE_LADDER", Info,
        "Capaian {subject} dihitung dengan tangga opini ({found} terhadap target {expected}).",
        "Capaian of {subject} is scored on the opinion ladder ({found} against a target of {expected}).";
    QualitativeUnknown => "QUALITATIVE_UNKNOWN", Error,
        "Nilai {subject} \"{found}\" bukan angka dan bukan opini yang dikenal ({expected}), sehingga tidak dapat dinilai. Isi dengan angka, atau dengan salah satu opini itu.",
        "The value of {subject}, \"{found}\", is neither a number nor a known opinion ({expected}), so it cannot be scored. Fill in a number, or one of those opinions.";
    ValueKindsDiffer => "VALUE_KINDS_DIFFER", Error,
        "Realisasi {subject} {found} dan targetnya {expected} tidak sejenis (yang satu angka, yang lain opini), sehingga capaian tidak dapat dihitung. Isi keduanya dengan angka, atau keduanya dengan opini.",
        "The realisasi of {subject}, {found}, and its target, {expected}, are not of one kind (one a number, the other an opinion), so its capaian cannot be computed. Enter numbers in both, or opinions in both.";
    PerspectiveMissing => "PERSPECTIVE_MISSING", Warning,
        "{subject} tidak berada di bawah baris perspektif; dinilai dalam perspektif \"{found}\".",
        "{subject} is under no perspective row; scored in the perspective \"{found}\".";
    PerspectiveBlank => "PERSPECTIVE_BLANK", Error,
        "Baris di atas {subject} kosong, di tempat baris perspektif, sehingga perspektif {subject} tidak pasti: dibaca di perspektif {found} seperti sasaran di atasnya. Tulis nama perspektifnya di baris itu, atau hapus baris kosong itu bila {subject} memang termasuk perspektif {found}.",
        "The row above {subject} is blank where a perspective row would stand, so the perspective of {subject} is in doubt: it is read in {found}, like the goal above it. Write the perspective's name in that row, or delete the blank row if {subject} does belong to {found}.";
    PerspectiveSkipped => "PERSPECTIVE_SKIPPED", Error,
        "Tabel ini melompati perspektif {expected}: tidak ada baris perspektifnya sesudah perspektif {found}, sehingga {subject} dibaca di perspektif {found} bersama sasaran di atasnya, padahal mungkin termasuk {expected} yang barisnya terhapus. Sisipkan baris perspektif {expected} di atas sasaran pertamanya; bila {subject} memang termasuk perspektif {found}, Perjanjian Kinerja yang mencetak perspektifnya menjadi acuan.",
        "The table skips the perspective {expected}: no row of it follows {found}, so {subject} is read in {found} with the goal above it, though it may belong to {expected}, whose row may have been deleted. Insert the {expected} perspective row above its first goal; if {subject} does belong to {found}, an agreement printing its perspective settles it.";
    PerspectiveEmpty => "PERSPECTIVE_EMPTY", Error,
        "Baris perspektif {expected} tidak diikuti sasaran apa pun, sehingga sasaran sesudahnya, {subject}, dibaca di perspektif {found} bersama sasaran di bawahnya, padahal mungkin termasuk {expected}, dan perspektif {expected} tidak dinilai. Pindahkan baris {subject} ke bawah baris perspektif {expected}; bila unit memang tidak memiliki sasaran di perspektif {expected}, hapus barisnya.",
        "The perspective row {expected} is followed by no goal, so the goal after it, {subject}, is read in {found} with the goals below it, though it may belong to {expected}, which goes unscored. Move the row of {subject} under the {expected} row; if the unit has no goal in {expected}, delete its row.";
    GoalBlank => "GOAL_BLANK", Error,
        "{subject} berada di bawah baris perspektif {expected} tanpa Sasaran Strategis (sel sasarannya kosong), sehingga dinilai di bawah {found}, sasaran di atas baris perspektif itu. Isi sasaran strategisnya.",
        "{subject} stands below the perspective row {expected} with no Sasaran Strategis (its goal cell is blank), so it is scored under {found}, the goal above that perspective row. Fill in its goal.";
    GoalSkipped => "GOAL_SKIPPED", Error,
        "Baris di atas {subject} kosong, dan nomor sasaran melompati {expected} sesudah {found}: baris itu mungkin baris {expected} yang dikosongkan, sehingga {subject} dinilai di bawah {found}. Isi baris sasarannya, atau hapus baris kosong itu bila {subject} memang termasuk {found}.",
        "The row above {subject} is blank and the goals' numbers skip {expected} after {found}: it may be {expected}'s row left blank, so {subject} is scored under {found}. Fill in the goal's row, or delete the blank row if {subject} does belong to {found}.";
    GoalGap => "GOAL_GAP", Error,
        "Nomor sasaran melompati {subject} sesudah {found} tanpa baris kosong di tempatnya: sel sasaran {subject} mungkin dikosongkan atau barisnya terhapus, sehingga indikatornya dinilai di bawah {found}. Isi sasaran {subject} pada baris indikator pertamanya, atau sisipkan barisnya; bila unit memang tidak memiliki {subject}, Perjanjian Kinerjanya menjadi acuan.",
        "The goals' numbers skip {subject} after {found} with no blank row in its place: the goal cell of {subject} may have been left blank or its row deleted, so its indicators are scored under {found}. Fill in {subject} on its first indicator's row, or insert its row; if the unit has no {subject}, its agreement settles it.";
    PerspectiveRepeated => "PERSPECTIVE_REPEATED", Error,
        "Baris perspektif {subject} tercetak lagi di sini setelah sasaran-sasaran lain (yang pertama di {expected}), sehingga sasaran di bawahnya dinilai di perspektif {subject}, yang belum tentu perspektifnya. Periksa nama perspektif pada baris ini.",
        "The perspective row {subject} is printed again here after other goals (the first at {expected}), so the goals below it are scored in {subject}, which need not be their perspective. Check the perspective's name on this row.";
    PerspectiveNa => "PERSPECTIVE_NA", Info,
        "Perspektif {subject} belum ada skor (N/A atau kosong), sehingga tidak ikut dalam NPSS; bobotnya dibagi ke perspektif yang dinilai: {expected}.",
        "Perspective {subject} has no score yet (N/A or blank), so it does not count in the NPSS; its weight is shared by the perspectives scored: {expected}.";
    UnitUnknown => "UNIT_UNKNOWN", Error,
        "Unit kerja tidak dapat dikenali dari judul buku kerja. Cantumkan nama unit (misalnya \"Kantor Regional VII BKN Palembang\") pada judul.",
        "The unit cannot be told from the workbook's titles. Put the unit's name (such as \"Kantor Regional VII BKN Palembang\") in the title.";
    UnitMismatch => "UNIT_MISMATCH", Error,
        "Buku kerja menyebut unit {found}, sedangkan laporan ini atas nama {expected}.",
        "The workbook names the unit {found}, but this report is {expected}'s.";
    UnitContradicted => "UNIT_CONTRADICTED", Error,
        "Judul buku kerja menyebut unit {found}, sedangkan judul lainnya dan laporan ini atas nama {expected}. Bila buku kerja disalin dari laporan {found}, pastikan setiap angkanya milik {expected}, lalu perbaiki judul ini.",
        "The workbook's titles name the unit {found}, while its other titles and this report are {expected}'s. If the workbook was copied from {found}'s report, make sure each of its figures is {expected}'s, then correct this title.";
    UnitSeatDiffers => "UNIT_SEAT_DIFFERS", Warning,
        "Judul menyebut {subject} dengan kota {found}, padahal {found} kedudukan kantor regional lain ({subject} adalah {expected}); buku kerja ini dibaca sebagai milik {subject}. Periksa nomor dan kota kantor regional pada judul.",
        "The title names {subject} with the city {found}, the seat of another regional office ({subject} is {expected}); the workbook is read as {subject}'s. Check the regional office's number and city in the title.";
    SentByOtherUnit => "SENT_BY_OTHER_UNIT", Error,
        "Berkas yang sama persis sudah diterima lebih dahulu dari {found} dan tercatat sebagai kiriman {found}; berkas ini tidak dicatat atas nama {expected}. Untuk melapor atas nama {expected}, kirim buku kerja {expected} sendiri.",
        "The very same file was received earlier from {found} and is recorded as {found}'s; this copy is not recorded as {expected}'s. To report as {expected}, send {expected}'s own workbook.";
    YearMismatch => "YEAR_MISMATCH", Error,
        "Judul buku kerja menyebut tahun {found}, sedangkan laporan ini diperiksa sebagai tahun {expected}.",
        "The workbook's titles name the year {found}, but this report is checked as {expected}.";
    PeriodMismatch => "PERIOD_MISMATCH", Error,
        "Judul buku kerja menyebut periode {found}, sedangkan laporan ini diperiksa sebagai periode {expected}.",
        "The workbook's titles name the period {found}, but this report is checked as {expected}.";
    NameMismatch => "NAME_MISMATCH", Error,
        "Nama berkas menyebut {found}, sedangkan judul buku kerja hanya menyebut tahunnya, sehingga dibaca sebagai laporan {expected}: tidak dapat dipastikan laporan periode mana ini. Cantumkan periodenya pada judul (\"Triwulan III Tahun 2024\" untuk laporan triwulan, \"Tahunan 2024\" untuk laporan tahunan), lalu kirim kembali.",
        "The file name says {found}, while the workbook's titles name only its year, which makes it a {expected} report: which period it reports cannot be told. Put its period in the title (\"Triwulan III Tahun 2024\" for a quarterly report, \"Tahunan 2024\" for the annual one) and resend it.";
    NameDiffers => "NAME_DIFFERS", Warning,
        "Nama berkas menyebut {found}, sedangkan judul buku kerja menyebut {expected}; laporan dibaca sesuai judulnya, sebagai {expected}. Bila yang benar {found}, perbaiki judulnya, lalu kirim kembali.",
        "The file name says {found}, while the workbook's titles say {expected}; the report is read as its titles say, as {expected}. If {found} is right, correct the title and resend it.";
    NameIdentity => "NAME_IDENTITY", Info,
        "{found} diambil dari nama berkas, karena judul buku kerja tidak menyebutnya. Cantumkan pada judul agar laporan terbaca tanpa bergantung pada nama berkas.",
        "{found} is taken from the file name, as the workbook's titles do not say it. Put it in the title so that the report reads the same whatever its file is called.";
    PeriodNotStarted => "PERIOD_NOT_STARTED", Error,
        "Laporan ini untuk periode {found}, yang belum dimulai (hari ini {expected}), sehingga belum dapat berisi realisasi dan tidak dicatat. Periksa tahun dan periode pada judulnya, lalu kirim kembali.",
        "This report is for {found}, a period that has not begun (today is {expected}), so it cannot hold realisasi yet and is not filed. Check the year and period in its title, then resend it.";
    YearUnknown => "YEAR_UNKNOWN", Error,
        "Tahun laporan tidak dapat dikenali. Cantumkan \"Tahun 2024\" pada judul.",
        "The report's year cannot be told. Put \"Tahun 2024\" in the title.";
    PeriodUnknown => "PERIOD_UNKNOWN", Error,
        "Periode laporan tidak dapat dikenali. Cantumkan \"Triwulan I\" … \"Triwulan IV\", \"Semester I/II\", atau \"Tahunan\" pada judul.",
        "The report's period cannot be told. Put \"Triwulan I\" … \"Triwulan IV\", \"Semester I/II\" or \"Tahunan\" in the title.";
    ColumnUnheaded => "COLUMN_UNHEADED", Warning,
        "Kolom ini tidak berjudul, padahal berisi angka pada {found} baris tabel; isinya tidak dibaca. Beri judul kolomnya (misalnya \"Realisasi Anggaran\" atau \"NKP\"), atau kosongkan bila bukan bagian laporan.",
        "This column has no header, yet holds figures on {found} of the table's rows; they are not read. Give the column its header (such as \"Realisasi Anggaran\" or \"NKP\"), or empty it if it is no part of the report.";
    ColumnsIgnored => "COLUMNS_IGNORED", Info,
        "Kolom {subject} untuk tahun {found} tidak dinilai; yang dinilai kolom tahun {expected}, tahun laporan.",
        "The {subject} columns for {found} are not scored; the column for {expected}, the report year, is.";
    PeriodColumnsIgnored => "PERIOD_COLUMNS_IGNORED", Info,
        "Kolom {subject} untuk periode {found} tidak dinilai; yang dinilai kolom periode {expected}, periode laporan.",
        "The {subject} columns for {found} are not scored; the column for {expected}, the report period, is.";
    HiddenInTable => "HIDDEN_IN_TABLE", Warning,
        "Pada tabel di lembar {subject}, {found} tersembunyi, tetapi tetap dibaca dan dinilai. Hapus yang bukan bagian laporan, atau tampilkan kembali.",
        "In the table on sheet {subject}, {found} are hidden, yet read and scored. Remove what is not part of the report, or show it again.";
    ColumnsTwice => "COLUMNS_TWICE", Warning,
        "Ada beberapa kolom {subject}: kolom {found}; yang dinilai kolom {expected}, yang pertama. Hapus kolom yang tidak dimaksud, atau bedakan judulnya.",
        "There are several {subject} columns: columns {found}; column {expected}, the first, is scored. Remove the one not meant, or tell them apart in their headers.";
    ColumnsSuperseded => "COLUMNS_SUPERSEDED", Info,
        "Kolom {subject} semula ({found}) tidak dinilai; yang dinilai kolom {expected}, setelah revisi.",
        "The original {subject} column ({found}) is not scored; column {expected}, the revised one, is.";
    ColumnsEstimate => "COLUMNS_ESTIMATE", Info,
        "Kolom {subject} berisi prakiraan ({found}) tidak dinilai; yang dinilai kolom {expected}, realisasinya.",
        "The {subject} column holding an estimate ({found}) is not scored; column {expected}, the realisasi, is.";
    ColumnsToDate => "COLUMNS_TO_DATE", Info,
        "Kolom {subject} triwulan itu saja ({found}) tidak dinilai; yang dinilai kolom {expected}, sampai dengan periode laporan: realisasi anggaran dihitung sejak Januari.",
        "The {subject} column of the quarter alone ({found}) is not scored; column {expected}, to date, is: money spent counts from January.";
    ColumnsSummed => "COLUMNS_SUMMED", Info,
        "Kolom {subject} per periode ({found}) dijumlahkan: realisasi anggaran dihitung sejak Januari sampai dengan {expected}.",
        "The {subject} columns of each period ({found}) are added up: money spent counts from January to {expected}.";
    ColumnsRunning => "COLUMNS_RUNNING", Info,
        "Kolom {subject} per periode ({found}) berisi jumlah sampai dengan akhir tiap periode, seperti serapan, sisa atau efisiensi yang tertulis: yang dinilai kolom {expected} saja.",
        "The {subject} columns of each period ({found}) hold the money spent up to each period's end, as the serapan, sisa or efficiency printed say: column {expected} alone is scored.";
    ColumnsOutranked => "COLUMNS_OUTRANKED", Info,
        "Kolom {subject} menurut {found} tidak dinilai; yang dinilai kolom {expected}, yang mengikat.",
        "The {subject} column of {found} is not scored; column {expected}, the binding one, is.";
    ColumnsDiffer => "COLUMNS_DIFFER", Error,
        "Ada beberapa kolom {subject} dan isinya berbeda: \"{found}\"; yang dinilai kolom {expected}, yang pertama, tetapi tidak dapat dipastikan itu yang dimaksud. Hapus kolom yang tidak dimaksud, atau bedakan judulnya (misalnya \"Realisasi TW III\").",
        "There are several {subject} columns and they differ: \"{found}\"; column {expected}, the first, is scored, but it cannot be told that it is the one meant. Remove the one not meant, or tell them apart in their headers (such as \"Realisasi TW III\").";
    PeriodSheetsIgnored => "PERIOD_SHEETS_IGNORED", Info,
        "Lembar \"{found}\" (periode {subject}) tidak dinilai: buku kerja ini memuat satu lembar untuk tiap periode, dan yang dinilai hanya lembar periode laporan ini.",
        "Sheet \"{found}\" (period {subject}) is not scored: this workbook holds a sheet for each period, and only this report's period's sheet is scored.";
    PeriodSheetCopied => "PERIOD_SHEET_COPIED", Error,
        "Lembar \"{subject}\" memuat angka yang sama persis dengan lembar \"{found}\" sebelumnya: tampaknya lembar ini disalin untuk periode berikutnya dan belum diisi, sehingga periode laporan ini tidak dapat dipastikan. Bila laporan ini untuk periode lembar \"{found}\", hapus atau kosongkan lembar \"{subject}\"; bila memang untuk {expected}, sebutkan {expected} pada nama berkasnya. Lalu kirim kembali.",
        "The sheet \"{subject}\" holds the very figures of the sheet \"{found}\" before it: it looks copied for the next period and not filled yet, so this report's period cannot be told. If the report is for the period of \"{found}\", delete or empty the sheet \"{subject}\"; if it is for {expected}, state {expected} in the file's name. Then resend it.";
    OwnSheetIgnored => "OWN_SHEET_IGNORED", Info,
        "Lembar \"{found}\" adalah hasil pemeriksaan kinerja atas kiriman sebelumnya, bukan bagian laporan, sehingga tidak dibaca; salinan bertanda yang baru menggantinya dengan hasil pemeriksaan ini.",
        "Sheet \"{found}\" is kinerja's check of an earlier submission, not part of the report, so it is not read; the new annotated copy replaces it with this check's results.";
    TableIgnored => "TABLE_IGNORED", Info,
        "Tabel kedua ({found}) tidak dinilai; yang dinilai adalah tabel pada {expected}.",
        "A second table ({found}) is not scored; the table at {expected} is.";
    RowUnread => "ROW_UNREAD", Error,
        "Baris {subject} berisi target, realisasi atau NSS, tetapi tidak dikenali sebagai baris SS atau IKU (\"{found}\"), sehingga tidak dinilai. Awali labelnya dengan kodenya (SS.1 …, IKU.1 …) atau isi kolom kodenya; hapus baris itu bila bukan bagian laporan.",
        "Row {subject} holds a target, realisasi or NSS but is not recognised as an SS or IKU row (\"{found}\"), so it is not scored. Start its label with its code (SS.1 …, IKU.1 …) or fill in its code column; delete the row if it is not part of the report.";
    IndicatorsNone => "INDICATORS_NONE", Error,
        "Tabel kinerja ini tidak memuat satu pun baris IKU yang dapat dikenali, sehingga laporan tidak dapat dinilai. Awali label indikator dengan kodenya (IKU.1 …) atau nomornya (1. …), atau beri kolom Kode IKU.",
        "This performance table holds no IKU row kinerja can recognise, so the report cannot be scored. Start each indicator's label with its code (IKU.1 …) or number (1. …), or add a Kode IKU column.";
    TableConflict => "TABLE_CONFLICT", Error,
        "{subject} tertulis {found} pada tabel kedua di buku kerja ini, padahal tabel yang dinilai memuat {expected}; satu buku kerja hanya boleh memuat satu target dan satu realisasi untuk tiap indikator, dan tidak dapat dipastikan mana yang dimaksud. Hapus tabel yang tidak berlaku, atau samakan isinya.",
        "{subject} reads {found} in a second table of this workbook, while the table scored holds {expected}; one workbook holds one target and one realisasi for each indicator, and which is meant cannot be told. Remove the table not meant, or make the two agree.";
    TableContinued => "TABLE_CONTINUED", Info,
        "Tabel kinerja pada {found} dibaca sebagai lanjutan tabel pada {expected}: indikatornya tidak ada di tabel itu.",
        "The performance table at {found} is read as the continuation of the one at {expected}: its indicators are not in that one.";
    ClaimCapaian => "CLAIM_CAPAIAN", Error,
        "Capaian {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "Capaian of {subject} reads {found}; recomputed, it is {expected}.";
    ClaimNss => "CLAIM_NSS", Error,
        "NSS {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "NSS of {subject} reads {found}; recomputed, it is {expected}.";
    ClaimSkor => "CLAIM_SKOR", Error,
        "Skor perspektif {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "The score of perspective {subject} reads {found}; recomputed, it is {expected}.";
    ClaimNkp => "CLAIM_NKP", Error,
        "NKP perspektif {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "NKP of perspective {subject} reads {found}; recomputed, it is {expected}.";
    ClaimBobot => "CLAIM_BOBOT", Error,
        "Bobot perspektif {subject} tertulis {found} %, sedangkan bobot yang berlaku {expected} % (NKP = skor perspektif × bobot).",
        "The weight of perspective {subject} reads {found} %; the weight in force is {expected} % (NKP = perspective score × weight).";
    ClaimNpss => "CLAIM_NPSS", Error,
        "NPSS tertulis {found}, hasil hitung ulang {expected}.",
        "NPSS reads {found}; recomputed, it is {expected}.";
    ClaimConflict => "CLAIM_CONFLICT", Error,
        "{subject} tertulis {found}, padahal di tempat lain buku kerja ini tertulis {expected}; satu buku kerja hanya boleh memuat satu nilai. Samakan keduanya dengan hasil hitung yang benar.",
        "{subject} reads {found}, while elsewhere this workbook prints {expected}; one workbook holds one value. Make both the correct result.";
    ClaimSerapan => "CLAIM_SERAPAN", Error,
        "Serapan anggaran {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "Budget absorption of {subject} reads {found}; recomputed, it is {expected}.";
    ClaimSisa => "CLAIM_SISA", Error,
        "Sisa anggaran {subject} tertulis {found}, seharusnya pagu − realisasi = {expected}.",
        "Remaining budget of {subject} reads {found}; pagu − realisasi is {expected}.";
    ClaimEfisiensi => "CLAIM_EFISIENSI", Error,
        "Efisiensi {subject} tertulis {found}, hasil hitung ulang {expected}.",
        "Efficiency of {subject} reads {found}; recomputed, it is {expected}.";
    EfficiencyUnchecked => "EFISIENSI_UNCHECKED", Warning,
        "Efisiensi {subject} tertulis {found}, tetapi tidak dapat diperiksa: serapan anggaran atau capaian kinerja yang mendasarinya tidak ada (kosong, tidak terbaca, atau N/A). Lengkapi angkanya, atau kosongkan efisiensi itu bila memang belum dapat dihitung.",
        "Efficiency of {subject} reads {found} but cannot be checked: the budget absorption or performance it rests on is missing (blank, unreadable or N/A). Fill in the figure, or leave the efficiency blank if it cannot be computed yet.";
    EfficiencyBasis => "EFISIENSI_BASIS", Error,
        "Efisiensi {subject} dihitung dari capaian {found}, bukan dari NSS {expected} pada tabel capaian kinerja.",
        "Efficiency of {subject} was computed from a capaian of {found}, not from the scorecard's NSS of {expected}.";
    StaleClaim => "STALE_CLAIM", Error,
        "{subject} tertulis {found}, sama dengan versi sebelumnya, padahal angka yang mendasarinya berubah; seharusnya {expected}.",
        "{subject} reads {found}, as in the previous version, although the figures beneath it changed; it should be {expected}.";
    IndicatorMissing => "INDICATOR_MISSING", Error,
        "{subject} ada dalam {document} yang berlaku di bawah {expected} tetapi tidak dilaporkan.",
        "{subject} is in the governing {document} under {expected} but not reported.";
    IndicatorUnknown => "INDICATOR_UNKNOWN", Error,
        "{subject} tidak ada dalam {document} tahun {expected} yang berlaku; tidak dinilai.",
        "{subject} is not in the governing {document} for {expected}; not scored.";
    GoalEmpty => "GOAL_EMPTY", Error,
        "Sasaran {subject} tidak memiliki indikator di bawahnya, sehingga tidak dinilai dan tidak ikut dalam skor perspektif {found}. Periksa apakah baris indikatornya terpindah ke bawah sasaran lain; bila sasaran ini memang tanpa indikator, hapus barisnya.",
        "Goal {subject} has no indicator under it, so it is not scored and does not count in the score of {found}. Check whether its indicators' rows moved under another goal; if the goal has none, delete its row.";
    GoalDuplicate => "GOAL_DUPLICATE", Error,
        "Kode {subject} dipakai lagi untuk sasaran lain, \"{found}\" (yang pertama di {expected}), sehingga indikator di bawahnya terbaca di bawah {subject} yang pertama. Perbaiki kode sasarannya.",
        "The code {subject} is used again for another goal, \"{found}\" (the first at {expected}), so the indicators below it read as the first {subject}'s. Correct the goal's code.";
    IndicatorDuplicate => "INDICATOR_DUPLICATE", Error,
        "{subject} dilaporkan lebih dari sekali (juga di {expected}); yang pertama yang dinilai.",
        "{subject} is reported more than once (also at {expected}); the first is scored.";
    IndicatorRenumbered => "INDICATOR_RENUMBERED", Error,
        "Baris {subject} bernama \"{found}\", yaitu nama {expected} dalam {document} yang berlaku: nomor indikatornya mungkin tertukar, sehingga realisasinya dinilai sebagai {subject}. Periksa penomoran indikatornya.",
        "The row of {subject} is named \"{found}\", the name of {expected} in the governing {document}: its number may be swapped, so its realisasi is scored as {subject}'s. Check the indicators' numbering.";
    IndicatorMoved => "INDICATOR_MOVED", Error,
        "{subject} dilaporkan di bawah {found}, padahal {document} yang berlaku menempatkannya di bawah {expected}; dinilai di bawah {expected}.",
        "{subject} is reported under {found}, but the governing {document} puts it under {expected}; scored under {expected}.";
    GoalsNone => "GOALS_NONE", Error,
        "Tabel kinerja ini tidak memuat Sasaran Strategis (baris SS atau kolom Sasaran), dan pohon kinerja {subject} tidak diketahui (belum ada Perjanjian Kinerja yang berlaku): NSS dan NPSS tidak dapat dihitung dengan pasti, karena indikator tiap perspektif dinilai sebagai satu sasaran. Cantumkan sasaran strategis tiap indikator, atau kirim PK-nya.",
        "This performance table prints no Sasaran Strategis (no SS rows or goal column), and the tree of {subject} is not known (no Perjanjian Kinerja in force): the NSS and NPSS cannot be computed with confidence, the indicators of each perspective scored as one goal. Give each indicator's goal, or send the PK.";
    GoalMoved => "GOAL_MOVED", Error,
        "{subject} dilaporkan di perspektif {found}, padahal {document} yang berlaku menempatkannya di perspektif {expected}; dinilai di perspektif {expected}.",
        "{subject} is reported in perspective {found}, but the governing {document} puts it in {expected}; scored in {expected}.";
    GoalPlaced => "GOAL_PLACED", Warning,
        "{subject} tertulis di bawah perspektif {found}, padahal Renstra menempatkannya di perspektif {expected}; laporan yang berpegang pada {document} ini menilainya di perspektif {expected}. Perbaiki judul perspektifnya.",
        "{subject} is printed under perspective {found}, but the Renstra puts it in {expected}; the reports held to this {document} score it in {expected}. Correct the perspective heading.";
    IndicatorPlaced => "INDICATOR_PLACED", Warning,
        "{subject} tertulis di bawah {found}, padahal Renstra menempatkannya di bawah {expected}; laporan yang berpegang pada {document} ini menilainya di bawah {expected}. Perbaiki letaknya.",
        "{subject} is printed under {found}, but the Renstra puts it under {expected}; the reports held to this {document} score it under {expected}. Correct where it stands.";
    GoalUnplaced => "GOAL_UNPLACED", Error,
        "{subject} tidak ada dalam struktur Renstra {expected} dan tidak berada di bawah baris perspektif, sehingga NPSS tidak dapat dihitung dengan bobot perspektif BKN (dinilai dalam perspektif \"{found}\"). Perbaiki kode SS-nya, atau cantumkan baris perspektif di atas sasaran strategisnya.",
        "{subject} is not in the Renstra structure of {expected} and under no perspective row, so the NPSS cannot be computed with BKN's perspective weights (scored in the perspective \"{found}\"). Correct its SS code, or put the perspective rows above its goals.";
    IndicatorUnplaced => "INDICATOR_UNPLACED", Error,
        "{subject} tercetak di atas sasaran strategis pertama tabel, tanpa sasaran di atasnya (baris sasarannya terletak di bawahnya, atau kode sasarannya tidak terbaca), sehingga tidak masuk sasaran mana pun dalam pohon kinerja tahun ini. Pindahkan baris sasarannya ke atas {subject}, atau isi kode sasarannya (SS.1 …).",
        "{subject} is printed above the table's first strategic goal, with no goal above it (the goal's row stands below it, or its code cannot be read), so it belongs to no goal in the year's tree. Move the goal's row above {subject}, or fill in the goal's code (SS.1 …).";
    GoalUnknown => "GOAL_UNKNOWN", Error,
        "{subject} tidak ada dalam struktur Renstra {expected}, yang menempatkan indikator di bawahnya pada {found}. Perbaiki kode SS-nya: NSS dan NPSS yang dihitung menurut sasaran yang tertulis belum tentu sama dengan menurut Renstra.",
        "{subject} is not in the Renstra structure of {expected}, which puts the indicators under it in {found}. Correct its SS code: an NSS and NPSS computed by the goals as printed need not agree with the Renstra's.";
    TargetMismatch => "TARGET_MISMATCH", Error,
        "Target {subject} tertulis {found}, sedangkan {document} yang berlaku menetapkan {expected}.",
        "The target of {subject} reads {found}; the governing {document} sets {expected}.";
    TargetInterim => "TARGET_INTERIM", Warning,
        "Target {subject} tertulis {found} di kolom target periode laporan (target antara), sedangkan {document} yang berlaku menetapkan {expected} untuk setahun; capaian dihitung terhadap target antara, seperti di laporan.",
        "The target of {subject} reads {found} in the report period's target column (an interim target), while the governing {document} sets {expected} for the year; capaian is computed against the interim target, as the report does.";
    RollupMismatch => "ROLLUP_MISMATCH", Error,
        "Realisasi {subject} tertulis {found}, sedangkan dihitung dari laporan unit kerja yang berlaku hasilnya {expected}. Periksa angka unit kerja atau perhitungannya sebelum laporan ditandatangani.",
        "Realisasi of {subject} reads {found}, while the units' reports that count give {expected}. Check the units' figures or the calculation before the report is signed.";
    RollupIncomplete => "ROLLUP_INCOMPLETE", Info,
        "Realisasi {subject} ({found}) belum dapat dicocokkan dengan laporan unit kerja: {expected}.",
        "Realisasi of {subject} ({found}) cannot be checked against the units' reports yet: {expected}.";
    CategoryTotal => "CATEGORY_TOTAL", Error,
        "{subject} tertulis {found}, sedangkan rinciannya berjumlah {expected}.",
        "{subject} reads {found}; its parts add up to {expected}.";
    ClaimShare => "CLAIM_SHARE", Error,
        "Persentase {subject} tertulis {found}, sedangkan jumlahnya dibagi total adalah {expected}.",
        "The share of {subject} reads {found}; its count over the total is {expected}.";
    PaguMissing => "PAGU_MISSING", Warning,
        "Realisasi anggaran {subject} ({found}) tanpa pagu: serapan, sisa dan efisiensinya tidak dapat dihitung. Isi pagunya.",
        "Budget spent on {subject} ({found}) has no ceiling: its absorption, balance and efficiency cannot be computed. Fill in its pagu.";
    BudgetRealisasiMissing => "BUDGET_REALISASI_MISSING", Warning,
        "Realisasi anggaran {subject} tidak diisi angka, sedangkan pagunya {found}: serapan, sisa dan efisiensinya tidak dapat dihitung. Isi realisasinya (0 bila belum ada yang terserap).",
        "Budget spent on {subject} is not given as a number, while its ceiling is {found}: its absorption, balance and efficiency cannot be computed. Fill in what was spent (0 if nothing yet).";
    CountForPercent => "COUNT_FOR_PERCENT", Error,
        "{subject} tertulis \"{found}\", sebuah jumlah, padahal indikator ini diukur dalam persen: nilainya tidak dibaca, begitu pula skor di atasnya. Tuliskan persentasenya (jumlahnya dapat ditulis di kolom keterangan).",
        "{subject} is written \"{found}\", a count, while the indicator is measured in percent: the value is not read, nor the scores above it. Write the percentage (the count may go in the notes column).";
    PercentForCount => "PERCENT_FOR_COUNT", Error,
        "{subject} tertulis \"{found}\", sebuah persentase, padahal indikator ini menghitung jumlah: nilainya tidak dibaca, begitu pula skor di atasnya. Tuliskan jumlahnya (persentasenya dapat ditulis di kolom capaian).",
        "{subject} is written \"{found}\", a percentage, while the indicator counts: the value is not read, nor the scores above it. Write the count (the percentage may go in the capaian column).";
    AmountAsPercent => "AMOUNT_AS_PERCENT", Error,
        "{subject} tertulis sebagai persentase, {found} %, padahal kolomnya memuat rupiah: jumlahnya tidak dibaca, begitu pula yang dihitung darinya (serapan, sisa, efisiensi, capaian). Tuliskan jumlah rupiahnya (misalnya 29.960.485); persentasenya di kolom serapan atau capaian.",
        "{subject} is written as a percentage, {found} %, in a column of rupiah: no amount is read, nor what is computed from it (absorption, balance, efficiency, capaian). Write the amount in rupiah (for example 29.960.485); the percentage belongs in the absorption or capaian column.";
    BudgetOverspent => "BUDGET_OVERSPENT", Error,
        "Realisasi anggaran {subject} ({found}) melebihi pagu ({expected}).",
        "Budget spent on {subject} ({found}) exceeds its ceiling ({expected}).";
    BudgetShared => "BUDGET_SHARED", Error,
        "Anggaran di sel ini digabung untuk {found}, bukan untuk seluruh IKU satu sasaran strategis, sehingga tidak dapat dipastikan capaian mana yang menjadi dasar efisiensinya; anggaran ini dicatat pada {subject}. Tulis anggaran per IKU, atau gabungkan untuk seluruh IKU satu SS.",
        "The budget in this cell is merged over {found}, not over every IKU of one goal, so whose capaian its efficiency answers cannot be told; it is kept on {subject}. Print the budget per IKU, or merge it over every IKU of one goal.";
    BudgetTotal => "BUDGET_TOTAL", Error,
        "{subject} baris jumlah tertulis {found}, sedangkan jumlah rinciannya {expected}.",
        "The total {subject} reads {found}; its parts add up to {expected}.";
    BudgetScale => "BUDGET_SCALE", Warning,
        "Jumlah terbesar pada anggaran laporan ini hanya Rp {found}, terlalu kecil untuk anggaran sebuah unit: tampaknya angkanya ditulis dalam ribuan atau jutaan rupiah tanpa keterangan. Bila demikian, tuliskan satuannya pada judul kolom atau di atas tabel (mis. \"(dalam ribuan rupiah)\") lalu kirim kembali, agar rekap anggaran memuat rupiah yang benar.",
        "The largest amount in this report's budget is only Rp {found}, too small for a unit's budget: its amounts look written in thousands or millions of rupiah with no word saying so. If so, state the unit in the column header or above the table (e.g. \"(dalam ribuan rupiah)\") and resend it, so that the budget Rekap holds the right rupiah.";
    BudgetViews => "BUDGET_VIEWS", Error,
        "Total {subject} tabel ini {found}, berbeda dengan total anggaran pada tabel lain {expected}; setiap rincian anggaran harus berjumlah sama.",
        "The {subject} total of this table is {found}, unlike the budget total in another table, {expected}; every view of the budget must add up to the same total.";
    OutOfRange => "VALUE_OUT_OF_RANGE", Error,
        "{subject} bernilai {found}, di luar rentang {expected} untuk satuannya.",
        "{subject} is {found}, outside the range {expected} for its unit of measure.";
    NaUnexplained => "NA_UNEXPLAINED", Warning,
        "{subject} diisi N/A tanpa penjelasan; isi kolom keterangan dengan alasannya.",
        "{subject} is N/A without an explanation; give the reason in a keterangan column.";
    PeriodUnchanged => "PERIOD_UNCHANGED", Warning,
        "Setiap realisasi pada laporan ini sama persis dengan laporan {found} unit ini yang sudah diterima. Bila berkas ini disalin dari laporan itu, perbarui realisasinya lalu kirim kembali; bila memang tidak ada yang berubah sejak {found}, abaikan pesan ini.",
        "Every realisasi in this report is the very one of this unit's {found} report already received. If this file was copied from that report, update its realisasi and resend it; if nothing changed since {found}, ignore this message.";
    FiguresOfOtherUnit => "FIGURES_OF_OTHER_UNIT", Warning,
        "Setiap realisasi pada laporan ini sama persis dengan laporan {subject} ({found}) untuk periode yang sama. Bila berkas ini disalin dari laporan unit itu, isi dengan realisasi unit Anda sendiri lalu kirim kembali.",
        "Every realisasi in this report is the very one of {subject}'s ({found}) report for the same period. If this file was copied from that unit's report, fill in your own unit's realisasi and resend it.";
    Changed => "CHANGED", Info,
        "{subject} berubah dari {found} menjadi {expected} dibanding versi sebelumnya.",
        "{subject} changed from {found} to {expected} since the previous version.";
    PlanEmpty => "PLAN_EMPTY", Error,
        "Rencana kerja ini tidak memuat tabel yang dapat dibaca: tidak ada tabel target (KODE IKU | INDIKATOR KINERJA | TARGET), Renstra vs Renja (TARGET RENSTRA | TARGET RENJA), evaluasi (TARGET dan REALISASI per tahun, dengan kode atau nama IKU), anggaran per kode (KODE | URAIAN | PAGU), atau matriks penanggung jawab. Periksa judul kolomnya.",
        "This work plan holds no table that can be read: no targets table (KODE IKU | INDIKATOR KINERJA | TARGET), no Renstra vs Renja table (TARGET RENSTRA | TARGET RENJA), no evaluation (TARGET and REALISASI by year, with the IKU's code or name), no budget by code (KODE | URAIAN | PAGU), no responsibility matrix. Check its column headers.";
    BudgetUnread => "BUDGET_UNREAD", Warning,
        "Kode anggaran {subject} tidak berada dalam tabel anggaran yang dikenali ({found} kode), sehingga anggarannya tidak dibaca. Beri judul \"Kode\" pada kolom kodenya, \"Pagu\" (atau \"Alokasi Anggaran\") pada kolom pagunya, dan pada laporan \"Realisasi\" pada kolom realisasinya.",
        "The budget codes {subject} stand in no budget table kinerja knows ({found} codes), so their budget is not read. Head the code column \"Kode\", the ceiling \"Pagu\" (or \"Alokasi Anggaran\") and, in a report, what was spent \"Realisasi\".";
    BudgetRowUnread => "BUDGET_ROW_UNREAD", Warning,
        "Baris {subject} berisi angka anggaran (pagu, realisasi, serapan atau efisiensi), tetapi kode dan labelnya kosong atau tidak dikenali (\"{found}\"), sehingga tidak dibaca (bila itu baris jumlah, jumlahnya tidak diperiksa). Isi kodenya (SS.1 …, kode RO atau akun), atau tulis \"Jumlah\" pada baris totalnya.",
        "Row {subject} holds budget figures (a pagu, realisasi, serapan or efisiensi) but its code and label are blank or not recognised (\"{found}\"), so it is not read (if it is the total row, the total goes unchecked). Fill in its code (SS.1 …, an RO's or account's code), or write \"Jumlah\" on the total row.";
    SummaryRowUnread => "SUMMARY_ROW_UNREAD", Warning,
        "Baris {subject} pada rekap perspektif berisi skor, bobot atau NKP, tetapi labelnya tidak dikenali sebagai perspektif atau baris NPSS (\"{found}\"), sehingga angkanya tidak diperiksa. Tulis nama perspektifnya (Stakeholder, Customer, Internal Process, Learn & Growth) atau \"NPSS\" pada baris jumlahnya.",
        "Row {subject} of the perspective summary holds a score, weight or NKP, but its label is no perspective and no NPSS row (\"{found}\"), so its figures go unchecked. Write the perspective's name (Stakeholder, Customer, Internal Process, Learn & Growth) or \"NPSS\" on its total row.";
    RowAboveHeader => "ROW_ABOVE_HEADER", Error,
        "Baris \"{subject}\" berisi angka (\"{found}\") di kolom tabel di bawahnya, tetapi berada di atas judul kolom tabel itu, sehingga tidak dibaca dan tidak dinilai; mungkin terpindah ketika tabel diurutkan atau disalin. Pindahkan baris ini ke bawah judul kolomnya.",
        "The row \"{subject}\" holds figures (\"{found}\") in the columns of the table below it but stands above that table's column headers, so it is neither read nor scored; it may have moved when the table was sorted or copied. Move the row below the column headers.";
    TableUnread => "TABLE_UNREAD", Warning,
        "Ada {found} baris berisi angka di luar tabel yang dikenali, mulai sel ini, sehingga tidak dibaca. Periksa judul kolomnya: tabel kinerja (INDIKATOR KINERJA | TARGET | REALISASI), tabel target (KODE IKU | INDIKATOR KINERJA | TARGET), evaluasi (TARGET dan REALISASI per tahun), atau anggaran (KODE | URAIAN | PAGU).",
        "{found} rows of figures stand outside every table kinerja knows, from this cell, and are not read. Check their column headers: a performance table (INDIKATOR KINERJA | TARGET | REALISASI), a targets table (KODE IKU | INDIKATOR KINERJA | TARGET), an evaluation (TARGET and REALISASI by year) or a budget (KODE | URAIAN | PAGU).";
    MatrixUnread => "MATRIX_UNREAD", Warning,
        "Ada {found} baris yang mengaitkan kegiatan dengan IKU di luar tabel yang dikenali, mulai sel ini, sehingga matriks penanggung jawabnya tidak dibaca dan tidak diperiksa. Beri judul kolomnya: KODE | KEGIATAN | IKU.",
        "{found} rows linking kegiatan to IKUs stand outside every table kinerja knows, from this cell, so the responsibility matrix is neither read nor checked. Head its columns KODE | KEGIATAN | IKU.";
    CodeBlank => "CODE_BLANK", Error,
        "Kode pada baris ini kosong, sedangkan baris lain di kolom ini berkode; menurut urutannya baris ini menjadi {found}, yang belum tentu benar. Isi kodenya.",
        "This row's code is blank while the column codes the other rows; by its place it would be {found}, which may be wrong. Fill in its code.";
    IndicatorComponent => "INDICATOR_COMPONENT", Info,
        "Baris \"{subject}\" dibaca sebagai rincian {found}, bukan IKU tersendiri: angkanya tidak dinilai, dan nilai {found} diambil dari barisnya sendiri.",
        "The row \"{subject}\" is read as a component of {found}, not an IKU of its own: its figures are not scored, and {found}'s are taken from its own row.";
    IndicatorUnnumbered => "INDICATOR_UNNUMBERED", Error,
        "Baris \"{subject}\" tidak bernomor dan tidak berkode, sedangkan setiap IKU di atasnya pada tabel ini bernomor; menurut urutannya baris ini dinilai sebagai {found}, yang belum tentu benar: bila itu baris ringkasan (rata-rata, nilai kinerja organisasi, NPSS), angkanya ikut dinilai sebagai IKU dan mengubah NPSS. Beri nomor atau kodenya bila ia IKU; bila ringkasan, beri label \"Rata-rata\" atau \"NPSS\", atau hapus barisnya.",
        "The row \"{subject}\" has no number or code while every IKU above it in this table has one; by its place it is scored as {found}, which may be wrong: were it a summary row (a mean, the organisation's score, the NPSS), its figures would be scored as an indicator's and move the NPSS. Give it its number or code if it is an IKU; if it is a summary, label it \"Rata-rata\" or \"NPSS\", or delete the row.";
    SummaryAsIndicator => "SUMMARY_AS_INDICATOR", Error,
        "Baris \"{subject}\" di kaki tabel tidak bernomor dan tidak berkode, seperti setiap baris di atasnya, dan angkanya ({found}) sama dengan NPSS atau rata-rata capaian IKU di atasnya ({expected}): tampaknya baris ringkasan, tetapi menurut urutannya ia dinilai sebagai IKU sehingga NPSS berubah. Bila ringkasan, beri label \"NPSS\" atau \"Rata-rata\", atau hapus barisnya; bila IKU, beri nomor atau kodenya.",
        "The row \"{subject}\" at the foot of the table has no number or code, like every row above it, and its figure ({found}) is the NPSS or the mean capaian of the IKU above it ({expected}): it looks like a summary row, yet by its place it is scored as an indicator, which moves the NPSS. If it is a summary, label it \"NPSS\" or \"Rata-rata\", or delete the row; if it is an IKU, give it its number or code.";
    IndicatorsUnread => "INDICATORS_UNREAD", Error,
        "Ada {found} baris berisi angka di luar tabel yang dikenali, mulai sel ini, dan tidak ada tabel indikator yang terbaca: NPSS hanya bersandar pada skor perspektif yang tertulis, yang tidak dapat diperiksa. Beri judul kolom tabel indikatornya: INDIKATOR KINERJA | TARGET | REALISASI.",
        "{found} rows of figures stand outside every table kinerja knows, from this cell, and no table of indicators was read: the NPSS rests on the perspective scores as printed, which cannot be checked. Head the indicator table's columns INDIKATOR KINERJA | TARGET | REALISASI.";
    PlanTargetMismatch => "PLAN_TARGET_MISMATCH", Error,
        "Target {subject} berbeda: {found}, sedangkan {expected}. Target Renja sama dengan PK yang mengikat; target yang berbeda dari Renstra disertai alasannya.",
        "The target of {subject} differs: {found}, while {expected}. The Renja's target is the binding PK's; one that departs from the Renstra gives its reason.";
    RoCode => "RO_CODE", Error,
        "Kode anggaran {subject} tidak sah: \"{found}\"; {expected}.",
        "Budget code {subject} is not valid: \"{found}\"; {expected}.";
    PaguUnread => "PAGU_UNREAD", Error,
        "Pagu {subject} tidak dapat dibaca sebagai rupiah: {found}. Jumlah yang memuatnya tidak dapat diperiksa. Isi dengan angka (misalnya 12.603.696.000), atau - bila tidak dianggarkan.",
        "The pagu of {subject} cannot be read as rupiah: {found}. The totals that include it cannot be checked. Enter a number (such as 12.603.696.000), or - where nothing is allocated.";
    RoAmountMismatch => "RO_AMOUNT_MISMATCH", Error,
        "Pagu {subject} berbeda antar tabel: {found}, sedangkan {expected}. Bila semua jumlah tetap cocok, pagu dua RO kemungkinan tertukar; samakan dengan PK.",
        "The ceiling of {subject} differs between tables: {found}, while {expected}. When every total still adds up, two ROs' amounts have likely been swapped; align them with the PK.";
    IndicatorNew => "INDICATOR_NEW", Info,
        "Indikator {subject} baru pada {expected}; tidak ada pada {found}.",
        "Indicator {subject} is new in {expected}; it was not in {found}.";
    IndicatorRetired => "INDICATOR_RETIRED", Info,
        "Indikator {subject} tidak berlaku lagi pada {expected}; masih ada pada {found}.",
        "Indicator {subject} is no longer in force in {expected}; it was in {found}.";
    TargetBelowRealisasi => "TARGET_BELOW_REALISASI", Warning,
        "Target {subject} ({found}) lebih rendah dari realisasi tahun sebelumnya ({expected}); target yang makin tinggi makin baik tidak ditetapkan di bawah yang sudah dicapai.",
        "The target of {subject} ({found}) is below the previous year's realisasi ({expected}); a higher-is-better target is not set below what was already achieved.";
    TargetScale => "TARGET_SCALE", Warning,
        "Target {subject} ({found}) berskala lain daripada target tahun lain indikator ini (nilai tengahnya {expected}); capaian tahun itu tidak dapat dibandingkan. Periksa satuannya.",
        "The target of {subject} ({found}) is on another scale than the indicator's other years (their median is {expected}); that year's capaian cannot be compared. Check its unit.";
    BudgetName => "BUDGET_NAME", Warning,
        "Nama {subject} berbeda antar tabel: \"{found}\", sedangkan \"{expected}\". Samakan namanya; kode yang sama adalah keluaran yang sama.",
        "The name of {subject} differs between tables: \"{found}\", while \"{expected}\". Use one name; one code is one output.";
    ProgramMismatch => "PROGRAM_MISMATCH", Warning,
        "{subject} tertulis di bawah {found}, sedangkan kegiatan ini termasuk {expected} (konfigurasi program). Pindahkan ke program yang benar, atau minta tim perencanaan memperbaiki konfigurasinya.",
        "{subject} is filed under {found}, while this kegiatan belongs to {expected} (the program configuration). Move it to the right program, or ask the planners to correct the configuration.";
    MatrixGap => "MATRIX_GAP", Warning,
        "{subject} tidak ada pada matriks penanggung jawab ({expected}); tambahkan unit kerja yang menanganinya.",
        "{subject} is not in the responsibility matrix ({expected}); add the part of the unit that owns it.";
    SpendingClass => "SPENDING_CLASS", Warning,
        "Rincian belanja {subject} tertulis di bawah \"{found}\", tetapi uraiannya termasuk {expected}; dihitung sebagai {expected}. Letakkan labelnya pada baris yang benar.",
        "Spending detail {subject} stands under \"{found}\", but it belongs to {expected} by its words; it is counted there. Put the label on its row.";
    AgreementNone => "AGREEMENT_NONE", Warning,
        "Belum ada Perjanjian Kinerja {subject} yang berlaku: laporan ini dinilai dengan target yang tertulis di dalamnya, dan dinilai ulang terhadap PK begitu PK diterima. Kirim PK agar laporan dinilai terhadapnya.",
        "No performance agreement for {subject} counts yet: the report is scored against the targets it prints, and assessed again against the PK as soon as it arrives. Send the PK to have reports scored against it.";
    TargetFromPlan => "TARGET_FROM_PLAN", Warning,
        "Belum ada Perjanjian Kinerja {subject}: target dan pohon kinerja diambil dari Rencana Kerja yang berlaku. Kirim PK agar laporan dinilai terhadapnya.",
        "No performance agreement for {subject} yet: the targets and tree are the work plan's that counts. Send the PK to have reports scored against it.";
    HistoryMismatch => "HISTORY_MISMATCH", Error,
        "Realisasi {subject} tertulis {found}, berbeda dengan {expected}.",
        "The realisasi of {subject} reads {found}, unlike {expected}.";
}

/// The document a report is held to, which a finding of its departure from it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governing {
    Agreement,
    /// A Rencana Kerja, standing in while no Perjanjian Kinerja counts.
    Plan,
    /// The Renstra's tree of perspectives, goals and indicators, without either.
    Structure,
}

impl Governing {
    /// Its name inside a message.
    pub fn name(self, language: Language) -> &'static str {
        match self {
            Governing::Agreement => language.pick("Perjanjian Kinerja", "performance agreement"),
            Governing::Plan => language.pick("Rencana Kerja", "work plan"),
            Governing::Structure => language.pick("struktur Renstra", "Renstra structure"),
        }
    }
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
    /// What the report departs from, named in the message's `{document}`: the agreement unless
    /// told otherwise ([`Finding::governed_by`]).
    pub governing: Governing,
}

impl Finding {
    pub fn new(code: Code, at: Option<CellRef>, subject: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.default_severity(),
            at,
            subject: super::text::quoted(&subject.into()).into_owned(),
            found: String::new(),
            expected: String::new(),
            governing: Governing::Agreement,
        }
    }

    /// The finding of a departure from `governing`, not from the agreement.
    pub fn governed_by(mut self, governing: Governing) -> Self {
        self.governing = governing;
        self
    }

    /// What the workbook holds, quoted at most [`super::text::QUOTED_CHARACTERS`] long.
    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = super::text::quoted(&found.into()).into_owned();
        self
    }

    /// What kinerja expected, quoted as [`Finding::found`] is where it holds workbook text.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = super::text::quoted(&expected.into()).into_owned();
        self
    }

    /// What kinerja worked out from its own records (every unit missing from a roll-up, every
    /// unit behind a value), kept whole: cut, it would name fewer units than the Rekap does.
    pub fn expected_whole(mut self, expected: String) -> Self {
        self.expected = expected;
        self
    }

    /// The message in Bahasa Indonesia, with the place prefixed where the finding has one.
    pub fn message(&self) -> String {
        self.message_in(Language::Id)
    }

    /// The message in `language`, with the place prefixed where the finding has one.
    pub fn message_in(&self, language: Language) -> String {
        let template = self.code.template(language);
        let found = self.code.shown(Field::Found, &self.found, language);
        let expected = self.code.shown(Field::Expected, &self.expected, language);
        let placeholders = [
            ("{subject}", self.subject.as_str()),
            ("{found}", &found),
            ("{expected}", &expected),
            ("{document}", self.governing.name(language)),
        ];
        // One pass over the template: a value that itself reads `{found}` stays as it is.
        let mut message = String::with_capacity(template.len() + 64);
        if let Some(at) = &self.at {
            let _ = write!(message, "{at}: ");
        }
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            message.push_str(&rest[..open]);
            rest = &rest[open..];
            match placeholders.iter().find(|(name, _)| rest.starts_with(name)) {
                Some((name, value)) => {
                    message.push_str(value);
                    rest = &rest[name.len()..];
                }
                None => {
                    message.push('{');
                    rest = &rest[1..];
                }
            }
        }
        message.push_str(rest);
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_addresses_read_back() {
        for (row, col) in [(0, 0), (9, 2), (99, 25), (4, 26), (1_048_575, 16_383)] {
            let sheet: Arc<str> = "Tabel 3.1".into();
            let cell = CellRef::new(&sheet, row, col);
            assert_eq!(CellRef::parse_a1(&cell.a1()), Some((row, col)));
        }
        for bad in ["", "A", "12", "A0", "a1", "A1B"] {
            assert_eq!(CellRef::parse_a1(bad), None, "{bad}");
        }
    }

    #[test]
    fn a1_addresses() {
        assert_eq!(CellRef::new(&"S".into(), 0, 0).a1(), "A1");
        assert_eq!(CellRef::new(&"S".into(), 9, 25).a1(), "Z10");
        assert_eq!(CellRef::new(&"S".into(), 0, 26).a1(), "AA1");
        assert_eq!(CellRef::new(&"S".into(), 4, 701).a1(), "ZZ5");
        assert_eq!(CellRef::new(&"Tabel 3.2".into(), 4, 2).to_string(), "Tabel 3.2!C5");
    }

    #[test]
    fn a_message_shows_quoted_values_as_typed_and_others_with_the_language_s_decimal_mark() {
        let at = CellRef::new(&"Realisasi IKU".into(), 7, 4);
        let typed = Finding::new(Code::CellUnreadable, Some(at), "Realisasi").found("92.5 {expected}");
        assert_eq!(
            typed.message(),
            "Realisasi IKU!E8: Nilai Realisasi tidak dapat dibaca: \"92.5 {expected}\". Isi dengan angka (misalnya 92,78) \
             atau N/A; opini (WTP) hanya untuk indikator yang diukur dengan opini."
        );
        let written = Finding::new(Code::ReadingUncertain, None, "NPSS").found("98.47").expected("{subject}");
        assert_eq!(
            written.message(),
            "NPSS: 98,47; {subject}. Nilai ini belum dapat dipastikan: periksa dan perbaiki sel yang disebut."
        );
        assert!(written.message_in(Language::En).starts_with("NPSS: 98.47; {subject}. This value"));
    }

    /// Thousands grouped as Indonesian groups them are no decimals: a limit of 2.000 parts read
    /// "batasnya 2,000" (two), a pagu of Rp 750.000 "750,000".
    #[test]
    fn whole_numbers_keep_their_grouping() {
        let parts = Finding::new(Code::FileTooLarge, None, "jumlah bagian").found("2.511").expected("2.000");
        assert!(parts.message().contains(": 2.511, sedangkan batasnya 2.000;"), "{}", parts.message());
        let spent = Finding::new(Code::PaguMissing, None, "IKU.7").found("750.000");
        assert!(spent.message().contains("IKU.7 (750.000) tanpa pagu"), "{}", spent.message());
        let changed = Finding::new(Code::Changed, None, "Pagu IKU.7").found("Rp 750.000").expected("99.5");
        assert!(changed.message().contains("dari Rp 750.000 menjadi 99,5"), "{}", changed.message());
    }

    #[test]
    fn codes_are_unique_and_messages_fill_every_placeholder() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {}", code.as_str());
            let f = Finding::new(*code, None, "IKU.1").found("1").expected("2");
            assert!(!f.message().contains('{'), "{}", code.as_str());
            assert!(!f.message_in(Language::En).contains('{'), "{}", code.as_str());
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
    }
}
