//! The `bytestep` command line: parse arguments, call one library command.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bytestep::app::script::{self, ScriptItem};
use bytestep::app::terminal::Playback;
use bytestep::commands::{self, Program};
use bytestep::figure::{At, Format};
use bytestep::{app, examples};
use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Memory limit of the program's objects (`MemoryError` past it): 512M, 1G (max 3G).
    #[arg(long, value_name = "SIZE", global = true, default_value = "1G", value_parser = parse_size)]
    max_memory: u64,
    /// What the program's input() reads in the debugger (default: standard
    /// input when it is not a terminal). `run` reads standard input.
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Print the whole state after `--keys` as JSON: frames, names, every
    /// object with its refs and referrers, the output.
    #[arg(long, conflicts_with = "dump")]
    dump_json: bool,
    /// With --dump or --dump-json: print on stderr the milliseconds each key
    /// took and the peak memory.
    #[arg(long)]
    timings: bool,
    /// With --dump or --dump-json: a command stops after this many steps
    /// without arriving (in the terminal a key stops it instead).
    #[arg(long = "command-steps", value_name = "N", default_value_t = bytestep::session::HEADLESS_MAX_STEPS)]
    command_steps: u64,
    /// Play these keys in the terminal, one pause apart (`<wait:1500>` holds a
    /// frame longer); any key you press takes over.
    #[arg(long, value_name = "KEYS", conflicts_with_all = ["dump", "dump_json", "play_file"])]
    play: Option<String>,
    /// Play the keys written in a file (`#` lines are comments).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["dump", "dump_json"])]
    play_file: Option<PathBuf>,
    /// Milliseconds between two played keys.
    #[arg(long, value_name = "MS", default_value_t = script::DEFAULT_DELAY_MS)]
    delay: u64,
    /// After the played keys: stay interactive, or quit.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = Then::Stay)]
    then: Then,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Then {
    Stay,
    Quit,
}

