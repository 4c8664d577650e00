//! The common methods of `str` and printf-style `%` formatting, with
//! CPython's results, error messages and identities (a method that changes
//! nothing returns the string itself, as `unicode_result_unchanged` does).

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};

/// The methods of str bytestep provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StrMethod {
    Split,
    Rsplit,
    Join,
    Strip,
    Lstrip,
    Rstrip,
    Replace,
    Find,
    Rfind,
    Index,
    Rindex,
    Count,
    Startswith,
    Endswith,
    Upper,
    Lower,
    Title,
    Capitalize,
    Swapcase,
    Isdigit,
    Isalpha,
    Isalnum,
    Isspace,
    Isupper,
    Islower,
    Isdecimal,
    Isnumeric,
    Center,
    Ljust,
    Rjust,
    Zfill,
    Partition,
    Rpartition,
    Splitlines,
    Format,
    FormatMap,
    Translate,
    Removeprefix,
    Removesuffix,
    Istitle,
    Isascii,
    Isidentifier,
    Isprintable,
    Casefold,
    Expandtabs,
}

impl StrMethod {
    const ALL: [StrMethod; 45] = [
        StrMethod::Removeprefix,
        StrMethod::Removesuffix,
        StrMethod::Istitle,
        StrMethod::Isascii,
        StrMethod::Isidentifier,
        StrMethod::Isprintable,
        StrMethod::Casefold,
        StrMethod::Expandtabs,
        StrMethod::Split,
        StrMethod::Rsplit,
        StrMethod::Join,
        StrMethod::Strip,
        StrMethod::Lstrip,
        StrMethod::Rstrip,
        StrMethod::Replace,
        StrMethod::Find,
        StrMethod::Rfind,
        StrMethod::Index,
        StrMethod::Rindex,
        StrMethod::Count,
        StrMethod::Startswith,
        StrMethod::Endswith,
        StrMethod::Upper,
        StrMethod::Lower,
        StrMethod::Title,
        StrMethod::Capitalize,
        StrMethod::Swapcase,
        StrMethod::Isdigit,
        StrMethod::Isalpha,
        StrMethod::Isalnum,
        StrMethod::Isspace,
        StrMethod::Isupper,
        StrMethod::Islower,
        StrMethod::Isdecimal,
        StrMethod::Isnumeric,
        StrMethod::Center,
        StrMethod::Ljust,
        StrMethod::Rjust,
        StrMethod::Zfill,
        StrMethod::Partition,
        StrMethod::Rpartition,
        StrMethod::Splitlines,
        StrMethod::Format,
        StrMethod::FormatMap,
        StrMethod::Translate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StrMethod::Split => "split",
            StrMethod::Rsplit => "rsplit",
            StrMethod::Join => "join",
            StrMethod::Strip => "strip",
            StrMethod::Lstrip => "lstrip",
            StrMethod::Rstrip => "rstrip",
            StrMethod::Replace => "replace",
            StrMethod::Find => "find",
            StrMethod::Rfind => "rfind",
            StrMethod::Index => "index",
            StrMethod::Rindex => "rindex",
            StrMethod::Count => "count",
            StrMethod::Startswith => "startswith",
            StrMethod::Endswith => "endswith",
            StrMethod::Upper => "upper",
            StrMethod::Lower => "lower",
            StrMethod::Title => "title",
            StrMethod::Capitalize => "capitalize",
            StrMethod::Swapcase => "swapcase",
            StrMethod::Isdigit => "isdigit",
            StrMethod::Isalpha => "isalpha",
            StrMethod::Isalnum => "isalnum",
            StrMethod::Isspace => "isspace",
            StrMethod::Isupper => "isupper",
            StrMethod::Removeprefix => "removeprefix",
            StrMethod::Removesuffix => "removesuffix",
            StrMethod::Istitle => "istitle",
            StrMethod::Isascii => "isascii",
            StrMethod::Isidentifier => "isidentifier",
            StrMethod::Isprintable => "isprintable",
            StrMethod::Casefold => "casefold",
            StrMethod::Expandtabs => "expandtabs",
            StrMethod::Islower => "islower",
            StrMethod::Isdecimal => "isdecimal",
            StrMethod::Isnumeric => "isnumeric",
            StrMethod::Center => "center",
            StrMethod::Ljust => "ljust",
            StrMethod::Rjust => "rjust",
            StrMethod::Zfill => "zfill",
            StrMethod::Partition => "partition",
            StrMethod::Rpartition => "rpartition",
            StrMethod::Splitlines => "splitlines",
            StrMethod::Format => "format",
            StrMethod::FormatMap => "format_map",
            StrMethod::Translate => "translate",
        }
    }

    pub fn find(name: &str) -> Option<StrMethod> {
        StrMethod::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Python's whitespace (`str.isspace`, `Py_UNICODE_ISSPACE`), as `split()`
/// and `strip()` use it: a space separator or a bidi whitespace, paragraph
/// or segment separator.
pub(super) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\u{1c}'..='\u{1f}');
    }
    rustpython_unicode::classify::is_space(c)
}

/// Titlecase letters (`ǅ`, category `Lt`) count as uppercase for `istitle`.
fn is_titlecase(c: char) -> bool {
    rustpython_unicode::case::is_titlecase(c)
}

/// `XID_Start`.
fn unicode_ident_start(c: char) -> bool {
    rustpython_unicode::identifier::is_xid_start(c)
}

/// `XID_Continue`.
fn unicode_ident_continue(c: char) -> bool {
    rustpython_unicode::identifier::is_xid_continue(c)
}

/// `str.isprintable`: no control, format, surrogate, private-use,
/// unassigned or separator code point but the space.
fn is_printable(c: char) -> bool {
    rustpython_unicode::classify::is_printable(c)
}

/// Character positions `[start:end]` of a text of `len` characters, as
/// `ADJUST_INDICES` clamps them.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(0),
            Some(v) => v.min(len),
        }
    };
    (fix(start, 0) as usize, fix(end, len) as usize)
}

impl Vm {
    fn str_arg(&self, obj: ObjId, method: &str, position: usize) -> Flow<String> {
        match self.heap.value(obj) {
            Value::Str(text) => Ok(text.to_string()),
            other => Err(PyException::type_error(if position == 0 {
                format!("must be str, not {}", other.type_name())
            } else {
                format!(
                    "{method}() argument {position} must be str, not {}",
                    other.type_name()
                )
            })),
        }
    }

