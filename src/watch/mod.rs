//! Watching the inbox: which files are candidates, when a candidate is complete.
//!
//! A file is taken when its size and modification time have stayed the same for the settle
//! window and it opens as a complete archive (an `.xlsx` being copied has no end-of-archive
//! record yet). A file that stays the same but never completes is taken after
//! [`Settler::give_up`] and rejected by the reader, so nothing waits forever.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// Office lock and temporary files, partial downloads and dot files: never taken.
pub fn ignored(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with("~$")
        || name.starts_with(".~lock")
        || name.starts_with('.')
        || [".tmp", ".part", ".crdownload", ".partial", ".download"].iter().any(|s| lower.ends_with(s))
}

/// What an inbox entry is: a regular file to take, or something never opened, moved or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    /// A symbolic link, FIFO, socket or device: refused where it is.
    Special(&'static str),
    /// A real folder an event names (made, or moved in): files put in it before the watcher
    /// watches it raise no event of their own, and are found by walking.
    Folder,
}

/// Every candidate under `inbox`, with the inbox subfolder it is in (empty for the root).
/// Nothing beneath the inbox is followed: a link to a folder is a [`Entry::Special`], not a
/// folder to walk.
pub fn walk(inbox: &Path) -> Vec<(String, PathBuf, Entry)> {
    let mut found = Vec::new();
    let mut stack = vec![(String::new(), inbox.to_path_buf())];
    while let Some((folder, dir)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if ignored(&name) {
                continue;
            }
            // The entry's own type (lstat): links are not followed.
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                let sub = if folder.is_empty() { name } else { folder.clone() };
                stack.push((sub, entry.path()));
            } else if folder.is_empty() && name.eq_ignore_ascii_case("README.md") {
                continue;
            } else {
                let what = crate::ingest::not_regular(&kind).map_or(Entry::File, Entry::Special);
                found.push((folder.clone(), entry.path(), what));
            }
        }
    }
    found
}

/// The inbox folder of `path` and what it is, if it is a candidate: an entry under `inbox`
/// reached through real folders only, with no ignored name on its way (the folder is empty
/// for a file in the inbox root). `inbox` is the configured folder made absolute; events name paths
/// absolute.
pub fn candidate(inbox: &Path, path: &Path) -> Option<(String, Entry)> {
    let relative = path.strip_prefix(inbox).ok()?;
    let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.is_empty() || parts.iter().any(|p| ignored(p)) {
        return None;
    }
    if parts.len() == 1 && parts[0].eq_ignore_ascii_case("README.md") {
        return None;
    }
    // Every folder on the way must be a real folder, not a link to one elsewhere.
    let mut dir = inbox.to_path_buf();
    for part in relative.components().take(parts.len() - 1) {
        dir.push(part);
        if !std::fs::symlink_metadata(&dir).ok()?.file_type().is_dir() {
            return None;
        }
    }
    let kind = std::fs::symlink_metadata(path).ok()?.file_type();
    if kind.is_dir() {
        return Some((parts[0].clone(), Entry::Folder));
    }
    let entry = crate::ingest::not_regular(&kind).map_or(Entry::File, Entry::Special);
    Some((if parts.len() > 1 { parts[0].clone() } else { String::new() }, entry))
}

