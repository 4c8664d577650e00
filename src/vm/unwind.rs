//! The one unwind path, driven by the code object's exception table
//! (CPython's `exception_unwind` in `Python/ceval.c`).
//!
//! An error leaving an instruction becomes an exception object. The frame
//! it was raised in gets a traceback entry (unless it is re-raised), then,
//! frame by frame: if the exception table protects the failing instruction,
//! the value stack is popped to the handler's depth (each reference dropped
//! with its decref event), the raising offset is pushed when the entry says
//! `lasti`, the exception is pushed and execution continues at the handler;
//! otherwise the frame is popped and its caller gets a traceback entry. When
//! no frame is left, the traceback is printed as CPython prints it.

use super::exceptions::{PyException, TracebackEntry, format_traceback_text};
use super::frame::Slot;
use super::heap::{ObjId, Referrer, Value};
use super::report::{Event, Outcome};
use super::types::{ExcKind, ExcObject, TypeKind};
use super::{Flow, RECURSION_LIMIT, Vm};

/// The referrer of the exception being handled (`sys.exception()`).
pub(super) fn exc_info_referrer(vm: &Vm) -> Referrer {
    Referrer::Field {
        owner: vm.exc_info_symbol,
        field: "exception",
    }
}

/// An uncaught exception being reported while the `__str__` calls of its
/// traceback run as frames (see [`Vm::report_uncaught`]).
#[derive(Debug, Clone)]
pub(super) struct Report {
    /// The exception (its reference still the raised one).
    pub(super) exc: ObjId,
    /// The "Did you mean" that ends its last line.
    hint: String,
    /// How many frames there were: the calls' results go to the innermost.
    depth: usize,
}

/// The referrer of the uncaught exception (`sys.last_exc`).
pub(super) fn last_exc_referrer(vm: &Vm) -> Referrer {
    Referrer::Field {
        owner: vm.exc_info_symbol,
        field: "last_exc",
    }
}

impl Vm {
    /// The holder of an exception in flight (CPython's `tstate->current_exception`).
    pub(super) fn raised_referrer(&self) -> Referrer {
        Referrer::Field {
            owner: self.exc_info_symbol,
            field: "raised exception",
        }
    }

    /// A new exception instance of `kind` whose `args` holds `args`
    /// (borrowed: the tuple takes its own references).
    pub(super) fn new_exception(&mut self, kind: ExcKind, args: Vec<ObjId>) -> ObjId {
        let args = self.tuple_object(args, false);
        let exc = self.heap.alloc(Value::Exception(Box::new(ExcObject {
            kind,
            args,
            cause: None,
            context: None,
            suppress_context: false,
            traceback: Vec::new(),
            class: None,
            dict: None,
            type_name: kind.name(),
            missing: None,
        })));
        let address = self.heap.get(exc).address;
        self.heap.incref(
            args,
            Referrer::Attribute {
                owner: address,
                name: "args",
            },
        );
        exc
    }

    /// The exception object of an error: the one raised, or a new instance
    /// of the named class with the message as its argument. A new reference.
    pub(super) fn exception_object(&mut self, error: &PyException) -> ObjId {
        if let Some(object) = error.object {
            return object;
        }
        let kind = ExcKind::by_name(error.kind)
            .or_else(|| ExcKind::by_name("SystemError"))
            .unwrap_or(ExcKind(0));
        let args = if error.message.is_empty() {
            Vec::new()
        } else {
            vec![self.str_object(&error.message)]
        };
        let exc = self.new_exception(kind, args);
        self.heap.incref(exc, self.raised_referrer());
        exc
    }

    /// Where frame `index` stands, as a traceback entry.
    fn traceback_entry(&self, index: usize) -> Option<TracebackEntry> {
        let frame = self.frames.get(index)?;
        Some(TracebackEntry {
            filename: frame.code.code.filename.clone(),
            line: frame.current_line(),
            name: frame.code.code.name.clone(),
            position: frame.last.and_then(|i| frame.code.position(i)),
        })
    }

    pub(super) fn add_traceback_entry(&mut self, exc: ObjId) {
        let Some(entry) = self.traceback_entry(self.frames.len().wrapping_sub(1)) else {
            return;
        };
        if let Value::Exception(object) = self.heap.value_mut(exc) {
            object.traceback.push(entry);
        }
    }

