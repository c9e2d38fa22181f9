#!/usr/bin/env bash
# Release build of the server and the site (`make build`, and so `make run`).
# The server compiles in the background while the tools are installed and
# the site is built: on two cores each build's slow single steps (one big
# crate, a link) leave the other a core to use.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
say() { printf '==> [%4ds] %s\n' "$((SECONDS - started))" "$*"; }

mkdir -p target
say "building the server (release) in the background (log: target/build-server.log)"
# --timings: target/cargo-timings/ shows where the time went.
cargo build --release --features ssr --bin seinhuis --timings >target/build-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
scripts/tools.sh build
scripts/site.sh release
say "site built; waiting for the server"
if ! wait "$server"; then
    tail -n 80 target/build-server.log >&2
    echo "the server's release build failed (the end of its log is above)" >&2
    exit 1
fi
trap - EXIT
say "server and site built"
