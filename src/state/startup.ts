import type { FlowDocument } from '../flow';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { adoptFlowLoaded, adoptFrame, engine } from './engineConnection';
import { startFlowSync } from './flowSync';
import { exampleUrl, openFlowUrl } from './openFlow';
import { takeUnsentFlow } from './pendingEdits';

let started: Promise<void> | null = null;

/** Sends an edit journaled when the page went away before the worker got it. */
async function resendUnsentFlow(doc: unknown): Promise<void> {
  const store = useAppStore.getState();
  try {
    const reply = await engine().request('updateFlow', { flow: doc as FlowDocument });
    store.adoptBranchFlow(doc as FlowDocument);
    store.setCodeErrors(reply.codeErrors);
  } catch (error) {
    store.pushNotice({ level: 'warning', message: `An edit made just before the page closed could not be applied: ${describeError(error)}` });
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
  let storedFlow: boolean;
  try {
    const hello = await engine().hello();
    if (hello.flow) adoptFlowLoaded(hello, 'new');
    else adoptFrame(hello.frame);
    storedFlow = hello.flow !== null;
  } catch (error) {
    store.pushNotice({ level: 'error', message: `The engine did not start: ${describeError(error)}` });
    return;
  }
  const unsent = takeUnsentFlow();
  if (unsent !== undefined && storedFlow) await resendUnsentFlow(unsent);
  const params = new URLSearchParams(window.location.search);
  const link = params.get('flow');
  const example = params.get('example');
  // Opened once: a reload must restore the stored run, not open the link again over it.
  if (link || example) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  if (link) await openFlowUrl(link, 'link', 'Open flow link');
  else if (example) await openFlowUrl(exampleUrl(example), 'example', `Open example "${example}"`);
  else if (!storedFlow) await openFlowUrl(exampleUrl('orders'), 'example', 'Open example "orders"');
}
