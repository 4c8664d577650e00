//! The non-interactive commands (`run`, `trace`, `dis`, `examples`), as
//! functions that write to any `Write` and return the exit status, so the
//! binary stays thin and tests call them directly.

use std::io::{self, Write};

use serde_json::Value as Json;

use crate::bytecode;
use crate::compile;
use crate::examples::EXAMPLES;
pub use crate::narrate::{event_text, step_json, step_text};
use crate::vm::input::Input;
use crate::vm::{Outcome, Vm};

/// A program to work on: its source and the file name shown for it.
#[derive(Debug, Clone)]
pub struct Program {
    pub filename: String,
    pub source: String,
}

/// Exit status of a finished command.
pub type Status = i32;

/// Limits of a `run`: `--max-steps`, `--timeout`, `--max-memory`.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Stop after this many executed instructions.
    pub max_steps: Option<u64>,
    /// Stop after this much wall-clock time.
    pub timeout: Option<std::time::Duration>,
    /// The memory limit of the program's objects (`MemoryError` past it).
    pub max_memory: u64,
    /// The process ends after the run: the interpreter's memory is left to
    /// the operating system (freeing a large heap object by object only
    /// costs time).
    pub exit_after: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: None,
            timeout: None,
            max_memory: crate::vm::heap::DEFAULT_MAX_MEMORY,
            exit_after: false,
        }
    }
}

/// Exit status when `--max-steps` or `--timeout` stopped the program (as `timeout(1)`).
pub const STATUS_LIMIT: Status = 124;

/// Instructions run between two looks at the clock and the output.
const SLICE: u64 = 1 << 16;

