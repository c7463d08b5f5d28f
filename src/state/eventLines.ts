import { parseJsonText } from '../lib/jsonSafety';
import { ENGINE_EVENT_TYPE_PREFIX } from '../protocol';

/** Events one import may publish; each becomes a step, so a bigger file is split by the person. */
export const MAX_IMPORT_EVENTS = 10_000;
/** Problems listed by line; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;
const REQUIRED = ['specversion', 'id', 'type', 'source', 'data'] as const;

/** A CloudEvent read from a line of a JSON Lines file: what an import publishes (its data) and where it came from. */
export interface ImportedEvent {
  readonly line: number;
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly data: unknown;
}

export interface LineProblem {
  /** 1-based; null for a problem of the whole file. */
  readonly line: number | null;
  readonly reason: string;
}

export type LineResult =
  | { readonly kind: 'event'; readonly event: ImportedEvent }
  /** An engine step of a Tidemark export (dev.tidemark.*): not a domain event, not published again. */
  | { readonly kind: 'engine' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'problem'; readonly reason: string };

const describeType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** Reads one line of a JSON Lines file as a CloudEvent 1.0 with specversion, id, type, source and data. */
export function parseEventLine(text: string, line: number): LineResult {
  const json = text.replace(/^\uFEFF/, '').trim();
  if (json === '') return { kind: 'blank' };
  // A line is a JSON text like any other: 64 levels from its own root, so its data has 63.
  const parsed = parseJsonText(json);
  if (!parsed.ok) return { kind: 'problem', reason: parsed.reason };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'problem', reason: `must be a CloudEvent object, not ${describeType(value)}` };
  const event = value as Record<string, unknown>;
  const missing = REQUIRED.filter((field) => !(field in event));
  if (missing.length > 0)
    return {
      kind: 'problem',
      reason: `not a CloudEvent: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
    };
  if (event.specversion !== '1.0')
    return { kind: 'problem', reason: `specversion must be "1.0", not ${JSON.stringify(event.specversion)}` };
  for (const field of ['id', 'type', 'source'] as const) {
    const v = event[field];
    if (typeof v !== 'string' || v === '')
      return {
        kind: 'problem',
        reason: `${field} must be a non-empty string, not ${typeof v === 'string' ? 'empty' : describeType(v)}`,
      };
  }
  const { id, type, source, data } = event as { id: string; type: string; source: string; data: unknown };
  if (type.startsWith(ENGINE_EVENT_TYPE_PREFIX)) return { kind: 'engine' };
  return { kind: 'event', event: { line, id, type, source, data } };
}

/** What a file held so far, line by line; lines are added as they stream in, so the file is never one string. */
export interface EventScan {
  lines: number;
  events: ImportedEvent[];
  engineSteps: number;
  problems: LineProblem[];
  /** Problems past the listed ones. */
  unlisted: number;
}

export function emptyScan(): EventScan {
  return { lines: 0, events: [], engineSteps: 0, problems: [], unlisted: 0 };
}

export function addLine(scan: EventScan, text: string): void {
  const line = ++scan.lines;
  const result = parseEventLine(text, line);
  const problem = (reason: string) =>
    scan.problems.length < MAX_LISTED_PROBLEMS ? scan.problems.push({ line, reason }) : scan.unlisted++;
  if (result.kind === 'problem') problem(result.reason);
  else if (result.kind === 'engine') scan.engineSteps++;
  else if (result.kind === 'event') {
    if (scan.events.length < MAX_IMPORT_EVENTS) scan.events.push(result.event);
    else if (scan.events.length === MAX_IMPORT_EVENTS)
      problem(
        `more than ${MAX_IMPORT_EVENTS.toLocaleString('en')} events: an import takes at most that many, split the file`,
      );
  }
}

/** The verdict on a whole file: events to publish, or every problem (and then nothing is imported). */
export function finishScan(
  scan: EventScan,
):
  | { ok: true; events: ImportedEvent[]; engineSteps: number }
  | { ok: false; problems: LineProblem[]; unlisted: number } {
  if (scan.problems.length > 0) return { ok: false, problems: scan.problems, unlisted: scan.unlisted };
  if (scan.events.length === 0) {
    const reason =
      scan.engineSteps > 0
        ? `it holds only engine steps (${scan.engineSteps}) and no domain events`
        : 'it holds no events';
    return { ok: false, problems: [{ line: null, reason: `Nothing to import: ${reason}.` }], unlisted: 0 };
  }
  return { ok: true, events: scan.events, engineSteps: scan.engineSteps };
}

/** Reads a whole text (tests, small files) line by line. */
export function scanText(text: string): ReturnType<typeof finishScan> {
  const scan = emptyScan();
  for (const line of text.split('\n')) addLine(scan, line);
  return finishScan(scan);
}

/** The producer an import defaults to: the one most events name as `/producers/<id>`, else the first. */
export function defaultProducer(
  events: readonly ImportedEvent[],
  producers: readonly { readonly id: string }[],
): string | null {
  const ids = new Set(producers.map((p) => p.id));
  const votes = new Map<string, number>();
  for (const { source } of events) {
    const id = source.startsWith('/producers/') ? source.slice('/producers/'.length) : null;
    if (id !== null && ids.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, count] of votes) if (best === null || count > (votes.get(best) ?? 0)) best = id;
  return best ?? producers[0]?.id ?? null;
}
