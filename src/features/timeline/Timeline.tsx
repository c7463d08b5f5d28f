import { useEffect, useState } from 'react';
import { useAppStore } from '../../state';
import { useThrottledSeek } from './useThrottledSeek';
import './timeline.css';

// If the worker never reaches a dragged-to step (it refused the seek), the slider goes back after this.
const DRAFT_TIMEOUT_MS = 1500;

/** The time-travel slider over every recorded step of the branch. */
export function Timeline() {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const head = useAppStore((s) => s.frame?.head ?? 0);
  const seek = useThrottledSeek();
  // While dragging, the slider follows the hand; the frame catches up a moment later.
  const [draft, setDraft] = useState<number | null>(null);

  useEffect(() => {
    if (draft === null) return undefined;
    if (draft === cursor) {
      setDraft(null);
      return undefined;
    }
    const timer = setTimeout(() => setDraft(null), DRAFT_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [draft, cursor]);

  const value = Math.min(draft ?? cursor, head);
  const change = (step: number) => {
    setDraft(step);
    seek(step);
  };

  return (
    <div className="timeline">
      <input
        type="range"
        className="timeline-slider"
        aria-label="Timeline"
        aria-valuetext={`Step ${value} of ${head}`}
        min={0}
        max={head}
        step={1}
        value={value}
        disabled={head === 0}
        onChange={(e) => change(Number(e.target.value))}
      />
      <span className="timeline-position">
        Step {value} / {head}
      </span>
      {cursor < head && (
        <p className="timeline-hint">
          Viewing the past: Play replays to the end and continues; edits apply at the end of the branch; Fork from here to change history
        </p>
      )}
    </div>
  );
}
