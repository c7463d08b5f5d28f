import { resetRun, useAppStore } from '../../state';

/** Throws away the run and its branches and starts again from step 0. */
export function ResetButton() {
  const disabled = useAppStore((s) => s.frame === null);
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={() => void resetRun()}
      title="Throw away every branch and start from step 0"
    >
      Reset run
    </button>
  );
}
