#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15, HAProxy, and Patroni with etcd for the backend, replica and failover tests when
# missing (CI machines start without them). The tests start their own throwaway clusters with initdb/pg_ctl, or
# etcd and Patroni by PID; no packaged service is used.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
have() {
  [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && id postgres >/dev/null 2>&1 &&
    command -v haproxy >/dev/null 2>&1 && command -v patroni >/dev/null 2>&1 && command -v patronictl >/dev/null 2>&1 &&
    command -v etcd >/dev/null 2>&1 && [ -f /usr/lib/python3/dist-packages/etcd/__init__.py ]
}
if have; then
  exit 0
fi
packages="postgresql-15 haproxy patroni etcd-server python3-etcd"
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL 15, HAProxy, Patroni or etcd is missing; install them with: sudo apt-get install -y --no-install-recommends $packages" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet on success; the whole apt log on failure.
# shellcheck disable=SC2086
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
# Debian's packages start services of their own where the machine allows it (a cluster on 5432, an etcd member on
# 2379); the tests use none of them, so stop them and keep them from starting at boot. Patroni's service has no
# configuration and does not start.
if [ -d /run/systemd/system ]; then
  systemctl disable --now etcd.service patroni.service >/dev/null 2>&1 || true
fi
if [ -x /etc/init.d/etcd ]; then
  /etc/init.d/etcd stop >/dev/null 2>&1 || true
fi
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
fi
if ! have; then
  echo "scripts/ensure-postgres.sh: installed $packages, yet something is still missing" >&2
  exit 1
fi
