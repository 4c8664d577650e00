//! CPython 3.14's automatic collection, as far as the model carries it.
//!
//! Faithful: `young.count` goes up for every GC object allocated outside a
//! free list (`_PyObject_GC_Link`) and down for every one deallocated
//! outside a free list (`PyObject_GC_Del`); past `gc.get_threshold()[0]`
//! (2000) a collection is scheduled, unless `gc.disable()`d or collecting,
//! and the eval breaker runs it at its next check (after `RESUME`,
//! `JUMP_BACKWARD` or a call); `gc.collect()` resets the count. The
//! collector is incremental: after a full collection the first automatic
//! one only marks (`GC_PHASE_MARK`), the next collects.
//!
//! Each increment scans the young objects (allocated since the last one)
//! and up to 1.5 times as many older ones, taken in arena order by a sweep
//! that goes round the heap; references from outside that scope count as
//! external, so an automatic collection costs what was allocated, never the
//! heap's size (building a million-object structure stays linear).
//!
//! Not modelled exactly: which older objects an increment takes (CPython
//! takes them in its list order and adds what they reach transitively), so
//! an old cycle can be freed here at another increment than in CPython, or
//! (a cycle spread over more than one increment) only by `gc.collect()`.
//! Finalizers found by an automatic collection run as frames after the
//! instruction, and what is still unreachable is freed once they returned.

use crate::bytecode::opcodes::{CALL, CALL_FUNCTION_EX, CALL_KW, JUMP_BACKWARD, RESUME};

use super::Vm;

impl Vm {
    /// Whether the instruction that just ran checks the eval breaker
    /// (`_CHECK_PERIODIC`): a function's `RESUME`, a loop's back edge, the
    /// end of a call that did not push a frame.
    fn at_gc_checkpoint(&self) -> bool {
        self.frames
            .last()
            .and_then(|frame| frame.last.and_then(|i| frame.code.instrs.get(i)))
            .is_some_and(|instr| {
                matches!(
                    instr.opcode,
                    RESUME | JUMP_BACKWARD | CALL | CALL_KW | CALL_FUNCTION_EX
                )
            })
    }

    /// `_Py_RunGC` when one is scheduled and the instruction checks for it.
    pub(super) fn run_scheduled_gc(&mut self) {
        if !self.heap.gc.scheduled || self.outcome.is_some() || !self.at_gc_checkpoint() {
            return;
        }
        self.heap.take_scheduled_gc();
        if !self.heap.gc.enabled {
            return;
        }
        // `assess_work_to_do` takes the young count.
        self.heap.gc.young_count = 0;
        if !self.heap.gc.collect_phase {
            // `mark_at_start`: this increment only marks.
            self.heap.gc.collect_phase = true;
            return;
        }
        self.heap
            .collect_because("automatic collection", |heap| heap.collect_increment());
    }
}
