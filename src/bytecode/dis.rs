//! Text identical to CPython 3.14's `dis.dis(code)`, and the lecture's
//! `OPCODE OPNAME ARG ARGVAL` table.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

use super::exceptiontable::{self, ExceptionEntry};
use super::instruction::{Instruction, decode};
use super::linetable;
use super::opcodes::{self, info};
use super::repr::{code_repr, constant_repr};
use crate::compile::{CodeObject, Constant};

/// `dis.dis(code)`: this code object, then each nested one in `co_consts`
/// order (recursively), each after a blank line and a `Disassembly of` title.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &CodeObject, out: &mut String) {
    disassemble(code, out);
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner));
            disassemble_recursive(inner, out);
        }
    }
}

/// `dis.findlinestarts`: byte offsets where `co_lines()` changes line.
fn line_starts(code: &CodeObject) -> Vec<(usize, Option<u32>)> {
    let mut out = Vec::new();
    // `None` is a valid line ("no location"), so the sentinel is outside it.
    let mut last: Option<Option<u32>> = None;
    for (start, _end, line) in linetable::lines(&code.linetable, code.first_line) {
        if last != Some(line) {
            last = Some(line);
            out.push((start, line));
        }
    }
    out
}

/// Everything `dis` resolves about an instruction's argument.
struct Resolved {
    /// `argrepr`, the text in parentheses.
    argrepr: String,
    /// `argval` as the lecture table shows it.
    argval: String,
}

/// Name of fast-local slot `index` (`co._varname_from_oparg`).
fn local_name(code: &CodeObject, index: u32) -> String {
    code.localsplus()
        .nth(index as usize)
        .map_or_else(|| format!("<local {index}>"), str::to_owned)
}

fn name_at(code: &CodeObject, index: u32) -> String {
    code.names
        .get(index as usize)
        .cloned()
        .unwrap_or_else(|| format!("<name {index}>"))
}

fn pick<'a>(table: &[&'a str], index: u32) -> &'a str {
    table.get(index as usize).copied().unwrap_or("")
}

