import { browserHost, EngineClient, WATCHDOG_MS } from '../client';
import type { Frame } from '../protocol';
import { useAppStore } from './appStore';

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
  client.onRestart(() => void recoverFromRestart());
  return client;
}

/** After the watchdog replaced a stuck worker: show what the new one restored, and say why. */
async function recoverFromRestart(): Promise<void> {
  const store = useAppStore.getState();
  store.pushNotice({
    level: 'error',
    message: `The engine stopped answering for ${WATCHDOG_MS / 1000} s — most likely handler code that never returns (an endless loop). It was restarted from the last saved step and the run is paused; fix the handler before pressing Play.`,
  });
  try {
    const hello = await engine().hello();
    // The new worker may not get the writer lock back at once: it then says it does not save.
    store.setTabStorage(hello.storage);
    store.setStoredFlow(hello.stored);
    if (hello.flow) store.adoptBranchFlow(hello.flow);
    store.setBranches(hello.branches);
    store.setCodeErrors(hello.codeErrors);
    adoptFrame(hello.frame);
  } catch (error) {
    store.pushNotice({ level: 'error', message: `The restarted engine did not answer: ${(error as Error).message}` });
  }
}

/** Puts a frame into the store: run state, and the newest log rows. */
export function adoptFrame(frame: Frame): void {
  const store = useAppStore.getState();
  store.syncLog(frame);
  store.receiveFrame(frame);
}
