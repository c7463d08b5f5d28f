import type { CSSProperties } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';

// Up to this many partitions each cell shows its number and high watermark; beyond, bars only.
const LABELLED_MAX = 12;

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** One small cell per partition, filled in proportion to its high watermark; re-renders only when one moves. */
export function TopicPartitionStrip({ topicId }: { topicId: string }) {
  // A string compares by value: a frame that changed no watermark re-renders nothing.
  const marks = useAppStore(
    (s) =>
      getOwn(s.frame?.topics, topicId)
        ?.partitions.map((p) => p.highWatermark)
        .join(',') ?? '',
  );
  if (marks === '') return null;
  const watermarks = marks.split(',').map(Number);
  const max = Math.max(1, ...watermarks);
  const labelled = watermarks.length <= LABELLED_MAX;
  return (
    <ul className={labelled ? 'partition-strip' : 'partition-strip is-dense'} aria-label="High watermarks">
      {watermarks.map((mark, partition) => (
        <li
          key={partition}
          className="partition-cell"
          style={{ '--fill': `${Math.round((mark / max) * 100)}%` } as CSSProperties}
          title={`partition ${partition}: high watermark ${format(mark)}`}
        >
          {labelled ? (
            <>
              <span className="partition-name">p{partition}</span>{' '}
              <span className="partition-mark">{format(mark)}</span>
            </>
          ) : (
            <span className="visually-hidden">
              p{partition} {format(mark)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