    /// An optional str argument (None means "not given").
    fn opt_str(&self, obj: Option<ObjId>, method: &str, position: usize) -> Flow<Option<String>> {
        match obj {
            None => Ok(None),
            Some(obj) if obj == self.singletons.none => Ok(None),
            Some(obj) => self.str_arg(obj, method, position).map(Some),
        }
    }

    /// An optional index argument (None means "not given").
    fn opt_index(&self, obj: Option<ObjId>) -> Flow<Option<i64>> {
        match obj {
            None => Ok(None),
            Some(obj) if obj == self.singletons.none => Ok(None),
            Some(obj) => match self.small_index(obj) {
                Some(v) => Ok(Some(v)),
                None => Err(PyException::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    }

    fn str_list(&mut self, parts: Vec<String>) -> ObjId {
        let items: Vec<ObjId> = parts.iter().map(|p| self.str_object(p)).collect();
        let list = self.list_object(items.clone(), false);
        for item in items {
            self.heap.discard(item);
        }
        list
    }

    /// `owner.method(*args)` for a str `owner`.
    pub(super) fn call_str_method(
        &mut self,
        method: StrMethod,
        owner: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let text: std::sync::Arc<str> = match self.heap.value(owner) {
            Value::Str(text) => text.clone(),
            other => {
                return Err(PyException::type_error(format!(
                    "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
                    method.name(),
                    other.type_name()
                )));
            }
        };
        if method == StrMethod::Format {
            return self.str_format(&text, args, keywords);
        }
        if method == StrMethod::FormatMap {
            if !keywords.is_empty() {
                return Err(PyException::type_error(
                    "str.format_map() takes no keyword arguments",
                ));
            }
            let [mapping] = args else {
                return Err(PyException::type_error(format!(
                    "str.format_map() takes exactly one argument ({} given)",
                    args.len()
                )));
            };
            let mut numbering = AutoNumber::default();
            let fields = FormatArgs {
                args: None,
                keywords: &[],
                mapping: Some(*mapping),
            };
            let text = self.build_format_string(&text, fields, 2, &mut numbering)?;
            return Ok(self.str_object(&text));
        }
        let name = method.name();
        if method == StrMethod::Replace {
            // `replace(old, new, /, count=-1)`.
            if args.len() + keywords.len() > 3 {
                return Err(PyException::type_error(format!(
                    "replace() takes at most 3 arguments ({} given)",
                    args.len() + keywords.len()
                )));
            }
            if args.len() < 2 {
                return Err(PyException::type_error(format!(
                    "replace() takes at least 2 positional arguments ({} given)",
                    args.len()
                )));
            }
        }
        // split/rsplit/splitlines/expandtabs take their parameters by
        // name too (Argument Clinic); `replace` only `count`; the rest none.
        let mut args: Vec<ObjId> = args.to_vec();
        let parameters: &[&str] = match method {
            StrMethod::Split | StrMethod::Rsplit => &["sep", "maxsplit"],
            StrMethod::Splitlines => &["keepends"],
            StrMethod::Expandtabs => &["tabsize"],
            _ => &[],
        };
        if !parameters.is_empty() && (!keywords.is_empty() || args.len() > parameters.len()) {
            args = self.clinic_positional(name, &args, keywords, parameters)?;
        } else if method == StrMethod::Replace {
            for &(keyword, value) in keywords {
                if keyword != "count" {
                    let hint = super::suggest::keyword_hint(["count"], keyword);
                    return Err(PyException::type_error(format!(
                        "replace() got an unexpected keyword argument '{keyword}'{hint}"
                    )));
                }
                args.push(value);
            }
        } else if !keywords.is_empty() {
            return Err(PyException::type_error(format!(
                "str.{name}() takes no keyword arguments"
            )));
        }
        let arity = |min: usize, max: usize| -> Flow {
            if args.len() < min || args.len() > max {
                return Err(PyException::type_error(if max == 0 {
                    format!("str.{name}() takes no arguments ({} given)", args.len())
                } else if min == max {
                    format!(
                        "{name}() takes exactly {} argument{} ({} given)",
                        min,
                        if min == 1 { "" } else { "s" },
                        args.len()
                    )
                } else if args.len() < min {
                    format!(
                        "{name} expected at least {min} argument{}, got {}",
                        if min == 1 { "" } else { "s" },
                        args.len()
                    )
                } else {
                    format!(
                        "{name} expected at most {max} argument{}, got {}",
                        if max == 1 { "" } else { "s" },
                        args.len()
                    )
                }));
            }
            Ok(())
        };
        let chars: Vec<char> = text.chars().collect();
        let new_str = |vm: &mut Vm, s: String| -> ObjId {
            if *s == *text {
                owner
            } else {
                vm.str_object(&s)
            }
        };
        self.charge(text.len() as u64);
        match method {
            StrMethod::Upper | StrMethod::Lower | StrMethod::Swapcase => {
                arity(0, 0)?;
                let s: String = match method {
                    StrMethod::Upper => text.to_uppercase(),
                    StrMethod::Lower => text.to_lowercase(),
                    // (CPython's: a final sigma, titlecase letters kept.)
                    _ => rustpython_unicode::case::swapcase_str(&text),
                };
                Ok(self.str_object(&s))
            }
            StrMethod::Title | StrMethod::Capitalize => {
                arity(0, 0)?;
                // CPython's full mappings: titlecase (`ǆ` → `ǅ`, `ﬁ` →
                // `Fi`) after an uncased character, lowercase with a final
                // sigma (`ς`) elsewhere.
                let out = if method == StrMethod::Title {
                    rustpython_unicode::case::title_str(&text)
                } else {
                    rustpython_unicode::case::capitalize_str(&text)
                };
                Ok(self.str_object(&out))
            }
            StrMethod::Isdigit
            | StrMethod::Isdecimal
            | StrMethod::Isnumeric
            | StrMethod::Isalpha
            | StrMethod::Isalnum
            | StrMethod::Isspace => {
                arity(0, 0)?;
                // CPython's classes: a decimal is a `Nd` character, a
                // digit also `²` or `①` (Numeric_Type Digit), a numeric
                // also `½` or `一`; a letter is any `L` category.
                use rustpython_unicode::classify;
                let test = |c: char| match method {
                    StrMethod::Isdecimal => classify::is_decimal(c),
                    StrMethod::Isdigit => classify::is_digit(c),
                    StrMethod::Isnumeric => classify::is_numeric(c),
                    StrMethod::Isalpha => classify::is_alpha(c),
                    StrMethod::Isalnum => classify::is_alpha(c) || classify::is_numeric(c),
                    _ => is_space(c),
                };
                let result = !chars.is_empty() && chars.iter().all(|&c| test(c));
                Ok(self.bool_object(result))
            }
            StrMethod::Removeprefix | StrMethod::Removesuffix => {
                arity(1, 1)?;
                let affix = match self.heap.value(args[0]) {
                    Value::Str(affix) => affix.to_string(),
                    other => {
                        return Err(PyException::type_error(format!(
                            "{name}() argument must be str, not {}",
                            other.type_name()
                        )));
                    }
                };
                let rest = if method == StrMethod::Removeprefix {
                    text.strip_prefix(affix.as_str())
                } else {
                    text.strip_suffix(affix.as_str())
                };
                // Unchanged (or an empty affix): the string itself.
                Ok(match rest {
                    Some(rest) if !affix.is_empty() => self.str_object(rest),
                    _ => owner,
                })
            }
            StrMethod::Istitle => {
                arity(0, 0)?;
                // Uppercase only after uncased, lowercase only after cased.
                let (mut cased, mut previous_cased) = (false, false);
                let mut title = true;
                for &c in &chars {
                    if c.is_uppercase() || is_titlecase(c) {
                        if previous_cased {
                            title = false;
                            break;
                        }
                        previous_cased = true;
                        cased = true;
                    } else if c.is_lowercase() {
                        if !previous_cased {
                            title = false;
                            break;
                        }
                        previous_cased = true;
                        cased = true;
                    } else {
                        previous_cased = false;
                    }
                }
                Ok(self.bool_object(title && cased))
            }
            StrMethod::Isascii => {
                arity(0, 0)?;
                Ok(self.bool_object(text.is_ascii()))
            }
            StrMethod::Isidentifier => {
                arity(0, 0)?;
                let mut it = chars.iter();
                let result = match it.next() {
                    Some(&first) => {
                        (first == '_' || unicode_ident_start(first))
                            && it.all(|&c| c == '_' || unicode_ident_continue(c))
                    }
                    None => false,
                };
                Ok(self.bool_object(result))
            }
            StrMethod::Isprintable => {
                arity(0, 0)?;
                let result = chars.iter().all(|&c| is_printable(c));
                Ok(self.bool_object(result))
            }
            StrMethod::Casefold => {
                arity(0, 0)?;
                // Full case folding (`ﬁ` → `fi`, `ᾳ` → `αι`).
                let folded = rustpython_unicode::case::casefold_str(&text);
                Ok(new_str(self, folded))
            }
            StrMethod::Expandtabs => {
                arity(0, 1)?;
                let tabsize = match args.first() {
                    Some(&size) => self.small_index(size).ok_or_else(|| {
                        PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.heap.value(size).type_name()
                        ))
                    })?,
                    None => 8,
                };
                let mut out = String::new();
                let mut column = 0i64;
                for c in text.chars() {
                    match c {
                        '\t' => {
                            if tabsize > 0 {
                                let spaces = tabsize - column % tabsize;
                                self.heap.check_room(out.len() as u64 + spaces as u64)?;
                                out.extend(std::iter::repeat_n(' ', spaces as usize));
                                column += spaces;
                            }
                        }
                        '\n' | '\r' => {
                            out.push(c);
                            column = 0;
                        }
                        _ => {
                            out.push(c);
                            column += 1;
                        }
                    }
                }
                Ok(new_str(self, out))
            }
            StrMethod::Isupper | StrMethod::Islower => {
                arity(0, 0)?;
                // `unicode_islower_impl`: no character of the other case
                // or titlecase, and one of this case at least.
                let upper = method == StrMethod::Isupper;
                let this = |c: char| {
                    if upper {
                        c.is_uppercase()
                    } else {
                        c.is_lowercase()
                    }
                };
                let other = |c: char| {
                    if upper {
                        c.is_lowercase()
                    } else {
                        c.is_uppercase()
                    }
                };
                let result = !chars.iter().any(|&c| other(c) || is_titlecase(c))
                    && chars.iter().any(|&c| this(c));
                Ok(self.bool_object(result))
            }
            StrMethod::Strip | StrMethod::Lstrip | StrMethod::Rstrip => {
                arity(0, 1)?;
                let set = self.opt_str(args.first().copied(), name, 1)?;
                let strip = |c: char| match &set {
                    Some(set) => set.contains(c),
                    None => is_space(c),
                };
                let s = match method {
                    StrMethod::Strip => text.trim_matches(strip),
                    StrMethod::Lstrip => text.trim_start_matches(strip),
                    _ => text.trim_end_matches(strip),
                };
                let s = s.to_owned();
                Ok(new_str(self, s))
            }
            StrMethod::Split | StrMethod::Rsplit => {
                arity(0, 2)?;
                let sep = self.opt_str(args.first().copied(), name, 1)?;
                let maxsplit = match args.get(1) {
                    None => -1,
                    Some(&m) => self.small_index(m).ok_or_else(|| {
                        PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.heap.value(m).type_name()
                        ))
                    })?,
                };
                let max = if maxsplit < 0 {
                    usize::MAX
                } else {
                    maxsplit as usize
                };
                let parts: Vec<String> = match sep {
                    Some(sep) if sep.is_empty() => {
                        return Err(PyException::new("ValueError", "empty separator"));
                    }
                    Some(sep) if method == StrMethod::Split => text
                        .splitn(max.saturating_add(1), sep.as_str())
                        .map(str::to_owned)
                        .collect(),
                    Some(sep) => {
                        let mut parts: Vec<String> = text
                            .rsplitn(max.saturating_add(1), sep.as_str())
                            .map(str::to_owned)
                            .collect();
                        parts.reverse();
                        parts
                    }
                    None => split_whitespace(&text, max, method == StrMethod::Rsplit),
                };
                if parts.len() == 1 && parts[0] == *text {
                    // A str with nothing to split is itself in the list.
                    let list = self.list_object(vec![owner], false);
                    return Ok(list);
                }
                Ok(self.str_list(parts))
            }
            StrMethod::Splitlines => {
                arity(0, 1)?;
                let keep = match args.first() {
                    Some(&k) if k != self.singletons.none => self.truthy(k)?,
                    _ => false,
                };
                let mut parts = Vec::new();
                let mut current = String::new();
                let mut iter = text.chars().peekable();
                while let Some(c) = iter.next() {
                    let is_break = matches!(
                        c,
                        '\n' | '\r'
                            | '\u{b}'
                            | '\u{c}'
                            | '\u{1c}'
                            | '\u{1d}'
                            | '\u{1e}'
                            | '\u{85}'
                            | '\u{2028}'
                            | '\u{2029}'
                    );
                    if !is_break {
                        current.push(c);
                        continue;
                    }
                    let mut ending = c.to_string();
                    if c == '\r' && iter.peek() == Some(&'\n') {
                        iter.next();
                        ending.push('\n');
                    }
                    if keep {
                        current.push_str(&ending);
                    }
                    parts.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    parts.push(current);
                }
                Ok(self.str_list(parts))
            }
            StrMethod::Join => {
                arity(1, 1)?;
                let (items, temp) = self.items_of(args[0])?;
                // The joined text's length, every item checked first.
                let mut pieces_len = 0u64;
                for (i, &item) in items.iter().enumerate() {
                    match self.heap.value(item) {
                        Value::Str(piece) => pieces_len += piece.len() as u64,
                        other => {
                            let error = PyException::type_error(format!(
                                "sequence item {i}: expected str instance, {} found",
                                other.type_name()
                            ));
                            if let Some(temp) = temp {
                                self.heap.discard(temp);
                            }
                            return Err(error);
                        }
                    }
                }
                let single = (items.len() == 1).then(|| items[0]);
                // Written once, straight from the items' texts (no copies of
                // the pieces, no count changes of their shared texts), while
                // the temporary list still holds them.
                let mut joined = String::new();
                let total = pieces_len + text.len() as u64 * items.len().saturating_sub(1) as u64;
                if single.is_none() {
                    if let Err(error) = self.heap.check_room(2 * total) {
                        if let Some(temp) = temp {
                            self.heap.discard(temp);
                        }
                        return Err(error);
                    }
                    joined.reserve(total as usize);
                    for (i, &item) in items.iter().enumerate() {
                        if i > 0 {
                            joined.push_str(&text);
                        }
                        if let Value::Str(piece) = self.heap.value(item) {
                            joined.push_str(piece);
                        }
                    }
                }
                if let Some(temp) = temp {
                    // The single item outlives the temporary list.
                    if let Some(single) = single {
                        let holder = self.raised_referrer();
                        self.heap.incref(single, holder);
                        self.heap.discard(temp);
                        self.heap.decref_keep(single, holder);
                    } else {
                        self.heap.discard(temp);
                    }
                }
                if let Some(single) = single {
                    return Ok(single);
                }
                self.charge(total);
                Ok(self.str_object(&joined))
            }
            StrMethod::Replace => {
                arity(2, 3)?;
                let old = self.str_arg(args[0], name, 1)?;
                let new = self.str_arg(args[1], name, 2)?;
                let count = match args.get(2) {
                    Some(&c) => self.index_arg(c)?,
                    None => -1,
                };
                let s = if count < 0 {
                    text.replace(old.as_str(), &new)
                } else {
                    text.replacen(old.as_str(), &new, count as usize)
                };
                self.heap.check_room(2 * s.len() as u64)?;
                Ok(new_str(self, s))
            }
            StrMethod::Find
            | StrMethod::Rfind
            | StrMethod::Index
            | StrMethod::Rindex
            | StrMethod::Count => {
                arity(1, 3)?;
                let needle = self.str_arg(args[0], name, 1)?;
                let start = self.opt_index(args.get(1).copied())?;
                let end = self.opt_index(args.get(2).copied())?;
                let (start, end) = adjust(start, end, chars.len());
                let needle: Vec<char> = needle.chars().collect();
                if method == StrMethod::Count {
                    let mut count = 0i64;
                    if start <= end && end - start >= needle.len() {
                        if needle.is_empty() {
                            count = (end - start + 1) as i64;
                        } else {
                            let mut i = start;
                            while i + needle.len() <= end {
                                if chars[i..i + needle.len()] == needle[..] {
                                    count += 1;
                                    i += needle.len();
                                } else {
                                    i += 1;
                                }
                            }
                        }
                    }
                    return Ok(self.int_object(count));
                }
                let mut found = None;
                if start <= end && end - start >= needle.len() {
                    let positions: Vec<usize> = (start..=end - needle.len()).collect();
                    let matches = |&i: &usize| chars[i..i + needle.len()] == needle[..];
                    found = if matches!(method, StrMethod::Find | StrMethod::Index) {
                        positions.iter().copied().find(|i| matches(i))
                    } else {
                        positions.iter().rev().copied().find(|i| matches(i))
                    };
                }
                match found {
                    Some(i) => Ok(self.int_object(i as i64)),
                    None if matches!(method, StrMethod::Find | StrMethod::Rfind) => {
                        Ok(self.int_object(-1))
                    }
                    None => Err(PyException::new("ValueError", "substring not found")),
                }
            }
            StrMethod::Startswith | StrMethod::Endswith => {
                arity(1, 3)?;
                let start = self.opt_index(args.get(1).copied())?;
                let end = self.opt_index(args.get(2).copied())?;
                let (start, end) = adjust(start, end, chars.len());
                let candidates: Vec<ObjId> = match self.heap.value(args[0]) {
                    Value::Tuple(items) => items.to_vec(),
                    Value::Str(_) => vec![args[0]],
                    other => {
                        return Err(PyException::type_error(format!(
                            "{name} first arg must be str or a tuple of str, not {}",
                            other.type_name()
                        )));
                    }
                };
                let window: String = if start <= end {
                    chars[start..end].iter().collect()
                } else {
                    String::new()
                };
                let mut result = false;
                for candidate in candidates {
                    let piece = match self.heap.value(candidate) {
                        Value::Str(piece) => piece.clone(),
                        other => {
                            return Err(PyException::type_error(format!(
                                "tuple for {name} must only contain str, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    if start > chars.len() || start > end && !piece.is_empty() {
                        continue;
                    }
                    let hit = if method == StrMethod::Startswith {
                        window.starts_with(piece.as_ref())
                    } else {
                        window.ends_with(piece.as_ref())
                    };
                    if hit {
                        result = true;
                        break;
                    }
                }
                Ok(self.bool_object(result))
            }
            StrMethod::Center | StrMethod::Ljust | StrMethod::Rjust => {
                arity(1, 2)?;
                let width = self.small_index(args[0]).ok_or_else(|| {
                    PyException::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.heap.value(args[0]).type_name()
                    ))
                })?;
                let fill = match args.get(1) {
                    Some(&f) => {
                        let f = self.str_arg(f, name, 2)?;
                        let mut it = f.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => c,
                            _ => {
                                return Err(PyException::type_error(
                                    "The fill character must be exactly one character long",
                                ));
                            }
                        }
                    }
                    None => ' ',
                };
                let len = chars.len() as i64;
                if width <= len {
                    return Ok(owner);
                }
                let pad = (width - len) as usize;
                self.heap.check_room(4 * width as u64)?;
                let (left, right) = match method {
                    StrMethod::Ljust => (0, pad),
                    StrMethod::Rjust => (pad, 0),
                    _ => {
                        // `pad()` of unicodeobject.c: the odd space goes left
                        // when the width is odd.
                        let left = pad / 2 + (pad & width as usize & 1);
                        (left, pad - left)
                    }
                };
                let s: String = std::iter::repeat_n(fill, left)
                    .chain(text.chars())
                    .chain(std::iter::repeat_n(fill, right))
                    .collect();
                Ok(self.str_object(&s))
            }
            StrMethod::Translate => {
                arity(1, 1)?;
                self.str_translate(&chars, args[0])
            }
            StrMethod::Zfill => {
                arity(1, 1)?;
                let width = self.small_index(args[0]).unwrap_or(0);
                let len = chars.len() as i64;
                if width <= len {
                    return Ok(owner);
                }
                let pad = (width - len) as usize;
                let (sign, rest) = match chars.first() {
                    Some(&c) if c == '+' || c == '-' => (c.to_string(), &text[1..]),
                    _ => (String::new(), &text[..]),
                };
                let s = format!("{sign}{}{rest}", "0".repeat(pad));
                Ok(self.str_object(&s))
            }
            StrMethod::Partition | StrMethod::Rpartition => {
                arity(1, 1)?;
                let sep = self.str_arg(args[0], name, 1)?;
                if sep.is_empty() {
                    return Err(PyException::new("ValueError", "empty separator"));
                }
                let split = if method == StrMethod::Partition {
                    text.split_once(sep.as_str())
                } else {
                    text.rsplit_once(sep.as_str())
                };
                let empty = self.singletons.empty_str;
                let items = match split {
                    Some((a, b)) => {
                        let a = self.str_object(a);
                        let b = self.str_object(b);
                        vec![a, args[0], b]
                    }
                    None if method == StrMethod::Partition => vec![owner, empty, empty],
                    None => vec![empty, empty, owner],
                };
                let tuple = self.tuple_object(items.clone(), false);
                for item in items {
                    self.heap.discard(item);
                }
                Ok(tuple)
            }
            StrMethod::Format | StrMethod::FormatMap => {
                Err(PyException::new("SystemError", "format handled above"))
            }
        }
    }

