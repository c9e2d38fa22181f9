#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the test suite.
#   scripts/postgres.sh start   initialise and start it (prints its URL)
#   scripts/postgres.sh stop    stop it and remove its data
#   scripts/postgres.sh fresh NAME   (re)create an empty database NAME (prints its URL)
set -euo pipefail
port="${SEINHUIS_TEST_PG_PORT:-55432}"
dir="/tmp/seinhuis-test-pg-$port"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# PostgreSQL refuses to run as root: use the postgres account when we are root.
run() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if [ -f "$dir/postmaster.pid" ] && run "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        echo "postgres://postgres@127.0.0.1:$port/postgres"
        exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    run "$bin/initdb" -D "$dir" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
fresh)
    name="${2:?name the database}"
    run "$bin/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$name"
    run "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
    echo "postgres://postgres@127.0.0.1:$port/$name"
    ;;
stop)
    if [ -d "$dir" ]; then
        run "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$dir"
    fi
    ;;
*)
    echo "usage: $0 start|stop|fresh NAME" >&2
    exit 2
    ;;
esac
