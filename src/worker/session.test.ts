import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../flow';
import { Speed, type EngineToUi, type Frame } from '../protocol';
import { openTidemarkStore, type TidemarkStore } from '../storage';
import { Session } from './session';
import { ManualTimers } from './manualTimers.testkit';

function exampleFlow(): FlowDocument {
  const parsed = parseFlow(readFileSync('public/examples/orders.json', 'utf8'));
  if (!parsed.ok) throw new Error('example flow is invalid');
  return parsed.flow;
}

let dbCount = 0;
const open: TidemarkStore[] = [];

async function newSession(name: string): Promise<{ session: Session; frames: Frame[]; notices: string[] }> {
  const store = await openTidemarkStore(name);
  open.push(store);
  const frames: Frame[] = [];
  const notices: string[] = [];
  const session = new Session(
    store,
    (m: EngineToUi) => {
      if (m.kind === 'frame') frames.push(m.frame);
      if (m.kind === 'notice') notices.push(m.notice.message);
    },
    new ManualTimers(),
  );
  await session.restore();
  return { session, frames, notices };
}

/** A session with no store, as the worker runs one when IndexedDB cannot be opened; its time moves only when the test says. */
function memorySession(): { session: Session; frames: Frame[]; timers: ManualTimers } {
  const frames: Frame[] = [];
  const timers = new ManualTimers();
  const session = new Session(
    undefined,
    (m: EngineToUi) => {
      if (m.kind === 'frame') frames.push(m.frame);
    },
    timers,
  );
  return { session, frames, timers };
}

