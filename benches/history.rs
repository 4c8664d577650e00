//! `cargo bench --ignore-rust-version --bench history`: the debugger's
//! history on a program of about 100 million instructions
//! (`benches/programs/long_loop.py`), measured from outside as a user meets
//! it: `bytestep run` against `G` (continue to the end with history on),
//! then `:N`, `I`, `S`, `N`, `F` and `C` from the end, each timed by
//! `--keys … --dump --timings`; and the first frame of the terminal
//! (opening without the look-ahead, drawing once). Timing lives here,
//! never in tests.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use bytestep::app::{App, headless};
use bytestep::session::Session;
use bytestep::ui::theme::Theme;

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");
const RUNS: usize = 3;

fn best_of(runs: usize, mut once: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| once()).min().unwrap_or_default()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Play `keys` headless with `--timings`: each key's label and
/// milliseconds, and the peak memory line.
fn timed_keys(path: &Path, keys: &str) -> (Vec<(String, f64)>, String) {
    let output = Command::new(BIN)
        .arg(path)
        .args(["--keys", keys, "--dump", "--timings"])
        // Headless commands stop after 10M steps unless told otherwise.
        .args(["--command-steps", "1000000000"])
        .output()
        .expect("run bytestep");
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut keys = Vec::new();
    let mut peak = String::new();
    for line in stderr.lines() {
        // key 3 G: 1234.567 ms
        if let Some(rest) = line.strip_prefix("key ")
            && let Some((label, time)) = rest.split_once(": ")
            && let Some(number) = time.strip_suffix(" ms")
        {
            let label = label.split_once(' ').map_or(label, |(_, l)| l).to_owned();
            keys.push((label, number.parse().unwrap_or(f64::NAN)));
        } else if let Some(rest) = line.strip_prefix("peak memory: ") {
            peak = rest.to_owned();
        }
    }
    (keys, peak)
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs/long_loop.py");
    let source = std::fs::read_to_string(&path).expect("the long program");

    // How long the program is, and `run` from outside (start-up and compile included).
    let mut vm = bytestep::vm::Vm::new(&source, "long_loop.py").expect("compiles");
    vm.run();
    let total = vm.steps();
    println!("long_loop.py: {total} instructions");
    let run = best_of(RUNS, || {
        let start = Instant::now();
        let status = Command::new(BIN)
            .arg("run")
            .arg(&path)
            .output()
            .expect("run bytestep");
        assert!(status.status.success());
        start.elapsed()
    });
    println!("bytestep run                    {:>9.1} ms", ms(run));

    // G, then every backward key from the end (G again between them: a
    // few steps forward), then `:N` to steps all over the history.
    let targets = [total / 2, total / 7, 3, total - 1_000_003, total / 3 * 2];
    // Each group of keys, and what its last key measures (`None`: not shown).
    let mut groups: Vec<(String, Option<String>)> = vec![("G".into(), Some("G".into()))];
    for back in ["I", "S", "N", "F", "C"] {
        groups.push((back.into(), Some(format!("{back} from the end"))));
        groups.push(("G".into(), None));
    }
    for target in targets {
        groups.push((
            format!(":{target}<CR>"),
            Some(format!(":{target} from the end")),
        ));
        groups.push(("G".into(), None));
    }
    // A breakpoint on `t = add(t, n)`: `C` to its last hit, `c` to the end.
    groups.push((":b 11<CR>".into(), None));
    groups.push(("C".into(), Some("C to a breakpoint, from the end".into())));
    let keys: String = groups.iter().map(|(keys, _)| keys.as_str()).collect();
    // The index of each group's last key among all the keys played.
    let mut measured = Vec::new();
    let mut index = 0;
    for (keys, label) in &groups {
        index += bytestep::app::parse_keys(keys).expect("keys").len();
        if let Some(label) = label {
            measured.push((index - 1, label.clone()));
        }
    }
    let mut best: Vec<f64> = vec![f64::INFINITY; measured.len()];
    let mut peak = String::new();
    for _ in 0..RUNS {
        let (times, this_peak) = timed_keys(&path, &keys);
        for (slot, (at, _)) in best.iter_mut().zip(&measured) {
            *slot = slot.min(times.get(*at).map_or(f64::NAN, |(_, t)| *t));
        }
        peak = this_peak;
    }
    let g = best[0];
    println!(
        "G (to the end, history on)      {g:>9.1} ms  {:.2}x run",
        g / ms(run)
    );
    let mut worst: f64 = 0.0;
    for (time, (_, what)) in best.iter().zip(&measured).skip(1) {
        worst = worst.max(*time);
        println!("{what:<31} {time:>9.1} ms");
    }
    println!("slowest jump                    {worst:>9.1} ms");
    println!("peak memory (G and jumps)       {peak}");

    // The first frame: open without the look-ahead, draw once.
    let first = best_of(RUNS, || {
        let start = Instant::now();
        let session = Session::open(
            &source,
            "long_loop.py",
            bytestep::vm::heap::DEFAULT_MAX_MEMORY,
            Default::default(),
        )
        .expect("compiles");
        let app = App::new(session, Theme::plain());
        let _ = headless::render_text(&app, 120, 40);
        start.elapsed()
    });
    println!("first frame (terminal)          {:>9.1} ms", ms(first));
}
