# Start a throw-away PostgreSQL server on a loopback port for the store's tests.
# Sourced by .ci/run; exports PARLEY_TEST_PG.
PG_PORT=${PG_PORT:-55432}
PG_DIR=${PG_DIR:-/tmp/parley-ci-pg}

_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

start_postgres() {
  local bin; bin=$(_pg_bin)
  local run_as=()
  if [ "$(id -u)" = 0 ]; then
    id parleypg >/dev/null 2>&1 || useradd --system --no-create-home parleypg
    run_as=(runuser -u parleypg --)
  fi
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown parleypg "$PG_DIR"
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U parley --auth=trust -E UTF8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" -l "$PG_DIR/log" -w start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U parley parley_test
  export PARLEY_TEST_PG="postgresql+psycopg://parley@127.0.0.1:$PG_PORT/parley_test"
  echo "PostgreSQL started on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  local bin; bin=$(_pg_bin)
  local run_as=()
  [ "$(id -u)" = 0 ] && run_as=(runuser -u parleypg --)
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
