import { describe, expect, it } from 'vitest';
import type { TraceLink } from '../../engine';
import { causalSets } from './causalSets';

const link = (
  step: number,
  node: string,
  action: TraceLink['action'],
  produced: string[],
  cause?: string,
): TraceLink => ({
  step,
  time: step * 10,
  node,
  action,
  type: 'T',
  produced,
  ...(cause !== undefined ? { cause } : {}),
});

describe('causalSets', () => {
  // checkout → c1 → order appends e1 → payments handles e1, sends c2 → order appends e2; e3 from another branch of the conversation.
  const links = [
    link(1, 'checkout', 'command', ['c1']),
    link(2, 'order', 'appended', ['e1'], 'c1'),
    link(3, 'payments', 'handled', [], 'e1'),
    link(4, 'payments', 'command', ['c2'], 'e1'),
    link(5, 'order', 'appended', ['e2'], 'c2'),
    link(6, 'inventory', 'command', ['c3'], 'e1'),
    link(7, 'order', 'appended', ['e3'], 'c3'),
  ];

  it('holds what led to the focus and what it led to, not its siblings', () => {
    expect([...causalSets(links, 'c2').chain].sort()).toEqual(['c1', 'c2', 'e1', 'e2']);
    expect([...causalSets(links, 'e1').chain].sort()).toEqual(['c1', 'c2', 'c3', 'e1', 'e2', 'e3']);
  });
});
