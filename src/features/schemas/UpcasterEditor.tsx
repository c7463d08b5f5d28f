import { useEffect, useMemo, useState } from 'react';
import { type EventTypeSchemas, checkSchema, type JsonSchema } from '../../flow';
import { parseJsonText } from '../../state';
import { upcasterDeclarations } from '../code-editor/dataDeclarations';
import { SourceEditor } from '../code-editor/SourceEditor';
import { useExtraLib } from '../code-editor/useExtraLib';

interface UpcasterEditorProps {
  readonly eventType: string;
  /** The saved version it reads. */
  readonly from: EventTypeSchemas['versions'][number] | undefined;
  /** The version it returns, with its schema as being typed. */
  readonly version: number;
  readonly schemaText: string;
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
}

// The types follow the schema being typed, but not on every key.
const TYPES_DEBOUNCE_MS = 400;

/** The schema being typed, or undefined while it is not a schema Tidemark can read. */
function draftSchema(text: string): JsonSchema | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return undefined;
  const value = parsed.value as JsonSchema;
  return checkSchema(value).length === 0 ? value : undefined;
}

/** The upcaster's code in a TypeScript editor, typed with the version it reads and the one it returns. */
export function UpcasterEditor({ eventType, from, version, schemaText, initialValue, onChange }: UpcasterEditorProps) {
  const [typedText, setTypedText] = useState(schemaText);
  useEffect(() => {
    const timer = setTimeout(() => setTypedText(schemaText), TYPES_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [schemaText]);
  const declarations = useMemo(
    () =>
      upcasterDeclarations(
        eventType,
        { version: version - 1, schema: from?.schema ?? true },
        { version, schema: draftSchema(typedText) },
      ),
    [eventType, from, version, typedText],
  );
  useExtraLib('upcaster-types.d.ts', declarations);
  return (
    <SourceEditor
      path={`upcasters/${eventType}.v${version}.ts`}
      language="typescript"
      initialValue={initialValue}
      ariaLabel={`Upcaster of ${eventType} from v${version - 1} to v${version}`}
      problemsLabel="Problems in the upcaster"
      subject="this upcaster"
      onChange={onChange}
    />
  );
}
