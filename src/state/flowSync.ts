import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { engine } from './engineConnection';
import { clearUnsentEdit, journalUnsentEdit, tabJournal } from './pendingEdits';

// Edits arrive per keystroke and per drag frame; the worker needs only the settled document.
const DEBOUNCE_MS = 250;
let timer: ReturnType<typeof setTimeout> | undefined;
/** updateFlow requests sent and not yet answered. */
let unconfirmed = 0;

/** Sends local edits to the worker, debounced; returns a function that stops it. */
export function startFlowSync(): () => void {
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.editRevision === previous.editRevision) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flushFlow(), DEBOUNCE_MS);
  });
  const onPageHide = () => {
    const { flow, editRevision, syncedRevision, tabStorage, storedFlow } = useAppStore.getState();
    // A tab that does not save keeps nothing for later: its edits were never going to be stored.
    if (!tabStorage?.writer || !storedFlow) return;
    // Sent is not stored: an edit whose reply has not come back may die with the worker.
    if (flow && (editRevision !== syncedRevision || unconfirmed > 0))
      journalUnsentEdit({ flow, basedOn: storedFlow, unconfirmed }, tabJournal());
  };
  window.addEventListener('pagehide', onPageHide);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('pagehide', onPageHide);
  };
}

/**
 * Sends the flow now if it has edits the worker has not seen (before Play, Step, publish and Apply code).
 * Resolves false when the worker refused it (the reason is shown as a notice).
 */
export async function flushFlow(): Promise<boolean> {
  clearTimeout(timer);
  const { flow, editRevision, syncedRevision, markSynced, setCodeErrors, setStoredFlow, pushNotice } =
    useAppStore.getState();
  if (!flow || editRevision === syncedRevision) return true;
  markSynced(editRevision);
  unconfirmed++;
  try {
    const reply = await engine().request('updateFlow', { flow });
    setStoredFlow(reply.stored);
    if (useAppStore.getState().editRevision === editRevision) clearUnsentEdit(tabJournal());
    // A reply for an older document than the one shown would show stale compile errors.
    if (useAppStore.getState().flow === flow) setCodeErrors(reply.codeErrors);
    return true;
  } catch (error) {
    pushNotice({ level: 'error', message: `The flow was not applied: ${describeError(error)}` });
    return false;
  } finally {
    unconfirmed--;
  }
}
