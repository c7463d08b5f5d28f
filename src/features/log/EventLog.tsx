import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { useAppStore } from '../../state';
import { canvasHeight, ROW_HEIGHT, rowTop, ROWS_PER_GROUP, visibleRows } from './logGeometry';
import { LogRow } from './LogRow';
import { useLogFollow } from './useLogFollow';
import { useLogRows } from './useLogRows';
import './log.css';

// More than the rows ever rendered at once, so no two rendered rows share a slot.
const SLOTS = 256;

/** Every step of the branch in a virtualized table; the last executed step is highlighted. */
export function EventLog() {
  const head = useAppStore((s) => s.frame?.head ?? 0);
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const playing = useAppStore((s) => s.playing);
  const flow = useAppStore((s) => s.flow);
  const names = useMemo(() => new Map(flow?.nodes.map((n) => [n.id, n.name]) ?? []), [flow]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);

  const height = canvasHeight(head);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer tracks the scroll position and viewport and re-renders on scroll; rows are placed by logGeometry.
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
    <section className="event-log" aria-label="Event log">
      <div role="table" aria-label="Steps" aria-rowcount={head + 1} className="log-table">
        <div role="row" aria-rowindex={1} className="log-row log-header">
          <span role="columnheader">Step</span>
          <span role="columnheader">Time (s)</span>
          <span role="columnheader">Node</span>
          <span role="columnheader">What</span>
        </div>
        <div ref={scroller} role="rowgroup" className="log-scroller" tabIndex={0} {...userScroll}>
          <div className="log-canvas" style={{ height }}>
            {rows}
          </div>
          {head === 0 && <p className="log-empty">No steps yet. Press Play or Step to run the flow.</p>}
        </div>
      </div>
    </section>
  );
}
