# Starts a local PostgreSQL cluster on 127.0.0.1:5432 (if none runs) and exports its connection string.
# Sourced by .ci/run; safe to source again.
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters -h | head -n 1)
  if [ -n "$cluster" ]; then
    version=$(echo "$cluster" | awk '{print $1}'); name=$(echo "$cluster" | awk '{print $2}'); status=$(echo "$cluster" | awk '{print $4}')
    [ "$status" = "online" ] || $SUDO pg_ctlcluster "$version" "$name" start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
    $SUDO -u postgres psql -q -c "ALTER USER postgres PASSWORD 'sozial';" >/dev/null 2>&1 || \
      su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'sozial';\"" >/dev/null
    export SOZIAL_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=sozial"
    echo "ci: PostgreSQL $version/$name on 127.0.0.1:5432"
  fi
fi
