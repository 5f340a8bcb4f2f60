#!/usr/bin/env node
// Names every failed .NET test in the TRX result files with the first lines of its message and stack, so the end of
// the test log (often all a CI page shows) says which test failed and why.
//   node scripts/failed-tests.mjs artifacts/test-results
import fs from "node:fs";
import path from "node:path";

const folder = process.argv[2] ?? "artifacts/test-results";
const unescape = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#xD;/g, "")
    .replace(/&#xA;/g, "\n").replace(/&amp;/g, "&");
const firstLines = (text, count) => text.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim()).slice(0, count);

let failed = 0;
for (const file of fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".trx")).sort() : []) {
  const trx = fs.readFileSync(path.join(folder, file), "utf8");
  const results = trx.matchAll(/<UnitTestResult\b([^>]*?)(\/>|>([\s\S]*?)<\/UnitTestResult>)/g);
  for (const [, attributes, , body = ""] of results) {
    if (!/\boutcome="Failed"/.test(attributes)) continue;
    failed++;
    const name = unescape(/\btestName="([^"]*)"/.exec(attributes)?.[1] ?? "?");
    const duration = /\bduration="([^"]*)"/.exec(attributes)?.[1] ?? "?";
    console.log(`run-tests: FAILED ${name} (${file.replace(/\.trx$/, "")}, ${duration})`);
    const message = unescape(/<Message>([\s\S]*?)<\/Message>/.exec(body)?.[1] ?? "");
    const stack = unescape(/<StackTrace>([\s\S]*?)<\/StackTrace>/.exec(body)?.[1] ?? "");
    for (const line of [...firstLines(message, 12), ...firstLines(stack, 6)]) console.log(`run-tests:     ${line}`);
  }
}
if (failed > 0) console.log(`run-tests: ${failed} failed .NET test(s) listed above`);
