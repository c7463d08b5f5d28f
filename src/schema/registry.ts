import { checkCompatibility } from './compatibility';
import { CompatibilityMode } from './compatibilityRules';
import { checkSchema } from './checkSchema';
import { childPointer } from './jsonPointer';
import type { JsonSchema } from './jsonSchema';
import type { Upcasters } from './upcast';
import { validate, type ValidationError } from './validate';

/** One version of an event type's payload schema. */
export interface SchemaVersion {
  readonly version: number;
  readonly schema: JsonSchema;
}

interface EventTypeSchemas {
  /** Versions 1, 2, 3, … in order. */
  readonly versions: readonly SchemaVersion[];
}

/**
 * The schemas of the event types, as plain data (it lives in the flow document). The upcasters
 * between versions are functions and live apart from it, in `Upcasters`.
 */
export type SchemaRegistry = Readonly<Record<string, EventTypeSchemas>>;

function versionsOf(registry: SchemaRegistry, eventType: string): readonly SchemaVersion[] {
  return Object.hasOwn(registry, eventType) ? (registry[eventType]?.versions ?? []) : [];
}

/** The newest version number of an event type, or undefined for a type the registry does not know. */
export function latestVersion(registry: SchemaRegistry, eventType: string): number | undefined {
  const versions = versionsOf(registry, eventType);
  return versions[versions.length - 1]?.version;
}

/** One version of an event type's schema; the newest when no version is given. */
export function schemaFor(registry: SchemaRegistry, eventType: string, version?: number): SchemaVersion | undefined {
  const versions = versionsOf(registry, eventType);
  return version === undefined ? versions[versions.length - 1] : versions.find((v) => v.version === version);
}

export type EventDataCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly errors: readonly ValidationError[] }
  | { readonly ok: false; readonly unknown: string };

/** Validates an event's data against its type's schema at `version` (the newest when absent). */
export function validateEventData(
  registry: SchemaRegistry,
  eventType: string,
  data: unknown,
  version?: number,
): EventDataCheck {
  const entry = schemaFor(registry, eventType, version);
  if (!entry) {
    const what =
      version === undefined || latestVersion(registry, eventType) === undefined
        ? `event type ${eventType}`
        : `version ${version} of ${eventType}`;
    return { ok: false, unknown: `the registry has no schema for ${what}` };
  }
  const errors = validate(entry.schema, data);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

export interface RegistryProblem {
  /** JSON Pointer into the registry: `/OrderPlaced/versions/1/schema/properties/total`. */
  readonly path: string;
  readonly message: string;
}

/**
 * What keeps a registry from being enforced: versions not numbered 1, 2, 3…, schemas `checkSchema`
 * refuses, and — when the upcasters are given — a version that old events cannot be read as
 * (not backward compatible with the one before) and that has no upcaster.
 */
export function checkRegistry(registry: SchemaRegistry, upcasters?: Upcasters): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  for (const [eventType, entry] of Object.entries(registry)) {
    const base = childPointer(childPointer('', eventType), 'versions');
    entry.versions.forEach((current, i) => {
      const at = childPointer(base, i);
      if (current.version !== i + 1)
        problems.push({
          path: childPointer(at, 'version'),
          message: `${eventType} versions are numbered 1, 2, 3, …: expected ${i + 1}, got ${current.version}`,
        });
      const schemaProblems = checkSchema(current.schema);
      for (const p of schemaProblems) problems.push({ path: childPointer(at, 'schema') + p.path, message: p.message });
      const previous = entry.versions[i - 1];
      if (!upcasters || !previous || schemaProblems.length > 0) return;
      const hasUpcaster =
        Object.hasOwn(upcasters, eventType) && typeof upcasters[eventType]?.[current.version] === 'function';
      if (hasUpcaster) return;
      const { issues } = checkCompatibility(previous.schema, current.schema, CompatibilityMode.Backward);
      const first = issues[0];
      if (first) {
        problems.push({
          path: at,
          message: `${eventType} v${current.version} cannot read v${previous.version} events (${first.path || '/'}: ${first.message}) and has no upcaster from v${previous.version}`,
        });
      }
    });
  }
  return problems;
}
