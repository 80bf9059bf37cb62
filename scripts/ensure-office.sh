#!/usr/bin/env bash
# Installs Debian's LibreOffice Writer (headless) and poppler-utils for the Word report's rendering test when
# missing (CI machines start without them): the test converts the downloaded DOCX to PDF with soffice and reads
# the pages back with pdftoppm and pdftotext.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "LibreOffice or poppler-utils is missing; install them with: sudo apt-get install -y libreoffice-writer-nogui poppler-utils" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
soffice --version
