//! Fast paths for the hottest instructions on the commonest operands (two
//! ints), taken when nobody records events: what CPython's specialized
//! `BINARY_OP_ADD_INT` and `COMPARE_OP_INT` do. Each still runs as exactly
//! one step, and each changes the heap in exactly the order the general
//! handler does (the result made, pushed, then the inputs released, left
//! first), so ids, counts and free-list reuse are the same whichever path
//! ran. `None`: not the case here, nothing changed, take the general path.

use std::sync::Arc;

use crate::bytecode::opcodes::{CALL, FOR_ITER, STORE_SUBSCR, YIELD_VALUE};
use crate::bytecode::operators::{BinaryOp, CompareOp};
use crate::vm::builtins::Builtin;
use crate::vm::code::Instr;
use crate::vm::containers::Method;
use crate::vm::frame::Slot;
use crate::vm::heap::{ObjId, Referrer, TypeKind, Value};
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
        let joined = concat(a, b);
        self.charge(joined.len() as u64);
        let a_ascii = match &self.last_concat {
            // The same text (the cache holds it, so its address is not reused).
            Some((previous, ascii)) if Arc::ptr_eq(previous, a) => *ascii,
            _ => a.is_ascii(),
        };
        if a_ascii && b.is_ascii() {
            self.last_concat = Some((Arc::clone(&joined), true));
            self.heap.alloc_ascii_str(joined)
        } else {
            self.last_concat = Some((Arc::clone(&joined), false));
            self.heap.alloc(Value::Str(joined))
        }
    }
}

/// `a + b` written once, straight into its shared allocation (building a
/// `String` first and converting it copies the text twice, the most of
/// what a long `s = s + piece` loop does).
fn concat(a: &str, b: &str) -> Arc<str> {
    let mut bytes = Arc::<[u8]>::new_uninit_slice(a.len() + b.len());
    let Some(buffer) = Arc::get_mut(&mut bytes) else {
        // A new allocation is never shared.
        return format!("{a}{b}").into();
    };
    let (left, right) = buffer.split_at_mut(a.len());
    left.write_copy_of_slice(a.as_bytes());
    right.write_copy_of_slice(b.as_bytes());
    // SAFETY: every byte was just written, and two UTF-8 strings one after
    // the other are UTF-8; `str` and `[u8]` share their layout.
    unsafe { Arc::from_raw(Arc::into_raw(bytes.assume_init()) as *const str) }
}

impl Vm {
    /// An instruction the fast loop hands over (`FastStop::Quick`): run by
    /// [`Vm::call_quick`] or [`Vm::store_subscr_quick`] if they take it
    /// (exactly one step, as the general handler would run it), `None`,
    /// having done nothing, if the general handler must.
    #[inline]
    pub(in crate::vm) fn quick(&mut self, instr: Instr) -> Option<Flow> {
        match instr.opcode {
            CALL => self.call_quick(instr.arg as usize),
            STORE_SUBSCR => self.store_subscr_quick(),
            FOR_ITER => self.for_iter_generator_quick(instr.target),
            YIELD_VALUE => self.yield_value_quick(),
            _ => None,
        }
    }

    /// `STORE_SUBSCR` (v, container, sub --) of an int or str key into a
    /// dict of such keys, when nobody records and no Python call is under
    /// way (no `__hash__` or `__eq__` can run): what `store_subscr` does
    /// then (the entry set, then the popped references dropped: the value,
    /// the dict, the key; on an error the same).
    #[inline(never)]
    pub(in crate::vm) fn store_subscr_quick(&mut self) -> Option<Flow> {
        if self.heap.recorder.enabled || !self.calls.idle() || self.heap.has_subclassed() {
            return None;
        }
        let [.., value_slot, dict_slot, key_slot] = self.frames.last()?.stack[..] else {
            return None;
        };
        let (value, dict, key) = (value_slot.obj?, dict_slot.obj?, key_slot.obj?);
        if !matches!(self.heap.value(key), Value::Int(_) | Value::Str(_))
            || !matches!(self.heap.value(dict), Value::Dict(d) if d.customs() == 0)
        {
            return None;
        }
        let result = self.dict_set(dict, key, value);
        let frame = self.frames.last_mut()?;
        let quiet = Referrer::Frame {
            frame: frame.qualname,
        };
        let base = frame.stack.len() - 3;
        frame.stack.truncate(base);
        for slot in [value_slot, dict_slot, key_slot] {
            super::fast::release(&mut self.heap, slot, quiet);
        }
        Some(result)
    }

