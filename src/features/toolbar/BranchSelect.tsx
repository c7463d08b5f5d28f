import { useId } from 'react';
import { switchBranch, useAppStore } from '../../state';

/** Lists the run's branches; choosing one switches to it. */
export function BranchSelect() {
  const id = useId();
  const branches = useAppStore((s) => s.branches);
  const current = useAppStore((s) => s.frame?.branchId ?? '');
  return (
    <span className="toolbar-field">
      <label htmlFor={id}>Branch</label>
      <select
        id={id}
        value={current}
        disabled={branches.length === 0}
        onChange={(e) => void switchBranch(e.target.value)}
      >
        {branches.map((branch) => (
          <option key={branch.id} value={branch.id}>
            {branch.name}
          </option>
        ))}
      </select>
    </span>
  );
}
