//! The arrows between layers point one way: the panes draw from the session
//! and a view state and know nothing of key handling; the interpreter and
//! the debugger know nothing of the screen.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut found = Vec::new();
    let mut todo = vec![root];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("a source directory")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                found.push((path, text));
            }
        }
    }
    found
}

fn assert_no_use(dir: &str, forbidden: &[&str]) {
    for (path, text) in sources(dir) {
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{} uses {word}: the arrows must point down",
                path.display()
            );
        }
    }
}

#[test]
fn panes_do_not_know_the_app() {
    assert_no_use("ui", &["crate::app", "keymap::"]);
}

#[test]
fn the_interpreter_knows_no_screen() {
    assert_no_use(
        "vm",
        &[
            "crate::ui",
            "crate::app",
            "ratatui",
            "crossterm",
            "crate::session",
        ],
    );
    assert_no_use(
        "bytecode",
        &["crate::ui", "crate::app", "ratatui", "crate::vm"],
    );
}
