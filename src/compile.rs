//! Python source → a tree of code objects, the only module that touches `rustpython-*`.
//!
//! `rustpython-compiler` 0.6.0 emits code objects byte-identical to CPython
//! 3.14.2's. We copy them into our own plain [`CodeObject`] (raw `co_code`
//! bytes, tables, constants) so that the rest of bytestep reads bytecode the
//! way CPython does and never depends on the compiler crate's types.
//!
//! The compiler recurses on deeply nested expressions, so it runs on a thread
//! with a large stack; a failure comes back as a CPython-style [`SyntaxError`].

use std::fmt;
use std::sync::Arc;

use crate::syntax_warnings::{SyntaxWarning, syntax_warnings};

use num_bigint::BigInt;
use rustpython_compiler::core::bytecode::ConstantData;
use rustpython_compiler::{CompileOpts, Mode};

/// A code object as CPython 3.14 stores it (`co_*` fields).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    /// `co_name`
    pub name: String,
    /// `co_qualname`
    pub qualname: String,
    /// `co_filename`
    pub filename: String,
    /// `co_firstlineno`
    pub first_line: u32,
    /// `co_code`: code units (opcode byte, argument byte), CACHE units zeroed.
    pub code: Vec<u8>,
    /// `co_linetable` (the location table, PEP 626/657 format).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`
    pub exceptiontable: Vec<u8>,
    /// `co_consts`
    pub consts: Vec<Constant>,
    /// `co_names`
    pub names: Vec<String>,
    /// `co_varnames`
    pub varnames: Vec<String>,
    /// `co_cellvars`
    pub cellvars: Vec<String>,
    /// `co_freevars`
    pub freevars: Vec<String>,
    /// `co_argcount`
    pub argcount: u32,
    /// `co_posonlyargcount`
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`
    pub kwonlyargcount: u32,
    /// `co_stacksize`
    pub stacksize: u32,
    /// `co_flags`
    pub flags: u32,
}

/// `co_flags` bits used by bytestep.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const COROUTINE: u32 = 0x0080;
    /// `CO_HAS_DOCSTRING` (3.14): the first constant is the docstring.
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
}

impl CodeObject {
    /// All local slots in CPython's order: `co_varnames`, then cells, then free variables.
    pub fn localsplus(&self) -> impl Iterator<Item = &str> {
        self.varnames
            .iter()
            .chain(self.cellvars.iter().filter(|c| !self.varnames.contains(c)))
            .chain(self.freevars.iter())
            .map(String::as_str)
    }

    /// This code object followed by every nested one, depth first, in constant order.
    pub fn walk(self: &Arc<Self>) -> Vec<Arc<CodeObject>> {
        let mut all = vec![Arc::clone(self)];
        for constant in &self.consts {
            if let Constant::Code(inner) = constant {
                all.extend(inner.walk());
            }
        }
        all
    }
}

/// A constant of `co_consts`.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    Frozenset(Vec<Constant>),
    Slice(Box<[Constant; 3]>),
    Code(Arc<CodeObject>),
}

/// A compile error, reported the way CPython reports a `SyntaxError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub filename: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column (characters), 0 when unknown.
    pub column: usize,
    /// 1-based end column on the same line, if known.
    pub end_column: Option<usize>,
    /// The offending source line, without its line break.
    pub text: Option<String>,
    /// The exception class: `SyntaxError`, `IndentationError`, `TabError`, `RecursionError`.
    pub kind: String,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    /// CPython's layout: `File "x.py", line N`, the line, a caret run, `SyntaxError: msg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        }
        if let Some(text) = &self.text {
            let stripped = text.trim_start();
            let indent = text.chars().count() - stripped.chars().count();
            let trimmed = stripped.trim_end();
            if !trimmed.is_empty() {
                writeln!(f, "    {trimmed}")?;
                if self.column > 0 {
                    let start = self.column.saturating_sub(1).saturating_sub(indent);
                    let width = trimmed.chars().count();
                    let start = start.min(width);
                    let end = self
                        .end_column
                        .map(|e| e.saturating_sub(1).saturating_sub(indent))
                        .filter(|&e| e > start)
                        .unwrap_or(start + 1)
                        .min(width.max(start + 1));
                    writeln!(f, "    {}{}", " ".repeat(start), "^".repeat(end - start))?;
                }
            }
        }
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Stack for the compiler thread: deep expressions recurse deeply.
const COMPILER_STACK_BYTES: usize = 512 * 1024 * 1024;

