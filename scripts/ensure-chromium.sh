#!/usr/bin/env bash
# Installs Debian's chromium-headless-shell and CJK fonts for the browser tests when missing (CI machines start without
# them). The shell is chromium's Blink without the full browser around it: with it the browser tests took 232–248
# core-seconds instead of 325–343 (e2e/harness.mjs falls back to chromium where only that is installed).
set -euo pipefail
# Chinese fonts, so that screenshots and PNG exports show 中文 rather than boxes.
if command -v chromium-headless-shell >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "chromium-headless-shell is missing: the browser tests use chromium, on more CPU (sudo apt-get install -y chromium-headless-shell)" >&2
    exit 0
  fi
  echo "chromium-headless-shell is missing; install it with: sudo apt-get install -y chromium-headless-shell fonts-noto-cjk" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium-headless-shell fonts-noto-cjk >/dev/null
chromium-headless-shell --version
