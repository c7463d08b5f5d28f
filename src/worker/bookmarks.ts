import { MAX_BOOKMARK_LABEL, MAX_BOOKMARKS } from '../protocol';
import type { BookmarkRecord } from '../storage';

/** The bookmarks with one at `step` (replacing the label of one already there), in step order; bad input throws a message a person can read. */
export function withBookmark(
  bookmarks: readonly BookmarkRecord[],
  step: number,
  label: string,
  head: number,
): BookmarkRecord[] {
  if (!Number.isInteger(step) || step < 0 || step > head)
    throw new Error(`Step ${step} is not on this branch: it has steps 0 to ${head}.`);
  const text = label.trim();
  if (text.length > MAX_BOOKMARK_LABEL)
    throw new Error(`A bookmark label has at most ${MAX_BOOKMARK_LABEL} characters (this one has ${text.length}).`);
  const others = bookmarks.filter((b) => b.step !== step);
  if (others.length >= MAX_BOOKMARKS)
    throw new Error(`A branch keeps at most ${MAX_BOOKMARKS} bookmarks: remove one first.`);
  return [...others, { step, label: text }].sort((a, b) => a.step - b.step);
}

export function withoutBookmark(bookmarks: readonly BookmarkRecord[], step: number): BookmarkRecord[] {
  if (!bookmarks.some((b) => b.step === step)) throw new Error(`There is no bookmark at step ${step}.`);
  return bookmarks.filter((b) => b.step !== step);
}

/** A fork keeps the bookmarks at or before its fork step: the states there are shared. */
export function bookmarksUpTo(bookmarks: readonly BookmarkRecord[], step: number): BookmarkRecord[] {
  return bookmarks.filter((b) => b.step <= step).map((b) => ({ ...b }));
}