/// `dis.ArgResolver.get_argval_argrepr`, with labels for jump targets.
fn resolve(code: &CodeObject, instr: &Instruction, labels: &[usize]) -> Resolved {
    let Some(arg) = instr.arg else {
        return Resolved {
            argrepr: String::new(),
            argval: "None".into(),
        };
    };
    let base = instr.base_opcode();
    let flags = info(base).flags;
    let plain = |argrepr: String| Resolved {
        argval: arg.to_string(),
        argrepr,
    };
    let same = |text: String| Resolved {
        argval: text.clone(),
        argrepr: text,
    };
    if flags & opcodes::HAS_CONST != 0 {
        let text = code
            .consts
            .get(arg as usize)
            .map_or_else(String::new, constant_repr);
        return same(text);
    }
    if flags & opcodes::HAS_NAME != 0 {
        let (index, suffix) = match base {
            opcodes::LOAD_GLOBAL => (arg >> 1, " + NULL"),
            opcodes::LOAD_ATTR => (arg >> 1, " + NULL|self"),
            opcodes::LOAD_SUPER_ATTR => (arg >> 2, " + NULL|self"),
            _ => (arg, ""),
        };
        let name = name_at(code, index);
        let argrepr = if arg & 1 != 0 && !suffix.is_empty() {
            format!("{name}{suffix}")
        } else {
            name.clone()
        };
        return Resolved {
            argrepr,
            argval: name,
        };
    }
    if flags & opcodes::HAS_JUMP != 0 {
        let Some(target) = instr.jump_target else {
            return plain(String::new());
        };
        let label = labels.binary_search(&target).map_or(0, |i| i + 1);
        let preposition = if base == opcodes::END_ASYNC_FOR {
            "from"
        } else {
            "to"
        };
        return Resolved {
            argrepr: format!("{preposition} L{label}"),
            argval: target.to_string(),
        };
    }
    match base {
        opcodes::LOAD_FAST_LOAD_FAST
        | opcodes::LOAD_FAST_BORROW_LOAD_FAST_BORROW
        | opcodes::STORE_FAST_LOAD_FAST
        | opcodes::STORE_FAST_STORE_FAST => {
            return same(format!(
                "{}, {}",
                local_name(code, arg >> 4),
                local_name(code, arg & 15)
            ));
        }
        _ => {}
    }
    if flags & (opcodes::HAS_LOCAL | opcodes::HAS_FREE) != 0 {
        return same(local_name(code, arg));
    }
    if flags & opcodes::HAS_COMPARE != 0 {
        let op = pick(&opcodes::CMP_OP, arg >> 5).to_owned();
        let argrepr = if arg & 16 != 0 {
            format!("bool({op})")
        } else {
            op.clone()
        };
        return Resolved {
            argrepr,
            argval: op,
        };
    }
    let argrepr = match base {
        opcodes::CONVERT_VALUE => return same(pick(&opcodes::CONVERSIONS, arg).to_owned()),
        opcodes::SET_FUNCTION_ATTRIBUTE => opcodes::FUNCTION_ATTR_FLAGS
            .iter()
            .enumerate()
            .filter(|(bit, _)| arg & (1 << bit) != 0)
            .map(|(_, name)| *name)
            .collect::<Vec<_>>()
            .join(", "),
        opcodes::BINARY_OP => opcodes::NB_OPS
            .get(arg as usize)
            .map_or("", |(_, symbol)| symbol)
            .to_owned(),
        opcodes::CALL_INTRINSIC_1 => pick(&opcodes::INTRINSIC_1, arg).to_owned(),
        opcodes::CALL_INTRINSIC_2 => pick(&opcodes::INTRINSIC_2, arg).to_owned(),
        opcodes::LOAD_COMMON_CONSTANT => pick(&opcodes::COMMON_CONSTANTS, arg).to_owned(),
        opcodes::LOAD_SPECIAL => pick(&opcodes::SPECIAL_METHODS, arg).to_owned(),
        opcodes::IS_OP => if arg != 0 { "is not" } else { "is" }.to_owned(),
        opcodes::CONTAINS_OP => if arg != 0 { "not in" } else { "in" }.to_owned(),
        _ => String::new(),
    };
    plain(argrepr)
}

/// Sorted byte offsets of a code object that `dis` labels `L1:`, `L2:`…;
/// the bytecode pane writes the same labels.
pub fn label_offsets(code: &CodeObject) -> Vec<usize> {
    labels(&decode(code), &exceptiontable::parse(&code.exceptiontable))
}

/// Sorted byte offsets that get an `L<n>:` label (`dis._make_labels_map`).
fn labels(instructions: &[Instruction], entries: &[ExceptionEntry]) -> Vec<usize> {
    let mut set: BTreeSet<usize> = instructions
        .iter()
        .filter(|i| info(i.base_opcode()).flags & opcodes::HAS_JUMP != 0)
        .filter_map(|i| i.jump_target)
        .collect();
    for entry in entries {
        set.extend([entry.start, entry.end, entry.target]);
    }
    set.into_iter().collect()
}

/// `dis._get_lineno_width`.
fn lineno_width(starts: &[(usize, Option<u32>)]) -> usize {
    // `max(filter(None, ...))`: line 0 counts as no line, like in dis.
    let Some(max) = starts
        .iter()
        .filter_map(|(_, line)| *line)
        .filter(|&line| line != 0)
        .max()
    else {
        return 0;
    };
    let width = max.to_string().len().max(3);
    if width < NO_LINENO.len() && starts.iter().any(|(_, line)| line.is_none()) {
        NO_LINENO.len()
    } else {
        width
    }
}

