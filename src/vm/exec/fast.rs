//! The quiet run loop's inner loop: the commonest instructions (local
//! loads and stores, small ints and constants, int arithmetic and
//! comparisons, conditional jumps) run here with the current frame, its
//! code and its stack borrowed once, instead of each going through
//! `fetch` and the general handlers, which look the frame up again for
//! every push and pop. Only when nobody records events.
//!
//! Each instruction here is still exactly one step and does exactly what
//! its general handler in `opcodes.rs` does, in the same order (the result
//! made and pushed, then the inputs released, left first), so ids, counts,
//! free-list reuse and sizes are the same whichever path ran. Anything
//! else (another opcode, an operand that is not an int, a NULL local, an
//! overflow) leaves the instruction untouched for the general path.

use num_integer::Integer;

use crate::bytecode::opcodes::*;
use crate::bytecode::{BinaryOp, CompareOp};
use crate::vm::attr_cache::{CachedAttr, cached_instance_attr, current_plan};
use crate::vm::builtins::Builtin;
use crate::vm::code::Instr;
use crate::vm::exceptions::PyException;
use crate::vm::exec::call::call_plain_in;
use crate::vm::frame::{Continuation, Frame, FrameStack, Slot};
use crate::vm::heap::{Heap, ObjId, Referrer, Symbol, TypeKind, Value};
use crate::vm::{LineSink, SMALL_INT_MAX, SMALL_INT_MIN, Vm};

/// Why [`Vm::run_fast`] stopped.
pub(in crate::vm) enum FastStop {
    /// The step budget is spent (or, watched, the next instruction fires a
    /// line event the sink asks to stop for).
    Budget,
    /// The next instruction is not one of this loop's (or not on these
    /// operands): it is fetched (the step counted, the frame's `pc` past
    /// it) and nothing else is done yet; the general path executes it.
    General(Instr),
    /// No instruction to fetch here (no frame, or past the end of the
    /// code), or the heap needed attention before the first: `Vm::fetch`
    /// says what happens.
    Fetch,
    /// An instruction ran and the heap needs attention (see `Vm::attend`).
    Attention,
    /// `CALL` of a builtin function or method descriptor, or
    /// `STORE_SUBSCR` into a dict, fetched: [`Vm::run_fast`] runs it if
    /// `Vm::quick` does.
    Quick(Instr),
    /// `RETURN_VALUE`, fetched, from a frame the loop does not return
    /// from itself: [`Vm::run_fast`] tries a drain's return.
    Return(Instr),
    /// An instruction run by [`Vm::run_fast`] (a builtin called by
    /// `Vm::call_quick`) raised: to be unwound.
    Raised(Box<PyException>),
}

impl Vm {
    /// Run instructions until one needs the general path, the budget
    /// (`stop` steps) is spent or the heap needs attention: in
    /// [`Vm::run_frame`] (calls of plain Python functions and returns from
    /// them included), builtin calls by `Vm::quick` and drains' returns
    /// here, between its turns.
    #[inline(always)]
    pub(in crate::vm) fn run_fast(&mut self, stop: u64) -> FastStop {
        loop {
            match self.run_frame(stop, None) {
                FastStop::Quick(instr) => match self.quick(instr) {
                    None => return FastStop::General(instr),
                    Some(Err(error)) => return FastStop::Raised(error),
                    Some(Ok(())) if self.heap.needs_attention() => return FastStop::Attention,
                    Some(Ok(())) => {}
                },
                FastStop::Return(instr) => {
                    match self.drain_return_quick() {
                        None => return FastStop::General(instr),
                        Some(Err(error)) => return FastStop::Raised(error),
                        Some(Ok(())) => {}
                    }
                    if self.heap.needs_attention() {
                        return FastStop::Attention;
                    }
                }
                stopped => return stopped,
            }
        }
    }

    /// [`Vm::run_fast`] for the debugger's quiet run (`Vm::run_watched`):
    /// the innermost frame's instructions only, also working out, after
    /// each step, whether a line event comes next (kept in the frame when
    /// it stops), noting each in `sink` and stopping after one the sink
    /// asks for. Calls, returns and builtin calls are left to the general
    /// path (the debugger looks at each, for its counts and stops); the
    /// step that needs attention is left for the caller to tell (its line
    /// event is not noted).
    #[inline(always)]
    pub(in crate::vm) fn run_fast_watched(&mut self, stop: u64, sink: &mut LineSink) -> FastStop {
        match self.run_frame(stop, Some(sink)) {
            FastStop::Quick(instr) | FastStop::Return(instr) => FastStop::General(instr),
            stopped => stopped,
        }
    }

