// The CPython 3.14 oracle: runs every golden program under real CPython
// (pyodide 314.0.7 = CPython 3.14.2 on wasm32) and writes the expected files.
//
//   npm ci --prefix tests/oracle && node tests/oracle/oracle.mjs [FILE.py ...]
//
// See README.md beside this file.
import { loadPyodide } from "pyodide";
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const SOURCES = [
  { dir: path.join(ROOT, "tests", "programs"), out: path.join(ROOT, "tests", "expected", "programs") },
  { dir: path.join(ROOT, "assets", "examples"), out: path.join(ROOT, "tests", "expected", "examples") },
];
const KINDS = [".stdout", ".stderr", ".status", ".dis", ".lines", ".code.json"];
const DIS_ONLY = "# dis-only";

// ---------------------------------------------------------------------------
// Python drivers. They are kept tiny and contain no string constants a
// program might use: the program's source and name come in as the globals
// SRC and NAME, set from JS, so nothing pre-interns the program's constants.

// The run and the interpreter's exit, shared by runs 1 and 2. `python3 FILE`
// holds the program's globals only through the module __main__ (and
// whatever cycles hold them); here only `drive`'s local `G` does: `exec`'s
// argument is borrowed (LOAD_FAST_BORROW), so the program's counts are as
// before. After the program, `after()` (run 1: its report), then what
// _Py_Finalize does to the program's objects (README: "The interpreter's
// exit").
const DRIVE = `
import gc
def drive(code, G, after):
    global E
    E = None
    try:
        exec(code(), G)
    except BaseException as e:
        E = e
    after()
    if isinstance(E, SystemExit):
        E = None
    gc.collect()
    E = None
    del G
    gc.collect()
`;

// Run 1: the program's output, its uncaught exception, its exit status.
// The source is in linecache while it compiles, as `python3 FILE` reads
// it from the file: a SyntaxWarning shows its line. (Removed before the
// program runs, so the program sees the interpreter as before.)
//
// The report: the traceback as CPython prints it, without the driver's
// frames. An uncaught SystemExit ends as `python3 FILE` ends
// (_Py_HandleSystemExit): no traceback; its code None is status 0, an int
// the status (8 bits; -1 past a C long), anything else printed on stderr
// with status 1. The source is in linecache only while the traceback is
// formatted: at exit, CPython shows no source lines in a __del__'s
// traceback (it can no longer import what reading them needs).
const RUN = `
import sys, io, linecache, traceback
sys.stdin = io.StringIO(STDIN)
sys.stdout = io.StringIO()
sys.stderr = io.StringIO()
STATUS = 0
def report():
    global STATUS
    if isinstance(E, SystemExit):
        if E.code is None:
            STATUS = 0
        elif isinstance(E.code, int):
            STATUS = E.code & 255 if -2**63 <= E.code < 2**63 else 255
        else:
            STATUS = 1
            sys.stderr.write(str(E.code) + "\\n")
    elif E is not None:
        STATUS = 1
        linecache.cache[NAME] = (len(SRC), None, SRC.splitlines(True), NAME)
        tb = E.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != NAME:
            tb = tb.tb_next
        sys.stderr.write("".join(traceback.format_exception(type(E), E, tb)))
        del linecache.cache[NAME]
def code():
    linecache.cache[NAME] = (len(SRC), None, SRC.splitlines(True), NAME)
    try:
        return compile(SRC, NAME, "exec")
    finally:
        del linecache.cache[NAME]
drive(code, {"__name__": "__main__", "__builtins__": __builtins__}, report)
OUT = sys.stdout.getvalue()
ERR = sys.stderr.getvalue()
sys.stdout = sys.__stdout__
sys.stderr = sys.__stderr__
`;

// Run 2 (a fresh interpreter): the 'line' events of sys.settrace, the
// interpreter's exit included (the trace function, not the program's, is
// still set while CPython finalizes the program's objects).
const TRACE = `
import sys, io
L = []
def t(frame, event, arg):
    if frame.f_code.co_filename == NAME:
        if event == "line":
            L.append(frame.f_code.co_qualname + " " + str(frame.f_lineno))
    return t
sys.stdin = io.StringIO(STDIN)
sys.stdout = io.StringIO()
sys.stderr = io.StringIO()
sys.settrace(t)
try:
    drive(lambda: compile(SRC, NAME, "exec"), {"__name__": "__main__", "__builtins__": __builtins__}, lambda: None)
except BaseException:
    pass
sys.settrace(None)
sys.stdout = sys.__stdout__
sys.stderr = sys.__stderr__
LINES = "".join(x + "\\n" for x in L)
`;

// dis and the code objects (run after the trace, or alone for dis-only).
const STATIC = `
import io, dis, json
c = compile(SRC, NAME, "exec")
b = io.StringIO()
dis.dis(c, file=b)
DIS = b.getvalue()
CODES = []
def walk(co):
    CODES.append({
        "qualname": co.co_qualname,
        "name": co.co_name,
        "filename": co.co_filename,
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
        "code": co.co_code.hex(),
        "linetable": co.co_linetable.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
        "names": list(co.co_names),
        "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars),
        "consts": ["<code " + k.co_qualname + ">" if isinstance(k, type(co)) else repr(k) for k in co.co_consts],
    })
    for k in co.co_consts:
        if isinstance(k, type(co)):
            walk(k)
walk(c)
CODEJSON = json.dumps(CODES, indent=1) + "\\n"
`;