/// Whether a workbook file is whole: a compound file (.xls, and an .xlsx saved with a password,
/// which Excel wraps in one) starts with its signature and fills whole 512-byte sectors; a zip
/// package (.xlsx, .xlsm, .xlsb, .ods) ends with its end-of-central-directory record. The first
/// bytes decide, then the name: a file named as a workbook that is neither yet is still being
/// written. Other files are judged by the reader.
pub fn is_complete(path: &Path) -> std::io::Result<bool> {
    const COMPOUND: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    let Some((mut file, len)) = open_entry(path)? else { return Ok(false) };
    let mut head = [0u8; 8];
    let head = if file.read_exact(&mut head).is_ok() { head.as_slice() } else { &[] };
    if head == COMPOUND {
        return Ok(len % 512 == 0);
    }
    let zip = head.starts_with(b"PK") || matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "ods");
    if !zip {
        return Ok(extension != "xls");
    }
    // The record is 22 bytes plus a comment of up to 65,535; most files have no comment.
    let mut last = [0u8; 22];
    if len >= 22 {
        file.seek(SeekFrom::Start(len - 22))?;
        file.read_exact(&mut last)?;
        if last[..4] == *b"PK\x05\x06" && last[20..] == [0, 0] {
            return Ok(true);
        }
    }
    let tail = len.min(22 + 65_535);
    file.seek(SeekFrom::Start(len - tail))?;
    let mut buf = Vec::with_capacity(tail as usize);
    file.read_to_end(&mut buf)?;
    Ok(buf.windows(4).rposition(|w| w == b"PK\x05\x06").is_some_and(|at| {
        let comment = buf.get(at + 20..at + 22).map_or(usize::MAX, |c| u16::from_le_bytes([c[0], c[1]]) as usize);
        at + 22 + comment == buf.len()
    }))
}

/// The entry at `path` opened for reading, with its size, if it is a regular file: never a link's
/// target, and never waiting on a FIFO.
fn open_entry(path: &Path) -> std::io::Result<Option<(std::fs::File, u64)>> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
    let file = match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => std::fs::File::from(fd),
        Err(rustix::io::Errno::LOOP) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let meta = file.metadata()?;
    Ok(meta.is_file().then_some((file, meta.len())))
}

/// How much work a taken file is, in bytes: what its zip package unpacks to (as its central
/// directory declares; the reader holds it to that), or its size.
pub fn weight(path: &Path) -> u64 {
    let Ok(Some((file, size))) = open_entry(path) else { return 0 };
    crate::ingest::package::unpacked(std::io::BufReader::new(file), size)
}

struct Pending {
    /// The unit's folder.
    folder: String,
    size: u64,
    modified: Option<SystemTime>,
    stable_since: Instant,
    /// Whether the file is whole, as last found for this size and time: known until they change.
    complete: Option<bool>,
    /// Settled and whole: waiting in [`Settler::ready`] to be taken.
    ready: bool,
}

/// Tracks candidates until they have settled, and keeps those that have, oldest first, until
/// they are taken. A file is looked at when an event or a walk of the inbox names it, when its
/// settle window ends ([`Settler::due`]) and right before it is taken, never at every tick (a
/// burst leaves thousands waiting for their unit's turn). What the scanner asks at every turn
/// (what is due, when next, each unit's oldest) comes from indexes kept with each change, not
/// from a pass over every tracked file.
pub struct Settler {
    settle: Duration,
    /// The tracked files; each path is kept once, shared with the indexes.
    pending: HashMap<Arc<Path>, Pending>,
    indexes: Indexes,
}

/// What the scanner asks of the tracked files, kept up to date by [`Indexes::add`] and
/// [`Indexes::remove`] around every change of a [`Pending`].
#[derive(Default)]
struct Indexes {
    /// Files not ready yet by when they are next due a look (`None`: never looked at).
    windows: BTreeSet<(Option<Instant>, Arc<Path>)>,
    /// Each folder's files not ready yet, by modification time as last looked at.
    unsettled: PerFolder<SystemTime>,
    /// Each folder's settled, whole files by modification time: the order the unit sent them in.
    ready: PerFolder<Option<SystemTime>>,
}

/// Each folder's files ordered by a time of theirs.
type PerFolder<T> = HashMap<String, BTreeSet<(T, Arc<Path>)>>;

impl Indexes {
    /// When a file not ready yet is next due a look: at the end of its settle window, or at once
    /// (`None`) if it was never looked at.
    fn window(pending: &Pending, settle: Duration) -> Option<Instant> {
        (pending.size != u64::MAX).then(|| pending.stable_since + settle)
    }

    /// Enter a file in the indexes its state puts it in.
    fn add(&mut self, path: &Arc<Path>, pending: &Pending, settle: Duration) {
        let folder = || pending.folder.clone();
        if pending.ready {
            self.ready.entry(folder()).or_default().insert((pending.modified, path.clone()));
            return;
        }
        self.windows.insert((Self::window(pending, settle), path.clone()));
        if let Some(modified) = pending.modified {
            self.unsettled.entry(folder()).or_default().insert((modified, path.clone()));
        }
    }

