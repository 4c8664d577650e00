//! `object`, and the instances of a program's classes.
//!
//! `object()` is a bare object: no `__dict__`, not GC-tracked. An instance
//! of a class made by a `class` statement (`Value::Instance`) is a heap
//! type's instance: [`INSTANCE`] gives its layout, traversal and repr, and
//! its Python-level slots (`__repr__`, `__len__`, `__eq__`…) are found on
//! its class by the generic operations (`vm/dunders.rs`), as CPython's
//! `slot_tp_*` functions do.

use super::{GC_HEAD, Slots, TypeSpec, attribute, default_repr};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Value};

pub const OBJECT: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Object,
    base: None,
    subclassable: true,
    slots: Slots {
        repr: Some(default_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("object", 16)
};

/// An instance with a managed dict: header and pre-header pointers. With
/// `__slots__`: one pointer a slot, and the pre-header's two only when there
/// is a `__dict__` or a `__weakref__`.
fn sizeof(value: &Value) -> u32 {
    match value {
        Value::Instance {
            slots: Some(slots), ..
        } => GC_HEAD + 16 + 8 * slots.values.len() as u32 + 16 * u32::from(slots.pre_header),
        _ => GC_HEAD + 16 + 16,
    }
}

/// Its class, its `__dict__`, then each set slot by name.
fn traverse(heap: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let Value::Instance {
        class, dict, slots, ..
    } = &object.value
    else {
        return;
    };
    out.push((*class, attribute(object, "__class__")));
    out.extend(dict.map(|dict| (dict, attribute(object, "__dict__"))));
    if let Some(slots) = slots
        && let Value::Class(c) = &heap.get(*class).value
    {
        for (value, name) in slots.values.iter().zip(&c.slot_names) {
            out.extend(value.map(|value| (value, attribute(object, name))));
        }
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Instance { class, .. } = &object.value else {
        return Ok(());
    };
    let qualname = match &w.heap.get(*class).value {
        Value::Class(c) => c.qualname.to_string(),
        _ => "object".to_owned(),
    };
    w.push(&format!(
        "<__main__.{qualname} object at {:#x}>",
        object.address
    ))
}

/// An instance of a class made by a `class` statement. Not registered:
/// its type is its class (`type_kind()` says `object`, its nearest
/// built-in base).
pub const INSTANCE: TypeSpec = TypeSpec {
    gc: true,
    slots: Slots {
        traverse: Some(traverse),
        sizeof: Some(sizeof),
        repr: Some(repr),
        vm: INSTANCE_VM,
        ..Slots::EMPTY
    },
    ..OBJECT
};

// ---- the slots of a class's instances ----------------------------------------

use super::TypeKind;
use super::protocol::VmSlots;
use crate::vm::{Flow, Vm};

/// `slot_tp_iter`: `__iter__`, else the old sequence protocol over
/// `__getitem__`, else not iterable.
pub(crate) fn instance_iter_slot(vm: &mut Vm, obj: ObjId) -> Flow<ObjId> {
    if vm.special_method(obj, "__iter__").is_some() {
        return vm.instance_iter(obj);
    }
    if vm.special_method(obj, "__getitem__").is_some() {
        return Ok(vm.seq_iterator(TypeKind::SeqIter, obj));
    }
    Err(super::protocol::not_iterable(vm.heap.value(obj)))
}

/// The slots of a heap type's instance: each calls the class's special
/// method (CPython's `slot_sq_length`, `slot_nb_bool`, `slot_tp_iter`…).
const INSTANCE_VM: VmSlots = VmSlots {
    len: Some(|vm, obj| vm.instance_len(obj)),
    bool: Some(|vm, obj| vm.calling(|vm| vm.instance_truthy(obj))),
    iter: Some(instance_iter_slot),
    next: Some(|vm, obj| vm.instance_next(obj)),
    getitem: Some(|vm, obj, key| vm.instance_getitem(obj, key)),
    setitem: Some(|vm, obj, key, value| vm.instance_setitem(obj, key, value)),
    delitem: Some(|vm, obj, key| vm.instance_delitem(obj, key)),
    contains: Some(|vm, obj, item| vm.instance_contains(obj, item)),
    hash: Some(|vm, obj, _| vm.instance_hash(obj)),
    hash_key: Some(hash_key),
    // Comparisons with instances are rich comparisons (`vm/dunders.rs`).
    order: None,
    str: Some(|vm, obj| vm.instance_str(obj)),
    // Attributes of instances are found by `classes.rs` before any slot.
    getattr: None,
};

/// An instance whose class defines `__eq__` or `__hash__` cannot be a key
/// yet (`__hash__ = None`: unhashable); others are found by identity.
fn hash_key(vm: &Vm, obj: ObjId, _depth: usize) -> Flow<super::dict::HashKey> {
    let Value::Instance { class, .. } = *vm.heap.value(obj) else {
        return Ok(super::dict::HashKey::Identity(obj));
    };
    let hash = vm.class_lookup(class, "__hash__");
    if vm.class_lookup(class, "__eq__").is_none() && hash.is_none() {
        return Ok(super::dict::HashKey::Identity(obj));
    }
    if hash == Some(vm.singletons.none) {
        let name = vm.heap.value(obj).type_name();
        return Err(crate::vm::exceptions::PyException::type_error(format!(
            "cannot use '{name}' as a dict key (unhashable type: '{name}')"
        )));
    }
    Err(crate::vm::exceptions::PyException::not_implemented(
        "dict keys or set members whose class defines __eq__ or __hash__",
        vm.frames.last().and_then(|f| f.current_line()),
    ))
}
