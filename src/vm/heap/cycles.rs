//! The cycle collector (`gc.collect()`), CPython's algorithm on the model:
//! each object's count minus the references other heap objects hold gives
//! what the roots (frames, names, the running instruction) hold; whatever
//! nothing rooted reaches is garbage held only by cycles, and is freed.

use std::collections::{HashMap, HashSet};

use super::object::Value;
use super::{Heap, ObjId};

impl Heap {
    /// Free every object that only unreachable objects refer to; returns
    /// how many of them CPython's collector would count (the containers it
    /// tracks), which is what `gc.collect()` returns.
    pub fn collect_cycles(&mut self) -> usize {
        let live: Vec<ObjId> = self
            .live_objects()
            .filter(|(_, object)| !object.immortal)
            .map(|(id, _)| id)
            .collect();
        // gc_refs: the references from outside the heap.
        let mut outside: HashMap<ObjId, i64> = live
            .iter()
            .map(|&id| (id, i64::from(self.get(id).refs)))
            .collect();
        for &id in &live {
            for (child, _) in self.children(id) {
                if let Some(count) = outside.get_mut(&child) {
                    *count -= 1;
                }
            }
        }
        // Reachable: held from outside (or a new reference of the running
        // instruction, or a constant), and everything those reach.
        let mut reachable: HashSet<ObjId> = HashSet::new();
        let mut pending: Vec<ObjId> = live
            .iter()
            .copied()
            .filter(|&id| {
                let object = self.get(id);
                outside[&id] > 0 || object.refs == 0 || !object.const_holders.is_empty()
            })
            .collect();
        while let Some(id) = pending.pop() {
            if !reachable.insert(id) {
                continue;
            }
            for (child, _) in self.children(id) {
                if outside.contains_key(&child) && !reachable.contains(&child) {
                    pending.push(child);
                }
            }
        }
        let mut garbage: Vec<ObjId> = live
            .into_iter()
            .filter(|id| !reachable.contains(id))
            .collect();
        if garbage.is_empty() {
            return 0;
        }
        let instance_dicts: HashSet<ObjId> = garbage
            .iter()
            .filter_map(|&id| match self.value(id) {
                Value::Instance { dict, .. } => *dict,
                _ => None,
            })
            .collect();
        let counted = garbage
            .iter()
            .filter(|&&id| !instance_dicts.contains(&id) && self.is_tracked(id))
            .count();
        self.finalize_garbage_generators(&mut garbage);
        // Each object lets go of what it holds, then its block is freed: the
        // references between garbage objects are only counted down.
        self.collecting = true;
        let doomed: HashSet<ObjId> = garbage.iter().copied().collect();
        for &id in &garbage {
            if !self.get(id).alive {
                continue;
            }
            for (child, referrer) in self.children(id) {
                if doomed.contains(&child) {
                    if self.get(child).alive {
                        self.drop_reference(child, referrer);
                    }
                } else {
                    self.decref(child, referrer);
                }
            }
            self.free_block(id);
        }
        self.collecting = false;
        counted
    }

    /// CPython's `finalize_garbage`: a generator that must run code to close
    /// is closed before the garbage is freed. That code runs in the VM after
    /// the instruction, so such generators (and what only they reach) are
    /// kept for now, held by the finalizer; closing them frees them.
    fn finalize_garbage_generators(&mut self, garbage: &mut Vec<ObjId>) {
        let closing: Vec<ObjId> = garbage
            .iter()
            .copied()
            .filter(|&id| matches!(self.value(id), Value::Generator(g) if g.needs_close()))
            .collect();
        if closing.is_empty() {
            return;
        }
        let candidates: HashSet<ObjId> = garbage.iter().copied().collect();
        let mut kept: HashSet<ObjId> = HashSet::new();
        let mut todo = closing.clone();
        while let Some(id) = todo.pop() {
            if !kept.insert(id) {
                continue;
            }
            for (child, _) in self.children(id) {
                if candidates.contains(&child) && !kept.contains(&child) {
                    todo.push(child);
                }
            }
        }
        garbage.retain(|id| !kept.contains(id));
        for generator in closing {
            self.incref(generator, super::finalizer_referrer());
            self.finalizing.push(generator);
        }
        self.attention_limit = 0;
    }

    /// Whether CPython's collector tracks the object: containers, except
    /// dicts of atomic values and tuples of untracked items (which it
    /// untracks), and never strs or numbers.
    fn is_tracked(&self, id: ObjId) -> bool {
        self.is_tracked_within(id, 0)
    }

    /// Deep tuple chains stop being looked into (and count as tracked) past
    /// a depth, so the walk never runs out of stack.
    fn is_tracked_within(&self, id: ObjId, depth: usize) -> bool {
        let value = self.value(id);
        if depth > 1000 {
            return value.holds_references();
        }
        if !value.holds_references() {
            return false;
        }
        match value {
            Value::Dict(_) => self
                .children(id)
                .iter()
                .any(|&(child, _)| self.value(child).holds_references()),
            Value::Tuple(items) => items
                .iter()
                .any(|&item| self.is_tracked_within(item, depth + 1)),
            _ => true,
        }
    }

    /// The heap objects holding a reference to `target` (`gc.get_referrers`).
    pub fn referrers_of(&self, target: ObjId) -> Vec<ObjId> {
        self.live_objects()
            .map(|(id, _)| id)
            .filter(|&id| {
                self.value(id).holds_references()
                    && self.children(id).iter().any(|&(child, _)| child == target)
            })
            .collect()
    }
}
