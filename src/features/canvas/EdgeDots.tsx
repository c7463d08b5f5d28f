import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Speed, useAppStore } from '../../state';

// Above this many records per frame dots would be noise; the count says it better.
const MAX_DOTS = 3;
const DOT_SECONDS = 0.6;

/** Small dots travelling along an edge, one per record carried since the last frame, at low rates only. */
export function EdgeDots({ path, count }: { path: string; count: number }) {
  const slow = useAppStore((s) => s.playing && (s.speed === Speed.X1 || s.speed === Speed.X10));
  const last = useRef(count);
  const [burst, setBurst] = useState<{ key: number; dots: number } | null>(null);
  const clear = useCallback(() => setBurst(null), []);

  useLayoutEffect(() => {
    const delta = count - last.current;
    last.current = count;
    if (delta > 0 && delta <= MAX_DOTS && slow) setBurst({ key: count, dots: delta });
  }, [count, slow]);

  if (!burst || !slow) return null;
  return (
    <g key={burst.key} className="edge-dots">
      {Array.from({ length: burst.dots }, (_, i) => (
        <Dot
          key={i}
          path={path}
          delay={(i * DOT_SECONDS) / (burst.dots + 1)}
          onDone={i === burst.dots - 1 ? clear : undefined}
        />
      ))}
    </g>
  );
}

function Dot({ path, delay, onDone }: { path: string; delay: number; onDone: (() => void) | undefined }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const [visible, setVisible] = useState(delay === 0);
  useLayoutEffect(() => {
    // begin="indefinite" + beginElementAt: an animation added to a live SVG would otherwise start at document time 0.
    motion.current?.beginElementAt(delay);
    const show = setTimeout(() => setVisible(true), delay * 1000);
    const done = setTimeout(() => onDone?.(), (delay + DOT_SECONDS) * 1000);
    return () => {
      clearTimeout(show);
      clearTimeout(done);
    };
  }, [delay, onDone]);
  return (
    <circle r={4} className="edge-dot" visibility={visible ? 'visible' : 'hidden'}>
      <animateMotion ref={motion} dur={`${DOT_SECONDS}s`} path={path} begin="indefinite" fill="freeze" />
    </circle>
  );
}
