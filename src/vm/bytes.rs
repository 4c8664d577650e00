//! `bytes` and `bytearray` in the interpreter: construction, the codecs
//! bytestep has (UTF-8, ASCII, Latin-1), indexing and slicing, item and
//! slice assignment, operators, comparisons and the common methods, with
//! CPython 3.14's results, messages and identities.
//!
//! Identities follow `Objects/bytesobject.c`: results made from a piece of
//! existing bytes (`PyBytes_FromStringAndSize(ptr, 1)`: slices with step 1,
//! `split`, `strip`, `bytes([97])`, `'a'.encode()`) are the immortal
//! one-byte singletons, while results built into a fresh buffer
//! (`PyBytes_FromStringAndSize(NULL, n)`: `upper`, `bytes(1)`, `b + c`,
//! extended slices) are new objects even at length 1. A method that changes
//! nothing returns the bytes itself.

use std::sync::Arc;

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::opcodes::Number;
use super::types::TypeKind;
use super::types::bytes::{self as algo, ByteArray};
use super::{Flow, Vm};
use crate::bytecode::BinaryOp;

/// The methods of bytes and bytearray bytestep provides (and `str.encode`,
/// which makes bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BytesMethod {
    Decode,
    Hex,
    Fromhex,
    Count,
    Find,
    Rfind,
    Index,
    Rindex,
    Startswith,
    Endswith,
    Split,
    Rsplit,
    Join,
    Strip,
    Lstrip,
    Rstrip,
    Replace,
    Upper,
    Lower,
    Swapcase,
    Capitalize,
    Title,
    Isdigit,
    Isalpha,
    Isalnum,
    Isspace,
    Isupper,
    Islower,
    Isascii,
    Removeprefix,
    Removesuffix,
    Center,
    Ljust,
    Rjust,
    Partition,
    Rpartition,
    // bytearray only
    Append,
    Extend,
    Pop,
    Insert,
    Remove,
    Clear,
    Reverse,
    Copy,
    // str only
    Encode,
}

impl BytesMethod {
    const ALL: [BytesMethod; 45] = [
        BytesMethod::Decode,
        BytesMethod::Hex,
        BytesMethod::Fromhex,
        BytesMethod::Count,
        BytesMethod::Find,
        BytesMethod::Rfind,
        BytesMethod::Index,
        BytesMethod::Rindex,
        BytesMethod::Startswith,
        BytesMethod::Endswith,
        BytesMethod::Split,
        BytesMethod::Rsplit,
        BytesMethod::Join,
        BytesMethod::Strip,
        BytesMethod::Lstrip,
        BytesMethod::Rstrip,
        BytesMethod::Replace,
        BytesMethod::Upper,
        BytesMethod::Lower,
        BytesMethod::Swapcase,
        BytesMethod::Capitalize,
        BytesMethod::Title,
        BytesMethod::Isdigit,
        BytesMethod::Isalpha,
        BytesMethod::Isalnum,
        BytesMethod::Isspace,
        BytesMethod::Isupper,
        BytesMethod::Islower,
        BytesMethod::Isascii,
        BytesMethod::Removeprefix,
        BytesMethod::Removesuffix,
        BytesMethod::Center,
        BytesMethod::Ljust,
        BytesMethod::Rjust,
        BytesMethod::Partition,
        BytesMethod::Rpartition,
        BytesMethod::Append,
        BytesMethod::Extend,
        BytesMethod::Pop,
        BytesMethod::Insert,
        BytesMethod::Remove,
        BytesMethod::Clear,
        BytesMethod::Reverse,
        BytesMethod::Copy,
        BytesMethod::Encode,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BytesMethod::Decode => "decode",
            BytesMethod::Hex => "hex",
            BytesMethod::Fromhex => "fromhex",
            BytesMethod::Count => "count",
            BytesMethod::Find => "find",
            BytesMethod::Rfind => "rfind",
            BytesMethod::Index => "index",
            BytesMethod::Rindex => "rindex",
            BytesMethod::Startswith => "startswith",
            BytesMethod::Endswith => "endswith",
            BytesMethod::Split => "split",
            BytesMethod::Rsplit => "rsplit",
            BytesMethod::Join => "join",
            BytesMethod::Strip => "strip",
            BytesMethod::Lstrip => "lstrip",
            BytesMethod::Rstrip => "rstrip",
            BytesMethod::Replace => "replace",
            BytesMethod::Upper => "upper",
            BytesMethod::Lower => "lower",
            BytesMethod::Swapcase => "swapcase",
            BytesMethod::Capitalize => "capitalize",
            BytesMethod::Title => "title",
            BytesMethod::Isdigit => "isdigit",
            BytesMethod::Isalpha => "isalpha",
            BytesMethod::Isalnum => "isalnum",
            BytesMethod::Isspace => "isspace",
            BytesMethod::Isupper => "isupper",
            BytesMethod::Islower => "islower",
            BytesMethod::Isascii => "isascii",
            BytesMethod::Removeprefix => "removeprefix",
            BytesMethod::Removesuffix => "removesuffix",
            BytesMethod::Center => "center",
            BytesMethod::Ljust => "ljust",
            BytesMethod::Rjust => "rjust",
            BytesMethod::Partition => "partition",
            BytesMethod::Rpartition => "rpartition",
            BytesMethod::Append => "append",
            BytesMethod::Extend => "extend",
            BytesMethod::Pop => "pop",
            BytesMethod::Insert => "insert",
            BytesMethod::Remove => "remove",
            BytesMethod::Clear => "clear",
            BytesMethod::Reverse => "reverse",
            BytesMethod::Copy => "copy",
            BytesMethod::Encode => "encode",
        }
    }

    /// The type whose method this is, for an owner of type `kind`.
    fn on(self, kind: TypeKind) -> bool {
        use BytesMethod::*;
        match self {
            Encode => kind == TypeKind::Str,
            Append | Extend | Pop | Insert | Remove | Clear | Reverse | Copy => {
                kind == TypeKind::ByteArray
            }
            _ => matches!(kind, TypeKind::Bytes | TypeKind::ByteArray),
        }
    }

    /// `owner.name` for an owner of type `kind`.
    pub fn find(kind: TypeKind, name: &str) -> Option<BytesMethod> {
        if !matches!(kind, TypeKind::Bytes | TypeKind::ByteArray | TypeKind::Str) {
            return None;
        }
        BytesMethod::ALL
            .into_iter()
            .find(|m| m.name() == name && m.on(kind))
    }

    /// The type named in the method's repr.
    pub fn owner_name(self) -> &'static str {
        use BytesMethod::*;
        match self {
            Encode => "str",
            Append | Extend | Pop | Insert | Remove | Clear | Reverse | Copy => "bytearray",
            _ => "bytes",
        }
    }
}

/// Methods of CPython's bytes and bytearray that bytestep lacks: refused by
/// name rather than an `AttributeError`.
const MISSING_METHODS: &[&str] = &[
    "expandtabs",
    "splitlines",
    "translate",
    "maketrans",
    "istitle",
    "zfill",
    "resize",
];

/// The codecs bytestep has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Error handlers bytestep has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Errors {
    Strict,
    Replace,
    Ignore,
}

/// Look a codec up as `codecs.lookup` normalizes names.
fn lookup_codec(name: &str) -> Flow<Codec> {
    let normal: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    Ok(match normal.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" | "csisolatin1" => Codec::Latin1,
        "rot13" | "rot-13" | "hex" | "hex-codec" | "base64" | "base-64" | "base64-codec"
        | "zlib" | "zip" | "zlib-codec" | "bz2" | "bz2-codec" | "uu" | "uu-codec" | "quopri"
        | "quotedprintable" | "quoted-printable" | "quopri-codec" => {
            return Err(PyException::new(
                "LookupError",
                format!(
                    "'{name}' is not a text encoding; use codecs.encode() to handle arbitrary codecs"
                ),
            ));
        }
        known if is_other_cpython_codec(known) => {
            return Err(PyException::not_implemented(
                &format!("the '{name}' codec (only utf-8, ascii and latin-1)"),
                None,
            ));
        }
        _ => {
            return Err(PyException::new(
                "LookupError",
                format!("unknown encoding: {name}"),
            ));
        }
    })
}

/// Codecs of CPython's `encodings` package that bytestep lacks: refused by
/// name rather than called unknown.
fn is_other_cpython_codec(name: &str) -> bool {
    let prefixes = [
        "utf-16",
        "utf16",
        "utf-32",
        "utf32",
        "utf-7",
        "utf7",
        "cp",
        "iso-8859",
        "iso8859",
        "latin-",
        "mac-",
        "koi8",
        "shift",
        "euc",
        "gb",
        "big5",
        "windows-",
        "unicode-escape",
        "raw-unicode-escape",
        "idna",
        "punycode",
        "charmap",
        "utf-8-sig",
        "hz",
        "johab",
        "ptcp154",
        "tis-620",
        "palmos",
        "hp-roman8",
        "kz1048",
        "mbcs",
        "oem",
        "iso2022",
        "iso-2022",
    ];
    prefixes.iter().any(|p| name.starts_with(p))
}

