import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { adoptFlowLoaded, engine } from './engineConnection';
import { play, stepOnce } from './runCommands';

/**
 * The person trusts the open flow's code: the worker compiles it and replays its stored run, then
 * what they had asked for (Play, Step) goes ahead. Resolves true once trusted.
 */
export async function trustFlow(): Promise<boolean> {
  const store = useAppStore.getState();
  const then = store.trustPrompt?.then ?? null;
  store.closeTrustPrompt();
  try {
    adoptFlowLoaded(await engine().request('trust', {}), 'same');
  } catch (error) {
    store.pushNotice({ level: 'error', message: `Trusting the flow failed: ${describeError(error)}` });
    return false;
  }
  if (then === 'play') await play();
  if (then === 'step') await stepOnce();
  return true;
}
