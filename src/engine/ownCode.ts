import type { FlowDocument } from '../flow';

/**
 * The flow with a null-prototype `code` record, so `flow.code[nodeId]` finds only code the flow
 * holds, even for a node named `constructor` or `__proto__`. The record's prototype is dropped in
 * place (its keys are node ids, never methods), so the runtime keeps the very document it was
 * given; a frozen record is copied instead. A structured clone (a stored snapshot, a message from
 * the UI) makes the record ordinary again, so the runtime applies this to every flow it takes.
 */
export function withOwnCode(flow: FlowDocument): FlowDocument {
  if (Object.getPrototypeOf(flow.code) === null) return flow;
  if (Object.isExtensible(flow.code)) {
    Object.setPrototypeOf(flow.code, null);
    return flow;
  }
  // spread keeps an own "__proto__" key as a key
  return { ...flow, code: Object.setPrototypeOf({ ...flow.code }, null) as FlowDocument['code'] };
}
