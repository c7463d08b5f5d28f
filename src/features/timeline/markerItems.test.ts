import { describe, expect, it } from 'vitest';
import { bookmarkName, countText, kindName, markerItems } from './markerItems';

describe('markerItems', () => {
  it('lists markers and bookmarks in timeline order; a marked step is shown just after it ran', () => {
    const items = markerItems({
      branchId: 'b1',
      kinds: { error: { steps: [4, 90], total: 2 }, rebalance: { steps: [40], total: 1 } },
      bookmarks: [
        { step: 41, label: 'after' },
        { step: 2, label: '' },
      ],
    });
    expect(items.map((i) => [i.kind, i.position, i.name])).toEqual([
      ['bookmark', 2, 'Bookmark at step 2'],
      ['error', 5, 'Error at step 4'],
      ['rebalance', 41, 'Rebalance at step 40'],
      ['bookmark', 41, 'Bookmark "after" at step 41'],
      ['error', 91, 'Error at step 90'],
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('names kinds it has no words for yet from their ids', () => {
    expect(kindName('poison-pill')).toBe('Poison pill');
    expect(
      markerItems({ branchId: 'b', kinds: { 'poison-pill': { steps: [3], total: 1 } } as never, bookmarks: [] })[0]
        ?.name,
    ).toBe('Poison pill at step 3');
  });

  it('counts in words', () => {
    expect(countText('error', 1)).toBe('1 error');
    expect(countText('error', 1234)).toBe('1,234 errors');
    expect(countText('rebalance', 2)).toBe('2 rebalances');
    expect(countText('poison-pill', 2)).toBe('2 poison pills');
    expect(countText('dead-letter', 2)).toBe('2 dead-letterings');
    expect(bookmarkName(7, 'x')).toBe('Bookmark "x" at step 7');
  });
});
