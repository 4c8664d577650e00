//! Frames: a code object in execution, with its locals and value stack.

use std::sync::Arc;

use super::code::CodeInfo;
use super::heap::{ObjId, Referrer, Symbol};

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
    /// `code.qualname`, kept beside the stack: every push and pop names it.
    pub qualname: Symbol,
    /// Index of the next instruction to execute.
    pub pc: usize,
    /// Index of the instruction executed last in this frame (the current one while it runs).
    pub last: Option<usize>,
    /// Fast locals (`co_localsplusnames`); module code keeps its variables in names.
    pub locals: Vec<Slot>,
    pub stack: Vec<Slot>,
    /// The function this frame runs (held by the frame), none for the module.
    pub function: Option<ObjId>,
    /// CPython's `sys.settrace` reports a 'line' event before `pc` runs.
    pub line_event_next: bool,
    /// The namespace dict of a class body (its `STORE_NAME`s go there), held.
    pub locals_dict: Option<ObjId>,
    /// What the caller does with this frame's return value, when it is not
    /// simply pushed (a class body builds its class, `__init__` yields the instance).
    pub on_return: Option<Continuation>,
    /// Rarely used, kept out of line so calls stay cheap.
    pub calls: Option<Box<FrameCalls>>,
    /// A generator's frame while it runs: whose it is and who resumed it.
    /// (Boxed: frames are moved on every call, and most are not generators'.)
    pub resumed: Option<Box<Resume>>,
}

/// The frames in execution, innermost last, and behind them (in the same
/// vector) the frames that returned, kept for reuse: a call takes the next
/// one where it lies and a return leaves it there, so neither moves a frame
/// (the spares' vectors keep their capacity; what they still name is not
/// counted and is cleared when they are reused). Reads as the slice of the
/// frames in execution.
#[derive(Debug, Default)]
pub struct FrameStack {
    /// Boxed, so that a generator's frame (which its generator keeps in a
    /// box while suspended) goes on and off the stack as a pointer.
    #[allow(clippy::vec_box)]
    all: Vec<Box<Frame>>,
    /// How many of `all` are in execution.
    live: usize,
    /// Boxes holding spare frames, for generators' frames to be swapped
    /// with when they suspend ([`FrameStack::pop_boxed`]), so a yield and
    /// a resume allocate nothing (not state: not cloned).
    #[allow(clippy::vec_box)]
    boxes: Vec<Box<Frame>>,
}

/// Boxes kept in [`FrameStack::boxes`] at most.
const MAX_SPARE_BOXES: usize = 32;

/// Returned frames kept beyond what the deepest recursion left: at most this many
/// more are kept by [`FrameStack::push`] of a frame made elsewhere.
const MAX_SPARE_FRAMES: usize = 32;

impl FrameStack {
    /// A frame made elsewhere (a generator's, a class body's) becomes the
    /// innermost one; the spare where it lands moves behind the others.
    pub fn push(&mut self, frame: Frame) {
        self.push_boxed(Box::new(frame));
    }

    /// A generator's frame (boxed while suspended) becomes the innermost
    /// one: the spare where it lands moves behind the others (or, its
    /// frame kept for the next suspend, among the spare boxes).
    pub fn push_boxed(&mut self, frame: Box<Frame>) {
        if self.live < self.all.len() {
            let spare = std::mem::replace(&mut self.all[self.live], frame);
            if self.boxes.len() < MAX_SPARE_BOXES {
                self.boxes.push(spare);
            } else if self.all.len() - self.live <= MAX_SPARE_FRAMES {
                self.all.push(spare);
            }
        } else {
            self.all.push(frame);
        }
        self.live += 1;
    }

    /// Take the innermost frame out, boxed (a generator keeps its frame):
    /// a spare box takes its place.
    pub fn pop_boxed(&mut self) -> Option<Box<Frame>> {
        if self.live == 0 {
            return None;
        }
        self.live -= 1;
        let spare = match self.boxes.pop() {
            Some(spare) => spare,
            None => Box::new(self.all[self.live].blank_spare()),
        };
        Some(std::mem::replace(&mut self.all[self.live], spare))
    }

    /// Take the innermost frame out (a generator keeps its frame).
    pub fn pop(&mut self) -> Option<Frame> {
        self.pop_boxed().map(|frame| *frame)
    }

