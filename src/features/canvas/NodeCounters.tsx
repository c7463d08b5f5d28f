import type { CSSProperties } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useShallow } from 'zustand/react/shallow';
import type { NodeKind } from '../../flow';
import { useAppStore } from '../../state';
import { useKindUi } from '../kindUi/KindUiContext';

const ZERO = { published: 0, delivered: 0, handled: 0, failed: 0 };

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** The counters that mean something for a kind (its UI registry entry); re-renders only when this node's counters change. */
export function NodeCounters({ nodeId, kind }: { nodeId: string; kind: NodeKind }) {
  const counters = useAppStore(useShallow((s) => getOwn(s.frame?.counters, nodeId) ?? ZERO));
  const specs = useKindUi(kind).counters;
  return (
    <dl className="node-counters" style={{ '--counter-count': specs.length } as CSSProperties}>
      {specs.map((spec) => (
        <Counter
          key={spec.key}
          label={spec.label}
          value={counters[spec.key]}
          alarm={spec.alarm === true && counters[spec.key] > 0}
        />
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
