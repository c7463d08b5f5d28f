import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EngineNotice, type EngineToUi, type Frame, type UiToEngine } from '../protocol';
import { EngineClient, WATCHDOG_MS, type StuckWork } from './EngineClient';
import { EngineRequestError } from './EngineRequestError';
import type { EngineHost, EngineWorker } from './engineHost';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A page on simulated time: timers, paints every 16 ms while visible, visibility, and the workers it started. */
class FakePage implements EngineHost {
  time = 0;
  /** A hidden page's interval timers run at most this often (Chrome: every second; once a minute after five minutes hidden). */
  hiddenTimerMs = 1000;
  /** A UI thread too busy to paint (or a browser that throttles paints) while the page is visible. */
  paintsStopped = false;
  readonly workers: FakeWorker[] = [];
  /** Intervals started with `every` and not stopped. */
  intervals = 0;
  /** Visibility listeners still registered. */
  get visibilityWatchers(): number {
    return this.visibilityListeners.size;
  }
  private isHidden = false;
  private order = 0;
  private tasks: Task[] = [];
  private paintCallbacks: (() => void)[] = [];
  private readonly visibilityListeners = new Set<() => void>();

  constructor() {
    const paint = () => {
      if (!this.isHidden && !this.paintsStopped) {
        const callbacks = this.paintCallbacks;
        this.paintCallbacks = [];
        for (const callback of callbacks) callback();
      }
      this.later(16, paint);
    };
    this.later(16, paint);
  }

  createWorker(): FakeWorker {
    const worker = new FakeWorker(this);
    this.workers.push(worker);
    return worker;
  }

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    let stopped = false;
    const arm = () => {
      const next = this.time + ms;
      // A hidden page's timers wake only on the throttle's boundaries.
      this.at(this.isHidden ? Math.ceil(next / this.hiddenTimerMs) * this.hiddenTimerMs : next, () => {
        if (stopped) return;
        tick();
        arm();
      });
    };
    arm();
    this.intervals++;
    return () => {
      if (!stopped) this.intervals--;
      stopped = true;
    };
  }

  afterPaint(callback: () => void): void {
    this.paintCallbacks.push(callback);
  }

  hidden(): boolean {
    return this.isHidden;
  }

  onVisibilityChange(listener: () => void): () => void {
    this.visibilityListeners.add(listener);
    return () => this.visibilityListeners.delete(listener);
  }

  setHidden(hidden: boolean): void {
    this.isHidden = hidden;
    for (const listener of this.visibilityListeners) listener();
  }

  at(time: number, run: () => void): void {
    this.tasks.push({ at: time, order: this.order++, run });
  }

  later(ms: number, run: () => void): void {
    this.at(this.time + ms, run);
  }

  /** Runs every task due in the next `ms`, in time order (same time: in the order they were queued). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.tasks[0];
      if (!next || next.at > end) break;
      this.tasks.shift();
      this.time = next.at;
      next.run();
    }
    this.time = end;
  }
}

/** A worker that records what it is sent; `answer` decides how it replies (by default, never: stuck in handler code). */
class FakeWorker implements EngineWorker {
  readonly received: UiToEngine[] = [];
  terminated = false;
  answer: (message: UiToEngine) => void = () => {};
  private readonly listeners: ((event: MessageEvent<EngineToUi>) => void)[] = [];
  private readonly errorListeners: ((event: ErrorEvent) => void)[] = [];
  private readonly messageErrorListeners: (() => void)[] = [];

  constructor(readonly page: FakePage) {}

