//! Python code called from the middle of an instruction: special methods
//! (`__repr__`, `__eq__`, `__add__`…), properties, `key=` functions.
//!
//! CPython calls them from C, recursively; bytestep must stay one step per
//! instruction, so an instruction that needs a Python call *replays*:
//!
//! 1. the handler runs inside [`Vm::calling`]; its first [`Vm::call_python`]
//!    finds no recorded result, so it records a request and returns a
//!    pending error before the handler has changed anything (handlers that
//!    call peek at their operands and pop only once every result is known);
//! 2. [`Vm::unwind`] sees the request and pushes the function's frame with
//!    [`Continuation::Replay`]; it runs, one step per instruction;
//! 3. when it returns (or raises), its result is appended to the caller
//!    frame's [`Frame::replay`] and the caller's instruction runs again from
//!    the start, each `call_python` now taking the recorded result in order,
//!    until it completes or asks for the next call.
//!
//! Handlers are deterministic given the results, so a replay takes the same
//! path. Builtin callables (`key=len`) are called directly, not recorded.

use super::exceptions::{PyException, Signal};
use super::frame::{CallResult, Continuation, Drain, Frame, Resume, ResumeMode, Slot};
use super::heap::{ObjId, Value};
use super::report::Outcome;
use super::{Flow, Popped, Vm};

thread_local! {
    /// A signal's box handed back by [`recycle_signal`] for the next one:
    /// a signal is raised once per call made from native code.
    static SPARE_SIGNAL: std::cell::Cell<Option<Box<PyException>>> =
        const { std::cell::Cell::new(None) };
}

fn signal_error(signal: Signal) -> Box<PyException> {
    match SPARE_SIGNAL.with(std::cell::Cell::take) {
        Some(mut error) => {
            error.signal = signal;
            error
        }
        None => PyException::signal(signal),
    }
}

/// A signal taken where it ends (the pending call started, the pull
/// retried): its box serves the next one.
pub(super) fn recycle_signal(mut error: Box<PyException>) {
    if error.signal != Signal::None && error.object.is_none() {
        // (As `PyException::signal` makes it, whatever was done to it.)
        error.kind = "SystemError";
        error.message.clear();
        error.reraise = false;
        error.fatal = true;
        error.missing = None;
        SPARE_SIGNAL.with(|spare| spare.set(Some(error)));
    }
}

/// The internal error that stands for "a call is pending" (no message
/// made: it is raised once per call from native code, and never shown).
pub(super) fn pending_error() -> Box<PyException> {
    signal_error(Signal::Pending)
}

/// The internal error by which a drain's own `filter` ends a pull after
/// rejecting an item: the drain pulls again with a fresh log.
pub(super) fn again_error() -> Box<PyException> {
    signal_error(Signal::Again)
}

pub(super) fn replay_mismatch() -> Box<PyException> {
    PyException::new(
        "SystemError",
        "bytestep: a replayed instruction took another path",
    )
}

/// The state of the calls of the instruction being executed.
#[derive(Debug, Clone, Default)]
pub(super) struct Calls {
    /// Results of this instruction's Python calls so far (held), in order.
    results: Vec<CallResult>,
    /// How many of `results` the current run has taken.
    cursor: usize,
    /// The call the instruction asks for: the function (held); its
    /// arguments (held) are in `request_args`.
    request: Option<ObjId>,
    /// The requested call's arguments (kept allocated from call to call).
    request_args: Vec<ObjId>,
    /// Objects to hold while the requested call runs (see [`Frame::pins`]), held.
    pins: Vec<ObjId>,
    /// The pins the next call made by [`Vm::call_python`] takes.
    next_pins: Vec<ObjId>,
    /// Nesting of [`Vm::calling`].
    depth: u32,
    /// Results of builtin callables, held until the instruction ends.
    temps: Vec<ObjId>,
    /// Instructions replayed so far (the stack-effect check skips those steps).
    replays: u64,
    /// Keyword names of the requested call (its last arguments), and of the
    /// next call [`Vm::call_python`] makes.
    request_kwnames: Vec<String>,
    next_kwnames: Vec<String>,
    /// Entries of call logs read again by replays and drain pulls: the
    /// native work replays cost (see [`Vm::replay_work`]).
    replayed: u64,
    /// A drain asked for by the instruction (see `drain.rs`); `request`
    /// then names its iterable (held: the drain's reference).
    drain_request: Option<Box<Drain>>,
    /// The drain whose pull made the pending request: the call's frame
    /// carries it instead of replaying the instruction.
    sink: Option<Box<Drain>>,
    /// The iterator a drain's pull takes its item from, while it runs.
    pulling: Option<ObjId>,
    /// A [`Resume`] box no frame uses, kept for the next call or resume
    /// made for native code (one per item of a drain otherwise).
    pub(super) spare_resume: Option<Box<Resume>>,
    /// The namespace the next call's frame takes as its locals (a class
    /// body run by `__build_class__` with a metaclass), and the request's.
    next_locals: Option<ObjId>,
    request_locals: Option<ObjId>,
}