    /// Run instructions of the innermost frame until one needs the general
    /// path, the budget (`stop` steps) is spent or the heap needs attention
    /// (`sink`: watched, a constant where it is inlined, so `run_fast` has
    /// no test). Not watched, a call of a plain Python function with
    /// exactly its positional parameters pushes its frame, and a return
    /// from one pops it, and the loop goes on in the new innermost frame.
    #[inline(always)]
    fn run_frame(&mut self, stop: u64, mut sink: Option<&mut LineSink>) -> FastStop {
        let depth_limit = self.quick_depth_limit();
        let Vm {
            frames,
            heap,
            singletons,
            steps,
            main_module,
            builtins_module,
            method_cache,
            class_attr_cache,
            generic_getattr,
            identifiers,
            ..
        } = self;
        let generic_getattr = *generic_getattr;
        let (main_module, builtins_module) = (*main_module, *builtins_module);
        if frames.is_empty() || heap.needs_attention() {
            // No frame, or attention left waiting by the step before: the
            // loop's load-only instructions do not look (see 'counts_only),
            // so the general path runs the next one, and looks.
            return FastStop::Fetch;
        }
        let small_ints = &singletons.small_ints[..];
        let (true_, false_, none, not_implemented) = (
            singletons.true_,
            singletons.false_,
            singletons.none,
            singletons.not_implemented,
        );
        // The step count lives in a local while the loop runs, written
        // back whenever it stops.
        let mut count = *steps;
        let watched = sink.is_some();
        // A call of a plain function, or a return from one, switches
        // frames here without leaving the loop.
        'frames: loop {
            let depth = frames.len();
            let Some(frame) = frames.last_mut() else {
                *steps = count;
                return FastStop::Fetch;
            };
            let Frame {
                code,
                pc,
                last,
                locals,
                stack,
                locals_dict,
                line_event_next,
                ..
            } = &mut **frame;
            let code = &**code;
            let instrs = &code.instrs[..];
            let ops = &code.ops[..];
            let consts = &code.consts[..];
            let names = &code.names[..];
            // The frame's `pc` and `last` live in locals while the loop runs,
            // written back whenever it stops or switches frames.
            let (mut at, mut executed) = (*pc, *last);
            // Watched: whether a line event comes next, written back too.
            let mut line_next = *line_event_next;
            'run: loop {
                if count >= stop {
                    (*pc, *last, *steps) = (at, executed, count);
                    if watched {
                        *line_event_next = line_next;
                    }
                    return FastStop::Budget;
                }
                let index = at;
                let Some(&op) = ops.get(index) else {
                    (*pc, *last, *steps) = (at, executed, count);
                    if watched {
                        *line_event_next = line_next;
                    }
                    return FastStop::Fetch;
                };
                let (opcode, arg) = (op.opcode(), op.arg() as usize);
                // Where the frame goes next (a jump changes it).
                let mut next = index + 1;
                'general: {
                    // Arms that only load (count increments at most) leave this
                    // block early: only an allocation or a release can make the
                    // heap need attention, so only the others look.
                    'counts_only: {
                        match opcode {
                            // NOP, NOT_TAKEN, RESUME (--)
                            NOP | NOT_TAKEN | RESUME => break 'counts_only,

                            // LOAD_FAST_BORROW (-- value): no new reference
                            LOAD_FAST_BORROW => match locals.get(arg) {
                                Some(&Slot { obj: Some(obj), .. }) => {
                                    stack.push(Slot {
                                        obj: Some(obj),
                                        borrowed: true,
                                    });
                                    break 'counts_only;
                                }
                                _ => break 'general,
                            },

                            // LOAD_FAST_BORROW_LOAD_FAST_BORROW (-- value1, value2)
                            LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
                                match (locals.get(arg >> 4), locals.get(arg & 15)) {
                                    (
                                        Some(&Slot {
                                            obj: Some(first), ..
                                        }),
                                        Some(&Slot {
                                            obj: Some(second), ..
                                        }),
                                    ) => {
                                        stack.push(Slot {
                                            obj: Some(first),
                                            borrowed: true,
                                        });
                                        stack.push(Slot {
                                            obj: Some(second),
                                            borrowed: true,
                                        });
                                        break 'counts_only;
                                    }
                                    _ => break 'general,
                                }
                            }

                            // LOAD_FAST, LOAD_FAST_CHECK (-- value): a new reference (a borrowed local stays borrowed)
                            LOAD_FAST | LOAD_FAST_CHECK => match locals.get(arg) {
                                Some(&slot) if slot.obj.is_some() => {
                                    load_local(heap, stack, slot);
                                    break 'counts_only;
                                }
                                _ => break 'general,
                            },

                            // LOAD_FAST_LOAD_FAST (-- value1, value2)
                            LOAD_FAST_LOAD_FAST => {
                                match (locals.get(arg >> 4), locals.get(arg & 15)) {
                                    (Some(&first), Some(&second))
                                        if first.obj.is_some() && second.obj.is_some() =>
                                    {
                                        load_local(heap, stack, first);
                                        load_local(heap, stack, second);
                                        break 'counts_only;
                                    }
                                    _ => break 'general,
                                }
                            }

                            // LOAD_SMALL_INT (-- value): an immortal small int
                            LOAD_SMALL_INT => {
                                let value = small_ints[(op.arg() as i64 - SMALL_INT_MIN) as usize];
                                heap.incref_unrecorded(value);
                                stack.push(Slot::strong(value));
                                break 'counts_only;
                            }

                            // LOAD_CONST (-- value)
                            LOAD_CONST => match consts.get(arg) {
                                Some(&value) if value != not_implemented => {
                                    heap.incref_unrecorded(value);
                                    stack.push(Slot::strong(value));
                                    break 'counts_only;
                                }
                                _ => break 'general,
                            },

                            // LOAD_NAME (-- v), LOAD_GLOBAL (-- res, null if (oparg & 1)):
                            // found in the globals or the builtins
                            LOAD_NAME | LOAD_GLOBAL => {
                                let index = if opcode == LOAD_GLOBAL { arg >> 1 } else { arg };
                                let Some(&name) = names
                                    .get(index)
                                    .filter(|_| plain_names(heap, main_module, *locals_dict))
                                else {
                                    break 'general;
                                };
                                let Some(value) = global(heap, main_module, name)
                                    .or_else(|| global(heap, builtins_module, name))
                                else {
                                    break 'general;
                                };
                                heap.incref_unrecorded(value);
                                stack.push(Slot::strong(value));
                                if opcode == LOAD_GLOBAL && arg & 1 == 1 {
                                    stack.push(Slot::NULL);
                                }
                                break 'counts_only;
                            }

                            // STORE_NAME, STORE_GLOBAL (v --): the popped reference
                            // moves into the module's namespace (a borrowed one becomes strong)
                            STORE_NAME | STORE_GLOBAL => {
                                let Some(&name) = names
                                    .get(arg)
                                    .filter(|_| plain_names(heap, main_module, *locals_dict))
                                else {
                                    break 'general;
                                };
                                let Some(&Slot {
                                    obj: Some(value),
                                    borrowed,
                                }) = stack.last()
                                else {
                                    break 'general;
                                };
                                stack.pop();
                                if borrowed {
                                    heap.incref_unrecorded(value);
                                }
                                let old = match heap.value_mut(main_module) {
                                    Value::Module(module) => module.namespace.set(name, value),
                                    _ => None,
                                };
                                if let Some(old) = old {
                                    heap.decref_unrecorded(old);
                                }
                            }

                            // LOAD_ATTR (owner -- attr, null_or_self): an instance's
                            // attribute through its class's current plan (as
                            // `load_attr_planned`); with the method bit, a builtin
                            // type's method descriptor found before (as `load_method`)
                            LOAD_ATTR => {
                                let Some(&name) = names.get(arg >> 1) else {
                                    break 'general;
                                };
                                let Some(
                                    &owner_slot @ Slot {
                                        obj: Some(owner), ..
                                    },
                                ) = stack.last()
                                else {
                                    break 'general;
                                };
                                let method = arg & 1 == 1;
                                if let Value::Instance { .. } = heap.value(owner) {
                                    if generic_getattr {
                                        break 'general;
                                    }
                                    match cached_instance_attr(heap, class_attr_cache, owner, name)
                                    {
                                        Some(CachedAttr::Method(function)) if method => {
                                            stack.pop();
                                            heap.incref_unrecorded(function);
                                            stack.push(Slot::strong(function));
                                            stack.push(owner_slot);
                                        }
                                        Some(CachedAttr::Value(value)) => {
                                            stack.pop();
                                            heap.incref_unrecorded(value);
                                            stack.push(Slot::strong(value));
                                            if method {
                                                stack.push(Slot::NULL);
                                            }
                                            release_unrecorded(heap, owner_slot);
                                        }
                                        _ => break 'general,
                                    }
                                } else {
                                    if !method {
                                        break 'general;
                                    }
                                    if heap.has_subclassed() {
                                        break 'general;
                                    }
                                    let kind = heap.value(owner).type_kind();
                                    let Some(&descriptor) = method_cache.get(&(kind, name)) else {
                                        break 'general;
                                    };
                                    stack.pop();
                                    heap.incref_unrecorded(descriptor);
                                    stack.push(Slot::strong(descriptor));
                                    stack.push(owner_slot);
                                }
                            }

                            // FOR_ITER (iter -- iter, next): a range iterator
                            FOR_ITER => {
                                let Some(&Slot {
                                    obj: Some(iterator),
                                    ..
                                }) = stack.last()
                                else {
                                    break 'general;
                                };
                                let Value::RangeIterator {
                                    next: start,
                                    step,
                                    remaining,
                                } = heap.value_mut(iterator)
                                else {
                                    if !watched
                                        && matches!(heap.value(iterator), Value::Generator(_))
                                    {
                                        // `Vm::for_iter_generator_quick` resumes it.
                                        (*pc, *last, *steps) = (index + 1, Some(index), count + 1);
                                        return FastStop::Quick(instrs[index]);
                                    }
                                    break 'general;
                                };
                                if *remaining <= 0 {
                                    let Some(target) = op.target() else {
                                        break 'general;
                                    };
                                    // Exhausted: past the END_FOR at the target.
                                    next = target + 1;
                                } else {
                                    let value = *start;
                                    *remaining -= 1;
                                    *start = start.wrapping_add(*step);
                                    let item = if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
                                        small_ints[(value - SMALL_INT_MIN) as usize]
                                    } else {
                                        heap.alloc_int(value)
                                    };
                                    heap.incref_unrecorded(item);
                                    stack.push(Slot::strong(item));
                                }
                            }

