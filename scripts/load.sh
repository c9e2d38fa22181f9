#!/usr/bin/env bash
# Load test: a release server on demo data (a fresh SQLite file), measured
# with wrk as an operator would before a Monday morning.
#   scripts/load.sh            pages for 15 s each, the intake against its bare
#                              baseline, then five bursts of 16 log-ins
#   LOAD_SECONDS=30 scripts/load.sh
#   LOAD_NO_BUILD=1 scripts/load.sh   measure the release build already there
#   LOAD_POSTGRES=1 scripts/load.sh   the same on PostgreSQL (scripts/postgres.sh,
#                                     a fresh database); the intake's bare baseline
#                                     is SQLite's, so that pair is left out
#   SEINHUIS_BIN=path scripts/load.sh measure another build (e.g. an older commit's)
#   LOAD_SOAK=1 scripts/load.sh       instead: 200 connections for 10 minutes
#                                     over the pages and the intake, 0 errors
# Prints requests per second and latency percentiles per page (and, for
# reference, the log-in page, which reads nothing from the database), each page's
# share of /health's rate, the intake's share of the bare axum + sqlx insert
# (examples/intake_baseline.rs), and the server's RSS at start, after the
# pages and after the log-in bursts. Results are kept in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SEINHUIS_LOAD_PORT:-3900}"
seconds="${LOAD_SECONDS:-15}"
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
    echo "==> installing wrk (Debian)"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk; else sudo apt-get install -y -q wrk; fi
fi
if [ -z "${LOAD_NO_BUILD:-}" ]; then
    echo "==> release build (server, site, intake baseline)"
    make build >/dev/null
    cargo build --release --features ssr --example intake_baseline 2>/dev/null
fi

work=$(mktemp -d)
database="sqlite://$work/load.db"
if [ -n "${LOAD_POSTGRES:-}" ]; then
    scripts/postgres.sh start >/dev/null
    database=$(scripts/postgres.sh fresh seinhuis_load | tail -n 1)
fi
echo "database: ${database%%:*}"
SEINHUIS_DEMO_DATA=true LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
    SEINHUIS_RATE_LIMIT_PER_MINUTE=1000000 RUST_LOG=warn \
    "${SEINHUIS_BIN:-./target/release/seinhuis}" --database-url "$database" serve >"$work/server.out" 2>"$work/server.log" &
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

# A session of a demo person, as a browser would hold it.
log_in() {
    curl -s -o /dev/null -w '%{http_code}\n' -c "$1" -H "Origin: $base" \
        --data-urlencode "email=${2:-ines.claeys@gent.example}" --data-urlencode "password=demo-seinhuis" "$base/api/aanmelden"
}
session() { awk '$6 == "seinhuis_sessie" { print $6 "=" $7 }' "$1"; }
[ "$(log_in "$work/jar")" = 200 ] || { echo "log-in failed" >&2; exit 1; }
cookie=$(session "$work/jar")
[ "$(log_in "$work/giver" sofie.mertens@deschakel.example)" = 200 ] || { echo "log-in of the signaalgever failed" >&2; exit 1; }
giver=$(session "$work/giver")

# The intake's form fields, posted as the island does (a refusal would count as an error).
form='tenant=gent&title=Wachtlijst+voor+de+opvang&description=Gezinnen+wachten+maanden+op+een+plaats+in+de+opvang.'
form+='&target_groups%5B0%5D=armoede&life_domains%5B0%5D=wonen&area=Hele+gemeente&frequency=wekelijks'
form+='&may_contact=ja&beyond_one_person=ja&recurs=ja&structural=ja'
cat >"$work/intake.lua" <<LUA
wrk.method = "POST"
wrk.body = "$form"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$base"
LUA

# wrk's errors: answers other than 2xx/3xx, and socket errors (timeouts too).
count_errors() {
    awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$1"
}

