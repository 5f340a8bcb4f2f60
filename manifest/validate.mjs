// Checks a built Teams app package folder offline, against the JSON schemas bundled in @microsoft/app-manifest:
//   node manifest/validate.mjs <package-folder>
// Prints one line per problem and exits 1, or prints "manifest: valid ..." and exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import pngjs from 'pngjs';

const require = createRequire(import.meta.url);
const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The manifest versions whose schemas the installed package bundles, newest first ("1.30", "1.29", ...). */
export function bundledVersions() {
  return readdirSync(schemaRoot)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => b.split('.')[0] - a.split('.')[0] || b.split('.')[1] - a.split('.')[1]);
}

// strict: false as in the package's own validator (the schemas use keywords strict mode rejects).
// Patterns are JavaScript regular expressions with the u flag, as JSON Schema wants (the manifest schema uses \\p{L});
// the localisation schema has patterns ("...\\b]\\.description$") that are invalid with it, so those compile without.
function compile(schema, unicode) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: unicode });
  addFormats(ajv, ['uri', 'email', 'regex']);
  try {
    return ajv.compile(schema);
  } catch (failure) {
    if (unicode && failure instanceof SyntaxError) {
      return compile(schema, false);
    }
    throw failure;
  }
}

function schemaErrors(file, value, version, schemaName) {
  const path = join(schemaRoot, `v${version}`, schemaName);
  if (!existsSync(path)) {
    return [`${file}: no bundled schema ${schemaName} for manifest version ${version}`];
  }
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  const validate = compile(schema, true);
  return validate(value) ? [] : validate.errors.map((e) => `${file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

function readPng(folder, name, errors) {
  try {
    return pngjs.PNG.sync.read(readFileSync(join(folder, name)));
  } catch (failure) {
    errors.push(`${name}: not a readable PNG (${failure.message})`);
    return null;
  }
}

function iconErrors(folder, icons) {
  const errors = [];
  const color = readPng(folder, icons.color, errors);
  if (color && (color.width !== 192 || color.height !== 192)) {
    errors.push(`${icons.color}: colour icon is ${color.width}×${color.height}, Teams wants 192×192`);
  }
  const outline = readPng(folder, icons.outline, errors);
  if (!outline) {
    return errors;
  }
  if (outline.width !== 32 || outline.height !== 32) {
    errors.push(`${icons.outline}: outline icon is ${outline.width}×${outline.height}, Teams wants 32×32`);
  }
  // Teams tints the outline icon itself, so it must be white where it is drawn and transparent elsewhere.
  let drawn = 0;
  for (let i = 0; i < outline.data.length; i += 4) {
    const [r, g, b, a] = outline.data.subarray(i, i + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      const pixel = i / 4;
      errors.push(`${icons.outline}: pixel (${pixel % outline.width},${Math.floor(pixel / outline.width)}) is rgba(${r},${g},${b},${a}), neither transparent nor white`);
      return errors;
    }
    drawn += a === 0 ? 0 : 1;
  }
  if (drawn === 0) {
    errors.push(`${icons.outline}: outline icon is fully transparent`);
  }
  return errors;
}

// A localisation key names a path into the manifest ("bots[0].commandLists[1].commands[4].title"); it must exist,
// and every command must be translated, or English users would see German commands.
function translationErrors(file, strings, manifest) {
  const errors = [];
  const lookup = (key) => key.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter(Boolean))
    .reduce((node, step) => (node == null ? undefined : node[step]), manifest);
  for (const key of Object.keys(strings).filter((k) => k.includes('['))) {
    if (lookup(key) === undefined) {
      errors.push(`${file}: "${key}" names nothing in manifest.json`);
    }
  }
  (manifest.bots ?? []).forEach((bot, b) => (bot.commandLists ?? []).forEach((list, l) => list.commands.forEach((command, c) => {
    for (const field of ['title', 'description'].filter((f) => command[f] !== undefined)) {
      if (strings[`bots[${b}].commandLists[${l}].commands[${c}].${field}`] === undefined) {
        errors.push(`${file}: command "${command.title}" has no translated ${field}`);
      }
    }
  })));
  return errors;
}

export function validatePackage(folder) {
  const read = (name) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
  const manifest = read('manifest.json');
  const version = manifest.manifestVersion;
  const errors = schemaErrors('manifest.json', manifest, version, 'MicrosoftTeams.schema.json');
  const text = readFileSync(join(folder, 'manifest.json'), 'utf8');
  if (text.includes('${{')) {
    errors.push(`manifest.json: placeholders left unfilled: ${[...new Set(text.match(/\$\{\{\w+\}\}/g))].join(', ')}`);
  }
  const languages = manifest.localizationInfo?.additionalLanguages ?? [];
  for (const { file } of languages) {
    const strings = read(file);
    errors.push(...schemaErrors(file, strings, version, 'MicrosoftTeams.Localization.schema.json'));
    errors.push(...translationErrors(file, strings, manifest));
  }
  errors.push(...iconErrors(folder, manifest.icons));
  return { errors, version, languages: [manifest.localizationInfo?.defaultLanguageTag, ...languages.map((l) => l.languageTag)] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node manifest/validate.mjs <package-folder>');
    process.exit(2);
  }
  const { errors, version, languages } = validatePackage(folder);
  for (const error of errors) {
    console.error(`manifest: ${error}`);
  }
  if (errors.length > 0) {
    process.exit(1);
  }
  console.log(`manifest: valid against the bundled v${version} schemas (newest bundled: v${bundledVersions()[0]}); languages ${languages.join(', ')}`);
}
