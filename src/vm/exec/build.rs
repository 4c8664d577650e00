//! BUILD_LIST, LIST_APPEND, LIST_EXTEND, BUILD_MAP, MAP_ADD, STORE_SUBSCR,
//! DELETE_SUBSCR: the references popped move into the container.

use crate::vm::heap::{ObjId, Referrer, Value};
use crate::vm::types::dict::Dict;
use crate::vm::{Flow, Vm};

impl Vm {
    // BUILD_LIST (values[oparg] -- list): the items' references move into the list
    pub(in crate::vm) fn build_list(&mut self, count: usize) -> Flow {
        let popped = self.pop_many(count)?;
        let items: Vec<ObjId> = popped.iter().filter_map(|p| p.slot.obj).collect();
        if items.len() != popped.len() {
            return Err(crate::vm::exceptions::PyException::new(
                "SystemError",
                "NULL in BUILD_LIST",
            ));
        }
        let list = self.list_object(items, true);
        let address = self.heap.get(list).address;
        for (index, entry) in popped.iter().enumerate() {
            self.take_into(
                entry,
                Referrer::Item {
                    container: address,
                    type_name: "list",
                    index: index as u32,
                },
            );
        }
        self.push(list)
    }

    // LIST_APPEND (list, unused[oparg-1], v -- list, unused[oparg-1])
    pub(in crate::vm) fn list_append_op(&mut self, depth: u32) -> Flow {
        let (value, popped) = self.pop_object()?;
        let list = self.peek_object(depth.saturating_sub(1) as usize)?;
        let result = self.list_append(list, value);
        self.release(popped);
        result
    }

    // LIST_EXTEND (list, unused[oparg-1], iterable -- list, unused[oparg-1])
    pub(in crate::vm) fn list_extend_op(&mut self, depth: u32) -> Flow {
        let (iterable, popped) = self.pop_object()?;
        let list = self.peek_object(depth.saturating_sub(1) as usize)?;
        let mut result = self.list_extend(list, iterable);
        // `[*x]` of what cannot be iterated at all: `LIST_EXTEND`'s message.
        if let Err(error) = &mut result
            && error.object.is_none()
            && error.kind == "TypeError"
            && error.message.ends_with("object is not iterable")
        {
            error.message = format!(
                "Value after * must be an iterable, not {}",
                self.heap.type_name_of(iterable)
            );
        }
        self.release(popped);
        result
    }

    // BUILD_MAP (values[oparg*2] -- map)
    pub(in crate::vm) fn build_map(&mut self, count: usize) -> Flow {
        let pairs = self.top_objects(count * 2)?;
        if pairs.chunks(2).any(|pair| self.is_custom_key(pair[0])) {
            return self.build_container_calling(count * 2, |vm| {
                let dict = vm.heap.alloc(Value::Dict(Box::new(Dict::presized(count))));
                for pair in pairs.chunks(2) {
                    if let Err(error) = vm.dict_set(dict, pair[0], pair[1]) {
                        vm.heap.discard(dict);
                        return Err(error);
                    }
                }
                Ok(dict)
            });
        }
        let popped = self.pop_many(count * 2)?;
        let dict = self
            .heap
            .alloc(Value::Dict(Box::new(Dict::presized(count))));
        // Held by the stack while it fills, so an error frees it.
        self.push(dict)?;
        let mut result = Ok(());
        for pair in popped.chunks(2) {
            let (Some(key), Some(value)) = (pair[0].slot.obj, pair[1].slot.obj) else {
                continue;
            };
            result = self.dict_set(dict, key, value);
            if result.is_err() {
                break;
            }
        }
        for entry in popped {
            self.release(entry);
        }
        result
    }

    // MAP_ADD (dict, unused[oparg - 1], key, value -- dict, unused[oparg - 1])
    pub(in crate::vm) fn map_add(&mut self, depth: u32) -> Flow {
        let key = self.peek_object(1)?;
        if self.is_custom_key(key) {
            // `__hash__`/`__eq__` run as frames: the operands stay in place
            // until the key is in.
            let value = self.peek_object(0)?;
            let dict = self.peek_object(depth.saturating_sub(1) as usize + 2)?;
            let result = self.calling(|vm| vm.dict_set(dict, key, value));
            if let Err(error) = &result
                && Vm::is_pending(error)
            {
                return result;
            }
            let value_popped = self.pop()?;
            let key_popped = self.pop()?;
            self.release(key_popped);
            self.release(value_popped);
            return result;
        }
        let (value, value_popped) = self.pop_object()?;
        let (key, key_popped) = self.pop_object()?;
        let dict = self.peek_object(depth.saturating_sub(1) as usize)?;
        let result = self.dict_set(dict, key, value);
        self.release(key_popped);
        self.release(value_popped);
        result
    }

