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
    /// Not an exception at all: bytestep's own signal between the parts of
    /// an instruction (a Python call is pending, a drain pulls again).
    pub signal: Signal,
}

/// See [`PyException::signal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    None,
    /// A Python call made from inside an instruction must run first.
    Pending,
    /// A drain's own `filter` rejected an item: the pull starts again.
    Again,
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
            signal: Signal::None,
        })
    }

    /// One of bytestep's internal signals: fatal (nothing catches it), with
    /// no message made (it is raised once per call made from native code).
    #[cold]
    #[inline(never)]
    pub fn signal(signal: Signal) -> Box<Self> {
        Box::new(PyException {
            kind: "SystemError",
            message: String::new(),
            object: None,
            reraise: false,
            fatal: true,
            missing: None,
            signal,
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
            signal: Signal::None,
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
        let signal = match self.signal {
            Signal::None => "",
            Signal::Pending => "bytestep: a Python call is pending",
            Signal::Again => "bytestep: a drain's pull made progress without an item",
        };
        if !signal.is_empty() {
            write!(f, "{}: {signal}", self.kind)
        } else if self.message.is_empty() {
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
        if let Some(line) = entry.line {
            out.push_str(&frame_source(source, line, entry.position));
        }
    }
    if count > RECURSIVE_CUTOFF {
        out.push_str(&repeated(count));
    }
    out.push_str(last_line);
    out.push('\n');
    out
}

/// `textwrap.dedent`: the common leading whitespace of the non-blank lines
/// removed; blank lines become empty.
fn dedent(lines: &[String]) -> Vec<String> {
    let margin = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
        .fold(None::<&str>, |common, indent| match common {
            None => Some(indent),
            Some(common) => {
                let shared = common
                    .chars()
                    .zip(indent.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                Some(&common[..shared])
            }
        })
        .unwrap_or("");
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l[margin.len()..].to_owned()
            }
        })
        .collect()
}

/// Columns a text takes on a terminal (wide characters take two).
fn display_width(text: &str, chars: usize) -> usize {
    use unicode_width::UnicodeWidthChar;
    text.chars()
        .take(chars)
        .map(|c| if c.width() == Some(2) { 2 } else { 1 })
        .sum()
}

/// The source of one traceback entry as CPython 3.14 prints it
/// (`StackSummary.format_frame_summary`): the lines of the failing
/// expression, dedented, each with carets (`^` under it, `~` and `^` to
/// point at an operator, subscript or call), long spans abbreviated to
/// `...<N lines>...`.
fn frame_source(source: &str, line: u32, position: Option<crate::bytecode::Position>) -> String {
    use crate::compile::{caret_anchors, char_offset, is_whole_line_call};
    let end_line = position
        .and_then(|p| p.end_line)
        .filter(|&end| end >= line)
        .unwrap_or(line);
    let original: Vec<String> = (line..=end_line)
        .map(|l| {
            source
                .lines()
                .nth(l.saturating_sub(1) as usize)
                .unwrap_or("")
                .trim_end()
                .to_owned()
        })
        .collect();
    let dedented = dedent(&original);
    if dedented.iter().all(|l| l.trim().is_empty()) {
        return String::new();
    }
    let (Some(col), Some(end_col)) = (
        position.and_then(|p| p.col),
        position.and_then(|p| p.end_col),
    ) else {
        return format!("    {}\n", original[0].trim());
    };
    let first = &original[0];
    let last = &original[original.len() - 1];
    let dedent_chars = first.chars().count() - dedented[0].chars().count();
    let start = char_offset(first, col as usize).saturating_sub(dedent_chars);
    let end = char_offset(last, end_col as usize).saturating_sub(dedent_chars);
    let all: Vec<&str> = dedented.iter().map(String::as_str).collect();
    let last_index = all.len() - 1;
    let dp_start = display_width(all[0], start);
    let dp_end = display_width(all[last_index], end);
    let joined = all.join("\n");
    let joined_chars: Vec<char> = joined.chars().collect();
    let last_len = all[last_index].chars().count();
    let segment_end = joined_chars
        .len()
        .saturating_sub(last_len.saturating_sub(end));
    let segment: String = joined_chars
        .get(start.min(segment_end)..segment_end)
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    let anchors = caret_anchors(&segment);
    let show_carets = if is_whole_line_call(&all, start, end) {
        false
    } else {
        anchors.is_some()
            || !all[0]
                .chars()
                .take(start)
                .collect::<String>()
                .trim_start()
                .is_empty()
            || !all[last_index]
                .chars()
                .skip(end)
                .collect::<String>()
                .trim_end()
                .is_empty()
    };
    // Only the first and last lines, and those around the anchors.
    let mut significant = std::collections::BTreeSet::from([0, last_index]);
    let (mut left_offset, mut right_offset) = (0, 0);
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    if let Some(a) = anchors {
        left_offset = a.left_col + if a.left_line == 0 { start } else { 0 };
        right_offset = a.right_col + if a.right_line == 0 { start } else { 0 };
        left_offset = display_width(all.get(a.left_line).copied().unwrap_or(""), left_offset);
        right_offset = display_width(all.get(a.right_line).copied().unwrap_or(""), right_offset);
        for anchor_line in [a.left_line, a.right_line] {
            for l in anchor_line.saturating_sub(1)..=anchor_line + 1 {
                if l <= last_index {
                    significant.insert(l);
                }
            }
        }
    }
    let mut result: Vec<String> = Vec::new();
    let output_line = |index: usize, result: &mut Vec<String>| {
        let text = all[index];
        result.push(text.to_owned());
        if !show_carets {
            return;
        }
        let spaces = text.chars().count() - text.trim_start().chars().count();
        let count = if index == last_index {
            dp_end
        } else {
            display_width(text, usize::MAX)
        };
        let carets: String = (0..count)
            .map(|col| {
                if col < spaces || (index == 0 && col < dp_start) {
                    ' '
                } else if let Some(a) = anchors
                    && (index > a.left_line || (index == a.left_line && col >= left_offset))
                    && (index < a.right_line || (index == a.right_line && col < right_offset))
                {
                    secondary
                } else {
                    primary
                }
            })
            .collect();
        result.push(carets);
    };
    let lines: Vec<usize> = significant.into_iter().collect();
    for (i, &index) in lines.iter().enumerate() {
        if i > 0 {
            let gap = index - lines[i - 1];
            if gap == 2 {
                output_line(index - 1, &mut result);
            } else if gap > 2 {
                result.push(format!("...<{} lines>...", gap - 1));
            }
        }
        output_line(index, &mut result);
    }
    dedent(&result)
        .iter()
        .map(|l| format!("    {l}\n"))
        .collect()
}
