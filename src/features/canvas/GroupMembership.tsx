import { useShallow } from 'zustand/react/shallow';
import type { SubscriberNode } from '../../flow';
import { memberStatus, shortPartitionList, useAppStore } from '../../state';

const NONE = { groupId: '', partitions: null, lag: 0, crashed: false, generation: 0 } as const;

/**
 * A subscriber's place in its consumer group: the group (when shared), its partitions or "idle",
 * and its lag (the card itself marks a crash). Nothing before the engine reports the group.
 */
export function GroupMembership({ node }: { node: SubscriberNode }) {
  const status = useAppStore(useShallow((s) => memberStatus(s.frame, node) ?? NONE));
  const flow = useAppStore((s) => s.flow);
  if (status === NONE) return null;
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;
  const keys = status.partitions === null || status.partitions === '' ? [] : status.partitions.split(' ');
  const partitions = status.partitions === null ? '–' : keys.length === 0 ? 'idle' : shortPartitionList(keys, nameOf);
  const ownGroup = status.groupId === node.id;
  return (
    <dl className="group-membership">
      {!ownGroup && (
        <div className="membership-item membership-group">
          <dt className="visually-hidden">group</dt>{' '}
          <dd title={`consumer group ${status.groupId}`}>{status.groupId}</dd>{' '}
        </div>
      )}
      <div
        className={
          keys.length === 0 ? 'membership-item membership-partitions is-idle' : 'membership-item membership-partitions'
        }
      >
        <dt className="visually-hidden">partitions</dt>{' '}
        <dd title={status.partitions === null ? 'not a member of the group' : 'assigned partitions'}>
          {partitions}
        </dd>{' '}
      </div>
      <div className={status.lag > 0 ? 'membership-item membership-lag has-lag' : 'membership-item membership-lag'}>
        <dt>lag</dt> <dd>{status.lag.toLocaleString('en-US')}</dd>{' '}
      </div>
    </dl>
  );
}
