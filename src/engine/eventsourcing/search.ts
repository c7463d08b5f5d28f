/** Index of the first item for which `isAtOrAfter` holds, in a list ordered so that it holds for a suffix. */
export function lowerBound<T>(items: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAtOrAfter(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
