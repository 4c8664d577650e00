//! Generators: `RETURN_GENERATOR` moves the new frame into a generator
//! object; resuming it (`next`, `for`, `send`, `throw`, `close`, `yield
//! from`, a consuming builtin) pushes that frame back onto the frame stack,
//! so every instruction of the generator's body is one step, as in CPython
//! 3.14 where the frame is embedded in the generator.
//!
//! A running generator frame carries a [`Resume`]: what its resumer does with
//! a yielded value, a return or an exception (CPython's `gen_send_ex2`
//! callers and the `return_offset` of `FOR_ITER_GEN`/`SEND_GEN`).

use std::sync::Arc;

use super::builtins::Builtin;
use super::containers::Method;
use super::exceptions::PyException;
use super::frame::{CallResult, Continuation, Frame, Resume, ResumeMode, Slot};
use super::heap::{ObjId, Referrer, Value};
use super::report::Event;
use super::types::generator::{GenState, Generator};
use super::types::{ExcKind, TypeKind};
use super::{Flow, Popped, RECURSION_LIMIT, Vm};

/// What a call does to a generator.
pub(super) enum GenCall {
    /// `next(g[, default])`, `g.send(v)`: resume with a value.
    Send,
    Throw,
    Close,
}

impl Vm {
    fn generator(&self, id: ObjId) -> Option<&Generator> {
        match self.heap.value(id) {
            Value::Generator(generator) => Some(generator),
            _ => None,
        }
    }

    fn generator_mut(&mut self, id: ObjId) -> Option<&mut Generator> {
        match self.heap.value_mut(id) {
            Value::Generator(generator) => Some(generator),
            _ => None,
        }
    }

    fn generator_state(&self, id: ObjId) -> GenState {
        self.generator(id).map_or(GenState::Finished, |g| g.state)
    }

    /// A new exception of a built-in class, ready to be raised.
    pub(super) fn raise_new(&mut self, kind: &str, args: Vec<ObjId>) -> Box<PyException> {
        let kind = ExcKind::by_name(kind).unwrap_or(ExcKind(0));
        let exc = self.new_exception(kind, args);
        self.heap.incref(exc, self.raised_referrer());
        PyException::object(exc, false)
    }

    // RETURN_GENERATOR (-- res): the frame (its locals already bound) moves
    // into a new generator object, which the caller gets.
    #[inline(never)]
    pub(super) fn return_generator(&mut self) -> Flow {
        if self.frames.len() < 2 {
            return Err(PyException::new(
                "SystemError",
                "RETURN_GENERATOR at the top",
            ));
        }
        let Some(mut frame) = self.frames.pop_boxed() else {
            return Err(PyException::new("SystemError", "no frame"));
        };
        // A generator function called from inside an instruction (an
        // `__iter__` that yields): the generator is that call's result.
        let replayed = matches!(frame.on_return, Some(Continuation::Replay));
        if replayed {
            frame.on_return = None;
        }
        // Called for a drain (`map(genfunc, xs)`): the generator is the call's result.
        let drained = match frame.resumed.take().map(|r| *r) {
            Some(Resume {
                mode: ResumeMode::DrainCall(drain),
                ..
            }) => Some(drain),
            _ => None,
        };
        let code = Arc::clone(&frame.code);
        let qualname = code.code.qualname.clone();
        let generator = self.heap.alloc(Value::Generator(Box::new(Generator {
            frame: Some(frame),
            state: GenState::Created,
            code,
            exc_state: None,
        })));
        let address = self.heap.get(generator).address;
        self.heap.recorder.record(|| Event::Return {
            from: qualname,
            obj: generator,
            address,
            yielded: false,
        });
        if replayed {
            // The record's reference, released when the instruction ends.
            self.heap.incref(generator, self.continuation_referrer());
            return self.replay_returned(generator);
        }
        if let Some(drain) = drained {
            self.heap.incref(generator, self.continuation_referrer());
            return self.deliver(Some(drain), |_| CallResult::Returned(generator));
        }
        self.push(generator)
    }

    /// The exception `raise` re-raises and new exceptions chain to: the
    /// innermost one being handled, looking through resumed generators'
    /// callers (`_PyErr_GetTopmostException`).
    pub(super) fn topmost_exception(&self) -> Option<ObjId> {
        if self.exc_info.is_some() {
            return self.exc_info;
        }
        self.frames
            .iter()
            .rev()
            .filter_map(|f| f.resumed.as_deref())
            .find_map(|r| r.saved_exc)
    }

