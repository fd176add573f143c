#!/usr/bin/env bash
# Installs the PostgreSQL server from Debian for test/db, which starts its own primary and streaming replica on
# 127.0.0.1. Idempotent and quiet: does nothing when the binaries are there; creates no default cluster.
set -euo pipefail

have() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/pg_basebackup" ] && [ -x "$d/postgres" ] && return 0
  done
  return 1
}
have && exit 0

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo -n"
# Quiet unless something fails: then the step's whole output goes to stderr.
quiet() {
  local out
  out=$("$@" 2>&1) || { printf '%s\n' "$out" >&2; echo "postgres.sh: failed: $*" >&2; return 1; }
}
apt() { quiet $sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@"; }

apt update
# postgresql-common first, told not to create (and start) a default cluster on port 5432; then the server.
apt install --no-install-recommends postgresql-common
quiet $sudo sed -ri 's/^#? *create_main_cluster *=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
apt install --no-install-recommends postgresql
have || { echo 'postgres.sh: installed, but /usr/lib/postgresql/*/bin lacks initdb, pg_ctl, pg_basebackup or postgres' >&2; exit 1; }
