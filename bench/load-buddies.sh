#!/usr/bin/env bash
# Load test of the buddy's phone (`make bench-load`, `make bench-load-postgres`,
# `make bench-crash`): buddies confirming activities against the release server. For each
# think time in THINK_MS (default: back to back, then 1 s between actions) it seeds a new
# database, starts INSTANCES `klik serve` processes on it, signs every buddy in, runs the
# measured window, checks that every acknowledged confirmation is stored and none applied
# twice, and stops the servers.
#
#   DB=sqlite|postgres   the database (postgres: a fresh database klik_load on PG_URL's server)
#   INSTANCES=N          servers on the one database, the phones spread over them
#                        (default 1 on SQLite, 3 on PostgreSQL)
#   CHAOS=...            what happens CHAOS_AT seconds into the window (default: a third):
#     kill               kill -9 of the first instance (its phones go to the others)
#     kill-restart       kill -9 of the first instance, started again at once
#     term               SIGTERM to the first instance: how long until it exits
#     pg-stop            PostgreSQL stopped for PG_DOWN seconds (default 10), then started
#     backup             `klik backup` of the SQLite database; afterwards it is restored
#                        and every confirmation acknowledged before it began must be in it
#
# Needs the release server (KLIK_BIN) and the load generator (LOAD_BIN, the example
# `bench/load/src/main.rs` built with --release); the Makefile passes both.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${KLIK_BIN:?path of the release klik binary}"
: "${LOAD_BIN:?path of the release load-buddies binary (bench/load)}"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
PORT="${PORT:-3400}"
DB="${DB:-sqlite}"
BUDDIES="${BUDDIES:-200}"
SECONDS_RUN="${SECONDS_RUN:-60}"
ACTIVITIES="${ACTIVITIES:-600}"
THINK_MS="${THINK_MS:-0 1000}"
LOGIN_CONCURRENCY="${LOGIN_CONCURRENCY:-2}"
CHAOS="${CHAOS:-none}"
CHAOS_AT="${CHAOS_AT:-$((SECONDS_RUN / 3))}"
PG_DOWN="${PG_DOWN:-10}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if [ "$DB" = postgres ]; then INSTANCES="${INSTANCES:-3}"; else INSTANCES="${INSTANCES:-1}"; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/klik-load.XXXXXX")"

