// Proves the doc pictures follow the renders and that a missing one fails loudly (run by scripts/run-tests.sh).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { copyDocPictures, pickRender, readDocPictures } from "./doc-pictures.mjs";

function folders(galleryFiles, docFiles = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "doc-pictures-"));
  const gallery = path.join(base, "gallery");
  const docs = path.join(base, "docs");
  fs.mkdirSync(gallery);
  fs.mkdirSync(docs);
  for (const [name, content] of Object.entries(galleryFiles)) fs.writeFileSync(path.join(gallery, name), content);
  for (const [name, content] of Object.entries(docFiles)) fs.writeFileSync(path.join(docs, name), content);
  return { gallery, docs };
}

test("the shipped list reads without problems", () => {
  const list = fs.readFileSync(new URL("./doc-pictures.txt", import.meta.url), "utf8");
  const pictures = readDocPictures(list);
  assert.ok(pictures.length > 0);
  assert.deepEqual(pictures.filter((p) => p.problem), []);
});

test("a name with -* picks the highest number, not the last in sort order", () => {
  const files = ["pin-de-2.png", "pin-de-10.png", "pin-de-9.png", "pin-de-extra-11.png", "pin-en-12.png"];
  assert.equal(pickRender("pin-de-*", files), "pin-de-10.png");
  assert.equal(pickRender("pin-de-2", files), "pin-de-2.png");
  assert.equal(pickRender("pin-fr-*", files), null);
});

test("listed renders are copied over the old pictures", () => {
  const { gallery, docs } = folders({ "help-de-1.png": "new help", "pin-de-1.png": "old pin", "pin-de-2.png": "new pin" },
    { "help-de.png": "stale help" });
  const results = copyDocPictures("help-de.png help-de-1\npin.png pin-de-*  # the last update\n", gallery, docs);
  assert.deepEqual(results.map((r) => [r.label, r.source, r.problems]), [
    ["docs/cards/help-de.png", "help-de-1.png", []],
    ["docs/cards/pin.png", "pin-de-2.png", []],
  ]);
  assert.equal(fs.readFileSync(path.join(docs, "help-de.png"), "utf8"), "new help");
  assert.equal(fs.readFileSync(path.join(docs, "pin.png"), "utf8"), "new pin");
});

test("a listed card that is no longer rendered fails and leaves the old picture", () => {
  const { gallery, docs } = folders({}, { "help-de.png": "old help" });
  const [result] = copyDocPictures("help-de.png help-de-1\n", gallery, docs);
  assert.equal(result.label, "docs/cards/help-de.png");
  assert.match(result.problems[0], /no render of the card "help-de-1"/);
  assert.equal(fs.readFileSync(path.join(docs, "help-de.png"), "utf8"), "old help");
});

test("a picture in docs/cards that no line makes fails as stale", () => {
  const { gallery, docs } = folders({ "help-de-1.png": "help" }, { "old-card.png": "old", "notes.md": "text" });
  const results = copyDocPictures("help-de.png help-de-1\n", gallery, docs);
  assert.deepEqual(results.map((r) => [r.label, r.problems.length]), [
    ["docs/cards/help-de.png", 0],
    ["docs/cards/old-card.png", 1],
  ]);
});

test("a malformed line is a problem, not a crash", () => {
  const { gallery, docs } = folders({ "help-de-1.png": "help" });
  const results = copyDocPictures("help-de.png\ncards/x.png help-de-1\n", gallery, docs);
  assert.equal(results.length, 2);
  assert.ok(results.every((r) => r.problems.length === 1 && r.problems[0].startsWith("line ")));
});
