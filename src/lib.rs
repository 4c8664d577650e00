//! bytestep: a step debugger for CPython 3.14 bytecode.
//!
//! Layers, arrows pointing down only:
//! `app` (keys, terminal) → `ui` (pure pane renderers) → `session` (the debugger)
//! → `vm` (the interpreter) → `bytecode` (decoding, dis) → `compile` (rustpython).

pub mod app;
pub mod bytecode;
pub mod commands;
pub mod compile;
pub mod examples;
pub mod session;
pub mod ui;
pub mod vm;
