// Shapes of everything stored (document records, bookmarks, settings) and their validators:
// stored or imported data is `unknown` until it passes through here.
import type { TextAnchor } from '../reading/anchor';
import { clampPanelWidth, DEFAULT_TEXT_SIZE, isTextSize, PANEL_DEFAULT, type TextSize } from '../prefs/panel-prefs';
import { userPhraseLimit, userPhraseMaxLength } from '../phrases/user-phrases';

export interface Bookmark {
  readonly sectionId: string;
  readonly heading: string;
  /** Optional short note, at most NOTE_MAX characters. */
  readonly note: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Tombstone: a removal remembered so a merge with an older copy does not bring it back. */
  readonly deleted?: boolean;
}

/** 会了 (known) or 再看 (again) for one part in study mode; 'none' is a mark taken back (kept so a merge does not bring it back). */
export type StudyState = 'known' | 'again' | 'none';

/** The student's mark on one part of a document (study mode, lib/study/). */
export interface StudyMark {
  readonly state: StudyState;
  /** The part's heading when marked, so the 复习 list names it without the page. */
  readonly heading: string;
  /** The part's key phrases when marked (the cloze blanks), so the 复习 list shows them without the page. */
  readonly terms: readonly string[];
  readonly updatedAt: number;
}

export interface DocRecord {
  /** Storage key: 'fp:…' fingerprint or 'url:…' normalised URL (see identity.ts). */
  readonly id: string;
  readonly title: string | null;
  readonly issuer: string | null;
  readonly date: string | null;
  readonly kind: string | null;
  /** Normalised URLs the document was seen at, newest first, at most URLS_MAX. */
  readonly urls: readonly string[];
  readonly textLength: number;
  readonly furthest: number;
  /** 0–100 integer; the highest ever reached (kept when the text length changes). */
  readonly percent: number;
  readonly lastPosition?: { readonly anchor: TextAnchor; readonly at: number };
  readonly readSections: readonly string[];
  /**
   * Characters read per text segment (section id, 'pre', 'tail'), by the reading-time rule
   * (lib/reading/reading-time.ts); `percent` follows from it. Records from before the rule have {}.
   */
  readonly ledger: Readonly<Record<string, number>>;
  /** Section id → heading, so the popup can name parts and bookmarks without the page. */
  readonly sectionTitles: Readonly<Record<string, string>>;
  /** Top-level parts in document order. */
  readonly parts: readonly { readonly id: string; readonly heading: string }[];
  readonly bookmarks: Readonly<Record<string, Bookmark>>;
  /** Last time progress was recorded (ms epoch). */
  readonly lastReadAt: number;
  readonly updatedAt: number;
  /** When progress was last reset (0 = never); progress recorded before it is ignored on merge. */
  readonly resetAt: number;
  /**
   * Study progress by part id (会了 / 再看); absent until the student marks a part. A reset of
   * reading progress leaves it alone. Merged per part, newest mark wins (lib/storage/merge.ts).
   */
  readonly study?: Readonly<Record<string, StudyMark>>;
}

export interface Settings {
  /** The settings' format, their one version number (the versioning rule: items.ts). */
  readonly version: 1;
  readonly highlightsOn: boolean;
  readonly userPhrases: readonly string[];
  readonly panelSide: 'left' | 'right';
  readonly panelOpen: boolean;
  /** The full panel's width in CSS px (clamped to the layout's range). */
  readonly panelWidth: number;
  /** Body text size of the reader's UI in px, one of TEXT_SIZES. */
  readonly textSize: TextSize;
  /** The reader closed the keyboard hint: it is not shown again. */
  readonly keysHintDismissed: boolean;
}

export const NOTE_MAX = 200;
export const URLS_MAX = 10;

// Every stored string and list has a bound, so one page cannot fill the store (a heading of
// 2.6 million characters is kept as its first HEADING_MAX). Over-long values are cut on read
// and on every write; entries beyond a list's bound are left out.
/** Title, issuer, date, kind. */
export const TITLE_MAX = 300;
/** A section or bookmark heading. */
export const HEADING_MAX = 200;
/** A section id ('p2.k3'); longer ids are not ids the parser makes. */
const SECTION_ID_MAX = 64;
/** A stored URL; longer ones are left out rather than cut (a cut URL leads elsewhere). */
export const URL_MAX = 2048;
/** Quote, prefix and suffix of a reading position (the anchor makes 32). */
const ANCHOR_TEXT_MAX = 128;
/** Sections with a stored heading, and read sections. */
const SECTIONS_MAX = 2000;
const PARTS_MAX = 200;
const BOOKMARKS_MAX = 500;
/** Key phrases kept with one study mark (a part rarely has more than a dozen). */
export const STUDY_TERMS_MAX = 60;
/** One record at most; far above a long document with many bookmarks. */
export const RECORD_MAX_BYTES = 256 * 1024;
/** All records together; Chrome's storage.local holds 10 MB, the rest is left for settings and slack. */
export const STORE_MAX_BYTES = 8 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  highlightsOn: true,
  userPhrases: [],
  panelSide: 'right',
  panelOpen: true,
  panelWidth: PANEL_DEFAULT,
  textSize: DEFAULT_TEXT_SIZE,
  keysHintDismissed: false,
};

