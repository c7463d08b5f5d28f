import { useAppStore } from './appStore';
import { engine } from './engineConnection';
import { report } from './runCommands';

/** Letters, digits, spaces, "-" and "_": a file name that is safe everywhere. */
const safe = (name: string): string => name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim();

/**
 * The current branch's log as a CloudEvents JSON Lines file, built from the pages the worker sends
 * (a Blob of Blobs: no string of the whole log is ever made). Null when it failed (the reason is shown).
 */
export async function exportLogFile(
  onProgress: (done: number, total: number) => void,
): Promise<{ blob: Blob; fileName: string } | null> {
  const { frame, flow, branches } = useAppStore.getState();
  if (!frame) return null;
  const { branchId, head } = frame;
  const parts: Blob[] = [];
  try {
    for (let from: number | null = 0; from !== null && from < head;) {
      const page: { chunk: Blob; next: number | null } = await engine().exportLog(branchId, from, head);
      parts.push(page.chunk);
      from = page.next;
      onProgress(from ?? head, head);
    }
  } catch (error) {
    report('Exporting the log')(error);
    return null;
  }
  const branchName = branches.find((b) => b.id === branchId)?.name ?? 'branch';
  const fileName = `${safe(flow?.name ?? '') || 'flow'}-${safe(branchName) || 'branch'}.jsonl`;
  return { blob: new Blob(parts, { type: 'application/x-ndjson' }), fileName };
}
