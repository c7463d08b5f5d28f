// For tests only: an order aggregate for the tests of this folder, and the aggregate node's two
// steps (load and decide, then append) as one call. Its evolve mutates the state it is given, as
// user code often does, so the tests show that snapshots and loads survive that.
import { appendDecision, type CommandMetadata, type DecisionAppendResult } from './appendDecision';
import { isRejection, type Decider } from './decider';
import type { EventStore } from './eventStore';
import { load } from './load';

export interface OrderLine {
  sku: string;
  qty: number;
  price: number;
}

export interface OrderState {
  status: 'none' | 'placed' | 'shipped' | 'cancelled';
  lines: OrderLine[];
  total: number;
}

export type OrderCommand =
  | { readonly kind: 'place'; readonly lines: OrderLine[] }
  | { readonly kind: 'addLine'; readonly line: OrderLine }
  | { readonly kind: 'ship' }
  | { readonly kind: 'cancel'; readonly reason: string };

export const orderDecider: Decider<OrderCommand, OrderState> = {
  initialState: { status: 'none', lines: [], total: 0 },
  decide(command, state) {
    switch (command.kind) {
      case 'place':
        if (state.status !== 'none') return { rejected: 'the order was already placed' };
        return [{ type: 'OrderPlaced', data: { lines: command.lines } }];
      case 'addLine':
        if (state.status !== 'placed') return { rejected: `cannot add a line to a ${state.status} order` };
        return [{ type: 'LineAdded', data: command.line }];
      case 'ship':
        if (state.status !== 'placed') return { rejected: `cannot ship a ${state.status} order` };
        return [{ type: 'OrderShipped', data: {} }];
      case 'cancel':
        if (state.status === 'shipped') return { rejected: 'a shipped order cannot be cancelled' };
        if (state.status === 'cancelled') return [];
        return [{ type: 'OrderCancelled', data: { reason: command.reason } }];
    }
  },
  evolve(state, event) {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'OrderPlaced':
        state.status = 'placed';
        for (const line of data.lines as OrderLine[]) {
          state.lines.push({ ...line });
          state.total += line.qty * line.price;
        }
        return state;
      case 'LineAdded': {
        const line = data as unknown as OrderLine;
        state.lines.push({ ...line });
        state.total += line.qty * line.price;
        return state;
      }
      case 'OrderShipped':
        state.status = 'shipped';
        return state;
      case 'OrderCancelled':
        state.status = 'cancelled';
        return state;
      default:
        return state;
    }
  },
};

export const line = (sku: string, qty = 1, price = 10): OrderLine => ({ sku, qty, price });

/**
 * What the aggregate node does with a command, its two steps run back to back: load (snapshot +
 * tail), decide, then append expecting the version loaded.
 */
export function decideAndAppend<Command, State>(
  store: EventStore,
  decider: Decider<Command, State>,
  command: Command,
  streamId: string,
  now: number,
  metadata: CommandMetadata = {},
): DecisionAppendResult<State> | { readonly ok: false; readonly rejected: string } {
  const loaded = load(store, decider, streamId);
  const decision = decider.decide(command, loaded.state);
  if (isRejection(decision)) return { ok: false, rejected: decision.rejected };
  return appendDecision(store, decider, loaded, decision, now, metadata);
}
