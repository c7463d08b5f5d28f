import { useEffect, useRef } from 'react';
import { fetchRows, LOG_BLOCK, useAppStore } from '../../state';

/** Fetches, block by block, the rows of [first, last] that the cache does not hold yet. */
export function useLogRows(first: number, last: number, head: number): void {
  const blocks = useAppStore((s) => s.logBlocks);
  const branchId = useAppStore((s) => s.logBranchId);
  const pending = useRef(new Set<string>());
  // Block → head when a fetch of it came back incomplete; retried only once the head moves.
  const short = useRef(new Map<string, number>());

  useEffect(() => {
    if (head === 0 || last < first) return;
    const end = Math.min(last, head - 1);
    for (let block = Math.floor(first / LOG_BLOCK); block <= Math.floor(end / LOG_BLOCK); block++) {
      const key = `${branchId ?? ''}:${block}`;
      if (pending.current.has(key) || short.current.get(key) === head) continue;
      const rows = blocks[block];
      const from = Math.max(first, block * LOG_BLOCK);
      const to = Math.min(end, block * LOG_BLOCK + LOG_BLOCK - 1);
      let missing = false;
      for (let step = from; step <= to && !missing; step++) missing = rows?.[step % LOG_BLOCK] === undefined;
      if (!missing) continue;
      pending.current.add(key);
      const start = block * LOG_BLOCK;
      void fetchRows(start, Math.min(LOG_BLOCK, head - start)).finally(() => {
        pending.current.delete(key);
        short.current.set(key, head);
      });
    }
  }, [first, last, head, blocks, branchId]);
}