  postMessage(message: UiToEngine): void {
    if (this.terminated) return;
    this.received.push(message);
    this.answer(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<EngineToUi>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
  addEventListener(type: string, listener: unknown): void {
    if (type === 'message') this.listeners.push(listener as (event: MessageEvent<EngineToUi>) => void);
    if (type === 'error') this.errorListeners.push(listener as (event: ErrorEvent) => void);
    if (type === 'messageerror') this.messageErrorListeners.push(listener as () => void);
  }

  /** As a worker whose script throws or fails to load. */
  fail(message: string): void {
    for (const listener of this.errorListeners) listener({ message } as ErrorEvent);
  }

  /** As a message structured clone could not read. */
  unreadable(): void {
    for (const listener of this.messageErrorListeners) listener();
  }

  /** The requests it was sent, in order. */
  requests(): Extract<UiToEngine, { kind: 'request' }>[] {
    return this.received.filter((m) => m.kind === 'request');
  }

  send(message: EngineToUi): void {
    if (this.terminated) return;
    for (const listener of this.listeners) listener({ data: message } as MessageEvent<EngineToUi>);
  }

  acknowledgements(): number {
    return this.received.filter((m) => m.kind === 'frameShown').length;
  }
}

function frame(head: number, playing: boolean): Frame {
  return {
    cursor: head,
    head,
    time: head * 10,
    playing,
    speed: 100,
    branchId: 'main',
    counters: {},
    edges: {},
    nodeStates: {},
    recent: [],
    topics: {},
    groups: {},
    queues: {},
    channels: {},
    disconnected: [],
    eventStore: { events: 0, aggregates: {}, subscriptions: {} },
  };
}

/** Plays as the worker's Session does: a frame at most every 33 ms, and none while the last one is unacknowledged. */
function playLikeASession(worker: FakeWorker): { head: () => number } {
  const { page } = worker;
  let head = 0;
  let unshown = 0;
  let lastFrame = Number.NEGATIVE_INFINITY;
  const slice = () => {
    if (worker.terminated) return;
    head += 5;
    if (unshown === 0 && page.time - lastFrame >= 33) {
      unshown++;
      lastFrame = page.time;
      worker.send({ kind: 'frame', frame: frame(head, true) });
    }
    page.later(16, slice);
  };
  worker.answer = (message) => {
    if (message.kind === 'frameShown') unshown = Math.max(0, unshown - 1);
  };
  slice();
  return { head: () => head };
}

/** Replies to every request after `ms`. */
function replyAfter(worker: FakeWorker, ms: number): void {
  worker.answer = (message) => {
    if (message.kind === 'request')
      worker.page.later(ms, () => worker.send({ kind: 'reply', id: message.id, result: null }));
  };
}

function connect(page: FakePage): { client: EngineClient; restarts: () => number; frames: Frame[] } {
  const client = new EngineClient(page);
  let restarts = 0;
  client.onRestart(() => restarts++);
  const frames: Frame[] = [];
  client.onFrame((f) => frames.push(f));
  return { client, restarts: () => restarts, frames };
}

describe('EngineClient frame pacing', () => {
  it('acknowledges a frame once the page has painted while it is visible', () => {
    const page = new FakePage();
    connect(page);
    const worker = page.workers[0]!;
    worker.send({ kind: 'frame', frame: frame(1, true) });
    expect(worker.acknowledgements()).toBe(0);
    page.advance(16);
    expect(worker.acknowledgements()).toBe(1);
  });

  it('acknowledges a frame at once while the page is hidden, since a hidden page never paints', () => {
    const page = new FakePage();
    connect(page);
    const worker = page.workers[0]!;
    page.setHidden(true);
    worker.send({ kind: 'frame', frame: frame(1, true) });
    expect(worker.acknowledgements()).toBe(1);
  });

  it('acknowledges a frame still waiting for its paint when the page is hidden, and only once', () => {
    const page = new FakePage();
    connect(page);
    const worker = page.workers[0]!;
    worker.send({ kind: 'frame', frame: frame(1, true) });
    page.setHidden(true);
    expect(worker.acknowledgements()).toBe(1);
    page.setHidden(false);
    page.advance(100);
    expect(worker.acknowledgements()).toBe(1);
  });
});

describe('EngineClient watchdog', () => {
  it('lets a run in a hidden tab go on for 30 simulated seconds and restarts nothing', () => {
    const page = new FakePage();
    const { restarts, frames } = connect(page);
    const worker = page.workers[0]!;
    const run = playLikeASession(worker);
    page.advance(1000);
    page.setHidden(true);
    const before = frames.length;
    page.advance(30_000);
    expect(restarts()).toBe(0);
    expect(worker.terminated).toBe(false);
    // Frames kept coming at the session's pace (every third 16 ms slice), the last at most two slices old.
    expect(frames.length - before).toBeGreaterThan(500);
    expect(frames.at(-1)!.head).toBeGreaterThanOrEqual(run.head() - 10);
    page.setHidden(false);
    page.advance(WATCHDOG_MS * 2);
    expect(restarts()).toBe(0);
  });

  it('does not take frames the browser throttles in a hidden tab for silence', () => {
    const page = new FakePage();
    const { restarts } = connect(page);
    const worker = page.workers[0]!;
    page.setHidden(true);
    worker.send({ kind: 'frame', frame: frame(1, true) });
    // A worker whose frames come only every 20 s while the tab is hidden.
    for (let at = 20_000; at <= 60_000; at += 20_000)
      page.at(at, () => worker.send({ kind: 'frame', frame: frame(at, true) }));
    page.advance(61_000);
    expect(restarts()).toBe(0);
    // Shown again, its frames come at their pace again: nothing is restarted for the time it was hidden.
    page.setHidden(false);
    playLikeASession(worker);
    page.advance(WATCHDOG_MS * 2);
    expect(restarts()).toBe(0);
  });

  it('does not count a check delayed by throttled timers as silence: a reply queued behind it still counts', () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    const worker = page.workers[0]!;
    page.advance(5_000);
    page.hiddenTimerMs = 60_000;
    page.setHidden(true);
    const reply = client.request('pause', {});
    // The worker answered in time, but the page's thread, throttled, runs the late check before the queued reply.
    page.at(10_000, () => page.at(60_000, () => worker.send({ kind: 'reply', id: 1, result: null })));
    page.advance(60_000);
    expect(restarts()).toBe(0);
    return expect(reply).resolves.toBeNull();
  });

  it('does not blame the worker for frames the page has not painted yet (a busy UI thread)', () => {
    const page = new FakePage();
    const { restarts } = connect(page);
    const worker = page.workers[0]!;
    playLikeASession(worker);
    page.advance(1000);
    page.paintsStopped = true;
    page.advance(WATCHDOG_MS * 3);
    expect(restarts()).toBe(0);
    page.paintsStopped = false;
    page.advance(WATCHDOG_MS * 2);
    expect(restarts()).toBe(0);
  });

  it('restarts a worker that stays silent for WATCHDOG_MS while it owes a reply, and says why', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    const stuck = page.workers[0]!;
    const reply = client.request('pause', {});
    page.advance(WATCHDOG_MS - 1000);
    expect(restarts()).toBe(0);
    page.advance(2000);
    expect(restarts()).toBe(1);
    expect(stuck.terminated).toBe(true);
    expect(page.workers).toHaveLength(2);
    await expect(reply).rejects.toThrow('The engine stopped answering and was restarted');
  });

  it('restarts a worker stuck while a hidden tab waits for its reply', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    page.setHidden(true);
    const reply = client.request('pause', {});
    page.advance(WATCHDOG_MS + 2000);
    expect(restarts()).toBe(1);
    await expect(reply).rejects.toThrow('stopped answering');
  });

