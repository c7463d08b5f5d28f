import { describe, expect, it } from 'vitest';
import { parseGoto } from './gotoQuery';

describe('parseGoto', () => {
  it('reads a step number', () => {
    expect(parseGoto('1234')).toEqual({ ok: true, target: { kind: 'step', step: 1234 } });
    expect(parseGoto('  0 ')).toEqual({ ok: true, target: { kind: 'step', step: 0 } });
  });

  it('reads an event id in any case', () => {
    expect(parseGoto('1E23C9FD-F690-4DAF-95EB-45BD2C939585')).toEqual({
      ok: true,
      target: { kind: 'event', id: '1e23c9fd-f690-4daf-95eb-45bd2c939585' },
    });
  });

  it('reads a virtual time in seconds or milliseconds', () => {
    expect(parseGoto('12.5s')).toEqual({ ok: true, target: { kind: 'time', ms: 12_500 } });
    expect(parseGoto('3400ms')).toEqual({ ok: true, target: { kind: 'time', ms: 3400 } });
    expect(parseGoto('2 S')).toEqual({ ok: true, target: { kind: 'time', ms: 2000 } });
    expect(parseGoto('.5s')).toEqual({ ok: true, target: { kind: 'time', ms: 500 } });
  });

  it('explains what it accepts when it reads nothing', () => {
    expect(parseGoto('')).toEqual({ ok: false, problem: 'Type a step number, an event id or a time such as 12.5s.' });
    for (const text of ['-5', '12.5', '3 minutes', '1e3', 'ord-x1', '1e23c9fd-f690']) {
      expect(parseGoto(text)).toEqual({
        ok: false,
        problem: `"${text}" is not a step number (1234), an event id (a UUID) or a time (12.5s, 3400ms).`,
      });
    }
    expect(parseGoto('99999999999999999999')).toEqual({
      ok: false,
      problem: '99999999999999999999 is too large to be a step number.',
    });
  });
});
