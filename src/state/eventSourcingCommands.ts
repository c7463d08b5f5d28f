import type { LogQuery, LogQueryResult } from '../engine';
import { useAppStore } from './appStore';
import { engine } from './engineConnection';
import { flushFlow } from './flowSync';
import { report } from './runCommands';

// Sent only from the lazily loaded inspector and query console, so they stay out of the first bundle.

/** Sends a command by hand from a command source; resolves to the step, or null if refused (the reason is shown). */
export async function sendCommandByHand(node: string, data: unknown): Promise<number | null> {
  await flushFlow();
  const reply = await engine().request('sendCommand', { node, data }).catch(report('Sending the command'));
  return reply ? reply.step : null;
}

/** Rebuilds a read model from the event store; resolves to the step, or null if refused. */
export async function rebuildReadModel(node: string): Promise<number | null> {
  await flushFlow();
  const reply = await engine().request('rebuild', { node }).catch(report('Rebuilding the read model'));
  return reply ? reply.step : null;
}

/** A query's answer or its error, for the panel that asked to show beside the query. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

const answer = async <T>(ask: Promise<T>): Promise<Answer<T>> => {
  try {
    return { ok: true, value: await ask };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

export function queryReadModel(node: string, code: string): Promise<Answer<unknown>> {
  return answer(
    engine()
      .request('queryReadModel', { node, code })
      .then((r) => r.answer),
  );
}

export function queryLog(query: LogQuery): Promise<Answer<LogQueryResult>> {
  return answer(engine().request('queryLog', { query }));
}

/** Fetches the conversation of an event or command and puts it on screen; a failure is shown as a notice. */
export async function traceId(id: string): Promise<void> {
  const reply = await engine().request('trace', { id }).catch(report('Tracing'));
  if (reply) useAppStore.getState().showTrace({ focus: id, ...reply });
}
