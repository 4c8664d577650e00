//! The `SyntaxWarning`s CPython 3.14 prints while it compiles a program,
//! before any of it runs: invalid escape sequences in string literals (the
//! tokenizer's, first), `return`/`break`/`continue` leaving a `finally`
//! block (PEP 765, the AST pass's), then the code generator's: `is` with a
//! literal, an assertion on a tuple, and the "perhaps you missed a comma?"
//! checks of calls and subscripts of literals. Each is printed as
//! `warnings.showwarning` prints it: `file:line: SyntaxWarning: message`
//! and the stripped source line.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, Number, Stmt};
use ruff_text_size::Ranged;

/// One warning: the line it names and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: usize,
    pub message: String,
}

/// The warnings compiling `source` prints, in CPython's order (none when
/// it does not parse: the syntax error is reported instead).
pub fn syntax_warnings(source: &str) -> Vec<SyntaxWarning> {
    let Ok(parsed) = rustpython_compiler::parser::parse_module(source) else {
        return Vec::new();
    };
    let body = &parsed.syntax().body;
    let mut escapes = EscapeScan {
        source,
        found: Vec::new(),
    };
    escapes.visit_body(body);
    // The tokenizer reads the source once, front to back.
    escapes.found.sort_by_key(|&(offset, _)| offset);
    let mut warnings: Vec<SyntaxWarning> = escapes
        .found
        .into_iter()
        .map(|(offset, message)| SyntaxWarning {
            line: line_of(source, offset),
            message,
        })
        .collect();
    let mut exits = FinallyExits {
        source,
        in_finally: false,
        loop_in_finally: false,
        found: Vec::new(),
    };
    exits.visit_body(body);
    warnings.append(&mut exits.found);
    let mut checks = CodegenChecks {
        source,
        found: Vec::new(),
    };
    checks.visit_body(body);
    warnings.append(&mut checks.found);
    warnings
}

/// The warnings as CPython prints them on stderr.
pub fn format_warnings(warnings: &[SyntaxWarning], source: &str, filename: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut text = String::new();
    for warning in warnings {
        text.push_str(&format!(
            "{filename}:{}: SyntaxWarning: {}\n",
            warning.line, warning.message
        ));
        if let Some(line) = lines.get(warning.line.wrapping_sub(1)) {
            let line = line.trim();
            if !line.is_empty() {
                text.push_str(&format!("  {line}\n"));
            }
        }
    }
    text
}

