//! The real binary in a real terminal (tmux): the panes and counts appear,
//! `q` quits with status 0, and the terminal is restored (alternate screen
//! left, the shell's screen back). Skipped with a note when tmux is missing.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// tmux on a private socket, so tests never touch the user's sessions.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// A shell in a detached session of the given size, in the repository, that
    /// runs `arguments` with bytestep and then prints its exit status. The shell
    /// outlives the binary, so the pane shows what it left behind.
    fn start(name: &str, width: u16, height: u16, arguments: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("bytestep-test-{name}-{}", std::process::id()),
        };
        let (width, height) = (width.to_string(), height.to_string());
        let dir = env!("CARGO_MANIFEST_DIR");
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width,
            "-y",
            &height,
            "-c",
            dir,
            "sh",
        ]);
        let command = format!("{BIN} {arguments}; echo EXIT\"\"ED:$?");
        tmux.run(&["send-keys", "-t", "t", &command, "Enter"]);
        tmux
    }

    /// Whether the pane shows the alternate screen.
    fn alternate_screen(&self) -> String {
        self.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"])
            .trim()
            .to_owned()
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn capture(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// Wait until the screen satisfies `ready` (the binary needs a moment to start).
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn tui_in_tmux_shows_the_story_and_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = Tmux::start("story", 100, 30, "assets/examples/refcount.py");
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
        tmux.alternate_screen(),
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
        tmux.alternate_screen(),
        "0",
        "the alternate screen was left"
    );
}

#[test]
fn ctrl_c_also_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not on PATH (CI installs it)");
        return;
    }
    let tmux = Tmux::start("ctrl-c", 80, 24, "");
    tmux.wait_for("the TUI", |s| s.contains("Bytecode"));
    tmux.run(&["send-keys", "-t", "t", "C-c"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "{screen}");
    assert_eq!(tmux.alternate_screen(), "0");
}
