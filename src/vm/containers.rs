//! Lists and dicts: building them, items in and out, and their methods.
//!
//! Every item a container holds is one counted reference, named by its
//! container (`list 0x7f…[2]`, `dict 0x7f…['k']`); growth follows CPython's
//! `list_resize` and dict table sizes, so `sys.getsizeof` shows them.

use num_traits::ToPrimitive;

use super::exceptions::PyException;
use super::frame::Drain;
use super::heap::object::List;
use super::heap::{ObjId, Referrer, Value};
use super::timsort::{Ask, TimSort};
use super::types::dict::{Dict, HashKey};
use super::types::{ExcKind, TypeKind};
use super::{Flow, Vm};

/// A list's allocation while a sort drain has its items (CPython's
/// `allocated = -1`): any resize replaces it, so a change is seen.
const SORTING: usize = usize::MAX >> 4;
use crate::bytecode::{BinaryOp, CompareOp};

/// The methods of list and dict that bytestep provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    ListAppend,
    ListPop,
    ListExtend,
    ListInsert,
    ListIndex,
    ListCount,
    ListReverse,
    ListClear,
    ListCopy,
    ListRemove,
    ListSort,
    DictGet,
    DictKeys,
    DictValues,
    DictItems,
    DictPop,
    DictSetdefault,
    DictClear,
    DictCopy,
    DictUpdate,
    DictPopitem,
    TupleIndex,
    TupleCount,
    RangeIndex,
    RangeCount,
    GenSend,
    GenThrow,
    GenClose,
}

impl Vm {
    /// An int or a bool (`range_index` computes where such a value is).
    fn exact_int(&self, obj: ObjId) -> bool {
        matches!(
            self.heap.value(obj),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
        )
    }

    /// `range.index(x)` (the position) and `range.count(x)` (how many,
    /// `Some(count)`): an int by arithmetic (`range_contains_long`); anything
    /// else by comparing each item with `==` (`_PySequence_IterSearch`).
    fn range_search(
        &mut self,
        start: i64,
        stop: i64,
        step: i64,
        needle: ObjId,
        method: Method,
    ) -> Flow<Option<i64>> {
        let len = super::heap::object::range_len(start, stop, step);
        let position = |value: i64| -> Option<i64> {
            let offset = (value as i128) - (start as i128);
            let step = step as i128;
            (offset % step == 0 && (0..len as i128).contains(&(offset / step)))
                .then(|| (offset / step) as i64)
        };
        let direct = match *self.heap.value(needle) {
            Value::Int(value) => Some(position(value)),
            Value::Bool(value) => Some(position(i64::from(value))),
            // (A big int is in no range of machine ints.)
            Value::BigInt(_) => Some(None),
            _ => None,
        };
        if let Some(found) = direct {
            return Ok(match method {
                Method::RangeCount => Some(i64::from(found.is_some())),
                _ => found,
            });
        }
        let mut count = 0;
        for index in 0..len {
            let item = self.int_object(start + index * step);
            let equal = self.compare_bool(CompareOp::Eq, item, needle);
            self.heap.discard(item);
            if equal? {
                if method == Method::RangeIndex {
                    return Ok(Some(index));
                }
                count += 1;
            }
        }
        Ok(match method {
            Method::RangeCount => Some(count),
            _ => None,
        })
    }
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::ListAppend => "append",
            Method::ListPop | Method::DictPop => "pop",
            Method::ListExtend => "extend",
            Method::ListInsert => "insert",
            Method::ListIndex | Method::TupleIndex | Method::RangeIndex => "index",
            Method::ListCount | Method::TupleCount | Method::RangeCount => "count",
            Method::DictPopitem => "popitem",
            Method::ListReverse => "reverse",
            Method::ListClear | Method::DictClear => "clear",
            Method::ListCopy | Method::DictCopy => "copy",
            Method::DictUpdate => "update",
            Method::ListRemove => "remove",
            Method::ListSort => "sort",
            Method::DictGet => "get",
            Method::DictKeys => "keys",
            Method::DictValues => "values",
            Method::DictItems => "items",
            Method::DictSetdefault => "setdefault",
            Method::GenSend => "send",
            Method::GenThrow => "throw",
            Method::GenClose => "close",
        }
    }

    pub fn owner(self) -> TypeKind {
        match self {
            Method::DictGet
            | Method::DictKeys
            | Method::DictValues
            | Method::DictItems
            | Method::DictPop
            | Method::DictSetdefault
            | Method::DictClear
            | Method::DictCopy
            | Method::DictUpdate
            | Method::DictPopitem => TypeKind::Dict,
            Method::TupleIndex | Method::TupleCount => TypeKind::Tuple,
            Method::RangeIndex | Method::RangeCount => TypeKind::Range,
            Method::GenSend | Method::GenThrow | Method::GenClose => TypeKind::Generator,
            _ => TypeKind::List,
        }
    }

    const ALL: [Method; 28] = [
        Method::DictPopitem,
        Method::TupleIndex,
        Method::TupleCount,
        Method::RangeIndex,
        Method::RangeCount,
        Method::GenSend,
        Method::GenThrow,
        Method::GenClose,
        Method::ListSort,
        Method::ListAppend,
        Method::ListPop,
        Method::ListExtend,
        Method::ListInsert,
        Method::ListIndex,
        Method::ListCount,
        Method::ListReverse,
        Method::ListClear,
        Method::ListCopy,
        Method::ListRemove,
        Method::DictGet,
        Method::DictKeys,
        Method::DictValues,
        Method::DictItems,
        Method::DictPop,
        Method::DictSetdefault,
        Method::DictClear,
        Method::DictCopy,
        Method::DictUpdate,
    ];

    pub fn find(owner: TypeKind, name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.owner() == owner && m.name() == name)
    }
}

fn item_referrer(container: u64, index: usize) -> Referrer {
    Referrer::Item {
        container,
        type_name: "list",
        index: index as u32,
    }
}

impl Vm {
    /// A new list of `items` (`steal`: the caller's references move in),
    /// with exactly `items.len()` slots allocated, as `BUILD_LIST` makes it.
    pub(super) fn list_object(&mut self, items: Vec<ObjId>, steal: bool) -> ObjId {
        let allocated = items.len();
        let list = self.heap.alloc(Value::List(Box::new(List {
            items: items.clone(),
            allocated,
        })));
        if !steal {
            let address = self.heap.get(list).address;
            for (index, item) in items.into_iter().enumerate() {
                self.heap.incref(item, item_referrer(address, index));
            }
        }
        list
    }

    /// `list.append`: one more item, holding a new reference to it.
    pub(super) fn list_append(&mut self, list: ObjId, item: ObjId) -> Flow {
        let address = self.heap.get(list).address;
        let index = match self.heap.value_mut(list) {
            Value::List(list) => {
                let n = list.items.len();
                // (`_PyList_AppendTakeRef`: room left is used as it is.)
                if n >= list.allocated {
                    list.resize(n + 1);
                }
                list.items.push(item);
                n
            }
            _ => return Err(PyException::new("SystemError", "append to a non-list")),
        };
        self.heap.incref(item, item_referrer(address, index));
        Ok(())
    }

