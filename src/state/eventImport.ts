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

/** Publishes the events' data on a producer as manual inputs, a batch at a time. */
export async function importEvents(
  producer: string,
  events: readonly ImportedEvent[],
  onProgress: (done: number) => void,
): Promise<{ ok: true; first: number; last: number } | { ok: false; problem: string }> {
  await flushFlow();
  let first: number | null = null;
  let last = 0;
  for (let i = 0; i < events.length; i += MAX_PUBLISH_BATCH) {
    const batch = events.slice(i, i + MAX_PUBLISH_BATCH);
    try {
      const reply = await engine().publishBatch(producer, batch.map((e) => e.data));
      first ??= reply.first;
      last = reply.last;
    } catch (error) {
      const done = i === 0 ? 'Nothing was imported' : `The first ${i} events were imported`;
      return { ok: false, problem: `${done}: ${describeError(error)}` };
    }
    onProgress(Math.min(events.length, i + MAX_PUBLISH_BATCH));
  }
  return { ok: true, first: first ?? last, last };
}
