import type { FlowLoaded, FlowOrigin } from '../protocol';
import { FLOW_TEXT_LIMITS } from '../flow';
import { parseJsonText } from '../lib/jsonSafety';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { EngineRequestError } from '../client';
import { adoptFlowLoaded, engine } from './engineConnection';
import { flushFlow } from './flowSync';

/** Sends the document; stored work it would delete is first put to the person, and kept unless they choose to replace it. */
async function requestOpen(doc: unknown, origin: FlowOrigin, label: string): Promise<FlowLoaded | undefined> {
  // Edits still in the debounce are the person's work too: the worker must have them to count them (and keep them).
  await flushFlow();
  try {
    return await engine().request('openFlow', { doc, origin });
  } catch (error) {
    if (!(error instanceof EngineRequestError) || !error.replaces) throw error;
    const store = useAppStore.getState();
    if (!(await store.askToReplace(error.replaces, label))) {
      store.pushNotice({
        level: 'info',
        message: `${label}: not opened; "${error.replaces.name}" and its run are as they were.`,
      });
      return undefined;
    }
    return await engine().request('openFlow', { doc, origin, replace: true });
  }
}

/**
 * Asks the worker to open a document; on any problem shows `label: path: reason` and changes nothing.
 * Resolves true when the flow was opened.
 */
async function openFlowDocument(doc: unknown, origin: FlowOrigin, label: string): Promise<boolean> {
  const store = useAppStore.getState();
  try {
    const reply = await requestOpen(doc, origin, label);
    if (!reply) return false;
    adoptFlowLoaded(reply, 'new');
    return true;
  } catch (error) {
    store.pushNotice({ level: 'error', message: `${label}: ${describeError(error)}` });
    return false;
  }
}

/**
 * Parses JSON text, then opens it. Text that is not JSON, or past the flow limits, is refused here
 * ("<label>: nesting deeper than 64 levels at nodes[0].payload.a…"): nothing is sent to the worker.
 */
export function openFlowText(text: string, origin: FlowOrigin, label: string): Promise<boolean> {
  const parsed = parseJsonText(text, FLOW_TEXT_LIMITS);
  if (!parsed.ok) {
    useAppStore.getState().pushNotice({ level: 'error', message: `${label}: ${parsed.reason}` });
    return Promise.resolve(false);
  }
  return openFlowDocument(parsed.value, origin, label);
}

/** Fetches a same-origin URL and opens the flow it holds. */
export async function openFlowUrl(url: string, origin: FlowOrigin, label: string): Promise<boolean> {
  const { pushNotice } = useAppStore.getState();
  const target = new URL(url, window.location.href);
  // A flow carries code: only documents served by this site may be opened by a link.
  if (target.origin !== window.location.origin) {
    pushNotice({
      level: 'error',
      message: `${label}: only flows on ${window.location.origin} can be opened (${target.href})`,
    });
    return false;
  }
  let text: string;
  try {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${target.pathname}`);
    // A static server answers a missing file with the app's index.html.
    if (response.headers.get('content-type')?.includes('text/html'))
      throw new Error(`${target.pathname} was not found`);
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
