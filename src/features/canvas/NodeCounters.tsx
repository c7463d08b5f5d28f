import type { CSSProperties } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useShallow } from 'zustand/react/shallow';
import type { Counters } from '../../engine/counters';
import type { NodeKind } from '../../flow/nodeKind';
import { useAppStore } from '../../state';

const ZERO = { published: 0, delivered: 0, handled: 0, failed: 0 };

interface CounterSpec {
  readonly key: keyof Counters;
  readonly label: string;
  /** Shown in red once above zero. */
  readonly alarm?: true;
}

/** The counters that mean something for each kind, under the names its broker uses. */
const COUNTERS: Readonly<Record<NodeKind, readonly CounterSpec[]>> = {
  producer: [{ key: 'published', label: 'published' }],
  topic: [
    { key: 'published', label: 'published' },
    { key: 'delivered', label: 'delivered' },
  ],
  exchange: [
    { key: 'published', label: 'received' },
    { key: 'delivered', label: 'routed' },
    { key: 'failed', label: 'unroutable', alarm: true },
  ],
  queue: [
    { key: 'published', label: 'enqueued' },
    { key: 'handled', label: 'acked' },
    { key: 'failed', label: 'dead', alarm: true },
  ],
  pubsub: [
    { key: 'published', label: 'published' },
    { key: 'delivered', label: 'delivered' },
    { key: 'failed', label: 'dropped', alarm: true },
  ],
  command: [
    { key: 'published', label: 'sent' },
    { key: 'failed', label: 'failed', alarm: true },
  ],
  aggregate: [
    { key: 'handled', label: 'accepted' },
    { key: 'published', label: 'events' },
    { key: 'failed', label: 'refused', alarm: true },
  ],
  consumer: [
    { key: 'delivered', label: 'delivered' },
    { key: 'handled', label: 'handled' },
    { key: 'failed', label: 'failed', alarm: true },
  ],
  projection: [
    { key: 'delivered', label: 'delivered' },
    { key: 'handled', label: 'handled' },
    { key: 'failed', label: 'failed', alarm: true },
  ],
};

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** The counters that mean something for a kind; re-renders only when this node's counters change. */
export function NodeCounters({ nodeId, kind }: { nodeId: string; kind: NodeKind }) {
  const counters = useAppStore(useShallow((s) => getOwn(s.frame?.counters, nodeId) ?? ZERO));
  const specs = COUNTERS[kind];
  return (
    <dl className="node-counters" style={{ '--counter-count': specs.length } as CSSProperties}>
      {specs.map((spec) => (
        <Counter key={spec.key} label={spec.label} value={counters[spec.key]} alarm={spec.alarm === true && counters[spec.key] > 0} />
      ))}
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
