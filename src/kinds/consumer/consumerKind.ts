import { subscriberActions } from '../shared/subscriberActions';
import type { KindModule } from '../kindModule';

/** A consumer runs its handler for each record, message or stored event it reads. */
export const consumerKind: KindModule<'consumer'> = { actions: subscriberActions };