    /// `list.extend(iterable)` / `LIST_EXTEND`.
    pub(super) fn list_extend(&mut self, list: ObjId, iterable: ObjId) -> Flow {
        if !self.is_sequence_like(iterable) {
            return self.list_extend_iter(list, iterable);
        }
        let items = self.collect_items(iterable)?;
        // (`list_extend_set`/`list_extend_dict` make room by `list_resize`,
        // over-allocating; lists and tuples exactly when the list is empty.)
        let over_allocate = !matches!(self.heap.value(iterable), Value::List(_) | Value::Tuple(_));
        let address = self.heap.get(list).address;
        let start = match self.heap.value_mut(list) {
            Value::List(list) if over_allocate => {
                let start = list.items.len();
                if !items.is_empty() {
                    list.resize(start + items.len());
                }
                list.items.extend(items.iter().copied());
                start
            }
            Value::List(list) => {
                let start = list.items.len();
                list.grow_for_extend(items.len());
                list.items.extend(items.iter().copied());
                start
            }
            _ => return Err(PyException::new("SystemError", "extend of a non-list")),
        };
        for (offset, item) in items.into_iter().enumerate() {
            self.heap
                .incref(item, item_referrer(address, start + offset));
        }
        Ok(())
    }

    /// Containers whose items [`Vm::collect_items`] reads directly.
    fn is_sequence_like(&self, iterable: ObjId) -> bool {
        matches!(
            self.heap.value(iterable),
            Value::Tuple(_)
                | Value::List(_)
                | Value::Dict(_)
                | Value::Set(_)
                | Value::DictView {
                    kind: TypeKind::DictKeys | TypeKind::DictValues,
                    ..
                }
        )
    }

    /// `list_extend_iter`: append what an iterator yields, one by one.
    fn list_extend_iter(&mut self, list: ObjId, iterable: ObjId) -> Flow {
        if self.runs_python(iterable) {
            self.drain(iterable, super::frame::Consumer::Extend { list })?;
            return Ok(());
        }
        let iterator = self.iterator(iterable)?;
        // Held while draining, so a fresh iterator is freed at the end.
        let holder = self.raised_referrer();
        self.heap.incref(iterator, holder);
        let mut hinted = self.is_instance_obj(iterable);
        if let Value::DictView {
            kind: TypeKind::DictItems,
            dict,
        } = *self.heap.value(iterable)
        {
            // `list_extend_dictitems`: room for all by `list_resize`.
            let n = match self.heap.value(dict) {
                Value::Dict(d) => d.len(),
                _ => 0,
            };
            if let Value::List(l) = self.heap.value_mut(list)
                && n > 0
            {
                let m = l.items.len();
                l.resize(m + n);
            }
        } else if !hinted {
            // `PyObject_LengthHint(iterable, 8)` of a built-in iterable:
            // its length, or what its iterator says is left, else 8; an
            // empty list gets exactly that (`list_preallocate_exact`).
            let hint = self.builtin_length_hint(iterable).unwrap_or(8);
            if let Value::List(l) = self.heap.value_mut(list) {
                let m = l.items.len();
                if l.allocated == 0 {
                    if hint > 0 {
                        l.allocated = (hint + 1) & !1;
                    }
                } else {
                    l.resize(m + hint);
                }
            }
            hinted = true;
        }
        if self.is_instance_obj(iterable) {
            // `PyObject_LengthHint(iterable, 8)`: an instance's `__len__`
            // runs after `__iter__`, and the list makes room for that many.
            let hint = if self.special_method(iterable, "__len__").is_some() {
                match self.instance_len(iterable) {
                    Ok(n) => n.max(0) as usize,
                    Err(error) if error.kind == "TypeError" => 8,
                    Err(error) => {
                        self.heap.decref(iterator, holder);
                        return Err(error);
                    }
                }
            } else {
                8
            };
            if let Value::List(l) = self.heap.value_mut(list) {
                let n = l.items.len();
                l.resize(n + hint);
            }
        }
        let mut result = Ok(());
        loop {
            match self.next_item(iterator) {
                Ok(Some(item)) => {
                    if let Err(error) = self.list_append(list, item) {
                        result = Err(error);
                        break;
                    }
                }
                Ok(None) => break,
                Err(error) => {
                    result = Err(error);
                    break;
                }
            }
        }
        if hinted && let Value::List(l) = self.heap.value_mut(list) {
            // Cut back if the guess was too large.
            let n = l.items.len();
            if n < l.allocated {
                l.resize(n);
            }
        }
        self.heap.decref(iterator, holder);
        result
    }

    /// `PyObject_LengthHint` of a built-in iterable that is not an
    /// instance: `len()` of a sized one, an iterator's `__length_hint__`;
    /// `None` when it has neither.
    fn builtin_length_hint(&self, iterable: ObjId) -> Option<usize> {
        match self.heap.value(iterable) {
            Value::Str(text) => Some(text.chars().count()),
            Value::Bytes(data) => Some(data.len()),
            Value::ByteArray(array) => Some(array.data.len()),
            Value::List(list) => Some(list.items.len()),
            Value::Tuple(items) => Some(items.len()),
            Value::Dict(d) => Some(d.len()),
            Value::Set(set) => Some(set.len()),
            Value::Range { start, stop, step } => {
                usize::try_from(super::heap::object::range_len(*start, *stop, *step)).ok()
            }
            Value::DictView { dict, .. } => match self.heap.value(*dict) {
                Value::Dict(d) => Some(d.len()),
                _ => None,
            },
            _ => self.builtin_iterator_left(iterable),
        }
    }

    /// The items of any iterable (borrowed), and the temporary list that
    /// holds them when they had to be produced; the caller discards it.
    pub(super) fn items_of(&mut self, iterable: ObjId) -> Flow<(Vec<ObjId>, Option<ObjId>)> {
        if self.is_sequence_like(iterable) {
            return Ok((self.collect_items(iterable)?, None));
        }
        // (Items from Python code come from a drain, in a list held until
        // the instruction ends.)
        let temp = self.list_from(Some(iterable))?;
        let items = match self.heap.value(temp) {
            Value::List(list) => list.items.clone(),
            _ => Vec::new(),
        };
        Ok((items, Some(temp)))
    }

