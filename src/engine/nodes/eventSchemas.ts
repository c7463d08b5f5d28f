import type { FlowDocument } from '../../flow';
import { ownEntry } from '../../lib/ownRecord';
import type { CodeSandbox } from '../code/codeSandbox';
import { errorMessage } from '../code/errorMessage';
import { latestVersion, upcast, validateEventData, type SchemaRegistry, type Upcasters } from '../../schema';

// Event types with schemas in the flow are checked when written and read as their newest version:
// a payload that fails is refused with the path and the reason; older data passes through the
// upcasters, so handlers always see the newest shape.

const registryOf = (flow: FlowDocument): SchemaRegistry => flow.schemas;

/** The newest schema version of an event type; 1 for a type without schemas. */
export function currentSchemaVersion(flow: FlowDocument, eventType: string): number {
  return latestVersion(registryOf(flow), eventType) ?? 1;
}

/** Why `data` is not a valid `eventType` payload ("OrderPlaced data at /total: must be a number"), or undefined when it is (or the type has no schema). */
export function schemaProblem(flow: FlowDocument, eventType: string, data: unknown): string | undefined {
  if (!Object.hasOwn(flow.schemas, eventType)) return undefined;
  const check = validateEventData(registryOf(flow), eventType, data);
  if (check.ok) return undefined;
  if ('unknown' in check) return check.unknown;
  const first = check.errors[0]!;
  const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more)` : '';
  return `${eventType} data at ${first.path || '/'}: ${first.message}${more}`;
}

const UPCASTER_NAMES = ['upcast'] as const;

const upcasterCache = new WeakMap<CodeSandbox, WeakMap<FlowDocument['schemas'], Upcasters | { error: string }>>();

/** The flow's upcaster code compiled: each version's `function upcast(data)`; cached per schemas object. */
function upcastersOf(code: CodeSandbox, flow: FlowDocument): Upcasters | { error: string } {
  let byFlow = upcasterCache.get(code);
  if (!byFlow) upcasterCache.set(code, (byFlow = new WeakMap()));
  const cached = byFlow.get(flow.schemas);
  if (cached) return cached;
  const upcasters: Record<string, Record<number, (data: unknown) => unknown>> = {};
  let result: Upcasters | { error: string } = upcasters;
  for (const [eventType, entry] of Object.entries(flow.schemas)) {
    for (const version of entry.versions) {
      // A version without an upcaster reads older data as it is (checkRegistry insists it be backward compatible).
      if (version.upcaster === undefined) {
        ownEntry(upcasters, eventType, () => ({}))[version.version] = (data) => data;
        continue;
      }
      const compiled = code.module<{ upcast?: (data: unknown) => unknown }>(version.upcaster, UPCASTER_NAMES);
      if (!compiled.ok) {
        result = { error: `upcaster of ${eventType} v${version.version} does not compile: ${compiled.error}` };
        break;
      }
      ownEntry(upcasters, eventType, () => ({}))[version.version] = (data) => {
        const fn = compiled.load().upcast;
        if (typeof fn !== 'function') throw new Error('the code must define function upcast(data)');
        return fn(data);
      };
    }
  }
  if (code.isTrusted) byFlow.set(flow.schemas, result);
  return result;
}

/** `data` written as `fromVersion`, read as the newest version; an error names the step that failed. */
export function readAsCurrent(
  code: CodeSandbox,
  flow: FlowDocument,
  eventType: string,
  fromVersion: number,
  data: unknown,
): { ok: true; data: unknown } | { ok: false; error: string } {
  const to = currentSchemaVersion(flow, eventType);
  if (fromVersion >= to) return { ok: true, data };
  const upcasters = upcastersOf(code, flow);
  if ('error' in upcasters) return { ok: false, error: upcasters.error as string };
  try {
    const result = upcast({ type: eventType, data }, fromVersion, to, upcasters);
    return result.ok ? { ok: true, data: result.event.data } : { ok: false, error: result.error };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
