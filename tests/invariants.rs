//! The refcount invariant holds after every step of every runnable golden
//! program: each live object's count equals the referrers a scan of the
//! roots and the heap finds, and nothing with referrers is freed; and (a
//! debug-build check inside the VM) every step's stack depth change equals
//! CPython's declared stack effect.

mod common;

use bytestep::vm::Vm;
use common::runnable_programs;

#[test]
fn counts_equal_the_referrers_after_every_step() {
    let mut failures = Vec::new();
    let mut programs = 0;
    // `INVARIANTS_ONLY=name` checks one program (while debugging).
    let only = std::env::var("INVARIANTS_ONLY").ok();
    for golden in runnable_programs() {
        if only.as_ref().is_some_and(|name| *name != golden.name) {
            continue;
        }
        let Ok(mut vm) = Vm::new(&golden.source, &golden.filename()) else {
            continue;
        };
        vm.set_recording(false);
        let mut step = 0u64;
        while !vm.is_finished() {
            vm.step_quiet();
            step += 1;
            // Every step at first; long loops are sampled after that.
            if (step < 5_000 || step.is_multiple_of(97) || vm.is_finished())
                && let Err(problem) = vm.check_invariants()
            {
                failures.push(format!("{} after step {step}: {problem}", golden.name));
                break;
            }
            if step > 2_000_000 {
                break;
            }
        }
        for mismatch in vm.stack_effect_mismatches.iter().take(3) {
            failures.push(format!("{}: {mismatch}", golden.name));
        }
        programs += 1;
    }
    assert!(
        programs >= 25 || only.is_some(),
        "only {programs} programs checked"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
