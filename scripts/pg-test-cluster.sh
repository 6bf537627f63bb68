#!/usr/bin/env bash
# pg-test-cluster.sh start|stop DIR
#
# A throwaway PostgreSQL cluster for the store tests. `start` creates a cluster that listens
# only on a Unix socket (listen_addresses=''), creates the database imagecache_test and writes
# its URL to DIR/url (and prints it). When PostgreSQL is not installed it writes the reason to
# DIR/skip-reason and exits 0, so the tests can skip with that message. `stop` stops the
# cluster and deletes its files.
#
# PostgreSQL refuses to run as root; as root the cluster belongs to the `postgres` system
# user and lives in a private directory under /tmp (DIR may sit where that user cannot reach).
set -euo pipefail

action=${1:-}
dir=${2:-}
if [[ -z "$action" || -z "$dir" ]]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

find_bin() {
    local name=$1 candidate
    for candidate in /usr/lib/postgresql/*/bin/"$name"; do
        [[ -x "$candidate" ]] && { echo "$candidate"; return 0; }
    done
    command -v "$name" 2>/dev/null || return 1
}

as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    [[ -f "$dir/cluster" ]] || return 0
    local cluster pg_ctl
    cluster=$(cat "$dir/cluster")
    if pg_ctl=$(find_bin pg_ctl) && [[ -f "$cluster/data/postmaster.pid" ]]; then
        as_owner "$pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
    rm -f "$dir/cluster" "$dir/url"
}

case "$action" in
start)
    stop_cluster
    rm -f "$dir/skip-reason" "$dir/url"
    initdb=$(find_bin initdb) || {
        echo "PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)" \
            | tee "$dir/skip-reason"
        exit 0
    }
    pg_ctl=$(find_bin pg_ctl)
    if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "running as root and there is no postgres system user to own the cluster" \
            | tee "$dir/skip-reason"
        exit 0
    fi
    cluster=$(mktemp -d /tmp/imagecache-pg.XXXXXX)
    echo "$cluster" >"$dir/cluster"
    if [[ "$(id -u)" -eq 0 ]]; then
        chown postgres: "$cluster"
    fi
    chmod 700 "$cluster"
    as_owner "$initdb" -D "$cluster/data" -U imagecache --auth=trust -E UTF8 --no-locale \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # The socket directory must be reachable by the test process (root or the same user).
    chmod 755 "$cluster"
    as_owner "$pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$cluster' -c fsync=off" \
        start >/dev/null || { cat "$cluster/server.log" >&2; exit 1; }
    createdb=$(dirname "$pg_ctl")/createdb
    as_owner "$createdb" -h "$cluster" -U imagecache imagecache_test
    url="postgresql://imagecache@/imagecache_test?host=$cluster"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
stop)
    stop_cluster
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
