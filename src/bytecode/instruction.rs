//! Decoding `co_code` into instructions, as `dis._unpack_opargs` does, with
//! the line events `sys.settrace` reports (`initialize_lines` in CPython 3.14
//! `Python/instrumentation.c`).

use super::exceptiontable;
use super::linetable::{self, Position};
use super::opcodes::{self, info};
use crate::compile::CodeObject;

/// One instruction of a code object. CACHE units are never instructions;
/// EXTENDED_ARG prefixes are (dis shows them), flagged by `is_extended_arg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset of this code unit.
    pub offset: usize,
    /// Byte offset of the first EXTENDED_ARG prefixing it (else `offset`),
    /// the offset jumps land on. An EXTENDED_ARG's own `start_offset` is its offset.
    pub start_offset: usize,
    /// The opcode as stored (CPython 3.14 numbering).
    pub opcode: u8,
    /// `dis.opname[opcode]`.
    pub opname: &'static str,
    /// The argument with EXTENDED_ARG prefixes folded in; `None` if the
    /// opcode takes none.
    pub arg: Option<u32>,
    /// Inline CACHE units that follow this instruction.
    pub cache_count: usize,
    /// Byte offset this instruction may jump to (`dis`'s `jump_target`).
    pub jump_target: Option<usize>,
    /// Source line (`co_lines()`), `None` for "no location".
    pub line: Option<u32>,
    /// Full source span (`co_positions()`).
    pub position: Position,
    /// Whether `sys.settrace` reports a `line` event before executing this
    /// instruction. For an instruction with EXTENDED_ARG prefixes this also
    /// holds when CPython attaches the event to a prefix, so an interpreter
    /// that skips prefixes still sees it.
    pub is_line_start: bool,
    /// This is an EXTENDED_ARG prefix: an interpreter skips it.
    pub is_extended_arg: bool,
}

impl Instruction {
    /// Byte offset of the next instruction (past the caches).
    pub fn next_offset(&self) -> usize {
        self.offset + 2 + 2 * self.cache_count
    }

    /// The opcode with specialization undone (`_PyOpcode_Deopt`).
    pub fn base_opcode(&self) -> u8 {
        info(self.opcode).deopt
    }
}

/// Decodes every instruction of `code`, EXTENDED_ARG prefixes included.
///
/// A trailing odd byte or caches running past the end are tolerated.
pub fn decode(code: &CodeObject) -> Vec<Instruction> {
    let bytes = &code.code;
    let units = bytes.len() / 2;
    let positions = linetable::positions(&code.linetable, code.first_line, units);
    let line_starts = trace_line_starts(code, &positions);
    let mut out = Vec::new();
    let mut extended: u32 = 0;
    let mut prefix_start: Option<usize> = None;
    let mut prefix_event = false;
    let mut unit = 0;
    while unit < units {
        let offset = unit * 2;
        let opcode = bytes[offset];
        let row = info(opcode);
        let base = row.deopt;
        let cache_count = opcodes::cache_count(base);
        let is_extended_arg = base == opcodes::EXTENDED_ARG;
        let arg = if opcodes::has_arg(base) {
            let value = u32::from(bytes[offset + 1]) | extended;
            extended = if is_extended_arg { value << 8 } else { 0 };
            Some(value)
        } else {
            extended = 0;
            None
        };
        let start_offset = if is_extended_arg {
            offset
        } else {
            prefix_start.unwrap_or(offset)
        };
        let jump_target = match arg {
            Some(arg)
                if row.flags & opcodes::HAS_JUMP != 0
                    || info(base).flags & opcodes::HAS_JUMP != 0 =>
            {
                let after = offset as i64 + 2 + 2 * cache_count as i64;
                let delta = 2 * i64::from(arg);
                let target = if opcodes::is_backward_jump(base) {
                    after - delta
                } else {
                    after + delta
                };
                usize::try_from(target).ok()
            }
            _ => None,
        };
        let own_event = line_starts.get(unit).copied().unwrap_or(false);
        let is_line_start = if is_extended_arg {
            own_event
        } else {
            own_event || prefix_event
        };
        if is_extended_arg {
            prefix_start.get_or_insert(offset);
            prefix_event |= own_event;
        } else {
            prefix_start = None;
            prefix_event = false;
        }
        let position = positions.get(unit).copied().unwrap_or_default();
        out.push(Instruction {
            offset,
            start_offset,
            opcode,
            opname: row.name,
            arg,
            cache_count,
            jump_target,
            line: position.line,
            position,
            is_line_start,
            is_extended_arg,
        });
        unit += 1 + cache_count;
    }
    out
}

