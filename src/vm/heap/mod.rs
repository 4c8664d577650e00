//! Objects, the heap and reference counting: the only place a count changes.
//!
//! Every runtime value is an [`Object`] in one arena, named by an [`ObjId`].
//! Each has an address (its Python `id`) from the pymalloc model in
//! [`alloc`], a `sys.getsizeof` size, and `refs`: the references the running
//! program holds, as `model.md` defines them (constant tables are a mark, not
//! a count; borrowed stack slots are not counted). Counts change only through
//! [`Heap::incref`] and [`Heap::decref`], which name the referrer and, when
//! someone watches, record the change; an object whose count reaches 0 is
//! freed at once, its children released in CPython's order.

pub mod alloc;
mod cycles;
mod freelists;
pub mod object;
mod pages;
pub mod repr;

use std::collections::{BTreeSet, HashMap};

pub use object::{Function, Module, Namespace, TypeKind, Value};

use super::exceptions::PyException;
use super::report::{Event, Recorder};
use alloc::Allocator;

/// A handle to an object in the heap arena (its slot index, stored plus one
/// so that `Option<ObjId>`, a stack slot, stays four bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(std::num::NonZeroU32);

impl ObjId {
    /// The handle of arena slot `index`.
    pub fn from_index(index: usize) -> ObjId {
        let raw = u32::try_from(index + 1).unwrap_or(u32::MAX);
        ObjId(std::num::NonZeroU32::new(raw).unwrap_or(std::num::NonZeroU32::MAX))
    }

