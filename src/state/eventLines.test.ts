import { describe, expect, it } from 'vitest';
import {
  addLine,
  defaultProducer,
  emptyScan,
  finishScan,
  MAX_IMPORT_EVENTS,
  parseEventLine,
  scanText,
} from './eventLines';

const event = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    specversion: '1.0',
    id: 'e-1',
    type: 'OrderPlaced',
    source: '/producers/orders',
    data: { orderId: 'ord-1' },
    ...fields,
  });

describe('parseEventLine', () => {
  it('reads a CloudEvent 1.0 with its data', () => {
    expect(parseEventLine(event(), 3)).toEqual({
      kind: 'event',
      event: { line: 3, id: 'e-1', type: 'OrderPlaced', source: '/producers/orders', data: { orderId: 'ord-1' } },
    });
    // data may be any JSON value, null included; other attributes are allowed.
    expect(parseEventLine(event({ data: null, subject: 'x' }), 1)).toMatchObject({
      kind: 'event',
      event: { data: null },
    });
  });

  it('skips blank lines, a CRLF ending and a byte-order mark', () => {
    expect(parseEventLine('   ', 1)).toEqual({ kind: 'blank' });
    expect(parseEventLine(`\uFEFF${event()}\r`, 1).kind).toBe('event');
  });

  it('recognises the engine steps of a Tidemark export', () => {
    expect(parseEventLine(event({ type: 'dev.tidemark.deliver', source: '/tidemark/billing' }), 1)).toEqual({
      kind: 'engine',
    });
  });

  it('says what is wrong with a line', () => {
    const reason = (text: string) => {
      const result = parseEventLine(text, 1);
      return result.kind === 'problem' ? result.reason : result.kind;
    };
    expect(reason('{"specversion": "1.0",')).toMatch(/^not valid JSON \(/);
    expect(reason('[1, 2]')).toBe('must be a CloudEvent object, not an array');
    expect(reason('42')).toBe('must be a CloudEvent object, not a number');
    expect(reason(JSON.stringify({ specversion: '1.0', type: 'T', data: 1 }))).toBe(
      'not a CloudEvent: id, source are missing',
    );
    expect(reason(JSON.stringify({ specversion: '1.0', id: 'a', type: 'T', source: 's' }))).toBe(
      'not a CloudEvent: data is missing',
    );
    expect(reason(event({ specversion: '0.3' }))).toBe('specversion must be "1.0", not "0.3"');
    expect(reason(event({ id: '' }))).toBe('id must be a non-empty string, not empty');
    expect(reason(event({ source: 7 }))).toBe('source must be a non-empty string, not a number');
  });

  it('refuses a line nested deeper than 64 levels, naming where, without overflowing', () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const line = (data: string) => `{"specversion":"1.0","id":"e-1","type":"T","source":"s","data":${data}}`;
    expect(parseEventLine(line(nested(100_000)), 3)).toEqual({
      kind: 'problem',
      reason: 'nesting deeper than 64 levels at data.a.a.a.a.a.a.a.a.a…a.a.a',
    });
    // The event is one of the 64 levels.
    expect(parseEventLine(line(nested(63)), 3).kind).toBe('event');
    expect(parseEventLine(line(nested(64)), 3).kind).toBe('problem');
  });

  it('refuses a "__proto__" key, which JSON.parse keeps and would be dropped later', () => {
    expect(
      parseEventLine(event({ data: JSON.parse('{"user": {"__proto__": {"admin": true}}}') as unknown }), 2),
    ).toEqual({
      kind: 'problem',
      reason: expect.stringMatching(/^a key "__proto__" is not allowed .* at data\.user\.__proto__$/),
    });
  });
});

describe('scanning a file', () => {
  it('gives the events of a valid file in order and counts engine steps', () => {
    const text = [event({ id: 'a' }), '', event({ type: 'dev.tidemark.commit' }), event({ id: 'b' }), ''].join('\n');
    const result = scanText(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.events.map((e) => [e.line, e.id])).toEqual([
        [1, 'a'],
        [4, 'b'],
      ]);
      expect(result.engineSteps).toBe(1);
    }
  });

  it('reports every malformed line by number and imports nothing', () => {
    const text = [event(), '{oops', event({ specversion: '2.0' }), event()].join('\n');
    expect(scanText(text)).toEqual({
      ok: false,
      problems: [
        { line: 2, reason: expect.stringMatching(/^not valid JSON/) },
        { line: 3, reason: 'specversion must be "1.0", not "2.0"' },
      ],
      unlisted: 0,
    });
  });

  it('lists the first 20 problems and counts the rest', () => {
    const result = scanText(Array.from({ length: 25 }, () => 'nope').join('\n'));
    expect(result).toMatchObject({ ok: false, unlisted: 5 });
    if (!result.ok) expect(result.problems).toHaveLength(20);
  });

  it('refuses a file with no domain events, and one with too many', () => {
    expect(scanText('\n\n')).toEqual({
      ok: false,
      problems: [{ line: null, reason: 'Nothing to import: it holds no events.' }],
      unlisted: 0,
    });
    expect(scanText(event({ type: 'dev.tidemark.deliver' }))).toMatchObject({
      ok: false,
      problems: [{ line: null, reason: expect.stringContaining('only engine steps (1)') }],
    });
    const scan = emptyScan();
    for (let i = 0; i <= MAX_IMPORT_EVENTS; i++) addLine(scan, event({ id: `e-${i}` }));
    expect(finishScan(scan)).toMatchObject({
      ok: false,
      problems: [{ line: MAX_IMPORT_EVENTS + 1, reason: expect.stringContaining('more than 10,000 events') }],
    });
  });
});

describe('defaultProducer', () => {
  const producers = [{ id: 'orders' }, { id: 'payments' }];
  const from = (...sources: string[]) =>
    sources.map((source, i) => ({ line: i + 1, id: `e${i}`, type: 'T', source, data: {} }));

  it('picks the producer most events name as /producers/<id>', () => {
    expect(defaultProducer(from('/producers/payments', '/producers/orders', '/producers/payments'), producers)).toBe(
      'payments',
    );
  });

  it('falls back to the first producer, and to none without producers', () => {
    expect(defaultProducer(from('/producers/gone', 'urn:shop'), producers)).toBe('orders');
    expect(defaultProducer(from('/producers/orders'), [])).toBeNull();
  });
});
