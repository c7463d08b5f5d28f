import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup';

interface MonacoEditorProps {
  readonly nodeId: string;
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
}

/** A TypeScript Monaco editor for one node's handler; loaded only when a person opens the editor. */
export function MonacoEditor({ nodeId, initialValue, onChange }: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  const initialRef = useRef(initialValue);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return undefined;
    // One model per open editor: two models both declaring `handle` would report a duplicate function.
    const model = monaco.editor.createModel(initialRef.current, 'typescript', monaco.Uri.parse(`file:///handlers/${nodeId}.ts`));
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      ariaLabel: 'Handler source',
    });
    const subscription = editor.onDidChangeModelContent(() => onChangeRef.current(editor.getValue()));
    editor.focus();
    return () => {
      subscription.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [nodeId]);

  return <div ref={host} className="monaco-host" />;
}
