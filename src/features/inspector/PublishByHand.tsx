import type { ProducerNode } from '../../flow';
import { publishByHand } from '../../state';
import { nextManualIds, samplePayload } from './samplePayload';
import { SendByHand } from './SendByHand';

/** Publishes one event from this producer with a payload typed by hand. */
export function PublishByHand({ node }: { node: ProducerNode }) {
  return (
    <SendByHand
      title="Publish by hand"
      label="Event payload (JSON)"
      button="Publish event"
      initial={JSON.stringify(samplePayload(node.payload), null, 2)}
      send={(data) => publishByHand(node.id, data)}
      sent={(step) => `Published as step ${step}`}
      next={nextManualIds}
    />
  );
}
