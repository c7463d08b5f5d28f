import { useRef } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useShallow } from 'zustand/react/shallow';
import type { Counters } from '../../engine';
import { RateWindow, useAppStore } from '../../state';

/** The counter a broker's in and out rates are read from. */
const RATE_OF: Readonly<Record<string, { in: keyof Counters; out: keyof Counters }>> = {
  topic: { in: 'published', out: 'delivered' },
  exchange: { in: 'published', out: 'delivered' },
  queue: { in: 'published', out: 'handled' },
  pubsub: { in: 'published', out: 'delivered' },
};

type Windows = { readonly in: RateWindow; readonly out: RateWindow };

/** Adds a reading to the windows and returns their rates; the same reading twice changes nothing. */
function sample(
  windows: Windows,
  reading: { time: number; in: number; out: number },
): { in: number | null; out: number | null } {
  windows.in.add(reading.time, reading.in);
  windows.out.add(reading.time, reading.out);
  return { in: windows.in.rate(), out: windows.out.rate() };
}

const format = (rate: number | null): string =>
  rate === null ? '–' : rate < 10 ? rate.toFixed(1) : Math.round(rate).toLocaleString('en-US');

/** A broker's rates in and out per virtual second, over the last two virtual seconds. */
export function BrokerRate({ nodeId, kind }: { nodeId: string; kind: string }) {
  const keys = RATE_OF[kind];
  const reading = useAppStore(
    useShallow((s) => {
      const counters = getOwn(s.frame?.counters, nodeId);
      return {
        time: s.frame?.time ?? 0,
        in: keys && counters ? counters[keys.in] : 0,
        out: keys && counters ? counters[keys.out] : 0,
      };
    }),
  );
  const windows = useRef<Windows>({ in: new RateWindow(), out: new RateWindow() });
  if (!keys) return null;
  // eslint-disable-next-line react-hooks/refs -- each render brings a reading to sample; a repeated render adds nothing (see sample)
  const rates = sample(windows.current, reading);
  return (
    <dl className="queue-depth broker-rate">
      <div className="queue-depth-item">
        <dt>in/s</dt> <dd>{format(rates.in)}</dd>{' '}
      </div>
      <div className="queue-depth-item">
        <dt>out/s</dt> <dd>{format(rates.out)}</dd>{' '}
      </div>
    </dl>
  );
}
