import type { Edge, Node } from '@xyflow/react';
import type { FlowNode } from '../../flow';

/** A React Flow node carrying the flow node it draws. */
export type CanvasNode = Node<{ node: FlowNode }, 'flowNode'>;

/** A React Flow edge; its live count is read from the store by id. */
export type CanvasEdge = Edge<Record<string, never>, 'flowEdge'>;
