//! The built-in iterators that wrap another object: the sequence iterator
//! behind `tuple_iterator`, `list_iterator`, `str_iterator`… (one
//! `Value::SeqIterator` with its kind), `enumerate`, `zip`, `map`, `filter`
//! and `reversed`. Their stepping is in `vm/iterators.rs` and `opcodes.rs`.

use super::TypeKind;
use super::protocol::VmSlots;
use super::{GC_HEAD, Slots, TypeSpec, attribute, default_repr, iterator_referrer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Value};

/// What a wrapping iterator holds, in traversal order.
fn traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let held = iterator_referrer(object);
    match &object.value {
        Value::SeqIterator { seq: Some(seq), .. } | Value::Reversed { seq: Some(seq), .. } => {
            out.push((*seq, held))
        }
        Value::Enumerate { iter, .. } => out.push((*iter, held)),
        Value::Zip { iters, .. } => out.extend(iters.iter().map(|&it| (it, held))),
        Value::Map { func, iters, .. } => {
            out.push((*func, attribute(object, "func")));
            out.push((*iters, attribute(object, "iters")));
        }
        Value::Filter { func, iter } => {
            out.push((*func, attribute(object, "func")));
            out.push((*iter, held));
        }
        Value::CallableIterator { callable, sentinel } => {
            out.extend(callable.map(|c| (c, attribute(object, "callable"))));
            out.extend(sentinel.map(|s| (s, attribute(object, "sentinel"))));
        }
        _ => {}
    }
}

/// An iterator over a sequence: PyObject_HEAD, the index and the sequence,
/// after the GC header. The kinds differ only in name.
pub const SEQ_ITER: TypeSpec = TypeSpec {
    kind: TypeKind::SeqIter,
    gc: true,
    iterator: true,
    slots: Slots {
        traverse: Some(traverse),
        repr: Some(default_repr),
        vm: VmSlots {
            next: Some(seq_next),
            contains: Some(iterator_contains),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("iterator", GC_HEAD + 32)
};

/// calliterobject: PyObject_HEAD, it_callable, it_sentinel, after the GC header.
pub const CALLABLE_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::CallableIterator,
    gc: true,
    iterator: true,
    // (`calliter_dealloc` drops the callable, then the sentinel.)
    release_in_order: true,
    slots: Slots {
        vm: VmSlots {
            next: Some(callable_next),
            contains: Some(iterator_contains),
            ..VmSlots::EMPTY
        },
        ..SEQ_ITER.slots
    },
    ..TypeSpec::new("callable_iterator", GC_HEAD + 32)
};

/// The iterators that step another iterator (or a sequence, backwards).
const WRAPPER: TypeSpec = TypeSpec {
    slots: Slots {
        vm: VmSlots {
            next: Some(wrapped_next),
            contains: Some(iterator_contains),
            ..VmSlots::EMPTY
        },
        ..SEQ_ITER.slots
    },
    ..SEQ_ITER
};

/// A generator's `tp_iternext` (see [`generator_next`]).
pub const GENERATOR_NEXT: Option<super::protocol::NextSlot> = Some(generator_next);

/// enumobject: header, en_index, en_sit, en_result, en_longindex.
pub const ENUMERATE: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Enumerate,
    name: "enumerate",
    basic_size: GC_HEAD + 48,
    ..WRAPPER
};

/// zipobject: header, tuplesize, ittuple, result, strict.
pub const ZIP: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Zip,
    name: "zip",
    basic_size: GC_HEAD + 48,
    ..WRAPPER
};

/// mapobject: header, iters, func, strict.
pub const MAP: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Map,
    name: "map",
    basic_size: GC_HEAD + 40,
    ..WRAPPER
};

/// filterobject: header, func, it.
pub const FILTER: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Filter,
    name: "filter",
    basic_size: GC_HEAD + 32,
    ..WRAPPER
};

pub const REVERSED: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Reversed,
    name: "reversed",
    basic_size: GC_HEAD + 32,
    ..WRAPPER
};

