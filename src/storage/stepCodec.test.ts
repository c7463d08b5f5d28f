import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type StepRecord } from '../engine';
import { Runtime } from '../run';
import { validateFlow, type FlowDocument } from '../flow';
import { decodeSteps, encodeSteps, StepEncoder } from './stepCodec';

function flowAt(path: string): FlowDocument {
  const result = validateFlow(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path} does not validate`);
  return result.flow;
}

const FLOWS = [
  ...readdirSync('public/examples')
    .filter((f) => f.endsWith('.json'))
    .map((f) => `public/examples/${f}`),
  'bench/reference-flow.json',
];

/** The first `count` steps of a flow, with a crash and a restart of its first consumer when it has one. */
function run(flow: FlowDocument, count: number): StepRecord[] {
  const runtime = Runtime.start(flow);
  const consumer = flow.nodes.find((n) => n.kind === 'consumer');
  const records: StepRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record =
      consumer && i === 700
        ? runtime.apply({ type: 'consumer', node: consumer.id, action: 'crash' })
        : consumer && i === 1400
          ? runtime.apply({ type: 'consumer', node: consumer.id, action: 'restart' })
          : runtime.step();
    if (!record) break;
    records.push(record);
  }
  return records;
}

describe('stepCodec: a decoded step has the JSON text of the step encoded', () => {
  it.each(FLOWS)('every segment of %s', (path) => {
    const records = run(flowAt(path), 3000);
    expect(records.length).toBeGreaterThan(100);
    for (let first = 0; first < records.length; first += 1000) {
      const segment = records.slice(first, first + 1000);
      const decoded = decodeSteps(first, encodeSteps(first, segment));
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(segment));
    }
  });

  it('keeps plain deliver and publish steps in columns, the rest as JSON text', () => {
    const records = run(flowAt('bench/reference-flow.json'), 1000).slice(0, 1000);
    const encoded = encodeSteps(0, records);
    const delivers = records.filter((r) => r.kind === 'deliver' && r.committed === undefined).length;
    const publishes = records.filter((r) => r.kind === 'publish').length;
    expect(delivers).toBeGreaterThan(500);
    expect(publishes).toBeGreaterThan(200);
    expect(encoded.eventIds.length).toBe(delivers);
    expect(encoded.publishes?.ids.length).toBe(publishes);
    expect(encoded.publishes?.keys.length).toBe(publishes);
    expect(encoded.json.length).toBe(records.length - delivers - publishes);
    expect(encoded.objects).toEqual([]);
  });

  it('takes a publish step with anything unusual as JSON, and keeps every optional event field it can', () => {
    const head = {
      specversion: '1.0',
      id: 'e1',
      source: '/producers/p',
      type: 'T',
      time: '2026-01-01T00:00:00.000Z',
      datacontenttype: 'application/json',
      data: { n: 1 },
    } as const;
    const event = { ...head, correlationid: 'e1', sequence: 1 };
    const placed = [{ topic: 't', partition: 2, offset: 7 }];
    const plain = { kind: 'publish', step: 0, time: 0.5, node: 'p', event, topics: ['t'], placed } as const;
    const steps: StepRecord[] = [
      plain,
      {
        ...plain,
        step: 1,
        event: { ...head, correlationid: 'other', partitionkey: 'k', schemaversion: 2, sequence: 2 },
      },
      { ...plain, step: 2, event: { ...head, correlationid: 'e1', schemaversion: 3, sequence: 3 } },
      { ...plain, step: 3, event: { ...head, correlationid: 'e1', schemaversion: 3, partitionkey: 'k', sequence: 3 } },
      { ...plain, step: 4, manual: true },
      { ...plain, step: 5, event: { ...event, causationid: 'c' } },
      { ...plain, step: 6, event: { ...event, data: undefined } },
      { ...plain, step: 7, topics: ['u'] },
      { ...plain, step: 8, topics: [], placed: [] },
      { ...plain, step: 9, event: { sequence: 1, ...head, correlationid: 'e1' } },
      { ...plain, step: 10, event: { ...event, data: ['ü 🌵', null, -0, 1e21] } },
      { ...plain, step: 12 },
    ];
    const encoded = encodeSteps(0, steps);
    // Plain: steps 0, 1, 2, 8 and 10; the others (a key after the schema version, a step out of place…) are JSON.
    expect(encoded.publishes?.ids.length).toBe(5);
    expect(encoded.publishes?.correlations).toEqual(['other']);
    expect(encoded.json.length).toBe(7);
    expect(JSON.stringify(decodeSteps(0, encoded))).toBe(JSON.stringify(steps));
  });

  it('reads a segment stored with version 1, which kept publish steps as JSON text', () => {
    const publish = {
      kind: 'publish',
      step: 10,
      time: 0.01,
      node: 'p',
      event: {
        specversion: '1.0',
        id: 'e',
        source: '/producers/p',
        type: 'T',
        time: 't',
        datacontenttype: 'application/json',
        data: {},
        correlationid: 'e',
        sequence: 1,
      },
      topics: ['t'],
      placed: [{ topic: 't', partition: 0, offset: 0 }],
    };
    const version1 = {
      version: 1,
      count: 2,
      rows: Uint8Array.of(1, 0),
      names: ['c', 't', 'T'],
      node: Uint16Array.of(0),
      topic: Uint16Array.of(1),
      eventType: Uint16Array.of(2),
      time: Float64Array.of(1.01),
      partition: Int32Array.of(0),
      offset: Float64Array.of(0),
      failed: Uint8Array.of(0),
      eventIds: ['e'],
      json: [JSON.stringify(publish)],
      objects: [],
    } as const;
    const deliver = {
      kind: 'deliver',
      step: 11,
      time: 1.01,
      node: 'c',
      topic: 't',
      partition: 0,
      offset: 0,
      eventId: 'e',
      eventType: 'T',
      outcome: 'handled',
    };
    expect(decodeSteps(10, version1)).toEqual([publish, deliver]);
  });

  it('takes a deliver step with anything unusual as JSON: another key order, extra fields, a step number out of place', () => {
    const plain = {
      kind: 'deliver',
      step: 5,
      time: 1.25,
      node: 'c',
      topic: 't',
      partition: 0,
      offset: 3,
      eventId: 'e',
      eventType: 'T',
      outcome: 'handled',
    } as const;
    const odd: StepRecord[] = [
      plain,
      { ...plain, step: 6, error: 'boom', outcome: 'failed', logs: ['a', 'ü 🌵'] },
      {
        step: 7,
        kind: 'deliver',
        time: 2,
        node: 'c',
        topic: 't',
        partition: 0,
        offset: 4,
        eventId: 'e2',
        eventType: 'T',
        outcome: 'handled',
      },
      { ...plain, step: 99 },
      { ...plain, step: 9, partition: 1.5 },
      { ...plain, step: 10, eventId: '', node: '', time: -0 },
    ];
    const encoded = encodeSteps(5, odd);
    expect(encoded.eventIds.length).toBe(2);
    expect(JSON.stringify(decodeSteps(5, encoded))).toBe(JSON.stringify(odd));
  });

  it('keeps a step JSON cannot hold as it is', () => {
    const data: Record<string, unknown> = { big: 1n };
    const record = { kind: 'fault', step: 0, time: 0, node: 'p', error: 'x', data } as unknown as StepRecord;
    const encoded = encodeSteps(0, [record]);
    expect(encoded.objects).toHaveLength(1);
    expect(decodeSteps(0, encoded)[0]).toBe(record);
  });

  it('hands out copies: steps added after encode() are not in what it returned', () => {
    const records = run(flowAt('bench/reference-flow.json'), 40);
    const encoder = new StepEncoder(0, 4);
    for (const r of records.slice(0, 20)) encoder.add(r);
    const early = encoder.encode();
    for (const r of records.slice(20)) encoder.add(r);
    expect(JSON.stringify(decodeSteps(0, early))).toBe(JSON.stringify(records.slice(0, 20)));
    expect(JSON.stringify(decodeSteps(0, encoder.encode()))).toBe(JSON.stringify(records));
  });

  it('refuses an encoding version it does not know, naming it', () => {
    const encoded = { ...encodeSteps(0, []), version: 9 } as unknown as ReturnType<typeof encodeSteps>;
    expect(() => decodeSteps(0, encoded)).toThrow(/encoding version 9/);
  });
});
