#!/usr/bin/env bash
# The test command: install what is missing (system packages, then the lock files), build, then run every test with
# no network but loopback.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
cd "$AGENDABOT_ROOT"

scripts/install-system.sh
scripts/install.sh
dotnet build AgendaBot.sln --no-restore -c Release --verbosity quiet

# The test phase gets its own network namespace with only loopback, so nothing can leave the machine.
if unshare -n true 2>/dev/null; then
  exec unshare -n bash -c 'ip link set lo up && exec scripts/run-tests.sh'
fi
echo "test.sh: cannot create a network namespace here (needs root or user namespaces); running with the normal network." >&2
exec scripts/run-tests.sh