                            // STORE_FAST (value --): the popped reference moves into the local
                            STORE_FAST => {
                                if arg >= locals.len() {
                                    break 'general;
                                }
                                let Some(slot) = stack.pop() else {
                                    break 'general;
                                };
                                store_local(heap, locals, arg, slot);
                            }

                            // STORE_FAST_LOAD_FAST (value -- value'): the popped reference
                            // moves into one local, then another (bound) is loaded
                            STORE_FAST_LOAD_FAST => {
                                let (store, load) = (arg >> 4, arg & 15);
                                let Some(&top) = stack.last() else {
                                    break 'general;
                                };
                                let bound = if load == store {
                                    top.obj.is_some()
                                } else {
                                    locals.get(load).is_some_and(|slot| slot.obj.is_some())
                                };
                                if store >= locals.len() || !bound {
                                    break 'general;
                                }
                                stack.pop();
                                store_local(heap, locals, store, top);
                                load_local(heap, stack, locals[load]);
                            }

                            // STORE_FAST_STORE_FAST (value2, value1 --)
                            STORE_FAST_STORE_FAST => {
                                if (arg >> 4) >= locals.len()
                                    || (arg & 15) >= locals.len()
                                    || stack.len() < 2
                                {
                                    break 'general;
                                }
                                if let Some(value1) = stack.pop() {
                                    store_local(heap, locals, arg >> 4, value1);
                                }
                                if let Some(value2) = stack.pop() {
                                    store_local(heap, locals, arg & 15, value2);
                                }
                            }

