//! CPython 3.14 bytecode, read the way CPython reads it.
//!
//! * [`opcodes`]: the opcode table (names, inline caches, argument classes);
//! * [`operators`]: `BINARY_OP`'s and `COMPARE_OP`'s arguments, named;
//! * [`decode`]: `co_code` → [`Instruction`]s with folded EXTENDED_ARG,
//!   jump targets, source positions and `sys.settrace` line starts
//!   ([`fires_line_event`] adds the run-time part of CPython's rule);
//! * [`linetable`]: `co_linetable` (`co_positions()`, `co_lines()`);
//! * [`exceptiontable`]: `co_exceptiontable` entries;
//! * [`dis()`]: text identical to `dis.dis(code)`, and [`dis_table`], the
//!   lecture's `OPCODE OPNAME ARG ARGVAL` table;
//! * [`constant_repr`]: Python's `repr()` of constants, shared with the VM.
//!
//! Nothing here panics on malformed tables: they decode as far as they make sense.

pub mod dis;
pub mod exceptiontable;
pub mod hashing;
pub mod instruction;
pub mod linetable;
mod opcode_table;
pub mod opcodes;
pub mod operators;
pub mod repr;
pub mod stack_effects;

pub use dis::{dis, dis_table};
pub use exceptiontable::{ExceptionEntry, handler_for, parse as parse_exception_table};
pub use instruction::{Instruction, decode, executable, fires_line_event, index_at};
pub use linetable::Position;
pub use operators::{BinaryOp, CompareOp};
pub use repr::{code_repr, constant_repr, float_repr};

/// CPython's declared stack effect of `opcode` with `oparg` (when the
/// generated table covers it), for the jump taken or not.
pub fn stack_effect(opcode: u8, oparg: u32, jump: bool) -> Option<i32> {
    let row = stack_effects::STACK_EFFECTS
        .binary_search_by_key(&opcode, |&(op, _)| op)
        .ok()
        .map(|i| &stack_effects::STACK_EFFECTS[i].1)?;
    let (plain, jumped) = *row.get(usize::try_from(oparg).ok()?)?;
    let effect = if jump { jumped } else { plain };
    (effect != stack_effects::NONE).then_some(i32::from(effect))
}