    /// Resume `generator`: push its frame with `sent` (None if not given) on
    /// its stack, or throw `throw` into it. Takes over the references
    /// `Resume::held` names (released here when it cannot resume).
    #[inline(never)]
    pub(super) fn resume(
        &mut self,
        generator: ObjId,
        sent: Option<ObjId>,
        throw: Option<Box<PyException>>,
        holds: bool,
        mode: ResumeMode,
    ) -> Flow {
        let resume = Resume {
            generator,
            holds,
            mode,
            saved_exc: None,
        };
        let state = self.generator_state(generator);
        let refusal = match state {
            GenState::Running => Some(PyException::new(
                "ValueError",
                "generator already executing",
            )),
            GenState::Created if sent.is_some_and(|s| s != self.singletons.none) => Some(
                PyException::type_error("can't send non-None value to a just-started generator"),
            ),
            _ => None,
        };
        if let Some(error) = refusal {
            self.drop_thrown(throw);
            self.release_resume(resume);
            return Err(error);
        }
        if state == GenState::Finished {
            return self.resume_finished(resume, throw);
        }
        if let Some(error) = self.frame_limit_error(1) {
            self.drop_thrown(throw);
            self.release_resume(resume);
            return Err(error);
        }
        self.push_generator_frame(resume)?;
        let sent = sent.unwrap_or(self.singletons.none);
        self.push(sent)?;
        if self.track_lines {
            self.update_line_event();
        }
        match throw {
            // Raised where the frame stopped (its last instruction, the yield).
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Put a created or suspended generator's frame on the frame stack
    /// (nothing pushed on its value stack yet), its exception state in place.
    fn push_generator_frame(&mut self, resume: Resume) -> Flow {
        let Some(generator_object) = self.generator_mut(resume.generator) else {
            return Err(PyException::new("SystemError", "resuming a non-generator"));
        };
        let Some(mut frame) = generator_object.frame.take() else {
            return Err(PyException::new(
                "SystemError",
                "a generator without a frame",
            ));
        };
        generator_object.state = GenState::Running;
        let own_exc = generator_object.exc_state.take();
        let saved_exc = std::mem::replace(&mut self.exc_info, own_exc);
        frame.resumed = Some(self.boxed_resume(Resume {
            saved_exc,
            ..resume
        }));
        let depth = self.frames.len();
        self.heap.recorder.record(|| Event::Call {
            callee: frame.code.code.qualname.clone(),
            depth,
        });
        self.frames.push_boxed(frame);
        Ok(())
    }

    /// `gi_yieldfrom` as far as it goes: the generator, the generator it is
    /// suspended delegating to (`yield from`), and so on.
    fn delegation_chain(&self, generator: ObjId) -> Vec<ObjId> {
        let mut chain = vec![generator];
        let mut current = generator;
        while chain.len() < RECURSION_LIMIT
            && self.generator_state(current) == GenState::SuspendedYieldFrom
            && let Some(delegate) = self.delegate_of(current)
            && matches!(
                self.generator_state(delegate),
                GenState::Suspended | GenState::SuspendedYieldFrom
            )
            && matches!(self.heap.value(delegate), Value::Generator(_))
        {
            chain.push(delegate);
            current = delegate;
        }
        chain
    }

    /// Throw `error` into the innermost generator of a `yield from` chain
    /// (`_gen_throw` recursing into `gi_yieldfrom`): the outer frames are
    /// entered first, unresumed, so what the inner one raises or returns
    /// lands at their `yield from`. The outermost (held by the caller) is
    /// resumed as `mode`; `closing` for `close()`.
    fn throw_into_chain(
        &mut self,
        chain: &[ObjId],
        error: Box<PyException>,
        mode: ResumeMode,
        closing: bool,
    ) -> Flow {
        let holder = self.continuation_referrer();
        let Some((&innermost, outers)) = chain.split_last() else {
            self.discard_error(error);
            return Ok(());
        };
        if outers.is_empty() {
            return self.resume(innermost, None, Some(error), true, mode);
        }
        if let Some(limit_error) = self.frame_limit_error(chain.len() + 1) {
            self.discard_error(error);
            self.heap.decref(chain[0], holder);
            return Err(limit_error);
        }
        for (index, &outer) in outers.iter().enumerate() {
            let mode = if index == 0 {
                mode.clone()
            } else {
                self.heap.incref(outer, holder);
                ResumeMode::Chain { closing }
            };
            self.push_generator_frame(Resume {
                generator: outer,
                holds: true,
                mode,
                saved_exc: None,
            })?;
        }
        self.heap.incref(innermost, holder);
        self.resume(
            innermost,
            None,
            Some(error),
            true,
            ResumeMode::Chain { closing },
        )
    }

    /// An error replaced by another: the exception object it raised is dropped.
    pub(super) fn discard_error(&mut self, error: Box<PyException>) {
        self.drop_thrown(Some(error));
    }

    fn drop_thrown(&mut self, throw: Option<Box<PyException>>) {
        if let Some(object) = throw.and_then(|t| t.object) {
            self.heap.decref(object, self.raised_referrer());
        }
    }

    /// Resuming a generator that has finished.
    fn resume_finished(&mut self, resume: Resume, throw: Option<Box<PyException>>) -> Flow {
        if let Some(error) = throw {
            self.release_resume(resume);
            return Err(error);
        }
        match resume.mode {
            ResumeMode::Call { default } => {
                if let Some(d) = default {
                    self.heap.incref(d, self.continuation_referrer());
                }
                self.release_resume(resume);
                match default {
                    Some(default) => {
                        self.push(default)?;
                        self.heap.decref(default, self.continuation_referrer());
                        Ok(())
                    }
                    None => Err(self.raise_new("StopIteration", Vec::new())),
                }
            }
            ResumeMode::ForIter { target } | ResumeMode::ForIterEnumerate { target, .. } => {
                self.jump_to(target, 1)
            }
            ResumeMode::ForIterZip {
                target,
                zip,
                index,
                items,
                checking,
            } => {
                // One iterator is exhausted: so is the zip (strict: checked).
                self.heap.incref(items, self.continuation_referrer());
                self.release_resume(resume);
                self.zip_ended(zip, index as usize, items, target, checking)
            }
            ResumeMode::Send { target } => {
                self.push(self.singletons.none)?;
                self.jump_to(target, 0)
            }
            ResumeMode::Close | ResumeMode::Finalize | ResumeMode::Chain { .. } => {
                let push = resume.mode == ResumeMode::Close;
                self.release_resume(resume);
                if push {
                    self.push(self.singletons.none)?;
                }
                Ok(())
            }
            ResumeMode::Logged(_) | ResumeMode::DrainCall(_) => {
                let sink = self.release_sink_resume(resume);
                self.deliver(sink, |index| CallResult::Next {
                    item: None,
                    end: index + 1,
                })
            }
        }
    }

    fn jump_to(&mut self, target: u32, skip: usize) -> Flow {
        self.top_frame()?.pc = target as usize + skip;
        Ok(())
    }

    /// Drop what a resume holds (the generator, a default, a builtin's state).
    fn release_resume(&mut self, resume: Resume) {
        let holder = self.continuation_referrer();
        for held in resume.own_held().into_iter().flatten() {
            self.heap.decref(held, holder);
        }
        if let Some(drain) = resume.drain() {
            for held in drain.held() {
                self.heap.decref(held, holder);
            }
        }
    }

    /// The generator frame on top stops: it goes back into its generator
    /// (suspended) or is cleared (finished); the resumer's exception state
    /// comes back. Returns how it had been resumed.
    pub(super) fn leave_generator_frame(&mut self, finished: bool) -> Flow<Resume> {
        let resume = self
            .frames
            .last_mut()
            .and_then(|f| f.resumed.take())
            .ok_or_else(|| PyException::new("SystemError", "not a generator frame"))?;
        let resume = self.unbox_resume(resume);
        let own_exc = std::mem::replace(&mut self.exc_info, resume.saved_exc);
        if finished {
            if let Some(exc) = own_exc {
                self.heap
                    .decref(exc, super::unwind::exc_info_referrer(self));
            }
            self.pop_frame();
            if let Some(generator) = self.generator_mut(resume.generator) {
                generator.state = GenState::Finished;
            }
        } else {
            let Some(frame) = self.frames.pop_boxed() else {
                return Err(PyException::new("SystemError", "no frame"));
            };
            if let Some(generator) = self.generator_mut(resume.generator) {
                generator.suspend(frame, own_exc);
            }
        }
        Ok(resume)
    }

    // YIELD_VALUE (retval -- value): the frame stops; the value goes to its resumer.
    #[inline(never)]
    pub(super) fn yield_value(&mut self) -> Flow {
        let (value, popped) = self.pop_object()?;
        if popped.slot.borrowed {
            // A yielded value outlives the borrow (PyStackRef_MakeHeapSafe).
            self.heap.incref(value, popped.referrer());
        }
        let logged = match self.frames.last().and_then(|f| f.resumed.as_deref()) {
            Some(resume) => matches!(resume.mode, ResumeMode::Logged(_)),
            None => {
                return Err(PyException::new("SystemError", "yield outside a generator"));
            }
        };
        if logged {
            // Native code wanted the next item: it is logged for it.
            let resume = self.leave_generator_frame(false)?;
            self.record_generator_return(resume.generator, value, true);
            let holder = self.continuation_referrer();
            self.heap.incref(value, holder);
            self.heap.decref(value, popped.referrer());
            let sink = self.release_sink_resume(resume);
            return self.deliver(sink, |index| CallResult::Next {
                item: Some(value),
                end: index + 1,
            });
        }
        let mut resume = self.leave_generator_frame(false)?;
        if resume.mode == (ResumeMode::Chain { closing: true }) {
            // `gen_close` of the delegate fails; the error lands at the outer `yield from`.
            self.heap.decref(value, popped.referrer());
            self.release_resume(resume);
            return Err(PyException::new(
                "RuntimeError",
                "generator ignored GeneratorExit",
            ));
        }
        // A value yielded inside a `yield from` chain goes past the outer
        // generators (they stay suspended) to the outermost one's resumer.
        while let ResumeMode::Chain { .. } = resume.mode {
            self.release_resume(resume);
            resume = self.leave_generator_frame(false)?;
        }
        self.record_generator_return(resume.generator, value, true);
        match resume.mode {
            ResumeMode::Close => {
                self.heap.decref(value, popped.referrer());
                self.release_resume(resume);
                Err(PyException::new(
                    "RuntimeError",
                    "generator ignored GeneratorExit",
                ))
            }
            ResumeMode::Finalize => {
                self.heap.decref(value, popped.referrer());
                self.release_resume(resume);
                Err(self.unsupported("a generator that yields while it is closed on deletion"))
            }
            ResumeMode::ForIterZip {
                index,
                items,
                checking: true,
                ..
            } => {
                // `zip(strict=True)`: an iterator after the first went on.
                self.heap.decref(value, popped.referrer());
                self.heap.decref(items, self.continuation_referrer());
                Err(super::iterators::zip_length_mismatch(
                    index as usize,
                    "longer",
                ))
            }
            ResumeMode::ForIterZip {
                target,
                zip,
                index,
                items,
                checking: false,
            } => {
                // The item joins the others; the next iterator gives its own.
                let appended = self.list_push_hinted(items, value);
                self.heap.decref(value, popped.referrer());
                if let Err(error) = appended {
                    self.heap.decref(items, self.continuation_referrer());
                    return Err(error);
                }
                self.zip_step(zip, index as usize + 1, items, target)
            }
            ResumeMode::ForIterEnumerate { enumerate, .. } => {
                // `enum_next`: (count, item), the count moving on.
                let count = match self.heap.value_mut(enumerate) {
                    Value::Enumerate { count, .. } => {
                        *count += 1;
                        *count - 1
                    }
                    _ => 0,
                };
                let index = self.int_object(count);
                let pair = self.tuple_object(vec![index, value], false);
                self.push(pair)?;
                self.heap.decref(value, popped.referrer());
                Ok(())
            }
            _ => {
                self.release_resume(resume);
                // The yielded reference moves onto the resumer's stack.
                self.push(value)?;
                self.heap.decref(value, popped.referrer());
                Ok(())
            }
        }
    }

    /// `RETURN_VALUE` in a generator frame: it finishes.
    #[inline(never)]
    /// The recorder's event for a generator frame handing `value` back
    /// (a yield, or its return).
    fn record_generator_return(&mut self, generator: ObjId, value: ObjId, yielded: bool) {
        if !self.heap.recorder.enabled {
            return;
        }
        let address = self.heap.get(value).address;
        let from = self
            .generator(generator)
            .map(|g| g.code.code.qualname.clone())
            .unwrap_or_default();
        self.heap.recorder.record(|| Event::Return {
            from,
            obj: value,
            address,
            yielded,
        });
    }

    pub(super) fn generator_return(&mut self, value: ObjId, popped: Popped) -> Flow {
        let holder = self.continuation_referrer();
        // The value outlives the frame, held for the resumer meanwhile.
        self.heap.incref(value, holder);
        self.release(popped);
        if self.native_sink() {
            let call = self.frames.last().is_some_and(|f| {
                matches!(
                    f.resumed.as_deref().map(|r| &r.mode),
                    Some(ResumeMode::DrainCall(_))
                )
            });
            let from = if self.heap.recorder.enabled {
                self.frames.last().map(|f| f.code.code.qualname.clone())
            } else {
                None
            };
            let generator = self
                .frames
                .last()
                .and_then(|f| f.resumed.as_deref())
                .map(|r| r.generator);
            // A class called by a drain: `__init__` returned, the instance
            // (the continuation's reference) is the call's result.
            let init = match self.frames.last_mut() {
                Some(frame) => match frame.on_return {
                    Some(Continuation::Init { instance, .. }) => {
                        frame.on_return = None;
                        Some(instance)
                    }
                    _ => None,
                },
                None => None,
            };
            let sink = self.leave_native_frame()?;
            if let Some(instance) = init {
                let result = self.init_result(instance, value);
                self.heap.decref(value, holder);
                return match result {
                    Ok(instance) => self.deliver(sink, |_| CallResult::Returned(instance)),
                    Err(exc) => {
                        self.heap.incref(exc, holder);
                        self.heap.decref(exc, self.raised_referrer());
                        self.deliver(sink, |_| CallResult::Raised(exc))
                    }
                };
            }
            if call {
                // A function called by a drain returned: its value is logged.
                if self.heap.recorder.enabled {
                    let address = self.heap.get(value).address;
                    self.heap.recorder.push(Event::Return {
                        from: from.unwrap_or_default(),
                        obj: value,
                        address,
                        yielded: false,
                    });
                }
                return self.deliver_returned(sink, generator, value);
            }
            // A generator resumed for native code finished: it has no more items.
            if let Some(generator) = generator {
                self.record_generator_return(generator, value, false);
            }
            self.heap.decref(value, holder);
            return self.deliver(sink, |index| CallResult::Next {
                item: None,
                end: index + 1,
            });
        }
        let resume = self.leave_generator_frame(true)?;
        self.record_generator_return(resume.generator, value, false);
        let result = match resume.mode {
            ResumeMode::Call {
                default: Some(default),
            } => {
                self.push(default)?;
                Ok(())
            }
            ResumeMode::Call { default: None } => {
                let args = if value == self.singletons.none {
                    Vec::new()
                } else {
                    vec![value]
                };
                Err(self.raise_new("StopIteration", args))
            }
            ResumeMode::ForIter { target } | ResumeMode::ForIterEnumerate { target, .. } => {
                self.jump_to(target, 1)
            }
            ResumeMode::ForIterZip {
                target,
                zip,
                index,
                items,
                checking,
            } => {
                // The reference `release_resume` drops below.
                self.heap.incref(items, holder);
                self.zip_ended(zip, index as usize, items, target, checking)
            }
            ResumeMode::Send { target } => {
                self.push(value)?;
                self.jump_to(target, 0)
            }
            ResumeMode::Close => self.push(value),
            ResumeMode::Finalize => Ok(()),
            // The delegate closed: the generator under it gets GeneratorExit.
            ResumeMode::Chain { closing: true } => Err(self.raise_new("GeneratorExit", Vec::new())),
            // The delegate returned: its value ends the `yield from` under it.
            ResumeMode::Chain { closing: false } => {
                let args = if value == self.singletons.none {
                    Vec::new()
                } else {
                    vec![value]
                };
                Err(self.raise_new("StopIteration", args))
            }
            // Taken by `native_sink` above.
            ResumeMode::Logged(_) | ResumeMode::DrainCall(_) => Ok(()),
        };
        self.heap.decref(value, holder);
        self.release_resume(resume);
        result
    }

    /// An exception leaves the generator frame on top (no handler there).
    /// True when its resumer catches it (`close()` and finalization catch
    /// `GeneratorExit`); otherwise it goes on into the resumer's frame.
    #[cold]
    #[inline(never)]
    pub(super) fn generator_raised(&mut self, exc: ObjId) -> Flow<bool> {
        let resume = self.leave_generator_frame(true)?;
        let generator_exit = self.is_exception_kind(exc, "GeneratorExit");
        let caught =
            matches!(resume.mode, ResumeMode::Close | ResumeMode::Finalize) && generator_exit;
        if let ResumeMode::ForIterZip { items, .. } = resume.mode {
            self.heap.decref(items, self.continuation_referrer());
        }
        let finalize = resume.mode == ResumeMode::Finalize;
        let close = resume.mode == ResumeMode::Close;
        self.release_resume(Resume {
            mode: ResumeMode::Close,
            ..resume
        });
        if caught {
            self.heap.decref(exc, self.raised_referrer());
            if close {
                self.push(self.singletons.none)?;
            }
            return Ok(true);
        }
        if finalize {
            return Err(
                self.unsupported("an exception raised while a generator is closed on deletion")
            );
        }
        Ok(false)
    }

    /// Whether the generator frame on top catches `exc` when it leaves it.
    /// (Finalization takes every exception: CPython reports it as unraisable.)
    pub(super) fn resumer_catches(&self, frame: &Frame, exc: ObjId) -> bool {
        match frame.resumed.as_deref().map(|r| &r.mode) {
            Some(ResumeMode::Finalize) => true,
            Some(ResumeMode::Close) => self.is_exception_kind(exc, "GeneratorExit"),
            // Native code sees every exception as the result of its step.
            Some(ResumeMode::Logged(_) | ResumeMode::DrainCall(_)) => true,
            _ => false,
        }
    }

    pub(super) fn is_exception_kind(&self, exc: ObjId, name: &str) -> bool {
        let Some(kind) = TypeKind::by_name(name) else {
            return false;
        };
        self.heap.value(exc).type_kind().is_subtype(kind)
    }

    /// `gi_running`, `gi_suspended`, `gi_yieldfrom`; `None` for other names.
    #[cold]
    #[inline(never)]
    pub(super) fn generator_attribute(
        &mut self,
        owner: ObjId,
        name: &str,
    ) -> Option<Flow<super::classes::AttrFound>> {
        let state = self.generator_state(owner);
        let value = match name {
            "gi_running" => self.bool_object(state == GenState::Running),
            "gi_suspended" => self.bool_object(matches!(
                state,
                GenState::Suspended | GenState::SuspendedYieldFrom
            )),
            "gi_yieldfrom" => match state {
                GenState::SuspendedYieldFrom => {
                    self.delegate_of(owner).unwrap_or(self.singletons.none)
                }
                _ => self.singletons.none,
            },
            _ => return None,
        };
        Some(Ok(super::classes::AttrFound::Value(value)))
    }

    // ---- calls on generators ---------------------------------------------------

    /// What a call does if it concerns a generator (`next(g)`, `g.send(v)`,
    /// `list(g)`…); `None` for every other call.
    #[inline(never)]
    pub(super) fn generator_call(&self, callable: ObjId, args: &[Popped]) -> Option<GenCall> {
        let first = args.first().and_then(|a| a.slot.obj);
        let first_is_generator =
            first.is_some_and(|f| matches!(self.heap.value(f), Value::Generator(_)));
        let method = match self.heap.value(callable) {
            Value::Builtin(Builtin::Method(method)) => Some(*method),
            Value::BoundMethod {
                method: Builtin::Method(method),
                ..
            } => Some(*method),
            _ => None,
        };
        if let Some(method) = method {
            return match method {
                Method::GenSend => Some(GenCall::Send),
                Method::GenThrow => Some(GenCall::Throw),
                Method::GenClose => Some(GenCall::Close),
                _ => None,
            };
        }
        if !first_is_generator {
            return None;
        }
        // Builtins that consume it drain it (`drain.rs`).
        match self.heap.value(callable) {
            Value::Builtin(Builtin::Next) => Some(GenCall::Send),
            _ => None,
        }
    }

    /// Carry out a [`GenCall`]: the call's references (arguments, callable)
    /// are released, the generator's moving to the resume.
    #[cold]
    #[inline(never)]
    pub(super) fn call_generator(
        &mut self,
        plan: GenCall,
        callable: ObjId,
        mut args: Vec<Popped>,
        callable_popped: Popped,
        kwnames: &[String],
    ) -> Flow {
        // A bound method's generator is its `__self__`.
        if let Value::BoundMethod { owner, .. } = *self.heap.value(callable) {
            let caller = self.top_frame()?;
            let (frame, index) = (caller.qualname, caller.stack.len() as u32);
            self.heap
                .incref(owner, Referrer::Stack { frame, slot: index });
            args.insert(
                0,
                Popped {
                    slot: Slot::strong(owner),
                    frame,
                    index,
                },
            );
        }
        let name = match plan {
            GenCall::Send if matches!(self.heap.value(callable), Value::Builtin(Builtin::Next)) => {
                "next"
            }
            GenCall::Send => "send",
            GenCall::Throw => "throw",
            GenCall::Close => "close",
        };
        let objects: Vec<ObjId> = args.iter().filter_map(|a| a.slot.obj).collect();
        let generator = objects.first().copied();
        let checked = match (generator, &plan) {
            (Some(g), _) if !matches!(self.heap.value(g), Value::Generator(_)) => {
                Err(PyException::type_error(format!(
                    "descriptor '{name}' for 'generator' objects doesn't apply to a '{}' object",
                    self.heap.value(g).type_name()
                )))
            }
            (None, _) => Err(PyException::type_error(format!(
                "unbound method generator.{name}() needs an argument"
            ))),
            _ if !kwnames.is_empty() => {
                Err(self.unsupported(&format!("keyword arguments to {name}() of a generator")))
            }
            (_, GenCall::Send) if name == "next" && objects.len() > 2 => {
                Err(PyException::type_error(format!(
                    "next expected at most 2 arguments, got {}",
                    objects.len()
                )))
            }
            (_, GenCall::Send) if name == "send" && objects.len() != 2 => {
                Err(PyException::type_error(format!(
                    "generator.send() takes exactly one argument ({} given)",
                    objects.len() - 1
                )))
            }
            (_, GenCall::Throw) if objects.len() != 2 => {
                Err(self
                    .unsupported("throw() with other than one argument (the deprecated signature)"))
            }
            (_, GenCall::Close) if objects.len() != 1 => Err(PyException::type_error(format!(
                "generator.close() takes no arguments ({} given)",
                objects.len() - 1
            ))),
            _ => Ok(()),
        };
        let holder = self.continuation_referrer();
        let outcome = checked.map(|()| {
            let generator = objects[0];
            self.heap.incref(generator, holder);
            generator
        });
        // Extra arguments the resume keeps.
        let second = objects.get(1).copied();
        if let (Ok(_), Some(second)) = (&outcome, second) {
            self.heap.incref(second, holder);
        }
        for arg in args {
            self.release(arg);
        }
        self.release(callable_popped);
        let generator = outcome?;
        match plan {
            GenCall::Send if name == "next" => self.resume(
                generator,
                None,
                None,
                true,
                ResumeMode::Call { default: second },
            ),
            GenCall::Send => {
                let sent = second.unwrap_or(self.singletons.none);
                let result = self.resume(
                    generator,
                    Some(sent),
                    None,
                    true,
                    ResumeMode::Call { default: None },
                );
                self.heap.decref(sent, holder);
                result
            }
            GenCall::Throw => {
                let value = second.unwrap_or(self.singletons.none);
                let thrown = self.exception_to_raise(value);
                self.heap.decref(value, holder);
                match thrown {
                    Ok(exc) => self.throw_into(generator, exc),
                    Err(error) => {
                        self.heap.decref(generator, holder);
                        Err(PyException::type_error(
                            if error.message.contains("BaseException") {
                                "exceptions must be classes or instances deriving from BaseException, not ".to_owned()
                                    + self.heap.value(value).type_name()
                            } else {
                                error.message.clone()
                            },
                        ))
                    }
                }
            }
            GenCall::Close => self.close_generator(generator, ResumeMode::Close),
        }
    }

    /// `g.throw(exc)` (`exc` held as a raised exception).
    fn throw_into(&mut self, generator: ObjId, exc: ObjId) -> Flow {
        let chain = self.delegation_chain(generator);
        let closing = self.is_exception_kind(exc, "GeneratorExit");
        self.throw_into_chain(
            &chain,
            PyException::object(exc, false),
            ResumeMode::Call { default: None },
            closing,
        )
    }

    /// `gi_yieldfrom`: what a generator suspended in `yield from` delegates to.
    fn delegate_of(&self, generator: ObjId) -> Option<ObjId> {
        let frame = self.generator(generator)?.frame.as_ref()?;
        frame.stack.last().and_then(|s| s.obj)
    }

    /// `gen_close`, or the finalizer's close (`mode` Close or Finalize); the
    /// generator's reference is held by the continuation.
    #[cold]
    #[inline(never)]
    pub(super) fn close_generator(&mut self, generator: ObjId, mode: ResumeMode) -> Flow {
        let resume = Resume {
            generator,
            holds: true,
            mode: mode.clone(),
            saved_exc: None,
        };
        // Delegates that close quietly are cleared; the innermost that runs
        // code on close gets the GeneratorExit first.
        let mut chain = self.delegation_chain(generator);
        while chain.len() > 1 && chain.last().is_some_and(|&g| !self.needs_close(g)) {
            if let Some(quiet) = chain.pop() {
                self.clear_generator(quiet);
            }
        }
        if chain.len() > 1 {
            let exit = self.raise_new("GeneratorExit", Vec::new());
            return self.throw_into_chain(&chain, exit, mode, true);
        }
        let state = self.generator_state(generator);
        let quiet = match state {
            GenState::Created | GenState::Finished => true,
            GenState::Suspended | GenState::SuspendedYieldFrom => !self.needs_close(generator),
            GenState::Running => false,
        };
        if quiet {
            self.clear_generator(generator);
            self.release_resume(resume);
            if mode == ResumeMode::Close {
                self.push(self.singletons.none)?;
            }
            return Ok(());
        }
        let exit = self.raise_new("GeneratorExit", Vec::new());
        self.resume(generator, None, Some(exit), true, mode)
    }

    /// Suspended inside a `try` of its body (or in `yield from`): closing
    /// it runs code. Otherwise its frame is simply cleared.
    pub(super) fn needs_close(&self, generator: ObjId) -> bool {
        self.generator(generator)
            .is_some_and(Generator::needs_close)
    }

    /// Mark a generator finished and release its frame's references.
    fn clear_generator(&mut self, generator: ObjId) {
        let Some(g) = self.generator_mut(generator) else {
            return;
        };
        if g.state == GenState::Running {
            return;
        }
        g.state = GenState::Finished;
        let frame = g.frame.take();
        let exc = g.exc_state.take();
        if let Some(exc) = exc {
            let address = self.heap.get(generator).address;
            self.heap.decref(
                exc,
                Referrer::Attribute {
                    owner: address,
                    name: "gi_exc_state",
                },
            );
        }
        if let Some(frame) = frame {
            // Released as a returning frame releases its own.
            self.frames.push(*frame);
            self.pop_frame();
        }
    }

    /// Generators whose count reached 0 while suspended in a `try`: close
    /// them (running their `finally`), then free them.
    #[cold]
    #[inline(never)]
    pub(super) fn run_finalizers(&mut self) {
        self.heap.place_finalizers(self.frames.len());
        while let Some(generator) = self.heap.take_finalizing(self.frames.len()) {
            if !matches!(self.heap.value(generator), Value::Generator(_)) {
                // An instance with `__del__`.
                let depth = self.frames.len();
                self.start_del(generator);
                if self.frames.len() > depth {
                    return;
                }
                continue;
            }
            // The finalizer's reference becomes the close's.
            let holder = self.continuation_referrer();
            self.heap.incref(generator, holder);
            self.heap
                .decref(generator, super::heap::finalizer_referrer());
            let depth = self.frames.len();
            let result = self.close_generator(generator, ResumeMode::Finalize);
            if let Err(error) = result {
                self.unwind(error);
            }
            if self.frames.len() > depth {
                // Its frame runs now; the others wait for it.
                return;
            }
        }
    }

    /// A built-in exception class.
    pub(super) fn exception_class(&mut self, name: &str) -> ObjId {
        match ExcKind::by_name(name) {
            Some(kind) => self.type_object(TypeKind::Exc(kind)),
            None => self.singletons.none,
        }
    }

    /// The builtins module's object of a builtin.
    pub(super) fn builtin_object(&mut self, builtin: Builtin) -> ObjId {
        let name = self.heap.symbols.intern(builtin.name());
        match self.heap.value(self.builtins_module) {
            Value::Module(m) => m.namespace.get(name).unwrap_or(self.singletons.none),
            _ => self.singletons.none,
        }
    }

    /// An item appended as `list_extend_iter` does: into the room already
    /// made, else by `list_resize`.
    pub(super) fn list_push_hinted(&mut self, list: ObjId, item: ObjId) -> Flow {
        let address = self.heap.get(list).address;
        let index = match self.heap.value_mut(list) {
            Value::List(l) => {
                let n = l.items.len();
                if n >= l.allocated {
                    l.resize(n + 1);
                }
                l.items.push(item);
                n
            }
            _ => return Err(PyException::new("SystemError", "not a list")),
        };
        self.heap.incref(
            item,
            Referrer::Item {
                container: address,
                type_name: "list",
                index: index as u32,
            },
        );
        Ok(())
    }

    /// Before an instruction that needs every item of the iterable `depth`
    /// slots under the top (a generator, or another iterable whose items
    /// come from Python code): gather its items first (true: the
    /// instruction finishes once they are all there).
    #[cold]
    #[inline(never)]
    pub(super) fn gather_generator(&mut self, depth: usize, limit: u32) -> Flow<bool> {
        if self.peek(depth)?.obj.is_none() {
            return Ok(false);
        }
        self.gather_drained(depth, limit)
    }

    /// `FOR_ITER` over a generator (or `enumerate` of one): resume it (true),
    /// or leave the iterator to the common path (false).
    #[inline(never)]
    pub(super) fn for_iter_generator(&mut self, iterator: ObjId, target: u32) -> Flow<bool> {
        if let Value::Generator(_) = self.heap.value(iterator) {
            let mode = ResumeMode::ForIter { target };
            self.resume(iterator, None, None, false, mode)?;
            return Ok(true);
        }
        if let Value::Enumerate { iter, .. } = *self.heap.value(iterator)
            && let Value::Generator(_) = self.heap.value(iter)
        {
            let mode = ResumeMode::ForIterEnumerate {
                target,
                enumerate: iterator,
            };
            self.resume(iter, None, None, false, mode)?;
            return Ok(true);
        }
        let zips_a_generator = match self.heap.value(iterator) {
            Value::Zip { iters, .. } => iters
                .iter()
                .any(|&it| matches!(self.heap.value(it), Value::Generator(_))),
            _ => false,
        };
        if zips_a_generator {
            let items = self.list_object(Vec::new(), false);
            self.heap.incref(items, self.continuation_referrer());
            self.zip_step(iterator, 0, items, target)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Iterator `index` of a zip in a `for` loop ran out (`items`, held,
    /// the items so far; `checking`: in `zip(strict=True)`'s check of the
    /// others after the first ran out): the loop ends, unless `strict`
    /// finds the lengths differ (`zip_next`'s `check:`).
    fn zip_ended(
        &mut self,
        zip: ObjId,
        index: usize,
        items: ObjId,
        target: u32,
        checking: bool,
    ) -> Flow {
        let holder = self.continuation_referrer();
        let (iters, strict) = match self.heap.value(zip) {
            Value::Zip { iters, strict } => (iters.to_vec(), *strict),
            _ => (Vec::new(), false),
        };
        if !strict {
            self.heap.decref(items, holder);
            return self.jump_to(target, 1);
        }
        if !checking && index > 0 {
            self.heap.decref(items, holder);
            return Err(super::iterators::zip_length_mismatch(index, "shorter"));
        }
        // Every iterator after the first must be exhausted too.
        for (index, &it) in iters.iter().enumerate().skip(index + 1) {
            if let Value::Generator(_) = self.heap.value(it) {
                let mode = ResumeMode::ForIterZip {
                    target,
                    zip,
                    index: index as u32,
                    items,
                    checking: true,
                };
                return self.resume(it, None, None, false, mode);
            }
            match self.next_item(it) {
                Ok(None) => {}
                Ok(Some(item)) => {
                    self.heap.discard(item);
                    self.heap.decref(items, holder);
                    return Err(super::iterators::zip_length_mismatch(index, "longer"));
                }
                Err(error) => {
                    self.heap.decref(items, holder);
                    return Err(error);
                }
            }
        }
        self.heap.decref(items, holder);
        self.jump_to(target, 1)
    }

    /// `zip_next` from iterator `start` on, `items` (held) gathered so far:
    /// a generator is resumed (the rest follows when it yields); an
    /// exhausted iterator ends the loop; with every item, the tuple is pushed.
    fn zip_step(&mut self, zip: ObjId, start: usize, items: ObjId, target: u32) -> Flow {
        let holder = self.continuation_referrer();
        let iters = match self.heap.value(zip) {
            Value::Zip { iters, .. } => iters.to_vec(),
            _ => Vec::new(),
        };
        for (index, &it) in iters.iter().enumerate().skip(start) {
            if let Value::Generator(_) = self.heap.value(it) {
                let mode = ResumeMode::ForIterZip {
                    target,
                    zip,
                    index: index as u32,
                    items,
                    checking: false,
                };
                return self.resume(it, None, None, false, mode);
            }
            let next = match self.next_item(it) {
                Ok(next) => next,
                Err(error) => {
                    self.heap.decref(items, holder);
                    return Err(error);
                }
            };
            match next {
                Some(item) => {
                    if let Err(error) = self.list_push_hinted(items, item) {
                        self.heap.decref(items, holder);
                        return Err(error);
                    }
                }
                None => return self.zip_ended(zip, index, items, target, false),
            }
        }
        let gathered = match self.heap.value(items) {
            Value::List(l) => l.items.clone(),
            _ => Vec::new(),
        };
        let tuple = self.tuple_object(gathered, false);
        self.push(tuple)?;
        self.heap.decref(items, holder);
        Ok(())
    }

    /// Whether the stack slot `depth` under the top holds a generator or
    /// another iterable whose items come from Python code: an instruction
    /// that needs all its items gathers them first.
    #[inline]
    pub(super) fn gathers_at(&self, depth: usize) -> bool {
        self.frames
            .last()
            .and_then(|f| f.stack.len().checked_sub(depth + 1).map(|i| f.stack[i]))
            .and_then(|slot| slot.obj)
            .is_some_and(|obj| match self.heap.value(obj) {
                Value::Generator(_) => true,
                Value::Instance { .. }
                | Value::Map { .. }
                | Value::Filter { .. }
                | Value::Enumerate { .. }
                | Value::Zip { .. }
                | Value::Reversed { .. }
                | Value::SeqIterator { .. }
                | Value::CallableIterator { .. } => self.runs_python(obj),
                _ => false,
            })
    }

    /// [`Vm::gather_generator`] for other iterables: a drain makes the
    /// tuple of the items (at most `limit`, 0: all), which takes the
    /// iterable's place, and the instruction runs again on it.
    fn gather_drained(&mut self, depth: usize, limit: u32) -> Flow<bool> {
        // `LIST_EXTEND` gathers into a list, asking the iterable for a
        // length hint as `list_extend` does (`PySequence_Tuple` asks none).
        let list_extend = self.frames.last().is_some_and(|frame| {
            frame
                .last
                .and_then(|i| frame.code.instrs.get(i))
                .is_some_and(|instr| instr.opcode == crate::bytecode::opcodes::LIST_EXTEND)
        });
        let gathered = self.calling(|vm| {
            let iterable = vm.peek(depth)?.obj.ok_or_else(null)?;
            let consumer = super::frame::Consumer::collect(!list_extend, limit);
            let tuple = vm.drain(iterable, consumer)?;
            // The stack's reference, taken before the drain's record goes.
            let frame = vm.top_frame()?;
            let qualname = frame.qualname;
            let index = frame.stack.len().checked_sub(depth + 1).ok_or_else(null)?;
            let old = std::mem::replace(&mut frame.stack[index], Slot::strong(tuple));
            let referrer = Referrer::Stack {
                frame: qualname,
                slot: index as u32,
            };
            vm.heap.incref(tuple, referrer);
            if let Some(object) = old.obj
                && !old.borrowed
            {
                vm.heap.decref(object, referrer);
            }
            Ok(tuple)
        })?;
        let count = match self.heap.value(gathered) {
            Value::Tuple(items) => items.len(),
            _ => 0,
        };
        let frame = self.top_frame()?;
        let instr = frame
            .last
            .and_then(|i| frame.code.instrs.get(i))
            .copied()
            .ok_or_else(|| PyException::new("SystemError", "no instruction to finish"))?;
        if instr.opcode == crate::bytecode::opcodes::UNPACK_SEQUENCE && count > instr.arg as usize {
            // `unpack_iterable` stops at one item too many.
            return Err(PyException::new(
                "ValueError",
                format!("too many values to unpack (expected {})", instr.arg),
            ));
        }
        self.execute(instr)?;
        Ok(true)
    }

    /// Whether the stack slot `depth` under the top holds a generator.
    #[inline]
    pub(super) fn generator_at(&self, depth: usize) -> bool {
        self.frames
            .last()
            .and_then(|f| f.stack.len().checked_sub(depth + 1).map(|i| f.stack[i]))
            .and_then(|slot| slot.obj)
            .is_some_and(|obj| matches!(self.heap.value(obj), Value::Generator(_)))
    }

    /// `x in g` / `x not in g` with a generator on top: its items are
    /// drained until one is equal (`CONTAINS_OP`'s general path).
    #[cold]
    #[inline(never)]
    pub(super) fn contains_in_generator(&mut self, negate: bool) -> Flow<bool> {
        self.calling(|vm| {
            vm.binary(|vm, item, container| {
                let found = vm.contains(container, item)?;
                Ok(vm.bool_object(found != negate))
            })
        })?;
        Ok(true)
    }

    // ---- yield from ---------------------------------------------------------------

    // GET_YIELD_FROM_ITER (iterable -- iter)
    #[inline(never)]
    pub(super) fn get_yield_from_iter(&mut self) -> Flow {
        let iterable = self.peek(0)?.obj.ok_or_else(null)?;
        if matches!(self.heap.value(iterable), Value::Generator(_)) {
            return Ok(());
        }
        // `__iter__` may run as a frame: popped once the iterator is known.
        self.calling(|vm| {
            let iterator = vm.iterator(iterable)?;
            let popped = vm.pop()?;
            vm.push(iterator)?;
            vm.release(popped);
            Ok(())
        })
    }

    // SEND (receiver, v -- receiver, retval): resume the receiver with v;
    // when it is exhausted, jump to END_SEND with its return value.
    #[inline(never)]
    pub(super) fn send(&mut self, target: u32) -> Flow {
        let receiver = self.peek(1)?.obj.ok_or_else(null)?;
        if !matches!(self.heap.value(receiver), Value::Generator(_)) {
            return self.send_to_iterator(target);
        }
        let (value, popped) = self.pop_object()?;
        let holder = self.continuation_referrer();
        self.heap.incref(value, holder);
        self.release(popped);
        let result = self.resume(
            receiver,
            Some(value),
            None,
            false,
            ResumeMode::Send { target },
        );
        self.heap.decref(value, holder);
        result
    }

    /// `SEND` to an iterator that is not a generator (`yield from
    /// map(...)`, an instance): its next item, taken inside the
    /// instruction (a `__next__` or a `map` function runs as a frame and the
    /// instruction replays); operands are popped once it is known.
    fn send_to_iterator(&mut self, target: u32) -> Flow {
        let receiver = self.peek(1)?.obj.ok_or_else(null)?;
        let value = self.peek(0)?.obj.ok_or_else(null)?;
        if value != self.singletons.none {
            return Err(self.unsupported("send() to an iterator that is not a generator"));
        }
        self.calling(|vm| {
            let next = vm.next_item(receiver)?;
            let popped = vm.pop()?;
            vm.release(popped);
            match next {
                Some(item) => vm.push(item),
                None => {
                    vm.push(vm.singletons.none)?;
                    vm.jump_to(target, 0)
                }
            }
        })
    }

    // END_SEND (receiver, value -- value)
    #[inline(never)]
    pub(super) fn end_send(&mut self) -> Flow {
        let value = self.pop()?;
        let receiver = self.pop()?;
        self.push_slot(value.slot)?;
        self.release(receiver);
        Ok(())
    }

    // CLEANUP_THROW (sub_iter, last_sent_val, exc_value -- none, value): a
    // StopIteration thrown out of the delegate ends the `yield from` with its value.
    #[cold]
    #[inline(never)]
    pub(super) fn cleanup_throw(&mut self) -> Flow {
        let (exc, exc_popped) = self.pop_object()?;
        if !self.is_exception_kind(exc, "StopIteration") {
            // Re-raised as it is.
            self.heap.incref(exc, self.raised_referrer());
            self.release(exc_popped);
            return Err(PyException::object(exc, true));
        }
        let value = self.stop_iteration_value(exc);
        let last_sent = self.pop()?;
        let sub_iter = self.pop()?;
        self.push(self.singletons.none)?;
        self.push(value)?;
        self.release(sub_iter);
        self.release(last_sent);
        self.release(exc_popped);
        Ok(())
    }

    /// `StopIteration.value`: its first argument, or None.
    /// `SystemExit.code` (`SystemExit_init`): None without arguments, the
    /// argument, or the args tuple for more than one.
    pub(super) fn system_exit_code(&self, exc: ObjId) -> ObjId {
        match self.heap.value(exc) {
            Value::Exception(e) => match self.heap.value(e.args) {
                Value::Tuple(items) if items.len() > 1 => e.args,
                Value::Tuple(items) => items.first().copied().unwrap_or(self.singletons.none),
                _ => self.singletons.none,
            },
            _ => self.singletons.none,
        }
    }

    pub(super) fn stop_iteration_value(&self, exc: ObjId) -> ObjId {
        match self.heap.value(exc) {
            Value::Exception(e) => match self.heap.value(e.args) {
                Value::Tuple(items) => items.first().copied().unwrap_or(self.singletons.none),
                _ => self.singletons.none,
            },
            _ => self.singletons.none,
        }
    }

    // CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR (value -- res): a
    // StopIteration leaving a generator becomes a RuntimeError caused by it.
    #[cold]
    #[inline(never)]
    pub(super) fn stopiteration_error(&mut self) -> Flow {
        let (exc, popped) = self.pop_object()?;
        if !self.is_exception_kind(exc, "StopIteration") {
            return self.push_slot(popped.slot);
        }
        let message = self.str_object("generator raised StopIteration");
        let kind = ExcKind::by_name("RuntimeError").unwrap_or(ExcKind(0));
        let error = self.new_exception(kind, vec![message]);
        self.set_cause(error, Some(exc));
        let address = self.heap.get(error).address;
        self.heap.incref(
            exc,
            Referrer::Attribute {
                owner: address,
                name: "__context__",
            },
        );
        if let Value::Exception(object) = self.heap.value_mut(error) {
            object.context = Some(exc);
        }
        self.push(error)?;
        self.release(popped);
        Ok(())
    }
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "unexpected NULL on the value stack")
}

// ---- the quiet loop's generator paths -----------------------------------------

impl Vm {
    /// `FOR_ITER` over a created or suspended generator, fetched by the
    /// quiet loop (nobody records): what `for_iter_generator` and `resume`
    /// do then (`FOR_ITER_GEN`), without their checks for other
    /// iterators, refusals and events. `None`, having done nothing, when
    /// the general path must run it.
    #[inline(never)]
    pub(super) fn for_iter_generator_quick(&mut self, target: u32) -> Option<Flow> {
        if self.heap.recorder.enabled || self.frames.len() >= self.quick_depth_limit() {
            return None;
        }
        let iterator = self.frames.last()?.stack.last()?.obj?;
        self.resume_quick(iterator, ResumeMode::ForIter { target })
            .ok()
            .map(Ok)
    }

    /// Resume `generator`, created or suspended, with None sent in, for
    /// `mode`, when nobody records and there is room for its frame: what
    /// [`Vm::resume`] does then, without its refusals, checks and events.
    /// The mode back, having done nothing, otherwise.
    #[inline(always)]
    pub(super) fn resume_quick(
        &mut self,
        generator: ObjId,
        mode: ResumeMode,
    ) -> Result<(), ResumeMode> {
        let Vm {
            frames,
            heap,
            exc_info,
            calls,
            singletons,
            ..
        } = self;
        let Value::Generator(state) = heap.value_mut(generator) else {
            return Err(mode);
        };
        if !matches!(state.state, GenState::Created | GenState::Suspended) {
            return Err(mode);
        }
        let Some(mut frame) = state.frame.take() else {
            return Err(mode);
        };
        state.state = GenState::Running;
        let saved_exc = std::mem::replace(exc_info, state.exc_state.take());
        let resume = Resume {
            generator,
            holds: false,
            mode,
            saved_exc,
        };
        frame.resumed = Some(match calls.spare_resume.take() {
            Some(mut boxed) => {
                *boxed = resume;
                boxed
            }
            None => Box::new(resume),
        });
        // The value sent in: None.
        let none = singletons.none;
        heap.incref(
            none,
            Referrer::Frame {
                frame: frame.qualname,
            },
        );
        frame.stack.push(Slot::strong(none));
        frames.push_boxed(frame);
        Ok(())
    }

    /// `YIELD_VALUE` fetched by the quiet loop (nobody records), when the
    /// generator was resumed by a `for` loop (`FOR_ITER_GEN`: the value
    /// goes onto the loop's stack, as `yield_value` puts it there) or by a
    /// drain taking its items directly whose consumer takes this item
    /// without running Python code or failing (then the item is fed and
    /// the frame goes on at once: what leaving it, feeding the item and
    /// resuming it again does, in the same order of count changes, with
    /// the frame left in place). `None`, having done nothing, otherwise.
    #[inline(never)]
    pub(super) fn yield_value_quick(&mut self) -> Option<Flow> {
        if self.heap.recorder.enabled || self.in_calling() || self.frames.len() < 2 {
            return None;
        }
        let frame = self.frames.last()?;
        let resume = frame.resumed.as_deref()?;
        let slot = *frame.stack.last()?;
        let value = slot.obj?;
        match &resume.mode {
            ResumeMode::ForIter { .. } => Some(self.yield_to_loop(slot, value)),
            ResumeMode::Logged(Some(drain))
                if drain.iterator == Some(resume.generator)
                    && drain.log.is_empty()
                    && drain.sort.is_none()
                    && self.feeds_quietly(drain, value) =>
            {
                Some(self.yield_to_drain(slot, value))
            }
            ResumeMode::Logged(Some(_)) if !resume.holds => Some(self.yield_to_sink(slot, value)),
            _ => None,
        }
    }

    /// `yield_value` for a resume by native code that wanted the next item
    /// (a drain's pull, through `map` or `filter`): the frame goes back
    /// into its generator and the value into the drain's log, which pumps on.
    fn yield_to_sink(&mut self, slot: Slot, value: ObjId) -> Flow {
        let ResumeMode::Logged(sink) = self.suspend_quick(slot, value)? else {
            return Err(PyException::new("SystemError", "a drain lost its state"));
        };
        // The yielded reference moves into the log.
        self.deliver(sink, |index| CallResult::Next {
            item: Some(value),
            end: index + 1,
        })
    }

    /// `yield_value` for a `for` loop's resume: the frame goes back into
    /// its generator, the value onto the loop's stack.
    fn yield_to_loop(&mut self, slot: Slot, value: ObjId) -> Flow {
        self.suspend_quick(slot, value)?;
        // The yielded reference moves onto the loop's stack.
        let Some(caller) = self.frames.last_mut() else {
            return Err(PyException::new("SystemError", "no frame"));
        };
        caller.stack.push(Slot::strong(value));
        Ok(())
    }

    /// The quick yields' common part, as `leave_generator_frame` does it:
    /// the value (in `slot`, on top of the generator's stack) taken off it
    /// and made safe if borrowed, the frame back into its generator with
    /// its own exception state, the resume's box kept for the next; the
    /// resume's mode back.
    #[inline(always)]
    fn suspend_quick(&mut self, slot: Slot, value: ObjId) -> Flow<ResumeMode> {
        let Vm {
            frames,
            heap,
            exc_info,
            calls,
            ..
        } = self;
        let Some(mut frame) = frames.pop_boxed() else {
            return Err(PyException::new("SystemError", "no frame"));
        };
        frame.stack.pop();
        if slot.borrowed {
            // A yielded value outlives the borrow (PyStackRef_MakeHeapSafe).
            heap.incref(
                value,
                Referrer::Frame {
                    frame: frame.qualname,
                },
            );
        }
        let Some(mut boxed) = frame.resumed.take() else {
            return Err(PyException::new("SystemError", "not a generator frame"));
        };
        let generator = boxed.generator;
        let own_exc = std::mem::replace(exc_info, boxed.saved_exc.take());
        let mode = std::mem::replace(&mut boxed.mode, ResumeMode::Close);
        calls.spare_resume = Some(boxed);
        if let Value::Generator(g) = heap.value_mut(generator) {
            g.suspend(frame, own_exc);
        }
        Ok(mode)
    }

    /// A drain's generator yielded `value` (in `slot`, on top of its
    /// stack), which its consumer takes quietly: fed, then the frame goes
    /// on with None sent in, as the drain's next pull resumes it.
    fn yield_to_drain(&mut self, slot: Slot, value: ObjId) -> Flow {
        let Some(frame) = self.frames.last_mut() else {
            return Err(PyException::new("SystemError", "no frame"));
        };
        frame.stack.pop();
        let quiet = Referrer::Frame {
            frame: frame.qualname,
        };
        // The drain is fed where it is: its resume keeps its box.
        let mode = frame
            .resumed
            .as_deref_mut()
            .map(|r| std::mem::replace(&mut r.mode, ResumeMode::Close));
        let Some(ResumeMode::Logged(Some(mut drain))) = mode else {
            return Err(PyException::new("SystemError", "a drain lost its state"));
        };
        if slot.borrowed {
            self.heap.incref(value, quiet);
        }
        let fed = self.feed(&mut drain, value);
        drain.count += 1;
        drain.stopped = false;
        self.heap.decref(value, quiet);
        let frame = self.top_frame()?;
        if let Some(resume) = frame.resumed.as_deref_mut() {
            resume.mode = ResumeMode::Logged(Some(drain));
        }
        if fed.is_err() {
            return Err(PyException::new(
                "SystemError",
                "bytestep: a quiet drain item failed",
            ));
        }
        let none = self.singletons.none;
        self.heap.incref(none, quiet);
        let frame = self.top_frame()?;
        frame.stack.push(Slot::strong(none));
        Ok(())
    }
}
