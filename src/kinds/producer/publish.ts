import {
  countOnEdge,
  type CloudEvent,
  fillKey,
  fillTemplate,
  errorMessage,
  deepFreeze,
  nextUuid,
  StepKind,
  type PublishStep,
  type StepRecord,
  virtualIso,
  type RunContext,
  trackRequest,
  type Message,
  type AmqpRoute,
  type ChannelNote,
  currentSchemaVersion,
  schemaProblem,
  publishOnChannel,
  newEffects,
  publishMessage,
  appendToTopic,
} from '../../engine';
import type { ProducerNode } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import type { Writable } from '../../lib/writable';

/** Requests a producer keeps waiting for replies; beyond this the oldest are forgotten, so a missing responder cannot grow the state without end. */
const MAX_PENDING_REQUESTS = 1000;

interface BrokerFields {
  readonly routingKey: string;
  readonly headers: Record<string, string>;
  readonly channel: string;
}

/** Routing key, headers and channel from their templates, for producers wired to exchanges, queues or pub/sub. */
function brokerFields(run: RunContext, node: ProducerNode, data: unknown, sequence: number): BrokerFields {
  const fill = (template: string) => fillKey(run.code, template, data, run.state.random, sequence, run.state.time);
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(node.headers ?? {})) setOwn(headers, name, fill(template));
  return {
    routingKey: fill(node.routingKey ?? node.eventType),
    headers,
    channel: fill(node.channel ?? node.eventType),
  };
}

const needsBrokerFields = (run: RunContext, node: ProducerNode): boolean =>
  run.outgoing(node.id).some((e) => run.node(e.target)?.kind !== 'topic');

/** The AMQP message for one exchange or queue edge: a queue edge publishes through the default exchange, keyed by the queue's name. */
function amqpMessage(
  node: ProducerNode,
  target: { kind: 'exchange' | 'queue'; id: string },
  event: CloudEvent,
  fields: BrokerFields,
): Message {
  return {
    id: event.id,
    exchange: target.kind === 'exchange' ? target.id : '',
    routingKey: target.kind === 'exchange' ? fields.routingKey : target.id,
    headers: fields.headers,
    body: event,
    ...(node.expirationMs !== undefined ? { expiration: node.expirationMs } : {}),
    ...(node.replyTo !== undefined ? { replyTo: node.replyTo, correlationId: event.id } : {}),
  };
}

function trackReplyTo(run: RunContext, node: ProducerNode, event: CloudEvent): void {
  if (node.replyTo === undefined) return;
  let pending = getOwn(run.state.amqp.requests, node.id);
  if (!pending) {
    pending = {};
    setOwn(run.state.amqp.requests, node.id, pending);
  }
  trackRequest(pending, { correlationId: event.id, replyTo: node.replyTo, sentAt: run.state.time });
  const ids = Object.keys(pending);
  if (ids.length > MAX_PENDING_REQUESTS) delete pending[ids[0]!];
}

/** Virtual milliseconds between two events at `rate` events per second; none when the rate is 0. */
function productionInterval(node: ProducerNode): number | undefined {
  return node.rate > 0 ? 1000 / node.rate : undefined;
}

export function scheduleNextProduction(run: RunContext, node: ProducerNode): void {
  const interval = productionInterval(node);
  if (interval !== undefined) run.schedule({ kind: 'produce', time: run.state.time + interval, seq: 0, node: node.id });
}

const sources = new WeakMap<ProducerNode, string>();

/** `/producers/<id>`, made once per node: every event carries it. */
function sourceOf(node: ProducerNode): string {
  let source = sources.get(node);
  if (source === undefined) {
    source = `/producers/${node.id}`;
    sources.set(node, source);
  }
  return source;
}

