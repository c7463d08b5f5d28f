import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RuntimeState } from '../engine';
import { Runtime } from '../run';
import { flowOf, PROTOTYPE_NAMES, renameStrings } from '../run/keysFixture';
import type { FlowDocument } from '../flow';
import type { EngineToUi, Frame } from '../protocol';
import { openTidemarkStore, type TidemarkStore } from '../storage';
import { Session } from './session';
import { ManualTimers } from './manualTimers.testkit';

// A flow whose ids are named like Object.prototype members is stored (segments, snapshots, its
// branch) and loaded again: the reloaded run, and a seek in it to a stored snapshot, show what
// the engine computed, node by node.

const HEAD = 5_200;
const SEEK_TO = 5_100;

/** The example with its first six node ids named after prototype members, "__proto__" on node `protoAt`. */
function renamed(file: string, protoAt: number, extra: ReadonlyMap<string, string> = new Map()): FlowDocument {
  const doc = JSON.parse(readFileSync(`public/examples/${file}`, 'utf8')) as FlowDocument;
  const size = PROTOTYPE_NAMES.length;
  const names = new Map(extra);
  doc.nodes.slice(0, size).forEach((n, i) => names.set(n.id, PROTOTYPE_NAMES[(i - protoAt + size) % size]!));
  return flowOf(renameStrings(doc, names));
}

const CASES: {
  file: string;
  flow: () => FlowDocument;
  brokerNode: keyof Pick<Frame, 'topics' | 'queues' | 'channels'> | 'aggregates';
}[] = [
  {
    file: 'consumer-group.json (a topic and a group named __proto__)',
    flow: () => renamed('consumer-group.json', 1, new Map([['billing', '__proto__']])),
    brokerNode: 'topics',
  },
  {
    file: 'dead-letter.json (a queue named __proto__)',
    flow: () => renamed('dead-letter.json', 2),
    brokerNode: 'queues',
  },
  {
    file: 'pubsub.json (a pub/sub node named __proto__)',
    flow: () => renamed('pubsub.json', 2),
    brokerNode: 'channels',
  },
  {
    file: 'cqrs-read-models.json (an aggregate named __proto__)',
    flow: () => renamed('cqrs-read-models.json', 1),
    brokerNode: 'aggregates',
  },
];

let dbCount = 0;
const open: TidemarkStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

async function newSession(name: string): Promise<Session> {
  const store = await openTidemarkStore(name);
  open.push(store);
  const session = new Session(store, (_: EngineToUi) => undefined, new ManualTimers());
  await session.restore();
  return session;
}

/** The engine's own states (copies) at each of `steps`, run without the worker or storage. */
function engineAt(flow: FlowDocument, steps: readonly number[]): RuntimeState[] {
  const runtime = Runtime.start(flow);
  return steps.map((step) => {
    while (runtime.state.step < step) runtime.step();
    return runtime.snapshot().state;
  });
}

/** What the frame shows of each node equals what the engine holds, and every id is a key of its own. */
function expectFrameShows(frame: Frame, flow: FlowDocument, state: RuntimeState, brokerNode: string): void {
  const ids = flow.nodes.map((n) => n.id).sort();
  expect(Object.keys(frame.counters).sort()).toEqual(ids);
  for (const id of ids)
    expect(Object.hasOwn(frame.counters, id) && frame.counters[id], id).toEqual(
      Object.hasOwn(state.nodes, id) ? state.nodes[id]!.counters : expect.anything(),
    );
  expect(Object.keys(frame.edges).sort()).toEqual(Object.keys(state.edges).sort());
  const views = brokerNode === 'aggregates' ? frame.eventStore.aggregates : frame[brokerNode as 'topics'];
  expect(Object.keys(views)).toContain('__proto__');
}

describe('a flow with ids named like Object.prototype members is stored and loaded whole', () => {
  for (const c of CASES) {
    it(c.file, { timeout: 60_000 }, async () => {
      const flow = c.flow();
      const [atSeek, atHead] = engineAt(flow, [SEEK_TO, HEAD]);
      const db = `keys-stored-${dbCount++}`;
      const first = await newSession(db);
      await first.startFresh(flow, { trusted: true });
      for (let i = 0; i < HEAD; i++) first.advance();
      await first.pause();
      await first.persister.flush();
      const before = first.frame();
      expectFrameShows(before, flow, atHead!, c.brokerNode);
      const rowsBefore = await first.rows(0, HEAD);

      const second = await newSession(db);
      expect(second.flow).toEqual(flow);
      const after = second.frame();
      expect(after.head).toBe(HEAD);
      expect(JSON.stringify(after)).toBe(JSON.stringify(before));
      expect(JSON.stringify(await second.rows(0, HEAD))).toBe(JSON.stringify(rowsBefore));

      // Back past the snapshot taken at the pause: the one stored at step 5,000 is read back.
      await second.seek(SEEK_TO);
      expectFrameShows(second.frame(), flow, atSeek!, c.brokerNode);
    });
  }
});
