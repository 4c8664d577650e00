//! `set` and `frozenset` objects: building, members in and out, operators
//! and methods, in CPython's table order (see `types/set.rs`).

use super::exceptions::PyException;
use super::heap::{ObjId, Referrer, Value};
use super::types::TypeKind;
use super::types::dict::HashKey;
use super::types::set::{Entry, Set};
use super::{Flow, Vm};
use crate::bytecode::{BinaryOp, CompareOp};

/// Members are named by their container, like list items (`set 0x7f…[i]`).
fn member_referrer(container: u64) -> Referrer {
    Referrer::Item {
        container,
        type_name: "set",
        index: 0,
    }
}

/// The methods of set and frozenset bytestep provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetMethod {
    Add,
    Remove,
    Discard,
    Pop,
    Clear,
    Copy,
    Update,
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
    IsSubset,
    IsSuperset,
    IsDisjoint,
    IntersectionUpdate,
    DifferenceUpdate,
    SymmetricDifferenceUpdate,
}

impl SetMethod {
    const ALL: [SetMethod; 17] = [
        SetMethod::Add,
        SetMethod::Remove,
        SetMethod::Discard,
        SetMethod::Pop,
        SetMethod::Clear,
        SetMethod::Copy,
        SetMethod::Update,
        SetMethod::Union,
        SetMethod::Intersection,
        SetMethod::Difference,
        SetMethod::SymmetricDifference,
        SetMethod::IsSubset,
        SetMethod::IsSuperset,
        SetMethod::IsDisjoint,
        SetMethod::IntersectionUpdate,
        SetMethod::DifferenceUpdate,
        SetMethod::SymmetricDifferenceUpdate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SetMethod::Add => "add",
            SetMethod::Remove => "remove",
            SetMethod::Discard => "discard",
            SetMethod::Pop => "pop",
            SetMethod::Clear => "clear",
            SetMethod::Copy => "copy",
            SetMethod::Update => "update",
            SetMethod::Union => "union",
            SetMethod::Intersection => "intersection",
            SetMethod::Difference => "difference",
            SetMethod::SymmetricDifference => "symmetric_difference",
            SetMethod::IsSubset => "issubset",
            SetMethod::IsSuperset => "issuperset",
            SetMethod::IsDisjoint => "isdisjoint",
            SetMethod::IntersectionUpdate => "intersection_update",
            SetMethod::DifferenceUpdate => "difference_update",
            SetMethod::SymmetricDifferenceUpdate => "symmetric_difference_update",
        }
    }

    /// Whether a frozenset has it too (the ones that do not change the set).
    fn on_frozenset(self) -> bool {
        matches!(
            self,
            SetMethod::Copy
                | SetMethod::Union
                | SetMethod::Intersection
                | SetMethod::Difference
                | SetMethod::SymmetricDifference
                | SetMethod::IsSubset
                | SetMethod::IsSuperset
                | SetMethod::IsDisjoint
        )
    }

    pub fn find(kind: TypeKind, name: &str) -> Option<SetMethod> {
        SetMethod::ALL.into_iter().find(|m| {
            m.name() == name
                && (kind == TypeKind::Set || (kind == TypeKind::Frozenset && m.on_frozenset()))
        })
    }
}

impl Vm {
    pub(super) fn set_object(&mut self, frozen: bool) -> ObjId {
        self.heap.alloc(Value::Set(Box::new(Set::new(frozen))))
    }

    /// `hash(obj)` as CPython computes it (64-bit, `PYTHONHASHSEED=0`).
    pub(super) fn py_hash(&mut self, obj: ObjId) -> Flow<i64> {
        self.py_hash_within(obj, 0)
    }

