import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../../state';
import { downloadFlow } from '../toolbar/downloadFlow';
import './trust.css';

const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** Before a link, an example or a file replaces the open flow, says what would be deleted and lets the person keep it. */
export function ReplaceFlowDialog() {
  const prompt = useAppStore((s) => s.replacePrompt);
  const flow = useAppStore((s) => s.flow);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (prompt) dialog.current?.showModal();
    else dialog.current?.close();
  }, [prompt]);

  if (!prompt) return null;
  const { work, opening, answer } = prompt;
  // "Open flow file "x.json"" → "The flow file "x.json" opens…"
  const incoming = `The ${opening.replace(/^Open /, '')}`;
  const what = [
    work.edited ? 'your changes to it' : '',
    work.steps > 0 ? `its run (${count(work.steps, 'step')} on ${count(work.branches, 'branch')})` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <dialog ref={dialog} className="modal-dialog trust-dialog" aria-labelledby={titleId} onClose={() => answer(false)}>
      <h2 id={titleId}>Replace “{work.name}”?</h2>
      <p>
        {incoming} opens in place of “{work.name}”: {what || 'it'} would be deleted from this browser. Tidemark keeps
        one flow at a time for now; export this one first to keep a copy.
      </p>
      <div className="trust-actions">
        {flow && (
          <button type="button" onClick={() => downloadFlow(flow)}>
            Export “{work.name}” first
          </button>
        )}
        <button type="button" onClick={() => answer(false)}>
          Keep “{work.name}”
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          Replace it
        </button>
      </div>
    </dialog>
  );
}