async function fresh() {
  // A fixed hash seed keeps any set/dict-order-dependent repr stable.
  return await loadPyodide({ env: { PYTHONHASHSEED: "0" } });
}

function get(py, name) {
  const v = py.globals.get(name);
  return typeof v === "string" || typeof v === "number" ? v : String(v);
}

async function processOne(file) {
  const src = fs.readFileSync(file, "utf8");
  const name = path.basename(file);
  const outDir = SOURCES.find((s) => path.dirname(file) === s.dir).out;
  const stem = path.join(outDir, name.replace(/\.py$/, ""));
  const disOnly = src.split("\n")[0].replace(/\r$/, "") === DIS_ONLY;
  // X.stdin beside X.py is what input() reads; without it, input() meets EOF.
  const stdinFile = file.replace(/\.py$/, ".stdin");
  const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, "utf8") : "";
  const out = {};

  if (!disOnly) {
    const py = await fresh();
    py.globals.set("SRC", src);
    py.globals.set("NAME", name);
    py.globals.set("STDIN", stdin);
    py.runPython(DRIVE);
    py.runPython(RUN);
    out[".stdout"] = get(py, "OUT");
    out[".stderr"] = get(py, "ERR");
    out[".status"] = `${get(py, "STATUS")}\n`;
  }

  const py = await fresh();
  py.globals.set("SRC", src);
  py.globals.set("NAME", name);
  py.globals.set("STDIN", stdin);
  if (!disOnly) {
    py.runPython(DRIVE);
    py.runPython(TRACE);
    out[".lines"] = get(py, "LINES");
  }
  py.runPython(STATIC);
  out[".dis"] = get(py, "DIS");
  out[".code.json"] = get(py, "CODEJSON");

  fs.mkdirSync(outDir, { recursive: true });
  for (const k of KINDS) {
    const p = stem + k;
    if (k in out) fs.writeFileSync(p, out[k]);
    else fs.rmSync(p, { force: true });
  }
  return disOnly ? "dis-only" : `status ${out[".status"].trim()}`;
}

function listAll() {
  const files = [];
  for (const s of SOURCES) {
    if (!fs.existsSync(s.dir)) continue;
    for (const f of fs.readdirSync(s.dir).sort()) if (f.endsWith(".py")) files.push(path.join(s.dir, f));
  }
  return files;
}

function resolveArg(a) {
  const cands = [path.resolve(a), ...SOURCES.map((s) => path.join(s.dir, a)), ...SOURCES.map((s) => path.join(s.dir, a + ".py"))];
  for (const c of cands) {
    if (fs.existsSync(c) && SOURCES.some((s) => path.dirname(c) === s.dir) && c.endsWith(".py")) return c;
  }
  throw new Error(`${a}: not a .py file in tests/programs/ or assets/examples/`);
}

// Expected files whose program no longer exists (only on a full run).
function removeOrphans(files) {
  const stems = new Set(files.map((f) => path.join(SOURCES.find((s) => path.dirname(f) === s.dir).out, path.basename(f, ".py"))));
  for (const s of SOURCES) {
    if (!fs.existsSync(s.out)) continue;
    for (const f of fs.readdirSync(s.out)) {
      const k = KINDS.find((k) => f.endsWith(k));
      if (k && !stems.has(path.join(s.out, f.slice(0, -k.length)))) {
        fs.rmSync(path.join(s.out, f));
        console.log(`removed orphan ${path.relative(ROOT, path.join(s.out, f))}`);
      }
    }
  }
}

async function worker(files) {
  for (const f of files) {
    const t0 = Date.now();
    const what = await processOne(f);
    process.send({ file: f, what, ms: Date.now() - t0 });
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--worker") return worker(args.slice(1));
  const t0 = Date.now();
  const files = args.length ? args.map(resolveArg) : listAll();
  if (!args.length) removeOrphans(files);
  const n = Math.max(1, Math.min(files.length, Number(process.env.ORACLE_JOBS) || os.availableParallelism?.() || os.cpus().length));
  const chunks = Array.from({ length: n }, (_, i) => files.filter((_, j) => j % n === i));
  let failed = false;
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise((resolve) => {
          const child = fork(fileURLToPath(import.meta.url), ["--worker", ...chunk]);
          child.on("message", (m) => console.log(`${path.relative(ROOT, m.file)}: ${m.what} (${(m.ms / 1000).toFixed(1)} s)`));
          child.on("exit", (code) => {
            if (code !== 0) failed = true;
            resolve();
          });
        }),
    ),
  );
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`${files.length} program(s) in ${secs} s with ${n} worker(s)${failed ? " -- FAILED" : ""}`);
  if (failed) process.exit(1);
}

await main();