/** A blank record, the starting point for a document seen for the first time. */
export function emptyRecord(id: string, now = 0): DocRecord {
  return {
    id,
    title: null,
    issuer: null,
    date: null,
    kind: null,
    urls: [],
    textLength: 0,
    furthest: 0,
    percent: 0,
    readSections: [],
    ledger: {},
    sectionTitles: {},
    parts: [],
    bookmarks: {},
    lastReadAt: now,
    updatedAt: now,
    resetAt: 0,
  };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; path: string };

/**
 * Where a field sits, e.g. 'bookmarks["p1.k2"].note'. Inside collections it is a function, spelled
 * out only when the field is bad: records are validated on every save, and building a path string
 * for each of a long outline's hundreds of titles made most of the garbage of scrolling.
 */
type Path = string | (() => string);

function pathText(path: Path): string {
  return typeof path === 'function' ? path() : path;
}

function sub(path: Path, suffix: string): Path {
  return typeof path === 'string' ? path + suffix : () => pathText(path) + suffix;
}

class Invalid extends Error {
  readonly path: string;

  constructor(path: Path) {
    const text = pathText(path);
    super(`invalid at ${text}`);
    this.path = text;
  }
}

/** Full validation with the path of the first bad field, e.g. 'bookmarks["p1.k2"].note'. */
export function validateDocRecord(x: unknown, path = ''): Validated<DocRecord> {
  try {
    return { ok: true, value: readDocRecord(x, path) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, path: error.path || '(root)' };
    throw error;
  }
}

export function parseDocRecord(x: unknown): DocRecord | null {
  const result = validateDocRecord(x);
  return result.ok ? result.value : null;
}

