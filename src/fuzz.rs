//! The fuzzing harness's generator and checker (`examples/fuzz.rs` drives
//! them for minutes; `tests/fuzz_corpus.rs` replays the saved corpus).
//!
//! Programs come from a small grammar of the Python bytestep runs plus what
//! it refuses (hostile builtins, imports, `try`, classes, huge repetitions,
//! deep nesting), or from mutating the conformance programs. Each program
//! is run by `run`'s path with a step and memory limit, disassembled, and
//! opened in the debugger where a random key sequence is played and a frame
//! of random size drawn. [`check`] says whether anything broke a guarantee:
//! a panic, objects over the memory limit, a command over its step limit.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::app::{self, App};
use crate::commands::{self, Limits, Program};
use crate::session::Session;
use crate::ui::theme::Theme;

/// The memory limit a fuzzed program runs with.
pub const FUZZ_MAX_MEMORY: u64 = 64 << 20;
/// Instructions a fuzzed `run` may execute.
pub const FUZZ_MAX_STEPS: u64 = 200_000;

/// A small, seedable generator (xorshift64*): the same seed, the same cases.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const NAMES: &[&str] = &["a", "b", "c", "s", "t", "n", "x"];
const BINARY: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
];
const COMPARE: &[&str] = &[
    "<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in",
];
const ATOMS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "7",
    "255",
    "256",
    "-5",
    "-6",
    "10**20",
    "2**62",
    "-2**63",
    "2**64",
    "10**100",
    "0.5",
    "-0.0",
    "1e308",
    "1e400",
    "3.14",
    "True",
    "False",
    "None",
    "''",
    "'a'",
    "'hello'",
    "'héllo'",
    "'\\x1b[31mred'",
    "'\\n'",
    "'ab'",
    "()",
    "(1,)",
    "(1, 2)",
    "('x', 2)",
    "...",
];
const CALLS: &[&str] = &[
    "len",
    "str",
    "repr",
    "int",
    "abs",
    "type",
    "id",
    "bool",
    "range",
    "tuple",
    "iter",
    "min",
    "max",
    "print",
    "f",
    "g",
    "sys.getsizeof",
    "sys.getrefcount",
    "float",
];
/// What a debugged program must never be able to do: each is refused.
const HOSTILE: &[&str] = &[
    "open('fuzz_out.txt', 'w')",
    "eval('1')",
    "exec('x = 1')",
    "__import__('os')",
    "compile('1', 'f', 'eval')",
    "globals()",
    "locals()",
    "getattr(1, 'real')",
    "().__class__",
    "''.__class__.__subclasses__()",
    "__builtins__",
    "sys.modules",
    "sys._getframe()",
    "f.__code__",
    "input()",
    "exit()",
    "[1, 2]",
    "{1: 2}",
    "{1, 2}",
    "lambda: 1",
    "[i for i in range(3)]",
    "b'bytes'",
    "b'ab' * 2**62",
    "bytes(10**12)",
    "bytearray(2**62)",
    "bytearray(b'ab') * 10**12",
    "b'x'.center(2**62)",
    "(b'a' * 10**6).replace(b'a', b'xy' * 1000)",
    "1j",
    "'a' * 10**10",
    "(0,) * 10**12",
    "'ab' * 2**62",
    "'a' * 2**62",
    "2 ** 10 ** 7",
    "10 ** 10 ** 6",
    "2 ** (2 ** 31)",
    "int('9' * 5000)",
    "(-2**63) % -1",
    "0 ** -1",
    "(-1) ** 0.5",
    "1 << 10 ** 10",
    "'x' * 10 ** 7",
];

/// A random program of the grammar, `lines` statements or so.
pub fn generate(rng: &mut Rng, statements: usize) -> String {
    let mut out = String::new();
    if rng.chance(50) {
        out.push_str("import sys\n");
    }
    if rng.chance(60) {
        out.push_str("def f(a):\n    return a\n");
    }
    if rng.chance(40) {
        out.push_str(
            "def g(a, b):\n    if a:\n        return g(a - 1, b) if a < 50 else b\n    return b\n",
        );
    }
    for name in NAMES {
        if rng.chance(70) {
            let value = expr(rng, 1);
            out.push_str(&format!("{name} = {value}\n"));
        }
    }
    for _ in 0..statements {
        statement(rng, 0, &mut out, false);
    }
    out
}

fn indent(depth: usize) -> String {
    "    ".repeat(depth)
}