/// Compile a module's source as `compile(source, filename, "exec")` would.
pub fn compile(source: &str, filename: &str) -> Result<Arc<CodeObject>, Box<SyntaxError>> {
    compile_with_warnings(source, filename).map(|(code, _)| code)
}

/// [`compile`], with the `SyntaxWarning`s CPython prints as it compiles.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
) -> Result<(Arc<CodeObject>, Vec<SyntaxWarning>), Box<SyntaxError>> {
    // The tokenizer's limits first: the compiler would take gigabytes on them.
    crate::source::check(source, filename)?;
    compile_checked(source, filename).map_err(|error| {
        if error.kind == "IndentationError" {
            crate::source::tab_error(source, filename).unwrap_or(error)
        } else {
            error
        }
    })
}

type Compiled = (Arc<CodeObject>, Vec<SyntaxWarning>);

fn compile_checked(source: &str, filename: &str) -> Result<Compiled, Box<SyntaxError>> {
    let owned_source = source.to_owned();
    let owned_name = filename.to_owned();
    // (The warnings' walk recurses as deeply as the compiler: on its stack.)
    let work = move || {
        compile_here(&owned_source, &owned_name)
            .map(|code| (Arc::new(code), syntax_warnings(&owned_source)))
    };
    let worker = std::thread::Builder::new()
        .name("compile".into())
        .stack_size(COMPILER_STACK_BYTES)
        .spawn(work);
    let outcome = match worker {
        Ok(handle) => handle.join(),
        Err(_) => return compile_here(source, filename).map(|code| (Arc::new(code), Vec::new())),
    };
    match outcome {
        Ok(result) => result,
        Err(_) => Err(Box::new(SyntaxError {
            filename: filename.to_owned(),
            line: 0,
            column: 0,
            end_column: None,
            text: None,
            kind: "RecursionError".into(),
            message: "maximum recursion depth exceeded during compilation".into(),
        })),
    }
}

fn compile_here(source: &str, filename: &str) -> Result<CodeObject, Box<SyntaxError>> {
    let opts = CompileOpts {
        // Deep enough for real programs, shallow enough that our big stack always holds it.
        recursion_limit: 10_000,
        ..CompileOpts::default()
    };
    match rustpython_compiler::compile(source, Mode::Exec, filename, opts) {
        Ok(code) => {
            let mut converted = convert(&code);
            rename_annotate(&mut converted, None);
            Ok(converted)
        }
        Err(error) => Err(Box::new(syntax_error(source, filename, &error))),
    }
}

fn syntax_error(
    source: &str,
    filename: &str,
    error: &rustpython_compiler::CompileError,
) -> SyntaxError {
    let (line, column) = error.python_location();
    let end = error.python_end_location();
    let end_column = end
        .filter(|(end_line, _)| *end_line == line)
        .map(|(_, c)| c);
    let text = (line > 0)
        .then(|| source.lines().nth(line - 1).map(str::to_owned))
        .flatten();
    let message = match error {
        rustpython_compiler::CompileError::Parse(parse) => {
            cpython_message(&parse.error.to_string())
        }
        rustpython_compiler::CompileError::Codegen(codegen) => codegen.error.to_string(),
    };
    // CPython points no caret at an unexpected indent.
    let column = if message == "unexpected indent" {
        0
    } else {
        column
    };
    let kind = if message.contains("maximum recursion depth") {
        "RecursionError"
    } else if message.starts_with("unexpected indent")
        || message.starts_with("expected an indented block")
        || message.starts_with("unindent does not match")
    {
        "IndentationError"
    } else if message.starts_with("inconsistent use of tabs") {
        "TabError"
    } else {
        "SyntaxError"
    };
    SyntaxError {
        filename: filename.to_owned(),
        line,
        column,
        end_column,
        text,
        kind: kind.to_owned(),
        message,
    }
}

