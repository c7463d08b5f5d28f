import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { useAppStore } from '../../state';
import { canvasHeight, ROW_HEIGHT, rowTop, ROWS_PER_GROUP, visibleRows } from './logGeometry';
import { LogRow } from './LogRow';
import { useLogFollow } from './useLogFollow';
import { useLogRows } from './useLogRows';

// More than the rows ever rendered at once, so no two rendered rows share a slot.
const SLOTS = 256;

/** The scrolled body of the log: only the rows in view are rendered; the last executed step is highlighted. */
export function LogBody({ head }: { head: number }) {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const playing = useAppStore((s) => s.playing);
  const flow = useAppStore((s) => s.flow);
  const names = useMemo(() => new Map(flow?.nodes.map((n) => [n.id, n.name]) ?? []), [flow]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);

  const height = canvasHeight(head);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer tracks the scroll position and viewport and re-renders on scroll; rows are placed by logGeometry.
  // eslint-disable-next-line react-hooks/incompatible-library -- only its scroll offset and height are read, afresh each render, so an unmemoized component is fine
  const virtualizer = useVirtualizer({
    count: Math.ceil(head / ROWS_PER_GROUP),
    getScrollElement: () => scroller.current,
    estimateSize: () => (ROWS_PER_GROUP * ROW_HEIGHT * height) / Math.max(1, head * ROW_HEIGHT),
    overscan: 0,
  });
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const { first, last } = visibleRows(scrollTop, viewport, head);
  useLogRows(first, last, head);
  const userScroll = useLogFollow(scroller, cursor, playing, head);

  const rows = [];
  for (let step = first; step <= last; step++) {
    const top = rowTop(step, scrollTop, head, viewport);
    // Keyed by slot, not step: when the log jumps ahead while playing, rows are updated in place rather than rebuilt.
    rows.push(<LogRow key={step % SLOTS} step={step} top={top} current={step === cursor - 1} nameOf={nameOf} />);
  }

  return (
    <div ref={scroller} role="rowgroup" className="log-scroller" tabIndex={0} {...userScroll}>
      <div className="log-canvas" style={{ height }}>
        {rows}
      </div>
    </div>
  );
}
