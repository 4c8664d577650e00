//! The debugger: moves through a program by instructions, lines, calls and
//! breakpoints, forward and back, and says what changed since the previous stop.
//!
//! A *step* is one executed instruction; a *stop* is where the user lands after
//! a command. Going back is "restore the nearest checkpoint, replay forward"
//! (rr's design): the VM is deterministic, so replay reproduces the same ids,
//! counts and output. Checkpoints are whole VM clones every `interval` steps,
//! starting at [`CHECKPOINT_INTERVAL`]; when there would be more than
//! [`MAX_CHECKPOINTS`], every other one is dropped and the interval doubles, so
//! memory stays bounded however long the program runs.

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::SyntaxError;
use crate::condition::Condition;
use crate::vm::heap::ObjId;
use crate::vm::{Event, Outcome, Step, Vm};

/// Steps between two checkpoints for going back, at first.
pub const CHECKPOINT_INTERVAL: u64 = 512;
/// The most checkpoints kept at once.
pub const MAX_CHECKPOINTS: usize = 128;
/// How far a new session looks ahead, quietly, to learn how many steps the
/// program takes ("step 4/11"); longer programs show no total.
pub const TOTAL_LOOKAHEAD: u64 = 2_000_000;
/// A forward command stops after this many steps even without reaching its goal,
/// so an endless loop never hangs the debugger.
pub const MAX_STEPS_PER_COMMAND: u64 = 5_000_000;
/// A forward command also stops after this much work (`Vm::work`: steps,
/// plus the size of the big values made), so big-number loops stay quick.
pub const MAX_WORK_PER_COMMAND: u64 = 4 * MAX_STEPS_PER_COMMAND;
/// The most memory the checkpoints may take together (as [`Vm::approx_bytes`]
/// estimates it, shared data counted in full); past it they are thinned.
pub const HISTORY_BUDGET: u64 = 256 << 20;
/// A forward command asks its interrupt check every this many steps.
const INTERRUPT_EVERY: u64 = 1 << 14;
/// Program output a stop report keeps (the newest bytes).
const REPORT_OUTPUT_LIMIT: usize = 64 * 1024;

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
                Event::Return { from, obj, address } => {
                    self.return_count += 1;
                    let object = vm.heap.get(*obj);
                    let value = if object.alive && object.address == *address {
                        vm.heap.short_repr(*obj)
                    } else {
                        format!("{address:#x}")
                    };
                    let text = format!("{from}() returned {value}");
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
                changes.insert(
                    address,
                    Change {
                        delta: after_refs as i64 - old_object.refs as i64,
                        before: Some(old_object.refs),
                        after: Some(after_refs),
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
    /// VM clones at step numbers 0, N, 2N… for going back.
    checkpoints: Vec<Vm>,
    /// Steps between two checkpoints: `checkpoints[i]` is the state after `i * interval` steps.
    interval: u64,
    last_stop: StopReport,
    breakpoints: BTreeSet<u32>,
    /// Steps the whole program takes, if it ends within [`TOTAL_LOOKAHEAD`].
    total_steps: Option<u64>,
    /// The step number of the opening stop: the first line event, after `RESUME`.
    opening: u64,
    /// Source lines that have instructions: breakpoints and `t` need one.
    code_lines: BTreeSet<u32>,
    /// Conditions of conditional breakpoints, by line.
    conditions: BTreeMap<u32, Condition>,
    /// Watched objects: `c` and `C` stop where their count changes or they
    /// are freed.
    watches: Vec<Watch>,
    /// Asked every few thousand steps of a forward command: true stops it
    /// (the terminal front end answers whether `q` or Ctrl-C was pressed).
    interrupt: Option<fn() -> bool>,
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
        vm.set_recording(true);
        let mut session = Session {
            total_steps,
            checkpoints: vec![vm.clone()],
            interval: CHECKPOINT_INTERVAL,
            vm,
            last_stop: StopReport::default(),
            breakpoints: BTreeSet::new(),
            opening: 0,
            code_lines: BTreeSet::new(),
            conditions: BTreeMap::new(),
            watches: Vec::new(),
            interrupt: None,
        };
        session.code_lines = code_lines(&session.vm);
        session.step_line();
        session.opening = session.step_number();
        session.last_stop.opening = true;
        Ok(session)
    }

    /// Whether a source line has instructions (a breakpoint there can stop).
    pub fn has_code(&self, line: u32) -> bool {
        self.code_lines.contains(&line)
    }

    /// The step number of the opening stop (`g` goes there).
    pub fn opening_step(&self) -> u64 {
        self.opening
    }

    /// A check that stops long forward commands when it returns true.
    pub fn set_interrupt(&mut self, check: Option<fn() -> bool>) {
        self.interrupt = check;
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
        self.forward(|_, _| true);
    }

    /// `s`: to the next line event, into calls.
    pub fn step_line(&mut self) {
        self.forward(|_, vm| next_has_line_event(vm));
    }

    /// `n`: to the next line event in this frame or an outer one, over calls.
    pub fn next_line(&mut self) {
        let depth = self.depth();
        self.forward(move |_, vm| next_has_line_event(vm) && vm.frames().len() <= depth);
    }

    /// `f`: until the current frame has returned.
    pub fn finish(&mut self) {
        let depth = self.depth();
        self.forward(move |_, vm| vm.frames().len() < depth);
    }

    /// `c`: to the next breakpoint line whose condition holds, to the next
    /// change of a watched object's count, or to the end.
    pub fn continue_running(&mut self) {
        let breakpoints = self.breakpoints.clone();
        let conditions = self.conditions.clone();
        let watched: Vec<u64> = self.watches.iter().map(|w| w.address).collect();
        self.forward(move |step, vm| {
            touches(step, &watched) || at_breakpoint(vm, &breakpoints, &conditions)
        });
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
        self.forward(move |_, vm| {
            next_has_line_event(vm) && vm.next_instruction().and_then(|(_, i)| i.line) == Some(line)
        });
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
        let target = self.back_target(self.last_matching_before(here, next_has_line_event));
        self.go_to(target);
    }

    /// `N`: back to the previous line event in this frame or an outer one.
    pub fn back_next(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let depth = self.depth();
        let found = self.last_matching_before(here, |vm| {
            next_has_line_event(vm) && vm.frames().len() <= depth
        });
        self.go_to(self.back_target(found));
    }

    /// `F`: back to where the current frame was called.
    pub fn back_out(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let depth = self.depth();
        let found = self.last_matching_before(here, |vm| vm.frames().len() < depth);
        self.go_to(self.back_target(found));
    }

    /// `C`: back to the previous breakpoint stop, or the start.
    pub fn reverse_continue(&mut self) {
        if self.at_start() {
            return;
        }
        let here = self.step_number();
        let (breakpoints, conditions) = (&self.breakpoints, &self.conditions);
        let at_break =
            self.last_matching_before(here, |vm| at_breakpoint(vm, breakpoints, conditions));
        let watch_changed = self.last_watch_change_before(here);
        self.go_to(self.back_target(at_break.max(watch_changed)));
        self.explain_arrival();
    }

    /// `g`: the opening stop (the first line event).
    pub fn go_to_start(&mut self) {
        self.go_to(self.opening);
    }

    /// `G`: the last step.
    pub fn go_to_end(&mut self) {
        self.forward(|_, _| false);
    }

    /// `:N`: stop after exactly `target` steps (or at the end).
    pub fn go_to(&mut self, target: u64) {
        let here = self.step_number();
        if target == here {
            self.last_stop.note = Some(format!("already at step {here}"));
            return;
        }
        if target > here {
            self.forward(move |_, vm| vm.steps() >= target);
            return;
        }
        // Restore the checkpoint before the target, replay quietly, then run the
        // last step recorded so the panes show what it did.
        let goal = target.saturating_sub(1);
        let index = (goal / self.interval) as usize;
        let mut vm = self.checkpoints[index.min(self.checkpoints.len() - 1)].clone();
        vm.set_recording(false);
        while vm.steps() < goal && !vm.is_finished() {
            vm.step_quiet();
            // A long replay stops at `q`/Ctrl-C, short of the target.
            if vm.steps().is_multiple_of(INTERRUPT_EVERY)
                && self.interrupt.is_some_and(|interrupted| interrupted())
            {
                break;
            }
        }
        vm.set_recording(true);
        let before = std::mem::replace(&mut self.vm, vm);
        self.last_stop = StopReport::default();
        if target > 0 {
            self.forward(move |_, vm| vm.steps() >= target);
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

    fn depth(&self) -> usize {
        self.vm.frames().len()
    }

    /// The largest step number below `here` whose state satisfies `wanted`, or 0.
    /// Searches back one checkpoint interval at a time, replaying each quietly
    /// (interrupted by the interrupt check: one step back).
    fn last_matching_before(&self, here: u64, wanted: impl Fn(&Vm) -> bool) -> u64 {
        let last_index = (here.saturating_sub(1) / self.interval) as usize;
        for index in (0..=last_index.min(self.checkpoints.len() - 1)).rev() {
            let mut vm = self.checkpoints[index].clone();
            vm.set_recording(false);
            let mut found = None;
            while vm.steps() + 1 < here && !vm.is_finished() {
                vm.step_quiet();
                if wanted(&vm) {
                    found = Some(vm.steps());
                }
                // A long search back stops at `q`/Ctrl-C: one instruction back, then.
                if vm.steps().is_multiple_of(INTERRUPT_EVERY)
                    && self.interrupt.is_some_and(|interrupted| interrupted())
                {
                    return here.saturating_sub(1);
                }
                if vm.steps() >= (index as u64 + 1) * self.interval {
                    break;
                }
            }
            if let Some(step) = found {
                return step;
            }
        }
        0
    }

    /// The largest step number below `here` where a watched object's count
    /// differs from the step before (made, freed or counted), or 0.
    fn last_watch_change_before(&self, here: u64) -> u64 {
        if self.watches.is_empty() {
            return 0;
        }
        let key =
            |vm: &Vm| -> Vec<Option<u32>> { self.watches.iter().map(|w| w.refs(vm)).collect() };
        let last_index = (here.saturating_sub(1) / self.interval) as usize;
        for index in (0..=last_index.min(self.checkpoints.len() - 1)).rev() {
            let mut vm = self.checkpoints[index].clone();
            vm.set_recording(false);
            let mut previous = key(&vm);
            let mut found = None;
            while vm.steps() + 1 < here && !vm.is_finished() {
                vm.step_quiet();
                let now = key(&vm);
                if now != previous {
                    found = Some(vm.steps());
                }
                previous = now;
                if vm.steps() >= (index as u64 + 1) * self.interval {
                    break;
                }
            }
            if let Some(step) = found {
                return step;
            }
        }
        0
    }

    /// Keep a checkpoint at every multiple of the interval; thin them out when
    /// there are too many.
    fn checkpoint(&mut self) {
        let steps = self.vm.steps();
        if !steps.is_multiple_of(self.interval)
            || self.checkpoints.len() as u64 != steps / self.interval
        {
            return;
        }
        // A copy that would not fit in the history budget beside the others
        // is not taken: they are thinned instead, and going back replays
        // further (from the start, at worst), but memory stays bounded.
        if self.history_bytes() + self.vm.approx_bytes() > HISTORY_BUDGET {
            self.thin();
            return;
        }
        self.checkpoints.push(self.vm.clone());
        while self.checkpoints.len() > MAX_CHECKPOINTS {
            self.thin();
        }
    }

    /// Keep every other checkpoint (the first, the start, always stays) and
    /// double the interval, so `checkpoints[i]` is still the state after
    /// `i * interval` steps.
    fn thin(&mut self) {
        let mut index = 0;
        self.checkpoints.retain(|_| {
            index += 1;
            index % 2 == 1
        });
        self.interval *= 2;
    }

    /// What the checkpoints hold together, shared data counted in full.
    fn history_bytes(&self) -> u64 {
        self.checkpoints.iter().map(Vm::approx_bytes).sum()
    }

    /// Execute steps until `arrived(step, vm)` holds after one, or the program ends.
    fn forward(&mut self, arrived: impl Fn(&Step, &Vm) -> bool) {
        let mut report = StopReport::default();
        let work_at_start = self.vm.work();
        let mut last: Option<Step> = None;
        let mut last_at = None;
        loop {
            // Which instruction runs, to write its argument as dis does; an
            // `Arc` clone per step, the string only for the last one.
            let at = self.vm.frames().last().map(|f| (f.code.clone(), f.pc));
            let Some(step) = self.vm.step() else {
                break;
            };
            last_at = at;
            report.absorb(&step, &self.vm);
            self.checkpoint();
            let done = arrived(&step, &self.vm);
            last = Some(step);
            if done {
                break;
            }
            if report.steps_taken.is_multiple_of(INTERRUPT_EVERY)
                && self.interrupt.is_some_and(|interrupted| interrupted())
            {
                report.note = Some(format!("interrupted after {} steps", report.steps_taken));
                break;
            }
            if self.vm.work() - work_at_start >= MAX_WORK_PER_COMMAND {
                report.note = Some(format!(
                    "stopped after {} steps: the program's values are large",
                    report.steps_taken
                ));
                break;
            }
            if report.steps_taken >= MAX_STEPS_PER_COMMAND {
                report.note = Some(format!(
                    "stopped after {MAX_STEPS_PER_COMMAND} steps without arriving"
                ));
                break;
            }
        }
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
            report.pushed = step
                .events
                .iter()
                .filter_map(|e| match e {
                    Event::Push { depth, slot, .. } => Some((*depth, *slot)),
                    _ => None,
                })
                .collect();
        }
        report.last_step = last;
        if let Some((code, pc)) = last_at
            && let Some(instr) = code.instrs.get(pc)
        {
            report.last_argrepr = self.vm.argrepr(&code, instr);
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

/// The step changed the count of (net), made or freed an object at one of
/// `addresses`: the same test going back compares counts between states.
fn touches(step: &Step, addresses: &[u64]) -> bool {
    addresses.iter().any(|watched| {
        let mut net = 0i64;
        for event in &step.events {
            match event {
                Event::Incref { address, .. } if address == watched => net += 1,
                Event::Decref { address, .. } if address == watched => net -= 1,
                Event::Free { address, .. } | Event::Alloc { address, .. }
                    if address == watched =>
                {
                    return true;
                }
                _ => {}
            }
        }
        net != 0
    })
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
        assert!(session.checkpoints.len() <= MAX_CHECKPOINTS);
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