    /// The innermost frame returned: it stays where it is as a spare.
    #[inline]
    pub fn retire(&mut self) {
        self.live = self.live.saturating_sub(1);
    }

    /// A returned frame to reuse, if there is one (moved out).
    pub fn take_spare(&mut self) -> Option<Frame> {
        if self.all.len() > self.live {
            self.all.pop().map(|frame| *frame)
        } else {
            None
        }
    }

    /// Push a frame for `code` over the innermost one: the spare where it
    /// lands, its code replaced only when it ran other code (a call to the
    /// code it last ran, recursion or a call in a loop, leaves the code's
    /// count alone), or a new one. Returns the caller and the new frame,
    /// to be made ready ([`Frame::enter`]); `None`, having done nothing,
    /// when there is no frame to call from.
    #[inline(always)]
    pub fn push_for(
        &mut self,
        code: &Arc<CodeInfo>,
        function: ObjId,
    ) -> Option<(&mut Frame, &mut Frame)> {
        if self.live == 0 {
            return None;
        }
        if self.live < self.all.len() {
            if !Arc::ptr_eq(&self.all[self.live].code, code) {
                // A spare that last ran this code, if there is one, saves
                // the count changes of replacing the code (calls that
                // alternate between functions at one depth).
                let same = (self.live + 1..self.all.len())
                    .find(|&spare| Arc::ptr_eq(&self.all[spare].code, code));
                match same {
                    Some(spare) => self.all.swap(self.live, spare),
                    None => self.all[self.live].code = Arc::clone(code),
                }
            }
        } else {
            self.all
                .push(Box::new(Frame::new(Arc::clone(code), Some(function))));
        }
        self.live += 1;
        match &mut self.all[self.live - 2..self.live] {
            [caller, frame] => Some((&mut **caller, &mut **frame)),
            _ => None,
        }
    }
}

impl Clone for FrameStack {
    /// The frames in execution (the spares are not state).
    fn clone(&self) -> FrameStack {
        FrameStack {
            all: self.all[..self.live].to_vec(),
            live: self.live,
            boxes: Vec::new(),
        }
    }
}

impl std::ops::Deref for FrameStack {
    type Target = [Box<Frame>];
    #[inline]
    fn deref(&self) -> &[Box<Frame>] {
        &self.all[..self.live]
    }
}

impl std::ops::DerefMut for FrameStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Box<Frame>] {
        &mut self.all[..self.live]
    }
}

impl<'a> IntoIterator for &'a FrameStack {
    type Item = &'a Box<Frame>;
    type IntoIter = std::slice::Iter<'a, Box<Frame>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut FrameStack {
    type Item = &'a mut Box<Frame>;
    type IntoIter = std::slice::IterMut<'a, Box<Frame>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// A frame's part in calls made from inside instructions (see `special.rs`).
#[derive(Debug, Clone, Default)]
pub struct FrameCalls {
    /// What the Python calls made from inside this frame's current
    /// instruction returned so far (held), for its replay.
    pub replay: Vec<CallResult>,
    /// Objects the caller holds while this frame runs (held, released when
    /// it returns), as C code keeps a reference across a call (`list_repr`
    /// holds the item whose `__repr__` runs).
    pub pins: Vec<ObjId>,
    /// Bytes of output a `print` in this instruction wrote in its earlier
    /// passes (it writes each argument as CPython does, so a replay after
    /// a `__str__` call writes only what follows).
    pub printed: usize,
}

impl Frame {
    /// The recorded results of the current instruction's calls.
    pub fn replay(&self) -> &[CallResult] {
        self.calls.as_ref().map_or(&[], |c| &c.replay)
    }

    pub fn pins(&self) -> &[ObjId] {
        self.calls.as_ref().map_or(&[], |c| &c.pins)
    }

    pub fn calls_mut(&mut self) -> &mut FrameCalls {
        self.calls.get_or_insert_with(Box::default)
    }

