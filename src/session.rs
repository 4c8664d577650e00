//! The debugger: moves through a program by instructions, lines, calls and
//! breakpoints, forward and back, and says what changed since the previous stop.
//!
//! A *step* is one executed instruction; a *stop* is where the user lands after
//! a command. Going back is "restore the nearest checkpoint, replay forward"
//! (rr's design): the VM is deterministic, so replay reproduces the same ids,
//! counts and output. Checkpoints are whole VM clones every `interval` steps,
//! starting at [`CHECKPOINT_INTERVAL`]; when there would be more than
//! [`MAX_CHECKPOINTS`], every other one is dropped and the interval doubles,
//! up to [`MAX_INTERVAL`] (a replay of a few milliseconds); past it they grow
//! in number until the [`HISTORY_BUDGET`] thins them again.
//!
//! Forward motion is quiet: the first [`RECORDED_STEPS`] of a command record
//! their events (a short stop is told event by event), the rest run without
//! building any; a long stop is told from the difference of the two states,
//! and its last step is replayed with its events for the panes. Each
//! checkpoint interval keeps a [`Summary`] (the lines that fired line events,
//! the shallowest frame), so a backward search replays only the intervals
//! that can hold what it looks for.

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::SyntaxError;
use crate::condition::Condition;
use crate::vm::heap::ObjId;
use crate::vm::{Event, LineSink, Moved, Outcome, Step, Vm, Watcher};

/// Steps between two checkpoints for going back, at first.
pub const CHECKPOINT_INTERVAL: u64 = 512;
/// Checkpoints kept before the interval doubles (while it is below [`MAX_INTERVAL`]).
pub const MAX_CHECKPOINTS: usize = 128;
/// The longest interval between two checkpoints while the history budget
/// allows more of them: replaying one takes 2 ms at most (each
/// checkpoint costs `G` a copy of the interpreter: 65,536 took 4 % more).
pub const MAX_INTERVAL: u64 = 1 << 17;
/// At most this many checkpoints, whatever the budget.
const MOST_CHECKPOINTS: usize = 8192;
/// How far a new session looks ahead, quietly, to learn how many steps the
/// program takes ("step 4/11") before its first frame, where the output must
/// not depend on timing (`--dump`, tests); longer programs show no total
/// until the end is reached. The terminal learns it between key presses.
pub const TOTAL_LOOKAHEAD: u64 = 2_000_000;
/// The most work the terminal spends learning the total between key presses.
pub const LEARN_TOTAL_MAX_WORK: u64 = 2_000_000_000;
/// A forward command of a session nobody can interrupt (the library's
/// default: tests, fuzzing) stops after this many steps even without
/// reaching its goal, so an endless loop never hangs it. The terminal sets
/// no limit (any key stops a command); `--keys` sets [`HEADLESS_MAX_STEPS`].
pub const MAX_STEPS_PER_COMMAND: u64 = 5_000_000;
/// The step limit per command of `--keys` runs (`--dump`, `--dump-json`):
/// a second or so, so a scripted `G` on an endless loop ends soon;
/// `--command-steps` raises it for longer programs.
pub const HEADLESS_MAX_STEPS: u64 = 10_000_000;
/// A limited forward command also stops after this much work per step of
/// its limit (`Vm::work`: steps, plus the size of the big values made), so
/// big-number loops stay quick.
pub const WORK_PER_LIMITED_STEP: u64 = 4;
/// The most memory the checkpoints may take together (as [`Vm::approx_bytes`]
/// estimates it, shared data counted in full); past it they are thinned.
pub const HISTORY_BUDGET: u64 = 256 << 20;
/// A forward command asks its interrupt check every this much work.
const INTERRUPT_EVERY: u64 = 1 << 14;
/// Steps of a forward command that record their events; the rest run quietly.
pub const RECORDED_STEPS: u64 = 2048;
/// Program output a stop report keeps (the newest bytes).
const REPORT_OUTPUT_LIMIT: usize = 64 * 1024;

/// What one checkpoint interval held, learned as it first ran: a backward
/// search skips the intervals that cannot hold what it looks for.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The fewest frames of any state in the interval.
    min_depth: usize,
    /// The fewest frames of a state before a line event (`usize::MAX`: none).
    min_line_depth: usize,
    /// The lines of those line events, as a bit set.
    lines: Vec<u64>,
}

impl Default for Summary {
    fn default() -> Summary {
        Summary {
            min_depth: usize::MAX,
            min_line_depth: usize::MAX,
            lines: Vec::new(),
        }
    }
}

impl Summary {
    /// Count one state (the state after a step).
    #[inline(always)]
    fn note(&mut self, vm: &Vm) {
        let depth = vm.frames().len();
        self.min_depth = self.min_depth.min(depth);
        if next_has_line_event(vm) {
            self.line_event(vm, depth);
        }
    }

    #[inline(never)]
    fn line_event(&mut self, vm: &Vm, depth: usize) {
        self.min_line_depth = self.min_line_depth.min(depth);
        if let Some(line) = vm.next_instruction().and_then(|(_, i)| i.line) {
            let word = (line / 64) as usize;
            if word >= self.lines.len() {
                self.lines.resize(word + 1, 0);
            }
            self.lines[word] |= 1 << (line % 64);
        }
    }

    fn has_line(&self, line: u32) -> bool {
        self.lines
            .get((line / 64) as usize)
            .is_some_and(|word| word & (1 << (line % 64)) != 0)
    }

    fn merge(&mut self, other: &Summary) {
        self.min_depth = self.min_depth.min(other.min_depth);
        self.min_line_depth = self.min_line_depth.min(other.min_line_depth);
        if other.lines.len() > self.lines.len() {
            self.lines.resize(other.lines.len(), 0);
        }
        for (word, bits) in self.lines.iter_mut().zip(&other.lines) {
            *word |= bits;
        }
    }
}

/// The checkpoints and what each interval between them held.
#[derive(Debug, Clone)]
struct History {
    /// VM clones at step numbers 0, N, 2N… for going back.
    checkpoints: Vec<Vm>,
    /// What the checkpoints take together (as [`Vm::approx_bytes`] says).
    bytes: u64,
    /// Steps between two checkpoints: `checkpoints[i]` is the state after `i * interval` steps.
    interval: u64,
    /// `summaries[i]`: the states after steps `i * interval + 1 ..= (i + 1) * interval`.
    summaries: Vec<Summary>,
    /// The furthest step any command has reached (summarised up to here).
    frontier: u64,
    /// The last step the last summary covers.
    summary_end: u64,
    /// The step of the next checkpoint (`checkpoints.len() * interval`).
    next_checkpoint: u64,
    /// Calls and returns from the start to each checkpoint.
    counts: Vec<Counts>,
    /// Calls and returns from the start to the frontier.
    frontier_counts: Counts,
}

/// Calls and returns counted from the start of the program.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    calls: u64,
    returns: u64,
}

impl Counts {
    #[inline(always)]
    fn add(&mut self, moved: Moved) {
        match moved {
            Moved::Called => self.calls += 1,
            Moved::Returned => self.returns += 1,
            _ => {}
        }
    }
}

/// How a step moved between frames, from its outcome (as `Vm::run_watched` tells it).
fn moved_of(outcome: &Outcome) -> Moved {
    match outcome {
        Outcome::Called => Moved::Called,
        Outcome::Returned => Moved::Returned,
        Outcome::Finished => Moved::Finished,
        Outcome::Continued | Outcome::Raised(_) => Moved::Stayed,
    }
}

impl History {
    fn new(start: &Vm) -> History {
        History {
            checkpoints: vec![start.clone()],
            bytes: start.approx_bytes(),
            interval: CHECKPOINT_INTERVAL,
            summaries: Vec::new(),
            frontier: 0,
            summary_end: 0,
            next_checkpoint: CHECKPOINT_INTERVAL,
            counts: vec![Counts::default()],
            frontier_counts: Counts::default(),
        }
    }

    /// Where the summaries and checkpoints end, after they changed.
    fn set_ends(&mut self) {
        self.summary_end = self.summaries.len() as u64 * self.interval;
        self.next_checkpoint = self.checkpoints.len() as u64 * self.interval;
    }

    /// After every step going forward: the summary of the interval (the
    /// first time the step is reached) and the checkpoint at its end.
    #[inline(always)]
    fn after_step(&mut self, vm: &Vm, moved: Moved) {
        let steps = vm.steps();
        if steps > self.frontier {
            self.frontier = steps;
            self.frontier_counts.add(moved);
            if steps > self.summary_end {
                self.summaries.push(Summary::default());
                self.set_ends();
            }
            if let Some(summary) = self.summaries.last_mut() {
                summary.note(vm);
            }
        }
        // Checkpoints are taken at the frontier, where the counts are known.
        if steps == self.next_checkpoint && steps == self.frontier {
            self.checkpoint(vm);
        }
    }

