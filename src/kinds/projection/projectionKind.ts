import { subscriberActions } from '../shared/subscriberActions';
import type { KindModule } from '../kindModule';

/** A projection reads as a consumer does; its handler folds what it reads into a read model. */
export const projectionKind: KindModule<'projection'> = { actions: subscriberActions };
