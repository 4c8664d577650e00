//! `bytes` and `bytearray`: their storage, CPython 3.14's sizes and growth,
//! their reprs and the byte-string algorithms their methods share.
//!
//! A `bytes` is immutable (`Value::Bytes`); the empty one and the 256
//! one-byte ones are immortal statics, as `_Py_SINGLETON(bytes_empty)` and
//! `bytes_characters[256]` are. A `bytearray` (`Value::ByteArray`) keeps
//! CPython's `ob_alloc` and logical start (`ob_start - ob_bytes`), so that
//! `sys.getsizeof` (56 + allocated on 64-bit) grows and shrinks as
//! `PyByteArray_Resize` makes it.

/// `sizeof(PyBytesObject)` less its one-byte `ob_sval`: header, size, hash.
pub const BYTES_HEADER: u32 = 33;
/// `sizeof(PyByteArrayObject)` on 64-bit 3.14 (not GC-tracked).
pub const BYTEARRAY_HEADER: u32 = 56;

/// A bytearray's contents and its allocation.
#[derive(Debug, Clone, Default)]
pub struct ByteArray {
    pub data: Vec<u8>,
    /// `ob_alloc`: bytes allocated (what `__sizeof__` adds).
    pub allocated: usize,
    /// `ob_start - ob_bytes`: bytes dropped from the front without moving.
    pub offset: usize,
}

impl ByteArray {
    /// `PyByteArray_FromStringAndSize`: exactly the size plus the trailing NUL.
    pub fn from_vec(data: Vec<u8>) -> ByteArray {
        let allocated = if data.is_empty() { 0 } else { data.len() + 1 };
        ByteArray {
            data,
            allocated,
            offset: 0,
        }
    }

    /// `PyByteArray_Resize`'s allocation for a new size (the caller changes
    /// `data` itself).
    pub fn resize(&mut self, size: usize) {
        if size == self.data.len() {
            return;
        }
        let alloc = self.allocated;
        if size + self.offset < alloc {
            if size < alloc / 2 {
                // Major downsize: exactly the size.
                self.allocated = size + 1;
                self.offset = 0;
            }
            // Minor downsize: nothing moves.
            return;
        }
        self.allocated = if size as f64 <= alloc as f64 * 1.125 {
            size + (size >> 3) + if size < 9 { 3 } else { 6 }
        } else {
            size + 1
        };
        self.offset = 0;
    }

    /// Append one byte as `bytearray_append` (and the iterator path of
    /// `bytearray.__init__`) does.
    pub fn push(&mut self, byte: u8) {
        let n = self.data.len();
        self.resize(n + 1);
        self.data.push(byte);
    }

    /// Replace `data[lo..hi]` by `bytes` as `bytearray_setslice_linear`
    /// does: removing from the front only advances the logical start.
    pub fn set_linear(&mut self, lo: usize, hi: usize, bytes: &[u8]) {
        let avail = hi - lo;
        let old = self.data.len();
        let new_len = old - avail + bytes.len();
        if bytes.len() < avail && lo == 0 {
            self.offset += avail - bytes.len();
        }
        if new_len != old {
            self.resize(new_len);
        }
        self.data.splice(lo..hi, bytes.iter().copied());
    }

    /// `bytearray.__sizeof__` plus nothing: it is not GC-tracked.
    pub fn getsizeof(&self) -> u64 {
        BYTEARRAY_HEADER as u64 + self.allocated as u64
    }
}

/// `repr(bytearray)`: CPython always escapes `'` inside it, whatever quote
/// it chose (`bytearray(b"it\'s")`).
pub fn bytearray_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 14);
    out.push_str("bytearray(b");
    out.push(quote);
    for &byte in data {
        match byte {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out.push(')');
    out
}

/// Python's `bytes.isspace` set: space, `\t\n\v\f\r`.
pub fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// First index of `needle` in `hay` (an empty needle is found at 0).
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Last index of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences (an empty needle: `len + 1`).
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = find(&hay[at..], needle) {
        n += 1;
        at += i + needle.len();
    }
    n
}

/// `split(sep, maxsplit)` with a separator.
pub fn split(hay: &[u8], sep: &[u8], max: usize) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut rest = hay;
    while parts.len() < max {
        match find(rest, sep) {
            Some(i) => {
                parts.push(rest[..i].to_vec());
                rest = &rest[i + sep.len()..];
            }
            None => break,
        }
    }
    parts.push(rest.to_vec());
    parts
}

