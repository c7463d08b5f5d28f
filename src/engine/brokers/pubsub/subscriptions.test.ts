import { describe, expect, it } from 'vitest';
import { createPubSub } from './pubsubState';
import { disconnect, psubscribe, punsubscribe, subscribe, subscriptionCount, unsubscribe } from './subscriptions';

describe('subscribe / psubscribe', () => {
  it('replies with the client\'s count of channels plus patterns', () => {
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

describe('unsubscribe / punsubscribe / disconnect', () => {
  it('removes one channel, or all channels when none is named, leaving patterns', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'a');
    subscribe(state, 'alice', 'b');
    psubscribe(state, 'alice', 'p*');
    expect(unsubscribe(state, 'alice', 'a')).toBe(2);
    expect(unsubscribe(state, 'alice')).toBe(1);
    expect(state.subscriptions).toEqual([{ subscriber: 'alice', kind: 'pattern', target: 'p*' }]);
  });

  it('removes one pattern, or all patterns when none is named, leaving channels', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'a');
    psubscribe(state, 'alice', 'p*');
    psubscribe(state, 'alice', 'q*');
    expect(punsubscribe(state, 'alice', 'p*')).toBe(2);
    expect(punsubscribe(state, 'alice')).toBe(1);
    expect(state.subscriptions).toEqual([{ subscriber: 'alice', kind: 'channel', target: 'a' }]);
  });

  it('unsubscribing from something not subscribed changes nothing', () => {
    const state = createPubSub();
    subscribe(state, 'alice', 'a');
    expect(unsubscribe(state, 'alice', 'zzz')).toBe(1);
    expect(unsubscribe(state, 'bob')).toBe(0);
  });

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
