//! `__del__`: when an instance whose class defines it loses its last
//! reference (or a collection finds it unreachable), the heap keeps it for
//! the finalizer instead of freeing it; after the instruction, its
//! `__del__` runs as a frame (each instruction a step), and when that
//! returns the finalizer lets go of it. A `__del__` that stored `self`
//! somewhere resurrected it: it lives on, and (as in CPython, which marks
//! it finalized) its `__del__` never runs again. An exception leaving
//! `__del__` is reported on stderr as CPython's unraisable hook does and
//! the program goes on.

use super::frame::{Continuation, Slot};
use super::heap::{ObjId, Value};
use super::{Flow, Popped, Vm};

impl Vm {
    /// Push the frame of `object`'s `__del__` (the finalizer's reference
    /// moves to the frame's continuation); when it cannot run, the object
    /// is let go of at once.
    pub(super) fn start_del(&mut self, object: ObjId) {
        let holder = self.continuation_referrer();
        self.heap.incref(object, holder);
        self.heap.decref(object, super::heap::finalizer_referrer());
        let function = self.special_method(object, "__del__");
        let info = match function.map(|f| (f, self.heap.value(f))) {
            Some((f, Value::Function(info))) => Some((f, std::sync::Arc::clone(&info.info))),
            _ => None,
        };
        let Some((function, info)) = info else {
            // `__del__ = None` or something not a plain function: nothing runs.
            self.heap.decref(object, holder);
            self.heap.finish_pending_collection();
            return;
        };
        // At the interpreter's exit no frame is left: C code calls it.
        let caller_name = self
            .frames
            .last()
            .map_or(self.main_symbol(), |caller| caller.qualname);
        let as_popped = |obj: ObjId| Popped {
            slot: Slot::strong(obj),
            frame: caller_name,
            index: 0,
        };
        // The frame's own references to the function and to `self`.
        self.heap.incref(function, holder);
        self.heap.incref(object, holder);
        let depth = self.frames.len();
        match self.enter_function(
            function,
            as_popped(function),
            info,
            vec![as_popped(object)],
            &[],
        ) {
            Ok(()) if self.frames.len() > depth => {
                self.calls.note_frame_switch();
                if let Some(frame) = self.frames.last_mut() {
                    frame.on_return = Some(Continuation::Finalizer { object });
                }
                if self.track_lines {
                    self.update_line_event();
                }
            }
            Ok(()) => self.heap.decref(object, holder),
            Err(error) => {
                // It could not even start (recursion): reported, and it goes.
                let exc = self.exception_object(&error);
                self.report_unraisable_del(object, exc);
                self.heap.decref(exc, self.raised_referrer());
                self.heap.decref(object, holder);
            }
        }
    }

    /// `PyErr_FormatUnraisable("Exception ignored while calling deallocator
    /// %R", del)` with the default hook's traceback. The oracle's traceback
    /// has no source lines (its linecache does not know the program while
    /// it runs), so neither has this one.
    pub(super) fn report_unraisable_del(&mut self, object: ObjId, exc: ObjId) {
        let function = self
            .special_method(object, "__del__")
            .map(|f| self.heap.try_repr(f).unwrap_or_default())
            .unwrap_or_default();
        let mut text = format!("Exception ignored while calling deallocator {function}:\n");
        if let Value::Exception(e) = self.heap.value(exc)
            && !e.traceback.is_empty()
        {
            text.push_str("Traceback (most recent call last):\n");
            for entry in e.traceback.iter().rev() {
                text.push_str(&format!("  File \"{}\", line ", entry.filename));
                match entry.line {
                    Some(line) => text.push_str(&line.to_string()),
                    None => text.push('?'),
                }
                text.push_str(&format!(", in {}\n", entry.name));
            }
        }
        text.push_str(&self.exception_line(exc));
        text.push('\n');
        self.write_stderr(&text);
    }
}

impl Vm {
    /// `gc.collect()`: CPython's `gc_collect_region` inside the calling
    /// instruction. The garbage is found; each unreachable instance whose
    /// `__del__` has not run gets it called, as a frame (the instruction
    /// replays as each returns, the plan logged so it is the same each
    /// time); then what is still unreachable of that garbage (a `__del__`
    /// may have resurrected some) is freed and counted, as
    /// `handle_resurrected_objects` and `delete_garbage` do.
    pub(super) fn collect_now(&mut self) -> Flow<usize> {
        // [queued count, finalizer count, (id, serial) per finalizer,
        //  (id, serial) per garbage object]
        let plan = self.log_words(|vm| {
            let mut garbage = vm.heap.find_garbage();
            let (finalizers, queued) = vm.heap.plan_collection(&mut garbage);
            let pair = |vm: &Vm, id: ObjId| [id.index() as u64, vm.heap.get(id).serial];
            let mut words = vec![queued as u64, finalizers.len() as u64];
            words.extend(finalizers.iter().flat_map(|&id| pair(vm, id)));
            words.extend(garbage.iter().flat_map(|&id| pair(vm, id)));
            words
        })?;
        let [queued, count, rest @ ..] = plan.as_slice() else {
            return Ok(0);
        };
        let (queued, count) = (*queued as usize, *count);
        let (finalizers, garbage) = rest.split_at((2 * count as usize).min(rest.len()));
        for pair in finalizers.chunks(2) {
            let (id, serial) = (ObjId::from_index(pair[0] as usize), pair[1]);
            let runs = self.log_data(|vm| {
                let object = vm.heap.get(id);
                let runs = object.alive && object.serial == serial && vm.heap.has_finalizer(id);
                if runs {
                    vm.heap.mark_finalized(id);
                }
                u64::from(runs)
            })?;
            let del = self.special_method(id, "__del__");
            let (1, Some(del)) = (runs, del) else {
                continue;
            };
            if let Err(exc) = self.try_call_python(del, &[id])? {
                self.log_data(|vm| {
                    // The entry its way back added for this frame is not
                    // part of the report: the traceback starts at `__del__`.
                    if let Value::Exception(e) = vm.heap.value_mut(exc) {
                        e.traceback.pop();
                    }
                    vm.report_unraisable_del(id, exc);
                    0
                })?;
            }
        }
        let still: std::collections::HashSet<ObjId> = garbage
            .chunks(2)
            .map(|pair| (ObjId::from_index(pair[0] as usize), pair[1]))
            .filter(|&(id, serial)| {
                let object = self.heap.get(id);
                object.alive && object.serial == serial
            })
            .map(|(id, _)| id)
            .collect();
        let freed = self.heap.collect_among(Some(&still));
        self.heap.full_collection_done();
        Ok(queued + freed)
    }
}
