// The project's own rules, checked: module headers, file naming, strings through _locales,
// storage through one module, page text never inserted as HTML, and which folder may import which.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...files(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

const source = [...files('lib'), ...files('components'), ...files('entrypoints')];
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

/** Each `from '…'` of a file: relative ones as repository paths ('lib/dom/ranges'), packages as written. */
function importsOf(file: string): string[] {
  return [...read(file).matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)].map(([, a, b]) => {
    const spec = (a ?? b)!;
    return spec.startsWith('.')
      ? path
          .relative(ROOT, path.resolve(ROOT, path.dirname(file), spec))
          .split(path.sep)
          .join('/')
      : spec;
  });
}

/** `file -> import` for every import of `files` that `forbidden` matches. */
function crossings(files: readonly string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} -> ${target}`),
  );
}

/**
 * The text layers: what a page's document is (lib/document), how far it was read (lib/reading),
 * its phrases and the sorted-search helper. Pure functions of text and a text model; the layers
 * above (DOM layout, storage, UI, messaging, the browser) build on them, never the other way.
 */
const TEXT_LAYERS = ['lib/document/', 'lib/reading/', 'lib/phrases/', 'lib/sorted/'];
const ABOVE_TEXT =
  /^(lib\/(dom|storage|ui|startup|background|tabs|prefs|keys|portals)(\/|$)|lib\/messag(es|ing)$|wxt\/(browser|utils))/;

describe('conventions', () => {
  it('every module opens with a comment saying its job', () => {
    const missing = source.filter((f) => !/^\s*(\/\/|\/\*)/.test(read(f)));
    expect(missing).toEqual([]);
  });

  it('lib/ files are kebab-case, components are PascalCase (hooks use-*)', () => {
    const badLib = files('lib', /\.(ts|json)$/).filter(
      (f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.(ts|json)$/.test(path.basename(f)),
    );
    const badComponents = files('components', /\.tsx?$/).filter(
      (f) => !/^([A-Z][A-Za-z0-9]*\.tsx|use-[a-z-]+\.ts)$/.test(path.basename(f)),
    );
    expect([...badLib, ...badComponents]).toEqual([]);
  });

  it('user-facing text lives in _locales, not in components or entrypoints', () => {
    const han = /[\u4e00-\u9fff]/;
    const offenders = [...files('components'), ...files('entrypoints')].filter((f) =>
      read(f)
        .split('\n')
        .some((line) => han.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)),
    );
    expect(offenders).toEqual([]);
  });

  it('both locales carry the same messages with the same placeholders', () => {
    const zh = JSON.parse(read('public/_locales/zh_CN/messages.json')) as Record<string, { placeholders?: object }>;
    const en = JSON.parse(read('public/_locales/en/messages.json')) as Record<string, { placeholders?: object }>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(Object.keys(en[key]?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(zh[key]?.placeholders ?? {}).sort(),
      );
    }
  });

  it('storage is reached only through lib/storage', () => {
    const raw = source.filter(
      (f) => !f.startsWith('lib/storage/') && /\b(browser|chrome)\.storage\b|storage\.defineItem/.test(read(f)),
    );
    expect(raw).toEqual([]);
  });

  it('runtime messages are sent only through the typed send helpers', () => {
    const senders = ['lib/messaging.ts', 'lib/storage/protocol.ts'];
    const raw = source.filter(
      (f) => !senders.includes(f.split(path.sep).join('/')) && /\b(runtime|tabs)\.sendMessage\b/.test(read(f)),
    );
    expect(raw).toEqual([]);
  });

  it('page text is never inserted as HTML', () => {
    const html = source.filter((f) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(read(f)),
    );
    expect(html).toEqual([]);
  });

  it('entrypoint folders do not import each other: code two bundles share lives in lib/', () => {
    const crossing: string[] = [];
    for (const file of files('entrypoints')) {
      const own = file.split(path.sep)[1]?.replace(/\.tsx?$/, '');
      for (const [, spec] of read(file).matchAll(/from\s+'([^']+)'/g)) {
        if (!spec?.startsWith('.')) continue;
        const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).split(path.sep);
        if (target[0] === 'entrypoints' && target[1]?.replace(/\.tsx?$/, '') !== own)
          crossing.push(`${file} -> ${spec}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  it('the text layers import no DOM layout, storage, UI, messaging or browser code', () => {
    const text = files('lib').filter((f) => TEXT_LAYERS.some((dir) => f.startsWith(dir)));
    expect(crossings(text, (target) => ABOVE_TEXT.test(target))).toEqual([]);
  });

  it('lib/ never imports entrypoints/ or components/: both build on lib, not the other way', () => {
    expect(crossings(files('lib'), (target) => /^(entrypoints|components)(\/|$)/.test(target))).toEqual([]);
  });

  it('components never import entrypoints/', () => {
    expect(crossings(files('components'), (target) => /^entrypoints(\/|$)/.test(target))).toEqual([]);
  });

  it('unit tests mirror code paths: tests/unit/<path>[.aspect].test.ts tests lib/<path>, entrypoints/<path> or components/…', () => {
    const orphans = files('tests/unit', /\.test\.tsx?$/)
      .map((test) => path.relative('tests/unit', test).split(path.sep).join('/'))
      .filter((rel) => rel !== 'conventions.test.ts')
      .filter((rel) => {
        // 'detect.property.test.ts' and 'items.lazy.test.ts' test one aspect of detect.ts, items.ts.
        const base = rel.replace(/\.test\.tsx?$/, '').replace(/^(.*\/)?([^/.]+)\.[^/]+$/, '$1$2');
        // tests/unit/components/… mirrors components/…; tests/unit/content/… an entrypoint folder; the rest lib/….
        return !['lib', 'entrypoints', ''].some((root) =>
          ['.ts', '.tsx'].some((ext) => existsSync(path.join(ROOT, root, base + ext))),
        );
      });
    expect(orphans).toEqual([]);
  });

  it('no import circle among product modules, type imports included', () => {
    // Tarjan's strongly connected components over the repository-path import graph.
    const known = new Map(source.map((f) => [f.replace(/\.tsx?$/, ''), f]));
    const resolve = (target: string) => known.get(target) ?? known.get(`${target}/index`);
    const edges = new Map(source.map((f) => [f, importsOf(f).flatMap((t) => resolve(t) ?? [])]));
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const circles: string[][] = [];
    const visit = (v: string) => {
      order.set(v, order.size);
      low.set(v, order.get(v)!);
      stack.push(v);
      for (const w of edges.get(v) ?? []) {
        if (!order.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
      if (low.get(v) === order.get(v)) {
        const circle = stack.splice(stack.indexOf(v));
        if (circle.length > 1) circles.push(circle.sort());
      }
    };
    for (const f of source) if (!order.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('imports are explicit: wxt.config turns auto-imports off', () => {
    expect(read('wxt.config.ts')).toMatch(/imports:\s*false/);
  });
});
