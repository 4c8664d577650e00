//! `list` and its iterators (its methods are in `vm/containers.rs`).

use super::{GC_HEAD, Slots, TypeSpec, items_traverse};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn items(value: &Value) -> &[ObjId] {
    match value {
        Value::List(list) => &list.items,
        _ => &[],
    }
}

fn repr(w: &mut Writer<'_>, id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    if !w.enter(id) {
        return w.push("[...]");
    }
    if depth > w.depth_budget() {
        w.leave();
        return w.too_deep("[...]");
    }
    w.push("[")?;
    w.join(items(&object.value).iter().copied(), |w, item| {
        w.write(item, depth + 1)
    })?;
    w.leave();
    w.push("]")
}

/// `sys.getsizeof`: the object and its item array (`allocated` pointers).
fn getsizeof(object: &Object) -> u64 {
    match &object.value {
        Value::List(list) => object.size as u64 + 8 * list.allocated as u64,
        _ => object.size as u64,
    }
}

pub const LIST: TypeSpec = TypeSpec {
    gc: true,
    subclassable: true,
    slots: Slots {
        traverse: Some(|_, object, out| items_traverse(items(&object.value), object, "list", out)),
        getsizeof: Some(getsizeof),
        repr: Some(repr),
        bool: Some(|value| !items(value).is_empty()),
        len: Some(|_, value| items(value).len()),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("list", GC_HEAD + 40)
};

pub const LIST_ITERATOR: TypeSpec = TypeSpec {
    name: "list_iterator",
    ..super::iterators::SEQ_ITER
};

pub const LIST_REVERSE_ITERATOR: TypeSpec = TypeSpec {
    name: "list_reverseiterator",
    ..super::iterators::REVERSED
};
