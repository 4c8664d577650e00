//! Slices: `slice` objects, `BUILD_SLICE`, `BINARY_SLICE`, `STORE_SLICE`,
//! and slicing of lists, tuples and strings, with the index arithmetic of
//! `PySlice_Unpack`/`PySlice_AdjustIndices` and `list_ass_slice`'s resizing.

use num_traits::{Signed, ToPrimitive};

use super::exceptions::PyException;
use super::heap::{ObjId, Referrer, Value};
use super::{Flow, Vm};

fn item_referrer(container: u64, index: usize) -> Referrer {
    Referrer::Item {
        container,
        type_name: "list",
        index: index as u32,
    }
}

/// A slice resolved against a length: start, step and how many items.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub start: i64,
    pub step: i64,
    pub len: usize,
}

impl Span {
    pub fn indexes(self) -> impl Iterator<Item = usize> {
        (0..self.len as i64).map(move |k| (self.start + k * self.step) as usize)
    }
}

impl Vm {
    /// A new `slice` object holding its three bounds.
    pub(super) fn slice_object(&mut self, start: ObjId, stop: ObjId, step: ObjId) -> ObjId {
        let slice = self.heap.alloc(Value::Slice { start, stop, step });
        let address = self.heap.get(slice).address;
        for (obj, name) in [(start, "start"), (stop, "stop"), (step, "step")] {
            self.heap.incref(
                obj,
                Referrer::Attribute {
                    owner: address,
                    name,
                },
            );
        }
        slice
    }

