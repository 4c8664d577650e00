//! Builtins that consume an iterable whose items come from Python code:
//! generators, `map`/`filter` with Python functions, instances with
//! `__iter__`/`__next__`, and `enumerate`/`zip` of those.
//!
//! CPython loops in C (`list_extend`, `set_update_internal`,
//! `builtin_sum_impl`…), calling `tp_iternext` once per item. bytestep must
//! run each Python-level call as frames, one step per instruction, and must
//! not re-run the whole builtin once per item (a replay of the instruction
//! per call would be quadratic). So such a builtin *drains* the iterable:
//!
//! 1. its handler (inside [`Vm::calling`]) calls [`Vm::drain`] with the
//!    iterable and a [`Consumer`]; on the instruction's first run this asks
//!    for a drain (a pending call) before anything is changed;
//! 2. [`Vm::begin_drain`] makes the consumer's state (the list, set, dict,
//!    running total…) and pumps: each *pull* takes one item (`next` of the
//!    iterator, with its own small log of call results, replayed as an
//!    instruction is) and feeds it to the consumer, which may stop early;
//! 3. a pull that needs Python code pushes its frame (a generator resumed,
//!    a function called) carrying the drain ([`ResumeMode::Logged`],
//!    [`ResumeMode::DrainCall`]); what it yields, returns or raises joins
//!    the pull's log and the pump goes on, so the work per item is constant;
//! 4. at the end the consumer's result (or its exception) is the drain's
//!    recorded result, and the instruction replays once to finish with it.
//!
//! Outside drains, native code inside an instruction that wants the next
//! item of a generator (a `map` over one in a `for`, `next(map(f, g))`,
//! `zip`) resumes it as it calls a function: a pending call whose yield,
//! return or exception is logged, then the instruction replays
//! ([`ResumeMode::Logged`] without a drain). A drain's own `filter` ends a
//! pull after a rejected item (the item is gone for good), so a long run
//! of rejections costs no more than the calls themselves.

use super::exceptions::PyException;
use super::frame::{CallResult, Consumer, Drain, ItemCheck, Resume, ResumeMode, SortDrain, SumAcc};
use super::heap::{ObjId, Value};
use super::types::TypeKind;
use super::types::generator::GenState;
use super::{Flow, Vm};
use crate::bytecode::{BinaryOp, CompareOp};

/// How deep `runs_python` looks through wrappers.
const WRAPPER_DEPTH: usize = 64;

impl Vm {
    /// Whether taking the items of `iterable` runs Python code: such
    /// iterables are drained (see the module comment).
    pub(super) fn runs_python(&self, iterable: ObjId) -> bool {
        self.runs_python_within(iterable, 0)
    }

    fn runs_python_within(&self, iterable: ObjId, depth: usize) -> bool {
        if depth > WRAPPER_DEPTH {
            return false;
        }
        let python = |vm: &Vm, f: ObjId| {
            !matches!(
                vm.heap.value(f),
                Value::Builtin(_) | Value::Type(_) | Value::BoundMethod { .. } | Value::None
            )
        };
        match self.heap.value(iterable) {
            Value::Generator(_) => true,
            // (`__getitem__` alone: the old sequence protocol, `iter()` of
            // which is a native iterator calling it.)
            // (A class iterated through its metaclass's `__iter__`.)
            Value::Class(_) => {
                self.special_method(iterable, "__iter__").is_some()
                    || self.special_method(iterable, "__getitem__").is_some()
            }
            Value::Instance { .. } => {
                self.special_method(iterable, "__iter__").is_some()
                    || self.special_method(iterable, "__next__").is_some()
                    || self.special_method(iterable, "__getitem__").is_some()
            }
            Value::Map { func, iters, .. } => {
                python(self, *func)
                    || match self.heap.value(*iters) {
                        Value::Tuple(items) => items
                            .iter()
                            .any(|&it| self.runs_python_within(it, depth + 1)),
                        _ => false,
                    }
            }
            Value::Filter { func, iter } => {
                (python(self, *func)
                    && !matches!(self.heap.value(*func), Value::Type(TypeKind::Bool)))
                    || self.runs_python_within(*iter, depth + 1)
            }
            Value::Enumerate { iter, .. } => self.runs_python_within(*iter, depth + 1),
            // (An exhausted one too: the replay after its drain must ask
            // for the drain's result again.)
            // (One over an instance stays so when exhausted, marked by its
            // count: the replay after its drain must ask for the drain's
            // result again.)
            Value::Reversed {
                seq: None,
                remaining,
                ..
            } => *remaining == usize::MAX,
            Value::Reversed { seq: Some(seq), .. } => {
                matches!(self.heap.value(*seq), Value::Instance { .. })
            }
            Value::Zip { iters, .. } => iters
                .iter()
                .any(|&it| self.runs_python_within(it, depth + 1)),
            Value::SeqIterator {
                kind: TypeKind::SeqIter,
                ..
            } => true,
            // (Exhausted too, as the sequence-protocol iterator.)
            Value::CallableIterator { .. } => true,
            _ => false,
        }
    }

    /// The result of `consumer` over the items of `iterable` (borrowed: held
    /// until the instruction ends), called from a builtin's handler inside
    /// [`Vm::calling`]. The first run asks for the drain and returns a
    /// pending call; the replay after it finished takes its result.
    pub(super) fn drain(&mut self, iterable: ObjId, consumer: Consumer) -> Flow<ObjId> {
        if !self.in_calling() {
            return Err(self.unsupported(&format!(
                "consuming a {} object here",
                self.heap.value(iterable).type_name()
            )));
        }
        if let Some(logged) = self.take_logged_result()? {
            return logged;
        }
        // The marker request holds the iterable; that reference becomes the drain's.
        self.request_drain(Box::new(Drain {
            iterable,
            iterator: None,
            consumer,
            log: Vec::new(),
            count: 0,
            stopped: false,
            hinted: false,
            keys: Vec::new(),
            sort: None,
        }));
        Err(super::special::pending_error())
    }