                            // POP_TOP (value --)
                            POP_TOP => {
                                let Some(slot) = stack.pop() else {
                                    break 'general;
                                };
                                release_unrecorded(heap, slot);
                            }

                            // JUMP_FORWARD, JUMP_BACKWARD (--)
                            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                                let Some(target) = op.target() else {
                                    break 'general;
                                };
                                next = target;
                                break 'counts_only;
                            }

                            // POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE (cond --): on a bool
                            // (immortal: nothing to release)
                            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                                let (cond, target) = match (stack.last(), op.target()) {
                                    (
                                        Some(&Slot {
                                            obj: Some(cond), ..
                                        }),
                                        Some(target),
                                    ) if cond == true_ || cond == false_ => (cond, target),
                                    _ => break 'general,
                                };
                                stack.pop();
                                if (cond == true_) == (opcode == POP_JUMP_IF_TRUE) {
                                    next = target;
                                }
                                break 'counts_only;
                            }

                            // BINARY_OP (container, sub -- res): an item of a list by an int index
                            BINARY_OP if op.arg() == BinaryOp::Subscr as u32 => {
                                let [.., container, index] = stack[..] else {
                                    break 'general;
                                };
                                let (Some(list), Some(at)) = (container.obj, index.obj) else {
                                    break 'general;
                                };
                                let (Value::List(items), Value::Int(at)) =
                                    (heap.value(list), heap.value(at))
                                else {
                                    break 'general;
                                };
                                if heap.has_subclassed() {
                                    break 'general;
                                }
                                let len = items.items.len() as i64;
                                let at = if *at < 0 { *at + len } else { *at };
                                let Some(&item) =
                                    usize::try_from(at).ok().and_then(|i| items.items.get(i))
                                else {
                                    break 'general;
                                };
                                replace_two(heap, stack, [container, index], item, false);
                            }

                            // BINARY_OP (lhs, rhs -- res): two ints, no overflow (as exec/quick.rs)
                            BINARY_OP => {
                                let Some((left, right, a, b)) = two_ints(heap, stack) else {
                                    break 'general;
                                };
                                // `+` and `-` tested first: a compare each, where
                                // the operator table would take an indirect jump.
                                let Some(value) = (match op.arg() {
                                    ADD | INPLACE_ADD => a.checked_add(b),
                                    SUBTRACT | INPLACE_SUBTRACT => a.checked_sub(b),
                                    arg => BinaryOp::from_arg(arg).and_then(|op| int_op(op, a, b)),
                                }) else {
                                    break 'general;
                                };
                                let result = if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
                                    small_ints[(value - SMALL_INT_MIN) as usize]
                                } else {
                                    heap.alloc_int(value)
                                };
                                replace_two(heap, stack, [left, right], result, false);
                            }

                            // COMPARE_OP (left, right -- res): two ints to a bool
                            COMPARE_OP => {
                                let Some((left, right, a, b)) = two_ints(heap, stack) else {
                                    break 'general;
                                };
                                // `<` tested first (as `+` and `-` above).
                                let holds = if op.arg() >> 5 == CompareOp::Lt as u32 {
                                    a < b
                                } else {
                                    let Some(op) = CompareOp::from_arg(op.arg()) else {
                                        break 'general;
                                    };
                                    op.holds(Some(a.cmp(&b)))
                                };
                                let result = if holds { true_ } else { false_ };
                                replace_two(heap, stack, [left, right], result, true);
                            }

                            // CALL (callable, self_or_null, args[oparg] -- res): a plain
                            // Python function with exactly its positional parameters,
                            // whose frame `Vm::call_plain` pushes, or a builtin for
                            // `Vm::call_quick`
                            // (Watched, calls go to the general path: see `run_fast_watched`.)
                            CALL if !watched => {
                                let Some(base) = stack.len().checked_sub(arg + 2) else {
                                    break 'general;
                                };
                                let Some(callable) = stack[base].obj else {
                                    break 'general;
                                };
                                let stopped = match heap.value(callable) {
                                    // (A method's `self` is its first argument.)
                                    Value::Function(function)
                                        if function.plain_call
                                            == Some(
                                                arg + usize::from(stack[base + 1].obj.is_some()),
                                            )
                                            && depth < depth_limit =>
                                    {
                                        (*pc, *last) = (index + 1, Some(index));
                                        count += 1;
                                        let instr = instrs[index];
                                        if enter_plain(frames, heap, arg, depth_limit) {
                                            continue 'frames;
                                        }
                                        *steps = count;
                                        return FastStop::General(instr);
                                    }
                                    // Maybe one `Vm::call_quick` runs.
                                    Value::Builtin(Builtin::Method(_) | Builtin::Len) => {
                                        FastStop::Quick(instrs[index])
                                    }
                                    Value::Type(TypeKind::Str) if arg == 1 => {
                                        FastStop::Quick(instrs[index])
                                    }
                                    _ => break 'general,
                                };
                                (*pc, *last, *steps) = (index + 1, Some(index), count + 1);
                                return stopped;
                            }

                            // STORE_SUBSCR (v, container, sub --): into a dict, maybe by `Vm::quick`
                            STORE_SUBSCR if !watched => match stack[..] {
                                [
                                    ..,
                                    Slot { obj: Some(_), .. },
                                    Slot {
                                        obj: Some(container),
                                        ..
                                    },
                                    Slot { obj: Some(_), .. },
                                ] if matches!(heap.value(container), Value::Dict(_)) => {
                                    (*pc, *last, *steps) = (index + 1, Some(index), count + 1);
                                    return FastStop::Quick(instrs[index]);
                                }
                                _ => break 'general,
                            },

                            // STORE_ATTR (v, owner --): an instance's attribute that its
                            // dict has, replaced through its class's plan (as `store_attr_planned`)
                            STORE_ATTR => {
                                let [
                                    ..,
                                    value_slot @ Slot {
                                        obj: Some(value), ..
                                    },
                                    owner_slot @ Slot {
                                        obj: Some(owner), ..
                                    },
                                ] = stack[..]
                                else {
                                    break 'general;
                                };
                                let (
                                    Some(&name),
                                    Value::Instance {
                                        class,
                                        dict: Some(dict),
                                        ..
                                    },
                                ) = (names.get(arg), heap.value(owner))
                                else {
                                    break 'general;
                                };
                                let (class, dict) = (*class, *dict);
                                let Some(plan) = current_plan(heap, class_attr_cache, class, name)
                                    .filter(|plan| plan.store_in_dict)
                                else {
                                    break 'general;
                                };
                                match heap.replace_str_item(dict, name, plan.hash, value) {
                                    Some(old) => {
                                        stack.truncate(stack.len() - 2);
                                        heap.incref_unrecorded(value);
                                        heap.decref_unrecorded(old.value);
                                    }
                                    // A new attribute (`insertdict`, as `dict_set` does
                                    // it): the dict holds the key and the value.
                                    None => {
                                        let Some(key) =
                                            identifiers.get(&name).copied().or_else(|| {
                                                singletons.one_char_str(heap.symbols.text(name))
                                            })
                                        else {
                                            break 'general;
                                        };
                                        heap.set_str_item(dict, name, plan.hash, key, value);
                                        stack.truncate(stack.len() - 2);
                                        heap.incref_unrecorded(key);
                                        heap.incref_unrecorded(value);
                                    }
                                }
                                release_unrecorded(heap, owner_slot);
                                release_unrecorded(heap, value_slot);
                            }

                            // PUSH_NULL (-- null)
                            PUSH_NULL => {
                                stack.push(Slot::NULL);
                                break 'counts_only;
                            }

                            // COPY (bottom, unused[oparg-1] -- bottom, unused[oparg-1], top)
                            COPY => {
                                let Some(&slot) =
                                    stack.len().checked_sub(arg).and_then(|i| stack.get(i))
                                else {
                                    break 'general;
                                };
                                if slot.obj.is_none() {
                                    break 'general;
                                }
                                load_local(heap, stack, slot);
                                break 'counts_only;
                            }

                            // SWAP (bottom, unused[oparg-2], top -- top, unused[oparg-2], bottom)
                            SWAP => {
                                let len = stack.len();
                                let Some(other) = len.checked_sub(arg).filter(|_| arg >= 2) else {
                                    break 'general;
                                };
                                stack.swap(other, len - 1);
                                break 'counts_only;
                            }

                            // UNARY_NEGATIVE (value -- res): an int that does not overflow
                            // (as `Vm::unary` with `Vm::negate`: the result pushed, the
                            // input released)
                            UNARY_NEGATIVE => {
                                let Some((slot, value)) = top_object(stack) else {
                                    break 'general;
                                };
                                let Some(negated) = (match heap.value(value) {
                                    Value::Int(number) if !heap.has_subclassed() => {
                                        number.checked_neg()
                                    }
                                    _ => None,
                                }) else {
                                    break 'general;
                                };
                                let result = if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&negated) {
                                    small_ints[(negated - SMALL_INT_MIN) as usize]
                                } else {
                                    heap.alloc_int(negated)
                                };
                                stack.pop();
                                stack.push(Slot::strong(result));
                                heap.incref_unrecorded(result);
                                release_unrecorded(heap, slot);
                            }

                            // TO_BOOL (value -- res): a bool, an int or None
                            TO_BOOL => {
                                let Some((slot, value)) = top_object(stack) else {
                                    break 'general;
                                };
                                let truth = match heap.value(value) {
                                    Value::Bool(truth) => *truth,
                                    Value::Int(number) => *number != 0,
                                    Value::None => false,
                                    _ => break 'general,
                                };
                                stack.pop();
                                stack.push(Slot::strong(if truth { true_ } else { false_ }));
                                release_unrecorded(heap, slot);
                            }

                            // YIELD_VALUE (retval -- value): `Vm::yield_value_quick` hands it over
                            YIELD_VALUE if depth > 1 && !watched => {
                                (*pc, *last, *steps) = (index + 1, Some(index), count + 1);
                                return FastStop::Quick(instrs[index]);
                            }

                            // RETURN_VALUE (retval --): `Vm::return_quick` returns
                            RETURN_VALUE if depth > 1 && !watched => {
                                (*pc, *last) = (index + 1, Some(index));
                                count += 1;
                                let instr = instrs[index];
                                if leave_plain(frames, heap, none) {
                                    if heap.needs_attention() {
                                        *steps = count;
                                        return FastStop::Attention;
                                    }
                                    continue 'frames;
                                }
                                *steps = count;
                                return FastStop::Return(instr);
                            }

                            _ => break 'general,
                        }
                        if heap.needs_attention() {
                            (*pc, *last, *steps) = (next, Some(index), count + 1);
                            if watched {
                                *line_event_next = line_next;
                            }
                            return FastStop::Attention;
                        }
                    }
                    (at, executed, count) = (next, Some(index), count + 1);
                    if let Some(sink) = sink.as_deref_mut() {
                        // As `Vm::update_line_event` after the step.
                        line_next = code.fires_line_event(Some(index), next);
                        if line_next && sink.fire(instrs.get(next).and_then(|i| i.line)) {
                            (*pc, *last, *steps) = (at, executed, count);
                            *line_event_next = line_next;
                            return FastStop::Budget;
                        }
                    }
                    continue 'run;
                }
                // Fetched as `Vm::fetch` does; the general path executes it.
                (*pc, *last, *steps) = (index + 1, Some(index), count + 1);
                if watched {
                    *line_event_next = line_next;
                }
                return FastStop::General(instrs[index]);
            }
        }
    }
}