    /// The step the fast loop may run to from the state after `steps`
    /// without a look: the end of the interval (its summary and checkpoint),
    /// and the frontier when behind it (the steps past it are summarised).
    #[inline(always)]
    fn batch_end(&self, steps: u64) -> u64 {
        if steps < self.frontier {
            return ((steps / self.interval + 1) * self.interval).min(self.frontier);
        }
        // At the frontier, so within the last summary's interval or at its end.
        if steps < self.summary_end {
            self.summary_end
        } else {
            self.summary_end + self.interval
        }
    }

    /// After a batch of steps up to `last` that stayed in a frame of
    /// `depth` (all in one interval, past the frontier or not past it):
    /// what [`History::after_step`] would note of each, the line events
    /// from `sink` (emptied).
    #[inline(always)]
    fn after_batch(&mut self, last: u64, depth: usize, sink: &mut LineSink) {
        if last > self.frontier {
            self.frontier = last;
            if last > self.summary_end {
                self.summaries.push(Summary::default());
                self.set_ends();
            }
            if let Some(summary) = self.summaries.last_mut() {
                summary.min_depth = summary.min_depth.min(depth);
                if sink.any {
                    summary.min_line_depth = summary.min_line_depth.min(depth);
                    for (word, &bits) in sink.fired.iter().enumerate() {
                        if bits != 0 {
                            if word >= summary.lines.len() {
                                summary.lines.resize(word + 1, 0);
                            }
                            summary.lines[word] |= bits;
                        }
                    }
                }
            }
        }
        if sink.any {
            sink.any = false;
            sink.fired.fill(0);
        }
    }

    /// Keep a checkpoint at every multiple of the interval; thin them out when
    /// there are too many.
    #[cold]
    fn checkpoint(&mut self, vm: &Vm) {
        let steps = vm.steps();
        while steps == self.checkpoints.len() as u64 * self.interval {
            // A copy that would not fit in the history budget beside the others
            // is not taken: they are thinned instead, and going back replays
            // further (from the start, at worst), but memory stays bounded.
            let bytes = vm.approx_bytes();
            if self.bytes + bytes > HISTORY_BUDGET {
                self.thin();
                continue;
            }
            self.checkpoints.push(vm.clone());
            self.counts.push(self.frontier_counts);
            self.bytes += bytes;
            while self.checkpoints.len() > MOST_CHECKPOINTS
                || self.checkpoints.len() > MAX_CHECKPOINTS && self.interval < MAX_INTERVAL
            {
                self.thin();
            }
            break;
        }
        self.set_ends();
    }

    /// Keep every other checkpoint (the first, the start, always stays) and
    /// double the interval, so `checkpoints[i]` is still the state after
    /// `i * interval` steps; summaries merge in pairs.
    fn thin(&mut self) {
        let mut index = 0;
        self.checkpoints.retain(|_| {
            index += 1;
            index % 2 == 1
        });
        let mut index = 0;
        self.counts.retain(|_| {
            index += 1;
            index % 2 == 1
        });
        self.bytes = self.checkpoints.iter().map(Vm::approx_bytes).sum();
        self.summaries = self
            .summaries
            .chunks(2)
            .map(|pair| {
                let mut merged = pair[0].clone();
                if let Some(second) = pair.get(1) {
                    merged.merge(second);
                }
                merged
            })
            .collect();
        self.interval *= 2;
        self.set_ends();
    }
}

/// "`<module>` constants" when constant tables alone keep a live object
/// alive (0 refs, not immortal): the words the heap pane and figures show.
pub fn kept_alive_by(
    heap: &crate::vm::heap::Heap,
    id: ObjId,
    change: Option<&Change>,
) -> Option<String> {
    let object = heap.get(id);
    let constant = !object.const_holders.is_empty();
    (constant && !object.immortal && object.refs == 0).then(|| {
        change
            .and_then(|c| c.kept_by_constants.clone())
            .unwrap_or_else(|| heap.const_holders_text(id))
    })
}

/// What happened to one object between two stops.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Net change of its count.
    pub delta: i64,
    /// Its count at the previous stop (`None` when it is new).
    pub before: Option<u32>,
    /// Its count now (`None` once freed).
    pub after: Option<u32>,
    /// Allocated since the previous stop.
    pub new: bool,
    /// Freed since the previous stop (type and value as they were).
    pub freed: Option<(String, String)>,
    /// Reached 0 but constant tables keep it: "kept alive by `<module>` constants".
    pub kept_by_constants: Option<String>,
}

/// The most calls, returns or bindings a stop report keeps word for word.
const KEPT_NAMES: usize = 8;

/// Everything between the previous stop and this one.
#[derive(Debug, Clone, Default)]
pub struct StopReport {
    /// Steps executed to get here (0 when nothing ran).
    pub steps_taken: u64,
    /// Steps undone to get here, going back.
    pub undone: u64,
    /// The last executed step, with its events.
    pub last_step: Option<Step>,
    /// The last step's instruction as `dis` shows its argument (`a`, `'hello'`, `+`).
    pub last_argrepr: String,
    /// Per object address, what changed.
    pub changes: BTreeMap<u64, Change>,
    /// Stack slots (depth, slot) pushed by the last step.
    pub pushed: Vec<(usize, usize)>,
    /// Functions entered, in order (the first [`KEPT_NAMES`]), and how many in all.
    pub calls: Vec<String>,
    pub call_count: u64,
    /// `f() returned 2`, in order (the first [`KEPT_NAMES`]), and how many in all.
    pub returns: Vec<String>,
    pub return_count: u64,
    /// The last return of the stop, whatever the count.
    pub last_return: Option<String>,
    /// The exception raised, if one was.
    pub raised: Option<String>,
    /// Program output produced since the previous stop.
    pub output: String,
    /// Why the command stopped here, when it is not obvious.
    pub note: Option<String>,
    /// This is the stop the session opened at (the first line event).
    pub opening: bool,
}

impl StopReport {
    fn absorb(&mut self, step: &Step, vm: &Vm) {
        self.steps_taken += 1;
        for event in &step.events {
            match event {
                // A merged event (a step with very many) carries several changes.
                Event::Incref {
                    address,
                    before,
                    after,
                    ..
                }
                | Event::Decref {
                    address,
                    before,
                    after,
                    ..
                } => {
                    let change = self.change(*address);
                    change.delta += *after as i64 - *before as i64;
                    if !change.new && change.before.is_none() {
                        change.before = Some(*before);
                    }
                    change.after = Some(*after);
                }
                Event::Alloc { address, .. } => {
                    let change = self.change(*address);
                    change.new = true;
                    change.freed = None;
                    change.before = None;
                    change.after = Some(0);
                }
                Event::Free {
                    address,
                    type_name,
                    value,
                    ..
                } => {
                    let change = self.change(*address);
                    change.freed = Some((type_name.to_string(), value.clone()));
                    change.after = None;
                }
                Event::KeptByConstants {
                    address, holders, ..
                } => self.change(*address).kept_by_constants = Some(holders.clone()),
                Event::Output { text } => {
                    self.output.push_str(text);
                    if self.output.len() > 2 * REPORT_OUTPUT_LIMIT {
                        let mut cut = self.output.len() - REPORT_OUTPUT_LIMIT;
                        while !self.output.is_char_boundary(cut) {
                            cut += 1;
                        }
                        self.output.drain(..cut);
                    }
                }
                Event::Call { callee, .. } => {
                    self.call_count += 1;
                    if self.calls.len() < KEPT_NAMES {
                        self.calls.push(callee.clone());
                    }
                }
                Event::Return {
                    from,
                    obj,
                    address,
                    yielded,
                } => {
                    self.return_count += 1;
                    let object = vm.heap.get(*obj);
                    let value = if object.alive && object.address == *address {
                        vm.heap.short_repr(*obj)
                    } else {
                        format!("{address:#x}")
                    };
                    let verb = if *yielded { "yielded" } else { "returned" };
                    let text = format!("{from}() {verb} {value}");
                    if self.returns.len() < KEPT_NAMES {
                        self.returns.push(text.clone());
                    }
                    self.last_return = Some(text);
                }
                Event::Raise { exception } => self.raised = Some(exception.clone()),
                // A handler took it: it is not uncaught after all.
                Event::Caught { .. } => self.raised = None,
                _ => {}
            }
        }
    }

    fn change(&mut self, address: u64) -> &mut Change {
        self.changes.entry(address).or_default()
    }
}

