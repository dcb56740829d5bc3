//! The built-in configuration (`src/config/defaults.toml`) and indicator sets
//! (`src/config/indicators.toml`) turned into JSON once, at build time. Commands read them at
//! start or at a file's first review, and a process reads the JSON in a fraction of the time the
//! TOML parser takes; the TOML stays the one place each is written and documented.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["defaults", "indicators"] {
        let source = format!("src/config/{name}.toml");
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
        let json = serde_json::to_string(&value).expect("every TOML value is a JSON value");
        std::fs::write(out.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
}
