//! The `string` module: its constants (`ascii_letters`, `digits`,
//! `punctuation`…) and `capwords()`. `Template` and `Formatter` are refused
//! (`types/module.rs`).

use super::Vm;
use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};

/// A function of the `string` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StringFunction {
    Capwords,
}

impl StringFunction {
    pub fn name(self) -> &'static str {
        match self {
            StringFunction::Capwords => "capwords",
        }
    }
}

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// The names `string` has that bytestep does not build.
pub(super) const REFUSED: &[&str] = &["Template", "Formatter"];

impl Vm {
    /// `import string`: the module, made the first time, its constants in
    /// the order `string.py` defines them.
    pub(super) fn string_module(&mut self) -> ObjId {
        let members = [("capwords", Builtin::StringModule(StringFunction::Capwords))];
        self.builtin_module("string", &members, |vm, module| {
            let constants = [
                ("whitespace", WHITESPACE.to_owned()),
                ("ascii_lowercase", LOWER.to_owned()),
                ("ascii_uppercase", UPPER.to_owned()),
                ("ascii_letters", format!("{LOWER}{UPPER}")),
                ("digits", DIGITS.to_owned()),
                ("hexdigits", format!("{DIGITS}abcdefABCDEF")),
                ("octdigits", "01234567".to_owned()),
                ("punctuation", PUNCTUATION.to_owned()),
                (
                    "printable",
                    format!("{DIGITS}{LOWER}{UPPER}{PUNCTUATION}{WHITESPACE}"),
                ),
            ];
            for (name, text) in constants {
                let text = vm.str_object(&text);
                vm.set_module_member(module, name, text);
            }
        })
    }
}

/// Call a `string` function; the result is a new reference.
pub fn call(
    vm: &mut Vm,
    function: StringFunction,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Result<ObjId, Box<PyException>> {
    match function {
        StringFunction::Capwords => capwords(vm, args, keywords),
    }
}

/// `capwords(s, sep=None)`: `(sep or ' ').join(map(str.capitalize,
/// s.split(sep)))`.
fn capwords(
    vm: &mut Vm,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Result<ObjId, Box<PyException>> {
    if args.len() > 2 {
        return Err(PyException::type_error(format!(
            "capwords() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut slots = [args.first().copied(), args.get(1).copied()];
    for &(name, value) in keywords {
        let index = match name {
            "s" => 0,
            "sep" => 1,
            other => {
                return Err(PyException::type_error(format!(
                    "capwords() got an unexpected keyword argument '{other}'"
                )));
            }
        };
        if slots[index].is_some() {
            return Err(PyException::type_error(format!(
                "capwords() got multiple values for argument '{name}'"
            )));
        }
        slots[index] = Some(value);
    }
    let Some(s) = slots[0] else {
        return Err(PyException::type_error(
            "capwords() missing 1 required positional argument: 's'",
        ));
    };
    let text = match vm.heap.value(s) {
        Value::Str(text) => text.clone(),
        _ => return Err(vm.unsupported("string.capwords() of a non-str")),
    };
    let sep = match slots[1].map(|sep| vm.heap.value(sep)) {
        None | Some(Value::None) => None,
        Some(Value::Str(sep)) if sep.is_empty() => {
            return Err(PyException::new("ValueError", "empty separator"));
        }
        Some(Value::Str(sep)) => Some(sep.clone()),
        Some(Value::Instance { .. }) => {
            return Err(vm.unsupported("string.capwords() with a sep of a class"));
        }
        // `(sep or ' ').join` comes first: a true sep without `join` fails
        // there, bytes or a false one in `s.split(sep)`.
        Some(other)
            if matches!(other, Value::Bytes(_) | Value::ByteArray(_)) || !other.truthy() =>
        {
            return Err(PyException::type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            )));
        }
        Some(other) => {
            return Err(PyException::new(
                "AttributeError",
                format!("'{}' object has no attribute 'join'", other.type_name()),
            ));
        }
    };
    vm.charge(text.len() as u64);
    let capitalize = rustpython_unicode::case::capitalize_str;
    let joined = match &sep {
        Some(sep) => text
            .split(&**sep)
            .map(capitalize)
            .collect::<Vec<_>>()
            .join(sep),
        None => text
            .split(super::strings::is_space)
            .filter(|word| !word.is_empty())
            .map(capitalize)
            .collect::<Vec<_>>()
            .join(" "),
    };
    Ok(vm.str_object(&joined))
}
