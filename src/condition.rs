//! Conditions of breakpoints (`:b 12 if n > 3`): a small expression language
//! read by hand and evaluated against the program's names, without running
//! any bytecode, so checking a condition never changes the recorded history
//! (no step, no allocation, no count change).
//!
//! It knows names (the frame's locals, then globals), ints, strings, `True`,
//! `False`, `None`, `+ - * // %`, comparisons (`< <= > >= == !=`, `is`,
//! `is not`), `not`, `and`, `or` and parentheses: enough to say "when n is
//! greater than 3" about the values bytestep runs.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

use crate::vm::Vm;
use crate::vm::heap::{ObjId, Value};

/// A parsed condition, with the text it was written as.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub text: String,
    expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Name(String),
    Int(BigInt),
    Str(String),
    Bool(bool),
    None,
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(Box<Expr>, Op, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    Is,
    IsNot,
    And,
    Or,
}

/// A value a condition computes with.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Int(BigInt),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
    /// Any other object: only `is`, `==` by identity and truth apply.
    Object(ObjId),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Int(BigInt),
    Str(String),
    Op(&'static str),
    Open,
    Close,
}

impl Condition {
    /// Parse `n > 3 and s != 'x'`; the error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Condition, String> {
        let tokens = tokenize(text)?;
        let mut parser = Parser { tokens, at: 0 };
        let expr = parser.or()?;
        if parser.at < parser.tokens.len() {
            return Err(format!(
                "unexpected {:?} in condition {text:?}",
                parser.tokens[parser.at]
            ));
        }
        Ok(Condition {
            text: text.trim().to_owned(),
            expr,
        })
    }

    /// Evaluate in the innermost frame of `vm`: `Ok(true)` to stop.
    pub fn holds(&self, vm: &Vm) -> Result<bool, String> {
        let value = eval(&self.expr, vm)?;
        Ok(truthy(&value))
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '_') {
                i += 1;
            }
            let digits: String = chars[start..i].iter().filter(|&&c| c != '_').collect();
            let value = digits
                .parse::<BigInt>()
                .map_err(|_| format!("bad number {digits:?}"))?;
            tokens.push(Token::Int(value));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Name(chars[start..i].iter().collect()));
        } else if c == '\'' || c == '"' {
            let start = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += 1;
            }
            if i >= chars.len() {
                return Err("unclosed string in condition".into());
            }
            tokens.push(Token::Str(chars[start..i].iter().collect()));
            i += 1;
        } else if c == '(' || c == ')' {
            tokens.push(if c == '(' { Token::Open } else { Token::Close });
            i += 1;
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let op = ["<=", ">=", "==", "!=", "//"]
                .into_iter()
                .find(|op| *op == two)
                .or_else(|| {
                    ["<", ">", "+", "-", "*", "%"]
                        .into_iter()
                        .find(|op| op.starts_with(c))
                })
                .ok_or_else(|| format!("unexpected {c:?} in condition"))?;
            i += op.len();
            tokens.push(Token::Op(op));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Name(n)) if n == word)
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.word("or") {
            self.at += 1;
            left = Expr::Binary(Box::new(left), Op::Or, Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.not()?;
        while self.word("and") {
            self.at += 1;
            left = Expr::Binary(Box::new(left), Op::And, Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, String> {
        if self.word("not") {
            self.at += 1;
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, String> {
        let left = self.sum()?;
        let op = match self.peek() {
            Some(Token::Op("<")) => Op::Lt,
            Some(Token::Op("<=")) => Op::Le,
            Some(Token::Op(">")) => Op::Gt,
            Some(Token::Op(">=")) => Op::Ge,
            Some(Token::Op("==")) => Op::Eq,
            Some(Token::Op("!=")) => Op::Ne,
            Some(Token::Name(n)) if n == "is" => Op::Is,
            _ => return Ok(left),
        };
        self.at += 1;
        let op = if op == Op::Is && self.word("not") {
            self.at += 1;
            Op::IsNot
        } else {
            op
        };
        let right = self.sum()?;
        Ok(Expr::Binary(Box::new(left), op, Box::new(right)))
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op("+")) => Op::Add,
                Some(Token::Op("-")) => Op::Sub,
                _ => return Ok(left),
            };
            self.at += 1;
            left = Expr::Binary(Box::new(left), op, Box::new(self.product()?));
        }
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op("*")) => Op::Mul,
                Some(Token::Op("//")) => Op::FloorDiv,
                Some(Token::Op("%")) => Op::Mod,
                _ => return Ok(left),
            };
            self.at += 1;
            left = Expr::Binary(Box::new(left), op, Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if matches!(self.peek(), Some(Token::Op("-"))) {
            self.at += 1;
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, String> {
        let token = self.peek().cloned().ok_or("the condition ends too early")?;
        self.at += 1;
        Ok(match token {
            Token::Int(value) => Expr::Int(value),
            Token::Str(text) => Expr::Str(text),
            Token::Name(name) => match name.as_str() {
                "True" => Expr::Bool(true),
                "False" => Expr::Bool(false),
                "None" => Expr::None,
                _ => Expr::Name(name),
            },
            Token::Open => {
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err("missing ')' in condition".into());
                }
                self.at += 1;
                inner
            }
            other => return Err(format!("unexpected {other:?} in condition")),
        })
    }
}

/// The object a name refers to in the innermost frame: a local, else a global.
fn lookup(vm: &Vm, name: &str) -> Option<ObjId> {
    if let Some(frame) = vm.frames().last()
        && vm.frames().len() > 1
    {
        let found = vm
            .local_names(frame)
            .into_iter()
            .zip(&frame.locals)
            .find(|(n, _)| n == name)
            .and_then(|(_, slot)| slot.obj);
        if found.is_some() {
            return found;
        }
    }
    vm.globals()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, id)| id)
}

