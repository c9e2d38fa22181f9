#!/usr/bin/env bash
# Build the browser side of the site: the WASM bundle (hydrate feature), its JS
# glue, the stylesheet and the public files.
#   scripts/site.sh release   -> target/site      (opt-level z, LTO, wasm-opt)
#   scripts/site.sh debug     -> target/site-dev  (fast to build, for tests)
# Debug and release sites live apart: a server must not hydrate the other's WASM.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-release}"

if [ "$mode" = release ]; then
    profile=wasm-release; site=target/site
else
    profile=dev; site=target/site-dev
fi
out=target/wasm/wasm32-unknown-unknown/$([ "$profile" = dev ] && echo debug || echo "$profile")

cargo build --lib --target wasm32-unknown-unknown --features hydrate --profile "$profile" --target-dir target/wasm
rm -rf "$site/pkg"
mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name seinhuis "$out/seinhuis.wasm"
if [ "$mode" = release ]; then
    end2end/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        "$site/pkg/seinhuis_bg.wasm" -o "$site/pkg/seinhuis_bg.wasm"
fi
cp style/main.css "$site/pkg/seinhuis.css"
cp -r public/. "$site/"
echo "site built in $site"
