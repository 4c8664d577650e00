//! Reading a program as CPython does: at most [`MAX_SOURCE_BYTES`], a UTF-8
//! BOM skipped, a PEP 263 `coding` declaration honoured (UTF-8, Latin-1,
//! ASCII), undeclared non-UTF-8 bytes refused with CPython's `SyntaxError`,
//! and the tokenizer's limits checked before the compiler sees the text:
//! no NUL bytes, at most 100 levels of indentation, tabs and spaces used
//! consistently.

use std::io::Read;
use std::path::Path;

use crate::compile::SyntaxError;

/// The largest program bytestep reads: devices (`/dev/zero`) and huge
/// inputs stop here with a clear error instead of filling the memory. The
/// compiler crate needs about 1 KB per line (a 10 MB file took 2.8 GB), so
/// 2 MiB keeps it near half a gigabyte; real programs are far smaller.
pub const MAX_SOURCE_BYTES: u64 = 2 << 20;
/// CPython's tokenizer `MAXINDENT`.
const MAX_INDENT: usize = 100;
/// The most distinct literals a program may have: the compiler crate's
/// constant table grows quadratically (200,000 distinct ones take minutes).
pub const MAX_DISTINCT_LITERALS: usize = 20_000;

/// Why a program could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// Over [`MAX_SOURCE_BYTES`] (or an endless device).
    TooBig,
    /// A declared encoding bytestep does not decode.
    Encoding(String),
    /// What CPython reports as a `SyntaxError` while decoding.
    Syntax(Box<SyntaxError>),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(error) => write!(f, "{error}"),
            ReadError::TooBig => write!(
                f,
                "the program is larger than {} MiB, bytestep's limit (is it a device?)",
                MAX_SOURCE_BYTES >> 20
            ),
            ReadError::Encoding(name) => write!(
                f,
                "the program declares the encoding '{name}'; bytestep reads UTF-8, Latin-1 and ASCII"
            ),
            ReadError::Syntax(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Read and decode a program file.
pub fn read(path: &Path) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(ReadError::TooBig);
    }
    decode(&bytes, &path.display().to_string())
}

/// Bytes → text, as CPython's tokenizer decodes a source file.
pub fn decode(bytes: &[u8], filename: &str) -> Result<String, ReadError> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let declared = declared_encoding(bytes);
    let encoding = match declared.as_deref().map(normalize) {
        None => "utf-8",
        Some(Some(known)) => known,
        Some(None) => {
            return Err(ReadError::Encoding(declared.unwrap_or_default()));
        }
    };
    if bom && encoding != "utf-8" {
        return Err(syntax(
            filename,
            format!(
                "encoding problem: {} with BOM",
                declared.unwrap_or_default()
            ),
        ));
    }
    match encoding {
        "latin-1" => Ok(bytes.iter().map(|&b| b as char).collect()),
        "ascii" => match bytes.iter().position(|b| !b.is_ascii()) {
            Some(at) => Err(non_utf8(bytes, at, filename)),
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
        },
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(error) => Err(non_utf8(bytes, error.valid_up_to(), filename)),
        },
    }
}

/// CPython's error for bytes its decoder cannot read.
fn non_utf8(bytes: &[u8], at: usize, filename: &str) -> ReadError {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    syntax(
        filename,
        format!(
            "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            bytes[at]
        ),
    )
}

fn syntax(filename: &str, message: String) -> ReadError {
    ReadError::Syntax(Box::new(SyntaxError {
        filename: filename.to_owned(),
        line: 0,
        column: 0,
        end_column: None,
        text: None,
        kind: "SyntaxError".into(),
        message,
    }))
}

