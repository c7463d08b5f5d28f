import type { FlowDocument } from '../flow';
import { MAX_FLOW_CHARS, MAX_FLOW_DEPTH, MAX_FLOW_VALUES } from '../flow/flowLimits';
import { parseJsonText } from '../lib/jsonSafety';

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

/** The journaled document, removed from the journal; the worker validates it like any edit. Text past the flow limits is dropped: it could not be sent. */
export function takeUnsentFlow(): unknown {
  try {
    const text = localStorage.getItem(KEY);
    if (text === null) return undefined;
    localStorage.removeItem(KEY);
    const parsed = parseJsonText(text, { maxChars: MAX_FLOW_CHARS, maxDepth: MAX_FLOW_DEPTH, maxNodes: MAX_FLOW_VALUES });
    return parsed.ok ? parsed.value : undefined;
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
