#!/usr/bin/env bash
# Side-by-side benchmark (issue 13, item 5): the same workloads run, in one run, by
#   C       benchmarks/reference/collapse_ref.c   (gcc -O3 -march=native, libm; built here)
#   numpy   benchmarks/reference/collapse_ref.py  (/usr/bin/python3 with Debian's python3-numpy)
#   collapse-sim  bin/collapse run, one thread (--threads 1), only the last generation recorded
#           (record_every = generations), outputs csv
# each a whole process timed by /usr/bin/time, CPU seconds (user + sys) divided by
# (generations + 1) x replicates: start-up (JVM, Python) included. Each engine runs every workload
# RUNS times, interleaved, and the median counts. Prints per workload the three costs and the
# ratios to C (the issue's target: collapse-sim <= 1.2x C), and the 1-minute load average before
# and after, since other work on the machine inflates every figure.
#
# Usage: benchmarks/compare.sh [-n RUNS] [-w WORKDIR]      (defaults: 3 runs, /tmp/collapse-compare)
# bin/collapse builds spark-jobs on first use (mvn package; never install).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=3
WORK="${TMPDIR:-/tmp}/collapse-compare"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    -w) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (allowed: -n RUNS, -w WORKDIR)" >&2; exit 2 ;;
  esac
done
case "$RUNS" in ''|*[!0-9]*|0) echo "compare.sh: -n must be a positive integer, got '$RUNS'" >&2; exit 2 ;; esac
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || {
  echo "compare.sh: $PY has no numpy (Debian: apt-get install -y python3-numpy)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "compare.sh: gcc not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time not found (Debian: apt-get install -y time)" >&2; exit 2; }

mkdir -p "$WORK"
REF="$WORK/collapse_ref"
gcc -O3 -march=native -o "$REF" "$ROOT/benchmarks/reference/collapse_ref.c" -lm
"$ROOT/bin/collapse" describe >/dev/null # builds on first use, outside the timings

# name | args of the references | collapse-sim config lines (; for newline) | generations | replicates
ZIPF="family: categorical;truth: {distribution: zipf, exponent: 1.1};sampling: exact"
WORKLOADS=(
  "categorical V=1e4 N=1e5 exact|categorical 10000 100000|$ZIPF;params: {model_size: 10000, samples: 100000}|50|40"
  "categorical V=1e6 N=1e6 exact|categorical 1000000 1000000|$ZIPF;params: {model_size: 1000000, samples: 1000000}|10|6"
  "gaussian d=1 M=1000 explicit|gaussian 1000|family: gaussian;sampling: explicit;params: {model_size: 1, samples: 1000, estimator: mle}|200|500"
)

cpu_seconds() { # command...: prints user + sys seconds of the whole process
  local log="$WORK/time.txt"
  /usr/bin/time -f '%U %S' -o "$log" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || {
    echo "compare.sh: failed: $*" >&2; cat "$WORK/last.err" >&2; exit 1; }
  awk '{ print $1 + $2 }' "$log"
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf 'load before: %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-32s %12s %12s %14s %9s %9s\n' workload "C us" "numpy us" "collapse us" "numpy/C" "ours/C"
for w in "${WORKLOADS[@]}"; do
  IFS='|' read -r name refargs lines generations replicates <<<"$w"
  config="$WORK/config.yaml"
  cat >"$config" <<YAML
name: compare
seed: 20261204
replicates: $replicates
generations: $generations
record_every: $generations
output: {dir: $WORK/out, formats: [csv]}
YAML
  tr ';' '\n' <<<"$lines" >>"$config"
  c=() ; np=() ; ours=()
  for ((run = 0; run < RUNS; run++)); do
    c+=("$(cpu_seconds "$REF" $refargs "$generations" "$replicates")")
    np+=("$(cpu_seconds "$PY" "$ROOT/benchmarks/reference/collapse_ref.py" $refargs "$generations" "$replicates")")
    ours+=("$(cpu_seconds "$ROOT/bin/collapse" run "$config" --threads 1 \
      --out "$WORK/out" --overwrite)")
  done
  units=$(( (generations + 1) * replicates ))
  cm=$(printf '%s\n' "${c[@]}" | median)
  nm=$(printf '%s\n' "${np[@]}" | median)
  om=$(printf '%s\n' "${ours[@]}" | median)
  awk -v n="$name" -v c="$cm" -v p="$nm" -v o="$om" -v u="$units" 'BEGIN {
    printf "%-32s %12.2f %12.2f %14.2f %9.2f %9.2f\n", n, 1e6 * c / u, 1e6 * p / u, 1e6 * o / u, p / c, o / c }'
done
printf 'load after: %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