fn statement(rng: &mut Rng, depth: usize, out: &mut String, in_loop: bool) {
    let pad = indent(depth);
    let nested = depth < 3;
    match rng.below(if nested { 16 } else { 8 }) {
        0 | 1 => {
            let name = rng.pick(NAMES);
            out.push_str(&format!("{pad}{name} = {}\n", expr(rng, 0)));
        }
        2 => out.push_str(&format!("{pad}print({})\n", expr(rng, 0))),
        3 => {
            let name = rng.pick(NAMES);
            let op = rng.pick(&["+=", "-=", "*=", "//=", "%=", "**=", "<<="]);
            out.push_str(&format!("{pad}{name} {op} {}\n", expr(rng, 1)));
        }
        // Hostile lines end a program at once: only now and then.
        4 if rng.chance(30) => out.push_str(&format!("{pad}{}\n", rng.pick(HOSTILE))),
        4 => out.push_str(&format!("{pad}print({}, {})\n", expr(rng, 1), expr(rng, 1))),
        5 if in_loop => out.push_str(&format!("{pad}{}\n", rng.pick(&["break", "continue"]))),
        5 => out.push_str(&format!("{pad}t = (t, t)\n")),
        6 => out.push_str(&format!("{pad}del {}\n", rng.pick(NAMES))),
        7 => out.push_str(&format!("{pad}pass\n")),
        8 | 9 => {
            out.push_str(&format!("{pad}if {}:\n", expr(rng, 1)));
            block(rng, depth + 1, out, in_loop);
            if rng.chance(50) {
                out.push_str(&format!("{pad}elif {}:\n", expr(rng, 1)));
                block(rng, depth + 1, out, in_loop);
            }
            if rng.chance(50) {
                out.push_str(&format!("{pad}else:\n"));
                block(rng, depth + 1, out, in_loop);
            }
        }
        10 => {
            let limit = rng.pick(&["3", "10", "1000", "100000"]);
            out.push_str(&format!("{pad}i = 0\n{pad}while i < {limit}:\n"));
            out.push_str(&format!("{}i = i + 1\n", indent(depth + 1)));
            block(rng, depth + 1, out, true);
        }
        11 => {
            let iterable = rng.pick(&[
                "range(5)",
                "range(-3, 10, 2)",
                "'abc'",
                "(1, 'x', 2.5)",
                "t",
                "s",
                "range(10**6)",
            ]);
            out.push_str(&format!("{pad}for {} in {iterable}:\n", rng.pick(NAMES)));
            block(rng, depth + 1, out, true);
        }
        12 => {
            out.push_str(&format!("{pad}def h{}(a, b=1):\n", rng.below(3)));
            block(rng, depth + 1, out, false);
            out.push_str(&format!("{}return {}\n", indent(depth + 1), expr(rng, 1)));
        }
        13 => {
            out.push_str(&format!("{pad}try:\n"));
            block(rng, depth + 1, out, in_loop);
            out.push_str(&format!("{pad}except Exception:\n"));
            block(rng, depth + 1, out, in_loop);
        }
        14 => {
            let body = rng.pick(&[
                "while True:\n    print('x' * 1000)",
                "while True:\n    pass",
                "n = 0\nwhile True:\n    n = n + 1",
                "for i in range(30):\n    t = (t, t)",
                "u = ()\nfor i in range(100000):\n    u = (u,)\nprint(u == u)",
                "import os",
                "class C:\n    pass",
                "with open('x') as h:\n    pass",
                "global x",
                "assert x",
                "raise ValueError('no')",
                "def r(k):\n    return r(k + 1)\nr(0)",
            ]);
            for line in body.lines() {
                out.push_str(&format!("{pad}{line}\n"));
            }
        }
        _ => out.push_str(&format!("{pad}{}\n", expr(rng, 0))),
    }
}

fn block(rng: &mut Rng, depth: usize, out: &mut String, in_loop: bool) {
    for _ in 0..1 + rng.below(3) {
        statement(rng, depth, out, in_loop);
    }
}

fn expr(rng: &mut Rng, depth: usize) -> String {
    let leaf = depth >= 3 || rng.chance(30);
    if leaf {
        return match rng.below(3) {
            0 => rng.pick(NAMES).to_owned(),
            _ => rng.pick(ATOMS).to_owned(),
        };
    }
    let d = depth + 1;
    match rng.below(10) {
        0 | 1 => format!("{} {} {}", expr(rng, d), rng.pick(BINARY), expr(rng, d)),
        2 => format!("({} {} {})", expr(rng, d), rng.pick(COMPARE), expr(rng, d)),
        3 => format!("{}({})", rng.pick(CALLS), expr(rng, d)),
        4 => format!("({}, {})", expr(rng, d), expr(rng, d)),
        5 => format!("{}[{}]", expr(rng, d), expr(rng, d)),
        6 => format!("f\"{{{}}}-{{{}!r}}\"", expr(rng, d), expr(rng, d)),
        7 => format!(
            "({} if {} else {})",
            expr(rng, d),
            expr(rng, d),
            expr(rng, d)
        ),
        8 => format!("{}{}", rng.pick(&["-", "not ", "~", "+"]), expr(rng, d)),
        _ => format!(
            "({} {} {})",
            expr(rng, d),
            rng.pick(&["and", "or"]),
            expr(rng, d)
        ),
    }
}

