import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useCallback } from 'react';
import type { NodeKind } from '../../flow';
import { addNode, useAppStore } from '../../state';
import { freeSpot } from './freeSpot';

// Roughly half a node card, so the card is centred on the point rather than hanging from it.
const HALF_CARD = { x: 100, y: 40 };

/** Adds a node of a kind at a screen point, or near the centre of the visible canvas; selects it. */
export function useAddNode(): {
  addAt: (kind: NodeKind, screen: XYPosition, avoidOthers?: boolean) => void;
  addAtCentre: (kind: NodeKind) => void;
} {
  const { screenToFlowPosition } = useReactFlow();
  const storeApi = useStoreApi();

  const addAt = useCallback(
    (kind: NodeKind, screen: XYPosition, avoidOthers = false) => {
      const point = screenToFlowPosition(screen);
      const wanted = { x: point.x - HALF_CARD.x, y: point.y - HALF_CARD.y };
      const position = avoidOthers
        ? freeSpot(wanted, Object.values(useAppStore.getState().flow?.layout ?? {}))
        : wanted;
      let added: string | null = null;
      useAppStore.getState().editFlow((flow) => {
        const result = addNode(flow, kind, position);
        added = result.nodeId;
        return result.flow;
      });
      if (added) useAppStore.getState().selectNode(added);
    },
    [screenToFlowPosition],
  );

  const addAtCentre = useCallback(
    (kind: NodeKind) => {
      const rect = storeApi.getState().domNode?.getBoundingClientRect();
      if (!rect) return;
      // A click has no drop point: take the centre, or the nearest spot beside it no node covers.
      addAt(kind, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }, true);
    },
    [addAt, storeApi],
  );

  return { addAt, addAtCentre };
}
