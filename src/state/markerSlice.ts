import type { StateCreator } from 'zustand';
import type { TimelineMarkers } from '../protocol';
import type { AppState } from './appStore';

export interface MarkerSlice {
  /** The current branch's timeline markers and bookmarks, as the worker last sent them. */
  markers: TimelineMarkers | null;
  setMarkers: (markers: TimelineMarkers) => void;
}

export const createMarkerSlice: StateCreator<AppState, [], [], MarkerSlice> = (set) => ({
  markers: null,
  setMarkers: (markers) => set({ markers }),
});
