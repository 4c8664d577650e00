//! `complex`: arithmetic with CPython 3.14's mixed-mode rules (a real
//! operand is not widened to `x+0j`, so signed zeros survive), Smith's
//! division (`_Py_c_quot`), integer powers by squaring (`c_powi`), equality
//! only, `abs`, `hash` and the `real`/`imag` attributes
//! (`Objects/complexobject.c`).

use super::Vm;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::opcodes::Number;
use crate::bytecode::{BinaryOp, CompareOp};

type Flow<T> = Result<T, Box<PyException>>;

/// A complex operand, or a real one (kept apart for the mixed-mode rules).
#[derive(Debug, Clone, Copy)]
enum Operand {
    Complex(f64, f64),
    Real(f64),
}

impl Operand {
    fn parts(self) -> (f64, f64) {
        match self {
            Operand::Complex(re, im) => (re, im),
            Operand::Real(re) => (re, 0.0),
        }
    }
}

fn product((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    (ar * br - ai * bi, ar * bi + ai * br)
}

/// `_Py_c_quot`; `None` for a zero divisor.
fn quotient((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_rc_quot`: a real divided by a complex.
fn real_quotient(a: f64, (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some((a / denom, (-a * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((a * ratio) / denom, (-a) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `c_powu`: `x ** n` by repeated squaring.
fn power_unsigned(x: (f64, f64), n: u64) -> (f64, f64) {
    let (mut result, mut power, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            result = product(result, power);
        }
        mask <<= 1;
        power = product(power, power);
    }
    result
}

/// `complex_pow`: small integral exponents by squaring, others in polar form.
pub(super) fn power(a: (f64, f64), b: (f64, f64)) -> Flow<(f64, f64)> {
    let result = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            power_unsigned(a, n as u64)
        } else {
            quotient((1.0, 0.0), power_unsigned(a, n.unsigned_abs())).ok_or_else(|| {
                PyException::new("ZeroDivisionError", "zero to a negative or complex power")
            })?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyException::new(
                "ZeroDivisionError",
                "zero to a negative or complex power",
            ));
        }
        (0.0, 0.0)
    } else {
        let magnitude = a.0.hypot(a.1);
        let mut length = magnitude.powf(b.0);
        let angle = a.1.atan2(a.0);
        let mut phase = angle * b.0;
        if b.1 != 0.0 {
            length /= (angle * b.1).exp();
            phase += b.1 * magnitude.ln();
        }
        (length * phase.cos(), length * phase.sin())
    };
    if (result.0.is_infinite() || result.1.is_infinite())
        && a.0.is_finite()
        && a.1.is_finite()
        && b.0.is_finite()
        && b.1.is_finite()
    {
        return Err(PyException::new("OverflowError", "complex exponentiation"));
    }
    Ok(result)
}

impl Vm {
    fn complex_operand(&self, obj: ObjId) -> Flow<Option<Operand>> {
        Ok(match self.heap.value(obj) {
            Value::Complex(re, im) => Some(Operand::Complex(*re, *im)),
            other => match Number::of(other) {
                Some(Number::Float(f)) => Some(Operand::Real(f)),
                Some(Number::Int(i)) => Some(Operand::Real(i as f64)),
                Some(Number::Big(big)) => Some(Operand::Real(
                    num_traits::ToPrimitive::to_f64(&big)
                        .filter(|f| f.is_finite())
                        .ok_or_else(|| {
                            PyException::new("OverflowError", "int too large to convert to float")
                        })?,
                )),
                None => None,
            },
        })
    }

    /// Both operands as complex-or-real, when at least one is complex.
    fn complex_pair(&self, lhs: ObjId, rhs: ObjId) -> Flow<Option<(Operand, Operand)>> {
        let either = matches!(self.heap.value(lhs), Value::Complex(..))
            || matches!(self.heap.value(rhs), Value::Complex(..));
        if !either {
            return Ok(None);
        }
        match (self.complex_operand(lhs)?, self.complex_operand(rhs)?) {
            (Some(a), Some(b)) => Ok(Some((a, b))),
            _ => Ok(None),
        }
    }

    /// `BINARY_OP` with a complex operand; `None` when neither is complex
    /// (or the other is not a number: the caller reports that).
    pub(super) fn complex_binary_op(
        &mut self,
        op: BinaryOp,
        symbol: &str,
        lhs: ObjId,
        rhs: ObjId,
    ) -> Flow<Option<ObjId>> {
        let Some((a, b)) = self.complex_pair(lhs, rhs)? else {
            return Ok(None);
        };
        use Operand::{Complex, Real};
        let zero_division = || PyException::new("ZeroDivisionError", "division by zero");
        let result = match (op, a, b) {
            (BinaryOp::Add, Complex(ar, ai), Complex(br, bi)) => (ar + br, ai + bi),
            (BinaryOp::Add, Complex(ar, ai), Real(r)) => (ar + r, ai),
            (BinaryOp::Add, Real(r), Complex(br, bi)) => (r + br, bi),
            (BinaryOp::Subtract, Complex(ar, ai), Complex(br, bi)) => (ar - br, ai - bi),
            (BinaryOp::Subtract, Complex(ar, ai), Real(r)) => (ar - r, ai),
            (BinaryOp::Subtract, Real(r), Complex(br, bi)) => (r - br, -bi),
            (BinaryOp::Multiply, Complex(..), Complex(..)) => product(a.parts(), b.parts()),
            (BinaryOp::Multiply, Complex(ar, ai), Real(r))
            | (BinaryOp::Multiply, Real(r), Complex(ar, ai)) => (ar * r, ai * r),
            (BinaryOp::TrueDivide, Complex(..), Complex(..)) => {
                quotient(a.parts(), b.parts()).ok_or_else(zero_division)?
            }
            (BinaryOp::TrueDivide, Complex(ar, ai), Real(r)) => {
                if r == 0.0 {
                    return Err(zero_division());
                }
                (ar / r, ai / r)
            }
            (BinaryOp::TrueDivide, Real(r), Complex(..)) => {
                real_quotient(r, b.parts()).ok_or_else(zero_division)?
            }
            (BinaryOp::Power, _, _) => power(a.parts(), b.parts())?,
            _ => {
                return Err(PyException::type_error(format!(
                    "unsupported operand type(s) for {symbol}: '{}' and '{}'",
                    self.heap.value(lhs).type_name(),
                    self.heap.value(rhs).type_name()
                )));
            }
        };
        Ok(Some(self.heap.alloc(Value::Complex(result.0, result.1))))
    }

    /// `==`/`!=` with a complex operand (`None` when neither is complex);
    /// ordering comparisons are a `TypeError`.
    pub(super) fn complex_compare(
        &self,
        op: CompareOp,
        lhs: ObjId,
        rhs: ObjId,
    ) -> Flow<Option<bool>> {
        let either = matches!(self.heap.value(lhs), Value::Complex(..))
            || matches!(self.heap.value(rhs), Value::Complex(..));
        if !either {
            return Ok(None);
        }
        let equal = match (self.heap.value(lhs), self.heap.value(rhs)) {
            (Value::Complex(ar, ai), Value::Complex(br, bi)) => ar == br && ai == bi,
            (Value::Complex(re, im), other) | (other, Value::Complex(re, im)) => {
                match Number::of(other) {
                    // An int compares with the real part exactly.
                    Some(number) => {
                        *im == 0.0
                            && number.compare(&Number::Float(*re))
                                == Some(std::cmp::Ordering::Equal)
                    }
                    None => false,
                }
            }
            _ => false,
        };
        match op {
            CompareOp::Eq => Ok(Some(equal)),
            CompareOp::Ne => Ok(Some(!equal)),
            _ => Err(PyException::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.heap.value(lhs).type_name(),
                self.heap.value(rhs).type_name()
            ))),
        }
    }

    /// `complex(real=0, imag=0)` from numbers.
    /// `complex(real=..., imag=...)` (`complex_new_impl`): no string.
    pub(super) fn complex_new_keywords(
        &mut self,
        real: Option<ObjId>,
        imag: Option<ObjId>,
    ) -> Flow<ObjId> {
        for (name, part) in [("real", real), ("imag", imag)] {
            if let Some(part) = part
                && let Value::Str(_) = self.heap.value(part)
            {
                return Err(PyException::type_error(format!(
                    "complex() argument '{name}' must be a real number, not str"
                )));
            }
        }
        match (real, imag) {
            (Some(real), None) => {
                if !matches!(self.heap.value(real), Value::Complex(..))
                    && !self.is_instance_obj(real)
                    && self.complex_operand(real)?.is_none()
                {
                    return Err(PyException::type_error(format!(
                        "complex() argument 'real' must be a real number, not {}",
                        self.heap.value(real).type_name()
                    )));
                }
                self.complex_new(&[real])
            }
            (real, Some(imag)) => {
                let real = real.unwrap_or_else(|| self.int_object(0));
                self.complex_new(&[real, imag])
            }
            (None, None) => self.complex_new(&[]),
        }
    }

    pub(super) fn complex_new(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        if args.len() > 2 {
            return Err(PyException::type_error(format!(
                "complex() takes at most 2 arguments ({} given)",
                args.len()
            )));
        }
        if let [only] = args
            && matches!(self.heap.value(*only), Value::Complex(..))
        {
            return Ok(*only);
        }
        if let [only] = args
            && self.is_instance_obj(*only)
        {
            return self.instance_complex(*only);
        }
        if let [text] = args
            && let Value::Str(text) = self.heap.value(*text)
        {
            let (re, im) = parse_complex(text).ok_or_else(|| {
                PyException::new("ValueError", "complex() arg is a malformed string")
            })?;
            return Ok(self.heap.alloc(Value::Complex(re, im)));
        }
        let mut parts = [Operand::Real(0.0), Operand::Real(0.0)];
        for (index, &arg) in args.iter().enumerate() {
            parts[index] = match self.complex_operand(arg)? {
                Some(operand) => operand,
                // (`actual_complex_new` for one argument, `complex_new_impl`
                // for two, which takes no string.)
                None if args.len() == 1 => {
                    return Err(PyException::type_error(format!(
                        "complex() argument must be a string or a number, not {}",
                        self.heap.value(arg).type_name()
                    )));
                }
                None => {
                    return Err(PyException::type_error(format!(
                        "complex() argument '{}' must be a real number, not {}",
                        if index == 0 { "real" } else { "imag" },
                        self.heap.value(arg).type_name()
                    )));
                }
            };
        }
        // complex(r, i) is r + i*1j, but a real part is taken as it is
        // (complex(0, -0.0) keeps its negative zero).
        let (mut real, mut imag) = parts[0].parts();
        if args.len() == 2 {
            let (ir, ii) = parts[1].parts();
            if let Operand::Complex(..) = parts[1] {
                real -= ii;
            }
            imag = match parts[0] {
                Operand::Complex(..) => imag + ir,
                Operand::Real(_) => ir,
            };
        }
        Ok(self.heap.alloc(Value::Complex(real, imag)))
    }
}

/// `complex("1+2j")`: a real, an imaginary (`2j`, `-j`) or both, with
/// optional parentheses and surrounding spaces.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let mut body = text.trim();
    if let Some(inner) = body.strip_prefix('(') {
        body = inner.strip_suffix(')')?.trim();
    }
    if body.is_empty() || body.contains(char::is_whitespace) {
        return None;
    }
    let parse = super::builtins::parse_float;
    let Some(without_j) = body.strip_suffix(['j', 'J']) else {
        return Some((parse(body)?, 0.0));
    };
    // The sign that starts the imaginary part: not the first character,
    // not an exponent's.
    let bytes = without_j.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let (real, imaginary) = match split {
        Some(at) => (parse(&without_j[..at])?, &without_j[at..]),
        None => (0.0, without_j),
    };
    let imag = match imaginary {
        "" | "+" => 1.0,
        "-" => -1.0,
        digits => parse(digits)?,
    };
    Some((real, imag))
}

/// `hash(complex)`: the parts' hashes combined as `complex_hash` does.
pub fn complex_hash(real_hash: i64, imag_hash: i64) -> i64 {
    let combined =
        (real_hash as u64).wrapping_add((imag_hash as u64).wrapping_mul(1_000_003)) as i64;
    if combined == -1 { -2 } else { combined }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_and_powers_follow_cpython() {
        assert_eq!(quotient((1.0, 2.0), (3.0, 4.0)), Some((0.44, 0.08)));
        assert_eq!(quotient((1.0, 0.0), (0.0, 0.0)), None);
        assert_eq!(power_unsigned((0.0, 1.0), 2), (-1.0, 0.0));
        assert!(power((0.0, 0.0), (-1.0, 0.0)).is_err());
        assert_eq!(complex_hash(1, 0), 1);
    }
}
