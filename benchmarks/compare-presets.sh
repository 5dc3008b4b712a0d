#!/usr/bin/env bash
# Same numbers before and after a change: runs every preset of configs/ (or the ones named) with
# the in-process engine (org.collapsesim.benchmarks.InProcessSweep, one thread, the tables of
# `collapse sweep`) from two built checkouts, and compares the outputs:
#   - every table (generations/ sorted by cell_id, replicate, generation; summary, chains, cells in
#     Arrow and CSV) with SweepOutputComparison: same columns, names, types and order, the same
#     values bit for bit, wall_ms excepted;
#   - manifest.json up to formatting (jq -S) and to what the determinism promise excludes
#     (start_time, end_time, git_commit, cpu, jdk, kernels).
# Usage: benchmarks/compare-presets.sh OLD_CHECKOUT [PRESET.yaml ...]
#   OLD_CHECKOUT and this checkout must both be built: mvn -B -q package -DskipTests
#   (never install). Extra --set overrides go in COMPARE_SETS, e.g. COMPARE_SETS="replicates=5".
# Exit 0 when every preset gives the same output, 1 when one differs, 2 for bad usage.
set -euo pipefail
NEW="$(cd "$(dirname "$0")/.." && pwd)"
OLD="${1:?usage: compare-presets.sh OLD_CHECKOUT [PRESET.yaml ...]}"
OLD="$(cd "$OLD" && pwd)"
shift
PRESETS=("$@")
if [ ${#PRESETS[@]} -eq 0 ]; then
  PRESETS=("$NEW"/configs/*.yaml)
fi
for root in "$OLD" "$NEW"; do
  if [ ! -f "$root/benchmarks/target/classpath.txt" ]; then
    echo "compare-presets.sh: build $root first: mvn -B -q package -DskipTests" >&2
    exit 2
  fi
done
. "$NEW/bin/jvm-flags.sh"
SETS=()
for s in ${COMPARE_SETS:-}; do SETS+=(--set "$s"); done
WORK="$(mktemp -d /tmp/compare-presets.XXXXXX)"
run() { # root config out
  java "${COLLAPSE_JVM_FLAGS[@]}" -cp "$1/benchmarks/target/classes:$(cat "$1/benchmarks/target/classpath.txt")" \
    org.collapsesim.benchmarks.InProcessSweep "$2" --out "$3" --overwrite "${SETS[@]}" >"$3.log" 2>&1
}
manifest() { # the manifest without what the determinism promise excludes, keys sorted
  jq -S 'del(.start_time, .end_time, .git_commit, .cpu, .jdk, .kernels)' "$1"
}
status=0
for config in "${PRESETS[@]}"; do
  name="$(basename "$config" .yaml)"
  for side in old new; do
    root="$OLD"; [ "$side" = new ] && root="$NEW"
    # each side reads its own copy of the preset, so a preset that moved or changed is noticed
    if ! run "$root" "$config" "$WORK/$name-$side"; then
      echo "$name: the $side run failed (see $WORK/$name-$side.log)"; status=1; continue 2
    fi
  done
  if ! java "${COLLAPSE_JVM_FLAGS[@]}" -cp "$NEW/benchmarks/target/classes:$(cat "$NEW/benchmarks/target/classpath.txt")" \
      org.collapsesim.benchmarks.SweepOutputComparison "$WORK/$name-old" "$WORK/$name-new"; then
    echo "$name: tables differ"; status=1; continue
  fi
  if ! diff <(manifest "$WORK/$name-old/manifest.json") <(manifest "$WORK/$name-new/manifest.json") \
      >"$WORK/$name-manifest.diff"; then
    echo "$name: manifests differ (see $WORK/$name-manifest.diff)"; status=1; continue
  fi
  echo "$name: same tables, same manifest"
done
echo "outputs in $WORK"
exit $status
