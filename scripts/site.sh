#!/usr/bin/env bash
# Build the browser side of the site: the two Leptos islands bundles (intake:
# the workers' and citizens' forms; workspace: every other page), their JS
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

rm -rf "$site/pkg"
mkdir -p "$site/pkg"
# Both bundles come out of the same library, so each is bound before the next build.
for bundle in seinhuis:workspace intake:intake; do
    name=${bundle%%:*}; feature=${bundle#*:}
    cargo build --lib --target wasm32-unknown-unknown --features "$feature" --profile "$profile" --target-dir target/wasm
    wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name "$name" "$out/seinhuis.wasm"
    if [ "$mode" = release ]; then
        end2end/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
            "$site/pkg/${name}_bg.wasm" -o "$site/pkg/${name}_bg.wasm"
    fi
done
if [ "$mode" = release ]; then
    # Without comments and runs of white space (nothing inside a rule changes).
    node -e '
        const fs = require("fs");
        const css = fs.readFileSync(process.argv[1], "utf8");
        fs.writeFileSync(process.argv[2], css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ").replace(/\s*([{};])\s*/g, "$1").trim());
    ' style/main.css "$site/pkg/seinhuis.css"
else
    cp style/main.css "$site/pkg/seinhuis.css"
fi
cp -r public/. "$site/"
if [ "$mode" = release ]; then
    # Compressed once at the best level; the server sends these as they are.
    node -e '
        const zlib = require("zlib"), fs = require("fs");
        for (const file of process.argv.slice(1)) {
            const data = fs.readFileSync(file);
            fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
            fs.writeFileSync(file + ".gz", zlib.gzipSync(data, { level: 9 }));
        }' "$site"/pkg/*.wasm "$site"/pkg/*.js "$site"/pkg/*.css
fi
echo "site built in $site"