impl Calls {
    /// No instruction is making Python calls: nothing held, nothing logged
    /// (`Vm::calling` would then do nothing around a builtin).
    pub(super) fn idle(&self) -> bool {
        self.depth == 0 && self.results.is_empty() && self.temps.is_empty()
    }

    /// An instruction that ended by switching frames in place (a class
    /// hook's frame replacing the one that returned, a finalizer's frame
    /// pushed after it): the stack-effect check skips it, as it skips replays.
    pub(super) fn note_frame_switch(&mut self) {
        self.replays += 1;
    }

    /// Read by the debug build's stack-effect check.
    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    pub(super) fn replays(&self) -> u64 {
        self.replays
    }
}

impl Vm {
    /// Run `handler`, which may call Python code, as (part of) one instruction.
    /// The outermost call releases what the instruction's calls returned,
    /// once it is over (not when it waits for a call).
    #[inline]
    pub(super) fn calling<T>(&mut self, handler: impl FnOnce(&mut Vm) -> Flow<T>) -> Flow<T> {
        self.calls.depth += 1;
        let result = handler(self);
        self.calls.depth -= 1;
        if self.calls.depth == 0
            && (!self.calls.temps.is_empty()
                || (self.calls.request.is_none() && !self.calls.results.is_empty()))
        {
            self.end_calls();
        }
        result
    }

    #[cold]
    #[inline(never)]
    fn end_calls(&mut self) {
        let holder = self.continuation_referrer();
        for temp in std::mem::take(&mut self.calls.temps) {
            self.heap.decref(temp, holder);
        }
        if self.calls.request.is_none() {
            self.release_call_results();
        }
    }

    fn release_call_results(&mut self) {
        let holder = self.continuation_referrer();
        self.calls.cursor = 0;
        let mut results = std::mem::take(&mut self.calls.results);
        for object in results.drain(..).filter_map(CallResult::object) {
            self.heap.decref(object, holder);
        }
        // The vector is kept for the next instruction's log (unless what
        // the releases ran logged into a new one meanwhile).
        if self.calls.results.capacity() == 0 {
            self.calls.results = results;
        }
    }

    /// Call `function(*args)` from inside an instruction: the returned object
    /// (borrowed, alive until the instruction ends), or the exception it
    /// raised propagated.
    pub(super) fn call_python(&mut self, function: ObjId, args: &[ObjId]) -> Flow<ObjId> {
        match self.try_call_python(function, args)? {
            Ok(result) => Ok(result),
            Err(exc) => {
                self.heap.incref(exc, self.raised_referrer());
                Err(PyException::object(exc, true))
            }
        }
    }

    /// [`Vm::call_python`] with the last `kwnames.len()` arguments passed by keyword.
    pub(super) fn call_python_kw(
        &mut self,
        function: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        self.calls.next_kwnames = kwnames.to_vec();
        let result = self.call_python(function, args);
        self.calls.next_kwnames.clear();
        result
    }