fn line_of(source: &str, offset: usize) -> usize {
    source
        .as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Invalid escape sequences: the first of each literal (or of each literal
/// part of an f-string), as the tokenizer decodes them.
struct EscapeScan<'s> {
    source: &'s str,
    found: Vec<(usize, String)>,
}

impl EscapeScan<'_> {
    /// A whole string or bytes literal token at `range`.
    fn literal(&mut self, range: ruff_text_size::TextRange) {
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        let Some(text) = self.source.get(start..end) else {
            return;
        };
        let Some(quote_at) = text.find(['\'', '"']) else {
            return;
        };
        let prefix = &text[..quote_at];
        if prefix.contains(['r', 'R']) {
            return;
        }
        let bytes = prefix.contains(['b', 'B']);
        let quote = &text[quote_at..];
        let quote_len = if quote.starts_with("\"\"\"") || quote.starts_with("'''") {
            3
        } else {
            1
        };
        let body_start = quote_at + quote_len;
        let body_end = text.len().saturating_sub(quote_len).max(body_start);
        self.scan(start + body_start, &text[body_start..body_end], bytes);
    }

    /// The first invalid escape of `body` (at `offset` in the source).
    fn scan(&mut self, offset: usize, body: &str, bytes: bool) {
        let mut chars = body.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c != '\\' {
                continue;
            }
            let Some((_, next)) = chars.next() else {
                return;
            };
            match next {
                // (A backslash before a line end continues the literal; CRLF too.)
                '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {
                }
                'N' | 'u' | 'U' if !bytes => {}
                '0'..='7' => {
                    let mut digits = String::from(next);
                    while digits.len() < 3 {
                        match chars.peek() {
                            Some(&(_, d)) if ('0'..='7').contains(&d) => {
                                digits.push(d);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    if u32::from_str_radix(&digits, 8).unwrap_or(0) > 0o377 {
                        self.found.push((
                            offset + at,
                            format!(
                                "\"\\{digits}\" is an invalid octal escape sequence. Such \
                                 sequences will not work in the future. Did you mean \
                                 \"\\\\{digits}\"? A raw string is also an option."
                            ),
                        ));
                        return;
                    }
                }
                other => {
                    self.found.push((
                        offset + at,
                        format!(
                            "\"\\{other}\" is an invalid escape sequence. Such sequences \
                             will not work in the future. Did you mean \"\\\\{other}\"? A raw \
                             string is also an option."
                        ),
                    ));
                    return;
                }
            }
        }
    }
}

impl<'a> Visitor<'a> for EscapeScan<'_> {
    fn visit_string_literal(&mut self, literal: &'a ast::StringLiteral) {
        self.literal(literal.range());
    }

    fn visit_bytes_literal(&mut self, literal: &'a ast::BytesLiteral) {
        self.literal(literal.range());
    }

    fn visit_f_string(&mut self, f_string: &'a ast::FString) {
        let start = f_string.range().start().to_usize();
        let raw = self
            .source
            .get(start..)
            .and_then(|text| {
                text.find(['\'', '"'])
                    .map(|q| text[..q].contains(['r', 'R']))
            })
            .unwrap_or(true);
        for element in &f_string.elements {
            match element {
                ast::InterpolatedStringElement::Literal(literal) if !raw => {
                    let range = literal.range();
                    let (from, to) = (range.start().to_usize(), range.end().to_usize());
                    if let Some(body) = self.source.get(from..to) {
                        self.scan(from, body, false);
                    }
                }
                ast::InterpolatedStringElement::Literal(_) => {}
                ast::InterpolatedStringElement::Interpolation(_) => {
                    visitor::walk_interpolated_string_element(self, element);
                }
            }
        }
    }
}

/// PEP 765: `return`, or `break`/`continue` not inside a loop of its own,
/// in a `finally` block.
struct FinallyExits<'s> {
    source: &'s str,
    in_finally: bool,
    /// Inside a loop that is itself inside the `finally` block.
    loop_in_finally: bool,
    found: Vec<SyntaxWarning>,
}

impl FinallyExits<'_> {
    fn warn(&mut self, stmt: &Stmt, what: &str) {
        self.found.push(SyntaxWarning {
            line: line_of(self.source, stmt.start().to_usize()),
            message: format!("'{what}' in a 'finally' block"),
        });
    }
}

impl<'a> Visitor<'a> for FinallyExits<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Return(_) if self.in_finally => self.warn(stmt, "return"),
            Stmt::Break(_) if self.in_finally && !self.loop_in_finally => self.warn(stmt, "break"),
            Stmt::Continue(_) if self.in_finally && !self.loop_in_finally => {
                self.warn(stmt, "continue")
            }
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {
                // A new scope: its own returns and loops.
                let saved = (self.in_finally, self.loop_in_finally);
                (self.in_finally, self.loop_in_finally) = (false, false);
                visitor::walk_stmt(self, stmt);
                (self.in_finally, self.loop_in_finally) = saved;
            }
            Stmt::For(_) | Stmt::While(_) => {
                let saved = self.loop_in_finally;
                if self.in_finally {
                    self.loop_in_finally = true;
                }
                visitor::walk_stmt(self, stmt);
                self.loop_in_finally = saved;
            }
            Stmt::Try(try_stmt) => {
                self.visit_body(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    self.visit_except_handler(handler);
                }
                self.visit_body(&try_stmt.orelse);
                let saved = (self.in_finally, self.loop_in_finally);
                (self.in_finally, self.loop_in_finally) = (true, false);
                self.visit_body(&try_stmt.finalbody);
                (self.in_finally, self.loop_in_finally) = saved;
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, _expr: &'a Expr) {
        // (No statements inside expressions; lambdas cannot return.)
    }
}

