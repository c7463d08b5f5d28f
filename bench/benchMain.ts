// The benchmark page: starts the worker and lets the runner (bench/run.mjs) call it through
// `window.tidemarkBench.run(type, args)` from page.evaluate.
import type { BenchReply, BenchRequest, BenchRequests, BenchRequestType } from './protocol';

export interface TidemarkBench {
  run<K extends BenchRequestType>(type: K, args: BenchRequests[K]['args']): Promise<BenchRequests[K]['result']>;
}

declare global {
  interface Window {
    tidemarkBench: TidemarkBench;
  }
}

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
// The engine without any sandbox: a realm that is never locked down cannot share a worker with one that is.
const unhardened = new Worker(new URL('./unhardened.worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;

for (const each of [worker, unhardened]) {
  each.addEventListener('message', (event: MessageEvent<BenchReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.message));
  });
  each.addEventListener('error', (event) => {
    for (const { reject } of pending.values()) reject(new Error(`benchmark worker failed: ${event.message}`));
    pending.clear();
  });
}

window.tidemarkBench = {
  run(type, args) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      // The worker replies with the result type its handler for `type` returns.
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      const target =
        type === 'engine' && (args as BenchRequests['engine']['args']).evaluation === 'unhardened'
          ? unhardened
          : worker;
      const request = { id, type, args } as BenchRequest; // postMessage takes any: name the message's type here
      target.postMessage(request);
    });
  },
};

const status = document.getElementById('status');
if (status) status.textContent = 'Benchmark worker ready.';
