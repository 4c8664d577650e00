//! Time travel is exact: random key sequences (forward and back, line and
//! call steps, jumps, breakpoints) over every runnable golden program, and at
//! every stop the whole state (`--dump-json`'s) equals the state a fresh
//! session reaches by going straight to that step.

mod common;

use bytestep::app::{App, Key, parse_keys};
use bytestep::session::Session;
use bytestep::state;
use bytestep::ui::theme::Theme;

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One random command in `--keys` notation.
fn random_command(rng: &mut Rng, total: u64) -> String {
    const SIMPLE: &[&str] = &[
        "i", "i", "s", "s", "n", "f", "c", "I", "I", "S", "N", "F", "C", "g", "G", "j", "k", "b",
        "t", "<Left>", "<Right>",
    ];
    match rng.below(10) {
        0 => format!(":{}<CR>", rng.below(total + 3)),
        _ => SIMPLE[rng.below(SIMPLE.len() as u64) as usize].to_owned(),
    }
}

fn keys(text: &str) -> Vec<Key> {
    parse_keys(text).expect("valid keys")
}

#[test]
fn every_way_to_a_step_reaches_the_same_state() {
    let mut checked = 0;
    for golden in common::runnable_programs() {
        let filename = golden.filename();
        let fresh = Session::new(&golden.source, &filename).expect("compiles");
        // Long programs add time, not coverage: the keys are the same.
        let Some(total) = fresh.total_steps().filter(|&t| t <= 20_000) else {
            continue;
        };
        for seed in 1..=2u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ golden.name.len() as u64);
            let mut app = App::new(fresh.clone(), Theme::plain());
            let mut played = String::new();
            for _ in 0..12 {
                let command = random_command(&mut rng, total);
                played.push_str(&command);
                for key in keys(&command) {
                    app.press(key);
                }
                let step = app.session.step_number();
                let mut straight = fresh.clone();
                // A session opens at its first line (step 1), not before RESUME.
                if step != straight.step_number() {
                    straight.go_to(step);
                }
                assert_eq!(straight.step_number(), step);
                assert!(
                    state::to_json(&app.session) == state::to_json(&straight),
                    "{}: step {step} after keys {played:?} differs from going straight there",
                    golden.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} stops checked");
    eprintln!("{checked} stops checked");
}

#[test]
fn dump_json_and_timings_from_the_binary() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bytestep"))
        .args(["--keys", "ss:4<CR>G", "--dump-json", "--timings"])
        .output()
        .expect("run bytestep");
    assert!(output.status.success());
    let state: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON value");
    assert_eq!(state["file"], "refcount.py");
    assert_eq!(state["finished"], true);
    assert_eq!(state["step"], state["total_steps"]);
    let a = state["globals"][0]["id"].as_str().expect("a is bound");
    let world = state["heap"]
        .as_array()
        .and_then(|heap| heap.iter().find(|o| o["id"] == a))
        .expect("a's object");
    assert_eq!(world["value"], "'world'");
    assert_eq!(world["refs"], 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    // Five keys: s, s, :, 4 and Enter (digits are keys too), then G.
    assert_eq!(lines.len(), 7, "{stderr}");
    assert!(
        lines[0].starts_with("key 1 s: ") && lines[0].ends_with(" ms"),
        "{stderr}"
    );
    assert!(lines[5].starts_with("key 6 G: "), "{stderr}");
    assert!(lines[6].starts_with("peak memory: "), "{stderr}");
}
