//! `int.to_bytes`, `int.from_bytes`, `float.hex` and `float.fromhex`
//! (CPython's `Objects/longobject.c` and `Objects/floatobject.c`), with
//! their Argument Clinic errors.

use num_bigint::{BigInt, Sign};

use super::exceptions::PyException;
use super::heap::{ObjId, TypeKind, Value};
use super::opcodes::Number;
use super::{Flow, Vm};

/// Arguments bound to an Argument Clinic signature: `names` in order, the
/// first `max_positional` of them may be given by position.
fn clinic_args<const N: usize>(
    function: &str,
    names: [&str; N],
    max_positional: usize,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Flow<[Option<ObjId>; N]> {
    let total = args.len() + keywords.len();
    if total > N {
        return Err(PyException::type_error(format!(
            "{function}() takes at most {N} arguments ({total} given)"
        )));
    }
    if args.len() > max_positional {
        return Err(PyException::type_error(format!(
            "{function}() takes at most {max_positional} positional argument{} ({} given)",
            if max_positional == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut slots = [None; N];
    for (slot, &arg) in slots.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for &(keyword, value) in keywords {
        let Some(index) = names.iter().position(|&n| n == keyword) else {
            return Err(PyException::type_error(format!(
                "{function}() got an unexpected keyword argument '{keyword}'"
            )));
        };
        if slots[index].is_some() {
            return Err(PyException::type_error(format!(
                "argument for {function}() given by name ('{keyword}') and position ({})",
                index + 1
            )));
        }
        slots[index] = Some(value);
    }
    Ok(slots)
}

/// Whether a `byteorder` argument says little-endian.
fn little_endian(vm: &Vm, function: &str, byteorder: Option<ObjId>) -> Flow<bool> {
    let Some(byteorder) = byteorder else {
        return Ok(false);
    };
    match vm.heap.value(byteorder) {
        Value::Str(text) => match &**text {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(PyException::new(
                "ValueError",
                "byteorder must be either 'little' or 'big'",
            )),
        },
        other => Err(PyException::type_error(format!(
            "{function}() argument 'byteorder' must be str, not {}",
            other.type_name()
        ))),
    }
}

/// `_PyLong_AsByteArray`: `value` in `length` bytes, big-endian.
fn int_to_bytes(value: &BigInt, length: usize, signed: bool) -> Flow<Vec<u8>> {
    let too_big = || PyException::new("OverflowError", "int too big to convert");
    if value.sign() == Sign::Minus && !signed {
        return Err(PyException::new(
            "OverflowError",
            "can't convert negative int to unsigned",
        ));
    }
    let minimal = if value.sign() == Sign::NoSign {
        Vec::new()
    } else if signed {
        value.to_signed_bytes_be()
    } else {
        value.magnitude().to_bytes_be()
    };
    if minimal.len() > length {
        return Err(too_big());
    }
    let fill = if value.sign() == Sign::Minus { 0xff } else { 0 };
    let mut out = vec![fill; length - minimal.len()];
    out.extend_from_slice(&minimal);
    Ok(out)
}

/// `float.hex()`: `0x1.<13 hex digits>p<exp>`, subnormals `0x0.…p-1022`.
fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let exp_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{lead}.{fraction:013x}p{exp_sign}{}",
        exponent.unsigned_abs()
    )
}

/// `x * 2**exp`, exactly when the result is representable.
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= f64::from_bits((1023 + 1000) << 52);
        exp -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while exp < -1000 {
        x *= f64::from_bits((1023 - 1000) << 52);
        exp += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * f64::from_bits(((1023 + exp) as u64) << 52)
}

/// `strtol` of an optionally signed decimal: saturating.
fn strtol(text: &[u8]) -> i64 {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut value: i64 = 0;
    for &d in digits.iter().take_while(|d| d.is_ascii_digit()) {
        let digit = i64::from(d - b'0');
        value = if negative {
            value.saturating_mul(10).saturating_sub(digit)
        } else {
            value.saturating_mul(10).saturating_add(digit)
        };
    }
    value
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn hex_value(b: Option<&u8>) -> Option<u8> {
    b.and_then(|&b| (b as char).to_digit(16)).map(|d| d as u8)
}

/// `_Py_parse_inf_or_nan`: the value and how many bytes it took (0: none).
fn parse_inf_or_nan(s: &[u8]) -> (f64, usize) {
    let (negate, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let matches = |at: usize, word: &str| {
        s.len() >= at + word.len() && s[at..at + word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let (value, end) = if matches(start, "inf") {
        let end = if matches(start + 3, "inity") {
            start + 8
        } else {
            start + 3
        };
        (f64::INFINITY, end)
    } else if matches(start, "nan") {
        (f64::NAN, start + 3)
    } else {
        return (-1.0, 0);
    };
    (if negate { -value } else { value }, end)
}

const DBL_MANT_DIG: i64 = 53;
const DBL_MIN_EXP: i64 = -1021;
const DBL_MAX_EXP: i64 = 1024;

/// `float_fromhex_impl`'s parse and correctly rounded conversion.
fn float_fromhex(s: &[u8]) -> Flow<f64> {
    let parse_error =
        || PyException::new("ValueError", "invalid hexadecimal floating-point string");
    let overflow_error = || {
        PyException::new(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        )
    };
    let mut at = 0;
    while at < s.len() && is_space(s[at]) {
        at += 1;
    }
    let (special, taken) = parse_inf_or_nan(&s[at..]);
    let mut negate = false;
    let x = if taken > 0 {
        at += taken;
        special
    } else {
        match s.get(at) {
            Some(b'-') => {
                at += 1;
                negate = true;
            }
            Some(b'+') => at += 1,
            _ => {}
        }
        if s.get(at) == Some(&b'0') && matches!(s.get(at + 1), Some(b'x' | b'X')) {
            at += 2;
        }
        // The coefficient's digits, most significant first.
        let mut digits = Vec::new();
        while let Some(d) = hex_value(s.get(at)) {
            digits.push(d);
            at += 1;
        }
        let mut fdigits = 0usize;
        if s.get(at) == Some(&b'.') {
            at += 1;
            while let Some(d) = hex_value(s.get(at)) {
                digits.push(d);
                fdigits += 1;
                at += 1;
            }
        }
        let total = digits.len();
        if total == 0 {
            return Err(parse_error());
        }
        let limit =
            (DBL_MIN_EXP - DBL_MANT_DIG - i64::MIN / 2).min(i64::MAX / 2 + 1 - DBL_MAX_EXP) / 4;
        if total as i64 > limit {
            return Err(PyException::new(
                "ValueError",
                "hexadecimal string too long to convert",
            ));
        }
        let mut exp = 0i64;
        if matches!(s.get(at), Some(b'p' | b'P')) {
            at += 1;
            let start = at;
            if matches!(s.get(at), Some(b'-' | b'+')) {
                at += 1;
            }
            if !s.get(at).is_some_and(u8::is_ascii_digit) {
                return Err(parse_error());
            }
            while s.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            exp = strtol(&s[start..at]);
        }
        // HEX_DIGIT(j): the j-th least significant digit.
        let hex_digit = |j: i64| i64::from(digits[total - 1 - j as usize]);
        let mut ndigits = total as i64;
        while ndigits > 0 && hex_digit(ndigits - 1) == 0 {
            ndigits -= 1;
        }
        if ndigits == 0 || exp < i64::MIN / 2 {
            0.0
        } else if exp > i64::MAX / 2 {
            return Err(overflow_error());
        } else {
            let exp = exp - 4 * fdigits as i64;
            let mut top_exp = exp + 4 * (ndigits - 1);
            let mut digit = hex_digit(ndigits - 1);
            while digit != 0 {
                top_exp += 1;
                digit /= 2;
            }
            if top_exp < DBL_MIN_EXP - DBL_MANT_DIG {
                0.0
            } else if top_exp > DBL_MAX_EXP {
                return Err(overflow_error());
            } else {
                let lsb = top_exp.max(DBL_MIN_EXP) - DBL_MANT_DIG;
                let mut x = 0.0f64;
                if exp >= lsb {
                    for i in (0..ndigits).rev() {
                        x = 16.0 * x + hex_digit(i) as f64;
                    }
                    ldexp(x, exp)
                } else {
                    let half_eps = 1i64 << ((lsb - exp - 1) % 4);
                    let key_digit = (lsb - exp - 1) / 4;
                    for i in (key_digit + 1..ndigits).rev() {
                        x = 16.0 * x + hex_digit(i) as f64;
                    }
                    let digit = hex_digit(key_digit);
                    x = 16.0 * x + (digit & (16 - 2 * half_eps)) as f64;
                    if digit & half_eps != 0 {
                        let round_up = digit & (3 * half_eps - 1) != 0
                            || (half_eps == 8
                                && key_digit + 1 < ndigits
                                && hex_digit(key_digit + 1) & 1 != 0)
                            || (0..key_digit).any(|i| hex_digit(i) != 0);
                        if round_up {
                            x += (2 * half_eps) as f64;
                            if top_exp == DBL_MAX_EXP
                                && x == ldexp((2 * half_eps) as f64, DBL_MANT_DIG)
                            {
                                return Err(overflow_error());
                            }
                        }
                    }
                    ldexp(x, exp + 4 * key_digit)
                }
            }
        }
    };
    while at < s.len() && is_space(s[at]) {
        at += 1;
    }
    if at != s.len() {
        return Err(parse_error());
    }
    Ok(if negate { -x } else { x })
}

impl Vm {
    /// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
    pub(super) fn int_to_bytes(
        &mut self,
        obj: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let [length, byteorder, signed] = clinic_args(
            "to_bytes",
            ["length", "byteorder", "signed"],
            2,
            args,
            keywords,
        )?;
        let length = match length {
            Some(length) => {
                let length = self.index_value(length)?;
                match Number::of(self.heap.value(length)) {
                    Some(Number::Int(n)) if !matches!(self.heap.value(length), Value::Float(_)) => {
                        n
                    }
                    Some(Number::Big(_)) => {
                        return Err(PyException::new(
                            "OverflowError",
                            "Python int too large to convert to C ssize_t",
                        ));
                    }
                    _ => {
                        return Err(PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.heap.value(length).type_name()
                        )));
                    }
                }
            }
            None => 1,
        };
        let little = little_endian(self, "to_bytes", byteorder)?;
        let signed = match signed {
            Some(flag) => self.truthy(flag)?,
            None => false,
        };
        if length < 0 {
            return Err(PyException::new(
                "ValueError",
                "length argument must be non-negative",
            ));
        }
        self.heap.check_room(length as u64)?;
        let value = self.int_value(obj)?;
        let mut data = int_to_bytes(&value, length as usize, signed)?;
        if little {
            data.reverse();
        }
        self.charge(data.len() as u64);
        Ok(self.fresh_bytes(data))
    }

    /// `cls.from_bytes(bytes, byteorder='big', *, signed=False)`: an int,
    /// passed to `cls` when that is a subclass of int.
    pub(super) fn int_from_bytes_of(
        &mut self,
        cls: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let [source, byteorder, signed] = clinic_args(
            "from_bytes",
            ["bytes", "byteorder", "signed"],
            2,
            args,
            keywords,
        )?;
        let Some(source) = source else {
            return Err(PyException::type_error(
                "from_bytes() missing required argument 'bytes' (pos 1)",
            ));
        };
        let little = little_endian(self, "from_bytes", byteorder)?;
        let signed = match signed {
            Some(flag) => self.truthy(flag)?,
            None => false,
        };
        let mut data = match self.bytes_data(source) {
            Some(data) => data,
            None => {
                let value = self.heap.value(source);
                if Number::of(value).is_some() || matches!(value, Value::Str(_) | Value::None) {
                    return Err(PyException::type_error(format!(
                        "cannot convert '{}' object to bytes",
                        value.type_name()
                    )));
                }
                let made = self.bytes_new(TypeKind::Bytes, &[source], &[])?;
                let data = self.bytes_data(made).unwrap_or_default();
                self.heap.discard(made);
                data
            }
        };
        if little {
            data.reverse();
        }
        let value = if signed {
            BigInt::from_signed_bytes_be(&data)
        } else {
            BigInt::from_bytes_be(Sign::Plus, &data)
        };
        let result = self.int_from_bigint(value);
        if matches!(self.heap.value(cls), Value::Type(TypeKind::Int)) {
            return Ok(result);
        }
        let made = self.call_python(cls, &[result]);
        self.heap.discard(result);
        made
    }

    /// `x.hex()` of a float.
    pub(super) fn float_hex_of(&mut self, obj: ObjId) -> Flow<ObjId> {
        let Value::Float(x) = *self.heap.value(obj) else {
            return Err(PyException::type_error("float.hex() needs a float"));
        };
        let text = float_hex(x);
        Ok(self.str_object(&text))
    }

    /// `cls.fromhex(string)`: a float, passed to `cls` when that is a
    /// subclass of float.
    pub(super) fn float_fromhex_of(&mut self, cls: ObjId, args: &[ObjId]) -> Flow<ObjId> {
        let [string] = args else {
            return Err(PyException::type_error(format!(
                "float.fromhex() takes exactly one argument ({} given)",
                args.len()
            )));
        };
        let Value::Str(text) = self.heap.value(*string) else {
            return Err(PyException::type_error(
                "bad argument type for built-in operation",
            ));
        };
        let x = float_fromhex(text.to_string().as_bytes())?;
        let result = self.heap.alloc(Value::Float(x));
        if matches!(self.heap.value(cls), Value::Type(TypeKind::Float)) {
            return Ok(result);
        }
        let made = self.call_python(cls, &[result]);
        self.heap.discard(result);
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_of_floats() {
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
    }

    #[test]
    fn fromhex_rounds_half_even() {
        let f = |s: &str| float_fromhex(s.as_bytes()).ok();
        assert_eq!(f("0x1.8p1"), Some(3.0));
        assert_eq!(f("0x1.00000000000008p0"), Some(1.0));
        assert_eq!(f("0x1.00000000000018p0"), Some(1.0000000000000004));
        assert_eq!(f("0x1p-1075"), Some(0.0));
        assert_eq!(f("0x3p-1076"), Some(5e-324));
        assert!(f("0x1p1024").is_none());
        assert!(f("p1").is_none());
    }

    #[test]
    fn bytes_of_ints() {
        assert_eq!(
            int_to_bytes(&BigInt::from(-1), 2, true).ok(),
            Some(vec![0xff, 0xff])
        );
        assert!(int_to_bytes(&BigInt::from(128), 1, true).is_err());
        assert_eq!(int_to_bytes(&BigInt::from(0), 0, true).ok(), Some(vec![]));
    }
}
