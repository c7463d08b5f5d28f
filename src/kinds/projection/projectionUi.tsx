import type { KindUi } from '../../features/kindUi/kindUi';
import { subscriberUi } from '../shared/subscriberUi';

export const projectionUi: KindUi<'projection'> = {
  ...subscriberUi,
  description: 'Folds events into a read model',
  // Event storming: read models are green.
  color: '#17924a',
};
