import { FLOW_FORMAT, FLOW_VERSION } from './flowSchema';
import type { FlowProblem } from './flowProblem';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[v] turns a version-v document into version v+1. Version 1 is the first, so none yet. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type Migrated = { ok: true; value: unknown } | { ok: false; problem: FlowProblem };

/** Brings an older flow document up to FLOW_VERSION; leaves anything it cannot place to the schema. */
export function migrateFlow(input: unknown): Migrated {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problem: { path: '', reason: 'a flow must be a JSON object' } };
  let doc = input as Record<string, unknown>;
  if (doc.format !== FLOW_FORMAT) return { ok: false, problem: { path: 'format', reason: `must be "${FLOW_FORMAT}"` } };
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1)
    return { ok: false, problem: { path: 'version', reason: 'must be a whole number from 1' } };
  if (doc.version > FLOW_VERSION)
    return {
      ok: false,
      problem: {
        path: 'version',
        reason: `version ${doc.version} is newer than this Tidemark understands (${FLOW_VERSION})`,
      },
    };
  while ((doc.version as number) < FLOW_VERSION) {
    const step = MIGRATIONS[doc.version as number];
    if (!step)
      return { ok: false, problem: { path: 'version', reason: `no migration from version ${String(doc.version)}` } };
    doc = step(doc);
  }
  return { ok: true, value: doc };
}
