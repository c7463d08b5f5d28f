import { useId, useState, type FormEvent } from 'react';
import { forkRun, useAppStore } from '../../state';

/** The first "what-if n" no branch uses yet. */
function nextBranchName(names: readonly string[]): string {
  let n = 1;
  while (names.includes(`what-if ${n}`)) n++;
  return `what-if ${n}`;
}

/** "Fork from here": an inline form that names the new branch. */
export function ForkControl() {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const branches = useAppStore((s) => s.branches);
  const ready = useAppStore((s) => s.frame !== null);

  const toggle = () => {
    if (!open) setName(nextBranchName(branches.map((b) => b.name)));
    setOpen(!open);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    void forkRun(trimmed).then((ok) => ok && setOpen(false));
  };

  return (
    <span className="fork-control">
      <button type="button" disabled={!ready} aria-expanded={open} onClick={toggle}>
        Fork from here
      </button>
      {open && (
        <form className="popover" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <label htmlFor={inputId}>Branch name</label>
          <input
            id={inputId}
            type="text"
            value={name}
            autoFocus
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
          <div className="popover-actions">
            <button type="submit" className="primary" disabled={name.trim() === ''}>
              Create branch
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </span>
  );
}
