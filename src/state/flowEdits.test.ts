import { describe, expect, it } from 'vitest';
import { addNode, connectNodes, connectableTargets, emptyFlow, removeNode } from './flowEdits';
import { patchNode } from './patchNode';

function twoNodes() {
  const a = addNode(emptyFlow(), 'producer', { x: 0, y: 0 });
  const b = addNode(a.flow, 'topic', { x: 300, y: 0 });
  return b.flow;
}

describe('flow edits', () => {
  it('names new nodes by kind and number, with the kind’s defaults', () => {
    const { flow, nodeId } = addNode(emptyFlow(), 'consumer', { x: 10.4, y: 20.6 });
    expect(nodeId).toBe('consumer-1');
    expect(flow.nodes[0]).toMatchObject({ id: 'consumer-1', name: 'Consumer 1', latencyMs: 10 });
    expect(flow.layout['consumer-1']).toEqual({ x: 10, y: 21 });
    expect(flow.code['consumer-1']).toContain('function handle(event: TidemarkEvent, ctx: Context)');
    expect(addNode(flow, 'consumer', { x: 0, y: 0 }).nodeId).toBe('consumer-2');
  });

  it('connects only kinds that may be joined, once', () => {
    const flow = twoNodes();
    const ok = connectNodes(flow, 'producer-1', 'topic-1');
    expect(ok.ok && ok.flow.edges).toEqual([{ id: 'producer-1-to-topic-1', source: 'producer-1', target: 'topic-1' }]);
    expect(connectNodes(flow, 'topic-1', 'producer-1')).toEqual({
      ok: false,
      reason: 'A topic cannot connect to a producer',
    });
    if (ok.ok) expect(connectNodes(ok.flow, 'producer-1', 'topic-1').ok).toBe(false);
    if (ok.ok) expect(connectableTargets(ok.flow, 'producer-1')).toEqual([]);
  });

  it('removes a node with its edges, code and layout, leaving the old document as it was', () => {
    const connected = connectNodes(twoNodes(), 'producer-1', 'topic-1');
    if (!connected.ok) throw new Error('expected a connection');
    const withConsumer = addNode(connected.flow, 'consumer', { x: 0, y: 0 }).flow;
    const next = removeNode(withConsumer, 'topic-1');
    expect(next.nodes.map((n) => n.id)).toEqual(['producer-1', 'consumer-1']);
    expect(next.edges).toEqual([]);
    expect(next.layout['topic-1']).toBeUndefined();
    expect(withConsumer.nodes).toHaveLength(3);
    expect(removeNode(next, 'consumer-1').code).toEqual({});
  });

  it('patches a node of the right kind, removing fields set to undefined', () => {
    const { flow } = addNode(emptyFlow(), 'topic', { x: 0, y: 0 });
    const six = patchNode(flow, 'topic-1', 'topic', { partitions: 6, retentionMs: 1000 });
    expect(six.nodes[0]).toEqual({ id: 'topic-1', kind: 'topic', name: 'Topic 1', partitions: 6, retentionMs: 1000 });
    expect(patchNode(six, 'topic-1', 'topic', { retentionMs: undefined }).nodes[0]).not.toHaveProperty('retentionMs');
    // A producer patch does not touch a topic.
    expect(patchNode(six, 'topic-1', 'producer', { key: '{{ data.id }}' })).toEqual(six);
  });
});
