import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { moveNode, useAppStore } from '../../state';
import type { CanvasNode } from './canvasTypes';
import { toCanvasNodes } from './toCanvasNodes';

/**
 * React Flow's nodes, kept locally so a drag moves smoothly; the document's layout is
 * written once, when the drag ends.
 */
export function useCanvasNodes(): { nodes: CanvasNode[]; onNodesChange: (changes: NodeChange<CanvasNode>[]) => void } {
  const flow = useAppStore((s) => s.flow);
  const selectedId = useAppStore((s) => s.selectedNodeId);
  const [nodes, setNodes] = useState<CanvasNode[]>(() => toCanvasNodes(flow, selectedId, []));

  // A new flow or selection re-derives the nodes during render (React's "adjust state on a prop change"), not in an effect a frame later.
  const [derivedFrom, setDerivedFrom] = useState({ flow, selectedId });
  if (derivedFrom.flow !== flow || derivedFrom.selectedId !== selectedId) {
    setDerivedFrom({ flow, selectedId });
    setNodes((previous) => toCanvasNodes(flow, selectedId, previous));
  }

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setNodes((previous) => applyNodeChanges(changes, previous));
    const store = useAppStore.getState();
    const moved = changes.flatMap((c) => (c.type === 'position' && c.dragging === false && c.position ? [c] : []));
    if (moved.length > 0)
      store.editFlow((f) => moved.reduce((doc, c) => (c.position ? moveNode(doc, c.id, c.position) : doc), f));
    for (const change of changes) {
      if (change.type !== 'select') continue;
      if (change.selected) store.selectNode(change.id);
      else if (useAppStore.getState().selectedNodeId === change.id) store.selectNode(null);
    }
  }, []);

  return { nodes, onNodesChange };
}