    /// A pending drain: the instruction's log goes to its frame, the
    /// consumer's state is made, and the pump starts.
    pub(super) fn begin_drain(&mut self, mut drain: Box<Drain>) -> Flow {
        let holder = self.continuation_referrer();
        // Objects the consumer was given are held; what it fills is made now.
        match &mut drain.consumer {
            Consumer::Collect {
                list, limit, tuple, ..
            } => {
                let made = self.list_object(Vec::new(), false);
                if *limit == 0
                    && !*tuple
                    && no_length_hint(self.heap.value(drain.iterable))
                    && let Value::List(l) = self.heap.value_mut(made)
                {
                    // `list_extend_iter`: room for the length hint (8) first.
                    l.resize(8);
                }
                self.heap.incref(made, holder);
                *list = Some(made);
            }
            Consumer::Extend { list } => self.heap.incref(*list, holder),
            Consumer::SetAdd { set, frozen } => match set {
                Some(existing) => self.heap.incref(*existing, holder),
                None => {
                    let made = self.set_object(*frozen);
                    self.heap.incref(made, holder);
                    *set = Some(made);
                }
            },
            Consumer::Dict { dict } => match dict {
                Some(existing) => self.heap.incref(*existing, holder),
                None => {
                    let made = self
                        .heap
                        .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
                    self.heap.incref(made, holder);
                    *dict = Some(made);
                }
            },
            Consumer::FromKeys { dict, value } => {
                self.heap.incref(*value, holder);
                let made = self
                    .heap
                    .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
                self.heap.incref(made, holder);
                *dict = Some(made);
            }
            Consumer::Sum { start, acc } => {
                self.heap.incref(*start, holder);
                *acc = match *self.heap.value(*start) {
                    Value::Int(v) => SumAcc::Int(v),
                    Value::Float(f) => SumAcc::Float(f, 0.0),
                    _ => {
                        self.heap.incref(*start, holder);
                        SumAcc::Object(*start)
                    }
                };
            }
            Consumer::AnyAll { .. } => {}
            Consumer::Contains { needle } => self.heap.incref(*needle, holder),
            Consumer::Prod { acc } => self.heap.incref(*acc, holder),
            Consumer::Superset { set } => self.heap.incref(*set, holder),
            Consumer::Keys { function, .. } => self.heap.incref(*function, holder),
            // (Its keys were held by `drain_sort`; the list's items move out of it.)
            Consumer::Sort => self.begin_sort_drain(&mut drain),
            Consumer::Subset { set, found } => {
                self.heap.incref(*set, holder);
                let made = self.set_object(false);
                self.heap.incref(made, holder);
                *found = Some(made);
            }
            Consumer::Extreme { key, default, .. } => {
                for object in key.iter().chain(default.iter()) {
                    self.heap.incref(*object, holder);
                }
            }
        }
        self.pump(drain)
    }

    /// Pull and feed items until a pull needs Python code (its frame is
    /// pushed, carrying the drain) or the consumer is done (its result is
    /// recorded and the instruction replays).
    pub(super) fn pump(&mut self, mut drain: Box<Drain>) -> Flow {
        loop {
            self.load_log(&mut drain.log);
            self.set_pulling(drain.iterator);
            let pulled = self.calling(|vm| vm.pull(&mut drain));
            self.set_pulling(None);
            match pulled {
                Ok(true) => {}
                Err(error) if Vm::is_again(&error) => super::special::recycle_signal(error),
                Ok(false) if matches!(drain.consumer, Consumer::Keys { .. }) => {
                    // The keys go to the instruction's record, as `log_objects` writes them.
                    let keys = std::mem::take(&mut drain.keys);
                    self.release_drain(*drain);
                    let frame = self.top_frame()?;
                    let record = &mut frame.calls_mut().replay;
                    record.push(CallResult::Data(keys.len() as u64));
                    record.extend(keys.into_iter().map(CallResult::Held));
                    return self.replay_instruction();
                }
                Ok(false) if matches!(drain.consumer, Consumer::Sort) => {
                    // The sorted order goes to the instruction's record (and
                    // CPython's error if the list changed meanwhile).
                    let modified = self.record_sort(&mut drain)?;
                    self.release_drain(*drain);
                    if modified {
                        return self.drain_failed(PyException::new(
                            "ValueError",
                            "list modified during sort",
                        ));
                    }
                    return self.replay_instruction();
                }
                Ok(false) => {
                    let result = self.finish_drain(&mut drain);
                    self.release_drain(*drain);
                    return match result {
                        Ok(result) => self.replay_returned(result),
                        Err(error) => self.drain_failed(error),
                    };
                }
                Err(error) if Vm::is_pending(&error) => {
                    super::special::recycle_signal(error);
                    self.take_log(&mut drain.log);
                    self.set_sink(drain);
                    return match self.start_pending_call() {
                        Some(Ok(_)) => Ok(()),
                        Some(Err(error)) => {
                            if let Some(mut drain) = self.take_sink() {
                                if let Some(state) = drain.sort.as_deref_mut() {
                                    state.sort.abort();
                                    self.record_sort(&mut drain)?;
                                }
                                self.release_drain(*drain);
                            }
                            self.drain_failed(error)
                        }
                        None => Err(PyException::new("SystemError", "a drain without a call")),
                    };
                }
                Err(error) => {
                    if let Some(state) = drain.sort.as_deref_mut() {
                        // The list keeps what the sort made of it so far.
                        state.sort.abort();
                        self.record_sort(&mut drain)?;
                    }
                    self.release_drain(*drain);
                    return self.drain_failed(error);
                }
            }
        }
    }

    /// A sort drain ended (sorted, or stopped by an exception): the list
    /// gets its items back, the order reached goes to the instruction's
    /// record (the replay puts the items in it). True when the list was
    /// changed while it sorted.
    fn record_sort(&mut self, drain: &mut Drain) -> Flow<bool> {
        let (order, modified) = self.end_sort_drain(drain);
        let frame = self.top_frame()?;
        let record = &mut frame.calls_mut().replay;
        record.push(CallResult::Data(order.len() as u64));
        record.extend(order.into_iter().map(|i| CallResult::Data(i as u64)));
        Ok(modified)
    }

