import { useId } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** Each partition's log start offset and high watermark at the cursor. */
export function TopicPartitionsTable({ topicId }: { topicId: string }) {
  const headingId = useId();
  // "start:end,start:end": a string compares by value, so an unchanged topic does not re-render.
  const text = useAppStore(
    (s) =>
      getOwn(s.frame?.topics, topicId)
        ?.partitions.map((p) => `${p.logStartOffset}:${p.highWatermark}`)
        .join(',') ?? '',
  );
  const partitions = text === '' ? [] : text.split(',').map((pair) => pair.split(':').map(Number));
  return (
    <section className="inspector-section">
      <h3 id={headingId}>Partitions</h3>
      {partitions.length === 0 ? (
        <p className="muted">No records yet. Press Play or Step.</p>
      ) : (
        <table className="inspector-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Log start offset</th>
              <th scope="col">High watermark</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map(([start = 0, end = 0], partition) => (
              <tr key={partition}>
                <th scope="row">{partition}</th>
                <td>{format(start)}</td>
                <td>{format(end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
