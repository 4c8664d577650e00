//! CPython 3.14's `hash()` values on 64-bit, with `PYTHONHASHSEED=0` (the
//! oracle's setting): ints modulo the Mersenne prime 2**61 - 1, floats by
//! `_Py_HashDouble`, strings by SipHash-1-3 with a zero key over their
//! PEP 393 representation, tuples by the xxHash-based `tuplehash`, other
//! objects by their address. Set iteration order follows from these.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1u64 << HASH_BITS) - 1;
pub const HASH_INF: i64 = 314_159;

fn fix(hash: i64) -> i64 {
    if hash == -1 { -2 } else { hash }
}

/// `long_hash` of a machine int.
pub fn int_hash(value: i64) -> i64 {
    let magnitude = value.unsigned_abs() % MODULUS;
    let hash = magnitude as i64;
    fix(if value < 0 { -hash } else { hash })
}

/// `long_hash` of a big int.
pub fn big_int_hash(value: &BigInt) -> i64 {
    let magnitude = (value.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    fix(if value.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// `_Py_HashDouble` of a finite or infinite float (NaN hashes by identity).
pub fn float_hash(value: f64) -> Option<i64> {
    if value.is_nan() {
        return None;
    }
    if value.is_infinite() {
        return Some(if value > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(value);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    Some(fix(x as i64 * sign))
}

/// C's `frexp`: `value = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(value: f64) -> (f64, i32) {
    if value == 0.0 || !value.is_finite() {
        return (value, 0);
    }
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(value * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exponent - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `unicode_hash`: SipHash-1-3 (zero key) of the string's PEP 393 bytes.
pub fn str_hash(text: &str) -> i64 {
    if text.is_empty() {
        return 0;
    }
    let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut bytes = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        let c = c as u32;
        match widest {
            0..=0xff => bytes.push(c as u8),
            0x100..=0xffff => bytes.extend_from_slice(&(c as u16).to_le_bytes()),
            _ => bytes.extend_from_slice(&c.to_le_bytes()),
        }
    }
    fix(siphash13(0, 0, &bytes) as i64)
}

/// `bytes_hash` (`Py_HashBuffer`): the same SipHash-1-3 over the bytes, so
/// `hash(b'abc') == hash('abc')` for ASCII text, as in CPython.
pub fn bytes_hash(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix(siphash13(0, 0, data) as i64)
}

fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut last = (data.len() as u64 & 0xff) << 56;
    for (i, &byte) in rest.iter().enumerate() {
        last |= (byte as u64) << (8 * i);
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

/// `tuplehash` of the items' hashes.
pub fn tuple_hash(hashes: &[i64]) -> i64 {
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

/// `_Py_HashPointer`: the address rotated by 4 bits.
pub fn pointer_hash(address: u64) -> i64 {
    fix(address.rotate_right(4) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_follow_cpython_64_bit() {
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash(5), 5);
        assert_eq!(int_hash(1 << 61), 1);
        assert_eq!(float_hash(1.0), Some(1));
        assert_eq!(float_hash(1.5), Some((1 << 60) + 1));
        assert_eq!(float_hash(-0.5), Some(-(1 << 60)));
        assert_eq!(str_hash(""), 0);
        // PYTHONHASHSEED=0, latin-1, UCS-2 and UCS-4 strings.
        assert_eq!(str_hash("abc"), -4_594_863_902_769_663_758);
        assert_eq!(str_hash("é"), 6_047_309_291_227_476_195);
        assert_eq!(str_hash("ĀB"), -1_550_311_731_070_739_927);
        assert_eq!(str_hash("😀"), -3_536_540_696_076_613_844);
        assert_eq!(tuple_hash(&[]), 5_740_354_900_026_072_187);
    }
}