    pub fn take_replay(&mut self) -> Vec<CallResult> {
        self.calls
            .as_mut()
            .map(|c| std::mem::take(&mut c.replay))
            .unwrap_or_default()
    }
}

/// The outcome of a Python call made from inside an instruction: the
/// returned object or the exception it raised (a held reference either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    Returned(ObjId),
    Raised(ObjId),
    /// Not a call: what an iterator inside a native iterator (`map`,
    /// `filter`, `zip`…) gave, logged so a replay takes the same item
    /// instead of advancing it again (`None`: it was exhausted); `end`:
    /// the position after the entries logged by the step itself.
    Next {
        item: Option<ObjId>,
        end: u32,
    },
    /// Such a step begun but interrupted by a pending call.
    Stepping,
    /// A fact an instruction saw before a call (a dict's key table
    /// version…), logged so its replay decides the same way.
    Data(u64),
    /// An object an instruction picked before a call (a key to compare
    /// with), held until the instruction ends.
    Held(ObjId),
}

impl CallResult {
    pub fn object(self) -> Option<ObjId> {
        match self {
            CallResult::Returned(obj) | CallResult::Raised(obj) => Some(obj),
            CallResult::Next { item, .. } => item,
            CallResult::Stepping | CallResult::Data(_) => None,
            CallResult::Held(obj) => Some(obj),
        }
    }
}

/// A running generator frame: the generator and what its resumer does with
/// what it yields or returns (CPython's `gen_send_ex2` callers). Also a
/// function frame called for a [`Drain`] ([`ResumeMode::DrainCall`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub generator: ObjId,
    /// The resumer holds a reference to the generator while it runs (a
    /// call's argument); `FOR_ITER` and `SEND` keep theirs on the stack.
    pub holds: bool,
    pub mode: ResumeMode,
    /// The resumer's exception state (`exc_info`), held until the frame stops.
    pub saved_exc: Option<ObjId>,
}

/// How a generator was resumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeMode {
    /// `next(g[, default])`, `g.send(v)`, `g.throw(e)`: a yield is the call's
    /// result; a return raises `StopIteration` (or gives the default, held).
    Call { default: Option<ObjId> },
    /// `FOR_ITER`: a yield is the next item; a return ends the loop.
    ForIter { target: u32 },
    /// `FOR_ITER` over `enumerate(g)` (on the stack, holding `g`): a yield
    /// is paired with the count.
    ForIterEnumerate { target: u32, enumerate: ObjId },
    /// `FOR_ITER` over `zip(...)` (on the stack) with a generator among its
    /// iterators, `index` the one resumed: the items so far wait in `items`
    /// (a list, held) until every iterator has given one. `checking`: the
    /// first iterator ended and `zip(strict=True)` makes sure the others did.
    ForIterZip {
        target: u32,
        zip: ObjId,
        index: u32,
        items: ObjId,
        checking: bool,
    },
    /// `SEND` (`yield from`): a yield is pushed; a return jumps to `END_SEND`.
    Send { target: u32 },
    /// `g.close()`: `GeneratorExit` thrown in; it or a return ends the call.
    Close,
    /// The generator's count reached 0 while suspended inside a `try`: it is
    /// closed (`_PyGen_Finalize`), then freed.
    Finalize,
    /// An inner generator of a `yield from` chain that `throw()` or
    /// `close()` reached first: its return or exception goes to the
    /// generator under it (suspended at its `yield from`), a yield to the
    /// outermost one's resumer (`closing`: a yield is refused instead).
    Chain { closing: bool },
    /// Resumed from inside native code that wanted its next item (a `map`
    /// over it, `zip`, a consuming builtin): what it yields, returns or
    /// raises is logged as [`CallResult::Next`] / `Raised`, then the
    /// caller's instruction replays (`None`) or the drain pumps on.
    Logged(Option<Box<Drain>>),
    /// Not a generator: a function frame (`__next__`, a `map` function, a
    /// `key=`, a `__hash__`…) called while a drain pulls an item; its
    /// return or exception is logged in the drain's log, then it pumps on.
    /// `Resume::generator` is the function (not held).
    DrainCall(Box<Drain>),
}

/// A builtin consuming an iterable whose items come from Python code
/// (`list(g)`, `set(map(f, xs))`, `''.join(x for x in xs)`…), one item at
/// a time: its state lives here (held) while the Python frames that make
/// the items run, so the work is linear in the number of items. Each item
/// is one *pull* (`next` of the iterator, then feeding the consumer), a
/// replayable unit with its own small [`Drain::log`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drain {
    /// What was passed (held until the first pull takes `iter()` of it).
    pub iterable: ObjId,
    /// The iterator, once taken (held).
    pub iterator: Option<ObjId>,
    pub consumer: Consumer,
    /// The results of the current pull's calls and resumes (held).
    pub log: Vec<CallResult>,
    /// Items fed so far.
    pub count: u64,
    /// The consumer stopped before the items ran out (`any`, `all`, `in`).
    pub stopped: bool,
    /// The length hint was taken (`PyObject_LengthHint`: an instance's `__len__`).
    pub hinted: bool,
    /// The keys a [`Consumer::Keys`] drain computed so far, or those a
    /// [`Consumer::Sort`] drain compares (held).
    pub keys: Vec<ObjId>,
    /// A [`Consumer::Sort`] drain's sort, where it stands.
    pub sort: Option<Box<SortDrain>>,
}