    /// The arena slot.
    #[inline]
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// An interned name (variables, attributes, qualnames).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

/// What holds a reference, so every count change can say who.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referrer {
    /// An entry of a module's namespace: `global a`, `sys.getsizeof`.
    Name { namespace: Symbol, name: Symbol },
    /// A local variable of a frame.
    Local { frame: Symbol, name: Symbol },
    /// A slot of a frame's value stack.
    Stack { frame: Symbol, slot: u32 },
    /// An item of a container.
    Item {
        container: u64,
        type_name: &'static str,
        index: u32,
    },
    /// An internal field of another object (`function f code`).
    Field { owner: Symbol, field: &'static str },
    /// A frame's reference to the function it runs.
    Frame { frame: Symbol },
    /// An iterator's reference to the sequence it walks.
    Iterator { iterator: u64 },
    /// An attribute of an object (`0x7f….args`).
    Attribute { owner: u64, name: &'static str },
    /// A key of a dict.
    DictKey { container: u64 },
    /// The value of a dict entry, named by its key (`dict 0x7f…['k']`).
    DictValue { container: u64, key: ObjId },
}

/// CPython's module name for the program's own namespace.
pub const MAIN_MODULE: &str = "__main__";

/// One heap object.
#[derive(Debug, Clone)]
pub struct Object {
    pub value: Value,
    /// The Python `id`: the object's address.
    pub address: u64,
    /// `sys.getsizeof` on 64-bit CPython 3.14.
    pub size: u32,
    /// References held by the program (CPython's `ob_refcnt` less constant tables).
    pub refs: u32,
    /// Never freed; counts are not kept (CPython 3.12+ immortal objects).
    pub immortal: bool,
    /// Qualnames of the code objects whose constant tables hold this object.
    pub const_holders: ConstHolders,
    /// False once freed (the slot waits for reuse).
    pub alive: bool,
    /// Its `__del__` has run (or is running): CPython calls it once.
    pub finalized: bool,
    /// Allocation order (CPython's collector meets objects in that order).
    pub serial: u64,
}

/// The code objects whose constant tables hold an object: almost always
/// none, so kept out of line (one word in every object instead of three).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConstHolders(Option<Box<[Symbol]>>);

impl ConstHolders {
    /// One more holder (rare: once per code object holding the constant).
    pub fn push(&mut self, holder: Symbol) {
        let mut holders = self.to_vec();
        holders.push(holder);
        self.0 = Some(holders.into_boxed_slice());
    }
}

impl std::ops::Deref for ConstHolders {
    type Target = [Symbol];
    fn deref(&self) -> &[Symbol] {
        self.0.as_deref().unwrap_or(&[])
    }
}

/// The interned names.
#[derive(Debug, Default, Clone)]
pub struct Symbols {
    text: Vec<std::sync::Arc<str>>,
    index: HashMap<Box<str>, Symbol>,
}

impl Symbols {
    pub fn intern(&mut self, text: &str) -> Symbol {
        if let Some(&symbol) = self.index.get(text) {
            return symbol;
        }
        let symbol = Symbol(self.text.len() as u32);
        self.text.push(text.into());
        self.index.insert(text.into(), symbol);
        symbol
    }

    pub fn get(&self, text: &str) -> Option<Symbol> {
        self.index.get(text).copied()
    }

    pub fn text(&self, symbol: Symbol) -> &str {
        self.text.get(symbol.0 as usize).map_or("?", |t| t)
    }

    /// The text of `symbol`, shared (no copy made).
    pub fn shared_text(&self, symbol: Symbol) -> std::sync::Arc<str> {
        self.text
            .get(symbol.0 as usize)
            .map_or_else(|| "?".into(), std::sync::Arc::clone)
    }
}

/// The value CPython 3.14's `sys.getrefcount` reports for immortal objects on 64-bit.
pub const IMMORTAL_REFCOUNT: u64 = 3_221_225_472;

/// Where static (immortal) objects live, like CPython's `_PyRuntime`.
const STATIC_BASE: u64 = 0x7f3b_41a4_0000;

/// The heap: objects, the allocator, interned names and the event recorder.
#[derive(Debug, Clone)]
pub struct Heap {
    objects: Vec<Object>,
    free_slots: Vec<u32>,
    allocator: Allocator,
    next_static: u64,
    pub symbols: Symbols,
    pub recorder: Recorder,
    /// Bytes the live mortal objects take (their sizes plus their arena slots).
    in_use: u64,
    /// The memory limit: past it, allocation raises `MemoryError`.
    max_memory: u64,
    /// `gc.collect()` is freeing unreachable cycles (the reason frees give).
    collecting: bool,
    /// Why the collection running now runs (`gc.collect()`, automatic).
    collect_reason: &'static str,
    /// CPython's automatic collection (see `vm/auto_gc.rs`).
    pub gc: GcState,
    /// Blocks kept by CPython's per-type free lists.
    freelists: freelists::FreeLists,
    /// Generators whose count reached 0 while closing them runs code: kept
    /// alive (one reference, [`finalizer_referrer`]) until the VM closes them.
    finalizing: Vec<ObjId>,
    /// The arena slots below this hold the start-up statics (None, bools,
    /// small ints, …): immortal, so a count change there needs no look at
    /// the object (see [`Heap::seal_statics`]).
    static_prefix: usize,
    /// For each of `finalizing`, the frame depth its finalizer runs above
    /// (`usize::MAX` until the VM says, after the instruction that queued it).
    finalizing_depths: Vec<usize>,
    /// `max_memory`, or 0 while generators wait to be closed: one compare
    /// after each instruction tells the run loop to look ([`Heap::needs_attention`]).
    attention_limit: u64,
    /// The address of `__main__`'s dict once `globals()` made it: its
    /// entries are described as globals.
    pub module_dict: Option<u64>,
    /// Garbage a collection kept alive for finalizers (`__del__`, a
    /// generator's `finally`), freed once they have run if still unreachable.
    gc_pending: Vec<ObjId>,
    /// The next [`Object::serial`].
    next_serial: u64,
    /// GC objects allocated since the last automatic collection, with their
    /// serials (a slot may have been reused since): the young generation an
    /// automatic collection scans, so its cost follows what was allocated,
    /// never the heap's size.
    young: Vec<(ObjId, u64)>,
    /// When `young` is next compacted (dead entries dropped), so that it
    /// stays proportional to the live young objects while gc is disabled.
    young_compact_at: usize,
    /// Where the incremental collector's sweep of the older objects goes on
    /// (an index into the arena).
    old_cursor: usize,
    /// Lists and dicts that are instances of a class subclassing list or
    /// dict (`class Stack(list)`): their class and `__dict__`, each held.
    subclassed: HashMap<ObjId, Subclassed>,
    /// The parts of the program's classes (the class, its `__dict__`,
    /// `__mro__` and `__bases__`, the descriptors in its dict) by address,
    /// so that referrers name them (`C.__mro__[0]`).
    class_parts: HashMap<u64, ClassPart>,
    /// [`Heap::release`]'s buffers, empty between releases.
    release_children: Vec<(ObjId, Referrer)>,
    release_pending: Vec<(ObjId, usize)>,
    /// While recording: how each container being released looked before
    /// its children went (its "freed" event shows that, not `(None,)`).
    release_texts: Vec<(ObjId, String)>,
}

/// A part of a class, for naming the references it holds.
#[derive(Debug, Clone, Copy)]
struct ClassPart {
    part: ObjId,
    part_serial: u64,
    class: ObjId,
    class_serial: u64,
    /// What follows the class's name: `""`, `".__dict__"`, `".__mro__"`…
    /// or, for a descriptor in its dict, the key (`"__dict__"`).
    suffix: &'static str,
    descriptor: bool,
}

/// The state of CPython 3.14's automatic collection: `young.count` (GC
/// objects allocated, less those deallocated, since the last collection),
/// the thresholds of `gc.get_threshold()`, and whether one is due.
#[derive(Debug, Clone)]
pub struct GcState {
    pub enabled: bool,
    pub young_count: u64,
    pub thresholds: [u64; 3],
    /// `_Py_ScheduleGC` was called: the eval breaker runs it at the next check.
    pub scheduled: bool,
    /// The incremental collector's phase: the next increment collects
    /// (true) or only marks what is reachable (false, `GC_PHASE_MARK`).
    pub collect_phase: bool,
}

impl Default for GcState {
    fn default() -> Self {
        GcState {
            enabled: true,
            young_count: 0,
            thresholds: [2000, 10, 0],
            scheduled: false,
            collect_phase: false,
        }
    }
}

/// What an instance of a subclass of list or dict holds besides its items.
#[derive(Debug, Clone, Copy)]
pub struct Subclassed {
    pub class: ObjId,
    pub dict: ObjId,
}

/// The reference that keeps a generator alive until it is closed (CPython
/// resurrects it for `_PyGen_Finalize`).
pub fn finalizer_referrer() -> Referrer {
    Referrer::Field {
        owner: Symbol(0),
        field: "finalizer",
    }
}

/// The default memory limit of a program's objects (`--max-memory`).
pub const DEFAULT_MAX_MEMORY: u64 = 1 << 30;
/// The highest limit: object sizes are 32-bit, as no value may reach 4 GiB.
pub const MAX_MAX_MEMORY: u64 = 3 << 30;
/// The young list is first compacted at this length.
const YOUNG_COMPACT_MIN: usize = 1 << 14;
/// What one arena slot costs besides the object's own size (the size
/// `Object` had before its rarely used fields went out of line: the memory
/// limit and the collector's attention stay where they were).
const SLOT_BYTES: u64 = 88;

/// `1073741824` → `1 GiB`, `1536` → `1.5 KiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Self {
        Heap {
            objects: Vec::new(),
            free_slots: Vec::new(),
            allocator: Allocator::new(),
            next_static: STATIC_BASE,
            symbols: Symbols::default(),
            recorder: Recorder::default(),
            in_use: 0,
            max_memory: DEFAULT_MAX_MEMORY,
            collecting: false,
            collect_reason: "gc.collect()",
            gc: GcState::default(),
            freelists: freelists::FreeLists::default(),
            subclassed: HashMap::new(),
            class_parts: HashMap::new(),
            release_children: Vec::new(),
            release_pending: Vec::new(),
            release_texts: Vec::new(),
            finalizing: Vec::new(),
            finalizing_depths: Vec::new(),
            attention_limit: DEFAULT_MAX_MEMORY,
            static_prefix: 0,
            module_dict: None,
            gc_pending: Vec::new(),
            next_serial: 0,
            young: Vec::new(),
            young_compact_at: YOUNG_COMPACT_MIN,
            old_cursor: 0,
        }
    }

    /// `_PyObject_GC_Link`: a GC object allocated (not taken from a free
    /// list); past the threshold a collection is scheduled.
    #[inline]
    fn gc_link(&mut self) {
        self.gc.young_count += 1;
        let threshold = self.gc.thresholds[0];
        if self.gc.young_count > threshold
            && self.gc.enabled
            && threshold != 0
            && !self.collecting
            && !self.gc.scheduled
        {
            self.gc.scheduled = true;
            self.attention_limit = 0;
        }
    }

    /// Whether the run loop must look after the instruction: generators or
    /// `__del__`s wait, or a collection is due.
    fn refresh_attention(&mut self) {
        self.attention_limit = if self.finalizing.is_empty() && !self.gc.scheduled {
            self.max_memory
        } else {
            0
        };
    }

    /// The scheduled collection is taken (or dropped).
    pub fn take_scheduled_gc(&mut self) -> bool {
        let scheduled = std::mem::take(&mut self.gc.scheduled);
        self.refresh_attention();
        scheduled
    }