const NO_LINENO: &str = "  --";
const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// `dis.disassemble(code)` for one code object.
fn disassemble(code: &CodeObject, out: &mut String) {
    let instructions = decode(code);
    let starts = line_starts(code);
    let entries = exceptiontable::parse(&code.exceptiontable);
    let lineno_width = lineno_width(&starts);
    let labels = labels(&instructions, &entries);
    let label_width = 4 + labels.len().to_string().len();
    let label_of = |offset: usize| labels.binary_search(&offset).ok().map(|i| i + 1);
    for instr in &instructions {
        // Line starts are in offset order: a binary search, not a scan per
        // instruction (which made `dis` quadratic on long programs).
        let start = starts
            .binary_search_by_key(&instr.offset, |(offset, _)| *offset)
            .ok()
            .map(|i| starts[i].1);
        if lineno_width > 0 && start.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            fields.push(match start {
                Some(Some(line)) => format!("{line:>lineno_width$}"),
                Some(None) => format!("{NO_LINENO:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push(match label_of(instr.offset) {
            Some(label) => format!("{:>label_width$}", format!("L{label}:")),
            None => " ".repeat(label_width),
        });
        fields.push("   ".into());
        fields.push(format!("{:<OPNAME_WIDTH$}", instr.opname));
        if let Some(arg) = instr.arg {
            let excess = instr.opname.len().saturating_sub(OPNAME_WIDTH);
            let width = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{arg:>width$}"));
            let resolved = resolve(code, instr, &labels);
            if !resolved.argrepr.is_empty() {
                fields.push(format!("({})", resolved.argrepr));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &entries {
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{}",
                label_of(entry.start).unwrap_or(0),
                label_of(entry.end).unwrap_or(0),
                label_of(entry.target).unwrap_or(0),
                entry.depth,
                if entry.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// The lecture's table for every code object (module first, then each
/// nested one depth first): a `co_qualname` heading, then
/// `OPCODE OPNAME ARG ARGVAL` rows with EXTENDED_ARG folded and no CACHE.
pub fn dis_table(code: &CodeObject) -> String {
    let all = Arc::new(code.clone()).walk();
    all.iter()
        .map(|code| table_for(code))
        .collect::<Vec<_>>()
        .join("\n")
}

fn table_for(code: &CodeObject) -> String {
    let instructions = decode(code);
    let entries = exceptiontable::parse(&code.exceptiontable);
    let labels = labels(&instructions, &entries);
    let mut rows: Vec<[String; 4]> = vec![["OPCODE", "OPNAME", "ARG", "ARGVAL"].map(String::from)];
    for instr in instructions.iter().filter(|i| !i.is_extended_arg) {
        let resolved = resolve(code, instr, &labels);
        rows.push([
            instr.opcode.to_string(),
            instr.opname.to_owned(),
            instr
                .arg
                .map_or_else(|| "None".to_owned(), |a| a.to_string()),
            resolved.argval,
        ]);
    }
    let mut widths = [0usize; 4];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = format!("{}\n", code.qualname);
    for row in &rows {
        let mut line = String::new();
        for (column, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if column + 1 < row.len() {
                let pad = widths[column] - cell.chars().count() + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;

    #[test]
    fn module_dis_matches_cpython_layout() {
        let code = compile("a = 1\nprint('hi')\n", "t.py").expect("compiles");
        let text = dis(&code);
        let expected = "  0           RESUME                   0

  1           LOAD_SMALL_INT           1
              STORE_NAME               0 (a)

  2           LOAD_NAME                1 (print)
              PUSH_NULL
              LOAD_CONST               1 ('hi')
              CALL                     1
              POP_TOP
              LOAD_CONST               2 (None)
              RETURN_VALUE
";
        assert_eq!(text, expected);
    }

    #[test]
    fn table_has_heading_and_aligned_columns() {
        let code = compile("def assign():\n    a = 1\n", "t.py").expect("compiles");
        let table = dis_table(&code);
        assert!(table.starts_with("<module>\nOPCODE  OPNAME"), "{table}");
        assert!(table.contains("\n\nassign\n"), "{table}");
        assert!(
            table.contains("128     RESUME          0     0\n"),
            "{table}"
        );
        assert!(table.contains("STORE_FAST      0     a\n"), "{table}");
        assert!(table.contains("RETURN_VALUE    None  None\n"), "{table}");
    }
}
