import type { Requests, StoredFlow, TabStorage } from '../protocol';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { adoptFlowLoaded, adoptFrame, engine } from './engineConnection';
import { startFlowSync } from './flowSync';
import { exampleUrl, openFlowUrl } from './openFlow';
import {
  dropSharedJournal,
  sharedJournal,
  tabJournal,
  takeUnsentEdit,
  unsentEditVerdict,
  type UnsentEdit,
} from './pendingEdits';

let started: Promise<void> | null = null;

/** Sends an edit this tab journaled when it went away before the worker got it, if it still fits what is stored. */
async function resendUnsentEdit(edit: UnsentEdit, storage: TabStorage, stored: StoredFlow | null): Promise<void> {
  const store = useAppStore.getState();
  const verdict = unsentEditVerdict(edit, storage, stored);
  if (!verdict.apply) {
    store.pushNotice({
      level: 'warning',
      message: `An edit made just before this tab was reloaded was not applied: ${verdict.reason}.`,
    });
    return;
  }
  try {
    const reply = await engine().request('updateFlow', { flow: edit.flow });
    store.adoptBranchFlow(edit.flow);
    store.setStoredFlow(reply.stored);
    store.setCodeErrors(reply.codeErrors);
  } catch (error) {
    store.pushNotice({
      level: 'warning',
      message: `An edit made just before the page closed could not be applied: ${describeError(error)}`,
    });
  }
}

/** Connects to the worker and opens the first flow: the one in the URL, the stored one, or the example. Runs once. */
export function startTidemark(): Promise<void> {
  started ??= start();
  return started;
}

async function start(): Promise<void> {
  const store = useAppStore.getState();
  startFlowSync();
  let hello: Requests['hello']['reply'];
  try {
    hello = await engine().hello();
  } catch (error) {
    store.pushNotice({ level: 'error', message: `The engine did not start: ${describeError(error)}` });
    return;
  }
  store.setTabStorage(hello.storage);
  if (hello.flow) adoptFlowLoaded(hello, 'new');
  else adoptFrame(hello.frame);
  // Only the tab that saves touches storage shared with other tabs.
  if (hello.storage.writer && dropSharedJournal(sharedJournal()))
    store.pushNotice({
      level: 'warning',
      message:
        'An edit kept by an earlier version of Tidemark was not applied: it did not say which tab and flow it was made in.',
    });
  const unsent = takeUnsentEdit(tabJournal());
  if (unsent) await resendUnsentEdit(unsent, hello.storage, hello.stored);
  const params = new URLSearchParams(window.location.search);
  const link = params.get('flow');
  const example = params.get('example');
  // Opened once: a reload must restore the stored run, not open the link again over it.
  if (link || example) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  if (link) await openFlowUrl(link, 'link', 'Open flow link');
  else if (example) await openFlowUrl(exampleUrl(example), 'example', `Open example "${example}"`);
  else if (hello.flow === null) await openFlowUrl(exampleUrl('orders'), 'example', 'Open example "orders"');
}
