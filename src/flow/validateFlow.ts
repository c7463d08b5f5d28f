import type { z } from 'zod';
import { checkBrokerReferences } from './brokerReferences';
import { checkSchemas } from './checkSchemas';
import { flowLimitProblem, MAX_FLOW_CHARS } from './flowLimits';
import { canConnect } from './nodeKind';
import { flowDocumentSchema, type FlowDocument } from './flowSchema';
import { migrateFlow } from './migrateFlow';
import { formatCount } from '../lib/formatCount';
import type { FlowProblem } from './flowProblem';

export type FlowValidation = { ok: true; flow: FlowDocument } | { ok: false; problems: FlowProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line a person can act on: "nodes[2].rate: must be 0 or more". */
export function describeProblems(problems: readonly FlowProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.reason}` : p.reason)).join('; ');
}

function fromZod(error: z.ZodError): FlowProblem[] {
  return error.issues.slice(0, 5).map((issue) => ({ path: formatPath(issue.path), reason: issue.message }));
}

/** Checks that edges and code refer to nodes that exist and join kinds that may be joined. */
function checkReferences(flow: FlowDocument): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const kinds = new Map(flow.nodes.map((n) => [n.id, n.kind] as const));
  flow.nodes.forEach((node, i) => {
    if (flow.nodes.findIndex((n) => n.id === node.id) !== i)
      problems.push({ path: `nodes[${i}].id`, reason: `duplicate node id "${node.id}"` });
  });
  const edgeIds = new Set<string>();
  flow.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id)) problems.push({ path: `edges[${i}].id`, reason: `duplicate edge id "${edge.id}"` });
    edgeIds.add(edge.id);
    const source = kinds.get(edge.source);
    const target = kinds.get(edge.target);
    if (!source) problems.push({ path: `edges[${i}].source`, reason: `no node has id "${edge.source}"` });
    if (!target) problems.push({ path: `edges[${i}].target`, reason: `no node has id "${edge.target}"` });
    if (source && target && !canConnect(source, target))
      problems.push({ path: `edges[${i}]`, reason: `a ${source} cannot connect to a ${target}` });
  });
  problems.push(...checkBrokerReferences(flow));
  problems.push(...checkSchemas(flow));
  for (const nodeId of Object.keys(flow.code)) {
    if (!kinds.has(nodeId)) problems.push({ path: `code.${nodeId}`, reason: `no node has id "${nodeId}"` });
  }
  return problems;
}

/** Validates any input (parsed JSON from a file, a link, storage or the CLI) as a flow document. */
export function validateFlow(input: unknown): FlowValidation {
  const beyond = flowLimitProblem(input);
  if (beyond) return { ok: false, problems: [beyond] };
  const migrated = migrateFlow(input);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const parsed = flowDocumentSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problems: fromZod(parsed.error) };
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow: parsed.data };
}

/** Parses JSON text and validates it; a syntax error or a text past the limits is reported like any other problem. */
export function parseFlow(text: string): FlowValidation {
  if (text.length > MAX_FLOW_CHARS)
    return {
      ok: false,
      problems: [
        { path: '', reason: `longer than ${formatCount(MAX_FLOW_CHARS)} characters (${formatCount(text.length)})` },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', reason: `not valid JSON (${(error as Error).message})` }] };
  }
  // The limits and JSON-safety are checked first by validateFlow, which keeps the path apart.
  return validateFlow(value);
}
