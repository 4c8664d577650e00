//! `float`.

use super::TypeKind;
use super::protocol::VmSlots;
use super::{Slots, TypeSpec};
use crate::bytecode::hashing::{float_hash, pointer_hash};
use crate::vm::containers::float_key;

fn float(value: &Value) -> f64 {
    match value {
        Value::Float(f) => *f,
        _ => 0.0,
    }
}
use crate::vm::heap::object::float_repr;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    match object.value {
        Value::Float(f) => w.push(&float_repr(f)),
        _ => Ok(()),
    }
}

pub const FLOAT: TypeSpec = TypeSpec {
    basetype: true,
    subclassable: true,
    kind: TypeKind::Float,
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| !matches!(value, Value::Float(f) if *f == 0.0)),
        vm: VmSlots {
            // A NaN hashes by its address.
            hash: Some(|vm, obj, _| {
                let f = float(vm.heap.value(obj));
                Ok(float_hash(f).unwrap_or_else(|| pointer_hash(vm.heap.get(obj).address)))
            }),
            hash_key: Some(|vm, obj, _| Ok(float_key(float(vm.heap.value(obj)), obj))),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("float", 24)
};
