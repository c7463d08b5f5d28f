import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeKind } from '../../flow/nodeKind';
import { useAppStore } from '../../state';

const ZERO = { published: 0, delivered: 0, handled: 0, failed: 0 };

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** The counters that mean something for a kind; re-renders only when this node's counters change. */
export function NodeCounters({ nodeId, kind }: { nodeId: string; kind: NodeKind }) {
  const counters = useAppStore(useShallow((s) => s.frame?.counters[nodeId] ?? ZERO));
  if (kind === 'producer') {
    return (
      <dl className="node-counters" style={{ '--counter-count': 1 } as CSSProperties}>
        <Counter label="published" value={counters.published} />
      </dl>
    );
  }
  if (kind === 'topic') {
    return (
      <dl className="node-counters" style={{ '--counter-count': 2 } as CSSProperties}>
        <Counter label="published" value={counters.published} />
        <Counter label="delivered" value={counters.delivered} />
      </dl>
    );
  }
  return (
    <dl className="node-counters">
      <Counter label="delivered" value={counters.delivered} />
      <Counter label="handled" value={counters.handled} />
      <Counter label="failed" value={counters.failed} alarm={counters.failed > 0} />
    </dl>
  );
}

function Counter({ label, value, alarm = false }: { label: string; value: number; alarm?: boolean }) {
  return (
    // The spaces make the text read "delivered 6" for assistive tech and text queries, not "delivered6".
    <div className={alarm ? 'node-counter is-failed' : 'node-counter'}>
      <dt>{label}</dt> <dd>{format(value)}</dd>{' '}
    </div>
  );
}
