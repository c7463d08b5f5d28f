import type { CheckItem } from './checkDraft';

/** What the last Save said: refused or saved, and every finding of the checks. */
export interface SaveOutcome {
  readonly saved: boolean;
  readonly message: string;
  readonly items: readonly CheckItem[];
}

const LEVEL: Readonly<Record<CheckItem['level'], string>> = { error: 'Error', warning: 'Warning', note: 'Upcast' };

function describeRule(item: CheckItem): string {
  const where = item.direction ? `${item.direction}${item.against ? `, against ${item.against}` : ''}` : '';
  return where ? `${item.rule} (${where})` : item.rule;
}

/** The outcome of Save: an alert when refused, a status when saved, and the checks as a list naming each field. */
export function SchemaCheckList({ outcome }: { outcome: SaveOutcome }) {
  return (
    <div className="schemas-outcome">
      {outcome.saved ? (
        <p role="status" className="schemas-saved">
          {outcome.message}
        </p>
      ) : (
        <p role="alert" className="inline-error">
          {outcome.message}
        </p>
      )}
      {outcome.items.length > 0 && (
        <ul className="schemas-checks" aria-label="Schema checks">
          {outcome.items.map((item, i) => (
            <li key={i} className={`schemas-check is-${item.level}`}>
              <span className="schemas-check-level">{LEVEL[item.level]}</span>{' '}
              <code className="schemas-check-path">{item.path}</code>{' '}
              <span className="schemas-check-rule">{describeRule(item)}</span>: {item.message}
              {item.level === 'note' && (
                <span className="muted"> — the upcaster turns old data into the new shape</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