declare -A rate
# Runs wrk and prints one line: name, req/s, p50, p90, p99, errors, share of `of`.
measure() {
    local name=$1 of=$2
    shift 2
    out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
    rate[$name]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    pct() { awk -v p="$1" '$1 == p { print $2 }' <<<"$out"; }
    errors=$(count_errors "$out")
    share=$(awk -v a="${rate[$name]}" -v b="${rate[$of]}" 'BEGIN { printf "%.0f %% of %s", 100 * a / b, "'"$of"'" }')
    printf '%-16s %10s %9s %9s %9s %7s   %s\n' "$name" "${rate[$name]}" "$(pct 50%)" "$(pct 90%)" "$(pct 99%)" "$errors" "$share"
}
if [ -n "${LOAD_SOAK:-}" ]; then
    # A soak run: 200 people at once for LOAD_SOAK_SECONDS (600), each
    # connection going round the pages a coordinator uses, every tenth
    # request a signal sent by the signaalgever. Any error fails the run.
    soak_seconds="${LOAD_SOAK_SECONDS:-600}"
    cat >"$work/soak.lua" <<LUA
local pages = {"/gent", "/gent/bord", "/gent/bundels", "/gent/knelpunten", "/gent/overleg", "/gent/rapporten", "/gent/publiek"}
local n = 0
request = function()
    n = n + 1
    if n % 10 == 0 then
        return wrk.format("POST", "/api/signaal-indienen", {["Content-Type"] = "application/x-www-form-urlencoded",
            ["Origin"] = "$base", ["Cookie"] = "$giver"}, "$form")
    end
    return wrk.format("GET", pages[n % #pages + 1], {["Cookie"] = "$cookie"})
end
LUA
    echo "soak: 200 connections for $soak_seconds s"
    out=$(wrk -t2 -c200 -d"${soak_seconds}s" --timeout 10s --latency -s "$work/soak.lua" "$base")
    echo "$out"
    errors=$(count_errors "$out")
    echo "RSS after the soak: $(rss), $(threads) threads; errors: $errors"
    [ "$errors" -eq 0 ] || { echo "the soak run had errors" >&2; exit 1; }
    exit 0
fi

printf '\n%-16s %10s %9s %9s %9s %7s   %s\n' what "req/s" p50 p90 p99 errors share
measure /health /health -H "Cookie: $cookie" "$base/health"
# For reference: the log-in page, rendered as every page is but reading
# nothing from the database (no session cookie): what Leptos alone costs.
measure /aanmelden /health "$base/aanmelden"
for page in /gent /gent/bord; do
    measure "$page" /health -H "Cookie: $cookie" "$base$page"
done
echo "RSS after the pages: $(rss), $(threads) threads"

# The intake against the same insert served by axum and sqlx alone (on SQLite).
if [ -n "${LOAD_POSTGRES:-}" ]; then
    measure intake /health -s "$work/intake.lua" -H "Cookie: $giver" "$base/api/signaal-indienen"
else
    ./target/release/examples/intake_baseline "127.0.0.1:$((port + 1))" "$work/baseline.db" >/dev/null &
    baseline=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$((port + 1))/" && break; sleep 0.2; done
    measure baseline baseline -s "$work/intake.lua" "http://127.0.0.1:$((port + 1))/intake"
    kill $baseline
    measure intake baseline -s "$work/intake.lua" -H "Cookie: $giver" "$base/api/signaal-indienen"
fi
echo "RSS after the intake: $(rss), $(threads) threads"

# Five bursts of 16 log-ins at once, five seconds apart (Argon2: 19 MiB each),
# by 16 different demo people: attempts for one address take turns, so a
# second one at the same moment is refused by design.
mapfile -t people < <(grep -o 'email = "[^"]*"' src/demo/data.toml | cut -d'"' -f2 | head -16)
for burst in 1 2 3 4 5; do
    started=$(date +%s.%N)
    pids=()
    for i in $(seq 1 16); do
        log_in "$work/burst-$i" "${people[$((i - 1))]}" >"$work/status-$i" &
        pids+=($!)
    done
    wait "${pids[@]}"
    ok=$(cat "$work"/status-* | grep -c '^200$' || true)
    took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    echo "burst $burst: $ok of 16 log-ins in $took s, RSS $(rss), $(threads) threads"
    rm -f "$work"/status-*
    sleep 5
done
echo "RSS after five bursts of 16 log-ins: $(rss)"
