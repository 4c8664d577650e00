//! Replays the fuzzing corpus (`tests/fuzz_corpus/*.py`: what the fuzzer
//! found, and cases kept as samples) through the same checks as
//! `examples/fuzz.rs`: `run` with step and memory limits, `dis`, and the
//! debugger with the recorded keys and frame size. None may panic or go
//! past a limit.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

#[test]
fn the_corpus_replays_without_breaking_a_guarantee() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "the corpus has cases");
    // A panic on any thread (the compiler runs on its own) is a failure too.
    static PANICKED: AtomicBool = AtomicBool::new(false);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, Ordering::SeqCst);
        previous(info);
    }));
    for path in paths {
        let case = std::fs::read_to_string(&path).expect("a case");
        let header = |name: &str| {
            case.lines()
                .find_map(|l| l.strip_prefix(&format!("# {name}: ")))
                .unwrap_or("")
                .to_owned()
        };
        let keys = header("keys");
        let (width, height) = header("size")
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
            .unwrap_or((80, 24));
        if let Err(finding) = bytestep::fuzz::check(&case, &keys, width, height) {
            panic!("{}: {finding}", path.display());
        }
        assert!(
            !PANICKED.load(Ordering::SeqCst),
            "{} panicked",
            path.display()
        );
    }
    // The keys include `x`, which writes figures: never into the checkout.
    let stray: Vec<_> = std::fs::read_dir(env!("CARGO_MANIFEST_DIR"))
        .expect("the checkout")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("fuzz-step"))
        .collect();
    assert!(
        stray.is_empty(),
        "figures written into the checkout: {stray:?}"
    );
}