/// The parser's own wording where CPython 3.14 words it differently.
fn cpython_message(message: &str) -> String {
    if message == "Unexpected indentation" {
        return "unexpected indent".into();
    }
    if let Some(rest) = message.strip_prefix("Expected `") {
        // "Expected `:`, found newline" → "expected ':'"
        if let Some((token, _)) = rest.split_once('`')
            && [":", "(", ")", "]", "}", "=", "in"].contains(&token)
        {
            return format!("expected '{token}'");
        }
        return "invalid syntax".into();
    }
    message.to_owned()
}

fn convert(code: &rustpython_compiler::CodeObject) -> CodeObject {
    let cellvars: Vec<String> = code.cellvars.to_vec();
    CodeObject {
        name: code.obj_name.clone(),
        qualname: code.qualname.clone(),
        filename: code.source_path.clone(),
        first_line: code.first_line_number.map_or(0, |l| l.get() as u32),
        code: code.instructions.original_bytes(),
        linetable: code.linetable.to_vec(),
        exceptiontable: code.exceptiontable.to_vec(),
        consts: code.constants.iter().map(convert_constant).collect(),
        names: code.names.to_vec(),
        varnames: code.varnames.to_vec(),
        cellvars,
        freevars: code.freevars.to_vec(),
        argcount: code.arg_count,
        posonlyargcount: code.posonlyarg_count,
        kwonlyargcount: code.kwonlyarg_count,
        stacksize: code.max_stackdepth,
        flags: code.flags.bits(),
    }
}

fn convert_constant(constant: &ConstantData) -> Constant {
    match constant {
        ConstantData::None => Constant::None,
        ConstantData::Ellipsis => Constant::Ellipsis,
        ConstantData::Boolean { value } => Constant::Bool(*value),
        ConstantData::Integer { value } => Constant::Int(
            // The compiler's bigint type is not ours; decimal text is exact.
            value.to_string().parse().unwrap_or_default(),
        ),
        ConstantData::Float { value } => Constant::Float(*value),
        ConstantData::Complex { value } => Constant::Complex {
            real: value.re,
            imag: value.im,
        },
        ConstantData::Str { value } => Constant::Str(value.to_string_lossy().into_owned()),
        ConstantData::Bytes { value } => Constant::Bytes(value.clone()),
        ConstantData::Tuple { elements } => {
            Constant::Tuple(elements.iter().map(convert_constant).collect())
        }
        ConstantData::Frozenset { elements } => {
            Constant::Frozenset(elements.iter().map(convert_constant).collect())
        }
        ConstantData::Slice { elements } => Constant::Slice(Box::new([
            convert_constant(&elements[0]),
            convert_constant(&elements[1]),
            convert_constant(&elements[2]),
        ])),
        ConstantData::Code { code } => Constant::Code(Arc::new(convert(code))),
    }
}

/// CPython names an `__annotate__` function after the scope that encloses the
/// annotated function (`C.__annotate__`); RustPython after the function itself
/// (`C.f.__annotate__`). Rename the CPython way so tracebacks and traces agree.
fn rename_annotate(code: &mut CodeObject, enclosing_qualname: Option<&str>) {
    if code.name == "__annotate__" {
        code.qualname = match enclosing_qualname {
            Some(outer) if !outer.is_empty() => format!("{outer}.__annotate__"),
            _ => "__annotate__".to_owned(),
        };
    }
    // A `<generic parameters of f>` scope is invisible in qualnames: its
    // annotate functions take the prefix of the scope around it.
    let scope_prefix = if code.name == "<module>" {
        None
    } else if code.name.starts_with("<generic parameters of ") {
        enclosing_qualname.map(str::to_owned)
    } else {
        Some(code.qualname.clone())
    };
    for constant in &mut code.consts {
        if let Constant::Code(inner) = constant {
            let inner = Arc::make_mut(inner);
            // The annotate function of `def f` sits in f's enclosing scope's constants,
            // so the enclosing scope's qualname is the prefix CPython uses.
            rename_annotate(inner, scope_prefix.as_deref());
        }
    }
}

