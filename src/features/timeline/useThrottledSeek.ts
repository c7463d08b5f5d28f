import { useCallback, useEffect, useRef } from 'react';
import { seek } from '../../state';

/** Seeks at most once per animation frame, always ending on the latest requested step. */
export function useThrottledSeek(): (step: number) => void {
  const pending = useRef<number | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return useCallback((step: number) => {
    pending.current = step;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const target = pending.current;
      pending.current = null;
      if (target !== null) void seek(target);
    });
  }, []);
}
