import { useShallow } from 'zustand/react/shallow';
import type { SubscriberNode } from '../../flow';
import { bracketList, groupIdOf, memberStatus, useAppStore } from '../../state';
import { CrashRestartButtons } from './CrashRestartButtons';

/** Where the subscriber stands in its group at the cursor, and the buttons that crash or restart it. */
export function ConsumerMembership({ node }: { node: SubscriberNode }) {
  const status = useAppStore(useShallow((s) => memberStatus(s.frame, node)));
  const running = useAppStore((s) => (s.frame?.head ?? 0) > 0);
  const flow = useAppStore((s) => s.flow);
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;
  const crashed = status?.crashed ?? false;

  const keys = status?.partitions ? status.partitions.split(' ') : [];
  const partitions =
    status === null || status.partitions === null
      ? 'not a member'
      : keys.length === 0
        ? 'idle (more members than partitions)'
        : bracketList(keys, nameOf);
  return (
    <section className="inspector-section">
      <h3>Membership</h3>
      {status === null ? (
        <p className="muted">
          {running ? `Not in group "${groupIdOf(node)}" at this step.` : 'Joins its group when the run starts.'}
        </p>
      ) : (
        <dl className="membership-list">
          <dt>Group</dt>
          <dd>
            {status.groupId} · generation {status.generation}
          </dd>
          <dt>Partitions</dt>
          <dd>{partitions}</dd>
          <dt>Lag</dt>
          <dd>{status.lag.toLocaleString('en-US')}</dd>
        </dl>
      )}
      {crashed && (
        <p className="crashed-note">
          Crashed: it reads and commits nothing, and keeps its partitions until the group’s session timeout expires.
        </p>
      )}
      <CrashRestartButtons nodeId={node.id} crashed={crashed} />
    </section>
  );
}
