import type { DragEvent } from 'react';
import { useAddNode } from '../canvas/useAddNode';
import { kindStyle } from '../kindUi/kindUi';
import { useKindUi } from '../kindUi/KindUiContext';
import { NODE_DRAG_TYPE, type PaletteItemSpec } from './paletteItems';

/** One draggable node kind; a click adds it near the centre of the canvas. */
export function PaletteItem({ item }: { item: PaletteItemSpec }) {
  const { addAtCentre } = useAddNode();
  const ui = useKindUi(item.kind);
  const startDrag = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, item.kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      draggable
      className="palette-item"
      style={kindStyle(ui)}
      aria-label={`Add ${item.kind}`}
      onDragStart={startDrag}
      onClick={() => addAtCentre(item.kind)}
    >
      <span className="palette-item-title">{item.title}</span>
      <span className="palette-item-description">{item.description}</span>
    </button>
  );
}
