import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../flow';
import type { EngineToUi, Frame } from '../protocol';
import { openTidemarkStore, toStorageError, type TidemarkStore } from '../storage';
import { refusePutsFrom, storedContents } from '../storage/quotaFaults.testkit';
import { FLOW_ID, Session } from './session';
import { ManualTimers } from './manualTimers.testkit';

// What a person keeps when storage refuses a change: every stored change lands whole or not at all,
// and a full quota pauses the run at the last stored step and says what was not saved.

function exampleFlow(): FlowDocument {
  const parsed = parseFlow(readFileSync('public/examples/orders.json', 'utf8'));
  if (!parsed.ok) throw new Error('example flow is invalid');
  return parsed.flow;
}

const quotaError = () => toStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

/** A store whose commits and meta writes fail, as a full origin's do, while `full.on` is set. */
function fillable(store: TidemarkStore): { store: TidemarkStore; full: { on: boolean } } {
  const full = { on: false };
  return {
    full,
    store: {
      ...store,
      commit: (batch) => (full.on ? Promise.reject(quotaError()) : store.commit(batch)),
      setMeta: (key, value) => (full.on ? Promise.reject(quotaError()) : store.setMeta(key, value)),
    },
  };
}

let dbCount = 0;
const opened: TidemarkStore[] = [];
let stopRefusing: (() => void) | undefined;

interface Opened {
  session: Session;
  notices: string[];
  frames: Frame[];
  full: { on: boolean };
  store: TidemarkStore;
}

async function openSession(name: string): Promise<Opened> {
  const real = await openTidemarkStore(name);
  opened.push(real);
  const { store, full } = fillable(real);
  const notices: string[] = [];
  const frames: Frame[] = [];
  const session = new Session(
    store,
    (m: EngineToUi) => {
      if (m.kind === 'notice') notices.push(m.notice.message);
      if (m.kind === 'frame') frames.push(m.frame);
    },
    new ManualTimers(),
  );
  await session.restore();
  return { session, notices, frames, full, store: real };
}

function stepN(session: Session, n: number): void {
  for (let i = 0; i < n; i++) session.advance();
}

/** What a person sees of a run: where it is, every counter and node state, and its log. */
async function seen(session: Session): Promise<string> {
  const { cursor, head, counters, nodeStates, branchId } = session.frame();
  const rows = await session.rows(0, head);
  return JSON.stringify({
    flow: session.flow?.name,
    cursor,
    head,
    counters,
    nodeStates,
    branchId,
    rows,
    branches: session.branchInfos(),
  });
}

/** The database's contents as one string: equal strings are byte-for-byte equal contents (and compare fast). */
const bytes = async (name: string): Promise<string> => serialize(await storedContents(name)).toString('base64');

afterEach(() => {
  stopRefusing?.();
  stopRefusing = undefined;
  for (const store of opened.splice(0)) store.close();
});

/** A stored run of the Orders example, paused after `steps` steps. */
async function storedRun(steps: number): Promise<Opened & { name: string }> {
  const name = `session-storage-${dbCount++}`;
  const opened = await openSession(name);
  await opened.session.startFresh(exampleFlow(), { trusted: true });
  stepN(opened.session, steps);
  await opened.session.pause();
  return { ...opened, name };
}

