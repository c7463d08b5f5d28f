import type { TraceLink } from '../../engine';

/**
 * The ids upstream of `focus` (what caused it), `focus`, and downstream (what it caused): the
 * chain a trace draws strong. Links are in step order; each names what it consumed and produced.
 */
export function causalSets(links: readonly TraceLink[], focus: string): { chain: Set<string> } {
  const producedBy = new Map<string, TraceLink>();
  for (const link of links) for (const p of link.produced) producedBy.set(p, link);
  const chain = new Set<string>([focus]);
  for (
    let cause = producedBy.get(focus)?.cause;
    cause !== undefined && !chain.has(cause);
    cause = producedBy.get(cause)?.cause
  )
    chain.add(cause);
  // Downstream: every id produced by a step that consumed something already in the forward set.
  const forward = new Set<string>([focus]);
  for (const link of links) {
    if (link.cause === undefined || !forward.has(link.cause)) continue;
    for (const p of link.produced) forward.add(p);
  }
  for (const id of forward) chain.add(id);
  return { chain };
}
