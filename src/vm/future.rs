//! The module `__future__`: its feature objects (`_Feature`, native here:
//! `Value::Builtin` of [`Builtin::Future`]) and `CO_*` flags. Every feature
//! is a no-op in 3.14 but `annotations`, which the compiler reads from the
//! source (annotations then compile to strings).

use super::Vm;
use super::builtins::Builtin;
use super::heap::ObjId;

/// One release: (major, minor, micro, level, serial).
type Release = (i64, i64, i64, &'static str, i64);

/// `__future__.py`'s features, in `all_feature_names` order: name,
/// optional release, mandatory release, compiler flag name and value.
pub const FEATURES: &[(&str, Release, Option<Release>, &str, i64)] = &[
    (
        "nested_scopes",
        (2, 1, 0, "beta", 1),
        Some((2, 2, 0, "alpha", 0)),
        "CO_NESTED",
        0x0010,
    ),
    (
        "generators",
        (2, 2, 0, "alpha", 1),
        Some((2, 3, 0, "final", 0)),
        "CO_GENERATOR_ALLOWED",
        0,
    ),
    (
        "division",
        (2, 2, 0, "alpha", 2),
        Some((3, 0, 0, "alpha", 0)),
        "CO_FUTURE_DIVISION",
        0x20000,
    ),
    (
        "absolute_import",
        (2, 5, 0, "alpha", 1),
        Some((3, 0, 0, "alpha", 0)),
        "CO_FUTURE_ABSOLUTE_IMPORT",
        0x40000,
    ),
    (
        "with_statement",
        (2, 5, 0, "alpha", 1),
        Some((2, 6, 0, "alpha", 0)),
        "CO_FUTURE_WITH_STATEMENT",
        0x80000,
    ),
    (
        "print_function",
        (2, 6, 0, "alpha", 2),
        Some((3, 0, 0, "alpha", 0)),
        "CO_FUTURE_PRINT_FUNCTION",
        0x100000,
    ),
    (
        "unicode_literals",
        (2, 6, 0, "alpha", 2),
        Some((3, 0, 0, "alpha", 0)),
        "CO_FUTURE_UNICODE_LITERALS",
        0x200000,
    ),
    (
        "barry_as_FLUFL",
        (3, 1, 0, "alpha", 2),
        Some((4, 0, 0, "alpha", 0)),
        "CO_FUTURE_BARRY_AS_BDFL",
        0x400000,
    ),
    (
        "generator_stop",
        (3, 5, 0, "beta", 1),
        Some((3, 7, 0, "alpha", 0)),
        "CO_FUTURE_GENERATOR_STOP",
        0x800000,
    ),
    (
        "annotations",
        (3, 7, 0, "beta", 1),
        None,
        "CO_FUTURE_ANNOTATIONS",
        0x1000000,
    ),
];

fn release_repr(release: Option<Release>) -> String {
    match release {
        Some((a, b, c, level, serial)) => format!("({a}, {b}, {c}, '{level}', {serial})"),
        None => "None".into(),
    }
}

/// `repr()` of feature `index`: `_Feature((3, 7, 0, 'beta', 1), None, 16777216)`.
pub fn feature_repr(index: u8) -> String {
    let Some(&(_, optional, mandatory, _, flag)) = FEATURES.get(index as usize) else {
        return "_Feature".into();
    };
    format!(
        "_Feature({}, {}, {flag})",
        release_repr(Some(optional)),
        release_repr(mandatory)
    )
}

impl Vm {
    /// `import __future__`: made on first import.
    pub(super) fn future_module(&mut self) -> ObjId {
        let members: Vec<(&str, Builtin)> = FEATURES
            .iter()
            .enumerate()
            .map(|(i, f)| (f.0, Builtin::Future(i as u8)))
            .collect();
        self.builtin_module("__future__", &members, |vm, module| {
            for &(_, _, _, flag_name, flag) in FEATURES {
                let value = vm.int_object(flag);
                vm.set_module_member(module, flag_name, value);
            }
            let names: Vec<ObjId> = FEATURES.iter().map(|f| vm.str_object(f.0)).collect();
            let list = vm.list_object(names, false);
            vm.set_module_member(module, "all_feature_names", list);
        })
    }

    /// A release tuple of feature `index` (`None` for no mandatory release).
    pub(super) fn feature_release(&mut self, index: u8, mandatory: bool) -> ObjId {
        let Some(&(_, optional, mandatory_release, _, _)) = FEATURES.get(index as usize) else {
            return self.singletons.none;
        };
        let release = if mandatory {
            mandatory_release
        } else {
            Some(optional)
        };
        let Some((a, b, c, level, serial)) = release else {
            return self.singletons.none;
        };
        let items = vec![
            self.int_object(a),
            self.int_object(b),
            self.int_object(c),
            self.str_object(level),
            self.int_object(serial),
        ];
        self.tuple_object(items, false)
    }

    /// `feature.name` of a `_Feature`.
    pub(super) fn feature_attribute(&mut self, index: u8, name: &str) -> Option<ObjId> {
        Some(match name {
            "optional" => self.feature_release(index, false),
            "mandatory" => self.feature_release(index, true),
            "compiler_flag" => {
                let flag = FEATURES.get(index as usize)?.4;
                self.int_object(flag)
            }
            "getOptionalRelease" => self.static_builtin(Builtin::FutureRelease(index, false)),
            "getMandatoryRelease" => self.static_builtin(Builtin::FutureRelease(index, true)),
            _ => return None,
        })
    }
}
