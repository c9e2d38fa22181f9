#!/usr/bin/env bash
# Build the server and the site.
#   scripts/build.sh release   optimised, for operators (`make build`):
#                              target/release/seinhuis and target/site
#   scripts/build.sh debug     quick to compile, for trying Seinhuis (`make run`):
#                              target/debug/seinhuis and target/site-dev
# The server compiles in the background while the tools are installed and
# the site is built: on two cores each build's slow single steps (one big
# crate, a link) leave the other a core to use.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-release}"
started=$SECONDS
say() { printf '==> [%4ds] %s\n' "$((SECONDS - started))" "$*"; }

mkdir -p target
profile=$([ "$mode" = release ] && echo release || echo dev)
say "building the server ($mode) in the background (log: target/build-server.log)"
# --timings: target/cargo-timings/ shows where the time went.
cargo build --profile "$profile" --features ssr --bin seinhuis --timings >target/build-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
scripts/tools.sh build
scripts/site.sh "$mode"
say "site built; waiting for the server"
if ! wait "$server"; then
    tail -n 80 target/build-server.log >&2
    echo "the server's build failed (the end of its log is above)" >&2
    exit 1
fi
trap - EXIT
say "server and site built"
