# Sourced by bench/download.sh and bench/lighthouse.sh: the release server on a SQLite file of
# their own, stopped (and the work folder removed) when the script ends, and signing in.
# Needs KLIK_BIN, SITE_ROOT, PORT, WORK and BASE set by the script.

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_server EXIT

# start_server DB_FILE: serves it in the background until the script ends; waits until ready.
start_server() {
  DATABASE_URL="sqlite://$1" KLIK_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE_ROOT" \
    LEPTOS_ENV=PROD "$KLIK_BIN" serve > "$WORK/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if curl -fs "$BASE/healthz" > /dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the server did not start"; cat "$WORK/server.log"; return 1
}

# sign_in EMAIL PASSWORD: prints the session cookie, the way the sign-in form's fetch gets it.
sign_in() {
  curl -fs -D - -o /dev/null -X POST "$BASE/api/login" \
    -H "Origin: $BASE" -H 'Accept: application/json' \
    --data-urlencode "input[email]=$1" --data-urlencode "input[password]=$2" \
    | tr -d '\r' | sed -n 's/^set-cookie: \(klik_session=[^;]*\).*/\1/Ip' | head -n 1
}
