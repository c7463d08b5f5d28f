// A worker whose realm is never locked down: the engine with user code evaluated by the worker's own
// eval, so the benchmark can quote what the whole sandbox (lockdown, compartments) costs. Only the
// engine figure is measured here; the app never runs like this.
import type { BenchReply, BenchRequest } from './protocol';

interface UnhardenedScope {
  postMessage(message: BenchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BenchRequest>) => void): void;
}

const scope = self as unknown as UnhardenedScope;

// Importing the engine brings SES in; its lockdown is replaced before anything calls it, and harden
// (which only lockdown installs) freezes nothing.
const ready = import('../src/engine').then(async () => {
  Object.assign(globalThis, { lockdown: () => undefined, harden: <T>(value: T): T => value });
  const [{ measureEngine }, { referenceFlow }] = await Promise.all([
    import('./measure/engineSpeed'),
    import('./referenceFlow'),
  ]);
  return { measureEngine, flow: referenceFlow() };
});

scope.addEventListener('message', ({ data: request }) => {
  void ready
    .then(({ measureEngine, flow }) => {
      if (request.type !== 'engine')
        throw new Error(`the unhardened worker measures only the engine, not ${request.type}`);
      scope.postMessage({ id: request.id, ok: true, result: measureEngine(flow, request.args.seconds, 'native') });
    })
    .catch((error: unknown) => scope.postMessage({ id: request.id, ok: false, message: String(error) }));
});
