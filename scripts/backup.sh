#!/usr/bin/env bash
# Consistent backup of a Union Portal installation (issue 14):
#   - the database as one pg_dump in custom format (one snapshot: every table as of the same moment),
#   - the attachments directory (evidence files of hardship files and aid cases, encrypted at rest),
#   - a manifest with sizes and SHA-256 sums.
# The data key (PORTAL_DATA_KEY or the key file) is NOT in the backup, on purpose: keep it apart
# (a password safe, a sealed envelope). Without it the ID numbers, phones, household details and
# attachments in this backup cannot be read by anyone, including you.
#
# Usage: scripts/backup.sh OUTPUT_DIR
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (portal), PGDATABASE (portal), PGPASSWORD
#              or ~/.pgpass; PORTAL_ATTACHMENTS_DIR (./data/attachments).
set -euo pipefail

out=${1:?usage: scripts/backup.sh OUTPUT_DIR}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-portal} PGDATABASE=${PGDATABASE:-portal}
attachments=${PORTAL_ATTACHMENTS_DIR:-./data/attachments}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$out/portal-$stamp"
mkdir -p "$target"
chmod 700 "$target"

started=$(date +%s%N)
# The database first: the dump is one repeatable-read snapshot. Attachments are copied after it,
# so every file a dumped row names is already there (a file added meanwhile is an unused extra).
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$target/database.dump" "$PGDATABASE"
if [ -d "$attachments" ]; then
  tar -C "$attachments" -czf "$target/attachments.tar.gz" .
else
  echo "note: no attachments directory at $attachments; the backup has the database only" >&2
fi
finished=$(date +%s%N)

{
  echo "created_utc=$stamp"
  echo "database=$PGDATABASE@$PGHOST:$PGPORT"
  echo "pg_dump=$(pg_dump --version)"
  echo "milliseconds=$(( (finished - started) / 1000000 ))"
  (cd "$target" && sha256sum database.dump attachments.tar.gz 2>/dev/null || true)
} > "$target/MANIFEST"

cat >&2 <<WARN
Backup written to $target ($(du -sh "$target" | cut -f1)).
WARNING: the data key is not in this backup. Keep PORTAL_DATA_KEY (or the key file) safe and
apart from it: without the key the personal data in the backup cannot be decrypted, and with
key and backup together anyone can read it.
WARN
echo "$target"