function readDocRecord(x: unknown, path: string): DocRecord {
  const o = obj(x, path);
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  const id = str(o.id, at('id'));
  if (!/^(fp|url):./.test(id) || id.length > URL_MAX + 4) throw new Invalid(at('id'));
  const lastPosition = o.lastPosition === undefined ? undefined : readPosition(o.lastPosition, at('lastPosition'));
  return {
    id,
    title: cut(optStr(o.title, at('title')), TITLE_MAX),
    issuer: cut(optStr(o.issuer, at('issuer')), TITLE_MAX),
    date: cut(optStr(o.date, at('date')), TITLE_MAX),
    kind: cut(optStr(o.kind, at('kind')), TITLE_MAX),
    // Only web addresses: the popup opens them (never data:, file:, chrome:, view-source:, javascript:).
    urls: arr(o.urls, at('urls'), str)
      .filter((u) => u.length <= URL_MAX && /^https?:\/\//i.test(u))
      .slice(0, URLS_MAX),
    textLength: count(o.textLength, at('textLength')),
    furthest: count(o.furthest, at('furthest')),
    percent: Math.min(100, Math.round(count(o.percent, at('percent')))),
    ...(lastPosition ? { lastPosition } : {}),
    readSections: [...new Set(arr(o.readSections, at('readSections'), str))].filter(isSectionId).slice(0, SECTIONS_MAX),
    // Absent in records saved before the reading-time rule: their read sections stay read and
    // their percent is recomputed from the ledger on the next save.
    ledger: o.ledger === undefined ? {} : bounded(readLedger(o.ledger, at('ledger')), SECTIONS_MAX + 2),
    sectionTitles: bounded(
      dict(o.sectionTitles, at('sectionTitles'), (v, vp) => cut(str(v, vp), HEADING_MAX)),
      SECTIONS_MAX,
    ),
    parts: arr(o.parts, at('parts'), (p, pp) => {
      const po = obj(p, pp);
      return { id: str(po.id, sub(pp, '.id')), heading: cut(str(po.heading, sub(pp, '.heading')), HEADING_MAX) };
    })
      .filter((p) => isSectionId(p.id))
      .slice(0, PARTS_MAX),
    bookmarks: readBookmarks(o.bookmarks, at('bookmarks')),
    lastReadAt: count(o.lastReadAt, at('lastReadAt')),
    updatedAt: count(o.updatedAt, at('updatedAt')),
    resetAt: o.resetAt === undefined ? 0 : count(o.resetAt, at('resetAt')),
    // Absent in records from before study mode, and in records never studied.
    ...(o.study === undefined ? {} : { study: readStudy(o.study, at('study')) }),
  };
}

const STUDY_STATES: readonly string[] = ['known', 'again', 'none'];

function readStudy(x: unknown, path: Path): Record<string, StudyMark> {
  const all = dict(x, path, (m, mp) => {
    const o = obj(m, mp);
    const state = str(o.state, sub(mp, '.state'));
    if (!STUDY_STATES.includes(state)) throw new Invalid(sub(mp, '.state'));
    const terms = arr(o.terms, sub(mp, '.terms'), str).filter(
      (term) => term.length > 0 && [...term].length <= userPhraseMaxLength,
    );
    const mark: StudyMark = {
      state: state as StudyState,
      heading: cut(str(o.heading, sub(mp, '.heading')), HEADING_MAX),
      terms: [...new Set(terms)].slice(0, STUDY_TERMS_MAX),
      updatedAt: count(o.updatedAt, sub(mp, '.updatedAt')),
    };
    return mark;
  });
  return bounded(all, PARTS_MAX);
}

function readPosition(x: unknown, path: string): { anchor: TextAnchor; at: number } {
  const o = obj(x, path);
  const a = obj(o.anchor, `${path}.anchor`);
  const ap = `${path}.anchor`;
  return {
    anchor: {
      sectionId: cut(optStr(a.sectionId, `${ap}.sectionId`), SECTION_ID_MAX),
      quote: cut(str(a.quote, `${ap}.quote`), ANCHOR_TEXT_MAX),
      prefix: cut(str(a.prefix, `${ap}.prefix`), ANCHOR_TEXT_MAX),
      suffix: cut(str(a.suffix, `${ap}.suffix`), ANCHOR_TEXT_MAX),
      offset: count(a.offset, `${ap}.offset`),
    },
    at: count(o.at, `${path}.at`),
  };
}

/** Segment id → whole characters read; zero entries are dropped (the stored form omits them). */
function readLedger(x: unknown, path: string): Record<string, number> {
  const all = dict(x, path, (v, vp) => Math.floor(count(v, vp)));
  for (const key of Object.keys(all)) if (all[key] === 0) delete all[key];
  return all;
}

function readBookmarks(x: unknown, path: Path): Record<string, Bookmark> {
  const all = dict(
    x,
    path,
    (b, bp) => {
      const o = obj(b, bp);
      const bookmark: Bookmark = {
        sectionId: str(o.sectionId, sub(bp, '.sectionId')),
        heading: cut(str(o.heading, sub(bp, '.heading')), HEADING_MAX),
        // Over-long notes are cut rather than rejected: the rest of the record is fine.
        note: str(o.note, sub(bp, '.note')).slice(0, NOTE_MAX),
        createdAt: count(o.createdAt, sub(bp, '.createdAt')),
        updatedAt: count(o.updatedAt, sub(bp, '.updatedAt')),
        ...(bool(o.deleted, sub(bp, '.deleted'), false) ? { deleted: true } : {}),
      };
      return bookmark;
    },
    (key, value) => value.sectionId === key,
  );
  const out: Record<string, Bookmark> = {};
  let n = 0;
  for (const [key, bookmark] of Object.entries(all)) {
    if (!isSectionId(key)) continue;
    out[key] = bookmark;
    if (++n >= BOOKMARKS_MAX) break;
  }
  return out;
}

function isSectionId(id: string): boolean {
  return id.length > 0 && id.length <= SECTION_ID_MAX;
}

/** The first `max` characters (not splitting a surrogate pair). */
function cut<T extends string | null>(value: T, max: number): T {
  if (value === null || value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end) as T;
}

/** The first `max` entries of a map, ids over the id bound left out. */
function bounded<T>(map: Record<string, T>, max: number): Record<string, T> {
  const out: Record<string, T> = {};
  let n = 0;
  for (const key in map) {
    if (!isSectionId(key)) continue;
    out[key] = map[key]!;
    if (++n >= max) break;
  }
  return out;
}

/** Settings never fail: each bad or missing field falls back to its default. */
export function parseSettings(x: unknown): Settings {
  const o = typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  const phrases = Array.isArray(o.userPhrases)
    ? o.userPhrases
        .filter((p): p is string => typeof p === 'string')
        .map((p) => p.trim())
        .filter((p) => p.length > 0 && [...p].length <= userPhraseMaxLength)
    : [];
  return {
    version: 1,
    highlightsOn: typeof o.highlightsOn === 'boolean' ? o.highlightsOn : DEFAULT_SETTINGS.highlightsOn,
    // The same bounds as adding one (user-phrases.ts): an import or an old store cannot go past them either.
    userPhrases: [...new Set(phrases)].slice(0, userPhraseLimit),
    panelSide: o.panelSide === 'left' || o.panelSide === 'right' ? o.panelSide : DEFAULT_SETTINGS.panelSide,
    panelOpen: typeof o.panelOpen === 'boolean' ? o.panelOpen : DEFAULT_SETTINGS.panelOpen,
    panelWidth:
      typeof o.panelWidth === 'number' && Number.isFinite(o.panelWidth)
        ? clampPanelWidth(o.panelWidth)
        : DEFAULT_SETTINGS.panelWidth,
    textSize: isTextSize(o.textSize) ? o.textSize : DEFAULT_SETTINGS.textSize,
    keysHintDismissed:
      typeof o.keysHintDismissed === 'boolean' ? o.keysHintDismissed : DEFAULT_SETTINGS.keysHintDismissed,
  };
}

// --- small readers: return the value or throw Invalid(path) ---

function obj(x: unknown, path: Path): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Invalid(path);
  return x as Record<string, unknown>;
}

