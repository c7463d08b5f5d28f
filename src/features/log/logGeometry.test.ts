import { describe, expect, it } from 'vitest';
import { canvasHeight, ROW_HEIGHT, rowInView, rowTop, scrollTopFor, visibleRows } from './logGeometry';

const VIEWPORT = 240;

describe('log geometry', () => {
  it('places rows at their absolute offset while the canvas fits', () => {
    expect(canvasHeight(1000)).toBe(1000 * ROW_HEIGHT);
    expect(rowTop(10, 0, 1000, VIEWPORT)).toBe(240);
    expect(visibleRows(240, VIEWPORT, 1000)).toEqual({ first: 0, last: 32 });
    expect(scrollTopFor(999, 'end', VIEWPORT, 1000)).toBe(1000 * ROW_HEIGHT - VIEWPORT);
  });

  it('compresses the scroll range of a huge log and still reaches its last row', () => {
    const head = 2_000_000;
    const bottom = canvasHeight(head) - VIEWPORT;
    expect(canvasHeight(head)).toBeLessThan(head * ROW_HEIGHT);
    expect(scrollTopFor(head - 1, 'end', VIEWPORT, head)).toBeCloseTo(bottom, 3);
    // At the bottom of the scroll range the last row sits at the bottom of the viewport.
    expect(rowTop(head - 1, bottom, head, VIEWPORT) + ROW_HEIGHT - bottom).toBeCloseTo(VIEWPORT, 3);
    expect(visibleRows(bottom, VIEWPORT, head).last).toBe(head - 1);
    expect(rowInView(head - 1, bottom, VIEWPORT, head)).toBe(true);
    const middle = scrollTopFor(1_000_000, 'center', VIEWPORT, head);
    expect(rowInView(1_000_000, middle, VIEWPORT, head)).toBe(true);
  });
});
