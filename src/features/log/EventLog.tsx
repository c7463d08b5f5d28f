import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state';
import './log.css';

// The virtualized body (and its virtualizer) is fetched once there is a step to show: a first visit paints without it.
const LogBody = lazy(() => import('./LogBody').then((m) => ({ default: m.LogBody })));

/** The body of a log with no rows (yet): what a first visit shows, and the stand-in while the body loads. */
function EmptyBody({ head }: { head: number }) {
  return (
    <div role="rowgroup" className="log-scroller">
      {head === 0 && <p className="log-empty">No steps yet. Press Play or Step to run the flow.</p>}
    </div>
  );
}

/** Every step of the branch in a virtualized table; the last executed step is highlighted. */
export function EventLog() {
  const head = useAppStore((s) => s.frame?.head ?? 0);
  return (
    <section className="event-log" aria-label="Event log">
      <div role="table" aria-label="Steps" aria-rowcount={head + 1} className="log-table">
        <div role="row" aria-rowindex={1} className="log-row log-header">
          <span role="columnheader">Step</span>
          <span role="columnheader">Time (s)</span>
          <span role="columnheader">Node</span>
          <span role="columnheader">What</span>
        </div>
        {head === 0 ? (
          <EmptyBody head={head} />
        ) : (
          <Suspense fallback={<EmptyBody head={head} />}>
            <LogBody head={head} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
