#!/bin/bash
# Image build step: configure Debian's cluster 15/main, create the shop database
# and its owner `app`, apply the app's migrations (recording them the way the
# app does) and load the seed data. Runs once, inside `docker build`.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin
DATA=/var/lib/postgresql/15/main
CONF=/etc/postgresql/15/main
MIGRATIONS=/srv/app/migrations
# Seed after the table migrations and before the index migrations: building an
# index over a full table is far faster than maintaining it row by row.
SEED_AFTER=0003

# The Dockerfile emptied the package's cluster (so its files are not stored in two
# layers): make it again as pg_createcluster did, its config staying in $CONF. WAL
# segments of 4 MB (not 16): the image keeps one, and a small shop needs no more.
if [[ ! -f "$DATA/PG_VERSION" ]]; then
  install -d -m 700 -o postgres -g postgres "$DATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" --auth-local peer --auth-host scram-sha-256 \
    --encoding UTF8 --locale C.UTF-8 --wal-segsize=4 --no-instructions >/dev/null
  rm -f "$DATA/postgresql.conf" "$DATA/pg_hba.conf" "$DATA/pg_ident.conf"
fi

# Operators are root on the db instance: let root connect as postgres
# (`psql -U postgres shop`) over the local socket, as the postgres user can.
sed -i 's/^local\s\+all\s\+postgres\s\+peer$/local   all             postgres                                peer map=operators/' "$CONF/pg_hba.conf"
grep -q 'map=operators' "$CONF/pg_hba.conf"
printf 'operators       root                    postgres\noperators       postgres                postgres\n' >>"$CONF/pg_ident.conf"
cat >>"$CONF/pg_hba.conf" <<'HBA'
# The app instance, over the environment's private network.
host    shop            app             0.0.0.0/0               scram-sha-256
# Firedrill's fix checks (read-only observer, from the orchestrator).
host    shop            firedrill_check 0.0.0.0/0               scram-sha-256
HBA

install -d -m 2775 -o postgres -g postgres /var/run/postgresql
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -o "-c config_file=$CONF/postgresql.conf -c min_wal_size=32MB -c max_wal_size=32MB" -w -t 60 -l /tmp/pg-build.log start

as_postgres() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
as_app() { runuser -u app -- psql -X -q -v ON_ERROR_STOP=1 -d shop "$@"; }

as_postgres -c "CREATE ROLE app LOGIN PASSWORD 'app-secret'" -c "CREATE DATABASE shop OWNER app"
# The role Firedrill's checks observe with: reads everything, writes nothing, sees every session.
as_postgres -c "CREATE ROLE firedrill_check LOGIN BYPASSRLS PASSWORD 'firedrill-check-7c1e' IN ROLE pg_read_all_data, pg_read_all_settings, pg_read_all_stats"
as_postgres -d shop -c "GRANT EXECUTE ON FUNCTION pg_catalog.pg_show_all_file_settings() TO firedrill_check" \
  -c "GRANT SELECT ON pg_catalog.pg_file_settings TO firedrill_check"
as_app -c "CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"

apply() {
  local file=$1 version
  version=$(basename "$file" .sql)
  echo "migration $version"
  as_app -1 -c "SET maintenance_work_mem = '256MB'" -f "$file" -c "INSERT INTO schema_migrations (version) VALUES ('$version')"
}

for file in "$MIGRATIONS"/[0-9][0-9][0-9][0-9]_*.sql; do
  apply "$file"
  if [[ "$(basename "$file")" == "${SEED_AFTER}_"* ]]; then
    echo "seed data"
    time as_app -f /opt/firedrill/db/seed.sql
  fi
done

# Back-date the history so nothing looks like it happened "today" in a fresh environment.
as_app -c "UPDATE schema_migrations SET applied_at = timestamptz '2024-03-04 10:00:00+00' + left(version, 4)::int * interval '9 days'"
as_postgres -d shop -c "VACUUM (ANALYZE)"
# Drop the WAL the load wrote (recycled segments beyond min_wal_size go at a checkpoint).
as_postgres -c "CHECKPOINT" -c "SELECT pg_switch_wal()" -c "CHECKPOINT" >/dev/null
as_app -c "SELECT 'products', count(*) FROM products UNION ALL SELECT 'users', count(*) FROM users" -t
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop
# After a clean stop no WAL is needed: keep one empty segment instead of min_wal_size's worth.
runuser -u postgres -- "$PGBIN/pg_resetwal" -D "$DATA" >/dev/null
rm -f /tmp/pg-build.log