// ---- stepping ------------------------------------------------------------------

use crate::vm::exceptions::PyException;
use crate::vm::{Flow, Vm};

impl Vm {
    /// A new iterator of `kind` over `seq`, which it holds until exhausted.
    pub(in crate::vm) fn seq_iterator(&mut self, kind: TypeKind, seq: ObjId) -> ObjId {
        let used = guarded_size(self.heap.value(seq)).unwrap_or(0);
        let iterator = self.heap.alloc(Value::SeqIterator {
            kind,
            seq: Some(seq),
            index: 0,
            used,
            left: used,
        });
        let address = self.heap.get(iterator).address;
        self.heap
            .incref(seq, Referrer::Iterator { iterator: address });
        iterator
    }

    /// The next item of an iterator over an object with only `__getitem__`:
    /// `IndexError` (or `StopIteration`) ends it, and it lets go of the object.
    fn sequence_protocol_next(
        &mut self,
        iterator: ObjId,
        sequence: ObjId,
        position: usize,
    ) -> Flow<Option<ObjId>> {
        let Some(method) = self.special_method(sequence, "__getitem__") else {
            return Ok(None);
        };
        let index = self.int_object(position as i64);
        let result = self.try_call_python(method, &[sequence, index]);
        self.heap.discard(index);
        let finished = match result? {
            Ok(item) => {
                if let Value::SeqIterator { index, .. } = self.heap.value_mut(iterator) {
                    *index += 1;
                }
                return Ok(Some(item));
            }
            Err(exc) => match self.heap.value(exc).type_name() {
                "IndexError" | "StopIteration" => true,
                _ => {
                    self.heap.incref(exc, self.raised_referrer());
                    return Err(PyException::object(exc, true));
                }
            },
        };
        if finished {
            let address = self.heap.get(iterator).address;
            if let Value::SeqIterator { seq, .. } = self.heap.value_mut(iterator) {
                *seq = None;
            }
            self.heap
                .decref(sequence, Referrer::Iterator { iterator: address });
        }
        Ok(None)
    }
}

impl Vm {
    /// `iter(callable, sentinel)` (`PyCallIter_New`): it holds both.
    pub(in crate::vm) fn callable_iterator(&mut self, callable: ObjId, sentinel: ObjId) -> ObjId {
        let iterator = self.heap.alloc(Value::CallableIterator {
            callable: Some(callable),
            sentinel: Some(sentinel),
        });
        let owner = self.heap.get(iterator).address;
        for (held, name) in [(callable, "callable"), (sentinel, "sentinel")] {
            self.heap.incref(held, Referrer::Attribute { owner, name });
        }
        iterator
    }

    /// `calliter_iternext`: the callable's result, unless it equals the
    /// sentinel (`sentinel == result`) or the call raised `StopIteration`:
    /// then it is exhausted and lets go of both. It changes only once the
    /// call and the comparison are known (either may be a pending call).
    fn callable_iterator_next(
        &mut self,
        iterator: ObjId,
        callable: ObjId,
        sentinel: ObjId,
    ) -> Flow<Option<ObjId>> {
        let result = match self.try_call_python(callable, &[]) {
            Ok(Ok(result)) => Some(result),
            Ok(Err(exc)) if self.is_exception_kind(exc, "StopIteration") => None,
            Ok(Err(exc)) => {
                self.heap.incref(exc, self.raised_referrer());
                return Err(PyException::object(exc, true));
            }
            // A builtin callable's `StopIteration`.
            Err(error)
                if !error.fatal && error.object.is_none() && error.kind == "StopIteration" =>
            {
                None
            }
            Err(error) => return Err(error),
        };
        if let Some(result) = result
            && !self.compare_bool(crate::bytecode::CompareOp::Eq, sentinel, result)?
        {
            return Ok(Some(result));
        }
        let owner = self.heap.get(iterator).address;
        if let Value::CallableIterator { callable, sentinel } = self.heap.value_mut(iterator) {
            *callable = None;
            *sentinel = None;
        }
        self.heap.decref(
            callable,
            Referrer::Attribute {
                owner,
                name: "callable",
            },
        );
        self.heap.decref(
            sentinel,
            Referrer::Attribute {
                owner,
                name: "sentinel",
            },
        );
        Ok(None)
    }
}