    /// The items an iterable yields, for builtins that consume one whole
    /// (borrowed: valid while the iterable lives). Only containers whose
    /// items already exist or are cached small values are accepted.
    pub(super) fn collect_items(&mut self, iterable: ObjId) -> Flow<Vec<ObjId>> {
        match self.heap.value(iterable) {
            Value::Tuple(items) => Ok(items.to_vec()),
            Value::List(list) => Ok(list.items.clone()),
            Value::Set(set) => Ok(set.items().collect()),
            Value::Dict(dict) => Ok(dict.entries().map(|e| e.key).collect()),
            Value::DictView {
                kind: TypeKind::DictKeys,
                dict,
            } => self.collect_items(*dict),
            Value::DictView {
                kind: TypeKind::DictValues,
                dict,
            } => match self.heap.value(*dict) {
                Value::Dict(d) => Ok(d.entries().map(|e| e.value).collect()),
                _ => Ok(Vec::new()),
            },
            _ => Err(PyException::not_implemented(
                &format!(
                    "consuming a {} object here",
                    self.heap.value(iterable).type_name()
                ),
                self.frames.last().and_then(|f| f.current_line()),
            )),
        }
    }

    /// The key as `==`/`hash` see it; lists and dicts are unhashable.
    pub(super) fn hash_key(&self, key: ObjId) -> Flow<HashKey> {
        self.hash_key_within(key, 0)
    }

    /// `d[key] = value`: the dict holds new references to both (the key
    /// stays the first one inserted; the old value is dropped).
    pub(super) fn dict_set(&mut self, dict: ObjId, key: ObjId, value: ObjId) -> Flow {
        let hash = self.dict_key(dict, key)?;
        self.dict_set_keyed(dict, hash, key, value)
    }

    /// [`Vm::dict_set`] with the key as the dict's lookup found it.
    fn dict_set_keyed(&mut self, dict: ObjId, hash: HashKey, key: ObjId, value: ObjId) -> Flow {
        let key_hash = super::types::dict::key_hash(&hash);
        self.dict_set_hashed(dict, hash, key_hash, key, value)
    }

    /// [`Vm::dict_set`] with the key as the dict's lookup found it and its
    /// index hash (an attribute name's, known beforehand).
    pub(super) fn dict_set_hashed(
        &mut self,
        dict: ObjId,
        hash: HashKey,
        key_hash: u64,
        key: ObjId,
        value: ObjId,
    ) -> Flow {
        let str_key = matches!(self.heap.value(key), Value::Str(_));
        let address = self.heap.get(dict).address;
        let replaced = match self.heap.value_mut(dict) {
            Value::Dict(d) => d.insert_hashed(hash, key_hash, key, value, str_key),
            _ => return Err(PyException::new("SystemError", "store into a non-dict")),
        };
        match replaced {
            Some(old) => {
                let referrer = Referrer::DictValue {
                    container: address,
                    key: old.key,
                };
                self.heap.incref(value, referrer);
                self.heap.decref(old.value, referrer);
            }
            None => {
                self.heap
                    .incref(key, Referrer::DictKey { container: address });
                self.heap.incref(
                    value,
                    Referrer::DictValue {
                        container: address,
                        key,
                    },
                );
            }
        }
        Ok(())
    }

    pub(in crate::vm) fn dict_lookup(&mut self, dict: ObjId, key: ObjId) -> Flow<Option<ObjId>> {
        let hash = self.dict_key(dict, key)?;
        match self.heap.value(dict) {
            Value::Dict(d) => Ok(d.get(&hash).map(|e| e.value)),
            _ => Ok(None),
        }
    }

    /// A `KeyError(key)` raised as an object (its message is the key's repr).
    fn key_error(&mut self, key: ObjId) -> Box<PyException> {
        let kind = ExcKind::by_name("KeyError").unwrap_or(ExcKind(0));
        let exc = self.new_exception(kind, vec![key]);
        let referrer = self.raised_referrer();
        self.heap.incref(exc, referrer);
        PyException::object(exc, false)
    }

    /// `d1 | d2` (a copy of `d1` updated by `d2`) and `d |= other` (`d`
    /// updated in place by a dict or an iterable of pairs); `None` when the
    /// operands are not for dict's `|`.
    pub(super) fn dict_binary_op(
        &mut self,
        op: BinaryOp,
        lhs: ObjId,
        rhs: ObjId,
    ) -> Flow<Option<ObjId>> {
        if op.base() != BinaryOp::Or || !matches!(self.heap.value(lhs), Value::Dict(_)) {
            return Ok(None);
        }
        if op.is_inplace() {
            self.dict_update_from(lhs, rhs)?;
            return Ok(Some(lhs));
        }
        if !matches!(self.heap.value(rhs), Value::Dict(_)) {
            return Ok(None);
        }
        let copy = self.call_method(Method::DictCopy, lhs, &[])?;
        if let Err(error) = self.dict_update_from(copy, rhs) {
            self.heap.discard(copy);
            return Err(error);
        }
        Ok(Some(copy))
    }

    /// A mappingproxy's dict (its keys and items are the dict's), else `obj`.
    pub(super) fn proxied_dict(&self, obj: ObjId) -> ObjId {
        match *self.heap.value(obj) {
            Value::DictView {
                kind: super::types::TypeKind::MappingProxy,
                dict,
            } => dict,
            _ => obj,
        }
    }

    /// `dict_update_arg`: the entries of a dict, or the pairs of an iterable.
    pub(super) fn dict_update_from(&mut self, dict: ObjId, other: ObjId) -> Flow {
        let other = self.proxied_dict(other);
        if let Value::Dict(d) = self.heap.value(other) {
            let entries: Vec<(ObjId, ObjId)> = d.entries().map(|e| (e.key, e.value)).collect();
            for (key, value) in entries {
                self.dict_set(dict, key, value)?;
            }
            return Ok(());
        }
        if let Some(keys) = self.mapping_keys_method(other) {
            return self.merge_mapping(dict, other, keys, None).map(|_| ());
        }
        if self.runs_python(other) {
            // Pair by pair as they come.
            let consumer = super::frame::Consumer::Dict { dict: Some(dict) };
            self.drain(other, consumer)?;
            return Ok(());
        }
        let (items, temp) = self.items_of(other)?;
        let result = self.dict_set_pairs(dict, &items);
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        result
    }

    fn dict_set_pairs(&mut self, dict: ObjId, items: &[ObjId]) -> Flow {
        for (index, &item) in items.iter().enumerate() {
            // (`dict_merge_from_seq2`: any sequence of two, strs too.)
            self.dict_pair_item(dict, item, index)?;
        }
        Ok(())
    }

