//! The example configuration file documents every key; it must parse.

use kinerja::config::Config;
use std::path::Path;

#[test]
fn example_config_parses_and_overrides() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kinerja.example.toml");
    let config = Config::load(&path).expect("the example config is valid");
    let kr07 = config.units.get("KR07").unwrap();
    assert_eq!(kr07.email, ["perencanaan.kanreg7@bkn.go.id"]);
    assert!(config.units.get("PUSDIKLAT").is_some());
    assert_eq!(&**config.rules.band(Some("100.5".parse().unwrap())), "Sangat Baik");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(config.service.inbox, root.join("inbox"));
    assert_eq!(config.service.settle, std::time::Duration::from_secs(1));
    assert_eq!(config.service.workers, 2);
    assert_eq!(config.mail.transport, kinerja::config::mail::Transport::File(root.join("outbox").join("mail")));
    assert_eq!(config.mail.deadlines.len(), 1);
}

#[test]
fn a_broken_config_names_the_file() {
    let dir = std::env::temp_dir().join(format!("kinerja-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(&path, "[scoring]\nna = \"sometimes\"\n").unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.contains("bad.toml"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn readme_documents_every_finding_code() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for code in kinerja::model::Code::ALL {
        assert!(readme.contains(&format!("| `{}` |", code.as_str())), "README lacks {}", code.as_str());
    }
}
