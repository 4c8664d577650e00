//! Time travel rests on determinism: running quietly (as `run` and the
//! debugger's replay do, with the fast paths) and running with every event
//! recorded must reach the same state: the same ids, counts and output.

mod common;

use bytestep::vm::Vm;

/// Every live object as (address, type, repr, refs), in arena order.
fn heap_state(vm: &Vm) -> Vec<(u64, &'static str, String, u32)> {
    vm.heap
        .live_objects()
        .map(|(id, o)| (o.address, o.value.type_name(), vm.heap.repr(id), o.refs))
        .collect()
}

#[test]
fn quiet_and_recorded_runs_reach_the_same_state() {
    for golden in common::runnable_programs() {
        let mut quiet = Vm::new(&golden.source, &golden.filename()).expect("compiles");
        let mut recorded = quiet.clone();
        recorded.set_recording(true);
        // Compare at a few points along the way and at the end.
        for checkpoint in [5_u64, 50, 500, u64::MAX] {
            while quiet.steps() < checkpoint && !quiet.is_finished() {
                quiet.step_quiet();
            }
            while recorded.steps() < checkpoint && !recorded.is_finished() {
                recorded.step();
            }
            assert_eq!(quiet.steps(), recorded.steps(), "{}", golden.name);
            assert_eq!(quiet.output, recorded.output, "{} output", golden.name);
            assert!(
                heap_state(&quiet) == heap_state(&recorded),
                "{}: heaps differ after {} steps",
                golden.name,
                quiet.steps()
            );
        }
        assert_eq!(quiet.outcome(), recorded.outcome(), "{}", golden.name);
    }
}

#[test]
fn the_same_program_always_gets_the_same_ids() {
    let source = "def f(n):\n    return (n, str(n * 1000))\nt = f(7)\nprint(id(t) == id(t), t)\n";
    let run = || {
        let mut vm = Vm::new(source, "ids.py").expect("compiles");
        vm.set_recording(true);
        while vm.step().is_some() {}
        heap_state(&vm)
    };
    assert_eq!(run(), run());
}
