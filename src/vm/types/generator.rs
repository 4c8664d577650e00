//! Generator objects: a frame that outlives its call (CPython's
//! `PyGenObject`, whose `_PyInterpreterFrame` is embedded in it).
//!
//! While suspended the generator owns its frame (locals and value stack are
//! its references); while it runs the frame is on the interpreter's frame
//! stack and the generator holds nothing of it; once finished it has none.

use std::sync::Arc;

use crate::vm::code::CodeInfo;
use crate::vm::frame::Frame;
use crate::vm::heap::ObjId;

/// `RESUME_OPARG_DEPTH1_MASK`: suspended outside any `try` of the body.
const RESUME_DEPTH1: u32 = 4;

/// `gi_frame_state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    /// Made by `RETURN_GENERATOR`, not started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Stopped at the `yield` of a `yield from` (`gi_yieldfrom` is its stack top).
    SuspendedYieldFrom,
    /// Its frame is on the frame stack.
    Running,
    /// Returned or raised: the frame is cleared.
    Finished,
}

/// A generator object.
#[derive(Debug, Clone)]
pub struct Generator {
    /// The frame while created or suspended.
    pub frame: Option<Box<Frame>>,
    pub state: GenState,
    /// Its code (for the name and `sys.getsizeof`).
    pub code: Arc<CodeInfo>,
    /// `gi_exc_state`: the exception its frame handles while suspended, held.
    pub exc_state: Option<ObjId>,
}

impl Generator {
    /// Its frame stopped at a yield (`frame.last`; its argument is 1 in a
    /// `yield from`): the generator keeps it, with the exception state it
    /// handles.
    pub fn suspend(&mut self, frame: Box<Frame>, exc_state: Option<ObjId>) {
        let yield_from = frame
            .last
            .and_then(|i| frame.code.instrs.get(i))
            .is_some_and(|i| i.arg == 1);
        self.frame = Some(frame);
        self.exc_state = exc_state;
        self.state = if yield_from {
            GenState::SuspendedYieldFrom
        } else {
            GenState::Suspended
        };
    }

    /// Suspended inside a `try` of its body, or in a `yield from`: closing it
    /// runs code (`gen_close` throws `GeneratorExit` in), so freeing it does too.
    pub fn needs_close(&self) -> bool {
        match (self.state, &self.frame) {
            (GenState::SuspendedYieldFrom, _) => true,
            (GenState::Suspended, Some(frame)) => {
                frame.code.instrs.get(frame.pc).is_some_and(|i| {
                    i.opcode == crate::bytecode::opcodes::RESUME && i.arg & RESUME_DEPTH1 == 0
                })
            }
            _ => false,
        }
    }

    /// `sys.getsizeof` on 64-bit CPython 3.14: the GC header, the 72 bytes
    /// before `gi_iframe`, the frame's 80-byte header and one 8-byte slot
    /// per local and stack entry (`gen_sizeof`).
    pub fn size(code: &CodeInfo) -> u32 {
        let slots = code.localsplus.len() as u32 + code.code.stacksize;
        16 + 72 + 80 + 8 * slots
    }
}

// ---- the type -----------------------------------------------------------------

use super::TypeKind;
use super::{Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, Object, Referrer, Value};

/// While suspended: what its frame holds (locals first), then the
/// exception state it saved.
fn traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let Value::Generator(generator) = &object.value else {
        return;
    };
    if let Some(frame) = &generator.frame {
        frame.each_reference(|child, referrer| out.push((child, referrer)));
    }
    if let Some(exc) = generator.exc_state {
        out.push((exc, attribute(object, "gi_exc_state")));
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Generator(generator) = &object.value else {
        return Ok(());
    };
    w.push(&format!(
        "<generator object {} at {:#x}>",
        generator.code.code.qualname, object.address
    ))
}

pub const GENERATOR: TypeSpec = TypeSpec {
    kind: TypeKind::Generator,
    gc: true,
    release_in_order: true,
    iterator: true,
    slots: Slots {
        traverse: Some(traverse),
        sizeof: Some(|value| match value {
            Value::Generator(generator) => Generator::size(&generator.code),
            _ => 0,
        }),
        repr: Some(repr),
        vm: super::protocol::VmSlots {
            next: super::iterators::GENERATOR_NEXT,
            // `x in g`: drained up to an equal item (`vm/drain.rs`).
            contains: Some(super::iterators::iterator_contains),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("generator", 0)
};
