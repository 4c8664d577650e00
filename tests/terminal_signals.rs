//! Killing the TUI with a signal leaves a usable terminal: SIGTERM and
//! SIGHUP (and an outside SIGINT) while bytestep runs in tmux, then the
//! alternate screen is off, the cursor shown, mouse reports off and `stty`
//! back in cooked mode with echo. Skipped with a note when tmux is missing.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;

use common::tmux::{self, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// bytestep on the refcount example in a private tmux session, then its exit status.
fn start(name: &str) -> Tmux {
    let tmux = Tmux::shell(name, 100, 30, &common::root());
    tmux.type_line(&format!(
        "{BIN} assets/examples/refcount.py; echo EXIT\"\"ED:$?"
    ));
    tmux
}

/// The bytestep process: the only child of the pane's shell.
fn bytestep_pid(tmux: &Tmux) -> String {
    let shell = tmux.flag("pane_pid");
    let output = Command::new("ps")
        .args(["-o", "pid=", "--ppid", &shell])
        .output()
        .expect("run ps");
    let pid = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert!(!pid.is_empty() && !pid.contains('\n'), "one child: {pid:?}");
    pid
}

fn killed_by(signal: &str, number: i32) {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = start(signal);
    tmux.wait_for("the TUI", |s| {
        s.contains("Bytecode") && s.contains("step 1")
    });
    assert_eq!(tmux.flag("alternate_on"), "1");
    assert_eq!(tmux.flag("cursor_flag"), "0", "the TUI hides the cursor");
    assert_eq!(
        tmux.flag("mouse_any_flag"),
        "1",
        "the TUI reports the mouse"
    );
    let pid = bytestep_pid(&tmux);
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("run kill");
    assert!(status.success());
    let start = Instant::now();
    while tmux.flag("alternate_on") != "0" {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the TUI outlived SIG{signal}"
        );
        sleep(Duration::from_millis(100));
    }
    if signal != "INT" {
        // sh drops the rest of a command list whose command died of SIGINT.
        let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
        assert!(
            screen.contains(&format!("EXITED:{}", 128 + number)),
            "died of SIG{signal}:\n{screen}"
        );
    }
    assert_eq!(tmux.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_any_flag"), "0", "mouse reports off");
    let ask = "echo MO\"\"DES:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')";
    tmux.run(&["send-keys", "-t", "t", ask, "Enter"]);
    let screen = tmux.wait_for("stty", |s| s.contains("MODES:"));
    let modes = screen
        .lines()
        .find(|l| l.starts_with("MODES:"))
        .unwrap_or_default();
    assert!(
        modes.contains("icanon")
            && !modes.contains("-icanon")
            && modes.contains("echo")
            && !modes.contains("-echo"),
        "stty is sane again: {modes:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    killed_by("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    killed_by("HUP", 1);
}

#[test]
fn an_outside_sigint_restores_the_terminal() {
    killed_by("INT", 2);
}

#[test]
fn q_stops_a_long_command_at_once() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("bytestep-q-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let program = dir.join("endless.py");
    std::fs::write(&program, "n = 0\nwhile True:\n    n = n + 1\n").expect("write");
    let tmux = Tmux::shell("signal-q", 100, 30, &dir);
    tmux.type_line(&format!("{BIN} {}; echo EXIT\"\"ED:$?", program.display()));
    tmux.wait_for("the TUI", |s| {
        s.contains("Bytecode") && s.contains("step 1")
    });
    // G runs up to millions of steps (a minute in a debug build); q must
    // end it within a few thousand.
    tmux.run(&["send-keys", "-t", "t", "G"]);
    sleep(Duration::from_millis(300));
    tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigquit_restores_the_terminal() {
    killed_by("QUIT", 3);
}

#[test]
fn an_abort_restores_the_terminal() {
    // What Rust does on a failed allocation or a stack overflow.
    killed_by("ABRT", 6);
}
