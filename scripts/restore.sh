#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a FRESH database and attachments directory
# (issue 14). It refuses to overwrite: the target database must not exist yet, the attachments
# directory must be empty or missing. Start the portal on the copy with the SAME data key.
#
# Usage: scripts/restore.sh BACKUP_DIR TARGET_DATABASE [TARGET_ATTACHMENTS_DIR]
# Environment: PGHOST, PGPORT, PGUSER (a role allowed to create databases), PGPASSWORD or ~/.pgpass;
#              RESTORE_JOBS (parallel pg_restore jobs, default 2).
set -euo pipefail

backup=${1:?usage: scripts/restore.sh BACKUP_DIR TARGET_DATABASE [TARGET_ATTACHMENTS_DIR]}
database=${2:?usage: scripts/restore.sh BACKUP_DIR TARGET_DATABASE [TARGET_ATTACHMENTS_DIR]}
attachments=${3:-}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

[ -f "$backup/database.dump" ] || { echo "no database.dump in $backup" >&2; exit 2; }
if (cd "$backup" && grep -E '^[0-9a-f]{64} ' MANIFEST | sha256sum --check --quiet); then :; else
  echo "the backup does not match its manifest (damaged or incomplete)" >&2; exit 3
fi
if [ "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" = "1" ]; then
  echo "database $database exists: restore goes into a fresh database only" >&2; exit 4
fi
if [ -n "$attachments" ] && [ -d "$attachments" ] && [ -n "$(ls -A "$attachments")" ]; then
  echo "$attachments is not empty: restore goes into a fresh directory only" >&2; exit 5
fi

started=$(date +%s%N)
createdb --encoding=UTF8 --template=template0 "$database"
pg_restore --no-owner --no-privileges --exit-on-error --jobs="${RESTORE_JOBS:-2}" --dbname="$database" \
  "$backup/database.dump"
# fresh statistics for the planner (pg_dump carries none)
psql -d "$database" -qc "ANALYZE"
if [ -n "$attachments" ] && [ -f "$backup/attachments.tar.gz" ]; then
  mkdir -p "$attachments"
  chmod 700 "$attachments"
  tar -C "$attachments" -xzf "$backup/attachments.tar.gz"
fi
finished=$(date +%s%N)
echo "restored $backup into database $database${attachments:+ and $attachments} in $(( (finished - started) / 1000000 )) ms" >&2
