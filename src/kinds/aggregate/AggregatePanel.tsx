import { useState } from 'react';
import { getOwn } from '../../lib/ownRecord';
import type { AggregateNode } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { HandlerStatus } from '../../features/inspector/HandlerStatus';
import { NumberField } from '../../features/inspector/NumberField';
import { OptionalNumberField } from '../../features/inspector/OptionalNumberField';
import { SelectField, type SelectOption } from '../../features/inspector/SelectField';
import { StreamInspector } from '../../features/inspector/StreamInspector';

type OnConflict = NonNullable<AggregateNode['onConflict']>;

const CONFLICT_OPTIONS: readonly SelectOption<OnConflict>[] = [
  { value: 'retry', label: 'retry: load again and decide again' },
  { value: 'fail', label: 'fail the command' },
];

/** Any stream by id: the list above shows only the most recently written ones. */
function OpenStreamForm({ onOpen }: { onOpen: (streamId: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="field-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') onOpen(text.trim());
      }}
    >
      <input
        type="text"
        aria-label="Stream id to open"
        placeholder="Order-ord-…"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">Open stream</button>
    </form>
  );
}

function edit(nodeId: string, patch: NodePatch<AggregateNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'aggregate', patch));
}

/** An aggregate: its decider code, how it handles conflicts and snapshots, and its streams at the cursor. */
export function AggregatePanel({ node }: { node: AggregateNode }) {
  const editorOpen = useAppStore((s) => s.codeNodeId === node.id);
  const view = useAppStore((s) => getOwn(s.frame?.eventStore?.aggregates, node.id));
  const [streamId, setStreamId] = useState<string | null>(null);
  return (
    <>
      <section className="inspector-section">
        <h3>Decider</h3>
        <button
          type="button"
          aria-pressed={editorOpen}
          onClick={() => useAppStore.getState().openCodeEditor(editorOpen ? null : node.id)}
        >
          Edit decide and evolve
        </button>
        <HandlerStatus nodeId={node.id} />
      </section>
      <NumberField
        label="Decision time (ms)"
        value={node.latencyMs}
        min={0}
        max={3_600_000}
        step="1"
        hint="Virtual ms between loading the stream and appending: another command appending meanwhile makes a conflict."
        onCommit={(latencyMs) => edit(node.id, { latencyMs })}
      />
      <SelectField
        label="On a concurrency conflict"
        value={node.onConflict ?? 'retry'}
        options={CONFLICT_OPTIONS}
        hint="The append expects the version it loaded; the stream moved on."
        onChange={(onConflict) => edit(node.id, { onConflict })}
      />
      <NumberField
        label="Retries"
        value={node.maxRetries ?? 3}
        min={0}
        max={20}
        step="1"
        onCommit={(maxRetries) => edit(node.id, { maxRetries })}
      />
      <OptionalNumberField
        label="Snapshot every (events)"
        value={node.snapshotEvery}
        min={1}
        max={10_000}
        hint="A snapshot of a stream's state every N events: loading is then the snapshot plus the events after it. Empty: none."
        onCommit={(snapshotEvery) => edit(node.id, { snapshotEvery })}
      />
      <section className="inspector-section">
        <h3>Streams</h3>
        {!view || view.streamCount === 0 ? (
          <p className="muted">No stream yet: each aggregate id a command names is a stream.</p>
        ) : (
          <>
            <p>
              {view.streamCount.toLocaleString('en-US')} {view.streamCount === 1 ? 'stream' : 'streams'} ·{' '}
              {view.conflicts.toLocaleString('en-US')} conflicts
            </p>
            <ul className="stream-list" aria-label={`Streams of ${node.name}`}>
              {view.streams.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-pressed={streamId === s.id}
                    onClick={() => setStreamId(streamId === s.id ? null : s.id)}
                  >
                    {s.id} <span className="muted">v{s.version}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <OpenStreamForm onOpen={setStreamId} />
        {streamId !== null && <StreamInspector streamId={streamId} />}
      </section>
    </>
  );
}
