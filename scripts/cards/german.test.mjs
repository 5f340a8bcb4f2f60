import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile, findings } from "./german.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const rules = compile(JSON.parse(fs.readFileSync(path.join(here, "german-rules.json"), "utf8")).rules);
const card = (lang, ...body) => ({ type: "AdaptiveCard", lang, body });
const ids = (c) => findings(c, rules).found.map((f) => f.rule.id);

test("one with a plural noun is found, in both languages", () => {
  assert.deepEqual(ids(card("de", { type: "TextBlock", text: "1 Stimmen abgegeben." })), ["plural-after-one"]);
  assert.deepEqual(ids(card("en", { type: "TextBlock", text: "1 votes cast." })), ["plural-after-one-en"]);
});

test("agreeing numbers and nouns pass", () => {
  assert.deepEqual(ids(card("de", { type: "TextBlock", text: "1 Stimme, 3 Stimmen, 1,5 Punkte, #5 Beitrag" })), []);
});

test("informal address, a doubled colon, a machine date and decimal are found on the bot's own words", () => {
  assert.deepEqual(ids(card("de", { type: "TextBlock", text: "Hier sind deine Beiträge" })), ["informal-address"]);
  assert.deepEqual(ids(card("de", { type: "TextBlock", text: "Reflexion: Schritt 1 von 6: Status" })), ["doubled-colon"]);
  assert.deepEqual(ids(card("de", { type: "FactSet", facts: [{ title: "Ende", value: "2027-03-31" }] })), ["machine-date"]);
  assert.deepEqual(ids(card("de", { type: "TextBlock", text: "Ø 4.4 Sterne" })), ["machine-decimal"]);
});

test("people's own words in text runs and inputs are left alone", () => {
  const c = card("de",
    { type: "RichTextBlock", inlines: [{ type: "TextRun", text: "2027-03-31 Ausschreibung, du und ich: 1 Stimmen: ja" }] },
    { type: "Input.Text", id: "t", value: "deine Idee 4.4" });
  assert.deepEqual(ids(c), []);
});
