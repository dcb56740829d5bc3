//! Bounds before parsing, for compound files (.xls): every sector chain is walked once over the
//! bytes in memory, so a chain that loops or leaves the file is refused before calamine follows
//! it (its reader grows a chain until it ends, and a loop never ends); and the cells each sheet
//! of the workbook stream places are measured, because calamine lays an .xls sheet out as the
//! dense rectangle between its first and last cell.

use super::Failure;
use super::package::Limit;
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
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Vec<String>, Failure> {
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
            measure(&content[..end], limits)?;
        }
        streams.push(name);
    }
    Ok(streams)
}

/// The widest dense rectangle any sheet of a BIFF workbook stream asks for, against the limit;
/// and every sheet's start within the stream.
fn measure(stream: &[u8], limits: &Limits) -> Result<(), Failure> {
    let max = limits.cells as u64 * 2;
    let mut bounds: Option<(u16, u16, u16, u16)> = None;
    let mut at = 0;
    while let (Some(kind), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        at += 4 + len as usize;
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
    Ok(())
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
