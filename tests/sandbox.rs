//! What a debugged program cannot do: touch files, start processes, reach
//! the network, import modules beyond `sys`, or climb out through
//! `__subclasses__`, `__builtins__`, frames and code objects. Each attempt
//! runs with `bytestep run` and in the debugger (`--keys G --dump`) from an
//! empty scratch directory, must end in a Python error (a refusal), and
//! must leave that directory empty and the target path unmade.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// Escape attempts; `P` stands for an absolute path that must never appear.
const ATTEMPTS: &[&str] = &[
    // Files.
    "open(P, 'w').write('x')",
    "print(open('/etc/passwd').read())",
    "with open(P, 'w') as f:\n    f.write('x')",
    "print('x', file=open(P, 'w'))",
    "__builtins__.open(P, 'w')",
    "__builtins__['open'](P, 'w')",
    "import builtins\nbuiltins.open(P, 'w')",
    "from builtins import open\nopen(P, 'w')",
    "import io\nio.open(P, 'w')",
    "import pathlib\npathlib.Path(P).write_text('x')",
    "import shutil\nshutil.copy('/etc/passwd', P)",
    "import tempfile\ntempfile.mkstemp()",
    // Processes.
    "import os\nos.system('touch ' + P)",
    "__import__('os').system('touch ' + P)",
    "import subprocess\nsubprocess.run(['touch', P])",
    "import os\nos.popen('touch ' + P)",
    "import os\nos.fork()",
    "from os import system\nsystem('touch ' + P)",
    "import os.path",
    "import pty\npty.spawn('sh')",
    "import ctypes",
    // Network.
    "import socket\nsocket.create_connection(('example.org', 80))",
    "import urllib.request\nurllib.request.urlopen('http://example.org')",
    // Code loading.
    "exec(\"open(P, 'w')\")",
    "eval(\"__import__('os').system('touch ' + P)\")",
    "compile('1', 'f', 'exec')",
    "import importlib\nimportlib.import_module('os')",
    "breakpoint()",
    // (`input()` reads the program's standard input, as CPython's does:
    // `tests/programs/input_echo.py`.)
    // The object graph.
    "print(().__class__.__bases__[0].__subclasses__())",
    "print(''.__class__.__mro__[1].__subclasses__())",
    "print(type(()).__subclasses__())",
    "print((1).__class__.__subclasses__())",
    "print([c for c in ().__class__.__base__.__subclasses__()])",
    "print(print.__self__)",
    "print(getattr(print, '__self__'))",
    "globals()['__builtins__'].open(P, 'w')",
    "locals()['__builtins__'].__import__('os')",
    "vars()['__builtins__'].exec('1')",
    "print(__loader__)",
    "print(__spec__)",
    "import gc\nprint(gc.get_objects())",
    "import inspect",
    // Frames and code objects.
    "import sys\nprint(sys._getframe())",
    "import sys\nsys.settrace(print)",
    "import sys\nprint(sys.modules)",
    // (`sys.stdout.write` is print's own stream; its file layers are not.)
    "import sys\nsys.stdout.buffer.raw.write(b'x')",
    "import sys\nsys.stdin.read()",
    "def f():\n    pass\nprint(f.__code__)",
    "def f():\n    pass\nprint(f.__globals__)",
    "def f():\n    pass\nf.__code__ = None",
    "print((lambda: 0).__code__)",
    "def g():\n    yield 1\nprint(g().gi_frame)",
    // Classes run now; their introspection does not.
    "class X:\n    pass\nprint(X.__mro__[-1].__subclasses__())",
    "print(memoryview(b'x'))",
];

#[test]
fn every_escape_attempt_is_refused_and_touches_nothing() {
    assert!(ATTEMPTS.len() >= 40, "at least 40 attempts");
    let base = std::env::temp_dir().join(format!("bytestep-sandbox-{}", std::process::id()));
    let programs = base.join("programs");
    let cwd = base.join("cwd");
    std::fs::create_dir_all(&programs).expect("programs dir");
    std::fs::create_dir_all(&cwd).expect("cwd");
    let target = base.join("pwned");
    let mut failures = Vec::new();
    for (index, attempt) in ATTEMPTS.iter().enumerate() {
        let source = format!("P = {:?}\n{attempt}\n", target.display().to_string());
        let path = programs.join(format!("attempt_{index}.py"));
        std::fs::write(&path, &source).expect("write attempt");
        let program = path.to_str().expect("utf-8 path");
        for args in [vec!["run", program], vec![program, "--keys", "G", "--dump"]] {
            let output = Command::new(BIN)
                .args(&args)
                .current_dir(&cwd)
                .output()
                .expect("run bytestep");
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr);
            // `run` ends with the error; the debugger shows it in the output pane.
            let text = if args[0] == "run" {
                stderr.to_string()
            } else {
                stdout.to_string()
            };
            let refused = [
                "NotImplementedError: ",
                "NameError: ",
                "AttributeError: ",
                "TypeError: ",
                "ImportError: ",
                // Uncaught, it ends the program with a traceback, as under the oracle.
                "SystemExit: ",
            ]
            .iter()
            .any(|class| text.contains(class));
            let status_ok = if args[0] == "run" {
                output.status.code() == Some(1)
            } else {
                output.status.code() == Some(0)
            };
            if !refused || !status_ok || stderr.contains("panicked") || stdout.contains("root:") {
                failures.push(format!("{attempt:?} ({}):\n{stdout}\n{stderr}", args[0]));
            }
            let left: Vec<_> = std::fs::read_dir(&cwd).expect("cwd").collect();
            if !left.is_empty() || target.exists() {
                failures.push(format!("{attempt:?} touched the file system"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
    assert!(!Path::new(&target).exists());
}
