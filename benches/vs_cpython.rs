//! `cargo bench --ignore-rust-version`: bytestep's `run` path against the
//! machine's `python3` on CPU-bound programs of the supported subset.
//!
//! Both run the already compiled program in-process: bytestep's `Vm::run`
//! here, CPython's `exec` inside `python3` (start-up and compile excluded on
//! both sides). Each figure is the best of several runs. Timing lives here,
//! never in tests.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use bytestep::vm::Vm;

const PROGRAMS: &[&str] = &[
    "fib",
    "nested_loops",
    "while_sum",
    "list_sort",
    "dict_count",
    "string_build",
    "method_calls",
    "object_methods",
    "drain_consumers",
];
const RUNS: usize = 5;

fn best_of(runs: usize, mut once: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| once()).min().unwrap_or_default()
}

/// The real interpreter behind `python3` (version managers put slow shims on PATH).
fn python_executable() -> Option<String> {
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let path = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (!path.is_empty()).then_some(path)
}

/// CPython's own execution time of the compiled program (no start-up, no
/// compile), measured inside `python3` the way bytestep is measured here.
fn python(path: &Path) -> Option<Duration> {
    let executable = python_executable()?;
    const DRIVER: &str = "import sys, io, time\n\
        path = sys.argv[1]\n\
        code = compile(open(path).read(), path, 'exec')\n\
        real = sys.stdout\n\
        sys.stdout = io.StringIO()\n\
        start = time.perf_counter()\n\
        exec(code, {'__name__': '__main__'})\n\
        elapsed = time.perf_counter() - start\n\
        sys.stdout = real\n\
        print(elapsed)\n";
    (0..RUNS)
        .filter_map(|_| {
            let output = Command::new(&executable)
                .args(["-c", DRIVER])
                .arg(path)
                .output()
                .ok()?;
            let seconds: f64 = String::from_utf8(output.stdout).ok()?.trim().parse().ok()?;
            Some(Duration::from_secs_f64(seconds))
        })
        .min()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    println!(
        "{:<14} {:>12} {:>12} {:>8}",
        "program", "bytestep", "python3", "ratio"
    );
    for name in PROGRAMS {
        let path = root.join(format!("{name}.py"));
        let source = match std::fs::read_to_string(&path) {
            Ok(source) => source,
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                continue;
            }
        };
        let Ok(prepared) = Vm::new(&source, &format!("{name}.py")) else {
            eprintln!("{name}: does not compile");
            continue;
        };
        let ours = best_of(RUNS, || {
            let mut vm = prepared.clone();
            let start = Instant::now();
            vm.run();
            start.elapsed()
        });
        match python(&path) {
            Some(theirs) => println!(
                "{name:<14} {:>10.1}ms {:>10.1}ms {:>7.2}x",
                ours.as_secs_f64() * 1e3,
                theirs.as_secs_f64() * 1e3,
                ours.as_secs_f64() / theirs.as_secs_f64().max(1e-9)
            ),
            None => println!(
                "{name:<14} {:>10.1}ms {:>12} {:>8}",
                ours.as_secs_f64() * 1e3,
                "no python3",
                "-"
            ),
        }
    }
}