    /// `dict.fromkeys(iterable[, value])`: a new dict.
    pub(super) fn dict_fromkeys(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        let (iterable, value) = match args {
            [iterable] => (*iterable, self.singletons.none),
            [iterable, value] => (*iterable, *value),
            _ => {
                return Err(PyException::type_error(format!(
                    "fromkeys expected {} arguments, got {}",
                    if args.is_empty() {
                        "at least 1"
                    } else {
                        "at most 2"
                    },
                    args.len()
                )));
            }
        };
        if self.runs_python(iterable) {
            // Key by key as they come (an unhashable one stops it there).
            let consumer = super::frame::Consumer::FromKeys { dict: None, value };
            return self.drain(iterable, consumer);
        }
        let (keys, temp) = self.items_of(iterable)?;
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::presized(0))));
        let mut result = Ok(());
        for key in keys {
            result = self.dict_set(dict, key, value);
            if result.is_err() {
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        match result {
            Ok(()) => Ok(dict),
            Err(error) => {
                self.heap.discard(dict);
                Err(error)
            }
        }
    }

    /// Remove `key`; the removed entry's references are the caller's to drop
    /// (returned as (key, value)).
    fn dict_remove(&mut self, dict: ObjId, key: ObjId) -> Flow<Option<(ObjId, ObjId)>> {
        let hash = self.dict_key(dict, key)?;
        match self.heap.value_mut(dict) {
            Value::Dict(d) => Ok(d.remove(&hash).map(|e| (e.key, e.value))),
            _ => Ok(None),
        }
    }

    /// Drop the references of a removed dict entry.
    fn release_entry(&mut self, dict: ObjId, key: ObjId, value: ObjId) {
        let address = self.heap.get(dict).address;
        self.heap.decref(
            value,
            Referrer::DictValue {
                container: address,
                key,
            },
        );
        self.heap
            .decref(key, Referrer::DictKey { container: address });
    }

    /// A list index from an int object, negative counting from the end.
    fn list_index(&self, index: ObjId, len: usize, what: &str) -> Flow<usize> {
        let position = match self.heap.value(index) {
            Value::Int(v) => *v,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(PyException::new(
                    "IndexError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            other => {
                return Err(PyException::type_error(format!(
                    "list indices must be integers or slices, not {}",
                    other.type_name()
                )));
            }
        };
        let len = len as i64;
        let i = if position < 0 {
            position + len
        } else {
            position
        };
        if (0..len).contains(&i) {
            Ok(i as usize)
        } else {
            Err(PyException::new(
                "IndexError",
                format!("{what} out of range"),
            ))
        }
    }

    /// `list[index]` of an int index (borrowed: the caller takes its reference).
    pub(super) fn list_item(&mut self, list: ObjId, index: ObjId) -> Flow<ObjId> {
        let len = match self.heap.value(list) {
            Value::List(list) => list.items.len(),
            _ => 0,
        };
        let i = self.list_index(index, len, "list index")?;
        match self.heap.value(list) {
            Value::List(list) => Ok(list.items[i]),
            _ => Err(PyException::new("SystemError", "not a list")),
        }
    }

    /// `dict[key]`, or `KeyError` (borrowed: the caller takes its reference).
    pub(super) fn dict_item(&mut self, dict: ObjId, key: ObjId) -> Flow<ObjId> {
        match self.dict_lookup(dict, key)? {
            Some(value) => Ok(value),
            None => Err(self.key_error(key)),
        }
    }

    /// `list[index] = value` of an int index (the list takes its own reference).
    pub(super) fn list_setitem(&mut self, list: ObjId, index: ObjId, value: ObjId) -> Flow {
        let len = match self.heap.value(list) {
            Value::List(list) => list.items.len(),
            _ => 0,
        };
        let i = self.list_index(index, len, "list assignment index")?;
        let address = self.heap.get(list).address;
        let old = match self.heap.value_mut(list) {
            Value::List(list) => std::mem::replace(&mut list.items[i], value),
            _ => return Ok(()),
        };
        self.heap.incref(value, item_referrer(address, i));
        self.heap.decref(old, item_referrer(address, i));
        Ok(())
    }

    /// `del list[index]` of an int index.
    pub(super) fn list_delitem(&mut self, list: ObjId, index: ObjId) -> Flow {
        let len = match self.heap.value(list) {
            Value::List(list) => list.items.len(),
            _ => 0,
        };
        let i = self.list_index(index, len, "list assignment index")?;
        let removed = self.list_remove_at(list, i);
        self.drop_list_item(list, i, removed);
        Ok(())
    }

    /// `del dict[key]`, or `KeyError`.
    pub(super) fn dict_delitem(&mut self, dict: ObjId, key: ObjId) -> Flow {
        match self.dict_remove(dict, key)? {
            Some((key, value)) => {
                self.release_entry(dict, key, value);
                Ok(())
            }
            None => Err(self.key_error(key)),
        }
    }

    /// Take item `i` out of a list, shrinking it as `list_ass_slice` does.
    fn list_remove_at(&mut self, list: ObjId, i: usize) -> ObjId {
        match self.heap.value_mut(list) {
            Value::List(list) => {
                let item = list.items.remove(i);
                let n = list.items.len();
                // `list_resize` compares against the size before the removal.
                list.items.push(item);
                list.resize(n);
                list.items.pop();
                item
            }
            _ => list,
        }
    }

    fn drop_list_item(&mut self, list: ObjId, index: usize, item: ObjId) {
        let address = self.heap.get(list).address;
        self.heap.decref(item, item_referrer(address, index));
    }

    /// `len()` of a built-in container (its type's `len` slot).
    pub(super) fn container_len(&self, container: ObjId) -> Option<usize> {
        let value = self.heap.value(container);
        value.spec().slots.len.map(|len| len(&self.heap, value))
    }

    /// Call a list or dict method on `owner` with `args` (borrowed); returns a new reference.
    pub(super) fn call_method(
        &mut self,
        method: Method,
        owner: ObjId,
        args: &[ObjId],
    ) -> Flow<ObjId> {
        let kind = self.heap.value(owner).type_kind();
        if kind != method.owner() {
            return Err(PyException::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                method.name(),
                method.owner().name(),
                kind.name()
            )));
        }
        let none = self.singletons.none;
        let arity = |min: usize, max: usize| -> Flow {
            if args.len() < min || args.len() > max {
                let name = method.name();
                return Err(PyException::type_error(if min == max && min == 0 {
                    format!(
                        "{}.{name}() takes no arguments ({} given)",
                        method.owner().name(),
                        args.len()
                    )
                } else if min == max && min == 1 {
                    format!(
                        "{}.{name}() takes exactly one argument ({} given)",
                        method.owner().name(),
                        args.len()
                    )
                } else if args.len() < min {
                    format!(
                        "{name} expected at least {min} argument{}, got {}",
                        if min == 1 { "" } else { "s" },
                        args.len()
                    )
                } else {
                    format!(
                        "{name} expected at most {max} argument{}, got {}",
                        if max == 1 { "" } else { "s" },
                        args.len()
                    )
                }));
            }
            Ok(())
        };
        match method {
            Method::ListAppend => {
                arity(1, 1)?;
                self.list_append(owner, args[0])?;
                Ok(none)
            }
            Method::ListExtend => {
                arity(1, 1)?;
                self.list_extend(owner, args[0])?;
                Ok(none)
            }
            Method::ListPop => {
                arity(0, 1)?;
                // The index is converted first (`_PyNumber_Index`), even for an empty list.
                if let Some(&index) = args.first()
                    && !matches!(
                        self.heap.value(index),
                        Value::Int(_) | Value::Bool(_) | Value::BigInt(_)
                    )
                {
                    return Err(PyException::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.heap.value(index).type_name()
                    )));
                }
                let len = self.container_len(owner).unwrap_or(0);
                if len == 0 {
                    return Err(PyException::new("IndexError", "pop from empty list"));
                }
                let i = match args.first() {
                    Some(&index) => self.list_index(index, len, "pop index")?,
                    None => len - 1,
                };
                let item = self.list_remove_at(owner, i);
                // The list's reference is dropped once the result is pushed.
                let address = self.heap.get(owner).address;
                self.deferred.push((item, item_referrer(address, i)));
                Ok(item)
            }
            Method::ListInsert => {
                arity(2, 2)?;
                let len = self.container_len(owner).unwrap_or(0) as i64;
                let position = match self.heap.value(args[0]) {
                    Value::Int(v) => *v,
                    Value::Bool(b) => *b as i64,
                    other => {
                        return Err(PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                };
                let at = if position < 0 {
                    (position + len).max(0)
                } else {
                    position.min(len)
                } as usize;
                let item = args[1];
                let address = self.heap.get(owner).address;
                if let Value::List(list) = self.heap.value_mut(owner) {
                    let n = list.items.len();
                    list.resize(n + 1);
                    list.items.insert(at, item);
                }
                self.heap.incref(item, item_referrer(address, at));
                Ok(none)
            }
            Method::TupleIndex | Method::TupleCount => {
                if method == Method::TupleIndex {
                    arity(1, 3)?;
                } else {
                    arity(1, 1)?;
                }
                let items = match self.heap.value(owner) {
                    Value::Tuple(items) => items.to_vec(),
                    _ => Vec::new(),
                };
                let (start, stop) = self.index_bounds(&args[1..], items.len())?;
                let mut count = 0;
                for (i, &item) in items.iter().enumerate().take(stop).skip(start) {
                    if self.compare_bool(CompareOp::Eq, item, args[0])? {
                        if method == Method::TupleIndex {
                            return Ok(self.int_object(i as i64));
                        }
                        count += 1;
                    }
                }
                if method == Method::TupleIndex {
                    return Err(PyException::new(
                        "ValueError",
                        "tuple.index(x): x not in tuple",
                    ));
                }
                Ok(self.int_object(count))
            }
            Method::RangeIndex | Method::RangeCount => {
                arity(1, 1)?;
                let Value::Range { start, stop, step } = *self.heap.value(owner) else {
                    return Err(PyException::new("SystemError", "not a range"));
                };
                let found = self.range_search(start, stop, step, args[0], method)?;
                match (method, found) {
                    (Method::RangeIndex, Some(at)) => Ok(self.int_object(at)),
                    (Method::RangeIndex, None) if self.exact_int(args[0]) => Err(PyException::new(
                        "ValueError",
                        "range.index(x): x not in range",
                    )),
                    (Method::RangeIndex, None) => Err(PyException::new(
                        "ValueError",
                        "sequence.index(x): x not in sequence",
                    )),
                    (_, found) => Ok(self.int_object(found.unwrap_or(0))),
                }
            }
            Method::DictPopitem => {
                arity(0, 0)?;
                let last = match self.heap.value(owner) {
                    Value::Dict(d) => d.entries().last().map(|e| e.key),
                    _ => None,
                };
                let Some(last) = last else {
                    let message = self.str_object("popitem(): dictionary is empty");
                    return Err(self.key_error(message));
                };
                let Some((key, value)) = self.dict_remove(owner, last)? else {
                    return Err(PyException::new("SystemError", "popitem lost its key"));
                };
                // The dict's references move into the pair.
                let pair = self.tuple_object(vec![key, value], false);
                self.release_entry(owner, key, value);
                Ok(pair)
            }
            Method::ListIndex | Method::ListCount | Method::ListRemove => {
                if method == Method::ListIndex {
                    arity(1, 3)?;
                } else {
                    arity(1, 1)?;
                }
                let items = match self.heap.value(owner) {
                    Value::List(list) => list.items.clone(),
                    _ => Vec::new(),
                };
                let (start, stop) = self.index_bounds(&args[1..], items.len())?;
                let mut found = Vec::new();
                for (i, &item) in items.iter().enumerate().take(stop).skip(start) {
                    if self.compare_bool(CompareOp::Eq, item, args[0])? {
                        found.push(i);
                        if method != Method::ListCount {
                            break;
                        }
                    }
                }
                match method {
                    Method::ListCount => Ok(self.int_object(found.len() as i64)),
                    _ => match found.first() {
                        Some(&i) if method == Method::ListIndex => Ok(self.int_object(i as i64)),
                        Some(&i) => {
                            let item = self.list_remove_at(owner, i);
                            self.drop_list_item(owner, i, item);
                            Ok(none)
                        }
                        None if method == Method::ListIndex => Err(PyException::new(
                            "ValueError",
                            "list.index(x): x not in list",
                        )),
                        None => Err(PyException::new(
                            "ValueError",
                            "list.remove(x): x not in list",
                        )),
                    },
                }
            }
            Method::ListSort => {
                arity(0, 0)?;
                self.sort_list(owner, &[])?;
                Ok(none)
            }
            Method::ListReverse => {
                arity(0, 0)?;
                if let Value::List(list) = self.heap.value_mut(owner) {
                    list.items.reverse();
                }
                Ok(none)
            }
            Method::ListClear => {
                arity(0, 0)?;
                let items = match self.heap.value_mut(owner) {
                    Value::List(list) => {
                        list.allocated = 0;
                        std::mem::take(&mut list.items)
                    }
                    _ => Vec::new(),
                };
                for (i, item) in items.into_iter().enumerate().rev() {
                    self.drop_list_item(owner, i, item);
                }
                Ok(none)
            }
            Method::ListCopy => {
                arity(0, 0)?;
                let items = match self.heap.value(owner) {
                    Value::List(list) => list.items.clone(),
                    _ => Vec::new(),
                };
                Ok(self.list_object(items, false))
            }
            Method::DictGet => {
                arity(1, 2)?;
                match self.dict_lookup(owner, args[0])? {
                    Some(value) => Ok(value),
                    None => Ok(args.get(1).copied().unwrap_or(none)),
                }
            }
            Method::DictSetdefault => {
                arity(1, 2)?;
                // One lookup (one `__hash__` of a custom key), as CPython's.
                let hash = self.dict_key(owner, args[0])?;
                let found = match self.heap.value(owner) {
                    Value::Dict(d) => d.get(&hash).map(|e| e.value),
                    _ => None,
                };
                match found {
                    Some(value) => Ok(value),
                    None => {
                        let default = args.get(1).copied().unwrap_or(none);
                        self.dict_set_keyed(owner, hash, args[0], default)?;
                        Ok(default)
                    }
                }
            }
            Method::DictPop => {
                arity(1, 2)?;
                match self.dict_remove(owner, args[0])? {
                    Some((key, value)) => {
                        // Both references are dropped once the value is pushed.
                        let address = self.heap.get(owner).address;
                        self.deferred.push((
                            value,
                            Referrer::DictValue {
                                container: address,
                                key,
                            },
                        ));
                        self.deferred
                            .push((key, Referrer::DictKey { container: address }));
                        Ok(value)
                    }
                    None => match args.get(1) {
                        Some(&default) => Ok(default),
                        None => Err(self.key_error(args[0])),
                    },
                }
            }
            Method::DictKeys | Method::DictValues | Method::DictItems => {
                arity(0, 0)?;
                let kind = match method {
                    Method::DictKeys => TypeKind::DictKeys,
                    Method::DictValues => TypeKind::DictValues,
                    _ => TypeKind::DictItems,
                };
                let view = self.heap.alloc(Value::DictView { kind, dict: owner });
                let address = self.heap.get(view).address;
                self.heap.incref(
                    owner,
                    Referrer::Attribute {
                        owner: address,
                        name: "mapping",
                    },
                );
                Ok(view)
            }
            Method::DictClear => {
                arity(0, 0)?;
                let entries = match self.heap.value_mut(owner) {
                    Value::Dict(d) => d.clear(),
                    _ => Vec::new(),
                };
                for entry in entries {
                    self.release_entry(owner, entry.key, entry.value);
                }
                Ok(none)
            }
            Method::DictCopy => {
                arity(0, 0)?;
                let entries: Vec<(ObjId, ObjId)> = match self.heap.value(owner) {
                    Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
                    _ => Vec::new(),
                };
                let copy = self
                    .heap
                    .alloc(Value::Dict(Box::new(Dict::presized(entries.len()))));
                for (key, value) in entries {
                    self.dict_set(copy, key, value)?;
                }
                Ok(copy)
            }
            Method::DictUpdate => self.dict_update(owner, args, &[]),
            // Calls on generators resume their frame (see `generators`).
            Method::GenSend | Method::GenThrow | Method::GenClose => Err(PyException::new(
                "SystemError",
                "generator methods are called by call_generator",
            )),
        }
    }

    /// `list(iterable)`.
    pub(super) fn list_from(&mut self, iterable: Option<ObjId>) -> Flow<ObjId> {
        if let Some(iterable) = iterable
            && self.runs_python(iterable)
        {
            let consumer = super::frame::Consumer::collect(false, 0);
            return self.drain(iterable, consumer);
        }
        let list = self.list_object(Vec::new(), true);
        if let Some(iterable) = iterable {
            if let Value::Range { start, stop, step } = *self.heap.value(iterable) {
                let n = super::heap::object::range_len(start, stop, step);
                if n > 10_000_000 {
                    self.heap.discard(list);
                    return Err(PyException::new("MemoryError", ""));
                }
                let mut value = start;
                let mut items = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    items.push(self.int_object(value));
                    value = value.wrapping_add(step);
                }
                // `list_extend_iter` presizes by the length hint, exactly.
                let address = self.heap.get(list).address;
                if let Value::List(l) = self.heap.value_mut(list) {
                    l.grow_for_extend(items.len());
                    l.items = items.clone();
                }
                for (index, item) in items.into_iter().enumerate() {
                    self.heap.incref(item, item_referrer(address, index));
                }
                // Fresh ints were made with no reference: the list's is their first.
                return Ok(list);
            }
            if let Err(error) = self.list_extend(list, iterable) {
                // The new list goes again, as CPython frees it when `__init__` fails.
                self.heap.discard(list);
                return Err(error);
            }
        }
        Ok(list)
    }

    /// `int` conversion for indexes given as Python objects.
    /// The `start`, `stop` of `list.index(x, start, stop)` (or a tuple's):
    /// each through `__index__` (`_PyEval_SliceIndexNotNone`), a negative
    /// one counted from the end, both clamped to `0..=len`.
    fn index_bounds(&mut self, bounds: &[ObjId], len: usize) -> Flow<(usize, usize)> {
        let mut out = [0, len];
        for (slot, &bound) in out.iter_mut().zip(bounds) {
            let value = self.index_value(bound)?;
            let at = match self.heap.value(value) {
                Value::Int(v) => *v,
                Value::Bool(b) => i64::from(*b),
                // (Past an i64 it is past either end.)
                Value::BigInt(v) if v.sign() == num_bigint::Sign::Minus => i64::MIN,
                Value::BigInt(_) => i64::MAX,
                _ => {
                    return Err(PyException::type_error(
                        "slice indices must be integers or have an __index__ method",
                    ));
                }
            };
            let len = len as i64;
            *slot = if at < 0 {
                at.saturating_add(len).max(0)
            } else {
                at.min(len)
            } as usize;
        }
        Ok((out[0], out[1]))
    }

    pub(super) fn small_index(&self, obj: ObjId) -> Option<i64> {
        match self.heap.value(obj) {
            Value::Int(v) => Some(*v),
            Value::Bool(b) => Some(*b as i64),
            Value::BigInt(v) => v.to_i64(),
            _ => None,
        }
    }
}

