import { describe, expect, it } from 'vitest';
import { KafkaError } from './errors';
import { murmur2, murmur2OfString, partitionForKey, toPositive, utf8 } from './murmur2';

// org.apache.kafka.common.utils.UtilsTest#testMurmur2, the vectors every Kafka client port checks.
const KAFKA_VECTORS: readonly (readonly [string, number])[] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

describe('murmur2 matches the Java client bit for bit', () => {
  it.each(KAFKA_VECTORS)('murmur2(%j) = %d, as in Kafka UtilsTest', (input, expected) => {
    expect(murmur2(utf8(input))).toBe(expected);
  });

  it('hashes the empty key (a key, not a missing one) to 275646681', () => {
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });

  it('handles a tail of 1 leftover byte too (the Kafka vectors have tails of 0, 2 and 3)', () => {
    // Expected values from an independent implementation of the Java algorithm, checked on the vectors above.
    expect(murmur2(utf8('a'))).toBe(-1563381124);
    expect(murmur2(utf8('abcde'))).toBe(461995741);
    expect(murmur2(utf8('abcdefghi'))).toBe(-619679810);
    expect(murmur2(utf8('abcd'))).toBe(-1323649548);
  });

  it('hashes the UTF-8 bytes of a key, as StringSerializer sends them', () => {
    expect(murmur2(utf8('ü'))).toBe(1419834458);
    expect(murmur2(utf8('日本語'))).toBe(1431860170);
    expect(murmur2(utf8('🌵'))).toBe(-55770779);
  });
});

describe('murmur2OfString hashes a string as murmur2 of its UTF-8 bytes', () => {
  it.each([
    ...KAFKA_VECTORS.map(([s]) => s),
    '',
    'a',
    'abcd',
    'abcde',
    'abcdefghi',
    'ü',
    '日本語',
    '🌵',
    'key-ü-1',
    '\u007f\u0080',
  ])('%j', (input) => {
    expect(murmur2OfString(input)).toBe(murmur2(utf8(input)));
  });
});

describe('toPositive', () => {
  it('clears the sign bit instead of negating, so the smallest int maps to 0', () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-(2 ** 31))).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
    expect(toPositive(-1)).toBe(0x7fffffff);
  });
});

describe('partitionForKey: the Java producer’s partition for a keyed record', () => {
  it('is toPositive(murmur2(key)) % partitions', () => {
    expect([1, 2, 3, 4, 6, 12].map((n) => partitionForKey('a-little-bit-longer-string', n))).toEqual([
      0, 1, 2, 3, 5, 11,
    ]);
    expect([1, 2, 3, 4, 6, 12].map((n) => partitionForKey('foobar', n))).toEqual([0, 0, 0, 2, 0, 6]);
    expect([1, 2, 3, 4, 6, 12].map((n) => partitionForKey('order-1', n))).toEqual([0, 0, 1, 2, 4, 10]);
    expect([1, 2, 3, 4, 6, 12].map((n) => partitionForKey('customer-42', n))).toEqual([0, 1, 0, 1, 3, 9]);
  });

  it('sends every key to partition 0 of a one-partition topic', () => {
    for (const [key] of KAFKA_VECTORS) expect(partitionForKey(key, 1)).toBe(0);
  });

  it('always sends the same key to the same partition', () => {
    expect(new Set(Array.from({ length: 20 }, () => partitionForKey('order-2', 6)))).toEqual(new Set([3]));
  });

  it('refuses a topic with 0 partitions', () => {
    expect(() => partitionForKey('k', 0)).toThrow(KafkaError);
    expect(() => partitionForKey('k', 1.5)).toThrow(/at least 1 partition/);
  });
});
