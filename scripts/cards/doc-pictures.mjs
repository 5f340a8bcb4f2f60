// Copies the renders named in doc-pictures.txt into docs/cards, so the pictures there are never older than the
// cards. Called by check-cards.mjs after it rendered the gallery; each listed picture is one result.
import fs from "node:fs";
import path from "node:path";

// One "<file> <card>" a line; blank lines and "#" comments are skipped. A line of another shape is a problem,
// not a crash, so the test run still ends with its counts.
export function readDocPictures(text) {
  const pictures = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") {
      return;
    }
    const fields = line.split(/\s+/);
    const problem = fields.length === 2 && fields[0].endsWith(".png") && !fields[0].includes("/")
      ? null
      : `line ${index + 1} is not "<file>.png <card>": ${raw.trim()}`;
    pictures.push({ file: fields[0], card: fields[1] ?? "", problem });
  });
  return pictures;
}

// The gallery picture a listed card means: the exact name, or for "<name>-*" the highest-numbered "<name>-<n>".
export function pickRender(card, galleryFiles) {
  if (!card.endsWith("-*")) {
    return galleryFiles.includes(`${card}.png`) ? `${card}.png` : null;
  }
  const stem = card.slice(0, -1);
  const numbered = galleryFiles
    .filter((f) => f.startsWith(stem) && /^\d+\.png$/.test(f.slice(stem.length)))
    .map((f) => ({ f, n: Number(f.slice(stem.length, -4)) }))
    .sort((a, b) => b.n - a.n);
  return numbered[0]?.f ?? null;
}

// Returns one result per listed picture and per picture in docs/cards that no line makes:
// { label, source, problems }. Files are rewritten only when their bytes change.
export function copyDocPictures(listText, gallery, docs) {
  const galleryFiles = fs.existsSync(gallery) ? fs.readdirSync(gallery) : [];
  const pictures = readDocPictures(listText);
  const results = pictures.map(({ file, card, problem }) => {
    const label = `docs/cards/${file}`;
    if (problem) {
      return { label, source: null, problems: [problem] };
    }
    const source = pickRender(card, galleryFiles);
    if (!source) {
      return {
        label,
        source: null,
        problems: [`no render of the card "${card}": the tests no longer send it under that name, or it could not ` +
          "be rendered; change its line in scripts/cards/doc-pictures.txt"],
      };
    }
    const png = fs.readFileSync(path.join(gallery, source));
    const target = path.join(docs, file);
    if (!fs.existsSync(target) || !png.equals(fs.readFileSync(target))) {
      fs.mkdirSync(docs, { recursive: true });
      fs.writeFileSync(target, png);
    }
    return { label, source, problems: [] };
  });
  const listed = new Set(pictures.map((p) => p.file));
  const stale = (fs.existsSync(docs) ? fs.readdirSync(docs) : []).filter((f) => f.endsWith(".png") && !listed.has(f));
  for (const file of stale.sort()) {
    results.push({
      label: `docs/cards/${file}`,
      source: null,
      problems: ["no test run makes this picture, so it goes stale: list it in scripts/cards/doc-pictures.txt or delete it"],
    });
  }
  return results;
}
