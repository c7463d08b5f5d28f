import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { monaco } from './monacoSetup';

/** A type or syntax error Monaco marks in a model. */
export interface CodeProblem {
  readonly line: number;
  readonly message: string;
}

function problemsOf(uri: monaco.Uri): CodeProblem[] {
  return monaco.editor
    .getModelMarkers({ resource: uri })
    .filter((m) => m.severity >= monaco.MarkerSeverity.Warning)
    .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)
    .map((m) => ({ line: m.startLineNumber, message: m.message }));
}

/** The errors and warnings of the model at `uri`, kept up to date as the language workers re-check it. */
export function useModelProblems(uri: monaco.Uri | null): readonly CodeProblem[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!uri) return () => undefined;
      const subscription = monaco.editor.onDidChangeMarkers((changed) => {
        if (changed.some((u) => u.toString() === uri.toString())) onChange();
      });
      return () => subscription.dispose();
    },
    [uri],
  );
  // The snapshot is the problems as JSON text: equal markers give an equal snapshot, so no extra render.
  const text = useSyncExternalStore(subscribe, () => JSON.stringify(uri ? problemsOf(uri) : []));
  return useMemo(() => JSON.parse(text) as CodeProblem[], [text]);
}
