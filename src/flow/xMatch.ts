/** The `x-match` argument of a headers-exchange binding. */
export const XMatch = {
  /** Every binding argument must match (the default). */
  All: 'all',
  /** At least one binding argument must match. */
  Any: 'any',
  /** Like all, but x- arguments are compared too. */
  AllWithX: 'all-with-x',
  /** Like any, but x- arguments are compared too. */
  AnyWithX: 'any-with-x',
} as const;
export type XMatch = (typeof XMatch)[keyof typeof XMatch];

export const X_MATCH_MODES: readonly string[] = Object.values(XMatch);

/** Whether a binding's `x-match` value is one RabbitMQ accepts (a binding without one is fine too). */
export function isValidXMatch(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && X_MATCH_MODES.includes(value));
}