function makeEvent(
  run: RunContext,
  node: ProducerNode,
  data: unknown,
  sequence: number,
  key: string | null,
): CloudEvent {
  const id = nextUuid(run.state.random);
  const source = sourceOf(node);
  const type = node.eventType;
  const time = virtualIso(run.state.time);
  const datacontenttype = 'application/json';
  // A new event from a producer starts its own conversation: its correlation id is its own id.
  // Whole literals in one key order (fields added later cost an allocation each, on every event).
  let event: CloudEvent;
  if (!Object.hasOwn(run.flow.schemas, type)) {
    event =
      key === null
        ? { specversion: '1.0', id, source, type, time, datacontenttype, data, correlationid: id, sequence }
        : {
            specversion: '1.0',
            id,
            source,
            type,
            time,
            datacontenttype,
            data,
            correlationid: id,
            partitionkey: key,
            sequence,
          };
  } else {
    const schemaversion = currentSchemaVersion(run.flow, type);
    event =
      key === null
        ? {
            specversion: '1.0',
            id,
            source,
            type,
            time,
            datacontenttype,
            data,
            correlationid: id,
            schemaversion,
            sequence,
          }
        : {
            specversion: '1.0',
            id,
            source,
            type,
            time,
            datacontenttype,
            data,
            correlationid: id,
            partitionkey: key,
            schemaversion,
            sequence,
          };
  }
  deepFreeze(data);
  return Object.freeze(event);
}

/** Creates one event (from the template, or `data` when published by hand) and appends it to every wired topic. */
export function publish(run: RunContext, node: ProducerNode, manualData?: unknown): StepRecord {
  const state = run.nodeState(node.id);
  const sequence = state.sequence + 1;
  let data: unknown;
  let key: string | null = null;
  let fields: BrokerFields | undefined;
  try {
    data =
      manualData !== undefined
        ? manualData
        : fillTemplate(run.code, node.payload, run.state.random, sequence, run.state.time);
    if (node.key !== undefined) key = fillKey(run.code, node.key, data, run.state.random, sequence, run.state.time);
    if (needsBrokerFields(run, node)) fields = brokerFields(run, node, data, sequence);
    const invalid = schemaProblem(run.flow, node.eventType, data);
    if (invalid !== undefined) throw new Error(`payload refused: ${invalid}`);
  } catch (error) {
    state.counters.failed++;
    return {
      kind: StepKind.Fault,
      step: run.state.step,
      time: run.state.time,
      node: node.id,
      error: errorMessage(error),
    };
  }
  state.sequence = sequence;
  state.counters.published++;
  const event = makeEvent(run, node, data, sequence, key);
  const topics: string[] = [];
  const placed: { topic: string; partition: number; offset: number }[] = [];
  // Only producers wired to exchanges, queues or pub/sub need these (fields is set for them).
  const amqp: AmqpRoute[] = [];
  const channels: ChannelNote[] = [];
  const effects = fields ? newEffects() : undefined;
  for (const edge of run.outgoing(node.id)) {
    const target = run.node(edge.target);
    if (!target) continue;
    countOnEdge(run.state.edges, edge.id);
    if (target.kind === 'topic') {
      placed.push(appendToTopic(run, target, event, key, node.unkeyed));
      topics.push(edge.target);
    } else if (fields && effects && (target.kind === 'exchange' || target.kind === 'queue')) {
      amqp.push(publishMessage(run, amqpMessage(node, target, event, fields), node.mandatory === true, effects));
    } else if (fields && target.kind === 'pubsub') {
      channels.push(publishOnChannel(run, target, fields.channel, event));
    }
  }
  if (amqp.length > 0) trackReplyTo(run, node, event);
  const record: Writable<PublishStep> = {
    kind: StepKind.Publish,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    event,
    topics,
    placed,
  };
  // Optional fields in a fixed order after the others, so a record's JSON text does not depend on which are set.
  if (amqp.length > 0) record.amqp = amqp;
  if (channels.length > 0) record.channels = channels;
  if (effects && effects.deaths.length > 0) record.deaths = effects.deaths;
  if (manualData !== undefined) record.manual = true;
  return record;
}
