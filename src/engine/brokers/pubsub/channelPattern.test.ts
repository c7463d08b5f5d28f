import { describe, expect, it } from 'vitest';
import { matchChannelPattern } from './channelPattern';

const matches = (pattern: string, channels: string[]) =>
  channels.filter((channel) => matchChannelPattern(pattern, channel));

describe('matchChannelPattern: *', () => {
  it('matches any run of characters, dots included (unlike an AMQP topic *)', () => {
    expect(matches('news.*', ['news.tech', 'news.tech.ai', 'news.', 'news', 'sports.tech'])).toEqual([
      'news.tech',
      'news.tech.ai',
      'news.',
    ]);
    expect(matches('*.created', ['order.created', 'eu.order.created', '.created', 'created'])).toEqual([
      'order.created',
      'eu.order.created',
      '.created',
    ]);
  });

  it('matches every non-empty channel alone', () => {
    expect(matches('*', ['a', 'a.b.c', ' '])).toEqual(['a', 'a.b.c', ' ']);
  });

  it('does not match the empty channel name, as in Redis today', () => {
    expect(matchChannelPattern('*', '')).toBe(false);
    expect(matchChannelPattern('**', '')).toBe(false);
  });

  it('matches in the middle and treats ** like *', () => {
    expect(matches('a*z', ['az', 'abz', 'a.b.z', 'a.b.zz', 'za'])).toEqual(['az', 'abz', 'a.b.z', 'a.b.zz']);
    expect(matches('a**z', ['az', 'a..z'])).toEqual(['az', 'a..z']);
  });

  it('finds the pattern after a * anywhere later', () => {
    expect(matchChannelPattern('*ab*cd', 'xxabyyabzzcd')).toBe(true);
    expect(matchChannelPattern('*ab*cd', 'xxabyyabzzc')).toBe(false);
  });

  it('stays fast on many stars', () => {
    expect(matchChannelPattern('a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(200))).toBe(false);
  });
});

describe('matchChannelPattern: ?', () => {
  it('matches exactly one character', () => {
    expect(matches('h?llo', ['hello', 'hallo', 'h.llo', 'hllo', 'heello'])).toEqual(['hello', 'hallo', 'h.llo']);
  });

  it('matches one byte, so a two-byte character needs two', () => {
    expect(matchChannelPattern('caf?', 'café')).toBe(false);
    expect(matchChannelPattern('caf??', 'café')).toBe(true);
  });
});

describe('matchChannelPattern: [sets]', () => {
  it('matches one character from the set', () => {
    expect(matches('h[ae]llo', ['hello', 'hallo', 'hillo', 'hllo'])).toEqual(['hello', 'hallo']);
  });

  it('negates with ^', () => {
    expect(matches('h[^e]llo', ['hallo', 'hbllo', 'hello'])).toEqual(['hallo', 'hbllo']);
  });

  it('takes ranges, in either direction', () => {
    expect(matches('h[a-b]llo', ['hallo', 'hbllo', 'hcllo'])).toEqual(['hallo', 'hbllo']);
    expect(matches('h[b-a]llo', ['hallo', 'hbllo', 'hcllo'])).toEqual(['hallo', 'hbllo']);
    expect(matches('v[0-9]', ['v1', 'v9', 'vx'])).toEqual(['v1', 'v9']);
  });

  it('escapes a ] inside the set with \\', () => {
    expect(matches('[\\]]', [']', 'a'])).toEqual([']']);
  });

  it('lets an unterminated [ run to the end of the pattern', () => {
    expect(matches('x[ab', ['xa', 'xb', 'xc', 'xab'])).toEqual(['xa', 'xb']);
  });

  it('an empty set [] matches nothing', () => {
    expect(matches('a[]b', ['ab', 'a]b', 'axb'])).toEqual([]);
  });
});

describe('matchChannelPattern: escapes and literals', () => {
  it('\\ makes the next character literal', () => {
    expect(matches('news\\*', ['news*', 'news.tech'])).toEqual(['news*']);
    expect(matches('h\\?llo', ['h?llo', 'hello'])).toEqual(['h?llo']);
    expect(matches('\\[x]', ['[x]', 'x'])).toEqual(['[x]']);
  });

  it('compares literally otherwise, case-sensitive', () => {
    expect(matches('Orders', ['Orders', 'orders', 'Orders2'])).toEqual(['Orders']);
  });

  it('the empty pattern matches only the empty channel', () => {
    expect(matchChannelPattern('', '')).toBe(true);
    expect(matchChannelPattern('', 'a')).toBe(false);
  });
});
