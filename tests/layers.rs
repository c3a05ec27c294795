//! The crate's modules reach only down the layers written in `.ci/layers`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Module name → layer number, from `.ci/layers` (lowest first, `#` comments).
fn layers() -> BTreeMap<String, usize> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/layers");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut layers = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default();
        for name in line.split_whitespace() {
            layers.insert(name.to_owned(), number);
        }
    }
    layers
}

/// The text without comments and string or char literals, line breaks kept.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let newlines = |from: usize, to: usize| "\n".repeat(text[from..to].matches('\n').count());
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(comment) = rest.strip_prefix("/*") {
            let end = comment.find("*/").map_or(rest.len(), |e| e + 4);
            out.push_str(&newlines(i, i + end));
            i += end;
        } else if rest.starts_with("r\"") || rest.starts_with("r#") {
            let hashes = rest[1..].bytes().take_while(|&b| b == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            let end = rest[open..]
                .find(&close)
                .map_or(rest.len(), |e| open + e + close.len());
            out.push_str(&newlines(i, i + end));
            i += end;
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && rest.as_bytes()[j] != b'"' {
                j += if rest.as_bytes()[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(rest.len());
            out.push_str(&newlines(i, i + end));
            i += end;
        } else if rest.starts_with("'\\") {
            // An escaped char literal: `'\n'`, `'\''`, `'\u{1F}'`.
            let end = rest
                .get(3..)
                .and_then(|r| r.find('\''))
                .map_or(rest.len(), |e| e + 4);
            i += end;
        } else if rest.starts_with('\'') && rest[1..].chars().nth(1) == Some('\'') {
            // A plain char literal `'x'`; lifetimes are left alone.
            i += 2 + rest[1..].chars().next().map_or(0, char::len_utf8);
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `(line, module)` for every `crate::module` path, `crate::{a, b::c}` groups included.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push((line, first_segment(&name)));
                        name.clear();
                        continue;
                    }
                    _ => {}
                }
                name.push(c);
            }
            found.push((line, first_segment(&name)));
        } else {
            found.push((line, first_segment(rest)));
        }
    }
    found.retain(|(_, name)| !name.is_empty());
    found
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Upward uses as `file:line: lower -> higher`, and modules in no layer.
fn violations(src: &Path, layers: &BTreeMap<String, usize>) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut problems = Vec::new();
    for path in files {
        let relative = path.strip_prefix(src).unwrap_or(&path);
        let first = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let module = first.unwrap_or_default().trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" || module == "bin" {
            continue;
        }
        let Some(&own) = layers.get(&module) else {
            problems.push(format!(
                "{}: module `{module}` is in no layer",
                relative.display()
            ));
            continue;
        };
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (line, target) in crate_paths(&code_only(&text)) {
            if layers.get(&target).is_some_and(|&layer| layer > own) {
                problems.push(format!("{}:{line}: {module} -> {target}", relative.display()));
            }
        }
    }
    problems
}

#[test]
fn modules_use_only_their_own_layer_or_lower_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = violations(&src, &layers());
    assert!(problems.is_empty(), "upward uses:\n{}", problems.join("\n"));
}

#[test]
fn every_top_level_module_has_a_layer() {
    let layers = layers();
    let lib =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap_or_default();
    for line in code_only(&lib).lines() {
        let line = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ");
        if let Some(name) = line.strip_prefix("mod ") {
            let name = name.trim_end_matches(';').trim();
            assert!(
                layers.contains_key(name),
                "module `{name}` is in no layer of .ci/layers"
            );
        }
    }
}

#[test]
fn the_check_sees_an_upward_use() {
    // A lower module naming a higher one, through a path and through a `use` group,
    // is caught; the same words in a comment or a string are not.
    let dir = std::env::temp_dir().join(format!("peacediff-layers-{}", std::process::id()));
    fs::create_dir_all(dir.join("model")).unwrap();
    fs::write(
        dir.join("model/plan.rs"),
        "// crate::render in a comment\nconst A: &str = \"crate::diff\";\nuse crate::{error::Error, diff::PlanDiff};\nfn f() { crate::render::x(); }\n",
    )
    .unwrap();
    let layers: BTreeMap<String, usize> = [("error", 0), ("model", 1), ("diff", 2), ("render", 3)]
        .map(|(name, layer)| (name.to_owned(), layer))
        .into();
    let problems = violations(&dir, &layers);
    fs::remove_dir_all(&dir).ok();
    assert_eq!(
        problems,
        [
            "model/plan.rs:3: model -> diff",
            "model/plan.rs:4: model -> render"
        ]
    );
}
