#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests. As root it installs the
# distribution's package with apt-get; otherwise it stops and says how. It never downloads a browser
# any other way.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get." >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi

cat >&2 <<'MSG'
The browser tests need Debian's Chromium at /usr/bin/chromium, and it is not installed.
Install it as root, then run the tests again:

  sudo apt-get update && sudo apt-get install -y chromium
MSG
exit 1
