import { browserHost, EngineClient, WATCHDOG_MS, type StuckWork } from '../client';
import type { FlowLoaded, Frame } from '../protocol';
import { useAppStore } from './appStore';
import { stuckWorkText } from './stuckWorkText';

let client: EngineClient | null = null;

/** The one engine client, created on first use and wired into the store. */
export function engine(): EngineClient {
  if (client) return client;
  client = new EngineClient(browserHost());
  const store = useAppStore.getState();
  client.onFrame(adoptFrame);
  client.onNotice((notice) => store.pushNotice({ level: notice.level, message: notice.message }));
  client.onBranches((branches) => store.setBranches(branches));
  client.onMarkers((markers) => store.setMarkers(markers));
  client.onRestart((stuck) => void recoverFromRestart(stuck));
  return client;
}

/** After the watchdog replaced a stuck worker: show what the new one restored, and say what hung. */
async function recoverFromRestart(stuck: StuckWork): Promise<void> {
  const store = useAppStore.getState();
  store.pushNotice({ level: 'error', message: stuckWorkText(stuck, WATCHDOG_MS / 1000, store.frame?.cursor) });
  try {
    const hello = await engine().hello();
    // The new worker may not get the writer lock back at once: it then says it does not save.
    store.setTabStorage(hello.storage);
    if (hello.flow) adoptFlowLoaded(hello, 'same');
  } catch (error) {
    store.pushNotice({ level: 'error', message: `The restarted engine did not answer: ${(error as Error).message}` });
  }
}

/**
 * Shows a flow as the worker holds it: its document, trust, branches, compile errors and frame.
 * A `new` flow replaces the canvas (and its log); the `same` flow keeps the view and selection.
 */
export function adoptFlowLoaded(loaded: FlowLoaded, which: 'new' | 'same'): void {
  const store = useAppStore.getState();
  if (which === 'new') {
    store.loadFlow(loaded.flow);
    store.clearLog();
  } else store.adoptBranchFlow(loaded.flow);
  store.setTrusted(loaded.trusted);
  store.setStoredFlow(loaded.stored);
  store.setCodeErrors(loaded.codeErrors);
  store.setBranches(loaded.branches);
  adoptFrame(loaded.frame);
}

/** Puts a frame into the store: run state, and the newest log rows. */
export function adoptFrame(frame: Frame): void {
  const store = useAppStore.getState();
  store.syncLog(frame);
  store.receiveFrame(frame);
}
