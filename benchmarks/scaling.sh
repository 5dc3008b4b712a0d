#!/usr/bin/env bash
# Scaling benchmark (issue item 5): the same sweep run by three engines, each a fresh JVM timed
# from start to exit, outputs written:
#   in-process  one thread, no Spark (org.collapsesim.benchmarks.InProcessSweep: the tables of
#               `collapse sweep` written by the code of `collapse run --out`)
#   local[1]    bin/collapse sweep CONFIG --master 'local[1]'
#   local[2]    bin/collapse sweep CONFIG --master 'local[2]'
# Runs are interleaved (in-process, local[1], local[2], then again) so that a burst of other load
# hits every engine alike. Reports per engine the chains, median wall seconds and chains/s, the
# 1-minute load average (/proc/loadavg) before and after each run, and the ratios
#   Spark overhead = in-process rate / local[1] rate - 1      (target <= 0.10)
#   speedup        = local[2] rate / local[1] rate            (target >= 1.8 on an idle machine)
# and checks that the three outputs hold the same tables (SweepOutputComparison: CSV and Arrow
# values in file order, generations/ rows sorted; wall_ms excepted): exit 1 if they do not.
#
# Build first (this script builds nothing; bin/collapse would rebuild spark-jobs only, never
# benchmarks/):
#   mvn -q -B -o package -DskipTests -pl benchmarks -am   (a reactor build: never install)
# Usage:
#   benchmarks/scaling.sh [-n RUNS] [-w WORKDIR] [CONFIG] [--set k=v]...
# defaults: 3 runs, WORKDIR ${TMPDIR:-/tmp}/collapse-scaling, CONFIG benchmarks/scaling.yaml.
# Outputs of the last run and every run's log stay in WORKDIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=3
WORK="${TMPDIR:-/tmp}/collapse-scaling"
CONFIG="$ROOT/benchmarks/scaling.yaml"
SETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    -w) WORK="$2"; shift 2 ;;
    --set) SETS+=(--set "$2"); shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    -*) echo "scaling.sh: unknown option $1" >&2; exit 2 ;;
    *) CONFIG="$1"; shift ;;
  esac
done

TARGET="$ROOT/spark-jobs/target"
JAR="$(ls "$TARGET"/spark-jobs-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1 || true)"
CLASSES="$ROOT/benchmarks/target/classes"
if [ -z "$JAR" ] || [ ! -f "$CLASSES/org/collapsesim/benchmarks/InProcessSweep.class" ]; then
  echo "scaling.sh: build first: (cd $ROOT && mvn -q -B -o package -DskipTests -pl benchmarks -am)" >&2
  exit 2
fi
# The in-process engine runs on exactly the jars bin/collapse runs (spark-jobs jar + target/lib,
# which holds simulator-core), so both engines run the same simulator code.
CP="$CLASSES:$JAR:$TARGET/lib/*"
# bin/collapse's JVM flags (Spark's module flags and the Vector API) and default heap, so that
# the JVMs differ only in what they run.
. "$ROOT/bin/jvm-flags.sh"
# shellcheck disable=SC2206
HEAP=(${COLLAPSE_JAVA_OPTS:--XX:MaxRAMPercentage=50})
run_java() { java "${COLLAPSE_JVM_FLAGS[@]}" "${HEAP[@]}" -cp "$CP" "$@"; }
# Local Spark binds to loopback (as the test suite does); harmless for the in-process engine.
export SPARK_LOCAL_IP=127.0.0.1

mkdir -p "$WORK/logs"
# Untimed: validates the config, counts its chains, and lets bin/collapse do any rebuild it
# wants now rather than inside a timed run.
"$ROOT/bin/collapse" validate "$CONFIG" "${SETS[@]}" >"$WORK/logs/validate.log" 2>&1 || {
  cat "$WORK/logs/validate.log" >&2; exit 2; }
CHAINS="$(awk '$1 == "chains" { print $2; exit }' "$WORK/logs/validate.log")"

load1() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }

