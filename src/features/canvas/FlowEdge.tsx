import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { getOwn } from '../../lib/ownRecord';
import { memo } from 'react';
import { bindingLabel, useAppStore } from '../../state';
import type { CanvasEdge } from './canvasTypes';
import { EdgeDots } from './EdgeDots';

/** A bezier edge labelled with how many records it has carried, with moving dots at low rates. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<CanvasEdge>) {
  const {
    id,
    source,
    target,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
  } = props;
  const count = useAppStore((s) => getOwn(s.frame?.edges, id) ?? 0);
  const sourceName = useAppStore((s) => s.flow?.nodes.find((n) => n.id === source)?.name ?? source);
  const targetName = useAppStore((s) => s.flow?.nodes.find((n) => n.id === target)?.name ?? target);
  const binding = useAppStore((s) => {
    const edge = s.flow?.edges.find((e) => e.id === id);
    return s.flow && edge ? bindingLabel(s.flow, edge) : null;
  });
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={selected ? 'flow-edge is-selected' : 'flow-edge'}
        {...(markerEnd ? { markerEnd } : {})}
      />
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
        {binding !== null && (
          <div
            className="edge-binding nodrag nopan"
            // Beside the target's handle, where edges fanning out of one exchange are apart.
            style={{ transform: `translate(-100%, -100%) translate(${targetX - 12}px, ${targetY - 3}px)` }}
            role="note"
            aria-label={`${sourceName} to ${targetName} binds ${binding}`}
          >
            {binding}
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
});
