import { useMemo } from 'react';
import type { TraceLink } from '../../engine';
import { seek, useAppStore, type TraceView } from '../../state';
import { causalSets } from './causalSets';
import './trace.css';

const LANE = 120;
const ROW = 30;
const TOP = 34;

const ACTION_WORDS: Readonly<Record<TraceLink['action'], string>> = {
  published: 'published',
  handled: 'handled',
  failed: 'failed on',
  command: 'decided',
  rejected: 'rejected',
  appended: 'appended',
  conflict: 'conflict on',
};

/** The lane a link's arrow starts from: a command's sender, else the node that produced what it consumed. */
function sourceNode(links: readonly TraceLink[], link: TraceLink): string | undefined {
  if (link.from !== undefined) return link.from;
  if (link.cause === undefined) return undefined;
  return links.find((l) => l.produced.includes(link.cause!))?.node;
}

/**
 * A conversation as a sequence diagram: one lane per node in the order they joined, one row per
 * step with its virtual time, an arrow from the node that produced what the step consumed. What
 * the chosen event came from and led to is drawn strong; the rest of the conversation faint.
 */
export function TracePanel({ trace }: { trace: TraceView }) {
  const flow = useAppStore((s) => s.flow);
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name ?? id;
  const lanes = useMemo(
    () => [...new Set(trace.links.flatMap((l) => (l.from !== undefined ? [l.from, l.node] : [l.node])))],
    [trace],
  );
  const { chain } = useMemo(() => causalSets(trace.links, trace.focus), [trace]);
  const x = (node: string) => LANE / 2 + lanes.indexOf(node) * LANE;
  const width = Math.max(LANE, lanes.length * LANE);
  const height = TOP + trace.links.length * ROW + 10;
  return (
    <section className="trace-panel" aria-label="Causation trace">
      <header className="trace-header">
        <h2>Causation trace</h2>
        <span className="muted">
          conversation {trace.correlationId.slice(0, 8)} · {trace.links.length} steps
          {trace.truncated ? ' (the first 50,000 steps after its start)' : ''}
        </span>
        <button type="button" onClick={() => useAppStore.getState().showTrace(null)}>
          Close trace
        </button>
      </header>
      <div className="trace-scroll">
        <ol className="trace-steps" aria-label="Steps of the conversation">
          {trace.links.map((link) => {
            const strong =
              link.produced.some((p) => chain.has(p)) || (link.cause !== undefined && chain.has(link.cause));
            return (
              <li key={link.step} className={strong ? 'is-chain' : undefined} style={{ height: ROW }}>
                <button
                  type="button"
                  onClick={() => void seek(link.step + 1)}
                  aria-label={`Go to step ${link.step}: ${nameOf(link.node)} ${ACTION_WORDS[link.action]} ${link.type}`}
                >
                  {link.step}
                </button>
                <span className="trace-time">{(link.time / 1000).toFixed(3)} s</span>
                <span>
                  {nameOf(link.node)} {ACTION_WORDS[link.action]} {link.type}
                </span>
              </li>
            );
          })}
        </ol>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Sequence of ${trace.links.length} steps across ${lanes.length} nodes`}
        >
          <defs>
            <marker
              id="trace-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" />
            </marker>
          </defs>
          {lanes.map((node) => (
            <g key={node}>
              <text x={x(node)} y={16} textAnchor="middle" className="trace-lane-name">
                {nameOf(node)}
              </text>
              <line x1={x(node)} x2={x(node)} y1={TOP - 10} y2={height} className="trace-lane" />
            </g>
          ))}
          {trace.links.map((link, i) => {
            const y = TOP + i * ROW + ROW / 2;
            const from = sourceNode(trace.links, link);
            const strong =
              link.produced.some((p) => chain.has(p)) || (link.cause !== undefined && chain.has(link.cause));
            return (
              <g key={link.step} className={strong ? 'trace-step is-chain' : 'trace-step'}>
                {from !== undefined && from !== link.node && (
                  <line
                    x1={x(from)}
                    x2={x(link.node)}
                    y1={y}
                    y2={y}
                    markerEnd="url(#trace-arrow)"
                    className="trace-arrow"
                  />
                )}
                <circle cx={x(link.node)} cy={y} r={4} className={`trace-dot action-${link.action}`} />
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
