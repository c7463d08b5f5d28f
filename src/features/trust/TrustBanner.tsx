import { useId } from 'react';
import { useAppStore } from '../../state';
import './trust.css';

/** Shown while the open flow's code is not trusted: nothing of it has run, and how to let it. */
export function TrustBanner() {
  const trusted = useAppStore((s) => s.trusted);
  const hasFlow = useAppStore((s) => s.flow !== null);
  const askTrust = useAppStore((s) => s.askTrust);
  const titleId = useId();
  if (trusted || !hasFlow) return null;
  return (
    <section className="trust-banner" aria-labelledby={titleId}>
      <h2 id={titleId}>Restricted mode</h2>
      <p>
        None of this flow’s code has run. A flow from a file or a link (or one that hung while loading) waits for you to
        trust it: until then its handlers, templates and other code are only shown and checked. Review them (select a
        node, then Edit handler code), then trust it to run it.
      </p>
      <button type="button" onClick={() => askTrust(null)}>
        Trust this flow…
      </button>
    </section>
  );
}
