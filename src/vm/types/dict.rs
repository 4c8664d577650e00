//! `dict`: insertion-ordered entries and CPython 3.14's table sizes.
//!
//! Keys are found through a [`HashKey`], the key's value as Python's `==`
//! and `hash` see it (so `1`, `1.0` and `True` are one key). The table's
//! size follows `Objects/dictobject.c` (`PyDict_MINSIZE` 8, usable two
//! thirds, growth to `used * 3`), for `sys.getsizeof`.

use num_bigint::BigInt;

use crate::vm::heap::ObjId;

/// A key as equality sees it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HashKey {
    Int(i64),
    /// Boxed, so that a key is three words (keys are stored in every entry).
    Big(Box<BigInt>),
    /// A float that is not an integral value (its bits; `-0.0` is `Int(0)`).
    Float(u64),
    Str(std::sync::Arc<str>),
    /// A bytes (never equal to a str).
    Bytes(std::sync::Arc<[u8]>),
    Tuple(Box<[HashKey]>),
    /// A complex number with a non-zero imaginary part (its parts' bits).
    Complex(u64, u64),
    /// Objects equal only to themselves (None, functions, types, NaN…).
    Identity(ObjId),
    /// An instance whose class defines `__eq__` or `__hash__`: its hash
    /// (from `__hash__`) and the stored key it was found equal to, by
    /// calling `__eq__` (see `custom_keys.rs`).
    Custom {
        hash: i64,
        key: ObjId,
    },
}

/// How the dict's index hashes its keys. Only where an entry lies in the
/// index depends on it (the order and everything shown come from `slots`),
/// so a fast multiply hash replaces SipHash; its finish folds the high half
/// of a 128-bit product into the low one, so keys that differ only in their
/// high bits (multiples of a large power of two) still spread over the table.
pub(crate) type KeyHashing = std::hash::BuildHasherDefault<KeyHasher>;

#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

const KEY_HASH_MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl std::hash::Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, word: u8) {
        self.write_u64(u64::from(word));
    }

    #[inline]
    fn write_u32(&mut self, word: u32) {
        self.write_u64(u64::from(word));
    }

    #[inline]
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(KEY_HASH_MULTIPLIER);
    }

    #[inline]
    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let product = u128::from(self.0) * u128::from(KEY_HASH_MULTIPLIER);
        (product as u64) ^ ((product >> 64) as u64)
    }
}

/// One entry: key and value, both held by the dict.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub key: ObjId,
    pub value: ObjId,
}

/// One entry position: its key as equality sees it, that key's hash (by
/// [`KeyHasher`], for rebuilding the index) and the entry, `None` once
/// deleted (CPython keeps deleted entries' places until the next resize).
#[derive(Debug, Clone)]
struct Slot {
    hash: u64,
    key: HashKey,
    entry: Option<Entry>,
}

/// An index cell that never held an entry (CPython's `DKIX_EMPTY`).
const EMPTY: u32 = u32::MAX;
/// An index cell whose entry was deleted (`DKIX_DUMMY`): probes go on past it.
const DUMMY: u32 = u32::MAX - 1;

#[derive(Debug, Clone, Default)]
pub struct Dict {
    /// Entry positions in insertion order.
    slots: Vec<Slot>,
    /// CPython's `dk_indices`: `2**log2_size` cells holding entry positions
    /// (or [`EMPTY`]/[`DUMMY`]), probed as `lookdict` does; empty while the
    /// dict shares the empty table. At most two thirds are ever filled.
    index: Vec<u32>,
    /// Live entries.
    used: usize,
    /// log2 of the key table's size; `None` while it is the shared empty table.
    log2_size: Option<u32>,
    /// Entries the table has room for before it must grow.
    usable: usize,
    /// Only str keys so far (the compact 16-byte entries).
    unicode: bool,
    /// Bumped when the key table is replaced (CPython's `ma_keys` changes).
    generation: u64,
    /// How many keys are [`HashKey::Custom`] (then every lookup probes).
    customs: usize,
    /// The hashes of deleted custom keys by entry position (their index
    /// slots are dummies until the next resize).
    dead_hashes: Vec<(usize, i64)>,
    /// A class's namespace: every edit bumps [`class_dict_edits`], which
    /// keeps the attribute caches honest (CPython's type version tags).
    watched: bool,
}

