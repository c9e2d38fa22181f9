#!/usr/bin/env bash
# The size of one browser bundle as scripts/site.sh release builds it
# (wasm-release profile, wasm-bindgen, wasm-opt -Oz), without a server:
# for trying what makes a bundle smaller. docs/benchmarks.md has results.
#   scripts/bundle-size.sh intake            # the intake bundle
#   scripts/bundle-size.sh intake,workspace  # both sets of islands in one
# RUSTFLAGS, if set, replaces .cargo/config.toml's (keep --cfg erase_components in it).
set -euo pipefail
cd "$(dirname "$0")/.."
features="${1:-intake}"
out=target/bundle-size
mkdir -p "$out"
cargo build --lib --target wasm32-unknown-unknown --features "$features" --profile wasm-release --target-dir target/wasm-size
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name bundle target/wasm-size/wasm32-unknown-unknown/wasm-release/seinhuis.wasm
end2end/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/bundle_bg.wasm" -o "$out/bundle_bg.wasm"
node -e '
    const zlib = require("zlib"), fs = require("fs");
    for (const file of process.argv.slice(1)) {
        const data = fs.readFileSync(file);
        const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
        console.log(`${file.split("/").pop().padEnd(16)} ${(data.length / 1024).toFixed(1).padStart(8)} KB raw ${(br / 1024).toFixed(1).padStart(8)} KB brotli q11`);
    }' "$out/bundle_bg.wasm" "$out/bundle.js"
