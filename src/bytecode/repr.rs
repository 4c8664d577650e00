//! Python's `repr()` of the constants a code object holds, as `dis` prints
//! them (`'hello'`, `1e+20`, `(1,)`, `frozenset({1, 2})`, `<code object ...>`).

use crate::compile::{CodeObject, Constant};

/// `repr(constant)` as CPython 3.14 writes it.
pub fn constant_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(value) => value.to_string(),
        Constant::Float(value) => float_repr(*value),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(text) => str_repr(text),
        Constant::Bytes(bytes) => bytes_repr(bytes),
        Constant::Tuple(items) => match items.as_slice() {
            [one] => format!("({},)", constant_repr(one)),
            _ => format!("({})", join(items.iter())),
        },
        Constant::Frozenset(items) if items.is_empty() => "frozenset()".into(),
        Constant::Frozenset(items) => {
            format!("frozenset({{{}}})", join(set_order(items).into_iter()))
        }
        Constant::Slice(parts) => format!(
            "slice({}, {}, {})",
            constant_repr(&parts[0]),
            constant_repr(&parts[1]),
            constant_repr(&parts[2])
        ),
        Constant::Code(code) => code_repr(code),
    }
}

fn join<'a>(items: impl Iterator<Item = &'a Constant>) -> String {
    items.map(constant_repr).collect::<Vec<_>>().join(", ")
}

/// `<code object NAME at 0x..., file "F", line N>`. The address is a stable
/// hash of the code's identity, so output is deterministic (tests mask it).
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {}, file \"{}\", line {}>",
        code.name,
        fake_address(code),
        code.filename,
        code.first_line
    )
}

/// A deterministic, address-looking hex number for a code object.
pub fn fake_address(code: &CodeObject) -> String {
    // FNV-1a over the identifying fields.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let first_line = code.first_line.to_le_bytes();
    for byte in code
        .qualname
        .bytes()
        .chain(code.filename.bytes())
        .chain(first_line)
        .chain(code.code.iter().copied())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("0x7f{:010x}", (hash & 0xff_ffff_ffff) & !0xf)
}

