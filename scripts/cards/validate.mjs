// Validates one Adaptive Card the way Teams needs it: parsed by the `adaptivecards` library for schema 1.5 with no
// parse or validation event at all (its warnings are what make Teams drop an element or show a blank card), plus a
// few Teams rules the library does not know.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The UMD bundle: parsing and validation run without a DOM.
const AC = require("adaptivecards/dist/adaptivecards.js");
// adaptivecards 3.0.6 checks `lang` with a /g regex, which remembers where its last match ended: after one card
// with "de" the next "en" fails. A regex without /g checks every card alike (the page does the same).
AC.CardElement.langProperty.regEx = /^[a-z]{2,3}$/i;

export const MAX_CARD_BYTES = 28 * 1024; // Teams refuses larger messages (413); 28 KB is the safe limit.
const MAX_REFRESH_USERS = 60; // Teams gives user-specific views to at most 60 users.

/** Returns a list of problems ("Kind: message"); empty when the card is fine. */
export function validateCard(json, hostConfig) {
  if (json === null || typeof json !== "object" || Array.isArray(json) || json.type !== "AdaptiveCard") {
    return [`MissingCardType: not an object with "type": "AdaptiveCard"`];
  }
  const problems = [];
  const bytes = Buffer.byteLength(JSON.stringify(json), "utf8");
  if (bytes > MAX_CARD_BYTES) {
    problems.push(`TooLarge: ${bytes} bytes of JSON, more than ${MAX_CARD_BYTES}`);
  }

  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  card.maxVersion = AC.Versions.v1_5; // Teams renders 1.5 at most: a higher `version` is a validation failure.
  const context = new AC.SerializationContext(AC.Versions.v1_5); // 1.6 properties and elements count as unknown.
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }

  if ((json?.refresh?.userIds?.length ?? 0) > MAX_REFRESH_USERS) {
    problems.push(`TooManyRefreshUsers: refresh.userIds has ${json.refresh.userIds.length} ids, Teams allows ${MAX_REFRESH_USERS}`);
  }
  visit(json, "$", (node, path) => {
    // Clients without Universal Actions show nothing to click unless Action.Execute falls back to Action.Submit.
    if (node.type === "Action.Execute" && node.fallback?.type !== "Action.Submit") {
      problems.push(`ExecuteWithoutSubmitFallback: ${path} (verb ${JSON.stringify(node.verb)}) has no Action.Submit fallback`);
    }
    // The library accepts a TextBlock without text, and Teams shows an empty line.
    if (node.type === "TextBlock" && (typeof node.text !== "string" || node.text.trim() === "")) {
      problems.push(`EmptyTextBlock: ${path} has no text`);
    }
  });
  return problems;
}

function visit(node, path, action) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => visit(child, `${path}[${i}]`, action));
  } else if (node && typeof node === "object") {
    action(node, path);
    for (const [key, child] of Object.entries(node)) {
      visit(child, `${path}.${key}`, action);
    }
  }
}
