import { describe, expect, it } from 'vitest';
import { createPubSub } from './pubsubState';
import { disconnect, psubscribe, subscribe, subscriptionCount } from './subscriptions';

describe('subscribe / psubscribe', () => {
  it("replies with the client's count of channels plus patterns", () => {
    const state = createPubSub();
    expect(subscribe(state, 'alice', 'news')).toBe(1);
    expect(psubscribe(state, 'alice', 'news.*')).toBe(2);
    expect(subscribe(state, 'bob', 'news')).toBe(1);
  });

  it('ignores a repeated subscription to the same channel or pattern', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news');
    expect(subscribe(state, 'alice', 'news')).toBe(1);
    psubscribe(state, 'alice', 'n*');
    expect(psubscribe(state, 'alice', 'n*')).toBe(2);
    expect(state.subscriptions).toHaveLength(2);
  });

  it('keeps a channel and a pattern with the same text apart', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'news*');
    expect(psubscribe(state, 'alice', 'news*')).toBe(2);
  });
});

describe('disconnect', () => {
  it('a disconnect ends every subscription of that client only', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'a');
    psubscribe(state, 'alice', '*');
    subscribe(state, 'bob', 'a');
    disconnect(state, 'alice');
    expect(subscriptionCount(state, 'alice')).toBe(0);
    expect(subscriptionCount(state, 'bob')).toBe(1);
  });
});
