//! `hash()`, `round()` and `pow()` with CPython 3.14's results on 64-bit
//! builds: the hash of numbers modulo 2**61 - 1 (`Python/pyhash.c`), tuples
//! by xxHash (`tupleobject.c`), strs by SipHash-1-3 with the key of
//! `PYTHONHASHSEED=0`, everything else by its address.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::Vm;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::opcodes::Number;

type Call = Result<ObjId, Box<PyException>>;

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;

/// -1 is an error in CPython's C API, so no hash is ever -1.
fn not_minus_one(hash: i64) -> i64 {
    if hash == -1 { -2 } else { hash }
}

fn hash_bigint(value: &BigInt) -> i64 {
    let modulus = BigInt::from(HASH_MODULUS);
    let reduced = (value.abs() % &modulus).to_i64().unwrap_or(0);
    not_minus_one(if value.is_negative() {
        -reduced
    } else {
        reduced
    })
}

fn hash_int(value: i64) -> i64 {
    let reduced = (value.unsigned_abs() % HASH_MODULUS) as i64;
    not_minus_one(if value < 0 { -reduced } else { reduced })
}

/// `_Py_HashPointer`: the address rotated by 4 bits.
fn hash_address(address: u64) -> i64 {
    not_minus_one(address.rotate_right(4) as i64)
}

/// `_Py_HashDouble` (NaN hashes by the object's address).
pub(super) fn hash_float(value: f64, address: u64) -> i64 {
    if value.is_nan() {
        return hash_address(address);
    }
    if value.is_infinite() {
        return if value > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(value);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    not_minus_one(x as i64 * sign)
}

/// C's `frexp`: `value = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(value: f64) -> (f64, i32) {
    if value == 0.0 || !value.is_finite() {
        return (value, 0);
    }
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(value * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// SipHash-1-3 with an all-zero key (`PYTHONHASHSEED=0`).
fn siphash13(data: &[u8]) -> u64 {
    let (mut v0, mut v1, mut v2, mut v3) = (
        0x736f_6d65_7073_6575u64,
        0x646f_7261_6e64_6f6du64,
        0x6c79_6765_6e65_7261u64,
        0x7465_6462_7974_6573u64,
    );
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    };
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let m = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64 & 0xff) << 56;
    for (i, &byte) in tail.iter().enumerate() {
        last |= u64::from(byte) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// A str's hash: SipHash of its code units in CPython's compact width
/// (1, 2 or 4 bytes per character, by its largest code point).
fn hash_str(text: &str) -> i64 {
    if text.is_empty() {
        return 0;
    }
    let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let bytes: Vec<u8> = if widest < 0x100 {
        text.chars().map(|c| c as u8).collect()
    } else if widest < 0x10000 {
        text.chars()
            .flat_map(|c| (c as u16).to_le_bytes())
            .collect()
    } else {
        text.chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect()
    };
    not_minus_one(siphash13(&bytes) as i64)
}

/// `tuplehash`: xxHash over the items' hashes.
fn hash_tuple(hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &lane in hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(hashes.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

impl Vm {
    /// `hash(obj)`, or the `TypeError` of an unhashable object.
    pub(super) fn hash_of(&self, obj: ObjId) -> Result<i64, Box<PyException>> {
        self.hash_nested(obj, 0)
    }

    /// Nested tuples recurse here, with the depth budgeted as the
    /// interpreter's recursion limit (a deep tuple is a `RecursionError`,
    /// not a crash).
    fn hash_nested(&self, obj: ObjId, depth: usize) -> Result<i64, Box<PyException>> {
        if depth > super::RECURSION_LIMIT {
            return Err(PyException::new(
                "RecursionError",
                "maximum recursion depth exceeded while getting the hash of a tuple",
            ));
        }
        let address = self.heap.get(obj).address;
        Ok(match self.heap.value(obj) {
            Value::Bool(b) => i64::from(*b),
            Value::Int(v) => hash_int(*v),
            Value::BigInt(v) => hash_bigint(v),
            Value::Float(f) => hash_float(*f, address),
            Value::Complex(re, im) => {
                super::complex::complex_hash(hash_float(*re, address), hash_float(*im, address))
            }
            Value::Str(text) => hash_str(text),
            Value::Tuple(items) => {
                let items = items.clone();
                let hashes = items
                    .iter()
                    .map(|&item| self.hash_nested(item, depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                hash_tuple(&hashes)
            }
            Value::List(_) | Value::Dict(_) => {
                return Err(PyException::type_error(format!(
                    "unhashable type: '{}'",
                    self.heap.value(obj).type_name()
                )));
            }
            _ => {
                // Reject what the dict/set keys reject (user classes with
                // `__eq__` but no `__hash__`...), with their message.
                self.hash_key(obj)?;
                hash_address(address)
            }
        })
    }

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
            return self.binary_op(8, base, exp);
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
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.5, 0), 1_152_921_504_606_846_977);
        assert_eq!(hash_float(2.0, 0), 2);
        assert_eq!(hash_float(-7.0, 0), -7);
        assert_eq!(hash_float(f64::INFINITY, 0), 314_159);
        assert_eq!(
            hash_bigint(&(BigInt::from(10).pow(20))),
            848_750_603_811_160_107
        );
    }

    #[test]
    fn tuple_and_str_hashes_are_cpythons_with_seed_zero() {
        // 64-bit CPython (3.11 here, the same algorithms as 3.14), PYTHONHASHSEED=0.
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple(&[1, 2]), -3_550_055_125_485_641_917);
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("a"), 4_644_417_185_603_328_019);
        assert_eq!(hash_str("hello"), -2_096_571_579_003_691_106);
        assert_eq!(hash_str("héllo"), 6_395_329_678_795_984_700);
        assert_eq!(hash_str("€"), -5_529_981_157_763_016_009);
        let a = hash_str("a");
        assert_eq!(hash_tuple(&[a, 1]), 6_955_645_834_154_447_545);
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
