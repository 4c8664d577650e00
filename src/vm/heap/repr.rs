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

use super::{Heap, ObjId, TypeKind, Value};
use crate::vm::exceptions::PyException;

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
enum Stop {
    /// The text reached its length limit.
    Full,
    /// An int has more digits than the int↔str limit allows.
    Digits,
    /// Tuples nest deeper than the recursion budget.
    Depth,
}

struct Writer<'h> {
    heap: &'h Heap,
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
fn grouped(n: u64) -> String {
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
const DIGIT_LIMIT_BITS: u64 = (INT_MAX_STR_DIGITS as f64 / std::f64::consts::LOG10_2) as u64 + 2;

impl Writer<'_> {
    fn push(&mut self, text: &str) -> Result<(), Stop> {
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

    fn room(&self) -> usize {
        self.limit.saturating_sub(self.out.len())
    }

    fn depth_budget(&self) -> usize {
        if self.strict {
            PROGRAM_DEPTH
        } else {
            DISPLAY_DEPTH
        }
    }

    /// Nested past the budget: the program gets `RecursionError`, a pane `[...]`.
    fn too_deep(&mut self, shown: &str) -> Result<(), Stop> {
        if self.strict {
            Err(Stop::Depth)
        } else {
            self.push(shown)
        }
    }

    fn write(&mut self, id: ObjId, depth: usize) -> Result<(), Stop> {
        let heap = self.heap;
        let object = heap.get(id);
        match &object.value {
            Value::Tuple(items) => {
                let budget = if self.strict {
                    PROGRAM_DEPTH
                } else {
                    DISPLAY_DEPTH
                };
                if depth > budget {
                    if self.strict {
                        return Err(Stop::Depth);
                    }
                    return self.push("(...)");
                }
                self.push("(")?;
                for (i, &item) in items.iter().enumerate() {
                    if i > 0 {
                        self.push(", ")?;
                    }
                    self.write(item, depth + 1)?;
                }
                if items.len() == 1 {
                    self.push(",")?;
                }
                self.push(")")
            }
            Value::BigInt(value) => {
                if value.bits() > DIGIT_LIMIT_BITS {
                    if self.strict {
                        return Err(Stop::Digits);
                    }
                    let digits = grouped(decimal_digits(value));
                    return self.push(&format!("<int, {digits} digits>"));
                }
                let text = value.to_string();
                let digits = text.trim_start_matches('-').len() as u64;
                if self.strict && digits > INT_MAX_STR_DIGITS {
                    return Err(Stop::Digits);
                }
                self.push(&text)
            }
            Value::Str(text) => {
                // A repr is at least as long as its text: quote only what can fit.
                let room = self.room();
                if text.len() > room {
                    let mut end = room.saturating_add(1).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    self.push(&super::object::str_repr(&text[..end]))?;
                    return Err(Stop::Full);
                }
                self.push(&super::object::str_repr(text))
            }
            Value::List(list) => {
                if self.active.contains(&id) {
                    return self.push("[...]");
                }
                if depth > self.depth_budget() {
                    return self.too_deep("[...]");
                }
                self.active.push(id);
                self.push("[")?;
                for (i, &item) in list.items.iter().enumerate() {
                    if i > 0 {
                        self.push(", ")?;
                    }
                    self.write(item, depth + 1)?;
                }
                self.active.pop();
                self.push("]")
            }
            Value::Dict(dict) => {
                if self.active.contains(&id) {
                    return self.push("{...}");
                }
                if depth > self.depth_budget() {
                    return self.too_deep("{...}");
                }
                self.active.push(id);
                self.push("{")?;
                for (i, entry) in dict.entries().enumerate() {
                    if i > 0 {
                        self.push(", ")?;
                    }
                    self.write(entry.key, depth + 1)?;
                    self.push(": ")?;
                    self.write(entry.value, depth + 1)?;
                }
                self.active.pop();
                self.push("}")
            }
            Value::Set(set) => {
                let frozen = set.frozen;
                if set.is_empty() {
                    return self.push(if frozen { "frozenset()" } else { "set()" });
                }
                if self.active.contains(&id) {
                    return self.push(if frozen { "frozenset(...)" } else { "set(...)" });
                }
                if depth > self.depth_budget() {
                    return self.too_deep("{...}");
                }
                self.active.push(id);
                if frozen {
                    self.push("frozenset(")?;
                }
                self.push("{")?;
                for (i, item) in set.items().enumerate() {
                    if i > 0 {
                        self.push(", ")?;
                    }
                    self.write(item, depth + 1)?;
                }
                self.active.pop();
                self.push("}")?;
                if frozen {
                    self.push(")")?;
                }
                Ok(())
            }
            Value::Slice { start, stop, step } => {
                self.push("slice(")?;
                self.write(*start, depth + 1)?;
                self.push(", ")?;
                self.write(*stop, depth + 1)?;
                self.push(", ")?;
                self.write(*step, depth + 1)?;
                self.push(")")
            }
            Value::Property { .. } => {
                self.push(&format!("<property object at {:#x}>", object.address))
            }
            Value::Object => self.push(&format!("<object object at {:#x}>", object.address)),
            Value::Member { class, name, .. } => {
                let class_name = match &heap.get(*class).value {
                    Value::Class(c) => c.name,
                    _ => "object",
                };
                self.push(&format!("<member '{name}' of '{class_name}' objects>"))
            }
            Value::StaticMethod(function) | Value::ClassMethod(function) => {
                let kind = object.value.type_name();
                self.push(&format!("<{kind}("))?;
                self.write(*function, depth + 1)?;
                self.push(")>")
            }
            Value::DictView { kind, dict } => {
                self.push(kind.name())?;
                self.push("([")?;
                if let Value::Dict(entries) = &heap.get(*dict).value {
                    for (i, entry) in entries.entries().enumerate() {
                        if i > 0 {
                            self.push(", ")?;
                        }
                        match kind {
                            TypeKind::DictKeys => self.write(entry.key, depth + 1)?,
                            TypeKind::DictValues => self.write(entry.value, depth + 1)?,
                            _ => {
                                self.push("(")?;
                                self.write(entry.key, depth + 1)?;
                                self.push(", ")?;
                                self.write(entry.value, depth + 1)?;
                                self.push(")")?;
                            }
                        }
                    }
                }
                self.push("])")
            }
            Value::Exception(exc) => {
                self.push(exc.type_name)?;
                let args = heap.get(exc.args);
                match &args.value {
                    _ if !args.alive => self.push("()"),
                    Value::Tuple(items) if items.len() == 1 => {
                        self.push("(")?;
                        self.write(items[0], depth + 1)?;
                        self.push(")")
                    }
                    Value::Tuple(items) if items.is_empty() => self.push("()"),
                    _ => self.write(exc.args, depth + 1),
                }
            }
            Value::BoundMethod {
                method: crate::vm::builtins::Builtin::Slot(method, kind),
                owner,
            } if method.is_wrapper(*kind) => self.push(&format!(
                "<method-wrapper '{}' of {} object at {:#x}>",
                method.name(),
                heap.get(*owner).value.type_name(),
                heap.get(*owner).address
            )),
            Value::BoundMethod { method, owner } => self.push(&format!(
                "<built-in method {} of {} object at {:#x}>",
                method.name(),
                heap.get(*owner).value.type_name(),
                heap.get(*owner).address
            )),
            Value::Class(class) => self.push(&format!("<class '__main__.{}'>", class.qualname)),
            Value::Instance { class, .. } => {
                let qualname = match &heap.get(*class).value {
                    Value::Class(c) => c.qualname.to_string(),
                    _ => "object".to_owned(),
                };
                self.push(&format!(
                    "<__main__.{qualname} object at {:#x}>",
                    object.address
                ))
            }
            Value::Method { function, owner } => {
                let name = match &heap.get(*function).value {
                    Value::Function(f) => heap.symbols.text(f.qualname).to_owned(),
                    _ => "?".to_owned(),
                };
                self.push(&format!("<bound method {name} of "))?;
                self.write(*owner, depth + 1)?;
                self.push(">")
            }
            Value::Cell(contents) => match contents {
                Some(contents) => self.push(&format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    object.address,
                    heap.get(*contents).value.type_name(),
                    heap.get(*contents).address
                )),
                None => self.push(&format!("<cell at {:#x}: empty>", object.address)),
            },
            Value::Function(function) => self.push(&format!(
                "<function {} at {:#x}>",
                heap.symbols.text(function.qualname),
                object.address
            )),
            Value::Module(module) => self.push(&format!(
                "<module '{}'{}",
                heap.symbols.text(module.name),
                if module.builtin { " (built-in)>" } else { ">" }
            )),
            Value::Code(code) => self.push(&format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                code.code.name, object.address, code.code.filename, code.code.first_line
            )),
            Value::Generator(generator) => self.push(&format!(
                "<generator object {} at {:#x}>",
                generator.code.code.qualname, object.address
            )),
            Value::RangeIterator { .. }
            | Value::SeqIterator { .. }
            | Value::Enumerate { .. }
            | Value::Zip { .. }
            | Value::Map { .. }
            | Value::Filter { .. }
            | Value::Reversed { .. } => self.push(&format!(
                "<{} object at {:#x}>",
                object.value.type_name(),
                object.address
            )),
            // A repr is longer than its bytes: write only what can fit.
            Value::Bytes(data) => {
                let cut = data.len().min(self.room().saturating_add(1));
                self.push(&crate::bytecode::repr::bytes_repr(&data[..cut]))?;
                if cut < data.len() {
                    return Err(Stop::Full);
                }
                Ok(())
            }
            Value::ByteArray(array) => {
                let cut = array.data.len().min(self.room().saturating_add(1));
                self.push(&crate::vm::types::bytes::bytearray_repr(&array.data[..cut]))?;
                if cut < array.data.len() {
                    return Err(Stop::Full);
                }
                Ok(())
            }
            other => self.push(&other.plain_repr()),
        }
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
