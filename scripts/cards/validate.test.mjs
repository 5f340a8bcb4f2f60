// Proves the card check catches what Teams would show wrongly (run by scripts/run-tests.sh with node --test).
import assert from "node:assert/strict";
import fs from "node:fs";
import test from "node:test";
import { MAX_CARD_BYTES, validateCard } from "./validate.mjs";

const hostConfig = JSON.parse(fs.readFileSync(new URL("./teams-host-config.json", import.meta.url), "utf8"));

const card = (overrides = {}) => ({
  type: "AdaptiveCard",
  version: "1.5",
  lang: "de",
  body: [{ type: "TextBlock", text: "Willkommen bei AgendaBot", wrap: true, size: "Large", weight: "Bolder" }],
  actions: [
    {
      type: "Action.Execute",
      title: "Hilfe anzeigen",
      verb: "help.show",
      fallback: { type: "Action.Submit", title: "Hilfe anzeigen", data: { verb: "help.show" } },
    },
  ],
  ...overrides,
});

const kinds = (json) => validateCard(json, hostConfig).map((problem) => problem.split(":")[0]);

test("a card shaped like the bot's passes", () => {
  assert.deepEqual(validateCard(card(), hostConfig), []);
});

test("every card is checked alike, whatever was checked before (library's stateful lang regex)", () => {
  for (const lang of ["de", "en", "en", "de"]) {
    assert.deepEqual(validateCard(card({ lang }), hostConfig), [], lang);
  }
});

test("something that is no Adaptive Card fails", () => {
  for (const json of [null, [1], "card", { type: "MessageCard" }]) {
    assert.deepEqual(kinds(json), ["MissingCardType"], JSON.stringify(json));
  }
});

test("an element Teams 1.5 does not know fails", () => {
  assert.deepEqual(kinds(card({ body: [{ type: "Carousel", pages: [] }] })), ["UnknownElementType"]);
});

test("a card version above 1.5 fails", () => {
  assert.deepEqual(kinds(card({ version: "1.6" })), ["UnsupportedCardVersion"]);
});

test("an invalid property value fails", () => {
  assert.deepEqual(kinds(card({ body: [{ type: "TextBlock", text: "x", size: "Huge" }] })), ["InvalidPropertyValue"]);
});

test("a required input without label and error message fails", () => {
  const input = { type: "Input.Text", id: "idea", isRequired: true };
  assert.deepEqual(kinds(card({ body: [input] })), ["RequiredInputsShouldHaveLabel", "RequiredInputsShouldHaveErrorMessage"]);
});

test("Action.Execute without an Action.Submit fallback fails", () => {
  assert.deepEqual(kinds(card({ actions: [{ type: "Action.Execute", title: "Go", verb: "go" }] })), ["ExecuteWithoutSubmitFallback"]);
});

test("a TextBlock without text fails", () => {
  assert.deepEqual(kinds(card({ body: [{ type: "TextBlock", text: " " }] })), ["EmptyTextBlock"]);
});

test("more than 60 refresh users fails", () => {
  const refresh = { action: card().actions[0], userIds: Array.from({ length: 61 }, (_, i) => `29:user-${i}`) };
  assert.deepEqual(kinds(card({ refresh })), ["TooManyRefreshUsers"]);
});

test("a card over 28 KB of JSON fails", () => {
  const body = Array.from({ length: 500 }, (_, i) => ({ type: "TextBlock", text: `Maßnahme Nummer ${i} – Ümläute zählen doppelt`, wrap: true }));
  assert.ok(Buffer.byteLength(JSON.stringify(card({ body }))) > MAX_CARD_BYTES);
  assert.deepEqual(kinds(card({ body })), ["TooLarge"]);
});
