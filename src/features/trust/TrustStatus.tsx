import { useAppStore } from '../../state';
import './trust.css';

/** Whether the open flow's code may run, in the toolbar; restricted, it opens the trust dialog. */
export function TrustStatus() {
  const trusted = useAppStore((s) => s.trusted);
  const hasFlow = useAppStore((s) => s.flow !== null);
  const askTrust = useAppStore((s) => s.askTrust);
  if (!hasFlow) return null;
  if (trusted)
    return (
      <span className="trust-status trust-status-trusted" title="This flow's code runs in Tidemark's sandbox">
        Trusted
      </span>
    );
  return (
    <button
      type="button"
      className="trust-status trust-status-restricted"
      title="None of this flow's code has run: review it, then trust it"
      onClick={() => askTrust(null)}
    >
      Restricted mode
    </button>
  );
}
