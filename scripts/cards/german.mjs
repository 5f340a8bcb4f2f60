// Reads every card the bot sent during the tests (artifacts/cards/*.json) and checks the bot's own words against
// german-rules.json: numbers and nouns agree, German says "Sie", one colon per sentence, dates and decimals as people
// write them. People's own words are left alone: the cards put them in TextRuns (never markdown) and inputs' values,
// and the tests type anything there. Prints one line per finding and ends with "german: N passed, N failed" (one per
// rule and language that has cards to check), which scripts/run-tests.sh counts.
//   node scripts/cards/german.mjs [corpus-folder]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const corpus = path.resolve(process.argv[2] ?? path.join(root, "artifacts", "cards"));
const { rules } = JSON.parse(fs.readFileSync(path.join(here, "german-rules.json"), "utf8"));

/** The bot's own texts in a card: TextBlocks, facts, button and input titles, choices — not TextRuns, not values. */
export function ownTexts(node, out = []) {
  if (Array.isArray(node)) {
    node.forEach((n) => ownTexts(n, out));
  } else if (node && typeof node === "object") {
    if (node.type === "TextRun") {
      return out;
    }
    for (const key of ["text", "title", "label", "placeholder", "altText", "errorMessage"]) {
      if (typeof node[key] === "string") {
        out.push(node[key]);
      }
    }
    // A fact's value is the bot's words (a count, a date, a state) unless a person wrote it; facts have no type.
    if (node.type === undefined && typeof node.title === "string" && typeof node.value === "string") {
      out.push(node.value);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== "data" && key !== "value" && key !== "body" || (key === "body" && Array.isArray(value))) {
        if (typeof value === "object") ownTexts(value, out);
      }
    }
  }
  return out;
}

export function findings(card, compiled) {
  const lang = card.lang === "en" ? "en" : "de";
  const texts = ownTexts(card);
  const found = [];
  for (const rule of compiled) {
    if (rule.lang !== "any" && rule.lang !== lang) continue;
    for (const text of texts) {
      const match = rule.regex.exec(text);
      if (match) found.push({ rule, text, match: match[0] });
    }
  }
  return { lang, found };
}

export function compile(list) {
  return list.map((r) => ({ ...r, regex: new RegExp(r.pattern, "u") }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const compiled = compile(rules);
  const names = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => f.endsWith(".json")).sort() : [];
  if (names.length === 0) {
    console.log(`german: no cards in ${corpus}; the .NET tests write them (run ./test.sh)`);
    console.log("german: 0 passed, 1 failed");
    process.exit(1);
  }
  // One result per rule and language: failed when any card breaks it, with every card named.
  const broken = new Map();
  const seen = new Set();
  for (const name of names) {
    let card;
    try {
      card = JSON.parse(fs.readFileSync(path.join(corpus, name), "utf8"));
    } catch {
      continue; // check-cards reports unreadable cards
    }
    const { lang, found } = findings(card, compiled);
    compiled.filter((r) => r.lang === "any" || r.lang === lang).forEach((r) => seen.add(`${r.id}/${lang}`));
    for (const f of found) {
      const key = `${f.rule.id}/${lang}`;
      if (!broken.has(key)) broken.set(key, []);
      broken.get(key).push(`${name}: „${f.match}“ in „${f.text.slice(0, 120)}“ — ${f.rule.why}`);
    }
  }
  for (const [key, list] of broken) {
    console.log(`german: FAIL ${key}: ${list.length} finding(s)`);
    list.slice(0, 20).forEach((l) => console.log(`german:   ${l}`));
  }
  const failed = broken.size;
  console.log(`german: ${seen.size - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
