#!/usr/bin/env bash
# Backup of a trial on the embedded database (no DATABASE_URL): the whole DATA_DIR (the PGlite folder, the
# generated auth-secret and the photos in uploads/ unless UPLOADS_DIR points elsewhere) packed into one dated tar.gz,
# then archives older than KEEP_DAYS days are deleted.
# THE APP MUST BE STOPPED: PGlite has no lock across processes, and a copy of files it is writing is not a database.
# The script refuses while a process has the folder open; wspoldzielnia-backup-embedded.service stops and restarts it.
#
#   DATA_DIR=/var/lib/wspoldzielnia BACKUP_DIR=/var/backups/wspoldzielnia KEEP_DAYS=14 ./backup-embedded.sh
#
# Restore with restore-embedded.sh. To move to PostgreSQL instead, use `npm run db:export` / `db:import` (README).
set -euo pipefail
: "${DATA_DIR:?set DATA_DIR to the data folder of the app (the one that holds pglite/)}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/wspoldzielnia}
KEEP_DAYS=${KEEP_DAYS:-14}
DATA_DIR=$(realpath "$DATA_DIR")
[ -f "$DATA_DIR/pglite/PG_VERSION" ] || { echo "backup: no embedded database in $DATA_DIR/pglite" >&2; exit 1; }
# A running app keeps dozens of files in the folder open; /proc shows them (for processes this user may inspect).
if [ -n "$(find /proc/[0-9]*/fd -maxdepth 1 -lname "$DATA_DIR/*" -print -quit 2>/dev/null || true)" ]; then
  echo "backup: $DATA_DIR is open in a running process (the app?). Stop it first; nothing was written." >&2
  exit 1
fi
umask 077 # the archive holds personal data, password hashes and the session secret
mkdir -p "$BACKUP_DIR"
file="$BACKUP_DIR/wspoldzielnia-embedded-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"
trap 'rm -f "$file.partial"' EXIT
tar -czf "$file.partial" -C "$DATA_DIR" .
tar -tzf "$file.partial" >/dev/null # readable to the end
mv "$file.partial" "$file"
find "$BACKUP_DIR" -maxdepth 1 -name 'wspoldzielnia-embedded-*.tar.gz' -mtime +"$KEEP_DAYS" ! -path "$file" -print -delete |
  sed 's/^/deleted old backup: /'
echo "backup written: $file ($(du -h "$file" | cut -f1))"