impl Vm {
    /// `sum(iterable, start)`: intermediate results are freed as CPython frees them.
    pub(super) fn sum(&mut self, start: ObjId, mut items: ItemSource) -> Flow<ObjId> {
        if matches!(self.heap.value(start), Value::Str(_)) {
            return Err(PyException::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ));
        }
        if let Value::Bytes(_) | Value::ByteArray(_) = self.heap.value(start) {
            return Err(PyException::type_error(format!(
                "sum() can't sum {} [use b''.join(seq) instead]",
                self.heap.value(start).type_name()
            )));
        }
        // CPython's `builtin_sum_impl`: ints add in a machine word and floats
        // with Neumaier's compensation, making no objects on the way; the
        // first item that does not fit continues with `+`.
        let mut acc = start;
        let mut owned = false;
        if let Value::Int(first) = *self.heap.value(acc) {
            let mut total = first;
            let mut pending = None;
            while let Some(item) = items.next(self) {
                let value = match self.heap.value(item) {
                    Value::Int(v) => Some(*v),
                    Value::Bool(b) => Some(i64::from(*b)),
                    _ => None,
                };
                match value.and_then(|v| total.checked_add(v)) {
                    Some(next) => {
                        total = next;
                        items.done(self, item, acc);
                    }
                    None => {
                        pending = Some(item);
                        break;
                    }
                }
            }
            acc = self.int_object(total);
            owned = true;
            if let Some(item) = pending {
                let result = self.sum_step(acc, owned, item, start);
                items.done(self, item, result.as_ref().copied().unwrap_or(acc));
                acc = result?;
            }
        }
        if let Value::Float(first) = *self.heap.value(acc) {
            let (mut total, mut compensation) = (first, 0.0_f64);
            if owned {
                self.heap.discard(acc);
            }
            let mut leftover = None;
            while let Some(item) = items.next(self) {
                match *self.heap.value(item) {
                    Value::Float(x) => {
                        let t = total + x;
                        if total.abs() >= x.abs() {
                            compensation += (total - t) + x;
                        } else {
                            compensation += (x - t) + total;
                        }
                        total = t;
                    }
                    Value::Int(v) => total += v as f64,
                    Value::Bool(b) => total += f64::from(u8::from(b)),
                    _ => {
                        leftover = Some(item);
                        break;
                    }
                }
                items.done(self, item, start);
            }
            if compensation != 0.0 && compensation.is_finite() {
                total += compensation;
            }
            acc = self.heap.alloc(Value::Float(total));
            owned = true;
            if let Some(item) = leftover {
                let result = self.sum_step(acc, owned, item, start);
                items.done(self, item, result.as_ref().copied().unwrap_or(acc));
                acc = result?;
            }
        }
        while let Some(item) = items.next(self) {
            let result = self.sum_step(acc, owned || acc != start, item, start);
            items.done(self, item, result.as_ref().copied().unwrap_or(acc));
            acc = result?;
            owned = true;
        }
        Ok(acc)
    }

    /// `acc + item` for `sum()`, letting go of `acc` when it was a temporary.
    fn sum_step(&mut self, acc: ObjId, owned: bool, item: ObjId, start: ObjId) -> Flow<ObjId> {
        let result = self.binary_op(BinaryOp::Add, acc, item);
        if owned && acc != start && result.as_ref().map_or(true, |&next| next != acc) {
            self.heap.discard(acc);
        }
        result
    }
}