/// What changed between two states of the heap, whichever way the user
/// moved: counts, objects made, objects freed (with their type and value as
/// they were). Values are compared in place and reprs built only for the
/// freed, so going back in a heap of millions stays quick.
fn heap_changes(before: &Vm, after: &Vm) -> BTreeMap<u64, Change> {
    use std::collections::HashMap;
    let index = |vm: &Vm| -> HashMap<u64, crate::vm::heap::ObjId> {
        vm.heap
            .live_objects()
            .map(|(id, o)| (o.address, id))
            .collect()
    };
    let (old, new) = (index(before), index(after));
    let mut changes = BTreeMap::new();
    for (&address, &old_id) in &old {
        let old_object = before.heap.get(old_id);
        match new.get(&address) {
            // Same address, another object: freed, and a new one made there.
            Some(&new_id) if !same_object(before, old_id, after, new_id) => {
                changes.insert(
                    address,
                    Change {
                        new: true,
                        after: Some(after.heap.get(new_id).refs),
                        ..Change::default()
                    },
                );
            }
            Some(&new_id) if after.heap.get(new_id).refs != old_object.refs => {
                let after_refs = after.heap.get(new_id).refs;
                // Down to 0 but held by constant tables: say who keeps it.
                let kept_by_constants = kept_alive_by(&after.heap, new_id, None);
                changes.insert(
                    address,
                    Change {
                        delta: after_refs as i64 - old_object.refs as i64,
                        before: Some(old_object.refs),
                        after: Some(after_refs),
                        kept_by_constants,
                        ..Change::default()
                    },
                );
            }
            Some(_) => {}
            None => {
                let freed = Some((
                    old_object.value.type_name().to_owned(),
                    before.heap.short_repr(old_id),
                ));
                changes.insert(
                    address,
                    Change {
                        freed,
                        before: Some(old_object.refs),
                        ..Change::default()
                    },
                );
            }
        }
    }
    for (&address, &new_id) in &new {
        if !old.contains_key(&address) {
            let refs = after.heap.get(new_id).refs;
            let change = Change {
                new: true,
                delta: refs as i64,
                after: Some(refs),
                ..Change::default()
            };
            changes.insert(address, change);
        }
    }
    changes
}

/// Whether two objects at one address in two states are the same object:
/// the same type and value (compared in place; others by their short repr).
fn same_object(
    before: &Vm,
    old: crate::vm::heap::ObjId,
    after: &Vm,
    new: crate::vm::heap::ObjId,
) -> bool {
    use crate::vm::heap::Value;
    let (a, b) = (before.heap.value(old), after.heap.value(new));
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => {
            a.type_kind() == b.type_kind()
                && before.heap.short_repr(old) == after.heap.short_repr(new)
        }
    }
}

/// A debugging session over one program.
#[derive(Debug, Clone)]
pub struct Session {
    vm: Vm,
    /// Checkpoints and interval summaries, for going back.
    history: History,
    last_stop: StopReport,
    breakpoints: BTreeSet<u32>,
    /// Steps the whole program takes, once known.
    total_steps: Option<u64>,
    /// A copy running ahead, between key presses, to learn the total.
    ahead: Option<Box<Vm>>,
    /// The step number of the opening stop: the first line event, after `RESUME`.
    opening: u64,
    /// Source lines that have instructions: breakpoints and `t` need one.
    code_lines: BTreeSet<u32>,
    /// Conditions of conditional breakpoints, by line.
    conditions: BTreeMap<u32, Condition>,
    /// Watched objects: `c` and `C` stop where their count changes or they
    /// are freed.
    watches: Vec<Watch>,
    /// Asked every few thousand steps of a long command, with the step
    /// reached: true stops it (the terminal shows the progress and answers
    /// whether a key was pressed).
    interrupt: Option<fn(u64) -> bool>,
    /// Steps after which a forward command stops without arriving (`None`:
    /// never; the terminal, where a key stops it).
    step_limit: Option<u64>,
    /// Quiet forward motion runs the steps that cannot stop it in batches
    /// (false: each step looked at, for tests to compare).
    batched: bool,
}

/// A watched object: its arena slot and its address (together they tell it
/// from a later object in the same block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Watch {
    pub obj: ObjId,
    pub address: u64,
}

impl Watch {
    /// Its count in `vm`, `None` while it does not exist there.
    fn refs(&self, vm: &Vm) -> Option<u32> {
        vm.heap
            .try_get(self.obj)
            .filter(|o| o.alive && o.address == self.address)
            .map(|o| o.refs)
    }
}

impl Session {
    /// Compile and prepare; the first stop is the first line event (after
    /// `RESUME`), where pdb and Python Tutor start too.
    pub fn new(source: &str, filename: &str) -> Result<Session, Box<SyntaxError>> {
        Session::with_max_memory(source, filename, crate::vm::heap::DEFAULT_MAX_MEMORY)
    }

    /// [`Session::new`] with the program's memory limit (`--max-memory`).
    /// The total is looked for [`TOTAL_LOOKAHEAD`] ahead before the first
    /// stop, so what the session shows never depends on timing.
    pub fn with_max_memory(
        source: &str,
        filename: &str,
        max_memory: u64,
    ) -> Result<Session, Box<SyntaxError>> {
        Session::with_input(
            source,
            filename,
            max_memory,
            crate::vm::input::Input::empty(),
        )
    }

    /// [`Session::with_max_memory`] whose program reads `input` with `input()`.
    pub fn with_input(
        source: &str,
        filename: &str,
        max_memory: u64,
        input: crate::vm::input::Input,
    ) -> Result<Session, Box<SyntaxError>> {
        let mut vm = Vm::new(source, filename)?;
        vm.heap.set_max_memory(max_memory);
        vm.input = input;
        // A quiet run ahead says how long the program is; deterministic, so exact.
        let mut ahead = vm.clone();
        while !ahead.is_finished() && ahead.work() < TOTAL_LOOKAHEAD {
            ahead.step_quiet();
        }
        let total_steps = ahead.is_finished().then(|| ahead.steps());
        Ok(Session::start(vm, total_steps, None))
    }

    /// A session that opens at once: the total is unknown until
    /// [`Session::learn_total`] (between key presses) or the end finds it.
    pub fn open(
        source: &str,
        filename: &str,
        max_memory: u64,
        input: crate::vm::input::Input,
    ) -> Result<Session, Box<SyntaxError>> {
        let mut vm = Vm::new(source, filename)?;
        vm.heap.set_max_memory(max_memory);
        vm.input = input;
        let ahead = Some(Box::new(vm.clone()));
        Ok(Session::start(vm, None, ahead))
    }

    fn start(mut vm: Vm, total_steps: Option<u64>, ahead: Option<Box<Vm>>) -> Session {
        vm.set_recording(true);
        let mut session = Session {
            total_steps,
            ahead,
            history: History::new(&vm),
            vm,
            last_stop: StopReport::default(),
            breakpoints: BTreeSet::new(),
            opening: 0,
            code_lines: BTreeSet::new(),
            conditions: BTreeMap::new(),
            watches: Vec::new(),
            interrupt: None,
            step_limit: Some(MAX_STEPS_PER_COMMAND),
            batched: true,
        };
        session.code_lines = code_lines(&session.vm);
        session.step_line();
        session.opening = session.step_number();
        session.last_stop.opening = true;
        session
    }

    /// Whether the total is still being learned ([`Session::learn_total`]).
    pub fn learning_total(&self) -> bool {
        self.ahead.is_some()
    }

    /// Run the copy ahead `budget` more steps; true once that made the
    /// total known (the screen should show it). Gives up, total unknown,
    /// after [`LEARN_TOTAL_MAX_WORK`].
    pub fn learn_total(&mut self, budget: u64) -> bool {
        let Some(ahead) = &mut self.ahead else {
            return false;
        };
        ahead.run_for(budget);
        if ahead.is_finished() {
            self.total_steps = Some(ahead.steps());
            self.ahead = None;
            return true;
        }
        if ahead.work() >= LEARN_TOTAL_MAX_WORK {
            self.ahead = None;
        }
        false
    }

    /// Whether a source line has instructions (a breakpoint there can stop).
    pub fn has_code(&self, line: u32) -> bool {
        self.code_lines.contains(&line)
    }

    /// The step number of the opening stop (`g` goes there).
    pub fn opening_step(&self) -> u64 {
        self.opening
    }

    /// A check that stops long commands when it returns true; it is given
    /// the step reached (to show the progress).
    pub fn set_interrupt(&mut self, check: Option<fn(u64) -> bool>) {
        self.interrupt = check;
    }

    /// Steps after which a forward command stops without arriving (`None`:
    /// never, for a front end whose user can interrupt).
    pub fn set_step_limit(&mut self, limit: Option<u64>) {
        self.step_limit = limit;
    }

    /// Whether quiet forward motion runs the steps that cannot stop it in
    /// batches in the interpreter's fast loop (the default), or looks at
    /// each step: the same stops, states and history either way (tests
    /// compare the two).
    pub fn set_batched(&mut self, batched: bool) {
        self.batched = batched;
    }

