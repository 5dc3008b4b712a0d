# Sourced by bin/collapse and the scripts: COLLAPSE_JVM_FLAGS, the flags of bin/jvm.flags (one a
# line, # comments), as a bash array.
COLLAPSE_JVM_FLAGS=()
_jvm_flags_dir="${BASH_SOURCE[0]%/*}" # no dirname: this runs at every start
[ "$_jvm_flags_dir" = "${BASH_SOURCE[0]}" ] && _jvm_flags_dir=.
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  COLLAPSE_JVM_FLAGS+=("$line")
done <"$_jvm_flags_dir/jvm.flags"