/// `BINARY_OP` arguments of the operators its int arm tests first.
const ADD: u32 = BinaryOp::Add as u32;
const INPLACE_ADD: u32 = BinaryOp::InplaceAdd as u32;
const SUBTRACT: u32 = BinaryOp::Subtract as u32;
const INPLACE_SUBTRACT: u32 = BinaryOp::InplaceSubtract as u32;

/// The slot on top of the stack and its object, if it holds one.
#[inline(always)]
fn top_object(stack: &[Slot]) -> Option<(Slot, ObjId)> {
    let &slot = stack.last()?;
    Some((slot, slot.obj?))
}

/// Whether module-level names are read and written straight in the
/// namespace: not in a class body (its namespace dict first) and not once
/// `globals()` made the module's dict.
#[inline(always)]
fn plain_names(heap: &Heap, main_module: ObjId, locals_dict: Option<ObjId>) -> bool {
    locals_dict.is_none() && matches!(heap.value(main_module), Value::Module(m) if m.dict.is_none())
}

/// A name bound in a module's namespace.
#[inline(always)]
fn global(heap: &Heap, module: ObjId, name: Symbol) -> Option<ObjId> {
    match heap.value(module) {
        Value::Module(m) => m.namespace.get(name),
        _ => None,
    }
}

/// `LOAD_FAST` of a bound local: a new reference, or borrowed again.
#[inline(always)]
fn load_local(heap: &mut Heap, stack: &mut Vec<Slot>, slot: Slot) {
    match slot.obj {
        Some(obj) if !slot.borrowed => {
            heap.incref_unrecorded(obj);
            stack.push(Slot::strong(obj));
        }
        _ => stack.push(slot),
    }
}

