#!/usr/bin/env bash
# A real hot standby, and the portal's read-only paths against it (issue 14 item 3).
#
# Makes a private primary (initdb) and a hot standby of it (pg_basebackup -R, streaming
# replication) with the local PostgreSQL binaries, in a temporary directory, on two free ports;
# then runs ReplicaRoutingTest (JUnit tag "replica", not part of ./mvnw verify) with the portal's
# primary pool on the primary and its read-only pool on the standby: read-only transactions go to
# the standby, writes and a session's reads right after its own writes to the primary, and a
# standby that stops replaying (pg_wal_replay_pause) is left aside until it catches up.
# Both servers are stopped and the directory removed at the end, whatever happens.
#
# Usage: scripts/replica-check.sh          (as root, it runs the servers as user postgres)
# Environment: PG_BIN (/usr/lib/postgresql/15/bin), PRIMARY_PORT (55432), STANDBY_PORT (55433)
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-55432}
STANDBY_PORT=${STANDBY_PORT:-55433}
work=$(mktemp -d /tmp/portal-replica.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
pg() { "${as_pg[@]}" "$@"; }

cleanup() {
  pg "$PG_BIN/pg_ctl" -D "$work/standby" -m immediate stop >/dev/null 2>&1 || true
  pg "$PG_BIN/pg_ctl" -D "$work/primary" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== primary on port $PRIMARY_PORT"
pg "$PG_BIN/initdb" -D "$work/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$work/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
CONF
echo "host replication all 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
pg "$PG_BIN/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qc "CREATE DATABASE portal TEMPLATE template0 ENCODING 'UTF8'"

echo "== hot standby on port $STANDBY_PORT (pg_basebackup, streaming)"
started=$(date +%s%N)
pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$work/standby" -R -X stream -c fast
sed -i "s/^port = .*/port = $STANDBY_PORT/" "$work/standby/postgresql.conf"
pg "$PG_BIN/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w start >/dev/null
echo "   standby up in $(( ($(date +%s%N) - started) / 1000000 )) ms; in recovery: $(pg "$PG_BIN/psql" -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -Atc 'SELECT pg_is_in_recovery()')"

echo "== portal read-only paths against the standby"
PORTAL_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/portal" PORTAL_TEST_DB_USER=postgres \
PORTAL_TEST_REPLICA_URL="jdbc:postgresql://127.0.0.1:$STANDBY_PORT/portal" \
  ./mvnw -q test -Dtest=ReplicaRoutingTest -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups=benchmark
echo "== replica check passed"
