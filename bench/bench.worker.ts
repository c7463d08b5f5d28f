// The benchmark's worker: runs the engine, the Session and IndexedDB in a worker, as the app does.
// First, as in the app's worker: the realm is locked down before anything else evaluates.
import '../src/worker/hardenWorker';
import { measureBreakdown } from './measure/breakdown';
import { measureAppendLimit, measureEngine, measureFullReplay } from './measure/engineSpeed';
import { measureIdbChunkLimit, measureIdbNaive } from './measure/idbLimits';
import { buildHistory, deleteBenchDatabases, measurePersisted } from './measure/persisted';
import { measureSeeks } from './measure/seek';
import type { BenchReply, BenchRequest, BenchRequests, BenchRequestType } from './protocol';
import { referenceFlow } from './referenceFlow';

interface BenchWorkerScope {
  postMessage(message: BenchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BenchRequest>) => void): void;
}

type Handlers = {
  [K in BenchRequestType]: (
    args: BenchRequests[K]['args'],
  ) => BenchRequests[K]['result'] | Promise<BenchRequests[K]['result']>;
};

const scope = self as unknown as BenchWorkerScope;
const flow = referenceFlow();

const handlers: Handlers = {
  engine: ({ seconds, evaluation }) => measureEngine(flow, seconds, evaluation),
  appendLimit: ({ seconds }) => measureAppendLimit(seconds),
  idbChunkLimit: ({ seconds, chunkSize }) => measureIdbChunkLimit(seconds, chunkSize),
  idbNaive: ({ seconds }) => measureIdbNaive(seconds),
  persisted: ({ seconds }) => measurePersisted(flow, seconds),
  buildHistory: ({ steps }) => buildHistory(flow, steps),
  seek: ({ count, warmup, seed }) => measureSeeks(count, warmup, seed),
  fullReplay: ({ steps }) => measureFullReplay(flow, steps),
  breakdown: ({ steps }) => measureBreakdown(flow, steps),
  cleanup: async () => (await deleteBenchDatabases(), null),
};

async function handle<K extends BenchRequestType>(
  type: K,
  args: BenchRequests[K]['args'],
): Promise<BenchRequests[K]['result']> {
  return handlers[type](args);
}

// One measurement at a time: two at once would measure each other.
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', ({ data: request }) => {
  queue = queue.then(async () => {
    try {
      scope.postMessage({ id: request.id, ok: true, result: await handle(request.type, request.args) });
    } catch (error) {
      scope.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      });
    }
  });
});
