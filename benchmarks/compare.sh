#!/usr/bin/env bash
# Side-by-side benchmark (issue 13, item 5): the same workloads run, in one run, by
#   C       benchmarks/reference/collapse_ref.c   (gcc -O3 -march=native, libm; built here)
#   numpy   benchmarks/reference/collapse_ref.py  (/usr/bin/python3 with Debian's python3-numpy)
#   collapse-sim  bin/collapse run, one thread (--threads 1), only the last generation recorded
#           (record_every = generations), outputs csv
# each a whole process timed by /usr/bin/time: CPU seconds (user + sys) per generation x replicate,
# that is divided by (generations + 1) x replicates. Two figures per engine:
#   whole  the full run's CPU time per unit, start-up (JVM, Python, output) included
#   loop   the same less a run of 1 replicate x 1 generation of the workload, per unit of the
#          difference: the marginal cost of a generation, start-up excluded
# Each engine runs every workload RUNS times, interleaved, and the medians count. Prints the
# costs in microseconds, the ratios to C (the issue's target: collapse-sim <= 1.2x C, whole
# processes) and the 1-minute load average before and after, since other work on the machine
# inflates every figure.
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
  "categorical V=1e4 N=1e5 exact|categorical 10000 100000|$ZIPF;params: {model_size: 10000, samples: 100000}|100|100"
  "categorical V=1e6 N=1e6 exact|categorical 1000000 1000000|$ZIPF;params: {model_size: 1000000, samples: 1000000}|10|10"
  "gaussian d=1 M=1000 explicit|gaussian 1000|family: gaussian;sampling: explicit;params: {model_size: 1, samples: 1000, estimator: mle}|200|1000"
)

cpu_seconds() { # command...: prints user + sys seconds of the whole process
  local log="$WORK/time.txt"
  /usr/bin/time -f '%U %S' -o "$log" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || {
    echo "compare.sh: failed: $*" >&2; cat "$WORK/last.err" >&2; exit 1; }
  awk '{ print $1 + $2 }' "$log"
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf 'load before: %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-30s %-6s %10s %10s %11s %8s %8s\n' workload cost "C us" "numpy us" "collapse us" numpy/C ours/C
for w in "${WORKLOADS[@]}"; do
  IFS='|' read -r name refargs lines generations replicates <<<"$w"
  c=() ; np=() ; ours=() ; c1=() ; np1=() ; ours1=()
  for ((run = 0; run < RUNS; run++)); do
    for size in small full; do
      if [ "$size" = small ]; then g=1; r=1; else g=$generations; r=$replicates; fi
      config="$WORK/config.yaml"
      cat >"$config" <<YAML
name: compare
seed: 20261204
replicates: $r
generations: $g
record_every: $g
output: {dir: $WORK/out, formats: [csv]}
YAML
      tr ';' '\n' <<<"$lines" >>"$config"
      tc="$(cpu_seconds "$REF" $refargs "$g" "$r")"
      tn="$(cpu_seconds "$PY" "$ROOT/benchmarks/reference/collapse_ref.py" $refargs "$g" "$r")"
      to="$(cpu_seconds "$ROOT/bin/collapse" run "$config" --threads 1 --out "$WORK/out" --overwrite)"
      if [ "$size" = small ]; then c1+=("$tc"); np1+=("$tn"); ours1+=("$to")
      else c+=("$tc"); np+=("$tn"); ours+=("$to"); fi
    done
  done
  units=$(( (generations + 1) * replicates ))
  med() { printf '%s\n' "$@" | median; }
  awk -v n="$name" -v u="$units" \
    -v c="$(med "${c[@]}")" -v p="$(med "${np[@]}")" -v o="$(med "${ours[@]}")" \
    -v c1="$(med "${c1[@]}")" -v p1="$(med "${np1[@]}")" -v o1="$(med "${ours1[@]}")" 'BEGIN {
    f = "%-30s %-6s %10.2f %10.2f %11.2f %8.2f %8.2f\n"
    printf f, n, "whole", 1e6 * c / u, 1e6 * p / u, 1e6 * o / u, p / c, o / c
    dc = (c - c1) / (u - 2); dp = (p - p1) / (u - 2); do_ = (o - o1) / (u - 2)
    printf f, "", "loop", 1e6 * dc, 1e6 * dp, 1e6 * do_, dp / dc, do_ / dc
    printf "%-30s %-6s %10.2f %10.2f %11.2f   (CPU seconds of a 1 x 1 run)\n", "", "fixed", c1, p1, o1 }'
done
printf 'load after: %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
