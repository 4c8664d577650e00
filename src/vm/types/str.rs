//! `str` and its iterators (its methods are in `vm/strings.rs`).

use super::{Slots, TypeSpec};
use crate::vm::heap::object::str_repr;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

/// `str.__sizeof__` of an ASCII string of `len` characters.
pub fn ascii_str_size(len: usize) -> u32 {
    u32::try_from(40 + len as u64 + 1).unwrap_or(u32::MAX)
}

/// `str.__sizeof__` for the compact representations of PEP 393 (saturating:
/// the memory limit keeps real strings far below 4 GiB).
pub fn str_size(text: &str) -> u32 {
    if text.is_ascii() {
        return ascii_str_size(text.len());
    }
    let length = text.chars().count() as u64;
    let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let size = match widest {
        0..=0x7f => 40 + length + 1,
        0x80..=0xff => 56 + length + 1,
        0x100..=0xffff => 56 + 2 * (length + 1),
        _ => 56 + 4 * (length + 1),
    };
    u32::try_from(size).unwrap_or(u32::MAX)
}

fn text(value: &Value) -> &str {
    match value {
        Value::Str(text) => text,
        _ => "",
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    let text = text(&object.value);
    // A repr is at least as long as its text: quote only what can fit.
    let room = w.room();
    if text.len() > room {
        let mut end = room.saturating_add(1).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        w.push(&str_repr(&text[..end]))?;
        return Err(Stop::Full);
    }
    w.push(&str_repr(text))
}

pub const STR: TypeSpec = TypeSpec {
    basetype: true,
    subclassable: true,
    kind: TypeKind::Str,
    slots: Slots {
        sizeof: Some(|value| str_size(text(value))),
        repr: Some(repr),
        str: Some(|heap, id| Ok(text(heap.value(id)).to_string())),
        bool: Some(|value| !text(value).is_empty()),
        len: Some(|_, value| text(value).chars().count()),
        vm: STR_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("str", 41)
};

pub const STR_ASCII_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::StrAsciiIterator,
    name: "str_ascii_iterator",
    ..super::iterators::SEQ_ITER
};

pub const STR_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::StrIterator,
    name: "str_iterator",
    ..super::iterators::SEQ_ITER
};

// ---- the interpreter's slots -----------------------------------------------------

use super::TypeKind;
use super::protocol::VmSlots;
use crate::vm::exceptions::PyException;
use crate::vm::{Flow, Vm};

/// `iter(s)`: an ASCII string is stepped by byte.
fn iter(vm: &mut Vm, s: ObjId) -> Flow<ObjId> {
    let kind = if text(vm.heap.value(s)).is_ascii() {
        TypeKind::StrAsciiIterator
    } else {
        TypeKind::StrIterator
    };
    Ok(vm.seq_iterator(kind, s))
}

/// `s[index]`, `s[slice]`: no copy of the text (ASCII by byte, else by
/// walking it once).
fn getitem(vm: &mut Vm, s: ObjId, index: ObjId) -> Flow<ObjId> {
    let (ascii, len) = {
        let text = text(vm.heap.value(s));
        let ascii = text.is_ascii();
        (
            ascii,
            if ascii {
                text.len()
            } else {
                text.chars().count()
            },
        )
    };
    let i = match vm.sequence_index(index, len)? {
        Err(slice) => return vm.slice_of(s, slice),
        Ok(i) => i,
    };
    let text = text(vm.heap.value(s));
    let c = i
        .and_then(|i| {
            if ascii {
                text.as_bytes().get(i).map(|&b| b as char)
            } else {
                text.chars().nth(i)
            }
        })
        .ok_or_else(|| PyException::new("IndexError", "string index out of range"))?;
    let mut buffer = [0u8; 4];
    let piece: &str = c.encode_utf8(&mut buffer);
    Ok(vm.str_object(piece))
}

/// `sub in s`: a substring test; only a str can be looked for.
fn contains(vm: &mut Vm, s: ObjId, item: ObjId) -> Flow<bool> {
    match vm.heap.value(item) {
        Value::Str(needle) => Ok(text(vm.heap.value(s)).contains(needle.as_ref())),
        other => Err(PyException::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            other.type_name()
        ))),
    }
}

const STR_VM: VmSlots = VmSlots {
    order: Some(
        |vm, s, other, _| match (vm.heap.value(s), vm.heap.value(other)) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
            _ => Ok(None),
        },
    ),
    hash: Some(|vm, s, _| Ok(crate::bytecode::hashing::str_hash(text(vm.heap.value(s))))),
    hash_key: Some(|vm, s, _| match vm.heap.value(s) {
        Value::Str(text) => Ok(super::dict::HashKey::Str(text.clone())),
        _ => Ok(super::dict::HashKey::Identity(s)),
    }),
    iter: Some(iter),
    getitem: Some(getitem),
    contains: Some(contains),
    ..VmSlots::EMPTY
};
