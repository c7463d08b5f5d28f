import { useShallow } from 'zustand/react/shallow';
import type { ExchangeNode } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { SelectField, type SelectOption } from '../../features/inspector/SelectField';

type ExchangeType = ExchangeNode['exchangeType'];

const TYPE_OPTIONS: readonly SelectOption<ExchangeType>[] = [
  { value: 'direct', label: 'direct: binding key equals routing key' },
  { value: 'fanout', label: 'fanout: every bound queue' },
  { value: 'topic', label: 'topic: patterns with * and #' },
  { value: 'headers', label: 'headers: match on headers (x-match)' },
];

const NONE = '';

function edit(nodeId: string, patch: NodePatch<ExchangeNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'exchange', patch));
}

/** An exchange's type and alternate exchange; its bindings are edited on its connections below. */
export function ExchangePanel({ node }: { node: ExchangeNode }) {
  const others = useAppStore(
    useShallow((s) => s.flow?.nodes.filter((n) => n.kind === 'exchange' && n.id !== node.id) ?? []),
  );
  const alternates: SelectOption<string>[] = [
    { value: NONE, label: 'none: unroutable messages are dropped' },
    ...others.map((x) => ({ value: x.id, label: x.name })),
  ];
  return (
    <>
      <SelectField
        label="Exchange type"
        value={node.exchangeType}
        options={TYPE_OPTIONS}
        onChange={(exchangeType) => edit(node.id, { exchangeType })}
      />
      <SelectField
        label="Alternate exchange"
        value={node.alternateExchange ?? NONE}
        options={alternates}
        hint="Takes the messages none of this exchange's bindings match."
        onChange={(alternateExchange) =>
          edit(node.id, { alternateExchange: alternateExchange === NONE ? undefined : alternateExchange })
        }
      />
      <p className="muted">
        Connect it to queues (or exchanges) and set each binding under Connections. Its name in AMQP is its id,{' '}
        {node.id}.
      </p>
    </>
  );
}