describe('opening a flow or resetting the run is all or nothing', () => {
  it('a flow the engine cannot start leaves the stored run and the session as they were', async () => {
    const { session, name } = await storedRun(1_500);
    const before = await bytes(name);
    const shown = await seen(session);
    // Stands for any flow that passes validation yet fails while its run is built.
    const unstartable = { ...exampleFlow(), name: 'Broken', nodes: null } as unknown as FlowDocument;

    await expect(session.startFresh(unstartable, { trusted: true })).rejects.toThrow();

    expect(await bytes(name)).toBe(before);
    expect(await seen(session)).toBe(shown);
    const reloaded = await openSession(name);
    expect(await seen(reloaded.session)).toBe(shown);
  });

  it('opening a flow storage has no room for is refused: storage unchanged, the old run still served, the message truthful', async () => {
    const { session, name } = await storedRun(1_500);
    const before = await bytes(name);
    const shown = await seen(session);
    stopRefusing = refusePutsFrom(1);

    const refused = await session
      .startFresh({ ...exampleFlow(), name: 'Big' }, { trusted: true })
      .catch((error: unknown) => error);

    expect(await bytes(name)).toBe(before);
    expect(await seen(session)).toBe(shown);
    expect(refused).toEqual(
      new Error('Not opened: browser storage is full. Your flow "Orders" and its run are unchanged.'),
    );
    stopRefusing();
    const reloaded = await openSession(name);
    expect(await seen(reloaded.session)).toBe(shown);
    expect(reloaded.notices).toEqual([]);
  });

  it('a transaction refused half way (after its deletes) changes nothing either', async () => {
    const { session, name } = await storedRun(1_500);
    const before = await bytes(name);
    // The flow record is written, the branch is refused.
    stopRefusing = refusePutsFrom(2);

    const refused = await session
      .startFresh({ ...exampleFlow(), name: 'Big' }, { trusted: true })
      .catch((error: unknown) => error);

    expect(await bytes(name)).toBe(before);
    expect(String(refused)).toMatch(/^Error: Not opened: browser storage is full/);
  });

  it('a refused open while the run plays shows it paused, as the worker left it', async () => {
    const { session, frames } = await storedRun(100);
    session.play();
    stopRefusing = refusePutsFrom(1);

    await expect(session.startFresh({ ...exampleFlow(), name: 'Big' }, { trusted: true })).rejects.toThrow(
      /^Not opened/,
    );

    expect(frames.at(-1)?.playing).toBe(false);
  });

  it('Reset run under a full quota is refused the same way', async () => {
    const { session, name } = await storedRun(1_500);
    const before = await bytes(name);
    const shown = await seen(session);
    stopRefusing = refusePutsFrom(1);

    const refused = await session
      .startFresh(session.flow!, { trusted: true, change: 'reset' })
      .catch((error: unknown) => error);

    expect(await bytes(name)).toBe(before);
    expect(await seen(session)).toBe(shown);
    expect(refused).toEqual(
      new Error('Not reset: browser storage is full. Your flow "Orders" and its run are unchanged.'),
    );
  });

  it('a flow opened with room replaces the old run in storage', async () => {
    const { session, name } = await storedRun(1_500);
    await session.startFresh({ ...exampleFlow(), name: 'Second' }, { trusted: true });
    stepN(session, 10);
    await session.pause();
    const reloaded = await openSession(name);
    expect(reloaded.session.flow?.name).toBe('Second');
    expect(reloaded.session.branchInfos()).toHaveLength(1);
    expect(reloaded.session.frame().head).toBe(10);
  });
});

describe('a full quota while the run goes on', () => {
  it('pauses at the last stored step, says which steps were discarded, and a reload shows the same run', async () => {
    const { session, notices, full, name } = await storedRun(3_000);
    full.on = true;
    stepN(session, 2_500);
    await session.pause();

    const frame = session.frame();
    expect(frame.playing).toBe(false);
    expect(frame.head).toBe(3_000);
    expect(frame.cursor).toBe(3_000);
    expect(notices.at(-1)).toBe(
      'Browser storage is full: steps 3,001–5,500 could not be saved and were discarded; the run is paused at step 3,000, the last one stored. Free some space (delete a branch, or Reset run), then press Play to continue.',
    );
    const reloaded = await openSession(name);
    expect(await seen(reloaded.session)).toBe(await seen(session));
  }, 20_000);

  it('names the inputs made by hand that were lost with the steps', async () => {
    const { session, notices, full } = await storedRun(3_000);
    full.on = true;
    stepN(session, 100);
    session.publish('orders', { orderId: 'by-hand-1', customerId: 'cust-ada', items: [], total: 1 });
    session.publish('orders', { orderId: 'by-hand-2', customerId: 'cust-ada', items: [], total: 2 });
    stepN(session, 10);
    await session.pause();

    expect(session.frame().head).toBe(3_000);
    expect(notices.at(-1)).toMatch(
      /^Browser storage is full: steps 3,001–3,112 could not be saved and were discarded, with 2 events published by hand; /,
    );
    const rows = await session.rows(0, 3_000);
    expect(rows.some((r) => r.kind === 'publish' && r.manual)).toBe(false);
  });

  it('Play after space was freed goes on from the stored step, and storage then holds one whole run', async () => {
    const { session, full, name } = await storedRun(1_500);
    full.on = true;
    // More than one transaction's worth: the first chunk of segments lands, the branch's head does not.
    stepN(session, 65_000);
    await session.pause();
    expect(session.frame().head).toBe(1_500);

    full.on = false;
    session.publish('orders', { orderId: 'by-hand', customerId: 'cust-ada', items: [], total: 1 });
    stepN(session, 999);
    await session.pause();

    const reference = new Session(undefined, () => {}, new ManualTimers());
    await reference.startFresh(exampleFlow(), { trusted: true });
    stepN(reference, 1_500);
    reference.publish('orders', { orderId: 'by-hand', customerId: 'cust-ada', items: [], total: 1 });
    stepN(reference, 999);

    const reloaded = await openSession(name);
    expect(reloaded.session.frame().head).toBe(2_500);
    expect(JSON.stringify(await reloaded.session.rows(0, 2_500))).toBe(JSON.stringify(await reference.rows(0, 2_500)));
    expect(JSON.stringify(reloaded.session.frame().counters)).toBe(JSON.stringify(reference.frame().counters));
  }, 30_000);
});

