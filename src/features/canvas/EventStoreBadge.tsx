import { useShallow } from 'zustand/react/shallow';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';

/** On an aggregate's card: its streams and the concurrency conflicts it met. */
export function AggregateStreams({ nodeId }: { nodeId: string }) {
  const { streams, conflicts } = useAppStore(
    useShallow((s) => {
      const view = getOwn(s.frame?.eventStore?.aggregates, nodeId);
      return { streams: view?.streamCount ?? 0, conflicts: view?.conflicts ?? 0 };
    }),
  );
  return (
    <dl className="queue-depth">
      <div className="queue-depth-item">
        <dt>streams</dt> <dd>{streams.toLocaleString('en-US')}</dd>{' '}
      </div>
      <div className={conflicts > 0 ? 'queue-depth-item has-backlog' : 'queue-depth-item'}>
        <dt>conflicts</dt> <dd>{conflicts.toLocaleString('en-US')}</dd>{' '}
      </div>
    </dl>
  );
}

/** On a read model's card: how many events it has still to read from the event store. */
export function StoreLag({ nodeId }: { nodeId: string }) {
  const lag = useAppStore((s) => getOwn(s.frame?.eventStore?.subscriptions, nodeId)?.lag);
  if (lag === undefined) return null;
  return (
    <dl className="queue-depth">
      <div className={lag > 0 ? 'queue-depth-item has-backlog' : 'queue-depth-item'}>
        <dt>behind</dt> <dd>{lag.toLocaleString('en-US')}</dd>{' '}
      </div>
    </dl>
  );
}
