//! `cargo bench --ignore-rust-version --bench safety`: issue 13's hostile
//! cases timed on the release binary against the machine's `python3` (whole
//! process, start-up included on both sides). The goal: no case takes longer
//! than CPython plus a second. Where CPython itself would allocate gigabytes
//! or run forever, it is not run ("—") and bytestep's own time is the figure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

/// (name, program, bytestep arguments before the file, whether python3 runs it too)
const CASES: &[(&str, &str, &[&str], bool)] = &[
    ("'a' * 10**10", "s = 'a' * 10**10\n", &["run"], false),
    ("(0,) * 10**12", "t = (0,) * 10**12\n", &["run"], false),
    ("'ab' * 2**62", "s = 'ab' * 2**62\n", &["run"], true),
    ("(-2**63) % -1", "print((-2**63) % -1)\n", &["run"], true),
    (
        "t == u, 200,000 deep",
        "t = ()\nfor i in range(200000):\n    t = (t,)\nu = ()\nfor i in range(200000):\n    u = (u,)\nprint(t == u)\n",
        &["run"],
        true,
    ),
    (
        "print(2**(2**31))",
        "print(2 ** (2 ** 31))\n",
        &["run"],
        true,
    ),
    ("int('9' * 5000)", "int('9' * 5000)\n", &["run"], true),
    (
        "x = 2**10**7, G",
        "x = 2 ** 10 ** 7\n",
        &["--keys", "G", "--dump"],
        false,
    ),
    (
        "t = (t, t) x30, G",
        "t = ()\nfor i in range(30):\n    t = (t, t)\n",
        &["--keys", "G", "--dump"],
        false,
    ),
    (
        "print loop, G",
        "while True:\n    print('x' * 1000)\n",
        &["--keys", "G", "--dump"],
        false,
    ),
    ("1,500 nested defs", "NESTED", &["run"], true),
    ("100k lines, dis", "LINES", &["dis"], false),
    ("200k-item tuple literal", "TUPLE", &["run"], true),
];

fn source(program: &str) -> String {
    match program {
        "NESTED" => {
            let mut text: String = (0..1500)
                .map(|i| format!("{}def f():\n", " ".repeat(i)))
                .collect();
            text.push_str(&format!("{}pass\n", " ".repeat(1500)));
            text
        }
        "LINES" => "x=1\n".repeat(100_000),
        "TUPLE" => {
            let items: Vec<String> = (0..200_000).map(|i| i.to_string()).collect();
            format!("t = ({})\n", items.join(","))
        }
        other => other.to_owned(),
    }
}

fn timed(command: &mut Command) -> Duration {
    let start = Instant::now();
    let _ = command.stdout(Stdio::null()).stderr(Stdio::null()).status();
    start.elapsed()
}

fn main() {
    let dir = std::env::temp_dir().join(format!("bytestep-bench-safety-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let python = Command::new("python3").arg("-V").output().is_ok();
    println!("| case | bytestep | python3 | within python3 + 1 s |");
    println!("|---|---|---|---|");
    for (index, (name, program, args, run_python)) in CASES.iter().enumerate() {
        let path: PathBuf = dir.join(format!("case_{index}.py"));
        let _ =
            std::fs::File::create(&path).and_then(|mut f| f.write_all(source(program).as_bytes()));
        let mut ours = Command::new(BIN);
        if args.first() == Some(&"--keys") {
            ours.arg(&path).args(*args);
        } else {
            ours.args(*args).arg(&path);
        }
        let ours = timed(&mut ours);
        let theirs = (*run_python && python).then(|| timed(Command::new("python3").arg(&path)));
        let ok = ours <= theirs.unwrap_or_default() + Duration::from_secs(1);
        println!(
            "| {name} | {:.2} s | {} | {} |",
            ours.as_secs_f64(),
            theirs.map_or("—".to_owned(), |t| format!("{:.2} s", t.as_secs_f64())),
            if ok { "yes" } else { "NO" }
        );
    }
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}
