import { useState } from 'react';
import { exportLogFile, useAppStore } from '../../state';
import { downloadBlob } from './downloadBlob';

/** Downloads the current branch's log as CloudEvents JSON Lines, one event per step. */
export function ExportLogButton() {
  const empty = useAppStore((s) => (s.frame?.head ?? 0) === 0);
  const [progress, setProgress] = useState<string | null>(null);

  const exportLog = async () => {
    setProgress('Exporting…');
    const file = await exportLogFile((done, total) =>
      setProgress(`Exporting… ${Math.floor((done / Math.max(1, total)) * 100)}%`),
    );
    setProgress(null);
    if (file) downloadBlob(file.blob, file.fileName);
  };

  return (
    <>
      <button
        type="button"
        disabled={empty || progress !== null}
        aria-busy={progress !== null}
        onClick={() => void exportLog()}
        title="Download this branch's log as CloudEvents JSON Lines"
      >
        Export log
      </button>
      {progress && (
        <span role="status" className="timeline-message">
          {progress}
        </span>
      )}
    </>
  );
}
