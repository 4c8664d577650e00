//! RAISE_VARARGS, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, RERAISE: the
//! exc_info stack as CPython keeps it (the previous exception saved on the
//! value stack under the one being handled).

use crate::vm::exceptions::PyException;
use crate::vm::unwind::exc_info_referrer;
use crate::vm::{Flow, Vm};

impl Vm {
    // RAISE_VARARGS (args[oparg] --)
    pub(in crate::vm) fn raise_varargs(&mut self, argc: u32) -> Flow {
        match argc {
            0 => match self.topmost_exception() {
                // Bare `raise`: the handled exception again, no new traceback entry.
                Some(exc) => {
                    self.heap.incref(exc, self.raised_referrer());
                    Err(PyException::object(exc, true))
                }
                None => Err(PyException::new(
                    "RuntimeError",
                    "No active exception to reraise",
                )),
            },
            1 => {
                let (value, popped) = self.pop_object()?;
                let exc = self.exception_to_raise(value);
                self.release(popped);
                Err(PyException::object(exc?, false))
            }
            _ => {
                let (cause, cause_popped) = self.pop_object()?;
                let (value, value_popped) = self.pop_object()?;
                let exc = self.exception_to_raise(value)?;
                let cause_object = if cause == self.singletons.none {
                    None
                } else {
                    match self.exception_to_raise(cause) {
                        Ok(object) => {
                            // Only the attribute keeps it.
                            let referrer = self.raised_referrer();
                            self.set_cause(exc, Some(object));
                            self.heap.decref(object, referrer);
                            Some(object)
                        }
                        Err(_) => {
                            self.heap.decref(exc, self.raised_referrer());
                            self.release(value_popped);
                            self.release(cause_popped);
                            return Err(PyException::type_error(
                                "exception causes must derive from BaseException",
                            ));
                        }
                    }
                };
                if cause_object.is_none() {
                    self.set_cause(exc, None);
                }
                self.release(value_popped);
                self.release(cause_popped);
                Err(PyException::object(exc, false))
            }
        }
    }

    // PUSH_EXC_INFO (exc -- prev_exc, new_exc)
    pub(in crate::vm) fn push_exc_info(&mut self) -> Flow {
        let (exc, popped) = self.pop_object()?;
        let previous = self.exc_info.replace(exc);
        self.heap.incref(exc, exc_info_referrer(self));
        match previous {
            // exc_info's reference moves to the stack.
            Some(previous) => {
                self.push(previous)?;
                self.heap.decref(previous, exc_info_referrer(self));
            }
            None => self.push(self.singletons.none)?,
        }
        self.push_slot(popped.slot)
    }

    // POP_EXCEPT (exc_value --)
    pub(in crate::vm) fn pop_except(&mut self) -> Flow {
        let (value, popped) = self.pop_object()?;
        let restored = (value != self.singletons.none).then_some(value);
        if let Some(restored) = restored {
            self.heap.incref(restored, exc_info_referrer(self));
        }
        if let Some(old) = std::mem::replace(&mut self.exc_info, restored) {
            self.heap.decref(old, exc_info_referrer(self));
        }
        self.release(popped);
        Ok(())
    }

    // CHECK_EXC_MATCH (left, right -- left, b)
    pub(in crate::vm) fn check_exc_match(&mut self) -> Flow {
        let (right, right_popped) = self.pop_object()?;
        let left = self
            .peek(0)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL on the value stack"))?;
        let matched = self.exception_matches(left, right);
        self.release(right_popped);
        let matched = matched?;
        self.push(self.bool_object(matched))
    }

    // RERAISE (values[oparg], exc -- values[oparg])
    pub(in crate::vm) fn reraise(&mut self, oparg: u32) -> Flow {
        let (exc, popped) = self.pop_object()?;
        if oparg > 0 {
            // The offset of the instruction that first raised: the handler
            // search starts from there again.
            let lasti = self.peek(0)?.obj.and_then(|o| self.small_index(o));
            // The offset the next handler's `lasti` push uses (CPython's
            // `frame->instr_ptr`); the handler search itself starts from this
            // RERAISE, as `exception_unwind` does.
            if let Some(units) = lasti {
                let frame = self.top_frame()?;
                self.reraise_lasti = frame.code.index_of_offset(units as u32 * 2);
            }
        }
        // The stack's reference becomes the error's.
        let referrer = popped.referrer();
        if popped.slot.borrowed {
            self.heap.incref(exc, self.raised_referrer());
        } else {
            self.heap.incref(exc, self.raised_referrer());
            self.heap.decref(exc, referrer);
        }
        Err(PyException::object(exc, true))
    }
}