function str(x: unknown, path: Path): string {
  if (typeof x !== 'string') throw new Invalid(path);
  return x;
}

function optStr(x: unknown, path: Path): string | null {
  return x === null || x === undefined ? null : str(x, path);
}

function bool(x: unknown, path: Path, fallback: boolean): boolean {
  if (x === undefined) return fallback;
  if (typeof x !== 'boolean') throw new Invalid(path);
  return x;
}

/** A finite, non-negative number (offsets, lengths, timestamps). */
function count(x: unknown, path: Path): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new Invalid(path);
  return x;
}

function arr<T>(x: unknown, path: Path, item: (v: unknown, path: Path) => T): T[] {
  if (!Array.isArray(x)) throw new Invalid(path);
  // One path function for all items: a path is read only while its item is being checked.
  let index = 0;
  const at = (): string => `${pathText(path)}[${index}]`;
  const out: T[] = [];
  for (; index < x.length; index++) out.push(item(x[index], at));
  return out;
}

function dict<T>(
  x: unknown,
  path: Path,
  item: (v: unknown, path: Path) => T,
  check: (key: string, value: T) => boolean = () => true,
): Record<string, T> {
  const o = obj(x, path);
  const out: Record<string, T> = {};
  // One path function for all entries: a path is read only while its entry is being checked.
  let key = '';
  const at = (): string => `${pathText(path)}[${JSON.stringify(key)}]`;
  for (key of Object.keys(o)) {
    // JSON.parse makes '__proto__' an own key; assigning it would swap the prototype.
    if (key === '__proto__') continue;
    const value = item(o[key], at);
    if (!check(key, value)) throw new Invalid(at);
    out[key] = value;
  }
  return out;
}

// --- portals and per-site settings ---

/** Per-site choices, keyed by origin ('https://oa.example.com') or, for older entries, hostname. */
export interface SiteSettings {
  /** The reader stays off on this site. */
  readonly disabled: boolean;
  /** CSS selector of the article container, where detection picks the wrong region; null = detect. */
  readonly selector: string | null;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { disabled: false, selector: null };
const SELECTOR_MAX_LENGTH = 500;
const SITES_MAX = 500;
const PORTALS_MAX = 200;

/** One site's settings, or null when the value is not usable. */
export function parseSiteSettings(x: unknown): SiteSettings | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const o = x as Record<string, unknown>;
  if (typeof o.disabled !== 'boolean') return null;
  if (o.selector !== null && o.selector !== undefined && typeof o.selector !== 'string') return null;
  const selector = typeof o.selector === 'string' ? o.selector.trim() : '';
  if (selector.length > SELECTOR_MAX_LENGTH) return null;
  return { disabled: o.disabled, selector: selector === '' ? null : selector };
}

/** The stored site map with bad entries (and bad keys) dropped, the others kept. */
export function parseSites(x: unknown): Record<string, SiteSettings> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return {};
  const out: Record<string, SiteSettings> = {};
  let n = 0;
  for (const [key, value] of Object.entries(x as Record<string, unknown>)) {
    if (key === '__proto__' || key.trim() === '' || key.length > 300) continue;
    const site = parseSiteSettings(value);
    if (!site) continue;
    out[key] = site;
    if (++n >= SITES_MAX) break;
  }
  return out;
}

/** Stored portal origins: http(s) origins only, each once, in the order added. */
export function parsePortals(x: unknown): string[] {
  if (!Array.isArray(x)) return [];
  const out = new Set<string>();
  for (const value of x) {
    if (typeof value !== 'string') continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value) out.add(value);
  }
  return [...out].slice(0, PORTALS_MAX);
}

/** Whether this computer keeps a sync replica (lib/storage/sync-settings.ts). */
export interface SyncSettings {
  readonly on: boolean;
}