    /// An error escaped an instruction: find its handler, or end the program.
    pub(super) fn unwind(&mut self, mut error: Box<PyException>) -> Outcome {
        // A replayed instruction may fail again: the loop, not recursion,
        // carries its error on (a deep chain of `__repr__`s must not
        // exhaust the Rust stack).
        loop {
            match self.unwind_once(error) {
                Ok(outcome) => return outcome,
                Err(next) => error = next,
            }
        }
    }

    /// One error: `Err` when the instruction it was replayed into fails again.
    fn unwind_once(&mut self, mut error: Box<PyException>) -> Result<Outcome, Box<PyException>> {
        if Vm::is_pending(&error) {
            super::special::recycle_signal(error);
            if let Some(drain) = self.take_drain_request() {
                // A builtin drains an iterable whose items come from Python code.
                let depth = self.frames.len();
                return match drain.and_then(|drain| self.begin_drain(drain)) {
                    Ok(()) if self.frames.len() > depth => Ok(Outcome::Called),
                    Ok(()) => Ok(self.after_replay()),
                    Err(error) => Err(error),
                };
            }
            return match self.start_pending_call() {
                Some(Ok(outcome)) => Ok(outcome),
                // The call could not start (bad arguments, recursion): the
                // caller's instruction sees it raise.
                Some(Err(error)) if !error.fatal => {
                    let exc = self.exception_object(&error);
                    self.chain_context(exc);
                    self.add_traceback_entry(exc);
                    self.replay_raised(exc).map(|()| self.after_replay())
                }
                Some(Err(error)) => Ok(self.raise(error)),
                // (No call was asked for: the signal itself is the error.)
                None => Ok(self.raise(super::special::pending_error())),
            };
        }
        if error.fatal {
            return Ok(self.raise(error));
        }
        self.unwinds += 1;
        let exc = self.exception_object(&error);
        let mut missing = error.missing.take();
        if !error.reraise {
            self.chain_context(exc);
            self.add_traceback_entry(exc);
            if let Some(missing) = &missing
                && let Value::Exception(object) = self.heap.value_mut(exc)
            {
                object.missing = Some(missing.clone());
            }
        } else {
            // A bare `raise` of it: an `AttributeError`'s names were taken
            // when it was raised; a `NameError`'s frame is still the
            // innermost when it is re-raised where it was raised.
            missing = match self.heap.value(exc) {
                Value::Exception(object) => object
                    .missing
                    .clone()
                    .filter(|kept| kept.attributes.is_some() || object.traceback.len() == 1),
                _ => None,
            };
        }
        let text = self.raise_narration(exc);
        self.heap
            .recorder
            .record(|| Event::Raise { exception: text });
        loop {
            let Some(frame) = self.frames.last() else {
                self.reraise_lasti = None;
                return Ok(self.uncaught(exc, String::new(), &[]));
            };
            let handler = frame.last.and_then(|i| frame.code.handler_for(i));
            if let Some(handler) = handler {
                return Ok(match self.enter_handler(exc, handler) {
                    Ok(()) => Outcome::Continued,
                    Err(error) => self.raise(error),
                });
            }
            if self.native_sink() {
                // A generator resumed (or a function called) for native
                // code raised: that code sees it, as the result of its step.
                self.reraise_lasti = None;
                let depth = self.frames.len();
                return self.native_raised(exc).map(|()| {
                    if self.frames.len() >= depth {
                        Outcome::Called
                    } else {
                        self.after_replay()
                    }
                });
            }
            if matches!(
                frame.on_return,
                Some(
                    super::frame::Continuation::Replay
                        | super::frame::Continuation::Init { native: true, .. }
                )
            ) {
                // A special method (or the `__init__` of a class native code
                // called) raised: its caller's instruction sees it.
                self.reraise_lasti = None;
                if let Some(frame) = self.frames.last_mut()
                    && let Some(super::frame::Continuation::Init { instance, .. }) =
                        frame.on_return.take()
                {
                    self.heap.decref(instance, self.continuation_referrer());
                }
                self.pop_frame();
                self.add_traceback_entry(exc);
                return self.replay_raised(exc).map(|()| self.after_replay());
            }
            if let Some(super::frame::Continuation::Finalizer { object, .. }) = frame.on_return {
                // `__del__` raised: reported as unraisable, and the program goes on.
                self.reraise_lasti = None;
                self.report_unraisable_del(object, exc);
                // (Handled: the narration must not call it uncaught.)
                let ignored = self.exception_line(exc);
                self.heap
                    .recorder
                    .record(|| Event::Caught { exception: ignored });
                self.pop_frame();
                self.heap.decref(exc, self.raised_referrer());
                self.heap.finish_pending_collection();
                if self.frames.is_empty() {
                    self.shutdown_continue();
                }
                return Ok(Outcome::Continued);
            }
            let generator_frame = frame.resumed.is_some();
            if !self.resumer_catches(frame, exc) && !self.handled_further_out(exc) {
                // Nothing will catch it: the frames stay for the post-mortem
                // (CPython's traceback keeps them alive), each with its entry.
                // The raising frame is still innermost: "Did you mean" looks there.
                let hint = match &missing {
                    Some(missing) => self.missing_name_hint(missing),
                    None => String::new(),
                };
                for index in (0..self.frames.len().saturating_sub(1)).rev() {
                    if let Some(entry) = self.traceback_entry(index)
                        && let Value::Exception(object) = self.heap.value_mut(exc)
                    {
                        object.traceback.push(entry);
                    }
                }
                // A `RERAISE`'s instruction belongs to this exception: a
                // later one (a generator closed at exit) must not take it.
                self.reraise_lasti = None;
                return self.report_uncaught(exc, hint);
            }
            self.reraise_lasti = None;
            if generator_frame {
                // The generator finishes; its resumer may catch the exception.
                match self.generator_raised(exc) {
                    Ok(true) => return Ok(Outcome::Continued),
                    Ok(false) => {}
                    Err(error) => return Ok(self.raise(error)),
                }
            } else {
                self.pop_frame();
            }
            self.add_traceback_entry(exc);
        }
    }

