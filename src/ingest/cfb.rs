//! Bounds before parsing, for compound files (.xls): every sector chain is walked once over the
//! bytes in memory, so a chain that loops or leaves the file is refused before calamine follows
//! it (its reader grows a chain until it ends, and a loop never ends); and the cells each sheet
//! of the workbook stream places are measured, because calamine lays an .xls sheet out as the
//! dense rectangle between its first and last cell. The same walk over the workbook stream
//! notes what calamine leaves out of an .xls: which number cells a percentage or fixed-decimals
//! format shows, and which rows and columns are hidden.

use super::Failure;
use super::package::Limit;
use super::xlsx::{Shown, builtin, shown_by};
use crate::config::Limits;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;

fn broken(what: &str) -> Failure {
    Failure::Unreadable(format!("berkas .xls rusak: {what}"))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    /// Sectors the file holds after its header.
    sectors: usize,
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn sector(&self, id: u32) -> Result<&'a [u8], Failure> {
        let start = (id as usize + 1) * self.sector;
        self.bytes.get(start..start + self.sector).ok_or_else(|| broken("sektor di luar berkas"))
    }

    /// The sector ids of the chain from `start`, each within the file, never looping.
    fn chain(&self, start: u32, table: &[u32], count: usize) -> Result<Vec<u32>, Failure> {
        let mut ids = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if ids.len() >= count || id as usize >= table.len() || id as usize >= count {
                return Err(broken("rantai sektor berulang atau keluar dari berkas"));
            }
            ids.push(id);
            id = table[id as usize];
        }
        Ok(ids)
    }

    fn stream(&self, start: u32) -> Result<Vec<u8>, Failure> {
        let mut out = Vec::new();
        for id in self.chain(start, &self.fat, self.sectors)? {
            out.extend_from_slice(self.sector(id)?);
        }
        Ok(out)
    }
}

/// Check the compound file in `bytes` and measure its workbook's sheets against `limits`; the
/// names of the streams it holds (`Workbook` for an .xls, `EncryptedPackage` for a workbook
/// saved with a password, `WordDocument` for a Word document …).
///
/// # Errors
/// [`Failure::Unreadable`] for a broken structure; [`Failure::TooLarge`] when a sheet's cells
/// span more than the dense area the limits allow.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Inspected, Failure> {
    let shift = u16_at(bytes, 30).ok_or_else(|| broken("kepala berkas terpotong"))?;
    let sector = match shift {
        9 => 512,
        12 => 4096,
        _ => return Err(broken("ukuran sektor tidak sah")),
    };
    if bytes.len() < sector {
        return Err(broken("kepala berkas terpotong"));
    }
    let sectors = (bytes.len() - sector) / sector;
    let mut file = Compound { bytes, sector, sectors, fat: Vec::new() };
    // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut difat = u32_at(bytes, 68).unwrap_or(ENDOFCHAIN);
    let mut steps = 0;
    while difat < RESERVED {
        steps += 1;
        if steps > sectors {
            return Err(broken("rantai DIFAT berulang"));
        }
        let block = file.sector(difat)?;
        let per = sector / 4 - 1;
        fat_sectors.extend((0..per).filter_map(|i| u32_at(block, 4 * i)));
        difat = u32_at(block, 4 * per).unwrap_or(ENDOFCHAIN);
    }
    for id in fat_sectors.into_iter().filter(|id| *id < RESERVED) {
        let block = file.sector(id)?;
        file.fat.extend((0..sector / 4).filter_map(|i| u32_at(block, 4 * i)));
    }
    let directory = file.stream(u32_at(bytes, 48).unwrap_or(ENDOFCHAIN))?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first().ok_or_else(|| broken("tanpa direktori"))?;
    let mini_cutoff = u32_at(bytes, 56).unwrap_or(4096) as u64;
    let size_of = |entry: &[u8]| {
        let size = u32_at(entry, 120).unwrap_or(0) as u64 | (u32_at(entry, 124).unwrap_or(0) as u64) << 32;
        if sector == 512 { size & 0xFFFF_FFFF } else { size }
    };
    let mini_stream = file.stream(u32_at(root, 116).unwrap_or(ENDOFCHAIN))?;
    let mini_fat: Vec<u32> = file
        .stream(u32_at(bytes, 60).unwrap_or(ENDOFCHAIN))?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let mini_sectors = mini_stream.len() / 64;
    let mut streams = Vec::new();
    let mut sheets = Vec::new();
    for entry in &entries[1..] {
        if entry[66] != 2 {
            continue;
        }
        let (start, size) = (u32_at(entry, 116).unwrap_or(ENDOFCHAIN), size_of(entry));
        let content = if size < mini_cutoff {
            let mut out = Vec::new();
            for id in file.chain(start, &mini_fat, mini_sectors)? {
                out.extend_from_slice(&mini_stream[id as usize * 64..id as usize * 64 + 64]);
            }
            out
        } else {
            file.stream(start)?
        };
        let name: String = char::decode_utf16(
            entry[..64].chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).take_while(|c| *c != 0),
        )
        .map(|c| c.unwrap_or('?'))
        .collect();
        if name == "Workbook" || name == "Book" {
            let end = (size as usize).min(content.len());
            sheets = measure(&content[..end], limits)?;
        }
        streams.push(name);
    }
    Ok(Inspected { streams, sheets })
}