    /// [`Vm::call_python`], with the exception it raised (borrowed) as `Err`.
    pub(super) fn try_call_python(
        &mut self,
        function: ObjId,
        args: &[ObjId],
    ) -> Flow<Result<ObjId, ObjId>> {
        if self.calls.depth == 0 {
            return Err(self.unsupported("calling Python code from this instruction"));
        }
        let pins = std::mem::take(&mut self.calls.next_pins);
        let kwnames = std::mem::take(&mut self.calls.next_kwnames);
        let locals = self.calls.next_locals.take();
        if matches!(self.heap.value(function), Value::Class(_)) {
            // `type_call` through `_PyObject_MakeTpCall`, its Python code
            // (`__new__`, `__init__`, a metaclass's `__call__`) called in
            // turn, each logged.
            self.calls.next_pins.clear();
            return self.call_class_object(function, args, &kwnames).map(Ok);
        }
        self.calls.next_pins = pins;
        let holder = self.continuation_referrer();
        match self.heap.value(function) {
            Value::Function(_) | Value::Method { .. } => {}
            Value::Instance { .. } => {
                let Some(call) = self.special_method(function, "__call__") else {
                    return Err(PyException::type_error(format!(
                        "'{}' object is not callable",
                        self.heap.value(function).type_name()
                    )));
                };
                let mut with_self = vec![function];
                with_self.extend_from_slice(args);
                self.calls.next_kwnames = kwnames;
                return self.try_call_python(call, &with_self);
            }
            // A plain class with a Python `__init__`: the instance is made
            // when the call starts, `__init__` runs as the call's frame.
            Value::Class(_) => {}
            _ => {
                self.calls.next_pins.clear();
                let positional = args.len() - kwnames.len().min(args.len());
                let keywords: Vec<(&str, ObjId)> = kwnames
                    .iter()
                    .map(String::as_str)
                    .zip(args[positional..].iter().copied())
                    .collect();
                let result = super::builtins::call(self, function, &args[..positional], &keywords)?;
                self.heap.incref(result, holder);
                self.calls.temps.push(result);
                return Ok(Ok(result));
            }
        }
        // (A builtin above runs again on a replay, as the instruction does:
        // the log's entries are those of the Python calls it makes.)
        if let Some(&result) = self.calls.results.get(self.calls.cursor) {
            self.calls.next_pins.clear();
            self.calls.cursor += 1;
            return match result {
                CallResult::Returned(obj) => Ok(Ok(obj)),
                CallResult::Raised(exc) => Ok(Err(exc)),
                _ => Err(replay_mismatch()),
            };
        }
        self.heap.incref(function, holder);
        for &arg in args {
            self.heap.incref(arg, holder);
        }
        for pinned in std::mem::take(&mut self.calls.next_pins) {
            self.heap.incref(pinned, holder);
            self.calls.pins.push(pinned);
        }
        self.calls.request = Some(function);
        self.calls.request_args.clear();
        self.calls.request_args.extend_from_slice(args);
        self.calls.request_kwnames = kwnames;
        self.calls.request_locals = locals;
        Err(pending_error())
    }

    /// The pending call: push its frame (its result replays the instruction,
    /// or feeds the drain in [`Calls::sink`]). A generator asked for by
    /// native code is resumed. `None` when no call is pending.
    pub(super) fn start_pending_call(&mut self) -> Option<Flow<Outcome>> {
        let sink = self.calls.sink.take();
        let Some(function) = self.calls.request.take() else {
            self.calls.sink = sink;
            return None;
        };
        let mut args = std::mem::take(&mut self.calls.request_args);
        let kwnames = std::mem::take(&mut self.calls.request_kwnames);
        let locals = self.calls.request_locals.take();
        let results = std::mem::take(&mut self.calls.results);
        self.calls.cursor = 0;
        let holder = self.continuation_referrer();
        let Some(caller) = self.frames.last_mut() else {
            return Some(Err(PyException::new("SystemError", "no frame")));
        };
        if sink.is_none() || !results.is_empty() {
            caller.calls_mut().replay = results;
        } else {
            // (Kept allocated for the next pull's log.)
            self.calls.results = results;
        }
        let caller_name = caller.qualname;
        if let Value::Generator(_) = self.heap.value(function) {
            // The request's reference to the generator is the resume's.
            let pins = std::mem::take(&mut self.calls.pins);
            for pinned in pins {
                self.heap.decref(pinned, holder);
            }
            // `tp_iternext` takes no reference to the generator: whoever
            // asked holds it (the drain, a `map` over it).
            let mode = ResumeMode::Logged(sink);
            let resumed = self.resume(function, None, None, false, mode);
            self.heap.decref(function, holder);
            return Some(resumed.map(|()| Outcome::Called));
        }
        let mut function = function;
        if let Value::Method {
            function: inner,
            owner,
        } = *self.heap.value(function)
        {
            self.heap.incref(inner, holder);
            self.heap.incref(owner, holder);
            self.heap.decref(function, holder);
            args.insert(0, owner);
            function = inner;
        }
        let as_popped = |obj: ObjId| Popped {
            slot: Slot::strong(obj),
            frame: caller_name,
            index: 0,
        };
        let depth = self.frames.len();
        let pins = std::mem::take(&mut self.calls.pins);
        // A class: the instance is made and its `__init__` pushed, whose
        // return gives the instance as the call's result.
        let class_call = matches!(self.heap.value(function), Value::Class(_));
        // A plain function called with its positional parameters, nobody
        // recording: its frame is entered as `CALL_PY_EXACT_ARGS` enters one.
        let plain = kwnames.is_empty()
            && locals.is_none()
            && !self.heap.recorder.enabled
            && depth < self.quick_depth_limit()
            && self.enter_plain_call(function, &args);
        let popped_args: Vec<Popped> = if plain {
            args.clear();
            Vec::new()
        } else {
            args.drain(..).map(as_popped).collect()
        };
        self.calls.request_args = args;
        let entered = match self.heap.value(function) {
            _ if plain => Ok(()),
            Value::Class(_) => {
                match self.call_class(function, as_popped(function), popped_args, &kwnames) {
                    Ok(None) => Ok(()),
                    Ok(Some(_)) => Err(PyException::new("SystemError", "no __init__ frame")),
                    Err(error) => Err(error),
                }
            }
            Value::Function(f) => {
                let info = std::sync::Arc::clone(&f.info);
                self.enter_function(function, as_popped(function), info, popped_args, &kwnames)
            }
            _ => Err(PyException::new("SystemError", "not a function")),
        };
        match entered {
            Ok(()) if self.frames.len() > depth => {
                let resumed = sink.map(|drain| {
                    self.boxed_resume(Resume {
                        generator: function,
                        holds: false,
                        mode: ResumeMode::DrainCall(drain),
                        saved_exc: None,
                    })
                });
                if let Some(frame) = self.frames.last_mut() {
                    if let Some(Continuation::Init { native, .. }) = &mut frame.on_return {
                        *native = true;
                    }
                    match resumed {
                        None if class_call => {}
                        None => frame.on_return = Some(Continuation::Replay),
                        Some(boxed) => frame.resumed = Some(boxed),
                    }
                    if !pins.is_empty() {
                        frame.calls_mut().pins = pins;
                    }
                    if let Some(namespace) = locals {
                        // A class body: the frame holds its namespace.
                        frame.locals_dict = Some(namespace);
                        let referrer = super::heap::Referrer::Frame {
                            frame: frame.qualname,
                        };
                        self.heap.incref(namespace, referrer);
                    }
                }
                if self.track_lines {
                    self.update_line_event();
                }
                Some(Ok(Outcome::Called))
            }
            Ok(()) => Some(Err(PyException::new("SystemError", "no frame was pushed"))),
            Err(error) => {
                for pinned in pins {
                    self.heap.decref(pinned, holder);
                }
                // The drain goes back to its pump, which gives up.
                self.calls.sink = sink;
                Some(Err(error))
            }
        }
    }

