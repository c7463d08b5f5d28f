import { useAppStore } from '../../state';
import { CrashRestartButtons } from './CrashRestartButtons';

/** A pub/sub subscriber's connection: while crashed it is not subscribed, so it misses what is published. */
export function SubscriberControls({ nodeId }: { nodeId: string }) {
  const crashed = useAppStore((s) => s.frame?.disconnected?.includes(nodeId) ?? false);
  return (
    <section className="inspector-section">
      <h3>Subscription</h3>
      {crashed && <p className="crashed-note">Crashed: not subscribed; messages published now are gone for it.</p>}
      <CrashRestartButtons nodeId={nodeId} crashed={crashed} />
    </section>
  );
}
