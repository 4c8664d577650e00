//! What attributes the built-in types have in CPython 3.14, as data
//! ([`super::attr_table`], generated from CPython): attribute lookup on a
//! built-in object tells a missing attribute (`AttributeError`, with CPython's
//! "Did you mean") from one bytestep has not built yet (`NotImplementedError`),
//! and `dir()` of a built-in object lists what CPython lists.

use super::TypeKind;
use super::attr_table::TYPE_ATTRS;

/// What kind of object `T.name` is in CPython.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// `wrapper_descriptor`: a special method filled from a C slot (`int.__add__`).
    SlotWrapper,
    /// `method_descriptor`: a method (`list.append`).
    Method,
    /// `classmethod_descriptor` or `classmethod` (`dict.fromkeys`).
    ClassMethod,
    /// `builtin_function_or_method` (`__new__`).
    BuiltinStatic,
    /// `staticmethod` (`str.maketrans`).
    StaticMethod,
    /// `getset_descriptor` (`int.real`, `object.__class__`).
    GetSet,
    /// `member_descriptor` (`range.start`).
    Member,
    /// Set to `None` (`list.__hash__`).
    NoneValue,
    /// A plain value (`__doc__`).
    Value,
}

/// One type's own attributes (`vars(T)`), sorted, and its `__base__`.
pub struct TypeAttrs {
    pub name: &'static str,
    pub base: Option<&'static str>,
    pub attrs: &'static [(&'static str, AttrKind)],
}

fn own(type_name: &str) -> Option<&'static TypeAttrs> {
    TYPE_ATTRS.iter().find(|row| row.name == type_name)
}

/// The rows of `kind`'s MRO, most derived first (empty if CPython's table
/// does not know the type).
fn mro_rows(kind: TypeKind) -> impl Iterator<Item = &'static TypeAttrs> {
    std::iter::successors(own(kind.name()), |row| row.base.and_then(own))
}

/// `T.name` along the MRO: its kind and the name of the class defining it.
pub fn find(kind: TypeKind, name: &str) -> Option<(AttrKind, &'static str)> {
    mro_rows(kind).find_map(|row| {
        row.attrs
            .binary_search_by(|(attr, _)| (*attr).cmp(name))
            .ok()
            .map(|index| (row.attrs[index].1, row.name))
    })
}

/// Whether CPython's table describes the type at all.
pub fn known(kind: TypeKind) -> bool {
    own(kind.name()).is_some()
}

/// `dir(T)`: every attribute along the MRO, sorted, once each.
pub fn dir(kind: TypeKind) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = mro_rows(kind)
        .flat_map(|row| row.attrs.iter().map(|(attr, _)| *attr))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sorted_for_the_search() {
        for row in TYPE_ATTRS {
            assert!(
                row.attrs.windows(2).all(|w| w[0].0 < w[1].0),
                "{}",
                row.name
            );
        }
    }

    #[test]
    fn every_builtin_type_is_described_with_cpythons_base() {
        for kind in TypeKind::all() {
            // `sys.stdout`'s and `__future__._Feature`: not built-in types.
            if matches!(kind, TypeKind::TextIOWrapper | TypeKind::Feature) {
                continue;
            }
            let Some(row) = own(kind.name()) else {
                // Exception groups (two bases) are not in the table.
                assert!(kind.exception().is_some(), "{} missing", kind.name());
                continue;
            };
            assert_eq!(row.base, kind.base().map(TypeKind::name), "{}", kind.name());
        }
    }

    #[test]
    fn lookups_walk_the_mro() {
        assert_eq!(
            find(TypeKind::List, "append"),
            Some((AttrKind::Method, "list"))
        );
        assert_eq!(
            find(TypeKind::Bool, "__add__"),
            Some((AttrKind::SlotWrapper, "int"))
        );
        assert_eq!(
            find(TypeKind::List, "__class__"),
            Some((AttrKind::GetSet, "object"))
        );
        assert_eq!(
            find(TypeKind::List, "__hash__"),
            Some((AttrKind::NoneValue, "list"))
        );
        assert_eq!(find(TypeKind::List, "add"), None);
        assert!(dir(TypeKind::Int).contains(&"bit_length"));
    }
}
