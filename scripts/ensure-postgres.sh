#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15 and HAProxy for the backend and replica tests when missing (CI machines start
# without them). The tests start their own throwaway cluster with initdb/pg_ctl; the packaged service is not used.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
if [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && command -v haproxy >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL 15 or HAProxy is missing; install them with: sudo apt-get install -y postgresql-15 haproxy" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet on success; the whole apt log on failure.
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15 haproxy; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
# Debian's package starts a cluster of its own on 5432; the tests do not need it.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
fi
