//! CPython's "Did you mean" suggestions for an uncaught `NameError` or
//! `AttributeError` (`traceback._compute_suggestion_error` and
//! `Python/suggestions.c`): the closest candidate by a Levenshtein distance
//! where a case change costs 1 and any other edit 2, within a third of the
//! characters involved.

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of `Python/suggestions.c`; past `max_cost` it
/// answers `max_cost + 1`.
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &b_char) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &a_char) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(b_char, a_char);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `wrong`, as CPython picks it (the first of the
/// best wins), or none when nothing is close enough.
pub fn closest<'a>(candidates: impl IntoIterator<Item = &'a str>, wrong: &str) -> Option<String> {
    closest_within(candidates, wrong, wrong.chars().count())
}

/// [`closest`] where no candidate is closer than `best_distance` yet
/// (traceback.py starts from the name's length, `suggestions.c` from
/// `PY_SSIZE_T_MAX`).
fn closest_within<'a>(
    candidates: impl IntoIterator<Item = &'a str>,
    wrong: &str,
    mut best_distance: usize,
) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let wrong_len = wrong.chars().count();
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong_len > MAX_STRING_SIZE {
        return None;
    }
    let mut suggestion: Option<&str> = None;
    for possible in candidates {
        if possible == wrong {
            continue;
        }
        let max_distance = (possible.chars().count() + wrong_len + 3) * MOVE_COST / 6;
        let max_distance = max_distance.min(best_distance.saturating_sub(1));
        let current = distance(wrong, possible, max_distance);
        if current > max_distance {
            continue;
        }
        if suggestion.is_none() || current < best_distance {
            suggestion = Some(possible);
            best_distance = current;
        }
    }
    suggestion.map(str::to_owned)
}

/// The end of an "unexpected keyword argument" message: CPython 3.14's
/// `. Did you mean 'x'?` when one of `parameters` is close to `wrong`
/// (`_Py_CalculateSuggestions`, so `ky` finds `key`).
pub fn keyword_hint<'a>(parameters: impl IntoIterator<Item = &'a str>, wrong: &str) -> String {
    closest_within(parameters, wrong, usize::MAX)
        .map(|close| format!(". Did you mean '{close}'?"))
        .unwrap_or_default()
}

/// `sys.stdlib_module_names` of CPython 3.14: a `NameError` for one of them
/// adds "Did you forget to import 'math'?".
pub fn is_stdlib_module(name: &str) -> bool {
    STDLIB_MODULE_NAMES.binary_search(&name).is_ok()
}

/// The names of CPython 3.14's `builtins` module in its dict's order: a
/// `NameError` looks through them last (after the locals and the globals),
/// whether or not bytestep runs them.
pub const BUILTIN_NAMES: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "_IncompleteInputError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "PythonFinalizationError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_android_support",
    "_apple_support",
    "_ast",
    "_ast_unparse",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_colorize",
    "_compat_pickle",
    "_contextvars",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_hmac",
    "_imp",
    "_interpchannels",
    "_interpqueues",
    "_interpreters",
    "_io",
    "_ios_support",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_opcode_metadata",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_py_warnings",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_pyrepl",
    "_queue",
    "_random",
    "_remote_debugging",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_suggestions",
    "_symtable",
    "_sysconfig",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_types",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_wmi",
    "_zoneinfo",
    "_zstd",
    "abc",
    "annotationlib",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "compression",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

use super::Vm;
use super::exceptions::{Missing, PyException};
use super::heap::{ObjId, Value};

/// `object.__dict__` of CPython 3.14: every instance's `dir()` has them.
fn object_attributes() -> impl Iterator<Item = String> {
    crate::vm::types::attrs::dir(crate::vm::types::TypeKind::Object)
        .into_iter()
        .map(str::to_owned)
}

impl Vm {
    /// `AttributeError` for `owner.name`, carrying what `dir(owner)` lists so
    /// an uncaught one can say "Did you mean".
    #[cold]
    #[inline(never)]
    pub(super) fn attribute_error(
        &self,
        owner: ObjId,
        name: &str,
        message: String,
    ) -> Box<PyException> {
        let mut attributes = self.attribute_names_of(owner);
        // Private names are hidden unless asked for, or unless a method of
        // the object itself asks (`self._x`).
        let in_own_method = self.frames.last().is_some_and(|frame| {
            frame
                .code
                .localsplus
                .iter()
                .zip(&frame.locals)
                .any(|(&local, slot)| {
                    self.heap.symbols.text(local) == "self" && slot.obj == Some(owner)
                })
        });
        if !name.starts_with('_') && !in_own_method {
            attributes.retain(|a| !a.starts_with('_'));
        }
        PyException::attribute_error(message, name, attributes)
    }