/// The PEP 263 declaration on line 1, or on line 2 after a comment or blank line 1.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = cookie(first) {
        return Some(name);
    }
    let trimmed = first.trim_ascii_start();
    if trimmed.is_empty() || trimmed.starts_with(b"#") {
        return lines.next().and_then(cookie);
    }
    None
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn cookie(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let text = String::from_utf8_lossy(&line[start..]);
    let at = text.find("coding")?;
    let rest = &text[at + "coding".len()..];
    let rest = rest.strip_prefix([':', '='])?;
    let name: String = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The encodings bytestep decodes, by CPython's names and aliases.
fn normalize(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase().replace('_', "-");
    if name == "utf-8" || name == "utf8" || name.starts_with("utf-8-") {
        return Some("utf-8");
    }
    match name.as_str() {
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1" | "latin"
        | "cp819" | "8859" => Some("latin-1"),
        "ascii" | "us-ascii" | "646" => Some("ascii"),
        _ => None,
    }
}

/// The tokenizer's limits, checked before compiling: NUL bytes and more
/// than 100 levels of indentation (the compiler would need gigabytes).
pub fn check(source: &str, filename: &str) -> Result<(), Box<SyntaxError>> {
    if let Some(at) = source.find('\0') {
        let line = source[..at].matches('\n').count() + 1;
        let text = source.lines().nth(line - 1).unwrap_or("").replace('\0', "");
        return Err(error_at(
            filename,
            line,
            text,
            "SyntaxError",
            "source code cannot contain null bytes",
        ));
    }
    let literals = distinct_literals(source);
    if literals > MAX_DISTINCT_LITERALS {
        return Err(Box::new(SyntaxError {
            filename: filename.to_owned(),
            line: 0,
            column: 0,
            end_column: None,
            text: None,
            kind: "NotImplementedError".into(),
            message: format!(
                "bytestep does not support programs with more than {MAX_DISTINCT_LITERALS} \
                 distinct literals yet (this one has {literals}): its compiler slows down \
                 quadratically past that"
            ),
        }));
    }
    match indentation(source) {
        Some((line, Problem::TooDeep)) => Err(error_at(
            filename,
            line,
            source.lines().nth(line - 1).unwrap_or("").to_owned(),
            "IndentationError",
            "too many levels of indentation",
        )),
        _ => Ok(()),
    }
}

/// After the compiler reported an indentation error: CPython's `TabError`
/// when the cause is tabs and spaces used inconsistently.
pub fn tab_error(source: &str, filename: &str) -> Option<Box<SyntaxError>> {
    match indentation(source) {
        Some((line, Problem::Tabs)) => Some(error_at(
            filename,
            line,
            source.lines().nth(line - 1).unwrap_or("").to_owned(),
            "TabError",
            "inconsistent use of tabs and spaces in indentation",
        )),
        _ => None,
    }
}

fn error_at(
    filename: &str,
    line: usize,
    text: String,
    kind: &str,
    message: &str,
) -> Box<SyntaxError> {
    Box::new(SyntaxError {
        filename: filename.to_owned(),
        line,
        column: 0,
        end_column: None,
        text: Some(text),
        kind: kind.into(),
        message: message.into(),
    })
}

/// How many different number and string literals the source has (an
/// upper bound of any code object's constants), in one linear pass.
fn distinct_literals(source: &str) -> usize {
    let bytes = source.as_bytes();
    let mut seen = std::collections::HashSet::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                let start = i;
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == c && (!triple || bytes.get(i + 1..i + 3) == Some(&[c, c][..])) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    if bytes[i] == b'\n' && !triple {
                        break;
                    }
                    i += 1;
                }
                seen.insert(&bytes[start..i.min(bytes.len())]);
                continue;
            }
            b'0'..=b'9'
                if i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') =>
            {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'.'))
                {
                    i += 1;
                }
                seen.insert(&bytes[start..i]);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    seen.len()
}

enum Problem {
    TooDeep,
    Tabs,
}

