import type { StateCreator } from 'zustand';
import type { StoredFlow, TabStorage } from '../protocol';
import type { AppState } from './appStore';

export interface TabStorageSlice {
  /** Whether this tab saves, as the worker said in hello; null until then. */
  tabStorage: TabStorage | null;
  /** The stored flow and the revision the worker last confirmed; an unsent edit is journaled against it. */
  storedFlow: StoredFlow | null;
  setTabStorage: (storage: TabStorage) => void;
  setStoredFlow: (stored: StoredFlow | null) => void;
}

export const createTabStorageSlice: StateCreator<AppState, [], [], TabStorageSlice> = (set) => ({
  tabStorage: null,
  storedFlow: null,
  setTabStorage: (tabStorage) => set({ tabStorage }),
  setStoredFlow: (storedFlow) => set({ storedFlow }),
});
