//! `complex` (its arithmetic is in `vm/complex.rs`).

use super::TypeKind;
use super::dict::HashKey;
use super::protocol::VmSlots;
use super::{Slots, TypeSpec};
use crate::bytecode::hashing::{float_hash, pointer_hash};
use crate::vm::containers::float_key;

fn parts(value: &Value) -> (f64, f64) {
    match value {
        Value::Complex(re, im) => (*re, *im),
        _ => (0.0, 0.0),
    }
}
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    match object.value {
        Value::Complex(re, im) => w.push(&crate::bytecode::repr::complex_repr(re, im)),
        _ => Ok(()),
    }
}

pub const COMPLEX: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Complex,
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| !matches!(value, Value::Complex(re, im) if *re == 0.0 && *im == 0.0)),
        vm: VmSlots {
            // `real` and `imag` are new floats each time.
            getattr: Some(|vm, obj, name| {
                let (re, im) = parts(vm.heap.value(obj));
                match vm.heap.symbols.text(name) {
                    "real" => Ok(vm.heap.alloc(Value::Float(re))),
                    "imag" => Ok(vm.heap.alloc(Value::Float(im))),
                    _ => Err(vm.no_attribute(obj, name)),
                }
            }),
            hash: Some(|vm, obj, _| {
                let (re, im) = parts(vm.heap.value(obj));
                let address = vm.heap.get(obj).address;
                let part = |x: f64| float_hash(x).unwrap_or_else(|| pointer_hash(address));
                Ok(crate::vm::complex::complex_hash(part(re), part(im)))
            }),
            // A complex with no imaginary part is its real part as a key.
            hash_key: Some(|vm, obj, _| {
                let (re, im) = parts(vm.heap.value(obj));
                Ok(if im == 0.0 {
                    float_key(re, obj)
                } else {
                    HashKey::Complex(re.to_bits(), im.to_bits())
                })
            }),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("complex", 32)
};
