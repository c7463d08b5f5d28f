import type { GotoTarget } from '../protocol';

const STEP = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s)$/i;

/** What a person typed into "Go to": a step number ("1234"), an event id (a UUID), or a virtual time ("12.5s", "3400ms"). */
export function parseGoto(text: string): { ok: true; target: GotoTarget } | { ok: false; problem: string } {
  const query = text.trim();
  if (query === '') return { ok: false, problem: 'Type a step number, an event id or a time such as 12.5s.' };
  if (STEP.test(query)) {
    const step = Number(query);
    return Number.isSafeInteger(step)
      ? { ok: true, target: { kind: 'step', step } }
      : { ok: false, problem: `${query} is too large to be a step number.` };
  }
  if (UUID.test(query)) return { ok: true, target: { kind: 'event', id: query.toLowerCase() } };
  const time = TIME.exec(query);
  if (time) {
    const value = Number(time[1]);
    const ms = time[2]!.toLowerCase() === 's' ? value * 1000 : value;
    return { ok: true, target: { kind: 'time', ms } };
  }
  return {
    ok: false,
    problem: `"${query}" is not a step number (1234), an event id (a UUID) or a time (12.5s, 3400ms).`,
  };
}
