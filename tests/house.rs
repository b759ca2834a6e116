//! The house's shape, read from the code (docs/ARCHITECTURE.md, "Who may
//! depend on whom"): every workspace crate depends only on crates on floors
//! below its own (`cargo metadata`), no crate depends on the app, no circle of
//! imports between the files of a crate, and no Rust file over 600 lines.
//! `cargo test --test house` prints what it finds when it fails.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest a Rust file may be, tests included.
const MAX_LINES: usize = 600;

/// The floors, lowest first: a crate may depend on crates of lower floors.
const FLOORS: &[&[&str]] = &[
    &["plan-model", "plan-files", "portal-harness", "portal-browser"],
    &["plan-publish", "portal-view"],
    &["portal-ui"],
    &["portal-site"],
    &["plan-cli", "kunshan-studio"],
    &["kunshan-portal"],
];

/// This checkout, or another one named by `HOUSE_ROOT` (to read an older
/// house the same way).
fn root() -> PathBuf {
    std::env::var_os("HOUSE_ROOT")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

fn floor_of(name: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&name))
}

#[test]
fn crates_depend_only_downwards_and_never_on_the_app() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let ours: BTreeSet<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    let mut wrong = Vec::new();
    for package in packages {
        let name = package["name"].as_str().expect("name");
        let Some(floor) = floor_of(name) else {
            wrong.push(format!("{name} is on no floor of tests/house.rs"));
            continue;
        };
        for dep in package["dependencies"].as_array().expect("dependencies") {
            let dep_name = dep["name"].as_str().expect("dependency name");
            if !ours.contains(dep_name) {
                continue;
            }
            let kind = dep["kind"].as_str().unwrap_or("normal");
            let dep_floor = floor_of(dep_name).unwrap_or(usize::MAX);
            // Tests may use a harness or tool (or their own crate with a
            // feature) from any floor, but never the app; everything else
            // goes strictly down.
            let allowed =
                if kind == "dev" { dep_name != "kunshan-portal" } else { dep_floor < floor };
            if !allowed {
                wrong.push(format!("{name} ({kind}) -> {dep_name}"));
            }
        }
    }
    assert!(wrong.is_empty(), "dependencies that run up or sideways:\n{}", wrong.join("\n"));
}

#[test]
fn no_rust_file_is_over_600_lines() {
    let mut long = Vec::new();
    for file in rust_files(&root()) {
        let lines = std::fs::read_to_string(&file).expect("read").lines().count();
        if lines > MAX_LINES {
            long.push(format!(
                "{} ({lines})",
                file.strip_prefix(root()).unwrap_or(&file).display()
            ));
        }
    }
    assert!(long.is_empty(), "files over {MAX_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn no_circle_of_imports_in_any_crate() {
    let mut circles = Vec::new();
    for source in crate_roots(&root()) {
        let graph = imports(&source);
        for circle in strongly_connected(&graph) {
            let names: Vec<String> = circle.iter().map(|f| shown(f)).collect();
            let edges: Vec<String> = circle
                .iter()
                .flat_map(|from| {
                    graph[from]
                        .iter()
                        .filter(|to| circle.contains(*to))
                        .map(move |to| format!("  {} -> {}", shown(from), shown(to)))
                })
                .collect();
            circles.push(format!("{}\n{}", names.join(", "), edges.join("\n")));
        }
    }
    assert!(circles.is_empty(), "circles of imports:\n{}", circles.join("\n"));
}

#[test]
fn the_import_reader_sees_a_circle() {
    // The check above must be able to fail: two files that import each other.
    let dir = std::env::temp_dir().join(format!("house-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).expect("dir");
    std::fs::write(dir.join("src/lib.rs"), "mod a;\nmod b;\nmod c;\n").expect("write");
    std::fs::write(dir.join("src/a.rs"), "use crate::b::{B, other::X};\npub struct A;\n")
        .expect("write");
    std::fs::write(dir.join("src/b.rs"), "pub struct B;\nfn f() { super::a::A; }\n")
        .expect("write");
    std::fs::write(dir.join("src/c.rs"), "use crate::a::A;\n#[cfg(test)]\nuse crate::c::*;\n")
        .expect("write");
    let graph = imports(&dir.join("src"));
    let circles = strongly_connected(&graph);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(circles.len(), 1, "{graph:?}");
    assert_eq!(circles[0].len(), 2, "{circles:?}");
}

fn shown(file: &Path) -> String {
    file.strip_prefix(root()).unwrap_or(file).display().to_string()
}

/// Every `.rs` file of the workspace outside `target/` and `node_modules/`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return found };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | ".git" | "dist" | "vendor") {
                found.extend(rust_files(&path));
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The `src` folder of every workspace crate (the root's too).
fn crate_roots(root: &Path) -> Vec<PathBuf> {
    let mut roots = vec![root.join("src")];
    let mut crates: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    crates.sort();
    roots.extend(crates);
    roots
}

/// A file's module path inside its crate: `src/a/b.rs` is `a::b`; `lib.rs`,
/// `main.rs` and `mod.rs` are their folder's module.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("inside src");
    let mut parts: Vec<String> =
        relative.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
    let folder_module = match parts.as_slice() {
        [only] => only == "lib" || only == "main",
        [.., last] => last == "mod",
        [] => false,
    };
    if folder_module {
        parts.pop();
    }
    parts
}

/// The code of a file without its tests (from the first `#[cfg(test)]`),
/// comments or string literals, which name modules without importing them.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut code = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        code.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                code.push_str("\"\"");
            }
            // A character literal ('"', '\'') is not a string's start; a
            // lifetime ('a) has no closing quote.
            '\'' => {
                let ahead: Vec<char> = chars.clone().take(3).collect();
                match ahead.as_slice() {
                    ['\\', _, '\''] => {
                        chars.nth(2);
                    }
                    [_, '\'', ..] => {
                        chars.nth(1);
                    }
                    _ => code.push(c),
                }
            }
            c => code.push(c),
        }
    }
    code
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else { return vec![tree] };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{prefix}{e}")))
        .collect()
}

