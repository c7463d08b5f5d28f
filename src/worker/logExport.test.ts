import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import { EXPORT_PAGE, exportPage, stepToCloudEvent, toJsonLines } from './logExport';

const event = {
  specversion: '1.0',
  id: '0f2c7d4e-1b1a-4c1e-9d5f-3a3b2c1d0e9f',
  source: '/producers/orders',
  type: 'OrderPlaced',
  time: '2026-01-01T00:00:00.500Z',
  datacontenttype: 'application/json',
  data: { orderId: 'ord-1', total: 12.5 },
  correlationid: '0f2c7d4e-1b1a-4c1e-9d5f-3a3b2c1d0e9f',
  sequence: 1,
} as const;
const publish: StepRecord = { kind: 'publish', step: 0, time: 500, node: 'orders', event, topics: ['orders-topic'] };
const deliver: StepRecord = {
  kind: 'deliver',
  step: 1,
  time: 1520,
  node: 'billing',
  topic: 'orders-topic',
  offset: 0,
  eventId: event.id,
  eventType: 'OrderPlaced',
  outcome: 'failed',
  error: 'boom',
};
const rebalance: StepRecord = {
  kind: 'rebalance',
  step: 2,
  time: 61_000,
  node: '',
  group: 'billing',
  generation: 1,
  reason: 'member-joined',
  before: {},
  after: { billing: ['orders-topic:0'] },
};

describe('stepToCloudEvent', () => {
  it('exports a publish step as its event, unchanged', () => {
    expect(stepToCloudEvent(publish, 'b1')).toBe(event);
  });

  it('exports other steps as dev.tidemark.<kind> events with the record as data', () => {
    expect(stepToCloudEvent(deliver, 'b1')).toEqual({
      specversion: '1.0',
      id: 'b1:1',
      source: '/tidemark/billing',
      type: 'dev.tidemark.deliver',
      time: '2026-01-01T00:00:01.520Z',
      datacontenttype: 'application/json',
      data: deliver,
    });
    expect(stepToCloudEvent(rebalance, 'b1')).toMatchObject({
      id: 'b1:2',
      source: '/tidemark/engine',
      type: 'dev.tidemark.rebalance',
      time: '2026-01-01T00:01:01.000Z',
    });
  });

  it('gives the same id for the same branch and step, and another for another branch', () => {
    expect(stepToCloudEvent(deliver, 'b1').id).toBe(stepToCloudEvent(structuredClone(deliver), 'b1').id);
    expect(stepToCloudEvent(deliver, 'b2').id).not.toBe(stepToCloudEvent(deliver, 'b1').id);
  });
});

describe('toJsonLines', () => {
  it('writes one JSON document per line, each line ending in a newline', () => {
    const text = toJsonLines([publish, deliver, rebalance], 'b1');
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(
      lines
        .slice(0, 3)
        .map((line) => JSON.parse(line) as { type: string })
        .map((e) => e.type),
    ).toEqual(['OrderPlaced', 'dev.tidemark.deliver', 'dev.tidemark.rebalance']);
    expect(toJsonLines([], 'b1')).toBe('');
  });
});

describe('exportPage', () => {
  const head = EXPORT_PAGE * 2 + 10;
  const read = (from: number, count: number): Promise<StepRecord[]> =>
    Promise.resolve(
      Array.from({ length: Math.max(0, Math.min(count, head - from)) }, (_, i) => ({ ...deliver, step: from + i })),
    );
  const lines = async (blob: Blob) =>
    (await blob.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { data: { step: number } }).data.step);

  it('pages through a branch up to `to`, capped at its head', async () => {
    const first = await exportPage(read, { id: 'b1', head }, 0, head + 100);
    expect(first.next).toBe(EXPORT_PAGE);
    const steps = await lines(first.chunk);
    expect(steps).toHaveLength(EXPORT_PAGE);
    expect(steps[0]).toBe(0);
    const last = await exportPage(read, { id: 'b1', head }, EXPORT_PAGE * 2, head + 100);
    expect(last.next).toBeNull();
    expect(await lines(last.chunk)).toEqual(Array.from({ length: 10 }, (_, i) => EXPORT_PAGE * 2 + i));
  });

  it('stops at `to` and gives an empty last page past it', async () => {
    const page = await exportPage(read, { id: 'b1', head }, 5, 8);
    expect(await lines(page.chunk)).toEqual([5, 6, 7]);
    expect(page.next).toBeNull();
    expect(await (await exportPage(read, { id: 'b1', head }, 50, 8)).chunk.text()).toBe('');
  });
});
