//! Frames: a code object in execution, with its locals and value stack.

use std::sync::Arc;

use super::code::CodeInfo;
use super::heap::ObjId;

/// A stack or local slot: an object (or NULL) and whether the reference is borrowed.
///
/// Borrowed slots come from `LOAD_FAST_BORROW`: CPython 3.14 pushes them without
/// a new reference, so they are shown but not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub obj: Option<ObjId>,
    pub borrowed: bool,
}

impl Slot {
    pub const NULL: Slot = Slot {
        obj: None,
        borrowed: false,
    };

    pub fn strong(obj: ObjId) -> Slot {
        Slot {
            obj: Some(obj),
            borrowed: false,
        }
    }
}

/// A frame in execution.
#[derive(Debug, Clone)]
pub struct Frame {
    pub code: Arc<CodeInfo>,
    /// Index of the next instruction to execute.
    pub pc: usize,
    /// Index of the instruction executed last in this frame (the current one while it runs).
    pub last: Option<usize>,
    /// Fast locals (`co_localsplusnames`); empty for module code, which uses names.
    pub locals: Vec<Slot>,
    pub stack: Vec<Slot>,
    /// The function this frame runs (held by the frame), none for the module.
    pub function: Option<ObjId>,
    /// CPython's `sys.settrace` reports a 'line' event before `pc` runs.
    pub line_event_next: bool,
}

impl Frame {
    pub fn new(code: Arc<CodeInfo>, function: Option<ObjId>) -> Frame {
        let nlocals = if function.is_some() {
            code.localsplus.len()
        } else {
            0
        };
        let stack_capacity = code.code.stacksize as usize;
        Frame {
            code,
            pc: 0,
            last: None,
            locals: vec![Slot::NULL; nlocals],
            stack: Vec::with_capacity(stack_capacity),
            function,
            line_event_next: false,
        }
    }

    /// The line of the instruction running or last run (for tracebacks and the source pane).
    pub fn current_line(&self) -> Option<u32> {
        let index = self.last.unwrap_or(self.pc);
        self.code.instrs.get(index).and_then(|i| i.line)
    }

    /// The line of the next instruction.
    pub fn next_line(&self) -> Option<u32> {
        self.code.instrs.get(self.pc).and_then(|i| i.line)
    }
}
