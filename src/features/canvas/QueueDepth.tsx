import { useShallow } from 'zustand/react/shallow';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';

const EMPTY = { ready: 0, unacked: 0 };

/** A queue's depth at the cursor: messages ready for a consumer, and delivered but not yet acked. */
export function QueueDepth({ queueId }: { queueId: string }) {
  const { ready, unacked } = useAppStore(
    useShallow((s) => {
      const view = getOwn(s.frame?.queues, queueId);
      return view ? { ready: view.ready, unacked: view.unacked } : EMPTY;
    }),
  );
  return (
    <dl className="queue-depth">
      <div className={ready > 0 ? 'queue-depth-item has-backlog' : 'queue-depth-item'}>
        <dt>ready</dt> <dd>{ready.toLocaleString('en-US')}</dd>{' '}
      </div>
      <div className="queue-depth-item">
        <dt>unacked</dt> <dd>{unacked.toLocaleString('en-US')}</dd>{' '}
      </div>
    </dl>
  );
}