/// A [`Consumer::Sort`] drain's state: CPython's `listsort` where it
/// stands, and the list's items, taken out of it while it sorts (as
/// `list_sort_impl` empties the list: `__lt__` sees it empty, and any
/// change to it is "list modified during sort").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortDrain {
    pub sort: super::timsort::TimSort,
    /// The list's items (its references, moved here) while sorting.
    pub items: Vec<ObjId>,
    /// The list's allocation before the sort.
    pub allocated: usize,
}

/// What a [`Drain`] does with each item (its objects held).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumer {
    /// Into a new list (`list(it)`, a temporary for `items_of`), then a
    /// tuple of it when `tuple`; stop after `limit` items (0: all).
    Collect {
        list: Option<ObjId>,
        tuple: bool,
        limit: u32,
        check: ItemCheck,
    },
    /// `lst.extend(it)`, `lst += it`, `[*it]`: onto an existing list.
    Extend { list: ObjId },
    /// `set(it)`, `frozenset(it)` (`set: None` until made), `s.update(it)`.
    SetAdd { set: Option<ObjId>, frozen: bool },
    /// `dict(pairs)` (`dict: None` until made), `d.update(pairs)`.
    Dict { dict: Option<ObjId> },
    /// `dict.fromkeys(it, value)`.
    FromKeys { dict: Option<ObjId>, value: ObjId },
    /// `sum(it, start)`: CPython's `builtin_sum_impl` states.
    Sum { start: ObjId, acc: SumAcc },
    /// `any(it)` / `all(it)`.
    AnyAll { any: bool },
    /// `math.prod(it)`: the running product (held).
    Prod { acc: ObjId },
    /// `x in it`.
    Contains { needle: ObjId },
    /// `s.issuperset(it)`: stop at the first item not in `set`.
    Superset { set: ObjId },
    /// `s.issubset(it)`: the members of `set` found so far (in `found`,
    /// made at the start); stop once all are.
    Subset { set: ObjId, found: Option<ObjId> },
    /// `list.sort(key=f)`/`sorted(..., key=f)`: `f` of each item of the
    /// list `source`, in order (the results in [`Drain::keys`]); the
    /// first `count` items, those it had when the sort began (a key
    /// function that appends to it does not make it endless).
    Keys {
        function: ObjId,
        source: ObjId,
        count: usize,
    },
    /// `list.sort()`/`sorted()` of items whose comparisons run Python code
    /// (`__lt__`): one comparison per pull (the state in [`Drain::sort`]).
    Sort,
    /// `min`/`max` with `key=` and `default=`: the best item and its key.
    Extreme {
        max: bool,
        key: Option<ObjId>,
        default: Option<ObjId>,
        best: Option<(ObjId, ObjId)>,
    },
}

/// What a collecting drain checks of each item as it comes (CPython's
/// consumers that convert while iterating stop at the first bad one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemCheck {
    None,
    /// `bytes(it)`: an int in range(0, 256).
    Bytes,
    /// `bytearray(it)`.
    ByteArray,
    /// `math.fsum(it)`: a float, or what converts to one.
    Float,
}

impl Consumer {
    /// A drain into a new list (`limit` items at most, 0: all).
    pub fn collect(tuple: bool, limit: u32) -> Consumer {
        Consumer::Collect {
            list: None,
            tuple,
            limit,
            check: ItemCheck::None,
        }
    }
}

/// The running total of a driven `sum()`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SumAcc {
    /// Ints adding in a machine word (no objects made).
    Int(i64),
    /// Floats with Neumaier's compensation.
    Float(f64, f64),
    /// An object (held).
    Object(ObjId),
}

impl Eq for SumAcc {}

