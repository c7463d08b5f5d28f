import { describe, expect, it } from 'vitest';
import { MAX_BOOKMARK_LABEL, MAX_BOOKMARKS } from '../protocol';
import { bookmarksUpTo, withBookmark, withoutBookmark } from './bookmarks';

describe('bookmarks', () => {
  it('adds bookmarks in step order with trimmed labels; the same step again replaces the label', () => {
    let list = withBookmark([], 40, '  before the crash ', 100);
    list = withBookmark(list, 10, '', 100);
    expect(list).toEqual([
      { step: 10, label: '' },
      { step: 40, label: 'before the crash' },
    ]);
    expect(withBookmark(list, 40, 'crash', 100)).toEqual([
      { step: 10, label: '' },
      { step: 40, label: 'crash' },
    ]);
  });

  it('refuses a step off the branch, a long label and one bookmark too many', () => {
    expect(() => withBookmark([], 101, '', 100)).toThrow('Step 101 is not on this branch: it has steps 0 to 100.');
    expect(() => withBookmark([], -1, '', 100)).toThrow(/not on this branch/);
    expect(() => withBookmark([], 1, 'x'.repeat(MAX_BOOKMARK_LABEL + 1), 100)).toThrow(
      `at most ${MAX_BOOKMARK_LABEL} characters`,
    );
    const full = Array.from({ length: MAX_BOOKMARKS }, (_, step) => ({ step, label: '' }));
    expect(() => withBookmark(full, MAX_BOOKMARKS, '', 1000)).toThrow(`at most ${MAX_BOOKMARKS} bookmarks`);
    // Replacing a label is not one more.
    expect(withBookmark(full, 0, 'start', 1000)[0]).toEqual({ step: 0, label: 'start' });
  });

  it('removes a bookmark, and says so when there is none', () => {
    expect(
      withoutBookmark(
        [
          { step: 3, label: '' },
          { step: 5, label: 'x' },
        ],
        3,
      ),
    ).toEqual([{ step: 5, label: 'x' }]);
    expect(() => withoutBookmark([], 3)).toThrow('There is no bookmark at step 3.');
  });

  it('gives a fork the bookmarks at or before its fork step', () => {
    expect(
      bookmarksUpTo(
        [
          { step: 3, label: 'a' },
          { step: 5, label: 'b' },
          { step: 9, label: 'c' },
        ],
        5,
      ),
    ).toEqual([
      { step: 3, label: 'a' },
      { step: 5, label: 'b' },
    ]);
  });
});