    /// A bound as `_PyEval_SliceIndex` reads it: None, or an int clamped to i64.
    fn slice_bound(&self, obj: ObjId) -> Flow<Option<i64>> {
        match self.heap.value(obj) {
            Value::None => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(v) => Ok(Some(v.to_i64().unwrap_or(if v.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }))),
            _ => Err(PyException::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    /// `PySlice_Unpack` + `PySlice_AdjustIndices` for a sequence of `length`.
    pub(super) fn span(&self, slice: ObjId, length: usize) -> Flow<Span> {
        self.span_with_stop(slice, length).map(|(span, _)| span)
    }

    /// [`Vm::span`] and the adjusted stop (a range's slice keeps it).
    pub(super) fn span_with_stop(&self, slice: ObjId, length: usize) -> Flow<(Span, i64)> {
        let Value::Slice { start, stop, step } = *self.heap.value(slice) else {
            return Err(PyException::new("SystemError", "not a slice"));
        };
        let step = match self.slice_bound(step)? {
            None => 1,
            Some(0) => return Err(PyException::new("ValueError", "slice step cannot be zero")),
            Some(s) => s.max(-i64::MAX),
        };
        let length = length as i64;
        let (lower, upper) = if step < 0 {
            (-1, length - 1)
        } else {
            (0, length)
        };
        let adjust = |bound: Option<i64>, default: i64| -> i64 {
            match bound {
                None => default,
                Some(v) if v < 0 => (v.saturating_add(length)).max(lower),
                Some(v) => v.min(upper),
            }
        };
        let start = adjust(
            self.slice_bound(start)?,
            if step < 0 { upper } else { lower },
        );
        let stop = adjust(
            self.slice_bound(stop)?,
            if step < 0 { lower } else { upper },
        );
        let len = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((
            Span {
                start,
                step,
                len: len as usize,
            },
            stop,
        ))
    }

    /// `container[slice]`.
    pub(super) fn slice_of(&mut self, container: ObjId, slice: ObjId) -> Flow<ObjId> {
        match self.heap.value(container) {
            Value::List(list) => {
                let items = list.items.clone();
                let span = self.span(slice, items.len())?;
                let picked: Vec<ObjId> = span.indexes().map(|i| items[i]).collect();
                Ok(self.list_object(picked, false))
            }
            Value::Tuple(items) => {
                let items = items.clone();
                let span = self.span(slice, items.len())?;
                if span.step == 1 && span.len == items.len() {
                    return Ok(container);
                }
                let picked: Vec<ObjId> = span.indexes().map(|i| items[i]).collect();
                Ok(self.tuple_object(picked, false))
            }
            Value::Str(text) => {
                let text = text.clone();
                let chars: Vec<char> = text.chars().collect();
                let span = self.span(slice, chars.len())?;
                if span.step == 1 && span.len == chars.len() {
                    return Ok(container);
                }
                let picked: String = span.indexes().map(|i| chars[i]).collect();
                Ok(self.str_object(&picked))
            }
            Value::Bytes(_) | Value::ByteArray(_) => match self.bytes_getitem(container, slice)? {
                Some(result) => Ok(result),
                None => Err(PyException::new("SystemError", "bytes slice")),
            },
            other => Err(PyException::type_error(format!(
                "'{}' object is not subscriptable",
                other.type_name()
            ))),
        }
    }

    /// `list[slice] = iterable` (`list_ass_slice` / `list_ass_subscript`).
    pub(super) fn list_store_slice(&mut self, list: ObjId, slice: ObjId, value: ObjId) -> Flow {
        let length = match self.heap.value(list) {
            Value::List(l) => l.items.len(),
            _ => return Err(PyException::new("SystemError", "not a list")),
        };
        let span = self.span(slice, length)?;
        let new_items: Vec<ObjId> = match self.heap.value(value) {
            Value::List(l) => l.items.clone(),
            Value::Tuple(items) => items.to_vec(),
            _ => {
                let (items, temp) = self.items_of(value).map_err(|error| {
                    // (A pending call or a drain goes on as it is.)
                    if Vm::is_pending(&error) {
                        error
                    } else {
                        PyException::type_error("must assign iterable to extended slice")
                    }
                })?;
                if let Some(temp) = temp {
                    // Held for the assignment below, then dropped.
                    let holder = self.raised_referrer();
                    self.heap.incref(temp, holder);
                    let result = self.assign_span(list, span, &items);
                    self.heap.decref(temp, holder);
                    return result;
                }
                items
            }
        };
        self.assign_span(list, span, &new_items)
    }

    fn assign_span(&mut self, list: ObjId, span: Span, new_items: &[ObjId]) -> Flow {
        let address = self.heap.get(list).address;
        if span.step != 1 {
            if new_items.len() != span.len {
                return Err(PyException::new(
                    "ValueError",
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        span.len
                    ),
                ));
            }
            let mut old = Vec::with_capacity(span.len);
            for (k, i) in span.indexes().enumerate() {
                let previous = match self.heap.value_mut(list) {
                    Value::List(l) => std::mem::replace(&mut l.items[i], new_items[k]),
                    _ => continue,
                };
                self.heap.incref(new_items[k], item_referrer(address, i));
                old.push((i, previous));
            }
            for (i, previous) in old {
                self.heap.decref(previous, item_referrer(address, i));
            }
            return Ok(());
        }
        let low = span.start.max(0) as usize;
        let high = low + span.len;
        let removed: Vec<ObjId> = match self.heap.value_mut(list) {
            Value::List(l) => {
                let size = l.items.len();
                let new_size = size - span.len + new_items.len();
                // `list_resize` runs while the list still has its old size.
                if new_size == 0 {
                    l.allocated = 0;
                } else if new_size != size {
                    l.resize(new_size);
                }
                l.items
                    .splice(low..high, new_items.iter().copied())
                    .collect()
            }
            _ => return Ok(()),
        };
        self.finish_assign(address, low, new_items, removed)
    }

    fn finish_assign(
        &mut self,
        address: u64,
        low: usize,
        new_items: &[ObjId],
        removed: Vec<ObjId>,
    ) -> Flow {
        for (k, &item) in new_items.iter().enumerate() {
            self.heap.incref(item, item_referrer(address, low + k));
        }
        for (k, item) in removed.into_iter().enumerate().rev() {
            self.heap.decref(item, item_referrer(address, low + k));
        }
        Ok(())
    }

    /// `del list[slice]`.
    pub(super) fn list_delete_slice(&mut self, list: ObjId, slice: ObjId) -> Flow {
        let length = match self.heap.value(list) {
            Value::List(l) => l.items.len(),
            _ => return Err(PyException::new("SystemError", "not a list")),
        };
        let span = self.span(slice, length)?;
        if span.step == 1 || span.len <= 1 {
            let span = if span.step == 1 {
                span
            } else {
                Span {
                    start: span.start,
                    step: 1,
                    len: span.len,
                }
            };
            return self.assign_span(list, span, &[]);
        }
        let address = self.heap.get(list).address;
        let mut doomed: Vec<usize> = span.indexes().collect();
        doomed.sort_unstable();
        let removed: Vec<(usize, ObjId)> = match self.heap.value_mut(list) {
            Value::List(l) => {
                let removed = doomed.iter().map(|&i| (i, l.items[i])).collect();
                let mut index = 0;
                l.items.retain(|_| {
                    let keep = doomed.binary_search(&index).is_err();
                    index += 1;
                    keep
                });
                let n = l.items.len();
                l.resize(n);
                removed
            }
            _ => return Ok(()),
        };
        for (i, item) in removed.into_iter().rev() {
            self.heap.decref(item, item_referrer(address, i));
        }
        Ok(())
    }

    // BUILD_SLICE (args[oparg] -- slice)
    pub(super) fn build_slice(&mut self, count: u32) -> Flow {
        let popped = self.pop_many(count as usize)?;
        let objs: Vec<ObjId> = popped.iter().filter_map(|p| p.slot.obj).collect();
        let none = self.singletons.none;
        let (start, stop, step) = match objs[..] {
            [start, stop] => (start, stop, none),
            [start, stop, step] => (start, stop, step),
            _ => return Err(PyException::new("SystemError", "BUILD_SLICE needs 2 or 3")),
        };
        let slice = self.slice_object(start, stop, step);
        self.push(slice)?;
        for entry in popped {
            self.release(entry);
        }
        Ok(())
    }

    // BINARY_SLICE (container, start, stop -- res)
    pub(super) fn binary_slice(&mut self) -> Flow {
        let popped = self.pop_many(3)?;
        let objs: Vec<ObjId> = popped.iter().filter_map(|p| p.slot.obj).collect();
        let [container, start, stop] = objs[..] else {
            return Err(PyException::new("SystemError", "NULL in BINARY_SLICE"));
        };
        let none = self.singletons.none;
        let slice = self.slice_object(start, stop, none);
        // The type's getitem slot, as `container[slice]` (ranges, instances…).
        let result = match self.subscript(container, slice) {
            Ok(result) => result,
            Err(error) => {
                if Vm::is_pending(&error) {
                    self.heap.discard(slice);
                    self.unpop(&error, &popped);
                } else {
                    self.heap.discard(slice);
                    for entry in popped {
                        self.release(entry);
                    }
                }
                return Err(error);
            }
        };
        self.push(result)?;
        self.heap.discard(slice);
        for entry in popped {
            self.release(entry);
        }
        Ok(())
    }

    // STORE_SLICE (v, container, start, stop --)
    pub(super) fn store_slice(&mut self) -> Flow {
        let popped = self.pop_many(4)?;
        let objs: Vec<ObjId> = popped.iter().filter_map(|p| p.slot.obj).collect();
        let [value, container, start, stop] = objs[..] else {
            return Err(PyException::new("SystemError", "NULL in STORE_SLICE"));
        };
        let none = self.singletons.none;
        let slice = self.slice_object(start, stop, none);
        let result = self.setitem_any(container, slice, value);
        self.heap.discard(slice);
        if let Err(error) = &result
            && Vm::is_pending(error)
        {
            self.unpop(error, &popped);
            return result;
        }
        for entry in popped {
            self.release(entry);
        }
        result
    }
}
