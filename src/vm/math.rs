//! The `math` module: its functions (`Builtin::Math`) and constants, with
//! CPython 3.14's results and error messages (`Modules/mathmodule.c`).
//! The module object is made on the first `import math`, as CPython does.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::Vm;
use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::opcodes::Number;
use crate::bytecode::BinaryOp;
use crate::bytecode::repr::float_repr;

type Call = Result<ObjId, Box<PyException>>;

macro_rules! math_functions {
    ($($variant:ident => $name:literal,)*) => {
        /// A function of the `math` module.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum MathFunction {
            $($variant,)*
        }

        impl MathFunction {
            pub const ALL: &[MathFunction] = &[$(MathFunction::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(MathFunction::$variant => $name,)*
                }
            }
        }
    };
}

math_functions! {
    Acos => "acos",
    Acosh => "acosh",
    Asin => "asin",
    Asinh => "asinh",
    Atan => "atan",
    Atan2 => "atan2",
    Atanh => "atanh",
    Cbrt => "cbrt",
    Ceil => "ceil",
    Comb => "comb",
    CopySign => "copysign",
    Cos => "cos",
    Cosh => "cosh",
    Degrees => "degrees",
    Dist => "dist",
    Erf => "erf",
    Erfc => "erfc",
    Exp => "exp",
    Exp2 => "exp2",
    Expm1 => "expm1",
    Fabs => "fabs",
    Factorial => "factorial",
    Floor => "floor",
    Fma => "fma",
    Fmod => "fmod",
    Frexp => "frexp",
    Fsum => "fsum",
    Gamma => "gamma",
    Gcd => "gcd",
    Hypot => "hypot",
    IsClose => "isclose",
    IsFinite => "isfinite",
    IsInf => "isinf",
    IsNan => "isnan",
    Isqrt => "isqrt",
    Lcm => "lcm",
    Ldexp => "ldexp",
    Lgamma => "lgamma",
    Log => "log",
    Log10 => "log10",
    Log1p => "log1p",
    Log2 => "log2",
    Modf => "modf",
    NextAfter => "nextafter",
    Perm => "perm",
    Pow => "pow",
    Prod => "prod",
    Radians => "radians",
    Remainder => "remainder",
    Sin => "sin",
    Sinh => "sinh",
    Sqrt => "sqrt",
    Sumprod => "sumprod",
    Tan => "tan",
    Tanh => "tanh",
    Trunc => "trunc",
    Ulp => "ulp",
}

/// The module's float constants.
const CONSTANTS: &[(&str, f64)] = &[
    ("pi", std::f64::consts::PI),
    ("e", std::f64::consts::E),
    ("tau", std::f64::consts::TAU),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
];

impl Vm {
    /// `import math`: the module, made (and held by `sys.modules`) the first time.
    pub(super) fn math_module(&mut self) -> ObjId {
        let members: Vec<(&str, Builtin)> = MathFunction::ALL
            .iter()
            .map(|&f| (f.name(), Builtin::Math(f)))
            .collect();
        self.builtin_module("math", &members, |vm, module| {
            for &(name, value) in CONSTANTS {
                let float = vm.heap.alloc(Value::Float(value));
                vm.set_module_member(module, name, float);
            }
        })
    }
}

pub(super) fn float_arg(vm: &Vm, obj: ObjId) -> Result<f64, Box<PyException>> {
    match Number::of(vm.heap.value(obj)) {
        Some(Number::Float(f)) => Ok(f),
        Some(Number::Int(i)) => Ok(i as f64),
        Some(Number::Big(b)) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyException::new("OverflowError", "int too large to convert to float")),
        None => Err(PyException::type_error(format!(
            "must be real number, not {}",
            vm.heap.value(obj).type_name()
        ))),
    }
}

fn int_arg(vm: &Vm, obj: ObjId) -> Result<BigInt, Box<PyException>> {
    match Number::of(vm.heap.value(obj)) {
        Some(Number::Int(i)) => Ok(BigInt::from(i)),
        Some(Number::Big(b)) => Ok(b),
        _ => Err(PyException::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.heap.value(obj).type_name()
        ))),
    }
}

fn arity<const N: usize>(name: &str, args: &[ObjId]) -> Result<[ObjId; N], Box<PyException>> {
    <[ObjId; N]>::try_from(args).map_err(|_| {
        if N == 1 {
            PyException::type_error(format!(
                "math.{name}() takes exactly one argument ({} given)",
                args.len()
            ))
        } else {
            PyException::type_error(format!("{name} expected {N} arguments, got {}", args.len()))
        }
    })
}

fn domain_error(message: impl Into<String>) -> Box<PyException> {
    PyException::new("ValueError", message)
}

fn range_error() -> Box<PyException> {
    PyException::new("OverflowError", "math range error")
}

