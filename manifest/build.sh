#!/usr/bin/env bash
# Builds the Teams app package artifacts/manifest/agendabot.zip. See manifest/README.md for the settings.
#   BOT_APP_ID=<client id of the bot's managed identity> BOT_DOMAIN=<web app host> manifest/build.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$AGENDABOT_ROOT"

# The schemas and the PNG reader come from the pinned npm packages.
if [ ! -d node_modules/@microsoft/app-manifest ] || [ ! -d node_modules/pngjs ]; then
  scripts/install.sh
fi
exec node manifest/build.mjs "$@"
