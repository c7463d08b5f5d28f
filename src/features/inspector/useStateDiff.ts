import { useEffect, useRef, useState } from 'react';
import { compareNodeState, type NodeStateDiff } from '../../state';

export type DiffResult =
  { readonly key: string; readonly diff: NodeStateDiff } | { readonly key: string; readonly problem: string };

interface Wanted {
  readonly key: string;
  readonly node: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The node's state diff between two positions, asked of the worker. One request at a time: while one
 * is out (the cursor runs ahead while playing), only the latest wish is sent next.
 */
export function useStateDiff(
  node: string,
  from: number | null,
  to: number | null,
  branchId: string,
): DiffResult | null {
  const [result, setResult] = useState<DiffResult | null>(null);
  const busy = useRef(false);
  const latest = useRef<Wanted | null>(null);

  useEffect(() => {
    if (from === null || to === null) {
      latest.current = null;
      return;
    }
    const wanted = { key: `${branchId}|${node}|${from}|${to}`, node, from, to };
    latest.current = wanted;
    if (busy.current) return;
    const send = (next: Wanted): void => {
      busy.current = true;
      void compareNodeState(next.node, next.from, next.to).then((reply) => {
        busy.current = false;
        setResult('problem' in reply ? { key: next.key, problem: reply.problem } : { key: next.key, diff: reply });
        const after = latest.current;
        if (after && after.key !== next.key) send(after);
      });
    };
    send(wanted);
  }, [node, from, to, branchId]);

  return result;
}
