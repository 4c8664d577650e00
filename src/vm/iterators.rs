//! `enumerate`, `zip` and `reversed`: lazy iterators over other iterators,
//! as CPython's (each holds what it walks; nothing is computed ahead).

use super::exceptions::PyException;
use super::heap::{ObjId, Referrer, Value};
use super::types::TypeKind;
use super::{Flow, Vm};

impl Vm {
    /// A new iterator object holding `inner` (an iterator, maybe fresh).
    fn wrap(&mut self, value: Value, inner: &[ObjId]) -> ObjId {
        let wrapper = self.heap.alloc(value);
        let address = self.heap.get(wrapper).address;
        for &it in inner {
            self.heap
                .incref(it, Referrer::Iterator { iterator: address });
        }
        wrapper
    }

    /// `enumerate(iterable, start=0)`.
    pub(super) fn enumerate(&mut self, iterable: ObjId, start: Option<ObjId>) -> Flow<ObjId> {
        let count = match start {
            Some(start) => self.small_index(start).ok_or_else(|| {
                PyException::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.heap.value(start).type_name()
                ))
            })?,
            None => 0,
        };
        let iter = self.iterator(iterable)?;
        Ok(self.wrap(Value::Enumerate { iter, count }, &[iter]))
    }

    /// `zip(*iterables)`.
    pub(super) fn zip(&mut self, iterables: &[ObjId], strict: bool) -> Flow<ObjId> {
        let mut iters = Vec::with_capacity(iterables.len());
        for &iterable in iterables {
            match self.iterator(iterable) {
                Ok(it) => iters.push(it),
                Err(error) => {
                    for it in iters {
                        self.heap.discard(it);
                    }
                    return Err(error);
                }
            }
        }
        Ok(self.wrap(
            Value::Zip {
                iters: iters.clone().into(),
                strict,
            },
            &iters,
        ))
    }

    /// `zip(strict=True)` or `map(strict=True)` once iterator `exhausted` ended (`zip_next`'s
    /// check): the ones before it were longer; when it is the first, every
    /// other must end now too.
    fn check_lengths(&mut self, function: &str, iters: &[ObjId], exhausted: usize) -> Flow {
        if exhausted > 0 {
            return Err(length_mismatch(function, exhausted, "shorter"));
        }
        for (index, &it) in iters.iter().enumerate().skip(1) {
            if let Some(item) = self.next_logged(it)? {
                self.heap.discard(item);
                return Err(length_mismatch(function, index, "longer"));
            }
        }
        Ok(())
    }

    /// `reversed(seq)` for lists, tuples and strs.
    pub(super) fn reversed(&mut self, seq: ObjId) -> Flow<ObjId> {
        if let Value::Range { start, stop, step } = *self.heap.value(seq) {
            // `range_reverse`: a range iterator from the last value down,
            // holding nothing.
            let len = super::heap::object::range_len(start, stop, step);
            let last = i128::from(start) + (i128::from(len) - 1) * i128::from(step);
            return match (i64::try_from(last), step.checked_neg()) {
                (Ok(next), Some(step)) => Ok(self.heap.alloc(Value::RangeIterator {
                    next: if len > 0 { next } else { start },
                    step,
                    remaining: len,
                })),
                _ => Err(self.unsupported("reversed() of a range past 64-bit bounds")),
            };
        }
        if let Some(kind) = dict_reverse_kind(self.heap.value(seq)) {
            return Ok(self.dict_reverse_iterator(kind, seq));
        }
        let (kind, len) = match self.heap.value(seq) {
            Value::List(list) => (TypeKind::ListReverseIterator, list.items.len()),
            Value::Tuple(items) => (TypeKind::Reversed, items.len()),
            Value::Str(text) => (TypeKind::Reversed, text.chars().count()),
            Value::Bytes(data) => (TypeKind::Reversed, data.len()),
            Value::ByteArray(array) => (TypeKind::Reversed, array.data.len()),
            other => {
                return Err(PyException::type_error(format!(
                    "'{}' object is not reversible",
                    other.type_name()
                )));
            }
        };
        Ok(self.wrap(
            Value::Reversed {
                kind,
                seq: Some(seq),
                remaining: len,
            },
            &[seq],
        ))
    }

    /// `dictiter_new` with a reverse type: over the dict of `source` (a
    /// dict, a view, a mappingproxy), from its last entry position down
    /// (`di_pos = dk_nentries - 1`, kept here plus one).
    fn dict_reverse_iterator(&mut self, kind: TypeKind, source: ObjId) -> ObjId {
        let dict = match self.heap.value(source) {
            Value::DictView { dict, .. } => *dict,
            _ => source,
        };
        let (used, end) = match self.heap.value(dict) {
            Value::Dict(d) => (d.len().min(u32::MAX as usize - 1) as u32, d.nentries()),
            _ => (0, 0),
        };
        let iterator = self.heap.alloc(Value::SeqIterator {
            kind,
            seq: Some(dict),
            index: end,
            used,
            left: used,
        });
        let address = self.heap.get(iterator).address;
        self.heap
            .incref(dict, Referrer::Iterator { iterator: address });
        iterator
    }

    /// `it.__length_hint__()` of a built-in iterator: what is left, as
    /// each type's `*_len` counts it (0 once exhausted, and for a dict or
    /// set iterator once its container changed size).
    pub(super) fn iterator_length_hint(&mut self, iterator: ObjId) -> Flow<ObjId> {
        match self.builtin_iterator_left(iterator) {
            Some(left) => Ok(self.int_object(left as i64)),
            None => Err(self.unsupported("__length_hint__ of this iterator")),
        }
    }

    /// What a built-in iterator has left, when it says (`__length_hint__`).
    pub(super) fn builtin_iterator_left(&self, iterator: ObjId) -> Option<usize> {
        let heap = &self.heap;
        let left = match *heap.value(iterator) {
            Value::RangeIterator { remaining, .. } => remaining.max(0) as usize,
            Value::SeqIterator { seq: None, .. } => 0,
            Value::SeqIterator {
                kind,
                seq: Some(seq),
                index,
                used,
                left,
            } if kind != TypeKind::SeqIter => match heap.value(seq) {
                Value::Dict(d) if d.len() == used as usize => left as usize,
                Value::Set(set) if set.len() == used as usize => left as usize,
                Value::Dict(_) | Value::Set(_) => 0,
                Value::List(list) => list.items.len().saturating_sub(index),
                Value::Tuple(items) => items.len().saturating_sub(index),
                Value::Bytes(data) => data.len().saturating_sub(index),
                Value::ByteArray(array) => array.data.len().saturating_sub(index),
                // (A non-ASCII str's iterator keeps a byte offset.)
                Value::Str(text) if kind == TypeKind::StrAsciiIterator => {
                    text.len().saturating_sub(index)
                }
                Value::Str(text) => text.get(index..).map_or(0, |rest| rest.chars().count()),
                _ => return None,
            },
            Value::Reversed {
                seq: Some(seq),
                remaining,
                ..
            } => {
                let size = match heap.value(seq) {
                    Value::List(list) => list.items.len(),
                    Value::Tuple(items) => items.len(),
                    Value::Str(text) => text.chars().count(),
                    Value::Bytes(data) => data.len(),
                    Value::ByteArray(array) => array.data.len(),
                    _ => return None,
                };
                if size < remaining { 0 } else { remaining }
            }
            // (An exhausted one, over an instance too.)
            Value::Reversed { seq: None, .. } => 0,
            _ => return None,
        };
        Some(left)
    }

    /// `reversed(obj)` of an instance with `__len__` and `__getitem__`.
    pub(super) fn reversed_sequence(&mut self, seq: ObjId, len: usize) -> ObjId {
        self.wrap(
            Value::Reversed {
                kind: TypeKind::Reversed,
                seq: Some(seq),
                remaining: len,
            },
            &[seq],
        )
    }

    /// The next item of a `reversed` over an instance (`reversed_next`):
    /// `seq[index]` counting down; an `IndexError` or `StopIteration`
    /// ends it, and it lets go of the sequence. The count moves only
    /// once the call's result is known (it may be a pending call).
    fn reversed_instance_next(
        &mut self,
        iterator: ObjId,
        seq: ObjId,
        remaining: usize,
    ) -> Flow<Option<ObjId>> {
        let address = self.heap.get(iterator).address;
        let finish = |vm: &mut Vm| {
            if let Value::Reversed { seq, remaining, .. } = vm.heap.value_mut(iterator) {
                *seq = None;
                *remaining = usize::MAX; // (marks an exhausted one over an instance: see `runs_python`)
            }
        };
        if remaining == 0 {
            finish(self);
            self.heap
                .decref(seq, Referrer::Iterator { iterator: address });
            return Ok(None);
        }
        let index = self.int_object(remaining as i64 - 1);
        let result = match self.special_method(seq, "__getitem__") {
            Some(method) => self.try_call_python(method, &[seq, index]),
            None => Err(PyException::type_error(format!(
                "'{}' object is not subscriptable",
                self.heap.value(seq).type_name()
            ))),
        };
        self.heap.discard(index);
        match result? {
            Ok(item) => {
                if let Value::Reversed { remaining, .. } = self.heap.value_mut(iterator) {
                    *remaining -= 1;
                }
                Ok(Some(item))
            }
            Err(exc)
                if matches!(
                    self.heap.value(exc).type_name(),
                    "IndexError" | "StopIteration"
                ) =>
            {
                finish(self);
                self.heap
                    .decref(seq, Referrer::Iterator { iterator: address });
                Ok(None)
            }
            Err(exc) => {
                self.heap.incref(exc, self.raised_referrer());
                Err(PyException::object(exc, true))
            }
        }
    }

    /// The next item of an enumerate, zip or reversed object: `None` when
    /// `iterator` is none of these, `Some(None)` when it is exhausted.
    pub(super) fn next_wrapped(&mut self, iterator: ObjId) -> Flow<Option<Option<ObjId>>> {
        match self.heap.value(iterator) {
            Value::Enumerate { iter, count } => {
                let (iter, count) = (*iter, *count);
                let Some(item) = self.next_logged(iter)? else {
                    return Ok(Some(None));
                };
                if let Value::Enumerate { count, .. } = self.heap.value_mut(iterator) {
                    *count += 1;
                }
                let index = self.int_object(count);
                Ok(Some(Some(self.tuple_object(vec![index, item], false))))
            }
            Value::Zip { iters, strict } => {
                let (iters, strict) = (iters.to_vec(), *strict);
                let mut items = Vec::with_capacity(iters.len());
                for (index, &it) in iters.iter().enumerate() {
                    match self.next_logged(it)? {
                        Some(item) => items.push(item),
                        None => {
                            for item in items {
                                self.heap.discard(item);
                            }
                            if strict {
                                self.check_lengths("zip", &iters, index)?;
                            }
                            return Ok(Some(None));
                        }
                    }
                }
                if items.is_empty() {
                    return Ok(Some(None));
                }
                Ok(Some(Some(self.tuple_object(items, false))))
            }
            Value::Reversed { seq, remaining, .. } => {
                let (Some(seq), remaining) = (*seq, *remaining) else {
                    return Ok(Some(None));
                };
                if let Value::Instance { .. } = self.heap.value(seq) {
                    return self
                        .reversed_instance_next(iterator, seq, remaining)
                        .map(Some);
                }
                let address = self.heap.get(iterator).address;
                let len = match self.heap.value(seq) {
                    Value::List(list) => list.items.len(),
                    Value::ByteArray(array) => array.data.len(),
                    _ => remaining,
                };
                if remaining == 0 || remaining > len {
                    if let Value::Reversed { seq, .. } = self.heap.value_mut(iterator) {
                        *seq = None;
                    }
                    self.heap
                        .decref(seq, Referrer::Iterator { iterator: address });
                    return Ok(Some(None));
                }
                let index = remaining - 1;
                if let Value::Reversed { remaining, .. } = self.heap.value_mut(iterator) {
                    *remaining = index;
                }
                let item = match self.heap.value(seq) {
                    Value::List(list) => list.items[index],
                    Value::Tuple(items) => items[index],
                    Value::Str(text) => {
                        let c: String = text.chars().nth(index).into_iter().collect();
                        self.str_object(&c)
                    }
                    Value::Bytes(_) | Value::ByteArray(_) => {
                        match self.bytes_iter_item(seq, index) {
                            Some(item) => item,
                            None => return Ok(Some(None)),
                        }
                    }
                    _ => return Ok(Some(None)),
                };
                Ok(Some(Some(item)))
            }
            Value::Map {
                func,
                iters,
                strict,
            } => {
                let (func, iters, strict) = (*func, *iters, *strict);
                self.map_next(func, iters, strict).map(Some)
            }
            Value::Filter { func, iter } => {
                let (func, iter) = (*func, *iter);
                self.filter_next(iterator, func, iter).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// `map(func, *iterables)` (`map_vectorcall`): the tuple of iterators
    /// first, then the map object.
    pub(super) fn map(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        self.map_strict(args, false)
    }

    /// `map(func, *iterables, strict=...)`.
    pub(super) fn map_strict(&mut self, args: &[ObjId], strict: bool) -> Flow<ObjId> {
        let Some((&func, iterables)) = args.split_first().filter(|(_, rest)| !rest.is_empty())
        else {
            return Err(PyException::type_error(
                "map() must have at least two arguments.",
            ));
        };
        let iters = self.iterators_of(iterables)?;
        let tuple = self.tuple_object(iters, false);
        let map = self.heap.alloc(Value::Map {
            func,
            iters: tuple,
            strict,
        });
        let address = self.heap.get(map).address;
        self.heap.incref(
            func,
            Referrer::Attribute {
                owner: address,
                name: "func",
            },
        );
        self.heap.incref(
            tuple,
            Referrer::Attribute {
                owner: address,
                name: "iters",
            },
        );
        Ok(map)
    }

    /// `filter(function or None, iterable)`.
    pub(super) fn filter(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        let &[func, iterable] = args else {
            return Err(PyException::type_error(format!(
                "filter expected 2 arguments, got {}",
                args.len()
            )));
        };
        let iter = self.iterator(iterable)?;
        let filter = self.heap.alloc(Value::Filter { func, iter });
        let address = self.heap.get(filter).address;
        self.heap.incref(
            func,
            Referrer::Attribute {
                owner: address,
                name: "func",
            },
        );
        self.heap
            .incref(iter, Referrer::Iterator { iterator: address });
        Ok(filter)
    }

    /// `iter()` of each iterable, in order (the ones made so far are freed
    /// when one is not iterable).
    fn iterators_of(&mut self, iterables: &[ObjId]) -> Flow<Vec<ObjId>> {
        let mut iters = Vec::with_capacity(iterables.len());
        for &iterable in iterables {
            match self.iterator(iterable) {
                Ok(it) => iters.push(it),
                Err(error) => {
                    for it in iters.into_iter().rev() {
                        self.heap.discard(it);
                    }
                    return Err(error);
                }
            }
        }
        Ok(iters)
    }

    /// `map_next`: one item of each iterator, then `func(*items)`; the
    /// shortest iterator ends it. A `StopIteration` out of `func` ends it
    /// too, as it does for every consumer of `tp_iternext`.
    fn map_next(&mut self, func: ObjId, iters: ObjId, strict: bool) -> Flow<Option<ObjId>> {
        if let Value::Tuple(items) = self.heap.value(iters)
            && let &[it] = &**items
        {
            // One iterable (the common case): no vectors made.
            let Some(item) = self.next_logged(it)? else {
                return Ok(None);
            };
            let result = self.try_call_python(func, &[item]);
            self.heap.discard(item);
            return self.iteration_result(result?);
        }
        let iters = match self.heap.value(iters) {
            Value::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        };
        let mut args = Vec::with_capacity(iters.len());
        for (index, &it) in iters.iter().enumerate() {
            match self.next_logged(it) {
                Ok(Some(item)) => args.push(item),
                Ok(None) => {
                    self.discard_all(args);
                    if strict {
                        self.check_lengths("map", &iters, index)?;
                    }
                    return Ok(None);
                }
                Err(error) => {
                    self.discard_all(args);
                    return Err(error);
                }
            }
        }
        let result = self.try_call_python(func, &args);
        self.discard_all(args);
        self.iteration_result(result?)
    }

    /// `filter_next`: the next item for which `func(item)` (or the item
    /// itself when `func` is None or `bool`) is true.
    fn filter_next(&mut self, filter: ObjId, func: ObjId, iter: ObjId) -> Flow<Option<ObjId>> {
        let check_true = func == self.singletons.none
            || matches!(self.heap.value(func), Value::Type(TypeKind::Bool));
        loop {
            let Some(item) = self.next_logged(iter)? else {
                return Ok(None);
            };
            let verdict = if check_true {
                item
            } else {
                let result = self.try_call_python(func, &[item]);
                let result = match result {
                    Ok(result) => result,
                    Err(error) => {
                        self.heap.discard(item);
                        return Err(error);
                    }
                };
                match self.iteration_result(result) {
                    Ok(Some(verdict)) => verdict,
                    Ok(None) => {
                        self.heap.discard(item);
                        return Ok(None);
                    }
                    Err(error) => {
                        self.heap.discard(item);
                        return Err(error);
                    }
                }
            };
            match self.truthy(verdict) {
                Ok(true) => return Ok(Some(item)),
                Ok(false) if self.pulls_from(filter) => {
                    // A drain's own filter: the rejected item is gone for
                    // good, so its pull ends and the next starts afresh
                    // (a long run of rejected items stays linear).
                    self.heap.discard(item);
                    return Err(super::special::again_error());
                }
                Ok(false) => self.heap.discard(item),
                Err(error) => {
                    self.heap.discard(item);
                    return Err(error);
                }
            }
        }
    }

    /// `FOR_ITER` over a filter: a rejected item ends the attempt and the
    /// next starts with a fresh record of calls, so a long run of rejected
    /// items (each a call of a Python predicate, replaying the
    /// instruction) stays linear.
    #[cold]
    #[inline(never)]
    pub(super) fn for_iter_filter(&mut self, filter: ObjId, target: u32) -> Flow {
        loop {
            self.set_pulling(Some(filter));
            let result = self.calling(|vm| match vm.next_item(filter)? {
                Some(item) => vm.push(item),
                None => vm.jump(target, 1),
            });
            self.set_pulling(None);
            match result {
                Err(error) if Vm::is_again(&error) => super::special::recycle_signal(error),
                other => return other,
            }
        }
    }

    /// A call's result inside `tp_iternext`: its value, `None` for a
    /// `StopIteration`, or its exception raised.
    fn iteration_result(&mut self, result: Result<ObjId, ObjId>) -> Flow<Option<ObjId>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(exc) if self.is_exception_kind(exc, "StopIteration") => Ok(None),
            Err(exc) => {
                self.heap.incref(exc, self.raised_referrer());
                Err(PyException::object(exc, true))
            }
        }
    }

    pub(super) fn discard_all(&mut self, items: Vec<ObjId>) {
        for item in items.into_iter().rev() {
            self.heap.discard(item);
        }
    }
}