    // STORE_SUBSCR (v, container, sub -- )
    pub(in crate::vm) fn store_subscr(&mut self) -> Flow {
        let (sub, sub_popped) = self.pop_object()?;
        let (container, container_popped) = self.pop_object()?;
        let (value, value_popped) = self.pop_object()?;
        let result = self.calling(|vm| vm.setitem_any(container, sub, value));
        if let Err(error) = &result
            && Vm::is_pending(error)
        {
            self.unpop(error, &[value_popped, container_popped, sub_popped]);
            return result;
        }
        self.release(value_popped);
        self.release(container_popped);
        self.release(sub_popped);
        result
    }

    // DELETE_SUBSCR (container, sub --)
    pub(in crate::vm) fn delete_subscr(&mut self) -> Flow {
        let (sub, sub_popped) = self.pop_object()?;
        let (container, container_popped) = self.pop_object()?;
        let result = self.calling(|vm| vm.delitem_any(container, sub));
        if let Err(error) = &result
            && Vm::is_pending(error)
        {
            self.unpop(error, &[container_popped, sub_popped]);
            return result;
        }
        self.release(container_popped);
        self.release(sub_popped);
        result
    }

    pub(in crate::vm) fn peek_object(&self, depth: usize) -> Flow<ObjId> {
        self.peek(depth)?.obj.ok_or_else(|| {
            crate::vm::exceptions::PyException::new("SystemError", "NULL on the value stack")
        })
    }
}

impl Vm {
    /// LOAD_ATTR of a list or dict method. With the method bit (`a.append(x)`):
    /// (owner -- method, self), the owner's reference moving to the `self`
    /// slot; without it (`f = a.append`): (owner -- bound). False: not a method.
    pub(in crate::vm) fn load_method(
        &mut self,
        name: crate::vm::heap::Symbol,
        method_bit: bool,
    ) -> Flow<bool> {
        let owner = self.peek_object(0)?;
        if let Value::Instance { .. } = self.heap.value(owner) {
            // No builtin type's method is an instance's (none of the tables
            // below has its kind, and `slot_method_of` refuses instances).
            return Ok(false);
        }
        let kind = self.heap.value(owner).type_kind();
        if method_bit && let Some(&descriptor) = self.method_cache.get(&(kind, name)) {
            // (owner -- method, self): found before, its descriptor made then.
            let popped = self.pop()?;
            self.push(descriptor)?;
            return self.push_slot(popped.slot).map(|()| true);
        }
        let text = self.heap.symbols.text(name);
        let Some(method) = crate::vm::containers::Method::find(kind, text)
            .map(crate::vm::builtins::Builtin::Method)
            .or_else(|| {
                crate::vm::sets::SetMethod::find(kind, text)
                    .map(crate::vm::builtins::Builtin::SetMethod)
            })
            .or_else(|| {
                (kind == crate::vm::types::TypeKind::Str)
                    .then(|| crate::vm::strings::StrMethod::find(text))
                    .flatten()
                    .map(crate::vm::builtins::Builtin::StrMethod)
            })
            .or_else(|| {
                crate::vm::bytes::BytesMethod::find(kind, text)
                    .map(|method| crate::vm::builtins::Builtin::BytesMethod(method, kind))
            })
            .or_else(|| self.slot_method_of(owner, text))
        else {
            return Ok(false);
        };
        let popped = self.pop()?;
        if method_bit {
            let descriptor = self.static_builtin(method);
            self.method_cache.insert((kind, name), descriptor);
            self.push(descriptor)?;
            self.push_slot(popped.slot)?;
        } else {
            let bound = self.bound_builtin(method, owner);
            self.push(bound)?;
            self.release(popped);
        }
        Ok(true)
    }

    /// The `n` objects on top of the stack, bottom first (not popped).
    pub(in crate::vm) fn top_objects(&self, n: usize) -> Flow<Vec<ObjId>> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| crate::vm::exceptions::PyException::new("SystemError", "no frame"))?;
        let start = frame.stack.len().checked_sub(n).ok_or_else(|| {
            crate::vm::exceptions::PyException::new("SystemError", "stack underflow")
        })?;
        Ok(frame.stack[start..].iter().filter_map(|s| s.obj).collect())
    }

    /// BUILD_MAP/BUILD_SET whose keys run `__hash__`/`__eq__` as frames:
    /// `build` makes the container from the `n` operands left in place (it
    /// is made again when the instruction replays); they are popped once
    /// it is complete.
    pub(in crate::vm) fn build_container_calling(
        &mut self,
        n: usize,
        build: impl FnOnce(&mut Vm) -> Flow<ObjId>,
    ) -> Flow {
        let result = self.calling(build);
        if let Err(error) = &result
            && Vm::is_pending(error)
        {
            return Err(error.clone());
        }
        let popped = self.pop_many(n)?;
        let outcome = match result {
            Ok(container) => self.push(container),
            Err(error) => Err(error),
        };
        for entry in popped {
            self.release(entry);
        }
        outcome
    }
}
