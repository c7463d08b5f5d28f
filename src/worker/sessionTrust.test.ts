import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../flow';
import type { EngineToUi } from '../protocol';
import { openTidemarkStore, type TidemarkStore } from '../storage';
import { FLOW_ID, Session } from './session';
import { ManualTimers } from './manualTimers.testkit';

function example(name = 'orders'): FlowDocument {
  const parsed = parseFlow(readFileSync(`public/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error('example flow is invalid');
  return parsed.flow;
}

/** The Orders example whose email handler would throw at its top level if it were ever evaluated. */
function foreignFlow(): FlowDocument {
  const flow = example();
  return {
    ...flow,
    code: { ...flow.code, email: 'throw new Error("evaluated at the top level");\nfunction handle(event, ctx) {}' },
  };
}

let dbCount = 0;
const open: TidemarkStore[] = [];

async function newSession(name: string): Promise<{ session: Session; notices: string[]; store: TidemarkStore }> {
  const store = await openTidemarkStore(name);
  open.push(store);
  const notices: string[] = [];
  const session = new Session(
    store,
    (m: EngineToUi) => {
      if (m.kind === 'notice') notices.push(m.notice.message);
    },
    new ManualTimers(),
  );
  await session.restore();
  return { session, notices, store };
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('an untrusted flow', () => {
  it('evaluates none of its code on open: its errors come from parsing, and it refuses to run', async () => {
    const { session } = await newSession(`trust-${dbCount++}`);
    await session.startFresh(foreignFlow(), { trusted: false });
    expect(session.trusted).toBe(false);
    // The top-level throw would show here if the code had been evaluated.
    expect(session.codeErrors()).toEqual({});
    expect(() => session.play()).toThrow(/Play would run this flow's code, which you have not trusted yet/);
    await expect(session.step()).rejects.toThrow(/Step would run/);
    expect(() => session.publish('orders', { orderId: 'x' })).toThrow(/Publishing would run/);
    await expect(session.seek(5)).rejects.toThrow(/Moving through the run would run/);
    expect(session.run.head).toBe(0);
  });

  it('runs once trusted, and the trust is stored with the flow', async () => {
    const name = `trust-${dbCount++}`;
    const { session } = await newSession(name);
    await session.startFresh(foreignFlow(), { trusted: false });
    await session.trust();
    expect(session.trusted).toBe(true);
    expect(session.codeErrors()).toEqual({ email: 'evaluated at the top level' });
    await session.step();
    expect(session.run.head).toBe(1);
    await session.pause();

    const reloaded = await newSession(name);
    expect(reloaded.session.trusted).toBe(true);
    expect(reloaded.session.run.cursor).toBe(1);
  });

  it('is restored untrusted and unreplayed: reloading runs none of its stored run', async () => {
    const name = `trust-${dbCount++}`;
    const first = await newSession(name);
    await first.session.startFresh(example(), { trusted: true });
    for (let i = 0; i < 30; i++) first.session.advance();
    await first.session.pause();
    // As if it had been opened from a file: the stored record says it is not trusted.
    const loaded = await first.store.loadFlow(FLOW_ID);
    if (!loaded?.ok) throw new Error('no stored flow');
    await first.store.saveFlow({ ...loaded.record, trusted: false });

    const { session } = await newSession(name);
    expect(session.trusted).toBe(false);
    expect(session.run.head).toBe(30);
    expect(session.run.cursor).toBe(0);
    await session.trust();
    expect(session.run.cursor).toBe(30);
  });

  it('is opened restricted after a start that never finished evaluating it, saying why', async () => {
    const name = `trust-${dbCount++}`;
    const first = await newSession(name);
    await first.session.startFresh(example(), { trusted: true });
    for (let i = 0; i < 10; i++) first.session.advance();
    await first.session.pause();
    // A worker that hung while replaying leaves the mark it set before evaluating.
    await first.store.setMeta('evaluatingFlow', FLOW_ID);

    const { session, notices } = await newSession(name);
    expect(session.trusted).toBe(false);
    expect(session.run.cursor).toBe(0);
    expect(notices.join('\n')).toMatch(/stopped last time while running "Orders"'s code.*restricted mode/);
    const again = await newSession(name);
    expect(again.session.trusted).toBe(false);
  });

  it('clears the mark once the evaluation finished, so the next start trusts it again', async () => {
    const name = `trust-${dbCount++}`;
    const first = await newSession(name);
    await first.session.startFresh(example(), { trusted: true });
    first.session.advance();
    await first.session.pause();
    const second = await newSession(name);
    expect(second.session.trusted).toBe(true);
    expect(await second.store.getMeta('evaluatingFlow')).toBeNull();
  });
});

describe('opening a flow over stored work', () => {
  it('reports the work that would be lost: steps, branches and edits', async () => {
    const { session } = await newSession(`trust-${dbCount++}`);
    await session.startFresh(example(), { trusted: true });
    expect(session.storedWork()).toBeUndefined();
    for (let i = 0; i < 12; i++) session.advance();
    expect(session.storedWork()).toEqual({ name: 'Orders', steps: 12, branches: 1, edited: false });
    await session.startFresh(example(), { trusted: true });
    await session.updateFlow({ ...example(), name: 'My orders' });
    expect(session.storedWork()).toEqual({ name: 'My orders', steps: 0, branches: 1, edited: true });
  });
});