fn value_of(vm: &Vm, id: ObjId) -> Val {
    match vm.heap.value(id) {
        Value::Int(i) => Val::Int(BigInt::from(*i)),
        Value::BigInt(i) => Val::Int((**i).clone()),
        Value::Float(f) => Val::Float(*f),
        Value::Str(s) => Val::Str(s.to_string()),
        Value::Bool(b) => Val::Bool(*b),
        Value::None => Val::None,
        _ => Val::Object(id),
    }
}

fn truthy(value: &Val) -> bool {
    match value {
        Val::Int(i) => !i.is_zero(),
        Val::Float(f) => *f != 0.0,
        Val::Str(s) => !s.is_empty(),
        Val::Bool(b) => *b,
        Val::None => false,
        Val::Object(_) => true,
    }
}

fn eval(expr: &Expr, vm: &Vm) -> Result<Val, String> {
    Ok(match expr {
        Expr::Name(name) => {
            let id = lookup(vm, name).ok_or_else(|| format!("name '{name}' is not defined"))?;
            value_of(vm, id)
        }
        Expr::Int(i) => Val::Int(i.clone()),
        Expr::Str(s) => Val::Str(s.clone()),
        Expr::Bool(b) => Val::Bool(*b),
        Expr::None => Val::None,
        Expr::Not(inner) => Val::Bool(!truthy(&eval(inner, vm)?)),
        Expr::Neg(inner) => match eval(inner, vm)? {
            Val::Int(i) => Val::Int(-i),
            Val::Float(f) => Val::Float(-f),
            Val::Bool(b) => Val::Int(-BigInt::from(u8::from(b))),
            _ => return Err("bad operand for unary -".into()),
        },
        Expr::Binary(left, Op::And, right) => {
            let left = eval(left, vm)?;
            if truthy(&left) {
                eval(right, vm)?
            } else {
                left
            }
        }
        Expr::Binary(left, Op::Or, right) => {
            let left = eval(left, vm)?;
            if truthy(&left) {
                left
            } else {
                eval(right, vm)?
            }
        }
        Expr::Binary(left, op, right) => binary(eval(left, vm)?, *op, eval(right, vm)?)?,
    })
}

/// Bools count as ints, as in Python.
fn as_number(value: &Val) -> Option<Val> {
    match value {
        Val::Bool(b) => Some(Val::Int(BigInt::from(u8::from(*b)))),
        Val::Int(_) | Val::Float(_) => Some(value.clone()),
        _ => None,
    }
}

fn as_float(value: &Val) -> Option<f64> {
    match value {
        Val::Int(i) => i.to_string().parse().ok(),
        Val::Float(f) => Some(*f),
        _ => None,
    }
}