/// Shortest round-tripping digits and decimal exponent of a finite `value`,
/// as `d.ddd × 10^exp` (digits without the point).
fn shortest_digits(value: f64) -> (String, i32) {
    // Rust's `{:e}` is the shortest round-trip representation, like Python's repr.
    let text = format!("{:e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// `PyOS_double_to_string(value, 'r', 0, flags)`: `add_dot_0` appends `.0`
/// to integral values (float repr), `sign` forces a `+` (complex imaginary part).
fn format_double(value: f64, add_dot_0: bool, sign: bool) -> String {
    let sign_text = if value.is_sign_negative() && !value.is_nan() {
        "-"
    } else if sign {
        "+"
    } else {
        ""
    };
    if value.is_nan() {
        return format!("{sign_text}nan");
    }
    if value.is_infinite() {
        return format!("{sign_text}inf");
    }
    if value == 0.0 {
        return format!("{sign_text}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, exp) = shortest_digits(value);
    let n = digits.len() as i32;
    let body = if (-4..16).contains(&exp) {
        // Fixed notation.
        if exp >= n - 1 {
            let zeros = "0".repeat((exp - (n - 1)) as usize);
            format!("{digits}{zeros}{}", if add_dot_0 { ".0" } else { "" })
        } else if exp >= 0 {
            let (int_part, frac) = digits.split_at((exp + 1) as usize);
            format!("{int_part}.{frac}")
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() {
            first.to_owned()
        } else {
            format!("{first}.{rest}")
        };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{exp_sign}{:02}", exp.abs())
    };
    format!("{sign_text}{body}")
}

/// `repr(float)`.
pub fn float_repr(value: f64) -> String {
    format_double(value, true, false)
}

/// `repr(complex)`: `2j`, `(1+2j)`, `(-0-2j)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_double(imag, false, false))
    } else {
        format!(
            "({}{}j)",
            format_double(real, false, false),
            format_double(imag, false, true)
        )
    }
}

/// Whether `repr()` shows `c` as is (`Py_UNICODE_ISPRINTABLE`): not a
/// control, format, surrogate, private-use, unassigned or separator code
/// point (but the space).
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    rustpython_unicode::classify::is_printable(c)
}

/// `repr(str)`: single quotes unless the text has `'` and no `"`.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                if code <= 0xFF {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xFFFF {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: `b'...'`, ASCII printable shown, the rest `\xhh`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(char::from(quote));
    out
}

/// The order CPython iterates a frozenset in: its hash table's slot order,
/// with the hashes of `PYTHONHASHSEED=0` (the oracle's) for strings; sets
/// of other kinds keep the compiler's order.
fn set_order(items: &[Constant]) -> Vec<&Constant> {
    let hashes: Option<Vec<i64>> = items.iter().map(constant_hash).collect();
    let Some(hashes) = hashes else {
        return items.iter().collect();
    };
    // `set_add_entry`/`set_table_resize` from Objects/setobject.c.
    const LINEAR_PROBES: usize = 9;
    fn insert(table: &mut [Option<usize>], hash: i64, index: usize) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        loop {
            let probes = if slot + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                if table[slot + j].is_none() {
                    table[slot + j] = Some(index);
                    return;
                }
            }
            perturb >>= 5;
            slot = (slot
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    let mut seen: Vec<i64> = Vec::new();
    for (index, &hash) in hashes.iter().enumerate() {
        // Equal members (1, 1.0 and True) hash alike: the first stays.
        if seen.contains(&hash) {
            continue;
        }
        seen.push(hash);
        insert(&mut table, hash, index);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let min_used = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min_used {
                size <<= 1;
            }
            let mut bigger = vec![None; size];
            for &entry in table.iter().flatten() {
                insert(&mut bigger, hashes[entry], entry);
            }
            table = bigger;
        }
    }
    table.into_iter().flatten().map(|i| &items[i]).collect()
}

/// A constant's `hash()` (64-bit CPython, `PYTHONHASHSEED=0`).
fn constant_hash(item: &Constant) -> Option<i64> {
    use super::hashing;
    Some(match item {
        Constant::Int(value) => hashing::big_int_hash(value),
        Constant::Bool(value) => i64::from(*value),
        Constant::Float(f) => hashing::float_hash(*f)?,
        Constant::Str(text) => hashing::str_hash(text),
        Constant::Tuple(items) => {
            let hashes: Option<Vec<i64>> = items.iter().map(constant_hash).collect();
            hashing::tuple_hash(&hashes?)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn int(value: i64) -> Constant {
        Constant::Int(BigInt::from(value))
    }

    #[test]
    fn floats_like_python() {
        for (value, text) in [
            (1e20, "1e+20"),
            (0.1, "0.1"),
            (1.0, "1.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (1.5e-7, "1.5e-07"),
            (123456789.0, "123456789.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (2.675, "2.675"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ] {
            assert_eq!(float_repr(value), text, "{value}");
        }
    }

    #[test]
    fn complex_like_python() {
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(3.0, 4.0), "(3+4j)");
        assert_eq!(complex_repr(-0.0, -2.0), "(-0-2j)");
        assert_eq!(complex_repr(0.0, 1.5), "1.5j");
        assert_eq!(complex_repr(1.0, f64::INFINITY), "(1+infj)");
    }

    #[test]
    fn strings_and_bytes() {
        assert_eq!(str_repr("hello"), "'hello'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(
            str_repr("a\n\t\\\x7f\u{2028}é"),
            "'a\\n\\t\\\\\\x7f\\u2028é'"
        );
        assert_eq!(str_repr("\u{e000}\u{10ffff}"), "'\\ue000\\U0010ffff'");
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
    }

    #[test]
    fn containers() {
        assert_eq!(constant_repr(&Constant::Tuple(vec![int(1)])), "(1,)");
        assert_eq!(constant_repr(&Constant::Tuple(vec![])), "()");
        let tuple = Constant::Tuple(vec![
            int(1),
            Constant::Str("two".into()),
            Constant::None,
            Constant::Ellipsis,
        ]);
        assert_eq!(constant_repr(&tuple), "(1, 'two', None, Ellipsis)");
        assert_eq!(constant_repr(&Constant::Frozenset(vec![])), "frozenset()");
        let set = Constant::Frozenset(vec![int(9), int(1), int(8)]);
        // Orders checked against CPython 3.14.2.
        assert_eq!(constant_repr(&set), "frozenset({8, 9, 1})");
        let set = Constant::Frozenset((1..=20).rev().step_by(3).map(int).collect());
        assert_eq!(constant_repr(&set), "frozenset({2, 5, 8, 11, 14, 17, 20})");
        let big: BigInt = "100000000000000000000".parse().unwrap_or_default();
        let set = Constant::Frozenset(vec![
            Constant::Bool(true),
            int(2),
            int(-1),
            Constant::Int(big),
            int(64),
            int(7),
        ]);
        assert_eq!(
            constant_repr(&set),
            "frozenset({64, True, 2, 7, 100000000000000000000, -1})"
        );
        let slice = Constant::Slice(Box::new([int(1), Constant::None, Constant::None]));
        assert_eq!(constant_repr(&slice), "slice(1, None, None)");
    }

    #[test]
    fn big_ints_and_negatives() {
        let big: BigInt = "100000000000000000000".parse().unwrap_or_default();
        assert_eq!(constant_repr(&Constant::Int(big)), "100000000000000000000");
        assert_eq!(constant_repr(&int(-5)), "-5");
        assert_eq!(super::super::hashing::big_int_hash(&BigInt::from(-1)), -2);
    }
}
