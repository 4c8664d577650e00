//! Python exceptions raised by the interpreter, and CPython's traceback text.

use std::fmt;

/// A Python exception on its way out of an instruction: its class name and
/// message, or the exception object itself (`raise e`).
///
/// [`crate::vm::Vm`] turns it into an exception object and unwinds with it
/// (`unwind.rs`); what bytestep cannot run (`fatal`) ends the program
/// uncatchably, so an `except Exception` can never hide a missing feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyException {
    pub kind: &'static str,
    pub message: String,
    /// The exception object, when the program raised one (a reference this error owns).
    pub object: Option<crate::vm::heap::ObjId>,
    /// Re-raised (`raise`, `RERAISE`): the traceback gets no new entry.
    pub reraise: bool,
    /// Not catchable: a feature bytestep lacks, or an internal error.
    pub fatal: bool,
    /// A `NameError` or `AttributeError`: the name that was not found, for
    /// the "Did you mean" of the traceback if nothing catches it.
    pub missing: Option<Box<Missing>>,
}

/// The name a `NameError` or `AttributeError` did not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub name: String,
    /// For an `AttributeError`: the owner's attribute names (`dir(obj)`),
    /// taken when it was raised; a `NameError` looks at the frame instead.
    pub attributes: Option<Vec<String>>,
}

impl PyException {
    /// Boxed: errors are rare, and a small `Result` keeps the hot path fast.
    #[cold]
    #[inline(never)]
    pub fn new(kind: &'static str, message: impl Into<String>) -> Box<Self> {
        Box::new(PyException {
            kind,
            message: message.into(),
            object: None,
            reraise: false,
            fatal: kind == "SystemError",
            missing: None,
        })
    }

    /// An exception object being raised (its reference moves into the error).
    #[cold]
    #[inline(never)]
    pub fn object(object: crate::vm::heap::ObjId, reraise: bool) -> Box<Self> {
        Box::new(PyException {
            kind: "",
            message: String::new(),
            object: Some(object),
            reraise,
            fatal: false,
            missing: None,
        })
    }

    #[cold]
    #[inline(never)]
    pub fn type_error(message: impl Into<String>) -> Box<Self> {
        Self::new("TypeError", message)
    }

    #[cold]
    #[inline(never)]
    pub fn name_error(name: &str) -> Box<Self> {
        let mut error = Self::new("NameError", format!("name '{name}' is not defined"));
        error.missing = Some(Box::new(Missing {
            name: name.to_owned(),
            attributes: None,
        }));
        error
    }

    /// `AttributeError` for `name`, with the owner's attribute names.
    #[cold]
    #[inline(never)]
    pub fn attribute_error(message: String, name: &str, attributes: Vec<String>) -> Box<Self> {
        let mut error = Self::new("AttributeError", message);
        error.missing = Some(Box::new(Missing {
            name: name.to_owned(),
            attributes: Some(attributes),
        }));
        error
    }

    #[cold]
    #[inline(never)]
    pub fn zero_division() -> Box<Self> {
        Self::new("ZeroDivisionError", "division by zero")
    }

    /// What bytestep cannot run yet, said plainly.
    #[cold]
    #[inline(never)]
    pub fn not_implemented(what: &str, line: Option<u32>) -> Box<Self> {
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        let mut error = Self::new(
            "NotImplementedError",
            format!("bytestep does not support {what} yet{at}"),
        );
        error.fatal = true;
        error
    }
}

impl PyException {
    /// What bytestep will never give a debugged program (files, processes,
    /// network, code loading), said plainly.
    #[cold]
    #[inline(never)]
    pub fn refused(what: &str, line: Option<u32>) -> Box<Self> {
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        Self::new(
            "NotImplementedError",
            format!(
                "bytestep refuses {what}: a program in the debugger gets no files, \
                 processes, network or code loading{at}"
            ),
        )
    }
}

impl fmt::Display for PyException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

/// One entry of a traceback, outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracebackEntry {
    pub filename: String,
    pub line: Option<u32>,
    pub name: String,
    /// Where on that line the failing instruction's expression is (`co_positions`).
    pub position: Option<crate::bytecode::Position>,
}

/// CPython's "Traceback (most recent call last):" text, ending in a newline.
pub fn format_traceback(entries: &[TracebackEntry], source: &str, error: &PyException) -> String {
    format_traceback_text(entries, source, &error.to_string())
}

/// The traceback of `entries` (outermost first) and the last line, `Kind: message`.
pub fn format_traceback_text(entries: &[TracebackEntry], source: &str, last_line: &str) -> String {
    // Past three identical entries in a row (file, line, function), CPython
    // counts the rest: `[Previous line repeated 992 more times]`.
    const RECURSIVE_CUTOFF: usize = 3;
    let repeated = |count: usize| {
        let more = count - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        format!("  [Previous line repeated {more} more time{plural}]\n")
    };
    let mut out = String::from("Traceback (most recent call last):\n");
    let mut previous: Option<&TracebackEntry> = None;
    let mut count = 0;
    for entry in entries {
        let same = previous.is_some_and(|p| {
            p.filename == entry.filename && p.line == entry.line && p.name == entry.name
        });
        if !same {
            if count > RECURSIVE_CUTOFF {
                out.push_str(&repeated(count));
            }
            previous = Some(entry);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        match entry.line {
            Some(line) => out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.filename, line, entry.name
            )),
            None => out.push_str(&format!(
                "  File \"{}\", in {}\n",
                entry.filename, entry.name
            )),
        }
        if let Some(text) = entry
            .line
            .and_then(|l| source.lines().nth(l.saturating_sub(1) as usize))
        {
            out.push_str(&source_with_carets(text, entry.position));
        }
    }
    if count > RECURSIVE_CUTOFF {
        out.push_str(&repeated(count));
    }
    out.push_str(last_line);
    out.push('\n');
    out
}

/// The source line, dedented, and under it CPython 3.14's carets: `^` under
/// the failing expression, or `~` with `^` under its operator, subscript or
/// arguments (`traceback.StackSummary.format_frame_summary`).
fn source_with_carets(text: &str, position: Option<crate::bytecode::Position>) -> String {
    use crate::compile::{caret_anchors, char_offset, is_whole_line_call};
    let dedented = text.trim_start().trim_end();
    if dedented.is_empty() {
        return String::new();
    }
    let mut out = format!("    {dedented}\n");
    let Some(position) = position else {
        return out;
    };
    let (Some(col), Some(end_col)) = (position.col, position.end_col) else {
        return out;
    };
    if position.end_line != position.line {
        // Multi-line expressions: CPython shows several lines; we show the first.
        return out;
    }
    let indent = text.chars().count() - text.trim_start().chars().count();
    let start = char_offset(text, col as usize).saturating_sub(indent);
    let end = char_offset(text, end_col as usize).saturating_sub(indent);
    let chars: Vec<char> = dedented.chars().collect();
    if start >= end || end > chars.len() {
        return out;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = caret_anchors(&segment);
    let show = if is_whole_line_call(dedented, start, end) {
        false
    } else {
        anchors.is_some() || start > 0 || end < chars.len()
    };
    if show {
        let carets: String = (start..end)
            .map(|j| match anchors {
                Some((left, right)) if (start + left..start + right).contains(&j) => '^',
                Some(_) => '~',
                None => '^',
            })
            .collect();
        out.push_str(&format!("    {}{carets}\n", " ".repeat(start)));
    }
    out
}
