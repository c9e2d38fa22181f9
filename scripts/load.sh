#!/usr/bin/env bash
# Load test: a release server on demo data (a fresh SQLite file), measured
# with wrk as an operator would before a Monday morning.
#   scripts/load.sh            pages for 15 s each, then five bursts of 16 log-ins
#   LOAD_SECONDS=30 scripts/load.sh
# Prints requests per second and latency percentiles per page, each page's
# share of /health's rate, and the server's RSS at start, after the pages and
# after the log-in bursts. Results are kept in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SEINHUIS_LOAD_PORT:-3900}"
seconds="${LOAD_SECONDS:-15}"
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
    echo "==> installing wrk (Debian)"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk; else sudo apt-get install -y -q wrk; fi
fi
echo "==> release build"
make build >/dev/null

work=$(mktemp -d)
SEINHUIS_DEMO_DATA=true LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
    SEINHUIS_RATE_LIMIT_PER_MINUTE=1000000 RUST_LOG=warn \
    ./target/release/seinhuis --database-url "sqlite://$work/load.db" serve 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
    curl -sf "$base/health" >/dev/null && break
    kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
done

rss() { awk '/^VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server/status"; }
threads() { awk '/^Threads/ { print $2 }' "/proc/$server/status"; }
echo "RSS at start: $(rss), $(threads) threads"

# A session of the demo coordinator, as a browser would hold it.
log_in() {
    curl -s -o /dev/null -w '%{http_code}' -c "$1" -H "Origin: $base" \
        --data-urlencode "email=ines.claeys@gent.example" --data-urlencode "password=demo-seinhuis" "$base/api/aanmelden"
}
[ "$(log_in "$work/jar")" = 200 ] || { echo "log-in failed" >&2; exit 1; }
cookie=$(awk '$6 == "seinhuis_sessie" { print $6 "=" $7 }' "$work/jar")

declare -A rate
printf '\n%-12s %10s %9s %9s %9s %9s %8s\n' page "req/s" p50 p90 p99 errors "/health"
for page in /health /gent /gent/bord; do
    out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$page")
    rate[$page]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    pct() { awk -v p="$1" '$1 == p { print $2 }' <<<"$out"; }
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
    share=$(awk -v a="${rate[$page]}" -v b="${rate[/health]}" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    printf '%-12s %10s %9s %9s %9s %9s %8s\n' "$page" "${rate[$page]}" "$(pct 50%)" "$(pct 90%)" "$(pct 99%)" "$errors" "$share"
done
echo "RSS after the pages: $(rss), $(threads) threads"

# Five bursts of 16 log-ins at once, five seconds apart (Argon2: 19 MiB each).
for burst in 1 2 3 4 5; do
    started=$(date +%s.%N)
    for i in $(seq 1 16); do log_in "$work/burst-$i" >"$work/status-$i" & done
    wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
    ok=$(cat "$work"/status-* | grep -c '^200$' || true)
    took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    echo "burst $burst: $ok of 16 log-ins in $took s, RSS $(rss), $(threads) threads"
    rm -f "$work"/status-*
    sleep 5
done
echo "RSS after five bursts of 16 log-ins: $(rss)"
