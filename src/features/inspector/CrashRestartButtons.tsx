import { useState } from 'react';
import { controlConsumer } from '../../state';

/** Crash a consumer (it stops without a word to its brokers) or restart it, with the step that recorded it. */
export function CrashRestartButtons({ nodeId, crashed }: { nodeId: string; crashed: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const control = async (action: 'crash' | 'restart') => {
    setBusy(true);
    const step = await controlConsumer(nodeId, action);
    setBusy(false);
    setMessage(step === null ? null : `${action === 'crash' ? 'Crashed' : 'Restarted'} as step ${step}`);
  };
  return (
    <div className="field-row">
      {crashed ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void control('restart')}>
          Restart consumer
        </button>
      ) : (
        <button type="button" className="danger" disabled={busy} onClick={() => void control('crash')}>
          Crash consumer
        </button>
      )}
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}