    /// Whether a frame under the innermost one has a handler at its call,
    /// or resumed a generator in a way that catches `exc` (`close()`).
    fn handled_further_out(&self, exc: ObjId) -> bool {
        let count = self.frames.len();
        self.frames[..count.saturating_sub(1)]
            .iter()
            .any(|frame| frame.last.and_then(|i| frame.code.handler_for(i)).is_some())
            || self.frames[1..]
                .iter()
                .any(|frame| self.resumer_catches(frame, exc))
            || self.frames[1..].iter().any(|frame| {
                matches!(
                    frame.on_return,
                    Some(
                        super::frame::Continuation::Replay
                            | super::frame::Continuation::Init { native: true, .. }
                            | super::frame::Continuation::Finalizer { .. }
                    )
                )
            })
    }

    /// A replayed instruction completed: the outcome of the step.
    fn after_replay(&mut self) -> Outcome {
        if let Some(outcome) = &self.outcome {
            return outcome.clone();
        }
        if self.track_lines {
            self.update_line_event();
        }
        Outcome::Returned
    }

    /// Pop to the handler's depth, push lasti and the exception, jump.
    fn enter_handler(&mut self, exc: ObjId, handler: super::code::Handler) -> Flow {
        let handler_search_at = self.top_frame()?.last.unwrap_or(0);
        let raising = self
            .reraise_lasti
            .take()
            .filter(|&index| index < self.frames.last().map_or(0, |f| f.code.instrs.len()))
            .unwrap_or(handler_search_at);
        while self.top_frame()?.stack.len() > handler.depth as usize {
            let popped = self.pop()?;
            self.release(popped);
        }
        if handler.lasti {
            let offset = self
                .top_frame()?
                .code
                .instrs
                .get(raising)
                .map_or(0, |instr| instr.offset);
            let lasti = self.int_object(i64::from(offset / 2));
            self.push(lasti)?;
        }
        // The error's reference moves onto the stack.
        self.push_slot(Slot::strong(exc))?;
        let caught = self.exception_line(exc);
        self.heap
            .recorder
            .record(|| Event::Caught { exception: caught });
        let frame = self.top_frame()?;
        // A generator thrown into at its yield stands at the RESUME after
        // it (`frame->instr_ptr`): that is the instruction before the
        // handler for CPython's line events.
        let resumed_at = frame
            .code
            .instrs
            .get(frame.pc)
            .filter(|i| i.opcode == crate::bytecode::opcodes::RESUME)
            .map(|_| frame.pc);
        frame.pc = handler.target as usize;
        frame.last = Some(resumed_at.unwrap_or(handler_search_at));
        if self.track_lines {
            self.update_line_event();
        }
        Ok(())
    }

