import type { FlowDocument } from '../flow';

// Edits reach the worker after a short debounce; a reload inside that window would lose the last
// one. So when the page goes away with edits unsent, the document is journaled here (synchronous
// storage survives the unload) and sent on the next start.
const KEY = 'tidemark.unsentFlow';

export function journalUnsentFlow(flow: FlowDocument): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(flow));
  } catch {
    // Storage full or disabled: the edit is lost as it would have been without the journal.
  }
}

/** The journaled document, removed from the journal; the worker validates it like any edit. */
export function takeUnsentFlow(): unknown {
  try {
    const text = localStorage.getItem(KEY);
    if (text === null) return undefined;
    localStorage.removeItem(KEY);
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function clearUnsentFlow(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
