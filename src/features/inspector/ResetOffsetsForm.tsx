import { useState } from 'react';
import { resetGroupOffsets } from '../../state';
import { Field } from './Field';

type TargetKind = 'earliest' | 'latest' | 'offset' | 'timestamp';

/**
 * Kafka's `kafka-consumer-groups --reset-offsets`: move a stopped group's committed offsets to
 * replay (earliest, a time) or skip (latest). Kafka refuses while the group has members, so does this.
 */
export function ResetOffsetsForm({ group }: { group: string }) {
  const [kind, setKind] = useState<TargetKind>('earliest');
  const [value, setValue] = useState('0');
  const [message, setMessage] = useState<string | null>(null);
  const number = Number(value);
  const needsValue = kind === 'offset' || kind === 'timestamp';
  const valid = !needsValue || (value.trim() !== '' && Number.isFinite(number) && number >= 0);
  const reset = async () => {
    const target =
      kind === 'offset'
        ? { to: kind, offset: Math.floor(number) }
        : kind === 'timestamp'
          ? { to: kind, timestamp: number * 1000 }
          : { to: kind };
    const step = await resetGroupOffsets(group, target);
    setMessage(step === null ? null : `Offsets reset as step ${step}`);
  };
  return (
    <section className="inspector-section" aria-label="Reset offsets">
      <h3>Reset offsets of {group}</h3>
      <Field label="Reset offsets to">
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
            <option value="earliest">earliest (replay all)</option>
            <option value="latest">latest (skip to the end)</option>
            <option value="offset">an offset</option>
            <option value="timestamp">a time (virtual s)</option>
          </select>
        )}
      </Field>
      {needsValue && (
        <Field label={kind === 'offset' ? 'Offset' : 'Time (s)'} error={valid ? null : 'must be a number, 0 or more'}>
          {(control) => (
            <input {...control} type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
      )}
      <div className="field-row">
        <button type="button" disabled={!valid} onClick={() => void reset()}>
          Reset offsets
        </button>
        <span role="status" className="muted">
          {message}
        </span>
      </div>
      <p className="muted">
        Only while the group has no members: crash its consumers and wait for their session timeout, then restart them
        to replay.
      </p>
    </section>
  );
}
