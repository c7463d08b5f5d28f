import type { NodeStateDiff } from '../protocol';
import { useAppStore } from './appStore';
import { describeError } from './describeProblems';
import { engine } from './engineConnection';
import { flushFlow } from './flowSync';
import { parseGoto } from './gotoQuery';
import { report, seek } from './runCommands';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** Shows log step `step` as the last one executed (the timeline position just after it). */
function seekToLogStep(step: number): Promise<void> {
  return seek(step + 1);
}

export type TouchJump =
  | { readonly kind: 'moved'; readonly step: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'no-node' }
  | { readonly kind: 'failed' };

/** Moves to the next or previous step that touches the selected node (the row after or before the current one). */
export async function jumpTouchingStep(direction: 'next' | 'previous'): Promise<TouchJump> {
  const { selectedNodeId } = useAppStore.getState();
  if (selectedNodeId === null) return { kind: 'no-node' };
  const reply = await engine().findTouchingStep(selectedNodeId, direction).catch(report('Finding a step'));
  if (!reply) return { kind: 'failed' };
  if (reply.step === null) return { kind: 'none' };
  await seekToLogStep(reply.step);
  return { kind: 'moved', step: reply.step };
}

/** Goes to a step number, the step that published an event id, or the last step at or before a time; nothing moves when it cannot. */
export async function goTo(
  text: string,
): Promise<{ ok: true; message: string; cursor: number } | { ok: false; problem: string }> {
  const parsed = parseGoto(text);
  if (!parsed.ok) return parsed;
  let result;
  try {
    result = await engine().locate(parsed.target);
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  }
  if (!result.ok) return result;
  await seek(result.cursor);
  const { target } = parsed;
  const { cursor } = result;
  if (target.kind === 'step') return { ok: true, cursor, message: `At step ${cursor}` };
  if (target.kind === 'event')
    return { ok: true, cursor, message: `Published at step ${result.step ?? 0} (t = ${seconds(result.time)})` };
  const message =
    result.step === null
      ? 'Before the first step: at step 0'
      : `Last step at or before t = ${seconds(target.ms)}: step ${result.step}`;
  return { ok: true, cursor, message };
}

/** Bookmarks a timeline position of the current branch; resolves false when refused (the reason is shown). */
export async function addBookmark(step: number, label: string): Promise<boolean> {
  const reply = await engine().addBookmark(step, label).catch(report('Bookmarking'));
  return reply !== undefined;
}

export async function removeBookmark(step: number): Promise<void> {
  await engine().removeBookmark(step).catch(report('Removing the bookmark'));
}

/** Deletes a branch and what it stored; the current one gives way to its parent. Resolves false when refused. */
export async function deleteBranch(branchId: string): Promise<boolean> {
  // Edits not sent yet belong to the branch being left.
  await flushFlow();
  const reply = await engine().deleteBranch(branchId).catch(report('Deleting the branch'));
  if (!reply) return false;
  const store = useAppStore.getState();
  store.setBranches(reply.branches);
  if (reply.switched) store.adoptBranchFlow(reply.flow);
  return true;
}

/** A node's state changes between two timeline positions of the current branch, or why they could not be compared. */
export async function compareNodeState(
  node: string,
  from: number,
  to: number,
): Promise<NodeStateDiff | { problem: string }> {
  try {
    return await engine().diffNodeState({ node, from, to });
  } catch (error) {
    return { problem: describeError(error) };
  }
}