impl Vm {
    /// `list.sort()` / `sorted()`: CPython's `listsort` on `<` (exactly its
    /// comparisons, see `vm/timsort.rs`), with `reverse=` and `key=`. A Python key function (or `__lt__`) runs as
    /// frames; their results are recorded, so the instruction replays.
    pub(super) fn sort_list(&mut self, list: ObjId, keywords: &[(&str, ObjId)]) -> Flow {
        let mut reverse = false;
        let mut key = None;
        for &(name, value) in keywords {
            match name {
                "reverse" => reverse = self.truthy(value)?,
                "key" if value == self.singletons.none => {}
                "key" => key = Some(value),
                other => {
                    let hint = super::suggest::keyword_hint(["key", "reverse"], other);
                    return Err(PyException::type_error(format!(
                        "sort() got an unexpected keyword argument '{other}'{hint}"
                    )));
                }
            }
        }
        if key.is_none() && self.sort_ints_in_place(list, reverse) {
            return Ok(());
        }
        let items = match self.heap.value(list) {
            Value::List(l) => l.items.clone(),
            _ => return Ok(()),
        };
        // Keys are computed once per item, in order, as CPython does.
        let keys = match key {
            // A Python key function: one frame per item, its results
            // gathered by a drain (linear in the items).
            Some(function) if self.runs_python_function(function) => {
                self.drain_keys(function, list)?
            }
            Some(function) => {
                let mut keys = Vec::with_capacity(items.len());
                for &item in &items {
                    keys.push(self.call_python(function, &[item])?);
                }
                keys
            }
            None => items.clone(),
        };
        // A key function that changed what it sorts (a dict `sorted()`
        // copied, the list `sort()` sorts, grown): the replay read the
        // changed items, not those the keys were computed for.
        if keys.len() != items.len() {
            return Err(self.unsupported("a key function that changes what it sorts"));
        }
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            // Reversing before and after keeps equal items in their order.
            order.reverse();
        }
        let (mut order, error) = if let Some(ints) = self.int_keys(&keys) {
            // Ints are totally ordered and comparing them runs nothing, so
            // any stable sort gives listsort's very order.
            order.sort_by_key(|&i| ints[i]);
            (order, None)
        } else if order.len() >= 2 && self.in_calling() && self.comparisons_run_python(&keys) {
            // `__lt__` frames: one comparison per pull of a drain, the list
            // empty meanwhile (as `list_sort_impl` leaves it, at any size).
            self.drain_sort(list, &keys, order)?
        } else {
            self.sort_now(order, &keys)?
        };
        if reverse {
            order.reverse();
        }
        if let Value::List(l) = self.heap.value_mut(list) {
            l.items = order.into_iter().map(|i| items[i]).collect();
        }
        match error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// A list of ints sorted without a key function: what the general
    /// path below does for int keys (reversed, stably sorted, reversed
    /// back), with no copies of the items, keys and order. False, having
    /// done nothing, when an item is not an int.
    fn sort_ints_in_place(&mut self, list: ObjId, reverse: bool) -> bool {
        let Value::List(l) = self.heap.value(list) else {
            return false;
        };
        let mut pairs = Vec::with_capacity(l.items.len());
        for &item in &l.items {
            match self.heap.value(item) {
                Value::Int(value) => pairs.push((*value, item)),
                _ => return false,
            }
        }
        if reverse {
            pairs.reverse();
        }
        // Ints are totally ordered and comparing them runs nothing: any
        // stable sort gives listsort's very order.
        pairs.sort_by_key(|&(value, _)| value);
        if reverse {
            pairs.reverse();
        }
        if let Value::List(l) = self.heap.value_mut(list) {
            for (slot, (_, item)) in l.items.iter_mut().zip(pairs) {
                *slot = item;
            }
        }
        true
    }

