# Seinhuis: the two commands of the README, and a few more.
#   make run     build (release) and start on http://127.0.0.1:3000 with demo data
#   make test    install what is missing, then run every test
#   make build   release build of server and site, without starting
#   make dev     debug build, started like `make run` (faster to build)

.PHONY: run build test dev tools clean

run: build
	SEINHUIS_DEMO_DATA=true ./target/release/seinhuis serve

build:
	scripts/build.sh

test:
	scripts/test.sh

dev: tools
	cargo build --features ssr --bin seinhuis
	scripts/site.sh debug
	SEINHUIS_DEMO_DATA=true LEPTOS_SITE_ROOT=target/site-dev ./target/debug/seinhuis serve

tools:
	scripts/tools.sh build

clean:
	cargo clean
	rm -rf data end2end/node_modules