    /// The history's index as text: the interval, the frontier, the steps
    /// and call counts of the checkpoints, each interval's summary (for
    /// tests that compare two ways of building it).
    #[doc(hidden)]
    pub fn history_fingerprint(&self) -> String {
        use std::fmt::Write;
        let history = &self.history;
        let mut text = format!(
            "interval {} frontier {} {:?} summary_end {} next_checkpoint {}\n",
            history.interval,
            history.frontier,
            history.frontier_counts,
            history.summary_end,
            history.next_checkpoint
        );
        for (vm, counts) in history.checkpoints.iter().zip(&history.counts) {
            let _ = writeln!(text, "checkpoint {} {counts:?}", vm.steps());
        }
        for (index, summary) in history.summaries.iter().enumerate() {
            let _ = writeln!(text, "summary {index} {summary:?}");
        }
        text
    }

    fn interrupted(&self, step: u64) -> bool {
        self.interrupt.is_some_and(|interrupted| interrupted(step))
    }

    pub fn vm(&self) -> &Vm {
        &self.vm
    }

    /// What changed between the previous stop and this one.
    pub fn last_stop(&self) -> &StopReport {
        &self.last_stop
    }

    /// Executed instructions so far.
    pub fn step_number(&self) -> u64 {
        self.vm.steps()
    }

    /// How many instructions the whole program executes, when known.
    pub fn total_steps(&self) -> Option<u64> {
        self.total_steps
    }

    pub fn is_finished(&self) -> bool {
        self.vm.is_finished()
    }

    pub fn breakpoints(&self) -> &BTreeSet<u32> {
        &self.breakpoints
    }

    /// Add or remove a breakpoint on a line of the module's file.
    pub fn toggle_breakpoint(&mut self, line: u32) {
        if !self.breakpoints.remove(&line) {
            self.breakpoints.insert(line);
        }
        self.conditions.remove(&line);
    }

    /// Set a breakpoint on `line` that stops only where `condition` holds
    /// (or any time with `None`).
    pub fn set_breakpoint(&mut self, line: u32, condition: Option<Condition>) {
        self.breakpoints.insert(line);
        match condition {
            Some(condition) => self.conditions.insert(line, condition),
            None => self.conditions.remove(&line),
        };
    }

    /// The condition of the breakpoint on `line`, if it has one.
    pub fn condition(&self, line: u32) -> Option<&Condition> {
        self.conditions.get(&line)
    }

    /// Start or stop watching the live object at `address`; true when now watched.
    pub fn toggle_watch(&mut self, address: u64) -> bool {
        if let Some(index) = self.watches.iter().position(|w| w.address == address) {
            self.watches.remove(index);
            return false;
        }
        let found = self
            .vm
            .heap
            .live_objects()
            .find(|(_, o)| o.address == address)
            .map(|(obj, _)| obj);
        match found {
            Some(obj) => {
                self.watches.push(Watch { obj, address });
                true
            }
            None => false,
        }
    }

    pub fn watches(&self) -> &[Watch] {
        &self.watches
    }

    /// `i`: one instruction.
    pub fn step_instruction(&mut self) {
        self.forward(|_| true, Stops::every(), false);
    }

    /// `s`: to the next line event, into calls.
    pub fn step_line(&mut self) {
        self.forward(next_has_line_event, Stops::line_events(usize::MAX), false);
    }

    /// `n`: to the next line event in this frame or an outer one, over calls.
    pub fn next_line(&mut self) {
        let depth = self.depth();
        self.forward(
            move |vm| next_has_line_event(vm) && vm.frames().len() <= depth,
            Stops::line_events(depth),
            false,
        );
    }

    /// `f`: until the current frame has returned.
    pub fn finish(&mut self) {
        let depth = self.depth();
        self.forward(move |vm| vm.frames().len() < depth, Stops::frames(), false);
    }

    /// `c`: to the next breakpoint line whose condition holds, to the next
    /// change of a watched object's count, or to the end.
    pub fn continue_running(&mut self) {
        let breakpoints = self.breakpoints.clone();
        let conditions = self.conditions.clone();
        let stops = Stops::lines(breakpoints.iter().copied());
        self.forward(
            move |vm| at_breakpoint(vm, &breakpoints, &conditions),
            stops,
            true,
        );
        self.explain_arrival();
    }

    /// Say which breakpoint or watch a `c`/`C` stopped at.
    fn explain_arrival(&mut self) {
        if self.last_stop.note.is_some() {
            return;
        }
        let line = self.vm.next_instruction().and_then(|(_, i)| i.line);
        if let Some(line) = line.filter(|_| next_has_line_event(&self.vm))
            && self.breakpoints.contains(&line)
        {
            self.last_stop.note = Some(match self.conditions.get(&line) {
                Some(condition) => match condition.holds(&self.vm) {
                    Ok(_) => format!("breakpoint on line {line}: {} holds", condition.text),
                    Err(error) => format!("breakpoint on line {line}: {error}"),
                },
                None => format!("breakpoint on line {line}"),
            });
            return;
        }
        let changed: Vec<String> = self
            .watches
            .iter()
            .filter(|w| self.last_stop.changes.contains_key(&w.address))
            .map(|w| match w.refs(&self.vm) {
                Some(_) => self.vm.heap.short_repr(w.obj),
                None => format!("{:#x}", w.address),
            })
            .collect();
        if !changed.is_empty() {
            self.last_stop.note = Some(format!("watched {} changed", changed.join(", ")));
        }
    }

    /// `t`: to the next line event on `line`.
    pub fn run_to_line(&mut self, line: u32) {
        self.forward(
            move |vm| {
                next_has_line_event(vm)
                    && vm.next_instruction().and_then(|(_, i)| i.line) == Some(line)
            },
            Stops::lines([line]),
            false,
        );
    }

    /// `I`: back one instruction.
    pub fn back_instruction(&mut self) {
        if self.at_start() {
            return;
        }
        let target = self.step_number() - 1;
        self.go_to(target);
    }

    /// Nothing is before step 0: a backward command there stays and says so.
    fn at_start(&mut self) -> bool {
        if self.step_number() == 0 {
            self.last_stop.note = Some("already at the start: nothing to go back to".into());
            return true;
        }
        false
    }

    /// A backward search that finds nothing lands on the opening stop (or on
    /// step 0 when already before it).
    fn back_target(&self, found: u64) -> u64 {
        if found < self.opening && self.step_number() > self.opening {
            self.opening
        } else {
            found
        }
    }

    /// `S`: back to the previous stop at a line event.
    pub fn back_line(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let found = self.last_matching_before(
            here,
            |summary| summary.min_line_depth != usize::MAX,
            next_has_line_event,
        );
        let target = self.back_target(found);
        self.go_to(target);
    }

    /// `N`: back to the previous line event in this frame or an outer one.
    pub fn back_next(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let depth = self.depth();
        let found = self.last_matching_before(
            here,
            |summary| summary.min_line_depth <= depth,
            |vm| next_has_line_event(vm) && vm.frames().len() <= depth,
        );
        self.go_to(self.back_target(found));
    }

    /// `F`: back to where the current frame was called.
    pub fn back_out(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let depth = self.depth();
        let found = self.last_matching_before(
            here,
            |summary| summary.min_depth < depth,
            |vm| vm.frames().len() < depth,
        );
        self.go_to(self.back_target(found));
    }

    /// `C`: back to the previous breakpoint stop, or the start.
    pub fn reverse_continue(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let (breakpoints, conditions) = (&self.breakpoints, &self.conditions);
        let at_break = self.last_matching_before(
            here,
            |summary| breakpoints.iter().any(|&line| summary.has_line(line)),
            |vm| at_breakpoint(vm, breakpoints, conditions),
        );
        let watch_changed = self.last_watch_change_before(here, at_break);
        self.go_to(self.back_target(at_break.max(watch_changed)));
        self.explain_arrival();
    }

    /// `g`: the opening stop (the first line event).
    pub fn go_to_start(&mut self) {
        self.go_to(self.opening);
    }

    /// `G`: the last step.
    pub fn go_to_end(&mut self) {
        // Once the session has been there, the end is a jump away.
        match self.total_steps {
            Some(total) if self.can_jump_forward(self.step_number(), total) => {
                self.jump_forward(total)
            }
            _ => self.forward(|_| false, Stops::frames(), false),
        }
    }

    /// A forward move to `target` can restore a checkpoint past `here`
    /// instead of running there: the session has been beyond it already.
    fn can_jump_forward(&self, here: u64, target: u64) -> bool {
        let history = &self.history;
        let Some(goal) = target.checked_sub(1).filter(|_| target <= history.frontier) else {
            return false;
        };
        let checkpoint = (goal / history.interval).min(history.checkpoints.len() as u64 - 1);
        // A limited command stops where running would (the same keys, the same stop).
        let within_limit = self.step_limit.is_none_or(|limit| target - here <= limit);
        within_limit && checkpoint * history.interval > here.saturating_add(RECORDED_STEPS)
    }

