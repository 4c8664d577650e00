//! `__slots__`: the instance layout of a class, its member descriptors
//! (`<member 'x' of 'P' objects>`) and reading/writing a slot, as CPython's
//! `type_new_slots` and `Objects/descrobject.c` do.

use super::exceptions::PyException;
use super::heap::object::SlotValues;
use super::heap::{ObjId, Referrer, Value};
use super::types::dict::HashKey;
use super::{Flow, Vm};

/// What a new class's instances look like.
pub(super) struct Layout {
    /// Every slot name, the bases' first.
    pub names: Vec<&'static str>,
    /// The class's own slot names (sorted, mangled), to get member descriptors.
    pub own: Vec<&'static str>,
    pub has_dict: bool,
    pub has_weakref: bool,
}

impl Vm {
    /// The slot layout of a class with `bases` and `namespace` (its own dict).
    pub(super) fn slot_layout(
        &mut self,
        class_name: &str,
        bases: &[ObjId],
        namespace: ObjId,
    ) -> Flow<Layout> {
        // The base whose layout the class extends: the one with most slots.
        let mut base_names: Vec<&'static str> = Vec::new();
        let mut solid: Option<ObjId> = None;
        let (mut has_dict, mut has_weakref) = (false, false);
        for &base in bases {
            match self.heap.value(base) {
                Value::Class(c) => {
                    has_dict |= c.has_dict;
                    has_weakref |= c.has_weakref;
                    let base_solid = self.solid_base(base);
                    if let Some(current) = solid
                        && current != base_solid
                    {
                        let extends = |a: ObjId, b: ObjId| match self.heap.value(a) {
                            Value::Class(c) => c.mro.contains(&b),
                            _ => false,
                        };
                        if extends(base_solid, current) {
                            solid = Some(base_solid);
                        } else if !extends(current, base_solid) {
                            return Err(PyException::type_error(
                                "multiple bases have instance lay-out conflict",
                            ));
                        }
                    } else {
                        solid = Some(base_solid);
                    }
                    if c.slot_names.len() > base_names.len() {
                        base_names = c.slot_names.clone();
                    }
                }
                // `object` adds nothing; a built-in exception has a `__dict__`.
                Value::Type(super::types::TypeKind::Object) => {}
                _ => {
                    has_dict = true;
                    has_weakref = true;
                }
            }
        }
        let key = HashKey::Str("__slots__".into());
        let slots = match self.heap.value(namespace) {
            Value::Dict(d) => d.get(&key).map(|e| e.value),
            _ => None,
        };
        let Some(slots) = slots else {
            return Ok(Layout {
                names: base_names,
                own: Vec::new(),
                has_dict: true,
                has_weakref: true,
            });
        };
        let items: Vec<ObjId> = match self.heap.value(slots) {
            Value::Str(_) => vec![slots],
            Value::Tuple(items) => items.to_vec(),
            Value::List(list) => list.items.clone(),
            _ => return Err(self.unsupported("__slots__ that is not a str, tuple or list")),
        };
        let mut own: Vec<String> = Vec::new();
        let (mut add_dict, mut add_weakref) = (false, false);
        for item in items {
            let name = match self.heap.value(item) {
                Value::Str(text) => text.to_string(),
                other => {
                    return Err(PyException::type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        other.type_name()
                    )));
                }
            };
            let mut chars = name.chars();
            let identifier = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric());
            if !identifier {
                return Err(PyException::type_error("__slots__ must be identifiers"));
            }
            if name == "__dict__" {
                if has_dict || add_dict {
                    return Err(PyException::type_error(
                        "__dict__ slot disallowed: we already got one",
                    ));
                }
                add_dict = true;
                continue;
            }
            if name == "__weakref__" {
                if has_weakref || add_weakref {
                    return Err(PyException::type_error(
                        "__weakref__ slot disallowed: we already got one",
                    ));
                }
                add_weakref = true;
                continue;
            }
            own.push(mangle(class_name, &name));
        }
        own.sort();
        for name in &own {
            let key = HashKey::Str(name.as_str().into());
            let conflict = match self.heap.value(namespace) {
                Value::Dict(d) => d.get(&key).is_some(),
                _ => false,
            };
            if conflict {
                return Err(PyException::new(
                    "ValueError",
                    format!("'{name}' in __slots__ conflicts with class variable"),
                ));
            }
        }
        let own: Vec<&'static str> = own.iter().map(|n| super::classes::static_name(n)).collect();
        let mut names = base_names;
        names.extend(own.iter().copied());
        Ok(Layout {
            names,
            own,
            has_dict: has_dict || add_dict,
            has_weakref: has_weakref || add_weakref,
        })
    }

    /// The nearest class of `class`'s MRO that adds slots (or `object`).
    pub(super) fn solid_base(&self, class: ObjId) -> ObjId {
        let mro = match self.heap.value(class) {
            Value::Class(c) => c.mro.clone(),
            _ => return class,
        };
        for &klass in &mro {
            let Value::Class(c) = self.heap.value(klass) else {
                continue;
            };
            let inherited = c
                .bases
                .iter()
                .map(|&b| match self.heap.value(b) {
                    Value::Class(bc) => bc.slot_names.len(),
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            if c.slot_names.len() > inherited {
                return klass;
            }
        }
        self.type_object_id(super::types::TypeKind::Object)
    }

    /// A member descriptor (`<member 'x' of 'C' objects>`) for slot `index`
    /// of `class`, put into its dict under `name`.
    pub(super) fn add_member(
        &mut self,
        class: ObjId,
        dict: ObjId,
        name: &'static str,
        index: usize,
    ) -> Flow {
        let member = self.heap.alloc(Value::Member {
            class,
            name,
            index: index as u32,
        });
        let address = self.heap.get(member).address;
        self.heap.incref(
            class,
            Referrer::Attribute {
                owner: address,
                name: "__objclass__",
            },
        );
        let key = self.identifier(name);
        let result = self.dict_set(dict, key, member);
        self.heap.discard(member);
        result
    }

    /// Put the member descriptors of `own` slots into the new class's dict.
    pub(super) fn add_members(&mut self, class: ObjId, dict: ObjId, own: &[&'static str]) -> Flow {
        let Value::Class(c) = self.heap.value(class) else {
            return Ok(());
        };
        let start = c.slot_names.len() - own.len();
        for (offset, &name) in own.iter().enumerate() {
            self.add_member(class, dict, name, start + offset)?;
        }
        Ok(())
    }

    /// Empty slots for a new instance of `class` (`None` without `__slots__`).
    pub(super) fn new_slots(&self, class: ObjId) -> Option<Box<SlotValues>> {
        match self.heap.value(class) {
            Value::Class(c) if !(c.has_dict && c.slot_names.is_empty() && c.has_weakref) => {
                Some(Box::new(SlotValues {
                    values: vec![None; c.slot_names.len()].into_boxed_slice(),
                    pre_header: c.has_dict || c.has_weakref,
                }))
            }
            _ => None,
        }
    }

    /// The member's class, name and index, checking that it applies to `owner`.
    fn member_target(&self, member: ObjId, owner: ObjId) -> Flow<(&'static str, usize)> {
        let Value::Member { class, name, index } = *self.heap.value(member) else {
            return Err(PyException::new("SystemError", "not a member descriptor"));
        };
        let own = match self.heap.value(owner) {
            Value::Instance { class: own, .. } => Some(*own),
            // A struct sequence's field (`sys.version_info.major`).
            Value::Tuple(_) => self.heap.subclass_of(owner).map(|tag| tag.class),
            _ => None,
        };
        let applies = own.is_some_and(|own| match self.heap.value(own) {
            Value::Class(c) => c.mro.contains(&class),
            _ => false,
        });
        if !applies {
            let class_name = match self.heap.value(class) {
                Value::Class(c) => c.name,
                _ => "object",
            };
            return Err(PyException::type_error(format!(
                "descriptor '{name}' for '{class_name}' objects doesn't apply to a '{}' object",
                self.heap.value(owner).type_name()
            )));
        }
        Ok((name, index as usize))
    }

    /// `member.__get__(owner)`: the slot's value (borrowed).
    pub(super) fn member_get(&self, member: ObjId, owner: ObjId) -> Flow<ObjId> {
        let (name, index) = self.member_target(member, owner)?;
        let value = match self.heap.value(owner) {
            Value::Instance {
                slots: Some(slots), ..
            } => slots.values.get(index).copied().flatten(),
            Value::Tuple(items) => items.get(index).copied(),
            _ => None,
        };
        value.ok_or_else(|| {
            PyException::new(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{name}'",
                    self.heap.value(owner).type_name()
                ),
            )
        })
    }

    /// `member.__set__(owner, value)`, or `__delete__` with `None`.
    pub(super) fn member_set(&mut self, member: ObjId, owner: ObjId, value: Option<ObjId>) -> Flow {
        let (name, index) = self.member_target(member, owner)?;
        if let Value::Tuple(_) = self.heap.value(owner) {
            // A struct sequence's fields are `READONLY` members.
            return Err(PyException::new("AttributeError", "readonly attribute"));
        }
        let address = self.heap.get(owner).address;
        let referrer = Referrer::Attribute {
            owner: address,
            name,
        };
        let old = match self.heap.value(owner) {
            Value::Instance {
                slots: Some(slots), ..
            } => slots.values.get(index).copied().flatten(),
            _ => None,
        };
        if value.is_none() && old.is_none() {
            return Err(PyException::new("AttributeError", name));
        }
        if let Some(value) = value {
            self.heap.incref(value, referrer);
        }
        if let Value::Instance {
            slots: Some(slots), ..
        } = self.heap.value_mut(owner)
            && let Some(slot) = slots.values.get_mut(index)
        {
            *slot = value;
        }
        if let Some(old) = old {
            self.heap.decref(old, referrer);
        }
        Ok(())
    }
}

/// `_Private__name` mangling of `__name` in class `class_name`.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") {
        return name.to_owned();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}
