import { expireQueue, StepKind } from '../../engine';
import type { KindModule } from '../kindModule';

/** A queue is declared with the AMQP topology (see syncBrokers); its own step is a message outliving its TTL. */
export const queueKind: KindModule<'queue'> = {
  actions: {
    'queue-expire': (run, node, action) => {
      const deaths = expireQueue(run, node.id, action.time);
      return deaths
        ? { kind: StepKind.Expire, step: run.state.step, time: run.state.time, node: node.id, deaths }
        : undefined;
    },
  },
};