    /// A set member's hash and equality key in `set` (instances whose class
    /// defines `__eq__` or `__hash__` are looked up through them).
    fn member_entry(&mut self, set: ObjId, obj: ObjId) -> Flow<Entry> {
        // The commonest member, an int: what the slots below give for it.
        if let Value::Int(value) = *self.heap.value(obj) {
            return Ok(Entry {
                key: obj,
                hash: crate::bytecode::hashing::int_hash(value),
                eq: HashKey::Int(value),
            });
        }
        if self.is_custom_key(obj) {
            return self.custom_member_entry(set, obj);
        }
        let hash = match self.py_hash(obj) {
            Ok(hash) => hash,
            Err(error) if error.kind == "TypeError" && error.message.starts_with("unhashable") => {
                return Err(PyException::type_error(format!(
                    "cannot use '{}' as a set element ({})",
                    self.heap.value(obj).type_name(),
                    error.message
                )));
            }
            Err(error) => return Err(error),
        };
        let eq = match self.heap.value(obj) {
            Value::Set(set) if set.frozen => HashKey::Identity(obj),
            _ => self.hash_key(obj)?,
        };
        Ok(Entry { key: obj, hash, eq })
    }

    /// Add `item` to `set` (which takes a reference when it is new).
    pub(super) fn set_add(&mut self, set: ObjId, item: ObjId) -> Flow {
        let entry = self.member_entry(set, item)?;
        let address = self.heap.get(set).address;
        let added = match self.heap.value_mut(set) {
            Value::Set(s) => s.add(entry),
            _ => return Err(PyException::new("SystemError", "add to a non-set")),
        };
        if added {
            self.heap.incref(item, member_referrer(address));
        }
        Ok(())
    }

    fn set_contains(&mut self, set: ObjId, item: ObjId) -> Flow<bool> {
        let entry = match self.member_entry(set, item) {
            Ok(entry) => entry,
            Err(error) if error.kind == "TypeError" => {
                // `x in s` with an unhashable set: its frozenset is looked up.
                if let Value::Set(_) = self.heap.value(item) {
                    return Ok(false);
                }
                return Err(error);
            }
            Err(error) => return Err(error),
        };
        match self.heap.value(set) {
            Value::Set(s) => Ok(s.get(entry.hash, &entry.eq).is_some()),
            _ => Ok(false),
        }
    }

