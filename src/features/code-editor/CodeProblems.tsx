import type { CodeProblem } from './useModelProblems';

interface CodeProblemsProps {
  readonly problems: readonly CodeProblem[];
  /** The accessible name of the summary, e.g. "Problems in the handler". */
  readonly label: string;
  /** What was checked: "this code", "this schema". */
  readonly subject: string;
  readonly onShowFirst: () => void;
}

/** "2 problems in this code — line 3: Property 'totl' does not exist…", beside the editor, before anything runs. */
export function CodeProblems({ problems, label, subject, onShowFirst }: CodeProblemsProps) {
  const first = problems[0];
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${subject}`;
  return (
    <div className={first ? 'code-problems has-problems' : 'code-problems'}>
      <p
        role="status"
        aria-label={label}
        className="code-problems-text"
        {...(first ? { title: `line ${first.line}: ${first.message}` } : {})}
      >
        {first ? (
          <>
            <strong>{count}</strong> — line {first.line}: {first.message}
          </>
        ) : (
          `No problems in ${subject}`
        )}
      </p>
      {first && (
        <button type="button" onClick={onShowFirst}>
          Go to line {first.line}
        </button>
      )}
    </div>
  );
}
