#!/usr/bin/env bash
# Every test: unit, integration on SQLite and on a PostgreSQL server started
# here (and stopped afterwards), and end-to-end in headless Chromium.
#
# The builds run in two lanes at once: the browser's (its WASM lints and the
# debug site, in target/wasm) beside the server's (lints, then the server and
# test binaries, in target). On two cores each lane's slow single steps
# leave the other lane a core to use.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
say() { printf '==> [%4ds] %s\n' "$((SECONDS - started))" "$*"; }

mkdir -p target
say "browser lane in the background (log: target/test-browser-lane.log)"
(
    scripts/tools.sh build
    # Both islands bundles' code as scripts/site.sh builds it (same target dir and profile).
    cargo clippy --lib --target wasm32-unknown-unknown --features intake,workspace --target-dir target/wasm -- -D warnings
    scripts/site.sh debug
) >target/test-browser-lane.log 2>&1 &
browser_lane=$!
smtp_pid=""
cleanup() {
    kill "$browser_lane" 2>/dev/null || true
    [ -z "$smtp_pid" ] || kill "$smtp_pid" 2>/dev/null || true
    [ -z "${SEINHUIS_TEST_POSTGRES_URL:-}" ] || scripts/postgres.sh stop
}
trap cleanup EXIT
browser_done() {
    if ! wait "$browser_lane"; then
        cat target/test-browser-lane.log >&2
        echo "the browser lane failed (its log is above)" >&2
        exit 1
    fi
    say "browser lane done: WASM lints clean, debug site built"
}

say "tools for the tests (Chromium, PostgreSQL, pdftotext, aiosmtpd)"
scripts/tools.sh system
for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
say "formatting and server lints"
cargo fmt --check
cargo clippy --features ssr --all-targets -- -D warnings
say "building the server and the test binaries"
# `cargo test` builds the server binary too (the integration tests start it),
# with the same features as `cargo build --bin`: one build serves both.
cargo test --features ssr --no-run
browser_done

say "starting PostgreSQL and an SMTP server on loopback"
export SEINHUIS_TEST_POSTGRES_URL SEINHUIS_TEST_SMTP=127.0.0.1:2525 SEINHUIS_TEST_MAILDIR="$PWD/target/test-maildir"
SEINHUIS_TEST_POSTGRES_URL=$(scripts/postgres.sh start)
# The live board's end-to-end tests run a second server on PostgreSQL.
export SEINHUIS_E2E_POSTGRES_URL
SEINHUIS_E2E_POSTGRES_URL=$(scripts/postgres.sh fresh seinhuis_e2e)
rm -rf "$SEINHUIS_TEST_MAILDIR"
target/python/bin/python -m aiosmtpd -n -l "$SEINHUIS_TEST_SMTP" -c aiosmtpd.handlers.Mailbox "$SEINHUIS_TEST_MAILDIR" &
smtp_pid=$!

say "unit and integration tests (SQLite and PostgreSQL)"
# One scenario at a time: with many at once in one process, a server-rendered
# page now and then never finished (a 408 after 30 s, on both backends, also
# before issue 8). The cause is not found yet; one at a time costs ~10 s.
cargo test --features ssr -- --test-threads=1

say "end-to-end tests in Chromium"
(cd end2end && npx playwright test)

say "the end-to-end servers' logs: no error, no token, no password"
# The servers logged at info to these files (end2end/playwright.config.ts).
# Links must appear masked (/uitnodiging/…, sleutel=…), never with their token.
leaks=' ERROR |/uitnodiging/[A-Za-z0-9_-]{16,}|/bevestigen/[A-Za-z0-9_-]{16,}|/volgen/[A-Za-z0-9_-]{16,}'
leaks+='|sleutel=[^.…&[:space:]]|wachtwoord-instellen/[A-Za-z0-9_-]|password=|"password":|demo-seinhuis|[0-9a-f]{64}'
for log in target/e2e/server.log target/e2e-pg/server.log; do
    [ -s "$log" ] || { echo "no end-to-end server log at $log" >&2; exit 1; }
    if grep -nE "$leaks" "$log"; then
        echo "the end-to-end server's log $log holds an error, a token or a password (lines above)" >&2
        exit 1
    fi
    echo "$log: $(wc -l < "$log") lines, no error, token or password"
done
say "all tests passed"
