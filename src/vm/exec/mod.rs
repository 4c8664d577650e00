//! Opcode handlers by family, each arm of `execute` one line into here.
//! Stack effects in the notation of CPython's `Python/bytecodes.c`.

mod build;
mod call;
mod cells;
mod exc;
pub(super) mod fast;
mod matching;
mod quick;
mod unpack;
mod with;
