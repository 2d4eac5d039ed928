#!/usr/bin/env bash
# Restores an archive from backup-postgres.sh into a NEW, EMPTY PostgreSQL database, in one transaction: if anything
# fails, the database stays empty. Create the database first, owned by the app's role, e.g.
#   sudo -u postgres createdb -O wspoldzielnia wspoldzielnia_restored
#   DATABASE_URL=postgres://wspoldzielnia@127.0.0.1/wspoldzielnia_restored ./restore-postgres.sh /var/backups/…/wspoldzielnia-….dump
# then point the app's DATABASE_URL at it (or rename the databases) and restart the instances.
# Owners and grants are not restored: the role that restores owns everything, as the app expects.
set -euo pipefail
file=${1:?usage: DATABASE_URL=postgres://… restore-postgres.sh ARCHIVE}
: "${DATABASE_URL:?set DATABASE_URL to the new, empty database to restore into}"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 1; }
tables=$(psql --no-psqlrc -Atq --dbname="$DATABASE_URL" -c \
  "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r','p','v','m','S') AND n.nspname NOT IN ('pg_catalog','information_schema','pg_toast')")
if [ "$tables" != "0" ]; then
  echo "restore: the target database is not empty ($tables relations); restore only into a new one. Nothing was changed." >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --no-comments --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$file"
psql --no-psqlrc -Atq --dbname="$DATABASE_URL" -c "ANALYZE"
echo "restored $file; migrations recorded: $(psql --no-psqlrc -Atq --dbname="$DATABASE_URL" -c \
  'SELECT count(*) FROM drizzle.__drizzle_migrations')"
