import { describe, expect, it } from 'vitest';
import { append } from './append';
import { createEventStore } from './eventStore';
import { countEventsOfType } from './temporal';

describe('countEventsOfType', () => {
  const store = createEventStore();
  for (const [time, type] of [
    [0, 'Paid'],
    [5, 'Placed'],
    [10, 'Paid'],
    [10, 'Paid'],
    [20, 'Paid'],
    [30, 'Placed'],
  ] as const) {
    append(store, `s-${time}`, 'any', [{ type, data: {} }], time);
  }

  it('counts the events of a type appended in [from, to)', () => {
    expect(countEventsOfType(store, 'Paid', 0, 10)).toBe(1);
    expect(countEventsOfType(store, 'Paid', 10, 20)).toBe(2);
    expect(countEventsOfType(store, 'Paid', 0, 21)).toBe(4);
    expect(countEventsOfType(store, 'Placed', 0, 30)).toBe(1);
    expect(countEventsOfType(store, 'Placed', -Infinity, Infinity)).toBe(2);
  });

  it('is 0 for an unknown type, an empty range or a reversed one', () => {
    expect(countEventsOfType(store, 'Refunded', 0, 100)).toBe(0);
    expect(countEventsOfType(store, 'Paid', 11, 20)).toBe(0);
    expect(countEventsOfType(store, 'Paid', 10, 10)).toBe(0);
    expect(countEventsOfType(store, 'Paid', 20, 0)).toBe(0);
  });

  it('adjacent ranges add up to the whole', () => {
    const whole = countEventsOfType(store, 'Paid', 0, 40);
    expect(countEventsOfType(store, 'Paid', 0, 10) + countEventsOfType(store, 'Paid', 10, 40)).toBe(whole);
  });
});
