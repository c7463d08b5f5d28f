import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../flow';
import type { EngineToUi, Requests, TimelineMarkers } from '../protocol';
import { openTidemarkStore, type TidemarkStore } from '../storage';
import { debugHandlers } from './handlers/debugHandlers';
import type { RequestHandler } from './handlers/handlerRegistry';
import { Session } from './session';
import { ManualTimers } from './manualTimers.testkit';

/** The Orders example with an email handler that fails every fifth order. */
function failingFlow(): FlowDocument {
  const parsed = parseFlow(readFileSync('public/examples/orders.json', 'utf8'));
  if (!parsed.ok) throw new Error('example flow is invalid');
  const email =
    'function handle(event, ctx) { ctx.state.sent = (ctx.state.sent ?? 0) + 1; if (ctx.state.sent % 5 === 0) throw new Error("smtp down"); }';
  return { ...parsed.flow, code: { ...parsed.flow.code, email } };
}

let dbCount = 0;
const open: TidemarkStore[] = [];

async function newSession(name: string) {
  const store = await openTidemarkStore(name);
  open.push(store);
  const markers: TimelineMarkers[] = [];
  const session = new Session(
    store,
    (m: EngineToUi) => {
      if (m.kind === 'markers') markers.push(m.markers);
    },
    new ManualTimers(),
  );
  await session.restore();
  const handlers = debugHandlers(session);
  const call = <K extends keyof Requests>(type: K, args: Requests[K]['args']) =>
    (handlers[type] as RequestHandler<K>)(args);
  return { session, store, markers, call };
}

function stepN(session: Session, n: number): void {
  for (let i = 0; i < n; i++) session.advance();
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('Session: timeline markers', () => {
  it('indexes errors and rebalances as they are recorded, sends them, and keeps them across a reload', async () => {
    const db = `debug-${dbCount++}`;
    const { session, markers } = await newSession(db);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 200);
    // Its group notices after the session timeout: a rebalance.
    session.controlConsumer('analytics', 'crash');
    stepN(session, 400);
    await session.pause();
    const rows = await session.rows(0, 600);
    const failed = rows.filter((r) => r.kind === 'deliver' && r.outcome === 'failed').map((r) => r.step);
    const rebalances = rows.filter((r) => r.kind === 'rebalance').map((r) => r.step);
    expect(failed.length).toBeGreaterThan(5);
    expect(rebalances.length).toBeGreaterThan(0);
    const sent = markers.at(-1)!;
    expect(sent.branchId).toBe(session.frame().branchId);
    expect(sent.kinds.error).toEqual({ steps: failed, total: failed.length });
    expect(sent.kinds.rebalance).toEqual({ steps: rebalances, total: rebalances.length });

    const reloaded = await newSession(db);
    reloaded.session.pushMarkers(true);
    expect(reloaded.markers.at(-1)?.kinds).toEqual(sent.kinds);
  });

  it('rebuilds the markers of a branch stored before markers existed, once', async () => {
    const db = `debug-${dbCount++}`;
    const { session, store } = await newSession(db);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 300);
    await session.pause();
    const kinds = structuredClone(session.branch.markers);
    const { markers: _dropped, ...old } = session.branch;
    await store.putBranch(structuredClone(old));

    const reloaded = await newSession(db);
    expect(reloaded.session.branch.markers).toEqual(kinds);
    expect((await reloaded.store.getBranch(old.id))?.markers).toEqual(kinds);
  });

  it('gives a fork the markers and bookmarks before its fork step; the parent keeps its own', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 600);
    await call('addBookmark', { step: 100, label: 'early' });
    await call('addBookmark', { step: 500, label: 'late' });
    const parent = session.branch;
    const parentErrors = [...(parent.markers?.error?.steps ?? [])];
    await session.seek(300);
    await session.fork('what-if');
    const child = session.branch;
    expect(child.markers?.error?.steps).toEqual(parentErrors.filter((s) => s < 300));
    expect(child.bookmarks).toEqual([{ step: 100, label: 'early' }]);
    stepN(session, 300);
    expect(child.markers?.error?.steps.length).toBeGreaterThan(parentErrors.filter((s) => s < 300).length);
    expect(parent.markers?.error?.steps).toEqual(parentErrors);
  });
});