/// Edits of any class's dict so far, in any interpreter of the process
/// (see `attr_cache.rs`): only ever grows, so a cached lookup made at one
/// value is still true while the value stays the same.
static CLASS_DICT_EDITS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many edits of class dicts happened so far (see [`CLASS_DICT_EDITS`]).
#[inline]
pub fn class_dict_edits() -> u64 {
    CLASS_DICT_EDITS.load(std::sync::atomic::Ordering::Relaxed)
}

/// The index's hash of a key. Ints hash as in CPython (the value modulo
/// `2**61 - 1`), so runs of consecutive int keys fill neighbouring cells
/// without collisions, as in CPython's table; other keys through [`KeyHasher`].
#[inline]
pub fn key_hash(key: &HashKey) -> u64 {
    use std::hash::BuildHasher;
    match key {
        HashKey::Int(v) => {
            const MODULUS: u64 = (1 << 61) - 1;
            let reduced = (v.unsigned_abs() % MODULUS) as i64;
            let hash = if *v < 0 { -reduced } else { reduced };
            (if hash == -1 { -2 } else { hash }) as u64
        }
        HashKey::Str(text) => str_hash(text),
        _ => KeyHashing::default().hash_one(key),
    }
}

/// A stored str key equal to `name`: mostly the very same text (an
/// identifier's, shared with its symbol), so the pointers are compared first.
#[inline(always)]
fn same_text(stored: &str, name: &str) -> bool {
    (std::ptr::eq(stored.as_ptr(), name.as_ptr()) && stored.len() == name.len()) || stored == name
}

/// The index's hash of a str key, from its text (no key to build for a lookup).
#[inline]
pub fn str_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = KeyHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

const LOG2_MINSIZE: u32 = 3;

fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// `calculate_log2_keysize`: the smallest table of at least `minsize` slots.
fn log2_keysize(minsize: usize) -> u32 {
    let mut log2 = LOG2_MINSIZE;
    while (1usize << log2) < minsize {
        log2 += 1;
    }
    log2
}

impl Dict {
    /// `{}` or `dict()`: the shared empty key table.
    pub fn new() -> Dict {
        Dict {
            unicode: true,
            ..Dict::default()
        }
    }

