import type { CloudEvent } from '../cloudEvent';
import type { AmqpDeliveryInfo, HandlerContext } from './handlerContextTypes';

// The context's types live in handlerContextTypes.ts, whose text the code editor shows as well.
export type { AmqpDeliveryInfo, HandlerContext };

export type Handler = (event: CloudEvent, ctx: HandlerContext) => void;

export type CompiledHandler = { ok: true; handle: Handler } | { ok: false; error: string };
