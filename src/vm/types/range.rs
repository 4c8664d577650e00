//! `range` and its iterator.

use super::TypeKind;
use super::{Slots, TypeSpec};
use crate::vm::heap::object::range_len;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

/// The number of items of a range value.
fn len(value: &Value) -> i64 {
    match *value {
        Value::Range { start, stop, step } => range_len(start, stop, step),
        _ => 0,
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    let Value::Range { start, stop, step } = object.value else {
        return Ok(());
    };
    if step == 1 {
        w.push(&format!("range({start}, {stop})"))
    } else {
        w.push(&format!("range({start}, {stop}, {step})"))
    }
}

pub const RANGE: TypeSpec = TypeSpec {
    kind: TypeKind::Range,
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| len(value) > 0),
        len: Some(|_, value| usize::try_from(len(value)).unwrap_or(0)),
        vm: RANGE_VM,
        ..Slots::EMPTY
    },
    ..TypeSpec::new("range", 48)
};

/// Holds no object: its next value, step and count are plain numbers.
pub const RANGE_ITERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::RangeIterator,
    iterator: true,
    slots: Slots {
        repr: Some(super::default_repr),
        vm: VmSlots {
            next: Some(next),
            contains: Some(super::iterators::iterator_contains),
            ..VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("range_iterator", 40)
};

// ---- the interpreter's slots -----------------------------------------------------

use super::protocol::VmSlots;
use crate::vm::exceptions::PyException;
use crate::vm::opcodes::Number;
use crate::vm::{Flow, Vm};

/// `iter(range)`: a range iterator holds only numbers.
fn iter(vm: &mut Vm, range: ObjId) -> Flow<ObjId> {
    let Value::Range { start, stop, step } = *vm.heap.value(range) else {
        return Err(super::protocol::not_iterable(vm.heap.value(range)));
    };
    Ok(vm.heap.alloc(Value::RangeIterator {
        next: start,
        step,
        remaining: range_len(start, stop, step),
    }))
}

/// `range[index]`; `range[slice]` is a range (`compute_slice`).
fn getitem(vm: &mut Vm, range: ObjId, index: ObjId) -> Flow<ObjId> {
    let Value::Range { start, stop, step } = *vm.heap.value(range) else {
        return Err(PyException::new("SystemError", "not a range"));
    };
    let len = range_len(start, stop, step);
    // (`compute_range_item` works in ints of any size: past 64 bits an
    // index is simply out of range.)
    if matches!(vm.heap.value(index), Value::BigInt(_)) {
        return Err(PyException::new(
            "IndexError",
            "range object index out of range",
        ));
    }
    match vm.sequence_index(index, usize::try_from(len).unwrap_or(usize::MAX))? {
        Err(slice) => {
            let (span, span_stop) =
                vm.span_with_stop(slice, usize::try_from(len).unwrap_or(usize::MAX))?;
            let step = i128::from(step);
            let new_start = i128::from(start) + i128::from(span.start) * step;
            let new_step = i128::from(span.step) * step;
            let new_stop = i128::from(start) + i128::from(span_stop) * step;
            let fits = |v: i128| i64::try_from(v).ok();
            match (fits(new_start), fits(new_stop), fits(new_step)) {
                (Some(start), Some(stop), Some(step)) => {
                    Ok(vm.heap.alloc(Value::Range { start, stop, step }))
                }
                _ => Err(vm.unsupported("a slice of a range past 64-bit bounds")),
            }
        }
        Ok(Some(i)) => {
            let value = i128::from(start) + i as i128 * i128::from(step);
            Ok(vm.int_object(i64::try_from(value).unwrap_or(i64::MAX)))
        }
        Ok(None) => Err(PyException::new(
            "IndexError",
            "range object index out of range",
        )),
    }
}

/// `x in range`: arithmetic for an int, never equal otherwise.
fn contains(vm: &mut Vm, range: ObjId, item: ObjId) -> Flow<bool> {
    let Value::Range { start, stop, step } = *vm.heap.value(range) else {
        return Ok(false);
    };
    Ok(match Number::of(vm.heap.value(item)) {
        Some(Number::Int(v)) => {
            let inside = if step > 0 {
                start <= v && v < stop
            } else {
                stop < v && v <= start
            };
            inside && (v as i128 - start as i128) % step as i128 == 0
        }
        _ => false,
    })
}

/// `tp_iternext` of a range iterator: the next number, counted down.
fn next(vm: &mut Vm, iterator: ObjId) -> Flow<Option<ObjId>> {
    let Value::RangeIterator {
        next,
        step,
        remaining,
    } = vm.heap.value_mut(iterator)
    else {
        return Ok(None);
    };
    if *remaining <= 0 {
        return Ok(None);
    }
    let value = *next;
    *remaining -= 1;
    *next = next.wrapping_add(*step);
    Ok(Some(vm.int_object(value)))
}

/// Ranges are equal when they hold the same numbers (`range_equals`):
/// same length, and for two or more items the same start and step. They
/// have no order.
fn equal(vm: &Vm, range: ObjId, other: ObjId, _depth: usize) -> Flow<Option<std::cmp::Ordering>> {
    let (
        Value::Range { start, stop, step },
        Value::Range {
            start: start2,
            stop: stop2,
            step: step2,
        },
    ) = (vm.heap.value(range), vm.heap.value(other))
    else {
        return Ok(None);
    };
    let len = range_len(*start, *stop, *step);
    let same = len == range_len(*start2, *stop2, *step2)
        && (len == 0 || (start == start2 && (len == 1 || step == step2)));
    Ok(same.then_some(std::cmp::Ordering::Equal))
}

const RANGE_VM: VmSlots = VmSlots {
    order: Some(equal),
    iter: Some(iter),
    getitem: Some(getitem),
    contains: Some(contains),
    ..VmSlots::EMPTY
};
