//! The real binary in a real terminal (tmux): the panes and counts appear,
//! `q` quits with status 0, and the terminal is restored (alternate screen
//! left, the shell's screen back). Skipped with a note when tmux is missing.

use std::process::Command;

mod common;

use common::tmux::{self, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// A shell in a private tmux session of the given size, in the repository,
/// that runs `arguments` with bytestep and then prints its exit status. The
/// shell outlives the binary, so the pane shows what it left behind.
fn start(name: &str, width: u16, height: u16, arguments: &str) -> Tmux {
    let tmux = Tmux::shell(name, width, height, &common::root());
    tmux.type_line(&format!("{BIN} {arguments}; echo EXIT\"\"ED:$?"));
    tmux
}

#[test]
fn tui_in_tmux_shows_the_story_and_restores_the_terminal() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = start("story", 100, 30, "assets/examples/refcount.py");
    tmux.wait_for("the TUI", |s| {
        s.contains("Bytecode") && s.contains("step 1")
    });

    tmux.run(&["send-keys", "-t", "t", "s"]);
    let screen = tmux.wait_for("two steps", |s| s.contains("step 3"));
    for pane in ["Source", "Bytecode", "Stack", "Heap", "Names", "Output"] {
        assert!(screen.contains(pane), "pane {pane} missing:\n{screen}");
    }
    let hello = screen
        .lines()
        .find(|l| l.contains("str") && l.contains("'hello'"))
        .unwrap_or_else(|| panic!("no 'hello' heap row:\n{screen}"));
    assert!(hello.contains(" 1 +1 const"), "{hello}");
    assert!(screen.contains("global a ─▶ 0x"), "{screen}");
    assert_eq!(
        tmux.flag("alternate_on"),
        "1",
        "the TUI runs on the alternate screen"
    );

    tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "q exits 0:\n{screen}");
    assert!(
        !screen.contains("Bytecode"),
        "TUI left on screen:\n{screen}"
    );
    assert_eq!(
        tmux.flag("alternate_on"),
        "0",
        "the alternate screen was left"
    );
}

#[test]
fn ctrl_c_also_restores_the_terminal() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = start("ctrl-c", 80, 24, "");
    tmux.wait_for("the TUI", |s| s.contains("Bytecode"));
    tmux.run(&["send-keys", "-t", "t", "C-c"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "{screen}");
    assert_eq!(tmux.flag("alternate_on"), "0");
}

