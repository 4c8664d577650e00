//! Code objects prepared for execution: decoded once, dispatched on every step.

use std::sync::Arc;

use super::heap::{ObjId, Symbol};
use crate::bytecode;
use crate::compile::CodeObject;

/// One executable instruction: EXTENDED_ARG folded in, CACHE units skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    /// Byte offset in `co_code`, as `dis` shows it.
    pub offset: u32,
    pub opcode: u8,
    pub arg: u32,
    pub line: Option<u32>,
    /// Marked by CPython's `initialize_lines`: may report a 'line' event.
    pub line_start: bool,
    /// Index (in [`CodeInfo::instrs`]) of the jump target, for jumps.
    pub target: u32,
}

/// No jump target.
pub const NO_TARGET: u32 = u32::MAX;

/// An instruction as the fast loop (`exec/fast.rs`) reads it: opcode,
/// argument and jump target packed in one word, so that each dispatch loads
/// 8 bytes and holds one register, not a whole [`Instr`] (whose line and
/// offset only the general path and the debugger read). The target takes
/// the top 24 bits; an instruction whose target does not fit (code of 16
/// million instructions) packs as `CACHE`, an opcode the fast loop leaves
/// to the general path, which reads the [`Instr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Op(u64);

impl Op {
    /// The packed target of an instruction that has none.
    const NO_TARGET: u64 = 0xFF_FFFF;

    fn pack(instr: &Instr) -> Op {
        let target = match instr.target {
            NO_TARGET => Op::NO_TARGET,
            target if u64::from(target) < Op::NO_TARGET => u64::from(target),
            _ => return Op(u64::from(crate::bytecode::opcodes::CACHE)),
        };
        Op(u64::from(instr.opcode) | u64::from(instr.arg) << 8 | target << 40)
    }

    #[inline(always)]
    pub fn opcode(self) -> u8 {
        self.0 as u8
    }

    #[inline(always)]
    pub fn arg(self) -> u32 {
        (self.0 >> 8) as u32
    }

    /// The jump target's instruction index, if it has one.
    #[inline(always)]
    pub fn target(self) -> Option<usize> {
        let target = self.0 >> 40;
        (target != Op::NO_TARGET).then_some(target as usize)
    }
}

/// An exception table entry resolved to instruction indexes at load, like
/// jump targets: instructions `start..end` are protected by `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    /// Value stack depth to unwind to.
    pub depth: u32,
    /// Push the raising instruction's offset (in code units) under the exception.
    pub lasti: bool,
}

/// A code object with its instructions decoded and its names and constants resolved.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Arc<CodeObject>,
    pub instrs: Vec<Instr>,
    /// `instrs` packed for the fast loop, one for one.
    pub ops: Vec<Op>,
    /// The same instructions as the bytecode module decodes them (positions, line starts).
    decoded: Vec<bytecode::Instruction>,
    /// `fires_line_event(Some(i - 1), i)` for each `i`: the answer when no
    /// jump came between, worked out once.
    fires_after_previous: Vec<bool>,
    /// `co_consts` as heap objects.
    pub consts: Vec<ObjId>,
    /// `co_names` interned.
    pub names: Vec<Symbol>,
    /// `co_localsplusnames` interned: the local variable slots.
    pub localsplus: Vec<Symbol>,
    pub qualname: Symbol,
    /// `co_exceptiontable`, resolved to instruction indexes.
    pub handlers: Vec<Handler>,
    /// `Some(argcount)` when a call can simply move its positional arguments
    /// into the locals: no `*args`/`**kwargs`, no cells, not a generator.
    pub plain_call: Option<usize>,
    /// Byte offsets `dis` labels `L1`, `L2`…, sorted.
    pub labels: Vec<usize>,
}

