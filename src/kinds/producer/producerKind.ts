import type { KindModule } from '../kindModule';
import { publish, scheduleNextProduction } from './publish';

/** A producer publishes on its own schedule (its rate), to every broker it is wired to. */
export const producerKind: KindModule<'producer'> = {
  pace: { action: 'produce', changed: (old, now) => old.rate !== now.rate, scheduleNext: scheduleNextProduction },
  actions: {
    produce: (run, node) => {
      const record = publish(run, node);
      scheduleNextProduction(run, node);
      return record;
    },
  },
};