  it('restarts a visible run whose frames stop after one was acknowledged (handler code that never returns)', () => {
    const page = new FakePage();
    const { restarts } = connect(page);
    const worker = page.workers[0]!;
    worker.send({ kind: 'frame', frame: frame(1, true) });
    page.advance(WATCHDOG_MS - 1000);
    expect(restarts()).toBe(0);
    page.advance(2000);
    expect(restarts()).toBe(1);
  });

  it('starts counting again at every reply', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    replyAfter(page.workers[0]!, WATCHDOG_MS - 2000);
    const replies: Promise<unknown>[] = [];
    // Always one request outstanding, each answered just inside the limit.
    for (let i = 0; i < 4; i++) {
      replies.push(client.request('pause', {}));
      page.advance(WATCHDOG_MS - 2000);
    }
    page.advance(WATCHDOG_MS * 2);
    expect(restarts()).toBe(0);
    await expect(Promise.all(replies)).resolves.toEqual([null, null, null, null]);
  });

  it('owes nothing when no request is out and the run is paused', () => {
    const page = new FakePage();
    const { restarts } = connect(page);
    page.workers[0]!.send({ kind: 'frame', frame: frame(1, false) });
    page.advance(WATCHDOG_MS * 5);
    expect(restarts()).toBe(0);
  });
});

