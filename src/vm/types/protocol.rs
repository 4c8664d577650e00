//! The generic operations (CPython's `Objects/abstract.c`): look up the
//! slot of the object's type and call it, or raise CPython's `TypeError`.

/// The slots that may need the interpreter (allocation, errors, calls).
#[derive(Clone, Copy)]
pub struct VmSlots {}

impl VmSlots {
    pub const EMPTY: VmSlots = VmSlots {};
}
