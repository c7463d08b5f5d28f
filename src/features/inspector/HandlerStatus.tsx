import { useAppStore } from '../../state';

/** Why the handler does not compile, and its latest failed delivery at or before the cursor. */
export function HandlerStatus({ nodeId }: { nodeId: string }) {
  const compileError = useAppStore((s) => s.codeErrors[nodeId]);
  const failure = useAppStore((s) => s.lastFailures[nodeId]);
  return (
    <>
      {compileError !== undefined && (
        <p className="inline-error" role="alert">
          Handler does not compile: {compileError}
        </p>
      )}
      {failure !== undefined && (
        <p className="handler-failure">
          Last failure at step {failure.step}: {failure.error}
        </p>
      )}
    </>
  );
}