    /// Push the frame of `function` called with `args` (their references
    /// and the function's move into it) when it is a plain Python function
    /// taking exactly these positional arguments (see [`Vm::call_plain`]);
    /// false, having done nothing, otherwise.
    #[inline]
    pub(super) fn enter_plain_call(&mut self, function: ObjId, args: &[ObjId]) -> bool {
        let Vm { frames, heap, .. } = self;
        let Value::Function(f) = heap.value(function) else {
            return false;
        };
        if f.info.plain_call != Some(args.len()) {
            return false;
        }
        let Some((_, frame)) = frames.push_for(&f.info, function) else {
            return false;
        };
        frame.enter_objects(function, args);
        true
    }

    /// `resume` boxed for a frame (in the spare box if there is one).
    #[inline]
    pub(super) fn boxed_resume(&mut self, resume: Resume) -> Box<Resume> {
        match self.calls.spare_resume.take() {
            Some(mut boxed) => {
                *boxed = resume;
                boxed
            }
            None => Box::new(resume),
        }
    }

    /// A frame's resume taken out of its box (kept as the spare).
    #[inline]
    pub(super) fn unbox_resume(&mut self, mut boxed: Box<Resume>) -> Resume {
        let resume = std::mem::replace(
            &mut *boxed,
            Resume {
                generator: ObjId::from_index(0),
                holds: false,
                mode: ResumeMode::Close,
                saved_exc: None,
            },
        );
        self.calls.spare_resume = Some(boxed);
        resume
    }

    /// What a class call from native code gives once `__init__` returned
    /// `returned`: the instance (its reference the continuation's), or the
    /// `TypeError` of an `__init__` that returned something else (held as
    /// a raised exception; the instance is let go).
    pub(super) fn init_result(&mut self, instance: ObjId, returned: ObjId) -> Result<ObjId, ObjId> {
        if returned == self.singletons.none {
            return Ok(instance);
        }
        let error = PyException::type_error(format!(
            "__init__() should return None, not '{}'",
            self.heap.value(returned).type_name()
        ));
        self.heap.decref(instance, self.continuation_referrer());
        // A new reference, held as raised.
        Err(self.exception_object(&error))
    }

    /// The next call [`Vm::call_python`] makes runs with `namespace` (kept
    /// alive by the caller) as its frame's locals.
    pub(super) fn set_next_locals(&mut self, namespace: ObjId) {
        self.calls.next_locals = Some(namespace);
    }

    /// See [`Calls::note_frame_switch`].
    pub(super) fn note_frame_switch(&mut self) {
        self.calls.note_frame_switch();
    }

    /// Whether the instruction running can call Python code (inside [`Vm::calling`]).
    /// The current instruction runs again with the results of the calls
    /// its first run made (see [`Vm::calling`]).
    pub(super) fn replaying_instruction(&self) -> bool {
        !self.calls.results.is_empty()
    }

