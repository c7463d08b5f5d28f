import type { StuckWork } from '../client';
import type { RequestType } from '../protocol';

/** What the worker was doing for a request, in a person's words; requests that run no user code are named as such. */
const DOING: Partial<Record<RequestType, string>> = {
  hello: 'loading the stored flow (replaying its run ran its code)',
  trust: 'compiling the flow you had just trusted and replaying its run',
  play: 'starting the run',
  step: 'running one step',
  seek: 'replaying the run to the step you chose',
  publish: 'running the event you published',
  sendCommand: 'running the command you sent',
  publishBatch: 'running the events you imported',
  rebuild: 'rebuilding a read model',
  queryReadModel: 'running your read-model query',
  queryLog: 'answering your question about the event store',
  nodeStateAt: 'replaying the run to show a state at a step',
  diffNodeState: 'replaying the run to compare two steps',
  switchBranch: 'replaying the branch you switched to',
  fork: 'forking the run',
  updateFlow: 'checking the code you had just applied',
};

/**
 * Why the engine was restarted, naming what it was doing: "while running your read-model query",
 * "while playing the run (the last step shown was 1,234)".
 */
export function stuckWorkText(stuck: StuckWork, silentSeconds: number, lastShownStep: number | undefined): string {
  const doing = stuck.requests.map((type) => DOING[type] ?? `answering "${type}"`);
  if (stuck.playing)
    doing.push(
      `playing the run${lastShownStep === undefined ? '' : ` (the last step shown was ${lastShownStep.toLocaleString('en')})`}`,
    );
  const what = doing.length > 0 ? ` while ${[...new Set(doing)].join(' and ')}` : '';
  return (
    `The engine stopped answering for ${silentSeconds} s${what}: user code that never returns (a regular expression that backtracks for ever, say) is the likely cause. ` +
    'It was restarted from the last saved step and the run is paused; if the flow hung while it loaded, it was reopened in restricted mode.'
  );
}
