#!/usr/bin/env bash
# Load test of the buddy's phone (`make bench-load`): 200 buddies confirming activities for
# 60 seconds against the release server on a fresh SQLite file. For each think time in
# THINK_MS (default: back to back, then 1 s between actions) it seeds a new database, starts
# `klik serve` on it, signs every buddy in, runs the measured window, checks that every
# acknowledged confirmation is stored, and stops the server.
#
# Needs the release server (KLIK_BIN) and the load generator (LOAD_BIN, the example
# `bench/load/src/main.rs` built with --release); the Makefile passes both.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${KLIK_BIN:?path of the release klik binary}"
: "${LOAD_BIN:?path of the release load-buddies binary (bench/load)}"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
PORT="${PORT:-3400}"
BUDDIES="${BUDDIES:-200}"
SECONDS_RUN="${SECONDS_RUN:-60}"
ACTIVITIES="${ACTIVITIES:-600}"
THINK_MS="${THINK_MS:-0 1000}"
LOGIN_CONCURRENCY="${LOGIN_CONCURRENCY:-2}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/klik-load.XXXXXX")"

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $KLIK_BIN (KLIK_DB_MAX_CONNECTIONS=${KLIK_DB_MAX_CONNECTIONS:-default})"

for think in $THINK_MS; do
  db="$WORK/load-$think.db"
  echo
  echo "==> seeding $BUDDIES buddies, $ACTIVITIES past activities each, into $db"
  "$LOAD_BIN" seed "$db" --buddies "$BUDDIES" --activities "$ACTIVITIES"

  echo "==> starting klik serve on 127.0.0.1:$PORT"
  DATABASE_URL="sqlite://$db" KLIK_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE_ROOT" \
    LEPTOS_ENV=PROD "$KLIK_BIN" serve > "$WORK/server-$think.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null; then break; fi
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null || {
    echo "the server did not start:"; cat "$WORK/server-$think.log"; exit 1; }

  echo "==> $BUDDIES buddies for $SECONDS_RUN s, think time $think ms"
  "$LOAD_BIN" run "$db" --addr "127.0.0.1:$PORT" --pid "$server_pid" --buddies "$BUDDIES" \
    --seconds "$SECONDS_RUN" --think-ms "$think" --login-concurrency "$LOGIN_CONCURRENCY"
  stop_server
  echo "server log: $(wc -l < "$WORK/server-$think.log") lines, $(grep -ci 'error' "$WORK/server-$think.log" || true) mention an error"
done
