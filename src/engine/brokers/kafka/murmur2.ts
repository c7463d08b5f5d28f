import { KafkaError, KafkaErrorCode } from './errors';

// The constants of Kafka's Utils.murmur2; the seed is a negative Java int.
const SEED = 0x9747b28c | 0;
const M = 0x5bd1e995;
const R = 24;

const encoder = new TextEncoder();

const byteAt = (data: Uint8Array, index: number): number => data[index] ?? 0;

/**
 * Kafka's 32-bit murmur2 (`org.apache.kafka.common.utils.Utils.murmur2`), bit for bit: Java's
 * wrapping `int` arithmetic is `Math.imul` and `| 0` here, so the result is a signed 32-bit number.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      byteAt(data, i4) | (byteAt(data, i4 + 1) << 8) | (byteAt(data, i4 + 2) << 16) | (byteAt(data, i4 + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Java's switch falls through from case 3 to case 1; the three ifs do the same.
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= byteAt(data, tail + 2) << 16;
  if (rest >= 2) h ^= byteAt(data, tail + 1) << 8;
  if (rest >= 1) h = Math.imul(h ^ byteAt(data, tail), M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not `Math.abs`, which fails on the smallest int). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The UTF-8 bytes of a string, as Kafka's `StringSerializer` sends a key. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** murmur2 of a string's UTF-8 bytes; an ASCII string (one byte per char) is hashed without encoding it first. */
export function murmur2OfString(key: string): number {
  const length = key.length;
  for (let i = 0; i < length; i++) if (key.charCodeAt(i) > 0x7f) return murmur2(utf8(key));
  let h = SEED ^ length;
  const tail = length & ~3;
  for (let i = 0; i < tail; i += 4) {
    let k =
      key.charCodeAt(i) | (key.charCodeAt(i + 1) << 8) | (key.charCodeAt(i + 2) << 16) | (key.charCodeAt(i + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  if (rest === 3) h ^= key.charCodeAt(tail + 2) << 16;
  if (rest >= 2) h ^= key.charCodeAt(tail + 1) << 8;
  if (rest >= 1) h = Math.imul(h ^ key.charCodeAt(tail), M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

/** The partition the Java producer picks for a keyed record: `toPositive(murmur2(key)) % partitions`. */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new KafkaError(KafkaErrorCode.InvalidPartitions, `a topic has at least 1 partition, not ${partitions}`);
  }
  return toPositive(murmur2OfString(key)) % partitions;
}
