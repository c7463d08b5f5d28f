import { Background, Controls, ReactFlow, useReactFlow, type Connection, type OnDelete } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect } from 'react';
import { connectNodes, removeEdge, removeNode, useAppStore } from '../../state';
import type { CanvasEdge, CanvasNode } from './canvasTypes';
import { FlowEdge } from './FlowEdge';
import { FlowNodeCard } from './FlowNodeCard';
import { useCanvasDrop } from './useCanvasDrop';
import { useCanvasEdges } from './useCanvasEdges';
import { useCanvasNodes } from './useCanvasNodes';

// Defined once: React Flow warns and re-mounts every node when these objects change identity.
const NODE_TYPES = { flowNode: FlowNodeCard };
const EDGE_TYPES = { flowEdge: FlowEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT_VIEW_OPTIONS = { padding: 0.25, maxZoom: 1.1 };

/** The React Flow canvas for the document being edited. */
export function FlowCanvas() {
  const { nodes, onNodesChange } = useCanvasNodes();
  const edges = useCanvasEdges();
  const { onDragOver, onDrop } = useCanvasDrop();
  const { fitView } = useReactFlow();
  const editorOpen = useAppStore((s) => s.codeNodeId !== null);

  useEffect(() => {
    // The code editor takes half the column: re-frame the flow once the canvas has its new size.
    const timer = setTimeout(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }), 60);
    return () => clearTimeout(timer);
  }, [editorOpen, fitView]);

  const onConnect = useCallback((connection: Connection) => {
    const store = useAppStore.getState();
    store.editFlow((flow) => {
      const result = connectNodes(flow, connection.source, connection.target);
      if (result.ok) return result.flow;
      store.pushNotice({ level: 'warning', message: result.reason });
      return flow;
    });
  }, []);

  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(({ nodes: gone, edges: cut }) => {
    useAppStore.getState().editFlow((flow) => {
      const withoutEdges = cut.reduce((doc, edge) => removeEdge(doc, edge.id), flow);
      return gone.reduce((doc, node) => removeNode(doc, node.id), withoutEdges);
    });
  }, []);

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onPaneClick={() => useAppStore.getState().selectNode(null)}
        deleteKeyCode={DELETE_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
      >
        <Background gap={20} color="#d3d8e0" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
