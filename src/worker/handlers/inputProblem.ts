import { schemaProblem } from '../../engine';
import type { FlowDocument, FlowProblem } from '../../flow';
import { describeJsonProblem, jsonProblem } from '../../lib/jsonSafety';

// Data that comes from outside a run (typed by hand, imported, or any message that skips the UI) is
// checked here before it is recorded: a value past the limits would overflow what clones and stores it.

/** Why data from outside cannot be an event's or a command's data: not JSON data, with its path. */
export function dataProblem(data: unknown): string | undefined {
  const found = jsonProblem(data);
  return found && describeJsonProblem(found);
}

/** Why data cannot be published as `eventType`: the checks of a publish by hand (JSON data, then the type's schema). */
export function publishProblem(flow: FlowDocument, eventType: string, data: unknown): string | undefined {
  return dataProblem(data) ?? schemaProblem(flow, eventType, data);
}

/** The first event of a batch that a publish by hand would refuse, at `events[i]`. */
export function batchProblem(
  flow: FlowDocument,
  eventType: string,
  events: readonly unknown[],
): FlowProblem | undefined {
  for (let i = 0; i < events.length; i++) {
    const reason = publishProblem(flow, eventType, events[i]);
    if (reason !== undefined) return { path: `events[${i}]`, reason };
  }
  return undefined;
}
