import type { StateCreator } from 'zustand';
import type { StoredWork } from '../protocol';
import type { AppState } from './appStore';

/** What the person asked for that needs the flow trusted first; done once they trust it. */
type AfterTrust = 'play' | 'step' | null;

interface ReplacePrompt {
  /** What opening would delete. */
  readonly work: StoredWork;
  /** The flow about to be opened, as the person knows it ("Open example …", a file name). */
  readonly opening: string;
  readonly answer: (replace: boolean) => void;
}

/** Questions the app asks before it acts: trusting a flow's code, replacing stored work. */
export interface PromptSlice {
  /** Whether the open flow's code may run (the worker says; an untrusted flow's code is only parsed). */
  trusted: boolean;
  /** The trust dialog is open; `then` is what to do once trusted. */
  trustPrompt: { readonly then: AfterTrust } | null;
  replacePrompt: ReplacePrompt | null;
  setTrusted: (trusted: boolean) => void;
  askTrust: (then: AfterTrust) => void;
  closeTrustPrompt: () => void;
  /** Resolves with the person's answer: true to replace their stored work. */
  askToReplace: (work: StoredWork, opening: string) => Promise<boolean>;
}

export const createPromptSlice: StateCreator<AppState, [], [], PromptSlice> = (set) => ({
  trusted: true,
  trustPrompt: null,
  replacePrompt: null,
  setTrusted: (trusted) => set({ trusted }),
  askTrust: (then) => set({ trustPrompt: { then } }),
  closeTrustPrompt: () => set({ trustPrompt: null }),
  askToReplace: (work, opening) =>
    new Promise<boolean>((resolve) => {
      set({
        replacePrompt: {
          work,
          opening,
          answer: (replace) => {
            set({ replacePrompt: null });
            resolve(replace);
          },
        },
      });
    }),
});
