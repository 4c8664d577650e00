//! Builtins consuming items that come from Python code do linear work:
//! doubling the items at most doubles (plus a constant) both the
//! instructions executed and the native work of replays and drain pulls
//! (`Vm::replay_work`), counted deterministically, no clocks. A replay of
//! the whole builtin once per item (the old way) doubles the items and
//! quadruples the work, which these checks catch.

use bytestep::vm::Vm;

/// `N` in each program is replaced by the item count.
const PROGRAMS: &[(&str, &str)] = &[
    ("list(map)", "r = list(map(lambda x: x + 1, range(N)))"),
    ("sum(map)", "r = sum(map(lambda x: x * 2, range(N)))"),
    ("sorted(map)", "r = sorted(map(lambda x: -x, range(N)))"),
    (
        "tuple(filter)",
        "r = tuple(filter(lambda x: x % 3, range(N)))",
    ),
    ("join(genexp)", "r = ''.join(str(x % 10) for x in range(N))"),
    ("set(genexp)", "r = set(x % 97 for x in range(N))"),
    ("dict(genexp)", "r = dict((x, x) for x in range(N))"),
    (
        "max(map of map of gen)",
        "def g(n):\n    for i in range(n):\n        yield i\nr = max(map(lambda a: a * 2, map(lambda b: b + 1, g(N))))",
    ),
    (
        "list(instance)",
        "class It:\n    def __init__(self, n):\n        self.i = 0\n        self.n = n\n    def __iter__(self):\n        return self\n    def __next__(self):\n        if self.i >= self.n:\n            raise StopIteration\n        self.i += 1\n        return self.i\nr = list(It(N))",
    ),
    ("any(map)", "r = any(map(lambda x: x < 0, range(N)))"),
    (
        "for over filter",
        "r = 0\nfor x in filter(lambda v: v > N - 3, range(N)):\n    r += x",
    ),
    (
        "for over map of gen",
        "r = 0\nfor x in map(lambda v: v * 2, (y for y in range(N))):\n    r += x",
    ),
    ("sorted(key=)", "r = sorted(range(N), key=lambda x: -x)"),
    (
        "list.sort(key=)",
        "r = list(range(N))\nr.sort(key=lambda x: x % 10)",
    ),
    (
        "list(filter) rejecting all",
        "r = list(filter(lambda x: x < 0, range(N)))",
    ),
    (
        "sum(filter of gen)",
        "r = sum(filter(lambda x: x % 50 == 0, (x for x in range(N))))",
    ),
    ("x in map", "r = -1 in map(lambda x: x, range(N))"),
    ("unpack star", "a, *r = map(lambda x: x, range(N))"),
    (
        "f(*map)",
        "def f(*a):\n    return len(a)\nr = f(*map(lambda x: x, range(N)))",
    ),
    ("enumerate(gen)", "r = list(enumerate(x for x in range(N)))"),
    (
        "zip(gen, map)",
        "r = list(zip((x for x in range(N)), map(lambda y: y, range(N))))",
    ),
    ("bytes(gen)", "r = bytes(x % 256 for x in range(N))"),
    (
        "list.extend(gen)",
        "r = []\nr.extend(x for x in range(N))\nr += (x for x in range(N))",
    ),
    (
        "set.update(map)",
        "r = set()\nr.update(map(lambda x: x % 7, range(N)))",
    ),
];

/// Instructions executed and replay work for the program with `n` items.
fn measure(template: &str, n: usize) -> (u64, u64) {
    let source = format!("{}\n", template.replace('N', &n.to_string()));
    let mut vm = Vm::new(&source, "linear.py").expect("compiles");
    vm.set_recording(false);
    let outcome = vm.run().clone();
    assert!(
        matches!(outcome, bytestep::vm::report::Outcome::Finished),
        "{template} with {n}: {outcome:?}"
    );
    (vm.steps(), vm.replay_work())
}

#[test]
fn consuming_python_iterators_is_linear() {
    let mut failures = Vec::new();
    for &(name, template) in PROGRAMS {
        let (steps_n, work_n) = measure(template, 400);
        let (steps_2n, work_2n) = measure(template, 800);
        if steps_2n > 2 * steps_n + 50 {
            failures.push(format!(
                "{name}: steps {steps_n} for 400, {steps_2n} for 800"
            ));
        }
        if work_2n > 2 * work_n + 50 {
            failures.push(format!(
                "{name}: replay work {work_n} for 400, {work_2n} for 800"
            ));
        }
        // A handful of log entries per item, never one per earlier item.
        if work_2n > 40 * 800 {
            failures.push(format!("{name}: replay work {work_2n} for 800 items"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sorting items whose `__lt__` is Python code makes n log n comparisons,
/// each a frame: doubling the items may not quite double the work, but a
/// replay of the whole sort per comparison (the old way) quadruples it.
#[test]
fn sorting_with_python_comparisons_is_n_log_n() {
    let template = "class V:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, other):\n        return self.v < other.v\nr = sorted([V((i * 7919) % N) for i in range(N)])\nr.sort(reverse=True)\nt = sorted((i % 7, V(i)) for i in range(N))";
    let (steps_n, work_n) = measure(template, 400);
    let (steps_2n, work_2n) = measure(template, 800);
    assert!(
        steps_2n * 10 <= steps_n * 25,
        "steps {steps_n} for 400, {steps_2n} for 800"
    );
    assert!(
        work_2n * 10 <= work_n * 25,
        "replay work {work_n} for 400, {work_2n} for 800"
    );
}
