import { lazy, Suspense, useRef, useState, type ChangeEvent } from 'react';
import { useAppStore } from '../../state';

// Reading, checking and publishing a file is fetched on the first import: it stays out of the first bundle.
const ImportEventsDialog = lazy(() => import('./ImportEventsDialog').then((m) => ({ default: m.ImportEventsDialog })));

/** "Import events…": choose a .jsonl file of CloudEvents; a dialog checks it and publishes it on a producer. */
export function ImportEventsButton() {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; n: number } | null>(null);
  const ready = useAppStore((s) => s.flow !== null && s.frame !== null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0] ?? null;
    // Cleared so choosing the same file again fires change again.
    event.currentTarget.value = '';
    if (file) setChosen((previous) => ({ file, n: (previous?.n ?? 0) + 1 }));
  };

  return (
    <>
      <button
        type="button"
        disabled={!ready}
        onClick={() => input.current?.click()}
        title="Publish the events of a CloudEvents JSON Lines file by hand"
      >
        Import events…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Events file (JSON Lines)"
        accept=".jsonl,.ndjson,.json,application/x-ndjson,application/json,text/plain"
        onChange={choose}
      />
      {chosen && (
        <Suspense fallback={null}>
          <ImportEventsDialog key={chosen.n} file={chosen.file} onClose={() => setChosen(null)} />
        </Suspense>
      )}
    </>
  );
}
