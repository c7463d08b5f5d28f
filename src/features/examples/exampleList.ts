export interface ExampleFlow {
  /** File name under public/examples, without ".json". */
  readonly name: string;
  readonly title: string;
}

/** The example flows shipped with the app. */
export const EXAMPLES: readonly ExampleFlow[] = [
  { name: 'orders', title: 'Orders' },
  { name: 'consumer-group', title: 'Consumer group rebalance' },
  { name: 'topic-exchange', title: 'Topic exchange routing' },
  { name: 'dead-letter', title: 'Dead-letter queue' },
  { name: 'request-reply', title: 'Request-reply' },
  { name: 'pubsub', title: 'Pub/sub channels' },
  { name: 'online-shop', title: 'Online shop' },
  { name: 'cqrs-read-models', title: 'CQRS: two read models' },
  { name: 'saga-compensation', title: 'Saga with compensation' },
  { name: 'schema-evolution', title: 'Schema evolution' },
];
