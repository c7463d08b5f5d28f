import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow';
import { checkDraft } from './checkDraft';
import { firstDraft, isDirty, nextVersionDraft, savedDraft, type SchemaDraft } from './schemaDraft';

const v1 = {
  type: 'object',
  required: ['userId', 'email'],
  properties: { userId: { type: 'string' }, email: { type: 'string' } },
};

function flowWith(schemas: FlowDocument['schemas']): FlowDocument {
  return {
    format: 'tidemark-flow',
    version: 1,
    name: 'users',
    seed: 1,
    nodes: [
      {
        id: 'signups',
        kind: 'producer',
        name: 'Sign-ups',
        eventType: 'UserRegistered',
        rate: 1,
        payload: { userId: "{{ id('usr') }}", email: 'a@b.c' },
      },
    ],
    edges: [],
    schemas,
    code: {},
    layout: {},
  };
}

const saved = flowWith({ UserRegistered: { versions: [{ version: 1, schema: v1 }] } });
const edit = (
  draft: SchemaDraft | null,
  schema: unknown,
  upcaster: string | null = draft?.upcaster ?? null,
): SchemaDraft => ({ ...draft!, schemaText: JSON.stringify(schema), upcaster });
const withEmailAsNumber = { ...v1, properties: { ...v1.properties, email: { type: 'number' } } };
const withPhone = { ...v1, properties: { ...v1.properties, phone: { type: ['string', 'null'] } } };

describe('checks before a schema is saved', () => {
  it('refuses text that is not JSON, or not an object, and names the problem', () => {
    const draft = savedDraft(saved, 'UserRegistered')!;
    expect(checkDraft(saved, { ...draft, schemaText: '{ "type": ' })).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/^the schema is not valid JSON/),
    });
    expect(checkDraft(saved, { ...draft, schemaText: '[]' })).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/must be a JSON object/),
    });
  });

  it('refuses a schema nested 100,000 deep, naming where, before checkSchema recurses into it', () => {
    const draft = savedDraft(saved, 'UserRegistered')!;
    const deep = `${'{"properties":{"a":'.repeat(50_000)}{}${'}}'.repeat(50_000)}`;
    expect(checkDraft(saved, { ...draft, schemaText: deep })).toMatchObject({
      ok: false,
      summary:
        'the schema is refused: nesting deeper than 64 levels at properties.a.properties.a.properties.a.properties.a.properties.a…a.properties.a',
    });
  });

  it('refuses keywords checkSchema cannot enforce, with their path', () => {
    const result = checkDraft(
      saved,
      edit(savedDraft(saved, 'UserRegistered'), {
        ...v1,
        properties: { ...v1.properties, email: { type: 'string', if: {} } },
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.items).toContainEqual(
      expect.objectContaining({ level: 'error', rule: 'schema', path: '/properties/email/if' }),
    );
  });

  it('refuses an edit in place that the saved version cannot read, naming the field', () => {
    const result = checkDraft(saved, edit(savedDraft(saved, 'UserRegistered'), withEmailAsNumber));
    expect(result).toMatchObject({
      ok: false,
      summary: expect.stringMatching(
        /^events already written as UserRegistered v1 could not be read .*\/email: type changed.*add a version with an upcaster/,
      ),
    });
    expect(result.items).toContainEqual(
      expect.objectContaining({
        level: 'error',
        path: '/email',
        rule: 'type-changed',
        direction: 'backward',
        against: 'saved v1',
      }),
    );
    expect(result.items).toContainEqual(
      expect.objectContaining({ level: 'warning', path: '/email', direction: 'forward' }),
    );
  });

  it('saves a compatible edit in place', () => {
    const result = checkDraft(saved, edit(savedDraft(saved, 'UserRegistered'), withPhone));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schemas.UserRegistered?.versions).toEqual([{ version: 1, schema: withPhone }]);
  });

  it('refuses a breaking new version without an upcaster, and saves it with one', () => {
    const next = edit(nextVersionDraft(savedDraft(saved, 'UserRegistered')!), withEmailAsNumber);
    expect(next.version).toBe(2);
    expect(checkDraft(saved, next)).toMatchObject({
      ok: false,
      summary: expect.stringMatching(
        /^UserRegistered v2 cannot read v1 events \(\/email: .*\) and has no upcaster from v1/,
      ),
    });
    expect(checkDraft(saved, { ...next, upcaster: 'const x = 1;' })).toMatchObject({
      ok: false,
      summary: 'the upcaster must define function upcast(data)',
    });
    const upcaster = 'function upcast(data) { return { ...data, email: 0 }; }';
    const result = checkDraft(saved, { ...next, upcaster });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schemas.UserRegistered?.versions).toEqual([
      { version: 1, schema: v1 },
      { version: 2, schema: withEmailAsNumber, upcaster },
    ]);
    // The backward issue is read through the upcaster; the forward one stays a warning.
    expect(result.items).toContainEqual(
      expect.objectContaining({ level: 'note', path: '/email', direction: 'backward', against: 'v1' }),
    );
    expect(result.items).toContainEqual(
      expect.objectContaining({ level: 'warning', path: '/email', direction: 'forward' }),
    );
  });

  it('an edit in place of a version with an upcaster is compared with the saved version only', () => {
    const upcaster = 'function upcast(data) { return { ...data, email: 0 }; }';
    const two = flowWith({
      UserRegistered: {
        versions: [
          { version: 1, schema: v1 },
          { version: 2, schema: withEmailAsNumber, upcaster },
        ],
      },
    });
    const draft = savedDraft(two, 'UserRegistered')!;
    expect(draft).toMatchObject({ version: 2, adding: false, upcaster });
    expect(checkDraft(two, edit(draft, { ...withEmailAsNumber, description: 'v2' })).ok).toBe(true);
    // Without its upcaster, v2 could not read v1 events.
    expect(checkDraft(two, edit(draft, withEmailAsNumber, null))).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/cannot read v1 events .* no upcaster from v1/),
    });
  });

  it('a first version is guessed from the producer and saved unchecked against anything', () => {
    const none = flowWith({});
    const draft = firstDraft(none, 'UserRegistered');
    expect(JSON.parse(draft.schemaText)).toEqual({
      type: 'object',
      required: ['userId', 'email'],
      properties: { userId: { type: 'string' }, email: { type: 'string' } },
    });
    const result = checkDraft(none, draft);
    expect(result.ok && result.schemas.UserRegistered?.versions.map((v) => v.version)).toEqual([1]);
  });

  it('a draft made stale by a save elsewhere is refused, not merged', () => {
    const next = nextVersionDraft(savedDraft(saved, 'UserRegistered')!);
    const meanwhile = flowWith({
      UserRegistered: {
        versions: [
          { version: 1, schema: v1 },
          { version: 2, schema: withPhone },
        ],
      },
    });
    expect(checkDraft(meanwhile, next)).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/v2 is the newest version now/),
    });
  });

  it('knows when a draft differs from what is saved', () => {
    const draft = savedDraft(saved, 'UserRegistered')!;
    expect(isDirty(saved, draft)).toBe(false);
    expect(isDirty(saved, edit(draft, withPhone))).toBe(true);
    expect(isDirty(saved, nextVersionDraft(draft))).toBe(true);
  });
});
