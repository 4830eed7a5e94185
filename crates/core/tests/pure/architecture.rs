//! The rooms hold their walls inside the crates too: no two modules of a folder name each other,
//! directly or round a circle, so whoever changes one reads only what it names, never the
//! whole folder; and each screen names only plain data, so it can be read, changed and tested
//! alone. Read from the source's `super::` and `crate::` paths.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folders checked, each with its path from its crate's root (empty for the root).
const FOLDERS: &[(&str, &str)] = &[
    ("crates/core/src/app", "app"),
    ("crates/core/src/ui", "ui"),
    ("crates/content/src", ""),
    ("crates/core/src", ""),
];

/// A module's name and the text of its files (a folder module: all of them).
fn modules(folder: &Path) -> BTreeMap<String, Vec<(PathBuf, String)>> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
        if path.is_dir() {
            modules.insert(name, rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs")
            && !["mod", "lib", "main"].contains(&name.as_str())
        {
            let text = std::fs::read_to_string(&path).expect("a source file");
            modules.insert(name, vec![(path, text)]);
        }
    }
    modules
}

fn rust_files(folder: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            files.push((path, text));
        }
    }
    files
}

/// The names following `prefix` in `text`'s code (not its comments): `prefix::name` and each
/// first name of `prefix::{name, other::Item}`.
fn named_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    let word_end = |rest: &str| rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    let mut names = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices(prefix) {
            let starts =
                code[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
            let rest = &code[at + prefix.len()..];
            if !starts {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(
                    group
                        .split(',')
                        .map(str::trim)
                        .map(|item| &item[..word_end(item)])
                        .filter(|name| !name.is_empty()),
                );
            } else if word_end(rest) > 0 {
                names.push(&rest[..word_end(rest)]);
            }
        }
    }
    names
}

/// Which modules of the folder each one names.
fn graph(folder: &Path, crate_path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules(folder);
    let from_crate =
        if crate_path.is_empty() { "crate::".to_owned() } else { format!("crate::{crate_path}::") };
    let mut graph = BTreeMap::new();
    for (name, files) in &modules {
        let mut named = BTreeSet::new();
        for (path, text) in files {
            // `super::` names the folder's modules only from a file directly in it, or from a
            // folder module's own mod.rs.
            let beside =
                path.parent() == Some(folder) || path.file_name().is_some_and(|file| file == "mod.rs");
            let mut found = named_after(text, &from_crate);
            if beside {
                found.extend(named_after(text, "super::"));
            }
            named.extend(
                found
                    .into_iter()
                    .filter(|other| *other != name && modules.contains_key(*other))
                    .map(str::to_owned),
            );
        }
        graph.insert(name.clone(), named);
    }
    graph
}

/// A circle of modules, if there is one: each names the next, the last the first.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        module: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on| on == module) {
            return Some(path[start..].to_vec());
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(found) = walk(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|module| walk(graph, module, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_names_another_that_names_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (folder, crate_path) in FOLDERS {
        let graph = graph(&root.join(folder), crate_path);
        assert!(graph.len() > 3, "{folder}: too few modules found to mean anything: {graph:?}");
        if let Some(circle) = circle(&graph) {
            panic!("{folder}: {} names {} back", circle.join(" → "), circle[0]);
        }
    }
}

/// The screens alone: each names only plain data and its own parts, never the App, the session
/// or another screen (`*_host.rs` lends them the App).
const SCREENS: &[(&str, &[&str])] = &[
    ("home", &["event", "layout", "places"]),
    ("search", &["event", "layout", "overlay"]),
    ("staff_panel", &["event", "overlay"]),
    ("topic", &["document", "event", "layout", "places"]),
    ("doctor_questions", &["event", "places", "topic"]),
    ("teach_back", &["event", "places", "topic"]),
    ("related", &["event", "places", "topic"]),
];

#[test]
fn each_screen_names_no_app_no_session_and_no_other_screen() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let graph = graph(&root.join("crates/core/src/app"), "app");
    for (screen, allowed) in SCREENS {
        let named = graph.get(*screen).unwrap_or_else(|| panic!("no module {screen}"));
        let beyond: Vec<&String> =
            named.iter().filter(|module| !allowed.contains(&module.as_str())).collect();
        assert!(
            beyond.is_empty(),
            "{screen} names {beyond:?}: a screen reads the kiosk only through its context"
        );
    }
}

#[test]
fn a_circle_is_found_where_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])]
            .into_iter()
            .map(|(name, named)| (name.to_owned(), named.iter().map(|n| (*n).to_owned()).collect()))
            .collect();
    assert_eq!(circle(&graph), Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]));
    assert_eq!(named_after("use super::state::App; // super::topic", "super::"), ["state"]);
    assert_eq!(named_after("use super::{load, words::Analyzer};", "super::"), ["load", "words"]);
    assert_eq!(named_after("x::crate::app::y", "crate::app::"), Vec::<&str>::new());
}
