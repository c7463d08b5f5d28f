import type { FlowDocument } from '../../flow';

/** Keeps letters, digits, spaces, "-" and "_" so the name is a safe file name everywhere. */
function fileName(flowName: string): string {
  const safe = flowName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim();
  return `${safe || 'flow'}.tidemark.json`;
}

/** Downloads a flow document as `<name>.tidemark.json`. */
export function downloadFlow(flow: FlowDocument): void {
  const blob = new Blob([`${JSON.stringify(flow, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(flow.name);
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
