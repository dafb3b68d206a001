# A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder as an unprivileged user, a free
# port on loopback, trust authentication (nothing else can reach it), removed when the shell exits.
# Source it, then call start_test_postgres (tests/run-all.sh installs postgresql first); it exports
# NEWSREADER_TEST_POSTGRES, an Npgsql connection string.

postgres_bin() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ]; then echo "$bin"; return; fi
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the cluster's owner: root may not own a cluster, so as root that is nobody.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

stop_test_postgres() {
  if [ -n "${TEST_POSTGRES_DIR:-}" ] && [ -d "$TEST_POSTGRES_DIR" ]; then
    as_owner "$(postgres_bin)/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$TEST_POSTGRES_DIR"
  fi
}

start_test_postgres() {
  local bin port
  bin="$(postgres_bin)"
  port="$(free_port)"
  TEST_POSTGRES_DIR="$(mktemp -d /tmp/newsreader-postgres-XXXXXX)"
  chmod 755 "$TEST_POSTGRES_DIR"
  if [ "$(id -u)" = 0 ]; then chown nobody "$TEST_POSTGRES_DIR"; fi
  trap stop_test_postgres EXIT
  as_owner "$bin/initdb" -D "$TEST_POSTGRES_DIR/data" -U newsreader --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability is not what the tests measure: fsync off makes each test's CREATE DATABASE quick.
  as_owner "$bin/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w -o \
    "-p $port -k $TEST_POSTGRES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export NEWSREADER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=newsreader;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on port $port"
}