    /// `template.format(*args, **kwargs)`: CPython's `build_string`
    /// (Objects/stringlib/unicode_format.h): fields `{}`, `{0}`, `{name}`
    /// followed by `.attr` and `[key]` parts, conversions, and format specs
    /// that may hold fields themselves (two levels, as in CPython).
    fn str_format(
        &mut self,
        template: &str,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        let mut numbering = AutoNumber::default();
        let fields = FormatArgs {
            args: Some(args),
            keywords,
            mapping: None,
        };
        let text = self.build_format_string(template, fields, 2, &mut numbering)?;
        Ok(self.str_object(&text))
    }

    fn build_format_string(
        &mut self,
        template: &str,
        fields: FormatArgs<'_>,
        depth: u32,
        numbering: &mut AutoNumber,
    ) -> Flow<String> {
        if depth == 0 {
            return Err(PyException::new(
                "ValueError",
                "Max string recursion exceeded",
            ));
        }
        let chars: Vec<char> = template.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        while at < chars.len() {
            // Literal text up to a `{` or `}` (`MarkupIterator_next`).
            let c = chars[at];
            at += 1;
            match c {
                '{' | '}' if chars.get(at) == Some(&c) => {
                    at += 1;
                    out.push(c);
                    continue;
                }
                '}' => {
                    return Err(PyException::new(
                        "ValueError",
                        "Single '}' encountered in format string",
                    ));
                }
                '{' if at == chars.len() => {
                    return Err(PyException::new(
                        "ValueError",
                        "Single '{' encountered in format string",
                    ));
                }
                '{' => {}
                other => {
                    out.push(other);
                    continue;
                }
            }
            let (name, conversion, spec, needs_expanding) = parse_format_field(&chars, &mut at)?;
            let (value, owned) = self.format_field_object(name, fields, numbering)?;
            let text = self.render_format_field(
                value,
                conversion,
                spec,
                needs_expanding,
                (fields, depth, numbering),
            );
            for object in owned.into_iter().rev() {
                self.heap.discard(object);
            }
            out.push_str(&text?);
        }
        Ok(out)
    }

