#!/usr/bin/env bash
# Install what building (and, with `test`, testing) Seinhuis needs. Idempotent:
# each step checks first and does nothing when the tool is already there.
#   scripts/tools.sh build   Rust WASM target, wasm-bindgen CLI, wasm-opt (npm)
#   scripts/tools.sh system  Chromium, pdftotext, a PostgreSQL server, aiosmtpd
#   scripts/tools.sh test    both
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
    if [ -z "$apt_updated" ]; then
        as_root apt-get update -q
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if [ "$mode" = build ] || [ "$mode" = test ]; then
    # The WASM target of the one Rust toolchain on the machine.
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi

    # The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
        say "installing wasm-bindgen-cli $want (found: ${have:-none})"
        # An unoptimised build: it compiles in 74 s instead of about 190 s, and
        # binds the 7 MB debug bundle in 2.7 s instead of 0.7 s, to the same bytes.
        cargo install wasm-bindgen-cli --version "$want" --force --debug
    fi

    # Node packages: wasm-opt (binaryen), Playwright and axe-core, from the lock file.
    if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
        say "installing Node packages in end2end/"
        (cd end2end && npm ci --no-audit --no-fund)
    fi

fi

if [ "$mode" = system ] || [ "$mode" = test ]; then
    if [ ! -x /usr/bin/chromium ]; then
        say "installing Debian's Chromium"
        apt_install chromium
    fi
    # pdftotext: the end-to-end tests read the text of the PDFs Seinhuis makes.
    if ! command -v pdftotext >/dev/null 2>&1; then
        say "installing poppler-utils (pdftotext)"
        apt_install poppler-utils
    fi
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        say "installing PostgreSQL"
        apt_install postgresql
    fi
    # aiosmtpd, a real SMTP server for the mail tests, in a virtual environment.
    if ! target/python/bin/python -c "import aiosmtpd" >/dev/null 2>&1; then
        say "installing aiosmtpd (PyPI) into target/python"
        python3 -m venv target/python || { apt_install python3-venv && python3 -m venv target/python; }
        target/python/bin/pip install --quiet -r scripts/python/requirements-test.txt
    fi
fi