describe('Session: bookmarks', () => {
  it('adds, relabels and removes bookmarks, stored with the branch', async () => {
    const db = `debug-${dbCount++}`;
    const { session, call, markers } = await newSession(db);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 50);
    await call('addBookmark', { step: 40, label: ' crash here ' });
    await call('addBookmark', { step: 10, label: '' });
    expect(await call('addBookmark', { step: 40, label: 'crash' })).toEqual({
      bookmarks: [
        { step: 10, label: '' },
        { step: 40, label: 'crash' },
      ],
    });
    expect(markers.at(-1)?.bookmarks).toEqual([
      { step: 10, label: '' },
      { step: 40, label: 'crash' },
    ]);
    expect(await call('removeBookmark', { step: 10 })).toEqual({ bookmarks: [{ step: 40, label: 'crash' }] });
    await expect(call('addBookmark', { step: 51, label: '' })).rejects.toThrow(
      'Step 51 is not on this branch: it has steps 0 to 50.',
    );

    const reloaded = await newSession(db);
    expect(reloaded.session.branch.bookmarks).toEqual([{ step: 40, label: 'crash' }]);
  });
});

describe('Session: searching the log', () => {
  it('finds the next and previous step touching a node, and Go to targets', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 2_500);
    await session.pause();
    const rows = await session.rows(0, 2_500);
    const email = rows.filter((r) => r.node === 'email').map((r) => r.step);
    const next = email.find((s) => s > 1_500)!;
    expect(await call('findTouchingStep', { node: 'email', from: 1_500, direction: 'next' })).toEqual({ step: next });
    expect(await call('findTouchingStep', { node: 'email', from: next, direction: 'previous' })).toEqual({
      step: email[email.indexOf(next) - 1],
    });
    // Without `from`, from the row before the worker's cursor: a seek sent just before counts, whatever the UI showed.
    await session.seek(1_501);
    expect(await call('findTouchingStep', { node: 'email', direction: 'next' })).toEqual({ step: next });
    await session.seek(next + 1);
    expect(await call('findTouchingStep', { node: 'email', direction: 'previous' })).toEqual({
      step: email[email.indexOf(next) - 1],
    });
    await session.seek(2_500);
    await expect(call('findTouchingStep', { node: 'nope', from: 0, direction: 'next' })).rejects.toThrow(
      'no node with id "nope"',
    );

    const publish = rows.find((r) => r.kind === 'publish' && r.step > 1_200);
    if (publish?.kind !== 'publish') throw new Error('no publish step');
    expect(await call('locate', { target: { kind: 'event', id: publish.event.id } })).toEqual({
      ok: true,
      cursor: publish.step + 1,
      step: publish.step,
      time: publish.time,
    });
    const at = rows[999]!;
    const result = await call('locate', { target: { kind: 'time', ms: at.time } });
    expect(result).toMatchObject({ ok: true, time: at.time });
    if (result.ok) expect(rows[result.cursor]?.time ?? Infinity).toBeGreaterThan(at.time);
    expect(await call('locate', { target: { kind: 'step', step: 2_501 } })).toEqual({
      ok: false,
      problem: 'Step 2501 is not on this branch: it has steps 0 to 2500.',
    });
    expect(session.frame().cursor).toBe(2_500);
  });
});

describe('Session: state at a step', () => {
  it('gives a node’s state at any step without moving the cursor, and diffs two steps', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 1_200);
    const frameAt = async (step: number) => {
      await session.seek(step);
      return session.frame();
    };
    const at700 = await frameAt(700);
    await session.seek(1_200);

    const { state } = await call('nodeStateAt', { step: 700, node: 'by-customer' });
    expect(state.state).toEqual(at700.nodeStates['by-customer']);
    expect(state.counters).toEqual(at700.counters['by-customer']);
    expect(session.frame().cursor).toBe(1_200);

    const rows = await session.rows(0, 1_200);
    const handled = rows.find((r) => r.step > 700 && r.node === 'by-customer' && r.kind === 'deliver')!;
    const diff = await call('diffNodeState', { node: 'by-customer', from: handled.step, to: handled.step + 1 });
    expect(diff.changes).toContainEqual({
      path: 'counters.handled',
      change: 'changed',
      before: expect.any(Number),
      after: expect.any(Number),
    });
    expect(diff.changes.some((c) => c.path.startsWith('state.'))).toBe(true);
    expect(await call('diffNodeState', { node: 'by-customer', from: 700, to: 700 })).toEqual({
      from: 700,
      to: 700,
      changes: [],
      truncated: false,
    });
    await expect(call('nodeStateAt', { step: 1_201, node: 'email' })).rejects.toThrow(/not on branch main/);
    expect(session.frame().cursor).toBe(1_200);
  });

  it('reads another branch’s state when asked by id', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 400);
    const mainId = session.frame().branchId;
    const mainAt400 = session.frame().counters.orders;
    await session.seek(100);
    await session.fork('short');
    expect((await call('nodeStateAt', { branchId: mainId, step: 400, node: 'orders' })).state.counters).toEqual(
      mainAt400,
    );
    expect(session.frame().branchId).not.toBe(mainId);
  });
});

