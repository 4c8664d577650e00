//! CPython 3.14's opcode table: numbers, names, inline cache sizes and the
//! argument classes `dis` uses.
//!
//! Generated from CPython 3.14.2's `dis.opname`, `dis._inline_cache_entries`,
//! `dis.hasarg`/`hasjump`/`hasconst`/`hasname`/`haslocal`/`hasfree`/`hascompare`
//! and `opcode._specializations`, so that decoding follows exactly the table
//! the real `dis` module reads (`Lib/_opcode_metadata.py`, `Lib/opcode.py`).
//! The data ([`TABLE`], the opcode constants, the argument name tables) is
//! generated into `opcode_table.rs` by `node tests/oracle/opcodes.mjs`.

pub use super::opcode_table::*;

/// One row of the opcode table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    /// `dis.opname[op]` (`<N>` for unassigned numbers).
    pub name: &'static str,
    /// Inline CACHE code units following the instruction (of its base opcode).
    pub caches: u8,
    /// Bit set of the `HAS_*` classes below.
    pub flags: u8,
    /// The base opcode of a specialized one (`_PyOpcode_Deopt`), else itself.
    pub deopt: u8,
}

/// The opcode takes an argument (`dis.hasarg`).
pub const HAS_ARG: u8 = 1;
/// The argument is a relative jump (`dis.hasjump`).
pub const HAS_JUMP: u8 = 2;
/// The argument indexes `co_consts` (`dis.hasconst`).
pub const HAS_CONST: u8 = 4;
/// The argument indexes `co_names` (`dis.hasname`; some shift it, see `dis`).
pub const HAS_NAME: u8 = 8;
/// The argument indexes the fast locals (`dis.haslocal`).
pub const HAS_LOCAL: u8 = 16;
/// The argument indexes cell/free variables (`dis.hasfree`).
pub const HAS_FREE: u8 = 32;
/// The argument is a comparison (`dis.hascompare`).
pub const HAS_COMPARE: u8 = 64;

/// The row for `op`.
pub fn info(op: u8) -> &'static OpInfo {
    &TABLE[usize::from(op)]
}

/// `dis.opname[op]`.
pub fn name(op: u8) -> &'static str {
    info(op).name
}

/// Inline CACHE units after `op`.
pub fn cache_count(op: u8) -> usize {
    usize::from(info(op).caches)
}

/// Whether `op` reads its argument byte.
pub fn has_arg(op: u8) -> bool {
    info(op).flags & HAS_ARG != 0
}

/// Whether `op` is a jump whose argument counts code units backwards.
pub fn is_backward_jump(op: u8) -> bool {
    matches!(
        info(op).deopt,
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT | END_ASYNC_FOR
    )
}

/// The opcode number for a name, if CPython 3.14 has it.
pub fn by_name(name: &str) -> Option<u8> {
    TABLE
        .iter()
        .position(|row| row.name == name)
        .and_then(|op| u8::try_from(op).ok())
}

/// `CONVERT_VALUE` argument names.
pub const CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];
