// Renders Adaptive Cards to PNG in Debian's headless Chromium, driven by playwright-core. The page, the
// adaptivecards library and its CSS come from a loopback HTTP server; Chromium may not resolve any other host.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const library = path.dirname(require.resolve("adaptivecards/dist/adaptivecards.js"));
const axe = require.resolve("axe-core/axe.min.js");

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// From docs/platform-notes: nothing may leave the machine, whatever a page asks for.
export const CHROMIUM_ARGS = [
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
  "--disable-background-networking",
  "--no-sandbox", // runs as root in CI
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

const FILES = {
  "/": [path.join(here, "render-page.html"), "text/html; charset=utf-8"],
  "/adaptivecards.js": [path.join(library, "adaptivecards.js"), "text/javascript"],
  "/adaptivecards.css": [path.join(library, "adaptivecards.css"), "text/css"],
  "/axe.min.js": [axe, "text/javascript"],
};

function serve(port = 0) {
  const server = http.createServer((request, response) => {
    const file = FILES[new URL(request.url, "http://127.0.0.1").pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file[1] });
    fs.createReadStream(file[0]).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/**
 * Renders each card; returns Map key → { png (Buffer or null), problems: [...], notes: [...] }. Each card is checked
 * by axe-core for WCAG 2.1 AA as drawn with <hostConfig>, and for colour contrast in each of <themes>
 * ({ name: hostConfig }). Throws only when Chromium cannot be started at all.
 */
export async function renderCards(cards, hostConfig, themes = {}, { port = 0 } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  const server = await serve(port);
  const base = `http://127.0.0.1:${server.address().port}/`;
  // By our own files, not by the port: a card's image may name a test host's port that is long closed and that this
  // server happens to have been given now (one CI run failed so, on three chart images answered 404).
  const own = new Set(Object.keys(FILES).map((file) => base + file.slice(1)));
  const isOwn = (url) => own.has((url ?? "").split(/[?#]/)[0]);
  // A fresh profile every run, removed afterwards: no state carries over between runs.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "agendabot-cards-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 560, height: 400 },
      deviceScaleFactor: 1,
      locale: "de-DE",
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let problems = [];
    let notes = [];
    page.on("pageerror", (error) => problems.push(`PageError: ${error.message}`));
    page.on("console", (message) => {
      const offline = !isOwn(message.location().url) && message.text().startsWith("Failed to load resource");
      if ((message.type() === "error" || message.type() === "warning") && !offline) {
        problems.push(`Console ${message.type()}: ${message.text()}`);
      }
    });
    page.on("request", (request) => {
      if (!isOwn(request.url()) && !request.url().startsWith("data:")) {
        // An image on another host cannot load offline; Teams would fetch it, so it is worth a note, not a failure.
        notes.push(`not loaded offline: ${request.url()}`);
      }
    });
    await page.goto(base);

    const results = new Map();
    for (const [key, json] of cards) {
      problems = [];
      notes = [];
      let png = null;
      try {
        problems.push(...(await page.evaluate(([card, config]) => window.renderCard(card, config), [json, hostConfig])));
        png = await page.locator("#card").screenshot({ animations: "disabled" });
        // WCAG 2.1 AA on the card as Teams' light theme draws it (axe-core, in the same page); then the other themes.
        problems.push(...(await page.evaluate(() => window.checkAccessibility())));
        for (const [theme, config] of Object.entries(themes)) {
          await page.evaluate((name) => { document.body.className = name; }, theme);
          await page.evaluate(([card, c]) => window.renderCard(card, c), [json, config]);
          problems.push(...(await page.evaluate((name) => window.checkAccessibility(name), theme)));
        }
        await page.evaluate(() => { document.body.className = ""; });
      } catch (error) {
        problems.push(`RenderFailed: ${error.message.split("\n")[0]}`);
      }
      results.set(key, { png, problems, notes });
    }
    return results;
  } finally {
    await context?.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