/// `tp_iternext` of `iter(callable, sentinel)`.
fn callable_next(vm: &mut Vm, iterator: ObjId) -> Flow<Option<ObjId>> {
    match *vm.heap.value(iterator) {
        Value::CallableIterator {
            callable: Some(callable),
            sentinel: Some(sentinel),
        } => vm.callable_iterator_next(iterator, callable, sentinel),
        _ => Ok(None),
    }
}

/// `tp_iternext` of the sequence iterators: each item in constant time (an
/// ASCII string by byte, another string by the byte offset of its next
/// character, a dict or set by the slot of its next entry); exhausted, it
/// lets go of its sequence, as CPython's `FOR_ITER` does.
fn seq_next(vm: &mut Vm, iterator: ObjId) -> Flow<Option<ObjId>> {
    let address = vm.heap.get(iterator).address;
    let Value::SeqIterator {
        seq,
        index,
        kind,
        used,
        left,
    } = *vm.heap.value(iterator)
    else {
        return Ok(None);
    };
    let Some(sequence) = seq else {
        return Ok(None);
    };
    let position = index;
    if kind == TypeKind::SeqIter {
        return vm.sequence_protocol_next(iterator, sequence, position);
    }
    if let Some(size) = guarded_size(vm.heap.value(sequence))
        && size != used
    {
        return Err(size_changed(vm, iterator, sequence));
    }
    if matches!(
        kind,
        TypeKind::DictReverseKeyIterator
            | TypeKind::DictReverseValueIterator
            | TypeKind::DictReverseItemIterator
    ) {
        return dict_reverse_next(vm, iterator, kind, sequence, position);
    }
    let (item, advance) = match vm.heap.value(sequence) {
        Value::Tuple(items) => (items.get(position).copied(), 1),
        Value::List(list) => (list.items.get(position).copied(), 1),
        Value::Set(set) => match set.entry_at(position) {
            Some((slot, entry)) => (Some(entry.key), slot + 1 - position),
            None => (None, 1),
        },
        Value::Dict(dict) => match dict.entry_at(position) {
            // Its size unchanged, the dict has more entries than it had:
            // some were deleted and others added (`dictiter_iternextkey`).
            Some(_) if left == 0 => return Err(keys_changed(vm, iterator, sequence)),
            Some((slot, entry)) => {
                let item = match kind {
                    TypeKind::DictValueIterator => entry.value,
                    TypeKind::DictItemIterator => {
                        vm.tuple_object(vec![entry.key, entry.value], false)
                    }
                    _ => entry.key,
                };
                (Some(item), slot + 1 - position)
            }
            None => (None, 1),
        },
        Value::Str(text) if kind == TypeKind::StrAsciiIterator => {
            // The one-character strings are immortal singletons.
            let item = text
                .as_bytes()
                .get(position)
                .map(|&b| vm.singletons_latin1(b));
            (item, 1)
        }
        Value::Str(text) => match text.get(position..).and_then(|rest| rest.chars().next()) {
            Some(c) => {
                let mut buffer = [0u8; 4];
                let piece: &str = c.encode_utf8(&mut buffer);
                (Some(vm.str_object(piece)), c.len_utf8())
            }
            None => (None, 1),
        },
        Value::Bytes(_) | Value::ByteArray(_) => (vm.bytes_iter_item(sequence, position), 1),
        _ => (None, 1),
    };
    if let Value::SeqIterator {
        seq, index, left, ..
    } = vm.heap.value_mut(iterator)
    {
        *index += advance;
        if item.is_none() {
            *seq = None;
        } else {
            *left = left.saturating_sub(1);
        }
    }
    if item.is_none() {
        vm.heap
            .decref(sequence, Referrer::Iterator { iterator: address });
    }
    Ok(item)
}

