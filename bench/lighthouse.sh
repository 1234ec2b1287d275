#!/usr/bin/env bash
# Lighthouse (mobile) on the buddy's home page (`make bench-lighthouse`): a fresh SQLite
# file with one linked buddy in an active duo (one past activity to confirm, one to come),
# the release server, a signed-in session, and Lighthouse from bench/lighthouse (pinned npm
# package) in Debian's Chromium. Prints the four category scores and the key metrics of
# each run; the reports stay in bench/lighthouse/reports/.
#
# Needs KLIK_BIN (release server) and LOAD_BIN (the load-buddies binary, used to seed).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${KLIK_BIN:?path of the release klik binary}"
: "${LOAD_BIN:?path of the release load-buddies binary (bench/load)}"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
PORT="${PORT:-3410}"
RUNS="${RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
REPORTS="bench/lighthouse/reports"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/klik-lighthouse.XXXXXX")"
BASE="http://127.0.0.1:$PORT"

# shellcheck source=bench/serve.sh
. bench/serve.sh

if [ ! bench/lighthouse/node_modules/.package-lock.json -nt bench/lighthouse/package-lock.json ]; then
  (cd bench/lighthouse && npm ci --no-audit --no-fund)
fi

"$LOAD_BIN" seed "$WORK/lh.db" --buddies 1 --activities 1
start_server "$WORK/lh.db"

# Sign in as the seeded buddy.
cookie="$(sign_in buddy000@load.klik 'paarse olifant fietst naar Lier')"
[ -n "$cookie" ] || { echo "sign-in failed"; cat "$WORK/server.log"; exit 1; }
# The page must be the buddy's home, not the sign-in page.
curl -fs -H "Cookie: $cookie" "$BASE/" | grep -q 'Vrijbroekpark' \
  || { echo "/ is not the buddy's home with its activities"; exit 1; }

mkdir -p "$REPORTS"
echo "Lighthouse $(cd bench/lighthouse && npx lighthouse --version), $($CHROME_PATH --version), mobile"
for run in $(seq 1 "$RUNS"); do
  out="$REPORTS/buddy-home-$run"
  (cd bench/lighthouse && npx lighthouse "$BASE/" --quiet \
    --chrome-flags="--headless=new --no-sandbox" \
    --extra-headers "{\"Cookie\": \"$cookie\"}" \
    --output json --output html --output-path "$PWD/../../$out")
  jq -r --arg run "$run" '
    "run \($run): performance \(.categories.performance.score * 100 | round), accessibility \(.categories.accessibility.score * 100 | round), best practices \(.categories["best-practices"].score * 100 | round), SEO \(.categories.seo.score * 100 | round) | FCP \(.audits["first-contentful-paint"].displayValue), LCP \(.audits["largest-contentful-paint"].displayValue), TBT \(.audits["total-blocking-time"].displayValue), CLS \(.audits["cumulative-layout-shift"].displayValue), SI \(.audits["speed-index"].displayValue)"
  ' "$out.report.json"
  # Whatever keeps a category from 100, for the record.
  jq -r '
    [.categories[] | .auditRefs[] | select(.weight > 0) | .id] as $ids
    | .audits | to_entries[]
    | select(.key as $k | $ids | index($k))
    | select(.value.score != null and .value.score < 0.9)
    | "   below 0.9: \(.key) (\(.value.score)) \(.value.displayValue // "")"
  ' "$out.report.json"
done
echo "reports: $REPORTS/buddy-home-*.report.html"
# The same page on the same profile in Playwright's Chromium: time until it works.
if [ ! end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then
  (cd end2end && npm ci --no-audit --no-fund)
fi
(cd end2end && node hydration-time.mjs "$BASE" "$cookie" "$RUNS")
# What a phone downloads for the page: the hashed files it names, raw and as served (brotli).
page="$(curl -fs -H "Cookie: $cookie" "$BASE/")"
for file in $(printf '%s' "$page" | grep -o '/pkg/[A-Za-z0-9._-]*' | sort -u); do
  raw="$(curl -fs "$BASE$file" | wc -c)"
  br="$(curl -fs -H 'Accept-Encoding: br' "$BASE$file" | wc -c)"
  echo "download $file: $raw bytes, $br with brotli"
done
