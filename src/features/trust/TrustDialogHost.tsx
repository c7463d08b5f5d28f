import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state';

// The dialog and its code listing load only when a person is asked to trust (keeps the first bundle small).
const TrustDialog = lazy(() => import('./TrustDialog').then((m) => ({ default: m.TrustDialog })));

/** Where the trust question appears when an untrusted flow is asked to run. */
export function TrustDialogHost() {
  const asked = useAppStore((s) => s.trustPrompt !== null);
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <TrustDialog />
    </Suspense>
  );
}
