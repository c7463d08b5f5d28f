import { describe, expect, it } from 'vitest';
import { checkRegistry, latestVersion, schemaFor, validateEventData, type SchemaRegistry } from './registry';

const registry: SchemaRegistry = {
  OrderPlaced: {
    versions: [
      { version: 1, schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      {
        version: 2,
        schema: {
          type: 'object',
          required: ['firstName', 'lastName'],
          properties: { firstName: { type: 'string' }, lastName: { type: 'string' } },
        },
      },
    ],
  },
  OrderShipped: { versions: [{ version: 1, schema: { type: 'object' } }] },
};

describe('looking up schemas', () => {
  it('finds a version, the newest by default, and nothing for unknown types or versions', () => {
    expect(latestVersion(registry, 'OrderPlaced')).toBe(2);
    expect(schemaFor(registry, 'OrderPlaced')?.version).toBe(2);
    expect(schemaFor(registry, 'OrderPlaced', 1)?.version).toBe(1);
    expect(schemaFor(registry, 'OrderPlaced', 3)).toBeUndefined();
    expect(latestVersion(registry, 'Nope')).toBeUndefined();
    expect(latestVersion(registry, 'constructor')).toBeUndefined();
  });
});

describe('validateEventData', () => {
  it('validates against the version given, the newest by default', () => {
    expect(validateEventData(registry, 'OrderPlaced', { name: 'Ada' }, 1)).toEqual({ ok: true });
    const result = validateEventData(registry, 'OrderPlaced', { name: 'Ada' });
    expect(result.ok === false && 'errors' in result && result.errors.map((e) => e.path)).toEqual([
      '/firstName',
      '/lastName',
    ]);
  });

  it('says when the registry has no schema for the type or the version', () => {
    expect(validateEventData(registry, 'Nope', {})).toEqual({
      ok: false,
      unknown: 'the registry has no schema for event type Nope',
    });
    expect(validateEventData(registry, 'OrderPlaced', {}, 7)).toEqual({
      ok: false,
      unknown: 'the registry has no schema for version 7 of OrderPlaced',
    });
  });
});

describe('checkRegistry', () => {
  it('is content with a registry of valid schemas numbered from 1', () => {
    expect(checkRegistry(registry)).toEqual([]);
  });

  it('reports versions out of order and schemas it cannot enforce, with their path in the registry', () => {
    const bad: SchemaRegistry = {
      'Order/Placed': {
        versions: [
          { version: 2, schema: { type: 'object' } },
          { version: 3, schema: { type: 'object', properties: { at: { type: 'string', format: 'uri' } } } as never },
        ],
      },
    };
    expect(checkRegistry(bad)).toEqual([
      {
        path: '/Order~1Placed/versions/0/version',
        message: 'Order/Placed versions are numbered 1, 2, 3, …: expected 1, got 2',
      },
      {
        path: '/Order~1Placed/versions/1/version',
        message: 'Order/Placed versions are numbered 1, 2, 3, …: expected 2, got 3',
      },
      {
        path: '/Order~1Placed/versions/1/schema/properties/at/format',
        message: 'format "uri" is not checked; the formats checked are email, date-time, date, uuid',
      },
    ]);
  });

  it('given the upcasters, names a version that cannot read the one before and has no upcaster', () => {
    expect(checkRegistry(registry, {})).toEqual([
      {
        path: '/OrderPlaced/versions/1',
        message:
          'OrderPlaced v2 cannot read v1 events (/firstName: old data may lack firstName, which the new schema requires without a default) and has no upcaster from v1',
      },
    ]);
    expect(checkRegistry(registry, { OrderPlaced: { 2: (data) => data } })).toEqual([]);
  });
});
