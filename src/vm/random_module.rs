//! The `random` module: CPython's Mersenne Twister (`Modules/_randommodule.c`)
//! and the methods of `Lib/random.py` built on it (`randrange`, `randint`,
//! `choice`, `shuffle`, `sample`, `uniform`, `choices`, `randbytes`,
//! `triangular`, `normalvariate`, `gauss`, `lognormvariate`, `expovariate`), drawing
//! the same numbers in the same order, so a seeded program prints what
//! CPython prints. An unseeded generator (and `seed()`/`seed(None)`) is seeded
//! as `seed(0)`, not from the system's entropy: a program gives the same
//! output every run, as bytestep's recordings need. The other distributions
//! (`gammavariate`…) and `Random` instances are refused.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};
use crate::bytecode::operators::BinaryOp;

/// A function of the `random` module (a method of its hidden instance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RandomFunction {
    Seed,
    Random,
    GetRandBits,
    RandBytes,
    RandRange,
    RandInt,
    Choice,
    Shuffle,
    Sample,
    Uniform,
    Choices,
    Triangular,
    NormalVariate,
    Gauss,
    LogNormVariate,
    ExpoVariate,
    GetState,
    SetState,
}

impl RandomFunction {
    const ALL: [RandomFunction; 18] = [
        RandomFunction::Seed,
        RandomFunction::Random,
        RandomFunction::Uniform,
        RandomFunction::Triangular,
        RandomFunction::RandInt,
        RandomFunction::Choice,
        RandomFunction::RandRange,
        RandomFunction::Sample,
        RandomFunction::Shuffle,
        RandomFunction::Choices,
        RandomFunction::NormalVariate,
        RandomFunction::LogNormVariate,
        RandomFunction::ExpoVariate,
        RandomFunction::Gauss,
        RandomFunction::GetState,
        RandomFunction::SetState,
        RandomFunction::GetRandBits,
        RandomFunction::RandBytes,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RandomFunction::Seed => "seed",
            RandomFunction::Random => "random",
            RandomFunction::GetRandBits => "getrandbits",
            RandomFunction::RandBytes => "randbytes",
            RandomFunction::RandRange => "randrange",
            RandomFunction::RandInt => "randint",
            RandomFunction::Choice => "choice",
            RandomFunction::Shuffle => "shuffle",
            RandomFunction::Sample => "sample",
            RandomFunction::Uniform => "uniform",
            RandomFunction::Choices => "choices",
            RandomFunction::Triangular => "triangular",
            RandomFunction::NormalVariate => "normalvariate",
            RandomFunction::Gauss => "gauss",
            RandomFunction::LogNormVariate => "lognormvariate",
            RandomFunction::ExpoVariate => "expovariate",
            RandomFunction::GetState => "getstate",
            RandomFunction::SetState => "setstate",
        }
    }

    /// `random.py`'s signature: positional-or-keyword parameters (the first
    /// `required` of them without a default) and keyword-only ones.
    fn signature(self) -> (&'static [&'static str], usize, &'static [&'static str]) {
        match self {
            RandomFunction::Seed => (&["a", "version"], 0, &[]),
            RandomFunction::RandBytes => (&["n"], 1, &[]),
            RandomFunction::RandRange => (&["start", "stop", "step"], 1, &[]),
            RandomFunction::RandInt | RandomFunction::Uniform => (&["a", "b"], 2, &[]),
            RandomFunction::Choice => (&["seq"], 1, &[]),
            RandomFunction::Shuffle => (&["x"], 1, &[]),
            RandomFunction::Sample => (&["population", "k"], 2, &["counts"]),
            RandomFunction::Choices => (&["population", "weights"], 1, &["cum_weights", "k"]),
            RandomFunction::Triangular => (&["low", "high", "mode"], 0, &[]),
            RandomFunction::NormalVariate | RandomFunction::Gauss => (&["mu", "sigma"], 0, &[]),
            RandomFunction::LogNormVariate => (&["mu", "sigma"], 2, &[]),
            RandomFunction::ExpoVariate => (&["lambd"], 0, &[]),
            RandomFunction::GetState => (&[], 0, &[]),
            RandomFunction::SetState => (&["state"], 1, &[]),
            // (C methods: their own checks.)
            RandomFunction::Random | RandomFunction::GetRandBits => (&[], 0, &[]),
        }
    }
}

/// The names of `random` that bytestep does not build.
pub(super) const REFUSED: &[&str] = &[
    "Random",
    "SystemRandom",
    "vonmisesvariate",
    "gammavariate",
    "betavariate",
    "binomialvariate",
    "paretovariate",
    "weibullvariate",
];

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 as `_randommodule.c` runs it.
#[derive(Debug, Clone)]
pub struct MersenneTwister {
    state: [u32; N],
    index: usize,
    /// `gauss_next`: the second value `gauss()` made, `seed()` forgets it.
    gauss_next: Option<f64>,
}

