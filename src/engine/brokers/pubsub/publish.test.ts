import { describe, expect, it } from 'vitest';
import { publish } from './publish';
import { createPubSub } from './pubsubState';
import { disconnect, psubscribe, subscribe } from './subscriptions';

describe('publish: who receives', () => {
  it('delivers to every client subscribed to the channel, and returns how many', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    subscribe(state, 'bob', 'news');
    subscribe(state, 'carol', 'sports');
    expect(publish(state, 'news')).toEqual({
      receivers: 2,
      deliveries: [
        { kind: 'message', subscriber: 'alice', channel: 'news' },
        { kind: 'message', subscriber: 'bob', channel: 'news' },
      ],
    });
  });

  it('delivers to matching pattern subscriptions as pmessage, naming the pattern', () => {
    const state = createPubSub();
    psubscribe(state, 'alice', 'news.*');
    psubscribe(state, 'bob', 'sports.*');
    expect(publish(state, 'news.tech.ai').deliveries).toEqual([
      { kind: 'pmessage', subscriber: 'alice', channel: 'news.tech.ai', pattern: 'news.*' },
    ]);
  });

  it('sends exact subscribers their copy before pattern subscribers', () => {
    const state = createPubSub();
    psubscribe(state, 'alice', 'n*');
    subscribe(state, 'bob', 'news');
    expect(publish(state, 'news').deliveries.map((d) => d.subscriber)).toEqual(['bob', 'alice']);
  });

  it('a client subscribed to the channel and to a matching pattern receives the message twice', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    psubscribe(state, 'alice', 'n*');
    const result = publish(state, 'news');
    expect(result.receivers).toBe(2);
    expect(result.deliveries.map((d) => d.kind)).toEqual(['message', 'pmessage']);
  });

  it('a client with two matching patterns receives it once per pattern', () => {
    const state = createPubSub();
    psubscribe(state, 'alice', 'n*');
    psubscribe(state, 'alice', '*s');
    expect(publish(state, 'news').deliveries.map((d) => (d.kind === 'pmessage' ? d.pattern : ''))).toEqual([
      'n*',
      '*s',
    ]);
  });
});

describe('publish: nothing is stored', () => {
  it('counts a message with no subscriber as dropped', () => {
    const state = createPubSub();
    expect(publish(state, 'news')).toEqual({ receivers: 0, deliveries: [] });
    expect(state).toMatchObject({ published: 1, delivered: 0, dropped: 1 });
  });

  it('a subscriber connecting later receives nothing of the past', () => {
    const state = createPubSub();
    publish(state, 'news');
    publish(state, 'news');
    subscribe(state, 'late', 'news');
    expect(publish(state, 'news').deliveries.map((d) => d.subscriber)).toEqual(['late']);
    expect(state).toMatchObject({ published: 3, delivered: 1, dropped: 2 });
  });

  it('a subscriber that has left receives nothing more', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    subscribe(state, 'bob', 'news');
    disconnect(state, 'alice');
    disconnect(state, 'bob');
    expect(publish(state, 'news').receivers).toBe(0);
  });

  it('counts every copy delivered', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    psubscribe(state, 'alice', '*');
    publish(state, 'news');
    publish(state, 'other');
    expect(state).toMatchObject({ published: 2, delivered: 3, dropped: 0 });
  });

  it('keeps its whole state as plain data that a snapshot can clone', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    psubscribe(state, 'bob', 'n*');
    publish(state, 'news');
    expect(structuredClone(state)).toEqual(state);
  });
});