    /// CPython's `listsort` of `order` by `keys` here and now (see
    /// `vm/timsort.rs`): the same `<` comparisons in the same order. An
    /// exception from one stops it: the order reached comes with it (the
    /// list keeps it, as CPython's does); a pending call is passed on.
    fn sort_now(
        &mut self,
        order: Vec<usize>,
        keys: &[ObjId],
    ) -> Flow<(Vec<usize>, Option<Box<PyException>>)> {
        let mut sort = TimSort::new(order);
        while let Some(Ask(x, y)) = sort.asked() {
            match self.less_than(keys[x], keys[y]) {
                Ok(less) => sort.advance(Some(less)),
                Err(error) if error.fatal => return Err(error),
                Err(error) => {
                    sort.abort();
                    return Ok((sort.into_order(), Some(error)));
                }
            }
        }
        Ok((sort.into_order(), None))
    }

    /// A sort drain begins: the list's items move out of it (their
    /// references the drain's now, no count changes), as `list_sort_impl`
    /// empties the list while it sorts; its allocation becomes a mark that
    /// any change to it replaces.
    pub(super) fn begin_sort_drain(&mut self, drain: &mut Drain) {
        let list = drain.iterable;
        let Some(state) = drain.sort.as_deref_mut() else {
            return;
        };
        if let Value::List(l) = self.heap.value_mut(list) {
            state.items = std::mem::take(&mut l.items);
            state.allocated = std::mem::replace(&mut l.allocated, SORTING);
        }
    }

