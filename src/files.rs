//! Files kinerja writes in its own folders (the outbox, the state folder): written aside under a
//! fresh name and renamed into place, so a reader sees the old file or the new one, never half
//! of one; and never through a link planted where kinerja writes.

use std::io::Write;
use std::path::{Component, Path};
use std::sync::atomic::{AtomicU64, Ordering};

static ASIDE: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` to `target`, which lies under `root`. Every folder between the two is a real
/// folder (made when missing), never a link; the bytes go to a new file beside the target
/// (created exclusively, so a link of that name is never followed), which is then renamed over it.
///
/// # Errors
/// The I/O error of the step that failed; a link or file where a folder belongs, or a target
/// outside `root`, is [`std::io::ErrorKind::InvalidInput`]. The target is then unchanged.
pub fn write(root: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let invalid = |what: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, what);
    let relative = target
        .strip_prefix(root)
        .map_err(|_| invalid(format!("{} is outside {}", target.display(), root.display())))?;
    let mut dir = root.to_path_buf();
    for part in relative.parent().into_iter().flat_map(Path::components) {
        let Component::Normal(name) = part else {
            return Err(invalid(format!("{} is not a plain path", target.display())));
        };
        dir.push(name);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(invalid(format!("{} is not a folder (a link?)", dir.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => match std::fs::create_dir(&dir) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
                _ => {}
            },
            Err(e) => return Err(e),
        }
    }
    let aside = dir.join(format!(".kinerja-{}-{}.tmp", std::process::id(), ASIDE.fetch_add(1, Ordering::Relaxed)));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&aside)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&aside, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&aside);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_in_place_and_never_through_a_link() {
        let root = std::env::temp_dir().join(format!("kinerja-files-{}", std::process::id()));
        let outside = root.with_extension("outside");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        write(&root, &root.join("2024/KR07/a.xlsx"), b"one").unwrap();
        write(&root, &root.join("2024/KR07/a.xlsx"), b"two").unwrap();
        assert_eq!(std::fs::read(root.join("2024/KR07/a.xlsx")).unwrap(), b"two");
        // A planted link to a folder elsewhere is not written through.
        std::os::unix::fs::symlink(&outside, root.join("2025")).unwrap();
        let refused = write(&root, &root.join("2025/b.xlsx"), b"x").unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);
        // A link at the target is replaced by the file, not followed.
        std::fs::write(outside.join("victim"), b"keep").unwrap();
        std::os::unix::fs::symlink(outside.join("victim"), root.join("c.eml")).unwrap();
        write(&root, &root.join("c.eml"), b"mail").unwrap();
        assert_eq!(std::fs::read(outside.join("victim")).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(root.join("c.eml")).unwrap().is_file());
        assert!(write(&root, Path::new("/etc/passwd"), b"x").is_err());
        std::fs::remove_dir_all(&root).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }
}
