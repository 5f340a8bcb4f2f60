#!/usr/bin/env bash
# Installs what the bot and its tests need, from the pinned lock files. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AGENDABOT_ROOT"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install: Node.js and npm are required (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
if ! command -v dotnet >/dev/null; then
  echo "install: the .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install: it deletes node_modules first.
stamp=node_modules/.agendabot-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "install: npm ci (Azurite, Agents Playground, card checker)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

echo "install: dotnet restore"
dotnet restore AgendaBot.sln --verbosity quiet
