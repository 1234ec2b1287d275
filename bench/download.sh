#!/usr/bin/env bash
# What a browser downloads to show a page and make it work, empty cache (`make bench-download`,
# not part of `make test`): the demo programme on a fresh SQLite file, the release server, the
# buddy's pages signed in as the demo buddy, the coordinator's as the demo coordinator, each
# page loaded in Chromium until it is hydrated (end2end/download-size.mjs); then how long the
# coordinator waits for their pages to work (end2end/hydration-time.mjs; TIMES=0 skips it).
#
# Needs KLIK_BIN (release server).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${KLIK_BIN:?path of the release klik binary}"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
PORT="${PORT:-3420}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/klik-download.XXXXXX")"
BASE="http://127.0.0.1:$PORT"

# shellcheck source=bench/serve.sh
. bench/serve.sh

DATABASE_URL="sqlite://$WORK/demo.db" "$KLIK_BIN" demo > "$WORK/accounts.txt"
start_server "$WORK/demo.db"

# Signs in as the demo account of a role.
session() {
  local email password
  read -r _ email password < <(grep -E "^ *$1 " "$WORK/accounts.txt")
  sign_in "$email" "$password"
}
buddy="$(session buddy)"
coordinator="$(session coordinator)"
[ -n "$buddy" ] && [ -n "$coordinator" ] || { echo "sign-in failed"; cat "$WORK/accounts.txt"; exit 1; }

# The buddy's first activity and duo, as their home links them.
home="$(curl -fs -H "Cookie: $buddy" "$BASE/")"
activity="$(grep -o '/buddy/activities/[0-9]*' <<< "$home" | head -n 1)"
plan="$(grep -o '/buddy/duos/[0-9]*/plan' <<< "$home" | head -n 1)"

echo "buddy:"
node end2end/download-size.mjs "$BASE" "$buddy" / "$activity" "$plan" /calendar /account
echo "visitor:"
node end2end/download-size.mjs "$BASE" - /login /register
echo "coordinator:"
node end2end/download-size.mjs "$BASE" "$coordinator" / /participants /board /reports

# How long until the coordinator's pages work, on a desk (no throttling) and on the phone
# profile (slow 4G, 4x CPU): the home needs the main bundle only, the others the staff file too.
if [ "${TIMES:-1}" = 1 ]; then
  for path in / /participants /board; do
    node end2end/hydration-time.mjs "$BASE" "$coordinator" 5 "$path" desktop
    node end2end/hydration-time.mjs "$BASE" "$coordinator" 5 "$path"
  done
fi