/// `rsplit(sep, maxsplit)` with a separator.
pub fn rsplit(hay: &[u8], sep: &[u8], max: usize) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut rest = hay;
    while parts.len() < max {
        match rfind(rest, sep) {
            Some(i) => {
                parts.push(rest[i + sep.len()..].to_vec());
                rest = &rest[..i];
            }
            None => break,
        }
    }
    parts.push(rest.to_vec());
    parts.reverse();
    parts
}

/// `split()` / `rsplit()` on runs of ASCII whitespace.
pub fn split_whitespace(hay: &[u8], max: usize, from_right: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    if from_right {
        let mut end = hay.len();
        loop {
            while end > 0 && is_space(hay[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if parts.len() == max {
                parts.push(hay[..end].to_vec());
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(hay[start - 1]) {
                start -= 1;
            }
            parts.push(hay[start..end].to_vec());
            end = start;
        }
        parts.reverse();
    } else {
        let mut start = 0;
        loop {
            while start < hay.len() && is_space(hay[start]) {
                start += 1;
            }
            if start == hay.len() {
                break;
            }
            if parts.len() == max {
                parts.push(hay[start..].to_vec());
                break;
            }
            let mut end = start;
            while end < hay.len() && !is_space(hay[end]) {
                end += 1;
            }
            parts.push(hay[start..end].to_vec());
            start = end;
        }
    }
    parts
}

/// `replace(old, new, count)`.
pub fn replace(hay: &[u8], old: &[u8], new: &[u8], max: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `max` times.
        let mut done = 0;
        for &byte in hay {
            if done < max {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(byte);
        }
        if done < max {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = hay;
    let mut done = 0;
    while done < max {
        match find(rest, old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

/// `bytes.hex(sep, bytes_per_sep)` as `_Py_strhex_with_sep` writes it:
/// a positive group size counts from the right, a negative from the left.
pub fn hex(data: &[u8], sep: Option<char>, per_sep: i64) -> String {
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else {
        return digits.concat();
    };
    if per_sep == 0 || data.is_empty() {
        return digits.concat();
    }
    let group = per_sep.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len();
    for (i, pair) in digits.iter().enumerate() {
        let boundary = if per_sep > 0 {
            i > 0 && (n - i).is_multiple_of(group)
        } else {
            i > 0 && i.is_multiple_of(group)
        };
        if boundary {
            out.push(sep);
        }
        out.push_str(pair);
    }
    out
}

/// `bytes.fromhex`: pairs of hex digits, ASCII whitespace between pairs;
/// the error names the position as CPython does.
pub fn fromhex(text: &[char]) -> Result<Vec<u8>, String> {
    let digit = |c: char| c.to_digit(16);
    let mut out = Vec::new();
    let mut i = 0;
    let n = text.len();
    loop {
        while i < n && (text[i] == ' ' || ('\t'..='\r').contains(&text[i])) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let Some(high) = digit(text[i]) else {
            return Err(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            ));
        };
        if i + 1 >= n {
            return Err("fromhex() arg must contain an even number of hexadecimal digits".into());
        }
        let Some(low) = digit(text[i + 1]) else {
            return Err(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            ));
        };
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(out)
}

// ---- the types: bytes, bytearray and their iterators -----------------------

use super::TypeKind;
use super::{Slots, TypeSpec};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

/// The bytes of a bytes or bytearray.
fn data(value: &Value) -> &[u8] {
    match value {
        Value::Bytes(data) => data,
        Value::ByteArray(array) => &array.data,
        _ => &[],
    }
}

/// A repr is longer than its bytes: write only what can fit.
fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    let data = data(&object.value);
    let cut = data.len().min(w.room().saturating_add(1));
    match object.value {
        Value::ByteArray(_) => w.push(&bytearray_repr(&data[..cut]))?,
        _ => w.push(&crate::bytecode::repr::bytes_repr(&data[..cut]))?,
    }
    if cut < data.len() {
        return Err(Stop::Full);
    }
    Ok(())
}

pub const BYTES: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Bytes,
    slots: Slots {
        sizeof: Some(|value| {
            u32::try_from(BYTES_HEADER as u64 + data(value).len() as u64).unwrap_or(u32::MAX)
        }),
        repr: Some(repr),
        bool: Some(|value| !data(value).is_empty()),
        len: Some(|_, value| data(value).len()),
        vm: BYTES_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("bytes", BYTES_HEADER)
};

/// The object; its buffer is counted by `sys.getsizeof`, as a list's items.
pub const BYTEARRAY: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::ByteArray,
    hashable: false,
    slots: Slots {
        getsizeof: Some(|object| match &object.value {
            Value::ByteArray(array) => array.getsizeof(),
            _ => object.size as u64,
        }),
        repr: Some(repr),
        bool: Some(|value| !data(value).is_empty()),
        len: Some(|_, value| data(value).len()),
        vm: BYTEARRAY_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("bytearray", BYTEARRAY_HEADER)
};

pub const BYTES_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::BytesIterator,
    name: "bytes_iterator",
    ..super::iterators::SEQ_ITER
};

pub const BYTEARRAY_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::ByteArrayIterator,
    name: "bytearray_iterator",
    ..super::iterators::SEQ_ITER
};

// ---- the interpreter's slots -------------------------------------------------

use super::protocol::VmSlots;
use crate::vm::exceptions::PyException;
use crate::vm::{Flow, Vm};

/// `b[index]`, `b[slice]` of a bytes or bytearray.
fn getitem(vm: &mut Vm, b: ObjId, index: ObjId) -> Flow<ObjId> {
    if let Value::Slice { .. } = vm.heap.value(index) {
        return vm.slice_of(b, index);
    }
    vm.bytes_getitem(b, index)?
        .ok_or_else(|| PyException::new("SystemError", "bytes index"))
}

/// `x in b`: a byte value or a bytes-like substring.
fn contains(vm: &mut Vm, b: ObjId, item: ObjId) -> Flow<bool> {
    Ok(vm.bytes_contains(b, item)?.unwrap_or(false))
}

/// Bytes and bytearrays order by their bytes, with each other too.
fn order(vm: &Vm, b: ObjId, other: ObjId, _depth: usize) -> Flow<Option<std::cmp::Ordering>> {
    Ok(vm.bytes_order(b, other))
}

const BYTES_VM: VmSlots = VmSlots {
    getattr: Some(|vm, b, name| {
        vm.bytes_attribute(b, name)
            .unwrap_or_else(|| Err(vm.no_attribute(b, name)))
    }),
    order: Some(order),
    hash: Some(|vm, b, _| Ok(crate::bytecode::hashing::bytes_hash(data(vm.heap.value(b))))),
    hash_key: Some(|vm, b, _| match vm.heap.value(b) {
        Value::Bytes(data) => Ok(super::dict::HashKey::Bytes(data.clone())),
        _ => Ok(super::dict::HashKey::Identity(b)),
    }),
    iter: Some(|vm, b| Ok(vm.seq_iterator(super::TypeKind::BytesIterator, b))),
    getitem: Some(getitem),
    contains: Some(contains),
    ..VmSlots::EMPTY
};

const BYTEARRAY_VM: VmSlots = VmSlots {
    getattr: Some(|vm, b, name| {
        vm.bytes_attribute(b, name)
            .unwrap_or_else(|| Err(vm.no_attribute(b, name)))
    }),
    order: Some(order),
    iter: Some(|vm, b| Ok(vm.seq_iterator(super::TypeKind::ByteArrayIterator, b))),
    getitem: Some(getitem),
    setitem: Some(|vm, b, index, value| {
        vm.bytes_setitem(b, index, Some(value))
            .unwrap_or_else(|| Err(super::protocol::no_item_assignment(vm.heap.value(b))))
    }),
    delitem: Some(|vm, b, index| {
        vm.bytes_setitem(b, index, None)
            .unwrap_or_else(|| Err(super::protocol::no_item_deletion(vm.heap.value(b))))
    }),
    contains: Some(contains),
    ..VmSlots::EMPTY
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_follows_pybytearray_resize() {
        let mut b = ByteArray::default();
        let mut seen = Vec::new();
        for _ in 0..13 {
            seen.push(b.allocated);
            b.push(65);
        }
        assert_eq!(seen, [0, 2, 5, 5, 5, 8, 8, 8, 12, 12, 12, 12, 19]);
        let mut c = ByteArray::from_vec(b"abcdef".to_vec());
        c.set_linear(0, 1, b"");
        assert_eq!(
            (c.data.as_slice(), c.allocated, c.offset),
            (&b"bcdef"[..], 7, 1)
        );
    }

    #[test]
    fn reprs_and_hex() {
        assert_eq!(bytearray_repr(b"it's"), "bytearray(b\"it\\'s\")");
        assert_eq!(hex(b"abc", Some(':'), 2), "61:6263");
        assert_eq!(hex(b"abc", Some(':'), -2), "6162:63");
        let chars: Vec<char> = " 61  62 ".chars().collect();
        assert_eq!(fromhex(&chars), Ok(b"ab".to_vec()));
        assert_eq!(split(b"a,b,,c", b",", 1), [b"a".to_vec(), b"b,,c".to_vec()]);
        assert_eq!(
            rsplit(b"a,b,,c", b",", 1),
            [b"a,b,".to_vec(), b"c".to_vec()]
        );
        assert_eq!(count(b"aaa", b"aa"), 1);
    }
}
