// Checks every public page the tests wrote to artifacts/pages (tests/AgendaBot.Tests/Web): served from loopback as
// the bot serves them (with their stylesheet), in real Chromium — axe-core for WCAG 2.1 AA in light and in dark mode,
// a sensible outline (one h1, no skipped heading level, lang set), every link reachable by keyboard with a visible
// focus, nothing wider than the window at 200 % zoom (a 640 px wide window is a 1280 px screen at 200 %), and no
// request to anywhere but the page's own host. Ends with "check-pages: N passed, N failed".
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../cards/render.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const folder = path.join(root, "artifacts", "pages");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const pages = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".html")).sort() : [];
if (pages.length === 0) {
  console.log("check-pages: no pages in artifacts/pages (the .NET tests write them)");
  console.log("check-pages: 0 passed, 1 failed");
  process.exit(1);
}

// Served as the bot serves them: the page, its stylesheet at /public/site.css, and the headers it was answered with.
const server = http.createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url, "http://x").pathname).replace(/^\//, "");
  const file = name === "public/site.css" ? path.join(folder, "site.css") : path.join(folder, path.basename(name));
  if (!fs.existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  const headersFile = file.replace(/\.html$/, ".headers.json");
  const headers = file.endsWith(".html") && fs.existsSync(headersFile) ? JSON.parse(fs.readFileSync(headersFile, "utf8")) : {};
  response.writeHead(200, { "content-type": file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8", ...headers });
  response.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "agendabot-pages-chromium-"));
let passed = 0;
let failed = 0;
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1024, height: 768 },
  // Only so that axe can be put into a page whose policy allows no script: the policy itself is checked below.
  bypassCSP: true,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const name of pages) {
    const problems = [];
    const foreign = [];
    const onRequest = (request) => { if (!request.url().startsWith(base)) foreign.push(request.url()); };
    page.on("request", onRequest);
    try {
      await page.setViewportSize({ width: 1024, height: 768 });
      const response = await page.goto(base + name);
      const csp = response.headers()["content-security-policy"] ?? "";
      // As sent, before axe is put into the page.
      if (/<script/i.test(await response.text())) problems.push("the page has a script");
      if (!/script-src|default-src 'none'/.test(csp) || /unsafe-inline|unsafe-eval/.test(csp)) problems.push(`content security policy allows script: "${csp}"`);
      for (const scheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
        for (const v of result.violations) problems.push(`${scheme}: axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      }
      await page.emulateMedia({ colorScheme: "light" });
      problems.push(...(await page.evaluate(() => {
        const found = [];
        if (!document.documentElement.lang) found.push("the page has no lang");
        const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
        if (headings.filter((h) => h === 1).length !== 1) found.push(`${headings.filter((h) => h === 1).length} h1 headings`);
        headings.forEach((h, i) => { if (i > 0 && h > headings[i - 1] + 1) found.push(`heading level ${h} follows ${headings[i - 1]}`); });
        if (!document.querySelector("main")) found.push("no main landmark");
        return found;
      })));
      // Keyboard: Tab visits every link and form control, in document order, and each is drawn with an outline when focused.
      // (The naming is written out in both places: the pages' CSP allows no eval, so no function is passed in as text.)
      const stops = await page.evaluate(() => [...document.querySelectorAll("a[href], input:not([type=hidden]), select, textarea, button")]
        .filter((e) => e.getAttribute("tabindex") !== "-1")
        .map((e) => e.tagName === "A" ? e.getAttribute("href") : e.tagName === "BUTTON" ? `button "${e.textContent.trim()}"` : `#${e.id}`));
      const visited = [];
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < stops.length; i++) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const stop = e.tagName === "A" ? e.getAttribute("href") : e.tagName === "BUTTON" ? `button "${e.textContent.trim()}"` : `#${e.id}`;
          return { stop, outline: getComputedStyle(e).outlineStyle };
        });
        if (!focus) break;
        visited.push(focus.stop);
        if (focus.outline === "none") problems.push(`focused ${focus.stop} shows no outline`);
      }
      if (visited.join(" ") !== stops.join(" ")) problems.push(`Tab visits ${visited.join(", ")} instead of ${stops.join(", ")}`);
      // 200 % zoom: the same page in half the width must not scroll sideways.
      await page.setViewportSize({ width: 640, height: 768 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${overflow} px wider than the window at 200 % zoom`);
      if (foreign.length > 0) problems.push(`requests elsewhere: ${foreign.join(", ")}`);
    } catch (error) {
      problems.push(`could not check: ${error.message}`);
    } finally {
      page.off("request", onRequest);
    }
    if (problems.length === 0) {
      passed++;
      console.log(`check-pages: ok    ${name}`);
    } else {
      failed++;
      console.log(`check-pages: FAIL  ${name}`);
      for (const p of problems) console.log(`check-pages:       ${p}`);
    }
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`check-pages: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
