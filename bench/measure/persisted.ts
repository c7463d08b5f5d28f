import type { FlowDocument } from '../../src/flow';
import type { PersistedRate } from '../protocol';
import { deleteDatabase } from './rawIdb';
import { playPersisted } from './sessionRun';

const PERSIST_DB = 'tidemark-bench-persist';
/** Kept after the run: the seeks read it back as the app does after a reload. */
export const HISTORY_DB = 'tidemark-bench-history';

/** Session + Persister + IndexedDB at max speed for `seconds`, timed until the stored head is durable. */
export async function measurePersisted(flow: FlowDocument, seconds: number): Promise<PersistedRate> {
  try {
    return await playPersisted(PERSIST_DB, flow, (_, ms) => ms >= seconds * 1000);
  } finally {
    await deleteDatabase(PERSIST_DB);
  }
}

/** Records a history of at least `steps` steps in HISTORY_DB (its rate is a long persisted run's rate). */
export function buildHistory(flow: FlowDocument, steps: number): Promise<PersistedRate> {
  return playPersisted(HISTORY_DB, flow, (session) => session.run.head >= steps);
}

export async function deleteBenchDatabases(): Promise<void> {
  await deleteDatabase(PERSIST_DB);
  await deleteDatabase(HISTORY_DB);
}
