#!/usr/bin/env bash
# The intake page's download weight on a first visit (HTML, WASM, JS, CSS;
# brotli) in a release build, measured in Chromium; the budget is 250 KB of
# WASM, JS and CSS as sent. Results go in docs/benchmarks.md.
#   scripts/page-weight.sh
set -euo pipefail
cd "$(dirname "$0")/.."
make build
port=3200
dir=$(mktemp -d)
LEPTOS_SITE_ADDR=127.0.0.1:$port SEINHUIS_DATABASE_URL="sqlite://$dir/seinhuis.db" SEINHUIS_DEMO_DATA=true \
    RUST_LOG=warn ./target/release/seinhuis serve &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
(cd end2end && node page-weight.mjs "http://127.0.0.1:$port")
