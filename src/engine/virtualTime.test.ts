import { describe, expect, it } from 'vitest';
import { RUN_EPOCH_MS, virtualIso } from './virtualTime';

const DAY = 86_400_000;
/** Virtual ms from the run's epoch (2026-01-01) to midnight UTC of a later date, counted by hand. */
const daysAfterEpoch = (days: number): number => days * DAY;

describe('virtualIso', () => {
  it('starts every run at 2026-01-01T00:00:00.000Z', () => {
    expect(virtualIso(0)).toBe('2026-01-01T00:00:00.000Z');
    expect(RUN_EPOCH_MS).toBe(1_767_225_600_000);
  });

  it('formats hours, minutes, seconds and milliseconds with padding', () => {
    expect(virtualIso(500)).toBe('2026-01-01T00:00:00.500Z');
    expect(virtualIso(7)).toBe('2026-01-01T00:00:00.007Z');
    expect(virtualIso(3_723_045)).toBe('2026-01-01T01:02:03.045Z');
    expect(virtualIso(DAY - 1)).toBe('2026-01-01T23:59:59.999Z');
    expect(virtualIso(DAY)).toBe('2026-01-02T00:00:00.000Z');
  });

  it('rolls over month ends, including February in a common year', () => {
    expect(virtualIso(daysAfterEpoch(31))).toBe('2026-02-01T00:00:00.000Z');
    expect(virtualIso(daysAfterEpoch(31 + 28))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('rolls over the end of the year', () => {
    expect(virtualIso(daysAfterEpoch(365) - 1)).toBe('2026-12-31T23:59:59.999Z');
    expect(virtualIso(daysAfterEpoch(365))).toBe('2027-01-01T00:00:00.000Z');
  });

  it('knows the leap day 2028-02-29', () => {
    // 2026 and 2027 have 365 days; Jan 2028 has 31 and Feb 28 more days before the 29th
    const feb29 = daysAfterEpoch(365 + 365 + 31 + 28);
    expect(virtualIso(feb29)).toBe('2028-02-29T00:00:00.000Z');
    expect(virtualIso(feb29 + DAY - 1)).toBe('2028-02-29T23:59:59.999Z');
    expect(virtualIso(feb29 + DAY)).toBe('2028-03-01T00:00:00.000Z');
    // and 2028 is 366 days long
    expect(virtualIso(daysAfterEpoch(365 + 365 + 366))).toBe('2029-01-01T00:00:00.000Z');
  });

  it('floors fractional milliseconds (a producer at 3 events/s ticks every 333.33… ms)', () => {
    expect(virtualIso(1000 / 3)).toBe('2026-01-01T00:00:00.333Z');
    expect(virtualIso(2000 / 3)).toBe('2026-01-01T00:00:00.666Z');
    expect(virtualIso(999.999)).toBe('2026-01-01T00:00:00.999Z');
  });

  it('handles long runs: 400 years later is still 1 January', () => {
    // a Gregorian cycle is 146,097 days
    expect(virtualIso(daysAfterEpoch(146_097))).toBe('2426-01-01T00:00:00.000Z');
  });
});
