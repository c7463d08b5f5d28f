import type { StoredWork } from '../../protocol';

/** Opening a flow was asked without `replace` while the open one holds work: refused, so the person can choose. */
export class WouldReplaceWork extends Error {
  constructor(readonly work: StoredWork) {
    super(`Opening this flow would delete "${work.name}" and its stored run; it was not opened.`);
  }
}