impl CodeInfo {
    /// Decode `code`; `consts`, `names`, `localsplus` come from the loader.
    pub fn new(
        code: Arc<CodeObject>,
        consts: Vec<ObjId>,
        names: Vec<Symbol>,
        localsplus: Vec<Symbol>,
        qualname: Symbol,
    ) -> Self {
        let decoded: Vec<bytecode::Instruction> = bytecode::decode(&code)
            .into_iter()
            .filter(|i| !i.is_extended_arg)
            .collect();
        // Byte offset → instruction index, for jump targets (an EXTENDED_ARG
        // prefix's offset leads to the instruction it prefixes).
        let mut index_of_unit = vec![NO_TARGET; code.code.len() / 2 + 1];
        for (index, instruction) in decoded.iter().enumerate() {
            for unit in instruction.start_offset / 2..=instruction.offset / 2 {
                if let Some(entry) = index_of_unit.get_mut(unit) {
                    *entry = index as u32;
                }
            }
        }
        let index_of_offset =
            |offset: usize| index_of_unit.get(offset / 2).copied().unwrap_or(NO_TARGET);
        let instrs: Vec<Instr> = decoded
            .iter()
            .map(|instruction| Instr {
                offset: instruction.offset as u32,
                opcode: instruction.opcode,
                arg: instruction.arg.unwrap_or(0),
                line: instruction.line,
                line_start: instruction.is_line_start,
                target: instruction.jump_target.map_or(NO_TARGET, index_of_offset),
            })
            .collect();
        let handlers = bytecode::parse_exception_table(&code.exceptiontable)
            .iter()
            .map(|entry| Handler {
                start: index_of_offset(entry.start),
                end: if entry.end >= code.code.len() {
                    decoded.len() as u32
                } else {
                    index_of_offset(entry.end)
                },
                target: index_of_offset(entry.target),
                depth: entry.depth,
                lasti: entry.lasti,
            })
            .collect();
        use crate::compile::flags;
        let special = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE;
        let plain_call = (code.flags & special == 0
            && code.kwonlyargcount == 0
            && code.cellvars.is_empty()
            && code.freevars.is_empty())
        .then_some(code.argcount as usize);
        let ops = instrs.iter().map(Op::pack).collect();
        let labels = bytecode::dis::label_offsets(&code);
        let fires_after_previous = (0..decoded.len())
            .map(|i| i > 0 && bytecode::fires_line_event(decoded.get(i - 1), &decoded[i]))
            .collect();
        CodeInfo {
            fires_after_previous,
            handlers,
            labels,
            plain_call,
            code,
            instrs,
            ops,
            decoded,
            consts,
            names,
            localsplus,
            qualname,
        }
    }

    /// CPython reports a 'line' event before instruction `next` when `previous`
    /// ran just before it in the same frame.
    #[inline]
    pub fn fires_line_event(&self, previous: Option<usize>, next: usize) -> bool {
        if previous.is_some_and(|p| p + 1 == next) {
            return self
                .fires_after_previous
                .get(next)
                .copied()
                .unwrap_or(false);
        }
        match self.decoded.get(next) {
            Some(instr) => {
                bytecode::fires_line_event(previous.and_then(|p| self.decoded.get(p)), instr)
            }
            None => false,
        }
    }

    /// The handler protecting instruction `index`, if any (first match wins,
    /// as entries do not overlap).
    pub fn handler_for(&self, index: usize) -> Option<Handler> {
        let index = index as u32;
        self.handlers
            .iter()
            .find(|h| h.start <= index && index < h.end)
            .copied()
    }

    /// The instruction at byte `offset`.
    pub fn index_of_offset(&self, offset: u32) -> Option<usize> {
        self.instrs.iter().position(|i| i.offset == offset)
    }

    /// `L3` for an instruction at a labelled offset, as `dis` writes it.
    pub fn label_at(&self, offset: u32) -> Option<String> {
        self.labels
            .binary_search(&(offset as usize))
            .ok()
            .map(|i| format!("L{}", i + 1))
    }

    /// The source span of an instruction (`co_positions()`).
    pub fn position(&self, index: usize) -> Option<bytecode::Position> {
        self.decoded.get(index).map(|i| i.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::opcodes::{CACHE, JUMP_BACKWARD, LOAD_SMALL_INT};

    fn instr(opcode: u8, arg: u32, target: u32) -> Instr {
        Instr {
            offset: 0,
            opcode,
            arg,
            line: Some(1),
            line_start: true,
            target,
        }
    }

    #[test]
    fn ops_pack_opcode_argument_and_target() {
        let op = Op::pack(&instr(LOAD_SMALL_INT, u32::MAX, NO_TARGET));
        assert_eq!(
            (op.opcode(), op.arg(), op.target()),
            (LOAD_SMALL_INT, u32::MAX, None)
        );
        let op = Op::pack(&instr(JUMP_BACKWARD, 7, 0xFF_FFFE));
        assert_eq!(
            (op.opcode(), op.arg(), op.target()),
            (JUMP_BACKWARD, 7, Some(0xFF_FFFE))
        );
    }

    #[test]
    fn a_target_too_far_to_pack_leaves_the_instruction_to_the_general_path() {
        for target in [0xFF_FFFF, 0x100_0000, NO_TARGET - 1] {
            assert_eq!(Op::pack(&instr(JUMP_BACKWARD, 0, target)).opcode(), CACHE);
        }
    }
}
