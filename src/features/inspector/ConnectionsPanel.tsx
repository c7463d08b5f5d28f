import { useMemo } from 'react';
import type { FlowEdge, FlowNode } from '../../flow';
import { removeEdge, useAppStore } from '../../state';
import { BindingFields } from './BindingFields';
import { ConnectToForm } from './ConnectToForm';

interface Link {
  readonly edge: FlowEdge;
  readonly edgeId: string;
  readonly otherName: string;
  readonly outgoing: boolean;
}

/** Outgoing and incoming connections, each removable, plus an accessible way to add one. */
export function ConnectionsPanel({ node }: { node: FlowNode }) {
  const flow = useAppStore((s) => s.flow);
  const links = useMemo((): Link[] => {
    if (!flow) return [];
    const name = (id: string) => flow.nodes.find((n) => n.id === id)?.name ?? id;
    return flow.edges.flatMap((e): Link[] => {
      if (e.source === node.id) return [{ edge: e, edgeId: e.id, otherName: name(e.target), outgoing: true }];
      if (e.target === node.id) return [{ edge: e, edgeId: e.id, otherName: name(e.source), outgoing: false }];
      return [];
    });
  }, [flow, node.id]);
  const remove = (edgeId: string) => useAppStore.getState().editFlow((f) => removeEdge(f, edgeId));

  return (
    <section className="inspector-section">
      <h3>Connections</h3>
      {links.length === 0 ? (
        <p className="muted">Not connected.</p>
      ) : (
        <ul className="connection-list">
          {links.map((link) => (
            <li key={link.edgeId}>
              <span className="connection-direction" aria-hidden="true">
                {link.outgoing ? '→' : '←'}
              </span>
              <span className="connection-name">{link.otherName}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={
                  link.outgoing ? `Remove connection to ${link.otherName}` : `Remove connection from ${link.otherName}`
                }
                title={
                  link.outgoing ? `Remove connection to ${link.otherName}` : `Remove connection from ${link.otherName}`
                }
                onClick={() => remove(link.edgeId)}
              >
                ×
              </button>
              {link.outgoing && <BindingFields source={node} edge={link.edge} targetName={link.otherName} />}
            </li>
          ))}
        </ul>
      )}
      <ConnectToForm node={node} />
    </section>
  );
}
