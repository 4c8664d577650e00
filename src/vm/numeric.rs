//! `round()` and `pow()` with CPython 3.14's results on 64-bit builds
//! (`hash()` is in `hashing.rs`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::Vm;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::opcodes::Number;
use crate::bytecode::BinaryOp;

type Call = Result<ObjId, Box<PyException>>;

impl Vm {
    /// `round(number[, ndigits])`.
    pub(super) fn round(&mut self, number: ObjId, ndigits: Option<ObjId>) -> Call {
        let ndigits = match ndigits {
            Some(n) if n != self.singletons.none => match Number::of(self.heap.value(n)) {
                Some(Number::Int(v)) => Some(BigInt::from(v)),
                Some(Number::Big(v)) => Some(v),
                _ => {
                    return Err(PyException::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.heap.value(n).type_name()
                    )));
                }
            },
            _ => None,
        };
        match self.heap.value(number) {
            Value::Bool(b) => {
                let b = i64::from(*b);
                Ok(self.int_object(b))
            }
            Value::Int(_) | Value::BigInt(_) => {
                let Some(ndigits) = ndigits.filter(|n| n.is_negative()) else {
                    return Ok(number);
                };
                let value = match Number::of(self.heap.value(number)) {
                    Some(Number::Int(v)) => BigInt::from(v),
                    Some(Number::Big(v)) => v,
                    _ => BigInt::zero(),
                };
                let power = ndigits.abs().to_u32().unwrap_or(u32::MAX);
                if power > 100_000 {
                    return Ok(self.int_object(0));
                }
                let unit = num_traits::pow(BigInt::from(10), power as usize);
                let rounded = round_half_even(&value, &unit) * &unit;
                Ok(self.int_from_bigint(rounded))
            }
            Value::Float(f) => {
                let f = *f;
                match ndigits {
                    None => {
                        let mut rounded = f.round();
                        if (f - rounded).abs() == 0.5 {
                            rounded = 2.0 * (f / 2.0).round();
                        }
                        super::math::float_to_int(self, rounded)
                    }
                    Some(ndigits) => {
                        let rounded = round_float(
                            f,
                            ndigits.to_i64().unwrap_or(if ndigits.is_negative() {
                                i64::MIN
                            } else {
                                i64::MAX
                            }),
                        )?;
                        Ok(self.heap.alloc(Value::Float(rounded)))
                    }
                }
            }
            other => Err(PyException::type_error(format!(
                "type {} doesn't define __round__ method",
                other.type_name()
            ))),
        }
    }

    /// `pow(base, exp[, mod])`.
    pub(super) fn pow(&mut self, base: ObjId, exp: ObjId, modulus: Option<ObjId>) -> Call {
        let Some(modulus) = modulus.filter(|&m| m != self.singletons.none) else {
            // NB_POWER, as `**`.
            return self.binary_op(BinaryOp::Power, base, exp);
        };
        let as_int = |vm: &Vm, obj: ObjId| match Number::of(vm.heap.value(obj)) {
            Some(Number::Int(v)) => Some(BigInt::from(v)),
            Some(Number::Big(v)) => Some(v),
            _ => None,
        };
        let (Some(base), Some(exp), Some(modulus)) =
            (as_int(self, base), as_int(self, exp), as_int(self, modulus))
        else {
            return Err(PyException::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if modulus.is_zero() {
            return Err(PyException::new(
                "ValueError",
                "pow() 3rd argument cannot be 0",
            ));
        }
        let m = modulus.abs();
        let mut base = base.mod_floor(&m);
        let mut exp = exp;
        if exp.is_negative() {
            base = modular_inverse(&base, &m).ok_or_else(|| {
                PyException::new("ValueError", "base is not invertible for the given modulus")
            })?;
            exp = -exp;
        }
        let mut result = base.modpow(&exp, &m);
        // The result takes the modulus's sign, as `%` does.
        if modulus.is_negative() && !result.is_zero() {
            result += &modulus;
        }
        Ok(self.int_from_bigint(result))
    }
}

fn modular_inverse(value: &BigInt, modulus: &BigInt) -> Option<BigInt> {
    let extended = value.extended_gcd(modulus);
    if !extended.gcd.is_one() {
        return None;
    }
    Some(extended.x.mod_floor(modulus))
}

/// `value / unit` rounded half to even.
fn round_half_even(value: &BigInt, unit: &BigInt) -> BigInt {
    let (quotient, remainder) = value.div_mod_floor(unit);
    let twice = &remainder * 2;
    if twice > *unit || (twice == *unit && quotient.is_odd()) {
        quotient + 1
    } else {
        quotient
    }
}

/// `float.__round__(ndigits)`: the exact binary value rounded half-even to
/// `ndigits` decimals (`double_round`), through exact integers.
fn round_float(value: f64, ndigits: i64) -> Result<f64, Box<PyException>> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !value.is_finite() || value == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(value);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * value);
    }
    // value = mantissa * 2**exponent exactly.
    let bits = value.abs().to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i64;
    let (mantissa, exponent) = if raw_exponent == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), raw_exponent - 1075)
    };
    let mantissa = BigInt::from(mantissa);
    // Scale to an integer numerator over a denominator, times 10**ndigits.
    let (mut numerator, mut denominator) = if exponent >= 0 {
        (mantissa << exponent as usize, BigInt::one())
    } else {
        (mantissa, BigInt::one() << (-exponent) as usize)
    };
    let ten_power = num_traits::pow(BigInt::from(10), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        numerator *= &ten_power;
    } else {
        denominator *= &ten_power;
    }
    let rounded = round_half_even(&numerator, &denominator);
    // Back to a float: rounded / 10**ndigits, correctly rounded.
    let result = if ndigits >= 0 {
        ratio_to_f64(&rounded, &ten_power)
    } else {
        (rounded * &ten_power).to_f64().unwrap_or(f64::INFINITY)
    };
    if result.is_infinite() {
        return Err(PyException::new(
            "OverflowError",
            "rounded value too large to represent",
        ));
    }
    Ok(if value < 0.0 { -result } else { result })
}

