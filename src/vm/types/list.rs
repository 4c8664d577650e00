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
    basetype: true,
    kind: TypeKind::List,
    gc: true,
    hashable: false,
    subclassable: true,
    slots: Slots {
        traverse: Some(|_, object, out| items_traverse(items(&object.value), object, "list", out)),
        getsizeof: Some(getsizeof),
        repr: Some(repr),
        bool: Some(|value| !items(value).is_empty()),
        len: Some(|_, value| items(value).len()),
        vm: LIST_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("list", GC_HEAD + 40)
};

pub const LIST_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::ListIterator,
    name: "list_iterator",
    ..super::iterators::SEQ_ITER
};

pub const LIST_REVERSE_ITERATOR: TypeSpec = TypeSpec {
    basetype: false,
    kind: TypeKind::ListReverseIterator,
    name: "list_reverseiterator",
    ..super::iterators::REVERSED
};

// ---- the interpreter's slots -----------------------------------------------------

use super::TypeKind;
use super::protocol::VmSlots;
use crate::bytecode::CompareOp;
use crate::vm::{Flow, Vm};

/// `list[index]`, `list[slice]`.
fn getitem(vm: &mut Vm, list: ObjId, index: ObjId) -> Flow<ObjId> {
    let index = vm.index_value(index)?;
    if let Value::Slice { .. } = vm.heap.value(index) {
        return vm.slice_of(list, index);
    }
    vm.list_item(list, index)
}

/// `list[index] = value`, `list[slice] = iterable`.
fn setitem(vm: &mut Vm, list: ObjId, index: ObjId, value: ObjId) -> Flow {
    let index = vm.index_value(index)?;
    if let Value::Slice { .. } = vm.heap.value(index) {
        return vm.list_store_slice(list, index, value);
    }
    vm.list_setitem(list, index, value)
}

/// `del list[index]`, `del list[slice]`.
fn delitem(vm: &mut Vm, list: ObjId, index: ObjId) -> Flow {
    let index = vm.index_value(index)?;
    if let Value::Slice { .. } = vm.heap.value(index) {
        return vm.list_delete_slice(list, index);
    }
    vm.list_delitem(list, index)
}

/// `item in seq` of a list or tuple: identity, then equality, item by item
/// (through `__eq__` where an instance takes part).
pub(super) fn sequence_contains(vm: &mut Vm, seq: ObjId, item: ObjId) -> Flow<bool> {
    if vm.is_instance_obj(item) || vm.has_instance(seq) {
        let items = match vm.heap.value(seq) {
            Value::List(list) => list.items.clone(),
            Value::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        };
        for candidate in items {
            if vm.compare_bool(CompareOp::Eq, candidate, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let vm: &Vm = vm;
    let items: &[ObjId] = match vm.heap.value(seq) {
        Value::List(list) => &list.items,
        Value::Tuple(items) => items,
        _ => &[],
    };
    for &candidate in items {
        if candidate == item || vm.order(candidate, item, 0)? == Some(std::cmp::Ordering::Equal) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Lists order item by item.
fn order(vm: &Vm, list: ObjId, other: ObjId, depth: usize) -> Flow<Option<std::cmp::Ordering>> {
    let (Value::List(x), Value::List(y)) = (vm.heap.value(list), vm.heap.value(other)) else {
        return Ok(None);
    };
    if vm.compare_too_deep(depth) {
        return Err(super::protocol::compare_recursion());
    }
    vm.order_items(&x.items, &y.items, depth)
}

/// A list's or dict's attribute that is no method (methods are found by
/// `LOAD_ATTR`'s method lookup first).
pub(super) fn container_getattr(
    vm: &mut Vm,
    obj: ObjId,
    name: crate::vm::heap::Symbol,
) -> Flow<ObjId> {
    let kind = vm.heap.value(obj).type_kind();
    match crate::vm::containers::Method::find(kind, vm.heap.symbols.text(name)) {
        Some(_) => Err(crate::vm::exceptions::PyException::new(
            "SystemError",
            "methods are looked up by load_method",
        )),
        None => Err(vm.no_attribute(obj, name)),
    }
}

const LIST_VM: VmSlots = VmSlots {
    getattr: Some(container_getattr),
    str: Some(|vm, list| vm.container_str(list)),
    order: Some(order),
    iter: Some(|vm, list| Ok(vm.seq_iterator(TypeKind::ListIterator, list))),
    getitem: Some(getitem),
    setitem: Some(setitem),
    delitem: Some(delitem),
    contains: Some(sequence_contains),
    ..VmSlots::EMPTY
};
