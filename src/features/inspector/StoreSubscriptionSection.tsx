import { useState } from 'react';
import { getOwn } from '../../lib/ownRecord';
import type { SubscriberNode } from '../../flow';
import { patchNode, rebuildReadModel, useAppStore } from '../../state';
import { TextSettingField } from './TextSettingField';

/** "OrderPlaced, OrderShipped" ↔ ["OrderPlaced", "OrderShipped"]; empty text is no filter. */
const parseTypes = (text: string | undefined): string[] | undefined => {
  const types = (text ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return types.length > 0 ? types : undefined;
};

/** A read model over the event store: the event types it reads, how far it trails the write side, and Rebuild. */
export function StoreSubscriptionSection({ node }: { node: SubscriberNode }) {
  const view = useAppStore((s) => getOwn(s.frame?.eventStore?.subscriptions, node.id));
  const storeSize = useAppStore((s) => s.frame?.eventStore?.events ?? 0);
  // Progress is measured against the store as it was when the rebuild started; later events are ordinary catch-up.
  const [rebuild, setRebuild] = useState<{ step: number; until: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const lag = view?.lag ?? 0;
  const start = async () => {
    setBusy(true);
    const until = storeSize;
    const step = await rebuildReadModel(node.id);
    setBusy(false);
    if (step !== null) setRebuild({ step, until });
  };
  const done = rebuild ? Math.min(view?.checkpoint ?? 0, rebuild.until) : 0;
  return (
    <section className="inspector-section">
      <h3>Event store subscription</h3>
      <TextSettingField
        label="Event types"
        value={node.eventTypes?.join(', ')}
        placeholder="all events of its aggregates"
        maxLength={2000}
        hint="Comma-separated: the events this read model reads from the aggregates wired to it."
        onCommit={(text) =>
          useAppStore.getState().editFlow((f) => patchNode(f, node.id, node.kind, { eventTypes: parseTypes(text) }))
        }
      />
      <p className={lag > 0 ? 'store-lag has-lag' : 'store-lag'} role="status" aria-label={`Lag of ${node.name}`}>
        {lag === 0
          ? 'Up to date with the event store'
          : `${lag.toLocaleString('en-US')} ${lag === 1 ? 'event' : 'events'} behind the event store (eventual consistency)`}
        {view && <span className="muted"> · checkpoint {view.checkpoint.toLocaleString('en-US')}</span>}
      </p>
      <div className="field-row">
        <button type="button" disabled={busy} onClick={() => void start()}>
          Rebuild read model
        </button>
        <span className="muted">Resets it and reads every event again with the current code.</span>
      </div>
      {rebuild && (
        <div className="rebuild-progress">
          <progress aria-label={`Rebuild of ${node.name}`} max={Math.max(1, rebuild.until)} value={done} />
          <span role="status">
            {done >= rebuild.until
              ? `Rebuilt from the ${rebuild.until.toLocaleString('en-US')} events stored at step ${rebuild.step}`
              : `Rebuilding: ${done.toLocaleString('en-US')} of ${rebuild.until.toLocaleString('en-US')} stored events read`}
          </span>
        </div>
      )}
    </section>
  );
}