    pub(super) fn in_calling(&self) -> bool {
        self.calls.depth > 0
    }

    /// A drain's or a call's result recorded for this point of the
    /// instruction (`Some` on a replay), as [`Vm::call_python`] takes it.
    pub(super) fn take_logged_result(&mut self) -> Flow<Option<Flow<ObjId>>> {
        match self.calls.results.get(self.calls.cursor) {
            Some(&CallResult::Returned(obj)) => {
                self.calls.cursor += 1;
                Ok(Some(Ok(obj)))
            }
            Some(&CallResult::Raised(exc)) => {
                self.calls.cursor += 1;
                self.heap.incref(exc, self.raised_referrer());
                Ok(Some(Err(PyException::object(exc, true))))
            }
            Some(_) => Err(replay_mismatch()),
            None => Ok(None),
        }
    }

    /// Objects recorded as `log_objects` records them (`Some` on a replay),
    /// or the exception recorded instead.
    pub(super) fn take_logged_objects(&mut self) -> Flow<Option<Vec<ObjId>>> {
        self.take_logged_run(|entry| match entry {
            CallResult::Held(obj) => Some(obj),
            _ => None,
        })
    }

    /// The order a sort drain recorded (`Some` on the replay after it).
    pub(super) fn take_logged_order(&mut self) -> Flow<Option<Vec<usize>>> {
        self.take_logged_run(|entry| match entry {
            CallResult::Data(index) => Some(index as usize),
            _ => None,
        })
    }

    /// A run recorded as `Data(count)` then `count` entries, each read by
    /// `read` (`Some` on a replay), or the exception recorded instead.
    fn take_logged_run<T>(
        &mut self,
        read: impl Fn(CallResult) -> Option<T>,
    ) -> Flow<Option<Vec<T>>> {
        let count = match self.calls.results.get(self.calls.cursor) {
            Some(&CallResult::Data(count)) => count as usize,
            Some(&CallResult::Raised(exc)) => {
                self.calls.cursor += 1;
                self.heap.incref(exc, self.raised_referrer());
                return Err(PyException::object(exc, true));
            }
            Some(_) => return Err(replay_mismatch()),
            None => return Ok(None),
        };
        let start = self.calls.cursor + 1;
        let items: Vec<T> = self
            .calls
            .results
            .get(start..start + count)
            .unwrap_or(&[])
            .iter()
            .map_while(|&entry| read(entry))
            .collect();
        if items.len() != count {
            return Err(replay_mismatch());
        }
        self.calls.cursor = start + count;
        Ok(Some(items))
    }

    /// A generator's logged step (`Some` on a replay): its item, `None`
    /// when it finished, or the exception it raised.
    pub(super) fn take_logged_next(&mut self) -> Flow<Option<Flow<Option<ObjId>>>> {
        match self.calls.results.get(self.calls.cursor) {
            Some(&CallResult::Next { item, end }) => {
                self.calls.cursor = end as usize;
                Ok(Some(Ok(item)))
            }
            Some(&CallResult::Raised(exc)) => {
                self.calls.cursor += 1;
                self.heap.incref(exc, self.raised_referrer());
                Ok(Some(Err(PyException::object(exc, true))))
            }
            Some(_) => Err(replay_mismatch()),
            None => Ok(None),
        }
    }

    /// Ask for a drain (the instruction unwinds with a pending call; the
    /// request holds the iterable).
    pub(super) fn request_drain(&mut self, drain: Box<Drain>) {
        self.heap
            .incref(drain.iterable, self.continuation_referrer());
        self.calls.request = Some(drain.iterable);
        self.calls.request_args.clear();
        self.calls.next_pins.clear();
        self.calls.next_kwnames.clear();
        self.calls.drain_request = Some(drain);
    }

    /// Ask to resume `generator` (held by the request).
    pub(super) fn request_resume(&mut self, generator: ObjId) {
        self.heap.incref(generator, self.continuation_referrer());
        self.calls.request = Some(generator);
        self.calls.request_args.clear();
        self.calls.next_pins.clear();
        self.calls.next_kwnames.clear();
    }

    /// The drain asked for by the instruction that just unwound, if any:
    /// the request's reference to its iterable becomes the drain's, and the
    /// instruction's log goes to its frame.
    pub(super) fn take_drain_request(&mut self) -> Option<Flow<Box<Drain>>> {
        let drain = self.calls.drain_request.take()?;
        self.calls.request = None;
        self.calls.request_kwnames.clear();
        let results = std::mem::take(&mut self.calls.results);
        self.calls.cursor = 0;
        match self.frames.last_mut() {
            Some(caller) => {
                caller.calls_mut().replay = results;
                Some(Ok(drain))
            }
            None => Some(Err(PyException::new("SystemError", "no frame"))),
        }
    }

