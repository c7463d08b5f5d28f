/** Fixed row height: the table never measures a row. */
export const ROW_HEIGHT = 24;

/**
 * Rows per virtual item. The virtualizer lays out its items again whenever the count changes,
 * which is every frame while playing; over groups of rows that is 20 times less work.
 */
export const ROWS_PER_GROUP = 20;

// Browsers cap an element's height (Chromium ~33.5M px, Firefox ~17.9M px); past this the scroll range is compressed.
const MAX_CANVAS_PX = 16_000_000;

// Rows rendered beyond each edge of the viewport, so a quick scroll never shows a gap.
const ROW_OVERSCAN = 12;

/** Height of the scrolled canvas: the rows' full height, capped. */
export function canvasHeight(head: number): number {
  return Math.min(head * ROW_HEIGHT, MAX_CANVAS_PX);
}

/** Pixels of rows per pixel of scrolling: 1 until the canvas is capped, then more, so the last row is still reachable. */
function rowsPerScrollPx(head: number, viewport: number): number {
  const full = head * ROW_HEIGHT - viewport;
  const range = canvasHeight(head) - viewport;
  return range > 0 && full > range ? full / range : 1;
}

/** Where a row is drawn in the scrolled canvas (its absolute place unless the range is compressed). */
export function rowTop(step: number, scrollTop: number, head: number, viewport: number): number {
  const k = rowsPerScrollPx(head, viewport);
  if (k === 1) return step * ROW_HEIGHT;
  return scrollTop + step * ROW_HEIGHT - scrollTop * k;
}

/** The rows to render for a viewport. */
export function visibleRows(scrollTop: number, viewport: number, head: number): { first: number; last: number } {
  const top = (scrollTop * rowsPerScrollPx(head, viewport)) / ROW_HEIGHT;
  return {
    first: Math.max(0, Math.floor(top) - ROW_OVERSCAN),
    last: Math.min(head - 1, Math.ceil(top + viewport / ROW_HEIGHT) + ROW_OVERSCAN),
  };
}

/** The scrollTop that shows a row at the bottom edge ('end') or in the middle ('center'). */
export function scrollTopFor(step: number, align: 'end' | 'center', viewport: number, head: number): number {
  const rowsAbove = align === 'end' ? viewport / ROW_HEIGHT - 1 : (viewport / ROW_HEIGHT - 1) / 2;
  return Math.max(0, ((step - rowsAbove) * ROW_HEIGHT) / rowsPerScrollPx(head, viewport));
}

/** Whether a row is wholly inside the viewport. */
export function rowInView(step: number, scrollTop: number, viewport: number, head: number): boolean {
  const top = (scrollTop * rowsPerScrollPx(head, viewport)) / ROW_HEIGHT;
  return step >= top && step + 1 <= top + viewport / ROW_HEIGHT;
}
