//! `bytestep record` and `--play`: the cast is valid asciicast v2, the same
//! keys give the same bytes, its frames are exactly the frames `--dump` draws,
//! the committed demo cast is what the binary records, and the real asciinema
//! plays it. The asciinema and tmux tests are skipped with a note when those
//! programs are missing (`.ci/run` installs both).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;

mod common;

use common::root;
use common::tmux::{self, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// A fresh directory under the target dir, removed first if left over.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bytestep-rec-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make a scratch directory");
    dir
}

/// The binary with a clean colour setting, so recordings do not depend on the caller's.
fn bytestep() -> Command {
    let mut command = Command::new(BIN);
    command.env_remove("NO_COLOR").current_dir(root());
    command
}

fn record(args: &[&str], out: &Path) -> String {
    let output = bytestep()
        .arg("record")
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .expect("run bytestep record");
    assert!(
        output.status.success(),
        "record failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(out).expect("the cast was written")
}

/// The header and the events of a cast, checked to be asciicast v2 on the way.
fn parse_cast(text: &str) -> (Json, Vec<(f64, String)>) {
    let mut lines = text.lines();
    let header: Json =
        serde_json::from_str(lines.next().expect("a header line")).expect("header is JSON");
    assert_eq!(header["version"], 2, "{header}");
    assert!(header["width"].as_u64().is_some_and(|w| w > 0), "{header}");
    assert!(header["height"].as_u64().is_some_and(|h| h > 0), "{header}");
    let mut events = Vec::new();
    for line in lines {
        let event: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let parts = event.as_array().expect("an event is an array");
        assert_eq!(parts.len(), 3, "{line}");
        let time = parts[0].as_f64().expect("time is a number");
        assert_eq!(parts[1], "o", "{line}");
        let data = parts[2].as_str().expect("data is a string").to_owned();
        events.push((time, data));
    }
    (header, events)
}

/// Just enough of a terminal to replay what ratatui's crossterm backend sends:
/// cursor moves, clears, styles (ignored) and text.
struct Screen {
    width: usize,
    height: usize,
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
}

impl Screen {
    fn new(width: usize, height: usize) -> Screen {
        Screen {
            width,
            height,
            cells: vec![vec![' '; width]; height],
            row: 0,
            col: 0,
        }
    }

    fn feed(&mut self, data: &str) {
        let mut chars = data.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // Only CSI sequences matter here; ESC + another byte is skipped.
                '\u{1b}' if chars.next() == Some('[') => {
                    let mut params = String::new();
                    let mut last = None;
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            last = Some(c);
                            break;
                        }
                        params.push(c);
                    }
                    self.csi(&params, last);
                }
                '\r' => self.col = 0,
                '\n' => self.row = (self.row + 1).min(self.height - 1),
                c if c >= ' ' => {
                    if self.row < self.height && self.col < self.width {
                        self.cells[self.row][self.col] = c;
                    }
                    self.col += 1;
                }
                _ => {}
            }
        }
    }

    fn csi(&mut self, params: &str, last: Option<char>) {
        let numbers: Vec<usize> = params
            .split(';')
            .map(|p| p.trim_start_matches('?').parse().unwrap_or(0))
            .collect();
        match last {
            Some('H') => {
                self.row = numbers.first().copied().unwrap_or(1).max(1) - 1;
                self.col = numbers.get(1).copied().unwrap_or(1).max(1) - 1;
            }
            Some('J') if numbers.first() == Some(&2) => {
                self.cells = vec![vec![' '; self.width]; self.height];
            }
            Some('K') if self.row < self.height => {
                for cell in self.cells[self.row].iter_mut().skip(self.col) {
                    *cell = ' ';
                }
            }
            _ => {}
        }
    }

    /// The screen as `--dump` prints it: trailing spaces trimmed per line.
    fn text(&self) -> String {
        let mut text = String::new();
        for row in &self.cells {
            let line: String = row.iter().collect();
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }
}

fn dump(keys: &str, size: &str) -> String {
    let output = bytestep()
        .args(["--keys", keys, "--size", size, "--dump"])
        .output()
        .expect("run bytestep --dump");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("utf-8 frame")
}

