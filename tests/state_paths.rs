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

/// What a full scan knows of each state (after step `s`): frames, whether
/// a line event comes next, and its line.
struct Trace {
    states: Vec<(usize, bool, Option<u32>)>,
}

impl Trace {
    fn of(source: &str, filename: &str) -> Trace {
        let mut vm = bytestep::vm::Vm::new(source, filename).expect("compiles");
        let mut states = Vec::new();
        loop {
            let line_event =
                vm.is_finished() || vm.frames().last().is_some_and(|f| f.line_event_next);
            let line = vm.next_instruction().and_then(|(_, i)| i.line);
            states.push((vm.frames().len(), line_event, line));
            if vm.is_finished() {
                break;
            }
            vm.step_quiet();
        }
        Trace { states }
    }

    /// The largest step in `1..here` whose state `wanted` holds, else 0.
    fn last_before(&self, here: u64, wanted: impl Fn(&(usize, bool, Option<u32>)) -> bool) -> u64 {
        (1..here)
            .rev()
            .find(|&s| self.states.get(s as usize).is_some_and(&wanted))
            .unwrap_or(0)
    }
}

/// Where a backward key lands by a full scan of every state (no summaries,
/// no checkpoints): what the indexed history must find too.
fn scanned_target(trace: &Trace, key: &str, here: u64, opening: u64, breaks: &[u32]) -> u64 {
    if here == 0 {
        return 0;
    }
    let depth = trace.states[here as usize].0;
    let found = match key {
        "I" => return here - 1,
        "S" => trace.last_before(here, |s| s.1),
        "N" => trace.last_before(here, |s| s.1 && s.0 <= depth),
        "F" => trace.last_before(here, |s| s.0 < depth),
        "C" => trace.last_before(here, |s| s.1 && s.2.is_some_and(|l| breaks.contains(&l))),
        _ => unreachable!("not a backward key"),
    };
    if found < opening && here > opening {
        opening
    } else {
        found
    }
}

/// The backward keys land exactly where a scan of every earlier state says,
/// though they replay only the checkpoint intervals whose summaries can hold
/// the stop; forward keys long enough to run quietly are among the keys.
fn check_backward_keys(name: &str, source: &str, fresh: &Session, total: u64, seeds: u64) -> usize {
    let trace = Trace::of(source, name);
    let mut checked = 0;
    for seed in 1..=seeds {
        let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ name.len() as u64);
        let mut app = App::new(fresh.clone(), Theme::plain());
        let mut played = String::new();
        for _ in 0..16 {
            let command = random_command(&mut rng, total);
            let backward = ["I", "S", "N", "F", "C"].contains(&command.as_str());
            let here = app.session.step_number();
            let breaks: Vec<u32> = app.session.breakpoints().iter().copied().collect();
            played.push_str(&command);
            for key in keys(&command) {
                app.press(key);
            }
            if backward {
                let expected =
                    scanned_target(&trace, &command, here, app.session.opening_step(), &breaks);
                assert_eq!(
                    app.session.step_number(),
                    expected,
                    "{name}: {command} from step {here} after keys {played:?}"
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn backward_keys_land_where_a_full_scan_does() {
    let mut checked = 0;
    for golden in common::runnable_programs() {
        let filename = golden.filename();
        let fresh = Session::new(&golden.source, &filename).expect("compiles");
        let Some(total) = fresh.total_steps().filter(|&t| t <= 20_000) else {
            continue;
        };
        checked += check_backward_keys(&filename, &golden.source, &fresh, total, 2);
    }
    assert!(checked > 300, "only {checked} backward keys checked");
}

/// A program long enough for quiet forward motion, thinned checkpoints and
/// many interval summaries: calls at several depths, lines in a loop.
const LONG: &str = "\
def leaf(x):
    return x + 1

def middle(n):
    t = 0
    for i in range(n):
        t = leaf(t)
    return t

total = 0
k = 0
while k < 400:
    total = total + middle(40)
    k = k + 1
print(total)
";

#[test]
fn long_runs_keep_exact_jumps_and_searches() {
    let fresh = Session::new(LONG, "long.py").expect("compiles");
    let trace = Trace::of(LONG, "long.py");
    let total = trace.states.len() as u64 - 1;
    assert!(total > 100_000, "{total} steps");
    // Straight to the end, and to steps on the way, by every path.
    let mut app = App::new(fresh.clone(), Theme::plain());
    for key in keys("G") {
        app.press(key);
    }
    assert_eq!(app.session.step_number(), total);
    assert_eq!(app.session.total_steps(), Some(total));
    let mut rng = Rng(7);
    for _ in 0..6 {
        let target = 1 + rng.below(total - 1);
        for key in keys(&format!(":{target}<CR>")) {
            app.press(key);
        }
        let mut straight = fresh.clone();
        straight.go_to(target);
        assert_eq!(app.session.step_number(), target);
        assert!(
            state::to_json(&app.session) == state::to_json(&straight),
            "step {target} differs"
        );
    }
    assert!(check_backward_keys("long.py", LONG, &fresh, total, 2) > 10);
}

/// `c` and `C` with a watched object stop exactly where a scan of every
/// state sees its count change (made, freed or counted), forward and back.
#[test]
fn watched_objects_stop_c_and_reverse_c_where_a_scan_does() {
    let mut checked = 0;
    for golden in common::runnable_programs() {
        let filename = golden.filename();
        let fresh = Session::new(&golden.source, &filename).expect("compiles");
        let Some(total) = fresh.total_steps().filter(|&t| t <= 20_000) else {
            continue;
        };
        let mut session = fresh.clone();
        session.step_line();
        session.step_line();
        // The object of the first global that is not immortal.
        let heap = &session.vm().heap;
        let Some((obj, address)) = session
            .vm()
            .globals()
            .into_iter()
            .map(|(_, id)| (id, heap.get(id)))
            .find(|(_, o)| !o.immortal)
            .map(|(id, o)| (id, o.address))
        else {
            continue;
        };
        assert!(session.toggle_watch(address));
        // Its count after each step, by a plain run.
        let mut vm = bytestep::vm::Vm::new(&golden.source, &filename).expect("compiles");
        let key = |vm: &bytestep::vm::Vm| {
            vm.heap
                .try_get(obj)
                .filter(|o| o.alive && o.address == address)
                .map(|o| o.refs)
        };
        let mut keys = vec![key(&vm)];
        while !vm.is_finished() {
            vm.step_quiet();
            keys.push(key(&vm));
        }
        let changed = |s: u64| s >= 1 && keys[s as usize] != keys[s as usize - 1];
        for _ in 0..6 {
            let here = session.step_number();
            if session.is_finished() {
                break;
            }
            session.continue_running();
            let expected = (here + 1..=total).find(|&s| changed(s)).unwrap_or(total);
            assert_eq!(session.step_number(), expected, "{filename}: c from {here}");
            checked += 1;
        }
        session.go_to_end();
        for _ in 0..6 {
            let here = session.step_number();
            if here == 0 {
                break;
            }
            session.reverse_continue();
            let found = (1..here).rev().find(|&s| changed(s)).unwrap_or(0);
            let opening = session.opening_step();
            let expected = if found < opening && here > opening {
                opening
            } else {
                found
            };
            assert_eq!(session.step_number(), expected, "{filename}: C from {here}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} watched stops checked");
}
