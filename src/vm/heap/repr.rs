//! Reprs built no further than needed.
//!
//! Two users, two rules. The panes and `trace` want a few dozen characters
//! of any value, at every stop, so [`display`] stops writing once it has
//! enough, nests at most [`DISPLAY_DEPTH`] tuples and names a huge int by its
//! size ("<int, 3,010,300 digits>") instead of converting it. The program
//! (`print`, `str`, `repr`, f-strings) gets CPython's answer or CPython's
//! error from [`program`]: `ValueError` past the 4300-digit int↔str limit
//! (CVE-2020-10735), `RecursionError` past the recursion limit, and
//! `MemoryError` where the text would not fit in the memory limit.

use num_bigint::BigInt;

use super::{Heap, ObjId};
use crate::vm::exceptions::PyException;
use crate::vm::types::default_repr;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: u64 = 4300;
/// Characters of a value the panes show.
pub const SHORT_LIMIT: usize = 40;
/// Characters of a display repr (`Heap::repr`).
pub const DISPLAY_LIMIT: usize = 4096;
/// Nested tuples a display repr opens before writing `(...)`.
const DISPLAY_DEPTH: usize = 50;
/// Nested tuples the program's repr may open: CPython's recursion limit.
const PROGRAM_DEPTH: usize = 1000;

/// Why a repr stopped early.
pub enum Stop {
    /// The text reached its length limit.
    Full,
    /// An int has more digits than the int↔str limit allows.
    Digits,
    /// Tuples nest deeper than the recursion budget.
    Depth,
}

pub struct Writer<'h> {
    pub heap: &'h Heap,
    out: String,
    /// Most bytes to write.
    limit: usize,
    /// The program's rules (errors) rather than display's (shortcuts).
    strict: bool,
    /// Lists and dicts being written (`Py_ReprEnter`): met again, `[...]`.
    active: Vec<ObjId>,
}

/// A repr for the panes: at most `limit` characters, the last one `…` when cut.
pub fn display(heap: &Heap, id: ObjId, limit: usize) -> String {
    let mut writer = Writer {
        heap,
        out: String::new(),
        // Bytes, so room for `limit` characters of any width plus one to see the cut.
        limit: limit.saturating_mul(4).saturating_add(4),
        strict: false,
        active: Vec::new(),
    };
    let _ = writer.write(id, 0);
    let text = writer.out;
    if text.chars().count() <= limit {
        text
    } else {
        let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// `repr()` as CPython computes it, or CPython's error; `room` is how many
/// bytes the memory limit still allows.
pub fn program(heap: &Heap, id: ObjId, room: u64) -> Result<String, Box<PyException>> {
    let mut writer = Writer {
        heap,
        out: String::new(),
        limit: usize::try_from(room).unwrap_or(usize::MAX),
        strict: true,
        active: Vec::new(),
    };
    match writer.write(id, 0) {
        Ok(()) => Ok(writer.out),
        Err(Stop::Digits) => Err(digits_error()),
        Err(Stop::Depth) => Err(PyException::new(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        )),
        Err(Stop::Full) => Err(heap.memory_error()),
    }
}

/// CPython's error for int → str past the limit.
pub fn digits_error() -> Box<PyException> {
    PyException::new(
        "ValueError",
        format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ),
    )
}

/// CPython's error for str → int past the limit.
pub fn parse_digits_error(digits: usize) -> Box<PyException> {
    PyException::new(
        "ValueError",
        format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ),
    )
}

/// Decimal digits of `|value|`: exact up to the digit limit's size, above
/// it from the top 64 bits and the length, with no conversion, so instant
/// for any size (off by one only within 1e-15 of a power of ten, which only
/// a display could show).
pub fn decimal_digits(value: &BigInt) -> u64 {
    // The magnitude by reference: a copy of a 256 MB int at every frame is slow.
    let magnitude = value.magnitude();
    let bits = magnitude.bits();
    if bits <= DIGIT_LIMIT_BITS {
        return magnitude.to_string().len() as u64;
    }
    let shift = bits - 64;
    let top = magnitude >> shift;
    let top = num_traits::ToPrimitive::to_f64(&top).unwrap_or(f64::MAX);
    let log10 = top.log10() + shift as f64 * std::f64::consts::LOG10_2;
    log10.floor() as u64 + 1
}

/// `3010300` → `3,010,300`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bits above which an int certainly has more than the limit's digits.
pub const DIGIT_LIMIT_BITS: u64 =
    (INT_MAX_STR_DIGITS as f64 / std::f64::consts::LOG10_2) as u64 + 2;

impl Writer<'_> {
    /// Append `text`, or as much as fits and [`Stop::Full`].
    pub fn push(&mut self, text: &str) -> Result<(), Stop> {
        if self.out.len().saturating_add(text.len()) > self.limit {
            let room = self.limit.saturating_sub(self.out.len());
            let mut end = room.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.out.push_str(&text[..end]);
            return Err(Stop::Full);
        }
        self.out.push_str(text);
        Ok(())
    }

    /// Bytes still allowed.
    pub fn room(&self) -> usize {
        self.limit.saturating_sub(self.out.len())
    }

    /// How deep containers may nest before `RecursionError` or `[...]`.
    pub fn depth_budget(&self) -> usize {
        if self.strict {
            PROGRAM_DEPTH
        } else {
            DISPLAY_DEPTH
        }
    }

    /// The program's rules (errors) rather than display's (shortcuts).
    pub fn strict(&self) -> bool {
        self.strict
    }

    /// Nested past the budget: the program gets `RecursionError`, a pane `[...]`.
    pub fn too_deep(&mut self, shown: &str) -> Result<(), Stop> {
        if self.strict {
            Err(Stop::Depth)
        } else {
            self.push(shown)
        }
    }

    /// `Py_ReprEnter`: `false` if `id` is already being written (a cycle).
    pub fn enter(&mut self, id: ObjId) -> bool {
        if self.active.contains(&id) {
            return false;
        }
        self.active.push(id);
        true
    }

    /// `Py_ReprLeave`.
    pub fn leave(&mut self) {
        self.active.pop();
    }

    /// Write `repr(id)`: the `repr` slot of its type.
    pub fn write(&mut self, id: ObjId, depth: usize) -> Result<(), Stop> {
        let heap = self.heap;
        let object = heap.get(id);
        let repr = object.value.spec().slots.repr.unwrap_or(default_repr);
        repr(self, id, object, depth)
    }

    /// Write `parts` separated by `, `, each by `write_one`.
    pub fn join<T: Copy>(
        &mut self,
        parts: impl IntoIterator<Item = T>,
        mut write_one: impl FnMut(&mut Self, T) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                self.push(", ")?;
            }
            write_one(self, part)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_counted_without_converting() {
        for text in [
            "1",
            "9",
            "10",
            "99999999999999999999",
            "100000000000000000000",
        ] {
            let value: BigInt = text.parse().expect("digits");
            assert_eq!(decimal_digits(&value), text.len() as u64, "{text}");
        }
        let big: BigInt = BigInt::from(1) << 10_000_000u32;
        assert_eq!(grouped(decimal_digits(&big)), "3,010,300");
    }
}
