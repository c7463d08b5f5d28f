import { useCallback, useEffect, useMemo, useRef } from 'react';
import { seek } from '../../state';

/** Seeks at most once per animation frame, always ending on the latest requested step. */
export interface ThrottledSeek {
  (step: number): void;
  /** Sends a seek still waiting for its frame now, so a request sent after it starts where it lands. */
  flush: () => void;
}

export function useThrottledSeek(): ThrottledSeek {
  const pending = useRef<number | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const flush = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    const target = pending.current;
    pending.current = null;
    if (target !== null) void seek(target);
  }, []);

  const request = useCallback(
    (step: number) => {
      pending.current = step;
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    },
    [flush],
  );

  // eslint-disable-next-line react-hooks/refs -- Object.assign only copies `flush` onto `request`; neither runs during render
  return useMemo(() => Object.assign(request, { flush }), [request, flush]);
}
