#!/usr/bin/env bash
# Runs every test project (already built), then checks and renders the cards they made (scripts/cards/), and ends
# with one line "N passed, N failed" over all of them.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AGENDABOT_ROOT"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
# The tests write every card the bot sends here (tests/AgendaBot.Testing/CardCorpus.cs): start from none.
rm -rf artifacts/cards artifacts/pages
status=0
# One project at a time: each writes its own result file, and the end-to-end tests get the machine to themselves.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --no-restore -c Release \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    || status=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

dotnet_summary="$passed passed, $failed failed"

# The cards the tests wrote to artifacts/cards (tests/AgendaBot.Testing/CardCorpus.cs): first the checker's own tests,
# then every card validated for Teams and rendered in headless Chromium (scripts/cards/, gallery in
# artifacts/card-gallery), and the renders listed in scripts/cards/doc-pictures.txt copied to docs/cards. Each test,
# each card and each doc picture counts in the totals below; no summary line counts as a failure.
# $1 = what ran, $2 = its log, $3 / $4 = sed patterns that pick the number passed / failed from the log.
add_counts() {
  local p f
  p=$(sed -n "$3" "$2" | tail -n 1)
  f=$(sed -n "$4" "$2" | tail -n 1)
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "run-tests: $1 printed no summary; counted as one failure (see $2)" >&2
    p=0; f=1
  fi
  [ "$f" -eq 0 ] || status=1
  passed=$((passed + p)); failed=$((failed + f))
  echo "run-tests: $1: $p passed, $f failed"
}

node --test --test-reporter=tap scripts/cards/*.test.mjs >"$results/card-checker-tests.tap" 2>&1 || status=1
grep -E '^(not )?ok |^# (pass|fail) ' "$results/card-checker-tests.tap"
add_counts "card checker tests" "$results/card-checker-tests.tap" 's/^# pass \([0-9]*\)$/\1/p' 's/^# fail \([0-9]*\)$/\1/p'

node scripts/cards/check-cards.mjs >"$results/check-cards.log" 2>&1 || status=1
# One line per card is thousands of lines: the full log stays in the file, the output shows what needs a look.
grep -v '^check-cards: ok ' "$results/check-cards.log" | grep -v '^check-cards:       note: ' || true
add_counts "cards" "$results/check-cards.log" \
  's/^check-cards: \([0-9]*\) passed, [0-9]* failed$/\1/p' 's/^check-cards: [0-9]* passed, \([0-9]*\) failed$/\1/p'
# The bot's own words on every card: numbers and nouns agree, "Sie", one colon, German dates and decimals.
node scripts/cards/german.mjs >"$results/german.log" 2>&1 || status=1
grep -v '^german:   ' "$results/german.log" | grep -v ' passed, ' || true
grep '^german:   ' "$results/german.log" | head -n 20 || true
add_counts "German of the cards" "$results/german.log" \
  's/^german: \([0-9]*\) passed, [0-9]* failed$/\1/p' 's/^german: [0-9]* passed, \([0-9]*\) failed$/\1/p'
# The public pages the tests wrote to artifacts/pages: axe-core (WCAG 2.1 AA, light and dark), outline, keyboard,
# 200 % zoom, nothing loaded from elsewhere (scripts/pages/check-pages.mjs). Each page counts in the totals.
node scripts/pages/check-pages.mjs >"$results/check-pages.log" 2>&1 || status=1
grep -v '^check-pages: ok ' "$results/check-pages.log" || true
add_counts "public pages" "$results/check-pages.log" \
  's/^check-pages: \([0-9]*\) passed, [0-9]* failed$/\1/p' 's/^check-pages: [0-9]* passed, \([0-9]*\) failed$/\1/p'
node scripts/failed-tests.mjs "$results"
echo "run-tests: .NET tests: $dotnet_summary"

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "run-tests: no test ran" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