    /// A new exception raised while another is handled gets it as `__context__`.
    pub(super) fn chain_context(&mut self, exc: ObjId) {
        let Some(current) = self.topmost_exception() else {
            return;
        };
        if current == exc {
            return;
        }
        // Avoid a cycle as CPython does (`_PyErr_SetObject`): where `exc`
        // already sits in `current`'s context chain, that link is cut, and
        // `exc` still gets `current` as its context.
        let mut link = current;
        loop {
            let next = match self.heap.value(link) {
                Value::Exception(object) => object.context,
                _ => None,
            };
            let Some(next) = next else { break };
            if next == exc {
                let owner = self.heap.get(link).address;
                if let Value::Exception(object) = self.heap.value_mut(link) {
                    object.context = None;
                }
                self.heap.decref(
                    exc,
                    Referrer::Attribute {
                        owner,
                        name: "__context__",
                    },
                );
                break;
            }
            link = next;
        }
        let address = self.heap.get(exc).address;
        let had_context = match self.heap.value_mut(exc) {
            Value::Exception(object) => object.context.replace(current),
            _ => return,
        };
        self.heap.incref(
            current,
            Referrer::Attribute {
                owner: address,
                name: "__context__",
            },
        );
        if let Some(old) = had_context {
            self.heap.decref(
                old,
                Referrer::Attribute {
                    owner: address,
                    name: "__context__",
                },
            );
        }
    }

    /// Nothing will catch `exc`: CPython's traceback printer runs once the
    /// frames are gone, and takes `str()` of each exception of the chain,
    /// which may call the program's `__str__`. Those calls run as frames
    /// above the post-mortem ones (each return replays the report, as a
    /// replayed instruction), then the program ends with the traceback.
    fn report_uncaught(&mut self, exc: ObjId, hint: String) -> Result<Outcome, Box<PyException>> {
        if self.is_exception_kind(exc, "SystemExit") {
            // `python3` ends on it before any printer runs (`_Py_HandleSystemExit`).
            return Ok(self.uncaught(exc, hint, &[]));
        }
        // The printer runs with no exception being handled (`sys.exception()` is None).
        if let Some(handled) = self.exc_info.take() {
            self.heap.decref(handled, exc_info_referrer(self));
        }
        self.report = Some(Box::new(Report {
            exc,
            hint,
            depth: self.frames.len(),
        }));
        self.continue_report()
    }

    /// Whether the innermost frame is the one the report's calls return to.
    pub(super) fn reporting_here(&self) -> bool {
        self.report
            .as_deref()
            .is_some_and(|report| report.depth == self.frames.len())
    }

    /// The report's texts, with the results of its calls so far: the end
    /// of the program once all are known, else the next call is pending.
    pub(super) fn continue_report(&mut self) -> Result<Outcome, Box<PyException>> {
        let Some(exc) = self.report.as_deref().map(|report| report.exc) else {
            return Err(PyException::new("SystemError", "no exception to report"));
        };
        let texts = self.calling(|vm| vm.exception_texts(exc))?;
        let hint = self
            .report
            .take()
            .map(|report| report.hint)
            .unwrap_or_default();
        Ok(self.uncaught(exc, hint, &texts))
    }

    /// The exceptions the traceback shows, outermost first (a cause, else
    /// a context not suppressed, as `traceback.format_exception` follows them).
    fn exception_chain(&self, exc: ObjId) -> Vec<ObjId> {
        let mut chain = vec![exc];
        while chain.len() <= 100 {
            let Some(Value::Exception(object)) = chain.last().map(|&e| self.heap.value(e)) else {
                break;
            };
            let next = match (object.cause, object.context) {
                (Some(cause), _) => cause,
                (None, Some(context)) if !object.suppress_context => context,
                _ => break,
            };
            chain.push(next);
        }
        chain
    }

