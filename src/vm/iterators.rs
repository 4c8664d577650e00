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
    pub(super) fn zip(&mut self, iterables: &[ObjId]) -> Flow<ObjId> {
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
            },
            &iters,
        ))
    }

    /// `reversed(seq)` for lists, tuples and strs.
    pub(super) fn reversed(&mut self, seq: ObjId) -> Flow<ObjId> {
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

    /// The next item of an enumerate, zip or reversed object: `None` when
    /// `iterator` is none of these, `Some(None)` when it is exhausted.
    pub(super) fn next_wrapped(&mut self, iterator: ObjId) -> Flow<Option<Option<ObjId>>> {
        match self.heap.value(iterator) {
            Value::Enumerate { iter, count } => {
                let (iter, count) = (*iter, *count);
                let Some(item) = self.next_item(iter)? else {
                    return Ok(Some(None));
                };
                if let Value::Enumerate { count, .. } = self.heap.value_mut(iterator) {
                    *count += 1;
                }
                let index = self.int_object(count);
                Ok(Some(Some(self.tuple_object(vec![index, item], false))))
            }
            Value::Zip { iters } => {
                let iters = iters.to_vec();
                let mut items = Vec::with_capacity(iters.len());
                for it in iters {
                    match self.next_item(it)? {
                        Some(item) => items.push(item),
                        None => {
                            for item in items {
                                self.heap.discard(item);
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
            _ => Ok(None),
        }
    }
}
