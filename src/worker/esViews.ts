import type { SubscriberNode, FlowDocument } from '../flow';
import { type RunContext, storeLag } from '../engine';
import { getOwn, hasOwn, setOwn } from '../lib/ownRecord';
import { STREAM_ROWS, type EventStoreView } from '../protocol';

/** What the UI shows of the event store: streams per aggregate (most recently written first), conflicts, and each subscriber's lag. */
export function esViews(run: RunContext, flow: FlowDocument): EventStoreView {
  const { store, owners, conflicts } = run.state.es;
  const aggregates: Record<
    string,
    { streamCount: number; streams: { id: string; version: number }[]; conflicts: number }
  > = {};
  for (const node of flow.nodes)
    if (node.kind === 'aggregate')
      setOwn(aggregates, node.id, { streamCount: 0, streams: [], conflicts: getOwn(conflicts, node.id) ?? 0 });
  // Walking the log backwards finds the most recently written streams first and stops early.
  const seen = new Set<string>();
  for (let p = store.log.length - 1; p >= 0 && seen.size < STREAM_ROWS * Object.keys(aggregates).length; p--) {
    const { streamId } = store.log[p]!;
    if (seen.has(streamId)) continue;
    seen.add(streamId);
    const view = getOwn(aggregates, getOwn(owners, streamId) ?? '');
    if (view && view.streams.length < STREAM_ROWS)
      view.streams.push({ id: streamId, version: getOwn(store.streams, streamId)?.length ?? 0 });
  }
  for (const [streamId, owner] of Object.entries(owners)) {
    const view = getOwn(aggregates, owner);
    if (view && hasOwn(store.streams, streamId)) view.streamCount++;
  }
  const subscriptions: Record<string, { checkpoint: number; lag: number }> = {};
  for (const edge of flow.edges) {
    const target = flow.nodes.find((n) => n.id === edge.target);
    if (
      (target?.kind !== 'consumer' && target?.kind !== 'projection') ||
      !hasOwn(aggregates, edge.source) ||
      hasOwn(subscriptions, target.id)
    )
      continue;
    const node = run.node(target.id) as SubscriberNode | undefined;
    if (!node) continue;
    setOwn(subscriptions, target.id, {
      checkpoint: getOwn(run.state.es.subscriptions, target.id)?.checkpoint ?? 0,
      lag: storeLag(run, node),
    });
  }
  return { events: store.log.length, aggregates, subscriptions };
}
