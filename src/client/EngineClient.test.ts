import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, WATCHDOG_MS } from './EngineClient';

/** A worker whose postMessage fails as structured clone does on a value nested too deep. */
class UnclonableWorker {
  addEventListener(): void {}
  terminate(): void {}
  postMessage(): void {
    throw new RangeError('Maximum call stack size exceeded');
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', UnclonableWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('EngineClient', () => {
  it('refuses a request its message cannot be sent with, at once, and owes the worker nothing for it', async () => {
    const client = new EngineClient();
    const restarts = vi.fn();
    client.onRestart(restarts);
    await expect(client.request('publish', { producer: 'orders', data: {} })).rejects.toThrow(
      'The request could not be sent to the engine (Maximum call stack size exceeded)',
    );
    // The engine never got it, so its silence is not a hang: no restart.
    vi.advanceTimersByTime(WATCHDOG_MS * 2);
    expect(restarts).not.toHaveBeenCalled();
    client.terminate();
  });
});
