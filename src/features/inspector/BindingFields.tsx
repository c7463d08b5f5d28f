import { type FlowEdge, type FlowNode, FlowDefaults } from '../../flow';
import { patchEdge, useAppStore, type EdgePatch } from '../../state';
import { JsonObjectField } from './JsonObjectField';
import { TextSettingField } from './TextSettingField';

function edit(edgeId: string, patch: EdgePatch): void {
  useAppStore.getState().editFlow((f) => patchEdge(f, edgeId, patch));
}

/** How one outgoing edge subscribes: a binding key or headers arguments from an exchange, a channel or pattern from pub/sub. */
export function BindingFields({ source, edge, targetName }: { source: FlowNode; edge: FlowEdge; targetName: string }) {
  if (source.kind === 'pubsub') {
    return (
      <TextSettingField
        label={`Channel to ${targetName}`}
        value={edge.channel}
        placeholder={FlowDefaults.channelPattern}
        hint="A channel name, or a glob pattern (orders.*, user.?, [ab]*) for PSUBSCRIBE. Empty: every channel."
        maxLength={200}
        onCommit={(channel) => edit(edge.id, { channel })}
      />
    );
  }
  if (source.kind !== 'exchange' || source.exchangeType === 'fanout') return null;
  if (source.exchangeType === 'headers') {
    return (
      <JsonObjectField
        label={`Binding arguments to ${targetName}`}
        value={edge.bindingArgs}
        placeholder='{"x-match": "all", "format": "pdf"}'
        hint="Headers to match, with x-match all (default), any, all-with-x or any-with-x."
        onCommit={(bindingArgs) => edit(edge.id, { bindingArgs })}
      />
    );
  }
  return (
    <TextSettingField
      label={`Binding key to ${targetName}`}
      value={edge.bindingKey}
      placeholder={source.exchangeType === 'topic' ? 'order.*.placed or order.#' : 'the routing key to match'}
      hint={
        source.exchangeType === 'topic'
          ? 'Dot-separated words; * matches exactly one word, # zero or more.'
          : 'A message is routed here when its routing key equals this.'
      }
      maxLength={255}
      onCommit={(bindingKey) => edit(edge.id, { bindingKey })}
    />
  );
}