/// `math_1`: a libm function of one float, with CPython's error rules: a
/// NaN from a non-NaN is a domain error, an infinity from a finite input
/// an overflow (when it `can_overflow`).
fn unary(
    vm: &mut Vm,
    args: &[ObjId],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
    domain_message: Option<&str>,
) -> Call {
    let [x] = arity(name, args)?;
    let x = float_arg(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(match domain_message {
            Some(message) => format!("{message}, got {}", float_repr(x)),
            None => "math domain error".to_owned(),
        }));
    }
    if r.is_infinite() && x.is_finite() {
        // A singularity is a domain error, told as one.
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error(match domain_message {
                Some(message) => format!("{message}, got {}", float_repr(x)),
                None => "math domain error".to_owned(),
            })
        });
    }
    Ok(vm.heap.alloc(Value::Float(r)))
}

/// An integral float as an int, or CPython's conversion errors (floor,
/// ceil, trunc, round).
pub(super) fn float_to_int(vm: &mut Vm, value: f64) -> Call {
    if value.is_nan() {
        return Err(PyException::new(
            "ValueError",
            "cannot convert float NaN to integer",
        ));
    }
    if value.is_infinite() {
        return Err(PyException::new(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let integer: BigInt = num_traits::FromPrimitive::from_f64(value).unwrap_or_default();
    Ok(vm.int_from_bigint(integer))
}

fn rounding(vm: &mut Vm, args: &[ObjId], name: &str, f: fn(f64) -> f64) -> Call {
    let [x] = arity(name, args)?;
    if vm.is_instance_obj(x) {
        if let Some(result) = vm.instance_rounding(x, name)? {
            return Ok(result);
        }
        return match vm.instance_float(x)? {
            Some(value) => float_to_int(vm, f(value)),
            None => Err(PyException::type_error(format!(
                "must be real number, not {}",
                vm.heap.value(x).type_name()
            ))),
        };
    }
    match Number::of(vm.heap.value(x)) {
        Some(Number::Int(_) | Number::Big(_)) if !matches!(vm.heap.value(x), Value::Bool(_)) => {
            Ok(x)
        }
        Some(Number::Int(b)) => Ok(vm.int_object(b)),
        _ => {
            let value = float_arg(vm, x)?;
            float_to_int(vm, f(value))
        }
    }
}

/// `math.log(x)`: CPython's `loghelper` takes the log of big ints through
/// their bit length, so `log(10**400)` is finite.
fn log_of(vm: &Vm, x: ObjId, f: fn(f64) -> f64) -> Result<f64, Box<PyException>> {
    if let Some(Number::Big(big)) = Number::of(vm.heap.value(x)) {
        if !big.is_positive() {
            return Err(domain_error("expected a positive input"));
        }
        if let Some(value) = big.to_f64().filter(|v| v.is_finite()) {
            return Ok(f(value));
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e * log(2).
        let bits = big.bits();
        let shift = bits.saturating_sub(60);
        let mantissa = (&big >> shift).to_f64().unwrap_or(1.0);
        return Ok(f(mantissa) + shift as f64 * f(2.0));
    }
    let value = float_arg(vm, x)?;
    if value.is_nan() {
        return Ok(value);
    }
    if value <= 0.0 {
        return Err(domain_error("expected a positive input"));
    }
    Ok(f(value))
}

/// Shewchuk's exact partial sums (`math_fsum`).
fn fsum(values: &[f64]) -> Result<f64, Box<PyException>> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    for &value in values {
        let mut x = value;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special_sum += x;
            continue;
        }
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                return Err(PyException::new(
                    "OverflowError",
                    "intermediate overflow in fsum",
                ));
            }
            partials.push(x);
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(domain_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0;
    if let Some(mut top) = partials.len().checked_sub(1) {
        hi = partials[top];
        let mut lo = 0.0;
        while top > 0 {
            top -= 1;
            let x = hi;
            let y = partials[top];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest would tip it.
        if top > 0
            && ((lo < 0.0 && partials[top - 1] < 0.0) || (lo > 0.0 && partials[top - 1] > 0.0))
        {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn factorial(n: u64) -> BigInt {
    product_range(2, n)
}

/// `lo * (lo + 1) * ... * hi` (1 when empty), split in halves so the big
/// multiplications are balanced: far faster than one factor at a time.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        return (lo..=hi).fold(BigInt::one(), |acc, k| acc * k);
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

/// The most factors `comb()`/`perm()` multiply (as `factorial()`'s limit):
/// beyond, the result could outgrow the memory limit before it is counted.
const MAX_COUNT_FACTORS: u64 = 100_000;

/// `math.comb`/`math.perm` arguments: two non-negative ints.
fn counts(vm: &Vm, args: &[ObjId], name: &str) -> Result<(BigInt, BigInt), Box<PyException>> {
    let [n, k] = arity(name, args)?;
    let (n, k) = (int_arg(vm, n)?, int_arg(vm, k)?);
    if n.is_negative() {
        return Err(domain_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(domain_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// Call a `math` function; the result is a new reference.
pub fn call(
    vm: &mut Vm,
    function: MathFunction,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Call {
    use MathFunction as M;
    let name = function.name();
    // (Keywords reach only `isclose`: the caller refuses them for the others.)
    match function {
        M::Erf => unary(vm, args, name, super::erf::erf, false, None),
        M::Erfc => unary(vm, args, name, super::erf::erfc, false, None),
        M::Gamma | M::Lgamma => {
            let [x] = arity(name, args)?;
            let x = float_arg(vm, x)?;
            let (r, error) = if function == M::Gamma {
                gamma(x)
            } else {
                lgamma(x)
            };
            match error {
                // (`is_error`: an ERANGE result below 1.5 is an underflow, kept.)
                Some(Errno::Range) if r.abs() >= 1.5 => Err(range_error()),
                Some(Errno::Domain) => Err(domain_error(format!(
                    "expected a noninteger or positive integer, got {}",
                    float_repr(x)
                ))),
                _ => Ok(vm.heap.alloc(Value::Float(r))),
            }
        }
        M::Sumprod => {
            let [p, q] = arity(name, args)?;
            sumprod(vm, p, q)
        }
        M::Fma => {
            let [x, y, z] = arity(name, args)?;
            let (x, y, z) = (float_arg(vm, x)?, float_arg(vm, y)?, float_arg(vm, z)?);
            let r = x.mul_add(y, z);
            if r.is_nan() && !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(domain_error("invalid operation in fma"));
            }
            if r.is_infinite() && x.is_finite() && y.is_finite() && z.is_finite() {
                return Err(PyException::new("OverflowError", "overflow in fma"));
            }
            Ok(vm.heap.alloc(Value::Float(r)))
        }
        M::Dist => {
            let [p, q] = arity(name, args)?;
            // Points that are not tuples become tuples first (`PySequence_Tuple`).
            let mut made = Vec::new();
            let mut coordinates = Vec::new();
            for point in [p, q] {
                if let Value::Tuple(items) = vm.heap.value(point) {
                    coordinates.push(items.to_vec());
                    continue;
                }
                let (items, temp) = vm.items_of(point)?;
                let tuple = vm.tuple_object(items.clone(), false);
                if let Some(temp) = temp {
                    vm.heap.discard(temp);
                }
                made.push(tuple);
                coordinates.push(items);
            }
            let result = distance(vm, &coordinates[0], &coordinates[1]);
            for tuple in made {
                vm.heap.discard(tuple);
            }
            let result = result?;
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::Sqrt => unary(
            vm,
            args,
            name,
            f64::sqrt,
            false,
            Some("expected a nonnegative input"),
        ),
        M::Exp => unary(vm, args, name, f64::exp, true, None),
        M::Sin => unary(vm, args, name, f64::sin, false, None),
        M::Cos => unary(vm, args, name, f64::cos, false, None),
        M::Tan => unary(vm, args, name, f64::tan, false, None),
        M::Asin => unary(
            vm,
            args,
            name,
            f64::asin,
            false,
            Some("expected a number in range from -1 up to 1"),
        ),
        M::Acos => unary(
            vm,
            args,
            name,
            f64::acos,
            false,
            Some("expected a number in range from -1 up to 1"),
        ),
        M::Atan => unary(vm, args, name, f64::atan, false, None),
        M::Sinh => unary(vm, args, name, f64::sinh, true, None),
        M::Cosh => unary(vm, args, name, f64::cosh, true, None),
        M::Tanh => unary(vm, args, name, f64::tanh, false, None),
        M::Asinh => unary(vm, args, name, f64::asinh, false, None),
        M::Acosh => unary(
            vm,
            args,
            name,
            f64::acosh,
            false,
            Some("expected argument value not less than 1"),
        ),
        M::Atanh => unary(
            vm,
            args,
            name,
            f64::atanh,
            false,
            Some("expected a number between -1 and 1"),
        ),
        M::Cbrt => unary(vm, args, name, f64::cbrt, false, None),
        M::Exp2 => unary(vm, args, name, f64::exp2, true, None),
        M::Expm1 => unary(vm, args, name, f64::exp_m1, true, None),
        M::Log1p => unary(
            vm,
            args,
            name,
            f64::ln_1p,
            false,
            Some("expected argument value > -1"),
        ),
        M::Fabs => unary(vm, args, name, f64::abs, false, None),
        M::Degrees => unary(vm, args, name, f64::to_degrees, false, None),
        M::Radians => unary(vm, args, name, f64::to_radians, false, None),
        M::Floor => rounding(vm, args, name, f64::floor),
        M::Ceil => rounding(vm, args, name, f64::ceil),
        M::Trunc => rounding(vm, args, name, f64::trunc),
        M::Log => {
            let (x, base) = match args {
                [x] => (*x, None),
                [x, base] => (*x, Some(*base)),
                _ => {
                    return Err(PyException::type_error(format!(
                        "log expected at least 1 argument, got {}",
                        args.len()
                    )));
                }
            };
            let mut value = log_of(vm, x, f64::ln)?;
            if let Some(base) = base {
                let denominator = log_of(vm, base, f64::ln)?;
                if denominator == 0.0 {
                    return Err(PyException::zero_division());
                }
                value /= denominator;
            }
            Ok(vm.heap.alloc(Value::Float(value)))
        }
        M::Log2 | M::Log10 => {
            let [x] = arity(name, args)?;
            let f = if function == M::Log2 {
                f64::log2
            } else {
                f64::log10
            };
            let value = log_of(vm, x, f)?;
            Ok(vm.heap.alloc(Value::Float(value)))
        }
        M::Frexp => {
            let [x] = arity(name, args)?;
            let (mantissa, exponent) = frexp(float_arg(vm, x)?);
            let mantissa = vm.heap.alloc(Value::Float(mantissa));
            let exponent = vm.int_object(exponent);
            Ok(vm.tuple_object(vec![mantissa, exponent], false))
        }
        M::Modf => {
            let [x] = arity(name, args)?;
            let x = float_arg(vm, x)?;
            // (`modf` of an infinity: a zero of its sign and itself.)
            let (fraction, whole) = if x.is_infinite() {
                (0.0_f64.copysign(x), x)
            } else {
                ((x - x.trunc()).copysign(x), x.trunc())
            };
            let fraction = vm.heap.alloc(Value::Float(fraction));
            let whole = vm.heap.alloc(Value::Float(whole));
            Ok(vm.tuple_object(vec![fraction, whole], false))
        }
        M::Ldexp => {
            let [x, i] = arity(name, args)?;
            let x = float_arg(vm, x)?;
            let exponent = match Number::of(vm.heap.value(i)) {
                Some(Number::Int(i)) => i,
                // (Past any float's range either way.)
                Some(Number::Big(big)) if big.is_positive() => i64::MAX,
                Some(Number::Big(_)) => i64::MIN,
                _ => {
                    return Err(PyException::type_error(
                        "Expected an int as second argument to ldexp.",
                    ));
                }
            };
            let result = ldexp(x, exponent);
            if result.is_infinite() && x.is_finite() {
                return Err(range_error());
            }
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::Remainder => {
            let [x, y] = arity(name, args)?;
            let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
            let result = remainder(x, y).ok_or_else(|| domain_error("math domain error"))?;
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::NextAfter => {
            let [x, y] = arity(name, args)?;
            let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
            let result = if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if x == y {
                y
            } else if y > x {
                x.next_up()
            } else {
                x.next_down()
            };
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::Ulp => {
            let [x] = arity(name, args)?;
            let x = float_arg(vm, x)?.abs();
            let result = if x.is_nan() || x.is_infinite() {
                x
            } else if x.next_up().is_infinite() {
                x - x.next_down()
            } else {
                x.next_up() - x
            };
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::Atan2 | M::CopySign | M::Fmod | M::Pow => {
            let [x, y] = arity(name, args)?;
            let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
            let result = match function {
                M::Atan2 => x.atan2(y),
                M::CopySign => x.copysign(y),
                M::Fmod => {
                    if y.is_infinite() && x.is_finite() {
                        x
                    } else {
                        let r = x % y;
                        if r.is_nan() && !x.is_nan() && !y.is_nan() {
                            return Err(domain_error("math domain error"));
                        }
                        r
                    }
                }
                _ => {
                    let r = x.powf(y);
                    if x.is_finite() && y.is_finite() {
                        if r.is_nan() {
                            return Err(domain_error("math domain error"));
                        }
                        if r.is_infinite() {
                            return Err(if x == 0.0 {
                                domain_error("math domain error")
                            } else {
                                range_error()
                            });
                        }
                    }
                    r
                }
            };
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::Hypot => {
            let values = args
                .iter()
                .map(|&a| float_arg(vm, a))
                .collect::<Result<Vec<f64>, _>>()?;
            let mut values: Vec<f64> = values.into_iter().map(f64::abs).collect();
            let result = norm_of(&mut values);
            Ok(vm.heap.alloc(Value::Float(result)))
        }
        M::IsFinite | M::IsInf | M::IsNan => {
            let [x] = arity(name, args)?;
            let x = float_arg(vm, x)?;
            let answer = match function {
                M::IsFinite => x.is_finite(),
                M::IsInf => x.is_infinite(),
                _ => x.is_nan(),
            };
            Ok(vm.bool_object(answer))
        }
        M::IsClose => {
            let [a, b] = <[ObjId; 2]>::try_from(args).map_err(|_| {
                PyException::type_error(format!(
                    "isclose() takes exactly 2 positional arguments ({} given)",
                    args.len()
                ))
            })?;
            let (a, b) = (float_arg(vm, a)?, float_arg(vm, b)?);
            let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
            for &(keyword, value) in keywords {
                match keyword {
                    "rel_tol" => rel_tol = float_arg(vm, value)?,
                    "abs_tol" => abs_tol = float_arg(vm, value)?,
                    _ => {
                        return Err(PyException::type_error(format!(
                            "isclose() got an unexpected keyword argument '{keyword}'"
                        )));
                    }
                }
            }
            if rel_tol < 0.0 || abs_tol < 0.0 {
                return Err(domain_error("tolerances must be non-negative"));
            }
            let close = a == b
                || (!a.is_infinite()
                    && !b.is_infinite()
                    && ((b - a).abs() <= (rel_tol * b).abs()
                        || (b - a).abs() <= (rel_tol * a).abs()
                        || (b - a).abs() <= abs_tol));
            Ok(vm.bool_object(close))
        }
        M::Isqrt => {
            let [n] = arity(name, args)?;
            let n = int_arg(vm, n)?;
            if n.is_negative() {
                return Err(domain_error("isqrt() argument must be nonnegative"));
            }
            Ok(vm.int_from_bigint(n.sqrt()))
        }
        M::Factorial => {
            let [n] = arity(name, args)?;
            let n = int_arg(vm, n)?;
            if n.is_negative() {
                return Err(domain_error("factorial() not defined for negative values"));
            }
            let Some(n) = n.to_u64().filter(|&n| n <= 100_000) else {
                return Err(PyException::not_implemented(
                    "factorial() of numbers above 100000",
                    vm.current_line(),
                ));
            };
            Ok(vm.int_from_bigint(factorial(n)))
        }
        M::Gcd | M::Lcm => {
            let mut result = if function == M::Gcd {
                BigInt::zero()
            } else {
                BigInt::one()
            };
            for &arg in args {
                let value = int_arg(vm, arg)?;
                result = if function == M::Gcd {
                    result.gcd(&value)
                } else if result.is_zero() || value.is_zero() {
                    BigInt::zero()
                } else {
                    result.lcm(&value)
                };
            }
            Ok(vm.int_from_bigint(result))
        }
        M::Comb | M::Perm => {
            let (n, k) = counts(vm, args, name)?;
            if k > n {
                return Ok(vm.int_object(0));
            }
            let (Some(n), Some(k)) = (n.to_u64(), k.to_u64()) else {
                return Err(PyException::not_implemented(
                    "comb() and perm() of huge numbers",
                    vm.current_line(),
                ));
            };
            let k = if function == M::Comb { k.min(n - k) } else { k };
            if k > MAX_COUNT_FACTORS {
                return Err(PyException::not_implemented(
                    "comb() and perm() of more than 100000 factors",
                    vm.current_line(),
                ));
            }
            let mut result = product_range(n - k + 1, n);
            if function == M::Comb {
                result /= factorial(k);
            }
            Ok(vm.int_from_bigint(result))
        }
        M::Fsum => {
            let [iterable] = arity(name, args)?;
            let (items, temp) = if vm.runs_python(iterable) {
                // Each item converted as it comes (a bad one stops it there).
                let consumer = crate::vm::frame::Consumer::Collect {
                    list: None,
                    tuple: false,
                    limit: 0,
                    check: crate::vm::frame::ItemCheck::Float,
                };
                let list = vm.drain(iterable, consumer)?;
                match vm.heap.value(list) {
                    Value::List(l) => (l.items.clone(), None),
                    _ => (Vec::new(), None),
                }
            } else {
                vm.items_of(iterable)?
            };
            let values = items
                .iter()
                .map(|&item| float_arg(vm, item))
                .collect::<Result<Vec<_>, _>>();
            if let Some(temp) = temp {
                vm.heap.discard(temp);
            }
            let total = fsum(&values?)?;
            Ok(vm.heap.alloc(Value::Float(total)))
        }
        M::Prod => {
            let [iterable] = arity(name, args)?;
            if vm.runs_python(iterable) {
                // One multiplication per item as it comes.
                let one = vm.int_object(1);
                let consumer = crate::vm::frame::Consumer::Prod { acc: one };
                return vm.drain(iterable, consumer);
            }
            let (items, temp) = vm.items_of(iterable)?;
            let mut product = vm.int_object(1);
            let mut outcome = Ok(());
            for item in items {
                // BINARY_OP's multiplication (`*`): ints stay exact.
                match vm.binary_op(BinaryOp::Multiply, product, item) {
                    Ok(next) => {
                        if next != product {
                            vm.heap.discard(product);
                        }
                        product = next;
                    }
                    Err(error) => {
                        outcome = Err(error);
                        break;
                    }
                }
            }
            if let Some(temp) = temp {
                vm.heap.discard(temp);
            }
            match outcome {
                Ok(()) => Ok(product),
                Err(error) => {
                    vm.heap.discard(product);
                    Err(error)
                }
            }
        }
    }
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (zero, infinities and
/// NaN are themselves with exponent 0).
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    // A subnormal is scaled into the normal range first.
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent + adjust)
}

/// `ldexp`: `x * 2**n`, rounded once (only a subnormal result rounds).
fn ldexp(x: f64, n: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (mantissa, exponent) = frexp(x);
    let target = exponent.saturating_add(n);
    if target > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if target < -1074 - 1 {
        return 0.0_f64.copysign(x);
    }
    let power = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    if target >= -1021 {
        // Exact: the mantissa scaled in two representable steps.
        let first = target.clamp(-1022, 1023);
        mantissa * power(first) * power(target - first)
    } else {
        // Subnormal: scaled exactly to a normal number, then one rounding.
        mantissa * power(target + 64) * power(-64)
    }
}

/// `remainder` (`m_remainder`): `x - n*y` for the integer `n` nearest to
/// `x / y`, ties to even; `None` for a domain error.
fn remainder(x: f64, y: f64) -> Option<f64> {
    if x.is_nan() {
        return Some(x);
    }
    if y.is_nan() {
        return Some(y);
    }
    if x.is_infinite() || y == 0.0 {
        return None;
    }
    if y.is_infinite() {
        return Some(x);
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half way: the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Some(1.0_f64.copysign(x) * r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact_where_a_plain_sum_is_not() {
        assert_eq!(fsum(&[0.1; 10]).ok(), Some(1.0));
        assert_eq!(fsum(&[1e100, 1.0, -1e100]).ok(), Some(1.0));
        assert_eq!(fsum(&[]).ok(), Some(0.0));
    }

    #[test]
    fn factorials_are_big_ints() {
        assert_eq!(factorial(25).to_string(), "15511210043330985984000000");
        assert_eq!(factorial(0), BigInt::one());
    }

    #[test]
    fn frexp_and_ldexp_undo_each_other_exactly() {
        for x in [1.0, -0.1, 5e-324, 1.7976931348623157e308, 3.0e-310, 123.456] {
            let (m, e) = super::frexp(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(super::ldexp(m, e), x, "{x}");
        }
        // A subnormal result rounds once, half to even.
        assert_eq!(super::ldexp(0.75, -1074), 5e-324);
        assert_eq!(super::ldexp(0.5, -1074), 0.0);
    }

    #[test]
    fn remainder_rounds_the_quotient_half_to_even() {
        assert_eq!(super::remainder(5.0, 2.0), Some(1.0));
        assert_eq!(super::remainder(7.0, 2.0), Some(-1.0));
        assert_eq!(super::remainder(-7.5, 2.0), Some(0.5));
        assert_eq!(super::remainder(1.0, 0.0), None);
        assert_eq!(super::remainder(f64::INFINITY, 1.0), None);
    }
}

/// How CPython's own libm-style functions report trouble (`errno`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Errno {
    Domain,
    Range,
}

/// `math.dist`: the norm of the coordinates' differences (`math_dist_impl`).
fn distance(vm: &Vm, p: &[ObjId], q: &[ObjId]) -> Result<f64, Box<PyException>> {
    if p.len() != q.len() {
        return Err(domain_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (&px, &qx) in p.iter().zip(q) {
        let (px, qx) = (float_arg(vm, px)?, float_arg(vm, qx)?);
        diffs.push((px - qx).abs());
    }
    Ok(norm_of(&mut diffs))
}

/// CPython's `vector_norm` of absolute values, with its maximum and NaN
/// found first (as `math_hypot` and `math_dist_impl` do).
fn norm_of(values: &mut [f64]) -> f64 {
    let found_nan = values.iter().any(|v| v.is_nan());
    let max = values
        .iter()
        .fold(0.0_f64, |max, &v| if v > max { v } else { max });
    vector_norm(values, max, found_nan)
}

/// `vector_norm` (Modules/mathmodule.c): lossless scaling by a power of
/// two, exact squares, compensated sums and a differential correction of
/// the square root, so the last bit agrees with CPython's.
fn vector_norm(values: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: subnormals made normal first.
        for value in values.iter_mut() {
            *value /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(values, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0_f64, 0.0_f64, 0.0_f64);
    for &value in values.iter() {
        let x = value * scale;
        let (hi, lo) = exact_product(x, x);
        let (sum, error) = fast_two_sum(csum, hi);
        csum = sum;
        frac1 += lo;
        frac2 += error;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = exact_product(-h, h);
    let (sum, error) = fast_two_sum(csum, hi);
    csum = sum;
    frac1 += lo;
    frac2 += error;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `dl_mul`: `x * y` as a sum of two doubles, exactly.
fn exact_product(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `dl_fast_sum`: `a + b` and its rounding error (`|a| >= |b|`).
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

const LANCZOS_N: usize = 13;
// (As CPython writes them: exactly representable.)
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator `x*(x+1)*...*(x+LANCZOS_N-2)`.
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// Gamma of the small positive integers, 1 through 23.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// `lanczos_sum`: Lanczos' sum L_g(x) for positive x, as a rational function.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        // In 1/x, so large x cannot overflow.
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// `m_sinpi`: sin(pi * x), accurate for finite x near integers.
fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = libm::fmod(x.abs(), 2.0);
    let n = libm::round(2.0 * y) as i32;
    let r = match n {
        0 => libm::sin(pi * y),
        1 => libm::cos(pi * (y - 0.5)),
        // (-sin(pi*(y-1.0)) would give -0.0 at y == 1.0.)
        2 => libm::sin(pi * (1.0 - y)),
        3 => -libm::cos(pi * (y - 1.5)),
        _ => libm::sin(pi * (y - 2.0)),
    };
    libm::copysign(1.0, x) * r
}

/// `m_tgamma`: CPython's own gamma (Lanczos, N=13), with its `errno`.
fn gamma(x: f64) -> (f64, Option<Errno>) {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            (x, None)
        } else {
            (f64::NAN, Some(Errno::Domain))
        };
    }
    if x == 0.0 {
        return (libm::copysign(f64::INFINITY, x), Some(Errno::Domain));
    }
    if x == libm::floor(x) {
        if x < 0.0 {
            return (f64::NAN, Some(Errno::Domain));
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(Errno::Range));
    }
    if absx > 200.0 {
        return if x < 0.0 {
            (0.0 / sinpi(x), None)
        } else {
            (f64::INFINITY, Some(Errno::Range))
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The error in y, for the correction below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, r.is_infinite().then_some(Errno::Range))
}

/// `m_lgamma`: log |Gamma(x)|, with its `errno`.
fn lgamma(x: f64) -> (f64, Option<Errno>) {
    if !x.is_finite() {
        return if x.is_nan() {
            (x, None)
        } else {
            (f64::INFINITY, None)
        };
    }
    if x == libm::floor(x) && x <= 2.0 {
        return if x <= 0.0 {
            (f64::INFINITY, Some(Errno::Domain))
        } else {
            (0.0, None)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), None);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, r.is_infinite().then_some(Errno::Range))
}

/// `math_sumprod_impl`: an exact int total while the items are ints that
/// fit a C long, then a triple-length float total while they are floats
/// (or a float and an int), then `*` and `+` of the objects; each total
/// joins the object total as its path ends.
fn sumprod(vm: &mut Vm, p: ObjId, q: ObjId) -> Call {
    // Items that come from Python code are gathered first (a drain), so a
    // replay of the instruction finds the iterators where they were.
    let mut gathered = Vec::new();
    let mut sources = [p, q];
    for source in &mut sources {
        if vm.runs_python(*source) {
            let list = vm.list_from(Some(*source))?;
            gathered.push(list);
            *source = list;
        }
    }
    let p_it = vm.iterator(sources[0])?;
    let q_it = match vm.iterator(sources[1]) {
        Ok(it) => it,
        Err(error) => {
            vm.heap.discard(p_it);
            return Err(error);
        }
    };
    let mut total = vm.int_object(0);
    let result = sumprod_items(vm, p_it, q_it, &mut total);
    vm.heap.discard(p_it);
    vm.heap.discard(q_it);
    for list in gathered {
        vm.heap.discard(list);
    }
    match result {
        Ok(()) => Ok(total),
        Err(error) => {
            vm.heap.discard(total);
            Err(error)
        }
    }
}

/// A temporary let go unless it is one of `kept`.
fn drop_temp(vm: &mut Vm, obj: ObjId, kept: &[ObjId]) {
    if !kept.contains(&obj) {
        vm.heap.discard(obj);
    }
}

/// `total + term` into `total` (the old total and the term let go).
fn add_to_total(vm: &mut Vm, total: &mut ObjId, term: ObjId) -> Result<(), Box<PyException>> {
    let sum = vm.binary_op(BinaryOp::Add, *total, term);
    let sum = match sum {
        Ok(sum) => sum,
        Err(error) => {
            drop_temp(vm, term, &[*total]);
            return Err(error);
        }
    };
    if sum != *total {
        vm.heap.discard(*total);
    }
    *total = sum;
    drop_temp(vm, term, &[sum]);
    Ok(())
}

fn sumprod_items(
    vm: &mut Vm,
    p_it: ObjId,
    q_it: ObjId,
    total: &mut ObjId,
) -> Result<(), Box<PyException>> {
    let (mut int_path, mut int_total, mut int_in_use) = (true, 0_i64, false);
    let (mut float_path, mut float_total, mut float_in_use) = (true, TripleLength::ZERO, false);
    loop {
        let p_i = vm.next_logged(p_it)?;
        let q_i = match vm.next_logged(q_it) {
            Ok(item) => item,
            Err(error) => {
                if let Some(item) = p_i {
                    drop_temp(vm, item, &[*total]);
                }
                return Err(error);
            }
        };
        let (p_i, q_i) = match (p_i, q_i) {
            (Some(a), Some(b)) => (Some(a), Some(b)),
            (None, None) => (None, None),
            (a, b) => {
                for item in a.into_iter().chain(b) {
                    drop_temp(vm, item, &[*total]);
                }
                return Err(domain_error("Inputs are not the same length"));
            }
        };
        let pair = p_i.zip(q_i);
        let release = |vm: &mut Vm, total: ObjId| {
            if let Some((a, b)) = pair {
                drop_temp(vm, a, &[total]);
                drop_temp(vm, b, &[total, a]);
            }
        };
        if int_path {
            let exact = pair.and_then(|(a, b)| match (vm.heap.value(a), vm.heap.value(b)) {
                (Value::Int(x), Value::Int(y)) => x
                    .checked_mul(*y)
                    .and_then(|product| int_total.checked_add(product)),
                _ => None,
            });
            if let Some(sum) = exact {
                int_total = sum;
                int_in_use = true;
                release(vm, *total);
                continue;
            }
            int_path = false;
            if int_in_use {
                let term = vm.int_object(int_total);
                if let Err(error) = add_to_total(vm, total, term) {
                    release(vm, *total);
                    return Err(error);
                }
                int_in_use = false;
            }
        }
        if float_path {
            let floats = pair.and_then(|(a, b)| {
                let as_float = |value: &Value| match value {
                    Value::Float(f) => Some((*f, true)),
                    Value::Int(i) => Some((*i as f64, false)),
                    Value::Bool(b) => Some((f64::from(u8::from(*b)), false)),
                    Value::BigInt(big) => {
                        big.to_f64().filter(|f| f.is_finite()).map(|f| (f, false))
                    }
                    _ => None,
                };
                let (x, x_float) = as_float(vm.heap.value(a))?;
                let (y, y_float) = as_float(vm.heap.value(b))?;
                // Two floats, or a float and an int (a bool too).
                (x_float || y_float).then_some((x, y))
            });
            if let Some((x, y)) = floats {
                let next = float_total.fma(x, y);
                if next.hi.is_finite() {
                    float_total = next;
                    float_in_use = true;
                    release(vm, *total);
                    continue;
                }
            }
            float_path = false;
            if float_in_use {
                let term = vm.heap.alloc(Value::Float(float_total.to_f64()));
                if let Err(error) = add_to_total(vm, total, term) {
                    release(vm, *total);
                    return Err(error);
                }
                float_in_use = false;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(());
        };
        let term = match vm.binary_op(BinaryOp::Multiply, a, b) {
            Ok(term) => term,
            Err(error) => {
                release(vm, *total);
                return Err(error);
            }
        };
        let added = add_to_total(vm, total, term);
        release(vm, *total);
        added?;
    }
}

/// CPython's `TripleLength`: a float total carried in three parts.
#[derive(Debug, Clone, Copy)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl TripleLength {
    const ZERO: TripleLength = TripleLength {
        hi: 0.0,
        lo: 0.0,
        tiny: 0.0,
    };

    /// `tl_fma`: the total plus `x * y` (Algorithm 5.10 with SumKVert, K=3).
    fn fma(self, x: f64, y: f64) -> TripleLength {
        let (pr_hi, pr_lo) = exact_product(x, y);
        let (sm_hi, sm_lo) = two_sum(self.hi, pr_hi);
        let (r1_hi, r1_lo) = two_sum(self.lo, pr_lo);
        let (r2_hi, r2_lo) = two_sum(r1_hi, sm_lo);
        TripleLength {
            hi: sm_hi,
            lo: r2_hi,
            tiny: self.tiny + r1_lo + r2_lo,
        }
    }

    /// `tl_to_d`.
    fn to_f64(self) -> f64 {
        let (hi, lo) = two_sum(self.lo, self.hi);
        self.tiny + lo + hi
    }
}

/// `dl_sum`: `a + b` and its rounding error, for any magnitudes.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}
