//! `int(text, base)`: CPython's `PyLong_FromUnicodeObject` rules — optional
//! sign and surrounding whitespace, the `0x`/`0o`/`0b` prefix (required to
//! pick the base when it is 0, allowed when it matches), single underscores
//! between digits, and no leading zeros for a non-zero number in base 0.

use num_bigint::BigInt;
use num_traits::Zero;

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, which `int()`,
/// `float()` and `complex()` apply to a str first: a Unicode decimal digit
/// (`٣`, `５`) becomes its ASCII digit, a Unicode space a space; any other
/// non-ASCII character ends the text with a `?` (an invalid literal).
pub(super) fn ascii_digits_and_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| b < 127) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if super::strings::is_space(c) {
            out.push(' ');
        } else if let Some(digit) = decimal_value(c) {
            out.push(char::from(b'0' + digit));
        } else {
            out.push('?');
            break;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The value of a decimal digit (`Nd`): Unicode places them in runs of
/// whole 0..9 ranges, so it is the distance from the run's start, mod 10.
fn decimal_value(c: char) -> Option<u8> {
    use rustpython_unicode::classify::is_decimal;
    if !is_decimal(c) {
        return None;
    }
    let mut start = c as u32;
    while let Some(before) = start.checked_sub(1).and_then(char::from_u32)
        && is_decimal(before)
    {
        start -= 1;
    }
    Some(((c as u32 - start) % 10) as u8)
}

/// The digits' value, or `None` for an invalid literal.
fn parse(text: &str, base: u32) -> Option<BigInt> {
    // (`Py_ISSPACE`: the text's other spaces are ASCII ones by now.)
    let trimmed = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let (negative, unsigned) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let base_zero = base == 0;
    let lower = unsigned.to_ascii_lowercase();
    let prefixed = |p: &str| lower.len() > 2 && lower.starts_with(p);
    let (base, digits, had_prefix) = match base {
        0 if prefixed("0x") => (16, &unsigned[2..], true),
        0 if prefixed("0o") => (8, &unsigned[2..], true),
        0 if prefixed("0b") => (2, &unsigned[2..], true),
        0 => (10, unsigned, false),
        16 if prefixed("0x") => (16, &unsigned[2..], true),
        8 if prefixed("0o") => (8, &unsigned[2..], true),
        2 if prefixed("0b") => (2, &unsigned[2..], true),
        b => (b, unsigned, false),
    };
    // After a prefix one underscore may come first (`0x_ff`).
    let digits = match digits.strip_prefix('_') {
        Some(rest) if had_prefix => rest,
        _ => digits,
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut value = BigInt::zero();
    let mut all_zero = true;
    for c in digits.chars().filter(|&c| c != '_') {
        let digit = c.to_digit(36).filter(|&d| d < base)?;
        all_zero &= digit == 0;
        value = value * base + digit;
    }
    // Base 0 reads Python literals: `010` is none (`0`, `00` are).
    if base_zero && !had_prefix && digits.starts_with('0') && !all_zero {
        return None;
    }
    Some(if negative { -value } else { value })
}

impl Vm {
    /// `int(x, base)`.
    pub(super) fn int_with_base(&mut self, obj: ObjId, base: ObjId) -> Flow<ObjId> {
        let base = match self.heap.value(base) {
            Value::Int(b) => *b,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => i64::MAX,
            other => {
                return Err(PyException::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )));
            }
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(PyException::new(
                "ValueError",
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        self.int_of_text(obj, base)
    }

    /// `int(s, base)` of a str, bytes or bytearray (`int(s)`: base 10).
    pub(super) fn int_of_text(&mut self, obj: ObjId, base: i64) -> Flow<ObjId> {
        let text = match self.heap.value(obj) {
            Value::Str(text) => ascii_digits_and_spaces(text).into_owned(),
            Value::Bytes(_) | Value::ByteArray(_) => {
                let data = self.bytes_data(obj).unwrap_or_default();
                data.iter().map(|&b| char::from(b)).collect()
            }
            _ => {
                return Err(PyException::type_error(
                    "int() can't convert non-string with explicit base",
                ));
            }
        };
        let digits = text.chars().filter(char::is_ascii_alphanumeric).count();
        if base == 10 && digits as u64 > super::heap::repr::INT_MAX_STR_DIGITS {
            return Err(super::heap::repr::parse_digits_error(digits));
        }
        match parse(&text, base as u32) {
            Some(value) => Ok(self.int_from_bigint(value)),
            None => {
                let shown = self.heap.repr(obj);
                Err(PyException::new(
                    "ValueError",
                    format!("invalid literal for int() with base {base}: {shown}"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_parse_as_cpython_reads_them() {
        assert_eq!(parse("ff", 16), Some(BigInt::from(255)));
        assert_eq!(parse(" -0x_1F ", 16), Some(BigInt::from(-31)));
        assert_eq!(parse("0b101", 0), Some(BigInt::from(5)));
        assert_eq!(parse("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse("zz", 36), Some(BigInt::from(1295)));
        assert_eq!(parse("1__0", 10), None);
        assert_eq!(parse("_1", 10), None);
        assert_eq!(parse("12", 2), None);
        assert_eq!(parse("", 10), None);
        assert_eq!(parse("0x", 16), None);
        assert_eq!(parse("010", 0), None);
        assert_eq!(parse("00", 0), Some(BigInt::zero()));
        assert_eq!(parse("010", 10), Some(BigInt::from(10)));
    }
}
