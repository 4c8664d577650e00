//! `tuple` and its iterator.

use super::{GC_HEAD, Slots, TypeSpec, items_traverse};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn items(value: &Value) -> &[ObjId] {
    match value {
        Value::Tuple(items) => items,
        _ => &[],
    }
}

/// PyTupleObject: header, ob_size, ob_hash (new in 3.14), items.
fn sizeof(value: &Value) -> u32 {
    u32::try_from(GC_HEAD as u64 + 32 + 8 * items(value).len() as u64).unwrap_or(u32::MAX)
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let items = items(&object.value);
    if depth > w.depth_budget() {
        return w.too_deep("(...)");
    }
    w.push("(")?;
    w.join(items.iter().copied(), |w, item| w.write(item, depth + 1))?;
    if items.len() == 1 {
        w.push(",")?;
    }
    w.push(")")
}

pub const TUPLE: TypeSpec = TypeSpec {
    basetype: true,
    subclassable: true,
    kind: TypeKind::Tuple,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| items_traverse(items(&object.value), object, "tuple", out)),
        sizeof: Some(sizeof),
        repr: Some(repr),
        bool: Some(|value| !items(value).is_empty()),
        len: Some(|_, value| items(value).len()),
        vm: TUPLE_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("tuple", GC_HEAD + 32)
};

pub const TUPLE_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::TupleIterator,
    name: "tuple_iterator",
    ..super::iterators::SEQ_ITER
};

// ---- the interpreter's slots -----------------------------------------------------

use super::TypeKind;
use super::protocol::VmSlots;
use crate::vm::exceptions::PyException;
use crate::vm::{Flow, Vm};

/// `tuple[index]`, `tuple[slice]`.
fn getitem(vm: &mut Vm, tuple: ObjId, index: ObjId) -> Flow<ObjId> {
    let len = items(vm.heap.value(tuple)).len();
    match vm.sequence_index(index, len)? {
        Err(slice) => vm.slice_of(tuple, slice),
        Ok(Some(i)) => Ok(items(vm.heap.value(tuple))[i]),
        Ok(None) => Err(PyException::new("IndexError", "tuple index out of range")),
    }
}

/// `tuplehash` of the items' hashes.
fn hash(vm: &mut Vm, tuple: ObjId, depth: usize) -> Flow<i64> {
    let items = items(vm.heap.value(tuple)).to_vec();
    let mut hashes = Vec::with_capacity(items.len());
    for item in items {
        hashes.push(vm.py_hash_within(item, depth + 1)?);
    }
    Ok(crate::bytecode::hashing::tuple_hash(&hashes))
}

/// The items' keys.
fn hash_key(vm: &Vm, tuple: ObjId, depth: usize) -> Flow<super::dict::HashKey> {
    let items = items(vm.heap.value(tuple));
    let mut keys = Vec::with_capacity(items.len());
    for &item in items {
        keys.push(vm.hash_key_within(item, depth + 1)?);
    }
    Ok(super::dict::HashKey::Tuple(keys.into_boxed_slice()))
}

/// Tuples order item by item.
fn order(vm: &Vm, tuple: ObjId, other: ObjId, depth: usize) -> Flow<Option<std::cmp::Ordering>> {
    let (Value::Tuple(x), Value::Tuple(y)) = (vm.heap.value(tuple), vm.heap.value(other)) else {
        return Ok(None);
    };
    if vm.compare_too_deep(depth) {
        return Err(super::protocol::compare_recursion());
    }
    vm.order_items(x, y, depth)
}

const TUPLE_VM: VmSlots = VmSlots {
    str: Some(|vm, tuple| vm.container_str(tuple)),
    order: Some(order),
    hash: Some(hash),
    hash_key: Some(hash_key),
    iter: Some(|vm, tuple| Ok(vm.seq_iterator(TypeKind::TupleIterator, tuple))),
    getitem: Some(getitem),
    contains: Some(super::list::sequence_contains),
    ..VmSlots::EMPTY
};