/// `dictreviter_iternext`: the last live entry below the position, the
/// position moving to it; none left, it lets go of the dict. (Unlike the
/// forward ones it does not check for keys replaced at the same size.)
fn dict_reverse_next(
    vm: &mut Vm,
    iterator: ObjId,
    kind: TypeKind,
    dict: ObjId,
    end: usize,
) -> Flow<Option<ObjId>> {
    let found = match vm.heap.value(dict) {
        Value::Dict(d) => d.entry_before(end),
        _ => None,
    };
    let Some((slot, entry)) = found else {
        let address = vm.heap.get(iterator).address;
        if let Value::SeqIterator { seq, index, .. } = vm.heap.value_mut(iterator) {
            *seq = None;
            *index = 0;
        }
        vm.heap
            .decref(dict, Referrer::Iterator { iterator: address });
        return Ok(None);
    };
    if let Value::SeqIterator { index, left, .. } = vm.heap.value_mut(iterator) {
        *index = slot;
        *left = left.saturating_sub(1);
    }
    Ok(Some(match kind {
        TypeKind::DictReverseValueIterator => entry.value,
        TypeKind::DictReverseItemIterator => vm.tuple_object(vec![entry.key, entry.value], false),
        _ => entry.key,
    }))
}

/// A dict whose keys changed under its iterator: the error, and the
/// iterator lets go of it.
fn keys_changed(vm: &mut Vm, iterator: ObjId, dict: ObjId) -> Box<PyException> {
    let address = vm.heap.get(iterator).address;
    if let Value::SeqIterator { seq, .. } = vm.heap.value_mut(iterator) {
        *seq = None;
    }
    vm.heap
        .decref(dict, Referrer::Iterator { iterator: address });
    PyException::new("RuntimeError", "dictionary keys changed during iteration")
}

/// The size a dict's or set's iterator watches (`ma_used`, `so->used`).
fn guarded_size(value: &Value) -> Option<u32> {
    let size = match value {
        Value::Dict(dict) => dict.len(),
        Value::Set(set) => set.len(),
        _ => return None,
    };
    // (`u32::MAX` is the mark of a changed size.)
    Some(size.min(u32::MAX as usize - 1) as u32)
}

/// A dict or set whose size changed under its iterator: the error, and the
/// iterator keeps raising it (`di_used = -1`) while it still holds it.
fn size_changed(vm: &mut Vm, iterator: ObjId, sequence: ObjId) -> Box<PyException> {
    if let Value::SeqIterator { used, .. } = vm.heap.value_mut(iterator) {
        *used = u32::MAX;
    }
    let message = match vm.heap.value(sequence) {
        Value::Set(_) => "Set changed size during iteration",
        _ => "dictionary changed size during iteration",
    };
    PyException::new("RuntimeError", message)
}

/// `tp_iternext` of enumerate, zip, map, filter and reversed.
fn wrapped_next(vm: &mut Vm, iterator: ObjId) -> Flow<Option<ObjId>> {
    match vm.next_wrapped(iterator)? {
        Some(next) => Ok(next),
        None => Err(vm.unsupported("iterating over this object")),
    }
}

/// `tp_iternext` of a generator taken by native code inside an
/// instruction (a `map` over it, `zip`, a drain): its frame is resumed as
/// a call is (`vm/drain.rs`). `for`, `next()`, `send()` and `yield from`
/// resume it directly (`vm/generators.rs`).
fn generator_next(vm: &mut Vm, generator: ObjId) -> Flow<Option<ObjId>> {
    if vm.in_calling() {
        return vm.next_of_generator(generator);
    }
    Err(vm.unsupported("taking an item of a generator in this instruction"))
}

/// `_PySequence_IterSearch`: `in` consumes the iterator up to an equal item.
pub(in crate::vm) fn iterator_contains(vm: &mut Vm, iterator: ObjId, needle: ObjId) -> Flow<bool> {
    vm.iterator_contains(iterator, needle)
}
