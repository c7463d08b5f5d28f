import { jsonProblem, MAX_JSON_DEPTH, MAX_JSON_NODES, pathBelow } from '../lib/jsonSafety';
import type { FlowProblem } from './flowProblem';
import { formatCount } from '../lib/formatCount';

/** Deepest nesting of a flow document, counted from the document itself; every example nests at most 8. */
export const MAX_FLOW_DEPTH = MAX_JSON_DEPTH;
/** Values (objects, arrays, strings, numbers…) one flow document may hold. */
const MAX_FLOW_VALUES = MAX_JSON_NODES;
/** Characters of a flow as JSON text, as Export flow writes it (indented by 2): a file, a link, a stored flow. */
export const MAX_FLOW_CHARS = 10_000_000;

/**
 * How flow text is read where it enters (a file, a link, an edit kept for recovery): within the
 * limits, and keeping "__proto__" keys, since ids are data; the schema then says where one is refused.
 */
export const FLOW_TEXT_LIMITS = {
  maxChars: MAX_FLOW_CHARS,
  maxDepth: MAX_FLOW_DEPTH,
  maxNodes: MAX_FLOW_VALUES,
  protoKeys: 'accept',
} as const;

/** The length of the flow as Export flow writes it. */
const exportedLength = (doc: unknown): number => JSON.stringify(doc, null, 2).length + 1;

/**
 * Why a value cannot be a flow whatever its shape: not JSON data, too deep, too many values, or
 * longer than MAX_FLOW_CHARS once exported (so every flow that opens can be exported and opened again).
 * Runs before the schema, whose recursion would overflow on a deep value.
 */
export function flowLimitProblem(input: unknown): FlowProblem | undefined {
  // What is not an object at all is for migrateFlow to name.
  if (typeof input !== 'object' || input === null) return undefined;
  // Ids are data: a node named "__proto__" keys the code and layout records.
  const unsafe = jsonProblem(input, { maxDepth: MAX_FLOW_DEPTH, maxNodes: MAX_FLOW_VALUES, protoKeys: 'accept' });
  if (unsafe) return unsafe;
  const payload = payloadProtoKey(input);
  if (payload) return payload;
  const length = exportedLength(input);
  if (length > MAX_FLOW_CHARS)
    return {
      path: '',
      reason: `the flow is longer than ${formatCount(MAX_FLOW_CHARS)} characters as JSON (${formatCount(length)}): split it or shorten its code`,
    };
  return undefined;
}

/** A payload template is the event data it makes: like data typed by hand, it may not hold a "__proto__" key. */
function payloadProtoKey(input: object): FlowProblem | undefined {
  const nodes = (input as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return undefined;
  for (const [i, node] of nodes.entries()) {
    const payload = (node as { payload?: unknown } | null)?.payload;
    const problem = payload === undefined ? undefined : jsonProblem(payload);
    if (problem) return { path: pathBelow(`nodes[${i}].payload`, problem.path), reason: problem.reason };
  }
  return undefined;
}
