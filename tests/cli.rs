//! The real binary's subcommands: output, errors and exit statuses.

mod common;

use std::io::Write;
use std::process::{Command, Output};

fn bytestep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bytestep"))
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary Python file that removes itself.
struct TempProgram(std::path::PathBuf);

impl TempProgram {
    fn new(name: &str, source: &str) -> TempProgram {
        let dir = std::env::temp_dir().join(format!("bytestep-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        let mut file = std::fs::File::create(&path).expect("temp file");
        file.write_all(source.as_bytes()).expect("written");
        TempProgram(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }
}

impl Drop for TempProgram {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn run_prints_the_programs_output() {
    let output = bytestep(&["run", "assets/examples/bytecode.py"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        common::all_programs()
            .iter()
            .find(|g| g.name == "bytecode")
            .expect("example")
            .expected("stdout")
    );
}

/// The 64-bit figures the 32-bit oracle cannot give.
#[test]
fn sys_maxsize_is_64_bit_cpythons() {
    let program = TempProgram::new(
        "maxsize.py",
        "import sys\nprint(sys.maxsize, sys.maxsize == 2**63 - 1)\n",
    );
    let output = bytestep(&["run", program.path()]);
    assert_eq!(text(&output.stdout), "9223372036854775807 True\n");
}

/// `sys.argv` is the program's path as `run` was given it (as
/// `python3 FILE` gives it; the oracle's has no file to name).
#[test]
fn sys_argv_names_the_program_as_given() {
    let program = TempProgram::new("argv.py", "import sys\nprint(len(sys.argv), sys.argv[0])\n");
    let output = bytestep(&["run", program.path()]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(stdout, format!("1 {}\n", program.path()));
}

/// `sys.exit(3)` ends `run` with status 3 and no traceback (checked against
/// the oracle by `sys_exit_int`); in the debugger the program ends there,
/// the debugger goes on and shows why.
#[test]
fn sys_exit_ends_the_program_not_the_debugger() {
    let program = TempProgram::new(
        "exits.py",
        "import sys\nprint('start')\nsys.exit(3)\nprint('never')\n",
    );
    let output = bytestep(&["run", program.path()]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(text(&output.stdout), "start\n");
    assert_eq!(text(&output.stderr), "");
    let output = bytestep(&[program.path(), "--keys", "G", "--size", "100x30", "--dump"]);
    assert_eq!(output.status.code(), Some(0));
    let frame = text(&output.stdout);
    assert!(frame.contains("SystemExit: 3"), "{frame}");
    assert!(frame.contains("sys.exit(3)"), "{frame}");
}

#[test]
fn an_uncaught_exception_is_a_traceback_and_status_1() {
    let output = bytestep(&["run", "tests/programs/error_zero_division.py"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("ZeroDivisionError: division by zero\n"),
        "{stderr}"
    );
    assert_eq!(
        text(&output.stdout),
        "3\n",
        "output before the error is kept"
    );
}

#[test]
fn a_syntax_error_is_reported_like_cpython_in_every_command() {
    let program = TempProgram::new("bad.py", "x = 1\nif x\n    print(x)\n");
    for command in [
        &["run"][..],
        &["dis"],
        &["dis", "--table"],
        &["trace"],
        &["trace", "--json"],
    ] {
        let mut args = command.to_vec();
        args.push(program.path());
        let output = bytestep(&args);
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        let stderr = text(&output.stderr);
        let expected_head = format!(
            "  File \"{}\", line 2\n    if x\n        ^\n",
            program.path()
        );
        assert!(stderr.starts_with(&expected_head), "{command:?}: {stderr}");
        assert!(
            stderr.trim_end().ends_with("SyntaxError: expected ':'"),
            "{command:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn too_deep_an_expression_is_an_error_not_a_crash() {
    let source = format!("x = 1{}\nprint(x)\n", "+1".repeat(200_000));
    let program = TempProgram::new("deep.py", &source);
    let output = bytestep(&["run", program.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("RecursionError"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn unsupported_features_fail_clearly() {
    // Not even `except BaseException` can hide a feature bytestep lacks.
    let program = TempProgram::new(
        "later.py",
        "try:\n    import os\nexcept BaseException:\n    print('hidden')\n",
    );
    let output = bytestep(&["run", program.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .contains("NotImplementedError: bytestep does not support importing 'os' yet (line 2)"),
        "{stderr}"
    );
}

#[test]
fn a_builtin_bytestep_lacks_is_refused_not_a_name_error() {
    for name in ["memoryview", "aiter", "anext"] {
        let program = TempProgram::new(&format!("builtin_{name}.py"), &format!("x = {name}\n"));
        let output = bytestep(&["run", program.path()]);
        let err = text(&output.stderr);
        assert!(
            err.contains(&format!(
                "NotImplementedError: bytestep does not support the builtin '{name}'"
            )),
            "{name}: {err}"
        );
        assert!(!err.contains("NameError"), "{name}: {err}");
    }
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let output = bytestep(&["run", "no/such/file.py"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("cannot read no/such/file.py"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn dis_table_shows_the_lectures_columns_with_the_real_values() {
    let output = bytestep(&["dis", "--table", "assets/examples/bytecode.py"]);
    assert_eq!(output.status.code(), Some(0));
    let table = text(&output.stdout);
    let section = table
        .split("\n\n")
        .find(|s| s.starts_with("something_else\n"))
        .expect("a table for something_else");
    assert!(section.contains("OPCODE"), "{section}");
    // The lecture's slide shows True here by mistake; the real constant is 'hello'.
    assert!(section.contains("'hello'"), "{section}");
    assert!(section.contains("RETURN_VALUE"), "{section}");
}

#[test]
fn trace_text_lists_refcount_events() {
    let output = bytestep(&["trace", "assets/examples/refcount.py"]);
    assert_eq!(output.status.code(), Some(0));
    let trace = text(&output.stdout);
    let load_name = trace
        .lines()
        .find(|l| l.contains("LOAD_NAME"))
        .expect("line 2 loads a");
    assert!(
        load_name.contains("refs 1→2 (stack[0] of <module>)"),
        "{load_name}"
    );
    assert!(
        trace.contains("kept alive by <module> constants"),
        "{trace}"
    );
}

#[test]
fn examples_lists_the_lecture_examples() {
    let output = bytestep(&["examples"]);
    assert_eq!(output.status.code(), Some(0));
    let listing = text(&output.stdout);
    for name in [
        "refcount",
        "objects",
        "small_ints",
        "control",
        "bytecode",
        "sizes",
    ] {
        assert!(
            listing.lines().any(|l| l.starts_with(name)),
            "{name} in {listing}"
        );
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bytestep"))
        .args(["trace", "--json", "tests/programs/nested_loops.py"])
        .current_dir(common::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    // Read one line, then close the pipe, as `| head -1` does.
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 64];
    std::io::Read::read(&mut stdout, &mut first).expect("reads");
    drop(stdout);
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
}

#[test]
fn without_a_terminal_the_debugger_says_what_to_do() {
    use std::process::Stdio;
    let output = Command::new(env!("CARGO_BIN_EXE_bytestep"))
        .current_dir(common::root())
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("needs a terminal"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn the_readme_frame_is_what_the_binary_draws() {
    let output = bytestep(&["--keys", "si", "--size", "100x24", "--dump"]);
    assert_eq!(output.status.code(), Some(0));
    let frame = text(&output.stdout);
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    assert!(
        readme.contains(&frame),
        "README.md's frame differs from `bytestep --keys si --size 100x24 --dump`:\n{frame}"
    );
}

#[test]
fn dis_names_code_objects_by_the_ids_the_debugger_shows() {
    let program = TempProgram::new("ids.py", "def f(x):\n    return x\nf(1)\n");
    let dis = text(&bytestep(&["dis", program.path()]).stdout);
    let trace = text(&bytestep(&["trace", program.path()]).stdout);
    // `trace` names the code object in its MAKE_FUNCTION line: `<code f> at 0x…`.
    let id = trace
        .split("<code f> at ")
        .nth(1)
        .and_then(|rest| rest.split([' ', ')', ';']).next())
        .unwrap_or_else(|| panic!("no code object id in trace:\n{trace}"));
    assert!(
        dis.contains(&format!("<code object f at {id}, file")),
        "dis should say {id}:\n{dis}"
    );
}

/// Run the debugger headless with `XDG_CONFIG_HOME` pointing at a directory
/// holding `config` as `bytestep/config.toml`.
fn with_config(name: &str, config: &str, args: &[&str]) -> (Output, String) {
    let dir = std::env::temp_dir().join(format!("bytestep-config-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("bytestep")).expect("config dir");
    let file = dir.join("bytestep").join("config.toml");
    std::fs::write(&file, config).expect("config written");
    let output = Command::new(env!("CARGO_BIN_EXE_bytestep"))
        .args(args)
        .current_dir(common::root())
        .env("XDG_CONFIG_HOME", &dir)
        .output()
        .expect("the binary runs");
    (output, file.display().to_string())
}

#[test]
fn a_config_file_adds_keys_and_its_errors_name_file_and_line() {
    let (output, _) = with_config(
        "keys",
        "theme = \"projector\"\n[keys]\nstep_line = \"<Space>\"\n",
        &["--keys", "<Space>", "--size", "80x24", "--dump"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("step 3/11"),
        "{}",
        text(&output.stdout)
    );
    let (output, file) = with_config(
        "bad",
        "# a lecture setup\ntheme = \"blue\"\n",
        &["--keys", "s", "--dump"],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!("{file}:2: unknown theme \"blue\"")),
        "{stderr}"
    );
}
