//! `int` (an `i64` while it fits, a `BigInt` past that) and `bool`.

use super::dict::HashKey;
use super::protocol::VmSlots;
use super::{Slots, TypeKind, TypeSpec};
use crate::bytecode::hashing::{big_int_hash, int_hash};
use crate::vm::heap::repr::{
    DIGIT_LIMIT_BITS, INT_MAX_STR_DIGITS, Stop, Writer, decimal_digits, grouped,
};
use crate::vm::heap::{ObjId, Object, Value};

/// `int.__sizeof__`: a 24-byte header and 30-bit digits, at least one.
#[inline]
pub fn int_size(bits: u64) -> u32 {
    let digits = bits.div_ceil(30).max(1);
    u32::try_from(24 + 4 * digits).unwrap_or(u32::MAX)
}

/// `int.__sizeof__` of an int that fits in 64 bits.
#[inline]
pub fn i64_size(value: i64) -> u32 {
    int_size(64 - value.unsigned_abs().leading_zeros() as u64)
}

#[inline]
fn sizeof(value: &Value) -> u32 {
    match value {
        Value::Int(v) => i64_size(*v),
        Value::BigInt(v) => int_size(v.bits()),
        _ => 28,
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    match &object.value {
        Value::Int(v) => w.push(&v.to_string()),
        Value::BigInt(value) => {
            if value.bits() > DIGIT_LIMIT_BITS {
                if w.strict() {
                    return Err(Stop::Digits);
                }
                let digits = grouped(decimal_digits(value));
                return w.push(&format!("<int, {digits} digits>"));
            }
            let text = value.to_string();
            let digits = text.trim_start_matches('-').len() as u64;
            if w.strict() && digits > INT_MAX_STR_DIGITS {
                return Err(Stop::Digits);
            }
            w.push(&text)
        }
        Value::Bool(true) => w.push("True"),
        _ => w.push("False"),
    }
}

fn truth(value: &Value) -> bool {
    match value {
        Value::Int(v) => *v != 0,
        Value::Bool(b) => *b,
        _ => true,
    }
}

pub const INT: TypeSpec = TypeSpec {
    basetype: true,
    subclassable: true,
    kind: TypeKind::Int,
    slots: Slots {
        sizeof: Some(sizeof),
        repr: Some(repr),
        bool: Some(truth),
        vm: VmSlots {
            hash: Some(|vm, obj, _| {
                Ok(match vm.heap.value(obj) {
                    Value::Int(v) => int_hash(*v),
                    Value::BigInt(v) => big_int_hash(v),
                    Value::Bool(b) => *b as i64,
                    _ => 0,
                })
            }),
            hash_key: Some(|vm, obj, _| {
                Ok(match vm.heap.value(obj) {
                    Value::Int(v) => HashKey::Int(*v),
                    Value::BigInt(v) => HashKey::Big(Box::new(v.as_ref().clone())),
                    Value::Bool(b) => HashKey::Int(*b as i64),
                    _ => HashKey::Identity(obj),
                })
            }),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("int", 28)
};

/// `bool`: int's slots under its own name.
pub const BOOL: TypeSpec = TypeSpec {
    basetype: false,
    subclassable: false,
    kind: TypeKind::Bool,
    name: "bool",
    base: Some(TypeKind::Int),
    ..INT
};