/// Where a traceback's carets switch from `~` to `^` inside an expression
/// segment: (line, character) of the left anchor's start and of the right
/// anchor's end, lines counted in the segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchors {
    pub left_line: usize,
    pub left_col: usize,
    pub right_line: usize,
    pub right_col: usize,
}

/// CPython's `traceback._extract_caret_anchors_from_line_segment`: the
/// operator of a binary operation, the brackets of a subscript, the
/// parenthesised arguments of a call, in a possibly multi-line segment.
pub fn caret_anchors(segment: &str) -> Option<Anchors> {
    use ruff_text_size::Ranged;
    use rustpython_compiler::ast::Expr;
    let wrapped = format!("(\n{segment}\n)");
    let parsed = rustpython_compiler::parser::parse_expression(&wrapped).ok()?;
    let lines: Vec<Vec<char>> = segment.split('\n').map(|l| l.chars().collect()).collect();
    let line_texts: Vec<&str> = segment.split('\n').collect();
    // A byte offset of `wrapped` as (segment line, character column).
    let locate = |byte: usize| -> Option<(usize, usize)> {
        let before = wrapped.get(..byte)?;
        let wrapped_line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = wrapped_line.checked_sub(1)?;
        let text = line_texts.get(line)?;
        Some((line, char_offset(text, byte - line_start)))
    };
    let next_valid = |mut line: usize, mut col: usize| -> Option<(usize, usize)> {
        while line < lines.len() && col >= lines[line].len() {
            col = 0;
            line += 1;
        }
        (line < lines.len()).then_some((line, col))
    };
    let increment_until = |mut line: usize, mut col: usize, stop: &dyn Fn(char) -> bool| {
        loop {
            let c = *lines.get(line)?.get(col)?;
            if c == '\\' || c == '#' {
                (line, col) = next_valid(line + 1, 0)?;
            } else if !stop(c) {
                (line, col) = next_valid(line, col + 1)?;
            } else {
                return Some((line, col));
            }
        }
    };
    let end_of = |expr: &Expr, force_valid: bool| -> Option<(usize, usize)> {
        let (line, col) = locate(expr.range().end().to_usize())?;
        if force_valid {
            next_valid(line, col)
        } else {
            Some((line, col))
        }
    };
    let anchors = |left: (usize, usize), right: (usize, usize)| Anchors {
        left_line: left.0,
        left_col: left.1,
        right_line: right.0,
        right_col: right.1,
    };
    match parsed.expr() {
        Expr::BinOp(binop) => {
            let (line, col) = end_of(&binop.left, true)?;
            let (line, col) = increment_until(line, col, &|c| !c.is_whitespace() && c != ')')?;
            let (right_line, right_start) = locate(binop.right.range().start().to_usize())?;
            let mut right_col = col + 1;
            if right_col < lines[line].len()
                && (right_line > line || right_col < right_start)
                && !lines[line][right_col].is_whitespace()
                && !"\\#".contains(lines[line][right_col])
            {
                right_col += 1;
            }
            Some(anchors((line, col), (line, right_col)))
        }
        Expr::Subscript(subscript) => {
            let (line, col) = end_of(&subscript.value, true)?;
            let left = increment_until(line, col, &|c| c == '[')?;
            Some(anchors(left, end_of(parsed.expr(), false)?))
        }
        Expr::Call(call) => {
            let (line, col) = end_of(&call.func, true)?;
            let left = increment_until(line, col, &|c| c == '(')?;
            Some(anchors(left, end_of(parsed.expr(), false)?))
        }
        _ => None,
    }
}

