//! What one step did: the executed instruction and the ordered events it caused.
//!
//! Events are only built when someone watches ([`Recorder::enabled`]); `run`
//! leaves it off, so the hot loop builds no strings and no vectors.

use super::heap::ObjId;

/// One thing that happened during a step, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A value (or NULL) was pushed onto a frame's value stack.
    Push {
        depth: usize,
        slot: usize,
        obj: Option<ObjId>,
        address: Option<u64>,
        borrowed: bool,
    },
    /// A value (or NULL) left a frame's value stack.
    Pop {
        depth: usize,
        slot: usize,
        obj: Option<ObjId>,
        address: Option<u64>,
    },
    /// A name now refers to an object (`global a`, `local x in f`).
    Bind {
        target: String,
        obj: ObjId,
        address: u64,
    },
    /// A reference count went up by one.
    Incref {
        obj: ObjId,
        address: u64,
        referrer: String,
        before: u32,
        after: u32,
    },
    /// A reference count went down by one.
    Decref {
        obj: ObjId,
        address: u64,
        referrer: String,
        before: u32,
        after: u32,
    },
    /// An object was allocated.
    Alloc {
        obj: ObjId,
        address: u64,
        size: u32,
        type_name: &'static str,
        value: String,
    },
    /// An object was freed and its block returned to the allocator.
    Free {
        obj: ObjId,
        address: u64,
        type_name: &'static str,
        value: String,
        reason: String,
    },
    /// A count reached 0 but constant tables still hold the object, so it lives on.
    KeptByConstants {
        obj: ObjId,
        address: u64,
        holders: String,
    },
    /// A new frame was pushed.
    Call { callee: String, depth: usize },
    /// A frame returned a value to its caller.
    Return {
        from: String,
        obj: ObjId,
        address: u64,
        /// A generator yielded it (its frame is suspended, not gone).
        yielded: bool,
    },
    /// The program wrote text to stdout.
    Output { text: String },
    /// An exception was raised.
    Raise { exception: String },
    /// A handler of the exception table caught it.
    Caught { exception: String },
}

/// Most events one step records: `(x,) * 10**7` makes ten million count
/// changes in one instruction, which would take gigabytes as events. Past
/// this, a count change of the object just changed is merged into its event
/// (`refs 1→10000001`) and other events are only counted.
pub const MAX_EVENTS_PER_STEP: usize = 100_000;

/// Collects events while enabled; does nothing otherwise.
#[derive(Debug, Default, Clone)]
pub struct Recorder {
    pub enabled: bool,
    pub events: Vec<Event>,
    /// Events of this step not recorded (past [`MAX_EVENTS_PER_STEP`]).
    pub dropped: u64,
}

impl Recorder {
    #[inline]
    pub fn record(&mut self, event: impl FnOnce() -> Event) {
        if self.enabled {
            self.push(event());
        }
    }

    /// Record an event, or count it once the step has too many.
    pub fn push(&mut self, event: Event) {
        if self.events.len() < MAX_EVENTS_PER_STEP {
            self.events.push(event);
        } else {
            self.dropped += 1;
        }
    }

    /// Past the cap: merge a count change of `obj` into the last event when
    /// that is a change of the same object in the same direction. True when
    /// merged, or when there is no room and it was counted as dropped.
    pub fn merge_or_drop(&mut self, obj: super::heap::ObjId, up: bool, refs_after: u32) -> bool {
        if self.events.len() < MAX_EVENTS_PER_STEP {
            return false;
        }
        match self.events.last_mut() {
            Some(Event::Incref {
                obj: last, after, ..
            }) if up && *last == obj => *after = refs_after,
            Some(Event::Decref {
                obj: last, after, ..
            }) if !up && *last == obj => *after = refs_after,
            _ => self.dropped += 1,
        }
        true
    }

    /// Start a new step.
    pub fn clear(&mut self) {
        self.events.clear();
        self.dropped = 0;
    }
}

/// How a step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The frame goes on with its next instruction.
    Continued,
    /// A new frame was entered.
    Called,
    /// A frame returned to its caller.
    Returned,
    /// The module frame returned: the program is over.
    Finished,
    /// An exception escaped the program: the traceback text.
    Raised(String),
}

/// The report of one executed instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// 1-based count of executed instructions.
    pub number: u64,
    /// Depth of the frame that executed it (0 = module).
    pub depth: usize,
    /// `co_qualname` of that frame's code.
    pub qualname: String,
    /// Byte offset of the instruction.
    pub offset: u32,
    pub opname: &'static str,
    pub arg: Option<u32>,
    pub line: Option<u32>,
    /// True where CPython's `sys.settrace` reports a 'line' event before this instruction.
    pub line_event: bool,
    pub events: Vec<Event>,
    /// Events not recorded because the step made too many ([`MAX_EVENTS_PER_STEP`]).
    pub events_dropped: u64,
    pub outcome: Outcome,
}
