import { seek, useAppStore } from '../../state';
import { getOwn } from '../../lib/ownRecord';

/** Why the handler does not compile, and its latest failed delivery at or before the cursor. */
export function HandlerStatus({ nodeId }: { nodeId: string }) {
  const compileError = useAppStore((s) => getOwn(s.codeErrors, nodeId));
  const failure = useAppStore((s) => getOwn(s.lastFailures, nodeId));
  return (
    <>
      {compileError !== undefined && (
        <p className="inline-error" role="alert">
          Handler does not compile: {compileError}
        </p>
      )}
      {failure !== undefined && (
        <div className="handler-failure">
          <p>
            Last failure at step {failure.step}: {failure.error}
          </p>
          {failure.subject !== undefined && <p className="muted">while handling {failure.subject}</p>}
          {/* The cursor just after the step: the log highlights its row and every panel shows the state it left. */}
          <button type="button" onClick={() => void seek(failure.step + 1)}>
            Show step {failure.step} in the log
          </button>
        </div>
      )}
    </>
  );
}