/// CPython's traceback hides the carets of `return f(...)` and `x = f(...)`
/// when the call spans the whole statement (`StackSummary._should_show_carets`).
/// `lines` are the dedented lines shown; offsets in characters, `start` on
/// the first line and `end` on the last.
pub fn is_whole_line_call(lines: &[&str], start: usize, end: usize) -> bool {
    use ruff_text_size::Ranged;
    use rustpython_compiler::ast::{Expr, Stmt};
    let text = lines.join("\n");
    let Ok(parsed) = rustpython_compiler::parser::parse_module(&text) else {
        return false;
    };
    let Some(statement) = parsed.syntax().body.first() else {
        return false;
    };
    let call = match statement {
        Stmt::Return(ret) => ret
            .value
            .as_deref()
            .filter(|v| matches!(v, Expr::Call(c) if matches!(*c.func, Expr::Name(_)))),
        Stmt::Assign(assign)
            if assign.targets.len() == 1 && matches!(assign.targets[0], Expr::Name(_)) =>
        {
            Some(assign.value.as_ref()).filter(|v| matches!(v, Expr::Call(_)))
        }
        _ => None,
    };
    call.is_some_and(|call| {
        let range = call.range();
        let (start_byte, end_byte) = (range.start().to_usize(), range.end().to_usize());
        let first_line_ends = text.find('\n').unwrap_or(text.len());
        let last_line_starts = text.rfind('\n').map_or(0, |i| i + 1);
        start_byte <= first_line_ends
            && end_byte >= last_line_starts
            && char_offset(&text[..first_line_ends], start_byte) == start
            && char_offset(&text[last_line_starts..], end_byte - last_line_starts) == end
    })
}

/// The character index of a byte offset (clamped to the text).
pub fn char_offset(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_module_to_cpython_bytes() {
        let code = compile("a = 1\n", "t.py").expect("compiles");
        assert_eq!(code.name, "<module>");
        // RESUME 0; LOAD_SMALL_INT 1; STORE_NAME 0; LOAD_CONST None; RETURN_VALUE
        assert_eq!(code.code[0], 128, "RESUME is opcode 128 in 3.14");
        assert_eq!(code.names, vec!["a".to_owned()]);
    }

    #[test]
    fn syntax_error_looks_like_cpythons() {
        let error = compile("x = (1,\ny = 2\n", "bad.py").expect_err("fails");
        let text = error.to_string();
        assert!(text.starts_with("  File \"bad.py\", line "), "{text}");
        assert!(text.contains("SyntaxError: "), "{text}");
    }

    #[test]
    fn very_deep_expression_is_an_error_not_an_abort() {
        let source = format!("x = 1{}\n", "+1".repeat(200_000));
        let error = compile(&source, "deep.py").expect_err("too deep");
        assert!(
            error.to_string().contains("recursion") || error.kind == "RecursionError",
            "{error}"
        );
    }

    #[test]
    fn caret_anchors_follow_cpythons_traceback() {
        let on_line = |left_col, right_col| {
            Some(Anchors {
                left_line: 0,
                left_col,
                right_line: 0,
                right_col,
            })
        };
        assert_eq!(caret_anchors("'a' + 1"), on_line(4, 5));
        assert_eq!(caret_anchors("a // b"), on_line(2, 4));
        assert_eq!(caret_anchors("divide(1, 0)"), on_line(6, 12));
        assert_eq!(caret_anchors("t[3]"), on_line(1, 4));
        assert_eq!(caret_anchors("undefined_name"), None);
        assert_eq!(
            caret_anchors("(1 +\n     None)"),
            Some(Anchors {
                left_line: 0,
                left_col: 3,
                right_line: 0,
                right_col: 4
            })
        );
        assert!(is_whole_line_call(&["x = f(1)"], 4, 8));
        assert!(!is_whole_line_call(&["print(f(1))"], 6, 10));
    }
}