/// The code generator's checks, in the order it compiles the program.
struct CodegenChecks<'s> {
    source: &'s str,
    found: Vec<SyntaxWarning>,
}

impl CodegenChecks<'_> {
    fn warn(&mut self, node: &impl Ranged, message: String) {
        self.found.push(SyntaxWarning {
            line: line_of(self.source, node.start().to_usize()),
            message,
        });
    }

    /// `codegen_check_compare`: the first `is`/`is not` with a literal operand.
    fn check_compare(&mut self, compare: &ast::ExprCompare) {
        let mut left_expr: &Expr = &compare.left;
        let mut left = !is_literal(left_expr);
        for (op, right_expr) in compare.ops.iter().zip(compare.comparators.iter()) {
            let right = !is_literal(right_expr);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right || !left) {
                let literal = if !left { left_expr } else { right_expr };
                let type_name = infer_type(literal).unwrap_or("object");
                let message = if matches!(op, CmpOp::Is) {
                    format!("\"is\" with '{type_name}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{type_name}' literal. Did you mean \"!=\"?")
                };
                self.warn(compare, message);
                return;
            }
            left = right;
            left_expr = right_expr;
        }
    }

    /// `check_caller`: calling a literal.
    fn check_caller(&mut self, func: &Expr) {
        let literal = matches!(
            func,
            Expr::NumberLiteral(_)
                | Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::Generator(_)
                | Expr::FString(_)
                | Expr::TString(_)
        );
        if let (true, Some(type_name)) = (literal, infer_type(func)) {
            self.warn(
                func,
                format!("'{type_name}' object is not callable; perhaps you missed a comma?"),
            );
        }
    }

    /// `check_subscripter` and `check_index`: subscripting a literal that
    /// cannot be, or indexing a sequence literal with a literal that is not
    /// an int.
    fn check_subscript(&mut self, subscript: &ast::ExprSubscript) {
        let value: &Expr = &subscript.value;
        let not_subscriptable = matches!(
            value,
            Expr::NumberLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::Generator(_)
                | Expr::Lambda(_)
        );
        if not_subscriptable && let Some(type_name) = infer_type(value) {
            self.warn(
                value,
                format!("'{type_name}' object is not subscriptable; perhaps you missed a comma?"),
            );
            return;
        }
        let Some(index_type) = infer_type(&subscript.slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = matches!(
            value,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::FString(_)
        );
        if let (true, Some(type_name)) = (sequence, infer_type(value)) {
            self.warn(
                value,
                format!(
                    "{type_name} indices must be integers or slices, not {index_type}; \
                     perhaps you missed a comma?"
                ),
            );
        }
    }

    fn visit_comprehension_in_order(
        &mut self,
        generators: &[ast::Comprehension],
        elements: &[&Expr],
    ) {
        // The loops first (the first iterable is evaluated outside), then
        // the element, as the inlined comprehension runs them.
        for generator in generators {
            self.visit_expr(&generator.iter);
            self.visit_expr(&generator.target);
            for condition in &generator.ifs {
                self.visit_expr(condition);
            }
        }
        for element in elements {
            self.visit_expr(element);
        }
    }
}

