# Starts a local PostgreSQL cluster on 127.0.0.1:5432 (if none runs) and exports its connection string
# as SOZIAL_TEST_POSTGRES. Sourced by .ci/run (under set -euo pipefail); safe to source again.
# Runs as root (CI, developer machines here) or as a user with sudo.
if [ "$(id -u)" -eq 0 ]; then as_postgres="runuser -u postgres --"; SUDO=""; else as_postgres="sudo -u postgres"; SUDO="sudo"; fi
if command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters -h | head -n 1 || true)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    $SUDO pg_createcluster "$version" main >/dev/null
    cluster=$(pg_lsclusters -h | head -n 1)
  fi
  version=$(echo "$cluster" | awk '{print $1}'); name=$(echo "$cluster" | awk '{print $2}')
  port=$(echo "$cluster" | awk '{print $3}'); status=$(echo "$cluster" | awk '{print $4}')
  [ "$status" = "online" ] || $SUDO pg_ctlcluster "$version" "$name" start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
  # Test projects run side by side, each with its own connection pools: the default of 100 connections ran out.
  if [ "$($as_postgres psql -p "$port" -Atc 'show max_connections')" -lt 300 ]; then
    $as_postgres psql -p "$port" -q -c "ALTER SYSTEM SET max_connections = 300;" >/dev/null
    $SUDO pg_ctlcluster "$version" "$name" restart
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
  fi
  $as_postgres psql -p "$port" -q -c "ALTER USER postgres PASSWORD 'sozial';" >/dev/null
  export SOZIAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=sozial"
  echo "ci: PostgreSQL $version/$name on 127.0.0.1:$port"
else
  echo "ci: PostgreSQL is not installed (apt-get install postgresql); PostgreSQL tests fail on CI and skip locally"
fi