    /// Run `collect` with `reason` given for the frees it causes.
    pub fn collect_because<T>(
        &mut self,
        reason: &'static str,
        collect: impl FnOnce(&mut Heap) -> T,
    ) -> T {
        let before = std::mem::replace(&mut self.collect_reason, reason);
        let result = collect(self);
        self.collect_reason = before;
        result
    }

    /// Set the memory limit (clamped to [`MAX_MAX_MEMORY`]).
    pub fn set_max_memory(&mut self, bytes: u64) {
        self.max_memory = bytes.min(MAX_MAX_MEMORY);
        self.refresh_attention();
    }

    pub fn max_memory(&self) -> u64 {
        self.max_memory
    }

    /// Bytes the live objects take, as the memory limit counts them.
    pub fn in_use(&self) -> u64 {
        self.in_use
    }

    /// About how many bytes the heap holds: live objects, the arena's free
    /// slots, the allocator model and the names.
    pub fn approx_bytes(&self) -> u64 {
        self.in_use
            + (self.objects.len() - self.live_count()) as u64 * SLOT_BYTES
            + self.symbols.text.len() as u64 * 48
    }

    fn live_count(&self) -> usize {
        self.objects.len() - self.free_slots.len()
    }

    /// Bytes still free under the memory limit.
    pub fn room(&self) -> u64 {
        self.max_memory.saturating_sub(self.in_use)
    }

    /// `Ok` when `bytes` more fit under the memory limit, else `MemoryError`:
    /// asked before building any value whose size the program chooses.
    pub fn check_room(&self, bytes: u64) -> Result<(), Box<PyException>> {
        if bytes.saturating_add(SLOT_BYTES) <= self.room() {
            Ok(())
        } else {
            Err(self.memory_error())
        }
    }

    /// Over the limit already (many small objects): checked after each instruction.
    #[inline]
    pub fn over_limit(&self) -> bool {
        self.in_use > self.max_memory
    }

    /// Over the memory limit, or generators wait to be closed.
    #[inline]
    pub fn needs_attention(&self) -> bool {
        self.in_use > self.attention_limit
    }

    /// CPython's `MemoryError`, with bytestep's limit named.
    #[cold]
    pub fn memory_error(&self) -> Box<PyException> {
        PyException::new(
            "MemoryError",
            format!(
                "bytestep's memory limit of {} is reached (--max-memory sets it)",
                human_bytes(self.max_memory)
            ),
        )
    }

    pub fn get(&self, id: ObjId) -> &Object {
        &self.objects[id.index()]
    }

    /// The object at `id` if the arena has one there yet (an earlier state
    /// of the heap may not).
    pub fn try_get(&self, id: ObjId) -> Option<&Object> {
        self.objects.get(id.index())
    }

    pub fn value(&self, id: ObjId) -> &Value {
        &self.objects[id.index()].value
    }

    /// In the dict `dict`, replace the value of the str key `name` (its
    /// hash known) if it has it, with no count changed: the entry as it
    /// was (the caller moves the references).
    pub fn replace_str_item(
        &mut self,
        dict: ObjId,
        name: Symbol,
        hash: u64,
        value: ObjId,
    ) -> Option<crate::vm::types::dict::Entry> {
        let text = self.symbols.text(name);
        match &mut self.objects[dict.index()].value {
            Value::Dict(d) => d.replace_str_hashed(text, hash, value),
            _ => None,
        }
    }

    /// In the dict `dict`, set the str key `name` (its hash known; `key`
    /// the interned str object, when the key is new) to `value`, with no
    /// count changed: the entry replaced, if any (the caller moves the
    /// references).
    pub fn set_str_item(
        &mut self,
        dict: ObjId,
        name: Symbol,
        hash: u64,
        key: ObjId,
        value: ObjId,
    ) -> Option<crate::vm::types::dict::Entry> {
        let text = self.symbols.shared_text(name);
        match &mut self.objects[dict.index()].value {
            Value::Dict(d) => d.insert_hashed(
                crate::vm::types::dict::HashKey::Str(text),
                hash,
                key,
                value,
                true,
            ),
            _ => None,
        }
    }

    pub fn value_mut(&mut self, id: ObjId) -> &mut Value {
        &mut self.objects[id.index()].value
    }

    /// Every live object, in arena order.
    pub fn live_objects(&self) -> impl Iterator<Item = (ObjId, &Object)> {
        self.objects
            .iter()
            .enumerate()
            .filter(|(_, o)| o.alive)
            .map(|(i, o)| (ObjId::from_index(i), o))
    }

    /// A static immortal object (None, True, small ints, types...): never freed.
    pub fn alloc_static(&mut self, value: Value) -> ObjId {
        let mut size = value.size();
        if let Value::Str(text) = &value
            && text.chars().count() == 1
            && !text.is_ascii()
        {
            // The static latin-1 singletons carry their UTF-8 form too.
            size += text.len() as u32 + 1;
        }
        let address = self.next_static;
        self.next_static += (size as u64).div_ceil(16) * 16;
        self.insert(Object {
            value,
            address,
            size,
            refs: 0,
            immortal: true,
            const_holders: ConstHolders::default(),
            alive: true,
            finalized: false,
            serial: 0,
        })
    }

    /// A new mortal object with no references yet; the caller gives it its first.
    #[inline]
    pub fn alloc(&mut self, value: Value) -> ObjId {
        let spec = value.spec();
        let size = match spec.slots.sizeof {
            Some(sizeof) => sizeof(&value),
            None => spec.basic_size,
        };
        self.alloc_sized(value, size, spec.gc)
    }

    /// A new str whose caller knows it is ASCII (a concatenation of ASCII
    /// parts): [`Heap::alloc`] without scanning the text for its size.
    pub fn alloc_ascii_str(&mut self, text: std::sync::Arc<str>) -> ObjId {
        debug_assert!(text.is_ascii());
        let size = object::ascii_str_size(text.len());
        self.alloc_sized(Value::Str(text), size, crate::vm::types::str::STR.gc)
    }

