# Sourced by every script: no tool phones home, and the pinned local tools are found.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NUGET_CERT_REVOCATION_MODE=offline
export APPLICATION_INSIGHTS_NO_STATSBEAT=true
# The bot's Azure Monitor exporter (only active with a connection string): no SDK statistics to Microsoft.
export APPLICATIONINSIGHTS_STATSBEAT_DISABLED=true
export APPLICATIONINSIGHTS_SDKSTATS_DISABLED=true
export TEAMSAPPTESTER_BROWSER=none
export NPM_CONFIG_UPDATE_NOTIFIER=false
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false
AGENDABOT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AGENDABOT_ROOT
