import type { ProducerNode } from '../../flow';
import type { CloudEvent } from '../cloudEvent';
import { fillKey, fillTemplate } from '../code/payloadTemplate';
import { errorMessage } from '../code/compileHandler';
import { deepFreeze } from '../deepFreeze';
import { nextUuid } from '../random';
import { StepKind, type StepRecord } from '../stepRecord';
import { virtualIso } from '../virtualTime';
import type { RunContext } from './runContext';
import { appendToTopic } from './topic';

/** Virtual milliseconds between two events at `rate` events per second; none when the rate is 0. */
export function productionInterval(node: ProducerNode): number | undefined {
  return node.rate > 0 ? 1000 / node.rate : undefined;
}

export function scheduleNextProduction(run: RunContext, node: ProducerNode): void {
  const interval = productionInterval(node);
  if (interval !== undefined) run.schedule({ kind: 'produce', time: run.state.time + interval, seq: 0, node: node.id });
}

function makeEvent(run: RunContext, node: ProducerNode, data: unknown, sequence: number, key: string | null): CloudEvent {
  const id = nextUuid(run.state.random);
  return deepFreeze({
    specversion: '1.0',
    id,
    source: `/producers/${node.id}`,
    type: node.eventType,
    time: virtualIso(run.state.time),
    datacontenttype: 'application/json',
    data,
    // A new event from a producer starts its own conversation.
    correlationid: id,
    ...(key !== null ? { partitionkey: key } : {}),
    sequence,
  });
}

/** Creates one event (from the template, or `data` when published by hand) and appends it to every wired topic. */
export function publish(run: RunContext, node: ProducerNode, manualData?: unknown): StepRecord {
  const state = run.nodeState(node.id);
  const sequence = state.sequence + 1;
  let data: unknown;
  let key: string | null = null;
  try {
    data = manualData !== undefined ? manualData : fillTemplate(node.payload, run.state.random, sequence, run.state.time);
    if (node.key !== undefined) key = fillKey(node.key, data, run.state.random, sequence, run.state.time);
  } catch (error) {
    state.counters.failed++;
    return { kind: StepKind.Fault, step: run.state.step, time: run.state.time, node: node.id, error: errorMessage(error) };
  }
  state.sequence = sequence;
  state.counters.published++;
  const event = makeEvent(run, node, data, sequence, key);
  const topics: string[] = [];
  const placed: { topic: string; partition: number; offset: number }[] = [];
  for (const edge of run.outgoing(node.id)) {
    const topic = run.node(edge.target);
    if (topic?.kind !== 'topic') continue;
    run.state.edges[edge.id] = (run.state.edges[edge.id] ?? 0) + 1;
    placed.push({ topic: topic.id, ...appendToTopic(run, topic, event, key, node.unkeyed) });
    topics.push(edge.target);
  }
  const record = { kind: StepKind.Publish, step: run.state.step, time: run.state.time, node: node.id, event, topics, placed } as const;
  return manualData !== undefined ? { ...record, manual: true } : record;
}