    /// The drain failed: its instruction raises the error (recorded as the
    /// drain's result, the instruction replays and sees it).
    fn drain_failed(&mut self, error: Box<PyException>) -> Flow {
        if error.fatal {
            return Err(error);
        }
        let exc = self.exception_object(&error);
        if !error.reraise {
            self.chain_context(exc);
            self.add_traceback_entry(exc);
        }
        self.replay_raised(exc)
    }

    /// One item: `iter()` first, then `next`, fed to the consumer. True
    /// while there are more to take. Replayed from the log as an
    /// instruction is: nothing changes before its last call is known.
    fn pull(&mut self, drain: &mut Drain) -> Flow<bool> {
        let holder = self.continuation_referrer();
        if let Consumer::Sort = drain.consumer {
            return self.sort_pull(drain);
        }
        if let Consumer::Keys {
            function,
            source,
            count,
        } = drain.consumer
        {
            // The list's items by index, as `list.sort` takes them.
            let item = match self.heap.value(source) {
                Value::List(l) if drain.keys.len() < count => {
                    l.items.get(drain.keys.len()).copied()
                }
                _ => None,
            };
            let Some(item) = item else {
                return Ok(false);
            };
            let key = self.call_python(function, &[item])?;
            self.heap.incref(key, holder);
            drain.keys.push(key);
            return Ok(true);
        }
        let Some(iterator) = drain.iterator else {
            let iterator = self.iterator(drain.iterable)?;
            // `PyObject_LengthHint(iterable, 8)` after `iter()`: an
            // instance's `__len__` runs, and the list makes room for that many.
            let hinted_list = match drain.consumer {
                // (`tuple()` takes no hint in 3.14: `PySequence_Tuple`
                // gathers into a small buffer first.)
                Consumer::Collect {
                    list,
                    limit: 0,
                    tuple: false,
                    ..
                } => list,
                Consumer::Extend { list } => Some(list),
                _ => None,
            };
            if let Some(list) = hinted_list
                && (self.is_instance_obj(drain.iterable)
                    || self.metaclass_of(drain.iterable).is_some())
            {
                let hint = self.instance_length_hint(drain.iterable, 8)?;
                if let Value::List(l) = self.heap.value_mut(list) {
                    // (`list_preallocate_exact` while it has no item array.)
                    l.grow_for_extend(hint);
                }
                drain.hinted = true;
            } else if let Some(list) = hinted_list
                && let Value::Reversed {
                    seq: Some(seq),
                    remaining,
                    ..
                } = *self.heap.value(drain.iterable)
                && remaining > 0
                && self.is_instance_obj(seq)
            {
                // `reversed.__length_hint__` (`reversed_len`): the
                // sequence's `len()` again, capped by what is left.
                let hint = match self.instance_len(seq) {
                    Ok(n) if (n.max(0) as usize) < remaining => 0,
                    Ok(_) => remaining,
                    Err(error) if error.kind == "TypeError" => 8,
                    Err(error) => return Err(error),
                };
                if let Value::List(l) = self.heap.value_mut(list) {
                    // (`list_preallocate_exact` while it has no item array.)
                    l.grow_for_extend(hint);
                }
                drain.hinted = true;
            } else if let Consumer::Extend { list } = drain.consumer
                && no_length_hint(self.heap.value(drain.iterable))
                && let Value::List(l) = self.heap.value_mut(list)
            {
                // No length hint: room for 8 (`list_extend_iter`).
                if l.allocated == 0 {
                    l.allocated = 8;
                } else {
                    let m = l.items.len();
                    l.resize(m + 8);
                }
                drain.hinted = true;
            }
            self.heap.incref(iterator, holder);
            self.heap.decref(drain.iterable, holder);
            drain.iterator = Some(iterator);
            return Ok(true);
        };
        if let Consumer::Collect { limit, .. } = drain.consumer
            && limit > 0
            && drain.count >= u64::from(limit)
        {
            return Ok(false);
        }
        let Some(item) = self.next_logged(iterator)? else {
            return Ok(false);
        };
        let more = self.feed(drain, item)?;
        drain.count += 1;
        drain.stopped = !more;
        Ok(more)
    }