    /// A new int that fits in 64 bits (`_PyLong_New`), the commonest
    /// allocation: the same block, address, size and order as
    /// [`Heap::alloc`], without going through the general value's size,
    /// free-list kind and GC tests (an int is never GC-tracked).
    #[inline]
    pub fn alloc_int(&mut self, value: i64) -> ObjId {
        let size = crate::vm::types::int::i64_size(value);
        let block = match freelists::is_compact_int(value)
            .then(|| self.freelists.pop_int())
            .flatten()
        {
            Some(block) => block,
            None => self.allocator.allocate(size),
        };
        self.in_use += size as u64 + SLOT_BYTES;
        let serial = self.next_serial;
        self.next_serial += 1;
        // As `insert`, but written field by field where it lands (a whole
        // `Object` built and moved costs more than the rest of this).
        let id = match self.free_slots.pop() {
            Some(slot) => {
                let object = &mut self.objects[slot as usize];
                // A freed slot holds `Value::None` (nothing to drop) and no
                // constant holders.
                std::mem::forget(std::mem::replace(&mut object.value, Value::Int(value)));
                object.address = block;
                object.size = size;
                object.refs = 0;
                object.immortal = false;
                object.alive = true;
                object.finalized = false;
                object.serial = serial;
                ObjId::from_index(slot as usize)
            }
            None => {
                if self.objects.len() == self.objects.capacity() {
                    self.grow_objects();
                }
                self.objects.push(Object {
                    value: Value::Int(value),
                    address: block,
                    size,
                    refs: 0,
                    immortal: false,
                    const_holders: ConstHolders::default(),
                    alive: true,
                    finalized: false,
                    serial,
                });
                ObjId::from_index(self.objects.len() - 1)
            }
        };
        if self.recorder.enabled {
            self.record_alloc(id);
        }
        id
    }

    /// [`Heap::alloc`] of a value whose size (`value.size()`) and GC
    /// tracking (`value.is_gc()`) are known.
    #[inline]
    fn alloc_sized(&mut self, value: Value, size: u32, gc: bool) -> ObjId {
        let block = match self.freelists.pop(&value) {
            Some(block) => block,
            None => {
                if gc {
                    self.gc_link();
                }
                self.allocator.allocate(size)
            }
        };
        // GC-tracked objects sit after a 16-byte PyGC_Head; the id is past it.
        let address = if gc { block + 16 } else { block };
        self.in_use += size as u64 + SLOT_BYTES;
        let id = self.insert(Object {
            value,
            address,
            size,
            refs: 0,
            immortal: false,
            const_holders: ConstHolders::default(),
            alive: true,
            finalized: false,
            serial: self.next_serial,
        });
        if gc {
            // `_PyObject_GC_TRACK` puts it in the young generation.
            self.young.push((id, self.next_serial));
            if self.young.len() >= self.young_compact_at {
                self.compact_young();
            }
        }
        self.next_serial += 1;
        if self.recorder.enabled {
            self.record_alloc(id);
        }
        id
    }

    /// Drop the young entries whose object was freed since.
    #[cold]
    #[inline(never)]
    fn compact_young(&mut self) {
        let objects = &self.objects;
        self.young.retain(|&(id, serial)| {
            let object = &objects[id.index()];
            object.alive && object.serial == serial
        });
        self.young_compact_at = (self.young.len() * 2).max(YOUNG_COMPACT_MIN);
    }

    #[cold]
    #[inline(never)]
    fn record_alloc(&mut self, id: ObjId) {
        let object = self.get(id);
        let event = Event::Alloc {
            obj: id,
            address: object.address,
            size: object.size,
            type_name: object.value.type_name(),
            value: self.short_repr(id),
        };
        self.recorder.push(event);
    }

    #[inline]
    fn insert(&mut self, object: Object) -> ObjId {
        match self.free_slots.pop() {
            Some(slot) => {
                self.objects[slot as usize] = object;
                ObjId::from_index(slot as usize)
            }
            None => {
                if self.objects.len() == self.objects.capacity() {
                    self.grow_objects();
                }
                self.objects.push(object);
                ObjId::from_index(self.objects.len() - 1)
            }
        }
    }

    /// Room for more objects in the arena (doubling, as `Vec::push` grows),
    /// a large arena on huge pages where the system has them (see
    /// [`pages::advise_huge_pages`]: fewer page faults as it fills).
    #[cold]
    #[inline(never)]
    fn grow_objects(&mut self) {
        self.objects.reserve(self.objects.capacity().max(64));
        pages::advise_huge_pages(
            self.objects.as_ptr() as usize,
            self.objects.capacity() * std::mem::size_of::<Object>(),
        );
    }

    /// Mark `id` as held by the constant table of the code object `holder`.
    pub fn add_const_holder(&mut self, id: ObjId, holder: Symbol) {
        let object = &mut self.objects[id.index()];
        if !object.immortal && !object.const_holders.contains(&holder) {
            object.const_holders.push(holder);
        }
    }

    /// Every object made so far is a static: their slots are immortal for
    /// good (statics are never freed), so count changes there are known to
    /// do nothing without loading the object.
    pub fn seal_statics(&mut self) {
        debug_assert!(self.objects.iter().all(|o| o.immortal));
        self.static_prefix = self.objects.len();
    }

    /// One more reference to `id`, held by `referrer`.
    #[inline]
    pub fn incref(&mut self, id: ObjId, referrer: Referrer) {
        if self.count_up(id) && self.recorder.enabled {
            self.record_count_change(id, referrer, true);
        }
    }

    /// [`Heap::incref`] where nobody records (the fast loop, which runs
    /// only then): no event, so no referrer and no test of the recorder.
    #[inline(always)]
    pub fn incref_unrecorded(&mut self, id: ObjId) {
        debug_assert!(!self.recorder.enabled);
        self.count_up(id);
    }

    /// The count itself goes up (false, nothing done, for an immortal).
    #[inline(always)]
    fn count_up(&mut self, id: ObjId) -> bool {
        if id.index() < self.static_prefix {
            return false;
        }
        let object = &mut self.objects[id.index()];
        if object.immortal {
            return false;
        }
        object.refs += 1;
        true
    }

    /// The Incref/Decref event (and why a constant at 0 lives on): out of line,
    /// so the counting itself stays small where nobody watches.
    #[cold]
    #[inline(never)]
    fn record_count_change(&mut self, id: ObjId, referrer: Referrer, up: bool) {
        let object = &self.objects[id.index()];
        let (after, address) = (object.refs, object.address);
        if self.recorder.merge_or_drop(id, up, after) {
            return;
        }
        let kept_by_constants = !up && after == 0 && !object.const_holders.is_empty();
        let referrer = self.describe(referrer);
        self.recorder.push(if up {
            Event::Incref {
                obj: id,
                address,
                referrer,
                before: after - 1,
                after,
            }
        } else {
            Event::Decref {
                obj: id,
                address,
                referrer,
                before: after + 1,
                after,
            }
        });
        if kept_by_constants {
            let holders = self.const_holders_text(id);
            self.recorder.push(Event::KeptByConstants {
                obj: id,
                address,
                holders,
            });
        }
    }

    /// Free a temporary result nobody took a reference to (an intermediate
    /// sum): what CPython's `Py_DECREF` of a new reference does.
    pub fn discard(&mut self, id: ObjId) {
        let object = self.get(id);
        if object.alive && !object.immortal && object.refs == 0 && object.const_holders.is_empty() {
            self.release(id);
        }
    }

