#!/usr/bin/env bash
# Daily backup of Współdzielnia's PostgreSQL database: one pg_dump archive (custom format: compressed, restored with
# pg_restore, whole or table by table), checked readable, then archives older than KEEP_DAYS days are deleted.
#
#   DATABASE_URL=postgres:///wspoldzielnia BACKUP_DIR=/var/backups/wspoldzielnia KEEP_DAYS=14 ./backup-postgres.sh
#
# Run it as a role that may read every table (the app's role, or postgres over the local socket: peer auth, no
# password anywhere). A password in DATABASE_URL would show in `ps`; put it in ~/.pgpass instead. pg_dump must be of
# the server's major version or newer (Debian: postgresql-client-15 for PostgreSQL 15).
# Scheduled by wspoldzielnia-backup.timer (see README, "Backups"); restored with restore-postgres.sh.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/wspoldzielnia}
KEEP_DAYS=${KEEP_DAYS:-14}
umask 077 # the archive holds personal data and password hashes
mkdir -p "$BACKUP_DIR"
file="$BACKUP_DIR/wspoldzielnia-$(date -u +%Y%m%dT%H%M%SZ).dump"
trap 'rm -f "$file.partial"' EXIT
pg_dump --format=custom --file="$file.partial" --dbname="$DATABASE_URL"
pg_restore --list "$file.partial" >/dev/null # a truncated or unreadable archive fails here, before rotation
mv "$file.partial" "$file"
# Only after a good backup: delete archives older than KEEP_DAYS days (never the one just written).
find "$BACKUP_DIR" -maxdepth 1 -name 'wspoldzielnia-*.dump' -mtime +"$KEEP_DAYS" ! -path "$file" -print -delete |
  sed 's/^/deleted old backup: /'
echo "backup written: $file ($(du -h "$file" | cut -f1))"