    /// Move forward to `target`, within the history already run, by
    /// restoring the checkpoint before it: told like a long forward run
    /// (the difference between the two states, the output in between, the
    /// last step with its events, how many calls and returns), but the
    /// functions called on the way are not named.
    fn jump_forward(&mut self, target: u64) {
        let here = self.step_number();
        let (_, counts_here) = self.replay_counting(here, false);
        let (vm, counts_there) = self.replay_counting(target - 1, true);
        // A limited command that would have stopped for its values' size runs.
        let work_limit = self
            .step_limit
            .map(|l| l.saturating_mul(WORK_PER_LIMITED_STEP));
        if work_limit.is_some_and(|limit| vm.work() + 1 - self.vm.work() >= limit) {
            self.forward(move |vm| vm.steps() >= target, Stops::step(target), false);
            return;
        }
        let before = std::mem::replace(&mut self.vm, vm);
        self.forward(move |vm| vm.steps() >= target, Stops::step(target), false);
        let end = self.step_number();
        let printed = (self.vm.output.len() - before.output.len()).min(REPORT_OUTPUT_LIMIT as u64);
        let report = &mut self.last_stop;
        report.steps_taken = end - here;
        // Calls and returns on the way: counted, not named (they did not run again).
        report.call_count += counts_there.calls - counts_here.calls;
        report.return_count += counts_there.returns - counts_here.returns;
        report.output = self.vm.output.tail(printed as usize);
        report.changes = heap_changes(&before, &self.vm);
    }

    /// `:N`: stop after exactly `target` steps (or at the end).
    pub fn go_to(&mut self, target: u64) {
        let here = self.step_number();
        if target == here {
            self.last_stop.note = Some(format!("already at step {here}"));
            return;
        }
        if target > here {
            if self.can_jump_forward(here, target) {
                self.jump_forward(target);
            } else {
                self.forward(move |vm| vm.steps() >= target, Stops::step(target), false);
            }
            return;
        }
        // Restore the checkpoint before the target, replay quietly, then run the
        // last step recorded so the panes show what it did.
        let goal = target.saturating_sub(1);
        // A long replay stops at a key, short of the target.
        let vm = self.replay_to(goal, true);
        let before = std::mem::replace(&mut self.vm, vm);
        self.last_stop = StopReport::default();
        if target > 0 {
            self.forward(move |vm| vm.steps() >= target, Stops::step(target), false);
        }
        // "Since the previous stop" is about the two screens the user saw: going
        // back, that is the difference between the states, not the replayed step.
        self.last_stop.changes = heap_changes(&before, &self.vm);
        self.last_stop.undone = here - self.step_number();
        // What the replayed last step did is not what the user saw happen.
        self.last_stop.calls.clear();
        self.last_stop.call_count = 0;
        self.last_stop.returns.clear();
        self.last_stop.return_count = 0;
        self.last_stop.last_return = None;
        self.last_stop.raised = None;
        self.last_stop.output.clear();
        self.last_stop.steps_taken = 0;
    }

    /// The state after `target` steps (or the end), replayed quietly from
    /// the checkpoint before it; recording on. `interruptible`: a key stops
    /// the replay short of the target.
    fn replay_to(&self, target: u64, interruptible: bool) -> Vm {
        self.replay_counting(target, interruptible).0
    }

    /// [`Session::replay_to`], with the calls and returns from the start
    /// of the program to the state reached.
    fn replay_counting(&self, target: u64, interruptible: bool) -> (Vm, Counts) {
        let history = &self.history;
        let index = ((target / history.interval) as usize).min(history.checkpoints.len() - 1);
        let mut vm = history.checkpoints[index].clone();
        let mut counts = history.counts.get(index).copied().unwrap_or_default();
        vm.set_recording(false);
        while vm.steps() < target && !vm.is_finished() {
            counts.add(moved_of(&vm.step_outcome()));
            if interruptible
                && vm.steps().is_multiple_of(INTERRUPT_EVERY)
                && self.interrupted(vm.steps())
            {
                break;
            }
        }
        vm.set_recording(true);
        (vm, counts)
    }

    fn depth(&self) -> usize {
        self.vm.frames().len()
    }

    /// The largest step number below `here` whose state satisfies `wanted`, or 0.
    /// Searches back one checkpoint interval at a time, skipping those whose
    /// summary says `may_hold` is false, replaying the others quietly
    /// (interrupted by the interrupt check: one step back).
    fn last_matching_before(
        &self,
        here: u64,
        may_hold: impl Fn(&Summary) -> bool,
        wanted: impl Fn(&Vm) -> bool,
    ) -> u64 {
        // The states after steps 1 ..= here - 1.
        let Some(top) = here.checked_sub(1).filter(|&top| top >= 1) else {
            return 0;
        };
        let mut index = (top - 1) / self.history.interval;
        loop {
            let low = index * self.history.interval;
            let high = ((index + 1) * self.history.interval).min(top);
            let may = self
                .history
                .summaries
                .get(index as usize)
                .is_none_or(&may_hold);
            if may {
                let checkpoint = (index as usize).min(self.history.checkpoints.len() - 1);
                let mut vm = self.history.checkpoints[checkpoint].clone();
                vm.set_recording(false);
                let mut found = None;
                while vm.steps() < high && !vm.is_finished() {
                    vm.step_quiet();
                    if vm.steps() > low && wanted(&vm) {
                        found = Some(vm.steps());
                    }
                    // A long search back stops at a key: one instruction back, then.
                    if vm.steps().is_multiple_of(INTERRUPT_EVERY) && self.interrupted(vm.steps()) {
                        return here.saturating_sub(1);
                    }
                }
                if let Some(step) = found {
                    return step;
                }
            }
            if index == 0 {
                return 0;
            }
            index -= 1;
        }
    }

    /// A watched object's count in each watch, as a key that changes when any does.
    fn watch_key(&self, vm: &Vm) -> Vec<Option<u32>> {
        self.watches.iter().map(|w| w.refs(vm)).collect()
    }

    /// The largest step number in `floor + 1 .. here` where a watched
    /// object's count differs from the step before (made, freed or
    /// counted), or 0. Each checkpoint interval is replayed, newest first.
    fn last_watch_change_before(&self, here: u64, floor: u64) -> u64 {
        if self.watches.is_empty() {
            return 0;
        }
        let Some(top) = here.checked_sub(1).filter(|&top| top > floor) else {
            return 0;
        };
        let interval = self.history.interval;
        let mut index = (top - 1) / interval;
        loop {
            let low = (index * interval).max(floor);
            let high = ((index + 1) * interval).min(top);
            let checkpoint = (index as usize).min(self.history.checkpoints.len() - 1);
            let mut vm = self.history.checkpoints[checkpoint].clone();
            vm.set_recording(false);
            let mut previous = self.watch_key(&vm);
            let mut found = None;
            while vm.steps() < high && !vm.is_finished() {
                vm.step_quiet();
                let now = self.watch_key(&vm);
                if now != previous && vm.steps() > low {
                    found = Some(vm.steps());
                }
                previous = now;
                if vm.steps().is_multiple_of(INTERRUPT_EVERY) && self.interrupted(vm.steps()) {
                    return here.saturating_sub(1);
                }
            }
            if let Some(step) = found {
                return step;
            }
            if index == 0 || index * interval <= floor {
                return 0;
            }
            index -= 1;
        }
    }

