import type { ChangeEvent } from 'react';
import { openFlowText } from '../../state';

/** A visible "Open…" button over a hidden file input labelled "Open flow file". */
export function OpenFlowFile() {
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // Clear it so choosing the same file again fires change again.
    input.value = '';
    await openFlowText(text, 'file', `Open flow file "${file.name}"`);
  };
  return (
    <label className="file-button">
      <input
        type="file"
        className="visually-hidden"
        accept=".json,application/json"
        aria-label="Open flow file"
        onChange={(e) => void open(e)}
      />
      <span aria-hidden="true">Open…</span>
    </label>
  );
}