pids=()
stop_servers() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  pids=()
}
pg_cluster() { pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main "$1"; }
cleanup() {
  stop_servers
  # Never leave the machine's PostgreSQL stopped.
  if [ "$CHAOS" = pg-stop ] && ! pg_isready -q -h 127.0.0.1 2>/dev/null; then pg_cluster start || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_ready() { # port log
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$1/readyz" > /dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the server on port $1 did not start:"; cat "$2"; exit 1
}

start_server() { # index url log
  local port=$((PORT + $1))
  DATABASE_URL="$2" KLIK_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$SITE_ROOT" \
    LEPTOS_ENV=PROD "$KLIK_BIN" serve >> "$3" 2>&1 &
  pids[$1]=$!
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $KLIK_BIN (KLIK_DB_MAX_CONNECTIONS=${KLIK_DB_MAX_CONNECTIONS:-default}), $DB, $INSTANCES instance(s), chaos: $CHAOS"

for think in $THINK_MS; do
  if [ "$DB" = postgres ]; then
    url="${PG_URL%/*}/klik_load"
    psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS klik_load WITH (FORCE)" -c "CREATE DATABASE klik_load"
    target="$url"
  else
    url="sqlite://$WORK/load-$think.db"
    target="$WORK/load-$think.db"
  fi
  echo
  echo "==> seeding $BUDDIES buddies, $ACTIVITIES past activities each ($DB)"
  "$LOAD_BIN" seed "$target" --buddies "$BUDDIES" --activities "$ACTIVITIES"

  addrs=""; pidlist=""
  for i in $(seq 0 $((INSTANCES - 1))); do
    start_server "$i" "$url" "$WORK/server-$think-$i.log"
    addrs="$addrs${addrs:+,}127.0.0.1:$((PORT + i))"
  done
  for i in $(seq 0 $((INSTANCES - 1))); do
    wait_ready $((PORT + i)) "$WORK/server-$think-$i.log"
    pidlist="$pidlist${pidlist:+,}${pids[$i]}"
  done
  echo "==> $BUDDIES buddies for $SECONDS_RUN s, think time $think ms, instances $addrs"
  : > "$WORK/run.log" # before `tail -f` below opens it
  "$LOAD_BIN" run "$target" --addr "$addrs" --pid "$pidlist" --buddies "$BUDDIES" \
    --seconds "$SECONDS_RUN" --think-ms "$think" --login-concurrency "$LOGIN_CONCURRENCY" \
    --acks "$WORK/acks-$think" > "$WORK/run.log" 2>&1 &
  load=$!
  tail -f "$WORK/run.log" --pid "$load" &
  if [ "$CHAOS" != none ]; then
    until grep -q '^READY' "$WORK/run.log"; do
      kill -0 "$load" 2>/dev/null || break
      sleep 0.1
    done
    sleep "$CHAOS_AT"
    victim="${pids[0]}"
    case "$CHAOS" in
      kill)
        echo "==> $(date +%T.%N | cut -c1-12) kill -9 of instance 0 (pid $victim), ${CHAOS_AT} s into the window"
        kill -KILL "$victim"; wait "$victim" 2>/dev/null || true ;;
      kill-restart)
        echo "==> $(date +%T.%N | cut -c1-12) kill -9 of instance 0 (pid $victim), ${CHAOS_AT} s into the window"
        kill -KILL "$victim"; wait "$victim" 2>/dev/null || true
        t0=$(date +%s.%N)
        start_server 0 "$url" "$WORK/server-$think-0.log"
        wait_ready "$PORT" "$WORK/server-$think-0.log"
        echo "==> restarted as pid ${pids[0]}, ready after $(echo "$(date +%s.%N) - $t0" | bc) s" ;;
      term)
        echo "==> SIGTERM to instance 0 (pid $victim), ${CHAOS_AT} s into the window"
        t0=$(date +%s.%N)
        kill -TERM "$victim"; status=0; wait "$victim" || status=$?
        echo "==> instance 0 exited with status $status after $(echo "$(date +%s.%N) - $t0" | bc) s" ;;
      pg-stop)
        echo "==> PostgreSQL stopped for $PG_DOWN s, ${CHAOS_AT} s into the window"
        pg_cluster stop
        sleep "$PG_DOWN"
        pg_cluster start
        echo "==> PostgreSQL started again, $((CHAOS_AT + PG_DOWN)) s into the window (and the time to start it)" ;;
      backup)
        [ "$DB" = sqlite ] || { echo "CHAOS=backup is for SQLite (PostgreSQL: pg_dump)"; exit 2; }
        backup_began=$(date +%s%3N)
        t0=$(date +%s.%N)
        DATABASE_URL="$url" "$KLIK_BIN" backup "$WORK/backup-$think.sqlite"
        echo "==> backup under load, ${CHAOS_AT} s into the window: written and checked in $(echo "$(date +%s.%N) - $t0" | bc) s, $(du -h "$WORK/backup-$think.sqlite" | cut -f1)" ;;
      *) echo "unknown CHAOS=$CHAOS"; exit 2 ;;
    esac
  fi
  status=0; wait "$load" || status=$?
  sleep 0.2
  [ "$status" = 0 ] || { echo "the load generator failed ($status)"; exit 1; }
  stop_servers
  if [ "$CHAOS" = backup ]; then
    restored="$WORK/restored-$think/klik.db"
    DATABASE_URL="sqlite://$restored" "$KLIK_BIN" restore "$WORK/backup-$think.sqlite"
    "$LOAD_BIN" check-backup "$restored" --acks "$WORK/acks-$think" --before "$backup_began"
  fi
  for i in $(seq 0 $((INSTANCES - 1))); do
    log="$WORK/server-$think-$i.log"
    echo "server $i log: $(wc -l < "$log") lines, $(grep -ci 'error' "$log" || true) mention an error, $(grep -c '"status":"503"\|database unavailable' "$log" || true) an unavailable database"
  done
done
