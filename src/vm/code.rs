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

/// A code object with its instructions decoded and its names and constants resolved.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Arc<CodeObject>,
    pub instrs: Vec<Instr>,
    /// `co_consts` as heap objects.
    pub consts: Vec<ObjId>,
    /// `co_names` interned.
    pub names: Vec<Symbol>,
    /// `co_localsplusnames` interned: the local variable slots.
    pub localsplus: Vec<Symbol>,
    pub qualname: Symbol,
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
        let decoded = bytecode::decode(&code);
        let executable: Vec<&bytecode::Instruction> = decoded
            .iter()
            .filter(|i| i.opcode != bytecode::opcodes::EXTENDED_ARG)
            .collect();
        let mut index_of_offset = vec![NO_TARGET; code.code.len() / 2 + 1];
        for (index, instruction) in executable.iter().enumerate() {
            index_of_offset[instruction.start_offset as usize / 2] = index as u32;
            index_of_offset[instruction.offset as usize / 2] = index as u32;
        }
        let instrs = executable
            .iter()
            .map(|instruction| Instr {
                offset: instruction.offset,
                opcode: instruction.opcode,
                arg: instruction.arg.unwrap_or(0),
                line: instruction.line,
                line_start: instruction.is_line_start,
                target: instruction
                    .jump_target
                    .and_then(|t| index_of_offset.get(t as usize / 2).copied())
                    .unwrap_or(NO_TARGET),
            })
            .collect();
        CodeInfo {
            code,
            instrs,
            consts,
            names,
            localsplus,
            qualname,
        }
    }

    /// The instruction index at a byte offset, if one starts there.
    pub fn index_of_offset(&self, offset: u32) -> Option<usize> {
        self.instrs.iter().position(|i| i.offset == offset)
    }
}