    /// Instructions replayed and drain pulls made so far, plus the log
    /// entries they read again: a deterministic measure of the native work
    /// behind calls made from inside instructions (linear in the items a
    /// builtin consumes, where a replay of the whole builtin per item
    /// would make it quadratic).
    pub fn replay_work(&self) -> u64 {
        self.calls.replays + self.calls.replayed
    }

    /// Start a pull with `log` as its call results (swapped in: `log`
    /// gets the empty vector they were in, to be swapped back by
    /// [`Vm::take_log`], so no pull allocates one).
    pub(super) fn load_log(&mut self, log: &mut Vec<CallResult>) {
        self.calls.replays += 1;
        self.calls.replayed += log.len() as u64;
        std::mem::swap(&mut self.calls.results, log);
        log.clear();
        self.calls.cursor = 0;
    }

    /// The pending pull's log, into `log` (empty: what [`Vm::load_log`] left there).
    pub(super) fn take_log(&mut self, log: &mut Vec<CallResult>) {
        self.calls.cursor = 0;
        log.clear();
        std::mem::swap(&mut self.calls.results, log);
    }

    pub(super) fn set_sink(&mut self, drain: Box<Drain>) {
        self.calls.sink = Some(drain);
    }

    pub(super) fn take_sink(&mut self) -> Option<Box<Drain>> {
        self.calls.sink.take()
    }

    /// The next item of `iterator` for a native iterator that wraps it: the
    /// same as [`Vm::next_item`], but inside an instruction that may call
    /// Python code the item is logged (and held until the instruction
    /// ends), so a replay takes it again instead of advancing `iterator`
    /// twice. Like `next_item`'s, the item is not the caller's reference.
    pub(super) fn next_logged(&mut self, iterator: ObjId) -> Flow<Option<ObjId>> {
        if self.calls.depth == 0 {
            return self.next_item(iterator);
        }
        if let Value::Generator(_) = self.heap.value(iterator) {
            return self.next_of_generator(iterator);
        }
        // The entry is reserved before the step: a nested native iterator
        // logs its own steps after it, and a step interrupted by a pending
        // call is taken again (it is deterministic given the later entries).
        let index = self.calls.cursor;
        match self.calls.results.get(index) {
            Some(&CallResult::Next { item, end }) => {
                // Past the entries its own step logged.
                self.calls.cursor = end as usize;
                return Ok(item);
            }
            Some(CallResult::Stepping) => {}
            Some(_) => return Err(replay_mismatch()),
            None => self.calls.results.push(CallResult::Stepping),
        }
        self.calls.cursor += 1;
        let item = self.next_item(iterator)?;
        if let Some(item) = item {
            self.heap.incref(item, self.continuation_referrer());
        }
        let end = self.calls.cursor as u32;
        if let Some(entry) = self.calls.results.get_mut(index) {
            *entry = CallResult::Next { item, end };
        }
        Ok(item)
    }

    /// A fact `fresh` computes, logged on the instruction's first run and
    /// read back by its replays (see [`CallResult::Data`]).
    pub(super) fn log_data(&mut self, fresh: impl FnOnce(&mut Vm) -> u64) -> Flow<u64> {
        if self.calls.depth == 0 {
            return Ok(fresh(self));
        }
        match self.calls.results.get(self.calls.cursor) {
            Some(&CallResult::Data(value)) => {
                self.calls.cursor += 1;
                Ok(value)
            }
            Some(_) => Err(replay_mismatch()),
            None => {
                let value = fresh(self);
                self.calls.results.push(CallResult::Data(value));
                self.calls.cursor += 1;
                Ok(value)
            }
        }
    }

    /// Words `fresh` computes, logged on the instruction's first run and
    /// read back by its replays.
    pub(super) fn log_words(&mut self, fresh: impl FnOnce(&mut Vm) -> Vec<u64>) -> Flow<Vec<u64>> {
        self.log_entries(
            fresh,
            |_, word| CallResult::Data(word),
            |entry| match entry {
                CallResult::Data(word) => Some(*word),
                _ => None,
            },
        )
    }

    /// Objects `fresh` picks, logged (and held) on the instruction's first
    /// run and read back by its replays.
    pub(super) fn log_objects(
        &mut self,
        fresh: impl FnOnce(&mut Vm) -> Vec<ObjId>,
    ) -> Flow<Vec<ObjId>> {
        let holder = self.continuation_referrer();
        self.log_entries(
            fresh,
            |vm, obj| {
                vm.heap.incref(obj, holder);
                CallResult::Held(obj)
            },
            |entry| match entry {
                CallResult::Held(obj) => Some(*obj),
                _ => None,
            },
        )
    }

