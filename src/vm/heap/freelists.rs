//! CPython 3.14's per-type free lists (`pycore_freelist_state.h`): a freed
//! float, compact int, tuple of up to 20 items, list, dict, bound method,
//! range or list/tuple/range iterator keeps its block for the next object
//! of its own kind (last freed, first reused) instead of handing it back
//! to pymalloc, up to a capacity per kind. So a freed float's id comes back
//! as the next float, never as an int of the same size.

use super::object::Value;
use crate::vm::types::TypeKind;

const TUPLE_MAX_SAVE_SIZE: usize = 20;
/// float, int, list, dict, method, builtin method, range, range iterator,
/// list iterator, tuple iterator, then tuples of 1..=20 items.
const KINDS: usize = 10 + TUPLE_MAX_SAVE_SIZE;
const CAPACITY: [usize; 10] = [100, 100, 80, 80, 20, 16, 6, 6, 10, 10];
const TUPLE_CAPACITY: usize = 2000;

/// Blocks waiting for an object of their kind, most recently freed last.
#[derive(Debug, Clone)]
pub struct FreeLists {
    blocks: Vec<Vec<u64>>,
}

impl Default for FreeLists {
    fn default() -> Self {
        FreeLists {
            blocks: vec![Vec::new(); KINDS],
        }
    }
}

/// The free list an object of this value uses, if any.
#[inline]
fn kind(value: &Value) -> Option<usize> {
    Some(match value {
        Value::Float(_) => 0,
        Value::Int(v) if is_compact_int(*v) => INT,
        Value::List(_) => 2,
        Value::Dict(_) => 3,
        Value::Method { .. } => 4,
        Value::BoundMethod { .. } => 5,
        Value::Range { .. } => 6,
        Value::RangeIterator { .. } => 7,
        Value::SeqIterator {
            kind: TypeKind::ListIterator,
            ..
        } => 8,
        Value::SeqIterator {
            kind: TypeKind::TupleIterator,
            ..
        } => 9,
        Value::Tuple(items) if (1..=TUPLE_MAX_SAVE_SIZE).contains(&items.len()) => {
            10 + items.len() - 1
        }
        _ => return None,
    })
}

/// The ints' free list.
const INT: usize = 1;

/// Compact ints (one 30-bit digit) have a free list.
#[inline]
pub fn is_compact_int(value: i64) -> bool {
    value.unsigned_abs() < 1 << 30
}

fn capacity(kind: usize) -> usize {
    CAPACITY.get(kind).copied().unwrap_or(TUPLE_CAPACITY)
}

impl FreeLists {
    /// A block kept for an object like `value`.
    #[inline]
    pub fn pop(&mut self, value: &Value) -> Option<u64> {
        let kind = kind(value)?;
        self.blocks[kind].pop()
    }

    /// [`FreeLists::pop`] for a compact int.
    #[inline]
    pub fn pop_int(&mut self) -> Option<u64> {
        self.blocks[INT].pop()
    }

    /// [`FreeLists::push`] for a compact int.
    #[inline]
    pub fn push_int(&mut self, block: u64) -> bool {
        let list = &mut self.blocks[INT];
        if list.len() >= CAPACITY[INT] {
            return false;
        }
        list.push(block);
        true
    }

    /// Keep a freed object's block for its kind; false when the object has
    /// no free list or its list is full (the block goes back to pymalloc).
    #[inline]
    pub fn push(&mut self, value: &Value, block: u64) -> bool {
        let Some(kind) = kind(value) else {
            return false;
        };
        if self.blocks[kind].len() >= capacity(kind) {
            return false;
        }
        self.blocks[kind].push(block);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_comes_back_only_for_its_own_kind() {
        let mut lists = FreeLists::default();
        assert!(lists.push(&Value::Float(1.5), 0x100));
        assert_eq!(lists.pop(&Value::Int(7)), None);
        assert_eq!(lists.pop(&Value::Float(2.5)), Some(0x100));
        assert!(
            !lists.push(&Value::Int(1 << 40), 0x200),
            "two-digit ints go to pymalloc"
        );
        for block in 0..100 {
            assert!(lists.push(&Value::Int(5000), block));
        }
        assert!(
            !lists.push(&Value::Int(5000), 999),
            "the int list holds 100"
        );
    }
}
