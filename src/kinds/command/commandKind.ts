import type { KindModule } from '../kindModule';
import { scheduleNextCommand, sendCommand } from './sendCommand';

/** A command source sends commands on its own schedule (its rate) to the aggregate it is wired to. */
export const commandKind: KindModule<'command'> = {
  pace: { action: 'command', changed: (old, now) => old.rate !== now.rate, scheduleNext: scheduleNextCommand },
  actions: {
    command: (run, node) => {
      const record = sendCommand(run, node);
      scheduleNextCommand(run, node);
      return record;
    },
  },
};