/// A mutation of `source`: lines dropped, doubled, swapped or indented,
/// bytes of the grammar spliced in, characters flipped.
pub fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let at = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let line = lines[at].clone();
                lines.insert(at, line);
            }
            2 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            3 => lines[at].insert_str(0, rng.pick(&["    ", "\t", " "])),
            4 => {
                let mut text = String::new();
                statement(rng, 0, &mut text, false);
                let pad: String = lines[at]
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .collect();
                for line in text.lines() {
                    lines.insert(at, format!("{pad}{line}"));
                }
            }
            5 => {
                let mut chars: Vec<char> = lines[at].chars().collect();
                if !chars.is_empty() {
                    let i = rng.below(chars.len());
                    chars[i] = rng
                        .pick(&[
                            "(", ")", ":", "'", "\"", "\\", "0", "9", "\0", "é", "#", " ",
                        ])
                        .chars()
                        .next()
                        .unwrap_or(' ');
                }
                lines[at] = chars.into_iter().collect();
            }
            _ => {
                let atom = expr(rng, 1);
                lines[at].push_str(&format!(" + {atom}"));
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Random keys in `--keys` notation; `q` only as the last one.
pub fn keys(rng: &mut Rng, count: usize) -> String {
    const KEYS: &[&str] = &[
        "i", "s", "n", "f", "c", "t", "b", "g", "G", "I", "S", "N", "F", "C", "j", "k", "u", "d",
        "a", "?", ":", "1", "7", "0", "<CR>", "<Esc>", "<Tab>", "<Up>", "<Down>", "<Left>",
        "<Right>", "<Space>", "x", "<C-c>",
    ];
    let mut out: String = (0..count).map(|_| rng.pick(KEYS)).collect();
    if rng.chance(10) {
        out.push('q');
    }
    out
}

/// What one case did, for the figures.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub steps: u64,
    pub refused_or_raised: bool,
}

/// Run one case through every front end; `Err` names the broken guarantee.
pub fn check(source: &str, keys: &str, width: u16, height: u16) -> Result<Outcome, String> {
    let run = catch_unwind(AssertUnwindSafe(|| {
        check_inner(source, keys, width, height)
    }));
    match run {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "a panic".into());
            Err(format!("panic: {message}"))
        }
    }
}

fn check_inner(source: &str, keys: &str, width: u16, height: u16) -> Result<Outcome, String> {
    let program = Program {
        filename: "fuzz.py".into(),
        source: source.to_owned(),
    };
    let limits = Limits {
        max_steps: Some(FUZZ_MAX_STEPS),
        timeout: None,
        max_memory: FUZZ_MAX_MEMORY,
        exit_after: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = commands::run_with(&program, &limits, &mut out, &mut err)
        .map_err(|e| format!("run failed to write: {e}"))?;
    // 0, 1, the limit's status, or any 8-bit status `sys.exit()` asks for.
    if !(0..=255).contains(&status) {
        return Err(format!("run exited {status}"));
    }
    let mut dis = Vec::new();
    commands::dis(&program, false, &mut dis, &mut Vec::new())
        .map_err(|e| format!("dis failed to write: {e}"))?;
    let Ok(mut session) = Session::with_max_memory(source, "fuzz.py", FUZZ_MAX_MEMORY) else {
        return Ok(Outcome {
            steps: 0,
            refused_or_raised: true,
        });
    };
    session.set_interrupt(None);
    let mut app = App::new(session, Theme::plain());
    // `x` writes figures: keep them out of the working tree.
    app.figure_dir = std::env::temp_dir().join("bytestep-fuzz-figures");
    let _ = std::fs::create_dir_all(&app.figure_dir);
    let keys = app::parse_keys(keys).map_err(|e| format!("bad keys: {e}"))?;
    for key in keys {
        app.press(key);
        let heap = &app.session.vm().heap;
        if heap.in_use() > heap.max_memory() + (1 << 20) {
            return Err(format!(
                "objects take {} bytes, over the limit of {}",
                heap.in_use(),
                heap.max_memory()
            ));
        }
        if app.session.last_stop().steps_taken > crate::session::MAX_STEPS_PER_COMMAND {
            return Err("a command ran past its step limit".into());
        }
        if app.quit {
            break;
        }
    }
    let _ = app::headless::render_text(&app, width.max(1), height.max(1));
    Ok(Outcome {
        steps: app.session.step_number(),
        refused_or_raised: status == 1,
    })
}
