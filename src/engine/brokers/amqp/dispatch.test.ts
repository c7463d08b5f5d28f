import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import type { Message } from './message';
import { type QueueConfig, type QueueState, createQueue, unackedCount } from './queue';
import { ack } from './settle';

const cfg: QueueConfig = { overflow: 'drop-head' };
const msg = (id: string): Message => ({ id, exchange: 'ex', routingKey: 'rk', headers: {}, body: id });
const fill = (q: QueueState, ...ids: string[]) => {
  for (const id of ids) enqueue(q, msg(id), 0, cfg);
};
const who = (q: QueueState) => dispatch(q, 0, cfg).deliveries.map((d) => `${d.message.id}->${d.consumerTag}`);

describe('dispatch: round-robin', () => {
  it('deals messages to consumers in turn', () => {
    const q = createQueue();
    fill(q, 'm1', 'm2', 'm3', 'm4', 'm5');
    for (const tag of ['c1', 'c2', 'c3']) addConsumer(q, { tag, prefetch: 0 });
    expect(who(q)).toEqual(['m1->c1', 'm2->c2', 'm3->c3', 'm4->c1', 'm5->c2']);
  });

  it('continues the turn across calls', () => {
    const q = createQueue();
    for (const tag of ['c1', 'c2']) addConsumer(q, { tag, prefetch: 0 });
    fill(q, 'm1', 'm2', 'm3');
    expect(q.ready.map((m) => m.id)).toEqual([]);
    expect(
      Object.fromEntries(Object.entries(q.unacked).map(([tag, list]) => [tag, list.map((d) => d.message.id)])),
    ).toEqual({
      c1: ['m1', 'm3'],
      c2: ['m2'],
    });
  });

  it('numbers deliveries with increasing delivery tags from 1', () => {
    const q = createQueue();
    fill(q, 'a', 'b', 'c');
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    addConsumer(q, { tag: 'c2', prefetch: 0 });
    expect(dispatch(q, 0, cfg).deliveries.map((d) => d.deliveryTag)).toEqual([1, 2, 3]);
  });

  it('delivers nothing without consumers, and everything waiting to the first one that subscribes', () => {
    const q = createQueue();
    fill(q, 'a', 'b');
    expect(dispatch(q, 0, cfg).deliveries).toEqual([]);
    addConsumer(q, { tag: 'late', prefetch: 0 });
    expect(who(q)).toEqual(['a->late', 'b->late']);
  });
});

describe('dispatch: prefetch', () => {
  it('never gives a consumer more unacked messages than its prefetch', () => {
    const q = createQueue();
    fill(q, 'a', 'b', 'c', 'd', 'e');
    addConsumer(q, { tag: 'c1', prefetch: 2 });
    expect(who(q)).toEqual(['a->c1', 'b->c1']);
    expect(q.ready.map((m) => m.id)).toEqual(['c', 'd', 'e']);
    expect(who(q)).toEqual([]);
    ack(q, 'c1', 1);
    expect(who(q)).toEqual(['c->c1']);
  });

  it('treats prefetch 0 as unlimited', () => {
    const q = createQueue();
    fill(q, 'a', 'b', 'c');
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    expect(who(q)).toHaveLength(3);
    expect(unackedCount(q, 'c1')).toBe(3);
  });

  it('passes a full consumer over, so a fast consumer with prefetch 1 gets the work (fair dispatch)', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'slow', prefetch: 1 });
    addConsumer(q, { tag: 'fast', prefetch: 1 });
    fill(q, 'm1', 'm2', 'm3', 'm4');
    expect(who(q)).toEqual([]);
    ack(q, 'fast', 2);
    expect(who(q)).toEqual(['m3->fast']);
    ack(q, 'fast', 3);
    expect(who(q)).toEqual(['m4->fast']);
    expect(q.unacked['slow']?.map((d) => d.message.id)).toEqual(['m1']);
  });

  it('a consumer freed by an ack rejoins at the end of the line, after those already waiting', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    addConsumer(q, { tag: 'c2', prefetch: 1 });
    addConsumer(q, { tag: 'c3', prefetch: 0 });
    fill(q, 'm1', 'm2', 'm3', 'm4');
    // m1->c1, m2->c2, m3->c3; then c1 and c2 are full and set aside, so m4 goes to c3
    expect(q.blocked).toEqual(['c1', 'c2']);
    expect(q.unacked['c3']?.map((d) => d.message.id)).toEqual(['m3', 'm4']);
    ack(q, 'c2', 2);
    ack(q, 'c1', 1);
    fill(q, 'm5', 'm6', 'm7');
    expect(q.unacked['c3']?.map((d) => d.message.id)).toEqual(['m3', 'm4', 'm5']);
    expect(q.unacked['c2']?.map((d) => d.message.id)).toEqual(['m6']);
    expect(q.unacked['c1']?.map((d) => d.message.id)).toEqual(['m7']);
  });

  it('does not limit auto-ack consumers, which hold nothing unacked', () => {
    const q = createQueue();
    fill(q, 'a', 'b', 'c');
    addConsumer(q, { tag: 'auto', prefetch: 1, autoAck: true });
    expect(who(q)).toEqual(['a->auto', 'b->auto', 'c->auto']);
    expect(unackedCount(q)).toBe(0);
  });
});