/// Every path a file names that starts at `crate`, `super` or `self`.
fn paths_named(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before_ok = rest[..at].chars().last().is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if before_ok {
            paths.extend(expand(&after[..end]));
        }
        rest = &after[end.min(after.len())..];
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            if at >= 1 && bytes[at - 1] == b':' {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            paths.push(code[at..end].to_owned());
        }
    }
    paths
}

/// Which file of `modules` a path names, seen from `here`: the longest known
/// module the path starts with.
fn resolve(
    path: &str,
    here: &[String],
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut at: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => {
            let mut up = here.to_vec();
            up.pop();
            while segments.peek() == Some(&"super") {
                segments.next();
                up.pop();
            }
            up
        }
        _ => return None,
    };
    let mut best = modules.get(&at).cloned();
    for segment in segments {
        at.push(segment.to_owned());
        match modules.get(&at) {
            Some(file) => best = Some(file.clone()),
            None => break,
        }
    }
    best
}

/// Which files of a crate's `src` import which others. A module's own
/// descendants are its rooms, not its dependencies: the arrows from a module
/// down into its own folder are left out, the arrows back up are kept.
fn imports(src: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let files: Vec<PathBuf> =
        rust_files(src).into_iter().filter(|f| !f.starts_with(src.join("bin"))).collect();
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(src, f), f.clone())).collect();
    let mut graph: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in &files {
        let here = module_of(src, file);
        let code = code_of(&std::fs::read_to_string(file).expect("read"));
        let mut to = BTreeSet::new();
        for path in paths_named(&code) {
            let Some(target) = resolve(&path, &here, &modules) else { continue };
            let target_module = module_of(src, &target);
            let inside_own_folder = target_module.starts_with(&here);
            if &target != file && !inside_own_folder {
                to.insert(target);
            }
        }
        graph.insert(file.clone(), to);
    }
    graph
}

/// The circles of a graph (its strongly connected parts of more than one
/// file), by Tarjan's algorithm.
fn strongly_connected(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        graph: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'a PathBuf, usize>,
        low: BTreeMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        found: Vec<Vec<PathBuf>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a PathBuf) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.graph.contains_key(w) {
                continue;
            }
            let w = s.graph.get_key_value(w).map(|(k, _)| k).expect("known");
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut part = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                part.push(w.clone());
                if w == v {
                    break;
                }
            }
            if part.len() > 1 {
                part.sort();
                s.found.push(part);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.found
}
