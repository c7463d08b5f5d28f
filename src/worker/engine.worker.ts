// First: the realm's intrinsics are frozen before any module of ours, or any flow's code, can touch them.
import './hardenWorker';
import { eventSourcingHandlers } from './handlers/eventSourcingHandlers';
import { REQUEST_TYPES, type EngineToUi, type TabStorage, type UiToEngine } from '../protocol';
import { openTidemarkStore, type TidemarkStore } from '../storage';
import { FlowRejected } from './handlers/flowRejected';
import { WouldReplaceWork } from './handlers/wouldReplaceWork';
import { debugHandlers } from './handlers/debugHandlers';
import { flowHandlers } from './handlers/flowHandlers';
import { combineHandlers, completeTable, type HandlerTable } from './handlers/handlerRegistry';
import { historyHandlers } from './handlers/historyHandlers';
import { runHandlers } from './handlers/runHandlers';
import { Session } from './session';
import { realTimers } from './timers';
import type { WorkerScope } from './workerScope';

const scope = self as unknown as WorkerScope;
const post = (message: EngineToUi): void => scope.postMessage(message);

/** Waits this long for the writer lock: a worker replaced by the watchdog may still be letting go of it. */
const LOCK_WAIT_MS = 3000;

/** One writer per flow: a second tab runs without saving while the first holds the lock (docs/architecture.md, "One writer per flow"). */
function holdWriterLock(): Promise<boolean> {
  if (!('locks' in navigator)) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.locks
      .request('tidemark-writer', { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
        resolve(true);
        // Held for the worker's lifetime.
        return new Promise<never>(() => {});
      })
      .catch(() => resolve(false));
  });
}

async function openStore(): Promise<{ store?: TidemarkStore; storage: TabStorage }> {
  if (!(await holdWriterLock()))
    return {
      storage: {
        writer: false,
        reason:
          'Tidemark is open in another tab: this tab runs without saving, so the other tab’s work is not overwritten.',
      },
    };
  try {
    return { store: await openTidemarkStore(), storage: { writer: true } };
  } catch (error) {
    return {
      storage: {
        writer: false,
        reason: `Browser storage is not available (${(error as Error).message}); this run will not be saved.`,
      },
    };
  }
}

type RequestMessage = Extract<UiToEngine, { kind: 'request' }>;

async function start(): Promise<{ session: Session; handle: (message: RequestMessage) => Promise<void> }> {
  const { store, storage } = await openStore();
  const session = new Session(store, post, realTimers());
  if (!storage.writer) session.notify({ level: 'warning', message: storage.reason });
  try {
    await session.restore();
  } catch (error) {
    session.notify({
      level: 'error',
      message: `Could not restore the saved run (${(error as Error).message}); it is still stored.`,
    });
  }
  const handlers: HandlerTable = completeTable(
    combineHandlers(
      flowHandlers(session, storage),
      runHandlers(session),
      historyHandlers(session),
      eventSourcingHandlers(session),
      debugHandlers(session),
    ),
    REQUEST_TYPES,
  );
  const handle = async (message: RequestMessage): Promise<void> => {
    try {
      const handler = handlers[message.type] as (args: unknown) => unknown;
      post({ kind: 'reply', id: message.id, result: await handler(message.args) });
    } catch (error) {
      const problems = error instanceof FlowRejected ? { problems: error.problems } : {};
      const replaces = error instanceof WouldReplaceWork ? { replaces: error.work } : {};
      post({
        kind: 'error',
        id: message.id,
        message: (error as Error).message ?? String(error),
        ...problems,
        ...replaces,
      });
    }
  };
  return { session, handle };
}

// Requests are handled one at a time, in order, so a seek never interleaves with a fork or a load.
const ready = start();
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const message = event.data;
  // Not queued: an acknowledgement waiting behind a slow request would hold back the frames.
  if (message.kind === 'frameShown')
    return void ready.then(
      ({ session }) => session.frameShown(),
      () => undefined,
    );
  queue = queue
    .then(() => ready)
    .then(
      ({ handle }) => handle(message),
      (error: unknown) =>
        post({ kind: 'error', id: message.id, message: `The engine failed to start: ${(error as Error).message}` }),
    );
});
