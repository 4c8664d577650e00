//! Shared helpers for the integration tests: the golden programs and their
//! expected outputs from the CPython 3.14 oracle (`tests/oracle/`).

#![allow(dead_code)]

pub mod tmux;

use std::fs;
use std::path::{Path, PathBuf};

/// A golden program with its expected files.
pub struct Golden {
    pub name: String,
    pub path: PathBuf,
    pub source: String,
    /// `tests/expected/<kind>/<name>` without an extension.
    pub expected: PathBuf,
}

impl Golden {
    pub fn filename(&self) -> String {
        format!("{}.py", self.name)
    }

    /// An expected file's text (panics with a clear message when missing).
    pub fn expected(&self, extension: &str) -> String {
        let path = self.expected.with_extension(extension);
        fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("missing expected file {}: {e}", path.display()))
    }

    /// What the program's `input()` reads: `X.stdin` beside `X.py`, if any.
    pub fn input(&self) -> bytestep::vm::input::Input {
        match fs::read_to_string(self.path.with_extension("stdin")) {
            Ok(text) => bytestep::vm::input::Input::text(&text),
            Err(_) => bytestep::vm::input::Input::empty(),
        }
    }

    /// First line `# dis-only`: outside the runnable subset, only disassembled.
    pub fn dis_only(&self) -> bool {
        self.source.lines().next() == Some("# dis-only")
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, kind: &str) -> Vec<Golden> {
    let mut found: Vec<Golden> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .map(|path| {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = fs::read_to_string(&path).expect("readable program");
            let expected = root().join("tests/expected").join(kind).join(&name);
            Golden {
                name,
                path,
                source,
                expected,
            }
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// Every golden program: `tests/programs/*.py` then `assets/examples/*.py`.
pub fn all_programs() -> Vec<Golden> {
    let mut all = collect(&root().join("tests/programs"), "programs");
    all.extend(collect(&root().join("assets/examples"), "examples"));
    assert!(all.len() >= 20, "the golden programs are missing");
    all
}

/// The runnable ones (not `# dis-only`).
pub fn runnable_programs() -> Vec<Golden> {
    all_programs()
        .into_iter()
        .filter(|g| !g.dis_only())
        .collect()
}

/// Where two texts first differ, for readable failures.
pub fn first_difference(actual: &str, expected: &str) -> String {
    for (number, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        if a != e {
            return format!("line {}:\n  actual:   {a:?}\n  expected: {e:?}", number + 1);
        }
    }
    format!(
        "line counts differ: actual {} lines, expected {}",
        actual.lines().count(),
        expected.lines().count()
    )
}

/// Compare `actual` with the snapshot file `tests/snapshots/<relative>`;
/// `UPDATE_SNAPSHOTS=1` rewrites it instead. A missing snapshot fails (so CI
/// never passes by silently creating one); `test` names the test binary to rerun.
pub fn check_snapshot(relative: &str, actual: &str, test: &str) {
    let path = root().join("tests/snapshots").join(relative);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("make the snapshot directory");
        }
        fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let Ok(expected) = fs::read_to_string(&path) else {
        panic!(
            "missing snapshot {}; run `UPDATE_SNAPSHOTS=1 cargo test --ignore-rust-version \
             --test {test}` and review it. This one:\n{actual}",
            path.display()
        );
    };
    assert!(
        expected == actual,
        "{} differs; rerun with UPDATE_SNAPSHOTS=1 and review\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}
