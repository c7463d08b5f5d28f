import { useEffect, useRef, useState } from 'react';
import { CodeProblems } from './CodeProblems';
import { monaco } from './monacoSetup';
import { useModelProblems } from './useModelProblems';
import './codeEditor.css';

export interface SourceEditorProps {
  /** The model's path, e.g. `handlers/email.ts`; its extension does not pick the language. */
  readonly path: string;
  readonly language: 'typescript' | 'json';
  readonly initialValue: string;
  /** The accessible name of the text area. */
  readonly ariaLabel: string;
  /** The accessible name of the problem summary. */
  readonly problemsLabel: string;
  /** What the summary talks about: "this code", "this schema". */
  readonly subject: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
}

/** A Monaco editor over one model, with its problem count and first message beneath. Mount it again (a new key) to start from another text. */
export function SourceEditor({
  path,
  language,
  initialValue,
  ariaLabel,
  problemsLabel,
  subject,
  onChange,
  autoFocus = false,
}: SourceEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  const initialRef = useRef(initialValue);
  const [uri, setUri] = useState<monaco.Uri | null>(null);
  const problems = useModelProblems(uri);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return undefined;
    const modelUri = monaco.Uri.parse(`file:///${path}`);
    // A model left by an editor that did not unmount cleanly would make createModel throw.
    monaco.editor.getModel(modelUri)?.dispose();
    const model = monaco.editor.createModel(initialRef.current, language, modelUri);
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      ariaLabel,
    });
    editorRef.current = editor;
    setUri(modelUri);
    const subscription = editor.onDidChangeModelContent(() => onChangeRef.current(editor.getValue()));
    if (autoFocus) editor.focus();
    return () => {
      subscription.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [path, language, ariaLabel, autoFocus]);

  const showFirst = () => {
    const editor = editorRef.current;
    const first = problems[0];
    if (!editor || !first) return;
    editor.revealLineInCenter(first.line);
    editor.setPosition({ lineNumber: first.line, column: 1 });
    editor.focus();
  };

  return (
    <div className="source-editor">
      <div ref={host} className="monaco-host" />
      <CodeProblems problems={problems} label={problemsLabel} subject={subject} onShowFirst={showFirst} />
    </div>
  );
}