describe('Session: deleting a branch', () => {
  it('refuses the root and a branch with forks; deletes a leaf with what it stored and switches to its parent', async () => {
    const db = `debug-${dbCount++}`;
    const { session, store, call } = await newSession(db);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 1_500);
    const mainId = session.frame().branchId;
    await session.seek(200);
    await session.fork('a');
    const aId = session.frame().branchId;
    stepN(session, 1_500);
    await session.fork('b');
    await session.switchBranch(aId);
    await session.persister.flush();
    expect(await store.getSegment(aId, 1000)).toBeDefined();

    await expect(call('deleteBranch', { branchId: mainId })).rejects.toThrow(
      'Branch main is where the run began and cannot be deleted',
    );
    await expect(call('deleteBranch', { branchId: aId })).rejects.toThrow('Branch a has forks (b): delete them first.');

    const bId = session.branchInfos().find((b) => b.name === 'b')!.id;
    expect((await call('deleteBranch', { branchId: bId })).switched).toBe(false);
    const deleted = await call('deleteBranch', { branchId: aId });
    expect(deleted.switched).toBe(true);
    expect(deleted.branches.map((b) => b.name)).toEqual(['main']);
    expect(session.frame().branchId).toBe(mainId);
    expect(session.frame().head).toBe(1_500);
    expect(await store.getBranch(aId)).toBeUndefined();
    expect(await store.getSegments(aId, 0, 1e9)).toEqual([]);
    expect(await store.latestSnapshot(aId, 1e9)).toBeUndefined();

    const reloaded = await newSession(db);
    expect(reloaded.session.branchInfos().map((b) => b.name)).toEqual(['main']);
    expect(reloaded.session.frame().branchId).toBe(mainId);
  });
});

describe('Session: export and import', () => {
  it('exports a branch page by page as JSON Lines, one CloudEvent per step', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 7_000);
    const branchId = session.frame().branchId;
    const lines: string[] = [];
    for (let from: number | null = 0; from !== null;) {
      const page: Requests['exportLog']['reply'] = await call('exportLog', { branchId, from, to: 6_500 });
      lines.push(...(await page.chunk.text()).split('\n').filter(Boolean));
      from = page.next;
    }
    expect(lines).toHaveLength(6_500);
    const events = lines.map(
      (line) => JSON.parse(line) as { specversion: string; type: string; id: string; data: { step?: number } },
    );
    expect(events.every((e) => e.specversion === '1.0')).toBe(true);
    const rows = await session.rows(0, 6_500);
    expect(events.map((e) => (e.type.startsWith('dev.tidemark.') ? e.data.step : 'publish'))).toEqual(
      rows.map((r) => (r.kind === 'publish' ? 'publish' : r.step)),
    );
  });

  it('publishes a batch as consecutive manual inputs, refusing an unknown producer', async () => {
    const { session, call } = await newSession(`debug-${dbCount++}`);
    await session.startFresh(failingFlow(), { trusted: true });
    stepN(session, 10);
    expect(
      await call('publishBatch', { producer: 'orders', events: [{ orderId: 'i-1' }, { orderId: 'i-2' }] }),
    ).toEqual({ first: 10, last: 11 });
    const rows = await session.rows(10, 2);
    expect(rows.map((r) => (r.kind === 'publish' ? [r.manual, r.event.data] : null))).toEqual([
      [true, { orderId: 'i-1' }],
      [true, { orderId: 'i-2' }],
    ]);
    expect(() => call('publishBatch', { producer: 'order-events', events: [{}] })).toThrow(
      'no producer with id "order-events"',
    );
  });
});
