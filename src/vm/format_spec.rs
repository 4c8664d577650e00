//! The format-spec mini-language (`format(x, spec)`, `f"{x:spec}"`,
//! `str.format`) for ints, floats and strs, as CPython's
//! `Python/formatter_unicode.c` and `PyOS_double_to_string` do it.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::Vm;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use crate::bytecode::repr::float_repr;

type Formatted = Result<String, Box<PyException>>;

/// A value the mini-language formats.
pub enum Formattable<'a> {
    Int(BigInt),
    Float(f64),
    Str(&'a str),
}

/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Default, Clone)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn invalid() -> Box<PyException> {
    PyException::new("ValueError", "Invalid format specifier")
}

fn parse(spec: &str) -> Result<Spec, Box<PyException>> {
    let chars: Vec<char> = spec.chars().collect();
    let mut spec = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = Some(chars[0]);
        spec.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i)
        && matches!(c, '+' | '-' | ' ')
    {
        spec.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        spec.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        spec.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        if spec.fill.is_none() {
            spec.fill = Some('0');
        }
        if spec.align.is_none() {
            spec.align = Some('=');
        }
        i += 1;
    }
    let number = |i: &mut usize| -> Result<Option<usize>, Box<PyException>> {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        if *i == start {
            return Ok(None);
        }
        let digits: String = chars[start..*i].iter().collect();
        // CPython reads it as a `Py_ssize_t`: past that, too many digits.
        digits
            .parse::<i64>()
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| {
                PyException::new("ValueError", "Too many decimal digits in format string")
            })
            .map_err(|_| PyException::new("ValueError", "Too many decimal digits in format string"))
    };
    spec.width = number(&mut i)?.unwrap_or(0);
    if let Some(&c) = chars.get(i)
        && matches!(c, ',' | '_')
    {
        spec.grouping = Some(c);
        i += 1;
        if let Some(&again) = chars.get(i)
            && matches!(again, ',' | '_')
        {
            return Err(PyException::new(
                "ValueError",
                if again == c {
                    format!("Cannot specify '{c}' with '{c}'.")
                } else {
                    "Cannot specify both ',' and '_'.".to_owned()
                },
            ));
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        spec.precision =
            Some(number(&mut i)?.ok_or_else(|| {
                PyException::new("ValueError", "Format specifier missing precision")
            })?);
    }
    if chars.len() > i + 1 {
        return Err(invalid());
    }
    spec.kind = chars.get(i).copied();
    if let (Some(group), Some(kind)) = (spec.grouping, spec.kind) {
        let allowed = match kind {
            'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => true,
            'b' | 'o' | 'x' | 'X' => group == '_',
            _ => false,
        };
        if !allowed {
            return Err(PyException::new(
                "ValueError",
                format!("Cannot specify '{group}' with '{kind}'."),
            ));
        }
    }
    Ok(spec)
}

fn unknown_code(kind: char, type_name: &str) -> Box<PyException> {
    PyException::new(
        "ValueError",
        format!("Unknown format code '{kind}' for object of type '{type_name}'"),
    )
}

/// `format(value, spec)`.
pub fn format(value: &Formattable, spec: &str) -> Formatted {
    match value {
        Formattable::Str(text) => format_str(text, spec),
        Formattable::Int(int) => format_int(int, spec),
        Formattable::Float(float) => format_float(*float, spec, "float"),
    }
}