/// The program to work on: a file, or a built-in example.
#[derive(Debug, Args)]
struct ProgramArgs {
    /// The Python file (default: the built-in lecture example).
    file: Option<PathBuf>,
    /// A built-in example instead of a file (see `bytestep examples`).
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    example: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FigureFormat {
    Text,
    Mermaid,
    Markdown,
    Html,
    Svg,
}

impl From<FigureFormat> for Format {
    fn from(format: FigureFormat) -> Format {
        match format {
            FigureFormat::Text => Format::Text,
            FigureFormat::Mermaid => Format::Mermaid,
            FigureFormat::Markdown => Format::Markdown,
            FigureFormat::Html => Format::Html,
            FigureFormat::Svg => Format::Svg,
        }
    }
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
    /// Record a session as an asciicast v2 file (plays in `asciinema play`).
    Record {
        #[command(flatten)]
        program: ProgramArgs,
        /// Where to write the cast.
        #[arg(short, long, value_name = "FILE.cast")]
        output: PathBuf,
        /// Keys to record, as for `--keys`, with `<wait:MS>` pauses; without
        /// them (or --keys-file) your own session in this terminal is recorded.
        #[arg(long, value_name = "KEYS", conflicts_with = "keys_file")]
        keys: Option<String>,
        /// The keys to record, from a file (`#` lines are comments).
        #[arg(long, value_name = "FILE")]
        keys_file: Option<PathBuf>,
        /// Screen size of a scripted recording, WIDTHxHEIGHT.
        #[arg(long, value_name = "WxH", default_value = "100x30")]
        size: String,
        /// Milliseconds between two recorded keys.
        #[arg(long, value_name = "MS", default_value_t = script::DEFAULT_DELAY_MS)]
        delay: u64,
        /// The cast's title (default: `bytestep FILE`).
        #[arg(long)]
        title: Option<String>,
        /// In a live recording, shorten pauses longer than this many seconds.
        #[arg(long, value_name = "SECS")]
        idle_time_limit: Option<f64>,
    },
    /// Draw the program's names and objects at one point, as the lecture's figures.
    Figure {
        #[command(flatten)]
        program: ProgramArgs,
        /// Just after line N first ran (default: the end of the program).
        #[arg(long, value_name = "N", conflicts_with = "step")]
        line: Option<u32>,
        /// After exactly N executed instructions.
        #[arg(long, value_name = "N")]
        step: Option<u64>,
        /// The format (default: from the -o file's extension, else text).
        #[arg(long, value_enum)]
        format: Option<FigureFormat>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
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
                exit_after: true,
            };
            // input() reads standard input as the program asks, showing
            // the prompt first.
            let input =
                bytestep::vm::input::Input::reader(Box::new(io::BufReader::new(io::stdin())), true);
            commands::run_with_input(&program, &limits, input, &mut out, &mut err)?
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
        Some(Command::Record {
            program,
            output,
            keys,
            keys_file,
            size,
            delay,
            title,
            idle_time_limit,
        }) => {
            let program = match program_of(program.file.as_ref(), program.example.as_deref())? {
                Ok(program) => program,
                Err(status) => return Ok(status),
            };
            let script = match (keys, keys_file) {
                (Some(keys), _) => Some(parse_script(&keys, script::parse_script)?),
                (None, Some(path)) => {
                    Some(parse_script(&read_text(&path)?, script::parse_script_file)?)
                }
                (None, None) => None,
            };
            if idle_time_limit.is_some_and(|limit| !(limit > 0.0 && limit.is_finite())) {
                return Err(eyre!(
                    "--idle-time-limit must be a positive number of seconds"
                ));
            }
            let options = app::RecordOptions {
                script,
                size: Some(size),
                delay_ms: delay,
                title,
                idle_time_limit,
            };
            let (status, cast) = app::record(&program, &options, &mut err)?;
            if let Some(cast) = cast {
                std::fs::write(&output, cast)
                    .wrap_err_with(|| format!("cannot write {}", output.display()))?;
                writeln!(err, "bytestep: recorded {}", output.display())?;
            }
            status
        }
        Some(Command::Figure {
            program,
            line,
            step,
            format,
            output,
        }) => {
            let program = match program_of(program.file.as_ref(), program.example.as_deref())? {
                Ok(program) => program,
                Err(status) => return Ok(status),
            };
            let at = match (line, step) {
                (Some(line), _) => At::AfterLine(line),
                (None, Some(step)) => At::Step(step),
                (None, None) => At::End,
            };
            let format = format.map(Format::from).unwrap_or_else(|| {
                output
                    .as_ref()
                    .and_then(|path| Format::from_path(&path.to_string_lossy()))
                    .unwrap_or(Format::Text)
            });
            match output {
                None => commands::figure(&program, at, format, &mut out, &mut err)?,
                Some(path) => {
                    let mut text = Vec::new();
                    let status = commands::figure(&program, at, format, &mut text, &mut err)?;
                    if status == 0 {
                        std::fs::write(&path, text)
                            .wrap_err_with(|| format!("cannot write {}", path.display()))?;
                    }
                    status
                }
            }
        }
        None => {
            if cli.timings && !(cli.dump || cli.dump_json) {
                return Err(eyre!("--timings goes with --dump or --dump-json"));
            }
            let program = match program_of(cli.file.as_ref(), cli.example.as_deref())? {
                Ok(program) => program,
                Err(status) => return Ok(status),
            };
            let script = match (&cli.play, &cli.play_file) {
                (Some(keys), _) => Some(parse_script(keys, script::parse_script)?),
                (None, Some(path)) => {
                    Some(parse_script(&read_text(path)?, script::parse_script_file)?)
                }
                (None, None) => None,
            };
            let input = match &cli.input {
                Some(path) => Some(read_text(path)?),
                None => None,
            };
            let options = app::Options {
                keys: cli.keys,
                size: cli.size,
                dump: cli.dump,
                dump_json: cli.dump_json,
                timings: cli.timings,
                command_steps: Some(cli.command_steps),
                max_memory: Some(cli.max_memory),
                input,
                play: script.map(|script| Playback {
                    script,
                    delay_ms: cli.delay,
                    then_quit: cli.then == Then::Quit,
                }),
            };
            app::launch(&program, &options, &mut out, &mut err)?
        }
    };
    out.flush()?;
    Ok(status)
}

/// The program a command works on: a file, a named example or the default one.
/// A file that cannot be read has been reported: its exit status is the inner error.
fn program_of(
    file: Option<&PathBuf>,
    example: Option<&str>,
) -> Result<std::result::Result<Program, i32>> {
    let example = match (file, example) {
        (Some(file), _) => return Ok(load(file)),
        (None, Some(name)) => examples::find(name)
            .ok_or_else(|| eyre!("no example named '{name}' (see `bytestep examples`)"))?,
        (None, None) => examples::default_example(),
    };
    Ok(Ok(Program {
        filename: example.filename(),
        source: example.source.to_owned(),
    }))
}

/// A key script, or the parser's message as the error.
fn parse_script(
    text: &str,
    parse: fn(&str) -> std::result::Result<Vec<ScriptItem>, String>,
) -> Result<Vec<ScriptItem>> {
    parse(text).map_err(|message| eyre!(message))
}

fn read_text(path: &PathBuf) -> Result<String> {
    std::fs::read_to_string(path).wrap_err_with(|| format!("cannot read {}", path.display()))
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