/// The instructions an interpreter executes: EXTENDED_ARG prefixes skipped.
pub fn executable(instructions: &[Instruction]) -> impl Iterator<Item = &Instruction> {
    instructions.iter().filter(|i| !i.is_extended_arg)
}

/// Index of the instruction an execution landing on byte `offset` runs:
/// the instruction whose `start_offset..=offset` contains it, prefixes skipped.
pub fn index_at(instructions: &[Instruction], offset: usize) -> Option<usize> {
    instructions
        .iter()
        .position(|i| !i.is_extended_arg && i.start_offset <= offset && offset <= i.offset)
}

/// Whether `sys.settrace` reports a `line` event when `instr` runs right
/// after `previous` in the same frame (`None`: the frame's first instruction).
///
/// The static [`Instruction::is_line_start`] is not enough at run time:
/// CPython (`_Py_call_instrumentation_line`) suppresses the event when the
/// previous instruction had the same line (unless it was RESUME), and
/// `sys.settrace`'s jump hook (`Python/legacy_tracing.c`) adds one for a
/// `JUMP_BACKWARD` that stays on its line, wherever it lands.
pub fn fires_line_event(previous: Option<&Instruction>, instr: &Instruction) -> bool {
    let Some(previous) = previous else {
        return instr.is_line_start;
    };
    // Only JUMP_BACKWARD reports jump events (not the NO_INTERRUPT variant).
    if previous.base_opcode() == opcodes::JUMP_BACKWARD
        && previous.jump_target == Some(instr.start_offset)
        && instr.line.is_some()
        && previous.line == instr.line
    {
        return true;
    }
    instr.is_line_start
        && (previous.line != instr.line || previous.base_opcode() == opcodes::RESUME)
}

