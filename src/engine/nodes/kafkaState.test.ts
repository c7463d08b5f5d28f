import { describe, expect, it } from 'vitest';
import { memberNode } from './kafkaState';

describe('memberNode', () => {
  it('names the node of a member id, also past the bound of ids it remembers (every restart makes a new one)', () => {
    expect(memberNode('consumer-1#0')).toBe('consumer-1');
    for (let i = 0; i < 10_000; i++) expect(memberNode(`billing#team#${i}`)).toBe('billing#team');
    expect(memberNode('consumer-1#0')).toBe('consumer-1');
    expect(memberNode('billing#team#3')).toBe('billing#team');
  });
});
