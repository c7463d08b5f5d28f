import { type FlowDocument, type FlowEdge, type FlowNode, canConnect, type NodeKind } from '../flow';
import { createNode, defaultCode } from './newNode';

type Position = { x: number; y: number };

/** A blank flow for a person who starts from nothing. */
export function emptyFlow(): FlowDocument {
  return {
    format: 'tidemark-flow',
    version: 1,
    name: 'Untitled flow',
    seed: 1,
    nodes: [],
    edges: [],
    schemas: {},
    code: {},
    layout: {},
  };
}

export function addNode(
  flow: FlowDocument,
  kind: NodeKind,
  position: Position,
): { flow: FlowDocument; nodeId: string } {
  const node = createNode(flow, kind);
  const code = defaultCode(kind);
  return {
    nodeId: node.id,
    flow: {
      ...flow,
      nodes: [...flow.nodes, node],
      layout: { ...flow.layout, [node.id]: { x: Math.round(position.x), y: Math.round(position.y) } },
      code: code === null ? flow.code : { ...flow.code, [node.id]: code },
    },
  };
}

/** Removes a node with its edges, code and layout entry. */
export function removeNode(flow: FlowDocument, nodeId: string): FlowDocument {
  const { [nodeId]: _code, ...code } = flow.code;
  const { [nodeId]: _place, ...layout } = flow.layout;
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => n.id !== nodeId),
    edges: flow.edges.filter((e) => e.source !== nodeId && e.target !== nodeId),
    code,
    layout,
  };
}

/** Replaces one node by what `update` returns; the id and kind stay. */
export function updateNode(flow: FlowDocument, nodeId: string, update: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === nodeId ? update(n) : n)) };
}

export function moveNode(flow: FlowDocument, nodeId: string, position: Position): FlowDocument {
  return { ...flow, layout: { ...flow.layout, [nodeId]: { x: Math.round(position.x), y: Math.round(position.y) } } };
}

export function setCode(flow: FlowDocument, nodeId: string, source: string): FlowDocument {
  return { ...flow, code: { ...flow.code, [nodeId]: source } };
}

export function removeEdge(flow: FlowDocument, edgeId: string): FlowDocument {
  return { ...flow, edges: flow.edges.filter((e) => e.id !== edgeId) };
}

export type ConnectResult = { ok: true; flow: FlowDocument } | { ok: false; reason: string };

/** Adds an edge if the kinds may be joined and the edge does not exist yet. */
export function connectNodes(flow: FlowDocument, sourceId: string, targetId: string): ConnectResult {
  const source = flow.nodes.find((n) => n.id === sourceId);
  const target = flow.nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends of a connection must be nodes of this flow' };
  if (!canConnect(source.kind, target.kind))
    return { ok: false, reason: `A ${source.kind} cannot connect to a ${target.kind}` };
  if (flow.edges.some((e) => e.source === sourceId && e.target === targetId))
    return { ok: false, reason: `${source.name} is already connected to ${target.name}` };
  const edge: FlowEdge = { id: uniqueEdgeId(flow, `${sourceId}-to-${targetId}`), source: sourceId, target: targetId };
  return { ok: true, flow: { ...flow, edges: [...flow.edges, edge] } };
}

function uniqueEdgeId(flow: FlowDocument, wanted: string): string {
  const ids = new Set(flow.edges.map((e) => e.id));
  // Ids are limited to 64 characters by the schema.
  const base = wanted.slice(0, 58);
  if (!ids.has(base)) return base;
  let n = 2;
  while (ids.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Nodes this node may connect to that it does not feed yet. */
export function connectableTargets(flow: FlowDocument, nodeId: string): FlowNode[] {
  const source = flow.nodes.find((n) => n.id === nodeId);
  if (!source) return [];
  const fed = new Set(flow.edges.filter((e) => e.source === nodeId).map((e) => e.target));
  return flow.nodes.filter((n) => n.id !== nodeId && !fed.has(n.id) && canConnect(source.kind, n.kind));
}

/** Fields to set on an edge; `undefined` removes an optional one. */
export type EdgePatch = { [P in 'bindingKey' | 'bindingArgs' | 'channel']?: FlowEdge[P] | undefined };

/** Sets or removes an edge's binding key, binding arguments or channel. */
export function patchEdge(flow: FlowDocument, edgeId: string, patch: EdgePatch): FlowDocument {
  return {
    ...flow,
    edges: flow.edges.map((edge) => {
      if (edge.id !== edgeId) return edge;
      const next: Record<string, unknown> = { ...edge };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      return next as FlowEdge;
    }),
  };
}
