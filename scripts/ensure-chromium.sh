#!/usr/bin/env bash
# Installs Debian's chromium and CJK fonts for the browser tests when missing (CI machines start without them).
set -euo pipefail
# Chinese fonts, so that screenshots and PNG exports show 中文 rather than boxes.
if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
chromium --version