    /// Take a file out of the indexes its state (before a change) put it in.
    fn remove(&mut self, path: &Arc<Path>, pending: &Pending, settle: Duration) {
        fn take<K: Ord>(sets: &mut HashMap<String, BTreeSet<K>>, folder: &str, key: &K) {
            if let Some(set) = sets.get_mut(folder) {
                set.remove(key);
                if set.is_empty() {
                    sets.remove(folder);
                }
            }
        }
        if pending.ready {
            return take(&mut self.ready, &pending.folder, &(pending.modified, path.clone()));
        }
        self.windows.remove(&(Self::window(pending, settle), path.clone()));
        if let Some(modified) = pending.modified {
            take(&mut self.unsettled, &pending.folder, &(modified, path.clone()));
        }
    }
}

/// What a candidate is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Changed within the settle window.
    Changing,
    /// Unchanged for the settle window; for how long.
    Settled(Duration),
}

/// What a look at a tracked path found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// No longer a regular file there (taken away, or replaced by a link): forgotten.
    Gone,
    /// Still being written, or not whole yet; last modified then.
    Changing(Option<SystemTime>),
    /// Settled and whole: ready to be taken.
    Ready,
}

impl Settler {
    pub fn new(settle: Duration) -> Self {
        Settler { settle, pending: HashMap::new(), indexes: Indexes::default() }
    }

    /// How long a settled file that never completes is waited for: a stalled copy resumes
    /// within it; a broken file is then taken and rejected with its reason.
    pub fn give_up(&self) -> Duration {
        (self.settle * 30).max(Duration::from_secs(30))
    }

    /// Start tracking a path of `folder` (no effect if tracked).
    pub fn track(&mut self, path: PathBuf, folder: &str, now: Instant) {
        if !self.pending.contains_key(path.as_path()) {
            let path: Arc<Path> = path.into();
            let pending = Pending {
                folder: folder.to_string(),
                size: u64::MAX,
                modified: None,
                stable_since: now,
                complete: None,
                ready: false,
            };
            self.indexes.add(&path, &pending, self.settle);
            self.pending.insert(path, pending);
        }
    }

    pub fn forget(&mut self, path: &Path) {
        if let Some((path, pending)) = self.pending.remove_entry(path) {
            self.indexes.remove(&path, &pending, self.settle);
        }
    }

    /// The tracked paths not ready yet that are due a look at `now`: never looked at, or
    /// unchanged since their window began and it is over (or settled but not whole yet). A file
    /// still in its window is not looked at again before its end: a change in between shows at
    /// that look, in its size or time, and starts the window again.
    pub fn due(&self, now: Instant) -> Vec<PathBuf> {
        self.indexes.windows.range(..Self::after(now)).map(|(_, path)| path.to_path_buf()).collect()
    }

    /// The oldest modification time, as last looked at, of `folder`'s files not ready yet: a
    /// younger settled file of the unit waits for them.
    pub fn oldest_unsettled(&self, folder: &str) -> Option<SystemTime> {
        self.indexes.unsettled.get(folder)?.first().map(|(modified, _)| *modified)
    }

    /// Each folder's oldest settled, whole file, oldest first: when it was last modified, the
    /// file, its folder. (A unit's younger files wait for it to be taken.)
    pub fn ready(&self) -> Vec<(Option<SystemTime>, &Path, &str)> {
        let oldest =
            self.indexes.ready.iter().filter_map(|(folder, files)| files.first().map(|(m, p)| (*m, p, folder)));
        let mut ready: Vec<_> = oldest.map(|(modified, path, folder)| (modified, &**path, folder.as_str())).collect();
        ready.sort_unstable();
        ready
    }

    /// When the next file still in its settle window will have been unchanged for all of it: the
    /// scanner looks again then rather than at its next tick, so a file is taken as soon as it
    /// settles.
    pub fn next_due(&self, now: Instant) -> Option<Instant> {
        self.indexes.windows.range(Self::after(now)..).next().and_then(|(due, _)| *due)
    }