/// `bytestep run`: the program's output on `out`, a traceback on `err`.
pub fn run(program: &Program, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Status> {
    run_with(program, &Limits::default(), out, err)
}

/// `bytestep run` with limits. The output is streamed as the program runs,
/// so an endless `print` loop neither waits nor grows in memory.
pub fn run_with(
    program: &Program,
    limits: &Limits,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    run_with_input(program, limits, Input::empty(), out, err)
}

/// [`run_with`] whose program reads `input` with `input()`.
pub fn run_with_input(
    program: &Program,
    limits: &Limits,
    input: Input,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    let started = std::time::Instant::now();
    let mut vm = match Vm::new(&program.source, &program.filename) {
        Ok(vm) => vm,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    vm.heap.set_max_memory(limits.max_memory);
    vm.input = input;
    loop {
        let budget = match limits.max_steps {
            Some(max) => SLICE.min(max.saturating_sub(vm.steps())),
            None => SLICE,
        };
        let finished = budget == 0 || vm.run_for(budget);
        write_streams(&mut vm, out, err)?;
        if vm.is_finished() {
            break;
        }
        if finished || limits.max_steps.is_some_and(|max| vm.steps() >= max) {
            out.flush()?;
            writeln!(
                err,
                "bytestep: stopped after {} steps (--max-steps)",
                vm.steps()
            )?;
            return Ok(STATUS_LIMIT);
        }
        if let Some(timeout) = limits.timeout
            && started.elapsed() >= timeout
        {
            out.flush()?;
            writeln!(
                err,
                "bytestep: stopped after {:.1} s and {} steps (--timeout)",
                started.elapsed().as_secs_f64(),
                vm.steps()
            )?;
            return Ok(STATUS_LIMIT);
        }
    }
    let status = report_end(&vm, err, true);
    if limits.exit_after {
        std::mem::forget(vm);
    }
    status
}

/// What the program wrote since the last call: stdout and stderr in the
/// order it wrote them (each piece of stderr after the stdout before it).
fn write_streams(vm: &mut Vm, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    let start = vm.output.dropped();
    let text = vm.output.drain();
    let stderr = std::mem::take(&mut vm.stderr);
    let marks = std::mem::take(&mut vm.stderr_marks);
    if marks.is_empty() {
        out.write_all(text.as_bytes())?;
        return err.write_all(stderr.as_bytes());
    }
    let mut written = 0usize;
    // Text of stderr from before any mark (none is expected) goes first.
    err.write_all(&stderr.as_bytes()[..marks[0].1])?;
    for (i, &(at, offset)) in marks.iter().enumerate() {
        let upto = (at.saturating_sub(start) as usize).clamp(written, text.len());
        if upto > written {
            out.write_all(&text.as_bytes()[written..upto])?;
            out.flush()?;
            written = upto;
        }
        let next = marks.get(i + 1).map_or(stderr.len(), |m| m.1);
        err.write_all(&stderr.as_bytes()[offset..next])?;
        err.flush()?;
    }
    out.write_all(&text.as_bytes()[written..])
}

/// The uncaught exception's report and the exit status; `streams_shown`:
/// the program's stderr was written (`run`), the report may be in it.
fn report_end(vm: &Vm, err: &mut dyn Write, streams_shown: bool) -> io::Result<Status> {
    // (Already written, before what the interpreter's exit printed.)
    let written = streams_shown && vm.traceback_written();
    if let Some((status, text)) = vm.system_exit() {
        // `sys.exit()`: no traceback, as `python3` ends.
        if !written {
            err.write_all(text.as_bytes())?;
        }
        return Ok(status);
    }
    match vm.outcome() {
        Some(Outcome::Raised(traceback)) => {
            if !written {
                err.write_all(traceback.as_bytes())?;
            }
            Ok(1)
        }
        _ => Ok(0),
    }
}

/// `bytestep dis`: CPython's `dis.dis` text, or with `table` the lecture's tables.
pub fn dis(
    program: &Program,
    table: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    match compile::compile(&program.source, &program.filename) {
        Ok(code) => {
            let mut text = if table {
                bytecode::dis_table(&code)
            } else {
                bytecode::dis(&code)
            };
            // Code objects get the ids the debugger and `trace` show for them.
            let vm = Vm::from_code(&program.source, code);
            for (_, object) in vm.heap.live_objects() {
                if let crate::vm::heap::Value::Code(info) = &object.value {
                    let fake = bytecode::repr::fake_address(&info.code);
                    text = text.replace(
                        &format!(" at {fake},"),
                        &format!(" at {:#x},", object.address),
                    );
                }
            }
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        Err(error) => {
            writeln!(err, "{error}")?;
            Ok(1)
        }
    }
}

/// `bytestep trace`: one line (or JSON object) per executed instruction.
pub fn trace(
    program: &Program,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    trace_with(program, as_json, &Limits::default(), out, err)
}

/// `bytestep trace` with the memory limit of `limits` (steps and time are `run`'s).
pub fn trace_with(
    program: &Program,
    as_json: bool,
    limits: &Limits,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    trace_with_input(program, as_json, limits, Input::empty(), out, err)
}

/// [`trace_with`] whose program reads `input` with `input()`.
pub fn trace_with_input(
    program: &Program,
    as_json: bool,
    limits: &Limits,
    input: Input,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    let mut vm = match Vm::new(&program.source, &program.filename) {
        Ok(vm) => vm,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    vm.heap.set_max_memory(limits.max_memory);
    vm.input = input;
    vm.set_recording(true);
    loop {
        // The argument as dis shows it, read before the step moves on.
        let argrepr = vm
            .next_instruction()
            .map(|(frame, instr)| vm.argrepr(&frame.code, instr))
            .unwrap_or_default();
        let Some(step) = vm.step() else {
            break;
        };
        if as_json {
            let mut line = step_json(&vm, &step);
            line["argrepr"] = Json::String(argrepr);
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{}", step_text(&vm, &step, &argrepr))?;
        }
    }
    report_end(&vm, err, false)
}

/// `bytestep examples`: the built-in examples, one a line.
pub fn list_examples(out: &mut dyn Write) -> io::Result<Status> {
    for example in EXAMPLES {
        writeln!(out, "{:<12} {}", example.name, example.summary)?;
    }
    Ok(0)
}

/// `bytestep figure`: the program's names and objects at one point, in one format.
pub fn figure(
    program: &Program,
    at: crate::figure::At,
    format: crate::figure::Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    use crate::figure::{self, At, Picture};
    let mut session = match crate::session::Session::new(&program.source, &program.filename) {
        Ok(session) => session,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    if let Err(message) = figure::go(&mut session, at) {
        writeln!(err, "bytestep: {message}")?;
        return Ok(2);
    }
    let step = session.step_number();
    let heading = match at {
        At::AfterLine(line) => format!("{} after line {line} (step {step})", program.filename),
        At::Step(_) => format!("{} at step {step}", program.filename),
        At::End => format!("{} at the end (step {step})", program.filename),
    };
    out.write_all(format.render(&Picture::of(&session, heading)).as_bytes())?;
    Ok(0)
}
