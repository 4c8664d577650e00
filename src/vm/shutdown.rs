//! The interpreter's exit: what CPython 3.14's `_Py_Finalize` does to the
//! program's objects after `python3 FILE` has run it.
//!
//! 1. `PyGC_Collect()`: a full collection while `__main__` still holds the
//!    globals; cyclic garbage the program left gets its finalizers.
//! 2. `finalize_modules`: `sys.modules['__main__']` becomes None, the
//!    module goes, and its dict (held by every function and class the
//!    program defined: a cycle) is found by `_PyGC_CollectNoFail`. Every
//!    `__del__` of what only the globals reached runs first, in the
//!    collector's list order, with the globals still bound; then, unless a
//!    finalizer resurrected something (then all of it stays), the dict is
//!    cleared (its names in binding order) and the rest is freed.
//!
//! Each finalizer runs as a stepped frame, as during the program. The exit
//! only runs when some object still has a finalizer to run (an instance
//! whose class defines `__del__`, a generator suspended in a `try`):
//! otherwise nothing of it can be seen, and the last stop keeps the
//! program's objects on screen.

use std::collections::HashSet;

use super::heap::{ObjId, Referrer, Value};
use super::{Outcome, Vm};

/// How a program an uncaught exception ended looks once the exit has run.
#[derive(Debug, Clone)]
pub(super) struct Ended {
    /// `sys.exit()`'s status and text ([`Vm::system_exit`]).
    pub system_exit: Option<(i32, String)>,
}

/// Where the exit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The first collection is next.
    Start,
    /// Its finalizers run; then what is still garbage of it is freed.
    Collected,
    /// The globals' finalizers run; then they are freed.
    Globals,
    /// Over: the program has ended.
    Done,
}

/// The exit in progress.
#[derive(Debug, Clone)]
pub(super) struct Shutdown {
    phase: Phase,
    /// How the program ended (an uncaught exception's outcome), set once
    /// the exit is over.
    ending: Option<Outcome>,
    /// The objects of the running phase (with their serials: a freed and
    /// reused slot is not one of them).
    held: Vec<(ObjId, u64)>,
    /// The collector's list after the first collection (the order the
    /// globals are finalized and freed in).
    order: Vec<ObjId>,
}

impl Vm {
    /// The module frame returned: start the exit, or finish.
    pub(super) fn begin_shutdown(&mut self) {
        if !self.exit_has_finalizers() {
            self.outcome = Some(Outcome::Finished);
            return;
        }
        self.start_exit(None);
    }

    fn start_exit(&mut self, ending: Option<Outcome>) {
        self.shutdown = Some(Box::new(Shutdown {
            phase: Phase::Start,
            ending,
            held: Vec::new(),
            order: Vec::new(),
        }));
        self.shutdown_continue();
    }

    /// An uncaught exception ended the program (its outcome is set): if the
    /// exit runs finalizers, `python3` prints the traceback (or
    /// `SystemExit`'s text) first, then lets go of the exception and the
    /// frames its traceback holds (`sys.last_exc` is cleared; a
    /// `SystemExit` even before the first collection, which here comes
    /// after it in both cases), then finalizes. True when the exit runs.
    pub(super) fn exit_after_exception(&mut self) -> bool {
        if self.shutdown.is_some() || !self.exit_has_finalizers() {
            return false;
        }
        let ending = self.outcome.take();
        let system_exit = self.system_exit_of_last();
        match (&system_exit, &ending) {
            (Some((_, text)), _) => self.write_stderr(&text.clone()),
            (None, Some(Outcome::Raised(text))) => self.write_stderr(&text.clone()),
            _ => {}
        }
        self.ended = Some(Box::new(Ended { system_exit }));
        while !self.frames.is_empty() {
            self.pop_frame();
        }
        if let Some(exc) = self.last_exc.take() {
            self.heap
                .decref(exc, super::unwind::last_exc_referrer(self));
        }
        self.start_exit(ending);
        true
    }

    fn system_exit_of_last(&self) -> Option<(i32, String)> {
        let exc = self.last_exc?;
        self.is_exception_kind(exc, "SystemExit")
            .then(|| self.exit_of(exc))
    }

