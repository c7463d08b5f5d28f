import { describe, expect, it } from 'vitest';
import { RateWindow } from './rateWindow';

describe('RateWindow', () => {
  it('is the counter change per virtual second over the last two seconds', () => {
    const w = new RateWindow();
    expect(w.rate()).toBeNull();
    w.add(0, 0);
    w.add(1000, 4);
    expect(w.rate()).toBe(4);
    w.add(2000, 8);
    w.add(3000, 20);
    // The window keeps the readings from 1000 ms on: (20 - 4) / 2 s.
    expect(w.rate()).toBe(8);
  });

  it('starts again after a seek back or a reset counter', () => {
    const w = new RateWindow();
    w.add(0, 0);
    w.add(1000, 10);
    w.add(500, 5);
    expect(w.rate()).toBeNull();
    w.add(1500, 15);
    expect(w.rate()).toBe(10);
  });
});
