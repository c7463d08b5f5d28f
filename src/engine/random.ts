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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4 UUID drawn from the run's generator, so ids repeat exactly on replay. */
export function nextUuid(state: RandomState): string {
  // Four words are bytes 0–15, big-endian; byte 6 carries the version and byte 8 the variant.
  const a = nextUint32(state);
  const b = nextUint32(state);
  const c = nextUint32(state);
  const d = nextUint32(state);
  return (
    HEX[a >>> 24]! + HEX[(a >>> 16) & 0xff]! + HEX[(a >>> 8) & 0xff]! + HEX[a & 0xff]! + '-' +
    HEX[b >>> 24]! + HEX[(b >>> 16) & 0xff]! + '-' +
    HEX[(((b >>> 8) & 0xff) & 0x0f) | 0x40]! + HEX[b & 0xff]! + '-' +
    HEX[((c >>> 24) & 0x3f) | 0x80]! + HEX[(c >>> 16) & 0xff]! + '-' +
    HEX[(c >>> 8) & 0xff]! + HEX[c & 0xff]! + HEX[d >>> 24]! + HEX[(d >>> 16) & 0xff]! + HEX[(d >>> 8) & 0xff]! + HEX[d & 0xff]!
  );
}
