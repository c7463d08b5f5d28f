import type { SubscriberNode } from '../../flow';
import type { HandlerContext } from '../code/handlerContext';
import { nextFloat } from '../random';
import type { RunContext } from './runContext';

const NO_LOGS: readonly string[] = Object.freeze([]);

function formatLogArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' ');
}

/**
 * What every handler call of one run shares: ctx.now, ctx.random and ctx.log (made once, not on
 * every delivery) and the lines ctx.log collects during a call. One per run, so two runs in one
 * process (the CLI, tests, a worker's branches) never write into each other's log or clock.
 */
export class HandlerCalls {
  readonly now: HandlerContext['now'];
  readonly random: HandlerContext['random'];
  readonly log: HandlerContext['log'];
  // ctx.log writes here during one handler call (calls never nest: a handler's effects are queued).
  private sink: string[] | undefined;
  private readonly nodeInfos = new WeakMap<SubscriberNode, HandlerContext['node']>();

  constructor(run: RunContext) {
    // Shared by every call, so frozen: one call cannot rewire ctx for the next. (The run's sandbox has locked the realm down.)
    this.now = harden(() => run.state.time);
    this.random = harden(() => nextFloat(run.state.random));
    this.log = harden((...args: unknown[]): void => {
      (this.sink ??= []).push(formatLogArgs(args));
    });
  }

  /** A node's ctx.node. */
  nodeInfo(node: SubscriberNode): HandlerContext['node'] {
    let info = this.nodeInfos.get(node);
    if (!info) {
      info = Object.freeze({ id: node.id, name: node.name });
      this.nodeInfos.set(node, info);
    }
    return info;
  }

  /** Starts a call: nothing logged yet. */
  begin(): void {
    this.sink = undefined;
  }

  /** The lines logged since `begin`, and a fresh start. */
  takeLogs(): readonly string[] {
    const logs = this.sink ?? NO_LOGS;
    this.sink = undefined;
    return logs;
  }
}
