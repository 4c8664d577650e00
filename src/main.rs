//! The `bytestep` command line: parse arguments, call one library command.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bytestep::commands::{self, Program};
use bytestep::{app, examples};
use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, WrapErr, eyre};

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
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a program to the end, like `python3 FILE`.
    Run { file: PathBuf },
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
    if let Err(report) = color_eyre::install() {
        eprintln!("{report}");
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
        Some(Command::Run { file }) => commands::run(&load(&file)?, &mut out, &mut err)?,
        Some(Command::Dis { file, table }) => {
            commands::dis(&load(&file)?, table, &mut out, &mut err)?
        }
        Some(Command::Trace { file, json }) => {
            commands::trace(&load(&file)?, json, &mut out, &mut err)?
        }
        Some(Command::Examples) => commands::list_examples(&mut out)?,
        None => {
            let program = match (&cli.file, &cli.example) {
                (Some(file), _) => load(file)?,
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
            };
            app::launch(&program, &options, &mut out, &mut err)?
        }
    };
    out.flush()?;
    Ok(status)
}

/// Read a program; the file name shown is the path as given, like CPython.
fn load(path: &PathBuf) -> Result<Program> {
    let source = std::fs::read_to_string(path)
        .wrap_err_with(|| format!("cannot read {}", path.display()))?;
    Ok(Program {
        filename: path.display().to_string(),
        source,
    })
}
