import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

interface Notice {
  readonly id: number;
  readonly level: 'error' | 'warning' | 'info';
  readonly message: string;
  /** How many times the same message arrived in a row. */
  readonly count: number;
}

export interface NoticeSlice {
  notices: readonly Notice[];
  pushNotice: (notice: { level: Notice['level']; message: string }) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;
// Older notices scroll away; a person reads the newest few.
const MAX_NOTICES = 5;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  pushNotice: ({ level, message }) =>
    set((s) => {
      const last = s.notices[s.notices.length - 1];
      if (last && last.level === level && last.message === message)
        return { notices: [...s.notices.slice(0, -1), { ...last, count: last.count + 1 }] };
      return { notices: [...s.notices, { id: nextNoticeId++, level, message, count: 1 }].slice(-MAX_NOTICES) };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
