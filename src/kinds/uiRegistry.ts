import type { CSSProperties } from 'react';
import type { KindUiTable } from '../features/kindUi/kindUi';
import { aggregateUi } from './aggregate/aggregateUi';
import { commandUi } from './command/commandUi';
import { consumerUi } from './consumer/consumerUi';
import { exchangeUi } from './exchange/exchangeUi';
import { NODE_KINDS } from '../flow';
import { producerUi } from './producer/producerUi';
import { projectionUi } from './projection/projectionUi';
import { pubsubUi } from './pubsub/pubsubUi';
import { queueUi } from './queue/queueUi';
import { topicUi } from './topic/topicUi';

/** How each kind of node looks: colour, card, inspector panel, palette entry. App provides it to features/. */
export const KIND_UI = {
  producer: producerUi,
  topic: topicUi,
  exchange: exchangeUi,
  queue: queueUi,
  pubsub: pubsubUi,
  command: commandUi,
  aggregate: aggregateUi,
  consumer: consumerUi,
  projection: projectionUi,
} as const satisfies KindUiTable;

/** `--kind-<kind>` for every kind: styles that borrow a kind's colour (a producer-orange event) read these. */
export const KIND_COLOR_VARIABLES = Object.fromEntries(
  NODE_KINDS.map((kind) => [`--kind-${kind}`, KIND_UI[kind].color]),
) as CSSProperties;