    /// A sort drain ends: the list gets its items back (what was put in it
    /// meanwhile is let go, last first). The order reached, and whether the
    /// list was changed while it sorted.
    pub(super) fn end_sort_drain(&mut self, drain: &mut Drain) -> (Vec<usize>, bool) {
        let list = drain.iterable;
        let Some(state) = drain.sort.as_deref_mut() else {
            return (Vec::new(), false);
        };
        let items = std::mem::take(&mut state.items);
        let order = state.sort.order().to_vec();
        let (added, modified) = match self.heap.value_mut(list) {
            Value::List(l) => {
                let added = std::mem::replace(&mut l.items, items);
                let modified = !added.is_empty() || l.allocated != SORTING;
                l.allocated = state.allocated;
                (added, modified)
            }
            _ => (Vec::new(), false),
        };
        for (index, item) in added.into_iter().enumerate().rev() {
            self.drop_list_item(list, index, item);
        }
        (order, modified)
    }

    /// Whether comparing `keys` may run Python code: an instance among
    /// them, or in a tuple or list among them (compared item by item).
    fn comparisons_run_python(&self, keys: &[ObjId]) -> bool {
        keys.iter().any(|&key| self.has_instance(key))
    }

    /// The keys' values when every one is an int (`None` otherwise).
    fn int_keys(&self, keys: &[ObjId]) -> Option<Vec<i64>> {
        keys.iter()
            .map(|&key| match self.heap.value(key) {
                Value::Int(value) => Some(*value),
                _ => None,
            })
            .collect()
    }

    /// `a < b` as sorting asks it (`__lt__` of instances runs as a frame).
    pub(super) fn less_than(&mut self, a: ObjId, b: ObjId) -> Flow<bool> {
        // (A tuple or list holding instances compares them with theirs.)
        if self.has_instance(a) || self.has_instance(b) {
            return self.compare_bool(CompareOp::Lt, a, b);
        }
        self.compare(CompareOp::Lt, a, b)
    }

    /// `+`, `+=` and `*` with a list operand; `None` when not a list case.
    pub(super) fn list_binary_op(
        &mut self,
        op: BinaryOp,
        lhs: ObjId,
        rhs: ObjId,
    ) -> Flow<Option<ObjId>> {
        let left_list = matches!(self.heap.value(lhs), Value::List(_));
        let right_list = matches!(self.heap.value(rhs), Value::List(_));
        if !left_list && !right_list {
            return Ok(None);
        }
        match op {
            // `+=`: list.extend, the same object back.
            BinaryOp::InplaceAdd if left_list => {
                self.list_extend(lhs, rhs)?;
                Ok(Some(lhs))
            }
            BinaryOp::Add | BinaryOp::InplaceAdd if left_list && right_list => {
                let mut items = match self.heap.value(lhs) {
                    Value::List(l) => l.items.clone(),
                    _ => Vec::new(),
                };
                if let Value::List(r) = self.heap.value(rhs) {
                    items.extend(r.items.iter().copied());
                }
                Ok(Some(self.list_object(items, false)))
            }
            BinaryOp::Add | BinaryOp::InplaceAdd if left_list => {
                Err(PyException::type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.heap.value(rhs).type_name()
                )))
            }
            BinaryOp::Multiply | BinaryOp::InplaceMultiply => {
                let (list, count) = if left_list { (lhs, rhs) } else { (rhs, lhs) };
                let Some(n) = self.small_index(count) else {
                    if let Value::Float(_)
                    | Value::Complex(..)
                    | Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::None = self.heap.value(count)
                    {
                        // `sequence_repeat`: the count is no index.
                        return Err(PyException::type_error(format!(
                            "can't multiply sequence by non-int of type '{}'",
                            self.heap.value(count).type_name()
                        )));
                    }
                    return Ok(None);
                };
                let items = match self.heap.value(list) {
                    Value::List(l) => l.items.clone(),
                    _ => Vec::new(),
                };
                let n = n.max(0) as usize;
                if items.len().saturating_mul(n) > 50_000_000 {
                    return Err(PyException::new("MemoryError", ""));
                }
                let repeated: Vec<ObjId> = items
                    .iter()
                    .copied()
                    .cycle()
                    .take(items.len() * n)
                    .collect();
                if op == BinaryOp::InplaceMultiply && left_list {
                    let address = self.heap.get(list).address;
                    let old = match self.heap.value_mut(list) {
                        Value::List(l) => std::mem::take(&mut l.items),
                        _ => Vec::new(),
                    };
                    if let Value::List(l) = self.heap.value_mut(list) {
                        l.allocated = repeated.len();
                        l.items = repeated.clone();
                    }
                    for (index, &item) in repeated.iter().enumerate() {
                        self.heap.incref(item, item_referrer(address, index));
                    }
                    for (index, item) in old.into_iter().enumerate().rev() {
                        self.heap.decref(item, item_referrer(address, index));
                    }
                    return Ok(Some(list));
                }
                Ok(Some(self.list_object(repeated, false)))
            }
            _ => Ok(None),
        }
    }
}

/// The dict key of a float: an integral one is the int it equals.
pub(super) fn float_key(f: f64, key: ObjId) -> HashKey {
    if f.is_nan() {
        HashKey::Identity(key)
    } else if f.fract() == 0.0 && f.abs() < 9.2e18 {
        HashKey::Int(f as i64)
    } else if f.fract() == 0.0 && f.is_finite() {
        let big: Option<num_bigint::BigInt> = num_traits::FromPrimitive::from_f64(f);
        match big {
            Some(big) => HashKey::Big(Box::new(big)),
            None => HashKey::Float(f.to_bits()),
        }
    } else {
        HashKey::Float(f.to_bits())
    }
}

/// The items a consuming builtin (`sum`, `min`, `max`) reads one at a time:
/// borrowed from a container that already holds them, or made one by one by
/// a range and freed once used, as CPython's range iterator hands them out
/// (so `sum(range(10**8))` never holds more than one of them).
pub(super) enum ItemSource {
    Held(std::vec::IntoIter<ObjId>),
    Range {
        next: i64,
        step: i64,
        remaining: u64,
    },
}

impl ItemSource {
    /// The items of `iterable` when it is a range, else `None`.
    pub(super) fn range(vm: &Vm, iterable: ObjId) -> Option<ItemSource> {
        match *vm.heap.value(iterable) {
            Value::Range { start, stop, step } => Some(ItemSource::Range {
                next: start,
                step,
                remaining: super::heap::object::range_len(start, stop, step) as u64,
            }),
            _ => None,
        }
    }

    /// The next item, made now for a range.
    pub(super) fn next(&mut self, vm: &mut Vm) -> Option<ObjId> {
        match self {
            ItemSource::Held(items) => items.next(),
            ItemSource::Range {
                next,
                step,
                remaining,
            } => {
                if *remaining == 0 {
                    return None;
                }
                *remaining -= 1;
                let value = *next;
                *next = next.wrapping_add(*step);
                Some(vm.int_object(value))
            }
        }
    }

    /// The caller is done with `item` (unless it became `kept`): a range's
    /// item is freed, as `Py_DECREF(item)` does after each step.
    pub(super) fn done(&self, vm: &mut Vm, item: ObjId, kept: ObjId) {
        if matches!(self, ItemSource::Range { .. }) && item != kept {
            vm.heap.discard(item);
        }
    }
}