fn lookup_errors(name: Option<&str>) -> Flow<Errors> {
    Ok(match name {
        None | Some("strict") => Errors::Strict,
        Some("replace") => Errors::Replace,
        Some("ignore") => Errors::Ignore,
        Some(
            handler @ ("backslashreplace" | "surrogateescape" | "surrogatepass"
            | "xmlcharrefreplace" | "namereplace"),
        ) => {
            return Err(PyException::not_implemented(
                &format!("the '{handler}' error handler"),
                None,
            ));
        }
        Some(other) => {
            return Err(PyException::new(
                "LookupError",
                format!("unknown error handler name '{other}'"),
            ));
        }
    })
}

/// A character as CPython's codec errors quote it: `'\xe9'`, `'\u20ac'`.
fn char_escape(c: char) -> String {
    match c as u32 {
        0..=0xff => format!("'\\x{:02x}'", c as u32),
        0x100..=0xffff => format!("'\\u{:04x}'", c as u32),
        v => format!("'\\U{v:08x}'"),
    }
}

/// `str.encode(codec, errors)`.
fn encode(text: &str, codec: Codec, errors: Option<&str>) -> Flow<Vec<u8>> {
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match lookup_errors(errors)? {
            Errors::Strict => {
                let place = if end - i == 1 {
                    format!("character {} in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(PyException::new(
                    "UnicodeEncodeError",
                    format!(
                        "'{}' codec can't encode {place}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            Errors::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Errors::Ignore => {}
        }
        i = end;
    }
    Ok(out)
}

/// `bytes.decode(codec, errors)`.
fn decode(data: &[u8], codec: Codec, errors: Option<&str>) -> Flow<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(char::from(b));
                    continue;
                }
                match lookup_errors(errors)? {
                    Errors::Strict => {
                        return Err(PyException::new(
                            "UnicodeDecodeError",
                            format!(
                                "'ascii' codec can't decode byte {b:#04x} in position {i}: \
                                 ordinal not in range(128)"
                            ),
                        ));
                    }
                    Errors::Replace => out.push('\u{fffd}'),
                    Errors::Ignore => {}
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut position = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(text) => {
                        out.push_str(text);
                        return Ok(out);
                    }
                    Err(error) => {
                        let good = error.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = error.error_len().unwrap_or(rest.len() - good);
                        let start = position + good;
                        match lookup_errors(errors)? {
                            Errors::Strict => {
                                let first = rest[good];
                                let reason = if error.error_len().is_none() {
                                    "unexpected end of data"
                                } else if matches!(first, 0x80..=0xc1 | 0xf5..=0xff) {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                let place = if bad == 1 {
                                    format!("byte {first:#04x} in position {start}")
                                } else {
                                    format!("bytes in position {start}-{}", start + bad - 1)
                                };
                                return Err(PyException::new(
                                    "UnicodeDecodeError",
                                    format!("'utf-8' codec can't decode {place}: {reason}"),
                                ));
                            }
                            Errors::Replace => out.push('\u{fffd}'),
                            Errors::Ignore => {}
                        }
                        rest = &rest[good + bad..];
                        position = start + bad;
                    }
                }
            }
        }
    }
}

impl Vm {
    // ---- objects -------------------------------------------------------------

    /// The bytes `data` as `PyBytes_FromStringAndSize(ptr, n)` makes it: the
    /// immortal empty or one-byte singleton, else a new object.
    pub(super) fn bytes_object(&mut self, data: &[u8]) -> ObjId {
        if data.len() <= 1 {
            return self.bytes_singleton(data.first().copied());
        }
        self.heap.alloc(Value::Bytes(data.into()))
    }

    /// A bytes built into a fresh buffer (`PyBytes_FromStringAndSize(NULL, n)`):
    /// a new object even of one byte; only the empty one is shared.
    pub(super) fn fresh_bytes(&mut self, data: Vec<u8>) -> ObjId {
        if data.is_empty() {
            return self.bytes_singleton(None);
        }
        self.heap.alloc(Value::Bytes(data.into()))
    }

    /// `b''` (`None`) or a one-byte bytes: static and immortal, made the
    /// first time a program needs it.
    fn bytes_singleton(&mut self, byte: Option<u8>) -> ObjId {
        let slot = byte.map_or(0, |b| b as usize + 1);
        if self.singletons.bytes.is_empty() {
            self.singletons.bytes = vec![None; 257];
        }
        if let Some(id) = self.singletons.bytes[slot] {
            return id;
        }
        let data: Arc<[u8]> = byte.map_or_else(|| Arc::from(&[][..]), |b| Arc::from(&[b][..]));
        let id = self.heap.alloc_static(Value::Bytes(data));
        self.singletons.bytes[slot] = Some(id);
        id
    }

    fn bytearray_object(&mut self, array: ByteArray) -> ObjId {
        let allocated = array.allocated;
        let id = self.heap.alloc(Value::ByteArray(Box::new(array)));
        self.heap.account_buffer(0, allocated);
        id
    }

    /// A bytearray's allocation (0 for anything else).
    fn allocated(&self, obj: ObjId) -> usize {
        match self.heap.value(obj) {
            Value::ByteArray(array) => array.allocated,
            _ => 0,
        }
    }

    /// Count a bytearray's change of allocation since `before`.
    fn settle(&mut self, obj: ObjId, before: usize) {
        let after = self.allocated(obj);
        if after != before {
            self.heap.account_buffer(before, after);
        }
    }

    /// Bytes or a bytearray of `data`, as `kind` says (new bytes from a
    /// piece of existing bytes: `cached`).
    fn bytes_result(&mut self, array: bool, data: Vec<u8>, cached: bool) -> ObjId {
        if array {
            self.bytearray_object(ByteArray::from_vec(data))
        } else if cached {
            self.bytes_object(&data)
        } else {
            self.fresh_bytes(data)
        }
    }

    /// The contents of a bytes-like object (bytes, bytearray).
    pub(super) fn bytes_data(&self, obj: ObjId) -> Option<Vec<u8>> {
        match self.heap.value(obj) {
            Value::Bytes(data) => Some(data.to_vec()),
            Value::ByteArray(array) => Some(array.data.clone()),
            _ => None,
        }
    }

    fn is_bytes_like(&self, obj: ObjId) -> bool {
        matches!(self.heap.value(obj), Value::Bytes(_) | Value::ByteArray(_))
    }

