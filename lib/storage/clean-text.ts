// Text hygiene for what the reader keeps and exports: headings, titles, notes and phrases come from
// pages and from the reader's typing, and a bidi override (U+202E) or another invisible control in
// them makes a stored or exported line read differently from what it holds (a note that shows
// "gpj.exe" as "exe.jpg", a heading that hides words). They are removed wherever records are
// written (document-store.ts) and wherever exports are made (export-import.ts). Pure.
import type { DocRecord } from './schema';

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the other bidi marks
 * (U+061C, U+200E, U+200F), zero-width spaces and joiner-less controls (U+200B, U+200C, U+2060–2064,
 * U+206A–206F, U+FEFF, U+180E), interlinear annotation controls (U+FFF9–FFFB) and C0/C1 controls
 * other than tab and line breaks. U+200D (zero-width joiner) stays: emoji need it.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** The text without bidi controls and other invisible controls. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Whether the text holds anything cleanText removes. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

const cleanOrNull = (text: string | null): string | null => (text === null ? null : cleanText(text));

/** The record with every heading, title, note and study term cleaned; the same object when nothing changed. */
export function cleanRecord(record: DocRecord): DocRecord {
  const texts = [
    record.title,
    record.issuer,
    record.date,
    record.kind,
    ...Object.values(record.sectionTitles),
    ...record.parts.map((p) => p.heading),
    ...Object.values(record.bookmarks).flatMap((b) => [b.heading, b.note]),
    ...Object.values(record.study ?? {}).flatMap((m) => [m.heading, ...m.terms]),
  ];
  if (!texts.some((t) => t !== null && hasInvisible(t))) return record;
  return {
    ...record,
    title: cleanOrNull(record.title),
    issuer: cleanOrNull(record.issuer),
    date: cleanOrNull(record.date),
    kind: cleanOrNull(record.kind),
    sectionTitles: Object.fromEntries(Object.entries(record.sectionTitles).map(([id, h]) => [id, cleanText(h)])),
    parts: record.parts.map((p) => ({ ...p, heading: cleanText(p.heading) })),
    bookmarks: Object.fromEntries(
      Object.entries(record.bookmarks).map(([id, b]) => [
        id,
        { ...b, heading: cleanText(b.heading), note: cleanText(b.note) },
      ]),
    ),
    ...(record.study
      ? {
          study: Object.fromEntries(
            Object.entries(record.study).map(([id, m]) => [
              id,
              { ...m, heading: cleanText(m.heading), terms: m.terms.map(cleanText) },
            ]),
          ),
        }
      : {}),
  };
}
