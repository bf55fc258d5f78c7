// The policy an organisation's IT sets through the browser (storage.managed, see
// public/managed_schema.json), checked key by key: a bad value is dropped with a reason the options
// page shows, the rest still applies. Pure: no browser API, so any input can be tried in a test.
import { compactPhrase } from '../phrases/lexicon';
import { parsePortalInput } from '../portals/origins';
import { isTextSize, type TextSize } from '../prefs/panel-prefs';

/** Settings IT may preset and lock (a subset of lib/storage/schema.ts Settings). */
export const MANAGED_SETTING_KEYS = ['highlightsOn', 'panelSide', 'panelOpen', 'textSize'] as const;
export type ManagedSettingKey = (typeof MANAGED_SETTING_KEYS)[number];

export interface ManagedDefaults {
  readonly highlightsOn?: boolean;
  readonly panelSide?: 'left' | 'right';
  readonly panelOpen?: boolean;
  readonly textSize?: TextSize;
}

export interface GlossaryEntry {
  readonly phrase: string;
  readonly gloss: string;
}

export interface ManagedConfig {
  /** Whether any policy value was set at all (an empty area is "not managed"). */
  readonly present: boolean;
  readonly organisationName: string | null;
  readonly supportUrl: string | null;
  readonly portalOrigins: readonly string[];
  readonly glossary: readonly GlossaryEntry[];
  readonly extraPhrases: readonly string[];
  readonly defaults: ManagedDefaults;
  readonly locked: readonly ManagedSettingKey[];
  readonly syncAllowed: boolean;
  readonly usersMayAddPortals: boolean;
}

export type ManagedProblemReason =
  | 'unknown-key'
  | 'wrong-type'
  | 'too-many'
  | 'too-long'
  | 'bad-origin'
  | 'broad-pattern'
  | 'markup'
  | 'bad-url'
  | 'duplicate'
  | 'not-a-setting';

export interface ManagedProblem {
  /** Where in the policy: 'portalOrigins[3]', 'glossary[12].gloss', 'syncAllowed'. */
  readonly path: string;
  readonly reason: ManagedProblemReason;
}

export interface ManagedResult {
  readonly config: ManagedConfig;
  readonly problems: readonly ManagedProblem[];
  /** Problems past PROBLEMS_SHOWN are counted, not listed. */
  readonly moreProblems: number;
}

export const NOT_MANAGED: ManagedConfig = Object.freeze({
  present: false,
  organisationName: null,
  supportUrl: null,
  portalOrigins: [],
  glossary: [],
  extraPhrases: [],
  defaults: {},
  locked: [],
  syncAllowed: true,
  usersMayAddPortals: true,
});

/**
 * Bounds. Each origin is one permission and one registration, each glossary entry is painted on
 * every portal page: past these a policy is a mistake, and the first ones are kept.
 */
export const MANAGED_LIMITS = {
  origins: 500,
  glossary: 2000,
  extraPhrases: 500,
  phraseLength: 30,
  glossLength: 300,
  nameLength: 100,
  urlLength: 2048,
} as const;
export const PROBLEMS_SHOWN = 50;

const KNOWN_KEYS = [
  'organisationName',
  'supportUrl',
  'portalOrigins',
  'glossary',
  'extraPhrases',
  'defaultSettings',
  'lockedSettings',
  'syncAllowed',
  'usersMayAddPortals',
];

