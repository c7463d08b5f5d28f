import { type FlowDocument, FLOW_TEXT_LIMITS } from '../flow';
import type { StoredFlow, TabStorage } from '../protocol';
import { parseJsonText } from '../lib/jsonSafety';

// Edits reach the worker after a short debounce; a reload inside that window would lose the last
// one. So when the page goes away with edits unsent, a tab that saves journals the document in its
// own sessionStorage (it survives a reload of that tab and no other tab can read it), with the
// stored flow and revision it was made on; the next start applies it only if they still hold.
const KEY = 'tidemark.unsentEdit';
/** Where earlier versions journaled, in localStorage shared by every tab: never applied, only cleared. */
const SHARED_KEY = 'tidemark.unsentFlow';

/** The part of Web Storage the journal uses. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** An edit the worker had not stored when the page went away. */
export interface UnsentEdit {
  /** Read back as it was written; the worker validates it like any edit. */
  readonly flow: FlowDocument;
  /** The stored flow it was made on, at the revision the worker last confirmed. */
  readonly basedOn: StoredFlow;
  /** Edits sent and not confirmed: each may have been stored since, a revision each. */
  readonly unconfirmed: number;
}

export type UnsentEditVerdict = { readonly apply: true } | { readonly apply: false; readonly reason: string };

/** This tab's sessionStorage, or undefined where the browser refuses it. */
export function tabJournal(): JournalStorage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/** localStorage, shared by every tab of this site, where earlier versions journaled; undefined where refused. */
export function sharedJournal(): JournalStorage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

export function journalUnsentEdit(edit: UnsentEdit, storage: JournalStorage | undefined): void {
  try {
    storage?.setItem(KEY, JSON.stringify(edit));
  } catch {
    // Storage full or disabled: the edit is lost as it would have been without the journal.
  }
}

/** The journaled edit, removed from the journal; an entry that does not name its flow and revision, or is past the flow limits, is dropped. */
export function takeUnsentEdit(storage: JournalStorage | undefined): UnsentEdit | undefined {
  try {
    const text = storage?.getItem(KEY) ?? null;
    if (text === null) return undefined;
    storage?.removeItem(KEY);
    // Within the flow limits (and one level for the entry around it): anything deeper could not be sent.
    const parsed = parseJsonText(text, { ...FLOW_TEXT_LIMITS, maxDepth: FLOW_TEXT_LIMITS.maxDepth + 1 });
    if (!parsed.ok) return undefined;
    const entry = parsed.value as Partial<UnsentEdit> | null;
    const basedOn = entry?.basedOn;
    if (
      !entry ||
      typeof basedOn?.flowId !== 'string' ||
      typeof basedOn.revision !== 'number' ||
      typeof entry.unconfirmed !== 'number'
    )
      return undefined;
    return {
      flow: entry.flow as FlowDocument,
      basedOn: { flowId: basedOn.flowId, revision: basedOn.revision },
      unconfirmed: entry.unconfirmed,
    };
  } catch {
    return undefined;
  }
}

export function clearUnsentEdit(storage: JournalStorage | undefined): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

/** Removes the journal earlier versions kept in storage shared by all tabs; true when there was one. */
export function dropSharedJournal(shared: JournalStorage | undefined): boolean {
  try {
    if (shared?.getItem(SHARED_KEY) == null) return false;
    shared.removeItem(SHARED_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Whether a journaled edit may be applied to what this tab's worker holds now, and if not, why. */
export function unsentEditVerdict(edit: UnsentEdit, storage: TabStorage, stored: StoredFlow | null): UnsentEditVerdict {
  if (!storage.writer) return { apply: false, reason: 'this tab does not save now' };
  if (stored === null) return { apply: false, reason: 'no flow is stored to apply it to' };
  if (stored.flowId !== edit.basedOn.flowId) return { apply: false, reason: 'the stored flow is another one now' };
  const since = stored.revision - edit.basedOn.revision;
  // Each unconfirmed send may have been stored before the page went away: those revisions are this edit's own.
  if (since < 0 || since > edit.unconfirmed)
    return {
      apply: false,
      reason: 'the stored flow was saved again after it was made, and applying it could undo that',
    };
  return { apply: true };
}