    /// Remove `item`; false when it was not a member.
    fn set_discard(&mut self, set: ObjId, item: ObjId) -> Flow<bool> {
        let entry = self.member_entry(set, item)?;
        let address = self.heap.get(set).address;
        let removed = match self.heap.value_mut(set) {
            Value::Set(s) => s.remove(entry.hash, &entry.eq),
            _ => None,
        };
        match removed {
            Some(old) => {
                self.heap.decref(old, member_referrer(address));
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn set_members(&self, set: ObjId) -> Vec<ObjId> {
        match self.heap.value(set) {
            Value::Set(s) => s.items().collect(),
            _ => Vec::new(),
        }
    }

    /// A new set with a copy of `source`'s table (`set_merge` into an empty set).
    fn set_copy(&mut self, source: ObjId, frozen: bool) -> ObjId {
        let mut table = Set::new(frozen);
        if let Value::Set(s) = self.heap.value(source) {
            s.merge_into(&mut table);
        }
        let members: Vec<ObjId> = table.items().collect();
        let copy = self.heap.alloc(Value::Set(Box::new(table)));
        let address = self.heap.get(copy).address;
        for member in members {
            self.heap.incref(member, member_referrer(address));
        }
        copy
    }

    /// `set(iterable)` / `frozenset(iterable)`.
    pub(super) fn set_from(&mut self, iterable: ObjId, frozen: bool) -> Flow<ObjId> {
        if let Value::Set(_) = self.heap.value(iterable) {
            return Ok(self.set_copy(iterable, frozen));
        }
        if self.runs_python(iterable) {
            let consumer = super::frame::Consumer::SetAdd { set: None, frozen };
            return self.drain(iterable, consumer);
        }
        let set = self.set_object(frozen);
        let holder = self.raised_referrer();
        self.heap.incref(set, holder);
        let result = self.set_update(set, iterable);
        match result {
            Ok(()) => {
                self.heap.decref_keep(set, holder);
                Ok(set)
            }
            Err(error) => {
                self.heap.decref(set, holder);
                Err(error)
            }
        }
    }

    /// `set.update(iterable)`.
    fn set_update(&mut self, set: ObjId, iterable: ObjId) -> Flow {
        if self.is_set(iterable) {
            self.refuse_custom_algebra(set, iterable)?;
        }
        if let Value::Set(source) = self.heap.value(iterable) {
            let source = (**source).clone();
            let address = self.heap.get(set).address;
            let added = match self.heap.value_mut(set) {
                Value::Set(target) => source.merge_into(target),
                _ => Vec::new(),
            };
            for member in added {
                self.heap.incref(member, member_referrer(address));
            }
            return Ok(());
        }
        if let Value::Dict(d) = self.heap.value(iterable) {
            let count = d.len();
            if let Value::Set(target) = self.heap.value_mut(set) {
                target.presize_for(count);
            }
        }
        if self.runs_python(iterable) {
            let consumer = super::frame::Consumer::SetAdd {
                set: Some(set),
                frozen: false,
            };
            self.drain(iterable, consumer)?;
            return Ok(());
        }
        let (items, temp) = self.items_of(iterable)?;
        let holder = self.raised_referrer();
        if let Some(temp) = temp {
            self.heap.incref(temp, holder);
        }
        let mut result = Ok(());
        for item in items {
            result = self.set_add(set, item);
            if result.is_err() {
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.decref(temp, holder);
        }
        result
    }

    // BUILD_SET (values[oparg] -- set)
    pub(super) fn build_set(&mut self, count: usize) -> Flow {
        let items = self.top_objects(count)?;
        if items.iter().any(|&item| self.is_custom_key(item)) {
            return self.build_container_calling(count, |vm| {
                let set = vm.set_object(false);
                for item in items {
                    if let Err(error) = vm.set_add(set, item) {
                        vm.heap.discard(set);
                        return Err(error);
                    }
                }
                Ok(set)
            });
        }
        let popped = self.pop_many(count)?;
        let set = self.set_object(false);
        self.push(set)?;
        let mut result = Ok(());
        for entry in &popped {
            if let Some(item) = entry.slot.obj {
                result = self.set_add(set, item);
                if result.is_err() {
                    break;
                }
            }
        }
        for entry in popped {
            self.release(entry);
        }
        result
    }

    // SET_ADD (set, unused[oparg-1], v -- set, unused[oparg-1])
    pub(super) fn set_add_op(&mut self, depth: u32) -> Flow {
        let item = self
            .peek(0)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL item"))?;
        if self.is_custom_key(item) {
            let set = self
                .peek(depth as usize)?
                .obj
                .ok_or_else(|| PyException::new("SystemError", "NULL set"))?;
            let result = self.calling(|vm| vm.set_add(set, item));
            if let Err(error) = &result
                && Vm::is_pending(error)
            {
                return result;
            }
            let popped = self.pop()?;
            self.release(popped);
            return result;
        }
        let (value, popped) = self.pop_object()?;
        let set = self
            .peek(depth.saturating_sub(1) as usize)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL set"))?;
        let result = self.set_add(set, value);
        self.release(popped);
        result
    }

    // SET_UPDATE (set, unused[oparg-1], iterable -- set, unused[oparg-1])
    pub(super) fn set_update_op(&mut self, depth: u32) -> Flow {
        // Popped once done: the update may call Python code and replay.
        let iterable = self
            .peek(0)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL iterable"))?;
        let set = self
            .peek(depth as usize)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL set"))?;
        let result = self.set_update(set, iterable);
        if let Err(error) = &result
            && Vm::is_pending(error)
        {
            return result;
        }
        let popped = self.pop()?;
        self.release(popped);
        result
    }

    /// Whether `obj` is a set or frozenset.
    pub(super) fn is_set(&self, obj: ObjId) -> bool {
        matches!(self.heap.value(obj), Value::Set(_))
    }

    fn frozen(&self, obj: ObjId) -> bool {
        matches!(self.heap.value(obj), Value::Set(s) if s.frozen)
    }

    /// `a & b`: over the smaller set, in its order.
    fn set_intersection(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let result = self.set_object(self.frozen(a));
        let (small, large) = if self.set_len(b) > self.set_len(a) {
            (a, b)
        } else {
            (b, a)
        };
        for member in self.set_members(small) {
            if self.set_contains(large, member)? {
                self.set_add(result, member)?;
            }
        }
        Ok(result)
    }

    fn set_len(&self, set: ObjId) -> usize {
        match self.heap.value(set) {
            Value::Set(s) => s.len(),
            _ => 0,
        }
    }

    /// `a - b`.
    fn set_difference(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        if (self.set_len(a) >> 2) > self.set_len(b) {
            let result = self.set_copy(a, self.frozen(a));
            for member in self.set_members(b) {
                self.set_discard(result, member)?;
            }
            return Ok(result);
        }
        let result = self.set_object(self.frozen(a));
        for member in self.set_members(a) {
            if !self.set_contains(b, member)? {
                self.set_add(result, member)?;
            }
        }
        Ok(result)
    }

    /// `a ^ b`: a copy of `a`, then each member of `b` toggled.
    fn set_symmetric_difference(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let result = self.set_copy(a, self.frozen(a));
        for member in self.set_members(b) {
            if !self.set_discard(result, member)? {
                self.set_add(result, member)?;
            }
        }
        Ok(result)
    }

    /// `a | b`: a copy of `a`, then `b`'s members added.
    fn set_union(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let result = self.set_copy(a, self.frozen(a));
        self.set_update(result, b)?;
        Ok(result)
    }

    /// Whether every member of `a` is in `b`.
    fn set_is_subset(&mut self, a: ObjId, b: ObjId) -> Flow<bool> {
        if self.set_len(a) > self.set_len(b) {
            return Ok(false);
        }
        for member in self.set_members(a) {
            if !self.set_contains(b, member)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `BINARY_OP` with two sets (`None` when not a set case).
    pub(super) fn set_binary_op(
        &mut self,
        op: BinaryOp,
        a: ObjId,
        b: ObjId,
    ) -> Flow<Option<ObjId>> {
        if !self.is_set(a) || !self.is_set(b) {
            return Ok(None);
        }
        self.refuse_custom_algebra(a, b)?;
        let inplace = op.is_inplace() && !self.frozen(a);
        let base = op.base();
        if inplace {
            match base {
                BinaryOp::Or => self.set_update(a, b)?,
                BinaryOp::And => {
                    let result = self.set_intersection(a, b)?;
                    self.set_replace_members(a, result)?;
                }
                BinaryOp::Subtract => {
                    for member in self.set_members(b) {
                        self.set_discard(a, member)?;
                    }
                }
                BinaryOp::Xor => {
                    for member in self.set_members(b) {
                        if !self.set_discard(a, member)? {
                            self.set_add(a, member)?;
                        }
                    }
                }
                _ => return Ok(None),
            }
            return Ok(Some(a));
        }
        Ok(Some(match base {
            BinaryOp::Or => self.set_union(a, b)?,
            BinaryOp::And => self.set_intersection(a, b)?,
            BinaryOp::Subtract => self.set_difference(a, b)?,
            BinaryOp::Xor => self.set_symmetric_difference(a, b)?,
            _ => return Ok(None),
        }))
    }

    /// `BINARY_OP` where an operand is a `dict_keys` or `dict_items` view
    /// (`dictviews_and`, `_or`, `_sub`, `_xor` in Objects/dictobject.c):
    /// always a new set, in place or not. `None` when neither is a view.
    pub(super) fn view_binary_op(
        &mut self,
        op: BinaryOp,
        a: ObjId,
        b: ObjId,
    ) -> Flow<Option<ObjId>> {
        if !self.is_set_view(a) && !self.is_set_view(b) {
            return Ok(None);
        }
        let base = op.base();
        if base == BinaryOp::And {
            return self.view_intersection(a, b).map(Some);
        }
        if !matches!(base, BinaryOp::Or | BinaryOp::Subtract | BinaryOp::Xor) {
            return Ok(None);
        }
        // `dictviews_to_set`: a keys view's dict itself (`PySet_New`'s dict path).
        let left = match self.heap.value(a) {
            Value::DictView {
                kind: TypeKind::DictKeys,
                dict,
            } => *dict,
            _ => a,
        };
        let result = self.set_from(left, false)?;
        let outcome = match base {
            BinaryOp::Or => self.set_update(result, b),
            BinaryOp::Subtract => self.set_difference_update_with(result, b),
            _ => self.set_symmetric_update_with(result, b),
        };
        match outcome {
            Ok(()) => Ok(Some(result)),
            Err(error) => {
                self.heap.discard(result);
                Err(error)
            }
        }
    }

    fn is_set_view(&self, obj: ObjId) -> bool {
        matches!(
            self.heap.value(obj),
            Value::DictView {
                kind: TypeKind::DictKeys | TypeKind::DictItems,
                ..
            }
        )
    }

    fn view_len(&self, view: ObjId) -> usize {
        match self.heap.value(view) {
            Value::DictView { dict, .. } => match self.heap.value(*dict) {
                Value::Dict(d) => d.len(),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// `_PyDictView_Intersect`: over the smaller side, into a new set.
    fn view_intersection(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let (mut view, mut other) = if self.is_set_view(a) { (a, b) } else { (b, a) };
        let len_view = self.view_len(view);
        if matches!(self.heap.value(other), Value::Set(s) if !s.frozen)
            && len_view <= self.set_len(other)
        {
            // `other.intersection(view)`: the view's items that are members.
            return self.members_found_in(view, other);
        }
        if self.is_set_view(other) && self.view_len(other) > len_view {
            std::mem::swap(&mut view, &mut other);
        }
        self.members_found_in(other, view)
    }

    /// A new set of the items `source` yields that are in `container`
    /// (`x in container`), in `source`'s order.
    fn members_found_in(&mut self, source: ObjId, container: ObjId) -> Flow<ObjId> {
        // The result is made first, as `PySet_New(NULL)` before the iteration.
        let result = self.set_object(false);
        let (items, temp) = match self.items_of(source) {
            Ok(found) => found,
            Err(error) => {
                self.heap.discard(result);
                return Err(error);
            }
        };
        let mut outcome = Ok(());
        for item in items {
            outcome = match self.contains_of(container, item) {
                Ok(true) => self.set_add(result, item),
                Ok(false) => Ok(()),
                Err(error) => Err(error),
            };
            if outcome.is_err() {
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        match outcome {
            Ok(()) => Ok(result),
            Err(error) => {
                self.heap.discard(result);
                Err(error)
            }
        }
    }

    /// `set.difference_update(other)` for any iterable `other`.
    fn set_difference_update_with(&mut self, set: ObjId, other: ObjId) -> Flow {
        let (items, temp) = self.items_of(other)?;
        let mut outcome = Ok(());
        for item in items {
            if let Err(error) = self.set_discard(set, item) {
                outcome = Err(error);
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        outcome
    }

    /// `set.symmetric_difference_update(other)`: a set `other` as it is,
    /// another iterable made a set first (as CPython does), then each of
    /// its members removed from `set` or added.
    fn set_symmetric_update_with(&mut self, set: ObjId, other: ObjId) -> Flow {
        let (members, temp) = if let Value::Set(_) = self.heap.value(other) {
            (self.set_members(other), None)
        } else {
            let temp = self.set_from(other, false)?;
            (self.set_members(temp), Some(temp))
        };
        let mut outcome = Ok(());
        for member in members {
            outcome = match self.set_discard(set, member) {
                Ok(true) => Ok(()),
                Ok(false) => self.set_add(set, member),
                Err(error) => Err(error),
            };
            if outcome.is_err() {
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        outcome
    }

    /// `a &= b`: `a`'s table becomes `result`'s (which is then freed).
    fn set_replace_members(&mut self, a: ObjId, result: ObjId) -> Flow {
        let address = self.heap.get(a).address;
        let result_address = self.heap.get(result).address;
        let new_table = match self.heap.value(result) {
            Value::Set(s) => (**s).clone(),
            _ => return Ok(()),
        };
        let new_members: Vec<ObjId> = new_table.items().collect();
        for &member in &new_members {
            self.heap.incref(member, member_referrer(address));
        }
        let old = match self.heap.value_mut(a) {
            Value::Set(s) => {
                let frozen = s.frozen;
                let old = std::mem::replace(s.as_mut(), new_table);
                s.frozen = frozen;
                old
            }
            _ => return Ok(()),
        };
        for member in old.items() {
            self.heap.decref(member, member_referrer(address));
        }
        let _ = result_address;
        self.heap.discard(result);
        Ok(())
    }

    /// Comparisons of two sets (`None` when not both sets).
    pub(super) fn set_compare(&mut self, op: CompareOp, a: ObjId, b: ObjId) -> Flow<Option<bool>> {
        if (self.is_set_view(a) || self.is_set_view(b))
            && (self.is_set(a) || self.is_set_view(a))
            && (self.is_set(b) || self.is_set_view(b))
        {
            return self.view_compare(op, a, b).map(Some);
        }
        if !self.is_set(a) || !self.is_set(b) {
            return Ok(None);
        }
        self.refuse_custom_algebra(a, b)?;
        let (la, lb) = (self.set_len(a), self.set_len(b));
        Ok(Some(match op {
            CompareOp::Eq => la == lb && self.set_is_subset(a, b)?,
            CompareOp::Ne => !(la == lb && self.set_is_subset(a, b)?),
            CompareOp::Lt => la < lb && self.set_is_subset(a, b)?,
            CompareOp::Le => self.set_is_subset(a, b)?,
            CompareOp::Gt => lb < la && self.set_is_subset(b, a)?,
            _ => self.set_is_subset(b, a)?,
        }))
    }

    /// `dictview_richcompare`: a keys or items view against a set or
    /// another view, by size and `all_contained_in`.
    fn view_compare(&mut self, op: CompareOp, a: ObjId, b: ObjId) -> Flow<bool> {
        let len = |vm: &Vm, x: ObjId| {
            if vm.is_set_view(x) {
                vm.view_len(x)
            } else {
                vm.set_len(x)
            }
        };
        let (la, lb) = (len(self, a), len(self, b));
        Ok(match op {
            CompareOp::Eq => la == lb && self.all_contained_in(a, b)?,
            CompareOp::Ne => !(la == lb && self.all_contained_in(a, b)?),
            CompareOp::Lt => la < lb && self.all_contained_in(a, b)?,
            CompareOp::Le => la <= lb && self.all_contained_in(a, b)?,
            CompareOp::Gt => la > lb && self.all_contained_in(b, a)?,
            _ => la >= lb && self.all_contained_in(b, a)?,
        })
    }

    /// Whether every item `a` yields is in `b`.
    fn all_contained_in(&mut self, a: ObjId, b: ObjId) -> Flow<bool> {
        let (items, temp) = self.items_of(a)?;
        let mut outcome = Ok(true);
        for item in items {
            match self.contains_of(b, item) {
                Ok(true) => {}
                Ok(false) => {
                    outcome = Ok(false);
                    break;
                }
                Err(error) => {
                    outcome = Err(error);
                    break;
                }
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        outcome
    }

    /// Two sets whose members are compared through `__eq__`: their algebra
    /// would need a lookup per member, which is not modelled yet.
    fn refuse_custom_algebra(&self, a: ObjId, b: ObjId) -> Flow {
        if self.has_custom_members(a) || self.has_custom_members(b) {
            return Err(self.unsupported(
                "set operations between sets with members whose class defines __eq__ or __hash__",
            ));
        }
        Ok(())
    }

    /// `x in s`.
    /// The number of members of a set.
    pub(super) fn set_size(&self, set: ObjId) -> usize {
        self.set_len(set)
    }

    pub(super) fn set_has(&mut self, set: ObjId, item: ObjId) -> Flow<bool> {
        self.set_contains(set, item)
    }

    /// A set method called on `owner` with `args` (borrowed).
    pub(super) fn call_set_method(
        &mut self,
        method: SetMethod,
        owner: ObjId,
        args: &[ObjId],
    ) -> Flow<ObjId> {
        let none = self.singletons.none;
        let type_name = self.heap.value(owner).type_name();
        let one = |args: &[ObjId]| -> Flow<ObjId> {
            match args {
                [arg] => Ok(*arg),
                _ => Err(PyException::type_error(format!(
                    "{type_name}.{}() takes exactly one argument ({} given)",
                    method.name(),
                    args.len()
                ))),
            }
        };
        let none_args = |args: &[ObjId]| -> Flow {
            if args.is_empty() {
                Ok(())
            } else {
                Err(PyException::type_error(format!(
                    "{type_name}.{}() takes no arguments ({} given)",
                    method.name(),
                    args.len()
                )))
            }
        };
        // An iterable argument as a temporary set.
        let as_set = |vm: &mut Vm, other: ObjId| -> Flow<(ObjId, bool)> {
            if vm.is_set(other) {
                Ok((other, false))
            } else {
                Ok((vm.set_from(other, false)?, true))
            }
        };
        match method {
            SetMethod::Add => {
                let item = one(args)?;
                self.set_add(owner, item)?;
                Ok(none)
            }
            SetMethod::Remove => {
                let item = one(args)?;
                if self.set_discard(owner, item)? {
                    Ok(none)
                } else {
                    let kind = super::types::ExcKind::by_name("KeyError")
                        .unwrap_or(super::types::ExcKind(0));
                    let exc = self.new_exception(kind, vec![item]);
                    self.heap.incref(exc, self.raised_referrer());
                    Err(PyException::object(exc, false))
                }
            }
            SetMethod::Discard => {
                let item = one(args)?;
                self.set_discard(owner, item)?;
                Ok(none)
            }
            SetMethod::Pop => {
                none_args(args)?;
                let address = self.heap.get(owner).address;
                let popped = match self.heap.value_mut(owner) {
                    Value::Set(s) => s.pop_first(),
                    _ => None,
                };
                match popped {
                    Some(item) => {
                        // The set's reference goes to the caller once it is pushed.
                        self.deferred.push((item, member_referrer(address)));
                        Ok(item)
                    }
                    None => Err(PyException::new("KeyError", "pop from an empty set")),
                }
            }
            SetMethod::Clear => {
                none_args(args)?;
                let address = self.heap.get(owner).address;
                let members = match self.heap.value_mut(owner) {
                    Value::Set(s) => s.clear(),
                    _ => Vec::new(),
                };
                for member in members {
                    self.heap.decref(member, member_referrer(address));
                }
                Ok(none)
            }
            SetMethod::Copy => {
                none_args(args)?;
                if self.frozen(owner) {
                    return Ok(owner);
                }
                Ok(self.set_copy(owner, false))
            }
            SetMethod::Update => {
                for &other in args {
                    self.set_update(owner, other)?;
                }
                Ok(none)
            }
            SetMethod::Union => {
                // Items from Python code are drained into sets first (the
                // copy made below must not wait for their frames).
                let mut others = Vec::with_capacity(args.len());
                for &other in args {
                    others.push(if self.runs_python(other) {
                        self.set_from(other, false)?
                    } else {
                        other
                    });
                }
                let result = self.set_copy(owner, self.frozen(owner));
                for &other in &others {
                    if let Err(error) = self.set_update(result, other) {
                        self.heap.discard(result);
                        return Err(error);
                    }
                }
                Ok(result)
            }
            SetMethod::Intersection
            | SetMethod::Difference
            | SetMethod::SymmetricDifference
            | SetMethod::IntersectionUpdate
            | SetMethod::DifferenceUpdate
            | SetMethod::SymmetricDifferenceUpdate => {
                let mut current = owner;
                let in_place = matches!(
                    method,
                    SetMethod::IntersectionUpdate
                        | SetMethod::DifferenceUpdate
                        | SetMethod::SymmetricDifferenceUpdate
                );
                if args.is_empty() {
                    return Ok(if in_place {
                        none
                    } else {
                        self.set_copy(owner, self.frozen(owner))
                    });
                }
                for &other in args {
                    let (other_set, temp) = as_set(self, other)?;
                    let next = match method {
                        SetMethod::Intersection | SetMethod::IntersectionUpdate => {
                            self.set_intersection(current, other_set)
                        }
                        SetMethod::Difference | SetMethod::DifferenceUpdate => {
                            self.set_difference(current, other_set)
                        }
                        _ => self.set_symmetric_difference(current, other_set),
                    };
                    if temp {
                        self.heap.discard(other_set);
                    }
                    let next = next?;
                    if current != owner {
                        self.heap.discard(current);
                    }
                    current = next;
                }
                if in_place {
                    self.set_replace_members(owner, current)?;
                    return Ok(none);
                }
                Ok(current)
            }
            SetMethod::IsSubset | SetMethod::IsSuperset | SetMethod::IsDisjoint => {
                let other = one(args)?;
                if method != SetMethod::IsDisjoint && self.runs_python(other) {
                    // One item at a time, stopping once the answer is known.
                    let consumer = if method == SetMethod::IsSubset {
                        super::frame::Consumer::Subset {
                            set: owner,
                            found: None,
                        }
                    } else {
                        super::frame::Consumer::Superset { set: owner }
                    };
                    return self.drain(other, consumer);
                }
                let (other_set, temp) = as_set(self, other)?;
                let result = match method {
                    SetMethod::IsSubset => self.set_is_subset(owner, other_set),
                    SetMethod::IsSuperset => self.set_is_subset(other_set, owner),
                    _ => {
                        let mut disjoint = Ok(true);
                        for member in self.set_members(owner) {
                            match self.set_contains(other_set, member) {
                                Ok(true) => {
                                    disjoint = Ok(false);
                                    break;
                                }
                                Ok(false) => {}
                                Err(error) => {
                                    disjoint = Err(error);
                                    break;
                                }
                            }
                        }
                        disjoint
                    }
                };
                if temp {
                    self.heap.discard(other_set);
                }
                Ok(self.bool_object(result?))
            }
        }
    }
}

/// `hash(None)`: a constant since CPython 3.12.
pub(super) const NONE_HASH: i64 = 0xFCA8_6420;

/// `frozenset_hash`: the members' shuffled hashes xored, then mixed.
pub(super) fn frozenset_hash(set: &Set) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for entry in set.entries() {
        hash ^= shuffle(entry.hash as u64);
    }
    if set.len() & 1 == 1 {
        hash ^= shuffle(u64::MAX);
    }
    hash ^= (set.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
}
