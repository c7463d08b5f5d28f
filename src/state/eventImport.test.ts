import { describe, expect, it } from 'vitest';
import { EngineRequestError } from '../client';
import { describeBatchRefusal } from './eventImport';
import type { ImportedEvent } from './eventLines';

const at = (line: number): ImportedEvent => ({
  line,
  id: `e-${line}`,
  type: 'UserRegistered',
  source: '/producers/signups',
  data: {},
});

describe('describeBatchRefusal', () => {
  it('names the line in the file of the event the worker refused', () => {
    const error = new EngineRequestError(
      'nothing published: events[1]: UserRegistered data at /email: must be an email',
      [{ path: 'events[1]', reason: 'UserRegistered data at /email: must be an email' }],
    );
    expect(describeBatchRefusal(error, [at(2), at(7), at(9)])).toBe(
      'line 7: UserRegistered data at /email: must be an email',
    );
  });

  it('gives the worker’s own words for any other refusal', () => {
    expect(describeBatchRefusal(new EngineRequestError('no producer with id "x" in the running flow'), [at(1)])).toBe(
      'no producer with id "x" in the running flow',
    );
    expect(
      describeBatchRefusal(new EngineRequestError('refused', [{ path: 'events[5]', reason: 'beyond the batch' }]), [
        at(1),
      ]),
    ).toBe('events[5]: beyond the batch');
  });
});
