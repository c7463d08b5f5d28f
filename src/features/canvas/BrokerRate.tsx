import { useRef } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useShallow } from 'zustand/react/shallow';
import type { Counters } from '../../engine/counters';
import { RateWindow, useAppStore } from '../../state';

/** The counter a broker's in and out rates are read from. */
const RATE_OF: Readonly<Record<string, { in: keyof Counters; out: keyof Counters }>> = {
  topic: { in: 'published', out: 'delivered' },
  exchange: { in: 'published', out: 'delivered' },
  queue: { in: 'published', out: 'handled' },
  pubsub: { in: 'published', out: 'delivered' },
};

const format = (rate: number | null): string => (rate === null ? '–' : rate < 10 ? rate.toFixed(1) : Math.round(rate).toLocaleString('en-US'));

/** A broker's rates in and out per virtual second, over the last two virtual seconds. */
export function BrokerRate({ nodeId, kind }: { nodeId: string; kind: string }) {
  const keys = RATE_OF[kind];
  const reading = useAppStore(
    useShallow((s) => {
      const counters = getOwn(s.frame?.counters, nodeId);
      return { time: s.frame?.time ?? 0, in: keys && counters ? counters[keys.in] : 0, out: keys && counters ? counters[keys.out] : 0 };
    }),
  );
  const windows = useRef({ in: new RateWindow(), out: new RateWindow() });
  if (!keys) return null;
  windows.current.in.add(reading.time, reading.in);
  windows.current.out.add(reading.time, reading.out);
  return (
    <dl className="queue-depth broker-rate">
      <div className="queue-depth-item">
        <dt>in/s</dt> <dd>{format(windows.current.in.rate())}</dd>{' '}
      </div>
      <div className="queue-depth-item">
        <dt>out/s</dt> <dd>{format(windows.current.out.rate())}</dd>{' '}
      </div>
    </dl>
  );
}
