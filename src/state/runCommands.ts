import type { Speed } from '../protocol';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { engine } from './engineConnection';
import { flushFlow } from './flowSync';

/** A catch handler that tells the person which action failed and why. */
export function report(action: string): (error: unknown) => void {
  return (error) =>
    useAppStore.getState().pushNotice({ level: 'error', message: `${action} failed: ${describeError(error)}` });
}

/** Runs a request whose effect on playing/speed is shown before the worker confirms it. */
async function runRequest(
  change: { playing?: boolean; speed?: Speed },
  send: () => Promise<unknown>,
  action: string,
): Promise<void> {
  const store = useAppStore.getState();
  store.beginRunRequest(change);
  try {
    await send();
  } catch (error) {
    report(action)(error);
  } finally {
    store.endRunRequest();
  }
}

export async function play(): Promise<void> {
  // An untrusted flow's code runs only after the person says so.
  if (!useAppStore.getState().trusted) return useAppStore.getState().askTrust('play');
  await runRequest(
    { playing: true },
    async () => {
      await flushFlow();
      await engine().request('play', {});
    },
    'Play',
  );
}

export function pause(): Promise<void> {
  return runRequest({ playing: false }, () => engine().request('pause', {}), 'Pause');
}

export function setSpeed(speed: Speed): Promise<void> {
  return runRequest({ speed }, () => engine().request('setSpeed', { speed }), 'Changing speed');
}

export async function stepOnce(): Promise<void> {
  if (!useAppStore.getState().trusted) return useAppStore.getState().askTrust('step');
  await flushFlow();
  await engine().request('step', {}).catch(report('Step'));
}

export function seek(step: number): Promise<void> {
  return engine()
    .request('seek', { step })
    .then(() => undefined, report('Seek'));
}

export async function resetRun(): Promise<void> {
  await flushFlow();
  const reply = await engine().request('reset', {}).catch(report('Reset'));
  if (!reply) return;
  useAppStore.getState().setBranches(reply.branches);
  useAppStore.getState().setStoredFlow(reply.stored);
}

export async function forkRun(name: string): Promise<boolean> {
  const reply = await engine().request('fork', { name }).catch(report('Fork'));
  if (reply) useAppStore.getState().setBranches(reply.branches);
  return reply !== undefined;
}

export async function switchBranch(branchId: string): Promise<void> {
  // Edits not sent yet belong to the branch being left.
  await flushFlow();
  const reply = await engine().request('switchBranch', { branchId }).catch(report('Switching branch'));
  if (!reply) return;
  useAppStore.getState().setBranches(reply.branches);
  useAppStore.getState().adoptBranchFlow(reply.flow);
}

/** Publishes an event by hand; resolves to its step, or null if the worker refused. */
export async function publishByHand(producer: string, data: unknown): Promise<number | null> {
  await flushFlow();
  const reply = await engine().request('publish', { producer, data }).catch(report('Publish'));
  return reply ? reply.step : null;
}

/** Fetches log rows into the cache. */
export async function fetchRows(from: number, count: number): Promise<void> {
  const reply = await engine().request('getRows', { from, count }).catch(report('Reading the log'));
  if (reply) useAppStore.getState().mergeRows(reply.rows);
}
