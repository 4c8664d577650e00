//! Quiet forward motion runs the steps that cannot stop a command in
//! batches in the interpreter's fast loop (noting only their line events);
//! the same commands looking at every step must agree exactly: the stop,
//! the whole state (`--dump-json`'s), what the stop report says, and the
//! history's index (checkpoints, call counts, each interval's lines and
//! depths), which the backward keys then search.

mod common;

use bytestep::condition::Condition;
use bytestep::session::Session;
use bytestep::state;

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Calls, methods, a generator, exceptions caught in a loop, branches:
/// long enough that most commands run quietly.
const MIXED: &str = "\
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


def gen(limit):
    for i in range(limit):
        yield i * 2


def risky(x):
    if x % 7 == 0:
        raise ValueError(x)
    return x


c = Counter()
total = 0
for round in range(25):
    for v in gen(30):
        try:
            total += risky(v)
        except ValueError:
            total -= 1
    k = 0
    while k < 30:
        if k % 3 == 0:
            c.bump(k)
        else:
            total = total + k
        k = k + 1
print(total, c.n)
";

/// Long stretches in one frame (the fast loop's batches), a call every
/// few turns, nested functions: thinned checkpoints and many intervals.
const LOOPS: &str = "\
def add(t, n):
    return t + n


def inner(m):
    s = 0
    j = 0
    while j < m:
        s = s + j % 5
        j = j + 1
    return s


t = 0
n = 0
while n < 6000:
    if n % 3 == 0:
        t = add(t, n)
    else:
        t = t + n
    if n % 500 == 0:
        t = t + inner(300)
    n = n + 1
print(t)
";

/// One command, by name; `lines` are the lines with code.
fn play(session: &mut Session, rng: &mut Rng, lines: &[u32]) -> String {
    let line = lines[rng.below(lines.len() as u64) as usize];
    let total = session.total_steps().unwrap_or(1000);
    match rng.below(18) {
        0 => {
            session.step_instruction();
            "i".into()
        }
        1 => {
            session.step_line();
            "s".into()
        }
        2 => {
            session.next_line();
            "n".into()
        }
        3 => {
            session.finish();
            "f".into()
        }
        4 | 5 => {
            session.continue_running();
            "c".into()
        }
        6 => {
            session.run_to_line(line);
            format!("t{line}")
        }
        7 => {
            session.go_to_end();
            "G".into()
        }
        8 => {
            session.go_to_start();
            "g".into()
        }
        9 => {
            session.back_instruction();
            "I".into()
        }
        10 => {
            session.back_line();
            "S".into()
        }
        11 => {
            session.back_next();
            "N".into()
        }
        12 => {
            session.back_out();
            "F".into()
        }
        13 => {
            session.reverse_continue();
            "C".into()
        }
        14 => {
            let target = rng.below(total + 2);
            session.go_to(target);
            format!(":{target}")
        }
        15 => {
            session.toggle_breakpoint(line);
            format!("b{line}")
        }
        16 => {
            // A condition on a name most of these programs have.
            let condition = Condition::parse("n % 7 == 3").ok();
            session.set_breakpoint(line, condition);
            format!("b{line} if n % 7 == 3")
        }
        _ => {
            let target = session.step_number() + rng.below(20_000);
            session.go_to(target);
            format!(":{target}")
        }
    }
}

