#!/usr/bin/env bash
# Restores an archive from backup-embedded.sh into DATA_DIR, which must not exist or be empty: move the broken
# folder aside first (mv /var/lib/wspoldzielnia /var/lib/wspoldzielnia.broken). With the app stopped:
#   DATA_DIR=/var/lib/wspoldzielnia ./restore-embedded.sh /var/backups/wspoldzielnia/wspoldzielnia-embedded-….tar.gz
#   chown -R wspoldzielnia: /var/lib/wspoldzielnia && systemctl start wspoldzielnia@3000
set -euo pipefail
file=${1:?usage: DATA_DIR=… restore-embedded.sh ARCHIVE}
: "${DATA_DIR:?set DATA_DIR to the data folder of the app}"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 1; }
if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ]; then
  echo "restore: $DATA_DIR is not empty; move it aside first. Nothing was changed." >&2
  exit 1
fi
umask 077
mkdir -p "$DATA_DIR"
tar -xzf "$file" -C "$DATA_DIR"
[ -f "$DATA_DIR/pglite/PG_VERSION" ] || { echo "restore: $file held no embedded database" >&2; exit 1; }
echo "restored $file into $DATA_DIR"
