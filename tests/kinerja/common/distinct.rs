/// The same workbook repackaged with a zip archive comment, so each copy has its own SHA-256
/// while its content stays the fixture's. Shared by the tests and the service benchmark.
pub fn distinct_copy(bytes: &[u8], comment: &str) -> Vec<u8> {
    let end = bytes.len() - 22;
    assert_eq!(&bytes[end..end + 4], b"PK\x05\x06", "fixture has no archive comment yet");
    let mut out = bytes.to_vec();
    let len = comment.len() as u16;
    out[end + 20..end + 22].copy_from_slice(&len.to_le_bytes());
    out.extend_from_slice(comment.as_bytes());
    out
}

/// The Kanreg VII report (or agreement) re-titled as another Kantor Regional's (`roman`: "I", "II", …, with its
/// seat), so each unit's folder gets a report of its own: the package rewritten part by part.
pub fn report_of_kanreg(bytes: &[u8], roman: &str, seat: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data).unwrap();
            let text = text
                .replace("Kantor Regional VII BKN Palembang", &format!("Kantor Regional {roman} BKN {seat}"))
                .replace("Kantor Regional VII BKN", &format!("Kantor Regional {roman} BKN"))
                .replace("KANREG VII BKN PALEMBANG", &format!("KANREG {roman} BKN {}", seat.to_uppercase()))
                .replace("Kanreg VII BKN", &format!("Kanreg {roman} BKN"));
            data = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}
