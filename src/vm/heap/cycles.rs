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
        let found = self.collect_among(None);
        self.full_collection_done();
        found
    }

    /// After a full collection (`gc_collect_full`): nothing is young, and
    /// the incremental collector starts over with marking.
    pub fn full_collection_done(&mut self) {
        self.gc.young_count = 0;
        self.gc.collect_phase = false;
        self.young.clear();
        self.old_cursor = 0;
    }

    /// One automatic collection (`gc_collect_increment`): the young objects
    /// and an increment of the older ones are scanned, references from
    /// anything outside them counting as external, so the work follows what
    /// the program allocated, not the heap's size (as `assess_work_to_do`
    /// bounds it: the increment is at most 1.5 times the young count). The
    /// sweep of older objects moves on through the arena; when it has gone
    /// round, the next increment only marks. Returns what `count_collected`
    /// says.
    pub fn collect_increment(&mut self) -> usize {
        let mut scope: Vec<ObjId> = std::mem::take(&mut self.young)
            .into_iter()
            .filter(|&(id, serial)| {
                let object = self.get(id);
                object.alive && object.serial == serial && !object.immortal
            })
            .map(|(id, _)| id)
            .collect();
        let young: HashSet<ObjId> = scope.iter().copied().collect();
        let budget = (scope.len() * 3 / 2).max(1);
        let mut taken = 0;
        while taken < budget && self.old_cursor < self.objects.len() {
            let id = ObjId::from_index(self.old_cursor);
            self.old_cursor += 1;
            let object = self.get(id);
            if object.alive && !object.immortal && object.value.is_gc() && !young.contains(&id) {
                scope.push(id);
                taken += 1;
            }
        }
        if self.old_cursor >= self.objects.len() {
            // The sweep went round (`completed_scavenge`): mark next time.
            self.old_cursor = 0;
            self.gc.collect_phase = false;
        }
        let mut garbage = self.find_garbage_in(scope, None);
        if garbage.is_empty() {
            return 0;
        }
        let counted = self.count_collected(&garbage);
        self.finalize_garbage_generators(&mut garbage);
        self.free_garbage(&garbage);
        counted
    }

    /// The unreachable objects (held only by cycles among themselves), in
    /// allocation order.
    pub fn find_garbage(&self) -> Vec<ObjId> {
        let live: Vec<ObjId> = self
            .live_objects()
            .filter(|(_, object)| !object.immortal)
            .map(|(id, _)| id)
            .collect();
        self.find_garbage_in(live, None)
    }

    /// Those of `scope` referenced from outside it (`gc_refs` left above
    /// 0 once the references among them are subtracted; one reference to
    /// `discounted` does not count), a new reference of the running
    /// instruction (no count yet) or a constant, in `scope`'s order.
    fn held_from_outside(&self, scope: &[ObjId], discounted: Option<ObjId>) -> Vec<ObjId> {
        let mut outside: HashMap<ObjId, i64> = scope
            .iter()
            .map(|&id| (id, i64::from(self.get(id).refs)))
            .collect();
        if let Some(count) = discounted.and_then(|id| outside.get_mut(&id)) {
            *count -= 1;
        }
        for &id in scope {
            for (child, _) in self.children(id) {
                if let Some(count) = outside.get_mut(&child) {
                    *count -= 1;
                }
            }
        }
        scope
            .iter()
            .copied()
            .filter(|&id| {
                let object = self.get(id);
                outside[&id] > 0 || object.refs == 0 || !object.const_holders.is_empty()
            })
            .collect()
    }

    /// The unreachable objects among `live`: references from objects
    /// outside it count as external, as a young collection treats the old
    /// generation; one reference to `discounted` does not count (the
    /// interpreter's exit: `sys.modules` no longer holds `__main__`).
    pub fn find_garbage_in(&self, live: Vec<ObjId>, discounted: Option<ObjId>) -> Vec<ObjId> {
        // Reachable: held from outside (or a new reference of the running
        // instruction, or a constant), and everything those reach.
        let mut reachable: HashSet<ObjId> = HashSet::new();
        let mut pending: Vec<ObjId> = self.held_from_outside(&live, discounted);
        let scope: HashSet<ObjId> = live.iter().copied().collect();
        while let Some(id) = pending.pop() {
            if !reachable.insert(id) {
                continue;
            }
            for (child, _) in self.children(id) {
                if scope.contains(&child) && !reachable.contains(&child) {
                    pending.push(child);
                }
            }
        }
        let mut garbage: Vec<ObjId> = live
            .into_iter()
            .filter(|id| !reachable.contains(id))
            .collect();
        garbage.sort_by_key(|&id| self.get(id).serial);
        garbage
    }

    /// The collector's list after a full collection, as `move_unreachable`
    /// leaves it: (the reachable GC objects, the unreachable ones), each in
    /// list order. The list starts in allocation order; an object met
    /// before anything reachable has reached it goes tentatively to the
    /// unreachable list, and back to the end of the list when something
    /// reachable met later reaches it (lists and tuples reach their items
    /// last first, as their `tp_traverse` does). So the order in which a
    /// later collection finalizes objects is not their allocation order.
    pub fn gc_list_order(&self) -> (Vec<ObjId>, Vec<ObjId>) {
        let mut list: Vec<ObjId> = self
            .live_objects()
            .filter(|(_, object)| !object.immortal && object.value.is_gc())
            .map(|(id, _)| id)
            .collect();
        list.sort_by_key(|&id| self.get(id).serial);
        let scope: HashSet<ObjId> = list.iter().copied().collect();
        let mut marked: HashSet<ObjId> = self.held_from_outside(&list, None).into_iter().collect();
        let mut tentative: Vec<ObjId> = Vec::new();
        let mut unreachable: HashSet<ObjId> = HashSet::new();
        let mut reachable = Vec::new();
        let mut cursor = 0;
        while let Some(&id) = list.get(cursor) {
            cursor += 1;
            if !marked.contains(&id) {
                tentative.push(id);
                unreachable.insert(id);
                continue;
            }
            reachable.push(id);
            let mut children = self.children(id);
            if matches!(self.value(id), Value::List(_) | Value::Tuple(_)) {
                children.reverse();
            }
            for (child, _) in children {
                if !scope.contains(&child) {
                    continue;
                }
                if unreachable.remove(&child) {
                    list.push(child);
                }
                marked.insert(child);
            }
        }
        tentative.retain(|id| unreachable.contains(id));
        (reachable, tentative)
    }

    /// [`Heap::collect_cycles`], freeing only garbage within `among` when given.
    pub fn collect_among(&mut self, among: Option<&HashSet<ObjId>>) -> usize {
        let mut garbage = self.find_garbage();
        if let Some(among) = among {
            garbage.retain(|id| among.contains(id));
        }
        if garbage.is_empty() {
            return 0;
        }
        let counted = self.count_collected(&garbage);
        if among.is_none() {
            self.finalize_garbage_generators(&mut garbage);
        }
        self.free_garbage(&garbage);
        counted
    }

    /// How many of `garbage` CPython's collector counts: the containers it
    /// tracks, instance dicts aside (3.14 keeps instance values inline).
    pub fn count_collected(&self, garbage: &[ObjId]) -> usize {
        let instance_dicts: HashSet<ObjId> = garbage
            .iter()
            .filter_map(|&id| match self.value(id) {
                Value::Instance { dict, .. } => *dict,
                // Fixed-size bases keep the values inline; variable-size
                // ones (int, str, tuple) have a real dict.
                Value::List(_) | Value::Dict(_) | Value::Float(_) => {
                    self.subclass_of(id).map(|tag| tag.dict)
                }
                _ => None,
            })
            .collect();
        garbage
            .iter()
            .filter(|&&id| !instance_dicts.contains(&id) && self.is_tracked(id))
            .count()
    }

    /// Each object lets go of what it holds, then its block is freed: the
    /// references between garbage objects are only counted down.
    pub fn free_garbage(&mut self, garbage: &[ObjId]) {
        self.collecting = true;
        let doomed: HashSet<ObjId> = garbage.iter().copied().collect();
        for &id in garbage {
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
    }

    /// The generators in `garbage` that must run code to close are queued
    /// (with what only they reach) and left out of it; returns the
    /// instances whose `__del__` has not run, in allocation order, and how
    /// many of the queued objects the collection counts (closing a
    /// generator does not resurrect it, so they count as collected).
    pub fn plan_collection(&mut self, garbage: &mut Vec<ObjId>) -> (Vec<ObjId>, usize) {
        let mut generators: Vec<ObjId> = garbage
            .iter()
            .copied()
            .filter(|&id| matches!(self.value(id), Value::Generator(g) if g.needs_close()))
            .collect();
        let mut queued = 0;
        if !generators.is_empty() {
            let before = self.count_collected(garbage);
            self.keep_for_finalizers(garbage, &mut generators);
            queued = before - self.count_collected(garbage);
        }
        let finalizers = garbage
            .iter()
            .copied()
            .filter(|&id| self.has_finalizer(id))
            .collect();
        (finalizers, queued)
    }

    /// CPython's `finalize_garbage` for a collection that cannot wait (the
    /// automatic one, between instructions): the finalizers (a generator's
    /// `finally`, an instance's `__del__`) run in the VM after the
    /// instruction, so those objects (and what only they reach) are kept
    /// for now, held by the finalizer; what is still unreachable once they
    /// have run is freed then ([`Heap::finish_pending_collection`]).
    fn finalize_garbage_generators(&mut self, garbage: &mut Vec<ObjId>) {
        let mut closing: Vec<ObjId> = garbage
            .iter()
            .copied()
            .filter(|&id| match self.value(id) {
                Value::Generator(g) => g.needs_close(),
                Value::Instance { .. } => self.has_finalizer(id),
                _ => false,
            })
            .collect();
        if !closing.is_empty() {
            self.keep_for_finalizers(garbage, &mut closing);
        }
    }

    /// Take `closing` (and what only they reach) out of `garbage` and queue
    /// them for their finalizers, in allocation order.
    fn keep_for_finalizers(&mut self, garbage: &mut Vec<ObjId>, closing: &mut [ObjId]) {
        closing.sort_by_key(|&id| self.get(id).serial);
        let candidates: HashSet<ObjId> = garbage.iter().copied().collect();
        let mut kept: HashSet<ObjId> = HashSet::new();
        let mut todo = closing.to_vec();
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
        self.gc_pending.extend(kept.iter().copied());
        for &object in closing.iter() {
            self.objects[object.index()].finalized = true;
            self.queue_finalizer(object);
        }
    }

    /// After the finalizers a collection ran: free what of the objects it
    /// kept for them is still unreachable (a `__del__` may have resurrected
    /// some). Does nothing while finalizers are waiting or running.
    pub fn finish_pending_collection(&mut self) {
        if self.gc_pending.is_empty() || !self.finalizing.is_empty() {
            return;
        }
        let pending: HashSet<ObjId> = std::mem::take(&mut self.gc_pending)
            .into_iter()
            .filter(|&id| self.get(id).alive)
            .collect();
        self.collect_among(Some(&pending));
    }

    /// Whether CPython's collector tracks the object: containers (dicts
    /// too, empty or not: 3.14 no longer untracks them), except tuples of
    /// untracked items (which it untracks), and never strs or numbers.
    fn is_tracked(&self, id: ObjId) -> bool {
        self.is_tracked_within(id, 0)
    }

    /// Deep tuple chains stop being looked into (and count as tracked) past
    /// a depth, so the walk never runs out of stack.
    fn is_tracked_within(&self, id: ObjId, depth: usize) -> bool {
        let value = self.value(id);
        // An instance of a subclass is a GC object (a str subclass's is not
        // tracked, as CPython 3.14 shows).
        if self.subclass_of(id).is_some() {
            return !matches!(value, Value::Str(_));
        }
        if depth > 1000 {
            return value.holds_references();
        }
        if !value.holds_references() {
            return false;
        }
        match value {
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
