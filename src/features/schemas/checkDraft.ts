import {
  type FlowDocument,
  checkCompatibility,
  checkSchema,
  checkSchemas,
  CompatibilityMode,
  type CompatibilityIssue,
  type JsonSchema,
} from '../../flow';
import { parseJsonText } from '../../state';
import { getOwn } from '../../lib/ownRecord';
import type { SchemaDraft } from './schemaDraft';

/** One finding of the checks run before saving. */
export interface CheckItem {
  readonly level: 'error' | 'warning' | 'note';
  /** A JSON Pointer: into the data for a compatibility issue, into the schema for a schema problem; "/" is the root. */
  readonly path: string;
  /** json, schema, upcaster, registry, or a compatibility rule (type-changed, required-added, …). */
  readonly rule: string;
  /** backward or forward, for a compatibility issue. */
  readonly direction?: string;
  /** The saved version the draft was compared with. */
  readonly against?: string;
  readonly message: string;
}

export type DraftCheck =
  | { readonly ok: false; readonly summary: string; readonly items: readonly CheckItem[] }
  | { readonly ok: true; readonly schemas: FlowDocument['schemas']; readonly items: readonly CheckItem[] };

const MAX_VERSIONS = 50;
const MAX_UPCASTER = 100_000;
const DEFINES_UPCAST = /\bfunction\s+upcast\s*\(|\b(?:const|let|var)\s+upcast\s*=/;

const refuse = (summary: string, items: readonly CheckItem[] = []): DraftCheck => ({ ok: false, summary, items });

function parse(text: string): { ok: true; schema: Record<string, unknown> } | { ok: false; reason: string } {
  // Within the limits before checkSchema, whose recursion would overflow on a schema nested 100,000 deep.
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    return {
      ok: false,
      reason: `the schema is ${parsed.reason.startsWith('not valid JSON') ? '' : 'refused: '}${parsed.reason}`,
    };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'a schema must be a JSON object, such as { "type": "object" }' };
  return { ok: true, schema: value as Record<string, unknown> };
}

function compatibilityItems(
  issues: readonly CompatibilityIssue[],
  against: string,
  backwardLevel: CheckItem['level'],
): CheckItem[] {
  return issues.map((issue) => ({
    level: issue.direction === 'backward' ? backwardLevel : 'warning',
    path: issue.path || '/',
    rule: issue.rule,
    direction: issue.direction,
    against,
    message: issue.message,
  }));
}

/**
 * The checks run before a schema is saved: the JSON parses, `checkSchema` accepts it, and it is
 * compared with the version before it. A change old data cannot be read as (not backward
 * compatible) is refused unless an upcaster reads the old data; one an old reader cannot read
 * (not forward compatible) is a warning. Editing the newest version in place must stay readable by
 * it, since events may already be written as it. On success, the flow's schemas with the draft in.
 */
export function checkDraft(flow: FlowDocument, draft: SchemaDraft): DraftCheck {
  const { eventType, version } = draft;
  const parsed = parse(draft.schemaText);
  if (!parsed.ok) return refuse(parsed.reason, [{ level: 'error', path: '/', rule: 'json', message: parsed.reason }]);
  const schema = parsed.schema;
  const problems = checkSchema(schema as JsonSchema).map((p): CheckItem => ({
    level: 'error',
    path: p.path || '/',
    rule: 'schema',
    message: p.message,
  }));
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    return refuse(
      `the schema has ${count} Tidemark cannot enforce (${problems[0]!.path}: ${problems[0]!.message})`,
      problems,
    );
  }

  const upcaster = draft.upcaster !== null && draft.upcaster.trim() !== '' && version > 1 ? draft.upcaster : null;
  if (upcaster !== null && !DEFINES_UPCAST.test(upcaster))
    return refuse('the upcaster must define function upcast(data)', [
      { level: 'error', path: '/', rule: 'upcaster', message: 'the upcaster must define function upcast(data)' },
    ]);
  if (upcaster !== null && upcaster.length > MAX_UPCASTER)
    return refuse('the upcaster must be at most 100,000 characters');

  const versions = getOwn(flow.schemas, eventType)?.versions ?? [];
  const newest = versions.at(-1);
  const items: CheckItem[] = [];
  let breaking: string | null = null;
  if (draft.adding) {
    if (version !== (newest?.version ?? 0) + 1)
      return refuse(
        `${eventType} v${newest?.version ?? 0} is the newest version now: discard this draft and start again from it`,
      );
    if (version > MAX_VERSIONS) return refuse(`an event type may have at most ${MAX_VERSIONS} versions`);
    if (newest) {
      const { issues } = checkCompatibility(newest.schema, schema, CompatibilityMode.Full);
      items.push(...compatibilityItems(issues, `v${newest.version}`, upcaster === null ? 'error' : 'note'));
      const first = issues.find((i) => i.direction === 'backward');
      if (first && upcaster === null)
        breaking = `${eventType} v${version} cannot read v${newest.version} events (${first.path || '/'}: ${first.message}) and has no upcaster from v${newest.version}: add an upcaster, or make the change backward compatible`;
    }
  } else {
    if (newest?.version !== version)
      return refuse(`${eventType} v${version} is no longer the newest version: discard this draft and start again`);
    const { issues } = checkCompatibility(newest.schema, schema, CompatibilityMode.Full);
    items.push(...compatibilityItems(issues, `saved v${version}`, 'error'));
    const first = issues.find((i) => i.direction === 'backward');
    if (first)
      breaking = `events already written as ${eventType} v${version} could not be read with this schema (${first.path || '/'}: ${first.message}): add a version with an upcaster instead`;
    const before = versions.at(-2);
    if (before && upcaster === null) {
      const fromBefore = checkCompatibility(before.schema, schema, CompatibilityMode.Backward).issues;
      items.push(...compatibilityItems(fromBefore, `v${before.version}`, 'error'));
      const firstBefore = fromBefore[0];
      if (firstBefore && breaking === null)
        breaking = `${eventType} v${version} cannot read v${before.version} events (${firstBefore.path || '/'}: ${firstBefore.message}) and has no upcaster from v${before.version}`;
    }
  }
  if (breaking !== null) return refuse(breaking, items);

  const entry = { version, schema, ...(upcaster !== null ? { upcaster } : {}) };
  const nextVersions = draft.adding ? [...versions, entry] : versions.map((v) => (v.version === version ? entry : v));
  const schemas = { ...flow.schemas, [eventType]: { versions: nextVersions } };
  // The worker refuses a flow whose registry it cannot enforce; the same rule, asked before sending.
  const registry = checkSchemas({ ...flow, schemas }).map((p): CheckItem => ({
    level: 'error',
    path: p.path,
    rule: 'registry',
    message: p.reason,
  }));
  if (registry.length > 0) return refuse(`${registry[0]!.path}: ${registry[0]!.message}`, registry);
  return { ok: true, schemas, items };
}