    /// Execute steps until `arrived(vm)` holds after one (or, `watching`, a
    /// watched count changed), the program ends, or the command is
    /// interrupted or reaches its step limit. The first [`RECORDED_STEPS`]
    /// record their events; then the rest run quietly and
    /// [`Session::settle_quiet_stop`] tells the stop from the two states.
    fn forward(&mut self, mut arrived: impl FnMut(&Vm) -> bool, stops: Stops, watching: bool) {
        let mut report = StopReport::default();
        let start = self.vm.steps();
        let start_output = self.vm.output.len();
        let mut limits = Limits::new(&self.vm, self.step_limit, self.interrupt);
        let watching = watching && !self.watches.is_empty();
        let mut watched = if watching {
            self.watch_key(&self.vm)
        } else {
            Vec::new()
        };
        let mut last: Option<Step> = None;
        let mut last_at = None;
        let mut quiet = false;
        loop {
            // Which instruction runs, to write its argument as dis does; an
            // `Arc` clone per step, the string only for the last one.
            let at = self.vm.frames().last().map(|f| (f.code.clone(), f.pc));
            let Some(step) = self.vm.step() else {
                break;
            };
            last_at = at;
            report.absorb(&step, &self.vm);
            self.history.after_step(&self.vm, moved_of(&step.outcome));
            last = Some(step);
            let mut done = arrived(&self.vm);
            if watching {
                done |= watch_moved(&self.watches, &self.vm, &mut watched);
            }
            if done {
                break;
            }
            if let Some(note) = limits.check(&self.vm) {
                report.note = Some(note);
                break;
            }
            if self.vm.steps() - start >= RECORDED_STEPS {
                quiet = true;
                break;
            }
        }
        if quiet {
            // The rest in the interpreter's own loop, building nothing.
            let tally = QuietTally::new(&self.vm);
            let sink = LineSink {
                stop_lines: stops.lines,
                ..LineSink::default()
            };
            let batched = self.batched && !stops.every && !watching;
            let mut watcher = QuietWatcher {
                history: &mut self.history,
                watches: &self.watches,
                watched,
                watching,
                arrived: &mut arrived,
                limits,
                tally,
                note: None,
                sink,
                batched,
                stop_step: stops.step,
                line_depth: stops.line_depth,
            };
            self.vm.set_recording(false);
            self.vm.run_watched(&mut watcher);
            self.vm.set_recording(true);
            report.note = watcher.note;
            let tally = watcher.tally;
            self.finished_check();
            self.settle_quiet_stop(report, tally, start, start_output);
            return;
        }
        self.finished_check();
        if let Some(step) = last
            .as_ref()
            .filter(|s| s.events_dropped > 0 && report.note.is_none())
        {
            report.note = Some(format!(
                "the last step made {} more events than are shown",
                step.events_dropped
            ));
        }
        if let Some(step) = &last {
            report.pushed = pushed_slots(step);
        }
        report.last_step = last;
        if let Some((code, pc)) = last_at
            && let Some(instr) = code.instrs.get(pc)
        {
            report.last_argrepr = self.vm.argrepr(&code, instr);
        }
        self.last_stop = report;
    }

    /// At the end, the total is known.
    fn finished_check(&mut self) {
        if self.vm.is_finished() {
            self.total_steps = Some(self.vm.steps());
            self.ahead = None;
        }
    }

    /// Tell a stop reached by a long, mostly quiet, run: what changed is the
    /// difference between the state at the previous stop and this one
    /// (replayed from a checkpoint), the last step is replayed with its
    /// events (for the stack highlights), and the output is the text printed
    /// in between.
    fn settle_quiet_stop(
        &mut self,
        mut report: StopReport,
        quiet: QuietTally,
        start: u64,
        start_output: u64,
    ) {
        let end = self.vm.steps();
        report.steps_taken = end - start;
        // Calls and returns: those the recorded steps saw, then the quiet ones.
        for callee in quiet.calls {
            if report.calls.len() < KEPT_NAMES {
                report.calls.push(callee);
            }
        }
        report.call_count += quiet.call_count;
        report.return_count += quiet.return_count;
        if let Some((from, obj, address)) = quiet.last_return {
            let object = self.vm.heap.try_get(obj);
            let value = if object.is_some_and(|o| o.alive && o.address == address) {
                self.vm.heap.short_repr(obj)
            } else {
                format!("{address:#x}")
            };
            let text = format!("{}() returned {value}", self.vm.heap.symbols.text(from));
            if report.returns.len() < KEPT_NAMES {
                report.returns.push(text.clone());
            }
            report.last_return = Some(text);
        }
        let printed = (self.vm.output.len() - start_output).min(REPORT_OUTPUT_LIMIT as u64);
        report.output = self.vm.output.tail(printed as usize);
        let before = self.replay_to(start, false);
        report.changes = heap_changes(&before, &self.vm);
        drop(before);
        // The last step again, recorded, from the state before it.
        let mut vm = self.replay_to(end - 1, false);
        let at = vm.frames().last().map(|f| (f.code.clone(), f.pc));
        if let Some(step) = vm.step() {
            report.raised = None;
            for event in &step.events {
                match event {
                    Event::Raise { exception } => report.raised = Some(exception.clone()),
                    Event::Caught { .. } => report.raised = None,
                    _ => {}
                }
            }
            report.pushed = pushed_slots(&step);
            if let Some((code, pc)) = at
                && let Some(instr) = code.instrs.get(pc)
            {
                report.last_argrepr = self.vm.argrepr(&code, instr);
            }
            report.last_step = Some(step);
        }
        self.last_stop = report;
    }

    /// What the whole stop did, in sentences, most important first.
    pub fn summary(&self) -> String {
        crate::narrate::stop_summary(&self.vm, &self.last_stop)
    }

    /// The traceback, if the program ended with an uncaught exception.
    pub fn traceback(&self) -> Option<&str> {
        match self.vm.outcome() {
            Some(Outcome::Raised(text)) => Some(text),
            _ => None,
        }
    }
}

/// Every line some code object of the program has an instruction on.
fn code_lines(vm: &Vm) -> BTreeSet<u32> {
    let mut lines = BTreeSet::new();
    let module = vm.module_info().map(|m| m.instrs.as_slice()).unwrap_or(&[]);
    let codes = vm.heap.live_objects().filter_map(|(_, o)| match &o.value {
        crate::vm::heap::Value::Code(info) => Some(info.instrs.as_slice()),
        _ => None,
    });
    for instrs in std::iter::once(module).chain(codes) {
        lines.extend(instrs.iter().filter_map(|i| i.line).filter(|&l| l > 0));
    }
    lines
}

/// The next instruction starts a line that has a breakpoint whose condition
/// holds (a condition that cannot be evaluated stops too, to say why).
fn at_breakpoint(
    vm: &Vm,
    breakpoints: &BTreeSet<u32>,
    conditions: &BTreeMap<u32, Condition>,
) -> bool {
    if !next_has_line_event(vm) {
        return false;
    }
    let Some(line) = vm.next_instruction().and_then(|(_, i)| i.line) else {
        return false;
    };
    if !breakpoints.contains(&line) {
        return false;
    }
    conditions
        .get(&line)
        .is_none_or(|condition| condition.holds(vm).unwrap_or(true))
}

/// Whether a watched count differs from `seen` (which takes the new counts).
fn watch_moved(watches: &[Watch], vm: &Vm, seen: &mut [Option<u32>]) -> bool {
    let mut moved = false;
    for (watch, seen) in watches.iter().zip(seen.iter_mut()) {
        let now = watch.refs(vm);
        if now != *seen {
            *seen = now;
            moved = true;
        }
    }
    moved
}

/// The stack slots (depth, slot) a step pushed: highlighted in the stack pane.
fn pushed_slots(step: &Step) -> Vec<(usize, usize)> {
    step.events
        .iter()
        .filter_map(|e| match e {
            Event::Push { depth, slot, .. } => Some((*depth, *slot)),
            _ => None,
        })
        .collect()
}

/// What the quiet part of a forward command counts: calls (the first few
/// names) and returns (the last one's function and value), nothing else.
#[derive(Debug, Default)]
struct QuietTally {
    calls: Vec<String>,
    call_count: u64,
    return_count: u64,
    last_return: Option<(crate::vm::heap::Symbol, ObjId, u64)>,
    /// The qualnames of the frames, to name the one that returns.
    frames: Vec<crate::vm::heap::Symbol>,
}

impl QuietTally {
    fn new(vm: &Vm) -> QuietTally {
        QuietTally {
            frames: vm.frames().iter().map(|f| f.qualname).collect(),
            ..QuietTally::default()
        }
    }

    /// A step entered or left a frame.
    #[cold]
    fn moved(&mut self, vm: &Vm, moved: Moved) {
        let depth = vm.frames().len();
        match moved {
            Moved::Called => {
                self.call_count += 1;
                if let Some(frame) = vm.frames().last() {
                    if self.calls.len() < KEPT_NAMES {
                        self.calls.push(frame.code.code.qualname.clone());
                    }
                    self.frames.truncate(depth - 1);
                    self.frames.push(frame.qualname);
                }
            }
            Moved::Returned => {
                self.return_count += 1;
                let value = vm
                    .frames()
                    .last()
                    .and_then(|f| f.stack.last())
                    .and_then(|slot| slot.obj);
                if let (Some(&from), Some(obj)) = (self.frames.get(depth), value) {
                    self.last_return = Some((from, obj, vm.heap.get(obj).address));
                }
                self.frames.truncate(depth);
            }
            Moved::Stayed | Moved::Unwound | Moved::Finished => self.frames.truncate(depth),
        }
    }
}

/// When a forward command stops without arriving: a key, or its limits.
struct Limits {
    start: u64,
    /// The work at which to ask the interrupt check next.
    next_check: u64,
    work: Option<u64>,
    steps: Option<u64>,
    interrupt: Option<fn(u64) -> bool>,
    /// Nothing to look at below this much work (the least of the above).
    threshold: u64,
}

impl Limits {
    fn new(vm: &Vm, limit: Option<u64>, interrupt: Option<fn(u64) -> bool>) -> Limits {
        let (start, work) = (vm.steps(), vm.work());
        let mut limits = Limits {
            start,
            next_check: work + INTERRUPT_EVERY,
            work: limit
                .map(|limit| work.saturating_add(limit.saturating_mul(WORK_PER_LIMITED_STEP))),
            steps: limit.map(|limit| start.saturating_add(limit)),
            interrupt,
            threshold: 0,
        };
        limits.set_threshold();
        limits
    }

