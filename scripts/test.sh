#!/usr/bin/env bash
# Every test: unit, integration on SQLite and on a PostgreSQL server started
# here (and stopped afterwards), and end-to-end in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh test

echo "==> starting PostgreSQL on loopback"
export SEINHUIS_TEST_POSTGRES_URL
SEINHUIS_TEST_POSTGRES_URL=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT

echo "==> building the debug site and server"
scripts/site.sh debug
cargo build --features ssr --bin seinhuis

echo "==> unit and integration tests (SQLite and PostgreSQL)"
cargo test --features ssr

echo "==> end-to-end tests in Chromium"
(cd end2end && npx playwright test)