    /// `str()` of each exception of the chain, as `TracebackException`
    /// takes it (`_safe_string`): one that raises is `<exception str() failed>`;
    /// and the lines of its notes (`__notes__`).
    fn exception_texts(&mut self, exc: ObjId) -> Flow<Vec<(String, String)>> {
        let chain = self.exception_chain(exc);
        let mut texts = Vec::with_capacity(chain.len());
        for link in chain {
            let text = match self.exception_str(link) {
                Ok(text) => text,
                Err(error) if error.fatal => return Err(error),
                Err(error) => {
                    self.drop_error(&error);
                    "<exception str() failed>".to_owned()
                }
            };
            let notes = self.exception_notes_text(link)?;
            texts.push((text, notes));
        }
        Ok(texts)
    }

    /// Nothing caught it: print the chain (`texts`: `str()` of each of its
    /// exceptions; `hint` ends its last line), release it, end the program.
    fn uncaught(&mut self, exc: ObjId, hint: String, texts: &[(String, String)]) -> Outcome {
        let chain = self.exception_chain(exc);
        let mut text = String::new();
        for (index, &link) in chain.iter().enumerate().rev() {
            let (mut str, notes) = texts
                .get(index)
                .cloned()
                .unwrap_or_else(|| (self.heap.str(link), String::new()));
            // (A "Did you mean" ends the exception's line, before its notes.)
            let with_hint = index == 0 && !hint.is_empty();
            if with_hint {
                str.push_str(&hint);
            }
            let mut one = self.format_one_exception(link, &str);
            if with_hint && str == hint {
                // (An empty `str()` gave the bare type name: the hint goes after it.)
                one = self.format_one_exception(link, "");
                one.pop();
                one.push_str(&hint);
                one.push('\n');
            }
            text.push_str(&one);
            text.push_str(&notes);
            if index > 0 {
                let caused = matches!(
                    self.heap.value(chain[index - 1]),
                    Value::Exception(object) if object.cause == Some(link)
                );
                text.push_str(if caused {
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                } else {
                    "\nDuring handling of the above exception, another exception occurred:\n\n"
                });
            }
        }
        // It stays alive as `sys.last_exc`, with the frames, for the post-mortem.
        self.heap.incref(exc, last_exc_referrer(self));
        self.heap.decref(exc, self.raised_referrer());
        self.last_exc = Some(exc);
        if let Some(handled) = self.exc_info.take() {
            self.heap.decref(handled, exc_info_referrer(self));
        }
        let outcome = Outcome::Raised(text);
        self.outcome = Some(outcome.clone());
        if self.exit_after_exception() {
            // The interpreter's exit runs finalizers first (`shutdown.rs`).
            return Outcome::Continued;
        }
        outcome
    }

    /// How `python3` ends on an uncaught `SystemExit` (`_Py_HandleSystemExit`):
    /// its code None is status 0, an int is the status (as the process's
    /// 8 bits), anything else is printed to stderr and the status is 1.
    pub(super) fn exit_of(&self, exc: ObjId) -> (i32, String) {
        let code = self.system_exit_code(exc);
        match self.heap.value(code) {
            Value::None => (0, String::new()),
            Value::Bool(b) => (i32::from(*b), String::new()),
            Value::Int(v) => ((*v & 0xff) as i32, String::new()),
            // Past a C long: PyLong_AsLong's -1.
            Value::BigInt(_) => (255, String::new()),
            _ => {
                let text = self
                    .heap
                    .try_str(code)
                    .unwrap_or_else(|_| self.heap.short_repr(code));
                (1, format!("{text}\n"))
            }
        }
    }

    /// One exception's traceback and last line (`text`: its `str()`).
    fn format_one_exception(&self, exc: ObjId, text: &str) -> String {
        let Value::Exception(object) = self.heap.value(exc) else {
            return String::new();
        };
        let entries: Vec<TracebackEntry> = object.traceback.iter().rev().cloned().collect();
        let last = self.exception_line_with(exc, text);
        if entries.is_empty() {
            format!("{last}\n")
        } else {
            format_traceback_text(&entries, &self.source, &last)
        }
    }

    /// `ValueError: message`, or the class name alone when `str(e)` is empty.
    pub(super) fn exception_line(&self, exc: ObjId) -> String {
        self.exception_line_with(exc, &self.heap.str(exc))
    }