    /// Work is never below steps, so one comparison covers every limit.
    fn set_threshold(&mut self) {
        self.threshold = self
            .next_check
            .min(self.work.unwrap_or(u64::MAX))
            .min(self.steps.unwrap_or(u64::MAX));
    }

    /// Why to stop now, if the command should.
    #[inline(always)]
    fn check(&mut self, vm: &Vm) -> Option<String> {
        if vm.work() < self.threshold {
            return None;
        }
        self.look(vm)
    }

    #[cold]
    #[inline(never)]
    fn look(&mut self, vm: &Vm) -> Option<String> {
        let work = vm.work();
        let steps = vm.steps();
        if work >= self.next_check {
            self.next_check = work + INTERRUPT_EVERY;
            self.set_threshold();
            if self.interrupt.is_some_and(|interrupted| interrupted(steps)) {
                return Some(format!("interrupted after {} steps", steps - self.start));
            }
        }
        if self.work.is_some_and(|limit| work >= limit) {
            return Some(format!(
                "stopped after {} steps: the program's values are large",
                steps - self.start
            ));
        }
        if self.steps.is_some_and(|limit| steps >= limit) {
            return Some(format!(
                "stopped after {} steps without arriving",
                steps - self.start
            ));
        }
        None
    }
}

/// Where a forward command's `arrived` can first hold after a step that
/// stayed in its frame, so that the quiet run's batches (the fast loop,
/// see [`Vm::run_watched`]) stop only there. Steps that enter, leave or
/// unwind a frame are always looked at.
#[derive(Debug, Clone, Default)]
struct Stops {
    /// After any step: no batches (`i`).
    every: bool,
    /// At a line event in a frame at most this deep (`s`: any, `n`: its own).
    line_depth: Option<usize>,
    /// At a line event on one of these lines (a bit set): breakpoints, `t`'s line.
    lines: Vec<u64>,
    /// At this step (`:N`; `u64::MAX`: none).
    step: u64,
}

impl Stops {
    /// Only at steps that move between frames, the limits, the end (`G`, `f`).
    fn frames() -> Stops {
        Stops {
            step: u64::MAX,
            ..Stops::default()
        }
    }

    /// After every step (`i`).
    fn every() -> Stops {
        Stops {
            every: true,
            ..Stops::frames()
        }
    }

    /// At a line event in a frame at most `depth` deep.
    fn line_events(depth: usize) -> Stops {
        Stops {
            line_depth: Some(depth),
            ..Stops::frames()
        }
    }

    /// At a line event on one of `lines`.
    fn lines(lines: impl IntoIterator<Item = u32>) -> Stops {
        let mut set = Vec::new();
        for line in lines {
            let word = (line / 64) as usize;
            if word >= set.len() {
                set.resize(word + 1, 0);
            }
            set[word] |= 1 << (line % 64);
        }
        Stops {
            lines: set,
            ..Stops::frames()
        }
    }

    /// At step `target`.
    fn step(target: u64) -> Stops {
        Stops {
            step: target,
            ..Stops::frames()
        }
    }
}

/// The quiet part of a forward command, told each step by
/// [`Vm::run_watched`] (or each batch of steps that cannot stop it): the
/// history's summaries and checkpoints, arrival, watches, limits.
struct QuietWatcher<'a> {
    history: &'a mut History,
    watches: &'a [Watch],
    watched: Vec<Option<u32>>,
    watching: bool,
    /// (One instance of the quiet run for every command: a `dyn` call per look.)
    arrived: &'a mut dyn FnMut(&Vm) -> bool,
    limits: Limits,
    tally: QuietTally,
    /// Why the command stopped without arriving.
    note: Option<String>,
    sink: LineSink,
    /// Batches allowed (not with watches: any step may change a count).
    batched: bool,
    /// See [`Stops`].
    stop_step: u64,
    line_depth: Option<usize>,
}

impl Watcher for QuietWatcher<'_> {
    #[inline(always)]
    fn batch(&mut self, vm: &Vm) -> u64 {
        if !self.batched {
            return 0;
        }
        let steps = vm.steps();
        // Work is steps plus the size of big values made; the fast loop
        // makes none, so the limits' threshold is this many steps away.
        let to_limits = self.limits.threshold.saturating_sub(vm.work());
        self.sink.stop_all = self.line_depth.is_some_and(|d| vm.frames().len() <= d);
        self.history
            .batch_end(steps)
            .min(self.stop_step)
            .min(steps.saturating_add(to_limits))
    }

    #[inline(always)]
    fn sink(&mut self) -> &mut LineSink {
        &mut self.sink
    }

    #[inline(always)]
    fn after_batch(&mut self, vm: &Vm, last: u64) {
        self.history
            .after_batch(last, vm.frames().len(), &mut self.sink);
    }

    #[inline(always)]
    fn after(&mut self, vm: &Vm, moved: Moved) -> bool {
        if moved != Moved::Stayed {
            self.tally.moved(vm, moved);
        }
        self.history.after_step(vm, moved);
        let mut done = (self.arrived)(vm);
        if self.watching {
            done |= watch_moved(self.watches, vm, &mut self.watched);
        }
        if done {
            return true;
        }
        if vm.work() < self.limits.threshold {
            return false;
        }
        self.note = self.limits.look(vm);
        self.note.is_some()
    }
}

