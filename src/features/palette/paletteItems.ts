import type { NodeKind } from '../../flow';

/** The drag-and-drop data type that carries a node kind from the palette to the canvas. */
export const NODE_DRAG_TYPE = 'application/tidemark-node';

export interface PaletteItemSpec {
  readonly kind: NodeKind;
  readonly title: string;
  readonly description: string;
}
