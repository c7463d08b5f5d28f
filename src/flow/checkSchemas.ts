import { checkRegistry, type SchemaRegistry, type Upcasters } from '../schema';
import { ownEntry } from '../lib/ownRecord';
import type { FlowDocument } from './flowSchema';
import type { FlowProblem } from './flowProblem';

/** "/OrderPlaced/versions/1/schema" → "schemas.OrderPlaced.versions[1].schema", the form flow problems use. */
function toPath(pointer: string): string {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  return tokens.reduce((path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : `${path}.${token}`), 'schemas');
}

/**
 * The event schemas must be enforceable: versions numbered 1, 2, 3…, schemas Tidemark can check,
 * and a new version either readable from the one before (backward compatible) or given an upcaster.
 */
export function checkSchemas(flow: FlowDocument): FlowProblem[] {
  // Only whether an upcaster exists matters here; its code is compiled when events are read.
  const upcasters: Record<string, Record<number, () => undefined>> = {};
  for (const [eventType, entry] of Object.entries(flow.schemas)) {
    for (const v of entry.versions)
      if (v.upcaster !== undefined) ownEntry(upcasters, eventType, () => ({}))[v.version] = () => undefined;
  }
  return checkRegistry(flow.schemas as SchemaRegistry, upcasters as Upcasters).map((p) => ({
    path: toPath(p.path),
    reason: p.message,
  }));
}