impl MersenneTwister {
    /// `random.seed(0)`: what bytestep uses for an unseeded generator.
    pub fn new() -> MersenneTwister {
        let mut mt = MersenneTwister {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.init_by_array(&[0]);
        mt
    }

    fn init_genrand(&mut self, seed: u32) {
        let mt = &mut self.state;
        mt[0] = seed;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `init_by_array` with the 32-bit words of `n` (least significant
    /// first; one zero word for 0), as `random_seed` splits it.
    fn seed_with(&mut self, n: &BigUint) {
        self.gauss_next = None;
        let mut key = n.to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    fn next_u32(&mut self) -> u32 {
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_random`: 53 random bits in [0, 1).
    fn random(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random_getrandbits`: `k` bits, in 32-bit words from the least
    /// significant, the last one cut to what is left.
    fn getrandbits(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        if k <= 32 {
            return BigUint::from(self.next_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `_randbelow_with_getrandbits(n)` for `n > 0`.
    fn randbelow(&mut self, n: &BigUint) -> BigUint {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigUint::from(n)).to_usize().unwrap_or(0)
    }
}

impl Default for MersenneTwister {
    fn default() -> Self {
        MersenneTwister::new()
    }
}

/// SHA-512 (FIPS 180-4), for `seed()` of a str or bytes (`random.py`
/// appends the digest). Its constants are computed, not typed: the first
/// 64 bits of the fractional parts of the square roots (initial hash) and
/// cube roots (round constants) of the first primes.
fn sha512(message: &[u8]) -> [u8; 64] {
    let primes: Vec<u64> = (2u64..)
        .filter(|&n| (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .take(80)
        .collect();
    let fraction = |root: BigUint| -> u64 {
        let mask = (BigUint::one() << 64u32) - BigUint::one();
        (root & mask).to_u64().unwrap_or(0)
    };
    let mut h: Vec<u64> = primes[..8]
        .iter()
        .map(|&p| fraction((BigUint::from(p) << 128u32).sqrt()))
        .collect();
    let k: Vec<u64> = primes
        .iter()
        .map(|&p| fraction((BigUint::from(p) << 192u32).cbrt()))
        .collect();
    let mut data = message.to_vec();
    let bit_len = (message.len() as u128) * 8;
    data.push(0x80);
    while data.len() % 128 != 112 {
        data.push(0);
    }
    data.extend_from_slice(&bit_len.to_be_bytes());
    for block in data.chunks(128) {
        let mut w = [0u64; 80];
        for (t, word) in block.chunks(8).enumerate() {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(word);
            w[t] = u64::from_be_bytes(bytes);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let mut v = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]];
        for t in 0..80 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (hi, vi) in h.iter_mut().zip(v) {
            *hi = hi.wrapping_add(vi);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, word) in out.chunks_mut(8).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

impl Vm {
    /// `import random`: the module, made the first time, its generator
    /// seeded as `seed(0)`.
    pub(super) fn random_module(&mut self) -> ObjId {
        let members: Vec<(&str, Builtin)> = RandomFunction::ALL
            .iter()
            .map(|&f| (f.name(), Builtin::Random(f)))
            .collect();
        self.builtin_module("random", &members, |vm, _| {
            vm.random = Some(Box::default());
        })
    }

    fn twister(&mut self) -> &mut MersenneTwister {
        self.random.get_or_insert_with(Box::default)
    }

    /// An argument `operator.index` takes: an int (or bool) as a BigInt.
    fn random_index(&self, obj: ObjId) -> Flow<BigInt> {
        match self.heap.value(obj) {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => self.int_value(obj),
            Value::Instance { .. } => Err(self.unsupported("random with an instance's __index__")),
            other => Err(PyException::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }

    /// `seed(a=None, version=2)`.
    fn random_seed(&mut self, a: Option<ObjId>, version: Option<ObjId>) -> Flow<ObjId> {
        let a = a.filter(|&a| !matches!(self.heap.value(a), Value::None));
        let version = match version.map(|v| self.heap.value(v)) {
            None => Some(2),
            Some(Value::Int(v)) => Some(*v),
            Some(Value::Bool(b)) => Some(i64::from(*b)),
            Some(Value::Float(f)) if *f == 1.0 || *f == 2.0 => Some(*f as i64),
            Some(_) => None,
        };
        let Some(a) = a else {
            // (CPython reads the system's entropy; bytestep stays reproducible.)
            *self.twister() = MersenneTwister::new();
            return Ok(self.singletons.none);
        };
        let text_bytes: Option<Vec<u8>> = match self.heap.value(a) {
            Value::Str(text) => Some(text.as_bytes().to_vec()),
            Value::Bytes(_) | Value::ByteArray(_) => self.bytes_data(a),
            _ => None,
        };
        let is_str_or_bytes = matches!(self.heap.value(a), Value::Str(_) | Value::Bytes(_));
        let n: BigUint = match (version, text_bytes) {
            (Some(1), Some(bytes)) if is_str_or_bytes => {
                // Version 1: `a.decode('latin-1')` of bytes, then a string hash.
                let chars: Vec<u32> = match self.heap.value(a) {
                    Value::Str(text) => text.chars().map(u32::from).collect(),
                    _ => bytes.iter().map(|&b| u32::from(b)).collect(),
                };
                let mut x: u64 = chars.first().map_or(0, |&c| u64::from(c) << 7);
                for &c in &chars {
                    x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
                }
                x ^= chars.len() as u64;
                BigUint::from(x)
            }
            (Some(2), Some(mut bytes)) => {
                let digest = sha512(&bytes);
                bytes.extend_from_slice(&digest);
                BigUint::from_bytes_be(&bytes)
            }
            _ => match self.heap.value(a) {
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    self.int_value(a)?.magnitude().clone()
                }
                Value::Float(_) | Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => {
                    // `random_seed`: the hash, as an unsigned 64-bit size_t.
                    let hash = self.py_hash(a)?;
                    BigUint::from(hash as u64)
                }
                _ => {
                    return Err(PyException::type_error(
                        "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.",
                    ));
                }
            },
        };
        self.twister().seed_with(&n);
        Ok(self.singletons.none)
    }

    /// `getrandbits(k)` (`k` a non-negative int).
    fn random_getrandbits(&mut self, k: ObjId) -> Flow<BigUint> {
        let k = self.random_index(k)?;
        if k.is_negative() {
            return Err(PyException::new(
                "ValueError",
                "Cannot convert negative int",
            ));
        }
        let k = k.to_u64().unwrap_or(u64::MAX);
        self.heap.check_room(k / 8)?;
        Ok(self.twister().getrandbits(k))
    }

    /// `randrange(start, stop=None, step=1)`.
    fn random_randrange(
        &mut self,
        start: ObjId,
        stop: Option<ObjId>,
        step: Option<ObjId>,
    ) -> Flow<ObjId> {
        let istart = self.random_index(start)?;
        let stop = stop.filter(|&s| !matches!(self.heap.value(s), Value::None));
        let Some(stop) = stop else {
            // (`step is not _ONE`: any step but the int 1.)
            if let Some(step) = step
                && !matches!(self.heap.value(step), Value::Int(1))
            {
                return Err(PyException::type_error("Missing a non-None stop argument"));
            }
            if istart.is_positive() {
                let r = self.twister().randbelow(istart.magnitude());
                return Ok(self.int_from_bigint(BigInt::from(r)));
            }
            return Err(PyException::new(
                "ValueError",
                "empty range for randrange()",
            ));
        };
        let istop = self.random_index(stop)?;
        let width = &istop - &istart;
        let istep = match step {
            Some(step) => self.random_index(step)?,
            None => BigInt::one(),
        };
        if istep.is_one() {
            if width.is_positive() {
                let r = self.twister().randbelow(width.magnitude());
                return Ok(self.int_from_bigint(istart + BigInt::from(r)));
            }
            let (start, stop) = (self.heap.str(start), self.heap.str(stop));
            return Err(PyException::new(
                "ValueError",
                format!("empty range in randrange({start}, {stop})"),
            ));
        }
        let n = if istep.is_positive() {
            num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
        } else if istep.is_negative() {
            num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
        } else {
            return Err(PyException::new("ValueError", "zero step for randrange()"));
        };
        if !n.is_positive() {
            let (start, stop) = (self.heap.str(start), self.heap.str(stop));
            let step = step.map(|s| self.heap.str(s)).unwrap_or_default();
            return Err(PyException::new(
                "ValueError",
                format!("empty range in randrange({start}, {stop}, {step})"),
            ));
        }
        let r = self.twister().randbelow(n.magnitude());
        Ok(self.int_from_bigint(istart + istep * BigInt::from(r)))
    }

    /// `randint(a, b)`.
    fn random_randint(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let a = self.random_index(a)?;
        let b = self.random_index(b)?;
        if b < a {
            return Err(PyException::new(
                "ValueError",
                format!("empty range in randint({a}, {b})"),
            ));
        }
        let width: BigInt = &b - &a + 1;
        let r = self.twister().randbelow(width.magnitude());
        Ok(self.int_from_bigint(a + BigInt::from(r)))
    }

    /// `len(seq)` for the sequence methods: an instance's `__len__` would
    /// be a frame, which these native methods do not run.
    fn random_len(&mut self, seq: ObjId) -> Flow<usize> {
        if self.is_instance_obj(seq) {
            return Err(self.unsupported("random with a sequence of a class"));
        }
        Ok(usize::try_from(self.len_of(seq)?).unwrap_or(0))
    }

    /// `seq[index]`.
    fn random_item(&mut self, seq: ObjId, index: usize) -> Flow<ObjId> {
        let key = self.int_object(index as i64);
        let item = self.subscript(seq, key);
        self.heap.discard(key);
        item
    }

    /// `choice(seq)`.
    fn random_choice(&mut self, seq: ObjId) -> Flow<ObjId> {
        let n = self.random_len(seq)?;
        if n == 0 {
            return Err(PyException::new(
                "IndexError",
                "Cannot choose from an empty sequence",
            ));
        }
        let j = self.twister().randbelow_usize(n);
        self.random_item(seq, j)
    }

    /// `shuffle(x)`: from the end, each item swapped with one at or
    /// before it (`x[i], x[j] = x[j], x[i]`, both held while they move).
    fn random_shuffle(&mut self, x: ObjId) -> Flow<ObjId> {
        let n = self.random_len(x)?;
        let holder = self.raised_referrer();
        for i in (1..n).rev() {
            let j = self.twister().randbelow_usize(i + 1);
            let xj = self.random_item(x, j)?;
            self.heap.incref(xj, holder);
            let xi = match self.random_item(x, i) {
                Ok(xi) => xi,
                Err(error) => {
                    self.heap.decref(xj, holder);
                    return Err(error);
                }
            };
            self.heap.incref(xi, holder);
            let (ki, kj) = (self.int_object(i as i64), self.int_object(j as i64));
            let result = self
                .setitem_any(x, ki, xj)
                .and_then(|()| self.setitem_any(x, kj, xi));
            for key in [ki, kj] {
                self.heap.discard(key);
            }
            self.heap.decref(xj, holder);
            self.heap.decref(xi, holder);
            result?;
        }
        Ok(self.singletons.none)
    }

    /// `sample(population, k, *, counts=None)` (without `counts`).
    fn random_sample(&mut self, population: ObjId, k: ObjId) -> Flow<ObjId> {
        self.random_population(population)?;
        let n = self.random_len(population)?;
        self.random_sample_of(population, n, k)
    }

    /// `isinstance(population, Sequence)`.
    fn random_population(&self, population: ObjId) -> Flow {
        let sequence = matches!(
            self.heap.value(population),
            Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range { .. }
                | Value::Bytes(_)
                | Value::ByteArray(_)
        );
        if !sequence {
            return Err(PyException::type_error(
                "Population must be a sequence.  For dicts or sets, use sorted(d).",
            ));
        }
        Ok(())
    }

    /// The sample of `k` items of a sequence of `n`.
    fn random_sample_of(&mut self, population: ObjId, n: usize, k: ObjId) -> Flow<ObjId> {
        // `0 <= k <= n`, then `[None] * k`.
        let k = match self.heap.value(k) {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let k = self.int_value(k)?;
                match k.to_usize() {
                    Some(k) if k <= n => k,
                    _ => {
                        return Err(PyException::new(
                            "ValueError",
                            "Sample larger than population or is negative",
                        ));
                    }
                }
            }
            Value::Float(f) if *f < 0.0 || *f > n as f64 || f.is_nan() => {
                return Err(PyException::new(
                    "ValueError",
                    "Sample larger than population or is negative",
                ));
            }
            other => {
                return Err(PyException::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.type_name()
                )));
            }
        };
        let mut setsize = 21usize;
        if k > 5 {
            let exponent = (((k * 3) as f64).ln() / 4f64.ln()).ceil();
            setsize = setsize.saturating_add(4usize.saturating_pow(exponent as u32));
        }
        let mut result = Vec::with_capacity(k);
        if n <= setsize {
            // The pool: `list(population)`, vacancies filled from its end.
            let mut pool = Vec::with_capacity(n);
            for index in 0..n {
                match self.random_item(population, index) {
                    Ok(item) => pool.push(item),
                    Err(error) => {
                        self.discard_all(pool);
                        return Err(error);
                    }
                }
            }
            let fetched = pool.clone();
            for i in 0..k {
                let j = self.twister().randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
            let list = self.list_object(result, false);
            // What the pool held and was not taken goes with it.
            let mut released = std::collections::HashSet::new();
            for item in fetched {
                if released.insert(item) {
                    self.heap.discard(item);
                }
            }
            return Ok(list);
        }
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = self.twister().randbelow_usize(n);
            while selected.contains(&j) {
                j = self.twister().randbelow_usize(n);
            }
            selected.insert(j);
            match self.random_item(population, j) {
                Ok(item) => result.push(item),
                Err(error) => {
                    self.discard_all(result);
                    return Err(error);
                }
            }
        }
        Ok(self.list_object(result, false))
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    fn random_uniform(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        if self.is_instance_obj(a) || self.is_instance_obj(b) {
            return Err(self.unsupported("random.uniform() of instances"));
        }
        let width = self.binary_op(BinaryOp::Subtract, b, a)?;
        let r = self.twister().random();
        let r = self.heap.alloc(Value::Float(r));
        let scaled = self.binary_op(BinaryOp::Multiply, width, r);
        // (`BINARY_OP` lets go of its left operand first.)
        self.heap.discard(width);
        self.heap.discard(r);
        let scaled = scaled?;
        let result = self.binary_op(BinaryOp::Add, a, scaled);
        self.heap.discard(scaled);
        result
    }

    /// `choices(population, weights=None, *, cum_weights=None, k=1)`: a
    /// list grown by appends, as the comprehension does.
    fn random_choices(
        &mut self,
        population: ObjId,
        weights: Option<ObjId>,
        cum_weights: Option<ObjId>,
        k: Option<ObjId>,
    ) -> Flow<ObjId> {
        let none = self.singletons.none;
        let weights = weights.filter(|&w| w != none);
        let cum_weights = cum_weights.filter(|&w| w != none);
        let n = self.random_len(population)?;
        let count = |vm: &Vm, k: Option<ObjId>| -> Flow<usize> {
            match k {
                None => Ok(1),
                Some(k) => Ok(vm.random_index(k)?.to_usize().unwrap_or(0)),
            }
        };
        let list = self.list_object(Vec::new(), false);
        let outcome = (|| -> Flow {
            if weights.is_none() && cum_weights.is_none() {
                let k = count(self, k)?;
                for _ in 0..k {
                    let r = self.twister().random();
                    let index = (r * n as f64).floor() as usize;
                    let item = self.random_item(population, index)?;
                    self.list_append(list, item)?;
                }
                return Ok(());
            }
            let cumulative: Vec<f64> = match (weights, cum_weights) {
                (Some(_), Some(_)) => {
                    return Err(PyException::type_error(
                        "Cannot specify both weights and cumulative weights",
                    ));
                }
                (Some(weights), None) => {
                    if let Value::Int(_) | Value::BigInt(_) | Value::Bool(_) =
                        self.heap.value(weights)
                    {
                        let k = self.heap.str(weights);
                        return Err(PyException::type_error(format!(
                            "The number of choices must be a keyword argument: k={k}"
                        )));
                    }
                    self.random_accumulate(weights)?
                }
                (None, Some(cum)) => self.random_floats(cum)?,
                (None, None) => Vec::new(),
            };
            if cumulative.len() != n {
                return Err(PyException::new(
                    "ValueError",
                    "The number of weights does not match the population",
                ));
            }
            let Some(&total) = cumulative.last() else {
                return Err(PyException::new("IndexError", "list index out of range"));
            };
            if total <= 0.0 {
                return Err(PyException::new(
                    "ValueError",
                    "Total of weights must be greater than zero",
                ));
            }
            if !total.is_finite() {
                return Err(PyException::new(
                    "ValueError",
                    "Total of weights must be finite",
                ));
            }
            let k = count(self, k)?;
            let hi = n - 1;
            for _ in 0..k {
                let x = self.twister().random() * total;
                // `bisect_right(cum_weights, x, 0, hi)`.
                let index = cumulative[..hi].partition_point(|&c| c <= x);
                let item = self.random_item(population, index)?;
                self.list_append(list, item)?;
            }
            Ok(())
        })();
        match outcome {
            Ok(()) => Ok(list),
            Err(error) => {
                self.heap.discard(list);
                Err(error)
            }
        }
    }

    /// `list(accumulate(weights))` of ints and floats, as floats.
    fn random_accumulate(&mut self, weights: ObjId) -> Flow<Vec<f64>> {
        let items = self.random_sequence_items(weights)?;
        let mut out = Vec::with_capacity(items.len());
        let mut total: Option<ObjId> = None;
        let mut failure = None;
        for item in items {
            let next = match total {
                None => Ok(item),
                Some(sum) => self.binary_op(BinaryOp::Add, sum, item),
            };
            match next {
                Ok(sum) => {
                    if let Some(old) = total.replace(sum)
                        && old != sum
                    {
                        self.heap.discard(old);
                    }
                }
                Err(error) => {
                    failure = Some(error);
                    break;
                }
            }
            match total.map(|sum| self.random_float(sum)) {
                Some(Ok(value)) => out.push(value),
                Some(Err(error)) => {
                    failure = Some(error);
                    break;
                }
                None => {}
            }
        }
        if let Some(total) = total {
            self.heap.discard(total);
        }
        match failure {
            Some(error) => Err(error),
            None => Ok(out),
        }
    }

    fn random_floats(&mut self, cum: ObjId) -> Flow<Vec<f64>> {
        let items = self.random_sequence_items(cum)?;
        items
            .into_iter()
            .map(|item| self.random_float(item))
            .collect()
    }

    /// A weight as `+ 0.0` and the comparisons read it.
    fn random_float(&mut self, value: ObjId) -> Flow<f64> {
        match self.heap.value(value) {
            Value::Float(f) => Ok(*f),
            Value::Int(v) => Ok(*v as f64),
            Value::Bool(b) => Ok(f64::from(u8::from(*b))),
            Value::BigInt(v) => Ok(v.to_f64().unwrap_or(f64::INFINITY)),
            Value::Str(_) => Err(PyException::type_error(
                "can only concatenate str (not \"float\") to str",
            )),
            _ => Err(self.unsupported("random.choices() with weights that are not numbers")),
        }
    }

    /// The items of a list, tuple or range of weights.
    fn random_sequence_items(&mut self, seq: ObjId) -> Flow<Vec<ObjId>> {
        match self.heap.value(seq) {
            Value::List(list) => Ok(list.items.clone()),
            Value::Tuple(items) => Ok(items.to_vec()),
            Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_) => {
                Err(PyException::type_error(format!(
                    "'{}' object is not iterable",
                    self.heap.value(seq).type_name()
                )))
            }
            _ => Err(self.unsupported("random.choices() with weights that are not a list")),
        }
    }

    /// A float argument of the distributions (an int converted as
    /// `float * int` converts it); `default` when not given.
    fn random_real(&self, value: Option<ObjId>, default: f64) -> Flow<f64> {
        let Some(value) = value else {
            return Ok(default);
        };
        match self.heap.value(value) {
            Value::Float(f) => Ok(*f),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let f = self.int_value(value)?.to_f64().unwrap_or(f64::INFINITY);
                if f.is_finite() {
                    Ok(f)
                } else {
                    Err(PyException::new(
                        "OverflowError",
                        "int too large to convert to float",
                    ))
                }
            }
            _ => {
                Err(self.unsupported("random's distributions with arguments that are not numbers"))
            }
        }
    }

    /// `triangular(low=0.0, high=1.0, mode=None)`.
    fn random_triangular(
        &mut self,
        low: Option<ObjId>,
        high: Option<ObjId>,
        mode: Option<ObjId>,
    ) -> Flow<ObjId> {
        let u = self.twister().random();
        let (mut lo, mut hi) = (self.random_real(low, 0.0)?, self.random_real(high, 1.0)?);
        let mode = mode.filter(|&m| !matches!(self.heap.value(m), Value::None));
        let mut c = match mode {
            None => 0.5,
            Some(mode) => {
                let mode = self.random_real(Some(mode), 0.0)?;
                if hi - lo == 0.0 {
                    // `ZeroDivisionError`: `low` itself.
                    return Ok(match low {
                        Some(low) => low,
                        None => self.heap.alloc(Value::Float(0.0)),
                    });
                }
                (mode - lo) / (hi - lo)
            }
        };
        let mut u = u;
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut lo, &mut hi);
        }
        Ok(self
            .heap
            .alloc(Value::Float(lo + (hi - lo) * (u * c).sqrt())))
    }

    /// `normalvariate(mu=0.0, sigma=1.0)`: Kinderman and Monahan's ratio
    /// of uniforms.
    fn random_normal(&mut self, mu: Option<ObjId>, sigma: Option<ObjId>) -> Flow<f64> {
        let (mu, sigma) = (self.random_real(mu, 0.0)?, self.random_real(sigma, 1.0)?);
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        let twister = self.twister();
        let z = loop {
            let u1 = twister.random();
            let u2 = 1.0 - twister.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                break z;
            }
        };
        Ok(mu + z * sigma)
    }

    /// `gauss(mu=0.0, sigma=1.0)`: Box-Muller, the second value kept.
    fn random_gauss(&mut self, mu: Option<ObjId>, sigma: Option<ObjId>) -> Flow<ObjId> {
        let (mu, sigma) = (self.random_real(mu, 0.0)?, self.random_real(sigma, 1.0)?);
        let twister = self.twister();
        let z = match twister.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = twister.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - twister.random()).ln()).sqrt();
                twister.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        Ok(self.heap.alloc(Value::Float(mu + z * sigma)))
    }

    /// `expovariate(lambd=1.0)`.
    fn random_expovariate(&mut self, lambd: Option<ObjId>) -> Flow<ObjId> {
        let lambd = self.random_real(lambd, 1.0)?;
        let r = self.twister().random();
        if lambd == 0.0 {
            return Err(PyException::new("ZeroDivisionError", "division by zero"));
        }
        Ok(self.heap.alloc(Value::Float(-(1.0 - r).ln() / lambd)))
    }

    /// `getstate()`: `(3, (624 state words and the index), gauss_next)`.
    fn random_getstate(&mut self) -> ObjId {
        let twister = self.twister().clone();
        let mut words: Vec<ObjId> = twister
            .state
            .iter()
            .map(|&word| self.int_object(i64::from(word)))
            .collect();
        words.push(self.int_object(twister.index as i64));
        let internal = self.tuple_object(words, false);
        let version = self.int_object(3);
        let gauss_next = match twister.gauss_next {
            Some(z) => self.heap.alloc(Value::Float(z)),
            None => self.singletons.none,
        };
        self.tuple_object(vec![version, internal, gauss_next], false)
    }

    /// `setstate(state)`: a state `getstate()` made (version 3, or 2 with
    /// its signed words).
    fn random_setstate(&mut self, state: ObjId) -> Flow<ObjId> {
        let parts: Vec<ObjId> = match self.heap.value(state) {
            Value::Tuple(items) => items.to_vec(),
            Value::List(list) => list.items.clone(),
            _ => return Err(self.unsupported("random.setstate() of a state that is not a tuple")),
        };
        let Some(&version) = parts.first() else {
            return Err(PyException::new("IndexError", "tuple index out of range"));
        };
        let version_number = match self.heap.value(version) {
            Value::Int(v) => Some(*v),
            Value::Float(f) if *f == 2.0 || *f == 3.0 => Some(*f as i64),
            _ => None,
        };
        if !matches!(version_number, Some(2 | 3)) {
            let shown = self.str_of(version)?;
            return Err(PyException::new(
                "ValueError",
                format!("state with version {shown} passed to Random.setstate() of version 3"),
            ));
        }
        if parts.len() != 3 {
            let (which, got) = if parts.len() > 3 {
                ("too many", parts.len())
            } else {
                ("not enough", parts.len())
            };
            return Err(PyException::new(
                "ValueError",
                format!("{which} values to unpack (expected 3, got {got})"),
            ));
        }
        let gauss_next = match self.heap.value(parts[2]) {
            Value::None => None,
            Value::Float(f) => Some(*f),
            Value::Int(v) => Some(*v as f64),
            _ => return Err(self.unsupported("random.setstate() with this gauss_next")),
        };
        let words: Vec<ObjId> = match self.heap.value(parts[1]) {
            Value::Tuple(items) => items.to_vec(),
            _ if version_number == Some(3) => {
                return Err(PyException::type_error("state vector must be a tuple"));
            }
            _ => return Err(self.unsupported("random.setstate() of a version 2 state")),
        };
        if words.len() != N + 1 {
            return Err(PyException::new(
                "ValueError",
                "state vector is the wrong size",
            ));
        }
        let mut state = [0u32; N];
        for (slot, &word) in state.iter_mut().zip(&words) {
            let value = self.int_value(word)?;
            if value.is_negative() && version_number == Some(3) {
                return Err(PyException::new(
                    "OverflowError",
                    "can't convert negative int to unsigned",
                ));
            }
            // (Version 2's words were signed: `x % 2**32`.)
            let modulus = BigInt::from(1u64 << 32);
            let value = num_integer::Integer::mod_floor(&value, &modulus);
            *slot = value.to_u32().unwrap_or(0);
        }
        let index = self.int_value(words[N])?.to_i64().unwrap_or(-1);
        if !(0..=N as i64).contains(&index) {
            return Err(PyException::new("ValueError", "invalid state"));
        }
        let twister = self.twister();
        twister.state = state;
        twister.index = index as usize;
        twister.gauss_next = gauss_next;
        Ok(self.singletons.none)
    }

    /// `sample(population, k, counts=...)`: a sample of `range(total)`,
    /// each index mapped to its item by `bisect(cum_counts, s)`.
    fn random_sample_counts(&mut self, population: ObjId, k: ObjId, counts: ObjId) -> Flow<ObjId> {
        self.random_population(population)?;
        let n = self.random_len(population)?;
        let counts = self.random_sequence_items(counts)?;
        let mut cumulative: Vec<BigInt> = Vec::with_capacity(counts.len());
        let mut total = BigInt::zero();
        let mut floats = false;
        for count in counts {
            match self.heap.value(count) {
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    total += self.int_value(count)?;
                    cumulative.push(total.clone());
                }
                // (A float total is refused below, as `random.py` does.)
                Value::Float(_) => {
                    floats = true;
                    cumulative.push(total.clone());
                }
                _ => return Err(self.unsupported("random.sample() with counts that are not ints")),
            }
        }
        if cumulative.len() != n {
            return Err(PyException::new(
                "ValueError",
                "The number of counts does not match the population",
            ));
        }
        if floats {
            return Err(PyException::type_error("Counts must be integers"));
        }
        let total = cumulative.pop().unwrap_or_default();
        if total.is_negative() {
            return Err(PyException::new(
                "ValueError",
                "Counts must be non-negative",
            ));
        }
        let total = total
            .to_i64()
            .ok_or_else(|| self.unsupported("random.sample() of a huge total"))?;
        let range = self.heap.alloc(Value::Range {
            start: 0,
            stop: total,
            step: 1,
        });
        let selections = self.random_sample(range, k);
        self.heap.discard(range);
        let selections = selections?;
        let picks: Vec<ObjId> = match self.heap.value(selections) {
            Value::List(list) => list.items.clone(),
            _ => Vec::new(),
        };
        let mut items = Vec::with_capacity(picks.len());
        for pick in picks {
            let s = self.int_value(pick)?;
            let index = cumulative.partition_point(|c| c <= &s);
            match self.random_item(population, index) {
                Ok(item) => items.push(item),
                Err(error) => {
                    self.heap.discard(selections);
                    self.discard_all(items);
                    return Err(error);
                }
            }
        }
        self.heap.discard(selections);
        let list = self.list_object(Vec::new(), false);
        for item in items {
            self.list_append(list, item)?;
        }
        Ok(list)
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    fn random_randbytes(&mut self, n: ObjId) -> Flow<ObjId> {
        let count = match self.heap.value(n) {
            Value::Float(_) => {
                return Err(PyException::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            _ => self.random_index(n)?,
        };
        if count.is_negative() {
            return Err(PyException::new(
                "ValueError",
                "Cannot convert negative int",
            ));
        }
        let count = count.to_u64().unwrap_or(u64::MAX);
        self.heap.check_room(count)?;
        let bits = self.twister().getrandbits(count.saturating_mul(8));
        let mut data = bits.to_bytes_le();
        data.resize(count as usize, 0);
        Ok(self.bytes_object(&data))
    }
}

/// Bind a `random.py` method's arguments as a Python function binds them
/// (`Random.randrange() missing 1 required positional argument: 'start'`),
/// `self` counted in the positional totals.
fn bind(
    function: RandomFunction,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Result<Vec<Option<ObjId>>, Box<PyException>> {
    let (positional, required, kwonly) = function.signature();
    let name = format!("Random.{}", function.name());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if args.len() > positional.len() {
        let (low, high) = (required + 1, positional.len() + 1);
        let takes = if low == high {
            format!("{high} positional argument{}", plural(high))
        } else {
            format!("from {low} to {high} positional arguments")
        };
        let given = args.len() + 1;
        let was = if given == 1 { "was" } else { "were" };
        return Err(PyException::type_error(format!(
            "{name}() takes {takes} but {given} {was} given"
        )));
    }
    let mut slots: Vec<Option<ObjId>> = vec![None; positional.len() + kwonly.len()];
    for (slot, &arg) in slots.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for &(keyword, value) in keywords {
        let Some(index) = positional.iter().chain(kwonly).position(|&p| p == keyword) else {
            let hint = super::suggest::keyword_hint(
                ["self"]
                    .into_iter()
                    .chain(positional.iter().copied())
                    .chain(kwonly.iter().copied()),
                keyword,
            );
            return Err(PyException::type_error(format!(
                "{name}() got an unexpected keyword argument '{keyword}'{hint}"
            )));
        };
        if slots[index].is_some() {
            return Err(PyException::type_error(format!(
                "{name}() got multiple values for argument '{keyword}'"
            )));
        }
        slots[index] = Some(value);
    }
    let missing: Vec<String> = positional[..required]
        .iter()
        .zip(&slots)
        .filter(|(_, slot)| slot.is_none())
        .map(|(p, _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        let listing = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!(
                "{}, and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        return Err(PyException::type_error(format!(
            "{name}() missing {} required positional argument{}: {listing}",
            missing.len(),
            plural(missing.len())
        )));
    }
    Ok(slots)
}

/// Call a `random` function; the result is a new reference.
pub fn call(
    vm: &mut Vm,
    function: RandomFunction,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Result<ObjId, Box<PyException>> {
    // The C methods first: `random()` takes nothing, `getrandbits(k)` one.
    match function {
        RandomFunction::Random | RandomFunction::GetRandBits => {
            let qualname = format!("Random.{}", function.name());
            if !keywords.is_empty() {
                return Err(PyException::type_error(format!(
                    "{qualname}() takes no keyword arguments"
                )));
            }
            if function == RandomFunction::Random {
                if !args.is_empty() {
                    return Err(PyException::type_error(format!(
                        "{qualname}() takes no arguments ({} given)",
                        args.len()
                    )));
                }
                let r = vm.twister().random();
                return Ok(vm.heap.alloc(Value::Float(r)));
            }
            let &[k] = args else {
                return Err(PyException::type_error(format!(
                    "{qualname}() takes exactly one argument ({} given)",
                    args.len()
                )));
            };
            let bits = vm.random_getrandbits(k)?;
            return Ok(vm.int_from_bigint(BigInt::from_biguint(Sign::Plus, bits)));
        }
        _ => {}
    }
    let slots = bind(function, args, keywords)?;
    let arg = |i: usize| slots.get(i).copied().flatten();
    let required = |i: usize| {
        arg(i).ok_or_else(|| PyException::new("SystemError", "random: a required argument"))
    };
    match function {
        RandomFunction::Seed => vm.random_seed(arg(0), arg(1)),
        RandomFunction::RandBytes => vm.random_randbytes(required(0)?),
        RandomFunction::RandRange => vm.random_randrange(required(0)?, arg(1), arg(2)),
        RandomFunction::RandInt => vm.random_randint(required(0)?, required(1)?),
        RandomFunction::Choice => vm.random_choice(required(0)?),
        RandomFunction::Shuffle => vm.random_shuffle(required(0)?),
        RandomFunction::Sample => match arg(2).filter(|&c| c != vm.singletons.none) {
            Some(counts) => vm.random_sample_counts(required(0)?, required(1)?, counts),
            None => vm.random_sample(required(0)?, required(1)?),
        },
        RandomFunction::GetState => Ok(vm.random_getstate()),
        RandomFunction::SetState => vm.random_setstate(required(0)?),
        RandomFunction::Uniform => vm.random_uniform(required(0)?, required(1)?),
        RandomFunction::Choices => vm.random_choices(required(0)?, arg(1), arg(2), arg(3)),
        RandomFunction::Triangular => vm.random_triangular(arg(0), arg(1), arg(2)),
        RandomFunction::NormalVariate => {
            let value = vm.random_normal(arg(0), arg(1))?;
            Ok(vm.heap.alloc(Value::Float(value)))
        }
        RandomFunction::LogNormVariate => {
            let value = vm.random_normal(Some(required(0)?), Some(required(1)?))?;
            Ok(vm.heap.alloc(Value::Float(value.exp())))
        }
        RandomFunction::Gauss => vm.random_gauss(arg(0), arg(1)),
        RandomFunction::ExpoVariate => vm.random_expovariate(arg(0)),
        RandomFunction::Random | RandomFunction::GetRandBits => Err(PyException::new(
            "SystemError",
            "random: a C method taken above",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_of_abc() {
        let digest = sha512(b"abc");
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert!(hex.starts_with("ddaf35a193617aba"), "{hex}");
        assert!(hex.ends_with("a54ca49f"), "{hex}");
    }

    #[test]
    fn seed_zero_first_random() {
        let mut mt = MersenneTwister::new();
        assert_eq!(mt.random(), 0.844_421_851_525_048_1);
    }
}
