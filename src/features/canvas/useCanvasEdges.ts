import { MarkerType } from '@xyflow/react';
import { useMemo } from 'react';
import { useAppStore } from '../../state';
import type { CanvasEdge } from './canvasTypes';

/** React Flow's edges, derived from the document. */
export function useCanvasEdges(): CanvasEdge[] {
  const flow = useAppStore((s) => s.flow);
  return useMemo(() => {
    if (!flow) return [];
    const names = new Map(flow.nodes.map((n) => [n.id, n.name]));
    return flow.edges.map((edge) => ({
      id: edge.id,
      type: 'flowEdge',
      source: edge.source,
      target: edge.target,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#8a94a6' },
      ariaLabel: `Connection from ${names.get(edge.source) ?? edge.source} to ${names.get(edge.target) ?? edge.target}`,
    }));
  }, [flow]);
}
