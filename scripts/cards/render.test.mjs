import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderCards } from "./render.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const hostConfig = JSON.parse(fs.readFileSync(path.join(here, "teams-host-config.json"), "utf8"));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

test("a chart from a test host whose port the renderer now holds is a note, not a failure", async () => {
  const port = await freePort();
  const chart = {
    type: "AdaptiveCard", version: "1.5", lang: "de",
    body: [{ type: "TextBlock", text: "Ergebnis", wrap: true }, { type: "Image", url: `http://127.0.0.1:${port}/images/chart-1.png`, altText: "Rangfolge als Balkendiagramm" }],
  };
  const results = await renderCards([["chart", chart]], hostConfig, {}, { port });

  assert.deepEqual(results.get("chart").problems, []);
  assert.ok(results.get("chart").notes.some((n) => n.includes("/images/chart-1.png")), results.get("chart").notes.join("; "));
});