    /// Whether the traceback (or `sys.exit()`'s text) is already in
    /// `stderr`: front ends must not print it again.
    pub fn traceback_written(&self) -> bool {
        self.ended.is_some()
    }

    /// Whether the exit runs code: some live object's finalizer is due.
    fn exit_has_finalizers(&self) -> bool {
        self.heap
            .live_objects()
            .any(|(id, _)| self.finalizer_due(id))
    }

    fn finalizer_due(&self, id: ObjId) -> bool {
        match self.heap.value(id) {
            Value::Instance { .. } => self.heap.has_finalizer(id),
            Value::Generator(g) => !self.heap.get(id).finalized && g.needs_close(),
            _ => false,
        }
    }

    /// Between finalizers of the exit: when none is running or waiting,
    /// the next phase; the program is over after the last.
    pub(super) fn shutdown_continue(&mut self) {
        while let Some(state) = self.shutdown.as_deref() {
            if !self.frames.is_empty() || !self.heap.finalizing().is_empty() {
                return;
            }
            match state.phase {
                Phase::Start => self.exit_collect(),
                Phase::Collected => {
                    self.exit_free_collected();
                    self.exit_globals();
                }
                Phase::Globals => {
                    self.exit_free_globals();
                    let ending = self.shutdown.as_deref_mut().and_then(|s| {
                        s.phase = Phase::Done;
                        s.ending.take()
                    });
                    self.outcome = Some(ending.unwrap_or(Outcome::Finished));
                }
                Phase::Done => return,
            }
        }
    }

    /// `PyGC_Collect()`: the garbage's finalizers are queued in the
    /// collector's order; it is freed once they have run.
    fn exit_collect(&mut self) {
        let garbage = self.heap.find_garbage();
        let (reachable, unreachable) = self.heap.gc_list_order();
        let in_garbage: HashSet<ObjId> = garbage.iter().copied().collect();
        let finalizers: Vec<ObjId> = unreachable
            .iter()
            .copied()
            .filter(|id| in_garbage.contains(id) && self.finalizer_due(*id))
            .collect();
        let held = garbage
            .iter()
            .map(|&id| (id, self.heap.get(id).serial))
            .collect();
        self.queue_exit_finalizers(&finalizers);
        if let Some(state) = self.shutdown.as_deref_mut() {
            state.phase = Phase::Collected;
            state.held = held;
            state.order = reachable;
        }
    }

    /// After the first collection's finalizers: what is still unreachable
    /// of its garbage goes (a finalizer may have resurrected some).
    fn exit_free_collected(&mut self) {
        let held = self.shutdown_held();
        if !held.is_empty() {
            let among: HashSet<ObjId> = held.into_iter().collect();
            self.heap.collect_because("interpreter exit", |heap| {
                heap.collect_among(Some(&among));
            });
        }
    }

    /// `finalize_remove_modules` and `_PyGC_CollectNoFail`: what only the
    /// globals reach is garbage; its finalizers are queued in list order.
    fn exit_globals(&mut self) {
        let module = self.main_module;
        let live: Vec<ObjId> = self
            .heap
            .live_objects()
            .filter(|(_, object)| !object.immortal)
            .map(|(id, _)| id)
            .collect();
        let garbage = self.heap.find_garbage_in(live, Some(module));
        let ordered = self.in_list_order(garbage);
        let finalizers: Vec<ObjId> = ordered
            .iter()
            .copied()
            .filter(|&id| self.finalizer_due(id))
            .collect();
        let held = ordered
            .iter()
            .map(|&id| (id, self.heap.get(id).serial))
            .collect();
        self.queue_exit_finalizers(&finalizers);
        if let Some(state) = self.shutdown.as_deref_mut() {
            state.phase = Phase::Globals;
            state.held = held;
        }
    }

