//! The built-in iterators that wrap another object: the sequence iterator
//! behind `tuple_iterator`, `list_iterator`, `str_iterator`… (one
//! `Value::SeqIterator` with its kind), `enumerate`, `zip`, `map`, `filter`
//! and `reversed`. Their stepping is in `vm/iterators.rs` and `opcodes.rs`.

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
        Value::Zip { iters } => out.extend(iters.iter().map(|&it| (it, held))),
        Value::Map { func, iters } => {
            out.push((*func, attribute(object, "func")));
            out.push((*iters, attribute(object, "iters")));
        }
        Value::Filter { func, iter } => {
            out.push((*func, attribute(object, "func")));
            out.push((*iter, held));
        }
        _ => {}
    }
}

/// An iterator over a sequence: PyObject_HEAD, the index and the sequence,
/// after the GC header. The kinds differ only in name.
pub const SEQ_ITER: TypeSpec = TypeSpec {
    gc: true,
    iterator: true,
    slots: Slots {
        traverse: Some(traverse),
        repr: Some(default_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("iterator", GC_HEAD + 32)
};

/// enumobject: header, en_index, en_sit, en_result, en_longindex.
pub const ENUMERATE: TypeSpec = TypeSpec {
    name: "enumerate",
    basic_size: GC_HEAD + 48,
    ..SEQ_ITER
};

/// zipobject: header, tuplesize, ittuple, result, strict.
pub const ZIP: TypeSpec = TypeSpec {
    name: "zip",
    basic_size: GC_HEAD + 48,
    ..SEQ_ITER
};

/// mapobject: header, iters, func, strict.
pub const MAP: TypeSpec = TypeSpec {
    name: "map",
    basic_size: GC_HEAD + 40,
    ..SEQ_ITER
};

/// filterobject: header, func, it.
pub const FILTER: TypeSpec = TypeSpec {
    name: "filter",
    basic_size: GC_HEAD + 32,
    ..SEQ_ITER
};

pub const REVERSED: TypeSpec = TypeSpec {
    name: "reversed",
    basic_size: GC_HEAD + 32,
    ..SEQ_ITER
};
