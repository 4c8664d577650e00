//! `set` and `frozenset`: the open-addressing table of CPython 3.14's
//! `Objects/setobject.c` (8-slot small table, linear probes of 9 then
//! perturbation, dummies left by deletion, growth when 3/5 full), so
//! iteration order and `sys.getsizeof` are CPython's.

use crate::vm::heap::ObjId;
use crate::vm::types::dict::HashKey;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Debug, Clone, PartialEq)]
enum Slot {
    Empty,
    Dummy,
    Active(Entry),
}

/// One member: the object (held by the set), its hash and its key as equality sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: ObjId,
    pub hash: i64,
    pub eq: HashKey,
}

#[derive(Debug, Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop()` resumes its scan.
    finger: usize,
    pub frozen: bool,
    /// Bumped when the table is replaced (resize, clear).
    generation: u64,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            table: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            frozen,
            generation: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The members in table order (the iteration order).
    pub fn items(&self) -> impl Iterator<Item = ObjId> + '_ {
        self.entries().map(|e| e.key)
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active(entry) => Some(entry),
            _ => None,
        })
    }

    /// The member at table position `position` or after: (its position, it).
    pub fn entry_at(&self, position: usize) -> Option<(usize, &Entry)> {
        self.table
            .iter()
            .enumerate()
            .skip(position)
            .find_map(|(i, slot)| match slot {
                Slot::Active(entry) => Some((i, entry)),
                _ => None,
            })
    }

    /// The slot holding `eq`, if any.
    fn find(&self, hash: i64, eq: &HashKey) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return None,
                    Slot::Active(entry) if entry.hash == hash && &entry.eq == eq => {
                        return Some(j);
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn get(&self, hash: i64, eq: &HashKey) -> Option<ObjId> {
        self.find(hash, eq).and_then(|i| match &self.table[i] {
            Slot::Active(entry) => Some(entry.key),
            _ => None,
        })
    }

    /// `set_add_entry`: true when `entry` was added (the set now holds it),
    /// false when an equal member was there already.
    pub fn add(&mut self, entry: Entry) -> bool {
        let mask = self.mask();
        let hash = entry.hash;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let slot = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => break 'search j,
                    Slot::Active(e) if e.hash == hash && e.eq == entry.eq => return false,
                    Slot::Dummy if freeslot.is_none() => freeslot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        if let Some(free) = freeslot {
            self.table[free] = Slot::Active(entry);
            self.used += 1;
            return true;
        }
        self.table[slot] = Slot::Active(entry);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
        true
    }

    /// `set_insert_clean`: into a table with no dummies and no equal member.
    fn insert_clean(table: &mut [Slot], entry: Entry) {
        let mask = table.len() - 1;
        let mut perturb = entry.hash as u64;
        let mut i = (entry.hash as u64 as usize) & mask;
        loop {
            if table[i] == Slot::Empty {
                table[i] = Slot::Active(entry);
                return;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(free) = table[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|slot| **slot == Slot::Empty)
            {
                *free = Slot::Active(entry);
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_lookkey`'s candidates for a key of hash `hash`: the members with
    /// that hash, in probe order up to the first empty slot.
    pub fn probe_candidates(&self, hash: i64) -> Vec<ObjId> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut found = Vec::new();
        let mut seen = 0;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return found,
                    Slot::Active(e) if e.hash == hash => found.push(e.key),
                    _ => {}
                }
                seen += 1;
                if seen > 4 * self.table.len() {
                    // A full table (never, at 3/5 fill): stop rather than loop.
                    return found;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Whether `key` is still a member at its place (`entry->key == startkey`).
    pub fn holds(&self, key: ObjId) -> bool {
        self.entries().any(|e| e.key == key)
    }

    /// The member `key`'s entry.
    pub fn entry_of(&self, key: ObjId) -> Option<&Entry> {
        self.entries().find(|e| e.key == key)
    }

    /// Changes whenever the table is replaced (`so->table` in CPython).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// `set_table_resize`: the smallest power of two above `minused`.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.generation += 1;
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(entry) = slot {
                Set::insert_clean(&mut self.table, entry);
            }
        }
    }

    /// `set_discard_entry`: the removed member (its reference is the caller's).
    pub fn remove(&mut self, hash: i64, eq: &HashKey) -> Option<ObjId> {
        let i = self.find(hash, eq)?;
        let old = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        match old {
            Slot::Active(entry) => Some(entry.key),
            _ => None,
        }
    }

    /// `set.pop()`: the first member from the `finger`, as CPython scans.
    pub fn pop_first(&mut self) -> Option<ObjId> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active(_)) {
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match old {
            Slot::Active(entry) => Some(entry.key),
            _ => None,
        }
    }

    /// Empty the set (back to the small table); the members are the caller's.
    pub fn clear(&mut self) -> Vec<ObjId> {
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; MINSIZE]);
        self.generation += 1;
        self.fill = 0;
        self.used = 0;
        old.into_iter()
            .filter_map(|slot| match slot {
                Slot::Active(entry) => Some(entry.key),
                _ => None,
            })
            .collect()
    }

    /// `set_merge`: this set's members into `target`; returns those added.
    pub fn merge_into(&self, target: &mut Set) -> Vec<ObjId> {
        if self.used == 0 {
            return Vec::new();
        }
        if (target.fill + self.used) * 5 >= target.mask() * 3 {
            target.resize((target.used + self.used) * 2);
        }
        if target.fill == 0 && target.table.len() == self.table.len() && self.fill == self.used {
            target.table = self.table.clone();
            target.fill = self.fill;
            target.used = self.used;
            return self.items().collect();
        }
        if target.fill == 0 {
            target.fill = self.used;
            target.used = self.used;
            for entry in self.entries() {
                Set::insert_clean(&mut target.table, entry.clone());
            }
            return self.items().collect();
        }
        let mut added = Vec::new();
        for entry in self.entries() {
            if target.add(entry.clone()) {
                added.push(entry.key);
            }
        }
        added
    }

    /// `set_update_dict`'s presizing for `n` more members.
    pub fn presize_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// `set.__sizeof__` on 64-bit (without the GC header): the object with
    /// its 8-slot small table, plus a separate table once it has grown.
    pub fn sizeof(&self) -> usize {
        let base = 200;
        if self.table.len() > MINSIZE {
            base + 16 * self.table.len()
        } else {
            base
        }
    }
}

// ---- the types: set, frozenset and their iterator --------------------------

use super::TypeKind;
use super::{GC_HEAD, Slots, TypeSpec};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Object, Referrer, Value};

fn set(value: &Value) -> Option<&Set> {
    match value {
        Value::Set(set) => Some(set),
        _ => None,
    }
}

/// The members in table order (`set 0x…[i]`).
fn traverse(_: &crate::vm::heap::Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    if let Some(set) = set(&object.value) {
        out.extend(set.items().enumerate().map(|(index, item)| {
            (
                item,
                Referrer::Item {
                    container: object.address,
                    type_name: "set",
                    index: index as u32,
                },
            )
        }));
    }
}

fn repr(w: &mut Writer<'_>, id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Some(set) = set(&object.value) else {
        return Ok(());
    };
    let frozen = set.frozen;
    if set.is_empty() {
        return w.push(if frozen { "frozenset()" } else { "set()" });
    }
    if !w.enter(id) {
        return w.push(if frozen { "frozenset(...)" } else { "set(...)" });
    }
    if depth > w.depth_budget() {
        w.leave();
        return w.too_deep("{...}");
    }
    if frozen {
        w.push("frozenset(")?;
    }
    w.push("{")?;
    w.join(set.items(), |w, item| w.write(item, depth + 1))?;
    w.leave();
    w.push("}")?;
    if frozen {
        w.push(")")?;
    }
    Ok(())
}

/// PySetObject (fill, used, mask, table, hash, finger, the 8-slot small
/// table, weakreflist); a grown table is counted by `sys.getsizeof`.
pub const SET: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Set,
    gc: true,
    hashable: false,
    slots: Slots {
        traverse: Some(traverse),
        getsizeof: Some(|object| 16 + set(&object.value).map_or(0, |s| s.sizeof() as u64)),
        repr: Some(repr),
        bool: Some(|value| set(value).is_some_and(|s| !s.is_empty())),
        len: Some(|_, value| set(value).map_or(0, Set::len)),
        vm: SET_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("set", GC_HEAD + 200)
};

/// `frozenset`: set's slots, hashable (by its members' hashes; as a key,
/// by identity).
pub const FROZENSET: TypeSpec = TypeSpec {
    kind: TypeKind::Frozenset,
    name: "frozenset",
    hashable: true,
    slots: Slots {
        vm: VmSlots {
            hash: Some(|vm, set, _| match vm.heap.value(set) {
                Value::Set(set) => Ok(crate::vm::sets::frozenset_hash(set)),
                _ => Ok(0),
            }),
            ..SET_VM
        },
        ..SET.slots
    },
    ..SET
};

pub const SET_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::SetIterator,
    name: "set_iterator",
    ..super::iterators::SEQ_ITER
};

// ---- the interpreter's slots -------------------------------------------------

use super::protocol::VmSlots;

const SET_VM: VmSlots = VmSlots {
    str: Some(|vm, set| vm.container_str(set)),
    iter: Some(|vm, set| Ok(vm.seq_iterator(super::TypeKind::SetIterator, set))),
    contains: Some(|vm, set, item| vm.set_has(set, item)),
    ..VmSlots::EMPTY
};
