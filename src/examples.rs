//! The lecture's example programs, embedded in the binary.

/// One built-in example.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub name: &'static str,
    pub summary: &'static str,
    pub source: &'static str,
}

impl Example {
    /// The file name shown in tracebacks and panes.
    pub fn filename(&self) -> String {
        format!("{}.py", self.name)
    }
}

/// All examples; the first is the default.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "refcount",
        summary: "a = \"hello\"; b = a; a = \"world\"; b = \"world\": counting references",
        source: include_str!("../assets/examples/refcount.py"),
    },
    Example {
        name: "objects",
        summary: "a = 1: even an int is an object with an id, a type, a value and refs",
        source: include_str!("../assets/examples/objects.py"),
    },
    Example {
        name: "small_ints",
        summary: "cached small ints, ints made at run time, and a freed block's id reused",
        source: include_str!("../assets/examples/small_ints.py"),
    },
    Example {
        name: "control",
        summary: "if False: the program is data too, and the compiler drops dead code",
        source: include_str!("../assets/examples/control.py"),
    },
    Example {
        name: "bytecode",
        summary: "the functions of the lecture's byte-code slides",
        source: include_str!("../assets/examples/bytecode.py"),
    },
    Example {
        name: "sizes",
        summary: "sys.getsizeof(True) and friends: objects cost bytes",
        source: include_str!("../assets/examples/sizes.py"),
    },
];

/// The example opened when no file is given.
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// Find an example by name (with or without `.py`).
pub fn find(name: &str) -> Option<&'static Example> {
    let name = name.strip_suffix(".py").unwrap_or(name);
    EXAMPLES.iter().find(|e| e.name == name)
}
