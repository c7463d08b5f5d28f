import { useState } from 'react';
import { deleteBranch, useAppStore } from '../../state';

/** Deletes the current branch (not the first one) after a confirm; a branch with forks is refused until they are gone. */
export function DeleteBranchControl() {
  const [open, setOpen] = useState(false);
  const branches = useAppStore((s) => s.branches);
  const currentId = useAppStore((s) => s.frame?.branchId ?? '');
  const branch = branches.find((b) => b.id === currentId);
  if (!branch || branch.parentId === null) return null;
  const parent = branches.find((b) => b.id === branch.parentId)?.name ?? 'its parent';
  const forks = branches.filter((b) => b.parentId === branch.id).map((b) => b.name);

  const confirm = async () => {
    if (await deleteBranch(branch.id)) setOpen(false);
  };

  return (
    <span className="fork-control">
      <button
        type="button"
        className="toolbar-icon danger"
        aria-label={`Delete branch ${branch.name}`}
        title={`Delete branch ${branch.name}`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M6 1h4l1 1h3v2H2V2h3l1-1Zm-3 4h10l-.8 9.2A2 2 0 0 1 10.2 16H5.8a2 2 0 0 1-2-1.8L3 5Zm3 2v7h1V7H6Zm3 0v7h1V7H9Z"
          />
        </svg>
      </button>
      {open && (
        <div
          className="popover delete-branch-popover"
          role="group"
          aria-label={`Delete branch ${branch.name}`}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {forks.length > 0 ? (
            <p role="alert" className="inline-error">
              {branch.name} has forks ({forks.join(', ')}): delete them first.
            </p>
          ) : (
            <p>
              Delete <strong>{branch.name}</strong> and every step recorded on it? You go back to {parent}. This cannot
              be undone.
            </p>
          )}
          <div className="popover-actions">
            {forks.length === 0 && (
              <button type="button" className="primary danger-fill" autoFocus onClick={() => void confirm()}>
                Delete
              </button>
            )}
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </span>
  );
}