    fn type_name_of(&self, obj: ObjId) -> &'static str {
        self.heap.value(obj).type_name()
    }

    /// "a bytes-like object is required, not 'str'".
    fn bytes_like_required(&self, obj: ObjId) -> Box<PyException> {
        PyException::type_error(format!(
            "a bytes-like object is required, not '{}'",
            self.type_name_of(obj)
        ))
    }

    fn buffer_arg(&self, obj: ObjId) -> Flow<Vec<u8>> {
        self.bytes_data(obj)
            .ok_or_else(|| self.bytes_like_required(obj))
    }

    /// An int argument as `__index__` reads it (an instance's `__index__`
    /// runs as a frame).
    pub(super) fn index_arg(&mut self, obj: ObjId) -> Flow<i64> {
        let obj = self.index_value(obj)?;
        self.plain_index(obj)
    }

    /// An int argument of a built-in type (no Python code runs).
    fn plain_index(&self, obj: ObjId) -> Flow<i64> {
        match Number::of(self.heap.value(obj)) {
            Some(Number::Int(v)) if !matches!(self.heap.value(obj), Value::Float(_)) => Ok(v),
            Some(Number::Big(_)) => Err(PyException::new(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )),
            _ => Err(PyException::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name_of(obj)
            ))),
        }
    }

    /// `_getbytevalue`: an int in range(0, 256).
    pub(super) fn byte_value(&mut self, obj: ObjId, message: &str) -> Flow<u8> {
        let value = match self.index_arg(obj) {
            Ok(v) => v,
            Err(error) if error.kind == "OverflowError" => -1,
            Err(error) => return Err(error),
        };
        u8::try_from(value).map_err(|_| PyException::new("ValueError", message))
    }

    /// `int(b'12')`: the bytes read as ASCII text, the error naming the bytes.
    pub(super) fn int_from_bytes(&mut self, obj: ObjId) -> Flow<ObjId> {
        let data = self.bytes_data(obj).unwrap_or_default();
        let text: String = data.iter().map(|&b| char::from(b)).collect();
        let text_obj = self.str_object(&text);
        let int_type = self.type_object(TypeKind::Int);
        let result = super::builtins::call(self, int_type, &[text_obj], &[]);
        self.heap.discard(text_obj);
        result.map_err(|error| {
            if error.kind == "ValueError" && error.message.starts_with("invalid literal") {
                let shown = self.heap.repr(obj);
                PyException::new(
                    "ValueError",
                    format!("invalid literal for int() with base 10: {shown}"),
                )
            } else {
                error
            }
        })
    }

    // ---- construction --------------------------------------------------------

    /// `bytes(...)`, `bytearray(...)`.
    pub(super) fn bytes_new(
        &mut self,
        kind: TypeKind,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let array = kind == TypeKind::ByteArray;
        let name = kind.name();
        // (Argument Clinic's `source`, `encoding`, `errors`.)
        let parameters = ["source", "encoding", "errors"];
        let given = super::builtins::clinic_slots(name, args, keywords, &parameters, 0)?;
        let slots: [Option<ObjId>; 3] = [given[0], given[1], given[2]];
        let text_arg = |vm: &Vm, obj: Option<ObjId>, what: &str| -> Flow<Option<String>> {
            match obj {
                None => Ok(None),
                Some(obj) => match vm.heap.value(obj) {
                    Value::Str(text) => Ok(Some(text.to_string())),
                    other => Err(PyException::type_error(format!(
                        "{name}() argument '{what}' must be str, not {}",
                        other.type_name()
                    ))),
                },
            }
        };
        let encoding = text_arg(self, slots[1], "encoding")?;
        let errors = text_arg(self, slots[2], "errors")?;
        let Some(source) = slots[0] else {
            if encoding.is_some() || errors.is_some() {
                return Err(PyException::type_error(if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }));
            }
            return Ok(self.bytes_result(array, Vec::new(), true));
        };
        if let Value::Str(text) = self.heap.value(source) {
            let text = text.clone();
            let Some(encoding) = encoding else {
                return Err(PyException::type_error(
                    "string argument without an encoding",
                ));
            };
            let codec = lookup_codec(&encoding)?;
            let data = encode(&text, codec, errors.as_deref())?;
            self.charge(data.len() as u64);
            return Ok(self.bytes_result(array, data, true));
        }
        if encoding.is_some() || errors.is_some() {
            return Err(PyException::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        // bytes(b) is b itself.
        if !array && matches!(self.heap.value(source), Value::Bytes(_)) {
            return Ok(source);
        }
        // A class's `__bytes__`, else its `__index__` as a count.
        if self.is_instance_obj(source) {
            if !array && let Some(method) = self.special_method(source, "__bytes__") {
                let result = self.call_python(method, &[source])?;
                return match self.heap.value(result) {
                    Value::Bytes(_) => Ok(result),
                    other => Err(PyException::type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        other.type_name()
                    ))),
                };
            }
            let counted = self.index_value(source)?;
            if counted != source {
                return self.bytes_new(kind, &[counted], &[]);
            }
        }
        if let Some(data) = self.bytes_data(source) {
            self.charge(data.len() as u64);
            return Ok(self.bytes_result(array, data, false));
        }
        if let Some(number) = Number::of(self.heap.value(source))
            && !matches!(self.heap.value(source), Value::Float(_))
        {
            let count = match number {
                Number::Int(n) => n,
                _ => {
                    return Err(PyException::new(
                        "OverflowError",
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            };
            if count < 0 {
                return Err(PyException::new("ValueError", "negative count"));
            }
            self.heap.check_room(count as u64)?;
            self.charge(count as u64);
            return Ok(self.bytes_result(array, vec![0; count as usize], false));
        }
        let range_message = if array {
            "byte must be in range(0, 256)"
        } else {
            "bytes must be in range(0, 256)"
        };
        let sized = matches!(self.heap.value(source), Value::List(_) | Value::Tuple(_));
        let drained = if self.runs_python(source) {
            // Items from Python code, each checked as it comes.
            let consumer = super::frame::Consumer::Collect {
                list: None,
                tuple: false,
                limit: 0,
                check: if array {
                    super::frame::ItemCheck::ByteArray
                } else {
                    super::frame::ItemCheck::Bytes
                },
            };
            Some(self.drain(source, consumer)?)
        } else {
            None
        };
        let found = match drained {
            Some(list) => match self.heap.value(list) {
                Value::List(l) => Ok((l.items.clone(), None)),
                _ => Ok((Vec::new(), None)),
            },
            None => self.items_of(source),
        };
        let (items, temp) = match found {
            Ok(found) => found,
            Err(error) if error.kind == "TypeError" && error.message.ends_with("not iterable") => {
                return Err(PyException::type_error(format!(
                    "cannot convert '{}' object to {name}",
                    self.type_name_of(source)
                )));
            }
            Err(error) => return Err(error),
        };
        let mut data = Vec::with_capacity(items.len());
        let mut failed = None;
        for &item in &items {
            match self.byte_value(item, range_message) {
                Ok(byte) => data.push(byte),
                Err(error) => {
                    failed = Some(error);
                    break;
                }
            }
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        if let Some(error) = failed {
            return Err(error);
        }
        if array && !sized {
            // The iterator path appends byte by byte, growing as it goes.
            let mut grown = ByteArray::default();
            for byte in data {
                grown.push(byte);
            }
            return Ok(self.bytearray_object(grown));
        }
        Ok(self.bytes_result(array, data, true))
    }

    /// `str(b, encoding, errors)`: decoding (the one-argument form is the repr).
    /// `str(object, encoding, errors)` (`PyUnicode_FromEncodedObject`):
    /// the encoding and errors first checked to be strs.
    pub(super) fn str_from_bytes(
        &mut self,
        source: ObjId,
        encoding: Option<ObjId>,
        errors: Option<ObjId>,
    ) -> Flow<ObjId> {
        let encoding = match encoding {
            Some(obj) => self.str_text(obj, "str() argument 'encoding'")?,
            None => "utf-8".to_owned(),
        };
        let errors = match errors {
            Some(obj) => Some(self.str_text(obj, "str() argument 'errors'")?),
            None => None,
        };
        if let Value::Str(_) = self.heap.value(source) {
            return Err(PyException::type_error("decoding str is not supported"));
        }
        let Some(data) = self.bytes_data(source) else {
            return Err(PyException::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                self.type_name_of(source)
            )));
        };
        // (An empty buffer is '' whatever the codec.)
        if data.is_empty() {
            return Ok(self.singletons.empty_str);
        }
        let text = decode(&data, lookup_codec(&encoding)?, errors.as_deref())?;
        Ok(self.str_object(&text))
    }

    fn str_text(&self, obj: ObjId, what: &str) -> Flow<String> {
        match self.heap.value(obj) {
            Value::Str(text) => Ok(text.to_string()),
            // (`_PyArg_BadArgument` names None itself.)
            Value::None => Err(PyException::type_error(format!(
                "{what} must be str, not None"
            ))),
            other => Err(PyException::type_error(format!(
                "{what} must be str, not {}",
                other.type_name()
            ))),
        }
    }

    /// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (the type's attribute).
    pub(super) fn bytes_fromhex(&mut self, kind: TypeKind, args: &[ObjId]) -> Flow<ObjId> {
        let [arg] = args else {
            return Err(PyException::type_error(format!(
                "{}.fromhex() takes exactly one argument ({} given)",
                kind.name(),
                args.len()
            )));
        };
        let chars: Vec<char> = match self.heap.value(*arg) {
            Value::Str(text) => text.chars().collect(),
            Value::Bytes(data) => data.iter().map(|&b| char::from(b)).collect(),
            Value::ByteArray(array) => array.data.iter().map(|&b| char::from(b)).collect(),
            other => {
                return Err(PyException::type_error(format!(
                    "fromhex() argument must be str or bytes-like, not {}",
                    other.type_name()
                )));
            }
        };
        let data = algo::fromhex(&chars).map_err(|m| PyException::new("ValueError", m))?;
        Ok(self.bytes_result(kind == TypeKind::ByteArray, data, false))
    }

    /// `LOAD_ATTR` on a bytes, a bytearray or their types, past the methods
    /// `load_method` finds: `bytes.fromhex` (bound to the type), `bytes.hex`
    /// (the descriptor), else `AttributeError`. `None`: not ours.
    pub(super) fn bytes_attribute(
        &mut self,
        owner: ObjId,
        name: super::heap::Symbol,
    ) -> Option<Flow<ObjId>> {
        let (kind, is_type) = match self.heap.value(owner) {
            Value::Type(kind @ (TypeKind::Bytes | TypeKind::ByteArray)) => (*kind, true),
            Value::Bytes(_) => (TypeKind::Bytes, false),
            Value::ByteArray(_) => (TypeKind::ByteArray, false),
            _ => return None,
        };
        let name = self.heap.symbols.text(name).to_owned();
        let name = name.as_str();
        match BytesMethod::find(kind, name) {
            Some(BytesMethod::Fromhex) => {
                let method = super::builtins::Builtin::BytesMethod(BytesMethod::Fromhex, kind);
                Some(Ok(self.bound_builtin(method, owner)))
            }
            Some(method) if is_type => Some(Ok(
                self.static_builtin(super::builtins::Builtin::BytesMethod(method, kind))
            )),
            _ if is_type => None,
            _ if MISSING_METHODS.contains(&name) => Some(Err(PyException::not_implemented(
                &format!("the method {}.{name}()", kind.name()),
                self.current_line(),
            ))),
            _ => {
                let names: Vec<String> = BytesMethod::ALL
                    .into_iter()
                    .filter(|m| m.on(kind))
                    .map(|m| m.name().to_owned())
                    .collect();
                Some(Err(PyException::attribute_error(
                    format!("'{}' object has no attribute '{name}'", kind.name()),
                    name,
                    names,
                )))
            }
        }
    }

    // ---- operators -----------------------------------------------------------

    /// `BINARY_OP` with a bytes or bytearray operand; `None`: not ours.
    pub(super) fn bytes_binary_op(
        &mut self,
        op: BinaryOp,
        lhs: ObjId,
        rhs: ObjId,
    ) -> Flow<Option<ObjId>> {
        let (left_bytes, right_bytes) = (self.is_bytes_like(lhs), self.is_bytes_like(rhs));
        if !left_bytes && !right_bytes {
            return Ok(None);
        }
        let (before_left, before_right) = (self.allocated(lhs), self.allocated(rhs));
        let result = self.bytes_operator(op, lhs, rhs, left_bytes);
        self.settle(lhs, before_left);
        if rhs != lhs {
            self.settle(rhs, before_right);
        }
        result
    }

    fn bytes_operator(
        &mut self,
        op: BinaryOp,
        lhs: ObjId,
        rhs: ObjId,
        left_bytes: bool,
    ) -> Flow<Option<ObjId>> {
        let inplace = op.is_inplace();
        let base = op.base();
        let left_array = matches!(self.heap.value(lhs), Value::ByteArray(_));
        match base {
            BinaryOp::Add if left_bytes => {
                let Some(b) = self.bytes_data(rhs) else {
                    return Err(PyException::type_error(format!(
                        "can't concat {} to {}",
                        self.type_name_of(rhs),
                        self.type_name_of(lhs)
                    )));
                };
                if inplace && left_array {
                    self.heap.check_room(b.len() as u64)?;
                    self.bytearray_splice_end(lhs, &b);
                    return Ok(Some(lhs));
                }
                let a = self.bytes_data(lhs).unwrap_or_default();
                if !left_array {
                    if a.is_empty() && matches!(self.heap.value(rhs), Value::Bytes(_)) {
                        return Ok(Some(rhs));
                    }
                    if b.is_empty() {
                        return Ok(Some(lhs));
                    }
                }
                self.heap.check_room(a.len() as u64 + b.len() as u64)?;
                let mut joined = a;
                joined.extend_from_slice(&b);
                self.charge(joined.len() as u64);
                Ok(Some(self.bytes_result(left_array, joined, false)))
            }
            BinaryOp::Multiply => {
                let (sequence, count) = if left_bytes { (lhs, rhs) } else { (rhs, lhs) };
                let count = match Number::of(self.heap.value(count)) {
                    Some(Number::Int(n)) if !matches!(self.heap.value(count), Value::Float(_)) => {
                        n.max(0) as u64
                    }
                    Some(Number::Big(n)) if num_traits::Signed::is_negative(&n) => 0,
                    Some(Number::Big(_)) => {
                        return Err(PyException::new(
                            "OverflowError",
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    _ => {
                        return Err(PyException::type_error(format!(
                            "can't multiply sequence by non-int of type '{}'",
                            self.type_name_of(count)
                        )));
                    }
                };
                let data = self.bytes_data(sequence).unwrap_or_default();
                let array = matches!(self.heap.value(sequence), Value::ByteArray(_));
                if count == 1 && (!array || inplace) {
                    return Ok(Some(sequence));
                }
                let total = (data.len() as u64)
                    .checked_mul(count)
                    .ok_or_else(|| self.heap.memory_error())?;
                self.heap.check_room(total)?;
                self.charge(total);
                let repeated = data.repeat(count as usize);
                if inplace && array {
                    if let Value::ByteArray(target) = self.heap.value_mut(sequence) {
                        target.resize(repeated.len());
                        target.data = repeated;
                    }
                    return Ok(Some(sequence));
                }
                Ok(Some(self.bytes_result(array, repeated, false)))
            }
            // printf-style formatting of bytes
            BinaryOp::Remainder if left_bytes => self.bytes_percent(lhs, rhs).map(Some),
            _ => Ok(None),
        }
    }

    /// `b'...' % values`: the conversions of `str %` on the bytes read as
    /// Latin-1, with `%s`/`%b` taking bytes-likes (copied as they are) and
    /// `%r`/`%a` their ASCII reprs, then written back as bytes.
    fn bytes_percent(&mut self, template_obj: ObjId, values: ObjId) -> Flow<ObjId> {
        let template = self.bytes_data(template_obj).unwrap_or_default();
        let array = matches!(self.heap.value(template_obj), Value::ByteArray(_));
        let mut items: Vec<ObjId> = match self.heap.value(values) {
            Value::Tuple(items) => items.to_vec(),
            _ => vec![values],
        };
        let mut text = String::with_capacity(template.len());
        let mut next = 0usize;
        let mut made = Vec::new();
        let mut i = 0;
        let result = loop {
            let Some(&byte) = template.get(i) else {
                break Ok(());
            };
            i += 1;
            text.push(char::from(byte));
            if byte != b'%' {
                continue;
            }
            if template.get(i) == Some(&b'(') {
                break Err(self.unsupported("%(name) keys in bytes formatting"));
            }
            while let Some(&b) = template.get(i)
                && (b"-+ #0.".contains(&b) || b.is_ascii_digit() || b == b'*')
            {
                text.push(char::from(b));
                i += 1;
            }
            let Some(&conversion) = template.get(i) else {
                break Ok(());
            };
            i += 1;
            if conversion == b'%' {
                text.push('%');
                continue;
            }
            let Some(&value) = items.get(next) else {
                text.push(char::from(conversion));
                continue;
            };
            let slot = next;
            next += 1;
            match conversion {
                b's' | b'b' => {
                    let Some(data) = self.bytes_data(value) else {
                        break Err(PyException::type_error(format!(
                            "%b requires a bytes-like object, or an object that implements \
                             __bytes__, not '{}'",
                            self.type_name_of(value)
                        )));
                    };
                    let latin1: String = data.iter().map(|&b| char::from(b)).collect();
                    let piece = self.str_object(&latin1);
                    made.push(piece);
                    items[slot] = piece;
                    text.push('s');
                }
                b'r' | b'a' => text.push('a'),
                b'c' => {
                    let byte = match self.bytes_data(value) {
                        Some(data) if data.len() == 1 => data[0],
                        Some(data) => {
                            break Err(PyException::type_error(format!(
                                "%c requires an integer in range(256) or a single byte, \
                                 not a {} object of length {}",
                                self.type_name_of(value),
                                data.len()
                            )));
                        }
                        None => match self.index_arg(value) {
                            Ok(v) if (0..256).contains(&v) => v as u8,
                            Ok(_) => {
                                break Err(PyException::new(
                                    "OverflowError",
                                    "%c arg not in range(256)",
                                ));
                            }
                            Err(error) if Vm::is_pending(&error) => break Err(error),
                            Err(_) => {
                                break Err(PyException::type_error(format!(
                                    "%c requires an integer in range(256) or a single byte, \
                                     not {}",
                                    self.type_name_of(value)
                                )));
                            }
                        },
                    };
                    let piece = self.str_object(&char::from(byte).to_string());
                    made.push(piece);
                    items[slot] = piece;
                    text.push('s');
                }
                other => text.push(char::from(other)),
            }
        };
        let mapping = matches!(self.heap.value(values), Value::Dict(_));
        let formatted = result.and_then(|()| {
            if mapping && made.is_empty() {
                return self.percent_format(&text, values);
            }
            let tuple = self.tuple_object(items, false);
            let out = self.percent_format(&text, tuple);
            self.heap.discard(tuple);
            out
        });
        for piece in made {
            self.heap.discard(piece);
        }
        let formatted = formatted.map_err(|error| {
            if error.message == "not all arguments converted during string formatting" {
                PyException::type_error("not all arguments converted during bytes formatting")
            } else {
                error
            }
        })?;
        let text = match self.heap.value(formatted) {
            Value::Str(text) => text.clone(),
            _ => Arc::from(""),
        };
        self.heap.discard(formatted);
        let data: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        self.charge(data.len() as u64);
        Ok(self.bytes_result(array, data, false))
    }

    /// Append `data` to a bytearray (`bytearray_iconcat`, `extend`).
    fn bytearray_splice_end(&mut self, array: ObjId, data: &[u8]) {
        if let Value::ByteArray(target) = self.heap.value_mut(array) {
            let n = target.data.len();
            target.set_linear(n, n, data);
        }
    }

    /// `==`, `<`… between bytes-likes; `None` when an operand is not one.
    pub(super) fn bytes_order(&self, left: ObjId, right: ObjId) -> Option<std::cmp::Ordering> {
        let slice = |id: ObjId| match self.heap.value(id) {
            Value::Bytes(data) => Some(&data[..]),
            Value::ByteArray(array) => Some(&array.data[..]),
            _ => None,
        };
        Some(slice(left)?.cmp(slice(right)?))
    }

    /// `item in container` for a bytes-like container; `None`: not ours.
    pub(super) fn bytes_contains(&mut self, container: ObjId, item: ObjId) -> Flow<Option<bool>> {
        let Some(hay) = self.bytes_data(container) else {
            return Ok(None);
        };
        if let Some(needle) = self.bytes_data(item) {
            return Ok(Some(algo::find(&hay, &needle).is_some()));
        }
        let has_index =
            self.is_instance_obj(item) && self.special_method(item, "__index__").is_some();
        match self.heap.value(item) {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance { .. }
                if has_index || !self.is_instance_obj(item) =>
            {
                let byte = self.byte_value(item, "byte must be in range(0, 256)")?;
                Ok(Some(hay.contains(&byte)))
            }
            _ => Err(PyException::type_error(format!(
                "a bytes-like object is required, not '{}'",
                self.type_name_of(item)
            ))),
        }
    }

    // ---- items and slices ----------------------------------------------------

    /// `b[i]` and `b[slice]`; `None`: not a bytes-like container.
    pub(super) fn bytes_getitem(&mut self, container: ObjId, index: ObjId) -> Flow<Option<ObjId>> {
        let (length, array) = match self.heap.value(container) {
            Value::Bytes(data) => (data.len(), false),
            Value::ByteArray(a) => (a.data.len(), true),
            _ => return Ok(None),
        };
        if let Value::Slice { .. } = self.heap.value(index) {
            let span = self.span(index, length)?;
            let data = self.bytes_data(container).unwrap_or_default();
            if !array && span.step == 1 && span.len == length {
                return Ok(Some(container));
            }
            let picked: Vec<u8> = span.indexes().map(|i| data[i]).collect();
            self.charge(picked.len() as u64);
            return Ok(Some(self.bytes_result(array, picked, span.step == 1)));
        }
        let position = match self.index_arg(index) {
            Ok(v) => v,
            Err(error) if error.kind == "OverflowError" => {
                return Err(PyException::new(
                    "IndexError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            Err(error) if error.kind == "TypeError" && !Vm::is_pending(&error) => {
                return Err(PyException::type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    if array { "bytearray" } else { "byte" },
                    self.type_name_of(index)
                )));
            }
            Err(error) => return Err(error),
        };
        let i = if position < 0 {
            position + length as i64
        } else {
            position
        };
        let byte = match self.heap.value(container) {
            Value::Bytes(data) if (0..length as i64).contains(&i) => data[i as usize],
            Value::ByteArray(a) if (0..length as i64).contains(&i) => a.data[i as usize],
            _ => {
                return Err(PyException::new(
                    "IndexError",
                    if array {
                        "bytearray index out of range"
                    } else {
                        "index out of range"
                    },
                ));
            }
        };
        Ok(Some(self.int_object(byte as i64)))
    }

    /// `ba[i] = v`, `ba[slice] = bytes`, and bytes' refusals; `None`: not ours.
    pub(super) fn bytes_setitem(
        &mut self,
        container: ObjId,
        index: ObjId,
        value: Option<ObjId>,
    ) -> Option<Flow> {
        match self.heap.value(container) {
            Value::Bytes(_) => Some(Err(PyException::type_error(if value.is_some() {
                "'bytes' object does not support item assignment"
            } else {
                "'bytes' object doesn't support item deletion"
            }))),
            Value::ByteArray(_) => {
                let before = self.allocated(container);
                let done = self.bytearray_assign(container, index, value);
                self.settle(container, before);
                Some(done)
            }
            _ => None,
        }
    }

    /// `bytearray_ass_subscript`: `value` None deletes.
    fn bytearray_assign(&mut self, array: ObjId, index: ObjId, value: Option<ObjId>) -> Flow {
        let length = match self.heap.value(array) {
            Value::ByteArray(a) => a.data.len(),
            _ => 0,
        };
        let (start, stop, step, slicelen) = if let Value::Slice { .. } = self.heap.value(index) {
            let span = self.span(index, length)?;
            let (start, stop) = self.slice_start_stop(index, length, span.step)?;
            (start, stop, span.step, span.len)
        } else {
            let position = match self.index_arg(index) {
                Ok(v) => v,
                Err(error) if error.kind == "OverflowError" => {
                    return Err(PyException::new(
                        "IndexError",
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
                Err(error) if error.kind == "TypeError" && !Vm::is_pending(&error) => {
                    return Err(PyException::type_error(format!(
                        "bytearray indices must be integers or slices, not {}",
                        self.type_name_of(index)
                    )));
                }
                Err(error) => return Err(error),
            };
            let byte = match value {
                Some(value) => Some(self.byte_value(value, "byte must be in range(0, 256)")?),
                None => None,
            };
            let i = if position < 0 {
                position + length as i64
            } else {
                position
            };
            if !(0..length as i64).contains(&i) {
                return Err(PyException::new(
                    "IndexError",
                    "bytearray index out of range",
                ));
            }
            let i = i as usize;
            if let Value::ByteArray(a) = self.heap.value_mut(array) {
                match byte {
                    Some(byte) => a.data[i] = byte,
                    None => a.set_linear(i, i + 1, &[]),
                }
            }
            return Ok(());
        };
        let bytes: Vec<u8> = match value {
            None => Vec::new(),
            Some(value) => match self.heap.value(value) {
                Value::ByteArray(a) => a.data.clone(),
                Value::Bytes(data) => data.to_vec(),
                Value::Int(_)
                | Value::Bool(_)
                | Value::BigInt(_)
                | Value::Float(_)
                | Value::Complex(..)
                | Value::Str(_) => {
                    return Err(PyException::type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                _ => {
                    let converted = self.bytes_new(TypeKind::ByteArray, &[value], &[])?;
                    let data = self.bytes_data(converted).unwrap_or_default();
                    self.heap.discard(converted);
                    data
                }
            },
        };
        let Value::ByteArray(a) = self.heap.value_mut(array) else {
            return Ok(());
        };
        if step == 1 {
            let lo = start.clamp(0, length as i64) as usize;
            let hi = (stop.clamp(0, length as i64) as usize).max(lo);
            a.set_linear(lo, hi, &bytes);
            return Ok(());
        }
        let positions: Vec<usize> = (0..slicelen as i64)
            .map(|k| (start + k * step) as usize)
            .collect();
        // Assigning nothing to an extended slice deletes it, as `del` does.
        if bytes.is_empty() {
            if slicelen == 0 {
                return Ok(());
            }
            let mut kept = Vec::with_capacity(length - slicelen);
            for (i, &byte) in a.data.iter().enumerate() {
                if !positions.contains(&i) {
                    kept.push(byte);
                }
            }
            a.resize(kept.len());
            a.data = kept;
            return Ok(());
        }
        if bytes.len() != slicelen {
            return Err(PyException::new(
                "ValueError",
                format!(
                    "attempt to assign bytes of size {} to extended slice of size {slicelen}",
                    bytes.len()
                ),
            ));
        }
        for (&i, &byte) in positions.iter().zip(&bytes) {
            a.data[i] = byte;
        }
        Ok(())
    }

    /// A slice's adjusted start and stop (`PySlice_AdjustIndices`), with
    /// CPython's rule that `b[5:2] = ...` inserts before 5.
    fn slice_start_stop(&self, slice: ObjId, length: usize, step: i64) -> Flow<(i64, i64)> {
        let Value::Slice { start, stop, .. } = *self.heap.value(slice) else {
            return Ok((0, 0));
        };
        let len = length as i64;
        let bound = |vm: &Vm, obj: ObjId, default: i64| -> Flow<i64> {
            if obj == vm.singletons.none {
                return Ok(default);
            }
            let v = vm.plain_index(obj).unwrap_or(match vm.heap.value(obj) {
                Value::BigInt(big) if num_traits::Signed::is_negative(big.as_ref()) => i64::MIN,
                _ => i64::MAX,
            });
            Ok(if v < 0 {
                (v + len).max(if step < 0 { -1 } else { 0 })
            } else {
                v.min(if step < 0 { len - 1 } else { len })
            })
        };
        let (default_start, default_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let start = bound(self, start, default_start)?;
        let mut stop = bound(self, stop, default_stop)?;
        if (step < 0 && start < stop) || (step > 0 && start > stop) {
            stop = start;
        }
        Ok((start, stop))
    }

    /// The next item of a bytes or bytearray iterator at `position`
    /// (a bytearray's length is read each time: mutation shows).
    pub(super) fn bytes_iter_item(&mut self, sequence: ObjId, position: usize) -> Option<ObjId> {
        let byte = match self.heap.value(sequence) {
            Value::Bytes(data) => data.get(position).copied(),
            Value::ByteArray(a) => a.data.get(position).copied(),
            _ => None,
        }?;
        Some(self.int_object(byte as i64))
    }

    // ---- methods -------------------------------------------------------------

    /// `owner.method(*args, **keywords)` for a bytes, bytearray (or, for
    /// `encode`, str) owner.
    pub(super) fn call_bytes_method(
        &mut self,
        method: BytesMethod,
        owner: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let before = self.allocated(owner);
        let result = self.bytes_method(method, owner, args, keywords);
        self.settle(owner, before);
        result
    }

    fn bytes_method(
        &mut self,
        method: BytesMethod,
        owner: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        use BytesMethod as M;
        let owner_kind = self.heap.value(owner).type_kind();
        if !method.on(owner_kind) {
            return Err(PyException::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                method.name(),
                method.owner_name(),
                self.type_name_of(owner)
            )));
        }
        let name = method.name();
        let type_name = owner_kind.name();
        let mut args: Vec<ObjId> = args.to_vec();
        // The methods Argument Clinic lets take their parameters by name.
        let parameters: &[&str] = match method {
            M::Decode | M::Encode => &["encoding", "errors"],
            M::Split | M::Rsplit => &["sep", "maxsplit"],
            M::Hex => &["sep", "bytes_per_sep"],
            _ => &[],
        };
        if !keywords.is_empty() {
            if parameters.is_empty() {
                return Err(PyException::type_error(format!(
                    "{type_name}.{name}() takes no keyword arguments"
                )));
            }
            args = self.clinic_positional(name, &args, keywords, parameters)?;
        }
        let n = args.len();
        let none = self.singletons.none;
        let arg = |i: usize| args.get(i).copied().filter(|&a| a != none);
        let no_args = || -> Flow {
            if n == 0 {
                Ok(())
            } else {
                Err(PyException::type_error(format!(
                    "{type_name}.{name}() takes no arguments ({n} given)"
                )))
            }
        };
        let one_arg = || -> Flow {
            if n == 1 {
                Ok(())
            } else {
                Err(PyException::type_error(format!(
                    "{type_name}.{name}() takes exactly one argument ({n} given)"
                )))
            }
        };
        let at_most = |max: usize| -> Flow {
            if n <= max {
                Ok(())
            } else {
                Err(PyException::type_error(format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    if max == 1 { "" } else { "s" }
                )))
            }
        };
        let between = |min: usize, max: usize| -> Flow {
            if n < min {
                Err(PyException::type_error(format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )))
            } else if n > max {
                Err(PyException::type_error(format!(
                    "{name} expected at most {max} arguments, got {n}"
                )))
            } else {
                Ok(())
            }
        };
        if method == M::Encode {
            at_most(2)?;
            let text = match self.heap.value(owner) {
                Value::Str(text) => text.clone(),
                _ => return Err(PyException::new("SystemError", "encode of a non-str")),
            };
            let encoding = match arg(0) {
                Some(obj) => self.str_text(obj, "encode() argument 'encoding'")?,
                None => "utf-8".to_owned(),
            };
            let errors = match arg(1) {
                Some(obj) => Some(self.str_text(obj, "encode() argument 'errors'")?),
                None => None,
            };
            let data = encode(&text, lookup_codec(&encoding)?, errors.as_deref())?;
            self.charge(data.len() as u64);
            return Ok(self.bytes_object(&data));
        }
        let array = owner_kind == TypeKind::ByteArray;
        let data = self.bytes_data(owner).unwrap_or_default();
        self.charge(data.len() as u64);
        // A bytes method that changes nothing gives the bytes itself.
        let same_or = |vm: &mut Vm, result: Vec<u8>, cached: bool| -> ObjId {
            if !array && result == data {
                owner
            } else {
                vm.bytes_result(array, result, cached)
            }
        };
        match method {
            M::Decode => {
                at_most(2)?;
                let encoding = match arg(0) {
                    Some(obj) => self.str_text(obj, "decode() argument 'encoding'")?,
                    None => "utf-8".to_owned(),
                };
                let errors = match arg(1) {
                    Some(obj) => Some(self.str_text(obj, "decode() argument 'errors'")?),
                    None => None,
                };
                let text = decode(&data, lookup_codec(&encoding)?, errors.as_deref())?;
                Ok(self.str_object(&text))
            }
            M::Hex => {
                at_most(2)?;
                let sep = match arg(0) {
                    None => None,
                    Some(obj) => {
                        let text = match self.heap.value(obj) {
                            Value::Str(text) => text.to_string(),
                            Value::Bytes(b) => b.iter().map(|&c| char::from(c)).collect(),
                            _ => {
                                return Err(PyException::type_error(format!(
                                    "sep must be str or bytes, not {}",
                                    self.type_name_of(obj)
                                )));
                            }
                        };
                        let mut chars = text.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) if c.is_ascii() => Some(c),
                            (Some(_), None) => {
                                return Err(PyException::new("ValueError", "sep must be ASCII."));
                            }
                            _ => {
                                return Err(PyException::new(
                                    "ValueError",
                                    "sep must be length 1.",
                                ));
                            }
                        }
                    }
                };
                let per = match arg(1) {
                    Some(obj) => self.index_arg(obj)?,
                    None => 1,
                };
                self.heap.check_room(data.len() as u64 * 6)?;
                let text = algo::hex(&data, sep, per);
                Ok(self.str_object(&text))
            }
            M::Fromhex => self.bytes_fromhex(owner_kind, &args),
            M::Count | M::Find | M::Rfind | M::Index | M::Rindex => {
                between(1, 3)?;
                let needle = self.sub_arg(args[0])?;
                let start = self.opt_slice_index(arg(1))?;
                let end = self.opt_slice_index(arg(2))?;
                let (lo, hi) = adjust(start, end, data.len());
                let hay = if lo <= hi { &data[lo..hi] } else { &data[0..0] };
                if method == M::Count {
                    let count = if lo > hi {
                        0
                    } else {
                        algo::count(hay, &needle)
                    };
                    return Ok(self.int_object(count as i64));
                }
                let found = if lo > hi || (lo > data.len()) {
                    None
                } else if matches!(method, M::Find | M::Index) {
                    algo::find(hay, &needle)
                } else {
                    algo::rfind(hay, &needle)
                };
                match found {
                    Some(i) => Ok(self.int_object((i + lo) as i64)),
                    None if matches!(method, M::Index | M::Rindex) => {
                        Err(PyException::new("ValueError", "subsection not found"))
                    }
                    None => Ok(self.int_object(-1)),
                }
            }
            M::Startswith | M::Endswith => {
                between(1, 3)?;
                let prefixes: Vec<Vec<u8>> = match self.heap.value(args[0]) {
                    Value::Tuple(items) => {
                        let items = items.to_vec();
                        let mut all = Vec::with_capacity(items.len());
                        for item in items {
                            all.push(self.bytes_data(item).ok_or_else(|| {
                                PyException::type_error(format!(
                                    "a bytes-like object is required, not '{}'",
                                    self.type_name_of(item)
                                ))
                            })?);
                        }
                        all
                    }
                    _ => vec![self.bytes_data(args[0]).ok_or_else(|| {
                        PyException::type_error(format!(
                            "{name} first arg must be bytes or a tuple of bytes, not {}",
                            self.type_name_of(args[0])
                        ))
                    })?],
                };
                let start = self.opt_slice_index(arg(1))?;
                let end = self.opt_slice_index(arg(2))?;
                let (lo, hi) = adjust(start, end, data.len());
                let result = prefixes.iter().any(|p| {
                    if lo > data.len() || lo > hi || hi - lo < p.len() {
                        return false;
                    }
                    let window = &data[lo..hi];
                    if method == M::Startswith {
                        window.starts_with(p)
                    } else {
                        window.ends_with(p)
                    }
                });
                Ok(self.bool_object(result))
            }
            M::Split | M::Rsplit => {
                at_most(2)?;
                let sep = match arg(0) {
                    Some(obj) => Some(self.buffer_arg(obj)?),
                    None => None,
                };
                let max = match arg(1) {
                    Some(obj) => self.index_arg(obj)?,
                    None => -1,
                };
                let max = if max < 0 { usize::MAX } else { max as usize };
                let parts = match &sep {
                    Some(sep) if sep.is_empty() => {
                        return Err(PyException::new("ValueError", "empty separator"));
                    }
                    Some(sep) if method == M::Split => algo::split(&data, sep, max),
                    Some(sep) => algo::rsplit(&data, sep, max),
                    None => algo::split_whitespace(&data, max, method == M::Rsplit),
                };
                if !array && parts.len() == 1 && parts[0] == data {
                    return Ok(self.list_object(vec![owner], false));
                }
                Ok(self.bytes_list(array, parts))
            }
            M::Partition | M::Rpartition => {
                one_arg()?;
                let sep = self.buffer_arg(args[0])?;
                if sep.is_empty() {
                    return Err(PyException::new("ValueError", "empty separator"));
                }
                let found = if method == M::Partition {
                    algo::find(&data, &sep)
                } else {
                    algo::rfind(&data, &sep)
                };
                let (pieces, whole_at): ([Vec<u8>; 3], Option<usize>) = match found {
                    Some(i) => (
                        [
                            data[..i].to_vec(),
                            sep.clone(),
                            data[i + sep.len()..].to_vec(),
                        ],
                        None,
                    ),
                    None if method == M::Partition => {
                        ([data.clone(), Vec::new(), Vec::new()], Some(0))
                    }
                    None => ([Vec::new(), Vec::new(), data.clone()], Some(2)),
                };
                let mut items = Vec::with_capacity(3);
                for (k, piece) in pieces.into_iter().enumerate() {
                    if !array && whole_at == Some(k) {
                        items.push(owner);
                    } else if !array && found.is_some() && k == 1 {
                        // The separator object itself, as `stringlib_partition` passes it.
                        items.push(args[0]);
                    } else {
                        items.push(self.bytes_result(array, piece, true));
                    }
                }
                let tuple = self.tuple_object(items.clone(), false);
                for item in items {
                    self.heap.discard(item);
                }
                Ok(tuple)
            }
            M::Join => {
                one_arg()?;
                let (items, temp) = self.items_of(args[0])?;
                let total = items.iter().fold(0u64, |sum, &item| {
                    let len = match self.heap.value(item) {
                        Value::Bytes(d) => d.len(),
                        Value::ByteArray(a) => a.data.len(),
                        _ => 0,
                    };
                    sum.saturating_add(len as u64)
                        .saturating_add(data.len() as u64)
                });
                if let Err(error) = self.heap.check_room(total) {
                    if let Some(temp) = temp {
                        self.heap.discard(temp);
                    }
                    return Err(error);
                }
                let mut out = Vec::new();
                let mut failure = None;
                for (i, &item) in items.iter().enumerate() {
                    match self.bytes_data(item) {
                        Some(piece) => {
                            if i > 0 {
                                out.extend_from_slice(&data);
                            }
                            out.extend_from_slice(&piece);
                        }
                        None => {
                            failure = Some(PyException::type_error(format!(
                                "sequence item {i}: expected a bytes-like object, {} found",
                                self.type_name_of(item)
                            )));
                            break;
                        }
                    }
                }
                // One exact bytes item joins to itself (held past the temporary list).
                let single = (!array
                    && failure.is_none()
                    && items.len() == 1
                    && matches!(self.heap.value(items[0]), Value::Bytes(_)))
                .then(|| items[0]);
                let holder = self.raised_referrer();
                if let Some(item) = single {
                    self.heap.incref(item, holder);
                }
                if let Some(temp) = temp {
                    self.heap.discard(temp);
                }
                if let Some(error) = failure {
                    return Err(error);
                }
                if let Some(item) = single {
                    self.heap.decref_keep(item, holder);
                    return Ok(item);
                }
                self.charge(out.len() as u64);
                Ok(self.bytes_result(array, out, false))
            }
            M::Strip | M::Lstrip | M::Rstrip => {
                at_most(1)?;
                let set = match arg(0) {
                    Some(obj) => Some(self.buffer_arg(obj)?),
                    None => None,
                };
                let strip = |b: u8| match &set {
                    Some(set) => set.contains(&b),
                    None => algo::is_space(b),
                };
                let mut lo = 0;
                let mut hi = data.len();
                if method != M::Rstrip {
                    while lo < hi && strip(data[lo]) {
                        lo += 1;
                    }
                }
                if method != M::Lstrip {
                    while hi > lo && strip(data[hi - 1]) {
                        hi -= 1;
                    }
                }
                let result = data[lo..hi].to_vec();
                Ok(same_or(self, result, true))
            }
            M::Replace => {
                between(2, 3)?;
                let old = self.buffer_arg(args[0])?;
                let new = self.buffer_arg(args[1])?;
                let max = match arg(2) {
                    Some(obj) => self.index_arg(obj)?,
                    None => -1,
                };
                let max = if max < 0 { usize::MAX } else { max as usize };
                // The result's size is known first: refuse what cannot fit.
                let times = if old.is_empty() {
                    data.len() as u64 + 1
                } else {
                    algo::count(&data, &old) as u64
                }
                .min(max as u64);
                let grows = (new.len() as u64).saturating_sub(old.len() as u64);
                self.heap
                    .check_room((data.len() as u64).saturating_add(times.saturating_mul(grows)))?;
                // Nothing to replace: the bytes itself (a bytearray copies).
                let untouched = max == 0
                    || (old.is_empty() && new.is_empty())
                    || (!old.is_empty() && algo::find(&data, &old).is_none());
                if untouched && !array {
                    return Ok(owner);
                }
                let result = algo::replace(&data, &old, &new, max);
                Ok(self.bytes_result(array, result, false))
            }
            M::Upper | M::Lower | M::Swapcase | M::Capitalize | M::Title => {
                no_args()?;
                let mut result = data.clone();
                match method {
                    M::Upper => result.make_ascii_uppercase(),
                    M::Lower => result.make_ascii_lowercase(),
                    M::Swapcase => {
                        for b in &mut result {
                            if b.is_ascii_lowercase() {
                                b.make_ascii_uppercase();
                            } else if b.is_ascii_uppercase() {
                                b.make_ascii_lowercase();
                            }
                        }
                    }
                    M::Capitalize => {
                        result.make_ascii_lowercase();
                        if let Some(first) = result.first_mut() {
                            first.make_ascii_uppercase();
                        }
                    }
                    _ => {
                        let mut previous_cased = false;
                        for b in &mut result {
                            if previous_cased {
                                b.make_ascii_lowercase();
                            } else {
                                b.make_ascii_uppercase();
                            }
                            previous_cased = b.is_ascii_alphabetic();
                        }
                    }
                }
                Ok(self.bytes_result(array, result, false))
            }
            M::Isdigit | M::Isalpha | M::Isalnum | M::Isspace | M::Isupper | M::Islower => {
                no_args()?;
                let result = match method {
                    M::Isdigit => !data.is_empty() && data.iter().all(u8::is_ascii_digit),
                    M::Isalpha => !data.is_empty() && data.iter().all(u8::is_ascii_alphabetic),
                    M::Isalnum => !data.is_empty() && data.iter().all(u8::is_ascii_alphanumeric),
                    M::Isspace => !data.is_empty() && data.iter().all(|&b| algo::is_space(b)),
                    M::Isupper => {
                        data.iter().any(u8::is_ascii_uppercase)
                            && !data.iter().any(u8::is_ascii_lowercase)
                    }
                    _ => {
                        data.iter().any(u8::is_ascii_lowercase)
                            && !data.iter().any(u8::is_ascii_uppercase)
                    }
                };
                Ok(self.bool_object(result))
            }
            M::Isascii => {
                no_args()?;
                Ok(self.bool_object(data.is_ascii()))
            }
            M::Removeprefix | M::Removesuffix => {
                one_arg()?;
                let affix = self.buffer_arg(args[0])?;
                let cut = if method == M::Removeprefix {
                    data.strip_prefix(&affix[..])
                } else {
                    data.strip_suffix(&affix[..])
                };
                match cut {
                    Some(rest) if !affix.is_empty() => {
                        let rest = rest.to_vec();
                        Ok(self.bytes_result(array, rest, true))
                    }
                    _ if array => Ok(self.bytes_result(true, data.clone(), false)),
                    _ => Ok(owner),
                }
            }
            M::Center | M::Ljust | M::Rjust => {
                between(1, 2)?;
                let width = self.index_arg(args[0])?;
                let fill = match arg(1) {
                    None => b' ',
                    Some(obj) => match self.bytes_data(obj) {
                        Some(f) if f.len() == 1 => f[0],
                        Some(f) => {
                            return Err(PyException::type_error(format!(
                                "{name}(): argument 2 must be a byte string of length 1, \
                                 not a {} object of length {}",
                                self.type_name_of(obj),
                                f.len()
                            )));
                        }
                        None => {
                            return Err(PyException::type_error(format!(
                                "{name}(): argument 2 must be a byte string of length 1, not {}",
                                self.type_name_of(obj)
                            )));
                        }
                    },
                };
                let len = data.len() as i64;
                if width <= len {
                    if array {
                        return Ok(self.bytes_result(true, data.clone(), false));
                    }
                    return Ok(owner);
                }
                self.heap.check_room(width as u64)?;
                let pad = (width - len) as usize;
                let left = match method {
                    M::Ljust => 0,
                    M::Rjust => pad,
                    // `pad()` in bytes_methods: the odd byte goes left when both are odd.
                    _ => pad / 2 + (pad & width as usize & 1),
                };
                let mut result = vec![fill; left];
                result.extend_from_slice(&data);
                result.resize(width as usize, fill);
                Ok(self.bytes_result(array, result, false))
            }
            M::Append => {
                one_arg()?;
                let byte = self.byte_value(args[0], "byte must be in range(0, 256)")?;
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    a.push(byte);
                }
                Ok(none)
            }
            M::Extend => {
                one_arg()?;
                let more = match self.bytes_data(args[0]) {
                    Some(more) => more,
                    None => {
                        match self.heap.value(args[0]) {
                            Value::Str(_) => {
                                return Err(PyException::type_error(
                                    "expected iterable of integers; got: 'str'",
                                ));
                            }
                            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                                return Err(PyException::type_error(format!(
                                    "can't extend bytearray with {}",
                                    self.type_name_of(args[0])
                                )));
                            }
                            _ => {}
                        }
                        let converted = match self.bytes_new(TypeKind::ByteArray, &[args[0]], &[]) {
                            Ok(converted) => converted,
                            Err(error)
                                if error.kind == "TypeError"
                                    && error.message.starts_with("cannot convert") =>
                            {
                                return Err(PyException::type_error(format!(
                                    "can't extend bytearray with {}",
                                    self.type_name_of(args[0])
                                )));
                            }
                            Err(error) => return Err(error),
                        };
                        let more = self.bytes_data(converted).unwrap_or_default();
                        self.heap.discard(converted);
                        more
                    }
                };
                self.heap.check_room(more.len() as u64)?;
                self.bytearray_splice_end(owner, &more);
                Ok(none)
            }
            M::Pop => {
                at_most(1)?;
                let len = data.len() as i64;
                let index = match args.first() {
                    Some(&obj) => self.index_arg(obj)?,
                    None => -1,
                };
                if len == 0 {
                    return Err(PyException::new("IndexError", "pop from empty bytearray"));
                }
                let i = if index < 0 { index + len } else { index };
                if !(0..len).contains(&i) {
                    return Err(PyException::new("IndexError", "pop index out of range"));
                }
                let i = i as usize;
                let byte = data[i];
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    a.data.remove(i);
                    let n = a.data.len();
                    a.data.push(0);
                    a.resize(n);
                    a.data.pop();
                }
                Ok(self.int_object(byte as i64))
            }
            M::Insert => {
                if n != 2 {
                    return Err(PyException::type_error(format!(
                        "insert expected 2 arguments, got {n}"
                    )));
                }
                let index = self.index_arg(args[0])?;
                let byte = self.byte_value(args[1], "byte must be in range(0, 256)")?;
                let len = data.len() as i64;
                let i = if index < 0 {
                    (index + len).max(0)
                } else {
                    index.min(len)
                } as usize;
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    let n = a.data.len();
                    a.resize(n + 1);
                    a.data.insert(i, byte);
                }
                Ok(none)
            }
            M::Remove => {
                one_arg()?;
                let byte = self.byte_value(args[0], "byte must be in range(0, 256)")?;
                let Some(i) = data.iter().position(|&b| b == byte) else {
                    return Err(PyException::new(
                        "ValueError",
                        "value not found in bytearray",
                    ));
                };
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    a.data.remove(i);
                    let n = a.data.len();
                    a.data.push(0);
                    a.resize(n);
                    a.data.pop();
                }
                Ok(none)
            }
            M::Clear => {
                no_args()?;
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    a.resize(0);
                    a.data.clear();
                }
                Ok(none)
            }
            M::Reverse => {
                no_args()?;
                if let Value::ByteArray(a) = self.heap.value_mut(owner) {
                    a.data.reverse();
                }
                Ok(none)
            }
            M::Copy => {
                no_args()?;
                Ok(self.bytes_result(true, data.clone(), false))
            }
            M::Encode => Err(PyException::new("SystemError", "encode handled above")),
        }
    }

    /// The `sub` argument of find/count/index: bytes-like or an int byte.
    fn sub_arg(&mut self, obj: ObjId) -> Flow<Vec<u8>> {
        if let Some(data) = self.bytes_data(obj) {
            return Ok(data);
        }
        let has_index =
            self.is_instance_obj(obj) && self.special_method(obj, "__index__").is_some();
        match self.heap.value(obj) {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                Ok(vec![self.byte_value(obj, "byte must be in range(0, 256)")?])
            }
            Value::Instance { .. } if has_index => {
                Ok(vec![self.byte_value(obj, "byte must be in range(0, 256)")?])
            }
            other => Err(PyException::type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                other.type_name()
            ))),
        }
    }

    fn opt_slice_index(&self, obj: Option<ObjId>) -> Flow<Option<i64>> {
        match obj {
            None => Ok(None),
            Some(obj) => match Number::of(self.heap.value(obj)) {
                Some(Number::Int(v)) if !matches!(self.heap.value(obj), Value::Float(_)) => {
                    Ok(Some(v))
                }
                // `_PyEval_SliceIndex` clamps a huge index.
                Some(Number::Big(v)) => Ok(Some(if num_traits::Signed::is_negative(&v) {
                    i64::MIN
                } else {
                    i64::MAX
                })),
                _ => Err(PyException::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    }

    /// A list of new bytes (or bytearrays) made from pieces of existing bytes.
    fn bytes_list(&mut self, array: bool, parts: Vec<Vec<u8>>) -> ObjId {
        let items: Vec<ObjId> = parts
            .into_iter()
            .map(|p| self.bytes_result(array, p, true))
            .collect();
        let list = self.list_object(items.clone(), false);
        for item in items {
            self.heap.discard(item);
        }
        list
    }
}

/// Byte positions `[start:end]` as `ADJUST_INDICES` clamps them (start may
/// exceed the length: then nothing is found).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(0),
            Some(v) => v.min(len),
        }
    };
    let start = match start {
        Some(v) if v > len => v,
        other => fix(other, 0),
    };
    (
        usize::try_from(start).unwrap_or(usize::MAX),
        fix(end, len) as usize,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codecs_follow_cpython() {
        assert_eq!(
            decode(b"\xff", Codec::Utf8, None).map_err(|e| e.message),
            Err("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into())
        );
        assert_eq!(
            decode(b"a\xe2\x82", Codec::Utf8, None).map_err(|e| e.message),
            Err("'utf-8' codec can't decode bytes in position 1-2: unexpected end of data".into())
        );
        assert_eq!(
            decode(b"a\xffb", Codec::Utf8, Some("replace")).ok(),
            Some("a\u{fffd}b".into())
        );
        assert_eq!(
            encode("a\u{e9}\u{20ac}", Codec::Latin1, None).map_err(|e| e.message),
            Err(
                "'latin-1' codec can't encode character '\\u20ac' in position 2: \
                 ordinal not in range(256)"
                    .into()
            )
        );
        assert_eq!(
            encode("\u{e9}\u{e9}x", Codec::Ascii, None).map_err(|e| e.message),
            Err("'ascii' codec can't encode characters in position 0-1: \
                 ordinal not in range(128)"
                .into())
        );
        assert!(matches!(lookup_codec("UTF_8"), Ok(Codec::Utf8)));
        assert_eq!(
            lookup_codec("foo").map_err(|e| e.message).err(),
            Some("unknown encoding: foo".into())
        );
    }
}
