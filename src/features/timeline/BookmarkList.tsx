import { useState } from 'react';
import { removeBookmark, seek, useAppStore, type Bookmark } from '../../state';

const NONE: readonly Bookmark[] = [];

/** "Bookmarks (n)": the branch's bookmarks, each to go to or remove. */
export function BookmarkList() {
  const [open, setOpen] = useState(false);
  const bookmarks = useAppStore((s) =>
    s.markers !== null && s.markers.branchId === s.frame?.branchId ? s.markers.bookmarks : NONE,
  );
  return (
    <span className="popover-anchor">
      <button
        type="button"
        aria-expanded={open}
        disabled={bookmarks.length === 0 && !open}
        onClick={() => setOpen(!open)}
      >
        Bookmarks ({bookmarks.length})
      </button>
      {open && (
        <div className="popover bookmark-popover" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {bookmarks.length === 0 ? (
            <p className="muted">No bookmarks on this branch.</p>
          ) : (
            <ul className="bookmark-list" aria-label="Bookmarks">
              {bookmarks.map(({ step, label }) => {
                const name = label === '' ? `step ${step}` : label;
                return (
                  <li key={step}>
                    <button
                      type="button"
                      className="bookmark-go"
                      aria-label={`Go to ${label === '' ? `bookmark at step ${step}` : `bookmark "${label}" at step ${step}`}`}
                      onClick={() => void seek(step)}
                    >
                      <span className="bookmark-label">{label === '' ? 'Untitled' : label}</span>
                      <span className="bookmark-step">step {step}</span>
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove bookmark ${name}`}
                      title="Remove"
                      onClick={() => void removeBookmark(step)}
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </span>
  );
}
