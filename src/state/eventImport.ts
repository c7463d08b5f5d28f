import { MAX_PUBLISH_BATCH } from '../protocol';
import { describeError } from './describeProblems';
import { engine } from './engineConnection';
import { flushFlow } from './flowSync';
import { addLine, emptyScan, finishScan, type ImportedEvent } from './eventLines';

/** Reads a JSON Lines file as it streams in, line by line (a big file is never one string). */
export async function readEventsFile(file: Blob): Promise<ReturnType<typeof finishScan>> {
  const scan = emptyScan();
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let carry = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (carry + value).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) addLine(scan, line);
  }
  if (carry !== '') addLine(scan, carry);
  return finishScan(scan);
}

/** The worker's refusal of a batch, with the event it names (`events[i]`) given as its line in the file. */
export function describeBatchRefusal(error: unknown, batch: readonly ImportedEvent[]): string {
  const problem =
    error && typeof error === 'object' && 'problems' in error
      ? (error as { problems?: readonly { path: string; reason: string }[] }).problems?.[0]
      : undefined;
  const index = problem && /^events\[(\d+)\]$/.exec(problem.path)?.[1];
  const event = index === undefined ? undefined : batch[Number(index)];
  return problem && event ? `line ${event.line}: ${problem.reason}` : describeError(error);
}

const batches = (
  events: readonly ImportedEvent[],
): { readonly start: number; readonly batch: readonly ImportedEvent[] }[] =>
  Array.from({ length: Math.ceil(events.length / MAX_PUBLISH_BATCH) }, (_, n) => ({
    start: n * MAX_PUBLISH_BATCH,
    batch: events.slice(n * MAX_PUBLISH_BATCH, (n + 1) * MAX_PUBLISH_BATCH),
  }));

/**
 * Publishes the events' data on a producer as manual inputs, a batch at a time. Every batch is
 * checked first as a publish by hand is (JSON data, the producer's schema): one bad event imports nothing.
 */
export async function importEvents(
  producer: string,
  events: readonly ImportedEvent[],
  onProgress: (done: number) => void,
): Promise<{ ok: true; first: number; last: number } | { ok: false; problem: string }> {
  await flushFlow();
  for (const { batch } of batches(events)) {
    try {
      await engine().checkBatch(
        producer,
        batch.map((e) => e.data),
      );
    } catch (error) {
      return { ok: false, problem: `Nothing was imported: ${describeBatchRefusal(error, batch)}` };
    }
  }
  let first: number | null = null;
  let last = 0;
  for (const { start, batch } of batches(events)) {
    try {
      const reply = await engine().publishBatch(
        producer,
        batch.map((e) => e.data),
      );
      first ??= reply.first;
      last = reply.last;
    } catch (error) {
      const done = start === 0 ? 'Nothing was imported' : `The first ${start} events were imported`;
      return { ok: false, problem: `${done}: ${describeBatchRefusal(error, batch)}` };
    }
    onProgress(Math.min(events.length, start + MAX_PUBLISH_BATCH));
  }
  return { ok: true, first: first ?? last, last };
}