ENGINES=(in-process 'local[1]' 'local[2]')
dir_of() { case "$1" in in-process) echo "$WORK/in-process" ;; 'local[1]') echo "$WORK/local1" ;; *) echo "$WORK/local2" ;; esac; }

RESULTS="$WORK/runs.tsv"
printf 'engine\trun\twall_s\tload1_before\tload1_after\n' >"$RESULTS"
echo "scaling: $CHAINS chains of $(basename "$CONFIG"), $RUNS runs per engine, nproc $(nproc); logs in $WORK/logs" >&2
for run in $(seq 1 "$RUNS"); do
  for engine in "${ENGINES[@]}"; do
    out="$(dir_of "$engine")"
    log="$WORK/logs/$(basename "$out")-$run.log"
    before="$(load1)"
    t0="$(now)"
    if [ "$engine" = in-process ]; then
      run_java org.collapsesim.benchmarks.InProcessSweep "$CONFIG" --out "$out" --overwrite "${SETS[@]}" >"$log" 2>&1 \
        || { echo "scaling.sh: $engine run $run failed, see $log" >&2; exit 1; }
    else
      "$ROOT/bin/collapse" sweep "$CONFIG" --master "$engine" --out "$out" --overwrite "${SETS[@]}" >"$log" 2>&1 \
        || { echo "scaling.sh: $engine run $run failed, see $log" >&2; exit 1; }
    fi
    t1="$(now)"
    after="$(load1)"
    wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
    printf '%s\t%s\t%s\t%s\t%s\n' "$engine" "$run" "$wall" "$before" "$after" >>"$RESULTS"
    echo "  run $run $engine: $wall s (load1 $before -> $after)" >&2
  done
done

# Same outputs: the last run of each Spark engine against the in-process one.
SAME=yes
for engine in 'local[1]' 'local[2]'; do
  if ! run_java org.collapsesim.benchmarks.SweepOutputComparison "$(dir_of in-process)" "$(dir_of "$engine")" \
      >"$WORK/logs/compare-$(basename "$(dir_of "$engine")").log" 2>&1; then
    SAME=no
    echo "scaling.sh: in-process and $engine outputs differ:" >&2
    grep -v '^WARNING' "$WORK/logs/compare-$(basename "$(dir_of "$engine")").log" >&2
  fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rate_of() { awk -v c="$CHAINS" -v w="$1" 'BEGIN { printf "%.1f", c / w }'; }

echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), nproc $(nproc); $(java -version 2>&1 | head -n 1)"
echo "config: $CONFIG ${SETS[*]:-} ($CHAINS chains)"
echo
echo "| engine | chains | median wall s | chains/s | wall s per run | load1 before -> after per run |"
echo "|---|---|---|---|---|---|"
declare -A RATE
for engine in "${ENGINES[@]}"; do
  med="$(awk -F'\t' -v e="$engine" '$1 == e { print $3 }' "$RESULTS" | median)"
  RATE[$engine]="$(rate_of "$med")"
  walls="$(awk -F'\t' -v e="$engine" '$1 == e { printf "%s%s", sep, $3; sep = ", " }' "$RESULTS")"
  loads="$(awk -F'\t' -v e="$engine" '$1 == e { printf "%s%s -> %s", sep, $4, $5; sep = "; " }' "$RESULTS")"
  echo "| $engine | $CHAINS | $med | ${RATE[$engine]} | $walls | $loads |"
done
echo
awk -v ip="${RATE[in-process]}" -v l1="${RATE[local[1]]}" -v l2="${RATE[local[2]]}" 'BEGIN {
  overhead = ip / l1 - 1; speedup = l2 / l1
  printf "Spark overhead (in-process rate / local[1] rate - 1): %+.1f %% (target <= +10 %%): %s\n", \
    100 * overhead, (overhead <= 0.10) ? "met" : "NOT met"
  printf "local[2] / local[1]: %.2fx (target >= 1.8x on an idle machine): %s\n", \
    speedup, (speedup >= 1.8) ? "met" : "NOT met"
}'
echo "same outputs (in-process vs local[1] and local[2], wall_ms excepted): $SAME"
[ "$SAME" = yes ]
