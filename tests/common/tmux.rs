//! tmux for the real-terminal tests: a private server per test (so tests never
//! touch the user's sessions), a shell of a given size, typing, reading the
//! screen and the pane's flags. Callers skip with a note when [`available`]
//! is false (`.ci/run` installs tmux).

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long [`Tmux::wait_for`] waits before failing.
const PATIENCE: Duration = Duration::from_secs(30);

pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux server with one `sh` in a detached session named `t`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// `sh` in `dir` on a `width`×`height` pane, with no user configuration.
    pub fn shell(name: &str, width: u16, height: u16, dir: &Path) -> Tmux {
        let tmux = Tmux {
            socket: format!("bytestep-test-{name}-{}", std::process::id()),
        };
        let (width, height) = (width.to_string(), height.to_string());
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width,
            "-y",
            &height,
            "-c",
            &dir.to_string_lossy(),
            "sh",
        ]);
        tmux
    }

    /// Type a line into the shell and press Enter.
    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "t", line, "Enter"]);
    }

    pub fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn capture(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// A pane format variable: `alternate_on`, `cursor_flag`, `pane_pid`…
    pub fn flag(&self, name: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")])
            .trim()
            .to_owned()
    }

    /// Wait until the screen satisfies `ready` (programs need a moment).
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
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
