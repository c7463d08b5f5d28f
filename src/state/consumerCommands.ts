import type { ResetTarget } from '../engine';
import { engine } from './engineConnection';
import { flushFlow } from './flowSync';
import { report } from './runCommands';

// Apart from runCommands: only the lazily loaded inspector sends it, so it stays out of the first bundle.
/** Crashes a consumer (it stops without leaving its group) or restarts it; resolves to the step, or null if refused. */
export async function controlConsumer(node: string, action: 'crash' | 'restart'): Promise<number | null> {
  await flushFlow();
  const reply = await engine()
    .request('controlConsumer', { node, action })
    .catch(report(action === 'crash' ? 'Crashing the consumer' : 'Restarting the consumer'));
  return reply ? reply.step : null;
}

/** Resets a stopped group's committed offsets; resolves to the step, or null if refused (the reason is shown). */
export async function resetGroupOffsets(group: string, target: ResetTarget): Promise<number | null> {
  const reply = await engine().request('resetOffsets', { group, target }).catch(report('Resetting offsets'));
  return reply ? reply.step : null;
}
