//! The fuzzing harness: random and mutated programs, random key sessions,
//! run with step and memory limits until the time is up. Any panic, object
//! memory over the limit, command past its step limit, case over a minute
//! or process over 2 GiB resident is a finding: the case is saved under
//! `tests/fuzz_corpus/` (replayed by `cargo test --test fuzz_corpus`) and
//! the run stops with status 1.
//!
//! ```sh
//! nice -n 19 cargo run --release --ignore-rust-version --example fuzz -- --minutes 30 --seed 1
//! cargo run --release --ignore-rust-version --example fuzz -- --samples 12 --seed 5  # corpus samples
//! ```

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytestep::fuzz::{self, Rng};

/// Most CPU time one case may take before it counts as a hang (CPU, not
/// wall-clock time: under `nice` on a busy machine the fuzzer may wait long).
const CASE_LIMIT: Duration = Duration::from_secs(60);
/// Most resident memory the whole fuzzing process may reach.
const RSS_LIMIT: u64 = 2 << 30;

static CASE_STARTED_MS: AtomicU64 = AtomicU64::new(0);
/// Set by the panic hook: a panic anywhere, the compiler's thread included
/// (whose panics the program sees only as a compile error).
static PANICKED: AtomicBool = AtomicBool::new(false);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let minutes = arg("--minutes").unwrap_or(1);
    // `--samples N`: write N cases to the corpus as samples, then stop.
    let samples = arg("--samples");
    let seed = arg("--seed").unwrap_or(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("tests").join("fuzz_corpus");
    let current = std::env::temp_dir().join(format!("bytestep-fuzz-current-{seed}.py"));
    let seeds = seed_programs(root);
    // Panics are findings, reported once by the harness, not printed by the hook.
    std::panic::set_hook(Box::new(|_| PANICKED.store(true, Ordering::SeqCst)));
    let start = Instant::now();
    watchdog(current.clone());
    let deadline = Duration::from_secs(minutes * 60);
    let mut rng = Rng::new(seed);
    let (mut cases, mut generated, mut mutated, mut keys_pressed, mut steps) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let (mut refused, mut max_rss) = (0u64, 0u64);
    let mut last_report = Instant::now();
    while start.elapsed() < deadline {
        let source = if seeds.is_empty() || rng.below(2) == 0 {
            generated += 1;
            let statements = 1 + rng.below(12);
            fuzz::generate(&mut rng, statements)
        } else {
            mutated += 1;
            let base = &seeds[rng.below(seeds.len())];
            fuzz::mutate(&mut rng, base)
        };
        let key_count = rng.below(40);
        let keys = fuzz::keys(&mut rng, key_count);
        let (width, height) = (1 + rng.below(220) as u16, 1 + rng.below(70) as u16);
        let case = format!("# keys: {keys}\n# size: {width}x{height}\n{source}");
        if let Some(wanted) = samples {
            if cases >= wanted {
                return;
            }
            let _ = std::fs::create_dir_all(&corpus);
            let _ = std::fs::write(corpus.join(format!("sample_{seed}_{cases}.py")), &case);
            cases += 1;
            continue;
        }
        let _ = std::fs::write(&current, &case);
        CASE_STARTED_MS.store(cpu_ms() + 1, Ordering::SeqCst);
        let result = fuzz::check(&source, &keys, width, height);
        CASE_STARTED_MS.store(0, Ordering::SeqCst);
        cases += 1;
        keys_pressed += key_count as u64;
        let rss = resident_bytes();
        max_rss = max_rss.max(rss);
        let finding = match result {
            Err(finding) => Some(finding),
            Ok(_) if PANICKED.swap(false, Ordering::SeqCst) => {
                Some("a panic in another thread (the compiler's?)".to_owned())
            }
            Ok(outcome) => {
                steps += outcome.steps;
                refused += outcome.refused_or_raised as u64;
                (rss > RSS_LIMIT).then(|| format!("resident memory {rss} bytes"))
            }
        };
        if let Some(finding) = finding {
            let _ = std::fs::create_dir_all(&corpus);
            let path = corpus.join(format!("finding_{seed}_{cases}.py"));
            let _ = std::fs::write(&path, &case);
            eprintln!(
                "FINDING after {cases} cases: {finding}\n  saved as {}",
                path.display()
            );
            std::process::exit(1);
        }
        if last_report.elapsed() > Duration::from_secs(60) {
            last_report = Instant::now();
            eprintln!(
                "{:>5.1} min: {cases} cases, {} per second, max resident {} MiB",
                start.elapsed().as_secs_f64() / 60.0,
                cases / start.elapsed().as_secs().max(1),
                max_rss >> 20
            );
        }
    }
    let _ = std::fs::remove_file(&current);
    println!(
        "fuzz seed {seed}: {:.1} min, {cases} cases ({generated} generated, {mutated} mutated), \
         {keys_pressed} keys, {steps} debugger steps, {refused} ended in an error or refusal, \
         max resident {} MiB, 0 findings",
        start.elapsed().as_secs_f64() / 60.0,
        max_rss >> 20
    );
}

/// The conformance programs and the lecture examples, to mutate.
fn seed_programs(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in [root.join("tests/programs"), root.join("assets/examples")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "py")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push(text);
            }
        }
    }
    out
}

/// A case running past [`CASE_LIMIT`] of CPU time is a hang: say where it is and stop.
fn watchdog(current: PathBuf) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let started = CASE_STARTED_MS.load(Ordering::SeqCst);
            if started > 0 && cpu_ms().saturating_sub(started) > CASE_LIMIT.as_millis() as u64 {
                eprintln!(
                    "FINDING: a case ran over {CASE_LIMIT:?} of CPU time; it is {}",
                    current.display()
                );
                std::process::exit(1);
            }
        }
    });
}

/// CPU time the process has used, in milliseconds.
fn cpu_ms() -> u64 {
    // SAFETY: clock_gettime fills a plain struct.
    let mut now: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    now.tv_sec as u64 * 1000 + now.tv_nsec as u64 / 1_000_000
}

/// Resident set size from `/proc/self/statm` (0 where there is none).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}
