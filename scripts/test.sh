#!/usr/bin/env bash
# Every test: formatting and lints, unit, integration on SQLite and on a
# PostgreSQL server started here (and stopped afterwards), and end-to-end in
# headless Chromium.
#
# Work runs side by side where it can (two cores: while one job waits on a
# single big crate, a link or a database, the other uses the core):
#   - the browser lane (tools, the debug site) beside the server's build;
#   - the end-to-end tests as soon as the server and the site are built,
#     beside the build of the tests and then the integration tests, each
#     with its own databases and SMTP server.
# Lints cost no build of their own: clippy-driver compiles this crate's
# targets for the tests (as `cargo clippy` does for a check), so the
# dependencies are compiled once, for real, and never again for a check.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
say() { printf '==> [%4ds] %s\n' "$((SECONDS - started))" "$*"; }

for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
# What `cargo clippy -- -D warnings` hands clippy-driver, for every build below
# (the same value everywhere, or cargo would rebuild this crate).
export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
RUSTC_WORKSPACE_WRAPPER=$(rustup which clippy-driver)

say "formatting"
cargo fmt --check

mkdir -p target
say "browser lane in the background (log: target/test-browser-lane.log)"
(
    # Installing a tool builds someone else's crate: no lints of ours there.
    env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS scripts/tools.sh build
    # Both islands bundles, linted as they are compiled.
    scripts/site.sh debug
) >target/test-browser-lane.log 2>&1 &
browser_lane=$!
e2e=""
smtp_pids=()
cleanup() {
    kill "$browser_lane" ${e2e:+"$e2e"} 2>/dev/null || true
    [ "${#smtp_pids[@]}" -eq 0 ] || kill "${smtp_pids[@]}" 2>/dev/null || true
    [ -z "${SEINHUIS_TEST_POSTGRES_URL:-}" ] || scripts/postgres.sh stop
}
trap cleanup EXIT

say "tools for the tests (Chromium, PostgreSQL, pdftotext, aiosmtpd)"
scripts/tools.sh system
say "building (and linting) the server"
# The end-to-end tests need only the server and the site: they start as soon
# as both are built, and run while the tests' own binaries compile.
cargo build --features ssr --bin seinhuis
say "waiting for the browser lane"
if ! wait "$browser_lane"; then
    cat target/test-browser-lane.log >&2
    echo "the browser lane failed (its log is above)" >&2
    exit 1
fi
say "browser lane done: debug site built and linted"

say "starting PostgreSQL and two SMTP servers on loopback"
export SEINHUIS_TEST_POSTGRES_URL SEINHUIS_E2E_POSTGRES_URL
SEINHUIS_TEST_POSTGRES_URL=$(scripts/postgres.sh start)
# The live board's end-to-end tests run a second server on PostgreSQL.
SEINHUIS_E2E_POSTGRES_URL=$(scripts/postgres.sh fresh seinhuis_e2e)
smtp() { # address maildir
    rm -rf "$2"
    target/python/bin/python -m aiosmtpd -n -l "$1" -c aiosmtpd.handlers.Mailbox "$2" &
    smtp_pids+=($!)
}
smtp 127.0.0.1:2525 "$PWD/target/test-maildir"
smtp 127.0.0.1:2526 "$PWD/target/e2e-maildir"

say "end-to-end tests in Chromium, in the background (log: target/test-e2e.log)"
(cd end2end && SEINHUIS_TEST_SMTP=127.0.0.1:2526 SEINHUIS_TEST_MAILDIR="$PWD/../target/e2e-maildir" npx playwright test) \
    >target/test-e2e.log 2>&1 &
e2e=$!

say "building (and linting) the unit and integration tests and the examples"
# The same features as the server's build above: its binary is not rebuilt.
cargo test --features ssr --no-run
say "unit and integration tests (SQLite and PostgreSQL)"
# One scenario at a time: with many at once in one process, a server-rendered
# page now and then never finished (a 408 after 30 s, on both backends, also
# before issue 8). The cause is not found yet; one at a time costs ~10 s.
SEINHUIS_TEST_SMTP=127.0.0.1:2525 SEINHUIS_TEST_MAILDIR="$PWD/target/test-maildir" \
    cargo test --features ssr -- --test-threads=1

say "waiting for the end-to-end tests"
e2e_status=0
wait "$e2e" || e2e_status=$?
e2e=""
cat target/test-e2e.log
[ "$e2e_status" -eq 0 ] || { echo "the end-to-end tests failed (above)" >&2; exit 1; }

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
