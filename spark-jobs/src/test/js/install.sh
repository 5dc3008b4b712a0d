#!/usr/bin/env bash
# Installs the independent readers' npm packages into ./node_modules (git-ignored).
# Idempotent: `npm ci` from the committed package-lock.json when it exists, else `npm install`
# (which generates the lock file to commit). Skips the install when node_modules was installed
# after the lock file last changed and holds both readers' packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v node >/dev/null 2>&1 || { echo "install.sh: node is not on PATH (need node >= 20)" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is not on PATH" >&2; exit 1; }

if [[ -f package-lock.json ]]; then
  # npm writes node_modules/.package-lock.json at the end of a successful install; newer than
  # the lock file means the install matches the lock file as it is now.
  if [[ -d node_modules && node_modules/.package-lock.json -nt package-lock.json ]] \
     && [[ -d node_modules/apache-arrow && -d node_modules/@duckdb/node-api && -d node_modules/puppeteer-core ]]; then
    echo "install.sh: node_modules is up to date"
    exit 0
  fi
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
