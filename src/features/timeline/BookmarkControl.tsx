import { useId, useState, type FormEvent } from 'react';
import { addBookmark, MAX_BOOKMARK_LABEL, useAppStore } from '../../state';

/** "Bookmark this step": an inline form with an optional label for the timeline position shown. */
export function BookmarkControl() {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const ready = useAppStore((s) => s.frame !== null && s.flow !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await addBookmark(cursor, label)) setOpen(false);
  };

  return (
    <span className="popover-anchor">
      <button
        type="button"
        disabled={!ready}
        aria-expanded={open}
        onClick={() => {
          setLabel('');
          setOpen(!open);
        }}
      >
        Bookmark this step
      </button>
      {open && (
        <form
          className="popover"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <label htmlFor={inputId}>Bookmark label (optional)</label>
          <input
            id={inputId}
            type="text"
            value={label}
            autoFocus
            maxLength={MAX_BOOKMARK_LABEL}
            onChange={(e) => setLabel(e.target.value)}
          />
          <div className="popover-actions">
            <button type="submit" className="primary">
              Add bookmark at step {cursor}
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
