import { useAppStore } from '../../state';
import { getOwn } from '../../lib/ownRecord';

/** What a queue holds at the cursor: consumers with their unacked deliveries, and the ready messages head first. */
export function QueueContents({ queueId, queueName }: { queueId: string; queueName: string }) {
  const view = useAppStore((s) => getOwn(s.frame?.queues, queueId));
  const flow = useAppStore((s) => s.flow);
  const time = useAppStore((s) => s.frame?.time ?? 0);
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;
  if (!view) return <p className="muted">Empty until the run starts.</p>;
  return (
    <section className="inspector-section">
      <h3>Contents</h3>
      <p>
        {view.ready.toLocaleString('en-US')} ready · {view.unacked.toLocaleString('en-US')} unacked
      </p>
      {view.consumers.length === 0 ? (
        <p className="muted">No consumer: messages wait.</p>
      ) : (
        <table className="inspector-table" aria-label={`Consumers of ${queueName}`}>
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col">Unacked</th>
              <th scope="col">Prefetch</th>
            </tr>
          </thead>
          <tbody>
            {view.consumers.map((c) => (
              <tr key={c.node}>
                <td>{nameOf(c.node)}</td>
                <td>{c.autoAck ? 'auto-ack' : c.unacked}</td>
                <td>{c.prefetch === 0 ? 'unlimited' : c.prefetch}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.head.length > 0 && (
        <table className="inspector-table" aria-label={`Messages in ${queueName}`}>
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Routing key</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {view.head.map((m) => {
              const notes = [
                m.redelivered ? 'redelivered' : '',
                m.deaths ? `x-death ${m.deaths.count}× (${m.deaths.reason} in ${nameOf(m.deaths.queue)})` : '',
                m.expiresAt !== undefined ? `expires in ${Math.max(0, Math.round(m.expiresAt - time))} ms` : '',
              ].filter(Boolean);
              return (
                <tr key={m.id}>
                  <td title={m.id}>
                    {m.eventType} {m.id.slice(0, 8)}
                  </td>
                  <td>{m.routingKey}</td>
                  <td>{notes.join(' · ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {view.ready > view.head.length && (
        <p className="muted">and {(view.ready - view.head.length).toLocaleString('en-US')} more</p>
      )}
    </section>
  );
}