    /// The first window key later than `now`.
    fn after(now: Instant) -> (Option<Instant>, Arc<Path>) {
        (Some(now + Duration::from_nanos(1)), Arc::from(Path::new("")))
    }

    /// Whether a settled file is whole: found once for its size and time (`check` opens it), and
    /// remembered while they stay the same.
    pub fn complete(&mut self, path: &Path, check: impl FnOnce() -> bool) -> bool {
        match self.pending.get_mut(path) {
            Some(pending) => *pending.complete.get_or_insert_with(check),
            None => check(),
        }
    }

    /// Record what a stat of `path` shows at `now`. A change starts its settle window again (and
    /// takes it out of the ready files).
    pub fn observe(&mut self, path: &Path, size: u64, modified: Option<SystemTime>, now: Instant) -> State {
        let unchanged = self.pending.get(path).filter(|p| p.size == size && p.modified == modified);
        let stable_since = match unchanged {
            Some(pending) => pending.stable_since,
            None => {
                let (path, folder) = match self.pending.remove_entry(path) {
                    Some((path, before)) => {
                        self.indexes.remove(&path, &before, self.settle);
                        (path, before.folder)
                    }
                    None => (Arc::from(path), String::new()),
                };
                let pending = Pending { folder, size, modified, stable_since: now, complete: None, ready: false };
                self.indexes.add(&path, &pending, self.settle);
                self.pending.insert(path, pending);
                now
            }
        };
        let stable = now.saturating_duration_since(stable_since);
        if stable >= self.settle { State::Settled(stable) } else { State::Changing }
    }

