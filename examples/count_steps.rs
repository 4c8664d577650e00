//! How many instructions a program executes and how long `run` takes per
//! instruction: `cargo run --release --ignore-rust-version --example count_steps -- FILE.py`.

use std::process::ExitCode;
use std::time::Instant;

use bytestep::vm::Vm;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: count_steps FILE.py");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let mut vm = match Vm::new(&source, &path) {
        Ok(vm) => vm,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    let start = Instant::now();
    vm.run();
    let elapsed = start.elapsed();
    let steps = vm.steps().max(1);
    println!(
        "{} steps in {elapsed:?}: {:.1} ns per step",
        vm.steps(),
        elapsed.as_nanos() as f64 / steps as f64
    );
    ExitCode::SUCCESS
}
