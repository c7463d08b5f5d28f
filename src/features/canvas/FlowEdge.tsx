import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppStore } from '../../state';
import type { CanvasEdge } from './canvasTypes';
import { EdgeDots } from './EdgeDots';

/** A bezier edge labelled with how many records it has carried, with moving dots at low rates. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<CanvasEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const count = useAppStore((s) => s.frame?.edges[id] ?? 0);
  const sourceName = useAppStore((s) => s.flow?.nodes.find((n) => n.id === source)?.name ?? source);
  const targetName = useAppStore((s) => s.flow?.nodes.find((n) => n.id === target)?.name ?? target);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} className={selected ? 'flow-edge is-selected' : 'flow-edge'} {...(markerEnd ? { markerEnd } : {})} />
      <EdgeDots path={path} count={count} />
      <EdgeLabelRenderer>
        <div
          className="edge-count nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={`${count.toLocaleString('en-US')} records carried`}
          role="note"
          aria-label={`${count.toLocaleString('en-US')} records carried from ${sourceName} to ${targetName}`}
        >
          {count.toLocaleString('en-US')}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
