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
    Exp => "exp",
    Exp2 => "exp2",
    Expm1 => "expm1",
    Fabs => "fabs",
    Factorial => "factorial",
    Floor => "floor",
    Fmod => "fmod",
    Frexp => "frexp",
    Fsum => "fsum",
    Gcd => "gcd",
    Hypot => "hypot",
    IsClose => "isclose",
    IsFinite => "isfinite",
    IsInf => "isinf",
    IsNan => "isnan",
    Isqrt => "isqrt",
    Lcm => "lcm",
    Ldexp => "ldexp",
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
pub fn call(vm: &mut Vm, function: MathFunction, args: &[ObjId]) -> Call {
    use MathFunction as M;
    let name = function.name();
    match function {
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
            let result = if values.iter().any(|v| v.is_infinite()) {
                f64::INFINITY
            } else {
                values.iter().fold(0.0_f64, |acc, &v| acc.hypot(v))
            };
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
            let [a, b] = arity(name, args)?;
            let (a, b) = (float_arg(vm, a)?, float_arg(vm, b)?);
            let (rel_tol, abs_tol) = (1e-9, 0.0);
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
