#!/usr/bin/env bash
# The run command: Azurite, the bot and the Microsoft 365 Agents Playground, all on 127.0.0.1.
# Ctrl-C (or TERM, or any of them dying) stops everything this script started, by PID. Logs go to .run/.
# AGENDABOT_TELEMETRY_CONSOLE=1 adds the bot's OpenTelemetry spans and metrics to .run/bot.log (megabytes an hour).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
cd "$AGENDABOT_ROOT"

bot_port=${AGENDABOT_BOT_PORT:-3978}
playground_port=${AGENDABOT_PLAYGROUND_PORT:-56150}
azurite_ports=(10000 10001 10002) # blob, queue, table: what UseDevelopmentStorage=true expects
logs=$AGENDABOT_ROOT/.run

pids=()
stopping=
stop_all() {
  [ -n "$stopping" ] && return
  stopping=1
  [ ${#pids[@]} -eq 0 ] && return
  echo "run: stopping ${pids[*]}"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "${pids[@]}" 2>/dev/null || return 0
    sleep 0.2
  done
  echo "run: still running after 10 s, killing ${pids[*]}" >&2
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "run: $*" >&2
  exit 1
}

# Binding is the exact test: the Playground would silently move to a random port, Azurite and the bot would fail later.
port_free() {
  node -e "require('net').createServer().once('error', () => process.exit(1)).listen($1, '127.0.0.1', function () { this.close(); })"
}
check_port() {
  port_free "$1" && return
  local holder
  holder=$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:.*' | head -n 1 || true)
  fail "port $1 ($2) is already in use${holder:+ by $holder}. $3."
}

# Polls a URL until it answers (any HTTP status when $3 is empty, else a body containing $3); gives up if $4 died.
wait_for() {
  local name=$1 url=$2 expected=$3 pid=$4 log=$5 body
  for _ in $(seq 120); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "$name exited during start-up; see $log"; }
    if body=$(curl -s --max-time 2 "$url" 2>/dev/null) && { [ -z "$expected" ] || [[ $body == *"$expected"* ]]; }; then
      return
    fi
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  fail "$name did not answer $url within 60 s; see $log"
}

command -v curl >/dev/null || fail "curl is required (Debian: apt-get install curl)."
scripts/install.sh
check_port "$bot_port" "bot" "Stop it (another ./run.sh?) or set AGENDABOT_BOT_PORT=<free port>"
check_port "$playground_port" "Agents Playground" "Stop it (another ./run.sh?) or set AGENDABOT_PLAYGROUND_PORT=<free port>"
for port in "${azurite_ports[@]}"; do
  check_port "$port" "Azurite" "Stop it (another Azurite?): the bot's UseDevelopmentStorage=true needs 10000-10002"
done

mkdir -p "$logs" .data/azurite

# What the build reads: every file under src/ (new ones too, so not git's list) and the build settings at the root.
build_inputs() {
  { find src \( -name bin -o -name obj \) -prune -o -type f -print
    ls Directory.Build.props Directory.Packages.props global.json nuget.config; } \
    | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha256sum | sha256sum | cut -d ' ' -f 1
}
build_stamp=$logs/build-inputs.sha256
inputs=$(build_inputs)
if [ -f src/AgendaBot/bin/Debug/net10.0/AgendaBot.dll ] && [ "$(cat "$build_stamp" 2>/dev/null)" = "$inputs" ]; then
  echo "run: the bot is built and nothing it is built from changed; skipping the build."
else
  echo "run: building the bot (about a minute the first time) …"
  rm -f "$build_stamp"
  # No build servers: they would outlive this script, and it stops everything it starts. Even quiet, a build ends with
  # a summary; its output is shown only when it failed.
  build_output=$(dotnet build src/AgendaBot/AgendaBot.csproj -c Debug --no-restore --disable-build-servers --verbosity quiet 2>&1) \
    || { echo "$build_output" >&2; fail "building the bot failed (see above)."; }
  echo "$inputs" >"$build_stamp"
fi
: >"$logs/playground-activities.log"

echo "run: starting Azurite …"
# Started as the node scripts themselves, never through npx, so that the PID we stop is the server.
node node_modules/azurite/dist/src/azurite.js --disableTelemetry --silent --skipApiVersionCheck --location .data/azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "${azurite_ports[0]}" --queuePort "${azurite_ports[1]}" --tablePort "${azurite_ports[2]}" \
  >"$logs/azurite.log" 2>&1 &
pids+=($!)
azurite_pid=$!
# The bot creates its tables and queue at start-up, so storage must answer first (blob, queue and table ports).
for port in "${azurite_ports[@]}"; do
  wait_for "Azurite (port $port)" "http://127.0.0.1:$port/" "" "$azurite_pid" "$logs/azurite.log"
done

echo "run: starting the bot and the Agents Playground …"
telemetry_console=false
[ "${AGENDABOT_TELEMETRY_CONSOLE:-}" = 1 ] && telemetry_console=true
(
  cd src/AgendaBot
  # The Playground always reports en-US; the people trying the bot expect German.
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
    Localization__ForceCulture=de-DE Storage__ConnectionString=UseDevelopmentStorage=true Images__PublicBaseUrl=http://127.0.0.1:$bot_port \
    Telemetry__ConsoleExporter=$telemetry_console \
    exec dotnet bin/Debug/net10.0/AgendaBot.dll
) >"$logs/bot.log" 2>&1 &
pids+=($!)
bot_pid=$!

(
  cd playground
  # Its console log names an activity only while no browser page is open; the events recording has every one.
  TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
    M365_AGENTS_PLAYGROUND_LOGFILE="$logs/playground-console.log" \
    M365_AGENTS_PLAYGROUND_RECORDING_FILE="$logs/playground-activities.log" \
    exec node --require ../scripts/playground-loopback.cjs ../node_modules/@microsoft/m365agentsplayground/cli.js \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --disable-telemetry -p "$playground_port" \
    --service-url "http://127.0.0.1:$playground_port/_connector" --enable-events-recording
) >"$logs/playground.log" 2>&1 &
pids+=($!)
playground_pid=$!

echo "run: waiting for the bot …"
wait_for "the bot" "http://127.0.0.1:$bot_port/healthz" Healthy "$bot_pid" "$logs/bot.log"
echo "run: waiting for the Agents Playground …"
wait_for "the Agents Playground" "http://127.0.0.1:$playground_port/_debug/ping" pong "$playground_pid" "$logs/playground.log"
# Someone may have taken the port between the check and the start; the Playground would then have moved silently.
listening=$(grep -m 1 -o 'Listening on [0-9]*' "$logs/playground.log" | grep -o '[0-9]*$' || true)
[ "$listening" = "$playground_port" ] || fail "the Agents Playground listens on ${listening:-?} instead of $playground_port (port taken meanwhile)."

cat <<EOF

AgendaBot is running. Open the Agents Playground:  http://127.0.0.1:$playground_port
  bot        http://127.0.0.1:$bot_port/api/messages (German forced: the Playground always reports en-US)
  Azurite    blob/queue/table on 127.0.0.1:${azurite_ports[0]}-${azurite_ports[2]}, data in .data/azurite
  logs       $logs/{bot,azurite,playground,playground-console,playground-activities}.log
Ctrl-C stops everything.
EOF

# Returns when one of them dies (then stop the rest) or when a signal arrives (the traps above stop everything).
set +e
wait -n "${pids[@]}"
echo "run: a process exited unexpectedly (status $?); see $logs/" >&2
exit 1