/// The popped slot goes into local `index`; the reference it held before is dropped.
#[inline(always)]
fn store_local(heap: &mut Heap, locals: &mut [Slot], index: usize, slot: Slot) {
    let old = std::mem::replace(&mut locals[index], slot);
    release_unrecorded(heap, old);
}

/// Drop a slot's reference (nothing for NULL or borrowed slots).
#[inline(always)]
pub(super) fn release(heap: &mut Heap, slot: Slot, quiet: Referrer) {
    if let Some(obj) = slot.obj
        && !slot.borrowed
    {
        heap.decref(obj, quiet);
    }
}

/// [`release`] where nobody records (the fast loop's count changes name
/// no referrer: only recorded events read one).
#[inline(always)]
fn release_unrecorded(heap: &mut Heap, slot: Slot) {
    if let Some(obj) = slot.obj
        && !slot.borrowed
    {
        heap.decref_unrecorded(obj);
    }
}

/// The two ints on top of the stack: their slots and values.
#[inline(always)]
fn two_ints(heap: &Heap, stack: &[Slot]) -> Option<(Slot, Slot, i64, i64)> {
    let [.., left, right] = stack else {
        return None;
    };
    match (heap.value(left.obj?), heap.value(right.obj?)) {
        (Value::Int(a), Value::Int(b)) => Some((*left, *right, *a, *b)),
        _ => None,
    }
}

