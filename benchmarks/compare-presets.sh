#!/usr/bin/env bash
# Same numbers before and after a change: builds BASE_REV in a temporary git worktree, runs every
# preset of configs/ (or the ones named) with the in-process engine
# (org.collapsesim.benchmarks.InProcessSweep, one thread, the tables of `collapse sweep`) from that
# build and from this checkout, and compares the outputs:
#   - every table (generations/ sorted by cell_id, replicate, generation; summary, chains, cells in
#     Arrow and CSV) with SweepOutputComparison: same columns, names, types and order, the same
#     values bit for bit, wall_ms excepted;
#   - manifest.json up to formatting (jq -S) and to what the determinism promise excludes
#     (start_time, end_time, git_commit, cpu, jdk, kernels) and the engine's name.
#   Against a BASE_REV from before `collapse sweep --engine` (InProcessSweep then wrote no
#   contrasts table), presets with compare_to report contrasts.* as present in only one side.
# Usage: benchmarks/compare-presets.sh BASE_REV [PRESET.yaml ...]
#   This checkout must be built (mvn -B -q package -DskipTests; never install). BASE_REV is built
#   offline with the same command in a git worktree $TMPDIR/compare-presets-base-SHA, removed at
#   the end unless COMPARE_KEEP_BASE=1 (then kept and reused by the next run; delete it to
#   rebuild). The outputs go to a temporary directory, removed when every preset is the same and
#   kept (its path printed) when one differs. Both sides run this checkout's copy of each preset.
#   Extra --set overrides go in COMPARE_SETS, e.g. COMPARE_SETS="replicates=2 generations=20".
# Exit 0 when every preset gives the same output, 1 when one differs, 2 for bad usage.
set -euo pipefail
NEW="$(cd "$(dirname "$0")/.." && pwd)"
REV="${1:?usage: compare-presets.sh BASE_REV [PRESET.yaml ...]}"
shift
SHA="$(git -C "$NEW" rev-parse --verify --quiet "$REV^{commit}")" || {
  echo "compare-presets.sh: BASE_REV $REV is not a commit of $NEW" >&2
  exit 2
}
PRESETS=("$@")
if [ ${#PRESETS[@]} -eq 0 ]; then
  PRESETS=("$NEW"/configs/*.yaml)
fi
if [ ! -f "$NEW/benchmarks/target/classpath.txt" ]; then
  echo "compare-presets.sh: build $NEW first: mvn -B -q package -DskipTests" >&2
  exit 2
fi
OLD="${TMPDIR:-/tmp}/compare-presets-base-$SHA"
if [ ! -f "$OLD/benchmarks/target/classpath.txt" ]; then
  rm -rf "$OLD"
  git -C "$NEW" worktree prune
  git -C "$NEW" worktree add -q --detach "$OLD" "$SHA"
  echo "building $REV ($SHA) in $OLD" >&2
  if ! (cd "$OLD" && mvn -B -q -o package -DskipTests -Dspotless.check.skip=true >"$OLD.build.log" 2>&1); then
    echo "compare-presets.sh: the build of $REV failed (see $OLD.build.log)" >&2
    exit 2
  fi
fi
. "$NEW/bin/jvm-flags.sh"
SETS=()
for s in ${COMPARE_SETS:-}; do SETS+=(--set "$s"); done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/compare-presets.XXXXXX")"
cleanup() {
  if [ "${COMPARE_KEEP_BASE:-0}" != 1 ]; then
    git -C "$NEW" worktree remove --force "$OLD" 2>/dev/null || rm -rf "$OLD"
    rm -f "$OLD.build.log"
    git -C "$NEW" worktree prune
  fi
}
trap cleanup EXIT
run() { # root config out
  java "${COLLAPSE_JVM_FLAGS[@]}" -cp "$1/benchmarks/target/classes:$(cat "$1/benchmarks/target/classpath.txt")" \
    org.collapsesim.benchmarks.InProcessSweep "$2" --out "$3" --overwrite "${SETS[@]}" >"$3.log" 2>&1
}
manifest() { # the manifest without what the determinism promise excludes, keys sorted
  jq -S 'del(.start_time, .end_time, .git_commit, .cpu, .jdk, .kernels, .engine)' "$1"
}
status=0
for config in "${PRESETS[@]}"; do
  name="$(basename "$config" .yaml)"
  for side in old new; do
    root="$OLD"; [ "$side" = new ] && root="$NEW"
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
if [ $status -eq 0 ]; then
  rm -rf "$WORK"
else
  echo "outputs kept in $WORK"
fi
exit $status
