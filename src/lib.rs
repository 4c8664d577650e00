//! bytestep: a step debugger for CPython 3.14 bytecode.
//!
//! Layers, arrows pointing down only:
//! `app` (keys, terminal) → `ui` (pure pane renderers) → `session` (the debugger)
//! → `vm` (the interpreter) → `bytecode` (decoding, dis) → `compile` (rustpython).
//!
//! Running a program and watching one step:
//!
//! ```
//! use bytestep::vm::{Event, Vm};
//!
//! let mut vm = Vm::new("a = 'hello' + ' world'\nprint(a)\n", "t.py").expect("compiles");
//! vm.set_recording(true);
//! let mut freed = 0;
//! while let Some(step) = vm.step() {
//!     freed += step.events.iter().filter(|e| matches!(e, Event::Free { .. })).count();
//! }
//! assert_eq!(vm.output, "hello world\n");
//! assert_eq!(freed, 0, "the compiler folded the constant; nothing was made and freed");
//! ```

pub mod app;
pub mod bytecode;
pub mod commands;
pub mod compile;
pub mod condition;
pub mod config;
pub mod examples;
pub mod figure;
pub mod fuzz;
pub mod narrate;
pub mod session;
pub mod source;
pub mod state;
pub mod syntax_warnings;
pub mod ui;
pub mod vm;
