// The managed-storage schema against Chromium's rules (components/policy/core/common/schema.cc): a
// schema Chromium rejects stops the extension from loading, so every rule is checked here.
import { describe, expect, it } from 'vitest';
import { MANAGED_SETTING_KEYS } from '../../../lib/managed/validate';
import { TEXT_SIZES } from '../../../lib/prefs/panel-prefs';
import schemaJson from '../../../public/managed_schema.json';

const schema = schemaJson as unknown as Record<string, unknown>;

const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
const ALLOWED = new Set([
  'type',
  '$ref',
  'id',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'required',
  'sensitiveValue',
]);

/** Every rule broken, as 'path: rule' lines (empty when the schema is sound). */
function chromeSchemaErrors(node: unknown, path = '$', top = true): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${path}: not an object`];
  const s = node as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(s)) if (!ALLOWED.has(key)) errors.push(`${path}: keyword ${key} not allowed`);
  const hasType = 'type' in s;
  if (hasType === '$ref' in s) errors.push(`${path}: needs exactly one of type or $ref`);
  if (hasType && (typeof s.type !== 'string' || !TYPES.includes(s.type))) errors.push(`${path}: bad type`);
  if (top && s.type !== 'object') errors.push(`${path}: top level must be type object`);
  if ('properties' in s) {
    if (s.type !== 'object') errors.push(`${path}: properties on a non-object`);
    const props = s.properties as Record<string, unknown>;
    for (const [name, sub] of Object.entries(props)) errors.push(...chromeSchemaErrors(sub, `${path}.${name}`, false));
  }
  if ('items' in s) {
    if (s.type !== 'array') errors.push(`${path}: items on a non-array`);
    errors.push(...chromeSchemaErrors(s.items, `${path}[]`, false));
  }
  if (s.type === 'array' && !('items' in s)) errors.push(`${path}: array without items`);
  if ('enum' in s) {
    const values = s.enum;
    if (!Array.isArray(values) || values.length === 0) errors.push(`${path}: empty enum`);
    else if (s.type !== 'string' && s.type !== 'integer') errors.push(`${path}: enum only for string or integer`);
    else if (!values.every((v) => (s.type === 'string' ? typeof v === 'string' : Number.isInteger(v))))
      errors.push(`${path}: enum value of another type`);
  }
  if (('minimum' in s || 'maximum' in s) && s.type !== 'integer' && s.type !== 'number')
    errors.push(`${path}: bounds on a non-number`);
  return errors;
}

describe('public/managed_schema.json', () => {
  it("follows Chromium's schema rules", () => {
    expect(chromeSchemaErrors(schema)).toEqual([]);
  });

  it('the checker catches what Chromium refuses', () => {
    expect(chromeSchemaErrors({ type: 'array', items: { type: 'string' } })).toContain(
      '$: top level must be type object',
    );
    expect(chromeSchemaErrors({ type: 'object', properties: { a: { description: 'x' } } })).toContain(
      '$.a: needs exactly one of type or $ref',
    );
    expect(chromeSchemaErrors({ type: 'object', properties: { a: { type: 'string', $ref: 'b' } } })).toContain(
      '$.a: needs exactly one of type or $ref',
    );
    expect(chromeSchemaErrors({ type: 'object', properties: { a: { type: 'string', format: 'uri' } } })).toContain(
      '$.a: keyword format not allowed',
    );
    expect(chromeSchemaErrors({ type: 'object', properties: { a: { type: 'array' } } })).toContain(
      '$.a: array without items',
    );
  });

  it('lists every lockable setting and text size the validator accepts', () => {
    const props = schema.properties as Record<
      string,
      { properties?: Record<string, { enum?: unknown[] }>; items?: { enum?: unknown[] } }
    >;
    expect(Object.keys(props.defaultSettings!.properties!).sort()).toEqual([...MANAGED_SETTING_KEYS].sort());
    expect(props.lockedSettings!.items!.enum!.slice().sort()).toEqual([...MANAGED_SETTING_KEYS].sort());
    expect(props.defaultSettings!.properties!.textSize!.enum).toEqual([...TEXT_SIZES]);
  });

  it('names every key the validator knows, and no other', () => {
    expect(Object.keys(schema.properties as object).sort()).toEqual(
      [
        'organisationName',
        'supportUrl',
        'portalOrigins',
        'glossary',
        'extraPhrases',
        'defaultSettings',
        'lockedSettings',
        'syncAllowed',
        'usersMayAddPortals',
      ].sort(),
    );
  });
});
