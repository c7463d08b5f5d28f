import type { KindModule } from '../kindModule';

/** An exchange routes inside a publish (see syncBrokers and publishMessage): it schedules nothing of its own. */
export const exchangeKind: KindModule<'exchange'> = { actions: {} };
