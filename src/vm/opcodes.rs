//! One arm per opcode, its stack effect on top in the notation of CPython's
//! `Python/bytecodes.c` (`inputs -- outputs`, top of stack rightmost).
//!
//! Reference rules (CPython 3.14): loads push a new strong reference except
//! the `_BORROW` forms; stores move the popped reference into the name
//! (a borrowed one becomes strong there); an operation pops its inputs,
//! pushes its result, then drops the inputs' references.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::code::{Instr, NO_TARGET};
use super::exceptions::PyException;
use super::frame::Slot;
use super::heap::{Function, ObjId, Referrer, TypeKind, Value};
use super::report::Event;
use super::{Flow, Popped, Vm, builtins};
use crate::bytecode::opcodes::*;
use crate::bytecode::{BinaryOp, CompareOp};

/// `load_instance_attr_calling` found nothing to say about the name.
const NOT_AN_INSTANCE_ATTRIBUTE: &str = "not an instance attribute";
const INTRINSIC_IMPORT_STAR: u32 = 2;
const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
const INTRINSIC_UNARY_POSITIVE: u32 = 5;
const INTRINSIC_LIST_TO_TUPLE: u32 = 6;

/// `BINARY_OP`'s operator, or CPython's complaint about a bad argument.
fn binary_operator(arg: u32) -> Result<BinaryOp, Box<PyException>> {
    BinaryOp::from_arg(arg).ok_or_else(|| bad_operator_arg("BINARY_OP", arg))
}

/// `COMPARE_OP`'s operator, or CPython's complaint about a bad argument.
fn compare_operator(arg: u32) -> Result<CompareOp, Box<PyException>> {
    CompareOp::from_arg(arg).ok_or_else(|| bad_operator_arg("COMPARE_OP", arg))
}

#[cold]
fn bad_operator_arg(opname: &str, arg: u32) -> Box<PyException> {
    PyException::new("SystemError", format!("{opname} with bad argument {arg}"))
}

impl Vm {
    #[inline(always)]
    pub(super) fn execute(&mut self, instr: Instr) -> Flow {
        let arg = instr.arg;
        match instr.opcode {
            // NOP, NOT_TAKEN, RESUME (--)
            NOP | NOT_TAKEN | RESUME => Ok(()),

            // LOAD_CONST (-- value)
            LOAD_CONST => {
                let value = self.constant(arg)?;
                if value == self.singletons.not_implemented {
                    let kind = self
                        .frames
                        .last()
                        .and_then(|f| f.code.code.consts.get(arg as usize));
                    let what = match kind {
                        Some(crate::compile::Constant::Bytes(_)) => "bytes literals",
                        Some(crate::compile::Constant::Complex { .. }) => "complex numbers",
                        Some(crate::compile::Constant::Frozenset(_)) => "frozenset constants",
                        Some(crate::compile::Constant::Slice(_)) => "slices",
                        _ => "this kind of constant",
                    };
                    return Err(self.unsupported(what));
                }
                self.push(value)
            }

            // LOAD_SMALL_INT (-- value)
            LOAD_SMALL_INT => {
                let value = self.int_object(arg as i64);
                self.push(value)
            }

            // LOAD_FAST, LOAD_FAST_CHECK (-- value): a new reference (a borrowed local stays borrowed)
            LOAD_FAST | LOAD_FAST_CHECK => self.load_fast(arg as usize, false),

            // LOAD_FAST_BORROW (-- value): no new reference
            LOAD_FAST_BORROW => self.load_fast(arg as usize, true),

            // LOAD_FAST_LOAD_FAST (-- value1, value2)
            LOAD_FAST_LOAD_FAST => {
                self.load_fast((arg >> 4) as usize, false)?;
                self.load_fast((arg & 15) as usize, false)
            }

            // LOAD_FAST_BORROW_LOAD_FAST_BORROW (-- value1, value2)
            LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
                self.load_fast((arg >> 4) as usize, true)?;
                self.load_fast((arg & 15) as usize, true)
            }

            // LOAD_FAST_AND_CLEAR (-- value): the local's reference moves to the stack
            LOAD_FAST_AND_CLEAR => {
                let frame = self.top_frame()?;
                let slot = frame
                    .locals
                    .get_mut(arg as usize)
                    .map(|slot| std::mem::replace(slot, Slot::NULL))
                    .unwrap_or(Slot::NULL);
                self.push_slot(slot)
            }

            // STORE_FAST (value --)
            STORE_FAST => {
                let popped = self.pop()?;
                self.store_fast(arg as usize, popped)
            }

            // STORE_FAST_LOAD_FAST (value1 -- value2)
            STORE_FAST_LOAD_FAST => {
                let popped = self.pop()?;
                self.store_fast((arg >> 4) as usize, popped)?;
                self.load_fast((arg & 15) as usize, false)
            }

            // STORE_FAST_STORE_FAST (value2, value1 --)
            STORE_FAST_STORE_FAST => {
                let value1 = self.pop()?;
                self.store_fast((arg >> 4) as usize, value1)?;
                let value2 = self.pop()?;
                self.store_fast((arg & 15) as usize, value2)
            }

            // DELETE_FAST (--)
            DELETE_FAST => {
                let index = arg as usize;
                match self
                    .top_frame()?
                    .locals
                    .get(index)
                    .and_then(|slot| slot.obj)
                {
                    Some(_) => self.replace_local(index, Slot::NULL),
                    None => Err(self.unbound_local(index)),
                }
            }

            // LOAD_NAME (-- value): module code looks in globals, then builtins
            LOAD_NAME => {
                let name = self.name(arg)?;
                // Only class bodies have a namespace dict; module code goes straight on.
                if self.frames.last().is_some_and(|f| f.locals_dict.is_some())
                    && let Some(value) = self.lookup_locals_dict(name)?
                {
                    return self.push(value);
                }
                let value = self.lookup_global(name)?;
                self.push(value)
            }

            // LOAD_GLOBAL (-- res, null if (oparg & 1))
            LOAD_GLOBAL => {
                let name = self.name(arg >> 1)?;
                let value = self.lookup_global(name)?;
                self.push(value)?;
                if arg & 1 == 1 {
                    self.push_slot(Slot::NULL)?;
                }
                Ok(())
            }

            // STORE_NAME, STORE_GLOBAL (v --)
            STORE_NAME | STORE_GLOBAL => {
                let name = self.name(arg)?;
                let popped = self.pop()?;
                if instr.opcode == STORE_NAME
                    && let Some(dict) = self.frames.last().and_then(|f| f.locals_dict)
                {
                    return self.store_locals_dict(dict, name, popped);
                }
                self.store_global(name, popped)
            }

            // DELETE_NAME, DELETE_GLOBAL (--)
            DELETE_NAME | DELETE_GLOBAL => {
                let name = self.name(arg)?;
                if instr.opcode == DELETE_NAME
                    && let Some(dict) = self.top_frame()?.locals_dict
                {
                    let text = self.heap.symbols.text(name).to_owned();
                    let key = self.str_object(&text);
                    let result = self.dict_delitem(dict, key).map_err(|error| {
                        self.discard_error(error);
                        PyException::name_error(&text)
                    });
                    self.heap.discard(key);
                    return result;
                }
                self.delete_global(name)
            }

            // LOAD_LOCALS (-- locals): a class body's namespace
            LOAD_LOCALS => match self.top_frame()?.locals_dict {
                Some(dict) => self.push(dict),
                None => Err(PyException::new("SystemError", "no locals found")),
            },

            // LOAD_BUILD_CLASS (-- bc)
            LOAD_BUILD_CLASS => {
                let builder = self.static_builtin(builtins::Builtin::BuildClass);
                self.push(builder)
            }

            // STORE_ATTR (v, owner --)
            STORE_ATTR => {
                let name = self.name(arg)?;
                let (owner, owner_popped) = self.pop_object()?;
                let (value, value_popped) = self.pop_object()?;
                let result = self.calling(|vm| match vm.store_attr_planned(owner, name, value) {
                    Some(stored) => stored,
                    None => {
                        let text = vm.heap.symbols.shared_text(name);
                        vm.store_attribute(owner, &text, value)
                    }
                });
                if let Err(error) = &result
                    && Vm::is_pending(error)
                {
                    self.unpop(error, &[value_popped, owner_popped]);
                    return result;
                }
                self.release(owner_popped);
                self.release(value_popped);
                result
            }

            // DELETE_ATTR (owner --)
            DELETE_ATTR => {
                let name = self.name(arg)?;
                let (owner, popped) = self.pop_object()?;
                let text = self.heap.symbols.text(name).to_owned();
                let result = self.calling(|vm| vm.delete_attribute(owner, &text));
                if let Err(error) = &result
                    && Vm::is_pending(error)
                {
                    self.unpop(error, &[popped]);
                    return result;
                }
                self.release(popped);
                result
            }

            // LOAD_ATTR (owner -- attr, self_or_null if (oparg & 1))
            LOAD_ATTR => {
                let name = self.name(arg >> 1)?;
                self.load_attr(name, arg & 1 == 1)
            }

            // IMPORT_NAME (level, fromlist -- res)
            IMPORT_NAME => {
                let name = self.name(arg)?;
                let fromlist = self.pop()?;
                let level = self.pop()?;
                let module = match self.import(name) {
                    Ok(module) => module,
                    Err(error) => {
                        self.release(level);
                        self.release(fromlist);
                        return Err(error);
                    }
                };
                self.push(module)?;
                self.release(level);
                self.release(fromlist);
                Ok(())
            }

            // IMPORT_FROM (from -- from, res)
            IMPORT_FROM => {
                let name = self.name(arg)?;
                let module = self.peek(0)?.obj.ok_or_else(null_error)?;
                let attr = self.attribute(module, name).map_err(|error| {
                    // bytestep's refusals (`from string import Template`) stay so.
                    if error.fatal {
                        return error;
                    }
                    let module_name = match self.heap.value(module) {
                        Value::Module(m) => self.heap.symbols.text(m.name),
                        _ => "?",
                    };
                    PyException::new(
                        "ImportError",
                        format!(
                            "cannot import name '{}' from '{module_name}' (unknown location)",
                            self.heap.symbols.text(name)
                        ),
                    )
                })?;
                self.push(attr)
            }

            // POP_TOP, END_FOR, POP_ITER (value --)
            POP_TOP | END_FOR | POP_ITER => {
                let popped = self.pop()?;
                self.release(popped);
                Ok(())
            }

            // PUSH_NULL (-- null)
            PUSH_NULL => self.push_slot(Slot::NULL),

            // COPY (bottom, unused[oparg-1] -- bottom, unused[oparg-1], top)
            COPY => {
                let slot = self.peek(arg.saturating_sub(1) as usize)?;
                match slot.obj {
                    Some(obj) if !slot.borrowed => self.push(obj),
                    _ => self.push_slot(slot),
                }
            }

            // SWAP (bottom, unused[oparg-2], top -- top, unused[oparg-2], bottom)
            SWAP => {
                let frame = self.top_frame()?;
                let len = frame.stack.len();
                let other = len
                    .checked_sub(arg as usize)
                    .ok_or_else(|| PyException::new("SystemError", "SWAP past the stack"))?;
                frame.stack.swap(other, len - 1);
                Ok(())
            }

            // GET_ITER (iterable -- iter)
            GET_ITER => self.calling(|vm| vm.unary(|vm, iterable| vm.iterator(iterable))),

            // FOR_ITER (iter -- iter, next); exhausted: jump past END_FOR to POP_ITER
            FOR_ITER => {
                let iterator = self.peek(0)?.obj.ok_or_else(null_error)?;
                if matches!(
                    self.heap.value(iterator),
                    Value::Generator(_) | Value::Enumerate { .. } | Value::Zip { .. }
                ) && self.for_iter_generator(iterator, instr.target)?
                {
                    return Ok(());
                }
                if let Value::Instance { .. }
                | Value::Map { .. }
                | Value::Filter { .. }
                | Value::Enumerate { .. }
                | Value::Zip { .. }
                | Value::Reversed { .. }
                | Value::SeqIterator {
                    kind: TypeKind::SeqIter,
                    ..
                }
                | Value::CallableIterator { .. } = self.heap.value(iterator)
                {
                    if let Value::Filter { .. } = self.heap.value(iterator) {
                        return self.for_iter_filter(iterator, instr.target);
                    }
                    if let Value::Instance { .. } = self.heap.value(iterator)
                        && self.enter_next_directly(iterator)
                    {
                        return Ok(());
                    }
                    return self.calling(|vm| match vm.next_item(iterator)? {
                        Some(item) => vm.push(item),
                        None => vm.jump(instr.target, 1),
                    });
                }
                match self.next_item(iterator)? {
                    Some(item) => self.push(item),
                    None => self.jump(instr.target, 1),
                }
            }

            // JUMP_FORWARD (--)
            JUMP_FORWARD => self.jump(instr.target, 0),

            // JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT (--)
            JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => self.jump(instr.target, 0),

            // POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE (cond --)
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                let (cond, popped) = self.pop_object()?;
                if cond == self.singletons.true_ || cond == self.singletons.false_ {
                    // A bool (what COMPARE_OP leaves): immortal, nothing to release.
                    if (cond == self.singletons.true_) == (instr.opcode == POP_JUMP_IF_TRUE) {
                        self.jump(instr.target, 0)?;
                    }
                    return Ok(());
                }
                let truth = self
                    .truthy(cond)
                    .inspect_err(|e| self.unpop(e, &[popped]))?;
                self.release(popped);
                if truth == (instr.opcode == POP_JUMP_IF_TRUE) {
                    self.jump(instr.target, 0)?;
                }
                Ok(())
            }

            // POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE (value --)
            POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                let (value, popped) = self.pop_object()?;
                let is_none = value == self.singletons.none;
                self.release(popped);
                if is_none == (instr.opcode == POP_JUMP_IF_NONE) {
                    self.jump(instr.target, 0)?;
                }
                Ok(())
            }

            // TO_BOOL (value -- res)
            TO_BOOL => {
                let (value, popped) = self.pop_object()?;
                let truth = self
                    .truthy(value)
                    .inspect_err(|e| self.unpop(e, &[popped]))?;
                self.push(self.bool_object(truth))?;
                self.release(popped);
                Ok(())
            }

            // UNARY_NOT (value -- res)
            UNARY_NOT => {
                let (value, popped) = self.pop_object()?;
                let truth = self
                    .truthy(value)
                    .inspect_err(|e| self.unpop(e, &[popped]))?;
                self.push(self.bool_object(!truth))?;
                self.release(popped);
                Ok(())
            }

            // UNARY_NEGATIVE (value -- res)
            UNARY_NEGATIVE => self.calling(|vm| vm.unary(|vm, value| vm.negate(value))),

            // UNARY_INVERT (value -- res)
            UNARY_INVERT => self.calling(|vm| {
                vm.unary(|vm, value| match vm.heap.value(value) {
                    Value::Int(v) => Ok(vm.int_object(!*v)),
                    Value::Bool(b) => Ok(vm.int_object(!(*b as i64))),
                    Value::BigInt(v) => {
                        let inverted: BigInt = -(v.as_ref() + BigInt::from(1));
                        Ok(vm.int_from_bigint(inverted))
                    }
                    Value::Instance { .. } => vm.unary_special(value, "__invert__", "unary ~"),
                    other => Err(PyException::type_error(format!(
                        "bad operand type for unary ~: '{}'",
                        other.type_name()
                    ))),
                })
            }),

            // CALL_INTRINSIC_1 (value -- res)
            CALL_INTRINSIC_1 if arg == INTRINSIC_UNARY_POSITIVE => self.calling(|vm| {
                vm.unary(|vm, value| match vm.heap.value(value) {
                    Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(..) => {
                        Ok(value)
                    }
                    Value::Bool(b) => Ok(vm.int_object(*b as i64)),
                    Value::Instance { .. } => vm.unary_special(value, "__pos__", "unary +"),
                    other => Err(PyException::type_error(format!(
                        "bad operand type for unary +: '{}'",
                        other.type_name()
                    ))),
                })
            }),

            // BINARY_OP (lhs, rhs -- res): two ints first (exec/quick.rs)
            BINARY_OP => {
                let op = binary_operator(arg)?;
                match self.binary_op_int(op) {
                    Some(done) => done,
                    None if self.plain_operands() => {
                        self.binary(|vm, lhs, rhs| vm.binary_op(op, lhs, rhs))
                    }
                    None => self.calling(|vm| vm.binary(|vm, lhs, rhs| vm.binary_op(op, lhs, rhs))),
                }
            }

            // COMPARE_OP (left, right -- res): two ints first (exec/quick.rs)
            COMPARE_OP => {
                let op = compare_operator(arg)?;
                match self.compare_op_int(op) {
                    Some(done) => done,
                    None if self.plain_operands() => self.binary(|vm, left, right| {
                        let result = vm.compare(op, left, right)?;
                        Ok(vm.bool_object(result))
                    }),
                    None => {
                        let to_bool = CompareOp::coerces_to_bool(arg);
                        self.calling(|vm| {
                            vm.binary(|vm, left, right| vm.compare_op(op, to_bool, left, right))
                        })
                    }
                }
            }

            // IS_OP (left, right -- b)
            IS_OP => {
                let right = self.pop()?;
                let left = self.pop()?;
                let same = left.slot.obj == right.slot.obj;
                self.push(self.bool_object(same != (arg == 1)))?;
                self.release(left);
                self.release(right);
                Ok(())
            }

            // CONTAINS_OP (left, right -- b)
            CONTAINS_OP if self.generator_at(0) => self.contains_in_generator(arg == 1).map(|_| ()),
            CONTAINS_OP => self.calling(|vm| {
                vm.binary(|vm, item, container| {
                    let found = vm.contains(container, item)?;
                    Ok(vm.bool_object(found != (arg == 1)))
                })
            }),

            // BUILD_TUPLE (values[oparg] -- tup): the items' references move into the tuple
            BUILD_TUPLE => {
                let popped = self.pop_many(arg as usize)?;
                let items: Vec<ObjId> = popped.iter().filter_map(|p| p.slot.obj).collect();
                if items.len() != popped.len() {
                    return Err(null_error());
                }
                let tuple = self.tuple_object(items, true);
                let address = self.heap.get(tuple).address;
                for (index, entry) in popped.iter().enumerate() {
                    self.take_into(
                        entry,
                        Referrer::Item {
                            container: address,
                            type_name: "tuple",
                            index: index as u32,
                        },
                    );
                }
                self.push(tuple)
            }

            // BUILD_STRING (pieces[oparg] -- str)
            BUILD_STRING => {
                let popped = self.pop_many(arg as usize)?;
                let mut text = String::new();
                for piece in &popped {
                    let obj = piece.slot.obj.ok_or_else(null_error)?;
                    let piece = self.heap.try_str(obj)?;
                    self.charge(piece.len() as u64);
                    self.heap
                        .check_room(2 * (text.len() as u64 + piece.len() as u64))?;
                    text.push_str(&piece);
                }
                let result = self.str_object(&text);
                self.push(result)?;
                for piece in popped {
                    self.release(piece);
                }
                Ok(())
            }

            // FORMAT_SIMPLE (value -- res)
            FORMAT_SIMPLE => self.calling(|vm| {
                vm.unary(|vm, value| match vm.heap.value(value) {
                    Value::Str(_) => Ok(value),
                    Value::Instance { .. } => {
                        let empty = vm.singletons.empty_str;
                        vm.instance_format(value, empty)
                    }
                    _ => {
                        let text = vm.str_of(value)?;
                        Ok(vm.str_object(&text))
                    }
                })
            }),

            // CONVERT_VALUE (value -- result): `!s`, `!r`, `!a` of an f-string
            CONVERT_VALUE => self.calling(|vm| {
                vm.unary(|vm, value| {
                    let text = match arg {
                        // (An exact str is its own `str()`; a subclass's goes
                        // through its class.)
                        1 if matches!(vm.heap.value(value), Value::Str(_))
                            && vm.heap.subclass_of(value).is_none() =>
                        {
                            return Ok(value);
                        }
                        1 => vm.str_of(value)?,
                        2 => vm.repr_of(value)?,
                        _ => super::format_spec::ascii_escape(&vm.repr_of(value)?),
                    };
                    Ok(vm.str_object(&text))
                })
            }),

            // FORMAT_WITH_SPEC (value, fmt_spec -- res)
            FORMAT_WITH_SPEC => self.calling(|vm| {
                vm.binary(|vm, value, spec| {
                    let spec_text = match vm.heap.value(spec) {
                        Value::Str(text) => text.clone(),
                        other => {
                            return Err(PyException::type_error(format!(
                                "format() argument 2 must be str, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    if vm.is_instance_obj(value) {
                        return vm.instance_format(value, spec);
                    }
                    let text = if spec_text.is_empty() && vm.is_instance_obj(value) {
                        vm.str_of(value)?
                    } else {
                        vm.format_object(value, &spec_text)?
                    };
                    // A str that needs no padding comes back as itself.
                    if let Value::Str(original) = vm.heap.value(value)
                        && **original == *text
                    {
                        return Ok(value);
                    }
                    Ok(vm.str_object(&text))
                })
            }),

            // UNPACK_SEQUENCE (seq -- values[oparg])
            UNPACK_SEQUENCE => {
                if self.gathers_at(0) {
                    return self.gather_generator(0, arg.saturating_add(1)).map(|_| ());
                }
                let sequence = self.peek(0)?.obj.ok_or_else(null_error)?;
                if matches!(
                    self.heap.value(sequence),
                    Value::Instance { .. }
                        | Value::Set(_)
                        | Value::Str(_)
                        | Value::Dict(_)
                        | Value::Range { .. }
                        | Value::RangeIterator { .. }
                        | Value::SeqIterator { .. }
                        | Value::CallableIterator { .. }
                        | Value::Enumerate { .. }
                        | Value::Zip { .. }
                        | Value::Map { .. }
                        | Value::Filter { .. }
                        | Value::Reversed { .. }
                        | Value::DictView { .. }
                ) {
                    return self.calling(|vm| vm.unpack_iterable(sequence, arg as usize));
                }
                let (sequence, popped) = self.pop_object()?;
                let sized = matches!(
                    self.heap.value(sequence),
                    Value::Tuple(_) | Value::List(_) | Value::Dict(_)
                );
                // Any other iterable (str, range, zip…) is iterated first.
                let (items, temp) = match self.items_to_unpack(sequence) {
                    Ok(found) => found,
                    Err(error) => {
                        self.release(popped);
                        return Err(error);
                    }
                };
                if items.len() != arg as usize {
                    if let Some(temp) = temp {
                        self.heap.discard(temp);
                    }
                    let message = if items.len() > arg as usize && sized {
                        format!(
                            "too many values to unpack (expected {arg}, got {})",
                            items.len()
                        )
                    } else if items.len() > arg as usize {
                        format!("too many values to unpack (expected {arg})")
                    } else {
                        format!(
                            "not enough values to unpack (expected {arg}, got {})",
                            items.len()
                        )
                    };
                    self.release(popped);
                    return Err(PyException::new("ValueError", message));
                }
                for &item in items.iter().rev() {
                    self.push(item)?;
                }
                if let Some(temp) = temp {
                    self.heap.discard(temp);
                }
                self.release(popped);
                Ok(())
            }

            // MAKE_FUNCTION (codeobj -- func)
            MAKE_FUNCTION => {
                let (code, popped) = self.pop_object()?;
                let Value::Code(info) = self.heap.value(code) else {
                    return Err(PyException::new("SystemError", "MAKE_FUNCTION needs code"));
                };
                let info = std::sync::Arc::clone(info);
                let qualname = info.qualname;
                let function = self.heap.alloc(Value::Function(Box::new(Function {
                    code,
                    plain_call: info.plain_call,
                    info,
                    qualname,
                    defaults: None,
                    kwdefaults: None,
                    closure: None,
                    annotate: None,
                    annotations: None,
                    dict: None,
                    name: None,
                    qualname_object: None,
                    doc: None,
                    module: None,
                })));
                self.heap.incref(
                    code,
                    Referrer::Field {
                        owner: qualname,
                        field: "code",
                    },
                );
                self.push(function)?;
                self.release(popped);
                Ok(())
            }

            // CALL (callable, self_or_null, args[oparg] -- res)
            CALL => self.call(arg as usize, None),

            // CALL_KW (callable, self_or_null, args[oparg], kwnames -- res)
            CALL_KW => {
                let names = self.peek(0)?.obj.ok_or_else(null_error)?;
                let kwnames = match self.heap.value(names) {
                    Value::Tuple(items) => items
                        .iter()
                        .map(|&n| self.heap.str(n))
                        .collect::<Vec<String>>(),
                    _ => Vec::new(),
                };
                if let Some(done) = self.call_builtin_in_place(arg as usize, &kwnames, 1) {
                    return done;
                }
                if let Some(done) = self.call_class_with_new(arg as usize, &kwnames, 1) {
                    return done;
                }
                let popped = self.pop()?;
                self.release(popped);
                self.call(arg as usize, Some(kwnames))
            }

            // RETURN_VALUE (retval -- res): the caller gets a strong reference
            RETURN_VALUE => self.return_value(),

            // BUILD_LIST (values[oparg] -- list)
            BUILD_LIST => self.build_list(arg as usize),
            // LIST_APPEND (list, unused[oparg-1], v -- list, unused[oparg-1])
            LIST_APPEND => self.list_append_op(arg),
            // LIST_EXTEND (list, unused[oparg-1], iterable -- list, unused[oparg-1])
            LIST_EXTEND => {
                if self.gathers_at(0) {
                    return self.gather_generator(0, 0).map(|_| ());
                }
                self.list_extend_op(arg)
            }
            // BUILD_MAP (values[oparg*2] -- map)
            BUILD_MAP => self.build_map(arg as usize),
            MATCH_SEQUENCE => self.match_sequence(),
            MATCH_MAPPING => self.match_mapping(),
            MATCH_KEYS => self.match_keys(),
            MATCH_CLASS => self.match_class(arg as usize),
            GET_LEN => self.get_len(),
            UNPACK_EX => self.unpack_ex(arg),
            // MAP_ADD (dict, unused[oparg - 1], key, value -- dict, unused[oparg - 1])
            MAP_ADD => self.map_add(arg),
            // STORE_SUBSCR (v, container, sub --)
            STORE_SUBSCR => self.store_subscr(),
            // DELETE_SUBSCR (container, sub --)
            DELETE_SUBSCR => self.delete_subscr(),
            // BUILD_SLICE (args[oparg] -- slice)
            BUILD_SLICE => self.build_slice(arg),
            // BINARY_SLICE (container, start, stop -- res)
            BINARY_SLICE => self.calling(|vm| vm.binary_slice()),
            // STORE_SLICE (v, container, start, stop --)
            STORE_SLICE => self.calling(|vm| vm.store_slice()),
            // BUILD_SET (values[oparg] -- set)
            BUILD_SET => self.build_set(arg as usize),
            // SET_ADD (set, unused[oparg-1], v -- set, unused[oparg-1])
            SET_ADD => self.set_add_op(arg),
            // SET_UPDATE (set, unused[oparg-1], iterable -- set, unused[oparg-1])
            SET_UPDATE => self.calling(|vm| vm.set_update_op(arg)),
            // LOAD_SUPER_ATTR (global_super, class, self -- attr, self_or_null if (oparg & 1))
            LOAD_SUPER_ATTR => self.calling(|vm| vm.load_super_attr(arg)),

            // CALL_FUNCTION_EX (func, null, callargs, kwargs -- result)
            CALL_FUNCTION_EX => {
                if self.gathers_at(1) {
                    return self.gather_generator(1, 0).map(|_| ());
                }
                self.call_function_ex()
            }
            // DICT_MERGE (dict, unused[oparg - 1], update -- dict, unused[oparg - 1])
            DICT_MERGE => self.dict_merge(arg, true),
            // DICT_UPDATE (dict, unused[oparg - 1], update -- dict, unused[oparg - 1])
            DICT_UPDATE => self.dict_merge(arg, false),
            // CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE (value -- res)
            CALL_INTRINSIC_1 if arg == INTRINSIC_LIST_TO_TUPLE => self.list_to_tuple(),

            // CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR (from -- res)
            CALL_INTRINSIC_1 if arg == INTRINSIC_IMPORT_STAR => self.import_star(),

            // SET_FUNCTION_ATTRIBUTE (attr, func -- func)
            SET_FUNCTION_ATTRIBUTE => self.set_function_attribute(arg),
            // MAKE_CELL (--)
            MAKE_CELL => self.make_cell(arg as usize),
            // COPY_FREE_VARS (--)
            COPY_FREE_VARS => self.copy_free_vars(arg as usize),
            // LOAD_DEREF (-- value)
            LOAD_DEREF => self.load_deref(arg as usize),

            // LOAD_FROM_DICT_OR_DEREF (class_dict -- value)
            LOAD_FROM_DICT_OR_DEREF => self.load_from_dict_or_deref(arg as usize),

            // LOAD_FROM_DICT_OR_GLOBALS (mod_or_class_dict -- v)
            LOAD_FROM_DICT_OR_GLOBALS => {
                let name = self.name(arg)?;
                self.load_from_dict_or_globals(name)
            }
            // STORE_DEREF (v --)
            STORE_DEREF => self.store_deref(arg as usize),
            // DELETE_DEREF (--)
            DELETE_DEREF => self.delete_deref(arg as usize),

            // RAISE_VARARGS (args[oparg] --)
            RAISE_VARARGS => self.raise_varargs(arg),
            // PUSH_EXC_INFO (exc -- prev_exc, new_exc)
            PUSH_EXC_INFO => self.push_exc_info(),
            // POP_EXCEPT (exc_value --)
            POP_EXCEPT => self.pop_except(),
            // CHECK_EXC_MATCH (left, right -- left, b)
            CHECK_EXC_MATCH => self.check_exc_match(),
            // RERAISE (values[oparg], exc -- values[oparg])
            RERAISE => self.reraise(arg),

            // LOAD_SPECIAL (self -- attr, self_or_null)
            LOAD_SPECIAL => self.load_special(arg),
            // WITH_EXCEPT_START (exit_func, exit_self, lasti, prev_exc, val -- exit_func, exit_self, lasti, prev_exc, val, res)
            WITH_EXCEPT_START => self.with_except_start(),

            // LOAD_COMMON_CONSTANT (-- value)
            LOAD_COMMON_CONSTANT => {
                let value = match arg {
                    0 => self.exception_class("AssertionError"),
                    1 => self.exception_class("NotImplementedError"),
                    2 => self.type_object(TypeKind::Tuple),
                    3 => self.builtin_object(builtins::Builtin::All),
                    _ => self.builtin_object(builtins::Builtin::Any),
                };
                self.push(value)
            }

            // RETURN_GENERATOR (-- res)
            RETURN_GENERATOR => self.return_generator(),
            // YIELD_VALUE (retval -- value)
            YIELD_VALUE => self.yield_value(),
            // GET_YIELD_FROM_ITER (iterable -- iter)
            GET_YIELD_FROM_ITER => self.get_yield_from_iter(),
            // SEND (receiver, v -- receiver, retval)
            SEND => self.send(instr.target),
            // END_SEND (receiver, value -- value)
            END_SEND => self.end_send(),
            // CLEANUP_THROW (sub_iter, last_sent_val, exc_value -- none, value)
            CLEANUP_THROW => self.cleanup_throw(),
            // CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR (value -- res)
            CALL_INTRINSIC_1 if arg == INTRINSIC_STOPITERATION_ERROR => self.stopiteration_error(),

            EXTENDED_ARG => Ok(()),

            other => Err(self.unsupported(&feature_of(crate::bytecode::opcodes::name(other)))),
        }
    }

    pub(super) fn unsupported(&self, what: &str) -> Box<PyException> {
        PyException::not_implemented(what, self.current_line())
    }

    fn constant(&self, index: u32) -> Flow<ObjId> {
        let frame = self.frames.last().ok_or_else(null_error)?;
        frame
            .code
            .consts
            .get(index as usize)
            .copied()
            .ok_or_else(|| PyException::new("SystemError", "bad constant index"))
    }

    pub(super) fn name(&self, index: u32) -> Flow<super::heap::Symbol> {
        let frame = self.frames.last().ok_or_else(null_error)?;
        frame
            .code
            .names
            .get(index as usize)
            .copied()
            .ok_or_else(|| PyException::new("SystemError", "bad name index"))
    }

    pub(super) fn jump(&mut self, target: u32, skip: usize) -> Flow {
        if target == NO_TARGET {
            return Err(PyException::new("SystemError", "jump to nowhere"));
        }
        self.top_frame()?.pc = target as usize + skip;
        Ok(())
    }

    /// Pop `count` slots; returned bottom first.
    pub(super) fn pop_many(&mut self, count: usize) -> Flow<Vec<Popped>> {
        let mut popped = Vec::with_capacity(count);
        for _ in 0..count {
            popped.push(self.pop()?);
        }
        popped.reverse();
        Ok(popped)
    }

    /// `(value -- res)` for a computation of one operand.
    fn unary(&mut self, compute: impl FnOnce(&mut Vm, ObjId) -> Flow<ObjId>) -> Flow {
        let (value, popped) = self.pop_object()?;
        // On an error the input's reference is dropped all the same.
        let result = match compute(self, value) {
            Ok(result) => result,
            Err(error) if Vm::is_pending(&error) => {
                self.unpop(&error, &[popped]);
                return Err(error);
            }
            Err(error) => {
                self.release(popped);
                return Err(error);
            }
        };
        self.push(result)?;
        self.release(popped);
        Ok(())
    }

    /// `(left, right -- res)`: pop both, compute, push the result, then drop
    /// the inputs' references (the result may be one of them).
    pub(super) fn binary(
        &mut self,
        compute: impl FnOnce(&mut Vm, ObjId, ObjId) -> Flow<ObjId>,
    ) -> Flow {
        let (right, right_popped) = self.pop_object()?;
        let (left, left_popped) = self.pop_object()?;
        let result = match compute(self, left, right) {
            Ok(result) => result,
            Err(error) if Vm::is_pending(&error) => {
                self.unpop(&error, &[left_popped, right_popped]);
                return Err(error);
            }
            Err(error) => {
                self.release(left_popped);
                self.release(right_popped);
                return Err(error);
            }
        };
        self.push(result)?;
        self.release(left_popped);
        self.release(right_popped);
        Ok(())
    }

    fn load_fast(&mut self, index: usize, borrow: bool) -> Flow {
        let frame = self.top_frame()?;
        let slot = frame.locals.get(index).copied().unwrap_or(Slot::NULL);
        match slot.obj {
            None => Err(self.unbound_local(index)),
            Some(obj) if borrow || slot.borrowed => self.push_slot(Slot {
                obj: Some(obj),
                borrowed: true,
            }),
            Some(obj) => self.push(obj),
        }
    }

    #[cold]
    #[inline(never)]
    fn unbound_local(&self, index: usize) -> Box<PyException> {
        let name = self
            .frames
            .last()
            .and_then(|f| f.code.localsplus.get(index))
            .map_or("?", |&s| self.heap.symbols.text(s));
        PyException::new(
            "UnboundLocalError",
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// The popped reference moves into the local (a borrowed one stays borrowed,
    /// as CPython's `SETLOCAL` keeps the stack reference as it is).
    fn store_fast(&mut self, index: usize, popped: Popped) -> Flow {
        self.replace_local(index, popped.slot)
    }

    /// Put `slot` in local `index` (binding it, if it holds an object) and drop
    /// the reference the local held before.
    fn replace_local(&mut self, index: usize, slot: Slot) -> Flow {
        let frame = self.top_frame()?;
        let qualname = frame.qualname;
        let name = *frame
            .code
            .localsplus
            .get(index)
            .ok_or_else(|| PyException::new("SystemError", "bad local index"))?;
        let old = std::mem::replace(&mut frame.locals[index], slot);
        let referrer = Referrer::Local {
            frame: qualname,
            name,
        };
        if let Some(obj) = slot.obj {
            self.record_bind(referrer, obj);
        }
        if let Some(obj) = old.obj
            && !old.borrowed
        {
            self.heap.decref(obj, referrer);
        }
        Ok(())
    }

    /// A name (global, local) now refers to `obj`: recorded when someone watches.
    fn record_bind(&mut self, referrer: Referrer, obj: ObjId) {
        if self.heap.recorder.enabled {
            let target = self.heap.describe(referrer);
            let address = self.heap.get(obj).address;
            self.heap.recorder.push(Event::Bind {
                target,
                obj,
                address,
            });
        }
    }

    fn global_referrer(&self, name: super::heap::Symbol) -> Referrer {
        Referrer::Name {
            namespace: self.main_symbol(),
            name,
        }
    }

    #[inline]
    pub(super) fn lookup_global(&self, name: super::heap::Symbol) -> Flow<ObjId> {
        if let Some(dict) = self.main_dict_if_any()
            && let Some(found) = self.module_dict_get(dict, name)
        {
            return Ok(found);
        }
        for module in [self.main_module, self.builtins_module] {
            if let Value::Module(m) = self.heap.value(module)
                && let Some(found) = m.namespace.get(name)
            {
                return Ok(found);
            }
        }
        self.lookup_global_missing(name)
    }

    /// A name in neither globals nor builtins (out of line: the lookup
    /// itself stays small).
    #[cold]
    #[inline(never)]
    fn lookup_global_missing(&self, name: super::heap::Symbol) -> Flow<ObjId> {
        let text = self.heap.symbols.text(name);
        if let Some(what) = builtins::refused(text) {
            return Err(PyException::refused(
                &format!("{text}() ({what})"),
                self.current_line(),
            ));
        }
        if text == "__name__" {
            // `__name__` of `__main__`, an immortal identifier string in CPython.
            return Ok(self.singletons_main_name());
        }
        // A builtin CPython has and bytestep does not is never a NameError.
        if super::suggest::BUILTIN_NAMES.contains(&text) {
            return Err(PyException::not_implemented(
                &format!("the builtin '{text}'"),
                self.current_line(),
            ));
        }
        Err(PyException::name_error(text))
    }

    fn store_global(&mut self, name: super::heap::Symbol, popped: Popped) -> Flow {
        let obj = popped.slot.obj.ok_or_else(null_error)?;
        if let Some(dict) = self.main_dict_if_any() {
            let result = self.module_dict_set(dict, name, obj);
            self.release(popped);
            return result;
        }
        let referrer = self.global_referrer(name);
        self.take_into(&popped, referrer);
        let main = self.main_module;
        let old = match self.heap.value_mut(main) {
            Value::Module(module) => module.namespace.set(name, obj),
            _ => None,
        };
        self.record_bind(referrer, obj);
        if let Some(old) = old {
            self.heap.decref(old, referrer);
        }
        Ok(())
    }

    /// `from module import *` (`import_all_from`, at module level): each
    /// public name of the module (not starting with `_`; bytestep's modules
    /// have no `__all__`) is bound as `STORE_NAME` binds it, in the
    /// module's order; the result is None.
    fn import_star(&mut self) -> Flow {
        let popped = self.pop()?;
        let module = popped.slot.obj.ok_or_else(null_error)?;
        let names: Vec<(super::heap::Symbol, ObjId)> = match self.heap.value(module) {
            Value::Module(m) => m
                .namespace
                .entries()
                .filter(|&(name, _)| !self.heap.symbols.text(name).starts_with('_'))
                .collect(),
            _ => Vec::new(),
        };
        for (name, value) in names {
            // The value passes through the stack as `STORE_NAME` takes it.
            self.push(value)?;
            let slot = self.pop()?;
            self.store_global(name, slot)?;
        }
        self.release(popped);
        self.push(self.singletons.none)
    }

    fn delete_global(&mut self, name: super::heap::Symbol) -> Flow {
        if let Some(dict) = self.main_dict_if_any() {
            if self.module_dict_delete(dict, name) {
                return Ok(());
            }
            return Err(PyException::name_error(self.heap.symbols.text(name)));
        }
        let main = self.main_module;
        let referrer = self.global_referrer(name);
        let removed = match self.heap.value_mut(main) {
            Value::Module(module) => module.namespace.remove(name),
            _ => None,
        };
        match removed {
            Some(old) => {
                self.heap.decref(old, referrer);
                Ok(())
            }
            None => Err(PyException::name_error(self.heap.symbols.text(name))),
        }
    }

    /// `LOAD_ATTR`'s work: replace the owner on top of the stack with its
    /// attribute `name` (with `method`: the unbound function and the owner,
    /// or the attribute and NULL).
    fn load_attr(&mut self, name: super::heap::Symbol, method: bool) -> Flow {
        if self.load_attr_planned(name, method)? {
            return Ok(());
        }
        // `cls.__annotations__` and `cls.__annotate__`: `type`'s getters
        // (data descriptors, before anything in the class's MRO); the first
        // may call `__annotate__` (a frame), so the owner stays on the
        // stack until its result is known.
        if let Some(top) = self.peek(0)?.obj
            && let Value::Class(_) = self.heap.value(top)
            && let text @ ("__annotations__" | "__annotate__") = self.heap.symbols.text(name)
            && self.metaclass_of(top).is_none()
        {
            let annotate = text == "__annotate__";
            let attr = if annotate {
                self.class_annotate(top)?
            } else {
                self.calling(|vm| vm.class_annotations(top))?
            };
            return self.replace_owner(attr, method);
        }
        if let Some(top) = self.peek(0)?.obj
            && let Value::Super { .. } = self.heap.value(top)
        {
            return self.load_attr_of_super(name, method);
        }
        // A list or dict made by a subclass: its class's attributes first.
        if self.heap.has_subclassed()
            && self
                .peek(0)?
                .obj
                .and_then(|o| self.heap.subclass_of(o))
                .is_some()
            && self.load_instance_attr(name, method)?
        {
            return Ok(());
        }
        if self.load_method(name, method)? {
            return Ok(());
        }
        if self.load_instance_attr(name, method)? {
            return Ok(());
        }
        if self.load_descriptor_attr(name, method)? {
            return Ok(());
        }
        // `f.__annotations__` may call `__annotate__` (a frame): the owner
        // stays on the stack until its result is known.
        if let Some(top) = self.peek(0)?.obj
            && let Value::Function(_) = self.heap.value(top)
            && self.heap.symbols.text(name) == "__annotations__"
        {
            let attr = self.calling(|vm| vm.function_annotations(top))?;
            return self.replace_owner(attr, method);
        }
        let (owner, popped) = self.pop_object()?;
        let attr = match self.attribute(owner, name) {
            Ok(attr) => attr,
            Err(error) => {
                self.release(popped);
                return Err(error);
            }
        };
        self.push(attr)?;
        if method {
            self.push_slot(Slot::NULL)?;
        }
        self.release(popped);
        Ok(())
    }

    /// `LOAD_ATTR`'s end when the owner stayed on the stack while its
    /// attribute was found: the attribute (and NULL, with the method bit)
    /// replaces it, then the owner's reference goes.
    fn replace_owner(&mut self, attr: ObjId, method: bool) -> Flow {
        let (_, popped) = self.pop_object()?;
        self.push(attr)?;
        if method {
            self.push_slot(Slot::NULL)?;
        }
        self.release(popped);
        Ok(())
    }

    /// `getattr(owner, name)` for builtins: the attribute, found as
    /// `LOAD_ATTR` finds it (a new reference, or a borrowed one the caller
    /// pushes).
    pub(in crate::vm) fn get_attribute(&mut self, owner: ObjId, name: &str) -> Flow<ObjId> {
        let symbol = self.heap.symbols.intern(name);
        self.push(owner)?;
        if let Err(error) = self.load_attr(symbol, false) {
            if Vm::is_pending(&error) {
                // The owner pushed above goes: the replay pushes it again.
                let popped = self.pop()?;
                self.release(popped);
            }
            return Err(error);
        }
        let popped = self.pop()?;
        let value = popped.slot.obj.ok_or_else(null_error)?;
        self.heap.decref_keep(value, popped.referrer());
        Ok(value)
    }

    /// A built-in object's own attribute, once methods and descriptors
    /// found none: the `getattr` slot of its type.
    fn attribute(&mut self, owner: ObjId, name: super::heap::Symbol) -> Flow<ObjId> {
        if let Some(found) = self.bytes_attribute(owner, name) {
            return found;
        }
        let name_text = self.heap.symbols.text(name).to_owned();
        let handled_below = match self.heap.value(owner) {
            Value::Complex(..) => name_text == "real" || name_text == "imag",
            Value::Type(_) => name_text == "__name__" || name_text == "__qualname__",
            _ => false,
        };
        if !handled_below && let Some(found) = self.builtin_attribute(owner, &name_text) {
            return found;
        }
        self.getattr_of(owner, name)
    }

    fn import(&mut self, name: super::heap::Symbol) -> Flow<ObjId> {
        match self.heap.symbols.text(name) {
            "sys" => Ok(self.sys_module),
            "builtins" => Ok(self.builtins_module),
            "math" => Ok(self.math_module()),
            "gc" => Ok(self.gc_module()),
            "string" => Ok(self.string_module()),
            "random" => Ok(self.random_module()),
            "__future__" => Ok(self.future_module()),
            other => {
                let top = other.split('.').next().unwrap_or(other);
                if super::suggest::is_stdlib_module(top) || self.program_has_module(top) {
                    // A module that exists but bytestep cannot load.
                    return Err(PyException::not_implemented(
                        &format!("importing '{other}'"),
                        self.current_line(),
                    ));
                }
                Err(PyException::new(
                    "ModuleNotFoundError",
                    format!("No module named '{top}'"),
                ))
            }
        }
    }

    /// A module of the program's own beside its file (`helper.py`, a
    /// package directory), which bytestep cannot import yet.
    fn program_has_module(&self, name: &str) -> bool {
        let dir = std::path::Path::new(self.filename())
            .parent()
            .unwrap_or(std::path::Path::new(""));
        let dir = if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        };
        dir.join(format!("{name}.py")).exists() || dir.join(name).is_dir()
    }

    /// `iter(x)`: a new iterator over `x` (or `x` itself if it is one):
    /// the `iter` slot of its type (see `types/protocol.rs`).
    #[inline]
    pub(super) fn iterator(&mut self, iterable: ObjId) -> Flow<ObjId> {
        self.iter_of(iterable)
    }

    /// The next item of an iterator (a new reference for the caller to push),
    /// or `None` when it is exhausted: the `next` slot of its type.
    #[inline]
    pub(super) fn next_item(&mut self, iterator: ObjId) -> Flow<Option<ObjId>> {
        self.next_of(iterator)
    }

    /// Python truthiness (`__bool__`, `__len__` of instances).
    #[inline]
    pub(super) fn truthy(&mut self, obj: ObjId) -> Flow<bool> {
        match self.heap.value(obj) {
            // TO_BOOL_BOOL: what a comparison left for a jump.
            Value::Bool(b) => Ok(*b),
            Value::Instance { .. } | Value::DictView { .. } => self.truthy_slot(obj),
            // A class whose metaclass has `__bool__` or `__len__`.
            Value::Class(c) if c.metaclass.is_some() => self.truthy_slot(obj),
            value => Ok(value.truthy()),
        }
    }

    /// UNPACK_SEQUENCE of any iterable: its items, counted as CPython's
    /// `unpack_iterable` counts them (one past the expected number at most).
    fn unpack_iterable(&mut self, sequence: ObjId, expected: usize) -> Flow {
        let iterator = self.iterator(sequence)?;
        let holder = self.raised_referrer();
        self.heap.incref(iterator, holder);
        let mut items = Vec::with_capacity(expected);
        let mut result = Ok(());
        while items.len() <= expected {
            // Logged: a replay (after an item's Python call) takes the
            // items already taken again instead of advancing the iterator.
            match self.next_logged(iterator) {
                Ok(Some(item)) => {
                    self.heap.incref(item, holder);
                    items.push(item);
                }
                Ok(None) => break,
                Err(error) => {
                    result = Err(error);
                    break;
                }
            }
        }
        let release = |vm: &mut Vm, items: &[ObjId]| {
            for &item in items {
                vm.heap.decref(item, holder);
            }
            vm.heap.decref(iterator, holder);
        };
        if let Err(error) = result {
            release(self, &items);
            return Err(error);
        }
        if items.len() != expected {
            release(self, &items);
            // CPython counts a dict's items (`len`), not an iterator's.
            let dict_len = match self.heap.value(sequence) {
                Value::Dict(dict) => Some(dict.len()),
                _ => None,
            };
            return Err(PyException::new(
                "ValueError",
                if let (true, Some(length)) = (items.len() > expected, dict_len) {
                    format!("too many values to unpack (expected {expected}, got {length})")
                } else if items.len() > expected {
                    format!("too many values to unpack (expected {expected})")
                } else {
                    format!(
                        "not enough values to unpack (expected {expected}, got {})",
                        items.len()
                    )
                },
            ));
        }
        let popped = self.pop()?;
        for &item in items.iter().rev() {
            self.push(item)?;
        }
        release(self, &items);
        self.release(popped);
        Ok(())
    }

    /// The two operands on top are numbers or strings: no special method,
    /// set or container can be involved (the hot path of BINARY_OP and COMPARE_OP).
    #[inline]
    fn plain_operands(&self) -> bool {
        let Some(frame) = self.frames.last() else {
            return false;
        };
        let n = frame.stack.len();
        if n < 2 {
            return false;
        }
        let plain = |slot: Slot| {
            slot.obj.is_some_and(|obj| {
                matches!(
                    self.heap.value(obj),
                    Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Bool(_)
                )
            })
        };
        plain(frame.stack[n - 1]) && plain(frame.stack[n - 2])
    }

    /// After a handler popped its inputs and then found it must wait for a
    /// Python call: the same slots go back, so its replay finds them.
    pub(super) fn unpop(&mut self, error: &PyException, popped: &[Popped]) {
        if Vm::is_pending(error) {
            for entry in popped {
                let _ = self.push_slot(entry.slot);
            }
        }
    }

    /// `COMPARE_OP`: `PyObject_RichCompare`, made a bool when `to_bool`.
    fn compare_op(
        &mut self,
        op: CompareOp,
        to_bool: bool,
        left: ObjId,
        right: ObjId,
    ) -> Flow<ObjId> {
        if self.is_instance_obj(left) || self.is_instance_obj(right) {
            let result = self.rich_compare(op, left, right)?;
            if to_bool {
                let truth = self.truthy(result)?;
                return Ok(self.bool_object(truth));
            }
            return Ok(result);
        }
        if let Some(result) = self.set_compare(op, left, right)? {
            return Ok(self.bool_object(result));
        }
        let result = self.compare_bool(op, left, right)?;
        Ok(self.bool_object(result))
    }

    pub(super) fn negate(&mut self, value: ObjId) -> Flow<ObjId> {
        match self.heap.value(value) {
            Value::Complex(re, im) => {
                let (re, im) = (-*re, -*im);
                Ok(self.heap.alloc(Value::Complex(re, im)))
            }
            Value::Int(v) => match v.checked_neg() {
                Some(n) => Ok(self.int_object(n)),
                None => Ok(self.int_from_bigint(-BigInt::from(*v))),
            },
            Value::Bool(b) => Ok(self.int_object(-(*b as i64))),
            Value::BigInt(v) => {
                let negated = -v.as_ref().clone();
                Ok(self.int_from_bigint(negated))
            }
            Value::Float(f) => {
                let negated = -*f;
                Ok(self.heap.alloc(Value::Float(negated)))
            }
            Value::Instance { .. } => self.unary_special(value, "__neg__", "unary -"),
            other => Err(PyException::type_error(format!(
                "bad operand type for unary -: '{}'",
                other.type_name()
            ))),
        }
    }

    pub(super) fn binary_op(&mut self, op: BinaryOp, lhs: ObjId, rhs: ObjId) -> Flow<ObjId> {
        let symbol = op.symbol();
        if op == BinaryOp::Subscr {
            return self.subscript(lhs, rhs);
        }
        // In-place forms behave as the plain ones for immutable values.
        let base = op.base();
        let left = self.heap.value(lhs);
        let right = self.heap.value(rhs);
        if let (Value::Int(a), Value::Int(b)) = (left, right) {
            // The common case: small ints and an operator that cannot fail.
            let (a, b) = (*a, *b);
            let quick = match base {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Subtract => a.checked_sub(b),
                BinaryOp::Multiply => a.checked_mul(b),
                _ => None,
            };
            if let Some(result) = quick {
                return Ok(self.int_object(result));
            }
            return self.arithmetic(base, symbol, Number::Int(a), Number::Int(b));
        }
        // bool's own `&`, `|`, `^` keep bools (`bool_and` and friends).
        if let (Value::Bool(a), Value::Bool(b)) = (left, right) {
            let (a, b) = (*a, *b);
            match base {
                BinaryOp::And => return Ok(self.bool_object(a & b)),
                BinaryOp::Or => return Ok(self.bool_object(a | b)),
                BinaryOp::Xor => return Ok(self.bool_object(a ^ b)),
                _ => {}
            }
        }
        if let (Some(a), Some(b)) = (Number::of(left), Number::of(right)) {
            return self.arithmetic(base, symbol, a, b);
        }
        if let Some(result) = self.complex_binary_op(base, symbol, lhs, rhs)? {
            return Ok(result);
        }
        if let Some(result) = self.binary_special(op, lhs, rhs)? {
            return Ok(result);
        }
        if let Some(result) = self.set_binary_op(op, lhs, rhs)? {
            return Ok(result);
        }
        if let Some(result) = self.view_binary_op(op, lhs, rhs)? {
            return Ok(result);
        }
        // Lists after the numbers: the hot int path pays nothing for them.
        if let Some(result) = self.list_binary_op(op, lhs, rhs)? {
            return Ok(result);
        }
        if let Some(result) = self.bytes_binary_op(op, lhs, rhs)? {
            return Ok(result);
        }
        if let Some(result) = self.dict_binary_op(op, lhs, rhs)? {
            return Ok(result);
        }
        // `int | None`: `type.__or__` makes a union.
        if base == BinaryOp::Or
            && let Some(union) = self.union_of(lhs, rhs)?
        {
            return Ok(union);
        }
        let (left, right) = (self.heap.value(lhs), self.heap.value(rhs));
        match (base, left, right) {
            // str + str: concatenation (CPython returns the other operand for '' + s)
            (BinaryOp::Add, Value::Str(a), Value::Str(b)) => {
                if a.is_empty() {
                    return Ok(rhs);
                }
                if b.is_empty() {
                    return Ok(lhs);
                }
                self.heap
                    .check_room(2 * (a.len() as u64 + b.len() as u64))?;
                let (a, b) = (a.clone(), b.clone());
                Ok(self.concat_str(&a, &b))
            }
            (BinaryOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
                self.heap
                    .check_room(8 * (a.len() as u64 + b.len() as u64))?;
                let items: Vec<ObjId> = a.iter().chain(b.iter()).copied().collect();
                Ok(self.tuple_object(items, false))
            }
            // sequence * int: repetition
            (BinaryOp::Multiply, Value::Str(_), _)
            | (BinaryOp::Multiply, _, Value::Str(_))
            | (BinaryOp::Multiply, Value::Tuple(_), _)
            | (BinaryOp::Multiply, _, Value::Tuple(_)) => self.repeat(lhs, rhs, symbol),
            (BinaryOp::Add, Value::Str(_), other) => Err(PyException::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                other.type_name()
            ))),
            (BinaryOp::Add, Value::Tuple(_), other) => Err(PyException::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                other.type_name()
            ))),
            (BinaryOp::Remainder, Value::Str(template), _) => {
                let template = template.clone();
                self.percent_format(&template, rhs)
            }
            _ => Err(PyException::type_error(format!(
                "unsupported operand type(s) for {symbol}: '{}' and '{}'",
                left.type_name(),
                right.type_name()
            ))),
        }
    }

    fn repeat(&mut self, lhs: ObjId, rhs: ObjId, symbol: &str) -> Flow<ObjId> {
        let (sequence, count) = match (self.heap.value(lhs), self.heap.value(rhs)) {
            (Value::Str(_) | Value::Tuple(_), other) => (lhs, Number::of(other)),
            (other, _) => (rhs, Number::of(other)),
        };
        let count = match count {
            Some(Number::Int(n)) => n.max(0) as u64,
            // As `PyNumber_AsSsize_t(n, PyExc_OverflowError)` says it.
            Some(Number::Big(n)) if n.is_negative() => 0,
            Some(Number::Big(_)) => {
                return Err(PyException::new(
                    "OverflowError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            // `sequence_repeat`: the count is no index.
            _ => {
                let _ = symbol;
                let count = if sequence == lhs { rhs } else { lhs };
                return Err(PyException::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.heap.value(count).type_name()
                )));
            }
        };
        match self.heap.value(sequence) {
            Value::Str(text) => {
                // CPython: past PY_SSIZE_T_MAX characters OverflowError, else
                // the allocation fails with MemoryError.
                let length = text.chars().count() as u64;
                let chars = length
                    .checked_mul(count)
                    .filter(|&n| n <= i64::MAX as u64)
                    .ok_or_else(|| {
                        PyException::new("OverflowError", "repeated string is too long")
                    })?;
                let bytes = (text.len() as u64).saturating_mul(count);
                // Built once, then copied into the object: room for both.
                self.heap.check_room(bytes.max(chars).saturating_mul(2))?;
                let repeated = text.repeat(count as usize);
                self.charge(bytes);
                Ok(self.str_object(&repeated))
            }
            Value::Tuple(items) => {
                // tuple_repeat: an impossible size is PyErr_NoMemory.
                let length = (items.len() as u64)
                    .checked_mul(count)
                    .filter(|&n| n <= i64::MAX as u64 / 8)
                    .ok_or_else(|| self.heap.memory_error())?;
                self.heap.check_room(length.saturating_mul(8))?;
                let items: Vec<ObjId> = items
                    .iter()
                    .copied()
                    .cycle()
                    .take(length as usize)
                    .collect();
                self.charge(length.saturating_mul(8));
                Ok(self.tuple_object(items, false))
            }
            _ => Err(null_error()),
        }
    }

    /// `container[index]`: the `getitem` slot of its type.
    pub(super) fn subscript(&mut self, container: ObjId, index: ObjId) -> Flow<ObjId> {
        self.getitem_of(container, index)
    }

    fn arithmetic(&mut self, op: BinaryOp, symbol: &str, a: Number, b: Number) -> Flow<ObjId> {
        use Number::{Big, Float, Int};
        // Floats first: any float operand makes a float result.
        if matches!(a, Float(_)) || matches!(b, Float(_)) || op == BinaryOp::TrueDivide {
            let (x, y) = match (a.to_f64(), b.to_f64()) {
                (Ok(x), Ok(y)) => (x, y),
                // int / int past a float's range, as `long_true_divide` says it.
                _ if op == BinaryOp::TrueDivide
                    && !matches!(a, Float(_))
                    && !matches!(b, Float(_)) =>
                {
                    return Err(PyException::new(
                        "OverflowError",
                        "integer division result too large for a float",
                    ));
                }
                (x, y) => (x?, y?),
            };
            let result = match op {
                BinaryOp::Add => x + y,
                BinaryOp::Subtract => x - y,
                BinaryOp::Multiply => x * y,
                BinaryOp::TrueDivide | BinaryOp::FloorDivide | BinaryOp::Remainder if y == 0.0 => {
                    return Err(PyException::zero_division());
                }
                BinaryOp::TrueDivide => x / y,
                BinaryOp::FloorDivide => float_div_mod(x, y).0,
                BinaryOp::Remainder => float_div_mod(x, y).1,
                // A negative base to a fractional power is complex (`float_pow`
                // hands it to `complex_pow`).
                BinaryOp::Power
                    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 =>
                {
                    let (re, im) = super::complex::power((x, 0.0), (y, 0.0))?;
                    return Ok(self.heap.alloc(Value::Complex(re, im)));
                }
                BinaryOp::Power => float_pow(x, y)?,
                _ => {
                    return Err(PyException::type_error(format!(
                        "unsupported operand type(s) for {symbol}: 'float' and 'float'"
                    )));
                }
            };
            return Ok(self.heap.alloc(Value::Float(result)));
        }
        // Small ints: the fast path, with overflow falling back to big ints.
        if let (Int(x), Int(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let fast = match op {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Subtract => x.checked_sub(y),
                BinaryOp::Multiply => x.checked_mul(y),
                BinaryOp::FloorDivide if y != 0 && !(x == i64::MIN && y == -1) => {
                    Some(Integer::div_floor(&x, &y))
                }
                // i64::MIN % -1 overflows in Rust; it is 0 in Python.
                BinaryOp::Remainder if y == -1 => Some(0),
                BinaryOp::Remainder if y != 0 => Some(x.mod_floor(&y)),
                BinaryOp::And => Some(x & y),
                BinaryOp::Or => Some(x | y),
                BinaryOp::Xor => Some(x ^ y),
                BinaryOp::Rshift if y >= 0 => Some(if y >= 64 {
                    if x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                }),
                _ => None,
            };
            if let Some(result) = fast {
                return Ok(self.int_object(result));
            }
        }
        let (x, y) = (a.to_bigint()?, b.to_bigint()?);
        // The result's size is known before computing it: refuse what the
        // memory limit cannot hold instead of trying (and aborting).
        let result_bits = match op {
            BinaryOp::Add | BinaryOp::Subtract | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => {
                x.bits().max(y.bits()) + 1
            }
            BinaryOp::Multiply => x.bits() + y.bits(),
            BinaryOp::Lshift if !y.is_negative() => {
                x.bits().saturating_add(y.to_u64().unwrap_or(u64::MAX))
            }
            BinaryOp::Power if x.is_zero() || x.magnitude().is_one() => 1,
            // |x| ** y has y·log2|x| bits, rounded up.
            BinaryOp::Power if !y.is_negative() => {
                let log2 = match x.abs().to_f64() {
                    Some(f) if f.is_finite() => f.log2(),
                    // Past f64's range its length in bits bounds it.
                    _ => x.bits() as f64,
                };
                let exponent = y.to_f64().unwrap_or(f64::MAX);
                ((log2 * exponent).ceil().min(u64::MAX as f64) as u64).saturating_add(1)
            }
            _ => x.bits(),
        };
        // num-bigint's multiplication needs scratch space of about five times
        // its result (measured); a power of two is a shift and needs none.
        let power_of_two = x.magnitude().count_ones() == 1;
        let multiplies = op == BinaryOp::Multiply || (op == BinaryOp::Power && !power_of_two);
        let scratch = if multiplies { 6 } else { 1 };
        self.heap
            .check_room((result_bits / 8).saturating_mul(scratch) + 32)?;
        // Multiplying costs more than its result's size; a rough weight will do.
        let weight = if matches!(op, BinaryOp::Multiply | BinaryOp::Power) {
            8
        } else {
            1
        };
        self.charge(result_bits / 8 * weight);
        let result = match op {
            BinaryOp::Add => x + y,
            BinaryOp::Subtract => x - y,
            BinaryOp::Multiply => x * y,
            BinaryOp::FloorDivide | BinaryOp::Remainder if y.is_zero() => {
                return Err(PyException::zero_division());
            }
            BinaryOp::FloorDivide => x.div_floor(&y),
            BinaryOp::Remainder => x.mod_floor(&y),
            BinaryOp::And => x & y,
            BinaryOp::Or => x | y,
            BinaryOp::Xor => x ^ y,
            BinaryOp::Lshift | BinaryOp::Rshift if y.is_negative() => {
                return Err(PyException::new("ValueError", "negative shift count"));
            }
            BinaryOp::Lshift => {
                let shift = y.to_u32().ok_or_else(|| {
                    PyException::new("OverflowError", "too many digits in integer")
                })?;
                x << shift
            }
            BinaryOp::Rshift => {
                let shift = y.to_u64().unwrap_or(u64::MAX).min(u32::MAX as u64) as u32;
                x >> shift
            }
            BinaryOp::Power if y.is_negative() => {
                // int ** negative int is float ** float, errors included.
                let result = float_pow(a.to_f64()?, b.to_f64()?)?;
                return Ok(self.heap.alloc(Value::Float(result)));
            }
            // 1 ** n, 0 ** n and (-1) ** n need no work whatever n is.
            BinaryOp::Power if x.is_zero() || x.magnitude().is_one() => {
                if x.is_negative() && y.is_odd() {
                    x
                } else if x.is_zero() && !y.is_zero() {
                    BigInt::zero()
                } else {
                    BigInt::one()
                }
            }
            BinaryOp::Power => {
                let exponent = y
                    .to_u32()
                    .ok_or_else(|| PyException::new("OverflowError", "exponent too large"))?;
                // A power of two is a shift: 2 ** (2 ** 31) in an instant.
                match x.magnitude().trailing_zeros() {
                    Some(zeros) if x.magnitude().count_ones() == 1 => {
                        let magnitude = BigInt::one() << (zeros * exponent as u64);
                        if x.is_negative() && exponent % 2 == 1 {
                            -magnitude
                        } else {
                            magnitude
                        }
                    }
                    _ => num_traits::pow(x, exponent as usize),
                }
            }
            _ => {
                let _ = Big(BigInt::zero());
                return Err(PyException::type_error(format!(
                    "unsupported operand type(s) for {symbol}: 'int' and 'int'"
                )));
            }
        };
        Ok(self.int_from_bigint(result))
    }

    /// Rich comparison of objects without special methods.
    pub(super) fn compare(&self, op: CompareOp, left: ObjId, right: ObjId) -> Flow<bool> {
        let (a, b) = (self.heap.value(left), self.heap.value(right));
        let numbers = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(Some(x.cmp(y))),
            _ => match (Number::of(a), Number::of(b)) {
                (Some(x), Some(y)) => Some(x.compare(&y)),
                _ => None,
            },
        };
        if let Some(ordering) = numbers {
            // Numbers always compare; a NaN is unequal and unordered.
            return Ok(op.holds(ordering));
        }
        if let Some(answer) = self.complex_compare(op, left, right)? {
            return Ok(answer);
        }
        // Only these types order (`<`…) among the objects without special
        // methods; the others are equal or not (`None < None`, `{} <= {}`
        // raise even though the operands are equal).
        let orderable = matches!(
            a,
            Value::Str(_)
                | Value::Bytes(_)
                | Value::ByteArray(_)
                | Value::Tuple(_)
                | Value::List(_)
        );
        let ordering = if orderable || matches!(op, CompareOp::Eq | CompareOp::Ne) {
            self.order(left, right, 0)?
        } else {
            None
        };
        match (op, ordering) {
            (CompareOp::Eq | CompareOp::Ne, ordering) => Ok(op.holds(ordering)),
            (_, None) => Err(PyException::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.heap.value(left).type_name(),
                self.heap.value(right).type_name()
            ))),
            (_, ordering) => Ok(op.holds(ordering)),
        }
    }

    /// How two objects order, or `None` where Python defines no order
    /// (then only identity-based equality applies). Nested tuples recurse
    /// here, so the depth is budgeted as CPython's recursion limit is.
    pub(super) fn order(
        &self,
        left: ObjId,
        right: ObjId,
        depth: usize,
    ) -> Flow<Option<std::cmp::Ordering>> {
        use std::cmp::Ordering;
        let (a, b) = (self.heap.value(left), self.heap.value(right));
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Some(x.cmp(y)));
        }
        if let (Some(x), Some(y)) = (Number::of(a), Number::of(b)) {
            return Ok(x.compare(&y));
        }
        // The left operand's type orders it against the right (`None`:
        // not comparable that way); else only identity makes equal.
        if let Some(order) = a.spec().slots.vm.order
            && let Some(ordering) = order(self, left, right, depth)?
        {
            return Ok(Some(ordering));
        }
        Ok((left == right).then_some(Ordering::Equal))
    }

    /// `item in container`: the `contains` slot of its type.
    pub(super) fn contains(&mut self, container: ObjId, item: ObjId) -> Flow<bool> {
        self.contains_of(container, item)
    }

    /// `_PySequence_IterSearch`: consume the iterator up to an item equal
    /// to `needle` (each step logged, so a replay does not advance it twice).
    pub(super) fn iterator_contains(&mut self, iterator: ObjId, needle: ObjId) -> Flow<bool> {
        if self.runs_python(iterator) {
            let consumer = super::frame::Consumer::Contains { needle };
            let found = self.drain(iterator, consumer)?;
            return Ok(found == self.bool_object(true));
        }
        while let Some(item) = self.next_logged(iterator)? {
            let found = self
                .compare_bool(crate::bytecode::operators::CompareOp::Eq, item, needle)
                .inspect_err(|_| self.heap.discard(item))?;
            self.heap.discard(item);
            if found {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub(super) fn call_with(&mut self, argc: usize, kwnames: Option<Vec<String>>) -> Flow {
        self.call(argc, kwnames)
    }

    fn call(&mut self, argc: usize, kwnames: Option<Vec<String>>) -> Flow {
        if kwnames.is_none() && !self.heap.recorder.enabled && self.call_plain(argc) {
            return Ok(());
        }
        if kwnames.is_none() && self.call_alloc_and_enter_init(argc) {
            return Ok(());
        }
        if kwnames.is_none()
            && let Some(done) = self.call_quick(argc)
        {
            return done;
        }
        if kwnames.is_none()
            && let Some(done) = self.call_builtin_in_place(argc, &[], 0)
        {
            return done;
        }
        if kwnames.is_none()
            && let Some(done) = self.call_class_with_new(argc, &[], 0)
        {
            return done;
        }
        let mut args = self.pop_many(argc)?;
        let self_or_null = self.pop()?;
        let (callable, callable_popped) = self.pop_object()?;
        if self_or_null.slot.obj.is_some() {
            args.insert(0, self_or_null);
        }
        let kwnames = kwnames.unwrap_or_default();
        if let Some(plan) = self.generator_call(callable, &args) {
            return self.call_generator(plan, callable, args, callable_popped, &kwnames);
        }
        match self.heap.value(callable) {
            Value::Builtin(builtins::Builtin::BuildClass) => {
                return self.build_class(args, callable_popped, &kwnames);
            }
            Value::Class(_) => {
                return match self.call_class(callable, callable_popped, args, &kwnames)? {
                    Some(instance) => self.push(instance),
                    None => Ok(()),
                };
            }
            Value::Instance { .. } => {
                let Some(function) = self.special_method(callable, "__call__") else {
                    let error = PyException::type_error(format!(
                        "'{}' object is not callable",
                        self.heap.value(callable).type_name()
                    ));
                    for arg in args {
                        self.release(arg);
                    }
                    self.release(callable_popped);
                    return Err(error);
                };
                return self.call_bound(function, callable, callable_popped, args, &kwnames);
            }
            Value::Method { function, owner } => {
                let (function, owner) = (*function, *owner);
                return self.call_bound(function, owner, callable_popped, args, &kwnames);
            }
            _ => {}
        }
        if let Value::Function(function) = self.heap.value(callable) {
            let info = std::sync::Arc::clone(&function.info);
            return self.enter_function(callable, callable_popped, info, args, &kwnames);
        }
        let arg_objects: Vec<ObjId> = args.iter().filter_map(|a| a.slot.obj).collect();
        let positional = arg_objects.len() - kwnames.len().min(arg_objects.len());
        let keywords: Vec<(&str, ObjId)> = kwnames
            .iter()
            .map(String::as_str)
            .zip(arg_objects[positional..].iter().copied())
            .collect();
        let result = builtins::call(self, callable, &arg_objects[..positional], &keywords);
        let result = match result {
            Ok(result) => result,
            Err(error) => {
                self.drop_deferred();
                for arg in args {
                    self.release(arg);
                }
                self.release(callable_popped);
                return Err(error);
            }
        };
        self.push(result)?;
        self.drop_deferred();
        for arg in args {
            self.release(arg);
        }
        self.release(callable_popped);
        Ok(())
    }

    /// A function called with `owner` as its first argument (a bound
    /// method, an instance's `__call__`); the callable's reference is dropped.
    fn call_bound(
        &mut self,
        function: ObjId,
        owner: ObjId,
        callable_popped: Popped,
        mut args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow {
        let caller = self.top_frame()?;
        let (frame, slot) = (caller.qualname, caller.stack.len() as u32);
        self.heap.incref(owner, Referrer::Stack { frame, slot });
        args.insert(
            0,
            Popped {
                slot: Slot::strong(owner),
                frame,
                index: slot,
            },
        );
        self.heap.incref(function, Referrer::Stack { frame, slot });
        self.release(callable_popped);
        let callable_popped = Popped {
            slot: Slot::strong(function),
            frame,
            index: slot,
        };
        let info = match self.heap.value(function) {
            Value::Function(f) => std::sync::Arc::clone(&f.info),
            _ => {
                for arg in args {
                    self.release(arg);
                }
                self.release(callable_popped);
                return Err(self.unsupported("calling this kind of method"));
            }
        };
        self.enter_function(function, callable_popped, info, args, kwnames)
    }

    /// A builtin (function, method, type) called on its arguments where
    /// they lie: they are popped only once it has its result, so a special
    /// method it calls can replay the instruction. `extra`: slots above the
    /// arguments (CALL_KW's names). `None` when the callable is not a builtin.
    pub(super) fn call_builtin_in_place(
        &mut self,
        argc: usize,
        kwnames: &[String],
        extra: usize,
    ) -> Option<Flow> {
        let frame = self.frames.last()?;
        let base = frame.stack.len().checked_sub(argc + 2 + extra)?;
        let callable = self.alias_origin(frame.stack[base].obj?);
        if !self.is_builtin_callable(callable) {
            return None;
        }
        let self_or_null = frame.stack[base + 1].obj;
        // The arguments where they lie, without allocating for the common few.
        let args = ArgBuf::collect(
            self_or_null.into_iter().chain(
                frame.stack[base + 2..base + 2 + argc]
                    .iter()
                    .filter_map(|s| s.obj),
            ),
        );
        let args = args.as_slice();
        if !self.callable_in_place(callable, args) {
            return None;
        }
        Some(self.call_builtin_where_it_lies(callable, args, kwnames, argc + 1, extra))
    }

    /// CALL_FUNCTION_EX of a builtin, in place as [`Vm::call_builtin_in_place`]
    /// calls: the `callargs` tuple and `kwargs` dict stay on the stack until
    /// the builtin has its result, so a special method it calls (`print(*objs)`
    /// calling a `__repr__`) replays the instruction on the same stack.
    /// `None` when the callable is not a builtin or the arguments are not
    /// yet a tuple and a dict of str keys.
    pub(in crate::vm) fn call_function_ex_in_place(&mut self) -> Option<Flow> {
        let callable = self.alias_origin(self.call_ex_callable()?);
        if !self.is_builtin_callable(callable) {
            return None;
        }
        let (args, names) = self.call_ex_arguments()?;
        if !self.callable_in_place(callable, &args) {
            return None;
        }
        // kwargs and callargs above self_or_null and the callable.
        Some(self.call_builtin_where_it_lies(callable, &args, &names, 1, 2))
    }

    /// CALL_FUNCTION_EX's callable, where it lies on the stack.
    pub(in crate::vm) fn call_ex_callable(&self) -> Option<ObjId> {
        let frame = self.frames.last()?;
        let base = frame.stack.len().checked_sub(4)?;
        frame.stack[base].obj
    }

    /// CALL_FUNCTION_EX's arguments where they lie on the stack: self (when
    /// there is one), the `callargs` tuple's items, then the `kwargs`
    /// dict's values, and the keyword names. `None` unless `callargs` is a
    /// tuple and `kwargs` absent or a dict of str keys.
    pub(in crate::vm) fn call_ex_arguments(&self) -> Option<(Vec<ObjId>, Vec<String>)> {
        let frame = self.frames.last()?;
        let base = frame.stack.len().checked_sub(4)?;
        let self_or_null = frame.stack[base + 1].obj;
        let Value::Tuple(items) = self.heap.value(frame.stack[base + 2].obj?) else {
            return None;
        };
        let mut args: Vec<ObjId> = self_or_null
            .into_iter()
            .chain(items.iter().copied())
            .collect();
        let mut names = Vec::new();
        if let Some(kwargs) = frame.stack[base + 3].obj {
            let Value::Dict(d) = self.heap.value(kwargs) else {
                return None;
            };
            for entry in d.entries() {
                let Value::Str(name) = self.heap.value(entry.key) else {
                    return None;
                };
                names.push(name.to_string());
                args.push(entry.value);
            }
        }
        Some((args, names))
    }

    /// A builtin called on `args` (the last `names.len()` of them by
    /// keyword) that lie on the stack: a pending Python call leaves the
    /// stack as it is for the replay; otherwise [`Vm::finish_call_in_place`].
    fn call_builtin_where_it_lies(
        &mut self,
        callable: ObjId,
        args: &[ObjId],
        names: &[String],
        below: usize,
        extra: usize,
    ) -> Flow {
        let positional = args.len().saturating_sub(names.len());
        self.calling(|vm| {
            let keywords: Vec<(&str, ObjId)> = names
                .iter()
                .map(String::as_str)
                .zip(args[positional..].iter().copied())
                .collect();
            let result = builtins::call(vm, callable, &args[..positional], &keywords);
            if let Err(error) = &result
                && Vm::is_pending(error)
            {
                return Err(error.clone());
            }
            vm.finish_call_in_place(result, below, extra)
        })
    }

    /// What calling `callable` calls: a generic alias of a built-in type
    /// (`list[int](...)`, `ga_call`) calls its origin, the alias staying
    /// where it lies until the call is over.
    fn alias_origin(&self, callable: ObjId) -> ObjId {
        match *self.heap.value(callable) {
            Value::GenericAlias { origin, .. }
                if matches!(self.heap.value(origin), Value::Type(_)) =>
            {
                origin
            }
            _ => callable,
        }
    }

    /// A builtin function, method or type ([`Vm::call_builtin_in_place`]'s
    /// callables; `__build_class__` is not one).
    fn is_builtin_callable(&self, callable: ObjId) -> bool {
        matches!(
            self.heap.value(callable),
            Value::Builtin(_) | Value::BoundMethod { .. } | Value::Type(_)
        ) && !matches!(
            self.heap.value(callable),
            Value::Builtin(builtins::Builtin::BuildClass)
        )
    }

    /// The end of a builtin's call in place: pop the `extra` slots, the
    /// `below` slots under them (arguments, self) and the callable, push the
    /// result and release what was popped (bottom first, once the result
    /// is pushed).
    fn finish_call_in_place(&mut self, result: Flow<ObjId>, below: usize, extra: usize) -> Flow {
        if extra > 0 {
            let extra_popped = self.pop_many(extra)?;
            for entry in extra_popped {
                self.release(entry);
            }
        }
        // The popped slots wait in a reused buffer, so a call allocates nothing.
        let mut popped_args = std::mem::take(&mut self.popped_scratch);
        popped_args.clear();
        for _ in 0..below {
            popped_args.push(self.pop()?);
        }
        let callable_popped = self.pop()?;
        let outcome = match result {
            Ok(value) => self.push(value),
            Err(error) => Err(error),
        };
        self.drop_deferred();
        for &arg in popped_args.iter().rev() {
            self.release(arg);
        }
        self.release(callable_popped);
        popped_args.clear();
        self.popped_scratch = popped_args;
        outcome
    }

    /// Whether a builtin may be called in place on `args`: generators are
    /// resumed as frames by the general path (`next(g)`, `list(g)`,
    /// `g.send(v)`…).
    fn callable_in_place(&self, callable: ObjId, args: &[ObjId]) -> bool {
        let generator_method = matches!(
            self.heap.value(callable),
            Value::Builtin(builtins::Builtin::Method(
                super::containers::Method::GenSend
                    | super::containers::Method::GenThrow
                    | super::containers::Method::GenClose
            )) | Value::BoundMethod {
                method: builtins::Builtin::Method(
                    super::containers::Method::GenSend
                        | super::containers::Method::GenThrow
                        | super::containers::Method::GenClose
                ),
                ..
            }
        );
        !(generator_method
            || (matches!(
                self.heap.value(callable),
                Value::Builtin(builtins::Builtin::Next)
            ) && args
                .first()
                .is_some_and(|&a| matches!(self.heap.value(a), Value::Generator(_)))))
    }

    /// `_PUSH_FRAME`: the arguments' references move into the new frame's
    /// locals as they are (borrowed stays borrowed), and the frame keeps the function.
    pub(super) fn enter_function(
        &mut self,
        callable: ObjId,
        callable_popped: Popped,
        info: std::sync::Arc<super::code::CodeInfo>,
        args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow {
        if info.code.flags & crate::compile::flags::COROUTINE != 0 {
            for arg in args {
                self.release(arg);
            }
            self.release(callable_popped);
            return Err(self.unsupported("coroutines (async def)"));
        }
        if let Some(error) = self.frame_limit_error(1) {
            for arg in args {
                self.release(arg);
            }
            self.release(callable_popped);
            return Err(error);
        }
        let locals = match self.bind_arguments(callable, args, kwnames) {
            Ok(locals) => locals,
            Err(error) => {
                self.release(callable_popped);
                return Err(error);
            }
        };
        let mut frame = self.new_frame(std::sync::Arc::clone(&info), Some(callable));
        frame.locals.copy_from_slice(&locals);
        if callable_popped.slot.borrowed {
            self.heap.incref(
                callable,
                Referrer::Frame {
                    frame: info.qualname,
                },
            );
        }
        let depth = self.frames.len();
        self.heap.recorder.record(|| Event::Call {
            callee: info.code.qualname.clone(),
            depth,
        });
        for (local, &name) in frame.locals.iter().zip(&info.localsplus) {
            if let Some(obj) = local.obj {
                let referrer = Referrer::Local {
                    frame: info.qualname,
                    name,
                };
                self.record_bind(referrer, obj);
            }
        }
        self.frames.push(frame);
        Ok(())
    }

    fn return_value(&mut self) -> Flow {
        let (value, popped) = self.pop_object()?;
        if self.frames.last().is_some_and(|f| f.resumed.is_some()) {
            return self.generator_return(value, popped);
        }
        if self.frames.len() == 1 && self.frames.last().is_some_and(|f| f.on_return.is_none()) {
            // The module returns: the program is over, but for the exit.
            self.release(popped);
            self.pop_frame();
            self.begin_shutdown();
            return Ok(());
        }
        if popped.slot.borrowed {
            // `PyStackRef_MakeHeapSafe`: a borrowed value must not outlive its owner.
            let caller = &self.frames[self.frames.len() - 2];
            let referrer = Referrer::Stack {
                frame: caller.code.qualname,
                slot: caller.stack.len() as u32,
            };
            self.heap.incref(value, referrer);
        }
        let continuation = self.frames.last_mut().and_then(|f| f.on_return.take());
        if let Some(continuation) = continuation {
            return self.return_to_continuation(continuation, value, popped);
        }
        let from = self
            .heap
            .recorder
            .enabled
            .then(|| self.frames.last().map(|f| f.code.code.qualname.clone()));
        self.pop_frame();
        if let Some(from) = from {
            let address = self.heap.get(value).address;
            self.heap.recorder.push(Event::Return {
                from: from.unwrap_or_default(),
                obj: value,
                address,
                yielded: false,
            });
        }
        self.push_slot(Slot::strong(value))
    }
}

impl Vm {
    /// A frame with a continuation returns: its caller's instruction finishes
    /// (the class is made, or the instance pushed instead of `__init__`'s None).
    fn return_to_continuation(
        &mut self,
        continuation: super::frame::Continuation,
        value: ObjId,
        popped: Popped,
    ) -> Flow {
        if let super::frame::Continuation::Finalizer { object, .. } = continuation {
            // `__del__` returned: its value goes, then the object's last reference.
            let _ = popped;
            self.pop_frame();
            let holder = self.continuation_referrer();
            self.heap.decref(value, holder);
            self.heap.decref(object, holder);
            self.heap.finish_pending_collection();
            if self.frames.is_empty() {
                self.shutdown_continue();
            }
            return Ok(());
        }
        if let super::frame::Continuation::Init {
            instance,
            native: true,
        } = continuation
        {
            // `__init__` of a class that native code called returned: the
            // instance (the continuation's reference) is the call's result.
            let _ = popped;
            self.pop_frame();
            let holder = self.continuation_referrer();
            let result = self.init_result(instance, value);
            self.heap.decref(value, holder);
            return match result {
                Ok(instance) => self.replay_returned(instance),
                Err(exc) => self.replay_raised(exc),
            };
        }
        if continuation == super::frame::Continuation::Replay {
            // The returned value's reference (the stack's, or the one
            // `return_value` made for a borrowed one) moves into the
            // caller's record.
            let _ = popped;
            self.pop_frame();
            return self.replay_returned(value);
        }
        // The namespace's frame reference is handed to the continuation.
        let namespace = self.frames.last_mut().and_then(|f| f.locals_dict.take());
        let qualname = self.top_frame()?.qualname;
        let holder = self.continuation_referrer();
        if let Some(namespace) = namespace {
            self.heap.incref(namespace, holder);
            self.heap
                .decref(namespace, Referrer::Frame { frame: qualname });
        }
        // The returned value is the frame's to drop (it is not what is
        // pushed): its reference (the stack's, or the one `return_value`
        // made for a borrowed one) is dropped once the caller is done.
        let _ = popped;
        self.pop_frame();
        let result = self.finish_continuation(continuation, namespace, value);
        self.heap.decref(value, holder);
        let result = result?;
        match continuation {
            // The continuation's reference to the instance moves to the stack.
            super::frame::Continuation::Init { instance, .. } => {
                self.push(instance)?;
                self.heap.decref(instance, holder);
                Ok(())
            }
            super::frame::Continuation::BuildClass { keywords, .. } => {
                self.class_hooks(result, 0, false, keywords)
            }
            super::frame::Continuation::ClassHook {
                class,
                next,
                keywords,
            } => self.class_hooks(class, next, true, keywords),
            super::frame::Continuation::Replay | super::frame::Continuation::Finalizer { .. } => {
                Ok(())
            }
        }
    }

    /// The immortal object of a builtin that is not in the builtins module.
    pub(super) fn static_builtin(&mut self, builtin: builtins::Builtin) -> ObjId {
        if let Some(&id) = self.methods.get(&builtin) {
            return id;
        }
        let id = self.heap.alloc_static(Value::Builtin(builtin));
        self.methods.insert(builtin, id);
        id
    }

    /// A class body's `LOAD_NAME`: its namespace first.
    #[cold]
    fn lookup_locals_dict(&mut self, name: super::heap::Symbol) -> Flow<Option<ObjId>> {
        let Some(dict) = self.top_frame()?.locals_dict else {
            return Ok(None);
        };
        Ok(match self.heap.value(dict) {
            Value::Dict(d) => d.get_str(self.heap.symbols.text(name)).map(|e| e.value),
            _ => None,
        })
    }

    /// A class body's `STORE_NAME`: into its namespace.
    #[cold]
    fn store_locals_dict(
        &mut self,
        dict: ObjId,
        name: super::heap::Symbol,
        popped: Popped,
    ) -> Flow {
        let value = popped.slot.obj.ok_or_else(null_error)?;
        let text = self.heap.symbols.text(name).to_owned();
        let key = self.identifier(&text);
        let result = self.dict_set(dict, key, value);
        self.release(popped);
        result
    }

    /// LOAD_ATTR on an instance or a class. With the method bit and a
    /// function on the class: (owner -- function, self), the owner's
    /// reference moving to `self`; otherwise a bound method object.
    fn load_instance_attr(&mut self, name: super::heap::Symbol, method_bit: bool) -> Flow<bool> {
        let owner = self.peek(0)?.obj.ok_or_else(null_error)?;
        if !matches!(
            self.heap.value(owner),
            Value::Instance { .. }
                | Value::Class(_)
                | Value::Exception(_)
                | Value::Type(TypeKind::Exc(_))
                | Value::Generator(_)
        ) && self.heap.subclass_of(owner).is_none()
        {
            return Ok(false);
        }
        match self.calling(|vm| vm.load_instance_attr_calling(owner, name, method_bit)) {
            Ok(()) => Ok(true),
            Err(error) if error.message == NOT_AN_INSTANCE_ATTRIBUTE => Ok(false),
            Err(error) => Err(error),
        }
    }

    fn load_instance_attr_calling(
        &mut self,
        owner: ObjId,
        name: super::heap::Symbol,
        method_bit: bool,
    ) -> Flow {
        let text = self.heap.symbols.shared_text(name);
        let Some(found) = self.instance_attribute(owner, &text) else {
            // Not one of these attributes (`args` of an exception): the
            // generic lookup answers.
            return Err(PyException::new("SystemError", NOT_AN_INSTANCE_ATTRIBUTE));
        };
        let popped = self.pop()?;
        let found = match found {
            Ok(found) => found,
            Err(error) => {
                self.release(popped);
                return Err(error);
            }
        };
        use super::classes::AttrFound;
        let value = match found {
            AttrFound::Method(function) if method_bit => {
                self.push(function)?;
                self.push_slot(popped.slot)?;
                return Ok(());
            }
            AttrFound::Method(function) | AttrFound::Bound(function, _) => {
                let bound_to = match found {
                    AttrFound::Bound(_, to) => to,
                    _ => owner,
                };
                let method = self.heap.alloc(Value::Method {
                    function,
                    owner: bound_to,
                });
                let address = self.heap.get(method).address;
                self.heap.incref(
                    function,
                    Referrer::Attribute {
                        owner: address,
                        name: "__func__",
                    },
                );
                self.heap.incref(
                    bound_to,
                    Referrer::Attribute {
                        owner: address,
                        name: "__self__",
                    },
                );
                method
            }
            AttrFound::Value(value) | AttrFound::Fresh(value) => value,
            other => match self.attribute_call(owner, &text, other) {
                Ok(value) => value,
                Err(error) => {
                    self.unpop(&error, &[popped]);
                    if !Vm::is_pending(&error) {
                        self.release(popped);
                    }
                    return Err(error);
                }
            },
        };
        self.push(value)?;
        if method_bit {
            self.push_slot(Slot::NULL)?;
        }
        self.release(popped);
        Ok(())
    }
}

impl Vm {
    /// Drop the references a builtin gave up (after its result is pushed).
    pub(super) fn drop_deferred(&mut self) {
        while let Some((obj, referrer)) = self.deferred.pop() {
            self.heap.decref(obj, referrer);
        }
    }
}

/// `float ** float` as CPython's `float_pow`: errors where C's `pow` would
/// give infinities or NaNs, and a refusal where Python's answer is complex.
fn float_pow(x: f64, y: f64) -> Flow<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x == 0.0 && y < 0.0 {
        return Err(PyException::new(
            "ZeroDivisionError",
            "zero to a negative power",
        ));
    }
    let result = x.powf(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyException::new(
            "OverflowError",
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(result)
}

pub(in crate::vm) fn null_error() -> Box<PyException> {
    PyException::new("SystemError", "unexpected NULL on the value stack")
}

/// The numeric tower of the subset: bool and int are ints, float is float.
#[derive(Debug, Clone)]
pub(super) enum Number {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Number {
    pub(super) fn of(value: &Value) -> Option<Number> {
        match value {
            Value::Bool(b) => Some(Number::Int(*b as i64)),
            Value::Int(v) => Some(Number::Int(*v)),
            Value::BigInt(v) => Some(Number::Big(v.as_ref().clone())),
            Value::Float(f) => Some(Number::Float(*f)),
            _ => None,
        }
    }

    fn to_f64(&self) -> Flow<f64> {
        match self {
            Number::Int(v) => Ok(*v as f64),
            Number::Float(f) => Ok(*f),
            Number::Big(v) => v.to_f64().filter(|f| f.is_finite()).ok_or_else(|| {
                PyException::new("OverflowError", "int too large to convert to float")
            }),
        }
    }

    fn to_bigint(&self) -> Flow<BigInt> {
        match self {
            Number::Int(v) => Ok(BigInt::from(*v)),
            Number::Big(v) => Ok(v.clone()),
            Number::Float(_) => Err(PyException::new("SystemError", "float where int expected")),
        }
    }

    /// How two numbers order, exactly (an int is never rounded to a float
    /// first); `None` only when a NaN is involved.
    pub(super) fn compare(&self, other: &Number) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(b)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(b),
            (Number::Float(f), int) => {
                int_float_order(&int.to_bigint().ok()?, *f).map(|o| o.reverse())
            }
            (int, Number::Float(f)) => int_float_order(&int.to_bigint().ok()?, *f),
            _ => Some(self.to_bigint().ok()?.cmp(&other.to_bigint().ok()?)),
        }
    }
}

/// CPython's `_float_div_mod`: `x // y` and `x % y` for floats (`y != 0`),
/// the quotient snapped to the integral value `fmod` implies (`1 // 0.1` is
/// `9.0`), the remainder with the divisor's sign, zero included.
fn float_div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut remainder = x % y;
    let mut quotient = (x - remainder) / y;
    if remainder != 0.0 {
        if (y < 0.0) != (remainder < 0.0) {
            remainder += y;
            quotient -= 1.0;
        }
    } else {
        remainder = 0.0_f64.copysign(y);
    }
    let floor = if quotient != 0.0 {
        let mut floor = quotient.floor();
        if quotient - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0_f64.copysign(x / y)
    };
    (floor, remainder)
}

/// `int` against `float` without rounding the int (CPython's
/// `float_richcompare`): the float's integral part compared as an int,
/// then its fraction.
fn int_float_order(int: &BigInt, float: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if float.is_nan() {
        return None;
    }
    if float.is_infinite() {
        return Some(if float > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = float.floor();
    let whole: BigInt = num_traits::FromPrimitive::from_f64(floor)?;
    Some(match int.cmp(&whole) {
        Ordering::Equal if float > floor => Ordering::Less,
        ordering => ordering,
    })
}

/// The language feature an instruction we do not run belongs to, in the
/// words a student would use (`list displays ([1, 2]) (BUILD_LIST)`).
fn feature_of(opname: &str) -> String {
    let words = match opname {
        "BUILD_LIST" | "LIST_APPEND" | "LIST_EXTEND" => "lists and list displays ([1, 2])",
        "BUILD_MAP" | "MAP_ADD" | "DICT_UPDATE" | "DICT_MERGE" => {
            "dicts and dict displays ({1: 2})"
        }
        "BUILD_SET" | "SET_ADD" | "SET_UPDATE" => "sets and set displays ({1, 2})",
        "LOAD_BUILD_CLASS" => "class statements",
        "PUSH_EXC_INFO" | "CHECK_EXC_MATCH" | "POP_EXCEPT" | "RERAISE" | "RAISE_VARARGS"
        | "CHECK_EG_MATCH" => "try/except and raise",
        "LOAD_SPECIAL" | "WITH_EXCEPT_START" => "with statements",
        "YIELD_VALUE" | "RETURN_GENERATOR" | "SEND" | "END_SEND" => "generators (yield)",
        "MAKE_CELL" | "LOAD_DEREF" | "STORE_DEREF" | "COPY_FREE_VARS" | "LOAD_CLOSURE" => {
            "closures (inner functions using outer names)"
        }
        "STORE_ATTR" | "DELETE_ATTR" | "LOAD_ATTR" | "LOAD_SUPER_ATTR" => "attributes (obj.name)",
        "STORE_SUBSCR" | "DELETE_SUBSCR" => "item assignment (x[i] = v)",
        "BUILD_SLICE" | "BINARY_SLICE" | "STORE_SLICE" => "slices (x[a:b])",
        "CALL_FUNCTION_EX" => "calls with *args or **kwargs",
        "IMPORT_NAME" | "IMPORT_FROM" => "imports other than `import sys`",
        "UNPACK_SEQUENCE" | "UNPACK_EX" => "unpacking (a, b = ...)",
        "GET_AWAITABLE" | "GET_AITER" | "GET_ANEXT" | "END_ASYNC_FOR" => "async code",
        "DELETE_NAME" | "DELETE_FAST" | "DELETE_GLOBAL" => "del statements",
        "MATCH_CLASS" | "MATCH_MAPPING" | "MATCH_SEQUENCE" | "MATCH_KEYS" => "match statements",
        "SETUP_ANNOTATIONS" => "annotations",
        _ => return format!("the {opname} instruction"),
    };
    format!("{words} ({opname})")
}

/// A call's arguments gathered from the stack: inline for the common few,
/// so calling a builtin allocates nothing.
enum ArgBuf {
    Inline([ObjId; ArgBuf::INLINE], usize),
    Heap(Vec<ObjId>),
}

impl ArgBuf {
    const INLINE: usize = 6;

    fn collect(items: impl Iterator<Item = ObjId>) -> ArgBuf {
        let mut inline = [ObjId::from_index(0); ArgBuf::INLINE];
        let mut len = 0;
        let mut items = items.peekable();
        while let Some(&item) = items.peek() {
            if len == ArgBuf::INLINE {
                let mut all = inline.to_vec();
                all.extend(items);
                return ArgBuf::Heap(all);
            }
            inline[len] = item;
            len += 1;
            items.next();
        }
        ArgBuf::Inline(inline, len)
    }

    fn as_slice(&self) -> &[ObjId] {
        match self {
            ArgBuf::Inline(items, len) => &items[..*len],
            ArgBuf::Heap(items) => items,
        }
    }
}
