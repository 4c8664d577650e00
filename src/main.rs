//! The `bytestep` command line: parse arguments, call one library command.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bytestep::commands::{self, Program};
use bytestep::{app, examples};
use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, eyre};

/// A terminal step debugger that shows what CPython 3.14 bytecode really does.
#[derive(Debug, Parser)]
#[command(name = "bytestep", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The Python file to step through (default: the built-in lecture example).
    file: Option<PathBuf>,
    /// Open a built-in example instead of a file (see `bytestep examples`).
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    example: Option<String>,
    /// Keys to press first, vim-style: `ss<Down>b`, `<Tab>`, `<CR>`, `<C-c>`, `<lt>`.
    #[arg(long, value_name = "KEYS")]
    keys: Option<String>,
    /// Size of the `--dump` frame, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", requires = "dump")]
    size: Option<String>,
    /// Print the frame after `--keys` as plain text instead of opening the TUI.
    #[arg(long)]
    dump: bool,
    /// Memory limit of the program's objects (`MemoryError` past it): 512M, 1G (max 3G).
    #[arg(long, value_name = "SIZE", global = true, default_value = "1G", value_parser = parse_size)]
    max_memory: u64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a program to the end, like `python3 FILE`.
    Run {
        file: PathBuf,
        /// Stop (exit status 124) after this many executed instructions.
        #[arg(long, value_name = "N")]
        max_steps: Option<u64>,
        /// Stop (exit status 124) after this many seconds.
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
    },
    /// Disassemble a program as CPython 3.14's `dis.dis` does.
    Dis {
        file: PathBuf,
        /// The lecture's OPCODE/OPNAME/ARG/ARGVAL tables instead.
        #[arg(long)]
        table: bool,
    },
    /// Print one line per executed instruction with its refcount events.
    Trace {
        file: PathBuf,
        /// JSON Lines: one object per executed instruction.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in lecture examples.
    Examples,
}

fn main() -> ExitCode {
    // Colour in panic reports only for a terminal: logs and pipes get plain text.
    use std::io::IsTerminal;
    let theme = if io::stderr().is_terminal() {
        color_eyre::config::Theme::dark()
    } else {
        color_eyre::config::Theme::new()
    };
    if let Err(report) = color_eyre::config::HookBuilder::default()
        .theme(theme)
        .install()
    {
        eprintln!("{report}");
    }
    // For the test that panic reports carry no colour codes off a terminal.
    if std::env::var_os("BYTESTEP_TEST_PANIC").is_some() {
        panic!("a deliberate panic (BYTESTEP_TEST_PANIC is set)");
    }
    match real_main() {
        Ok(status) => ExitCode::from(status.clamp(0, 255) as u8),
        // A reader that stopped early (`| head`) is not an error worth a message.
        Err(report)
            if report
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("bytestep: {report:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> Result<i32> {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let stderr = io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let status = match cli.command {
        Some(Command::Run {
            file,
            max_steps,
            timeout,
        }) => {
            let program = match load(&file) {
                Ok(program) => program,
                Err(status) => return Ok(status),
            };
            let timeout = timeout
                .filter(|t| t.is_finite() && *t >= 0.0)
                .map(|t| std::time::Duration::from_secs_f64(t.min(1e9)));
            let limits = commands::Limits {
                max_steps,
                timeout,
                max_memory: cli.max_memory,
            };
            commands::run_with(&program, &limits, &mut out, &mut err)?
        }
        Some(Command::Dis { file, table }) => match load(&file) {
            Ok(program) => commands::dis(&program, table, &mut out, &mut err)?,
            Err(status) => status,
        },
        Some(Command::Trace { file, json }) => match load(&file) {
            Ok(program) => {
                let limits = commands::Limits {
                    max_memory: cli.max_memory,
                    ..commands::Limits::default()
                };
                commands::trace_with(&program, json, &limits, &mut out, &mut err)?
            }
            Err(status) => status,
        },
        Some(Command::Examples) => commands::list_examples(&mut out)?,
        None => {
            let program = match (&cli.file, &cli.example) {
                (Some(file), _) => match load(file) {
                    Ok(program) => program,
                    Err(status) => return Ok(status),
                },
                (None, Some(name)) => {
                    let example = examples::find(name).ok_or_else(|| {
                        eyre!("no example named '{name}' (see `bytestep examples`)")
                    })?;
                    Program {
                        filename: example.filename(),
                        source: example.source.to_owned(),
                    }
                }
                (None, None) => {
                    let example = examples::default_example();
                    Program {
                        filename: example.filename(),
                        source: example.source.to_owned(),
                    }
                }
            };
            let options = app::Options {
                keys: cli.keys,
                size: cli.size,
                dump: cli.dump,
                max_memory: Some(cli.max_memory),
            };
            app::launch(&program, &options, &mut out, &mut err)?
        }
    };
    out.flush()?;
    Ok(status)
}

/// Read a program as CPython does (see `bytestep::source`); the file name
/// shown is the path as given. On failure the message is printed and the
/// exit status returned: 1 for CPython's `SyntaxError`, 2 for bytestep's refusals.
fn load(path: &std::path::Path) -> std::result::Result<Program, i32> {
    match bytestep::source::read(path) {
        Ok(source) => Ok(Program {
            filename: path.display().to_string(),
            source,
        }),
        Err(bytestep::source::ReadError::Syntax(error)) => {
            eprintln!("{error}");
            Err(1)
        }
        Err(error) => {
            eprintln!("bytestep: cannot read {}: {error}", path.display());
            Err(2)
        }
    }
}

/// `512M`, `1G`, `1.5G`, `100000` (bytes) → bytes.
fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => (&text[..at], text[at..].to_ascii_uppercase()),
        None => (text, String::new()),
    };
    let scale: u64 = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("unknown size unit in '{text}' (use K, M or G)")),
    };
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a size such as 512M or 1G"))?;
    if !(value.is_finite() && value > 0.0) {
        return Err(format!("'{text}' is not a positive size"));
    }
    let bytes = (value * scale as f64).min(bytestep::vm::heap::MAX_MAX_MEMORY as f64) as u64;
    Ok(bytes.max(1 << 20))
}
