import { Fragment } from 'react';
import type { StateChange } from '../../state';

const MAX_VALUE_CHARS = 80;

/** A value as one line of JSON with spaces to wrap at, cut short when long (the full text is in the cell's title). */
function valueText(value: unknown): { short: string; full: string } {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- no JSON means a function or a symbol, which String() spells out
  const full = value === undefined ? '' : (JSON.stringify(value, null, 1) ?? String(value)).replace(/\n\s*/g, ' ');
  return { short: full.length > MAX_VALUE_CHARS ? `${full.slice(0, MAX_VALUE_CHARS - 1)}…` : full, full };
}

function ValueCell({ value, present }: { value: unknown; present: boolean }) {
  if (!present) return <td className="diff-none">—</td>;
  const { short, full } = valueText(value);
  return <td title={full}>{short}</td>;
}

/** A path with break opportunities before each "." and "[", so a long path wraps between keys. */
function PathText({ path }: { path: string }) {
  if (path === '') return <>(whole state)</>;
  const parts = path.split(/(?=[.[])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** One row per changed path: added, changed or removed, with the value before and after. */
export function StateDiffTable({ changes }: { changes: readonly StateChange[] }) {
  return (
    <table className="inspector-table diff-table" aria-label="State changes">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Change</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} className={`diff-${c.change}`}>
            <th scope="row">
              <PathText path={c.path} />
            </th>
            <td className="diff-kind">{c.change}</td>
            <ValueCell value={'before' in c ? c.before : undefined} present={c.change !== 'added'} />
            <ValueCell value={'after' in c ? c.after : undefined} present={c.change !== 'removed'} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