impl Drain {
    /// Every object the drain holds a reference to.
    pub fn held(&self) -> Vec<ObjId> {
        // The iterable is let go once its iterator is taken (CPython's
        // consumers borrow it and hold the iterator).
        let mut held = match self.iterator {
            Some(iterator) => vec![iterator],
            None => vec![self.iterable],
        };
        match self.consumer {
            Consumer::Collect { list, .. } => held.extend(list),
            Consumer::Extend { list } => held.push(list),
            Consumer::SetAdd { set, .. } => held.extend(set),
            Consumer::Dict { dict } => held.extend(dict),
            Consumer::FromKeys { dict, value } => {
                held.extend(dict);
                held.push(value);
            }
            Consumer::Sum { start, acc } => {
                held.push(start);
                if let SumAcc::Object(acc) = acc {
                    held.push(acc);
                }
            }
            Consumer::AnyAll { .. } => {}
            Consumer::Contains { needle } => held.push(needle),
            Consumer::Prod { acc } => held.push(acc),
            Consumer::Superset { set } => held.push(set),
            // (`source` is the iterable, held as such.)
            Consumer::Keys { function, .. } => held.push(function),
            Consumer::Sort => {}
            Consumer::Subset { set, found } => {
                held.push(set);
                held.extend(found);
            }
            Consumer::Extreme {
                key, default, best, ..
            } => {
                held.extend(key);
                held.extend(default);
                if let Some((item, key)) = best {
                    held.push(item);
                    held.push(key);
                }
            }
        }
        held.extend(self.keys.iter().copied());
        if let Some(sort) = &self.sort {
            held.extend(sort.items.iter().copied());
        }
        held.extend(self.log.iter().filter_map(|r| r.object()));
        held
    }
}

impl Resume {
    /// The objects this resume holds references to (under the continuation referrer).
    pub fn held(&self) -> Vec<ObjId> {
        let mut held: Vec<ObjId> = self.own_held().into_iter().flatten().collect();
        if let Some(drain) = self.drain() {
            held.extend(drain.held());
        }
        held
    }

    /// The first of [`Resume::held`], without the drain's (no allocation:
    /// a generator is resumed once per item).
    pub fn own_held(&self) -> [Option<ObjId>; 2] {
        let generator = self.holds.then_some(self.generator);
        let other = match self.mode {
            ResumeMode::Call { default } => default,
            ResumeMode::ForIterZip { items, .. } => Some(items),
            _ => None,
        };
        [generator, other]
    }

    /// The drain this resume feeds, if any.
    pub fn drain(&self) -> Option<&Drain> {
        match &self.mode {
            ResumeMode::Logged(Some(drain)) | ResumeMode::DrainCall(drain) => Some(drain),
            _ => None,
        }
    }

    /// Every reference it holds: [`Resume::held`] and the saved exception.
    pub fn counted(&self) -> Vec<ObjId> {
        let mut counted = self.held();
        counted.extend(self.saved_exc);
        counted
    }
}

/// The rest of an instruction that ran Python code in its middle: when the
/// frame returns, its caller finishes the instruction this way (CPython's
/// shim frames), so every Python-level instruction stays one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Continuation {
    /// `__build_class__`: make the class `name` (held) with `bases` (a held
    /// tuple) from the body's namespace (the frame's `locals_dict`).
    /// `keywords`: the class statement's keyword arguments (a held dict) for
    /// `__init_subclass__`.
    BuildClass {
        name: ObjId,
        bases: ObjId,
        keywords: Option<ObjId>,
    },
    /// A class call: `__init__` returned; push the instance (held) instead.
    /// `native`: the class was called by native code inside the caller's
    /// instruction (`map(Point, xs)`): the instance is that call's result,
    /// as [`Continuation::Replay`] or the frame's drain takes results.
    Init { instance: ObjId, native: bool },
    /// A class's `__set_name__` or `__init_subclass__` hook returned: run the
    /// next one (from entry `next` of its dict), then push the class (held).
    ClassHook {
        class: ObjId,
        next: u32,
        keywords: Option<ObjId>,
    },
    /// A special method (`__repr__`, `__eq__`, a `key=` function…) called from
    /// the middle of the caller's instruction: its result joins the caller's
    /// [`Frame::replay`] and the caller's instruction runs again from the
    /// start, taking the results it already has instead of calling again.
    Replay,
    /// `__del__` of `object` (held until it returns), run when its count
    /// reached 0 or a collection found it unreachable: what it returns is
    /// dropped, an exception it raises is reported and ignored.
    Finalizer { object: ObjId },
}

