// Builds the Teams app package: fills the ${{NAME}} placeholders of manifest.json from the environment, checks
// the result offline (validate.mjs) and zips it flat, as Teams wants, into <out>/agendabot.zip.
//   BOT_APP_ID=<guid> BOT_DOMAIN=<host> node manifest/build.mjs [--out artifacts/manifest]
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePackage } from './validate.mjs';
import { zip } from './zip.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'];
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

function settings(env) {
  const appId = env.BOT_APP_ID?.trim() ?? '';
  const domain = env.BOT_DOMAIN?.trim() ?? '';
  if (!GUID.test(appId)) {
    fail(`BOT_APP_ID must be the bot's app id (a GUID: the client id of its managed identity), got "${appId}"`);
  }
  if (!HOST.test(domain)) {
    fail(`BOT_DOMAIN must be the web app's host name without https:// (e.g. agendabot-hagenow.azurewebsites.net), got "${domain}"`);
  }
  // The bot serves an imprint, a privacy notice and terms of use itself (PublicPages:* in its settings name the town).
  const website = env.PUBLISHER_WEBSITE_URL || `https://${domain}/impressum`;
  return {
    BOT_APP_ID: appId,
    BOT_DOMAIN: domain,
    // The Teams app id may differ from the bot's (a second package for a test tenant); by default they are one.
    TEAMS_APP_ID: env.TEAMS_APP_ID || appId,
    APP_VERSION: env.APP_VERSION || '1.0.0',
    PUBLISHER_NAME: env.PUBLISHER_NAME || 'Digitale Agenda',
    PUBLISHER_WEBSITE_URL: website,
    PRIVACY_URL: env.PRIVACY_URL || `https://${domain}/datenschutz`,
    TERMS_OF_USE_URL: env.TERMS_OF_USE_URL || `https://${domain}/nutzungsbedingungen`,
  };
}

function fill(template, values) {
  return template.replace(/\$\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) {
      fail(`manifest.json uses \${{${name}}}, which build.mjs does not know`);
    }
    // Values land inside JSON strings: escape them as JSON would.
    return JSON.stringify(values[name]).slice(1, -1);
  });
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(here, '..', 'artifacts', 'manifest'));
const values = settings(process.env);
const staging = join(out, 'package');
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
writeFileSync(join(staging, 'manifest.json'), fill(readFileSync(join(here, 'manifest.json'), 'utf8'), values));
for (const name of FILES.slice(1)) {
  copyFileSync(join(here, name), join(staging, name));
}

const { errors, version } = validatePackage(staging);
if (errors.length > 0) {
  errors.forEach((error) => console.error(`build: ${error}`));
  fail('the package is not valid; nothing was zipped');
}

const archive = join(out, 'agendabot.zip');
const shown = relative(process.cwd(), archive).startsWith('..') ? archive : relative(process.cwd(), archive);
writeFileSync(archive, zip(FILES.map((name) => ({ name, data: readFileSync(join(staging, name)) }))));
console.log(`build: ${shown} (manifest v${version}, bot ${values.BOT_APP_ID}, https://${values.BOT_DOMAIN}/api/messages)`);
if (!process.env.PRIVACY_URL) {
  console.log('build: note: PRIVACY_URL is not set; the package links the bot\'s own privacy notice (set PublicPages:* in its settings).');
}
