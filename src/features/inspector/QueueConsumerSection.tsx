import { useShallow } from 'zustand/react/shallow';
import { type SubscriberNode, FlowDefaults } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { CrashRestartButtons } from './CrashRestartButtons';
import { NumberField } from './NumberField';
import { SelectField, type SelectOption } from './SelectField';

type Ack = NonNullable<SubscriberNode['ack']>;
type OnError = NonNullable<SubscriberNode['onError']>;

const ACK_OPTIONS: readonly SelectOption<Ack>[] = [
  { value: 'manual', label: 'manual: ack after handling' },
  { value: 'auto', label: 'auto (no-ack): acked when sent' },
];

const ON_ERROR_OPTIONS: readonly SelectOption<OnError>[] = [
  { value: 'dead-letter', label: 'reject: dead-letter (or drop)' },
  { value: 'requeue', label: 'nack with requeue' },
];

function edit(node: SubscriberNode, patch: NodePatch<SubscriberNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, node.id, node.kind, patch));
}

/** An AMQP consumer's channel settings, what it holds unacked per queue, and crash / restart. */
export function QueueConsumerSection({ node, showControls }: { node: SubscriberNode; showControls: boolean }) {
  const held = useAppStore(
    useShallow((s) =>
      Object.entries(s.frame?.queues ?? {}).flatMap(([queue, view]) => {
        const mine = view.consumers.find((c) => c.node === node.id);
        return mine ? [`${s.flow?.nodes.find((n) => n.id === queue)?.name ?? queue}: ${mine.unacked} unacked`] : [];
      }),
    ),
  );
  const crashed = useAppStore((s) => s.frame?.disconnected?.includes(node.id) ?? false);
  return (
    <section className="inspector-section">
      <h3>Queue consumer</h3>
      <NumberField
        label="Prefetch"
        value={node.prefetch ?? FlowDefaults.prefetch}
        min={0}
        max={10_000}
        step="1"
        hint="basic.qos: unacked messages it may hold per queue; 0 is unlimited. 1 gives fair dispatch."
        onCommit={(prefetch) => edit(node, { prefetch })}
      />
      <SelectField
        label="Acknowledgement"
        value={node.ack ?? FlowDefaults.ack}
        options={ACK_OPTIONS}
        hint="Manual: a crash before the ack redelivers (at-least-once). Auto: a crash loses what it holds (at-most-once)."
        onChange={(ack) => edit(node, { ack })}
      />
      <SelectField
        label="When the handler throws"
        value={node.onError ?? FlowDefaults.onError}
        options={ON_ERROR_OPTIONS}
        hint="Requeue puts it back (redelivered), so a poison message comes back forever; reject sends it to the queue's dead letter exchange."
        onChange={(onError) => edit(node, { onError })}
      />
      {held.length > 0 && <p className="muted">{held.join(' · ')}</p>}
      {crashed && (
        <p className="crashed-note">
          Crashed: its channel is closed; what it held unacked went back to the queue, redelivered.
        </p>
      )}
      {showControls && <CrashRestartButtons nodeId={node.id} crashed={crashed} />}
    </section>
  );
}