/// What `BINARY_OP` gives on two ints when it cannot fail or overflow.
#[inline(always)]
pub(super) fn int_op(op: BinaryOp, a: i64, b: i64) -> Option<i64> {
    Some(match op.base() {
        BinaryOp::Add => a.checked_add(b)?,
        BinaryOp::Subtract => a.checked_sub(b)?,
        BinaryOp::Multiply => a.checked_mul(b)?,
        BinaryOp::FloorDivide if b != 0 && !(a == i64::MIN && b == -1) => {
            Integer::div_floor(&a, &b)
        }
        BinaryOp::Remainder if b != 0 && b != -1 => a.mod_floor(&b),
        BinaryOp::And => a & b,
        BinaryOp::Or => a | b,
        BinaryOp::Xor => a ^ b,
        _ => return None,
    })
}

/// `(left, right -- res)`: the result replaces the inputs, then their
/// references are dropped, left first (as `Vm::replace_two`).
#[inline(always)]
fn replace_two(
    heap: &mut Heap,
    stack: &mut Vec<Slot>,
    [left, right]: [Slot; 2],
    result: ObjId,
    immortal: bool,
) {
    let base = stack.len() - 2;
    stack.truncate(base);
    stack.push(Slot::strong(result));
    if !immortal {
        heap.incref_unrecorded(result);
    }
    release_unrecorded(heap, left);
    release_unrecorded(heap, right);
}

