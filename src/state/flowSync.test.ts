import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../flow';
import type { Requests } from '../protocol';
import { useAppStore } from './appStore';
import { emptyFlow } from './flowEdits';
import { flushFlow, startFlowSync } from './flowSync';
import { takeUnsentEdit } from './pendingEdits';

type UpdateFlow = Requests['updateFlow'];

/** The updateFlow requests the sync sent, each answered when the test says. */
const sent: { flow: FlowDocument; reply: (value: UpdateFlow['reply']) => void; refuse: (error: Error) => void }[] = [];

vi.mock('./engineConnection', () => ({
  engine: () => ({
    request: (type: string, args: UpdateFlow['args']) => {
      if (type !== 'updateFlow') throw new Error(`unexpected request ${type}`);
      return new Promise<UpdateFlow['reply']>((resolve, reject) =>
        sent.push({ flow: args.flow, reply: resolve, refuse: reject }),
      );
    },
  }),
}));

/** sessionStorage and the page's pagehide, as a tab has them. */
class FakeTab extends EventTarget {
  readonly items = new Map<string, string>();
  readonly sessionStorage = {
    getItem: (key: string) => this.items.get(key) ?? null,
    setItem: (key: string, value: string) => void this.items.set(key, value),
    removeItem: (key: string) => void this.items.delete(key),
  };
}

const STORED = { flowId: 'current', revision: 3 };
let tab: FakeTab;
let stop: () => void;

/** A local edit, as the canvas or the inspector makes one. */
const rename = (name: string): void => useAppStore.getState().editFlow((flow) => ({ ...flow, name }));
const reply = (codeErrors: Record<string, string> = {}, revision = STORED.revision + 1): UpdateFlow['reply'] => ({
  recorded: false,
  codeErrors,
  stored: { ...STORED, revision },
});

beforeEach(() => {
  vi.useFakeTimers();
  tab = new FakeTab();
  vi.stubGlobal('window', tab);
  vi.stubGlobal('sessionStorage', tab.sessionStorage);
  useAppStore.setState(useAppStore.getInitialState(), true);
  useAppStore.getState().loadFlow(emptyFlow());
  useAppStore.getState().setTabStorage({ writer: true });
  useAppStore.getState().setStoredFlow(STORED);
  sent.length = 0;
  stop = startFlowSync();
});

afterEach(async () => {
  stop();
  // Settles what is still out, so no request of one test is counted in the next.
  for (const request of sent.splice(0)) request.reply(reply());
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('flow sync', () => {
  it('sends an edit 250 ms after it was made, not before', () => {
    rename('A');
    vi.advanceTimersByTime(249);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent.map((s) => s.flow.name)).toEqual(['A']);
  });

  it('sends a burst of edits once, with the last document, 250 ms after the last edit', () => {
    rename('A');
    vi.advanceTimersByTime(200);
    rename('AB');
    vi.advanceTimersByTime(200);
    rename('ABC');
    vi.advanceTimersByTime(249);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent.map((s) => s.flow.name)).toEqual(['ABC']);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for what is not an edit: a loaded flow, a selection', () => {
    useAppStore.getState().loadFlow({ ...emptyFlow(), name: 'Loaded' });
    useAppStore.getState().selectNode('n1');
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(0);
  });

  it('is not held back by other changes to the store, such as the frames of a playing run', () => {
    rename('A');
    // Something other than the flow changes every 100 ms, as frames do 30 times a second.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100);
      useAppStore.getState().selectNode(i % 2 === 0 ? 'n1' : null);
    }
    expect(sent.map((s) => s.flow.name)).toEqual(['A']);
  });

  it('drops an edit still waiting for its debounce when another flow is loaded', async () => {
    rename('A');
    useAppStore.getState().loadFlow({ ...emptyFlow(), name: 'Loaded' });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(0);
    await expect(flushFlow()).resolves.toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('on flushFlow sends at once, and the debounce that was waiting sends nothing more', async () => {
    rename('A');
    const flushed = flushFlow();
    expect(sent.map((s) => s.flow.name)).toEqual(['A']);
    sent[0]!.reply(reply({ n1: 'Unexpected token' }));
    await expect(flushed).resolves.toBe(true);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
    expect(useAppStore.getState().codeErrors).toEqual({ n1: 'Unexpected token' });
    expect(useAppStore.getState().storedFlow).toEqual({ ...STORED, revision: 4 });
  });

  it('on flushFlow with nothing unsent sends nothing', async () => {
    await expect(flushFlow()).resolves.toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('does not show compile errors of a document older than the one shown', async () => {
    rename('A');
    const flushed = flushFlow();
    rename('AB');
    sent[0]!.reply(reply({ n1: 'stale' }));
    await flushed;
    expect(useAppStore.getState().codeErrors).toEqual({});
    // The newer edit still goes out after its own debounce.
    vi.advanceTimersByTime(250);
    expect(sent.map((s) => s.flow.name)).toEqual(['A', 'AB']);
  });

  it('says so when the worker refuses the edit, and flushFlow resolves false', async () => {
    rename('A');
    const flushed = flushFlow();
    sent.splice(0)[0]!.refuse(new Error('nodes[0] is not valid'));
    await expect(flushed).resolves.toBe(false);
    expect(useAppStore.getState().notices.at(-1)).toMatchObject({
      level: 'error',
      message: 'The flow was not applied: nodes[0] is not valid',
    });
  });

  it('journals an edit not yet sent when the page goes away, on the stored flow it was made on', () => {
    rename('A');
    tab.dispatchEvent(new Event('pagehide'));
    expect(takeUnsentEdit(tab.sessionStorage)).toMatchObject({ flow: { name: 'A' }, basedOn: STORED, unconfirmed: 0 });
  });

  it('journals an edit sent but not yet confirmed, and clears the journal once it is', async () => {
    rename('A');
    const flushed = flushFlow();
    tab.dispatchEvent(new Event('pagehide'));
    expect(takeUnsentEdit(tab.sessionStorage)).toMatchObject({ flow: { name: 'A' }, unconfirmed: 1 });
    tab.dispatchEvent(new Event('pagehide'));
    sent.splice(0)[0]!.reply(reply());
    await flushed;
    expect(tab.items.size).toBe(0);
    tab.dispatchEvent(new Event('pagehide'));
    expect(tab.items.size).toBe(0);
  });

  it('journals nothing in a tab that does not save', () => {
    useAppStore.getState().setTabStorage({ writer: false, reason: 'another tab' });
    rename('A');
    tab.dispatchEvent(new Event('pagehide'));
    expect(tab.items.size).toBe(0);
  });

  it('once stopped sends no edit and journals nothing', () => {
    stop();
    rename('A');
    vi.advanceTimersByTime(1000);
    tab.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(0);
    expect(tab.items.size).toBe(0);
  });
});