fn format_str(text: &str, spec_text: &str) -> Formatted {
    if spec_text.is_empty() {
        return Ok(text.to_owned());
    }
    let spec = parse(spec_text)?;
    match spec.kind {
        None | Some('s') => {}
        Some(kind) => return Err(unknown_code(kind, "str")),
    }
    if spec.sign.is_some() {
        return Err(PyException::new(
            "ValueError",
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(PyException::new(
            "ValueError",
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(PyException::new(
            "ValueError",
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(PyException::new(
            "ValueError",
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if let Some(group) = spec.grouping {
        return Err(PyException::new(
            "ValueError",
            format!("Cannot specify '{group}' with 's'."),
        ));
    }
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_owned(),
    };
    Ok(pad("", &body, &spec, '<'))
}

/// Sign, then body, padded to the width as the alignment says.
fn pad(sign: &str, body: &str, spec: &Spec, default_align: char) -> String {
    let fill = spec.fill.unwrap_or(' ');
    let len = sign.chars().count() + body.chars().count();
    let room = spec.width.saturating_sub(len);
    let fills = |n: usize| fill.to_string().repeat(n);
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{}", fills(room)),
        '^' => format!("{}{sign}{body}{}", fills(room / 2), fills(room - room / 2)),
        '=' => format!("{sign}{}{body}", fills(room)),
        _ => format!("{}{sign}{body}", fills(room)),
    }
}

/// Insert the grouping character every `every` digits of the integer part;
/// with zero padding (`=` and fill `0`), the padding is grouped too.
fn group(digits: &str, separator: Option<char>, every: usize, min_width: usize) -> String {
    let Some(separator) = separator else {
        return digits.to_owned();
    };
    let mut digits = digits.to_owned();
    // Zero padding: pad the digits so that digits plus separators fill the width.
    while digits.len() + digits.len().saturating_sub(1) / every < min_width {
        digits.insert(0, '0');
    }
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(every) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn sign_text(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(int: &BigInt, spec_text: &str) -> Formatted {
    if spec_text.is_empty() {
        return Ok(int.to_string());
    }
    let spec = parse(spec_text)?;
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let float = int.to_f64().filter(|f| f.is_finite()).ok_or_else(|| {
            PyException::new("OverflowError", "int too large to convert to float")
        })?;
        return format_float(float, spec_text, "int");
    }
    if spec.precision.is_some() {
        return Err(PyException::new(
            "ValueError",
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(PyException::new(
            "ValueError",
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if kind == 'c' {
        if spec.sign.is_some() {
            return Err(PyException::new(
                "ValueError",
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(PyException::new(
                "ValueError",
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = int
            .to_u32()
            .and_then(char::from_u32)
            .ok_or_else(|| PyException::new("OverflowError", "%c arg not in range(0x110000)"))?;
        return Ok(pad("", &code.to_string(), &spec, '>'));
    }
    let magnitude = int.abs();
    let (digits, prefix, every) = match kind {
        'd' | 'n' => (magnitude.to_string(), "", 3),
        'x' => (magnitude.to_str_radix(16), "0x", 4),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X", 4),
        'o' => (magnitude.to_str_radix(8), "0o", 4),
        'b' => (magnitude.to_str_radix(2), "0b", 4),
        other => return Err(unknown_code(other, "int")),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let sign = sign_text(int.is_negative(), spec.sign);
    let zero_padded = spec.align == Some('=') && spec.fill == Some('0');
    let min_digits = if zero_padded {
        spec.width.saturating_sub(sign.len() + prefix.len())
    } else {
        0
    };
    // The padding goes after the sign and the prefix (`0x000000ff`).
    let body = group(&digits, spec.grouping, every, min_digits);
    Ok(pad(&format!("{sign}{prefix}"), &body, &spec, '>'))
}

/// `1.5e+07`: CPython writes at least two exponent digits, with a sign.
fn exponent_form(value: f64, precision: usize, upper: bool) -> String {
    let text = format!("{value:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

/// `%g`: fixed or exponent form by the exponent, trailing zeros dropped
/// unless `alternate`; `add_dot_zero` (the spec without a type, CPython's
/// `Py_DTSF_ADD_DOT_0`) keeps one digit after the point and so switches to
/// the exponent form one digit earlier (`format(12.0, '.2')` is `1.2e+01`).
fn general_form(
    value: f64,
    precision: usize,
    upper: bool,
    alternate: bool,
    add_dot_zero: bool,
) -> String {
    let precision = precision.max(1);
    let exponent_text = exponent_form(value, precision - 1, false);
    let exponent: i32 = exponent_text
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let fixed_limit = precision as i32 - i32::from(add_dot_zero);
    let mut text = if -4 <= exponent && exponent < fixed_limit {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        format!("{value:.decimals$}")
    } else {
        exponent_form(value, precision - 1, upper)
    };
    if !alternate {
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (text[..at].to_owned(), text[at..].to_owned()),
            None => (text.clone(), String::new()),
        };
        let mut mantissa = mantissa;
        if mantissa.contains('.') {
            while mantissa.ends_with('0') {
                mantissa.pop();
            }
            if mantissa.ends_with('.') {
                mantissa.pop();
            }
        }
        if add_dot_zero && exponent.is_empty() && !mantissa.contains('.') {
            mantissa.push_str(".0");
        }
        text = mantissa + &exponent;
    } else if !text.contains('.') {
        let at = text.find(['e', 'E']).unwrap_or(text.len());
        text.insert(at, '.');
    }
    text
}

fn format_float(value: f64, spec_text: &str, type_name: &str) -> Formatted {
    if spec_text.is_empty() {
        return Ok(float_repr(value));
    }
    let spec = parse(spec_text)?;
    let kind = spec.kind;
    if matches!(kind, Some(k) if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) {
        return Err(unknown_code(kind.unwrap_or(' '), type_name));
    }
    let mut value = value;
    if spec.no_neg_zero && value == 0.0 {
        value = 0.0;
    }
    let negative = value.is_sign_negative() && !value.is_nan();
    let magnitude = value.abs();
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let mut body = if !magnitude.is_finite() {
        let text = if magnitude.is_nan() { "nan" } else { "inf" };
        let text = if upper {
            text.to_uppercase()
        } else {
            text.to_owned()
        };
        if kind == Some('%') {
            format!("{text}%")
        } else {
            text
        }
    } else {
        match kind {
            Some('e' | 'E') => exponent_form(magnitude, spec.precision.unwrap_or(6), upper),
            Some('f' | 'F') => {
                let p = spec.precision.unwrap_or(6);
                format!("{magnitude:.p$}")
            }
            Some('%') => {
                let p = spec.precision.unwrap_or(6);
                format!("{:.p$}%", magnitude * 100.0)
            }
            Some('g' | 'G' | 'n') => general_form(
                magnitude,
                spec.precision.unwrap_or(6),
                upper,
                spec.alternate,
                false,
            ),
            _ => match spec.precision {
                // '#' keeps the point even in repr's exponent form: `1.e+300`.
                None if spec.alternate => {
                    let mut text = float_repr(magnitude);
                    if !text.contains('.') {
                        let at = text.find('e').unwrap_or(text.len());
                        text.insert(at, '.');
                    }
                    text
                }
                None => float_repr(magnitude),
                Some(p) => general_form(magnitude, p, false, spec.alternate, true),
            },
        }
    };
    if spec.alternate
        && matches!(kind, Some('f' | 'F' | 'e' | 'E' | '%'))
        && !body.contains('.')
        && magnitude.is_finite()
    {
        let at = body.find(['e', 'E', '%']).unwrap_or(body.len());
        body.insert(at, '.');
    }
    let sign = sign_text(negative, spec.sign);
    if let Some(separator) = spec.grouping
        && magnitude.is_finite()
    {
        let end = body.find(['.', 'e', 'E', '%']).unwrap_or(body.len());
        let zero_padded = spec.align == Some('=') && spec.fill == Some('0');
        let min_digits = if zero_padded {
            spec.width.saturating_sub(sign.len() + body.len() - end)
        } else {
            0
        };
        body = format!(
            "{}{}",
            group(&body[..end], Some(separator), 3, min_digits),
            &body[end..]
        );
    }
    Ok(pad(sign, &body, &spec, '>'))
}

impl Vm {
    /// `format(obj, spec)` (`obj.__format__(spec)`) for the built-in types.
    pub(super) fn format_object(&self, obj: ObjId, spec: &str) -> Formatted {
        if spec.bytes().any(|b| b.is_ascii_digit()) {
            let largest: u64 = spec
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|digits| digits.parse::<u64>().ok())
                .filter(|&n| n <= i64::MAX as u64)
                .max()
                .unwrap_or(0);
            self.heap.check_room(largest)?;
        }
        let value = match self.heap.value(obj) {
            Value::Str(text) => return format(&Formattable::Str(text), spec),
            Value::Bool(b) if spec.is_empty() => {
                return Ok(if *b { "True" } else { "False" }.to_owned());
            }
            Value::Bool(b) => Formattable::Int(BigInt::from(u8::from(*b))),
            Value::Int(v) => Formattable::Int(BigInt::from(*v)),
            Value::BigInt(v) => Formattable::Int(v.as_ref().clone()),
            Value::Float(f) => Formattable::Float(*f),
            _ if spec.is_empty() => return self.heap.try_str(obj),
            other => {
                return Err(PyException::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )));
            }
        };
        // int -> decimal str obeys CPython's 4300-digit limit.
        if let Formattable::Int(int) = &value
            && !spec.ends_with(['b', 'o', 'x', 'X', 'c'])
            && super::heap::repr::decimal_digits(int) > super::heap::repr::INT_MAX_STR_DIGITS
        {
            return Err(super::heap::repr::digits_error());
        }
        format(&value, spec)
    }
}

/// `ascii(obj)`: the repr with every non-ASCII character escaped.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(value: f64, spec: &str) -> String {
        format(&Formattable::Float(value), spec).unwrap_or_else(|e| e.to_string())
    }

    fn i(value: i64, spec: &str) -> String {
        format(&Formattable::Int(BigInt::from(value)), spec).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn floats_as_cpython_formats_them() {
        assert_eq!(f(1.23456, ".2f"), "1.23");
        assert_eq!(f(0.5, "%"), "50.000000%");
        assert_eq!(f(12.0, "e"), "1.200000e+01");
        assert_eq!(f(2.5, ""), "2.5");
        assert_eq!(f(1.23456, "8.3f"), "   1.235");
        assert_eq!(f(123456789.123, ",.2f"), "123,456,789.12");
        assert_eq!(f(2.0, ".3"), "2.0");
        assert_eq!(f(1e16, ".3"), "1e+16");
        assert_eq!(f(0.0001, "g"), "0.0001");
        assert_eq!(f(0.00001, "g"), "1e-05");
        assert_eq!(f(123456.0, "g"), "123456");
        assert_eq!(f(1234567.0, "g"), "1.23457e+06");
        assert_eq!(f(-0.0, "z.1f"), "0.0");
        assert_eq!(f(f64::INFINITY, "f"), "inf");
        assert_eq!(
            f(1.5, "d"),
            "ValueError: Unknown format code 'd' for object of type 'float'"
        );
    }

    #[test]
    fn ints_as_cpython_formats_them() {
        assert_eq!(i(42, "05d"), "00042");
        assert_eq!(i(255, "x"), "ff");
        assert_eq!(i(255, "#b"), "0b11111111");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(-7, "+d"), "-7");
        assert_eq!(i(7, "+d"), "+7");
        assert_eq!(i(-3, "04"), "-003");
        assert_eq!(i(42, ">4"), "  42");
        assert_eq!(i(1234, "08,"), "0,001,234");
        assert_eq!(i(65, "c"), "A");
    }

    #[test]
    fn strs_as_cpython_formats_them() {
        let s = |text: &str, spec: &str| {
            format(&Formattable::Str(text), spec).unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(s("hi", ">5"), "   hi");
        assert_eq!(s("hi", "^6"), "  hi  ");
        assert_eq!(s("a", "*^5"), "**a**");
        assert_eq!(s("hello", ".2"), "he");
        assert_eq!(
            s("x", "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
    }
}