impl Vm {
    /// `dict(mapping)` or `dict(iterable of pairs)` (`dict_merge_from_seq2`);
    /// each step of the iterable is logged, so a key's `__hash__` or
    /// `__eq__` running as a frame replays the call without advancing it twice.
    pub(super) fn dict_from(&mut self, source: ObjId) -> Flow<ObjId> {
        let source = self.proxied_dict(source);
        if let Some(keys) = self.mapping_keys_method(source) {
            let dict = self
                .heap
                .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
            return match self.merge_mapping(dict, source, keys, None) {
                Ok(_) => Ok(dict),
                Err(error) => {
                    self.heap.discard(dict);
                    Err(error)
                }
            };
        }
        if self.runs_python(source) {
            let consumer = super::frame::Consumer::Dict { dict: None };
            return self.drain(source, consumer);
        }
        let dict = self
            .heap
            .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
        let pairs: Vec<(ObjId, ObjId)> = match self.heap.value(source) {
            Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        if matches!(self.heap.value(source), Value::Dict(_)) {
            for (key, value) in pairs {
                if let Err(error) = self.dict_set(dict, key, value) {
                    self.heap.discard(dict);
                    return Err(error);
                }
            }
            return Ok(dict);
        }
        let result = self.fill_dict_from_pairs(dict, source);
        match result {
            Ok(()) => Ok(dict),
            Err(error) => {
                self.heap.discard(dict);
                Err(error)
            }
        }
    }

    /// `d.update(other, **kwargs)` (`dict_update_arg`): a dict's entries,
    /// or pairs from an iterable (drained when they come from Python
    /// code), then the keywords.
    pub(super) fn dict_update(
        &mut self,
        dict: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        if args.len() > 1 {
            return Err(PyException::type_error(format!(
                "update expected at most 1 argument, got {}",
                args.len()
            )));
        }
        if let Some(&other) = args.first() {
            let other = self.proxied_dict(other);
            if let Value::Dict(d) = self.heap.value(other) {
                let pairs: Vec<(ObjId, ObjId)> = d.entries().map(|e| (e.key, e.value)).collect();
                for (key, value) in pairs {
                    self.dict_set(dict, key, value)?;
                }
            } else if let Some(keys) = self.mapping_keys_method(other) {
                self.merge_mapping(dict, other, keys, None)?;
            } else if self.runs_python(other) {
                let consumer = super::frame::Consumer::Dict { dict: Some(dict) };
                self.drain(other, consumer)?;
            } else {
                self.fill_dict_from_pairs(dict, other)?;
            }
        }
        for &(name, value) in keywords {
            let key = self.identifier(name);
            self.dict_set(dict, key, value)?;
        }
        Ok(self.singletons.none)
    }

    /// The `keys` method of an instance that is a mapping but not a dict
    /// (`dict_update_arg` looks for `keys` before taking pairs).
    pub(super) fn mapping_keys_method(&self, obj: ObjId) -> Option<ObjId> {
        if !self.is_instance_obj(obj) {
            return None;
        }
        self.special_method(obj, "keys")
    }

    /// `dict_merge`'s generic path for a mapping that is not a dict:
    /// `mapping.keys()` made a list (`PyMapping_Keys`), then
    /// `dict[key] = mapping[key]` key by key. With `unique_in`
    /// (`DICT_MERGE`'s call dict), a key already there or in `dict` stops
    /// it before its item is taken: `Some(str(key))`. Each Python call is a
    /// frame; a replay sets the keys before it again, to the same values.
    pub(super) fn merge_mapping(
        &mut self,
        dict: ObjId,
        mapping: ObjId,
        keys: ObjId,
        unique_in: Option<ObjId>,
    ) -> Flow<Option<String>> {
        let returned = self.call_python(keys, &[mapping])?;
        let (keys, temp) = if matches!(self.heap.value(returned), Value::List(_)) {
            (self.collect_items(returned)?, None)
        } else {
            let spec = self.heap.value(returned).spec();
            let iterable = if self.is_instance_obj(returned) {
                self.special_method(returned, "__iter__").is_some()
                    || self.special_method(returned, "__getitem__").is_some()
            } else {
                spec.iterator || spec.slots.vm.iter.is_some()
            };
            if !iterable {
                return Err(PyException::type_error(format!(
                    "{}.keys() returned a non-iterable (type {})",
                    self.instance_type_name(mapping),
                    self.heap.value(returned).type_name()
                )));
            }
            self.items_of(returned)?
        };
        let mut result = Ok(None);
        for key in keys {
            if let Some(target) = unique_in
                && (self.container_has(target, key) || self.container_has(dict, key))
            {
                result = Ok(Some(self.heap.str(key)));
                break;
            }
            let value = match self.getitem_of(mapping, key) {
                Ok(value) => value,
                Err(error) => {
                    result = Err(error);
                    break;
                }
            };
            if let Err(error) = self.dict_set(dict, key, value) {
                result = Err(error);
                break;
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        result
    }

    fn fill_dict_from_pairs(&mut self, dict: ObjId, source: ObjId) -> Flow {
        let iterator = self.iterator(source)?;
        let holder = self.raised_referrer();
        self.heap.incref(iterator, holder);
        let result = self.fill_dict_from_iterator(dict, iterator);
        self.heap.decref(iterator, holder);
        result
    }

    fn fill_dict_from_iterator(&mut self, dict: ObjId, iterator: ObjId) -> Flow {
        let mut index = 0;
        while let Some(item) = self.next_logged(iterator)? {
            let result = self.dict_pair_item(dict, item, index);
            self.heap.discard(item);
            result?;
            index += 1;
        }
        Ok(())
    }

    /// One element of `dict(pairs)` (`dict_merge_from_seq2`): a sequence
    /// of two, its key set to its value.
    pub(super) fn dict_pair_item(&mut self, dict: ObjId, item: ObjId, index: usize) -> Flow {
        let pair: Option<Vec<ObjId>> = match self.heap.value(item) {
            Value::Tuple(items) => Some(items.to_vec()),
            Value::List(list) => Some(list.items.clone()),
            Value::Str(text) => {
                let chars: Vec<char> = text.chars().take(3).collect();
                Some(
                    chars
                        .into_iter()
                        .map(|c| self.str_object(&c.to_string()))
                        .collect(),
                )
            }
            _ => None,
        };
        let Some(pair) = pair else {
            // `dict_merge_from_seq2` in 3.14: `PySequence_Fast`'s message.
            return Err(PyException::type_error("object is not iterable"));
        };
        if pair.len() != 2 {
            for part in pair {
                self.heap.discard(part);
            }
            return Err(PyException::new(
                "ValueError",
                format!(
                    "dictionary update sequence element #{index} has length {}; 2 is required",
                    pair_len_of(self, item)
                ),
            ));
        }
        let set = self.dict_set(dict, pair[0], pair[1]);
        for part in pair {
            self.heap.discard(part);
        }
        set
    }
}

/// The length a `dict()` element reports in its error.
fn pair_len_of(vm: &Vm, item: ObjId) -> usize {
    match vm.heap.value(item) {
        Value::Tuple(items) => items.len(),
        Value::List(list) => list.items.len(),
        Value::Str(text) => text.chars().count(),
        _ => 0,
    }
}

/// `zip(strict=True)`'s error: argument `index` (counted from 0) is
/// `shorter` or `longer` than the ones before it.
pub(super) fn zip_length_mismatch(index: usize, which: &str) -> Box<PyException> {
    length_mismatch("zip", index, which)
}

/// `zip(strict=True)`'s and `map(strict=True)`'s complaint.
fn length_mismatch(function: &str, index: usize, which: &str) -> Box<PyException> {
    let plural = if index == 1 { " " } else { "s 1-" };
    PyException::new(
        "ValueError",
        format!(
            "{function}() argument {} is {which} than argument{plural}{index}",
            index + 1
        ),
    )
}

/// The reverse dict iterator `reversed()` makes of a dict or one of its
/// views (`dict___reversed__`, `dictkeys_reversed`…; a mappingproxy's is
/// its dict's).
fn dict_reverse_kind(value: &Value) -> Option<TypeKind> {
    match value {
        Value::Dict(_) => Some(TypeKind::DictReverseKeyIterator),
        Value::DictView { kind, .. } => Some(match kind {
            TypeKind::DictValues => TypeKind::DictReverseValueIterator,
            TypeKind::DictItems => TypeKind::DictReverseItemIterator,
            _ => TypeKind::DictReverseKeyIterator,
        }),
        _ => None,
    }
}