/// `numerator / denominator` as the nearest float, through the decimal
/// text and Rust's correctly rounded parser.
fn ratio_to_f64(numerator: &BigInt, denominator: &BigInt) -> f64 {
    let digits = numerator.to_string();
    let scale = denominator.to_string().len() - 1;
    let text = if digits.len() > scale {
        format!(
            "{}.{}",
            &digits[..digits.len() - scale],
            &digits[digits.len() - scale..]
        )
    } else {
        format!("0.{}{}", "0".repeat(scale - digits.len()), digits)
    };
    text.parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_hashes_are_cpythons() {
        use crate::bytecode::hashing::*;
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash(1 << 61), 1);
        assert_eq!(float_hash(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(float_hash(2.0), Some(2));
        assert_eq!(float_hash(-7.0), Some(-7));
        assert_eq!(float_hash(f64::INFINITY), Some(314_159));
        assert_eq!(
            big_int_hash(&(BigInt::from(10).pow(20))),
            848_750_603_811_160_107
        );
    }

    #[test]
    fn tuple_and_str_hashes_are_cpythons_with_seed_zero() {
        use crate::bytecode::hashing::*;
        // 64-bit CPython (3.11 here, the same algorithms as 3.14), PYTHONHASHSEED=0.
        assert_eq!(tuple_hash(&[]), 5_740_354_900_026_072_187);
        assert_eq!(tuple_hash(&[1, 2]), -3_550_055_125_485_641_917);
        assert_eq!(str_hash(""), 0);
        assert_eq!(str_hash("a"), 4_644_417_185_603_328_019);
        assert_eq!(str_hash("hello"), -2_096_571_579_003_691_106);
        assert_eq!(str_hash("héllo"), 6_395_329_678_795_984_700);
        assert_eq!(str_hash("€"), -5_529_981_157_763_016_009);
        let a = str_hash("a");
        assert_eq!(tuple_hash(&[a, 1]), 6_955_645_834_154_447_545);
    }

    #[test]
    fn rounding_is_exact() {
        assert_eq!(round_float(2.675, 2).ok(), Some(2.67));
        assert_eq!(round_float(1234.5678, -2).ok(), Some(1200.0));
        assert_eq!(round_float(0.125, 2).ok(), Some(0.12));
        assert_eq!(round_float(0.375, 2).ok(), Some(0.38));
        assert_eq!(round_float(-2.5, 0).ok(), Some(-2.0));
        assert_eq!(round_float(0.1 + 0.2, 10).ok(), Some(0.3));
    }
}
