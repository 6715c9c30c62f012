#!/usr/bin/env bash
# Runs the whole Sunlight test suite: every test on SQLite, again on PostgreSQL, then the browser tests.
# Installs PostgreSQL and Chromium from Debian's packages when they are missing (as root), starts a throwaway
# PostgreSQL cluster for the run and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "缺少测试依赖：${need_packages[*]}。请以 root 运行本脚本，或先执行：sudo apt-get install -y ${need_packages[*]}" >&2
    exit 1
  fi
  log "installing ${need_packages[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster on a free port, owned by the postgres user when we are root.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/sunlight-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir" "${results:-}"
}
trap cleanup EXIT
log "starting PostgreSQL on port $pgport"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export SUNLIGHT_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true;Maximum Pool Size=40"

log "building"
dotnet tool restore >/dev/null
dotnet build Sunlight.sln -nologo -v q -clp:ErrorsOnly

# Each run writes a CTRF report; when a run fails, its failed tests (name, message, first lines of the stack) are
# printed last, so they are what a CI log's tail shows.
results=$(mktemp -d /tmp/sunlight-results.XXXXXX)
run_tests() {
  local name=$1; shift
  if "$@" --results-directory "$results/$name" --report-xunit-ctrf --report-xunit-ctrf-filename results.json; then
    return 0
  fi
  python3 - "$results/$name/results.json" "$name" <<'PY' || true
import json, sys
tests = json.load(open(sys.argv[1], encoding="utf-8"))["results"]["tests"]
failed = [t for t in tests if t.get("status") == "failed"]
print(f"\n== {sys.argv[2]}: {len(failed)} failed of {len(tests)}")
for t in failed:
    print(f"\n-- FAILED {t['name']}")
    print("\n".join((t.get("message") or "").splitlines()[:25]))
    print("\n".join((t.get("trace") or "").splitlines()[:12]))
PY
  return 1
}

log "tests on SQLite"
SUNLIGHT_TEST_DB=Sqlite run_tests sqlite dotnet test --project tests/Sunlight.Tests --no-build
log "tests on PostgreSQL"
SUNLIGHT_TEST_DB=Postgres run_tests postgres dotnet test --project tests/Sunlight.Tests --no-build
if [ -d tests/Sunlight.BrowserTests ]; then
  log "browser tests (Chromium: /usr/bin/chromium)"
  run_tests browser dotnet test --project tests/Sunlight.BrowserTests --no-build
fi
log "all tests passed"
