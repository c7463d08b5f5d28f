import { describe, expect, it } from 'vitest';
import { SEGMENT_SIZE, segmentEnd, segmentStart } from './segments';

describe('segmentStart', () => {
  it('aligns steps to multiples of SEGMENT_SIZE on a branch from step 0', () => {
    expect(SEGMENT_SIZE).toBe(1000);
    expect(segmentStart(0, 0)).toBe(0);
    expect(segmentStart(999, 0)).toBe(0);
    expect(segmentStart(1000, 0)).toBe(1000);
    expect(segmentStart(2500, 0)).toBe(2000);
  });

  it("starts a fork's first segment at the fork step, then realigns", () => {
    expect(segmentStart(1500, 1500)).toBe(1500);
    expect(segmentStart(1999, 1500)).toBe(1500);
    expect(segmentStart(2000, 1500)).toBe(2000);
    expect(segmentStart(3001, 1500)).toBe(3000);
  });
});

describe('segmentEnd', () => {
  it('is the next multiple of SEGMENT_SIZE above the first step', () => {
    expect(segmentEnd(0)).toBe(1000);
    expect(segmentEnd(1000)).toBe(2000);
    expect(segmentEnd(1500)).toBe(2000);
    expect(segmentEnd(1999)).toBe(2000);
  });

  it('joins up with segmentStart so segments tile a fork without gaps', () => {
    const firstStep = segmentStart(1500, 1500);
    expect(segmentStart(segmentEnd(firstStep), 1500)).toBe(segmentEnd(firstStep));
    expect(segmentStart(segmentEnd(firstStep) - 1, 1500)).toBe(firstStep);
  });
});