fn binary(left: Val, op: Op, right: Val) -> Result<Val, String> {
    use std::cmp::Ordering;
    if matches!(op, Op::Is | Op::IsNot) {
        let same = match (&left, &right) {
            (Val::Object(a), Val::Object(b)) => a == b,
            (Val::None, Val::None) => true,
            (Val::Bool(a), Val::Bool(b)) => a == b,
            _ => false,
        };
        return Ok(Val::Bool(same == (op == Op::Is)));
    }
    let numbers = (as_number(&left), as_number(&right));
    let ordering = match (&numbers, &left, &right) {
        ((Some(Val::Int(a)), Some(Val::Int(b))), _, _) => Some(a.cmp(b)),
        ((Some(a), Some(b)), _, _) => as_float(a)
            .zip(as_float(b))
            .and_then(|(a, b)| a.partial_cmp(&b)),
        (_, Val::Str(a), Val::Str(b)) => Some(a.cmp(b)),
        _ => None,
    };
    let compare = |wanted: &dyn Fn(Ordering) -> bool| -> Result<Val, String> {
        ordering
            .map(|o| Val::Bool(wanted(o)))
            .ok_or_else(|| "these values cannot be ordered".to_owned())
    };
    match op {
        Op::Lt => return compare(&|o| o == Ordering::Less),
        Op::Le => return compare(&|o| o != Ordering::Greater),
        Op::Gt => return compare(&|o| o == Ordering::Greater),
        Op::Ge => return compare(&|o| o != Ordering::Less),
        Op::Eq | Op::Ne => {
            let equal = match ordering {
                Some(o) => o == Ordering::Equal,
                None => left == right,
            };
            return Ok(Val::Bool(equal == (op == Op::Eq)));
        }
        _ => {}
    }
    match numbers {
        (Some(Val::Int(a)), Some(Val::Int(b))) => Ok(Val::Int(match op {
            Op::Add => a + b,
            Op::Sub => a - b,
            Op::Mul => a * b,
            Op::FloorDiv | Op::Mod if b.is_zero() => {
                return Err("division by zero in condition".into());
            }
            Op::FloorDiv => a.div_floor(&b),
            Op::Mod => a.mod_floor(&b),
            _ => unreachable!("comparisons returned above"),
        })),
        (Some(a), Some(b)) => {
            let (a, b) = (as_float(&a).unwrap_or(0.0), as_float(&b).unwrap_or(0.0));
            Ok(Val::Float(match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::FloorDiv if b != 0.0 => (a / b).floor(),
                Op::Mod if b != 0.0 => a.rem_euclid(b),
                _ => return Err("division by zero in condition".into()),
            }))
        }
        _ => match (left, op, right) {
            (Val::Str(a), Op::Add, Val::Str(b)) => Ok(Val::Str(a + &b)),
            _ => Err("unsupported operand types in condition".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vm_at_end(source: &str) -> Vm {
        let mut vm = Vm::new(source, "t.py").expect("compiles");
        vm.run();
        vm
    }

    #[test]
    fn conditions_read_names_and_compare() {
        let vm = vm_at_end("n = 5\ns = 'hi'\nbig = 10 ** 30\n");
        let holds = |text: &str| Condition::parse(text).and_then(|c| c.holds(&vm));
        assert_eq!(holds("n > 3"), Ok(true));
        assert_eq!(holds("n > 3 and s == 'hi'"), Ok(true));
        assert_eq!(holds("not (n % 2 == 1)"), Ok(false));
        assert_eq!(holds("big // 1000 > n * 1000000"), Ok(true));
        assert_eq!(holds("-7 % 3 == 2 and -7 // 2 == -4"), Ok(true));
        assert_eq!(holds("-n < -4"), Ok(true));
        assert_eq!(holds("s is None"), Ok(false));
        assert!(holds("q > 1").is_err_and(|e| e.contains("'q' is not defined")));
        assert!(Condition::parse("n >").is_err());
        assert!(Condition::parse("n $ 3").is_err());
        assert!(Condition::parse("(n").is_err());
    }

    #[test]
    fn checking_a_condition_changes_nothing() {
        let vm = vm_at_end("n = 5000\n");
        let before = format!(
            "{:?}",
            vm.heap
                .live_objects()
                .map(|(_, o)| o.refs)
                .collect::<Vec<_>>()
        );
        let condition = Condition::parse("n * 2 > 3").expect("parses");
        assert_eq!(condition.holds(&vm), Ok(true));
        let after = format!(
            "{:?}",
            vm.heap
                .live_objects()
                .map(|(_, o)| o.refs)
                .collect::<Vec<_>>()
        );
        assert_eq!(before, after);
        assert_eq!(vm.steps(), vm_at_end("n = 5000\n").steps());
    }
}