/// The tokenizer's indentation rule (`tok_get_normal_mode`): columns with
/// tabs to 8 and, to catch inconsistent tabs, to 1; strings, brackets,
/// comments and continuation lines do not start a logical line.
fn indentation(source: &str) -> Option<(usize, Problem)> {
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut depth = 0usize;
    let mut quote: Option<(char, bool)> = None;
    let mut continued = false;
    for (number, line) in source.lines().enumerate() {
        let starts_logical = quote.is_none() && depth == 0 && !continued;
        continued = false;
        if starts_logical {
            let (mut col, mut alt) = (0, 0);
            let mut body = line;
            for (i, c) in line.char_indices() {
                match c {
                    ' ' => (col, alt) = (col + 1, alt + 1),
                    '\t' => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                    '\x0c' => (col, alt) = (0, 0),
                    _ => {
                        body = &line[i..];
                        break;
                    }
                }
                body = "";
            }
            if !body.is_empty() && !body.starts_with('#') && !body.starts_with('\\') {
                let &(top, top_alt) = stack.last()?;
                if col == top {
                    if alt != top_alt {
                        return Some((number + 1, Problem::Tabs));
                    }
                } else if col > top {
                    if stack.len() >= MAX_INDENT {
                        return Some((number + 1, Problem::TooDeep));
                    }
                    if alt <= top_alt {
                        return Some((number + 1, Problem::Tabs));
                    }
                    stack.push((col, alt));
                } else {
                    while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                        stack.pop();
                    }
                    if stack.last().is_some_and(|&(c, a)| c == col && a != alt) {
                        return Some((number + 1, Problem::Tabs));
                    }
                }
            }
        }
        // Follow strings, brackets and comments to the end of the line.
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match quote {
                Some((q, triple)) => match c {
                    '\\' => {
                        chars.next();
                    }
                    _ if c == q => {
                        if !triple {
                            quote = None;
                        } else if chars.peek() == Some(&q) {
                            chars.next();
                            if chars.peek() == Some(&q) {
                                chars.next();
                                quote = None;
                            }
                        }
                    }
                    _ => {}
                },
                None => match c {
                    '#' => break,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth = depth.saturating_sub(1),
                    '\'' | '"' => {
                        let mut ahead = chars.clone();
                        let triple = ahead.next() == Some(c) && ahead.next() == Some(c);
                        if triple {
                            chars.next();
                            chars.next();
                        }
                        quote = Some((c, triple));
                    }
                    '\\' if chars.peek().is_none() => continued = true,
                    _ => {}
                },
            }
        }
        // A one-quote string cannot span lines (without a backslash).
        if let Some((_, false)) = quote
            && !line.ends_with('\\')
        {
            quote = None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_boms_and_bad_bytes_as_cpython() {
        assert_eq!(
            decode(b"\xef\xbb\xbfprint(1)\n", "t.py").ok().as_deref(),
            Some("print(1)\n")
        );
        let latin = decode(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "t.py").ok();
        assert_eq!(
            latin.as_deref(),
            Some("# -*- coding: latin-1 -*-\nx = 'é'\n")
        );
        let second = decode(
            b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n'\xe9'\n",
            "t.py",
        );
        assert!(second.is_ok());
        match decode(b"x = 1\ny = '\xe9'\n", "t.py") {
            Err(ReadError::Syntax(error)) => assert_eq!(
                error.to_string(),
                "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode(b"# coding: cp1252\n", "t.py"),
            Err(ReadError::Encoding(_))
        ));
    }

    #[test]
    fn literals_are_counted_once_each() {
        assert_eq!(
            distinct_literals("x = 1 + 1.5 + 1\ny = 'a' + \"a\" + 'a' # 7 8\nz = a1 + '''q'''\n"),
            5
        );
        let many: String = (0..20_001).map(|i| format!("x = {i}\n")).collect();
        let error = check(&many, "t.py").expect_err("too many");
        assert_eq!(error.kind, "NotImplementedError");
        let same = format!("t = ({})\n", vec!["0"; 200_000].join(","));
        assert!(check(&same, "t.py").is_ok());
    }

    #[test]
    fn indentation_limits_as_the_tokenizer() {
        let nested = |n: usize| {
            let mut text: String = (0..n)
                .map(|i| format!("{}if 1:\n", " ".repeat(i)))
                .collect();
            text.push_str(&format!("{}pass\n", " ".repeat(n)));
            text
        };
        assert!(check(&nested(99), "t.py").is_ok());
        let error = check(&nested(100), "t.py").expect_err("too deep");
        assert_eq!((error.kind.as_str(), error.line), ("IndentationError", 101));
        let tabs = "if 1:\n\tx = 1\n        y = 2\n";
        assert_eq!(tab_error(tabs, "t.py").map(|e| e.line), Some(3));
        let fine = "x = '''\n\t\t  a\n'''\nif (1 and\n        2):\n    pass\n";
        assert!(check(fine, "t.py").is_ok() && tab_error(fine, "t.py").is_none());
    }
}
