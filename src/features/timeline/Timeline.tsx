import { useEffect, useId, useState } from 'react';
import { useAppStore } from '../../state';
import { BookmarkControl } from './BookmarkControl';
import { BookmarkList } from './BookmarkList';
import { ExportLogButton } from './ExportLogButton';
import { GoToForm } from './GoToForm';
import { ImportEventsButton } from './ImportEventsButton';
import { MarkerLegend } from './MarkerLegend';
import { MarkerRail } from './MarkerRail';
import { useThrottledSeek } from './useThrottledSeek';
import { useTouchJump } from './useTouchJump';
import './timeline.css';

// If the worker never reaches a dragged-to step (it refused the seek), the slider goes back after this.
const DRAFT_TIMEOUT_MS = 1500;

/** The time-travel slider over every recorded step of the branch, its markers, and the debugger's tools. */
export function Timeline() {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const head = useAppStore((s) => s.frame?.head ?? 0);
  const seek = useThrottledSeek();
  const keysId = useId();
  const touchJump = useTouchJump(seek.flush);
  // While dragging, the slider follows the hand; the frame catches up a moment later.
  const [draft, setDraft] = useState<number | null>(null);
  // Caught up: the slider follows the frame again (set during render, so no frame shows the stale draft).
  if (draft !== null && draft === cursor) setDraft(null);

  useEffect(() => {
    if (draft === null || draft === cursor) return undefined;
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
      <div className="timeline-track">
        <input
          type="range"
          className="timeline-slider"
          aria-label="Timeline"
          aria-valuetext={`Step ${value} of ${head}`}
          aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
          aria-describedby={keysId}
          min={0}
          max={head}
          step={1}
          value={value}
          disabled={head === 0}
          onChange={(e) => change(Number(e.target.value))}
          onKeyDown={touchJump.onKeyDown}
        />
        <MarkerRail head={head} />
      </div>
      <span className="timeline-position">
        Step {value} / {head}
      </span>
      <span id={keysId} className="visually-hidden">
        Arrow keys move one step; Alt with an arrow key jumps to the previous or next step that touches the selected
        node.
      </span>
      {cursor < head && (
        <p className="timeline-hint">
          Viewing the past: Play replays to the end and continues; edits apply at the end of the branch; Fork from here
          to change history
        </p>
      )}
      <div className="timeline-tools">
        <GoToForm />
        <span className="timeline-tools-group">
          <BookmarkControl />
          <BookmarkList />
        </span>
        <MarkerLegend />
        <span role="status" className="timeline-message">
          {touchJump.message}
        </span>
        <span className="timeline-tools-group timeline-files">
          <ExportLogButton />
          <ImportEventsButton />
        </span>
      </div>
    </div>
  );
}
