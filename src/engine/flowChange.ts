import type { FlowDocument } from '../flow';
import { getOwn } from '../lib/ownRecord';

/** Whether an edit changes what runs (layout and the flow's name do not). */
export function affectsRun(before: FlowDocument, after: FlowDocument): boolean {
  return (
    before.seed !== after.seed ||
    JSON.stringify(before.nodes) !== JSON.stringify(after.nodes) ||
    JSON.stringify(before.edges) !== JSON.stringify(after.edges) ||
    JSON.stringify(before.code) !== JSON.stringify(after.code) ||
    JSON.stringify(before.schemas) !== JSON.stringify(after.schemas) ||
    JSON.stringify(before.invariants ?? []) !== JSON.stringify(after.invariants ?? [])
  );
}

/** A short description of an edit for the log: "added Email 2; changed code of Analytics counter". */
export function summarizeFlowChange(before: FlowDocument, after: FlowDocument): string {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const name = (id: string) => newNodes.get(id)?.name ?? oldNodes.get(id)?.name ?? id;
  const parts: string[] = [];
  for (const node of after.nodes) {
    const old = oldNodes.get(node.id);
    if (!old) parts.push(`added ${node.name}`);
    else if (JSON.stringify(old) !== JSON.stringify(node)) parts.push(`changed ${node.name}`);
  }
  for (const node of before.nodes) if (!newNodes.has(node.id)) parts.push(`removed ${node.name}`);
  const oldEdges = new Set(before.edges.map((e) => `${e.source}>${e.target}`));
  const newEdges = new Set(after.edges.map((e) => `${e.source}>${e.target}`));
  for (const e of after.edges)
    if (!oldEdges.has(`${e.source}>${e.target}`)) parts.push(`connected ${name(e.source)} → ${name(e.target)}`);
  for (const e of before.edges)
    if (!newEdges.has(`${e.source}>${e.target}`)) parts.push(`disconnected ${name(e.source)} → ${name(e.target)}`);
  const oldById = new Map(before.edges.map((e) => [e.id, JSON.stringify(e)]));
  for (const e of after.edges) {
    const old = oldById.get(e.id);
    if (old !== undefined && old !== JSON.stringify(e))
      parts.push(`changed binding ${name(e.source)} → ${name(e.target)}`);
  }
  for (const id of new Set([...Object.keys(before.code), ...Object.keys(after.code)]))
    if (getOwn(before.code, id) !== getOwn(after.code, id) && newNodes.has(id))
      parts.push(`changed code of ${name(id)}`);
  if (before.seed !== after.seed) parts.push(`seed ${before.seed} → ${after.seed}`);
  if (JSON.stringify(before.schemas) !== JSON.stringify(after.schemas)) parts.push('changed event schemas');
  if (JSON.stringify(before.invariants ?? []) !== JSON.stringify(after.invariants ?? []))
    parts.push('changed invariants');
  return parts.length > 0 ? parts.join('; ') : 'edited the flow';
}