    /// After the globals' finalizers (`handle_resurrected_objects`, then
    /// `delete_garbage`): if something outside the garbage now refers into
    /// it, that and all it reaches stays; the rest is freed, the module's
    /// names first (the dict is the oldest object of the list).
    fn exit_free_globals(&mut self) {
        let module = self.main_module;
        let held = self.shutdown_held();
        let garbage = self.heap.find_garbage_in(held.clone(), Some(module));
        if !garbage.contains(&module) {
            // Resurrected: the module's dict (and so everything) lives on.
            return;
        }
        let doomed: HashSet<ObjId> = garbage.iter().copied().collect();
        // Classes last: what is freed before them still shows its class
        // (CPython frees a class when its last instance has let go of it).
        let (classes, mut order): (Vec<ObjId>, Vec<ObjId>) = held
            .into_iter()
            .filter(|id| doomed.contains(id) && *id != module)
            .partition(|&id| matches!(self.heap.value(id), Value::Class(_)));
        order.extend(classes);
        self.heap.collect_because("interpreter exit", |heap| {
            // `PyDict_Clear` of the globals: each name in binding order.
            let (namespace, names, dict) = match heap.value_mut(module) {
                Value::Module(m) => (m.name, m.namespace.take_all(), m.dict.take()),
                _ => return,
            };
            let address = heap.get(module).address;
            if let Some(dict) = dict {
                heap.decref_keep(
                    dict,
                    Referrer::Attribute {
                        owner: address,
                        name: "__dict__",
                    },
                );
            }
            for (name, value) in names {
                let referrer = Referrer::Name { namespace, name };
                if doomed.contains(&value) {
                    heap.decref_keep(value, referrer);
                } else {
                    heap.decref(value, referrer);
                }
            }
            heap.free_garbage(&order);
        });
    }

    /// The GC objects of `garbage` in the collector's list order (the
    /// list after the first collection, then what was made since), then
    /// the others (not in the list: freed as their holders let go).
    fn in_list_order(&self, garbage: Vec<ObjId>) -> Vec<ObjId> {
        let members: HashSet<ObjId> = garbage.iter().copied().collect();
        let order = self
            .shutdown
            .as_deref()
            .map(|s| s.order.as_slice())
            .unwrap_or_default();
        let mut seen: HashSet<ObjId> = HashSet::new();
        let mut ordered: Vec<ObjId> = order
            .iter()
            .copied()
            .filter(|id| members.contains(id) && self.heap.get(*id).alive && seen.insert(*id))
            .collect();
        let mut rest: Vec<ObjId> = garbage
            .into_iter()
            .filter(|id| !seen.contains(id))
            .collect();
        rest.sort_by_key(|&id| (!self.heap.value(id).is_gc(), self.heap.get(id).serial));
        ordered.extend(rest);
        ordered
    }

    /// The running phase's objects still alive (and not a reused slot).
    fn shutdown_held(&mut self) -> Vec<ObjId> {
        let held = self
            .shutdown
            .as_deref_mut()
            .map(|s| std::mem::take(&mut s.held))
            .unwrap_or_default();
        held.into_iter()
            .filter(|&(id, serial)| {
                let object = self.heap.get(id);
                object.alive && object.serial == serial
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Each is marked finalized (its finalizer never runs twice) and
    /// queued; they run as frames once the current step is done.
    fn queue_exit_finalizers(&mut self, finalizers: &[ObjId]) {
        for &id in finalizers {
            self.heap.mark_finalized(id);
            self.heap.queue_finalizer(id);
        }
    }

    /// What the interpreter's exit is doing, while it runs (its frames are
    /// not the program's): the debugger says so.
    pub fn exit_narration(&self) -> Option<&'static str> {
        Some(match self.shutdown.as_deref()?.phase {
            // (Only after an uncaught exception does anything run before
            // the first collection.)
            Phase::Start => {
                "interpreter exit: the exception is let go of, and the frames its traceback held"
            }
            Phase::Collected => {
                "interpreter exit: the collector finalizes the garbage the program left"
            }
            Phase::Globals => {
                "interpreter exit: __main__ is gone, the collector finalizes what its globals held"
            }
            Phase::Done => "interpreter exit: what the globals held was finalized and freed",
        })
    }
}
