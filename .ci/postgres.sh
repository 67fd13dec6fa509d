#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the jdbc module's tests.
#
#   eval "$(bash .ci/postgres.sh start)"   # installs Debian's postgresql if missing, starts a cluster on a free
#                                           # local port, prints export lines for FEDBROKER_TEST_PG_URL,
#                                           # FEDBROKER_TEST_PG_USER, FEDBROKER_TEST_PG_PASSWORD, FEDBROKER_TEST_PG_STOP
#   eval "$FEDBROKER_TEST_PG_STOP"          # stops it and deletes its directory
#
# initdb and pg_ctl refuse to run as root, and CI runs as root: as root they run as the `postgres` user. The cluster
# lives in a temporary directory, listens on 127.0.0.1 only and trades durability for speed (fsync off): test data only.
# Only the export lines go to standard output; progress goes to standard error.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "cd / && $*"
  else
    sh -c "$*"
  fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for port in $(seq 25432 25532); do
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found in 25432-25532"
  exit 1
}

start() {
  local bin
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" != 0 ]; then
      log "PostgreSQL is not installed and we are not root: run 'apt-get install -y postgresql' as root first"
      exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    bin=$(find_bin)
    if [ -z "$bin" ]; then
      log "postgresql installed, but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
      exit 1
    fi
  fi

  local dir port password pwfile
  dir=$(mktemp -d /tmp/fedbroker-pg.XXXXXX)
  port=$(free_port)
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  pwfile="$dir/superuser-password"
  printf '%s\n' "$password" >"$pwfile"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$dir"
  fi
  chmod 700 "$dir"

  log "initdb in $dir/data ($bin)"
  as_owner "'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$pwfile' --auth-local=scram-sha-256 \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  rm -f "$pwfile"

  log "starting on 127.0.0.1:$port"
  as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 start \
    -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_connections=200\"" >&2 || {
    cat "$dir/server.log" >&2
    exit 1
  }

  # One database owned by an ordinary (non-superuser) role, as a host app would have.
  as_owner "PGPASSWORD='$password' '$bin/psql' -X -q -v ON_ERROR_STOP=1 -h '$dir' -p $port -U postgres -d postgres \
    -c \"CREATE ROLE fedbroker LOGIN PASSWORD '$password'\" -c \"CREATE DATABASE fedbroker_test OWNER fedbroker\"" >&2

  cat <<EOF
export FEDBROKER_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/fedbroker_test'
export FEDBROKER_TEST_PG_USER='fedbroker'
export FEDBROKER_TEST_PG_PASSWORD='$password'
export FEDBROKER_TEST_PG_STOP='bash $(cd "$(dirname "$0")" && pwd)/postgres.sh stop $dir'
EOF
  log "ready: jdbc:postgresql://127.0.0.1:$port/fedbroker_test (user fedbroker)"
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  case "$dir" in
    /tmp/fedbroker-pg.*) ;;
    *) log "refusing to stop/delete '$dir': not a directory this script created"; exit 1 ;;
  esac
  local bin
  bin=$(find_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
