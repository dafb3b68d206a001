#!/usr/bin/env bash
# Runs every test: unit (Core), data (real SQLite, then the same suite on a real PostgreSQL), component (bUnit), and
# end to end (real Kestrel, headless Debian Chromium, two instances on PostgreSQL behind Debian's nginx). On a fresh
# Debian machine it first installs what it needs (chromium, postgresql, nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/postgres-cluster.sh

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -n "$(postgres_bin)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests..."
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start services of their own; the tests run their own throwaway servers.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
  $SUDO service nginx stop >/dev/null 2>&1 || true
fi

start_test_postgres

# The tests' output is long: a failure's message is repeated at the very end, where a log's tail shows it.
test_log="$(mktemp)"
trap 'rm -f "$test_log"; stop_test_postgres' EXIT
summarize_failures() {
  echo "==== Failed tests, with their messages ===="
  awk '/^  Failed / { show = 1; lines = 0 } /^  (Passed|Skipped) |^\[xUnit/ { show = 0 } show && lines++ < 40' "$test_log"
}
run_tests() {
  if ! "$@" 2>&1 | tee -a "$test_log"; then
    summarize_failures
    return 1
  fi
}

dotnet build NewsReader.sln -c Release -warnaserror
run_tests dotnet test NewsReader.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
run_tests env NEWSREADER_TEST_PROVIDER=PostgreSQL dotnet test tests/NewsReader.Data.Tests -c Release --no-build --logger "console;verbosity=normal" "$@"