#[test]
fn record_writes_valid_asciicast_v2_timed_by_the_delay() {
    let dir = scratch("valid");
    let cast = record(
        &[
            "--keys",
            "ss<wait:2000>si",
            "--size",
            "90x28",
            "--delay",
            "400",
            "--title",
            "demo",
        ],
        &dir.join("demo.cast"),
    );
    let (header, events) = parse_cast(&cast);
    assert_eq!(header["width"], 90);
    assert_eq!(header["height"], 28);
    assert_eq!(header["title"], "demo");
    assert!(header["env"]["TERM"].is_string());
    let times: Vec<f64> = events.iter().map(|(t, _)| *t).collect();
    assert_eq!(times, vec![0.0, 0.4, 0.8, 2.8, 3.2, 3.6]);
    assert!(times.windows(2).all(|w| w[0] < w[1]), "times increase");
    // The first frame enters the alternate screen, the last event leaves it.
    assert!(events[0].1.starts_with("\u{1b}[?1049h"));
    assert!(
        events
            .last()
            .is_some_and(|(_, d)| d.contains("\u{1b}[?1049l"))
    );
    // Every cursor move stays inside the declared size.
    for (_, data) in &events {
        for part in data.split("\u{1b}[").skip(1) {
            if let Some(position) = part.split_once('H').map(|(p, _)| p)
                && let Some((row, col)) = position.split_once(';')
                && let (Ok(row), Ok(col)) = (row.parse::<u32>(), col.parse::<u32>())
            {
                assert!(
                    (1..=28).contains(&row) && (1..=90).contains(&col),
                    "{row};{col}"
                );
            }
        }
    }
}

#[test]
fn recording_twice_gives_identical_bytes() {
    let dir = scratch("twice");
    let args = ["--keys", "sss<Tab><Down><CR>i", "--size", "100x30"];
    let once = record(&args, &dir.join("a.cast"));
    let twice = record(&args, &dir.join("b.cast"));
    assert_eq!(once, twice);
}

#[test]
fn each_frame_of_the_cast_is_the_frame_dump_draws() {
    let dir = scratch("frames");
    let keys = ["s", "s", "s", "i", "<Tab>", "<Down>", "s", "s"];
    let cast = record(
        &["--keys", &keys.concat(), "--size", "100x30"],
        &dir.join("f.cast"),
    );
    let (_, events) = parse_cast(&cast);
    let mut screen = Screen::new(100, 30);
    // Event 0 is the first frame, event k the frame after k keys, the last one the exit.
    for (pressed, (_, data)) in events.iter().take(keys.len() + 1).enumerate() {
        screen.feed(data);
        assert_eq!(
            screen.text(),
            dump(&keys[..pressed].concat(), "100x30"),
            "frame after {pressed} keys"
        );
    }
}

/// The refs the heap pane shows for an object, by its value, if listed.
fn refs_on_screen(screen: &str, value: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        let heap = line
            .split('│')
            .find(|cell| cell.contains(" str ") && cell.contains(value))?;
        let after = heap.split(value).nth(1)?;
        after
            .split_whitespace()
            .find(|word| word.parse::<u32>().is_ok())
            .map(str::to_owned)
    })
}

#[test]
fn the_recorded_refcount_example_tells_the_refcount_story() {
    let dir = scratch("story");
    let cast = record(
        &[
            "--example",
            "refcount",
            "--keys",
            "ssssss",
            "--size",
            "100x30",
        ],
        &dir.join("story.cast"),
    );
    let (_, events) = parse_cast(&cast);
    let mut screen = Screen::new(100, 30);
    let mut hello = Vec::new();
    let mut world = Vec::new();
    for (_, data) in &events {
        screen.feed(data);
        let text = screen.text();
        for (value, seen) in [("'hello'", &mut hello), ("'world'", &mut world)] {
            if let Some(refs) = refs_on_screen(&text, value)
                && seen.last() != Some(&refs)
            {
                seen.push(refs);
            }
        }
    }
    // a = "hello"; b = a; a = "world"; b = "world": 1, 2, 1, 0 and 1, 2.
    assert_eq!(hello, ["1", "2", "1", "0"], "'hello' over the recording");
    assert_eq!(world, ["1", "2"], "'world' over the recording");
}