/// What [`inspect`] found: the compound file's streams, and how each sheet of its workbook
/// shows its cells.
pub struct Inspected {
    pub streams: Vec<String>,
    pub(crate) sheets: Vec<Looks>,
}

/// How an .xls sheet shows what calamine reads bare.
#[derive(Default)]
pub(crate) struct Looks {
    pub(crate) name: String,
    /// (row, column, how its format shows it) for each number cell under a format other than
    /// General, in the order of the sheet's records.
    pub(crate) shown: Vec<(u32, u32, Shown)>,
    /// Rows whose ROW record hides them.
    pub(crate) hidden_rows: Vec<u32>,
    /// Ranges of columns a COLINFO record hides (first, last).
    pub(crate) hidden_cols: Vec<(u32, u32)>,
}

impl Looks {
    /// How the cell at (`row`, `col`) shows its number.
    pub(crate) fn shown_at(&self, row: u32, col: u32) -> Shown {
        let at = self.shown.partition_point(|(r, c, _)| (*r, *c) < (row, col));
        match self.shown.get(at) {
            Some((r, c, shown)) if (*r, *c) == (row, col) => *shown,
            _ => Shown::Plain(None),
        }
    }
}

/// A BIFF8 string (`XLUnicodeString` after its count of characters): one byte a character, or
/// two where its flags say so; `None` past the record's end.
fn biff_string(data: &[u8], count: usize, at: usize) -> Option<String> {
    let wide = data.get(at)? & 1 == 1;
    let chars = data.get(at + 1..at + 1 + count * if wide { 2 } else { 1 })?;
    Some(if wide {
        char::decode_utf16(chars.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])))
            .map(|c| c.unwrap_or('?'))
            .collect()
    } else {
        chars.iter().map(|b| char::from(*b)).collect()
    })
}

