//! `sys.stdout` and `sys.stderr`: what `print(file=...)` and
//! `stream.write(s)` write to, and `print` to any object with a `write`
//! method (CPython's `PyFile_WriteObject`: `file.write(str(x))` per piece,
//! each a stepped frame when `write` is Python code).

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};

/// One of the process's standard text streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    /// Its `name`: `<stdout>`, `<stderr>`.
    pub fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        }
    }
}

impl Vm {
    /// Text for the process's stderr, marked with how much stdout came
    /// before it (so `run` writes both in the program's order).
    pub(super) fn write_stderr(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.stderr_marks
            .push((self.output.len(), self.stderr.len()));
        self.stderr.push_str(text);
    }

    /// Text written to one of the standard streams.
    pub(super) fn write_stream(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.write_output(text),
            Stream::Stderr => {
                self.write_stderr(text);
                // The debugger's output pane shows it, as a terminal would.
                let text = text.to_owned();
                self.heap
                    .recorder
                    .record(|| super::report::Event::Output { text });
            }
        }
    }

    /// `sys.stdout.write(s)`: the number of characters written.
    pub(super) fn stream_write(&mut self, stream: Stream, args: &[ObjId]) -> Flow<ObjId> {
        let [text] = args else {
            return Err(PyException::type_error(format!(
                "TextIOWrapper.write() takes exactly one argument ({} given)",
                args.len()
            )));
        };
        let Value::Str(text) = self.heap.value(*text) else {
            return Err(PyException::type_error(format!(
                "write() argument must be str, not {}",
                self.heap.value(*text).type_name()
            )));
        };
        let text = text.to_string();
        self.charge(text.len() as u64);
        self.write_stream(stream, &text);
        Ok(self.int_object(text.chars().count() as i64))
    }

    /// What `print` writes to when given no `file` (or `None`): the
    /// module `sys`'s `stdout` as it is now; `None` while the program has
    /// not touched it (the process's stdout).
    pub(super) fn sys_stdout(&mut self) -> Option<ObjId> {
        let symbol = self.heap.symbols.intern("stdout");
        match self.heap.value(self.sys_module) {
            Value::Module(module) => module.namespace.get(symbol),
            _ => None,
        }
    }

    /// `PyFile_WriteObject(piece, file, Py_PRINT_RAW)`: `file.write(str(piece))`.
    pub(super) fn write_to_file(&mut self, file: ObjId, piece: ObjId) -> Flow<()> {
        let write = self.get_attribute(file, "write")?;
        let text = match self.heap.value(piece) {
            Value::Str(_) if self.heap.subclass_of(piece).is_none() => piece,
            _ => match self.str_of(piece) {
                Ok(text) => self.str_object(&text),
                Err(error) => {
                    self.heap.discard(write);
                    return Err(error);
                }
            },
        };
        let result = self.call_python(write, &[text]);
        if text != piece {
            self.heap.discard(text);
        }
        self.heap.discard(write);
        result.map(|_| ())
    }

    /// `PyFile_WriteString(text, file)`.
    pub(super) fn write_text_to_file(&mut self, file: ObjId, text: &str) -> Flow<()> {
        let piece = self.str_object(text);
        let result = self.write_to_file(file, piece);
        self.heap.discard(piece);
        result
    }

    /// `print(*args, sep=sep, end=end, file=file, flush=flush)` to an
    /// object that is not a standard stream.
    pub(super) fn print_to_file(
        &mut self,
        file: ObjId,
        args: &[ObjId],
        sep: Option<ObjId>,
        end: Option<ObjId>,
        flush: bool,
    ) -> Flow<ObjId> {
        for (i, &arg) in args.iter().enumerate() {
            if i > 0 {
                match sep {
                    Some(sep) => self.write_to_file(file, sep)?,
                    None => self.write_text_to_file(file, " ")?,
                }
            }
            self.write_to_file(file, arg)?;
        }
        match end {
            Some(end) => self.write_to_file(file, end)?,
            None => self.write_text_to_file(file, "\n")?,
        }
        if flush {
            let method = self.get_attribute(file, "flush")?;
            let result = self.call_python(method, &[]);
            self.heap.discard(method);
            result?;
        }
        Ok(self.singletons.none)
    }
}
