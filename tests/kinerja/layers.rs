//! ARCHITECTURE.md's layers hold in the code: every module imports only from layers below its
//! own, so there is no import cycle and no stage reaches up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers as ARCHITECTURE.md lists them, lowest first: `1. `model``, `2. `config`, `files``…
fn documented_layers(root: &Path) -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let section = text.split("\n## Layers\n").nth(1).expect("a Layers section").split("\n## ").next().unwrap();
    let mut layers = BTreeMap::new();
    for line in section.lines() {
        let Some((number, rest)) = line.split_once(". ") else { continue };
        let Ok(number) = number.trim().parse::<usize>() else { continue };
        let names = rest.split(':').next().unwrap_or_default();
        for name in names.split('`').skip(1).step_by(2) {
            assert!(layers.insert(name.to_string(), number).is_none(), "{name} is listed twice");
        }
    }
    layers
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level modules a source file names through `crate::`, including `use crate::{a, b}`.
fn imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(group.split(',').map(|p| p.trim().split("::").next().unwrap_or_default().to_string()));
        } else {
            found.insert(rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect());
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn every_module_imports_only_from_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = documented_layers(root);
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut modules = BTreeSet::new();
    let mut upward = Vec::new();
    for file in files {
        let relative = file.strip_prefix(root.join("src")).unwrap();
        let module =
            relative.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        let own = *layers.get(&module).unwrap_or_else(|| panic!("module {module} is in no layer of ARCHITECTURE.md"));
        modules.insert(module.clone());
        let text = std::fs::read_to_string(&file).unwrap();
        let named = match module.as_str() {
            // The binary names the library as `kinerja::`.
            "main" => imports(&text.replace("kinerja::", "crate::")),
            _ => imports(&text),
        };
        for target in named.into_iter().filter(|t| *t != module) {
            let theirs = *layers.get(&target).unwrap_or_else(|| panic!("{} names crate::{target}", relative.display()));
            if theirs >= own {
                upward.push(format!("{} (layer {own}) imports {target} (layer {theirs})", relative.display()));
            }
        }
    }
    assert!(upward.is_empty(), "imports that do not point down:\n{}", upward.join("\n"));
    let listed: BTreeSet<String> = layers.into_keys().collect();
    assert_eq!(listed, modules, "ARCHITECTURE.md's layers list exactly the modules in src/");
}

#[test]
fn imports_are_found_in_groups_and_paths() {
    let text = "use crate::{score, validate::x};\nlet a = crate::model::Unit::new(); // crate::files";
    let found: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(found, ["files", "model", "score", "validate"]);
}
