#!/usr/bin/env bash
# Installs the Debian packages the report tests drive: chromium (the headless browser that opens
# report.html), python3-pandas and r-base-core (the pandas and R examples, run on the CSV outputs).
# Idempotent: a package whose command is already there is not touched. Needs root for apt-get;
# without it (or without apt-get) it says what is missing and exits 0, and the tests that need a
# missing tool are skipped with a message naming it.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || missing+=(python3-pandas)
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-tools.sh: chromium, python3-pandas and r-base-core are installed"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tools.sh: cannot install ${missing[*]} (needs root and apt-get);" \
       "the tests that need them will be skipped" >&2
  exit 0
fi
echo "install-tools.sh: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-tools.sh: installed ${missing[*]}"
