import { memo } from 'react';
import { selectLogRow, traceableId, traceId, useAppStore } from '../../state';
import { describeStep } from './describeStep';

interface LogRowProps {
  readonly step: number;
  readonly top: number;
  readonly current: boolean;
  readonly nameOf: (nodeId: string) => string;
}

/** One step of the log; a placeholder until its block has been fetched. */
export const LogRow = memo(function LogRow({ step, top, current, nameOf }: LogRowProps) {
  const record = useAppStore(selectLogRow(step));
  const description = record ? describeStep(record, nameOf) : null;
  const classes = [
    'log-row',
    description?.failed ? 'is-failed' : '',
    current ? 'is-current' : '',
    record?.kind ?? 'is-loading',
  ];
  const title = description ? [description.what, ...description.logs].join('\n') : undefined;
  const traceable = record ? traceableId(record) : undefined;
  return (
    <div
      role="row"
      data-step={step}
      aria-rowindex={step + 2}
      aria-current={current ? 'true' : undefined}
      className={classes.filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      title={title}
    >
      <span role="cell" className="log-step">
        {step}
      </span>
      <span role="cell" className="log-time">
        {record ? (record.time / 1000).toFixed(3) : ''}
      </span>
      <span role="cell" className="log-node">
        {record
          ? record.kind === 'rebalance' && record.node === ''
            ? `group ${record.group}`
            : nameOf(record.node)
          : ''}
      </span>
      <span role="cell" className="log-what">
        {/* An icon drawn by CSS: the cell's text stays the step's description. */}
        {traceable && (
          <button
            type="button"
            className="log-trace"
            aria-label={`Trace ${traceable.type} ${traceable.id}`}
            title="Causation trace"
            onClick={() => void traceId(traceable.id)}
          />
        )}
        {description ? description.what : 'Loading…'}
        {description && description.logs.length > 0 && (
          <span className="log-lines"> · {description.logs.join(' · ')}</span>
        )}
      </span>
    </div>
  );
});