    /// The log behind [`Vm::log_words`] and [`Vm::log_objects`]: a count,
    /// then one entry per item, written on the first run (`record` makes an
    /// entry) and read back (`read`) by the replays.
    fn log_entries<T: Copy>(
        &mut self,
        fresh: impl FnOnce(&mut Vm) -> Vec<T>,
        record: impl Fn(&mut Vm, T) -> CallResult,
        read: impl Fn(&CallResult) -> Option<T>,
    ) -> Flow<Vec<T>> {
        if self.calls.depth == 0 {
            return Ok(fresh(self));
        }
        let count = match self.calls.results.get(self.calls.cursor) {
            Some(&CallResult::Data(count)) => count as usize,
            Some(_) => return Err(replay_mismatch()),
            None => {
                let items = fresh(self);
                self.calls
                    .results
                    .push(CallResult::Data(items.len() as u64));
                for &item in &items {
                    let entry = record(self, item);
                    self.calls.results.push(entry);
                }
                self.calls.cursor = self.calls.results.len();
                return Ok(items);
            }
        };
        let start = self.calls.cursor + 1;
        let items: Vec<T> = self
            .calls
            .results
            .get(start..start + count)
            .unwrap_or(&[])
            .iter()
            .map_while(&read)
            .collect();
        if items.len() != count {
            return Err(replay_mismatch());
        }
        self.calls.cursor = start + count;
        Ok(items)
    }

    /// [`Vm::call_python`] holding `pins` while the function runs.
    pub(super) fn call_python_pinned(
        &mut self,
        function: ObjId,
        args: &[ObjId],
        pins: &[ObjId],
    ) -> Flow<ObjId> {
        self.calls.next_pins = pins.to_vec();
        self.call_python(function, args)
    }

    /// [`Vm::call_python_kw`] holding `pins` while the function runs.
    pub(super) fn call_python_kw_pinned(
        &mut self,
        function: ObjId,
        args: &[ObjId],
        kwnames: &[String],
        pins: &[ObjId],
    ) -> Flow<ObjId> {
        self.calls.next_pins = pins.to_vec();
        self.call_python_kw(function, args, kwnames)
    }

    /// Whether `iterator` is the one a drain's running pull takes its item from.
    pub(super) fn pulls_from(&self, iterator: ObjId) -> bool {
        self.calls.pulling == Some(iterator)
    }

    /// Mark the iterator a drain's pull takes its item from (`None` after it).
    pub(super) fn set_pulling(&mut self, iterator: Option<ObjId>) {
        self.calls.pulling = iterator;
    }

    /// Whether an error is a drain's filter asking for another pull.
    #[inline]
    pub(super) fn is_again(error: &PyException) -> bool {
        error.signal == Signal::Again
    }

    /// Whether an error stands for a pending call rather than a Python exception.
    #[inline]
    pub(super) fn is_pending(error: &PyException) -> bool {
        error.signal == Signal::Pending
    }

    /// A frame with [`Continuation::Replay`] returned `value` (a reference the
    /// caller's replay record takes over): run the caller's instruction again.
    pub(super) fn replay_returned(&mut self, value: ObjId) -> Flow {
        if self.for_iter_returned(value) {
            return Ok(());
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.calls_mut().replay.push(CallResult::Returned(value));
        }
        self.replay_instruction()
    }

    /// `__next__` of an instance, called by the innermost frame's
    /// `FOR_ITER`, returned `value` (its reference moving in): when that
    /// call was the instruction's only one and nobody records, what the
    /// instruction's replay does (`instance_next` gives the logged value,
    /// which is pushed, the record's reference moving onto the stack) is
    /// done here, without replaying it. False, having done nothing,
    /// otherwise.
    fn for_iter_returned(&mut self, value: ObjId) -> bool {
        if self.heap.recorder.enabled
            || self.calls.depth != 0
            || self.calls.request.is_some()
            || !self.calls.results.is_empty()
            || self.reporting_here()
        {
            return false;
        }
        let Vm { frames, heap, .. } = self;
        let Some(frame) = frames.last_mut() else {
            return false;
        };
        let for_iter = frame
            .last
            .and_then(|index| frame.code.instrs.get(index))
            .is_some_and(|instr| instr.opcode == crate::bytecode::opcodes::FOR_ITER);
        if !for_iter || !frame.replay().is_empty() || !frame.pins().is_empty() {
            return false;
        }
        let Some(&Slot {
            obj: Some(iterator),
            ..
        }) = frame.stack.last()
        else {
            return false;
        };
        if !matches!(heap.value(iterator), Value::Instance { .. }) {
            return false;
        }
        frame.stack.push(Slot::strong(value));
        true
    }

