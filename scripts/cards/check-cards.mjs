#!/usr/bin/env node
// Checks every card the bot sent during the tests (artifacts/cards/*.json, written by the test harness):
// validated for Teams (validate.mjs), rendered to PNG in headless Chromium (render.mjs), gathered in a gallery
// (artifacts/card-gallery/index.html), and the renders listed in doc-pictures.txt copied into docs/cards
// (doc-pictures.mjs). Prints one line per card and per doc picture and "check-cards: N passed, N failed"; exits 1
// when any card or doc picture failed or there is no card.
//   node scripts/cards/check-cards.mjs [corpus-folder] [gallery-folder]
// With a corpus folder of your own, docs/cards is left alone: its pictures come from the tests' cards only.
import fs from "node:fs";
import path from "node:path";
import { validateCard } from "./validate.mjs";
import { renderCards } from "./render.mjs";
import { writeGallery } from "./gallery.mjs";
import { copyDocPictures } from "./doc-pictures.mjs";

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "..", "..");
const corpus = path.resolve(process.argv[2] ?? path.join(root, "artifacts", "cards"));
const gallery = path.resolve(process.argv[3] ?? path.join(root, "artifacts", "card-gallery"));
const hostConfig = JSON.parse(fs.readFileSync(path.join(here, "teams-host-config.json"), "utf8"));
// Colour contrast is checked again in Teams' dark and high-contrast themes (approximated: teams-host-config-*.json).
const themes = Object.fromEntries(["dark", "high-contrast"].map((theme) =>
  [theme, JSON.parse(fs.readFileSync(path.join(here, `teams-host-config-${theme}.json`), "utf8"))]));

const names = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort()
  : [];
if (names.length === 0) {
  console.log(`check-cards: no cards in ${corpus}; the .NET tests write them (run ./test.sh)`);
  console.log("check-cards: 0 passed, 1 failed");
  process.exit(1);
}

// A card that makes the library throw is a failing card, not a crashed check.
function validateSafely(json) {
  try {
    return validateCard(json, hostConfig);
  } catch (error) {
    return [`ValidationCrashed: ${error.message}`];
  }
}

// Many tests send the same card: each distinct card is validated and rendered once, under all its names.
const cards = new Map(); // canonical JSON → { json, names, problems }
const unreadable = []; // files that are no JSON: nothing to render
const entries = [];
for (const name of names) {
  let text = fs.readFileSync(path.join(corpus, `${name}.json`), "utf8");
  let json;
  try {
    json = JSON.parse(text);
    text = JSON.stringify(json);
  } catch (error) {
    unreadable.push({ names: [name], problems: [`InvalidJson: ${error.message}`], render: { png: null, problems: [], notes: [] } });
    entries.push({ name, card: unreadable.at(-1) });
    continue;
  }
  if (!cards.has(text)) {
    cards.set(text, { json, names: [], problems: validateSafely(json) });
  }
  cards.get(text).names.push(name);
  entries.push({ name, card: cards.get(text) });
}

fs.rmSync(gallery, { recursive: true, force: true });
fs.mkdirSync(gallery, { recursive: true });
let rendered;
try {
  rendered = await renderCards([...cards.values()].map((card) => [card, card.json]), hostConfig, themes);
} catch (error) {
  rendered = new Map([...cards.values()].map((card) => [card, { png: null, problems: [`NotRendered: ${error.message}`], notes: [] }]));
}
for (const card of cards.values()) {
  card.render = rendered.get(card);
  for (const name of card.names) {
    if (card.render.png) {
      fs.writeFileSync(path.join(gallery, `${name}.png`), card.render.png);
    }
  }
}

let passed = 0;
const failures = [];
for (const { name, card } of entries) {
  const problems = [...card.problems, ...(card.render?.problems ?? [])];
  if (problems.length === 0) {
    passed++;
    console.log(`check-cards: ok    ${name}`);
  } else {
    failures.push({ label: `${name}.json`, problems });
    console.log(`check-cards: FAIL  ${name}`);
  }
  for (const note of card.render?.notes ?? []) {
    console.log(`check-cards:       note: ${note}`);
  }
}
writeGallery(gallery, corpus, [...cards.values(), ...unreadable]);

if (process.argv[2] === undefined) {
  const list = fs.readFileSync(path.join(here, "doc-pictures.txt"), "utf8");
  for (const { label, source, problems } of copyDocPictures(list, gallery, path.join(root, "docs", "cards"))) {
    if (problems.length === 0) {
      passed++;
      console.log(`check-cards: ok    ${label} (from ${source})`);
    } else {
      failures.push({ label, problems });
      console.log(`check-cards: FAIL  ${label}`);
    }
  }
}

if (failures.length > 0) {
  console.log(`\ncheck-cards: ${failures.length} failed (a card Teams would not show as meant, or a doc picture not made):`);
  for (const { label, problems } of failures) {
    console.log(`  ${label}`);
    for (const problem of problems) {
      console.log(`    - ${problem}`);
    }
  }
}
console.log(`check-cards: gallery of ${cards.size + unreadable.length} distinct card(s) in ${path.relative(process.cwd(), path.join(gallery, "index.html"))}`);
console.log(`check-cards: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