    /// Drop a temporary reference without freeing at 0: the object is a
    /// result about to be handed on (CPython returns such a new reference).
    pub fn decref_keep(&mut self, id: ObjId, referrer: Referrer) {
        let _ = self.drop_reference(id, referrer);
    }

    /// One reference fewer to `id`, dropped by `referrer`; frees it at 0.
    #[inline]
    pub fn decref(&mut self, id: ObjId, referrer: Referrer) {
        if self.drop_reference(id, referrer) {
            self.free_unreferenced(id);
        }
    }

    /// [`Heap::decref`] where nobody records (the fast loop, which runs
    /// only then): no event, so no referrer and no test of the recorder.
    #[inline(always)]
    pub fn decref_unrecorded(&mut self, id: ObjId) {
        debug_assert!(!self.recorder.enabled);
        if self.count_down(id) {
            self.free_unreferenced(id);
        }
    }

    /// An object whose count reached 0 goes (out of line: the count change
    /// itself stays small enough to inline everywhere).
    #[inline(never)]
    fn free_unreferenced(&mut self, id: ObjId) {
        match self.objects[id.index()].value {
            // The commonest free: nothing inside, no finalizer (but an
            // instance of a subclass of int lets go of its class and dict).
            Value::Int(value)
                if self.subclassed.is_empty() || !self.subclassed.contains_key(&id) =>
            {
                self.free_int_block(id, value)
            }
            _ => self.release(id),
        }
    }

    /// Decrement and record; true when the object must now be freed.
    #[inline]
    fn drop_reference(&mut self, id: ObjId, referrer: Referrer) -> bool {
        if id.index() < self.static_prefix {
            return false;
        }
        let freed = self.count_down(id);
        if self.recorder.enabled && !self.objects[id.index()].immortal {
            self.record_count_change(id, referrer, false);
        }
        freed
    }

    /// The count itself goes down (nothing done for an immortal); true
    /// when the object must now be freed.
    #[inline(always)]
    fn count_down(&mut self, id: ObjId) -> bool {
        if id.index() < self.static_prefix {
            return false;
        }
        let object = &mut self.objects[id.index()];
        if object.immortal {
            return false;
        }
        object.refs = object.refs.saturating_sub(1);
        object.refs == 0 && object.const_holders.is_empty()
    }

    /// Free `root` and, depth first, every child whose count reaches 0 with it.
    /// Children are released before their container's block, as CPython's
    /// deallocators do; an explicit stack keeps deep chains off the Rust stack.
    fn release(&mut self, root: ObjId) {
        if !self.get(root).value.holds_references()
            && (self.subclassed.is_empty() || !self.subclassed.contains_key(&root))
        {
            // The common case (ints, strs, floats): nothing to release first
            // (an instance of a subclass of int lets go of its class and dict).
            self.free_block(root);
            return;
        }
        if self.resurrect_for_finalizer(root) {
            return;
        }
        // One flat list of children still to drop, and for each object
        // being freed where its children start in it (buffers kept for the
        // next release; a release from inside this one makes its own).
        let mut children = std::mem::take(&mut self.release_children);
        let mut pending = std::mem::take(&mut self.release_pending);
        pending.push((root, children.len()));
        self.note_release_text(root);
        self.push_release_order(root, &mut children);
        while let Some(&(id, start)) = pending.last() {
            if children.len() > start
                && let Some((child, referrer)) = children.pop()
            {
                if self.drop_reference(child, referrer) && !self.resurrect_for_finalizer(child) {
                    pending.push((child, children.len()));
                    self.note_release_text(child);
                    self.push_release_order(child, &mut children);
                }
            } else {
                pending.pop();
                self.free_block(id);
            }
        }
        self.release_children = children;
        self.release_pending = pending;
    }

    /// How a freed object is described: as it was when its release began
    /// (noted then), else as it is.
    fn freed_text(&mut self, id: ObjId) -> String {
        match self
            .release_texts
            .iter()
            .rposition(|(noted, _)| *noted == id)
        {
            Some(at) => self.release_texts.remove(at).1,
            None => self.short_repr(id),
        }
    }

    /// While recording, keep how `id` looks before its children are released.
    fn note_release_text(&mut self, id: ObjId) {
        if self.recorder.enabled {
            let text = self.short_repr(id);
            self.release_texts.push((id, text));
        }
    }

    /// A generator that must run code to close is not freed yet: the
    /// finalizer holds it until the VM has closed it.
    fn resurrect_for_finalizer(&mut self, id: ObjId) -> bool {
        let needs_close = match self.value(id) {
            Value::Generator(g) => g.needs_close(),
            Value::Instance { .. } => self.has_finalizer(id),
            _ => false,
        };
        if needs_close {
            self.objects[id.index()].finalized = true;
            self.queue_finalizer(id);
        }
        needs_close
    }

    /// An instance whose class defines `__del__`, not yet run on it.
    pub fn has_finalizer(&self, id: ObjId) -> bool {
        let object = self.get(id);
        if object.finalized {
            return false;
        }
        let Value::Instance { class, .. } = &object.value else {
            return false;
        };
        let Value::Class(class) = self.value(*class) else {
            return false;
        };
        class.mro.iter().any(|&c| match self.value(c) {
            Value::Class(c) => {
                matches!(self.value(c.dict), Value::Dict(d) if d.get_str("__del__").is_some())
            }
            _ => false,
        })
    }

    /// Generators waiting to be closed (each held by the finalizer).
    pub fn finalizing(&self) -> &[ObjId] {
        &self.finalizing
    }

    /// Its `__del__` is about to run: never again.
    pub fn mark_finalized(&mut self, id: ObjId) {
        self.objects[id.index()].finalized = true;
    }

    /// Keep `id` (one reference, [`finalizer_referrer`]) until its
    /// finalizer has run.
    pub(super) fn queue_finalizer(&mut self, id: ObjId) {
        self.incref(id, finalizer_referrer());
        self.finalizing.push(id);
        self.finalizing_depths.push(usize::MAX);
        self.attention_limit = 0;
    }

    /// The finalizers queued by the instruction that just ran run above
    /// frame depth `depth`.
    pub fn place_finalizers(&mut self, depth: usize) {
        for d in &mut self.finalizing_depths {
            if *d == usize::MAX {
                *d = depth;
            }
        }
    }

    /// The next object to finalize with `depth` frames on the stack: the
    /// first queued at that depth (or a deeper one whose frame has gone).
    /// One queued further out waits: CPython would run it only after the
    /// finalizer running now (which it calls from C) has returned.
    pub fn take_finalizing(&mut self, depth: usize) -> Option<ObjId> {
        let index = self.finalizing_depths.iter().position(|&d| d >= depth)?;
        let next = self.finalizing.remove(index);
        self.finalizing_depths.remove(index);
        self.refresh_attention();
        Some(next)
    }