    /// `FOR_ITER` over an instance whose `__next__` is a plain Python
    /// function of one parameter (nobody records, no call under way): the
    /// call `instance_next` would request is entered at once, as
    /// `start_pending_call` enters it (the request's references moving
    /// into the frame, the caller's record started, the frame's return
    /// replaying the instruction), without the pending-call signal. False,
    /// having done nothing, otherwise.
    pub(super) fn enter_next_directly(&mut self, iterator: ObjId) -> bool {
        if self.heap.recorder.enabled
            || self.calls.depth != 0
            || self.calls.request.is_some()
            || !self.calls.results.is_empty()
            || self.frames.len() >= self.quick_depth_limit()
            || self
                .frames
                .last()
                .is_none_or(|f| !f.replay().is_empty() || !f.pins().is_empty())
        {
            return false;
        }
        let Some(next) = self.next_method(iterator) else {
            return false;
        };
        if !matches!(self.heap.value(next), Value::Function(f) if f.info.plain_call == Some(1)) {
            return false;
        }
        let holder = self.continuation_referrer();
        self.heap.incref(next, holder);
        self.heap.incref(iterator, holder);
        if let Some(caller) = self.frames.last_mut() {
            caller.calls_mut().replay = std::mem::take(&mut self.calls.results);
        }
        if !self.enter_plain_call(next, &[iterator]) {
            // (Not reached: checked above.)
            self.heap.decref(iterator, holder);
            self.heap.decref(next, holder);
            return false;
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.on_return = Some(Continuation::Replay);
        }
        if self.track_lines {
            self.update_line_event();
        }
        true
    }

    /// The innermost frame's instruction runs again with its recorded results.
    pub(super) fn replay_instruction(&mut self) -> Flow {
        if self.reporting_here() {
            // Not an instruction: the uncaught exception's report made the call.
            return self.replay_report();
        }
        let frame: &mut Frame = self.top_frame()?;
        let index = frame
            .last
            .ok_or_else(|| PyException::new("SystemError", "replay with no instruction"))?;
        let instr = *frame
            .code
            .instrs
            .get(index)
            .ok_or_else(|| PyException::new("SystemError", "replay past the code"))?;
        let results = frame.take_replay();
        self.calls.replays += 1;
        self.calls.replayed += results.len() as u64;
        // Anything left from a call made outside `calling` goes first.
        self.release_call_results();
        self.calls.results = results;
        self.calls.cursor = 0;
        let result = self.execute_again(instr);
        if self.calls.request.is_none() && self.calls.depth == 0 {
            self.release_call_results();
        }
        result
    }

    /// The uncaught exception's report runs again with its recorded results.
    #[cold]
    #[inline(never)]
    fn replay_report(&mut self) -> Flow {
        let results = self.top_frame()?.take_replay();
        self.calls.replays += 1;
        self.calls.replayed += results.len() as u64;
        self.release_call_results();
        self.calls.results = results;
        self.calls.cursor = 0;
        self.continue_report().map(|_| ())
    }

    /// The exception a replayed frame raised (its reference moves to the
    /// caller's record) and the caller's instruction runs again.
    pub(super) fn replay_raised(&mut self, exc: ObjId) -> Flow {
        let holder = self.continuation_referrer();
        self.heap.incref(exc, holder);
        self.heap.decref(exc, self.raised_referrer());
        if let Some(frame) = self.frames.last_mut() {
            frame.calls_mut().replay.push(CallResult::Raised(exc));
        }
        self.replay_instruction()
    }

    /// The class-level attribute `name` of an instance's class (a special
    /// method is looked up on the type, never on the instance).
    /// `special_method(obj, "__next__")`, answered by the class's
    /// attribute plan when it has one (a plain function found on the class
    /// needs no walk of the MRO per item).
    pub(super) fn next_method(&mut self, obj: ObjId) -> Option<ObjId> {
        if let Value::Instance { class, .. } = *self.heap.value(obj)
            && let Some(super::attr_cache::Fallback::Method(next)) = self
                .class_attr_plan(class, self.next_symbol)
                .and_then(|plan| plan.load)
        {
            return Some(next);
        }
        self.special_method(obj, "__next__")
    }

    pub(super) fn special_method(&self, obj: ObjId, name: &str) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Instance { class, .. } => self.class_lookup(*class, name),
            // A class's own type is its metaclass (`__len__`, `__iter__`…).
            Value::Class(_) => self.meta_hook(obj, name),
            _ => None,
        }
    }
}

impl Vm {
    /// An instruction run again by a replay (kept out of the hot loop).
    #[inline(never)]
    fn execute_again(&mut self, instr: super::code::Instr) -> Flow {
        self.execute(instr)
    }
}