function stepN(session: Session, n: number): void {
  for (let i = 0; i < n; i++) session.advance();
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('Session', () => {
  it('while playing sends the next frame only once the UI has shown the last one', async () => {
    const { session, frames, timers } = memorySession();
    await session.startFresh(exampleFlow(), { trusted: true });
    session.setSpeed(Speed.X100);
    try {
      session.play();
      timers.advance(100);
      const unshown = frames.length;
      expect(unshown).toBeGreaterThan(0);
      timers.advance(100);
      expect(frames.length).toBe(unshown);
      for (let i = 0; i < unshown; i++) session.frameShown();
      timers.advance(100);
      expect(frames.length).toBe(unshown + 1);
      session.frameShown();
      timers.advance(100);
      expect(frames.length).toBe(unshown + 2);
      // A pause always sends its frame: the UI must see where the run stopped.
      const head = frames.at(-1)!.head;
      await session.pause();
      expect(frames.length).toBe(unshown + 3);
      expect(frames.at(-1)!.head).toBeGreaterThan(head);
      expect(frames.at(-1)!.playing).toBe(false);
    } finally {
      await session.pause();
    }
  });

  it('keeps a speed chosen before any flow is open for the run that follows', async () => {
    const { session, frames } = memorySession();
    // The UI can send it while the example flow is still on its way to the worker.
    session.setSpeed(Speed.Max);
    await session.startFresh(exampleFlow(), { trusted: true });
    session.pushFrame();
    expect(frames.at(-1)!.speed).toBe(Speed.Max);
  });

  it('restores flow, head and state exactly after a reload', async () => {
    const db = `session-${dbCount++}`;
    const first = await newSession(db);
    await first.session.startFresh(exampleFlow(), { trusted: true });
    stepN(first.session, 2_345);
    first.session.publish('orders', { orderId: 'by-hand', customerId: 'cust-ada', items: [], total: 1 });
    stepN(first.session, 100);
    await first.session.pause();
    await first.session.persister.flush();
    const before = first.session.frame();

    const second = await newSession(db);
    const after = second.session.frame();
    expect(after.head).toBe(before.head);
    expect(after.cursor).toBe(before.cursor);
    expect(JSON.stringify(after.counters)).toBe(JSON.stringify(before.counters));
    expect(JSON.stringify(after.nodeStates)).toBe(JSON.stringify(before.nodeStates));
    const rows = await second.session.rows(0, before.head);
    expect(rows).toHaveLength(before.head);
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: before.head }, (_, i) => i));
    expect(rows.find((r) => r.kind === 'publish' && r.manual)?.step).toBe(2_345);
  });

  it('bumps the stored flow revision at every save, and a reload goes on from the stored one', async () => {
    const db = `session-${dbCount++}`;
    const first = await newSession(db);
    expect(first.session.storedFlow()).toEqual({ flowId: 'current', revision: 0 });
    const flow = exampleFlow();
    await first.session.startFresh(flow, { trusted: true });
    expect(first.session.storedFlow()).toEqual({ flowId: 'current', revision: 1 });
    await first.session.updateFlow({ ...flow, name: 'Renamed' });
    expect(first.session.storedFlow()).toEqual({ flowId: 'current', revision: 2 });

    const second = await newSession(db);
    expect(second.session.storedFlow()).toEqual({ flowId: 'current', revision: 2 });
    await second.session.updateFlow({ ...flow, name: 'Again' });
    expect(second.session.storedFlow()).toEqual({ flowId: 'current', revision: 3 });
    // A tab that does not save has no stored flow to name.
    expect(memorySession().session.storedFlow()).toBeNull();
  });

  it('seeks back to a step and shows the state the run had there', async () => {
    const { session } = await newSession(`session-${dbCount++}`);
    await session.startFresh(exampleFlow(), { trusted: true });
    stepN(session, 1_500);
    await session.seek(700);
    const at700 = session.frame();
    await session.seek(1_500);
    expect(session.frame().cursor).toBe(1_500);
    await session.seek(700);
    expect(JSON.stringify(session.frame().counters)).toBe(JSON.stringify(at700.counters));
    expect(session.frame().counters.orders?.published).toBe(175);
  });

  it('forks from a past step; the parent branch keeps its history', async () => {
    const db = `session-${dbCount++}`;
    const { session } = await newSession(db);
    await session.startFresh(exampleFlow(), { trusted: true });
    stepN(session, 1_200);
    const parentId = session.frame().branchId;
    await session.seek(400);
    await session.fork('what-if');
    expect(session.frame().head).toBe(400);
    stepN(session, 10);
    expect(session.frame().head).toBe(410);
    const inherited = await session.rows(390, 20);
    expect(inherited.map((r) => r.step)).toEqual(Array.from({ length: 20 }, (_, i) => 390 + i));
    await session.switchBranch(parentId);
    expect(session.frame().head).toBe(1_200);
    await session.persister.flush();

    const reloaded = await newSession(db);
    expect(
      reloaded.session
        .branchInfos()
        .map((b) => b.name)
        .sort(),
    ).toEqual(['main', 'what-if']);
    expect(reloaded.session.frame().branchId).toBe(parentId);
  });

  it('records an edit made during a run as a flow-change step that replays', async () => {
    const { session } = await newSession(`session-${dbCount++}`);
    const flow = exampleFlow();
    await session.startFresh(flow, { trusted: true });
    stepN(session, 50);
    const edited = { ...flow, code: { ...flow.code, email: 'function handle() { throw new Error("smtp down"); }' } };
    const result = await session.updateFlow(edited);
    expect(result.recorded).toBe(true);
    stepN(session, 50);
    const rows = await session.rows(50, 50);
    expect(rows[0]?.kind).toBe('flow-change');
    const failed = rows.filter((r) => r.kind === 'deliver' && r.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ node: 'email', error: 'smtp down' });
    const counters = session.frame().counters;
    await session.seek(0);
    await session.seek(101);
    expect(session.frame().counters).toEqual(counters);
  });

  it('reports a handler that does not compile', async () => {
    const { session } = await newSession(`session-${dbCount++}`);
    const flow = exampleFlow();
    await session.startFresh(flow, { trusted: true });
    const result = await session.updateFlow({ ...flow, code: { ...flow.code, analytics: 'function handle( {' } });
    expect(result.codeErrors.analytics).toMatch(/Unexpected|expected/i);
  });
});
