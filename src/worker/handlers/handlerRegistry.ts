import type { Requests, RequestType } from '../../protocol';

export type RequestHandler<K extends RequestType> = (
  args: Requests[K]['args'],
) => Promise<Requests[K]['reply']> | Requests[K]['reply'];

export type HandlerGroup = { readonly [K in RequestType]?: RequestHandler<K> };
export type HandlerTable = { readonly [K in RequestType]: RequestHandler<K> };

/** Joins handler groups into one table; a request type claimed twice is a programming error. */
export function combineHandlers(...groups: HandlerGroup[]): HandlerGroup {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [type, handler] of Object.entries(group)) {
      if (type in table) throw new Error(`request handler "${type}" is registered twice`);
      table[type] = handler;
    }
  }
  return table;
}

/** Checks at start-up that every request type has a handler. */
export function completeTable(group: HandlerGroup, types: readonly RequestType[]): HandlerTable {
  const missing = types.filter((t) => !(t in group));
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);
  return group as HandlerTable;
}