/// The widest dense rectangle any sheet of a BIFF workbook stream asks for, against the limit;
/// every sheet's start within the stream; and how each sheet shows its cells ([`Looks`]).
fn measure(stream: &[u8], limits: &Limits) -> Result<Vec<Looks>, Failure> {
    let max = limits.cells as u64 * 2;
    let mut bounds: Option<(u16, u16, u16, u16)> = None;
    // The workbook's number formats and cell formats (XF), then each sheet's looks.
    let (mut formats, mut xfs): (Vec<(u16, Shown)>, Vec<Shown>) = (Vec::new(), Vec::new());
    let mut names: Vec<(u32, String)> = Vec::new();
    let mut sheets: Vec<Looks> = Vec::new();
    let mut at = 0;
    while let (Some(kind), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        let start = at;
        at += 4 + len as usize;
        looks(kind, data, start, (&mut formats, &mut xfs), &mut names, &mut sheets);
        let cell = match kind {
            // NUMBER, LABELSST, RK, FORMULA, BOOLERR, LABEL, RSTRING: row, then column.
            0x0203 | 0x00FD | 0x027E | 0x0006 | 0x0205 | 0x0204 | 0x00D6 => {
                u16_at(data, 0).zip(u16_at(data, 2)).map(|(row, col)| (row, col, col))
            }
            // MULRK: row, first column, …, last column.
            0x00BD => u16_at(data, 0)
                .zip(u16_at(data, 2))
                .zip(data.len().checked_sub(2).and_then(|end| u16_at(data, end)))
                .map(|((row, first), last)| (row, first, last.max(first))),
            // BOUNDSHEET: where a sheet's records start in the stream; calamine slices the stream
            // there without looking.
            0x0085 => {
                if u32_at(data, 0).is_none_or(|at| at as usize >= stream.len()) {
                    return Err(broken("lembar menunjuk ke luar aliran buku kerja"));
                }
                None
            }
            // BOF: a new sheet.
            0x0809 => {
                bounds = None;
                None
            }
            // DIMENSIONS: calamine reserves room for the rectangle it declares, computed as it
            // computes it (rows and columns wrap when the last is before the first).
            0x0200 => {
                let (first_row, last_row, first_col, last_col) = match data.len() {
                    10 => (
                        u16_at(data, 0).map(u32::from),
                        u16_at(data, 2).map(u32::from),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
                    _ => (None, None, None, None),
                };
                if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (first_row, last_row, first_col, last_col) {
                    let cf = if cf > 0xFF || cl < cf { 0 } else { u32::from(cf) };
                    let (end_row, end_col) = if rl >= 1 && cl >= 1 { (rl - 1, u32::from(cl) - 1) } else { (rf, cf) };
                    let rows = u64::from(end_row.wrapping_sub(rf).wrapping_add(1));
                    let cols = u64::from(end_col.wrapping_sub(cf).wrapping_add(1));
                    let area = rows.saturating_mul(cols);
                    if area > max {
                        return Err(Failure::TooLarge { limit: Limit::Area, found: area, max });
                    }
                }
                None
            }
            _ => None,
        };
        if let Some((row, first, last)) = cell {
            let (r0, r1, c0, c1) = bounds.unwrap_or((row, row, first, last));
            let next = (r0.min(row), r1.max(row), c0.min(first), c1.max(last));
            let area = (u64::from(next.1 - next.0) + 1) * (u64::from(next.3 - next.2) + 1);
            if area > max {
                return Err(Failure::TooLarge { limit: Limit::Area, found: area, max });
            }
            bounds = Some(next);
        }
    }
    for sheet in &mut sheets {
        sheet.shown.sort_by_key(|(row, col, _)| (*row, *col));
    }
    Ok(sheets)
}

/// What one BIFF8 record says of how cells look: a number format (FORMAT), a cell format (XF),
/// a sheet's name and start (BOUNDSHEET), a sheet's start (BOF), a number cell's format
/// (NUMBER, RK, FORMULA, MULRK), a hidden row (ROW) or hidden columns (COLINFO).
fn looks(
    kind: u16,
    data: &[u8],
    start: usize,
    (formats, xfs): (&mut Vec<(u16, Shown)>, &mut Vec<Shown>),
    names: &mut Vec<(u32, String)>,
    sheets: &mut Vec<Looks>,
) {
    let format_of = |xf: Option<u16>| xf.and_then(|xf| xfs.get(usize::from(xf)).copied());
    let cell = |row: Option<u16>, col: Option<u16>, shown: Option<Shown>, sheets: &mut Vec<Looks>| {
        if let (Some(row), Some(col), Some(shown), Some(sheet)) = (row, col, shown, sheets.last_mut())
            && shown != Shown::Plain(None)
        {
            sheet.shown.push((u32::from(row), u32::from(col), shown));
        }
    };
    match kind {
        0x041E => {
            let text = u16_at(data, 2).and_then(|count| biff_string(data, usize::from(count), 4));
            if let (Some(id), Some(text)) = (u16_at(data, 0), text) {
                formats.push((id, shown_by(&text)));
            }
        }
        0x00E0 => {
            let id = u16_at(data, 2).unwrap_or(0);
            xfs.push(formats.iter().find(|(f, _)| *f == id).map_or_else(|| builtin(&id.to_string()), |(_, s)| *s));
        }
        0x0085 => {
            let name = data.get(6).and_then(|count| biff_string(data, usize::from(*count), 7));
            if let (Some(offset), Some(name)) = (u32_at(data, 0), name) {
                names.push((offset, name));
            }
        }
        0x0809 => {
            if let Some((_, name)) = names.iter().find(|(offset, _)| *offset as usize == start) {
                sheets.push(Looks { name: name.clone(), ..Looks::default() });
            }
        }
        0x0203 | 0x027E | 0x0006 => cell(u16_at(data, 0), u16_at(data, 2), format_of(u16_at(data, 4)), sheets),
        0x00BD => {
            let (row, first) = (u16_at(data, 0), u16_at(data, 2).unwrap_or(0));
            for (i, rk) in data.get(4..data.len().saturating_sub(2)).unwrap_or(&[]).chunks_exact(6).enumerate() {
                let col = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                cell(row, col, format_of(u16_at(rk, 0)), sheets);
            }
        }
        0x0208 => {
            if let (Some(row), Some(flags), Some(sheet)) = (u16_at(data, 0), u16_at(data, 12), sheets.last_mut())
                && flags & 0x0020 != 0
            {
                sheet.hidden_rows.push(u32::from(row));
            }
        }
        0x007D => {
            let hidden = u16_at(data, 8).is_some_and(|flags| flags & 1 != 0);
            if let (Some(first), Some(last), Some(sheet), true) =
                (u16_at(data, 0), u16_at(data, 2), sheets.last_mut(), hidden)
                && sheet.hidden_cols.len() < 16_384
            {
                sheet.hidden_cols.push((u32::from(first), u32::from(last.max(first))));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_xls_passes_and_a_looping_chain_is_refused() {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_capaian.xls");
        let mut bytes = std::fs::read(fixture).unwrap();
        assert!(inspect(&bytes, &Limits::default()).is_ok());
        // Point the directory chain at itself: the FAT entry of the directory's first sector.
        let dir_start = u32_at(&bytes, 48).unwrap() as usize;
        let fat_sector = u32_at(&bytes, 76).unwrap() as usize;
        let at = (fat_sector + 1) * 512 + 4 * dir_start;
        bytes[at..at + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
        assert!(matches!(inspect(&bytes, &Limits::default()), Err(Failure::Unreadable(_))));
    }

    /// What calamine leaves out of an .xls (xlwt's, as Excel 97–2003 writes it): the format a
    /// percentage is shown under, a hidden row and a hidden column.
    #[test]
    fn an_xls_sheets_formats_and_hidden_rows_are_noted() {
        let read = |name: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
            inspect(&std::fs::read(path).unwrap(), &Limits::default()).map(|i| i.sheets).unwrap_or_default()
        };
        let percent = read("kr07_2024_percent_cells.xls");
        assert_eq!(percent[0].name, "Tabel 3.2");
        assert!(percent[0].shown.iter().any(|(_, col, shown)| *col == 4 && *shown == Shown::Percent(2)));
        let hidden = read("kr07_2024_hidden_rows.xls");
        assert_eq!(
            (hidden[0].hidden_rows.as_slice(), hidden[0].hidden_cols.as_slice()),
            ([21].as_slice(), [(5, 5)].as_slice())
        );
    }

    #[test]
    fn a_far_cell_in_a_sheet_is_measured() {
        let record = |kind: u16, data: &[u8]| {
            let mut r = kind.to_le_bytes().to_vec();
            r.extend((data.len() as u16).to_le_bytes());
            r.extend(data);
            r
        };
        let number = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0; 10]);
            record(0x0203, &d)
        };
        let mut stream = record(0x0809, &[0; 16]);
        stream.extend(number(0, 0));
        stream.extend(number(10, 5));
        assert!(measure(&stream, &Limits::default()).is_ok());
        stream.extend(number(65_535, 255));
        assert!(matches!(measure(&stream, &Limits::default()), Err(Failure::TooLarge { limit: Limit::Area, .. })));
        // A DIMENSIONS record whose last row is before its first: the rows wrap round.
        let mut dimensions = 10u32.to_le_bytes().to_vec();
        dimensions.extend(5u32.to_le_bytes());
        dimensions.extend([0, 0, 4, 0, 0, 0]);
        let stream = [record(0x0809, &[0; 16]), record(0x0200, &dimensions)].concat();
        assert!(matches!(measure(&stream, &Limits::default()), Err(Failure::TooLarge { limit: Limit::Area, .. })));
        // A sheet said to start past the end of the stream.
        let mut boundsheet = 1_051_792u32.to_le_bytes().to_vec();
        boundsheet.extend([0, 0, 1, 0, b'S']);
        let stream = record(0x0085, &boundsheet);
        assert!(matches!(measure(&stream, &Limits::default()), Err(Failure::Unreadable(_))));
    }
}
