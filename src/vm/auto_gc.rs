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
//! The budget (`work_to_do`) follows `assess_work_to_do` and the marking's
//! cost, so collections come about every twice-the-heap allocations.
//!
//! Not modelled: CPython's heap holds the interpreter's own objects (tens
//! of thousands), which make its first increments far more negative, so it
//! collects a small program's cycles later than here; and an increment here
//! collects every unreachable cycle at once, where CPython takes the old
//! generation in parts.
//! Finalizers found by an automatic collection run as frames after the
//! instruction, and what is still unreachable is freed once they returned.

use crate::bytecode::opcodes::{CALL, CALL_FUNCTION_EX, CALL_KW, JUMP_BACKWARD, RESUME};

use super::Vm;

/// `SCAN_RATE_DIVISOR`: the share of the heap an increment adds to its budget.
const SCAN_RATE_DIVISOR: u64 = 10;

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
        // `assess_work_to_do`: the new objects, plus a share of the heap
        // (at most twice the new objects); the young count is taken.
        let gc = &mut self.heap.gc;
        let scale = gc.thresholds[1].max(2);
        let new_objects = gc.young_count as i64;
        let heap_fraction =
            ((gc.heap_size / SCAN_RATE_DIVISOR / scale) as i64).min(2 * new_objects);
        gc.young_count = 0;
        gc.work_to_do += new_objects + heap_fraction;
        if gc.work_to_do < 0 {
            return;
        }
        if !gc.collect_phase {
            // `mark_at_start`: this increment only marks what is reachable
            // (about the whole heap), which it takes from the budget, twice
            // over as `gc_collect_increment` does.
            gc.collect_phase = true;
            gc.work_to_do -= 2 * gc.heap_size as i64;
            return;
        }
        // The increment: here every unreachable cycle (the whole old space
        // is scanned at once), so the scavenge completes.
        self.heap
            .collect_because("automatic collection", |heap| heap.collect_among(None));
        self.heap.full_collection_done();
    }
}