    /// How the narration names a raised exception: `ValueError: message`,
    /// or, when its class has its own `__str__` (Python code, not run
    /// here: it runs only if a traceback is printed), its default repr
    /// `Insufficient(15)`, which says what it holds without claiming what
    /// `str()` would give.
    fn raise_narration(&self, exc: ObjId) -> String {
        if self.heap.recorder.enabled && self.exception_hook(exc, "__str__").is_some() {
            return self.heap.repr(exc);
        }
        self.exception_line(exc)
    }

    /// `exception_line` with `str(e)` given.
    fn exception_line_with(&self, exc: ObjId, text: &str) -> String {
        let name = self.heap.value(exc).type_name();
        if text.is_empty() {
            name.to_owned()
        } else {
            format!("{name}: {text}")
        }
    }

    /// `isinstance(value, classinfo)` for a type or a tuple of types.
    pub(super) fn is_instance(&self, value: ObjId, classinfo: ObjId) -> Flow<bool> {
        self.is_instance_within(value, classinfo, 0)
    }

    /// Nested classinfo tuples recurse here, their depth budgeted as the
    /// recursion limit: a deep one is a `RecursionError`, never a crash.
    fn is_instance_within(&self, value: ObjId, classinfo: ObjId, depth: usize) -> Flow<bool> {
        let kind = self.heap.value(value).type_kind();
        if let Some(members) = self.union_members(classinfo) {
            // A union is the tuple of its members.
            for member in members {
                if self.is_instance_within(value, member, depth + 1)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match self.heap.value(classinfo) {
            Value::GenericAlias { .. } => Err(self.parameterized_generic_error("isinstance")),
            Value::Class(_) => Ok(self.is_instance_of_class(value, classinfo)),
            Value::Type(target) => Ok(kind.is_subtype(*target)),
            Value::Tuple(_) if depth >= RECURSION_LIMIT.saturating_sub(self.frames.len()) => {
                Err(PyException::new(
                    "RecursionError",
                    "maximum recursion depth exceeded in __instancecheck__",
                ))
            }
            Value::Tuple(items) => {
                for &item in items.iter() {
                    if self.is_instance_within(value, item, depth + 1)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyException::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            )),
        }
    }

    /// `CHECK_EXC_MATCH`'s test: `except` clauses must name exception classes.
    pub(super) fn exception_matches(&self, exc: ObjId, classinfo: ObjId) -> Flow<bool> {
        let valid = |id: ObjId| self.class_exception_kind(id).is_some();
        let all_valid = match self.heap.value(classinfo) {
            Value::Tuple(items) => items.iter().all(|&i| valid(i)),
            _ => valid(classinfo),
        };
        if !all_valid {
            return Err(PyException::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        self.is_instance(exc, classinfo)
    }

    /// `raise X` / `raise X from Y`: the exception object to raise (a new reference).
    pub(super) fn exception_to_raise(&mut self, value: ObjId) -> Flow<ObjId> {
        match self.heap.value(value) {
            Value::Exception(_) => {
                self.heap.incref(value, self.raised_referrer());
                Ok(value)
            }
            Value::Type(TypeKind::Exc(kind)) => {
                let kind = *kind;
                let exc = self.new_exception(kind, Vec::new());
                self.heap.incref(exc, self.raised_referrer());
                Ok(exc)
            }
            Value::Class(_) if self.class_exception_kind(value).is_some() => {
                let exc = self
                    .instantiate_exception_class(value)?
                    .ok_or_else(|| PyException::new("SystemError", "not an exception class"))?;
                self.heap.incref(exc, self.raised_referrer());
                Ok(exc)
            }
            _ => Err(PyException::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    /// Set `__cause__` (None: no cause) and `__suppress_context__`.
    pub(super) fn set_cause(&mut self, exc: ObjId, cause: Option<ObjId>) {
        let address = self.heap.get(exc).address;
        let referrer = Referrer::Attribute {
            owner: address,
            name: "__cause__",
        };
        if let Some(cause) = cause {
            self.heap.incref(cause, referrer);
        }
        let old = match self.heap.value_mut(exc) {
            Value::Exception(object) => {
                object.suppress_context = true;
                std::mem::replace(&mut object.cause, cause)
            }
            _ => None,
        };
        if let Some(old) = old {
            self.heap.decref(old, referrer);
        }
    }
}
