//! Dict keys and set members whose class defines `__eq__` or `__hash__`:
//! `__hash__` is called (a frame), then every stored key of that hash is
//! compared with `__eq__` (a frame each), in the order CPython's lookup
//! meets them (`compare_generic` in `Objects/dictobject.c`, `set_lookkey`
//! in `Objects/setobject.c`), the stored key on the left.
//!
//! Such a lookup runs inside one instruction, which replays as each call
//! returns (`special.rs`). What it saw before a call (the candidates, the
//! table's version) is logged in the instruction's call record, so a replay
//! takes the same path even when an `__eq__` changed the table; as in
//! CPython, a table that changed under a comparison restarts the lookup.

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::types::dict::HashKey;
use super::types::set::Entry;
use super::{Flow, Vm};

impl Vm {
    /// An instance whose class (or a base) defines `__eq__` or `__hash__`.
    pub(super) fn is_custom_key(&self, key: ObjId) -> bool {
        match self.heap.value(key) {
            Value::Instance { class, .. } => {
                self.has_custom_eq(key) || self.class_lookup(*class, "__hash__").is_some()
            }
            _ => false,
        }
    }

    /// `hash(key)` through `__hash__`; an unhashable key's message names
    /// where it was used (`what`: "dict key", "set element").
    fn custom_hash(&mut self, key: ObjId, what: &str) -> Flow<i64> {
        match self.instance_hash(key) {
            Err(error) if error.kind == "TypeError" && error.message.starts_with("unhashable") => {
                let name = self.heap.value(key).type_name();
                Err(PyException::type_error(format!(
                    "cannot use '{name}' as a {what} (unhashable type: '{name}')"
                )))
            }
            other => other,
        }
    }

    /// The key of `key` in `dict`: the stored key it equals, or itself.
    /// A custom key (or any key, in a dict holding custom keys) probes as
    /// `do_lookup` does: every stored key of the same hash on its probe
    /// sequence is compared, the stored key on the left.
    pub(super) fn dict_key(&mut self, dict: ObjId, key: ObjId) -> Flow<HashKey> {
        let custom = self.is_custom_key(key);
        let customs = match self.heap.value(dict) {
            Value::Dict(d) => d.customs(),
            _ => 0,
        };
        if !custom && customs == 0 {
            return self.hash_key(key);
        }
        let (hash, own) = if custom {
            let hash = self.custom_hash(key, "dict key")?;
            (hash, HashKey::Custom { hash, key })
        } else {
            let own = self.hash_key(key)?;
            (self.py_hash(key)?, own)
        };
        let generation = |vm: &Vm| match vm.heap.value(dict) {
            Value::Dict(d) => d.generation(),
            _ => 0,
        };
        'restart: loop {
            let before = self.log_data(|vm| generation(vm))?;
            let candidates = self.log_objects(|vm| vm.dict_probe(dict, key, hash))?;
            for candidate in candidates {
                let stored = self.stored_key(candidate, hash)?;
                if candidate == key {
                    return Ok(stored);
                }
                if !custom && !self.is_custom_key(candidate) {
                    // Two plain keys: equal exactly when their keys are.
                    if stored == own {
                        return Ok(stored);
                    }
                    continue;
                }
                let equal =
                    self.compare_bool(crate::bytecode::operators::CompareOp::Eq, candidate, key)?;
                let unchanged = self.log_data(|vm| {
                    let same_table = generation(vm) == before;
                    let still_there = match vm.heap.value(dict) {
                        Value::Dict(d) => d.get(&stored).is_some_and(|e| e.key == candidate),
                        _ => false,
                    };
                    u64::from(same_table && still_there)
                })?;
                if unchanged == 0 {
                    continue 'restart;
                }
                if equal {
                    return Ok(stored);
                }
            }
            return Ok(own);
        }
    }

    /// The stored key `candidate` as the dict's index knows it.
    fn stored_key(&self, candidate: ObjId, hash: i64) -> Flow<HashKey> {
        if self.is_custom_key(candidate) {
            Ok(HashKey::Custom {
                hash,
                key: candidate,
            })
        } else {
            self.hash_key(candidate)
        }
    }

    /// The stored keys `do_lookup` meets looking for `key` of hash `hash`
    /// (those of the same hash, or `key` itself), in order.
    fn dict_probe(&mut self, dict: ObjId, key: ObjId, hash: i64) -> Vec<ObjId> {
        let Value::Dict(d) = self.heap.value(dict) else {
            return Vec::new();
        };
        let keys = d.position_keys();
        let entries = d.position_objects();
        let hashes: Vec<Option<i64>> = keys
            .iter()
            .zip(&entries)
            .map(|(k, entry)| match (k, entry) {
                (Some(HashKey::Custom { hash, .. }), _) => Some(*hash),
                (Some(_), Some(stored)) => self.plain_hash(*stored),
                _ => None,
            })
            .collect();
        let visited = match self.heap.value(dict) {
            Value::Dict(d) => d.probe(&hashes, hash),
            _ => Vec::new(),
        };
        visited
            .into_iter()
            .filter_map(|p| {
                let stored = entries.get(p).copied().flatten()?;
                (stored == key || hashes.get(p).copied().flatten() == Some(hash)).then_some(stored)
            })
            .collect()
    }

    /// The hash of a key that needs no Python call to hash.
    fn plain_hash(&mut self, key: ObjId) -> Option<i64> {
        if self.is_custom_key(key) {
            return None;
        }
        self.py_hash(key).ok()
    }

    /// A set member's entry for `obj` in `set`: its hash and the equality
    /// key of the member it equals (or its own).
    pub(super) fn custom_member_entry(&mut self, set: ObjId, obj: ObjId) -> Flow<Entry> {
        let hash = self.custom_hash(obj, "set element")?;
        let generation = |vm: &Vm| match vm.heap.value(set) {
            Value::Set(s) => s.generation(),
            _ => 0,
        };
        'restart: loop {
            let before = self.log_data(|vm| generation(vm))?;
            let candidates = self.log_objects(|vm| match vm.heap.value(set) {
                Value::Set(s) => s.probe_candidates(hash),
                _ => Vec::new(),
            })?;
            for candidate in candidates {
                let stored = |vm: &Vm| match vm.heap.value(set) {
                    Value::Set(s) => s.entry_of(candidate).map(|e| e.eq.clone()),
                    _ => None,
                };
                if candidate == obj {
                    if let Some(eq) = stored(self) {
                        return Ok(Entry { key: obj, hash, eq });
                    }
                    continue;
                }
                let equal =
                    self.compare_bool(crate::bytecode::operators::CompareOp::Eq, candidate, obj)?;
                let unchanged = self.log_data(|vm| {
                    let same_table = generation(vm) == before;
                    let still_there = match vm.heap.value(set) {
                        Value::Set(s) => s.holds(candidate),
                        _ => false,
                    };
                    u64::from(same_table && still_there)
                })?;
                if unchanged == 0 {
                    continue 'restart;
                }
                if equal && let Some(eq) = stored(self) {
                    return Ok(Entry { key: obj, hash, eq });
                }
            }
            return Ok(Entry {
                key: obj,
                hash,
                eq: HashKey::Custom { hash, key: obj },
            });
        }
    }

    /// Whether a set has members compared through `__eq__` (set algebra
    /// on such sets is not modelled yet).
    pub(super) fn has_custom_members(&self, set: ObjId) -> bool {
        match self.heap.value(set) {
            Value::Set(s) => s.entries().any(|e| matches!(e.eq, HashKey::Custom { .. })),
            _ => false,
        }
    }
}