    /// `get_field_object`: the argument a field names, then its `.attr`
    /// and `[key]` parts in turn. Also returns the objects those parts
    /// made, for the caller to let go of once the field is rendered.
    fn format_field_object(
        &mut self,
        name: &[char],
        fields: FormatArgs<'_>,
        numbering: &mut AutoNumber,
    ) -> Flow<(ObjId, Vec<ObjId>)> {
        let first_end = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let first: String = name[..first_end].iter().collect();
        let index = format_integer(&first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            match (numbering.state, empty) {
                (AutoState::Manual, true) => {
                    return Err(PyException::new(
                        "ValueError",
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                (AutoState::Auto, false) => {
                    return Err(PyException::new(
                        "ValueError",
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                (AutoState::Init, _) => {
                    numbering.state = if empty {
                        AutoState::Auto
                    } else {
                        AutoState::Manual
                    };
                }
                _ => {}
            }
        }
        let mut owned = Vec::new();
        let mut value = if empty || index.is_some() {
            let index = index.unwrap_or_else(|| {
                numbering.next += 1;
                numbering.next - 1
            });
            let Some(args) = fields.args else {
                return Err(PyException::new(
                    "ValueError",
                    "Format string contains positional fields",
                ));
            };
            args.get(index).copied().ok_or_else(|| {
                PyException::new(
                    "IndexError",
                    format!("Replacement index {index} out of range for positional args tuple"),
                )
            })?
        } else if let Some(mapping) = fields.mapping {
            // `format_map`: `mapping[name]` (its `__getitem__`, `__missing__`).
            let key = self.str_object(&first);
            let item = self.subscript(mapping, key);
            self.heap.discard(key);
            let item = item?;
            owned.push(item);
            item
        } else {
            match fields.keywords.iter().find(|(k, _)| *k == first) {
                Some(&(_, value)) => value,
                None => return Err(PyException::new("KeyError", first.to_string())),
            }
        };
        let mut at = first_end;
        while at < name.len() {
            let step = self.format_field_part(value, name, &mut at);
            match step {
                Ok(next) => {
                    owned.push(next);
                    value = next;
                }
                Err(error) => {
                    for object in owned.into_iter().rev() {
                        self.heap.discard(object);
                    }
                    return Err(error);
                }
            }
        }
        Ok((value, owned))
    }

    /// One `.attr` or `[key]` of a field name (`FieldNameIterator_next`),
    /// applied to `value`; `at` moves past it.
    fn format_field_part(&mut self, value: ObjId, name: &[char], at: &mut usize) -> Flow<ObjId> {
        let kind = name[*at];
        *at += 1;
        let start = *at;
        match kind {
            '.' => {
                while *at < name.len() && name[*at] != '.' && name[*at] != '[' {
                    *at += 1;
                }
            }
            '[' => {
                while *at < name.len() && name[*at] != ']' {
                    *at += 1;
                }
                if *at == name.len() {
                    return Err(PyException::new(
                        "ValueError",
                        "Missing ']' in format string",
                    ));
                }
            }
            _ => {
                return Err(PyException::new(
                    "ValueError",
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        let part: String = name[start..*at].iter().collect();
        if kind == '[' {
            *at += 1;
        }
        if part.is_empty() {
            return Err(PyException::new(
                "ValueError",
                "Empty attribute in format string",
            ));
        }
        if kind == '.' {
            return self.get_attribute(value, &part);
        }
        let key = match format_integer(&part)? {
            Some(index) => self.int_object(index as i64),
            None => self.str_object(&part),
        };
        let item = self.subscript(value, key);
        self.heap.discard(key);
        item
    }

    /// A field's conversion, then its spec (expanded first when it holds
    /// fields), then `format()` (`render_field`).
    fn render_format_field(
        &mut self,
        value: ObjId,
        conversion: Option<char>,
        spec: &[char],
        needs_expanding: bool,
        (fields, depth, numbering): (FormatArgs<'_>, u32, &mut AutoNumber),
    ) -> Flow<String> {
        let converted = match conversion {
            None => None,
            Some('s') => Some(self.str_of(value)?),
            Some('r') => Some(self.repr_of(value)?),
            Some('a') => Some(super::format_spec::ascii_escape(&self.repr_of(value)?)),
            Some(other) => {
                let shown = if (' '..='~').contains(&other) && other != ' ' {
                    other.to_string()
                } else {
                    format!("\\x{:x}", other as u32)
                };
                return Err(PyException::new(
                    "ValueError",
                    format!("Unknown conversion specifier {shown}"),
                ));
            }
        };
        let spec: String = if needs_expanding {
            let template: String = spec.iter().collect();
            self.build_format_string(&template, fields, depth - 1, numbering)?
        } else {
            spec.iter().collect()
        };
        match converted {
            Some(converted) if spec.is_empty() => Ok(converted),
            Some(converted) => {
                let temp = self.str_object(&converted);
                let result = self.format_object(temp, &spec);
                self.heap.discard(temp);
                result
            }
            None if self.user_format(value).is_some() => {
                let spec_object = self.str_object(&spec);
                let result = self.instance_format(value, spec_object);
                let text = result.map(|r| self.heap.str(r));
                self.heap.discard(spec_object);
                text
            }
            None if spec.is_empty() || self.is_instance_obj(value) => {
                if !spec.is_empty() {
                    return Err(PyException::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.heap.value(value).type_name()
                    )));
                }
                self.str_of(value)
            }
            None => self.format_object(value, &spec),
        }
    }

    /// A `*` width or precision of `%` formatting: the next argument, an int.
    fn percent_star(&mut self, items: &[ObjId], next: &mut usize) -> Flow<i64> {
        let value = items
            .get(*next)
            .copied()
            .ok_or_else(|| PyException::type_error("not enough arguments for format string"))?;
        *next += 1;
        match self.heap.value(value) {
            Value::Int(v) => Ok(*v),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::BigInt(_) => Err(PyException::new(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )),
            _ => Err(PyException::type_error("* wants int")),
        }
    }

    /// `str.translate(table)` (`_PyUnicode_TranslateCharmap`): each
    /// character's code point looked up in `table` (any mapping: its
    /// `__getitem__` runs); a `LookupError` keeps the character, None
    /// deletes it, an int or a str replaces it.
    fn str_translate(&mut self, chars: &[char], table: ObjId) -> Flow<ObjId> {
        let mut out = String::with_capacity(chars.len());
        for &c in chars {
            let key = self.int_object(c as i64);
            let found = self.subscript(table, key);
            self.heap.discard(key);
            let mapped = match found {
                Ok(mapped) => mapped,
                Err(error) if self.is_error_of(&error, "LookupError") => {
                    self.drop_error(&error);
                    out.push(c);
                    continue;
                }
                Err(error) => return Err(error),
            };
            let outcome = match self.heap.value(mapped) {
                Value::None => Ok(()),
                Value::Str(text) => {
                    out.push_str(text);
                    Ok(())
                }
                Value::Int(code) => match u32::try_from(*code).ok().and_then(char::from_u32) {
                    Some(ch) => {
                        out.push(ch);
                        Ok(())
                    }
                    None if (0..0x110000).contains(code) => {
                        // A lone surrogate: kept as bytestep keeps them in str.
                        Err(self.unsupported("translating to a lone surrogate"))
                    }
                    None => Err(PyException::new(
                        "ValueError",
                        "character mapping must be in range(0x110000)",
                    )),
                },
                Value::Bool(b) => {
                    out.push(if *b { '\u{1}' } else { '\0' });
                    Ok(())
                }
                _ => Err(PyException::type_error(
                    "character mapping must return integer, None or str",
                )),
            };
            self.heap.discard(mapped);
            outcome?;
        }
        // A new str even when nothing changed, as CPython's charmap makes.
        self.charge(out.len() as u64);
        Ok(self.str_object(&out))
    }

    /// `str.maketrans(x[, y[, z]])`: the translation dict `translate` takes.
    pub(super) fn str_maketrans(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        if args.is_empty() || args.len() > 3 {
            return Err(PyException::type_error(
                format!("maketrans expected at least 1 argument, got {}", args.len())
                    .replace("at least 1 argument, got 4", "at most 3 arguments, got 4"),
            ));
        }
        let dict = self
            .heap
            .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
        let holder = self.raised_referrer();
        self.heap.incref(dict, holder);
        let filled = self.fill_maketrans(dict, args);
        self.heap.decref_keep(dict, holder);
        match filled {
            Ok(()) => Ok(dict),
            Err(error) => {
                self.heap.discard(dict);
                Err(error)
            }
        }
    }

    fn fill_maketrans(&mut self, dict: ObjId, args: &[ObjId]) -> Flow {
        let str_arg = |vm: &Vm, index: usize| -> Flow<Vec<char>> {
            match vm.heap.value(args[index]) {
                Value::Str(text) => Ok(text.chars().collect()),
                other => Err(PyException::type_error(format!(
                    "maketrans() argument {} must be str, not {}",
                    index + 1,
                    other.type_name()
                ))),
            }
        };
        if args.len() == 1 {
            let Value::Dict(source) = self.heap.value(args[0]) else {
                return Err(PyException::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            let entries: Vec<(ObjId, ObjId)> = source.entries().map(|e| (e.key, e.value)).collect();
            for (key, value) in entries {
                match self.heap.value(key) {
                    Value::Str(text) if text.chars().count() == 1 => {
                        let code = text.chars().next().map_or(0, |c| c as i64);
                        let code = self.int_object(code);
                        self.dict_set(dict, code, value)?;
                    }
                    Value::Str(_) => {
                        return Err(PyException::new(
                            "ValueError",
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        self.dict_set(dict, key, value)?;
                    }
                    _ => {
                        return Err(PyException::type_error(
                            "keys in translate table must be strings or integers",
                        ));
                    }
                }
            }
            return Ok(());
        }
        let Value::Str(from) = self.heap.value(args[0]) else {
            return Err(PyException::type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        };
        let from: Vec<char> = from.chars().collect();
        let to = str_arg(self, 1)?;
        let delete = if args.len() == 3 {
            str_arg(self, 2)?
        } else {
            Vec::new()
        };
        if from.len() != to.len() {
            return Err(PyException::new(
                "ValueError",
                "the first two maketrans arguments must have equal length",
            ));
        }
        for (&a, &b) in from.iter().zip(&to) {
            let key = self.int_object(a as i64);
            let value = self.int_object(b as i64);
            self.dict_set(dict, key, value)?;
        }
        for &c in &delete {
            let key = self.int_object(c as i64);
            let none = self.singletons.none;
            self.dict_set(dict, key, none)?;
        }
        Ok(())
    }

    /// `template % values`: printf-style formatting.
    pub(super) fn percent_format(&mut self, template: &str, values: ObjId) -> Flow<ObjId> {
        let items: Vec<ObjId> = match self.heap.value(values) {
            Value::Tuple(items) => items.to_vec(),
            _ => vec![values],
        };
        let mapping = matches!(self.heap.value(values), Value::Dict(_));
        let mut next = 0usize;
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut key = None;
            if chars.peek() == Some(&'(') {
                chars.next();
                let mut name = String::new();
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                    name.push(c);
                }
                key = Some(name);
            }
            let mut flags = String::new();
            while let Some(&f) = chars.peek() {
                if "-+ #0".contains(f) {
                    flags.push(f);
                    chars.next();
                } else {
                    break;
                }
            }
            let mut width = String::new();
            let starred = chars.peek() == Some(&'*');
            if starred {
                // `unicode_format_arg_parse`: the width is the next argument;
                // a negative one left-aligns.
                chars.next();
                let star = self.percent_star(&items, &mut next)?;
                if star < 0 {
                    flags.push('-');
                }
                width = star.unsigned_abs().to_string();
            }
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() && !starred {
                    width.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let mut precision = None;
            if chars.peek() == Some(&'.') {
                chars.next();
                let mut p = String::new();
                let starred = chars.peek() == Some(&'*');
                if starred {
                    chars.next();
                    p = self.percent_star(&items, &mut next)?.max(0).to_string();
                }
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() && !starred {
                        p.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                precision = Some(p);
            }
            let Some(conversion) = chars.next() else {
                return Err(PyException::new("ValueError", "incomplete format"));
            };
            if conversion == '%' {
                out.push('%');
                continue;
            }
            let value = match &key {
                Some(name) if mapping => {
                    let k = self.str_object(name);
                    let found = match self.heap.value(values) {
                        Value::Dict(_) => self.dict_item(values, k).map(Some),
                        _ => Ok(None),
                    };
                    self.heap.discard(k);
                    match found? {
                        Some(v) => v,
                        None => return Err(PyException::new("KeyError", name.to_string())),
                    }
                }
                Some(_) => {
                    return Err(PyException::type_error("format requires a mapping"));
                }
                None => {
                    let value = items.get(next).copied().ok_or_else(|| {
                        PyException::type_error("not enough arguments for format string")
                    })?;
                    next += 1;
                    value
                }
            };
            let align = if flags.contains('-') { "<" } else { "" };
            let sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let zero = if flags.contains('0') && !flags.contains('-') {
                "0"
            } else {
                ""
            };
            let alt = if flags.contains('#') { "#" } else { "" };
            let precision_spec = precision
                .as_ref()
                .map(|p| format!(".{}", if p.is_empty() { "0" } else { p }))
                .unwrap_or_default();
            let piece = match conversion {
                's' | 'r' | 'a' => {
                    let text = match conversion {
                        's' => self.str_of(value)?,
                        'r' => self.repr_of(value)?,
                        _ => super::format_spec::ascii_escape(&self.repr_of(value)?),
                    };
                    let text: String = match &precision {
                        Some(p) => text.chars().take(p.parse().unwrap_or(0)).collect(),
                        None => text,
                    };
                    let width: usize = width.parse().unwrap_or(0);
                    let len = text.chars().count();
                    if len >= width {
                        text
                    } else if align == "<" {
                        format!("{text}{}", " ".repeat(width - len))
                    } else {
                        format!("{}{text}", " ".repeat(width - len))
                    }
                }
                // `formatchar`: a one-character str as it is, an int as
                // its code point.
                'c' if !matches!(
                    self.heap.value(value),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
                ) =>
                {
                    let text = match self.heap.value(value) {
                        Value::Str(text) if text.chars().count() == 1 => text.to_string(),
                        Value::Str(text) => {
                            return Err(PyException::type_error(format!(
                                "%c requires an int or a unicode character, not a string of length {}",
                                text.chars().count()
                            )));
                        }
                        other => {
                            return Err(PyException::type_error(format!(
                                "%c requires an int or a unicode character, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    let width: usize = width.parse().unwrap_or(0);
                    if width <= 1 {
                        text
                    } else if align == "<" {
                        format!("{text}{}", " ".repeat(width - 1))
                    } else {
                        format!("{}{text}", " ".repeat(width - 1))
                    }
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c' => {
                    let number_ok = matches!(
                        self.heap.value(value),
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
                    );
                    if !number_ok && conversion != 'c' {
                        return Err(PyException::type_error(format!(
                            "%{conversion} format: a real number is required, not {}",
                            self.heap.value(value).type_name()
                        )));
                    }
                    let spec_conversion = match conversion {
                        'i' | 'u' => 'd',
                        other => other,
                    };
                    let temp = if matches!(spec_conversion, 'd' | 'x' | 'X' | 'o')
                        && let Value::Float(f) = self.heap.value(value)
                    {
                        let truncated: num_bigint::BigInt =
                            num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default();
                        Some(self.int_from_bigint(truncated))
                    } else {
                        None
                    };
                    let spec = if matches!(spec_conversion, 'd' | 'x' | 'X' | 'o' | 'c') {
                        format!("{align}{sign}{alt}{zero}{width}{spec_conversion}")
                    } else {
                        format!("{align}{sign}{alt}{zero}{width}{precision_spec}{spec_conversion}")
                    };
                    let result = self.format_object(temp.unwrap_or(value), &spec);
                    if let Some(temp) = temp {
                        self.heap.discard(temp);
                    }
                    result?
                }
                other => {
                    return Err(PyException::new(
                        "ValueError",
                        format!(
                            "unsupported format character '{other}' ({:#x}) at index {}",
                            other as u32,
                            template.find(other).unwrap_or(0)
                        ),
                    ));
                }
            };
            out.push_str(&piece);
        }
        if !mapping && next < items.len() {
            return Err(PyException::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        self.heap.check_room(2 * out.len() as u64)?;
        Ok(self.str_object(&out))
    }
}

/// `str.split()` / `str.rsplit()` without a separator: runs of whitespace.
fn split_whitespace(text: &str, max: usize, from_right: bool) -> Vec<String> {
    let chars: Vec<char> = if from_right {
        text.chars().rev().collect()
    } else {
        text.chars().collect()
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        if parts.len() == max {
            let rest: String = chars[i..].iter().collect();
            let rest = rest.trim_end_matches(is_space).to_owned();
            parts.push(rest);
            break;
        }
        let start = i;
        while i < chars.len() && !is_space(chars[i]) {
            i += 1;
        }
        parts.push(chars[start..i].iter().collect());
    }
    if from_right {
        parts = parts
            .into_iter()
            .map(|p| p.chars().rev().collect())
            .rev()
            .collect();
    }
    parts
}

/// What `str.format`'s fields name: the positional arguments (none for
/// `format_map`), the keyword arguments, or `format_map`'s mapping.
#[derive(Clone, Copy)]
struct FormatArgs<'a> {
    args: Option<&'a [ObjId]>,
    keywords: &'a [(&'a str, ObjId)],
    mapping: Option<ObjId>,
}

/// `str.format`'s automatic field numbering (`AutoNumber` in CPython).
#[derive(Default)]
struct AutoNumber {
    state: AutoState,
    next: usize,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum AutoState {
    #[default]
    Init,
    Auto,
    Manual,
}

/// `get_integer`: a field name part made only of digits is an index.
fn format_integer(text: &str) -> Flow<Option<usize>> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    text.parse::<usize>()
        .ok()
        .filter(|&n| n <= isize::MAX as usize)
        .map(Some)
        .ok_or_else(|| PyException::new("ValueError", "Too many decimal digits in format string"))
}

/// `parse_field`: from just after a field's `{`, its name (up to `}`,
/// `!` or `:`, `[...]` skipped), its conversion character, its spec (up to
/// the matching `}`) and whether the spec holds fields; `at` moves past
/// the field's closing `}`.
type FormatField<'t> = (&'t [char], Option<char>, &'t [char], bool);

fn parse_format_field<'t>(chars: &'t [char], at: &mut usize) -> Flow<FormatField<'t>> {
    let name_start = *at;
    let mut last = None;
    while *at < chars.len() {
        let c = chars[*at];
        *at += 1;
        match c {
            '{' => {
                return Err(PyException::new(
                    "ValueError",
                    "unexpected '{' in field name",
                ));
            }
            '[' => {
                while *at < chars.len() && chars[*at] != ']' {
                    *at += 1;
                }
                last = Some(c);
            }
            '}' | ':' | '!' => {
                last = Some(c);
                break;
            }
            _ => last = Some(c),
        }
    }
    let name = &chars[name_start..(*at).saturating_sub(1).max(name_start)];
    match last {
        Some('}') => return Ok((name, None, &[], false)),
        Some(':' | '!') => {}
        _ => {
            return Err(PyException::new(
                "ValueError",
                "expected '}' before end of string",
            ));
        }
    }
    let mut conversion = None;
    if last == Some('!') {
        let Some(&c) = chars.get(*at) else {
            return Err(PyException::new(
                "ValueError",
                "end of string while looking for conversion specifier",
            ));
        };
        conversion = Some(c);
        *at += 1;
        if let Some(&next) = chars.get(*at) {
            *at += 1;
            if next == '}' {
                return Ok((name, conversion, &[], false));
            }
            if next != ':' {
                return Err(PyException::new(
                    "ValueError",
                    "expected ':' after conversion specifier",
                ));
            }
        }
    }
    let spec_start = *at;
    let mut count = 1;
    let mut needs_expanding = false;
    while *at < chars.len() {
        let c = chars[*at];
        *at += 1;
        match c {
            '{' => {
                needs_expanding = true;
                count += 1;
            }
            '}' => {
                count -= 1;
                if count == 0 {
                    return Ok((
                        name,
                        conversion,
                        &chars[spec_start..*at - 1],
                        needs_expanding,
                    ));
                }
            }
            _ => {}
        }
    }
    Err(PyException::new(
        "ValueError",
        "unmatched '{' in format spec",
    ))
}
