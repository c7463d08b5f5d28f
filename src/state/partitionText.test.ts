import { describe, expect, it } from 'vitest';
import { bracketList, offsetList, shortPartitionList } from './partitionText';

const nameOf = (id: string) => ({ t1: 'orders', t2: 'payments' })[id] ?? id;

describe('partition text', () => {
  it('lists partitions per topic in brackets, in numeric order', () => {
    expect(bracketList(['t1:10', 't1:2', 't2:0'], nameOf)).toBe('orders[2,10] payments[0]');
    expect(bracketList([], nameOf)).toBe('none');
  });

  it('keeps a card short: runs of three or more become a range', () => {
    expect(shortPartitionList(['t1:0', 't1:1'], nameOf)).toBe('p0, p1');
    expect(shortPartitionList(['t1:0', 't1:1', 't1:2', 't1:3', 't1:5'], nameOf)).toBe('p0–p3, p5');
    expect(shortPartitionList(['t1:0', 't2:1'], nameOf)).toBe('orders p0 · payments p1');
  });

  it('writes committed offsets by partition', () => {
    expect(offsetList({ 't1:2': 16, 't1:0': 3 }, nameOf)).toBe('orders[0] → 3, orders[2] → 16');
  });
});
