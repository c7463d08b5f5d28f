import type { FlowDocument } from '../flow';
import { hasOwn } from '../lib/ownRecord';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { adoptFrame, engine } from './engineConnection';

/** Where a flow comes from; the worker records it (a flow from a link or file runs only when asked). */
export type FlowOrigin = 'link' | 'file' | 'example';

/**
 * Asks the worker to open a document; on any problem shows `label: path: reason` and changes nothing.
 * Resolves true when the flow was opened.
 */
export async function openFlowDocument(doc: unknown, origin: FlowOrigin, label: string): Promise<boolean> {
  const store = useAppStore.getState();
  try {
    const reply = await engine().request('openFlow', { doc, origin });
    store.loadFlow(reply.flow);
    store.setCodeErrors(reply.codeErrors);
    store.setBranches(reply.branches);
    store.clearLog();
    adoptFrame(reply.frame);
    warnAboutForeignCode(reply.flow, origin);
    return true;
  } catch (error) {
    store.pushNotice({ level: 'error', message: `${label}: ${describeError(error)}` });
    return false;
  }
}

/** A flow from a link or a file is someone else's code: say so before the person presses Play (DESIGN, Security). */
function warnAboutForeignCode(flow: FlowDocument, origin: FlowOrigin): void {
  const withCode = flow.nodes.filter((n) => hasOwn(flow.code, n.id)).map((n) => n.name);
  if (origin === 'example' || withCode.length === 0) return;
  useAppStore.getState().pushNotice({
    level: 'info',
    message: `This flow came from a ${origin} and carries handler code (${withCode.join(', ')}). It runs in this page's engine worker only when you press Play: review it with "Edit handler code" first.`,
  });
}

/** Parses JSON text, then opens it; a syntax error is shown as "<label>: not valid JSON (…)". */
export function openFlowText(text: string, origin: FlowOrigin, label: string): Promise<boolean> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    useAppStore.getState().pushNotice({ level: 'error', message: `${label}: not valid JSON (${describeError(error)})` });
    return Promise.resolve(false);
  }
  return openFlowDocument(doc, origin, label);
}

/** Fetches a same-origin URL and opens the flow it holds. */
export async function openFlowUrl(url: string, origin: FlowOrigin, label: string): Promise<boolean> {
  const { pushNotice } = useAppStore.getState();
  const target = new URL(url, window.location.href);
  // A flow carries code: only documents served by this site may be opened by a link.
  if (target.origin !== window.location.origin) {
    pushNotice({ level: 'error', message: `${label}: only flows on ${window.location.origin} can be opened (${target.href})` });
    return false;
  }
  let text: string;
  try {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${target.pathname}`);
    // A static server answers a missing file with the app's index.html.
    if (response.headers.get('content-type')?.includes('text/html')) throw new Error(`${target.pathname} was not found`);
    text = await response.text();
  } catch (error) {
    pushNotice({ level: 'error', message: `${label}: could not load the flow (${describeError(error)})` });
    return false;
  }
  return openFlowText(text, origin, label);
}

/** The URL of a bundled example flow. */
export function exampleUrl(name: string): string {
  return `${import.meta.env.BASE_URL}examples/${encodeURIComponent(name)}.json`;
}
