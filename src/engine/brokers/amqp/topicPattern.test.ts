import { describe, expect, it } from 'vitest';
import { matchTopic } from './topicPattern';

const matches = (pattern: string, keys: string[]) => keys.filter((key) => matchTopic(pattern, key));

describe('matchTopic: literal words', () => {
  it('matches a binding key equal to the routing key, word for word', () => {
    expect(matchTopic('order.created', 'order.created')).toBe(true);
    expect(matches('order.created', ['order.create', 'order.created.eu', 'order', 'orders.created'])).toEqual([]);
  });

  it('matches the empty binding key only to the empty routing key', () => {
    expect(matchTopic('', '')).toBe(true);
    expect(matchTopic('', 'a')).toBe(false);
    expect(matchTopic('a', '')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(matchTopic('Order.created', 'order.created')).toBe(false);
  });

  it('treats * and # inside a longer word as literal characters', () => {
    expect(matchTopic('a*', 'a*')).toBe(true);
    expect(matchTopic('a*', 'ab')).toBe(false);
    expect(matchTopic('#a', 'xa')).toBe(false);
  });
});

describe('matchTopic: * is exactly one word', () => {
  it('matches one word and no more', () => {
    expect(matches('order.*', ['order.created', 'order', 'order.created.eu'])).toEqual(['order.created']);
  });

  it('does not match the empty routing key, which has no words', () => {
    expect(matchTopic('*', '')).toBe(false);
    expect(matchTopic('*', 'a')).toBe(true);
  });

  it('matches an empty word: a..b has an empty middle word', () => {
    expect(matchTopic('a.*.b', 'a..b')).toBe(true);
    expect(matchTopic('a.*', 'a.')).toBe(true);
    expect(matchTopic('*.*', '.')).toBe(true);
  });

  it('a.* does not match a, because a has one word', () => {
    expect(matchTopic('a.*', 'a')).toBe(false);
  });

  it('needs one word per *', () => {
    expect(matches('*.*.*', ['a.b', 'a.b.c', 'a.b.c.d'])).toEqual(['a.b.c']);
  });
});

describe('matchTopic: # is zero or more words', () => {
  it('# alone matches every routing key, including the empty one', () => {
    expect(matches('#', ['', 'a', 'a.b.c', '.', 'a..b'])).toEqual(['', 'a', 'a.b.c', '.', 'a..b']);
  });

  it('a.#.b matches a.b, a.x.b and a.x.y.b', () => {
    expect(matches('a.#.b', ['a.b', 'a.x.b', 'a.x.y.b'])).toEqual(['a.b', 'a.x.b', 'a.x.y.b']);
    expect(matches('a.#.b', ['a', 'b', 'a.b.c', 'x.a.b', 'a.bb'])).toEqual([]);
  });

  it('a.# matches a itself (zero words after it)', () => {
    expect(matches('a.#', ['a', 'a.b', 'a.b.c', 'a.'])).toEqual(['a', 'a.b', 'a.b.c', 'a.']);
    expect(matchTopic('a.#', 'b.a')).toBe(false);
  });

  it('#.a matches keys ending in the word a', () => {
    expect(matches('#.a', ['a', 'x.a', 'x.y.a', 'a.x', 'xa'])).toEqual(['a', 'x.a', 'x.y.a']);
  });

  it('#.# matches everything, like #', () => {
    expect(matches('#.#', ['', 'a', 'a.b.c'])).toEqual(['', 'a', 'a.b.c']);
  });

  it('combines with *: *.# needs at least one word, #.*.# too', () => {
    expect(matches('*.#', ['', 'a', 'a.b'])).toEqual(['a', 'a.b']);
    expect(matches('#.*.#', ['', 'a', 'a.b'])).toEqual(['a', 'a.b']);
  });

  it('stays fast on patterns made of many #', () => {
    const pattern = Array.from({ length: 40 }, () => '#').join('.') + '.z';
    const key = Array.from({ length: 200 }, () => 'a').join('.');
    expect(matchTopic(pattern, key)).toBe(false);
    expect(matchTopic(pattern, `${key}.z`)).toBe(true);
  });
});
