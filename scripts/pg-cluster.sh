#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for tests and CI, built from Debian's server binaries.
#   scripts/pg-cluster.sh start DIR [PORT]   initialises DIR (if needed), starts the server, prints its postgres:// URL
#   scripts/pg-cluster.sh stop DIR           stops the server and removes DIR
# Trust authentication on loopback only; the Unix socket lives in DIR, so the package's own cluster
# (port 5432, /var/run/postgresql) is never touched. Diagnostics go to stderr; stdout carries only the URL.
set -euo pipefail

MARKER='.regiekamer-pg-cluster'

die() { echo "pg-cluster: $*" >&2; exit 1; }

usage() { die "usage: $0 start DIR [PORT] | stop DIR"; }

pg_bin() {
  local dir
  # The highest installed major version wins (sort -V orders 9.6 before 15).
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] \
    || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)"
  echo "$dir"
}

# initdb and the server refuse to run as root: as root, run them as the postgres OS user.
# From /, so a working directory closed to postgres (e.g. /root) does not matter.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || usage

case "$cmd" in
  start)
    port="${3:-55432}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number: $port"
    bin="$(pg_bin)"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    data="$dir/data"
    # DIR must be new (empty) or one of ours: `stop` removes it again.
    if [ ! -f "$dir/$MARKER" ] && [ -n "$(ls -A "$dir")" ]; then
      die "$dir is not empty and was not created by pg-cluster.sh"
    fi
    touch "$dir/$MARKER"
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user"
      chown -R postgres:postgres "$dir"
      as_owner test -x "$dir" \
        || die "the postgres user cannot reach $dir (a parent directory is closed to it); use a directory under /tmp"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
      # Loopback only, socket in DIR, and no durability: the cluster is thrown away after the run.
      cat >>"$data/postgresql.conf" <<EOF

# pg-cluster.sh: throwaway test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
      cat >"$data/pg_hba.conf" <<EOF
# pg-cluster.sh: trust on the local socket and IPv4 loopback, nothing else
local all all trust
host  all all 127.0.0.1/32 trust
EOF
    else
      # Reusing an initialised DIR: only the port may change.
      sed -i "s/^port = .*/port = $port/" "$data/postgresql.conf"
    fi
    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      die "a server is already running in $dir; stop it first"
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2 2>/dev/null || true; die "the server did not start (port $port in use?)"; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    dir="$(cd "$dir" && pwd)"
    # Never remove a directory this script did not create.
    [ -f "$dir/$MARKER" ] || die "$dir was not created by pg-cluster.sh; not touching it"
    bin="$(pg_bin)"
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null \
        || die "pg_ctl stop failed; see $dir/server.log"
    fi
    rm -rf -- "$dir"
    ;;
  *)
    usage
    ;;
esac
