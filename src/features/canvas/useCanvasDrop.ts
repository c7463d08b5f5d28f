import { useCallback, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../flow';
import { NODE_DRAG_TYPE } from '../palette/paletteItems';
import { useAddNode } from './useAddNode';

function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/** HTML5 drop handlers that add the palette's node kind at the drop point. */
export function useCanvasDrop(): { onDragOver: (e: DragEvent) => void; onDrop: (e: DragEvent) => void } {
  const { addAt } = useAddNode();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      addAt(kind, { x: event.clientX, y: event.clientY });
    },
    [addAt],
  );
  return { onDragOver, onDrop };
}
