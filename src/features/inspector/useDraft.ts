import { useState } from 'react';

/**
 * A local draft of a document value for an input: follows the document until the person types,
 * and again whenever the document value changes (an undo, a new flow, another panel's edit).
 */
export function useDraft<T>(value: T): [T, (draft: T) => void] {
  const [state, setState] = useState({ source: value, draft: value });
  if (!Object.is(state.source, value)) {
    // Adjusting state while rendering, as React recommends for state derived from a prop.
    const next = { source: value, draft: value };
    setState(next);
    return [next.draft, (draft) => setState({ source: value, draft })];
  }
  return [state.draft, (draft) => setState({ source: value, draft })];
}
