import type { KindUi } from '../../features/kindUi/kindUi';
import { subscriberUi } from '../shared/subscriberUi';

export const consumerUi: KindUi<'consumer'> = {
  ...subscriberUi,
  description: 'Runs a handler for each event; wired to an aggregate it is a policy',
  // Event storming: policies (reactions to events) are lilac.
  color: '#7c4dcc',
};
