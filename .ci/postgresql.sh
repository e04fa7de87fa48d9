# Sourced by .ci/run: a PostgreSQL server on this machine for the tests' PostgreSQL engine (Engines.POSTGRESQL),
# with the role duban (password duban, CREATEDB CREATEROLE) that makes a fresh database per test. Debian's
# `postgresql` package is installed when missing, its cluster started as the postgres user (CI runs as root), the
# role created when missing. Idempotent: where all this already runs, it only checks. Exports DUBAN_TEST_PG (the
# server's URL) and DUBAN_REQUIRE_PG=1, so that a server that does not answer fails the tests instead of being
# skipped.

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "Installing: postgresql"
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql
fi
# Debian's package makes the cluster "main" of its version; a container without it gets one.
if [ -z "$(pg_lsclusters -h)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main
fi
read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters -h | head -n 1)
if [ "$pg_status" != "online" ]; then
  echo "Starting PostgreSQL $pg_version/$pg_cluster on port $pg_port"
  pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
pg_isready -q -h localhost -p "$pg_port" -t 60
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$pg_port" -d postgres <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'duban') THEN
        CREATE ROLE duban LOGIN PASSWORD 'duban' CREATEDB CREATEROLE;
    END IF;
END
$$;
SQL
export DUBAN_TEST_PG="postgresql://duban:duban@localhost:$pg_port"
export DUBAN_REQUIRE_PG=1
echo "PostgreSQL $pg_version for the tests: postgresql://localhost:$pg_port as duban"
