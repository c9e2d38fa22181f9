# Seinhuis: the two commands of the README, and a few more.
#   make run       build (quick to compile) and start on http://127.0.0.1:3000 with demo data
#   make test      install what is missing, then run every test
#   make build     optimised release build of server and site, for operators
#   make run-release   the release build, started like `make run`

.PHONY: run run-release build test dev tools clean

run:
	scripts/build.sh debug
	SEINHUIS_DEMO_DATA=true LEPTOS_SITE_ROOT=target/site-dev ./target/debug/seinhuis serve

run-release: build
	SEINHUIS_DEMO_DATA=true ./target/release/seinhuis serve

build:
	scripts/build.sh release

test:
	scripts/test.sh

# The name earlier READMEs gave `make run`'s quick build.
dev: run

tools:
	scripts/tools.sh build

clean:
	cargo clean
	rm -rf data end2end/node_modules