impl Vm {
    /// `RETURN_VALUE` from a plain function's frame to its caller, when
    /// nobody records: what `return_value` and `pop_frame` do in that case
    /// (the value made safe if borrowed, the frame's stack released top
    /// first, its locals last first, then its function; the frame kept for
    /// reuse; the value pushed on the caller's stack), without their checks
    /// for generators, continuations and pending calls. False, having done
    /// nothing, for any other frame.
    #[inline(always)]
    pub(in crate::vm) fn return_quick(&mut self) -> bool {
        return_quick_in(&mut self.frames, &mut self.heap, self.singletons.none)
    }
}

/// [`Vm::return_quick`] on the parts of the VM it needs.
#[inline(always)]
fn return_quick_in(frames: &mut FrameStack, heap: &mut Heap, none: ObjId) -> bool {
    let [.., caller, frame] = &mut frames[..] else {
        return false;
    };
    let Some(&Slot {
        obj: Some(value),
        borrowed,
    }) = frame.stack.last()
    else {
        return false;
    };
    // `__init__` entered by `CALL_ALLOC_AND_ENTER_INIT` returning None:
    // the continuation's reference to the instance moves to the caller's
    // stack in place of the value (as `return_to_continuation`).
    let pushed = match frame.on_return {
        None => value,
        Some(Continuation::Init {
            instance,
            native: false,
        }) if value == none => instance,
        Some(_) => return false,
    };
    if heap.recorder.enabled
        || frame.resumed.is_some()
        || frame.calls.is_some()
        || frame.locals_dict.is_some()
    {
        return false;
    }
    frame.on_return = None;
    frame.stack.pop();
    if borrowed {
        // `PyStackRef_MakeHeapSafe`: a borrowed value must not outlive its owner.
        heap.incref_unrecorded(value);
    }
    for &slot in frame.stack.iter().rev() {
        release_unrecorded(heap, slot);
    }
    // `_PyFrame_ClearLocals`: the last local first.
    for (&slot, _) in frame.locals.iter().zip(frame.code.localsplus.iter()).rev() {
        release_unrecorded(heap, slot);
    }
    if let Some(function) = frame.function {
        heap.decref_unrecorded(function);
    }
    if pushed != value {
        // (None, immortal: nothing changes.)
        heap.decref_unrecorded(value);
    }
    caller.stack.push(Slot::strong(pushed));
    frames.retire();
    true
}

/// The fast loop's call of a plain function (`call_plain_in`), out of
/// line: inlined, its registers would be spilled around every
/// instruction of the loop.
#[inline(never)]
fn enter_plain(frames: &mut FrameStack, heap: &mut Heap, argc: usize, depth_limit: usize) -> bool {
    call_plain_in(frames, heap, argc, depth_limit)
}

/// The fast loop's return from a plain function (`return_quick_in`), out
/// of line for the same reason.
#[inline(never)]
fn leave_plain(frames: &mut FrameStack, heap: &mut Heap, none: ObjId) -> bool {
    return_quick_in(frames, heap, none)
}