    /// `CALL` of a builtin that cannot run Python code on these operands,
    /// when nobody records and no Python call is under way: `len(x)` of a
    /// list or dict, `str(i)` of an int, and the method form (the descriptor, the object, the
    /// arguments) of `list.append(x)`, `list.pop([i])` with an int, and
    /// `dict.get`, `dict.setdefault`, `dict.pop` with an int or str key in
    /// a dict of such keys. What `call_builtin_in_place` does for them (the
    /// result made, the arguments and the callable popped, the result
    /// pushed, then the popped references dropped: self and the arguments
    /// bottom first, then the callable; on an error the same without the
    /// push), without its general argument and keyword handling. `None`,
    /// having done nothing, for anything else. (`call` tries it after
    /// `call_plain`.)
    #[inline(never)]
    pub(in crate::vm) fn call_quick(&mut self, argc: usize) -> Option<Flow> {
        if argc > 2 || self.heap.recorder.enabled || !self.calls.idle() {
            return None;
        }
        let stack = &self.frames.last()?.stack;
        let base = stack.len().checked_sub(argc + 2)?;
        let callable = stack[base].obj?;
        let self_slot = stack[base + 1];
        let mut args = [callable; 2];
        for (arg, slot) in args.iter_mut().zip(&stack[base + 2..]) {
            *arg = slot.obj?;
        }
        let args = &args[..argc];
        let plain_key = |vm: &Vm, dict: ObjId, key: ObjId| {
            !vm.heap.has_subclassed()
                && matches!(vm.heap.value(key), Value::Int(_) | Value::Str(_))
                && matches!(vm.heap.value(dict), Value::Dict(d) if d.customs() == 0)
        };
        let result = match (self.heap.value(callable), self_slot.obj, args) {
            (Value::Builtin(Builtin::Method(Method::ListAppend)), Some(list), &[item])
                if matches!(self.heap.value(list), Value::List(_)) =>
            {
                self.list_append(list, item).map(|()| self.singletons.none)
            }
            (Value::Builtin(Builtin::Len), None, &[arg])
                if matches!(self.heap.value(arg), Value::List(_) | Value::Dict(_)) =>
            {
                self.length(arg).map(|length| self.int_object(length))
            }
            (Value::Builtin(Builtin::Method(method @ Method::ListPop)), Some(list), args)
                if matches!(self.heap.value(list), Value::List(_))
                    && args
                        .iter()
                        .all(|&i| matches!(self.heap.value(i), Value::Int(_))) =>
            {
                self.call_method(*method, list, args)
            }
            (
                Value::Builtin(Builtin::Method(
                    method @ (Method::DictGet | Method::DictSetdefault | Method::DictPop),
                )),
                Some(dict),
                &[key, ..],
            ) if plain_key(self, dict, key) => self.call_method(*method, dict, args),
            // `str(i)` of an exact int (CPython's `CALL_STR_1`): its decimal
            // text, as `construct` makes it (one character: the cached str).
            (Value::Type(TypeKind::Str), None, &[arg])
                if !self.heap.has_subclassed() && matches!(self.heap.value(arg), Value::Int(_)) =>
            {
                let Value::Int(value) = *self.heap.value(arg) else {
                    return None;
                };
                let mut digits = [0u8; 20];
                let text = decimal(value, &mut digits);
                Ok(self.str_object(text))
            }
            _ => return None,
        };
        let frame = self.frames.last_mut()?;
        let quiet = Referrer::Frame {
            frame: frame.qualname,
        };
        let mut popped = [Slot::NULL; 4];
        for (slot, &on_stack) in popped.iter_mut().zip(&frame.stack[base..]) {
            *slot = on_stack;
        }
        frame.stack.truncate(base);
        if let Ok(result) = result {
            frame.stack.push(Slot::strong(result));
            self.heap.incref(result, quiet);
        }
        self.drop_deferred();
        for &slot in &popped[1..] {
            super::fast::release(&mut self.heap, slot, quiet);
        }
        super::fast::release(&mut self.heap, popped[0], quiet);
        Some(result.map(|_| ()))
    }
}

/// The decimal text of `value`, written at the end of `buffer` (20 bytes
/// hold any i64's digits and sign) without a heap allocation.
fn decimal(value: i64, buffer: &mut [u8; 20]) -> &str {
    let mut rest = value.unsigned_abs();
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if value < 0 {
        start -= 1;
        buffer[start] = b'-';
    }
    // (ASCII digits and a sign: always UTF-8.)
    std::str::from_utf8(&buffer[start..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimal_text_of_any_i64() {
        for value in [0, 7, -7, 10, -10, 1234567890, i64::MAX, i64::MIN] {
            let mut buffer = [0u8; 20];
            assert_eq!(decimal(value, &mut buffer), value.to_string());
        }
    }
}
