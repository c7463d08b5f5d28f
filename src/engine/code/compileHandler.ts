import { transform } from 'sucrase';
import type { CloudEvent } from '../cloudEvent';
import { sandboxed } from './sandbox';

/** What handler code receives besides the event. */
export interface HandlerContext {
  now(): number;
  random(): number;
  log(...args: unknown[]): void;
  state: Record<string, unknown>;
  readonly node: { readonly id: string; readonly name: string };
  /** Kafka: where the event was read from: the topic (node id), partition, offset and record key. */
  readonly record?: { readonly topic: string; readonly partition: number; readonly offset: number; readonly key: string | null };
  /** AMQP: the delivery being handled. */
  readonly message?: AmqpDeliveryInfo;
  /** AMQP: answers the request being handled: published to its reply_to queue with its correlation id. */
  reply?(data: unknown, type?: string): void;
  /** AMQP: settle with basic.nack instead of an ack (requeue defaults to false: dead-lettered or dropped). */
  nack?(options?: { requeue?: boolean }): void;
  /** Pub/sub: the channel the message was published on, and the pattern that matched it. */
  readonly channel?: { readonly name: string; readonly pattern?: string };
  /** Event store: the stream the event belongs to, its version there and its global position. */
  readonly stream?: { readonly id: string; readonly version: number; readonly position: number };
  /** A policy (a consumer wired to aggregates) sends a command; `to` names the aggregate when it is wired to several. */
  send?(command: { type: string; aggregateId: string; data?: unknown }, to?: string): void;
}

export interface AmqpDeliveryInfo {
  readonly queue: string;
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly redelivered: boolean;
  readonly deliveryTag: number;
  readonly replyTo?: string;
  readonly correlationId?: string;
}

export type Handler = (event: CloudEvent, ctx: HandlerContext) => void;

export type CompiledHandler = { ok: true; handle: Handler } | { ok: false; error: string };

/** Strips TypeScript types (no type check: that is the editor's job) and returns plain JavaScript. */
export function stripTypes(source: string): string {
  return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
}

// Compiled once per distinct source; handler code changes rarely and compiling is ~1 ms.
const cache = new Map<string, CompiledHandler>();

/**
 * Compiles a handler source that defines `function handle(event, ctx)`. The module body runs
 * afresh for every call, so top-level variables cannot carry state past a snapshot: a handler
 * keeps state only in ctx.state, which snapshots capture.
 */
export function compileHandler(source: string): CompiledHandler {
  const cached = cache.get(source);
  if (cached) return cached;
  let result: CompiledHandler;
  try {
    const load = sandboxed<[], unknown>([], `${stripTypes(source)}\n;return typeof handle === 'function' ? handle : undefined;`);
    result =
      typeof load() === 'function'
        ? { ok: true, handle: (event, ctx) => (load() as Handler)(event, ctx) }
        : { ok: false, error: 'the code must define a function named handle(event, ctx)' };
  } catch (error) {
    result = { ok: false, error: errorMessage(error) };
  }
  cache.set(source, result);
  return result;
}

/** The message of anything thrown, without a stack (stacks differ between engines). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return `thrown: ${safeText(error)}`;
}

function safeText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
