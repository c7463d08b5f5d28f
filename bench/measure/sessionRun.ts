import type { FlowDocument } from '../../src/flow';
import { Speed, type EngineToUi } from '../../src/protocol';
import { openTidemarkStore, type CommitBatch, type TidemarkStore } from '../../src/storage';
import { Session } from '../../src/worker/session';
import { realTimers } from '../../src/worker/timers';
import type { CommitTally, PersistedRate } from '../protocol';
import { REFERENCE_PRODUCER } from '../referenceFlow';
import { deleteDatabase } from './rawIdb';
import { perSecond, sleep } from './timing';

/** The app's worker posts frames to the UI; here they are built (Session does that) and dropped. */
export const dropMessages = (_message: EngineToUi): void => undefined;

const publishedEvents = (session: Session): number =>
  session.run.state.nodes[REFERENCE_PRODUCER]?.counters.published ?? 0;

/**
 * The store with commit() timed: IndexedDB clones each put value synchronously, inside the call,
 * so the call's own duration is what a commit costs the worker thread.
 */
function timedCommits(store: TidemarkStore, tally: CommitTally): TidemarkStore {
  const commit = store.commit.bind(store);
  return {
    ...store,
    commit(batch: CommitBatch) {
      const start = performance.now();
      const done = commit(batch);
      tally.ms += performance.now() - start;
      tally.commits++;
      tally.segments += batch.segments?.length ?? 0;
      tally.snapshots += batch.snapshots?.length ?? 0;
      return done;
    },
  };
}

/**
 * Plays `flow` at max speed in a real Session over a real store named `dbName` (created afresh)
 * until `enough` says so, then pauses and waits until the stored head is durable.
 */
export async function playPersisted(
  dbName: string,
  flow: FlowDocument,
  enough: (session: Session, ms: number) => boolean,
): Promise<PersistedRate> {
  await deleteDatabase(dbName);
  const store = await openTidemarkStore(dbName);
  const commits: CommitTally = { ms: 0, commits: 0, segments: 0, snapshots: 0 };
  try {
    // As the app's UI does, each frame is acknowledged, so the run builds frames as it would there.
    const session: Session = new Session(
      timedCommits(store, commits),
      (message) => {
        if (message.kind === 'frame') session.frameShown();
      },
      realTimers(),
    );
    await session.startFresh(flow, { trusted: true });
    session.setSpeed(Speed.Max);
    const start = performance.now();
    session.play();
    while (!enough(session, performance.now() - start)) await sleep(10);
    await session.pause();
    await session.persister.flush();
    const ms = performance.now() - start;
    commits.ms = Math.round(commits.ms);
    const head = session.run.head;
    const stored = await store.getBranch(session.branch.id);
    if (stored?.head !== head) throw new Error(`stored head ${stored?.head} is not the run's head ${head}`);
    const events = publishedEvents(session);
    return {
      head,
      commits,
      steps: head,
      events,
      ms,
      stepsPerSecond: perSecond(head, ms),
      eventsPerSecond: perSecond(events, ms),
    };
  } finally {
    store.close();
  }
}
