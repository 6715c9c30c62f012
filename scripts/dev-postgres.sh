#!/usr/bin/env bash
# Starts (once) a throwaway PostgreSQL for development on 127.0.0.1:55432 and prints the SUNLIGHT_TEST_PG to export.
set -euo pipefail
dir=/tmp/sunlight-dev-pg
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  [ -f "$dir/data/PG_VERSION" ] || as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p 55432 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=500" start >/dev/null
fi
echo "export SUNLIGHT_TEST_PG='Host=127.0.0.1;Port=55432;Username=postgres;Include Error Detail=true;Maximum Pool Size=40'"
