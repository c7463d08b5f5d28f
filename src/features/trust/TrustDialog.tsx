import { useEffect, useId, useMemo, useRef } from 'react';
import { flowCode, trustFlow, useAppStore } from '../../state';
import './trust.css';

/** Asks before an untrusted flow's code may run, listing the code it carries. */
export function TrustDialog() {
  const prompt = useAppStore((s) => s.trustPrompt);
  const flow = useAppStore((s) => s.flow);
  const close = useAppStore((s) => s.closeTrustPrompt);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const code = useMemo(() => (flow ? flowCode(flow) : null), [flow]);

  useEffect(() => {
    if (prompt) dialog.current?.showModal();
    else dialog.current?.close();
  }, [prompt]);

  if (!prompt || !flow || !code) return null;
  const parts = [
    { label: 'Handler and decider code', items: code.handlers },
    { label: 'Payload and key templates', items: code.templates },
    { label: 'Schema upcasters', items: code.upcasters },
    { label: 'Invariants', items: code.invariants },
  ].filter((part) => part.items.length > 0);
  const action = prompt.then === 'play' ? 'Trust and play' : prompt.then === 'step' ? 'Trust and step' : 'Trust';
  return (
    <dialog ref={dialog} className="modal-dialog trust-dialog" aria-labelledby={titleId} onClose={close}>
      <h2 id={titleId}>Trust “{flow.name}”?</h2>
      <p>
        Its code came from outside this browser and has not run. Trusting it lets it run in Tidemark’s sandbox, where it
        cannot reach the network, your stored flows, this page or the real clock. Trust code you have read, or whose
        author you trust.
      </p>
      {parts.length === 0 ? (
        <p>It carries no code of its own.</p>
      ) : (
        <ul className="trust-code" aria-label="Code this flow carries">
          {parts.map((part) => (
            <li key={part.label}>
              <strong>{part.label}:</strong> {part.items.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <div className="trust-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void trustFlow()}>
          {action}
        </button>
      </div>
    </dialog>
  );
}
