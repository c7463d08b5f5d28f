import type { PubSubNode } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';

/** A pub/sub node's live subscriptions (who listens, by channel or pattern) and what it dropped. */
export function PubSubPanel({ node }: { node: PubSubNode }) {
  const view = useAppStore((s) => getOwn(s.frame?.channels, node.id));
  const flow = useAppStore((s) => s.flow);
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <section className="inspector-section">
      <h3>Subscriptions</h3>
      <p className="muted">Nothing is stored: a message reaches only those subscribed when it is published.</p>
      {!view || view.subscriptions.length === 0 ? (
        <p className="muted">No subscriber is listening at this step.</p>
      ) : (
        <table className="inspector-table" aria-label={`Subscriptions of ${node.name}`}>
          <thead>
            <tr>
              <th scope="col">Subscriber</th>
              <th scope="col">Kind</th>
              <th scope="col">Channel or pattern</th>
            </tr>
          </thead>
          <tbody>
            {view.subscriptions.map((s) => (
              <tr key={`${s.node}-${s.kind}-${s.target}`}>
                <td>{nameOf(s.node)}</td>
                <td>{s.kind === 'pattern' ? 'PSUBSCRIBE' : 'SUBSCRIBE'}</td>
                <td>{s.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view && (
        <p>
          {view.published.toLocaleString('en-US')} published · {view.delivered.toLocaleString('en-US')} delivered ·{' '}
          {view.dropped.toLocaleString('en-US')} dropped with no subscriber
        </p>
      )}
    </section>
  );
}
