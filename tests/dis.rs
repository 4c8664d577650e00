//! `bytecode::dis` against real CPython 3.14.2 `dis.dis()` output.
//!
//! For every `tests/expected/{programs,examples}/X.dis` (made by CPython from
//! `tests/programs/X.py` or `assets/examples/X.py`, compiled with filename
//! `X.py`), our text must be identical once code object addresses are masked.

use std::fs;
use std::path::{Path, PathBuf};

use bytestep::bytecode::dis;
use bytestep::compile::compile;

/// Replaces every `at 0x<hex>` by `at 0x?`: addresses differ run to run.
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("at 0x") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let hex_len = rest
            .find(|c: char| !c.is_ascii_hexdigit() || c.is_ascii_uppercase())
            .unwrap_or(rest.len());
        if hex_len > 0 {
            out.push('?');
        }
        rest = &rest[hex_len..];
    }
    out.push_str(rest);
    out
}

/// The first line where the texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => return "texts differ only in line endings".into(),
            (e, a) if e == a => continue,
            (e, a) => {
                return format!("line {number}:\n  expected: {e:?}\n  actual:   {a:?}");
            }
        }
    }
    unreachable!()
}

/// `(expected file, source file)` pairs for files ending in `extension`.
pub fn expected_files(extension: &str) -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pairs = Vec::new();
    for (kind, sources) in [
        ("programs", "tests/programs"),
        ("examples", "assets/examples"),
    ] {
        let Ok(dir) = fs::read_dir(root.join("tests/expected").join(kind)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(stem) = name.strip_suffix(extension) {
                let source = root.join(sources).join(format!("{stem}.py"));
                pairs.push((file.clone(), source));
            }
        }
    }
    pairs
}

#[test]
fn dis_matches_cpython() {
    let pairs = expected_files(".dis");
    assert!(
        !pairs.is_empty(),
        "no tests/expected/{{programs,examples}}/*.dis found: nothing was compared"
    );
    let mut failures = Vec::new();
    for (expected_path, source_path) in &pairs {
        let expected = fs::read_to_string(expected_path).expect("expected file is readable");
        let source = fs::read_to_string(source_path)
            .unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));
        let filename = source_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let actual = match compile(&source, filename) {
            Ok(code) => dis(&code),
            Err(error) => {
                failures.push(format!("{filename}: does not compile:\n{error}"));
                continue;
            }
        };
        let (expected, actual) = (mask_addresses(&expected), mask_addresses(&actual));
        if expected != actual {
            failures.push(format!(
                "{}: {}",
                expected_path.display(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} disassemblies differ from CPython:\n{}",
        failures.len(),
        pairs.len(),
        failures.join("\n")
    );
}

#[test]
fn masking_hides_only_addresses() {
    assert_eq!(
        mask_addresses("<code object f at 0x7f12ab, file \"x.py\", line 1>"),
        "<code object f at 0x?, file \"x.py\", line 1>"
    );
    assert_eq!(mask_addresses("look at 0xZ"), "look at 0xZ");
}
