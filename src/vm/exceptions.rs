//! Python exceptions raised by the interpreter, and CPython's traceback text.

use std::fmt;

/// A Python exception: its class name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyException {
    pub kind: &'static str,
    pub message: String,
}

impl PyException {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        PyException {
            kind,
            message: message.into(),
        }
    }

    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new("TypeError", message)
    }

    pub fn name_error(name: &str) -> Self {
        Self::new("NameError", format!("name '{name}' is not defined"))
    }

    pub fn zero_division() -> Self {
        Self::new("ZeroDivisionError", "division by zero")
    }

    /// What bytestep cannot run yet, said plainly.
    pub fn not_implemented(what: &str, line: Option<u32>) -> Self {
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        Self::new(
            "NotImplementedError",
            format!("bytestep does not support {what} yet{at}"),
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
    /// (column, end column) of the failing expression on that line, if known.
    pub columns: Option<(u32, u32)>,
}

/// CPython's "Traceback (most recent call last):" text, ending in a newline.
pub fn format_traceback(entries: &[TracebackEntry], source: &str, error: &PyException) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    for entry in entries {
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
            let trimmed = text.trim();
            if !trimmed.is_empty() {
                out.push_str(&format!("    {trimmed}\n"));
            }
        }
    }
    out.push_str(&error.to_string());
    out.push('\n');
    out
}
