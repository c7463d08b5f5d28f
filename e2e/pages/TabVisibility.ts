import type { Page } from '@playwright/test';

interface VisibilityHook {
  set(hidden: boolean): void;
  /** Animation frame callbacks that ran while the page was hidden (a hidden page paints nothing). */
  ranWhileHidden(): number;
}

declare global {
  interface Window {
    __tabVisibility?: VisibilityHook;
  }
}

/**
 * Hides and shows the page as a browser does when another tab comes to the front. Headless
 * Chromium never hides a page itself (bringToFront, a background target, minimising and
 * Page.setWebLifecycleState all leave it visible and painting), so an init script makes
 * document.visibilityState say so, sends visibilitychange, and holds animation frames until shown.
 */
export class TabVisibility {
  constructor(private readonly page: Page) {}

  /** Before the page loads: the app reads visibility from its first frame. */
  async install(): Promise<void> {
    await this.page.addInitScript(() => {
      let hidden = false;
      let ranWhileHidden = 0;
      const held: FrameRequestCallback[] = [];
      const paint = window.requestAnimationFrame.bind(window);
      Object.defineProperty(Document.prototype, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
      window.requestAnimationFrame = (callback) =>
        paint((time) => {
          if (!hidden) return callback(time);
          held.push(callback);
        });
      window.__tabVisibility = {
        set(next) {
          hidden = next;
          document.dispatchEvent(new Event('visibilitychange'));
          if (!hidden) for (const callback of held.splice(0)) paint(callback);
        },
        ranWhileHidden: () => ranWhileHidden,
      };
      // Counts frames that would break the emulation: none may run while hidden.
      const probe = (): void => {
        if (hidden) ranWhileHidden++;
        window.requestAnimationFrame(probe);
      };
      window.requestAnimationFrame(probe);
    });
  }

  async hide(): Promise<void> {
    await this.page.evaluate(() => window.__tabVisibility?.set(true));
  }

  async show(): Promise<void> {
    await this.page.evaluate(() => window.__tabVisibility?.set(false));
  }

  ranWhileHidden(): Promise<number> {
    return this.page.evaluate(() => window.__tabVisibility?.ranWhileHidden() ?? -1);
  }
}
