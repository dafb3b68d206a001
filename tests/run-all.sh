#!/usr/bin/env bash
# Runs every test: unit (Core), data (real SQLite), component (bUnit), and end-to-end (real Kestrel +
# headless Debian Chromium). On a fresh Debian machine it first installs Chromium itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi

dotnet build NewsReader.sln -c Release -warnaserror
dotnet test NewsReader.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