// A gloss is shown as text; something that looks like a tag or an entity is a sign it was written
// for HTML, and would show as noise, so it is refused rather than shown raw.
const MARKUP = /<\s*\/?\s*[a-z!?]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
// Control and bidi-override characters would reorder or hide what is shown next to them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function validateManaged(raw: unknown): ManagedResult {
  const problems: ManagedProblem[] = [];
  let total = 0;
  const problem = (path: string, reason: ManagedProblemReason) => {
    total++;
    if (problems.length < PROBLEMS_SHOWN) problems.push({ path, reason });
  };
  if (!isRecord(raw)) {
    if (raw !== undefined && raw !== null) problem('', 'wrong-type');
    return { config: NOT_MANAGED, problems, moreProblems: 0 };
  }
  const present = Object.keys(raw).length > 0;
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.includes(key)) problem(key, 'unknown-key');

  const text = (key: string, max: number): string | null => {
    const value = raw[key];
    if (value === undefined) return null;
    if (typeof value !== 'string') return (problem(key, 'wrong-type'), null);
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if ([...trimmed].length > max) return (problem(key, 'too-long'), null);
    if (UNSAFE_CHARS.test(trimmed) || MARKUP.test(trimmed)) return (problem(key, 'markup'), null);
    return trimmed;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') return (problem(key, 'wrong-type'), fallback);
    return value;
  };
  const list = (key: string, max: number): unknown[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return (problem(key, 'wrong-type'), []);
    if (value.length > max) problem(key, 'too-many');
    return value.slice(0, max);
  };

  const organisationName = text('organisationName', MANAGED_LIMITS.nameLength);
  let supportUrl = text('supportUrl', MANAGED_LIMITS.urlLength);
  if (supportUrl !== null && !isWebUrl(supportUrl)) {
    problem('supportUrl', 'bad-url');
    supportUrl = null;
  }

  const portalOrigins: string[] = [];
  list('portalOrigins', MANAGED_LIMITS.origins).forEach((value, i) => {
    const path = `portalOrigins[${i}]`;
    if (typeof value !== 'string') return problem(path, 'wrong-type');
    // A pattern, not an origin: a policy lists portals, it never widens access beyond them.
    if (value.includes('*') || value.trim() === '<all_urls>') return problem(path, 'broad-pattern');
    const parsed = parsePortalInput(value);
    // Hosts the manifest already covers need no permission: nothing to do, nothing wrong.
    if (!parsed.ok) return parsed.reason === 'already-covered' ? undefined : problem(path, 'bad-origin');
    if (portalOrigins.includes(parsed.origin)) return problem(path, 'duplicate');
    portalOrigins.push(parsed.origin);
  });

  const glossary: GlossaryEntry[] = [];
  const seenPhrases = new Set<string>();
  list('glossary', MANAGED_LIMITS.glossary).forEach((value, i) => {
    const path = `glossary[${i}]`;
    if (!isRecord(value)) return problem(path, 'wrong-type');
    const phrase = checkPhrase(value.phrase, `${path}.phrase`, problem);
    if (phrase === null) return;
    const gloss = value.gloss;
    if (typeof gloss !== 'string' || gloss.trim() === '') return problem(`${path}.gloss`, 'wrong-type');
    if ([...gloss.trim()].length > MANAGED_LIMITS.glossLength) return problem(`${path}.gloss`, 'too-long');
    if (MARKUP.test(gloss) || UNSAFE_CHARS.test(gloss)) return problem(`${path}.gloss`, 'markup');
    if (seenPhrases.has(phrase)) return problem(`${path}.phrase`, 'duplicate');
    seenPhrases.add(phrase);
    glossary.push({ phrase, gloss: gloss.trim() });
  });

  const extraPhrases: string[] = [];
  list('extraPhrases', MANAGED_LIMITS.extraPhrases).forEach((value, i) => {
    const phrase = checkPhrase(value, `extraPhrases[${i}]`, problem);
    if (phrase === null) return;
    if (seenPhrases.has(phrase)) return problem(`extraPhrases[${i}]`, 'duplicate');
    seenPhrases.add(phrase);
    extraPhrases.push(phrase);
  });

  const defaults: Record<string, unknown> = {};
  const rawDefaults = raw.defaultSettings;
  if (rawDefaults !== undefined) {
    if (!isRecord(rawDefaults)) problem('defaultSettings', 'wrong-type');
    else {
      for (const [key, value] of Object.entries(rawDefaults)) {
        const path = `defaultSettings.${key}`;
        if (!(MANAGED_SETTING_KEYS as readonly string[]).includes(key)) problem(path, 'not-a-setting');
        else if (settingValueOk(key as ManagedSettingKey, value)) defaults[key] = value;
        else problem(path, 'wrong-type');
      }
    }
  }

  const locked: ManagedSettingKey[] = [];
  list('lockedSettings', MANAGED_SETTING_KEYS.length * 4).forEach((value, i) => {
    const path = `lockedSettings[${i}]`;
    if (typeof value !== 'string' || !(MANAGED_SETTING_KEYS as readonly string[]).includes(value))
      return problem(path, 'not-a-setting');
    // A lock needs a value to hold the setting at.
    if (!(value in defaults)) return problem(path, 'not-a-setting');
    if (!locked.includes(value as ManagedSettingKey)) locked.push(value as ManagedSettingKey);
  });

  return {
    config: {
      present,
      organisationName,
      supportUrl,
      portalOrigins,
      glossary,
      extraPhrases,
      defaults: defaults as ManagedDefaults,
      locked,
      syncAllowed: flag('syncAllowed', true),
      usersMayAddPortals: flag('usersMayAddPortals', true),
    },
    problems,
    moreProblems: total - problems.length,
  };
}

function checkPhrase(
  value: unknown,
  path: string,
  problem: (path: string, reason: ManagedProblemReason) => void,
): string | null {
  if (typeof value !== 'string') return (problem(path, 'wrong-type'), null);
  const phrase = compactPhrase(value);
  if (phrase === '') return (problem(path, 'wrong-type'), null);
  if ([...phrase].length > MANAGED_LIMITS.phraseLength) return (problem(path, 'too-long'), null);
  if (MARKUP.test(phrase) || UNSAFE_CHARS.test(phrase)) return (problem(path, 'markup'), null);
  return phrase;
}

function settingValueOk(key: ManagedSettingKey, value: unknown): boolean {
  switch (key) {
    case 'highlightsOn':
    case 'panelOpen':
      return typeof value === 'boolean';
    case 'panelSide':
      return value === 'left' || value === 'right';
    case 'textSize':
      return isTextSize(value);
  }
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
