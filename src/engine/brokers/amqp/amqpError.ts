/** AMQP 0-9-1 reply codes that Tidemark's broker model produces. */
export const ReplyCode = {
  /** basic.return of a mandatory message that no queue took. */
  NoRoute: 312,
  AccessRefused: 403,
  NotFound: 404,
  PreconditionFailed: 406,
  /** A connection error in RabbitMQ (reusing a consumer tag). */
  NotAllowed: 530,
} as const;
export type ReplyCode = (typeof ReplyCode)[keyof typeof ReplyCode];

/** What RabbitMQ would close the channel (or connection) with; the text follows RabbitMQ's wording. */
export interface AmqpError {
  readonly code: ReplyCode;
  readonly text: string;
}

/** RabbitMQ names resources as `exchange 'x' in vhost '/'`; Tidemark has one vhost. */
export function resourceName(kind: 'exchange' | 'queue', name: string): string {
  return `${kind} '${name}' in vhost '/'`;
}