    /// The attribute names `dir(owner)` would list, sorted.
    pub(super) fn attribute_names_of(&self, owner: ObjId) -> Vec<String> {
        let mut dicts = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let class_like = match self.heap.value(owner) {
            Value::Instance { class, dict, .. } => {
                dicts.extend(*dict);
                Some(*class)
            }
            Value::Class(_) => Some(owner),
            _ => None,
        };
        if let Some(class) = class_like {
            dicts.extend(self.mro_dicts(class));
            // What `type()` adds to every class's dict, and `object`'s own.
            let (has_dict, has_weakref) = match self.heap.value(class) {
                Value::Class(c) => (c.has_dict, c.has_weakref),
                _ => (true, true),
            };
            if has_dict {
                names.push("__dict__".to_owned());
            }
            if has_weakref {
                names.push("__weakref__".to_owned());
            }
            names.push("__doc__".to_owned());
            names.extend(object_attributes());
        }
        if let Value::Object = self.heap.value(owner) {
            names.push("__doc__".to_owned());
            names.extend(object_attributes());
        }
        if class_like.is_none() {
            // A built-in object or type: what CPython's type has.
            let kind = match self.heap.value(owner) {
                Value::Type(of) => Some(*of),
                Value::Module(_) | Value::Object => None,
                other => Some(other.type_kind()),
            };
            if let Some(kind) = kind.filter(|&k| crate::vm::types::attrs::known(k)) {
                names.extend(
                    crate::vm::types::attrs::dir(kind)
                        .into_iter()
                        .map(str::to_owned),
                );
            }
        }
        if let Value::Module(module) = self.heap.value(owner) {
            names.extend(
                module
                    .namespace
                    .entries()
                    .map(|(name, _)| self.heap.symbols.text(name).to_owned()),
            );
        }
        for dict in dicts {
            if let Value::Dict(d) = self.heap.value(dict) {
                names.extend(
                    d.entries()
                        .filter_map(|entry| match self.heap.value(entry.key) {
                            Value::Str(text) => Some(text.to_string()),
                            _ => None,
                        }),
                );
            }
        }
        if class_like.is_some() {
            // `type()` takes `__qualname__` out of the class namespace.
            names.retain(|name| name != "__qualname__");
        }
        names.sort();
        names.dedup();
        names
    }

    fn mro_dicts(&self, class: ObjId) -> Vec<ObjId> {
        match self.heap.value(class) {
            Value::Class(c) => c
                .mro
                .iter()
                .filter_map(|&k| match self.heap.value(k) {
                    Value::Class(k) => Some(k.dict),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// What CPython adds to the last line of an uncaught `NameError` or
    /// `AttributeError`: ". Did you mean: 'total'?", and for a `NameError`
    /// naming a standard module, "Did you forget to import 'math'?".
    /// The innermost frame must still be the one that raised.
    pub(super) fn missing_name_hint(&self, missing: &Missing) -> String {
        let suggestion = match &missing.attributes {
            Some(attributes) => closest(attributes.iter().map(String::as_str), &missing.name),
            None => self.name_error_suggestion(&missing.name),
        };
        let mut hint = String::new();
        if let Some(suggestion) = &suggestion {
            hint.push_str(&format!(". Did you mean: '{suggestion}'?"));
        }
        if missing.attributes.is_none() && is_stdlib_module(&missing.name) {
            if suggestion.is_some() {
                hint.push_str(&format!(" Or did you forget to import '{}'?", missing.name));
            } else {
                hint.push_str(&format!(". Did you forget to import '{}'?", missing.name));
            }
        }
        hint
    }

    /// The frame's locals, then the globals, then the builtins; or
    /// `self.name` when the method's instance has that attribute.
    fn name_error_suggestion(&self, wrong: &str) -> Option<String> {
        let globals: Vec<String> = self.globals().into_iter().map(|(name, _)| name).collect();
        let mut locals: Vec<String> = Vec::new();
        let mut self_object = None;
        if let Some(frame) = self.frames.last() {
            if frame.function.is_none() && frame.locals_dict.is_none() {
                locals.extend(globals.iter().cloned());
            }
            if let Some(dict) = frame.locals_dict
                && let Value::Dict(d) = self.heap.value(dict)
            {
                locals.extend(
                    d.entries()
                        .filter_map(|entry| match self.heap.value(entry.key) {
                            Value::Str(text) => Some(text.to_string()),
                            _ => None,
                        }),
                );
            }
            for (&local, slot) in frame.code.localsplus.iter().zip(&frame.locals) {
                if let Some(object) = slot.obj {
                    let local = self.heap.symbols.text(local);
                    if local == "self" {
                        self_object = Some(object);
                    }
                    locals.push(local.to_owned());
                }
            }
        }
        if let Some(object) = self_object
            && self.attribute_names_of(object).iter().any(|a| a == wrong)
        {
            return Some(format!("self.{wrong}"));
        }
        let candidates = locals
            .iter()
            .chain(&globals)
            .map(String::as_str)
            .chain(BUILTIN_NAMES.iter().copied());
        closest(candidates, wrong)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_as_cpython_does() {
        assert_eq!(
            closest(["total", "value"], "totl").as_deref(),
            Some("total")
        );
        assert_eq!(
            closest(["deposit", "balance"], "deposite").as_deref(),
            Some("deposit")
        );
        assert_eq!(closest(["x", "y"], "z"), None);
        // A case change is cheaper than a substitution.
        assert_eq!(closest(["Abc", "abd"], "abc").as_deref(), Some("Abc"));
        assert_eq!(closest(["print"], "print"), None);
    }

    #[test]
    fn stdlib_names_are_sorted_for_the_search() {
        assert!(STDLIB_MODULE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stdlib_module("math") && is_stdlib_module("collections"));
        assert!(!is_stdlib_module("numpy"));
    }
}