impl Frame {
    /// An empty frame of the same code, only to be swapped into or reused
    /// ([`FrameStack::push_boxed`]).
    fn blank_spare(&self) -> Frame {
        Frame {
            code: Arc::clone(&self.code),
            qualname: self.qualname,
            pc: 0,
            last: None,
            locals: Vec::new(),
            stack: Vec::new(),
            function: None,
            line_event_next: false,
            locals_dict: None,
            on_return: None,
            calls: None,
            resumed: None,
        }
    }

    pub fn new(code: Arc<CodeInfo>, function: Option<ObjId>) -> Frame {
        let mut frame = Frame {
            qualname: code.qualname,
            code,
            pc: 0,
            last: None,
            locals: Vec::new(),
            stack: Vec::new(),
            function,
            line_event_next: false,
            locals_dict: None,
            on_return: None,
            calls: None,
            resumed: None,
        };
        frame.restart(function);
        frame
    }

    /// Make the frame ready to run its code from the start for `function`
    /// (a returned frame, reused: its vectors keep their capacity, so a
    /// call allocates nothing once the interpreter has warmed up).
    pub fn restart(&mut self, function: Option<ObjId>) {
        self.qualname = self.code.qualname;
        self.pc = 0;
        self.last = None;
        // Module code has fast locals too (hidden ones of inlined comprehensions).
        self.locals.clear();
        self.locals.resize(self.code.localsplus.len(), Slot::NULL);
        self.stack.clear();
        self.stack.reserve(self.code.code.stacksize as usize);
        self.function = function;
        self.line_event_next = false;
        self.locals_dict = None;
        self.on_return = None;
        self.calls = None;
        self.resumed = None;
    }

    /// [`Frame::restart`] for a plain call: the locals start with `args`
    /// (moved in as they are), the rest NULL.
    #[inline(always)]
    pub fn enter(&mut self, function: ObjId, args: &[Slot]) {
        self.qualname = self.code.qualname;
        self.pc = 0;
        self.last = None;
        let count = self.code.localsplus.len();
        if self.locals.len() != count {
            // Another code ran here last (a reused frame of the same code
            // already has its locals' length).
            self.locals.clear();
            self.locals.resize(count, Slot::NULL);
        }
        // Element by element: a few slots, not worth a `memcpy` call.
        let (moved, rest) = self.locals.split_at_mut(args.len().min(count));
        for (local, &arg) in moved.iter_mut().zip(args) {
            *local = arg;
        }
        for local in rest {
            *local = Slot::NULL;
        }
        self.stack.clear();
        let depth = self.code.code.stacksize as usize;
        if self.stack.capacity() < depth {
            self.stack.reserve(depth);
        }
        self.function = Some(function);
        self.line_event_next = false;
        self.locals_dict = None;
        self.on_return = None;
        self.calls = None;
        self.resumed = None;
    }

    /// [`Frame::enter`] with the arguments' strong references (moved in).
    #[inline]
    pub fn enter_objects(&mut self, function: ObjId, args: &[ObjId]) {
        self.enter(function, &[]);
        for (local, &arg) in self.locals.iter_mut().zip(args) {
            *local = Slot::strong(arg);
        }
    }

    /// The counted references the frame itself holds: locals, then the value
    /// stack, then its function (what a suspended generator's frame keeps).
    pub fn each_reference(&self, mut visit: impl FnMut(ObjId, Referrer)) {
        for (slot, &name) in self.locals.iter().zip(self.code.localsplus.iter()) {
            if let Some(obj) = slot.obj
                && !slot.borrowed
            {
                visit(
                    obj,
                    Referrer::Local {
                        frame: self.qualname,
                        name,
                    },
                );
            }
        }
        for (index, slot) in self.stack.iter().enumerate() {
            if let Some(obj) = slot.obj
                && !slot.borrowed
            {
                visit(
                    obj,
                    Referrer::Stack {
                        frame: self.qualname,
                        slot: index as u32,
                    },
                );
            }
        }
        if let Some(function) = self.function {
            visit(
                function,
                Referrer::Frame {
                    frame: self.qualname,
                },
            );
        }
        if let Some(namespace) = self.locals_dict {
            visit(
                namespace,
                Referrer::Frame {
                    frame: self.qualname,
                },
            );
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