describe('edits, forks and switches under a full quota', () => {
  it('an edit recorded in the run is stored with its flow record or not at all', async () => {
    const { session, full, name, store } = await storedRun(50);
    const flow = session.flow!;
    full.on = true;
    const edited = { ...flow, code: { ...flow.code, email: 'function handle() { throw new Error("smtp down"); }' } };

    const refused = await session.updateFlow(edited).catch((error: unknown) => error);

    const stored = await store.loadFlow(FLOW_ID);
    expect(stored?.ok && stored.record.flow).toEqual(flow);
    expect(session.flow).toEqual(flow);
    expect(String(refused)).toMatch(/^Error: Not saved: browser storage is full/);
    const reloaded = await openSession(name);
    expect(reloaded.session.flow).toEqual(flow);
    expect(reloaded.session.branch.inputs).toEqual([]);
  });

  it('a refused fork leaves the session on its branch, in memory and in storage', async () => {
    const { session, full, name } = await storedRun(1_200);
    await session.seek(400);
    const shown = await seen(session);
    full.on = true;

    const refused = await session.fork('what-if').catch((error: unknown) => error);

    expect(await seen(session)).toBe(shown);
    expect(String(refused)).toMatch(/^Error: Not forked: browser storage is full/);
    full.on = false;
    const reloaded = await openSession(name);
    expect(reloaded.session.branchInfos().map((b) => b.name)).toEqual(['main']);
  });

  it('a refused switch leaves the session on its branch', async () => {
    const { session, full } = await storedRun(1_200);
    const mainId = session.frame().branchId;
    await session.seek(400);
    await session.fork('what-if');
    const shown = await seen(session);
    full.on = true;

    const refused = await session.switchBranch(mainId).catch((error: unknown) => error);

    expect(await seen(session)).toBe(shown);
    expect(String(refused)).toMatch(/^Error: Not switched: browser storage is full/);
  });
});

describe('continuing the stored head segment', () => {
  it('after a reload and a long read back through the log, new steps keep the earlier steps of the head segment', async () => {
    const { session, name } = await storedRun(17_500);
    const rows = JSON.stringify(await session.rows(17_000, 500));

    const reloaded = await openSession(name);
    // Reading far back pushes the head segment out of the cache of decoded segments.
    for (let first = 0; first < 17_000; first += 1_000) await reloaded.session.rows(first, 1);
    stepN(reloaded.session, 10);
    await reloaded.session.pause();

    const again = await openSession(name);
    expect(again.session.frame().head).toBe(17_510);
    const stored = await again.session.rows(17_000, 510);
    expect(stored.map((r) => r.step)).toEqual(Array.from({ length: 510 }, (_, i) => 17_000 + i));
    expect(JSON.stringify(stored.slice(0, 500))).toBe(rows);
  }, 20_000);
});
