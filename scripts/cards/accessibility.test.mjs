import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderCards } from "./render.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const hostConfig = JSON.parse(fs.readFileSync(path.join(here, "teams-host-config.json"), "utf8"));
const card = (...body) => ({ type: "AdaptiveCard", version: "1.5", lang: "de", body });

test("axe-core finds text too faint to read and passes the bot's usual text", async () => {
  const faint = card({ type: "TextBlock", text: "Kaum lesbar", color: "warning", isSubtle: true });
  const usual = card({ type: "TextBlock", text: "Gut lesbar", wrap: true }, { type: "TextBlock", text: "Nebensache", isSubtle: true, wrap: true });
  const results = await renderCards([["faint", faint], ["usual", usual]], hostConfig);

  assert.ok(results.get("faint").problems.some((p) => p.startsWith("Accessibility color-contrast")), results.get("faint").problems.join("; "));
  assert.deepEqual(results.get("usual").problems, []);
});

test("in the dark theme, text drawn for the light theme's dark colour is found", async () => {
  const dark = JSON.parse(fs.readFileSync(path.join(here, "teams-host-config-dark.json"), "utf8"));
  // A fixed dark text colour would vanish on Teams' dark background; the theme's own colours must be used.
  dark.containerStyles.default.foregroundColors.default.default = "#242424";
  const results = await renderCards([["usual", card({ type: "TextBlock", text: "Gut lesbar", wrap: true })]], hostConfig, { dark });

  assert.ok(results.get("usual").problems.some((p) => p.startsWith("Accessibility (dark) color-contrast")), results.get("usual").problems.join("; "));
});
