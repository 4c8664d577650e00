#!/bin/bash
# Run after `cargo build --release --locked --ignore-rust-version`; needs perf.
# CPU time (task-clock) of whole processes, bytestep run vs python3 -S, alternated, best of N, minus empty-program start-up.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BS=${BS:-$ROOT/target/release/bytestep}
PY=$(python3 -c 'import sys; print(sys.executable)')
N=${N:-9}
echo pass > /tmp/empty_prog.py
cpu() { perf stat -e task-clock -x, "$@" 2>&1 >/dev/null | grep task-clock | cut -d, -f1; }
best() { sort -g | head -1; }
be=$(for i in $(seq $N); do cpu $BS run /tmp/empty_prog.py; done | best)
pe=$(for i in $(seq $N); do cpu $PY -S /tmp/empty_prog.py; done | best)
echo "startup bytestep ${be} ms python ${pe} ms"
geo=0; n=0
for p in fib nested_loops while_sum list_sort dict_count string_build method_calls object_methods drain_consumers; do
  f=$ROOT/benches/programs/$p.py
  b=(); q=()
  for i in $(seq $N); do b+=($(cpu $BS run $f)); q+=($(cpu $PY -S $f)); done
  bb=$(printf "%s\n" "${b[@]}" | best); qq=$(printf "%s\n" "${q[@]}" | best)
  python3 - "$p" "$bb" "$qq" "$be" "$pe" <<'PYEOF'
import sys
p,b,q,be,pe=sys.argv[1],*map(float,sys.argv[2:])
print(f"{p:16} {b-be:8.1f} ms {q-pe:8.1f} ms {(b-be)/(q-pe):6.2f}x")
PYEOF
done
