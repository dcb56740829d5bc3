//! The built-in configuration (`src/config/defaults.toml`) turned into JSON once, at build time.
//! Every command starts by reading it, and a process reads the JSON in a fraction of the time
//! the TOML parser takes; the TOML stays the one place the defaults are written and documented.

use std::path::PathBuf;

fn main() {
    const SOURCE: &str = "src/config/defaults.toml";
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let json = serde_json::to_string(&value).expect("every TOML value of the defaults is a JSON value");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("defaults.json"), json).expect("OUT_DIR is writable");
}
