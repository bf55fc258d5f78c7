// Checks the store packages `npm run zip` made in .output/: the Chrome/Edge and Firefox zips and
// the sources zip exist, each manifest's version is package.json's, and the sources archive holds
// what builds the extension and nothing it must not (dependencies, build output, test and demo
// results, anything from beside the clone). Exits non-zero, naming every problem, when one fails.
//
//   node scripts/check-packages.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const OUT = path.join(ROOT, '.output');

/** The entries of a zip file (name → { method, offset, size }), from its central directory. */
function readZip(file) {
  const buf = readFileSync(file);
  // End of central directory: the last signature 0x06054b50 (a comment may follow it).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path.basename(file)}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path.basename(file)}: damaged central directory`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { method, size, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const read = (name) => {
    const entry = entries.get(name);
    if (!entry) return null;
    const local = entry.offset;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + entry.size);
    return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
  };
  return { names: [...entries.keys()], read };
}

const problems = [];
const version = pkg.version;
const packages = {
  chrome: path.join(OUT, `${pkg.name}-${version}-chrome.zip`),
  firefox: path.join(OUT, `${pkg.name}-${version}-firefox.zip`),
  sources: path.join(OUT, `${pkg.name}-${version}-sources.zip`),
};

for (const [kind, file] of Object.entries(packages)) {
  if (existsSync(file)) continue;
  // WXT names a package by its manifest's version: one of another version means the two differ.
  const others = existsSync(OUT)
    ? readdirSync(OUT).filter((f) => f.startsWith(`${pkg.name}-`) && f.endsWith(`-${kind}.zip`))
    : [];
  problems.push(
    `${kind}: ${path.relative(ROOT, file)} is missing${others.length ? ` (found ${others.join(', ')})` : ''}`,
  );
}

for (const kind of ['chrome', 'firefox']) {
  if (!existsSync(packages[kind])) continue;
  const zip = readZip(packages[kind]);
  const manifest = JSON.parse(zip.read('manifest.json') ?? 'null');
  if (!manifest) problems.push(`${kind}: no manifest.json at the root of the zip`);
  else if (manifest.version !== version)
    problems.push(`${kind}: manifest version ${manifest.version} ≠ package.json ${version}`);
  const expected = kind === 'chrome' ? 3 : 2;
  if (manifest && manifest.manifest_version !== expected)
    problems.push(`${kind}: manifest_version ${manifest.manifest_version}, expected ${expected}`);
}

if (existsSync(packages.sources)) {
  const { names } = readZip(packages.sources);
  const forbidden =
    /(^|\/)(node_modules|\.output|\.wxt|\.git|test-results|demo-output|playwright-report)(\/|$)|^\.\.?\/|(^|\/)shared\/corpus\//;
  for (const name of names)
    if (forbidden.test(name) || path.isAbsolute(name)) problems.push(`sources: must not hold ${name}`);
  for (const needed of [
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'tsconfig.json',
    'README.md',
    'entrypoints/background.ts',
  ]) {
    if (!names.includes(needed)) problems.push(`sources: ${needed} is missing (the archive must build the extension)`);
  }
}

if (problems.length > 0) {
  console.error(`Packages for ${pkg.name} ${version}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Packages for ${pkg.name} ${version}: ${Object.values(packages)
    .map((f) => path.relative(ROOT, f))
    .join(', ')} — manifests at ${version}, sources clean`,
);
