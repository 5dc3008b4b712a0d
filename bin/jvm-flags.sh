# Sourced by bin/collapse and the scripts: COLLAPSE_JVM_FLAGS, the flags of bin/jvm.flags (one a
# line, # comments), as a bash array.
COLLAPSE_JVM_FLAGS=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  COLLAPSE_JVM_FLAGS+=("$line")
done <"$(dirname "${BASH_SOURCE[0]}")/jvm.flags"
