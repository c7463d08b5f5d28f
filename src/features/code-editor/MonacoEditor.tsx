import { useEffect, useState } from 'react';
import { SourceEditor } from './SourceEditor';
import { useHandlerTypes } from './useHandlerTypes';

interface MonacoEditorProps {
  readonly nodeId: string;
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
}

// Typing should not regenerate the node's types on every key; only the type names the code writes matter.
const TYPES_DEBOUNCE_MS = 400;

/** The TypeScript editor of one node's code, typed from the flow's schemas; loaded only when a person opens it. */
export function MonacoEditor({ nodeId, initialValue, onChange }: MonacoEditorProps) {
  const [draft, setDraft] = useState(initialValue);
  const [typedSource, setTypedSource] = useState(initialValue);
  useEffect(() => {
    const timer = setTimeout(() => setTypedSource(draft), TYPES_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useHandlerTypes(nodeId, typedSource);

  return (
    <SourceEditor
      // One model per open editor: two models both declaring `handle` would report a duplicate function.
      path={`handlers/${nodeId}.ts`}
      language="typescript"
      initialValue={initialValue}
      ariaLabel="Handler source"
      problemsLabel="Problems in the handler"
      subject="this code"
      autoFocus
      onChange={(value) => {
        setDraft(value);
        onChange(value);
      }}
    />
  );
}
