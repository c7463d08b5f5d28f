import { describe, expect, it } from 'vitest';
import { stuckWorkText } from './stuckWorkText';

describe('stuckWorkText', () => {
  it('names the request the worker never answered', () => {
    expect(stuckWorkText({ requests: ['queryReadModel'], playing: false }, 10, 40)).toMatch(
      /^The engine stopped answering for 10 s while running your read-model query: /,
    );
    expect(stuckWorkText({ requests: ['trust'], playing: false }, 10, 0)).toContain(
      'while compiling the flow you had just trusted and replaying its run',
    );
  });

  it('names a playing run with the last step the page showed', () => {
    expect(stuckWorkText({ requests: [], playing: true }, 10, 1234)).toContain(
      'while playing the run (the last step shown was 1,234)',
    );
  });

  it('says only that it stopped when it owed nothing it can name', () => {
    expect(stuckWorkText({ requests: [], playing: false }, 10, undefined)).toMatch(
      /^The engine stopped answering for 10 s: /,
    );
  });
});
