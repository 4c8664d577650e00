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
/// Events the one-sentence explanation names before "and N more".
const MAX_EXPLAINED: usize = 40;
/// Program output a stop report keeps (the newest bytes).
const REPORT_OUTPUT_LIMIT: usize = 64 * 1024;

/// What happened to one object between two stops.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Net change of its count.
    pub delta: i64,
    /// Allocated since the previous stop.
    pub new: bool,
    /// Freed since the previous stop (type and value as they were).
    pub freed: Option<(String, String)>,
    /// Reached 0 but constant tables keep it: "kept alive by `<module>` constants".
    pub kept_by_constants: Option<String>,
}

/// Everything between the previous stop and this one.
#[derive(Debug, Clone, Default)]
pub struct StopReport {
    /// Steps executed to get here (0 when nothing ran).
    pub steps_taken: u64,
    /// The last executed step, with its events.
    pub last_step: Option<Step>,
    /// Per object address, what changed.
    pub changes: BTreeMap<u64, Change>,
    /// Stack slots (depth, slot) pushed by the last step.
    pub pushed: Vec<(usize, usize)>,
    /// Program output produced since the previous stop.
    pub output: String,
    /// Why the command stopped here, when it is not obvious.
    pub note: Option<String>,
}

impl StopReport {
    fn absorb(&mut self, step: &Step) {
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
                } => self.change(*address).delta += *after as i64 - *before as i64,
                Event::Alloc { address, .. } => {
                    let change = self.change(*address);
                    change.new = true;
                    change.freed = None;
                }
                Event::Free {
                    address,
                    type_name,
                    value,
                    ..
                } => {
                    self.change(*address).freed = Some((type_name.to_string(), value.clone()));
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
                        ..Change::default()
                    },
                );
            }
            Some(&new_id) if after.heap.get(new_id).refs != old_object.refs => {
                let delta = after.heap.get(new_id).refs as i64 - old_object.refs as i64;
                changes.insert(
                    address,
                    Change {
                        delta,
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
                        ..Change::default()
                    },
                );
            }
        }
    }
    for (&address, &new_id) in &new {
        if !old.contains_key(&address) {
            let change = Change {
                new: true,
                delta: after.heap.get(new_id).refs as i64,
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
    /// Asked every few thousand steps of a forward command: true stops it
    /// (the terminal front end answers whether `q` or Ctrl-C was pressed).
    interrupt: Option<fn() -> bool>,
}

impl Session {
    /// Compile and prepare; the first stop is before the first instruction.
    pub fn new(source: &str, filename: &str) -> Result<Session, Box<SyntaxError>> {
        Session::with_max_memory(source, filename, crate::vm::heap::DEFAULT_MAX_MEMORY)
    }

    /// [`Session::new`] with the program's memory limit (`--max-memory`).
    pub fn with_max_memory(
        source: &str,
        filename: &str,
        max_memory: u64,
    ) -> Result<Session, Box<SyntaxError>> {
        let mut vm = Vm::new(source, filename)?;
        vm.heap.set_max_memory(max_memory);
        // A quiet run ahead says how long the program is; deterministic, so exact.
        let mut ahead = vm.clone();
        while !ahead.is_finished() && ahead.work() < TOTAL_LOOKAHEAD {
            ahead.step_quiet();
        }
        let total_steps = ahead.is_finished().then(|| ahead.steps());
        vm.set_recording(true);
        Ok(Session {
            total_steps,
            checkpoints: vec![vm.clone()],
            interval: CHECKPOINT_INTERVAL,
            vm,
            last_stop: StopReport::default(),
            breakpoints: BTreeSet::new(),
            interrupt: None,
        })
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

    /// `c`: to the next breakpoint line, or the end.
    pub fn continue_running(&mut self) {
        let breakpoints = self.breakpoints.clone();
        self.forward(move |_, vm| at_breakpoint(vm, &breakpoints));
    }

    /// `t`: to the next line event on `line`.
    pub fn run_to_line(&mut self, line: u32) {
        self.forward(move |_, vm| {
            next_has_line_event(vm) && vm.next_instruction().and_then(|(_, i)| i.line) == Some(line)
        });
    }

    /// `I`: back one instruction.
    pub fn back_instruction(&mut self) {
        let target = self.step_number().saturating_sub(1);
        self.go_to(target);
    }

    /// `S`: back to the previous stop at a line event.
    pub fn back_line(&mut self) {
        let here = self.step_number();
        let target = self.last_matching_before(here, next_has_line_event);
        self.go_to(target);
    }

    /// `N`: back to the previous line event in this frame or an outer one.
    pub fn back_next(&mut self) {
        let here = self.step_number();
        let depth = self.depth();
        let target = self.last_matching_before(here, |vm| {
            next_has_line_event(vm) && vm.frames().len() <= depth
        });
        self.go_to(target);
    }

    /// `F`: back to where the current frame was called.
    pub fn back_out(&mut self) {
        let here = self.step_number();
        let depth = self.depth();
        let target = self.last_matching_before(here, |vm| vm.frames().len() < depth);
        self.go_to(target);
    }

    /// `C`: back to the previous breakpoint stop, or the start.
    pub fn reverse_continue(&mut self) {
        let here = self.step_number();
        let breakpoints = &self.breakpoints;
        let target = self.last_matching_before(here, |vm| at_breakpoint(vm, breakpoints));
        self.go_to(target);
    }

    /// `g`: the first stop.
    pub fn go_to_start(&mut self) {
        self.go_to(0);
    }

    /// `G`: the last step.
    pub fn go_to_end(&mut self) {
        self.forward(|_, _| false);
    }

    /// `:N`: stop after exactly `target` steps (or at the end).
    pub fn go_to(&mut self, target: u64) {
        let here = self.step_number();
        if target >= here {
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
        while let Some(step) = self.vm.step() {
            report.absorb(&step);
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
        if last.is_none() && self.vm.is_finished() {
            report.note = Some("the program has finished".into());
        }
        report.last_step = last;
        self.last_stop = report;
    }

    /// One plain sentence on what the last step did and which counts changed.
    pub fn explain(&self) -> String {
        let Some(step) = &self.last_stop.last_step else {
            return match self.vm.outcome() {
                Some(_) => "The program has finished.".into(),
                None => "Nothing has run yet: the next instruction is highlighted.".into(),
            };
        };
        let mut parts = Vec::new();
        // Live objects by address, built once, and only for a step that needs it.
        let by_address = std::cell::OnceCell::new();
        let name_of = |obj: crate::vm::heap::ObjId, address: u64| {
            // The object itself when it still lives there; else whatever does.
            let object = self.vm.heap.get(obj);
            if object.alive && object.address == address {
                self.vm.heap.short_repr(obj)
            } else {
                self.name_of(address, &by_address)
            }
        };
        let mut described = 0usize;
        for event in &step.events {
            // The sentence names the first few; a step with thousands says how many more.
            if parts.len() >= MAX_EXPLAINED {
                if !matches!(event, Event::Push { .. } | Event::Pop { .. }) {
                    described += 1;
                }
                continue;
            }
            match event {
                Event::Incref {
                    obj,
                    address,
                    referrer,
                    before,
                    after,
                } => parts.push(format!(
                    "{} refs {before}→{after} ({referrer})",
                    name_of(*obj, *address)
                )),
                Event::Decref {
                    obj,
                    address,
                    referrer,
                    before,
                    after,
                } => parts.push(format!(
                    "{} refs {before}→{after} ({referrer} dropped)",
                    name_of(*obj, *address)
                )),
                Event::Alloc {
                    type_name,
                    value,
                    address,
                    ..
                } => parts.push(format!("new {type_name} {value} at {address:#x}")),
                Event::Free {
                    type_name,
                    value,
                    address,
                    ..
                } => parts.push(format!("freed {type_name} {value} at {address:#x}")),
                Event::KeptByConstants { holders, .. } => {
                    parts.push(format!("kept alive by {holders}"))
                }
                Event::Bind {
                    target,
                    obj,
                    address,
                } => parts.push(format!("{target} → {}", name_of(*obj, *address))),
                Event::Call { callee, .. } => parts.push(format!("calls {callee}()")),
                Event::Return { from, obj, address } => {
                    parts.push(format!("{from}() returns {}", name_of(*obj, *address)))
                }
                Event::Output { text } => parts.push(format!("prints {:?}", text)),
                Event::Raise { exception } => parts.push(format!("raises {exception}")),
                Event::Push { .. } | Event::Pop { .. } => {}
            }
        }
        let more = described as u64 + step.events_dropped;
        let what = if parts.is_empty() {
            "no reference counts changed".to_owned()
        } else if more > 0 {
            format!("{}; and {more} more", parts.join("; "))
        } else {
            parts.join("; ")
        };
        let taken = self.last_stop.steps_taken;
        if taken > 1 {
            format!("{}: {what} (last of {taken} instructions run)", step.opname)
        } else {
            format!("{}: {what}", step.opname)
        }
    }

    /// `'hello'` for a live object at `address`, else the bare address.
    fn name_of(
        &self,
        address: u64,
        by_address: &std::cell::OnceCell<std::collections::HashMap<u64, crate::vm::heap::ObjId>>,
    ) -> String {
        let heap = &self.vm.heap;
        let by_address =
            by_address.get_or_init(|| heap.live_objects().map(|(id, o)| (o.address, id)).collect());
        by_address
            .get(&address)
            .map(|&id| heap.short_repr(id))
            .unwrap_or_else(|| format!("{address:#x}"))
    }

    /// The traceback, if the program ended with an uncaught exception.
    pub fn traceback(&self) -> Option<&str> {
        match self.vm.outcome() {
            Some(Outcome::Raised(text)) => Some(text),
            _ => None,
        }
    }
}

/// The next instruction starts a line that has a breakpoint.
fn at_breakpoint(vm: &Vm, breakpoints: &BTreeSet<u32>) -> bool {
    next_has_line_event(vm)
        && vm
            .next_instruction()
            .and_then(|(_, i)| i.line)
            .is_some_and(|l| breakpoints.contains(&l))
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
        session.step_line(); // to line 1
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
    fn the_total_is_known_before_the_end() {
        let session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        assert_eq!(session.total_steps(), Some(11));
        let endless = Session::new("while True:\n    pass\n", "t.py").expect("compiles");
        assert_eq!(endless.total_steps(), None);
    }

    #[test]
    fn going_back_replays_to_the_same_state() {
        let mut session = Session::new(REFCOUNT, "refcount.py").expect("compiles");
        for _ in 0..5 {
            session.step_instruction();
        }
        let explained = session.explain();
        session.step_instruction();
        session.back_instruction();
        assert_eq!(session.step_number(), 5);
        assert_eq!(session.explain(), explained);
        session.go_to_start();
        assert_eq!(session.step_number(), 0);
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
        session.step_line(); // line 1 (def)
        session.step_line(); // line 4
        session.next_line(); // over f: line 5
        assert_eq!(session.vm().frames().len(), 1);
        assert_eq!(
            session.vm().next_instruction().and_then(|(_, i)| i.line),
            Some(5)
        );
        session.go_to_start();
        session.step_line();
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
