//! Fast paths for the hottest instructions on the commonest operands (two
//! ints), taken when nobody records events: what CPython's specialized
//! `BINARY_OP_ADD_INT` and `COMPARE_OP_INT` do. Each still runs as exactly
//! one step, and each changes the heap in exactly the order the general
//! handler does (the result made, pushed, then the inputs released, left
//! first), so ids, counts and free-list reuse are the same whichever path
//! ran. `None`: not the case here, nothing changed, take the general path.

use std::sync::Arc;

use crate::bytecode::operators::{BinaryOp, CompareOp};
use crate::vm::frame::Slot;
use crate::vm::heap::{ObjId, Referrer, Value};
use crate::vm::{Flow, Vm};

impl Vm {
    /// The two ints on top of the stack (left, right), if that is what is there.
    #[inline(always)]
    fn two_ints(&self) -> Option<(i64, i64)> {
        if self.heap.recorder.enabled {
            return None;
        }
        let stack = &self.frames.last()?.stack;
        let [.., left, right] = stack.as_slice() else {
            return None;
        };
        match (self.heap.value(left.obj?), self.heap.value(right.obj?)) {
            (Value::Int(a), Value::Int(b)) => Some((*a, *b)),
            _ => None,
        }
    }

    /// `(left, right -- res)` once `res` is known: it replaces the two
    /// inputs, then their references are dropped (left first), as
    /// [`Vm::binary`] does. `immortal`: the result is known to be (a bool),
    /// so its count is not looked at.
    #[inline(always)]
    fn replace_two(&mut self, result: ObjId, immortal: bool) -> Flow {
        let Some(frame) = self.frames.last_mut() else {
            return Err(crate::vm::exceptions::PyException::new(
                "SystemError",
                "no frame",
            ));
        };
        let qualname = frame.qualname;
        let (Some(right), Some(left)) = (frame.stack.pop(), frame.stack.pop()) else {
            return Err(crate::vm::exceptions::PyException::new(
                "SystemError",
                "pop from an empty value stack",
            ));
        };
        let slot = frame.stack.len() as u32;
        frame.stack.push(Slot::strong(result));
        if !immortal {
            self.heap.incref(
                result,
                Referrer::Stack {
                    frame: qualname,
                    slot,
                },
            );
        }
        for (input, index) in [(left, slot), (right, slot + 1)] {
            if let Some(obj) = input.obj
                && !input.borrowed
            {
                self.heap.decref(
                    obj,
                    Referrer::Stack {
                        frame: qualname,
                        slot: index,
                    },
                );
            }
        }
        Ok(())
    }

    /// `BINARY_OP` on two ints whose result cannot fail or overflow.
    #[inline(always)]
    pub(in crate::vm) fn binary_op_int(&mut self, op: BinaryOp) -> Option<Flow> {
        let (a, b) = self.two_ints()?;
        let value = super::fast::int_op(op, a, b)?;
        let result = self.int_object(value);
        Some(self.replace_two(result, false))
    }

    /// `COMPARE_OP` on two ints (they compare to a bool whether or not
    /// `oparg & 16` asks for one).
    #[inline(always)]
    pub(in crate::vm) fn compare_op_int(&mut self, op: CompareOp) -> Option<Flow> {
        let (a, b) = self.two_ints()?;
        let result = self.bool_object(op.holds(Some(a.cmp(&b))));
        Some(self.replace_two(result, true))
    }

    /// `a + b` of two non-empty strs: a new object (two characters at
    /// least, so never a cached one). Building a string in a loop
    /// (`s = s + piece`) makes its left operand the previous result, whose
    /// ASCII-ness is remembered: the size is then known without scanning it.
    pub(in crate::vm) fn concat_str(&mut self, a: &Arc<str>, b: &Arc<str>) -> ObjId {
        let mut joined = String::with_capacity(a.len() + b.len());
        joined.push_str(a);
        joined.push_str(b);
        self.charge(joined.len() as u64);
        let a_ascii = match &self.last_concat {
            // The same text (the cache holds it, so its address is not reused).
            Some((previous, ascii)) if Arc::ptr_eq(previous, a) => *ascii,
            _ => a.is_ascii(),
        };
        let joined: Arc<str> = joined.into();
        if a_ascii && b.is_ascii() {
            self.last_concat = Some((Arc::clone(&joined), true));
            self.heap.alloc_ascii_str(joined)
        } else {
            self.last_concat = Some((Arc::clone(&joined), false));
            self.heap.alloc(Value::Str(joined))
        }
    }
}
