/** sfc32 state: four 32-bit words. Plain data so a snapshot can copy it. */
export type RandomState = [number, number, number, number];

/** Expands a 32-bit seed into a well-mixed sfc32 state (splitmix32, then a warm-up). */
export function seedRandom(seed: number): RandomState {
  let s = seed >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RandomState = [mix(), mix(), mix(), mix()];
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns 32 random bits. */
export function nextUint32(state: RandomState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return t >>> 0;
}

/** A float in [0, 1). */
export function nextFloat(state: RandomState): number {
  return nextUint32(state) / 4294967296;
}

const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
// One buffer of char codes, dashes in place: the id is made as one flat string (joined pieces are kept as a tree of parts).
const uuidCodes = Array.from('00000000-0000-4000-8000-000000000000', (c) => c.charCodeAt(0));

function putByte(at: number, byte: number): void {
  uuidCodes[at] = HEX_DIGITS[byte >>> 4]!;
  uuidCodes[at + 1] = HEX_DIGITS[byte & 0x0f]!;
}

/** A version-4 UUID drawn from the run's generator, so ids repeat exactly on replay. */
export function nextUuid(state: RandomState): string {
  // Four words are bytes 0–15, big-endian; byte 6 carries the version and byte 8 the variant.
  const a = nextUint32(state);
  const b = nextUint32(state);
  const c = nextUint32(state);
  const d = nextUint32(state);
  putByte(0, a >>> 24);
  putByte(2, (a >>> 16) & 0xff);
  putByte(4, (a >>> 8) & 0xff);
  putByte(6, a & 0xff);
  putByte(9, b >>> 24);
  putByte(11, (b >>> 16) & 0xff);
  putByte(14, ((b >>> 8) & 0x0f) | 0x40);
  putByte(16, b & 0xff);
  putByte(19, ((c >>> 24) & 0x3f) | 0x80);
  putByte(21, (c >>> 16) & 0xff);
  putByte(24, (c >>> 8) & 0xff);
  putByte(26, c & 0xff);
  putByte(28, d >>> 24);
  putByte(30, (d >>> 16) & 0xff);
  putByte(32, (d >>> 8) & 0xff);
  putByte(34, d & 0xff);
  return String.fromCharCode.apply(null, uuidCodes);
}
