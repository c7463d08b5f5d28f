import { virtualIso, type StepRecord } from '../engine';
import { ENGINE_EVENT_TYPE_PREFIX } from '../protocol';
import { SEGMENT_SIZE } from '../storage';
import type { RowReader } from './stepSearch';

/** Steps per exportLog reply: a few segments, so no reply holds the worker long. */
export const EXPORT_PAGE = 5 * SEGMENT_SIZE;

/** The CloudEvents 1.0 form of a step for a JSON Lines export. */
export interface ExportedEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: unknown;
}

/**
 * A publish step is its event, as published. Any other step becomes `dev.tidemark.<kind>` from
 * `/tidemark/<node>` (`/tidemark/engine` for a group-level step) with the step record as data and an
 * id that is the same on every export of that branch: `<branch id>:<step>`.
 */
export function stepToCloudEvent(record: StepRecord, branchId: string): ExportedEvent {
  if (record.kind === 'publish') return record.event;
  return {
    specversion: '1.0',
    id: `${branchId}:${record.step}`,
    source: `/tidemark/${record.node === '' ? 'engine' : record.node}`,
    type: `${ENGINE_EVENT_TYPE_PREFIX}${record.kind}`,
    time: virtualIso(record.time),
    datacontenttype: 'application/json',
    data: record,
  };
}

/** One line per step, each ending in a newline. */
export function toJsonLines(records: readonly StepRecord[], branchId: string): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(stepToCloudEvent(record, branchId))}\n`;
  return text;
}

/** One page of a branch's log from `from` up to `to` (capped at its head) as a JSON Lines Blob, and where the next page starts. */
export async function exportPage(
  read: RowReader,
  branch: { readonly id: string; readonly head: number },
  from: number,
  to: number,
): Promise<{ chunk: Blob; next: number | null }> {
  const end = Math.min(to, branch.head);
  const start = Math.max(0, from);
  const pageEnd = Math.max(start, Math.min(end, start + EXPORT_PAGE));
  const text = toJsonLines(await read(start, pageEnd - start), branch.id);
  return { chunk: new Blob([text], { type: 'application/x-ndjson' }), next: pageEnd < end ? pageEnd : null };
}
