import {
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  type WheelEvent,
} from 'react';
import { ROW_HEIGHT, rowInView, scrollTopFor } from './logGeometry';

const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

interface UserScrollHandlers {
  onWheel: (event: WheelEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onPointerDown: (event: PointerEvent) => void;
  onScroll: () => void;
}

/**
 * Keeps the row of the last executed step in view: while playing, pinned to the bottom unless the
 * person has scrolled away (back at the bottom, it follows again); after a seek, always.
 */
export function useLogFollow(
  scrollerRef: RefObject<HTMLDivElement | null>,
  cursor: number,
  playing: boolean,
  head: number,
): UserScrollHandlers {
  const following = useRef(true);

  useEffect(() => {
    if (playing) following.current = true;
  }, [playing]);

  useEffect(() => {
    const el = scrollerRef.current;
    if (!el || (playing && !following.current)) return;
    const row = Math.max(0, cursor - 1);
    // Written directly: asking the virtualizer would force a layout read on every frame.
    if (playing) el.scrollTop = scrollTopFor(row, 'end', el.clientHeight, head);
    else if (!rowInView(row, el.scrollTop, el.clientHeight, head))
      el.scrollTop = scrollTopFor(row, 'center', el.clientHeight, head);
  }, [cursor, playing, scrollerRef, head]);

  return useMemo(
    () => ({
      onWheel: (event) => {
        if (event.deltaY < 0) following.current = false;
      },
      onKeyDown: (event) => {
        if (UP_KEYS.has(event.key)) following.current = false;
      },
      // A press right of the rows is a grab of the scrollbar.
      onPointerDown: (event) => {
        const el = scrollerRef.current;
        if (el && event.clientX > el.getBoundingClientRect().left + el.clientWidth) following.current = false;
      },
      onScroll: () => {
        const el = scrollerRef.current;
        if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2) following.current = true;
      },
    }),
    [scrollerRef],
  );
}
