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