/// Per code unit: does `sys.settrace` fire a `line` event there?
/// A port of `initialize_lines` (CPython 3.14 `Python/instrumentation.c`).
fn trace_line_starts(code: &CodeObject, positions: &[Position]) -> Vec<bool> {
    let bytes = &code.code;
    let units = bytes.len() / 2;
    let base = |unit: usize| info(bytes[unit * 2]).deopt;
    // `_co_firsttraceable`: the first RESUME; nothing before it is traced.
    let first_traceable = (0..units)
        .find(|&u| bytes[u * 2] == opcodes::RESUME)
        .unwrap_or(units);
    let line_of = |unit: usize| positions.get(unit).and_then(|p| p.line);
    let mut starts = vec![false; units];
    // Units that begin an instruction and have a line (`line_delta != NO_LINE`).
    let mut has_line = vec![false; units];
    let mut current_line: Option<Option<u32>> = None;
    let mut unit = 0;
    while unit < units {
        let opcode = base(unit);
        let line = line_of(unit);
        has_line[unit] = line.is_some();
        let length = 1 + opcodes::cache_count(opcode);
        if unit >= first_traceable {
            match opcode {
                opcodes::END_ASYNC_FOR
                | opcodes::END_FOR
                | opcodes::END_SEND
                | opcodes::RESUME
                | opcodes::POP_ITER => {}
                _ => {
                    if line.is_some() && current_line != Some(line) {
                        starts[unit] = true;
                    }
                    current_line = Some(line);
                }
            }
        }
        unit += length;
    }
    // Jump targets start a line (a loop's head runs again, a new event).
    let mut unit = first_traceable;
    while unit < units {
        let mut opcode = base(unit);
        let mut oparg: usize = 0;
        while opcode == opcodes::EXTENDED_ARG && unit + 1 < units {
            oparg = (oparg << 8) | usize::from(bytes[unit * 2 + 1]);
            unit += 1;
            opcode = base(unit);
        }
        oparg = (oparg << 8) | usize::from(bytes[unit * 2 + 1]);
        unit += 1 + opcodes::cache_count(opcode);
        let target = match opcode {
            opcodes::POP_JUMP_IF_FALSE
            | opcodes::POP_JUMP_IF_TRUE
            | opcodes::POP_JUMP_IF_NONE
            | opcodes::POP_JUMP_IF_NOT_NONE
            | opcodes::JUMP_FORWARD => unit.checked_add(oparg),
            // Skip over the END_FOR / END_SEND the jump lands before.
            opcodes::FOR_ITER | opcodes::SEND => unit.checked_add(oparg + 1),
            opcodes::JUMP_BACKWARD | opcodes::JUMP_BACKWARD_NO_INTERRUPT => unit.checked_sub(oparg),
            _ => None,
        };
        if let Some(target) = target.filter(|&t| t < units)
            && has_line[target]
            && base(target) != opcodes::POP_ITER
        {
            starts[target] = true;
        }
    }
    // Exception handlers start a line, except the end of an `async for`.
    for entry in exceptiontable::parse(&code.exceptiontable) {
        let handler = entry.target / 2;
        if handler < units && has_line[handler] && base(handler) != opcodes::END_ASYNC_FOR {
            starts[handler] = true;
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_object(code: Vec<u8>, linetable: Vec<u8>) -> CodeObject {
        CodeObject {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "t.py".into(),
            first_line: 1,
            code,
            linetable,
            exceptiontable: vec![],
            consts: vec![],
            names: vec![],
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 1,
            flags: 0,
        }
    }

    #[test]
    fn folds_extended_arg_and_skips_caches() {
        use opcodes::*;
        // RESUME 0; EXTENDED_ARG 1; LOAD_CONST 2 (→ 258); TO_BOOL + 3 caches; RETURN_VALUE
        let code = vec![
            RESUME,
            0,
            EXTENDED_ARG,
            1,
            LOAD_CONST,
            2,
            TO_BOOL,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            RETURN_VALUE,
            0,
        ];
        // One entry (code 13, no columns) covering 7 units on line 1; then 1 more.
        let linetable = vec![0x80 | (13 << 3) | 6, 0, 0x80 | (13 << 3), 2];
        let instrs = decode(&code_object(code, linetable));
        let names: Vec<_> = instrs.iter().map(|i| i.opname).collect();
        assert_eq!(
            names,
            [
                "RESUME",
                "EXTENDED_ARG",
                "LOAD_CONST",
                "TO_BOOL",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(instrs[1].arg, Some(1));
        assert_eq!(instrs[2].arg, Some(258));
        assert_eq!(instrs[2].start_offset, 2);
        assert_eq!(instrs[2].offset, 4);
        assert_eq!(instrs[3].cache_count, 3);
        assert_eq!(instrs[4].offset, 14);
        assert_eq!(instrs[3].arg, None);
        // RESUME never starts a line; the prefix does, and so the real instruction.
        assert!(!instrs[0].is_line_start);
        assert!(instrs[1].is_line_start && instrs[2].is_line_start);
        assert!(!instrs[3].is_line_start);
        assert!(instrs[4].is_line_start);
        assert_eq!(instrs[4].line, Some(2));
        assert_eq!(executable(&instrs).count(), 4);
        assert_eq!(index_at(&instrs, 2), Some(2));
    }

    #[test]
    fn backward_jump_target_and_truncated_code() {
        use opcodes::*;
        // NOP; JUMP_BACKWARD 2 at offset 2 with 1 cache: 2 + 2 + 2 - 2 * 2 = 2.
        let code = vec![NOP, 0, JUMP_BACKWARD, 2, 0, 0, 0];
        let instrs = decode(&code_object(code, vec![]));
        assert_eq!(instrs[1].jump_target, Some(2));
        assert_eq!(instrs[1].line, None);
        // A jump past the start does not underflow.
        let code = vec![JUMP_BACKWARD, 9, 0, 0];
        assert_eq!(decode(&code_object(code, vec![]))[0].jump_target, None);
    }

    /// Executed offsets of a module frame under CPython 3.14.2's
    /// `sys.settrace` (with `f_trace_opcodes`), `*` where a `line` event fired.
    const TRACE_SOURCE: &str = "i = 0\nwhile i < 3: i += 1\nfor k in range(2): pass\nx = [j for j in range(2)\n     if j]\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    pass\n";
    const TRACE: &str = "2* 4 6* 8 10 14 18 20 22 24 36 38 6* 8 10 14 18 20 22 24 36 38 6* 8 10 14 18 20 22 24 36 38 6* 8 10 14 42* 44 46 48 56 58 62 64 58* 62 64 58* 70 72* 74 76 78 86 88 90 92 94 96 100 102* 104 112* 116 118 96* 100 102* 104 112* 122 124 126 96* 132 134 136 138 140* 142* 144 146 174 176* 178 180 184 186 188* 190 192";

    #[test]
    fn line_events_match_cpython_settrace() {
        let code = crate::compile::compile(TRACE_SOURCE, "t.py").expect("compiles");
        let instrs = decode(&code);
        let at = |offset: usize| instrs.iter().find(|i| i.offset == offset);
        let mut previous = at(0);
        for step in TRACE.split(' ') {
            let fired = step.ends_with('*');
            let offset: usize = step.trim_end_matches('*').parse().expect("offset");
            let instr = at(offset).expect("an instruction at each traced offset");
            assert_eq!(
                fires_line_event(previous, instr),
                fired,
                "offset {offset} ({}) after {:?}",
                instr.opname,
                previous.map(|p| p.offset)
            );
            previous = Some(instr);
        }
    }
}
