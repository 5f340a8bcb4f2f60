#!/usr/bin/env bash
# The benchmark run: BenchmarkDotNet (pinboard, weekly report; in-process, short job), then the load driver (the built bot
# as its own process against Azurite: ballots at 1/10/50/200 concurrent voters — everyone voting once per round, and
# re-voting — beside the raw Table upsert floor, RSS; plain turns beside the floor bot; cold starts of the build and of a
# ReadyToRun publish).
# Writes bench/results/latest.md and copies it into docs/performance.md between the "results" markers.
# Options (environment): BENCH_SKIP_BUILD=1 uses the existing Release build; BENCH_SECONDS (15) per level and phase;
# BENCH_LEVELS (1,10,50,200); BENCH_TURN_LEVELS (1,10,50); BENCH_PAGE_LEVELS (50); BENCH_COLD_STARTS (5). Takes 10-15
# minutes on 2 cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$AGENDABOT_ROOT"

results=bench/results
latest=$results/latest.md
doc=docs/performance.md

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  scripts/install.sh
  echo "bench: building (Release)"
  dotnet build AgendaBot.sln -c Release --no-restore --disable-build-servers --verbosity quiet
fi

rm -rf "$results/BenchmarkDotNet"
mkdir -p "$results"
echo "bench: BenchmarkDotNet"
dotnet bench/AgendaBot.Benchmarks/bin/Release/net10.0/AgendaBot.Benchmarks.dll --filter '*' >"$results/benchmarkdotnet.log" 2>&1 \
  || { tail -n 40 "$results/benchmarkdotnet.log" >&2; exit 1; }

# The cold start is measured for the build and for a ReadyToRun publish (precompiled, as docs/operations.md deploys).
if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f artifacts/bench-r2r/AgendaBot.dll ]; then
  echo "bench: ReadyToRun publish for the cold start"
  dotnet publish src/AgendaBot/AgendaBot.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o artifacts/bench-r2r --verbosity quiet
fi

echo "bench: load driver"
load_status=0
dotnet bench/AgendaBot.LoadDriver/bin/Release/net10.0/AgendaBot.LoadDriver.dll --seconds "${BENCH_SECONDS:-15}" \
  --levels "${BENCH_LEVELS:-1,10,50,200}" --turn-levels "${BENCH_TURN_LEVELS:-1,10,50}" --page-levels "${BENCH_PAGE_LEVELS:-50}" --cold-starts "${BENCH_COLD_STARTS:-5}" \
  --cold-start-builds "build=$PWD/src/AgendaBot/bin/Release/net10.0/AgendaBot.dll,ReadyToRun=$PWD/artifacts/bench-r2r/AgendaBot.dll" \
  --out "$results/load.md" || load_status=$?

{
  echo "### Ballots, plain turns and cold starts through the bot, each beside its floor"
  echo
  cat "$results/load.md"
  echo
  echo "### Pinboard update and weekly report (BenchmarkDotNet, in-process)"
  echo
  for report in "$results"/BenchmarkDotNet/results/*-report-github.md; do
    # The environment block BenchmarkDotNet prints is the same for both; the tables follow it.
    sed -n '/^|/,$p' "$report" | sed "s/&#39;/'/g"
    echo
  done
  echo "Sizes of what the bot sends for these inputs:"
  echo
  cat "$results/card-sizes.md"
} >"$latest"

# The copy step: docs/performance.md shows exactly what this run measured, between its markers.
if [ -f "$doc" ] && grep -q '<!-- results:begin -->' "$doc"; then
  awk -v latest="$latest" '
    /<!-- results:begin -->/ { print; while ((getline line < latest) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip { print }
  ' "$doc" >"$doc.new" && mv "$doc.new" "$doc"
  echo "bench: $latest copied into $doc"
fi

cat "$latest"
# A ballot acknowledged to a voter but missing in storage makes the figures worthless: say so in the exit status.
exit "$load_status"
