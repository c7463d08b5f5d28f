import { stepOnce, useAppStore } from '../../state';

/** Runs one step forward; only while paused. */
export function StepButton() {
  const disabled = useAppStore((s) => s.playing || s.frame === null);
  return (
    <button type="button" disabled={disabled} onClick={() => void stepOnce()} title="Run one step">
      Step
    </button>
  );
}
