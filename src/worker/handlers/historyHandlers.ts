import type { Session } from '../session';
import type { HandlerGroup } from './handlerRegistry';

/** The time-travel requests: seek, rows of the log, branches. */
export function historyHandlers(session: Session): HandlerGroup {
  return {
    seek: async ({ step }) => (await session.seek(step), null),
    getRows: async ({ from, count }) => ({ from, rows: await session.rows(from, Math.min(count, 2000)) }),
    fork: async ({ name }) => {
      await session.fork(name.trim() || `branch ${session.branches.size}`);
      return { branches: session.branchInfos() };
    },
    switchBranch: async ({ branchId }) => {
      await session.switchBranch(branchId);
      session.pushFrame();
      return { branches: session.branchInfos(), flow: session.flow! };
    },
  };
}
