import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Runtime } from '../run';
import type { KafkaRecord } from '../engine';
import { validateFlow, type FlowDocument } from '../flow';
import { decodeTopicRecords, encodeTopicRecords, type EncodedTopicRecords } from './topicRecordCodec';

function flowAt(path: string): FlowDocument {
  const result = validateFlow(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path} does not validate`);
  return result.flow;
}

/** Every record the flow's topics hold after `steps` steps, one list per partition. */
function topicRecords(flow: FlowDocument, steps: number): KafkaRecord[][] {
  const runtime = Runtime.start(flow);
  for (let i = 0; i < steps && runtime.step(); i++);
  return Object.values(runtime.state.kafka.topics).flatMap((topic) =>
    topic.partitions.map((log) => log.segments.flatMap((s) => s.records)),
  );
}

const FLOWS = [
  ...readdirSync('public/examples')
    .filter((f) => f.endsWith('.json'))
    .map((f) => `public/examples/${f}`),
  'bench/reference-flow.json',
];

/** Through IndexedDB's cloning, as storage does it. */
const stored = (encoded: EncodedTopicRecords): EncodedTopicRecords => structuredClone(encoded);

const event = (id: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source: '/producers/p',
  type: 'ItemAdded',
  time: '2026-01-01T00:00:00.000Z',
  datacontenttype: 'application/json',
  data,
  correlationid: id,
  ...extra,
  sequence: 1,
});
const record = (offset: number, value: unknown, key: string | null = 'k1'): KafkaRecord => ({
  offset,
  key,
  value,
  timestamp: 1000 + offset,
  eventId: (value as { id?: string } | null)?.id ?? `r${offset}`,
});

describe('topicRecordCodec: decoded records equal the records encoded', () => {
  it.each(FLOWS)('every partition of %s', (path) => {
    for (const records of topicRecords(flowAt(path), 3000)) {
      const decoded = decodeTopicRecords(stored(encodeTopicRecords(records)));
      expect(decoded).toStrictEqual(records);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(records));
    }
  });

  it('keeps the records the topic node appends in columns, none as objects', () => {
    const partitions = topicRecords(flowAt('bench/reference-flow.json'), 3000);
    const records = partitions.flat();
    expect(records.length).toBeGreaterThan(500);
    for (const list of partitions) {
      const encoded = encodeTopicRecords(list);
      expect(encoded.objects).toEqual([]);
      expect(encoded.events.ids.length).toBe(list.length);
    }
  });

  it('keeps a record whose data JSON would change as it is, and every other in columns, in order', () => {
    const odd = [
      record(0, event('e0', { n: 1, gone: undefined })),
      record(1, event('e1', { n: Number.NaN })),
      record(2, event('e2', { n: -0 })),
      record(3, event('e3', { at: new Date(0) })),
      // eslint-disable-next-line no-sparse-arrays
      record(4, event('e4', [1, , 3])),
      record(5, null),
      { ...record(6, event('e6', { n: 6 })), headers: { trace: 't' } },
      record(7, 'not an event'),
      record(8, { ...event('e8', { n: 8 }), extension: 'x' }),
    ];
    const plain = [
      record(9, event('e9', { n: [1, { deep: true }], s: 'x', b: false, z: null })),
      record(10, event('e10', { n: 10 }), null),
      record(11, event('e11', { n: 11 }, { partitionkey: 'k', schemaversion: 2 })),
    ];
    const records = [odd[0]!, plain[0]!, ...odd.slice(1), ...plain.slice(1)];
    const encoded = encodeTopicRecords(records);
    expect(encoded.objects).toEqual(odd);
    expect(encoded.events.ids).toEqual(['e9', 'e10', 'e11']);
    const decoded = decodeTopicRecords(stored(encoded));
    expect(decoded).toStrictEqual(records);
    expect(Object.is((decoded[3]!.value as { data: { n: number } }).data.n, -0)).toBe(true);
    expect(Object.keys((decoded[0]!.value as { data: object }).data)).toEqual(['n', 'gone']);
  });

  it('keeps a record whose event id is not its own as it is', () => {
    const mismatched = { ...record(0, event('e0', { n: 0 })), eventId: 'other' };
    const encoded = encodeTopicRecords([mismatched]);
    expect(encoded.objects).toEqual([mismatched]);
    expect(decodeTopicRecords(encoded)).toStrictEqual([mismatched]);
  });

  it('refuses an encoding version it does not know', () => {
    const encoded = {
      ...encodeTopicRecords([record(0, event('e0', { n: 0 }))]),
      version: 99,
    } as unknown as EncodedTopicRecords;
    expect(() => decodeTopicRecords(encoded)).toThrow(/encoding version 99/);
  });
});