    /// Look at a tracked path: the entry itself, never through a link (a file replaced by a link
    /// since it was seen is not a file), then whether it has settled and is whole.
    pub fn look_at(&mut self, path: &Path, now: Instant) -> Seen {
        let Some(meta) = std::fs::symlink_metadata(path).ok().filter(|m| m.file_type().is_file()) else {
            self.forget(path);
            return Seen::Gone;
        };
        let modified = meta.modified().ok();
        let ready = match self.observe(path, meta.len(), modified, now) {
            State::Settled(stable) => {
                self.complete(path, || is_complete(path).unwrap_or(false)) || stable >= self.give_up()
            }
            State::Changing => false,
        };
        if !ready {
            return Seen::Changing(modified);
        }
        if let Some(key) = self.pending.get_key_value(path).filter(|(_, p)| !p.ready).map(|(key, _)| key.clone())
            && let Some(pending) = self.pending.get_mut(&key)
        {
            self.indexes.remove(&key, pending, self.settle);
            pending.ready = true;
            self.indexes.add(&key, pending, self.settle);
        }
        Seen::Ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completeness_is_found_once_per_size_and_time() {
        let mut settler = Settler::new(Duration::ZERO);
        let path = Path::new("inbox/KR07/a.xlsx");
        let start = Instant::now();
        let mut opened = 0;
        let mut ask = |settler: &mut Settler, whole: bool| {
            settler.complete(path, || {
                opened += 1;
                whole
            })
        };
        settler.track(path.to_path_buf(), "KR07", start);
        settler.observe(path, 10, None, start);
        assert!(!ask(&mut settler, false), "half written");
        assert!(!ask(&mut settler, true), "the same size and time: remembered, not opened again");
        settler.observe(path, 20, None, start);
        assert!(ask(&mut settler, true), "grown: opened again");
        assert_eq!(opened, 2);
    }

    #[test]
    fn the_next_look_is_when_a_file_settles() {
        let settle = Duration::from_millis(200);
        let mut settler = Settler::new(settle);
        let (a, b) = (Path::new("inbox/KR07/a.xlsx"), Path::new("inbox/KR08/b.xlsx"));
        let start = Instant::now();
        settler.track(a.to_path_buf(), "KR07", start);
        assert_eq!(settler.next_due(start), None, "not looked at yet");
        settler.observe(a, 10, None, start);
        settler.observe(b, 10, None, start + Duration::from_millis(50));
        assert_eq!(settler.next_due(start), Some(start + settle));
        // Changed: its window starts again; a settled file waiting its turn sets no deadline.
        settler.observe(a, 20, None, start + Duration::from_millis(100));
        assert_eq!(settler.next_due(start), Some(start + Duration::from_millis(250)));
        assert_eq!(settler.next_due(start + Duration::from_millis(260)), Some(start + Duration::from_millis(300)));
        assert_eq!(settler.next_due(start + Duration::from_millis(300)), None);
    }

    #[test]
    fn settled_files_wait_oldest_first_and_a_change_starts_again() {
        let dir = std::env::temp_dir().join(format!("kinerja-settler-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let at = |name: &str, seconds: u64| {
            let path = dir.join(name);
            std::fs::write(&path, b"not a zip").unwrap();
            let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + seconds);
            std::fs::File::options().write(true).open(&path).unwrap().set_modified(when).unwrap();
            path
        };
        let (young, old) = (at("young.xlsx", 20), at("old.xlsx", 10));
        let mut settler = Settler::new(Duration::ZERO);
        let now = Instant::now();
        settler.track(young.clone(), "KR07", now);
        settler.track(old.clone(), "KR08", now);
        assert!(matches!(settler.look_at(&young, now), Seen::Changing(_)), "not a whole archive");
        assert!(matches!(settler.look_at(&old, now), Seen::Changing(_)));
        // Unchanged past the give-up time: taken, and the reader says why it is broken.
        assert_eq!(settler.look_at(&young, now + Duration::from_secs(60)), Seen::Ready);
        assert_eq!(settler.look_at(&old, now + Duration::from_secs(60)), Seen::Ready);
        let ready: Vec<_> = settler.ready().into_iter().map(|(_, p, f)| (p.to_path_buf(), f.to_string())).collect();
        assert_eq!(ready, [(old.clone(), "KR08".to_string()), (young.clone(), "KR07".to_string())]);
        assert!(settler.due(now + Duration::from_secs(60)).is_empty(), "a ready file is not looked at every tick");
        assert_eq!(settler.oldest_unsettled("KR08"), None, "a ready file holds back none of its unit's");
        // Rewritten while it waited: out of the ready files until it settles again.
        std::fs::write(&old, b"rewritten, longer").unwrap();
        let rewritten = old.metadata().unwrap().modified().ok();
        assert_eq!(settler.look_at(&old, now + Duration::from_secs(61)), Seen::Changing(rewritten));
        assert_eq!(settler.ready().len(), 1);
        assert_eq!(settler.due(now + Duration::from_secs(61)), std::slice::from_ref(&old));
        assert_eq!(settler.oldest_unsettled("KR08"), rewritten);
        std::fs::remove_file(&young).unwrap();
        assert_eq!(settler.look_at(&young, now + Duration::from_secs(62)), Seen::Gone);
        assert!(settler.ready().is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn event_paths_name_their_folder() {
        let inbox = std::env::temp_dir().join(format!("kinerja-candidate-{}", std::process::id()));
        std::fs::create_dir_all(inbox.join("KR07/sub")).unwrap();
        for name in ["KR07/a.xlsx", "KR07/sub/b.xlsx", "c.xlsx", "KR07/~$a.xlsx"] {
            std::fs::write(inbox.join(name), b"x").unwrap();
        }
        let file = |folder: &str| Some((folder.to_string(), Entry::File));
        assert_eq!(candidate(&inbox, &inbox.join("KR07/a.xlsx")), file("KR07"));
        assert_eq!(candidate(&inbox, &inbox.join("KR07/sub/b.xlsx")), file("KR07"));
        assert_eq!(candidate(&inbox, &inbox.join("c.xlsx")), file(""));
        assert_eq!(candidate(&inbox, &inbox.join("KR07/~$a.xlsx")), None);
        assert_eq!(candidate(&inbox, &inbox.join("KR07")), Some(("KR07".to_string(), Entry::Folder)));
        assert_eq!(candidate(&inbox, &inbox.join("KR07/sub")), Some(("KR07".to_string(), Entry::Folder)));
        assert_eq!(candidate(&inbox, Path::new("/elsewhere/x.xlsx")), None);
        // A link is refused where it is; a folder reached through a link is never entered.
        let outside = inbox.with_extension("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("system.xlsx"), b"x").unwrap();
        std::os::unix::fs::symlink(&outside, inbox.join("KR07/x.xlsx")).unwrap();
        let link = Some(("KR07".to_string(), Entry::Special("tautan simbolik (symlink)")));
        assert_eq!(candidate(&inbox, &inbox.join("KR07/x.xlsx")), link);
        assert_eq!(candidate(&inbox, &inbox.join("KR07/x.xlsx/system.xlsx")), None);
        let walked = walk(&inbox);
        let link_path = inbox.join("KR07/x.xlsx");
        assert!(walked.iter().all(|(_, p, _)| *p == link_path || !p.starts_with(&link_path)), "{walked:?}");
        assert!(
            walked.iter().any(|(_, p, e)| p.ends_with("x.xlsx") && *e == Entry::Special("tautan simbolik (symlink)"))
        );
        std::fs::remove_dir_all(&outside).unwrap();
        std::fs::remove_dir_all(&inbox).unwrap();
    }

    #[test]
    fn lock_and_partial_files_are_ignored() {
        for name in ["~$laporan.xlsx", ".~lock.laporan.xlsx#", ".DS_Store", "x.tmp", "x.part", "x.crdownload"] {
            assert!(ignored(name), "{name}");
        }
        assert!(!ignored("laporan TW1.xlsx"));
    }

    #[test]
    fn a_file_settles_only_after_the_window_without_change() {
        let start = Instant::now();
        let ms = Duration::from_millis;
        let mut settler = Settler::new(ms(500));
        let path = Path::new("inbox/KR07/a.xlsx");
        let t = SystemTime::UNIX_EPOCH;
        assert_eq!(settler.observe(path, 10, Some(t), start), State::Changing);
        assert_eq!(settler.observe(path, 20, Some(t), start + ms(300)), State::Changing);
        assert!(settler.due(start + ms(799)).is_empty(), "not looked at again within its window");
        assert_eq!(settler.due(start + ms(800)), [path]);
        assert_eq!(settler.observe(path, 20, Some(t), start + ms(700)), State::Changing);
        assert_eq!(settler.observe(path, 20, Some(t), start + ms(800)), State::Settled(ms(500)));
        // A touch restarts the window.
        assert_eq!(settler.observe(path, 20, Some(t + ms(1)), start + ms(900)), State::Changing);
        settler.forget(path);
        assert!(settler.due(start + ms(2000)).is_empty());
    }

    #[test]
    fn a_workbook_is_complete_by_what_its_first_bytes_say_it_is() {
        let dir = std::env::temp_dir().join(format!("kinerja-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_capaian.xlsx");
        let bytes = std::fs::read(&fixture).unwrap();
        let half = dir.join("half.xlsx");
        std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
        assert!(!is_complete(&half).unwrap());
        assert!(is_complete(&fixture).unwrap());
        let xls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr07_2024_capaian.xls");
        assert!(is_complete(&xls).unwrap());
        // An .xlsx saved with a password is a compound file, whole in 512-byte sectors: taken
        // at once, not after waiting for a zip end record that never comes.
        let encrypted =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encrypted.xlsx")).unwrap();
        let locked = dir.join("locked.xlsx");
        std::fs::write(&locked, &encrypted).unwrap();
        assert!(is_complete(&locked).unwrap());
        std::fs::write(&locked, &encrypted[..encrypted.len() - 100]).unwrap();
        assert!(!is_complete(&locked).unwrap());
        // A workbook renamed .xls is judged as the zip it is; an .xls with nothing yet is not whole.
        let renamed = dir.join("renamed.xls");
        std::fs::write(&renamed, &bytes).unwrap();
        assert!(is_complete(&renamed).unwrap());
        std::fs::write(&renamed, &bytes[..bytes.len() / 2]).unwrap();
        assert!(!is_complete(&renamed).unwrap());
        std::fs::write(&renamed, b"").unwrap();
        assert!(!is_complete(&renamed).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