    /// `PyObject_LengthHint(obj, default)` of an instance: its `__len__`,
    /// else its `__length_hint__` (a `TypeError` from either, or
    /// `NotImplemented`, gives the default), checked as CPython checks it.
    fn instance_length_hint(&mut self, obj: ObjId, default: usize) -> Flow<usize> {
        if self.special_method(obj, "__len__").is_some() {
            match self.instance_len(obj) {
                Ok(n) => return Ok(n.max(0) as usize),
                Err(error) if error.kind == "TypeError" && error.object.is_none() => {}
                Err(error)
                    if error
                        .object
                        .is_some_and(|exc| self.is_exception_kind(exc, "TypeError")) =>
                {
                    // (The raised object's reference goes with the error.)
                    if let Some(exc) = error.object {
                        self.heap.decref(exc, self.raised_referrer());
                    }
                }
                Err(error) => return Err(error),
            }
        }
        let Some(hint) = self.special_method(obj, "__length_hint__") else {
            return Ok(default);
        };
        let result = match self.try_call_python(hint, &[obj])? {
            Ok(result) => result,
            Err(exc) if self.is_exception_kind(exc, "TypeError") => return Ok(default),
            Err(exc) => {
                self.heap.incref(exc, self.raised_referrer());
                return Err(PyException::object(exc, true));
            }
        };
        if result == self.singletons.not_implemented {
            return Ok(default);
        }
        let n = match self.heap.value(result) {
            Value::Int(n) => *n,
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(_) => {
                return Err(PyException::new(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
            other => {
                return Err(PyException::type_error(format!(
                    "__length_hint__ must be an integer, not {}",
                    other.type_name()
                )));
            }
        };
        if n < 0 {
            return Err(PyException::new(
                "ValueError",
                "__length_hint__() should return >= 0",
            ));
        }
        Ok(n as usize)
    }

    /// Give `item` (held by the pull's log) to the consumer: false when it
    /// needs no more. It changes its state only once it cannot fail.
    pub(super) fn feed(&mut self, drain: &mut Drain, item: ObjId) -> Flow<bool> {
        let holder = self.continuation_referrer();
        match &mut drain.consumer {
            Consumer::Collect { list, check, .. } => {
                let list = list.ok_or_else(no_state)?;
                let message = match check {
                    ItemCheck::None => None,
                    ItemCheck::Bytes => Some("bytes must be in range(0, 256)"),
                    ItemCheck::ByteArray => Some("byte must be in range(0, 256)"),
                    ItemCheck::Float => {
                        super::math::float_arg(self, item)?;
                        None
                    }
                };
                if let Some(message) = message
                    && !self.is_instance_obj(item)
                {
                    // Converted as it comes; an instance's `__index__` runs later.
                    self.byte_value(item, message)?;
                }
                self.list_push_hinted(list, item)?;
                Ok(true)
            }
            Consumer::Extend { list } => {
                self.list_push_hinted(*list, item)?;
                Ok(true)
            }
            Consumer::SetAdd { set, .. } => {
                let set = set.ok_or_else(no_state)?;
                self.set_add(set, item)?;
                Ok(true)
            }
            Consumer::Dict { dict } => {
                let dict = dict.ok_or_else(no_state)?;
                self.dict_pair_item(dict, item, drain.count as usize)?;
                Ok(true)
            }
            Consumer::FromKeys { dict, value } => {
                let dict = dict.ok_or_else(no_state)?;
                self.dict_set(dict, item, *value)?;
                Ok(true)
            }
            Consumer::Sum { acc, .. } => {
                *acc = self.sum_feed(*acc, item)?;
                Ok(true)
            }
            Consumer::AnyAll { any } => Ok(self.truthy(item)? != *any),
            Consumer::Contains { needle } => {
                // Found: the rest stays unproduced.
                let found = item == *needle || self.compare_bool(CompareOp::Eq, item, *needle)?;
                Ok(!found)
            }
            Consumer::Superset { set } => self.set_has(*set, item),
            Consumer::Prod { acc } => {
                // BINARY_OP's multiplication (`*`): ints stay exact.
                let next = self.binary_op(BinaryOp::Multiply, *acc, item)?;
                self.heap.incref(next, holder);
                self.heap.decref(*acc, holder);
                *acc = next;
                Ok(true)
            }
            Consumer::Keys { .. } | Consumer::Sort => Err(no_state()),
            Consumer::Subset { set, found } => {
                let found = found.ok_or_else(no_state)?;
                if self.set_has(*set, item)? {
                    self.set_add(found, item)?;
                }
                Ok(self.set_size(found) < self.set_size(*set))
            }
            Consumer::Extreme { max, key, best, .. } => {
                let value = match key {
                    Some(function) => self.call_python(*function, &[item])?,
                    None => item,
                };
                let better = match best {
                    None => true,
                    Some((_, best_value)) => {
                        let op = if *max { CompareOp::Gt } else { CompareOp::Lt };
                        self.compare_bool(op, value, *best_value)?
                    }
                };
                if better {
                    self.heap.incref(item, holder);
                    self.heap.incref(value, holder);
                    if let Some((old_item, old_value)) = best.replace((item, value)) {
                        self.heap.decref(old_value, holder);
                        self.heap.decref(old_item, holder);
                    }
                }
                Ok(true)
            }
        }
    }

    /// `builtin_sum_impl`'s step: ints in a machine word, floats with
    /// compensation, anything else with `+`.
    fn sum_feed(&mut self, acc: SumAcc, item: ObjId) -> Flow<SumAcc> {
        let holder = self.continuation_referrer();
        match acc {
            SumAcc::Int(total) => {
                let value = match self.heap.value(item) {
                    Value::Int(v) => Some(*v),
                    Value::Bool(b) => Some(i64::from(*b)),
                    _ => None,
                };
                if let Some(next) = value.and_then(|v| total.checked_add(v)) {
                    return Ok(SumAcc::Int(next));
                }
                let made = self.int_object(total);
                let result = self.binary_op(BinaryOp::Add, made, item);
                if result.as_ref().map_or(true, |&r| r != made) {
                    self.heap.discard(made);
                }
                let result = result?;
                if let Value::Float(f) = *self.heap.value(result) {
                    // On with floats, the float object let go.
                    self.heap.discard(result);
                    return Ok(SumAcc::Float(f, 0.0));
                }
                self.heap.incref(result, holder);
                Ok(SumAcc::Object(result))
            }
            SumAcc::Float(total, compensation) => match *self.heap.value(item) {
                Value::Float(x) => {
                    let t = total + x;
                    let c = if total.abs() >= x.abs() {
                        compensation + ((total - t) + x)
                    } else {
                        compensation + ((x - t) + total)
                    };
                    Ok(SumAcc::Float(t, c))
                }
                Value::Int(v) => Ok(SumAcc::Float(total + v as f64, compensation)),
                Value::Bool(b) => Ok(SumAcc::Float(total + f64::from(u8::from(b)), compensation)),
                _ => {
                    let made = self.float_total(total, compensation);
                    let result = self.binary_op(BinaryOp::Add, made, item);
                    if result.as_ref().map_or(true, |&r| r != made) {
                        self.heap.discard(made);
                    }
                    let result = result?;
                    self.heap.incref(result, holder);
                    Ok(SumAcc::Object(result))
                }
            },
            SumAcc::Object(total) => {
                let result = self.binary_op(BinaryOp::Add, total, item)?;
                self.heap.incref(result, holder);
                self.heap.decref(total, holder);
                Ok(SumAcc::Object(result))
            }
        }
    }

    fn float_total(&mut self, mut total: f64, compensation: f64) -> ObjId {
        if compensation != 0.0 && compensation.is_finite() {
            total += compensation;
        }
        self.heap.alloc(Value::Float(total))
    }

    /// The consumer's result once the items ran out or it stopped: a new
    /// reference (held by the continuation) for the drain's record.
    fn finish_drain(&mut self, drain: &mut Drain) -> Flow<ObjId> {
        let holder = self.continuation_referrer();
        let hold = |vm: &mut Vm, obj: ObjId| {
            vm.heap.incref(obj, holder);
            obj
        };
        match drain.consumer {
            Consumer::Collect { list, tuple, .. } => {
                let list = list.ok_or_else(no_state)?;
                let items = match self.heap.value_mut(list) {
                    Value::List(l) => {
                        // Cut back the room the length hint made (`list_resize`).
                        let n = l.items.len();
                        if n < l.allocated {
                            l.resize(n);
                        }
                        // (Copied only for a tuple: a list is the result itself.)
                        if tuple { l.items.clone() } else { Vec::new() }
                    }
                    _ => Vec::new(),
                };
                if tuple {
                    let made = self.tuple_object(items, false);
                    Ok(hold(self, made))
                } else {
                    Ok(hold(self, list))
                }
            }
            Consumer::Extend { list } => {
                if drain.hinted
                    && let Value::List(l) = self.heap.value_mut(list)
                {
                    // Cut back if the guess was too large.
                    let n = l.items.len();
                    if n < l.allocated {
                        l.resize(n);
                    }
                }
                Ok(hold(self, self.singletons.none))
            }
            Consumer::SetAdd { set, .. } => Ok(hold(self, set.ok_or_else(no_state)?)),
            Consumer::Dict { dict } | Consumer::FromKeys { dict, .. } => {
                Ok(hold(self, dict.ok_or_else(no_state)?))
            }
            Consumer::Sum { acc, .. } => {
                let result = match acc {
                    SumAcc::Int(total) => self.int_object(total),
                    SumAcc::Float(total, compensation) => self.float_total(total, compensation),
                    SumAcc::Object(total) => total,
                };
                Ok(hold(self, result))
            }
            Consumer::AnyAll { any } => {
                // Stopped early: the item decided; else none did.
                let result = self.bool_object(if drain.stopped { any } else { !any });
                Ok(hold(self, result))
            }
            Consumer::Contains { .. } => {
                let result = self.bool_object(drain.stopped);
                Ok(hold(self, result))
            }
            Consumer::Superset { .. } => {
                let result = self.bool_object(!drain.stopped);
                Ok(hold(self, result))
            }
            Consumer::Subset { set, found } => {
                let found = found.ok_or_else(no_state)?;
                let all = self.set_size(found) == self.set_size(set);
                let result = self.bool_object(all);
                Ok(hold(self, result))
            }
            Consumer::Keys { .. } | Consumer::Sort => Err(no_state()),
            Consumer::Prod { acc } => Ok(hold(self, acc)),
            Consumer::Extreme {
                max, best, default, ..
            } => match (best, default) {
                (Some((item, _)), _) => Ok(hold(self, item)),
                (None, Some(default)) => Ok(hold(self, default)),
                (None, None) => Err(PyException::new(
                    "ValueError",
                    format!(
                        "{}() iterable argument is empty",
                        if max { "max" } else { "min" }
                    ),
                )),
            },
        }
    }

    /// Let go of everything a drain holds.
    pub(super) fn release_drain(&mut self, mut drain: Drain) {
        if drain.sort.as_ref().is_some_and(|s| !s.items.is_empty()) {
            // (A sort drain's items are the list's again, not released.)
            let _ = self.end_sort_drain(&mut drain);
        }
        let holder = self.continuation_referrer();
        for object in drain.held().into_iter().rev() {
            self.heap.decref(object, holder);
        }
    }

    /// Whether calling `function` runs Python code (a key function worth draining).
    pub(super) fn runs_python_function(&self, function: ObjId) -> bool {
        matches!(
            self.heap.value(function),
            Value::Function(_) | Value::Method { .. } | Value::Instance { .. }
        )
    }

    /// `function` of each item of `list` (held until the instruction
    /// ends), computed by a drain: one frame per item, linear in the items.
    pub(super) fn drain_keys(&mut self, function: ObjId, list: ObjId) -> Flow<Vec<ObjId>> {
        if !self.in_calling() {
            return Err(self.unsupported("a key function in this instruction"));
        }
        if let Some(keys) = self.take_logged_objects()? {
            return Ok(keys);
        }
        self.request_drain(Box::new(Drain {
            iterable: list,
            iterator: None,
            consumer: Consumer::Keys {
                function,
                source: list,
                count: match self.heap.value(list) {
                    Value::List(l) => l.items.len(),
                    _ => 0,
                },
            },
            log: Vec::new(),
            count: 0,
            stopped: false,
            hinted: false,
            keys: Vec::new(),
            sort: None,
        }));
        Err(super::special::pending_error())
    }

    /// The order that sorts `keys` (indexes, `order` their starting order)
    /// when comparing them runs Python code (`__lt__`): a drain runs
    /// CPython's `listsort` one comparison per pull, so the work is linear
    /// in the comparisons (a replay of the whole sort per comparison was
    /// quadratic). The replay after it finished takes the order reached
    /// from the instruction's record, with the exception that stopped the
    /// sort (the order is then the partial one CPython leaves).
    pub(super) fn drain_sort(
        &mut self,
        list: ObjId,
        keys: &[ObjId],
        order: Vec<usize>,
    ) -> Flow<(Vec<usize>, Option<Box<PyException>>)> {
        if let Some(order) = self.take_logged_order()? {
            let error = match self.take_logged_result()? {
                Some(Err(error)) => Some(error),
                Some(Ok(_)) => return Err(no_state()),
                None => None,
            };
            return Ok((order, error));
        }
        let holder = self.continuation_referrer();
        for &key in keys {
            self.heap.incref(key, holder);
        }
        self.request_drain(Box::new(Drain {
            iterable: list,
            iterator: None,
            consumer: Consumer::Sort,
            log: Vec::new(),
            count: 0,
            stopped: false,
            hinted: false,
            keys: keys.to_vec(),
            sort: Some(Box::new(SortDrain {
                sort: super::timsort::TimSort::new(order),
                items: Vec::new(),
                allocated: 0,
            })),
        }));
        Err(super::special::pending_error())
    }

    /// One step of a sort drain: the comparison `listsort` asks next, its
    /// answer handed on; false once sorted. The state changes only after
    /// the comparison's calls are known (a pull replays from its start);
    /// an exception stops the sort where it stands.
    fn sort_pull(&mut self, drain: &mut Drain) -> Flow<bool> {
        let Some(state) = drain.sort.as_deref_mut() else {
            return Err(no_state());
        };
        let Some(super::timsort::Ask(x, y)) = state.sort.asked() else {
            return Ok(false);
        };
        let less = self.less_than(drain.keys[x], drain.keys[y])?;
        state.sort.advance(Some(less));
        Ok(true)
    }

    /// `next()` of a generator from native code inside an instruction (a
    /// `map` over it, `zip`, a drain): its logged outcome on a replay, else
    /// a request to resume it (a pending call).
    pub(super) fn next_of_generator(&mut self, generator: ObjId) -> Flow<Option<ObjId>> {
        if let Some(logged) = self.take_logged_next()? {
            return logged;
        }
        let state = match self.heap.value(generator) {
            Value::Generator(g) => g.state,
            _ => GenState::Finished,
        };
        match state {
            GenState::Running => Err(PyException::new(
                "ValueError",
                "generator already executing",
            )),
            GenState::Finished => Ok(None),
            _ => {
                self.request_resume(generator);
                Err(super::special::pending_error())
            }
        }
    }

    /// A generator frame resumed by native code ([`ResumeMode::Logged`])
    /// or a function frame called by a drain ([`ResumeMode::DrainCall`])
    /// hands back `entry` (a yield, a return, an exception; its reference
    /// moves in): into the drain's log, which pumps on, or the caller's
    /// record, whose instruction replays. The frame is already gone.
    pub(super) fn deliver(
        &mut self,
        sink: Option<Box<Drain>>,
        entry: impl FnOnce(u32) -> CallResult,
    ) -> Flow {
        // The step ends in another frame (or replays): no stack-effect check.
        self.note_frame_switch();
        match sink {
            Some(mut drain) => {
                let index = drain.log.len() as u32;
                drain.log.push(entry(index));
                match self.pull_directly(drain) {
                    Ok(pulled) => pulled,
                    Err(drain) => self.pump(drain),
                }
            }
            None => {
                let frame = self.top_frame()?;
                let index = frame.replay().len() as u32;
                frame.calls_mut().replay.push(entry(index));
                self.replay_instruction()
            }
        }
    }

    /// Whether a drain's consumer takes `item` without running Python
    /// code, without failing and without stopping (see `feed`).
    pub(super) fn feeds_quietly(&self, drain: &Drain, item: ObjId) -> bool {
        let native_key = || {
            matches!(
                self.heap.value(item),
                Value::Int(_) | Value::Str(_) | Value::Bool(_) | Value::None
            )
        };
        match drain.consumer {
            Consumer::Collect {
                limit: 0,
                check: ItemCheck::None,
                list: Some(_),
                ..
            }
            | Consumer::Extend { .. } => true,
            Consumer::SetAdd { set: Some(_), .. } => native_key(),
            Consumer::Sum {
                acc: SumAcc::Int(total),
                ..
            } => matches!(self.heap.value(item), Value::Int(v) if total.checked_add(*v).is_some()),
            Consumer::AnyAll { any } => match self.heap.value(item) {
                Value::Bool(truth) => *truth != any,
                _ => false,
            },
            _ => false,
        }
    }

    /// A function frame called for a drain returned `value` (its
    /// reference moves in): into the drain's log, which pumps on. When the
    /// pull was the step of `map(function, it)` or `filter(function, it)`
    /// over an iterator whose step was logged just before the call, and
    /// the item goes to a consumer that takes it quietly (nobody records),
    /// the pull is not replayed: what its replay would do is done here
    /// (the item fed, or a rejected one dropped; the log released in its
    /// order, as the replay's end releases it).
    pub(super) fn deliver_returned(
        &mut self,
        sink: Option<Box<Drain>>,
        function: Option<ObjId>,
        value: ObjId,
    ) -> Flow {
        let Some(drain) = sink else {
            return self.deliver(None, |_| CallResult::Returned(value));
        };
        let Some(outcome) = self.pull_outcome(&drain, function, value) else {
            return self.deliver(Some(drain), |_| CallResult::Returned(value));
        };
        self.feed_returned(drain, outcome, value)
    }

    /// `RETURN_VALUE` from the frame of a function a drain called (a
    /// `map` or `filter` function, an iterator's `__next__`…), when nobody
    /// records and no call is under way: what `return_value` does then
    /// (its `generator_return` and `leave_native_frame`, the counts in
    /// their order), without its checks for every other kind of frame,
    /// then [`Vm::deliver_returned`]. `None`, having done nothing, for any
    /// other return.
    #[inline(never)]
    pub(in crate::vm) fn drain_return_quick(&mut self) -> Option<Flow> {
        if self.heap.recorder.enabled || self.in_calling() {
            return None;
        }
        let frame = self.frames.last()?;
        if frame.on_return.is_some() || frame.calls.is_some() || frame.locals_dict.is_some() {
            return None;
        }
        let [slot] = frame.stack[..] else {
            return None;
        };
        let value = slot.obj?;
        let resume = frame.resumed.as_deref()?;
        if !matches!(resume.mode, ResumeMode::DrainCall(_)) {
            return None;
        }
        let function = resume.generator;
        // The value leaves the stack for the resumer (a borrowed one made
        // safe: `PyStackRef_MakeHeapSafe`); a strong one's reference moves.
        let frame = self.frames.last_mut()?;
        frame.stack.pop();
        let mut boxed = frame.resumed.take()?;
        if slot.borrowed {
            self.heap.incref(value, self.continuation_referrer());
        }
        let mode = std::mem::replace(&mut boxed.mode, ResumeMode::Close);
        self.calls.spare_resume = Some(boxed);
        self.pop_frame();
        let ResumeMode::DrainCall(drain) = mode else {
            return Some(Err(no_state()));
        };
        Some(self.deliver_returned(Some(drain), Some(function), value))
    }

    /// [`Vm::deliver_returned`] once [`Vm::pull_outcome`] said what the
    /// returned `value` (held) gives: the item fed (or a rejected one
    /// dropped), the pull's log released in its order, the next pull made.
    fn feed_returned(
        &mut self,
        mut drain: Box<Drain>,
        outcome: Option<ObjId>,
        value: ObjId,
    ) -> Flow {
        self.note_frame_switch();
        let holder = self.continuation_referrer();
        let end = drain.log.len() as u32 + 1;
        drain.log.push(CallResult::Returned(value));
        let fed = match outcome {
            // (A rejected item: the pull ends and the next starts afresh.)
            None => Ok(true),
            Some(item) => {
                // The replay's log: the map's or filter's step gave `item` (held).
                drain.log[0] = CallResult::Next {
                    item: Some(item),
                    end,
                };
                self.heap.incref(item, holder);
                let fed = self.feed(&mut drain, item);
                drain.count += 1;
                drain.stopped = !matches!(fed, Ok(true));
                fed
            }
        };
        let mut log = std::mem::take(&mut drain.log);
        for object in log.drain(..).filter_map(CallResult::object) {
            self.heap.decref(object, holder);
        }
        drain.log = log;
        if fed.is_err() {
            self.release_drain(*drain);
            return Err(PyException::new(
                "SystemError",
                "bytestep: a quiet drain item failed",
            ));
        }
        match self.pull_directly(drain) {
            Ok(pulled) => pulled,
            Err(drain) => self.pump(drain),
        }
    }

    /// The pull of a drain over `map(function, it)` or `filter(function,
    /// it)`, `function` a plain Python function of one parameter, made as
    /// [`Vm::pump`] would make it, without going through the pull: with
    /// an empty log and `it` a range or list iterator with an item left,
    /// the iterator's step is logged and the function's frame pushed
    /// (carrying the drain); with `it` a suspended generator, it is
    /// resumed for its item; with that item logged, the function's frame
    /// is pushed. The drain back, untouched, when it is none of these.
    fn pull_directly(&mut self, mut drain: Box<Drain>) -> Result<Flow, Box<Drain>> {
        let depth_limit = self.quick_depth_limit();
        if self.heap.recorder.enabled
            || self.in_calling()
            || drain.stopped
            || drain.sort.is_some()
            || self.frames.len() >= depth_limit
            || !matches!(
                drain.consumer,
                Consumer::Collect { limit: 0, .. }
                    | Consumer::Extend { .. }
                    | Consumer::SetAdd { .. }
                    | Consumer::Sum { .. }
                    | Consumer::AnyAll { .. }
            )
        {
            return Err(drain);
        }
        let Some(wrapper) = drain.iterator else {
            return Err(drain);
        };
        let (func, it) = match *self.heap.value(wrapper) {
            Value::Map { func, iters, .. } => match self.heap.value(iters) {
                Value::Tuple(items) if items.len() == 1 => (func, items[0]),
                _ => return Err(drain),
            },
            Value::Filter { func, iter } => (func, iter),
            _ => return Err(drain),
        };
        if !matches!(self.heap.value(func), Value::Function(f) if f.info.plain_call == Some(1)) {
            return Err(drain);
        }
        let item = match drain.log[..] {
            [] => {
                let has_next = match self.heap.value(it) {
                    Value::RangeIterator { remaining, .. } => *remaining > 0,
                    Value::SeqIterator {
                        kind: TypeKind::ListIterator,
                        seq: Some(list),
                        index,
                        ..
                    } => matches!(self.heap.value(*list), Value::List(l) if *index < l.items.len()),
                    Value::Generator(g) => {
                        if !matches!(g.state, GenState::Suspended | GenState::Created) {
                            return Err(drain);
                        }
                        // The wrapper's step reserved, the generator's
                        // asked for: it is resumed (`tp_iternext` takes no
                        // reference: the wrapper holds it).
                        drain.log.push(CallResult::Stepping);
                        let mode = ResumeMode::Logged(Some(drain));
                        return Ok(match self.resume_quick(it, mode) {
                            Ok(()) => {
                                if self.track_lines {
                                    self.update_line_event();
                                }
                                Ok(())
                            }
                            Err(mode) => self.resume(it, None, None, false, mode),
                        });
                    }
                    Value::Instance { .. } => {
                        // `instance_next`: its `__next__` called, the
                        // wrapper's step and the instance's reserved.
                        let Some(next) = self.next_method(it) else {
                            return Err(drain);
                        };
                        if !matches!(self.heap.value(next), Value::Function(f) if f.info.plain_call == Some(1))
                        {
                            return Err(drain);
                        }
                        drain.log.push(CallResult::Stepping);
                        drain.log.push(CallResult::Stepping);
                        return Ok(self.call_for_drain(drain, next, it));
                    }
                    _ => false,
                };
                if !has_next {
                    return Err(drain);
                }
                let Ok(Some(item)) = self.next_item(it) else {
                    return Ok(Err(PyException::new(
                        "SystemError",
                        "bytestep: an iterator ran out unannounced",
                    )));
                };
                // The log's reference.
                self.heap.incref(item, self.continuation_referrer());
                drain.log.push(CallResult::Stepping);
                drain.log.push(CallResult::Next {
                    item: Some(item),
                    end: 2,
                });
                item
            }
            [
                CallResult::Stepping,
                CallResult::Next {
                    item: Some(item),
                    end: 2,
                },
            ] => item,
            [
                CallResult::Stepping,
                CallResult::Stepping,
                CallResult::Returned(item),
            ] if matches!(self.heap.value(it), Value::Instance { .. }) => {
                // The instance's `__next__` returned: its step's item (held).
                self.heap.incref(item, self.continuation_referrer());
                drain.log[1] = CallResult::Next {
                    item: Some(item),
                    end: 3,
                };
                item
            }
            _ => return Err(drain),
        };
        Ok(self.call_for_drain(drain, func, item))
    }

    /// Push the frame of `function` (a plain Python function of one
    /// parameter) called with `arg` for `drain`, as `start_pending_call`
    /// enters a drain's requested call.
    fn call_for_drain(&mut self, drain: Box<Drain>, func: ObjId, item: ObjId) -> Flow {
        // The request's references, moving into the frame.
        let holder = self.continuation_referrer();
        self.heap.incref(func, holder);
        self.heap.incref(item, holder);
        if !self.enter_plain_call(func, &[item]) {
            // (Not reached: checked above.)
            return Err(PyException::new(
                "SystemError",
                "bytestep: a drain's call could not be entered",
            ));
        }
        let resume = self.boxed_resume(Resume {
            generator: func,
            holds: false,
            mode: ResumeMode::DrainCall(drain),
            saved_exc: None,
        });
        if let Some(frame) = self.frames.last_mut() {
            frame.resumed = Some(resume);
        }
        if self.track_lines {
            self.update_line_event();
        }
        Ok(())
    }

    /// When `value`, returned by `function` called for `drain`, ends a
    /// pull that was the step of `map(function, it)` or `filter(function,
    /// it)` over one iterator (its own step logged just before the call)
    /// and its consumer takes the item quietly: `Some(Some(item))` for the
    /// item the step gives (the map's result, the filter's kept item),
    /// `Some(None)` for an item the filter rejects.
    fn pull_outcome(
        &self,
        drain: &Drain,
        function: Option<ObjId>,
        value: ObjId,
    ) -> Option<Option<ObjId>> {
        if self.heap.recorder.enabled || self.in_calling() || drain.sort.is_some() {
            return None;
        }
        let [
            CallResult::Stepping,
            CallResult::Next {
                item: Some(item),
                end,
            },
            ..,
        ] = drain.log[..]
        else {
            return None;
        };
        if end as usize != drain.log.len() {
            return None;
        }
        let outcome = match *self.heap.value(drain.iterator?) {
            Value::Map { func, iters, .. } if matches!(self.heap.value(iters), Value::Tuple(items) if items.len() == 1) => {
                (Some(func) == function).then_some(Some(value))?
            }
            Value::Filter { func, .. } if Some(func) == function => match self.heap.value(value) {
                Value::Bool(true) => Some(item),
                Value::Bool(false) => None,
                _ => return None,
            },
            _ => return None,
        };
        let plain = matches!(self.heap.value(function?), Value::Function(_));
        match outcome {
            Some(item) if plain && self.feeds_quietly(drain, item) => Some(Some(item)),
            None if plain => Some(None),
            _ => None,
        }
    }

    /// The frame on top was resumed or called for native code: its sink.
    pub(super) fn native_sink(&self) -> bool {
        self.frames.last().is_some_and(|f| {
            matches!(
                f.resumed.as_deref().map(|r| &r.mode),
                Some(ResumeMode::Logged(_) | ResumeMode::DrainCall(_))
            )
        })
    }

    /// An exception left a frame resumed or called for native code: it is
    /// logged for it (the frame goes, the caller's traceback entry is added).
    pub(super) fn native_raised(&mut self, exc: ObjId) -> Flow {
        let holder = self.continuation_referrer();
        let sink = self.leave_native_frame()?;
        self.add_traceback_entry(exc);
        self.heap.incref(exc, holder);
        self.heap.decref(exc, self.raised_referrer());
        self.deliver(sink, |_| CallResult::Raised(exc))
    }

    /// Pop the frame on top, resumed or called for native code, and take its sink.
    pub(super) fn leave_native_frame(&mut self) -> Flow<Option<Box<Drain>>> {
        let call = self.frames.last().is_some_and(|f| {
            matches!(
                f.resumed.as_deref().map(|r| &r.mode),
                Some(ResumeMode::DrainCall(_))
            )
        });
        if call {
            let resume = self
                .frames
                .last_mut()
                .and_then(|f| f.resumed.take())
                .ok_or_else(no_state)?;
            let resume = self.unbox_resume(resume);
            self.pop_frame();
            return Ok(match resume.mode {
                ResumeMode::DrainCall(drain) => Some(drain),
                _ => None,
            });
        }
        let resume = self.leave_generator_frame(true)?;
        Ok(self.release_sink_resume(resume))
    }

    /// Release what a native resume holds itself (the generator), keeping its sink.
    pub(super) fn release_sink_resume(&mut self, resume: Resume) -> Option<Box<Drain>> {
        let holder = self.continuation_referrer();
        if resume.holds {
            self.heap.decref(resume.generator, holder);
        }
        match resume.mode {
            ResumeMode::Logged(sink) => sink,
            ResumeMode::DrainCall(drain) => Some(drain),
            _ => None,
        }
    }
}

fn no_state() -> Box<PyException> {
    PyException::new("SystemError", "bytestep: a drain lost its state")
}

/// An iterable without `__len__` or `__length_hint__` (a generator, `map`,
/// `filter`, `enumerate`, `zip`): `PyObject_LengthHint` gives its default.
fn no_length_hint(value: &Value) -> bool {
    matches!(
        value,
        Value::Generator(_)
            | Value::Map { .. }
            | Value::Filter { .. }
            | Value::Enumerate { .. }
            | Value::Zip { .. }
            | Value::CallableIterator { .. }
    )
}