impl<'a> Visitor<'a> for CodegenChecks<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Assert(assert) => {
                if let Expr::Tuple(tuple) = &*assert.test
                    && !tuple.elts.is_empty()
                {
                    self.warn(
                        stmt,
                        "assertion is always true, perhaps remove parentheses?".to_owned(),
                    );
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Try(try_stmt) => {
                self.visit_body(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    self.visit_except_handler(handler);
                }
                self.visit_body(&try_stmt.orelse);
                // The `finally` block is compiled twice: for leaving the
                // `try` normally and for leaving it by an exception.
                self.visit_body(&try_stmt.finalbody);
                self.visit_body(&try_stmt.finalbody);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Compare(compare) => {
                self.check_compare(compare);
                visitor::walk_expr(self, expr);
            }
            Expr::Call(call) => {
                self.check_caller(&call.func);
                visitor::walk_expr(self, expr);
            }
            Expr::Subscript(subscript) => {
                if subscript.ctx == ExprContext::Load {
                    self.check_subscript(subscript);
                }
                visitor::walk_expr(self, expr);
            }
            Expr::ListComp(comp) => {
                self.visit_comprehension_in_order(&comp.generators, &[&comp.elt])
            }
            Expr::SetComp(comp) => {
                self.visit_comprehension_in_order(&comp.generators, &[&comp.elt])
            }
            Expr::Generator(comp) => {
                self.visit_comprehension_in_order(&comp.generators, &[&comp.elt])
            }
            Expr::DictComp(comp) => {
                let mut elements: Vec<&Expr> = comp.key.as_deref().into_iter().collect();
                elements.push(&comp.value);
                self.visit_comprehension_in_order(&comp.generators, &elements)
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// A constant other than None, True, False and `...`, or a tuple of
/// constants (`check_is_arg` is false for it).
fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Tuple(tuple) => tuple.elts.iter().all(is_constant),
        Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_) => false,
        other => is_constant(other),
    }
}

/// A `Constant` node of CPython's AST.
fn is_constant(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// `infer_type`: the type a literal expression makes, if it is one.
fn infer_type(expr: &Expr) -> Option<&'static str> {
    Some(match expr {
        Expr::NumberLiteral(number) => match number.value {
            Number::Int(_) => "int",
            Number::Float(_) => "float",
            Number::Complex { .. } => "complex",
        },
        Expr::StringLiteral(_) | Expr::FString(_) => "str",
        Expr::BytesLiteral(_) => "bytes",
        Expr::BooleanLiteral(_) => "bool",
        Expr::NoneLiteral(_) => "NoneType",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::TString(_) => "string.templatelib.Template",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<(usize, String)> {
        syntax_warnings(source)
            .into_iter()
            .map(|w| (w.line, w.message))
            .collect()
    }

    #[test]
    fn an_invalid_escape_is_reported_once_per_literal() {
        let found = messages("a = \"\\d \\q\"\nb = r\"\\d\"\nc = b\"\\N\"\n");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 1);
        assert!(
            found[0]
                .1
                .starts_with("\"\\d\" is an invalid escape sequence.")
        );
        assert_eq!(found[1].0, 3, "\\N is valid in str, not in bytes");
    }

    #[test]
    fn is_with_a_literal_but_not_with_a_singleton() {
        let found = messages("x = 1\nprint(x is 1, x is None, x is -1, x is not ())\n");
        let texts: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            texts,
            [
                "\"is\" with 'int' literal. Did you mean \"==\"?",
                "\"is not\" with 'tuple' literal. Did you mean \"!=\"?",
            ]
        );
    }

    #[test]
    fn a_missed_comma_in_a_matrix() {
        let found = messages("m = [[1, 2] [3, 4]]\n");
        assert_eq!(
            found,
            [(
                1,
                "list indices must be integers or slices, not tuple; perhaps you missed a comma?"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn a_continued_line_is_no_escape_even_with_crlf() {
        // (The one warning, of the third line, shows the source parsed.)
        let found = messages("s = \"a\\\r\nb\"\nt = \"c\\\nd\"\nu = \"\\d\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("\"\\d\""), "{found:?}");
    }

    #[test]
    fn nothing_for_a_program_that_does_not_parse() {
        assert!(messages("x is 1 +\n").is_empty());
    }

    #[test]
    fn formatted_as_showwarning_prints_them() {
        let source = "if x is 1:\n    pass\n";
        let text = format_warnings(&syntax_warnings(source), source, "p.py");
        assert_eq!(
            text,
            "p.py:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?\n  if x is 1:\n"
        );
    }
}