    /// `dict_new_presized` for `BUILD_MAP n`.
    pub fn presized(n: usize) -> Dict {
        let mut dict = Dict::new();
        if n > usable_fraction(1 << LOG2_MINSIZE) {
            let log2 = log2_keysize((n * 3).div_ceil(2));
            dict.log2_size = Some(log2);
            dict.usable = usable_fraction(1 << log2);
        }
        dict
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The index cell holding `key`'s entry position (`lookdict`'s probe:
    /// `i = (i*5 + perturb + 1) & mask`, `perturb >>= 5`).
    #[inline]
    fn find(&self, key: &HashKey, hash: u64) -> Option<usize> {
        self.find_by(hash, |stored| stored == key)
    }

    /// The index cell of the str key `name` (its [`str_hash`] known).
    #[inline]
    fn find_str(&self, name: &str, hash: u64) -> Option<usize> {
        self.find_by(
            hash,
            |stored| matches!(stored, HashKey::Str(text) if same_text(text, name)),
        )
    }

    /// [`Dict::find`] with the key compared by `same` (only for entries
    /// whose hash is `hash`).
    #[inline]
    fn find_by(&self, hash: u64, same: impl Fn(&HashKey) -> bool) -> Option<usize> {
        let mask = self.index.len().checked_sub(1)?;
        let mut perturb = hash;
        let mut i = hash as usize & mask;
        loop {
            match self.index[i] {
                EMPTY => return None,
                DUMMY => {}
                position => {
                    let slot = &self.slots[position as usize];
                    if slot.hash == hash && same(&slot.key) {
                        return Some(i);
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The first never-used index cell on `hash`'s probe path (`find_empty_slot`).
    fn empty_cell(index: &[u32], hash: u64) -> usize {
        let mask = index.len() - 1;
        let mut perturb = hash;
        let mut i = hash as usize & mask;
        while index[i] != EMPTY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    /// The index cells for the current table size, filled from the live
    /// slots (after a resize, or once a presized table gets its first key).
    fn rebuild_index(&mut self) {
        let size = self.log2_size.map_or(0, |log2| 1usize << log2);
        self.index.clear();
        self.index.resize(size, EMPTY);
        if size == 0 {
            return;
        }
        for (position, slot) in self.slots.iter().enumerate() {
            if slot.entry.is_some() {
                let cell = Dict::empty_cell(&self.index, slot.hash);
                self.index[cell] = position as u32;
            }
        }
    }

    pub fn get(&self, key: &HashKey) -> Option<Entry> {
        let cell = self.find(key, key_hash(key))?;
        self.slots[self.index[cell] as usize].entry
    }

    /// [`Dict::get`] of the str key `name` (attribute and name lookups),
    /// without making a key.
    #[inline]
    pub fn get_str(&self, name: &str) -> Option<Entry> {
        self.get_str_hashed(name, str_hash(name))
    }

    /// [`Dict::get_str`] with the name's [`str_hash`] already known (a
    /// lookup along an MRO hashes the name once).
    pub fn get_str_hashed(&self, name: &str, hash: u64) -> Option<Entry> {
        let cell = self.find_str(name, hash)?;
        self.slots[self.index[cell] as usize].entry
    }

    /// Replace the value of the str key `name` (its [`str_hash`] known) if
    /// the dict has it: the entry as it was (its key stays). `None`, having
    /// done nothing, when the key is missing.
    pub fn replace_str_hashed(&mut self, name: &str, hash: u64, value: ObjId) -> Option<Entry> {
        let cell = self.find_str(name, hash)?;
        self.note_edit();
        let entry = self.slots[self.index[cell] as usize].entry.as_mut()?;
        let old = *entry;
        entry.value = value;
        Some(old)
    }

    /// Insert or replace; returns the entry replaced (its key stays, as in CPython).
    pub fn insert(
        &mut self,
        hash: HashKey,
        key: ObjId,
        value: ObjId,
        str_key: bool,
    ) -> Option<Entry> {
        let key_hash = key_hash(&hash);
        self.insert_hashed(hash, key_hash, key, value, str_key)
    }

    /// [`Dict::insert`] with the key's [`key_hash`] already known.
    pub fn insert_hashed(
        &mut self,
        hash: HashKey,
        key_hash: u64,
        key: ObjId,
        value: ObjId,
        str_key: bool,
    ) -> Option<Entry> {
        self.note_edit();
        if let Some(cell) = self.find(&hash, key_hash)
            && let Some(entry) = self.slots[self.index[cell] as usize].entry.as_mut()
        {
            let old = *entry;
            entry.value = value;
            return Some(old);
        }
        if self.unicode && !str_key && self.log2_size.is_some() {
            // A non-str key converts the table to general entries (`insertion_resize`).
            self.unicode = false;
            self.resize();
        }
        if !str_key {
            self.unicode = false;
        }
        if self.log2_size.is_none() {
            self.log2_size = Some(LOG2_MINSIZE);
            self.usable = usable_fraction(1 << LOG2_MINSIZE);
        } else if self.usable == 0 {
            self.resize();
        }
        self.usable -= 1;
        if let HashKey::Custom { .. } = hash {
            self.customs += 1;
        }
        let size = self.log2_size.map_or(0, |log2| 1usize << log2);
        if self.index.len() != size {
            self.rebuild_index();
        }
        let cell = Dict::empty_cell(&self.index, key_hash);
        self.index[cell] = self.slots.len() as u32;
        self.slots.push(Slot {
            hash: key_hash,
            key: hash,
            entry: Some(Entry { key, value }),
        });
        self.used += 1;
        None
    }

    /// `dictresize` to `GROWTH_RATE` (used * 3), compacting deleted entries.
    fn resize(&mut self) {
        let log2 = log2_keysize(self.len() * 3);
        self.slots.retain(|slot| slot.entry.is_some());
        self.log2_size = Some(log2);
        self.usable = usable_fraction(1 << log2) - self.slots.len();
        self.rebuild_index();
        self.generation += 1;
        self.dead_hashes.clear();
    }

    /// Keys compared through `__eq__` are stored here.
    pub fn customs(&self) -> usize {
        self.customs
    }

    /// Each entry position's stored key object (`None` where deleted).
    pub fn position_objects(&self) -> Vec<Option<ObjId>> {
        self.slots.iter().map(|s| s.entry.map(|e| e.key)).collect()
    }

    /// Each entry position's key (`None` where deleted).
    pub fn position_keys(&self) -> Vec<Option<HashKey>> {
        self.slots
            .iter()
            .map(|s| s.entry.map(|_| s.key.clone()))
            .collect()
    }

    /// The entry positions CPython's `do_lookup` visits for `hash`, in
    /// order (an entry may come twice), given each position's hash
    /// (`hashes`, `None` where unknown): the index table is rebuilt as
    /// `find_empty_slot` filled it, deleted entries left as dummies.
    pub fn probe(&self, hashes: &[Option<i64>], hash: i64) -> Vec<usize> {
        const EMPTY: i64 = -1;
        const DUMMY: i64 = -2;
        let Some(log2) = self.log2_size else {
            return Vec::new();
        };
        let mask = (1usize << log2) - 1;
        let mut index = vec![EMPTY; mask + 1];
        let next = |i: usize, perturb: &mut u64| {
            *perturb >>= 5;
            (i.wrapping_mul(5)
                .wrapping_add(*perturb as usize)
                .wrapping_add(1))
                & mask
        };
        for (position, entry) in self.slots.iter().map(|s| &s.entry).enumerate() {
            let known = hashes.get(position).copied().flatten().or_else(|| {
                self.dead_hashes
                    .iter()
                    .find(|(p, _)| *p == position)
                    .map(|&(_, h)| h)
            });
            let Some(h) = known else {
                continue;
            };
            let mut perturb = h as u64;
            let mut i = (h as u64 as usize) & mask;
            let mut guard = 0;
            while index[i] != EMPTY && guard <= 4 * (mask + 1) {
                i = next(i, &mut perturb);
                guard += 1;
            }
            index[i] = if entry.is_some() {
                position as i64
            } else {
                DUMMY
            };
        }
        let mut visited = Vec::new();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        for _ in 0..=4 * (mask + 1) {
            match index[i] {
                EMPTY => break,
                DUMMY => {}
                position => visited.push(position as usize),
            }
            i = next(i, &mut perturb);
        }
        visited
    }

    /// This dict is a class's namespace from now on (see [`CLASS_DICT_EDITS`]).
    pub fn watch(&mut self) {
        self.watched = true;
        self.note_edit();
    }

    #[inline]
    fn note_edit(&self) {
        if self.watched {
            CLASS_DICT_EDITS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Changes whenever the key table is replaced.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// `dict.clear()`: back to the shared empty table.
    pub fn clear(&mut self) -> Vec<Entry> {
        let entries = self.entries().collect();
        let generation = self.generation + 1;
        self.note_edit();
        *self = Dict {
            watched: self.watched,
            ..Dict::new()
        };
        self.generation = generation;
        entries
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<Entry> {
        self.note_edit();
        let cell = self.find(key, key_hash(key))?;
        let i = self.index[cell] as usize;
        self.index[cell] = DUMMY;
        if let HashKey::Custom { hash, .. } = key {
            self.customs -= 1;
            self.dead_hashes.push((i, *hash));
        }
        self.used -= 1;
        // The key's own data (a str's text) is not needed past this point.
        self.slots[i].key = HashKey::Int(0);
        self.slots[i].entry.take()
    }

    /// Entries in insertion order.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = Entry> + '_ {
        self.slots.iter().filter_map(|slot| slot.entry)
    }

    /// The `n`th live entry slot at or after `position` (for iterators).
    pub fn entry_at(&self, position: usize) -> Option<(usize, Entry)> {
        self.slots
            .iter()
            .enumerate()
            .skip(position)
            .find_map(|(i, s)| s.entry.map(|e| (i, e)))
    }

    /// The last live entry slot before `end` (for the reverse iterators,
    /// which walk down from `dk_nentries - 1` past deleted entries).
    pub fn entry_before(&self, end: usize) -> Option<(usize, Entry)> {
        let end = end.min(self.slots.len());
        self.slots[..end]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.entry.map(|e| (i, e)))
    }

    /// Entry positions used so far, deleted ones included (`dk_nentries`).
    pub fn nentries(&self) -> usize {
        self.slots.len()
    }

    /// `sys.getsizeof`: the dict object (48 + 16 GC header) and, unless it
    /// shares the empty table, `_PyDict_KeysSize` of its key table.
    pub fn getsizeof(&self) -> usize {
        let base = 64;
        match self.log2_size {
            None => base,
            Some(log2) => {
                let size = 1usize << log2;
                let index_bytes = if log2 < 8 {
                    1
                } else if log2 < 16 {
                    2
                } else if log2 < 32 {
                    4
                } else {
                    8
                };
                let entry = if self.unicode { 16 } else { 24 };
                base + 32 + index_bytes * size + usable_fraction(size) * entry
            }
        }
    }
}

// ---- the types: dict, its views and its iterators --------------------------

use super::TypeKind;
use super::{GC_HEAD, Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Object, Referrer, Value};

fn dict(value: &Value) -> Option<&Dict> {
    match value {
        Value::Dict(dict) => Some(dict),
        _ => None,
    }
}

/// Each entry's key, then its value, in insertion order.
fn traverse(_: &crate::vm::heap::Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let Some(dict) = dict(&object.value) else {
        return;
    };
    let container = object.address;
    out.extend(dict.entries().flat_map(|entry| {
        [
            (entry.key, Referrer::DictKey { container }),
            (
                entry.value,
                Referrer::DictValue {
                    container,
                    key: entry.key,
                },
            ),
        ]
    }));
}

fn repr(w: &mut Writer<'_>, id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    if !w.enter(id) {
        return w.push("{...}");
    }
    if depth > w.depth_budget() {
        w.leave();
        return w.too_deep("{...}");
    }
    w.push("{")?;
    if let Some(dict) = dict(&object.value) {
        w.join(dict.entries(), |w, entry| {
            w.write(entry.key, depth + 1)?;
            w.push(": ")?;
            w.write(entry.value, depth + 1)
        })?;
    }
    w.leave();
    w.push("}")
}

pub const DICT: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Dict,
    gc: true,
    release_in_order: true,
    hashable: false,
    subclassable: true,
    slots: Slots {
        traverse: Some(traverse),
        getsizeof: Some(|object| dict(&object.value).map_or(0, |d| d.getsizeof() as u64)),
        repr: Some(repr),
        bool: Some(|value| dict(value).is_some_and(|d| !d.is_empty())),
        len: Some(|_, value| dict(value).map_or(0, Dict::len)),
        vm: DICT_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("dict", GC_HEAD + 48)
};

/// The dict a view shows.
fn view_dict(value: &Value) -> Option<ObjId> {
    match value {
        Value::DictView { dict, .. } => Some(*dict),
        _ => None,
    }
}

fn view_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::DictView { kind, dict } = &object.value else {
        return Ok(());
    };
    w.push(kind.name())?;
    w.push("([")?;
    let heap = w.heap;
    if let Value::Dict(entries) = &heap.get(*dict).value {
        w.join(entries.entries(), |w, entry| match kind {
            super::TypeKind::DictKeys => w.write(entry.key, depth + 1),
            super::TypeKind::DictValues => w.write(entry.value, depth + 1),
            _ => {
                w.push("(")?;
                w.write(entry.key, depth + 1)?;
                w.push(", ")?;
                w.write(entry.value, depth + 1)?;
                w.push(")")
            }
        })?;
    }
    w.push("])")
}

/// `d.keys()`: the view holds its dict as `mapping`.
pub const DICT_KEYS: TypeSpec = TypeSpec {
    kind: TypeKind::DictKeys,
    gc: true,
    hashable: false,
    slots: Slots {
        traverse: Some(|_, object, out| {
            out.extend(view_dict(&object.value).map(|d| (d, attribute(object, "mapping"))))
        }),
        repr: Some(view_repr),
        len: Some(|heap, value| {
            view_dict(value).map_or(0, |d| dict(heap.value(d)).map_or(0, Dict::len))
        }),
        vm: VmSlots {
            iter: Some(view_iter),
            contains: Some(keys_contains),
            bool: Some(view_truth),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("dict_keys", GC_HEAD + 24)
};

/// `d.values()`: `in` compares with each value (no `sq_contains`: the
/// iteration fallback of `PySequence_Contains`).
pub const DICT_VALUES: TypeSpec = TypeSpec {
    kind: TypeKind::DictValues,
    name: "dict_values",
    slots: Slots {
        vm: VmSlots {
            iter: Some(view_iter),
            contains: Some(values_contains),
            bool: Some(view_truth),
            ..VmSlots::EMPTY
        },
        ..DICT_KEYS.slots
    },
    ..DICT_KEYS
};

/// `d.items()`: `(k, v) in d.items()` looks `k` up and compares `v`
/// (`dictitems_contains`).
pub const DICT_ITEMS: TypeSpec = TypeSpec {
    kind: TypeKind::DictItems,
    name: "dict_items",
    slots: Slots {
        vm: VmSlots {
            iter: Some(view_iter),
            contains: Some(items_contains),
            bool: Some(view_truth),
            ..VmSlots::EMPTY
        },
        ..DICT_KEYS.slots
    },
    ..DICT_VALUES
};

/// dictiterobject: PyObject_HEAD, di_dict, di_used, di_pos, di_result
/// and len, after the GC header.
pub const DICT_KEY_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictKeyIterator,
    name: "dict_keyiterator",
    basic_size: GC_HEAD + 56,
    ..super::iterators::SEQ_ITER
};

pub const DICT_VALUE_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictValueIterator,
    name: "dict_valueiterator",
    ..DICT_KEY_ITERATOR
};

pub const DICT_ITEM_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictItemIterator,
    name: "dict_itemiterator",
    ..DICT_KEY_ITERATOR
};

/// `reversed(d)`, `reversed(d.keys())`: a dictiterobject too, walking down
/// from the last entry.
pub const DICT_REVERSE_KEY_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictReverseKeyIterator,
    name: "dict_reversekeyiterator",
    ..DICT_KEY_ITERATOR
};

pub const DICT_REVERSE_VALUE_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictReverseValueIterator,
    name: "dict_reversevalueiterator",
    ..DICT_KEY_ITERATOR
};

pub const DICT_REVERSE_ITEM_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::DictReverseItemIterator,
    name: "dict_reverseitemiterator",
    ..DICT_KEY_ITERATOR
};

/// `C.__dict__`, `vars(C)`: a read-only view of a class's dict (held as
/// `mapping`), a new one each time it is asked for.
pub const MAPPING_PROXY: TypeSpec = TypeSpec {
    kind: TypeKind::MappingProxy,
    gc: true,
    hashable: false,
    slots: Slots {
        traverse: DICT_KEYS.slots.traverse,
        repr: Some(proxy_repr),
        len: DICT_KEYS.slots.len,
        vm: VmSlots {
            iter: Some(view_iter),
            contains: Some(keys_contains),
            bool: Some(view_truth),
            // Comparisons are the mapping's (`mappingproxy_richcompare`).
            order: Some(|vm, proxy, other, depth| {
                let mapping = |id: ObjId| match vm.heap.value(id) {
                    Value::DictView {
                        kind: TypeKind::MappingProxy,
                        dict,
                    } => *dict,
                    _ => id,
                };
                order(vm, mapping(proxy), mapping(other), depth)
            }),
            // `str()` is the mapping's.
            str: Some(|vm, proxy| match view_dict(vm.heap.value(proxy)) {
                Some(d) => vm.container_str(d),
                None => Ok(String::new()),
            }),
            getitem: Some(|vm, proxy, key| match view_dict(vm.heap.value(proxy)) {
                Some(d) => vm.getitem_of(d, key),
                None => Err(super::protocol::not_iterable(vm.heap.value(proxy))),
            }),
            setitem: Some(|_, _, _, _| {
                Err(crate::vm::exceptions::PyException::type_error(
                    "'mappingproxy' object does not support item assignment",
                ))
            }),
            delitem: Some(|_, _, _| {
                Err(crate::vm::exceptions::PyException::type_error(
                    "'mappingproxy' object does not support item deletion",
                ))
            }),
            // `keys`, `values`, `items`, `get`, `copy`: the mapping's.
            getattr: Some(|vm, proxy, name| {
                let text = vm.heap.symbols.text(name).to_owned();
                match (view_dict(vm.heap.value(proxy)), text.as_str()) {
                    (Some(d), "keys" | "values" | "items" | "get" | "copy") => {
                        vm.get_attribute(d, &text)
                    }
                    _ => Err(vm.no_attribute(proxy, name)),
                }
            }),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("mappingproxy", GC_HEAD + 24)
};

fn proxy_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::DictView { dict, .. } = &object.value else {
        return Ok(());
    };
    w.push("mappingproxy(")?;
    w.write(*dict, depth + 1)?;
    w.push(")")
}

// ---- the interpreter's slots -------------------------------------------------

use super::protocol::{VmSlots, no_item_assignment, no_item_deletion};
use crate::vm::{Flow, Vm};

/// `d[key]`: a subclass's `__missing__` for an absent key.
fn getitem(vm: &mut Vm, d: ObjId, key: ObjId) -> Flow<ObjId> {
    if let Some(tag) = vm.heap.subclass_of(d)
        && let Some(missing) = vm.dict_missing(d, tag.class, key)?
    {
        return Ok(missing);
    }
    if let Value::Slice { .. } = vm.heap.value(key) {
        return vm.slice_of(d, key);
    }
    vm.dict_item(d, key)
}

fn setitem(vm: &mut Vm, d: ObjId, key: ObjId, value: ObjId) -> Flow {
    if let Value::Slice { .. } = vm.heap.value(key) {
        return Err(no_item_assignment(vm.heap.value(d)));
    }
    vm.dict_set(d, key, value)
}

fn delitem(vm: &mut Vm, d: ObjId, key: ObjId) -> Flow {
    if let Value::Slice { .. } = vm.heap.value(key) {
        return Err(no_item_deletion(vm.heap.value(d)));
    }
    vm.dict_delitem(d, key)
}

/// `key in d`: the key as the dict's equality sees it.
fn contains(vm: &mut Vm, d: ObjId, item: ObjId) -> Flow<bool> {
    let key = vm.dict_key(d, item)?;
    Ok(matches!(vm.heap.value(d), Value::Dict(d) if d.get(&key).is_some()))
}

/// Only equality is defined between dicts: equal, or "unordered".
fn order(vm: &Vm, d: ObjId, other: ObjId, depth: usize) -> Flow<Option<std::cmp::Ordering>> {
    let (Value::Dict(x), Value::Dict(y)) = (vm.heap.value(d), vm.heap.value(other)) else {
        return Ok(None);
    };
    if vm.compare_too_deep(depth) {
        return Err(super::protocol::compare_recursion());
    }
    let mut equal = x.len() == y.len();
    if equal {
        for entry in x.entries() {
            let other = vm.hash_key(entry.key).ok().and_then(|k| y.get(&k));
            let same = match other {
                Some(other) => {
                    other.value == entry.value
                        || vm.order(entry.value, other.value, depth + 1)?
                            == Some(std::cmp::Ordering::Equal)
                }
                None => false,
            };
            if !same {
                equal = false;
                break;
            }
        }
    }
    Ok(equal.then_some(std::cmp::Ordering::Equal))
}

const DICT_VM: VmSlots = VmSlots {
    getattr: Some(super::list::container_getattr),
    str: Some(|vm, d| vm.container_str(d)),
    order: Some(order),
    iter: Some(|vm, d| Ok(vm.seq_iterator(super::TypeKind::DictKeyIterator, d))),
    getitem: Some(getitem),
    setitem: Some(setitem),
    delitem: Some(delitem),
    contains: Some(contains),
    ..VmSlots::EMPTY
};

/// `iter(view)`: an iterator over the view's dict, of the view's kind.
fn view_iter(vm: &mut Vm, view: ObjId) -> Flow<ObjId> {
    let Value::DictView { kind, dict } = *vm.heap.value(view) else {
        return Err(super::protocol::not_iterable(vm.heap.value(view)));
    };
    let kind = match kind {
        super::TypeKind::DictValues => super::TypeKind::DictValueIterator,
        super::TypeKind::DictItems => super::TypeKind::DictItemIterator,
        _ => super::TypeKind::DictKeyIterator,
    };
    Ok(vm.seq_iterator(kind, dict))
}

/// `key in d.keys()`: `key in d`.
/// A view is true when its dict has entries.
fn view_truth(vm: &mut Vm, view: ObjId) -> Flow<bool> {
    let heap = &vm.heap;
    Ok(view_dict(heap.value(view))
        .is_some_and(|d| dict(heap.value(d)).is_some_and(|d| !d.is_empty())))
}

fn values_contains(vm: &mut Vm, view: ObjId, item: ObjId) -> Flow<bool> {
    let values: Vec<ObjId> = match view_dict(vm.heap.value(view)).map(|d| vm.heap.value(d)) {
        Some(Value::Dict(d)) => d.entries().map(|e| e.value).collect(),
        _ => return Ok(false),
    };
    for value in values {
        if vm.compare_bool(crate::bytecode::CompareOp::Eq, value, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn items_contains(vm: &mut Vm, view: ObjId, item: ObjId) -> Flow<bool> {
    let Some(d) = view_dict(vm.heap.value(view)) else {
        return Ok(false);
    };
    let (key, value) = match vm.heap.value(item) {
        Value::Tuple(pair) if pair.len() == 2 => (pair[0], pair[1]),
        _ => return Ok(false),
    };
    match vm.dict_lookup(d, key)? {
        Some(found) => vm.compare_bool(crate::bytecode::CompareOp::Eq, found, value),
        None => Ok(false),
    }
}

fn keys_contains(vm: &mut Vm, view: ObjId, item: ObjId) -> Flow<bool> {
    match view_dict(vm.heap.value(view)) {
        Some(d) => vm.contains_of(d, item),
        None => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: usize) -> ObjId {
        ObjId::from_index(n)
    }

    #[test]
    fn sizes_follow_cpython_64_bit() {
        let mut dict = Dict::new();
        assert_eq!(dict.getsizeof(), 64);
        dict.insert(HashKey::Str("a".into()), id(1), id(2), true);
        assert_eq!(dict.getsizeof(), 184);
        for n in 0..5 {
            dict.insert(HashKey::Int(n), id(3), id(4), false);
        }
        // 6 keys: the 8-slot table (5 usable) became general entries, then grew to 16 slots.
        assert_eq!(dict.len(), 6);
        assert_eq!(dict.getsizeof(), 64 + 32 + 16 + 10 * 24);
    }

    #[test]
    fn insertion_order_survives_deletion_and_replacement() {
        let mut dict = Dict::new();
        for n in 0..3 {
            dict.insert(HashKey::Int(n), id(n as usize), id(10), false);
        }
        dict.remove(&HashKey::Int(1));
        dict.insert(HashKey::Int(0), id(0), id(11), false);
        dict.insert(HashKey::Int(1), id(1), id(12), false);
        let keys: Vec<ObjId> = dict.entries().map(|e| e.key).collect();
        assert_eq!(keys, [id(0), id(2), id(1)]);
        assert_eq!(dict.get(&HashKey::Int(0)).map(|e| e.value), Some(id(11)));
    }

    /// The open-addressing index finds every live key and none of the
    /// deleted ones through growth, deletions (dummies), reinsertion, keys
    /// whose hashes collide (`hash(-1) == hash(-2)` in CPython) and keys
    /// that differ only in high bits.
    #[test]
    fn index_finds_exactly_the_live_keys() {
        let mut dict = Dict::new();
        let keys: Vec<HashKey> = (-300i64..300)
            .map(HashKey::Int)
            .chain((1..=40).map(|n| HashKey::Int(n << 40)))
            .chain((0..50).map(|n| HashKey::Str(format!("k{n}").into())))
            .chain([HashKey::Big(Box::new(BigInt::from(1u8) << 100))])
            .collect();
        for (n, key) in keys.iter().enumerate() {
            let str_key = matches!(key, HashKey::Str(_));
            dict.insert(key.clone(), id(n + 1), id(n + 1), str_key);
        }
        for (n, key) in keys.iter().enumerate() {
            if n % 3 == 0 {
                assert!(dict.remove(key).is_some());
            }
        }
        assert!(dict.remove(&HashKey::Int(-300)).is_none());
        for (n, key) in keys.iter().enumerate() {
            let found = dict.get(key).map(|e| e.value);
            assert_eq!(found, (n % 3 != 0).then(|| id(n + 1)), "{key:?}");
        }
        assert_eq!(dict.len(), keys.len() - keys.len().div_ceil(3));
        assert_eq!(
            dict.get_str("k1").map(|e| e.value),
            dict.get(&HashKey::Str("k1".into())).map(|e| e.value)
        );
        // "k2" is key 642 of the list: removed.
        assert!(dict.get_str("k1").is_some());
        assert!(dict.get_str("k2").is_none() && dict.get_str("nope").is_none());
        // Reinserted keys go to the end, as in CPython.
        dict.insert(HashKey::Int(-300), id(9999), id(9999), false);
        assert_eq!(dict.entries().last().map(|e| e.key), Some(id(9999)));
        assert_eq!(
            dict.get(&HashKey::Int(-300)).map(|e| e.value),
            Some(id(9999))
        );
    }
}
