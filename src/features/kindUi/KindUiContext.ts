import { createContext, useContext } from 'react';
import type { NodeKind } from '../../flow';
import type { KindUi, KindUiTable } from './kindUi';

/** The UI registry (src/kinds/uiRegistry.ts), given by App: features sit below the kinds' UI parts and never import them. */
export const KindUiContext = createContext<KindUiTable | null>(null);

export function useKindUiTable(): KindUiTable {
  const table = useContext(KindUiContext);
  if (!table) throw new Error('KindUiContext has no value: App provides the UI registry');
  return table;
}

/** How a kind looks, seen through the node union. */
export function useKindUi(kind: NodeKind): KindUi<NodeKind> {
  return useKindUiTable()[kind];
}