describe('EngineClient requests', () => {
  it('refuses a request its message cannot be sent with, at once, and owes the worker nothing for it', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    // As structured clone fails on a value nested too deep.
    page.workers[0]!.answer = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    await expect(client.request('publish', { producer: 'orders', data: {} })).rejects.toThrow(
      'The request could not be sent to the engine (Maximum call stack size exceeded)',
    );
    // The engine never got it, so its silence is not a hang: no restart.
    page.advance(WATCHDOG_MS * 2);
    expect(restarts()).toBe(0);
  });
});

describe('EngineClient replies', () => {
  it('sends each request with its own id, type and arguments, and hello with the protocol version', () => {
    const page = new FakePage();
    const { client } = connect(page);
    void client.hello();
    void client.request('seek', { step: 7 });
    expect(page.workers[0]!.requests()).toEqual([
      { kind: 'request', id: 1, type: 'hello', args: { protocol: PROTOCOL_VERSION } },
      { kind: 'request', id: 2, type: 'seek', args: { step: 7 } },
    ]);
  });

  it('settles each request with the reply carrying its id, in whatever order replies come', async () => {
    const page = new FakePage();
    const { client } = connect(page);
    const worker = page.workers[0]!;
    const rows = client.request('getRows', { from: 0, count: 10 });
    const fork = client.request('fork', { name: 'what-if' });
    const [rowsId, forkId] = worker.requests().map((m) => m.id);
    worker.send({ kind: 'reply', id: forkId!, result: { branches: [] } });
    worker.send({ kind: 'reply', id: rowsId!, result: { from: 0, rows: [] } });
    await expect(fork).resolves.toEqual({ branches: [] });
    await expect(rows).resolves.toEqual({ from: 0, rows: [] });
  });

  it('ignores a second answer for the same id and an answer for an id never sent', async () => {
    const page = new FakePage();
    const { client } = connect(page);
    const worker = page.workers[0]!;
    const seek = client.request('seek', { step: 1 });
    const id = worker.requests()[0]!.id;
    worker.send({ kind: 'reply', id: 99, result: 'not mine' });
    worker.send({ kind: 'reply', id, result: null });
    worker.send({ kind: 'error', id, message: 'too late' });
    await expect(seek).resolves.toBeNull();
  });

  it('rejects a request the worker answered with an error, with its message, problems and the work it would replace', async () => {
    const page = new FakePage();
    const { client } = connect(page);
    const worker = page.workers[0]!;
    const load = client.request('pause', {});
    const other = client.request('seek', { step: 3 });
    const [loadId, otherId] = worker.requests().map((m) => m.id);
    const problems = [{ path: 'nodes[2].rate', reason: 'must be a positive number' }];
    const replaces = { name: 'Orders', steps: 40, branches: 2, edited: true };
    worker.send({ kind: 'error', id: loadId!, message: 'The flow is not valid', problems, replaces });
    const error = await load.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineRequestError);
    expect(error).toMatchObject({ message: 'The flow is not valid', problems, replaces });
    // The other request still waits for its own answer.
    worker.send({ kind: 'reply', id: otherId!, result: null });
    await expect(other).resolves.toBeNull();
  });

  it('turns a worker error and an unreadable message into notices', () => {
    const page = new FakePage();
    const { client } = connect(page);
    const notices: EngineNotice[] = [];
    client.onNotice((n) => notices.push(n));
    page.workers[0]!.fail('');
    page.workers[0]!.fail('SyntaxError: Unexpected token');
    page.workers[0]!.unreadable();
    expect(notices.map((n) => n.message)).toEqual([
      'Engine worker error: the worker failed to start',
      'Engine worker error: SyntaxError: Unexpected token',
      'Engine worker sent a message that could not be read',
    ]);
    expect(notices.every((n) => n.level === 'error')).toBe(true);
  });

  it('hands notices, branches and markers to their listeners until they unsubscribe', () => {
    const page = new FakePage();
    const { client } = connect(page);
    const worker = page.workers[0]!;
    const seen: string[] = [];
    const stopNotices = client.onNotice((n) => seen.push(`notice ${n.message}`));
    client.onBranches((b) => seen.push(`branches ${b.map((x) => x.name).join(',')}`));
    client.onMarkers((m) => seen.push(`markers ${m.branchId}`));
    worker.send({ kind: 'notice', notice: { level: 'info', message: 'hi' } });
    worker.send({ kind: 'branches', branches: [{ id: 'b', name: 'main', parentId: null, forkStep: 0, head: 3 }] });
    worker.send({ kind: 'markers', markers: { branchId: 'b', kinds: {}, bookmarks: [] } });
    stopNotices();
    worker.send({ kind: 'notice', notice: { level: 'info', message: 'unheard' } });
    expect(seen).toEqual(['notice hi', 'branches main', 'markers b']);
  });

  it('on a restart names the requests the stuck worker never answered and whether a run was playing', () => {
    const page = new FakePage();
    const client = new EngineClient(page);
    const stuck: StuckWork[] = [];
    client.onRestart((work) => stuck.push(work));
    const worker = page.workers[0]!;
    worker.send({ kind: 'frame', frame: frame(1, true) });
    const answered = client.request('getRows', { from: 0, count: 1 });
    void client.request('seek', { step: 5 }).catch(() => undefined);
    void client.request('fork', { name: 'x' }).catch(() => undefined);
    worker.send({ kind: 'reply', id: worker.requests()[0]!.id, result: { from: 0, rows: [] } });
    page.advance(WATCHDOG_MS + 2000);
    expect(stuck).toEqual([{ requests: ['seek', 'fork'], playing: true }]);
    return expect(answered).resolves.toEqual({ from: 0, rows: [] });
  });

  it('sends later requests to the new worker and ignores the stuck one', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    const old = page.workers[0]!;
    void client.request('seek', { step: 5 }).catch(() => undefined);
    page.advance(WATCHDOG_MS + 2000);
    expect(restarts()).toBe(1);
    const fresh = page.workers[1]!;
    const next = client.request('pause', {});
    expect(fresh.requests().map((m) => m.type)).toEqual(['pause']);
    expect(old.requests().map((m) => m.type)).toEqual(['seek']);
    fresh.send({ kind: 'reply', id: fresh.requests()[0]!.id, result: null });
    await expect(next).resolves.toBeNull();
  });

  it('on terminate rejects what is pending, stops the worker and watches no more', async () => {
    const page = new FakePage();
    const { client, restarts } = connect(page);
    const pending = client.request('pause', {});
    client.terminate();
    await expect(pending).rejects.toThrow('The engine worker was stopped');
    expect(page.workers[0]!.terminated).toBe(true);
    expect(page.intervals).toBe(0);
    expect(page.visibilityWatchers).toBe(0);
    page.advance(WATCHDOG_MS * 3);
    expect(restarts()).toBe(0);
    expect(page.workers).toHaveLength(1);
  });
});
