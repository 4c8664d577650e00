//! `type`: the static built-in types (`Value::Type`, immortal, not
//! GC-tracked) and the classes a program makes (`Value::Class`, heap types),
//! and `super`.

use super::{GC_HEAD, Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    match &object.value {
        Value::Type(kind) => w.push(&format!("<class '{}'>", kind.name())),
        Value::Class(class) => w.push(&format!("<class '__main__.{}'>", class.qualname)),
        _ => Ok(()),
    }
}

/// A static type: sizeof(PyTypeObject), no GC header for static types.
pub const TYPE: TypeSpec = TypeSpec {
    slots: Slots {
        repr: Some(repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("type", 416)
};

/// Its `__dict__`, then its bases (its MRO is held through them).
fn class_traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    if let Value::Class(class) = &object.value {
        out.push((class.dict, attribute(object, "__dict__")));
        out.extend(
            class
                .bases
                .iter()
                .map(|&base| (base, attribute(object, "__bases__"))),
        );
    }
}

/// A class made by a `class` statement: a heap type (PyHeapTypeObject on
/// 64-bit 3.14), GC-tracked. Not registered: `type()` of it is `type`.
pub const HEAP_TYPE: TypeSpec = TypeSpec {
    gc: true,
    basic_size: GC_HEAD + 928,
    slots: Slots {
        traverse: Some(class_traverse),
        vm: super::protocol::VmSlots {
            getitem: Some(|vm, class, key| vm.class_getitem(class, key)),
            ..super::protocol::VmSlots::EMPTY
        },
        ..TYPE.slots
    },
    ..TYPE
};

/// `super()` resolves at once in bytestep: no super objects are made yet.
pub const SUPER: TypeSpec = TypeSpec::new("super", GC_HEAD + 48);
