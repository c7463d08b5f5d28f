import { type FlowDocument, schemaToTypeScript, toTypeName, type JsonSchema } from '../../flow';
import { getOwn } from '../../lib/ownRecord';

/** Declarations of the data of every event type with a schema, and the name each type's data has. */
export interface DataDeclarations {
  readonly text: string;
  /** Event type → the name of its data type (`OrderPlaced` → `OrderPlacedData`). */
  readonly names: ReadonlyMap<string, string>;
}

/** `base`, or `base2`, `base3`, … when taken. */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/**
 * One interface per event type, from its newest schema version: `OrderPlacedData`. Each type's
 * declarations sit in a namespace of their own, so `$defs` of two schemas never clash; a global
 * alias gives the data type its plain name.
 */
export function dataDeclarations(schemas: FlowDocument['schemas']): DataDeclarations {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const blocks: string[] = [];
  for (const eventType of Object.keys(schemas).sort()) {
    const newest = getOwn(schemas, eventType)?.versions.at(-1);
    if (!newest) continue;
    const name = uniqueName(`${toTypeName(eventType)}Data`, taken);
    names.set(eventType, name);
    const body = schemaToTypeScript(name, newest.schema)
      .trimEnd()
      .replaceAll(/^(?=.)/gm, '  ');
    blocks.push(
      `/** ${eventType} v${newest.version} */\ndeclare namespace TidemarkSchemas.${name} {\n${body}\n}\ntype ${name} = TidemarkSchemas.${name}.${name};\n`,
    );
  }
  return { text: blocks.join('\n'), names };
}

/** Declarations of two versions of one event type for its upcaster: `UserRegisteredV1` and `UserRegisteredV2`. */
export function upcasterDeclarations(
  eventType: string,
  from: { version: number; schema: unknown },
  to: { version: number; schema: unknown },
): string {
  const base = toTypeName(eventType);
  const declare = (version: number, schema: unknown) => {
    const name = `${base}V${version}`;
    // A draft that is not a valid schema yet is typed loosely rather than wrongly.
    const body =
      schema === undefined
        ? `  export type ${name} = any;`
        : schemaToTypeScript(name, schema as JsonSchema)
            .trimEnd()
            .replaceAll(/^(?=.)/gm, '  ');
    return `declare namespace TidemarkUpcast.${name} {\n${body}\n}\ntype ${name} = TidemarkUpcast.${name}.${name};\n`;
  };
  return `${declare(from.version, from.schema)}\n${declare(to.version, to.schema)}`;
}
