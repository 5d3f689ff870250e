# Start and stop a throwaway PostgreSQL server on a loopback port for the tests.
# Source this file, then: pg_test_start; ...; pg_test_stop. Sets PG_TEST_URL.

pg_test_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then echo "pg: no PostgreSQL server binaries found" >&2; return 1; fi
  PG_TEST_PORT=${PG_TEST_PORT:-55432}
  PG_TEST_DIR=$(mktemp -d /tmp/tipwatch-pg.XXXXXX)
  local runas=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_TEST_DIR"
    runas=(runuser -u postgres --)
  fi
  "${runas[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U tipwatch --auth=trust -E UTF8 >/dev/null
  "${runas[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-p $PG_TEST_PORT -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c fsync=off" start >/dev/null
  "${runas[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_TEST_PORT" -U tipwatch tipwatch_test
  PG_TEST_BINDIR=$bindir
  PG_TEST_RUNAS=("${runas[@]}")
  PG_TEST_URL="postgresql+psycopg://tipwatch@127.0.0.1:$PG_TEST_PORT/tipwatch_test"
  export PG_TEST_URL
  echo "pg: test server on 127.0.0.1:$PG_TEST_PORT"
}

pg_test_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_RUNAS[@]}" "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  echo "pg: test server stopped"
}