    /// The children in the reverse of the order their deallocator drops them
    /// ([`Heap::release`] pops from the end): tuples and lists drop their last
    /// item first, a dict its first entry (key, then value) first.
    /// Append `id`'s children to `children` so that popping them drops
    /// them in their deallocator's order.
    fn push_release_order(&self, id: ObjId, children: &mut Vec<(ObjId, Referrer)>) {
        let start = children.len();
        if self.subclass_of(id).is_some() {
            children.extend(self.children(id));
        } else {
            let object = self.get(id);
            if let Some(traverse) = object.value.spec().slots.traverse {
                traverse(self, object, children);
            }
        }
        if self.value(id).spec().release_in_order {
            children[start..].reverse();
        }
    }

    /// `roots` and every object reachable from them through container items
    /// (`tuple[0]`…): what a program's names and stacks reach, the way the
    /// lecture draws it (a function's code object is an internal, not an item).
    /// At most `limit` objects: a million-object heap must not cost a million rows.
    pub fn through_items(
        &self,
        roots: impl IntoIterator<Item = ObjId>,
        limit: usize,
    ) -> BTreeSet<ObjId> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<ObjId> = roots.into_iter().collect();
        while let Some(id) = todo.pop() {
            if seen.len() >= limit {
                break;
            }
            if !seen.insert(id) {
                continue;
            }
            // A suspended generator shows what its frame holds (its locals and stack).
            let generator = matches!(self.value(id), Value::Generator(_));
            let items = self
                .children(id)
                .into_iter()
                .filter(|(_, referrer)| {
                    matches!(
                        referrer,
                        Referrer::Item { .. }
                            | Referrer::DictKey { .. }
                            | Referrer::DictValue { .. }
                            | Referrer::Attribute { .. }
                    ) || (generator
                        && matches!(referrer, Referrer::Local { .. } | Referrer::Stack { .. }))
                })
                .map(|(child, _)| child);
            todo.extend(items);
        }
        seen
    }

    /// The references an object holds, in their natural order (items by index,
    /// names by binding); [`Heap::release`] drops them last first, as
    /// `tupledealloc` does.
    pub fn children(&self, id: ObjId) -> Vec<(ObjId, Referrer)> {
        let mut children = self.own_children(id);
        if let Some(tag) = self.subclass_of(id) {
            let address = self.get(id).address;
            let attribute = |name| Referrer::Attribute {
                owner: address,
                name,
            };
            // Released (last first) as `subtype_dealloc`: the `__dict__`
            // first, then the items, the class last.
            let (first, last) = (
                (tag.class, attribute("__class__")),
                (tag.dict, attribute("__dict__")),
            );
            if matches!(self.value(id), Value::Dict(_)) {
                children.insert(0, last);
                children.push(first);
            } else {
                children.insert(0, first);
                children.push(last);
            }
        }
        children
    }

    /// `type(obj).__name__`: a subclass's name for its lists and dicts.
    pub fn type_name_of(&self, id: ObjId) -> &'static str {
        match self.subclass_of(id).map(|tag| self.value(tag.class)) {
            Some(Value::Class(c)) => c.name,
            _ => self.value(id).type_name(),
        }
    }

    /// Some list or dict is an instance of a subclass.
    #[inline]
    pub fn has_subclassed(&self) -> bool {
        !self.subclassed.is_empty()
    }

    /// The class and `__dict__` of a list or dict made by a subclass.
    #[inline]
    pub fn subclass_of(&self, id: ObjId) -> Option<Subclassed> {
        if self.subclassed.is_empty() {
            return None;
        }
        self.subclassed.get(&id).copied()
    }

    /// Make a new list or dict an instance of `class` with `dict` (both
    /// held by it from now on).
    pub fn tag_subclass(&mut self, id: ObjId, class: ObjId, dict: ObjId) {
        let address = self.get(id).address;
        self.incref(
            class,
            Referrer::Attribute {
                owner: address,
                name: "__class__",
            },
        );
        self.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        self.subclassed.insert(id, Subclassed { class, dict });
    }

    /// Remember the parts of a new class by address, so that the
    /// references they hold are named after it (`C.__mro__[0]`,
    /// `C.__dict__['__dict__'].__objclass__`).
    pub fn register_class(&mut self, class: ObjId) {
        let Value::Class(c) = self.value(class) else {
            return;
        };
        let mut parts: Vec<(ObjId, &'static str, bool)> = vec![
            (class, "", false),
            (c.dict, ".__dict__", false),
            (c.bases_tuple, ".__bases__", false),
        ];
        parts.extend(c.mro_tuple.map(|mro| (mro, ".__mro__", false)));
        if let Value::Dict(d) = self.value(c.dict) {
            for entry in d.entries() {
                let name = match self.value(entry.value) {
                    Value::GetSet { class: owner, name } if *owner == class => *name,
                    Value::Member {
                        class: owner, name, ..
                    } if *owner == class => *name,
                    _ => continue,
                };
                parts.push((entry.value, name, true));
            }
        }
        let class_serial = self.get(class).serial;
        for (part, suffix, descriptor) in parts {
            let object = self.get(part);
            if object.immortal {
                continue;
            }
            self.class_parts.insert(
                object.address,
                ClassPart {
                    part,
                    part_serial: object.serial,
                    class,
                    class_serial,
                    suffix,
                    descriptor,
                },
            );
        }
    }

    /// `C.__mro__` for the address of a part of a live class `C`.
    fn class_path(&self, address: u64) -> Option<String> {
        if self.class_parts.is_empty() {
            return None;
        }
        let part = self.class_parts.get(&address)?;
        let live = |id: ObjId, serial: u64| matches!(self.objects.get(id.index()), Some(o) if o.alive && o.serial == serial);
        if !live(part.part, part.part_serial) || !live(part.class, part.class_serial) {
            return None;
        }
        let Value::Class(c) = self.value(part.class) else {
            return None;
        };
        Some(if part.descriptor {
            format!("{}.__dict__['{}']", c.name, part.suffix)
        } else {
            format!("{}{}", c.name, part.suffix)
        })
    }

    /// The references the object itself holds: its type's `traverse` slot.
    fn own_children(&self, id: ObjId) -> Vec<(ObjId, Referrer)> {
        let object = self.get(id);
        let mut children = Vec::new();
        if let Some(traverse) = object.value.spec().slots.traverse {
            traverse(self, object, &mut children);
        }
        children
    }

    /// A buffer outside an object's block (a bytearray's) went from `before`
    /// to `after` bytes: counted against the memory limit like the objects.
    pub fn account_buffer(&mut self, before: usize, after: usize) {
        self.in_use = (self.in_use + after as u64).saturating_sub(before as u64);
    }

    fn free_block(&mut self, id: ObjId) {
        let object = &self.objects[id.index()];
        if let Value::Int(value) = object.value {
            self.free_int_block(id, value);
            return;
        }
        let address = object.address;
        let size = object.size;
        if let Value::ByteArray(array) = &object.value {
            self.in_use = self.in_use.saturating_sub(array.allocated as u64);
        }
        if matches!(self.objects[id.index()].value, Value::Class(_)) {
            self.class_parts.retain(|_, part| part.class != id);
        }
        let object = &self.objects[id.index()];
        let gc = object.value.is_gc();
        let block = if gc { address - 16 } else { address };
        if self.recorder.enabled {
            self.record_free(id);
        }
        // An instance of a subclass never goes to its base's free list.
        let subclassed = !self.subclassed.is_empty() && self.subclassed.remove(&id).is_some();
        if subclassed || !self.freelists.push(&self.objects[id.index()].value, block) {
            if gc {
                // `PyObject_GC_Del`.
                self.gc.young_count = self.gc.young_count.saturating_sub(1);
            }
            self.allocator.free(block, size);
        }
        self.in_use = self.in_use.saturating_sub(size as u64 + SLOT_BYTES);
        let object = &mut self.objects[id.index()];
        object.alive = false;
        object.value = Value::None;
        if !object.const_holders.is_empty() {
            object.const_holders = ConstHolders::default();
        }
        self.free_slots.push(id.index() as u32);
    }

    /// [`Heap::free_block`] of an int (never GC-tracked, nothing inside).
    #[inline]
    fn free_int_block(&mut self, id: ObjId, value: i64) {
        let object = &self.objects[id.index()];
        let (block, size) = (object.address, object.size);
        if self.recorder.enabled {
            self.record_free(id);
        }
        let subclassed = !self.subclassed.is_empty() && self.subclassed.remove(&id).is_some();
        if subclassed || !freelists::is_compact_int(value) || !self.freelists.push_int(block) {
            self.allocator.free(block, size);
        }
        self.in_use = self.in_use.saturating_sub(size as u64 + SLOT_BYTES);
        let object = &mut self.objects[id.index()];
        object.alive = false;
        // An int owns nothing: no drop to run.
        std::mem::forget(std::mem::replace(&mut object.value, Value::None));
        if !object.const_holders.is_empty() {
            object.const_holders = ConstHolders::default();
        }
        self.free_slots.push(id.index() as u32);
    }

    #[cold]
    #[inline(never)]
    fn record_free(&mut self, id: ObjId) {
        let value = self.freed_text(id);
        let object = self.get(id);
        let event = Event::Free {
            obj: id,
            address: object.address,
            type_name: object.value.type_name(),
            value,
            reason: if self.collecting {
                format!(
                    "unreachable, only a cycle held it ({})",
                    self.collect_reason
                )
            } else {
                "refs reached 0".into()
            },
        };
        self.recorder.push(event);
    }

    /// "`<module>` constants", "`f`, `g` constants".
    pub fn const_holders_text(&self, id: ObjId) -> String {
        let names: Vec<&str> = self
            .get(id)
            .const_holders
            .iter()
            .map(|&s| self.symbols.text(s))
            .collect();
        format!("{} constants", names.join(", "))
    }

    /// The referrer as the lecture would say it.
    pub fn describe(&self, referrer: Referrer) -> String {
        let text = |s: Symbol| self.symbols.text(s);
        if let Some(described) = self.describe_in_class(referrer) {
            return described;
        }
        match referrer {
            Referrer::Name { namespace, name } if text(namespace) == MAIN_MODULE => {
                format!("global {}", text(name))
            }
            Referrer::Name { namespace, name } => format!("{}.{}", text(namespace), text(name)),
            Referrer::Local { frame, name } => format!("local {} in {}", text(name), text(frame)),
            Referrer::Stack { frame, slot } => format!("stack[{slot}] of {}", text(frame)),
            Referrer::Item {
                container,
                type_name: "set",
                ..
            } => format!("set {container:#x} member"),
            Referrer::Item {
                container,
                type_name,
                index,
            } => format!("{type_name} {container:#x}[{index}]"),
            Referrer::Field { owner, field } => format!("{} {field}", text(owner)),
            Referrer::Frame { frame } => format!("frame of {}", text(frame)),
            Referrer::Iterator { iterator } => format!("iterator {iterator:#x}"),
            Referrer::Attribute { owner, name } => format!("{owner:#x}.{name}"),
            Referrer::DictKey { container } => format!("dict {container:#x} key"),
            Referrer::DictValue { container, key }
                if Some(container) == self.module_dict
                    && matches!(self.objects.get(key.index()), Some(o) if o.alive
                        && matches!(o.value, Value::Str(_))) =>
            {
                match &self.get(key).value {
                    Value::Str(name) => format!("global {name}"),
                    _ => "global ?".to_owned(),
                }
            }
            Referrer::DictValue { container, key } => {
                let key = match self.objects.get(key.index()) {
                    Some(object) if object.alive => self.short_repr(key),
                    _ => "?".to_owned(),
                };
                format!("dict {container:#x}[{key}]")
            }
        }
    }

    /// A reference held by a part of a class, named after the class.
    fn describe_in_class(&self, referrer: Referrer) -> Option<String> {
        if self.class_parts.is_empty() {
            return None;
        }
        match referrer {
            Referrer::Item {
                container, index, ..
            } => Some(format!("{}[{index}]", self.class_path(container)?)),
            Referrer::Attribute { owner, name } => {
                Some(format!("{}.{name}", self.class_path(owner)?))
            }
            Referrer::DictKey { container } => Some(format!("{} key", self.class_path(container)?)),
            Referrer::DictValue { container, key } => {
                let path = self.class_path(container)?;
                let key = match self.objects.get(key.index()) {
                    Some(object) if object.alive => self.short_repr(key),
                    _ => "?".to_owned(),
                };
                Some(format!("{path}[{key}]"))
            }
            _ => None,
        }
    }

    /// `sys.getrefcount(x)`: refs plus one per constant table (immortals: CPython's constant).
    pub fn getrefcount(&self, id: ObjId) -> u64 {
        let object = self.get(id);
        if object.immortal {
            IMMORTAL_REFCOUNT
        } else {
            object.refs as u64 + object.const_holders.len() as u64
        }
    }

    /// Python's `repr()` for display: never fails, bounded (see [`repr`]).
    pub fn repr(&self, id: ObjId) -> String {
        repr::display(self, id, repr::DISPLAY_LIMIT)
    }

    /// Python's `str()` for display: never fails, bounded.
    pub fn str(&self, id: ObjId) -> String {
        match self.value(id) {
            Value::Str(text) if text.len() > repr::DISPLAY_LIMIT => self.repr(id),
            value => match value.spec().slots.str {
                Some(str) => str(self, id).unwrap_or_else(|_| self.repr(id)),
                None => self.repr(id),
            },
        }
    }

    /// `sys.getsizeof`: the object and, for lists, dicts, sets and
    /// bytearrays, their item array, table or buffer (the type's
    /// `getsizeof` slot); a subclass's instance adds the pre-header's dict
    /// and weakref pointers.
    pub fn getsizeof(&self, id: ObjId) -> u64 {
        let object = self.get(id);
        let size = match object.value.spec().slots.getsizeof {
            Some(getsizeof) => getsizeof(object),
            None => object.size as u64,
        };
        if self.subclass_of(id).is_some() {
            size + 16
        } else {
            size
        }
    }

    /// `repr(x)` as the program sees it: CPython's int digit limit
    /// (`ValueError`), a depth budget (`RecursionError`) and the memory limit
    /// (`MemoryError`) instead of hanging or growing without bound.
    pub fn try_repr(&self, id: ObjId) -> Result<String, Box<PyException>> {
        repr::program(self, id, self.room())
    }

    /// `str(x)` as the program sees it (see [`Heap::try_repr`]): the type's
    /// `str` slot, else its repr.
    pub fn try_str(&self, id: ObjId) -> Result<String, Box<PyException>> {
        match self.value(id).spec().slots.str {
            Some(str) => str(self, id),
            None => self.try_repr(id),
        }
    }

    /// A repr cut to fit a pane cell, built no further than it shows. Objects
    /// whose repr repeats their id (functions, code) are named without it,
    /// since panes show ids anyway.
    /// The `__name__` of a class or built-in type object (the type's name
    /// of anything else), for messages.
    pub fn type_object_name(&self, id: ObjId) -> &'static str {
        match self.value(id) {
            Value::Class(c) => c.name,
            Value::Type(kind) => kind.name(),
            other => other.type_name(),
        }
    }

    pub fn short_repr(&self, id: ObjId) -> String {
        match self.value(id) {
            Value::Function(function) => {
                format!("<function {}>", self.symbols.text(function.qualname))
            }
            Value::Code(code) => format!("<code {}>", code.code.qualname),
            _ => repr::display(self, id, repr::SHORT_LIMIT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heap() -> (Heap, Symbol, Symbol) {
        let mut heap = Heap::new();
        heap.recorder.enabled = true;
        let main = heap.symbols.intern(MAIN_MODULE);
        let a = heap.symbols.intern("a");
        (heap, main, a)
    }

    #[test]
    fn a_count_reaching_zero_frees_and_the_block_is_reused() {
        let (mut heap, main, a) = heap();
        let global_a = Referrer::Name {
            namespace: main,
            name: a,
        };
        let first = heap.alloc(Value::Int(10_i64.pow(12)));
        let address = heap.get(first).address;
        heap.incref(first, global_a);
        heap.decref(first, global_a);
        assert!(!heap.get(first).alive);
        let second = heap.alloc(Value::Int(7_000_000_000));
        assert_eq!(heap.get(second).address, address, "same size class, LIFO");
        let kinds: Vec<&str> = heap
            .recorder
            .events
            .iter()
            .map(|e| match e {
                Event::Alloc { .. } => "alloc",
                Event::Incref { .. } => "incref",
                Event::Decref { .. } => "decref",
                Event::Free { .. } => "free",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["alloc", "incref", "decref", "free", "alloc"]);
    }

    #[test]
    fn constants_are_kept_alive_at_zero() {
        let (mut heap, main, a) = heap();
        let module = heap.symbols.intern("<module>");
        let hello = heap.alloc(Value::Str("hello".into()));
        heap.add_const_holder(hello, module);
        let global_a = Referrer::Name {
            namespace: main,
            name: a,
        };
        heap.incref(hello, global_a);
        assert_eq!(heap.getrefcount(hello), 2);
        heap.decref(hello, global_a);
        assert!(heap.get(hello).alive);
        assert_eq!(heap.get(hello).refs, 0);
        assert!(heap.recorder.events.iter().any(|e| matches!(
            e,
            Event::KeptByConstants { holders, .. } if holders == "<module> constants"
        )));
        assert_eq!(heap.describe(global_a), "global a");
    }

    #[test]
    fn freeing_a_tuple_releases_its_items_last_first_then_itself() {
        let (mut heap, main, a) = heap();
        let x = heap.alloc(Value::Str("xy".into()));
        let y = heap.alloc(Value::Str("zw".into()));
        let tuple = heap.alloc(Value::Tuple(vec![x, y].into()));
        let address = heap.get(tuple).address;
        let item = |index| Referrer::Item {
            container: address,
            type_name: "tuple",
            index,
        };
        heap.incref(x, item(0));
        heap.incref(y, item(1));
        let global_a = Referrer::Name {
            namespace: main,
            name: a,
        };
        heap.incref(tuple, global_a);
        heap.recorder.events.clear();
        heap.decref(tuple, global_a);
        let freed: Vec<ObjId> = heap
            .recorder
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Free { obj, .. } => Some(*obj),
                _ => None,
            })
            .collect();
        assert_eq!(freed, vec![y, x, tuple]);
        assert_eq!(heap.repr(tuple), "None", "freed slots hold nothing");
        let tuple_text = heap.recorder.events.iter().find_map(|e| match e {
            Event::Free { obj, value, .. } if *obj == tuple => Some(value.clone()),
            _ => None,
        });
        assert_eq!(
            tuple_text.as_deref(),
            Some("('xy', 'zw')"),
            "described as it was before its items went"
        );
    }

    #[test]
    fn a_long_chain_frees_without_recursion() {
        let (mut heap, main, a) = heap();
        let global_a = Referrer::Name {
            namespace: main,
            name: a,
        };
        let mut inner = heap.alloc(Value::Tuple(Vec::new().into()));
        heap.incref(inner, global_a);
        heap.recorder.enabled = false;
        for _ in 0..200_000 {
            let outer = heap.alloc(Value::Tuple(vec![inner].into()));
            // The reference moves from the name into the new tuple.
            let address = heap.get(outer).address;
            heap.incref(
                inner,
                Referrer::Item {
                    container: address,
                    type_name: "tuple",
                    index: 0,
                },
            );
            heap.decref(inner, global_a);
            heap.incref(outer, global_a);
            inner = outer;
        }
        heap.decref(inner, global_a);
        assert_eq!(heap.live_objects().count(), 0);
    }
}
