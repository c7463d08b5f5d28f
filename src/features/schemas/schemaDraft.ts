import { type FlowDocument, toTypeName } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import { schemaFromPayload } from './schemaFromPayload';

/** What the person is writing for one event type: its newest version edited in place, or a new version. */
export interface SchemaDraft {
  readonly eventType: string;
  /** The version being written. */
  readonly version: number;
  /** A version not saved yet (the first, or the next); false: the newest saved one, edited in place. */
  readonly adding: boolean;
  readonly schemaText: string;
  /** Code defining `function upcast(data)` from the version before; null: none. */
  readonly upcaster: string | null;
  /** Bumped when the text is replaced by a button, so the editors start over from it. */
  readonly generation: number;
}

export const formatSchema = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;

/** The newest saved version, ready to be edited in place; null for a type without schemas. */
export function savedDraft(flow: FlowDocument, eventType: string, generation = 0): SchemaDraft | null {
  const newest = getOwn(flow.schemas, eventType)?.versions.at(-1);
  if (!newest) return null;
  return {
    eventType,
    version: newest.version,
    adding: false,
    schemaText: formatSchema(newest.schema),
    upcaster: newest.upcaster ?? null,
    generation,
  };
}

/** Version 1 of a type that has none, guessed from the payload of a producer that publishes it. */
export function firstDraft(flow: FlowDocument, eventType: string, generation = 0): SchemaDraft {
  const producer = flow.nodes.find((n) => n.kind === 'producer' && n.eventType === eventType);
  const schema =
    producer?.kind === 'producer' ? schemaFromPayload(producer.payload) : { type: 'object', properties: {} };
  return { eventType, version: 1, adding: true, schemaText: formatSchema(schema), upcaster: null, generation };
}

/** The next version, starting from the text being edited (the newest version's schema unless changed). */
export function nextVersionDraft(draft: SchemaDraft): SchemaDraft {
  return { ...draft, version: draft.version + 1, adding: true, upcaster: null, generation: draft.generation + 1 };
}

/** Whether the draft differs from what is saved. */
export function isDirty(flow: FlowDocument, draft: SchemaDraft): boolean {
  if (draft.adding) return true;
  const saved = savedDraft(flow, draft.eventType);
  return !saved || saved.schemaText !== draft.schemaText || saved.upcaster !== draft.upcaster;
}

/** The upcaster a new one starts from: typed with both versions (see upcasterDeclarations). */
export function upcasterTemplate(eventType: string, version: number): string {
  const name = toTypeName(eventType);
  return [
    `// Reads ${eventType} v${version - 1} data as v${version}: runs whenever a v${version - 1} event is read.`,
    `function upcast(data: ${name}V${version - 1}): ${name}V${version} {`,
    '  return { ...data };',
    '}',
    '',
  ].join('\n');
}