/// Play the same random commands on a batched session and a stepwise one;
/// after each, everything the user or a later command can see is equal.
fn compare(name: &str, source: &str, seeds: u64, commands: usize) -> usize {
    let batched = Session::new(source, name).expect("compiles");
    let mut stepwise = batched.clone();
    stepwise.set_batched(false);
    let lines: Vec<u32> = (1..=source.lines().count() as u32)
        .filter(|&l| batched.has_code(l))
        .collect();
    let mut checked = 0;
    for seed in 1..=seeds {
        let (mut a, mut b) = (batched.clone(), stepwise.clone());
        let mut played = Vec::new();
        for _ in 0..commands {
            let mut rng_a = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ played.len() as u64);
            let mut rng_b = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ played.len() as u64);
            played.push(play(&mut a, &mut rng_a, &lines));
            play(&mut b, &mut rng_b, &lines);
            let at = || format!("{name}: after {played:?}");
            assert_eq!(a.step_number(), b.step_number(), "{}", at());
            assert_eq!(a.summary(), b.summary(), "{}", at());
            assert_eq!(a.last_stop().note, b.last_stop().note, "{}", at());
            assert_eq!(
                a.last_stop().steps_taken,
                b.last_stop().steps_taken,
                "{}",
                at()
            );
            assert!(state::to_json(&a) == state::to_json(&b), "{}", at());
            let (index_a, index_b) = (a.history_fingerprint(), b.history_fingerprint());
            if index_a != index_b {
                panic!(
                    "{}: the history differs\n{}",
                    at(),
                    common::first_difference(&index_a, &index_b)
                );
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn batched_quiet_runs_agree_with_looking_at_every_step() {
    let mut checked = compare("mixed.py", MIXED, 4, 14);
    checked += compare("loops.py", LOOPS, 3, 12);
    assert!(checked > 80, "only {checked} stops checked");
}

/// Every golden program long enough to run quietly (past the recorded
/// first steps of a command), a few commands each.
#[test]
fn golden_programs_agree_batched_and_stepwise() {
    let mut programs = 0;
    for golden in common::runnable_programs() {
        let filename = golden.filename();
        let fresh = Session::new(&golden.source, &filename).expect("compiles");
        let Some(total) = fresh.total_steps() else {
            continue;
        };
        if !(3_000..=150_000).contains(&total) {
            continue;
        }
        compare(&filename, &golden.source, 1, 8);
        programs += 1;
    }
    assert!(programs >= 3, "only {programs} programs long enough");
}

/// `G` on a long loop: the batches stop at every checkpoint and interval
/// end, and the backward keys from the end land where the stepwise
/// history says.
#[test]
fn backward_keys_after_a_batched_g_land_as_after_a_stepwise_g() {
    let mut batched = Session::new(LOOPS, "loops.py").expect("compiles");
    batched.set_step_limit(None);
    let mut stepwise = batched.clone();
    stepwise.set_batched(false);
    for session in [&mut batched, &mut stepwise] {
        session.go_to_end();
        assert!(session.is_finished());
    }
    assert_eq!(
        batched.history_fingerprint(),
        stepwise.history_fingerprint()
    );
    // A breakpoint on `t = add(t, n)` and on the inner loop's body.
    for line in [18, 9] {
        let (mut a, mut b) = (batched.clone(), stepwise.clone());
        a.toggle_breakpoint(line);
        b.toggle_breakpoint(line);
        for back in 0..6 {
            match back % 5 {
                0 => (a.reverse_continue(), b.reverse_continue()),
                1 => (a.back_line(), b.back_line()),
                2 => (a.back_next(), b.back_next()),
                3 => (a.back_out(), b.back_out()),
                _ => (a.back_instruction(), b.back_instruction()),
            };
            assert_eq!(a.step_number(), b.step_number(), "line {line}, key {back}");
            assert!(state::to_json(&a) == state::to_json(&b));
        }
        // Forward again to each breakpoint hit, then to the end.
        a.go_to_start();
        b.go_to_start();
        for _ in 0..5 {
            a.continue_running();
            b.continue_running();
            assert_eq!(a.step_number(), b.step_number(), "c to line {line}");
            assert_eq!(a.summary(), b.summary());
        }
    }
}

/// Stops more than a command's recorded first steps away, so the batches
/// must stop for them: a breakpoint on each line in turn (`c` again and
/// again), one whose condition holds once, `t` to a line first reached
/// late, `n` over a long call and `f` out of one.
#[test]
fn far_stops_land_on_the_same_step_batched_and_stepwise() {
    let fresh = Session::new(LOOPS, "loops.py").expect("compiles");
    let mut stepwise = fresh.clone();
    stepwise.set_batched(false);
    let same = |a: &Session, b: &Session, what: &str| {
        assert_eq!(a.step_number(), b.step_number(), "{what}");
        assert_eq!(a.summary(), b.summary(), "{what}");
        assert!(state::to_json(a) == state::to_json(b), "{what}");
        assert_eq!(a.history_fingerprint(), b.history_fingerprint(), "{what}");
    };
    let lines: Vec<u32> = (1..=LOOPS.lines().count() as u32)
        .filter(|&l| fresh.has_code(l))
        .collect();
    let mut far = 0;
    for &line in &lines {
        let (mut a, mut b) = (fresh.clone(), stepwise.clone());
        a.toggle_breakpoint(line);
        b.toggle_breakpoint(line);
        for hit in 0..4 {
            let before = a.step_number();
            a.continue_running();
            b.continue_running();
            same(&a, &b, &format!("c {hit} to line {line}"));
            if a.step_number() - before > 2048 {
                far += 1;
            }
        }
    }
    assert!(far >= 4, "only {far} far breakpoint stops");
    // A condition that holds once, far in.
    let (mut a, mut b) = (fresh.clone(), stepwise.clone());
    for session in [&mut a, &mut b] {
        session.set_breakpoint(18, Condition::parse("n == 4005").ok());
        session.continue_running();
    }
    same(&a, &b, "c to a conditional breakpoint");
    assert!(a.step_number() > 50_000, "{}", a.step_number());
    // `t` to the line inside `inner`, first reached after the first call.
    let (mut a, mut b) = (fresh.clone(), stepwise.clone());
    for session in [&mut a, &mut b] {
        session.go_to(5_000);
        session.run_to_line(9);
    }
    same(&a, &b, "t to line 9");
    assert!(a.step_number() > 7_000, "{}", a.step_number());
    // `n` over the long call on line 22 and `f` out of it, each then `s`.
    let (mut a, mut b) = (fresh.clone(), stepwise.clone());
    for round in 0..6 {
        let key = ["t22", "n", "s", "t9", "f", "s"][round % 6];
        for session in [&mut a, &mut b] {
            match key {
                "t22" => session.run_to_line(22),
                "t9" => session.run_to_line(9),
                "n" => session.next_line(),
                "f" => session.finish(),
                _ => session.step_line(),
            }
        }
        same(&a, &b, key);
    }
    // Over the call and out of it, each past the recorded first steps.
    assert!(a.last_stop().steps_taken < 2048);
    let mut over = fresh.clone();
    over.run_to_line(22);
    let here = over.step_number();
    over.next_line();
    assert!(over.step_number() - here > 2048, "n over inner(300)");
}
