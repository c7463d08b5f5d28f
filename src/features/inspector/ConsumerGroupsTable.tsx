import { useId, useMemo } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { groupsOfTopic, parseTopicPartition, useAppStore, type GroupView } from '../../state';

function format(n: number | undefined): string {
  return n === undefined ? '–' : n.toLocaleString('en-US');
}

interface PartitionRow {
  readonly partition: number;
  readonly owner: string | undefined;
  readonly committed: number | undefined;
  readonly lag: number | undefined;
}

/** One row per partition of the topic: who owns it in this group, what the group committed, and its lag. */
function partitionRows(group: GroupView, topicId: string, partitions: number): PartitionRow[] {
  const owners = new Map<number, string>();
  for (const [member, keys] of Object.entries(group.assignment)) {
    for (const key of keys) {
      const tp = parseTopicPartition(key);
      if (tp.topic === topicId) owners.set(tp.partition, member);
    }
  }
  return Array.from({ length: partitions }, (_, partition) => ({
    partition,
    owner: owners.get(partition),
    committed: group.committed[`${topicId}:${partition}`],
    lag: group.lag[`${topicId}:${partition}`],
  }));
}

/** The consumer groups reading a topic at the cursor: generation, owner, committed offset and lag of each partition. */
export function ConsumerGroupsTable({ topicId }: { topicId: string }) {
  const headingId = useId();
  const flow = useAppStore((s) => s.flow);
  const groupIds = useAppStore((s) => (s.flow ? groupsOfTopic(s.flow, s.frame, topicId).join('\n') : ''));
  const partitions = useAppStore((s) => getOwn(s.frame?.topics, topicId)?.partitions.length ?? 0);
  // A string compares by value: the table re-renders only when one of its groups changed.
  const json = useAppStore((s) =>
    JSON.stringify(
      groupIds === '' ? [] : groupIds.split('\n').map((id) => [id, getOwn(s.frame?.groups, id) ?? null] as const),
    ),
  );
  const groups = useMemo(() => JSON.parse(json) as [string, GroupView | null][], [json]);
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <section className="inspector-section">
      <h3 id={headingId}>Consumer groups</h3>
      {groups.length === 0 ? (
        <p className="muted">No consumer or projection reads this topic.</p>
      ) : (
        <table className="inspector-table group-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Member</th>
              <th scope="col">Committed</th>
              <th scope="col">Lag</th>
            </tr>
          </thead>
          {groups.map(([groupId, group]) => {
            const idle = group
              ? Object.entries(group.assignment).filter(([, keys]) => !keys.some((k) => k.startsWith(`${topicId}:`)))
              : [];
            return (
              <tbody key={groupId}>
                <tr className="group-table-group">
                  <th scope="rowgroup" colSpan={4}>
                    <span className="group-table-name">{groupId}</span>
                    {group ? (
                      <span className="group-table-meta">
                        {' '}
                        · generation {group.generation} · {group.assignor} · total lag {format(group.totalLag)}
                        {idle.length > 0 && ` · idle: ${idle.map(([member]) => nameOf(member)).join(', ')}`}
                      </span>
                    ) : (
                      <span className="group-table-meta"> · not started</span>
                    )}
                  </th>
                </tr>
                {group &&
                  partitionRows(group, topicId, partitions).map((row) => (
                    <tr key={row.partition}>
                      <th scope="row">{row.partition}</th>
                      <td
                        className={
                          row.owner !== undefined && group.crashed.includes(row.owner) ? 'is-crashed' : undefined
                        }
                      >
                        {row.owner === undefined ? '–' : nameOf(row.owner)}
                        {row.owner !== undefined && group.crashed.includes(row.owner) && ' (crashed)'}
                      </td>
                      <td>{format(row.committed)}</td>
                      <td className={row.lag !== undefined && row.lag > 0 ? 'has-lag' : undefined}>
                        {format(row.lag)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            );
          })}
        </table>
      )}
    </section>
  );
}