/// `bytestep ARGS --keys KEYS --size WxH --dump`, as text.
fn dump(args: &[&str], keys: &str, size: &str) -> String {
    let output = Command::new(BIN)
        .args(args)
        .args(["--keys", keys, "--size", size, "--dump"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bytestep --dump runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The status area of a screen: the lines between the panes and the key line.
fn summary_of(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let bottom = lines.iter().rposition(|l| l.contains('┘')).unwrap_or(0);
    let keys = lines
        .iter()
        .rposition(|l| l.contains("q quit"))
        .unwrap_or(lines.len());
    lines[bottom + 1..keys].join(" ")
}

/// The heap rows that carry a change mark: (value, marks).
fn marked_rows(screen: &str) -> Vec<(String, String)> {
    screen
        .lines()
        .filter_map(|line| line.split('│').nth(3).or_else(|| line.split('│').nth(1)))
        .filter_map(|cell| {
            let tokens: Vec<&str> = cell.split_whitespace().collect();
            let is_id = tokens
                .first()
                .is_some_and(|t| t.starts_with("0x") || t.starts_with('…'));
            if !is_id || tokens.len() < 4 {
                return None;
            }
            let marks = tokens[4..].join(" ");
            let changed = marks.contains('+')
                || marks.contains('−')
                || marks.contains("new")
                || marks.contains("freed");
            changed.then(|| (tokens[2].to_owned(), marks))
        })
        .collect()
}

#[test]
fn at_80x24_the_summary_names_every_change_the_heap_marks() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = start("summary", 80, 24, "assets/examples/refcount.py");
    tmux.wait_for("the TUI", |s| s.contains("step 1/11"));
    let mut checked = 0;
    for (keys, step) in [
        ("s", "step 3/11"),
        ("s", "step 5/11"),
        ("s", "step 7/11"),
        ("s", "step 11/11"),
        ("S", "step 7/11"),
    ] {
        tmux.run(&["send-keys", "-t", "t", keys]);
        let screen = tmux.wait_for(step, |s| s.contains(step));
        let summary = summary_of(&screen);
        for (value, marks) in marked_rows(&screen) {
            assert!(
                summary.contains(&value),
                "the heap marks {value} ({marks}) but the summary does not name it:\n{screen}"
            );
            checked += 1;
        }
    }
    eprintln!("checked {checked} marked rows against the summaries");
    assert!(checked >= 5, "the story marks changes at every stop");
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("the shell again", |s| s.contains("EXITED:0"));

    // A program that raises: post-mortem at 80x24.
    let tmux = start("raises", 80, 24, "tests/programs_tui/raises.py");
    tmux.wait_for("the TUI", |s| s.contains("step 1/"));
    tmux.run(&["send-keys", "-t", "t", "G"]);
    let screen = tmux.wait_for("the end", |s| s.contains("(failed)"));
    assert!(
        screen.contains("✗  8"),
        "the failing line is marked:\n{screen}"
    );
    assert!(screen.contains("ZeroDivisionError"), "{screen}");
    assert!(
        summary_of(&screen).contains("raised ZeroDivisionError"),
        "{screen}"
    );
    for (value, marks) in marked_rows(&screen) {
        assert!(
            summary_of(&screen).contains(&value) || summary_of(&screen).contains("more."),
            "{value} ({marks}) not in the summary:\n{screen}"
        );
    }
    tmux.run(&["send-keys", "-t", "t", "I"]);
    let screen = tmux.wait_for("one step back", |s| s.contains("undid BINARY_OP"));
    assert!(!screen.contains("(failed)"), "{screen}");
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("the shell again", |s| s.contains("EXITED:0"));
}

#[test]
fn the_dump_frame_is_the_terminal_screen_with_tabs_and_wide_characters() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let program = "tests/programs_tui/tabs_wide.py";
    let tmux = start("wide", 80, 24, program);
    tmux.wait_for("the TUI", |s| s.contains("step 1/"));
    tmux.run(&["send-keys", "-t", "t", "s", "s"]);
    let screen = tmux.wait_for("two steps", |s| s.contains("step 4/"));
    let frame = dump(&[program], "ss", "80x24");
    let trim = |text: &str| -> Vec<String> {
        text.lines()
            .take(24)
            .map(|l| l.trim_end().to_owned())
            .collect()
    };
    assert_eq!(
        trim(&screen),
        trim(&frame),
        "terminal:\n{screen}\n--dump:\n{frame}"
    );
    assert!(frame.contains("日本"), "{frame}");
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("the shell again", |s| s.contains("EXITED:0"));
}

/// In the terminal a long command has no step limit: it shows its progress
/// on the status line and any key stops it where it is (the key is used
/// up); `q` during one stops it and quits.
#[test]
fn a_long_command_shows_its_progress_and_any_key_stops_it() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = start("progress", 100, 30, "tests/programs_tui/endless.py");
    tmux.wait_for("the TUI", |s| s.contains("step 1 "));
    tmux.run(&["send-keys", "-t", "t", "c"]);
    let screen = tmux.wait_for("the progress line", |s| s.contains("running… step "));
    assert!(screen.contains("(any key stops)"), "{screen}");
    tmux.run(&["send-keys", "-t", "t", "?"]);
    let screen = tmux.wait_for("the stop", |s| s.contains("(interrupted after "));
    assert!(
        !screen.contains("running…"),
        "the frame was drawn again:\n{screen}"
    );
    // Past the library's old limit of 5,000,000 steps, or stopped by the key before.
    let step: u64 = screen
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("step "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no step number:\n{screen}"));
    assert!(step > 1, "{screen}");
    assert!(
        !screen.contains("Keys  (any key closes)"),
        "the stopping key was used up, not the help opened:\n{screen}"
    );
    // Another long command, then `q`: it stops and quits.
    tmux.run(&["send-keys", "-t", "t", "G"]);
    tmux.wait_for("the progress line", |s| s.contains("running… step "));
    tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "{screen}");
}
