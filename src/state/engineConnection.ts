import { EngineClient } from '../client';
import type { Frame } from '../protocol';
import { useAppStore } from './appStore';

let client: EngineClient | null = null;

/** The one engine client, created on first use and wired into the store. */
export function engine(): EngineClient {
  if (client) return client;
  client = new EngineClient();
  const store = useAppStore.getState();
  client.onFrame(adoptFrame);
  client.onNotice((notice) => store.pushNotice({ level: notice.level, message: notice.message }));
  client.onBranches((branches) => store.setBranches(branches));
  return client;
}

/** Puts a frame into the store: run state, and the newest log rows. */
export function adoptFrame(frame: Frame): void {
  const store = useAppStore.getState();
  store.syncLog(frame);
  store.receiveFrame(frame);
}