/// CPython would report a 'line' event before the next instruction.
fn next_has_line_event(vm: &Vm) -> bool {
    vm.is_finished() || vm.frames().last().is_some_and(|f| f.line_event_next)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFCOUNT: &str = "a = \"hello\"\nb = a\na = \"world\"\nb = \"world\"\n";

    fn refs_of(session: &Session, text: &str) -> Option<u32> {
        let heap = &session.vm().heap;
        heap.live_objects()
            .find(|(id, _)| heap.repr(*id) == text)
            .map(|(_, o)| o.refs)
    }

    #[test]
    fn stepping_lines_tells_the_lectures_refcount_story() {
        let mut session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        assert_eq!(session.step_number(), 1, "opens at line 1, after RESUME");
        let mut hello = Vec::new();
        let mut world = Vec::new();
        for _ in 0..4 {
            session.step_line();
            hello.push(refs_of(&session, "'hello'"));
            world.push(refs_of(&session, "'world'"));
        }
        assert_eq!(hello, [Some(1), Some(2), Some(1), Some(0)]);
        assert_eq!(world, [Some(0), Some(0), Some(1), Some(2)]);
        assert!(session.is_finished());
        let kept = session
            .last_stop()
            .changes
            .values()
            .any(|c| c.kept_by_constants.as_deref() == Some("<module> constants"));
        assert!(kept, "'hello' at 0 says why it is not freed");
    }

    #[test]
    fn no_move_goes_forward_from_the_start_and_none_lands_one_off() {
        let mut session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        session.go_to_start();
        assert_eq!(session.step_number(), 1, "g at the opening stop stays");
        session.go_to(0);
        assert_eq!(session.step_number(), 0);
        for back in [
            Session::back_instruction,
            Session::back_line,
            Session::back_next,
            Session::back_out,
            Session::reverse_continue,
        ] {
            back(&mut session);
            assert_eq!(session.step_number(), 0, "a backward move at step 0 stays");
        }
        session.go_to(0);
        assert_eq!(session.step_number(), 0, "going to where we are stays");
        session.step_line();
        session.step_line();
        session.go_to(3);
        assert_eq!(session.step_number(), 3, "':3' lands on step 3");
        session.go_to(3);
        assert_eq!(session.step_number(), 3);
        session.back_line();
        assert_eq!(session.step_number(), 1, "back to the opening stop");
    }

    #[test]
    fn the_summary_tells_the_whole_stop() {
        let mut session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        session.step_line();
        session.step_line();
        session.step_line();
        session.step_line();
        let summary = session.summary();
        assert!(summary.contains("'hello' refs 1→0"), "{summary}");
        assert!(summary.contains("'world' refs 1→2"), "{summary}");
        assert!(!summary.starts_with("RETURN_VALUE"), "{summary}");
        session.back_line();
        let summary = session.summary();
        assert!(summary.starts_with("Back 4 instructions"), "{summary}");
        assert!(summary.contains("undid"), "{summary}");
        let calls = "def f(x):\n    return x\nf(1000)\n";
        let mut session = Session::new(calls, "t.py").expect("compiles");
        session.step_line();
        session.step_line();
        let summary = session.summary();
        assert!(summary.contains("called f()"), "{summary}");
    }

    #[test]
    fn an_uncaught_exception_keeps_its_frames() {
        let source = "def f(x):\n    return 1 // x\nf(0)\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.go_to_end();
        assert!(session.traceback().is_some());
        assert_eq!(
            session.vm().frames().len(),
            2,
            "post-mortem keeps f and <module>"
        );
        assert!(session.summary().contains("raised ZeroDivisionError"));
        session.back_instruction();
        assert!(session.traceback().is_none());
        assert_eq!(session.vm().frames().len(), 2);
    }

    #[test]
    fn the_total_is_known_before_the_end() {
        let session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        assert_eq!(session.total_steps(), Some(11));
        let endless = Session::new("while True:\n    pass\n", "t.py").expect("compiles");
        assert_eq!(endless.total_steps(), None);
    }

    #[test]
    fn going_back_replays_to_the_same_state() {
        let mut session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        for _ in 0..4 {
            session.step_instruction();
        }
        let state = |s: &Session| {
            let heap = &s.vm().heap;
            heap.live_objects()
                .map(|(id, o)| (o.address, o.refs, heap.repr(id)))
                .collect::<Vec<_>>()
        };
        let before = state(&session);
        session.step_instruction();
        session.back_instruction();
        assert_eq!(session.step_number(), 5);
        assert_eq!(state(&session), before);
        assert!(
            session
                .summary()
                .starts_with("Back 1 instruction to step 5, undid LOAD_CONST")
        );
        session.go_to_start();
        assert_eq!(session.step_number(), 1, "the opening stop");
        session.go_to_end();
        assert!(session.is_finished());
        session.back_line();
        assert!(!session.is_finished());
    }

    #[test]
    fn long_runs_keep_few_checkpoints_and_still_go_back_exactly() {
        let source = "t = 0\nfor i in range(40000):\n    t = t + i\nprint(t)\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.go_to_end();
        assert!(session.is_finished());
        assert!(session.history.checkpoints.len() <= MAX_CHECKPOINTS);
        let end = session.step_number();
        session.go_to(end - 1000);
        assert_eq!(session.step_number(), end - 1000);
        let here = session.vm().globals();
        // The same state, reached from the start without going back.
        let mut fresh = Session::new(source, "t.py").expect("compiles");
        fresh.go_to(end - 1000);
        let heap = |s: &Session| {
            s.vm()
                .heap
                .live_objects()
                .map(|(id, o)| (o.address, o.refs, s.vm().heap.repr(id)))
                .collect::<Vec<_>>()
        };
        assert_eq!(heap(&session), heap(&fresh));
        assert_eq!(here, fresh.vm().globals());
        session.back_line();
        assert!(session.step_number() < end - 1000);
    }

    #[test]
    fn a_limit_stops_a_command_and_no_limit_reaches_the_end() {
        let source = "n = 0\nwhile n < 3000:\n    n = n + 1\n";
        let mut limited = Session::new(source, "t.py").expect("compiles");
        limited.set_step_limit(Some(1000));
        limited.go_to_end();
        assert_eq!(limited.step_number(), 1001, "one step in, a thousand more");
        let note = limited.last_stop().note.clone().unwrap_or_default();
        assert_eq!(note, "stopped after 1000 steps without arriving");
        let mut free = Session::open(
            source,
            "t.py",
            crate::vm::heap::DEFAULT_MAX_MEMORY,
            Default::default(),
        )
        .expect("compiles");
        assert_eq!(free.total_steps(), None, "opened without looking ahead");
        free.set_step_limit(None);
        free.go_to(9000);
        assert_eq!(free.step_number(), 9000, "exactly where it says");
        free.go_to_end();
        assert!(free.is_finished());
        assert_eq!(
            free.total_steps(),
            Some(free.step_number()),
            "learned at the end"
        );
        let summary = free.summary();
        assert!(summary.starts_with("Ran "), "{summary}");
    }

    #[test]
    fn the_total_is_learned_a_slice_at_a_time() {
        let source = "n = 0\nwhile n < 3000:\n    n = n + 1\n";
        let mut session = Session::open(
            source,
            "t.py",
            crate::vm::heap::DEFAULT_MAX_MEMORY,
            Default::default(),
        )
        .expect("compiles");
        assert!(session.learning_total());
        let mut slices = 0;
        while !session.learn_total(1000) {
            slices += 1;
            assert!(slices < 100, "never learned");
        }
        let known = Session::new(source, "t.py").expect("compiles");
        assert_eq!(session.total_steps(), known.total_steps());
        assert!(!session.learning_total());
    }

    #[test]
    fn an_interrupt_stops_a_long_command_where_it_is() {
        use std::sync::atomic::{AtomicU64, Ordering};
        static ASKED: AtomicU64 = AtomicU64::new(0);
        fn stop_at_the_third_question(_step: u64) -> bool {
            ASKED.fetch_add(1, Ordering::SeqCst) >= 2
        }
        let mut session = Session::new("while True:\n    pass\n", "t.py").expect("compiles");
        session.set_step_limit(None);
        session.set_interrupt(Some(stop_at_the_third_question));
        session.go_to_end();
        let steps = session.step_number();
        assert!(
            (3 * INTERRUPT_EVERY..4 * INTERRUPT_EVERY).contains(&steps),
            "{steps}"
        );
        let note = session.last_stop().note.clone().unwrap_or_default();
        assert!(note.starts_with("interrupted after"), "{note}");
    }

    #[test]
    fn a_long_stop_is_told_from_the_two_states() {
        let source = "def f(x):\n    return x + 1\nt = 0\nfor i in range(2000):\n    t = f(t)\nprint(t)\nu = 'done'\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.set_step_limit(None);
        session.toggle_breakpoint(7);
        session.continue_running();
        let report = session.last_stop();
        assert!(report.steps_taken > RECORDED_STEPS);
        assert_eq!(report.call_count, 2000);
        assert_eq!(report.return_count, 2000);
        assert_eq!(report.last_return.as_deref(), Some("f() returned 2000"));
        assert_eq!(report.output, "2000\n");
        let summary = session.summary();
        assert!(summary.contains("called f() (2000 calls)"), "{summary}");
        assert!(summary.contains("new int 2000"), "{summary}");
        assert!(
            report.last_step.is_some(),
            "the last step is replayed with its events"
        );
        // Back to the start, then a jump to the same stop: the same counts.
        let (stop, ran) = (session.step_number(), report.steps_taken);
        session.go_to_start();
        session.go_to(stop);
        let jumped = session.last_stop();
        assert_eq!(jumped.steps_taken, ran);
        assert_eq!((jumped.call_count, jumped.return_count), (2000, 2000));
        assert_eq!(jumped.output, "2000\n");
        let summary = session.summary();
        assert!(summary.contains("2000 calls"), "{summary}");
        assert!(summary.contains("new int 2000"), "{summary}");
    }

    #[test]
    fn a_long_run_that_raises_says_so_and_keeps_the_frames() {
        let source = "def f(x):\n    return 1 // x\nfor i in range(3000):\n    pass\nf(0)\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.go_to_end();
        assert!(session.last_stop().steps_taken > RECORDED_STEPS);
        assert!(session.traceback().is_some());
        assert_eq!(
            session.vm().frames().len(),
            2,
            "post-mortem keeps f and <module>"
        );
        let summary = session.summary();
        assert!(summary.contains("raised ZeroDivisionError"), "{summary}");
        // Back to the start and to the end again: a jump, told the same way.
        session.go_to_start();
        session.go_to_end();
        assert!(session.traceback().is_some());
        let again = session.summary();
        assert!(again.contains("raised ZeroDivisionError"), "{again}");
    }

    #[test]
    fn next_steps_over_calls_and_finish_leaves_them() {
        let source = "def f(x):\n    y = x + 1\n    return y\nz = f(1)\nprint(z)\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.step_line(); // line 4
        session.next_line(); // over f: line 5
        assert_eq!(session.vm().frames().len(), 1);
        assert_eq!(
            session.vm().next_instruction().and_then(|(_, i)| i.line),
            Some(5)
        );
        session.go_to_start();
        session.step_line();
        session.step_line(); // into f, line 2
        assert_eq!(session.vm().frames().len(), 2);
        session.finish();
        assert_eq!(session.vm().frames().len(), 1);
    }

    #[test]
    fn breakpoints_stop_continue() {
        let source = "x = 0\nwhile x < 5:\n    x = x + 1\nprint(x)\n";
        let mut session = Session::new(source, "t.py").expect("compiles");
        session.toggle_breakpoint(3);
        session.continue_running();
        session.continue_running();
        let x = session
            .vm()
            .globals()
            .into_iter()
            .find(|(n, _)| n == "x")
            .map(|(_, id)| session.vm().heap.repr(id));
        assert_eq!(x.as_deref(), Some("1"));
        session.toggle_breakpoint(3);
        session.continue_running();
        assert!(session.is_finished());
        assert_eq!(session.vm().output, "5\n");
    }
}
