//! CPython 3.14's automatic collection (`src/vm/auto_gc.rs`): past
//! `gc.get_threshold()[0]` new container objects, a scheduled increment runs
//! at the next eval-breaker check; the first after a full collection only
//! marks, the next frees the unreachable cycles, each free reported as a
//! step event with its reason, and a `__del__` it finds runs as a frame.
//! `gc.disable()` stops it. (Its exact timing in CPython depends on the
//! interpreter's own heap, so this is checked here, not against the oracle.)

use bytestep::vm::Vm;
use bytestep::vm::report::Event;

/// Step `source` to its end: (the step numbers and reasons of the frees
/// of objects of type `marker`, the program's output).
fn frees(source: &str, marker: &str) -> (Vec<(u64, String)>, String) {
    let mut vm = Vm::new(source, "auto_gc.py").expect("compiles");
    vm.set_recording(true);
    let mut found = Vec::new();
    let mut steps = 0;
    while let Some(step) = vm.step() {
        steps += 1;
        assert!(steps < 2_000_000, "runaway program");
        for event in &step.events {
            if let Event::Free {
                type_name, reason, ..
            } = event
                && *type_name == marker
            {
                found.push((step.number, reason.clone()));
            }
        }
    }
    (found, vm.output.drain())
}

const CYCLES: &str = "
import gc
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __repr__(self):
        return 'Node'
kept = []
for round in range(3):
    n = Node('marker')
    n = None
    for i in range(2100):
        kept.append([i])
print('done')
";

#[test]
fn cycles_are_freed_by_the_automatic_collection_with_its_reason() {
    let (found, output) = frees(CYCLES, "Node");
    assert_eq!(output, "done\n");
    assert!(!found.is_empty(), "no automatic collection freed a Node");
    for (_, reason) in &found {
        assert_eq!(
            reason, "unreachable, only a cycle held it (automatic collection)",
            "{found:?}"
        );
    }
}

#[test]
fn gc_disable_stops_the_automatic_collection() {
    let source = CYCLES.replace("gc.collect()\n", "gc.collect()\ngc.disable()\n");
    let (found, output) = frees(&source, "Node");
    assert_eq!(output, "done\n");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_del_found_by_the_automatic_collection_runs_as_a_frame() {
    let source = "
import gc
gc.collect()
class Node:
    def __init__(self):
        self.me = self
    def __del__(self):
        print('__del__ ran')
Node()
kept = []
for i in range(12000):
    kept.append([i])
print('done')
";
    let (_, output) = frees(source, "Node");
    assert_eq!(output, "__del__ ran\ndone\n");
}