#[test]
fn the_demo_cast_in_assets_is_what_the_binary_records() {
    let dir = scratch("asset");
    let keys = root().join("assets/refcount.keys");
    let fresh = record(
        &[
            "--example",
            "refcount",
            "--keys-file",
            &keys.to_string_lossy(),
            "--size",
            "100x30",
            "--title",
            "bytestep: the refcount example",
        ],
        &dir.join("refcount.cast"),
    );
    let committed = root().join("assets/refcount.cast");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&committed, &fresh).expect("rewrite the demo cast");
        return;
    }
    let expected = std::fs::read_to_string(&committed).expect("assets/refcount.cast exists");
    assert!(
        expected == fresh,
        "assets/refcount.cast differs from a fresh recording; rerun with UPDATE_SNAPSHOTS=1 \
         (or see README: Recording) and review it"
    );
}

fn available(program: &str, version_flag: &str) -> bool {
    Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A shell in a private tmux session whose pane ignores the alternate
/// screen, so what a program drew there stays visible after it leaves.
fn tmux_shell(name: &str, width: u16, height: u16, dir: &Path) -> Tmux {
    let tmux = Tmux::shell(name, width, height, dir);
    tmux.run(&["set-option", "-g", "alternate-screen", "off"]);
    tmux
}

#[test]
fn real_asciinema_cat_shows_the_recorded_screen() {
    if !available("asciinema", "--version") || !tmux::available() {
        eprintln!("skipped: asciinema or tmux is not on PATH (.ci/run installs them)");
        return;
    }
    let dir = scratch("cat");
    let keys = "sss";
    record(&["--keys", keys, "--size", "100x30"], &dir.join("c.cast"));
    let tmux = tmux_shell("cat", 100, 30, &dir);
    tmux.type_line("clear; asciinema cat c.cast; sleep 60");
    let expected = dump(keys, "100x30");
    let status = expected
        .lines()
        .find(|l| l.starts_with(" step "))
        .expect("a status line")
        .trim()
        .to_owned();
    let screen = tmux.wait_for("the recorded frame", |s| s.contains(&status));
    // The whole frame is on the screen, as `--dump` draws it.
    let trimmed: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let expected_lines: Vec<&str> = expected.lines().collect();
    assert_eq!(
        &trimmed[..expected_lines.len()],
        &expected_lines[..],
        "{screen}"
    );
}

#[test]
fn play_then_quit_inside_asciinema_rec_records_the_session() {
    if !available("asciinema", "--version") || !tmux::available() {
        eprintln!("skipped: asciinema or tmux is not on PATH (.ci/run installs them)");
        return;
    }
    let dir = scratch("play");
    let tmux = tmux_shell("play", 100, 30, &dir);
    let keys = "ss<wait:300>s";
    tmux.type_line(&format!(
        "asciinema rec -q -c \"{BIN} --play '{keys}' --delay 100 --then quit\" p.cast; echo EXIT\"\"ED:$?"
    ));
    tmux.wait_for("asciinema to finish", |s| s.contains("EXITED:0"));
    let cast = std::fs::read_to_string(dir.join("p.cast")).expect("asciinema wrote the cast");
    let (header, events) = parse_cast(&cast);
    assert_eq!(
        (header["width"].as_u64(), header["height"].as_u64()),
        (Some(100), Some(30))
    );
    let times: Vec<f64> = events.iter().map(|(t, _)| *t).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    // Three keys a pause apart, then one more pause before quitting.
    let last = times.last().copied().unwrap_or(0.0);
    assert!(last >= 0.6, "the session lasted {last} s");
    // asciinema cuts its events anywhere, escape sequences too: replay them joined.
    let mut screen = Screen::new(100, 30);
    let all: String = events.iter().map(|(_, data)| data.as_str()).collect();
    screen.feed(&all);
    assert_eq!(
        screen.text(),
        dump("sss", "100x30"),
        "the last frame played"
    );
}

#[test]
fn a_key_pressed_during_play_takes_over() {
    if !tmux::available() {
        eprintln!("skipped: tmux is not on PATH (.ci/run installs it)");
        return;
    }
    let dir = scratch("takeover");
    let tmux = tmux_shell("takeover", 100, 30, &dir);
    // The first scripted key would come after a minute: `q` quits long before.
    tmux.type_line(&format!(
        "{BIN} --play ss --delay 60000; echo EXIT\"\"ED:$?"
    ));
    tmux.wait_for("the first frame", |s| {
        s.contains("Source") && s.contains("Heap")
    });
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("bytestep to quit", |s| s.contains("EXITED:0"));
}
