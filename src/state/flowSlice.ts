import type { StateCreator } from 'zustand';
import type { FlowDocument } from '../flow';
import type { AppState } from './appStore';
import { emptyFlow } from './flowEdits';

export interface FlowSlice {
  /** The document being edited; null until the worker or an example gives one. */
  flow: FlowDocument | null;
  /** Bumped whenever a flow is loaded (not edited), so the canvas fits the new flow to view. */
  flowLoadId: number;
  /** Bumped by every local edit; the sync sends the flow when it differs from syncedRevision. */
  editRevision: number;
  syncedRevision: number;
  selectedNodeId: string | null;
  /** The node whose handler code is open in the code editor. */
  codeNodeId: string | null;
  /** Whether the Schemas panel is open. */
  schemasOpen: boolean;
  /** Node id → why its handler does not compile, from the latest updateFlow reply. */
  codeErrors: Readonly<Record<string, string>>;
  loadFlow: (flow: FlowDocument) => void;
  /** Shows the flow of another branch: keeps the viewport and the selection if the node is still there. */
  adoptBranchFlow: (flow: FlowDocument) => void;
  /** Applies an edit that returns a NEW document (never mutates the old one). */
  editFlow: (edit: (flow: FlowDocument) => FlowDocument) => void;
  markSynced: (revision: number) => void;
  selectNode: (nodeId: string | null) => void;
  openCodeEditor: (nodeId: string | null) => void;
  openSchemas: (open: boolean) => void;
  setCodeErrors: (errors: Readonly<Record<string, string>>) => void;
}

export const createFlowSlice: StateCreator<AppState, [], [], FlowSlice> = (set, get) => ({
  flow: null,
  flowLoadId: 0,
  editRevision: 0,
  syncedRevision: 0,
  selectedNodeId: null,
  codeNodeId: null,
  schemasOpen: false,
  codeErrors: {},
  loadFlow: (flow) =>
    set((s) => ({
      flow,
      flowLoadId: s.flowLoadId + 1,
      // Edits still waiting for the debounce belong to the old flow: drop them.
      syncedRevision: s.editRevision,
      selectedNodeId: null,
      codeNodeId: null,
      codeErrors: {},
    })),
  adoptBranchFlow: (flow) =>
    set((s) => {
      const has = (id: string | null) => (id !== null && flow.nodes.some((n) => n.id === id) ? id : null);
      return {
        flow,
        syncedRevision: s.editRevision,
        selectedNodeId: has(s.selectedNodeId),
        codeNodeId: has(s.codeNodeId),
        codeErrors: {},
      };
    }),
  editFlow: (edit) => {
    const next = edit(get().flow ?? emptyFlow());
    if (next === get().flow) return;
    set((s) => ({
      flow: next,
      editRevision: s.editRevision + 1,
      selectedNodeId: s.selectedNodeId && next.nodes.some((n) => n.id === s.selectedNodeId) ? s.selectedNodeId : null,
      codeNodeId: s.codeNodeId && next.nodes.some((n) => n.id === s.codeNodeId) ? s.codeNodeId : null,
    }));
  },
  markSynced: (revision) => set({ syncedRevision: revision }),
  selectNode: (nodeId) => set((s) => (s.selectedNodeId === nodeId ? s : { selectedNodeId: nodeId })),
  openCodeEditor: (nodeId) => set({ codeNodeId: nodeId }),
  openSchemas: (open) => set({ schemasOpen: open }),
  setCodeErrors: (errors) => set({ codeErrors: errors }),
});
