import type { KindModule } from '../kindModule';

/** A pub/sub node fans a publish out to its subscribers at once: it schedules nothing of its own. */
export const pubsubKind: KindModule<'pubsub'> = { actions: {} };
